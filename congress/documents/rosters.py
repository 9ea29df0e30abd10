"""名册: a list of people printed in the official layout (PDF) or kept as a workbook (Excel)."""

from __future__ import annotations

import io
from urllib.parse import quote

from django.http import HttpResponse
from django.utils import timezone

from congress.accounts.models import Profile
from congress.documents.layout import grid, page_html, print_pdf
from congress.documents.text import cell_text, cn_date

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


def roster_html(title: str, headers: list[str], rows: list[list[str]], note: str = "") -> str:
    """The roster on the text block: a 序号 column first, the sheet turned when the columns
    need it."""
    profile = Profile.get()
    # A column empty on every row (no 文号 recorded all year) only narrows the others.
    keep = [i for i in range(len(headers)) if any(row[i] for row in rows)] or list(
        range(len(headers))
    )
    headers = [headers[i] for i in keep]
    numbered = [[str(n), *(row[i] for i in keep)] for n, row in enumerate(rows, 1)]
    return page_html(
        "congress/roster.html",
        {
            "title": title,
            "author": profile.name,
            "grid": grid(["序号", *headers], numbered),
            "note": note,
            "profile": profile,
            "printed": timezone.localdate(),
        },
    )


def _pdf(title: str, headers: list[str], rows: list[list[str]], note: str) -> bytes:
    return print_pdf([roster_html(title, headers, rows, note)], title=title).data


def roster_files(title: str, headers: list[str], rows: list[list], note: str = "") -> list:
    """The roster for the year's archive: its PDF and its workbook."""
    from congress.documents.archive import ArchiveFile

    cells = [[cell_text(v) for v in row] for row in rows]
    printed = print_pdf([roster_html(title, headers, cells, note)], title=title)
    return [
        ArchiveFile(f"{title}.pdf", printed.data, pages=printed.page_count),
        ArchiveFile(f"{title}.xlsx", _xlsx(title, headers, cells, note)),
    ]


def _xlsx(title: str, headers: list[str], rows: list[list[str]], note: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.properties import PageSetupProperties

    wb = Workbook()
    ws = wb.active
    ws.title = title[:31]
    ws.append([title])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([note or f"{Profile.get().name} · {cn_date(timezone.localdate())}"])
    ws.append(headers)
    for cell in ws[3]:
        cell.font = Font(bold=True)
    for row in rows:
        # An empty value is an empty cell; text, not formulas: a name that starts with "=" stays
        # a name.
        ws.append([None if not v else f"'{v}" if v[:1] in "=+-@" else v for v in row])
    for i, header in enumerate(headers, 1):
        width = max([len(header), *(len(r[i - 1]) for r in rows)] or [4])
        ws.column_dimensions[ws.cell(3, i).column_letter].width = min(40, 2 * width + 2)
    ws.freeze_panes = "A4"
    for row in ws.iter_rows(min_row=4):
        for cell in row:
            cell.alignment = Alignment(vertical="top", wrap_text=True)
    # Printed from Excel: A4, as wide as the paper, turned when the PDF turns, the header row on
    # every page, the title and page numbers in the margins.
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if grid(headers, rows).landscape else "portrait"
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_title_rows = "3:3"
    ws.print_options.horizontalCentered = True
    ws.oddHeader.center.text = title
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
