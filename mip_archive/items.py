"""The record shapes that flow through the pipeline: fetch → parse → normalise → enrich → store.

Every source (today's WordPress site, the two earlier ASP.NET sites recovered from the Wayback Machine) produces
the same :class:`Article`. Parsers fill it; the store persists it; nothing downstream needs to know the era.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

SECTIONS = ("news", "magazine")
ERAS = ("wordpress", "aspnet-2013-2017", "aspnet-2018-2024")


@dataclass
class Capture:
    """Where a Wayback Machine copy of a page came from."""

    timestamp: str  # 14-digit Wayback timestamp, e.g. "20170402101500"
    original_url: str  # the URL as the union's site served it then
    archive_url: str  # the Wayback URL of the capture (id_ form)


@dataclass
class Article:
    """One statement or magazine article, as parsed from one page."""

    url: str  # canonical URL of the article
    section: str  # "news" or "magazine"
    title: str
    body: str  # plain text, paragraphs separated by one blank line
    era: str = "wordpress"
    published: str | None = None  # ISO date, YYYY-MM-DD; None when no signal gave a parseable date
    published_raw: str | None = None  # the date string exactly as the winning signal gave it
    date_source: str | None = None  # which signal gave the date: "rest", "jsonld", "meta", "time", "printed", "listing", ...
    modified: str | None = None  # ISO date-time of the last edit, when the page says
    author: str | None = None
    standfirst: str | None = None
    body_html: str = ""  # sanitised HTML of the body (no script, no event handlers, no remote embeds)
    image_captions: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    related_links: list[str] = field(default_factory=list)
    source_url: str | None = None  # the URL actually fetched, when it differs from the canonical one
    capture: Capture | None = None
    warnings: list[str] = field(default_factory=list)  # e.g. "date: could not parse 'Fryday 31 Mar'"

    @property
    def word_count(self) -> int:
        return len(self.body.split())

    @property
    def content_hash(self) -> str:
        """A hash of what a reader sees: title, date, author, standfirst and body. Stable across re-crawls."""
        parts = [self.title, self.published or "", self.author or "", self.standfirst or "", self.body]
        return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["word_count"] = self.word_count
        data["content_hash"] = self.content_hash
        return data


class ParseError(ValueError):
    """A page could not be turned into an Article (not an article, no title, no body...). The message is for users."""
