"""代表建议办理: the suggestion workflow. Every move is checked, locked and recorded."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Count, F, Q
from django.utils import timezone

from congress.accounts.models import Unit
from congress.work.dates import add_months
from congress.work.workdays import Deadline
from congress.work.workdays import deadline as working_deadline

from .models import Suggestion, SuggestionEvent

S = Suggestion.State


class WorkflowError(Exception):
    """A move the workflow does not allow; the message is shown to the user."""


def _locked(suggestion: Suggestion) -> Suggestion:
    # Re-read under a row lock so two people acting at once cannot both pass the state check.
    return Suggestion.objects.select_for_update().get(pk=suggestion.pk)


def _record(s: Suggestion, user, action: str, before: str, note: str = "") -> None:
    from .events import told

    event = SuggestionEvent.objects.create(
        suggestion=s,
        user=user if user and user.pk else None,
        action=action,
        from_state=before,
        to_state=s.state,
        note=note,
    )
    told(s, event)


@dataclass(frozen=True)
class Move:
    """One move of the 代表建议 workflow: from which states, to which, and its name in Chinese."""

    label: str
    sources: tuple[str, ...]
    target: str | None  # None: the state stays (签收, 重点督办), or depends (代表意见)


# The workflow, in one place: the services refuse any other move, the pages offer these.
TRANSITIONS: dict[str, Move] = {
    "submit": Move("登记", ("",), S.NEW),
    "assign": Move("交办", (S.NEW,), S.HANDLING),
    "reject": Move("不予立案", (S.NEW,), S.REJECTED),
    "withdraw": Move("撤回", (S.NEW, S.HANDLING), S.WITHDRAWN),
    "accept": Move("签收", (S.HANDLING,), None),
    "contact": Move("记录沟通", (S.HANDLING,), None),
    "return": Move("退办", (S.HANDLING,), S.NEW),
    "reply": Move("答复", (S.HANDLING,), S.ANSWERED),
    "correct": Move("修改答复", (S.ANSWERED,), None),
    "opinion": Move("登记代表意见", (S.ANSWERED,), None),  # 不满意: back to 办理中
    "close": Move("办结", (S.ANSWERED,), S.CLOSED),
    "key": Move("设置重点督办", (S.NEW, S.HANDLING, S.ANSWERED, S.CLOSED), None),
    "litigation": Move("转公益诉讼", (S.HANDLING, S.ANSWERED, S.CLOSED), None),
}


def sources(move: str) -> tuple[str, ...]:
    return TRANSITIONS[move].sources


def _allow(s: Suggestion, move: str) -> None:
    m = TRANSITIONS[move]
    if s.state not in m.sources:
        allowed = "、".join(m.sources)
        raise WorkflowError(f"当前状态为“{s.state}”，不能{m.label}（只有“{allowed}”的建议可以）。")


def _require_lead(s: Suggestion, unit: Unit | None) -> None:
    if unit is None or s.lead_unit_id != unit.pk:
        raise WorkflowError("只有主办单位可以进行此操作。")


@transaction.atomic
def submit(suggestion: Suggestion, user) -> Suggestion:
    """登记: a new suggestion enters the workflow as 待交办."""
    suggestion.state = S.NEW
    suggestion.save()
    _record(suggestion, user, "登记", "")
    return suggestion


def registered(suggestion: Suggestion, user) -> Suggestion:
    """登记 of a suggestion the browser's form has just saved: the workflow's first event."""
    if suggestion.state != S.NEW:
        raise WorkflowError("新登记的建议应为待交办状态。")
    _record(suggestion, user, "登记", "")
    return suggestion


@transaction.atomic
def assign(
    suggestion: Suggestion,
    user,
    *,
    lead_unit: Unit,
    assist_units=(),
    assigned=None,
    difficult: bool | None = None,
    deadline: datetime.date | None = None,
) -> Suggestion:
    """交办: to one lead unit and any assisting units, with a reply deadline (the configured
    months after 交办 unless one is given)."""
    s = _locked(suggestion)
    _allow(s, "assign")
    assist = [u for u in assist_units if u.pk != lead_unit.pk]
    before = s.state
    if difficult is not None:
        s.difficult = difficult
    s.lead_unit = lead_unit
    s.assigned = assigned or timezone.localdate()
    if s.assigned < s.date:
        raise WorkflowError("交办日期不能早于提出日期。")
    if deadline is not None and deadline <= s.assigned:
        raise WorkflowError("答复期限应晚于交办日期。")
    s.deadline = deadline or add_months(s.assigned, s.reply_months())
    s.accepted = None
    s.state = S.HANDLING
    s.save()
    s.assist_units.set(assist)
    names = "、".join(u.name for u in assist)
    _record(
        s,
        user,
        "交办",
        before,
        f"主办：{lead_unit.name}"
        + (f"；协办：{names}" if names else "")
        + f"；答复期限：{s.deadline}",
    )
    return s


@transaction.atomic
def reject(suggestion: Suggestion, user, *, reason: str) -> Suggestion:
    """不予立案, with the reason told to the deputy."""
    s = _locked(suggestion)
    _allow(s, "reject")
    if not reason.strip():
        raise WorkflowError("不予立案必须说明理由。")
    before = s.state
    s.state, s.reject_reason = S.REJECTED, reason.strip()
    s.save()
    _record(s, user, "不予立案", before, s.reject_reason)
    return s


@transaction.atomic
def withdraw(suggestion: Suggestion, user, *, reason: str = "") -> Suggestion:
    """撤回: the deputy withdraws the suggestion before it is answered."""
    s = _locked(suggestion)
    _allow(s, "withdraw")
    before = s.state
    s.state = S.WITHDRAWN
    s.save()
    _record(s, user, "撤回", before, reason)
    return s


@transaction.atomic
def accept(suggestion: Suggestion, user, *, unit: Unit, note: str = "") -> Suggestion:
    """签收: the lead unit acknowledges the assignment; what it says with it is kept."""
    s = _locked(suggestion)
    _allow(s, "accept")
    _require_lead(s, unit)
    if s.accepted:
        raise WorkflowError("该建议已签收。")
    s.accepted = timezone.localdate()
    s.save()
    _record(s, user, "签收", s.state, unit.name + (f"：{note.strip()}" if note.strip() else ""))
    return s


def return_deadline(s: Suggestion) -> Deadline | None:
    """退办期限: working days after 交办 on the official calendar (holidays and 调休 counted)."""
    if not s.assigned:
        return None
    return working_deadline(s.assigned, settings.CONGRESS["RETURN_WORKING_DAYS"])


@transaction.atomic
def return_to_office(
    suggestion: Suggestion, user, *, unit: Unit, reason: str, today: datetime.date | None = None
) -> Suggestion:
    """退办: the lead unit returns a wrongly assigned item, within the allowed working days."""
    s = _locked(suggestion)
    _allow(s, "return")
    _require_lead(s, unit)
    if not reason.strip():
        raise WorkflowError("退办必须说明理由。")
    if s.round > 1:
        raise WorkflowError("二次办理的建议不能退办。")
    today = today or timezone.localdate()
    limit = return_deadline(s)
    if limit and today > limit.day:
        days = settings.CONGRESS["RETURN_WORKING_DAYS"]
        raise WorkflowError(f"已超过退办期限（交办后{days}个工作日内，即{limit.day}前）。")
    before = s.state
    s.state, s.returned_reason = S.NEW, reason.strip()
    s.lead_unit, s.assigned, s.deadline, s.accepted = None, None, None, None
    s.save()
    s.assist_units.clear()
    _record(s, user, "退办", before, f"{unit.name}：{s.returned_reason}")
    return s


@transaction.atomic
def record_contact(
    suggestion: Suggestion,
    user,
    *,
    unit: Unit,
    date: datetime.date,
    form: str,
    person: str,
    agreed: str,
):
    """沟通: the lead unit records a contact with the deputy and what was agreed."""
    from .models import Contact

    s = _locked(suggestion)
    _allow(s, "contact")
    _require_lead(s, unit)
    if s.assigned and date < s.assigned:
        raise WorkflowError("沟通日期不能早于交办日期。")
    if date > timezone.localdate():
        raise WorkflowError("沟通日期不能晚于今天。")
    if not agreed.strip() or not person.strip():
        raise WorkflowError("请填写沟通对象和沟通情况。")
    contact = Contact.objects.create(
        suggestion=s, unit=unit, date=date, form=form, person=person.strip(), agreed=agreed.strip()
    )
    _record(s, user, "沟通", s.state, f"{date}，{form}，与{contact.person}：{contact.agreed}")
    return s


@transaction.atomic
def reply(
    suggestion: Suggestion,
    user,
    *,
    unit: Unit | None,
    date: datetime.date,
    text: str,
    result: str,
    file=None,
) -> Suggestion:
    """答复: the lead unit's written reply and its result class (A/B/C/D)."""
    s = _locked(suggestion)
    _allow(s, "reply")
    if unit is not None:
        _require_lead(s, unit)
    if result not in Suggestion.Result.values:
        raise WorkflowError("请选择答复类别（A、B、C、D）。")
    if not text.strip() and not file:
        raise WorkflowError("请填写答复内容或上传答复文件。")
    if s.assigned and date < s.assigned:
        raise WorkflowError("答复日期不能早于交办日期。")
    if date > timezone.localdate():
        raise WorkflowError("答复日期不能晚于今天。")
    # 先沟通后答复, where the office's rules say so: a contact with the deputy comes first.
    if (
        settings.CONGRESS["CONTACT_BEFORE_REPLY"]
        and not s.contacts.filter(unit_id=s.lead_unit_id).exists()
    ):
        raise WorkflowError("请先与代表沟通并记录沟通情况，再行答复（先沟通后答复）。")
    before = s.state
    s.reply_date, s.reply_text, s.result = date, text.strip(), result
    if file:
        s.reply_file = file
    s.opinion = ""
    s.state = S.ANSWERED
    s.save()
    _record(s, user, "答复", before, f"答复类别：{result}")
    return s


