"""Record kinds: what each app declares about a model for the generic record pages.

Each app declares a ``RecordKind`` per model in ``<app>/kinds.py`` (its form, filters, list
columns, detail page) and gets its URLs from ``congress.records.views.urls_for``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol
from urllib.parse import urlencode

from django.db.models import Model, QuerySet
from django.forms import BaseInlineFormSet, ModelForm
from django.http import HttpResponse
from django.urls import reverse
from django_filters import FilterSet

from congress.registry import Registry


@dataclass
class Column:
    label: str
    accessor: str  # dotted attribute path; a callable attribute is called
    order: str | None = None  # the model field to sort by, when sortable
    link: bool = False  # the cell links to the record's page

    def value(self, obj: Any) -> Any:
        for part in self.accessor.split("."):
            if obj is None:
                return ""
            if part.startswith("get_") and part.endswith("_display") and isinstance(obj, Model):
                obj = _display(obj, part[4:-8])
                continue
            obj = getattr(obj, part)
            if callable(obj) and not isinstance(obj, Model):
                obj = obj()
        return "" if obj is None else obj


_LABELS: dict[tuple, dict] = {}


def _display(obj: Model, name: str) -> str:
    """``get_<name>_display()`` from a label table made once per field and language: Django's
    own rebuilds the field's choices on every call, a list of 50 rows calls it 150 times."""
    from django.utils.translation import get_language

    field = obj._meta.get_field(name)
    key = (obj._meta.label, name, get_language())
    labels = _LABELS.get(key)
    if labels is None:
        labels = _LABELS[key] = {value: str(label) for value, label in field.flatchoices}
    value = getattr(obj, field.attname)
    return labels.get(value, "" if value is None else str(value))


# A list's records as a workbook, by model: filled by the ledger (congress.ledger, which sits
# above the apps) for every model a sheet holds, so that this base layer never imports it.
EXPORTERS: dict[type[Model], Callable[[QuerySet], HttpResponse]] = {}


@dataclass
class RecordKind:
    key: str
    model: type[Model]
    form: type[ModelForm]
    filterset: type[FilterSet]
    columns: list[Column]
    queryset: Callable[[], QuerySet]
    default_order: str = "-pk"
    detail_template: str = "crud/detail.html"
    detail_fields: list[str] | None = None
    formsets: list[tuple[str, type[BaseInlineFormSet]]] = field(default_factory=list)
    # Extra context for the detail page (the meeting's decisions, an item's opinions, …).
    detail_context: Callable[[Any], dict] | None = None
    # Further pages the list offers to those who may add records: (label, URL name).
    actions: list[tuple[str, str]] = field(default_factory=list)
    # A new record created on the page enters its workflow here (record, user), in the same
    # transaction: a suggestion registered in the browser gets its 登记 like any other.
    on_create: Callable[[Any, Any], None] | None = None
    # The form keeps a draft in the author's browser while they type; a kind whose text is
    # sensitive (信访) turns it off, so nothing of it stays on a shared computer.
    drafts: bool = True
    # One valid record of the kind, the n-th of a series with distinct names: what the tests
    # create to walk, count and export every kind, so that a new app edits no existing test.
    example: Callable[[int], Model] | None = None

    @property
    def exportable(self) -> bool:
        return self.model in EXPORTERS

    @property
    def list_actions(self) -> list[tuple[str, str]]:
        return [(label, reverse(name)) for label, name in self.actions]

    def __post_init__(self) -> None:
        KINDS.register(self)

    @property
    def label(self) -> str:
        return str(self.model._meta.verbose_name)

    @property
    def label_plural(self) -> str:
        return str(self.model._meta.verbose_name_plural)

    def perm(self, action: str) -> str:
        meta = self.model._meta
        return f"{meta.app_label}.{action}_{meta.model_name}"

    def url(self, view: str, pk: int | None = None) -> str:
        name = f"{self.key}_{view}"
        return reverse(name, args=[pk] if pk is not None else [])

    @property
    def url_create(self) -> str:
        return self.url("create")

    @property
    def url_list(self) -> str:
        return self.url("list")

    def filtered(self, params) -> FilterSet:
        return self.filterset(params or None, queryset=self.queryset())

    def list_url(self, **params) -> str:
        return self.url("list") + ("?" + urlencode(params) if params else "")


KINDS: Registry[RecordKind] = Registry("record kind", "kinds", key=lambda k: k.key)


class Scope(Protocol):
    """A record list narrowed to what one figure counts (``?figure=名称``)."""

    name: str
    definition: str
    unit: str
    restrict: Callable[[QuerySet], QuerySet]
    total: Callable[[QuerySet], int] | None  # a sum's total, shown beside the row count


# Who can narrow a list to a figure's records: (kind key, figure name, parameters) -> a Scope
# or None. The figures package declares its finder in congress/figures/declarations.py.
ScopeFinder = Callable[[str, str, Any], Scope | None]
LIST_SCOPES: Registry[ScopeFinder] = Registry(
    "list scope finder", "declarations", key=lambda fn: f"{fn.__module__}.{fn.__qualname__}"
)
