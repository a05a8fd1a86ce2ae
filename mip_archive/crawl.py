"""Running the spiders: Scrapy settings for a target, one CrawlerProcess per process, and the run's counts.

Scrapy's reactor cannot restart inside one process, so each CLI command runs at most one `CrawlerProcess`.
"""

from __future__ import annotations

import dataclasses
import ipaddress
import logging
import sys
from pathlib import Path
from urllib.parse import urlsplit

from scrapy.settings import Settings

from mip_archive import scrapy_settings
from mip_archive.items import Article
from mip_archive.normalise import parse_date
from mip_archive.settings import SiteSettings

log = logging.getLogger(__name__)


class CrawlError(RuntimeError):
    """The crawl could not do its job (site unreachable, layout changed...). The message is for users."""


def is_local(base_url: str) -> bool:
    host = urlsplit(base_url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def scrapy_settings_for(site: SiteSettings, db_path: str, *, verbose: bool = False) -> Settings:
    settings = Settings()
    settings.setmodule(scrapy_settings, priority="project")
    settings.set("MIP_DB", str(db_path))
    settings.set("MIP_WARC_DIR", str(Path(db_path).parent / "warc"))
    settings.set("USER_AGENT", site.user_agent)
    settings.set("DOWNLOAD_MAXSIZE", site.max_page_bytes)
    settings.set("DOWNLOAD_TIMEOUT", site.timeout_seconds)
    settings.set("LOG_LEVEL", "INFO" if verbose else "WARNING")
    settings.set("MIP_LIVE_PROGRESS", sys.stderr.isatty() and not verbose)
    if is_local(site.base_url):
        # Our own replica on the loopback interface: no need to be gentle with it.
        settings.setdict({"AUTOTHROTTLE_ENABLED": False, "DOWNLOAD_DELAY": 0, "CONCURRENT_REQUESTS": 16,
                          "CONCURRENT_REQUESTS_PER_DOMAIN": 8, "RETRY_TIMES": 2,
                          "MIP_BACKOFF_BASE": 0.05, "MIP_BACKOFF_MAX": 1.0}, priority="cmdline")
    return settings


def run_spider(spider_cls, settings: Settings, **spider_kwargs) -> dict:
    """Run one spider to completion in this process; return Scrapy's stats (including our `mip/...` counters)."""
    from scrapy.crawler import CrawlerProcess

    settings.set("LOG_INSTALL_ROOT_HANDLER", False)
    process = CrawlerProcess(settings)
    quiet_scrapy(settings.get("LOG_LEVEL"))
    crawler = process.create_crawler(spider_cls)
    process.crawl(crawler, **spider_kwargs)
    process.start()
    return dict(crawler.stats.get_stats() or {})


def quiet_scrapy(level: str) -> None:
    """Scrapy resets its loggers to DEBUG when it starts; our CLI's handlers should only see what was asked for."""
    for name in ("scrapy", "twisted", "py.warnings", "filelock"):
        logging.getLogger(name).setLevel(level)


def fill_from_listing(article: Article, listing_item) -> Article:
    """A date printed only on the listing fills an article page that has none (and says so)."""
    if article.published or listing_item is None or not getattr(listing_item, "date", None):
        return article
    published = parse_date(listing_item.date)
    if not published:
        return article
    warnings = [w for w in article.warnings if not w.startswith("date")]
    return dataclasses.replace(article, published=published, published_raw=listing_item.date,
                               date_source="listing", warnings=warnings)


def note_failure(stats, logger, failure) -> None:
    """Count and log a request that failed (network error, timeout, HTTP error after retries)."""
    request = getattr(failure, "request", None)
    response = getattr(failure.value, "response", None)
    kind = request.meta.get("mip_kind", "page") if request is not None else "page"
    reason = f"HTTP {response.status}" if response is not None else failure.getErrorMessage() or failure.type.__name__
    stats.inc_value("mip/failed")
    stats.inc_value(f"mip/failed_{kind}")
    if response is not None and response.status in (404, 410):
        stats.inc_value("mip/gone")
    stats.set_value("mip/last_error", reason)
    logger.warning("failed %s %s: %s", kind, request.url if request is not None else "?", reason)


def crawl_counts(stats: dict) -> dict:
    """Scrapy's stats → the counters of a `crawl_runs` row."""
    get = stats.get
    return {
        "requests": get("downloader/request_count", 0),
        "pages_fetched": get("downloader/response_count", 0),
        "bytes": get("downloader/response_bytes", 0),
        "new": get("mip/new", 0),
        "updated": get("mip/updated", 0),
        "unchanged": get("mip/unchanged", 0),
        "failed": get("mip/failed", 0),
        "skipped": get("mip/not_article", 0) + get("mip/skipped", 0),
        "warnings": get("mip/warnings", 0),
    }


def check_outcome(stats: dict, base_url: str) -> None:
    """Fail loudly when the crawl clearly did not work, instead of reporting an empty success."""
    if not stats.get("mip/listing_pages"):
        reason = stats.get("mip/last_error") or "no listing page could be fetched"
        raise CrawlError(f"could not crawl {base_url}: {reason}")
    if stats.get("mip/empty_listings") and not stats.get("mip/article_pages"):
        raise CrawlError(f"the site's layout seems to have changed: the listings at {base_url} yielded no articles")
