import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from congress.records.models import Record
from congress.records.uploads import validate_document
from congress.work.dates import add_months
from meetings.models import YearQuerySet


class Satisfaction(models.TextChoices):
    SATISFIED = "满意", _("满意")
    FAIRLY = "基本满意", _("基本满意")
    UNSATISFIED = "不满意", _("不满意")


class OversightItem(Record):
    """监督工作: a report heard, an inspection, an inquiry, research or a filing review."""

    # The date that puts a record in one year's figures (congress.site.apps invalidates by it).
    year_field = "date"

    class Kind(models.TextChoices):
        WORK_REPORT = "专项工作报告", _("专项工作报告")
        BUDGET = "计划预算审查", _("计划预算审查")
        AUDIT = "审计工作报告", _("审计工作报告")
        INSPECTION = "执法检查", _("执法检查")
        INQUIRY = "专题询问", _("专题询问")
        INTERPELLATION = "质询", _("质询")
        RESEARCH = "专题调研", _("专题调研")
        VISIT = "视察", _("视察")
        FILING = "备案审查", _("备案审查")
        INVESTIGATION = "特定问题调查", _("特定问题调查")
        MAJOR_MATTER = "重大事项报告", _("重大事项报告")

    class Organ(models.TextChoices):
        GOVERNMENT = "人民政府", _("人民政府")
        SUPERVISION = "监察委员会", _("监察委员会")
        COURT = "人民法院", _("人民法院")
        PROCURATORATE = "人民检察院", _("人民检察院")

    kind = models.CharField(_("类型"), max_length=8, choices=Kind.choices)
    name = models.CharField(_("名称"), max_length=200)
    date = models.DateField(_("日期"), help_text=_("听取审议的日期，或活动开始的日期"))
    organ = models.CharField(_("被监督机关"), max_length=6, choices=Organ.choices, blank=True)
    department = models.CharField(_("承办部门"), max_length=100, blank=True)
    meeting = models.ForeignKey(
        "meetings.Meeting",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="oversight_items",
        verbose_name=_("会议"),
    )
    law = models.CharField(
        _("法律法规"), max_length=200, blank=True, help_text=_("执法检查所检查的法律法规")
    )
    joint = models.BooleanField(
        _("上下联动"), default=False, help_text=_("与上级人大联动开展或受其委托")
    )
    points = models.PositiveIntegerField(_("提出意见建议条数"), default=0)
    problems_solved = models.PositiveIntegerField(_("推动解决问题数"), default=0)
    satisfaction = models.CharField(
        _("满意度测评"),
        max_length=4,
        choices=Satisfaction.choices,
        blank=True,
        help_text=_("填写了测评票数时按票数得出"),
    )
    # 满意度测评 at the meeting that heard the report: the members' ballots, counted.
    rated_satisfied = models.PositiveSmallIntegerField(_("满意票"), null=True, blank=True)
    rated_fair = models.PositiveSmallIntegerField(_("基本满意票"), null=True, blank=True)
    rated_unsatisfied = models.PositiveSmallIntegerField(_("不满意票"), null=True, blank=True)
    notes = models.TextField(_("备注"), blank=True)

    objects = YearQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("监督工作")
        verbose_name_plural = _("监督工作")
        constraints = [
            models.UniqueConstraint(fields=["kind", "name"], name="oversight_natural_key"),
        ]
        # Year figures count items by kind (and joint) within a year.
        indexes = [models.Index(fields=["kind", "date"], name="oversight_kind_date")]

    def clean(self) -> None:
        from congress.records.rules import Rules

        r = Rules()
        if self.law and self.kind != self.Kind.INSPECTION:
            r.add("law", "只有执法检查需要填写所检查的法律法规。")
        if self.kind == self.Kind.INSPECTION and not self.law:
            r.add("law", "执法检查必须填写所检查的法律法规。")
        ballots = self.ballots
        if ballots is not None:
            if not self.meeting_id:
                r.add("meeting", "满意度测评的票数须对应听取报告的会议。")
            else:
                from meetings.models import serving_count

                serving = serving_count(self.meeting.date)
                cast = sum(ballots)
                if serving and cast > serving:
                    r.add(
                        "rated_satisfied",
                        f"满意度测评共{cast}票，超过了当日全体组成人员{serving}人。",
                    )
        r.check()

    def __str__(self) -> str:
        return self.name

    @property
    def ballots(self) -> tuple[int, int, int] | None:
        """(满意, 基本满意, 不满意) when any was counted."""
        counts = (self.rated_satisfied, self.rated_fair, self.rated_unsatisfied)
        if all(c is None for c in counts):
            return None
        return tuple(c or 0 for c in counts)

    def complete(self) -> None:
        # The grade follows from the ballots: 不满意 when more than half say so, 满意 when more
        # than half say so, else 基本满意.
        ballots = self.ballots
        if ballots and sum(ballots):
            satisfied, _fair, unsatisfied = ballots
            total = sum(ballots)
            if unsatisfied * 2 > total:
                self.satisfaction = Satisfaction.UNSATISFIED
            elif satisfied * 2 > total:
                self.satisfaction = Satisfaction.SATISFIED
            else:
                self.satisfaction = Satisfaction.FAIRLY

    def rating(self) -> str:
        """满意度测评 as the record shows it: 满意（满意20票、基本满意5票、不满意1票）."""
        if self.ballots is None:
            return self.satisfaction
        s, f, u = self.ballots
        return f"{self.satisfaction}（满意{s}票、基本满意{f}票、不满意{u}票）"


