"""The site's cheap change signals, as pure functions over their bodies: the WordPress REST API, sitemaps, the feed.

Each gives :class:`Change` records (an article URL and, when the signal says, when it was last modified), so the
refresh fetches only what moved instead of re-reading the archive.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import dataclass
from urllib.parse import urlencode

from lxml import etree

log = logging.getLogger(__name__)

REST_POSTS = "/wp-json/wp/v2/posts"
REST_FIELDS = "id,link,modified_gmt"
REST_PER_PAGE = 100
# The order signals are tried in, with their paths: the REST API names every edit exactly; a sitemap's lastmod
# covers every post (WordPress core's, else Yoast SEO's); the feed only knows the newest posts (no old edits).
SIGNAL_PATHS = {"rest": REST_POSTS, "sitemap": "/wp-sitemap.xml", "yoast-sitemap": "/sitemap_index.xml",
                "feed": "/feed/"}
SIGNAL_ORDER = tuple(SIGNAL_PATHS)
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, recover=True)


class SignalUnavailable(ValueError):
    """The signal's answer is not what it should be (an HTML error page instead of JSON...)."""


@dataclass(frozen=True)
class Change:
    url: str
    modified: str | None = None  # naive-UTC ISO date-time, "2026-11-24T18:00:00"


def utc_mark(text: str | None) -> str | None:
    """Any ISO 8601 date-time (with or without offset) as a naive-UTC mark, comparable as a string."""
    if not text:
        return None
    try:
        moment = dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo:
        moment = moment.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return moment.replace(microsecond=0).isoformat()


def rest_url(base_url: str, since: str, page: int = 1) -> str:
    query = {"modified_after": since, "per_page": REST_PER_PAGE, "page": page, "_fields": REST_FIELDS,
             "orderby": "modified", "order": "desc"}
    return f"{base_url.rstrip('/')}{REST_POSTS}?{urlencode(query)}"


def parse_rest(body: bytes) -> list[Change]:
    """The posts of one REST API page (``[{"link": ..., "modified_gmt": ...}, ...]``)."""
    try:
        posts = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise SignalUnavailable(f"REST API answer is not JSON: {error}") from None
    if not isinstance(posts, list):
        raise SignalUnavailable("REST API answer is not a list of posts")
    return [Change(p["link"], utc_mark(p.get("modified_gmt") or p.get("modified")))
            for p in posts if isinstance(p, dict) and p.get("link")]


def rest_total_pages(value: str | None) -> int:
    """The X-WP-TotalPages header as a page count (1 when absent or unreadable)."""
    try:
        return max(1, int(value or "1"))
    except ValueError:
        return 1


def parse_sitemap(body: bytes) -> tuple[list[str], list[Change]]:
    """A sitemap index (→ child sitemap URLs) or a urlset (→ page URLs with their lastmod)."""
    root = _xml(body)
    children = [t.strip() for t in root.xpath("//sm:sitemap/sm:loc/text()", namespaces=SITEMAP_NS)]
    entries = [Change(u.findtext("sm:loc", namespaces=SITEMAP_NS).strip(),
                      utc_mark(u.findtext("sm:lastmod", namespaces=SITEMAP_NS)))
               for u in root.xpath("//sm:url[sm:loc]", namespaces=SITEMAP_NS)]
    if not children and not entries and etree.QName(root).localname not in ("urlset", "sitemapindex"):
        raise SignalUnavailable("not a sitemap")
    return children, entries


def parse_feed(body: bytes) -> list[Change]:
    root = _xml(body)
    links = [t.strip() for t in root.xpath("//item/link/text()")]
    if not links and root.tag != "rss":
        raise SignalUnavailable("not an RSS feed")
    return [Change(link) for link in links]


def _xml(body: bytes):
    try:
        root = etree.fromstring(body, parser=XML_PARSER)
    except etree.XMLSyntaxError as error:
        raise SignalUnavailable(f"not XML: {error}") from None
    if root is None:
        raise SignalUnavailable("empty XML document")
    return root


def changed_since(changes: list[Change], since: str | None) -> list[Change]:
    """The changes strictly newer than the mark (all of them without a mark or without a date)."""
    return [c for c in changes if since is None or c.modified is None or c.modified > since]


def high_water(changes: list[Change], since: str | None) -> str | None:
    return max([c.modified for c in changes if c.modified] + ([since] if since else []), default=None)
