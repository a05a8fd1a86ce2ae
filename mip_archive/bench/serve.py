"""Serving benchmark: p50/p95 latency through Datasette's HTTP API on a synthetic archive at scale.

The archive (:mod:`mip_archive.bench.synth`, cached under data/bench/) is served by ``datasette serve`` started
exactly as ``mip-archive serve --public`` starts it (:func:`mip_archive.serve.datasette_args`), on a free port on
127.0.0.1, with two changes: arbitrary SQL is allowed (the LIKE peers need it) and the SQL time limit is raised so
a slow LIKE is measured rather than cut off. Every request loop is bounded and only ever talks to 127.0.0.1.
"""

from __future__ import annotations

import http.client
import logging
import socket
import subprocess
import time
from pathlib import Path

from mip_archive.bench import serve_queries as Q
from mip_archive.bench.report import StageResult, Table, Target, percentile, ratio
from mip_archive.store import open_db
from mip_archive.store.maintenance import optimize

log = logging.getLogger(__name__)

FULL = {"articles": 100_000, "requests": 40, "budget_s": 30.0}
QUICK = {"articles": 5_000, "requests": 15, "budget_s": 10.0}
QUOTES_PER_ARTICLE = 10
CACHE_DIR = Path("data/bench")
TARGETS_MS = {"fts": 50.0, "canned": 200.0}
SQL_LIMIT_MS = 10_000  # production (--public) stops queries at 1,000 ms; raised so slow ones are measured
BENCH_SETTINGS = ("--setting", "default_allow_sql", "on", "--setting", "sql_time_limit_ms", str(SQL_LIMIT_MS))
WARM_UP = 1


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_datasette(db_path: Path, port: int, *, timeout: float = 90.0) -> subprocess.Popen:
    """Start Datasette as `mip-archive serve --public` would (plus BENCH_SETTINGS); wait until it answers."""
    from mip_archive.serve import datasette_args

    args = datasette_args(db_path, host="127.0.0.1", port=port, public=True) + list(BENCH_SETTINGS)
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"datasette exited: {process.stderr.read().decode(errors='replace')[-500:]}")
        try:
            if get(http.client.HTTPConnection("127.0.0.1", port, timeout=5), "/-/versions.json")[0] == 200:
                return process
        except OSError:
            time.sleep(0.3)
    stop(process)
    raise RuntimeError(f"datasette did not answer on port {port} within {timeout:.0f}s")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def get(conn: http.client.HTTPConnection, path: str) -> tuple[int, bytes]:
    """(status, body) of one GET on a kept-alive connection."""
    conn.request("GET", path)
    response = conn.getresponse()
    return response.status, response.read()


def time_probe(port: int, probe: Q.Probe, values: list[dict], n_requests: int, budget_s: float = 30.0) -> dict:
    """Latencies (ms) of up to `n_requests` GETs of `probe` (fewer if they overrun `budget_s`), cycling through
    `values`, after a warm-up request."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=SQL_LIMIT_MS / 1000 + 30)
    latencies, sizes, error, by_value = [], [], None, {}
    errors, deadline = 0, time.monotonic() + budget_s
    try:
        for i in range(WARM_UP + n_requests):
            path = probe.path(values[i % len(values)])
            started = time.perf_counter()
            status, body = get(conn, path)
            if i >= WARM_UP:
                latencies.append((time.perf_counter() - started) * 1000)
                by_value.setdefault(i % len(values), []).append(latencies[-1])
                sizes.append(len(body))
                if status != 200:
                    errors, error = errors + 1, error or f"HTTP {status}: {body[:160].decode(errors='replace')}"
                if time.monotonic() > deadline:
                    break
    finally:
        conn.close()
    return {"p50": percentile(latencies, 50), "p95": percentile(latencies, 95), "max": max(latencies),
            "errors": errors, "error": error, "kib": sum(sizes) / len(sizes) / 1024, "requests": len(latencies),
            "by_value": {i: percentile(ms, 50) for i, ms in sorted(by_value.items())}}


def search_terms(db_path: Path, n: int = 6, sample: int = 2000) -> list[str]:
    """Words of the archive at spread-out document frequencies (common to rare), from a sample of its articles."""
    import re
    import sqlite3
    from collections import Counter

    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        bodies = [row[0] for row in conn.execute("select body from articles order by rowid limit ?", [sample])]
    finally:
        conn.close()
    docs = Counter(word for body in bodies for word in set(re.findall(r"[a-z]{5,}", body.lower())))
    ranked = [word for word, count in sorted(docs.items(), key=lambda item: (-item[1], item[0])) if count > 1]
    step = max(1, len(ranked) // n)
    return [ranked[i] for i in range(0, len(ranked), step)][:n]


def probe_values(db_path: Path, terms: list[str]) -> list[dict]:
    """Template values for the probes: a search word (and its LIKE pattern), and real speaker/entity names."""
    import sqlite3

    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        speakers = _top_names(conn, "PERSON")
        entities = _top_names(conn, None)
    finally:
        conn.close()
    return [{"term": term, "like": f"%{term}%", "speaker": speakers[i % len(speakers)],
             "entity": entities[i % len(entities)]} for i, term in enumerate(terms)]


def _top_names(conn, label: str | None) -> list[str]:
    sql = ("select entities.canonical from entities join article_entities on article_entities.entity_id = entities.id "
           + ("where entities.label = ? " if label else "") + "group by entities.id order by count(*) desc limit 5")
    names = [row[0].split()[-1] for row in conn.execute(sql, [label] if label else [])]
    return names or [""]


def matching_rows(db_path: Path, terms: list[str]) -> dict[str, tuple[int, int]]:
    """For each search word: how many articles and how many quotes its full-text search matches."""
    import sqlite3

    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        return {term: tuple(conn.execute(f"select count(*) from {table}_fts where {table}_fts match ?", [term])
                            .fetchone()[0] for table in ("articles", "quotes")) for term in terms}
    finally:
        conn.close()


def _term_table(timings: dict, values: list[dict], db_path: Path) -> Table:
    counts = matching_rows(db_path, [v["term"] for v in values])
    columns = ["word", "articles matched", "quotes matched"] + [f"{name} p50 ms" for pair in Q.PAIRS.items()
                                                                 for name in pair]
    table = Table("Search by word: the full-text index against LIKE, per word (p50 of its requests)", columns)
    for i, v in enumerate(values):
        cells = [timings[name]["by_value"].get(i) for pair in Q.PAIRS.items() for name in pair]
        table.add(v["term"], *counts[v["term"]], *[None if c is None else round(c, 1) for c in cells])
    return table


def database_sizes(db_path: Path) -> list[tuple[str, int]]:
    """Bytes per table (its indexes and FTS shadow tables included), largest first, from SQLite's dbstat."""
    import sqlite3

    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        rows = conn.execute("select name, sum(pgsize) from dbstat group by name").fetchall()
        owners = dict(conn.execute("select name, tbl_name from sqlite_master"))
    finally:
        conn.close()
    totals: dict[str, int] = {}
    for name, size in rows:
        owner = owners.get(name, name)
        owner = next((t for t in owners.values() if owner.startswith(f"{t}_fts")), owner)
        totals[owner] = totals.get(owner, 0) + size
    return sorted(totals.items(), key=lambda item: -item[1])


