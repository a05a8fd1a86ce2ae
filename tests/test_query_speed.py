"""Fast canned queries at scale: the serving indexes, `optimize`, and every way a canned query can take to its rows.

Several canned queries choose between two or three plans from a count (how many quotes match, how many articles
name an entity): walking the articles newest first and stopping at the limit, or starting from the matches. The
choice must change the speed only, never the rows: each test forces every way on a small synthetic archive
(speakers and entities spread unevenly over 14 years, as at scale) and expects the same rows as the query picks.
"""

from __future__ import annotations

import re
import sqlite3

import pytest
import yaml

from mip_archive.bench.synth import build_archive
from mip_archive.serve import metadata_path
from mip_archive.store import open_db
from mip_archive.store.maintenance import fts_tables, optimize
from mip_archive.web.fts import safe_fts_query

QUERIES = yaml.safe_load(metadata_path().read_text())["databases"]["mip"]["queries"]
QUOTE_WAYS = ("all", "seek", "list", "direct")
QUOTE_WAY_CHOICE = re.compile(r"case when mip_fts\(:q\) = '\"\"' then 'all' .*? end as way", re.DOTALL)


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    path = tmp_path_factory.mktemp("synth") / "mip.db"
    build_archive(path, 400, quotes_per_article=4)
    db = open_db(path)
    optimize(db, merge=True)
    db.close()
    return path


@pytest.fixture(scope="module")
def conn(archive):
    connection = sqlite3.connect(archive)
    connection.create_function("mip_fts", 1, safe_fts_query, deterministic=True)
    yield connection
    connection.close()


def run(conn, sql: str, **given) -> list[tuple]:
    names = set(re.findall(r"(?<![:\w]):([A-Za-z_]\w*)", sql))
    return conn.execute(sql, {name: given.get(name, "") for name in names}).fetchall()


def forced(name: str, old: str, new: str) -> str:
    sql = QUERIES[name]["sql"]
    assert old in sql, f"{name} no longer holds {old!r}: update this test with the query"
    return sql.replace(old, new)


def names(conn, label: str, n: int) -> list[str]:
    """Last words of the `n` entities with the label named in most articles (what a reader types)."""
    sql = "select canonical from entities where label = ? order by article_count desc, canonical limit ?"
    return [row[0].split()[-1] for row in conn.execute(sql, [label, n])]


def test_the_serving_indexes_exist_after_migration(archive):
    conn = sqlite3.connect(archive)
    indexes = {tuple(row[2] for row in conn.execute(f"pragma index_info([{name}])"))
               for (name,) in conn.execute("select name from sqlite_master where type = 'index'")}
    conn.close()
    assert {("article_id", "speaker_id"), ("speaker_id", "published", "article_id", "position"),
            ("entity_id", "article_id", "mentions"), ("year", "published"), ("id", "year", "published")} <= indexes


def test_optimize_gathers_statistics_and_keeps_search_results(tmp_path):
    path = tmp_path / "mip.db"
    build_archive(path, 30, quotes_per_article=2)
    db = open_db(path)
    before = db.execute("select rowid from articles_fts where articles_fts match 'managers' order by rowid").fetchall()
    assert isinstance(optimize(db, merge=True), float)
    optimize(db)  # safe to repeat, with or without merging
    analysed = {row[0] for row in db.execute("select tbl from sqlite_stat1")}
    after = db.execute("select rowid from articles_fts where articles_fts match 'managers' order by rowid").fetchall()
    assert sorted(fts_tables(db)) == ["articles_fts", "quotes_fts"]
    db.close()
    assert {"articles", "quotes", "article_entities", "entities", "roles"} <= analysed
    assert after == before and before


@pytest.mark.parametrize("way", ["many", "few"])
def test_entity_mentions_gives_the_same_rows_either_way(conn, way):
    threshold = "> (select max(rowid) from articles) / 2"
    sql = forced("entity_mentions", threshold, "> -1" if way == "many" else "> 1e18")
    for entity in ["", *names(conn, "PERSON", 3), *names(conn, "REPORT", 1), "nobody at all"]:
        assert run(conn, sql, entity=entity) == run(conn, QUERIES["entity_mentions"]["sql"], entity=entity), entity


@pytest.mark.parametrize("way", ["walk", "direct"])
def test_person_timeline_gives_the_same_rows_either_way(conn, way):
    sql = forced("person_timeline", "> 20000 as yes", "> -1 as yes" if way == "walk" else "> 1e18 as yes")
    for person in ["", *names(conn, "PERSON", 4), "nobody at all"]:
        assert run(conn, sql, person=person) == run(conn, QUERIES["person_timeline"]["sql"], person=person), person


@pytest.mark.parametrize("name", ["quotes_on_topic", "quotes_feed"])
@pytest.mark.parametrize("way", QUOTE_WAYS[1:])
@pytest.mark.parametrize("given", [{"q": "managers"}, {"q": "pay"}, {"q": "structures", "since": "2020"},
                                   {"q": "managers", "speaker": "chief executive"}, {"q": "no-such-word"}])
def test_quote_searches_give_the_same_rows_every_way(conn, name, way, given):
    sql = QUERIES[name]["sql"]
    assert QUOTE_WAY_CHOICE.search(sql), f"{name}: update this test with the query"
    way_sql = QUOTE_WAY_CHOICE.sub(f"case when mip_fts(:q) = '\"\"' then 'all' else '{way}' end as way", sql)
    assert run(conn, way_sql, **given) == run(conn, sql, **given)


def test_most_mentioned_over_all_time_agrees_with_counting_the_mentions(conn):
    for label in ("", "person", "trust", "report"):
        kept = run(conn, QUERIES["most_mentioned"]["sql"], label=label)
        counted = run(conn, QUERIES["most_mentioned"]["sql"], label=label, since="0000")
        assert kept == counted and kept, label


@pytest.mark.parametrize("given", [{"q": "managers"}, {"q": "structures"}, {"q": "pay"}, {"q": '"very senior"'}])
def test_search_keeps_the_best_100_and_any_tied_with_the_100th(conn, given):
    every_match = forced("search", "then 200 else 0 end", "then 0 else 0 end")
    assert run(conn, every_match, **given) == run(conn, QUERIES["search"]["sql"], **given)


def test_datasette_connections_read_through_memory_mapping(tmp_path):
    import importlib.util

    from mip_archive.serve import WEB_DIR

    spec = importlib.util.spec_from_file_location("mip_web_under_test", WEB_DIR / "plugins" / "mip_web.py")
    plugin = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(plugin)
    conn = sqlite3.connect(tmp_path / "mip.db")
    plugin.prepare_connection(conn)
    assert conn.execute("pragma mmap_size").fetchone()[0] == plugin.MMAP_BYTES == 2_147_418_112
    assert conn.execute("select mip_fts('pay \"senior managers\" manag*')").fetchone()[0] == '"pay" "senior managers" "manag"*'
    conn.close()
