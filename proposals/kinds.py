"""The proposals app's record kinds: the lists, forms and detail pages the core builds."""

from congress.accounts.forms import UnitForm
from congress.accounts.models import Unit
from congress.records.filters import RecordFilter
from congress.records.kinds import Column, RecordKind

from . import examples, services
from .actions import STAFF_ACTIONS
from .filters import SuggestionFilter
from .forms import (
    SuggestionForm,
)
from .models import Suggestion


def _suggestion_context(s: Suggestion) -> dict:
    return {
        "events": s.events.select_related("user"),
        "assist": s.assist_units.all(),
        "cosigners": s.cosigners.all(),
        "staff_actions": [a for a in STAFF_ACTIONS.values() if s.state in a.states],
        "return_deadline": services.return_deadline(s),
    }


suggestions = RecordKind(
    key="suggestions",
    example=examples.suggestion,
    model=Suggestion,
    form=SuggestionForm,
    filterset=SuggestionFilter,
    queryset=lambda: Suggestion.objects.select_related("lead", "lead_unit"),
    default_order="-date",
    columns=[
        Column("编号", "number", "number", link=True),
        Column("标题", "title", "title", link=True),
        Column("类别", "get_kind_display", "kind"),
        Column("领衔代表", "lead.name"),
        Column("主办单位", "lead_unit.name"),
        Column("答复期限", "deadline", "deadline"),
        Column("办理状态", "get_state_display", "state"),
        Column("代表意见", "get_opinion_display", "opinion"),
        Column("重点督办", "key_label"),
    ],
    detail_template="proposals/suggestion_detail.html",
    detail_context=_suggestion_context,
    actions=[("批量交办", "batch_assign"), ("交办函", "assignment_letters")],
    on_create=lambda s, user: services.registered(s, user),
)


class UnitFilter(RecordFilter):
    search_fields = ("name",)
    yearly = False

    class Meta:
        model = Unit
        fields: list[str] = []

    def filter_year(self, queryset, name, value):
        return queryset


units = RecordKind(
    key="units",
    example=examples.unit,
    model=Unit,
    form=UnitForm,
    filterset=UnitFilter,
    queryset=lambda: Unit.objects.all(),
    default_order="name",
    columns=[Column("单位名称", "name", "name", link=True)],
    detail_fields=["name", "users"],
)
