"""Word lists the entity and quote rules read: titles, cue verbs, role nouns, words that are never entities.

Kept as data in one place so they can be reviewed (and extended) without touching the logic.
"""

import re

#: Honorifics and job titles that sit in front of a name but are not part of it.
TITLES = frozenset(
    "sir dame lord lady baroness baron dr doctor prof professor mr mrs ms miss rev cllr councillor mp judge justice"
    " admiral general brigadier colonel commodore"
    .split()
)
#: Multi-word titles stripped from the front of a PERSON span ("Health Secretary Jeremy Hunt").
TITLE_PHRASES = ("employment judge", "health secretary", "secretary of state", "prime minister", "chancellor", "health minister")

#: Single words the statistical model often tags but which name nothing (sentence-initial words, generic terms).
NOT_ENTITIES = frozenset(
    """nhs government state health eu uk brexit tipster britons parliament trust board recommendations introduction
    cpo ceo vsm vsms esm esms vsm/esm covid covid-19 treasury's minister ministers secretary council union the
    legal eye sharp end interview conference governance a&e ccg ccgs icb icbs ics tupe coo cfo cno cio cmo hr bame
    gp gps ppe bme welsh scottish english irish british midlands csu pct pcts pfi nightingales omicron wannacry""".split()
) | {"national health service", "legal eye", "sharp end", "welsh nhs", "scottish nhs"} | {  # column names whole ("Legal Eye: …") and
    # England's regions: places, never people or bodies ("a manager in the North West")
    "north west", "north east", "south west", "south east", "east midlands", "west midlands", "east of england",
    "yorkshire and the humber", "north east and yorkshire", "the midlands", "the north", "the south",
    "yorkshire", "humber", "the humber", "cumbria", "cornwall", "lancashire", "merseyside", "tyneside", "teesside"}

#: Sentence-opening words the rules' capitalised-word shapes can swallow ("With NHS North East London ICB").
LEADING_FUNCTION_WORDS = frozenset(
    "with as for after in on at by from during under while when since following without and but or of to inside a an"
    " across within if but so because whether although though unless until his her its their our my"
    " one two three four each every another some several all both many most what why how where who can could should"
    " would does did is are was were now then also yet suppose imagine".split()
)

#: Capitalised words that open a description of a document, not its title ("the Scottish plan for …", "the
#: Government strategy 2025").
NOT_TITLE_HEADS = frozenset(
    """Scottish Welsh English British Irish Northern Government Labour Conservative Tory Liberal Treasury Department
    National Trust Board NHS""".split())

#: Nations that follow an organisation's name for its national arm ("BBC Wales").
NATIONS = ("Northern Ireland", "Scotland", "Wales", "Cymru", "England")

#: Labels of the stock model kept as candidates (everything else is dropped unless a rule relabels it).
MODEL_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "WORK_OF_ART", "LAW", "FAC", "PRODUCT"})

#: Last words that make a span a REPORT / TRUST whatever the model called it.
REPORT_WORDS = frozenset(
    "review report plan plans framework survey inquiry strategy view paper charter programme assessment audit"
    " investigation blueprint roadmap standard standards handbook stocktake policy code manual".split()
)
#: Words that make "… Policy" a body that studies policy ("Northern Institute for Health Policy"), not a policy.
POLICY_BODY_WORDS = frozenset("institute centre center unit association society college school university network"
                              " academy fund foundation forum".split())


def names_report(words: tuple[str, ...] | list[str]) -> bool:
    """Whether lower-cased name words end as a document's name ("… Review", "… Policy", but not "… Centre for
    Health Policy")."""
    return words[-1] in REPORT_WORDS and not (words[-1] == "policy" and any(w in POLICY_BODY_WORDS for w in words))


