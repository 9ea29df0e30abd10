import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from congress.records.models import Record
from congress.records.uploads import validate_document
from meetings.models import YearQuerySet


class SuggestionQuerySet(YearQuerySet):
    def unrated(self, today):
        """Replies the deputy has not rated within STAFF_RATE_DAYS: staff follow them up."""
        import datetime

        from django.conf import settings

        days = settings.CONGRESS["STAFF_RATE_DAYS"]
        return self.filter(
            state=Suggestion.State.ANSWERED,
            opinion="",
            reply_date__lte=today - datetime.timedelta(days=days),
        )

    def suggestions(self):
        """代表建议 and 闭会期间建议: the items the handling rates are computed over."""
        return self.filter(kind__in=Suggestion.SUGGESTION_KINDS)

    def handled(self):
        """Rows that count for 办结率: not rejected, not withdrawn."""
        return self.suggestions().exclude(
            state__in=(Suggestion.State.REJECTED, Suggestion.State.WITHDRAWN)
        )

    def overdue(self, today: datetime.date | None = None):
        """Assigned items whose reply deadline has passed without a reply."""
        today = today or timezone.localdate()
        return self.filter(state=Suggestion.State.HANDLING, deadline__lt=today)

    def for_unit(self, unit):
        """What a handling unit sees: items it leads or assists on."""
        return self.filter(Q(lead_unit=unit) | Q(assist_units=unit)).distinct()

    # What waits for a handling unit, by stage (its home page and its portal's filter).
    UNIT_STAGES = {
        "sign": "待签收",
        "answer": "待答复",
        "due": "七日内到期",
        "overdue": "已逾期",
        "again": "退回重办",
    }

    def waiting_for(self, unit, stage: str, today: datetime.date | None = None):
        today = today or timezone.localdate()
        mine = self.filter(lead_unit=unit, state=Suggestion.State.HANDLING)
        if stage == "sign":
            return mine.filter(accepted__isnull=True)
        if stage == "answer":
            return mine.filter(accepted__isnull=False)
        if stage == "due":
            return mine.filter(
                deadline__gte=today, deadline__lte=today + datetime.timedelta(days=7)
            )
        if stage == "overdue":
            return mine.filter(deadline__lt=today)
        if stage == "again":
            return mine.filter(round__gt=1)
        raise ValueError(stage)


