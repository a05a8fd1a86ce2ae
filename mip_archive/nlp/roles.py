"""Roles stated next to a person's name: "MiP chief executive Jane Holloway", "Jo Bloggs, national officer for Wales,"."""

import re
from dataclasses import dataclass

from .lexicon import LEADING_FUNCTION_WORDS, ROLE_NOUNS
from .mention import Mention

_ROLE = rf"(?i:{ROLE_NOUNS})"
_QUALIFIER = r"(?:(?:former|new|acting|interim|deputy|assistant|senior|joint|national|regional|its|their|the)\s+)"
_OF_PLACE = r"(?:\s+(?:for|of|at)\s+(?:the\s+)?[A-Z][\w’'&]*(?:\s+(?:and\s+)?[A-Z][\w’'&]*)*)?"
_OF_ANYTHING = r"(?:\s+(?:for|of|at|in)\s+[^,.;:\n]{1,100}?)?"
_BEFORE = re.compile(rf"((?:[A-Z][\w&]*(?:[’']s)?[^\S\n]+){{0,3}}{_QUALIFIER}*{_ROLE}{_OF_PLACE}),?\s+$")
_AFTER = re.compile(
    rf"^,\s+((?:[A-Z][\w&]*[’']s\s+|the\s+|a\s+|an\s+|its\s+)?(?:[\w-]+\s+){{0,3}}?{_ROLE}{_OF_ANYTHING})"
    rf"(?=\s*[,.;:]|\s+(?:said|says|told|added|warned)\b|\s*$)"
)
_WINDOW = 140
_ARTICLES = frozenset({"its", "their", "our", "the", "a"})


@dataclass
class RoleMention:
    """A role stated for a person in the text, at a character offset."""

    entity: str
    role: str
    start: int

    def to_json(self) -> dict:
        return {"entity": self.entity, "role": self.role, "start": self.start}


def find_roles(text: str, mentions: list[Mention]) -> list[RoleMention]:
    """One RoleMention per PERSON mention that has a role written next to it."""
    roles = []
    for mention in mentions:
        if mention.label != "PERSON":
            continue
        role = role_near(text, mention)
        if role:
            roles.append(RoleMention(entity=mention.canonical, role=role, start=mention.start))
    return roles


def role_near(text: str, mention: Mention) -> str | None:
    """The role written just before ("Health Secretary Jeremy Hunt") or after ("X, chair of Y,") a name."""
    before = _BEFORE.search(text[max(0, mention.start - _WINDOW):mention.start])
    if before:
        return _tidy(before.group(1))
    after = _AFTER.search(text[mention.end:mention.end + _WINDOW].split("\n", 1)[0])
    return _tidy(after.group(1)) if after else None


def _tidy(role: str) -> str | None:
    """Without a leading article or function word: "For MiP’s chief executive," → "MiP’s chief executive"."""
    role = role.strip(" ,")
    while (head := role.split(" ", 1))[0].lower() in LEADING_FUNCTION_WORDS | _ARTICLES and len(head) > 1:
        role = head[1]
    return role or None
