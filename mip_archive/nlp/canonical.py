"""Canonical names: within an article every mention resolves to the fullest form the article uses.

"Holloway" → "Jane Holloway"; "Barts Health" → "Barts Health Trust"; "STPs" → "Sustainability and Transformation
Plans"; "Carter report" → "Carter Review"; "Managers in Partnership" → "MiP" (a canonical form from the patterns).
Across the archive, `entity_key` folds spelling variants so one row stands for one real thing.
"""

import hashlib
import re
from collections.abc import Iterable

from . import lexicon
from .given_names import is_given_name
from .mention import Mention, known_groups, known_names

_SMALL_WORDS = frozenset("and of for the in on to &".split())
_TRUST_TAIL = re.compile(r"\s+(?:nhs\s+)?(?:foundation\s+)?trust$", re.IGNORECASE)
_BRACKETED = re.compile(r"\s+\(([A-Z][A-Za-z&]*[A-Z][A-Za-z&]*)\)")
#: Long forms of commissioning bodies, written either way ("Integrated Care Board" / "ICB").
_BODY_SHORT = ((re.compile(r"\bintegrated care board$"), "icb"), (re.compile(r"\bintegrated care system$"), "ics"),
               (re.compile(r"\bclinical commissioning group$"), "ccg"),
               (re.compile(r"\buniversity health board$"), "uhb"))


def resolve(mentions: list[Mention]) -> list[Mention]:
    """Set `canonical` on every mention (in place) and return the list."""
    for mention in mentions:
        known = known_names().get(mention.text.lower())
        mention.canonical = known[1] if known and known[1] else mention.text
    _fold_known_groups(mentions)
    _adopt_labels(mentions)
    by_label: dict[str, list[Mention]] = {}
    for mention in mentions:
        by_label.setdefault(mention.label, []).append(mention)
    for label, group in by_label.items():
        names = sorted({m.canonical for m in group}, key=lambda n: (-len(n), n))
        fullest = {name: _fullest(name, names, label) for name in names}
        for mention in group:
            mention.canonical = fullest[mention.canonical]
    return mentions


def _fold_known_groups(mentions: list[Mention]) -> None:
    """"SSRB" beside the "Review Body on Senior Salaries": one body, named by the fullest form the article uses."""
    groups: dict[str, list[Mention]] = {}
    for mention in mentions:
        group = known_groups().get(mention.text.lower())
        if group:
            groups.setdefault(group, []).append(mention)
    for members in groups.values():
        fullest = max((m.canonical for m in members), key=lambda name: (len(name), name))
        for mention in members:
            mention.canonical = fullest


def fold_eponymous_reports(text: str, mentions: list[Mention]) -> list[Mention]:
    """"the Darzi review" is "Lord Darzi’s Independent Investigation of the NHS in England" when the article
    names the report both ways: a 'Surname review' takes the canonical name of the report that Surname owns
    ("Darzi’s …") or that the sentence naming it says Surname led ("Leadership for a …, the review led by …")."""
    owned = {}
    for report in (m for m in mentions if m.label == "REPORT"):
        owner = re.search(r"([A-Z][\w-]+)[’']s\s+(?:(?:[a-z]+\s+)?(?:review|report|inquiry|investigation)\b[^.;:\n]{0,60})?$",
                          text[max(0, report.start - 90):report.start])  # "Lord Rose’s review of NHS leadership, …"
        if owner:
            owned[owner.group(1)] = report.canonical
        sentence_end = re.search(r"[.!?](?:\s|$)|\n", text[report.end:])
        stop = report.end + (sentence_end.start() if sentence_end else len(text) - report.end)
        for person in (m for m in mentions if m.label == "PERSON" and report.end < m.start < stop):
            if re.search(r"\b(?:led|chaired|conducted|carried out|written)\s+by\s+(?:[A-Z][\w.]*\s+){0,3}$",
                         text[max(report.end, person.start - 40):person.start]):
                owned.setdefault(person.canonical.split()[-1], report.canonical)  # "…, the review led by Sir X Y"
    for report in (m for m in mentions if m.label == "REPORT"):
        alias = _ALSO_KNOWN_AS.match(text, report.end)
        if alias:  # "Examining New Options … – better known as the Dalton review"
            owned.setdefault(alias.group(1), report.canonical)
        titled = _FORMALLY_TITLED.search(text, max(0, report.start - 120), report.start) or _FORMALLY_BETWEEN_DASHES.search(
            text, max(0, report.start - 40), report.start)
        if titled:  # "the Donnelly report, formally titled Health and Care Closer to Home"
            owned.setdefault(titled.group(1), report.canonical)
    _own_by_description(text, mentions, owned)
    for mention in mentions:
        words = mention.text.split()
        if (mention.label == "REPORT" and len(words) == 2 and words[1].lower() in lexicon.REPORT_WORDS
                and owned.get(words[0], mention.canonical) != mention.canonical):
            mention.canonical = owned[words[0]]
    return _commissions_by_chair(text, _with_reviewers_alone(mentions))


