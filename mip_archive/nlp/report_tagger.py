"""The learned REPORT tagger, run beside the rules.

Named documents are an open class: each new subject brings its own plans, reviews, programmes and Acts, and no
list or name shape finds them all. The tagger is a small NER model (the stock model's NER weights, trained further
on REPORT spans from our annotated sets by ``scripts/train_report_tagger.py``) that reads the context a title
stands in ("published last year as …", "its report, …, found"). Its spans go to ``doc.spans["mip_reports"]``,
leaving the rules' entities untouched; ``entities.py`` adds the ones the rules did not find.

The tagger ships in ``mip_archive/nlp/report_tagger/``; the ``MIP_REPORT_TAGGER`` setting turns it off ("0") or
points at another trained model (a folder).
"""

import os
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

SPAN_KEY = "mip_reports"
LABEL = "REPORT"


def tagger_path() -> Path | None:
    """The trained tagger to use: the MIP_REPORT_TAGGER folder, none when it is "0", else the shipped one."""
    setting = os.environ.get("MIP_REPORT_TAGGER", "")
    if setting == "0":
        return None
    path = Path(setting) if setting else Path(str(resources.files("mip_archive.nlp") / "report_tagger"))
    return path if (path / "meta.json").exists() else None


class ReportTagger:
    """A pipeline component: predicts REPORT spans with the trained NER into doc.spans, then restores doc.ents."""

    def __init__(self, path: Path):
        self.ner = spacy.load(path).get_pipe("ner")

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            saved = [doc.ents for doc in batch]
            for doc in batch:
                doc.set_ents([], default="missing")  # the NER would keep any entity already set
            self.ner.set_annotations(batch, self.ner.predict(batch))
            for doc, ents in zip(batch, saved):
                doc.spans[SPAN_KEY] = [ent for ent in doc.ents if ent.label_ == LABEL]
                doc.set_ents(list(ents), default="outside")
            yield from batch


@Language.factory("mip_report_tagger", default_config={"path": None})
def make_report_tagger(nlp: Language, name: str, path: str | None) -> ReportTagger:
    return ReportTagger(Path(path) if path else tagger_path())
