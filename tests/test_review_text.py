"""The review's text (report-template.md): its markup, its numbers, its errors, its commands."""

import datetime
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from congress.accounts.models import Profile
from congress.review.document import EMPTY, build
from congress.review.markup import Names, TextError, about, parse, show, wan
from congress.review.models import ReportText

NAMES = Names(
    figures={"常委会会议": False, "办结率": True, "意见建议条数": False},
    charts={"代表建议办理状态"},
)
REPO = Path(__file__).resolve().parents[1]
REFERENCE = REPO.parent / "shared" / "reference" / "anzhou-2025-year-review.txt"


@pytest.mark.parametrize(
    "value,unit,expected",
    [
        (183, "条", "180余条"),
        (63, "次", "60余次"),
        (893, "次", "890余次"),
        (2345, "人次", "2300余人次"),
        (17, "次", "17次"),
        (180, "条", "180条"),  # already round: never 180余条
        (20, "次", "20次"),
        (19, "次", "19次"),
        (10000, "人", "10000人"),
        (12345, "人", "12000余人"),
    ],
)
def test_about(value, unit, expected):
    assert about(value, unit) == expected


@pytest.mark.parametrize(
    "value,expected",
    [
        (20000, "2万人次"),
        (23500, "2.35万人次"),
        (38458, "3.85万人次"),
        (9999, "9999人次"),
        (10050, "1.01万人次"),
    ],
)
def test_wan(value, expected):
    assert wan(value, "人次") == expected


def test_show_with_and_without_filters():
    assert show(11, "次", "") == "11次" and show(11, "次", "数") == "11"
    assert show("97.5%", "", "") == "97.5%" and show("—", "", "数") == "—"


def test_parse_blocks_and_bold():
    blocks = parse(
        "# 一、总体\n\n**一是**召开{{常委会会议|数}}次\n接着写\n\n{{图:代表建议办理状态}}", NAMES
    )
    assert [b.kind for b in blocks] == ["h1", "p", "chart"]
    bold, *rest = blocks[1].parts
    assert bold == ("b", ["一是"]) and rest[1].name == "常委会会议" and rest[1].filter == "数"
    assert rest[-1] == "次接着写"  # lines of one paragraph join without a space


@pytest.mark.parametrize(
    "text,line,message",
    [
        ("一\n\n召开{{常委会会义}}次", 3, "未知的统计数字“常委会会义”"),
        ("{{常委会会议|约}}", 1, "未知的写法“|约”"),
        ("开头\n{{常委会会议", 1, "没有用“}}”闭合"),
        ("多出 }} 了", 1, "多出的“}}”"),
        ("{{办结率|余}}", 1, "“办结率”是比率"),
        ("a\n\n\n{{附表:不存在}}", 4, "附表：未知的统计数字“不存在”"),
        ("{{图:饼图}}", 1, "未知的图“饼图”"),
        ("文字{{附表:常委会会议}}", 1, "应单独占一行"),
        ("**没有闭合", 1, "“**”没有成对出现"),
        ("{{年度|数}}", 1, "机构设置"),
    ],
)
def test_errors_name_their_line(text, line, message):
    with pytest.raises(TextError) as caught:
        parse(text, NAMES)
    assert any(n == line and message in m for n, m in caught.value.errors), caught.value.errors


def test_every_error_is_reported_at_once():
    with pytest.raises(TextError) as caught:
        parse("{{甲}}\n\n{{乙}}\n\n{{常委会会议}}", NAMES)
    assert [n for n, _m in caught.value.errors] == [1, 3]


def test_text_round_trip_by_commands(known_year, tmp_path):
    source = tmp_path / "in.md"
    source.write_text(
        "# 一、概况\n\n召开常委会会议{{常委会会议|数}}次，截至{{截至日期}}。\n", encoding="utf-8"
    )
    call_command("report_text", "--year", "2025", "--load", str(source))
    out = tmp_path / "out.md"
    call_command("report_text", "--year", "2025", "--dump", str(out))
    assert out.read_text(encoding="utf-8") == source.read_text(encoding="utf-8")
    assert "召开常委会会议3次，截至2025年12月31日。" in build(2025).plain_text()


