"""Documents named by their titles rather than by a report word: "its written evidence, ‘Fair Pay for Senior
Leaders’", "the 1989 white paper Working for Patients", "The survey, Leading Through Covid, received …",
"A Healthier Wales, the Welsh Government’s long-term plan". Each found title is a REPORT mention that replaces
whatever the model found inside it.
"""

import re

from . import lexicon
from .mention import Mention
from .quotes import is_title
from .spans import LEADING_THE

_TITLE_WORDS = r"[A-Z][\w’'-]*(?:\s+(?:(?:for|of|the|and|to|in|on|a|with|through)\s+)*[A-Z][\w’'-]*)*"
_SUBTITLE = r"(?::\s+[a-z][^,.;:“”‘’\"\n]{3,90})?"
#: "the 1989 white paper Working for Patients", "its white paper, Integration and Innovation: working together …,"
_PAPER_TITLE = re.compile(rf"\b(?:white|green)\s+paper,?\s+(?P<title>{_TITLE_WORDS}{_SUBTITLE})(?=[\s,.;])")
#: "The survey, Leading Through Covid, received …", "the consultation, Leading the NHS: proposals to …, asks"
_APPOSITIVE_TITLE = re.compile(
    rf"\b(?:survey|report|consultation|guide|guidance|strategy|submission|review|framework|toolkit)"
    rf"(?:\s+(?:document|paper))?,\s+(?P<title>{_TITLE_WORDS}{_SUBTITLE})(?=[,.;])")
#: "The review published this month, Disparities in the risk and outcomes of COVID-19, makes …": a sentence-case
#: title between commas after a document word, followed by the sentence's verb.
_APPOSITIVE_SENTENCE_TITLE = re.compile(
    r"\b(?:survey|report|consultation|guide|guidance|strategy|submission|review|framework|paper)(?:\s+[\w’'-]+){0,4},\s+"
    r"(?P<title>[A-Z][^,.;:“”‘’\"\n]{3,100}?(?::\s+[^,.;“”‘’\"\n]{3,90})?),\s+(?=[a-z]+s\b)")
#: "A Healthier Wales, the Welsh Government’s long-term plan", "Closing the Gap, the department’s list of priorities"
_TITLE_THEN_KIND = re.compile(
    rf"(?<![\w’'-])(?!(?:According|In|On|At|For|With|As|After|Before|Under|Since|By|From|Following|During)\b)"
    rf"(?P<title>(?:A |An )?{_TITLE_WORDS}),\s+(?:the|its|their|our)\s+(?:[\w’'-]+\s+){{0,4}}?"
    r"(?:plan|strategy|report|review|framework|white paper|green paper|guidance|list of priorities)\b")
_QUOTED_TITLE = re.compile(
    rf"\b(?:{lexicon.DOCUMENT_THEN_COMMA}"
    r"|report|guide|guidance|evidence|survey|paper|briefing|titled|entitled|called|publication|toolkit|leaflet|"
    r"published|publishes|launched|launches|commissioned|"
    r"booklet|strategy|submission|handbook|manifesto|charter)[,:]?\s+"
    r"(?:[“\"](?P<double>[A-Z0-9][^“”\"\n]{3,80}?)[”\"]|[‘'](?P<single>[A-Z0-9][^‘’'\n]{3,80}?)[’'])(?![\w])")


#: "MiP responds to ‘Leadership for a collaborative and inclusive future’, the review of …"
_QUOTED_TITLE_THEN_KIND = re.compile(
    r"(?:[“\"](?P<double>[A-Z0-9][^“”\"\n]{3,100}?)[”\"]|[‘'](?P<single>[A-Z0-9][^‘’'\n]{3,100}?)[’'])"
    + lexicon.KIND_AFTER_TITLE)


def with_unquoted_titles(text: str, mentions: list[Mention]) -> list[Mention]:
    """"The 1989 white paper Working for Patients", "The survey, Leading Through Covid, received": a capitalised
    title (with a lower-case subtitle after a colon) right after a white paper, or set off by commas after a
    document word."""
    matches = [*_PAPER_TITLE.finditer(text),
               *(m for m in _APPOSITIVE_TITLE.finditer(text) if len(m.group("title").split()) > 1),
               *(m for m in _APPOSITIVE_SENTENCE_TITLE.finditer(text)
                 if 2 < len(m.group("title").split()) <= 14 and not re.search(r"\b(?:said|says)\b", m.group("title"))),
               *(m for m in _TITLE_THEN_KIND.finditer(text)  # "NHS Providers, the body that …" is no title
                 if len(m.group("title").split()) > 1 and not _named_already(m.span("title"), mentions))]
    for match in matches:
        start, end = match.span("title")
        mentions = [m for m in mentions if not (start <= m.start and m.end <= end)]
        mentions.append(Mention(match.group("title"), "REPORT", start, end))
    return sorted(mentions, key=lambda m: m.start)


def with_quoted_titles(text: str, mentions: list[Mention]) -> list[Mention]:
    """"its written evidence, ‘Fair Pay for Senior Leaders’," / "its guide, 'Know Your Rights in a Restructure'": a
    title in quote marks after a document word is a REPORT; it replaces the pieces the model found inside it."""
    for match in [*_QUOTED_TITLE.finditer(text), *_QUOTED_TITLE_THEN_KIND.finditer(text)]:
        group = "double" if match.group("double") else "single"  # a title in “…” may hold an apostrophe’s
        title = match.group(group)
        head = title.split(": ")[0].replace(",", "")  # "One Team, One Office", "Holding the line: senior managers …"
        if not is_title(head, re.findall(r"[\w’'-]+", head)) and not _capitalised_head(head):
            continue
        start = match.start(group)
        mentions = [m for m in mentions if not (start <= m.start and m.end <= start + len(title))]
        bare = LEADING_THE.sub("", title)  # "The Snowy White Peaks of the NHS"
        start, title = start + len(title) - len(bare), bare
        mentions.append(Mention(title, "REPORT", start, start + len(title)))
    return sorted(mentions, key=lambda m: m.start)


def _named_already(span: tuple[int, int], mentions: list[Mention]) -> bool:
    """Whether an organisation, trust or person already covers the whole span (it names no document)."""
    return any(m.label != "REPORT" and m.start <= span[0] and span[1] <= m.end for m in mentions)


def _capitalised_head(head: str) -> bool:
    """"Holding the line", "Pressure points": a title in sentence case (first word capitalised, two words or more)."""
    return len(head.split()) >= 2 and head[0].isupper() and not re.search(r"[.!?]", head)