@transaction.atomic
def correct_reply(suggestion: Suggestion, user, *, unit: Unit, text: str, file=None) -> Suggestion:
    """修改答复: the lead unit corrects its reply until the item is closed; the earlier version is
    kept in the history."""
    s = _locked(suggestion)
    _allow(s, "correct")
    _require_lead(s, unit)
    if s.opinion:
        raise WorkflowError("代表已对答复提出意见，不能再修改答复。")
    if not text.strip() and not file:
        raise WorkflowError("请填写修改后的答复内容或上传答复文件。")
    earlier = f"原答复（{s.reply_date}）：{s.reply_text}"
    if s.reply_file:
        earlier += f"；原答复文件：{s.reply_file.name.rsplit('/', 1)[-1]}"
    if text.strip():
        s.reply_text = text.strip()
    if file:
        s.reply_file = file
    s.save()
    _record(s, user, "修改答复", s.state, earlier)
    return s


@transaction.atomic
def record_opinion(
    suggestion: Suggestion,
    user,
    *,
    opinion: str,
    reason: str = "",
    date: datetime.date | None = None,
    file=None,
    today: datetime.date | None = None,
) -> Suggestion:
    """代表意见: 满意 or 基本满意 lets the item close; 不满意, with the deputy's reason, sends it
    back for a second handling, the first reply kept in the history rather than as the answer."""
    s = _locked(suggestion)
    _allow(s, "opinion")
    if opinion not in Suggestion.Opinion.values:
        raise WorkflowError("请选择代表意见：满意、基本满意或不满意。")
    reason = reason.strip()
    if opinion == Suggestion.Opinion.UNSATISFIED and not reason:
        raise WorkflowError("代表不满意时必须写明不满意的理由，承办单位二次办理时据此改进。")
    today = today or timezone.localdate()
    date = date or today
    if s.reply_date and date < s.reply_date:
        raise WorkflowError("代表意见日期不能早于答复日期。")
    if date > today:
        raise WorkflowError("代表意见日期不能晚于今天。")
    before = s.state
    s.opinion, s.opinion_reason, s.opinion_date = opinion, reason, date
    if file:
        s.opinion_file = file
    note = opinion + (f"：{reason}" if reason else "")
    # The rating is the deputy's own; staff entering it from the paper form say so.
    by_deputy = bool(user and s.lead.user_id and s.lead.user_id == user.pk)
    if not by_deputy:
        note += "（工作人员代为录入）"
    if opinion == Suggestion.Opinion.UNSATISFIED and s.round == 1:
        first = f"第一轮答复（{s.reply_date}，{s.result}类）：{s.reply_text}"
        _record(s, user, "第一轮答复", before, first)
        s.round = 2
        s.state = S.HANDLING
        s.deadline = add_months(today, settings.CONGRESS["SECOND_REPLY_MONTHS"])
        s.reply_date, s.reply_text, s.result = None, "", ""
        note = f"不满意：{reason}；退回{s.lead_unit}二次办理，期限{s.deadline}" + (
            "" if by_deputy else "（工作人员代为录入）"
        )
    s.save()
    _record(s, user, "代表意见", before, note)
    return s


