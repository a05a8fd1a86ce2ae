"""metadata.yml: every table and canned query it names exists and runs against a built archive; feeds work."""

import re
import xml.etree.ElementTree as ET

import pytest
import yaml

from mip_archive.serve import metadata_path
from tests.web_archive import article_key, build_archive, datasette_for, entity_key, fetch, quote_key

METADATA = yaml.safe_load(metadata_path().read_text())
DATABASE = METADATA["databases"]["mip"]
QUERIES = DATABASE["queries"]
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def ds(tmp_path_factory):
    return datasette_for(build_archive(tmp_path_factory.mktemp("archive") / "mip.db"))


def rows(ds, path):
    response = fetch(ds, path)
    assert response.status_code == 200, response.text[:500]
    return response.json()["rows"]


def named_params(sql):
    without_literals = re.sub(r"'[^']*'", "''", sql)
    return sorted(set(re.findall(r":(\w+)", without_literals)))


@pytest.mark.parametrize("table", sorted(DATABASE["tables"]))
def test_every_table_in_metadata_exists_and_serves(ds, table):
    response = fetch(ds, f"/mip/{table}.json?_shape=objects&_size=1")
    assert response.status_code == 200, response.text[:300]


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_every_canned_query_runs_with_every_box_empty(ds, name):
    assert rows(ds, f"/mip/{name}.json?_shape=objects") != []


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_every_canned_query_has_a_title_a_description_and_a_label_for_each_box(name):
    query = QUERIES[name]
    assert query["title"] and query["description"]
    assert sorted(query.get("fields", {})) == named_params(query["sql"])
    assert all(field["label"] and field["placeholder"] for field in query.get("fields", {}).values())


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_every_canned_query_page_renders_its_form(ds, name):
    response = fetch(ds, f"/mip/{name}")
    assert response.status_code == 200
    assert f"<h1>{QUERIES[name]['title']}</h1>".replace("'", "&#39;") in response.text
    for field in QUERIES[name].get("fields", {}).values():
        assert f">{field['label']} <input" in response.text


def test_metadata_holds_no_secrets():
    text = metadata_path().read_text().lower()
    for word in ("password", "secret", "token", "api_key", "apikey", "bearer", "private_key"):
        assert word not in text
    assert not re.search(r"[a-z0-9]{32,}", text)


def test_search_finds_by_relevance_with_highlighted_snippets(ds):
    found = rows(ds, "/mip/search.json?_shape=objects&q=pay")
    assert [(row["title"], row["published"]) for row in found] == [
        ("Pay award leaves senior managers behind again", "2024-03-12"),
        ("Union welcomes review of pay bands", "2022-06-30"),
        ("Interview: leading a trust through a cyber attack", "2023-11-20"),
    ]
    assert all("<mark>pay</mark>" in row["snippet"].lower() for row in found)


@pytest.mark.parametrize(("query", "titles"), [
    ("q=pay&section=magazine", ["Interview: leading a trust through a cyber attack"]),
    ("q=pay&since=2023&until=2023-12", ["Interview: leading a trust through a cyber attack"]),
    ("q=pay&until=2022", ["Union welcomes review of pay bands"]),
    ("q=pay&entity=Priya", ["Interview: leading a trust through a cyber attack"]),
    ("q=%22senior+managers+behind%22", ["Pay award leaves senior managers behind again"]),
    ("q=hospit*", ["Cutting managers will not fix waiting lists"]),
    ("q=cyber+OR+waiting", ["Interview: leading a trust through a cyber attack",
                            "Cutting managers will not fix waiting lists"]),
    ("section=magazine", ["Interview: leading a trust through a cyber attack"]),
    ("q=NOT+(pay%3A+%22", ["Pay award leaves senior managers behind again", "Union welcomes review of pay bands",
                           "Interview: leading a trust through a cyber attack"]),
    ("q=zzzz+AND+%22", []),
])
def test_search_filters_phrases_prefixes_and_hostile_syntax(ds, query, titles):
    assert sorted(row["title"] for row in rows(ds, f"/mip/search.json?_shape=objects&{query}")) == sorted(titles)


