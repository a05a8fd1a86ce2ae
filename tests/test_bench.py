"""Benchmarks: every stage runs on tiny inputs and returns results of the right shape, with its ratios and targets.

No timing is asserted (machines are noisy); what is checked is what the numbers are computed from and how.
"""

import json

import pytest

from mip_archive.bench import accuracy, report
from mip_archive.bench import serve_queries as Q
from mip_archive.bench.report import StageResult, Table, Target

TRUTH = {
    "title": "Union warns on “pay restraint” for senior managers",
    "date": "2024-07-30",
    "author": None,
    "standfirst": "MiP responds to the pay announcement.",
    "body": "The award falls short of inflation for a third year.\n\nManagers carry the weight of every change.",
    "image_captions": ["Senior managers at a regional meeting"],
}


# -- report: ratios, percentiles, targets, tables, JSON -------------------------------------------------------------

@pytest.mark.parametrize("ours, peer, expected", [(10.0, 2.0, 5.0), (1.0, 3.0, 0.333), (None, 2.0, None),
                                                  (1.0, 0.0, None), (1.0, None, None)])
def test_ratio_is_ours_over_the_peer_and_none_without_a_peer(ours, peer, expected):
    assert report.ratio(ours, peer) == expected


@pytest.mark.parametrize("pct, expected", [(50, 5), (95, 10), (100, 10), (1, 1)])
def test_percentile_is_the_nearest_rank(pct, expected):
    assert report.percentile([7, 3, 1, 9, 2, 10, 4, 6, 5, 8], pct) == expected


@pytest.mark.parametrize("target, met, gap", [
    (Target("speed", "≥ 5×", 2.5, 5.0), False, 2.0),
    (Target("speed", "≥ 5×", 6.0, 5.0), True, 0.83),
    (Target("p95", "< 50 ms", 80.0, 50.0, higher_is_better=False), False, 1.6),
    (Target("p95", "< 50 ms", 25.0, 50.0, higher_is_better=False), True, 0.5),
    (Target("speed", "≥ 5×", None, 5.0), None, None),
])
def test_a_target_says_whether_it_is_met_and_by_what_factor_it_is_missed(target, met, gap):
    assert (target.met, target.gap) == (met, gap)


def test_a_table_prints_aligned_with_thousands_separators():
    table = Table("Speeds", ["extractor", "pages/s", "ok"])
    table.add("ours", 1234.5, True)
    table.add("peer", 3.14159, None)
    assert report.format_table(table).splitlines() == [
        "Speeds",
        "extractor  pages/s  ok ",
        "---------  -------  ---",
        "ours       1,234.5  yes",
        "peer         3.142    —",
    ]


def test_a_result_renders_as_markdown_with_its_targets_and_is_written_as_json(tmp_path):
    result = StageResult("parse", "python scripts/bench.py parse --quick", True,
                         tables=[Table("Speeds", ["extractor", "pages/s"], [["ours", 10.0]])],
                         ratios={"ours vs peer": 2.0}, targets=[Target("speed", "≥ 5×", 2.0, 5.0)])
    text = report.format_result(result, markdown=True)
    assert "| extractor | pages/s |" in text
    assert "| speed | ≥ 5× | 2× | no | 2.50× |" in text
    saved = json.loads(report.write_json(result, tmp_path).read_text())
    assert saved["stage"] == "parse" and saved["command"] == "python scripts/bench.py parse --quick"
    assert saved["targets"] == [{"name": "speed", "wanted": "≥ 5×", "measured": 2.0, "threshold": 5.0,
                                 "higher_is_better": True, "unit": "×", "met": False, "gap": 2.5}]
    assert saved["tables"][0]["rows"] == [["ours", 10.0]]
    assert report.format_result(report.read_json(tmp_path / "parse.json")) == report.format_result(result)


# -- accuracy: fields, body F1, boilerplate leaks -------------------------------------------------------------------

def test_a_perfect_extraction_scores_full_marks():
    fields = {"title": 'Union warns on "pay restraint" for senior managers', "date": "2024-07-30", "author": None,
              "body": TRUTH["body"]}
    assert accuracy.score_page(fields, TRUTH) == {"title": 1, "date": 1, "author": 1, "precision": 1.0,
                                                  "recall": 1.0, "f1": 1.0, "leak": 0, "failed": 0}


def test_menus_in_the_body_are_a_leak_but_the_standfirst_and_captions_are_not():
    body = "\n".join([TRUTH["standfirst"], TRUTH["body"], TRUTH["image_captions"][0],
                      "Home About us Join MiP Contact", "Follow us on social media"])
    assert accuracy.leaked_paragraphs(body, TRUTH) == ["Home About us Join MiP Contact", "Follow us on social media"]


