"""Today's site: a WordPress theme with Yoast SEO, rendered lazily per request from the invented articles.

``WordPressSite(articles, seed).handle(request)`` answers the site's paths (listings, articles, feed, sitemaps,
robots.txt, the REST API) and returns ``None`` for any other path, so other apps can share one server.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import html
import json
import logging
import math
import re
import zlib
from typing import Callable

from mip_archive.replica import phrases as P
from mip_archive.replica import templates as T
from mip_archive.replica.content import ERA_WP, publish_time
from mip_archive.replica.http import Request, Response
from mip_archive.replica.model import ReplicaArticle

log = logging.getLogger(__name__)

PER_PAGE = 11
FEED_SIZE = 10
SITEMAP_SIZE = 2000
REST_MAX_PER_PAGE = 100
HOUSE_USER = (1, "MiP Communications", "mip-communications")  # WordPress author of posts without a byline
# section -> (category id, category name, category slug, listing path, listing heading)
CATEGORIES = {
    "news": (3, "News", "news", "/news/", "News"),
    "magazine": (7, "Healthcare Manager", "healthcare-manager", "/magazine/", "Healthcare Manager"),
}
UNCATEGORISED = (1, "Uncategorised", "uncategorised")
esc = html.escape


def iso(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S+00:00")


def human_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def tag_slug(tag: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", tag.lower()).strip("-")


def date_signals(article: ReplicaArticle, seed: int = 1) -> frozenset[str]:
    """Which date signals the article page carries: ~10% lack the visible <time>, ~5% lack the JSON-LD."""
    roll = zlib.crc32(f"{seed}:{article.post_id}".encode()) % 100
    if roll < 10:
        return frozenset({"meta", "jsonld"})
    if roll < 15:
        return frozenset({"meta", "time"})
    return frozenset({"meta", "time", "jsonld"})


class WordPressSite:
    """The live WordPress site: a router over the articles whose eras include "wordpress"."""

    def __init__(self, articles: list[ReplicaArticle], seed: int = 1, base_url: str = "http://127.0.0.1"):
        self.articles = articles  # every era's articles, for apps that serve the older sites alongside
        live = [a for a in articles if ERA_WP in a.eras]
        self.posts = sorted(live, key=lambda a: (publish_time(a), a.post_id), reverse=True)
        self.seed, self.base_url = seed, base_url
        self.by_id = {a.post_id: a for a in self.posts}
        self.by_slug = {a.slug: a for a in self.posts}
        self.sections = {s: [a for a in self.posts if a.section == s] for s in CATEGORIES}
        self.tag_ids = {t: 20 + i for i, t in enumerate(sorted({t for a in self.posts for t in a.tags}))}
        self.tag_names = {tag_slug(t): t for t in self.tag_ids}
        authors = sorted({a.author for a in self.posts if a.author})
        self.users = {HOUSE_USER[0]: HOUSE_USER[1:]} | {2 + i: (n, tag_slug(n)) for i, n in enumerate(authors)}
        self.user_ids = {name: uid for uid, (name, _) in self.users.items()}
        from mip_archive.replica.wordpress_rest import RestApi  # it builds on this module's helpers

        self.rest = RestApi(self)
        self.routes: list[tuple[re.Pattern, Callable[..., Response]]] = [
            (re.compile(p), getattr(self.rest if name.startswith("rest_") else self, name)) for p, name in ROUTES]

    # -- routing -----------------------------------------------------------------------------------------------
    def handle(self, request: Request) -> Response | None:
        for pattern, handler in self.routes:
            match = pattern.fullmatch(request.path)
            if match:
                return handler(request, **match.groupdict())
        return None

    def not_found_page(self, request: Request | None = None) -> Response:
        return Response.html(self._page("Page not found - Managers in Partnership", T.NOT_FOUND_MAIN,
                                         "error404"), status=404)

    def url(self, article: ReplicaArticle) -> str:
        return f"{self.base_url}/news/{article.slug}/"

    def _page(self, title: str, main_html: str, body_class: str, seo_html: str = "", links_html: str = "",
              section: str | None = None) -> str:
        recent = "\n".join(T.RECENT_ITEM.substitute(url=self.url(a), title=esc(a.title)) for a in self.posts[:5])
        return T.PAGE.substitute(
            base=self.base_url, title=esc(title), seo_html=seo_html, links_html=links_html, body_class=body_class,
            news_current=" current-menu-item" if section == "news" else "",
            magazine_current=" current-menu-item" if section == "magazine" else "", main_html=main_html,
            sidebar_html=T.SIDEBAR.substitute(base=self.base_url, recent_html=recent), year=T.COPYRIGHT_YEAR)

    def _newest(self, articles: list[ReplicaArticle]) -> dt.datetime | None:
        return max((a.modified for a in articles), default=None)

    # -- home, listings ----------------------------------------------------------------------------------------
    def home(self, request: Request) -> Response:
        if "p" in request.query:
            return self.shortlink(request.query["p"])
        main = T.HOME_MAIN.substitute(base=self.base_url, news_html=self._items(self.sections["news"][:5]),
                                      magazine_html=self._items(self.sections["magazine"][:5]))
        page = self._page(f"{T.SITE_NAME} - The union for senior health and care managers", main, "home blog")
        return Response.html(page, last_modified=self._newest(self.posts))

    def shortlink(self, post_id: str) -> Response:
        article = self.by_id.get(int(post_id)) if post_id.isdigit() else None
        return Response.redirect(self.url(article)) if article else self.not_found_page()

    def section_listing(self, request: Request, section: str, page: str | None = None) -> Response:
        _, _, slug, path, heading = CATEGORIES[section]
        return self._listing(self.sections[section], path, heading, page, f"category category-{slug}", section)

    def tag_listing(self, request: Request, tag: str, page: str | None = None) -> Response:
        name = self.tag_names.get(tag)
        if name is None:
            return self.not_found_page()
        items = [a for a in self.posts if name in a.tags]
        return self._listing(items, f"/tag/{tag}/", f"Tag: {name}", page, f"tag tag-{tag}", None)

    def _listing(self, items, path, heading, page, body_class, section) -> Response:
        number = int(page) if page else 1
        if page == "1":
            return Response.redirect(self.base_url + path)
        total = max(1, math.ceil(len(items) / PER_PAGE))
        if number > total:
            return self.not_found_page()
        shown = items[(number - 1) * PER_PAGE:number * PER_PAGE]
        url_for = lambda n: f"{self.base_url}{path}" if n == 1 else f"{self.base_url}{path}page/{n}/"  # noqa: E731
        rels = [("prev", number - 1)] if number > 1 else []
        rels += [("next", number + 1)] if number < total else []
        links = "\n".join(T.REL_LINK.substitute(rel=rel, url=url_for(n)) for rel, n in rels)
        main = T.LISTING_MAIN.substitute(heading=esc(heading), items_html=self._items(shown),
                                         pages_html=pagination(number, total, url_for))
        title = f"{heading} - {T.SITE_NAME}" if number == 1 else f"{heading} - Page {number} of {total} - {T.SITE_NAME}"
        page_html = self._page(title, main, f"archive {body_class}", T.REL_LINK.substitute(
            rel="canonical", url=url_for(number)), links, section)
        return Response.html(page_html, last_modified=self._newest(shown))

    def _items(self, articles: list[ReplicaArticle]) -> str:
        return "\n".join(T.LISTING_ITEM.substitute(
            id=a.post_id, category_slug=CATEGORIES[a.section][2], url=self.url(a), title=esc(a.title),
            published=iso(publish_time(a)), published_text=human_date(a.date), excerpt=esc(a.standfirst))
            for a in articles)

    # -- article pages -----------------------------------------------------------------------------------------
    def article(self, request: Request, slug: str, slash: str) -> Response:
        article = self.by_slug.get(slug)
        if article is None:
            return self.not_found_page()
        if not slash:
            return Response.redirect(self.url(article))
        signals = date_signals(article, self.seed)
        category = CATEGORIES[article.section]
        seo = T.ARTICLE_SEO.substitute(
            description=esc(article.standfirst), url=self.url(article), title=esc(article.title),
            published=iso(publish_time(article)), modified=iso(article.modified), category=esc(category[1]),
            tag_meta_html="\n".join(T.TAG_META.substitute(tag=esc(t)) for t in article.tags),
            author_meta_html=T.AUTHOR_META.substitute(author=esc(article.author)) if article.author else "",
            jsonld_html=T.JSONLD.substitute(json=self._jsonld(article)) if "jsonld" in signals else "")
        links = T.ARTICLE_LINKS.substitute(base=self.base_url, id=article.post_id)
        main = self._article_main(article, "time" in signals)
        classes = " ".join(self._post_classes(article))
        page = self._page(f"{article.title} - {T.SITE_NAME}", main, f"post-template-default single single-post "
                          f"postid-{article.post_id} single-format-standard", seo, links, None)
        log.debug("rendered post %s (%s)", article.post_id, classes)
        return Response.html(page, last_modified=article.modified)

    def _post_classes(self, article: ReplicaArticle) -> list[str]:
        return [f"post-{article.post_id}", "post", "type-post", "status-publish", "format-standard", "hentry",
                f"category-{CATEGORIES[article.section][2]}"] + [f"tag-{tag_slug(t)}" for t in article.tags]

    def _article_main(self, article: ReplicaArticle, visible_time: bool) -> str:
        meta = ""
        if visible_time:
            meta = T.POSTED_ON.substitute(published=iso(publish_time(article)), published_text=human_date(article.date),
                                          modified=iso(article.modified), modified_text=human_date(article.modified))
        if article.author:
            meta += T.BYLINE.substitute(base=self.base_url, slug=tag_slug(article.author), author=esc(article.author))
        tags = ", ".join(T.TAG_LINK.substitute(base=self.base_url, slug=tag_slug(t), tag=esc(t)) for t in article.tags)
        related = [a for a in self.posts[:4] if a.post_id != article.post_id][:3]
        return T.ARTICLE_MAIN.substitute(
            base=self.base_url, id=article.post_id, classes=" ".join(self._post_classes(article)),
            title=esc(article.title), meta_html=meta, content_html=self.content_html(article),
            category_url=self.base_url + CATEGORIES[article.section][3], category=esc(CATEGORIES[article.section][1]),
            tags_html=T.TAGS_LINKS.substitute(links_html=tags) if tags else "",
            related_html="\n".join(T.RELATED_ITEM.substitute(url=self.url(a), title=esc(a.title),
                                                             summary=esc(a.standfirst)) for a in related))

    def content_html(self, article: ReplicaArticle) -> str:
        """The entry-content: standfirst paragraph, figures, body paragraphs (a subheading paragraph as <h2>)."""
        figures = [T.FIGURE.substitute(base=self.base_url, month=f"{article.date:%Y/%m}", file=esc(name),
                                       media_id=article.post_id * 10 + k, caption=esc(caption))
                   for k, (name, caption) in enumerate(article.images)]
        parts = [T.STANDFIRST.substitute(text=esc(article.standfirst))] + figures[:1]
        last = len(article.paragraphs) - 1
        for i, text in enumerate(article.paragraphs):
            if i == last:
                parts += figures[1:]
            template = T.SUBHEADING if text in P.SUBHEADINGS else T.PARAGRAPH
            parts.append(template.substitute(text=esc(text)))
        return "\n".join(parts)

    def _jsonld(self, article: ReplicaArticle) -> str:
        url, base = self.url(article), self.base_url
        published, modified = iso(publish_time(article)), iso(article.modified)
        node = {"@type": "Article", "@id": f"{url}#article", "isPartOf": {"@id": url}, "headline": article.title,
                "datePublished": published, "dateModified": modified, "mainEntityOfPage": {"@id": url},
                "wordCount": len(article.body.split()), "publisher": {"@id": f"{base}/#organization"},
                "keywords": article.tags, "articleSection": [CATEGORIES[article.section][1]], "inLanguage": "en-GB"}
        if article.author:
            node["author"] = {"name": article.author, "@id": f"{base}/#/schema/person/{tag_slug(article.author)}"}
        crumbs = [("Home", f"{base}/"), ("News", f"{base}/news/"), (article.title, None)]
        graph = [node, {"@type": "WebPage", "@id": url, "url": url, "name": f"{article.title} - {T.SITE_NAME}",
                        "isPartOf": {"@id": f"{base}/#website"}, "datePublished": published,
                        "dateModified": modified, "breadcrumb": {"@id": f"{url}#breadcrumb"}, "inLanguage": "en-GB"},
                 {"@type": "BreadcrumbList", "@id": f"{url}#breadcrumb", "itemListElement": [
                     {"@type": "ListItem", "position": i + 1, "name": name} | ({"item": link} if link else {})
                     for i, (name, link) in enumerate(crumbs)]},
                 {"@type": "WebSite", "@id": f"{base}/#website", "url": f"{base}/", "name": T.SITE_NAME},
                 {"@type": "Organization", "@id": f"{base}/#organization", "name": T.SITE_NAME, "url": f"{base}/"}]
        text = json.dumps({"@context": "https://schema.org", "@graph": graph}, ensure_ascii=False)
        return text.replace("</", "<\\/")

    # -- feed, sitemaps, robots --------------------------------------------------------------------------------
    def feed(self, request: Request, slash: str = "/") -> Response:
        if not slash:
            return Response.redirect(f"{self.base_url}/feed/")
        items = self.posts[:FEED_SIZE]
        xml = T.FEED.substitute(base=self.base_url, build_date=rfc822(self._newest(items) or dt.datetime(2019, 1, 1)),
                                items_xml="\n".join(self._feed_item(a) for a in items))
        return Response.text(xml, "application/rss+xml; charset=UTF-8", last_modified=self._newest(items))

    def _feed_item(self, a: ReplicaArticle) -> str:
        return T.FEED_ITEM.substitute(
            title=esc(a.title, quote=False), url=self.url(a), creator=a.author or HOUSE_USER[1],
            pub_date=rfc822(publish_time(a)), category=CATEGORIES[a.section][1], base=self.base_url, id=a.post_id,
            tags_xml="".join(T.FEED_TAG.substitute(tag=t) for t in a.tags), description=a.standfirst)

    def sitemap_index(self, request: Request) -> Response:
        pages = max(1, math.ceil(len(self.posts) / SITEMAP_SIZE))
        entries = "".join(T.SITEMAP_INDEX_ENTRY.substitute(url=f"{self.base_url}/wp-sitemap-posts-post-{n}.xml")
                          for n in range(1, pages + 1))
        xml = T.SITEMAP_INDEX.substitute(base=self.base_url, entries_xml=entries)
        return Response.text(xml, "application/xml; charset=UTF-8", last_modified=self._newest(self.posts))

    def sitemap_posts(self, request: Request, page: str) -> Response:
        ordered = sorted(self.posts, key=lambda a: a.post_id)
        shown = ordered[(int(page) - 1) * SITEMAP_SIZE:int(page) * SITEMAP_SIZE]
        if not shown:
            return self.not_found_page()
        entries = "".join(T.URLSET_ENTRY.substitute(url=self.url(a), lastmod=iso(a.modified)) for a in shown)
        xml = T.URLSET.substitute(base=self.base_url, entries_xml=entries)
        return Response.text(xml, "application/xml; charset=UTF-8", last_modified=self._newest(shown))

    def robots(self, request: Request) -> Response:
        return Response.text(T.ROBOTS.substitute(base=self.base_url), last_modified=self._newest(self.posts))


def rfc822(moment: dt.datetime) -> str:
    return email.utils.format_datetime(moment.replace(tzinfo=dt.timezone.utc))


def pagination(current: int, total: int, url_for: Callable[[int], str], end_size: int = 1, mid_size: int = 2) -> str:
    """WordPress's paginate_links(): Previous, first/last pages, pages near the current one, dots, Next."""
    parts = [T.PAGE_PREV.substitute(url=url_for(current - 1))] if current > 1 else []
    dots = False
    for n in range(1, total + 1):
        if n == current:
            parts.append(T.PAGE_CURRENT.substitute(n=n))
        elif n <= end_size or n > total - end_size or abs(n - current) <= mid_size:
            parts.append(T.PAGE_LINK.substitute(url=url_for(n), n=n))
        elif not dots:
            parts.append(T.PAGE_DOTS)
            dots = True
            continue
        else:
            continue
        dots = False
    if current < total:
        parts.append(T.PAGE_NEXT.substitute(url=url_for(current + 1)))
    return "\n".join(parts)


ROUTES = (
    (r"/", "home"),
    (r"/(?P<section>news|magazine)/(?:page/(?P<page>[1-9][0-9]*)/)?", "section_listing"),
    (r"/tag/(?P<tag>[a-z0-9-]+)/(?:page/(?P<page>[1-9][0-9]*)/)?", "tag_listing"),
    (r"/news/(?P<slug>[a-z0-9-]+)(?P<slash>/?)", "article"),
    (r"/feed(?P<slash>/?)", "feed"),
    (r"/wp-sitemap\.xml", "sitemap_index"),
    (r"/wp-sitemap-posts-post-(?P<page>[1-9][0-9]*)\.xml", "sitemap_posts"),
    (r"/robots\.txt", "robots"),
    (r"/wp-json/wp/v2/posts/?", "rest_posts"),
    (r"/wp-json/wp/v2/posts/(?P<post_id>[0-9]+)/?", "rest_post"),
    (r"/wp-json/wp/v2/categories/?", "rest_categories"),
    (r"/wp-json/wp/v2/users/(?P<user_id>[0-9]+)/?", "rest_user"),
)
