"""Walks the news and magazine listings of the union's current site, page by page, and follows every article."""

from __future__ import annotations

from urllib.parse import urlsplit

import scrapy

from mip_archive.crawl import fill_from_listing, note_failure
from mip_archive.items import ParseError
from mip_archive.parse import parse_article, parse_listing
from mip_archive.settings import SiteSettings, site_settings


class SiteSpider(scrapy.Spider):
    name = "site"

    def __init__(self, base_url: str | None = None, sections: str = "news,magazine",
                 site: SiteSettings | None = None, **kwargs):
        super().__init__(**kwargs)
        self.site = site or site_settings(base_url)
        self.sections = tuple(s for s in sections.split(",") if s)
        self.allowed_domains = [urlsplit(self.site.base_url).hostname]

    async def start(self):
        for section, url in self.site.listing_urls(self.sections):
            yield scrapy.Request(url, callback=self.parse_listing, errback=self.on_error,
                                 cb_kwargs={"section": section}, meta={"mip_kind": "listing"})

    def parse_listing(self, response, section: str):
        listing = parse_listing(response.body, response.url)
        self.crawler.stats.inc_value("mip/listing_pages")
        if not listing.items:
            self.crawler.stats.inc_value("mip/empty_listings")
            self.logger.warning("listing %s holds no articles", response.url)
        for item in listing.items:
            yield response.follow(item.url, callback=self.parse_article, errback=self.on_error,
                                  cb_kwargs={"section_hint": section, "listing_item": item},
                                  meta={"mip_kind": "article"})
        if listing.next_url:
            yield response.follow(listing.next_url, callback=self.parse_listing, errback=self.on_error,
                                  cb_kwargs={"section": section}, meta={"mip_kind": "listing"})

    def parse_article(self, response, section_hint: str, listing_item=None):
        self.crawler.stats.inc_value("mip/article_pages")
        try:
            article = parse_article(response.body, response.url, section_hint=section_hint,
                                    encoding=getattr(response, "encoding", None))
        except ParseError as error:
            self.crawler.stats.inc_value("mip/not_article")
            self.logger.warning("skipped %s: %s", response.url, error)
            return
        yield fill_from_listing(article, listing_item)

    def on_error(self, failure):
        note_failure(self.crawler.stats, self.logger, failure)
