"""A replica that misbehaves on demand, and changes between runs: for testing the refresh's fault handling.

:class:`MutableSite` is the WordPress replica whose articles can be added, edited and removed between two runs.
:class:`FaultyApp` wraps any replica app and injects the faults named in a :class:`FaultSpec` (``--faults`` on the
command line, e.g. ``500s,429,robots``). Which pages misbehave is decided from the site's own posts, in a fixed
order, so every run of a test sees the same faults on the same pages (see :meth:`FaultyApp.victims`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import threading
import time
from collections import Counter
from dataclasses import dataclass, field

from mip_archive.replica.content import ERA_WP, generate
from mip_archive.replica.http import Request, Response
from mip_archive.replica.model import ReplicaArticle
from mip_archive.replica.wordpress import WordPressSite

FAULTS = {
    "500s": "the first request to each article page answers 500 (a retry gets the page)",
    "429": "the first request to each listing page answers 429 with Retry-After",
    "slow": "the first request to one article page is slower than the crawler's timeout",
    "truncated": "one article page is cut off half-way (no </html>)",
    "charset": "one article page, in UTF-8, is declared ISO-8859-1 in its Content-Type",
    "offsite": "one article page redirects to another site",
    "huge": "one article page is larger than the crawler's size limit",
    "robots": "robots.txt disallows one article page",
    "down": "every request answers 503: the site is down",
    "redesign": "article pages lose their content markup, as after a redesign",
    "redesign-listings": "listing pages lose their item markup, as after a redesign",
    "no-api": "the WordPress REST API is switched off (404 for /wp-json/)",
}
# The fault → the index (in the site's newest-first post order) of the article page it hits.
VICTIM_INDEX = {"slow": 1, "truncated": 2, "charset": 3, "offsite": 4, "huge": 5, "robots": 6}
EDIT_NOTE = ("Update: this item was revised after publication to correct the figures given in the third "
             "paragraph and to add the union's latest comment.")


@dataclass(frozen=True)
class FaultSpec:
    names: frozenset[str] = frozenset()
    retry_after: int = 1  # seconds asked by the 429s
    slow_seconds: float = 3.0
    huge_bytes: int = 6 * 1024 * 1024
    delay_seconds: float = 0.0  # added to every answer: a slow site, for tests that act while a run is under way

    @classmethod
    def parse(cls, text: str | None, **options) -> "FaultSpec":
        names = frozenset(n.strip().lower() for n in (text or "").split(",") if n.strip())
        unknown = names - set(FAULTS) - {"all"}
        if unknown:
            raise ValueError(f"unknown fault(s): {', '.join(sorted(unknown))}; known: {', '.join(FAULTS)}")
        if "all" in names:
            names = frozenset(FAULTS) - {"down", "redesign", "redesign-listings", "no-api"}
        return cls(names, **options)


class MutableSite:
    """The WordPress replica over a list of articles that tests change between runs."""

    def __init__(self, articles: list[ReplicaArticle], seed: int = 1, base_url: str = "http://127.0.0.1"):
        self.articles = [a for a in articles if ERA_WP in a.eras]
        self.seed, self._base_url = seed, base_url
        self._lock = threading.Lock()
        self.site = WordPressSite(self.articles, seed, base_url)

    @property
    def base_url(self) -> str:
        return self._base_url

    @base_url.setter
    def base_url(self, value: str) -> None:
        self._base_url = value
        self.site.base_url = value

    def handle(self, request: Request) -> Response | None:
        return self.site.handle(request)

    def not_found_page(self, request: Request | None = None) -> Response:
        return self.site.not_found_page(request)

    def url(self, article: ReplicaArticle) -> str:
        return self.site.url(article)

    def _rebuild(self) -> None:
        self.site = WordPressSite(self.articles, self.seed, self._base_url)

    def _later(self, hours: int = 1) -> dt.datetime:
        return max(a.modified for a in self.articles) + dt.timedelta(hours=hours)

    def add(self, count: int = 1) -> list[ReplicaArticle]:
        """Publish ``count`` new articles, dated after every existing one; returns them."""
        with self._lock:
            fresh = generate(count, seed=self.seed + 1000 + len(self.articles))[-count:]
            post_id, slugs = max(a.post_id for a in self.articles), {a.slug for a in self.articles}
            newest = max(a.date for a in self.articles)
            added = []
            for i, article in enumerate(fresh, start=1):
                day = newest + dt.timedelta(days=i)
                slug = article.slug if article.slug not in slugs else f"{article.slug}-{post_id + i}"
                added.append(dataclasses.replace(
                    article, post_id=post_id + i, slug=slug, date=day, eras=(ERA_WP,),
                    modified=dt.datetime.combine(day, dt.time(17, 0)), legacy_id=None, legacy_path=None))
            self.articles.extend(added)
            self._rebuild()
            return added

    def edit(self, slug: str) -> ReplicaArticle:
        """Revise one article: a correction note appended to its body, and a later modified time."""
        with self._lock:
            index = next(i for i, a in enumerate(self.articles) if a.slug == slug)
            old = self.articles[index]
            self.articles[index] = dataclasses.replace(old, paragraphs=[*old.paragraphs, EDIT_NOTE],
                                                       modified=self._later())
            self._rebuild()
            return self.articles[index]

    def remove(self, slug: str) -> ReplicaArticle:
        """Unpublish one article: its page answers 404 from now on."""
        with self._lock:
            index = next(i for i, a in enumerate(self.articles) if a.slug == slug)
            removed = self.articles.pop(index)
            self._rebuild()
            return removed


@dataclass
class FaultyApp:
    """Wraps a replica app (a :class:`MutableSite` or ``WordPressSite``) and injects ``spec``'s faults."""

    app: object
    spec: FaultSpec
    seen: Counter = field(default_factory=Counter)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def base_url(self) -> str:
        return self.app.base_url

    @base_url.setter
    def base_url(self, value: str) -> None:
        self.app.base_url = value

    def not_found_page(self, request: Request | None = None) -> Response:
        return self.app.not_found_page(request)

    def posts(self) -> list[ReplicaArticle]:
        site = getattr(self.app, "site", self.app)
        return site.posts

    def victims(self) -> dict[str, str]:
        """fault name → the article path it hits (only the faults switched on)."""
        posts = self.posts()
        return {name: f"/news/{posts[i].slug}/" for name, i in VICTIM_INDEX.items()
                if name in self.spec.names and i < len(posts)}

    def handle(self, request: Request) -> Response | None:
        names, path = self.spec.names, request.path
        if self.spec.delay_seconds:
            time.sleep(self.spec.delay_seconds)
        if "down" in names:
            return Response(503, {}, b"Service Unavailable", "text/plain")
        if path == "/robots.txt" and "robots" in names:
            return self._robots(request)
        early = self._before(path)
        if early is not None:
            return early
        response = self.app.handle(request)
        return self._after(path, response) if response is not None else None

    def first(self, fault: str, path: str) -> bool:
        """True the first time ``fault`` is considered for ``path`` (one-off faults: a retry gets through)."""
        with self._lock:
            self.seen[(fault, path)] += 1
            return self.seen[(fault, path)] == 1

    def _before(self, path: str) -> Response | None:
        names, victims = self.spec.names, self.victims()
        is_article = is_article_path(path)
        if "no-api" in names and path.startswith("/wp-json/"):
            return Response.json({"code": "rest_no_route", "message": "No route was found.", "data": {"status": 404}},
                                 status=404)
        if "429" in names and is_listing_path(path) and self.first("429", path):
            return Response(429, {"Retry-After": str(self.spec.retry_after)}, b"Too Many Requests", "text/plain")
        if "500s" in names and is_article and self.first("500s", path):
            return Response(500, {}, b"Internal Server Error", "text/plain")
        if path == victims.get("offsite"):
            return Response.redirect("http://offsite.invalid" + path, status=302)
        if path == victims.get("slow") and self.first("slow", path):
            time.sleep(self.spec.slow_seconds)
        return None

    def _after(self, path: str, response: Response) -> Response:
        victims, names = self.victims(), self.spec.names
        if response.status != 200:
            return response
        if path == victims.get("truncated"):
            return dataclasses.replace(response, body=response.body[:len(response.body) // 2])
        if path == victims.get("charset"):
            return dataclasses.replace(response, content_type="text/html; charset=ISO-8859-1")
        if path == victims.get("huge"):
            padding = b"<!-- " + b"x" * self.spec.huge_bytes + b" -->"
            return dataclasses.replace(response, body=response.body.replace(b"</body>", padding + b"</body>", 1))
        if ("redesign" in names and is_article_path(path)) or ("redesign-listings" in names and is_listing_path(path)):
            return dataclasses.replace(response, body=redesigned(response.body))
        return response

    def _robots(self, request: Request) -> Response:
        response = self.app.handle(request) or Response.text("User-agent: *\n")
        rule = f"Disallow: {self.victims()['robots']}\n".encode()
        return dataclasses.replace(response, body=response.body.replace(b"User-agent: *\n", b"User-agent: *\n" + rule, 1))


def is_article_path(path: str) -> bool:
    return path.startswith("/news/") and path.count("/") == 3 and not path.startswith("/news/page/")


def is_listing_path(path: str) -> bool:
    return path in ("/news/", "/magazine/") or "/page/" in path


REDESIGN = ((re.compile(rb"entry-content"), b"story-text"), (re.compile(rb"<article\b"), b"<div data-was-article"),
            (re.compile(rb"</article>"), b"</div>"))


def redesigned(body: bytes) -> bytes:
    """The page as a redesign might serve it: the content area under new class names the parser does not know."""
    for pattern, replacement in REDESIGN:
        body = pattern.sub(replacement, body)
    return body


def with_faults(apps: list, faults: str | FaultSpec | None) -> list:
    """The replica's apps with the first (today's WordPress site) wrapped in a :class:`FaultyApp`."""
    spec = faults if isinstance(faults, FaultSpec) else FaultSpec.parse(faults)
    return [FaultyApp(apps[0], spec), *apps[1:]] if spec.names and apps else apps


def build_faulty_replica(n_articles: int = 150, seed: int = 1, faults: str | FaultSpec | None = None) -> list:
    """Like ``build_replica`` but mutable, with faults: ``[FaultyApp(MutableSite(...))]``."""
    spec = faults if isinstance(faults, FaultSpec) else FaultSpec.parse(faults)
    return [FaultyApp(MutableSite(generate(n_articles, seed), seed), spec)]