@transaction.atomic
def close(suggestion: Suggestion, user) -> Suggestion:
    """办结: only an answered item whose deputy has given an opinion."""
    s = _locked(suggestion)
    _allow(s, "close")
    if not s.reply_date:
        raise WorkflowError("没有答复的建议不能办结。")
    if not s.opinion:
        raise WorkflowError("请先登记代表对答复的意见。")
    before = s.state
    s.state = S.CLOSED
    s.save()
    _record(s, user, "办结", before)
    return s


@transaction.atomic
def set_key(suggestion: Suggestion, user, *, key: bool, leader: str = "") -> Suggestion:
    """重点督办, with the leader in charge."""
    s = _locked(suggestion)
    _allow(s, "key")
    if key and not leader.strip():
        raise WorkflowError("重点督办必须填写督办领导。")
    s.key, s.key_leader = key, leader.strip() if key else ""
    s.save()
    _record(s, user, "重点督办" if key else "取消重点督办", s.state, s.key_leader)
    return s


@transaction.atomic
def to_litigation(suggestion: Suggestion, user, *, note: str = "") -> Suggestion:
    """转公益诉讼: the suggestion is handed to the procuratorate as a public-interest case."""
    s = _locked(suggestion)
    _allow(s, "litigation")
    if s.litigation:
        raise WorkflowError("该建议已转为公益诉讼案件。")
    s.litigation = True
    s.save()
    _record(s, user, "转公益诉讼", s.state, note)
    return s


