"""Phrase banks for the replica's invented articles: who speaks, what they say, and the real names they mention.

Everything here is data. The people are invented (no real person's name appears); organisations, NHS trusts and
reports are real names used as facts. Prose placeholders: {mip} {trust} {trust2} {report} {org} {hs} {year} {pct}
{n} — filled by ``content.py``, which also records each entity it plants, in the title and standfirst as in the body.
Quote marks ({o}…{c}) outside planted quotations hold only scare quotes of at most three words or a named document's
title introduced as one ("its written evidence, ‘…’"), so the truth follows the annotation rules in
/work/shared/eval/README.md.
"""

from __future__ import annotations

# (canonical full name, short form used on later mentions)
TRUSTS = (
    ("Barts Health NHS Trust", "Barts Health"),
    ("Leeds Teaching Hospitals NHS Trust", "Leeds Teaching Hospitals"),
    ("University College London Hospitals NHS Foundation Trust", "UCLH"),
    ("Manchester University NHS Foundation Trust", "Manchester University"),
    ("Sheffield Teaching Hospitals NHS Foundation Trust", "Sheffield Teaching Hospitals"),
    ("Nottingham University Hospitals NHS Trust", "Nottingham University Hospitals"),
    ("East London NHS Foundation Trust", "East London Foundation Trust"),
    ("Royal Cornwall Hospitals NHS Trust", "Royal Cornwall Hospitals"),
    ("University Hospitals Birmingham NHS Foundation Trust", "University Hospitals Birmingham"),
    ("Oxford University Hospitals NHS Foundation Trust", "Oxford University Hospitals"),
    ("Liverpool Community Health NHS Trust", "Liverpool Community Health"),
    ("Betsi Cadwaladr University Health Board", "Betsi Cadwaladr"),
    ("Cardiff and Vale University Health Board", "Cardiff and Vale"),
    ("NHS Greater Glasgow and Clyde", "Greater Glasgow and Clyde"),
    ("Norfolk and Suffolk NHS Foundation Trust", "Norfolk and Suffolk"),
    ("Mid Yorkshire Hospitals NHS Trust", "Mid Yorkshire Hospitals"),
)

# (canonical name without a leading "the", form written in prose, first year it can be mentioned)
REPORTS = (
    ("NHS staff survey", "the NHS staff survey", 2013),
    ("Francis Report", "the Francis Report", 2013),
    ("Five Year Forward View", "the Five Year Forward View", 2014),
    ("Carter Review", "the Carter Review", 2016),
    ("NHS Long Term Plan", "the NHS Long Term Plan", 2019),
    ("NHS People Plan", "the NHS People Plan", 2020),
    ("Messenger review", "the Messenger review", 2022),
    ("NHS Long Term Workforce Plan", "the NHS Long Term Workforce Plan", 2023),
    ("VSM pay framework", "the VSM pay framework", 2024),
    ("10 Year Plan", "the 10 Year Plan", 2025),
    ("National Oversight Framework", "the National Oversight Framework", 2025),
)

# (canonical name, form written in prose, first year, last year)
ORGS = (
    ("NHS England", "NHS England", 2013, 2026),
    ("NHS Providers", "NHS Providers", 2013, 2026),
    ("NHS Confederation", "the NHS Confederation", 2013, 2026),
    ("NHS Employers", "NHS Employers", 2013, 2026),
    ("Department of Health", "the Department of Health", 2013, 2017),
    ("Department of Health and Social Care", "the Department of Health and Social Care", 2018, 2026),
    ("NHS Pay Review Body", "the NHS Pay Review Body", 2013, 2026),
    ("Senior Salaries Review Body", "the Senior Salaries Review Body", 2013, 2026),
    ("UNISON", "UNISON", 2013, 2026),
    ("FDA", "the FDA", 2013, 2026),
    ("King's Fund", "the King's Fund", 2013, 2026),
)

# outlets a speaker "told": (canonical, as written after "told")
OUTLETS = (("Guardian", "the Guardian"), ("HSJ", "HSJ"), ("BBC", "the BBC"), ("Nursing Times", "Nursing Times"))