#: Words a report's short name may leave out ("10 Year Plan" for the "10 Year Health Plan").
REPORT_DESCRIPTORS = frozenset({"health", "nhs", "care", "social", "pay"})
#: Words that make a report's name generic without its subject: "Independent Investigation" needs its
#: "of the National Health Service in England".
GENERIC_REPORT_WORDS = frozenset(
    "independent national rapid interim final annual public joint full special thematic external internal".split()
)
TRUST_SUFFIXES = (
    ("nhs", "foundation", "trust"), ("foundation", "trust"), ("nhs", "trust"), ("trust",), ("health", "board"),
    ("icb",), ("ccg",), ("ics",), ("teaching", "hospitals"), ("university", "hospitals"),
    ("integrated", "care", "board"), ("clinical", "commissioning", "group"), ("hospital",), ("hospitals",),
    ("care", "partnership"), ("hospitals", "group"), ("hospital", "group"), ("ambulance", "service"), ("uhb",),
    ("ambulance", "services"), ("pct",), ("primary", "care", "trust"), ("cancer", "centre"), ("health", "authority"),
    ("infirmary",),
)


def has_trust_suffix(words: tuple[str, ...], with_place: bool = False) -> bool:
    """Whether lower-cased name words end as a trust's name ("… nhs foundation trust", "… icb"); `with_place`: and
    hold more words than the ending ("nhs brackenford ccg", not "ccg")."""
    return any(words[-len(suffix):] == suffix and (not with_place or len(words) > len(suffix))
               for suffix in TRUST_SUFFIXES)


#: Second words of national NHS bodies ("NHS England", "NHS Employers"); any other "NHS Place" names a health
#: board or an ICB ("NHS Lanarkshire", "NHS Frimley").
NHS_NATIONAL_WORDS = frozenset(
    """england wales scotland employers providers confederation digital improvement resolution pay trust leadership
    blood property business education counter direct elect partners professionals supply clinical alliance support
    federation charities race health workforce staff long people constitution oversight benevolent national choices
    jobs pensions fraud protect reform 111 app shared test institute litigation commissioning networks innovation
    benchmarking estates logistics terms pension partnership recovery administration management finance""".split()
)
#: Words that show a two-word capitalised span is an organisation, not a person.
ORG_WORDS = frozenset(
    """health nhs trust fund union council board office department service services hospital hospitals group foundation
    committee agency authority college society institute association partnership providers employers england wales
    scotland ireland centre center network academy commission review plan report survey news times journal
    solicitors llp ltd limited plc associates consulting consultants chambers partners ambulance school business
    university tribunal court""".split()
)
#: First words of "X Health" that name a field, not a trust ("Public Health", "Mental Health").
GENERIC_HEALTH_WORDS = frozenset(
    "public mental global population occupational digital community primary sexual oral child children's women's"
    " men's physical planetary environmental international national social".split()
)
#: First words of a region's name, never of a person's ("North Wales", "West Midlands").
COMPASS_WORDS = frozenset("north south east west central mid greater upper lower".split())
#: Letters after a name that are not part of it ("Tom Kark QC").
POST_NOMINALS = frozenset("QC KC MP MSP MS AM MBE OBE CBE DBE KBE FRCP FRCS PhD".split())
#: Possessors that are part of an institution's own name ("King’s College Hospital", "St George’s", "Children’s").
INSTITUTION_POSSESSORS = frozenset(
    "king queen guy children women st saint lady prince princess bishop duke earl".split()
)
#: Last words of newspapers, magazines and broadcasters' programmes ("the Evening Standard", "the Herald").
OUTLET_WORDS = frozenset(
    """times telegraph guardian standard herald mail mirror express journal independent observer echo chronicle
    gazette post scotsman record argus sun star press courier""".split()
)
#: First words of longer newspaper names ("Yorkshire Evening Post", "Sunday Times").
OUTLET_FIRST = frozenset(
    "daily sunday evening morning financial weekly nursing yorkshire manchester london scottish western northern irish"
    " local birmingham liverpool".split()
)
#: Broadcasters whose programmes follow their name ("BBC Look North", "BBC Radio 4").
BROADCASTERS = frozenset({"BBC", "ITV", "STV", "S4C", "UTV"})
#: Last words that make a name-shaped span a place or building, not a person ("Hope Street", "Grace House").
PLACE_NOUNS = frozenset(
    "street road lane avenue house hall square park way place court gardens centre center close".split()
)
#: Verbs after a name that show the name is a person ("Jane Doe says ...", "Jane Doe talks to ...").
PERSON_VERBS = frozenset(
    """says said talks talked writes wrote argues argued explains reports gives calls runs spoke speaks asks looks
    gathers explores examines considers investigates visits meets finds describes recalls reflects advises answers
    admits insists believes remembers""".split()
)

