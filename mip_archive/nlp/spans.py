"""One span of the model (or of our entity ruler) → one clean mention with our four labels, or nothing.

The span is widened over what the small model cuts off (hyphenated and particle surnames, initials, "BBC" + "Wales",
a report's "of …" or "for England"), trimmed (line breaks, quote marks, a leading "the", possessives, titles,
post-nominals), relabelled by its words (trust suffixes → TRUST, report words → REPORT, a first name → PERSON,
newspapers → ORG) and filtered (sentence-initial common words, generic terms, indefinite "an Employment Tribunal").
"""

import re

from spacy.tokens import Doc, Span

from . import lexicon, people
from .mention import Mention, known_names
from .noise import is_noise

LABELS = ("PERSON", "TRUST", "REPORT", "ORG")


_EDGE_JUNK = " \t\n.,;:!?()[]\"“”‘’'•–—-"


LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")


_LEADING_POSSESSOR = re.compile(r"^(?:[A-Z][\w&-]*\s+){0,2}[A-Z][\w&-]*[’']s\s+(?!and\s|&\s)(?=\S+\s+\S)")


_TRAILING_POSSESSIVE = re.compile(r"(?:[’']s|(?<=s)[’'])$")


_EDGE_YEAR = re.compile(r"^(?:\d{4}\s+)|(?<![-–:\d]\s)(?<![-–:])(?:\s+\d{4})$")
#: A year that belongs to a title: "Member Survey 2025", "Staff Census 2019" (a capitalised document word before it).
_TITLE_YEAR = re.compile(r"\b(?:Survey|Census|Report|Review|Audit|Plan|Strategy|Framework|Act)\s+(?:for\s+)?\d{4}$")
#: A section number before a title: "4 of the NHS System Oversight Framework", "Section 2 of the Handbook".
_SECTION_OF = re.compile(r"^(?:(?:Section|Part|Chapter|Annex|Appendix)\s+)?\d+[a-z]?\s+of\s+(?:the\s+)?(?=[A-Z])")


_LEADING_GERUND = re.compile(r"^[A-Z][a-z]+ing\s+(?:(?:on|to|about|at|for|with|the|after|of|into)\s+)+(?=[A-Z0-9])")


_HYPHEN_AFTER = re.compile(r"(?:-[A-Z][\w’']*[a-z])+")


_HYPHENATED_WORD = r"(?<![\w-])[A-Z][\w’']*[a-z]-"
_HYPHEN_BEFORE = re.compile(rf"(?:{_HYPHENATED_WORD})$|(?:(?<![\w&])(?:[A-Z]\.\s?)*[A-Z]\.\s?)$")


_REGION_AFTER = re.compile(r" (?:" + "|".join(lexicon.NATIONS) + r")\b")


_LOWER_HYPHEN_NAME = re.compile(r"-[a-z]{2,}(?: [A-Z][a-z]+\b(?! [A-Z]))?")
_TITLE_THEN_NAME = re.compile(rf"(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Professor|Sir|Dame)\.?\s+(?:{people.NAME_WORD}\s*)+$")
_PROGRAMME_AFTER = re.compile(r"(?: (?:Look|Radio|Today|Newsnight|North|South|East|West|Midlands|Breakfast|Points|"
                              r"Inside|Out|Politics|Live|One|Two|Four|\d))+\b")
_TITLE_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Professor|Sir|Dame|Lord|Lady|Baroness)\.?\s+$")
_NEWSROOM_AFTER = re.compile(r" News\b")


_NAME_BEFORE_PARTICLE = re.compile(rf"(?<![\w’'-])[{people.UPPER}][{people.LOWER}]+ $")  # "Dylan " before "Ap Gwilym"


_EVIDENCE_TO = re.compile(r"^(?:[A-Z][\w’']*\s+)?(?:written\s+)?evidence\s+to\s+(?:the\s+)?(.+)$")


_NAME_AND_PARTICLE_BEFORE = re.compile(
    rf"(?<![\w’'-])(?!(?:In|On|At|Of|By|To|For|With|From|The)\b)[{people.UPPER}][{people.LOWER}]+"
    r"(?: (?:de|da|di|du|del|della|van|von|der|den|le|la|ap)){1,2} $")


_PARTICLE_AFTER = re.compile(rf"(?: (?:de|da|di|du|del|della|van|von|der|den|le|la|ap)){{1,2}} [{people.UPPER}][\w’'-]*[{people.LOWER}]")


