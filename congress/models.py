from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Record(models.Model):
    """A record staff keep: versioned against lost updates, and every change kept in history."""

    version = models.PositiveIntegerField(_("版本"), default=1, editable=False)
    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True

    def complete(self) -> None:
        """Fill the fields derived from others; called before every save, and by the ledger
        before its bulk writes (which call no save())."""

    def save(self, *args, **kwargs):
        self.complete()
        # Every change of a saved record moves its version on; an edit started from an older
        # version is refused by the page (see congress.crud), never silently overwritten.
        if self.pk is not None and not kwargs.get("force_insert"):
            self.version = (self.version or 0) + 1
        super().save(*args, **kwargs)


class Profile(models.Model):
    """本机构设置: the installation's profile (one row)."""

    name = models.CharField(_("常委会名称"), max_length=60, default="安州区人大常委会")
    place = models.CharField(_("地名"), max_length=30, default="安州")
    level = models.CharField(
        _("行政层级简称"), max_length=4, default="区", help_text=_("会议名称的前缀：区 或 县")
    )
    party_short = models.CharField(
        _("党委简称"),
        max_length=10,
        default="区委",
        help_text=_("年度综述中的“向区委汇报工作”：区委 或 县委"),
    )
    term = models.PositiveSmallIntegerField(
        _("本届届次"), default=18, validators=[MinValueValidator(1)]
    )
    letter_prefix = models.CharField(
        _("发文字号前缀"),
        max_length=20,
        default="安人常办",
        help_text=_("交办函的文号：前缀〔年份〕序号号，如 安人常办〔2026〕12号"),
    )
    office_unit = models.CharField(
        _("发文机关"),
        max_length=60,
        default="安州区人大常委会办公室",
        help_text=_("交办函的落款和版头"),
    )
    # The dashboard's tiles, by figure name, in the office's order (empty: the default set).
    tiles = models.JSONField(_("驾驶舱统计数字"), default=list, blank=True)

    class Meta:
        verbose_name = _("机构设置")
        verbose_name_plural = _("机构设置")
        permissions = [("import_ledger", _("导入台账"))]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def get(cls) -> "Profile":
        profile = cls.objects.order_by("pk").first()
        return profile or cls.objects.create()


class Unit(models.Model):
    """承办单位: a body that handles suggestions and review opinions (a bureau, a court, …)."""

    name = models.CharField(_("单位名称"), max_length=80, unique=True)
    users = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="units", verbose_name=_("单位账号")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("承办单位")
        verbose_name_plural = _("承办单位")

    def __str__(self) -> str:
        return self.name


class OtherWork(Record):
    """其他工作: work counted in the year-end review that has no record type of its own."""

    # The date that puts a record in one year's figures (congress.apps invalidates by it).
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


class ReportText(Record):
    """年度工作综述文稿: the office's review of one year, with figure placeholders."""

    year = models.PositiveSmallIntegerField(_("年度"), unique=True)
    title = models.CharField(_("标题"), max_length=100)
    subtitle = models.CharField(_("副标题"), max_length=100, blank=True)
    date = models.DateField(
        _("落款日期"), null=True, blank=True, help_text=_("封面上的日期；留空为统计截止日期")
    )
    text = models.TextField(_("正文"))
    updated = models.DateTimeField(_("修改时间"), auto_now=True)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("年度工作综述文稿")
        verbose_name_plural = _("年度工作综述文稿")

    def __str__(self) -> str:
        return f"{self.year}年度工作综述"

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        from .figureset import check_text

        try:
            check_text(self.text)
        except ValidationError as exc:
            raise ValidationError({"text": exc.messages}) from exc


class OwnFigure(Record):
    """本单位统计数字: a figure the office defines in the ledger's words (report-template.md)."""

    name = models.CharField(_("名称"), max_length=30, unique=True)
    position = models.PositiveSmallIntegerField(_("顺序"), default=0)
    definition = models.JSONField(_("定义"))

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("本单位统计数字")
        verbose_name_plural = _("本单位统计数字")

    def __str__(self) -> str:
        return self.name


class HolidayNotice(Record):
    """节假日安排: a year's State Council notice on holidays and make-up working days, entered by an
    administrator for a year the calendar library does not cover yet."""

    year = models.PositiveSmallIntegerField(_("年度"), unique=True)
    text = models.TextField(
        _("放假安排"),
        help_text=_("每行一段：2027-01-01 至 2027-01-03 放假 元旦；调休上班写 2027-02-07 上班"),
    )
    source = models.CharField(_("通知文号或出处"), max_length=100, blank=True)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("节假日安排")
        verbose_name_plural = _("节假日安排")

    def __str__(self) -> str:
        return f"{self.year}年节假日安排"

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        from .workdays import parse_notice

        if self.year and not 1949 <= self.year <= 2100:
            raise ValidationError({"year": "年度应在 1949–2100 之间。"})
        try:
            parse_notice(self.year or 0, self.text or "")
        except ValueError as exc:
            raise ValidationError({"text": str(exc)}) from exc


