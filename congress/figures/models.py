from django.db import models
from django.utils.translation import gettext_lazy as _

from congress.records.models import Record


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
