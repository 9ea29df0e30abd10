"""Events of the 代表建议 workflow told to the people concerned: 交办 to the units, 退办 and 答复
to staff, 不满意 (a second handling) to the lead unit with the deputy's words. Declared here,
beside the reminders; each told once per event and person."""

from __future__ import annotations

from django.urls import reverse

from congress.accounts.models import accounts_of
from congress.work.notify import staff, tell


def told(s, event) -> None:
    key = f"suggestion:{s.pk}:event:{event.pk}"
    name = f"{s.number} {s.title}"
    portal = reverse("portal_detail", args=[s.pk])
    office = reverse("suggestions_detail", args=[s.pk])
    deputy = s.lead.user if s.lead.user_id else None
    if event.action == "交办" and deputy is not None:
        tell(
            [deputy],
            f"{key}:deputy",
            f"您的建议已交办：{name}",
            f"主办单位：{s.lead_unit}，答复期限{s.deadline:%Y年%-m月%-d日}。",
            reverse("deputy_suggestion", args=[s.pk]),
        )
    if event.action == "答复" and deputy is not None:
        tell(
            [deputy],
            f"{key}:deputy",
            f"您的建议已答复，请评价：{name}",
            "请在“我的建议”中查看答复，评价满意、基本满意或不满意。",
            reverse("deputy_suggestion", args=[s.pk]),
        )
    if event.action == "交办":
        for unit in [s.lead_unit, *s.assist_units.all()]:
            role = "主办" if unit == s.lead_unit else "协办"
            tell(
                accounts_of(unit),
                key,
                f"新交办的代表建议（{role}）：{name}",
                f"答复期限{s.deadline:%Y年%-m月%-d日}。请签收并按期答复。",
                portal,
            )
    elif event.action == "沟通" and s.lead.user_id:
        tell(
            [s.lead.user],
            key,
            f"承办单位与您沟通：{name}",
            event.note,
            reverse("deputy_suggestion", args=[s.pk]),
        )
    elif event.action == "退办":
        tell(staff(), key, f"承办单位退办：{name}", event.note, office)
    elif event.action == "答复":
        tell(staff(), key, f"承办单位已答复：{name}", event.note, office)
    elif event.action == "修改答复":
        tell(staff(), key, f"承办单位修改了答复：{name}", event.note, office)
    elif event.action == "代表意见" and s.round == 2 and s.lead_unit_id and s.state == "办理中":
        tell(
            accounts_of(s.lead_unit),
            key,
            f"代表不满意，请二次办理：{name}",
            event.note,
            portal,
        )