def test_layout_headings_passed_as_layout_are_not_leaks():
    body = TRUTH["body"] + "\n\nWhat happens next"
    assert accuracy.leaked_paragraphs(body, TRUTH) == ["What happens next"]
    assert accuracy.leaked_paragraphs(body, TRUTH, layout=("What happens next",)) == []


def test_body_scores_are_bag_of_words_precision_recall_and_f1():
    precision, recall, f1 = accuracy.token_scores("the award falls short menu", "The award falls short of inflation")
    assert (precision, round(recall, 3), round(f1, 3)) == (0.8, 0.667, 0.727)


def test_a_failed_extraction_scores_zero_and_counts_as_failed():
    assert accuracy.score_page(None, TRUTH) == {"title": 0, "date": 0, "author": 0, "precision": 0.0, "recall": 0.0,
                                                "f1": 0.0, "leak": 0, "failed": 1}


def test_mean_scores_average_over_pages():
    pages = [{"title": 1, "f1": 1.0}, {"title": 0, "f1": 0.5}]
    assert accuracy.mean_scores(pages) == {"title": 0.5, "f1": 0.75, "pages": 2}


# -- serving probes: canned-query parameters, encoded paths -------------------------------------------------------

def test_canned_query_parameters_ignore_string_literals_and_casts():
    sql = "select 'urn:mip:x', published || 'T00:00:00Z', x::text from t where a = :q and (:since = '' or b > :since)"
    assert Q.query_params(sql) == ["q", "since"]


def test_a_canned_probe_fills_its_main_box_and_leaves_the_others_empty():
    queries = {"quotes_on_topic": {"sql": "select * from quotes where :q != '' and :speaker = '' and :since = ''"},
               "new_statements": {"sql": "select * from articles where :since = '' or published >= :since"}}
    values = {"term": "pay", "like": "%pay%", "speaker": "Restell", "entity": "Barts"}
    assert [p.path(values) for p in Q.canned_probes(queries)] == [
        "/mip/quotes_on_topic.json?q=pay&speaker=&since=", "/mip/new_statements.json?since=2020"]


def test_sql_probes_encode_the_query_and_its_parameters():
    probe = next(p for p in Q.SEARCH_PROBES if p.kind == "like" and "quotes" in p.name)
    assert probe.path({"term": "pay", "like": "%pay%"}) == (
        "/mip.json?sql=select+id%2C+article_id%2C+text+from+quotes+where+text+like+%3Ap+limit+50&p=%25pay%25"
        "&_shape=array")


def test_every_search_probe_has_a_like_peer_with_the_same_subject():
    names = {p.name: p.kind for p in Q.SEARCH_PROBES}
    assert all(names[fts] == "fts" and names[like] == "like" and fts.split(":")[0] == like.split(":")[0]
               for fts, like in Q.PAIRS.items())


# -- stages on tiny inputs -------------------------------------------------------------------------------------------

def test_the_parse_stage_scores_every_extractor_on_the_same_pages():
    from mip_archive.bench import parse

    result = parse.run(n_pages=4, repeats=1, command="test")
    table = result.tables[0]
    assert result.stage == "parse" and result.status == "ok" and result.params["pages"] == 4
    assert next(row[0] for row in table.rows) == "mip-archive parse_article"
    assert all(row[1] > 0 and 0 <= row[3] <= 1 for row in table.rows)
    assert result.ratios["trafilatura bare_extraction vs trafilatura"] == 1.0
    assert [t.name.split(" (")[0] for t in result.targets] == [
        "parse speed vs trafilatura", "title accuracy vs best peer", "date accuracy vs best peer",
        "author accuracy vs best peer", "body token F1 vs best peer", "boilerplate-leak rate vs best peer"]


def test_the_nlp_stage_compares_ours_with_the_bare_model_on_the_same_words():
    from mip_archive.bench import nlp

    result = nlp.run(n_articles=3, batch_sizes=(2,), repeats=1, command="test")
    rows = result.tables[0].rows
    assert [(row[0], row[2]) for row in rows] == [("bare spaCy, all components", 2),
                                                  ("bare spaCy, unused components disabled", 2),
                                                  ("ours: its spaCy pipeline only (no quotes/attribution)", 2),
                                                  ("ours: Enricher.enrich_many", 2)]
    assert rows[0][5] == 1.0
    assert result.ratios["ours_vs_bare_all"] == pytest.approx(rows[3][4] / rows[0][4], rel=0.01)
    assert result.targets[0].threshold == 0.7


