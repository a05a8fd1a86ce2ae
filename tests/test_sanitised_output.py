"""Hostile content in the archive never reaches a reader's browser as live markup, on any page or feed.

The archive gets one more article whose every field carries an attack (a script in the title, an ``onerror``
image in the standfirst, a ``javascript:`` link as the byline, raw hostile HTML as ``body_html``) and a quote and
speaker with markup in them. Every page a reader can reach is then parsed: no script of ours may mention the
attack, no element may carry an event handler, no link or image may use ``javascript:``, nothing may be framed or
embedded, and nothing may be loaded from another site.
"""

import xml.etree.ElementTree as ET

import lxml.html
import pytest

from mip_archive.items import Article
from mip_archive.nlp import Mention, Quote, RoleMention
from mip_archive.nlp.pipeline import Enrichment
from mip_archive.store import open_db
from mip_archive.store.articles import article_row, upsert_article
from mip_archive.store.nlp import refresh_entity_stats, save_enrichment
from tests.web_archive import HOSTILE_HTML, build_archive, datasette_for, entity_key, fetch

HOSTILE = Article(
    url="https://www.miphealth.org.uk/news/hostile-pay-statement/", section="news", published="2025-06-01",
    title="Pay <script>document.title='owned'</script> cuts",
    standfirst='<img src=x onerror="document.title=\'owned\'">Managers react to pay cuts',
    author='<a href="javascript:alert(1)">Press office</a>',
    body=("Pay cuts were announced. <script>document.title='owned'</script>\n\n"
          "\u201cPay is not a reward,\u201d said Mallory."),
    body_html=HOSTILE_HTML + '<p onclick="alert(1)">Pay cuts <object data="https://evil.example/x.swf"></object></p>',
)
SPEAKER = '<b onmouseover="alert(1)">Mallory</b>'
ATTACK_WORDS = ("owned", "alert(")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    path = build_archive(tmp_path_factory.mktemp("archive") / "mip.db")
    db = open_db(path)
    key = article_row(HOSTILE)["id"]
    with db.atomic():
        upsert_article(db, HOSTILE, seen_at="2025-06-01T06:00:00Z")
        save_enrichment(db, key, HOSTILE.published, Enrichment(
            entities=[Mention(SPEAKER, "PERSON", 0, 10, SPEAKER)],
            quotes=[Quote("<script>alert(1)</script>Pay is not a reward", SPEAKER, "PERSON",
                          '<img src=x onerror="alert(1)">', "said", 0, 10)],
            roles=[RoleMention(SPEAKER, "<i onclick='alert(1)'>spokesperson</i>", 0)],
        ))
    refresh_entity_stats(db)
    db.close()
    return datasette_for(path), key


def reader_pages(key):
    speaker = entity_key("PERSON", SPEAKER)
    return [
        "/", "/mip", "/mip/articles", "/mip/articles?_search=pay", f"/mip/articles/{key}", "/-/search?q=pay",
        "/mip/search?q=pay", "/mip/quotes_on_topic?q=pay", "/mip/quotes", f"/mip/quotes/{key}~3A0", "/mip/entities",
        f"/mip/entities/{speaker}", "/mip/entity_mentions?entity=Mallory", "/mip/person_timeline?person=Mallory",
        "/mip/new_statements", "/mip/most_mentioned", "/mip/roles", "/mip/article_versions", "/mip/new_statements_feed",
    ]


def test_every_reader_page_is_free_of_live_attacks(hostile):
    ds, key = hostile
    for path in reader_pages(key):
        response = fetch(ds, path)
        assert response.status_code == 200, path
        problems = attacks_in(lxml.html.fromstring(response.text))
        assert problems == [], f"{path}: {problems}"


def test_the_hostile_article_still_reads_as_text(hostile):
    ds, key = hostile
    tree = lxml.html.fromstring(fetch(ds, f"/mip/articles/{key}").text)
    assert " ".join(tree.xpath("string(//article/h1)").split()) == "Pay <script>document.title='owned'</script> cuts"
    assert [p.text_content() for p in tree.xpath("//div[@class='body']/p")] == [
        "Trusts were told to cut management costs by a third.", "Read the letter", "Pay cuts "]
    # the javascript: link lost its href; the picture became a link to the picture, loaded only if followed
    assert [(a.get("href"), a.text) for a in tree.xpath("//div[@class='body']//a")] == [
        ("https://www.miphealth.org.uk/news/hostile-pay-statement/x.png", "Picture"), (None, "Read the letter")]


@pytest.mark.parametrize("feed", ["/mip/topic_feed.atom?q=pay", "/mip/new_statements_feed.atom"])
def test_feeds_carry_the_attack_only_as_text(hostile, feed):
    ds, _ = hostile
    response = fetch(ds, feed)
    root = ET.fromstring(response.content)
    contents = root.findall(".//{http://www.w3.org/2005/Atom}content")
    assert contents and all(content.get("type") == "text" for content in contents)
    assert "<script" not in response.text and "<img" not in response.text


def attacks_in(tree) -> list[str]:
    problems = []
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue  # a comment or processing instruction
        tag = element.tag
        if tag == "script" and any(word in (element.text or "") for word in ATTACK_WORDS):
            problems.append(f"script: {element.text[:60]}")
        if tag in ("iframe", "embed", "object", "frame"):
            problems.append(f"embedded {tag}")
        for name, value in element.attrib.items():
            if name.lower().startswith("on"):
                problems.append(f"{tag} {name}={value[:40]}")
            if name in ("href", "src", "action") and value.strip().lower().startswith(("javascript:", "data:text")):
                problems.append(f"{tag} {name}={value[:40]}")
            if name == "src" and value.startswith(("http://", "https://", "//")):
                problems.append(f"remote {tag} {value[:60]}")
    return problems