class Suggestion(Record):
    """代表建议: a deputy's suggestion, motion or speech, followed from submission to closure."""

    # The date that puts a record in one year's figures (congress.site.apps invalidates by it).
    year_field = "date"

    class Kind(models.TextChoices):
        SUGGESTION = "代表建议", _("代表建议")
        INTERSESSION = "闭会期间建议", _("闭会期间建议")
        MOTION = "议案", _("议案")
        SPEECH = "发言建议", _("发言建议")

    class State(models.TextChoices):
        NEW = "待交办", _("待交办")
        HANDLING = "办理中", _("办理中")
        ANSWERED = "已答复", _("已答复")
        CLOSED = "已办结", _("已办结")
        REJECTED = "不予立案", _("不予立案")
        WITHDRAWN = "撤回", _("撤回")

    class Result(models.TextChoices):
        A = "A", _("A 已解决或基本解决")
        B = "B", _("B 正在解决或列入计划")
        C = "C", _("C 因条件限制暂不能解决")
        D = "D", _("D 留作参考")

    class Opinion(models.TextChoices):
        SATISFIED = "满意", _("满意")
        FAIRLY = "基本满意", _("基本满意")
        UNSATISFIED = "不满意", _("不满意")

    SUGGESTION_KINDS = (Kind.SUGGESTION, Kind.INTERSESSION)

    number = models.CharField(_("编号"), max_length=20)
    kind = models.CharField(_("类别"), max_length=6, choices=Kind.choices, default=Kind.SUGGESTION)
    title = models.CharField(_("标题"), max_length=200)
    text = models.TextField(_("内容"), blank=True)
    date = models.DateField(_("提出日期"))
    year = models.PositiveSmallIntegerField(_("年度"), editable=False)
    lead = models.ForeignKey(
        "deputies.Deputy",
        on_delete=models.PROTECT,
        related_name="suggestions_led",
        verbose_name=_("领衔代表"),
    )
    cosigners = models.ManyToManyField(
        "deputies.Deputy",
        blank=True,
        related_name="suggestions_cosigned",
        verbose_name=_("附议代表"),
    )
    topic = models.CharField(
        _("内容分类"), max_length=30, blank=True, help_text=_("例如：城乡建设、教育卫生、农业农村")
    )
    state = models.CharField(_("办理状态"), max_length=4, choices=State.choices, default=State.NEW)
    reject_reason = models.CharField(_("不予立案理由"), max_length=200, blank=True)
    from_motion = models.BooleanField(_("由议案转为建议"), default=False)
    lead_unit = models.ForeignKey(
        "congress.Unit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="suggestions_led",
        verbose_name=_("主办单位"),
    )
    assist_units = models.ManyToManyField(
        "congress.Unit", blank=True, related_name="suggestions_assisted", verbose_name=_("协办单位")
    )
    assigned = models.DateField(_("交办日期"), null=True, blank=True)
    deadline = models.DateField(_("答复期限"), null=True, blank=True)
    difficult = models.BooleanField(
        _("办理难度大"), default=False, help_text=_("答复期限按较长的月数计算")
    )
    accepted = models.DateField(_("签收日期"), null=True, blank=True)
    returned_reason = models.CharField(_("退办理由"), max_length=300, blank=True)
    key = models.BooleanField(_("重点督办"), default=False)
    key_leader = models.CharField(_("督办领导"), max_length=30, blank=True)
    round = models.PositiveSmallIntegerField(_("办理轮次"), default=1)
    reply_date = models.DateField(_("答复日期"), null=True, blank=True)
    reply_text = models.TextField(_("答复内容"), blank=True)
    reply_file = models.FileField(
        _("答复文件"), upload_to="replies/%Y/", blank=True, validators=[validate_document]
    )
    result = models.CharField(_("答复类别"), max_length=1, choices=Result.choices, blank=True)
    opinion = models.CharField(_("代表意见"), max_length=4, choices=Opinion.choices, blank=True)
    # What the deputy said with it (required with 不满意 when staff record it), when, and the
    # 征询意见表 they signed.
    opinion_reason = models.TextField(_("代表意见说明"), blank=True)
    opinion_date = models.DateField(_("代表意见日期"), null=True, blank=True)
    opinion_file = models.FileField(
        _("征询意见表"), upload_to="opinions/%Y/", blank=True, validators=[validate_document]
    )
    litigation = models.BooleanField(_("转公益诉讼"), default=False)

    objects = SuggestionQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("代表建议")
        verbose_name_plural = _("代表建议")
        permissions = [
            ("handle_suggestion", _("承办单位签收、退办和答复")),
            ("represent_suggestion", _("代表查看本人的建议并评价答复")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "kind", "number"], name="suggestion_number_per_year"
            ),
        ]
        indexes = [
            # Year figures and the staff list filter by kind and date.
            models.Index(fields=["kind", "date"], name="suggestion_kind_date"),
            # The overdue list and the dashboard's attention panel.
            models.Index(fields=["state", "deadline"], name="suggestion_state_deadline"),
            # The dashboard's "deputy not satisfied" panel.
            models.Index(
                fields=["deadline"], condition=Q(opinion="不满意"), name="suggestion_unsatisfied"
            ),
        ]

    def clean(self) -> None:
        from django.utils import timezone

        from congress.records.rules import Rules

        r = Rules()
        # The ledger finds a row's record by this very key, so it has checked it already.
        if self.number and self.kind and self.date and not getattr(self, "key_checked", False):
            clash = Suggestion.objects.filter(
                year=self.date.year, kind=self.kind, number=self.number
            )
            if self.pk:
                clash = clash.exclude(pk=self.pk)
            if clash.exists():
                r.add("number", f"{self.date.year}年已有编号为“{self.number}”的{self.kind}。")
        if self.from_motion and self.kind == self.Kind.MOTION:
            r.add("from_motion", "“由议案转为建议”的类别应为代表建议。")
        if self.date and self.date > timezone.localdate():
            r.add("date", "提出日期不能晚于今天。")
        if self.assigned and self.date and self.assigned < self.date:
            r.add("assigned", "交办日期不能早于提出日期。")
        if self.reply_date and self.assigned and self.reply_date < self.assigned:
            r.add("reply_date", "答复日期不能早于交办日期。")
        r.check()

    def draft_files(self):
        """The attachments of the drafts registered as, or merged into, this suggestion."""
        return DraftFile.objects.filter(draft__suggestion=self)

    def __str__(self) -> str:
        return f"{self.number} {self.title}"

    def complete(self) -> None:
        self.year = self.date.year

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return (
            self.state == self.State.HANDLING
            and self.deadline is not None
            and self.deadline < today
        )

    def key_label(self) -> str:
        return "重点督办" if self.key else ""

    def reply_months(self) -> int:
        key = "REPLY_MONTHS_DIFFICULT" if self.difficult else "REPLY_MONTHS"
        return settings.CONGRESS[key]