#: "Public Health England review", "NHS England survey": an organisation and a lower-case report word.
_BODY_THEN_REPORT_WORD = re.compile(
    r"([A-Z][\w’'&-]*(?: (?:(?:of|and|for|the) )*[A-Z][\w’'&-]*)*) (?:review|report|survey|inquiry|audit|investigation)")
_BODY_AFTER_REPORT = re.compile(r" (?:Office|Body|Board|Committee|Council|Unit|Team|Service|Forum|Group|Network|Institute|Centre)\b")
_KIND_AFTER_TRUST = re.compile(r" (?:[Bb]lueprint|Framework|Plan|Review|Report|Strategy|Survey|Guidance)\b")
_REPORT_YEAR = re.compile(  # "Member Survey" + " 2025", "NHS Oversight Framework" + " 2025/26"
    r"(?:(?<=Survey)|(?<=Census)|(?<=Framework)|(?<=Strategy)|(?<=Plan)|(?<=Act)) (?:for )?(?:19|20)\d{2}(?:[/–-](?:19|20)?\d{2})?"
    r"(?: ?[–-] ?(?:19|20)\d{2}(?:/\d{2})?)?\b")  # "… Implementation Plan 2019/20 – 2023/24"
_TRUST_TAIL_AFTER = re.compile(r" (?:NHS )?FT\b| UHB\b| (?:University |Teaching )?Health Board\b")
#: A funding or staffing scheme by its name: "Better Care Fund", "Additional Roles Reimbursement Scheme" (not "King’s Fund").
_NAMED_SCHEME = re.compile(r"(?:[A-Z][\w-]*\s+)+(?:Fund|Scheme)")
#: A title of two capitalised words or more, then "report" in lower case.
_TITLE_THEN_REPORT = re.compile(r"([A-Z][\w’'-]*(?: (?:(?:and|of|for|on|the|to|at|in) )*[A-Z][\w’'-]*)+) report")
#: "Members’ " or "Senior Managers’ " before a survey's name: its own words, cut at the apostrophe by the tokenizer.
_PLURAL_OWNERS_BEFORE = re.compile(r"(?<![\w’'-])(?:[A-Z][a-z]+ )?[A-Z][a-z]+s[’'] $")
#: "Hale & " before "Bright LLP": a firm's names joined by an ampersand the model split at.
_AMPERSAND_BEFORE = re.compile(r"(?:^|(?<=[a-z,;:(] )|(?<=\n))[A-Z][\w’'-]*[a-z] & $")
#: "Mid-" before "Anglia Hospitals NHS Foundation Trust", "Wade-" before "Gery review": a hyphenated first word
#: the tokenizer split off.
_HYPHENATED_BEFORE = re.compile(rf"{_HYPHENATED_WORD}$")
#: "a locality manager with " + "Three " + "Shires Ambulance Service NHS Trust": a number word in mid-sentence
#: capitals is the trust's own first word (at a sentence's start it counts the trusts).
_NUMBER_WORD_BEFORE = re.compile(r"(?<=[a-z,] )(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten) $")
_REPORT_AGREEMENT = re.compile(r"(?<=Framework) Agreement\b")  # "Agenda for Change Framework" + " Agreement"
_REPORT_NATION = re.compile(r" for (?:England|Wales|Scotland|Northern Ireland)\b")


#: A titled report's subject, two capitalised words or more: " of the Fit and Proper Persons Test", " for Board Members"
_REPORT_SUBJECT = re.compile(r" (?:of|for|into) (?:the )?[A-Z][\w’'-]*(?: (?:(?:and|of|in|the|for|on) )*[A-Z][\w’'-]*)+")
#: A report named after its author: "Francis Report", "Kirkup Inquiry".
_EPONYMOUS = re.compile(r"(?:the\s+)?(?!(?:Independent|National|Public|Government|Annual)\b)[A-Z][a-z]+\s+(?:Report|Review|Inquiry)")
_REPORT_OF = re.compile(r" (?:of|into|for) (?:the )?[A-Z][\w’'-]*(?: (?:(?:and|of|in|the|for|on|at) )*[A-Z][\w’'-]*)*")


_QUOTED_PROGRAMME = re.compile(r"^[\"“‘']?(.+?)[\"”’']\s+(?:project|programme|campaign|initiative)$")


def line_pieces(doc: Doc) -> list[Span]:
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


