"""Entities, mentions, quotes (with full-text search) and stated roles, derived from each article's text.

An article's rows are replaced whenever its text is enriched again (delete and re-insert in one transaction,
nested inside the caller's when there is one); archive-wide entity statistics are then recomputed from them.
Entity ids are stable: a hash of the label and the folded canonical name (see nlp.canonical.entity_key).
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict

import sqlite_utils
from sqlite_utils.migrations import Migrations

from mip_archive.nlp.canonical import entity_id

log = logging.getLogger(__name__)

migrations = Migrations("mip-nlp")
ARTICLE_TABLES = ("quotes", "article_entities", "roles")


@migrations()
def create_nlp_tables(db: sqlite_utils.Database) -> None:
    db["entities"].create(
        {"id": str, "label": str, "canonical": str, "aliases": str, "first_seen": str, "last_seen": str,
         "article_count": int, "mention_count": int, "quote_count": int},
        pk="id", not_null={"label", "canonical"}, defaults={"article_count": 0, "mention_count": 0, "quote_count": 0},
    )
    db["entities"].create_index(["label", "canonical"])
    db["article_entities"].create(
        {"article_id": str, "entity_id": str, "mentions": int, "surface_forms": str},
        pk=("article_id", "entity_id"),
        foreign_keys=[("article_id", "articles", "id"), ("entity_id", "entities", "id")],
    )
    db["article_entities"].create_index(["entity_id"])
    db["quotes"].create(
        {"id": str, "article_id": str, "position": int, "text": str, "speaker_id": str, "speaker": str,
         "speaker_label": str, "role": str, "cue": str, "start_char": int, "end_char": int, "published": str},
        pk="id", not_null={"article_id", "text"},
        foreign_keys=[("article_id", "articles", "id"), ("speaker_id", "entities", "id")],
    )
    for columns in (["article_id"], ["speaker_id"], ["published"]):
        db["quotes"].create_index(columns)
    db["quotes"].enable_fts(["text", "speaker"], create_triggers=True, tokenize="porter", replace=True)
    db["roles"].create(
        {"entity_id": str, "role": str, "article_id": str, "date": str},
        pk=("article_id", "entity_id", "role"),
        foreign_keys=[("article_id", "articles", "id"), ("entity_id", "entities", "id")],
    )
    db["roles"].create_index(["entity_id", "date"])


def save_enrichment(db: sqlite_utils.Database, article_id: str, published: str | None, enrichment) -> None:
    """Replace one article's entity mentions, quotes and roles with those in `enrichment`.

    Runs inside `db.atomic()`: a savepoint in the caller's transaction when there is one, so nothing is
    committed on its own. Entity statistics are not touched; call `refresh_entity_stats` after a batch.
    """
    with db.atomic():
        for table in ARTICLE_TABLES:
            if db[table].exists():
                db.execute(f"delete from [{table}] where article_id = ?", [article_id])
        ids = _save_entities(db, article_id, enrichment.entities)
        _save_quotes(db, article_id, published, enrichment.quotes, ids)
        _save_roles(db, article_id, published, enrichment.roles, ids)


def _save_entities(db: sqlite_utils.Database, article_id: str, mentions) -> dict[tuple[str, str], str]:
    """Upsert the article's entities; returns (label, canonical) → entity id."""
    groups: dict[tuple[str, str], list] = defaultdict(list)
    for mention in mentions:
        groups[(mention.label, mention.canonical)].append(mention)
    ids = {}
    for (label, canonical), group in groups.items():
        ids[(label, canonical)] = _ensure_entity(db, label, _archive_name(db, label, canonical))
    rows = {}
    for (label, canonical), group in groups.items():
        key = ids[(label, canonical)]
        row = rows.setdefault(key, {"article_id": article_id, "entity_id": key, "mentions": 0, "forms": set()})
        row["mentions"] += len(group)
        row["forms"].update(m.text for m in group)
    db["article_entities"].insert_all(
        [{**{k: v for k, v in r.items() if k != "forms"}, "surface_forms": json.dumps(sorted(r["forms"]))}
         for r in rows.values()],
        pk=("article_id", "entity_id"), replace=True,
    )
    return ids


