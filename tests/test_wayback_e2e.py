"""End to end: the Wayback recovery, run in a subprocess against the emulated archive on 127.0.0.1, compared with
the replica's truth (every statement once, with its title, section, date and author; no banner in any body)."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from urllib.parse import urlsplit

import pytest

from mip_archive.replica.content import generate
from mip_archive.replica.server import ReplicaServer
from mip_archive.replica.wayback import WaybackApp

BANNER_WORDS = ("Wayback Machine", "COLLECTED BY", "About this capture", "FILE ARCHIVED ON", "wm-ipp")
BOILERPLATE = ("Reasons to JOIN MiP", "FDA Portfolio", "Copyright ©", "Sign up for e-mail updates", "23 November, London")
def run_job(db_path, url) -> dict:
    """The real CLI: `mip-archive crawl --source wayback`, its result read back from the JSON it writes."""
    out = db_path.with_suffix(".result.json")
    done = subprocess.run([sys.executable, "-m", "mip_archive", "crawl", "--source", "wayback", "--wayback-url", url,
                           "--db", str(db_path), "--no-enrich", "--result-json", str(out)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip().splitlines()[-1].startswith("crawl ok: ")
    return json.loads(out.read_text())


@pytest.fixture(scope="module")
def recovered(tmp_path_factory):
    app = WaybackApp(generate(150, 1), seed=1)
    db_path = tmp_path_factory.mktemp("wayback") / "archive.db"
    with ReplicaServer([app]) as server:
        first = run_job(db_path, server.url)
        second = run_job(db_path, server.url)
    db = sqlite3.connect(db_path)
    db.row_factory = sqlite3.Row
    yield app, db, first, second
    db.close()


def stored_by_paths(db) -> dict[tuple[str, ...], dict]:
    paths: dict[str, set[str]] = {}
    for row in db.execute("select url, article_id from article_urls"):
        paths.setdefault(row["article_id"], set()).add(urlsplit(row["url"]).path)
    return {tuple(sorted(paths[row["id"]])): dict(row) for row in db.execute("select * from articles")}


def test_every_statement_recovered_once_with_exact_fields(recovered):
    app, db, first, _ = recovered
    truth = app.truth()
    stored = stored_by_paths(db)
    assert first["status"] == "ok"
    assert len(stored) == len(truth)
    for expected in truth:
        row = stored[tuple(expected["paths"])]
        assert {k: row[k] for k in ("title", "section", "published", "author")} == {
            k: expected[k] for k in ("title", "section", "published", "author")}


def test_no_banner_or_boilerplate_in_any_body(recovered):
    _, db, _, _ = recovered
    for row in db.execute("select url, body from articles"):
        assert not [w for w in BANNER_WORDS + BOILERPLATE if w in row["body"]], row["url"]


def test_republished_statement_is_one_record_with_both_urls(recovered):
    app, db, _, _ = recovered
    republished = [t for t in app.truth() if len(t["paths"]) > 1]
    assert republished
    for expected in republished:
        assert tuple(expected["paths"]) in stored_by_paths(db)


def test_run_is_recorded_and_resumes_without_refetching_articles(recovered):
    _, db, first, second = recovered
    runs = [dict(r) for r in db.execute("select source, status, new from crawl_runs order by id")]
    assert runs == [{"source": "wayback", "status": "ok", "new": first["counts"]["new"]},
                    {"source": "wayback", "status": "ok", "new": 0}]
    assert second["counts"]["skipped"] >= first["counts"]["new"]
    assert second["counts"]["unchanged"] == 0


def test_statements_sharing_a_headline_stay_two(recovered):
    app, db, _, _ = recovered
    titles: dict[str, int] = {}
    for expected in app.truth():
        titles[expected["title"]] = titles.get(expected["title"], 0) + 1
    shared = {title: n for title, n in titles.items() if n > 1}
    assert shared
    for title, count in shared.items():
        assert db.execute("select count(*) from articles where title = ?", [title]).fetchone()[0] == count


def test_every_awkward_case_is_in_the_archive_and_handled(recovered):
    app, db, first, _ = recovered
    cases = app.captures.cases()
    assert {"republished", "mid-redesign", "soft-404", "soft-404-later", "error-later", "replay-banner",
            "cp1252-declared", "cp1252-undeclared", "footer-changed", "text-large", "duplicate"} <= set(cases)
    stored_paths = {urlsplit(row["url"]).path for row in db.execute("select url from article_urls")}
    assert urlsplit(cases["soft-404"][0][0]).path not in stored_paths
    eras = dict(db.execute("select era, count(*) from articles group by era").fetchall())
    assert set(eras) == {"aspnet-2013-2017", "aspnet-2018-2024"}


def test_statement_listed_only_on_a_home_page_takes_its_date_and_section_from_it(recovered):
    app, db, _, _ = recovered
    (original, _), = app.captures.cases()["home-only"]
    expected = next(t for t in app.truth() if t["paths"] == [urlsplit(original).path])
    row = db.execute("select a.published, a.published_raw, a.date_source, a.section, a.title from articles a "
                     "join article_urls u on u.article_id = a.id where u.url like ?", ["%" + expected["paths"][0]])
    assert dict(row.fetchone()) == {"published": expected["published"], "published_raw": expected["published"],
                                    "date_source": "listing", "section": expected["section"],
                                    "title": expected["title"]}
