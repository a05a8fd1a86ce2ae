"""Writer of one invented article's prose (:class:`Writer`), recording every planted entity and quote as it goes.

The generator (``content.py``) hands it its one ``random.Random``, so the text and its ground truth stay deterministic.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass

from mip_archive.replica import phrases as P
from mip_archive.replica.model import MAGAZINE_KINDS, PlantedQuote

MARKS = (("“", "”"), ("‘", "’"), ('"', '"'), ("'", "'"))
MARK_WEIGHTS = (50, 20, 15, 15)


@dataclass(frozen=True)
class Person:
    name: str
    gender: str
    role: str

    @property
    def surname(self) -> str:
        return self.name.split()[-1]

    @property
    def role_first(self) -> bool:
        """Whether the role reads well before the name ("MiP chief executive Colin Marchbank")."""
        return not self.role.startswith(("a ", "an ", "head ", "chief executive of", "director"))


class Writer:
    """Writes one article's body, recording every entity mention and quotation as it goes."""

    def __init__(self, rng: random.Random, day: dt.date, kind: str):
        self.rng, self.day, self.kind = rng, day, kind
        year = day.year
        self.marks = rng.choices(MARKS, MARK_WEIGHTS)[0]
        self.topic_key = rng.choice(sorted(P.TOPICS))
        self.topic = rng.choice(P.TOPICS[self.topic_key])
        self.trust_pair = rng.sample(P.TRUSTS, 2)
        self.report = rng.choice([r for r in P.REPORTS if r[2] <= year])
        self.org = rng.choice([o for o in P.ORGS if o[2] <= year <= o[3]])
        self.hs = next(h for h in P.HEALTH_SECRETARIES if h[2] <= year <= h[3])
        self.speakers = self._speakers(year)
        self.entities: dict[tuple[str, str], None] = {}
        self.mentioned: set[str] = set()
        self.paragraphs: list[str] = []
        self.quotes: list[PlantedQuote] = []
        self.last_person: Person | None = None
        self.after_person_quote = -1  # paragraph count right after the latest person's quote
        self.pools: dict[tuple, list] = {}
        self.headline: list[tuple[str, str, str]] = []  # (label, canonical, form written) in title and standfirst

    # -- cast and mentions -------------------------------------------------------------------------------------
    def _speakers(self, year: int) -> list[Person]:
        rng = self.rng
        ceo = next(c for c in P.CHIEF_EXECUTIVES if c[3] <= year <= c[4])
        officer = rng.choice(P.NATIONAL_OFFICERS)
        gender, gender2 = rng.choice("fm"), rng.choice("fm")
        surname, surname2 = rng.sample(P.SURNAMES, 2)  # distinct, so a later "Surname said" is unambiguous
        trust_ceo = f"{rng.choice(P.FIRST_NAMES[gender])} {surname}"
        member = f"{rng.choice(P.FIRST_NAMES[gender2])} {surname2}"
        return [Person(ceo[0], ceo[1], ceo[2]), Person(*officer), Person(trust_ceo, gender, "chief executive of {trust}"),
                Person(member, gender2, rng.choice(P.MEMBER_ROLES))]

    def _record(self, label: str, canonical: str) -> None:
        self.entities.setdefault((label, canonical), None)

    def _mention(self, label: str, canonical: str, first: str, later: str) -> str:
        self._record(label, canonical)
        if canonical in self.mentioned:
            return later
        self.mentioned.add(canonical)
        return first

    def mip(self) -> str:
        return self._mention("ORG", "MiP", "Managers in Partnership (MiP)", "MiP")

    def trust(self, which: int = 0) -> str:
        full, short = self.trust_pair[which]
        return self._mention("TRUST", full, full, short)

    def fill(self, template: str, record: bool = True) -> str:
        """Fill a phrase-bank template; with ``record`` each named thing counts as mentioned in the body, without
        it (title, standfirst) the short form is written and its canonical is settled by :meth:`finish`."""
        values = {name: self._value(name, record) for name in re.findall(r"\{(\w+)\}", template)}
        text = template.format(**values)
        return text[0].upper() + text[1:] if template.startswith("{") else text

    def _value(self, name: str, record: bool) -> str:
        rng = self.rng
        if name in ("topic", "topic_cap"):
            return self.topic[0].upper() + self.topic[1:] if name == "topic_cap" else self.topic
        if name in ("year", "n", "pct"):
            return str({"year": self.day.year, "n": rng.randint(3, 40), "pct": rng.randint(10, 45)}[name])
        if name in ("o", "c"):
            return self.marks[name == "c"]
        if name == "trust_short" or not record:
            return self._headline_value(name)
        return self._recorded_value(name)

    def _headline_value(self, name: str) -> str:
        """A short form for a title or standfirst, noted as (label, canonical, written) for :meth:`finish`."""
        forms = {"trust": ("TRUST", *self.trust_pair[0]), "trust_short": ("TRUST", *self.trust_pair[0]),
                 "trust2": ("TRUST", *self.trust_pair[1]), "org": ("ORG", *self.org[:2]),
                 "report": ("REPORT", *self.report[:2]), "hs": ("PERSON", self.hs[0], self.hs[0].split()[-1]),
                 "mip": ("ORG", "MiP", "MiP")}[name]
        self.headline.append(forms)
        return forms[2]

    def _recorded_value(self, name: str) -> str:
        if name == "report":
            self._record("REPORT", self.report[0])
            return self.report[1]
        if name == "org":
            self._record("ORG", self.org[0])
            return self.org[1]
        if name == "hs":
            return self._mention("PERSON", self.hs[0], f"Health Secretary {self.hs[0]}", self.hs[0].split()[-1])
        if name in ("trust", "trust2"):
            return self.trust(name == "trust2")
        return self.mip()

    def refer(self, person: Person, role_style: str | None = None) -> tuple[str, str | None]:
        """How the text names a person: with the role on first mention, by surname afterwards."""
        self.last_person = person
        if person.name in self.mentioned:
            return person.surname, None
        role = self.fill(person.role)
        self._mention("PERSON", person.name, person.name, person.surname)
        if role_style == "before" and person.role_first:
            return f"{role} {person.name}", role
        return f"{person.name}, {role},", role

    def tags(self) -> list[str]:
        bank = P.TAGS[self.topic_key]
        return sorted(self.rng.sample(bank, min(len(bank), self.rng.randint(1, 3))))

    # -- body --------------------------------------------------------------------------------------------------
    def write_body(self) -> None:
        rng = self.rng
        target = rng.randint(4, 9)
        lead = self.fill(rng.choice(P.LEAD_SENTENCES[self.kind]))
        if rng.random() < 0.5:
            lead += " " + self.context()
        self.paragraphs.append(lead)
        self.quote_block(rng.choice(OPENING_PATTERNS), room=target - 2)
        while len(self.paragraphs) < target - 1:
            self._add_middle(target - 1 - len(self.paragraphs))
        self.paragraphs.append(self.fill(rng.choice(P.CLOSING_SENTENCES)))

    def _add_middle(self, room: int) -> None:
        roll = self.rng.random()
        if self.kind in MAGAZINE_KINDS and len(self.paragraphs) == 3 and room >= 2 and roll < 0.3:
            self.paragraphs.append(self.rng.choice(P.SUBHEADINGS))  # today's theme shows it as an <h2>
        elif self.after_person_quote == len(self.paragraphs) and roll < 0.3:
            self.quote_block("pronoun_added", room)
        elif roll < 0.4:
            self.quote_block(self.rng.choice(QUOTE_PATTERNS), room)
        elif roll < 0.5:
            self.paragraphs.append(self.fill(self._draw(P.SCARE_QUOTE_SENTENCES)))
        elif roll < 0.57:
            template, document = self._draw(P.TITLE_QUOTE_SENTENCES)
            self._record("REPORT", document)  # a named document's title in quote marks: a REPORT, not a quote
            self.paragraphs.append(self.fill(template.replace("{doc}", document)))
        else:
            self.paragraphs.append(f"{self.context()} {self.context()}")

    def finish(self, title: str, standfirst: str) -> None:
        """Settle the truth over the whole document (title, standfirst, body): straight-quoted articles use
        straight apostrophes too; a name in the title or standfirst counts in its fullest form in the document
        ("Barts Health" only if "Barts Health NHS Trust" never appears); fixed names in the prose count too."""
        if self.marks[0] in "\"'":
            self.paragraphs = [p.replace("’", "'") for p in self.paragraphs]
            for quote in self.quotes:
                quote.text = quote.text.replace("’", "'")
                quote.role = quote.role.replace("’", "'") if quote.role else None
        text = "\n\n".join([title, standfirst, *self.paragraphs])
        for label, canonical, written in self.headline:
            if canonical in text or written in text:
                self._record(label, canonical if canonical in text else written)
        for label, canonical, form in P.FIXED_ENTITIES:
            if form in text:
                self._record(label, canonical)

    # -- quotations --------------------------------------------------------------------------------------------
    def quote_block(self, pattern: str, room: int) -> None:
        """Append one quotation in the named attribution pattern (may take two paragraphs when there is room)."""
        if pattern == "two_paragraphs" and room < 2:
            pattern = "said_colon"
        if pattern == "role_said" and not self._fresh_speakers():
            pattern = "quote_who_said"
        getattr(self, "_q_" + pattern)()

    def _fresh_speakers(self) -> list[Person]:
        return [p for p in self.speakers if p.name not in self.mentioned]

    def _speaker(self) -> Person:
        return self.rng.choices(self.speakers, (40, 30, 15, 15))[0]

    def _say(self, bank: tuple[str, ...] = P.QUOTE_SENTENCES) -> str:
        """One to three sentences, none repeated within the article while the bank lasts."""
        return " ".join(self._draw(bank) for _ in range(self.rng.randint(1, 3)))

    def _draw(self, bank: tuple[str, ...]) -> str:
        pool = self.pools.get(bank)
        if not pool:
            pool = self.pools[bank] = self.rng.sample(bank, len(bank))
        return pool.pop()

    def context(self) -> str:
        return self.fill(self._draw(P.CONTEXT_SENTENCES))

    def _cue(self) -> str:
        return self.rng.choice([c for c in P.CUES if c != "added"])

    def _plant(self, text: str, speaker: str, label: str, role: str | None, cue: str) -> None:
        self.quotes.append(PlantedQuote(text, speaker, label, role, cue, len(self.paragraphs)))

    def _prefix(self) -> str:
        return self.context() + " " if self.rng.random() < 0.3 else ""

    def _person_quote(self, person: Person, role: str | None, text: str, cue: str, paragraph: str) -> None:
        self._plant(text, person.name, "PERSON", role, cue)
        self.paragraphs.append(_sentence_case(paragraph))
        self.after_person_quote = len(self.paragraphs)

    def _q_said_colon(self, style: str = "before") -> None:
        prefix, person, (o, c), cue = self._prefix(), self._speaker(), self.marks, self._cue()
        who, role = self.refer(person, style)
        text = self._say()
        self._person_quote(person, role, text, cue, f"{prefix}{who} {cue}: {o}{text}{c}")

    def _q_role_said(self) -> None:
        person, (o, c), cue = self.rng.choice(self._fresh_speakers()), self.marks, self._cue()
        who, role = self.refer(person, "after")
        text = self._say()
        self._person_quote(person, role, text, cue, f"{who} {cue}: {o}{text}{c}")

    def _q_quote_said_who(self) -> None:
        person, (o, c), cue = self._speaker(), self.marks, self._cue()
        who, role = self.refer(person, self.rng.choice(("before", "after")))
        text = self._say()[:-1] + ","
        self._person_quote(person, role, text, cue, f"{o}{text}{c} {cue} {who.rstrip(',')}.")

    def _q_quote_who_said(self) -> None:
        person, (o, c), cue = self._speaker(), self.marks, self._cue()
        who, role = self.refer(person, "before")
        text = self._say()[:-1]
        self._person_quote(person, role, text, cue, f"{o}{text}{c}, {who} {cue}.")

    def _q_according_to(self) -> None:
        person, (o, c) = self._speaker(), self.marks
        who, role = self.refer(person, "after")
        said = self._say()
        text = said[0].lower() + said[1:]
        self._person_quote(person, role, text, "according to", f"According to {who.rstrip(',')}, {o}{text}{c}")

    def _q_told_outlet(self) -> None:
        prefix, person, (o, c) = self._prefix(), self._speaker(), self.marks
        outlet, written = self.rng.choice(P.OUTLETS)
        who, role = self.refer(person, "before")
        self._record("ORG", outlet)
        text = self._say()
        paragraph = f"{prefix}{who} told {written}: {o}{text}{c}"
        self._person_quote(person, role, text, f"told {written}", paragraph)

    def _q_pronoun_added(self) -> None:
        person, (o, c) = self.last_person, self.marks
        text = self._say()[:-1] + ","
        paragraph = f"{o}{text}{c} {P.PRONOUNS[person.gender]} added."
        self._person_quote(person, None, text, "added", paragraph)
        self.after_person_quote = -1  # one follow-up per named quote

    def _q_two_paragraphs(self) -> None:
        person, (o, c), cue = self._speaker(), self.marks, self._cue()
        who, role = self.refer(person, "before")
        first, second = self._say(), self._say()
        self._plant(f"{first} {second}", person.name, "PERSON", role, cue)
        self.paragraphs += [_sentence_case(f"{who} {cue}: {o}{first}"), f"{o}{second}{c}"]
        self.after_person_quote = len(self.paragraphs)

    def _q_split(self) -> None:
        person, (o, c), cue = self._speaker(), self.marks, self._cue()
        who, role = self.refer(person, self.rng.choice(("before", "after")))
        first, second = self._say()[:-1] + ",", self._say()
        self._plant(first, person.name, "PERSON", role, cue)
        paragraph = f"{o}{first}{c} {cue} {who.rstrip(',')}. {o}{second}{c}"
        self._person_quote(person, role, second, cue, paragraph)

    def _q_mip_said(self) -> None:
        prefix, (o, c), cue = self._prefix(), self.marks, self._cue()
        who = self.mip()
        text = self._say()
        self._plant(text, "MiP", "ORG", None, cue)
        self.paragraphs.append(f"{prefix}{who} {cue}: {o}{text}{c}")

    def _q_org_said(self) -> None:
        (o, c), (canonical, written) = self.marks, self.org[:2]
        self._record("ORG", canonical)
        text = self._say(P.ORG_QUOTE_SENTENCES)
        self._plant(text, canonical, "ORG", None, "said")
        self.paragraphs.append(f"{written[0].upper()}{written[1:]} said: {o}{text}{c}")


def _sentence_case(paragraph: str) -> str:
    """A paragraph that opens with a role ("national officer for Wales Owen …") starts with a capital."""
    return paragraph[0].upper() + paragraph[1:]


OPENING_PATTERNS = ("said_colon", "role_said", "quote_said_who", "mip_said", "told_outlet", "split",
                    "two_paragraphs", "according_to")
QUOTE_PATTERNS = OPENING_PATTERNS + ("quote_who_said", "org_said", "said_colon")
