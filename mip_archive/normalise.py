"""Normalisation of the fields every parser produces: dates, titles, text and URLs.

Pure functions, no I/O. Dates are read the British way (day first) and never guessed: a string without a day, a
month and a year gives ``None``. ISO 8601 and RFC 822 strings take a fast path; only the printed formats go to
dateparser (which is slow), and its answers are cached.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import html
import logging
import re
import unicodedata
from functools import lru_cache
from typing import Any
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit
from zoneinfo import ZoneInfo

import dateparser

log = logging.getLogger(__name__)

UK = ZoneInfo("Europe/London")

DATEPARSER_SETTINGS: dict[str, Any] = {
    "DATE_ORDER": "DMY",
    "RETURN_AS_TIMEZONE_AWARE": False,
    # Never fill in today's day or year: a banner such as "23 November, London" is not a date.
    "REQUIRE_PARTS": ["day", "month", "year"],
    # Relative dates ("2 days ago") and bare timestamps depend on when we parse, not on the page.
    "PARSERS": ["custom-formats", "absolute-time"],
    # PREFER_DAY_OF_MONTH is left out on purpose: REQUIRE_PARTS already refuses strings without a day.
}
DATE_LANGUAGES = ["en"]
PLAUSIBLE_YEARS = range(1990, 2101)  # the union was founded in 2005; anything outside this is a misreading

ISO_DATETIME = re.compile(
    r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$"
)
RFC822_HINT = re.compile(r"^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{2}:\d{2}")
SLASH_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")

# " - Managers in Partnership", " | MiP", " – MiP" ...: separators and site names, as data.
TITLE_SEPARATORS = ("-", "|", "–", "—", "·", "::")
SITE_NAMES = ("Managers in Partnership", "MiP Health", "miphealth.org.uk", "MiP")
_TITLE_SUFFIX = re.compile(
    r"\s+(?:%s)\s*(?:%s)\s*$"
    % ("|".join(map(re.escape, TITLE_SEPARATORS)), "|".join(map(re.escape, SITE_NAMES))),
    re.IGNORECASE,
)

ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = re.compile(r"[^\S\n]+")
_PARAGRAPH_BREAK = re.compile(r"\s*\n\s*\n\s*")
_ANY_SPACE = re.compile(r"\s+")

TRACKING_PARAMS = frozenset({"fbclid", "gclid", "dclid", "msclkid", "igshid", "mc_cid", "mc_eid", "_ga", "_gl",
                             "_hsenc", "_hsmi", "yclid", "twclid", "ref_src"})
TRACKING_PREFIXES = ("utm_",)
TEXT_SIZE_PARAM = ("text", frozenset({"large", "medium", "small"}))  # the 2013–2017 site's text-size switch
DEFAULT_PORTS = {"http": 80, "https": 443}
WAYBACK = re.compile(r"^https?://web\.archive\.org/web/\d{1,14}[a-z_]*/(.+)$", re.IGNORECASE)
CASE_INSENSITIVE_PATHS = re.compile(r"\.aspx$", re.IGNORECASE)  # IIS served the ASP.NET paths in any case
ARTICLE_ID_LENGTH = 16
# An absolute http(s) URL that canonical_url would give back unchanged: lower-case scheme and host, a port without
# leading zeros, a path of ordinary characters, no query, no fragment, no user info.
PLAIN_URL = re.compile(r"(https?)://([a-z0-9](?:[a-z0-9.-]*[a-z0-9])?)(?::([1-9][0-9]{0,4}))?(/[A-Za-z0-9._~%!$&'()*+,=@/-]*)?")


# --- dates ---------------------------------------------------------------------------------------------------

def parse_date(raw: str | None, *, settings: dict[str, Any] | None = None) -> str | None:
    """The ISO date (``YYYY-MM-DD``) a string names, as published in UK local time; ``None`` when it names none."""
    parsed = parse_datetime_obj(raw, settings=settings)
    return parsed.date().isoformat() if parsed else None


def parse_datetime(raw: str | None, *, settings: dict[str, Any] | None = None) -> str | None:
    """Like :func:`parse_date` but keeps the time: ISO date-time, in UK local time with its offset when one was given."""
    parsed = parse_datetime_obj(raw, settings=settings)
    return parsed.isoformat() if parsed else None


def parse_datetime_obj(raw: str | None, *, settings: dict[str, Any] | None = None) -> dt.datetime | None:
    if not raw or not raw.strip():
        return None
    text = _ANY_SPACE.sub(" ", raw.strip())
    return _parse_uncached(text, settings) if settings else _parse_cached(text)


def to_uk_date(moment: dt.datetime) -> dt.date:
    """The calendar date of ``moment`` in the UK; naive date-times are taken as already local."""
    return moment.astimezone(UK).date() if moment.tzinfo else moment.date()


@lru_cache(maxsize=4096)
def _parse_cached(text: str) -> dt.datetime | None:
    return _parse_uncached(text, None)


def _parse_uncached(text: str, settings: dict[str, Any] | None) -> dt.datetime | None:
    day_first = (settings or {}).get("DATE_ORDER", DATEPARSER_SETTINGS["DATE_ORDER"]) == "DMY"
    parsed = _parse_fast(text, day_first=day_first)
    if parsed is None:
        parsed = _parse_with_dateparser(text, settings)
    if parsed is None or parsed.year not in PLAUSIBLE_YEARS:
        return None
    return parsed


def _parse_fast(text: str, *, day_first: bool) -> dt.datetime | None:
    if ISO_DATETIME.match(text):
        return _parse_iso(text)
    match = SLASH_DATE.match(text) if day_first else None
    if match:
        day, month, year = map(int, match.groups())
        return _safe_datetime(year, month, day)
    if RFC822_HINT.match(text):
        return _parse_rfc822(text)
    return None


def _parse_iso(text: str) -> dt.datetime | None:
    try:
        parsed = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo:  # the date as it was published in the UK, not in UTC
        parsed = parsed.astimezone(UK)
    return parsed


def _parse_rfc822(text: str) -> dt.datetime | None:
    try:
        parsed = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed.astimezone(UK) if parsed.tzinfo else parsed


def _safe_datetime(year: int, month: int, day: int) -> dt.datetime | None:
    try:
        return dt.datetime(year, month, day)
    except ValueError:
        return None


def _parse_with_dateparser(text: str, settings: dict[str, Any] | None) -> dt.datetime | None:
    if len(text) > 60 or not any(ch.isdigit() for ch in text):
        return None  # a sentence, not a date; and no year without a digit
    merged = {**DATEPARSER_SETTINGS, **(settings or {})}
    try:
        return dateparser.parse(text, languages=DATE_LANGUAGES, settings=merged)
    except (ValueError, OverflowError, TypeError) as exc:  # dateparser raises on some malformed input
        log.debug("dateparser failed on %r: %s", text, exc)
        return None


# --- titles and text -----------------------------------------------------------------------------------------

def normalise_title(raw: str | None) -> str:
    """A title as a reader sees it: entities decoded, spaces collapsed, the site-name suffix removed."""
    title = normalise_text(html.unescape(raw or "")).replace("\n", " ")
    while True:
        stripped = _TITLE_SUFFIX.sub("", title)
        if stripped == title or not stripped.strip():
            return title.strip()
        title = stripped


def normalise_text(raw: str | None) -> str:
    """Text with spaces collapsed inside paragraphs; paragraphs (blank-line separated) kept apart. NFC."""
    if not raw:
        return ""
    text = unicodedata.normalize("NFC", raw.translate(ZERO_WIDTH)).replace("\u00a0", " ").replace("\r", "\n")
    if "\n" not in text:  # one paragraph (the common case): str.split() knows the same whitespace as \s
        return " ".join(text.split())
    paragraphs = (_ANY_SPACE.sub(" ", part).strip() for part in _PARAGRAPH_BREAK.split(text))
    return "\n\n".join(p for p in paragraphs if p)


# --- URLs ----------------------------------------------------------------------------------------------------

def canonical_url(url: str, base: str | None = None) -> str:
    """An absolute URL without fragment, tracking parameters, text-size switch or default port."""
    url = (url or "").strip()
    plain = PLAIN_URL.fullmatch(url)
    if plain and _plain_port_kept(plain):  # already canonical (most links): the base cannot change it
        return url if plain.group(4) else url + "/"
    if base:
        url = urljoin(base, url)
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    try:
        port = parts.port
    except ValueError:  # a port that is not a number: leave it out rather than fail
        port = None
    netloc = host if port in (None, DEFAULT_PORTS.get(scheme)) else f"{host}:{port}"
    path = parts.path or ("/" if netloc else "")
    return urlunsplit((scheme, netloc, path, _clean_query(parts.query), ""))


def _plain_port_kept(plain: re.Match) -> bool:
    port = plain.group(3)
    return not port or (int(port) <= 65535 and int(port) != DEFAULT_PORTS[plain.group(1)])


def _clean_query(query: str) -> str:
    if not query:
        return ""
    pairs = parse_qsl(query, keep_blank_values=True)
    kept = [(k, v) for k, v in pairs if not _is_noise_param(k, v)]
    return urlencode(kept) if kept != pairs else query


def _is_noise_param(name: str, value: str) -> bool:
    lowered = name.lower()
    if lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES):
        return True
    return lowered == TEXT_SIZE_PARAM[0] and value.lower() in TEXT_SIZE_PARAM[1]


def unwrap_wayback(url: str) -> str:
    """The original URL inside a Wayback Machine URL (``/web/<timestamp>[id_]/<original>``); other URLs unchanged."""
    match = WAYBACK.match(url.strip())
    if not match:
        return url
    inner = match.group(1)
    return inner if "://" in inner else "http://" + inner


def url_key(url: str) -> str:
    """A host-independent key: path (+ sorted query) only, so the replica and the live site give the same key."""
    parts = urlsplit(canonical_url(unwrap_wayback(url)))
    path = parts.path.rstrip("/") or "/"
    if CASE_INSENSITIVE_PATHS.search(path):
        path = path.lower()
    query = urlencode(sorted(parse_qsl(parts.query, keep_blank_values=True)))
    return f"{path}?{query}" if query else path


def article_id(url: str) -> str:
    """A short, stable id for an article: hex SHA-1 of :func:`url_key`."""
    return hashlib.sha1(url_key(url).encode("utf-8")).hexdigest()[:ARTICLE_ID_LENGTH]


def same_site(url_a: str, url_b: str) -> bool:
    """Whether two URLs are on the same host, ignoring scheme, port and a leading ``www.``."""
    return _bare_host(url_a) == _bare_host(url_b)


def _bare_host(url: str) -> str:
    plain = PLAIN_URL.fullmatch(url)
    host = plain.group(2) if plain else (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host