@dataclass
class UnitRow:
    """One line of the per-unit table."""

    pk: int
    name: str
    assigned_n: int
    answered_n: int
    overdue_n: int
    satisfied_n: int
    opinion_n: int


def unit_table(
    year: int | None = None, today: datetime.date | None = None, limit: int | None = None
) -> list[UnitRow]:
    """Per lead unit: assigned, answered, overdue, satisfied; worst first. Two queries.

    Grouped from the suggestions' side, so the year's filter narrows the rows before the
    grouping, whatever the number of units and years on file.
    """
    today = today or timezone.localdate()
    qs = Suggestion.objects.filter(
        kind__in=(*Suggestion.SUGGESTION_KINDS, Suggestion.Kind.SPEECH), lead_unit__isnull=False
    )
    if year:
        qs = qs.in_year(year)
    counts = qs.values("lead_unit").annotate(
        assigned_n=Count("pk"),
        answered_n=Count("pk", filter=Q(state__in=(S.ANSWERED, S.CLOSED))),
        overdue_n=Count("pk", filter=Q(state=S.HANDLING, deadline__lt=today)),
        satisfied_n=Count(
            "pk", filter=Q(opinion__in=(Suggestion.Opinion.SATISFIED, Suggestion.Opinion.FAIRLY))
        ),
        opinion_n=Count("pk", filter=~Q(opinion="")),
    )
    # Worst first, ordered and cut by the database: a province has thousands of units.
    counts = counts.order_by(
        F("overdue_n").desc(), (F("answered_n") - F("assigned_n")).asc(), "lead_unit"
    )
    rows = list(counts[:limit] if limit else counts)
    names = dict(
        Unit.objects.filter(pk__in=[c["lead_unit"] for c in rows]).values_list("pk", "name")
    )
    table = [
        UnitRow(
            pk=c["lead_unit"],
            name=names[c["lead_unit"]],
            **{k: v for k, v in c.items() if k != "lead_unit"},
        )
        for c in rows
    ]
    # Equal counts: by name, as a reader expects.
    table.sort(key=lambda r: (-r.overdue_n, r.answered_n - r.assigned_n, r.name))
    return table