def _commissions_by_chair(text: str, mentions: list[Mention]) -> list[Mention]:
    """"the Casey commission" beside the "Commission on Adult Social Care, chaired by Baroness Casey": when an
    article names one commission formally and one after its chair (the one named just after the formal name, if
    several), the two are the same exercise, under the formal name."""
    formal = [m for m in mentions if m.label in ("REPORT", "ORG")
              and re.match(r"(?:Independent |Royal )?Commission (?:on|for|into) [A-Z]", m.canonical)]
    by_chair = [m for m in mentions if m.label == "REPORT" and re.fullmatch(r"[A-Z][\w’'-]+ commission", m.text)]
    if len({m.canonical for m in formal}) != 1 or not by_chair:
        return mentions
    chairs = {m.text.split()[0] for m in by_chair}
    if len(chairs) > 1:
        chairs = {c for c in chairs if any(re.search(rf"\b{re.escape(c)}\b", text[f.end:f.end + 80]) for f in formal)}
    if len(chairs) != 1:
        return mentions
    chair = chairs.pop()
    for mention in by_chair:
        if mention.text.split()[0] == chair:
            mention.canonical = formal[0].canonical
    for mention in formal:
        mention.label = "REPORT"
    return mentions


def _with_reviewers_alone(mentions: list[Mention]) -> list[Mention]:
    """"speaking up after Kark" beside "the Kark review": a reviewer's name standing alone for the review is that
    review, when the article names one review (or report, inquiry …) after them."""
    eponyms: dict[str, set[str]] = {}
    for mention in mentions:
        words = mention.text.split()
        if mention.label == "REPORT" and len(words) == 2 and words[1].lower() in _REVIEW_KINDS:
            eponyms.setdefault(words[0], set()).add(mention.canonical)
    for mention in mentions:
        if mention.label == "REPORT" and len(eponyms.get(mention.text, ())) == 1:
            mention.canonical = next(iter(eponyms[mention.text]))
    return mentions


_REVIEW_KINDS = ("review", "report", "inquiry", "investigation")
_REVIEW_KIND = "(?:" + "|".join(_REVIEW_KINDS) + ")"
#: After a title: "– better known as the Dalton review", ", the report of the Kettering inquiry".
_ALSO_KNOWN_AS = re.compile(
    r"[’'”\"]?\s*(?:,|[–—-]|\()\s*(?:(?:better|widely|commonly|also)\s+)?(?:known\s+as\s+the|the\s+(?:report|findings)\s+of\s+the)"
    rf"\s+([A-Z][\w’'-]+)\s+{_REVIEW_KIND}\b")
#: A title + "’, the government-commissioned review of leadership": the title is that review's.
_REVIEW_AFTER = re.compile(r"[’'”\"]?,\s+(?:the|its|their|an?)\s+(?:[\w’'-]+\s+){0,4}?review\b")
#: "The Lennox review of integration, led by …, and formally titled " + a title.
_FORMALLY_TITLED = re.compile(
    rf"\b([A-Z][\w’'-]+)\s+{_REVIEW_KIND}\b[^.;:!?\n]{{0,80}}?,?\s+(?:and\s+)?(?:formally\s+|officially\s+)?(?:titled|entitled)\s+$")
#: "The Goldacre review – formally " + a title.
_FORMALLY_BETWEEN_DASHES = re.compile(rf"\b([A-Z][\w’'-]+)\s+{_REVIEW_KIND}\s+[–—]\s+formally\s+$")
#: "The government’s review of health and social care leadership, " + a title: the title is that review's.
_DESCRIBED_AS_REVIEW = re.compile(rf"\b{_REVIEW_KIND}\b[^.;:!?\n‘“\"]{{0,70}},\s*$", re.I)


