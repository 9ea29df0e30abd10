"""Every error a person sees from the ledger is a Chinese sentence naming the sheet and row
(never an exception's name), and handling units are plain names in every sheet alike: the check
lists the units an import would create (ledger-format.md)."""

import pytest

from congress.accounts.models import Unit
from congress.ledger import writer
from congress.ledger.importer import import_workbook
from petitions.models import Petition
from tests.ledgerbook import book

pytestmark = pytest.mark.django_db

PETITIONS = ["编号", "方式", "日期", "内容摘要", "转办单位", "办理状态"]
EXCEPTION_NAMES = ("Error", "Exception", "Traceback", "list index", "NoneType")


def test_a_petition_forwarded_to_a_new_unit_creates_it_and_the_check_says_so():
    data = book(
        {"信访": [PETITIONS, ["X1", "来信", "2025-03-01", "反映噪音", "区城管局", "已转办"]]}
    )
    checked = import_workbook(data, dry_run=True)
    assert checked.ok, [str(p) for p in checked.errors]
    assert any("将新建：区城管局" in w for w in checked.warnings), checked.warnings
    assert not Unit.objects.exists()  # a check writes nothing
    done = import_workbook(data)
    assert done.ok and Petition.objects.get().unit == Unit.objects.get(name="区城管局")


def test_a_row_nobody_foresaw_is_a_sentence_naming_sheet_and_row(monkeypatch):
    def broken(self, number, values):
        raise IndexError("list index out of range")

    monkeypatch.setattr(writer.SheetWriter, "row", broken)
    data = book({"信访": [PETITIONS, ["X1", "来信", "2025-03-01", "反映", "区城管局", "已转办"]]})
    result = import_workbook(data, dry_run=True)
    assert not result.ok
    [problem] = result.errors
    text = str(problem)
    assert "“信访”表" in text and "第2行" in text
    assert not any(word in text for word in EXCEPTION_NAMES), text


def test_a_broken_workbook_is_told_in_chinese():
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:  # a zip, but no workbook inside
        archive.writestr("xl/workbook.xml", "<not-a-workbook")
    result = import_workbook(buffer.getvalue())
    text = " ".join(str(p) for p in result.errors)
    assert "无法读取该工作簿" in text
    assert not any(word in text for word in EXCEPTION_NAMES), text
