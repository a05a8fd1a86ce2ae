"""The local replica: invented articles, today's WordPress site served on 127.0.0.1, and the ground truth."""

from __future__ import annotations

import datetime as dt
import http.client
import json
import random
import re
from urllib.parse import urlsplit

import lxml.etree
import lxml.html
import pytest

from mip_archive.replica import build_replica
from mip_archive.replica.content import (
    ERA_2013,
    ERA_2018,
    ERA_WP,
    generate,
    legacy_id_for,
    mixed_case_slug,
    slugify,
)
from mip_archive.replica.http import Request
from mip_archive.replica.model import PlantedQuote, ReplicaArticle
from mip_archive.replica.phrases import (
    SCARE_QUOTE_SENTENCES,
    SUBHEADINGS,
    TITLE_QUOTE_SENTENCES,
    TITLES,
    TRUSTS,
)
from mip_archive.replica.server import ReplicaServer
from mip_archive.replica.truth import truth_record, truth_records, write_truth
from mip_archive.replica.wordpress import PER_PAGE, WordPressSite, date_signals
from mip_archive.replica.writer import Writer

SEED = 1
N = 150


@pytest.fixture(scope="module")
def articles() -> list[ReplicaArticle]:
    return generate(N, SEED)


@pytest.fixture(scope="module")
def server():
    apps = build_replica(N, SEED)
    with ReplicaServer(apps) as running:
        yield running


@pytest.fixture(scope="module")
def live(server) -> list[ReplicaArticle]:
    return server.apps[0].posts


