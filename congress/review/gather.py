"""Everything the annual report shows: the office's text filled with the year's figures."""

from __future__ import annotations

import hashlib
import json

from django.utils import timezone

from congress.review.document import Review, build


def gather(year: int, today=None) -> dict:
    review: Review = build(year, today)
    return {"review": review, "year": year, "generated": timezone.localtime()}


def checksum(context: dict) -> str:
    """A fingerprint of what the review says: equal text and figures, equal checksum."""
    review: Review = context["review"]
    payload = [review.title, review.subtitle, str(review.date), review.plain_text()]
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False).encode()).hexdigest()
