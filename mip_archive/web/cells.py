"""How single values are shown in table and query pages: highlighted snippets, short excerpts, links.

Everything is escaped first; the only markup that survives from the data is an exact ``<mark>`` / ``</mark>``
pair written by SQLite's ``snippet()``/``highlight()`` (they carry no attributes, so they cannot run anything).
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

MARK_OPEN, MARK_CLOSE = "<mark>", "</mark>"
HIGHLIGHT_COLUMNS = frozenset({"snippet", "quote"})
EXCERPT_COLUMNS = {"body": 160, "body_html": 160, "standfirst": 220}
TAG_RE = re.compile(r"<[^>]*>")
SPACE_RE = re.compile(r"\s+")


def highlight_html(value: str) -> Markup:
    """``value`` escaped, with SQLite's ``<mark>`` highlights kept as real (attribute-free) tags."""
    escaped = str(escape(value))
    escaped = escaped.replace(str(escape(MARK_OPEN)), MARK_OPEN).replace(str(escape(MARK_CLOSE)), MARK_CLOSE)
    return Markup(escaped)


def plain_text(value: str) -> str:
    """Text of an HTML fragment, tags removed and whitespace collapsed (for excerpts of ``body_html``)."""
    return SPACE_RE.sub(" ", TAG_RE.sub(" ", value)).strip()


def excerpt(value: str, limit: int) -> str:
    """``value`` cut at a word boundary to at most ``limit`` characters, with an ellipsis when cut."""
    value = SPACE_RE.sub(" ", value).strip()
    if len(value) <= limit:
        return value
    cut = value[:limit].rsplit(" ", 1)[0].rstrip(",.;:")
    return cut + "…"


def safe_href(url) -> str | None:
    """``url`` when it is an absolute http(s) address (the only kind an archive page links out to), else None."""
    if isinstance(url, str) and url.strip().lower().startswith(("https://", "http://")):
        return url.strip()
    return None


def link(href: str, text: str) -> Markup:
    return Markup('<a href="{}">{}</a>').format(href, text)


def render_value(column: str, value) -> Markup | None:
    """The HTML for a cell of the archive, or None to let Datasette render it as usual."""
    if not isinstance(value, str):
        return None
    if column in HIGHLIGHT_COLUMNS:
        return highlight_html(value)
    if column in EXCERPT_COLUMNS:
        text = plain_text(value) if column == "body_html" else value
        return Markup(escape(excerpt(text, EXCERPT_COLUMNS[column])))
    return None
