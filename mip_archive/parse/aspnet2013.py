"""Parser for the first ASP.NET site (2013–2017), as kept by the Wayback Machine: article pages and listings.

Recognised by structure (the ``newsArticle`` panel with its ``lblTitle`` heading), never by path alone: some 2018
paths were captured while still serving this design. Article pages print title → date → standfirst → body; the
conference banner, the three boxes at the foot ("Join MiP", "FDA Portfolio", "Employment rights") and the back
link are boilerplate. Listings: the two section listings (``MediaCentre.aspx``, ``MiPBlog.aspx``) and the mixed home
listings (``/home/Home.aspx``, ``/News/HomepageNewsItems.aspx``), whose items carry a label (``NEWS``,
``MEDIA CENTRE``, ``MiP BLOG``) before the date that gives each item's section. Selectors are data, at the top; every field has a fallback chain.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Callable

from lxml.html import HtmlElement

from mip_archive.items import Article, ParseError
from mip_archive.normalise import canonical_url, normalise_text, normalise_title, parse_date
from mip_archive.parse import selectors as S
from mip_archive.parse.common import (
    NO_SIGNAL, ContentRules, Signal, css, clean_content, element_text, first_match, first_signal, text_blocks,
    text_signal,
)
from mip_archive.parse.listing import Listing, ListingItem, ListingLayout
from mip_archive.sanitise import sanitise_element

log = logging.getLogger(__name__)

ERA = "aspnet-2013-2017"
DEFAULT_SECTION = "news"

# --- selectors (fallback chains, tried in order) ---------------------------------------------------------------
ARTICLE_MARKERS = ("#ctl00_cphMain_pnlArticle", "div.newsArticle", "[id$=_lblTitle]")
NOT_FOUND_MARKERS = (".errorPanel", "#ctl00_cphMain_pnlNotFound")
TITLE = ("h1.newsTitle", "[id$=_lblTitle]", ".newsArticle h1", "#mainColumn h1")
DATE = ("[id$=_lblDate]", ".newsDate", ".newsArticle .date")
DATE_AREAS = (".newsArticle", "#mainColumn")
AUTHOR = (".newsAuthor", "[id$=_lblAuthor]", ".newsArticle .byline")
STANDFIRST = ("[id$=_lblStandfirst]", ".newsStandfirst", ".newsArticle .standfirst")
CONTENT = ("[id$=_pnlBody]", ".newsBody", ".newsArticle .body")
SECTION_HEADING = (".sectionHeading h2", ".sectionHeading", "#breadcrumb .current")
CAPTIONS = ("img.newsImage[alt]",)
BOILERPLATE = ("script", "style", "noscript", "form", "iframe", "#conferenceBanner", "#footerBoxes", ".footerBox",
               ".backLink", ".shareThis", ".addthis_toolbox")
BOILERPLATE_HEADINGS = (r"^join mip\b", r"^fda portfolio$", r"^employment rights$")
BOILERPLATE_LINES = (r"^reasons to join mip\b", r"^find out more\s*[>›»]?$", r"^<?\s*back to\b",
                     r"^click (here|through)\b.*\bhighlights\b")
SECTION_BY_PATH = (("/mipblog.aspx", "magazine"), ("/mediacentre.aspx", "news"))
# Listings: one item per .newsListItem (date line, optional image alt, title link, standfirst, first paragraph).
LISTING_ITEMS = (".newsListItem", ".newsList > div")
LISTING_TITLE_LINK = (".newsListTitle a[href]", "h3 a[href]", "h2 a[href]")
LISTING_DATE = (".newsListDate", ".date")
LISTING_SUMMARY = (".newsListStandfirst", "p.standfirst")
LISTING_NOISE = (".newsListImage",)
# Mixed listings: per .homeNewsItem a label and date line, optional image alt, title link, standfirst.
MIXED_ITEMS = (".homeNewsItem", ".homeNewsList > div")
MIXED_TITLE_LINK = (".homeNewsTitle a[href]", "h4 a[href]", "h3 a[href]")
MIXED_LABEL = (".homeNewsLabel", ".newsLabel")
MIXED_DATE = (".homeNewsDate", ".homeNewsMeta", ".date")
MIXED_LABEL_LINE = (".homeNewsMeta",)  # when the label has no element of its own: the text before the date
MIXED_SUMMARY = (".homeNewsStandfirst", "p.standfirst")
MIXED_NOISE = (".homeNewsImage",)
LABEL_SECTIONS = {"news": "news", "media centre": "news", "mip blog": "magazine"}
LABEL_TEXT = re.compile(r"^\s*(mip blog|media centre|news)\b", re.IGNORECASE)
PAGER_LINKS = (".pager a[href]",)
NEXT_TEXT = re.compile(r"^next\s*[>›»]?$", re.IGNORECASE)

_MARKERS, _NOT_FOUND = css(ARTICLE_MARKERS), css(NOT_FOUND_MARKERS)
_TITLE, _DATE, _DATE_AREAS, _AUTHOR = css(TITLE), css(DATE), css(DATE_AREAS), css(AUTHOR)
_STANDFIRST, _CONTENT, _SECTION, _CAPTIONS = css(STANDFIRST), css(CONTENT), css(SECTION_HEADING), css(CAPTIONS)
_PAGER = css(PAGER_LINKS)
_MIXED_LABEL, _MIXED_LABEL_LINE = css(MIXED_LABEL), css(MIXED_LABEL_LINE)
RULES = ContentRules.compile(
    boilerplate=BOILERPLATE, non_text=("img",), headings=BOILERPLATE_HEADINGS, lines=BOILERPLATE_LINES,
    slip=S.TEMPLATE_SLIP, block_tags=S.BLOCK_TAGS, heading_tags=S.HEADING_TAGS,
)
PRINTED_DATE = re.compile(S.PRINTED_DATE, re.IGNORECASE)
BY = re.compile(r"^(?:words|written)?\s*by\s+", re.IGNORECASE)

# For registration in parse.listing.LISTING_LAYOUTS (the generic listing parser).
LISTING_LAYOUT = ListingLayout.compile(
    ERA, items=LISTING_ITEMS, title_link=LISTING_TITLE_LINK, date_attr=(), date_text=LISTING_DATE,
    summary=LISTING_SUMMARY, summary_noise=LISTING_NOISE,
)


def item_section(element: HtmlElement) -> str | None:
    """A mixed listing item's section from its label: ``NEWS``/``MEDIA CENTRE`` → news, ``MiP BLOG`` → magazine."""
    label = text_signal(element, _MIXED_LABEL, "label")[0]
    if not label:
        line = first_match(element, _MIXED_LABEL_LINE)
        match = LABEL_TEXT.match(element_text(line if line is not None else element))
        label = match.group(1) if match else ""
    return LABEL_SECTIONS.get(normalise_text(label).casefold())


