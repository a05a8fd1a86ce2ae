"""Small charts drawn on the server as inline SVG (no scripts, nothing loaded from elsewhere)."""

from __future__ import annotations

from markupsafe import Markup, escape

BAR_WIDTH, GAP, CHART_HEIGHT, LABEL_SPACE = 34, 8, 120, 34


def bar_chart_svg(counts: list[tuple[str, int]], *, title: str) -> Markup:
    """A vertical bar chart of ``(label, count)`` pairs, e.g. mentions per year; empty when there is nothing."""
    if not counts:
        return Markup("")
    top = max(count for _, count in counts) or 1
    width = len(counts) * (BAR_WIDTH + GAP) + GAP
    height = CHART_HEIGHT + LABEL_SPACE
    bars = "".join(_bar(index, label, count, top) for index, (label, count) in enumerate(counts))
    return Markup(
        f'<svg class="bar-chart" role="img" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}"'
        f' viewBox="0 0 {width} {height}"><title>{escape(title)}</title>{bars}</svg>'
    )


def _bar(index: int, label: str, count: int, top: int) -> str:
    x = GAP + index * (BAR_WIDTH + GAP)
    bar_height = max(round(CHART_HEIGHT * 0.8 * count / top), 1 if count else 0)
    y = CHART_HEIGHT - bar_height
    centre = x + BAR_WIDTH / 2
    return (
        f'<g><title>{escape(label)}: {count}</title>'
        f'<rect x="{x}" y="{y}" width="{BAR_WIDTH}" height="{bar_height}" rx="2"></rect>'
        f'<text class="count" x="{centre}" y="{y - 4}" text-anchor="middle">{count}</text>'
        f'<text class="label" x="{centre}" y="{CHART_HEIGHT + 18}" text-anchor="middle">{escape(label)}</text></g>'
    )


def fill_years(counts: dict[int, int]) -> list[tuple[str, int]]:
    """Every year from the first to the last with its count (0 for a quiet year), so gaps show as gaps."""
    if not counts:
        return []
    first, last = min(counts), max(counts)
    return [(str(year), counts.get(year, 0)) for year in range(first, last + 1)]
