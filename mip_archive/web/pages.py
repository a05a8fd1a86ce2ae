"""The data each custom page shows: an article with its versions, quotes and entities; a quote; an entity.

Each function takes ``run``, an async callable ``(sql, params) -> list[dict]`` (Datasette's database in the
plugin, plain sqlite3 in tests), and ``tables``, the names of the tables the archive has, so an archive that was
never enriched (no NLP tables) still shows its articles.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable

from mip_archive.web import sql
from mip_archive.web.body import reader_html
from mip_archive.web.cells import safe_href
from mip_archive.web.charts import bar_chart_svg, fill_years

Run = Callable[[str, dict], Awaitable[list[dict]]]
NLP_TABLES = frozenset({"entities", "article_entities", "quotes"})


async def article_page(run: Run, tables: set[str], article_id: str) -> dict | None:
    """The article (body sanitised again on the way out), its earlier versions, quotes and entities."""
    rows = await run(sql.ARTICLE, {"id": article_id})
    if not rows:
        return None
    article = rows[0]
    article["safe_body"] = reader_html(article.get("body_html"), base_url=article["url"])
    article["original_href"] = safe_href(article["url"])
    article["archive_href"] = safe_href(article.get("archive_url"))
    params = {"id": article_id}
    has_nlp = NLP_TABLES <= tables
    return {
        "article": article,
        "versions": await run(sql.ARTICLE_VERSIONS, params) if "article_versions" in tables else [],
        "quotes": await run(sql.ARTICLE_QUOTES, params) if has_nlp else [],
        "entities": await run(sql.ARTICLE_ENTITIES, params) if has_nlp else [],
    }


async def quote_page(run: Run, tables: set[str], quote_id: str) -> dict | None:
    if "quotes" not in tables:
        return None
    rows = await run(sql.QUOTE, {"id": quote_id})
    if not rows:
        return None
    quote = rows[0]
    quote["original_href"] = safe_href(quote["url"])
    return {"quote": quote}


async def entity_page(run: Run, tables: set[str], entity_id: str) -> dict | None:
    """The entity, a chart of the articles mentioning it per year, what it said and the roles it was given."""
    if not NLP_TABLES <= tables:
        return None
    rows = await run(sql.ENTITY, {"id": entity_id})
    if not rows:
        return None
    entity = rows[0]
    entity["alias_list"] = _aliases(entity.get("aliases"))
    params = {"id": entity_id}
    years = {row["year"]: row["articles"] for row in await run(sql.ENTITY_YEARS, params)}
    return {
        "entity": entity,
        "chart": bar_chart_svg(fill_years(years), title=f"Articles mentioning {entity['name']}, by year"),
        "years": years,
        "articles": await run(sql.ENTITY_ARTICLES, params),
        "quotes": await run(sql.ENTITY_QUOTES, params),
        "roles": await run(sql.ENTITY_ROLES, params) if "roles" in tables else [],
    }


def _aliases(value) -> list[str]:
    if not value:
        return []
    try:
        aliases = json.loads(value)
    except (TypeError, ValueError):
        return [str(value)]
    return [str(alias) for alias in aliases] if isinstance(aliases, list) else [str(aliases)]
