"""Parser for today's site: WordPress with a typical theme and Yoast SEO.

Every field has a fallback chain, structured signals first (JSON-LD, ``article:``/OpenGraph meta, ``<time
datetime>``), then the theme's selectors (:mod:`mip_archive.parse.selectors`), then heuristics; the record says
which signal gave the date (``date_source``). The tree passed in is consumed: boilerplate is removed from it.
"""

from __future__ import annotations

import logging
import re

from lxml import etree
from lxml.html import HtmlElement

from mip_archive.items import Article, ParseError
from mip_archive.normalise import (
    canonical_url, normalise_text, normalise_title, parse_date, parse_datetime, same_site,
)
from mip_archive.parse import selectors as S
from mip_archive.parse.common import (
    NO_SIGNAL, Block, ContentRules, Signal, Signals, all_matches, attr_signal, caption_texts, class_set, css,
    clean_content, css_any, element_text, one_line, first_match, first_signal, text_blocks, text_signal,
)
from mip_archive.sanitise import sanitise_element

log = logging.getLogger(__name__)

ERA = "wordpress"
DEFAULT_SECTION = "news"

_WORDPRESS_MARKERS = tuple(etree.XPath(xpath) for xpath in S.WORDPRESS_MARKERS)
_BODY_CLASS = etree.XPath("string(//body/@class)")
_TITLE_TAG = etree.XPath("string(//title)")
_MAIN_ARTICLES = etree.XPath(
    "//article[not(ancestor::aside) and not(ancestor::footer) and not(ancestor::nav)"
    " and not(ancestor::*[contains(@class, 'related')])]"
)
_LINKS = etree.XPath(".//a[@href]")
# A theme prints the last-edit date next to the publication date; only the latter is the printed date.
_NOT_UPDATED_TEXT = etree.XPath(".//text()[not(ancestor::*[contains(concat(' ', normalize-space(@class), ' '), ' updated ')])]")
_ARTICLE_ANCESTOR = etree.XPath("ancestor::article[1]")

CONTENT = css(S.CONTENT)
TITLE = css(S.TITLE)
PUBLISHED_TIME = css(S.PUBLISHED_TIME)
MODIFIED_TIME = css(S.MODIFIED_TIME)
PRINTED_DATE_AREAS = css_any(S.PRINTED_DATE_AREAS)
BYLINE = css(S.BYLINE)
STANDFIRST = css(S.STANDFIRST)
CATEGORY_LINKS = css_any(S.CATEGORY_LINKS)
TAG_LINKS = css_any(S.TAG_LINKS)
RELATED_BLOCKS = css_any(S.RELATED_BLOCKS)
CAPTIONS = css_any(S.CAPTIONS)
NOT_FOUND = (css_any(S.NOT_FOUND_SELECTORS),)
HEADINGS = css_any(("h2", "h3", "h4"))
RULES = ContentRules.compile(
    boilerplate=S.BOILERPLATE_IN_CONTENT, non_text=S.NON_TEXT_IN_CONTENT, headings=S.BOILERPLATE_HEADINGS,
    lines=S.BOILERPLATE_LINES, slip=S.TEMPLATE_SLIP, block_tags=S.BLOCK_TAGS, heading_tags=S.HEADING_TAGS,
)
PRINTED_DATE = re.compile(S.PRINTED_DATE, re.IGNORECASE)
BYLINE_LINE = re.compile(S.BYLINE_LINE.replace("^by", "^(?i:by)"))
RELATED_HEADING = re.compile("|".join(S.RELATED_HEADINGS), re.IGNORECASE)
ELLIPSIS = re.compile(r"\s*(?:\[?(?:…|\.\.\.|&hellip;)\]?)\s*$")
LEAD_TAGS = ("strong", "b", "em")
NOT_PAGE_LINKS = ("#", "javascript:", "mailto:", "tel:")


def detect(tree: HtmlElement, url: str) -> bool:
    """Whether the page is built by WordPress (by its structure: wp-content, wp-json, entry-content, body classes)."""
    return any(marker(tree) for marker in _WORDPRESS_MARKERS)


def parse(tree_or_html: HtmlElement | str | bytes, url: str, *, section_hint: str | None = None) -> Article:
    """An :class:`Article` from one WordPress article page; :class:`ParseError` when the page is not one."""
    tree = _as_tree(tree_or_html)
    signals = Signals.from_tree(tree)
    _reject_non_article(tree)
    content = first_match(tree, CONTENT)
    if content is None:
        raise ParseError("not an article: no .entry-content on the page")
    title = _title(tree, signals)
    if not title:
        raise ParseError("not an article: no title (JSON-LD, og:title, h1 or <title>)")
    scope = _article_scope(content)
    canonical, fetched = _urls(signals, url)
    related, tags = _related_links(tree, canonical), _tags(scope, signals)
    clean_content(content, RULES)
    captions = caption_texts(content, CAPTIONS)
    blocks = text_blocks(content, RULES)
    warnings: list[str] = []
    standfirst, blocks = _standfirst(content, blocks, signals)
    byline_author, blocks = _take_byline_line(blocks)
    printed, blocks = _take_date_line(blocks)
    if not blocks:
        raise ParseError("not an article: no body text in .entry-content")
    body = "\n\n".join(block.text for block in blocks)
    published, published_raw, date_source = _published(tree, signals, printed, warnings)
    return Article(
        url=canonical, section=_section(scope, signals, section_hint, warnings), title=title, body=body, era=ERA,
        published=published, published_raw=published_raw, date_source=date_source,
        modified=_modified(tree, signals), author=_author(scope, signals, byline_author), standfirst=standfirst,
        body_html=sanitise_element(content, base_url=canonical), image_captions=captions, tags=tags,
        related_links=related, source_url=fetched if fetched != canonical else None, warnings=warnings,
    )


