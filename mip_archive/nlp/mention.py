"""A mention of an entity in a text, and the names the project knows by heart (patterns/names.jsonl)."""

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass
class Mention:
    """One entity mention: its cleaned text, label, character offsets and (once resolved) canonical name."""

    text: str
    label: str
    start: int
    end: int
    canonical: str = ""

    def to_json(self) -> dict:
        return {"text": self.text, "label": self.label, "canonical": self.canonical,
                "start": self.start, "end": self.end}


@lru_cache(maxsize=1)
def _name_rows() -> tuple[dict, ...]:
    """The rows of the shipped phrase patterns (patterns/names.jsonl), read once."""
    text = (resources.files("mip_archive.nlp") / "patterns" / "names.jsonl").read_text(encoding="utf-8")
    return tuple(json.loads(line) for line in filter(None, text.splitlines()))


@lru_cache(maxsize=1)
def known_names() -> dict[str, tuple[str, str]]:
    """Known names from the shipped phrase patterns: lower-cased text → (label, canonical)."""
    return {row["pattern"].lower(): (row["label"], row.get("id")) for row in _name_rows()}


@lru_cache(maxsize=1)
def lower_case_names() -> frozenset[str]:
    """Known names written all in lower case ("well-led framework"): the only spans without a capital or a digit
    that name something."""
    return frozenset(row["pattern"] for row in _name_rows() if row["pattern"] == row["pattern"].lower())


@lru_cache(maxsize=1)
def known_groups() -> dict[str, str]:
    """Known names that are one thing under different names (patterns' "same" key): lower-cased text → group.
    "SSRB" and the "Review Body on Senior Salaries" are one body; the fullest name the article uses stands for it."""
    return {row["pattern"].lower(): row["same"] for row in _name_rows() if row.get("same")}
