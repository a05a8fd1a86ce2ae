"""The article extractors the parsing benchmark compares: ours, trafilatura and newspaper4k.

Each is a function ``(page bytes, url) -> Fields`` so all three see exactly the same input. A peer that is not
installed is reported as missing (with the reason), never silently skipped.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import TypedDict

log = logging.getLogger(__name__)


class Fields(TypedDict):
    title: str | None
    date: str | None  # YYYY-MM-DD
    author: str | None
    body: str


Extractor = Callable[[bytes, str], Fields]


def ours(page: bytes, url: str) -> Fields:
    from mip_archive.parse import parse_article

    article = parse_article(page, url)
    return {"title": article.title, "date": article.published, "author": article.author, "body": article.body}


def trafilatura_extractor(page: bytes, url: str) -> Fields:
    import trafilatura

    doc = trafilatura.bare_extraction(page, url=url, with_metadata=True)
    if doc is None:
        return {"title": None, "date": None, "author": None, "body": ""}
    return {"title": doc.title, "date": (doc.date or None), "author": doc.author, "body": doc.text or ""}


def newspaper_extractor(page: bytes, url: str) -> Fields:
    from newspaper import Article

    article = Article(url, fetch_images=False)  # else it downloads every image to size the top one
    article.download(input_html=page.decode("utf-8", errors="replace"))
    article.parse()
    return {"title": article.title or None, "date": _iso_date(article.publish_date),
            "author": ", ".join(article.authors) or None, "body": article.text or ""}


def _iso_date(value) -> str | None:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.strftime("%Y-%m-%d")
    return str(value)[:10] if value else None


# (name, module that must import, extractor): ours first, then the peers.
EXTRACTORS: list[tuple[str, str, Extractor]] = [
    ("mip-archive parse_article", "mip_archive.parse", ours),
    ("trafilatura bare_extraction", "trafilatura", trafilatura_extractor),
    ("newspaper4k Article.parse", "newspaper", newspaper_extractor),
]
OURS, BASELINE = EXTRACTORS[0][0], EXTRACTORS[1][0]


def available() -> tuple[list[tuple[str, Extractor]], dict[str, str]]:
    """The extractors that import here, and why each missing one does not."""
    import importlib
    import warnings

    found, missing = [], {}
    for name, module, extractor in EXTRACTORS:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # newspaper4k warns that nltk (for its own NLP) is absent
                importlib.import_module(module)
        except ImportError as error:
            missing[name] = f"not installed ({error}); pip install -e '.[bench]'"
            continue
        found.append((name, extractor))
    return found, missing
