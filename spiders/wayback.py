"""Recovers the 2013–2024 pages from the Wayback Machine: CDX discovery, listings walked page by page, captures.

1. CDX prefix queries (``/News/``, ``/home/`` on each host; 200s only, collapsed by digest, paged by resume key)
   find listing pages and article pages. Article captures already in the archive are skipped (resume).
2. Every captured first page of a 2013–2017 listing is fetched in ``id_`` form and walked through its "Next" links
   (the archive redirects to the nearest capture of each page); listing items give dates and sections. The mixed
   home listings (``/home/Home.aspx``, ``/News/HomepageNewsItems.aspx``) are walked too: their items' labels give
   the section, and some statements' dates are printed nowhere else.
3. When the listings are done, each article capture (one per distinct digest) is fetched, cleaned of any replay
   additions, checked for a soft 404, parsed by the era its structure shows, and yielded with its capture.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import scrapy
from scrapy import signals
from scrapy.exceptions import DontCloseSpider

from mip_archive.crawl import fill_from_listing, note_failure
from mip_archive.items import Capture, ParseError
from mip_archive.normalise import url_key
from mip_archive.parse import build_tree
from mip_archive.parse.aspnet2013 import parse_legacy_listing
from mip_archive.wayback import cdx
from mip_archive.wayback.captures import capture_text, id_url, is_soft_404, parse_archive_url, parse_capture

# First listing pages → their section (None: a mixed listing, whose items are labelled with their section).
LISTING_PAGES = {"/home/mediacentre.aspx": "news", "/home/mipblog.aspx": "magazine", "/home/home.aspx": None,
                 "/news/homepagenewsitems.aspx": None}
ARTICLE_PATHS = re.compile(r"^/news/homepagenews-\d+\.aspx$|^/home/news-campaigns/(?:newsarticles|features)/[^/]+\.aspx$")
HTML_TYPES = ("text/html", "application/xhtml+xml")


def classify(original: str) -> tuple[str, str | None]:
    """("listing", section) for a first listing page (section None for a mixed one), ("article", None) for an
    article page, ("other", None) for anything else."""
    parts = urlsplit(original)
    path = parts.path.lower()
    if path in LISTING_PAGES:
        first_page = not re.search(r"view\d+page=(?!1\b)", parts.query.lower())
        return ("listing", LISTING_PAGES[path]) if first_page else ("other", None)
    return ("article", None) if ARTICLE_PATHS.match(path) else ("other", None)


class WaybackSpider(scrapy.Spider):
    name = "wayback"

    def __init__(self, wayback_url: str = "https://web.archive.org", year_from: int | None = None,
                 year_to: int | None = None, hosts: str = "www.miphealth.org.uk,miphealth.org.uk",
                 known: frozenset[str] = frozenset(), **kwargs):
        super().__init__(**kwargs)
        self.wayback_url = wayback_url.rstrip("/")
        self.year_from, self.year_to = year_from, year_to
        self.hosts = tuple(h for h in hosts.split(",") if h)
        self.known = set(known)  # url keys of article pages already recovered: skipped (resume)
        self.pending: dict[str, dict[str, cdx.CdxRow]] = {}  # url key → digest → capture
        self.listed: dict[str, tuple] = {}  # url key → (ListingItem, section)
        self.seen_rows: set[tuple[str, str]] = set()
        self.articles_scheduled = False

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.on_idle, signal=signals.spider_idle)
        return spider

    async def start(self):
        for url in cdx.discovery_urls(self.wayback_url, self.hosts, year_from=self.year_from, year_to=self.year_to):
            yield scrapy.Request(url, callback=self.parse_cdx, errback=self.on_error, cb_kwargs={"first_url": url},
                                 meta={"mip_kind": "cdx"})

    def parse_cdx(self, response, first_url: str):
        page = cdx.parse_cdx_json(response.body)
        self.crawler.stats.inc_value("mip/cdx_pages")
        for row in page.rows:
            yield from self.consider(row)
        if page.resume_key and page.rows:
            yield scrapy.Request(cdx.next_page_url(first_url, page.resume_key), callback=self.parse_cdx,
                                 errback=self.on_error, cb_kwargs={"first_url": first_url}, meta={"mip_kind": "cdx"})

    def consider(self, row: cdx.CdxRow):
        if (row.urlkey, row.timestamp) in self.seen_rows or row.statuscode != "200" or row.mimetype not in HTML_TYPES:
            return
        self.seen_rows.add((row.urlkey, row.timestamp))
        kind, section = classify(row.original)
        if kind == "listing":
            yield self.capture_request(row.timestamp, row.original, self.parse_listing, section=section)
        elif kind == "article":
            key = url_key(row.original)
            if key in self.known:
                self.crawler.stats.inc_value("mip/skipped")
            else:
                self.pending.setdefault(key, {}).setdefault(row.digest, row)

    def capture_request(self, timestamp: str, original: str, callback, **cb_kwargs) -> scrapy.Request:
        kind = "listing" if callback == self.parse_listing else "article"
        return scrapy.Request(id_url(self.wayback_url, timestamp, original), callback=callback, errback=self.on_error,
                              cb_kwargs=cb_kwargs, meta={"mip_kind": kind})

    def parse_listing(self, response, section: str | None):
        ref = parse_archive_url(response.url)
        if ref is None or response.status != 200:
            return
        text = capture_text(response.body, response.headers.get(b"Content-Type"))
        listing = parse_legacy_listing(build_tree(text), ref.original)
        self.crawler.stats.inc_value("mip/listing_pages")
        if not listing.items:
            self.crawler.stats.inc_value("mip/empty_listings")
        for item in listing.items:
            self.remember(item, item.section or section)
        if listing.next_url:
            yield self.capture_request(ref.timestamp, listing.next_url, self.parse_listing, section=section)

    def remember(self, item, section: str | None) -> None:
        """Keep the first listing item seen for a page, unless a later one gives the date it lacked."""
        key = url_key(item.url)
        known = self.listed.get(key)
        if known is None or (not known[0].date and item.date):
            self.listed[key] = (item, section or (known[1] if known else None))

    def on_idle(self):
        if self.articles_scheduled:
            return
        self.articles_scheduled = True
        for key, captures in self.pending.items():
            for row in sorted(captures.values(), key=lambda r: r.timestamp, reverse=True):
                self.crawler.engine.crawl(self.capture_request(row.timestamp, row.original, self.parse_capture,
                                                               key=key))
        raise DontCloseSpider

    def parse_capture(self, response, key: str):
        self.crawler.stats.inc_value("mip/article_pages")
        ref = parse_archive_url(response.url)
        text = capture_text(response.body, response.headers.get(b"Content-Type"))
        if ref is None or is_soft_404(text):
            self.crawler.stats.inc_value("mip/soft_404")
            return
        item, section = self.listed.get(key, (None, None))
        try:
            article = parse_capture(text, ref.original, section_hint=section)
        except ParseError as error:
            self.crawler.stats.inc_value("mip/not_article")
            self.logger.info("skipped %s: %s", response.url, error)
            return
        article.capture = Capture(timestamp=ref.timestamp, original_url=ref.original,
                                  archive_url=id_url(self.wayback_url, ref.timestamp, ref.original))
        yield fill_from_listing(article, item)

    def on_error(self, failure):
        note_failure(self.crawler.stats, self.logger, failure)
