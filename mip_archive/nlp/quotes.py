"""Find direct quotations in plain text: straight and curly, single and double marks, across paragraphs.

Apostrophes are told apart from single quote marks by their neighbours ("don't", "Hunt's", "managers' union").
Scare quotes, short phrases (< 4 words) and titles in quote marks are not quotations.
"""

import re
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from .lexicon import CUE_RE, DOCUMENT_THEN_COMMA, KIND_AFTER_TITLE

OPEN_DOUBLE, CLOSE_DOUBLE = "“", "”"
OPEN_SINGLE, CLOSE_SINGLE = "‘", "’"
MIN_WORDS = 4
MAX_PARAGRAPHS = 4
_WORD = re.compile(r"[\w’'-]+")
_SMALL = frozenset("a an and as at by for from in into of on or the to with".split())
_TITLE_BEFORE = re.compile(
    rf"\b(?:{DOCUMENT_THEN_COMMA}"
    r"|published|publishes|launched|briefing|guide|report|paper|leaflet|booklet|factsheet|titled|entitled|called|headlined|motion|session|"
    r"webinar|workshop|theme|themed|title|motto|slogan|strapline|banner|submission|survey|consultation|response|"
    r"responds\s+to|response\s+to|responded\s+to)[,:]?"
    r"[^\S\n]*[“‘\"']?$", re.IGNORECASE)  # on the same line: a standfirst ending "… the Francis report" is no title's
_KIND_AFTER = re.compile(KIND_AFTER_TITLE)
_SPEECH_BEFORE = re.compile(r"\b(?:says|said|adds|added|replies|replied|asks|asked|laughs|laughed)[:,]\s*$")
_SPEECH_AFTER = re.compile(r"\s*(?:(?:he|she|they|[A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+)?)\s+)"
                           r"(?:says|said|adds|added|replies|replied|laughs|laughed|admits|admitted)\b")
#: "in Ogunleye's words", "calling for": a phrase quoted as someone's words without a speech verb.
_WORDS_OF = re.compile(r"\b(?:in\s+(?:[\w’'-]+\s+){1,3}words|calling\s+(?:for|it)|branded|dubbed|described\s+as)\b",
                       re.IGNORECASE)
_NAME_FOLLOWS = re.compile(r"\s*(?:project|programme|campaign|initiative|report|review|strategy|plan|series|column)\b")


@dataclass
class QuoteSpan:
    """A quotation's position: `start`/`end` bracket the words (inside the marks); `text` is paragraph-joined."""

    start: int
    end: int
    text: str
    mark: str  # "single" or "double"


def find_quotes(text: str) -> list[QuoteSpan]:
    """Every direct quotation in `text`, in order."""
    spans, pos = [], 0
    while True:
        opener = _next_opener(text, pos)
        if opener is None:
            return spans
        index, kind = opener
        close = _find_close(text, index + 1, kind)
        if close is None:
            pos = index + 1
            continue
        span = QuoteSpan(index + 1, close, _joined(text[index + 1:close]), kind)
        if _is_quotation(text, span):
            spans.append(span)
        pos = close + 1


def _next_opener(text: str, pos: int) -> tuple[int, str] | None:
    for index in range(pos, len(text)):
        char = text[index]
        if char in (OPEN_DOUBLE, '"') and _can_open(text, index):
            return index, "double"
        if char in (OPEN_SINGLE, "'", CLOSE_SINGLE) and _can_open(text, index):
            return index, "single"
    return None


def _can_open(text: str, index: int) -> bool:
    """An opening mark follows a space, a line start or a bracket and is followed by a word character."""
    before = text[index - 1] if index else "\n"
    after = text[index + 1] if index + 1 < len(text) else " "
    if text[index] in (OPEN_DOUBLE, OPEN_SINGLE):
        return not after.isspace()
    return (before.isspace() or before in "([—–-") and not after.isspace() and after not in ".,;:"


def _can_close(text: str, index: int, kind: str) -> bool:
    char = text[index]
    if kind == "double":
        return char == CLOSE_DOUBLE or (char == '"' and not text[index - 1].isspace())
    if char not in (CLOSE_SINGLE, "'"):
        return False
    before = text[index - 1]
    after = text[index + 1] if index + 1 < len(text) else " "
    if before.isalnum() and after.isalnum():
        return False  # apostrophe inside a word: don't, Hunt's
    return not before.isspace() and not after.isalnum()


