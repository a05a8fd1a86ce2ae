"""Who said each quotation, with which cue, in which stated role.

Tried in order: a cue before the quote in its sentence ("X said: '…'", "according to X"); a cue after it
("'…,' said X", "'…', X said", "he added"); a cue ending the previous paragraph ("… Jane Holloway said:"); a
sentence before it ending in its cue; the one person, or a pronoun, named before the paragraph's first quote; a Q&A
answer (a quote opening the paragraph after a question is the interviewee's, with no cue); the speaker of the quote
just before (a quote split by its attribution, or continuing speech); near the top, the lead's subject (an
interview's subject, or "MiP responds to …" in the standfirst, which also owns a quote in the headline), further
down, the one person named in the paragraph just before. Unnamed speakers ("one member said", and words passed on:
"X said members had described it as '…'") get None; "The health board said", "an ICB spokesperson said" and "the
spokesperson said" are the body named before; "a spokesperson for the union" is MiP. A quote only interrupted by
", she said," is joined into one; a full "she said." sentence between two parts leaves two quotes. Pronouns are
resolved in discourse.py (a fitting person nearby, else the interview's subject, never the interviewer).
"""

import re
from dataclasses import dataclass

from . import cues as cue_words
from . import lexicon
from .cues import Shifted, cue_phrase, folded, is_interruption, unnamed_subject
from .discourse import SENTENCE_END, Discourse, Who, last_sentence_start
from .given_names import pronoun_fits
from .mention import Mention
from .quotes import QuoteSpan
from .roles import role_near

_LEAD_PARAGRAPHS = (1, 0, 2)


#: "A spokesperson for Trentside said": a body by the first word(s) of its name.
_SPOKESPERSON_FOR_SHORT_NAME = re.compile(
    r"\bspokes(?:person|man|woman)\s+(?:for|from|at)\s+(?:the\s+)?([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*)\s*$")


@dataclass
class Quote:
    """A direct quotation with its speaker (canonical entity name), stated role and cue."""

    text: str
    speaker: str | None
    speaker_label: str | None
    role: str | None
    cue: str | None
    start: int
    end: int

    def to_json(self) -> dict:
        return {"text": self.text, "speaker": self.speaker, "speaker_label": self.speaker_label,
                "role": self.role, "cue": self.cue, "start": self.start, "end": self.end}


@dataclass
class _Inherit:
    quote: Quote


