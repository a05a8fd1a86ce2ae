#!/usr/bin/env python
"""How far two people annotating the same texts agree, scored the way evaluate_nlp.py scores the enricher.

    python scripts/annotator_agreement.py FIRST.jsonl SECOND.jsonl [--enricher] [--errors] [--json OUT]

FIRST and SECOND hold the same documents (same ids, same texts) annotated independently, in the format of
`../shared/eval/README.md`. The second annotator is scored against the first exactly as the enricher is scored
against gold: per label F1 over each document's set of (label, canonical); quotes matched by word overlap, then
speaker accuracy. Entity F1 does not depend on which annotator is called gold; quote precision and recall swap.
With `--enricher` the enricher is run once on the texts and scored against each annotator in the same table, so
its figures can be read against the ceiling two careful people reach.
"""

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from evaluate_nlp import LABELS, entity_scores, norm, quote_scores, run_ours  # noqa: E402


class Mismatch(ValueError):
    """The two files do not hold the same documents, so their annotations cannot be compared."""


def load(path: Path) -> list[dict]:
    """One annotated document per line; a line that is not a JSON object with an id and a text is named."""
    docs = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
        except json.JSONDecodeError as exc:
            raise Mismatch(f"{path.name} line {number} is not JSON ({exc.msg})") from None
        if not isinstance(doc, dict) or not isinstance(doc.get("id"), str) or not isinstance(doc.get("text"), str):
            raise Mismatch(f"{path.name} line {number} has no id and text")
        if not all(isinstance(e, dict) and isinstance(e.get("label"), str) and isinstance(e.get("canonical"), str)
                   for e in doc.get("entities", [])):
            raise Mismatch(f"{path.name} line {number} has an entity without a label and a canonical name")
        if not all(isinstance(q, dict) and isinstance(q.get("text"), str) for q in doc.get("quotes", [])):
            raise Mismatch(f"{path.name} line {number} has a quote without its text")
        docs.append(doc)
    return docs


def paired(first: list[dict], second: list[dict]) -> list[tuple[dict, dict]]:
    by_id = {doc["id"]: doc for doc in second}
    if len(by_id) != len(second):
        raise Mismatch("the second file repeats a document id")
    missing = [doc["id"] for doc in first if doc["id"] not in by_id]
    extra = sorted(set(by_id) - {doc["id"] for doc in first})
    if missing or extra:
        raise Mismatch(f"documents differ: only in the first file {missing}, only in the second {extra}")
    changed = [doc["id"] for doc in first if doc["text"] != by_id[doc["id"]]["text"]]
    if changed:
        raise Mismatch(f"the texts of {len(changed)} document(s) differ, e.g. {changed[0]}")
    return [(doc, by_id[doc["id"]]) for doc in first]


def entity_sets(docs: list[dict]) -> list[set]:
    return [{(e["label"], norm(e["canonical"])) for e in doc.get("entities", [])} for doc in docs]


def score(gold: list[dict], ents: list[set], quotes: list[list[dict]], errors: list | None = None) -> dict:
    return {"entities": entity_scores(entity_sets(gold), ents),
            "quotes": quote_scores([d.get("quotes", []) for d in gold], quotes, errors)}


def agreement(first: list[dict], second: list[dict], enricher: bool = False, model: str | None = None,
              errors: list | None = None) -> dict:
    pairs = paired(first, second)
    a, b = [p[0] for p in pairs], [p[1] for p in pairs]
    rows = {"second annotator vs first": score(a, entity_sets(b), [d.get("quotes", []) for d in b], errors)}
    if enricher:
        ents, quotes = run_ours([d["text"] for d in a], model)
        rows["enricher vs first annotator"] = score(a, ents, quotes)
        rows["enricher vs second annotator"] = score(b, ents, quotes)
    return {"docs": len(pairs), "rows": rows}


def table(name: str, result: dict) -> str:
    lines = [f"### {name} ({result['docs']} docs)", "",
             "| comparison | PERSON F1 | TRUST F1 | REPORT F1 | ORG F1 | quote P | quote R | speaker acc. |",
             "|---|---|---|---|---|---|---|---|"]
    for row_name, row in result["rows"].items():
        e, q = row["entities"], row["quotes"]
        lines.append(f"| {row_name} | " + " | ".join(f"{e[label]['f1']:.2f}" for label in LABELS)
                     + f" | {q['p']:.2f} | {q['r']:.2f} | {q['speaker_accuracy']:.2f} |")
    return "\n".join(lines)


def disagreements(first: list[dict], second: list[dict], errors: list) -> list[str]:
    """Every entity one annotator has and the other has not, and every quote they part on, per document."""
    lines = []
    for index, (a, b) in enumerate(paired(first, second)):
        ea, eb = entity_sets([a])[0], entity_sets([b])[0]
        quote_lines = [f"   {what}: {text}" for i, what, text in errors if i == index]
        if ea != eb or quote_lines:
            lines.append(f"--- {a['id']}")
            lines += [f"   first only  {item}" for item in sorted(ea - eb)]
            lines += [f"   second only {item}" for item in sorted(eb - ea)]
            lines += quote_lines
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("first", type=Path, help="the first annotator's JSONL (scored as gold)")
    parser.add_argument("second", type=Path, help="the second annotator's JSONL, same documents")
    parser.add_argument("--enricher", action="store_true", help="also score the enricher against each annotator")
    parser.add_argument("--model", help="spaCy model name for --enricher (default: the enricher's setting)")
    parser.add_argument("--errors", action="store_true", help="list every disagreement on stderr")
    parser.add_argument("--json", type=Path, help="write the scores to this JSON file")
    args = parser.parse_args(argv)
    try:
        first, second = load(args.first), load(args.second)
        errors: list = []
        result = agreement(first, second, args.enricher, args.model, errors)
    except (OSError, Mismatch) as exc:
        print(f"error: cannot compare {args.first} with {args.second}: {exc}", file=sys.stderr)
        return 2
    if args.errors:
        print("\n".join(disagreements(first, second, errors)), file=sys.stderr)
    print(table(f"{args.first.name} vs {args.second.name}", result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