# The union's invented cast: (full name, gender, role as written, first year, last year)
CHIEF_EXECUTIVES = (
    ("Colin Marchbank", "m", "MiP chief executive", 2013, 2020),
    ("Ruth Haverstock", "f", "MiP chief executive", 2021, 2026),
)
NATIONAL_OFFICERS = (
    ("Isla Drummond-Reid", "f", "MiP’s national officer for Scotland"),
    ("Owen Pritchard-Lloyd", "m", "national officer for Wales"),
    ("Bernadette Quarrie", "f", "MiP national officer for the North of England"),
    ("Nikhil Baswani", "m", "national officer for London and the South East"),
    ("Gwen Altham", "f", "MiP’s head of policy and communications"),
)
HEALTH_SECRETARIES = (
    ("Rupert Gathercole", "m", 2013, 2018),
    ("Marcus Penhallow", "m", 2019, 2021),
    ("Harriet Stoneleigh", "f", 2022, 2024),
    ("Daniel Okonjo-Bray", "m", 2025, 2026),
)

# invented people made up per article: trust chief executives, members, interviewees
FIRST_NAMES = {
    "f": ("Ailsa", "Bronwen", "Catrin", "Delphine", "Eluned", "Freya", "Greer", "Hattie", "Imelda", "Juno",
          "Kerensa", "Linnea", "Marisol", "Nerys", "Ottilie", "Perpetua", "Rosalind", "Saoirse", "Tamsin", "Wilhelmina"),
    "m": ("Alaric", "Bram", "Caspian", "Dorian", "Emrys", "Fergal", "Gideon", "Hamish", "Ignatius", "Jasper",
          "Lorcan", "Magnus", "Niall", "Osian", "Percival", "Quentin", "Rafferty", "Silas", "Tobias", "Wystan"),
}
SURNAMES = (
    "Abernethy", "Blackwood", "Cordingley", "Dunsmore", "Elphick", "Fairbairn", "Gillingham", "Hollinrake",
    "Illingworth", "Jollife", "Kettlewell", "Lowthian", "Mottram", "Nettleship", "Oakenshaw", "Pennefather",
    "Quennell", "Ravenhill", "Saltonstall", "Tregarthen", "Upjohn", "Venables-Kyte", "Wedderburn", "Yarwood",
)
MEMBER_ROLES = (
    "an MiP member and head of workforce planning",
    "a senior finance manager and MiP member",
    "an MiP rep and service manager",
    "a director of operations who joined MiP last year",
    "head of estates and an MiP member",
)
AUTHORS = ("Harriet Quennell", "Simon Ardagh", "Tessa Lowthian", "Mark Feltham-Rose", "Joanna Pinnock",
           "Craig Esslemont", "Lucy Barnstaple")

CUES = ("said", "warned", "added", "explained", "insisted", "argued", "stressed")
PRONOUNS = {"f": "she", "m": "he"}

# quoted speech: sentences spoken by union people, officials and members (no names inside)
QUOTE_SENTENCES = (
    "Senior managers have seen the value of their pay fall year after year.",
    "The pay review body process has to be independent and it has to be respected.",
    "Our members keep services running and they deserve a fair settlement.",
    "Nobody should have to find out from a newspaper that their job is at risk.",
    "Cutting management costs by a fixed percentage is not a plan, it is a slogan.",
    "We will support every member through this reorganisation.",
    "Good management is part of good patient care, not a distraction from it.",
    "Managers are working longer unpaid hours than at any time we have measured.",
    "The government needs to stop treating managers as an easy target.",
    "We want a proper consultation, not a decision announced on a Friday afternoon.",
    "Pensions are part of pay, and the changes hit the most experienced staff hardest.",
    "Redundancy should be the last resort, after every redeployment option has been tried.",
    "Morale among senior staff is lower than I have ever known it.",
    "This award does not even keep pace with inflation.",
    "Members tell us the workload has become unsustainable.",
    "We are asking employers to honour the national agreements they signed.",
    "It is a welcome step, but the detail will matter more than the headline.",
    "Leaders cannot plan for the long term when the rules change every year.",
    "We have raised these concerns with ministers and we will keep raising them.",
    "The evidence is clear and it points in one direction.",
    "Talented people are leaving and they are not being replaced.",
    "A restructure run in a hurry costs more than it saves.",
    "We know what works: stable teams, fair pay and honest conversations.",
    "Our survey shows that two thirds of members feel undervalued.",
    "That’s a false economy and patients will pay for it.",
    "We’ve seen this before and it didn’t work then either.",
    "Managers aren’t asking for special treatment, they’re asking for fairness.",
    "It’s time the system backed the people who hold it together.",
)

