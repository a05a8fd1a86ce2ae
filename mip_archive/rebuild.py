"""`mip-archive rebuild`: the whole archive again, offline, from the WARC files the crawls and refreshes wrote.

Every article response is replayed in the order it was fetched, through the same checks, parser and store calls
as the refresh, with the fetch time the WARC record carries: the result is the database those runs built (articles,
versions, URLs, withdrawals, article validators), then enriched. Parser improvements reach the whole archive
without fetching a single page.
"""

from __future__ import annotations

import logging
import os
import time
from collections import Counter
from pathlib import Path

from mip_archive.crawl import CrawlError, fill_from_listing
from mip_archive.items import ParseError
from mip_archive.jobs import JobResult, enrich_stage
from mip_archive.lock import RunLock, lock_path_for
from mip_archive.parse import ListingItem, parse_article
from mip_archive.refresh.pipeline import GONE, PageSeen, store_page
from mip_archive.refresh.rules import Limits, Skip, check_page
from mip_archive.store.runs import finish_run, start_run
from mip_archive.warc import Capture, read_captures, warc_files

log = logging.getLogger(__name__)
REPLAYED_STATUSES = (200, 304, *GONE)


def replay(db, capture: Capture, limits: Limits = Limits()) -> str:
    """Store what one captured article response says; returns the outcome (or "skipped", "not_article")."""
    if capture.status not in REPLAYED_STATUSES:
        return "ignored"
    page = PageSeen(url=capture.url, status=capture.status, fetched_at=capture.seen_at)
    if capture.status == 200:
        try:
            encoding = check_page(capture.body, capture.header("Content-Type"), limits)
            article = parse_article(capture.body, capture.url, section_hint=capture.section, encoding=encoding)
        except Skip as skip:
            log.info("skipped %s: %s", capture.url, skip)
            return "skipped"
        except ParseError as error:
            log.info("not an article %s: %s", capture.url, error)
            return "not_article"
        listing_item = ListingItem(capture.url, "", capture.listing_date) if capture.listing_date else None
        page.article = fill_from_listing(article, listing_item)
        page.etag, page.last_modified = capture.header("ETag"), capture.header("Last-Modified")
    with db.atomic():
        return store_page(db, page)


def rebuild_job(db_path: Path, warc_dir: Path, *, enrich: bool = True, replace: bool = False,
                limits: Limits = Limits()) -> JobResult:
    """Rebuild the archive at ``db_path`` from ``warc_dir``; an existing archive is replaced only when asked."""
    db_path, warc_dir = Path(db_path), Path(warc_dir)
    if not warc_files(warc_dir):
        raise CrawlError(f"no WARC files in {warc_dir}: nothing to rebuild from")
    if db_path.exists() and not replace:
        raise CrawlError(f"{db_path} already exists: rebuild into a new file, or pass --replace")
    with RunLock(lock_path_for(db_path), command="rebuild"):
        return _rebuild(db_path, warc_dir, enrich, limits)


def _rebuild(db_path: Path, warc_dir: Path, enrich: bool, limits: Limits) -> JobResult:
    from mip_archive.refresh.job import open_archive

    started = time.monotonic()
    building = db_path.with_name(db_path.name + ".rebuilding")
    remove_database(building)
    db = open_archive(building)
    run_id = start_run(db, command="rebuild", source="warc", base_url=str(warc_dir))
    counts: Counter = Counter()
    for capture in read_captures(warc_dir):
        counts["responses"] += 1
        if capture.kind == "article":
            counts[replay(db, capture, limits)] += 1
    result = JobResult(command="rebuild", status="ok", counts=rebuild_counts(counts))
    if enrich:
        result.enriched = enrich_stage(db)
    result.seconds = time.monotonic() - started
    result.total_articles = db["articles"].count
    finish_run(db, run_id, status="ok", counts=result.counts, details={"warc_dir": str(warc_dir)})
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    remove_database(db_path)
    os.replace(building, db_path)
    return result


def rebuild_counts(counts: Counter) -> dict:
    return {"pages_fetched": counts["responses"], "new": counts["new"], "updated": counts["updated"],
            "unchanged": counts["unchanged"] + counts["checked"], "withdrawn": counts["withdrawn"],
            "skipped": counts["skipped"] + counts["not_article"]}


def remove_database(path: Path) -> None:
    for candidate in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        candidate.unlink(missing_ok=True)
