"""Serving: production settings, robots.txt, security headers, and what the article, quote and entity pages show."""

import sys

import lxml.html
import pytest

from mip_archive import serve
from mip_archive.web.cells import excerpt, highlight_html, render_value, safe_href
from mip_archive.web.charts import bar_chart_svg, fill_years
from mip_archive.web.robots import robots_txt
from tests.web_archive import article_key, build_archive, datasette_for, entity_key, fetch, quote_key


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    return build_archive(tmp_path_factory.mktemp("archive") / "mip.db")


@pytest.fixture(scope="module")
def ds(archive):
    return datasette_for(archive)


@pytest.fixture(scope="module")
def public_ds(archive):
    return datasette_for(archive, public=True)


def page(ds, path):
    response = fetch(ds, path)
    assert response.status_code == 200, response.text[:500]
    return lxml.html.fromstring(response.text)


def texts(tree, xpath):
    return [" ".join(node.text_content().split()) for node in tree.xpath(xpath)]


def test_public_serving_is_immutable_read_only_and_limited(tmp_path):
    args = serve.datasette_args(tmp_path / "mip.db", host="0.0.0.0", port=8001, public=True)
    web = serve.WEB_DIR
    assert args == [
        sys.executable, "-m", "datasette", "serve", "--host", "0.0.0.0", "--port", "8001",
        "-m", str(serve.metadata_path()), "-i", str(tmp_path / "mip.db"),
        "--setting", "sql_time_limit_ms", "1000", "--setting", "max_returned_rows", "1000",
        "--setting", "default_allow_sql", "off", "--setting", "allow_download", "off",
        "--setting", "allow_csv_stream", "off", "--setting", "default_cache_ttl", "300",
        "--setting", "truncate_cells_html", "400", "--setting", "suggest_facets", "off",
        "--setting", "facet_time_limit_ms", "200",
        "--template-dir", str(web / "templates"), "--plugins-dir", str(web / "plugins"),
        "--static", f"assets:{web / 'static'}",
    ]


def test_local_serving_opens_the_file_writable_with_the_same_pages(tmp_path):
    args = serve.datasette_args(tmp_path / "mip.db", host="127.0.0.1", port=8001, public=False)
    assert "-i" not in args and str(tmp_path / "mip.db") in args
    assert args[-6:] == serve.web_args()


@pytest.mark.parametrize(("path", "status"), [
    ("/mip?sql=select+1", 403), ("/mip.db", 403), ("/mip/articles.csv?_stream=on", 400),
    ("/mip/search?q=pay", 200), ("/mip/articles", 200),
])
def test_public_archive_refuses_arbitrary_sql_and_downloads(public_ds, path, status):
    assert fetch(public_ds, path).status_code == status


@pytest.mark.parametrize(("config", "env", "expected"), [
    ({"robots": "archive", "robots_disallow": ["/-/", "/*.json"]}, None,
     "User-agent: *\nDisallow: /-/\nDisallow: /*.json\n"),
    ({"robots": "none"}, None, "User-agent: *\nDisallow: /\n"),
    ({"robots": "all"}, None, "User-agent: *\nDisallow:\n"),
    (None, None, "User-agent: *\nDisallow:\n"),
    ({"robots": "all"}, "none", "User-agent: *\nDisallow: /\n"),
])
def test_robots_policy(monkeypatch, config, env, expected):
    if env:
        monkeypatch.setenv("MIP_ROBOTS", env)
    else:
        monkeypatch.delenv("MIP_ROBOTS", raising=False)
    assert robots_txt(config) == expected


def test_robots_policy_refuses_an_unknown_word():
    with pytest.raises(ValueError, match="robots policy must be one of archive, none, all, not 'sometimes'"):
        robots_txt({"robots": "sometimes"})


def test_robots_txt_is_served_from_metadata(ds, monkeypatch):
    monkeypatch.delenv("MIP_ROBOTS", raising=False)
    response = fetch(ds, "/robots.txt")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/plain")
    lines = response.text.splitlines()
    assert lines[:2] == ["User-agent: *", "Disallow: /-/"]
    assert "Disallow: /mip?" in lines and "Disallow: /mip/articles/" not in lines


@pytest.mark.parametrize("path", ["/", "/mip/articles", f"/mip/articles/{article_key(0)}", "/-/search?q=pay"])
def test_every_page_forbids_remote_scripts_frames_and_images(ds, path):
    headers = fetch(ds, path).headers
    policy = headers["content-security-policy"]
    assert "script-src 'self' 'unsafe-inline'" in policy and "frame-src 'none'" in policy
    assert "img-src 'self' data:" in policy and "object-src 'none'" in policy
    assert headers["x-content-type-options"] == "nosniff"


def test_article_page_shows_text_quotes_entities_links_and_its_earlier_versions(ds):
    tree = page(ds, f"/mip/articles/{article_key(0)}")
    assert texts(tree, "//article/h1") == ["Pay award leaves senior managers behind again"]
    assert texts(tree, "//p[@class='kicker']") == ["news · 2024-03-12 · Press office"]
    assert texts(tree, "//div[contains(@class,'changed')]//li") == [
        "2025-05-01: “Pay award leaves senior managers behind again”",
        "2025-05-08: “Pay award leaves senior managers behind again”",
    ]
    assert tree.xpath("//p[@class='sources']/a/@href") == ["https://www.miphealth.org.uk/news/pay-award-2024/"]
    assert texts(tree, "//ul[@class='mip-quotes']/li/a[1]") == [
        "“Managers have carried the service through winter and deserve better”"]
    assert texts(tree, "//ul[@class='mip-entities']/li/a") == ["Alex Morgan", "Barts Health"]
    assert tree.xpath("//ul[@class='mip-entities']/li/a/@href") == [
        f"/mip/entities/{entity_key('PERSON', 'Alex Morgan')}", f"/mip/entities/{entity_key('TRUST', 'Barts Health')}"]
    assert not tree.xpath("//p[contains(@class,'withdrawn')]")


