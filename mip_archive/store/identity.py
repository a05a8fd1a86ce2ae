"""One statement, one record: recognising the same statement across captures, hosts and the two ASP.NET eras.

A statement republished on the 2018 site, or captured at several URLs, must become one article listing every URL;
two different statements that share a headline (on different dates) must stay two. The rule: the same article id
(URL) or a URL already recorded for an article; otherwise a candidate with the same normalised title whose date
agrees (within :data:`DATE_SLACK_DAYS`, or unknown on one side) and whose body is similar (word-shingle Jaccard
≥ :data:`SAME_BODY`); or, for an edited headline, the same date and a near-identical body (≥ :data:`SAME_BODY_ANY_TITLE`).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

import sqlite_utils

from mip_archive.items import Article
from mip_archive.normalise import article_id

SHINGLE = 4
SAME_BODY = 0.5
SAME_BODY_ANY_TITLE = 0.85
DATE_SLACK_DAYS = 3
QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "′": "'", "“": '"', "”": '"', "„": '"', "–": "-", "—": "-"})
NON_WORD = re.compile(r"[^\w\s]")
CANDIDATE_SQL = ("select id, title, published, body from articles where title = ? or published = ? "
                 "or published between ? and ?")


def title_key(title: str | None) -> str:
    """A title for comparison: NFKC, quotes and dashes unified, punctuation dropped, case folded, spaces collapsed."""
    text = unicodedata.normalize("NFKC", title or "").translate(QUOTES)
    return " ".join(NON_WORD.sub(" ", text).casefold().split())


def shingles(text: str, size: int = SHINGLE) -> set[tuple[str, ...]]:
    words = title_key(text).split()
    if len(words) < size:
        return {tuple(words)} if words else set()
    return {tuple(words[i:i + size]) for i in range(len(words) - size + 1)}


def similarity(a: str, b: str) -> float:
    """Jaccard similarity of the two texts' word shingles (0 when either is empty)."""
    left, right = shingles(a), shingles(b)
    return len(left & right) / len(left | right) if left and right else 0.0


def dates_agree(a: str | None, b: str | None, slack: int = DATE_SLACK_DAYS) -> bool:
    if not a or not b:
        return True
    return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days) <= slack


def same_statement(article: Article, title: str, published: str | None, body: str) -> bool:
    """Whether ``article`` is the statement stored with this title, date and body."""
    if not dates_agree(article.published, published):
        return False
    score = similarity(article.body, body)
    if title_key(article.title) == title_key(title):
        return score >= SAME_BODY
    return bool(article.published and published == article.published) and score >= SAME_BODY_ANY_TITLE


def find_same_statement(db: sqlite_utils.Database, article: Article) -> str | None:
    """The id of the stored article that is this statement, or ``None`` when it is new."""
    key = article_id(article.url)
    if db["articles"].count_where("id = ?", [key]):
        return key
    for url in filter(None, (article.url, article.source_url)):
        row = next(db.query("select article_id from article_urls where url = ?", [url]), None)
        if row:
            return row["article_id"]
    best, best_score = None, 0.0
    for row in db.query(CANDIDATE_SQL, _candidate_args(article)):
        if same_statement(article, row["title"], row["published"], row["body"]):
            score = similarity(article.body, row["body"])
            if score > best_score:
                best, best_score = row["id"], score
    return best


def _candidate_args(article: Article) -> list:
    if not article.published:
        return [article.title, None, None, None]
    day = dt.date.fromisoformat(article.published)
    slack = dt.timedelta(days=DATE_SLACK_DAYS)
    return [article.title, article.published, (day - slack).isoformat(), (day + slack).isoformat()]


def completeness(article: Article) -> tuple:
    """What makes a capture more complete: a date from the page, an author, a standfirst, more words, a section."""
    return (article.published is not None, article.date_source not in (None, "listing"), article.author is not None,
            bool(article.standfirst), article.word_count, not article.warnings)


def more_complete(candidate: Article, stored: Article) -> Article:
    """The better of two captures of one statement; on a tie the stored one stays (no flip-flopping on re-runs)."""
    return candidate if completeness(candidate) > completeness(stored) else stored


def stored_article(db: sqlite_utils.Database, key: str) -> Article | None:
    """The stored article ``key`` as an :class:`Article` (the fields :func:`completeness` reads, and the text)."""
    row = next(db.query("select * from articles where id = ?", [key]), None)
    if row is None:
        return None
    fields = ("url", "section", "title", "body", "era", "published", "published_raw", "date_source", "author",
              "standfirst")
    article = Article(**{name: row[name] for name in fields if row.get(name) is not None or name == "published"})
    article.warnings = [] if row.get("warnings") in (None, "[]") else ["stored"]
    return article
