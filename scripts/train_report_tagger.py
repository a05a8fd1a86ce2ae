#!/usr/bin/env python
"""Train the learned REPORT tagger from the hand-annotated sets, and save it into the package.

    python scripts/train_report_tagger.py --exclude 'heldout1(0[4-9]|1[0-9])' --epochs 4

The annotations give each document's SET of (label, canonical name), not spans. The training spans are found two
ways: every place a gold REPORT name occurs in its text (whole words), and every REPORT mention the rules find whose
canonical name is a gold REPORT name (so "the Carter review" is a REPORT span when the gold names the review by its
formal title). Everything else is not a report. The tagger starts from the stock model's NER weights (which already
know laws and works of art) with REPORT added, and is trained on REPORT spans alone. Sets named by --exclude are left
out, so that the blind sets written after it can measure it.

The result goes to mip_archive/nlp/report_tagger/ (or --out): the tagger the enricher runs beside its rules.
"""

import argparse
import json
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import spacy  # noqa: E402
from spacy.training import Example  # noqa: E402
from spacy.util import minibatch  # noqa: E402

from mip_archive.nlp.model import load_pipeline, model_name  # noqa: E402
from mip_archive.nlp.pipeline import Enricher  # noqa: E402

LABEL = "REPORT"


def gold_files(data: Path, exclude: str | None) -> list[Path]:
    files = sorted(data.glob("nlp_*.jsonl"))
    return [f for f in files if not (exclude and re.search(exclude, f.name))]


def report_spans(text: str, names: set[str], found: list) -> list[tuple[int, int]]:
    """Character spans of the document's reports: the gold names where they occur, and the rules' mentions that
    resolve to a gold name. Overlaps go to the longest span."""
    spans = []
    for name in names:
        spans += [(m.start(), m.end()) for m in re.finditer(rf"(?<![\w’'-]){re.escape(name)}(?![\w’'-])", text)]
    spans += [(m.start, m.end) for m in found if m.label == LABEL and m.canonical in names]
    chosen = []
    for start, end in sorted(set(spans), key=lambda s: (s[0] - s[1], s[0])):
        if all(end <= s or start >= e for s, e in chosen):
            chosen.append((start, end))
    return sorted(chosen)


def examples(files: list[Path], nlp, enricher: Enricher) -> list[Example]:
    rows = [json.loads(line) for f in files for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [row["text"] for row in rows]
    out, dropped = [], 0
    for row, doc, found in zip(rows, nlp.pipe(texts, batch_size=64), enricher.enrich_many(texts)):
        names = {e["canonical"] for e in row["entities"] if e["label"] == LABEL}
        ents = []
        for start, end in report_spans(row["text"], names, found.entities):
            span = doc.char_span(start, end, label=LABEL, alignment_mode="expand")
            if span is None:
                dropped += 1
            else:
                ents.append(span)
        reference = nlp.make_doc(row["text"])
        reference.set_ents([reference.char_span(s.start_char, s.end_char, label=LABEL) for s in ents],
                           default="outside")
        out.append(Example(nlp.make_doc(row["text"]), reference))
    print(f"{len(out)} documents, {sum(len(e.reference.ents) for e in out)} report spans ({dropped} unaligned)",
          file=sys.stderr)
    return out


def span_f1(nlp, dev: list[Example]) -> float:
    tp = fp = fn = 0
    for example, doc in zip(dev, nlp.pipe(e.reference.text for e in dev)):
        gold = {(s.start_char, s.end_char) for s in example.reference.ents}
        found = {(s.start_char, s.end_char) for s in doc.ents if s.label_ == LABEL}
        tp, fp, fn = tp + len(gold & found), fp + len(found - gold), fn + len(gold - found)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT / "tests" / "data")
    parser.add_argument("--exclude", help="regex over file names to leave out (blind sets)")
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--width", type=int, help="train a fresh model this wide instead of the stock NER's weights")
    parser.add_argument("--depth", type=int, default=2, help="its convolution depth (with --width)")
    parser.add_argument("--out", type=Path, default=ROOT / "mip_archive" / "nlp" / "report_tagger")
    args = parser.parse_args()
    random.seed(args.seed)
    spacy.util.fix_random_seed(args.seed)

    files = gold_files(args.data, args.exclude)
    print(f"training on {len(files)} files", file=sys.stderr)
    rules = load_pipeline()
    data = examples(files, rules, Enricher())
    random.shuffle(data)
    dev, train = data[: len(data) // 10], data[len(data) // 10:]

    if args.width:  # a fresh, smaller model: faster to run, without the stock model's knowledge
        nlp = spacy.blank("en")
        nlp.tokenizer = rules.tokenizer
        nlp.add_pipe("ner", config={"model": {
            "@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner", "extra_state_tokens": False,
            "hidden_width": 64, "maxout_pieces": 2, "use_upper": True,
            "tok2vec": {"@architectures": "spacy.HashEmbedCNN.v2", "pretrained_vectors": None, "width": args.width,
                        "depth": args.depth, "embed_size": 2000, "window_size": 1, "maxout_pieces": 3,
                        "subword_features": True}}})
        nlp.get_pipe("ner").add_label(LABEL)
        optimizer = nlp.initialize(lambda: train)
    else:  # the stock model's NER weights, with REPORT added
        nlp = spacy.load(model_name(), exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer",
                                                "senter"])
        nlp.tokenizer = rules.tokenizer
        nlp.get_pipe("ner").add_label(LABEL)
        optimizer = nlp.resume_training()
    best, best_bytes = -1.0, None
    for epoch in range(args.epochs):
        random.shuffle(train)
        losses, began = {}, time.time()
        for batch in minibatch(train, size=16):
            nlp.update(batch, sgd=optimizer, drop=0.2, losses=losses)
        score = span_f1(nlp, dev)
        print(f"epoch {epoch + 1}: loss {losses['ner']:.0f}, dev span F1 {score:.3f} ({time.time() - began:.0f} s)",
              file=sys.stderr)
        if score > best:
            best, best_bytes = score, nlp.to_bytes()
    nlp.from_bytes(best_bytes)
    nlp.meta["name"] = "mip_report_tagger"
    nlp.meta["description"] = (f"REPORT tagger trained by scripts/train_report_tagger.py on {len(files)} sets "
                               f"(excluded: {args.exclude or 'none'}); dev span F1 {best:.3f}")
    args.out.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(args.out)
    print(f"saved to {args.out} (dev span F1 {best:.3f})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
