"""The nightly refresh against the replica: a first run fills the archive; a run with nothing changed costs one
request per listing and signal (304s) and parses nothing; new and edited articles are fetched alone and edits kept
as versions; a sweep notices a removed article. Plus the pure pieces: signals, listing decisions, page checks."""

import json
import sqlite3
import subprocess

import pytest

from mip_archive.items import Article
from mip_archive.refresh.layout import LayoutWatch
from mip_archive.refresh.planner import RefreshPlan, listing_decision
from mip_archive.refresh.rules import Skip, check_page
from mip_archive.refresh.signals import Change, changed_since, high_water, parse_feed, parse_rest, parse_sitemap
from mip_archive.replica.truth import truth_records
from tests.refresh_harness import (captures_since, last_run, refresh, replica, rows, summary, warc_names)

N_ARTICLES, SEED = 40, 3


def kinds(captures):
    return sorted((c.kind or "robots", c.status) for c in captures if c.kind != "article")


def article_urls(captures, status=200):
    return sorted(c.url for c in captures if c.kind == "article" and c.status == status)


@pytest.fixture(scope="module")
def history(tmp_path_factory):
    """Four runs against one replica: first fill, nothing changed, 3 new + 2 edited, a sweep after a removal."""
    db = tmp_path_factory.mktemp("refresh") / "mip.db"
    warc = db.parent / "warc"
    runs = {}
    with replica(N_ARTICLES, SEED, delay_seconds=0.05) as (server, app):
        site = app.app
        expected_first = {site.url(a) for a in site.site.posts}
        for name, change in (("first", None), ("quiet", None), ("changes", "add-edit"), ("sweep", "remove")):
            extra = ()
            if change == "add-edit":
                added = [site.url(a) for a in site.add(3)]
                edited = [site.url(site.edit(a.slug)) for a in site.site.posts[-2:]]
                runs["changed_urls"] = (added, edited)
            if change == "remove":
                gone = site.site.posts[-5]
                site.remove(gone.slug)
                runs["removed"] = site.url(gone)
                extra = ("--sweep", "--sweep-size", "100")
            before = warc_names(warc)
            if name == "first":  # a Datasette reads the archive all through the first run
                result, runs["reads"] = refresh_while_reading(server, db)
            else:
                result = refresh(server, db, *extra)
            runs[name] = {"result": result, "captures": captures_since(warc, before), "run": last_run(db)}
        runs["expected_first"] = expected_first
        runs["truth"] = {r["url"]: r for r in truth_records(site.articles, server.url)}
    return db, runs


def refresh_while_reading(server, db):
    """Run a refresh in the background while a Datasette over the same file answers a count, again and again."""
    import asyncio

    from datasette.app import Datasette

    from mip_archive.refresh.job import open_archive

    open_archive(db).close()
    datasette, reads = Datasette([str(db)]), []

    async def read():
        response = await datasette.client.get("/mip.json?sql=select+count(*)+as+n+from+articles&_shape=array")
        reads.append((response.status_code, response.json()[0]["n"] if response.status_code == 200 else None))

    process = refresh(server, db, background=True)
    while process.poll() is None:
        asyncio.run(read())
    asyncio.run(read())
    out, err = process.communicate()
    return subprocess.CompletedProcess(process.args, process.returncode, out, err), reads


def test_the_first_refresh_fills_an_empty_archive(history):
    db, runs = history
    first = runs["first"]
    assert first["result"].returncode == 0, first["result"].stderr[-3000:]
    n = len(runs["expected_first"])
    assert summary(first["result"]).startswith(f"refresh ok: {n} articles in the archive; {n} new, 0 updated")
    assert set(article_urls(first["captures"])) == runs["expected_first"]
    assert {k: first["run"][k] for k in ("command", "status", "new", "updated", "failed", "withdrawn")} == \
        {"command": "refresh", "status": "ok", "new": n, "updated": 0, "failed": 0, "withdrawn": 0}


def test_a_refresh_with_nothing_changed_costs_one_request_per_listing_and_signal(history):
    _, runs = history
    quiet = runs["quiet"]
    assert quiet["result"].returncode == 0, quiet["result"].stderr[-3000:]
    assert kinds(quiet["captures"]) == [("api", 200), ("listing", 304), ("listing", 304), ("robots", 200)]
    assert article_urls(quiet["captures"]) == []  # no article page fetched, so nothing parsed or enriched
    assert json.loads(quiet["captures"][[c.kind for c in quiet["captures"]].index("api")].body) == []
    assert {k: quiet["run"][k] for k in ("requests", "new", "updated", "unchanged", "status")} == \
        {"requests": 4, "new": 0, "updated": 0, "unchanged": 0, "status": "ok"}
    assert "enriched" not in summary(quiet["result"]) or "0 enriched" in summary(quiet["result"])


