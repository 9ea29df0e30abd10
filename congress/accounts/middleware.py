from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect

from congress.accounts.roles import is_read_only

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


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
    CHECKED = "_no_device_at"

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
        # Whether the account has an authenticator is asked once per session renewal (a query
        # on every page otherwise); setting one up in this session forgets the answer.
        import time

        from django.conf import settings

        checked = request.session.get(self.CHECKED, 0)
        if time.time() - checked < settings.SESSION_RENEW_SECONDS:
            return None
        if user_has_device(user, confirmed=True):
            return redirect("verify")
        request.session[self.CHECKED] = int(time.time())
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


class SlidingSessionMiddleware:
    """A signed-in session lasts SESSION_COOKIE_AGE from the person's last request. It is renewed
    (written again, with a fresh expiry) once SESSION_RENEW_SECONDS have passed since the last
    renewal, so a day's work writes it a few dozen times instead of on every page."""

    KEY = "_renewed"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        import time

        from django.conf import settings

        session = getattr(request, "session", None)
        user = getattr(request, "user", None)
        if session is not None and user is not None and user.is_authenticated:
            now = int(time.time())
            if now - int(session.get(self.KEY, 0)) >= settings.SESSION_RENEW_SECONDS:
                session[self.KEY] = now  # modified: saved with a new expiry
        return self.get_response(request)