class SuggestionEvent(models.Model):
    """办理记录: one step of a suggestion's handling, with who and when."""

    suggestion = models.ForeignKey(
        Suggestion, on_delete=models.CASCADE, related_name="events", verbose_name=_("代表建议")
    )
    at = models.DateTimeField(_("时间"), default=timezone.now)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("操作人"),
    )
    action = models.CharField(_("操作"), max_length=20)
    from_state = models.CharField(_("原状态"), max_length=4, blank=True)
    to_state = models.CharField(_("新状态"), max_length=4, blank=True)
    note = models.TextField(_("说明"), blank=True)

    class Meta:
        ordering = ["suggestion", "at", "pk"]
        verbose_name = _("办理记录")
        verbose_name_plural = _("办理记录")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action}"


class Contact(models.Model):
    """沟通记录: a handling unit's contact with the deputy about a suggestion, and what was
    agreed; the deputy reads it in their timeline."""

    class Form(models.TextChoices):
        PHONE = "电话", _("电话")
        MEETING = "面商", _("面商")
        FORUM = "座谈", _("座谈")
        WRITTEN = "书面", _("书面")

    suggestion = models.ForeignKey(
        Suggestion, on_delete=models.CASCADE, related_name="contacts", verbose_name=_("代表建议")
    )
    unit = models.ForeignKey(
        "congress.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("承办单位")
    )
    date = models.DateField(_("沟通日期"))
    form = models.CharField(_("沟通方式"), max_length=2, choices=Form.choices)
    person = models.CharField(_("沟通对象"), max_length=60)
    agreed = models.TextField(_("沟通情况和商定事项"))
    created = models.DateTimeField(_("记录时间"), auto_now_add=True)

    class Meta:
        ordering = ["suggestion", "date", "pk"]
        verbose_name = _("沟通记录")
        verbose_name_plural = _("沟通记录")

    def __str__(self) -> str:
        return f"{self.date} {self.form} {self.person}"


class AssignmentLetter(Record):
    """交办函: the letter that sends one unit its suggestions, with its own 文号."""

    number = models.CharField(_("文号"), max_length=60, unique=True)
    unit = models.ForeignKey(
        "congress.Unit",
        on_delete=models.PROTECT,
        related_name="letters",
        verbose_name=_("承办单位"),
    )
    date = models.DateField(_("交办日期"))
    suggestions = models.ManyToManyField(
        Suggestion, related_name="letters", verbose_name=_("交办的建议")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("经办人"),
    )

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("交办函")
        verbose_name_plural = _("交办函")

    def __str__(self) -> str:
        return f"{self.number}（{self.unit}）"


