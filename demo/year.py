"""The demo year: a fictional but realistic 2025 for 安州区.

People and units are invented; the year's figures are those of the Anzhou 2025 review
(``shared/reference/anzhou-2025-year-review.txt``) because the records are built to give them:
the loader sets record counts and amounts, never a figure. A few 2024 records make the year
filters matter.
"""

from __future__ import annotations

import datetime
import json
import random
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from congress.accounts.models import Profile, Unit
from congress.review.models import ReportText
from deputies.models import Activity, Deputy, Station
from meetings.models import AgendaItem, Appointment, Decision, Meeting
from oversight.models import (
    LivelihoodProject,
    OtherWork,
    OversightItem,
    ProjectVisit,
    ReviewOpinion,
)
from proposals.models import AssignmentLetter, Suggestion, SuggestionEvent

from . import texts

D = datetime.date
YEAR = 2025
DATA = Path(__file__).with_name("data")
TERM = 18


def already_loaded() -> bool:
    return Meeting.objects.filter(date__year=YEAR).exists()


def split(total: int, parts: int, rng: random.Random, low: int = 1) -> list[int]:
    """parts whole numbers, each at least low, adding up to total."""
    spare = total - parts * low
    if spare < 0:
        raise ValueError("total too small")
    cuts = sorted(rng.randint(0, spare) for _ in range(parts - 1))
    bounds = [0, *cuts, spare]
    return [low + bounds[i + 1] - bounds[i] for i in range(parts)]


def day_in(rng: random.Random, year: int, month: int) -> datetime.date:
    return D(year, month, rng.randint(1, 28))


