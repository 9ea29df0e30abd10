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
