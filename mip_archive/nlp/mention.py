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
def known_names() -> dict[str, tuple[str, str]]:
    """Known names from the shipped phrase patterns: lower-cased text → (label, canonical)."""
    table = {}
    text = (resources.files("mip_archive.nlp") / "patterns" / "names.jsonl").read_text(encoding="utf-8")
    for line in filter(None, text.splitlines()):
        row = json.loads(line)
        table[row["pattern"].lower()] = (row["label"], row.get("id"))
    return table


@lru_cache(maxsize=1)
def known_groups() -> dict[str, str]:
    """Known names that are one thing under different names (patterns' "same" key): lower-cased text → group.
    "SSRB" and the "Review Body on Senior Salaries" are one body; the fullest name the article uses stands for it."""
    text = (resources.files("mip_archive.nlp") / "patterns" / "names.jsonl").read_text(encoding="utf-8")
    rows = [json.loads(line) for line in filter(None, text.splitlines())]
    return {row["pattern"].lower(): row["same"] for row in rows if row.get("same")}
