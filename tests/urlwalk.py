"""Every URL of the URL configuration, discovered, so that a new view cannot skip the walk."""

from django.urls import URLPattern, URLResolver, get_resolver

PUBLIC = {"login", "healthz", "set_password"}


def all_patterns(resolver=None, prefix: str = "", namespace: str = ""):
    resolver = resolver or get_resolver()
    for p in resolver.url_patterns:
        if isinstance(p, URLResolver):
            ns = f"{namespace}{p.namespace}:" if p.namespace else namespace
            yield from all_patterns(p, prefix + str(p.pattern), ns)
        elif isinstance(p, URLPattern):
            yield prefix + str(p.pattern), (namespace + p.name) if p.name else None, p


def concrete(route: str, pks: dict[str, int] | None = None, name: str | None = None) -> str | None:
    """The route with its parameters filled from known records, or None if it cannot be."""
    import re

    if route.startswith("^") or "(?P" in route:
        return None  # regex routes (the admin's) are walked through their named pages only
    pks = pks or {}
    key = (name or "").rsplit("_", 1)[0]
    path = route

    def fill(match):
        conv, param = match.group(1), match.group(2)
        if param == "pk":
            return str(pks.get(key, pks.get(name or "", 999999)))
        if param == "action":
            return "assign"
        if conv == "int":
            return "2025"
        return "x"

    path = re.sub(r"<(?:(\w+):)?(\w+)>", lambda m: fill(m), path)
    return "/" + path


def plain_routes():
    """(path, name) of every route without parameters, outside the Django admin."""
    for route, name, _p in all_patterns():
        if "<" in route or route.startswith("admin/") or route.startswith("^"):
            continue
        yield "/" + route, name
