"""`mip-archive check-site`: fetch a handful of live pages and report, field by field, what the parsers still find.

Run it after a layout alarm (or before trusting a new site): each listing's first page (items, next link), then
the first few articles it names (title, date and the signal that gave it, author, standfirst, body words). Plain
``urllib``, one request at a time, robots.txt obeyed, a pause between requests on anything but the local replica.
"""

from __future__ import annotations

import logging
import time
import urllib.error
import urllib.request
import urllib.robotparser
from dataclasses import dataclass, field

from mip_archive.crawl import is_local
from mip_archive.items import ParseError
from mip_archive.parse import parse_article, parse_listing
from mip_archive.refresh.rules import Limits, Skip, check_page
from mip_archive.settings import SiteSettings

log = logging.getLogger(__name__)
ARTICLE_FIELDS = ("title", "published", "author", "standfirst", "body")
REQUIRED_FIELDS = ("title", "published", "body")


@dataclass
class PageReport:
    url: str
    kind: str  # "listing" or "article"
    found: dict[str, str | None] = field(default_factory=dict)  # field -> short value (None: not found)
    error: str | None = None

    @property
    def ok(self) -> bool:
        if self.error:
            return False
        required = ("items",) if self.kind == "listing" else REQUIRED_FIELDS
        return all(self.found.get(name) for name in required)


@dataclass
class SiteReport:
    base_url: str
    pages: list[PageReport] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.pages) and all(page.ok for page in self.pages)

    def lines(self) -> list[str]:
        out = []
        for page in self.pages:
            out.append(f"{'ok  ' if page.ok else 'FAIL'} {page.kind} {page.url}")
            out += [f"       {name}: {value if value else 'NOT FOUND'}" for name, value in page.found.items()]
            if page.error:
                out.append(f"       error: {page.error}")
        verdict = "the parsers still find every required field" if self.ok else "some pages lost required fields"
        out.append(f"check-site {'ok' if self.ok else 'failed'}: {len(self.pages)} pages checked; {verdict}")
        return out


class Fetcher:
    def __init__(self, site: SiteSettings):
        self.site = site
        self.pause = 0.0 if is_local(site.base_url) else 1.0
        self.robots = urllib.robotparser.RobotFileParser(site.base_url.rstrip("/") + "/robots.txt")
        try:
            self.robots.read()
        except (urllib.error.URLError, OSError) as error:
            log.info("robots.txt unreadable (%s): treating every page as allowed", error)
            self.robots.allow_all = True

    def get(self, url: str) -> tuple[bytes, str | None]:
        if not self.robots.can_fetch(self.site.user_agent, url):
            raise Skip("robots", "disallowed by robots.txt")
        time.sleep(self.pause)
        request = urllib.request.Request(url, headers={"User-Agent": self.site.user_agent})
        with urllib.request.urlopen(request, timeout=self.site.timeout_seconds) as response:
            body = response.read(self.site.max_page_bytes + 1)
            return body, response.headers.get("Content-Type")


def check_site(site: SiteSettings, *, articles_per_listing: int = 3, fetcher: Fetcher | None = None) -> SiteReport:
    fetcher = fetcher or Fetcher(site)
    report = SiteReport(site.base_url)
    for section, url in site.listing_urls(("news", "magazine")):
        listing_report, article_urls = _check_listing(fetcher, url)
        report.pages.append(listing_report)
        for article_url in article_urls[:articles_per_listing]:
            report.pages.append(_check_article(fetcher, article_url, section, site))
    return report


def _check_listing(fetcher: Fetcher, url: str) -> tuple[PageReport, list[str]]:
    page = PageReport(url, "listing")
    try:
        body, _ = fetcher.get(url)
        listing = parse_listing(body, url)
    except (urllib.error.URLError, OSError, Skip, ParseError) as error:
        page.error = str(error)
        return page, []
    page.found = {"items": str(len(listing.items)) if listing.items else None,
                  "dates": f"{sum(1 for i in listing.items if i.date)} of {len(listing.items)}",
                  "next page": listing.next_url}
    return page, [item.url for item in listing.items]


def _check_article(fetcher: Fetcher, url: str, section: str, site: SiteSettings) -> PageReport:
    page = PageReport(url, "article")
    try:
        body, content_type = fetcher.get(url)
        encoding = check_page(body, content_type, Limits(site.max_page_bytes))
        article = parse_article(body, url, section_hint=section, encoding=encoding)
    except (urllib.error.URLError, OSError, Skip, ParseError) as error:
        page.error = str(error)
        return page
    page.found = {name: _short(getattr(article, name)) for name in ARTICLE_FIELDS}
    if article.published:
        page.found["published"] += f" (from {article.date_source})"
    page.found["body"] = f"{article.word_count} words" if article.body else None
    return page


def _short(value: str | None, width: int = 70) -> str | None:
    if not value:
        return None
    return value if len(value) <= width else value[:width - 1] + "…"


def check_site_job(site: SiteSettings, *, articles_per_listing: int = 3) -> SiteReport:
    """The job behind `mip-archive check-site`: the report (``report.ok``, ``report.lines()``)."""
    return check_site(site, articles_per_listing=articles_per_listing)
