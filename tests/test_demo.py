"""The demo year reproduces the Anzhou 2025 review's figures, from records."""

import pytest
from django.core.management import call_command

from congress.figures.cache import compute_year

# The review's own figures ("180余条" and "60余次" are the review's rounding).
REVIEW_FIGURES = {
    "standing_meetings": 11,
    "chairman_meetings": 15,
    "work_reports": 47,
    "inspections": 2,
    "inquiries": 1,
    "decisions": 2,
    "appointments": 46,
    "by_elected": 13,
    "problems_solved": 37,
    "study": 16,
    "party_reports": 26,
    "projects": 8,
    "legislation": 20,
    "joint_inspections": 3,
    "joint_enforcement": 141,
    "litigation": 11,
    "homes": 11,
    "stations": 43,
    "participations": 170,
    "trained": 112,
    "suggestions": 131,
    "speeches": 40,
    "key_suggestions": 10,
    "closure_rate": "100%",
    "satisfaction_rate": "100%",
    "constituents": 3514,
    "constituent_problems": 548,
    "reported": 312,
}


@pytest.fixture(scope="module")
def demo_loaded(django_db_setup, django_db_blocker):
    """The demo, loaded once for the module (each test still runs in its own transaction,
    rolled back); emptied again afterwards, as the other modules expect."""
    with django_db_blocker.unblock():
        call_command("load_demo", verbosity=0)
        yield
        call_command("flush", interactive=False, verbosity=0)


@pytest.fixture
def demo(demo_loaded, db):
    return compute_year(2025)


def test_demo_year_has_the_reviews_figures(demo):
    for key, expected in REVIEW_FIGURES.items():
        assert demo[key] == expected, key
    assert 180 < demo["opinion_points"] < 190
    assert 60 < demo["project_visits"] < 70


def test_the_reviews_own_text_agrees(demo):
    """The demo's figures are the reference review's, phrase by phrase (checked against the
    review's fingerprints, tests/reference.py; against the review itself where it is beside
    the checkout)."""
    from tests.reference import PHRASES, REFERENCE, digest, fingerprints, stored

    prints = stored()
    if REFERENCE.exists():
        assert fingerprints(REFERENCE.read_text(encoding="utf-8"), REVIEW_FIGURES) == prints
    for phrase, key in PHRASES:
        assert digest(phrase.format(demo[key])) == prints["phrases"][key], key


def test_demo_review_reads_as_prose_with_every_figure(demo):
    from congress.review.document import build

    review = build(2025)
    text = review.plain_text()
    assert "全年召开常委会会议11次、主任会议15次，听取和审议专项工作报告47个" in text
    assert "审议意见、调研建议共180余条" in text  # |余
    assert "现场督导60余次" in text
    assert "覆盖群众2万人次" in text  # |万, an office figure summing 覆盖人次
    assert "补选区人大代表8名、市人大代表5名" in text  # office figures by level
    assert "开展专题调研7项" in text
    assert "代表建议办结率100%，代表对办理结果的满意率100%" in text
    assert "{{" not in text and "}}" not in text
    # Prose first; the only tables are the appendix's, where the text asks for them.
    kinds = [p.kind for p in review.parts]
    assert kinds.index("table") > kinds.index("h1") and kinds[-1] == "chart"
    assert review.title == "安州区人大常委会2025年工作综述"


def test_the_running_year_lives(demo):
    """Up to today: something waits for every role, and this morning's reminders are in."""
    import datetime

    from django.contrib.auth.models import User
    from django.utils import timezone

    from congress.figures.figureset import year_values
    from congress.work import todo
    from congress.work.models import Notification

    today = timezone.localdate()
    if today < datetime.date(today.year, 5, 1):
        pytest.skip("early in a year the running year has little to show")
    unit = {
        t["key"]: t["count"]
        for t in todo.counted(todo.UNIT, User.objects.get(username="unit"), today)
    }
    assert all(
        unit[k] > 0
        for k in (
            "unit_sign",
            "unit_answer",
            "unit_due",
            "unit_overdue",
            "unit_again",
            "unit_opinions",
        )
    ), unit
    staff = {
        t["key"]: t["count"]
        for t in todo.counted(todo.STAFF, User.objects.get(username="clerk"), today)
    }
    assert all(
        staff[k] > 0
        for k in (
            "suggestions_new",
            "suggestions_this_week",
            "suggestions_overdue",
            "opinions_to_report",
        )
    ), staff
    running = year_values(today.year)
    assert running["常委会会议"].value >= 3 and running["代表建议"].value >= 100
    assert running["来信"].value > 0 and running["重点督办"].value > 0
    assert Notification.objects.filter(user__username="unit", read__isnull=True).exists()
    # The 2025 review's figures are untouched by the running year.
    assert year_values(2025)["代表建议"].value == 131
