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
from urllib.parse import unquote_plus, urljoin, urlsplit

import lxml.html
from lxml import etree

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

# Removed with their content (the tail text after them stays): what lxml_html_clean's Cleaner kills with our
# settings (scripts, styles, links, meta, frames, embedded objects, form controls) plus KILLED_TAGS.
KILLED = frozenset(KILLED_TAGS) | {"script", "style", "link", "meta", "base", "applet", "param", "frameset", "frame",
                                   "noframes", "button", "input", "select", "textarea"}
KILLED_ANY_NS = tuple("{*}" + tag for tag in sorted(KILLED))  # an XHTML tree's <script> too
# A URL that could run script, as lxml_html_clean tests it: whitespace and control characters removed and
# %-escapes decoded, any of these schemes anywhere, unless it is a data: URL of a raster image.
SCRIPT_SCHEMES = re.compile(r"(javascript|jscript|livescript|vbscript|data|about|mocha):", re.IGNORECASE)
IMAGE_DATA_URLS = re.compile(r"data:image/(.{1,255}?);base64,", re.IGNORECASE)
SCRIPTED_IMAGE_TYPES = re.compile(r"(xml|svg)", re.IGNORECASE)
# An absolute http(s) URL that urljoin() gives back unchanged and urlsplit() reads without complaint: ASCII host,
# no fragment, no ";params", no empty "?".
PLAIN_ABSOLUTE_URL = re.compile(
    r"https?://[A-Za-z0-9.-]+(?::[0-9]+)?(?:/[-!$&'()*+,./0-9:=@A-Z_a-z~%]*)?(?:\?[-!$&'()*+,./0-9:;=?@A-Z_a-z~%]+)?"
)
URL_NOISE = re.compile(r"[\s\x00-\x08\x0B\x0C\x0E-\x19]+")


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
    """Sanitise ``root`` IN PLACE and return its inner HTML (the element itself is not serialised).

    One whitelist walk over the already-parsed subtree (no re-serialising): killed elements go with their content,
    the others not in :data:`ALLOWED_TAGS` are unwrapped, allowed ones keep only their allowed, safe attributes.
    """
    if _kill_root(root):
        return ""
    for element in list(root.iter(*KILLED_ANY_NS, etree.Comment, etree.ProcessingInstruction, etree.Entity)):
        element.drop_tree()  # outermost first; an inner one then leaves a subtree that is already gone
    unwrapped = [element for element in root.iter(etree.Element)
                 if element is not root and not _clean_element(element, base_url)]
    for element in unwrapped:
        element.drop_tag()
    if root.tag in ALLOWED_TAGS:
        _keep_allowed_attrs(root, base_url)
    else:
        root.tag = "div"
        root.attrib.clear()
    return _inner_html(root)


def _kill_root(root: lxml.html.HtmlElement) -> bool:
    tag = _plain_tag(root)
    if tag not in KILLED and not callable(tag):
        return False
    root.clear()
    root.tag = "div"
    return True


def _plain_tag(element: lxml.html.HtmlElement):
    tag = element.tag
    if isinstance(tag, str) and tag.startswith("{"):  # an XHTML namespace: the tag is what follows it
        element.tag = tag = tag.rpartition("}")[2]
    if tag == "image":  # read as <img> by browsers
        element.tag = tag = "img"
    return tag


def _clean_element(element: lxml.html.HtmlElement, base_url: str | None) -> bool:
    """Rename, space out and strip one element; ``False`` when it is to be unwrapped."""
    tag = RENAMED_TAGS.get(_plain_tag(element), element.tag)
    element.tag = tag
    if tag in UNWRAPPED_BLOCKS:
        element.tail = " " + (element.tail or "")
    if tag not in ALLOWED_TAGS:
        return False
    if element.attrib:
        _keep_allowed_attrs(element, base_url)
    return True


def _keep_allowed_attrs(element: lxml.html.HtmlElement, base_url: str | None) -> None:
    allowed = ALLOWED_ATTRS.get(element.tag, ())
    attrib = element.attrib
    for name in attrib.keys():
        value = attrib[name]
        if name not in allowed or (name in URL_ATTRS and not _safe_url(value)):
            del attrib[name]
        elif name in URL_ATTRS:  # kept: stripped (as lxml's rewrite_links does), made absolute with a base
            url = value.strip()
            try:
                if base_url and not PLAIN_ABSOLUTE_URL.fullmatch(url):
                    url = urljoin(base_url, url)
                if url != value:
                    attrib[name] = url
            except ValueError:  # a control character, or a URL lxml refuses to hold: the link goes, the text stays
                del attrib[name]


def _safe_url(value: str) -> bool:
    value = value.strip()
    if not value or _runs_script(value):
        return False
    if PLAIN_ABSOLUTE_URL.fullmatch(value):
        return True
    try:
        return urlsplit(value).scheme.lower() in SAFE_SCHEMES
    except ValueError:
        return False


def _runs_script(url: str) -> bool:
    if "%" in url or "+" in url or URL_NOISE.search(url):
        url = URL_NOISE.sub("", unquote_plus(url))
    if ":" not in url:
        return False  # no scheme anywhere: the common relative link
    safe_images = 0
    for image_type in IMAGE_DATA_URLS.findall(url):
        if SCRIPTED_IMAGE_TYPES.search(image_type):
            return True
        safe_images += 1
    return len(SCRIPT_SCHEMES.findall(url)) > safe_images


def _inner_html(root: lxml.html.HtmlElement) -> str:
    parts = [_escape(root.text or "")]
    parts.extend(etree.tostring(child, encoding="unicode", method="html") for child in root)
    return _collapse_newline_runs("".join(parts))


def _collapse_newline_runs(html: str) -> str:
    """``NEWLINE_RUNS.sub("\\n", html).strip()`` without the regular expression (which tries every space)."""
    return "\n".join(line for line in (part.strip() for part in html.split("\n")) if line)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
