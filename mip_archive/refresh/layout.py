"""Noticing a redesign: when too many article pages of a run lack a title, a date or a body, the run fails loudly.

A redesign that moves the date or renames the content area does not raise errors: it produces plausible-looking
records with empty fields. This watch counts, per run, the article pages the parser could not complete and
stops the run (``the site's layout seems to have changed: …``) once the share passes a threshold.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from mip_archive.items import Article

LAYOUT_CHANGED = "the site's layout seems to have changed"
# ParseError messages → the field the page lacked (the parser's wording, kept here as data).
MISSING_BY_MESSAGE = (("no title", "title"), ("no body", "body"), ("no .entry-content", "body"),
                      ("no content area", "body"), ("unrecognised page", "structure"))


@dataclass
class LayoutWatch:
    min_pages: int = 4  # do not judge on fewer article pages than this
    max_share: float = 0.5  # more than this share of pages missing a field means the layout changed
    pages: int = 0
    missing: Counter = field(default_factory=Counter)

    def parsed(self, article: Article) -> None:
        self.pages += 1
        if not article.published:
            self.missing["date"] += 1

    def failed(self, message: str) -> None:
        """A page the parser rejected; pages that are simply not articles (a 404 page, a listing) do not count."""
        missing = next((name for text, name in MISSING_BY_MESSAGE if text in message), None)
        if missing:
            self.pages += 1
            self.missing[missing] += 1

    def problem(self) -> str | None:
        """The user-facing reason when the layout seems to have changed, else None."""
        if self.pages < self.min_pages:
            return None
        worst, count = max(self.missing.items(), key=lambda kv: kv[1], default=(None, 0))
        if count / self.pages <= self.max_share:
            return None
        return f"{LAYOUT_CHANGED}: {count} of {self.pages} article pages had no {worst}"


def empty_listing(url: str) -> str:
    return f"{LAYOUT_CHANGED}: the listing {url} yielded no articles"