class Attributor(Discourse):
    """Attributes every quote of one text; holds the text, its paragraphs and its resolved mentions."""

    def attribute(self, spans: list[QuoteSpan]) -> list[Quote]:
        quotes: list[Quote] = []
        self.quoted = [(span.start, span.end) for span in spans]
        for index, span in enumerate(spans):
            previous = spans[index - 1] if index else None
            who = self._who(span, previous, quotes[-1] if quotes else None)
            quotes.append(self._quote(span, who))
        return self._echoes_spoken_later(self._joined_interruptions(quotes))

    def _echoes_spoken_later(self, quotes: list[Quote]) -> list[Quote]:
        """"‘Interim managers are a symptom, not the cause’ – MiP responds …": words the headline quotes from a
        quotation in the body are that quotation's speaker's, whoever the headline's cue names."""
        title_end = self.paragraphs[0][1] if self.paragraphs else 0
        for index, quote in enumerate(quotes):
            words = folded(quote.text)
            if quote.start > title_end or len(words.split()) < 3:
                continue
            source = next((q for q in quotes if q.start > title_end and q.speaker and words in folded(q.text)), None)
            if source is not None and source.speaker != quote.speaker:
                quotes[index] = Quote(quote.text, source.speaker, source.speaker_label, source.role, source.cue,
                                      quote.start, quote.end)
        return quotes

    def _stated_role(self, canonical: str) -> str | None:
        """The role the article gives a speaker elsewhere ("MiP national officer Jo Bloggs" … "said Bloggs")."""
        for mention in self.mentions:
            if mention.canonical == canonical:
                role = role_near(self.text, mention)
                if role:
                    return role
        return None

    def _joined_interruptions(self, quotes: list[Quote]) -> list[Quote]:
        """"'Churn is costly,' she said, 'and rarely counted.'" is ONE quote: a cue between commas only interrupts
        it. A full stop after the cue ("…," she said. "…") starts a second quote."""
        joined: list[Quote] = []
        for quote in quotes:
            last = joined[-1] if joined else None
            if last is not None and is_interruption(self.text[last.end + 1:quote.start - 1]):
                joined[-1] = Quote(f"{last.text} {quote.text}", last.speaker, last.speaker_label, last.role, last.cue,
                                   last.start, quote.end)
            else:
                joined.append(quote)
        return joined

    def _who(self, span: QuoteSpan, previous: QuoteSpan | None, last: Quote | None) -> Who | _Inherit:
        para = self._paragraph_index(span.start - 1)
        p_start, p_end = self.paragraphs[para]
        seg_start = max(p_start, previous.end + 1) if previous and previous.end > p_start else p_start
        seg_end = self._next_boundary(span, p_end)
        for finder in (lambda: self._cue_before(seg_start, span.start - 1),
                       lambda: self._cue_after(span.end + 1, seg_end),
                       lambda: self._cue_ending_previous(para, seg_start, span),
                       lambda: self._cue_ending_sentence_before(seg_start, span),
                       lambda: self._sentence_subject_before(seg_start, span),
                       lambda: self._one_person_before(seg_start, span),
                       lambda: self._unnamed_before(seg_start, span),
                       lambda: self._pronoun_before(seg_start, span)):
            who = finder()
            if who is not None:
                return who
        answer = self._qa_answer(para, span)
        if answer is not None:
            return answer
        if last is not None and previous is not None and (
                self._paragraph_index(previous.start) >= para - 1
                or (self._paragraph_index(previous.start) >= para - 2 and not self._people(previous.end, span.start))):
            switched = self._pronoun_switch(previous.end, span.start - 1, last)
            return switched or _Inherit(last)  # continuing speech, even past a paragraph that names no one else
        if para <= max(_LEAD_PARAGRAPHS) + 1:  # next to the lead, its subject ("MiP responds to X") speaks
            return self._from_lead(para) or self._previous_paragraph_person(para, span) or Who(None, None)
        return self._previous_paragraph_person(para, span) or self._from_lead(para) or Who(None, None)

    def _pronoun_switch(self, start: int, end: int, last: Quote) -> Who | None:
        """"‘…,’ he says. ¶ She is now mentoring two managers. ¶ “…”": a sentence between the quotes opening with a
        pronoun that cannot be the last speaker hands the quote to whom that pronoun refers."""
        openers = [m for m in cue_words.SENTENCE_PRONOUN.finditer(self.text, start, end)
                   if not any(q_start <= m.start() < q_end for q_start, q_end in self.quoted)]
        if not openers or last.speaker_label != "PERSON" or not last.speaker:
            return None
        pronoun = openers[-1]
        if pronoun_fits(last.speaker.split()[0], pronoun.group(1)):
            return None
        referent = self._pronoun_referent(pronoun.start(1), pronoun.group(1))
        return Who(referent, None) if referent is not None else None

    def _quote(self, span: QuoteSpan, who) -> Quote:
        if isinstance(who, _Inherit):
            q = who.quote
            return Quote(span.text, q.speaker, q.speaker_label, q.role, q.cue, span.start, span.end)
        if who.speaker is not None:
            role = role_near(self.text, who.speaker) or self._stated_role(who.speaker.canonical)
            return Quote(span.text, who.speaker.canonical, who.speaker.label, role, who.cue, span.start, span.end)
        return Quote(span.text, who.name, who.label, None, who.cue, span.start, span.end)

    # -- the attribution patterns -------------------------------------------------------------------------------

    def _cue_before(self, start: int, end: int) -> Who | None:
        """'X said: "…"', 'According to X, "…"', 'One member told us: "…"' (cue in the quote's own sentence)."""
        start = last_sentence_start(self.text, start, end)
        cues = list(lexicon.CUE_RE.finditer(self.text, start, end))
        if not cues:
            return None
        cue = cues[-1]
        if lexicon.RELAYED_RE.search(self.text, start, cue.start()):
            return Who(None, cue_phrase(self.text, cue, self.mentions))  # "X said members had described it as"
        cue_text = cue_phrase(self.text, cue, self.mentions)
        if cue.group(1).lower() in ("according to", "in the words of"):
            return self._speaker(cue.end(), end, cue_text, prefer="first")
        who = self._speaker(start, cue.start(), cue_text, prefer="last")
        named_after = [m for m in self._in(cue.end(), end, "PERSON") if m.start - cue.end() <= 25]
        if who.speaker is None and who.name is None and named_after:
            return Who(named_after[0], cue_text)  # "It was, says Professor Jane Doe of Leeds, ‘…’"
        return who

    def _cue_after(self, start: int, end: int) -> Who | None:
        """'"…," said X' / '"…", X said' / '"…," he added' (cue in the words after the quote)."""
        tail = self.text[start:end]
        cue = lexicon.CUE_RE.search(tail)
        if cue is None or len(tail[:cue.start()].split()) > 12:
            return None
        cue_text = cue_phrase(self.text, Shifted(cue, start), self.mentions)
        if not tail[:cue.start()].strip(" ,.;:–—-\n"):
            return self._speaker(start + cue.end(), end, cue_text, prefer="first")
        after = re.match(r"[^.!?;:\n]{1,40}?(?=[.!?;:]|\n|$)", tail[cue.end():])
        if (after is not None and len(after.group(0).split()) <= 5 and cue.group(1).lower() not in cue_words.LISTENER_CUES
                and not re.match(r"\s*(?:that|it|the)\b", after.group(0))):
            who = self._speaker(start + cue.end(), start + cue.end() + after.end(), cue_text, prefer="first")
            if who.speaker is not None or who.name is not None:
                return who  # "‘…’ for NHS managers, says union": the speaker after an inverted cue
        return self._speaker(start, start + cue.start(), cue_text, prefer="last")

    def _cue_ending_previous(self, para: int, seg_start: int, span: QuoteSpan) -> Who | None:
        """A quote opening its paragraph after '… Jane Holloway said:' / 'As one member told us:'."""
        if para == 0 or self.text[seg_start:span.start - 1].strip():
            return None
        p_start, p_end = self.paragraphs[para - 1]
        tail = self.text[p_start:p_end].rstrip()
        cues = list(lexicon.CUE_RE.finditer(tail))
        if not cues or not (tail.endswith(":") or not tail[cues[-1].end():].strip(" .,:;")):
            return None
        sentence = tail[last_sentence_start(tail, 0, cues[-1].start()):cues[-1].start()]
        if not tail.endswith(":") and re.search(r"[”’\"']", sentence):
            return None  # '"…," she says.' attributes its own quote, not the next paragraph's
        return self._cue_before(p_start, p_start + len(tail))

    def _previous_paragraph_person(self, para: int, span: QuoteSpan) -> Who | None:
        """A quote opening its paragraph after one that names a single person ("X used her speech to …")."""
        if para == 0 or self.text[self.paragraphs[para][0]:span.start - 1].strip():
            return None
        people = {m.canonical: m for m in self._people(*self.paragraphs[para - 1])}
        return Who(next(iter(people.values())), None) if len(people) == 1 else None

    def _qa_answer(self, para: int, span: QuoteSpan) -> Who | None:
        """A Q&A answer: a quote opening its paragraph right after a question is the interviewee's (no cue)."""
        if para == 0 or self.text[self.paragraphs[para][0]:span.start - 1].strip():
            return None
        question = self.text[slice(*self.paragraphs[para - 1])].strip()
        if not question.endswith("?") or re.search(r"[“”\"‘]", question):
            return None
        lead = self._from_lead(para)  # "X answers members' questions" keeps its cue
        if lead is not None and lead.speaker is not None:
            return lead
        subject = self._interview_subject() or next(iter(self._in(0, self.paragraphs[min(1, para - 1)][1], "PERSON")),
                                                    None)
        return Who(subject, None) if subject is not None else None

    def _cue_ending_sentence_before(self, seg_start: int, span: QuoteSpan) -> Who | None:
        """'Her colleague Gareth Lyle, head of estates, agrees. "…"': a sentence ending in its cue names the speaker."""
        before = self.text[seg_start:span.start - 1]
        cue = re.search(rf"(?:{lexicon.CUE_RE.pattern})[.:]\s*$", before, re.IGNORECASE)
        if cue is None or re.search(r"[”’\"']", before):
            return None
        sentence_start = last_sentence_start(self.text, seg_start, seg_start + cue.start())
        people = self._in(sentence_start, seg_start + cue.start(), "PERSON")
        return Who(people[-1], cue.group(1)) if people else None

    def _one_person_before(self, seg_start: int, span: QuoteSpan) -> Who | None:
        """'For MiP’s chief executive, Jane Doe, the lesson is simple. "…"': the one person named before the
        paragraph's first quote is its speaker."""
        if seg_start != self.paragraphs[self._paragraph_index(seg_start)][0] or re.search(
                r"[“”\"‘]", self.text[seg_start:span.start - 1]):
            return None  # after an earlier quote in the paragraph the speaker carries on
        found = self._in(seg_start, span.start - 1, "PERSON")
        people = {m.canonical: m for m in found}
        opens = re.fullmatch(r"(?:(?:Dr|Mr|Mrs|Ms|Miss|Professor|Prof|Sir|Dame|Cllr)\.?\s+)?",
                             self.text[seg_start:found[0].start]) if found else None
        if len(people) > 1 and opens and not re.match(r"[’']s\b", self.text[found[0].end:]):
            people = {found[0].canonical: found[0]}  # "Moyo points to Patricia Hewitt’s review …": the subject
        if len(people) != 1:
            return None
        person = next(iter(people.values()))
        cue = lexicon.CUE_RE.search(self.text, person.end, span.start - 1)
        return Who(person, cue.group(1) if cue else None)

    def _sentence_subject_before(self, seg_start: int, span: QuoteSpan) -> Who | None:
        """'Kwame Asante welcomed it but said members would judge it. ‘…’' / 'Bronwen Hughes, its chief
        executive, says Wells’s calm was remarkable. “…”': the one person opening a sentence between the last
        quote (or the paragraph's start) and this one speaks next."""
        before = self.text[seg_start:span.start - 1]
        if re.search(r"[“”\"‘]", before):
            return None
        people = self._in(seg_start, span.start - 1, "PERSON")
        speaking = [m for m in people if cue_words.SUBJECT_THEN_CUE.match(self.text, m.end)]
        openers = {m.canonical: m for m in people
                   if cue_words.SENTENCE_OPENING.search(self.text[max(seg_start, m.start - 40):m.start]) or m.start == seg_start}
        if speaking:
            person = speaking[-1]  # "Pritchard has … MiP’s officer, Catrin Llewellyn, says …": the one who speaks
        elif len(openers) == 1:
            person = next(iter(openers.values()))
        else:
            return None
        cues = list(lexicon.CUE_RE.finditer(self.text, person.end, span.start - 1))
        return Who(person, cues[-1].group(1) if cues else None)  # "welcomed it but said …": the nearest cue

    def _unnamed_before(self, seg_start: int, span: QuoteSpan) -> Who | None:
        """'One member told us she was left out. “…”': the unnamed person of the sentence before speaks."""
        before = self.text[seg_start:span.start - 1]
        cue = None if re.search(r"[“”\"‘]", before) else cue_words.unnamed_speaker_cue(before)
        return Who(None, cue) if cue else None

    def _pronoun_before(self, seg_start: int, span: QuoteSpan) -> Who | None:
        """'What got the trust through, he believes, was … "…"': a pronoun before the paragraph's first quote."""
        before = self.text[seg_start:span.start - 1]
        pronoun = lexicon.PRONOUN_RE.search(before)
        if (pronoun is None or seg_start != self.paragraphs[self._paragraph_index(seg_start)][0]
                or re.search(r"[“”\"‘]", before)):
            return None
        referent = self._pronoun_referent(seg_start + pronoun.start(), pronoun.group(1))
        return Who(referent, None) if referent is not None else None

    def _from_lead(self, para: int) -> Who | None:
        """The interview subject, or the subject of 'MiP responds to …' in the title, standfirst or lead.

        A quote in the headline itself belongs to the standfirst's subject ("MiP responds to …")."""
        for index in _LEAD_PARAGRAPHS:
            if index >= (min(para, len(self.paragraphs)) if para else min(2, len(self.paragraphs))) or index == para:
                continue
            who = self._interviewee(index) or self._lead_subject(index)
            if who is not None:
                return who
        return None

    def _lead_subject(self, index: int) -> Who | None:
        p_start, p_end = self.paragraphs[index]
        verb = lexicon.LEAD_VERBS.search(self.text, p_start, p_end)
        if verb is None:
            return None
        start = last_sentence_start(self.text, p_start, verb.start())
        subject = re.sub(r",[^,]+,\s*$", " ", self.text[start:verb.start()])  # "X, a manager at Y, tells …"
        if len(subject.split()) <= 8:
            who = self._speaker(start, verb.start(), verb.group(1), prefer="last")
            if who.speaker is not None or who.name:
                return who
        if verb.group(1) in ("says", "said"):
            who = self._speaker(verb.end(), p_end, verb.group(1), prefer="first")
            return who if who.speaker is not None or who.name else None
        return None

    # -- speakers -----------------------------------------------------------------------------------------------

    def _speaker(self, start: int, end: int, cue: str, prefer: str) -> Who:
        """The speaker named between start and end: a person, a pronoun's antecedent, an organisation, or None."""
        region = self.text[start:end]
        people = self._in(start, end, "PERSON")
        aside = re.search(r",\s+(?:who|whose|which)\b[^,]*,\s*$", region) if prefer == "last" else None
        if aside is not None:  # "Declan Hughes, who supported Ms McAteer throughout, said": not McAteer
            people = [m for m in people if m.start < start + aside.start()] or people
        if people:
            return Who(people[-1] if prefer == "last" else people[0], cue)
        spokes = [m for m in self._in(start, end, "ORG") + self._in(start, end, "TRUST")
                  if lexicon.SPOKESPERSON_RE.search(self.text, max(start, m.start - 40), m.start)
                  or re.match(r"(?:[’']s)?\s+spokes(?:person|man|woman)\b", self.text[m.end:m.end + 16])]
        if spokes:
            return Who(spokes[0], cue)
        short = _SPOKESPERSON_FOR_SHORT_NAME.search(region)
        named = [m for m in self.mentions if short and m.label in ("ORG", "TRUST")
                 and m.text.startswith(short.group(1) + " ")] if short else []
        if named:  # "A spokesperson for Trentside said": the trust named in full elsewhere
            return Who(named[0], cue)
        body = lexicon.BODY_SPEAKS_RE.search(region)
        if body is not None:
            return Who(self._body_named_before(start, body.group(1) or body.group(2)), cue)
        if lexicon.SELF_SPOKESPERSON_RE.search(region) or re.search(lexicon.SELF_NAMES_RE.pattern + r"\s*$", region,
                                                                       re.IGNORECASE):
            return Who(None, cue, lexicon.SELF_NAME, "ORG")  # "a spokesperson for the union", "the union said"
        if re.search(r"\bthe\s+spokes(?:person|man|woman)\s*$", region, re.IGNORECASE):
            return self._spokesperson_before(start, cue)  # "…," the spokesperson said.
        if re.search(r"^\s*an?\s+spokes(?:person|man|woman)\s*$", region, re.IGNORECASE):
            body = self._body_speaking_before(start)  # "NHS England said … A spokesperson said: '…'"
            if body is not None:
                return Who(body, cue)
        if lexicon.OWN_DOCUMENT_RE.search(region):
            return Who(None, cue, lexicon.SELF_NAME, "ORG")  # "Our response says: '…'"
        bodies = self._in(start, end, "ORG") + self._in(start, end, "TRUST")
        if (lexicon.GENERIC_SPEAKERS_RE.match(region) and not bodies) or self._unnamed_in(region, start):
            return Who(None, cue)  # "Members often ask: '…'" (but "Managers in Partnership said" is the union)
        if lexicon.BODY_REFERENCE_RE.search(region):
            return Who(self._body_referred(start), cue)  # "In a statement, the organisation said: '…'"
        pronoun = lexicon.PRONOUN_RE.search(region)
        if pronoun and (len(region.split()) <= 4 or re.search(r"\b(?:he|she)\s*$", region, re.IGNORECASE)
                        or re.match(r"\s*(?:he|she)\b", region, re.IGNORECASE)):  # "He … admits that it was"
            return Who(self._pronoun_referent(start, pronoun.group(1)), cue)  # "as he puts it"
        if prefer == "last" and unnamed_subject(region, start, self.mentions):
            return Who(None, cue)  # "The statement, sent to the committee on Monday, says"
        subject_end = start + aside.start() if aside is not None else end  # "Ribblemoor CCG, which is leading …,"
        trust = [m for m in self._in(start, end, "TRUST") if not self.text[m.end:subject_end].strip(" ,")]
        if trust:
            return Who(trust[-1], cue)  # "Kent and Medway ICB said in a statement"
        if lexicon.BARE_SELF_NAME_RE.match(region) and self._paragraph_index(start) == 0:
            return Who(None, cue, lexicon.SELF_NAME, "ORG")
        if lexicon.SELF_NAMES_RE.search(region):
            return Who(None, cue, lexicon.SELF_NAME, "ORG")
        orgs = self._in(start, end, "ORG")
        if aside is not None:  # "NHS Employers, which represents employers on the Staff Council, said"
            orgs = [m for m in orgs if m.start < start + aside.start()] or orgs
        if orgs:
            return Who(orgs[-1] if prefer == "last" else orgs[0], cue)
        return Who(None, cue)

    def _unnamed_in(self, region: str, start: int) -> bool:
        """"one member", "a director": an unnamed person in the region, not a word of a name ("the Staff Council")."""
        return any(not any(m.start < start + u.end(2) and start + u.start(2) < m.end for m in self.mentions)
                   for u in lexicon.UNNAMED_RE.finditer(region))  # the person's noun outside every name

    def _body_speaking_before(self, position: int) -> Mention | None:
        """The organisation that spoke in the sentence just before ("NHS England said the savings …")."""
        sentence = last_sentence_start(self.text, 0, max(0, last_sentence_start(self.text, 0, position) - 2))
        for body in self._in(sentence, position, "ORG") + self._in(sentence, position, "TRUST"):
            if lexicon.CUE_RE.match(self.text, body.end + 1) or re.match(r"\s+has\s+said\b", self.text[body.end:]):
                return body
        return None

    def _spokesperson_before(self, position: int, cue: str) -> Who:
        """"the spokesperson said": whoever "a spokesperson for …" spoke for earlier in the text."""
        earlier = list(re.finditer(r"\bspokes(?:person|man|woman)\s+(?:for|from|at)\s+(?:the\s+)?", self.text[:position]))
        if not earlier:
            return Who(None, cue)
        after = earlier[-1].end()
        named = [m for m in self.mentions if m.label in ("ORG", "TRUST") and m.start == after]
        if named:
            return Who(named[0], cue)
        kind = re.match(r"(trust|health\s+board|icb|ccg|integrated\s+care\s+board|hospital)\b", self.text[after:],
                        re.IGNORECASE)
        if kind:
            return Who(self._body_named_before(after, kind.group(1)), cue)
        if lexicon.SELF_NAMES_RE.match(self.text, earlier[-1].end() - 4 if self.text[after - 4:after] == "the " else after):
            return Who(None, cue, lexicon.SELF_NAME, "ORG")
        return Who(None, cue)

    def _next_boundary(self, span: QuoteSpan, p_end: int) -> int:
        after = span.end + 1
        if after > p_end:
            p_end = self.paragraphs[self._paragraph_index(after)][1]
        stop = SENTENCE_END.search(self.text, after, p_end)
        if stop and stop.start() == after:  # the quote's own closing punctuation
            stop = SENTENCE_END.search(self.text, after + 1, p_end)
        opener = re.search(r"\s[‘“'\"]", self.text[after:p_end])
        ends = [p_end] + ([stop.start() + 1] if stop else []) + ([after + opener.start()] if opener else [])
        return min(ends)
