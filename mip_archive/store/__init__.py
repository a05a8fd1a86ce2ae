"""The archive's storage: ALL the SQL lives in this package (schema, migrations, upserts, FTS, versions, runs).

Each feature owns one migration set; :func:`open_db` applies every set, so any command can open any database
written by an older version of the tool.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import sqlite_utils

from mip_archive.store import articles, runs

log = logging.getLogger(__name__)


class StoreError(RuntimeError):
    """The database cannot be used (not SQLite, or not an archive written by mip-archive). The message is for users."""


def migration_sets() -> list:
    from mip_archive.store import http_cache, nlp  # the NLP tables reference articles: applied after them

    return [articles.migrations, runs.migrations, nlp.migrations, http_cache.migrations]


def open_db(path: str | Path, *, create: bool = True) -> sqlite_utils.Database:
    """Open (and migrate) the archive at ``path``; refuse a file that is not ours, with a clear message."""
    path = Path(path)
    if not path.exists() and not create:
        raise StoreError(f"no archive at {path}: run `mip-archive crawl` or `mip-archive demo` first")
    path.parent.mkdir(parents=True, exist_ok=True)
    _check_is_ours(path)
    db = sqlite_utils.Database(path)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("PRAGMA busy_timeout=30000")
    for migrations in migration_sets():
        migrations.apply(db)
    return db


def _check_is_ours(path: Path) -> None:
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = {row[0] for row in conn.execute("select name from sqlite_master where type='table'")}
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{path} is not an SQLite database ({error}); choose another file with --db") from None
    if tables and "articles" not in tables and "_sqlite_migrations" not in tables:
        raise StoreError(
            f"{path} is an SQLite database but not a mip-archive one (tables: {', '.join(sorted(tables)[:5])});"
            " choose another file with --db"
        )
