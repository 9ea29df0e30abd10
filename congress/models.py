from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


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


class OtherWork(models.Model):
    """其他工作: work counted in the year-end review that has no record type of its own."""

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
