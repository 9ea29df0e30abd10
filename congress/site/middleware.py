"""Requests refused before any view sees them."""

from congress.records.years import MESSAGE, parse_year

# Year parameters the application understands: a year outside is a mistake or a probe.
YEAR_PARAMS = ("year", "fy")


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
            if parse_year(raw) is None:
                return MESSAGE
        return ""