def text_of(doc: Doc) -> str:
    """The doc's text, built once: spaCy joins every token again on each ``doc.text``."""
    text = doc.user_data.get("mip_text")
    if text is None:
        text = doc.user_data["mip_text"] = doc.text
    return text


def mention_of(ent: Span) -> Mention | None:
    if ent.label_ not in LABELS and ent.label_ not in lexicon.MODEL_LABELS:
        return None
    start, text = _clean(text_of(ent.doc), *_widened(ent), ent.label_)
    if not text:
        return None
    label = _relabel(text, ent)
    if label == "PERSON" and ent.label_ != "PERSON":  # "Mr Osei-Bonsu" called an organisation
        stripped = _strip_titles(text)
        start, text = start + len(text) - len(stripped), stripped
    if label == "REPORT" and _BODY_THEN_REPORT_WORD.fullmatch(text):
        body = _BODY_THEN_REPORT_WORD.fullmatch(text).group(1)  # "Public Health England review": the body's
        if known_names().get(body.lower(), ("ORG",))[0] == "ORG" and (
                known_names().get(body.lower()) or body.split()[-1].lower() in lexicon.ORG_WORDS):
            text, label = body, "ORG"
    kind = _KIND_AFTER_TRUST.match(text_of(ent.doc), start + len(text)) if label == "TRUST" else None
    if kind is not None:  # "(NHS England’s) Model ICB" + " Blueprint": a document about trusts
        text, label = text_of(ent.doc)[start:kind.end()], "REPORT"
    body = _BODY_AFTER_REPORT.match(text_of(ent.doc), start + len(text)) if label == "REPORT" else None
    if body is not None:  # "National Audit" + " Office": a body whose name holds a report word
        text, label = text_of(ent.doc)[start:body.end()], "ORG"
    titled = _TITLE_THEN_REPORT.fullmatch(text) if label == "REPORT" else None
    if titled:  # "the Snowy White Peaks report": the report's name is its title
        text = titled.group(1)
    if label == "REPORT" and re.fullmatch(r"[A-Z]{2,5} [a-z]+", text) and text_of(ent.doc)[max(0, start - 6):start] == "model ":
        start, text = start - 6, "model " + text  # "under the model ICB blueprint"
    number = _NUMBER_WORD_BEFORE.search(text_of(ent.doc), max(0, start - 8), start) if label == "TRUST" else None
    if number is not None and lexicon.has_trust_suffix(tuple(text.lower().split()), with_place=True):
        start, text = number.start(), text_of(ent.doc)[number.start():start + len(text)]
    if label is None or is_noise(text, label, text_of(ent.doc), start):
        return None
    return Mention(text=text, label=label, start=start, end=start + len(text))


