"""WARC capture: every request/response pair kept raw, flushed per record, rotated by size, replayed in order;
a torn record at the end (a writer killed mid-write) costs only that record."""

import datetime as dt
import gzip
from types import SimpleNamespace

import pytest
from scrapy.http import HtmlResponse, Request

from mip_archive.warc import Capture, WarcCaptureMiddleware, WarcWriterRotating, read_captures, warc_files

WHEN = dt.datetime(2026, 11, 25, 2, 15, 30, 250000, tzinfo=dt.timezone.utc)
PAGE = "<html><body><p>Managers’ pay award</p></body></html>".encode()


def write(writer, n, **overrides):
    for i in range(n):
        fields = dict(url=f"https://www.miphealth.org.uk/news/item-{i}/", method="GET",
                      request_headers=[("If-None-Match", '"abc"')], status=200, reason="OK",
                      headers=[("Content-Type", "text/html; charset=UTF-8"), ("ETag", f'"e{i}"')], body=PAGE,
                      fetched_at=WHEN + dt.timedelta(seconds=i), extra={"kind": "article", "section": "news"})
        fields.update(overrides)
        writer.write_pair(**fields)


def test_a_pair_is_replayed_with_everything_the_rebuild_needs(tmp_path):
    writer = WarcWriterRotating(tmp_path)
    write(writer, 1, extra={"kind": "article", "section": "news", "listing_date": "2026-11-24"})
    writer.close()
    assert list(read_captures(tmp_path)) == [Capture(
        url="https://www.miphealth.org.uk/news/item-0/", status=200,
        headers=[("Content-Type", "text/html; charset=UTF-8"), ("ETag", '"e0"')], body=PAGE,
        fetched_at=WHEN, kind="article", section="news", listing_date="2026-11-24",
        request_headers=[("Host", "www.miphealth.org.uk"), ("If-None-Match", '"abc"')])]


def test_the_fetch_time_in_the_store_format_is_the_second_of_the_record():
    capture = Capture(url="u", status=200, headers=[], body=b"", fetched_at=WHEN)
    assert capture.seen_at == "2026-11-25T02:15:30+00:00"


def test_files_rotate_by_size_and_replay_in_the_order_written(tmp_path):
    writer = WarcWriterRotating(tmp_path, max_bytes=600)
    write(writer, 5)
    writer.close()
    assert len(warc_files(tmp_path)) > 1
    assert [c.url[-7:-1] for c in read_captures(tmp_path)] == [f"item-{i}" for i in range(5)]


def test_every_record_is_on_disk_as_soon_as_it_is_written(tmp_path):
    writer = WarcWriterRotating(tmp_path)
    write(writer, 2)  # not closed: as a process killed with -9 would leave it
    assert len(list(read_captures(tmp_path))) == 2


@pytest.mark.parametrize("where, kept", [("request", 3), ("response", 2)])
def test_a_torn_record_at_the_end_costs_only_that_record(tmp_path, where, kept):
    writer = WarcWriterRotating(tmp_path)
    write(writer, 2)
    before = writer.path.stat().st_size
    write(writer, 1, url="https://www.miphealth.org.uk/news/item-2/")
    writer.close()
    path = warc_files(tmp_path)[0]
    data = path.read_bytes()
    cut = len(data) - 10 if where == "request" else before + (len(data) - before) // 3
    path.write_bytes(data[:cut])
    assert [c.url[-7:-1] for c in read_captures(tmp_path)] == [f"item-{i}" for i in range(kept)]
    assert all(c.body == PAGE for c in read_captures(tmp_path))


def test_compressed_bodies_are_kept_raw_and_replayed_decoded(tmp_path):
    writer = WarcWriterRotating(tmp_path)
    write(writer, 1, headers=[("Content-Encoding", "gzip"), ("Transfer-Encoding", "chunked")],
          body=gzip.compress(PAGE))
    writer.close()
    capture = next(read_captures(tmp_path))
    assert capture.body == PAGE
    assert capture.headers == [("Content-Encoding", "gzip")]  # the body is stored de-chunked


def test_the_middleware_records_what_the_spider_knew_and_stamps_the_fetch_time(tmp_path):
    writer = WarcWriterRotating(tmp_path)
    middleware = WarcCaptureMiddleware(writer)
    listing_item = SimpleNamespace(date="2026-11-20")
    request = Request("http://127.0.0.1:8000/news/a/", meta={"mip_kind": "article"},
                      cb_kwargs={"section_hint": "magazine", "listing_item": listing_item},
                      headers={"If-None-Match": '"x"'})
    response = HtmlResponse(request.url, status=304, headers={"ETag": '"x"'}, body=b"", request=request)
    assert middleware.process_response(request, response) is response
    middleware.spider_closed()
    capture = next(read_captures(tmp_path))
    assert (capture.url, capture.status, capture.kind, capture.section, capture.listing_date) == \
        ("http://127.0.0.1:8000/news/a/", 304, "article", "magazine", "2026-11-20")
    assert request.meta["mip_fetched_at"] == capture.seen_at
    assert ("If-None-Match", '"x"') in capture.request_headers
