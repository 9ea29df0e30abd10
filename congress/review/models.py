from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from congress.accounts.models import Profile
from congress.figures.services import DROP_GUARDS
from congress.records.models import Record
from congress.review.markup import PLACEHOLDER
from congress.review.paragraphs import default_text
from congress.work.models import Job


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

    @classmethod
    def for_year(cls, year: int) -> ReportText:
        """The year's text: the saved one, else an unsaved copy of the previous year's (its
        figures update themselves), else the built-in default."""
        saved = cls.objects.filter(year=year).first()
        if saved:
            return saved
        before = cls.objects.filter(year__lt=year).order_by("-year").first()
        if before:
            return cls(
                year=year,
                title=before.title.replace(str(before.year), str(year)),
                subtitle=before.subtitle.replace(str(before.year), str(year)),
                text=before.text,
            )
        return cls(
            year=year,
            title=f"{Profile.get().name}{year}年工作综述",
            subtitle="",
            text=default_text(),
        )

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        from congress.review.check import check_text

        try:
            check_text(self.text)
        except ValidationError as exc:
            raise ValidationError({"text": exc.messages}) from exc


def texts_still_naming(dropped: set[str]) -> str:
    """A saved review text that still names one of these figures refuses their removal."""
    for text in ReportText.objects.all():
        used = {m.group(1).split("|")[0].strip() for m in PLACEHOLDER.finditer(text.text)}
        used |= {
            line.strip()[5:-2].strip()
            for line in text.text.splitlines()
            if line.strip().startswith(("{{附表:", "{{附表："))
        }
        still = sorted(dropped & used)
        if still:
            return f"“{'、'.join(still)}”仍在{text.year}年度工作综述文稿中使用，请先修改文稿"
    return ""


DROP_GUARDS.register(texts_still_naming)


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
    # The outbox and the lease (congress.work.jobs): when the message left, and until when the
    # worker that claimed the job is known to be alive.
    enqueued = models.DateTimeField(_("发送时间"), null=True, blank=True)
    lease_until = models.DateTimeField(_("租约到期"), null=True, blank=True)
    # The Celery task holding the lease: its own retry takes the job over at once.
    lease_owner = models.CharField(_("租约持有者"), max_length=64, blank=True)

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


class ArchiveJob(Job):
    """年度归档任务: one request to gather a year's printed documents into one zip."""

    year = models.PositiveSmallIntegerField(_("年度"))
    file = models.FileField(_("归档文件"), upload_to="archives/%Y/", blank=True)
    files = models.PositiveIntegerField(_("文件数"), null=True, blank=True)
    pages = models.PositiveIntegerField(_("PDF 页数"), null=True, blank=True)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("年度归档任务")
        verbose_name_plural = _("年度归档任务")
        constraints = [
            # At most one archive per year waiting or running: asking again joins it.
            models.UniqueConstraint(
                fields=["year"],
                condition=models.Q(status__in=["排队中", "生成中"]),
                name="one_active_archive_job_per_year",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.year}年度归档（{self.status}）"


class Edition(models.Model):
    """签发: a year's review as it was issued, kept as printed (PDF and Word) with the figures it
    gave; issuing again makes the next numbered edition."""

    year = models.PositiveSmallIntegerField(_("年度"))
    number = models.PositiveSmallIntegerField(_("版次"))
    issued = models.DateTimeField(_("签发时间"), default=timezone.now)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("签发人"),
    )
    job = models.ForeignKey(
        ReportJob,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="editions",
        verbose_name=_("所据生成记录"),
    )
    pdf = models.FileField(_("PDF 文件"), upload_to="editions/%Y/")
    docx = models.FileField(_("Word 文件"), upload_to="editions/%Y/", blank=True)
    checksum = models.CharField(_("数据校验值"), max_length=64)
    figures = models.JSONField(_("签发时的统计数字"), default=dict)

    class Meta:
        ordering = ["-year", "-number"]
        verbose_name = _("综述签发")
        verbose_name_plural = _("综述签发")
        constraints = [
            # 第1版, 第2版 … of a year; two clicks at once cannot both take the same number.
            models.UniqueConstraint(fields=["year", "number"], name="edition_number"),
        ]

    def __str__(self) -> str:
        return f"{self.year}年度工作综述（第{self.number}版）"
