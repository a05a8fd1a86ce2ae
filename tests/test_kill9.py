"""kill -9 during a refresh: the database stays intact after every kill, nothing stored is lost, the lock does not
outlive its holder, and the next run resumes to the same archive as a run never interrupted."""

import signal
import sqlite3
import time

import pytest

from tests.refresh_harness import content, refresh, replica, rows, warc_names

# Where each kill lands: once the first WARC record is on disk, then once the archive holds n articles.
KILL_POINTS = [("warc", 1), ("articles", 6), ("articles", 15)]


def progress(db, warc_dir, what):
    if what == "warc":
        return len(warc_names(warc_dir))
    if not db.exists():
        return 0
    try:
        return rows(db, "select count(*) as n from articles")[0]["n"]
    except sqlite3.OperationalError:  # tables not created yet
        return 0


def kill_when(process, db, what, at_least):
    """SIGKILL the run once ``what`` reaches ``at_least`` (or let it be, if it finished first)."""
    while process.poll() is None and progress(db, db.parent / "warc", what) < at_least:
        time.sleep(0.01)
    if process.poll() is None:
        process.send_signal(signal.SIGKILL)
    process.wait()
    process.communicate()
    return process.returncode


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    base = tmp_path_factory.mktemp("kill9")
    killed_db, clean_db = base / "killed" / "mip.db", base / "clean" / "mip.db"
    killed_db.parent.mkdir()
    clean_db.parent.mkdir()
    after_kills = []
    with replica(40, 3, delay_seconds=0.15) as (server, _):
        for what, at_least in KILL_POINTS:
            code = kill_when(refresh(server, killed_db, background=True), killed_db, what, at_least)
            check = rows(killed_db, "PRAGMA integrity_check") if killed_db.exists() else [{"integrity_check": "ok"}]
            after_kills.append((code, check[0]["integrity_check"], progress(killed_db, None, "articles")))
        resumed = refresh(server, killed_db)
        clean = refresh(server, clean_db)
    return after_kills, resumed, clean, killed_db, clean_db


def test_every_kill_leaves_an_intact_database_and_loses_nothing_stored(runs):
    after_kills, *_ = runs
    assert [code for code, _, _ in after_kills] == [-signal.SIGKILL] * len(KILL_POINTS)
    assert [check for _, check, _ in after_kills] == ["ok"] * len(KILL_POINTS)
    stored = [n for _, _, n in after_kills]
    assert stored == sorted(stored)


def test_the_run_after_the_kills_ends_with_the_uninterrupted_database(runs):
    _, resumed, clean, killed_db, clean_db = runs
    assert resumed.returncode == 0, resumed.stderr[-3000:]
    assert clean.returncode == 0, clean.stderr[-3000:]
    assert content(killed_db) == content(clean_db)
    assert rows(killed_db, "PRAGMA integrity_check") == [{"integrity_check": "ok"}]
