"""The layout checker: measures a printed PDF against official-layout.md, page by page.

It knows the layout from the contract, not from the code that prints it: A4, the 156 × 225 mm
text block (top 37 mm, binding edge 28 mm, mirrored on left-hand pages), 22 lines of 28
characters of 三号, "— N —" 7 mm below the block, one character in from its outside edge. A
sheet turned for a wide roster keeps the same margins turned with it.

``check(data)`` returns every problem found, as sentences; an empty list is a pass.
"""

from __future__ import annotations

import io
import re
from collections import defaultdict
from dataclasses import dataclass, field

import pdfplumber

PT = 72 / 25.4  # points a millimetre
A4 = (210 * PT, 297 * PT)
TOP, INNER, BLOCK_W, BLOCK_H = 37 * PT, 28 * PT, 156 * PT, 225 * PT
# The sheet turned: the binding edge is the top; the block turned with it.
L_TOP, L_LEFT, L_BLOCK_W, L_BLOCK_H = 28 * PT, 37 * PT, 225 * PT, 156 * PT
BODY = 16.0
FOLIO_GAP = 7 * PT
NUMERAL_HEIGHT = 0.73  # Arabic numerals stand about this much of the type size above the baseline
TOLERANCE = 1.0 * PT  # a millimetre
EDGE = 0.8  # points a character may overhang its box from rounding
FOLIO = re.compile(r"^—\s*(\d+)\s*—$")
COLOPHON_WORDS = ("抄送", "分送", "印发")
CC = ("抄送", "分送")


@dataclass
class Page:
    number: int  # physical, from 1
    width: float
    height: float
    landscape: bool
    block: tuple[float, float, float, float]  # x0, top, x1, bottom
    chars: list[dict]
    folio: str = ""
    folio_chars: list[dict] = field(default_factory=list)
    folio_top: bool = False  # in the top margin (a pack's running number over its materials)

    @property
    def text(self) -> str:
        return "".join(c["text"] for c in self.chars).strip()

    @property
    def folio_number(self) -> int | None:
        return int(FOLIO.match(self.folio).group(1)) if self.folio else None

    @property
    def blank(self) -> bool:
        return not self.text and not self.folio


def _block(n: int, width: float, height: float) -> tuple[bool, tuple[float, float, float, float]]:
    landscape = width > height
    if landscape:
        return True, (L_LEFT, L_TOP, L_LEFT + L_BLOCK_W, L_TOP + L_BLOCK_H)
    # Odd (right-hand) pages bind on the left.
    left = INNER if n % 2 else width - INNER - BLOCK_W
    return False, (left, TOP, left + BLOCK_W, TOP + BLOCK_H)


def _lines(chars: list[dict]) -> list[list[dict]]:
    rows: dict[int, list[dict]] = defaultdict(list)
    for c in chars:
        rows[round(c["bottom"])].append(c)
    return [sorted(rows[k], key=lambda c: c["x0"]) for k in sorted(rows)]


def read(data: bytes) -> list[Page]:
    pages = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for n, p in enumerate(pdf.pages, 1):
            landscape, block = _block(n, float(p.width), float(p.height))
            chars = [c for c in p.chars if c["text"].strip()]
            page = Page(n, float(p.width), float(p.height), landscape, block, chars)
            below = [c for c in chars if c["top"] > block[3] + 2]
            above = [c for c in chars if c["bottom"] < block[1] - 2]
            for region, top in ((below, False), (above, True)):
                text = "".join(c["text"] for c in sorted(region, key=lambda c: c["x0"]))
                if region and FOLIO.match(text):
                    page.folio, page.folio_chars, page.folio_top = text, region, top
                    page.chars = [c for c in chars if c not in region]
                    break
            page.rects = [*p.rects, *p.lines]
            tables = p.find_tables()
            page.table_rows = [len(t.rows) for t in tables]
            page.beside_tables = "".join(
                c["text"]
                for c in page.chars
                if not any(
                    t.bbox[0] - 1 <= c["x0"]
                    and c["x1"] <= t.bbox[2] + 1
                    and t.bbox[1] - 1 <= c["top"]
                    and c["bottom"] <= t.bbox[3] + 1
                    for t in tables
                )
            ).strip()
            pages.append(page)
    return pages


def _units(line: list[dict]) -> float:
    """A line's length in characters of the grid: CJK one, Latin and digits their own width."""
    return sum(c["x1"] - c["x0"] for c in line) / line[0]["size"] if line else 0


