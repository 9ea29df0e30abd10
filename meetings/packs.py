"""会议材料汇编: one PDF of a meeting's materials for its members: a cover, the contents, each
agenda item's materials in order (PDF merged as it is; a Word file or an image, or a PDF that
cannot be read, is named in the contents and on a page of its own, never dropped), and page
numbers running through the whole."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable
from dataclasses import dataclass, field

from congress.accounts.models import Profile
from congress.documents.layout import page_html, print_pdf

from .models import Meeting, MeetingDocument

A4_PT = (595.28, 841.89)


@dataclass
class Entry:
    """One material in the pack: its title, where it starts, and why it is only listed."""

    heading: str  # the agenda item it belongs to
    title: str
    pages: int = 0
    start: int = 0
    note: str = ""  # set when the material is listed rather than merged
    reader: object = field(default=None, repr=False)


def materials(meeting: Meeting) -> list[MeetingDocument]:
    """In agenda order, each item's in the order they were added; those of no item last."""
    docs = list(meeting.documents.select_related("item"))
    last = 10**6
    return sorted(docs, key=lambda d: (d.item.order if d.item else last, d.item_id or last, d.pk))


def digest(meeting: Meeting) -> str:
    """Changes whenever a material is added, replaced, retitled, moved or removed."""
    parts = [
        f"{d.pk}:{d.item_id}:{d.title}:{d.file.name}:{d.file.size if d.file else 0}"
        for d in materials(meeting)
    ]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def _read(document: MeetingDocument):
    """The material's PDF reader, or why it is only listed."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    name = document.file.name.lower()
    if not name.endswith(".pdf"):
        return None, "Word 文件或图片，未并入汇编，请在系统中查阅原件"
    try:
        with document.file.open("rb") as f:
            reader = PdfReader(io.BytesIO(f.read()))
            if reader.is_encrypted:
                return None, "文件已加密，无法并入，请在系统中查阅原件"
            if not len(reader.pages):
                return None, "文件没有页面，无法并入"
            return reader, ""
    except (PdfReadError, OSError, ValueError, KeyError, TypeError):
        return None, "文件已损坏，无法并入，请联系提交单位重新提供"


def _html(meeting: Meeting, entries: list[Entry]) -> list[str]:
    profile = Profile.get()
    context = {
        "meeting": meeting,
        "entries": entries,
        "profile": profile,
        "title": f"{meeting.name}材料汇编",
    }
    return [
        page_html("meetings/pack_cover.html", context),
        page_html("meetings/pack_contents.html", context),
    ]


def build(
    meeting: Meeting, progress: Callable[[int, str], None] | None = None
) -> tuple[bytes, int, list[str]]:
    """The pack's bytes, its page count, and the materials only listed (with why)."""
    from pypdf import PdfReader, PdfWriter

    say = progress or (lambda _p, _s: None)
    docs = materials(meeting)
    entries: list[Entry] = []
    for i, d in enumerate(docs, 1):
        say(5 + 40 * i // max(len(docs), 1), f"读取材料（{i}/{len(docs)}）")
        reader, note = _read(d)
        entries.append(
            Entry(
                d.item.title if d.item else "其他材料",
                str(d),
                len(reader.pages) if reader else 1,
                note=note,
                reader=reader,
            )
        )
    # The contents' own length decides where the first material starts: lay it out once with
    # the numbers unknown, then with them.
    say(50, "排版封面和目录")
    # Printed on both sides: the cover's back stays blank, the contents start on a right-hand
    # page, and so does the first material.
    first = print_pdf(_html(meeting, entries), title=meeting.name)
    # The materials are numbered from 1 after the cover and the contents.
    start = 1
    for e in entries:
        e.start = start
        start += e.pages
    printed = print_pdf(_html(meeting, entries), title=f"{meeting.name}材料汇编")
    if printed.pages != first.pages:
        raise RuntimeError("目录排版前后页数不一致")
    front = PdfReader(io.BytesIO(printed.data))
    writer = PdfWriter()
    for page in front.pages:
        writer.add_page(page)
    if len(front.pages) % 2:
        # The first material starts on a right-hand page, as its number 1 says.
        writer.add_blank_page(*A4_PT)
    listed = []
    say(60, "合并材料")
    for e in entries:
        if e.reader is None:
            listed.append(f"{e.title}：{e.note}")
            writer.append(_placeholder(meeting, e))
            continue
        writer.append(e.reader)
    say(85, "编排页码")
    front_pages = len(front.pages) + len(front.pages) % 2
    total = len(writer.pages) - front_pages
    folios = PdfReader(io.BytesIO(_folios(total)))
    for n in range(total):
        page = writer.pages[front_pages + n]
        _stamp(page, folios.pages[n])
    writer.add_metadata({"/Title": f"{meeting.name}材料汇编", "/Author": Profile.get().office_unit})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue(), len(writer.pages), listed


def _placeholder(meeting: Meeting, entry: Entry) -> io.BytesIO:
    html = page_html("meetings/pack_placeholder.html", {"entry": entry, "title": entry.title})
    return io.BytesIO(print_pdf([html], title=entry.title).data)


def _folios(count: int) -> bytes:
    """``count`` transparent A4 pages carrying only "— N —" where the layout puts it."""
    html = page_html("meetings/pack_folios.html", {"pages": range(count), "title": "页码"})
    return print_pdf([html], title="页码").data


def _stamp(page, folio) -> None:
    """The page number laid over a material's page, scaled to its width when it is not A4."""
    from pypdf import Transformation

    width = float(page.mediabox.width)
    scale = width / A4_PT[0]
    page.merge_transformed_page(folio, Transformation().scale(scale, scale))


def stale(meeting: Meeting) -> bool:
    """The meeting's latest pack was built from other materials than it has now."""
    latest = meeting.packs.filter(status="已完成").first()
    return latest is not None and latest.digest != digest(meeting)
