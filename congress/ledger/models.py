from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


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
    # The Celery task holding the lease: its own retry takes the job over at once.
    lease_owner = models.CharField(_("租约持有者"), max_length=64, blank=True)
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