@dataclass
class Spec:
    """What a document promises. ``official``: every character inside the text block (else
    inside the page with the block's margins as a guide); ``grid``: body text on 22 lines of 28
    characters; ``closing``: the 版记 at the foot of each document's last page."""

    official: bool = True
    grid: bool = False
    closing: bool = False
    numbered_from: int = 1  # the physical page where "— 1 —" stands (2 after a cover and back)


def check(data: bytes, spec: Spec | None = None) -> list[str]:
    spec = spec or Spec()
    pages = read(data)
    problems: list[str] = []
    say = problems.append
    if not pages:
        return ["没有页面"]
    for page in pages:
        w, h = page.width, page.height
        if {round(w), round(h)} != {round(A4[0]), round(A4[1])}:
            say(f"第{page.number}页不是 A4：{w:.0f}×{h:.0f} pt")
        x0, top, x1, bottom = page.block
        for c in page.chars + page.folio_chars:
            if c["x0"] < -EDGE or c["x1"] > w + EDGE or c["top"] < -EDGE or c["bottom"] > h + EDGE:
                say(f"第{page.number}页“{c['text']}”在纸外")
                break
        limit = page.block if spec.official else (x0 - 10 * PT, top - 10 * PT, x1 + 10 * PT, bottom)
        outside = [
            c
            for c in page.chars
            if c["x0"] < limit[0] - EDGE
            or c["x1"] > limit[2] + EDGE
            or c["top"] < limit[1] - EDGE - 4
            or c["bottom"] > limit[3] + EDGE + 4
        ]
        if outside:
            c = outside[0]
            say(
                f"第{page.number}页有{len(outside)}个字在版心外，如“{c['text']}”"
                f"（x {c['x0'] / PT:.1f}–{c['x1'] / PT:.1f} mm，y {c['top'] / PT:.1f} mm）"
            )
        for r in page.rects:
            if r["x0"] < limit[0] - EDGE or r["x1"] > limit[2] + EDGE:
                say(
                    f"第{page.number}页有表格线出了版心（{r['x0'] / PT:.1f}–{r['x1'] / PT:.1f} mm）"
                )
                break
        _check_folio(page, say)
        if spec.grid and not page.landscape:
            _check_grid(page, say)
    _check_numbering(pages, spec, say)
    if spec.closing:
        _check_closings(pages, say)
    _check_lonely(pages, say)
    return problems


def _check_folio(page: Page, say) -> None:
    if not page.folio:
        return
    chars = page.folio_chars
    size = chars[0]["size"]
    if round(size) != 14:
        say(f"第{page.number}页页码不是四号字（{size:.1f} pt）")
    baseline = page.height - chars[0]["matrix"][5]
    if page.folio_top:
        # Above the block: the numerals' baseline 7 mm over its top edge.
        gap = page.block[1] - baseline
        if abs(gap - FOLIO_GAP) > TOLERANCE:
            say(f"第{page.number}页页码在版心上 {gap / PT:.1f} mm，应为 7 mm")
    else:
        numeral_top = baseline - NUMERAL_HEIGHT * size
        gap = numeral_top - page.block[3]
        if abs(gap - FOLIO_GAP) > TOLERANCE:
            say(f"第{page.number}页页码在版心下 {gap / PT:.1f} mm，应为 7 mm")
    left = min(c["x0"] for c in chars)
    right = max(c["x1"] for c in chars)
    x0, _t, x1, _b = page.block
    if page.landscape:
        middle = (left + right) / 2
        if abs(middle - (x0 + x1) / 2) > 3 * PT:
            say(f"第{page.number}页（横排）页码不居中")
        return
    shown = int(FOLIO.match(page.folio).group(1))
    if shown % 2:
        # Odd: at the right, one character (四号) in from the block's edge.
        if abs((x1 - right) - size) > TOLERANCE + 1:
            say(f"第{page.number}页单页码应居右空一字（离版心右边 {(x1 - right) / PT:.1f} mm）")
    elif abs((left - x0) - size) > TOLERANCE + 1:
        say(f"第{page.number}页双页码应居左空一字（离版心左边 {(left - x0) / PT:.1f} mm）")
    if page.number % 2 != shown % 2 and not page.landscape:
        say(f"第{page.number}页页码 {shown} 与单双页不符（单页应在右手页）")


def _check_numbering(pages: list[Page], spec: Spec, say) -> None:
    """Numbers run 1, 2, 3 … within a document and restart at 1 for the next, which starts on
    a right-hand page; only a blank page or the cover goes unnumbered."""
    expected = None
    for page in pages:
        if not page.folio:
            if not page.blank and page.number >= spec.numbered_from:
                say(f"第{page.number}页有内容却没有页码")
            continue
        shown = int(FOLIO.match(page.folio).group(1))
        if shown == 1:
            if not page.landscape and page.number % 2 == 0:
                say(f"第{page.number}页开始的文件不在右手页")
        elif shown != expected:
            say(f"第{page.number}页页码为 {shown}，应为 {expected}")
        expected = shown + 1


