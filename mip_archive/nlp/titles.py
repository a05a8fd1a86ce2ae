"""Documents named by their titles rather than by a report word: "its written evidence, ‘Fair Pay for Senior
Leaders’", "the 1989 white paper Working for Patients", "The survey, Leading Through Covid, received …",
"A Healthier Wales, the Welsh Government’s long-term plan". Each found title is a REPORT mention that replaces
whatever the model found inside it.
"""

import re

from . import lexicon
from .mention import Mention, known_names
from .quotes import is_title
from .spans import LEADING_THE

_TITLE_WORDS = (r"[A-Z][\w’'-]*(?:[^\S\n]+(?:(?:for|of|the|and|to|in|on|a|with|through|from|at|by|into|under|after|"
                r"over|beyond|without)[^\S\n]+)*[A-Z][\w’'-]*)*")  # within one paragraph
_SUBTITLE = r"(?::\s+[a-z][^,.;:“”‘’\"\n]{3,90})?"
#: Title words that stop before "and the": "the Code of Governance for Harbour Trusts" + " and the … Manual".
_ONE_TITLE_WORDS = (r"[A-Z][\w’'-]*(?:[^\S\n]+(?:(?:for|of|the|and(?![^\S\n]+the\b)|to|in|on|a|with|through|from|at|by|"
                    r"into|under|after|over|beyond|without)[^\S\n]+)*[A-Z][\w’'-]*)*")
#: A title's own years: "NHS in Scotland 2016", "Kelvin and Clyde Sustainability Plan 2024–27".
_TITLE_YEARS = r"(?:[^\S\n]+(?:19|20)\d\d(?:[–/-](?:19|20)?\d\d)?)?"
#: A subtitle in either case: "Better Leadership for Tomorrow: NHS Leadership Review".
_ANY_SUBTITLE = rf"(?::\s+(?:{_TITLE_WORDS}|[a-z][^,.;:“”‘’\"\n]{{3,90}}))?"
#: What a kind of document may say it is about before its title: "review of NHS leadership", "plan for health".
_SUBJECT = r"(?:\s+(?:of|on|into|for)\s+[A-Za-z][^,.;:“”‘’\"\n]{1,50}?)?"
#: "the 1989 white paper Working for Patients", "its white paper, Integration and Innovation: working together …,"
_PAPER_TITLE = re.compile(rf"\b(?:white|green)\s+paper,?[ ]+(?P<title>{_TITLE_WORDS}{_SUBTITLE})(?=[\s,.;])")
#: "The white paper, Integration and innovation: working together to …, published": a sentence-case title held
#: together by its subtitle.
_PAPER_SENTENCE_TITLE = re.compile(
    r"\b(?:white|green)\s+paper,?[ ]+(?P<title>[A-Z][^,.;:“”‘’\"\n]{3,80}:\s+[^,.;“”‘’\"\n]{3,120})(?=[,.;\n])")
#: "The survey, Leading Through Covid, received …", "the consultation, Leading the NHS: proposals to …, asks",
#: "The Welsh Government’s long-term plan, A Healthier Wales, promised", "a statutory code, the Acas Code of …,"
_APPOSITIVE_TITLE = re.compile(
    rf"\b(?:survey|report|consultation|guide|guidance|strategy|submission|review|framework|toolkit|plan|code|"
    rf"charter|vision)(?:\s+(?:document|paper))?{_SUBJECT},\s+(?:the\s+)?(?P<title>{_TITLE_WORDS}(?:\?\s+{_TITLE_WORDS})?{_ANY_SUBTITLE}{_TITLE_YEARS})"
    r"(?=[,.;])(?![,.;]\s+(?:said|says|told|tells|warned|added)\b)")
#: "MiP’s Respect at Work survey", "the Fit for the Future review": capitalised words held together by small ones,
#: then the kind of document in lower case.
_OWNED_TITLE_THEN_KIND = re.compile(
    r"(?:[’']s|\b(?:the|its|our|their|his|her))\s+(?P<title>(?P<head>[A-Z][\w-]*(?:\s+(?:(?:at|for|of|the|and|in|on|to|"
    r"with)\s+)+[A-Z][\w-]*)+)\s+(?:survey|review|report|plan|strategy|framework|charter|audit|inquiry))\b")
#: "the shift towards care closer to home set out in A Healthier Wales": a capitalised title where a policy is set out.
_SET_OUT_IN_TITLE = re.compile(
    rf"\b(?:set\s+out|outlined|laid\s+out|promised|described)\s+in\s+(?:the\s+)?(?P<title>(?:A |An )?{_TITLE_WORDS}{_ANY_SUBTITLE}{_TITLE_YEARS})"
    r"(?=[,.;]|\s+[a-z])")
#: A title with a subtitle after publishing or answering it: "MiP responds to Fit for the Future: 10 Year Health
#: Plan for England", "NHS England has published Supporting our NHS people through menopause: guidance for …,",
#: "MiP responds to the Scottish Government’s Everyone Matters: 2020 Workforce Vision".
_COLON_TITLE = r"[A-Z0-9](?:(?!\s')[^,.;:“”‘’\"\n]){2,80}?:\s+[A-Za-z0-9][^,.;:“”‘’\"\n]{2,120}?"
_PUBLISHED_TITLE = re.compile(
    r"\b(?:responds?\s+to|respond(?:ed|ing)\s+to|response\s+to|publication\s+of|publishe[sd]|launche[sd]|"
    r"unveil(?:s|ed))[^\S\n]+(?:the[^\S\n]+)?"
    r"(?:(?:[A-Z][\w-]*\s+(?:(?:of|and|for)\s+)?)*[A-Z][\w-]*[’']s\s+)?"  # "the Department of Health’s …"
    rf"(?P<title>{_COLON_TITLE})(?=,|\.(?:\s|$)|\n|$)")
