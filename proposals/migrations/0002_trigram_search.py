"""Trigram indexes so that the lists' Chinese text search (icontains) stays fast on PostgreSQL.

pg_trgm indexes ILIKE '%…%' searches; with LC_CTYPE C.UTF-8 it treats CJK characters as word
characters. Other databases, and a PostgreSQL role that may not create extensions, go without.
"""

import logging

from django.db import migrations

log = logging.getLogger(__name__)

INDEXES = [
    ("proposals_suggestion", "title"),
    ("meetings_meeting", "name"),
    ("oversight_oversightitem", "name"),
    ("deputies_deputy", "name"),
    ("deputies_activity", "name"),
]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        try:
            cursor.execute("SAVEPOINT trgm")
            cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        except Exception:  # noqa: BLE001 - no privilege: search still works, unindexed
            cursor.execute("ROLLBACK TO SAVEPOINT trgm")
            log.warning("pg_trgm is not available; text search will not be indexed")
            return
        for table, column in INDEXES:
            cursor.execute(
                f'CREATE INDEX IF NOT EXISTS "{table}_{column}_trgm" ON "{table}" '
                f'USING gin ("{column}" gin_trgm_ops)'
            )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        for table, column in INDEXES:
            cursor.execute(f'DROP INDEX IF EXISTS "{table}_{column}_trgm"')


class Migration(migrations.Migration):
    dependencies = [
        ("proposals", "0001_initial"),
        ("meetings", "0002_initial"),
        ("oversight", "0001_initial"),
        ("deputies", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
