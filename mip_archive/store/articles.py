"""Articles, their earlier versions and every URL they were seen at.

An article is keyed by a stable id derived from its canonical URL (host-independent, see normalise.article_id).
Upserting the same content twice changes nothing but `last_seen`; an edit keeps the old text in `article_versions`;
a vanished article is marked withdrawn, never deleted.
"""

from __future__ import annotations

import json
from typing import Literal

import sqlite_utils
from sqlite_utils.migrations import Migrations

from mip_archive.items import Article
from mip_archive.normalise import article_id
from mip_archive.store.runs import now_iso

migrations = Migrations("mip-articles")
Outcome = Literal["new", "updated", "unchanged"]

FTS_COLUMNS = ["title", "standfirst", "body"]
JSON_FIELDS = ("image_captions", "tags", "related_links", "warnings")


@migrations()
def create_articles(db: sqlite_utils.Database) -> None:
    db["articles"].create(
        {
            "id": str, "url": str, "section": str, "title": str, "published": str, "year": int,
            "author": str, "standfirst": str, "body": str, "word_count": int, "content_hash": str,
            "published_raw": str, "date_source": str, "modified": str, "era": str, "body_html": str,
            "image_captions": str, "tags": str, "related_links": str, "warnings": str,
            "source_url": str, "capture_timestamp": str, "archive_url": str,
            "status": str, "withdrawn_at": str, "first_seen": str, "last_seen": str,
            "versions": int, "enriched_hash": str,
        },
        pk="id",
        not_null={"url", "section", "title", "body", "content_hash", "status"},
        defaults={"status": "live", "versions": 1},
    )
    for columns in (["published"], ["section", "published"], ["year"], ["author"], ["status"]):
        db["articles"].create_index(columns)
    db["articles"].enable_fts(FTS_COLUMNS, create_triggers=True, tokenize="porter", replace=True)


@migrations()
def create_versions_and_urls(db: sqlite_utils.Database) -> None:
    db["article_versions"].create(
        {"article_id": str, "content_hash": str, "title": str, "published": str, "author": str,
         "standfirst": str, "body": str, "first_seen": str, "last_seen": str},
        pk=("article_id", "content_hash"),
        foreign_keys=[("article_id", "articles", "id")],
    )
    db["article_urls"].create(
        {"url": str, "article_id": str, "era": str, "capture_timestamp": str, "archive_url": str,
         "first_seen": str, "last_seen": str},
        pk="url",
        foreign_keys=[("article_id", "articles", "id")],
    )
    db["article_urls"].create_index(["article_id"])


def article_row(article: Article) -> dict:
    data = article.to_dict()
    capture = data.pop("capture") or {}
    row = {key: value for key, value in data.items() if key not in JSON_FIELDS}
    row.update({key: json.dumps(data[key], ensure_ascii=False) for key in JSON_FIELDS})
    row.update(
        id=article_id(article.url),
        year=int(article.published[:4]) if article.published else None,
        capture_timestamp=capture.get("timestamp"),
        archive_url=capture.get("archive_url"),
    )
    return row


def upsert_article(db: sqlite_utils.Database, article: Article, *, seen_at: str | None = None,
                   article_key: str | None = None) -> Outcome:
    """Store one parsed article (call inside ``db.atomic()``); returns what happened to it."""
    seen_at = seen_at or now_iso()
    row = article_row(article)
    if article_key:
        row["id"] = article_key
    existing = next(db.query("select content_hash, first_seen, versions from articles where id = ?", [row["id"]]), None)
    if existing is None:
        outcome: Outcome = "new"
        row.update(first_seen=seen_at, last_seen=seen_at, status="live", withdrawn_at=None, versions=1)
        db["articles"].insert(row)
    elif existing["content_hash"] == row["content_hash"]:
        outcome = "unchanged"
        db.execute("update articles set last_seen = ?, status = 'live', withdrawn_at = null where id = ?",
                   [seen_at, row["id"]])
    else:
        outcome = "updated"
        row.update(first_seen=existing["first_seen"], last_seen=seen_at, status="live", withdrawn_at=None,
                   versions=existing["versions"] + 1)
        db["articles"].upsert(row, pk="id")
    _record_version(db, row, seen_at)
    record_url(db, row["id"], article, seen_at)
    return outcome


def _record_version(db: sqlite_utils.Database, row: dict, seen_at: str) -> None:
    key = [row["id"], row["content_hash"]]
    if next(db.query("select 1 from article_versions where article_id = ? and content_hash = ?", key), None):
        db.execute("update article_versions set last_seen = ? where article_id = ? and content_hash = ?",
                   [seen_at, *key])
        return
    db["article_versions"].insert(
        {"article_id": row["id"], "content_hash": row["content_hash"], "title": row["title"],
         "published": row["published"], "author": row["author"], "standfirst": row["standfirst"],
         "body": row["body"], "first_seen": seen_at, "last_seen": seen_at}
    )


def record_url(db: sqlite_utils.Database, key: str, article: Article, seen_at: str) -> None:
    capture = article.capture
    for url in {article.url, article.source_url or article.url}:
        existing = db["article_urls"].count_where("url = ?", [url])
        values = {"url": url, "article_id": key, "era": article.era, "last_seen": seen_at,
                  "capture_timestamp": capture.timestamp if capture else None,
                  "archive_url": capture.archive_url if capture else None}
        if not existing:
            values["first_seen"] = seen_at
        db["article_urls"].upsert(values, pk="url")


def mark_withdrawn(db: sqlite_utils.Database, key: str, *, when: str | None = None) -> bool:
    """Mark an article withdrawn (its page answered 404/410). Returns False when it already was, or is unknown."""
    cursor = db.execute(
        "update articles set status = 'withdrawn', withdrawn_at = ? where id = ? and status != 'withdrawn'",
        [when or now_iso(), key],
    )
    return cursor.rowcount > 0


def stale_enrichment_ids(db: sqlite_utils.Database, nlp_version: str | None = None) -> list[str]:
    """Articles whose entities and quotes were computed from other text than they hold now, or (given
    `nlp_version`) by other NLP rules or another model, or never."""
    sql = "select id from articles where enriched_hash is null or enriched_hash != content_hash"
    if nlp_version is not None and "enriched_with" in db["articles"].columns_dict:
        return [row["id"] for row in db.query(sql + " or enriched_with is not ? order by id", [nlp_version])]
    return [row["id"] for row in db.query(sql + " order by id")]


@migrations()
def add_enriched_with(db: sqlite_utils.Database) -> None:
    """Which NLP rules and model an article's entities and quotes came from (see nlp.model.nlp_version)."""
    if "enriched_with" not in db["articles"].columns_dict:
        db["articles"].add_column("enriched_with", str)


@migrations()
def add_date_indexes(db: sqlite_utils.Database) -> None:
    """Articles newest first by year then date (entity_mentions walks it and stops at its limit), and each
    article's date by id without reading the row (to sort an entity's articles)."""
    db["articles"].create_index(["year", "published"], if_not_exists=True)
    db["articles"].create_index(["id", "year", "published"], if_not_exists=True)
