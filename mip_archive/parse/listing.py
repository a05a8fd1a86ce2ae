"""Listing pages (news archives, category and blog pages): the items they list and the link to the next page.

Generic over layouts: each :class:`ListingLayout` is selectors as data, tried in order until one finds items. The
WordPress layout is built in; the 2013–2017 ASP.NET listings (a date line, a title, a standfirst per item; on the
mixed home listings a section label before the date, read by the layout's ``section_of``) are added by appending
layouts to :data:`LISTING_LAYOUTS`. Items inside sidebars, footers, navigation and related blocks are
never the listing's.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Callable

from lxml.cssselect import CSSSelector
from lxml.html import HtmlElement

from mip_archive.normalise import canonical_url, normalise_text, normalise_title, parse_date
from mip_archive.parse import selectors as S
from mip_archive.parse.common import all_matches, css, css_any, element_text, first_match

log = logging.getLogger(__name__)


@dataclass
class ListingItem:
    url: str
    title: str
    date: str | None = None  # ISO date, when the listing gives one that parses
    summary: str | None = None
    section: str | None = None  # "news" or "magazine", when the listing labels its items (mixed listings)


@dataclass
class Listing:
    items: list[ListingItem] = field(default_factory=list)
    next_url: str | None = None


@dataclass(frozen=True)
class ListingLayout:
    """How one design lays out a listing, as compiled selectors (build with :meth:`compile`)."""

    name: str
    items: CSSSelector
    title_link: tuple[CSSSelector, ...]
    date_attr: tuple[tuple[CSSSelector, str], ...]
    date_text: CSSSelector
    summary: tuple[CSSSelector, ...]
    summary_noise: CSSSelector
    section_of: Callable[[HtmlElement], str | None] | None = None  # an item's section, for labelled items

    @classmethod
    def compile(cls, name, *, items, title_link, date_attr, date_text, summary, summary_noise,
                section_of=None) -> "ListingLayout":
        attrs = tuple((css([sel])[0], attr) for sel, attr in date_attr)
        return cls(name, css_any(items), css(title_link), attrs, css_any(date_text), css(summary),
                   css_any(summary_noise), section_of)


LISTING_LAYOUTS: list[ListingLayout] = [
    ListingLayout.compile(
        "wordpress", items=S.LISTING_ITEMS, title_link=S.LISTING_TITLE_LINK, date_attr=S.LISTING_DATE_ATTR,
        date_text=S.LISTING_DATE_TEXT, summary=S.LISTING_SUMMARY, summary_noise=S.LISTING_SUMMARY_NOISE,
    ),
]
EXCLUDED_AREAS = css_any(S.LISTING_EXCLUDED_AREAS)
NEXT_LINKS = css(S.NEXT_PAGE_LINKS)
ANY_LINK = css(["a[href]"])[0]
NEXT_TEXT = re.compile(S.NEXT_PAGE_TEXT, re.IGNORECASE)
PRINTED_DATE = re.compile(S.PRINTED_DATE, re.IGNORECASE)


def parse_listing(html: str | bytes | HtmlElement, url: str) -> Listing:
    """The items of a listing page and the URL of its next page (``None`` on the last page)."""
    tree = html if isinstance(html, HtmlElement) else _build_tree(html)
    excluded = set(all_matches(tree, EXCLUDED_AREAS))
    items: list[ListingItem] = []
    for layout in LISTING_LAYOUTS:
        items = _items(tree, layout, excluded, url)
        if items:
            log.debug("%s: %d items (%s layout)", url, len(items), layout.name)
            break
    return Listing(items=items, next_url=_next_url(tree, url))


def _build_tree(html: str | bytes) -> HtmlElement:
    from mip_archive.parse import build_tree  # the package builds trees; imported late to avoid a cycle

    return build_tree(html)


def _items(tree: HtmlElement, layout: ListingLayout, excluded: set, page_url: str) -> list[ListingItem]:
    found: dict[str, ListingItem] = {}
    taken: set[HtmlElement] = set()  # an item nested in another item is not a second item
    for element in all_matches(tree, layout.items):
        if _inside_any(element, excluded) or _inside_any(element, taken):
            continue
        item = _item(element, layout, page_url)
        if item and item.url not in found:
            found[item.url] = item
            taken.add(element)
    return list(found.values())


def _inside_any(element: HtmlElement, containers: set) -> bool:
    return bool(containers) and any(ancestor in containers for ancestor in element.iterancestors())


def _item(element: HtmlElement, layout: ListingLayout, page_url: str) -> ListingItem | None:
    link = first_match(element, layout.title_link)
    title = normalise_title(element_text(link)) if link is not None else ""
    if not title:
        return None
    date = _item_date(element, layout)
    section = layout.section_of(element) if layout.section_of else None
    for noise in all_matches(element, layout.summary_noise):
        noise.drop_tree()
    summary_element = first_match(element, layout.summary)
    summary = element_text(summary_element) if summary_element is not None else ""
    return ListingItem(url=canonical_url(link.get("href"), base=page_url), title=title, date=date,
                       summary=summary if summary and summary != title else None, section=section)


def _item_date(element: HtmlElement, layout: ListingLayout) -> str | None:
    for selector, attr in layout.date_attr:
        for found in selector(element):
            iso = parse_date(found.get(attr))
            if iso:
                return iso
    for area in all_matches(element, layout.date_text):
        match = PRINTED_DATE.search(element_text(area))
        if match and (iso := parse_date(match.group(0))):
            return iso
    return None


def _next_url(tree: HtmlElement, page_url: str) -> str | None:
    link = first_match(tree, NEXT_LINKS)
    if link is None:
        link = next((a for a in ANY_LINK(tree) if NEXT_TEXT.match(normalise_text(a.text_content()))), None)
    if link is None:
        return None
    target = canonical_url(link.get("href"), base=page_url)
    return target if target != canonical_url(page_url) else None