#: "Hard Truths: The Journey to Putting Patients First, published today, accepts …", "Data for all: sharing …,
#: published last month, sets out": a title in either case, then that it was published.
_TITLE_PUBLISHED = re.compile(
    rf"(?:^|(?<=\n)|(?<=[.!?]\s))(?:(?:When|After|Since|Before|Until|Once)\s+)?(?:The\s+)?"
    rf"(?P<title>(?:{_TITLE_WORDS}|[A-Z][\w’'-]*(?:[^\S\n]+[a-z][\w’'-]*){{1,8}}):\s+[A-Za-z0-9][^,.;:“”‘’\"\n]{{2,120}}?)"
    r"(?:,\s+|\s+(?:was|were|is)\s+(?:\w+\s+)?)"
    r"(?:published|launched|released)\b")
#: A code's subject in lower case after "on", up to the sentence's verb: "the Acas Code of Practice on flexible working
#: requests sets …" (after "for" it is what the code is for: "… Code of Practice for the international recruitment …").
_LOWER_SUBJECT = (r"[a-z][\w-]*(?:\s+(?:and\s+)?[a-z][\w-]*){0,4}"
                  r"(?=[,.;:)\n]|\s+(?:sets|says|requires|is|was|which|that|will|gives|applies|recommends|but|and\s+(?:the|a|an|its))\b)")
#: "The ACAS Code of Practice on Settlement Agreements recommends …", "the Code of Governance for NHS Provider
#: Trusts": a statutory code of practice or conduct, or a code of governance.
_CODE_TITLE = re.compile(
    rf"(?<![\w’'-])(?P<title>(?:(?!(?:Its|Their|Our|His|Her|This|That|A|An)\s)[A-Z][\w&’'-]*[^\S\n]+)*(?:(?:Code|Statement)\s+of\s+(?:Practice|Conduct)|Code\s+of\s+[A-Z][a-z]+)(?:\s+(?:on|for)\s+{_ONE_TITLE_WORDS}|\s+on\s+{_LOWER_SUBJECT})?)")
#: When a subtitle runs on into the sentence: "… across England at the end of November", "… in March".
_TIME_TAIL = re.compile(
    r"\s+(?:(?:at|by)\s+the\s+(?:end|start|beginning)\s+of|in|on|last|this|(?:earlier|later)(?:\s+(?:this|last|next))?)\s+(?:the\s+)?"
    r"(?:\d{1,2}\s+(?=[A-Z]))?(?:January|February|March|April|May|June|July|August|September|October|November|December|week|month|year|"
    r"spring|summer|autumn|winter|today|\d{4})\b.*$|\s+(?:today|yesterday)$")
#: "MiP responds to Leadership for a collaborative and inclusive future, the review of …": a sentence-case title
#: answered or published, then said to be a document.
_PUBLISHED_TITLE_THEN_KIND = re.compile(
    r"\b(?:responds?\s+to|respond(?:ed|ing)\s+to|response\s+to|publication\s+of|publishe[sd]|launche[sd])[^\S\n]+"
    r"(?P<title>[A-Z][^,.;:“”‘’\"\n]{3,100}?(?::\s+[^,.;:“”‘’\"\n]{3,100}?)?)" + lexicon.KIND_AFTER_TITLE)
#: "The review published this month, Disparities in the risk and outcomes of COVID-19, makes …": a sentence-case
#: title between commas after a document word, followed by the sentence's verb.
_APPOSITIVE_SENTENCE_TITLE = re.compile(
    r"\b(?:survey|report|consultation|guide|guidance|strategy|submission|review|framework|paper)(?:\s+[\w’'-]+){0,7},\s+"
    r"(?P<title>[A-Z][^,.;:“”‘’\"\n]{3,100}?(?::\s+[^,.;“”‘’\"\n]{3,90})?),\s+(?=[a-z]+(?:s|ed)\b|(?:had|will|found|drew|made|gave|took|showed|set|put|came|is|are)\b)")
#: "the Messenger review, Leadership for a collaborative and inclusive future, which recommended …": the same,
#: right after the document word (or its subject) and before "which".
_APPOSITIVE_TITLE_WHICH = re.compile(
    r"\b(?:survey|report|consultation|guide|guidance|strategy|submission|review|framework|paper)"
    r"(?:\s+(?:of|on|into)\s+[\w’' -]{1,40}?)?,\s+(?P<title>[A-Z][^,.;:“”‘’\"\n]{3,100}?(?::\s+[^,.;“”‘’\"\n]{3,90})?),\s+which\b")
