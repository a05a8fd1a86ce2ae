"""One capture of a page: its ``id_`` URL, its text (decoded, replay clean-up undone) and whether it is a soft 404.

``/web/<ts>id_/<original>`` gives the bytes as the site sent them. A page fetched in replay form (or a capture that
itself holds a replay page) carries the Wayback toolbar, its scripts and links rewritten to ``/web/<ts>/…``:
:func:`strip_replay` removes all three. A "soft 404" is a 200 answer whose page says the page was not found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mip_archive.parse import decode_html

REPLAY_URL = re.compile(r"^(?:https?://[^/]+)?/web/(\d{1,14})([a-z]{2}_)?/(.+)$", re.IGNORECASE)
TOOLBAR = re.compile(r"<!--\s*BEGIN WAYBACK TOOLBAR INSERT\s*-->.*?<!--\s*END WAYBACK TOOLBAR INSERT\s*-->", re.S)
HEAD_INCLUDES = re.compile(r"<script[^>]*(?:archive\.org|__wm|/_static/)[^>]*>.*?</script>\s*"
                           r"|<script[^>]*>[^<]*__wm\.[^<]*</script>\s*"
                           r"|<link[^>]*/_static/[^>]*>\s*|<!--\s*End Wayback Rewrite JS Include\s*-->\s*", re.S | re.I)
ARCHIVED_NOTE = re.compile(r"<!--\s*FILE ARCHIVED ON .*?-->", re.S)
TOOLBAR_DIV = re.compile(r'<div id="wm-ipp-base".*?</div>\s*</div>\s*</div>', re.S)
REWRITTEN_LINK = re.compile(r'(?P<q>["\'])(?:https?://web\.archive\.org|(?:https?://[^/"\']+)?)'
                            r'/web/\d{1,14}(?:[a-z]{2}_)?/(?P<url>[^"\']+)(?P=q)', re.IGNORECASE)
SOFT_404 = re.compile(r"page not found|can.t find (that|the) page|page (you|you've) (asked for|requested)"
                      r" (may have moved|no longer exists|does not exist)|\b404\b.*\bnot found\b", re.IGNORECASE)
TITLE_AND_HEADINGS = re.compile(r"<(title|h1|h2)[^>]*>(.*?)</\1>", re.IGNORECASE | re.S)
CHARSET = re.compile(r"charset=([\w.:-]+)", re.IGNORECASE)


@dataclass(frozen=True)
class CaptureRef:
    timestamp: str
    original: str


def id_url(wayback_url: str, timestamp: str, original: str) -> str:
    """The URL of a capture's original bytes (no banner, no rewriting)."""
    return f"{wayback_url.rstrip('/')}/web/{timestamp}id_/{original}"


def parse_archive_url(url: str) -> CaptureRef | None:
    """Timestamp and original URL of an archive URL (``…/web/<ts>[flag]/<original>``); ``None`` for other URLs."""
    match = REPLAY_URL.match(url.strip())
    if not match:
        return None
    original = re.sub(r"^(https?):/+", r"\1://", match.group(3))
    return CaptureRef(match.group(1), original if "://" in original else "http://" + original)


def is_replay(html: str) -> bool:
    return "WAYBACK TOOLBAR INSERT" in html or "wm-ipp-base" in html or "/_static/css/banner-styles" in html


def strip_replay(html: str) -> str:
    """The page as the site served it: toolbar, archive scripts and the archive note removed, links restored."""
    if not is_replay(html) and "/web/" not in html:
        return html
    text = TOOLBAR.sub("", html)
    text = TOOLBAR_DIV.sub("", text)
    text = HEAD_INCLUDES.sub("", text)
    text = ARCHIVED_NOTE.sub("", text)
    return REWRITTEN_LINK.sub(lambda m: f"{m.group('q')}{_restore(m.group('url'))}{m.group('q')}", text)


def _restore(url: str) -> str:
    url = re.sub(r"^(https?):/+", r"\1://", url)
    return url if "://" in url else "http://" + url


def is_soft_404(html: str) -> bool:
    """A page answered with 200 that says it was not found (judged from its title and top headings)."""
    heads = " ".join(re.sub(r"<[^>]+>", " ", m.group(2)) for m in TITLE_AND_HEADINGS.finditer(html[:20000]))
    return bool(SOFT_404.search(heads))


def decode_capture(body: bytes, content_type: str | bytes | None = None) -> str:
    """Bytes to text: the charset the capture's Content-Type gives, UTF-8, the page's own declaration, windows-1252."""
    if isinstance(content_type, bytes):
        content_type = content_type.decode("latin-1")
    match = CHARSET.search(content_type or "")
    return decode_html(body, encoding=match.group(1) if match else None)


def capture_text(body: bytes, content_type: str | bytes | None = None) -> str:
    """Decoded and cleaned of any replay additions: what a parser should read."""
    return strip_replay(decode_capture(body, content_type))


def parse_capture(text: str, original: str, *, section_hint: str | None = None):
    """The :class:`Article` of a capture's cleaned text: the Wayback eras' parsers first (by page structure), then
    the package's registry (today's WordPress design, for captures after 2024)."""
    from mip_archive.parse import aspnet2013, aspnet2018, build_tree, parse_article

    tree = build_tree(text)
    for era in (aspnet2018, aspnet2013):
        if era.detect(tree, original):
            return era.parse(tree, original, section_hint=section_hint)
    return parse_article(text, original, section_hint=section_hint)
