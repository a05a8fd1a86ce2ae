"""Field accuracy of an extraction against the replica's truth: exact title/date/author, body token F1, leaks.

Text is compared after normalising case, whitespace, quote marks and dashes, so typography is not an error.
A *leak* is an extracted body paragraph that is none of the article's own text (title, standfirst, body, image
captions): menus, sidebars, footers, share buttons, related links. The standfirst and captions are content, and
in-article subheadings are layout, so an extractor that keeps them is not leaking (it only loses a little body
precision, as the truth body holds neither).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter

TOKEN = re.compile(r"\w+")
TRANSLATE = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "\xa0": " "})
BIGRAM_MATCH = 0.8  # a paragraph whose bigrams are mostly the article's own is a re-flowed paragraph, not a leak


def normalise(text: str | None) -> str:
    return " ".join((text or "").translate(TRANSLATE).casefold().split())


def tokens(text: str | None) -> list[str]:
    return TOKEN.findall(normalise(text))


def token_scores(extracted: str, truth: str) -> tuple[float, float, float]:
    """(precision, recall, F1) of the bag of words of `extracted` against `truth`."""
    got, want = Counter(tokens(extracted)), Counter(tokens(truth))
    overlap = sum((got & want).values())
    if not got or not want:
        return (1.0, 1.0, 1.0) if got == want else (0.0, 0.0, 0.0)
    precision, recall = overlap / sum(got.values()), overlap / sum(want.values())
    f1 = 2 * precision * recall / (precision + recall) if overlap else 0.0
    return precision, recall, f1


def same(extracted: str | None, truth: str | None) -> bool:
    return normalise(extracted) == normalise(truth)


def leaked_paragraphs(body: str, truth: dict, layout: tuple[str, ...] = ()) -> list[str]:
    """The paragraphs of an extracted body that are not the article's own text (nor its in-article `layout`)."""
    own_parts = [truth.get("title"), truth.get("standfirst"), truth.get("body"), *truth.get("image_captions", []),
                 *layout]
    own = "\n".join(normalise(part) for part in own_parts if part)
    own_bigrams = _bigrams(tokens(own))
    leaks = []
    for paragraph in re.split(r"\n\s*\n|\n", body or ""):
        text = normalise(paragraph)
        if not text or text in own:
            continue
        grams = _bigrams(tokens(text))
        if not grams or len(grams & own_bigrams) / len(grams) < BIGRAM_MATCH:
            leaks.append(paragraph.strip())
    return leaks


def _bigrams(words: list[str]) -> set[tuple[str, ...]]:
    return set(itertools.pairwise(words)) if len(words) > 1 else {tuple(words)} if words else set()


def score_page(fields: dict | None, truth: dict, layout: tuple[str, ...] = ()) -> dict:
    """Scores of one extraction (None = the extractor failed on the page); `layout`: see leaked_paragraphs."""
    if fields is None:
        return {"title": 0, "date": 0, "author": 0, "precision": 0.0, "recall": 0.0, "f1": 0.0, "leak": 0,
                "failed": 1}
    precision, recall, f1 = token_scores(fields["body"], truth["body"])
    return {"title": int(same(fields["title"], truth["title"])), "date": int(fields["date"] == truth["date"]),
            "author": int(same(fields["author"], truth["author"])), "precision": precision, "recall": recall,
            "f1": f1, "leak": int(bool(leaked_paragraphs(fields["body"], truth, layout))), "failed": 0}


def mean_scores(pages: list[dict]) -> dict:
    """Each score averaged over pages (accuracies and the leak rate as shares of pages), and how many pages."""
    if not pages:
        return {}
    return {**{key: round(sum(p[key] for p in pages) / len(pages), 4) for key in pages[0]}, "pages": len(pages)}
