"""Parsing today's WordPress article pages: a realistic page in, the whole record out."""

from pathlib import Path

import pytest

from mip_archive.items import ParseError
from mip_archive.parse import ERA_PARSERS, decode_html, parse_article

PAGES = Path(__file__).parent / "pages"
SITE = "https://www.miphealth.org.uk"
FULL_URL = f"{SITE}/news/senior-managers-workload-evidence/"


def page(name: str) -> str:
    return (PAGES / name).read_text(encoding="utf-8")


def record(html, url, **kwargs) -> dict:
    data = parse_article(html, url, **kwargs).to_dict()
    assert len(data.pop("content_hash")) == 64
    return data


FULL_BODY = (
    "Senior managers in the NHS are working more unpaid hours than at any point in the last five years, according "
    "to evidence MiP sent to the Senior Salaries Review Body this week.\n\n"
    "Nine in ten respondents to our autumn survey said their team had shrunk since the spring, while the work "
    "expected of it had grown.\n\n"
    "What members told us\n\n"
    "One director of operations described the year as “the hardest I have known, and I have known some hard "
    "ones”.\n\n"
    "Most respondents expect to look for another job within two years.\n\n"
    "Fewer than one in five feel valued by ministers.\n\n"
    "‘We are asked to do more with less every quarter, and the less keeps shrinking,’ one chief executive said.\n\n"
    "MiP will publish the full survey results next month."
)
FULL_HTML = (
    "<p>Senior managers in the NHS are working more unpaid hours than at any point in the last five years, "
    "according to evidence MiP sent to the Senior Salaries Review Body this week.</p>\n"
    "<p>Nine in ten respondents to our autumn survey said their team had shrunk since the spring, while the work "
    "expected of it had\xa0grown.</p>\n"
    f'<figure><img src="{SITE}/wp-content/uploads/2025/10/board-meeting-1024x576.jpg" alt="A board meeting in '
    'progress"><figcaption>Board members at a trust in the Midlands</figcaption></figure>\n'
    "<h2>What members told us</h2>\n"
    "<p>One director of operations described the year as “the hardest I have known, and I have known some hard "
    "ones”.</p>\n"
    "<ul>\n<li>Most respondents expect to look for another job within two years.</li>\n"
    "<li>Fewer than one in five feel valued by ministers.</li>\n</ul>\n"
    "<blockquote><p>‘We are asked to do more with less every quarter, and the less keeps shrinking,’ one chief "
    "executive said.</p></blockquote>\n"
    "<p>MiP will publish the full survey results next month.</p>"
)


def test_full_signals_page_fetched_by_its_shortlink():
    assert record(page("wp_full.html"), f"{SITE}/?p=4812") == {
        "url": FULL_URL,
        "section": "news",
        "title": "Senior managers tell pay body that workload is at breaking point",
        "body": FULL_BODY,
        "era": "wordpress",
        "published": "2025-10-14",
        "published_raw": "2025-10-14T08:05:12+00:00",
        "date_source": "jsonld",
        "modified": "2025-10-15T17:40:00+01:00",
        "author": "Priya Castellano",
        "standfirst": "The union’s submission to the review body draws on a members’ survey and a series of "
                      "interviews with chief executives.",
        "body_html": FULL_HTML,
        "image_captions": ["Board members at a trust in the Midlands"],
        "tags": ["Pay", "SSRB"],
        "related_links": [
            f"{SITE}/news/union-responds-to-league-tables/",
            f"{SITE}/news/redundancy-advice-for-icb-staff/",
            f"{SITE}/news/new-national-officer-joins/",
        ],
        "source_url": f"{SITE}/?p=4812",
        "capture": None,
        "warnings": [],
        "word_count": 128,
    }


def test_on_the_replica_host_the_fetched_url_is_kept_and_links_resolve_against_it():
    article = parse_article(page("wp_full.html"), "http://127.0.0.1:8123/news/senior-managers-workload-evidence/")
    assert article.url == "http://127.0.0.1:8123/news/senior-managers-workload-evidence/"
    assert article.source_url is None
    assert article.related_links[0] == "http://127.0.0.1:8123/news/union-responds-to-league-tables/"