# ordinary prose: one sentence each, by paragraph role
LEAD_SENTENCES = {
    "statement": (
        "{mip} has called on {org} to rethink its approach to {topic}.",
        "{mip} today set out its concerns about {topic} across the health service.",
        "Senior health managers have warned that the handling of {topic} is putting services at risk, according to {mip}.",
    ),
    "response": (
        "{mip} has responded to the publication of {report}, saying it does not go far enough on {topic}.",
        "{mip} has given a cautious welcome to {report} and its proposals on {topic}.",
        "Responding to {report}, {mip} said the plans on {topic} need urgent clarification.",
    ),
    "announcement": (
        "{mip} has announced a new programme of support for members affected by {topic}.",
        "{mip} will hold a series of member briefings on {topic} this spring.",
        "{mip} has launched a survey of senior managers on {topic}.",
    ),
    "feature": (
        "Few issues have divided NHS leaders in {year} as sharply as {topic}.",
        "Ask any senior manager about {topic} and you will hear a story of long hours and short notice.",
    ),
    "interview": (
        "After {n} years in NHS management, our interviewee has strong views on {topic}.",
        "We spoke to a senior leader who has spent the past year dealing with {topic}.",
    ),
    "column": (
        "This quarter I want to look at {topic}, which has filled my inbox since the spring.",
        "Members often ask what {topic} means for them in practice.",
    ),
    "advice": (
        "If you are facing {topic}, the first step is to check your contract.",
        "Our advice on {topic} starts with one rule: keep a written record of everything.",
    ),
}
CONTEXT_SENTENCES = (
    "At {trust}, managers were told that {pct}% of posts in corporate services would go.",
    "Staff at {trust} learned of the plans only days before the consultation opened.",
    "{report} set out a very different picture of how the NHS should be run.",
    "Figures from {org} suggest that management costs in the NHS are lower than in most comparable systems.",
    "{org} has so far declined to publish its own assessment of the changes.",
    "The union has written to {hs} asking for an urgent meeting.",
    "A consultation at {trust} has been extended after objections from staff side representatives.",
    "Around {n} members have contacted the union for advice since the announcement.",
    "{trust} and {trust2} are among the employers that have paused recruitment to senior posts.",
    "The Agenda for Change pay structure covers most of the managers the union represents.",
    "Very senior managers are not covered by Agenda for Change and their pay is set separately.",
    "The pay review bodies are due to report later in {year}.",
    "Members at {trust} say the timetable leaves no room for proper scrutiny.",
)
CLOSING_SENTENCES = (
    "Members who need advice should contact their MiP national officer.",
    "{mip} will publish its full submission later this month.",
    "The union will report back to members once talks have concluded.",
    "{mip} is asking members to share their experiences through its online survey.",
    "Further guidance for members will follow once the detail is published.",
)
# scare quotes and titles in quote marks: NOT quotations ({o}/{c} are the article's quote marks)
SCARE_QUOTE_SENTENCES = (
    "The so-called {o}superheads{c} plan would see one chief executive running several trusts.",
    "Ministers have again attacked {o}pen-pushers{c} in the NHS, to the dismay of staff.",
    "Press coverage of NHS {o}fat cats{c} rarely mentions the vacancy rate in senior posts.",
    "The {o}grey suits{c} caricature does little justice to the managers who run services.",
    "Critics describe the new regime as {o}league-table management{c}.",
)
# (sentence, document title): a named document's title in quote marks is a REPORT, never a quotation
TITLE_QUOTE_SENTENCES = (
    ("The union set out its position in its written evidence, {o}{doc}{c}, earlier this year.",
     "Fair Pay for Senior Leaders"),
    ("Its guide for members, {o}{doc}{c}, is available from the union on request.",
     "Know Your Rights in a Restructure"),
)
# names written as fixed text in the phrase banks: (label, canonical, form to look for in a document's text)
FIXED_ENTITIES = (
    ("ORG", "MiP", "MiP"),
    ("REPORT", "Agenda for Change", "Agenda for Change"),  # the national pay framework (README: frameworks)
)

