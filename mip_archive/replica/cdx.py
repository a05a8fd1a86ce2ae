"""The emulated Wayback Machine's CDX API: which captures answer a ``/cdx/search/cdx`` query, and in what form.

``search`` selects from a capture index sorted like the real one (``url`` with ``*`` wildcards or ``matchType``,
``filter``, ``collapse``, ``from``/``to``, ``resumeKey``) and pages it (``limit``, ``showResumeKey``) as text or JSON.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import quote, unquote, urlsplit

from mip_archive.replica.http import Response

if TYPE_CHECKING:
    from mip_archive.replica.wayback import StoredCapture

FIELDS = ("urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length")


def surt(url: str) -> str:
    """The CDX ``urlkey``: host reversed without ``www.``, lower-cased path and query (``uk,org,miphealth)/news/…``)."""
    parts = urlsplit(url if "://" in url else "http://" + url)
    host = (parts.hostname or "").lower().removeprefix("www.")
    key = ",".join(reversed(host.split("."))) + ")" + (parts.path or "/").lower()
    return key + ("?" + "&".join(sorted(parts.query.lower().split("&"))) if parts.query else "")


def search(index: list[StoredCapture], query: dict[str, str]) -> Response:
    url = query.get("url", "")
    if not url:
        return Response.text("Request must include a url parameter", status=400)
    try:
        rows = _select(index, query)
    except (re.error, ValueError) as error:
        return Response.text(f"Bad query: {error}", status=400)
    fields = [f for f in query.get("fl", "").split(",") if f in FIELDS] or list(FIELDS)
    limit = int(query["limit"]) if query.get("limit", "").isdigit() else None
    page, more = (rows[:limit], len(rows) > limit) if limit else (rows, False)
    resume = _resume_key(page[-1]) if more and page and query.get("showResumeKey") == "true" else None
    values = [[str(_field(c, f)) for f in fields] for c in page]
    if query.get("output") == "json":
        data = ([fields] + values if values else []) + ([[], [resume]] if resume else [])
        return Response.json(data)
    lines = [" ".join(v) for v in values] + (["", resume] if resume else [])
    return Response.text("\n".join(lines) + ("\n" if lines else ""))


def _select(index: list[StoredCapture], query: dict[str, str]) -> list[StoredCapture]:
    matcher = _url_matcher(query["url"], query.get("matchType", "exact"))
    low, high = _bound(query.get("from"), "0"), _bound(query.get("to"), "9")
    after = _parse_resume_key(query["resumeKey"]) if query.get("resumeKey") else None
    filters = [_filter(query["filter"])] if query.get("filter") else []
    rows = [c for c in index if matcher(c.urlkey) and low <= c.timestamp <= high
            and all(f(c) for f in filters)]
    rows = _collapse(rows, query.get("collapse"))  # before resuming, so a page edge does not reset it
    return [c for c in rows if after is None or (c.urlkey, c.timestamp) > after]


def _field(capture: StoredCapture, name: str):
    return {"urlkey": capture.urlkey, "timestamp": capture.timestamp, "original": capture.original,
            "mimetype": capture.mimetype, "statuscode": capture.status, "digest": capture.digest,
            "length": len(capture.body)}[name]


def _url_matcher(url: str, match_type: str):
    if url.startswith("*."):
        url, match_type = url[2:], "domain"
    elif url.endswith("*"):
        url, match_type = url[:-1], "prefix"
    key = surt(url if "://" in url else "http://" + url)
    if match_type == "prefix":
        return lambda k: k.startswith(key)
    if match_type in ("host", "domain"):
        host_key = key.split(")", 1)[0]
        if match_type == "host":
            return lambda k: k.split(")", 1)[0] == host_key
        return lambda k: k.split(")", 1)[0] == host_key or k.startswith(host_key + ",")
    if match_type != "exact":
        raise ValueError(f"unknown matchType {match_type!r}")
    return lambda k: k == key


def _bound(value: str | None, pad: str) -> str:
    digits = re.sub(r"\D", "", value or "")
    return (digits + pad * 14)[:14] if digits else pad * 14


def _filter(expression: str):
    negate = expression.startswith("!")
    name, _, pattern = expression.lstrip("!").partition(":")
    if name not in FIELDS:
        raise ValueError(f"unknown filter field {name!r}")
    compiled = re.compile(pattern)
    return lambda c: bool(compiled.fullmatch(str(_field(c, name)))) != negate


def _collapse(rows: list[StoredCapture], spec: str | None) -> list[StoredCapture]:
    """Drop each row whose field (or its first N characters) equals the previous row's, like the real API."""
    if not spec:
        return rows
    name, _, size = spec.partition(":")
    if name not in FIELDS:
        raise ValueError(f"unknown collapse field {name!r}")
    kept, last = [], None
    for row in rows:
        value = str(_field(row, name))[: int(size)] if size else str(_field(row, name))
        if value != last:
            kept.append(row)
        last = value
    return kept


def _resume_key(capture: StoredCapture) -> str:
    return f"{quote(capture.urlkey, safe='')}+{capture.timestamp}"


def _parse_resume_key(key: str) -> tuple[str, str]:
    urlkey, _, timestamp = key.replace(" ", "+").rpartition("+")
    return unquote(urlkey), timestamp
