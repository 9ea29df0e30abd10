"""The models and their migrations agree: a changed field (a length, a choice, a default)
without its migration fails here, as `makemigrations --check` fails in CI."""

import io

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_no_model_change_lacks_its_migration():
    out = io.StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    except SystemExit as exc:
        pytest.fail(f"models changed without a migration:\n{out.getvalue()}"[:2000] + f" ({exc})")
