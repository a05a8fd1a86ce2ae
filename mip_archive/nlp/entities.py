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

from . import lexicon, people
from .quotes import is_title

LABELS = ("PERSON", "TRUST", "REPORT", "ORG")
_EDGE_JUNK = " \t\n.,;:!?()[]\"“”‘’'•–—-"
_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
_LEADING_POSSESSOR = re.compile(r"^[A-Z][\w&-]*[’']s\s+(?!and\s|&\s)(?=\S+\s+\S)")
_TRAILING_POSSESSIVE = re.compile(r"(?:[’']s|(?<=s)[’'])$")
_EDGE_YEAR = re.compile(r"^(?:\d{4}\s+)|(?<![-–:\d]\s)(?<![-–:])(?:\s+\d{4})$")
_LEADING_GERUND = re.compile(r"^[A-Z][a-z]+ing\s+(?:(?:on|to|about|at|for|with|the|after|of|into)\s+)+(?=[A-Z0-9])")
_ROLE_PLACE = re.compile(r"\b(?:(?:officer|organiser|secretary|representative|lead|director|rep)\s+for\s+(?:the\s+)?"
                         r"(?:[A-Z]\w+\s+(?:and|&)\s+(?:the\s+)?)?|secretary\s+of\s+)$", re.IGNORECASE)
_ROLE_TITLE_AFTER = re.compile(r"\s+(?:Secretary|Minister)\b")
_HYPHEN_AFTER = re.compile(r"(?:-[A-Z][\w’']*[a-z])+")
_HYPHEN_BEFORE = re.compile(r"(?:(?<![\w-])[A-Z][\w’']*[a-z]-)$|(?:(?<!\w)(?:[A-Z]\.\s?)*[A-Z]\.\s?)$")
_REGION_AFTER = re.compile(r" (?:" + "|".join(lexicon.NATIONS) + r")\b")
_NEWSROOM_AFTER = re.compile(r" News\b")
_LONE_NAME_SUPPORT_BEFORE = re.compile(
    r"(?:\b(?:Lord|Lady|Sir|Dame|Dr|Mr|Mrs|Ms|Miss|Professor|Prof|Baroness|Baron|Cllr|Rev)\.?|\b(?:said|says|to|by|on|with|against)"
    r"|according to)\s+$")
_LONE_NAME_SUPPORT_AFTER = re.compile(
    r"(?:[’']s?\s+(?:[a-z]+\s+)?(?:review|report|inquiry|investigation|plan|reforms?|speech|letter)\b"
    r"|,?\s+(?:said|says|told|tells|added|adds|warned|argued|wrote|writes|explained|believes|laughs|agrees)\b"
    r"|\s+(?:is|was|has|had)\s+(?:a|an|the|now|also|not|been|chief|director|head|chair)\b)")
_NAME_BEFORE_PARTICLE = re.compile(r"(?<![\w’'-])[A-Z][a-zà-öø-ÿ]+ $")  # "Dylan " before "Ap Gwilym"
#: "University of Birmingham’s Health Services Management Centre": a named owner (two words or more) and its part.
_INNER_POSSESSIVE = re.compile(r"([A-Z][\w&-]*(?: (?:of |and |for |the )*[A-Z][\w&-]*)+)[’']s ([A-Z][\w&-]*(?: (?:of |and |for |the )*[A-Z][\w&-]*)+)")
#: "evidence to the Thirlwall Inquiry": the submission names the inquiry (but "evidence to the SSRB" is the report).
_EVIDENCE_TO = re.compile(r"^(?:[A-Z][\w’']*\s+)?(?:written\s+)?evidence\s+to\s+(?:the\s+)?(.+)$")
_NAME_AND_PARTICLE_BEFORE = re.compile(
    r"(?<![\w’'-])(?!(?:In|On|At|Of|By|To|For|With|From|The)\b)[A-Z][a-zà-öø-ÿ]+"
    r"(?: (?:de|da|di|du|del|della|van|von|der|den|le|la|ap)){1,2} $")