TOPICS = {
    "pay": ("VSM pay", "the pay award", "pay restraint"),
    "agenda-for-change": ("Agenda for Change pay", "banding reviews"),
    "pensions": ("pension changes", "the pensions annual allowance"),
    "workforce": ("workforce shortages", "recruitment to senior posts"),
    "reorganisation": ("reorganisation", "the merger of commissioning bodies"),
    "redundancy": ("redundancy", "compulsory redundancies"),
    "management-cuts": ("management cuts", "the cap on management costs"),
    "reviews": ("the review of NHS leadership", "board-level accountability"),
}
TAGS = {
    "pay": ("Pay", "VSM pay", "Pay review bodies"),
    "agenda-for-change": ("Agenda for Change", "Pay"),
    "pensions": ("Pensions",),
    "workforce": ("Workforce", "Recruitment"),
    "reorganisation": ("Reorganisation", "ICBs"),
    "redundancy": ("Redundancy", "Employment rights"),
    "management-cuts": ("Management costs", "Reorganisation"),
    "reviews": ("Leadership", "Reports and reviews"),
}
TITLES = {
    "news": (
        "MiP warns on {topic} as {trust_short} plans cuts",
        "Managers’ union responds to {report}",
        "{topic_cap}: union calls for urgent talks",
        "Union urges rethink on {topic} in {year}",
        "Senior managers ‘let down’ over {topic}",
        "MiP welcomes progress on {topic}",
        "{trust_short} managers face uncertainty over {topic}",
        "“Fair treatment” needed on {topic}, says managers’ union",
        "MiP survey reveals strain of {topic}",
        "Health Secretary must act on {topic}, says MiP",
    ),
    "magazine": (
        "Inside {trust_short}: living with {topic}",
        "Legal Eye: your rights and {topic}",
        "Tipster: surviving {topic}",
        "The Sharp End: {topic} from the inside",
        "What {report} means for managers",
        "Here we go again: a director on {topic}",
        "Ten questions about {topic}",
        "A year of {topic}: the managers’ view",
    ),
}
STANDFIRSTS = (
    "The union for senior health and care managers sets out what {topic} means for its members.",
    "MiP says the government must listen to managers before it goes any further on {topic}.",
    "Members report growing pressure as {topic} moves up the agenda in {year}.",
    "Our correspondent looks at what {topic} means for the job of NHS leaders.",
    "What managers need to know about {topic}, and where to get help.",
)
CAPTIONS = (
    "Delegates at the MiP annual conference",
    "Senior managers meeting at a regional briefing",
    "The union says managers have been left out of the debate",
    "Photo: MiP",
    "A hospital corridor during the morning handover",
)
DUPLICATE_TITLE = "Pay award falls short again for senior managers"
# what an organisation says when it speaks for itself
ORG_QUOTE_SENTENCES = (
    "We are working closely with employers to support staff through these changes.",
    "Any changes will be made in line with national agreements.",
    "We recognise the pressure that senior leaders are under.",
    "Decisions on local structures are a matter for individual employers.",
    "We will respond to the recommendations in due course.",
)
# subheadings inside some magazine articles: a body paragraph of its own, shown as <h2> on today's site
SUBHEADINGS = ("What happens next", "The view from the front line", "Where to get help", "The bigger picture")
