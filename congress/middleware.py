from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect

from .roles import is_read_only

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
# Year parameters the application understands: a year outside is a mistake or a probe.
YEAR_PARAMS = ("year", "fy")
YEARS = (1949, 2100)


class BadParametersMiddleware:
    """A NUL byte in any parameter, or a year outside 1949–2100, is a 400 with a Chinese
    message, before any view (or database) sees it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        problem = self.problem(request)
        if problem:
            from django.http import HttpResponseBadRequest

            return HttpResponseBadRequest(
                f'<!DOCTYPE html><html lang="zh-Hans"><meta charset="utf-8"><title>请求有误</title>'
                f"<h1>请求有误</h1><p>{problem}</p>".encode()
            )
        return self.get_response(request)

    @staticmethod
    def problem(request) -> str:
        for key, values in request.GET.lists():
            if "\x00" in key or any("\x00" in v for v in values):
                return "参数中含有无效字符。"
        for key in YEAR_PARAMS:
            raw = request.GET.get(key, "").strip()
            if not raw:
                continue
            if not raw.lstrip("-").isdigit() or not YEARS[0] <= int(raw) <= YEARS[1]:
                return f"年度应为 {YEARS[0]}–{YEARS[1]} 之间的整数。"
        return ""


class ReadOnlyLeaderMiddleware:
    """Leadership (领导) may read every page but send no change, whatever a view forgets."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method in SAFE_METHODS or not is_read_only(request.user):
            return None
        if getattr(view_func, "leader_may_post", False):
            return None
        raise PermissionDenied


class TwoFactorMiddleware:
    """An account with a confirmed authenticator must enter its code before anything else."""

    ALLOWED = ("verify", "logout", "login")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        from django_otp import user_has_device

        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or user.is_verified():
            return None
        match = getattr(request, "resolver_match", None)
        if match and match.url_name in self.ALLOWED:
            return None
        if user_has_device(user, confirmed=True):
            return redirect("verify")
        return None


class PrivatePagesMiddleware:
    """A page shown to a signed-in person is never kept by the browser or a proxy: after logout,
    the next person at the same computer cannot bring it back with the back button."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            from django.utils.cache import add_never_cache_headers, patch_cache_control

            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
        return response