#: "The report that landed on 8 June, Health and social care review: leadership for …, turned out to be": the same,
#: the description up to seven words long and the verb in the past.
#: "A Healthier Wales, the Welsh Government’s long-term plan", "Closing the Gap, the department’s list of priorities"
_TITLE_THEN_KIND = re.compile(
    rf"(?<![\w’'-])(?!(?:According|In|On|At|For|With|As|After|Before|Under|Since|By|From|Following|During|[A-Z][a-z]+ed)\b)"
    rf"(?P<title>(?:A |An )?{_TITLE_WORDS}),\s+(?:the|its|their|our)\s+(?:[\w’'-]+\s+){{0,4}}?"
    r"(?:plan|strategy|report|review|framework|white paper|green paper|guidance|list of priorities|survey|"
    r"consultation|inquiry)\b")
#: "His team’s report Partnership Without Power, published in May, found …": a document word, its title, and when
#: it was published.
_KIND_THEN_TITLE_PUBLISHED = re.compile(
    rf"\b(?:report|survey|review|study|guide|paper|briefing){_SUBJECT},?\s+(?P<title>{_TITLE_WORDS}"
    rf"(?:\?\s+{_TITLE_WORDS})?{_ANY_SUBTITLE}(?:,\s+\d{{4}}(?:[–-]\d{{2,4}})?)?),\s+(?:published|launched|released)\b")
#: "The Lennox review, …, formally titled Integration Revisited: A Review of …, was published": a title after
#: "titled" without quote marks.
_TITLED = re.compile(
    rf"\b(?:formally\s+|officially\s+)?(?:titled|entitled|under\s+the\s+title)[^\S\n]+(?P<title>{_TITLE_WORDS}{_ANY_SUBTITLE}{_TITLE_YEARS})"
    r"(?=[,.;]|\s+[a-z])")
#: "Examining New Options and Opportunities for Providers of NHS Care – better known as the Dalton review"
_TITLE_KNOWN_AS = re.compile(
    rf"(?P<title>{_TITLE_WORDS}{_ANY_SUBTITLE})\s*(?:,|[–—-]|\()\s*(?:(?:better|widely|commonly|also)\s+)?known\s+as\s+"
    r"the\s+[A-Z][\w’'-]+\s+(?:review|report|inquiry|investigation)\b")
#: "the commitment in Fit for the Future: " + "10 Year Health Plan for England": a title whose subtitle is a report
#: the article (or the project) already knows.
_TITLE_BEFORE_COLON = re.compile(rf"(?<![\w’'-])(?P<title>{_TITLE_WORDS}):\s+$")
#: "We are the NHS: " or "Fit for the future: " opening a sentence before a report's name: a title in any case.
_OPENING_BEFORE_COLON = re.compile(
    r"(?:^|(?<=\n)|(?<=[.!?][^\S\n])|(?<=[.!?][’”][^\S\n])|(?<=[a-z][a-z][^\S\n]))"
    r"(?P<title>[A-Z][\w’'-]*(?:[^\S\n]+[\w’'-]+){2,5}):[^\S\n]+$")
#: What may open a sentence before such a title: "When …", "And …", "The government’s …".
_OPENING_LEAD = re.compile(r"(?:(?:When|After|Since|Before|Until|Once|And|But|As|If|While|Then|So|In|On|Under)\s+)?"
                           r"(?:(?:The|the)\s+)?(?:(?:[\w-]+\s+)?[\w-]+[’']s\s+)?")
#: "Launching Fit for the Future: …, ministers said": what was done to the title is not part of it.
_EVENT_GERUND = re.compile(r"(?:Launching|Publishing|Welcoming|Announcing|Unveiling|Introducing|Presenting)\s+(?=[A-Z0-9])")
#: Words that end a sentence-case title running into its sentence: the verb or clause that follows it.
_CLAUSE_WORD = (r"(?:which|that|who|whose|published|sets?|setting|includes?|included|gave|gives|was|were|is|are|will|"
                r"would|has|had|have|makes?|made|says?|said|calls?|called|asks?|asked|promises?|promised|requires?|"
                r"required|expects?|expected|puts?|put|aims?|aimed|commits?|committed|contains?|contained|describes?|"
                r"described|outlines?|outlined|recommends?|recommended|proposes?|proposed|also|but|should|could|can|"
                r"may|must|did|does|in|on|at|by|last|this|from|when|as|with|before|after|until|since|because|and\s+(?:the|a|an|its|their)|"
                r"or|to\s+be|than|rather|so|if|while)\b")
#: "the Delivery plan for recovering urgent and emergency care services, published …", "NHS England’s HR
#: framework for developing integrated care boards includes …", "the Urgent and emergency care plan 2025/26": a
#: title in sentence case, told by its capital in mid-sentence, its kind of document, and a purpose or its years.
_SENTENCE_CASE_TITLE = re.compile(
    r"(?:\b(?:the|its|their|our)|[’']s)[^\S\n]+"
    r"(?P<title>(?P<head>[A-Z][a-z]+|[A-Z]{2,5})(?:[^\S\n]+(?:and[^\S\n]+)?[a-z][\w-]*){0,5}?[^\S\n]+"
    r"(?:(?:[Pp]lan|[Ff]ramework|[Ss]trategy|[Gg]uidance|[Pp]rogramme|[Tt]oolkit)[^\S\n]+for[^\S\n]+[a-z]+ing"
    rf"(?:[^\S\n]+(?!{_CLAUSE_WORD})[\w’'-]+){{1,8}}?(?=[,.;:)\n]|[^\S\n]+{_CLAUSE_WORD})"
    r"|(?:plan|framework|strategy|review|report|survey)[^\S\n]+(?:19|20)\d\d(?:/\d\d)?(?![\w/])))")
