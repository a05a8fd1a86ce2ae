"""Turn a parsed Doc's entity spans into clean mentions with our four labels (PERSON, TRUST, REPORT, ORG).

The stock model's spans are trimmed (newlines, quote marks, a leading "the", possessives, titles), relabelled by
their last words (trust suffixes → TRUST, report words → REPORT) and filtered (sentence-initial common words,
generic terms, indefinite "an Employment Tribunal").
"""

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span

from . import lexicon

LABELS = ("PERSON", "TRUST", "REPORT", "ORG")
_EDGE_JUNK = " \t\n.,;:!?()[]\"“”‘’'•–—-"
_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
_LEADING_POSSESSOR = re.compile(r"^[A-Z][\w&-]*[’']s\s+(?=\S+\s+\S)")
_TRAILING_POSSESSIVE = re.compile(r"(?:[’']s|(?<=s)[’'])$")
_EDGE_YEAR = re.compile(r"^(?:\d{4}\s+)|(?<![-–:\d]\s)(?<![-–:])(?:\s+\d{4})$")
_LEADING_GERUND = re.compile(r"^[A-Z][a-z]+ing\s+(?:(?:on|to|about|at|for|with|the|after|of|into)\s+)+(?=[A-Z0-9])")
_QUOTED_PROGRAMME = re.compile(r"^[\"“‘']?(.+?)[\"”’']\s+(?:project|programme|campaign|initiative)$")


@dataclass
class Mention:
    """One entity mention: its cleaned text, label, character offsets and (once resolved) canonical name."""

    text: str
    label: str
    start: int
    end: int
    canonical: str = ""

    def to_json(self) -> dict:
        return {"text": self.text, "label": self.label, "canonical": self.canonical,
                "start": self.start, "end": self.end}


@lru_cache(maxsize=1)
def known_names() -> dict[str, tuple[str, str]]:
    """Known names from the shipped phrase patterns: lower-cased text → (label, canonical)."""
    table = {}
    text = (resources.files("mip_archive.nlp") / "patterns" / "names.jsonl").read_text(encoding="utf-8")
    for line in filter(None, text.splitlines()):
        row = json.loads(line)
        table[row["pattern"].lower()] = (row["label"], row.get("id"))
    return table


def extract_mentions(doc: Doc) -> list[Mention]:
    """Clean, relabelled, filtered mentions for every entity span in the doc, in text order."""
    mentions = []
    for ent in doc.ents:
        mention = _mention(ent)
        if mention is not None:
            mentions.append(mention)
    return mentions


def _mention(ent: Span) -> Mention | None:
    if ent.label_ not in LABELS and ent.label_ not in lexicon.MODEL_LABELS:
        return None
    start, text = _clean(ent.doc.text, ent.start_char, ent.end_char, ent.label_)
    if not text:
        return None
    label = _relabel(text, ent)
    if label is None or _is_noise(text, label, ent, start):
        return None
    return Mention(text=text, label=label, start=start, end=start + len(text))


def _clean(doc_text: str, start: int, end: int, label: str) -> tuple[int, str]:
    """Trim a span to the name it holds; returns (new start offset, text)."""
    text = doc_text[start:end]
    first, _, rest = text.partition("\n")
    if first.strip(_EDGE_JUNK) or not rest:
        text = first
    else:
        start += len(first) + 1 + (len(rest) - len(rest.lstrip()))
        text = rest.strip().partition("\n")[0]
    for step in _trim_steps(label):
        new = step(text)
        start += _left_shift(text, new)
        text = new
    return start, text


def _left_shift(old: str, new: str) -> int:
    """How many characters were removed from the left when `old` became `new` (new is a substring of old)."""
    index = old.find(new)
    return index if index >= 0 else 0


def _strip_edges(text: str) -> str:
    return text.strip(_EDGE_JUNK)


def _trim_steps(label: str):
    steps = [_strip_edges, _after_colon, lambda t: _LEADING_THE.sub("", t), lambda t: _TRAILING_POSSESSIVE.sub("", t),
             lambda t: _EDGE_YEAR.sub("", t), _programme_name, _strip_edges]
    if label == "PERSON":
        steps.insert(1, _strip_titles)
    else:
        steps.insert(2, lambda t: _LEADING_POSSESSOR.sub("", t))
        steps.insert(1, lambda t: _LEADING_GERUND.sub("", t))
        steps.insert(1, _strip_leading_stop_words)
    return steps


def _after_colon(text: str) -> str:
    """"Legal Eye: Jane Doe" → "Jane Doe" (a column name before a colon); "Plan: 2015 - 2020" is kept."""
    head, sep, tail = text.partition(": ")
    return tail if sep and tail[:1].isalpha() else text


