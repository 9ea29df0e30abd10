"""The reference review (``../shared/reference/anzhou-2025-year-review.txt``) as fingerprints:
the SHA-256 of each of its sentences and clauses, and of the phrases that carry the demo's
figures. The repository may hold none of its sentences, and a clone has no ``../shared``, so
the tests check against these; where the reference is beside the checkout, they also check that
the fingerprints are still its own (``python -m tests.reference`` writes them afresh)."""

import hashlib
import json
import re
from pathlib import Path

REFERENCE = (
    Path(__file__).resolve().parents[2] / "shared" / "reference" / "anzhou-2025-year-review.txt"
)
STORED = Path(__file__).resolve().parent / "data" / "reference-fingerprints.json"
# The review's phrases that carry a demo figure: (phrase, figure key).
PHRASES = [
    ("召开常委会会议{}次", "standing_meetings"),
    ("主任会议{}次", "chairman_meetings"),
    ("代表联系群众{}人次", "constituents"),
    ("组织{}名代表向选民述职", "reported"),
    ("全年联合执法{}次", "joint_enforcement"),
]


def normal(text: str) -> str:
    return text.replace(",", "，").replace(";", "；").replace("!", "！").replace("?", "？")


def pieces(text: str) -> set[str]:
    """Sentences and clauses of ten or more characters, commas read alike."""
    found = set()
    for sentence in re.split(r"[。！？；\n]", normal(text)):
        sentence = sentence.strip()
        if len(sentence) >= 10:
            found.add(sentence)
        for clause in re.split(r"[，：、“”\s]", sentence):
            if len(clause.strip()) >= 10:
                found.add(clause.strip())
    return found


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def fingerprints(reference: str, figures: dict[str, int]) -> dict:
    text = normal(reference)
    return {
        "pieces": sorted(digest(p) for p in pieces(reference)),
        "phrases": {
            key: digest(phrase.format(figures[key]))
            for phrase, key in PHRASES
            if phrase.format(figures[key]) in text
        },
    }


def stored() -> dict:
    return json.loads(STORED.read_text(encoding="utf-8"))


if __name__ == "__main__":
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    django.setup()
    from tests.test_demo import REVIEW_FIGURES

    data = fingerprints(REFERENCE.read_text(encoding="utf-8"), REVIEW_FIGURES)
    STORED.write_text(json.dumps(data, indent=0) + "\n", encoding="utf-8")
    print(f"{len(data['pieces'])} pieces, {len(data['phrases'])} phrases → {STORED}")
