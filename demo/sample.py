"""Sample data at K times a district's yearly volume, for benchmarks and load tests.

K=1 is about the demo year's volume; K=100 is a large city or a province. Records are built in
bulk (no history rows, no signals) so that ten years at K=100 take minutes, not hours.
"""

from __future__ import annotations

import datetime
import random

from django.db import transaction

from congress.accounts.models import Unit
from deputies.models import Activity, Deputy, Station
from meetings.models import Appointment, Decision, Meeting
from oversight.models import (
    LivelihoodProject,
    OtherWork,
    OversightItem,
    ProjectVisit,
    ReviewOpinion,
)
from proposals.models import Suggestion

from . import texts

BATCH = 5000


def _bulk(model, rows: list) -> list:
    return model.objects.bulk_create(rows, batch_size=BATCH)


def _day(rng: random.Random, year: int) -> datetime.date:
    """A day of the year; in the running year, no later than today (records are not dated in
    the future: a suggestion made tomorrow is refused)."""
    from django.utils import timezone

    first = datetime.date(year, 1, 1)
    today = timezone.localdate()
    last = (today - first).days if year == today.year else 364
    return first + datetime.timedelta(days=rng.randint(0, max(0, min(364, last))))


class Sampler:
    def __init__(self, scale: int, seed: int):
        self.k, self.rng = scale, random.Random(seed)
        self.counts: dict[str, int] = {}

    def note(self, label: str, n: int) -> None:
        self.counts[label] = self.counts.get(label, 0) + n

    def base(self, first_year: int) -> None:
        k, rng = self.k, self.rng
        self.units = _bulk(
            Unit, [Unit(name=f"{name}（样本{i}）") for i in range(k) for name in texts.UNITS]
        )
        self.stations = _bulk(
            Station,
            [
                Station(
                    name=f"{texts.TOWNS[i % len(texts.TOWNS)]}样本联络站{i}",
                    kind="代表之家" if i % 5 == 0 else "代表联络站",
                    town=texts.TOWNS[i % len(texts.TOWNS)],
                    built=datetime.date(first_year - 1 - i % 4, 1 + i % 12, 1),
                )
                for i in range(55 * k)
            ],
        )
        surnames, given = texts.SURNAMES, texts.GIVEN
        self.deputies = _bulk(
            Deputy,
            [
                Deputy(
                    name=f"{surnames[i % len(surnames)]}{given[i % len(given)]}{i}",
                    sex="女" if rng.random() < 0.3 else "男",
                    level="区" if i % 3 else "乡镇",
                    term=18,
                    station=self.stations[i % len(self.stations)],
                    category=rng.choice(list(Deputy.Category.values)),
                    party="中共党员",
                    elected=datetime.date(first_year - 1, 10, 28),
                    delegation=f"{texts.TOWNS[i % len(texts.TOWNS)]}代表团",
                )
                for i in range(370 * k)
            ],
        )
        self.note("承办单位", len(self.units))
        self.note("联络站", len(self.stations))
        self.note("代表", len(self.deputies))

    def year(self, year: int) -> None:
        k, rng = self.k, self.rng
        meetings = _bulk(
            Meeting,
            [
                Meeting(kind=kind, name=f"{year}年{kind}第{i + 1}次（样本）", date=_day(rng, year))
                for kind, n in (("常委会会议", 11), ("主任会议", 15))
                for i in range(n * k)
            ],
        )
        _bulk(
            Decision,
            [
                Decision(
                    title=f"{year}年样本决定{i}", date=_day(rng, year), meeting=rng.choice(meetings)
                )
                for i in range(2 * k)
            ],
        )
        _bulk(
            Appointment,
            [
                Appointment(
                    person=f"样本{year}-{i}",
                    kind="任命",
                    post="局长",
                    date=_day(rng, year),
                    meeting=rng.choice(meetings),
                    oath_date=None if i % 20 == 0 else _day(rng, year),
                )
                for i in range(46 * k)
            ],
        )
        kinds = ["专项工作报告"] * 47 + ["执法检查"] * 5 + ["专题询问", "专题调研", "视察"] * 3
        items = _bulk(
            OversightItem,
            [
                OversightItem(
                    kind=kind,
                    name=f"{year}年样本{kind}{i}",
                    date=_day(rng, year),
                    organ="人民政府",
                    joint=kind == "执法检查" and i % 2 == 0,
                    law="样本法" if kind == "执法检查" else "",
                    problems_solved=rng.randint(0, 2),
                    meeting=rng.choice(meetings),
                )
                for i, kind in enumerate(kinds * k)
            ],
        )
        opinions = []
        for i in range(40 * k):
            sent = _day(rng, year)
            o = ReviewOpinion(
                name=f"{year}年样本意见{i}",
                date=sent,
                body="区人民政府",
                source=rng.choice(items),
                points=rng.randint(2, 8),
                unit=rng.choice(self.units),
                state="办理中" if i % 10 == 0 else "已报告",
                report_date=None if i % 10 == 0 else sent,
            )
            o.deadline = o.default_deadline()
            opinions.append(o)
        _bulk(ReviewOpinion, opinions)
        projects = _bulk(
            LivelihoodProject,
            [
                LivelihoodProject(
                    name=f"样本民生实事{i}",
                    year=year,
                    state="候选" if i % 3 == 0 else "实施中",
                    progress=rng.randint(0, 100),
                )
                for i in range(12 * k)
            ],
        )
        voted = [p for p in projects if p.state != "候选"]
        _bulk(
            ProjectVisit,
            [
                ProjectVisit(
                    project=voted[i % len(voted)],
                    form="现场督导",
                    date=datetime.date(year, 1, 2) + datetime.timedelta(days=7 * (i // len(voted))),
                )
                for i in range(63 * k)
            ],
        )
        _bulk(
            OtherWork,
            [
                OtherWork(
                    kind=kind,
                    name=f"{year}样本{kind}{i}",
                    date=_day(rng, year),
                    quantity=rng.randint(1, 5),
                )
                for i, kind in enumerate(list(OtherWork.Kind.values) * 10 * k)
            ],
        )
        activities = _bulk(
            Activity,
            [
                Activity(
                    name=f"{year}样本活动{i}",
                    kind=rng.choice(list(Activity.Kind.values)),
                    date=_day(rng, year),
                    station=rng.choice(self.stations),
                )
                for i in range(100 * k)
            ],
        )
        through = Activity.deputies.through
        _bulk(
            through,
            [
                through(activity_id=a.pk, deputy_id=d.pk)
                for a in activities
                for d in rng.sample(self.deputies, 5)
            ],
        )
        rows = []
        for i in range(171 * k):
            kind = "发言建议" if i % 4 == 3 else ("闭会期间建议" if i % 10 == 0 else "代表建议")
            date = _day(rng, year)
            assigned = date + datetime.timedelta(days=20)
            state = rng.choice(["已办结"] * 6 + ["办理中", "已答复", "待交办", "不予立案"])
            rows.append(
                Suggestion(
                    number=f"第{i + 1}号",
                    kind=kind,
                    year=year,
                    title=f"样本建议{year}-{i}",
                    date=date,
                    lead=rng.choice(self.deputies),
                    state=state,
                    lead_unit=None if state in ("待交办", "不予立案") else rng.choice(self.units),
                    assigned=assigned,
                    deadline=assigned + datetime.timedelta(days=90),
                    key=i % 17 == 0,
                    opinion="满意" if state == "已办结" else "",
                    reply_date=assigned + datetime.timedelta(days=40)
                    if state in ("已办结", "已答复")
                    else None,
                )
            )
        _bulk(Suggestion, rows)
        self.note("年度记录", len(meetings) + len(items) + len(rows) + len(activities))


@transaction.atomic
def generate(years: int, scale: int, seed: int, last_year: int) -> dict[str, int]:
    s = Sampler(scale, seed)
    first = last_year - years + 1
    s.base(first)
    for year in range(first, last_year + 1):
        s.year(year)
    from congress.figures.cache import records_changed

    records_changed()
    return s.counts