def test_the_e2e_split_takes_store_and_fts_out_of_the_crawl():
    from mip_archive.bench import e2e

    lines = [(0.5, "INFO replica serving 100 invented articles"), (3.0, "INFO page 1"),
             (9.5, "INFO enriched 1/60 articles"), (12.0, "INFO enriched 60/60 articles")]
    demo = {"wall": 14.0, "marks": e2e.stage_marks(lines, 14.0)}
    assert e2e.split(demo, {"store": 1.5, "fts": 0.5}) == {
        "replica build": 0.5, "fetch+parse": 7.0, "store": 1.5, "FTS": 0.5, "NLP": 4.5, "total": 14.0}


def test_the_e2e_growth_ratio_is_per_article():
    from mip_archive.bench import e2e

    def fake(articles, wall):
        stages = {"replica build": 1.0, "fetch+parse": wall / 2, "store": 0.1, "FTS": 0.1, "NLP": wall / 4,
                  "total": wall}
        return {"articles": articles, "demo": {"wall": wall, "peak_mib": 300.0, "summary": "demo ok"},
                "stages": stages, "replay": {"fts_rebuild": 0.05}}

    result = e2e._result({100: fake(60, 10.0), 1000: fake(600, 120.0)}, True, "test")
    assert result.ratios["total per article, 1000 / 100"] == 1.2
    assert result.ratios["replica build per article, 1000 / 100"] == 0.1
    assert result.targets[0].met is True


# -- the synthetic archive and the store replay -------------------------------------------------------------------

def _nlp_tables(db):
    return {table: sorted(map(tuple, db.execute(f"select {columns} from {table}").fetchall()), key=repr)
            for table, columns in (("entities", "id, label, canonical"), ("article_entities", "*"),
                                   ("quotes", "*"), ("roles", "*"))}


def test_the_synthetic_nlp_rows_are_exactly_what_save_enrichment_writes(tmp_path):
    from mip_archive.bench import synth, synth_nlp
    from mip_archive.replica.content import generate
    from mip_archive.store import open_db
    from mip_archive.store.nlp import save_enrichment

    articles = generate(12, 5)
    rows = [synth.article_rows(a, 0) for a in articles]
    bulk, one_by_one = open_db(tmp_path / "bulk.db"), open_db(tmp_path / "store.db")
    for db in (bulk, one_by_one):
        with db.atomic():
            synth.insert_article_rows(db, rows)
    with bulk.atomic():
        assert synth_nlp.insert_enrichment(bulk, articles, [r["articles"] for r in rows], 4) == 48
    with one_by_one.atomic():
        for row, enrichment in synth_nlp.enrichments(articles, [r["articles"] for r in rows], 4):
            save_enrichment(one_by_one, row["id"], row["published"], enrichment)
    assert _nlp_tables(bulk) == _nlp_tables(one_by_one)
    assert len(_nlp_tables(bulk)["quotes"]) == 48


def test_the_synthetic_archive_is_searchable_keeps_its_triggers_and_is_reused(tmp_path):
    from mip_archive.bench.synth import build_archive
    from mip_archive.items import Article
    from mip_archive.store import open_db
    from mip_archive.store.articles import upsert_article

    path = tmp_path / "mip.db"
    info = build_archive(path, 30, quotes_per_article=3)
    assert (info["counts"], info["reused"]) == ({"articles": 30, "quotes": 90}, False)
    db = open_db(path)
    assert db.execute("select count(*) from articles_fts where articles_fts match 'managers'").fetchone()[0] > 0
    assert db.execute("select count(*) from quotes_fts").fetchone()[0] == 90
    with db.atomic():
        upsert_article(db, Article(url="https://www.miphealth.org.uk/news/zebra/", section="news",
                                   title="Zebra crossing", body="A zebra statement."))
    assert db.execute("select count(*) from articles_fts where articles_fts match 'zebra'").fetchone()[0] == 1
    db.close()
    assert build_archive(path, 30, quotes_per_article=3)["reused"] is True
    assert build_archive(path, 31, quotes_per_article=3)["reused"] is False


