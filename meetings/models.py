from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Max, Q
from django.utils.translation import gettext_lazy as _

from congress.documents.text import cn_number
from congress.records.models import Record
from congress.records.uploads import validate_document


class YearQuerySet(models.QuerySet):
    date_field = "date"

    def in_year(self, year: int):
        return self.filter(**{f"{self.date_field}__year": year})


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
    present = models.PositiveSmallIntegerField(_("出席人数"), null=True, blank=True)
    on_leave = models.PositiveSmallIntegerField(_("请假人数"), null=True, blank=True)
    notes = models.TextField(_("备注"), blank=True)

    objects = YearQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("会议")
        verbose_name_plural = _("会议")
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

    class Meta:
        ordering = ["meeting", "order", "pk"]
        verbose_name = _("议题")
        verbose_name_plural = _("议题")

    def __str__(self) -> str:
        return self.title


class MeetingDocument(models.Model):
    """会议材料: a document attached to a meeting (PDF, Word or an image)."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="documents", verbose_name=_("会议")
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
        """表决结果, as the minutes write it: 通过（赞成25票，反对0票，弃权1票）."""
        if self.votes_for is None:
            return ""
        against, abstain = self.votes_against or 0, self.votes_abstain or 0
        outcome = "通过" if self.votes_for > against + abstain else "未通过"
        return f"{outcome}（赞成{self.votes_for}票，反对{against}票，弃权{abstain}票）"

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