def test_new_and_edited_articles_are_fetched_alone_and_edits_kept_as_versions(history):
    db, runs = history
    changes = runs["changes"]
    added, edited = runs["changed_urls"]
    assert changes["result"].returncode == 0, changes["result"].stderr[-3000:]
    assert article_urls(changes["captures"]) == sorted(added + edited)
    assert {kind for kind, _ in kinds(changes["captures"])} == {"api", "listing", "robots"}
    assert {k: changes["run"][k] for k in ("new", "updated", "status")} == {"new": 3, "updated": 2, "status": "ok"}
    stored = {r["url"]: r for r in rows(db, "select url, versions, body from articles")}
    for url in edited:
        assert stored[url]["versions"] == 2
        assert stored[url]["body"] == runs["truth"][url]["body"]
        versions = rows(db, "select v.body from article_versions v join articles a on a.id = v.article_id "
                            "where a.url = ? order by v.first_seen", [url])
        assert len(versions) == 2 and versions[1]["body"].startswith(versions[0]["body"])


def test_a_sweep_marks_a_removed_article_withdrawn_with_the_date(history):
    db, runs = history
    sweep = runs["sweep"]
    assert sweep["result"].returncode == 0, sweep["result"].stderr[-3000:]
    gone = [c for c in sweep["captures"] if c.url == runs["removed"]]
    assert [c.status for c in gone] == [404]
    row = rows(db, "select status, withdrawn_at from articles where url = ?", [runs["removed"]])[0]
    assert row == {"status": "withdrawn", "withdrawn_at": gone[0].seen_at}
    live = rows(db, "select count(*) as n from articles where status = 'live'")[0]["n"]
    checked = [c for c in sweep["captures"] if c.kind == "article"]
    assert len(checked) == live + 1  # every live article re-checked, and the removed one
    assert all(dict(c.request_headers).get("If-None-Match") for c in checked)  # conditionally
    # Pages whose sidebar moved on since they were fetched answer 200: re-parsed, found unchanged.
    assert {c.status for c in checked} <= {200, 304, 404}
    assert {k: sweep["run"][k] for k in ("withdrawn", "new", "updated")} == {"withdrawn": 1, "new": 0, "updated": 0}


def test_every_run_leaves_an_intact_database(history):
    db, _ = history
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


# -- the pure pieces ---------------------------------------------------------------------------------------------

def plan_with(known: dict[str, bool]) -> RefreshPlan:
    from mip_archive.normalise import article_id

    return RefreshPlan("http://site", [], known={article_id(u): s for u, s in known.items()})


@pytest.mark.parametrize("known, expected", [
    ({}, (["http://site/news/a/", "http://site/news/b/"], True)),
    ({"http://site/news/a/": True, "http://site/news/b/": True}, ([], False)),
    ({"http://site/news/a/": True}, (["http://site/news/b/"], True)),
    ({"http://site/news/a/": True, "http://site/news/b/": False}, ([], True)),  # stored by a killed run: read on
])
def test_listing_paging_stops_at_a_page_of_settled_articles(known, expected):
    assert listing_decision(["http://site/news/a/", "http://site/news/b/"], plan_with(known)) == expected


def test_rest_signal_gives_changed_links_with_utc_marks():
    body = json.dumps([{"id": 7, "link": "http://site/news/a/", "modified_gmt": "2026-11-24T18:00:00"},
                       {"id": 8, "link": "http://site/news/b/", "modified_gmt": "2026-11-20T09:30:00"}]).encode()
    changes = parse_rest(body)
    assert changes == [Change("http://site/news/a/", "2026-11-24T18:00:00"),
                       Change("http://site/news/b/", "2026-11-20T09:30:00")]
    assert changed_since(changes, "2026-11-21T00:00:00") == changes[:1]
    assert high_water(changes, "2026-11-21T00:00:00") == "2026-11-24T18:00:00"


def test_sitemap_index_and_urlset_are_read():
    index = (b'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
             b'<sitemap><loc>http://site/wp-sitemap-posts-post-1.xml</loc></sitemap></sitemapindex>')
    urlset = (b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
              b'<url><loc>http://site/news/a/</loc><lastmod>2026-11-24T18:00:00+01:00</lastmod></url></urlset>')
    assert parse_sitemap(index) == (["http://site/wp-sitemap-posts-post-1.xml"], [])
    assert parse_sitemap(urlset) == ([], [Change("http://site/news/a/", "2026-11-24T17:00:00")])


def test_feed_items_are_read():
    feed = b"<rss><channel><item><link>http://site/news/a/</link></item></channel></rss>"
    assert parse_feed(feed) == [Change("http://site/news/a/")]


PAGE = "<html><head><meta charset='utf-8'></head><body><p>Managers’ pay</p></body></html>".encode()


