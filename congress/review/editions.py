"""签发: a year's review issued as it was printed, and what changed in that year since.

Issuing keeps the PDF and Word copy of a finished report whose text and figures are still what
the system says (the checksum of the report and of the year now agree), with the figures it
gave. From then on, changing a record of that year asks for confirmation (a ``Confirmation``
declared in ``declarations``), and the review page lists every change since issue, with who and
when, and the figures that moved. Issuing again makes the next numbered edition.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from congress.review.models import Edition, ReportJob


class NotIssued(Exception):
    """Why a review cannot be issued now, in Chinese."""


def latest(year: int) -> Edition | None:
    return Edition.objects.filter(year=year).order_by("-number").first()


def _figures(year: int) -> dict[str, str]:
    from congress.figures.figureset import year_values

    return {name: str(v.value) for name, v in year_values(year).items()}


def issue(year: int, user) -> Edition:
    """The latest finished report of the year, issued as the next edition."""
    from congress.review.gather import checksum, gather

    job = (
        ReportJob.objects.filter(year=year, status=ReportJob.Status.DONE)
        .exclude(pdf="")
        .order_by("-finished", "-pk")
        .first()
    )
    if job is None:
        raise NotIssued(f"{year}年度报告尚未生成：请先生成，核对无误后再签发。")
    if checksum(gather(year)) != job.checksum:
        raise NotIssued(
            "生成报告之后，文稿或本年度的数据又有修改，签发的文本将与系统不一致。"
            "请重新生成报告，核对后再签发。"
        )
    with job.pdf.open("rb") as f:
        pdf = f.read()
    docx = b""
    if job.docx:
        with job.docx.open("rb") as f:
            docx = f.read()
    for _attempt in range(3):
        try:
            with transaction.atomic():
                number = (
                    Edition.objects.filter(year=year).aggregate(n=Max("number"))["n"] or 0
                ) + 1
                edition = Edition(
                    year=year,
                    number=number,
                    issued=timezone.now(),
                    issued_by=user,
                    job=job,
                    checksum=job.checksum,
                    figures=_figures(year),
                )
                name = f"{year}年度工作综述-第{number}版"
                edition.pdf.save(f"{name}.pdf", ContentFile(pdf), save=False)
                if docx:
                    edition.docx.save(f"{name}.docx", ContentFile(docx), save=False)
                edition.save()
                return edition
        except IntegrityError:
            continue  # a colleague issued at the same moment: take the next number
    raise NotIssued("签发未完成：同时有人在签发，请刷新页面查看。")


@dataclass
class Change:
    when: object
    who: str
    kind: str
    record: str
    type: str
    link: str


def changes_since(edition: Edition, limit: int = 500) -> list[Change]:
    """Every change to a record of the edition's year after it was issued, newest first."""
    from congress.records.history import TYPES, person
    from congress.records.kinds import KINDS

    rows: list[Change] = []
    for kind in KINDS.values():
        model = kind.model
        field = getattr(model, "year_field", None)
        if not field or not hasattr(model, "history"):
            continue
        f = model._meta.get_field(field)
        in_year = (
            {field: edition.year}
            if f.get_internal_type().endswith("IntegerField")
            else {f"{field}__year": edition.year}
        )
        qs = (
            model.history.filter(history_date__gt=edition.issued, **in_year)
            .select_related("history_user")
            .order_by("-history_date")[:limit]
        )
        for h in qs:
            rows.append(
                Change(
                    when=h.history_date,
                    who=person(h.history_user),
                    kind=str(kind.label),
                    record=str(h.instance),
                    type=TYPES.get(h.history_type, h.history_type),
                    link="" if h.history_type == "-" else kind.url("detail", h.id),
                )
            )
    # The review's own text, edited after issue, is a change of the published year too.
    from django.urls import reverse

    from congress.review.models import ReportText

    for h in ReportText.history.filter(
        history_date__gt=edition.issued, year=edition.year
    ).select_related("history_user")[:limit]:
        rows.append(
            Change(
                when=h.history_date,
                who=person(h.history_user),
                kind="年度工作综述文稿",
                record=h.title or f"{edition.year}年度工作综述",
                type=TYPES.get(h.history_type, h.history_type),
                link=reverse("report_text", args=[edition.year]),
            )
        )
    rows.sort(key=lambda c: c.when, reverse=True)
    return rows[:limit]


def moved(edition: Edition) -> list[tuple[str, str, str]]:
    """The figures whose value is not what the edition gave: (name, then, now)."""
    now = _figures(edition.year)
    return [
        (name, then, now.get(name, "—"))
        for name, then in edition.figures.items()
        if now.get(name, "—") != then
    ]


def ask(years: set[int]) -> str:
    """What to confirm before changing a record of an issued year."""
    issued = {e.year: e for e in Edition.objects.filter(year__in=years).order_by("number")}
    if not issued:
        return ""
    parts = [
        f"{y}年度工作综述已于{timezone.localtime(e.issued):%Y年%-m月%-d日}签发（第{e.number}版）"
        for y, e in sorted(issued.items())
    ]
    return (
        "；".join(parts)
        + "。修改这一年度的记录后，系统数据将与已签发的文本不一致，这次修改会列入“签发后的修改”。"
    )
