"""People found by the shape of a name and the grammar around it, where the small model mislabels or misses them.

A name is two or three capitalised words ("Shona McCallum", "Declan O'Sullivan", "R.J. Abernethy-Stone",
"Martin de Souza"). It counts as a person when the text around it says so:

- a role written before it: "MiP national officer for Wales Bethan Rhys-Jenkins" (a place ends the role, so only
  the last words of the capitalised run are the name), "MiP's lead organiser in the East, Jo Bloggs,";
- a role written after it: "Ewan McBride, MiP national officer for Scotland,", "Shona McCallum is head of …";
- an interview verb before it: "She tells Fergus Kilbride about …";
- a byline on its own line: "By Aled Prosser";
- its first word is a given name ("Rhiannon Beddoes met her", "Adaeze Obi-Lawson took over as …").
"""

import re

from . import lexicon
from .given_names import WEAK_GIVEN, is_given_name

#: One word of a name: initials, or a capitalised word with Mc/Mac/O'/D' prefixes, accents and hyphens.
#: Capital and small letters of the Latin alphabets names are written in here ("Zieliński", "Ó Briain", "Şahin").
UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
LOWER = "a-zß-öø-ÿāăąćĉċčďđēĕėęěĝğġģĥħĩīĭįıĵķĺļľŀłńņňōŏőœŕŗřśŝşšţťŧũūŭůűųŵŷźżž"
NAME_WORD = (rf"(?:(?<![\w&])(?:[A-Z]\.\s?)*[A-Z]\.(?=\s?[A-Z][a-z])|(?:Mc|Mac|O[’']|D[’'])?[{UPPER}][{LOWER}’']*[{LOWER}]"
             rf"(?:-[{UPPER}{LOWER[:3]}][{LOWER}’']*[{LOWER}])*)")  # "Hyun-woo" too; "A&E. Sandhu" has no initial
_PARTICLE = r"(?:de|da|di|du|del|della|van|von|der|den|la|le|ap|bin|al)"
_CAPITAL_PARTICLE = re.compile(r"St|Ap|De|Da|Di|Du|Van|Von|Le|La|Del|Della|Mac|Mc|Ní|Nic|Ó|Den|Der")
_WORD_RE = re.compile(NAME_WORD)
#: A run of name words on one line ("Wales Bethan Rhys-Jenkins", "Martin de Souza").
_RUN = re.compile(rf"{NAME_WORD}(?:(?:[^\S\n]+|(?<=\.))(?:{_PARTICLE}\s+){{0,2}}{NAME_WORD})*")
_ROLES = rf"(?:{lexicon.ROLE_NOUNS}|fellow|columnist|organiser)"
LEADING_TITLES = re.compile(r"(?:(?:" + "|".join(sorted(lexicon.TITLES, key=len, reverse=True)) + r")\.?\s+)+", re.I)

#: "national officer for London and the South East " — then the run (place + name) starts.
_ROLE_BEFORE = re.compile(
    rf"\b{_ROLES}(?P<place>\s+(?:for|of|in)\s+(?:the\s+)?(?:[A-Z]\w*\s+(?:and|of|&)\s+(?:the\s+)?)*)?\s*(?<=\s)"
    rf"(?=[A-Z])", re.IGNORECASE)
#: "lead organiser in the East of England, " — then the name, closed by a comma.
_ROLE_COMMA = re.compile(rf"\b{_ROLES}(?:\s+(?:for|of|in|at)\s+[^,.;:\n]{{1,40}})?,\s+(?=[A-Z])", re.IGNORECASE)
_INTERVIEW = re.compile(r"\b(?:tells|told|talks to|talked to|speaks to|spoke to|interviews|interviewed|meets|met|explains to)"
                        r"\s+(?=[A-Z])")
#: A byline on its own line: "By Aled Prosser".
_BYLINE = re.compile(rf"^By\s+({NAME_WORD}(?:[^\S\n]+(?:{_PARTICLE}\s+)?{NAME_WORD}){{1,2}})[^\S\n]*$", re.MULTILINE)
#: ", an MiP rep and service manager," / " is head of patient flow" after a name.
_ROLE_AFTER = (rf"(?:\s+(?:is|was|has been|became)\b|,)\s+(?:(?:the\s+)?[A-Z][\w&]*[’']s\s+|the\s+|a\s+|an\s+|its\s+|our\s+)?"
               rf"(?:MiP\s+)?(?:[\w-]+\s+){{0,3}}?(?i:{_ROLES})\b")
_ROLE_AFTER_RE = re.compile(_ROLE_AFTER, re.IGNORECASE)
_NAME_THEN_ROLE = re.compile(rf"(?<![\w’'.-]){_RUN.pattern}(?={_ROLE_AFTER})")
_LEADING_FUNCTION = re.compile(r"(?:" + "|".join(w.title() for w in sorted(lexicon.LEADING_FUNCTION_WORDS)) + r")\s+")
#: Words that never belong to a person's name.
_NOT_NAME = frozenset(
    """MiP NHS The A An Our Its Their His Her This That Last Next Every Monday Tuesday Wednesday Thursday Friday
    Saturday Sunday January February March April May June July August September October November December""".split()
)


def role_named_people(text: str) -> list[tuple[int, int]]:
    """(start, end) of every name that a role or an interview verb marks as a person."""
    found = []
    for match in _ROLE_BEFORE.finditer(text):
        found.append(_name_after(text, match.end(), has_place=bool(match.group("place"))))
    for match in _INTERVIEW.finditer(text):
        found.append(_name_after(text, match.end(), has_place=False))
    for match in _ROLE_COMMA.finditer(text):
        span = _name_after(text, match.end(), has_place=False)
        found.append(span if span and text[span[1]:span[1] + 1] == "," else None)
    for match in _NAME_THEN_ROLE.finditer(text):
        found.append(_whole_name(text, match.start(), match.end()))
    for match in _BYLINE.finditer(text):
        found.append(_whole_name(text, match.start(1), match.end(1)))
    return [span for span in found if span]