MIXED_LISTING_LAYOUT = ListingLayout.compile(
    ERA + "-mixed", items=MIXED_ITEMS, title_link=MIXED_TITLE_LINK, date_attr=(), date_text=MIXED_DATE,
    summary=MIXED_SUMMARY, summary_noise=MIXED_NOISE, section_of=item_section,
)


@dataclass(frozen=True)
class LegacyListing:
    """One of the era's listing designs, as compiled selector chains; ``section_of`` reads labelled items."""

    items: tuple
    link: tuple
    date: tuple
    summary: tuple
    section_of: Callable[[HtmlElement], str | None] | None = None


LEGACY_LISTINGS = (
    LegacyListing(css(LISTING_ITEMS), css(LISTING_TITLE_LINK), css(LISTING_DATE), css(LISTING_SUMMARY)),
    LegacyListing(css(MIXED_ITEMS), css(MIXED_TITLE_LINK), css(MIXED_DATE), css(MIXED_SUMMARY), item_section),
)


def matches(node: HtmlElement, chain) -> list[HtmlElement]:
    """Every element any selector of the chain matches, chain order first, without duplicates."""
    found: dict[HtmlElement, None] = {}
    for selector in chain:
        found.update(dict.fromkeys(selector(node)))
    return list(found)


def detect(tree: HtmlElement, url: str) -> bool:
    """An article page (or its soft-404 page) of the 2013–2017 design, whatever its path."""
    return first_match(tree, _MARKERS) is not None or first_match(tree, _NOT_FOUND) is not None


def is_not_found(tree: HtmlElement) -> bool:
    return first_match(tree, _NOT_FOUND) is not None


def parse(tree: HtmlElement, url: str, *, section_hint: str | None = None) -> Article:
    """An :class:`Article` from one 2013–2017 article page; :class:`ParseError` when the page is not one."""
    if is_not_found(tree):
        raise ParseError("not an article: the page is a 'page not found' page")
    title = normalise_title(first_signal(lambda: text_signal(tree, _TITLE, "selector"), lambda: _title_tag(tree))[0])
    content = first_match(tree, _CONTENT)
    if not title or content is None:
        raise ParseError("not an article: no title or no body panel")
    warnings: list[str] = []
    published, raw, source = _published(tree, warnings)
    canonical = canonical_url(url)
    clean_content(content, RULES)
    captions = [c for c in (normalise_text(i.get("alt")) for i in matches(content, _CAPTIONS)) if c]
    blocks = text_blocks(content, RULES)
    if not blocks:
        raise ParseError("not an article: the body panel holds no text")
    return Article(
        url=canonical, section=section_of(tree, url, section_hint, warnings), title=title,
        body="\n\n".join(b.text for b in blocks), era=ERA, published=published, published_raw=raw,
        date_source=source, author=person_name(text_signal(tree, _AUTHOR, "byline")[0]),
        standfirst=text_signal(tree, _STANDFIRST, "selector")[0] or None,
        body_html=sanitise_element(content, base_url=canonical), image_captions=captions,
        source_url=url if url != canonical else None, warnings=warnings,
    )