class Builder:
    def __init__(self, seed: int = 2025):
        self.seed = seed
        self.rng = random.Random(seed)
        self.names = texts.person_names(self.rng)
        self.counts: dict[str, int] = {}

    def person(self) -> str:
        return next(self.names)

    def note(self, label: str, n: int) -> None:
        self.counts[label] = self.counts.get(label, 0) + n

    # --- units, stations, deputies --------------------------------------------------------
    def units(self) -> list[Unit]:
        units = [Unit.objects.get_or_create(name=name)[0] for name in texts.UNITS]
        self.note("承办单位", len(units))
        return units

    def stations(self) -> list[Station]:
        rng = self.rng
        rows = []
        for i, town in enumerate(texts.TOWNS[:11]):
            rows.append(
                Station(
                    name=f"{town}代表之家",
                    kind=Station.Kind.HOME,
                    town=town,
                    built=D(
                        rng.choice([2019, 2020, 2021, 2022]), rng.randint(1, 12), rng.randint(1, 28)
                    ),
                    reception_days=f"每月{5 + i % 20}日",
                )
            )
        for i in range(43):
            town = texts.TOWNS[i % len(texts.TOWNS)]
            village = texts.VILLAGES[i]
            rows.append(
                Station(
                    name=f"{town}{village}代表联络站",
                    kind=Station.Kind.STATION,
                    town=town,
                    built=D(
                        rng.choice([2020, 2021, 2022, 2023, 2024]),
                        rng.randint(1, 12),
                        rng.randint(1, 28),
                    ),
                    reception_days=f"每月{10 + i % 15}日",
                )
            )
        # One home still being built at the end of the year does not count yet.
        rows.append(
            Station(
                name="安州全过程人民民主实践中心代表之家",
                kind=Station.Kind.HOME,
                town="花荄镇",
                built=D(2026, 3, 1),
            )
        )
        Station.objects.bulk_create(rows)
        self.note("代表之家和联络站", len(rows))
        return list(Station.objects.filter(built__year__lte=YEAR).order_by("pk"))

    def deputies(self, stations: list[Station]) -> tuple[list[Deputy], list[Deputy]]:
        rng = self.rng
        rows = []

        def make(level, election, elected, term, **kw):
            station = rng.choice(stations)
            sex = "女" if rng.random() < 0.3 else "男"
            rows.append(
                Deputy(
                    name=self.person(),
                    sex=sex,
                    ethnicity="汉族"
                    if rng.random() > 0.04
                    else rng.choice(["羌族", "回族", "藏族"]),
                    birth=D(rng.randint(1960, 1995), rng.randint(1, 12), rng.randint(1, 28)),
                    party=rng.choices(["中共党员", "民主党派", "无党派", "群众"], [65, 8, 7, 20])[
                        0
                    ],
                    education=rng.choice(["大学", "大专", "研究生", "高中"]),
                    workplace=rng.choice(texts.WORKPLACES),
                    post=rng.choice(texts.POSTS),
                    category=rng.choices(list(Deputy.Category.values), [12, 22, 18, 28, 14, 1, 5])[
                        0
                    ],
                    level=level,
                    term=term,
                    district=f"第{rng.randint(1, 60)}选区",
                    delegation=f"{station.town}代表团",
                    station=station,
                    election=election,
                    elected=elected,
                    **kw,
                )
            )

        for _ in range(232):
            make("区", "选举", D(2021, 10, 28), TERM)
        for _ in range(120):
            make("乡镇", "选举", D(2021, 11, 12), 19)
        # 补选市、区人大代表: the year's by-elections, and two from the year before.
        for i in range(13):
            make(
                "区" if i < 8 else "市", "补选", day_in(rng, YEAR, 3 + i % 9), TERM if i < 8 else 8
            )
        for i in range(2):
            make("区", "补选", day_in(rng, YEAR - 1, 5 + i), TERM)
        make(
            "区",
            "选举",
            D(2021, 10, 28),
            TERM,
            status="资格终止",
            ended=D(YEAR, 4, 2),
            end_reason="迁出或调离本行政区域",
        )
        Deputy.objects.bulk_create(rows)
        self.note("人大代表", len(rows))
        everyone = list(Deputy.objects.order_by("pk"))
        active = [d for d in everyone if d.status == "正常"]
        return everyone, active

    # --- meetings, decisions, appointments ----------------------------------------------------
    def meetings(self) -> tuple[list[Meeting], list[Meeting]]:
        rng = self.rng
        standing, chairman = [], []
        months = [1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
        for seq, month in zip(range(20, 31), months, strict=True):
            standing.append(
                Meeting.objects.create(
                    kind="常委会会议",
                    term=TERM,
                    seq=seq,
                    date=day_in(rng, YEAR, month),
                    place="区人大常委会机关会议室",
                )
            )
            # Draws kept from when 出席人数 was typed here, so that the rest of the demo year
            # draws what it always drew (its figures are the reference review's).
            rng.randint(24, 29), rng.randint(0, 3)
        for i, seq in enumerate(range(30, 45)):
            chairman.append(
                Meeting.objects.create(
                    kind="主任会议",
                    term=TERM,
                    seq=seq,
                    date=day_in(rng, YEAR, 1 + i * 11 // 15),
                    place="区人大常委会机关会议室",
                )
            )
        for seq, month in ((18, 10), (19, 12)):
            Meeting.objects.create(
                kind="常委会会议",
                term=TERM,
                seq=seq,
                date=day_in(rng, YEAR - 1, month),
                place="区人大常委会机关会议室",
            )
        for seq, month in ((28, 11), (29, 12)):
            Meeting.objects.create(
                kind="主任会议", term=TERM, seq=seq, date=day_in(rng, YEAR - 1, month)
            )
        Meeting.objects.create(
            kind="人民代表大会会议",
            term=TERM,
            seq=5,
            date=D(YEAR, 1, 8),
            place="安州会堂",
            name="安州区第十八届人民代表大会第五次会议",
        )
        self.note("会议", len(standing) + len(chairman) + 5)
        return standing, chairman

    def committee(self, standing: list[Meeting], chairman: list[Meeting]) -> None:
        from . import committee

        # A generator of its own, so that the rest of the demo year draws what it always drew.
        rng = random.Random(self.seed + 18)
        self.note("组成人员", len(committee.members(texts.person_names(rng), TERM, YEAR)))
        rows, votes = committee.seat(rng, standing + chairman)
        self.note("会议出席", rows)
        self.note("表决", votes)

    def decisions(self, standing: list[Meeting]) -> list[Decision]:
        rows = []
        for (title, kind, text), meeting in zip(
            texts.DECISIONS, (standing[2], standing[7]), strict=True
        ):
            rows.append(
                Decision.objects.create(
                    title=title, kind=kind, date=meeting.date, meeting=meeting, text=text
                )
            )
        Decision.objects.create(
            title="关于批准2023年区级决算的决议",
            kind="决议",
            date=D(YEAR - 1, 8, 28),
            text="批准2023年区级决算。",
        )
        self.note("决议决定", len(rows) + 1)
        return rows

    def appointments(self, standing: list[Meeting]) -> None:
        rng = self.rng
        kinds = (
            ["任命"] * 20
            + ["免职"] * 14
            + ["决定任命"] * 6
            + ["决定免职"] * 3
            + ["接受辞职"] * 2
            + ["决定代理"]
        )
        rows = []
        waiting = 2  # the last two appointed have not sworn yet
        for i, kind in enumerate(kinds):
            meeting = standing[i % len(standing)]
            oath = kind in Appointment.OATH_KINDS
            sworn = oath and not (i >= len(kinds) - 8 and waiting and kind == "任命")
            if oath and not sworn:
                waiting -= 1
            org, post = rng.choice(texts.POSTS_APPOINTED)
            rows.append(
                Appointment(
                    person=self.person(),
                    kind=kind,
                    post=post,
                    organisation=org,
                    date=meeting.date,
                    meeting=meeting,
                    oath_date=meeting.date if sworn else None,
                    oath_form=("集体宣誓" if i % 3 else "个人宣誓") if sworn else "",
                )
            )
        rows.append(
            Appointment(
                person=self.person(),
                kind="任命",
                post="区审计局局长",
                organisation="区审计局",
                date=D(YEAR - 1, 12, 20),
                oath_date=D(YEAR - 1, 12, 20),
                oath_form="个人宣誓",
            )
        )
        Appointment.objects.bulk_create(rows)
        for meeting in standing:
            n = sum(1 for r in rows if r.meeting_id == meeting.pk)
            if n:
                AgendaItem.objects.create(
                    meeting=meeting,
                    order=90,
                    title=f"审议人事任免事项（{n}人次）",
                    reporter="区人大常委会人事代表工作委员会",
                )
        self.note("人事任免", len(rows))

    # --- oversight ------------------------------------------------------------------------
    def oversight(self, standing: list[Meeting], chairman: list[Meeting]) -> None:
        rng = self.rng
        items = []
        topics = texts.REPORT_TOPICS[:47]
        for i, (topic, organ, dept) in enumerate(topics):
            meeting = standing[i % len(standing)]
            items.append(
                OversightItem(
                    kind="专项工作报告",
                    name=f"关于{topic}情况的报告",
                    date=meeting.date,
                    organ=organ,
                    department=dept,
                    meeting=meeting,
                )
            )
        for title, kind, dept in texts.BUDGET_ITEMS:
            meeting = rng.choice(standing)
            items.append(
                OversightItem(
                    kind=kind,
                    name=title,
                    date=meeting.date,
                    organ="人民政府",
                    department=dept,
                    meeting=meeting,
                )
            )
        for name, law, dept, month, joint in texts.INSPECTIONS:
            items.append(
                OversightItem(
                    kind="执法检查",
                    name=name,
                    law=law,
                    joint=joint,
                    department=dept,
                    organ="人民政府",
                    date=day_in(rng, YEAR, month),
                )
            )
        items.append(
            OversightItem(
                kind="专题询问",
                name="城市停车管理工作专题询问",
                organ="人民政府",
                department="区住房和城乡建设局",
                date=standing[6].date,
                meeting=standing[6],
            )
        )
        for topic, month in texts.RESEARCH:
            items.append(
                OversightItem(
                    kind="专题调研",
                    name=f"关于{topic}的专题调研",
                    organ="人民政府",
                    date=day_in(rng, YEAR, month),
                )
            )
        items.append(
            OversightItem(
                kind="备案审查",
                name="区政府规范性文件备案审查（全年）",
                organ="人民政府",
                date=D(YEAR, 12, 20),
            )
        )
        items.append(
            OversightItem(
                kind="专项工作报告",
                name="关于2024年就业工作情况的报告",
                organ="人民政府",
                date=D(YEAR - 1, 10, 20),
            )
        )
        OversightItem.objects.bulk_create(items)
        this_year = list(OversightItem.objects.filter(date__year=YEAR).order_by("pk"))
        # 推动解决突出问题: the problems each piece of work helped solve, 37 in all.
        solving = [
            i for i in this_year if i.kind in ("执法检查", "专题询问", "专题调研") and not i.joint
        ] + this_year[:8]
        for item, n in zip(solving, split(37, len(solving), rng, 1), strict=True):
            item.problems_solved = n
        # 审议意见、调研建议: 183 points over 40 documents.
        sources = [i for i in this_year if i.kind == "专项工作报告"][:28] + [
            i for i in this_year if i.kind in ("执法检查", "专题询问", "专题调研") and not i.joint
        ]
        sources = sources[:40]
        while len(sources) < 40:
            sources.append(this_year[len(sources)])
        opinions = []
        for n, (item, points) in enumerate(zip(sources, split(183, 40, rng, 2), strict=True)):
            category = "调研建议" if item.kind == "专题调研" else "审议意见"
            sent = item.date + datetime.timedelta(days=rng.randint(7, 20))
            late = n >= 38  # two December opinions still waiting for their report
            reported = None if late else sent + datetime.timedelta(days=rng.randint(40, 88))
            body = item.department or "区人民政府"
            opinions.append(
                ReviewOpinion(
                    name=f"{item.name.removeprefix('关于').removesuffix('情况的报告')}{category}",
                    category=category,
                    source=item,
                    date=sent,
                    body=body,
                    unit=Unit.objects.filter(name=body).first(),
                    points=points,
                    state="办理中" if late else rng.choice(["已报告", "已办结", "已办结"]),
                    report_date=reported,
                    report_text=""
                    if late
                    else f"{body}已就审议意见逐条研究，制定整改措施{points}项。",
                    satisfaction="" if late else rng.choice(["满意", "满意", "基本满意"]),
                )
            )
            item.points += points
        for o in opinions:
            o.deadline = o.default_deadline()
        ReviewOpinion.objects.bulk_create(opinions)
        OversightItem.objects.bulk_update(this_year, ["problems_solved", "points"])
        for item in this_year:
            if item.meeting_id and item.kind == "专项工作报告":
                AgendaItem.objects.create(
                    meeting_id=item.meeting_id,
                    order=10 + item.pk % 50,
                    title=f"听取和审议{item.name.removeprefix('关于')}",
                    reporter=item.department,
                    oversight=item,
                )
        self.note("监督工作", len(items))
        self.note("意见建议", len(opinions))

    # --- other counted work --------------------------------------------------------------------
    def other_work(self) -> None:
        rng = self.rng
        rows = []
        for i in range(16):
            rows.append(
                OtherWork(
                    kind="学习研讨",
                    name=f"党组理论学习中心组第{i + 1}次集体学习",
                    date=day_in(rng, YEAR, 1 + i * 12 // 16),
                )
            )
        for i in range(26):
            rows.append(
                OtherWork(
                    kind="请示报告",
                    name=f"向区委请示报告重大事项（{i + 1}）",
                    date=day_in(rng, YEAR, 1 + i * 12 // 26),
                )
            )
        for i, law in enumerate(texts.LEGISLATION[:20]):
            rows.append(
                OtherWork(
                    kind="立法调研", name=f"{law}立法调研", date=day_in(rng, YEAR, 1 + i * 12 // 20)
                )
            )
        for month, n in zip(range(1, 13), split(141, 12, rng, 6), strict=True):
            rows.append(
                OtherWork(
                    kind="联合执法",
                    name=f"交通警务联勤联动联合执法（{month}月）",
                    date=D(YEAR, month, 28),
                    quantity=n,
                )
            )
        rows.append(
            OtherWork(kind="宪法宣传", name="市级宪法宣传周活动", date=D(YEAR, 12, 4), reach=20000)
        )
        rows.append(OtherWork(kind="荣誉", name="信息宣传工作获评全省先进", date=D(YEAR, 12, 15)))
        rows.append(
            OtherWork(
                kind="宣传报道", name="经验材料被全国人大刊载", date=D(YEAR, 9, 10), quantity=3
            )
        )
        rows.append(OtherWork(kind="学习研讨", name="2024年度集体学习", date=D(YEAR - 1, 6, 1)))
        OtherWork.objects.bulk_create(rows)
        self.note("其他工作", len(rows))

    # --- livelihood projects -------------------------------------------------------------------
    def projects(self, deputies: list[Deputy]) -> None:
        rng = self.rng
        projects = []
        for i, (name, unit) in enumerate(texts.PROJECTS):
            voted = i < 8
            state = ("已完成" if i < 5 else "实施中") if voted else "候选"
            projects.append(
                LivelihoodProject.objects.create(
                    name=name,
                    year=YEAR,
                    voted_on=D(YEAR, 1, 9),
                    unit=unit,
                    votes=rng.randint(150, 210) if voted else rng.randint(40, 120),
                    budget=rng.randint(300, 3000),
                    state=state,
                    progress=100 if state == "已完成" else (rng.randint(60, 95) if voted else 0),
                    satisfaction="满意" if state == "已完成" else "",
                )
            )
        LivelihoodProject.objects.create(
            name="城区公厕提升改造",
            year=YEAR - 1,
            state="已完成",
            progress=100,
            voted_on=D(YEAR - 1, 1, 10),
        )
        voted = projects[:8]
        through = ProjectVisit.deputies.through
        links = []
        for n in range(63):
            visit = ProjectVisit.objects.create(
                project=voted[n % 8], date=day_in(rng, YEAR, 2 + n * 10 // 63), form="现场督导"
            )
            links += [
                through(projectvisit_id=visit.pk, deputy_id=d.pk) for d in rng.sample(deputies, 3)
            ]
        through.objects.bulk_create(links, ignore_conflicts=True)
        self.note("民生实事", len(projects) + 1)
        self.note("民生实事督导", 63)

    # --- deputies' activities ------------------------------------------------------------------
    def activities(
        self, county: list[Deputy], everyone: list[Deputy], stations: list[Station]
    ) -> None:
        rng = self.rng
        through = Activity.deputies.through
        links: list = []

        def add(name, kind, date, people, station=None, **kw):
            a = Activity.objects.create(name=name, kind=kind, date=date, station=station, **kw)
            links.extend(through(activity_id=a.pk, deputy_id=d.pk) for d in people)

        # 邀请代表参与履职活动: 170 participations over 22 activities.
        kinds = ["视察", "调研", "执法检查", "专题询问", "其他"]
        for i, size in enumerate(split(170, 22, rng, 4)):
            kind = kinds[i % len(kinds)]
            add(
                f"{texts.ACTIVITY_TOPICS[i]}{kind}",
                kind,
                day_in(rng, YEAR, 2 + i * 10 // 22),
                rng.sample(county, size),
                rng.choice(stations),
            )
        # 专题培训: 112 different deputies over three sessions that overlap.
        trained = rng.sample(county, 112)
        add("新任代表履职培训班", "培训", D(YEAR, 4, 15), trained[:60])
        add("代表建议撰写专题培训", "培训", D(YEAR, 6, 18), trained[40:100])
        add("全过程人民民主专题培训", "培训", D(YEAR, 9, 10), trained[90:] + trained[:10])
        # 联系群众: one round per station, 3514 people met and 548 problems solved.
        met = split(3514, len(stations), rng, 30)
        solved = split(548, len(stations), rng, 3)
        for station, m, s in zip(stations, met, solved, strict=True):
            add(
                f"{station.name}代表接待群众",
                "联系群众",
                day_in(rng, YEAR, rng.randint(3, 11)),
                rng.sample(county, 3),
                station,
                people_met=m,
                problems_solved=s,
            )
        # 向选民述职: 312 deputies, each once, by station.
        reporting = rng.sample(everyone, 312)
        for i, chunk in enumerate(range(0, 312, 16)):
            st = stations[i % len(stations)]
            add(
                f"{st.town}代表向选民述职（第{i + 1}场）",
                "述职",
                day_in(rng, YEAR, 11 + i % 2),
                reporting[chunk : chunk + 16],
                st,
            )
        add("2024年代表视察", "视察", D(YEAR - 1, 9, 1), rng.sample(county, 12))
        through.objects.bulk_create(links)
        self.note("代表活动", Activity.objects.count())

    # --- suggestions ---------------------------------------------------------------------------
    def suggestions(self, county: list[Deputy], units: list[Unit], clerk=None) -> None:
        rng = self.rng
        rows = []
        topics = texts.SUGGESTION_TOPICS
        key_left, litigation_left = 10, 11
        for i in range(131):
            kind = "代表建议" if i < 120 else "闭会期间建议"
            submitted = D(YEAR, 1, 9) if kind == "代表建议" else day_in(rng, YEAR, 3 + i % 8)
            assigned = submitted + datetime.timedelta(days=rng.randint(20, 30))
            difficult = i % 17 == 0
            months = 6 if difficult else 3
            deadline = _months_later(assigned, months)
            reply = assigned + datetime.timedelta(days=rng.randint(30, 80))
            topic, unit_name = topics[i % len(topics)]
            key = kind == "代表建议" and key_left > 0 and i % 12 == 3
            key_left -= key
            litigation = litigation_left > 0 and i % 11 == 5
            litigation_left -= litigation
            rows.append(
                Suggestion(
                    number=f"第{i + 1 if kind == '代表建议' else i - 119}号",
                    kind=kind,
                    year=YEAR,
                    title=f"关于{topic}的建议",
                    text=texts.suggestion_text(topic),
                    date=submitted,
                    lead=rng.choice(county),
                    topic=rng.choice(texts.TOPIC_CLASSES),
                    state="已办结",
                    lead_unit=next((u for u in units if u.name == unit_name), units[0]),
                    assigned=assigned,
                    deadline=deadline,
                    difficult=difficult,
                    accepted=assigned + datetime.timedelta(days=2),
                    key=key,
                    key_leader=rng.choice(texts.LEADERS) if key else "",
                    reply_date=reply,
                    reply_text=f"收悉。我单位高度重视，经研究，{texts.reply_text(topic)}",
                    result=rng.choices("ABCD", [62, 30, 6, 2])[0],
                    opinion=rng.choices(["满意", "基本满意"], [88, 12])[0],
                    litigation=litigation,
                )
            )
        for i in range(40):
            when = D(YEAR, 1, 8)
            topic, unit_name = topics[(i * 7) % len(topics)]
            rows.append(
                Suggestion(
                    number=f"第{i + 1}号",
                    kind="发言建议",
                    year=YEAR,
                    title=f"关于{topic}的发言建议",
                    date=when,
                    lead=rng.choice(county),
                    state="已办结",
                    lead_unit=next((u for u in units if u.name == unit_name), units[0]),
                    assigned=D(YEAR, 1, 25),
                    deadline=D(YEAR, 4, 25),
                    reply_date=D(YEAR, 3, 20),
                    reply_text="已研究办理。",
                    result="B",
                    opinion="满意",
                )
            )
        for i in range(5):
            topic, unit_name = topics[i]
            rows.append(
                Suggestion(
                    number=f"第{i + 1}号",
                    kind="代表建议",
                    year=YEAR - 1,
                    title=f"关于{topic}的建议（2024）",
                    date=D(YEAR - 1, 1, 10),
                    lead=rng.choice(county),
                    state="已办结" if i else "不予立案",
                    reject_reason="" if i else "属于司法个案，不宜作为代表建议",
                    lead_unit=None if i == 0 else units[i],
                    assigned=D(YEAR - 1, 2, 1),
                    reply_date=D(YEAR - 1, 4, 1),
                    result="A",
                    opinion="满意" if i else "",
                )
            )
        Suggestion.objects.bulk_create(rows)
        saved = list(Suggestion.objects.filter(year=YEAR).order_by("pk"))
        through = Suggestion.cosigners.through
        links = []
        events = []
        for s in saved:
            links += [
                through(suggestion_id=s.pk, deputy_id=d.pk)
                for d in rng.sample(county, rng.randint(0, 4))
                if d.pk != s.lead_id
            ]
            at = datetime.datetime.combine
            tz = datetime.timezone(datetime.timedelta(hours=8))
            for action, day, before, after in (
                ("登记", s.date, "", "待交办"),
                ("交办", s.assigned, "待交办", "办理中"),
                ("答复", s.reply_date, "办理中", "已答复"),
                ("代表意见", s.reply_date + datetime.timedelta(days=10), "已答复", "已答复"),
                ("办结", s.reply_date + datetime.timedelta(days=15), "已答复", "已办结"),
            ):
                events.append(
                    SuggestionEvent(
                        suggestion=s,
                        user=clerk,
                        action=action,
                        at=at(day, datetime.time(10), tz),
                        from_state=before,
                        to_state=after,
                        note=s.opinion if action == "代表意见" else "",
                    )
                )
        through.objects.bulk_create(links, ignore_conflicts=True)
        SuggestionEvent.objects.bulk_create(events)
        self.note("代表建议", len(rows))
        self.letters(saved, clerk)

    def letters(self, saved: list[Suggestion], clerk=None) -> None:
        """交办函 as the office sent them: one a unit and a day, numbered 〔YYYY〕1号 on."""
        batches: dict = {}
        for s in saved:
            if s.lead_unit_id and s.assigned:
                batches.setdefault((s.assigned, s.lead_unit.name, s.lead_unit_id), []).append(s)
        prefix = Profile.get().letter_prefix
        for n, ((day, _name, unit_id), items) in enumerate(sorted(batches.items()), 1):
            letter = AssignmentLetter.objects.create(
                number=f"{prefix}〔{YEAR}〕{n}号", unit_id=unit_id, date=day, created_by=clerk
            )
            letter.suggestions.set(items)
        self.note("交办函", len(batches))

    def current_year(self, county: list[Deputy], clerk=None) -> None:
        """The running year, lived up to today (congress.demo.running)."""
        from . import running

        today = timezone.localdate()
        if today.year <= YEAR:
            return
        self.note("本年度截至今日的记录", running.build(self.rng, today, TERM, county, clerk))
        # This morning's reminders, as the beat schedule would have sent them.
        from congress.work.notify import send_due

        self.note("今日提醒", send_due(today))

    def draft(self) -> None:
        """The office's own figures and its review of the year, written for this demo."""
        from congress.figures.services import replace_own_figures

        replace_own_figures(json.loads((DATA / "figures.json").read_text(encoding="utf-8")))
        ReportText.objects.update_or_create(
            year=YEAR,
            defaults={
                "title": f"安州区人大常委会{YEAR}年工作综述",
                "subtitle": "守正创新 依法履职 为全区高质量发展贡献人大力量",
                "text": (DATA / f"review-{YEAR}.md").read_text(encoding="utf-8"),
            },
        )
        self.note("年度工作综述文稿", 1)


def _months_later(day: datetime.date, months: int) -> datetime.date:
    from congress.work.dates import add_months

    return add_months(day, months)


@transaction.atomic
def load(seed: int = 2025, running: bool = True) -> dict[str, int]:
    from django.contrib.auth.models import User

    b = Builder(seed)
    units = b.units()
    stations = b.stations()
    everyone, active = b.deputies(stations)
    county = [d for d in active if d.level == "区"]
    standing, chairman = b.meetings()
    b.decisions(standing)
    b.appointments(standing)
    b.committee(standing, chairman)
    b.oversight(standing, chairman)
    b.other_work()
    b.projects(county)
    b.activities(county, active, stations)
    clerk = User.objects.filter(username="clerk").first()
    b.suggestions(county, units, clerk=clerk)
    b.draft()
    if running:
        b.current_year(county, clerk=clerk)
    from demo.installation import link_demo_deputy

    link_demo_deputy()
    # Bulk writes send no signals: every cached figure is stale.
    from congress.figures.cache import records_changed

    records_changed()
    return b.counts
