"""The Wayback Machine's CDX API: building queries, reading JSON rows and following resume keys.

A query asks for one URL prefix (``www.miphealth.org.uk/News/``), only successful captures, adjacent duplicates
collapsed by digest, optionally within years, ``limit`` rows a page. With ``showResumeKey=true`` the answer ends with a
blank row and a row holding the key for the next page; :func:`parse_cdx_json` returns it, :func:`cdx_url` sends it
back.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

CDX_PATH = "/cdx/search/cdx"
FIELDS = ("urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length")
DEFAULT_PREFIXES = ("/News/", "/home/")
DEFAULT_PAGE_SIZE = 500


class CdxError(ValueError):
    """The CDX server answered something that is not a CDX JSON result."""


@dataclass(frozen=True)
class CdxRow:
    urlkey: str
    timestamp: str
    original: str
    mimetype: str
    statuscode: str
    digest: str
    length: str

    @property
    def year(self) -> int:
        return int(self.timestamp[:4])


@dataclass(frozen=True)
class CdxPage:
    rows: list[CdxRow]
    resume_key: str | None = None


def cdx_url(wayback_url: str, url: str, *, match_type: str = "prefix", year_from: int | None = None,
            year_to: int | None = None, statuses: tuple[str, ...] = ("200",), collapse: str | None = "digest",
            limit: int = DEFAULT_PAGE_SIZE, resume_key: str | None = None) -> str:
    """The CDX query URL for ``url`` (host and path, no scheme) on the archive at ``wayback_url``."""
    params: list[tuple[str, str]] = [("url", strip_scheme(url)), ("matchType", match_type), ("output", "json")]
    if statuses:
        params.append(("filter", "statuscode:" + "|".join(statuses)))
    if collapse:
        params.append(("collapse", collapse))
    if year_from:
        params.append(("from", str(year_from)))
    if year_to:
        params.append(("to", str(year_to)))
    params += [("limit", str(limit)), ("showResumeKey", "true")]
    if resume_key:
        params.append(("resumeKey", resume_key))
    return f"{wayback_url.rstrip('/')}{CDX_PATH}?{urlencode(params)}"


def discovery_urls(wayback_url: str, hosts: tuple[str, ...], prefixes: tuple[str, ...] = DEFAULT_PREFIXES,
                   **options) -> list[str]:
    """The first page of every (host, prefix) query a recovery starts with."""
    return [cdx_url(wayback_url, host + prefix, **options) for host in hosts for prefix in prefixes]


def next_page_url(first_url: str, resume_key: str) -> str:
    """The same query, continuing after ``resume_key`` (any earlier key is replaced)."""
    base, _, query = first_url.partition("?")
    kept = [part for part in query.split("&") if part and not part.startswith("resumeKey=")]
    return f"{base}?{'&'.join(kept)}&{urlencode({'resumeKey': resume_key})}"


def parse_cdx_json(text: str | bytes) -> CdxPage:
    """Rows (as :class:`CdxRow`) and the resume key of one CDX JSON answer; an empty answer is no rows."""
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    if not text.strip():
        return CdxPage([])
    try:
        data = json.loads(text)
    except ValueError as error:
        raise CdxError(f"the CDX answer is not JSON: {error}") from None
    if not isinstance(data, list) or not data:
        return CdxPage([])
    header, rows, resume_key = data[0], [], None
    for position, row in enumerate(data[1:], start=1):
        if row == []:
            tail = data[position + 1] if position + 1 < len(data) else None
            resume_key = tail[0] if tail else None
            break
        rows.append(_row(header, row))
    return CdxPage(rows, resume_key)


def _row(header: list[str], values: list[str]) -> CdxRow:
    record = dict(zip(header, values))
    missing = [name for name in ("timestamp", "original") if not record.get(name)]
    if missing:
        raise CdxError(f"CDX row without {', '.join(missing)}: {values!r}")
    return CdxRow(**{name: str(record.get(name, "")) for name in FIELDS})


def strip_scheme(url: str) -> str:
    parts = urlsplit(url if "://" in url else "http://" + url)
    return parts.netloc + (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