def test_magazine_page_without_json_ld():
    assert record(page("wp_magazine.html"), f"{SITE}/?p=2210") == {
        "url": f"{SITE}/news/running-a-hospital-in-a-heatwave",
        "section": "magazine",  # from the category class: category-healthcare-manager
        "title": "Running a hospital in a heatwave",
        "body": "Wards on the top floor were the first to feel it. By mid-morning the temperature in one bay had "
                "reached 31C, and the facilities manager on duty began moving patients to the cooler side of the "
                "building.\n\n"
                "“We had a plan on paper,” she said. “What we didn’t have was enough fans.”\n\n"
                "Lessons for next summer\n\n"
                "Buy cooling equipment in spring, not July.\n\n"
                "Know which rooms overheat first.",
        "era": "wordpress",
        "published": "2019-07-26",  # 23:30 UTC on 25 July is 00:30 BST on 26 July
        "published_raw": "2019-07-25T23:30:00+00:00",
        "date_source": "meta",
        "modified": None,
        "author": "Tomasz Ferreira",  # the leading "By ..." line, which leaves the body
        "standfirst": "When the thermometer passed 38C, the estates team at one trust found out which of its "
                      "plans worked.",  # a lead paragraph in <strong>
        "body_html": "<p>Wards on the top floor were the first to feel it. By mid-morning the temperature in one "
                     "bay had reached 31C, and the facilities manager on duty began moving patients to the cooler "
                     "side of the building.</p>\n"
                     "<p>“We had a plan on paper,” she said. “What we didn’t have was enough fans.”</p>\n"
                     "<h3>Lessons for next summer</h3>\n"
                     "<ol><li>Buy cooling equipment in spring, not July.</li><li>Know which rooms overheat first."
                     "</li></ol>",
        "image_captions": [],
        "tags": ["Estates", "Climate"],  # tag links of the article, not the sidebar's tag cloud
        "related_links": [f"{SITE}/news/estates-budgets-under-strain", f"{SITE}/news/planning-for-winter-pressures"],
        "source_url": f"{SITE}/?p=2210",
        "capture": None,
        "warnings": [],
        "word_count": 68,
    }


def test_bare_page_entity_title_no_date_no_author_description_as_standfirst():
    assert record(page("wp_bare_statement.html"), "https://miphealth.org.uk/news/open-door/") == {
        "url": "https://miphealth.org.uk/news/open-door/",
        "section": "news",
        "title": "MiP’s “open door” for managers facing redundancy",
        "body": "Members whose jobs are affected by the merger of integrated care boards can now book a call with "
                "a national officer directly.\n\nThe line is open on weekday mornings and calls are confidential.",
        "era": "wordpress",
        "published": None,
        "published_raw": None,
        "date_source": None,
        "modified": None,
        "author": None,  # the byline names the union itself
        "standfirst": "A new advice line opens for members whose posts are at risk.",
        "body_html": "<p>Members whose jobs are affected by the merger of integrated care boards can now book a "
                     "call with a national officer directly.</p>\n"
                     "<p>The line is open on weekday mornings and calls are confidential.</p>",
        "image_captions": [],
        "tags": [],
        "related_links": [],
        "source_url": None,
        "capture": None,
        "warnings": ["date: no date found on the page", "section: none of [] is known; assumed 'news'"],
        "word_count": 33,
    }


def test_section_hint_is_used_when_the_page_names_no_section():
    article = parse_article(page("wp_bare_statement.html"), f"{SITE}/news/open-door/", section_hint="magazine")
    assert (article.section, article.warnings) == ("magazine", ["date: no date found on the page"])


