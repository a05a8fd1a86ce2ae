"""The 2013–2017 ASP.NET pages: article records out of hand-written pages in that design, and its listings."""

from __future__ import annotations

import pytest

from mip_archive.items import ParseError
from mip_archive.parse import build_tree
from mip_archive.parse import aspnet2013 as P

URL = "http://www.miphealth.org.uk/News/HomepageNews-35012.aspx"
FOOT = """<div id="footerBoxes"><div class="footerBox"><h3>Join MiP</h3><p>Advice and representation for senior
managers.</p><p><a href="/home/JoinMiP.aspx">Reasons to JOIN MiP &gt;</a></p></div>
<div class="footerBox"><h3>FDA Portfolio</h3><p>Benefits from our sister union.</p></div>
<div class="footerBox"><h3>Employment rights</h3><p>Guides for managers.</p><p><a href="/x">Find out more &gt;</a></p>
</div></div>"""
BANNER = """<div id="conferenceBanner"><img alt="mip 2016 conf logo" src="/b.jpg"/><h2>23 November, London</h2>
<p>Our conference met at Congress House.</p></div>"""


def page(article: str, heading: str = "Media Centre") -> str:
    return (f"<html><head><title>x | MiP</title></head><body><form id='aspnetForm'>{BANNER}<div id='mainColumn'>"
            f"<div class='sectionHeading'><h2>{heading}</h2></div>{article}</div>{FOOT}</form></body></html>")


ARTICLE = """<div id="ctl00_cphMain_pnlArticle" class="newsArticle">
<h1 id="ctl00_cphMain_lblTitle" class="newsTitle">Pay offer leaves managers behind, says union</h1>
<p class="newsDate"><span id="ctl00_cphMain_lblDate">Tue 14 Jun 2016</span></p>
<p class="newsAuthor">By Joanna Pinnock</p>
<div id="ctl00_cphMain_lblStandfirst" class="newsStandfirst"><strong>MiP responds to the pay announcement</strong></div>
<div id="ctl00_cphMain_pnlBody" class="newsBody"><img class="newsImage" src="/i.jpg" alt="Managers at a briefing"/>
<p>The offer falls short for senior staff.</p>
<p>‘We will consult members,’ said the union’s chief executive.</p></div>
<p class="backLink"><a href="/home/MediaCentre.aspx">&lt; Back to Media Centre</a></p></div>"""


def parsed(html: str, url: str = URL, **kwargs) -> dict:
    article = P.parse(build_tree(html), url, **kwargs)
    return {k: v for k, v in article.to_dict().items() if k not in ("body_html", "content_hash", "word_count")}


def test_article_page_gives_the_whole_record():
    assert parsed(page(ARTICLE)) == {
        "url": URL, "section": "news", "title": "Pay offer leaves managers behind, says union",
        "body": "The offer falls short for senior staff.\n\n‘We will consult members,’ said the union’s chief executive.",
        "era": "aspnet-2013-2017", "published": "2016-06-14", "published_raw": "Tue 14 Jun 2016",
        "date_source": "printed", "modified": None, "author": "Joanna Pinnock",
        "standfirst": "MiP responds to the pay announcement", "image_captions": ["Managers at a briefing"],
        "tags": [], "related_links": [], "source_url": None, "capture": None, "warnings": [],
    }


@pytest.mark.parametrize("heading, hint, expected", [("MiP Blog", None, "magazine"), ("Media Centre", "magazine", "news"),
                                                     ("Welcome", "magazine", "magazine"), ("Welcome", None, "news")])
def test_section_from_heading_then_hint(heading, hint, expected):
    assert parsed(page(ARTICLE, heading), section_hint=hint)["section"] == expected


def test_page_without_date_or_author_says_so_and_text_size_variant_is_canonicalised():
    html = page(ARTICLE.replace('<p class="newsDate"><span id="ctl00_cphMain_lblDate">Tue 14 Jun 2016</span></p>', "")
                .replace('<p class="newsAuthor">By Joanna Pinnock</p>', ""))
    record = parsed(html, URL + "?text=large")
    assert (record["published"], record["author"], record["url"], record["source_url"]) == (
        None, None, URL, URL + "?text=large")
    assert record["warnings"] == ["date: the page prints none"]


