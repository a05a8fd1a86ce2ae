"""check-site: a handful of live pages, and field by field what the parsers still find."""

import pytest

from mip_archive.refresh.check_site import _short, check_site
from mip_archive.replica.faults import FaultSpec
from mip_archive.settings import site_settings
from tests.refresh_harness import replica, run


@pytest.fixture(scope="module")
def site():
    with replica(30, 4) as (server, app):
        yield server, app


def test_a_healthy_site_reports_every_field(site):
    server, app = site
    app.spec = FaultSpec()
    report = check_site(site_settings(server.url), articles_per_listing=2)
    assert report.ok
    assert [(p.kind, p.ok) for p in report.pages] == [("listing", True), ("article", True), ("article", True)] * 2
    first = report.pages[1]
    newest = next(a for a in app.posts() if a.section == "news")
    assert set(first.found) == {"title", "published", "author", "standfirst", "body"}
    assert first.found["title"] == _short(newest.title)
    assert first.found["published"].startswith(f"{newest.date.isoformat()} (from ")
    assert first.found["body"] == f"{len(newest.body.split())} words"
    assert report.lines()[-1] == "check-site ok: 6 pages checked; the parsers still find every required field"


def test_a_redesign_shows_which_fields_are_lost(site):
    server, app = site
    app.spec = FaultSpec.parse("redesign")
    report = check_site(site_settings(server.url), articles_per_listing=1)
    assert not report.ok
    assert [(p.kind, p.ok) for p in report.pages] == [("listing", True), ("article", False)] * 2
    assert report.pages[1].error == "not an article: no .entry-content on the page"
    assert report.lines()[-1] == "check-site failed: 4 pages checked; some pages lost required fields"


def test_a_page_robots_txt_forbids_is_not_fetched(site):
    server, app = site
    app.spec = FaultSpec.parse("robots")
    victim = app.victims()["robots"]
    report = check_site(site_settings(server.url), articles_per_listing=10)
    refused = [p for p in report.pages if p.url.endswith(victim)]
    assert [(p.ok, p.error) for p in refused] == [(False, "disallowed by robots.txt")]


def test_the_command_prints_the_report_and_exits_1_when_fields_are_lost(site):
    server, app = site
    app.spec = FaultSpec.parse("redesign")
    result = run("check-site", "--base-url", server.url, "--articles", "1")
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == f"ok   listing {server.url}/news/"
    assert "FAIL article" in result.stdout
