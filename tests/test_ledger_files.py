"""Bad files, the round trip, the commands and the browser flow of the ledger."""

import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from congress.figures.cache import compute_year
from congress.ledger.export import template_bytes, workbook_bytes
from congress.ledger.importer import import_workbook
from congress.ledger.models import LedgerImport
from deputies.models import Station
from tests.ledgerbook import STATION, book

pytestmark = pytest.mark.django_db


def reasons(data: bytes) -> list[str]:
    return [p.reason for p in import_workbook(data).errors]


def test_not_an_xlsx():
    assert reasons(b"name,town\n") == ["不是 Excel 工作簿（.xlsx）文件"]
    assert reasons(b"PK\x03\x04 broken zip") == ["不是 Excel 工作簿（.xlsx）文件"]


def test_password_protected_or_old_xls():
    assert "设有密码" in reasons(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)[0]


def test_huge_file(settings):
    settings.LEDGER_MAX_BYTES = 1000
    assert (
        "文件过大" in reasons(book({"联络站": [STATION] + [["站", "代表之家", "镇", ""]] * 50}))[0]
    )


def test_merged_header_cells_are_refused():
    wb = Workbook()
    ws = wb.active
    ws.title = "联络站"
    ws.append(STATION)
    ws.merge_cells("A1:B1")
    out = io.BytesIO()
    wb.save(out)
    assert reasons(out.getvalue()) == ["表头不能有合并单元格"]


def test_formula_without_a_saved_value_is_refused_and_with_one_is_used():
    wb = Workbook()
    ws = wb.active
    ws.title = "其他工作"
    ws.append(["类别", "名称", "日期", "数量"])
    ws.append(["联合执法", "执法", "2025-03-01", "=2+3"])
    out = io.BytesIO()
    wb.save(out)
    assert reasons(out.getvalue()) == ["公式没有保存计算结果：请在 Excel 中打开并保存后再导入"]
    # A workbook saved by Excel keeps the cached value next to the formula.
    data = _with_cached_value(out.getvalue(), "D2", 5)
    result = import_workbook(data)
    assert result.ok, result.errors
    assert compute_year(2025)["joint_enforcement"] == 5


def _with_cached_value(data: bytes, ref: str, value: int) -> bytes:
    import re
    import zipfile

    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                content = re.sub(
                    rf'(<c r="{ref}"[^>]*>)<f>([^<]*)</f>(<v\s*/>|<v></v>)?'.encode(),
                    rb"\1<f>\2</f><v>" + str(value).encode() + b"</v>",
                    content,
                )
            dst.writestr(item, content)
    return out.getvalue()


def test_round_trip_export_import_export(known_year):
    before = compute_year(2025)
    first, counts = workbook_bytes(2025)
    assert counts["会议"] == 4
    _flush()
    assert compute_year(2025)["standing_meetings"] == 0
    result = import_workbook(first)
    assert result.ok, [str(p) for p in result.errors]
    second, _ = workbook_bytes(2025)
    assert _cells(first) == _cells(second)
    assert compute_year(2025) == before


def _flush():
    from django.apps import apps

    for label in ("proposals", "oversight", "meetings", "deputies"):
        for model in reversed(list(apps.get_app_config(label).get_models())):
            model.objects.all().delete()
    from congress.accounts.models import Unit
    from oversight.models import OtherWork

    OtherWork.objects.all().delete()
    Unit.objects.all().delete()


def _cells(data: bytes) -> dict:
    wb = load_workbook(io.BytesIO(data))
    return {name: list(wb[name].iter_rows(values_only=True)) for name in wb.sheetnames}


def test_hostile_text_is_exported_as_text(db):
    Station.objects.create(name='=HYPERLINK("http://x")', town="+镇", kind="代表之家")
    data, _ = workbook_bytes(2025)
    ws = load_workbook(io.BytesIO(data))["联络站"]
    assert ws["A2"].data_type == "s" and ws["A2"].value.startswith("=HYPERLINK")
    assert ws["C2"].data_type == "s"


FORMAT_SHEETS = [
    "联络站", "代表", "会议", "决议决定", "人事任免", "监督工作", "意见建议", "民生实事",
    "民生实事督导", "代表建议", "代表活动", "其他工作", "信访",
]  # fmt: skip


def test_template_has_every_sheet_explanations_and_dropdowns():
    from congress.ledger.sheets import all_sheets

    wb = load_workbook(io.BytesIO(template_bytes()))
    assert set(wb.sheetnames) == {s.name for s in all_sheets()}
    # The format's sheets in the format's order (an app may add sheets of its own).
    assert [n for n in wb.sheetnames if n in FORMAT_SHEETS] == FORMAT_SHEETS
    ws = wb["代表建议"]
    assert ws["A1"].value == "编号" and ws["A2"].value.startswith("填写说明：")
    formulas = [dv.formula1 for dv in ws.data_validations.dataValidation]
    assert '"待交办,办理中,已答复,已办结,不予立案,撤回"' in formulas
    # The empty template imports cleanly: its explanation row is skipped.
    assert import_workbook(template_bytes()).ok