def _described_as_review(text: str, start: int) -> bool:
    """"The panel’s report, " before a title; but not "Her report for the think tank, " (a report the person
    being written about wrote) nor "MiP’s submission to the inquiry, " (a document sent to the review)."""
    described = _DESCRIBED_AS_REVIEW.search(text, max(0, start - 90), start)
    return bool(described) and not re.search(r"\b(?:her|his|my|their|to\s+the|to)\s+(?:own\s+)?$",
                                             text[max(0, described.start() - 14):described.start()], re.I)


def _own_by_description(text: str, mentions: list[Mention], owned: dict[str, str]) -> None:
    """One 'Surname review' and one formal title set after a description of a review ("the review of NHS
    leadership, Leadership for a collaborative and inclusive future, …"): the two name one document."""
    eponymous = [m for m in mentions if m.label == "REPORT" and len(m.text.split()) == 2
                 and m.text.split()[1].lower() in _REVIEW_KINDS and m.text[0].isupper()
                 and m.text.split()[0].lower() not in lexicon.GENERIC_REPORT_WORDS and m.text.split()[0] not in owned
                 and not any(m.text.split()[0] in o.canonical.split() for o in mentions
                             if o.label == "REPORT" and len(o.canonical.split()) >= 3)]  # not "the Borders review"
    titles = [m for m in mentions if m.label == "REPORT" and len(m.canonical.split()) >= 3
              and m.canonical not in owned.values()  # "Standards That Stick, … led by Nadia Hollis" is hers
              and (_described_as_review(text, m.start) or _REVIEW_AFTER.match(text, m.end))
              and (m.canonical.split()[-1].lower() in _REVIEW_KINDS
                   or m.canonical.split()[-1].lower() not in lexicon.REPORT_WORDS)]
    if eponymous and not titles:  # one 'Surname review' beside one formal title of a review: the same document
        kinds = {m.text.split()[1].lower() for m in eponymous}
        titles = [m for m in mentions if m.label == "REPORT" and len(m.canonical.split()) >= 4
                  and any(re.search(rf"\b{kind.title()}\b", m.canonical) for kind in kinds)
                  and not known_names().get(m.canonical.lower())  # "… Review of Workplace Culture", not "… Up review"
                  and not any(m.canonical.startswith(o.text + " ") for o in mentions if o.label == "ORG")]  # nor
        # the "Review Body on Senior Salaries Forty-First Annual Report": a body's report, its "Review" the body's
        if len({m.text.split()[0] for m in eponymous}) != 1:
            return
    if not eponymous or len({m.canonical for m in titles}) != 1:
        return
    distance = {}  # the review named nearest the title ("… inclusive future, … The Messenger review makes …")
    for mention in eponymous:
        gap = min(abs(mention.start - title.start) for title in titles)
        distance[mention.text.split()[0]] = min(gap, distance.get(mention.text.split()[0], gap))
    nearest = sorted(distance, key=distance.get)
    if len(nearest) == 1 or distance[nearest[0]] < distance[nearest[1]]:
        owned[nearest[0]] = titles[0].canonical


def prefer_running_case(text: str, mentions: list[Mention]) -> list[Mention]:
    """"Model ICB blueprint: what it means" in a headline, "its model ICB blueprint" in the text: a report's name
    capitalised only where a sentence starts is written the way the running text writes it."""
    for mention in mentions:
        name = mention.canonical
        if mention.label != "REPORT" or not name[:1].isupper() or not name[1:2].islower():
            continue
        running = name[0].lower() + name[1:]
        if re.search(rf"(?<=[a-z,] ){re.escape(running)}\b", text):
            for other in mentions:
                if other.canonical == name:
                    other.canonical = running
    return mentions


def fold_abbreviations(text: str, mentions: list[Mention]) -> list[Mention]:
    """"Manchester University NHS Foundation Trust (MFT)": every "MFT" is that trust, and every "SSRB" is the
    "Senior Salaries Review Body (SSRB)": the fullest form the article uses is the canonical name."""
    for full in [m for m in mentions if m.label in ("TRUST", "REPORT", "ORG")]:
        bracket = _BRACKETED.match(text, full.end)
        if bracket is None:
            continue
        abbreviation = bracket.group(1)
        for mention in mentions:
            if mention.text == abbreviation:
                mention.label, mention.canonical = full.label, full.canonical
    return mentions


