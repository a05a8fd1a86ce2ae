"""Parsing: one page in (HTML text or bytes, and its URL), one :class:`~mip_archive.items.Article` out.

:func:`parse_article` decodes bytes safely, builds the lxml tree once and hands it to the first era parser in
:data:`ERA_PARSERS` whose ``detect`` recognises the page's structure. The Wayback-era parsers are added to that
registry; listings go through :func:`parse_listing`.
"""

from __future__ import annotations

import codecs
import logging
import re
from typing import Callable, NamedTuple

import lxml.html
from lxml import etree
from lxml.html import HtmlElement

from mip_archive.items import Article, ParseError
from mip_archive.parse import aspnet2013, aspnet2018, wordpress
from mip_archive.parse.listing import LISTING_LAYOUTS, Listing, ListingItem, parse_listing

log = logging.getLogger(__name__)

__all__ = ["ERA_PARSERS", "EraParser", "Listing", "ListingItem", "build_tree", "decode_html", "parse_article",
           "parse_listing"]


class EraParser(NamedTuple):
    name: str
    detect: Callable[[HtmlElement, str], bool]
    parse: Callable[..., Article]  # parse(tree, url, *, section_hint=None) -> Article


# Tried in order; the first whose detect() is true parses the page.
ERA_PARSERS: list[EraParser] = [
    EraParser("wordpress", wordpress.detect, wordpress.parse),
    EraParser("aspnet-2018-2024", aspnet2018.detect, aspnet2018.parse),
    EraParser("aspnet-2013-2017", aspnet2013.detect, aspnet2013.parse),
]
LISTING_LAYOUTS.extend((aspnet2013.LISTING_LAYOUT, aspnet2013.MIXED_LISTING_LAYOUT))

BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
# Browsers read these declared charsets as windows-1252 (WHATWG Encoding Standard); so do we.
WINDOWS_1252_ALIASES = frozenset({"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii",
                                  "cp1252", "windows-1252"})
DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
LOOKS_LIKE_HTML = re.compile(r"<(?:!doctype|html|head|body|meta|title|div|p|article|main|section)\b", re.IGNORECASE)
SNIFF_BYTES = 4096
HTML_PARSER = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)
# Every element an HtmlElement, chosen in C: lxml.html's default lookup calls Python for each element proxy (to pick
# FormElement, InputElement...), which made walking a tree ~10x slower. No parser uses the form classes.
HTML_PARSER.set_element_class_lookup(etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment, pi=lxml.html.HtmlProcessingInstruction,
    entity=lxml.html.HtmlEntity,
))


def parse_article(html: str | bytes, url: str, *, section_hint: str | None = None,
                  encoding: str | None = None) -> Article:
    """Parse one article page. Raises :class:`ParseError` (one-line reason) when it is not an article."""
    tree = build_tree(html, encoding=encoding)
    for era in ERA_PARSERS:
        if era.detect(tree, url):
            log.debug("%s: parsed as %s", url, era.name)
            return era.parse(tree, url, section_hint=section_hint)
    raise ParseError(f"unrecognised page: no parser for its structure ({', '.join(e.name for e in ERA_PARSERS)})")


def build_tree(html: str | bytes, *, encoding: str | None = None) -> HtmlElement:
    """The lxml tree of a page; :class:`ParseError` for empty or non-HTML input."""
    text = decode_html(html, encoding=encoding) if isinstance(html, (bytes, bytearray)) else html
    text = XML_DECLARATION.sub("", (text or "").replace("\x00", ""), count=1)
    if not text.strip():
        raise ParseError("empty page")
    if not LOOKS_LIKE_HTML.search(text[:65536]):
        raise ParseError("not HTML: no HTML tags in the page")
    try:
        return lxml.html.document_fromstring(text, parser=HTML_PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise ParseError(f"not HTML: {exc}") from exc


def decode_html(data: bytes, *, encoding: str | None = None) -> str:
    """Bytes to text: a BOM, the given encoding, UTF-8, the declared charset, then windows-1252. Never raises.

    UTF-8 is tried before the declared charset because bytes that decode as UTF-8 almost never are anything else,
    while declared charsets are often wrong.
    """
    data = bytes(data)
    for bom, name in BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(name, errors="replace")
    for candidate in (_charset(encoding), "utf-8", _declared_charset(data)):
        if candidate:
            try:
                return data.decode(candidate)
            except (UnicodeDecodeError, LookupError):
                continue
    return data.decode("windows-1252", errors="replace")


def _declared_charset(data: bytes) -> str | None:
    match = DECLARED_CHARSET.search(data[:SNIFF_BYTES])
    return _charset(match.group(1).decode("ascii", errors="ignore")) if match else None


def _charset(name: str | None) -> str | None:
    if not name:
        return None
    lowered = name.strip().lower()
    return "windows-1252" if lowered in WINDOWS_1252_ALIASES else lowered