def test_boilerplate_never_reaches_the_body():
    body = parsed(page(ARTICLE))["body"]
    for text in ("Join MiP", "Reasons to JOIN", "FDA Portfolio", "Employment rights", "23 November", "Back to"):
        assert text not in body


def test_detect_by_structure_not_path():
    tree = build_tree(page(ARTICLE))
    assert P.detect(tree, "http://www.miphealth.org.uk/home/news-campaigns/Features/feature-x.aspx")
    assert not P.detect(build_tree("<html><body><h1>Hello</h1><p>x</p></body></html>"), URL)


def test_soft_404_page_is_not_an_article():
    html = page("<div class='errorPanel'><h1>Sorry, we can't find that page</h1></div>", "Page not found")
    with pytest.raises(ParseError, match="not found"):
        P.parse(build_tree(html), URL)


LISTING = """<div class="newsList">
<div class="newsListItem"><p class="newsListDate">Fri 31 Mar 2017</p>
<p class="newsListImage"><img alt=" management trainees" src="/t.jpg"/></p>
<h3 class="newsListTitle"><a href="/News/HomepageNews-36950.aspx">Trainee scheme is a vote of confidence</a></h3>
<p class="newsListStandfirst">MiP welcomes the expansion of the scheme</p>
<div class="newsListSummary"><p>First paragraph.</p></div></div>
<div class="newsListItem"><p class="newsListDate">Tue 04 Oct 2016</p>
<h3 class="newsListTitle"><a href="/News/HomepageNews-36511.aspx">Chair pay rises will go down badly</a></h3>
<p class="newsListStandfirst">MiP responds to board pay changes</p></div></div>
<div class="pager"><span>1</span>&nbsp;<a href="/home/MediaCentre.aspx?view6page=2">2</a>
<a href="/home/MediaCentre.aspx?view6page=2">Next</a></div>"""


def test_listing_items_and_next_page():
    listing = P.parse_legacy_listing(build_tree(page(LISTING)), "http://www.miphealth.org.uk/home/MediaCentre.aspx")
    assert [(i.url, i.title, i.date, i.summary) for i in listing.items] == [
        ("http://www.miphealth.org.uk/News/HomepageNews-36950.aspx", "Trainee scheme is a vote of confidence",
         "2017-03-31", "MiP welcomes the expansion of the scheme"),
        ("http://www.miphealth.org.uk/News/HomepageNews-36511.aspx", "Chair pay rises will go down badly",
         "2016-10-04", "MiP responds to board pay changes"),
    ]
    assert listing.next_url == "http://www.miphealth.org.uk/home/MediaCentre.aspx?view6page=2"


def test_last_listing_page_has_no_next():
    html = page(LISTING.replace('<a href="/home/MediaCentre.aspx?view6page=2">Next</a>', ""))
    assert P.parse_legacy_listing(build_tree(html), "http://www.miphealth.org.uk/home/MediaCentre.aspx?view6page=2"
                                  ).next_url is None