_PARTICLE_AFTER = re.compile(r"(?: (?:de|da|di|du|del|della|van|von|der|den|le|la|ap)){1,2} [A-Z][\w’'-]*[a-zà-öø-ÿ]")
_REPORT_NATION = re.compile(r" for (?:England|Wales|Scotland|Northern Ireland)\b")
_REPORT_OF = re.compile(r" of (?:the )?[A-Z][\w’'-]*(?: (?:(?:and|of|in|the|for|on) )*[A-Z][\w’'-]*)*")
_PAPER_TITLE = re.compile(
    r"\b(?:white|green)\s+paper,?\s+(?P<title>[A-Z][\w’'-]*(?:\s+(?:(?:for|of|the|and|to|in|on|a|with)\s+)*[A-Z][\w’'-]*)*)")
_QUOTED_TITLE = re.compile(
    r"\b(?:report|guide|guidance|evidence|survey|paper|briefing|titled|entitled|called|publication|toolkit|leaflet|"
    r"published|publishes|launched|launches|wrote|writes|commissioned|"
    r"booklet|strategy|submission|handbook|manifesto|charter)[,:]?\s+[“‘\"'](?P<title>[A-Z0-9][^“”‘’\"\n]{3,80}?)[”’\"']"
    r"(?![\w])")
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
    for ent in _line_pieces(doc):
        for mention in _split_possessive(_mention(ent)):
            if not _is_role_place(doc.text, mention):
                mentions.append(mention)
    mentions = _with_first_name_people(doc.text, _with_role_named_people(doc.text, mentions))
    mentions = _with_quoted_titles(doc.text, _without_places_in_trust_names(_split_coordinated(mentions)))
    return _without_lone_words(doc.text, _with_unquoted_titles(doc.text, mentions))


def _without_lone_words(text: str, mentions: list[Mention]) -> list[Mention]:
    """A one-word "person" nothing else supports is usually a capitalised place or noun ("Burton", "Chains"):
    keep it only after a title ("Lord Darzi"), as a speaker ("Darzi said"), as the owner of a report ("Carter’s
    review") or as part of a fuller name in the text."""
    fuller = {word for m in mentions if m.label == "PERSON" and " " in m.text for word in m.text.split()}
    return [m for m in mentions if m.label != "PERSON" or " " in m.text or m.text in fuller
            or _LONE_NAME_SUPPORT_BEFORE.search(text, max(0, m.start - 30), m.start)
            or _LONE_NAME_SUPPORT_AFTER.match(text, m.end)]


def _with_unquoted_titles(text: str, mentions: list[Mention]) -> list[Mention]:
    """"The 1989 white paper Working for Patients": the capitalised title right after a white or green paper."""
    for match in _PAPER_TITLE.finditer(text):
        start, end = match.span("title")
        mentions = [m for m in mentions if not (start <= m.start and m.end <= end)]
        mentions.append(Mention(match.group("title"), "REPORT", start, end))
    return sorted(mentions, key=lambda m: m.start)


def _with_quoted_titles(text: str, mentions: list[Mention]) -> list[Mention]:
    """"its written evidence, ‘Fair Pay for Senior Leaders’," / "its guide, 'Know Your Rights in a Restructure'": a
    title in quote marks after a document word is a REPORT; it replaces the pieces the model found inside it."""
    for match in _QUOTED_TITLE.finditer(text):
        title = match.group("title")
        if not is_title(title.replace(",", ""), re.findall(r"[\w’'-]+", title)):  # "One Team, One Office"
            continue
        start = match.start("title")
        mentions = [m for m in mentions if not (start <= m.start and m.end <= start + len(title))]
        bare = _LEADING_THE.sub("", title)  # "The Snowy White Peaks of the NHS"
        start, title = start + len(title) - len(bare), bare
        mentions.append(Mention(title, "REPORT", start, start + len(title)))
    return sorted(mentions, key=lambda m: m.start)


