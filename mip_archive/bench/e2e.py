"""End-to-end benchmark: wall time and peak memory of ``mip-archive demo --no-serve`` at two sizes, by stage.

The real CLI runs in a subprocess (Scrapy's reactor cannot restart in one process); its peak resident memory comes
from ``os.wait4`` (the largest of the demo and the Wayback crawl it runs in a child). Its stages are read from its
own log lines, time-stamped as they arrive: the replica is built ("replica serving"), the crawl (today's site, then
the Wayback Machine: fetch + parse + store) ends when enrichment starts ("enriched 1/N"), the NLP ends with the
process. The store and its full-text index are then split out by replaying the archive's articles
through the store in this process, once with the FTS triggers and once without (:mod:`mip_archive.bench.store_replay`).
"""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from mip_archive.bench.report import StageResult, Table, Target, ratio

log = logging.getLogger(__name__)

# 10,000 articles take ~25 minutes on 2 cores (the NLP is ~60% of it): `--sizes 1000,10000` when there is time.
FULL = {"sizes": (1_000, 5_000)}
QUICK = {"sizes": (200, 1_000)}
LINEAR_TOLERANCE = 1.2  # per-article time at the large size ≤ 1.2× the small size's counts as linear
# (stage that has just ended, pattern of the first log line after it)
MARKERS = (("replica build", re.compile(r"replica serving")), ("crawl", re.compile(r"enriched \d+/\d+")))
STAGES = ("replica build", "fetch+parse", "store", "FTS", "NLP", "total")


def demo_command(n_articles: int, db_path: Path) -> list[str]:
    return [sys.executable, "-m", "mip_archive", "demo", "--no-serve", "--articles", str(n_articles),
            "--db", str(db_path)]


def run_demo(n_articles: int, db_path: Path) -> dict:
    """Run the demo once; its wall time, peak RSS (MiB), exit status, summary line and stage boundaries."""
    process = subprocess.Popen(demo_command(n_articles, db_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    started = time.monotonic()
    lines: list[tuple[float, str]] = []
    reader = threading.Thread(target=_read_lines, args=(process.stderr, lines, started), daemon=True)
    reader.start()
    stdout = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.monotonic() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    reader.join(timeout=10)
    return {"wall": wall, "peak_mib": usage.ru_maxrss / 1024, "exit": process.returncode,
            "summary": stdout.strip().splitlines()[-1] if stdout.strip() else "", "marks": stage_marks(lines, wall),
            "log_tail": [text for _, text in lines[-5:]]}


def _read_lines(stream, lines: list, started: float) -> None:
    for text in stream:
        lines.append((time.monotonic() - started, text.rstrip()))


def stage_marks(lines: list[tuple[float, str]], wall: float) -> dict[str, float]:
    """When each stage ended (seconds since start), from the first log line matching the next stage's marker."""
    marks = {}
    for stage, pattern in MARKERS:
        marks[stage] = next((at for at, text in lines if pattern.search(text)), None)
    marks["NLP"] = wall
    return marks


def split(demo: dict, replay: dict) -> dict[str, float | None]:
    """Seconds per stage: the log boundaries, with store and FTS (measured by replay) taken out of the crawl."""
    marks = demo["marks"]
    built, crawled = marks.get("replica build"), marks.get("crawl")
    if built is None or crawled is None:
        return {"replica build": built, "fetch+parse": None, "store": replay["store"], "FTS": replay["fts"],
                "NLP": None, "total": demo["wall"]}
    return {"replica build": built, "fetch+parse": max(crawled - built - replay["store"] - replay["fts"], 0.0),
            "store": replay["store"], "FTS": replay["fts"], "NLP": demo["wall"] - crawled, "total": demo["wall"]}


def measure_size(n_articles: int, folder: Path) -> dict:
    from mip_archive.bench.store_replay import replay_store

    db_path = folder / f"demo-{n_articles}.db"
    demo = run_demo(n_articles, db_path)
    if demo["exit"] != 0:
        raise RuntimeError(f"demo --articles {n_articles} failed: {demo['summary'] or demo['log_tail']}")
    replay = replay_store(db_path, folder / f"replay-{n_articles}")
    return {"articles": replay["articles"], "demo": demo, "replay": replay, "stages": split(demo, replay)}


def run(quick: bool = False, *, sizes: tuple[int, ...] | None = None, command: str = "") -> StageResult:
    sizes = tuple(sizes or (QUICK if quick else FULL)["sizes"])
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="mip-bench-e2e-") as folder:
        runs = {n: measure_size(n, Path(folder)) for n in sizes}
    result = _result(runs, quick, command)
    result.seconds = time.perf_counter() - started
    return result


def _result(runs: dict[int, dict], quick: bool, command: str) -> StageResult:
    sizes = sorted(runs)
    small, large = runs[sizes[0]], runs[sizes[-1]]
    table = Table("End to end: `mip-archive demo --no-serve` (replica → crawl → parse → store → FTS → NLP)",
                  ["replica articles", "stored", "wall s", "peak MiB", *[f"{s} s" for s in STAGES[:-1]],
                   "FTS rebuild s", "ms/article"])
    for n in sizes:
        r = runs[n]
        stages = r["stages"]
        table.add(n, r["articles"], round(r["demo"]["wall"], 1), round(r["demo"]["peak_mib"]),
                  *[_round(stages[s]) for s in STAGES[:-1]], _round(r["replay"]["fts_rebuild"]),
                  round(r["demo"]["wall"] / max(r["articles"], 1) * 1000, 1))
    growth = Table(f"Growth: time per stored article at {sizes[-1]:,} ÷ at {sizes[0]:,} (1.0 = linear)",
                   ["stage", "per-article ratio"])
    ratios = {}
    for stage in STAGES:
        ratios[f"{stage} per article, {sizes[-1]} / {sizes[0]}"] = value = ratio(
            _per_article(large, stage), _per_article(small, stage))
        growth.add(stage, value)
    total_growth = ratios[f"total per article, {sizes[-1]} / {sizes[0]}"]
    target = Target(f"linear growth {sizes[0]:,} → {sizes[-1]:,} (per-article time ratio)",
                    f"≤ {LINEAR_TOLERANCE}", total_growth, LINEAR_TOLERANCE, higher_is_better=False, unit="")
    notes = [f"Summary line at {sizes[-1]:,}: {large['demo']['summary']}",
             ("Stored articles: the demo crawls today's site, then the emulated Wayback Machine (in a child process) "
             "for the older sites' articles."),
             ("Stage split: log-line boundaries of the real run; store and FTS times are an in-process replay of the "
             "same articles through the store (per-article transactions, as the crawl's pipeline does), with and "
             "without the FTS triggers (best of two each); fetch+parse is the crawl's time minus those two. "
             "'FTS rebuild' is one `rebuild_fts()` pass over the same articles, for scale."),
             "NLP includes writing entities, quotes and roles and refreshing the entity statistics."]
    return StageResult("e2e", command, quick, tables=[table, growth], ratios=ratios, targets=[target], notes=notes,
                       params={"sizes": sizes, "demo": demo_command(0, Path("DB"))[1:]})


def _per_article(run: dict, stage: str) -> float | None:
    value = run["stages"].get(stage)
    return None if value is None else value / max(run["articles"], 1)


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)
