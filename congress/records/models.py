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


class Submission(models.Model):
    """一次提交: the one-time token of a create form, kept with the record it created. A second
    submission of the same form (a double click, a resent request) finds its token taken and is
    shown the first record instead of creating another."""

    token = models.CharField(_("表单标识"), max_length=40, unique=True)
    target = models.CharField(_("创建的记录"), max_length=300, blank=True)
    created = models.DateTimeField(_("提交时间"), auto_now_add=True)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("表单提交")
        verbose_name_plural = _("表单提交")

    def __str__(self) -> str:
        return self.token