def _without_places_in_trust_names(mentions: list[Mention]) -> list[Mention]:
    """"managers in Kent and Medway" beside "NHS Kent and Medway ICB": words that sit inside a trust's name, not at
    its start, are the place it is named after ("Barts" before "Barts Health NHS Trust" stays: a short form)."""
    inner = {" ".join(words[i:j]) for m in mentions if m.label == "TRUST" for words in [m.text.split()]
             for i in range(1, len(words)) for j in range(i + 1, len(words) + 1)}
    return [m for m in mentions
            if m.label not in ("PERSON", "ORG") or m.text not in inner or known_names().get(m.text.lower())
            or any(o.label == "PERSON" and o is not m and o.text.endswith(" " + m.text) for o in mentions)]


def _line_pieces(doc: Doc) -> list[Span]:
    """The model's spans, each cut at line breaks ("the Black Country\n\nAdaeze Obi-Lawson" is two candidates)."""
    pieces = []
    for ent in doc.ents:
        if "\n" not in ent.text:
            pieces.append(ent)
            continue
        offset = ent.start_char
        for line in ent.text.split("\n"):
            piece = doc.char_span(offset, offset + len(line), label=ent.label_, alignment_mode="contract")
            if piece is not None and line.strip() and (len(piece) > 1 or known_names().get(piece.text.lower())):
                pieces.append(piece)  # a lone word cut off at a line start ("\n\nManagers are …") is no name
            offset += len(line) + 1
    return pieces


def _split_possessive(mention: Mention | None) -> list[Mention]:
    """"University of Birmingham’s Health Services Management Centre" names two organisations."""
    if mention is None:
        return []
    match = _INNER_POSSESSIVE.fullmatch(mention.text)
    if mention.label == "PERSON" or match is None:
        return [mention]
    owner, owned = match.group(1), match.group(2)
    owned_start = mention.end - len(owned)
    return [Mention(owner, _label_of_name(owner, "ORG"), mention.start, mention.start + len(owner)),
            Mention(owned, _label_of_name(owned, mention.label), owned_start, mention.end)]


def _label_of_name(text: str, default: str) -> str:
    """A name's label from the names list or its last words (trust suffix, report word), else `default`."""
    known = known_names().get(text.lower())
    if known:
        return known[0]
    words = tuple(text.lower().replace("’", "'").split())
    if any(words[-len(suffix):] == suffix for suffix in lexicon.TRUST_SUFFIXES):
        return "TRUST"
    return "REPORT" if words[-1] in lexicon.REPORT_WORDS else default


def _with_first_name_people(text: str, mentions: list[Mention]) -> list[Mention]:
    """People the model missed whose names open with a given name ("Rhiannon Beddoes met her")."""
    for start, end in people.first_name_people(text):
        overlapping = [m for m in mentions if m.start < end and start < m.end]
        if all(m.label in ("PERSON", "ORG") and start <= m.start and m.end <= end and len(m.text) < end - start
               and not known_names().get(m.text.lower()) for m in overlapping):  # "Owain" inside "Owain ap Huw"
            mentions = [m for m in mentions if m not in overlapping] + [Mention(text[start:end], "PERSON", start, end)]
    return sorted(mentions, key=lambda m: m.start)


def _split_coordinated(mentions: list[Mention]) -> list[Mention]:
    """"UCLH and Mid Yorkshire Hospitals NHS Trust" names two trusts when a side of the "and" is a name on its own
    (a known name, or part of another trust named in the article); "Lewisham and Greenwich NHS Trust" stays one."""
    trusts = [m.text.lower() for m in mentions if m.label == "TRUST"]
    result = []
    for mention in mentions:
        if mention.label == "ORG" and _short_forms_of_trusts(mention.text.lower(), trusts):
            mention.label = "TRUST"  # "Charnwood and Trent and Dove" beside both trusts' full names
        cut = _coordination_cut(mention, trusts) if mention.label == "TRUST" else None
        if cut is None:
            result.append(mention)
            continue
        left, right = mention.text[:cut], mention.text[cut + len(" and "):]
        result.append(Mention(left, "TRUST", mention.start, mention.start + len(left)))
        right_start = mention.end - len(right)
        result.append(Mention(right, "TRUST", right_start, mention.end))
    return result


