"""The jobs the CLI runs: crawl a site into the archive (then enrich), with a `crawl_runs` row and a summary."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

from mip_archive.crawl import CrawlError, check_outcome, crawl_counts, run_spider, scrapy_settings_for
from mip_archive.settings import SiteSettings
from mip_archive.store import open_db
from mip_archive.store.runs import finish_run, start_run

log = logging.getLogger(__name__)


@dataclass
class JobResult:
    command: str
    status: str  # "ok", "failed"
    counts: dict = field(default_factory=dict)
    enriched: int = 0
    seconds: float = 0.0
    error: str | None = None
    total_articles: int = 0

    def summary(self) -> str:
        c = self.counts
        text = (f"{self.command} {self.status}: {self.total_articles} articles in the archive; "
                f"{c.get('new', 0)} new, {c.get('updated', 0)} updated, {c.get('unchanged', 0)} unchanged, "
                f"{c.get('failed', 0)} failed, {c.get('skipped', 0)} skipped, {c.get('warnings', 0)} warnings; "
                f"{c.get('requests', 0)} requests, {c.get('bytes', 0) // 1024} KiB; "
                f"{self.enriched} enriched; {self.seconds:.1f}s")
        return text + (f" — {self.error}" if self.error else "")


def crawl_job(db_path: Path, site: SiteSettings, sections: tuple[str, ...], *, enrich: bool = True,
              verbose: bool = False, progress=None) -> JobResult:
    """Crawl the listings of `sections` on `site` into the archive at `db_path`, then enrich what changed."""
    from spiders.site import SiteSpider

    started = time.monotonic()
    db = open_db(db_path)
    run_id = start_run(db, command="crawl", source="live", base_url=site.base_url)
    db.close()
    stats = run_spider(SiteSpider, scrapy_settings_for(site, str(db_path), verbose=verbose),
                       site=site, sections=",".join(sections))
    result = JobResult(command="crawl", status="ok", counts=crawl_counts(stats))
    try:
        check_outcome(stats, site.base_url)
    except CrawlError as error:
        result.status, result.error = "failed", str(error)
    db = open_db(db_path)
    try:
        if enrich and result.status == "ok":
            result.enriched = enrich_stage(db, progress=progress)
        result.seconds = time.monotonic() - started
        result.total_articles = db["articles"].count
        finish_run(db, run_id, status=result.status, counts=result.counts,
                   details={"sections": list(sections), "error": result.error, "enriched": result.enriched})
    finally:
        db.close()
    return result


def enrich_stage(db, *, progress=None, batch_size: int = 32) -> int:
    from mip_archive.enrich import enrich_articles

    return enrich_articles(db, batch_size=batch_size, progress=progress)