@pytest.mark.parametrize(
    "must_contain",
    [
        "Spending on leadership courses for NHS managers has fallen by a third",
        "Why it matters",  # the heading after the template slip survives, the slip does not
        "Trusts that cut development now will struggle",
        "The union will raise the figures with NHS England next week.",
    ],
)
def test_boilerplate_page_keeps_the_story(must_contain):
    assert must_contain in parse_article(page("wp_boilerplate.html"), f"{SITE}/news/training-cuts").body


@pytest.mark.parametrize(
    "must_not_contain",
    [
        "{boxout", "Share this", "Photo:", "Picture credit", "Sidebar teaser", "cookies", "Join MiP",
        "Membership gives you", "Reasons to JOIN", "Related News", "Leadership academy funding frozen",
        "must not leak", "Development budgets for managers",  # the standfirst is not repeated in the body
    ],
)
def test_boilerplate_page_leaks_no_boilerplate(must_not_contain):
    article = parse_article(page("wp_boilerplate.html"), f"{SITE}/news/training-cuts")
    assert must_not_contain not in article.body
    assert must_not_contain not in article.body_html.replace("Photo: Archive", "")  # the figure stays in the HTML


def test_captions_leave_the_body_text_but_the_figure_stays_in_the_html():
    article = parse_article(page("wp_boilerplate.html"), f"{SITE}/news/training-cuts")
    assert "A training session" not in article.body
    assert "<figcaption>A training session in 2019. Photo: Archive</figcaption>" in article.body_html


def test_boilerplate_page_fields():
    article = parse_article(page("wp_boilerplate.html"), f"{SITE}/news/training-cuts")
    assert (article.section, article.published, article.date_source, article.author) == (
        "news", "2024-02-29", "meta", None)  # "Press releases" is news
    assert article.standfirst == "Development budgets for managers are falling fastest in the trusts under most pressure."
    assert article.image_captions == ["A training session in 2019. Photo: Archive"]
    assert article.related_links == [f"{SITE}/news/leadership-academy-funding", f"{SITE}/news/graduate-scheme-places"]


def test_unparseable_dates_keep_the_record_with_warnings():
    html = (page("wp_full.html")
            .replace('"datePublished":"2025-10-14T08:05:12+00:00"', '"datePublished":"Fryday 31 Mar"', 1)
            .replace('content="2025-10-14T08:05:12+00:00"', 'content="soon"')
            .replace('datetime="2025-10-14T08:05:12+00:00">14 October 2025', 'datetime="TBC">23 November, London'))
    article = parse_article(html, FULL_URL)
    assert (article.published, article.published_raw, article.date_source) == (None, "Fryday 31 Mar", "jsonld")
    assert article.warnings == [
        "date: could not parse 'Fryday 31 Mar' (jsonld)",
        "date: could not parse 'soon' (meta)",
        "date: could not parse 'TBC' (time)",
    ]
    assert article.title == "Senior managers tell pay body that workload is at breaking point"
    assert article.body == FULL_BODY


def test_later_signal_wins_when_an_earlier_one_is_unparseable():
    html = page("wp_full.html").replace('"datePublished":"2025-10-14T08:05:12+00:00"', '"datePublished":"n/a"', 1)
    article = parse_article(html, FULL_URL)
    assert (article.published, article.published_raw, article.date_source) == (
        "2025-10-14", "2025-10-14T08:05:12+00:00", "meta")
    assert article.warnings == ["date: could not parse 'n/a' (jsonld)"]


def test_printed_date_is_the_last_resort():
    html = page("wp_bare_statement.html").replace(
        '<div class="entry-meta">', '<div class="entry-meta"><span class="posted-on">Posted on Thursday 04 October 2018</span>')
    article = parse_article(html, f"{SITE}/news/open-door/")
    assert (article.published, article.published_raw, article.date_source) == (
        "2018-10-04", "Thursday 04 October 2018", "printed")


