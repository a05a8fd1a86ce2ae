"""Crawl progress: a live line on a terminal (Rich), a plain log line every few seconds in cron logs.

A Scrapy extension, enabled by the CLI: it counts pages fetched and articles stored from Scrapy's signals.
"""

from __future__ import annotations

import logging
import time

from scrapy import signals

log = logging.getLogger("mip_archive")


class CrawlProgress:
    def __init__(self, stats, *, live: bool, interval: float):
        self.stats = stats
        self.live = live
        self.interval = interval
        self.last_log = time.monotonic()
        self.progress = None
        self.task = None

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        extension = cls(crawler.stats, live=settings.getbool("MIP_LIVE_PROGRESS"),
                        interval=settings.getfloat("MIP_PROGRESS_INTERVAL", 10.0))
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.update, signal=signals.response_received)
        crawler.signals.connect(extension.update, signal=signals.item_scraped)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_opened(self, spider=None):
        if self.live:
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self.progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                                     transient=True)
            self.progress.start()
            self.task = self.progress.add_task("crawling…")

    def describe(self) -> str:
        get = self.stats.get_value
        stored = sum(get(f"mip/{k}", 0) for k in ("new", "updated", "unchanged"))
        return (f"{get('downloader/response_count', 0)} pages fetched, {stored} articles stored "
                f"({get('mip/new', 0)} new, {get('mip/updated', 0)} updated), {get('mip/failed', 0)} failed")

    def update(self, *args, **kwargs):
        if self.progress is not None:
            self.progress.update(self.task, description=self.describe())
        elif time.monotonic() - self.last_log >= self.interval:
            self.last_log = time.monotonic()
            log.info("crawl progress: %s", self.describe())

    def spider_closed(self, spider=None, reason=None):
        if self.progress is not None:
            self.progress.stop()
