"""Annotator agreement: two people's annotations of the same texts are scored like the enricher against gold.

Runs the script as a user does (no spaCy needed without --enricher); the documents are our own invention.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "annotator_agreement.py"

TEXT_1 = ("Union responds to the Hollins Review\n\n"
          "Managers in Partnership said the Hollins Review of board pay at Tamarside NHS Trust was overdue.\n\n"
          "“Boards need rules they can explain,” said MiP chief executive Ruth Okafor.")
TEXT_2 = ("Pay survey opens\n\n"
          "MiP's Senior Pay Survey 2024 opens today. 'Tell us what the award meant,' said Dev Malhotra.")


def doc(doc_id, text, entities, quotes):
    return {"id": doc_id, "text": text, "entities": [{"label": lab, "canonical": c} for lab, c in entities],
            "quotes": [{"text": t, "speaker": s, "cue": "said"} for t, s in quotes]}


FIRST = [
    doc("a-1", TEXT_1, [("REPORT", "Hollins Review"), ("TRUST", "Tamarside NHS Trust"), ("ORG", "MiP"),
                        ("PERSON", "Ruth Okafor")],
        [("Boards need rules they can explain,", "Ruth Okafor")]),
    doc("a-2", TEXT_2, [("REPORT", "Senior Pay Survey 2024"), ("ORG", "MiP"), ("PERSON", "Dev Malhotra")],
        [("Tell us what the award meant,", "Dev Malhotra")]),
]
SECOND = [
    doc("a-1", TEXT_1, [("REPORT", "Hollins Review"), ("TRUST", "Tamarside NHS Trust"), ("ORG", "MiP"),
                        ("PERSON", "Ruth Okafor")],
        [("Boards need rules they can explain,", "MiP")]),
    doc("a-2", TEXT_2, [("ORG", "MiP"), ("PERSON", "Dev Malhotra")],
        [("Tell us what the award meant,", "Dev Malhotra")]),
]


def write(path, docs):
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return path


def run(*args):
    return subprocess.run([sys.executable, str(SCRIPT), *map(str, args)], capture_output=True, text=True)


def test_the_second_annotator_is_scored_against_the_first_per_label_and_on_quotes(tmp_path):
    first, second = write(tmp_path / "first.jsonl", FIRST), write(tmp_path / "second.jsonl", SECOND)
    out = tmp_path / "agreement.json"

    done = run(first, second, "--json", out)

    assert done.returncode == 0, done.stderr
    row = json.loads(out.read_text())["rows"]["second annotator vs first"]
    assert {label: s["f1"] for label, s in row["entities"].items()} == {
        "PERSON": 1.0, "TRUST": 1.0, "REPORT": 0.667, "ORG": 1.0}
    assert row["quotes"] == {"p": 1.0, "r": 1.0, "f1": 1.0, "speaker_accuracy": 0.5,
                             "found": 2, "gold": 2, "matched": 2, "right": 1}
    assert "| second annotator vs first | 1.00 | 1.00 | 0.67 | 1.00 | 1.00 | 1.00 | 0.50 |" in done.stdout


def test_errors_name_each_disagreement_by_document(tmp_path):
    done = run(write(tmp_path / "f.jsonl", FIRST), write(tmp_path / "s.jsonl", SECOND), "--errors")

    assert done.stderr.splitlines() == [
        "--- a-1",
        "   speaker 'MiP' != 'Ruth Okafor': Boards need rules they can explain,",
        "--- a-2",
        "   first only  ('REPORT', 'Senior Pay Survey 2024')",
    ]


@pytest.mark.parametrize("second, message", [
    ([FIRST[0]], "only in the first file ['a-2']"),
    ([FIRST[0], {**FIRST[1], "text": TEXT_2.replace("today", "on Monday")}], "the texts of 1 document(s) differ"),
    ([FIRST[0], {**FIRST[1], "entities": [{"label": "ORG"}]}], "has an entity without a label and a canonical"),
])
def test_files_that_do_not_hold_the_same_documents_are_refused_with_a_clear_error(tmp_path, second, message):
    done = run(write(tmp_path / "f.jsonl", FIRST), write(tmp_path / "s.jsonl", second))

    assert done.returncode == 2
    assert message in done.stderr and "Traceback" not in done.stderr


def test_a_line_that_is_not_json_is_named(tmp_path):
    broken = tmp_path / "s.jsonl"
    broken.write_text(json.dumps(SECOND[0]) + "\n{not json\n", encoding="utf-8")

    done = run(write(tmp_path / "f.jsonl", FIRST), broken)

    assert done.returncode == 2
    assert "s.jsonl line 2 is not JSON" in done.stderr and "Traceback" not in done.stderr
