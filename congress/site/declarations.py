"""What each app shows on the home pages, declared in ``<app>/declarations.py``: its section on
the staff home with its links, and its links on a handling unit's home. The core names no app's
page: a new app's section appears once it declares one."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse

from congress.registry import Registry

STAFF, UNIT, MEMBER, DEPUTY = "staff", "unit", "member", "deputy"


@dataclass(frozen=True)
class Section:
    """全部功能: one card on a home page, its title and its links (label, URL name)."""

    title: str
    links: tuple[tuple[str, str], ...]
    order: int = 100
    role: str = STAFF  # the staff home, a handling unit's home or a member's

    def urls(self, user) -> list[tuple[str, str]]:
        out = []
        for label, name in self.links:
            try:
                out.append((label, reverse(name)))
            except NoReverseMatch:
                continue
        return out


SECTIONS: Registry[Section] = Registry(
    "home section", "declarations", key=lambda s: f"{s.role}:{s.title}"
)


def register(*sections: Section) -> None:
    SECTIONS.register(*sections)


def sections(role: str, user) -> list[tuple[str, list[tuple[str, str]]]]:
    found = sorted((s for s in SECTIONS.values() if s.role == role), key=lambda s: s.order)
    return [(s.title, s.urls(user)) for s in found]
