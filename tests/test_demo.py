"""The demo year reproduces the Anzhou 2025 review's figures, from records."""

import re
from pathlib import Path

import pytest
from django.core.management import call_command

from congress.figures import compute_year
from congress.overview import overview_sentences

REVIEW = (
    Path(__file__).resolve().parents[2] / "shared" / "reference" / "anzhou-2025-year-review.txt"
)

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


@pytest.fixture
def demo(db):
    call_command("load_demo", verbosity=0)
    return compute_year(2025)


def test_demo_year_has_the_reviews_figures(demo):
    for key, expected in REVIEW_FIGURES.items():
        assert demo[key] == expected, key
    assert 180 < demo["opinion_points"] < 190
    assert 60 < demo["project_visits"] < 70


def test_the_reviews_own_text_agrees(demo):
    if not REVIEW.exists():
        pytest.skip("shared/reference is not beside this checkout")
    text = REVIEW.read_text()
    for phrase, key in [
        ("召开常委会会议{}次", "standing_meetings"),
        ("主任会议{}次", "chairman_meetings"),
        ("代表联系群众{}人次", "constituents"),
        ("组织{}名代表向选民述职", "reported"),
        ("全年联合执法{}次", "joint_enforcement"),
    ]:
        assert phrase.format(demo[key]) in text.replace(",", "，")


def test_demo_overview_reads_like_the_review(demo):
    text = "".join(overview_sentences(demo))
    assert "召开常委会会议11次、主任会议15次" in text
    assert "向区委汇报工作26次" in text
    assert re.search(r"办结率100%，满意率100%", text)


def test_demo_has_last_year_records_and_loads_once(demo):
    assert compute_year(2024)["standing_meetings"] == 2
    call_command("load_demo", "--if-empty", verbosity=0)
    assert compute_year(2025)["standing_meetings"] == 11


def test_demo_accounts_exist(demo, client):
    from django.urls import reverse

    from congress.demo import DEMO_PASSWORD

    for username in ("clerk", "leader", "unit", "admin"):
        response = client.post(reverse("login"), {"username": username, "password": DEMO_PASSWORD})
        assert response.status_code == 302, username
        client.post(reverse("logout"))