def _short_forms_of_trusts(text: str, trusts: list[str]) -> bool:
    """Whether "a and b" is two trusts' short forms: each side opens a longer trust name in the article."""
    for cut in (m.start() for m in re.finditer(r" and ", text)):
        left, right = text[:cut], text[cut + 5:]
        if all(any(t != side and t.startswith(side + " ") for t in trusts) for side in (left, right)):
            return True
    return False


def _coordination_cut(mention: Mention, trusts: list[str]) -> int | None:
    """Where to split a trust span at " and " (the longest left side that stands as a name), else None."""
    cuts = [m.start() for m in re.finditer(r" and ", mention.text)]
    for cut in reversed(cuts):
        left, right = mention.text[:cut].lower(), mention.text[cut + 5:].lower()
        elsewhere = any(other == left or (other.startswith(left + " ") and not other.startswith(left + " and "))
                        for other in trusts)
        if left in known_names() or elsewhere or any(right.startswith(name + " ") and known_names()[name][0] == "TRUST"
                                                     for name in known_names()):
            return cut
    return None


def _with_role_named_people(text: str, mentions: list[Mention]) -> list[Mention]:
    """Names written after a role or interview verb are people; they replace overlapping PERSON/ORG spans."""
    for start, end in people.role_named_people(text):
        overlapping = [m for m in mentions if m.start < end and start < m.end]
        if any(m.label in ("TRUST", "REPORT") or known_names().get(m.text.lower()) for m in overlapping):
            continue
        mentions = [m for m in mentions if m not in overlapping]
        mentions.append(Mention(text=text[start:end], label="PERSON", start=start, end=end))
    return sorted(mentions, key=lambda m: m.start)


def _is_role_place(text: str, mention: Mention) -> bool:
    """"national officer for Wales," / "organiser for Yorkshire and the Humber" / "Health and Social Care
    Secretary": the place or department in a role is no entity."""
    if mention.label not in ("ORG", "PERSON") or known_names().get(mention.text.lower()):
        return False
    return bool(_ROLE_PLACE.search(text, max(0, mention.start - 60), mention.start)
                or _ROLE_TITLE_AFTER.match(text, mention.end))  # "Health and Social Care Secretary"


def _mention(ent: Span) -> Mention | None:
    if ent.label_ not in LABELS and ent.label_ not in lexicon.MODEL_LABELS:
        return None
    start, text = _clean(ent.doc.text, *_widened(ent), ent.label_)
    if not text:
        return None
    label = _relabel(text, ent)
    if label is None or _is_noise(text, label, ent, start):
        return None
    return Mention(text=text, label=label, start=start, end=start + len(text))


def _widened(ent: Span) -> tuple[int, int]:
    """Character offsets of a name span widened over hyphenated parts and initials the model cut off
    ("Anita Chowdhury" + "-Banks", "R.J. " + "Abernethy")."""
    text, start, end = ent.doc.text, ent.start_char, ent.end_char
    if ent.label_ == "REPORT" and all(w.lower() in lexicon.GENERIC_REPORT_WORDS | lexicon.REPORT_WORDS for w in
                                      _LEADING_THE.sub("", ent.text).split()):
        title = _REPORT_OF.match(text, end)  # "Independent Investigation" + " of the National Health Service"
        return start, (title.end() if title else end)
    if ent.label_ == "REPORT":
        nation = _REPORT_NATION.match(text, end)  # "10 Year Health Plan" + " for England"
        return start, (nation.end() if nation else end)
    if ent.label_ not in ("PERSON", "ORG", "GPE", "NORP"):
        return start, end
    after = _HYPHEN_AFTER.match(text, end) or _regional_suffix(ent, text, end)
    if after is None and (ent.label_ == "PERSON" or " " not in ent.text):
        after = _PARTICLE_AFTER.match(text, end)  # "Rosalind" + " de Souza", "Owain" + " ap Huw"
    before = _HYPHEN_BEFORE.search(text, max(0, start - 12), start)
    if before is None and ent.label_ == "PERSON" and re.match(r"(?:St|Ap|De|Van|Von|Le|La|Da|Di|Du|Mac|Mc) [A-Z]", ent.text):
        before = _NAME_BEFORE_PARTICLE.search(text, max(0, start - 20), start)
    if before is None and ent.label_ == "PERSON":
        before = _NAME_AND_PARTICLE_BEFORE.search(text, max(0, start - 30), start)  # "Iolo ap " + "Rhys"
    return (before.start() if before else start), (after.end() if after else end)


