"""The learned REPORT tagger: shipped with the package and off by default, run (when asked for) beside the rules
without touching their entities, and merged into the rules' mentions only where it adds a report they did not
find."""

import pytest

from mip_archive.nlp.entities import extract_mentions
from mip_archive.nlp.model import load_pipeline
from mip_archive.nlp.pipeline import Enricher
from mip_archive.nlp.report_tagger import SPAN_KEY, tagger_path

TEXT = ("MiP responds to the Harwood review\n\n"
        "Her research, published last year as Partnership Beyond the Ward, found that trusts with a strong staff "
        "side kept more managers. Exercise Kestrel tested the plans in 2024, and the union's chief executive, "
        "Lena Marsh, said the NHS Staff Council must be heard.")


@pytest.fixture(scope="module")
def pipelines():
    return load_pipeline(report_tagger=True), load_pipeline(report_tagger=False)


def test_the_trained_tagger_ships_with_the_package():
    path = tagger_path(True)
    assert path is not None and (path / "ner").is_dir() and (path / "meta.json").is_file()


def test_the_tagger_runs_last_and_leaves_the_rules_entities_alone(pipelines):
    tagged, plain = pipelines
    assert tagged.pipe_names[-1] == "mip_report_tagger" and "mip_report_tagger" not in plain.pipe_names
    with_tagger, without = tagged(TEXT), plain(TEXT)
    assert [(e.start_char, e.end_char, e.label_) for e in with_tagger.ents] == \
        [(e.start_char, e.end_char, e.label_) for e in without.ents]
    assert with_tagger.spans[SPAN_KEY] and all(s.label_ == "REPORT" for s in with_tagger.spans[SPAN_KEY])


def test_batches_give_what_single_texts_give(pipelines):
    tagged, _ = pipelines
    texts = [TEXT, "The Harwood review was published.", TEXT.upper()]
    one_by_one = [[(s.start_char, s.end_char) for s in doc.spans[SPAN_KEY]] for doc in [tagged(t) for t in texts]]
    batched = [[(s.start_char, s.end_char) for s in doc.spans[SPAN_KEY]]
               for doc in list(tagged.pipe(texts, batch_size=2))]
    assert batched == one_by_one


def test_it_is_off_by_default_and_the_setting_turns_it_on(monkeypatch):
    monkeypatch.delenv("MIP_REPORT_TAGGER", raising=False)
    assert tagger_path() is None and "mip_report_tagger" not in load_pipeline().pipe_names
    monkeypatch.setenv("MIP_REPORT_TAGGER", "0")
    assert tagger_path() is None and tagger_path(True) is not None  # code may still ask for it
    monkeypatch.setenv("MIP_REPORT_TAGGER", "1")
    assert tagger_path() == tagger_path(True) and tagger_path(False) is None
    assert load_pipeline().pipe_names[-1] == "mip_report_tagger"


def test_a_setting_that_names_no_trained_model_runs_none(monkeypatch, tmp_path):
    monkeypatch.setenv("MIP_REPORT_TAGGER", str(tmp_path))
    assert tagger_path() is None


def _mentions_with(plain, text: str, learned: list[tuple[str, str]]):
    """The rules' mentions when the tagger is said to have found each (phrase, label) in `learned`."""
    doc = plain(text)
    spans = []
    for phrase, label in learned:
        start = text.index(phrase)
        spans.append(doc.char_span(start, start + len(phrase), label=label, alignment_mode="expand"))
    doc.spans[SPAN_KEY] = spans
    return {(m.label, m.text) for m in extract_mentions(doc)}


@pytest.mark.parametrize("text, learned, expected", [
    # a report nothing else named is added
    ("Staff were briefed on Exercise Kestrel last week.", [("Exercise Kestrel", "REPORT")],
     {("REPORT", "Exercise Kestrel")}),
    # a lone word the tagger cut from a longer title, lone initials and a lower-case opening are not
    ("Staff read Vision. The scheme was called SPARK. He wrote it for a Shared Services Board.",
     [("Vision", "REPORT"), ("SPARK", "REPORT"), ("a Shared Services Board", "REPORT")],
     {("ORG", "SPARK")}),
    # a learned title takes the place of the pieces the model named inside it, even a known body inside a law's
    # name; a law that is neither a bill nor about health or care is then no report (the rules' policy for laws)
    ("The Social Care (Workforce Registration) Bill reached the Lords. The Trade Union and Labour Relations "
     "(Consolidation) Act 1992 gives reps time off.",
     [("Social Care (Workforce Registration) Bill", "REPORT"),
      ("Trade Union and Labour Relations (Consolidation) Act 1992", "REPORT")],
     {("REPORT", "Social Care (Workforce Registration) Bill")}),
    # … but not two names run together, nor a report run on into the sentence
    ("It followed Better Care Tomorrow in 2015 and the Kark review of fitness.",
     [("Better Care Tomorrow in 2015 and the Kark review", "REPORT")],
     {("ORG", "Better Care Tomorrow"), ("REPORT", "Kark review")}),
    ("The Wessex Improvement Plan applies to every ward.", [("Wessex Improvement Plan applies", "REPORT")],
     {("REPORT", "Wessex Improvement Plan")}),
    # … nor a clause before a report, nor a known name run on
    ("It began when Griffiths published the Long Term Plan in May.",
     [("Griffiths published the Long Term Plan", "REPORT")], {("REPORT", "Long Term Plan")}),
    ("The 2026/27 Agenda for Change award was paid late.", [("2026/27 Agenda for Change", "REPORT")],
     {("REPORT", "Agenda for Change")}),
])
def test_what_the_tagger_adds_to_the_rules(pipelines, text, learned, expected):
    _, plain = pipelines
    assert _mentions_with(plain, text, learned) == expected


@pytest.fixture(scope="module")
def enrichers():
    return Enricher(report_tagger=True), Enricher()


@pytest.mark.parametrize("text, report", [
    ("Managers took part in Exercise Kestrel, a national test of pandemic plans, in 2024.", "Exercise Kestrel"),
    ("The Good Neighbour Agreement between the two boards was signed in March.", "Good Neighbour Agreement"),
    ("The union welcomed the Strikes (Essential Services) Bill amendments.", "Strikes (Essential Services) Bill"),
    ("Her findings were published in Leading in Lean Years, a report for the King's Fund.", "Leading in Lean Years"),
])
def test_the_enricher_finds_reports_only_their_context_gives(enrichers, text, report):
    full, rules_only = ({(m.label, m.canonical) for m in e.enrich_text(text).entities} for e in enrichers)
    assert ("REPORT", report) in full and ("REPORT", report) not in rules_only