def _strip_leading_stop_words(text: str) -> str:
    """"With NHS North East London ICB" → "NHS North East London ICB"."""
    words = text.split(" ")
    while len(words) > 1 and words[0].lower() in lexicon.LEADING_FUNCTION_WORDS:
        words = words[1:]
    return " ".join(words)


def _programme_name(text: str) -> str:
    match = _QUOTED_PROGRAMME.match(text)
    return match.group(1) if match else text


def _strip_titles(text: str) -> str:
    """Drop honorifics, job titles and a leading possessor ("UCLH's Sir Robert Naylor" → "Robert Naylor")."""
    text = re.sub(r"^\S+[’']s\s+", "", text)
    changed = True
    while changed:
        changed = False
        lowered = text.lower()
        for phrase in lexicon.TITLE_PHRASES:
            if lowered.startswith(phrase + " "):
                text, changed = text[len(phrase) + 1:], True
        head, _, tail = text.partition(" ")
        if tail and head.lower().rstrip(".") in lexicon.TITLES:
            text, changed = tail, True
    return text


def _relabel(text: str, ent: Span) -> str | None:
    known = known_names().get(text.lower())
    if known:
        return known[0]
    if ent.label_ in ("TRUST", "REPORT"):
        return ent.label_
    words = tuple(text.lower().replace("’", "'").split())
    if words[-1] in lexicon.LAW_WORDS and len(words) > 1:
        return None
    if any(words[-len(suffix):] == suffix for suffix in lexicon.TRUST_SUFFIXES) and len(words) > 1:
        return "TRUST"
    if words[-1] in lexicon.REPORT_WORDS and len(words) > 1 and ent.label_ != "PERSON":
        return "REPORT"
    if ent.label_ != "PERSON" and _looks_like_person(text, ent):
        return "PERSON"
    return ent.label_ if ent.label_ in ("PERSON", "ORG") else None


def _looks_like_person(text: str, ent: Span) -> bool:
    """A capitalised name in a speaker's place ("Jane Doe says", "according to Jane Doe", "said Doe") is a person."""
    words = text.split()
    if not 1 <= len(words) <= 3 or any(w.lower() in lexicon.ORG_WORDS for w in words):
        return False
    if not all(w.istitle() for w in words):
        return False
    following = ent.doc[ent.end].lower_ if ent.end < len(ent.doc) else ""
    preceding = ent.doc.text[max(0, ent.start_char - 14):ent.start_char].lower()
    if len(words) == 1:
        return bool(re.search(r"\b(?:said|says|added|adds)\s+$", preceding))
    return following in lexicon.PERSON_VERBS or preceding.endswith("according to ")


def _is_noise(text: str, label: str, ent: Span, start: int) -> bool:
    lowered = text.lower()
    if lowered in lexicon.NOT_ENTITIES or not re.search(r"[A-Z0-9]", text) or len(text) < 2:
        return True
    if label in ("ORG", "TRUST") and _after_indefinite(ent.doc.text, start, text):
        return True
    if lowered in known_names():
        return False
    if label == "TRUST" and re.match(r" [A-Z][a-z]", ent.doc.text[start + len(text):start + len(text) + 3]):
        return True  # "NHS Trust" inside "NHS Trust Development Authority"
    if label == "REPORT" and _unconfirmed_initial_name(ent.doc.text, text, start):
        return True
    return label == "ORG" and " " not in text and text.istitle() and _sentence_initial(ent.doc.text, start)


def _unconfirmed_initial_name(doc_text: str, text: str, start: int) -> bool:
    """"Leaked report warns…": a sentence-initial 'Word report' is a name only if Word is capitalised elsewhere."""
    words = text.split()
    if len(words) != 2 or not words[1].islower() or not _sentence_initial(doc_text, start):
        return False
    elsewhere = [m.start() for m in re.finditer(rf"\b{re.escape(words[0])}\b", doc_text) if m.start() != start]
    return not any(not _sentence_initial(doc_text, i) for i in elsewhere)


def _after_indefinite(doc_text: str, start: int, text: str) -> bool:
    """"an Employment Tribunal" is any tribunal; "a Supreme Court ruling" still names one court."""
    indefinite = re.compile(r"\b(?:an?|any|every)\s+$", re.IGNORECASE)
    if not indefinite.search(doc_text[max(0, start - 6):start]) and not re.match(r"(?:an?|any|every)\s", text, re.I):
        return False
    following = re.match(r"\s+([a-z]+)", doc_text[start + len(text):start + len(text) + 30])
    return following is None or following.group(1) in STOP_WORDS


def _sentence_initial(doc_text: str, start: int) -> bool:
    """Whether a span opens a line (after any bullet) or a sentence."""
    prefix = doc_text[doc_text.rfind("\n", 0, start) + 1:start]
    return not prefix.strip(" \t•*·–-") or bool(re.search(r"[.!?:][\"”’']?\s+$", prefix))
