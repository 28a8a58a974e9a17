"""Walk the URL configuration: every route, with sample arguments, for the access sweeps."""

import re
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver


@dataclass(frozen=True)
class Route:
    name: str  # "namespace:name", or "" for an unnamed pattern
    params: tuple[str, ...]
    pattern: str
    lookup_str: str


def _params(pattern) -> tuple[str, ...]:
    regex = pattern.pattern.regex
    return tuple(regex.groupindex)


def walk(resolver: URLResolver | None = None, namespace: str = "", prefix: str = "", params: tuple = ()) -> list[Route]:
    resolver = resolver or get_resolver()
    routes: list[Route] = []
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = namespace
            if entry.namespace:
                ns = f"{namespace}{entry.namespace}:"
            routes += walk(entry, ns, prefix + str(entry.pattern), params + _params(entry))
        elif isinstance(entry, URLPattern):
            name = f"{namespace}{entry.name}" if entry.name else ""
            routes.append(Route(name, params + _params(entry), prefix + str(entry.pattern), entry.lookup_str))
    return routes


_GROUP = re.compile(r"\(\?P<(?P<name>\w+)>[^)]*\)")
_CONVERTER = re.compile(r"<(?:\w+:)?(?P<name>\w+)>")

# Sample values for parameters when the value itself does not matter (the anonymous sweep).
SAMPLES = {
    "reference": "MS-2026-00001",
    "object_id": "1",
    "content_type_id": "1",
    "app_label": "accounts",
    "url": "nothing-here/",
    "format": "json",
    "pk": "1",
    "id": "1",
    "draft_id": "1",
    "task_id": "1",
    "note_id": "1",
    "document_id": "1",
    "share_id": "1",
}


def path_for(route: Route, values: dict[str, str] | None = None) -> str:
    """The route's path with `values` (or SAMPLES) put in for its parameters."""
    values = {**SAMPLES, **(values or {})}
    path = _GROUP.sub(lambda m: values[m.group("name")], route.pattern)
    path = _CONVERTER.sub(lambda m: values[m.group("name")], path)
    return "/" + path.replace("^", "").replace("$", "")