def _quoted(longest: int) -> str:
    """A title in double or single quote marks, up to `longest` characters, as the group "double" or "single" (a
    title in “…” may hold an apostrophe’s)."""
    return (rf"(?:[“\"](?P<double>[A-Z0-9][^“”\"\n]{{3,{longest}}}?)[”\"]"
            rf"|[‘'](?P<single>[A-Z0-9][^‘’'\n]{{3,{longest}}}?)[’'])")


#: The sentence's verb after a title set off by commas: "…, was published", "…, which", "…, found".
_VERB_AFTER_TITLE = (r",\s+(?=(?:which|was|were|is|are|has|had|will|would|could|found|finds|made|makes|set|sets|"
                     r"put|puts|gave|gives|promised|promises|argued|argues|published|called|calls|recommended|"
                     r"recommends|concluded|concludes|warned|warns)\b)")
#: "The panel’s report, Systems, Not Structures: Changing Health and Social Care, was published", "a group clinical
#: strategy, Two Hospitals, One Standard, which …", "The CQC’s report, Learning, candour and accountability, found":
#: a title that holds a comma, set off by commas after a document word and followed by the sentence's verb.
_APPOSITIVE_COMMA_TITLE = re.compile(
    r"\b(?:survey|report|consultation|guide|guidance|strategy|submission|review|framework|paper|plan|business\s+case|"
    r"agreement|toolkit|charter|booklet)(?:\s+(?:of|on|into|for|to)\s+[\w’' -]{1,40}?)?,\s+"
    r"(?P<title>[A-Z][^.;:“”‘’\"\n]{2,100}?,\s+[^.;:“”‘’\"\n]{2,100}?(?::\s+[^.;“”‘’\"\n]{3,120}?)?)" + _VERB_AFTER_TITLE)
#: "New Decade, New Approach, the agreement that …", "Her report, One System, Five Trusts, …" read the other way:
#: a capitalised title holding a comma, then what kind of document it is.
_COMMA_TITLE_THEN_KIND = re.compile(
    r"(?:^|(?<=\n)|(?<=[.!?]\s)|\b(?:in|to|of|from|under|by|and)\s+)"
    r"(?P<title>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*,\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)+),\s+(?:the|its|their|our)\s+"
    r"(?:[\w’'-]+\s+){0,4}?(?:plan|strategy|report|review|framework|white\s+paper|green\s+paper|guidance|survey|"
    r"consultation|inquiry|agreement|deal)\b")
#: "the Department of Health’s No More Silos action plan", "its Rebuilding Health and Social Care Services strategic
#: framework": capitalised words, then a two-word kind of document in lower case (the title is the capitalised part).
_TITLE_THEN_TWO_WORD_KIND = re.compile(
    r"(?:[’']s|\b(?:the|its|our|their))\s+(?P<title>(?P<head>[A-Z][\w-]*)(?:\s+(?:(?:and|of|for|the|to|in|on|with)\s+)*"
    r"[A-Z][\w-]*){1,7})\s+(?:action|strategic|delivery|improvement|implementation|transformation|recovery|"
    r"investment)\s+(?:plan|framework|programme|strategy)\b")
#: "the Goldacre review – formally Better, broader, safer: using health data for research and analysis – called":
#: a formal title between dashes.
_FORMALLY_TITLE = re.compile(r"[–—]\s+formally\s+(?P<title>[A-Z][^–—.;\n]{3,140}?)\s+[–—]")
#: "welcomed the central message of Making Digital Work: An Independent Review of Health Information Technology …",
#: "as part of Build Back Better: Our Plan for Health and Social Care": capitalised words, a colon and a capitalised
#: subtitle of three words or more, in mid-sentence.
_MID_SENTENCE_COLON_TITLE = re.compile(
    rf"\b[a-z][a-z’'-]*[^\S\n]+(?:[A-Z][\w-]*[’']s[^\S\n]+)?"  # "of " or "of September’s " before it
    rf"(?P<title>(?P<head>{_TITLE_WORDS}(?:,[^\S\n]+{_TITLE_WORDS})?):[^\S\n]+(?P<sub>{_TITLE_WORDS}){_TITLE_YEARS})(?![\w’'-])")
#: A sentence-case title with a subtitle, in mid-sentence, where a document is named: after "in", "of", "by",
#: "published", an owner's "’s" or a document word ("set out in Integrating care: next steps to building …",
#: "The forum’s document, Tackling bullying at work: a shared call to action, asks"). The title runs to the
#: sentence's punctuation or verb.
_SENTENCE_COLON_TRIGGER = re.compile(
    r"(?:\b(?:in|of|by|under|from|to|with|published|publishes|publish|welcomed|welcomes|titled|entitled|report|paper|"
    r"consultation|document|strategy|guidance|framework|review|policy)[^\S\n]+|[’']s[^\S\n]+"
    r"|\b(?:report|review|consultation|document|strategy|guidance|framework|plan|paper|policy|survey|first|second|third|"
    r"submission|response)(?:[^\S\n]+[\w’'-]+){0,4}?,[^\S\n]+)(?=[A-Z0-9])")
