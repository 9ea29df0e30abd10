import datetime
import re

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Max, Q
from django.utils.translation import gettext_lazy as _

from congress.documents.text import cn_number
from congress.records.models import Record
from congress.records.uploads import validate_document
from congress.work.models import Job


class YearQuerySet(models.QuerySet):
    date_field = "date"

    def in_year(self, year: int):
        return self.filter(**{f"{self.date_field}__year": year})


class MeetingQuerySet(YearQuerySet):
    def for_member(self, member):
        """The meetings a member attends: the 常委会会议 of their time in office, and the 主任会议
        when they are 主任, 副主任 or 秘书长; or any meeting their attendance is recorded at."""
        served = Q(date__gte=member.start)
        if member.end:
            served &= Q(date__lte=member.end)
        kinds = ["常委会会议"] + (["主任会议"] if member.post != "委员" else [])
        return self.filter((served & Q(kind__in=kinds)) | Q(attendance__member=member)).distinct()


class Meeting(Record):
    """会议: a standing-committee, chairman's or congress session meeting."""

    # The date that puts a record in one year's figures (congress.site.apps invalidates by it).
    year_field = "date"

    class Kind(models.TextChoices):
        STANDING = "常委会会议", _("常委会会议")
        CHAIRMAN = "主任会议", _("主任会议")
        CONGRESS = "人民代表大会会议", _("人民代表大会会议")

    kind = models.CharField(
        _("会议类型"), max_length=10, choices=Kind.choices, default=Kind.STANDING
    )
    term = models.PositiveSmallIntegerField(
        _("届次"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    seq = models.PositiveSmallIntegerField(
        _("次数"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("本届内的次数，每届重新计数；留空自动续号"),
    )
    name = models.CharField(
        _("会议名称"),
        max_length=120,
        unique=True,
        blank=True,
        help_text=_("留空则按届次和次数生成"),
    )
    date = models.DateField(_("召开日期"))
    place = models.CharField(_("地点"), max_length=100, blank=True)
    # Counted from the attendance rows (Meeting.count_attendance), never typed.
    present = models.PositiveSmallIntegerField(_("出席人数"), null=True, blank=True, editable=False)
    on_leave = models.PositiveSmallIntegerField(
        _("请假人数"), null=True, blank=True, editable=False
    )
    notes = models.TextField(_("备注"), blank=True)
    # 会议通知: its 文号 and date once issued, and who attends besides the members.
    time = models.CharField(_("开会时间"), max_length=30, blank=True, help_text=_("如 上午9:00"))
    guests = models.TextField(
        _("列席人员"),
        blank=True,
        help_text=_("如 区人民政府有关负责同志、受邀的区人大代表；每行一项"),
    )
    minutes = models.FileField(
        _("会议纪要（定稿）"),
        upload_to="minutes/%Y/",
        blank=True,
        validators=[validate_document],
        help_text=_("系统生成纪要初稿（Word），办公室修改定稿后在此上传"),
    )
    notice_number = models.CharField(_("通知文号"), max_length=60, blank=True, editable=False)
    notice_date = models.DateField(_("通知印发日期"), null=True, blank=True, editable=False)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("会议")
        verbose_name_plural = _("会议")
        permissions = [("attend_meeting", _("作为组成人员查阅会议通知和材料"))]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "term", "seq"],
                name="meeting_unique_seq",
                condition=Q(term__isnull=False, seq__isnull=False),
            ),
        ]
        # Year figures count meetings by kind within a year.
        indexes = [models.Index(fields=["kind", "date"], name="meeting_kind_date")]

    def clean(self) -> None:
        from congress.records.rules import Rules

        r = Rules()
        if self.seq and not self.term:
            r.add("term", "填写了次数时必须填写届次。")
        if self.term and self.seq and self.kind:
            clash = Meeting.objects.filter(kind=self.kind, term=self.term, seq=self.seq)
            if self.pk:
                clash = clash.exclude(pk=self.pk)
            if clash.exists():
                r.add("seq", f"第{self.term}届已有第{self.seq}次{self.kind}。")
        r.check()

    def __str__(self) -> str:
        return self.name

    def default_name(self, level: str | None = None) -> str:
        """区第十八届人大常委会第二十五次会议, from the profile's level, the 届 and the number."""
        from congress.accounts.models import Profile

        if not self.term or not self.seq:
            return ""
        level = level or Profile.get().level
        body = {
            self.Kind.STANDING: "人大常委会第{n}次会议",
            self.Kind.CHAIRMAN: "人大常委会第{n}次主任会议",
            self.Kind.CONGRESS: "人民代表大会第{n}次会议",
        }[self.Kind(self.kind)]
        return f"{level}第{cn_number(self.term)}届" + body.format(n=cn_number(self.seq))

    @property
    def short_name(self) -> str:
        """第二十次常委会会议: the name within its 届, as a roster of the 届's meetings writes it."""
        if self.term and self.seq and self.kind != self.Kind.CONGRESS:
            return f"第{cn_number(self.seq)}次{self.kind}"
        return self.name

    def count_attendance(self) -> None:
        """出席人数 and 请假人数 counted from the attendance rows (no longer typed)."""
        rows = self.attendance.all()
        if rows.exists():
            self.present = rows.filter(status="出席").count()
            self.on_leave = rows.filter(status="请假").count()
            Meeting.objects.filter(pk=self.pk).update(present=self.present, on_leave=self.on_leave)

    def next_seq(self) -> int:
        top = Meeting.objects.filter(kind=self.kind, term=self.term).aggregate(m=Max("seq"))["m"]
        return (top or 0) + 1

    def complete(self) -> None:
        if self.term and not self.seq:
            self.seq = self.next_seq()
        if not self.name:
            self.name = self.default_name() or f"{self.get_kind_display()}（{self.date}）"