def _title_tag(tree: HtmlElement) -> Signal:
    found = tree.find(".//title")
    text = element_text(found) if found is not None else ""
    return (text, "title") if text else NO_SIGNAL


def _published(tree: HtmlElement, warnings: list[str]) -> tuple[str | None, str | None, str | None]:
    return printed_published(tree, _DATE, _DATE_AREAS, 400, warnings)


def printed_published(tree: HtmlElement, date_selector, areas, window: int,
                      warnings: list[str]) -> tuple[str | None, str | None, str | None]:
    """The date an ASP.NET-era page prints: its date element, else the first date-shaped text in `window`
    characters of the first of `areas`. Returns (ISO date, raw string, signal), and notes a missing date."""
    raw, source = first_signal(lambda: text_signal(tree, date_selector, "printed"),
                               lambda: _printed_date_in(tree, areas, window))
    published = parse_date(raw) if raw else None
    if raw and not published:
        warnings.append(f"date: could not parse {raw!r}")
    elif not raw:
        warnings.append("date: the page prints none")
    return published, raw if published else None, source if published else None


def _printed_date_in(tree: HtmlElement, areas, window: int) -> Signal:
    area = first_match(tree, areas)
    match = PRINTED_DATE.search(element_text(area)[:window]) if area is not None else None
    return (match.group(0), "printed-text") if match else NO_SIGNAL


def person_name(raw: str | None) -> str | None:
    name = BY.sub("", normalise_text(raw)).strip(" ,.|")
    if not name or len(name) > 60 or any(ch.isdigit() for ch in name) or name.lower() in S.SITE_AUTHORS:
        return None
    return name


def section_of(tree: HtmlElement, url: str, hint: str | None, warnings: list[str]) -> str:
    label = text_signal(tree, _SECTION, "heading")[0] or ""
    section = S.SECTION_MAP.get(normalise_text(label).lower())
    if section:
        return section
    if hint:
        return hint
    path = url.lower().split("?", 1)[0]
    by_path = next((s for suffix, s in SECTION_BY_PATH if path.endswith(suffix)), None)
    if by_path:
        return by_path
    warnings.append(f"section: heading {label!r} is not known; assumed {DEFAULT_SECTION!r}")
    return DEFAULT_SECTION


# --- listings ------------------------------------------------------------------------------------------------

def is_listing(tree: HtmlElement) -> bool:
    return any(first_match(tree, layout.items) is not None for layout in LEGACY_LISTINGS)


def parse_legacy_listing(tree: HtmlElement, url: str) -> Listing:
    """The items of a 2013–2017 listing page and its "Next" page: a section listing (``MediaCentre.aspx``,
    ``MiPBlog.aspx``) or a mixed one (``Home.aspx``, ``HomepageNewsItems.aspx``, each item's section from its label)."""
    items: dict[str, ListingItem] = {}
    for layout in LEGACY_LISTINGS:
        for element in matches(tree, layout.items):
            item = _legacy_item(element, layout, url)
            if item is not None:
                items.setdefault(item.url, item)
        if items:
            break
    return Listing(items=list(items.values()), next_url=_next_page(tree, url))


def _legacy_item(element: HtmlElement, layout: LegacyListing, url: str) -> ListingItem | None:
    link = first_match(element, layout.link)
    title = normalise_title(element_text(link)) if link is not None else ""
    if not title:
        return None
    date = PRINTED_DATE.search(text_signal(element, layout.date, "listing")[0] or "")
    return ListingItem(url=canonical_url(link.get("href"), base=url), title=title,
                       date=parse_date(date.group(0)) if date else None,
                       summary=text_signal(element, layout.summary, "listing")[0] or None,
                       section=layout.section_of(element) if layout.section_of else None)


def _next_page(tree: HtmlElement, url: str) -> str | None:
    link = next((a for a in matches(tree, _PAGER) if NEXT_TEXT.match(element_text(a))), None)
    return canonical_url(link.get("href"), base=url) if link is not None else None
