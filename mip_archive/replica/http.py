"""The replica's tiny request/response shapes: apps answer a :class:`Request` with a :class:`Response` or ``None``."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Request:
    method: str
    path: str  # without the query string, e.g. "/news/page/2/"
    query: dict[str, str] = field(default_factory=dict)  # first value of each parameter
    headers: dict[str, str] = field(default_factory=dict)  # lower-case names

    def header(self, name: str, default: str | None = None) -> str | None:
        return self.headers.get(name.lower(), default)


@dataclass
class Response:
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    content_type: str = "text/html; charset=UTF-8"
    last_modified: dt.datetime | None = None  # naive UTC; the server sends it as Last-Modified on a 200

    @classmethod
    def html(cls, text: str, status: int = 200, **kwargs: Any) -> "Response":
        return cls(status=status, body=text.encode("utf-8"), **kwargs)

    @classmethod
    def json(cls, data: Any, status: int = 200, headers: dict[str, str] | None = None, **kwargs: Any) -> "Response":
        body = json.dumps(data, ensure_ascii=False).encode("utf-8")
        return cls(status, headers or {}, body, "application/json; charset=UTF-8", **kwargs)

    @classmethod
    def redirect(cls, location: str, status: int = 301) -> "Response":
        return cls(status=status, headers={"Location": location}, body=b"")

    @classmethod
    def text(cls, text: str, content_type: str = "text/plain; charset=UTF-8", **kwargs: Any) -> "Response":
        return cls(body=text.encode("utf-8"), content_type=content_type, **kwargs)
