"""The requests the serving benchmark makes, as data: what a reader does, and the LIKE peer of each search.

``{term}`` is a search word and ``{like}`` the same word as a LIKE pattern; both cycle through words picked from
the archive itself (see :func:`mip_archive.bench.serve.search_terms`). Canned queries come from metadata.yml; their
parameters are filled from :data:`PARAM_SAMPLES` (``{speaker}`` and ``{entity}`` are names found in the database).
"""

from __future__ import annotations

import re
from typing import NamedTuple
from urllib.parse import urlencode


class Probe(NamedTuple):
    name: str
    kind: str  # "fts", "like", "facet", "canned" — which target the probe is held to
    route: str  # e.g. "/mip/articles.json"
    params: tuple[tuple[str, str], ...] = ()  # values are templates over {term}, {like}, {speaker}, {entity}

    def path(self, values: dict[str, str]) -> str:
        """The request path with the templates filled in and the query string encoded."""
        query = urlencode([(key, value.format(**values)) for key, value in self.params])
        return f"{self.route}?{query}" if query else self.route


ARTICLE_LIKE_SQL = ("select id, published, title from articles where title like :p or standfirst like :p "
                    "or body like :p order by published desc limit 50")
ARTICLE_FTS_SQL = ("select articles.id, articles.published, articles.title from articles_fts "
                   "join articles on articles.rowid = articles_fts.rowid where articles_fts match :q "
                   "order by rank limit 50")
QUOTE_LIKE_SQL = "select id, article_id, text from quotes where text like :p limit 50"
QUOTE_FTS_SQL = ("select quotes.id, quotes.article_id, quotes.text from quotes_fts "
                 "join quotes on quotes.rowid = quotes_fts.rowid where quotes_fts match :q order by rank limit 50")


def sql_params(sql: str, **params: str) -> tuple[tuple[str, str], ...]:
    return (("sql", sql.replace("{", "{{").replace("}", "}}")), *params.items(), ("_shape", "array"))


# Searches in pairs: the full-text way and the LIKE way, same words, same columns, same row limit.
SEARCH_PROBES = (
    Probe("articles: table search (?_search=)", "fts", "/mip/articles.json", (("_search", "{term}"),)),
    Probe("articles: FTS5 match (SQL)", "fts", "/mip.json", sql_params(ARTICLE_FTS_SQL, q="{term}")),
    Probe("articles: LIKE '%word%' (SQL)", "like", "/mip.json", sql_params(ARTICLE_LIKE_SQL, p="{like}")),
    Probe("quotes: FTS5 match (SQL)", "fts", "/mip.json", sql_params(QUOTE_FTS_SQL, q="{term}")),
    Probe("quotes: LIKE '%word%' (SQL)", "like", "/mip.json", sql_params(QUOTE_LIKE_SQL, p="{like}")),
)
FACET_PROBES = (
    Probe("articles table page (HTML, facets section/year/author)", "facet", "/mip/articles"),
    Probe("articles table JSON with facets", "facet", "/mip/articles.json",
          (("_facet", "section"), ("_facet", "year"), ("_facet", "author"))),
    Probe("quotes table page (HTML, facet role)", "facet", "/mip/quotes"),
)
PAIRS = {"articles: FTS5 match (SQL)": "articles: LIKE '%word%' (SQL)",
         "quotes: FTS5 match (SQL)": "quotes: LIKE '%word%' (SQL)"}

# What a reader types in a canned query's main box: the first of these parameters the query has is filled,
# the others are left empty ("any"), as a reader would leave them.
PARAM_SAMPLES = {"q": "{term}", "entity": "{entity}", "person": "{speaker}", "speaker": "{speaker}",
                 "label": "person", "since": "2020"}
SQL_STRING = re.compile(r"'(?:[^']|'')*'")
SQL_PARAM = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")


def query_params(sql: str) -> list[str]:
    """The named parameters of a canned query (``:name`` outside string literals), in order of appearance."""
    return list(dict.fromkeys(SQL_PARAM.findall(SQL_STRING.sub("''", sql))))


def canned_probes(queries: dict) -> list[Probe]:
    """One probe per canned query in metadata.yml, its main parameter filled from PARAM_SAMPLES."""
    probes = []
    for name, query in queries.items():
        params = dict.fromkeys(query_params(query.get("sql", "")), "")
        main = next((key for key in PARAM_SAMPLES if key in params), None)
        if main:
            params[main] = PARAM_SAMPLES[main]
        probes.append(Probe(f"canned: {name}", "canned", f"/mip/{name}.json", tuple(params.items())))
    return probes