class OversightDocument(models.Model):
    """监督工作材料: a document of an oversight item."""

    item = models.ForeignKey(
        OversightItem,
        on_delete=models.CASCADE,
        related_name="documents",
        verbose_name=_("监督工作"),
    )
    title = models.CharField(_("标题"), max_length=200, blank=True)
    file = models.FileField(_("文件"), upload_to="oversight/%Y/", validators=[validate_document])

    class Meta:
        ordering = ["item", "pk"]
        verbose_name = _("监督工作材料")
        verbose_name_plural = _("监督工作材料")

    def __str__(self) -> str:
        return self.title or self.file.name.rsplit("/", 1)[-1]


class OpinionDocument(models.Model):
    """意见附件: a document sent with a review opinion (the signed opinion, a research report)."""

    opinion = models.ForeignKey(
        "ReviewOpinion",
        on_delete=models.CASCADE,
        related_name="documents",
        verbose_name=_("意见建议"),
    )
    title = models.CharField(_("标题"), max_length=200, blank=True)
    file = models.FileField(_("文件"), upload_to="opinions/%Y/", validators=[validate_document])
    reported = models.BooleanField(
        _("办理单位报告附件"), default=False, editable=False, help_text=_("承办单位报告时上传")
    )

    class Meta:
        ordering = ["opinion", "reported", "pk"]
        verbose_name = _("意见附件")
        verbose_name_plural = _("意见附件")

    def __str__(self) -> str:
        return self.title or self.file.name.rsplit("/", 1)[-1]


class OpinionQuerySet(YearQuerySet):
    def overdue(self, today: datetime.date | None = None):
        """审议意见 whose body has not reported back by the deadline."""
        today = today or timezone.localdate()
        return self.filter(state=ReviewOpinion.State.OPEN, deadline__lt=today)

    def to_report(self, unit=None):
        """Still waiting for the body's report (a unit's own, when given)."""
        qs = self.filter(state=ReviewOpinion.State.OPEN)
        return qs.filter(unit=unit) if unit is not None else qs


