"""One statement, one record: store an article as a new statement, as a better copy of a stored one, or only
record its URL. Used by every pipeline, so a live page and a Wayback capture of the same statement meet here.
"""

from __future__ import annotations

import logging

import sqlite_utils

from mip_archive.items import Article
from mip_archive.store.articles import record_url, upsert_article
from mip_archive.store.identity import find_same_statement, more_complete, stored_article
from mip_archive.store.runs import now_iso

log = logging.getLogger(__name__)


def store_statement(db: sqlite_utils.Database, article: Article, *, seen_at: str | None = None,
                    prefer_latest: bool = False) -> str:
    """Upsert ``article`` as a new statement, as a better capture of a stored one, or only record its URL.

    With ``prefer_latest`` (live crawls: the page as it is now is the text to keep, edits become versions) a match
    is always upserted under the stored id; otherwise (Wayback captures) only a more complete capture replaces the
    stored text. Returns ``"new"``, ``"updated"``, ``"unchanged"`` or ``"merged"`` (URL recorded on an existing
    statement whose stored capture is at least as complete). Call inside ``db.atomic()``.
    """
    seen_at = seen_at or now_iso()
    key = find_same_statement(db, article)
    if key is None:
        return upsert_article(db, article, seen_at=seen_at)
    stored = None if prefer_latest else stored_article(db, key)
    if stored is None or more_complete(article, stored) is article:
        log.debug("%s: stored as %s", article.url, key)
        return upsert_article(db, article, seen_at=seen_at, article_key=key)
    record_url(db, key, article, seen_at)
    return "merged"
