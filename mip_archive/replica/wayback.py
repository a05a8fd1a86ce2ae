"""An emulated Wayback Machine holding captures of the union's two ASP.NET sites (2013–2017 and 2018–2024).

Served on the replica's server next to today's site:

- ``/cdx/search/cdx``: the CDX API, answered by :mod:`~mip_archive.replica.cdx` (``url`` with ``*`` wildcards or
  ``matchType=exact|prefix|host|domain``, ``output=json``, ``fl``, ``filter=[!]field:regex``, ``collapse=field[:N]``,
  ``from``/``to``, ``limit``, ``showResumeKey``/``resumeKey`` paging: a blank row, then the resume key row);
- ``/web/<timestamp>id_/<original>``: the captured bytes with their captured status and Content-Type;
- ``/web/<timestamp>/<original>``: the replay page, with the Wayback banner and links rewritten to ``/web/…``;
- a timestamp that was not captured answers 302 to the nearest capture of that URL, like the real archive.

The captures, the awkward cases they include and the ground truth are built by :class:`CaptureSet`
(deterministic for one seed); see its docstring for the cases.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import random
import re
from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import urlencode, urlsplit

from mip_archive.replica import aspnet2013, aspnet2018
from mip_archive.replica.cdx import search, surt
from mip_archive.replica.http import Request, Response
from mip_archive.replica.model import ReplicaArticle

REPLAY_PATH = re.compile(r"^/web/(\d{1,14})([a-z]{2}_)?/(.+)$")
THROTTLED_STATUSES = (429, 503)

BANNER_HEAD = """<script src="//archive.org/includes/athena.js" type="text/javascript"></script>
<script type="text/javascript">window.__wm.init("{base}/web");</script>
<link rel="stylesheet" type="text/css" href="/_static/css/banner-styles.css?v=fantwOh2" />
<!-- End Wayback Rewrite JS Include -->
"""
BANNER_BODY = """<!-- BEGIN WAYBACK TOOLBAR INSERT -->
<div id="wm-ipp-base" lang="en" style="display:none;direction:ltr;"><div id="wm-ipp" style="position:fixed;">
<div id="wm-logo"><a href="/web/">The Wayback Machine</a> - {archive}</div>
<div id="wm-capinfo"><span>{count} captures</span> <span>COLLECTED BY</span> Organization: Internet Archive
<span>TIMESTAMPS</span> <a href="#">About this capture</a></div></div></div>
<!-- END WAYBACK TOOLBAR INSERT -->
"""
BANNER_TAIL = """
<!--
     FILE ARCHIVED ON {when} AND RETRIEVED FROM THE
     INTERNET ARCHIVE ON 12:00:00 Nov 20, 2026.
     JAVASCRIPT APPENDED BY WAYBACK MACHINE, COPYRIGHT INTERNET ARCHIVE.
