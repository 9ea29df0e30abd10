"""The built-in default text's sentences, as tests read them."""

from congress.review.document import build
from congress.review.paragraphs import default_text


def overview_sentences(year: int) -> list[str]:
    """The paragraphs the default text prints for the year (the ledger format's wording)."""
    review = build(year, override_text=default_text())
    return ["".join(r.text for r in p.runs) for p in review.parts if p.kind == "p"]