def run(quick: bool = False, *, n_articles: int | None = None, n_requests: int | None = None,
        cache_dir: Path | None = None, command: str = "") -> StageResult:
    import yaml

    from mip_archive.bench.synth import build_archive
    from mip_archive.serve import metadata_path

    config = QUICK if quick else FULL
    n = n_articles or config["articles"]
    started = time.perf_counter()
    db_path = (cache_dir or CACHE_DIR) / f"synth-{n}" / "mip.db"
    build = build_archive(db_path, n, quotes_per_article=QUOTES_PER_ARTICLE)
    values = probe_values(db_path, search_terms(db_path))
    queries = yaml.safe_load(metadata_path().read_text())["databases"]["mip"].get("queries", {})
    probes = [*Q.SEARCH_PROBES, *Q.FACET_PROBES, *Q.canned_probes(queries)]
    prepared = open_db(db_path)  # the store's migrations (indexes) and planner statistics, as a real archive has
    optimize(prepared, merge=True)
    prepared.close()
    process = start_datasette(db_path, free_port())
    try:
        port = int(process.args[process.args.index("--port") + 1])
        timings = {p.name: time_probe(port, p, values, n_requests or config["requests"], config["budget_s"])
                   for p in probes}
    finally:
        stop(process)
    result = _result(probes, timings, build, db_path, values, quick, command)
    result.seconds = time.perf_counter() - started
    return result


def _result(probes, timings, build, db_path, values, quick, command) -> StageResult:
    counts = build["counts"]
    table = Table(f"Serving: Datasette over HTTP, {counts['articles']:,} articles and {counts['quotes']:,} quotes",
                  ["request", "kind", "requests", "p50 ms", "p95 ms", "max ms", "KiB", "errors"])
    for p in probes:
        t = timings[p.name]
        table.add(p.name, p.kind, t["requests"], round(t["p50"], 1), round(t["p95"], 1), round(t["max"], 1),
                  round(t["kib"], 1), t["errors"])
    ratios = {f"{like} / {fts} (p50)": ratio(timings[like]["p50"], timings[fts]["p50"])
              for fts, like in Q.PAIRS.items()}
    targets = [Target(f"worst {kind} p95 < {limit:g} ms", f"< {limit:g} ms",
                      max(timings[p.name]["p95"] for p in probes if p.kind == kind), limit,
                      higher_is_better=False, unit=" ms") for kind, limit in TARGETS_MS.items()]
    size_table = _size_table(db_path, counts["articles"])
    notes = [(f"Synthetic archive {'reused from cache' if build['reused'] else 'built'} at {db_path} "
             f"(build {build['seconds']}s, of which inserts {build['insert_seconds']}s)."),
             f"Search words (common to rare, from the archive's FTS vocabulary): {', '.join(v['term'] for v in values)}.",
             "LIKE / FTS ratio: how many times slower the same search is without the full-text index.",
             (f"Datasette runs with the --public settings except: SQL allowed (for the LIKE peers) and a "
             f"{SQL_LIMIT_MS:,} ms SQL time limit instead of 1,000 ms, so slow queries are measured; anything over "
             "1,000 ms here would fail in production. A probe stops early once it has run 30 s (quick: 10 s)."),
             *[f"{p.name}: {timings[p.name]['error']}" for p in probes if timings[p.name]["error"]]]
    tables = [table, _term_table(timings, values, db_path), size_table]
    return StageResult("serve", command, quick, tables=tables, ratios=ratios, targets=targets,
                       notes=notes, params={"articles": counts["articles"], "quotes": counts["quotes"],
                                            "sql_time_limit_ms": SQL_LIMIT_MS})


def _size_table(db_path: Path, n_articles: int) -> Table:
    total = db_path.stat().st_size
    table = Table(f"Database size: {total / 2**20:,.1f} MiB, {total / n_articles * 1000 / 2**20:,.2f} MiB per 1,000 "
                  "articles", ["table (with its indexes and FTS)", "MiB", "MiB per 1,000 articles"])
    for name, size in database_sizes(db_path):
        if size >= 0.01 * total:
            table.add(name, round(size / 2**20, 2), round(size / n_articles * 1000 / 2**20, 3))
    return table
