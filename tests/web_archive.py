"""A small archive for the serving tests: four invented articles through the real store, with entities and quotes.

One article is edited (two versions), one withdrawn, and one carries hostile HTML (a script, an ``onerror``
handler, a ``javascript:`` link and an iframe) written straight into ``body_html``, as a store bug or an old
database might, to prove the pages sanitise again on the way out.
"""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from mip_archive.items import Article
from mip_archive.store import articles as store_articles
from mip_archive.store import runs as store_runs

BASE = "https://www.miphealth.org.uk"
HOSTILE_HTML = (
    '<p>Trusts were told to cut management costs by a third.</p>'
    '<script>document.title="owned"</script>'
    '<img src="x.png" onerror="document.title=\'owned\'">'
    '<p><a href="javascript:alert(1)">Read the letter</a></p>'
    '<iframe src="https://tracker.example/embed"></iframe>'
)

ARTICLES = [
    Article(url=f"{BASE}/news/pay-award-2024/", section="news", title="Pay award leaves senior managers behind again",
            published="2024-03-12", author="Press office",
            standfirst="Very senior managers get less than the rest of the NHS workforce for a third year.",
            body=("The pay award announced today gives very senior managers a rise well below inflation.\n\n"
                  "\u201cManagers have carried the service through winter and deserve better,\u201d said Alex Morgan, "
                  "chief executive of MiP.\n\nBarts Health and other trusts report vacancies in senior posts."),
            body_html="<p>The pay award announced today gives very senior managers a rise well below inflation.</p>"),
    Article(url=f"{BASE}/news/management-cuts/", section="news", title="Cutting managers will not fix waiting lists",
            published="2025-04-02", author="Press office",
            standfirst="The union warns that a cap on management costs puts patient services at risk.",
            body=("Trusts were told to cut management costs by a third.\n\n"
                  "\u201cYou cannot run a hospital without people to run it,\u201d said Alex Morgan, "
                  "chief executive of MiP.\n\nBarts Health said it would review its structure."),
            body_html=HOSTILE_HTML),
    Article(url=f"{BASE}/magazine/interview-priya-shah/", section="magazine",
            title="Interview: leading a trust through a cyber attack", published="2023-11-20", author="Sam Lee",
            standfirst="A director of operations on the week the computers stopped.",
            body=("Priya Shah was director of operations when the attack came.\n\n"
                  "\u201cWe went back to paper within an hour and nobody's pay was late,\u201d said Priya Shah, "
                  "director of operations at Barts Health."),
            body_html="<p>Priya Shah was director of operations when the attack came.</p>"),
    Article(url=f"{BASE}/news/agenda-for-change-review/", section="news",
            title="Union welcomes review of pay bands", published="2022-06-30", author="Press office",
            standfirst="A review of Agenda for Change bands for managers is overdue.",
            body=("The review will look at how managers are graded.\n\n"
                  "\u201cThis review is long overdue,\u201d said Alex Morgan, national secretary of MiP."),
            body_html="<p>The review will look at how managers are graded.</p>"),
]
EDITED_BODY = ARTICLES[0].body + "\n\nThis statement was updated after the pay review body published its report."

ENTITIES = [
    {"id": 1, "name": "Alex Morgan", "label": "PERSON", "aliases": '["Morgan"]'},
    {"id": 2, "name": "Barts Health", "label": "TRUST", "aliases": '["Barts Health NHS Trust"]'},
    {"id": 3, "name": "Priya Shah", "label": "PERSON", "aliases": "[]"},
    {"id": 4, "name": "Agenda for Change", "label": "REPORT", "aliases": "[]"},
]
# (article index, entity id, mentions)
MENTIONS = [(0, 1, 1), (0, 2, 1), (1, 1, 1), (1, 2, 2), (2, 3, 2), (2, 2, 1), (3, 1, 1), (3, 4, 1)]
# (article index, speaker id, role, text)
QUOTES = [
    (0, 1, "chief executive of MiP", "Managers have carried the service through winter and deserve better"),
    (1, 1, "chief executive of MiP", "You cannot run a hospital without people to run it"),
    (2, 3, "director of operations at Barts Health", "We went back to paper within an hour and nobody's pay was late"),
    (3, 1, "national secretary of MiP", "This review is long overdue"),
]


def build_archive(path: Path) -> Path:
    """Write the archive to ``path`` (through the store's own migrations and upserts) and return the path."""
    db = sqlite_utils.Database(path)
    for migrations in (store_articles.migrations, store_runs.migrations):
        migrations.apply(db)
    with db.atomic():
        for article in ARTICLES:
            store_articles.upsert_article(db, article, seen_at="2025-05-01T06:00:00Z")
        edited = Article(**{**ARTICLES[0].__dict__, "body": EDITED_BODY})
        store_articles.upsert_article(db, edited, seen_at="2025-05-08T06:00:00Z")
        store_articles.mark_withdrawn(db, article_key(3), when="2025-05-08T06:00:00Z")
    _write_nlp(db)
    db.close()
    return path


def article_key(index: int) -> str:
    return store_articles.article_row(ARTICLES[index])["id"]


def _write_nlp(db: sqlite_utils.Database) -> None:
    _create_nlp_tables(db)
    keys = [article_key(index) for index in range(len(ARTICLES))]
    db["entities"].insert_all(ENTITIES)
    db["article_entities"].insert_all(
        {"article_id": keys[index], "entity_id": entity, "mentions": count} for index, entity, count in MENTIONS)
    db["quotes"].insert_all(
        {"id": number + 1, "article_id": keys[index], "speaker_id": speaker, "role": role, "cue": "said",
         "text": text, "position": number}
        for number, (index, speaker, role, text) in enumerate(QUOTES))


def _create_nlp_tables(db: sqlite_utils.Database) -> None:
    db["entities"].create({"id": int, "name": str, "label": str, "aliases": str, "first_seen": str,
                           "last_seen": str, "article_count": int, "quote_count": int}, pk="id")
    db["article_entities"].create({"article_id": str, "entity_id": int, "mentions": int},
                                  pk=("article_id", "entity_id"),
                                  foreign_keys=[("article_id", "articles", "id"), ("entity_id", "entities", "id")])
    db["quotes"].create({"id": int, "article_id": str, "speaker_id": int, "role": str, "cue": str, "text": str,
                         "position": int}, pk="id",
                        foreign_keys=[("article_id", "articles", "id"), ("speaker_id", "entities", "id")])
    db["quotes"].enable_fts(["text"], create_triggers=True, tokenize="porter")
