"""A parsed Doc → the article's entity mentions: each model span cleaned (spans.py), then passes over the whole
list that need the article around them: names marked by roles, bylines and first names; trusts written side by
side; places that a trust is named after; titles in quote marks or after "white paper"; lone capitalised words
that nothing supports as a person's name.
"""

import re

from spacy.tokens import Doc

from . import lexicon, people
from .given_names import WEAK_GIVEN, is_given_name
from .mention import Mention, known_names
from .report_tagger import SPAN_KEY
from .spans import LABELS, law_is_report, line_pieces, mention_of, text_of
from .titles import with_quoted_titles, with_titles_apart, with_unquoted_titles

__all__ = ["LABELS", "Mention", "extract_mentions", "known_names"]


#: "national officer for Yorkshire and the Humber", "Secretary of State": the place or department in a role.
_ROLE_PLACE = re.compile(r"\b(?:(?:officer|organiser|secretary|representative|lead|director|rep)\s+for\s+(?:the\s+)?"
                         r"(?:[A-Z]\w+\s+(?:and|&)\s+(?:the\s+)?)?|secretary\s+of\s+)$", re.IGNORECASE)
_ROLE_TITLE_AFTER = re.compile(r"\s+(?:Secretary|Minister)\b")
#: What makes a lone capitalised word a person's name: a title or a speech verb before it, or after it a
#: possessive report, a speech verb or a role.
_LONE_NAME_SUPPORT_BEFORE = re.compile(
    r"(?:\b(?:Lord|Lady|Sir|Dame|Dr|Mr|Mrs|Ms|Miss|Professor|Prof|Baroness|Baron|Cllr|Rev|Judge)\.?|\b(?:said|says|to|by|on|with|against)"
    r"|according to)\s+$")
_LONE_NAME_SUPPORT_AFTER = re.compile(
    r"(?:[’']s?\s+(?:[a-z]+\s+)?(?:review|report|inquiry|investigation|plan|reforms?|speech|letter)\b"
    r"|,?\s+(?:said|says|told|tells|added|adds|warned|warns|argued|argues|wrote|writes|explained|explains|believes|"
    r"laughs|agrees|admits|insists|recalls|puts\s+it|put\s+it)\b"
    r"|\s+(?:is|was|has|had)\s+(?:a|an|the|now|also|not|been|chief|director|head|chair)\b)")
#: "an employment partner at Fairweather Lusk", "Harriet Osei-Mensah of Beresford Kaye": where a person works.
_EMPLOYER_BEFORE = re.compile(rf"\b(?:{lexicon.ROLE_NOUNS}|associate|barrister)\s+(?:at|with)\s+$", re.IGNORECASE)
_TOLD_THE = re.compile(r"\btold\s+the\s+([A-Z][\w’'&-]*(?:\s+(?:of\s+)?[A-Z][\w’'&-]*)*)")
#: Last words of bodies that are no trust, beside one: "Harrowden Borough Council and Wyke Valley NHS Trust".
_BODY_ENDINGS = frozenset({"council", "university", "college", "authority", "police", "service"})
_BODY_OF = re.compile(r"\b(?:(?:Royal|Chartered|British|National)\s+)?(?:Association|Institute|Society|Federation|"
                      r"College|Faculty|Academy|Confederation|Council|Guild)\s+of\s+(?:the\s+)?$")
_OWNER_BEFORE = re.compile(r"\b(?:St\.? |Saint )?[A-Z][a-z]+(?: [A-Z][a-z]+)?[’']s $")
_LISTED_PLACES = re.compile(r"\b(?:[A-Z][a-z]+(?: [A-Z][a-z]+)?, )+$")
_NOT_PLACES = frozenset(
    """In At For From The By On With And But As After Before Under Since England Scotland Wales Britain UK January
    February March April May June July August September October November December Monday Tuesday Wednesday Thursday
    Friday Saturday Sunday""".split())
#: "University of Birmingham’s Health Services Management Centre": a named owner and its part.
_INNER_POSSESSIVE = re.compile(r"([A-Z][\w&-]*(?: (?:of |and |for |the )*[A-Z][\w&-]*)+)[’']s ([A-Z][\w&-]*(?: (?:of |and |for |the )*[A-Z][\w&-]*)+)")


