"""Refresh benchmark: requests, bytes and seconds of an incremental refresh beside a full re-crawl of the same site.

Against one replica (a :class:`~mip_archive.replica.faults.MutableSite` on 127.0.0.1) and one archive, in order:
a full crawl builds the archive; a first refresh with nothing changed (it records the validators and the change
signals' mark that a plain crawl does not keep); a second refresh with nothing changed (the steady state of a
nightly run); 1% of the articles are edited and a third refresh runs; then a full re-crawl of the unchanged site.
Counts come from each run's ``crawl_runs`` row; seconds are the subprocess's wall time (start-up included).
"""

from __future__ import annotations

import math
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from mip_archive.bench.report import StageResult, Table, Target, ratio

FULL = {"articles": 2_000}
QUICK = {"articles": 300}
SEED = 5
CHANGED_SHARE = 0.01
REQUESTS_TARGET = 50.0  # a full re-crawl makes ≥ 50× the requests of a refresh with nothing changed


def cli_argv(command: str, *args: str) -> list[str]:
    """`python -m mip_archive <command>`, or the click command itself while it is not yet in the main group."""
    from mip_archive.cli import main

    if command in main.commands or command == "crawl":
        return [sys.executable, "-m", "mip_archive", command, *args]
    code = f"from mip_archive.cli_refresh import {command} as c; c(prog_name='mip-archive {command}')"
    return [sys.executable, "-c", code, *args]


def run_cli(command: str, base_url: str, db_path: Path) -> dict:
    """Run one crawl or refresh (NLP off: only fetching is compared); its crawl_runs row, wall time and summary."""
    source = ("--source", "live") if command == "crawl" else ()  # the refresh re-checks today's site only
    argv = cli_argv(command, *source, "--base-url", base_url, "--db", str(db_path), "--no-enrich")
    started = time.monotonic()
    done = subprocess.run(argv, capture_output=True, text=True, timeout=1800, check=False,
                          env={**os.environ, "PYTHONUNBUFFERED": "1"})
    wall = time.monotonic() - started
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0:
        raise RuntimeError(f"{command} exited {done.returncode}: {(lines or done.stderr.splitlines() or [''])[-1]}")
    return {**last_run(db_path), "wall": wall, "summary": lines[-1] if lines else ""}


def last_run(db_path: Path) -> dict:
    conn = sqlite3.connect(db_path)
    conn.row_factory = sqlite3.Row
    try:
        return dict(conn.execute("select * from crawl_runs order by id desc limit 1").fetchone())
    finally:
        conn.close()


def measure(n_articles: int, folder: Path) -> dict[str, dict]:
    """The five runs, keyed by what they are."""
    from mip_archive.replica import ReplicaServer
    from mip_archive.replica.content import generate
    from mip_archive.replica.faults import MutableSite

    site = MutableSite(generate(n_articles, SEED), SEED)
    db_path = folder / "mip.db"
    runs = {}
    with ReplicaServer([site], port=0) as server:
        runs["full crawl (first)"] = run_cli("crawl", server.url, db_path)
        runs["refresh, nothing changed (first)"] = run_cli("refresh", server.url, db_path)
        runs["refresh, nothing changed"] = run_cli("refresh", server.url, db_path)
        edited = edit_share(site, CHANGED_SHARE)
        runs["refresh, 1% changed"] = {**run_cli("refresh", server.url, db_path), "edited": len(edited)}
        runs["full re-crawl"] = run_cli("crawl", server.url, db_path)
    return runs


def edit_share(site, share: float) -> list[str]:
    """Edit `share` of the site's articles, spread evenly through it; returns their slugs."""
    slugs = [a.slug for a in site.articles]
    count = max(1, math.ceil(len(slugs) * share))
    chosen = slugs[:: max(1, len(slugs) // count)][:count]
    for slug in chosen:
        site.edit(slug)
    return chosen


def run(quick: bool = False, *, n_articles: int | None = None, command: str = "") -> StageResult:
    n = n_articles or (QUICK if quick else FULL)["articles"]
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="mip-bench-refresh-") as folder:
        runs = measure(n, Path(folder))
    result = _result(runs, n, quick, command)
    result.seconds = time.perf_counter() - started
    return result


def _result(runs: dict[str, dict], n: int, quick: bool, command: str) -> StageResult:
    full = runs["full re-crawl"]
    table = Table(f"Refresh vs full re-crawl: replica of {n:,} invented articles "
                  f"({runs['full crawl (first)']['new']:,} on today's site), NLP off",
                  ["run", "requests", "KiB", "seconds (wall)", "new", "updated", "unchanged",
                   "re-crawl ÷ this (requests)", "re-crawl ÷ this (bytes)"])
    for name, r in runs.items():
        table.add(name, r["requests"], round(r["bytes"] / 1024), round(r["wall"], 1), r["new"], r["updated"],
                  r["unchanged"], ratio(full["requests"], r["requests"]), ratio(full["bytes"], r["bytes"]))
    steady, changed = runs["refresh, nothing changed"], runs["refresh, 1% changed"]
    ratios = {"requests: full re-crawl / refresh nothing changed": ratio(full["requests"], steady["requests"]),
              "bytes: full re-crawl / refresh nothing changed": ratio(full["bytes"], steady["bytes"]),
              "seconds: full re-crawl / refresh nothing changed": ratio(full["wall"], steady["wall"]),
              "requests: full re-crawl / refresh 1% changed": ratio(full["requests"], changed["requests"]),
              "edits found by the 1% refresh / edits made": ratio(changed["updated"], changed["edited"])}
    target = Target("full re-crawl ÷ refresh (nothing changed), requests", f"≥ {REQUESTS_TARGET:g}×",
                    ratios["requests: full re-crawl / refresh nothing changed"], REQUESTS_TARGET)
    notes = [f"{changed['edited']} articles edited for the 1% run; the refresh stored {changed['updated']} as updated.",
             "Seconds are the whole command's wall time, including interpreter and Scrapy start-up (~2–4 s).",
             *[f"{name}: {r['summary']}" for name, r in runs.items()]]
    return StageResult("refresh", command, quick, tables=[table], ratios=ratios, targets=[target], notes=notes,
                       params={"articles": n, "changed_share": CHANGED_SHARE, "seed": SEED})
