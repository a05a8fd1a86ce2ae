"""Parser for the second ASP.NET site (October 2018 – 2024), as kept by the Wayback Machine.

Recognised by structure: the ``Home > News & Campaigns > …`` breadcrumb plus an article heading and content area.
The date is printed ``Thursday 04 October 2018``, the author as ``By <name>``; the section comes from the
breadcrumb (``Features`` → magazine, ``News`` → news), then the hint, then the path. The e-mail sign-up footer,
share links and navigation are boilerplate. Selectors are data, at the top.
"""

from __future__ import annotations

import logging
import re

from lxml.html import HtmlElement

from mip_archive.items import Article, ParseError
from mip_archive.normalise import canonical_url, normalise_text, normalise_title
from mip_archive.parse import selectors as S
from mip_archive.parse.aspnet2013 import matches, person_name, printed_published
from mip_archive.parse.common import (
    ContentRules, Signals, css, clean_content, element_text, first_match,
    first_signal, text_blocks, text_signal,
)
from mip_archive.sanitise import sanitise_element

log = logging.getLogger(__name__)

ERA = "aspnet-2018-2024"
DEFAULT_SECTION = "news"

# --- selectors (fallback chains, tried in order) ---------------------------------------------------------------
BREADCRUMB_ITEMS = ("ul.breadcrumb li", "ol.breadcrumb li", ".breadcrumbs li", "nav.breadcrumb a")
BREADCRUMB_ROOT = "news & campaigns"
ARTICLE_AREAS = (".article-content", ".article-header", "h1.page-title")
TITLE = ("h1.page-title", ".article-header h1", ".content-area h1")
DATE = (".article-date", ".article-header time", ".article-header .date")
DATE_AREAS = (".article-header", ".content-area")
AUTHOR = (".article-author", ".article-header .byline", ".author")
STANDFIRST = (".article-intro", ".intro", ".standfirst")
CONTENT = (".article-content", ".rte", ".content-area")
CAPTIONS = ("figcaption",)
NOT_FOUND_TITLES = re.compile(r"^(page not found|404|sorry,? we can.t find)", re.IGNORECASE)
BOILERPLATE = ("script", "style", "noscript", "form", "iframe", "button", ".share-links", ".site-footer",
               ".footer-signup", ".breadcrumb", "nav")
BOILERPLATE_HEADINGS = (r"^sign up\b", r"^keep up to date$", r"^find us$", r"^share this\b")
BOILERPLATE_LINES = (r"^copyright ©", r"^share this page\b", r"^(read|find out) more\s*[>›»]?$")
SECTION_BY_PATH = (("/features/", "magazine"), ("/newsarticles/", "news"))

_CRUMBS, _AREAS = css(BREADCRUMB_ITEMS), css(ARTICLE_AREAS)
_TITLE, _DATE, _DATE_AREAS, _AUTHOR = css(TITLE), css(DATE), css(DATE_AREAS), css(AUTHOR)
_STANDFIRST, _CONTENT, _CAPTIONS = css(STANDFIRST), css(CONTENT), css(CAPTIONS)
RULES = ContentRules.compile(
    boilerplate=BOILERPLATE, non_text=("figure",), headings=BOILERPLATE_HEADINGS, lines=BOILERPLATE_LINES,
    slip=S.TEMPLATE_SLIP, block_tags=S.BLOCK_TAGS, heading_tags=S.HEADING_TAGS,
)


def breadcrumb(tree: HtmlElement) -> list[str]:
    return [element_text(li) for li in matches(tree, _CRUMBS)]


def detect(tree: HtmlElement, url: str) -> bool:
    """A page of the 2018–2024 design: its breadcrumb runs through "News & Campaigns" and it has an article area."""
    crumbs = [c.lower() for c in breadcrumb(tree)]
    return BREADCRUMB_ROOT in crumbs and first_match(tree, _AREAS) is not None


def parse(tree: HtmlElement, url: str, *, section_hint: str | None = None) -> Article:
    """An :class:`Article` from one 2018–2024 article page; :class:`ParseError` when the page is not one."""
    signals = Signals.from_tree(tree)
    title = normalise_title(first_signal(lambda: text_signal(tree, _TITLE, "selector"),
                                         lambda: signals.meta_value("og:title"))[0])
    if not title or NOT_FOUND_TITLES.match(title):
        raise ParseError("not an article: no title, or a 'page not found' page")
    content = first_match(tree, _CONTENT)
    if content is None:
        raise ParseError("not an article: no content area")
    warnings: list[str] = []
    canonical = canonical_url(url)
    published, raw, source = _published(tree, warnings)
    standfirst = text_signal(tree, _STANDFIRST, "selector")[0] or signals.meta_value("description")[0] or None
    clean_content(content, RULES)
    captions = list(dict.fromkeys(t for t in map(element_text, matches(content, _CAPTIONS)) if t))
    blocks = text_blocks(content, RULES)
    if not blocks:
        raise ParseError("not an article: the content area holds no text")
    return Article(
        url=canonical, section=_section(tree, url, section_hint, warnings), title=title,
        body="\n\n".join(b.text for b in blocks), era=ERA, published=published, published_raw=raw,
        date_source=source, author=person_name(text_signal(tree, _AUTHOR, "byline")[0]),
        standfirst=normalise_text(standfirst) or None, body_html=sanitise_element(content, base_url=canonical),
        image_captions=captions, source_url=url if url != canonical else None, warnings=warnings,
    )


def _published(tree: HtmlElement, warnings: list[str]) -> tuple[str | None, str | None, str | None]:
    return printed_published(tree, _DATE, _DATE_AREAS, 600, warnings)


def _section(tree: HtmlElement, url: str, hint: str | None, warnings: list[str]) -> str:
    crumbs = breadcrumb(tree)
    lowered = [c.lower() for c in crumbs]
    after_root = crumbs[lowered.index(BREADCRUMB_ROOT) + 1] if BREADCRUMB_ROOT in lowered[:-1] else ""
    section = S.SECTION_MAP.get(normalise_text(after_root).lower())
    if section:
        return section
    if hint:
        return hint
    path = url.lower().split("?", 1)[0]
    by_path = next((s for part, s in SECTION_BY_PATH if part in path), None)
    if by_path:
        return by_path
    warnings.append(f"section: breadcrumb {crumbs!r} names no known section; assumed {DEFAULT_SECTION!r}")
    return DEFAULT_SECTION
