"""One valid record of each of the app's kinds, the n-th of a series (see meetings/examples.py)."""

from congress.accounts.models import Unit
from meetings.examples import day
from meetings.models import Meeting

from .models import LivelihoodProject, OtherWork, OversightItem, ProjectVisit, ReviewOpinion


def item(n: int) -> OversightItem:
    return OversightItem.objects.create(
        kind=OversightItem.Kind.WORK_REPORT,
        name=f"报告{n}",
        date=day(n),
        meeting=Meeting.objects.create(kind=Meeting.Kind.STANDING, term=18, seq=n, date=day(n)),
    )


def opinion(n: int) -> ReviewOpinion:
    source = OversightItem.objects.create(kind="专题调研", name=f"调研{n}", date=day(n))
    return ReviewOpinion.objects.create(
        name=f"意见{n}",
        date=day(n),
        body="区政府",
        source=source,
        unit=Unit.objects.create(name=f"单位{n}"),
    )


def project(n: int) -> LivelihoodProject:
    return LivelihoodProject.objects.create(name=f"项目{n}", year=2025)


def visit(n: int) -> ProjectVisit:
    return ProjectVisit.objects.create(project=project(n), date=day(n))


def otherwork(n: int) -> OtherWork:
    return OtherWork.objects.create(kind=OtherWork.Kind.STUDY, name=f"学习{n}", date=day(n))
