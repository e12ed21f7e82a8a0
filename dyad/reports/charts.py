"""Charts of a pair's series (``dyad series A B trade --plot file.png``), drawn with matplotlib (Agg).

Each figure spans its period as a horizontal bar at its value, with a marker at the
period's middle: actuals filled and joined by a line per flow, targets hollow and dashed.
The marker's shape tells the qualifier (exact, approximately, more than, less than);
a figure in conflict with another source's is ringed in red. Every source's value is drawn.
"""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from dyad.errors import Errors, StoreError
from dyad.kb.countries import country_name
from dyad.kb.queries import Series, SeriesPoint

MARKERS = {"exact": "o", None: "o", "approx": "D", "more_than": "^", "less_than": "v"}
QUALIFIER_LABEL = {"exact": "exact", "approx": "approximately", "more_than": "more than", "less_than": "less than"}
COLOURS = ["#1f5fa8", "#c4661f", "#2e8b57", "#8b3a8b", "#6b6b6b"]


def _middle(p: SeriesPoint) -> date:
    return p.period.start + timedelta(days=(p.period.end - p.period.start).days // 2)


def _span(p: SeriesPoint) -> str:
    # Lines join figures for periods of one length only: a half-year next to a year misleads.
    days = p.period.days
    for name, low, high in (("year", 360, 370), ("half", 178, 186), ("quarter", 88, 94), ("month", 28, 31)):
        if low <= days <= high:
            return name
    return f"{days}d"


def _flow_label(p: SeriesPoint) -> str:
    return "total trade" if p.flow == "total" else f"exports {p.actor}→{p.target}"


def _figures(p: SeriesPoint) -> list[dict[str, Any]]:
    # Every source's figure; the representative one when the event kept no list.
    if p.values:
        return [v["value"] for v in p.values if isinstance(v.get("value"), dict)]
    return [{"value": p.value, "currency": p.currency, "qualifier": p.qualifier}] if p.value is not None else []


def plot_series(series: Series, path: str | Path, *, title: str | None = None) -> Path:
    """Draw a series to a PNG (or any format matplotlib knows from the suffix); the path written."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    a, b = series.pair
    fig, ax = plt.subplots(figsize=(10, 5.5), dpi=100)
    flows = sorted({_flow_label(p) for p in series.points})
    colour = {f: COLOURS[i % len(COLOURS)] for i, f in enumerate(flows)}
    currencies: set[str] = set()
    for flow in flows:
        for status in ("actual", "target"):
            points = sorted((p for p in series.points if _flow_label(p) == flow and p.status == status),
                            key=lambda p: p.period.start)
            lines: dict[str, tuple[list[date], list[float]]] = {}
            for p in points:
                figures = _figures(p)
                for fig_value in figures:
                    value = float(fig_value["value"])
                    currencies.add(fig_value.get("currency") or "")
                    hollow = status == "target"
                    ax.hlines(value, p.period.start, p.period.end + timedelta(days=1), colors=colour[flow],
                              linestyles="dashed" if hollow else "solid", alpha=0.5, linewidth=2)
                    ax.plot(_middle(p), value, marker=MARKERS.get(fig_value.get("qualifier"), "o"), markersize=9,
                            markerfacecolor="white" if hollow else colour[flow], color=colour[flow],
                            markeredgecolor="red" if p.conflict else colour[flow],
                            markeredgewidth=2.2 if p.conflict else 1.2, linestyle="none")
                if figures:
                    xs, ys = lines.setdefault(_span(p), ([], []))
                    xs.append(_middle(p))
                    ys.append(float(p.value if p.value is not None else figures[0]["value"]))
            for xs, ys in lines.values():
                if len(xs) > 1:
                    ax.plot(xs, ys, color=colour[flow], linestyle="--" if status == "target" else "-",
                            linewidth=1, alpha=0.8)
    unit = "/".join(sorted(c for c in currencies if c)) or "value"
    ax.set_ylabel(unit)
    ax.set_ylim(bottom=0)
    ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(_short_number))
    ax.grid(True, alpha=0.3)
    ax.set_title(title or f"{series.kind.capitalize()}: {country_name(a)} – {country_name(b)} ({a}–{b})")
    handles = [Line2D([], [], color=colour[f], marker="o", linestyle="-", label=f) for f in flows]
    handles += [Line2D([], [], color="black", marker="o", linestyle="-", label="actual"),
                Line2D([], [], color="black", marker="o", markerfacecolor="white", linestyle="--", label="target")]
    handles += [Line2D([], [], color="black", marker=MARKERS[q], linestyle="none", label=label)
                for q, label in QUALIFIER_LABEL.items()]
    if any(p.conflict for p in series.points):
        handles.append(Line2D([], [], color="white", marker="o", markeredgecolor="red", markeredgewidth=2,
                              linestyle="none", label="sources disagree"))
    ax.legend(handles=handles, loc="upper left", fontsize=8, ncol=2)
    if not series.points:
        ax.text(0.5, 0.5, "no figures in the store for this pair", transform=ax.transAxes, ha="center")
    fig.autofmt_xdate()
    fig.tight_layout()
    out = Path(path)
    try:
        fig.savefig(out)
    except OSError as err:
        raise StoreError(Errors.E050, path=out, reason=err.strerror or err) from err
    finally:
        plt.close(fig)
    return out


def _short_number(value: float, _pos: int) -> str:
    if abs(value) >= 1e9:
        return f"{value / 1e9:g} bn"
    if abs(value) >= 1e6:
        return f"{value / 1e6:g} M"
    return f"{value:g}"
