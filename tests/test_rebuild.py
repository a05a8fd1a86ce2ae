"""Rebuild: the WARC files of several refreshes (new, edited, withdrawn articles) give back, offline, the very
database those refreshes built — every row, hash and time."""

import pytest

from mip_archive.crawl import CrawlError
from mip_archive.rebuild import rebuild_job

from mip_archive.replica.faults import FaultSpec
from tests.refresh_harness import refresh, replica, rows, run, summary

TABLES = {
    "articles": "select * from articles order by id",
    "article_versions": "select * from article_versions order by article_id, content_hash",
    "article_urls": "select * from article_urls order by url",
    "article validators": "select url, etag, last_modified, last_status, fetched_at from http_cache"
                          " where kind = 'article' order by url",
}


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    db = tmp_path_factory.mktemp("rebuild") / "mip.db"
    with replica(30, 11) as (server, app):
        site = app.app
        outcomes = [refresh(server, db)]
        app.spec = FaultSpec.parse("no-api")  # from now on the edits are found through the sitemap
        site.add(2)
        for article in app.posts()[-2:]:
            site.edit(article.slug)
        outcomes.append(refresh(server, db))
        site.remove(app.posts()[-3].slug)
        outcomes.append(refresh(server, db, "--sweep", "--sweep-size", "100"))
    assert [o.returncode for o in outcomes] == [0, 0, 0], outcomes[-1].stderr[-3000:]
    return db


def test_without_the_rest_api_edits_are_found_through_the_sitemap(crawled):
    sql = "select json_extract(details, '$.signal') as signal, new, updated, withdrawn from crawl_runs order by id"
    assert rows(crawled, sql)[1:] == [{"signal": "sitemap", "new": 2, "updated": 2, "withdrawn": 0},
                                      {"signal": "sitemap", "new": 0, "updated": 0, "withdrawn": 1}]


@pytest.fixture(scope="module")
def rebuilt(crawled):
    target = crawled.parent / "rebuilt.db"
    result = run("rebuild", "--db", str(target), "--warc-dir", str(crawled.parent / "warc"), "--no-enrich")
    assert result.returncode == 0, result.stderr[-3000:]
    return target, result


@pytest.mark.parametrize("table", TABLES)
def test_the_rebuild_gives_the_same_rows_as_the_refreshes(crawled, rebuilt, table):
    target, _ = rebuilt
    assert rows(target, TABLES[table]) == rows(crawled, TABLES[table])


def test_the_history_survives_the_rebuild(crawled, rebuilt):
    target, result = rebuilt
    facts = "select count(*) as n, sum(versions > 1) as edited, sum(status = 'withdrawn') as withdrawn from articles"
    n = rows(crawled, facts)[0]["n"]
    assert rows(target, facts) == [{"n": n, "edited": 2, "withdrawn": 1}]
    assert summary(result).startswith(f"rebuild ok: {n} articles in the archive; {n} new, 2 updated")


def test_the_rebuild_writes_its_own_run_row(crawled, rebuilt):
    target, _ = rebuilt
    n = rows(crawled, "select count(*) as n from articles")[0]["n"]
    assert rows(target, "select command, source, status, new, updated, withdrawn from crawl_runs") == [
        {"command": "rebuild", "source": "warc", "status": "ok", "new": n, "updated": 2, "withdrawn": 1}]


def test_an_existing_archive_is_replaced_only_when_asked(crawled, rebuilt, tmp_path):
    target, _ = rebuilt
    warc = crawled.parent / "warc"
    with pytest.raises(CrawlError, match=f"^{target} already exists: rebuild into a new file, or pass --replace$"):
        rebuild_job(target, warc, enrich=False)
    copy = tmp_path / "copy.db"
    copy.write_bytes(b"")
    assert rebuild_job(copy, warc, enrich=False, replace=True).status == "ok"
    assert rows(copy, TABLES["articles"]) == rows(crawled, TABLES["articles"])


def test_nothing_to_rebuild_from_is_a_clear_error(tmp_path):
    with pytest.raises(CrawlError, match=f"^no WARC files in {tmp_path}: nothing to rebuild from$"):
        rebuild_job(tmp_path / "new.db", tmp_path, enrich=False)
