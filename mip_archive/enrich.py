"""The enrich stage: entities and quotes for every article whose text changed since it was last enriched, or that
was enriched by other NLP rules or another model (an upgrade re-enriches the archive on the next run).

Articles are read in batches and fed to spaCy with `nlp.pipe`; each article's entities, quotes and roles are
written in one transaction together with the hash of the text they came from, so a reader never sees an article
with the quotes of an older version.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator

import sqlite_utils

from mip_archive.store.articles import stale_enrichment_ids

log = logging.getLogger(__name__)
Progress = Callable[[int, int], None]


def enrich_articles(db: sqlite_utils.Database, *, enricher=None, article_ids: Iterable[str] | None = None,
                    batch_size: int = 32, progress: Progress | None = None, processes: int = 1) -> int:
    """Enrich the given articles (default: every stale one); returns how many were enriched."""
    from mip_archive.nlp import Enricher, article_text
    from mip_archive.nlp.model import nlp_version
    from mip_archive.store.nlp import refresh_entity_stats, save_enrichment

    version = enricher.version if enricher is not None else nlp_version()
    ids = list(article_ids) if article_ids is not None else stale_enrichment_ids(db, version)
    if not ids:
        return 0
    enricher = enricher or Enricher()
    pending: deque[dict] = deque()  # rows handed to spaCy, in order, waiting for their enrichment
    texts = (article_text(row["title"], row["standfirst"], row["body"]) for row in _read(db, ids, pending))
    done = 0
    for enrichment in enricher.enrich_many(texts, batch_size=batch_size, n_process=processes):
        row = pending.popleft()
        with db.atomic():
            save_enrichment(db, row["id"], row["published"], enrichment)
            db["articles"].update(row["id"], {"enriched_hash": row["content_hash"], "enriched_with": version},
                                  alter=True)
        done += 1
        if progress:
            progress(done, len(ids))
    with db.atomic():
        refresh_entity_stats(db)
    return done


def _read(db: sqlite_utils.Database, ids: list[str], pending: deque, chunk: int = 256) -> Iterator[dict]:
    """The articles to enrich, read a chunk at a time as spaCy asks for them (one model run for the whole job)."""
    for start in range(0, len(ids), chunk):
        for row in _rows(db, ids[start:start + chunk]):
            pending.append(row)
            yield row


def _rows(db: sqlite_utils.Database, ids: list[str]) -> list[dict]:
    marks = ",".join("?" * len(ids))
    sql = f"select id, title, standfirst, body, published, content_hash from articles where id in ({marks})"
    by_id = {row["id"]: row for row in db.query(sql, ids)}
    return [by_id[i] for i in ids if i in by_id]