-->"""
LINK_ATTR = re.compile(r'(?P<attr>\b(?:href|src|action))="(?P<url>[^"#][^"]*)"', re.IGNORECASE)


ARCHIVE_URL = "https://web.archive.org"
HOSTS = ("www.miphealth.org.uk", "miphealth.org.uk")
LEGACY_END, MODERN_START, MODERN_END = dt.date(2018, 9, 30), dt.date(2018, 10, 1), dt.date(2024, 12, 31)
SNAPSHOT_DAYS = (dt.date(2014, 12, 15), dt.date(2015, 12, 15), dt.date(2016, 12, 15), dt.date(2017, 12, 15),
                 LEGACY_END)
HOME_DAYS = (dt.date(2014, 6, 16), dt.date(2015, 9, 14), dt.date(2016, 12, 15), dt.date(2018, 3, 12))
HOME_ONLY_FROM = dt.date(2014, 1, 1)
WITHDRAWN_AFTER = dt.timedelta(days=10)  # the home-only statement left every listing this long after it appeared
CURLY = ("‘", "’", "“", "”")
ERROR_PAGE = ("<html><head><title>Runtime Error</title></head><body><h1>Server Error in '/' Application.</h1>"
              "<h2><i>Runtime Error</i></h2></body></html>")
FAKE_JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(64)) + b"\xff\xd9"


@dataclass(frozen=True)
class StoredCapture:
    original: str
    timestamp: str
    body: bytes
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    mimetype: str = "text/html"
    case: str = ""  # the awkward case this capture plays ("" for an ordinary one)
    post_id: int | None = None  # the statement it carries; None for listings, errors and soft 404s

    @cached_property
    def urlkey(self) -> str:
        return surt(self.original)

    @cached_property
    def digest(self) -> str:
        return base64.b32encode(hashlib.sha1(self.body).digest()).decode("ascii")

    def text(self) -> str:
        charset = self.content_type.partition("charset=")[2] or "utf-8"
        return self.body.decode(charset, errors="replace")


@dataclass
class CaptureSet:
    """Every capture of the two ASP.NET sites, sorted like a CDX index, with the truth they imply.

    Cases (each on a statement chosen by the seed): duplicate captures with one digest; a later capture whose
    footer changed (new digest, same statement); the bare host and ``?text=large`` URLs; windows-1252 pages with the
    charset declared and undeclared; a capture holding a replay page with the banner; a later soft 404 (200 "page
    not found") and a 500 error capture of a good article; a 2018 path captured mid-redesign serving the older
    design; listing snapshots whose pages overlap; statements republished on the 2018 site (two eras, two URLs);
    an image and a stray soft 404 in the index; one capture throttled with 429 and one with 503 on first request.
    Listings: each section listing and the mixed ``/News/HomepageNewsItems.aspx``, paginated, at every snapshot day;
    ``/home/Home.aspx`` (one capture on the bare host as ``?text=large``) at its own days. "home-only": a statement
    whose page prints no date and that was withdrawn from the listings ten days after it appeared, so only the
    home page captured the day after it appeared lists it (and gives its date).
    """

    articles: list[ReplicaArticle]
    index: list[StoredCapture] = field(default_factory=list)
    throttled: dict[tuple[str, str], int] = field(default_factory=dict)

    @classmethod
    def build(cls, articles: list[ReplicaArticle], seed: int = 1) -> "CaptureSet":
        rng = random.Random(f"wayback-{seed}")
        legacy = [a for a in articles if a.legacy_id is not None]
        modern = [a for a in articles if a.legacy_path is not None]
        cases = _pick_cases(legacy, modern)
        captures: list[StoredCapture] = []
        for article in legacy:
            captures += _legacy_captures(rng, article, cases)
        for article in modern:
            captures += _modern_captures(rng, article, cases)
        home_only = next((a for a in legacy if cases.get(a.post_id) == "home-only"), None)
        captures += _listing_captures(legacy, home_only) + _home_captures(legacy, home_only) + _stray_captures()
        captures.sort(key=lambda c: (c.urlkey, c.timestamp, c.original))
        found = cls(articles, captures)
        found.throttled = _throttled(captures)
        return found

    @cached_property
    def by_urlkey(self) -> dict[str, list[StoredCapture]]:
        grouped: dict[str, list[StoredCapture]] = {}
        for capture in self.index:
            grouped.setdefault(capture.urlkey, []).append(capture)
        return grouped

    def cases(self) -> dict[str, list[tuple[str, str]]]:
        found: dict[str, list[tuple[str, str]]] = {}
        for capture in self.index:
            if capture.case:
                found.setdefault(capture.case, []).append((capture.original, capture.timestamp))
        return found

    def truth(self) -> list[dict]:
        """One record per statement the archive holds: what a perfect recovery stores (paths without host/query)."""
        paths: dict[int, set[str]] = {}
        for capture in self.index:
            if capture.post_id is not None:
                paths.setdefault(capture.post_id, set()).add(urlsplit(capture.original).path)
        return [{"post_id": a.post_id, "title": a.title, "section": a.section, "published": a.date.isoformat(),
                 "author": a.author, "paths": sorted(paths[a.post_id])}
                for a in self.articles if a.post_id in paths]


def _pick_cases(legacy: list[ReplicaArticle], modern: list[ReplicaArticle]) -> dict[int, str]:
    cases: dict[int, str] = {}
    curly = [a for a in legacy if "aspnet-2018-2024" not in a.eras and any(q in a.body for q in CURLY)]
    plain = [a for a in legacy if a not in curly and "aspnet-2018-2024" not in a.eras]
    for name, pool in (("cp1252-declared", curly), ("cp1252-undeclared", curly), ("footer-changed", plain),
                       ("soft-404-later", plain), ("error-later", plain), ("replay-banner", plain),
                       ("text-large", plain)):
        choice = next((a for a in pool if a.post_id not in cases), None)
        if choice is not None:
            cases[choice.post_id] = name
    home_only = next((a for a in plain if a.post_id not in cases and not aspnet2013.shows_date(a)
                      and HOME_ONLY_FROM <= a.date < LEGACY_END), None)
    if home_only is not None:
        cases[home_only.post_id] = "home-only"
    late = next((a for a in modern if a.legacy_id is None and a.date.year >= 2019), None)
    if late is not None:
        cases[late.post_id] = "mid-redesign"
    return cases


def _stamp(rng: random.Random, day: dt.date) -> str:
    return f"{day:%Y%m%d}{rng.randint(6, 21):02d}{rng.randint(0, 59):02d}{rng.randint(0, 59):02d}"


def _later(rng: random.Random, day: dt.date, low: int, high: int, limit: dt.date) -> dt.date:
    return min(day + dt.timedelta(days=rng.randint(low, high)), limit)


def _legacy_captures(rng: random.Random, article: ReplicaArticle, cases: dict[int, str]) -> list[StoredCapture]:
    case = cases.get(article.post_id, "")
    host = HOSTS[1] if article.post_id % 6 == 1 else HOSTS[0]
    url = f"http://{host}{aspnet2013.article_path(article)}" + ("?text=large" if case == "text-large" else "")
    first = _later(rng, article.date, 1, 40, LEGACY_END)
    html = aspnet2013.render_article(article, charset=None if case == "cp1252-undeclared" else "utf-8")
    capture = StoredCapture(url, _stamp(rng, first), html.encode("utf-8"), case=case, post_id=article.post_id)
    if case.startswith("cp1252"):
        declared = case == "cp1252-declared"
        html = aspnet2013.render_article(article, charset="windows-1252" if declared else None)
        capture = StoredCapture(url, capture.timestamp, html.encode("cp1252", errors="xmlcharrefreplace"),
                                content_type="text/html; charset=windows-1252" if declared else "text/html",
                                case=case, post_id=article.post_id)
    if case == "replay-banner":
        body = render_replay(html, capture.timestamp, url, ARCHIVE_URL).encode("utf-8")
        capture = StoredCapture(url, capture.timestamp, body, case=case, post_id=article.post_id)
    later = _later(rng, first, 20, 300, LEGACY_END)
    return [capture] + _legacy_extras(rng, article, capture, later, case)


def _legacy_extras(rng, article, capture, later: dt.date, case: str) -> list[StoredCapture]:
    url, stamp = capture.original, _stamp(rng, later)
    if case == "footer-changed":
        body = aspnet2013.render_article(article, footer_variant=1).encode("utf-8")
        return [StoredCapture(url, stamp, body, case=case, post_id=article.post_id)]
    if case == "soft-404-later":
        body = aspnet2013.render_not_found().encode("utf-8")
        return [StoredCapture(url, _stamp(rng, dt.date(2019, 3, 4)), body, case=case)]
    if case == "error-later":
        return [StoredCapture(url, stamp, ERROR_PAGE.encode(), status=500, case=case)]
    if article.post_id % 4 == 0 and stamp[:8] != capture.timestamp[:8]:
        return [StoredCapture(url, stamp, capture.body, capture.status, capture.content_type, case="duplicate",
                              post_id=article.post_id)]
    return []


def _modern_captures(rng: random.Random, article: ReplicaArticle, cases: dict[int, str]) -> list[StoredCapture]:
    url = f"http://{HOSTS[0]}{article.legacy_path}"
    start = max(article.date, MODERN_START)
    first = _later(rng, start, 1, 30, MODERN_END)
    case = cases.get(article.post_id, "republished" if article.legacy_id is not None else "")
    if case == "mid-redesign":
        html = aspnet2013.render_article(article, path=article.legacy_path)
        return [StoredCapture(url, _stamp(rng, first), html.encode("utf-8"), case=case, post_id=article.post_id)]
    captures = [StoredCapture(url, _stamp(rng, first), aspnet2018.render_article(article, capture_day=first).encode(),
                              case=case, post_id=article.post_id)]
    if article.post_id % 3 == 0:
        later = _later(rng, first, 200, 700, MODERN_END)
        body = aspnet2018.render_article(article, capture_day=later).encode()
        captures.append(StoredCapture(url, _stamp(rng, later), body, case=case or "recaptured",
                                      post_id=article.post_id))
    return captures


def _listed(article: ReplicaArticle, day: dt.date, home_only: ReplicaArticle | None) -> bool:
    """Whether a listing as it stood on ``day`` shows the article (the home-only one was soon withdrawn)."""
    withdrawn = article is home_only and day >= article.date + WITHDRAWN_AFTER
    return article.date <= day and not withdrawn


def _listing_captures(legacy: list[ReplicaArticle], home_only: ReplicaArticle | None) -> list[StoredCapture]:
    captures = []
    for section in (*aspnet2013.LISTINGS, aspnet2013.MIXED.section):
        members = [a for a in legacy if section in (a.section, aspnet2013.MIXED.section)]
        for day in SNAPSHOT_DAYS:
            pages = aspnet2013.paginate([a for a in members if _listed(a, day, home_only)])
            if not pages[0]:
                continue
            for number, items in enumerate(pages, start=1):
                html = (aspnet2013.render_mixed_listing(items, number, len(pages)) if section == "mixed"
                        else aspnet2013.render_listing(items, section, number, len(pages)))
                url = f"http://{HOSTS[0]}{aspnet2013.listing_path(section, number)}"
                stamp = f"{day:%Y%m%d}12{number * 2:02d}{number * 7 % 60:02d}"
                captures.append(StoredCapture(url, stamp, html.encode("utf-8"), case="listing"))
    return captures


def _home_captures(legacy: list[ReplicaArticle], home_only: ReplicaArticle | None) -> list[StoredCapture]:
    """``/home/Home.aspx`` on its days (and the day after the home-only statement appeared): the latest items."""
    days = sorted(set(HOME_DAYS) | ({home_only.date + dt.timedelta(days=1)} if home_only else set()))
    captures = []
    for number, day in enumerate(days):
        shown = aspnet2013.paginate([a for a in legacy if _listed(a, day, home_only)], aspnet2013.HOME_ITEMS)[0]
        url = (f"http://{HOSTS[1]}{aspnet2013.HOME_PATH}?text=large" if number == 1
               else f"http://{HOSTS[0]}{aspnet2013.HOME_PATH}")
        html = aspnet2013.render_home(shown)
        captures.append(StoredCapture(url, f"{day:%Y%m%d}1715{number:02d}", html.encode("utf-8"), case="home-listing"))
    return captures


def _stray_captures() -> list[StoredCapture]:
    not_found = aspnet2013.render_not_found().encode("utf-8")
    return [
        StoredCapture(f"http://{HOSTS[0]}/News/HomepageNews-30001.aspx", "20150612093000", not_found,
                      case="soft-404"),
        StoredCapture(f"http://{HOSTS[0]}/News/images/conference-2016.jpg", "20161201101010", FAKE_JPEG,
                      content_type="image/jpeg", mimetype="image/jpeg", case="image"),
        StoredCapture(f"http://{HOSTS[0]}/home/news-campaigns/NewsArticles/Old-Link.aspx", "20190405080000",
                      ERROR_PAGE.encode(), status=404, case="error"),
    ]


def _throttled(captures: list[StoredCapture]) -> dict[tuple[str, str], int]:
    articles = [c for c in captures if c.post_id is not None and c.status == 200]
    if len(articles) < 2:
        return {}
    return {(articles[0].timestamp, articles[0].original): 429, (articles[-1].timestamp, articles[-1].original): 503}


class WaybackApp:
    """The emulated archive; ``handle`` answers ``/cdx/search/cdx`` and ``/web/...``, ``None`` for anything else."""

    def __init__(self, articles, seed: int = 1, base_url: str = "http://127.0.0.1", *, flaky: bool = True):
        self.captures = CaptureSet.build(articles, seed)
        self.base_url = base_url
        # One capture answers 429 (Retry-After) and another 503 on their first request, as the real archive does.
        self._throttle_once = dict(self.captures.throttled) if flaky else {}

    def truth(self) -> list[dict]:
        return self.captures.truth()

    def handle(self, request: Request) -> Response | None:
        if request.path.rstrip("/") == "/cdx/search/cdx":
            return self.cdx(request.query)
        match = REPLAY_PATH.match(request.path)
        if match:
            original = _original_url(match.group(3), request.query)
            return self.replay(match.group(1), match.group(2) or "", original)
        return None

    # --- CDX -----------------------------------------------------------------------------------------------------
    def cdx(self, query: dict[str, str]) -> Response:
        return search(self.captures.index, query)

    # --- replay --------------------------------------------------------------------------------------------------
    def replay(self, timestamp: str, flag: str, original: str) -> Response:
        captures = self.captures.by_urlkey.get(surt(original), [])
        if not captures:
            return Response.html("<html><body><h1>Hrm.</h1><p>The Wayback Machine has not archived that URL.</p>"
                                 "</body></html>", status=404)
        exact = next((c for c in captures if c.timestamp == timestamp), None)
        if exact is None:
            nearest = min(captures, key=lambda c: (_distance(c.timestamp, timestamp), c.timestamp))
            return Response.redirect(f"{self.base_url}/web/{nearest.timestamp}{flag}/{nearest.original}", status=302)
        throttled = self._throttle_once.pop((exact.timestamp, exact.original), None) if flag == "id_" else None
        if throttled:
            headers = {"Retry-After": "1"} if throttled == 429 else {}
            return Response.text("Too many requests", status=throttled, headers=headers)
        if flag == "id_":
            return Response(status=exact.status, body=exact.body, content_type=exact.content_type,
                            headers={"Memento-Datetime": _http_date(exact.timestamp)})
        return Response(status=exact.status, body=self.replay_page(exact, len(captures)).encode("utf-8"),
                        content_type="text/html; charset=utf-8")

    def replay_page(self, capture: StoredCapture, count: int) -> str:
        """The capture as a browser sees it: banner inserted, links rewritten into the archive."""
        return render_replay(capture.text(), capture.timestamp, capture.original, self.base_url, count)


def render_replay(html: str, timestamp: str, original: str, base_url: str, count: int = 1) -> str:
    parts = urlsplit(original)
    site = f"{parts.scheme}://{parts.netloc}"

    def rewrite(match: re.Match) -> str:
        url = match.group("url")
        if url.startswith(("javascript:", "mailto:", "/web/")):
            return match.group(0)
        absolute = url if "://" in url else (site + url if url.startswith("/") else _sibling(original, url))
        flag = "im_" if match.group("attr").lower() == "src" else ""
        return f'{match.group("attr")}="/web/{timestamp}{flag}/{absolute}"'

    text = LINK_ATTR.sub(rewrite, html)
    when = dt.datetime.strptime(timestamp, "%Y%m%d%H%M%S").strftime("%H:%M:%S %b %d, %Y")
    text = text.replace("<head>", "<head>\n" + BANNER_HEAD.format(base=base_url), 1)
    banner = BANNER_BODY.format(archive=f"{base_url}/web/{timestamp}/{original}", count=count)
    text = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + "\n" + banner, text, count=1)
    return text + BANNER_TAIL.format(when=when)


def _sibling(original: str, relative: str) -> str:
    if relative.startswith("?"):
        return original.split("?", 1)[0] + relative
    return original.rsplit("/", 1)[0] + "/" + relative


def _original_url(rest: str, query: dict[str, str]) -> str:
    url = re.sub(r"^(https?):/+", r"\1://", rest)
    if "://" not in url:
        url = "http://" + url
    return url + ("?" + urlencode(query) if query else "")


def _distance(a: str, b: str) -> float:
    return abs((_moment(a) - _moment(b)).total_seconds())


def _moment(timestamp: str) -> dt.datetime:
    padded = (timestamp + "00000101000000"[len(timestamp):])[:14] if len(timestamp) < 14 else timestamp
    try:
        return dt.datetime.strptime(padded, "%Y%m%d%H%M%S")
    except ValueError:
        return dt.datetime(int(padded[:4]), 1, 1)


def _http_date(timestamp: str) -> str:
    return _moment(timestamp).strftime("%a, %d %b %Y %H:%M:%S GMT")