def extract_mentions(doc: Doc) -> list[Mention]:
    """Clean, relabelled, filtered mentions for every entity span in the doc, in text order."""
    text, mentions = text_of(doc), []
    for ent in line_pieces(doc):
        for mention in _split_possessive(mention_of(ent)):
            if not _is_role_place(text, mention):
                mentions.append(mention)
    mentions = _with_owners_before_bodies(text, _people_of_bodies(mentions))
    mentions = _people_who(text, _with_outlets_told(text, _firms_not_people(text, _with_first_name_people(text, _with_role_named_people(text, mentions)))))
    mentions = _with_owner_in_trust_names(text, _with_nhs_before_lists(text, _with_listed_places(text, _with_known_pairs_apart(text, _split_coordinated(mentions)))))
    mentions = _with_places_joined(text, mentions)
    mentions = _with_bodies_of(text, _with_listed_bodies(text, _trusts_in_runs(text, mentions)))
    mentions = with_quoted_titles(text, _without_places_in_trust_names(mentions))
    mentions = _without_lone_words(text, with_titles_apart(text, with_unquoted_titles(text, mentions)))
    mentions = _with_learned_reports(doc, _with_years(text, mentions))
    return _without_nested(_programmes(text, _annual_reports(text, mentions)))


#: What a learned report must look like: two words or more opening with a capital or a number ("Exercise Cygnus",
#: "Module 3", "2023/24 priorities and operational planning guidance"); not a lone word the tagger cut from a
#: longer title ("Vision", "Empty") or lone initials ("MARS"), nor a phrase opening in lower case ("a Shared …").
_LEARNED_SHAPE = re.compile(r"(?:the\s+)?[A-Z0-9][^\s]*\s+\S.*", re.DOTALL)
#: How a learned span may run on past a report the rules found: into its subject or a capitalised word ("Acas Code
#: of Practice" + " on handling requests …", "Clinical Review" + " of Standards"), not into the sentence ("…
#: Staff Transfers" + " applies") or a lower-case kind the rules leave off ("No Wrong Door" + " action plan").
_RUNS_ON = re.compile(r"\s*(?:of|on|for|into|to|in|:|[A-Z0-9])")
#: … and what may open it before that report: capitalised words and small words ("CCG " + "Improvement and
#: Assessment Framework", "Fit and " + "Proper Person Test Framework"), not a clause ("Griffiths came ").
_RUNS_BACK = re.compile(r"^(?:(?:[A-Z0-9][\w’'&/-]*|and|of|for|the|on|in|to)\s+)+$")


#: A law's name may hold a body's ("the Trade Union and Labour Relations (Consolidation) Act 1992").
_LAW_END = re.compile(r"\b(?:Act|Bill|Regulations|Order)(?:\s+\d{4})?$")


