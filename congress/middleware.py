from django.core.exceptions import PermissionDenied

from .roles import is_read_only

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
