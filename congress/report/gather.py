"""Everything the annual report shows, gathered from the records in a fixed number of queries."""

from __future__ import annotations

import hashlib
import json

from django.utils import timezone

from congress.dashboard import charts
from congress.figures import all_figures, compute_year
from congress.models import Profile, ReportDraft
from congress.overview import overview_keys, overview_sentences
from meetings.models import Appointment, Decision, Meeting
from oversight.figures import key_items, projects_progress
from proposals.models import Suggestion
from proposals.services import unit_table

SECTIONS = ("politics", "oversight", "law", "deputies", "self")


def draft_for(year: int) -> ReportDraft:
    """The staff's draft for the year; an unsaved default when none was written yet."""
    return ReportDraft.objects.filter(year=year).first() or ReportDraft(year=year)


def gather(year: int) -> dict:
    profile = Profile.get()
    values = compute_year(year)
    figures = all_figures()
    draft = draft_for(year)
    shown = overview_keys()
    section_figures = {
        key: [
            (figures[k].label, values[k], figures[k].unit)
            for k in shown
            if figures[k].section == key
        ]
        for key in SECTIONS
    }
    items = key_items(year)
    key_suggestions = (
        Suggestion.objects.in_year(year)
        .suggestions()
        .filter(key=True)
        .select_related("lead", "lead_unit")
        .order_by("number")
    )
    return {
        "profile": profile,
        "year": year,
        "generated": timezone.localtime(),
        "values": values,
        "sentences": overview_sentences(values, profile),
        "draft": draft,
        "sections": [
            (key, heading, text, section_figures[key]) for key, heading, text in draft.sections()
        ],
        "charts": charts(year),
        "decisions": list(
            Decision.objects.in_year(year).select_related("meeting").order_by("date")
        ),
        "reports": list(items["reports"]),
        "inspections": list(items["inspections"]),
        "inquiries": list(items["inquiries"]),
        "research": list(items["research"]),
        "projects": list(projects_progress(year)),
        "key_suggestions": list(key_suggestions),
        "units": list(unit_table(year)),
        "meetings": list(
            Meeting.objects.in_year(year).exclude(kind=Meeting.Kind.CONGRESS).order_by("date")
        ),
        "appointments": list(Appointment.objects.in_year(year).order_by("date", "person")),
    }


def checksum(context: dict) -> str:
    """A fingerprint of the data a report was built from: equal data, equal checksum."""
    draft = context["draft"]
    payload = {
        "values": context["values"],
        "profile": [context["profile"].name, context["profile"].party_short],
        "draft": [
            draft.title,
            draft.intro,
            draft.closing,
            *[f"{h}\n{t}" for _k, h, t in draft.sections()],
        ],
        "lists": [
            [str(o.pk) for o in context[name]]
            for name in (
                "decisions",
                "reports",
                "inspections",
                "key_suggestions",
                "meetings",
                "appointments",
                "projects",
            )
        ],
        "states": [[s.state, s.opinion] for s in context["key_suggestions"]],
    }
    return hashlib.sha256(
        json.dumps(payload, ensure_ascii=False, sort_keys=True, default=str).encode()
    ).hexdigest()