class AgendaItem(models.Model):
    """议题: one item on a meeting's agenda, in order."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="agenda", verbose_name=_("会议")
    )
    order = models.PositiveSmallIntegerField(_("序号"), default=1)
    time = models.CharField(
        _("时间"), max_length=30, blank=True, help_text=_("会议日程中的时间，如 9:00—9:40")
    )
    title = models.CharField(_("议题"), max_length=300)
    reporter = models.CharField(_("汇报单位或汇报人"), max_length=100, blank=True)
    oversight = models.ForeignKey(
        "oversight.OversightItem",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agenda_items",
        verbose_name=_("相关监督工作"),
    )
    decision = models.ForeignKey(
        "Decision",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agenda_items",
        verbose_name=_("相关决议决定"),
    )
    appointments = models.ManyToManyField(
        "Appointment",
        blank=True,
        related_name="agenda_items",
        verbose_name=_("表决的人事任免"),
        help_text=_("本次会议表决的人事任免事项"),
    )

    class Meta:
        ordering = ["meeting", "order", "pk"]
        verbose_name = _("议题")
        verbose_name_plural = _("议题")

    def __str__(self) -> str:
        return self.title


class MeetingDocument(models.Model):
    """会议材料: a document attached to a meeting (PDF, Word or an image), under the agenda item
    it belongs to, in the order the pack prints them."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="documents", verbose_name=_("会议")
    )
    item = models.ForeignKey(
        AgendaItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("所属议题"),
        help_text=_("会议材料汇编按议题顺序编排；不选则排在最后"),
    )
    title = models.CharField(_("标题"), max_length=200, blank=True)
    file = models.FileField(_("文件"), upload_to="meetings/%Y/", validators=[validate_document])
    uploaded = models.DateTimeField(_("上传时间"), auto_now_add=True)

    class Meta:
        ordering = ["meeting", "pk"]
        verbose_name = _("会议材料")
        verbose_name_plural = _("会议材料")

    def __str__(self) -> str:
        return self.title or self.file.name.rsplit("/", 1)[-1]


class Decision(Record):
    """决议决定: a resolution or decision adopted at a meeting."""

    # The date that puts a record in one year's figures (congress.site.apps invalidates by it).
    year_field = "date"

    class Kind(models.TextChoices):
        RESOLUTION = "决议", _("决议")
        DECISION = "决定", _("决定")

    title = models.CharField(_("名称"), max_length=200, unique=True)
    doc_number = models.CharField(
        _("文号"), max_length=60, blank=True, help_text=_("如 安人常发〔2026〕3号")
    )
    kind = models.CharField(_("类型"), max_length=4, choices=Kind.choices, default=Kind.DECISION)
    date = models.DateField(_("通过日期"))
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decisions",
        verbose_name=_("会议"),
    )
    text = models.TextField(_("全文"), blank=True)

    objects = YearQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("决议决定")
        verbose_name_plural = _("决议决定")
        indexes = [models.Index(fields=["date"], name="decision_date")]

    def __str__(self) -> str:
        return self.title

    @property
    def vote_result(self) -> str:
        """通过（赞成25票…）: its adoption as the meeting's vote on it says."""
        vote = next(iter(self.votes.all()), None) if self.pk else None
        return vote.result if vote is not None else ""


