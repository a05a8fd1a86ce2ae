"""CDX: query URLs, JSON rows and resume keys, paging through the emulated archive's CDX API with them, and how the
spider sorts what it finds (first listing pages, mixed home listings included; article pages; the rest)."""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qsl, urlsplit

import pytest

from mip_archive.replica.http import Request
from mip_archive.replica.model import ReplicaArticle
from mip_archive.replica.wayback import WaybackApp
from mip_archive.wayback import cdx
from spiders.wayback import classify

WAYBACK = "http://127.0.0.1:8080"


def replica_article(post_id: int, day: dt.date, **extra) -> ReplicaArticle:
    fields = dict(post_id=post_id, slug=f"s-{post_id}", section="news", kind="statement", title=f"Statement {post_id}",
                  date=day, modified=dt.datetime.combine(day, dt.time(9)), author=None, standfirst="MiP responds",
                  paragraphs=[f"Paragraph one of {post_id}.", "Paragraph two."], eras=("aspnet-2013-2017",),
                  legacy_id=33000 + post_id)
    return ReplicaArticle(**{**fields, **extra})


@pytest.fixture(scope="module")
def app():
    articles = [replica_article(i, dt.date(2014, 1, 6) + dt.timedelta(days=30 * i)) for i in range(1, 13)]
    return WaybackApp(articles, seed=3, flaky=False)


def ask(app: WaybackApp, url: str) -> bytes:
    parts = urlsplit(url)
    response = app.handle(Request("GET", parts.path, dict(parse_qsl(parts.query))))
    assert response.status == 200, response.body
    return response.body


def test_query_url_names_every_parameter():
    url = cdx.cdx_url(WAYBACK, "http://www.miphealth.org.uk/News/", year_from=2013, year_to=2017, limit=50)
    assert url.startswith(WAYBACK + "/cdx/search/cdx?")
    assert parse_qsl(urlsplit(url).query) == [
        ("url", "www.miphealth.org.uk/News/"), ("matchType", "prefix"), ("output", "json"),
        ("filter", "statuscode:200"), ("collapse", "digest"), ("from", "2013"), ("to", "2017"), ("limit", "50"),
        ("showResumeKey", "true")]


def test_discovery_covers_every_host_and_prefix():
    urls = cdx.discovery_urls(WAYBACK, ("www.miphealth.org.uk", "miphealth.org.uk"))
    assert [dict(parse_qsl(urlsplit(u).query))["url"] for u in urls] == [
        "www.miphealth.org.uk/News/", "www.miphealth.org.uk/home/", "miphealth.org.uk/News/", "miphealth.org.uk/home/"]


def test_next_page_replaces_the_resume_key():
    first = cdx.cdx_url(WAYBACK, "www.miphealth.org.uk/News/")
    second = cdx.next_page_url(cdx.next_page_url(first, "a+1"), "uk%2Corg+20150101000000")
    assert dict(parse_qsl(urlsplit(second).query))["resumeKey"] == "uk%2Corg+20150101000000"
    assert urlsplit(second).query.count("resumeKey") == 1


@pytest.mark.parametrize("text, expected", [
    ('[["urlkey","timestamp","original","mimetype","statuscode","digest","length"],'
     '["uk,org,miphealth)/news/a.aspx","20150101000000","http://www.miphealth.org.uk/News/a.aspx","text/html","200","D1","10"],'
     '[],["uk%2Corg%2Cmiphealth%29%2Fnews%2Fa.aspx+20150101000000"]]',
     cdx.CdxPage([cdx.CdxRow("uk,org,miphealth)/news/a.aspx", "20150101000000", "http://www.miphealth.org.uk/News/a.aspx",
                             "text/html", "200", "D1", "10")], "uk%2Corg%2Cmiphealth%29%2Fnews%2Fa.aspx+20150101000000")),
    ("[]", cdx.CdxPage([])),
    ("", cdx.CdxPage([])),
    ('[["timestamp","original"],["20150101000000","http://x/a"]]',
     cdx.CdxPage([cdx.CdxRow("", "20150101000000", "http://x/a", "", "", "", "")])),
])
def test_parse_rows_and_resume_key(text, expected):
    assert cdx.parse_cdx_json(text) == expected


@pytest.mark.parametrize("text", ["<html>Bad gateway</html>", '[["timestamp","original"],["2015",""]]'])
def test_unreadable_answers_raise(text):
    with pytest.raises(cdx.CdxError):
        cdx.parse_cdx_json(text)


def test_paging_with_resume_keys_returns_every_row_once(app):
    whole = cdx.parse_cdx_json(ask(app, cdx.cdx_url(WAYBACK, "www.miphealth.org.uk/News/", limit=1000))).rows
    first = url = cdx.cdx_url(WAYBACK, "www.miphealth.org.uk/News/", limit=5)
    rows, pages = [], 0
    while url:
        page = cdx.parse_cdx_json(ask(app, url))
        rows += page.rows
        pages += 1
        url = cdx.next_page_url(first, page.resume_key) if page.resume_key else None
    assert rows == whole
    assert pages == -(-len(whole) // 5)
    assert len({(r.urlkey, r.timestamp) for r in rows}) == len(rows)


def test_prefix_query_finds_both_hosts_and_filters_statuses(app):
    rows = cdx.parse_cdx_json(ask(app, cdx.cdx_url(WAYBACK, "miphealth.org.uk/News/", statuses=()))).rows
    hosts = {urlsplit(r.original).hostname for r in rows}
    assert hosts == {"www.miphealth.org.uk", "miphealth.org.uk"}
    assert {r.statuscode for r in rows} >= {"200", "500"}
    ok = cdx.parse_cdx_json(ask(app, cdx.cdx_url(WAYBACK, "miphealth.org.uk/News/"))).rows
    assert {r.statuscode for r in ok} == {"200"}


def test_years_limit_the_captures(app):
    rows = cdx.parse_cdx_json(ask(app, cdx.cdx_url(WAYBACK, "www.miphealth.org.uk/News/", year_from=2015,
                                                   year_to=2015))).rows
    assert rows and {r.year for r in rows} == {2015}


def test_collapse_digest_drops_adjacent_duplicates(app):
    every = cdx.parse_cdx_json(ask(app, cdx.cdx_url(WAYBACK, "www.miphealth.org.uk/News/", collapse=None))).rows
    collapsed = cdx.parse_cdx_json(ask(app, cdx.cdx_url(WAYBACK, "www.miphealth.org.uk/News/"))).rows
    adjacent = sum(1 for a, b in zip(every, every[1:]) if a.digest == b.digest)
    assert adjacent > 0 and len(collapsed) == len(every) - adjacent


@pytest.mark.parametrize("original, expected", [
    ("http://www.miphealth.org.uk/home/MediaCentre.aspx", ("listing", "news")),
    ("http://www.miphealth.org.uk/home/MiPBlog.aspx?text=large", ("listing", "magazine")),
    ("http://www.miphealth.org.uk/home/MiPBlog.aspx?view4page=3", ("other", None)),
    ("http://miphealth.org.uk/home/Home.aspx?text=large", ("listing", None)),
    ("http://www.miphealth.org.uk/News/HomepageNewsItems.aspx", ("listing", None)),
    ("http://www.miphealth.org.uk/News/HomepageNewsItems.aspx?view2page=2", ("other", None)),
    ("http://www.miphealth.org.uk/News/HomepageNews-35012.aspx", ("article", None)),
    ("http://www.miphealth.org.uk/home/Events.aspx", ("other", None)),
])
def test_discovered_captures_are_sorted_into_first_listing_pages_and_articles(original, expected):
    assert classify(original) == expected
