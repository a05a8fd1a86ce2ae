"""Every response fetched, kept raw in gzip WARC files: a Scrapy downloader middleware to write, a reader to replay.

Each request/response pair is written as two gzip members and flushed at once, so a process killed with -9 loses
at most the record it was writing; the reader skips such a torn tail. Files rotate by size and are named so that
sorting their names replays them in the order they were written (``mip-<UTC time>-<pid>-<seq>.warc.gz``).

Besides the standard headers, each response record carries what the spider knew about the request
(``WARC-Mip-Kind``: listing, article, api, feed, sitemap...; ``WARC-Mip-Section``; ``WARC-Mip-Listing-Date``), so
``mip-archive rebuild`` can replay the archive offline without guessing.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.timeutils import datetime_to_iso_date, iso_date_to_datetime
from warcio.warcwriter import WARCWriter

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 100 * 1024 * 1024
DROPPED_HEADERS = frozenset({"transfer-encoding"})  # the body is stored de-chunked
FETCHED_AT_META = "mip_fetched_at"  # request meta: the fetch time in the store's format
MIP_HEADERS = {"kind": "WARC-Mip-Kind", "section": "WARC-Mip-Section", "listing_date": "WARC-Mip-Listing-Date"}


@dataclass
class Capture:
    """One response as replayed from a WARC file (the body decoded from any Content-Encoding)."""

    url: str
    status: int
    headers: list[tuple[str, str]]
    body: bytes
    fetched_at: dt.datetime  # UTC
    kind: str | None = None
    section: str | None = None
    listing_date: str | None = None
    request_headers: list[tuple[str, str]] = field(default_factory=list)

    def header(self, name: str, default: str | None = None) -> str | None:
        lowered = name.lower()
        return next((v for k, v in self.headers if k.lower() == lowered), default)

    @property
    def seen_at(self) -> str:
        """The fetch time in the store's format (``now_iso()``: seconds, +00:00)."""
        return self.fetched_at.astimezone(dt.timezone.utc).isoformat(timespec="seconds")