def _check_grid(page: Page, say) -> None:
    body = [c for c in page.chars if abs(c["size"] - BODY) < 0.2]
    lines = _lines(body)
    if len(lines) > 22:
        say(f"第{page.number}页正文 {len(lines)} 行，超过 22 行")
    x0, _t, x1, _b = page.block
    for line, after in zip(lines, [*lines[1:], None]):  # noqa: B905 - one fewer on purpose
        units = _units(line) + (line[0]["x0"] - x0) / BODY
        text = "".join(c["text"] for c in line)
        if x1 - line[-1]["x1"] < 0.5 * BODY and not 27.4 <= units <= 28.6:
            # A line that reaches the right edge is full: 28 characters of the grid.
            say(f"第{page.number}页一行满行却是 {units:.1f} 个字：{text[:12]}…")
            return
        continued = (
            after is not None
            and after[0]["fontname"] == line[-1]["fontname"]
            and abs(after[0]["x0"] - x0) < 1
        )
        if continued and units <= 26.05:
            # A line its paragraph goes on from may fall short by what a number or a
            # punctuation mark that must not start a line takes, by less than two characters.
            say(f"第{page.number}页一行未排满（{units:.1f} 个字）：{text[:12]}…")
            return


def _documents(pages: list[Page]) -> list[list[Page]]:
    docs: list[list[Page]] = []
    for page in pages:
        if page.folio and int(FOLIO.match(page.folio).group(1)) == 1 or not docs:
            docs.append([])
        docs[-1].append(page)
    return docs


def _check_closings(pages: list[Page], say) -> None:
    for doc in _documents(pages):
        printed = [p for p in doc if not p.blank]
        last = printed[-1]
        cc = [
            line for line in _lines(last.chars) if "".join(c["text"] for c in line).startswith(CC)
        ]
        if not cc:
            say(f"第{last.number}页：文件的最后一页没有版记")
            continue
        for p in printed[:-1]:
            if any(f"{w}：" in p.text for w in CC):
                say(f"第{p.number}页：版记不在文件的最后一页")
        # The 版记's last rule stands on the block's foot.
        # The rules from the one above 抄送 down.
        rules = [r for r in last.rects if r["bottom"] > cc[0][0]["top"] - 12]
        if rules:
            foot = max(r["bottom"] for r in rules)
            if abs(foot - last.block[3]) > 2 * PT:
                say(
                    f"第{last.number}页版记未在版心底部（离底 {(last.block[3] - foot) / PT:.1f} mm）"
                )
        found = _rule_widths(rules)
        for want in (0.35, 0.25):
            if not any(abs(v - want * PT) < 0.06 for v in found):
                shown = sorted({round(v / PT, 2) for v in found})
                say(f"第{last.number}页版记缺少 {want} mm 的线（有 {shown} mm）")


def _rule_widths(rects: list[dict]) -> list[float]:
    """The thickness of each horizontal rule: WeasyPrint draws a border as the space between an
    outer and an inner rectangle, a stroked line as a line."""
    widths = [r.get("linewidth") or 0 for r in rects if r["object_type"] == "line"]
    widths += [r["height"] for r in rects if r["object_type"] == "rect" and 0 < r["height"] < 3]
    boxes = [r for r in rects if r["object_type"] == "rect" and r["height"] >= 3]
    for outer in boxes:
        for inner in boxes:
            if (
                inner is outer
                or abs(inner["x0"] - outer["x0"]) > 2
                or abs(inner["x1"] - outer["x1"]) > 2
            ):
                continue
            if outer["top"] <= inner["top"] and inner["bottom"] <= outer["bottom"]:
                for gap in (inner["top"] - outer["top"], outer["bottom"] - inner["bottom"]):
                    if 0 < gap < 3:
                        widths.append(gap)
    return widths


def _check_lonely(pages: list[Page], say) -> None:
    """No page holds only a 版记, and no page holds one lone table row after its header."""
    for page in pages:
        text = page.text.replace(" ", "")
        if not text:
            continue
        lines = _lines(page.chars)
        joined = ["".join(c["text"] for c in line) for line in lines]
        if all(any(w in line for w in COLOPHON_WORDS) or not line.strip() for line in joined) or (
            text.startswith(CC) and len(lines) <= 3
        ):
            say(f"第{page.number}页只有版记")
        if page.table_rows == [2] and not page.beside_tables and len(pages) > 1:
            say(f"第{page.number}页只有表格的一行")
