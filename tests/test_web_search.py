"""The one search box: what a reader types becomes a valid FTS5 query; the page ranks, highlights and explains."""

import sqlite3

import lxml.html
import pytest

from mip_archive.web.fts import safe_fts_query
from mip_archive.web.search import explain_empty, search_params
from tests.web_archive import build_archive, datasette_for, fetch


@pytest.mark.parametrize(("typed", "query"), [
    ("pay", '"pay"'),
    ("pay award", '"pay" "award"'),
    ('"very senior managers"', '"very senior managers"'),
    ("manag*", '"manag"*'),
    ("pay OR pensions", '"pay" OR "pensions"'),
    ("pay NOT pensions", '"pay" NOT "pensions"'),
    ("pay or pensions", '"pay" "or" "pensions"'),
    ("NOT pay", '"pay"'),
    ("pay OR", '"pay"'),
    ("pay OR OR NOT cuts", '"pay" OR "cuts"'),
    ('"unclosed phrase', '"unclosed phrase"'),
    ("title:pay", '"title" "pay"'),
    ("(pay) ^award -cuts +x", '"pay" "award" "cuts" "x"'),
    ("NHS's plan", '"NHS" "s" "plan"'),
    ("", '""'),
    ('"" * : ( ) ^', '""'),
    (None, '""'),
])
def test_safe_fts_query(typed, query):
    assert safe_fts_query(typed) == query


HOSTILE = ['"', "'", "*", "AND", "OR OR", "NOT", "(", ")", "a:b", "^", "-x", "x AND", 'x "y', "NEAR(a b)",
           "a + b", "\\", "%", "_", "; drop table articles", "\x00", "日本語*", "'; --"]


@pytest.mark.parametrize("typed", HOSTILE)
def test_no_input_makes_fts5_raise(typed):
    db = sqlite3.connect(":memory:")
    db.execute("create virtual table t using fts5(body, tokenize='porter')")
    db.execute("insert into t values ('Managers carried the NHS through winter')")
    db.execute("select count(*) from t where t match ?", [safe_fts_query(typed)]).fetchone()


@pytest.fixture(scope="module")
def ds(tmp_path_factory):
    return datasette_for(build_archive(tmp_path_factory.mktemp("archive") / "mip.db"))


def search_page(ds, query):
    response = fetch(ds, f"/-/search?{query}")
    assert response.status_code == 200, response.text[:500]
    return lxml.html.fromstring(response.text)


def titles(tree, section):
    return [" ".join(a.text_content().split()) for a in tree.xpath(f"//section[@id='{section}']//li/a[1]")]


def test_one_box_finds_articles_by_relevance_and_quotes_with_highlights(ds):
    tree = search_page(ds, "q=hospital")
    assert titles(tree, "article-results") == ["Cutting managers will not fix waiting lists"]
    assert titles(tree, "quote-results") == ["“You cannot run a hospital without people to run it”"]
    assert [mark.text for mark in tree.xpath("//section[@id='quote-results']//mark")] == ["hospital"]
    assert tree.xpath("//p[@class='mip-feed']/a/@href") == ["/mip/topic_feed.atom?q=hospital"]


def test_filters_narrow_both_lists(ds):
    tree = search_page(ds, "q=pay&section=magazine&since=2023-01-01&until=2023-12-31&entity=Priya")
    assert titles(tree, "article-results") == ["Interview: leading a trust through a cyber attack"]
    assert titles(tree, "quote-results") == ["“We went back to paper within an hour and nobody's pay was late”"]
    assert tree.xpath("//details[@class='mip-filters'][@open]")


@pytest.mark.parametrize("query", ["q=%22", "q=NOT+(+%5E", "q=title%3A", "q=" + "x" * 5000])
def test_hostile_or_odd_input_never_errors(ds, query):
    search_page(ds, query)


def test_an_empty_result_explains_itself(ds):
    tree = search_page(ds, "q=ambulance&section=news")
    assert [p.text_content() for p in tree.xpath("//p[@class='mip-explain']")] == [
        "No articles contain 'ambulance' with section as given: try again with fewer boxes filled.",
        "No quotes contain 'ambulance': check the spelling, try fewer words, or a prefix such as ambula*.",
    ]


def test_no_words_asks_for_some(ds):
    tree = search_page(ds, "q=%28%29")
    assert [p.text_content() for p in tree.xpath("//p[@class='mip-explain']")] == [
        'Type a word, a "phrase in quotes" or the start of a word followed by * (manag*).']


def test_search_params_are_trimmed_capped_and_complete():
    assert search_params({"q": "  pay  ", "since": "2024", "junk": "x"}) == {
        "q": "pay", "section": "", "since": "2024", "until": "", "entity": ""}
    assert len(search_params({"q": "x" * 500})["q"]) == 200


def test_explanations_name_the_boxes_that_were_used():
    params = {"q": "pay", "section": "", "since": "2030", "until": "", "entity": "Barts"}
    assert explain_empty(params, "quotes") == (
        "No quotes contain 'pay' with since, entity as given: try again with fewer boxes filled.")
