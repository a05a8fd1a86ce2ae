#!/usr/bin/env python
"""Score the NLP enricher against a gold JSONL file, with the stock model and textacy as baselines.

    python scripts/evaluate_nlp.py /work/shared/eval/gold_dev.jsonl --json data/eval_nlp.json

Entities: per label, precision/recall/F1 over each document's SET of (label, canonical) pairs, summed over
documents. Quotes: a found quote matches an unmatched gold quote when at least half of the words of the longer
of the two are shared; precision = matched / found, recall = matched / gold; speaker accuracy = matched quotes
whose speaker equals the gold speaker (None = None counts) / matched. Speed: words per second through the stock
model's full `nlp.pipe` and through `Enricher.enrich_many`, on the same texts.
"""

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

LABELS = ("PERSON", "TRUST", "REPORT", "ORG")
STOCK_LABELS = {"PERSON": "PERSON", "ORG": "ORG"}
_WORD = re.compile(r"\w+")


def norm(name: str | None) -> str | None:
    return " ".join(name.replace("’", "'").split()) if name else None


def entity_scores(gold_sets: list[set], found_sets: list[set]) -> dict:
    scores = {}
    for label in LABELS:
        tp = fp = fn = 0
        for gold, found in zip(gold_sets, found_sets):
            g = {c for lab, c in gold if lab == label}
            f = {c for lab, c in found if lab == label}
            tp, fp, fn = tp + len(g & f), fp + len(f - g), fn + len(g - f)
        scores[label] = prf(tp, fp, fn)
    return scores


def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3), "tp": tp, "fp": fp, "fn": fn}


def overlap(a: str, b: str) -> float:
    wa, wb = Counter(_WORD.findall(a.lower())), Counter(_WORD.findall(b.lower()))
    longest = max(sum(wa.values()), sum(wb.values()))
    return sum((wa & wb).values()) / longest if longest else 0.0


def quote_scores(gold_docs: list[list[dict]], found_docs: list[list[dict]], errors: list | None = None) -> dict:
    found_n = gold_n = matched = right = 0
    for index, (gold, found) in enumerate(zip(gold_docs, found_docs)):
        found_n, gold_n = found_n + len(found), gold_n + len(gold)
        unmatched = list(range(len(gold)))
        for quote in found:
            best = max(unmatched, key=lambda i: overlap(quote["text"], gold[i]["text"]), default=None)
            if best is None or overlap(quote["text"], gold[best]["text"]) < 0.5:
                _note(errors, index, "extra quote", quote)
                continue
            unmatched.remove(best)
            matched += 1
            if norm(quote["speaker"]) == norm(gold[best]["speaker"]):
                right += 1
            else:
                _note(errors, index, f"speaker {quote['speaker']!r} != {gold[best]['speaker']!r}", quote)
        for i in unmatched:
            _note(errors, index, "missed quote", gold[i])
    p = matched / found_n if found_n else 0.0
    r = matched / gold_n if gold_n else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "speaker_accuracy": round(right / matched, 3) if matched else 0.0,
            "found": found_n, "gold": gold_n, "matched": matched, "right": right}


def _note(errors: list | None, index: int, what: str, quote: dict) -> None:
    if errors is not None:
        errors.append((index, what, quote["text"][:80]))


def run_ours(texts: list[str], model: str | None, report_tagger: bool | None = None) -> tuple[list[set], list[list[dict]]]:
    from mip_archive.nlp import Enricher

    enricher = Enricher(model, report_tagger=report_tagger)
    ents, quotes = [], []
    for enrichment in enricher.enrich_many(texts):
        data = enrichment.to_json()
        ents.append({(e["label"], norm(e["canonical"])) for e in data["entities"]})
        quotes.append(data["quotes"])
    return ents, quotes


