"""The Wayback recovery job: run the Wayback spider into the archive, with a ``crawl_runs`` row (source "wayback").

Polite to web.archive.org by default (one request at a time, ``DOWNLOAD_DELAY`` ≥ 1.5 s, AutoThrottle, 429/503
``Retry-After`` honoured); relaxed automatically when the archive is a replica on the loopback interface. Re-running
resumes: article pages already recovered from a capture are not fetched again.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from scrapy.settings import Settings

from mip_archive.crawl import crawl_counts, is_local, run_spider, scrapy_settings_for
from mip_archive.jobs import JobResult, finish_job
from mip_archive.normalise import url_key
from mip_archive.settings import site_settings
from mip_archive.store import open_db
from mip_archive.store.runs import start_run

log = logging.getLogger(__name__)

DEFAULT_HOSTS = ("www.miphealth.org.uk", "miphealth.org.uk")
POLITE = {"CONCURRENT_REQUESTS": 1, "CONCURRENT_REQUESTS_PER_DOMAIN": 1, "DOWNLOAD_DELAY": 1.5,
          "AUTOTHROTTLE_ENABLED": True, "AUTOTHROTTLE_START_DELAY": 1.5, "MIP_RETRY_AFTER_CAP": 300.0}
LOCAL = {"MIP_BACKOFF_BASE": 0.05, "MIP_BACKOFF_MAX": 1.0}
WAYBACK_PIPELINES = {"mip_archive.pipelines.WaybackStorePipeline": 300}
MIDDLEWARES = {"mip_archive.middlewares.RetryAfterMiddleware": 560, "mip_archive.warc.WarcCaptureMiddleware": 610}


def wayback_settings(wayback_url: str, db_path: str, *, verbose: bool = False, overrides: dict | None = None) -> Settings:
    settings = scrapy_settings_for(site_settings(wayback_url), db_path, verbose=verbose)
    settings.setdict({"ITEM_PIPELINES": WAYBACK_PIPELINES, "DOWNLOADER_MIDDLEWARES": MIDDLEWARES,
                      "RETRY_HTTP_CODES": [], "ROBOTSTXT_OBEY": False}, priority="cmdline")
    settings.setdict(LOCAL if is_local(wayback_url) else POLITE, priority="cmdline")
    if overrides:
        settings.setdict(overrides, priority="cmdline")
    return settings


def recovered_keys(db) -> frozenset[str]:
    """URL keys of the pages already recovered from a capture: the next run does not fetch them again."""
    rows = db.query("select url from article_urls where capture_timestamp is not null")
    return frozenset(url_key(row["url"]) for row in rows)


def wayback_job(db_path: Path, wayback_url: str, year_from: int | None = None, year_to: int | None = None, *,
                hosts: tuple[str, ...] = DEFAULT_HOSTS, verbose: bool = False, enrich: bool = False,
                progress=None, settings_overrides: dict | None = None) -> JobResult:
    """Recover the union's 2013–2024 pages from the archive at ``wayback_url`` into the archive at ``db_path``."""
    from spiders.wayback import WaybackSpider

    started = time.monotonic()
    db = open_db(db_path)
    known = recovered_keys(db)
    run_id = start_run(db, command="crawl", source="wayback", base_url=wayback_url)
    db.close()
    stats = run_spider(WaybackSpider, wayback_settings(wayback_url, str(db_path), verbose=verbose,
                                                       overrides=settings_overrides),
                       wayback_url=wayback_url, year_from=year_from, year_to=year_to, hosts=",".join(hosts),
                       known=known)
    result = JobResult(command="crawl", status="ok", counts=crawl_counts(stats))
    if not stats.get("mip/cdx_pages"):
        reason = stats.get("mip/last_error") or "no CDX answer"
        result.status, result.error = "failed", f"could not query the Wayback Machine at {wayback_url}: {reason}"
    details = {"source": "wayback", "from": year_from, "to": year_to, "hosts": list(hosts),
               "merged": stats.get("mip/merged", 0), "soft_404": stats.get("mip/soft_404", 0),
               "listing_pages": stats.get("mip/listing_pages", 0), "resumed_skips": len(known)}
    return finish_job(db_path, run_id, result, started=started, enrich=enrich, progress=progress, details=details)