def test_json_ld_author_reference_is_resolved_in_the_graph():
    html = (page("wp_full.html").replace('"author":{"name":"Priya Castellano",', '"author":{', 1)
            .replace('<meta name="author" content="Priya Castellano">', "")
            .replace('content="Priya Castellano"', 'content=""')
            .replace('"name":"Priya Castellano","url"', '"name":"Dr Ann Example","url"'))
    assert parse_article(html, FULL_URL).author == "Dr Ann Example"


def test_broken_unclosed_html_still_parses():
    html = page("wp_full.html").split("<p>MiP will publish")[0]  # cut off mid-page: nothing is closed
    html = html.replace("</p>", "").replace("</div>", "").replace("</li>", "")
    article = parse_article(html, FULL_URL)
    assert article.title == "Senior managers tell pay body that workload is at breaking point"
    assert article.published == "2025-10-14"
    assert article.body.startswith("Senior managers in the NHS are working more unpaid hours")
    assert article.body.endswith("one chief executive said.")
    assert "{boxout" not in article.body


def test_windows_1252_bytes_with_a_wrong_declared_charset():
    html = page("wp_full.html").replace("The union&#8217;s submission", "The union’s submission — in full")
    data = html.replace('<meta charset="UTF-8">', '<meta charset="utf-8">').encode("windows-1252")
    article = parse_article(data, FULL_URL)
    assert article.standfirst.startswith("The union’s submission — in full")


@pytest.mark.parametrize(
    "data, expected",
    [
        (b"\xef\xbb\xbf<p>caf\xc3\xa9</p>", "<p>café</p>"),  # BOM
        ('<meta charset="iso-8859-1"><p>union’s</p>'.encode("windows-1252"), '<meta charset="iso-8859-1"><p>union’s</p>'),
        (b"<p>bad \xff\xfe byte \x81</p>", "<p>bad ÿþ byte \ufffd</p>"),  # never raises
    ],
)
def test_decode_html(data, expected):
    assert decode_html(data) == expected


@pytest.mark.parametrize(
    "html, message",
    [
        (b"", "empty page"),
        ("   \n\t", "empty page"),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3 binary", "not HTML: no HTML tags in the page"),
        ('{"id": 4812, "title": {"rendered": "Pay"}}', "not HTML: no HTML tags in the page"),
    ],
)
def test_empty_or_non_html_input_is_refused(html, message):
    with pytest.raises(ParseError, match=f"^{message}$"):
        parse_article(html, FULL_URL)


@pytest.mark.parametrize(
    "name, message",
    [
        ("wp_listing.html", r"^not an article: a listing page \(3 items\)$"),
        ("wp_404.html", r"^not an article: the page is a 404 'not found' page$"),
    ],
)
def test_pages_that_are_not_articles(name, message):
    with pytest.raises(ParseError, match=message):
        parse_article(page(name), f"{SITE}/news/page/2/")


def test_article_without_body_text_is_refused():
    html = page("wp_bare_statement.html").split('<div class="entry-content">')[0] + '<div class="entry-content"></div>'
    with pytest.raises(ParseError, match="^not an article: no body text in .entry-content$"):
        parse_article(html, f"{SITE}/news/open-door/")


def test_page_of_no_known_era_is_refused():
    with pytest.raises(ParseError, match="^unrecognised page: no parser for its structure"):
        parse_article("<html><body><h1>Hello</h1><p>Some other site.</p></body></html>", "https://example.org/")


def test_wordpress_is_recognised_by_structure_not_url():
    names = [era.name for era in ERA_PARSERS]
    assert names[0] == "wordpress"
    article = parse_article(page("wp_magazine.html"), f"{SITE}/home/news-campaigns/Features/heatwave.aspx")
    assert article.era == "wordpress"


def test_a_saved_page_takes_its_url_from_its_canonical_link():
    from pathlib import Path

    from mip_archive.parse import parse_article

    page = Path(__file__).parent / "pages" / "wp_full.html"
    fetched = parse_article(page.read_bytes(), page.resolve().as_uri())
    assert fetched.url == "https://www.miphealth.org.uk/news/senior-managers-workload-evidence/"
    assert fetched.source_url == page.resolve().as_uri()
