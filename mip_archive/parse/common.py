"""Field extractors shared by every era's parser: structured signals and text blocks over an lxml tree.

Extractors return ``(value, source)`` pairs so a record can say which signal won ("jsonld", "meta", "time",
"printed", "selector", ...). :class:`Signals` reads the page's structured data once (JSON-LD with ``@graph`` and
``@id`` references resolved, OpenGraph / ``article:`` / ``name`` meta, ``rel=canonical``); :func:`text_blocks` turns
a content node into paragraphs, after :func:`clean_content` has removed the boilerplate named by
:class:`ContentRules`. Nothing here knows about one site's theme: selectors come from the era modules.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from lxml import etree
from lxml.cssselect import CSSSelector
from lxml.html import HtmlElement

from mip_archive.normalise import normalise_text
from mip_archive.parse.matching import _XML_SPACE, GatedSelector, SimpleUnion, all_matches, css, css_any, first_match  # noqa: F401 (re-exported)

log = logging.getLogger(__name__)

Signal = tuple[Any, str | None]
NO_SIGNAL: Signal = (None, None)

ARTICLE_TYPES = frozenset({"Article", "NewsArticle", "BlogPosting", "ReportageNews", "AnalysisNewsArticle",
                           "OpinionNewsArticle", "ScholarlyArticle", "TechArticle", "Report"})
PAGE_TYPES = frozenset({"WebPage", "ItemPage", "AboutPage"})

JSONLD_TYPE = "application/ld+json"
_BR = etree.XPath(".//br")
_HAS_BLOCK_CHILD = etree.XPath("boolean(.//p | .//li | .//blockquote | .//h2 | .//h3 | .//h4)")
_TRAILING_COMMA = re.compile(r",\s*([}\]])")


def first_signal(*getters: Callable[[], Signal]) -> Signal:
    """The first getter (called lazily, in order) that gives a non-empty value."""
    for getter in getters:
        value, source = getter()
        if value:
            return value, source
    return NO_SIGNAL


def element_text(element: HtmlElement) -> str:
    """An element's visible text as one normalised paragraph (line breaks read as spaces)."""
    return one_line(element.text_content())


def one_line(text: str) -> str:
    """Whitespace collapsed to single spaces; the rest of :func:`normalise_text` only for non-ASCII text (fast)."""
    if not text.isascii():
        return normalise_text(text).replace("\n", " ")
    return " ".join(text.split())


def class_set(element: HtmlElement | None) -> frozenset[str]:
    return frozenset((element.get("class") or "").split()) if element is not None else frozenset()


# --- structured data -----------------------------------------------------------------------------------------

@dataclass
class JsonLd:
    """The JSON-LD of a page: every node (``@graph`` flattened), indexed by ``@id``; the article node found."""

    nodes: list[dict] = field(default_factory=list)
    by_id: dict[str, dict] = field(default_factory=dict)
    article: dict | None = None
    page: dict | None = None

    @classmethod
    def from_tree(cls, tree: HtmlElement) -> "JsonLd":
        scripts = (script.text for script in tree.getroottree().iter("script") if script.get("type") == JSONLD_TYPE)
        nodes = [node for text in scripts if text for node in _flatten(_load_json(text))]
        ld = cls(nodes=nodes, by_id={n["@id"]: n for n in nodes if isinstance(n.get("@id"), str)})
        ld.article = next((n for n in nodes if _types(n) & ARTICLE_TYPES), None)
        ld.page = next((n for n in nodes if _types(n) & PAGE_TYPES), None)
        return ld

    def resolve(self, value: Any) -> Any:
        """A node for an ``{"@id": ...}`` reference; other values unchanged."""
        if isinstance(value, dict) and set(value) == {"@id"}:
            return self.by_id.get(value["@id"], value)
        return value

    def text(self, key: str, *, page_fallback: bool = False) -> Signal:
        for node in (self.article, self.page if page_fallback else None):
            value = _first_string(self.resolve(node.get(key))) if node else None
            if value:
                return value, "jsonld"
        return NO_SIGNAL

    def strings(self, key: str) -> list[str]:
        """A property that may be a string, a comma-separated string or a list (``keywords``, ``articleSection``)."""
        value = self.article.get(key) if self.article else None
        if isinstance(value, str):
            value = value.split(",") if key == "keywords" else [value]
        return [s.strip() for s in (value or []) if isinstance(s, str) and s.strip()]

    def author(self) -> Signal:
        value = self.article.get("author") if self.article else None
        for person in value if isinstance(value, list) else [value]:
            person = self.resolve(person)
            name = person.get("name") if isinstance(person, dict) else person
            if isinstance(name, str) and name.strip():
                return name.strip(), "jsonld"
        return NO_SIGNAL


def _load_json(text: str) -> Any:
    text = text.strip().removeprefix("<!--").removesuffix("-->").strip()
    try:
        return json.loads(text)
    except ValueError:
        try:  # hand-edited JSON-LD often has a trailing comma
            return json.loads(_TRAILING_COMMA.sub(r"\1", text))
        except ValueError:
            log.debug("unreadable JSON-LD block skipped")
            return None


def _flatten(data: Any) -> list[dict]:
    if isinstance(data, list):
        return [node for item in data for node in _flatten(item)]
    if not isinstance(data, dict):
        return []
    graph = data.get("@graph")
    return _flatten(graph) if graph is not None else [data]


def _types(node: dict) -> frozenset[str]:
    value = node.get("@type")
    return frozenset([value] if isinstance(value, str) else [t for t in value or [] if isinstance(t, str)])


def _first_string(value: Any) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str) and v.strip()), None)
    return value.strip() if isinstance(value, str) and value.strip() else None


