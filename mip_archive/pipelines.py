"""Thin Scrapy adapters over the store: each parsed article is stored in its own transaction.

Both pipelines go through :func:`store_statement`, so the same statement met on the live site and in the Wayback
Machine ends up as one record listing all its URLs.
"""

from __future__ import annotations

import logging

from mip_archive.items import Article
from mip_archive.store import open_db
from mip_archive.store.statements import store_statement

log = logging.getLogger(__name__)


class StorePipeline:
    """For the live site: the page as it is now is the text to keep; an edit becomes a new version."""

    prefer_latest = True

    def __init__(self, db_path: str, stats):
        self.db_path = db_path
        self.stats = stats
        self.db = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings.get("MIP_DB"), crawler.stats)

    def open_spider(self):
        self.db = open_db(self.db_path)

    def close_spider(self):
        if self.db is not None:
            self.db.close()

    def process_item(self, item):
        if isinstance(item, Article):
            with self.db.atomic():
                outcome = store_statement(self.db, item, prefer_latest=self.prefer_latest)
            self.stats.inc_value(f"mip/{'unchanged' if outcome == 'merged' else outcome}")
            if outcome == "merged":
                self.stats.inc_value("mip/merged")
            if item.warnings:
                self.stats.inc_value("mip/warnings", len(item.warnings))
                log.info("%s: %s", item.url, "; ".join(item.warnings))
        return item


class WaybackStorePipeline(StorePipeline):
    """For Wayback captures: only a more complete capture replaces the stored text of a statement."""

    prefer_latest = False
