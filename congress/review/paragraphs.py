"""The review's built-in text, clause by clause, each contributed by the app whose records its
figures count (``<app>/declarations.py``). Clauses of one paragraph are joined into one sentence
in their order, so the overview opens with the ledger format's sentences
(``ledger-format.md``, "The figures in the report's words") while no app names another's figures.
A new installation's first review starts from this text; the office then rewrites it."""

from __future__ import annotations

from dataclasses import dataclass

from congress.documents.text import cn_number
from congress.registry import Registry


@dataclass(frozen=True)
class Clause:
    """Part of a paragraph of the built-in text, in the review's markup."""

    key: str
    heading: str  # 总体情况: headings are numbered 一、二、… in the order of their first clause
    paragraph: str  # the paragraph it belongs to, under its heading
    text: str
    order: int = 100  # paragraphs come in the order of their first clause, clauses in order


CLAUSES: Registry[Clause] = Registry("review clause", "declarations", key=lambda c: c.key)
# How a paragraph opens, whoever contributes its clauses: (heading, paragraph) -> words.
OPENERS = {("总体情况", "overview"): "一年来，"}
ENDS = ("。", "！", "？")


def register(*clauses: Clause) -> None:
    CLAUSES.register(*clauses)


def default_text() -> str:
    """The built-in text: every app's clauses joined into paragraphs under their headings."""
    headings: dict[str, dict[str, list[Clause]]] = {}
    for c in sorted(CLAUSES.values(), key=lambda c: (c.order, c.key)):
        headings.setdefault(c.heading, {}).setdefault(c.paragraph, []).append(c)
    parts = []
    for n, (heading, paragraphs) in enumerate(headings.items(), 1):
        parts.append(f"# {cn_number(n)}、{heading}")
        for paragraph, clauses in paragraphs.items():
            text = "，".join(c.text.strip().rstrip("，") for c in clauses)
            opener = OPENERS.get((heading, paragraph), "")
            parts.append(opener + text + ("" if text.endswith(ENDS) else "。"))
    return "\n\n".join(parts) + "\n"
