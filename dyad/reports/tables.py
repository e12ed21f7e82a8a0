"""Printing the knowledge base's query results as a table (for people), JSON or CSV (for programs).

Lists print as JSON Lines (one object per line): ``timeline --format json`` gives one
record of the record format per event, with "sources" (document ids) in place of "doc",
so ``shared/eval/score.py`` can score a timeline against a gold timeline. Single results
(``stats``, ``show``) print as one JSON object.
"""
from __future__ import annotations

import csv
import io
import json
from datetime import date
from typing import Any, Iterable, Sequence

from dyad.errors import Errors, QueryError
from dyad.kb.countries import country_name
from dyad.kb.queries import ConflictView, Dyad, EventDetail, Series, StoredEvent
from dyad.model import Interval

FORMATS = ("table", "json", "csv")
DIRECTED = {"visit", "invitation", "support"}
QUALIFIER_SIGN = {"exact": "", "approx": "~", "more_than": ">", "less_than": "<", None: ""}
MAX_CELL = 70


def check_format(fmt: str) -> str:
    """The format, lowercased; raises E049 when unknown."""
    if fmt.lower() not in FORMATS:
        raise QueryError(Errors.E049, fmt=fmt, choices=", ".join(FORMATS))
    return fmt.lower()


def _json(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, default=_default)


def _default(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Interval):
        return value.to_dict()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return _json(value)
    text = " ".join(str(value).split())
    return text if len(text) <= MAX_CELL else text[:MAX_CELL - 1] + "…"


def render_table(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """Aligned columns with a header line; long cells are cut with an ellipsis."""
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]
    line = lambda r: "  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip()  # noqa: E731
    out = [line(list(headers)), line(["-" * w for w in widths])] + [line(r) for r in cells]
    return "\n".join(out)