class OathCeremony(Record):
    """宪法宣誓仪式: one ceremony at which several appointees swear the oath together."""

    date = models.DateField(_("宣誓日期"))
    form = models.CharField(_("宣誓形式"), max_length=6, default="集体宣誓")
    place = models.CharField(_("地点"), max_length=100, blank=True)
    presided_by = models.CharField(_("监誓人"), max_length=60, blank=True)
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="oath_ceremonies",
        verbose_name=_("会议"),
    )

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("宪法宣誓仪式")
        verbose_name_plural = _("宪法宣誓仪式")

    def __str__(self) -> str:
        return f"{self.date:%Y年%-m月%-d日}{self.form}"


class AppointmentQuerySet(YearQuerySet):
    def awaiting_oath(self):
        """Appointees who must take the constitutional oath and have not yet."""
        return self.filter(kind__in=Appointment.OATH_KINDS, oath_date__isnull=True)


class Appointment(Record):
    """人事任免: one appointment or removal voted by the committee."""

    # The date that puts a record in one year's figures (congress.site.apps invalidates by it).
    year_field = "date"

    class Kind(models.TextChoices):
        APPOINT = "任命", _("任命")
        REMOVE = "免职", _("免职")
        DECIDE_APPOINT = "决定任命", _("决定任命")
        DECIDE_REMOVE = "决定免职", _("决定免职")
        ACTING = "决定代理", _("决定代理")
        RESIGNATION = "接受辞职", _("接受辞职")
        DISMISS = "撤职", _("撤职")

    class OathForm(models.TextChoices):
        INDIVIDUAL = "个人宣誓", _("个人宣誓")
        COLLECTIVE = "集体宣誓", _("集体宣誓")

    # Those appointed (not removed) swear the constitutional oath (宪法宣誓制度).
    OATH_KINDS = (Kind.APPOINT, Kind.DECIDE_APPOINT, Kind.ACTING)

    person = models.CharField(_("姓名"), max_length=30)
    kind = models.CharField(_("任免类型"), max_length=6, choices=Kind.choices)
    post = models.CharField(_("职务"), max_length=120)
    organisation = models.CharField(_("单位"), max_length=120, blank=True)
    date = models.DateField(_("日期"))
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="appointments",
        verbose_name=_("会议"),
    )
    doc_number = models.CharField(
        _("文号"), max_length=60, blank=True, help_text=_("任免通知的文号")
    )
    proposer = models.CharField(
        _("提请人"), max_length=60, blank=True, help_text=_("如 区长、区人大常委会主任会议")
    )
    votes_for = models.PositiveSmallIntegerField(_("赞成票"), null=True, blank=True)
    votes_against = models.PositiveSmallIntegerField(_("反对票"), null=True, blank=True)
    votes_abstain = models.PositiveSmallIntegerField(_("弃权票"), null=True, blank=True)
    oath_date = models.DateField(_("宪法宣誓日期"), null=True, blank=True)
    oath_form = models.CharField(_("宣誓形式"), max_length=6, choices=OathForm.choices, blank=True)
    ceremony = models.ForeignKey(
        OathCeremony,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="appointments",
        verbose_name=_("宣誓仪式"),
    )

    objects = AppointmentQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "person"]
        verbose_name = _("人事任免")
        verbose_name_plural = _("人事任免")
        constraints = [
            models.UniqueConstraint(
                fields=["person", "post", "date"], name="appointment_natural_key"
            ),
        ]
        indexes = [models.Index(fields=["date"], name="appointment_date")]

    @property
    def vote_result(self) -> str:
        """表决结果, as the minutes write it: 通过（赞成25票，反对0票，弃权1票）. From the
        meeting's vote on this appointment where there is one; passed when 赞成 is more than
        half of all members serving that day."""
        vote = next(iter(self.votes.all()), None) if self.pk else None
        if vote is not None:
            return vote.result
        if self.votes_for is None:
            return ""
        serving = serving_count(self.meeting.date if self.meeting_id else self.date)
        if serving:
            against, abstain = self.votes_against or 0, self.votes_abstain or 0
            outcome = "通过" if self.votes_for * 2 > serving else "未通过"
            return f"{outcome}（赞成{self.votes_for}票，反对{against}票，弃权{abstain}票）"
        against, abstain = self.votes_against or 0, self.votes_abstain or 0
        outcome = "通过" if self.votes_for > against + abstain else "未通过"
        return f"{outcome}（赞成{self.votes_for}票，反对{against}票，弃权{abstain}票）"

    @property
    def vote_brief(self) -> str:
        """通过（27/0/1）: the result and the 赞成/反对/弃权 counts, as a roster's column."""
        full = self.vote_result
        if not full:
            return ""
        outcome, _, counts = full.partition("（")
        numbers = re.findall(r"\d+", counts)
        return f"{outcome}（{'/'.join(numbers)}）"

    def clean(self) -> None:
        from congress.records.rules import Rules

        r = Rules()
        if self.oath_date and self.kind and self.kind not in self.OATH_KINDS:
            r.add("oath_date", f"“{self.kind}”无需进行宪法宣誓。")
        if self.oath_date and self.date and self.oath_date < self.date:
            r.add("oath_date", "宣誓日期不能早于任命日期。")
        if self.oath_form and not self.oath_date:
            r.add("oath_date", "填写了宣誓形式时必须填写宣誓日期。")
        r.check()

    def __str__(self) -> str:
        return f"{self.person}（{self.kind}{self.post}）"

    @property
    def needs_oath(self) -> bool:
        return self.kind in self.OATH_KINDS

    @property
    def sworn(self) -> bool:
        return self.oath_date is not None

    def oath_status(self) -> str:
        if not self.needs_oath:
            return "无需宣誓"
        return f"已宣誓（{self.oath_date}）" if self.sworn else "待宣誓"


