"""本单位统计数字: figures an office defines in the ledger's words, like built-ins everywhere."""

import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from congress.accounts.models import Profile
from congress.figures.figureset import year_values
from congress.figures.models import OwnFigure
from congress.figures.services import replace_own_figures
from congress.review.models import ReportText
from deputies.models import Deputy
from tests import factories as f

D = f.D

DEFINITIONS = [
    {"名称": "专题调研", "单位": "项", "表": "监督工作", "条件": {"类型": "专题调研"}},
    {
        "名称": "报告意见条数",
        "单位": "条",
        "表": "监督工作",
        "条件": {"类型": ["专项工作报告", "执法检查"]},
        "计量": "合计:提出意见建议条数",
    },
    {"名称": "补选代表", "单位": "名", "表": "代表", "条件": {"当选方式": "补选", "层级": "区"}},
    {
        "名称": "辞职代表",
        "单位": "名",
        "表": "代表",
        "条件": {"终止原因": "辞职"},
        "年度依据": "终止日期",
    },
    {
        "名称": "视察人次",
        "单位": "人次",
        "表": "代表活动",
        "条件": {"类型": "视察"},
        "计量": "人次:参加代表",
    },
    {
        "名称": "视察人数",
        "单位": "人",
        "表": "代表活动",
        "条件": {"类型": ["视察", "调研"]},
        "计量": "人数:参加代表",
    },
    {
        "名称": "本级执法检查",
        "单位": "次",
        "表": "监督工作",
        "条件": {"类型": "执法检查", "上下联动": "否"},
    },
    {
        "名称": "无法律的检查",
        "单位": "次",
        "表": "监督工作",
        "条件": {"类型": "专题询问", "法律法规": ""},
    },
    {"名称": "检查和调研", "单位": "次", "合计": ["执法检查", "专题调研"]},
]


@pytest.fixture
def own(known_year):
    from oversight.models import OversightItem

    OversightItem.objects.create(kind="专题调研", name="调研一", date=D(2025, 5, 1))
    OversightItem.objects.create(kind="专题调研", name="调研旧", date=D(2024, 5, 1))
    f.deputy(
        "辞一", status="资格终止", ended=D(2025, 3, 1), end_reason="辞职", elected=D(2021, 1, 1)
    )
    f.deputy(
        "辞旧", status="资格终止", ended=D(2024, 3, 1), end_reason="辞职", elected=D(2021, 1, 1)
    )
    replace_own_figures(DEFINITIONS)


def test_each_measure_counts_as_the_contract_says(own):
    v = {name: val.value for name, val in year_values(2025).items()}
    assert v["专题调研"] == 1  # the 2024 one is another year's
    assert v["报告意见条数"] == 4  # 报告一's 4 points; 检查一 has none
    assert v["补选代表"] == 1  # 丁, 2025 (戊 was by-elected in 2024)
    assert v["辞职代表"] == 1  # by 终止日期, not 当选日期
    assert v["视察人次"] == 3 and v["视察人数"] == 3  # 甲乙丙 on 视察; 甲 again on 调研
    assert v["本级执法检查"] == 1 and v["无法律的检查"] == 2
    assert v["检查和调研"] == v["执法检查"] + v["专题调研"] == 2


def test_each_figure_links_to_a_list_showing_exactly_its_rows(own, clerk_client):
    values = year_values(2025)
    for item in DEFINITIONS:
        name = item["名称"]
        page = clerk_client.get(values[name].link)
        assert page.status_code == 200, name
        html = page.content.decode()
        if "合计" in item:
            shown = re.search(r"合计 <strong data-count>(\d+)<", html).group(1)
            assert int(shown) == values[name].value
            continue
        count = int(re.search(r"data-count>(\d+)<", html).group(1))
        if item.get("计量", "行数") == "行数":
            assert count == values[name].value, name
        else:
            assert int(re.search(r"data-total>(\d+)<", html).group(1)) == values[name].value, name
        assert f"统计数字“{name}”" in html


