"""Downloader middleware shared by every spider: honour ``Retry-After`` on 429/503, back off exponentially on 5xx.

Enable it in place of Scrapy's HTTP-status retries (network errors stay with Scrapy's ``RetryMiddleware``)::

    DOWNLOADER_MIDDLEWARES = {"mip_archive.middlewares.RetryAfterMiddleware": 560}
    RETRY_HTTP_CODES = []

Settings: ``MIP_RETRY_TIMES`` (retries per request, default 4), ``MIP_RETRY_AFTER_CAP`` (longest wait in seconds a
server may ask for; longer asks give up, default 120), ``MIP_BACKOFF_BASE`` (first 5xx back-off in seconds, doubled
each time, default 2), ``MIP_BACKOFF_MAX`` (default 60). The wait is an ``asyncio`` sleep: other requests go on.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import email.utils
import logging

log = logging.getLogger(__name__)

RETRY_AFTER_STATUSES = frozenset({429, 503})
BACKOFF_STATUSES = frozenset({500, 502, 503, 504, 520, 522, 524})
META_KEY = "mip_retries"


def retry_after_seconds(value: str | bytes | None, *, now: dt.datetime | None = None) -> float | None:
    """Seconds asked for by a ``Retry-After`` header: delta-seconds or an HTTP date; ``None`` when absent/unreadable."""
    if isinstance(value, bytes):
        value = value.decode("latin-1")
    value = (value or "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    return max(0.0, (when - (now or dt.datetime.now(dt.timezone.utc))).total_seconds())


def backoff_seconds(attempt: int, base: float, ceiling: float) -> float:
    """Exponential back-off: ``base``, ``2·base``, ``4·base``… capped at ``ceiling`` (attempt counts from 0)."""
    return min(ceiling, base * (2 ** attempt))


class RetryAfterMiddleware:
    def __init__(self, settings, stats=None):
        self.max_retries = settings.getint("MIP_RETRY_TIMES", 4)
        self.cap = settings.getfloat("MIP_RETRY_AFTER_CAP", 120.0)
        self.base = settings.getfloat("MIP_BACKOFF_BASE", 2.0)
        self.ceiling = settings.getfloat("MIP_BACKOFF_MAX", 60.0)
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings, crawler.stats)

    def wait_for(self, response, attempt: int) -> float | None:
        """How long to wait before retrying ``response``; ``None`` when it must not be retried."""
        if attempt >= self.max_retries:
            return None
        if response.status in RETRY_AFTER_STATUSES:
            asked = retry_after_seconds(response.headers.get(b"Retry-After"))
            if asked is not None:
                return asked if asked <= self.cap else None
        if response.status in BACKOFF_STATUSES or response.status == 429:
            return backoff_seconds(attempt, self.base, self.ceiling)
        return None

    async def process_response(self, request, response):
        if response.status < 429 or request.meta.get("dont_retry"):
            return response
        attempt = request.meta.get(META_KEY, 0)
        delay = self.wait_for(response, attempt)
        if delay is None:
            if response.status in RETRY_AFTER_STATUSES | BACKOFF_STATUSES:
                self._count("gave_up")
                log.warning("giving up on %s after HTTP %s (%d retries)", request.url, response.status, attempt)
            return response
        self._count(f"status_{response.status}")
        log.info("HTTP %s for %s: retrying in %.1fs (retry %d)", response.status, request.url, delay, attempt + 1)
        await asyncio.sleep(delay)
        retry = request.replace(dont_filter=True)
        retry.meta[META_KEY] = attempt + 1
        return retry

    def _count(self, name: str) -> None:
        if self.stats is not None:
            self.stats.inc_value(f"mip/retry/{name}")


class StayOnSiteMiddleware:
    """Downloader middleware: no request leaves the site, even one Scrapy would not filter.

    Scrapy's offsite filter lets through requests marked ``dont_filter``, and retried requests are; so a page that
    failed once and then redirected elsewhere would be followed off the site. This refuses any request to a host
    outside the spider's ``allowed_domains``, as an offsite skip.
    """

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_request(self, request, spider=None):
        from scrapy.exceptions import IgnoreRequest
        from scrapy.utils.httpobj import urlparse_cached

        allowed = getattr(self.crawler.spider, "allowed_domains", None) or []
        host = urlparse_cached(request).hostname or ""
        if allowed and not any(host == d or host.endswith("." + d) for d in allowed):
            raise IgnoreRequest(f"Filtered offsite request to {host!r}")
        return None