def next_letter_number(year: int) -> str:
    """The next 文号 of the year's letters: 前缀〔年份〕序号号."""
    from congress.accounts.models import Profile

    from .models import AssignmentLetter

    prefix = Profile.get().letter_prefix
    head = f"{prefix}〔{year}〕"
    used = [
        int(n.removeprefix(head).removesuffix("号"))
        for n in AssignmentLetter.objects.filter(number__startswith=head).values_list(
            "number", flat=True
        )
        if n.removeprefix(head).removesuffix("号").isdigit()
    ]
    return f"{head}{max(used, default=0) + 1}号"


@transaction.atomic
def batch_assign(rows, user, *, assigned: datetime.date) -> list:
    """批量交办: each (suggestion, unit, deadline or None[, assisting units]) assigned, and one
    交办函 per lead unit with its own 文号. All or nothing: one refused row refuses the batch (WorkflowError names it)."""
    from .models import AssignmentLetter

    by_unit: dict = {}
    for suggestion, unit, due, *rest in rows:
        assist = rest[0] if rest else ()
        try:
            s = assign(
                suggestion,
                user,
                lead_unit=unit,
                assist_units=assist,
                assigned=assigned,
                deadline=due,
            )
        except WorkflowError as exc:
            raise WorkflowError(f"{suggestion.number}：{exc}") from exc
        by_unit.setdefault(unit, []).append(s)
    letters = []
    for unit, items in sorted(by_unit.items(), key=lambda kv: kv[0].name):
        letter = AssignmentLetter.objects.create(
            number=next_letter_number(assigned.year), unit=unit, date=assigned, created_by=user
        )
        letter.suggestions.set(items)
        letters.append(letter)
    return letters


# --- 代表提交的建议: written by a deputy, reviewed by the office ----------------------------------


def next_number(kind: str, year: int) -> str:
    """第N号: the next of the year's sequence for the 类别, after the highest used."""
    import re

    used = [
        int(m.group(1))
        for n in Suggestion.objects.filter(kind=kind, year=year).values_list("number", flat=True)
        if (m := re.fullmatch(r"第(\d+)号", n))
    ]
    return f"第{max(used, default=0) + 1}号"


def invite(draft, names: list[str]) -> list[str]:
    """附议 invitations by name, among the deputies in office of the current 届; the problems
    with the names that do not name exactly one (the invitations are made only if none)."""
    from congress.accounts.models import Profile
    from deputies.models import Deputy

    from .models import Cosign

    term = Profile.get().term
    problems, found = [], []
    for name in dict.fromkeys(n.strip() for n in names if n.strip()):
        # Cosigners of the same congress as the lead: its 届 and level.
        matches = list(
            Deputy.objects.filter(name=name, term=term, level=draft.lead.level).exclude(
                status=Deputy.Status.ENDED
            )[:2]
        )
        if not matches:
            problems.append(f"找不到在任的代表“{name}”")
        elif len(matches) > 1:
            problems.append(f"“{name}”有同名代表，请联系常委会办公室代为邀请")
        elif matches[0].pk == draft.lead_id:
            problems.append("领衔代表无需附议自己的建议")
        else:
            found.append(matches[0])
    if not problems:
        from django.urls import reverse

        from congress.work.notify import tell

        # A name taken off the list withdraws its invitation.
        draft.cosigns.exclude(deputy__in=found).delete()
        for deputy in found:
            cosign, created = Cosign.objects.get_or_create(draft=draft, deputy=deputy)
            if created and deputy.user_id:
                tell(
                    [deputy.user],
                    f"cosign:{cosign.pk}",
                    f"{draft.lead.name}代表邀请您附议：{draft.title}",
                    "请在“我写的建议和附议邀请”中确认或谢绝。",
                    reverse("deputy_drafts"),
                )
    return problems


