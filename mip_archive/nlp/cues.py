"""Small text helpers for attribution: the cue's full phrase ("told the Daily Telegraph", "said in a statement"),
an interrupting cue between two quoted parts, a subject with no name behind an aside, quotations compared by words."""

import re

from . import lexicon
from .mention import Mention

_IN_A_STATEMENT = re.compile(r"\s+in\s+an?\s+(?:\w+\s+)?statement\b")
#: The words between two parts of one interrupted quote: ", she said, " (commas, no sentence break).
_INTERRUPTION = re.compile(r",?[^\S\n]+[^.!?;:\n“”‘’\"]{3,50},[^\S\n]+")
#: What comes before a name that opens a sentence: a sentence end (or a line break), and perhaps a title.
SENTENCE_OPENING = re.compile(r"(?:^\s*|[.!?][”’\"']?\s+|\n)(?:(?:Dr|Mr|Mrs|Ms|Miss|Professor|Prof|Sir|Dame|Cllr)\.?\s+)?$")
#: A name followed (past an aside) by its cue: "…, Rhodri Vaughan, says Pritchard’s advice …".
SUBJECT_THEN_CUE = re.compile(rf"(?:,[^,.;“”‘’\"\n]{{1,80}},|,)?\s+(?:{lexicon.CUE_RE.pattern})")
#: Cues whose following words are the listener, not the speaker ("Jo Bloggs told HSJ").
LISTENER_CUES = frozenset({"told", "tells", "tell", "ask", "asks", "asked"})
SENTENCE_PRONOUN = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))(She|He)\b", re.MULTILINE)


class Shifted:
    """A regex match moved by an offset (for matches found in a slice of the text)."""

    def __init__(self, match: re.Match, offset: int):
        self._match, self._offset = match, offset

    def start(self) -> int:
        return self._match.start() + self._offset

    def end(self) -> int:
        return self._match.end() + self._offset

    def group(self, index: int = 0) -> str:
        return self._match.group(index)


def unnamed_subject(region: str, start: int, mentions: list[Mention]) -> bool:
    """A subject followed by an aside between commas names no one when its head holds no name: "The statement,
    sent to the Health and Social Care Committee on Monday, says" (but "Jo Bloggs, MiP’s officer, said" does)."""
    aside = re.match(r"([^,]+),[^,]+,\s*$", region)
    if aside is None:
        return False
    head_end = start + len(aside.group(1))
    return not any(m.start >= start and m.end <= head_end for m in mentions) and not lexicon.SELF_NAMES_RE.search(
        aside.group(1))


def folded(text: str) -> str:
    """A quotation's words for comparison: lower case, one kind of apostrophe, no punctuation at the edges."""
    return " ".join(re.sub(r"[^\w’'\s-]", " ", text.lower().replace("’", "'")).split())


def is_interruption(gap: str) -> bool:
    """", she said, " between two quoted parts: a short cue between commas."""
    return bool(_INTERRUPTION.fullmatch(gap)) and len(gap.split()) <= 5 and lexicon.CUE_RE.search(gap) is not None


def cue_phrase(text: str, cue, mentions: list[Mention]) -> str:
    """The cue phrase, extended by the outlet for 'told the Daily Telegraph'."""
    phrase = cue.group(0)
    statement = _IN_A_STATEMENT.match(text, cue.end())
    if statement:
        return phrase + statement.group(0)  # "said in a statement"
    if cue.group(1).lower() in ("told", "tells", "tell") and phrase == cue.group(1):
        outlet = next((m for m in mentions if m.label == "ORG" and 0 <= m.start - cue.end() <= 5), None)
        if outlet is not None:
            return text[cue.start():outlet.end]
    return phrase


_SENTENCE_BREAK = re.compile(r"[.!?][”’\"']?\s+(?=[A-Z])")


def unnamed_speaker_cue(before: str) -> str | None:
    """The cue of the sentence just before a quotation when that sentence is about someone unnamed: "One member
    told us she was left out of a ring-fence." / "A director at one merging ICB, who asked not to be named, said the
    cuts could help." (the quotation is that person's; None when the sentence opens otherwise)."""
    stripped = before.rstrip()
    breaks = [m.end() for m in _SENTENCE_BREAK.finditer(stripped) if m.end() < len(stripped)]
    sentence = stripped[breaks[-1] if breaks else 0:]
    opening = re.match(r"(?:(?:But|And|Yet|However,)\s+)?", sentence)
    subject = lexicon.UNNAMED_RE.match(sentence, opening.end())
    if subject is None or subject.group(1).lower() in ("the", "our"):
        return None
    found = [cue.group(1) for cue in lexicon.CUE_RE.finditer(sentence, subject.end())]
    return found[-1] if found else None  # "…, who asked not to be named, said …": the verb of the sentence