def related(obj: models.Model, name: str):
    """The record a foreign key names, whether saved or only resolved by the ledger in memory."""
    field = obj._meta.get_field(name)
    cached = field.get_cached_value(obj, default=None)
    if cached is not None:
        return cached
    return getattr(obj, name) if getattr(obj, field.attname) else None


class MemberQuerySet(models.QuerySet):
    def serving(self, day):
        """The members serving on that day: appointed by it and not yet left."""
        return self.filter(start__lte=day).filter(Q(end__isnull=True) | Q(end__gte=day))


class Member(Record):
    """组成人员: a member of the standing committee in one 届 (主任, 副主任, 秘书长 or 委员)."""

    class Post(models.TextChoices):
        CHAIR = "主任", _("主任")
        VICE = "副主任", _("副主任")
        SECRETARY = "秘书长", _("秘书长")
        MEMBER = "委员", _("委员")

    name = models.CharField(_("姓名"), max_length=30)
    post = models.CharField(_("职务"), max_length=4, choices=Post.choices, default=Post.MEMBER)
    term = models.PositiveSmallIntegerField(_("届次"), validators=[MinValueValidator(1)])
    start = models.DateField(_("任职日期"))
    end = models.DateField(_("离任日期"), null=True, blank=True, help_text=_("留空：仍在任"))
    deputy = models.ForeignKey(
        "deputies.Deputy",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("对应的人大代表"),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="member",
        verbose_name=_("登录账号"),
    )

    objects = MemberQuerySet.as_manager()

    class Meta:
        ordering = ["-term", "start", "pk"]
        verbose_name = _("组成人员")
        verbose_name_plural = _("组成人员")
        constraints = [
            # The ledger's natural key: one row per person and 届.
            models.UniqueConstraint(fields=["name", "term"], name="member_natural_key"),
        ]
        # Who serves on a meeting's day: every attendance form and vote asks.
        indexes = [models.Index(fields=["start", "end"], name="member_serving")]

    ORDER = {"主任": 0, "副主任": 1, "秘书长": 2, "委员": 3}

    def __str__(self) -> str:
        return f"{self.name}（{self.post}）"

    def clean(self) -> None:
        from congress.records.rules import Rules

        r = Rules()
        if self.start and self.end and self.end < self.start:
            r.add("end", "离任日期不能早于任职日期。")
        if self.name and self.start:
            others = Member.objects.filter(name=self.name).exclude(pk=self.pk)
            end = self.end or datetime.date.max
            overlap = others.filter(start__lte=end).filter(
                Q(end__isnull=True) | Q(end__gte=self.start)
            )
            clash = overlap.first()
            if clash is not None:
                r.add(
                    "start",
                    f"{self.name}在此期间已任{clash.post}（第{clash.term}届）：同一人同一时间只能担任一个职务。",
                )
        r.check()