def get(server: ReplicaServer, path: str, method: str = "GET", **headers: str) -> tuple[int, dict[str, str], bytes]:
    parts = urlsplit(server.url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    conn.request(method, path, headers=headers)
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response.status, dict(response.getheaders()), body


def page_tree(server: ReplicaServer, path: str) -> lxml.html.HtmlElement:
    status, _, body = get(server, path)
    assert status == 200, path
    return lxml.html.fromstring(body)


# -- content -----------------------------------------------------------------------------------------------------
def test_same_seed_gives_the_same_articles_byte_for_byte():
    assert repr(generate(80, 7)) == repr(generate(80, 7))
    assert repr(generate(80, 7)) != repr(generate(80, 8))


def test_sections_and_kinds(articles):
    news = [a for a in articles if a.section == "news"]
    assert 0.5 <= len(news) / len(articles) <= 0.7
    assert {a.kind for a in news} == {"statement", "response", "announcement"}
    assert {a.kind for a in articles if a.section == "magazine"} == {"feature", "interview", "column", "advice"}


def test_dates_spread_over_every_year_from_2013_to_2026(articles):
    assert {a.date.year for a in articles} == set(range(2013, 2027))
    assert all(dt.date(2013, 1, 1) <= a.date <= dt.date(2026, 11, 30) for a in articles)


def test_eras_follow_the_site_history():
    for art in generate(600, 3):
        assert (ERA_2013 in art.eras) == (art.date < dt.date(2018, 10, 1)), art.date
        assert (ERA_WP in art.eras) == (art.date >= dt.date(2019, 1, 1)), art.date
        if dt.date(2018, 10, 1) <= art.date <= dt.date(2024, 12, 31):
            assert ERA_2018 in art.eras
        if ERA_2018 in art.eras:
            assert art.date.year >= 2015 and art.legacy_path.startswith("/home/news-campaigns/")
        else:
            assert art.legacy_path is None


def test_some_2015_to_2017_items_were_republished_on_the_2018_site():
    old = [a for a in generate(600, 3) if 2015 <= a.date.year <= 2017]
    republished = [a for a in old if ERA_2018 in a.eras]
    assert 0.03 <= len(republished) / len(old) <= 0.2


def test_legacy_ids_rise_with_the_date(articles):
    ids = [a.legacy_id for a in articles if ERA_2013 in a.eras]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    assert legacy_id_for(dt.date(2014, 1, 1)) == 32800
    assert 37000 <= legacy_id_for(dt.date(2018, 1, 1)) <= 37200


@pytest.mark.parametrize(("title", "slug", "mixed"), [
    ("Managers’ union responds to Messenger review", "managers-union-responds-to-messenger-review",
     "Managers-Union-Responds-To-Messenger-Review"),
    ("“Fair treatment” needed on VSM pay, says MiP", "fair-treatment-needed-on-vsm-pay-says-mip",
     "Fair-Treatment-Needed-On-VSM-Pay-Says-MiP"),
])
def test_slugs(title, slug, mixed):
    assert slugify(title) == slug
    assert mixed_case_slug(title) == mixed


def test_ids_and_slugs_are_unique_and_one_headline_is_shared(articles):
    assert len({a.post_id for a in articles}) == len(articles)
    assert len({a.slug for a in articles}) == len(articles)
    twins = [a for a in articles if a.title == "Pay award falls short again for senior managers"]
    assert len(twins) == 2
    assert twins[0].date.year != twins[1].date.year and all(ERA_WP in a.eras for a in twins)
    assert [a.slug for a in twins] == [twins[0].slug, twins[0].slug + "-2"]


def quote_is_verbatim(paragraphs: list[str], quote: PlantedQuote) -> bool:
    """In its paragraph; or opened there, running to the end of it, and closed at the end of the next one."""
    para = paragraphs[quote.paragraph]
    if quote.text in para:
        return True
    nxt = paragraphs[quote.paragraph + 1]
    first = para[para.index(": " + nxt[0]) + 3:]
    return quote.text == f"{first} {nxt[1:-1]}"


def test_every_planted_quote_is_verbatim_in_its_paragraph(articles):
    for art in articles:
        for quote in art.quotes:
            assert quote_is_verbatim(art.paragraphs, quote), (art.slug, quote)


def test_attribution_patterns_are_all_planted(articles):
    quotes = [q for a in articles for q in a.quotes]
    cues = {q.cue for q in quotes}
    assert {"said", "added", "according to", "told the Guardian"} <= cues
    assert any(q.speaker == "MiP" and q.speaker_label == "ORG" for q in quotes)
    assert any(q.role == "MiP chief executive" for q in quotes)
    pronoun_follow_ups = [q for a in articles for q in a.quotes
                          if re.search(r" (?:she|he) added\.$", a.paragraphs[q.paragraph])]
    assert pronoun_follow_ups and all(q.speaker_label == "PERSON" and q.role is None for q in pronoun_follow_ups)
    marks = {p[0] for a in articles for q in a.quotes for p in [a.paragraphs[q.paragraph]] if p[0] in "“‘\"'"}
    assert marks == {"“", "‘", '"', "'"}


def test_quotes_split_by_attribution_and_running_over_two_paragraphs(articles):
    split = [a for a in articles for q1, q2 in zip(a.quotes, a.quotes[1:])
             if q1.paragraph == q2.paragraph and q1.speaker == q2.speaker and q1.text.endswith(",")]
    running = [(a, q) for a in articles for q in a.quotes if q.text not in a.paragraphs[q.paragraph]]
    assert split and running
    art, quote = running[0]
    opening, closing = art.paragraphs[quote.paragraph], art.paragraphs[quote.paragraph + 1]
    assert closing[0] == closing[-1] or (closing[0], closing[-1]) in {("“", "”"), ("‘", "’")}
    assert opening[-1] not in "”’"


def test_scare_quotes_and_titles_are_not_recorded_as_quotes(articles):
    texts = {q.text for a in articles for q in a.quotes}
    scare = [p for a in articles for p in a.paragraphs if "pen-pushers" in p or "superheads" in p]
    assert scare
    assert not texts & {"superheads", "pen-pushers", "fat cats", "grey suits", "league-table management"}
    assert not texts & {title for _, title in TITLE_QUOTE_SENTENCES}


QUOTED = re.compile(r"\{o\}(.*?)\{c\}|[“‘](.*?)[”’](?!\w)")


@pytest.mark.parametrize("bank", [SCARE_QUOTE_SENTENCES, *TITLES.values()])
def test_scare_quotes_in_the_phrase_banks_are_under_four_words(bank):
    """The annotation rule: words in quote marks that are not speech are a quote from four words up."""
    spans = [m.group(1) or m.group(2) for sentence in bank for m in QUOTED.finditer(sentence)]
    assert all(len(span.split()) <= 3 for span in spans), spans


@pytest.mark.parametrize(("template", "title"), TITLE_QUOTE_SENTENCES)
def test_a_title_in_quote_marks_is_introduced_as_a_named_document(template, title):
    assert re.search(r"(?:evidence|guide for members), \{o\}\{doc\}\{c\},", template)
    assert len(title.split()) >= 4 and not title.startswith("The ")


def test_a_document_title_in_quote_marks_is_a_report(articles):
    arts = [(a, title) for a in articles for _, title in TITLE_QUOTE_SENTENCES if title in a.body]
    assert {title for _, title in arts} == {title for _, title in TITLE_QUOTE_SENTENCES}
    assert all(("REPORT", title) in a.entities for a, title in arts)


def document_text(art: ReplicaArticle) -> str:
    """What the annotation rules read: title, standfirst and body, as the NLP evaluation builds it."""
    return f"{art.title}\n\n{art.standfirst}\n\n{art.body}"


def test_agenda_for_change_is_a_report_wherever_the_text_names_it(articles):
    named = [a for a in articles if "Agenda for Change" in document_text(a)]
    assert named
    for art in articles:
        assert (("REPORT", "Agenda for Change") in art.entities) == (art in named), art.slug


def test_every_entity_is_named_in_the_document_in_its_canonical_form(articles):
    for art in articles:
        text = document_text(art)
        for label, name in art.entities:
            assert name in text, (art.slug, label, name)
            if label == "PERSON":
                assert art.body.index(name) <= art.body.find(name.split()[-1]), (art.slug, name)
    assert any(("ORG", "MiP") in a.entities for a in articles)


def test_a_trust_named_only_in_the_title_keeps_the_short_form_the_document_uses(articles):
    pairs = {short: full for full, short in TRUSTS}
    short_only = [(a, name) for a in articles for label, name in a.entities if label == "TRUST" and name in pairs]
    assert short_only
    for art, short in short_only:
        assert short in art.title and pairs[short] not in document_text(art) and ("TRUST", pairs[short]) not in art.entities
    full_in_body = [(a, name) for a in articles for label, name in a.entities
                    if label == "TRUST" and name not in pairs and any(s in a.title for s, f in pairs.items() if f == name)]
    assert full_in_body and all(name in a.body for a, name in full_in_body)


@pytest.mark.parametrize(("title", "paragraph", "entities"), [
    ("MiP warns on pay restraint as Barts Health plans cuts", "Members will be consulted.",
     [("TRUST", "Barts Health"), ("ORG", "MiP")]),
    ("MiP warns on pay restraint as Barts Health plans cuts", "At {trust}, posts will go.",
     [("TRUST", "Barts Health NHS Trust"), ("ORG", "MiP")]),
    ("Managers’ union responds to the Carter Review", "The Agenda for Change pay structure is national.",
     [("REPORT", "Carter Review"), ("REPORT", "Agenda for Change")]),
])
def test_title_and_body_mentions_settle_into_one_canonical_each(title, paragraph, entities):
    writer = Writer(random.Random(0), dt.date(2019, 5, 1), "statement")
    writer.trust_pair, writer.report = [TRUSTS[0], TRUSTS[1]], ("Carter Review", "the Carter Review", 2016)
    template = title.replace("Barts Health", "{trust_short}").replace("the Carter Review", "{report}")
    assert writer.fill(template, record=False) == title
    writer.paragraphs.append(writer.fill(paragraph))
    writer.finish(title, "The union sets out its view.")
    assert list(writer.entities) == entities


def test_thousands_of_articles_keep_unique_ids_and_slugs():
    many = generate(3000, 2)
    assert len({a.slug for a in many}) == len({a.post_id for a in many}) == 3000


# -- the WordPress site ------------------------------------------------------------------------------------------
def test_only_wordpress_era_articles_are_live(articles, live):
    assert {a.post_id for a in live} == {a.post_id for a in articles if ERA_WP in a.eras}


def listing_ids(server: ReplicaServer, path: str) -> list[int]:
    ids: list[int] = []
    while path:
        tree = page_tree(server, path)
        ids += [int(el.get("id").removeprefix("post-")) for el in tree.cssselect("article.post")]
        assert len(tree.cssselect("article.post h2.entry-title a[rel=bookmark]")) == len(tree.cssselect("article.post"))
        nxt = tree.cssselect("nav.pagination a.next.page-numbers")
        head_next = tree.cssselect("link[rel=next]")
        assert bool(nxt) == bool(head_next)
        path = urlsplit(nxt[0].get("href")).path if nxt else None
    return ids


@pytest.mark.parametrize("section", ["news", "magazine"])
def test_pagination_covers_every_item_exactly_once_newest_first(server, live, section):
    expected = [a.post_id for a in live if a.section == section]
    assert listing_ids(server, f"/{section}/") == expected
    pages = -(-len(expected) // PER_PAGE)
    assert get(server, f"/{section}/page/{pages + 1}/")[0] == 404
    assert get(server, f"/{section}/page/1/")[0] == 301


def test_listing_page_markup(server, live):
    tree = page_tree(server, "/news/page/2/")
    assert tree.cssselect("span.page-numbers.current")[0].text == "2"
    assert tree.cssselect("a.prev.page-numbers")[0].text == "Previous"
    first = tree.cssselect("article.post")[0]
    art = [a for a in live if a.section == "news"][PER_PAGE]
    assert "category-news" in first.get("class")
    assert first.cssselect("time.entry-date.published")[0].get("datetime").startswith(art.date.isoformat())
    assert first.cssselect("div.entry-summary p")[0].text == art.standfirst


def test_article_page_head_and_meta(server, live):
    art = next(a for a in live if a.author and "jsonld" in date_signals(a, SEED) and "time" in date_signals(a, SEED))
    tree = page_tree(server, f"/news/{art.slug}/")
    url = f"{server.url}/news/{art.slug}/"
    assert tree.findtext(".//title") == f"{art.title} - Managers in Partnership"
    assert tree.cssselect("link[rel=canonical]")[0].get("href") == url
    assert tree.cssselect("meta[property='og:url']")[0].get("content") == url
    graph = json.loads(tree.cssselect("script.yoast-schema-graph")[0].text)["@graph"]
    assert graph[0]["headline"] == art.title and graph[0]["author"] == {"name": art.author, "@id": graph[0]["author"]["@id"]}
    assert graph[0]["datePublished"][:10] == art.date.isoformat()
    assert [g["@type"] for g in graph[:3]] == ["Article", "WebPage", "BreadcrumbList"]
    assert tree.cssselect("h1.entry-title")[0].text == art.title
    assert tree.cssselect(".byline .author a.url.fn.n")[0].text == art.author
    assert tree.cssselect("time.entry-date.published")[0].text == f"{art.date.day} {art.date:%B %Y}"
    assert tree.cssselect("p.standfirst")[0].text == art.standfirst
    assert tree.cssselect("link[rel=shortlink]")[0].get("href") == f"{server.url}/?p={art.post_id}"


def test_date_signals_vary_but_every_page_keeps_a_machine_readable_date(server, live):
    seen = {date_signals(a, SEED) for a in generate(2000, 5)}
    assert {frozenset({"meta", "jsonld"}), frozenset({"meta", "time"}), frozenset({"meta", "time", "jsonld"})} == seen
    for art in live[:40]:
        tree = page_tree(server, f"/news/{art.slug}/")
        published = tree.cssselect("meta[property='article:published_time']")[0].get("content")
        assert published[:10] == art.date.isoformat()
        assert bool(tree.cssselect("div.entry-meta time")) == ("time" in date_signals(art, SEED))
        assert bool(tree.cssselect("script.yoast-schema-graph")) == ("jsonld" in date_signals(art, SEED))


def test_related_posts_list_three_other_newest_articles(server, live):
    art = live[0]
    related = page_tree(server, f"/news/{art.slug}/").cssselect("section.related-posts li a")
    assert [urlsplit(a.get("href")).path for a in related] == [f"/news/{a.slug}/" for a in live[1:4]]


def body_paragraphs(tree: lxml.html.HtmlElement) -> list[str]:
    """What a perfect parser keeps: the entry-content's paragraphs and subheadings, minus the standfirst."""
    content = tree.cssselect("div.entry-content")[0]
    return [el.text_content() for el in content.xpath("./p[not(@class='standfirst')] | ./h2")]


def test_truth_body_is_exactly_the_text_of_the_page_paragraphs(server, live):
    records = {r["post_id"]: r for r in truth_records(live, server.url)}
    for art in live:
        tree = page_tree(server, f"/news/{art.slug}/")
        record = records[art.post_id]
        assert "\n\n".join(body_paragraphs(tree)) == record["body"]
        assert [c.text for c in tree.cssselect("figure figcaption")] == record["image_captions"]
        for quote in art.quotes:
            assert quote_is_verbatim(body_paragraphs(tree), quote), (art.slug, quote)


def test_shortlink_and_missing_slash_redirect_to_the_article(server, live):
    art = live[3]
    status, headers, _ = get(server, f"/?p={art.post_id}")
    assert (status, headers["Location"]) == (301, f"{server.url}/news/{art.slug}/")
    assert get(server, f"/news/{art.slug}")[1]["Location"] == f"{server.url}/news/{art.slug}/"
    assert get(server, "/?p=999999999")[0] == 404


@pytest.mark.parametrize("path", ["/news/no-such-story/", "/nothing-here", "/tag/no-such-tag/"])
def test_unknown_paths_get_the_themes_404_page(server, path):
    status, _, body = get(server, path)
    assert status == 404 and b"error-404 not-found" in body


def test_feed_is_rss_with_the_newest_ten(server, live):
    status, headers, body = get(server, "/feed/")
    root = lxml.etree.fromstring(body)
    items = root.findall("./channel/item")
    assert status == 200 and headers["Content-Type"].startswith("application/rss+xml")
    assert [i.findtext("link") for i in items] == [f"{server.url}/news/{a.slug}/" for a in live[:10]]
    dc = "{http://purl.org/dc/elements/1.1/}creator"
    assert items[0].findtext(dc) == (live[0].author or "MiP Communications")
    assert items[0].findtext("pubDate").endswith("+0000") and items[0].findtext("guid").endswith(f"?p={live[0].post_id}")


def test_sitemap_lists_every_live_post_with_lastmod(server, live):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    index = lxml.etree.fromstring(get(server, "/wp-sitemap.xml")[2])
    locs = [loc.text for loc in index.findall("s:sitemap/s:loc", ns)]
    assert locs == [f"{server.url}/wp-sitemap-posts-post-1.xml"]
    urlset = lxml.etree.fromstring(get(server, urlsplit(locs[0]).path)[2])
    urls = {u.findtext("s:loc", namespaces=ns): u.findtext("s:lastmod", namespaces=ns) for u in urlset.findall("s:url", ns)}
    assert urls == {f"{server.url}/news/{a.slug}/": a.modified.strftime("%Y-%m-%dT%H:%M:%S+00:00") for a in live}


def test_robots_txt_is_wordpress_style(server):
    status, _, body = get(server, "/robots.txt")
    assert status == 200
    assert body.decode().splitlines() == ["User-agent: *", "Disallow: /wp-admin/", "Allow: /wp-admin/admin-ajax.php",
                                          "", f"Sitemap: {server.url}/wp-sitemap.xml"]


# -- REST API ----------------------------------------------------------------------------------------------------
def test_rest_posts_pages_through_everything_with_totals(server, live):
    seen = []
    for page in range(1, 100):
        status, headers, body = get(server, f"/wp-json/wp/v2/posts?per_page=20&page={page}")
        if status == 400:
            assert json.loads(body)["code"] == "rest_post_invalid_page_number"
            break
        assert headers["X-WP-Total"] == str(len(live))
        assert headers["X-WP-TotalPages"] == str(-(-len(live) // 20))
        seen += [post["id"] for post in json.loads(body)]
    assert seen == [a.post_id for a in live]


def test_rest_post_shape_and_fields_filter(server, live):
    art = live[0]
    post = json.loads(get(server, f"/wp-json/wp/v2/posts/{art.post_id}")[2])
    assert {k: post[k] for k in ("id", "slug", "status", "link", "date")} == {
        "id": art.post_id, "slug": art.slug, "status": "publish", "link": f"{server.url}/news/{art.slug}/",
        "date": post["date_gmt"]}
    assert post["date"].startswith(art.date.isoformat()) and post["categories"] in ([3], [7])
    assert "<p class=\"standfirst\">" in post["content"]["rendered"]
    narrow = json.loads(get(server, "/wp-json/wp/v2/posts?per_page=1&_fields=id,title.rendered")[2])
    assert narrow == [{"id": art.post_id, "title": {"rendered": post["title"]["rendered"]}}]


@pytest.mark.parametrize(("query", "code"), [
    ("per_page=101", "rest_invalid_param"), ("page=0", "rest_invalid_param"),
    ("modified_after=yesterday", "rest_invalid_param"), ("page=1000", "rest_post_invalid_page_number")])
def test_rest_bad_requests_give_wordpress_errors(server, query, code):
    status, _, body = get(server, f"/wp-json/wp/v2/posts?{query}")
    assert status == 400 and json.loads(body)["code"] == code


def test_rest_filters_by_modified_after_and_category(server, live):
    cutoff = sorted(a.modified for a in live)[len(live) // 2]
    status, headers, _ = get(server, f"/wp-json/wp/v2/posts?modified_after={cutoff.isoformat()}&per_page=100")
    assert int(headers["X-WP-Total"]) == sum(a.modified > cutoff for a in live)
    body = json.loads(get(server, "/wp-json/wp/v2/posts?categories=7&per_page=100")[2])
    assert [p["id"] for p in body] == [a.post_id for a in live if a.section == "magazine"]


def test_rest_categories_and_users(server, live):
    cats = json.loads(get(server, "/wp-json/wp/v2/categories")[2])
    assert {c["name"]: c["count"] for c in cats} == {
        "Uncategorised": 0, "News": sum(a.section == "news" for a in live),
        "Healthcare Manager": sum(a.section == "magazine" for a in live)}
    assert json.loads(get(server, "/wp-json/wp/v2/users/1")[2])["name"] == "MiP Communications"
    assert json.loads(get(server, "/wp-json/wp/v2/users/9999")[2])["code"] == "rest_user_invalid_id"


# -- conditional requests ----------------------------------------------------------------------------------------
def test_etag_and_last_modified_give_304(server, live):
    art = live[2]
    path = f"/news/{art.slug}/"
    status, headers, body = get(server, path)
    assert headers["Last-Modified"] == art.modified.strftime("%a, %d %b %Y %H:%M:%S GMT")
    assert get(server, path, **{"If-None-Match": headers["ETag"]})[:1] == (304,)
    assert get(server, path, **{"If-None-Match": '"other"'})[0] == 200
    assert get(server, path, **{"If-Modified-Since": headers["Last-Modified"]})[0] == 304
    assert get(server, path, **{"If-Modified-Since": "Mon, 01 Jan 2018 00:00:00 GMT"})[0] == 200


def test_head_sends_headers_without_a_body(server, live):
    status, headers, body = get(server, f"/news/{live[0].slug}/", method="HEAD")
    assert (status, body) == (200, b"") and int(headers["Content-Length"]) > 1000


def test_some_magazine_pages_have_a_subheading_that_belongs_to_the_body(server, live):
    art = next(a for a in live if set(a.paragraphs) & set(SUBHEADINGS))
    tree = page_tree(server, f"/news/{art.slug}/")
    heading = tree.cssselect("div.entry-content > h2")[0].text
    assert heading in SUBHEADINGS and art.paragraphs[3] == heading and art.section == "magazine"


def test_site_answers_none_for_paths_it_does_not_own(articles):
    site = WordPressSite(articles, SEED)
    assert site.handle(Request("GET", "/web/2017/http://miphealth.org.uk/")) is None


# -- ground truth ------------------------------------------------------------------------------------------------
def test_truth_record_of_a_hand_made_article(tmp_path):
    art = ReplicaArticle(
        post_id=501, slug="pay-award-falls-short", section="news", kind="statement",
        title="Pay award falls short", date=dt.date(2019, 3, 4), modified=dt.datetime(2019, 3, 4, 10, 5),
        author=None, standfirst="The union says the award is too low.",
        paragraphs=["MiP said: “It is not enough.”", "Members will be consulted."],
        images=[("pay.jpg", "Photo: MiP")], tags=["Pay"], entities=[("ORG", "MiP")],
        quotes=[PlantedQuote("It is not enough.", "MiP", "ORG", None, "said", 0)],
        eras=("aspnet-2018-2024", "wordpress"), legacy_path="/home/news-campaigns/NewsArticles/Pay-Award.aspx")
    record = truth_record(art, "http://127.0.0.1:8000")
    assert record == {
        "url": "http://127.0.0.1:8000/news/pay-award-falls-short/",
        "urls": {"wordpress": "http://127.0.0.1:8000/news/pay-award-falls-short/",
                 "aspnet-2018-2024": "/home/news-campaigns/NewsArticles/Pay-Award.aspx"},
        "section": "news", "title": "Pay award falls short", "date": "2019-03-04", "author": None,
        "standfirst": "The union says the award is too low.",
        "body": "MiP said: “It is not enough.”\n\nMembers will be consulted.", "image_captions": ["Photo: MiP"],
        "tags": ["Pay"], "eras": ["aspnet-2018-2024", "wordpress"], "post_id": 501, "legacy_id": None,
        "legacy_path": "/home/news-campaigns/NewsArticles/Pay-Award.aspx",
        "entities": [{"label": "ORG", "canonical": "MiP"}],
        "quotes": [{"text": "It is not enough.", "speaker": "MiP", "speaker_label": "ORG", "role": None,
                    "cue": "said", "paragraph": 0}],
    }
    write_truth(tmp_path / "truth.jsonl", [record, record])
    lines = (tmp_path / "truth.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [record, record] and "“" in lines[0]


def test_truth_of_old_items_points_at_the_legacy_pages(articles):
    old = next(a for a in articles if a.eras == (ERA_2013,))
    record = truth_record(old, "http://127.0.0.1:1")
    assert record["url"] is None
    assert record["urls"] == {ERA_2013: f"/News/HomepageNews-{old.legacy_id}.aspx"}
