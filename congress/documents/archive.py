"""年度归档: every document of a year the office prints, in one folder or one zip.

The documents are declared where they are made: each app (and the review) registers a
``Printable`` in its ``declarations.py``, naming its files for a year. ``write`` lays them out in
folders by kind, named by 文号 or title, with an index (索引.csv) of each file, its pages and its
SHA-256, so that an archive can be checked years later.
"""

from __future__ import annotations

import csv
import hashlib
import io
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from congress.registry import Registry

INDEX = "索引.csv"


@dataclass(frozen=True)
class ArchiveFile:
    """One file of the archive."""

    name: str  # 安人常办〔2025〕1号.pdf
    data: bytes
    number: str = ""  # its 文号, where it has one
    pages: int | None = None  # of a PDF


@dataclass(frozen=True)
class Printable:
    """A kind of document the year's archive holds, and how to make its files for a year."""

    key: str
    label: str  # the folder: 交办函, 名册, 年度工作综述
    order: int
    files: Callable[[int], Iterable[ArchiveFile]]


PRINTABLES: Registry[Printable] = Registry("printed document", "declarations", key=lambda p: p.key)


def register(*printables: Printable) -> None:
    PRINTABLES.register(*printables)


def printables() -> list[Printable]:
    return sorted(PRINTABLES.values(), key=lambda p: (p.order, p.key))


@dataclass(frozen=True)
class Entry:
    """A line of the index."""

    kind: str
    number: str
    path: str
    pages: int | None
    sha256: str
    size: int


def _safe(name: str) -> str:
    """A file name that is a name on every system: no folders, no control characters."""
    cleaned = "".join("_" if ch in '/\\:*?"<>|' or ord(ch) < 32 else ch for ch in name).strip()
    return cleaned.lstrip(".") or "文件"


def documents(
    year: int, progress: Callable[[str], None] | None = None
) -> Iterable[tuple[str, ArchiveFile]]:
    for printable in printables():
        if progress:
            progress(printable.label)
        for file in printable.files(year):
            yield printable.label, file


def _index(entries: list[Entry]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["类别", "文号", "文件", "页数", "SHA-256", "字节"])
    for e in entries:
        writer.writerow([e.kind, e.number, e.path, e.pages or "", e.sha256, e.size])
    # With a byte-order mark, so that Excel opens the Chinese as Chinese.
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _entries(year: int, sink: Callable[[str, bytes], None], progress=None) -> list[Entry]:
    entries: list[Entry] = []
    taken: set[str] = set()
    for kind, file in documents(year, progress):
        path = f"{_safe(kind)}/{_safe(file.name)}"
        stem, dot, ext = path.rpartition(".")
        n = 2
        while path in taken:
            path = f"{stem}（{n}）{dot}{ext}"
            n += 1
        taken.add(path)
        sink(path, file.data)
        entries.append(
            Entry(
                kind,
                file.number,
                path,
                file.pages,
                hashlib.sha256(file.data).hexdigest(),
                len(file.data),
            )
        )
    sink(INDEX, _index(entries))
    return entries


def write(year: int, folder: Path, progress=None) -> list[Entry]:
    """The archive of the year as files under ``folder``."""

    def sink(path: str, data: bytes) -> None:
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)

    return _entries(year, sink, progress)


def zipped(year: int, progress=None) -> tuple[bytes, list[Entry]]:
    """The archive of the year as one zip."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        entries = _entries(year, archive.writestr, progress)
    return out.getvalue(), entries
