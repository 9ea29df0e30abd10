"""One rule, one message: for every sheet whose records have business rules, a row the form
refuses is refused by the ledger import with the same Chinese message (the rule lives on the
model, and both ask it)."""

import re

import pytest
from django.urls import reverse

from congress.ledger.importer import import_workbook
from tests import factories as f
from tests.ledgerbook import book

EMPTY_FORMSETS = {
    "agenda-TOTAL_FORMS": "0",
    "agenda-INITIAL_FORMS": "0",
    "documents-TOTAL_FORMS": "0",
    "documents-INITIAL_FORMS": "0",
}

CASES = [
    (
        "会议",
        [["会议类型", "会议名称", "召开日期", "次数"], ["常委会会议", "某次会议", "2025-03-18", 5]],
        "meetings_create",
        {"kind": "常委会会议", "date": "2025-03-18", "seq": "5", **EMPTY_FORMSETS},
        "填写了次数时必须填写届次。",
    ),
    (
        "人事任免",
        [
            ["姓名", "任免类型", "职务", "日期", "宪法宣誓"],
            ["李华", "免职", "局长", "2025-03-18", "是"],
        ],
        "appointments_create",
        {
            "person": "李华",
            "kind": "免职",
            "post": "局长",
            "date": "2025-03-18",
            "oath_date": "2025-03-18",
        },
        "“免职”无需进行宪法宣誓。",
    ),
    (
        "监督工作",
        [["类型", "名称", "日期"], ["执法检查", "检查一", "2025-05-01"]],
        "oversight_create",
        {
            "kind": "执法检查",
            "name": "检查一",
            "date": "2025-05-01",
            "points": "0",
            "problems_solved": "0",
            "documents-TOTAL_FORMS": "0",
            "documents-INITIAL_FORMS": "0",
        },
        "执法检查必须填写所检查的法律法规。",
    ),
    (
        "意见建议",
        [
            ["名称", "类别", "交办日期", "办理机关", "条数", "办理期限", "状态"],
            ["意见一", "审议意见", "2025-05-01", "区政府", 3, "2025-04-01", "办理中"],
        ],
        "opinions_create",
        {
            "name": "意见一",
            "category": "审议意见",
            "date": "2025-05-01",
            "body": "区政府",
            "points": "3",
            "deadline": "2025-04-01",
            "state": "办理中",
            "documents-TOTAL_FORMS": "0",
            "documents-INITIAL_FORMS": "0",
        },
        "办理期限不能早于交办日期。",
    ),
    (
        "代表",
        [
            ["姓名", "性别", "层级", "当选方式", "当选日期", "出生日期"],
            ["甲", "男", "区", "选举", "2021-10-28", "2030-01-01"],
        ],
        "deputies_create",
        {
            "name": "甲",
            "sex": "男",
            "level": "区",
            "election": "选举",
            "elected": "2021-10-28",
            "birth": "2030-01-01",
            "status": "正常",
            "ethnicity": "汉族",
        },
        "出生日期必须早于当选日期。",
    ),
    (
        "代表活动",
        [
            ["活动名称", "类型", "日期", "参加代表", "联系群众人次"],
            ["视察一", "视察", "2025-03-01", "张明远", 12],
        ],
        "activities_create",
        {
            "name": "视察一",
            "kind": "视察",
            "date": "2025-03-01",
            "deputies": "DEPUTY",
            "people_met": "12",
            "problems_solved": "0",
        },
        "只有“联系群众”活动填写联系群众人次和解决问题数。",
    ),
    (
        "民生实事",
        [["项目名称", "年度", "状态", "进度"], ["菜市场", 2025, "已完成", 40]],
        "projects_create",
        {"name": "菜市场", "year": "2025", "state": "已完成", "progress": "40"},
        "已完成的项目进度应为 100%。",
    ),
    (
        "代表建议",
        [
            ["编号", "标题", "类别", "提出日期", "领衔代表", "办理状态"],
            ["第1号", "关于x的建议", "代表建议", "2099-01-01", "张明远", "待交办"],
        ],
        "suggestions_create",
        {
            "number": "第1号",
            "title": "关于x的建议",
            "kind": "代表建议",
            "date": "2099-01-01",
            "lead": "DEPUTY",
        },
        "提出日期不能晚于今天。",
    ),
    (
        "信访",
        [
            ["编号", "方式", "日期", "内容摘要", "办理状态"],
            ["X1", "来信", "2025-03-01", "反映", "已转办"],
        ],
        "petitions_create",
        {
            "number": "X1",
            "channel": "来信",
            "date": "2025-03-01",
            "people": "1",
            "summary": "反映",
            "state": "已转办",
        },
        "已转办的信访必须填写转办单位。",
    ),
]


def _declared() -> list[tuple]:
    """The refusals each app declares beside its sheet (congress.ledger.sheets.Refusal), as
    cases: the form is the record kind's create page for the sheet's model."""
    from congress.ledger.sheets import all_sheets
    from congress.records.kinds import KINDS

    cases = []
    for sheet in all_sheets():
        kind = next((k for k in KINDS.values() if k.model is sheet.model), None)
        for r in sheet.refusals:
            empty = {}
            for _title, formset in kind.formsets:
                prefix = formset.get_default_prefix()
                empty |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
            data = {**r.form, **empty}
            if r.setup is not None:
                data["SETUP"] = r.setup
            cases.append((sheet.name, r.rows, f"{kind.key}_create", data, r.message))
    return cases


ALL_CASES = CASES + _declared()


@pytest.mark.parametrize(
    "sheet, rows, url, data, message",
    ALL_CASES,
    ids=[f"{c[0]}-{i}" for i, c in enumerate(ALL_CASES)],
)
def test_the_form_and_the_ledger_refuse_with_the_same_words(
    clerk_client, db, sheet, rows, url, data, message
):
    deputy = f.deputy("张明远")
    made = data.pop("SETUP")() if "SETUP" in data else {}
    data = {k: (str(deputy.pk) if v == "DEPUTY" else made.get(v, v)) for k, v in data.items()}
    response = clerk_client.post(reverse(url), data)
    assert response.status_code == 400, sheet
    form_errors = re.findall(r'class="error">([^<]+)<', response.content.decode())
    form_errors += re.findall(r"<p>([^<]+)</p>", response.content.decode())
    assert message in [
        e.strip().replace("&ldquo;", "“").replace("&rdquo;", "”") for e in form_errors
    ], (sheet, form_errors)
    result = import_workbook(book({sheet: rows}))
    assert not result.ok, sheet
    assert [p.reason for p in result.errors] == [message], (sheet, [str(p) for p in result.errors])


def test_every_sheet_with_rules_is_covered():
    """A model that gains a clean() must gain a case (here, or a Refusal on its sheet)."""
    from congress.ledger.sheets import all_sheets

    ruled = {s.name for s in all_sheets() if s.model is not None and "clean" in vars(s.model)}
    covered = {c[0] for c in ALL_CASES}
    assert ruled <= covered, f"declare a Refusal on these sheets: {ruled - covered}"