def run_stock(texts: list[str], model: str | None) -> tuple[list[set], list[list[dict]], str | None]:
    from mip_archive.nlp.model import load_stock

    nlp = load_stock(model)
    docs = list(nlp.pipe(texts))
    ents = [{(STOCK_LABELS[e.label_], norm(e.text)) for e in doc.ents if e.label_ in STOCK_LABELS} for doc in docs]
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError as exc:  # textacy is an optional (bench) dependency
        return ents, [[] for _ in docs], f"textacy not importable: {exc}"
    quotes, bailed = [], 0
    for doc in docs:
        try:
            triples = list(direct_quotations(doc))
        except ValueError:  # textacy refuses documents with an odd number of quote marks
            triples, bailed = [], bailed + 1
        quotes.append([_textacy_quote(triple) for triple in triples])
    note = f"textacy direct_quotations refused {bailed} of {len(docs)} documents (odd number of quote marks)"
    return ents, quotes, note if bailed else None


def _textacy_quote(triple) -> dict:
    text = "".join(t.text_with_ws for t in triple.content).strip().strip("'\"“”‘’")
    speaker = " ".join(t.text for t in triple.speaker) or None
    return {"text": text, "speaker": speaker, "cue": " ".join(t.text for t in triple.cue)}


def words_per_second(run, texts: list[str], repeat: int) -> float:
    batch = texts * repeat
    words = sum(len(t.split()) for t in batch)
    began = time.perf_counter()
    run(batch)
    return words / (time.perf_counter() - began)


def measure_speed(texts: list[str], model: str | None, repeat: int) -> dict:
    from mip_archive.nlp import Enricher
    from mip_archive.nlp.model import load_stock

    stock, enricher = load_stock(model), Enricher(model)
    stock_wps = words_per_second(lambda b: list(stock.pipe(b, batch_size=32)), texts, repeat)
    ours_wps = words_per_second(lambda b: list(enricher.enrich_many(b, batch_size=32)), texts, repeat)
    return {"stock_wps": round(stock_wps), "enricher_wps": round(ours_wps), "ratio": round(ours_wps / stock_wps, 2)}


def table(name: str, result: dict) -> str:
    lines = [f"### {name} ({result['docs']} docs)", "",
             "| system | PERSON F1 | TRUST F1 | REPORT F1 | ORG F1 | quote P | quote R | speaker acc. |",
             "|---|---|---|---|---|---|---|---|"]
    for system in ("enricher", "with_tagger", "baseline"):
        if system not in result:
            continue
        row = result[system]
        e, q = row["entities"], row["quotes"]
        lines.append(f"| {row['name']} | " + " | ".join(f"{e[label]['f1']:.2f}" for label in LABELS)
                     + f" | {q['p']:.2f} | {q['r']:.2f} | {q['speaker_accuracy']:.2f} |")
    return "\n".join(lines)


