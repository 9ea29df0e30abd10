"""What an app declares is found, and a forgotten declaration fails here, never silently."""

from django.apps import apps
from django.urls import reverse

from congress.ledger.sheets import all_sheets
from congress.records.kinds import KINDS
from congress.registry import discover
from congress.site.context_processors import menu


def _record_apps():
    return [c for c in apps.get_app_configs() if getattr(c, "record_app", False)]


def test_every_record_app_brings_its_urls_and_its_menu_entries():
    staff_menu = dict(menu(""))
    for config in _record_apps():
        assert config.menu, config.label
        for label, name, _order in config.menu:
            assert staff_menu[label] == reverse(name), config.label


def test_every_dated_record_kind_declares_the_date_that_puts_it_in_a_year():
    """Without year_field a save would leave the dashboard's cached figures stale."""
    discover("kinds")
    for kind in KINDS.values():
        fields = {f.name for f in kind.model._meta.get_fields()}
        if "date" in fields:
            assert getattr(kind.model, "year_field", None), kind.key


def test_every_sheet_maps_each_column_to_its_field_and_names_its_year_column():
    """Office figures and re-import conflicts read the sheet's map; a gap would hide a column."""
    for sheet in all_sheets():
        headers = {c.header for c in sheet.columns}
        assert headers <= set(sheet.fields), (sheet.name, headers - set(sheet.fields))
        assert sheet.year_column in headers, sheet.name
        assert sheet.model is not None, f"no record kind exports the sheet {sheet.name}"


def test_the_roles_give_each_record_apps_permissions(db):
    from django.contrib.auth.models import Group

    clerk = Group.objects.get(name="录入员")
    for config in _record_apps():
        assert clerk.permissions.filter(content_type__app_label=config.label).exists(), config.label


def test_a_worker_knows_every_record_kind_without_loading_a_page():
    """The record kinds are found at start-up (<app>/kinds.py); a worker computing figures and
    charts never imports the apps' view modules."""
    import subprocess
    import sys

    code = (
        "import django, sys; django.setup();"
        "import congress.work.tasks, congress.figures.tasks, congress.review.tasks;"
        "from congress.figures.cache import compute_year;"
        "from congress.figures.charts import all_charts; all_charts();"
        "from congress.records.kinds import KINDS; print(len(KINDS));"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('congress','meetings','oversight','deputies','proposals','petitions')"
        " and (m.endswith('.views') or m.endswith('_views'))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**__import__("os").environ},  # the test settings, as this process runs with
    ).stdout.split("\n")
    assert int(out[0]) == len(KINDS) and out[1] == "[]"
