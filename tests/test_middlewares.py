"""The shared downloader middleware: Retry-After on 429/503 (capped), exponential back-off on 5xx."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest
from scrapy.http import Request, Response
from scrapy.settings import Settings

from mip_archive.middlewares import RetryAfterMiddleware, backoff_seconds, retry_after_seconds

NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.timezone.utc)


@pytest.mark.parametrize("value, expected", [
    ("7", 7.0), (b"0", 0.0), ("Wed, 25 Nov 2026 12:00:30 GMT", 30.0), ("Wed, 25 Nov 2026 11:00:00 GMT", 0.0),
    ("", None), (None, None), ("soon", None),
])
def test_retry_after_seconds(value, expected):
    assert retry_after_seconds(value, now=NOW) == expected


def test_backoff_doubles_up_to_the_ceiling():
    assert [backoff_seconds(n, 2.0, 10.0) for n in range(5)] == [2.0, 4.0, 8.0, 10.0, 10.0]


def middleware(**settings) -> RetryAfterMiddleware:
    return RetryAfterMiddleware(Settings({"MIP_RETRY_TIMES": 2, "MIP_RETRY_AFTER_CAP": 60, "MIP_BACKOFF_BASE": 0,
                                          "MIP_BACKOFF_MAX": 0, **settings}))


@pytest.mark.parametrize("status, headers, attempt, expected", [
    (429, {"Retry-After": "5"}, 0, 5.0),
    (503, {"Retry-After": "1"}, 1, 1.0),
    (429, {"Retry-After": "3600"}, 0, None),  # asks for more than the cap: give up, do not hammer
    (429, {}, 0, 0.0),
    (502, {}, 0, 0.0),
    (500, {}, 2, None),  # retries used up
    (404, {}, 0, None),
])
def test_wait_for(status, headers, attempt, expected):
    response = Response("http://x/a", status=status, headers=headers)
    assert middleware().wait_for(response, attempt) == expected


def test_retry_is_a_fresh_request_counting_attempts_then_the_answer_passes_through():
    mw = middleware()
    request = Request("http://x/a")
    retry = asyncio.run(mw.process_response(request, Response("http://x/a", status=503)))
    assert isinstance(retry, Request) and retry.dont_filter and retry.meta["mip_retries"] == 1
    again = asyncio.run(mw.process_response(retry, Response("http://x/a", status=503)))
    final = asyncio.run(mw.process_response(again, Response("http://x/a", status=503)))
    assert isinstance(final, Response) and final.status == 503
    ok = Response("http://x/a", status=200)
    assert asyncio.run(mw.process_response(request, ok)) is ok
