from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from congress.records.models import Record
from meetings.models import YearQuerySet


class Station(Record):
    """联络站: a deputies' home (代表之家) or liaison station (代表联络站)."""

    class Kind(models.TextChoices):
        HOME = "代表之家", _("代表之家")
        STATION = "代表联络站", _("代表联络站")

    name = models.CharField(_("名称"), max_length=100, unique=True)
    kind = models.CharField(_("类型"), max_length=5, choices=Kind.choices, default=Kind.STATION)
    town = models.CharField(_("所在镇街"), max_length=50)
    built = models.DateField(_("建成日期"), null=True, blank=True)
    reception_days = models.CharField(
        _("接待日"), max_length=100, blank=True, help_text=_("例如：每月15日")
    )

    class Meta:
        ordering = ["town", "name"]
        verbose_name = _("联络站")
        verbose_name_plural = _("代表之家和联络站")

    def __str__(self) -> str:
        return self.name


class Deputy(Record):
    """人大代表: a deputy to a people's congress (not a login user)."""

    class Sex(models.TextChoices):
        MALE = "男", _("男")
        FEMALE = "女", _("女")

    class Party(models.TextChoices):
        CPC = "中共党员", _("中共党员")
        DEMOCRATIC = "民主党派", _("民主党派")
        NONPARTY = "无党派", _("无党派")
        MASSES = "群众", _("群众")

    class Level(models.TextChoices):
        TOWNSHIP = "乡镇", _("乡镇")
        COUNTY = "区", _("区（县）")
        CITY = "市", _("市")
        PROVINCE = "省", _("省")
        NATIONAL = "全国", _("全国")

    class Category(models.TextChoices):
        WORKER = "工人", _("工人")
        FARMER = "农民", _("农民")
        PROFESSIONAL = "专业技术人员", _("专业技术人员")
        OFFICIAL = "党政领导干部", _("党政领导干部")
        BUSINESS = "企业负责人", _("企业负责人")
        ARMY = "解放军", _("解放军")
        OTHER = "其他", _("其他")

    class Election(models.TextChoices):
        ELECTED = "选举", _("选举")
        BY_ELECTION = "补选", _("补选")

    class EndReason(models.TextChoices):
        RESIGNED = "辞职", _("辞职")
        RECALLED = "罢免", _("罢免")
        MOVED = "迁出或调离本行政区域", _("迁出或调离本行政区域")
        DIED = "死亡", _("死亡")
        OTHER = "其他", _("其他")

    class Status(models.TextChoices):
        ACTIVE = "正常", _("正常")
        SUSPENDED = "暂停执行职务", _("暂停执行职务")
        ENDED = "资格终止", _("资格终止")

    # Categories counted as grassroots (基层代表) in the composition figures.
    GRASSROOTS = (Category.WORKER, Category.FARMER, Category.PROFESSIONAL)

    name = models.CharField(_("姓名"), max_length=30)
    sex = models.CharField(_("性别"), max_length=1, choices=Sex.choices)
    ethnicity = models.CharField(_("民族"), max_length=10, default="汉族", blank=True)
    birth = models.DateField(_("出生日期"), null=True, blank=True)
    party = models.CharField(_("政治面貌"), max_length=4, choices=Party.choices, blank=True)
    education = models.CharField(_("学历"), max_length=20, blank=True)
    workplace = models.CharField(_("工作单位"), max_length=100, blank=True)
    post = models.CharField(_("职务"), max_length=60, blank=True)
    category = models.CharField(_("构成类别"), max_length=6, choices=Category.choices, blank=True)
    level = models.CharField(_("层级"), max_length=2, choices=Level.choices, default=Level.COUNTY)
    term = models.PositiveSmallIntegerField(_("届次"), null=True, blank=True)
    district = models.CharField(_("选区"), max_length=60, blank=True)
    delegation = models.CharField(_("代表团"), max_length=60, blank=True)
    station = models.ForeignKey(
        Station,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="deputies",
        verbose_name=_("联络站"),
    )
    election = models.CharField(
        _("当选方式"), max_length=2, choices=Election.choices, default=Election.ELECTED
    )
    elected = models.DateField(_("当选日期"))
    status = models.CharField(
        _("状态"), max_length=6, choices=Status.choices, default=Status.ACTIVE
    )
    ended = models.DateField(_("终止日期"), null=True, blank=True)
    end_reason = models.CharField(
        _("终止原因"), max_length=10, choices=EndReason.choices, blank=True
    )
    phone = models.CharField(_("联系电话"), max_length=30, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="deputy",
        verbose_name=_("登录账号"),
    )

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("人大代表")
        verbose_name_plural = _("人大代表")
        constraints = [
            models.UniqueConstraint(fields=["name", "level", "elected"], name="deputy_natural_key"),
        ]
        # 补选人大代表 N 名 counts by-elections by date.
        indexes = [models.Index(fields=["election", "elected"], name="deputy_election_date")]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        from congress.records.rules import Rules

        r = Rules()
        if self.status == self.Status.ENDED and not self.ended:
            r.add("ended", "资格终止的代表必须填写终止日期。")
        if self.status == self.Status.ENDED and not self.end_reason:
            r.add("end_reason", "资格终止的代表必须填写终止原因。")
        if self.end_reason and self.status != self.Status.ENDED:
            r.add("end_reason", "只有资格终止的代表填写终止原因。")
        if self.ended and self.elected and self.ended < self.elected:
            r.add("ended", "终止日期不能早于当选日期。")
        if self.birth and self.elected and self.birth >= self.elected:
            r.add("birth", "出生日期必须早于当选日期。")
        r.check()

    @property
    def is_woman(self) -> bool:
        return self.sex == self.Sex.FEMALE