def _as_tree(tree_or_html: HtmlElement | str | bytes) -> HtmlElement:
    if isinstance(tree_or_html, HtmlElement):
        return tree_or_html
    from mip_archive.parse import build_tree  # the package builds trees; imported late to avoid a cycle

    return build_tree(tree_or_html)


# --- what kind of page ---------------------------------------------------------------------------------------

def _reject_non_article(tree: HtmlElement) -> None:
    classes = frozenset(_BODY_CLASS(tree).split())
    if classes & S.NOT_FOUND_BODY_CLASSES or first_match(tree, NOT_FOUND) is not None:
        raise ParseError("not an article: the page is a 404 'not found' page")
    if classes & S.ARTICLE_BODY_CLASSES:
        return
    count = len(_MAIN_ARTICLES(tree))
    if classes & S.LISTING_BODY_CLASSES or count > 1:
        raise ParseError(f"not an article: a listing page ({count} items)")


def _article_scope(content: HtmlElement) -> HtmlElement:
    """The <article> holding the content (where bylines, categories and tags live), else the whole page."""
    found = _ARTICLE_ANCESTOR(content)
    return found[0] if found else content.getroottree().getroot()


def _urls(signals: Signals, url: str) -> tuple[str, str]:
    fetched = canonical_url(url)
    if signals.canonical:
        declared = canonical_url(signals.canonical, base=url)
        # a page saved to disk (file:) is trusted to say where it lives; a fetched one only within its own site
        if same_site(declared, fetched) or (url.startswith("file:") and declared.startswith(("http:", "https:"))):
            return declared, fetched
    return fetched, fetched


# --- title, dates, author ------------------------------------------------------------------------------------

def _title(tree: HtmlElement, signals: Signals) -> str:
    h1 = normalise_title(text_signal(tree, TITLE, "selector")[0])
    value, _ = first_signal(
        lambda: (normalise_title(signals.jsonld.text("headline")[0]), "jsonld"),
        lambda: (normalise_title(signals.meta_value("og:title")[0]), "meta"),
        lambda: (h1, "selector"),
        lambda: (normalise_title(_TITLE_TAG(tree)), "title"),
    )
    if value and h1 and len(h1) > len(value) and h1.startswith(value.rstrip("…. ")):
        return h1  # a headline cut short (SEO plugins truncate at 110 characters)
    return value or ""


def _published(tree: HtmlElement, signals: Signals, printed: Signal, warnings: list[str]):
    getters = (
        lambda: signals.jsonld.text("datePublished", page_fallback=True),
        lambda: signals.meta_value("article:published_time"),
        lambda: attr_signal(tree, PUBLISHED_TIME, "datetime", "time"),
        lambda: _printed_date(tree) if not printed[0] else printed,
    )
    unparsed: Signal = NO_SIGNAL
    for getter in getters:
        raw, source = getter()
        if not raw:
            continue
        iso = parse_date(raw)
        if iso:
            return iso, raw, source
        warnings.append(f"date: could not parse {raw!r} ({source})")
        unparsed = unparsed if unparsed[0] else (raw, source)
    if not unparsed[0]:
        warnings.append("date: no date found on the page")
    return None, unparsed[0], unparsed[1]


def _printed_date(tree: HtmlElement) -> Signal:
    for area in all_matches(tree, PRINTED_DATE_AREAS):
        match = PRINTED_DATE.search(" ".join(_NOT_UPDATED_TEXT(area)))
        if match:
            return match.group(0), "printed"
    return NO_SIGNAL


def _modified(tree: HtmlElement, signals: Signals) -> str | None:
    raw, _ = first_signal(
        lambda: signals.jsonld.text("dateModified", page_fallback=True),
        lambda: signals.meta_value("article:modified_time", "og:updated_time"),
        lambda: attr_signal(tree, MODIFIED_TIME, "datetime", "time"),
    )
    return parse_datetime(raw)


def _author(scope: HtmlElement, signals: Signals, byline_line: str | None) -> str | None:
    written_by = signals.meta_value("twitter:label1")[0] or ""
    candidates = (  # called lazily, in order: the byline selectors only run when no structured signal names one
        lambda: signals.jsonld.author()[0],
        lambda: signals.meta_value("author")[0],
        lambda: signals.meta_value("twitter:data1")[0] if written_by.lower() == "written by" else None,
        lambda: text_signal(scope, BYLINE, "byline")[0],
        lambda: byline_line,
    )
    return next((name for name in (_person_name(candidate()) for candidate in candidates) if name), None)


