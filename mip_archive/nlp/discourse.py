"""Who is who in an article: its paragraphs, the people named outside quotations, who interviews whom, and what
a pronoun or "the health board" refers to. The quote attributor (attribution.py) asks these questions.
"""

import re
from dataclasses import dataclass

from . import lexicon
from .given_names import pronoun_fits
from .mention import Mention
from .roles import role_near

SENTENCE_END = re.compile(r"(?<!(?<![A-Za-z])[A-Z])[.!?][”’\"']?\s+(?=[A-Z‘“'\"(])")


#: A person who speaks: "Siân Morgan-Pugh, …, said", "Jo Bloggs says".
_SPEAKS_AFTER = re.compile(r"(?:,[^,.;]{0,80},|,)?\s+(?:said|says|told|tells|added|adds|explained|argued|warned|believes|"
                           r"believed|thinks|thought|admits|admitted|insists|insisted|recalls|recalled)\b")
#: One unnamed person, who can be the "he" or "she" that follows ("When I asked one journalist …, he said").
_UNNAMED_ONE = re.compile(
    r"\b(?:(?:one|another)\s+(?:[a-z-]+\s+){0,2}(?:journalist|reporter|manager|director|member|colleague|nurse|doctor|"
    r"official|patient|consultant|surgeon|councillor|executive|respondent|delegate|editor)"
    r"|(?<!, )(?<!is )(?<!was )(?<!as )\ban?\s+(?:[\w’'-]+\s+){0,2}(?:journalist|reporter|patient|relative|daughter|son|"
    r"wife|husband|mother|father|carer|neighbour|resident|member of the public))\b(?!s)", re.IGNORECASE)


@dataclass
class Who:
    speaker: Mention | None
    cue: str | None
    name: str | None = None
    label: str | None = None


