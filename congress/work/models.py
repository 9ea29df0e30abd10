from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from congress.records.models import Record


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

        from congress.work.notices import parse_notice

        if self.year and not 1949 <= self.year <= 2100:
            raise ValidationError({"year": "年度应在 1949–2100 之间。"})
        try:
            parse_notice(self.year or 0, self.text or "")
        except ValueError as exc:
            raise ValidationError({"text": str(exc)}) from exc


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


class Job(models.Model):
    """A background job's shared part (congress.work.jobs): its state and progress as the page
    shows them, and the outbox and lease that make it run once, whatever the worker does."""

    class Status(models.TextChoices):
        QUEUED = "排队中", _("排队中")
        RUNNING = "生成中", _("生成中")
        DONE = "已完成", _("已完成")
        FAILED = "失败", _("失败")

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("申请人"),
    )
    status = models.CharField(
        _("状态"), max_length=4, choices=Status.choices, default=Status.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("进度（%）"), default=0)
    step = models.CharField(_("当前步骤"), max_length=60, blank=True)
    error = models.TextField(_("错误信息"), blank=True)
    created = models.DateTimeField(_("申请时间"), auto_now_add=True)
    started = models.DateTimeField(_("开始时间"), null=True, blank=True)
    finished = models.DateTimeField(_("完成时间"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("尝试次数"), default=0)
    # The outbox and the lease: when the message left, and until when the worker that claimed
    # the job is known to be alive (and which task holds it).
    enqueued = models.DateTimeField(_("发送时间"), null=True, blank=True)
    lease_until = models.DateTimeField(_("租约到期"), null=True, blank=True)
    lease_owner = models.CharField(_("租约持有者"), max_length=64, blank=True)

    class Meta:
        abstract = True
        ordering = ["-created", "-pk"]

    @property
    def active(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)