_SENTENCE_COLON_BODY = re.compile(
    r"(?P<title>(?P<head>[A-Z][\w’'-]*(?:[^\S\n]+[\w’'()/-]+){1,10}?\??):[^\S\n]+"
    r"(?P<sub>[A-Za-z0-9][\w’'()/-]*(?:[^\S\n]+[\w’'()/–-]+){1,16}?))"
    r"(?=[,.;:)]?(?:\n|$)|[,.;][^\S\n]|[^\S\n]*[–—]|[^\S\n]+(?:which|that|was|were|is|are|has|had|will|found|finds|"
    r"sets|published|shows|showed|draws|drew|argues|argued|calls|called|asks|asked|proposes|proposed|"
    r"recommends|recommended|requires|required|promises|promised|in\s+(?:19|20)\d\d)\b)")  # ("a call to action")
#: A document word inside a matched head: the title starts after it ("Department of Health consultation " + …).
_DOCUMENT_WORD_BEFORE_TITLE = re.compile(
    r"\b(?:consultation|report|paper|document|strategy|guidance|framework|review|policy|titled|entitled)[^\S\n]+(?=[A-Z0-9])")
#: What a clause has and a title's words do not: a speech verb, a pronoun, a finite verb.
_NOT_TITLE_WORDS = re.compile(
    r"\b(?:said|says|told|tells|added|adds|argues|argued|warned|warns|writes|wrote|asked|explains|it|we|they|he|she|"
    r"you|its|their|his|her|our|your|is|was|are|were|be|has|have|had|will|would|can|could|should|must|do|does|did|"
    r"means|if|when|because)\b")


def _sentence_colon_titles(text: str, mentions: list[Mention]) -> list[re.Match]:
    """Sentence-case titles with a subtitle where a document is named (see _SENTENCE_COLON_TRIGGER): not a clause
    before a colon ("For the board it was about money: …"), nor a name before one ("wrote to NHS England: …")."""
    found, headline_end = [], text.find("\n")
    for trigger in _SENTENCE_COLON_TRIGGER.finditer(text):
        match = _SENTENCE_COLON_BODY.match(text, trigger.end())
        if not match:
            continue
        inner = list(_DOCUMENT_WORD_BEFORE_TITLE.finditer(match.group("head")))
        if inner:  # "… Social Care consultation " + "Leading the NHS: proposals to …"
            match = _SENTENCE_COLON_BODY.match(text, match.start("title") + inner[-1].end())
            if not match:
                continue
        start, head, sub = match.start("title"), match.group("head"), match.group("sub")
        if len(head.split()) < 2 or len(sub.split()) < 2 or _NOT_TITLE_WORDS.search(head) or _NOT_TITLE_WORDS.search(sub):
            continue
        if match.start() < headline_end or any((m.label != "REPORT" and m.start <= start < m.end) or (
                m.start <= start and m.end > match.end("head")) for m in mentions):
            continue  # not in the headline; not from a name ("by NHS England in " + "…: …"); not over a known title
        if any(m.end == match.end("head") or (m.start == match.start("sub") and (
                m.end < match.end("title") or m.label != "REPORT")) for m in mentions):
            continue  # "the … Handbook: one month’s pay …", "Fit for the Future: 10 Year … to invest …", "…: Will Hardy"
        found.append(match)
    return found


#: A title's opening verb ("Achieving World-Class Cancer Outcomes: …"): the model may call it a body, but bodies are not
#: named with a gerund.
_GERUND_HEAD = re.compile(r"(?!(?:Spring|Reading|Kettering|Worthing|Epping|Sterling|Darling|Wellbeing)\s)[A-Z][a-z]{2,}ing\s")
#: "a ‘Your Guide to the 2015 Scheme’ booklet": a quoted title, then the kind of document.
_QUOTED_TITLE_KIND_NEXT = re.compile(
    _quoted(80) + r"\s+"
    r"(?:booklet|guide|leaflet|factsheet|toolkit)\b")  # (a quoted "… survey" is found with its kind: "X survey")
#: "MiP responds to NHS England’s ‘Next steps towards …’", "responds to the Department of Health’s consultation
#: ‘Strengthening …’", "publish ‘Integrating care: next steps to …’": a quoted title answered or published, maybe
#: after its owner and what kind of document it is (a long title holds a subtitle).
_OWNED_QUOTED_TITLE = re.compile(
    r"\b(?:responds?\s+to|respond(?:ed|ing)\s+to|response\s+to|publication\s+of|publish(?:es|ed)?|launch(?:es|ed)?|"
    r"commenting\s+on)[^\S\n]+(?:the[^\S\n]+)?(?:(?:[A-Z][\w-]*[^\S\n]+(?:(?:of|and|for)[^\S\n]+)?)*[A-Z][\w-]*[’']s[^\S\n]+)?"
    r"(?:(?:own|new|latest|draft|final|consultation|document|report|paper|review|guidance|strategy|plan|framework)"
    r"[^\S\n]+){0,3}" + _quoted(160) + r"(?![\w])")
_QUOTED_TITLE = re.compile(
    rf"\b(?:{lexicon.DOCUMENT_THEN_COMMA}"
    r"|report|guide|guidance|evidence|survey|paper|briefing|titled|entitled|called|publication|toolkit|leaflet|"
    r"published|publishes|launched|launches|commissioned|responds to|response to|framework|plan|charter|code|"
    r"booklet|strategy|submission|handbook|manifesto|charter)[,:]?\s+"
    + _quoted(80) + r"(?![\w])")


