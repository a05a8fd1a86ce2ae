"""What the refresh remembers between runs: each URL's validators (ETag, Last-Modified) and a few run marks.

`http_cache` holds, per URL, what the server said last time, so the next request can be conditional
(If-None-Match / If-Modified-Since → 304). An article's row is written in the same transaction as the article
itself, so a crash can never leave a validator for a page whose content was not stored. `refresh_state` keeps
small named marks: the REST API's high-water mark, when the last sweep ran.
"""

from __future__ import annotations

import sqlite_utils
from sqlite_utils.migrations import Migrations

from mip_archive.store.runs import now_iso

migrations = Migrations("mip-refresh")


@migrations()
def create_http_cache(db: sqlite_utils.Database) -> None:
    db["http_cache"].create(
        {"url": str, "kind": str, "etag": str, "last_modified": str, "last_status": int, "fetched_at": str},
        pk="url",
    )
    db["http_cache"].create_index(["kind", "fetched_at"])
    db["refresh_state"].create({"name": str, "value": str, "updated": str}, pk="name")


def validators(db: sqlite_utils.Database, url: str) -> dict:
    """``{"etag": ..., "last_modified": ...}`` remembered for ``url`` (empty when none)."""
    row = next(db.query("select etag, last_modified from http_cache where url = ?", [url]), None)
    return {k: v for k, v in (row or {}).items() if v}


def all_validators(db: sqlite_utils.Database) -> dict[str, dict]:
    rows = db.query("select url, etag, last_modified from http_cache where etag is not null or last_modified is not null")
    return {row["url"]: {k: v for k, v in row.items() if k != "url" and v} for row in rows}


def remember(db: sqlite_utils.Database, url: str, *, kind: str, status: int, etag: str | None = None,
             last_modified: str | None = None, fetched_at: str | None = None) -> None:
    """Record what ``url`` answered. A 304 keeps the validators already stored; other answers replace them."""
    row = {"url": url, "kind": kind, "last_status": status, "fetched_at": fetched_at or now_iso()}
    if status != 304:
        row.update(etag=etag, last_modified=last_modified)
    db["http_cache"].upsert(row, pk="url")


def forget(db: sqlite_utils.Database, url: str) -> None:
    db.execute("delete from http_cache where url = ?", [url])


def least_recently_checked(db: sqlite_utils.Database, limit: int) -> list[dict]:
    """Live articles in the order a sweep should re-check them: never checked first, then the oldest check."""
    sql = """
        select a.id, a.url, a.section, c.fetched_at from articles a
        left join http_cache c on c.url = a.url
        where a.status = 'live'
        order by c.fetched_at is not null, c.fetched_at, a.published desc, a.id
        limit ?"""
    return list(db.query(sql, [limit]))


def get_state(db: sqlite_utils.Database, name: str, default: str | None = None) -> str | None:
    row = next(db.query("select value from refresh_state where name = ?", [name]), None)
    return row["value"] if row else default


def set_state(db: sqlite_utils.Database, name: str, value: str) -> None:
    db["refresh_state"].upsert({"name": name, "value": value, "updated": now_iso()}, pk="name")


def touch_article(db: sqlite_utils.Database, key: str, seen_at: str) -> None:
    """A 304 for a live article: it is still there, unchanged (``last_seen`` moves on, nothing else)."""
    db.execute("update articles set last_seen = ? where id = ? and status = 'live'", [seen_at, key])
