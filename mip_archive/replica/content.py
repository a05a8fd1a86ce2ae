"""Deterministic generator of the replica's invented articles (``generate``), with planted entities and quotes.

Every choice comes from one ``random.Random(seed)``: the same seed gives the same articles, byte for byte. The
ground truth (which entities and quotes a perfect extractor finds) is recorded while the text is written, by
:class:`~mip_archive.replica.writer.Writer`, so it cannot drift from the prose.
"""

from __future__ import annotations

import datetime as dt
import random
import re

from mip_archive.replica import phrases as P
from mip_archive.replica.model import MAGAZINE_KINDS, NEWS_KINDS, ReplicaArticle
from mip_archive.replica.writer import Writer

ERA_2013, ERA_2018, ERA_WP = "aspnet-2013-2017", "aspnet-2018-2024", "wordpress"
FIRST_DAY, LAST_DAY = dt.date(2013, 1, 7), dt.date(2026, 11, 20)
ASPNET_2018_LAUNCH, ASPNET_2018_END, WORDPRESS_FROM = dt.date(2018, 10, 1), dt.date(2024, 12, 31), dt.date(2019, 1, 1)
LATEST_EDIT = dt.datetime(2026, 11, 24, 18, 0)
REPUBLISH_SHARE = 0.10


def publish_time(article: ReplicaArticle) -> dt.datetime:
    """The article's publication date-time (UTC): its date at a working-day hour derived from its post id."""
    return dt.datetime.combine(article.date, dt.time(8 + article.post_id % 9, (article.post_id * 7) % 60))


def slugify(title: str) -> str:
    text = re.sub(r"[’'‘“”\"]", "", title.lower())
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return slug[:80].rsplit("-", 1)[0] if len(slug) > 80 else slug


def mixed_case_slug(title: str) -> str:
    words = re.sub(r"[’'‘“”\"]", "", title).replace("&", "and")
    return "-".join(w[0].upper() + w[1:] for w in re.findall(r"[A-Za-z0-9]+", words))


def legacy_id_for(day: dt.date) -> int:
    """HomepageNews-<id>.aspx numbers rose about 4300 over 2014–2017."""
    return 32800 + round((day - dt.date(2014, 1, 1)).days * 4300 / 1461)


def generate(n_articles: int = 150, seed: int = 1) -> list[ReplicaArticle]:
    rng = random.Random(seed)
    dates = _spread_dates(rng, n_articles)
    sections = ["news" if rng.random() < 0.6 else "magazine" for _ in dates]
    duplicates = _duplicate_title_pair(dates, sections)
    slugs: dict[str, int] = {}
    titles: set[str] = set()
    articles, post_id = [], 100
    for i, (day, section) in enumerate(zip(dates, sections)):
        post_id += rng.randint(2, 9)
        forced = P.DUPLICATE_TITLE if i in duplicates else None
        articles.append(_article(rng, post_id, day, section, slugs, titles, forced))
    _assign_eras(rng, articles)
    return articles


def _spread_dates(rng: random.Random, n: int) -> list[dt.date]:
    span = (LAST_DAY - FIRST_DAY).days
    days = sorted(round(i * span / max(n, 1)) + rng.randint(0, max(span // max(n, 1), 1) - 1) for i in range(n))
    return [FIRST_DAY + dt.timedelta(days=min(d, span)) for d in days]


def _duplicate_title_pair(dates: list[dt.date], sections: list[str]) -> set[int]:
    """Two different news statements on different dates, both on today's site, with one shared headline."""
    live = [i for i, (d, s) in enumerate(zip(dates, sections)) if s == "news" and d >= WORDPRESS_FROM]
    if len(live) < 2:
        return set()
    second = next((i for i in live if dates[i].year > dates[live[0]].year), live[-1])
    return {live[0], second}


def _unique_slug(slug: str, slugs: dict[str, int]) -> str:
    if slug not in slugs:
        slugs[slug] = 1
        return slug
    slugs[slug] += 1
    return _unique_slug(f"{slug}-{slugs[slug]}", slugs)


def _article(rng, post_id, day, section, slugs, titles, forced_title) -> ReplicaArticle:
    kind = rng.choice(NEWS_KINDS if section == "news" else MAGAZINE_KINDS)
    writer = Writer(rng, day, kind)
    title = forced_title or _title(rng, writer, section, titles)
    titles.add(title)
    writer.write_body()
    published = dt.datetime.combine(day, dt.time(8 + post_id % 9, (post_id * 7) % 60))
    edited = published if rng.random() < 0.6 else published + dt.timedelta(hours=rng.randint(1, 24 * 40))
    author_share = 0.85 if section == "magazine" else 0.25
    author = rng.choice(P.AUTHORS) if rng.random() < author_share else None
    standfirst = writer.fill(rng.choice(P.STANDFIRSTS), record=False)
    writer.finish(title, standfirst)
    slug = _unique_slug(slugify(title), slugs)
    return ReplicaArticle(
        post_id=post_id, slug=slug, section=section, kind=kind, title=title, date=day,
        modified=max(published, min(edited, LATEST_EDIT)),
        author=author,
        standfirst=standfirst,
        paragraphs=writer.paragraphs, images=_images(rng, slug), tags=writer.tags(),
        entities=list(writer.entities), quotes=writer.quotes,
    )


def _title(rng: random.Random, writer: "Writer", section: str, titles: set[str]) -> str:
    for _ in range(6):
        title = writer.fill(rng.choice(P.TITLES[section]), record=False)
        if title not in titles:
            return title
    return f"{title} ({writer.day.year})"


def _images(rng: random.Random, slug: str) -> list[tuple[str, str]]:
    count = rng.choices((0, 1, 2), (35, 45, 20))[0]
    return [(f"{slug[:40]}-{k + 1}.jpg", rng.choice(P.CAPTIONS)) for k in range(count)]


def _assign_eras(rng: random.Random, articles: list[ReplicaArticle]) -> None:
    legacy_paths: set[str] = set()
    last_id = 0
    for art in articles:
        eras = []
        if art.date < ASPNET_2018_LAUNCH:
            eras.append(ERA_2013)
            last_id = art.legacy_id = max(legacy_id_for(art.date), last_id + 1)
        republished = 2015 <= art.date.year <= 2017 and rng.random() < REPUBLISH_SHARE
        if ASPNET_2018_LAUNCH <= art.date <= ASPNET_2018_END or republished:
            eras.append(ERA_2018)
            art.legacy_path = _legacy_path(art, legacy_paths)
        if art.date >= WORDPRESS_FROM:
            eras.append(ERA_WP)
        art.eras = tuple(eras)


def _legacy_path(art: ReplicaArticle, taken: set[str]) -> str:
    if art.section == "news":
        stem = "/home/news-campaigns/NewsArticles/" + mixed_case_slug(art.title)
    else:
        stem = "/home/news-campaigns/Features/feature-" + slugify(art.title)
    path, n = stem + ".aspx", 1
    while path in taken:
        n += 1
        path = f"{stem}-{n}.aspx"
    taken.add(path)
    return path
