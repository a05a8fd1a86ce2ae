"""The nightly refresh: fetches only what changed, following a :class:`~mip_archive.refresh.planner.RefreshPlan`.

Navigation only: the change signal (REST API → sitemap → feed, first that answers), the listings newest first until
a page holds nothing new, the articles those name, and the sweep's sample; every request conditional when the
archive has validators for it. Deciding what is new, checking pages and storing them live in ``mip_archive``.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import scrapy
from scrapy.exceptions import CloseSpider

from mip_archive.crawl import fill_from_listing, note_failure
from mip_archive.items import ParseError
from mip_archive.parse import parse_article, parse_listing
from mip_archive.refresh import signals as S
from mip_archive.refresh.breaker import CircuitBreaker
from mip_archive.refresh.fetching import classify_failure, header, page_seen, validators_of
from mip_archive.refresh.layout import LayoutWatch, empty_listing
from mip_archive.refresh.planner import RefreshPlan, listing_decision
from mip_archive.refresh.rules import Limits, Skip, check_page

ARTICLE_STATUSES = [304, 404, 410]


def signal_body(response, parse):
    """A change signal's answer, parsed; anything but a 200 means the site does not offer that signal."""
    if response.status != 200:
        raise S.SignalUnavailable(f"HTTP {response.status}")
    return parse(response.body)