class Draft(models.Model):
    """代表提交的建议: one a deputy writes in their portal, before the office registers it
    (立案, when it becomes a 代表建议 with the next number), refuses it with a reason, or merges
    it into another. Until then it counts in no figure."""

    class State(models.TextChoices):
        DRAFT = "草稿", _("草稿")
        SUBMITTED = "已提交", _("已提交")
        REGISTERED = "已立案", _("已立案")
        REFUSED = "不予立案", _("不予立案")
        MERGED = "已并案", _("已并案")

    lead = models.ForeignKey(
        "deputies.Deputy",
        on_delete=models.PROTECT,
        related_name="drafts",
        verbose_name=_("领衔代表"),
    )
    kind = models.CharField(
        _("类别"),
        max_length=6,
        choices=[
            (Suggestion.Kind.SUGGESTION, "代表建议"),
            (Suggestion.Kind.INTERSESSION, "闭会期间建议"),
        ],
        default=Suggestion.Kind.INTERSESSION,
    )
    title = models.CharField(_("标题"), max_length=200)
    text = models.TextField(_("建议内容"))
    state = models.CharField(_("状态"), max_length=4, choices=State.choices, default=State.DRAFT)
    reason = models.TextField(_("不予立案的理由"), blank=True)
    suggestion = models.ForeignKey(
        Suggestion,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="drafts",
        verbose_name=_("立案或并入的建议"),
    )
    created = models.DateTimeField(_("创建时间"), auto_now_add=True)
    submitted = models.DateTimeField(_("提交时间"), null=True, blank=True)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("代表提交的建议")
        verbose_name_plural = _("代表提交的建议")
        # The office's review list: what was submitted, oldest first.
        indexes = [models.Index(fields=["state", "submitted"], name="draft_state_submitted")]

    def __str__(self) -> str:
        return self.title


class Cosign(models.Model):
    """附议: a deputy invited to cosign a draft; only a confirmed cosigner counts."""

    class State(models.TextChoices):
        INVITED = "待确认", _("待确认")
        CONFIRMED = "已确认", _("已确认")
        DECLINED = "已谢绝", _("已谢绝")

    draft = models.ForeignKey(
        Draft, on_delete=models.CASCADE, related_name="cosigns", verbose_name=_("建议")
    )
    deputy = models.ForeignKey(
        "deputies.Deputy",
        on_delete=models.CASCADE,
        related_name="cosigns",
        verbose_name=_("附议代表"),
    )
    state = models.CharField(_("状态"), max_length=3, choices=State.choices, default=State.INVITED)
    answered = models.DateTimeField(_("答复时间"), null=True, blank=True)

    class Meta:
        ordering = ["draft", "pk"]
        verbose_name = _("附议邀请")
        verbose_name_plural = _("附议邀请")
        constraints = [
            models.UniqueConstraint(fields=["draft", "deputy"], name="cosign_once"),
        ]

    def __str__(self) -> str:
        return f"{self.deputy}：{self.state}"


class DraftFile(models.Model):
    """A document the deputy attaches to a draft (调研报告, 照片); it follows the draft into the
    suggestion it becomes, for the office and the units that handle it."""

    MAX_PER_DRAFT = 5

    draft = models.ForeignKey(
        Draft, on_delete=models.CASCADE, related_name="files", verbose_name=_("建议")
    )
    file = models.FileField(_("附件"), upload_to="drafts/%Y/", validators=[validate_document])
    added = models.DateTimeField(_("上传时间"), auto_now_add=True)

    class Meta:
        ordering = ["draft", "pk"]
        verbose_name = _("建议附件")
        verbose_name_plural = _("建议附件")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.file.name.rsplit("/", 1)[-1]

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        others = DraftFile.objects.filter(draft_id=self.draft_id).exclude(pk=self.pk).count()
        if others >= self.MAX_PER_DRAFT:
            raise ValidationError(
                _("一件建议最多附 %(n)s 个附件。"), params={"n": self.MAX_PER_DRAFT}
            )