def add_surname_mentions(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions for bare surnames the model missed ("Trevelyan said") of people named in full elsewhere, and for
    first names that stand for one of them ("Priya warns that …" after "Priya Raghavan")."""
    # shortest first, so that two people with one surname ("Olu Bristow", "Olusegun Bristow") leave it to the
    # fuller name, the same way on every run (a set's order changes with the process's hash seed)
    full_names = sorted({m.canonical for m in mentions if m.label == "PERSON" and len(m.canonical.split()) > 1},
                        key=lambda name: (len(name), name))
    surnames = {name.split()[-1]: name for name in full_names}
    firsts: dict[str, list[str]] = {}
    for name in full_names:
        firsts.setdefault(name.split()[0], []).append(name)
    surnames.update({first: names[0] for first, names in firsts.items()
                     if len(names) == 1 and first not in surnames and is_given_name(first)})
    added = []
    for surname, full in surnames.items():
        for match in re.finditer(rf"\b{re.escape(surname)}\b(?![’']s\b)?", text):
            if not any(m.start < match.end() and match.start() < m.end for m in mentions + added):
                added.append(Mention(surname, "PERSON", match.start(), match.end(), full))
    return sorted(mentions + added, key=lambda m: m.start)


def _adopt_labels(mentions: list[Mention]) -> None:
    """An ORG that is the short form of a TRUST or REPORT in the same article takes that label."""
    people = {" ".join(words[i:]) for m in mentions if m.label == "PERSON" for words in [m.text.split()]
              for i in range(len(words))}  # "Ní Bhriain" and "Bhriain" of "Siobhán Ní Bhriain"
    for mention in mentions:
        if mention.label == "ORG" and mention.text in people:
            mention.label = "PERSON"
    longer = sorted((m for m in mentions if m.label in ("TRUST", "REPORT")), key=lambda m: m.label != "TRUST")
    for mention in mentions:
        if mention.label == "PERSON" and " " in mention.text:
            mention.label = next((o.label for o in longer if _words(o.text)[:2] == _words(mention.text)[:2]
                                  and len(o.text) > len(mention.text)), "PERSON")  # "Hywel Dda" (Health Board)
        if mention.label != "ORG" or known_names().get(mention.text.lower()):
            continue  # "MiP" stays the union beside the "MiP Member Survey"
        if any(o.label == "TRUST" and _abbreviates_trust(mention.text, o.text) for o in longer):
            mention.label = "TRUST"
            continue
        if any(o.label == "REPORT" and _is_acronym(mention.text, o.text) for o in longer):
            mention.label = "REPORT"  # "LTP" beside the "NHS Long Term Plan"
            continue
        for other in longer:
            if len(other.text) >= len(mention.text) and _words(other.text)[: len(_words(mention.text))] == _words(
                    mention.text):  # "Commissioning Workforce Survey" called an organisation once, a report twice
                mention.label = other.label
                break


def _fullest(name: str, names: list[str], label: str) -> str:
    """The longest other name in the same article that this name is a short form of (else the name itself); a
    lone word is a surname before it is a first name ("Hope" is Grace Hope before it is Hope Bennett)."""
    if label == "PERSON" and " " not in name:
        names = sorted(names, key=lambda longer: _words(longer)[-1:] != _words(name))
    for longer in names:
        if longer == name or len(longer) < len(name):
            continue
        if len(longer) == len(name) and sum(map(str.isupper, longer)) <= sum(map(str.isupper, name)):
            continue  # "Working Lives survey" → "Working Lives Survey", never the other way round as well
        if _is_short_form(name, longer, label):
            return longer
    return name


def _about(s_words: list[str], f_words: list[str]) -> bool:
    """Whether the fuller title ends with the shorter one after "of", "on", "to" or "for" (and perhaps "the"): a
    document about that one ("Government response to the Francis Report"), not its fuller name."""
    if len(f_words) <= len(s_words) + 1 or f_words[-len(s_words):] != s_words:
        return False
    before = f_words[:-len(s_words)]
    if before[-1] == "the":
        before = before[:-1]
    return bool(before) and before[-1] in ("of", "on", "to", "for")


def _known_apart(short: str, full: str) -> bool:
    """Both names are known bodies, and not known as one ("same" in patterns/names.jsonl)."""
    if not known_names().get(short.lower()) or not known_names().get(full.lower()):
        return False
    group = known_groups().get(short.lower())
    return group is None or group != known_groups().get(full.lower())


def _is_short_form(short: str, full: str, label: str) -> bool:
    s_words, f_words = _words(short), _words(full)
    if label == "ORG" and f_words[:len(s_words)] == s_words and full.split()[-1] in lexicon.NATIONS:
        return False  # "MiP Cymru" is the union's arm in Wales, not the fullest name of "MiP"
    if label == "ORG" and f_words[:len(s_words)] == s_words and _known_apart(short, full):
        return False  # "NHS Wales" and "NHS Wales Employers": two bodies the project knows, not one
    if label == "PERSON":
        if 1 < len(s_words) < len(f_words):
            return f_words[-len(s_words):] == s_words  # "St John-Harcourt" in "Philippa St John-Harcourt"
        return len(s_words) == 1 and len(f_words) > 1 and s_words[0] in (f_words[-1], f_words[0])
    if (label == "REPORT" and f_words[:len(s_words)] == s_words and s_words[-1] not in lexicon.REPORT_WORDS | {"test"}
            and any(w in lexicon.REPORT_WORDS or w == "agreement" for w in f_words[len(s_words):])):
        return False  # "Agenda for Change" is not short for the "Agenda for Change Framework Agreement"
    if label == "REPORT" and _about(s_words, f_words):
        return False  # the "Framework Agreement on the Reform of Agenda for Change" is about Agenda for Change
    if f_words[: len(s_words)] == s_words or f_words[-len(s_words):] == s_words:
        return True
    if label == "REPORT" and len(s_words) == 1 and s_words[0] in lexicon.REPORT_WORDS and s_words[0] in f_words[1:]:
        return True  # "the Code" after the "Acas Code of Practice on Settlement Agreements"
    if len(s_words) > 1 and _contains(f_words, s_words):
        return True
    if label == "REPORT" and (_same_report(s_words, f_words, full) or _without_descriptor(s_words, f_words)):
        return True
    if (label == "REPORT" and len(s_words) == 2 and s_words[1] == f_words[-1]
            and _is_acronym(short.split()[0], " ".join(full.split()[:-1]))):
        return True  # "FPPT framework" for the "Fit and Proper Person Test Framework"
    if label == "REPORT" and len(short) >= 3 and short.rstrip("s").isupper() and len(f_words) > 3 and any(
            _is_acronym(short, " ".join(full.split()[i:])) for i in (1, 2, 3)):
        return True  # "the draft STP" for the "West Pennine Sustainability and Transformation Plan"
    if (label == "REPORT" and len(s_words) == 2 and s_words[1] in _REVIEW_KINDS and s_words[0] in f_words
            and s_words[1] in f_words and s_words[0] != s_words[1] and short.split()[0][:1].isupper()):
        return True  # "the Borders review" for the "Independent Review of Workplace Culture in NHS Borders"
    if label == "REPORT" and ": " in full and _words(full.split(": ", 1)[0]) == s_words:
        return True  # "Holding the Line" for "Holding the Line: MiP Survey of ICB Staff"
    if label == "REPORT" and ": " in full and _is_short_form(short, full.split(": ", 1)[1], label):
        return True  # "10 Year Plan" for "Fit for the Future: 10 Year Health Plan for England"
    subject = re.search(r"\s+for\s+(?:the\s+)?(?:nhs|england|wales|scotland)\b.*$", short, re.IGNORECASE)
    if label == "REPORT" and subject and len(short[:subject.start()].split()) > 1 and _is_short_form(
            short[:subject.start()], full, label):
        return True  # "its 10 Year Plan for the NHS in England": the "10 Year Plan" with what it is for
    nation = re.search(r"\s+for\s+(?:england|wales|scotland|northern ireland)$", " ".join(f_words))
    if label == "REPORT" and nation and _is_short_form(short, full[:len(full) - len(nation.group(0))], label):
        return True  # "10 Year Plan" for the "10 Year Health Plan for England"
    if label == "TRUST" and _trust_core(short) and _trust_core(full).startswith(_trust_core(short)):
        return True
    if label == "TRUST" and _body_core(short) == _body_core(full):
        return True
    if label == "TRUST" and _clipped(s_words, f_words):
        return True
    return _is_acronym(short, full) or (label == "TRUST" and _abbreviates_trust(short, full))


def _abbreviates_trust(short: str, full: str) -> bool:
    """"SWB" for "Sandwell and West Birmingham Hospitals NHS Trust": the initials of the name's opening words (the
    place it is named after), three letters or more."""
    words = full.split()
    without_nhs = [w for w in words if w != "NHS"]  # "SAHFT" for "St Aldhelm’s Hospital NHS Foundation Trust"
    return len(short) >= 3 and short.isupper() and any(_is_acronym(short, " ".join(name[:k]))
                                                       for name in (words, without_nhs)
                                                       for k in range(len(name), 1, -1))


def _clipped(s_words: list[str], f_words: list[str]) -> bool:
    """"Mid Staffs" for "Mid Staffordshire NHS Foundation Trust": the opening words, each whole or cut short."""
    return 1 < len(s_words) < len(f_words) and s_words != f_words[:len(s_words)] and all(
        s == f or (len(s) >= 4 and f.startswith(s.rstrip("s"))) for s, f in zip(s_words, f_words))


def _trust_core(name: str) -> str:
    """"East London Foundation Trust" and "East London NHS Foundation Trust" share the core "east london"."""
    return _TRUST_TAIL.sub("", " ".join(_words(name)))


def _body_core(name: str) -> str:
    """"NHS Lancashire and South Cumbria Integrated Care Board" and "Lancashire and South Cumbria ICB" are one body."""
    core = re.sub(r"^nhs\s+", "", _trust_core(name))
    for long_form, short in _BODY_SHORT:
        core = long_form.sub(short, core)
    return core


def _contains(words: list[str], part: list[str]) -> bool:
    """Whether `part` occurs as consecutive words inside `words` ("Morecambe Bay" in "University Hospitals of …")."""
    return any(words[i:i + len(part)] == part for i in range(len(words) - len(part) + 1))


def _words(name: str) -> list[str]:
    return re.sub(r"'s\b", "", name.lower().replace("’", "'")).split()


def _same_report(s_words: list[str], f_words: list[str], full: str) -> bool:
    """'Carter report' and 'Carter Review': same name, different report word; the capitalised one wins."""
    return (len(s_words) == len(f_words) > 1 and s_words[:-1] == f_words[:-1]
            and s_words[-1] in lexicon.REPORT_WORDS and f_words[-1] in lexicon.REPORT_WORDS
            and full.split()[-1].istitle())


def _without_descriptor(s_words: list[str], f_words: list[str]) -> bool:
    """"10 Year Plan" is "10 Year Health Plan" without its descriptor word ("health", "NHS", "care")."""
    if len(s_words) < 2 or len(f_words) != len(s_words) + 1 or s_words[-1] != f_words[-1]:
        return False
    return any(f_words[:i] + f_words[i + 1:] == s_words for i in range(1, len(f_words) - 1)
               if f_words[i] in lexicon.REPORT_DESCRIPTORS)


def _is_acronym(short: str, full: str) -> bool:
    """'STPs' / 'AfC' / 'DHSC' abbreviate 'Sustainability and Transformation Plans' / 'Agenda for Change' / ..."""
    abbr = short[:-1] if short.endswith("s") and short[:-1].isupper() else short
    if " " in abbr or len(abbr) < 2 or sum(c.isupper() for c in abbr) < 2:
        return False
    words = full.split()
    every = "".join(w[0] for w in words)
    content = "".join(w[0] for w in words if w.lower() not in _SMALL_WORDS)
    whole_caps = "".join(w if w.isupper() else w[0] for w in words if w.lower() not in _SMALL_WORDS)  # "NHSE"
    bare = content[1:] if words[0] == "NHS" else content  # "LTP" for the "NHS Long Term Plan"
    return abbr.lower() in (every.lower(), content.lower(), whole_caps.lower(), bare.lower())


def entity_key(label: str, canonical: str) -> str:
    """A spelling-insensitive key: case, curly apostrophes, a leading 'the' and trust suffixes folded away."""
    key = canonical.lower().replace("’", "'").strip()
    key = re.sub(r"^the\s+", "", key)
    if label == "TRUST":
        key = _TRUST_TAIL.sub("", key)
    return label + ":" + " ".join(key.split())


def entity_id(label: str, canonical: str) -> str:
    """A stable id for an archive-wide entity row, derived from its label and folded name."""
    return hashlib.sha1(entity_key(label, canonical).encode("utf-8")).hexdigest()[:16]


def aliases(mentions: Iterable[Mention], canonical: str) -> list[str]:
    """The distinct surface forms that resolved to `canonical`, other than the canonical itself."""
    return sorted({m.text for m in mentions if m.canonical == canonical and m.text != canonical})
