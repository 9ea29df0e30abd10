"""The ledger format's rules, one test each, on tiny workbooks built here."""

import datetime
import io

import pytest

from congress.figures.cache import compute_year
from congress.ledger.importer import import_workbook
from deputies.models import Activity, Deputy, Station
from meetings.models import Meeting
from proposals.models import Suggestion
from tests.ledgerbook import ACTIVITY, DEPUTY, MEETING, STATION, book, deputies

pytestmark = pytest.mark.django_db
D = datetime.date


def run(sheets, **kw):
    return import_workbook(book(sheets), **kw)


def errors(result):
    return [(p.sheet, p.row, p.column, p.reason) for p in result.errors]


def test_dates_in_every_form():
    result = run(
        {
            "会议": [
                MEETING,
                ["常委会会议", "会一", "2025-03-18", 18, 1, ""],
                ["常委会会议", "会二", "2025/3/9", 18, 2, ""],
                ["常委会会议", "会三", "2025年4月1日", 18, 3, ""],
                ["常委会会议", "会四", datetime.datetime(2025, 5, 6), 18, 4, ""],
            ]
        }
    )
    assert result.ok, errors(result)
    assert sorted(Meeting.objects.values_list("date", flat=True)) == [
        D(2025, 3, 9),
        D(2025, 3, 18),
        D(2025, 4, 1),
        D(2025, 5, 6),
    ]


@pytest.mark.parametrize("bad", ["2025.3.18", "2025-02-30", "三月", "18/3/2025"])
def test_bad_dates_are_row_errors(bad):
    result = run({"会议": [MEETING, ["常委会会议", "会一", bad, 18, 1, ""]]})
    assert errors(result)[0][:3] == ("会议", 2, "召开日期")
    assert not Meeting.objects.exists()


def test_list_separators():
    result = run(
        {
            "代表": deputies("甲", "乙", "丙", "丁", "戊"),
            "代表活动": [ACTIVITY, ["视察", "视察", "2025-03-01", "甲、乙，丙,丁；戊", "", ""]],
        }
    )
    assert result.ok, errors(result)
    assert Activity.objects.get().deputies.count() == 5


def test_enumerations_accept_exactly_the_listed_values():
    result = run({"联络站": [STATION, ["一站", "联络站", "河清镇", ""]]})
    assert errors(result) == [("联络站", 2, "类型", "应为以下之一：代表之家、代表联络站")]


def test_references_resolve_in_the_workbook_or_the_database():
    Station.objects.create(name="已有站", town="河清镇")
    result = run(
        {
            "联络站": [STATION, ["新站", "代表联络站", "黄土镇", ""]],
            "代表": [
                DEPUTY + ["联络站"],
                ["甲", "男", "区", "选举", "2021-10-28", "新站"],
                ["乙", "女", "区", "选举", "2021-10-28", "已有站"],
            ],
        }
    )
    assert result.ok, errors(result)
    assert Deputy.objects.get(name="甲").station.name == "新站"
    bad = run({"代表": [DEPUTY + ["联络站"], ["丙", "男", "区", "选举", "2021-10-28", "无此站"]]})
    assert errors(bad)[0][:3] == ("代表", 2, "联络站")
    assert "找不到“无此站”" in errors(bad)[0][3]


def test_empty_rows_and_stray_spaces():
    result = run(
        {
            " 联络站 ": [
                [" 名称 ", "类型 ", "所在镇街", "建成日期"],
                ["  一站  ", " 代表之家", "河清镇 ", None],
                [None, None, None, None],
                ["", " ", "", ""],
                ["二站", "代表联络站", "黄土镇", "2020-1-5"],
            ]
        }
    )
    assert result.ok, errors(result)
    assert sorted(Station.objects.values_list("name", "kind")) == [
        ("一站", "代表之家"),
        ("二站", "代表联络站"),
    ]


def test_unknown_sheet_refuses_the_import():
    result = run({"联络站": [STATION, ["一站", "代表之家", "河清镇", ""]], "代表名单": [["姓名"]]})
    assert errors(result)[0][0] == "代表名单" and "未知的工作表" in errors(result)[0][3]
    assert not Station.objects.exists()


def test_unknown_column_is_a_warning():
    result = run({"联络站": [STATION + ["负责人"], ["一站", "代表之家", "河清镇", "", "张三"]]})
    assert result.ok
    assert any("负责人" in w for w in result.warnings)


