"""What staff and units may do to a suggestion on its page: each action its form, the states
it is offered in, and the workflow step it runs (``services``)."""

from collections.abc import Callable
from dataclasses import dataclass

from django import forms

from . import services
from .forms import (
    AssignForm,
    ContactForm,
    CorrectReplyForm,
    KeyForm,
    OpinionForm,
    OptionalReasonForm,
    ReasonForm,
    ReplyForm,
)
from .models import Suggestion

S = Suggestion.State


@dataclass
class Action:
    """One workflow move offered on a suggestion's page."""

    name: str
    label: str
    form: type[forms.Form]
    states: tuple[str, ...]
    run: Callable  # (suggestion, user, cleaned_data, unit) -> Suggestion


STAFF_ACTIONS = {
    a.name: a
    for a in [
        Action(
            "assign",
            "交办",
            AssignForm,
            services.sources("assign"),
            lambda s, u, d, unit: services.assign(
                s,
                u,
                lead_unit=d["lead_unit"],
                assist_units=d["assist_units"],
                assigned=d["assigned"],
                difficult=d["difficult"],
            ),
        ),
        Action(
            "reject",
            "不予立案",
            ReasonForm,
            services.sources("reject"),
            lambda s, u, d, unit: services.reject(s, u, reason=d["reason"]),
        ),
        Action(
            "withdraw",
            "撤回",
            OptionalReasonForm,
            services.sources("withdraw"),
            lambda s, u, d, unit: services.withdraw(s, u, reason=d["reason"]),
        ),
        Action(
            "opinion",
            "登记代表意见",
            OpinionForm,
            services.sources("opinion"),
            lambda s, u, d, unit: services.record_opinion(
                s, u, opinion=d["opinion"], reason=d["reason"], date=d["date"], file=d["file"]
            ),
        ),
        Action(
            "close",
            "办结",
            OptionalReasonForm,
            services.sources("close"),
            lambda s, u, d, unit: services.close(s, u),
        ),
        Action(
            "key",
            "重点督办",
            KeyForm,
            services.sources("key"),
            lambda s, u, d, unit: services.set_key(s, u, key=d["key"], leader=d["leader"]),
        ),
        Action(
            "litigation",
            "转公益诉讼",
            OptionalReasonForm,
            services.sources("litigation"),
            lambda s, u, d, unit: services.to_litigation(s, u, note=d["reason"]),
        ),
    ]
}

UNIT_ACTIONS = {
    a.name: a
    for a in [
        Action(
            "accept",
            "签收",
            OptionalReasonForm,
            services.sources("accept"),
            lambda s, u, d, unit: services.accept(s, u, unit=unit, note=d["reason"]),
        ),
        Action(
            "return",
            "退办",
            ReasonForm,
            services.sources("return"),
            lambda s, u, d, unit: services.return_to_office(s, u, unit=unit, reason=d["reason"]),
        ),
        Action(
            "contact",
            "记录沟通",
            ContactForm,
            services.sources("contact"),
            lambda s, u, d, unit: services.record_contact(
                s,
                u,
                unit=unit,
                date=d["date"],
                form=d["form"],
                person=d["person"],
                agreed=d["agreed"],
            ),
        ),
        Action(
            "reply",
            "答复",
            ReplyForm,
            services.sources("reply"),
            lambda s, u, d, unit: services.reply(
                s,
                u,
                unit=unit,
                date=d["date"],
                text=d["text"],
                result=d["result"],
                file=d.get("file"),
            ),
        ),
        Action(
            "correct",
            "修改答复",
            CorrectReplyForm,
            services.sources("correct"),
            lambda s, u, d, unit: services.correct_reply(
                s, u, unit=unit, text=d["text"], file=d.get("file")
            ),
        ),
    ]
}
