"""The bulk writer: what it must still do row by row — a later row naming the same record,
a database rule no column check sees, the history of every row, the numbering of meetings, the
lead deputy kept out of the co-signers, and one declaration per column."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from congress.ledger.export import workbook_bytes
from congress.ledger.importer import import_workbook
from congress.ledger.sheets import CHILDREN, PLAIN, REF, REFS, all_sheets
from meetings.models import Meeting
from proposals.models import Suggestion
from tests.ledgerbook import MEETING, book, deputies

pytestmark = pytest.mark.django_db
D = datetime.date


def test_two_rows_breaking_a_database_rule_are_named_and_nothing_is_written():
    # Two meetings numbered alike in one workbook: neither is in the database when the rules
    # are asked, so the constraint finds them; the row at fault is named, in Chinese.
    result = import_workbook(
        book(
            {
                "会议": [
                    MEETING,
                    ["常委会会议", "会一", "2025-03-18", 18, 5, ""],
                    ["常委会会议", "会二", "2025-04-18", 18, 5, ""],
                ]
            }
        )
    )
    assert [(p.sheet, p.row) for p in result.errors] == [("会议", 3)]
    assert "重复" in result.errors[0].reason
    assert not Meeting.objects.exists()


def test_a_later_row_with_the_same_key_wins_and_counts_once_as_new():
    result = import_workbook(
        book(
            {
                "会议": [
                    MEETING,
                    ["常委会会议", "会一", "2025-03-18", 18, 1, "议题甲"],
                    ["常委会会议", "会一", "2025-03-19", 18, 1, "议题乙；议题丙"],
                ]
            }
        )
    )
    assert result.ok and result.created["会议"] == 1 and result.updated["会议"] == 1
    meeting = Meeting.objects.get()
    assert meeting.date == D(2025, 3, 19)
    assert [a.title for a in meeting.agenda.all()] == ["议题乙", "议题丙"]


def test_meetings_without_a_number_are_numbered_in_order(clerk):
    rows = [MEETING, *[["常委会会议", f"会{i}", f"2025-0{i}-01", 18, "", ""] for i in (1, 2, 3)]]
    result = import_workbook(book({"会议": rows}), user=clerk)
    assert result.ok, [str(p) for p in result.errors]
    assert list(Meeting.objects.order_by("date").values_list("seq", flat=True)) == [1, 2, 3]


def test_every_imported_record_has_its_history_by_the_confirming_user(clerk):
    rows = [MEETING, ["常委会会议", "会一", "2025-03-18", 18, 1, ""]]
    import_workbook(book({"会议": rows}), user=clerk)
    meeting = Meeting.objects.get()
    entry = meeting.history.get()
    assert (entry.history_type, entry.history_user, entry.name) == ("+", clerk, "会一")
    rows[1][2] = "2025-03-20"
    import_workbook(book({"会议": rows}), user=clerk)
    latest = meeting.history.order_by("-history_id").first()
    assert (latest.history_type, latest.date, latest.version) == ("~", D(2025, 3, 20), 2)
    assert Meeting.objects.get().version == 2


def test_the_lead_deputy_is_not_a_cosigner_of_their_own_suggestion():
    header = ["编号", "标题", "类别", "提出日期", "领衔代表", "附议代表", "办理状态"]
    result = import_workbook(
        book(
            {
                "代表": deputies("甲", "乙"),
                "代表建议": [
                    header,
                    ["1", "题", "代表建议", "2025-02-01", "甲", "甲、乙", "待交办"],
                ],
            }
        )
    )
    assert result.ok, [str(p) for p in result.errors]
    assert [d.name for d in Suggestion.objects.get().cosigners.all()] == ["乙"]


def test_names_are_looked_up_once_per_column_not_once_per_row():
    header = ["活动名称", "类型", "日期", "参加代表"]
    few = book(
        {"代表": deputies("甲", "乙"), "代表活动": [header, ["活动1", "视察", "2025-03-01", "甲"]]}
    )
    many = book(
        {
            "代表": deputies("甲", "乙"),
            "代表活动": [
                header,
                *[[f"活动{i}", "视察", "2025-03-01", "甲、乙"] for i in range(40)],
            ],
        }
    )
    counts = []
    for data in (few, many):
        with CaptureQueriesContext(connection) as queries:
            assert import_workbook(data, dry_run=True).ok
        counts.append(len(queries))
    # Forty rows cost a few more bulk statements, never a query per row.
    assert counts[1] - counts[0] < 10, counts


def test_each_column_is_declared_once_and_holds_a_model_field():
    for sheet in all_sheets():
        assert sheet.model is not None
        headers = [c.header for c in sheet.columns]
        assert len(headers) == len(set(headers)), sheet.name
        for col in sheet.columns:
            # Every column reads and writes a field of its model (or says how it does).
            assert col.model_field is not None or (col.get and col.put), (sheet.name, col.header)
            assert col.shape in (PLAIN, REF, REFS, CHILDREN)
            assert sheet.fields.get(col.header) == col.field
        assert set(sheet.key) <= set(headers)


def test_an_exported_year_imports_back_as_unchanged(clerk):
    from tests import factories as f

    f.meeting(date=D(2025, 3, 18))
    data, counts = workbook_bytes(2025)
    result = import_workbook(data, user=clerk)
    assert result.ok
    assert sum(result.unchanged.values()) == sum(counts.values()) > 0
    assert sum(result.created.values()) == sum(result.updated.values()) == 0


def test_a_name_shared_with_a_former_deputy_means_the_one_in_office():
    from deputies.models import Activity, Deputy
    from tests import factories as f

    f.deputy("甲", elected=D(2016, 10, 1), status=Deputy.Status.ENDED, ended=D(2020, 1, 1))
    current = f.deputy("甲", elected=D(2021, 10, 28))
    header = ["活动名称", "类型", "日期", "参加代表"]
    result = import_workbook(book({"代表活动": [header, ["视察一", "视察", "2025-03-01", "甲"]]}))
    assert result.ok, [str(p) for p in result.errors]
    assert list(Activity.objects.get().deputies.all()) == [current]
    # Two in office with the same name: the row says which name, and nothing is written.
    f.deputy("甲", elected=D(2022, 1, 5), level="市")
    result = import_workbook(book({"代表活动": [header, ["视察二", "视察", "2025-03-02", "甲"]]}))
    assert [(p.column, p.reason) for p in result.errors] == [
        ("参加代表", "有多名代表叫“甲”，无法确定是哪一位")
    ]
    assert not Activity.objects.filter(name="视察二").exists()
