"""A small archive for the serving tests: four invented articles through the real store, with entities and quotes.

One article is edited (two versions), one withdrawn, and one carries hostile HTML (a script, an ``onerror``
handler, a ``javascript:`` link and an iframe) written straight into ``body_html``, as a store bug or an old
database might, to prove the pages sanitise again on the way out.
"""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from mip_archive.items import Article
from mip_archive.nlp import Mention, Quote, RoleMention
from mip_archive.nlp.canonical import entity_id
from mip_archive.nlp.pipeline import Enrichment
from mip_archive.store import articles as store_articles
from mip_archive.store import open_db
from mip_archive.store.nlp import refresh_entity_stats, save_enrichment

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

# Per article: mentions (text, label, canonical), quotes (text, speaker, label, role), roles (person, role).
ENRICHMENT = [
    ([("Alex Morgan", "PERSON", "Alex Morgan"), ("Barts Health", "TRUST", "Barts Health")],
     [("Managers have carried the service through winter and deserve better", "Alex Morgan", "PERSON",
       "chief executive of MiP")],
     [("Alex Morgan", "chief executive of MiP")]),
    ([("Alex Morgan", "PERSON", "Alex Morgan"), ("Barts Health", "TRUST", "Barts Health"),
      ("Barts Health NHS Trust", "TRUST", "Barts Health")],
     [("You cannot run a hospital without people to run it", "Alex Morgan", "PERSON", "chief executive of MiP")],
     [("Alex Morgan", "chief executive of MiP")]),
    ([("Priya Shah", "PERSON", "Priya Shah"), ("Shah", "PERSON", "Priya Shah"),
      ("Barts Health", "TRUST", "Barts Health")],
     [("We went back to paper within an hour and nobody's pay was late", "Priya Shah", "PERSON",
       "director of operations at Barts Health")],
     [("Priya Shah", "director of operations at Barts Health")]),
    ([("Alex Morgan", "PERSON", "Alex Morgan"), ("Agenda for Change", "REPORT", "Agenda for Change")],
     [("This review is long overdue", "Alex Morgan", "PERSON", "national secretary of MiP")],
     [("Alex Morgan", "national secretary of MiP")]),
]


def build_archive(path: Path) -> Path:
    """Write the archive to ``path`` (through the store's own migrations and upserts) and return the path."""
    db = open_db(path)
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


def entity_key(label: str, name: str) -> str:
    return entity_id(label, name)


def quote_key(index: int) -> str:
    return f"{article_key(index)}:0"


def _write_nlp(db: sqlite_utils.Database) -> None:
    for index, (mentions, quotes, roles) in enumerate(ENRICHMENT):
        enrichment = Enrichment(
            entities=[Mention(text, label, 0, len(text), canonical) for text, label, canonical in mentions],
            quotes=[Quote(text, speaker, label, role, "said", 0, len(text)) for text, speaker, label, role in quotes],
            roles=[RoleMention(person, role, 0) for person, role in roles],
        )
        with db.atomic():
            save_enrichment(db, article_key(index), ARTICLES[index].published, enrichment)
    refresh_entity_stats(db)


def datasette_for(path: Path, *, public: bool = False):
    """A Datasette over the archive at ``path`` configured exactly as ``mip-archive serve`` runs it."""
    import yaml
    from datasette.app import Datasette

    from mip_archive import serve

    settings = serve.PUBLIC_SETTINGS if public else serve.LOCAL_SETTINGS
    web = serve.WEB_DIR
    return Datasette(
        [] if public else [str(path)], immutables=[str(path)] if public else [],
        metadata=yaml.safe_load(serve.metadata_path().read_text()),
        template_dir=str(web / "templates"), plugins_dir=str(web / "plugins"),
        static_mounts=[("assets", str(web / "static"))],
        settings={name: _setting(value) for name, value in settings.items()},
    )


def _setting(value: str):
    if value in ("on", "off"):
        return value == "on"
    return int(value) if value.isdigit() else value


def fetch(ds, path: str):
    """GET ``path`` from ``ds`` in-process; returns the httpx response."""
    import asyncio

    return asyncio.run(ds.client.get(path))
