from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path, reverse_lazy
from django.utils.text import format_lazy

from congress.accounts import twofactor
from congress.accounts import views as account_views
from congress.accounts.throttle import throttled_login
from congress.figures import dashboard
from congress.figures import views as figure_views
from congress.ledger import views as ledger_views
from congress.records import history
from congress.review import views as report_views
from congress.site import views
from congress.work import calendar_views, notification_views

login = login_not_required(
    throttled_login(auth_views.LoginView.as_view(redirect_authenticated_user=True))
)
set_password = login_not_required(
    auth_views.PasswordResetConfirmView.as_view(
        template_name="registration/set_password.html",
        success_url=format_lazy("{}?password_set=1", reverse_lazy("login")),
        post_reset_login=False,
    )
)


class _ChangePassword(auth_views.PasswordChangeView):
    """修改密码: every person changes their own password (the old one first)."""

    template_name = "registration/change_password.html"
    success_url = reverse_lazy("home")

    def form_valid(self, form):
        from django.contrib import messages

        messages.success(self.request, "密码已修改。")
        return super().form_valid(form)


# Leadership changes nothing in the records, yet its own password like anyone.
change_password = _ChangePassword.as_view()
change_password.leader_may_post = True


def _app_urls() -> list[str]:
    """Each record app's URLs, found rather than listed: a new app brings its own."""
    import importlib.util

    from django.apps import apps

    return [
        c.name
        for c in apps.get_app_configs()
        if getattr(c, "record_app", False) and importlib.util.find_spec(f"{c.name}.urls")
    ]


urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("accounts/login/", login, name="login"),
    path("accounts/logout/", views.logout, name="logout"),
    path("accounts/two-factor/", twofactor.setup, name="twofactor_setup"),
    path("accounts/verify/", twofactor.verify, name="verify"),
    path("settings/profile/", views.profile, name="profile"),
    path("settings/accounts/", account_views.accounts, name="accounts"),
    path("settings/accounts/new/", account_views.account_new, name="account_new"),
    path("settings/accounts/<int:pk>/", account_views.account_edit, name="account_edit"),
    path("settings/accounts/<int:pk>/active/", account_views.account_active, name="account_active"),
    path("settings/accounts/<int:pk>/reset/", account_views.account_reset, name="account_reset"),
    path("accounts/set-password/<uidb64>/<token>/", set_password, name="set_password"),
    path("accounts/password/", change_password, name="change_password"),
    path("settings/holidays/", calendar_views.holidays, name="holidays"),
    path("settings/holidays/<int:year>/", calendar_views.holiday_notice, name="holiday_notice"),
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("notifications/", notification_views.notifications, name="notifications"),
    path("notifications/<int:pk>/", notification_views.notification_open, name="notification_open"),
    path("ledger/", ledger_views.ledger_home, name="ledger"),
    path("ledger/template.xlsx", ledger_views.ledger_template, name="ledger_template"),
    path("ledger/export.xlsx", ledger_views.ledger_export, name="ledger_export"),
    path("ledger/imports/<int:pk>/", ledger_views.ledger_import, name="ledger_import"),
    path(
        "ledger/imports/<int:pk>/status/",
        ledger_views.ledger_import_status,
        name="ledger_import_status",
    ),
    path(
        "ledger/imports/<int:pk>/confirm/",
        ledger_views.ledger_import_confirm,
        name="ledger_import_confirm",
    ),
    path("history/", history.changes, name="changes"),
    path("recycle/", history.recycle_bin, name="recycle_bin"),
    path("recycle/<str:kind_key>/<int:history_id>/restore/", history.restore, name="restore"),
    path("reports/", report_views.reports, name="reports"),
    path("reports/jobs/<int:pk>/status/", report_views.report_status, name="report_status"),
    path("reports/jobs/<int:pk>/pdf/", report_views.report_download, name="report_download"),
    path(
        "reports/jobs/<int:pk>/docx/",
        report_views.report_download_docx,
        name="report_download_docx",
    ),
    path("reports/archive/", report_views.archive_request, name="archive_request"),
    path("reports/<int:year>/issue/", report_views.edition_issue, name="edition_issue"),
    path(
        "reports/editions/<int:pk>/<str:fmt>/",
        report_views.edition_download,
        name="edition_download",
    ),
    path("reports/archive/<int:pk>.zip", report_views.archive_download, name="archive_download"),
    path("reports/<int:year>/text/", report_views.text_edit, name="report_text"),
    path("reports/<int:year>/text/preview/", report_views.text_preview, name="report_text_preview"),
    path("figures/", figure_views.own_figures, name="own_figures"),
    path("figures/<str:name>/<int:year>/", figure_views.figure_parts, name="figure_parts"),
    path("reports/<int:year>/preview/", report_views.report_preview, name="report_preview"),
    path("admin/", admin.site.urls),
    *[path("", include(f"{app}.urls")) for app in _app_urls()],
]