@transaction.atomic
def submit_draft(draft, user):
    """The lead deputy submits: the office sees it for review, and it can no longer change."""
    from .models import Draft

    d = Draft.objects.select_for_update().get(pk=draft.pk)
    if d.state != Draft.State.DRAFT:
        raise WorkflowError(f"该建议当前为“{d.state}”，不能再提交。")
    if not d.title.strip() or not d.text.strip():
        raise WorkflowError("请填写标题和建议内容后再提交。")
    d.state, d.submitted = Draft.State.SUBMITTED, timezone.now()
    d.save()
    return d


@transaction.atomic
def answer_cosign(cosign, deputy, *, confirm: bool):
    from .models import Cosign, Draft

    c = Cosign.objects.select_for_update().select_related("draft").get(pk=cosign.pk)
    if c.deputy_id != deputy.pk:
        raise WorkflowError("只能答复邀请您本人的附议。")
    if c.draft.state in (Draft.State.REGISTERED, Draft.State.REFUSED, Draft.State.MERGED):
        raise WorkflowError("该建议已经处理，不能再更改附议。")
    c.state = Cosign.State.CONFIRMED if confirm else Cosign.State.DECLINED
    c.answered = timezone.now()
    c.save()
    return c


def _confirmed(draft) -> list:
    return [c.deputy for c in draft.cosigns.filter(state="已确认").select_related("deputy")]


@transaction.atomic
def register_draft(draft, user, *, date: datetime.date | None = None) -> Suggestion:
    """立案: the submitted draft becomes a 代表建议 with the next number of the year's sequence;
    its confirmed cosigners are its 附议代表."""
    from .models import Draft

    d = Draft.objects.select_for_update().get(pk=draft.pk)
    if d.state != Draft.State.SUBMITTED:
        raise WorkflowError(f"该建议当前为“{d.state}”，不能立案。")
    day = date or timezone.localdate()
    s = Suggestion(
        number=next_number(d.kind, day.year),
        kind=d.kind,
        title=d.title,
        text=d.text,
        date=day,
        lead=d.lead,
    )
    s.full_clean(exclude=["lead"])
    submit(s, user)
    s.cosigners.set(_confirmed(d))
    d.state, d.suggestion = Draft.State.REGISTERED, s
    d.save()
    _tell_lead(d, f"您的建议已立案：{s.number} {s.title}", "")
    return s


@transaction.atomic
def refuse_draft(draft, user, *, reason: str):
    """不予立案, with the reason the deputy reads."""
    from .models import Draft

    d = Draft.objects.select_for_update().get(pk=draft.pk)
    if d.state != Draft.State.SUBMITTED:
        raise WorkflowError(f"该建议当前为“{d.state}”，不能处理。")
    if not reason.strip():
        raise WorkflowError("不予立案必须说明理由，代表将看到这一理由。")
    d.state, d.reason = Draft.State.REFUSED, reason.strip()
    d.save()
    _tell_lead(d, f"您的建议不予立案：{d.title}", d.reason)
    return d


@transaction.atomic
def merge_draft(draft, user, *, into: Suggestion):
    """并案: merged into another suggestion, whose cosigners its deputies become."""
    from .models import Draft

    d = Draft.objects.select_for_update().get(pk=draft.pk)
    if d.state != Draft.State.SUBMITTED:
        raise WorkflowError(f"该建议当前为“{d.state}”，不能并案。")
    joining = [d.lead, *_confirmed(d)]
    into.cosigners.add(*[p for p in joining if p.pk != into.lead_id])
    _record(into, user, "并案", into.state, f"并入代表提交的建议“{d.title}”（{d.lead.name}领衔）")
    d.state, d.suggestion = Draft.State.MERGED, into
    d.save()
    _tell_lead(d, f"您的建议已并入：{into.number} {into.title}", "")
    return d


def _tell_lead(draft, title: str, body: str) -> None:
    from django.urls import reverse

    from congress.work.notify import tell

    if draft.lead.user_id:
        tell(
            [draft.lead.user],
            f"draft:{draft.pk}:{draft.state}",
            title,
            body,
            reverse("deputy_drafts"),
        )
