"""Spans that name nothing, told by the words around them: a sentence-initial common word ("Morale among …"), a
place after a preposition ("in Truro"), "an Employment Tribunal", a headline's verb before "ICB", "NHS Trust" inside a
longer name."""

import re

from spacy.lang.en.stop_words import STOP_WORDS

from . import lexicon
from .mention import known_names, lower_case_names

#: "in Truro", "in London, Leeds and Bristol": a place after a preposition, or ending a list of places after one.
_PLACE_PREPOSITION = re.compile(r"\b(?:in|from|near|outside|around|across)\s+(?:[A-Z][a-z]+,\s+)*(?:[A-Z][a-z]+\s+and\s+)?$")


def is_noise(text: str, label: str, doc_text: str, start: int) -> bool:
    """Whether a cleaned, labelled span names nothing: a stop word, a clause number, a role's "Guardian", "an
    Employment Tribunal", a sentence-initial common word, a number before "ICB", a place after "in" …"""
    lowered = text.lower()
    if lowered in lexicon.NOT_ENTITIES or len(text) < 2:
        return True
    if not re.search(r"[A-Z0-9]", text) and text not in lower_case_names():  # "the well-led framework" is known
        return True
    if label == "PERSON" and (not text[0].isupper() or re.search(r"\d", text)):
        return True  # "s 480": a clause number, "Module 3": a part of an inquiry, not a name
    if lowered in lexicon.OUTLET_WORDS and doc_text[max(0, start - 4):start].lower() != "the ":
        return True  # "the Guardian" is a newspaper; a "Freedom to Speak Up Guardian" is a role
    if label in ("ORG", "TRUST") and _after_indefinite(doc_text, start, text):
        return True
    if label == "ORG" and _generic_sentence_opening(text, doc_text, start):
        return True
    if label in ("PERSON", "ORG") and _common_word_opening(text, doc_text, start):
        return True
    if label in ("PERSON", "ORG") and text.lower() in lexicon.COMPASS_WORDS and re.search(
            r"\b(?:North|South|East|West)\s+$", doc_text[max(0, start - 7):start]):
        return True  # "West" of "the North West"
    if label in ("ORG", "PERSON") and re.fullmatch(r"[A-Z][a-z]+ to [A-Z][a-z]+", text):
        return True  # "from Cornwall to Cumbria": a stretch of country
    if label == "ORG" and " " not in text and re.match(r"[’']?s?\s+reforms\b", doc_text[start + len(text):start + len(text) + 12]):
        return True  # "the Lansley reforms": a minister's name for a policy, no body
    if label == "ORG" and (text in ("Bill", "Act", "Bills", "Acts") or re.fullmatch(r"[A-Z]+-[a-z]+", text)):
        return True  # "the Bill" is legislation; "VSM-graded" describes a post
    if label == "ORG" and re.search(r" (?:Day|Week|Month)$", text):
        return True  # "International Women's Day": a day in the calendar, no body
    if lowered in known_names():
        return False
    if label == "ORG" and re.fullmatch(r"[A-Z]{2,6}", text) and _spelt_out_in_lower_case(text, doc_text):
        return True  # "MARS is the mutually agreed resignation scheme": a kind of thing, not a body
    if label in ("ORG", "TRUST") and re.fullmatch(r"[A-Z]{2,5}s", text):
        return True  # "ICBs", "CSUs": a kind of body, not one
    if label == "TRUST" and re.fullmatch(r"[A-Z][a-z]+ing (?:ICB|CCG|ICS|ICBs|CCGs)", text):
        return True  # "Halving ICB staff will …": a headline's verb, no trust
    if label == "TRUST" and re.fullmatch(r"[A-Z][a-z]+ (?:CCG|ICB|ICS)s?", text) and (
            text.split()[0].lower() in STOP_WORDS | _BODY_KIND_WORDS):
        return True  # "Former CCG staff", "Every ICB", "Among ICB leaders": a kind of body, not one
    if label == "TRUST" and text.split()[0].isdigit():
        return True  # "more than 30 ICB consultations"
    if label == "TRUST" and re.match(r" [A-Z][a-z]", doc_text[start + len(text):start + len(text) + 3]):
        return True  # "NHS Trust" inside "NHS Trust Development Authority"
    if label == "REPORT" and len(text.split()) == 2 and text.split()[1].islower() and re.search(
            r"\b(?:[Aa]n?|any|every)\s+(?:[a-z]+\s+){0,2}$", doc_text[max(0, start - 30):start]):
        return True  # "a national HR framework": one of a kind, not a named document
    if label == "REPORT" and re.fullmatch(r"NHS(?: [a-z][\w-]*)+", text) and text.split()[-1] not in ("survey", "census"):
        return True  # "the forthcoming NHS workforce plan", "part of NHS strategy": no document's name
    if label == "REPORT" and _unconfirmed_initial_name(doc_text, text, start):
        return True
    if label == "REPORT" and re.sub(r"[’']s$", "", text.split()[0]) in lexicon.POST_NOMINALS:
        return True  # "Tom Kark QC’s review": the report is named by its author elsewhere
    if label == "ORG" and " " not in text and text.istitle() and _PLACE_PREPOSITION.search(
            doc_text, max(0, start - 60), start):
        return True  # "in Truro", "from Bangor": a place
    if label == "ORG" and " " not in text and text.istitle() and _sentence_initial(doc_text, start):
        return not lexicon.CUE_RE.match(doc_text, start + len(text) + 1)  # "Oakenshaw told HSJ" is kept
    return False


#: Words before "CCG"/"ICB"/"ICS" that make it a kind of body (beside spaCy's stop words: "every", "among", "your").
_BODY_KIND_WORDS = frozenset("new old local neighbouring merged abolished shadow".split())


def _spelt_out_in_lower_case(abbreviation: str, doc_text: str) -> bool:
    """Whether the article spells the abbreviation out in lower-case words ("commissioning support units")."""
    words = r"\s+".join(rf"{letter}[a-z’'-]*" for letter in abbreviation.lower())
    return re.search(rf"(?<![\w-]){words}\b", doc_text) is not None


def _common_word_opening(text: str, doc_text: str, start: int) -> bool:
    """"Morale among senior staff …": one sentence-initial word the text also writes in lower case elsewhere."""
    return (" " not in text and text.istitle() and _sentence_initial(doc_text, start)
            and re.search(rf"\b{re.escape(text.lower())}\b", doc_text) is not None)


def _generic_sentence_opening(text: str, doc_text: str, start: int) -> bool:
    """"Pay review body must …": a capital only because the sentence starts there, the rest lower case."""
    words = text.split()
    return (len(words) > 1 and words[0].istitle() and all(w.islower() for w in words[1:])
            and _sentence_initial(doc_text, start))


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
    following = re.match(r"(?:\s+\([A-Z][\w&]*\))?(?:\s+(?:or|and)(?:\s+[A-Z][\w&’'-]*)+)?\s+([a-z]+)",
                         doc_text[start + len(text):start + len(text) + 80])
    return following is None or following.group(1) in STOP_WORDS  # "a Care Quality Commission (CQC) inspection",
    # "an NHS Tayside or NHS Lanarkshire manager"


def _sentence_initial(doc_text: str, start: int) -> bool:
    """Whether a span opens a line (after any bullet) or a sentence."""
    prefix = doc_text[doc_text.rfind("\n", 0, start) + 1:start]
    return not prefix.strip(" \t•*·–-“‘\"'") or bool(re.search(r"[.!?:][\"”’']?\s+[“‘\"']?$", prefix))
