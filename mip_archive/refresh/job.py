"""`refresh_job`: one incremental run, under the run lock, with a `crawl_runs` row, a summary line and an outcome
that tells cron whether to alert (see :data:`EXIT_CODES`)."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

from mip_archive.crawl import crawl_counts, is_local, run_spider, scrapy_settings_for
from mip_archive.jobs import JobResult, enrich_stage
from mip_archive.lock import RunLock, lock_path_for
from mip_archive.refresh.breaker import CircuitBreaker
from mip_archive.refresh.layout import LayoutWatch
from mip_archive.refresh.planner import LAST_SWEEP, SINCE, RefreshPlan, build_plan, sweep_due
from mip_archive.refresh.rules import Limits
from mip_archive.settings import SiteSettings
from mip_archive.store import http_cache, open_db
from mip_archive.store.runs import close_interrupted, finish_run, now_iso, start_run

log = logging.getLogger(__name__)

# Status → exit code: 0 all good; 1 the run failed (layout changed, nothing reachable); 3 the site is down (circuit
# breaker); 4 some pages failed (kept for the next run, which retries them); 75 another run holds the lock.
EXIT_CODES = {"ok": 0, "failed": 1, "site-down": 3, "partial": 4, "locked": 75}
WARC_MIDDLEWARE = "mip_archive.warc.WarcCaptureMiddleware"
RETRY_MIDDLEWARE = "mip_archive.middlewares.RetryAfterMiddleware"
STAY_ON_SITE = "mip_archive.middlewares.StayOnSiteMiddleware"


@dataclass
class RefreshOptions:
    sweep_every_days: float = 7.0
    sweep_size: int = 50
    enrich: bool = True
    warc_dir: Path | None = None  # default: <db directory>/warc
    sections: tuple[str, ...] = ("news", "magazine")
    breaker_threshold: int = 5


@dataclass
class RefreshResult(JobResult):
    skipped_by: dict = field(default_factory=dict)  # skip reason -> pages ("robots", "too_large", ...)

    def summary(self) -> str:
        c = self.counts
        extra = f"; {c.get('withdrawn', 0)} withdrawn, {c.get('not_modified', 0)} not modified (304)"
        text = super().summary()
        head, sep, tail = text.partition(" — ")
        return head + extra + sep + tail


def warc_dir_for(db_path: Path, options: RefreshOptions) -> Path:
    return Path(options.warc_dir) if options.warc_dir else Path(db_path).parent / "warc"


def refresh_settings(site: SiteSettings, db_path: Path, warc_dir: Path, *, verbose: bool = False):
    """The crawl's settings plus WARC capture, Retry-After/backoff retries and the refresh's pipeline."""
    settings = scrapy_settings_for(site, str(db_path), verbose=verbose)
    settings.set("ITEM_PIPELINES", {"mip_archive.refresh.pipeline.RefreshStorePipeline": 300}, priority="cmdline")
    settings.set("DOWNLOADER_MIDDLEWARES", {STAY_ON_SITE: 55, RETRY_MIDDLEWARE: 560, WARC_MIDDLEWARE: 610},
                 priority="cmdline")
    settings.set("RETRY_HTTP_CODES", [], priority="cmdline")
    settings.set("MIP_WARC_DIR", str(warc_dir), priority="cmdline")
    if is_local(site.base_url):
        settings.setdict({"MIP_BACKOFF_BASE": 0.05, "MIP_BACKOFF_MAX": 0.5, "MIP_RETRY_TIMES": 3}, priority="cmdline")
    return settings


def refresh_job(db_path: Path, site: SiteSettings, *, sweep: bool = False, verbose: bool = False,
                options: RefreshOptions | None = None) -> JobResult:
    """Fetch what changed on ``site`` since the last run into the archive at ``db_path`` (see docs/SCHEDULING.md)."""
    options = options or RefreshOptions()
    with RunLock(lock_path_for(db_path), command="refresh"):
        return _refresh(Path(db_path), site, sweep, verbose, options)


def _refresh(db_path: Path, site: SiteSettings, sweep: bool, verbose: bool, options: RefreshOptions) -> JobResult:
    from spiders.refresh import RefreshSpider

    started = time.monotonic()
    db = open_archive(db_path)
    close_interrupted(db)
    run_id = start_run(db, command="refresh", source="live", base_url=site.base_url)
    with db.atomic():
        swept = sweep or sweep_due(db, options.sweep_every_days)
    plan = build_plan(db, site.base_url, site.listing_urls(options.sections),
                      sweep_size=options.sweep_size if swept else 0)
    plan.sweep = [dict(entry, url=rebase(entry["url"], site.base_url)) for entry in plan.sweep]
    db.close()
    stats = run_spider(RefreshSpider, refresh_settings(site, db_path, warc_dir_for(db_path, options), verbose=verbose),
                       plan=plan, limits=Limits(site.max_page_bytes), layout=LayoutWatch(),
                       breaker=CircuitBreaker(options.breaker_threshold))
    result = RefreshResult(command="refresh", status="ok", counts=refresh_counts(stats))
    result.status, result.error = judge(stats, plan)
    result.skipped_by = {k.rsplit("/", 1)[1]: v for k, v in stats.items() if k.startswith("mip/skipped/")}
    return _finish(db_path, run_id, result, plan, swept, options, started)


def _finish(db_path, run_id, result, plan, swept, options, started) -> JobResult:
    db = open_archive(db_path)
    try:
        if result.status == "ok":
            save_notes(db, plan, swept)
        if options.enrich and result.status in ("ok", "partial") and (result.counts["new"] or result.counts["updated"]):
            result.enriched = enrich_stage(db)
        result.seconds = time.monotonic() - started
        result.total_articles = db["articles"].count
        finish_run(db, run_id, status=result.status, counts=result.counts,
                   details={"error": result.error, "signal": plan.notes.signal, "swept": len(plan.sweep),
                            "enriched": result.enriched, "since": plan.since,
                            "skipped_by": result.skipped_by})
    finally:
        db.close()
    log.info(result.summary())
    return result


def open_archive(db_path: Path):
    db = open_db(db_path)
    http_cache.migrations.apply(db)  # until store.migration_sets() lists it (idempotent either way)
    return db


def refresh_counts(stats: dict) -> dict:
    counts = crawl_counts(stats)
    counts["unchanged"] += stats.get("mip/checked", 0)
    counts.update(withdrawn=stats.get("mip/withdrawn", 0), not_modified=stats.get("mip/not_modified", 0))
    return counts


def judge(stats: dict, plan: RefreshPlan) -> tuple[str, str | None]:
    """The run's status and, when not ok, the one-line reason."""
    notes = plan.notes
    if notes.site_down:
        return "site-down", notes.site_down
    if notes.layout_problem:
        return "failed", notes.layout_problem
    if plan.listing_urls and not stats.get("mip/listing_pages"):
        reason = stats.get("mip/last_error") or "no listing page could be fetched"
        return "site-down", f"could not reach {plan.base_url}: {reason}"
    errors = stats.get("spider_exceptions/count", 0)
    if errors:
        return "failed", f"{errors} pages raised an internal error (see the log); the next run retries them"
    if stats.get("mip/failed"):
        return "partial", f"{stats['mip/failed']} requests failed (last: {stats.get('mip/last_error')}); " \
                          "the next run retries them"
    return "ok", None


def save_notes(db, plan: RefreshPlan, swept: bool) -> None:
    """After a good run only: listing validators (a 304 next time), the signals' mark, the sweep's date."""
    with db.atomic():
        for url, seen in plan.notes.listing_validators.items():
            if url in plan.notes.unsettled_listings:
                http_cache.forget(db, url)
                continue
            http_cache.remember(db, url, kind=seen["kind"], status=seen["status"], etag=seen.get("etag"),
                                last_modified=seen.get("last_modified"))
        if plan.notes.high_water and plan.notes.signal:
            http_cache.set_state(db, SINCE, plan.notes.high_water)
        if swept:
            http_cache.set_state(db, LAST_SWEEP, now_iso())


def rebase(url: str, base_url: str) -> str:
    """The same path on ``base_url`` (a replica on another port, or the site moved to https)."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return base_url.rstrip("/") + (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
