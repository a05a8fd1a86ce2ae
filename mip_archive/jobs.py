"""The jobs the CLI runs: crawl a site into the archive (then enrich), with a `crawl_runs` row and a summary."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from mip_archive.crawl import (
    CrawlError,
    check_outcome,
    crawl_counts,
    run_spider,
    scrapy_settings_for,
)
from mip_archive.settings import SiteSettings
from mip_archive.store import open_db
from mip_archive.store.runs import close_interrupted, finish_run, start_run

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

    def combine(self, other: "JobResult") -> "JobResult":
        """The result of two jobs run one after the other on the same archive."""
        counts = {key: self.counts.get(key, 0) + other.counts.get(key, 0) for key in {*self.counts, *other.counts}}
        errors = "; ".join(e for e in (self.error, other.error) if e) or None
        return JobResult(command=self.command, status="ok" if self.status == other.status == "ok" else "failed",
                         counts=counts, enriched=self.enriched + other.enriched, seconds=self.seconds + other.seconds,
                         error=errors, total_articles=max(self.total_articles, other.total_articles))


def crawl_job(db_path: Path, site: SiteSettings, sections: tuple[str, ...], *, enrich: bool = True,
              verbose: bool = False, progress=None) -> JobResult:
    """Crawl the listings of `sections` on `site` into the archive at `db_path`, then enrich what changed.

    Holds the archive's run lock, so a crawl never runs beside a refresh or a rebuild of the same archive."""
    from mip_archive.lock import RunLock, lock_path_for

    with RunLock(lock_path_for(db_path), command="crawl"):
        return _crawl_job(db_path, site, sections, enrich=enrich, verbose=verbose, progress=progress)


def _crawl_job(db_path: Path, site: SiteSettings, sections: tuple[str, ...], *, enrich: bool,
               verbose: bool, progress) -> JobResult:
    from spiders.site import SiteSpider

    started = time.monotonic()
    db = open_db(db_path)
    close_interrupted(db)
    run_id = start_run(db, command="crawl", source="live", base_url=site.base_url)
    db.close()
    stats = run_spider(SiteSpider, scrapy_settings_for(site, str(db_path), verbose=verbose),
                       site=site, sections=",".join(sections))
    result = JobResult(command="crawl", status="ok", counts=crawl_counts(stats))
    try:
        check_outcome(stats, site.base_url)
    except CrawlError as error:
        result.status, result.error = "failed", str(error)
    return finish_job(db_path, run_id, result, started=started, enrich=enrich, progress=progress,
                      details={"sections": list(sections)})


def finish_job(db_path: Path, run_id: int, result: JobResult, *, started: float, enrich: bool, progress=None,
               details: dict | None = None) -> JobResult:
    """After a crawl: enrich what changed (if the crawl worked), then close the run's `crawl_runs` row."""
    db = open_db(db_path)
    try:
        if enrich and result.status == "ok":
            result.enriched = enrich_stage(db, progress=progress)
        result.seconds = time.monotonic() - started
        result.total_articles = db["articles"].count
        finish_run(db, run_id, status=result.status, counts=result.counts,
                   details={**(details or {}), "error": result.error, "enriched": result.enriched})
    finally:
        db.close()
    return result


def enrich_stage(db, *, progress=None, batch_size: int = 32) -> int:
    """Enrich what changed; when anything did, refresh the planner's statistics so the served queries stay fast."""
    from mip_archive.enrich import enrich_articles
    from mip_archive.store.maintenance import optimize

    done = enrich_articles(db, batch_size=batch_size, progress=progress)
    if done:
        optimize(db)
    return done


def crawl_sources(db_path: Path, *, source: str, site: SiteSettings, sections: tuple[str, ...], wayback_url: str,
                  years: tuple[int | None, int | None], enrich: bool = True, verbose: bool = False,
                  progress=None) -> JobResult:
    """Crawl the live site, the Wayback Machine, or both ("all": live first, so statements keep their live URL)."""
    if source == "live":
        return crawl_job(db_path, site, sections, enrich=enrich, verbose=verbose, progress=progress)
    if source == "wayback":
        from mip_archive.wayback.job import wayback_job

        return wayback_job(db_path, wayback_url, *years, verbose=verbose, enrich=enrich, progress=progress)
    live = crawl_job(db_path, site, sections, enrich=False, verbose=verbose)
    result = live.combine(wayback_in_child(db_path, wayback_url, years, verbose=verbose))
    if enrich and result.status == "ok":
        db = open_db(db_path)
        try:
            result.enriched = enrich_stage(db, progress=progress)
            result.total_articles = db["articles"].count
        finally:
            db.close()
    return result


def wayback_in_child(db_path: Path, wayback_url: str, years: tuple[int | None, int | None], *,
                     verbose: bool = False) -> JobResult:
    """Scrapy's reactor runs once per process: a second crawl in the same command runs in a child process."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "result.json"
        args = [sys.executable, "-m", "mip_archive", *(["-v"] if verbose else []), "crawl", "--source", "wayback",
                "--wayback-url", wayback_url, "--db", str(db_path), "--no-enrich", "--result-json", str(out)]
        args += [arg for flag, year in zip(("--from", "--to"), years) if year for arg in (flag, str(year))]
        child = subprocess.run(args, stdout=subprocess.DEVNULL, check=False)
        if not out.exists():
            return JobResult(command="crawl", status="failed", error=f"the Wayback crawl ended with code {child.returncode}")
        return JobResult(**json.loads(out.read_text()))
