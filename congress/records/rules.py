"""Business rules written once, on the models (``Model.clean``): forms, the ledger and any
later API refuse the same records with the same Chinese message."""

from django.core.exceptions import ValidationError


class Rules:
    """Collects field errors, then raises them together (as ``Model.clean`` should)."""

    def __init__(self):
        self.errors: dict[str, list[str]] = {}

    def add(self, field: str, message: str) -> None:
        self.errors.setdefault(field, []).append(message)

    def check(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)