#: "MiP responds to ‘Leadership for a collaborative and inclusive future’, the review of …"
_QUOTED_TITLE_THEN_KIND = re.compile(
    _quoted(100)
    + lexicon.KIND_AFTER_TITLE)


_LEADING_CONJUNCTION = re.compile(r"^(?:And|But|Or|So|Now|Then|Yet|While|When)\s+")


def with_unquoted_titles(text: str, mentions: list[Mention]) -> list[Mention]:
    """"The 1989 white paper Working for Patients", "The survey, Leading Through Covid, received": a capitalised
    title (with a lower-case subtitle after a colon) right after a white paper, or set off by commas after a
    document word."""
    matches = [*_PAPER_TITLE.finditer(text), *_PAPER_SENTENCE_TITLE.finditer(text),
               *(m for m in _CODE_TITLE.finditer(text) if len(m.group("title").split()) > 3),
               *(m for m in _KIND_THEN_TITLE_PUBLISHED.finditer(text)  # not "review of the Care Quality Commission"
                 if len(m.group("title").split()) > 1 and not _known_body_covers(m.span("title"), mentions)),
               *(m for m in [*_PUBLISHED_TITLE.finditer(text), *_TITLE_PUBLISHED.finditer(text)]
                 if len(m.group("title").split(":")[0].split()) > 1),
               *(m for m in _PUBLISHED_TITLE_THEN_KIND.finditer(text) if len(m.group("title").split()) > 2),
               *(m for m in _SET_OUT_IN_TITLE.finditer(text)  # not "the February 2021 (white paper)"
                 if len([w for w in m.group("title").split() if not w[0].isdigit()]) > 1 and not _known_name_opens(m.span("title"), mentions)),
               *(m for m in _OWNED_TITLE_THEN_KIND.finditer(text)  # not "the Department of Health review"
                 if not any(o.label != "REPORT" and o.text == m.group("head") for o in mentions)
                 and not known_names().get(m.group("head").lower())),
               *(m for m in _APPOSITIVE_TITLE.finditer(text) if len(m.group("title").split()) > 1),
               *(m for m in _TITLE_KNOWN_AS.finditer(text) if len(m.group("title").split()) > 2),
               *(m for m in _TITLED.finditer(text) if len(m.group("title").split()) > 1),
               *(m for m in [*_APPOSITIVE_SENTENCE_TITLE.finditer(text), *_APPOSITIVE_TITLE_WHICH.finditer(text)]
                 if 2 < len(m.group("title").split()) <= 14 and not re.search(r"\b(?:said|says)\b", m.group("title"))),
               *(m for m in _SENTENCE_CASE_TITLE.finditer(text)
                 if not known_names().get(m.group("head").lower()) and not _named_beyond(m.span("head"), mentions)
                 and m.group("head") not in lexicon.NOT_TITLE_HEADS),
               *(m for m in _APPOSITIVE_COMMA_TITLE.finditer(text) if _title_of_parts(m, mentions)),
               *(m for m in _COMMA_TITLE_THEN_KIND.finditer(text) if _title_of_parts(m, mentions)),
               *(m for m in _TITLE_THEN_TWO_WORD_KIND.finditer(text)
                 if not _named_already(m.span("title"), mentions) and not known_names().get(m.group("head").lower())),
               *(m for m in _FORMALLY_TITLE.finditer(text) if len(m.group("title").split()) > 2),
               *(m for m in _MID_SENTENCE_COLON_TITLE.finditer(text)
                 if len(m.group("head").split()) > 1 and len(m.group("sub").split()) > 2
                 and not (_named_already(m.span("head"), mentions) and not _GERUND_HEAD.match(m.group("head")))),
               *_sentence_colon_titles(text, mentions),
               *(m for m in _TITLE_THEN_KIND.finditer(text)  # "NHS Providers, the body that …" is no title
                 if len(m.group("title").split()) > 1 and not _named_already(m.span("title"), mentions)
                 and not re.search(r" (?:Day|Week)$", m.group("title")))]  # "on International Women’s Day, the …"
    for report in [m for m in mentions if m.label == "REPORT"]:
        head = _TITLE_BEFORE_COLON.search(text, max(0, report.start - 60), report.start)
        event = _EVENT_GERUND.match(head.group("title")) if head else None  # "Launching " + "Fit for the Future: …"
        start = head.start() + (event.end() if event else 0) if head else 0
        found = head and len(text[start:head.end("title")].split()) > 1 and (
            event or re.search(r"\b[a-z]+[^\S\n]+$", text[max(0, head.start() - 20):head.start()]))
        opening = None if found else _OPENING_BEFORE_COLON.search(text, max(0, report.start - 60), report.start)
        lead = _OPENING_LEAD.match(opening.group("title")) if opening else None  # "When " / "The government’s "
        if opening and len(opening.group("title")[lead.end():].split()) >= 3 and len(report.text.split()) >= 3:
            head, start, found = opening, opening.start("title") + lead.end(), True  # "We are the NHS: " + "People …"
        if found:
            mentions = [m for m in mentions if not (start <= m.start < report.start)]
            report.text, report.start = text[start:report.end], start  # "Fit for the Future: 10 Year …"
    for match in matches:
        trimmed = re.sub(r"\s+\([A-Z]{2,6}\)$", "", _TIME_TAIL.sub("", match.group("title")).rstrip("’'"))  # "… (HTSD)"
        kind = list(_DOCUMENT_WORD_BEFORE_TITLE.finditer(trimmed.split(":")[0])) if ":" in trimmed else []
        bare = LEADING_THE.sub("", _LEADING_CONJUNCTION.sub("", trimmed[kind[-1].end():] if kind else trimmed))
        # ("The ACAS Code …", "And We Are the NHS: …", "Health and Social Care consultation " + "Leading …: …")
        start, end = match.start("title") + len(trimmed) - len(bare), match.start("title") + len(trimmed)
        if bare.split()[0].lower().rstrip(".") in lexicon.TITLES:
            continue  # "led by General Sir Gordon Messenger and Dame …": people, not a document's title
        mentions = [m for m in mentions if not (start <= m.start and m.end <= end)]
        mentions.append(Mention(text[start:end], "REPORT", start, end))
    for start, end in _comma_titles_before_initials(text):  # "Our Arden, Our Wyre (OAOW)"
        mentions = [m for m in mentions if not (m.start < end and start < m.end)]
        mentions.append(Mention(text[start:end], "REPORT", start, end))
    reports = [m for m in mentions if m.label == "REPORT"]
    mentions = [m for m in mentions if not (m.label == "REPORT" and re.match(r"[A-Z][\w-]*[’']s ", m.text) and any(
        o is not m and o.start < m.end and m.start < o.end for o in reports))]  # "Health’s Rebuilding …" beside "Rebuilding …"
    return sorted(mentions, key=lambda m: m.start)