def test_withdrawn_article_says_so(ds):
    tree = page(ds, f"/mip/articles/{article_key(3)}")
    assert texts(tree, "//p[contains(@class,'withdrawn')]") == [
        "Withdrawn. This page had gone from the union's site when the archive checked on 2025-05-08;"
        " the text below is the last one archived."]
    assert not tree.xpath("//div[contains(@class,'changed')]")


def test_quote_page_links_to_its_article_and_speaker(ds):
    tree = page(ds, f"/mip/quotes/{quote_key(2).replace(':', '~3A')}")
    assert texts(tree, "//blockquote") == ["“We went back to paper within an hour and nobody's pay was late”"]
    assert texts(tree, "//p[@class='attribution']") == ["— Priya Shah, director of operations at Barts Health"]
    assert tree.xpath("//a[@class='speaker']/@href") == [f"/mip/entities/{entity_key('PERSON', 'Priya Shah')}"]
    assert tree.xpath("//a[@class='article']/@href") == [f"/mip/articles/{article_key(2)}"]


def test_entity_page_charts_mentions_per_year_and_lists_roles_over_time(ds):
    tree = page(ds, f"/mip/entities/{entity_key('PERSON', 'Alex Morgan')}")
    assert texts(tree, "//article/h1") == ["Alex Morgan"]
    bars = tree.xpath("//figure[@class='mip-chart']/svg/g")
    assert [bar.xpath("string(title)") for bar in bars] == ["2022: 1", "2023: 0", "2024: 1", "2025: 1"]
    assert [texts(row, "td") for row in tree.xpath("//table[@class='mip-roles']/tbody/tr")] == [
        ["national secretary of MiP", "2022-06-30", "2022-06-30", "1"],
        ["chief executive of MiP", "2024-03-12", "2025-04-02", "2"],
    ]
    assert len(tree.xpath("//ul[@class='mip-quotes']/li")) == 3


@pytest.mark.parametrize(("table", "first"), [
    ("articles", "Cutting managers will not fix waiting lists"),
    ("quotes", "“You cannot run a hospital without people to run it”"),
    ("entities", "Alex Morgan"),
])
def test_table_pages_read_as_lists_newest_or_biggest_first(ds, table, first):
    tree = page(ds, f"/mip/{table}")
    assert texts(tree, "//ol[contains(@class,'mip-article-list')]/li/a[1]")[0] == first


def test_home_page_offers_search_questions_and_feeds(ds):
    tree = page(ds, "/")
    assert tree.xpath("//form[@class='mip-search']/@action") == ["/-/search"]
    assert texts(tree, "//ul[@class='mip-cards']/li/a") == [
        "Search statements", "Quotes on a topic", "Everything said about…", "A person's quotes and roles over time",
        "Statements new since a date", "Most mentioned"]
    assert "/mip/topic_feed.atom?q=pay" in tree.xpath("//a/@href")


@pytest.mark.parametrize(("value", "expected"), [
    ("pay <b>award</b> for <mark>managers</mark>", "pay &lt;b&gt;award&lt;/b&gt; for <mark>managers</mark>"),
    ('<mark onclick="x()">pay</mark>', '&lt;mark onclick=&#34;x()&#34;&gt;pay</mark>'),
    ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
])
def test_highlights_keep_only_bare_mark_tags(value, expected):
    assert str(highlight_html(value)) == expected


@pytest.mark.parametrize(("text", "limit", "expected"), [
    ("Short text.", 20, "Short text."),
    ("Managers carried the service through winter, again", 30, "Managers carried the service…"),
])
def test_excerpt_cuts_at_a_word(text, limit, expected):
    assert excerpt(text, limit) == expected


def test_table_cells_show_a_short_text_excerpt_of_the_body_html():
    html = "<p>" + "Trusts were told to cut costs. " * 20 + "</p><script>x</script>"
    rendered = str(render_value("body_html", html))
    assert rendered.endswith("…") and "<" not in rendered and len(rendered) <= 161


@pytest.mark.parametrize(("url", "expected"), [
    ("https://www.miphealth.org.uk/news/x/", "https://www.miphealth.org.uk/news/x/"),
    ("javascript:alert(1)", None), ("/relative", None), (None, None),
])
def test_only_http_links_leave_the_archive(url, expected):
    assert safe_href(url) == expected


def test_fill_years_shows_quiet_years_as_zero():
    assert fill_years({2021: 2, 2024: 1}) == [("2021", 2), ("2022", 0), ("2023", 0), ("2024", 1)]
    assert fill_years({}) == []


def test_bar_chart_escapes_labels_and_scales_bars():
    svg = str(bar_chart_svg([("2024", 4), ("<b>", 2)], title="Mentions & more"))
    tree = lxml.html.fromstring(svg)
    assert tree.xpath("//rect/@height") == ["96", "48"]
    assert "<title>Mentions &amp; more</title>" in svg and "&lt;b&gt;" in svg and "<b>" not in svg
    assert str(bar_chart_svg([], title="nothing")) == ""


def test_local_archive_still_offers_its_own_sql_page(ds):
    response = fetch(ds, "/mip?sql=select+count(*)+as+n+from+articles")
    assert response.status_code == 200 and "Custom SQL query" in response.text
    assert texts(lxml.html.fromstring(response.text), "//td[@class='col-n']") == ["4"]