# The mixed listings: /home/Home.aspx (the latest items) and /News/HomepageNewsItems.aspx (all, paginated), each item
# labelled with its section before its date.
HOME = """<div id="homeWelcome"><h2>Welcome to MiP</h2><p>The union for senior managers in health and care.</p></div>
<div id="ctl00_cphMain_homeNews" class="homeNewsList"><h2 class="homeNewsHeading">Latest from MiP</h2>
<div class="homeNewsItem"><p class="homeNewsMeta"><span class="homeNewsLabel">MiP BLOG</span>
<span class="homeNewsDate">Mon 10 Apr 2017</span></p>
<p class="homeNewsImage"><img alt=" ward managers on a course" src="/t.jpg"/></p>
<h4 class="homeNewsTitle"><a href="/News/HomepageNews-36990.aspx">Tipster: asking for a regrading</a></h4>
<p class="homeNewsStandfirst">How to make the case when your job has grown</p></div>
<div class="homeNewsItem"><p class="homeNewsMeta"><span class="homeNewsLabel">MEDIA CENTRE</span>
<span class="homeNewsDate">Fri 31 Mar 2017</span></p>
<h4 class="homeNewsTitle"><a href="/News/HomepageNews-36950.aspx">Reform plan needs backing, say managers</a></h4>
<p class="homeNewsStandfirst">MiP gives its first view of the new plan</p></div>
<div class="homeNewsItem"><p class="homeNewsMeta">NEWS Thu 16 Mar 2017</p>
<h4 class="homeNewsTitle"><a href="/News/HomepageNews-36902.aspx">Regional meetings set for the spring</a></h4>
<p class="homeNewsStandfirst">Members can book places now</p></div>
<div class="homeNewsItem"><p class="homeNewsMeta"><span class="homeNewsLabel">EVENTS</span></p>
<h4 class="homeNewsTitle"><a href="/News/HomepageNews-36880.aspx">Conference dates announced</a></h4></div>
<p class="homeMore"><a href="/News/HomepageNewsItems.aspx">More news and blogs &gt;</a></p></div>
<div id="homeEvents" class="homeBox"><h3>Events</h3><ul><li><a href="/home/Events.aspx">Regional meetings</a></li></ul>
</div>"""
HOME_URL = "http://www.miphealth.org.uk/home/Home.aspx"
SITE = "http://www.miphealth.org.uk"
HOME_ITEMS = [
    (f"{SITE}/News/HomepageNews-36990.aspx", "Tipster: asking for a regrading", "2017-04-10",
     "How to make the case when your job has grown", "magazine"),
    (f"{SITE}/News/HomepageNews-36950.aspx", "Reform plan needs backing, say managers", "2017-03-31",
     "MiP gives its first view of the new plan", "news"),
    (f"{SITE}/News/HomepageNews-36902.aspx", "Regional meetings set for the spring", "2017-03-16",
     "Members can book places now", "news"),
    (f"{SITE}/News/HomepageNews-36880.aspx", "Conference dates announced", None, None, None),
]


def home_items(listing) -> list[tuple]:
    return [(i.url, i.title, i.date, i.summary, i.section) for i in listing.items]


def test_home_page_items_carry_the_section_of_their_label():
    listing = P.parse_legacy_listing(build_tree(page(HOME, "Home")), HOME_URL)
    assert home_items(listing) == HOME_ITEMS
    assert listing.next_url is None  # "More news and blogs >" leads to another listing, not to page 2


def test_generic_listing_parser_reads_the_home_page_alike():
    from mip_archive.parse import parse_listing

    assert home_items(parse_listing(page(HOME, "Home"), HOME_URL + "?text=large")) == HOME_ITEMS


def test_mixed_listing_pages_follow_their_own_parameter():
    paged = HOME.replace('<p class="homeMore"><a href="/News/HomepageNewsItems.aspx">More news and blogs &gt;</a></p>',
                         "") + ('<div class="pager"><a href="/News/HomepageNewsItems.aspx">1</a>&nbsp;<span>2</span>'
                                '&nbsp;<a href="/News/HomepageNewsItems.aspx?view2page=3">3</a>&nbsp;'
                                '<a href="/News/HomepageNewsItems.aspx?view2page=3">Next</a></div>')
    listing = P.parse_legacy_listing(build_tree(page(paged, "News and blogs")),
                                     f"{SITE}/News/HomepageNewsItems.aspx?view2page=2")
    assert [i.section for i in listing.items] == ["magazine", "news", "news", None]
    assert listing.next_url == f"{SITE}/News/HomepageNewsItems.aspx?view2page=3"


def test_section_listing_items_have_no_section_of_their_own():
    listing = P.parse_legacy_listing(build_tree(page(LISTING)), f"{SITE}/home/MediaCentre.aspx")
    assert [i.section for i in listing.items] == [None, None]