class Discourse:
    """The text, its paragraphs and its resolved mentions, with the questions attribution asks of them."""

    def __init__(self, text: str, mentions: list[Mention]):
        self.text = text
        self.mentions = mentions
        self.paragraphs = _paragraphs(text)
        self.quoted: list[tuple[int, int]] = []  # the quotations' spans: names inside them are not antecedents
        self.interviewers = self._interviewers() | self._askers_told()

    def _people(self, start: int, end: int) -> list[Mention]:
        """People named between start and end outside quotations, interviewers left out."""
        return [m for m in self._in(start, end, "PERSON") if m.canonical not in self.interviewers
                and not any(q_start <= m.start < q_end for q_start, q_end in self.quoted)]

    def _interviewers(self) -> set[str]:
        """Who asks the questions: "Rhiannon Beddoes met her", "Jo Doe talks to three managers", "X talks to Y"."""
        found = set()
        for match in re.finditer(r"\b(?:talks to|talked to|speaks to|spoke to|meets|met|interviews|interviewed|asks)\b",
                                 self.text):
            start = last_sentence_start(self.text, 0, match.start())
            subjects = self._in(start, match.start(), "PERSON")
            between = re.sub(r"^,[^,]*,", "", self.text[subjects[-1].end:match.start()]) if subjects else ""
            if subjects and len(between.split()) <= 6:  # "X, director of Y, talks to …" / "X looks back and talks to"
                person_after = [m for m in self.mentions if m.label == "PERSON" and 0 < m.start - match.end() <= 12]
                if person_after:  # "X talks to Y": the one whose role is given is interviewed
                    asker = _asker(self.text, subjects[-1], person_after[0])
                    found.update({asker.canonical} if asker else set())
                elif re.match(r"\s+(?:him|her|them|three|two|four|five|several|some|a\s|managers|members|staff)",
                              self.text[match.end():match.end() + 20]):
                    found.add(subjects[-1].canonical)
        return found

    def _askers_told(self) -> set[str]:
        """"X tells Y what …", "X explains to Y why …": Y asks the questions."""
        found = set()
        for match in re.finditer(r"\b(?:tells|told|explains to|explained to)\s+", self.text):
            asked = [m for m in self.mentions if m.label == "PERSON" and m.start == match.end()]
            if asked and re.match(r"\s+(?:what|why|how|about|that)\b", self.text[asked[0].end:asked[0].end + 8]):
                found.add(asked[0].canonical)
        return found

    def _interviewee(self, index: int) -> Who | None:
        """"Craig Ryan talks to Jane Doe" → Jane Doe; "She tells Alison Brent what …" → who "she" is."""
        p_start, p_end = self.paragraphs[index]
        match = lexicon.INTERVIEW_RE.search(self.text, p_start, p_end)
        if match is None:
            return None
        sentence_end = SENTENCE_END.search(self.text, match.end(), p_end)
        sentence_start = last_sentence_start(self.text, p_start, match.start())
        objects = self._in(match.end(), sentence_end.start() + 1 if sentence_end else p_end, "PERSON")
        subject_speaks = match.group(1) in lexicon.INTERVIEWEE_SUBJECT_VERBS
        tells_outlet_why = re.match(r"\s*(?:the\s+)?(?:[A-Z][\w’'&-]*\s+){1,4}(?:why|how|what|about)\b",
                                    self.text[match.end():match.end() + 60])
        if subject_speaks and not objects and tells_outlet_why:  # "She tells Healthcare Manager why …"
            if re.search(r"(?:^|,\s*)(?:he|she)\s*$", self.text[sentence_start:match.start()], re.IGNORECASE):
                antecedent = self._antecedent(sentence_start)
                return Who(antecedent, match.group(1)) if antecedent else None
            subjects = self._in(sentence_start, match.start(), "PERSON")
            return Who(subjects[-1], match.group(1)) if subjects else None
        if subject_speaks and not objects:
            return None  # "told the BBC" is not an interview
        if re.match(r"\s*(?:him|her)\b", self.text[match.end():match.end() + 6]) and match.group(1) in ("met", "meets"):
            antecedent = self._antecedent(sentence_start)  # "Rhiannon Beddoes met her": the person named before
            return Who(antecedent, None) if antecedent else None
        if re.search(r"(?:^|,\s*)(?:he|she)\s*$", self.text[sentence_start:match.start()], re.IGNORECASE):
            antecedent = self._antecedent(sentence_start)  # "She talks to …": the person introduced before
            return Who(antecedent, None) if antecedent else None
        subjects = self._in(sentence_start, match.start(), "PERSON")
        if subjects and objects and not subject_speaks:
            asker = _asker(self.text, subjects[-1], objects[0])
            return Who(objects[0] if asker is subjects[-1] else subjects[-1], None)
        if subjects and not subject_speaks and not objects and subjects[-1].canonical in self.interviewers:
            return None  # "X looks back … and talks to three managers": X asks, the managers answer
        if subjects and (subject_speaks or not objects):
            return Who(subjects[-1], None)
        return None if subject_speaks or not objects else Who(objects[-1], None)

    def _body_named_before(self, position: int, kind: str) -> Mention | None:
        """"The health board said": the last trust or board of that kind named before (else the last one named)."""
        bodies = [m for m in self.mentions if m.label == "TRUST" and m.end <= position]
        kind_words = " ".join(kind.lower().split())
        of_kind = [m for m in bodies if kind_words in m.canonical.lower() or kind_words in ("trust", "hospital")]
        return (of_kind or bodies or [None])[-1]

    def _interview_subject(self) -> Mention | None:
        """The person an interview piece is about, named in its first paragraphs (else None)."""
        for index in range(min(3, len(self.paragraphs))):
            who = self._interviewee(index)
            if who is not None:
                return who.speaker
        return None

    def _antecedent(self, position: int, pronoun: str = "") -> Mention | None:
        """The last person named before `position` whose first name fits the pronoun ("she" skips "Tomás")."""
        people = [m for m in self._people(0, position) if pronoun_fits(m.canonical.split()[0], pronoun)]
        return people[-1] if people else None

    def _pronoun_referent(self, position: int, pronoun: str) -> Mention | None:
        """"she says": a fitting person named earlier in the same paragraph, else the interview's subject if the
        pronoun fits them, else the last fitting person named."""
        para = self._paragraph_index(position)
        p_start = self.paragraphs[para][0]
        nearby = [m for m in self._people(p_start, position) if pronoun_fits(m.canonical.split()[0], pronoun)]
        unnamed = [u for u in _UNNAMED_ONE.finditer(self.text, nearby[-1].end if nearby else p_start, position)
                   if not any(q_start <= u.start() < q_end for q_start, q_end in self.quoted)]
        if unnamed:
            return None  # "When I asked one journalist why …, he said": no one we can name
        if not nearby:  # "Priya Raghavan said the lessons were clear. ‘…,’ he said.": the paragraph's one person,
            named = self._people(p_start, position)  # who spoke, whatever the name seems to say
            said = [m for m in named if _SPEAKS_AFTER.match(self.text, m.end)]
            if said and len({m.canonical for m in named}) == 1:
                return said[-1]
        subject = self._interview_subject()
        if (not nearby and subject is not None and pronoun_fits(subject.canonical.split()[0], pronoun)
                and re.match(rf"{pronoun}\b", self.text[p_start:position], re.IGNORECASE)):
            return subject  # "She has no plans to move on. ‘…,’ she says.": a paragraph opened by the subject
        if not nearby and para > 0:
            before_start, before_end = self.paragraphs[para - 1]
            if re.match(rf"{pronoun}\b", self.text[before_start:before_end], re.IGNORECASE):
                return self._pronoun_referent(before_start, pronoun)  # "He credits X and Y. ¶ '…,' he says."
            nearby = [m for m in self._people(before_start, before_end) if pronoun_fits(m.canonical.split()[0], pronoun)]
        if nearby:
            speakers = [m for m in nearby if _SPEAKS_AFTER.match(self.text, m.end)]
            subjects = [m for m in nearby if not re.match(r"[’']s?\b", self.text[m.end:m.end + 2])]
            return (speakers or subjects or nearby)[-1]  # "X said Y had …. She added:" → X; "X points to Y’s" → X
        if subject is not None and pronoun_fits(subject.canonical.split()[0], pronoun):
            return subject
        return self._antecedent(position, pronoun)

    def _body_referred(self, position: int) -> Mention | None:
        """"It said", "the organisation said": the last organisation or trust named in the sentences just before."""
        window = last_sentence_start(self.text, 0, max(0, last_sentence_start(self.text, 0, position) - 2))
        bodies = [m for m in self.mentions if m.label in ("ORG", "TRUST") and window <= m.start and m.end <= position
                  and not any(q_start <= m.start < q_end for q_start, q_end in self.quoted)]
        return bodies[0] if bodies else None

    def _in(self, start: int, end: int, label: str) -> list[Mention]:
        return [m for m in self.mentions if m.label == label and m.start >= start and m.end <= end]

    def _paragraph_index(self, offset: int) -> int:
        for index, (start, end) in enumerate(self.paragraphs):
            if start <= offset <= end:
                return index
        return len(self.paragraphs) - 1


def _asker(text: str, subject: Mention, obj: Mention) -> Mention:
    """In "X talks to Y", who asks: the one without a stated role ("Y, chief operating officer at …" is asked;
    so is "Z’s head of governance, X,"); when neither or both have one, X (the writer talks to the subject)."""
    subject_role, object_role = role_near(text, subject), role_near(text, obj)
    return obj if subject_role and not object_role else subject


def last_sentence_start(text: str, start: int, end: int) -> int:
    """Where the sentence containing `end` begins (looking one character past `end`, at the opening mark)."""
    last = start
    for match in SENTENCE_END.finditer(text, start, min(len(text), end + 1)):
        if match.end() <= end:
            last = match.end()
    return last


def _paragraphs(text: str) -> list[tuple[int, int]]:
    bounds, pos = [], 0
    for block in text.split("\n\n"):
        bounds.append((pos, pos + len(block)))
        pos += len(block) + 2
    return bounds
