"""The store: stable ids, idempotent upserts, versions of edited articles, withdrawn articles, FTS, foreign files."""

import sqlite3

import pytest

from mip_archive.items import Article
from mip_archive.store import StoreError, open_db
from mip_archive.store.articles import mark_withdrawn, stale_enrichment_ids, upsert_article

PAY = Article(
    url="https://www.miphealth.org.uk/news/pay-award-leaves-senior-managers-behind/",
    section="news",
    title="Pay award leaves senior managers behind, says managers’ union",
    body="The award for very senior managers falls short of inflation for a third year.\n\n"
         "“Our members carry the weight of every reorganisation,” said Dana Whitfield.",
    published="2024-07-30",
    published_raw="2024-07-30T09:00:00+00:00",
    date_source="jsonld",
    author="Priya Desai",
    standfirst="MiP responds to the government’s pay announcement",
    tags=["pay"],
)


@pytest.fixture
def db(tmp_path):
    database = open_db(tmp_path / "mip.db")
    yield database
    database.close()


def store(db, article, seen_at="2026-01-01T00:00:00+00:00"):
    with db.atomic():
        return upsert_article(db, article, seen_at=seen_at)


def test_a_new_article_is_stored_with_its_fields(db):
    assert store(db, PAY) == "new"
    row = db.execute("select section, title, published, year, author, standfirst, word_count, status, versions, "
                     "tags, date_source from articles").fetchone()
    assert row == ("news", PAY.title, "2024-07-30", 2024, "Priya Desai", PAY.standfirst, 25, "live", 1, '["pay"]',
                   "jsonld")


def test_storing_the_same_article_twice_changes_nothing(db):
    store(db, PAY)
    before = list(db.query("select id, content_hash, body from articles"))
    assert store(db, PAY, seen_at="2026-01-02T00:00:00+00:00") == "unchanged"
    assert list(db.query("select id, content_hash, body from articles")) == before
    assert db["article_versions"].count == 1


def test_the_same_path_on_another_host_is_the_same_article(db):
    store(db, PAY)
    replica = Article(**{**PAY.__dict__, "url": "http://127.0.0.1:8123/news/pay-award-leaves-senior-managers-behind/"})
    assert store(db, replica) == "unchanged"
    assert db["articles"].count == 1


def test_an_edited_article_keeps_its_earlier_version(db):
    store(db, PAY)
    edited = Article(**{**PAY.__dict__, "body": PAY.body + "\n\nThis statement was updated with the final figures."})
    assert store(db, edited, seen_at="2026-02-01T00:00:00+00:00") == "updated"
    versions = list(db.query("select body, first_seen from article_versions order by first_seen"))
    assert [v["body"] for v in versions] == [PAY.body, edited.body]
    assert db.execute("select versions, body, first_seen from articles").fetchone() == (
        2, edited.body, "2026-01-01T00:00:00+00:00")


def test_a_vanished_article_is_marked_withdrawn_not_deleted(db):
    store(db, PAY)
    key = db.execute("select id from articles").fetchone()[0]
    assert mark_withdrawn(db, key, when="2026-03-01") is True
    assert mark_withdrawn(db, key, when="2026-03-02") is False
    assert db.execute("select status, withdrawn_at, body from articles").fetchone() == ("withdrawn", "2026-03-01", PAY.body)


def test_full_text_search_finds_words_in_the_body(db):
    store(db, PAY)
    hits = db.execute("select title from articles_fts where articles_fts match 'reorganisations'").fetchall()
    assert hits == [(PAY.title,)]  # porter stemming: reorganisations ~ reorganisation


def test_new_and_edited_articles_need_enrichment(db):
    store(db, PAY)
    key = db.execute("select id from articles").fetchone()[0]
    assert stale_enrichment_ids(db) == [key]


def test_opening_twice_applies_migrations_once(tmp_path):
    open_db(tmp_path / "mip.db").close()
    db = open_db(tmp_path / "mip.db")
    names = [row["name"] for row in db.query("select name from _sqlite_migrations where migration_set = 'mip-articles'")]
    assert sorted(names) == ["add_date_indexes", "add_enriched_with", "create_articles", "create_versions_and_urls"]


def test_a_file_that_is_not_sqlite_is_refused(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 200)
    with pytest.raises(StoreError, match="not an SQLite database"):
        open_db(path)


def test_a_database_that_is_not_ours_is_refused(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("create table invoices (id integer primary key, amount real)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="not a mip-archive one"):
        open_db(path)


def test_a_missing_database_is_refused_when_not_creating(tmp_path):
    with pytest.raises(StoreError, match="no archive at"):
        open_db(tmp_path / "absent.db", create=False)


def test_new_nlp_rules_or_a_new_model_make_every_article_stale(db):
    store(db, PAY)
    key = db.execute("select id from articles").fetchone()[0]
    db.execute("update articles set enriched_hash = content_hash, enriched_with = 'model-1+abc'")
    assert stale_enrichment_ids(db, "model-1+abc") == []
    assert stale_enrichment_ids(db, "model-1+def") == [key]  # the rules changed: enrich again
    assert stale_enrichment_ids(db) == []  # without a version, only changed text counts