def serving_count(day) -> int:
    """全体组成人员: how many serve on that day (the base of 过半数)."""
    return Member.objects.serving(day).count()


class Attendance(Record):
    """会议出席: one member at one meeting: 出席, 请假 (with the reason) or 缺席."""

    year_field = "day"

    class Status(models.TextChoices):
        PRESENT = "出席", _("出席")
        LEAVE = "请假", _("请假")
        ABSENT = "缺席", _("缺席")

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="attendance", verbose_name=_("会议")
    )
    member = models.ForeignKey(
        Member, on_delete=models.PROTECT, related_name="attendance", verbose_name=_("组成人员")
    )
    status = models.CharField(
        _("出席情况"), max_length=2, choices=Status.choices, default=Status.PRESENT
    )
    reason = models.CharField(_("请假事由"), max_length=100, blank=True)
    # The meeting's date, kept on the row: the year's figures count by it without a join.
    day = models.DateField(_("会议日期"), editable=False, null=True)

    class Meta:
        ordering = ["meeting", "member__start", "pk"]
        verbose_name = _("会议出席")
        verbose_name_plural = _("会议出席")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "member"], name="attendance_once"),
        ]
        # 组成人员出席率: the year's rows by status.
        indexes = [models.Index(fields=["day", "status"], name="attendance_day_status")]

    def __str__(self) -> str:
        return f"{self.member.name if self.member_id else ''}：{self.status}"

    def complete(self) -> None:
        meeting = related(self, "meeting")
        if meeting is not None:
            self.day = meeting.date

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.meeting.count_attendance()

    def delete(self, *args, **kwargs):
        meeting = self.meeting
        result = super().delete(*args, **kwargs)
        meeting.count_attendance()
        return result

    def clean(self) -> None:
        from congress.records.rules import Rules

        r = Rules()
        if self.reason and self.status != self.Status.LEAVE:
            r.add("reason", "只有请假时填写请假事由。")
        meeting = related(self, "meeting")
        member = related(self, "member")
        if meeting is not None and meeting.kind not in (
            Meeting.Kind.STANDING,
            Meeting.Kind.CHAIRMAN,
        ):
            r.add("meeting", "只有常委会会议和主任会议登记组成人员出席情况。")
        if meeting is not None and member is not None and meeting.date:
            if member.start > meeting.date or (member.end and member.end < meeting.date):
                r.add(
                    "member",
                    f"{member.name}在{meeting.date.year}年{meeting.date.month}月{meeting.date.day}日"
                    "不是常委会组成人员。",
                )
        # One row at a time (the record form): the meeting's rows with this one must still show
        # a quorum. The attendance page and the ledger judge all rows of a meeting together.
        if meeting is not None and meeting.pk and not getattr(self, "judged_together", False):
            others = meeting.attendance.exclude(pk=self.pk).filter(status=self.Status.PRESENT)
            present = others.count() + (self.status == self.Status.PRESENT)
            message = quorum_message(meeting, present)
            if message:
                r.add("status", message)
        r.check()


def quorum_message(meeting: Meeting, present: int) -> str:
    """Why a 常委会会议 with ``present`` members 出席 cannot stand (it is held only when more
    than half of all members serving that day attend: 过半数出席), or "". The one message of
    the attendance page, the record form and the ledger."""
    if meeting.kind != Meeting.Kind.STANDING or not meeting.date:
        return ""
    serving = serving_count(meeting.date)
    if present * 2 <= serving:
        return (
            f"{meeting.name or '该会议'}出席{present}人，未超过全体组成人员{serving}人的半数："
            "常委会会议须有过半数组成人员出席方能举行。"
        )
    return ""