@pytest.mark.parametrize("body, content_type, outcome", [
    (PAGE, "text/html; charset=UTF-8", "utf-8"),
    (PAGE, "text/html; charset=ISO-8859-1", "utf-8"),  # a wrong Latin-1 label on UTF-8 bytes
    ("<html><p>caf\xe9</p></html>".encode("cp1252"), "text/html; charset=windows-1252", "windows-1252"),
    (PAGE, "application/pdf", Skip("not_html", "not an HTML page (application/pdf)")),
    (PAGE[:40], "text/html", Skip("truncated", "the page ends before </body> or </html> (truncated response)")),
    (PAGE + b"\n<!-- Cached page generated by WP-Super-Cache -->\n", "text/html", "utf-8"),
    (b"<html><p>\xff\xfe\xfa</p></html>", "text/html; charset=utf-8",
     Skip("undecodable", "the bytes decode neither as utf-8 nor as UTF-8")),
    (PAGE + b" " * 100, "text/html", "utf-8"),
])
def test_pages_are_checked_before_parsing(body, content_type, outcome):
    if isinstance(outcome, Skip):
        with pytest.raises(Skip) as caught:
            check_page(body, content_type)
        assert (caught.value.kind, str(caught.value)) == (outcome.kind, str(outcome))
    else:
        assert check_page(body, content_type) == outcome


def article(published="2026-11-01"):
    return Article(url="http://site/news/a/", section="news", title="T", body="B", published=published)


@pytest.mark.parametrize("pages, failures, problem", [
    ([article()] * 5, [], None),
    ([article(None)] * 2 + [article()] * 3, [], None),
    ([article(None)] * 3 + [article()], [], "the site's layout seems to have changed: 3 of 4 article pages had no date"),
    ([], ["not an article: no .entry-content on the page"] * 4,
     "the site's layout seems to have changed: 4 of 4 article pages had no body"),
    ([], ["not an article: the page is a 404 'not found' page"] * 6, None),
    ([article(None)] * 3, [], None),  # too few pages to judge
])
def test_the_layout_watch_fails_when_pages_lose_fields(pages, failures, problem):
    watch = LayoutWatch()
    for page in pages:
        watch.parsed(page)
    for message in failures:
        watch.failed(message)
    assert watch.problem() == problem


def test_datasette_keeps_answering_while_a_refresh_writes(history):
    _, runs = history
    reads = runs["reads"]
    counts = [n for _, n in reads]
    assert {status for status, _ in reads} == {200}
    assert counts == sorted(counts)  # a reader never sees articles vanish mid-run
    assert counts[-1] == len(runs["expected_first"]) and len(reads) > 3


def test_a_refresh_right_after_a_full_crawl_fetches_no_article(tmp_path):
    from tests.conftest import run_cli

    db = tmp_path / "mip.db"
    with replica(N_ARTICLES, SEED) as (server, _):
        crawl = run_cli("crawl", "--base-url", server.url, "--db", str(db), "--no-enrich")
        assert crawl.returncode == 0, crawl.stderr[-3000:]
        before = warc_names(db.parent / "warc")  # the crawl's own, once it writes WARC files too
        result = refresh(server, db)
        captures = captures_since(db.parent / "warc", before)
    assert result.returncode == 0, result.stderr[-3000:]
    # The crawl left no validators, so each listing answers 200 once; every article on it is settled: no paging.
    assert kinds(captures) == [("api", 200), ("listing", 200), ("listing", 200), ("robots", 200)]
    assert article_urls(captures) == []
    assert {k: last_run(db)[k] for k in ("requests", "new", "updated", "status")} == \
        {"requests": 4, "new": 0, "updated": 0, "status": "ok"}


def test_a_304_keeps_the_validators_a_200_replaces_them(tmp_path):
    from mip_archive.refresh.job import open_archive
    from mip_archive.store import http_cache

    db = open_archive(tmp_path / "mip.db")
    url = "https://www.miphealth.org.uk/news/"
    http_cache.remember(db, url, kind="listing", status=200, etag='"v1"', last_modified="Tue, 24 Nov 2026 18:00:00 GMT",
                        fetched_at="2026-11-24T03:17:00+00:00")
    http_cache.remember(db, url, kind="listing", status=304, fetched_at="2026-11-25T03:17:00+00:00")
    assert http_cache.validators(db, url) == {"etag": '"v1"', "last_modified": "Tue, 24 Nov 2026 18:00:00 GMT"}
    http_cache.remember(db, url, kind="listing", status=200, etag='"v2"', fetched_at="2026-11-26T03:17:00+00:00")
    assert http_cache.validators(db, url) == {"etag": '"v2"'}
    assert rows(tmp_path / "mip.db", "select last_status, fetched_at from http_cache") == \
        [{"last_status": 200, "fetched_at": "2026-11-26T03:17:00+00:00"}]
    db.close()


def test_the_plan_asks_conditionally_whatever_host_the_site_is_on():
    plan = RefreshPlan("http://127.0.0.1:8001", [], validators={"/news": {"etag": '"v1"', "last_modified": "Tue"}})
    assert plan.headers_for("http://127.0.0.1:9999/news/") == {"If-None-Match": '"v1"', "If-Modified-Since": "Tue"}
    assert plan.headers_for("http://127.0.0.1:8001/magazine/") == {}