def _widened(ent: Span) -> tuple[int, int]:
    """Character offsets of a name span widened over hyphenated parts and initials the model cut off
    ("Anita Chowdhury" + "-Banks", "R.J. " + "Abernethy")."""
    text, start, end = text_of(ent.doc), ent.start_char, ent.end_char
    if ent.label_ == "REPORT" and all(w.lower() in lexicon.GENERIC_REPORT_WORDS | lexicon.REPORT_WORDS for w in
                                      LEADING_THE.sub("", ent.text).split()):
        title = _REPORT_OF.match(text, end)  # "Independent Investigation" + " of the National Health Service"
        return start, (title.end() if title else end)
    if ent.label_ == "REPORT":
        plural = _PLURAL_OWNERS_BEFORE.search(text, max(0, start - 40), start)  # "Senior Managers’ " + "Wellbeing Survey"
        if plural and not known_names().get(plural.group(0)[:-2].strip().lower()):
            start = plural.start()
        hyphen = _HYPHENATED_BEFORE.search(text, max(0, start - 20), start)
        if hyphen:  # "Wade-" + "Gery review", "Hampton-" + "Alexander Review"
            start = hyphen.start()
        tail = _REPORT_NATION.match(text, end) or _REPORT_YEAR.match(text, end) or _REPORT_AGREEMENT.match(text, end) or (  # "10 Year Health Plan" + " for England"
            _REPORT_SUBJECT.match(text, end) if ent.text.split()[-1].istitle() else None)  # "Kark Review" + " of the Fit …"
        if tail and tail.group(0).startswith(" into ") and _EPONYMOUS.fullmatch(ent.text):
            tail = None  # "the Francis Report into Mid Staffs": the report's name, then what it looked into
        return start, (tail.end() if tail else end)
    if ent.label_ == "TRUST":
        tail = _TRUST_TAIL_AFTER.match(text, end)  # "Whitmoor Hospitals" + " FT", "Cwm Taf Morgannwg" + " UHB"
        prefix = _HYPHENATED_BEFORE.search(text, max(0, start - 12), start)  # "Mid-" + "Anglia Hospitals"
        return (prefix.start() if prefix else start), (tail.end() if tail else end)
    if ent.label_ not in ("PERSON", "ORG", "GPE", "NORP"):
        return start, end
    after = _HYPHEN_AFTER.match(text, end) or _regional_suffix(ent, text, end)
    if after is None and ent.label_ == "PERSON" and " " not in _strip_titles(ent.text):
        after = _LOWER_HYPHEN_NAME.match(text, end)  # "Hyun" + "-woo Park", "Dr Jae" + "-won Lim"
    if after is None and (ent.label_ == "PERSON" or " " not in ent.text):
        after = _PARTICLE_AFTER.match(text, end)  # "Rosalind" + " de Souza", "Owain" + " ap Huw"
    before = _HYPHEN_BEFORE.search(text, max(0, start - 12), start) or (
        _AMPERSAND_BEFORE.search(text, max(0, start - 20), start) if ent.label_ == "ORG" else None)
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
    return _REGION_AFTER.match(text, end) or _NEWSROOM_AFTER.match(text, end) or (
        _PROGRAMME_AFTER.match(text, end) if ent.text in lexicon.BROADCASTERS else None)


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
    unclosed = re.search(r"\s+\([^)]*$", text)
    if unclosed and label != "PERSON":
        text = text[:unclosed.start()]  # "North Yorkshire Commissioning Support (NYCS": the bracket is not the name's
    closing = doc_text[start + len(text):start + len(text) + 1]
    if closing in ("'", "’") and known_names().get((text + closing).lower()):
        text += closing  # "Guy’s and St Thomas’": the apostrophe is the name's own
    if doc_text[max(0, start - 2):start] == "A " and known_names().get("a " + text.lower()):
        start, text = start - 2, "A " + text  # "A Healthier Wales": the article is the title's own
    return start, text


def _left_shift(old: str, new: str) -> int:
    """How many characters were removed from the left when `old` became `new` (new is a substring of old)."""
    index = old.find(new)
    return index if index >= 0 else 0


def _strip_edges(text: str) -> str:
    return text.strip(_EDGE_JUNK)


#: A small word left dangling at a name's end ("Nasreen Chaudhry of" + a firm the model cut off).
_TRAILING_SMALL_WORD = re.compile(r"\s+(?:of|and|the|for|at|to|in|on)$")
#: An answer's or a question's letter opening a line ("A. The framework says …"): no part of a name.
_QA_LETTER = re.compile(r"^[QA]\.\s+")
#: A count before plural plans ("44 Sustainability and Transformation Plans"), not a title's own number ("10 Year Plan").
_COUNT_BEFORE_PLURAL = re.compile(r"^\d+\s+(?=[A-Z].*\b(?:Plans|Reviews|Reports|Strategies|Frameworks|Surveys)$)")
#: "English" before a name the project knows ("the English Workforce Race Equality Standard"): England's own
#: standard, described (a Scottish or Welsh one is a different document: "the Scottish COVID-19 Inquiry").
_NATION_ADJECTIVE = re.compile(r"^English\s+")


def _without_nation_before_known(text: str) -> str:
    rest = _NATION_ADJECTIVE.sub("", text)
    return rest if rest != text and known_names().get(rest.lower()) and not known_names().get(text.lower()) else text


def _trim_steps(label: str):
    steps = [_strip_edges, _unless_known(_after_colon), lambda t: LEADING_THE.sub("", t), lambda t: _TRAILING_POSSESSIVE.sub("", t),
             _strip_post_nominal, lambda t: t if _TITLE_YEAR.search(t) or known_names().get(t.lower()) else _EDGE_YEAR.sub("", t), _programme_name,
             lambda t: _SECTION_OF.sub("", t), lambda t: _TRAILING_SMALL_WORD.sub("", t), _strip_edges]
    if label == "PERSON":
        steps.insert(1, _strip_titles)
        steps.insert(1, _strip_leading_stop_words)  # a byline's "By Jane Doe"
    else:
        steps.insert(2, _strip_possessor)
        steps.insert(-1, _without_nation_before_known)
        steps.insert(1, lambda t: _COUNT_BEFORE_PLURAL.sub("", t))
        steps.insert(1, lambda t: _QA_LETTER.sub("", t))
        steps.insert(1, _evidence_target)
        steps.insert(1, _unless_known(lambda t: _LEADING_GERUND.sub("", t)))  # not "Reading the Signals"
        steps.insert(1, _strip_leading_stop_words)
    return steps


