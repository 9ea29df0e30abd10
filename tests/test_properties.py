"""Property-based tests (hypothesis) of the ledger's cell parsing and the figure computations."""

import datetime
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from congress.documents.text import format_rate
from congress.ledger import cells


@given(
    st.one_of(st.text(max_size=30), st.integers(), st.floats(allow_nan=True), st.dates(), st.none())
)
def test_date_parsing_returns_a_date_or_a_cell_error(value):
    try:
        result = cells.date(value)
    except cells.CellError:
        return
    assert result is None or isinstance(result, datetime.date)


@given(st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2100, 12, 31)))
def test_every_date_form_reads_back(day):
    for text in (
        day.isoformat(),
        f"{day.year}/{day.month}/{day.day}",
        f"{day.year}年{day.month}月{day.day}日",
        f"  {day.isoformat()} ",
    ):
        assert cells.date(text) == day


@given(st.integers(min_value=0, max_value=2_000_000_000))
def test_whole_numbers_read_back_from_text_and_cells(n):
    assert cells.whole(str(n)) == n == cells.whole(n) == cells.whole(float(n))


@given(st.integers(max_value=-1))
def test_negative_numbers_are_refused(n):
    with pytest.raises(cells.CellError, match="负数"):
        cells.whole(n)


@given(
    st.lists(st.text(alphabet="张王李赵明华强", min_size=1, max_size=4), min_size=1, max_size=6),
    st.sampled_from(["、", "，", ",", "；"]),
)
def test_lists_split_on_every_separator(names, sep):
    assert cells.items(sep.join(names)) == names


@given(st.text(max_size=20))
def test_yes_no_accepts_exactly_two_words(text):
    if text.strip() in ("", "否"):
        assert cells.yes_no(text) is False
    elif text.strip() == "是":
        assert cells.yes_no(text) is True
    else:
        with pytest.raises(cells.CellError):
            cells.yes_no(text)


@given(st.integers(min_value=0, max_value=10_000), st.integers(min_value=0, max_value=10_000))
def test_rates_round_half_up_and_never_divide_by_zero(num, den):
    text = format_rate(num, den)
    if den == 0:
        assert text == "—"
        return
    expected = (Decimal(num) * 100 / Decimal(den)).quantize(Decimal("0.1"), ROUND_HALF_UP)
    assert text.endswith("%") and not text.endswith(".0%")
    assert Decimal(text[:-1]) == expected


STATES = ["待交办", "办理中", "已答复", "已办结", "不予立案", "撤回"]
OPINIONS = ["", "满意", "基本满意", "不满意"]


@pytest.mark.django_db
@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(STATES),
            st.sampled_from(OPINIONS),
            st.sampled_from(["代表建议", "闭会期间建议", "发言建议"]),
        ),
        max_size=12,
    )
)
def test_closure_and_satisfaction_rates_follow_their_definitions(rows):
    from congress.figures.cache import compute_year
    from deputies.models import Deputy
    from proposals.models import Suggestion
    from tests import factories as f

    Suggestion.objects.all().delete()
    lead = Deputy.objects.first() or f.deputy("甲")
    for i, (state, opinion, kind) in enumerate(rows):
        f.suggestion(str(i), lead, state=state, opinion=opinion, kind=kind)
    values = compute_year(2025)
    counted = [(s, o) for s, o, k in rows if k != "发言建议"]
    handled = [s for s, _o in counted if s not in ("不予立案", "撤回")]
    with_opinion = [o for _s, o in counted if o]
    assert values["closure_rate"] == format_rate(handled.count("已办结"), len(handled))
    assert values["satisfaction_rate"] == format_rate(
        sum(o in ("满意", "基本满意") for o in with_opinion), len(with_opinion)
    )
    assert values["suggestions"] == len(counted)
