"""Serve replica apps over HTTP on 127.0.0.1: a ThreadingHTTPServer in a background thread.

Each request goes to the apps in turn (``app.handle(request)``); the first non-``None`` response wins, else 404.
Every 200 gets an ``ETag`` (hash of the body) and ``Last-Modified``; ``If-None-Match``/``If-Modified-Since`` give 304.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from mip_archive.replica.http import Request, Response

log = logging.getLogger(__name__)


def etag_for(body: bytes) -> str:
    return '"' + hashlib.sha1(body).hexdigest()[:20] + '"'


def http_date(moment: dt.datetime) -> str:
    return email.utils.format_datetime(moment.replace(tzinfo=dt.timezone.utc, microsecond=0), usegmt=True)


def not_modified(request: Request, etag: str, last_modified: dt.datetime) -> bool:
    """RFC 9110: If-None-Match wins over If-Modified-Since."""
    match = request.header("if-none-match")
    if match is not None:
        tags = {t.strip().removeprefix("W/") for t in match.split(",")}
        return "*" in tags or etag in tags
    since = request.header("if-modified-since")
    if since:
        try:
            when = email.utils.parsedate_to_datetime(since)
        except (TypeError, ValueError):
            return False
        when = when.astimezone(dt.timezone.utc).replace(tzinfo=None) if when.tzinfo else when
        return last_modified.replace(microsecond=0) <= when
    return False


class ReplicaServer:
    """``with ReplicaServer([site]) as server: fetch(server.url + "/news/")``; port 0 picks a free port."""

    def __init__(self, apps: list[Any], host: str = "127.0.0.1", port: int = 0):
        self.apps = apps
        self.started = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)
        self.httpd = ThreadingHTTPServer((host, port), _handler_class(self))
        self.httpd.daemon_threads = True
        self.thread: threading.Thread | None = None
        for app in apps:
            app.base_url = self.url

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> "ReplicaServer":
        self.thread = threading.Thread(target=self.httpd.serve_forever, name="replica-server", daemon=True)
        self.thread.start()
        log.info("replica serving at %s", self.url)
        return self

    def stop(self) -> None:
        if self.thread is not None:
            self.httpd.shutdown()
            self.thread.join()
            self.thread = None
        self.httpd.server_close()

    def serve_forever(self) -> None:
        log.info("replica serving at %s", self.url)
        try:
            self.httpd.serve_forever()
        finally:
            self.httpd.server_close()

    def __enter__(self) -> "ReplicaServer":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def respond(self, request: Request) -> Response:
        """Ask each app in turn; add validators to a 200 and turn a matching conditional request into a 304."""
        response = next((r for app in self.apps if (r := app.handle(request)) is not None), None)
        if response is None:
            response = self._not_found(request)
        if response.status != 200:
            return response
        etag = etag_for(response.body)
        last_modified = response.last_modified or self.started
        headers = {**response.headers, "ETag": etag, "Last-Modified": http_date(last_modified)}
        if not_modified(request, etag, last_modified):
            return Response(304, headers, b"", response.content_type)
        return Response(200, headers, response.body, response.content_type, last_modified)

    def _not_found(self, request: Request) -> Response:
        for app in self.apps:
            page = getattr(app, "not_found_page", None)
            if page is not None:
                return page(request)
        return Response(404, {}, b"Not Found", "text/plain; charset=UTF-8")


def _handler_class(server: ReplicaServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "nginx"
        sys_version = ""

        def do_GET(self) -> None:
            self._serve(head=False)

        def do_HEAD(self) -> None:
            self._serve(head=True)

        def _serve(self, head: bool) -> None:
            parts = urlsplit(self.path)
            request = Request(self.command, parts.path or "/", dict(parse_qsl(parts.query, keep_blank_values=True)),
                              {k.lower(): v for k, v in self.headers.items()})
            try:
                response = server.respond(request)
            except Exception:  # an app bug must not kill the server thread; report it as WordPress would
                log.exception("replica app failed on %s", self.path)
                response = Response(500, {}, b"Internal Server Error", "text/plain; charset=UTF-8")
            self.send_response(response.status)
            self.send_header("Content-Type", response.content_type)
            self.send_header("Content-Length", str(len(response.body)))
            for name, value in response.headers.items():
                self.send_header(name, value)
            self.end_headers()
            if not head and response.status != 304:
                self.wfile.write(response.body)

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - BaseHTTPRequestHandler's signature
            log.debug("%s " + format, self.address_string(), *args)

    return Handler
