"""Which fetched article pages are fit to parse, and in which encoding: one rule set for the refresh and the rebuild.

A page that breaks a rule is skipped with a one-line reason (counted under ``mip/skipped/<kind>``) and the
archive keeps what it had: a non-HTML answer, a page over the size limit, a page cut short by a proxy or a dying
server (it closes neither ``</body>`` nor ``</html>``), or bytes that decode in no charset the page could mean.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mip_archive.parse import DECLARED_CHARSET, SNIFF_BYTES, WINDOWS_1252_ALIASES

HTML_TYPES = ("text/html", "application/xhtml+xml")
# A complete page closes its body or html element somewhere near its end (caching plugins append comments after
# </html>, so the end tag need not be last); a page cut short closes neither.
HTML_END = re.compile(rb"</(?:body|html)\s*>", re.IGNORECASE)
TAIL_BYTES = 64 * 1024
CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)


class Skip(Exception):
    """A response the refresh will not store. ``kind`` is a short counter name, the message is for logs."""

    def __init__(self, kind: str, reason: str):
        super().__init__(reason)
        self.kind = kind


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 5 * 1024 * 1024


def check_page(body: bytes, content_type: str | None, limits: Limits = Limits()) -> str:
    """The encoding to parse ``body`` with; raises :class:`Skip` when the page is not fit to store."""
    media_type = (content_type or "").split(";")[0].strip().lower()
    if media_type and media_type not in HTML_TYPES:
        raise Skip("not_html", f"not an HTML page ({media_type})")
    if len(body) > limits.max_bytes:
        raise Skip("too_large", f"page of {len(body)} bytes is over the {limits.max_bytes}-byte limit")
    if not HTML_END.search(body[-TAIL_BYTES:]):
        raise Skip("truncated", "the page ends before </body> or </html> (truncated response)")
    return choose_encoding(body, header_charset(content_type))


def header_charset(content_type: str | None) -> str | None:
    match = CHARSET.search(content_type or "")
    return match.group(1).lower() if match else None


def choose_encoding(body: bytes, declared: str | None) -> str:
    """The charset that decodes ``body`` cleanly: UTF-8 wins over a Latin-1 label (a common misdeclaration)."""
    meta = DECLARED_CHARSET.search(body[:SNIFF_BYTES])
    candidates = [declared, meta.group(1).decode("ascii", "ignore").lower() if meta else None, "utf-8"]
    if declared in WINDOWS_1252_ALIASES and _decodes(body, "utf-8"):
        candidates.insert(0, "utf-8")  # valid multi-byte UTF-8 is almost never intended as Latin-1
    for name in candidates:
        name = "windows-1252" if name in WINDOWS_1252_ALIASES else name
        if name and _decodes(body, name):
            return name
    raise Skip("undecodable", f"the bytes decode neither as {declared or 'the declared charset'} nor as UTF-8")


def _decodes(body: bytes, encoding: str) -> bool:
    try:
        body.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return False
    return True
