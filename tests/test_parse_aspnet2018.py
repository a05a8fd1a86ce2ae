"""The 2018–2024 ASP.NET pages: article records out of hand-written pages in that design."""

from __future__ import annotations

import pytest

from mip_archive.items import ParseError
from mip_archive.parse import build_tree
from mip_archive.parse import aspnet2018 as P

URL = "http://www.miphealth.org.uk/home/news-campaigns/Features/feature-leading-through-winter.aspx"


def page(*, crumb: str = "Features", date: str = '<p class="article-date">Thursday 04 October 2018</p>',
         byline: str = '<p class="article-author">By Craig Esslemont</p>', title: str = "Leading through winter") -> str:
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title} | MiP</title>
<meta name="description" content="How three trusts planned for the busiest months"></head><body>
<header class="site-header"><nav class="primary-nav"><ul><li><a href="/home">Home</a></li></ul></nav></header>
<div class="container"><ul class="breadcrumb"><li><a href="/home">Home</a></li>
<li><a href="/home/news-campaigns">News &amp; Campaigns</a></li><li><a href="/x">{crumb}</a></li>
<li class="active">Leading through…</li></ul>
<div class="content-area"><div class="article-header"><h1 class="page-title">{title}</h1>{date}{byline}</div>
<div class="article-intro"><p>How three trusts planned for the busiest months</p></div>
<div class="rte article-content"><figure><img src="/m.jpg" alt=""><figcaption>Ward managers at handover</figcaption></figure>
<p>Winter planning started in June this year.</p><p>“We had no slack at all,” one manager said.</p></div>
<div class="share-links"><span>Share this page</span> <a href="#">Twitter</a></div></div></div>
<footer class="site-footer"><div class="footer-signup"><h3>Sign up for e-mail updates</h3><p>News by e-mail.</p>
<form><input type="email"></form></div><p class="copyright">Copyright © 2022 MiP</p></footer></body></html>"""


def parsed(html: str, url: str = URL, **kwargs) -> dict:
    article = P.parse(build_tree(html), url, **kwargs)
    return {k: v for k, v in article.to_dict().items() if k not in ("body_html", "content_hash", "word_count")}


def test_article_page_gives_the_whole_record():
    assert parsed(page()) == {
        "url": URL, "section": "magazine", "title": "Leading through winter",
        "body": "Winter planning started in June this year.\n\n“We had no slack at all,” one manager said.",
        "era": "aspnet-2018-2024", "published": "2018-10-04", "published_raw": "Thursday 04 October 2018",
        "date_source": "printed", "modified": None, "author": "Craig Esslemont",
        "standfirst": "How three trusts planned for the busiest months", "image_captions": ["Ward managers at handover"],
        "tags": [], "related_links": [], "source_url": None, "capture": None, "warnings": [],
    }


@pytest.mark.parametrize("crumb, url, hint, expected", [
    ("News", URL, None, "news"),
    ("Features", URL, "news", "magazine"),
    ("Campaign pages", "http://www.miphealth.org.uk/home/news-campaigns/NewsArticles/A-B.aspx", None, "news"),
    ("Campaign pages", URL, "news", "news"),
    ("Campaign pages", URL, None, "magazine"),
])
def test_section_from_breadcrumb_then_hint_then_path(crumb, url, hint, expected):
    assert parsed(page(crumb=crumb), url, section_hint=hint)["section"] == expected


def test_date_in_other_markup_and_no_byline():
    record = parsed(page(date="<p class='when'>Posted Monday 03 June 2019</p>", byline=""))
    assert (record["published"], record["date_source"], record["author"]) == ("2019-06-03", "printed-text", None)


def test_missing_date_is_a_warning_not_a_guess():
    record = parsed(page(date="", byline=""))
    assert (record["published"], record["warnings"]) == (None, ["date: the page prints none"])


def test_footer_share_links_and_navigation_stay_out_of_the_body():
    body = parsed(page())["body"]
    for text in ("Copyright", "Sign up", "Share this page", "Twitter", "News & Campaigns"):
        assert text not in body


def test_detect_needs_breadcrumb_and_article_area():
    assert P.detect(build_tree(page()), "http://www.miphealth.org.uk/News/HomepageNews-37001.aspx")
    no_crumb = page().replace("News &amp; Campaigns", "About us")
    assert not P.detect(build_tree(no_crumb), URL)


def test_not_found_page_is_refused():
    with pytest.raises(ParseError):
        P.parse(build_tree(page(title="Page not found")), URL)
