"""The running year of the demo: records up to today in the rhythm of a real year.

Meetings most months, the congress session's suggestions in January handled through the spring
and summer, suggestions made between sessions still arriving, review opinions awaiting their
reports, deputies' activities, letters and visits. Dates are relative to today, so that every
role's home page and the dashboard have something true to show whenever the demo is loaded:
items due this week, items overdue, items still to sign, one sent back for a second handling.
"""

from __future__ import annotations

import datetime
import random

from congress.accounts.models import Unit
from congress.work.dates import add_months
from deputies.models import Activity, Deputy
from meetings.models import Appointment, Decision, Meeting
from oversight.models import (
    LivelihoodProject,
    OtherWork,
    OversightItem,
    ProjectVisit,
    ReviewOpinion,
)
from petitions.models import Petition
from proposals import services
from proposals.models import Suggestion

from . import texts

DAY = datetime.timedelta(days=1)


def _past(day: datetime.date, today: datetime.date) -> bool:
    return day <= today


def _this_year(day: datetime.date, today: datetime.date) -> datetime.date:
    """Early in a year "120 days ago" is last year, whose figures the demo must not touch."""
    return max(day, datetime.date(today.year, 1, 2))


def build(rng: random.Random, today: datetime.date, term: int, county: list[Deputy], clerk) -> int:
    """Create the running year's records up to today; the number of records made."""
    from demo.installation import DEMO_UNIT

    year = today.year
    made = 0
    units = {u.name: u for u in Unit.objects.all()}
    demo_unit = units[DEMO_UNIT]

    # 会议: a standing-committee meeting most months, chairman's meetings more often.
    standing: list[Meeting] = []
    for i, month in enumerate([1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]):
        day = datetime.date(year, month, min(26, 10 + i))
        if not _past(day, today):
            break
        standing.append(
            Meeting.objects.create(
                kind="常委会会议",
                term=term,
                seq=31 + i,
                date=day,
                place="区人大常委会机关会议室",
            )
        )
        rng.randint(24, 29), rng.randint(0, 3)  # the draws of the typed 出席人数, kept
    for i in range(24):
        day = datetime.date(year, 1, 6) + datetime.timedelta(days=16 * i)
        if not _past(day, today) or day.year != year:
            break
        Meeting.objects.create(
            kind="主任会议", term=term, seq=45 + i, date=day, place="区人大常委会机关会议室"
        )
        made += 1
    made += len(standing)
    if standing:
        Decision.objects.create(
            title=f"关于批准{year - 1}年区级决算的决议",
            kind="决议",
            date=standing[min(5, len(standing) - 1)].date,
            meeting=standing[min(5, len(standing) - 1)],
        )
        made += 1

    # 人事任免: appointments at the meetings, the latest two not yet sworn in.
    for i, meeting in enumerate(standing[1:]):
        org, post = rng.choice(texts.POSTS_APPOINTED)
        sworn = i < len(standing) - 3
        Appointment.objects.create(
            person=next(_names(rng)),
            kind="任命",
            post=post,
            organisation=org,
            date=meeting.date,
            meeting=meeting,
            oath_date=meeting.date if sworn else None,
            oath_form="集体宣誓" if sworn else "",
        )
        made += 1

    # The members' attendance and the votes at this year's meetings.
    from demo.committee import seat, upcoming

    chairs = list(Meeting.objects.filter(date__year=year, kind="主任会议"))
    made += sum(seat(random.Random(year), standing + chairs))
    upcoming(today, term)  # next month's meeting, its notice sent to the members
    made += 1

    # 监督工作 and the opinions it produced: the older ones reported on, the recent ones open.
    for i, meeting in enumerate(standing):
        for j in range(3):
            topic, organ, dept = texts.REPORT_TOPICS[(i * 3 + j) % len(texts.REPORT_TOPICS)]
            item = OversightItem.objects.create(
                kind="专项工作报告",
                name=f"关于{year}年{topic}情况的报告",
                date=meeting.date,
                organ=organ,
                department=dept,
                meeting=meeting,
                points=rng.randint(3, 8),
                problems_solved=rng.randint(0, 3),
            )
            made += 1
            if j:
                continue
            sent = meeting.date + 7 * DAY
            if not _past(sent, today):
                continue
            opinion = ReviewOpinion(
                name=f"关于{year}年{topic}情况报告的审议意见",
                category="审议意见",
                date=sent,
                body="区人民政府",
                source=item,
                points=rng.randint(3, 7),
                unit=units.get(dept) or (demo_unit if i % 3 == 0 else None),
            )
            opinion.deadline = opinion.default_deadline()
            if opinion.deadline + 30 * DAY < today:
                opinion.state = ReviewOpinion.State.REPORTED
                opinion.report_date = opinion.deadline - 5 * DAY
            opinion.save()
            made += 1
    # The demo unit always has one opinion to report on, due within the fortnight.
    ReviewOpinion.objects.create(
        name=f"关于{year}年老旧小区改造工作情况的调研建议",
        category="调研建议",
        date=_this_year(today - 80 * DAY, today),
        body=DEMO_UNIT,
        unit=demo_unit,
        points=5,
        deadline=today + 10 * DAY,
    )
    for name, kind, month in (
        ("城市停车管理条例实施情况执法检查", "执法检查", 5),
        ("义务教育优质均衡发展专题询问", "专题询问", 9),
    ):
        day = datetime.date(year, month, 15)
        if _past(day, today):
            OversightItem.objects.create(
                kind=kind,
                name=f"{year}年{name}",
                date=day,
                organ="人民政府",
                law="" if kind != "执法检查" else "《城市道路管理条例》",
            )
            made += 1
    for topic, month in texts.RESEARCH:
        day = datetime.date(year, month, 20)
        if _past(day, today):
            OversightItem.objects.create(
                kind="专题调研",
                name=f"{year}年关于{topic}的专题调研",
                date=day,
                organ="人民政府",
                points=rng.randint(4, 9),
            )
            made += 1

    # 民生实事: voted at the congress session, progressing through the year.
    session = datetime.date(year, 1, 9)
    elapsed = (today - session).days / 330
    for i, (name, unit) in enumerate(texts.PROJECTS[:8]):
        progress = max(5, min(100, int(elapsed * 100) + rng.randint(-25, 10)))
        project = LivelihoodProject.objects.create(
            name=f"{name}（{year}）",
            year=year,
            voted_on=session,
            unit=unit,
            state="已完成" if progress == 100 else "实施中",
            progress=progress,
        )
        for k in range(1, 4):
            day = session + (40 * k + i) * DAY
            if _past(day, today):
                ProjectVisit.objects.create(project=project, date=day, form="现场督导")
                made += 1
        made += 1

    # 其他工作: study and reports to the party committee, month by month.
    for month in range(1, today.month + 1):
        day = datetime.date(year, month, 12)
        if _past(day, today):
            OtherWork.objects.create(
                kind="学习研讨", name=f"{month}月党组理论学习中心组学习", date=day
            )
            OtherWork.objects.create(
                kind="请示报告", name=f"{month}月向区委报告常委会工作", date=day, quantity=2
            )
            made += 2

    # 代表活动: inspections, contacts with the public, training.
    for i in range(today.month * 2):
        day = datetime.date(year, 1, 15) + (i * 15) * DAY
        if not _past(day, today):
            break
        kind = ["视察", "调研", "联系群众", "其他"][i % 4]
        activity = Activity.objects.create(
            name=f"{year}年{texts.ACTIVITY_TOPICS[i % len(texts.ACTIVITY_TOPICS)]}{kind}",
            kind=kind,
            date=day,
            people_met=rng.randint(20, 90) if kind == "联系群众" else 0,
            problems_solved=rng.randint(2, 12) if kind == "联系群众" else 0,
        )
        activity.deputies.set(rng.sample(county, rng.randint(4, 12)))
        made += 1
    training = datetime.date(year, 4, 16)
    if _past(training, today):
        activity = Activity.objects.create(
            name=f"{year}年代表履职能力提升培训", kind="培训", date=training
        )
        activity.deputies.set(rng.sample(county, 60))
        made += 1

    # 向选民述职 in the autumn, station by station.
    for i, month in enumerate((9, 10, 11)):
        day = datetime.date(year, month, 18)
        if _past(day, today):
            activity = Activity.objects.create(
                name=f"{year}年代表向选民述职（第{i + 1}场）", kind="述职", date=day
            )
            activity.deputies.set(rng.sample(county, 15))
            made += 1
    for month in range(1, today.month + 1):
        day = datetime.date(year, month, 20)
        if _past(day, today):
            OtherWork.objects.create(
                kind="联合执法",
                name=f"{month}月交通警务联勤联动",
                date=day,
                quantity=rng.randint(8, 14),
            )
            made += 1
    for i, law in enumerate(texts.LEGISLATION[:9]):
        day = datetime.date(year, 2 + i, 8)
        if _past(day, today):
            OtherWork.objects.create(kind="立法调研", name=f"{law}立法调研（{year}）", date=day)
            made += 1

    # 信访: letters and visits through the year.
    for i in range((today - datetime.date(year, 1, 1)).days // 6):
        day = datetime.date(year, 1, 3) + (i * 6) * DAY
        if not _past(day, today):
            break
        channel = ["来信", "来访", "网上信访", "来信", "电话"][i % 5]
        Petition.objects.create(
            number=f"{year}-{i + 1:03d}",
            channel=channel,
            date=day,
            people=rng.choice([1, 1, 1, 2, 5]) if channel == "来访" else 1,
            summary=f"反映{texts.SUGGESTION_TOPICS[i % len(texts.SUGGESTION_TOPICS)][0]}方面的问题",
            state="已办结" if day < today - 40 * DAY else "登记",
            closed=day + 20 * DAY if day < today - 40 * DAY else None,
        )
        made += 1

    made += _suggestions(rng, today, county, units, demo_unit, clerk)
    return made


def _names(rng: random.Random):
    while True:
        yield rng.choice(texts.SURNAMES) + rng.choice(texts.GIVEN)


def _suggestions(rng, today, county, units, demo_unit, clerk) -> int:
    """The session's suggestions handled through the year, and those made since."""
    year = today.year
    session = datetime.date(year, 1, 9)
    assigned = datetime.date(year, 2, 10)
    made = 0
    topics = texts.SUGGESTION_TOPICS

    def new(n: int, kind: str, day: datetime.date, topic: str) -> Suggestion:
        s = Suggestion(
            number=f"第{n}号",
            kind=kind,
            title=f"关于{topic}的建议",
            text=texts.suggestion_text(topic),
            date=day,
            lead=rng.choice(county),
        )
        return services.submit(s, clerk)

    # The congress session: most answered and closed by now; a few still open or overdue.
    for n in range(1, 121):
        topic, unit_name = topics[n % len(topics)]
        s = new(n, "代表建议", session, topic)
        made += 1
        if not _past(assigned, today):
            continue
        unit = units.get(unit_name) or demo_unit
        s = services.assign(s, clerk, lead_unit=unit, assigned=assigned)
        if n % 12 == 3:
            s = services.set_key(s, clerk, key=True, leader=rng.choice(texts.LEADERS))
        services.accept(s, clerk, unit=unit)
        reply_day = assigned + rng.randint(40, 85) * DAY
        if n % 17 == 0 or not _past(reply_day, today):
            continue  # still open: overdue once its deadline passed
        s = services.reply(
            s,
            clerk,
            unit=unit,
            date=reply_day,
            text=f"收悉。{texts.reply_text(topic)}",
            result=rng.choice("AAAB"),
        )
        if n % 11 == 0:
            continue  # answered, waiting for the deputy's opinion
        opinion_day = reply_day + 10 * DAY
        if not _past(opinion_day, today):
            continue
        s = services.record_opinion(
            s, clerk, opinion="满意" if n % 5 else "基本满意", today=opinion_day
        )
        services.close(s, clerk)

    # 发言建议 made at the session, recorded for the figures.
    for n in range(1, 31):
        topic, _ = topics[(n * 7) % len(topics)]
        Suggestion.objects.create(
            number=f"第{n}号",
            kind="发言建议",
            title=f"关于{topic}的发言建议",
            date=session,
            lead=rng.choice(county),
            state=Suggestion.State.CLOSED,
        )
        made += 1

    # Between sessions: recent suggestions, some not assigned yet, some due this week.
    due_today = (today - add_months(today, -3)).days  # assigned so, the reply is due today
    plans = [
        # (days ago made, days ago assigned, unit, accepted, answered)
        (120, 95, demo_unit, True, False),  # overdue at the demo unit
        (due_today + 6, due_today, demo_unit, False, False),  # due today, not yet signed
        (100, 88, demo_unit, True, False),  # due within the week
        (96, 90, units.get("区教育局"), True, False),
        (60, 50, demo_unit, True, False),
        (30, 20, demo_unit, False, False),  # to sign
        (25, 15, units.get("区交通运输局"), False, False),
        (12, None, None, False, False),  # 待交办
        (5, None, None, False, False),
    ]
    for i, (made_ago, assigned_ago, unit, accepted, _answered) in enumerate(plans):
        topic, _ = topics[(i * 5 + 3) % len(topics)]
        s = new(200 + i, "闭会期间建议", _this_year(today - made_ago * DAY, today), topic)
        made += 1
        if assigned_ago is None or unit is None:
            continue
        s = services.assign(
            s, clerk, lead_unit=unit, assigned=_this_year(today - assigned_ago * DAY, today)
        )
        if accepted:
            services.accept(s, clerk, unit=unit)
    # One the deputy found unsatisfactory: back with the demo unit for a second handling.
    if today < datetime.date(today.year, 5, 1):
        return made  # too early in the year for a second handling
    s = new(230, "闭会期间建议", today - 110 * DAY, "增加城区停车位")
    s = services.assign(s, clerk, lead_unit=demo_unit, assigned=today - 100 * DAY)
    services.accept(s, clerk, unit=demo_unit)
    s = services.reply(
        s,
        clerk,
        unit=demo_unit,
        date=today - 30 * DAY,
        text="收悉。已纳入停车设施建设计划。",
        result="B",
    )
    services.record_opinion(
        s,
        clerk,
        opinion="不满意",
        reason="新增停车位离小区太远，居民停车难仍未解决",
        today=today - 20 * DAY,
    )
    return made + 1
