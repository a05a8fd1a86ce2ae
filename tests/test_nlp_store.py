"""Storage of entities, mentions, quotes (with FTS) and roles; per-article replacement; archive-wide stats."""

import json

import pytest
import sqlite_utils

from mip_archive.enrich import enrich_articles
from mip_archive.nlp import Enricher, Enrichment, Mention, Quote, RoleMention
from mip_archive.nlp.canonical import entity_id
from mip_archive.store import nlp as store

ARTICLES = {
    "a1": ("2016-03-01", "Pay cuts condemned",
           "MiP chief executive Jane Holloway said: 'Managers at Barts Health NHS Trust deserve better than this.'"),
    "a2": ("2018-07-12", "Restructure at Barts Health",
           "Barts Health is cutting posts. 'We will fight every one of these redundancies,' said Holloway."),
}


@pytest.fixture
def db(tmp_path):
    database = sqlite_utils.Database(tmp_path / "archive.db")
    database["articles"].create(
        {"id": str, "url": str, "section": str, "title": str, "published": str, "author": str, "standfirst": str,
         "body": str, "content_hash": str, "enriched_hash": str},
        pk="id",
    )
    for key, (published, title, body) in ARTICLES.items():
        database["articles"].insert({"id": key, "url": f"https://example.org/{key}", "section": "news",
                                     "title": title, "published": published, "author": None,
                                     "standfirst": None, "body": body, "content_hash": key})
    store.migrations.apply(database)
    return database


@pytest.fixture(scope="module")
def enricher():
    return Enricher()


def enrichment(speaker="Jane Holloway", quote_text="Managers deserve better."):
    return Enrichment(
        entities=[Mention("MiP", "ORG", 0, 3, "MiP"), Mention("Jane Holloway", "PERSON", 20, 33, "Jane Holloway"),
                  Mention("Holloway", "PERSON", 60, 68, "Jane Holloway")],
        quotes=[Quote(quote_text, speaker, "PERSON", "MiP chief executive", "said", 40, 63)],
        roles=[RoleMention("Jane Holloway", "MiP chief executive", 20)],
    )


def test_migration_creates_the_tables_and_is_idempotent(db):
    store.migrations.apply(db)
    assert {"entities", "article_entities", "quotes", "roles", "quotes_fts"} <= set(db.table_names())


def test_save_enrichment_writes_entities_mentions_quotes_and_roles(db):
    with db.conn:
        store.save_enrichment(db, "a1", "2016-03-01", enrichment())
    store.refresh_entity_stats(db)
    person = entity_id("PERSON", "Jane Holloway")
    assert db["entities"].get(person) == {
        "id": person, "label": "PERSON", "canonical": "Jane Holloway", "aliases": '["Holloway"]',
        "first_seen": "2016-03-01", "last_seen": "2016-03-01", "article_count": 1, "mention_count": 2,
        "quote_count": 1}
    assert list(db["article_entities"].rows_where("entity_id = ?", [person])) == [
        {"article_id": "a1", "entity_id": person, "mentions": 2, "surface_forms": '["Holloway", "Jane Holloway"]'}]
    assert list(db["quotes"].rows) == [
        {"id": "a1:0", "article_id": "a1", "position": 0, "text": "Managers deserve better.", "speaker_id": person,
         "speaker": "Jane Holloway", "speaker_label": "PERSON", "role": "MiP chief executive", "cue": "said",
         "start_char": 40, "end_char": 63, "published": "2016-03-01"}]
    assert list(db["roles"].rows) == [
        {"entity_id": person, "role": "MiP chief executive", "article_id": "a1", "date": "2016-03-01"}]


def test_saving_again_replaces_the_articles_rows_and_keeps_fts_in_sync(db):
    store.save_enrichment(db, "a1", "2016-03-01", enrichment(quote_text="Managers deserve better."))
    store.save_enrichment(db, "a1", "2016-03-01", enrichment(quote_text="Boards must listen."))
    assert [r["text"] for r in db["quotes"].rows] == ["Boards must listen."]
    assert [r["text"] for r in db["quotes"].search("listen")] == ["Boards must listen."]
    assert list(db["quotes"].search("deserve")) == []
    assert db["article_entities"].count == 2