def test_a_figure_of_another_list_is_not_applied(own, clerk_client):
    page = clerk_client.get(reverse("meetings_list") + "?figure=专题调研&fy=2025")
    assert page.status_code == 200 and "不是这一列表的统计数字" in page.content.decode()


@pytest.mark.parametrize(
    "item,message",
    [
        ({"名称": "常委会会议", "表": "会议"}, "与内置统计数字同名"),
        ({"名称": "甲", "表": "没有的表"}, "未知的表“没有的表”"),
        ({"名称": "甲", "表": "监督工作", "条件": {"没有的列": "x"}}, "没有“没有的列”列"),
        ({"名称": "甲", "表": "监督工作", "条件": {"类型": "座谈"}}, "“类型”没有“座谈”这个值"),
        ({"名称": "甲", "表": "监督工作", "条件": {"上下联动": "对"}}, "只能是“是”或“否”"),
        ({"名称": "甲", "表": "监督工作", "计量": "平均:条数"}, "未知的计量"),
        ({"名称": "甲", "表": "监督工作", "计量": "合计:名称"}, "不是整数列"),
        ({"名称": "甲", "表": "代表", "年度依据": "姓名"}, "“年度依据”应为"),
        ({"名称": "甲", "合计": ["执法检查", "乙"]}, "“乙”不是统计数字"),
        ({"表": "会议"}, "缺少“名称”"),
        ({"名称": "甲", "表": "会议", "颜色": "红"}, "未知的键"),
    ],
)
def test_an_invalid_definition_is_refused_naming_item_and_reason(known_year, item, message):
    replace_own_figures([DEFINITIONS[0]])
    with pytest.raises(ValidationError) as caught:
        replace_own_figures([DEFINITIONS[0], item])
    assert "第2项" in caught.value.messages[0] and message in caught.value.messages[0]
    assert list(OwnFigure.objects.values_list("name", flat=True)) == ["专题调研"]


def test_a_loop_in_sums_is_refused(known_year):
    with pytest.raises(ValidationError, match="循环引用"):
        replace_own_figures(
            [{"名称": "甲", "合计": ["乙", "执法检查"]}, {"名称": "乙", "合计": ["甲", "执法检查"]}]
        )
    assert not OwnFigure.objects.exists()


def test_a_figure_the_text_uses_cannot_be_dropped(own):
    ReportText.objects.create(year=2025, title="t", text="开展专题调研{{专题调研}}。")
    with pytest.raises(ValidationError, match="仍在2025年度工作综述文稿中使用"):
        replace_own_figures(DEFINITIONS[1:-1])
    assert OwnFigure.objects.count() == len(DEFINITIONS)


def test_figures_round_trip_by_commands_and_keep_history(own, tmp_path):
    out = tmp_path / "figures.json"
    call_command("figures", "--dump", str(out))
    assert json.loads(out.read_text(encoding="utf-8")) == DEFINITIONS
    call_command("figures", "--load", str(out))  # unchanged: no new version
    assert OwnFigure.history.count() == len(DEFINITIONS)
    changed = [*DEFINITIONS[:-1], {**DEFINITIONS[-1], "单位": "项"}]
    out.write_text(json.dumps(changed, ensure_ascii=False), encoding="utf-8")
    call_command("figures", "--load", str(out))
    assert OwnFigure.history.count() == len(DEFINITIONS) + 1
    out.write_text("[{", encoding="utf-8")
    with pytest.raises(CommandError, match="不是有效的 JSON"):
        call_command("figures", "--load", str(out))


def test_an_office_figure_in_the_text(own):
    from congress.review.document import build

    ReportText.objects.create(
        year=2025, title="t", text="辞去代表职务的{{辞职代表}}，开展调研{{专题调研|数}}项。"
    )
    assert "辞去代表职务的1名，开展调研1项。" in build(2025).plain_text()


