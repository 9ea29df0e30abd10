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


class RoleBackend(ModelBackend):
    """Django's permissions, the roles' part (the groups') read once in a minute per process:
    roles change at an upgrade (``sync_roles``), never between two pages of a working day,
    and asking on every page was two queries of each page's dozen."""

    SECONDS = 60.0

    def get_group_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_group_perm_cache"):
            from django.contrib.auth.models import Permission

            from congress.accounts import memo
            from congress.accounts.roles import role_names

            names = sorted(role_names(user_obj))

            def load() -> frozenset[str]:
                rows = (
                    Permission.objects.filter(group__name__in=names)
                    .values_list("content_type__app_label", "codename")
                    .order_by()
                )
                return frozenset(f"{app}.{code}" for app, code in rows)

            user_obj._group_perm_cache = set(
                memo.remember("perms:" + "|".join(names), load, self.SECONDS)
            )
        return user_obj._group_perm_cache


class AliasBackend(RoleBackend):
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
