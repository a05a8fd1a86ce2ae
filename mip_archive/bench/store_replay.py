"""Replaying an archive's articles through the store, to time the store and its full-text index on their own.

The articles of a built archive are turned back into :class:`~mip_archive.items.Article` records and upserted into
a fresh archive one transaction per article, exactly as the crawl's pipeline does — once as the schema stands
(FTS kept in step by triggers) and once with the FTS triggers dropped. The difference is the cost of the index.
"""

from __future__ import annotations

import dataclasses
import json
import time
from pathlib import Path

from mip_archive.items import Article, Capture

ARTICLE_FIELDS = {f.name for f in dataclasses.fields(Article)} - {"capture"}
JSON_FIELDS = ("image_captions", "tags", "related_links", "warnings")


def articles_of(db_path: Path) -> list[Article]:
    """Every article stored in the archive at `db_path`, as the parser would have produced it."""
    import sqlite_utils

    db = sqlite_utils.Database(db_path)
    try:
        return [article_from_row(row) for row in db.query("select * from articles order by rowid")]
    finally:
        db.close()


def article_from_row(row: dict) -> Article:
    fields = {key: row[key] for key in ARTICLE_FIELDS if key in row}
    fields.update({key: json.loads(row[key]) if row.get(key) else [] for key in JSON_FIELDS})
    if row.get("archive_url"):
        fields["capture"] = Capture(row.get("capture_timestamp") or "", row.get("source_url") or row["url"],
                                    row["archive_url"])
    return Article(**fields)


def time_upserts(db_path: Path, articles: list[Article], *, with_fts: bool) -> float:
    """Seconds to upsert every article into a fresh archive, one transaction each (FTS triggers on or off)."""
    from mip_archive.bench.synth import drop_fts_triggers
    from mip_archive.store import open_db
    from mip_archive.store.articles import upsert_article

    db = open_db(db_path)
    try:
        if not with_fts:
            drop_fts_triggers(db)
        started = time.perf_counter()
        for article in articles:
            with db.atomic():
                upsert_article(db, article)
        return time.perf_counter() - started
    finally:
        db.close()


def replay_store(source: Path, folder: Path, *, rounds: int = 2) -> dict:
    """Store time without FTS, FTS time (with − without) and a one-pass FTS rebuild time, for `source`'s articles.

    Each is the best of `rounds` alternating replays into fresh databases (one commit per article is noisy)."""
    import sqlite_utils

    folder.mkdir(parents=True, exist_ok=True)
    articles = articles_of(source)
    without, with_fts = float("inf"), float("inf")
    for i in range(max(1, rounds)):
        without = min(without, time_upserts(folder / f"without-fts-{i}.db", articles, with_fts=False))
        with_fts = min(with_fts, time_upserts(folder / f"with-fts-{i}.db", articles, with_fts=True))
    db = sqlite_utils.Database(folder / "with-fts-0.db")
    try:
        started = time.perf_counter()
        db["articles"].rebuild_fts()
        rebuild = time.perf_counter() - started
    finally:
        db.close()
    return {"articles": len(articles), "store": without, "fts": max(with_fts - without, 0.0),
            "store_with_fts": with_fts, "fts_rebuild": rebuild}
