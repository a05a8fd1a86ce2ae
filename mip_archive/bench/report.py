"""Benchmark results: the shape every stage returns, its text table, its Markdown table and its JSON file.

A stage returns one :class:`StageResult`: tables of measurements, ratios against a peer measured in the same run
(machines are noisy, ratios travel), and the targets it was held to, each met or missed by a stated factor.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import platform
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)


@dataclass
class Table:
    title: str
    columns: list[str]
    rows: list[list] = field(default_factory=list)

    def add(self, *values) -> None:
        self.rows.append(list(values))


@dataclass
class Target:
    name: str  # e.g. "parse speed vs trafilatura"
    wanted: str  # e.g. "≥ 5.0×"
    measured: float | None
    threshold: float
    higher_is_better: bool = True
    unit: str = "×"

    @property
    def met(self) -> bool | None:
        if self.measured is None:
            return None
        return self.measured >= self.threshold if self.higher_is_better else self.measured <= self.threshold

    @property
    def gap(self) -> float | None:
        """How far off the target is, as a factor (1.0 = exactly on it; > 1 = missed by that much)."""
        if self.measured is None or self.measured <= 0:
            return None
        factor = self.threshold / self.measured if self.higher_is_better else self.measured / self.threshold
        return round(factor, 2)

    def to_dict(self) -> dict:
        return {**asdict(self), "met": self.met, "gap": self.gap}


@dataclass
class StageResult:
    stage: str
    command: str
    quick: bool
    tables: list[Table] = field(default_factory=list)
    ratios: dict[str, float | None] = field(default_factory=dict)
    targets: list[Target] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    params: dict = field(default_factory=dict)
    status: str = "ok"  # "ok", "pending" (the code it measures does not exist yet), "error"
    seconds: float = 0.0
    machine: dict = field(default_factory=lambda: machine_info())
    finished: str = field(default_factory=lambda: dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"))

    def to_dict(self) -> dict:
        data = asdict(self)
        data["targets"] = [t.to_dict() for t in self.targets]
        return data


def machine_info() -> dict:
    return {"python": platform.python_version(), "platform": platform.platform(terse=True),
            "cpus": os.cpu_count(), "processor": platform.processor() or platform.machine()}


def ratio(ours: float | None, peer: float | None) -> float | None:
    if ours is None or not peer:
        return None
    return round(ours / peer, 3)


def percentile(values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile (pct in 0..100) of a non-empty sequence."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * pct // 100))
    return ordered[int(rank) - 1]


def best_of(repeats: int, run: Callable[[], object]) -> tuple[float, object]:
    """The fastest of `repeats` timed calls (seconds) and the last call's result; noise only ever adds time."""
    times, result = [], None
    for _ in range(max(1, repeats)):
        started = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - started)
    return min(times), result


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else 0.0


def cell(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:,.3f}".rstrip("0").rstrip(".") if abs(value) < 10 else f"{value:,.1f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def format_table(table: Table) -> str:
    """A plain-text table for the terminal."""
    cells = [table.columns] + [[cell(v) for v in row] for row in table.rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(table.columns))]
    lines = [table.title, "  ".join(c.ljust(w) for c, w in zip(table.columns, widths)),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths)))
              for row in cells[1:]]
    return "\n".join(lines)


def markdown_table(table: Table) -> str:
    head = "| " + " | ".join(table.columns) + " |"
    rule = "|" + "|".join("---" if i == 0 else "---:" for i in range(len(table.columns))) + "|"
    body = ["| " + " | ".join(cell(v) for v in row) + " |" for row in table.rows]
    return "\n".join([f"**{table.title}**", "", head, rule, *body])


def targets_table(targets: list[Target]) -> Table:
    table = Table("Targets", ["target", "wanted", "measured", "met", "missed by"])
    for t in targets:
        measured = None if t.measured is None else f"{cell(float(t.measured))}{t.unit}"
        missed = f"{t.gap:.2f}×" if t.met is False and t.gap else "—"
        table.add(t.name, t.wanted, measured, t.met, missed)
    return table


def format_result(result: StageResult, *, markdown: bool = False) -> str:
    render = markdown_table if markdown else format_table
    parts = [f"{'### ' if markdown else '== '}{result.stage} ({result.status}, {result.seconds:.0f}s)"]
    tables = result.tables + ([targets_table(result.targets)] if result.targets else [])
    parts += [render(t) for t in tables]
    if result.ratios:
        parts.append("Ratios: " + ", ".join(f"{k} = {cell(v)}" for k, v in result.ratios.items()))
    parts += [("- " if markdown else "  * ") + note for note in result.notes]
    return "\n\n".join(parts)


def read_json(path: Path) -> StageResult:
    """A result written by :func:`write_json`, back as a StageResult (to re-render it without re-running)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    data["tables"] = [Table(**t) for t in data["tables"]]
    data["targets"] = [Target(**{k: v for k, v in t.items() if k not in ("met", "gap")}) for t in data["targets"]]
    return StageResult(**data)


def write_json(result: StageResult, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{result.stage}.json"
    path.write_text(json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    log.info("wrote %s", path)
    return path