def test_save_enrichment_does_not_commit_on_its_own(db):
    with pytest.raises(RuntimeError):
        with db.atomic():
            store.save_enrichment(db, "a1", "2016-03-01", enrichment())
            raise RuntimeError("the caller's transaction fails")
    assert db["quotes"].count == 0
    assert db["entities"].count == 0


def test_entity_stats_span_the_archive_and_drop_orphans(db):
    store.save_enrichment(db, "a1", "2016-03-01", enrichment())
    store.save_enrichment(db, "a2", "2018-07-12", enrichment())
    store.refresh_entity_stats(db)
    row = db["entities"].get(entity_id("PERSON", "Jane Holloway"))
    assert (row["first_seen"], row["last_seen"], row["article_count"], row["quote_count"]) == (
        "2016-03-01", "2018-07-12", 2, 2)
    store.save_enrichment(db, "a1", "2016-03-01", Enrichment())
    store.save_enrichment(db, "a2", "2018-07-12", Enrichment())
    store.refresh_entity_stats(db)
    assert db["entities"].count == 0


def test_enrich_articles_runs_the_nlp_over_stored_articles(db, enricher):
    calls = []
    done = enrich_articles(db, enricher=enricher, batch_size=2, progress=lambda d, t: calls.append((d, t)))
    assert done == 2 and calls == [(1, 2), (2, 2)]
    entities = {(r["label"], r["canonical"]): r for r in db["entities"].rows}
    trust = entities[("TRUST", "Barts Health NHS Trust")]
    assert (trust["article_count"], json.loads(trust["aliases"])) == (2, ["Barts Health"])
    person = entities[("PERSON", "Jane Holloway")]
    assert (person["article_count"], person["quote_count"], person["first_seen"], person["last_seen"]) == (
        2, 2, "2016-03-01", "2018-07-12")
    assert [(q["article_id"], q["speaker"], q["cue"]) for q in db["quotes"].rows_where(order_by="id")] == [
        ("a1", "Jane Holloway", "said"), ("a2", "Jane Holloway", "said")]


def test_enrich_articles_can_limit_to_some_articles(db, enricher):
    assert enrich_articles(db, enricher=enricher, article_ids=["a2"]) == 1
    assert {r["article_id"] for r in db["quotes"].rows} == {"a2"}
    assert enrich_articles(db, enricher=enricher, article_ids=[]) == 0


def test_enriching_in_two_processes_gives_the_same_results_in_the_same_order():
    from mip_archive.nlp import article_text

    texts = [article_text("Pay award falls short", None,
                          f"Dana Whitfield, MiP chief executive, said: “Members in region {n} have waited long enough.”")
             for n in range(6)]
    enricher = Enricher()
    one = [e.to_json() for e in enricher.enrich_many(texts, batch_size=2)]
    two = [e.to_json() for e in enricher.enrich_many(texts, batch_size=2, n_process=2)]
    assert two == one
    assert one[0]["quotes"][0]["speaker"] == "Dana Whitfield"


def test_enrichment_records_the_nlp_version_and_is_not_repeated(db, enricher):
    assert enrich_articles(db, enricher=enricher) == 2
    versions = {row["enriched_with"] for row in db.query("select enriched_with from articles")}
    assert versions == {enricher.version}
    assert enrich_articles(db, enricher=enricher) == 0  # nothing changed, nothing re-run
    db.execute("update articles set enriched_with = 'an-older-release'")
    assert enrich_articles(db, enricher=enricher) == 2  # an upgrade re-enriches the archive


def test_the_nlp_version_names_the_model_and_hashes_the_rules():
    from mip_archive.nlp.model import model_name, nlp_version

    version = nlp_version()
    assert version.startswith(model_name() + "-") and len(version.split("+")[1]) == 12
    assert nlp_version() == version  # stable within an install


def test_turning_the_report_tagger_on_or_off_is_a_new_nlp_version(monkeypatch):
    from mip_archive.nlp.model import nlp_version

    monkeypatch.delenv("MIP_REPORT_TAGGER", raising=False)
    rules = nlp_version()
    assert nlp_version(report_tagger=True) == rules + "+tagger"
    monkeypatch.setenv("MIP_REPORT_TAGGER", "1")
    assert nlp_version() == rules + "+tagger"  # the archive is re-enriched with the tagger's reports
