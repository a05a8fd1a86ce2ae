"""The enricher: text in, entities (with canonical names), quotes (with speakers) and roles out."""

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc

from .attribution import Attributor, Quote
from .canonical import (
    add_surname_mentions,
    fold_abbreviations,
    fold_eponymous_reports,
    prefer_running_case,
    resolve,
)
from .entities import Mention, extract_mentions
from .model import load_pipeline, nlp_version
from .quotes import find_quotes
from .roles import RoleMention, find_roles
from .spans import text_of

log = logging.getLogger(__name__)


@dataclass
class Enrichment:
    """What the NLP found in one text; offsets refer to that text."""

    entities: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    roles: list[RoleMention] = field(default_factory=list)

    def to_json(self) -> dict:
        """The one-off extraction format: {"entities": [...], "quotes": [...]}."""
        return {"entities": [m.to_json() for m in self.entities], "quotes": [q.to_json() for q in self.quotes]}


def article_text(title: str | None, standfirst: str | None, body: str | None) -> str:
    """The text the enricher reads: title, blank line, standfirst (if any), blank line, body."""
    parts = [(title or "").strip(), (standfirst or "").strip(), (body or "").strip()]
    return "\n\n".join(part for part in parts if part)


class Enricher:
    """Loads the pipeline once; enriches one text or a stream of texts (batched through nlp.pipe)."""

    def __init__(self, model: str | None = None, report_tagger: bool | None = None):
        self.nlp = load_pipeline(model, report_tagger)
        self.version = nlp_version(model, report_tagger)

    def enrich_text(self, text: str) -> Enrichment:
        return self._from_doc(self.nlp(text))

    def enrich_many(self, texts: Iterable[str], batch_size: int = 32, n_process: int = 1) -> Iterator[Enrichment]:
        """Enrich texts in batches; with ``n_process`` > 1 spaCy's model runs in that many worker processes while
        this one resolves names and quotes (same results, in the same order)."""
        for doc in self.nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
            yield self._from_doc(doc)

    def _from_doc(self, doc: Doc) -> Enrichment:
        text = text_of(doc)
        mentions = prefer_running_case(text, fold_abbreviations(text, resolve(extract_mentions(doc))))
        mentions = add_surname_mentions(text, fold_eponymous_reports(text, mentions))
        quotes = Attributor(text, mentions).attribute(find_quotes(text))
        return Enrichment(entities=mentions, quotes=quotes, roles=find_roles(text, mentions))
