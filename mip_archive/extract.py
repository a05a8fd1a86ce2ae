"""One-off extraction: one saved page or URL → its record; one plain text → its entities and quotes."""

from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path

from mip_archive.items import ParseError
from mip_archive.settings import USER_AGENT

MAX_BYTES = 5 * 1024 * 1024


def read_source(source: str, *, timeout: float = 30.0) -> tuple[bytes, str]:
    """The bytes of a page and the URL to resolve its links against (the file's own URI for a saved page)."""
    if source.startswith(("http://", "https://")):
        return fetch(source, timeout=timeout)
    path = Path(source)
    if not path.is_file():
        raise ParseError(f"no such file: {source}")
    data = path.read_bytes()
    if len(data) > MAX_BYTES:
        raise ParseError(f"{source} is {len(data) // 1024} KiB, over the {MAX_BYTES // 1024} KiB limit for a page")
    return data, path.resolve().as_uri()


def fetch(url: str, *, timeout: float) -> tuple[bytes, str]:
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read(MAX_BYTES + 1)
            final_url = response.geturl()
    except urllib.error.HTTPError as error:
        raise ParseError(f"{url} answered HTTP {error.code}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise ParseError(f"could not fetch {url}: {reason}") from None
    if len(data) > MAX_BYTES:
        raise ParseError(f"{url} is larger than the {MAX_BYTES // 1024} KiB limit for a page")
    return data, final_url


def extract_page(source: str, *, section_hint: str | None = None, nlp: bool = True) -> dict:
    from mip_archive.parse import parse_article

    data, url = read_source(source)
    article = parse_article(data, url, section_hint=section_hint)
    record = article.to_dict()
    if nlp:
        from mip_archive.nlp import Enricher, article_text

        enrichment = Enricher().enrich_text(article_text(article.title, article.standfirst, article.body))
        record.update(enrichment.to_json())
    return record


def extract_text(text: str) -> dict:
    from mip_archive.nlp import Enricher

    if not text.strip():
        raise ParseError("the text is empty")
    return Enricher().enrich_text(text.replace("\r\n", "\n")).to_json()
