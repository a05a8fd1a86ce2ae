"""NLP benchmark: words/second of our enrichment beside the bare spaCy model's ``nlp.pipe`` on the same texts.

Rows: our :class:`~mip_archive.nlp.Enricher` (trimmed model + entity rules + quotes, speakers, roles), the bare
stock model with every component, and the bare model with the components we never use disabled — the last one
shows how much of our speed comes from trimming and how much our own rules cost. Batch sizes are swept for ours.
"""

from __future__ import annotations

import logging
import time

from mip_archive.bench.report import StageResult, Table, Target, best_of, ratio

log = logging.getLogger(__name__)

FULL = {"articles": 200, "batch_sizes": (1, 8, 32, 128), "repeats": 3}
QUICK = {"articles": 60, "batch_sizes": (8, 32), "repeats": 1}
TARGET_SHARE = 0.70  # ours ≥ 70% of the bare model's words/s


def replica_texts(n_articles: int, seed: int = 7) -> list[str]:
    """The texts the enricher reads (title, standfirst, body) for `n_articles` invented replica articles."""
    from mip_archive.nlp import article_text
    from mip_archive.replica.content import generate

    return [article_text(a.title, a.standfirst, a.body) for a in generate(n_articles, seed)]


def word_count(texts: list[str]) -> int:
    return sum(len(text.split()) for text in texts)


def time_pipe(nlp, texts: list[str], batch_size: int, repeats: int) -> float:
    """Best-of-`repeats` seconds for the bare model to process every text."""
    return best_of(repeats, lambda: sum(1 for _ in nlp.pipe(texts, batch_size=batch_size)))[0]


def time_enricher(enricher, texts: list[str], batch_size: int, repeats: int) -> float:
    return best_of(repeats, lambda: sum(1 for _ in enricher.enrich_many(texts, batch_size=batch_size)))[0]


def load_models(model: str | None = None):
    """(ours, bare full model, bare model without the components we do not use), loaded once each."""
    import spacy

    from mip_archive.nlp import Enricher
    from mip_archive.nlp.model import UNUSED_COMPONENTS, model_name

    name = model_name(model)
    return Enricher(name), spacy.load(name), spacy.load(name, exclude=list(UNUSED_COMPONENTS)), name


def run(quick: bool = False, *, n_articles: int | None = None, batch_sizes=None, repeats: int | None = None,
        model: str | None = None, command: str = "") -> StageResult:
    config = dict(QUICK if quick else FULL)
    n = n_articles or config["articles"]
    sizes = tuple(batch_sizes or config["batch_sizes"])
    reps = repeats or config["repeats"]
    started = time.perf_counter()
    texts = replica_texts(n)
    words = word_count(texts)
    ours, bare, trimmed, name = load_models(model)
    _warm_up(ours, bare, trimmed, texts[:4])
    default = 32 if 32 in sizes else sizes[-1]
    configs = [("bare spaCy, all components", bare, default, time_pipe),
               ("bare spaCy, unused components disabled", trimmed, default, time_pipe),
               ("ours: its spaCy pipeline only (no quotes/attribution)", ours.nlp, default, time_pipe),
               *[("ours: Enricher.enrich_many", ours, size, time_enricher) for size in sizes]]
    best = interleaved(configs, texts, reps)
    rows = [(label, _components(runner), batch, best[i]) for i, (label, runner, batch, _) in enumerate(configs)]
    return _result(rows, words, n, name, default, quick, command, time.perf_counter() - started)


def interleaved(configs, texts: list[str], rounds: int) -> list[float]:
    """Best seconds of each config over `rounds` rounds that each run every config once (noise hits all alike)."""
    best = [float("inf")] * len(configs)
    for _ in range(max(1, rounds)):
        for i, (_, runner, batch, timer) in enumerate(configs):
            best[i] = min(best[i], timer(runner, texts, batch, 1))
    return best


def _components(runner) -> list[str]:
    return (runner.nlp if hasattr(runner, "nlp") else runner).pipe_names


def _warm_up(ours, bare, trimmed, texts: list[str]) -> None:
    for _ in ours.enrich_many(texts):
        pass
    for nlp in (bare, trimmed):
        for _ in nlp.pipe(texts):
            pass


def _result(rows, words, n, name, default, quick, command, seconds) -> StageResult:
    table = Table(f"NLP: words/second on {n} replica articles ({words:,} words), model {name}",
                  ["pipeline", "components", "batch", "seconds", "words/s", "vs bare (all)"])
    bare_wps = words / rows[0][3]
    speeds = {}
    for label, components, batch, secs in rows:
        wps = words / secs
        speeds[(label, batch)] = wps
        table.add(label, ",".join(components), batch, round(secs, 3), round(wps), ratio(wps, bare_wps))
    ours_wps = speeds[("ours: Enricher.enrich_many", default)]
    trimmed_wps = speeds[("bare spaCy, unused components disabled", default)]
    pipeline_wps = speeds[("ours: its spaCy pipeline only (no quotes/attribution)", default)]
    ratios = {"ours_vs_bare_all": ratio(ours_wps, bare_wps), "ours_vs_bare_trimmed": ratio(ours_wps, trimmed_wps),
              "trimmed_vs_bare_all": ratio(trimmed_wps, bare_wps),
              "ours_vs_its_pipeline_only": ratio(ours_wps, pipeline_wps)}
    target = Target("enrichment speed vs bare spaCy nlp.pipe", f"≥ {TARGET_SHARE:.0%} of bare words/s",
                    ratios["ours_vs_bare_all"], TARGET_SHARE)
    notes = [(f"Same {n} texts, same process, batch {default} unless stated; best of interleaved rounds (each "
             "round runs every row once, so load from other processes hits all rows alike)."),
             "'vs bare (all)' is words/s divided by the bare full model's words/s measured in this run.",
             (f"Ours against the bare model with the same components disabled: {ratios['ours_vs_bare_trimmed']} "
             "(the cost of our entity rules, quote finding, attribution and roles); against its own spaCy "
             f"pipeline without the Python post-processing: {ratios['ours_vs_its_pipeline_only']}.")]
    return StageResult("nlp", command, quick, tables=[table], ratios=ratios, targets=[target], notes=notes,
                       params={"articles": n, "words": words, "model": name, "batch_default": default},
                       seconds=seconds)
