"""Benchmarks of every pipeline stage, each measured against a peer in the same run on the same data.

One module per stage (``parse``, ``nlp``, ``e2e``, ``refresh``, ``serve``; ``synth`` builds the synthetic archive
the serving benchmark reads), each with ``run(quick=False, command="") -> StageResult``. ``report`` holds the
result shape, its tables and its JSON. ``scripts/bench.py`` is the command line.
"""

from __future__ import annotations

import importlib
import logging
import time
import traceback

from mip_archive.bench.report import StageResult

log = logging.getLogger(__name__)

STAGES = ("parse", "nlp", "e2e", "refresh", "serve")
# The keyword of each stage's run() that --sizes sets (e2e takes several sizes, the others one).
SIZE_PARAMS = {"parse": "n_pages", "nlp": "n_articles", "e2e": "sizes", "refresh": "n_articles",
               "serve": "n_articles"}


def run_stage(name: str, *, quick: bool = False, command: str = "", sizes: tuple[int, ...] = ()) -> StageResult:
    """Run one stage (`sizes` overrides its input size); a stage that crashes comes back as an ``error`` result
    with the reason, not a traceback."""
    if name not in STAGES:
        raise ValueError(f"unknown stage {name!r}; choose from {', '.join(STAGES)}")
    module = importlib.import_module(f"mip_archive.bench.{name}")
    overrides = {}
    if sizes:
        overrides[SIZE_PARAMS[name]] = tuple(sizes) if name == "e2e" else sizes[0]
    started = time.perf_counter()
    try:
        return module.run(quick=quick, command=command, **overrides)
    except Exception as error:  # noqa: BLE001 — one stage failing must not lose the others' results
        log.error("stage %s failed:\n%s", name, traceback.format_exc())
        return StageResult(name, command, quick, status="error", notes=[f"{type(error).__name__}: {error}"],
                           seconds=time.perf_counter() - started)