class ReviewOpinion(Record):
    """意见建议: a review opinion or research suggestion sent to a body, followed until it reports."""

    # The date that puts a record in one year's figures (congress.site.apps invalidates by it).
    year_field = "date"

    class Category(models.TextChoices):
        REVIEW = "审议意见", _("审议意见")
        RESEARCH = "调研建议", _("调研建议")

    class State(models.TextChoices):
        OPEN = "办理中", _("办理中")
        REPORTED = "已报告", _("已报告")
        CLOSED = "已办结", _("已办结")

    name = models.CharField(_("名称"), max_length=200, unique=True)
    doc_number = models.CharField(
        _("文号"), max_length=60, blank=True, help_text=_("如 安人常办〔2026〕12号")
    )
    category = models.CharField(
        _("类别"), max_length=4, choices=Category.choices, default=Category.REVIEW
    )
    source = models.ForeignKey(
        OversightItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="opinions",
        verbose_name=_("来源事项"),
    )
    date = models.DateField(_("交办日期"))
    body = models.CharField(_("办理机关"), max_length=100)
    unit = models.ForeignKey(
        "congress.Unit",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="opinions",
        verbose_name=_("承办单位账号"),
        help_text=_("办理机关在系统中的单位，可在单位门户中查看和报告"),
    )
    points = models.PositiveIntegerField(_("条数"), default=1)
    deadline = models.DateField(
        _("办理期限"), null=True, blank=True, help_text=_("留空则为交办日期加规定月数")
    )
    state = models.CharField(_("状态"), max_length=4, choices=State.choices, default=State.OPEN)
    text = models.TextField(
        _("意见全文"), blank=True, help_text=_("承办单位在门户中可阅读全文和附件")
    )
    report_date = models.DateField(_("报告日期"), null=True, blank=True)
    report_text = models.TextField(_("研究处理情况报告"), blank=True)
    report_file = models.FileField(
        _("报告文件"), upload_to="opinions/%Y/", blank=True, validators=[validate_document]
    )
    satisfaction = models.CharField(
        _("测评结果"), max_length=4, choices=Satisfaction.choices, blank=True
    )

    objects = OpinionQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("意见建议")
        verbose_name_plural = _("意见建议")
        permissions = [("handle_reviewopinion", _("承办单位报告办理情况"))]
        # The overdue list: open opinions past their deadline.
        indexes = [models.Index(fields=["state", "deadline"], name="opinion_state_deadline")]

    def clean(self) -> None:
        from congress.records.rules import Rules

        r = Rules()
        if self.date and self.deadline and self.deadline < self.date:
            r.add("deadline", "办理期限不能早于交办日期。")
        if self.date and self.report_date and self.report_date < self.date:
            r.add("report_date", "报告日期不能早于交办日期。")
        if self.state in (self.State.REPORTED, self.State.CLOSED) and not self.report_date:
            r.add("report_date", f"状态为“{self.state}”时必须填写报告日期。")
        if self.satisfaction and not self.report_date:
            r.add("satisfaction", "收到研究处理情况报告后才能测评。")
        r.check()

    def __str__(self) -> str:
        return self.name

    def default_deadline(self) -> datetime.date:
        return add_months(self.date, settings.CONGRESS["OPINION_REPORT_MONTHS"])

    def save(self, *args, **kwargs):
        if self.date and not self.deadline:
            self.deadline = self.default_deadline()
        if self.report_date and self.state == self.State.OPEN:
            self.state = self.State.REPORTED
        super().save(*args, **kwargs)

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.state == self.State.OPEN and self.deadline is not None and self.deadline < today

    def overdue_label(self) -> str:
        return "逾期" if self.is_overdue() else ""