def test_missing_required_column_refuses_the_import():
    result = run({"联络站": [["名称", "类型"], ["一站", "代表之家"]]})
    assert errors(result) == [("联络站", 1, "所在镇街", "缺少必填列")]


def test_required_value_missing():
    result = run({"联络站": [STATION, ["", "代表之家", "河清镇", ""]]})
    assert errors(result) == [("联络站", 2, "名称", "必填项不能为空")]


@pytest.mark.parametrize(
    "value, reason",
    [(-3, "不能为负数"), ("-3", "不能为负数"), ("三", "应为整数"), (1.5, "应为整数")],
)
def test_whole_numbers(value, reason):
    result = run(
        {
            "代表": deputies("甲"),
            "代表活动": [ACTIVITY, ["接待", "联系群众", "2025-03-01", "甲", value, 1]],
        }
    )
    assert errors(result) == [("代表活动", 2, "联系群众人次", reason)]


def test_whole_numbers_as_digits_or_cells():
    result = run(
        {
            "代表": deputies("甲"),
            "代表活动": [ACTIVITY, ["接待", "联系群众", "2025-03-01", "甲", "12", 3.0]],
        }
    )
    assert result.ok, errors(result)
    assert Activity.objects.get().people_met == 12


@pytest.mark.parametrize(
    "value, stored",
    [(85, 85), ("85%", 85), (0.85, 85), ("7", 7), (100, 100), (101, None), ("-5", None)],
)
def test_percentages(value, stored):
    from oversight.models import LivelihoodProject

    result = run(
        {"民生实事": [["项目名称", "年度", "状态", "进度"], ["菜市场", 2025, "实施中", value]]}
    )
    assert result.ok is (stored is not None), errors(result)
    if stored is not None:
        assert LivelihoodProject.objects.get().progress == stored


@pytest.mark.parametrize(
    "value, shown, expected",
    [
        (1, "0%", 100),
        (1.0, "0%", 100),
        (0.85, "0%", 85),
        (0.075, "0.0%", 8),
        (1, "General", 1),
        (40, "General", 40),
    ],
)
def test_a_percentage_cell_reads_as_excel_shows_it(value, shown, expected):
    """Excel keeps 100% as 1 in a cell formatted as a percentage; the ledger means 100."""
    from openpyxl import Workbook

    from oversight.models import LivelihoodProject

    wb = Workbook()
    ws = wb.active
    ws.title = "民生实事"
    ws.append(["项目名称", "年度", "状态", "进度"])
    ws.append(["菜市场", 2025, "实施中", value])
    ws["D2"].number_format = shown
    out = io.BytesIO()
    wb.save(out)
    result = import_workbook(out.getvalue())
    assert result.ok, errors(result)
    assert LivelihoodProject.objects.get().progress == expected


def test_yes_no_with_empty_meaning_no():
    sheet = ["类型", "名称", "日期", "法律法规", "上下联动"]
    result = run(
        {
            "监督工作": [
                sheet,
                ["执法检查", "检查一", "2025-5-1", "食品安全法", ""],
                ["执法检查", "检查二", "2025-6-1", "安全生产法", "是"],
            ]
        }
    )
    assert result.ok
    assert compute_year(2025)["inspections"] == 1 and compute_year(2025)["joint_inspections"] == 1
    bad = run({"监督工作": [sheet, ["执法检查", "检查三", "2025-5-1", "法", "对"]]})
    assert errors(bad) == [("监督工作", 2, "上下联动", "应为“是”或“否”")]


def test_all_or_nothing_with_every_error_listed():
    result = run(
        {
            "联络站": [
                STATION,
                ["一站", "代表之家", "河清镇", ""],
                ["二站", "站", "河清镇", "2025-13-01"],
            ],
            "代表": deputies("甲") + [["乙", "男", "区", "选举", ""]],
        }
    )
    found = errors(result)
    assert ("联络站", 3, "类型", "应为以下之一：代表之家、代表联络站") in found
    assert ("联络站", 3, "建成日期", "日期不存在") in found
    assert ("代表", 3, "当选日期", "必填项不能为空") in found
    assert not Station.objects.exists() and not Deputy.objects.exists()


def test_a_reference_error_discovered_while_writing_also_writes_nothing():
    result = run(
        {
            "联络站": [STATION, ["一站", "代表之家", "河清镇", ""]],
            "代表活动": [ACTIVITY, ["视察", "视察", "2025-03-01", "无名氏", "", ""]],
        }
    )
    assert errors(result)[0][:3] == ("代表活动", 2, "参加代表")
    assert not Station.objects.exists()


