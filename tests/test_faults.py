"""Faults: the replica misbehaves on demand, and each fault ends in a stated outcome with nothing lost.

One archive lives through five runs: every fault at once (retried, skipped with a reason, or repaired), a redesign
of the articles, then of the listings (each run fails loudly and stores nothing empty), the site down (circuit
breaker, exit 3), then the site healthy again (every article skipped or refused before is archived, exactly)."""

import html
import json
import re

import pytest

from mip_archive.replica.faults import EDIT_NOTE, FaultSpec, FaultyApp, MutableSite, redesigned
from mip_archive.replica.content import generate
from mip_archive.replica.http import Request
from mip_archive.replica.truth import truth_records
from tests.refresh_harness import content, last_run, refresh, replica, rows, summary

N_ARTICLES, SEED = 40, 5
ALL_FAULTS = "500s,429,slow,truncated,charset,offsite,huge,robots"


def get(app, path):
    return app.handle(Request("GET", path))


@pytest.fixture
def app():
    return FaultyApp(MutableSite(generate(30, 2), 2), FaultSpec.parse(ALL_FAULTS, huge_bytes=1000))


def test_fault_names_are_checked():
    assert FaultSpec.parse("500s, robots").names == {"500s", "robots"}
    assert FaultSpec.parse("all").names == set(ALL_FAULTS.split(","))
    assert FaultSpec.parse("no-api, redesign-listings").names == {"no-api", "redesign-listings"}
    with pytest.raises(ValueError, match="unknown fault\\(s\\): teapot; known: 500s, 429"):
        FaultSpec.parse("500s,teapot")


def test_one_off_faults_answer_once_then_the_page(app):
    article = f"/news/{app.posts()[0].slug}/"
    assert [get(app, article).status for _ in range(2)] == [500, 200]
    listing = get(app, "/news/")
    assert (listing.status, listing.headers) == (429, {"Retry-After": "1"})
    assert get(app, "/news/").status == 200


def test_each_victim_page_misbehaves_its_own_way(app):
    victims = app.victims()
    for path in victims.values():
        get(app, path)  # past the one-off 500
    assert get(app, victims["offsite"]).headers == {"Location": "http://offsite.invalid" + victims["offsite"]}
    assert not get(app, victims["truncated"]).body.rstrip().endswith(b"</html>")
    assert get(app, victims["charset"]).content_type == "text/html; charset=ISO-8859-1"
    assert len(get(app, victims["huge"]).body) > 1000 + len(get(app, f"/news/{app.posts()[0].slug}/").body) // 2
    assert f"Disallow: {victims['robots']}" in get(app, "/robots.txt").body.decode()


def test_a_down_site_answers_503_everywhere():
    app = FaultyApp(MutableSite(generate(10, 1), 1), FaultSpec.parse("down"))
    assert {get(app, p).status for p in ("/", "/news/", "/robots.txt", "/wp-json/wp/v2/posts")} == {503}


def test_a_redesign_moves_the_content_out_of_the_parsers_sight():
    page = b'<article class="post"><div class="entry-content"><p>Text</p></div></article>'
    assert redesigned(page) == b'<div data-was-article class="post"><div class="story-text"><p>Text</p></div></div>'


def test_articles_can_be_edited_removed_and_added_between_runs():
    app = FaultyApp(MutableSite(generate(30, 2), 2), FaultSpec())
    site, oldest = app.app, app.posts()[-1]
    edited = site.edit(oldest.slug)
    assert edited.paragraphs == [*oldest.paragraphs, EDIT_NOTE]
    assert edited.modified > max(a.modified for a in site.articles if a is not edited)
    assert html.escape(EDIT_NOTE).encode() in get(app, f"/news/{edited.slug}/").body
    site.remove(edited.slug)
    assert get(app, f"/news/{edited.slug}/").status == 404
    newest_before = app.posts()[0]
    added = site.add(2)
    assert [a.slug for a in app.posts()[:2]] == [added[1].slug, added[0].slug]
    assert min(a.date for a in added) > newest_before.date


# -- end to end: one archive through four runs -------------------------------------------------------------------

@pytest.fixture(scope="module")
def lifetime(tmp_path_factory):
    db = tmp_path_factory.mktemp("faults") / "mip.db"
    out = {}
    with replica(N_ARTICLES, SEED, ALL_FAULTS, slow_seconds=2.5) as (server, app):
        out["victims"] = app.victims()
        out["all"] = (refresh(server, db, "--timeout", "1"), last_run(db), content(db))
        out["added"] = [app.app.url(a) for a in app.app.add(4)]
        app.spec = FaultSpec.parse("redesign")
        out["redesign"] = (refresh(server, db), last_run(db), content(db))
        app.spec = FaultSpec.parse("down")
        out["down"] = (refresh(server, db), last_run(db), content(db))
        app.spec = FaultSpec.parse("redesign-listings")
        out["listings"] = (refresh(server, db), last_run(db), content(db))
        app.spec = FaultSpec()
        out["healthy"] = (refresh(server, db), last_run(db), content(db))
        out["truth"] = {r["url"]: r for r in truth_records(app.app.articles, server.url)}
    return db, out