def quorum_problem(meeting: Meeting) -> str:
    """The rule over a meeting's saved rows (the ledger asks after writing a sheet)."""
    if not meeting.attendance.exists():
        return ""
    return quorum_message(meeting, meeting.attendance.filter(status="出席").count())


class Vote(Record):
    """表决: one item voted at a meeting, with its counts; passed or not follows from them."""

    year_field = "day"

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="votes", verbose_name=_("会议")
    )
    item = models.CharField(
        _("表决事项"),
        max_length=300,
        help_text=_("会议的议题，或决议决定的名称、人事任免的姓名"),
    )
    yes = models.PositiveSmallIntegerField(_("赞成"))
    no = models.PositiveSmallIntegerField(_("反对"))
    abstain = models.PositiveSmallIntegerField(_("弃权"))
    silent = models.PositiveSmallIntegerField(_("未按表决器"), default=0)
    appointment = models.ForeignKey(
        "Appointment",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="votes",
        verbose_name=_("人事任免"),
    )
    decision = models.ForeignKey(
        Decision,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="votes",
        verbose_name=_("决议决定"),
    )
    serving = models.PositiveSmallIntegerField(_("全体组成人员"), null=True, editable=False)
    day = models.DateField(_("会议日期"), editable=False, null=True)

    class Meta:
        ordering = ["meeting", "pk"]
        verbose_name = _("表决")
        verbose_name_plural = _("表决")
        constraints = [
            # The ledger's natural key: one vote on one item at one meeting.
            models.UniqueConstraint(fields=["meeting", "item"], name="vote_natural_key"),
        ]
        # 表决事项: the year's votes.
        indexes = [models.Index(fields=["day"], name="vote_day")]

    def __str__(self) -> str:
        return f"{self.item}：{self.result}"

    def complete(self) -> None:
        meeting = related(self, "meeting")
        if meeting is not None and meeting.date:
            self.day = meeting.date
            self.serving = serving_count(meeting.date)
        meeting_id = self.meeting_id
        # An item naming the person of an appointment or a decision of the meeting is its vote.
        if meeting_id and self.item:
            if self.appointment_id is None:
                self.appointment = Appointment.objects.filter(
                    meeting_id=meeting_id, person=self.item
                ).first()
            if self.decision_id is None:
                self.decision = Decision.objects.filter(
                    meeting_id=meeting_id, title=self.item
                ).first()

    @property
    def passed(self) -> bool:
        """赞成 more than half of all members serving that day, whoever attended."""
        return bool(self.serving) and self.yes * 2 > self.serving

    @property
    def result(self) -> str:
        outcome = "通过" if self.passed else "未通过"
        return f"{outcome}（赞成{self.yes}票，反对{self.no}票，弃权{self.abstain}票）"

    def clean(self) -> None:
        from congress.records.rules import Rules

        r = Rules()
        meeting = related(self, "meeting")
        counts = [self.yes, self.no, self.abstain, self.silent]
        if meeting is not None and meeting.date and None not in counts:
            serving = serving_count(meeting.date)
            if sum(counts) > serving:
                r.add(
                    "yes",
                    f"赞成、反对、弃权和未按表决器共{sum(counts)}票，超过了当日全体组成人员{serving}人。",
                )
        r.check()


class PackJob(Job):
    """会议材料汇编: one build of a meeting's pack (cover, contents, every material in agenda
    order, page numbers through the whole), done by a background job."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="packs", verbose_name=_("会议")
    )
    file = models.FileField(_("汇编文件"), upload_to="packs/%Y/", blank=True)
    pages = models.PositiveIntegerField(_("页数"), null=True, blank=True)
    listed = models.TextField(_("未能并入的材料"), blank=True)
    # What the pack was built from: a material changed since makes it stale.
    digest = models.CharField(_("材料校验值"), max_length=64, blank=True)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("会议材料汇编")
        verbose_name_plural = _("会议材料汇编")
        constraints = [
            # One build per meeting waiting or running: asking again joins it.
            models.UniqueConstraint(
                fields=["meeting"],
                condition=models.Q(status__in=["排队中", "生成中"]),
                name="one_active_pack_per_meeting",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.meeting}材料汇编（{self.status}）"
