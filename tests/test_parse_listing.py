"""Parsing listing pages: the listed items (never the sidebar's or footer's) and the next page."""

from pathlib import Path

import pytest

from mip_archive.parse import Listing, ListingItem, parse_listing

PAGES = Path(__file__).parent / "pages"
SITE = "https://www.miphealth.org.uk"


def test_wordpress_category_archive():
    html = (PAGES / "wp_listing.html").read_text(encoding="utf-8")
    assert parse_listing(html, f"{SITE}/news/page/2/") == Listing(
        items=[
            ListingItem(url=f"{SITE}/news/senior-managers-workload-evidence/",
                        title="Senior managers tell pay body that workload is at breaking point",
                        date="2025-10-14", summary="Our members describe longer hours and thinner teams."),
            ListingItem(url=f"{SITE}/news/union-responds-to-league-tables/",
                        title="Union responds to provider league tables", date="2025-10-02",
                        summary="Ranking trusts tells patients little about the care they will get."),
            ListingItem(url=f"{SITE}/news/redundancy-advice-for-icb-staff/", title="Redundancy advice for ICB staff",
                        date=None, summary=None),
        ],
        next_url=f"{SITE}/news/page/3/",
    )


def page_with_pagination(links: str) -> str:
    return (
        "<html><body class='blog'><main><article class='post'><h2 class='entry-title'>"
        "<a href='/news/a-story/'>A story</a></h2></article></main>" + links + "</body></html>"
    )


@pytest.mark.parametrize(
    "links, expected",
    [
        ("<a class='next page-numbers' href='/news/page/3/'>Next &raquo;</a>", f"{SITE}/news/page/3/"),
        ("<div class='nav-previous'><a href='/news/page/3/'>Older posts</a></div>", f"{SITE}/news/page/3/"),
        ("<a href='/news/page/3/?utm_source=x'>Next</a>", f"{SITE}/news/page/3/"),
        ("<a href='MediaCentre.aspx?view6page=2'>Next</a>", f"{SITE}/news/page/2/MediaCentre.aspx?view6page=2"),
        ("<a href='/news/page/3/'>›</a>", f"{SITE}/news/page/3/"),
        ("<a href='/news/page/2/'>Next</a>", None),  # a link to this very page is not a next page
        ("<a href='/news/page/1/'>1</a> <span>2</span>", None),  # the last page
        ("", None),
    ],
)
def test_next_page(links, expected):
    assert parse_listing(page_with_pagination(links), f"{SITE}/news/page/2/").next_url == expected


def test_sidebar_and_footer_items_are_not_listed():
    html = (PAGES / "wp_listing.html").read_text(encoding="utf-8")
    urls = [item.url for item in parse_listing(html, f"{SITE}/news/page/2/").items]
    assert f"{SITE}/news/sidebar-story/" not in urls
    assert f"{SITE}/news/footer-story/" not in urls


def test_page_without_items():
    assert parse_listing("<html><body><p>Nothing here.</p></body></html>", f"{SITE}/news/") == Listing()
