from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from congress.records.models import Record


class Petition(Record):
    """信访: a letter or visit from the public that the office receives and forwards."""

    # The date that puts a record in one year's figures (congress.site.apps invalidates by it).
    year_field = "date"

    class Channel(models.TextChoices):
        LETTER = "来信", _("来信")
        VISIT = "来访", _("来访")
        ONLINE = "网上信访", _("网上信访")
        PHONE = "电话", _("电话")

    class State(models.TextChoices):
        REGISTERED = "登记", _("登记")
        FORWARDED = "已转办", _("已转办")
        CLOSED = "已办结", _("已办结")

    number = models.CharField(_("编号"), max_length=30, unique=True)
    channel = models.CharField(_("方式"), max_length=4, choices=Channel.choices)
    date = models.DateField(_("日期"))
    people = models.PositiveIntegerField(_("人次"), default=1, help_text=_("集体来访填写来访人数"))
    petitioner = models.CharField(_("反映人"), max_length=60, blank=True)
    summary = models.TextField(_("内容摘要"))
    category = models.CharField(_("内容分类"), max_length=30, blank=True)
    unit = models.ForeignKey(
        "congress.Unit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="petitions",
        verbose_name=_("转办单位"),
    )
    state = models.CharField(
        _("办理状态"), max_length=4, choices=State.choices, default=State.REGISTERED
    )
    closed = models.DateField(_("办结日期"), null=True, blank=True)
    result = models.TextField(_("办理结果"), blank=True, help_text=_("转办单位在门户中填写"))

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("信访")
        verbose_name_plural = _("信访")
        permissions = [
            ("handle_petition", _("转办单位查看和办理信访"))
        ]  # units, by congress.accounts.roles
        constraints = [
            models.CheckConstraint(
                condition=models.Q(people__gte=1), name="petition_people_at_least_one"
            ),
        ]
        # The year's 来信 and 来访 figures filter on channel and date.
        indexes = [models.Index(fields=["channel", "date"], name="petition_channel_date")]

    def __str__(self) -> str:
        return f"{self.number} {self.summary[:20]}"

    def save(self, *args, **kwargs):
        # A 信访 forwarded to a unit (or to another one) is told to that unit's accounts.
        before = (
            Petition.objects.filter(pk=self.pk).values_list("state", "unit_id").first()
            if self.pk
            else None
        )
        super().save(*args, **kwargs)
        forwarded = self.state == self.State.FORWARDED and self.unit_id
        if forwarded and before != (self.state, self.unit_id):
            from django.urls import reverse

            from congress.accounts.models import accounts_of
            from congress.work.notify import tell

            tell(
                accounts_of(self.unit),
                f"petition:{self.pk}:forwarded:{self.unit_id}",
                f"转办的信访：{self.number}",
                self.summary[:100],
                reverse("unit_petition", args=[self.pk]),
            )

    def clean(self) -> None:
        errors = {}
        if self.state == self.State.FORWARDED and self.unit_id is None:
            errors["unit"] = "已转办的信访必须填写转办单位。"
        if self.state == self.State.CLOSED and self.closed is None:
            errors["closed"] = "已办结的信访必须填写办结日期。"
        if self.closed and self.date and self.closed < self.date:
            errors["closed"] = "办结日期不能早于信访日期。"
        if errors:
            raise ValidationError(errors)
