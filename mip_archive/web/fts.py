"""Turning whatever a reader types into a valid SQLite FTS5 query, keeping the syntax people expect.

Kept: ``"quoted phrases"``, ``prefix*`` and the operators ``OR``, ``AND`` and ``NOT`` (upper case, between two
terms). Everything else FTS5 would treat as syntax (``:``, ``^``, ``-``, ``+``, brackets, stray quotes) is dropped,
so no input can raise a syntax error. An input with no words at all becomes ``""``, which matches nothing.
"""

from __future__ import annotations

import re

MATCH_NOTHING = '""'
OPERATORS = frozenset({"OR", "AND", "NOT"})
# A phrase in double quotes (closed or running to the end), or a run of word characters with an optional "*".
TOKEN_RE = re.compile(r'"(?P<phrase>[^"]*)"?|(?P<word>\w+)(?P<star>\*)?')
WORD_RE = re.compile(r"\w+")


def safe_fts_query(text: str | None) -> str:
    """A valid FTS5 query for ``text`` (see the module docstring for what is kept)."""
    parts: list[str] = []
    for match in TOKEN_RE.finditer(text or ""):
        term = _term(match)
        if term is None:
            continue
        if term in OPERATORS:
            if parts and parts[-1] not in OPERATORS:
                parts.append(term)
            continue
        parts.append(term)
    while parts and parts[-1] in OPERATORS:
        parts.pop()
    return " ".join(parts) or MATCH_NOTHING


def _term(match: re.Match) -> str | None:
    if match.group("word") is not None:
        word = match.group("word")
        if word in OPERATORS and not match.group("star"):
            return word
        return f'"{word}"*' if match.group("star") else f'"{word}"'
    words = WORD_RE.findall(match.group("phrase"))
    return '"' + " ".join(words) + '"' if words else None


def has_words(text: str | None) -> bool:
    """Whether ``text`` holds anything searchable (used to explain an empty search instead of running it)."""
    return safe_fts_query(text) != MATCH_NOTHING