class WarcWriterRotating:
    """Appends request/response pairs to ``directory``; a new file when the current one passes ``max_bytes``."""

    def __init__(self, directory: str | Path, *, prefix: str = "mip", max_bytes: int = DEFAULT_MAX_BYTES):
        self.directory = Path(directory)
        self.prefix, self.max_bytes = prefix, max_bytes
        self.stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%d%H%M%S%f")
        self.sequence = 0
        self.records = 0
        self._file = None
        self._writer: WARCWriter | None = None

    @property
    def path(self) -> Path | None:
        return Path(self._file.name) if self._file else None

    def _open(self) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        self.sequence += 1
        name = f"{self.prefix}-{self.stamp}-{os.getpid()}-{self.sequence:05d}.warc.gz"
        self._file = open(self.directory / name, "ab")
        self._writer = WARCWriter(self._file, gzip=True, warc_version="1.1")

    def write_pair(self, *, url: str, method: str, request_headers: list[tuple[str, str]], status: int,
                   reason: str, headers: list[tuple[str, str]], body: bytes, fetched_at: dt.datetime,
                   extra: dict[str, str] | None = None) -> None:
        if self._file is None or self._file.tell() >= self.max_bytes:
            self.close()
            self._open()
        date = datetime_to_iso_date(fetched_at.astimezone(dt.timezone.utc).replace(tzinfo=None), use_micros=True)
        response = self._response_record(url, status, reason, headers, body, date, extra or {})
        request = self._request_record(url, method, request_headers, date, response)
        self._writer.write_record(response)
        self._writer.write_record(request)
        self._file.flush()
        self.records += 1

    def _response_record(self, url, status, reason, headers, body, date, extra):
        kept = [(k, v) for k, v in headers if k.lower() not in DROPPED_HEADERS]
        http = StatusAndHeaders(f"{status} {reason}".strip(), kept, protocol="HTTP/1.1")
        warc_headers = {"WARC-Date": date}
        warc_headers.update({MIP_HEADERS[k]: str(v) for k, v in extra.items() if k in MIP_HEADERS and v})
        return self._writer.create_warc_record(url, "response", payload=io.BytesIO(body), length=len(body),
                                               http_headers=http, warc_headers_dict=warc_headers)

    def _request_record(self, url, method, request_headers, date, response):
        parts = urlsplit(url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        http = StatusAndHeaders(f"{method} {target} HTTP/1.1", [("Host", parts.netloc), *request_headers],
                                is_http_request=True)
        headers = {"WARC-Date": date, "WARC-Concurrent-To": response.rec_headers.get_header("WARC-Record-ID")}
        return self._writer.create_warc_record(url, "request", payload=io.BytesIO(b""), length=0,
                                               http_headers=http, warc_headers_dict=headers)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
            self._writer = None


def warc_files(directory: str | Path) -> list[Path]:
    """The WARC files of ``directory`` in the order they were written."""
    return sorted(Path(directory).glob("*.warc.gz"), key=lambda p: p.name)


def read_captures(directory: str | Path) -> Iterator[Capture]:
    """Every response record of every WARC file in ``directory``, in the order fetched; torn tails skipped."""
    for path in warc_files(directory):
        yield from read_file(path)


def read_file(path: Path) -> Iterator[Capture]:
    """The responses of one WARC file; a torn record at the end (a killed writer) is logged and skipped."""
    current: tuple[Capture, str] | None = None
    with open(path, "rb") as stream:
        try:
            for record in ArchiveIterator(stream, check_digests="raise"):
                if record.rec_type == "response":
                    if current:
                        yield current[0]
                    current = (_capture(record), record.rec_headers.get_header("WARC-Record-ID"))
                elif record.rec_type == "request" and current and \
                        record.rec_headers.get_header("WARC-Concurrent-To") == current[1]:
                    current[0].request_headers = list(record.http_headers.headers)
                    yield current[0]
                    current = None
        except Exception as error:  # noqa: BLE001 - warcio fails in many ways on a torn gzip member
            log.warning("%s: stopped at a torn record (%s); the records before it are kept", path.name, error)
    if current:
        yield current[0]


def _capture(record) -> Capture:
    get = record.rec_headers.get_header
    body = record.content_stream().read()
    return Capture(url=get("WARC-Target-URI"), status=int(record.http_headers.get_statuscode() or 0),
                   headers=list(record.http_headers.headers), body=body,
                   fetched_at=iso_date_to_datetime(get("WARC-Date")).replace(tzinfo=dt.timezone.utc),
                   kind=get(MIP_HEADERS["kind"]), section=get(MIP_HEADERS["section"]),
                   listing_date=get(MIP_HEADERS["listing_date"]))


class WarcCaptureMiddleware:
    """Scrapy downloader middleware: writes every response it sees (with its request) to ``MIP_WARC_DIR``.

    Placed above the redirect middleware (600), it sees each answer as the server sent it: redirects, 304s, every
    5xx and 429 before a retry, bodies still content-encoded (the reader decodes them).
    """

    def __init__(self, writer: WarcWriterRotating, stats=None):
        self.writer = writer
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        from scrapy import signals
        from scrapy.exceptions import NotConfigured

        directory = crawler.settings.get("MIP_WARC_DIR")
        if not directory:
            raise NotConfigured("MIP_WARC_DIR is not set")
        writer = WarcWriterRotating(directory, max_bytes=crawler.settings.getint("MIP_WARC_MAX_BYTES",
                                                                                 DEFAULT_MAX_BYTES))
        middleware = cls(writer, crawler.stats)
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    def process_response(self, request, response, spider=None):
        from http import HTTPStatus

        try:
            reason = HTTPStatus(response.status).phrase
        except ValueError:
            reason = ""
        fetched_at = dt.datetime.now(dt.timezone.utc)
        self.writer.write_pair(
            url=response.url, method=request.method, request_headers=_header_pairs(request.headers),
            status=response.status, reason=reason, headers=_header_pairs(response.headers), body=response.body,
            fetched_at=fetched_at, extra=request_facts(request))
        request.meta[FETCHED_AT_META] = fetched_at.isoformat(timespec="seconds")  # = Capture.seen_at
        if self.stats is not None:
            self.stats.inc_value("mip/warc_records")
        return response

    def spider_closed(self, spider=None, reason=None):
        self.writer.close()


def request_facts(request) -> dict[str, str]:
    """What the spider knew about a request, from its meta and callback arguments (both spiders' conventions)."""
    kwargs = request.cb_kwargs or {}
    listing_item = kwargs.get("listing_item")
    return {"kind": request.meta.get("mip_kind"), "section": kwargs.get("section_hint") or kwargs.get("section"),
            "listing_date": getattr(listing_item, "date", None)}


def _header_pairs(headers) -> list[tuple[str, str]]:
    pairs = []
    for name, values in headers.items():
        for value in values:
            pairs.append((name.decode("latin-1"), value.decode("latin-1")))
    return pairs
