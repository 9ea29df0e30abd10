from django.db import models
from django.utils.translation import gettext_lazy as _

from congress.records.models import Record
from congress.records.rules import Rules


class Filing(Record):
    """规范性文件备案: a normative document filed with the committee, and its review."""

    year_field = "received"

    class State(models.TextChoices):
        FILED = "已备案", _("已备案")
        REVIEWED = "已审查", _("已审查")

    title = models.CharField(_("文件名称"), max_length=200, unique=True)
    organ = models.CharField(_("制定机关"), max_length=60)
    received = models.DateField(_("报备日期"))
    state = models.CharField(_("状态"), max_length=4, choices=State.choices, default=State.FILED)
    problems = models.PositiveIntegerField(_("发现问题"), default=0)

    class Meta:
        ordering = ["-received", "title"]
        verbose_name = _("备案文件")
        verbose_name_plural = _("备案文件")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        rules = Rules()
        if self.problems and self.state != self.State.REVIEWED:
            rules.add("problems", "尚未审查的文件不能填写发现问题。")
        rules.check()
