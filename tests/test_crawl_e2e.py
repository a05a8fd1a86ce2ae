"""End to end: the real CLI in a subprocess crawls the replica over HTTP on 127.0.0.1 into SQLite."""

import json
import sqlite3

import pytest

from mip_archive.normalise import url_key
from mip_archive.replica import ReplicaServer, build_replica, generate, truth_records

ARTICLES, SEED = 60, 7
BOILERPLATE = ["Join MiP", "cookies", "Related News", "Reasons to join", "Copyright", "Skip to content"]


@pytest.fixture(scope="module")
def replica():
    with ReplicaServer(build_replica(ARTICLES, SEED), port=0) as server:
        truth = [t for t in truth_records(generate(ARTICLES, SEED), server.url) if "wordpress" in t["eras"]]
        yield server, truth


@pytest.fixture(scope="module")
def crawled(replica, tmp_path_factory):
    from tests.conftest import run_cli

    server, _ = replica
    db_path = tmp_path_factory.mktemp("e2e") / "mip.db"
    first = run_cli("crawl", "--base-url", server.url, "--db", str(db_path), "--no-enrich")
    return db_path, first


def rows(db_path, sql):
    conn = sqlite3.connect(db_path)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql)]
    finally:
        conn.close()


def test_the_crawl_succeeds_with_one_summary_line(crawled):
    _, result = crawled
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().splitlines()[-1].startswith("crawl ok: ")
    assert "Traceback" not in result.stderr


def test_every_live_article_is_archived_with_exact_fields(crawled, replica):
    db_path, _ = crawled
    _, truth = replica
    stored = {url_key(r["url"]): r for r in rows(db_path, "select url, section, title, published, author from articles")}
    expected = {url_key(t["url"]): {"section": t["section"], "title": t["title"], "published": t["date"],
                                    "author": t["author"]} for t in truth}
    assert set(stored) == set(expected)
    got = {key: {k: v for k, v in r.items() if k != "url"} for key, r in stored.items()}
    assert got == expected


def test_bodies_match_the_truth_and_hold_no_boilerplate(crawled, replica):
    db_path, _ = crawled
    _, truth = replica
    bodies = {url_key(r["url"]): r["body"] for r in rows(db_path, "select url, body from articles")}
    for record in truth:
        body = bodies[url_key(record["url"])]
        assert body == record["body"]
        assert not [phrase for phrase in BOILERPLATE if phrase in body]


def test_a_second_crawl_changes_nothing(crawled, replica):
    from tests.conftest import run_cli

    db_path, _ = crawled
    server, _ = replica
    before = rows(db_path, "select id, url, title, published, content_hash from articles order by id")
    again = run_cli("crawl", "--base-url", server.url, "--db", str(db_path), "--no-enrich")
    assert again.returncode == 0, again.stderr[-2000:]
    assert rows(db_path, "select id, url, title, published, content_hash from articles order by id") == before
    last_run = rows(db_path, "select new, updated, unchanged, status from crawl_runs order by id desc limit 1")[0]
    assert last_run == {"new": 0, "updated": 0, "unchanged": len(before), "status": "ok"}


def test_the_demo_builds_and_enriches_the_archive(cli, tmp_path):
    db_path = tmp_path / "demo.db"
    result = cli("demo", "--no-serve", "--articles", "30", "--seed", "2", "--db", str(db_path))
    assert result.returncode == 0, result.stderr[-2000:]
    summary = result.stdout.strip().splitlines()[-1]
    truth = truth_records(generate(30, 2), "http://127.0.0.1")  # the demo crawls the live site and the Wayback Machine
    assert summary.startswith(f"crawl ok: {len(truth)} articles in the archive; {len(truth)} new")
    eras = rows(db_path, "select distinct era from article_urls")  # every era's URLs, merged into one record each
    assert {row["era"] for row in eras} == {"aspnet-2013-2017", "aspnet-2018-2024", "wordpress"}
    counts = rows(db_path, "select (select count(*) from quotes) as quotes, (select count(*) from entities) as entities,"
                           " (select count(*) from articles where enriched_hash = content_hash) as enriched")[0]
    assert counts["enriched"] == len(truth)
    assert counts["quotes"] > 0 and counts["entities"] > 0


def test_the_replica_truth_export_is_jsonl(cli, tmp_path):
    out = tmp_path / "truth.jsonl"
    result = cli("replica", "--articles", "12", "--seed", "4", "--truth", str(out))
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(records) == 12
    assert {"url", "section", "title", "date", "author", "standfirst", "body", "quotes"} <= set(records[0])
