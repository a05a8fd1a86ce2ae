"""Ground truth for the replica: what a perfect crawl, parse and extraction of each invented article must yield."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from mip_archive.replica.content import ERA_2013, ERA_2018, ERA_WP
from mip_archive.replica.model import ReplicaArticle


def article_urls(article: ReplicaArticle, base_url: str) -> dict[str, str]:
    """Where each era carried the article: today's absolute URL, and the old sites' paths."""
    urls = {}
    if ERA_WP in article.eras:
        urls[ERA_WP] = f"{base_url.rstrip('/')}/news/{article.slug}/"
    if ERA_2013 in article.eras:
        urls[ERA_2013] = f"/News/HomepageNews-{article.legacy_id}.aspx"
    if ERA_2018 in article.eras:
        urls[ERA_2018] = article.legacy_path
    return urls


def truth_record(article: ReplicaArticle, base_url: str) -> dict[str, Any]:
    urls = article_urls(article, base_url)
    return {
        "url": urls.get(ERA_WP), "urls": urls, "section": article.section, "title": article.title,
        "date": article.date.isoformat(), "author": article.author, "standfirst": article.standfirst,
        "body": article.body, "image_captions": [caption for _, caption in article.images],
        "tags": list(article.tags), "eras": list(article.eras), "post_id": article.post_id,
        "legacy_id": article.legacy_id, "legacy_path": article.legacy_path,
        "entities": [{"label": label, "canonical": canonical} for label, canonical in article.entities],
        "quotes": [asdict(q) for q in article.quotes],
    }


def truth_records(articles: list[ReplicaArticle], base_url: str) -> list[dict[str, Any]]:
    return [truth_record(a, base_url) for a in articles]


def write_truth(path: str | Path, records: list[dict[str, Any]]) -> None:
    with open(path, "w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
