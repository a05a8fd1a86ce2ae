"""Sanitising an article body's HTML before it is stored and served.

What survives: the tags in :data:`ALLOWED_TAGS` with only the attributes in :data:`ALLOWED_ATTRS`. Links keep an
``href`` only when it is http(s) or relative; images keep ``src`` (http(s) or relative) and ``alt``, and lose
``srcset``, ``sizes``, classes, ``data-*`` and every other attribute, so a stored body names one image file and
carries no tracking or lazy-loading machinery. Images are kept (not turned into links) because captions and
pictures are part of a magazine article; the archive's server decides whether to load them. Scripts, styles,
comments, iframes, embeds, objects and forms are removed with their content; any other tag is unwrapped (its text
kept).
"""

from __future__ import annotations

import logging
import re
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree
from lxml_html_clean import Cleaner

log = logging.getLogger(__name__)

ALLOWED_TAGS = frozenset({"p", "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "a", "strong", "em", "b", "i",
                          "figure", "figcaption", "img", "br"})
KILLED_TAGS = ("script", "style", "noscript", "iframe", "embed", "object", "form", "template", "svg", "button",
               "select", "textarea", "input")
RENAMED_TAGS = {"h1": "h2", "h5": "h4", "h6": "h4", "dl": "ul", "dt": "li", "dd": "li"}
# Block tags that are unwrapped: a space after each keeps "cell one" and "cell two" from running together.
UNWRAPPED_BLOCKS = frozenset({"div", "section", "article", "header", "footer", "table", "tr", "td", "th", "address",
                              "pre", "center", "main", "aside", "nav"})
ALLOWED_ATTRS = {"a": ("href",), "img": ("src", "alt")}
URL_ATTRS = frozenset({"href", "src"})
SAFE_SCHEMES = frozenset({"http", "https", ""})
NEWLINE_RUNS = re.compile(r"\s*\n\s*")  # layout whitespace between blocks; no <pre> survives, so this is safe

CLEANER = Cleaner(
    scripts=True, javascript=True, comments=True, style=True, inline_style=True, links=True, meta=True,
    page_structure=True, processing_instructions=True, embedded=True, frames=True, forms=True,
    annoying_tags=True, kill_tags=KILLED_TAGS, allow_tags=ALLOWED_TAGS, remove_unknown_tags=False,
    safe_attrs_only=True, safe_attrs=frozenset({"href", "src", "alt"}),
)


def sanitise_html(fragment: str, *, base_url: str | None = None) -> str:
    """A safe HTML fragment; with ``base_url``, relative ``href``/``src`` are made absolute."""
    if not fragment or not fragment.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError) as exc:
        log.debug("unparseable fragment: %s", exc)
        return ""
    return sanitise_element(root, base_url=base_url)


def sanitise_element(root: lxml.html.HtmlElement, *, base_url: str | None = None) -> str:
    """Sanitise ``root`` IN PLACE and return its inner HTML (the element itself is not serialised)."""
    _prepare_blocks(root)
    CLEANER(root)
    for element in root.iter(etree.Element):
        _keep_allowed_attrs(element, base_url)
    return _inner_html(root)


def _prepare_blocks(root: lxml.html.HtmlElement) -> None:
    for element in root.iter(etree.Element):
        if element is root:
            continue
        element.tag = RENAMED_TAGS.get(element.tag, element.tag)
        if element.tag in UNWRAPPED_BLOCKS:
            element.tail = " " + (element.tail or "")


def _keep_allowed_attrs(element: lxml.html.HtmlElement, base_url: str | None) -> None:
    allowed = ALLOWED_ATTRS.get(element.tag, ())
    for name in list(element.attrib):
        value = element.attrib[name]
        if name not in allowed or (name in URL_ATTRS and not _safe_url(value)):
            del element.attrib[name]
        elif name in URL_ATTRS and base_url:
            element.attrib[name] = urljoin(base_url, value.strip())


def _safe_url(value: str) -> bool:
    value = value.strip()
    if not value:
        return False
    try:
        return urlsplit(value).scheme.lower() in SAFE_SCHEMES
    except ValueError:
        return False


def _inner_html(root: lxml.html.HtmlElement) -> str:
    parts = [_escape(root.text or "")]
    parts.extend(etree.tostring(child, encoding="unicode", method="html") for child in root)
    return NEWLINE_RUNS.sub("\n", "".join(parts)).strip()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