def test_every_fault_at_once_ends_ok_with_each_skip_counted(lifetime):
    db, out = lifetime
    result, run, stored = out["all"]
    victims = {name: path for name, path in out["victims"].items()}
    assert result.returncode == 0, result.stderr[-3000:]
    assert summary(result).startswith("refresh ok: ")
    assert json.loads(run["details"])["skipped_by"] == {"robots": 1, "offsite": 1, "too_large": 1, "truncated": 1}
    assert run["skipped"] == 4 and run["failed"] == 0
    paths = {a["url"].split(":", 2)[2].split("/", 1)[1] for a in stored["articles"]}
    refused = {victims[k].lstrip("/") for k in ("robots", "offsite", "huge", "truncated")}
    assert not refused & paths
    assert {victims["slow"].lstrip("/"), victims["charset"].lstrip("/")} <= paths  # timed out once, then fetched


def test_a_page_served_with_a_wrong_charset_is_stored_in_the_right_one(lifetime):
    _, out = lifetime
    charset_url = next(u for u in out["truth"] if u.endswith(out["victims"]["charset"]))
    body = next(a["body"] for a in out["healthy"][2]["articles"] if a["url"] == charset_url)
    assert body == out["truth"][charset_url]["body"]


def test_a_redesign_fails_the_run_loudly_and_stores_nothing_empty(lifetime):
    _, out = lifetime
    result, run, stored = out["redesign"]
    assert result.returncode == 1
    assert summary(result).startswith("refresh failed: ")
    # The pages already requested when the watch trips are counted too: at least its minimum of four.
    found = re.search(r" — the site's layout seems to have changed: (\d+) of \1 article pages had no body$",
                      summary(result))
    assert found and int(found.group(1)) >= 4
    assert run["status"] == "failed"
    assert stored == out["all"][2]


def test_a_site_that_is_down_trips_the_breaker_and_changes_nothing(lifetime):
    _, out = lifetime
    result, run, stored = out["down"]
    assert result.returncode == 3
    assert summary(result).startswith("refresh site-down: ")
    assert "seems to be down: 5 requests in a row failed (last: HTTP 503)" in summary(result)
    assert (run["status"], run["new"], run["updated"]) == ("site-down", 0, 0)
    assert stored == out["all"][2]


def test_a_listing_without_articles_fails_the_run_loudly(lifetime):
    _, out = lifetime
    result, run, stored = out["listings"]
    assert result.returncode == 1
    assert re.search(r" — the site's layout seems to have changed: the listing http://127\.0\.0\.1:\d+/(news|magazine)/ "
                     r"yielded no articles$", summary(result))
    assert run["status"] == "failed"
    # Articles the change signal named may have been stored before the listing tripped the alarm (their pages
    # are sound); nothing stored before changed.
    before = out["all"][2]["articles"]
    assert [a for a in stored["articles"] if a["id"] in {b["id"] for b in before}] == before


def test_once_healthy_again_nothing_is_lost(lifetime):
    _, out = lifetime
    result, run, stored = out["healthy"]
    assert result.returncode == 0, result.stderr[-3000:]
    truth = out["truth"]
    assert {a["url"]: a["body"] for a in stored["articles"]} == {url: t["body"] for url, t in truth.items()
                                                                 if "wordpress" in t["eras"]}
    # The four refused at first, the four the redesign hid (some maybe stored by the run the listings failed).
    assert out["listings"][1]["new"] + run["new"] == 4 + 4
    assert rows(lifetime[0], "PRAGMA integrity_check") == [{"integrity_check": "ok"}]


def test_the_replica_command_can_wrap_its_apps_in_faults():
    from mip_archive.replica import build_replica
    from mip_archive.replica.faults import with_faults

    apps = build_replica(20, 1)
    assert with_faults(apps, "") == apps
    wrapped = with_faults(apps, "robots,429")
    assert (type(wrapped[0]).__name__, wrapped[0].app, wrapped[0].spec.names, wrapped[1:]) == \
        ("FaultyApp", apps[0], {"robots", "429"}, apps[1:])
    assert "Disallow: /news/" in get(wrapped[0], "/robots.txt").body.decode()