class ReportJob(models.Model):
    """年度报告生成任务: one request to render the year's summary PDF."""

    class Status(models.TextChoices):
        QUEUED = "排队中", _("排队中")
        RUNNING = "生成中", _("生成中")
        DONE = "已完成", _("已完成")
        FAILED = "失败", _("失败")

    year = models.PositiveSmallIntegerField(_("年度"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("申请人"),
    )
    status = models.CharField(
        _("状态"), max_length=4, choices=Status.choices, default=Status.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("进度（%）"), default=0)
    step = models.CharField(_("当前步骤"), max_length=40, blank=True)
    error = models.TextField(_("错误信息"), blank=True)
    pdf = models.FileField(_("PDF 文件"), upload_to="reports/%Y/", blank=True)
    docx = models.FileField(_("Word 文件"), upload_to="reports/%Y/", blank=True)
    checksum = models.CharField(_("数据校验值"), max_length=64, blank=True)
    pages = models.PositiveSmallIntegerField(_("页数"), null=True, blank=True)
    created = models.DateTimeField(_("申请时间"), auto_now_add=True)
    started = models.DateTimeField(_("开始时间"), null=True, blank=True)
    finished = models.DateTimeField(_("完成时间"), null=True, blank=True)
    gather_ms = models.PositiveIntegerField(_("汇总数据用时（毫秒）"), null=True, blank=True)
    render_ms = models.PositiveIntegerField(_("排版用时（毫秒）"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("尝试次数"), default=0)
    # The outbox and the lease (congress.jobs): when the message left, and until when the
    # worker that claimed the job is known to be alive.
    enqueued = models.DateTimeField(_("发送时间"), null=True, blank=True)
    lease_until = models.DateTimeField(_("租约到期"), null=True, blank=True)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("年度报告生成任务")
        verbose_name_plural = _("年度报告生成任务")
        constraints = [
            # At most one job per year waiting or running: asking again joins it.
            models.UniqueConstraint(
                fields=["year"],
                condition=models.Q(status__in=["排队中", "生成中"]),
                name="one_active_report_job_per_year",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.year}年度报告（{self.status}）"

    @property
    def active(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)


class LedgerImport(models.Model):
    """台账导入: an uploaded workbook, checked (dry run) and then, once confirmed, written."""

    class Status(models.TextChoices):
        QUEUED = "排队检查", _("排队检查")
        CHECKING = "检查中", _("检查中")
        READY = "待确认", _("待确认")
        INVALID = "有错误", _("有错误")
        IMPORT_QUEUED = "排队导入", _("排队导入")
        IMPORTING = "导入中", _("导入中")
        DONE = "已导入", _("已导入")
        FAILED = "失败", _("失败")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, verbose_name=_("上传人")
    )
    filename = models.CharField(_("文件名"), max_length=200)
    file = models.FileField(_("文件"), upload_to="ledger/%Y/")
    status = models.CharField(
        _("状态"), max_length=4, choices=Status.choices, default=Status.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("进度（%）"), default=0)
    result = models.JSONField(_("结果"), default=dict, blank=True)
    created = models.DateTimeField(_("上传时间"), auto_now_add=True)
    finished = models.DateTimeField(_("完成时间"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("尝试次数"), default=0)
    enqueued = models.DateTimeField(_("发送时间"), null=True, blank=True)
    lease_until = models.DateTimeField(_("租约到期"), null=True, blank=True)
    # The changes are recorded as made by whoever confirmed the import.
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("确认人"),
    )

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("台账导入")
        verbose_name_plural = _("台账导入")

    def __str__(self) -> str:
        return f"{self.filename}（{self.status}）"

    @property
    def active(self) -> bool:
        return self.status in (
            self.Status.QUEUED,
            self.Status.CHECKING,
            self.Status.IMPORT_QUEUED,
            self.Status.IMPORTING,
        )

    def dry_run_for(self) -> bool:
        """Whether the job's task checks (dry run) or writes."""
        return self.status in (self.Status.QUEUED, self.Status.CHECKING)


class Notification(models.Model):
    """提醒: one message to one person, shown under the bell and sent by e-mail once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("接收人"),
    )
    key = models.CharField(_("事项与阶段"), max_length=120)
    title = models.CharField(_("标题"), max_length=200)
    body = models.TextField(_("内容"), blank=True)
    link = models.CharField(_("链接"), max_length=300, blank=True)
    created = models.DateTimeField(_("时间"), auto_now_add=True)
    read = models.DateTimeField(_("已读时间"), null=True, blank=True)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("提醒")
        verbose_name_plural = _("提醒")
        constraints = [
            # Each reminder reaches each person once per item and stage.
            models.UniqueConstraint(fields=["user", "key"], name="notification_once"),
        ]
        # The bell's unread count on every page.
        indexes = [
            models.Index(
                fields=["user"], condition=models.Q(read__isnull=True), name="notification_unread"
            )
        ]

    def __str__(self) -> str:
        return self.title
