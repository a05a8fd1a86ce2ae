"""Storing recovered captures: each statement once, the most complete capture's text, every URL recorded.

:func:`store_statement` is the store-side rule; :class:`WaybackStorePipeline` is the Scrapy adapter the Wayback job
uses (the site pipeline can call :func:`store_statement` too).
"""

from __future__ import annotations

import logging

import sqlite_utils

from mip_archive.items import Article
from mip_archive.pipelines import StorePipeline
from mip_archive.store.articles import record_url, upsert_article
from mip_archive.store.runs import now_iso
from mip_archive.wayback.identity import find_same_statement, more_complete, stored_article

log = logging.getLogger(__name__)


def store_statement(db: sqlite_utils.Database, article: Article, *, seen_at: str | None = None) -> str:
    """Upsert ``article`` as a new statement, as a better capture of a stored one, or only record its URL.

    Returns ``"new"``, ``"updated"``, ``"unchanged"`` (upsert outcomes) or ``"merged"`` (URL recorded on an
    existing statement whose stored capture is at least as complete). Call inside ``db.atomic()``.
    """
    seen_at = seen_at or now_iso()
    key = find_same_statement(db, article)
    if key is None:
        return upsert_article(db, article, seen_at=seen_at)
    stored = stored_article(db, key)
    if stored is None or more_complete(article, stored) is article:
        log.debug("%s: more complete capture of %s", article.url, key)
        return upsert_article(db, article, seen_at=seen_at, article_key=key)
    record_url(db, key, article, seen_at)
    return "merged"


class WaybackStorePipeline(StorePipeline):
    def process_item(self, item, spider=None):
        if isinstance(item, Article):
            with self.db.atomic():
                outcome = store_statement(self.db, item)
            self.stats.inc_value(f"mip/{'unchanged' if outcome == 'merged' else outcome}")
            if outcome == "merged":
                self.stats.inc_value("mip/merged")
            if item.warnings:
                self.stats.inc_value("mip/warnings", len(item.warnings))
                log.info("%s: %s", item.url, "; ".join(item.warnings))
        return item