def test_importing_twice_creates_nothing_new():
    sheets = {
        "联络站": [STATION, ["一站", "代表之家", "河清镇", ""]],
        "代表": deputies("甲", "乙"),
        "代表活动": [ACTIVITY, ["视察", "视察", "2025-03-01", "甲、乙", "", ""]],
    }
    first = run(sheets)
    second = run(sheets)
    assert first.created == {"联络站": 1, "代表": 2, "代表活动": 1}
    assert second.created == {"联络站": 0, "代表": 0, "代表活动": 0}
    # A row equal to its record changes nothing: no new version, no history entry.
    assert second.updated == {"联络站": 0, "代表": 0, "代表活动": 0}
    assert second.unchanged == {"联络站": 1, "代表": 2, "代表活动": 1}
    assert Deputy.objects.count() == 2 and Activity.objects.count() == 1
    assert set(Deputy.objects.values_list("version", flat=True)) == {1}
    assert Deputy.history.count() == 2


def test_dry_run_writes_nothing_but_counts():
    result = run({"联络站": [STATION, ["一站", "代表之家", "河清镇", ""]]}, dry_run=True)
    assert result.ok and result.created == {"联络站": 1}
    assert not Station.objects.exists()


def test_suggestion_deadline_defaults_and_key():
    header = [
        "编号",
        "标题",
        "类别",
        "提出日期",
        "领衔代表",
        "主办单位",
        "交办日期",
        "办理状态",
        "重点督办",
        "代表意见",
    ]
    result = run(
        {
            "代表": deputies("甲"),
            "代表建议": [
                header,
                [
                    "第1号",
                    "公交",
                    "代表建议",
                    "2025-01-10",
                    "甲",
                    "区交通运输局",
                    "2025-01-31",
                    "已办结",
                    "是",
                    "满意",
                ],
            ],
        }
    )
    assert result.ok, errors(result)
    s = Suggestion.objects.get()
    assert s.deadline == D(2025, 4, 30) and s.key and s.lead_unit.name == "区交通运输局"


def test_counting_rules_on_a_known_workbook():
    header = [
        "编号",
        "标题",
        "类别",
        "提出日期",
        "领衔代表",
        "主办单位",
        "办理状态",
        "代表意见",
        "转公益诉讼",
    ]
    rows = [
        ["1", "a", "代表建议", "2025-1-9", "甲", "局", "已办结", "满意", "是"],
        ["2", "b", "代表建议", "2025-1-9", "甲", "局", "已办结", "基本满意", ""],
        ["3", "c", "闭会期间建议", "2025-5-9", "甲", "局", "已答复", "不满意", ""],
        ["4", "d", "代表建议", "2025-1-9", "甲", "", "不予立案", "", ""],
        ["5", "e", "代表建议", "2025-1-9", "甲", "", "撤回", "", ""],
        ["1", "f", "发言建议", "2025-1-8", "甲", "局", "已办结", "满意", ""],
        ["9", "g", "代表建议", "2024-1-9", "甲", "局", "已办结", "满意", ""],
    ]
    stations = [
        STATION,
        ["家一", "代表之家", "镇", "2019-1-1"],
        ["站一", "代表联络站", "镇", ""],
        ["站二", "代表联络站", "镇", "2026-3-1"],
    ]
    activities = [
        ACTIVITY,
        ["视察", "视察", "2025-3-1", "甲、乙", "", ""],
        ["培训", "培训", "2025-3-1", "甲、乙", "", ""],
        ["培训二", "培训", "2025-4-1", "甲", "", ""],
        ["联系", "联系群众", "2025-5-1", "乙", 30, 4],
    ]
    result = run(
        {
            "联络站": stations,
            "代表": deputies("甲", "乙"),
            "代表建议": [header, *rows],
            "代表活动": activities,
        }
    )
    assert result.ok, errors(result)
    v = compute_year(2025)
    assert (v["suggestions"], v["speeches"], v["litigation"]) == (5, 1, 1)
    assert v["closure_rate"] == "66.7%"  # 2 closed of 3 (rejected and withdrawn left out)
    assert v["satisfaction_rate"] == "66.7%"  # 2 of the 3 with an opinion
    assert (v["homes"], v["stations"]) == (1, 1)
    assert (v["participations"], v["trained"]) == (2, 2)
    assert (v["constituents"], v["constituent_problems"]) == (30, 4)
