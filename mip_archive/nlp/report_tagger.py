"""The learned REPORT tagger, run beside the rules.

Named documents are an open class: each new subject brings its own plans, reviews, programmes and Acts, and no
list or name shape finds them all. The tagger is a small NER model (the stock model's NER weights, trained further
on REPORT spans from our annotated sets by ``scripts/train_report_tagger.py``) that reads the context a title
stands in ("published last year as …", "its report, …, found"). Its spans go to ``doc.spans["mip_reports"]``,
leaving the rules' entities untouched; ``entities.py`` adds the ones the rules did not find.

The tagger ships in ``mip_archive/nlp/report_tagger/`` and is **off by default**: on fresh blind text it found a
few more reports for as many more false ones (docs/BENCHMARKS.md, round 30) at half the NLP speed. The
``MIP_REPORT_TAGGER`` setting turns it on ("1": the shipped model, or the folder of another trained model);
``Enricher(report_tagger=True)`` does the same in code.
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


SHIPPED = Path(str(resources.files("mip_archive.nlp") / "report_tagger"))


def tagger_path(wanted: bool | None = None) -> Path | None:
    """The trained tagger to run, or None. ``wanted`` None follows the MIP_REPORT_TAGGER setting (unset or "0":
    off; "1": the shipped model; a folder: that model); True runs the setting's folder, else the shipped model;
    False runs none. A folder without a trained model runs none."""
    setting = os.environ.get("MIP_REPORT_TAGGER", "")
    if wanted is False or (wanted is None and setting in ("", "0")):
        return None
    path = Path(setting) if setting not in ("", "0", "1") else SHIPPED
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
