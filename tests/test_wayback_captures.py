"""Captures: id_ URLs, replay banner and rewritten links removed, soft 404s recognised, windows-1252 decoded,
the emulated archive's replay behaviour (nearest-timestamp redirect, banner only outside id_) and its listings
(section listings, the mixed home listings, the statement only a home page lists)."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

import pytest

from mip_archive.replica.content import generate
from mip_archive.replica.http import Request
from mip_archive.replica.model import ReplicaArticle
from mip_archive.replica.wayback import CaptureSet, WaybackApp, render_replay
from mip_archive.wayback.captures import (
    CaptureRef, capture_text, decode_capture, id_url, is_replay, is_soft_404, parse_archive_url, parse_capture,
)

ORIGINAL = "http://www.miphealth.org.uk/News/HomepageNews-35012.aspx"
PAGE = """<html><head><title>Pay offer | MiP</title></head><body><div id="mainColumn">
<div class="newsArticle"><h1 class="newsTitle">Pay offer</h1><p class="newsDate"><span>Tue 14 Jun 2016</span></p>
<div class="newsBody"><p>It falls short.</p><p><a href="/home/MediaCentre.aspx">Media Centre</a></p></div></div>
</div><img src="/images/logo.gif" alt=""></body></html>"""


def test_id_url_and_back():
    url = id_url("https://web.archive.org/", "20160614101500", ORIGINAL)
    assert url == "https://web.archive.org/web/20160614101500id_/" + ORIGINAL
    assert parse_archive_url(url) == CaptureRef("20160614101500", ORIGINAL)


@pytest.mark.parametrize("url, expected", [
    ("http://127.0.0.1:9/web/20160614101500/http:/www.miphealth.org.uk/a.aspx",
     CaptureRef("20160614101500", "http://www.miphealth.org.uk/a.aspx")),
    ("/web/2016im_/miphealth.org.uk/b.jpg", CaptureRef("2016", "http://miphealth.org.uk/b.jpg")),
    ("http://www.miphealth.org.uk/News/HomepageNews-1.aspx", None),
])
def test_parse_archive_url(url, expected):
    assert parse_archive_url(url) == expected


def test_replay_page_is_restored_to_the_original():
    replay = render_replay(PAGE, "20160614101500", ORIGINAL, "https://web.archive.org", count=3)
    assert is_replay(replay) and "/web/20160614101500/http://www.miphealth.org.uk/home/MediaCentre.aspx" in replay
    cleaned = capture_text(replay.encode("utf-8"), "text/html; charset=utf-8")
    assert not is_replay(cleaned)
    for text in ("Wayback Machine", "COLLECTED BY", "FILE ARCHIVED ON", "athena.js", "/web/"):
        assert text not in cleaned
    assert 'href="http://www.miphealth.org.uk/home/MediaCentre.aspx"' in cleaned
    assert parse_capture(cleaned, ORIGINAL).body == "It falls short.\n\nMedia Centre"


def test_clean_page_is_left_alone():
    assert capture_text(PAGE.encode("utf-8")) == PAGE


@pytest.mark.parametrize("html, expected", [
    ("<html><head><title>Page not found | MiP</title></head><body><h1>Sorry</h1></body></html>", True),
    ("<html><body><h1>Sorry, we can't find that page</h1></body></html>", True),
    ("<html><head><title>404 - File or directory not found.</title></head><body></body></html>", True),
    (PAGE, False),
    ("<html><head><title>Managers not found wanting</title></head><body><p>page not found</p></body></html>", False),
])
def test_soft_404(html, expected):
    assert is_soft_404(html) is expected


CURLY = "<html><head>{meta}</head><body><p>‘We’re ready,’ she said – “today”.</p></body></html>"


@pytest.mark.parametrize("meta, content_type", [
    ('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">', "text/html; charset=windows-1252"),
    ('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">', "text/html"),
    ("", "text/html"),
    ("", None),
])
def test_windows_1252_declared_or_not(meta, content_type):
    html = CURLY.format(meta=meta)
    assert decode_capture(html.encode("cp1252"), content_type) == html


def test_utf8_capture_wins_over_a_wrong_declaration():
    html = CURLY.format(meta='<meta charset="iso-8859-1">')
    assert decode_capture(html.encode("utf-8"), "text/html; charset=iso-8859-1") == html


def replica_article() -> ReplicaArticle:
    day = dt.date(2016, 6, 14)
    return ReplicaArticle(post_id=7, slug="s", section="news", kind="statement", title="Pay offer", date=day,
                          modified=dt.datetime(2016, 6, 14, 9), author=None, standfirst="MiP responds",
                          paragraphs=["It falls short."], eras=("aspnet-2013-2017",), legacy_id=35012)


def test_archive_redirects_to_the_nearest_capture_and_banners_only_replays():
    app = WaybackApp([replica_article()], seed=1, base_url="http://archive.test", flaky=False)
    capture = next(c for c in app.captures.index if c.post_id == 7)
    path = f"/web/{capture.timestamp[:8]}000000id_/{capture.original}"
    moved = app.handle(Request("GET", path))
    assert (moved.status, moved.headers["Location"]) == (
        302, f"http://archive.test/web/{capture.timestamp}id_/{capture.original}")
    original = app.handle(Request("GET", f"/web/{capture.timestamp}id_/{capture.original}"))
    assert original.body == capture.body and not is_replay(original.body.decode())
    replay = app.handle(Request("GET", f"/web/{capture.timestamp}/{capture.original}"))
    assert is_replay(replay.body.decode())
    assert app.handle(Request("GET", "/web/2016/http://www.miphealth.org.uk/nowhere.aspx")).status == 404


@pytest.fixture(scope="module")
def capture_set():
    return CaptureSet.build(generate(150, 1), seed=1)


def listing_captures_naming(capture_set, path: str) -> list[tuple[str, str]]:
    return [(c.original, c.timestamp) for c in capture_set.index
            if c.case in ("listing", "home-listing") and f'href="{path}"' in c.text()]


def test_home_only_statement_is_listed_only_by_a_home_page_and_its_page_prints_no_date(capture_set):
    (original, _), = capture_set.cases()["home-only"]
    path = urlsplit(original).path
    article = next(a for a in capture_set.articles if a.legacy_id and path.endswith(f"-{a.legacy_id}.aspx"))
    listings = listing_captures_naming(capture_set, path)
    assert [urlsplit(url).path for url, _ in listings] == ["/home/Home.aspx"]
    assert listings[0][1][:8] == f"{article.date + dt.timedelta(days=1):%Y%m%d}"
    assert 'class="newsDate"' not in next(c for c in capture_set.index if c.original == original).text()
    assert path in {p for t in capture_set.truth() for p in t["paths"]}


def test_every_other_statement_is_on_a_section_listing(capture_set):
    (home_only, _), = capture_set.cases()["home-only"]
    legacy = {urlsplit(c.original).path for c in capture_set.index
              if c.post_id is not None and "/HomepageNews-" in c.original and c.original != home_only}
    assert len(legacy) > 40
    for path in legacy:
        sections = {urlsplit(u).path for u, _ in listing_captures_naming(capture_set, path)}
        assert sections & {"/home/MediaCentre.aspx", "/home/MiPBlog.aspx"}, path


def test_home_pages_are_captured_over_the_years_and_mixed_listing_pages_link_onwards(capture_set):
    homes = capture_set.cases()["home-listing"]
    assert sorted({ts[:4] for _, ts in homes}) == ["2014", "2015", "2016", "2018"]
    assert "http://miphealth.org.uk/home/Home.aspx?text=large" in {url for url, _ in homes}
    mixed = [c for c in capture_set.index if urlsplit(c.original).path == "/News/HomepageNewsItems.aspx"]
    first = next(c for c in mixed if c.timestamp.startswith("2015") and "?" not in c.original)
    assert 'href="/News/HomepageNewsItems.aspx?view2page=2">Next</a>' in first.text()
    assert {label in first.text() for label in ("MEDIA CENTRE", "MiP BLOG")} == {True}