def _unless_known(step):
    """A trimming step that leaves a known name whole ("Health and Wellbeing 2026: Delivering Together", "Reading
    the Signals")."""
    return lambda text: text if known_names().get(text.lower()) else step(text)


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
    while len(words) > 1 and words[:2] != ["All", "Wales"] and (  # "All Wales Organisational Change Policy"
            words[0].lower() in lexicon.LEADING_FUNCTION_WORDS or _year_then_function(words)
            or re.fullmatch(r"[£$€]\d[\d,.]*(?:bn|m|k)?|\d[\d,.]*(?:bn|m|k|%)", words[0])):  # "£8bn the Forward View"
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


def law_is_report(name: str) -> bool | None:
    """Whether a law's name names a REPORT: "the Care Bill", "the Health and Care Act 2022" do (a bill, or a law
    that shapes health and care, is a document the union answers); "the Equality Act 2010" does not (the law of the
    land, not a policy). None: the name is no law's."""
    words = name.lower().replace("’", "'").split()
    if re.fullmatch(r"(?:19|20)\d\d", words[-1]) and len(words) > 2:
        words = words[:-1]  # "Health and Care Act 2022": a law with its year
    if len(words) < 2 or words[-1] not in lexicon.LAW_WORDS:
        return None
    return words[-1] == "bill" or (words[-1] == "act" and bool({"health", "care", "nhs"} & set(words)))


def _relabel(text: str, ent: Span) -> str | None:
    """Our label for a cleaned span (None: no entity), the first rule that applies: a known name's label; our
    ruler's TRUST/REPORT; law is none; a trust suffix; a newspaper; a report word; "NHS <place>"; "<place> Health";
    a region is none; a titled or first-name-shaped name is a person; else the model's PERSON or ORG."""
    known = known_names().get(text.lower())
    if known:
        return known[0]
    if re.fullmatch(r"[A-Z][a-z]+ General", text) and ent.label_ in ("ORG", "PERSON", "FAC"):
        return "TRUST"  # "Kingsmere General": a general hospital by its short name
    if ent.label_ == "PERSON" and text.isupper() and len(text) > 2:
        return "ORG"  # "CTUHB": initials are a body's, never a person's
    if ent.label_ == "LOC":  # "the Tamar Valley Gazette"; "Thorne Valley" of its trust; but "the North West" is a place
        if _is_outlet(text, ent):
            return "ORG"
        trust_name = rf"\b{re.escape(text)}(?: [A-Z][\w&’'-]*)* (?:NHS|Trust|Hospitals?|Health Board|ICB|CCG)\b"
        return "TRUST" if re.search(trust_name, text_of(ent.doc)) else None
    if ent.label_ == "REPORT" and re.fullmatch(r"(?:The )?[A-Z][\w’'-]*(?: (?:and|of|for|on|the|[A-Z][\w’'-]*))+ Commission",
                                               text) and not re.search(r"\b(?:on|into)\b", text):
        return "ORG"  # "Equality and Human Rights Commission", "Care Quality Commission" (but the "Barker Commission",
        # a "Commission on the Future of …" are inquiries)
    if ent.label_ == "REPORT" and not lexicon.names_report(text.lower().split()) and text.split()[-1] == "Policy":
        return "ORG"  # the "Northern Institute for Health Policy" is a body
    if ent.label_ == "REPORT" and text.split()[-1] == "Standard" and _is_outlet(text, ent):
        return "ORG"  # "the Evening Standard", not the "Workforce Race Equality Standard"
    if _NAMED_SCHEME.fullmatch(text):  # "Better Care Fund", "Mutually Agreed Resignation Scheme"; but the
        return "ORG" if "Pension" in text else "REPORT"  # "NHS Pension Scheme" is a body
    if ent.label_ in ("TRUST", "REPORT"):
        return ent.label_
    law = law_is_report(text)
    if law is not None:
        return "REPORT" if law else None
    words = tuple(text.lower().replace("’", "'").split())
    if re.fullmatch(r"(?:19|20)\d\d", words[-1]) and len(words) > 2:
        words = words[:-1]  # "… Plan 2024": a name with its year
    if lexicon.has_trust_suffix(words) and len(words) > 1:
        return "TRUST"
    if _is_outlet(text, ent):
        return "ORG"  # "the Evening Standard" before "Workforce Race Equality Standard"
    if lexicon.names_report(words) and len(words) > 1 and ent.label_ != "PERSON":
        return "REPORT"  # but the "Northern Institute for Health Policy" is a body
    if _is_nhs_place(text):
        return "TRUST"
    if (len(words) in (2, 3) and words[-1] in ("health", "healthcare") and text[0].isupper()
            and not any(w in lexicon.GENERIC_HEALTH_WORDS for w in words[:-1]) and text.istitle()):
        return "TRUST"  # "Whittington Health", "Homerton Healthcare": a trust named after its place
    if ent.label_ == "PERSON" and (words[0] in lexicon.COMPASS_WORDS or text.split()[-1] in lexicon.NATIONS):
        return None  # "North Wales", "West Midlands", "Healthier Wales": a region or a plan, not a person
    if ent.label_ != "PERSON" and (_TITLE_THEN_NAME.match(text) or (
            _TITLE_BEFORE.search(text_of(ent.doc), max(0, ent.start_char - 12), ent.start_char)
            and people.is_name_shape(text))):
        return "PERSON"  # "Mr Osei-Bonsu", "Mr" + "Addo-Mensah"
    if ent.label_ != "PERSON" and (people.is_personal_name(text) or _looks_like_person(text, ent)
                                   or (_PARTICLE_AFTER.search(text) and people.is_name_shape(text))):
        return "PERSON"
    return ent.label_ if ent.label_ in ("PERSON", "ORG") else None