def _regional_suffix(ent: Span, text: str, end: int) -> re.Match | None:
    """"BBC Wales", "ITV Cymru", "BBC News": an acronym organisation's national arm or newsroom (not "NHS", whose
    "NHS Wales" is a name)."""
    if ent.label_ != "ORG" or not ent.text.isupper() or " " in ent.text or ent.text == "NHS":
        return None
    return _REGION_AFTER.match(text, end) or _NEWSROOM_AFTER.match(text, end)


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
             _strip_post_nominal, lambda t: _EDGE_YEAR.sub("", t), _programme_name, _strip_edges]
    if label == "PERSON":
        steps.insert(1, _strip_titles)
        steps.insert(1, _strip_leading_stop_words)  # a byline's "By Jane Doe"
    else:
        steps.insert(2, _strip_possessor)
        steps.insert(1, _evidence_target)
        steps.insert(1, lambda t: _LEADING_GERUND.sub("", t))
        steps.insert(1, _strip_leading_stop_words)
    return steps


def _strip_possessor(text: str) -> str:
    """"Labour’s Health Plan" → "Health Plan"; "King’s College Hospital" keeps the possessor of its own name."""
    owner = re.match(r"([\w&-]+)[’']", text)
    if owner and owner.group(1).lower() in lexicon.INSTITUTION_POSSESSORS:
        return text
    return _LEADING_POSSESSOR.sub("", text)


def _evidence_target(text: str) -> str:
    """"written evidence to the Thirlwall Inquiry" → "Thirlwall Inquiry" (the inquiry is the named thing)."""
    match = _EVIDENCE_TO.match(text)
    target = match.group(1) if match else ""
    return target if target and target.split()[-1].lower() in lexicon.REPORT_WORDS else text


def _after_colon(text: str) -> str:
    """"Legal Eye: Jane Doe" → "Jane Doe" (a column name before a colon); "Plan: 2015 - 2020" is kept."""
    head, sep, tail = text.partition(": ")
    return tail if sep and tail[:1].isalpha() else text


def _strip_leading_stop_words(text: str) -> str:
    """"With NHS North East London ICB" → "NHS North East London ICB"; "2019 and the Five Year Forward View" and
    "If the 10 Year Plan" → the name (a year or "the" between function words goes too)."""
    words = text.split(" ")
    while len(words) > 1 and (words[0].lower() in lexicon.LEADING_FUNCTION_WORDS or _year_then_function(words)):
        words = words[1:]
        if words[0].lower() == "the" and len(words) > 1:
            words = words[1:]
    return " ".join(words)


def _year_then_function(words: list[str]) -> bool:
    """"2019 and …": a year that ends the previous phrase, not a name's own number ("10 Year Plan")."""
    return bool(re.fullmatch(r"(?:19|20)\d\d", words[0])) and words[1].lower() in lexicon.LEADING_FUNCTION_WORDS


def _programme_name(text: str) -> str:
    match = _QUOTED_PROGRAMME.match(text)
    return match.group(1) if match else text


def _strip_post_nominal(text: str) -> str:
    """"Tom Kark QC" → "Tom Kark": letters after a name are not part of it."""
    head, _, last = text.rpartition(" ")
    return head if " " in head and last in lexicon.POST_NOMINALS else text


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
    if _is_outlet(text, ent):
        return "ORG"  # "the Evening Standard" before "Workforce Race Equality Standard"
    if words[-1] in lexicon.REPORT_WORDS and len(words) > 1 and ent.label_ != "PERSON":
        return "REPORT"
    if _is_nhs_place(text):
        return "TRUST"
    if ent.label_ == "PERSON" and words[0] in lexicon.COMPASS_WORDS:
        return None  # "North Wales", "West Midlands": a region
    if ent.label_ != "PERSON" and (people.is_personal_name(text) or _looks_like_person(text, ent)
                                   or (_PARTICLE_AFTER.search(text) and people.is_name_shape(text))):
        return "PERSON"
    return ent.label_ if ent.label_ in ("PERSON", "ORG") else None