@dataclass
class Signals:
    """Everything structured a page says about itself, read once per page."""

    jsonld: JsonLd
    meta: dict[str, list[str]]
    canonical: str | None

    @classmethod
    def from_tree(cls, tree: HtmlElement) -> "Signals":
        meta: dict[str, list[str]] = {}
        for element in tree.getroottree().iter("meta"):  # the whole document, like //meta; no XPath run
            content = element.get("content")
            key = content is not None and (element.get("property") or element.get("name") or "").strip().lower()
            if key:
                meta.setdefault(key, []).append(content.strip())
        canonical = next((href.strip() for href in _canonical_hrefs(tree) if href.strip()), None)
        return cls(jsonld=JsonLd.from_tree(tree), meta=meta, canonical=canonical)

    def meta_value(self, *names: str) -> Signal:
        for name in names:
            value = next((v for v in self.meta.get(name, ()) if v), None)
            if value:
                return value, "meta"
        return NO_SIGNAL

    def meta_values(self, name: str) -> list[str]:
        return [v for v in self.meta.get(name, ()) if v]


def _canonical_hrefs(tree: HtmlElement) -> list[str]:
    """``href`` of every ``<link>`` whose ``rel`` names ``canonical`` (split as XPath's ``normalize-space()`` would)."""
    return [link.get("href") for link in tree.getroottree().iter("link")
            if link.get("href") is not None and "canonical" in (link.get("rel") or "").translate(_XML_SPACE).split(" ")]


def attr_signal(node: HtmlElement, chain: tuple[CSSSelector, ...], attr: str, source: str) -> Signal:
    """The attribute of the first element the chain matches (e.g. ``time[datetime]`` → "time")."""
    element = first_match(node, chain)
    value = (element.get(attr) or "").strip() if element is not None else ""
    return (value, source) if value else NO_SIGNAL


def text_signal(node: HtmlElement, chain: tuple[CSSSelector, ...], source: str) -> Signal:
    element = first_match(node, chain)
    value = element_text(element) if element is not None else ""
    return (value, source) if value else NO_SIGNAL


# --- content -------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ContentRules:
    """What to remove from a content node and which paragraphs are not the article's own words."""

    boilerplate: CSSSelector
    non_text: CSSSelector
    headings: re.Pattern
    lines: re.Pattern
    slip: re.Pattern
    block_tags: tuple[str, ...]
    heading_tags: frozenset[str]

    @classmethod
    def compile(cls, *, boilerplate, non_text, headings, lines, slip, block_tags, heading_tags) -> "ContentRules":
        return cls(css_any(boilerplate), css_any(non_text), _any_of(headings), _any_of(lines),
                   re.compile(slip, re.IGNORECASE), tuple(block_tags), frozenset(heading_tags))


def _any_of(patterns: Iterable[str]) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@dataclass
class Block:
    tag: str
    text: str
    element: HtmlElement


def clean_content(content: HtmlElement, rules: ContentRules) -> None:
    """Remove boilerplate from ``content`` IN PLACE (tails kept), so text and HTML are read from the same tree."""
    for element in all_matches(content, rules.boilerplate):
        if element is not content and element.getparent() is not None:
            element.drop_tree()
    _drop_headed_blocks(content, rules)
    for br in _BR(content):
        br.tail = "\n" + (br.tail or "")
    if "{" in (content.text_content() or ""):
        _remove_slips(content, rules.slip)


def _drop_headed_blocks(content: HtmlElement, rules: ContentRules) -> None:
    for heading in list(content.iter(*rules.heading_tags, "p", "strong")):
        if len(heading.text or "") > 80:
            continue  # its leading text alone is too long for a heading: no need to read the whole text
        raw = heading.text_content()
        if len(raw) > 80 or heading.getparent() is None or not rules.headings.search(text := one_line(raw)):
            continue
        if len(text) > 40:
            continue
        block = heading
        while block.getparent() is not None and block.getparent() is not content:
            block = block.getparent()
        if block.getparent() is None:
            continue
        if block is heading:  # a heading directly in the content: the block is everything from it to the end
            for sibling in list(block.itersiblings()):
                sibling.drop_tree()
        block.drop_tree()


def _remove_slips(content: HtmlElement, slip: re.Pattern) -> None:
    emptied = []
    for element in content.iter(etree.Element):
        if element.text and "{" in element.text:
            element.text = slip.sub("", element.text)
            emptied.append(element)
        if element.tail and "{" in element.tail:
            element.tail = slip.sub("", element.tail)
    for element in emptied:  # a paragraph that held only the slip goes too
        if element is not content and len(element) == 0 and not element.text_content().strip():
            element.drop_tree()


def text_blocks(content: HtmlElement, rules: ContentRules) -> list[Block]:
    """The paragraphs of a cleaned content node, in order. Boilerplate lines are dropped from the tree too."""
    skipped = {inner for container in all_matches(content, rules.non_text) if container is not content
               for inner in container.iterdescendants(*rules.block_tags)}
    blocks = []
    for element in content.iter(*rules.block_tags):
        if element in skipped or (element.tag in ("li", "blockquote") and _HAS_BLOCK_CHILD(element)):
            continue
        text = element_text(element)
        if not text:
            continue
        if rules.lines.search(text):
            element.drop_tree()
            continue
        blocks.append(Block(element.tag, text, element))
    return blocks or _loose_text_blocks(content)


def _loose_text_blocks(content: HtmlElement) -> list[Block]:
    """Classic-editor pages with text straight in the content node: paragraphs split at blank lines / ``<br><br>``."""
    text = normalise_text(content.text_content())
    return [Block("p", part, content) for part in text.split("\n\n") if part]


def caption_texts(content: HtmlElement, selector: CSSSelector) -> list[str]:
    """Caption texts in document order (two images may share a caption: both are kept)."""
    return [text for text in map(element_text, selector(content)) if text]
