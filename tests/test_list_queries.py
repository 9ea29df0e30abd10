"""No list page issues one query per row: the count stays the same as rows are added."""

import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from congress.accounts.models import Unit
from meetings.models import Appointment, Decision, Meeting
from oversight.models import (
    LivelihoodProject,
    OtherWork,
    OversightItem,
    ProjectVisit,
    ReviewOpinion,
)
from tests import factories as f

D = f.D
counter = itertools.count(1)


def _add(kind: str) -> None:
    n = next(counter)
    day = D(2025, 1 + n % 12, 1 + n % 27)
    if kind == "meetings":
        m = Meeting.objects.create(kind="主任会议", term=18, seq=n, date=day)
        m.agenda.create(title="议题", order=1)
    elif kind == "decisions":
        Decision.objects.create(title=f"决定{n}", date=day, meeting=f.meeting(term=18, seq=n))
    elif kind == "appointments":
        Appointment.objects.create(
            person=f"人{n}", kind="任命", post="局长", date=day, meeting=f.meeting(term=18, seq=n)
        )
    elif kind == "oversight":
        OversightItem.objects.create(
            kind="专项工作报告", name=f"报告{n}", date=day, meeting=f.meeting(term=18, seq=n)
        )
    elif kind == "opinions":
        src = OversightItem.objects.create(kind="专题调研", name=f"调研{n}", date=day)
        ReviewOpinion.objects.create(
            name=f"意见{n}",
            date=day,
            body="区政府",
            source=src,
            unit=Unit.objects.create(name=f"单位{n}"),
        )
    elif kind == "projects":
        LivelihoodProject.objects.create(name=f"项目{n}", year=2025)
    elif kind == "visits":
        p = LivelihoodProject.objects.create(name=f"项目{n}", year=2025)
        ProjectVisit.objects.create(project=p, date=day)
    elif kind == "otherwork":
        OtherWork.objects.create(kind="学习研讨", name=f"学习{n}", date=day)
    elif kind == "stations":
        f.deputy(f"代表{n}", station=f.station(f"联络站{n}"))
    elif kind == "deputies":
        f.deputy(f"代表{n}", station=f.station(f"联络站{n}"))
    elif kind == "activities":
        f.activity(f"活动{n}", "视察", day, [f.deputy(f"代表{n}")], station=f.station(f"站{n}"))
    elif kind == "suggestions":
        f.suggestion(str(n), f.deputy(f"代表{n}"), lead_unit=Unit.objects.create(name=f"局{n}"))
    elif kind == "units":
        Unit.objects.create(name=f"单位{n}")
    elif kind == "petitions":
        from petitions.models import Petition

        Petition.objects.create(
            number=f"X{n}",
            channel="来信",
            date=day,
            summary="反映",
            unit=Unit.objects.create(name=f"信访单位{n}"),
            state="已转办",
        )
    else:
        raise AssertionError(f"no builder for {kind}")


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
        assert response.status_code == 200
    return len(ctx.captured_queries)


def test_every_kind_has_a_builder():
    import congress.urls  # noqa: F401 - registers every kind
    from congress.records.kinds import KINDS

    for key in KINDS:
        assert key in {
            "meetings",
            "petitions",
            "decisions",
            "appointments",
            "oversight",
            "opinions",
            "projects",
            "visits",
            "otherwork",
            "stations",
            "deputies",
            "activities",
            "suggestions",
            "units",
        }, key


@pytest.mark.parametrize(
    "kind",
    [
        "meetings",
        "decisions",
        "appointments",
        "oversight",
        "opinions",
        "projects",
        "visits",
        "otherwork",
        "stations",
        "deputies",
        "activities",
        "suggestions",
        "units",
    ],
)
def test_list_query_count_is_constant(clerk_client, kind):
    url = reverse(f"{kind}_list")
    for _ in range(2):
        _add(kind)
    _queries(clerk_client, url)  # what a process loads once (the session, cached settings)
    few = _queries(clerk_client, url)
    for _ in range(12):
        _add(kind)
    assert _queries(clerk_client, url) == few


@pytest.mark.parametrize("kind", ["meetings", "stations", "suggestions", "units"])
def test_list_without_filters_shows_every_record(clerk_client, kind):
    for _ in range(3):
        _add(kind)
    from congress.records.kinds import KINDS

    html = clerk_client.get(reverse(f"{kind}_list")).content.decode()
    assert f"data-count>{KINDS[kind].model.objects.count()}<" in html
