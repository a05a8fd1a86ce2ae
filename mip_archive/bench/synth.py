"""A synthetic archive at scale for the serving benchmark: N articles and ~10 quotes each, written straight into
SQLite through the project's own store (``open_db`` creates the schema; rows are shaped by the store's functions).

Nothing is crawled: the replica's generator invents the articles in chunks, and everything is inserted in one
transaction with the full-text triggers dropped, then every FTS index is rebuilt once and its triggers restored —
so the result is exactly what the triggers would have built, in a fraction of the time. The database is cached:
a finished build leaves a ``.json`` marker beside it, and a build with the same parameters is reused.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterator
from pathlib import Path

import sqlite_utils

log = logging.getLogger(__name__)

BASE_URL = "https://www.miphealth.org.uk"
CHUNK = 5_000  # articles generated (and held in memory) at a time
SCHEMA_VERSION = 2  # bump when the rows written here change, to invalidate cached databases
SEEN_AT = "2026-11-25T00:00:00+00:00"


def build_archive(path: Path, n_articles: int, *, quotes_per_article: int = 10, seed: int = 1,
                  rebuild: bool = False) -> dict:
    """Build (or reuse) the synthetic archive at `path`; returns its build information (counts, seconds)."""
    params = {"articles": n_articles, "quotes_per_article": quotes_per_article, "seed": seed,
              "schema_version": SCHEMA_VERSION}
    marker = path.with_suffix(".json")
    if not rebuild and path.exists() and marker.exists():
        info = json.loads(marker.read_text())
        if info.get("params") == params:
            log.info("reusing the synthetic archive at %s", path)
            return {**info, "reused": True}
    info = _build(path, params)
    marker.write_text(json.dumps(info, indent=2))
    return {**info, "reused": False}


def _build(path: Path, params: dict) -> dict:
    from mip_archive.store import open_db

    for stale in (path, path.with_suffix(".json"), Path(f"{path}-wal"), Path(f"{path}-shm")):
        stale.unlink(missing_ok=True)
    started = time.perf_counter()
    db = open_db(path)
    try:
        triggers = drop_fts_triggers(db)
        counts = _insert_everything(db, params)
        inserted = time.perf_counter() - started
        rebuild_fts(db, triggers)
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()
    seconds = time.perf_counter() - started
    log.info("built %s in %.0fs (%.0fs inserting)", path, seconds, inserted)
    return {"params": params, "counts": counts, "seconds": round(seconds, 1),
            "insert_seconds": round(inserted, 1), "bytes": path.stat().st_size}


def _insert_everything(db: sqlite_utils.Database, params: dict) -> dict:
    from mip_archive.bench import synth_nlp
    from mip_archive.store.nlp import refresh_entity_stats

    counts = {"articles": 0, "quotes": 0}
    with db.atomic():
        for chunk, articles in enumerate(generate_chunks(params["articles"], params["seed"])):
            rows = [article_rows(article, chunk) for article in articles]
            insert_article_rows(db, rows)
            counts["quotes"] += synth_nlp.insert_enrichment(db, articles, [r["articles"] for r in rows],
                                                            params["quotes_per_article"])
            counts["articles"] += len(rows)
            log.info("synthetic archive: %d articles, %d quotes", counts["articles"], counts["quotes"])
        refresh_entity_stats(db)
    return counts


def generate_chunks(n_articles: int, seed: int) -> Iterator[list]:
    from mip_archive.replica.content import generate

    for chunk, start in enumerate(range(0, n_articles, CHUNK)):
        yield generate(min(CHUNK, n_articles - start), seed * 1000 + chunk)


def article_rows(replica_article, chunk: int) -> dict[str, dict]:
    """The rows of one article in `articles`, `article_versions` and `article_urls`, built by the store itself."""
    from mip_archive.items import Article
    from mip_archive.store.articles import article_row

    folder = f"{chunk}/" if chunk else ""  # slugs are unique within a chunk only
    a = replica_article
    article = Article(url=f"{BASE_URL}/news/{folder}{a.slug}/", section=a.section, title=a.title, body=a.body,
                      published=a.date.isoformat(), published_raw=a.date.isoformat(), date_source="jsonld",
                      modified=a.modified.isoformat(), author=a.author, standfirst=a.standfirst,
                      body_html="".join(f"<p>{p}</p>" for p in a.paragraphs),
                      image_captions=[c for _, c in a.images], tags=list(a.tags))
    row = article_row(article)
    row.update(first_seen=SEEN_AT, last_seen=SEEN_AT, status="live", versions=1, enriched_hash=row["content_hash"])
    version = {"article_id": row["id"], "content_hash": row["content_hash"], "title": row["title"],
               "published": row["published"], "author": row["author"], "standfirst": row["standfirst"],
               "body": row["body"], "first_seen": SEEN_AT, "last_seen": SEEN_AT}
    url = {"url": row["url"], "article_id": row["id"], "era": "wordpress", "first_seen": SEEN_AT,
           "last_seen": SEEN_AT}
    return {"articles": row, "article_versions": version, "article_urls": url}


def insert_article_rows(db: sqlite_utils.Database, rows: list[dict[str, dict]]) -> None:
    from mip_archive.bench.synth_nlp import bulk_insert

    for table in ("articles", "article_versions", "article_urls"):
        bulk_insert(db, table, [r[table] for r in rows])


def drop_fts_triggers(db: sqlite_utils.Database) -> list[str]:
    """Drop the triggers that keep FTS indexes in step (bulk loading through them is slow); return their SQL."""
    rows = db.execute("select name, sql from sqlite_master where type = 'trigger' and sql like '%_fts%'").fetchall()
    for name, _ in rows:
        db.execute(f"drop trigger [{name}]")
    return [sql for _, sql in rows]


def rebuild_fts(db: sqlite_utils.Database, triggers: list[str]) -> None:
    """Rebuild every FTS index from its content table in one pass, then put the triggers back."""
    for table in db.table_names():
        if table.endswith("_fts"):
            started = time.perf_counter()
            db.execute(f"insert into [{table}]([{table}]) values ('rebuild')")
            log.info("rebuilt %s in %.1fs", table, time.perf_counter() - started)
    for sql in triggers:
        db.execute(sql)
    db.conn.commit()
