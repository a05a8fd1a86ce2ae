"""One statement, one record: the same statement across captures and eras merges (every URL kept, the most
complete capture's text stored); two different statements that share a headline stay two."""

from __future__ import annotations

import dataclasses

import pytest
import sqlite_utils

from mip_archive.items import Article, Capture
from mip_archive.store import articles as store
from mip_archive.store.identity import find_same_statement, more_complete, same_statement, similarity, title_key
from mip_archive.store.statements import store_statement

BODY = ("Managers in Partnership said the pay award for senior managers falls short again this year. "
        "'We will consult members on the next steps,' said the union's chief executive. "
        "The union has written to the health secretary asking for talks before the summer.")
OTHER_BODY = ("The union welcomed the new leadership framework published by NHS England today. "
              "'This is a step in the right direction for managers,' said a national officer. "
              "Members are invited to a webinar on the framework in the spring.")
OLD_URL = "http://www.miphealth.org.uk/News/HomepageNews-36120.aspx"
NEW_URL = "http://www.miphealth.org.uk/home/news-campaigns/NewsArticles/Pay-Award-Falls-Short.aspx"


def article(url: str, era: str, **changes) -> Article:
    fields = dict(url=url, section="news", title="Pay award falls short, says managers’ union", body=BODY, era=era,
                  published="2016-03-08", date_source="printed", standfirst="MiP responds to the pay award",
                  capture=Capture("20160310101010", url, f"https://web.archive.org/web/20160310101010id_/{url}"))
    return dataclasses.replace(Article(**fields), **changes) if changes else Article(**fields)


@pytest.fixture
def db():
    database = sqlite_utils.Database(memory=True)
    store.migrations.apply(database)
    return database


def urls_by_article(db) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for row in db.query("select article_id, url from article_urls order by url"):
        found.setdefault(row["article_id"], []).append(row["url"])
    return found


def test_republished_statement_is_one_record_listing_both_urls(db):
    outcomes = [store_statement(db, article(OLD_URL, "aspnet-2013-2017")),
                store_statement(db, article(NEW_URL, "aspnet-2018-2024", title="Pay award falls short, says managers' union",
                                            body=BODY + "\n\nFirst published in March 2016."))]
    assert outcomes == ["new", "updated"]  # the 2018 copy says more: it becomes the record's text
    assert db["articles"].count == 1
    assert list(urls_by_article(db).values()) == [[OLD_URL, NEW_URL]]
    assert db.execute("select era, body like '%First published%' from articles").fetchone() == ("aspnet-2018-2024", 1)


def test_less_complete_capture_only_adds_its_url(db):
    store_statement(db, article(OLD_URL, "aspnet-2013-2017", author="Joanna Pinnock"))
    outcome = store_statement(db, article(NEW_URL, "aspnet-2018-2024", standfirst=None))
    assert outcome == "merged"
    assert db.execute("select url, author, standfirst from articles").fetchone() == (
        OLD_URL, "Joanna Pinnock", "MiP responds to the pay award")


def test_same_url_captured_again_is_the_same_record(db):
    store_statement(db, article(OLD_URL, "aspnet-2013-2017"))
    again = article("http://miphealth.org.uk/News/HomepageNews-36120.aspx", "aspnet-2013-2017",
                    source_url="http://miphealth.org.uk/News/HomepageNews-36120.aspx?text=large")
    assert store_statement(db, again) == "merged"
    assert db["articles"].count == 1


def test_same_headline_different_statements_stay_two(db):
    store_statement(db, article(NEW_URL, "aspnet-2018-2024", published="2019-05-02", body=BODY))
    other = article(NEW_URL.replace(".aspx", "-2.aspx"), "aspnet-2018-2024", published="2021-09-14", body=OTHER_BODY)
    assert find_same_statement(db, other) is None
    assert store_statement(db, other) == "new"
    assert db["articles"].count == 2


def test_same_headline_same_day_but_different_text_stays_two(db):
    store_statement(db, article(OLD_URL, "aspnet-2013-2017"))
    assert find_same_statement(db, article(NEW_URL, "aspnet-2018-2024", body=OTHER_BODY)) is None


def test_edited_headline_same_day_same_text_is_the_same_statement(db):
    store_statement(db, article(OLD_URL, "aspnet-2013-2017"))
    renamed = article(NEW_URL, "aspnet-2018-2024", title="Pay award: managers’ union responds")
    assert find_same_statement(db, renamed) == db.execute("select id from articles").fetchone()[0]


@pytest.mark.parametrize("a, b, expected", [
    ("Pay award falls short, says managers’ union", "PAY AWARD FALLS SHORT says managers' union", True),
    ("Pay award falls short – union", "Pay award falls short - union", True),
    ("Pay award falls short", "Pay award fell short", False),
])
def test_title_key(a, b, expected):
    assert (title_key(a) == title_key(b)) is expected


def test_similarity_bounds():
    assert similarity(BODY, BODY) == 1.0
    assert similarity(BODY, OTHER_BODY) < 0.1
    assert similarity("", BODY) == 0.0


def test_dates_far_apart_are_never_the_same_statement():
    stored = article(OLD_URL, "aspnet-2013-2017")
    assert not same_statement(article(NEW_URL, "x", published="2017-03-08"), stored.title, stored.published, BODY)
    assert same_statement(article(NEW_URL, "x", published=None), stored.title, stored.published, BODY)


@pytest.mark.parametrize("changes, winner", [
    ({"author": "Joanna Pinnock"}, "candidate"),
    ({"published": None, "date_source": None}, "stored"),
    ({"date_source": "listing"}, "stored"),
    ({"body": BODY + " One more sentence."}, "candidate"),
    ({}, "stored"),
])
def test_more_complete(changes, winner):
    stored = article(OLD_URL, "aspnet-2013-2017")
    candidate = dataclasses.replace(article(NEW_URL, "aspnet-2018-2024"), **changes)
    assert more_complete(candidate, stored) is (candidate if winner == "candidate" else stored)


def test_live_crawl_keeps_its_edits_on_a_merged_statement(db):
    store_statement(db, article(OLD_URL, "aspnet-2013-2017"))
    live = article("https://www.miphealth.org.uk/news/pay-award-falls-short/", "wordpress", capture=None,
                   body=BODY.replace("this year", "in 2016"))
    assert store_statement(db, live, prefer_latest=True) == "updated"
    assert db["articles"].count == 1
    assert db.execute("select era, versions from articles").fetchone() == ("wordpress", 2)
