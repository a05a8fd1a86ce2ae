"""The `crawl_runs` table: one row per run of a command that fetches, with its counts and outcome."""

from __future__ import annotations

import datetime as dt
import json

import sqlite_utils
from sqlite_utils.migrations import Migrations

migrations = Migrations("mip-runs")

COUNTERS = (
    "pages_fetched", "requests", "bytes", "new", "updated", "unchanged", "withdrawn", "failed", "skipped", "warnings",
)


@migrations()
def create_crawl_runs(db: sqlite_utils.Database) -> None:
    columns = {"id": int, "started": str, "finished": str, "source": str, "command": str, "base_url": str,
               "status": str, "duration_s": float, "details": str}
    columns.update({name: int for name in COUNTERS})
    db["crawl_runs"].create(columns, pk="id")


def now_iso() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def start_run(db: sqlite_utils.Database, *, command: str, source: str, base_url: str) -> int:
    with db.atomic():
        table = db["crawl_runs"].insert(
            {"started": now_iso(), "command": command, "source": source, "base_url": base_url, "status": "running"}
        )
    return table.last_pk


def finish_run(db: sqlite_utils.Database, run_id: int, *, status: str, counts: dict, details: dict | None = None) -> dict:
    row = db["crawl_runs"].get(run_id)
    finished = now_iso()
    started = dt.datetime.fromisoformat(row["started"])
    update = {name: int(counts.get(name, 0)) for name in COUNTERS}
    update.update(
        finished=finished,
        status=status,
        duration_s=round((dt.datetime.fromisoformat(finished) - started).total_seconds(), 1),
        details=json.dumps(details or {}, sort_keys=True),
    )
    with db.atomic():
        db["crawl_runs"].update(run_id, update)
    return db["crawl_runs"].get(run_id)


def close_interrupted(db: sqlite_utils.Database) -> int:
    """Runs killed mid-way stay 'running'; the next run (holding the lock) marks them 'interrupted'."""
    with db.atomic():
        return db.execute("update crawl_runs set status = 'interrupted' where status = 'running'").rowcount