ROOT = Path(__file__).resolve().parent.parent


def test_commands_exit_codes_and_messages(tmp_path, capsys):
    good = tmp_path / "good.xlsx"
    good.write_bytes(book({"联络站": [STATION, ["一站", "代表之家", "河清镇", ""]]}))
    call_command("import_ledger", str(good), "--dry-run")
    assert "联络站：将新增 1 条" in capsys.readouterr().out
    assert not Station.objects.exists()
    call_command("import_ledger", str(good))
    assert Station.objects.count() == 1
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(book({"联络站": [STATION, ["二站", "站", "河清镇", ""]]}))
    with pytest.raises(SystemExit) as exit_info:
        call_command("import_ledger", str(bad))
    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    assert "“联络站”表第2行“类型”列（值：站）：应为以下之一" in err
    out = tmp_path / "out.xlsx"
    call_command("export_ledger", "--year", "2025", str(out))
    assert load_workbook(out)["联络站"]["A2"].value == "一站"


def _upload(client, data: bytes, name: str = "台账.xlsx"):
    return client.post(reverse("ledger"), {"file": SimpleUploadedFile(name, data)})


def test_browser_flow_check_then_confirm(clerk_client, django_capture_on_commit_callbacks):
    data = book({"联络站": [STATION, ["一站", "代表之家", "河清镇", ""]]})
    with django_capture_on_commit_callbacks(execute=True):
        response = _upload(clerk_client, data)
    record = LedgerImport.objects.get()
    assert response.status_code == 302 and record.status == "待确认"
    page = clerk_client.get(reverse("ledger_import", args=[record.pk])).content.decode()
    assert "确认导入" in page and "联络站" in page
    assert not Station.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        clerk_client.post(reverse("ledger_import_confirm", args=[record.pk]))
    record.refresh_from_db()
    assert record.status == "已导入" and Station.objects.count() == 1
    again = clerk_client.post(reverse("ledger_import_confirm", args=[record.pk]))
    assert again.status_code == 409 and "不能确认导入" in again.content.decode()


def test_browser_flow_shows_errors_with_rows(clerk_client, django_capture_on_commit_callbacks):
    data = book(
        {"联络站": [STATION, ["一站", "代表之家", "河清镇", ""], ["二站", "站", "河清镇", ""]]}
    )
    with django_capture_on_commit_callbacks(execute=True):
        _upload(clerk_client, data)
    record = LedgerImport.objects.get()
    assert record.status == "有错误"
    page = clerk_client.get(reverse("ledger_import", args=[record.pk])).content.decode()
    assert "发现 1 个错误" in page and "<td>3</td>" in page and "确认导入" not in page
    assert clerk_client.post(reverse("ledger_import_confirm", args=[record.pk])).status_code == 409


def test_upload_refuses_other_files_in_chinese(clerk_client):
    response = _upload(clerk_client, b"a,b", "data.csv")
    assert response.status_code == 400
    assert "请上传 Excel 工作簿（.xlsx）文件" in response.content.decode()
    assert not LedgerImport.objects.exists()


def test_leader_and_unit_cannot_import(client, leader, unit_user):
    client.force_login(leader)
    assert _upload(client, b"x").status_code == 403
    assert client.get(reverse("ledger_template")).status_code == 200
    client.force_login(unit_user)
    assert client.get(reverse("ledger")).status_code == 403
    assert client.get(reverse("ledger_export") + "?year=2025").status_code == 403


def test_list_page_exports_its_filtered_records(clerk_client, known_year):
    response = clerk_client.get(reverse("meetings_list") + "?year=2025&kind=常委会会议&format=xlsx")
    assert response.status_code == 200
    ws = load_workbook(io.BytesIO(response.content))["会议"]
    assert ws.max_row == 1 + 3


def test_a_5000_row_workbook_imports():
    data = book(
        {
            "其他工作": [
                ["类别", "名称", "日期", "数量"],
                *[["联合执法", f"执法{i}", "2025-03-01", 1] for i in range(5000)],
            ]
        }
    )
    result = import_workbook(data)
    assert result.ok and result.created["其他工作"] == 5000


def test_a_zip_bomb_is_refused_before_parsing(db, settings):
    """A small file that unpacks to a huge sheet is refused quickly and with little memory."""
    import io
    import resource
    import time
    import zipfile

    from congress.ledger.importer import import_workbook

    settings.LEDGER_MAX_UNCOMPRESSED = 20 * 1024 * 1024
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        row = "<row>" + "<c><v>0</v></c>" * 1000 + "</row>"
        z.writestr(
            "xl/worksheets/sheet1.xml",
            "<worksheet><sheetData>" + row * 2500 + "</sheetData></worksheet>",
        )
    bomb = out.getvalue()
    assert len(bomb) < 1024 * 1024
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.monotonic()
    result = import_workbook(bomb)
    assert time.monotonic() - started < 2
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 200 * 1024  # KB
    assert not result.ok and "解压后过大" in str(result.errors[0])