def _is_outlet(text: str, ent: Span) -> bool:
    """"the Evening Standard", "the Herald": a newspaper (the model often says work of art or person)."""
    words = text.split()
    after_the = ent.doc.text[max(0, ent.start_char - 4):ent.start_char] == "the " or ent.text.startswith("the ")
    if words[-1].lower() in lexicon.OUTLET_WORDS and (len(words) == 2 or words[0].lower() in lexicon.OUTLET_FIRST
                                                      or (len(words) == 1 and after_the)):
        return True
    return len(words) == 1 and ent.label_ == "PERSON" and after_the  # "told the Herald": no person is "the X"


def _is_nhs_place(text: str) -> bool:
    """"NHS Lanarkshire", "NHS Greater Glasgow and Clyde": a health board or ICB, not a national body."""
    words = text.split()
    return (len(words) > 1 and words[0] == "NHS" and words[1].lower() not in lexicon.NHS_NATIONAL_WORDS
            and all(w[:1].isupper() or w in ("and", "of") for w in words[1:]))


def _looks_like_person(text: str, ent: Span) -> bool:
    """A capitalised name in a speaker's place ("Jane Doe says", "according to Jane Doe", "said Doe") is a person."""
    words = text.split()
    if not 1 <= len(words) <= 3 or not people.is_name_shape(text):
        return False
    doc_text, start = ent.doc.text, ent.doc.text.find(text, ent.start_char)
    if len(words) > 1 and people.has_role_after(doc_text, start + len(text)):
        return True
    following = re.match(r"\s*([a-z]+)", doc_text[start + len(text):start + len(text) + 20])
    following = following.group(1) if following else ""
    preceding = doc_text[max(0, start - 14):start].lower()
    if len(words) == 1:
        return bool(re.search(r"\b(?:said|says|added|adds)\s+$", preceding)) or (
            following in lexicon.PERSON_VERBS and bool(re.search(r"[,.!?][”’\"']\s+$", preceding)))
    return following in lexicon.PERSON_VERBS or preceding.endswith("according to ")


def _is_noise(text: str, label: str, ent: Span, start: int) -> bool:
    lowered = text.lower()
    if lowered in lexicon.NOT_ENTITIES or not re.search(r"[A-Z0-9]", text) or len(text) < 2:
        return True
    if label in ("ORG", "TRUST") and _after_indefinite(ent.doc.text, start, text):
        return True
    if label == "ORG" and _generic_sentence_opening(text, ent.doc.text, start):
        return True
    if label in ("PERSON", "ORG") and _common_word_opening(text, ent.doc.text, start):
        return True
    if lowered in known_names():
        return False
    if label == "TRUST" and re.match(r" [A-Z][a-z]", ent.doc.text[start + len(text):start + len(text) + 3]):
        return True  # "NHS Trust" inside "NHS Trust Development Authority"
    if label == "REPORT" and _unconfirmed_initial_name(ent.doc.text, text, start):
        return True
    if label == "REPORT" and re.sub(r"[’']s$", "", text.split()[0]) in lexicon.POST_NOMINALS:
        return True  # "Tom Kark QC’s review": the report is named by its author elsewhere
    if label == "ORG" and " " not in text and text.istitle() and _sentence_initial(ent.doc.text, start):
        return not lexicon.CUE_RE.match(ent.doc.text, start + len(text) + 1)  # "Oakenshaw told HSJ" is kept
    return False


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
    following = re.match(r"\s+([a-z]+)", doc_text[start + len(text):start + len(text) + 30])
    return following is None or following.group(1) in STOP_WORDS


def _sentence_initial(doc_text: str, start: int) -> bool:
    """Whether a span opens a line (after any bullet) or a sentence."""
    prefix = doc_text[doc_text.rfind("\n", 0, start) + 1:start]
    return not prefix.strip(" \t•*·–-“‘\"'") or bool(re.search(r"[.!?:][\"”’']?\s+[“‘\"']?$", prefix))
