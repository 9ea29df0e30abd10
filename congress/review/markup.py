"""The review's text (report-template.md): a small markup with figure placeholders.

``parse`` turns the office's text into blocks and refuses it with every error at its line;
``fill`` puts a year's values into the placeholders. The preview, the PDF and the Word copy all
render the same filled blocks, so the three never disagree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

SETTINGS = ("机构名称", "党委简称", "年度", "截至日期")
FILTERS = ("", "数", "余", "万")

PLACEHOLDER = re.compile(r"\{\{(.*?)\}\}")
BLOCK = re.compile(r"^\{\{(附表|图)[:：](.+)\}\}$")


class TextError(ValueError):
    """The text cannot be used; ``errors`` holds (line, message) pairs, in Chinese."""

    def __init__(self, errors: list[tuple[int, str]]):
        super().__init__("；".join(f"第{n}行：{m}" for n, m in errors))
        self.errors = errors


@dataclass
class Ref:
    """A placeholder: a figure's name (or a setting) and its filter."""

    name: str
    filter: str = ""
    line: int = 0


@dataclass
class Block:
    kind: str  # h1, h2, h3, p, table, chart, empty
    parts: list = field(default_factory=list)  # str, Ref, or ("b", [parts]) for bold
    name: str = ""  # table and chart blocks: the figure or chart named
    line: int = 0


@dataclass
class Names:
    """What a text may name: figures (with whether each is a rate), charts."""

    figures: dict[str, bool]  # name -> is a rate
    charts: set[str]


def _inline(text: str, line: int, names: Names, errors: list) -> list:
    """Text with **bold** and {{placeholders}}, as parts."""
    parts: list = []
    pieces = text.split("**")
    if len(pieces) % 2 == 0:
        errors.append((line, "“**”没有成对出现（加粗的文字应写成 **文字**）"))
        pieces = [text]
    for i, piece in enumerate(pieces):
        inner = _placeholders(piece, line, names, errors)
        if i % 2:
            parts.append(("b", inner))
        else:
            parts.extend(inner)
    return parts


def _placeholders(text: str, line: int, names: Names, errors: list) -> list:
    parts: list = []
    pos = 0
    for m in PLACEHOLDER.finditer(text):
        parts.append(text[pos : m.start()])
        parts.append(_ref(m.group(1), line, names, errors))
        pos = m.end()
    rest = text[pos:]
    if "{{" in rest:
        errors.append((line, f"“{{{{”没有用“}}}}”闭合：{rest[rest.index('{{') :][:30]}"))
    elif "}}" in rest:
        errors.append((line, "多出的“}}”：前面没有“{{”"))
    parts.append(rest)
    return [p for p in parts if p != ""]


def _ref(body: str, line: int, names: Names, errors: list) -> Ref:
    name, _, flt = body.partition("|")
    name, flt = name.strip(), flt.strip()
    if name in SETTINGS:
        if flt:
            errors.append((line, f"“{name}”是机构设置，不能加“|{flt}”"))
        return Ref(name, "", line)
    if name.startswith(("附表:", "附表：", "图:", "图：")):
        errors.append((line, f"“{{{{{body}}}}}”应单独占一行"))
    elif name not in names.figures:
        errors.append((line, f"未知的统计数字“{name}”"))
    elif flt not in FILTERS:
        errors.append((line, f"未知的写法“|{flt}”：可用 |数、|余、|万"))
    elif flt in ("余", "万") and names.figures[name]:
        errors.append((line, f"“{name}”是比率，不能用“|{flt}”"))
    return Ref(name, flt, line)


def parse(text: str, names: Names) -> list[Block]:
    """The text's blocks; TextError with every error found, each at its line."""
    errors: list[tuple[int, str]] = []
    blocks: list[Block] = []
    paragraph: list[str] = []
    start = 0

    def flush() -> None:
        if paragraph:
            joined = "".join(s.strip() for s in paragraph)
            blocks.append(Block("p", _inline(joined, start, names, errors), line=start))
            paragraph.clear()

    for n, raw in enumerate(text.replace("\r\n", "\n").split("\n"), 1):
        line = raw.strip()
        if not line:
            flush()
            continue
        heading = re.match(r"^(#{1,3})\s+(.*)$", line)
        block = BLOCK.match(line)
        if heading:
            flush()
            level = len(heading.group(1))
            blocks.append(Block(f"h{level}", _inline(heading.group(2), n, names, errors), line=n))
        elif block:
            flush()
            what, name = block.group(1), block.group(2).strip()
            if what == "附表" and name not in names.figures:
                errors.append((n, f"附表：未知的统计数字“{name}”"))
            elif what == "附表" and names.figures[name]:
                errors.append((n, f"附表：“{name}”是比率，请用它的分母列表"))
            if what == "图" and name not in names.charts:
                errors.append((n, f"未知的图“{name}”，可用：{'、'.join(sorted(names.charts))}"))
            blocks.append(Block("table" if what == "附表" else "chart", name=name, line=n))
        else:
            if not paragraph:
                start = n
            paragraph.append(line)
    flush()
    if errors:
        raise TextError(sorted(set(errors)))
    return blocks


def referenced(blocks: list[Block]) -> list[str]:
    """The figures a text names, in order of first use."""
    seen: list[str] = []

    def walk(parts):
        for p in parts:
            if isinstance(p, Ref) and p.name not in SETTINGS and p.name not in seen:
                seen.append(p.name)
            elif isinstance(p, tuple):
                walk(p[1])

    for b in blocks:
        walk(b.parts)
        if b.kind == "table" and b.name not in seen:
            seen.append(b.name)
    return seen


# --- numbers as the text prints them --------------------------------------------------------


def about(value: int, unit: str) -> str:
    """|余: 183 → 180余条, 17 → 17次, 180 → 180条."""
    if value < 20:
        return f"{value}{unit}"
    step = 10 if value < 1000 else 100 if value < 10000 else 1000
    rounded = value - value % step
    return f"{rounded}{unit}" if rounded == value else f"{rounded}余{unit}"


def wan(value: int, unit: str) -> str:
    """|万: 23 500 → 2.35万人次; below 10 000 the exact value."""
    if value < 10000:
        return f"{value}{unit}"
    n = (Decimal(value) / 10000).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    text = f"{n:f}".rstrip("0").rstrip(".")
    return f"{text}万{unit}"


def show(value, unit: str, flt: str) -> str:
    """A figure's value as the text prints it with this filter."""
    if isinstance(value, str):  # a rate, already "97.5%" or "—"
        return value
    if flt == "数":
        return str(value)
    if flt == "余":
        return about(value, unit)
    if flt == "万":
        return wan(value, unit)
    return f"{value}{unit}"