def _find_close(text: str, start: int, kind: str) -> int | None:
    """The closing mark for a quote opened at `start`, skipping plural possessives, over up to a few paragraphs."""
    limit = _paragraph_limit(text, start)
    candidates = [i for i in range(start, limit) if _can_close(text, i, kind)]
    for position, index in enumerate(candidates):
        following = candidates[position + 1] if position + 1 < len(candidates) else None
        if following is not None and "\n\n" not in text[index:following] and _looks_possessive(text, index):
            continue
        return index
    return None


def _paragraph_limit(text: str, start: int) -> int:
    end = start
    for _ in range(MAX_PARAGRAPHS):
        found = text.find("\n\n", end + 2)
        if found < 0:
            return len(text)
        end = found
    return end


def _looks_possessive(text: str, index: int) -> bool:
    """"members' experiences": a mark after s, followed by a lower-case noun (not "and", "is"...), is an apostrophe."""
    following = re.match(r"\s+([a-z]+)([’'][a-z]+)?", text[index + 1:index + 30])
    if text[index - 1] != "s" or following is None or following.group(2):
        return False
    return following.group(1) not in STOP_WORDS


def _joined(raw: str) -> str:
    """Paragraphs of a multi-paragraph quote joined with one space, without the re-opening marks."""
    parts = [p.strip() for p in raw.split("\n\n")]
    parts = [parts[0]] + [p.lstrip("“‘'\"") for p in parts[1:]]
    return " ".join(p for p in parts if p)


def _is_quotation(text: str, span: QuoteSpan) -> bool:
    words = _WORD.findall(span.text)
    if len(words) < MIN_WORDS:
        return bool(words) and _clearly_speech(text, span)
    in_headline = "\n" not in text[:span.start]  # "Senior managers ‘left out in the cold’ by NHS pay deal"
    if len(words) <= 5 and span.text == span.text.lower() and not re.search(r"[.,!?;:]", span.text) and not in_headline:
        return _clearly_speech(text, span) or _cue_in_sentence(text, span)  # 'at risk of redundancy', a term
    if _NAME_FOLLOWS.match(text, span.end + 1):
        return False
    if span.text[:1].isupper() and _TITLE_BEFORE.search(text[max(0, span.start - 80):span.start]):
        return False  # "its report, ‘Holding the Line’"; but "on the review, ‘nobody has ever …’" is speech
    if span.text[:1].isupper() and _KIND_AFTER.match(text, span.end + 1):
        return False  # "responds to ‘Leadership for a collaborative future’, the review of …"
    return not is_title(span.text, words)


def _cue_in_sentence(text: str, span: QuoteSpan) -> bool:
    """Whether the quote's sentence has a speech cue before it ("said it was ‘one step too far’") or right after."""
    before = text[max(0, span.start - 120):span.start - 1]
    sentence = re.split(r"[.!?]\s+|\n", before)[-1]
    return bool(CUE_RE.search(sentence) or _WORDS_OF.search(sentence) or re.match(r"[’'”\"]?,?\s+(?:\w+\s+){0,3}?(?:says|said|adds|added|warns|warned)\b",
                                                  text[span.end:span.end + 40]))


def _clearly_speech(text: str, span: QuoteSpan) -> bool:
    """A short quote is speech when a speech verb introduces it ("she says: “Now there is.”") or follows it
    ("“I know,” he said"), or "in the words of" someone."""
    before = text[max(0, span.start - 60):span.start - 1]
    after = text[span.end + 1:span.end + 40]
    if re.search(r"in the words of [^.]{0,40}$", before, re.IGNORECASE):
        return len(_WORD.findall(span.text)) >= 2
    if not re.search(r"[.,!?]$", span.text):
        return False  # a bare phrase ('very shortly') is a scare quote, whatever verb is near
    return bool(_SPEECH_BEFORE.search(before) or _SPEECH_AFTER.match(after))


def is_title(quote: str, words: list[str]) -> bool:
    """'Next Steps on the Five Year Forward View': capitalised words, no sentence punctuation."""
    if re.search(r"[.!?,;]", quote):
        return False
    content = [w for w in words if w.lower() not in _SMALL]
    capitals = sum(1 for w in content if w[0].isupper() or w[0].isdigit())
    return bool(content) and capitals / len(content) >= 0.75