def test_the_store_replay_times_the_store_with_and_without_fts(tmp_path):
    from mip_archive.bench.store_replay import articles_of, replay_store
    from mip_archive.bench.synth import build_archive

    build_archive(tmp_path / "mip.db", 10, quotes_per_article=1)
    assert len(articles_of(tmp_path / "mip.db")) == 10
    replay = replay_store(tmp_path / "mip.db", tmp_path / "replay", rounds=1)
    assert replay["articles"] == 10
    assert set(replay) == {"articles", "store", "fts", "store_with_fts", "fts_rebuild"}
    assert replay["fts"] == max(replay["store_with_fts"] - replay["store"], 0.0)


def test_the_serve_stage_answers_every_probe_through_datasette(tmp_path):
    from mip_archive.bench import serve

    result = serve.run(n_articles=40, n_requests=2, cache_dir=tmp_path, command="test")
    latency, by_word, sizes = result.tables
    assert result.status == "ok" and result.params["articles"] == 40 and result.params["quotes"] == 400
    assert [row[0] for row in latency.rows][:3] == ["articles: table search (?_search=)", "articles: FTS5 match (SQL)",
                                                    "articles: LIKE '%word%' (SQL)"]
    assert any(row[0] == "canned: search" for row in latency.rows)
    assert [(row[0], row[-1]) for row in latency.rows if row[-1]] == []  # every request answered 200
    assert all(row[2] == 2 for row in latency.rows)
    assert [t.name for t in result.targets] == ["worst fts p95 < 50 ms", "worst canned p95 < 200 ms"]
    assert {row[0] for row in sizes.rows} >= {"articles", "quotes"}
    assert by_word.columns[:3] == ["word", "articles matched", "quotes matched"] and len(by_word.rows) >= 1


# -- refresh: the ratios against a full re-crawl -------------------------------------------------------------------

def _run(requests, kib, wall, new=0, updated=0, unchanged=0, **extra):
    return {"requests": requests, "bytes": kib * 1024, "wall": wall, "new": new, "updated": updated,
            "unchanged": unchanged, "summary": "ok", **extra}


def test_the_refresh_stage_compares_each_run_with_a_full_re_crawl():
    from mip_archive.bench import refresh

    runs = {"full crawl (first)": _run(300, 3000, 20.0, new=280),
            "refresh, nothing changed (first)": _run(6, 30, 4.0),
            "refresh, nothing changed": _run(4, 1, 3.0),
            "refresh, 1% changed": _run(8, 40, 4.0, updated=3, edited=3),
            "full re-crawl": _run(300, 3000, 18.0, unchanged=280)}
    result = refresh._result(runs, 500, True, "test")
    assert result.ratios == {"requests: full re-crawl / refresh nothing changed": 75.0,
                             "bytes: full re-crawl / refresh nothing changed": 3000.0,
                             "seconds: full re-crawl / refresh nothing changed": 6.0,
                             "requests: full re-crawl / refresh 1% changed": 37.5,
                             "edits found by the 1% refresh / edits made": 1.0}
    assert (result.targets[0].measured, result.targets[0].met) == (75.0, True)
    assert [row[0] for row in result.tables[0].rows] == list(runs)


@pytest.mark.parametrize("n_articles, expected", [(171, 2), (100, 1), (1000, 10)])
def test_one_percent_of_the_articles_are_edited_spread_through_the_site(n_articles, expected):
    from mip_archive.bench import refresh

    class Site:
        def __init__(self):
            self.articles = [type("A", (), {"slug": f"s{i}"})() for i in range(n_articles)]
            self.edited = []

        def edit(self, slug):
            self.edited.append(slug)

    site = Site()
    chosen = refresh.edit_share(site, 0.01)
    assert len(chosen) == expected and site.edited == chosen and len(set(chosen)) == expected


# -- the runner ------------------------------------------------------------------------------------------------------

def test_sizes_override_the_input_of_a_stage():
    from mip_archive.bench import run_stage

    result = run_stage("parse", quick=True, command="python scripts/bench.py parse --sizes 3", sizes=(3,))
    assert (result.status, result.params["pages"], result.command) == (
        "ok", 3, "python scripts/bench.py parse --sizes 3")


def test_a_stage_that_crashes_comes_back_as_an_error_result(monkeypatch):
    from mip_archive.bench import refresh, run_stage

    def broken(**kwargs):
        raise RuntimeError("refresh exited 1: could not reach the replica")

    monkeypatch.setattr(refresh, "run", broken)
    result = run_stage("refresh", command="test")
    assert (result.stage, result.status, result.notes) == (
        "refresh", "error", ["RuntimeError: refresh exited 1: could not reach the replica"])


def test_an_unknown_stage_is_refused():
    from mip_archive.bench import run_stage

    with pytest.raises(ValueError, match="unknown stage 'fetch'"):
        run_stage("fetch")