def _with_learned_reports(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Reports the learned tagger found where the rules found none (report_tagger.py), cleaned like any span. A
    learned title takes the place of the pieces the rules named inside it ("the Good Friday Agreement" the model
    called a body), but never overrides a name the rules found whole."""
    added: list[Mention] = []
    for span in doc.spans.get(SPAN_KEY, []) if doc.spans else []:
        mention = mention_of(span)
        if mention is None or mention.label != "REPORT" or not _LEARNED_SHAPE.fullmatch(span.text):
            continue
        inside = [m for m in mentions + added if m.start < mention.end and mention.start < m.end]
        if not all(mention.start <= m.start and m.end <= mention.end and m.end - m.start < len(mention.text)
                   for m in inside) or not _may_replace(mention, inside):
            continue
        mentions = [m for m in mentions if m not in inside]
        added = [m for m in added if m not in inside] + ([] if law_is_report(mention.text) is False else [mention])
    return sorted(mentions + _with_years(text_of(doc), added), key=lambda m: m.start) if added else mentions


def _may_replace(learned: Mention, inside: list[Mention]) -> bool:
    """Whether a learned title may take the place of the names inside it: not two names run together ("… in 2015
    and the Kark review"), not a known body in mid-title (unless the title is a law's: "Trade Union and Labour
    Relations … Act"), and not a report the rules found whole, run on into the sentence or a lower-case kind."""
    if sum(m.label == "REPORT" for m in inside) > 1 or (" and the " in learned.text and inside):
        return False
    for m in inside:
        known = known_names().get(m.text.lower())
        if m.label in ("ORG", "TRUST") and known and m.start > learned.start and not _LAW_END.search(learned.text):
            return False
        if m.label == "REPORT" and (known or not _RUNS_ON.match(learned.text[m.end - learned.start:] or ":")
                                    or not _RUNS_BACK.search(learned.text[:m.start - learned.start] or "X ")):
            return False
    return True


#: A year or span of years just after a report's name: " 2025", " 2023-2033", " 2015–20" (not "2024/25", a
#: financial year that is often the plan's subject rather than its name).
_YEARS_AFTER = re.compile(r"[^\S\n]+(?:19|20)\d\d(?:[–-](?:19|20)?\d\d)?(?![\w/–-])")


def _with_years(text: str, mentions: list[Mention]) -> list[Mention]:
    """"the Spending Review 2025", "the Cancer Strategy for Scotland 2023-2033": a year that follows a report's
    capitalised name is part of it."""
    for mention in mentions:
        after = _YEARS_AFTER.match(text, mention.end)
        if mention.label == "REPORT" and after and mention.text.split()[-1][:1].isupper():
            mention.end = after.end()
            mention.text = text[mention.start:mention.end]
    return mentions


#: After a body's name: "… Thirty-Eighth Annual Report", "… 47th Report 2025".
_ANNUAL_REPORT_AFTER = re.compile(
    r"[’']?s?\s+(?:(?:[A-Z][a-z]+-)?[A-Z][a-z]+(?:st|nd|rd|th)|\d+(?:st|nd|rd|th))\s+(?:Annual\s+)?Report(?:\s+\d{4})?\b")


#: "its Thirty-Eighth Annual Report on Senior Salaries", "the SSRB’s Forty-Third Annual Report": a numbered annual
#: report, with what it reports on.
_NUMBERED_ANNUAL_REPORT = re.compile(
    r"(?<![\w’'-])(?:[A-Z][a-z]+-)?[A-Z][a-z]+(?:st|nd|rd|th)\s+Annual\s+Report"
    r"(?:\s+on\s+[A-Z][\w-]*(?:\s+(?:and\s+)?[A-Z][\w-]*)*)?(?![\w’'-])")


def _annual_reports(text: str, mentions: list[Mention]) -> list[Mention]:
    """"the Review Body on Senior Salaries Thirty-Eighth Annual Report": a body's numbered report is named with the
    body (the body stays a mention of its own); a numbered report after anything else is named on its own."""
    for numbered in _NUMBERED_ANNUAL_REPORT.finditer(text):
        start, end = numbered.span()
        if any(m.label == "ORG" and m.end < start and text[m.end:start] == " " for m in mentions):
            continue  # named with its body, below (but not with its owner: "the SSRB’s Forty-Third Annual Report")
        mentions = [m for m in mentions if not (m.label == "REPORT" and m.start < end and start < m.end)]
        mentions = sorted([*mentions, Mention(numbered.group(), "REPORT", start, end)], key=lambda m: m.start)
    added = []
    for body in [m for m in mentions if m.label == "ORG" and text[m.end:m.end + 1] not in ("’", "'")]:
        after = _ANNUAL_REPORT_AFTER.match(text, body.end)
        if after:
            end = after.end()
            mentions = [m for m in mentions if not (m.label == "REPORT" and body.end <= m.start < end)]
            added.append(Mention(text[body.start:end], "REPORT", body.start, end))
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


def _without_nested(mentions: list[Mention]) -> list[Mention]:
    """"the Harwood Review of the Fit and Proper Persons Test": a name found inside a longer name of the same kind
    is part of it, not a mention of its own."""
    return [m for m in mentions if not any(o is not m and o.label == m.label and o.start <= m.start and m.end <= o.end
                                           and o.end - o.start > m.end - m.start for o in mentions)]


#: What follows a programme's name: "the New Care Models programme", "its Transforming Care programmes".
_PROGRAMME_AFTER = re.compile(r"\s+programmes?\b")


def _programmes(text: str, mentions: list[Mention]) -> list[Mention]:
    """"the New Care Models programme": a name of two or more words just before a lower-case "programme" names
    the programme (a REPORT, like a plan), not a body, unless the name is a body we know ("the NHS Confederation
    programme"). The word is part of the name ("the Mary Seacole programme", "the New Care Models programme")
    unless the name is a title of its own ("the Transforming Care programme")."""
    for mention in mentions:
        after = _PROGRAMME_AFTER.match(text, mention.end)
        if (mention.label in ("ORG", "PERSON") and " " in mention.text and after
                and not known_names().get(mention.text.lower()) and "’s" not in mention.text
                and "'s" not in mention.text):
            if after.group().endswith("programme") and not mention.text.split()[0].endswith("ing"):
                mention.end = after.end()
                mention.text = text[mention.start:mention.end]
            mention.label = "REPORT"
    return mentions


#: "Aoife Brennan of NHS Harbourside CCG" run together as one body: a person's name, "of", the body's.
_PERSON_OF_BODY = re.compile(r"^(?P<person>[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){1,2}) of (?:the )?(?P<body>[A-Z].+)$")


def _people_of_bodies(mentions: list[Mention]) -> list[Mention]:
    """"proposed by Aoife Brennan of NHS Harbourside CCG": a body's mention that opens with a person's name and
    "of" is the person and the body ("Countess of Chester Hospital" opens with no given name, so stays whole)."""
    result = []
    for mention in mentions:
        match = _PERSON_OF_BODY.match(mention.text) if mention.label in ("TRUST", "ORG") else None
        if (match is None or not is_given_name(match.group("person").split()[0])
                or not people.is_name_shape(match.group("person"))):
            result.append(mention)
            continue
        body_start = mention.start + match.start("body")
        result.append(Mention(match.group("person"), "PERSON", mention.start, mention.start + match.end("person")))
        result.append(Mention(match.group("body"), mention.label, body_start, mention.end))
    return result


def _with_outlets_told(text: str, mentions: list[Mention]) -> list[Mention]:
    """"told the Independent", "told the Health Service Journal": what someone tells, with "the", is an outlet
    or a body, named even where the model saw no entity."""
    added = []
    for match in _TOLD_THE.finditer(text):
        start, end = match.span(1)
        if (not is_given_name(match.group(1).split()[0]) and match.group(1).lower() not in lexicon.NOT_ENTITIES
                and not re.fullmatch(r"[A-Z]{2,5}s", match.group(1))  # "told the ICBs were the future"
                and not any(m.start < end and start < m.end for m in mentions)):
            added.append(Mention(match.group(1), "ORG", start, end))
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


#: ", a community and mental health trust", ", the local health board": what follows a trust's own name.
_DESCRIBED_AS_TRUST = re.compile(
    r",\s+(?:an?|the)\s+(?:(?!(?:is|are|was|were|has|have|had|about|of|for|to|in|on|with|at|by)\b)[\w’'-]+\s+){0,5}?(?:NHS\s+)?(?:foundation\s+)?(?:trust|health\s+board)(?=[\s,.;])(?!\s+(?:chief|director|chair|board|manager))")


def _people_who(text: str, mentions: list[Mention]) -> list[Mention]:
    """"Lincoln Hale, who leads MiP’s work on pay, said": a name-shaped "organisation" followed by ", who" is a
    person; a lone "person" that opens a trust's name ("Kingsmere" beside "Kingsmere Hospitals NHS Foundation
    Trust") is that trust."""
    trust_heads = {m.text.split()[0]: m for m in mentions if m.label == "TRUST" and " " in m.text}
    for mention in mentions:
        if (mention.label == "ORG" and re.match(r",\s+who\b", text[mention.end:mention.end + 7])
                and people.is_name_shape(mention.text) and 2 <= len(mention.text.split()) <= 3
                and not known_names().get(mention.text.lower())):
            mention.label = "PERSON"
            title = people.LEADING_TITLES.match(mention.text)  # "Councillor Amber Lyme, who chairs …"
            if title and len(mention.text.split()) > 2:
                mention.text, mention.start = mention.text[title.end():], mention.start + title.end()
        elif (mention.label == "ORG" and " " in mention.text and _DESCRIBED_AS_TRUST.match(text, mention.end)
              and not known_names().get(mention.text.lower())):
            mention.label = "TRUST"  # "Tamarside Health and Care, a community and mental health trust"
        elif mention.label == "PERSON" and " " not in mention.text and mention.text in trust_heads:
            mention.label = "TRUST" if " and " not in trust_heads[mention.text].text else "NONE"
    return [m for m in mentions if m.label != "NONE"]  # "Kent" of "Kent and Medway ICB" is a place: no one


def _firms_not_people(text: str, mentions: list[Mention]) -> list[Mention]:
    """A firm named like a person ("Fairweather Lusk") is told by where it stands: after a role's "at" ("an
    employment partner at …"), or, not opening with a given name, after a role's "with" or a person's "of"
    ("Harriet Osei-Mensah of …")."""
    people_ends = {m.end for m in mentions if m.label == "PERSON"}
    for mention in mentions:
        if mention.label != "PERSON" or " " not in mention.text:
            continue
        employer = _EMPLOYER_BEFORE.search(text, max(0, mention.start - 60), mention.start)
        if employer and employer.group(0).rstrip().endswith(" at"):
            mention.label = "ORG"  # "a partner at Hartwell Quince", whatever its first word
        elif not is_given_name(mention.text.split()[0]) and (employer or (
                text[mention.start - 4:mention.start] == " of " and mention.start - 4 in people_ends)):
            mention.label = "ORG"
        elif mention.text.split()[-1].lower() in _GROUP_ENDINGS:
            mention.label = "ORG"  # "the trust's Mosaic Network for BME staff"
        elif _DESCRIBED_AS_FIRM.match(text, mention.end) or any(
                o.label == "ORG" and o.text.startswith(mention.text + " ")
                and o.text.split()[-1] in _FIRM_ENDINGS for o in mentions):
            mention.label = "ORG"  # "Coquet Homes, a housing association"; "Thornton Hale" of "Thornton Hale LLP"
    return mentions


#: Last words of a group's name, never of a person's ("Rainbow Network", "Carers Forum").
_GROUP_ENDINGS = frozenset("network forum alliance association society partnership collective consortium".split())
#: What a firm or a charity's own name ends with ("Thornton Hale Solicitors", "Kestrel Chambers").
_FIRM_ENDINGS = frozenset("Solicitors LLP Chambers Associates Partners Consulting Ltd Limited Group".split())
#: ", a housing association that has built …", ", the law firm": what follows a body's name, not a person's.
_DESCRIBED_AS_FIRM = re.compile(
    r",\s+(?:an?|the)\s+(?:[\w’'-]+\s+){0,3}?(?:association|charity|company|firm|consultancy|practice|chambers|"
    r"partnership|cooperative|co-operative|social enterprise)\b")


def _without_lone_words(text: str, mentions: list[Mention]) -> list[Mention]:
    """A one-word "person" nothing else supports is usually a capitalised place or noun ("Burton", "Chains"):
    keep it only after a title ("Lord Darzi"), as a speaker ("Darzi said"), as the owner of a report ("Carter’s
    review") or as part of a fuller name in the text."""
    fuller = {word for m in mentions if m.label == "PERSON" and " " in m.text for word in m.text.split()}
    return [m for m in mentions if m.label != "PERSON" or " " in m.text or m.text in fuller
            or (not re.search(r"-[a-z]", m.text)  # "Salami-slicing" opening a quote is no name
                and not re.search(r"\b(?:in|across|from|throughout|around)\s+$|\b(?:up|lives|lived|born|based)\s+on\s+$"
                                  r"|\bfrom\s+[A-Z][a-z]+\s+to\s+$",
                                  text[max(0, m.start - 30):m.start])  # "grew up on Lewis", "from Aberdeen to Lerwick"
                and (_LONE_NAME_SUPPORT_BEFORE.search(text, max(0, m.start - 30), m.start)
                     or _LONE_NAME_SUPPORT_AFTER.match(text, m.end)))]


def _with_owner_in_trust_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """"St Aldhelm’s Hospital NHS Foundation Trust": a trust named after a saint or a founder keeps its
    possessive opening, which the model cuts off (and calls an organisation)."""
    for trust in [m for m in mentions
                  if m.label == "TRUST" and m.text.split()[0] in ("Hospital", "Hospitals", "University", "Healthcare")]:
        owner = _OWNER_BEFORE.search(text, max(0, trust.start - 40), trust.start)
        if owner is None:
            continue
        mentions = _widened_left(text, mentions, trust, owner.start())
    return mentions


def _with_bodies_of(text: str, mentions: list[Mention]) -> list[Mention]:
    """"Association of NHS Board Secretaries", "Royal College of Nursing": a name after "Association of" is part of
    the body's name (the model keeps only what follows, and may call it a trust)."""
    for mention in mentions:
        body = _BODY_OF.search(text, max(0, mention.start - 40), mention.start)
        if body is not None and mention.label in ("TRUST", "ORG"):
            mention.text, mention.start, mention.label = text[body.start():mention.end], body.start(), "ORG"
    return mentions


#: "deputy director at Sandwell and " + "West Birmingham Hospitals": a place joined to a trust's name by "and".
_PLACE_AND = re.compile(r"\b([A-Z][a-z]+) and $")


def _with_places_joined(text: str, mentions: list[Mention]) -> list[Mention]:
    """"Sandwell and West Birmingham Hospitals": the model's trust begins after the "and"; the place before it,
    which names nothing on its own, is the start of the trust's name."""
    for trust in [m for m in mentions if m.label == "TRUST" and not m.text.startswith("NHS ")
                  and _ends_as_trust(m.text.lower()) and " and " not in m.text]:
        place = _PLACE_AND.search(text, max(0, trust.start - 30), trust.start)
        if place is None or place.group(1) in _NOT_PLACES or known_names().get(place.group(1).lower()) or any(
                m.label in ("PERSON", "TRUST") and m.start <= place.start(1) < m.end
                and not (m.label == "PERSON" and m.text == place.group(1)) for m in mentions):
            continue
        before = text[max(0, trust.start - 60):place.start(1)].split()
        if before and ((before[-1][:1].isupper() and not before[-1].endswith((".", ":")) and before[-1] not in _NOT_PLACES)
                       or before[-1] in ("and", "&") or before[-1].endswith(",")):
            continue  # "Kingsmere Hospitals and …", "Greater Glasgow and Clyde and …": the word ends another name
        mentions = _widened_left(text, mentions, trust, place.start(1))
    return mentions


def _with_nhs_before_lists(text: str, mentions: list[Mention]) -> list[Mention]:
    """"NHS Thornbury, Vale and Severnside CCG": the model's "NHS Thornbury" overlaps the listed places' trust,
    whose name the "NHS" opens."""
    for trust in [m for m in mentions if m.label == "TRUST" and text[max(0, m.start - 4):m.start] == "NHS "]:
        inside = [m for m in mentions if m is not trust and trust.start - 4 <= m.start and m.end <= trust.end
                  and m.text.startswith("NHS ")]
        if inside:
            mentions = [m for m in mentions if m not in inside]
            trust.text, trust.start = text[trust.start - 4:trust.end], trust.start - 4
    return mentions


def _with_listed_places(text: str, mentions: list[Mention]) -> list[Mention]:
    """"Bristol, North Somerset and South Gloucestershire CCG": places listed with commas before a trust named
    "… and …" belong to its name (the model keeps only the last two)."""
    for trust in [m for m in mentions if m.label == "TRUST" and " and " in m.text]:
        listed = _LISTED_PLACES.search(text, max(0, trust.start - 60), trust.start)
        if listed is not None and (is_given_name(listed.group(0).split()[0].rstrip(","))
                                   or any(m.label == "PERSON" and listed.start() <= m.start < trust.start for m in mentions)):
            continue  # "Siobhan Doyle, Belfast Health and Social Care Trust": a person and where she works
        if (listed is None or trust.text.startswith("NHS ")  # "In July, NHS Kent and Medway CCG"
                or any(w.strip(",") in _NOT_PLACES for w in listed.group(0).split())
                or all(w.strip(",").lower() in lexicon.COMPASS_WORDS for w in listed.group(0).split())):
            continue
        mentions = _widened_left(text, mentions, trust, listed.start())
    return mentions


#: "every health board in Wales, including Cwm Taf, Aneurin Bevan and Hywel Dda": trusts named by a list after
#: the kind of body they are.
_BODIES_LISTED = re.compile(r"\b(?:health\s+boards?|trusts?|ICBs?|CCGs?|integrated\s+care\s+boards?)\b[^.;:\n]{0,30}?,?\s+"
                            r"(?:including|such\s+as|among\s+them|like)\s+(?P<list>[A-Z][^.;:\n()]{2,160})")
_LIST_ITEM = re.compile(r"[A-Z][\w’'-]*(?: [A-Z][\w’'-]*){0,3}")


def _with_listed_bodies(text: str, mentions: list[Mention]) -> list[Mention]:
    """Names listed after "health boards … including" / "trusts such as" are trusts, whatever the model thought
    (it takes "Aneurin Bevan" and "Hywel Dda" for people)."""
    for listed in _BODIES_LISTED.finditer(text):
        position = listed.start("list")
        for index, piece in enumerate(re.split(r",\s+(?:and\s+)?|\s+and\s+", listed.group("list"))):
            item = _LIST_ITEM.fullmatch(piece)
            start = text.find(piece, position)
            if item is None or (index and not piece) or piece.split()[0] in _NOT_PLACES:
                break
            end, position = start + len(piece), start + len(piece)
            inside = [m for m in mentions if m.start < end and start < m.end]
            if any(m.label in ("TRUST", "REPORT") or known_names().get(m.text.lower()) for m in inside):
                continue
            mentions = [m for m in mentions if m not in inside] + [Mention(piece, "TRUST", start, end)]
    return sorted(mentions, key=lambda m: m.start)


_RUN_GAP = re.compile(r"(?:,\s*|\s+(?:and|or|to)\s+|,\s+(?:then\s+)?(?:to\s+)?|\s+then\s+(?:to\s+)?)")


def _trusts_in_runs(text: str, mentions: list[Mention]) -> list[Mention]:
    """"from Hywel Dda to Powys, then to Betsi Cadwaladr": a lone capitalised word the model took for a person,
    in a run of trusts' names, is a trust too."""
    ordered = sorted(mentions, key=lambda m: m.start)
    for index, mention in enumerate(ordered):
        if mention.label != "PERSON" or " " in mention.text:
            continue
        neighbours = [(ordered[index - 1], mention) if index else None,
                      (mention, ordered[index + 1]) if index + 1 < len(ordered) else None]
        if any(pair and (pair[0] if pair[1] is mention else pair[1]).label == "TRUST"
               and _RUN_GAP.fullmatch(text[pair[0].end:pair[1].start]) for pair in neighbours):
            mention.label = "TRUST"
    return mentions


def _widened_left(text: str, mentions: list[Mention], trust: Mention, start: int) -> list[Mention]:
    """The trust's name made to begin at `start`; the mentions the model found in the words it takes in go."""
    kept = [m for m in mentions if m is trust or not (start <= m.start and m.end <= trust.start)]
    trust.text, trust.start = text[start:trust.end], start
    return kept


def _without_places_in_trust_names(mentions: list[Mention]) -> list[Mention]:
    """"managers in Kent and Medway" beside "NHS Kent and Medway ICB": words that sit inside a trust's name, not at
    its start, are the place it is named after ("Barts" before "Barts Health NHS Trust" stays: a short form)."""
    inner = {" ".join(words[i:j]) for m in mentions if m.label == "TRUST" for words in [m.text.split()]
             for i in range(1, len(words)) for j in range(i + 1, len(words) + 1)}
    return [m for m in mentions
            if m.label not in ("PERSON", "ORG") or m.text not in inner or known_names().get(m.text.lower())
            or any(o.label == "PERSON" and o is not m and o.text.endswith(" " + m.text) for o in mentions)]


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


#: "the University of Leeds’s " before "Nuffield Centre for Health Policy": an owner our rules' span left out.
_OWNER_OF_BODY_BEFORE = re.compile(r"(?<![\w’'-])([A-Z][\w&-]*(?: (?:of |and |for |the )*[A-Z][\w&-]*)+)[’']s $")


def _with_owners_before_bodies(text: str, mentions: list[Mention]) -> list[Mention]:
    """A body's owner, named with a possessive just before it and found by nothing else, names a body too."""
    added = []
    for mention in (m for m in mentions if m.label == "ORG"):
        owner = _OWNER_OF_BODY_BEFORE.search(text, max(0, mention.start - 60), mention.start)
        if owner and not any(m.start < owner.end(1) and owner.start(1) < m.end for m in mentions):
            label = _label_of_name(owner.group(1), "ORG")
            if label in ("ORG", "TRUST") and (label == "TRUST" or known_names().get(owner.group(1).lower())
                                               or owner.group(1).split()[0] in ("University", "College", "Institute")):
                added.append(Mention(owner.group(1), label, owner.start(1), owner.end(1)))
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


def _label_of_name(text: str, default: str) -> str:
    """A name's label from the names list or its last words (trust suffix, report word), else `default`."""
    known = known_names().get(text.lower())
    if known:
        return known[0]
    words = tuple(text.lower().replace("’", "'").split())
    if lexicon.has_trust_suffix(words):
        return "TRUST"
    return "REPORT" if lexicon.names_report(words) else default


def _with_first_name_people(text: str, mentions: list[Mention]) -> list[Mention]:
    """People the model missed whose names open with a given name ("Rhiannon Beddoes met her")."""
    for start, end in people.first_name_people(text):
        overlapping = [m for m in mentions if m.start < end and start < m.end]
        weak = text[start:end].split()[0] in WEAK_GIVEN  # "Lincoln Ashby found …", called an organisation
        if all(m.label in ("PERSON", "ORG") and start <= m.start and m.end <= end
               and (len(m.text) < end - start or weak) and not known_names().get(m.text.lower())
               for m in overlapping):  # "Owain" inside "Owain ap Huw"
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
        cut = (_coordination_cut(mention, trusts) if mention.label == "TRUST"
               else _report_pair_cut(mention) if mention.label == "REPORT" else None)
        if cut is None:
            result.append(mention)
            continue
        joint = re.match(r" and (?:the )?", mention.text[cut:])
        left, right = mention.text[:cut], mention.text[cut + joint.end():]
        left_label = "ORG" if left.split()[-1].lower() in _BODY_ENDINGS else mention.label  # "… Borough Council"
        result.append(Mention(left, left_label, mention.start, mention.start + len(left)))
        result.append(Mention(right, mention.label, mention.end - len(right), mention.end))
    return result


def _with_known_pairs_apart(text: str, mentions: list[Mention]) -> list[Mention]:
    """"the Review Body on Senior Salaries and the NHS Pay Review Body": an organisation (or a report: "Building the
    Right Support and the Long Term Plan") run over "and the" is two known names (the first may begin before the
    span)."""
    result = []
    for mention in mentions:
        pair = (re.fullmatch(r"(?P<left>.+?) and the (?P<right>.+)", mention.text)
                if mention.label in ("ORG", "REPORT") else None)
        right = known_names().get(pair.group("right").lower()) if pair else None
        left_end = mention.start + len(pair.group("left")) if pair else 0
        left_start = next((start for start in range(max(0, mention.start - 40), mention.start + 1)
                           if known_names().get(text[start:left_end].lower())
                           and (start == 0 or not text[start - 1].isalnum())), None) if right else None
        if left_start is None:
            result.append(mention)
            continue
        result = [m for m in result if m.end <= left_start]
        result.append(Mention(text[left_start:left_end], known_names()[text[left_start:left_end].lower()][0], left_start, left_end))
        result.append(Mention(pair.group("right"), right[0], mention.end - len(pair.group("right")), mention.end))
    return result


def _report_pair_cut(mention: Mention) -> int | None:
    """"NHS Long Term Plan and the Interim NHS People Plan": two reports when both sides end in a report word."""
    for match in re.finditer(r" and (?:the )?", mention.text):
        left, right = mention.text[:match.start()].split(), mention.text[match.end():].split()
        if len(left) > 1 and len(right) > 1 and all(side[-1].lower() in lexicon.REPORT_WORDS for side in (left, right)):
            return match.start()
    return None


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
                        for other in trusts) and (" " in left or mention.text[:cut].isupper()  # "UCLH and …",
                                                  or not _ends_as_trust(mention.text.lower()))
        # but "Thameside" beside "Thameside and Wexley Hospitals NHS Trust" is that trust's short name
        if " " not in right and not _ends_as_trust(right) and not right.isupper():
            continue  # "NHS Lomond and Clyde": a lone word after "and" names nothing on its own
        if ((mention.text.startswith("NHS ") or (" " not in left and _ends_as_trust(right)))
                and left not in trusts and not _ends_as_trust(left) and left not in known_names()):
            continue  # "NHS Calderbrook and Wexley Integrated Care Board" beside "NHS Calderbrook CCG": one board
        if left in known_names() or elsewhere or (_ends_as_trust(left) and _ends_as_trust(right)) or (
                left.split()[-1] in _BODY_ENDINGS and _ends_as_trust(right)) or any(right.startswith(name + " ") and known_names()[name][0] == "TRUST"
                                                     for name in known_names()):
            return cut
    return None


def _ends_as_trust(name: str) -> bool:
    """"nhs brackenford clinical commissioning group", "nhs elmsworth ccg": a whole trust name on its own."""
    return lexicon.has_trust_suffix(tuple(name.split()), with_place=True)


def _with_role_named_people(text: str, mentions: list[Mention]) -> list[Mention]:
    """Names written after a role or interview verb are people; they replace overlapping PERSON/ORG spans."""
    for start, end in people.role_named_people(text):
        if text[start:end].lower() in lexicon.NOT_ENTITIES:
            continue  # "a manager in the North West"
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