def load_gold(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def replica_gold(n_articles: int) -> list[dict]:
    """The replica's planted truth as gold documents (text = article_text(title, standfirst, body))."""
    from mip_archive.nlp import article_text
    from mip_archive.replica import generate, truth_records

    records = truth_records(generate(n_articles), "http://127.0.0.1")
    return [{"id": f"replica-{r['post_id']}", "text": article_text(r["title"], r["standfirst"], r["body"]),
             "entities": r["entities"], "quotes": r["quotes"]} for r in records]


def evaluate(name: str, docs: list[dict], model: str | None, show_errors: bool, tagger: bool = False) -> dict:
    texts = [d["text"] for d in docs]
    gold_ents = [{(e["label"], norm(e["canonical"])) for e in d["entities"]} for d in docs]
    gold_quotes = [d["quotes"] for d in docs]
    ours_ents, ours_quotes = run_ours(texts, model)
    stock_ents, stock_quotes, textacy_note = run_stock(texts, model)
    errors: list = []
    result = {
        "gold": name, "docs": len(docs),
        "enricher": {"name": "mip_archive.nlp.Enricher", "entities": entity_scores(gold_ents, ours_ents),
                     "quotes": quote_scores(gold_quotes, ours_quotes, errors)},
        "baseline": {"name": "stock NER + textacy direct_quotations",
                     "entities": entity_scores(gold_ents, stock_ents),
                     "quotes": quote_scores(gold_quotes, stock_quotes), "note": textacy_note},
    }
    if tagger:  # the same enricher with its learned REPORT tagger turned on, in the same run
        tagged_ents, tagged_quotes = run_ours(texts, model, report_tagger=True)
        result["with_tagger"] = {"name": "the same, with the learned REPORT tagger",
                                 "entities": entity_scores(gold_ents, tagged_ents),
                                 "quotes": quote_scores(gold_quotes, tagged_quotes)}
    if show_errors:
        _print_errors(docs, gold_ents, ours_ents, errors)
    return result


def pooled(results: list[dict]) -> dict:
    """Every set's documents counted together: entity counts summed per system and label."""
    out = {"gold": f"all {len(results)} sets pooled", "docs": sum(r["docs"] for r in results)}
    for system in ("enricher", "with_tagger", "baseline"):
        rows = [r[system] for r in results if system in r]
        if len(rows) != len(results):
            continue
        entities = {label: prf(*(sum(row["entities"][label][k] for row in rows) for k in ("tp", "fp", "fn")))
                    for label in LABELS}
        found, gold, matched, right = (sum(row["quotes"][k] for row in rows)
                                       for k in ("found", "gold", "matched", "right"))
        quotes = {"p": round(matched / found, 3) if found else 0.0, "r": round(matched / gold, 3) if gold else 0.0,
                  "speaker_accuracy": round(right / matched, 3) if matched else 0.0}
        out[system] = {"name": rows[0]["name"], "entities": entities, "quotes": quotes}
    return out


def _print_errors(docs, gold_ents, ours_ents, errors) -> None:
    for index, doc in enumerate(docs):
        missing, extra = gold_ents[index] - ours_ents[index], ours_ents[index] - gold_ents[index]
        quote_errors = [e for e in errors if e[0] == index]
        if missing or extra or quote_errors:
            print(f"--- {doc.get('id', index)}", file=sys.stderr)
            for item in sorted(missing):
                print(f"   missing {item}", file=sys.stderr)
            for item in sorted(extra):
                print(f"   extra   {item}", file=sys.stderr)
            for _, what, text in quote_errors:
                print(f"   {what}: {text}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", type=Path, nargs="*", help="gold JSONL file(s)")
    parser.add_argument("--replica", type=int, metavar="N", help="also score N replica articles' planted truth")
    parser.add_argument("--json", type=Path, help="write all scores to this JSON file")
    parser.add_argument("--model", help="spaCy model name (default: the enricher's setting)")
    parser.add_argument("--errors", action="store_true", help="list every entity/quote error on stderr")
    parser.add_argument("--speed-repeat", type=int, default=5, help="times the texts are repeated when timing")
    parser.add_argument("--tagger", action="store_true",
                        help="also score the enricher with its learned REPORT tagger turned on, in the same run")
    parser.add_argument("--pooled", action="store_true", help="also print every set's documents counted together")
    args = parser.parse_args(argv)
    sets = [(str(path), load_gold(path)) for path in args.gold]
    if args.replica:
        sets.append((f"replica ({args.replica} articles)", replica_gold(args.replica)))
    if not sets:
        parser.error("give at least one gold file or --replica N")
    results = [evaluate(name, docs, args.model, args.errors, args.tagger) for name, docs in sets]
    texts = [doc["text"] for _, docs in sets for doc in docs]
    speed = measure_speed(texts, args.model, args.speed_repeat)
    for result in results:
        print(table(result["gold"], result) + "\n")
        if result["baseline"]["note"]:
            print(f"note: {result['baseline']['note']}\n")
    summary = pooled(results) if args.pooled and len(results) > 1 else None
    if summary:
        print(table(summary["gold"], summary) + "\n")
    print(f"speed: stock nlp.pipe {speed['stock_wps']} words/s, enricher {speed['enricher_wps']} words/s "
          f"(ratio {speed['ratio']})")
    if args.json:
        saved = {"results": results, "speed": speed, **({"pooled": summary} if summary else {})}
        args.json.write_text(json.dumps(saved, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
