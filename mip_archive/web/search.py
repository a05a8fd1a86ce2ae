"""The combined search page: the best articles and quotes for one set of words and filters.

It runs the canned queries ``search`` and ``quotes_on_topic`` from metadata.yml (one place for the SQL), shows the
first few of each, and links to the full lists. When nothing is found it says why and what to try.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from urllib.parse import urlencode

from mip_archive.web.fts import has_words

Run = Callable[[str, dict], Awaitable[list[dict]]]
FILTERS = ("section", "since", "until", "entity")
QUOTE_FILTERS = ("since", "until", "entity")  # quotes have no section
SHOWN = 8
MAX_INPUT = 200
ARTICLE_QUERY, QUOTE_QUERY = "search", "quotes_on_topic"


def search_params(args: Mapping[str, str]) -> dict[str, str]:
    """The search words and filters from a request's query string: trimmed, capped, empty when absent."""
    return {name: (args.get(name) or "").strip()[:MAX_INPUT] for name in ("q", *FILTERS)}


def quote_params(params: dict[str, str]) -> dict[str, str]:
    """Quotes are narrowed by who said them: the "person or trust" box becomes the speaker."""
    return {"q": params["q"], "speaker": params["entity"], "since": params["since"], "until": params["until"]}


def query_link(base: str, params: dict[str, str]) -> str:
    return base + "?" + urlencode({key: value for key, value in params.items() if value})


def explain_empty(params: dict[str, str], kind: str, filters: tuple[str, ...] = FILTERS) -> str:
    """Why a search found no ``kind`` ("articles" or "quotes") with ``filters`` applied, and what to try next."""
    if not has_words(params["q"]):
        return "Type a word, a \"phrase in quotes\" or the start of a word followed by * (manag*)."
    used = [name for name in filters if params[name]]
    reason = f"No {kind} contain {params['q']!r}"
    if used:
        return reason + f" with {', '.join(used)} as given: try again with fewer boxes filled."
    return reason + ": check the spelling, try fewer words, or a prefix such as " + _prefix_hint(params["q"]) + "."


def _prefix_hint(text: str) -> str:
    word = max(text.replace('"', " ").split(), key=len, default="manag")
    return word[: max(4, len(word) - 3)] + "*"


async def search_page(run_article: Run, run_quote: Run | None, params: dict[str, str]) -> dict:
    """The search page's results: at most :data:`SHOWN` of each kind, with an explanation when empty."""
    if not has_words(params["q"]):
        return {"searched": False, "explain": explain_empty(params, "articles")}
    articles = await run_article(params)
    quotes = await run_quote(quote_params(params)) if run_quote else []
    return {
        "searched": True,
        "articles": articles[:SHOWN], "article_total": len(articles),
        "quotes": quotes[:SHOWN], "quote_total": len(quotes),
        "article_explain": None if articles else explain_empty(params, "articles"),
        "quote_explain": None if quotes else explain_empty(params, "quotes", QUOTE_FILTERS),
    }
