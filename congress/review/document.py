"""The year's review as a document: the office's text with the year's figures filled in.

One structure (cover, then blocks of runs, tables and charts) feeds the browser preview, the
PDF and the Word copy, so the three always say the same thing.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from congress.accounts.models import Profile
from congress.documents.layout import Grid, grid
from congress.documents.raster import is_empty
from congress.documents.text import cell_text, cn_date, natural
from congress.figures.figureset import (
    Value,
    cutoff,
    own_figures,
    year_values,
)
from congress.review.check import names
from congress.review.markup import Block, Ref, TextError, parse, show
from congress.review.models import ReportText

EMPTY = "本年度暂无记录。"
TABLE_COLUMNS = 6


@dataclass
class Run:
    text: str
    bold: bool = False
    link: str = ""  # the records behind a figure (preview only)
    title: str = ""  # the figure's definition (preview tooltip)


@dataclass
class Table:
    caption: str
    headers: list[str]
    rows: list[list[str]]
    numeric: list[bool]

    @property
    def grid(self) -> Grid:
        """Column widths for the text block (the review never turns a sheet mid-text)."""
        return grid(self.headers, self.rows, allow_landscape=False)


@dataclass
class Part:
    kind: str  # h1, h2, h3, p, table, chart
    runs: list[Run] = field(default_factory=list)
    table: Table | None = None
    chart: str = ""  # SVG
    caption: str = ""
    line: int = 0  # where the text says it (the editor's preview follows the cursor by it)


@dataclass
class Review:
    year: int
    office: str
    title: str
    subtitle: str
    date: datetime.date
    running: bool  # the year is not over: the figures are "统计截至" the cut-off
    cutoff: datetime.date
    parts: list[Part]
    empty: bool
    errors: list[tuple[int, str]] = field(default_factory=list)

    def plain_text(self) -> str:
        """Every sentence as printed, one block a line (for tests and checksums)."""
        lines = [self.title, self.subtitle]
        for part in self.parts:
            if part.table:
                lines.append(part.table.caption)
                lines.extend(" ".join(r) for r in part.table.rows)
            else:
                lines.append("".join(r.text for r in part.runs))
        return "\n".join(line for line in lines if line)


def settings_values(profile: Profile, year: int, day: datetime.date) -> dict[str, str]:
    return {
        "机构名称": profile.name,
        "党委简称": profile.party_short,
        "年度": str(year),
        "截至日期": cn_date(day),
    }


def _runs(parts: list, values: dict[str, Value], settings: dict[str, str], bold=False) -> list:
    runs: list[Run] = []
    for p in parts:
        if isinstance(p, str):
            runs.append(Run(p, bold))
        elif isinstance(p, tuple):
            runs.extend(_runs(p[1], values, settings, bold=True))
        elif isinstance(p, Ref):
            if p.name in settings:
                runs.append(Run(settings[p.name], bold))
            else:
                v = values[p.name]
                runs.append(Run(show(v.value, v.unit, p.filter), bold, v.link, v.definition))
    return runs


def _prune_headings(parts: list[Part]) -> list[Part]:
    """Drop every heading with nothing under it before the next heading of its level or above."""
    kept: list[Part] = []
    next_level = 0  # the level of the next kept heading (0: body text or the end follows)
    has_body = False
    for part in reversed(parts):
        if part.kind in ("h1", "h2", "h3"):
            level = int(part.kind[1])
            if has_body or (next_level and next_level > level):
                kept.append(part)
                next_level = level
                has_body = False
            continue
        kept.append(part)
        has_body = True
        next_level = 0
    return list(reversed(kept))


def records_table(name: str, year: int, value: Value) -> Table:
    """The records behind a figure, as the appendix table {{附表:name}} prints them."""
    from congress.figures.builtin import builtin_by_name

    builtin = builtin_by_name().get(name)
    if builtin is not None:
        kind, qs = builtin.kind, builtin.queryset(year)
    else:
        fig = next(f for f in own_figures() if f.name == name)
        if fig.parts:
            values = year_values(year)
            rows = [[p, show(values[p].value, values[p].unit, "")] for p in fig.parts]
            return Table(
                f"{name}（{show(value.value, value.unit, '')}）",
                ["项目", "数量"],
                rows,
                [False, True],
            )
        kind, qs = fig.kind, fig.queryset(year)
    # The list's leading columns: a printed page holds about six before words start to break.
    columns = [c for c in kind.columns if c.accessor not in ("pk", "version")][:TABLE_COLUMNS]
    objs = list(kind.queryset().filter(pk__in=qs.values("pk")).order_by(kind.default_order, "pk"))
    rows = [[cell_text(c.value(o)) for c in columns] for o in objs]
    if rows and all(any(ch.isdigit() for ch in r[0]) for r in rows):
        rows.sort(key=lambda r: natural(r[0]))
    numeric = [
        bool(rows) and all(r[i].isdigit() or r[i] == "" for r in rows) for i in range(len(columns))
    ]
    caption = f"{name}（{show(value.value, value.unit, '')}）"
    return Table(caption, [c.label for c in columns], rows, numeric)


def build(
    year: int,
    today: datetime.date | None = None,
    override_text: str | None = None,
    override_title: str | None = None,
) -> Review:
    """The review of the year: the office's text (or an unsaved one, for the live preview)
    filled with the year's figures."""
    from congress.figures.charts import drawn

    profile = Profile.get()
    text = ReportText.for_year(year)
    if override_text is not None:
        text.text = override_text
    if override_title:
        text.title = override_title
    day = cutoff(year, today)
    running = day < datetime.date(year, 12, 31)
    values = year_values(year)
    settings = settings_values(profile, year, day)
    errors: list[tuple[int, str]] = []
    try:
        blocks: list[Block] = parse(text.text, names())
    except TextError as exc:
        # A saved text can go stale (an office figure it names was deleted): say where.
        errors, blocks = exc.errors, []
    empty = not any(v.value for v in values.values() if not v.is_rate)
    parts: list[Part] = []
    if not empty:
        svg = None
        for block in blocks:
            if block.kind == "table":
                parts.append(
                    Part(
                        "table",
                        table=records_table(block.name, year, values[block.name]),
                        line=block.line,
                    )
                )
            elif block.kind == "chart":
                svg = svg or drawn(year)
                # A chart of nothing but zero bars says nothing: it is left out, like a
                # heading with nothing under it.
                if not is_empty(svg[block.name]):
                    parts.append(
                        Part("chart", chart=svg[block.name], caption=block.name, line=block.line)
                    )
            else:
                parts.append(
                    Part(block.kind, _runs(block.parts, values, settings), line=block.line)
                )
        parts = _prune_headings(parts)
    else:
        parts = [Part("p", [Run(EMPTY)])]
    return Review(
        year=year,
        office=profile.name,
        title=text.title,
        subtitle=text.subtitle,
        date=text.date or day,
        running=running,
        cutoff=day,
        parts=parts,
        empty=empty,
        errors=errors,
    )


def generated_at() -> datetime.datetime:
    return timezone.localtime()
