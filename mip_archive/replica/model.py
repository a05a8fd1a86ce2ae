"""The replica's content model: what an invented article *is*, before any era renders it as HTML.

The generator (``content.py``) makes these; each era's renderer (``wordpress.py``, ``wayback.py``) turns them into
pages; ``truth.py`` exports them as the ground truth that tests and benchmarks compare the archive against.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

NEWS_KINDS = ("statement", "response", "announcement")
MAGAZINE_KINDS = ("feature", "interview", "column", "advice")


@dataclass
class PlantedQuote:
    text: str  # the quoted words, without quote marks
    speaker: str  # canonical name of who said it ("MiP" when the union speaks as an organisation)
    speaker_label: str  # "PERSON" or "ORG"
    role: str | None  # role as stated in the text, e.g. "MiP chief executive"
    cue: str  # attribution verb or phrase as written: "said", "warned", "told the Guardian"
    paragraph: int  # index into ReplicaArticle.paragraphs where the quote starts


@dataclass
class ReplicaArticle:
    post_id: int  # WordPress post id (also ``/?p=<id>``)
    slug: str
    section: str  # "news" or "magazine"
    kind: str  # statement, response, announcement, feature, interview, column, advice
    title: str
    date: dt.date
    modified: dt.datetime
    author: str | None
    standfirst: str
    paragraphs: list[str]  # body paragraphs as plain text, quote marks included
    images: list[tuple[str, str]] = field(default_factory=list)  # (file name, caption)
    tags: list[str] = field(default_factory=list)
    entities: list[tuple[str, str]] = field(default_factory=list)  # (label, canonical name) planted in the text
    quotes: list[PlantedQuote] = field(default_factory=list)
    eras: tuple[str, ...] = ("wordpress",)  # the sites that carried it: "wordpress", "aspnet-2013-2017", "aspnet-2018-2024"
    legacy_id: int | None = None  # HomepageNews-<legacy_id>.aspx on the 2013–2017 site
    legacy_path: str | None = None  # /home/news-campaigns/<Section>/<slug>.aspx on the 2018–2024 site

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)
