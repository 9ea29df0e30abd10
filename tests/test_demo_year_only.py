"""``load_demo --year-only``: the 2025 year alone, without the running year (faster: the fault
tests use it)."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from congress.figures.cache import compute_year

pytestmark = pytest.mark.django_db


def test_the_year_alone(settings):
    call_command("load_demo", year_only=True, verbosity=0)
    assert compute_year(2025)["standing_meetings"] == 11
    this_year = timezone.localdate().year
    if this_year > 2025:
        assert compute_year(this_year)["standing_meetings"] == 0