class LivelihoodProject(Record):
    """民生实事: a livelihood project put to the deputies' vote."""

    # The date that puts a record in one year's figures (congress.site.apps invalidates by it).
    year_field = "year"

    class State(models.TextChoices):
        CANDIDATE = "候选", _("候选")
        VOTED = "票决通过", _("票决通过")
        UNDERWAY = "实施中", _("实施中")
        DONE = "已完成", _("已完成")

    name = models.CharField(_("项目名称"), max_length=200)
    year = models.PositiveSmallIntegerField(_("年度"))
    voted_on = models.DateField(_("票决日期"), null=True, blank=True)
    votes = models.PositiveIntegerField(_("得票数"), null=True, blank=True)
    budget = models.DecimalField(
        _("预算（万元）"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    unit = models.CharField(_("承办单位"), max_length=100, blank=True)
    state = models.CharField(
        _("状态"), max_length=4, choices=State.choices, default=State.CANDIDATE
    )
    progress = models.PositiveSmallIntegerField(
        _("进度（%）"), default=0, validators=[MaxValueValidator(100)]
    )
    milestones = models.TextField(_("节点安排"), blank=True)
    satisfaction = models.CharField(
        _("满意度测评"), max_length=4, choices=Satisfaction.choices, blank=True
    )

    class Meta:
        ordering = ["-year", "name"]
        verbose_name = _("民生实事")
        verbose_name_plural = _("民生实事")
        constraints = [
            models.UniqueConstraint(fields=["name", "year"], name="project_natural_key"),
        ]

    def clean(self) -> None:
        from congress.records.rules import Rules

        r = Rules()
        if self.state == self.State.DONE and self.progress != 100:
            r.add("progress", "已完成的项目进度应为 100%。")
        if self.voted_on and self.year and self.voted_on.year not in (self.year, self.year - 1):
            r.add("voted_on", "票决日期应在项目年度或上一年。")
        r.check()

    def __str__(self) -> str:
        return f"{self.name}（{self.year}）"


class ProjectVisit(Record):
    """民生实事督导: a supervision visit to a livelihood project."""

    # The date that puts a record in one year's figures (congress.site.apps invalidates by it).
    year_field = "date"

    class Form(models.TextChoices):
        SITE = "现场督导", _("现场督导")
        MEETING = "座谈督导", _("座谈督导")
        WRITTEN = "书面督导", _("书面督导")

    project = models.ForeignKey(
        LivelihoodProject, on_delete=models.CASCADE, related_name="visits", verbose_name=_("项目")
    )
    date = models.DateField(_("日期"))
    form = models.CharField(_("形式"), max_length=4, choices=Form.choices, default=Form.SITE)
    deputies = models.ManyToManyField(
        "deputies.Deputy", blank=True, related_name="visits", verbose_name=_("参加代表")
    )

    objects = YearQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("民生实事督导")
        verbose_name_plural = _("民生实事督导")
        constraints = [
            models.UniqueConstraint(fields=["project", "date", "form"], name="visit_natural_key"),
        ]

    def __str__(self) -> str:
        return f"{self.project.name} {self.date} {self.form}"


class OtherWork(Record):
    """其他工作: work counted in the year-end review that has no record type of its own."""

    # The date that puts a record in one year's figures (congress.site.apps invalidates by it).
    year_field = "date"

    class Kind(models.TextChoices):
        STUDY = "学习研讨", _("学习研讨")
        REPORT = "请示报告", _("请示报告")
        LEGISLATION = "立法调研", _("立法调研")
        CONSTITUTION = "宪法宣传", _("宪法宣传")
        JOINT_ENFORCEMENT = "联合执法", _("联合执法")
        PUBLICITY = "宣传报道", _("宣传报道")
        HONOUR = "荣誉", _("荣誉")
        OTHER = "其他", _("其他")

    kind = models.CharField(_("类别"), max_length=8, choices=Kind.choices)
    name = models.CharField(_("名称"), max_length=200)
    date = models.DateField(_("日期"))
    quantity = models.PositiveIntegerField(_("数量"), default=1)
    reach = models.PositiveIntegerField(_("覆盖人次"), null=True, blank=True)
    notes = models.TextField(_("备注"), blank=True)

    class Meta:
        ordering = ["-date", "kind", "name"]
        verbose_name = _("其他工作")
        verbose_name_plural = _("其他工作")
        constraints = [
            models.UniqueConstraint(fields=["kind", "name", "date"], name="otherwork_natural_key"),
        ]
        # The year's sums per kind (学习研讨 N 次, 向区委汇报 N 次) filter on kind and date.
        indexes = [models.Index(fields=["kind", "date"], name="otherwork_kind_date")]

    def __str__(self) -> str:
        return f"{self.kind}：{self.name}"
