"""The office and the accounts that serve it: the installation's profile and the handling
units (承办单位) that accounts of the unit role belong to."""

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
    notice_prefix = models.CharField(
        _("会议通知文号前缀"),
        max_length=20,
        default="安人常办通",
        help_text=_("会议通知的文号：前缀〔年份〕序号号，如 安人常办通〔2026〕3号"),
    )
    contact = models.CharField(
        _("联系人"), max_length=30, blank=True, help_text=_("交办函末尾的联系人")
    )
    phone = models.CharField(_("联系电话"), max_length=40, blank=True)
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
        """The office's settings. Every page reads them and they change a few times a year:
        kept in the process for a few seconds (dropped at once when saved here), and handed
        out as a copy, so a caller changing its copy changes nobody else's."""
        import copy

        from congress.accounts import memo

        def load() -> Profile:
            return cls.objects.order_by("pk").first() or cls.objects.create()

        return copy.copy(memo.remember(PROFILE_KEY, load))

    def save(self, *args, **kwargs):
        from congress.accounts import memo

        super().save(*args, **kwargs)
        memo.forget(PROFILE_KEY)


PROFILE_KEY = "congress:profile"


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


def unit_of(user) -> Unit | None:
    """The handling unit an account serves. An account serves one unit (the administrators'
    account page gives it one); were an older account linked to several, every page takes the
    same one, the first by number, so the home page, the portal and the letters agree."""
    if user is None or not user.is_authenticated:
        return None
    if not hasattr(user, "_congress_unit"):
        user._congress_unit = Unit.objects.filter(users=user).order_by("pk").first()
    return user._congress_unit


def accounts_of(unit: Unit):
    """The active accounts that serve a unit: who is told what was sent to it."""
    return unit.users.filter(is_active=True)


def require_unit(user) -> Unit:
    """The unit an account serves, for a page that shows a unit its own work: 403 for an
    account that serves none (never a filter on "no unit", which would match unassigned work)."""
    from django.core.exceptions import PermissionDenied

    unit = unit_of(user)
    if unit is None:
        raise PermissionDenied
    return unit
