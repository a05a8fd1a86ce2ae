"""Benchmarks: `python scripts/bench.py parse|nlp|e2e|refresh|serve|all [--quick]`.

Prints each stage's tables and writes its JSON to docs/bench/<stage>.json. See docs/BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import logging
import shlex
import sys
from pathlib import Path

from mip_archive.bench import STAGES, run_stage
from mip_archive.bench.report import format_result, read_json, write_json

ROOT = Path(__file__).resolve().parent.parent


def _sizes(text: str) -> tuple[int, ...]:
    return tuple(int(part.replace("_", "")) for part in text.split(",") if part.strip())


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stage", choices=[*STAGES, "all"])
    parser.add_argument("--quick", action="store_true", help="Smaller inputs: minutes instead of a quarter hour.")
    parser.add_argument("--sizes", type=_sizes, default=(), metavar="N[,N...]",
                        help="Override the input size (e2e: the article counts to compare, e.g. 1000,10000).")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "bench", help="Folder for the JSON results.")
    parser.add_argument("--markdown", action="store_true", help="Print Markdown tables (for docs/BENCHMARKS.md).")
    parser.add_argument("--from-json", action="store_true",
                        help="Do not run: print the results saved in --out (e.g. with --markdown).")
    parser.add_argument("-v", "--verbose", action="store_true")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    command = "python scripts/bench.py " + shlex.join(argv)
    failed = False
    for stage in STAGES if args.stage == "all" else (args.stage,):
        if args.from_json:
            print(format_result(read_json(args.out / f"{stage}.json"), markdown=args.markdown) + "\n")
            continue
        result = run_stage(stage, quick=args.quick, command=command, sizes=args.sizes)
        print(format_result(result, markdown=args.markdown) + "\n", flush=True)
        write_json(result, args.out)
        failed = failed or result.status == "error"
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
