"""Shared by the refresh tests: a mutable, fault-injecting replica on 127.0.0.1 and the refresh run in a subprocess.

Scrapy's reactor cannot restart in one process, so every run is the real CLI (``python -m mip_archive``) in a
subprocess.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

from mip_archive.replica import ReplicaServer
from mip_archive.replica.content import generate
from mip_archive.replica.faults import FaultSpec, FaultyApp, MutableSite

ROOT = Path(__file__).resolve().parent.parent


@contextmanager
def replica(n_articles: int = 40, seed: int = 3, faults: str = "", **spec_options):
    app = FaultyApp(MutableSite(generate(n_articles, seed), seed), FaultSpec.parse(faults, **spec_options))
    with ReplicaServer([app], port=0) as server:
        yield server, app


def run(command: str, *args: str, timeout: int = 300, background: bool = False):
    """Run one of our click commands in a fresh interpreter (``background=True`` returns the Popen)."""
    argv = [sys.executable, "-m", "mip_archive", command, *args]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    if background:
        return subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)


def refresh(server, db_path: Path, *extra: str, **kwargs):
    return run("refresh", "--base-url", server.url, "--db", str(db_path), "--no-enrich", *extra, **kwargs)


def rows(db_path: Path, sql: str, params=()) -> list[dict]:
    conn = sqlite3.connect(db_path)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()


def last_run(db_path: Path) -> dict:
    return rows(db_path, "select * from crawl_runs order by id desc limit 1")[0]


def content(db_path: Path) -> dict:
    """What a reader sees, without the times: articles, versions and URLs, as comparable sets."""
    return {
        "articles": rows(db_path, "select id, url, section, title, published, author, standfirst, body, content_hash,"
                                  " status, versions from articles order by id"),
        "versions": rows(db_path, "select article_id, content_hash, title, body from article_versions"
                                  " order by article_id, content_hash"),
        "urls": rows(db_path, "select url, article_id from article_urls order by url"),
    }


def summary(result) -> str:
    lines = result.stdout.strip().splitlines()
    return lines[-1] if lines else ""


def warc_names(warc_dir: Path) -> set[str]:
    return {p.name for p in Path(warc_dir).glob("*.warc.gz")}


def captures_since(warc_dir: Path, before: set[str]) -> list:
    """The responses written to WARC files that did not exist in ``before`` (one run's captures)."""
    from mip_archive.warc import read_file, warc_files

    return [c for path in warc_files(warc_dir) if path.name not in before for c in read_file(path)]
