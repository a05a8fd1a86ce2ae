"""Thin Scrapy adapter over the store: each parsed article is upserted in its own transaction."""

from __future__ import annotations

import logging

from mip_archive.items import Article
from mip_archive.store import open_db
from mip_archive.store.articles import upsert_article

log = logging.getLogger(__name__)


class StorePipeline:
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
                outcome = upsert_article(self.db, item)
            self.stats.inc_value(f"mip/{outcome}")
            if item.warnings:
                self.stats.inc_value("mip/warnings", len(item.warnings))
                log.warning("%s: %s", item.url, "; ".join(item.warnings))
        return item