def test_an_invalid_text_is_refused_and_nothing_saved(known_year, tmp_path):
    ReportText.objects.create(year=2025, title="t", text="原文")
    bad = tmp_path / "bad.md"
    bad.write_text("好的一行\n\n{{没有这个数}}\n", encoding="utf-8")
    with pytest.raises(CommandError, match="第3行：未知的统计数字“没有这个数”"):
        call_command("report_text", "--year", "2025", "--load", str(bad))
    assert ReportText.objects.get(year=2025).text == "原文"
    assert ReportText.history.filter(year=2025).count() == 1


def test_a_new_year_starts_from_the_previous_years_text(known_year):
    ReportText.objects.create(
        year=2024,
        title="2024年工作综述",
        text="召开常委会会议{{常委会会议}}。",
        subtitle="回望2024年",
    )
    review = build(2025)
    assert review.title == "2025年工作综述" and review.subtitle == "回望2025年"
    assert "召开常委会会议3次。" in review.plain_text()  # the figures are 2025's
    assert not ReportText.objects.filter(year=2025).exists()  # nothing saved until staff save


def test_a_first_year_starts_from_the_default(known_year):
    review = build(2025)
    assert review.title == "安州区人大常委会2025年工作综述"
    assert review.plain_text().count("召开常委会会议3次、主任会议1次") == 1


def test_a_year_without_records_says_so(db):
    review = build(2011)
    assert review.empty and review.plain_text().endswith(EMPTY)
    assert "0次" not in review.plain_text()


def test_a_running_year_says_where_the_figures_stop(known_year):
    ReportText.objects.create(
        year=2025, title="t", text="截至{{截至日期}}，召开常委会会议{{常委会会议}}。"
    )
    review = build(2025, today=datetime.date(2025, 11, 26))
    assert review.running and review.cutoff == datetime.date(2025, 11, 26)
    assert "截至2025年11月26日，召开常委会会议" in review.plain_text()
    from congress.review.gather import gather
    from congress.review.render import render_html

    assert "统计截至2025年11月26日" in render_html(gather(2025, today=datetime.date(2025, 11, 26)))


def test_the_cover_uses_the_offices_title_and_date(known_year):
    ReportText.objects.create(
        year=2025,
        title="青山县人大常委会2025年工作报告",
        subtitle="副题",
        date=datetime.date(2026, 1, 8),
        text="x{{常委会会议}}",
    )
    from congress.review.gather import gather
    from congress.review.render import render_html

    html = render_html(gather(2025, today=datetime.date(2026, 3, 1)))
    assert "青山县人大常委会2025年工作报告" in html and "2026年1月8日" in html


def test_settings_come_from_the_profile(known_year):
    profile = Profile.get()
    profile.name, profile.party_short = "青山县人大常委会", "县委"
    profile.save()
    ReportText.objects.create(
        year=2025, title="t", text="{{机构名称}}向{{党委简称}}汇报{{年度}}年工作{{请示报告}}。"
    )
    assert "青山县人大常委会向县委汇报2025年工作4次。" in build(2025).plain_text()


def test_no_sentence_of_the_reference_review_is_in_the_repository():
    """Every sentence and clause of every file, fingerprinted as the reference's are
    (tests/reference.py): none is the reference's."""
    from tests.reference import digest, pieces, stored

    prints = stored()["pieces"]
    assert len(prints) > 60
    if REFERENCE.exists():  # beside the reference: the fingerprints are still its own
        assert sorted(digest(p) for p in pieces(REFERENCE.read_text(encoding="utf-8"))) == prints
    known = set(prints)
    files = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    hits = []
    for name in files:
        try:
            text = (REPO / name).read_text(encoding="utf-8")
        except (UnicodeDecodeError, FileNotFoundError, IsADirectoryError):
            continue
        hits += [(name, p) for p in pieces(text) if digest(p) in known]
    assert hits == []


def test_the_check_itself_finds_a_copied_sentence():
    """A sentence fingerprinted like the reference's is found again inside another text, with
    other sentences and other punctuation around it."""
    from tests.reference import digest, pieces, stored

    made_up = "这一句是为检验查重而写的足够长的句子"
    prints = {digest(p) for p in pieces(made_up + "。")}
    assert any(digest(p) in prints for p in pieces(f"前面的话。{made_up}，后面还有话；"))
    if REFERENCE.exists():
        copied = max(REFERENCE.read_text(encoding="utf-8").split("。"), key=len)
        assert any(digest(p) in set(stored()["pieces"]) for p in pieces(f"前文。{copied}。"))