_DOING_AFTER = re.compile(r",?\s+(?:says|said|told|tells|found|finds|read|reads|recalls|remembers|explains|admits|"
                          r"laughs|smiles|became|joined|took)\b")


def first_name_people(text: str) -> list[tuple[int, int]]:
    """(start, end) of every run of two to four name words that opens with a given name ("Rhiannon Beddoes",
    "Tomás Ó Briain", "Martin de Souza"): the run's tail from its last given name that still leaves a surname.
    A run holding an organisation or place word ("Grace Hospital", "Hope Street") is not a person."""
    found = []
    for run in _RUN.finditer(text):
        words = list(_WORD_RE.finditer(text, run.start(), run.end()))
        if len(words) < 2 or _has_org_word(run.group(0)) or words[-1].group(0).lower() in lexicon.PLACE_NOUNS:
            continue
        if words[-1].group(0).lower() in lexicon.OUTLET_WORDS and text[max(0, run.start() - 4):run.start()] == "the ":
            continue  # "the Tamar Valley Gazette"
        if re.match(r"[^\S\n]+(?:[A-Z]|&)", text[run.end():run.end() + 2]):
            continue  # more capitalised words follow: an organisation's name
        first = next((w for w in words[:-1] if is_given_name(w.group(0))), None)
        if first is None and len(words) == 2 and words[0].group(0) in WEAK_GIVEN and not re.search(
                r"\b(?:in|on|by|last|next|since|until|from|early|late|mid|of)\s+$", text[max(0, run.start() - 8):run.start()],
                re.IGNORECASE) and (
                has_role_after(text, run.end()) or _DOING_AFTER.match(text, run.end())):
            first = words[0]  # "Hope Ellery, the trust's director of people, says …", "Lincoln Ashby found …"
        if first is None or len(_WORD_RE.findall(text, first.start(), run.end())) > 4:
            continue
        span = _whole_name(text, first.start(), run.end())
        if span is not None:
            found.append(span)
    return found


def is_personal_name(text: str) -> bool:
    """Two to four name words, the first a given name, no organisation or place words: "Rhiannon Beddoes"."""
    words = text.split()
    return (2 <= len(words) <= 4 and is_given_name(words[0]) and is_name_shape(text)
            and words[-1].lower() not in lexicon.PLACE_NOUNS and not any(w in _NOT_NAME for w in words))


def _name_after(text: str, position: int, has_place: bool) -> tuple[int, int] | None:
    """The name ending the capitalised run at `position`: its last two words (three with a middle initial);
    after a role's place ("for Wales") the run must hold more than the name."""
    title = LEADING_TITLES.match(text, position)
    run = _RUN.match(text, title.end() if title else position)
    if run is None or re.match(r"\s[A-Z]", text[run.end():run.end() + 2]):
        return None  # more capitalised words follow: an organisation's name, not a person's
    words = list(_WORD_RE.finditer(text, run.start(), run.end()))
    keep = 3 if len(words) >= 3 and words[-2].group(0).rstrip().endswith(".") else 2
    if len(words) > keep and _CAPITAL_PARTICLE.fullmatch(words[-keep].group(0)):
        keep += 1  # "Dylan Ap Gwilym", "Philippa St John-Harcourt"
    elif len(words) > keep + 1 and _CAPITAL_PARTICLE.fullmatch(words[-keep - 1].group(0)):
        keep += 2  # "Niamh Mac Giolla Phádraig": the particle opens a two-word surname
    if not has_place and len(words) == keep + 1 == 3 and not is_given_name(words[1].group(0)):
        keep = 3  # "regional officer Gurpreet Singh Sandhu": with no place before it, the whole run is the name
    if len(words) < keep + (1 if has_place else 0):
        return None
    return _whole_name(text, words[-keep].start(), run.end(), min_words=keep)


def _whole_name(text: str, start: int, end: int, min_words: int = 2) -> tuple[int, int] | None:
    """The span without a leading title or trailing possessive, if it still looks like a person's name."""
    byline = _LEADING_FUNCTION.match(text, start)  # "By Jane Doe, head of policy"
    start = byline.end() if byline else start
    title = LEADING_TITLES.match(text, start)
    start = title.end() if title else start
    end = end - 2 if text[end - 2:end] in ("'s", "’s") else end
    name = text[start:end]
    words = name.split()
    if len(_WORD_RE.findall(name)) < min_words or _has_org_word(name) or any(
            w in _NOT_NAME and not (i == 0 and w in WEAK_GIVEN and len(words) == 2) for i, w in enumerate(words)):
        return None  # but "June Okafor, a commissioning manager, …" (a first name the checks before let through)
    return start, end


def _has_org_word(name: str) -> bool:
    return any(word in lexicon.ORG_WORDS for word in name.lower().split())


def has_role_after(text: str, end: int) -> bool:
    """Whether a role follows the name ending at `end` ("Jane Doe, chair of …", "Jane Doe is head of …")."""
    return bool(_ROLE_AFTER_RE.match(text[end:end + 90].split("\n", 1)[0]))


def is_name_shape(text: str) -> bool:
    """Name words only ("Declan O'Sullivan", "Martin de Souza", "McBride"), no organisation words."""
    return _RUN.fullmatch(text) is not None and not _has_org_word(text)
