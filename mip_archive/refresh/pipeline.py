"""What the refresh spider yields, and the Scrapy pipeline that stores it: one transaction per page.

An article and the validators of the page it came from are written together, so a crash can never leave an ETag
for content the archive does not hold (the next run would get a 304 and miss it). The same functions replay a
WARC capture in ``mip-archive rebuild``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import sqlite_utils

from mip_archive.items import Article
from mip_archive.normalise import article_id
from mip_archive.store import http_cache, open_db
from mip_archive.store.articles import mark_withdrawn, upsert_article

log = logging.getLogger(__name__)
GONE = (404, 410)


@dataclass
class PageSeen:
    """An article page's answer: a parsed ``article`` (200), nothing new (304), or gone (404/410)."""

    url: str  # the URL fetched: its validators are stored under it
    status: int
    fetched_at: str  # the store's time format (``now_iso``), equal to the WARC record's date
    article: Article | None = None
    etag: str | None = None
    last_modified: str | None = None


def store_page(db: sqlite_utils.Database, page: PageSeen) -> str:
    """Store one page's outcome (call inside ``db.atomic()``): "new", "updated", "unchanged", "checked",
    "withdrawn" or "gone" (a 404 for an article the archive never held, or already withdrawn)."""
    http_cache.remember(db, page.url, kind="article", status=page.status, etag=page.etag,
                        last_modified=page.last_modified, fetched_at=page.fetched_at)
    if page.article is not None:
        return upsert_article(db, page.article, seen_at=page.fetched_at)
    if page.status in GONE:
        withdrawn = mark_withdrawn(db, article_id(page.url), when=page.fetched_at)
        return "withdrawn" if withdrawn else "gone"
    http_cache.touch_article(db, article_id(page.url), page.fetched_at)
    return "checked"


class RefreshStorePipeline:
    def __init__(self, db_path: str, stats):
        self.db_path, self.stats = db_path, stats
        self.db = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings.get("MIP_DB"), crawler.stats)

    def open_spider(self, spider=None):
        self.db = open_db(self.db_path)

    def close_spider(self, spider=None):
        if self.db is not None:
            self.db.close()

    def process_item(self, item, spider=None):
        if not isinstance(item, PageSeen):
            return item
        with self.db.atomic():
            outcome = store_page(self.db, item)
        self.stats.inc_value(f"mip/{outcome}")
        if item.article is not None and item.article.warnings:
            self.stats.inc_value("mip/warnings", len(item.article.warnings))
            log.warning("%s: %s", item.url, "; ".join(item.article.warnings))
        if outcome == "withdrawn":
            log.info("withdrawn: %s answered %d", item.url, item.status)
        return item