class RefreshSpider(scrapy.Spider):
    name = "refresh"

    def __init__(self, plan: RefreshPlan, limits: Limits = Limits(), breaker: CircuitBreaker | None = None,
                 layout: LayoutWatch | None = None, **kwargs):
        super().__init__(**kwargs)
        self.plan, self.limits = plan, limits
        self.breaker = breaker or CircuitBreaker()
        self.layout = layout or LayoutWatch()
        host = urlsplit(plan.base_url).hostname or ""
        self.allowed_domains = [host.removeprefix("www.")]  # the site with and without www.

    # -- requests ----------------------------------------------------------------------------------------------
    def _get(self, url: str, callback, kind: str, *, statuses=(304,), conditional: bool = True,
             **cb_kwargs) -> scrapy.Request:
        headers = self.plan.headers_for(url) if conditional else {}
        return scrapy.Request(url, callback=callback, errback=self.on_error, headers=headers, cb_kwargs=cb_kwargs,
                              meta={"mip_kind": kind, "handle_httpstatus_list": list(statuses)})

    def article_request(self, url: str, section: str | None = None, listing_item=None,
                        listing_url: str | None = None) -> scrapy.Request:
        request = self._get(url, self.parse_article, "article", statuses=ARTICLE_STATUSES, section_hint=section,
                            listing_item=listing_item)
        request.meta["mip_listing"] = listing_url
        return request

    async def start(self):
        if self.plan.since:
            yield self._signal_request("rest")
        for section, url in self.plan.listing_urls:
            yield self._get(url, self.parse_listing, "listing", section=section)
        for entry in self.plan.sweep:
            self.crawler.stats.inc_value("mip/sweep_checked")
            yield self.article_request(entry["url"], entry["section"])

    def _signal_request(self, signal: str) -> scrapy.Request:
        url = self.plan.base_url + S.SIGNAL_PATHS[signal]
        if signal == "rest":
            return self._get(S.rest_url(self.plan.base_url, self.plan.since), self.parse_rest, "api",
                             statuses=(400, 404), page=1)
        if signal == "feed":
            return self._get(url, self.parse_feed, "feed", statuses=(304, 404))
        # A sitemap index is always fetched whole: it can stay the same while the sitemaps it names change.
        return self._get(url, self.parse_sitemap, "sitemap", statuses=(304, 404), conditional=False, signal=signal)

    def _fallback(self, signal: str, reason: str):
        self.logger.info("change signal %s unavailable (%s)", signal, reason)
        later = S.SIGNAL_ORDER[S.SIGNAL_ORDER.index(signal) + 1:]
        if later:
            yield self._signal_request(later[0])

    # -- change signals ----------------------------------------------------------------------------------------
    def parse_rest(self, response, page: int):
        self.breaker.success()
        try:
            changes = signal_body(response, S.parse_rest)
        except S.SignalUnavailable as error:
            yield from self._fallback("rest", str(error))
            return
        self.plan.notes.signal = "rest"
        if page == 1:
            total = S.rest_total_pages(header(response, "X-WP-TotalPages"))
            for n in range(2, total + 1):
                yield self._get(S.rest_url(self.plan.base_url, self.plan.since, n), self.parse_rest, "api",
                                statuses=(400, 404), page=n)
        yield from self._changed_articles(changes)

    def parse_sitemap(self, response, signal: str):
        self.breaker.success()
        if response.status == 304:
            self._defer_validators(response, "sitemap")
            return
        try:
            children, entries = signal_body(response, S.parse_sitemap)
        except S.SignalUnavailable as error:
            yield from self._fallback(signal, str(error))
            return
        self.plan.notes.signal = signal
        self._defer_validators(response, "sitemap")
        for child in children:
            yield self._get(child, self.parse_sitemap, "sitemap", statuses=(304, 404), signal=signal)
        yield from self._changed_articles(entries)

    def parse_feed(self, response):
        self.breaker.success()
        if response.status == 304:
            self.plan.notes.signal = "feed"
            self._defer_validators(response, "feed")
            return
        try:
            links = signal_body(response, S.parse_feed)
        except S.SignalUnavailable as error:
            yield from self._fallback("feed", str(error))
            return
        self.plan.notes.signal = "feed"
        self._defer_validators(response, "feed")
        for change in links:
            if not self.plan.is_known(change.url):
                yield self.article_request(change.url)

    def _changed_articles(self, changes: list[S.Change]):
        fresh = S.changed_since(changes, self.plan.since)
        self.plan.notes.high_water = S.high_water(fresh + [S.Change("", self.plan.notes.high_water)], self.plan.since)
        self.crawler.stats.inc_value("mip/signal_changes", len(fresh))
        for change in fresh:
            yield self.article_request(change.url)

    # -- listings ----------------------------------------------------------------------------------------------
    def parse_listing(self, response, section: str):
        self.breaker.success()
        self.crawler.stats.inc_value("mip/listing_pages")
        self._defer_validators(response, "listing")
        if response.status == 304:
            self.crawler.stats.inc_value("mip/not_modified")
            return
        listing = parse_listing(response.body, response.url)
        if not listing.items:
            self.plan.notes.layout_problem = empty_listing(response.url)
            raise CloseSpider("layout_changed")
        to_fetch, keep_paging = listing_decision([item.url for item in listing.items], self.plan)
        wanted = set(to_fetch)
        for item in listing.items:
            if item.url in wanted:
                yield self.article_request(response.urljoin(item.url), section, item, response.url)
        if keep_paging and listing.next_url:
            yield self._get(response.urljoin(listing.next_url), self.parse_listing, "listing", section=section)

    def _defer_validators(self, response, kind: str) -> None:
        """Listing and signal validators are saved only when the whole run succeeds (see the job)."""
        self.plan.notes.listing_validators[response.url] = {"kind": kind, "status": response.status,
                                                            **validators_of(response)}

    # -- articles ----------------------------------------------------------------------------------------------
    def parse_article(self, response, section_hint: str | None = None, listing_item=None):
        self.breaker.success()
        if response.status != 200:
            self.crawler.stats.inc_value("mip/not_modified" if response.status == 304 else "mip/gone_pages")
            yield page_seen(response)
            return
        self.crawler.stats.inc_value("mip/article_pages")
        try:
            encoding = check_page(response.body, response.headers.get("Content-Type", b"").decode("latin-1"),
                                  self.limits)
            article = parse_article(response.body, response.url, section_hint=section_hint, encoding=encoding)
        except Skip as skip:
            self._skipped(skip.kind, response.url, str(skip), response.meta)
            return
        except ParseError as error:
            self.crawler.stats.inc_value("mip/not_article")
            self.logger.warning("skipped %s: %s", response.url, error)
            self.layout.failed(str(error))
            self._check_layout()
            return
        self.layout.parsed(article)
        self._check_layout()
        yield page_seen(response, fill_from_listing(article, listing_item))

    def _check_layout(self) -> None:
        problem = self.layout.problem()
        if problem:
            self.plan.notes.layout_problem = problem
            raise CloseSpider("layout_changed")

    def _skipped(self, kind: str, url: str, reason: str, meta: dict) -> None:
        self._unsettle(meta)
        self.crawler.stats.inc_value("mip/skipped")
        self.crawler.stats.inc_value(f"mip/skipped/{kind}")
        self.logger.warning("skipped %s: %s", url, reason)

    def _unsettle(self, meta: dict) -> None:
        """A listing whose article was not stored must be read again next time (no validators saved for it)."""
        if meta.get("mip_listing"):
            self.plan.notes.unsettled_listings.add(meta["mip_listing"])

    def on_error(self, failure):
        skip = classify_failure(failure)
        if skip is not None:
            self._skipped(skip.kind, failure.request.url, str(skip), failure.request.meta)
            return
        self._unsettle(failure.request.meta)
        kind = failure.request.meta.get("mip_kind")
        if kind in ("api", "sitemap", "feed"):
            signal = failure.request.cb_kwargs.get("signal") or {"api": "rest"}.get(kind, kind)
            yield from self._fallback(signal, failure.getErrorMessage() or failure.type.__name__)
        note_failure(self.crawler.stats, self.logger, failure)
        if self.breaker.failure(self.crawler.stats.get_value("mip/last_error")):
            self.plan.notes.site_down = self.breaker.message(self.plan.base_url)
            raise CloseSpider("site_down")
