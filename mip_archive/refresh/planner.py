"""What a refresh should fetch, decided from the archive before the crawl starts (the spider never opens the DB).

The plan says which articles the archive already holds and whether each is *settled* (first seen before the end of
the last run that succeeded: the listing walk can stop at a page of settled articles, and a run killed half-way is
resumed because its articles are not settled yet), the validators for conditional requests, the high-water mark
of the change signals, and the sample of older articles a sweep re-checks.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import sqlite_utils

from mip_archive.normalise import article_id, url_key
from mip_archive.refresh.signals import utc_mark
from mip_archive.store import http_cache

SINCE = "since"  # refresh_state: the change signals' high-water mark (naive-UTC ISO)
LAST_SWEEP = "last_sweep"
FETCHING_COMMANDS = ("crawl", "refresh")


@dataclass
class RunNotes:
    """What the spider learnt during the run, for the job to save once the run has succeeded."""

    listing_validators: dict[str, dict] = field(default_factory=dict)  # url -> {kind, status, etag, last_modified}
    unsettled_listings: set[str] = field(default_factory=set)  # listing pages with an article not stored
    high_water: str | None = None
    signal: str | None = None  # the change signal that answered: "rest", "sitemap", "feed" (None: none did)
    layout_problem: str | None = None
    site_down: str | None = None


@dataclass
class RefreshPlan:
    base_url: str
    listing_urls: list[tuple[str, str]]  # (section, url of page 1)
    known: dict[str, bool] = field(default_factory=dict)  # article id -> settled
    validators: dict[str, dict] = field(default_factory=dict)  # url_key -> {etag, last_modified}
    since: str | None = None
    sweep: list[dict] = field(default_factory=list)  # {"url", "section"} of articles to re-check
    notes: RunNotes = field(default_factory=RunNotes)

    def is_known(self, url: str) -> bool:
        return article_id(url) in self.known

    def is_settled(self, url: str) -> bool:
        return self.known.get(article_id(url), False)

    def headers_for(self, url: str) -> dict[str, str]:
        """If-None-Match / If-Modified-Since for a URL fetched before (empty otherwise)."""
        found = self.validators.get(url_key(url), {})
        headers = {"If-None-Match": found.get("etag"), "If-Modified-Since": found.get("last_modified")}
        return {k: v for k, v in headers.items() if v}


def build_plan(db: sqlite_utils.Database, base_url: str, listing_urls: list[tuple[str, str]], *,
               sweep_size: int = 0) -> RefreshPlan:
    settled_until = last_success(db)
    known = {row["id"]: bool(settled_until and row["first_seen"] <= settled_until)
             for row in db.query("select id, first_seen from articles")}
    sample = http_cache.least_recently_checked(db, sweep_size) if sweep_size else []
    return RefreshPlan(base_url=base_url.rstrip("/"), listing_urls=listing_urls, known=known,
                       validators={url_key(u): v for u, v in http_cache.all_validators(db).items()},
                       since=signal_mark(db),
                       sweep=[{"url": r["url"], "section": r["section"]} for r in sample])


def last_success(db: sqlite_utils.Database) -> str | None:
    """When the last crawl or refresh that succeeded finished (None: none has)."""
    marks = ",".join("?" * len(FETCHING_COMMANDS))
    sql = f"select max(finished) as finished from crawl_runs where status = 'ok' and command in ({marks})"
    return next(db.query(sql, FETCHING_COMMANDS))["finished"]


def signal_mark(db: sqlite_utils.Database) -> str | None:
    """The change signals' high-water mark: saved by the last good refresh, else the newest edit in the archive."""
    saved = http_cache.get_state(db, SINCE)
    if saved:
        return saved
    newest = next(db.query("select max(modified) as m from articles where status = 'live'"))["m"]
    return utc_mark(newest)


def listing_decision(item_urls: list[str], plan: RefreshPlan) -> tuple[list[str], bool]:
    """(article URLs to fetch, whether to read the next page): new articles are fetched; paging goes on while a
    page holds anything not yet settled."""
    to_fetch = [url for url in item_urls if not plan.is_known(url)]
    keep_paging = any(not plan.is_settled(url) for url in item_urls)
    return to_fetch, keep_paging


def sweep_due(db: sqlite_utils.Database, every_days: float, now: dt.datetime | None = None) -> bool:
    """Whether the periodic sweep is due; the first refresh only starts the clock."""
    now = now or dt.datetime.now(dt.timezone.utc)
    last = http_cache.get_state(db, LAST_SWEEP)
    if last is None:
        http_cache.set_state(db, LAST_SWEEP, now.isoformat(timespec="seconds"))
        return False
    return now - dt.datetime.fromisoformat(last) >= dt.timedelta(days=every_days)