#: Cue verbs and phrases that attribute a quotation. Longest first so "told us" wins over "told".
CUE_PHRASES = sorted(
    """said says say saying told tells tell ask added adds adding warned warns warning explained explains explaining argued
    argues arguing insisted insists commented comments commenting responded responds responding welcomed welcomes
    claimed claims claiming agreed agrees asked asks noted notes stressed stresses urged urges wrote writes
    continued continues concluded concludes admitted admits acknowledged acknowledges replied replies recalled recalls
    remembers remembered
    observed observes suggested suggests declared declares announced announces debunks debunked characterised
    characterises described describes remarked remarks predicted predicts cautioned cautions complained complains
    confirmed confirms emphasised emphasises jokes joked laughs laughed concedes conceded quips quipped""".split()
    + ["pointed out", "points out", "summed up", "sums up", "put it", "puts it", "called for", "calls for",
       "called it", "calls it",
       "according to", "in the words of"],
    key=len,
    reverse=True,
)
CUE_RE = re.compile(
    r"\b(" + "|".join(p.replace(" ", r"\s+") for p in CUE_PHRASES) + r")\b(?:\s+(?:us|me|him|her|them|reporters)\b)?",
    re.IGNORECASE,
)
#: "a spokesperson for NHS England said": the organisation speaks.
SPOKESPERSON_RE = re.compile(r"\bspokes(?:person|man|woman)\s+(?:for|from|at)\s+(?:the\s+)?$", re.IGNORECASE)
#: Last words of legislation, which is not one of our entity types.
LAW_WORDS = frozenset({"act", "bill", "regulations", "regulation", "order"})
#: Verbs that open a standfirst or lead paragraph whose subject then speaks the article's quotes.
LEAD_VERBS = re.compile(
    r"\b(responds|responded|comments|commented|comment|welcomes|welcomed|debunks|says|said|warns|warned|urges|"
    r"calls|argues|explains|criticises|criticised|reacts|reacted|slams|backs|condemns|told|tells|wrote|writes|answers|"
    r"(?:gave|gives|issued|issues)(?=\s+(?:this|the\s+following|her|his|a)\s+(?:response|statement|reaction|comment)))\b"
)
#: Verbs that introduce an interview: the quotes belong to the person interviewed.
INTERVIEW_RE = re.compile(
    r"\b(talks to|talked to|interviews|interviewed|speaks to|spoke to|meets|met|tells|told|explains to|explained to)\b")
