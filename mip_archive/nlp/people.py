"""People found by the shape of a name and the grammar around it, where the small model mislabels or misses them.

A name is two or three capitalised words ("Shona McCallum", "Declan O'Sullivan", "R.J. Abernethy-Stone",
"Martin de Souza"). It counts as a person when the text around it says so: a role written before it ("MiP
national officer for Wales Bethan Rhys-Jenkins" — the place ends the role, the last two words are the name), a
role written after it ("Ewan McBride, MiP national officer for Scotland,"), or an interview verb before it
("She tells Fergus Kilbride about …").
"""

import re

from . import lexicon

#: One word of a name: initials, or a capitalised word with Mc/Mac/O'/D' prefixes, accents and hyphens.
NAME_WORD = (r"(?:(?:[A-Z]\.\s?)*[A-Z]\.(?=\s?[A-Z][a-z])|(?:Mc|Mac|O[’']|D[’'])?[A-Z][a-zà-öø-ÿ’']*[a-zà-öø-ÿ]"
             r"(?:-[A-Z][a-zà-öø-ÿ’']*[a-zà-öø-ÿ])*)")
_PARTICLE = r"(?:de|da|di|du|del|della|van|von|der|den|la|le|ap|bin|al)"
_WORD_RE = re.compile(NAME_WORD)
_RUN = re.compile(rf"{NAME_WORD}(?:(?:[^\S\n]+|(?<=\.))(?:{_PARTICLE}\s+)?{NAME_WORD})*")
_ROLE = re.compile(rf"\b(?:{lexicon.ROLE_NOUNS}|fellow|columnist|lawyer|organiser)"
                   rf"(?P<place>\s+(?:for|of|in)\s+(?:the\s+)?(?:[A-Z]\w*\s+(?:and|of|&)\s+(?:the\s+)?)*)?\s*(?<=\s)(?=[A-Z])", re.IGNORECASE)
_TITLE = re.compile(r"(?:(?:" + "|".join(sorted(lexicon.TITLES, key=len, reverse=True)) + r")\.?\s+)+", re.I)
_INTERVIEW = re.compile(r"\b(?:tells|told|talks to|talked to|speaks to|spoke to|interviews|interviewed|meets|met)"
                        r"\s+(?=[A-Z])")
#: Words that never belong to a person's name (organisations, places in roles, the union itself).
_NOT_NAME = frozenset(
    """MiP NHS The A An Our Its Their His Her This That Last Next Every Monday Tuesday Wednesday Thursday Friday
    Saturday Sunday January February March April May June July August September October November December""".split()
)


def role_named_people(text: str) -> list[tuple[int, int]]:
    """(start, end) of names written straight after a role or an interview verb."""
    found = []
    for match in _ROLE.finditer(text):
        span = _name_after(text, match.end(), has_place=bool(match.group("place")))
        if span:
            found.append(span)
    for match in _INTERVIEW.finditer(text):
        span = _name_after(text, match.end(), has_place=False)
        if span:
            found.append(span)
    for match in _ROLE_COMMA.finditer(text):
        span = _name_after(text, match.end(), has_place=False)
        if span and text[span[1]:span[1] + 1] == ",":
            found.append(span)
    for match in _NAME_THEN_ROLE.finditer(text):
        title = _TITLE.match(text, match.start())
        start = title.end() if title else match.start()
        name = text[start:match.end()]
        if len(_WORD_RE.findall(name)) >= 2 and not _has_org_word(name) and not any(w in _NOT_NAME for w in name.split()):
            found.append((start, match.end()))
    return found


def _name_after(text: str, position: int, has_place: bool) -> tuple[int, int] | None:
    """The name ending the capitalised run at `position`; after a role's place ("for Wales"), the last words only."""
    title = _TITLE.match(text, position)
    run = _RUN.match(text, title.end() if title else position)
    if run is None or not _ends_name(text, run.end()):
        return None
    words = list(_WORD_RE.finditer(text, run.start(), run.end()))
    keep = 3 if len(words) >= 3 and _is_initial(words[-2]) else 2
    if len(words) < keep + (1 if has_place else 0):
        return None
    start = words[-keep].start()
    name = text[start:run.end()]
    if any(w in _NOT_NAME for w in name.split()) or _has_org_word(name):
        return None
    return start, run.end()


def _is_initial(word: re.Match) -> bool:
    return word.group(0).rstrip().endswith(".")


def _particle_before(text: str, word: re.Match) -> bool:
    return bool(re.search(rf"\s{_PARTICLE}\s+$", text[max(0, word.start() - 8):word.start()]))


def _ends_name(text: str, end: int) -> bool:
    """A name is not followed by more capitalised words (an organisation's name) or a possessive."""
    following = text[end:end + 3]
    return not re.match(r"\s[A-Z]|[’']s\b", following)


def _has_org_word(name: str) -> bool:
    words = name.lower().split()
    return any(w in lexicon.ORG_WORDS for w in words)


def has_role_after(text: str, end: int) -> bool:
    """"Jane Doe, MiP national officer for Scotland," / "Jane Doe is head of patient flow" follows a name."""
    tail = text[end:end + 90].split("\n", 1)[0]
    return bool(_ROLE_AFTER.match(tail))


_ROLE_AFTER = re.compile(
    rf"^(?:,|\s+(?:is|was|has been|became)\b)\s+(?:[A-Z][\w&]*[’']s\s+|the\s+|a\s+|an\s+|its\s+|our\s+|MiP\s+)?"
    rf"(?:[\w-]+\s+){{0,3}}?(?:{lexicon.ROLE_NOUNS}|fellow|columnist)\b", re.IGNORECASE)


_ROLE_COMMA = re.compile(rf"\b(?:{lexicon.ROLE_NOUNS})(?:\s+(?:for|of|in|at)\s+[^,.;:\n]{{1,40}})?,\s+(?=[A-Z])",
                         re.IGNORECASE)
_NAME_THEN_ROLE = re.compile(
    rf"(?<![\w’'.-]){_RUN.pattern}(?=(?:\s+(?:is|was|has been)|,)\s+(?:the\s+|a\s+|an\s+|MiP[’']s\s+|MiP\s+)?"
    rf"(?:[\w-]+\s+){{0,2}}?(?i:{lexicon.ROLE_NOUNS})\b)")


def is_name_shape(text: str) -> bool:
    """Two or three name words ("Declan O'Sullivan", "Martin de Souza"), or one hyphenated/Mc surname."""
    run = _RUN.fullmatch(text)
    return run is not None and not _has_org_word(text)
