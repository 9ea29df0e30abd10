"""The settings the tests run with: the project's own, and a throwaway app built only for the
tests (tests/throwaway) to prove that a new app needs nothing but its place in INSTALLED_APPS."""

from congress.settings import *  # noqa: F403
from congress.settings import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "tests.throwaway"]
