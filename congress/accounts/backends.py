"""Logging in by another name than the login name: each app may declare how a person it keeps
is also known (a deputy by the mobile number on their record), in ``<app>/declarations.py``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth.backends import ModelBackend

from congress.registry import Registry


@dataclass(frozen=True)
class Alias:
    """Another name an account logs in by: ``find`` gives the account it names, or None."""

    key: str
    find: Callable[[str], object | None]


ALIASES: Registry[Alias] = Registry("login alias", "declarations", key=lambda a: a.key)


def register(*aliases: Alias) -> None:
    ALIASES.register(*aliases)


class AliasBackend(ModelBackend):
    """The password of the one account an alias names; nothing when none or several do."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if not username or not password:
            return None
        found = {u.pk: u for a in ALIASES.values() if (u := a.find(username.strip())) is not None}
        if len(found) != 1:
            return None
        user = next(iter(found.values()))
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