class Activity(Record):
    """代表活动: a deputies' activity (视察, 调研, 培训, 述职, 联系群众, …)."""

    # The date that puts a record in one year's figures (congress.site.apps invalidates by it).
    year_field = "date"

    class Kind(models.TextChoices):
        VISIT = "视察", _("视察")
        RESEARCH = "调研", _("调研")
        INSPECTION = "执法检查", _("执法检查")
        INQUIRY = "专题询问", _("专题询问")
        TRAINING = "培训", _("培训")
        REPORT = "述职", _("述职")
        CONSTITUENTS = "联系群众", _("联系群众")
        OTHER = "其他", _("其他")

    # 邀请代表 N 人次参与履职活动 counts participations in these kinds.
    PARTICIPATION_KINDS = (Kind.VISIT, Kind.RESEARCH, Kind.INSPECTION, Kind.INQUIRY, Kind.OTHER)

    name = models.CharField(_("活动名称"), max_length=200)
    kind = models.CharField(_("类型"), max_length=4, choices=Kind.choices)
    date = models.DateField(_("日期"))
    deputies = models.ManyToManyField(
        Deputy,
        related_name="activities",
        verbose_name=_("参加代表"),
        blank=True,
        help_text=_("接受报名的活动，可在活动后把报名的代表一次计入"),
    )
    signup = models.BooleanField(
        _("接受代表报名"),
        default=False,
        help_text=_("代表在自己的页面报名或请假，直到活动当天"),
    )
    station = models.ForeignKey(
        Station,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("联络站"),
    )
    people_met = models.PositiveIntegerField(_("联系群众人次"), default=0)
    problems_solved = models.PositiveIntegerField(_("推动解决问题数"), default=0)
    notes = models.TextField(_("情况记录"), blank=True)

    objects = YearQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("代表活动")
        verbose_name_plural = _("代表活动")
        constraints = [
            models.UniqueConstraint(fields=["name", "date"], name="activity_natural_key"),
        ]
        # Year figures and the by-month chart filter activities by kind and date.
        indexes = [
            models.Index(fields=["kind", "date"], name="activity_kind_date"),
            # Activities by month and participation by town, over all kinds.
            models.Index(fields=["date"], name="activity_date"),
        ]

    def clean(self) -> None:
        from congress.records.rules import Rules

        r = Rules()
        if self.kind != self.Kind.CONSTITUENTS:
            for name in ("people_met", "problems_solved"):
                if getattr(self, name):
                    r.add(name, "只有“联系群众”活动填写联系群众人次和解决问题数。")
        r.check()

    def __str__(self) -> str:
        return f"{self.name}（{self.date}）"


class Enrolment(models.Model):
    """报名或请假: a deputy's answer to an activity the office opened for signing up."""

    class Answer(models.TextChoices):
        JOIN = "报名", _("报名")
        LEAVE = "请假", _("请假")

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="enrolments", verbose_name=_("活动")
    )
    deputy = models.ForeignKey(
        Deputy, on_delete=models.CASCADE, related_name="enrolments", verbose_name=_("代表")
    )
    answer = models.CharField(_("答复"), max_length=2, choices=Answer.choices)
    reason = models.CharField(_("请假事由"), max_length=200, blank=True)
    answered = models.DateTimeField(_("答复时间"), auto_now=True)

    class Meta:
        ordering = ["activity", "answer", "pk"]
        verbose_name = _("活动报名")
        verbose_name_plural = _("活动报名")
        constraints = [
            # One answer per deputy and activity; a changed mind replaces it.
            models.UniqueConstraint(fields=["activity", "deputy"], name="enrolment_once"),
        ]

    def __str__(self) -> str:
        return f"{self.deputy}：{self.answer}"

    def clean(self) -> None:
        from congress.records.rules import Rules

        r = Rules()
        if self.answer == self.Answer.LEAVE and not self.reason.strip():
            r.add("reason", "请假须写明事由。")
        activity = self.activity
        if not activity.signup:
            r.add("answer", "该活动不接受报名。")
        elif activity.date < timezone.localdate():
            r.add("answer", "活动已经举行，不能再报名或请假。")
        r.check()
