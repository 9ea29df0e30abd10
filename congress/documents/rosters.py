"""名册: a list of people printed in the official layout (PDF) or kept as a workbook (Excel)."""

from __future__ import annotations

import io
from urllib.parse import quote

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone

from congress.accounts.models import Profile
from congress.documents.text import cell_text

FORMATS = ("pdf", "xlsx")


def roster_response(
    fmt: str, title: str, headers: list[str], rows: list[list], note: str = ""
) -> HttpResponse:
    """The roster as a PDF or a workbook; ``fmt`` is one of FORMATS."""
    cells = [[cell_text(v) for v in row] for row in rows]
    if fmt == "xlsx":
        data, kind = (
            _xlsx(title, headers, cells, note),
            ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )
    else:
        data, kind = _pdf(title, headers, cells, note), "application/pdf"
    response = HttpResponse(data, content_type=kind)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(title)}.{fmt}"
    return response


def _pdf(title: str, headers: list[str], rows: list[list[str]], note: str) -> bytes:
    from congress.documents.pdf import html_to_pdf

    html = render_to_string(
        "congress/roster.html",
        {
            "title": title,
            "headers": headers,
            "rows": rows,
            "note": note,
            "profile": Profile.get(),
            "printed": timezone.localdate(),
        },
    )
    return html_to_pdf(html)


def _xlsx(title: str, headers: list[str], rows: list[list[str]], note: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = title[:31]
    ws.append([title])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([note or f"{Profile.get().name} · {timezone.localdate():%Y年%m月%d日}"])
    ws.append(headers)
    for cell in ws[3]:
        cell.font = Font(bold=True)
    for row in rows:
        # Text, not formulas: a name that starts with "=" stays a name.
        ws.append([f"'{v}" if v[:1] in "=+-@" else v for v in row])
    for i, header in enumerate(headers, 1):
        width = max([len(header), *(len(r[i - 1]) for r in rows)] or [4])
        ws.column_dimensions[ws.cell(3, i).column_letter].width = min(40, 2 * width + 2)
    ws.freeze_panes = "A4"
    for row in ws.iter_rows(min_row=4):
        for cell in row:
            cell.alignment = Alignment(vertical="top", wrap_text=True)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