def _archive_name(db: sqlite_utils.Database, label: str, canonical: str) -> str:
    """A bare surname resolves to the one person in the archive with that surname, if there is exactly one."""
    if label != "PERSON" or " " in canonical:
        return canonical
    rows = list(db.query(
        "select canonical from entities where label = 'PERSON' and canonical like ? escape '\\'",
        ["% " + canonical.replace("%", "\\%").replace("_", "\\_")],
    ))
    return rows[0]["canonical"] if len(rows) == 1 else canonical


def _ensure_entity(db: sqlite_utils.Database, label: str, canonical: str) -> str:
    """Insert the entity if new; keep the longest spelling as its canonical name. Returns its id."""
    key = entity_id(label, canonical)
    existing = list(db.query("select canonical from entities where id = ?", [key]))
    if not existing:
        db["entities"].insert({"id": key, "label": label, "canonical": canonical}, pk="id")
    elif len(canonical) > len(existing[0]["canonical"]):
        db.execute("update entities set canonical = ? where id = ?", [canonical, key])
    return key


def _save_quotes(db, article_id: str, published: str | None, quotes, ids: dict) -> None:
    rows = []
    for position, quote in enumerate(quotes):
        speaker_id, speaker = None, quote.speaker
        if quote.speaker:
            speaker_id = ids.get((quote.speaker_label, quote.speaker)) or _ensure_entity(
                db, quote.speaker_label or "ORG", quote.speaker)
            speaker = db["entities"].get(speaker_id)["canonical"]
        rows.append({"id": f"{article_id}:{position}", "article_id": article_id, "position": position,
                     "text": quote.text, "speaker_id": speaker_id, "speaker": speaker,
                     "speaker_label": quote.speaker_label, "role": quote.role, "cue": quote.cue,
                     "start_char": quote.start, "end_char": quote.end, "published": published})
    if rows:
        db["quotes"].insert_all(rows, pk="id", replace=True)


def _save_roles(db, article_id: str, published: str | None, roles, ids: dict) -> None:
    rows = {}
    for role in roles:
        key = ids.get(("PERSON", role.entity))
        if key is not None:
            rows[(key, role.role)] = {"entity_id": key, "role": role.role, "article_id": article_id,
                                      "date": published}
    if rows:
        db["roles"].insert_all(rows.values(), pk=("article_id", "entity_id", "role"), replace=True)


STATS_SQL = """
update entities set
  article_count = (select count(*) from article_entities ae where ae.entity_id = entities.id),
  mention_count = coalesce((select sum(mentions) from article_entities ae where ae.entity_id = entities.id), 0),
  quote_count = (select count(*) from quotes q where q.speaker_id = entities.id),
  first_seen = (select min(a.published) from articles a join article_entities ae on ae.article_id = a.id
                where ae.entity_id = entities.id),
  last_seen = (select max(a.published) from articles a join article_entities ae on ae.article_id = a.id
               where ae.entity_id = entities.id)
"""


def refresh_entity_stats(db: sqlite_utils.Database) -> None:
    """Recompute counts, first/last seen dates and aliases for every entity; drop entities nothing refers to."""
    with db.atomic():
        db.execute(STATS_SQL)
        db.execute(
            "delete from entities where article_count = 0 and quote_count = 0"
            " and id not in (select entity_id from roles)"
        )
        _refresh_aliases(db)


def _refresh_aliases(db: sqlite_utils.Database) -> None:
    forms: dict[str, set[str]] = defaultdict(set)
    for row in db.query("select entity_id, surface_forms from article_entities"):
        forms[row["entity_id"]].update(json.loads(row["surface_forms"] or "[]"))
    for row in db.query("select id, canonical from entities"):
        aliases = sorted(forms.get(row["id"], set()) - {row["canonical"]})
        db.execute("update entities set aliases = ? where id = ?", [json.dumps(aliases, ensure_ascii=False), row["id"]])


@migrations()
def add_serving_indexes(db: sqlite_utils.Database) -> None:
    """Indexes the canned queries need at scale (100,000 articles, a million quotes): a quote count per article
    and speaker, a speaker's quotes with what sorts them (covering), an entity's articles (covering)."""
    for columns in (["article_id", "speaker_id"], ["speaker_id", "published", "article_id", "position"]):
        db["quotes"].create_index(columns, if_not_exists=True)
    db["article_entities"].create_index(["entity_id", "article_id", "mentions"], if_not_exists=True)
