"""Small adapters between Scrapy's responses and failures and the refresh's records."""

from __future__ import annotations

from mip_archive.refresh.pipeline import PageSeen
from mip_archive.refresh.rules import Skip
from mip_archive.store.runs import now_iso
from mip_archive.warc import FETCHED_AT_META



def header(response, name: str) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


def validators_of(response) -> dict:
    return {"etag": header(response, "ETag"), "last_modified": header(response, "Last-Modified")}


def fetched_at(response) -> str:
    """When the response arrived, in the store's format: the WARC record's date when one was written."""
    return response.meta.get(FETCHED_AT_META) or now_iso()


def page_seen(response, article=None) -> PageSeen:
    return PageSeen(url=response.url, status=response.status, fetched_at=fetched_at(response), article=article,
                    **(validators_of(response) if response.status == 200 else {}))


def classify_failure(failure) -> Skip | None:
    """A failure that is a deliberate skip (robots.txt, offsite redirect, over the size limit), else None."""
    from scrapy.exceptions import DownloadCancelledError, IgnoreRequest
    from scrapy.spidermiddlewares.httperror import HttpError

    message = failure.getErrorMessage() or ""
    if failure.check(HttpError):  # an IgnoreRequest too, but a failure: the server answered with an error
        return None
    if failure.check(IgnoreRequest):
        if "robots.txt" in message:
            return Skip("robots", "disallowed by robots.txt")
        if "offsite" in message.lower():
            return Skip("offsite", f"redirected off the site ({message})")
        return Skip("ignored", message or "request ignored")
    if failure.check(DownloadCancelledError):
        return Skip("too_large", message or "response over the size limit")
    return None