def _person_name(raw: str | None) -> str | None:
    name = re.sub(r"^(?:posted |written )?by\s+", "", normalise_text(raw), flags=re.IGNORECASE).strip(" ,.|")
    if not name or len(name) > 60 or any(ch.isdigit() for ch in name) or name.lower() in S.SITE_AUTHORS:
        return None
    return name


def _take_byline_line(blocks: list[Block]) -> tuple[str | None, list[Block]]:
    """A leading "By Jane Smith" paragraph is the byline, not body text."""
    for index, block in enumerate(blocks[:2]):
        match = BYLINE_LINE.match(block.text)
        if match:
            block.element.drop_tree()
            return match.group(1), blocks[:index] + blocks[index + 1:]
    return None, blocks


def _take_date_line(blocks: list[Block]) -> tuple[Signal, list[Block]]:
    """A leading paragraph that is only a date is the printed date, not body text."""
    if blocks and len(blocks) > 1 and PRINTED_DATE.fullmatch(blocks[0].text.strip(" .")):
        blocks[0].element.drop_tree()
        return (blocks[0].text, "printed"), blocks[1:]
    return NO_SIGNAL, blocks


# --- standfirst ----------------------------------------------------------------------------------------------

def _standfirst(content: HtmlElement, blocks: list[Block], signals: Signals) -> tuple[str | None, list[Block]]:
    element = first_match(content, STANDFIRST)
    if element is None and len(blocks) > 1 and _styled_as_lead(blocks[0].element):
        element = blocks[0].element
    if element is not None:
        text = element_text(element)
        inner = set(element.iterdescendants())
        kept = [b for b in blocks if b.element is not element and b.element not in inner]
        element.drop_tree()
        return text or None, kept
    return _description_standfirst(blocks, signals), blocks


def _styled_as_lead(element: HtmlElement) -> bool:
    """A paragraph whose whole text sits inside <strong>/<b>/<em>."""
    if element.tag != "p":
        return False
    text = element_text(element)
    emphasised = " ".join(element_text(child) for child in element.iter(*LEAD_TAGS) if child is not element)
    return bool(text) and normalise_text(emphasised).replace(" ", "") == text.replace(" ", "")


def _description_standfirst(blocks: list[Block], signals: Signals) -> str | None:
    """og:description, unless it is only the start of the body (Yoast's default excerpt)."""
    raw = signals.meta_value("og:description", "description")[0]
    description = normalise_text(raw).replace("\n", " ")
    stem = ELLIPSIS.sub("", description)
    body = " ".join(block.text for block in blocks)
    if not stem or body.startswith(stem) or stem in body:
        return None
    return description


# --- section, tags, related ----------------------------------------------------------------------------------

def _section(scope: HtmlElement, signals: Signals, hint: str | None, warnings: list[str]) -> str:
    structured = [*signals.meta_values("article:section"), *signals.jsonld.strings("articleSection")]
    section = _known_section(structured)  # the category links are only read when the structured names fail
    if section:
        return section
    names = [*structured, *_category_names(scope)]
    section = _known_section(names[len(structured):])
    if section:
        return section
    if hint:
        return hint
    warnings.append(f"section: none of {names!r} is known; assumed {DEFAULT_SECTION!r}")
    return DEFAULT_SECTION


def _known_section(names: list[str]) -> str | None:
    return next((S.SECTION_MAP[key] for key in (normalise_text(n).lower() for n in names) if key in S.SECTION_MAP),
                None)


def _category_names(scope: HtmlElement) -> list[str]:
    slugs = [c[len(S.CATEGORY_CLASS_PREFIX):].replace("-", " ") for c in class_set(scope)
             if c.startswith(S.CATEGORY_CLASS_PREFIX)]
    return [*(element_text(a) for a in all_matches(scope, CATEGORY_LINKS)), *slugs]


def _tags(scope: HtmlElement, signals: Signals) -> list[str]:
    tags = signals.meta_values("article:tag") or signals.jsonld.strings("keywords")
    if not tags:
        tags = [element_text(a) for a in all_matches(scope, TAG_LINKS)]
    return list(dict.fromkeys(normalise_text(t) for t in tags if normalise_text(t)))


def _related_links(tree: HtmlElement, page_url: str) -> list[str]:
    blocks = all_matches(tree, RELATED_BLOCKS)
    for heading in all_matches(tree, HEADINGS):
        raw = heading.text_content()
        if len(raw) < 80 and RELATED_HEADING.search(one_line(raw)):
            blocks.extend(heading.itersiblings())  # what follows a "Related News" heading
    links = (link.get("href", "").strip() for block in dict.fromkeys(blocks) for link in _LINKS(block))
    absolute = (canonical_url(href, base=page_url) for href in links if not href.startswith(NOT_PAGE_LINKS))
    return [link for link in dict.fromkeys(absolute) if link != page_url]