def test_quotes_on_topic_gives_speaker_role_date_article_and_original_link(ds):
    found = rows(ds, "/mip/quotes_on_topic.json?_shape=objects&q=hospital&speaker=morgan")
    assert found == [{
        "quote_id": quote_key(1), "published": "2025-04-02",
        "quote": "You cannot run a <mark>hospital</mark> without people to run it",
        "speaker": "Alex Morgan", "speaker_id": entity_key("PERSON", "Alex Morgan"), "role": "chief executive of MiP",
        "title": "Cutting managers will not fix waiting lists", "article_id": article_key(1),
        "original": "https://www.miphealth.org.uk/news/management-cuts/",
    }]


def test_quotes_on_topic_lists_newest_first_when_no_words_are_given(ds):
    found = rows(ds, "/mip/quotes_on_topic.json?_shape=objects&speaker=Alex+Morgan")
    assert [row["published"] for row in found] == ["2025-04-02", "2024-03-12", "2022-06-30"]


def test_entity_mentions_lists_every_article_by_year(ds):
    found = rows(ds, "/mip/entity_mentions.json?_shape=objects&entity=Barts+Health+NHS")
    assert [(row["year"], row["entity"], row["mentions"]) for row in found] == [
        (2025, "Barts Health", 2), (2024, "Barts Health", 1), (2023, "Barts Health", 1)]


def test_person_timeline_shows_a_change_of_role(ds):
    found = rows(ds, "/mip/person_timeline.json?_shape=objects&person=Alex")
    assert [(row["published"], row["role"]) for row in found] == [
        ("2022-06-30", "national secretary of MiP"), ("2024-03-12", "chief executive of MiP"),
        ("2025-04-02", "chief executive of MiP")]


def test_new_statements_since_a_date(ds):
    found = rows(ds, "/mip/new_statements.json?_shape=objects&since=2024-01-01")
    assert [row["title"] for row in found] == ["Cutting managers will not fix waiting lists",
                                               "Pay award leaves senior managers behind again"]


@pytest.mark.parametrize(("query", "expected"), [
    ("label=trust", [("Barts Health", "TRUST", 3, 4)]),
    ("label=person&since=2024", [("Alex Morgan", "PERSON", 2, 2)]),
    ("until=2022", [("Agenda for Change", "REPORT", 1, 1), ("Alex Morgan", "PERSON", 1, 1)]),
])
def test_most_mentioned_in_a_period(ds, query, expected):
    found = rows(ds, f"/mip/most_mentioned.json?_shape=objects&{query}")
    assert [(row["entity"], row["label"], row["articles"], row["mentions"]) for row in found] == expected


def feed_entries(ds, path):
    response = fetch(ds, path)
    assert response.status_code == 200, response.text[:500]
    assert response.headers["content-type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    return root, [(entry.find(f"{ATOM}title").text, entry.find(f"{ATOM}link").get("href"))
                  for entry in root.findall(f"{ATOM}entry")]


def test_topic_feed_for_a_saved_search(ds):
    root, entries = feed_entries(ds, "/mip/topic_feed.atom?q=pay")
    assert root.find(f"{ATOM}title").text == QUERIES["topic_feed"]["title"]
    assert sorted(entries) == [
        ("Interview: leading a trust through a cyber attack",
         "https://www.miphealth.org.uk/magazine/interview-priya-shah/"),
        ("Pay award leaves senior managers behind again", "https://www.miphealth.org.uk/news/pay-award-2024/"),
        ("Union welcomes review of pay bands", "https://www.miphealth.org.uk/news/agenda-for-change-review/"),
    ]


def test_topic_feed_for_a_trust(ds):
    _, entries = feed_entries(ds, "/mip/topic_feed.atom?entity=Barts+Health")
    assert len(entries) == 3


def test_a_feed_with_no_match_yet_is_still_a_valid_feed(ds):
    _, entries = feed_entries(ds, "/mip/topic_feed.atom?q=zzzzqqq")
    assert entries == [("Nothing matches this topic yet", "https://www.miphealth.org.uk/news/")]


def test_new_statements_feed_is_newest_first_and_has_every_dated_article(ds):
    _, entries = feed_entries(ds, "/mip/new_statements_feed.atom")
    assert len(entries) == 4
