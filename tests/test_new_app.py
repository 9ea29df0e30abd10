"""docs/architecture.md's recipe, tried: tests/throwaway is a new app built by it (a record kind,
a ledger sheet, a figure, a to-do, a dashboard panel, a home section, a clause of the built-in
review text). The test settings add it to INSTALLED_APPS and nothing else in the project names
it; here it is created, registered, walked, exported and counted like any app."""

import datetime
import io
import subprocess
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from congress.figures.builtin import FIGURES
from congress.figures.cache import compute_year
from congress.figures.panels import PANELS
from congress.ledger.sheets import SHEETS
from congress.records.kinds import KINDS
from congress.site.declarations import SECTIONS
from congress.work.todo import TODOS
from tests.throwaway.models import Filing

ROOT = Path(__file__).resolve().parent.parent
DAY = datetime.date(2025, 5, 6)
RULE = "尚未审查的文件不能填写发现问题。"


def test_registered_by_being_installed():
    assert "filings" in KINDS and "备案审查" in SHEETS and "filings" in FIGURES
    assert "filings_unreviewed" in TODOS and "filings-unreviewed" in PANELS
    assert "staff:备案审查" in SECTIONS


def test_nothing_outside_the_app_names_it():
    """Only the app, the test settings that install it and this test know of it."""
    found = subprocess.run(
        [
            "git",
            "grep",
            "--untracked",
            "-l",
            "-e",
            "tests.throwaway",
            "-e",
            "Filing(",
            "--",
            "*.py",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout.split()
    outside = [f for f in found if not f.startswith("tests/throwaway/")]
    assert sorted(outside) == ["tests/settings.py", "tests/test_new_app.py"]


@pytest.mark.django_db
def test_created_in_the_browser_by_the_models_rules(clerk_client):
    data = {"title": "关于物业管理的规定", "organ": "区住建局", "received": "2025/5/6"}
    bad = clerk_client.post("/filings/new/", {**data, "state": "已备案", "problems": "2"})
    assert RULE in bad.content.decode() and not Filing.objects.exists()
    good = clerk_client.post("/filings/new/", {**data, "state": "已审查", "problems": "2"})
    assert good.status_code == 302
    filing = Filing.objects.get()
    assert clerk_client.get(f"/filings/{filing.pk}/").status_code == 200
    assert filing.history.count() == 1  # a Record: its change kept


@pytest.mark.django_db
def test_the_ledger_refuses_the_same_row_with_the_same_words():
    from congress.ledger.importer import import_workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "备案审查"
    ws.append(["文件名称", "制定机关", "报备日期", "状态", "发现问题"])
    ws.append(["关于物业管理的规定", "区住建局", "2025-05-06", "已备案", 2])
    buffer = io.BytesIO()
    wb.save(buffer)
    result = import_workbook(buffer.getvalue())
    assert not result.ok and any(RULE in p.reason for p in result.errors)
    assert not Filing.objects.exists()


@pytest.mark.django_db
def test_exported_with_the_year_and_from_its_list(clerk_client):
    from congress.ledger.export import workbook_bytes

    Filing.objects.create(title="关于物业管理的规定", organ="区住建局", received=DAY)
    data, counts = workbook_bytes(2025)
    assert counts["备案审查"] == 1
    sheet = load_workbook(io.BytesIO(data))["备案审查"]
    assert "关于物业管理的规定" in [c.value for row in sheet.iter_rows() for c in row]
    listed = clerk_client.get("/filings/?format=xlsx")
    assert listed.status_code == 200
    assert "关于物业管理的规定" in [
        c.value for row in load_workbook(io.BytesIO(listed.content)).active.iter_rows() for c in row
    ]


@pytest.mark.django_db
def test_counted_on_the_dashboard_the_homes_and_in_the_review(clerk_client, leader_client):
    from congress.review.paragraphs import default_text

    for n in range(3):
        Filing.objects.create(title=f"规定{n}", organ="区政府", received=DAY)
    assert compute_year(2025)["filings"] == 3
    dashboard = leader_client.get("/dashboard/?year=2025").content.decode()
    assert 'data-figure="备案文件"' in dashboard and "待审查的备案文件（3）" in dashboard
    home = clerk_client.get("/").content.decode()
    assert 'data-todo="filings_unreviewed"' in home and "备案审查" in home
    assert "审查报备的规范性文件{{备案文件|数}}件" in default_text()
    listed = clerk_client.get(FIGURES["filings"].link(2025)).content.decode()
    assert "data-count>3<" in listed