def with_quoted_titles(text: str, mentions: list[Mention]) -> list[Mention]:
    """"its written evidence, ‘Fair Pay for Senior Leaders’," / "its guide, 'Know Your Rights in a Restructure'": a
    title in quote marks after a document word is a REPORT; it replaces the pieces the model found inside it."""
    owned = [m for m in _OWNED_QUOTED_TITLE.finditer(text)  # (a long one has a subtitle)
             if len(m.group("double") or m.group("single")) <= 80 or ": " in (m.group("double") or m.group("single"))]
    for match in [*_QUOTED_TITLE.finditer(text), *_QUOTED_TITLE_THEN_KIND.finditer(text),
                  *_QUOTED_TITLE_KIND_NEXT.finditer(text), *owned]:
        group = "double" if match.group("double") else "single"  # a title in “…” may hold an apostrophe’s
        title = match.group(group)
        head = title.split(": ")[0].replace(",", "").rstrip("?")  # "One Team, One Office", "Paying for Paperwork?"
        if not is_title(head, re.findall(r"[\w’'-]+", head)) and not _capitalised_head(head):
            continue
        start = match.start(group)
        mentions = [m for m in mentions if not (start <= m.start and m.end <= start + len(title))
                    and not (m.label == "REPORT" and m.start < start + len(title) and start < m.end)]
        bare = LEADING_THE.sub("", title)  # "The Snowy White Peaks of the NHS"
        start, title = start + len(title) - len(bare), bare
        mentions.append(Mention(title, "REPORT", start, start + len(title)))
    return sorted(mentions, key=lambda m: m.start)


def _title_of_parts(match: re.Match, mentions: list[Mention]) -> bool:
    """A title holding commas, whose parts are not people or bodies ("The review, Jane Doe, its chair, …" is no
    title) nor a clause ("…, published in May"); three to fourteen words."""
    title = match.group("title")
    if not 2 < len(title.split()) <= 14 or re.search(r"\b(?:said|says|told|chair|chief|secretary)\b", title):
        return False
    if any(re.match(_CLAUSE_WORD, part.strip()) for part in title.split(",")[1:]):
        return False  # "Better Together? Group Models in the English NHS, published in September, found"
    start = match.start("title")
    for part in re.finditer(r"[^,]+", title):
        span = (start + part.start() + len(part.group()) - len(part.group().lstrip()), start + part.end())
        if any(m.label != "REPORT" and m.start <= span[0] and span[1] <= m.end
               and (m.label != "PERSON" or " " in m.text) for m in mentions):
            return False  # (a lone capitalised word the model calls a person may open a title: "Wards, Not …")
    return True


def _named_already(span: tuple[int, int], mentions: list[Mention]) -> bool:
    """Whether an organisation, trust or person already covers the whole span (it names no document)."""
    return any(m.label != "REPORT" and m.start <= span[0] and span[1] <= m.end for m in mentions)


def _named_beyond(span: tuple[int, int], mentions: list[Mention]) -> bool:
    """Whether a person, a trust or a longer name holds the word at `span` (a lone capitalised word the model
    called an organisation does not: "Delivery" of "Delivery plan for …")."""
    return any(m.start <= span[0] < m.end and (m.label in ("PERSON", "TRUST") or (m.start, m.end) != span)
               for m in mentions if m.label != "REPORT")


def _known_body_covers(span: tuple[int, int], mentions: list[Mention]) -> bool:
    """Whether a known body or a trust already covers the whole span ("the Care Quality Commission")."""
    return any(m.label != "REPORT" and m.start <= span[0] and span[1] <= m.end
               and (m.label == "TRUST" or known_names().get(m.text.lower())) for m in mentions)