#: Interview verbs whose subject is the interviewee ("Jane Doe tells Alison Brent what …").
INTERVIEWEE_SUBJECT_VERBS = frozenset({"tells", "told", "explains to", "explained to"})
#: How a headline names the union when it speaks ("…, says union").
BARE_SELF_NAME_RE = re.compile(r"^\s*(?:the\s+)?union\s*[.,:;]?\s*$", re.IGNORECASE)
#: Words that mark an unnamed speaker ("one member said", "a CPO agreed").
UNNAMED_RE = re.compile(
    r"\b(one|a|an|another|the|some|many|several|our|other)\s+(?:[a-z-]+\s+){0,2}"
    r"(member|members|respondent|respondents|manager|managers|director|directors|delegate|delegates|executive|"
    r"executives|vsm|esm|cpo|ceo|leader|leaders|colleague|colleagues|nurse|doctor|official|source|spokesperson|"
    r"spokesman|spokeswoman|group|clinicians|campaigners|staff|journalist|journalists|reporter|patient|patients|"
    r"relative|relatives|councillor|mp|consultant|surgeon|employee|employees|worker|workers|head|heads)\b",
    re.IGNORECASE,
)
#: Unnamed people whose words a named speaker passes on ("members had described it as", "a colleague called it").
RELAYED_RE = re.compile(
    r"\b(?:(?:one|a|an|another|some|many|several|other|our|his|her|their)\s+(?:[a-z-]+\s+)?)?"
    r"(?:members?|colleagues?|staff|managers?|delegates?|respondents?|people)\s+(?:had\s+|have\s+|has\s+)?$",
    re.IGNORECASE,
)
#: An organisation named only by its kind, speaking: "The health board said in a statement: …".
BODY_SPEAKS_RE = re.compile(
    r"\b(?:(?:the|its)\s+(trust|health\s+board|icb|ccg|integrated\s+care\s+board|hospital|partnership)(?:[’']s)?\s+"
    r"(?:spokes(?:person|man|woman)\s+)?|an?\s+(trust|health\s+board|icb|ccg|hospital)\s+spokes(?:person|man|woman)\s+)"
    r"(?:has\s+|had\s+)?$",
    re.IGNORECASE,
)
#: "A spokesperson for the union told …": the union speaks.
SELF_SPOKESPERSON_RE = re.compile(
    r"\bspokes(?:person|man|woman)\s+(?:for|from|at)\s+(?:the\s+)?(?:union|managers[’']?\s+union|MiP)\b"
    r"|\b(?:union|MiP)\s+spokes(?:person|man|woman)\b", re.I)
#: Speakers who are everyone and no one: "Members often ask: '…'".
GENERIC_SPEAKERS_RE = re.compile(r"^\s*(?:members|managers|staff|colleagues|people|readers|employers)\b", re.I)
#: The union's own documents speaking: "Our response says: '…'".
OWN_DOCUMENT_RE = re.compile(
    r"\bour\s+(?:response|submission|evidence|letter|statement|survey|report|briefing)(?:\s+we)?\s*$", re.I)
#: An organisation referred back to: "In a statement, the organisation said", "It said:".
BODY_REFERENCE_RE = re.compile(
    r"(?:^|\b)(?:the\s+(?:organisation|body|department|association|federation|charity|regulator|think\s+tank)|it)\s*$",
    re.IGNORECASE)
#: A document word, and what it is about, before a title set off by a comma: "its report on patient safety, ‘…’".
DOCUMENT_THEN_COMMA = (r"(?:report|review|inquiry|strategy|plan|framework|guide|guidance|survey|submission|evidence|"
                       r"consultation)"
                       r"(?:\s+(?:on|into|of|for|to)\s+[^,.;“”‘’\"]{1,50})?,")
#: What follows a title to say what kind of document it is: ", the review of …", ", its long-term plan".
KIND_AFTER_TITLE = (r",\s+(?:the|its|their|an?)\s+(?:[\w’'-]+\s+){0,3}?(?:review|report|plan|strategy|framework|"
                    r"white paper|green paper|guidance|survey|inquiry)\b")
PRONOUN_RE = re.compile(r"\b(he|she)\b", re.IGNORECASE)
#: How the union refers to itself in headlines and standfirsts.
SELF_NAMES_RE = re.compile(
    r"\b(managers[’']? union|the union for (?:senior )?(?:nhs |health(?:care)? )?managers|the union(?:[’']s)?)(?!\w)", re.I
)
SELF_NAME = "MiP"

#: Role nouns recognised next to a person's name ("MiP chief executive Jane Holloway", "Jo Bloggs, director of HR,").
ROLE_NOUNS = (
    r"chief executive|chief exective|chief operating officer|chief people officer|chief nurse|chief officer|"
    r"general secretary|national officer|assistant general secretary|head of [a-z]+(?: (?!(?:at|for|in|of|on|with|and|to)\b)[a-z]+)?|director(?: of [a-z ]+?)?|"
    r"health secretary|secretary of state|minister|chair(?:man|woman)?|president|vice[- ]president|chief economist|"
    r"secretary|officer|organiser|editor|correspondent|spokes(?:person|man|woman)|consultant|professor|lecturer|"
    r"manager|adviser|advisor|lawyer|solicitor|partner|founder|leader|mp|chief|rep|representative|steward|deputy"
)
