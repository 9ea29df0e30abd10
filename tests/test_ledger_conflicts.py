"""Format 2: a workbook that comes back after colleagues edited the records (ledger-format.md)."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from congress.ledger.export import workbook_bytes
from congress.ledger.importer import import_workbook
from meetings.models import Decision
from tests import factories as f


def _row(data: bytes, sheet: str, title: str) -> int:
    ws = load_workbook(io.BytesIO(data))[sheet]
    return next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == title)


def _edit(data: bytes, sheet: str, title: str, column: str, value) -> bytes:
    row = _row(data, sheet, title)
    wb = load_workbook(io.BytesIO(data))
    ws = wb[sheet]
    headers = [c.value for c in ws[1]]
    ws.cell(row=row, column=headers.index(column) + 1, value=value)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


@pytest.fixture
def exported(db):
    Decision.objects.create(title="关于批准决算的决议", kind="决议", date=f.D(2025, 6, 20))
    Decision.objects.create(title="关于加强经济工作监督的决定", kind="决定", date=f.D(2025, 4, 24))
    data, _counts = workbook_bytes(2025)
    return data


def test_an_unchanged_workbook_writes_nothing(exported):
    result = import_workbook(exported)
    assert result.ok and result.updated["决议决定"] == 0 and result.unchanged["决议决定"] == 2
    assert set(Decision.objects.values_list("version", flat=True)) == {1}


def test_a_colleagues_edit_is_never_reverted_silently(exported, clerk):
    # After the export, a colleague corrects a date in the application…
    d = Decision.objects.get(title="关于加强经济工作监督的决定")
    d.date = f.D(2025, 4, 25)
    d.save()
    # …while the workbook, edited offline, changes the type of the same decision.
    book = _edit(exported, "决议决定", "关于加强经济工作监督的决定", "类型", "决议")
    result = import_workbook(book, user=clerk)
    assert not result.ok and len(result.conflicts) == 1
    conflict = result.conflicts[0]
    assert conflict.fields == ["通过日期"] and set(conflict.differs) >= {"通过日期", "类型"}
    assert "导出后系统中已修改了通过日期" in str(conflict)
    d.refresh_from_db()
    assert d.date == f.D(2025, 4, 25) and d.kind == "决定"  # nothing written
    # Keep the application's values: the row is skipped, the rest imports.
    kept = import_workbook(book, user=clerk, decisions={conflict.key: "keep"})
    assert kept.ok and kept.kept == 1
    d.refresh_from_db()
    assert d.date == f.D(2025, 4, 25) and d.kind == "决定"
    # Or take the workbook's, recorded as the confirming user's change.
    taken = import_workbook(book, user=clerk, decisions={conflict.key: "take"})
    assert taken.ok and taken.updated["决议决定"] == 1
    d.refresh_from_db()
    assert d.kind == "决议" and d.history.first().history_user == clerk


def test_a_record_deleted_since_the_export_is_a_conflict_not_a_new_record(exported, clerk):
    # After the export, a colleague deletes a decision in the browser; the old workbook comes back.
    Decision.objects.get(title="关于加强经济工作监督的决定").delete()
    result = import_workbook(exported, user=clerk)
    assert not result.ok and len(result.conflicts) == 1
    conflict = result.conflicts[0]
    assert conflict.deleted and "已在系统中删除" in str(conflict)
    assert not Decision.objects.filter(title="关于加强经济工作监督的决定").exists()
    # Keep it deleted: nothing comes back, the rest imports.
    kept = import_workbook(exported, user=clerk, decisions={conflict.key: "keep"})
    assert kept.ok and kept.kept == 1 and kept.created.get("决议决定", 0) == 0
    assert not Decision.objects.filter(title="关于加强经济工作监督的决定").exists()
    # Or restore it from the workbook.
    restored = import_workbook(exported, user=clerk, decisions={conflict.key: "take"})
    assert restored.ok and restored.created["决议决定"] == 1
    assert Decision.objects.filter(title="关于加强经济工作监督的决定").exists()


def test_a_row_the_application_did_not_touch_imports_normally(exported, clerk):
    book = _edit(exported, "决议决定", "关于批准决算的决议", "类型", "决定")
    result = import_workbook(book, user=clerk)
    assert result.ok and result.updated["决议决定"] == 1 and not result.conflicts
    d = Decision.objects.get(title="关于批准决算的决议")
    assert d.kind == "决定" and d.history.first().history_user == clerk


def test_the_command_refuses_a_conflict_unless_told_to_overwrite(exported, clerk, tmp_path):
    d = Decision.objects.get(title="关于批准决算的决议")
    d.date = f.D(2025, 6, 21)
    d.save()
    path = tmp_path / "back.xlsx"
    path.write_bytes(_edit(exported, "决议决定", "关于批准决算的决议", "类型", "决定"))
    with pytest.raises(SystemExit):
        call_command("import_ledger", str(path), "--user", "clerk")
    d.refresh_from_db()
    assert d.kind == "决议"
    call_command("import_ledger", str(path), "--user", "clerk", "--overwrite")
    d.refresh_from_db()
    assert d.kind == "决定" and d.history.first().history_user == clerk


@pytest.mark.django_db(transaction=True)
def test_in_the_browser_each_conflict_is_decided_by_a_person(clerk_client, clerk):
    Decision.objects.create(title="关于批准决算的决议", kind="决议", date=f.D(2025, 6, 20))
    data, _ = workbook_bytes(2025)
    d = Decision.objects.get()
    d.date = f.D(2025, 6, 22)
    d.save()
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile(
        "台账.xlsx", _edit(data, "决议决定", "关于批准决算的决议", "类型", "决定")
    )
    response = clerk_client.post(reverse("ledger"), {"file": upload})
    page = clerk_client.get(response["Location"]).content.decode()
    assert "data-conflict=" in page and "保留系统中的内容" in page
    confirm = response["Location"].rstrip("/") + "/confirm/"
    undecided = clerk_client.post(confirm, {})
    assert undecided.status_code == 400 and "请对每一处冲突作出选择" in undecided.content.decode()
    key = "决议决定:2"
    done = clerk_client.post(confirm, {f"decide:{key}": "take"})
    assert done.status_code == 302
    d.refresh_from_db()
    assert d.kind == "决定" and d.history.first().history_user == clerk