def _known_name_opens(span: tuple[int, int], mentions: list[Mention]) -> bool:
    """Whether a known body, a trust or a person opens the span ("set out in NHS England guidance")."""
    return any(m.start == span[0] and (m.label in ("PERSON", "TRUST") or known_names().get(m.text.lower()))
               for m in mentions)


def _capitalised_head(head: str) -> bool:
    """"Holding the line", "Pressure points": a title in sentence case (first word capitalised, two words or more)."""
    return len(head.split()) >= 2 and head[0].isupper() and not re.search(r"[.!?]", head)


#: An owner's capitalised words before its document: "NHS England’s " + "ICB " + "Executive Pay Framework".
_OWNED_HEAD = re.compile(r"[’']s\s+(?P<run>[A-Z][\w&-]*(?:\s+(?:(?:and|of|for|&)\s+)?[A-Z][\w&-]*)*)\s+$")
#: "From the Five Year Forward View to the Long Term Plan": two documents, not one.
_FROM_ONE_TO_ANOTHER = re.compile(r"(?P<first>.+?) to (?:the )?(?P<second>.+)")


def with_titles_apart(text: str, mentions: list[Mention]) -> list[Mention]:
    """A report named twice is a report at every mention (a title first found after "set out in" is found again
    where it opens a sentence), unless a longer report already holds that place; "from the X to the Y" names two
    reports; a lone word the model called an organisation inside a report's title ("Future" of "Fit for the
    Future") names nothing."""
    result = []
    for mention in mentions:
        pair = _FROM_ONE_TO_ANOTHER.fullmatch(mention.text) if mention.label == "REPORT" else None
        if pair and re.search(r"\b[Ff]rom\s+(?:the\s+)?$", text[max(0, mention.start - 9):mention.start]) and all(
                _names_report(pair.group(part)) for part in ("first", "second")):
            result += [Mention(pair.group(part), "REPORT", mention.start + pair.start(part),
                               mention.start + pair.end(part)) for part in ("first", "second")]
        else:
            result.append(mention)
    for report in [m for m in result if m.label == "REPORT"]:
        owned = _OWNED_HEAD.search(text, max(0, report.start - 80), report.start)
        inside = [m for m in result if owned and owned.start("run") <= m.start and m.end <= report.start]
        if owned and not any(m.label != "REPORT" and known_names().get(m.text.lower()) for m in inside):
            result = [m for m in result if m not in inside]  # "the Scottish Government’s Health and Social Care"
            report.text, report.start = text[owned.start("run"):report.end], owned.start("run")  # + "Service …"
    titles = {m.text for m in result if m.label == "REPORT" and len(m.text.split()) >= 3}
    words_in_titles = {word for title in titles for word in re.findall(r"[\w’'-]+", title)}
    result = [m for m in result if not (m.label == "ORG" and m.text in words_in_titles and m.text.istitle()
                                        and not known_names().get(m.text.lower()))]
    for title in sorted(titles, key=lambda t: (-len(t), t)):  # the same order on every run, whatever the hash seed
        for match in re.finditer(rf"(?<![\w’'-]){re.escape(title)}(?![\w’'-])", text):
            start, end = match.span()
            if not any(m.label == "REPORT" and m.start < end and start < m.end and len(m.text) >= len(title)
                       for m in result):  # (a longer report found there keeps its place)
                result = [m for m in result if not (m.start < end and start < m.end)]
                result.append(Mention(title, "REPORT", start, end))
    return sorted(result, key=lambda m: m.start)


def _names_report(name: str) -> bool:
    known = known_names().get(name.lower())
    return (known is not None and known[0] == "REPORT") or name.split()[-1].lower() in lexicon.REPORT_WORDS


_INITIALS_IN_BRACKETS = re.compile(r"[^\S\n]\(([A-Z]{3,6})\)")


def _comma_titles_before_initials(text: str) -> list[tuple[int, int]]:
    """"known locally as Healthy Lives, Strong Communities (HLSC)": a title holding a comma, told by the initials
    in brackets after it (the capitalised words' first letters, in order)."""
    found = []
    for bracket in _INITIALS_IN_BRACKETS.finditer(text):
        initials, end = bracket.group(1), bracket.start()
        words = list(re.finditer(r"[\w’'-]+,?", text[max(0, end - 90):end]))
        offset = max(0, end - 90)
        for first in range(len(words) - 1, -1, -1):
            phrase = text[offset + words[first].start():end]
            capitals = [w for w in re.findall(r"[\w’'-]+", phrase) if w[0].isupper()]
            if "".join(w[0] for w in capitals) == initials:
                bodies = lexicon.ORG_WORDS - {"health", "nhs", "plan", "review", "report", "survey"}
                if ", " in phrase and phrase[0].isupper() and "\n" not in phrase and not known_names().get(
                        phrase.lower()) and not any(w.lower().rstrip(",") in bodies for w in phrase.split()) and all(
                        w[0].isupper() or w.lower().rstrip(",") in ("and", "of", "in", "for", "the", "to", "a", "our")
                        for w in re.findall(r"[\w’'-]+,?", phrase)):
                    found.append((offset + words[first].start(), end))
                break
            if len(capitals) > len(initials):
                break
    return found