def render_csv(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """CSV with a header row; lists are joined with '; ', dicts written as JSON."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow([_csv_cell(v) for v in row])
    return buf.getvalue().rstrip("\n")


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(str(_csv_cell(v)) for v in value)
    if isinstance(value, dict):
        return _json(value)
    return value


def render_lines(objects: Iterable[Any]) -> str:
    """JSON Lines."""
    return "\n".join(_json(o) for o in objects)


def interval_text(interval: Interval | None) -> str:
    """'2023-08-21', '2023-08-20..2023-08-22', with '~' when inferred; '' when undated."""
    if interval is None:
        return ""
    text = interval.start.isoformat()
    if interval.end != interval.start:
        text += ".." + interval.end.isoformat()
    return ("~" if interval.inferred else "") + text


def money(value: float | None, currency: str | None = None, qualifier: str | None = None) -> str:
    """'>500 M USD', '~1.2 bn USD'."""
    if value is None:
        return ""
    v = float(value)
    if abs(v) >= 1e9:
        text = f"{v / 1e9:.4g} bn"
    elif abs(v) >= 1e6:
        text = f"{v / 1e6:.4g} M"
    else:
        text = f"{v:,.0f}"
    return f"{QUALIFIER_SIGN.get(qualifier, '')}{text}{' ' + currency if currency else ''}"


def parties(kind: str, actor: str | None, target: str | None, attrs: dict[str, Any]) -> str:
    """'KAZ→VNM' for directed facts, 'KAZ–VNM' otherwise."""
    directed = (kind in DIRECTED and not attrs.get("mutual")) or attrs.get("flow") == "export"
    return f"{actor or '?'}{'→' if directed else '–'}{target or '?'}"


def describe(ev: StoredEvent) -> str:
    """A one-line summary of an event's content."""
    a = ev.attrs
    parts: list[str] = []
    if ev.type == "trade":
        parts.append(money(a.get("value"), a.get("currency"), a.get("qualifier")))
        parts.append(a.get("status") or "actual")
        if (a.get("flow") or "total") != "total":
            parts.append(a["flow"])
    else:
        for key in ("level", "format", "kind", "change", "for", "object", "title"):
            if a.get(key) and a[key] != "unspecified":
                parts.append(str(a[key]))
        if a.get("count"):
            parts.append(f"{a['count']} documents")
        if ev.status != "actual":
            parts.append(ev.status)
    if ev.persons:
        parts.append("/".join(ev.persons))
    if ev.where:
        parts.append(f"in {ev.where}")
    return "; ".join(p for p in parts if p)


# ---- per command ------------------------------------------------------------------------

def format_dyads(items: list[Dyad], fmt: str = "table") -> str:
    """Pairs with their counts and first/last dates."""
    fmt = check_format(fmt)
    headers = ["a", "b", "name_a", "name_b", "events", "records", "first", "last"]
    rows = [[d.a, d.b, country_name(d.a), country_name(d.b), d.events, d.records,
             d.first.isoformat() if d.first else None, d.last.isoformat() if d.last else None] for d in items]
    if fmt == "json":
        return render_lines({**dict(zip(headers, r)), "by_type": d.by_type} for r, d in zip(rows, items))
    if fmt == "csv":
        return render_csv(headers, rows)
    return render_table(["pair", "countries", "events", "records", "first", "last"],
                        [[f"{r[0]}–{r[1]}", f"{r[2]} – {r[3]}", *r[4:]] for r in rows])


def format_timeline(events: list[StoredEvent], fmt: str = "table") -> str:
    """A timeline: JSON Lines of records with "sources", a CSV, or a table."""
    fmt = check_format(fmt)
    if fmt == "json":
        return render_lines(ev.to_record() for ev in events)
    headers = ["date", "type", "parties", "what", "sources", "event", "conflict"]
    rows = [[interval_text(ev.when), ev.type, parties(ev.type, ev.actor, ev.target, ev.attrs), describe(ev),
             len(ev.sources), ev.id, "!" if ev.conflict else ""] for ev in events]
    if fmt == "csv":
        return render_csv(["start", "end", "inferred", "type", "actor", "target", "what", "persons", "where",
                           "status", "sources", "event", "conflict"],
                          [[ev.when.start if ev.when else None, ev.when.end if ev.when else None,
                            bool(ev.when and ev.when.inferred), ev.type, ev.actor, ev.target, describe(ev),
                            ev.persons, ev.where, ev.status, ev.sources, ev.id, ev.conflict] for ev in events])
    return render_table(headers, rows)


def format_series(s: Series, fmt: str = "table") -> str:
    """A series: one line per period and status, with every source's value."""
    fmt = check_format(fmt)
    if fmt == "json":
        return render_lines({"event": p.event_id, "period": p.period.to_dict(), "status": p.status,
                             "flow": p.flow, "actor": p.actor, "target": p.target, "value": p.value,
                             "currency": p.currency, "qualifier": p.qualifier, "values": p.values,
                             "sources": p.sources, "conflict": p.conflict} for p in s.points)
    if fmt == "csv":
        return render_csv(["start", "end", "status", "flow", "exporter", "importer", "value", "currency",
                           "qualifier", "sources", "conflict", "event"],
                          [[p.period.start, p.period.end, p.status, p.flow, p.actor, p.target, p.value,
                            p.currency, p.qualifier, p.sources, p.conflict, p.event_id] for p in s.points])
    rows = []
    for p in s.points:
        flow = "total" if p.flow == "total" else f"{p.actor}→{p.target}"
        shown = "; ".join(f"{money(v['value']['value'], v['value'].get('currency'), v['value'].get('qualifier'))}"
                          f" [{', '.join(v['sources'])}]" for v in p.values) or money(p.value, p.currency, p.qualifier)
        rows.append([interval_text(p.period), p.status, flow, shown, "!" if p.conflict else ""])
    title = f"{s.kind}: {country_name(s.pair[0])} – {country_name(s.pair[1])}"
    return title + "\n" + render_table(["period", "status", "flow", "values [sources]", "conflict"], rows)


def _value_text(slot: str, value: Any) -> str:
    if slot == "value" and isinstance(value, dict):
        return money(value.get("value"), value.get("currency"), value.get("qualifier"))
    if slot == "when" and isinstance(value, dict):
        return f"{'~' if value.get('inferred') else ''}{value['start']}..{value['end']}"
    return _cell(value)


def format_conflicts(items: list[ConflictView], fmt: str = "table") -> str:
    """Conflicts: the fact (type, pair, slot), each value and the sources that give it."""
    fmt = check_format(fmt)
    if fmt == "json":
        return render_lines(c.to_dict() for c in items)
    rows = [[c.type, parties(c.type, c.pair[0], c.pair[1], {}), interval_text(c.when), c.slot,
             _value_text(c.slot, v["value"]), v["sources"], c.event_id] for c in items for v in c.values]
    headers = ["type", "parties", "date", "slot", "value", "sources", "event"]
    return render_csv(headers, rows) if fmt == "csv" else render_table(headers, rows)


def format_event(detail: EventDetail, fmt: str = "table") -> str:
    """One event: its merged fact, then every source with its evidence sentence."""
    fmt = check_format(fmt)
    ev = detail.event
    if fmt == "json":
        return _json({"event": ev.to_record(),
                      "sources": [{"record": s.record_id, "doc": s.doc, "title": s.title, "url": s.url,
                                   "published": s.published, "outlet": s.outlet, "fact": s.record,
                                   "evidence": s.evidence} for s in detail.sources],
                      "conflicts": [c.to_dict() for c in detail.conflicts]})
    headers = ["doc", "published", "date", "evidence"]
    rows = [[s.doc, s.published, interval_text(_interval(s.record.get("when"))), s.evidence]
            for s in detail.sources]
    if fmt == "csv":
        return render_csv(headers + ["title", "url"],
                          [r + [s.title, s.url] for r, s in zip(rows, detail.sources)])
    lines = [f"event {ev.id}: {ev.type} {parties(ev.type, ev.actor, ev.target, ev.attrs)} "
             f"{interval_text(ev.when)}".rstrip(), f"  {describe(ev)}" if describe(ev) else "",
             f"  {len(detail.sources)} source record(s) in {len(ev.sources)} document(s)"]
    for c in detail.conflicts:
        values = "; ".join(f"{_value_text(c.slot, v['value'])} [{', '.join(v['sources'])}]" for v in c.values)
        lines.append(f"  CONFLICT on {c.slot}: {values}")
    lines.append("")
    for s in detail.sources:
        head = f"- {s.doc}" + (f" ({s.published})" if s.published else "") + (f" {s.title}" if s.title else "")
        lines += [head, f"    {s.evidence or '(no evidence sentence)'}"]
        if s.url:
            lines.append(f"    {s.url}")
    return "\n".join(line for line in lines if line is not None)


def _interval(value: dict[str, Any] | None) -> Interval | None:
    if not value:
        return None
    return Interval(date.fromisoformat(value["start"]), date.fromisoformat(value["end"]),
                    inferred=bool(value.get("inferred")))


def _flatten(data: dict[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    for key, value in data.items():
        if isinstance(value, dict):
            out += _flatten(value, f"{prefix}{key}.")
        else:
            out.append((prefix + key, value))
    return out


def format_stats(data: dict[str, Any], fmt: str = "table") -> str:
    """Store statistics: one JSON object, or key/value lines."""
    fmt = check_format(fmt)
    if fmt == "json":
        return _json(data)
    rows = _flatten(data)
    return render_csv(["key", "value"], rows) if fmt == "csv" else render_table(["key", "value"], rows)


def format_summary(summary: Any, fmt: str = "table") -> str:
    """An ingest summary (``IngestSummary``)."""
    fmt = check_format(fmt)
    data = summary.to_dict()
    if fmt == "json":
        return _json(data)
    failures = data.pop("failures")
    rows = list(data.items())
    text = render_csv(["key", "value"], rows) if fmt == "csv" else render_table(["key", "value"], rows)
    if failures and fmt == "table":
        text += "\n" + "\n".join(f"failed: {f['message']}" for f in failures)
    return text