def _is_outlet(text: str, ent: Span) -> bool:
    """"the Evening Standard", "the Herald", "the Tamar Valley Gazette": a newspaper (the model often says work of art or person)."""
    words = text.split()
    after_the = text_of(ent.doc)[max(0, ent.start_char - 4):ent.start_char] == "the " or ent.text.startswith("the ")
    if words[-1].lower() in lexicon.OUTLET_WORDS and (len(words) == 2 or words[0].lower() in lexicon.OUTLET_FIRST
                                                      or (len(words) == 1 and after_the)
                                                      or (after_the and all(w[:1].isupper() for w in words)
                                                          and words[-1].lower() not in lexicon.REPORT_WORDS)):
        return True
    return len(words) == 1 and ent.label_ == "PERSON" and after_the  # "told the Herald": no person is "the X"


def _is_nhs_place(text: str) -> bool:
    """"NHS Lanarkshire", "NHS Greater Glasgow and Clyde": a health board or ICB, not a national body."""
    words = text.split()
    return (len(words) > 1 and words[0] == "NHS" and words[1].lower().rstrip(",;:") not in lexicon.NHS_NATIONAL_WORDS
            and all(w[:1].isupper() or w in ("and", "of") for w in words[1:]))


def _looks_like_person(text: str, ent: Span) -> bool:
    """A capitalised name in a speaker's place ("Jane Doe says", "according to Jane Doe", "said Doe", or its surname
    speaking elsewhere: "Obi says") is a person."""
    words = text.split()
    if not 1 <= len(words) <= 3 or not people.is_name_shape(text):
        return False
    if len(words) > 1 and re.search(rf"\b{re.escape(words[-1])},?\s+(?:says|said|recalls|adds|added|argues|laughs)\b",
                                    text_of(ent.doc)):
        return True
    doc_text, start = text_of(ent.doc), text_of(ent.doc).find(text, ent.start_char)
    if len(words) > 1 and people.has_role_after(doc_text, start + len(text)):
        return True
    if len(words) == 2 and any(people.has_role_after(doc_text, m.end()) for m in re.finditer(
            rf"(?:^|(?<=\n)|(?<=[.!?] )){re.escape(words[-1])}\b", doc_text)):
        return True  # "Faith Okoro walked in …" and later "Okoro, the deputy chief operating officer, …"
    following = re.match(r"\s*([a-z]+)", doc_text[start + len(text):start + len(text) + 20])
    following = following.group(1) if following else ""
    preceding = doc_text[max(0, start - 14):start].lower()
    if len(words) == 1:
        return bool(re.search(r"\b(?:said|says|added|adds)\s+$", preceding)) or (
            following in lexicon.PERSON_VERBS and bool(re.search(r"[,.!?][”’\"']\s+$", preceding)))
    return following in lexicon.PERSON_VERBS or preceding.endswith("according to ")
