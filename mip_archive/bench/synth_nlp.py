"""The NLP rows of the synthetic archive: each invented article's planted entities, quotes and roles.

The rows have exactly the shape :func:`mip_archive.store.nlp.save_enrichment` writes (tests/test_bench.py checks
the two give identical tables), but are built in memory and bulk-inserted: saving 100,000 articles one by one
through the store takes several minutes, this takes seconds.

The replica plants two or three quotes per article; to reach the wanted number per article, each article also
gets quotes borrowed from the other articles of its chunk (same speakers and wording, so the full-text index sees
the real vocabulary at the wanted scale).
"""

from __future__ import annotations

import json

import sqlite_utils

from mip_archive.nlp import Enrichment, Mention, Quote, RoleMention
from mip_archive.nlp.canonical import entity_id


def enrichment_for(article, text: str, borrowed: list, quotes_per_article: int) -> Enrichment:
    """The Enrichment a perfect extractor would produce for `article` (whose enricher text is `text`), padded
    to `quotes_per_article` quotes with `borrowed` ones."""
    mentions = [_mention(text, label, name) for label, name in article.entities]
    quotes = [_quote(text, q) for q in [*article.quotes, *borrowed][:quotes_per_article]]
    roles = [RoleMention(q.speaker, q.role, 0) for q in article.quotes if q.role and q.speaker_label == "PERSON"]
    return Enrichment(entities=mentions, quotes=quotes, roles=roles)


def _mention(text: str, label: str, name: str) -> Mention:
    start = max(text.find(name), 0)
    return Mention(text=name, label=label, start=start, end=start + len(name), canonical=name)


def _quote(text: str, planted) -> Quote:
    start = max(text.find(planted.text[:40]), 0)
    return Quote(text=planted.text, speaker=planted.speaker, speaker_label=planted.speaker_label, role=planted.role,
                 cue=planted.cue, start=start, end=start + len(planted.text))


def enrichments(articles: list, rows: list[dict], quotes_per_article: int):
    """(article row, Enrichment) for each article of a chunk."""
    from mip_archive.nlp import article_text

    pool = [q for a in articles for q in a.quotes]
    for i, (article, row) in enumerate(zip(articles, rows)):
        need = max(0, quotes_per_article - len(article.quotes)) if pool else 0
        borrowed = [pool[(i * 7 + k) % len(pool)] for k in range(need)]
        text = article_text(row["title"], row["standfirst"], row["body"])
        yield row, enrichment_for(article, text, borrowed, quotes_per_article)


class NlpRows:
    """Rows for entities, article_entities, quotes and roles, as save_enrichment would write them."""

    def __init__(self):
        self.entities: dict[str, dict] = {}
        self.tables: dict[str, list[dict]] = {"article_entities": [], "quotes": [], "roles": []}

    def add(self, article_id: str, published: str | None, enrichment: Enrichment) -> None:
        ids = {(m.label, m.canonical): self._entity(m.label, m.canonical) for m in enrichment.entities}
        groups: dict[str, dict] = {}
        for m in enrichment.entities:
            key = ids[(m.label, m.canonical)]
            group = groups.setdefault(key, {"article_id": article_id, "entity_id": key, "mentions": 0, "forms": set()})
            group["mentions"] += 1
            group["forms"].add(m.text)
        self.tables["article_entities"] += [
            {"article_id": g["article_id"], "entity_id": g["entity_id"], "mentions": g["mentions"],
             "surface_forms": json.dumps(sorted(g["forms"]))} for g in groups.values()]
        self.tables["quotes"] += [self._quote_row(article_id, published, i, q, ids)
                                  for i, q in enumerate(enrichment.quotes)]
        roles = {(ids[("PERSON", r.entity)], r.role): r for r in enrichment.roles if ("PERSON", r.entity) in ids}
        self.tables["roles"] += [{"entity_id": key, "role": role, "article_id": article_id, "date": published}
                                 for key, role in roles]

    def _entity(self, label: str, canonical: str) -> str:
        key = entity_id(label, canonical)
        self.entities.setdefault(key, {"id": key, "label": label, "canonical": canonical})
        return key

    def _quote_row(self, article_id, published, position, quote: Quote, ids) -> dict:
        speaker_id = None
        if quote.speaker:
            speaker_id = ids.get((quote.speaker_label, quote.speaker)) or self._entity(
                quote.speaker_label or "ORG", quote.speaker)
        return {"id": f"{article_id}:{position}", "article_id": article_id, "position": position,
                "text": quote.text, "speaker_id": speaker_id, "speaker": quote.speaker,
                "speaker_label": quote.speaker_label, "role": quote.role, "cue": quote.cue,
                "start_char": quote.start, "end_char": quote.end, "published": published}

    def write(self, db: sqlite_utils.Database) -> int:
        """Insert the collected rows (new entities only) and forget them; returns how many quotes were written."""
        known = {row[0] for row in db.execute("select id from entities")}
        bulk_insert(db, "entities", [e for key, e in self.entities.items() if key not in known])
        for table, rows in self.tables.items():
            bulk_insert(db, table, rows)
        written = len(self.tables["quotes"])
        self.tables = {name: [] for name in self.tables}
        return written


def bulk_insert(db: sqlite_utils.Database, table: str, rows: list[dict]) -> None:
    """One executemany per table: the columns of the first row, every row in that order."""
    if not rows:
        return
    columns = list(rows[0])
    sql = (f"insert into [{table}] ({', '.join(f'[{c}]' for c in columns)}) "
           f"values ({', '.join('?' for _ in columns)})")
    db.conn.executemany(sql, ([row[c] for c in columns] for row in rows))


def insert_enrichment(db: sqlite_utils.Database, articles: list, rows: list[dict], quotes_per_article: int) -> int:
    """Insert the planted enrichment of each article of a chunk (rows: their `articles` rows); returns quotes."""
    collected = NlpRows()
    for row, enrichment in enrichments(articles, rows, quotes_per_article):
        collected.add(row["id"], row["published"], enrichment)
    return collected.write(db)
