"""scripts/evaluate_nlp.py as a user runs it: two gold files in, per-set scores for the enricher, the same enricher
with its learned REPORT tagger turned on and the stock baseline, and every set pooled. The documents are our own."""

import json
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "evaluate_nlp.py"


def doc(doc_id, text, entities, quotes):
    return {"id": doc_id, "text": text, "entities": [{"label": lab, "canonical": c} for lab, c in entities],
            "quotes": [{"text": t, "speaker": s, "cue": "said"} for t, s in quotes]}


SET_A = [doc("e-1", "Union responds to the Hollins Review\n\nThe Hollins Review of board pay at Tamarside NHS Trust "
                    "was overdue, said Ruth Okafor.\n\n“Boards need rules they can explain,” said Ruth Okafor.",
             [("REPORT", "Hollins Review"), ("TRUST", "Tamarside NHS Trust"), ("PERSON", "Ruth Okafor")],
             [("Boards need rules they can explain,", "Ruth Okafor")])]
SET_B = [doc("e-2", "Managers test their plans\n\nManagers took part in Exercise Kestrel, a national test of "
                    "pandemic plans, in 2024. 'We learned a lot,' said Dev Malhotra.",
             [("REPORT", "Exercise Kestrel"), ("PERSON", "Dev Malhotra")],
             [("We learned a lot,", "Dev Malhotra")])]


def test_sets_are_scored_with_and_without_the_tagger_and_pooled(tmp_path):
    files = []
    for name, rows in (("a.jsonl", SET_A), ("b.jsonl", SET_B)):
        path = tmp_path / name
        path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
        files.append(str(path))
    out = tmp_path / "scores.json"
    done = subprocess.run([sys.executable, str(SCRIPT), *files, "--tagger", "--pooled", "--speed-repeat", "1",
                           "--json", str(out)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    scores = json.loads(out.read_text(encoding="utf-8"))
    first, second = scores["results"]
    assert {"enricher", "with_tagger", "baseline"} <= set(first)
    assert first["enricher"]["entities"]["REPORT"]["f1"] == 1.0
    # the report only the learned tagger finds: found with it, missed by the rules alone, never by the stock model
    assert second["with_tagger"]["entities"]["REPORT"]["tp"] == 1
    assert second["enricher"]["entities"]["REPORT"]["fn"] == 1
    assert second["baseline"]["entities"]["REPORT"]["tp"] == 0
    pooled = scores["pooled"]
    assert pooled["docs"] == 2
    assert pooled["with_tagger"]["entities"]["REPORT"]["tp"] == 2
    assert pooled["enricher"]["entities"]["PERSON"] == {"p": 1.0, "r": 1.0, "f1": 1.0, "tp": 2, "fp": 0, "fn": 0}
    assert pooled["enricher"]["quotes"] == {"p": 1.0, "r": 1.0, "speaker_accuracy": 1.0}
    assert "### all 2 sets pooled (2 docs)" in done.stdout
    assert "| the same, with the learned REPORT tagger |" in done.stdout