def test_figures_page_for_each_role(own, clerk_client, leader_client, unit_client):
    url = reverse("own_figures")
    page = clerk_client.get(url)
    assert page.status_code == 200 and "专题调研" in page.content.decode()
    assert leader_client.get(url).status_code == 200
    assert leader_client.post(url, {"definitions": "[]", "tiles": ""}).status_code == 403
    assert unit_client.get(url).status_code == 403
    assert clerk_client.put(url).status_code == 405
    bad = clerk_client.post(url, {"definitions": '[{"名称": "甲", "表": "无"}]', "tiles": ""})
    assert bad.status_code == 400 and "未知的表“无”" in bad.content.decode()
    assert OwnFigure.objects.count() == len(DEFINITIONS)
    bad_tiles = clerk_client.post(
        url, {"definitions": json.dumps(DEFINITIONS), "tiles": "常委会会议\n不存在"}
    )
    assert bad_tiles.status_code == 400 and "未知的统计数字：不存在" in bad_tiles.content.decode()


def test_the_office_chooses_and_orders_the_dashboard_tiles(own, clerk_client, leader_client):
    url = reverse("own_figures")
    response = clerk_client.post(
        url,
        {
            "definitions": json.dumps(DEFINITIONS, ensure_ascii=False),
            "tiles": "专题调研\n常委会会议\n办结率",
        },
    )
    assert response.status_code == 302
    assert Profile.get().tiles == ["专题调研", "常委会会议", "办结率"]
    html = leader_client.get(reverse("dashboard") + "?year=2025").content.decode()
    assert re.findall(r'data-figure="([^"]+)"', html) == ["专题调研", "常委会会议", "办结率"]
    link = re.search(r'<a class="tile" href="([^"]+)"[^>]*data-figure="专题调研"', html).group(1)
    listing = leader_client.get(link.replace("&amp;", "&")).content.decode()
    assert re.search(r"data-count>1<", listing)


def test_figure_parts_page(own, clerk_client):
    url = reverse("figure_parts", args=["检查和调研", 2025])
    html = clerk_client.get(url).content.decode()
    assert "执法检查" in html and "专题调研" in html
    assert clerk_client.get(reverse("figure_parts", args=["专题调研", 2025])).status_code == 404
    assert clerk_client.get(reverse("figure_parts", args=["检查和调研", 99999])).status_code == 404
    assert clerk_client.post(url).status_code == 405


def test_deputy_end_reason_in_the_ledger(db):
    from congress.ledger.importer import import_workbook
    from tests.ledgerbook import book

    header = ["姓名", "性别", "层级", "当选方式", "当选日期", "状态", "终止日期", "终止原因"]
    ok = import_workbook(
        book(
            {
                "代表": [
                    header,
                    ["甲", "男", "区", "选举", "2021-10-28", "资格终止", "2025-03-01", "辞职"],
                ]
            }
        )
    )
    assert ok.ok and Deputy.objects.get().end_reason == "辞职"
    bad = import_workbook(
        book({"代表": [header, ["乙", "男", "区", "选举", "2021-10-28", "正常", "", "辞职"]]})
    )
    assert not bad.ok and "只有资格终止的代表填写终止原因" in str(bad.errors[0])


def test_every_apps_figures_and_sheets_are_found_whatever_was_imported_first():
    """A figures module imported directly must not hide the other apps' figures."""
    import subprocess
    import sys

    code = (
        "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'congress.settings');"
        "django.setup(); import meetings.figures, meetings.ledger;"
        "from congress.figures.builtin import builtin_by_name;"
        "from congress.ledger.sheets import all_sheets;"
        "names = builtin_by_name(); sheets = [s.name for s in all_sheets()];"
        "assert '来信' in names and '来访' in names and '代表建议' in names, sorted(names);"
        "assert '信访' in sheets and '代表' in sheets, sheets"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
