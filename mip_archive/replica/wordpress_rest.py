"""The replica WordPress site's REST API (``/wp-json/wp/v2/...``): posts with paging and filters, categories, users.

Shapes, headers and error codes follow WordPress core: ``X-WP-Total``/``X-WP-TotalPages``, a ``Link`` header, and
``rest_post_invalid_page_number`` (400) for a page past the end.
"""

from __future__ import annotations

import datetime as dt
import html
import math
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from mip_archive.replica.content import publish_time
from mip_archive.replica.http import Request, Response
from mip_archive.replica.model import ReplicaArticle
from mip_archive.replica.wordpress import CATEGORIES, HOUSE_USER, REST_MAX_PER_PAGE, UNCATEGORISED

if TYPE_CHECKING:
    from mip_archive.replica.wordpress import WordPressSite


def rest_error(code: str, message: str, status: int, **data: Any) -> Response:
    return Response.json({"code": code, "message": message, "data": {"status": status, **data}}, status=status)


def invalid_param(name: str, reason: str) -> Response:
    return rest_error("rest_invalid_param", f"Invalid parameter(s): {name}", 400, params={name: reason})


def wp_datetime(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S")


class RestApi:
    def __init__(self, site: "WordPressSite"):
        self.site = site

    def rest_posts(self, request: Request) -> Response:
        query = request.query
        try:
            page, per_page = int(query.get("page", "1")), int(query.get("per_page", "10"))
        except ValueError:
            return invalid_param("page", "page and per_page must be integers")
        if not 1 <= per_page <= REST_MAX_PER_PAGE:
            return invalid_param("per_page", f"per_page must be between 1 (inclusive) and {REST_MAX_PER_PAGE} (inclusive)")
        if page < 1:
            return invalid_param("page", "page must be greater than or equal to 1")
        posts = self._filtered(query)
        if isinstance(posts, Response):
            return posts
        total, pages = len(posts), math.ceil(len(posts) / per_page)
        if page > max(pages, 1):
            return rest_error("rest_post_invalid_page_number",
                              "The page number requested is larger than the number of pages available.", 400)
        shown = posts[(page - 1) * per_page:page * per_page]
        fields = [f.split(".")[0] for f in query.get("_fields", "").split(",") if f]
        body = [self._select(self.post_json(a), fields) for a in shown]
        headers = {"X-WP-Total": str(total), "X-WP-TotalPages": str(pages), **self._link_header(query, page, pages)}
        return Response.json(body, headers=headers, last_modified=max((a.modified for a in shown), default=None))

    def _filtered(self, query: dict[str, str]) -> list[ReplicaArticle] | Response:
        posts = self.site.posts
        if query.get("modified_after"):
            try:
                after = dt.datetime.fromisoformat(query["modified_after"].replace("Z", "+00:00"))
            except ValueError:
                return invalid_param("modified_after", "Invalid date.")
            after = after.astimezone(dt.timezone.utc).replace(tzinfo=None) if after.tzinfo else after
            posts = [a for a in posts if a.modified > after]
        if query.get("categories"):
            try:
                wanted = {int(c) for c in query["categories"].split(",")}
            except ValueError:
                return invalid_param("categories", "categories[0] is not of type integer.")
            posts = [a for a in posts if CATEGORIES[a.section][0] in wanted]
        return posts

    def _link_header(self, query: dict[str, str], page: int, pages: int) -> dict[str, str]:
        base = f"{self.site.base_url}/wp-json/wp/v2/posts"
        links = [f'<{base}?{urlencode({**query, "page": n})}>; rel="{rel}"'
                 for rel, n in (("prev", page - 1), ("next", page + 1)) if 1 <= n <= pages]
        return {"Link": ", ".join(links)} if links else {}

    @staticmethod
    def _select(post: dict[str, Any], fields: list[str]) -> dict[str, Any]:
        return {k: v for k, v in post.items() if k in fields} if fields else post

    def post_json(self, a: ReplicaArticle) -> dict[str, Any]:
        site, url = self.site, self.site.url(a)
        published, modified = wp_datetime(publish_time(a)), wp_datetime(a.modified)
        return {
            "id": a.post_id, "date": published, "date_gmt": published, "guid": {"rendered": f"{site.base_url}/?p={a.post_id}"},
            "modified": modified, "modified_gmt": modified, "slug": a.slug, "status": "publish", "type": "post",
            "link": url, "title": {"rendered": html.escape(a.title)},
            "content": {"rendered": site.content_html(a) + "\n", "protected": False},
            "excerpt": {"rendered": f"<p>{html.escape(a.standfirst)}</p>\n", "protected": False},
            "author": site.user_ids.get(a.author, HOUSE_USER[0]), "featured_media": 0, "comment_status": "closed",
            "ping_status": "closed", "sticky": False, "template": "", "format": "standard", "meta": [],
            "categories": [CATEGORIES[a.section][0]], "tags": [site.tag_ids[t] for t in a.tags],
            "_links": {"self": [{"href": f"{site.base_url}/wp-json/wp/v2/posts/{a.post_id}"}]},
        }

    def rest_post(self, request: Request, post_id: str) -> Response:
        article = self.site.by_id.get(int(post_id))
        if article is None:
            return rest_error("rest_post_invalid_id", "Invalid post ID.", 404)
        return Response.json(self.post_json(article), last_modified=article.modified)

    def rest_categories(self, request: Request) -> Response:
        rows = [(UNCATEGORISED[0], UNCATEGORISED[1], UNCATEGORISED[2], 0, "/category/uncategorised/")]
        rows += [(cid, name, slug, len(self.site.sections[s]), path)
                 for s, (cid, name, slug, path, _) in CATEGORIES.items()]
        body = [{"id": cid, "count": count, "description": "", "link": f"{self.site.base_url}{path}", "name": name,
                 "slug": slug, "taxonomy": "category", "parent": 0, "meta": []} for cid, name, slug, count, path in rows]
        return Response.json(body, headers={"X-WP-Total": str(len(body)), "X-WP-TotalPages": "1"})

    def rest_user(self, request: Request, user_id: str) -> Response:
        found = self.site.users.get(int(user_id))
        if found is None:
            return rest_error("rest_user_invalid_id", "Invalid user ID.", 404)
        name, slug = found
        return Response.json({"id": int(user_id), "name": name, "url": "", "description": "",
                              "link": f"{self.site.base_url}/author/{slug}/", "slug": slug, "meta": []})

