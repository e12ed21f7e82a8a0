"""Reading the knowledge base: dyads, timelines, series, conflicts, one event, statistics.

Each function takes an open ``Store`` and returns data (dataclasses, dicts); printing is
``dyad.reports.tables``'s job. Countries may be given as codes or names (see ``countries``).
Pairs whose records changed since their last merge are merged before they are read.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Sequence

from sqlalchemy import Date, bindparam, func, or_, select, text

from dyad.errors import Errors, NotFound, QueryError
from dyad.model import RECORD_TYPES, Interval, fact_dict

from . import schema as t
from .countries import pair_key, resolve_pair
from .ingest import merge_pending, pending_pairs
from .rows import row_interval, row_record
from .store import Store

SERIES_KINDS = ("trade",)
PairSpec = str | Sequence[str]


@dataclass
class StoredEvent:
    """An event as stored: the merged fact and the documents that report it."""

    id: str
    pair_key: str
    type: str
    actor: str | None
    target: str | None
    when: Interval | None
    where: str | None
    persons: list[str]
    topics: list[str] | None
    attrs: dict[str, Any]
    status: str
    sources: list[str]
    n_records: int
    conflict: bool

    def to_record(self) -> dict[str, Any]:
        """The event as a record of the record format, with "sources" in place of "doc"."""
        out = fact_dict({"sources": list(self.sources)}, self.type, self.actor, self.target, self.persons,
                        self.when, self.where, self.topics, self.attrs)
        out["event"] = self.id
        if self.conflict:
            out["conflict"] = True
        return out


@dataclass
class Dyad:
    """A pair of countries with what the store knows of it."""

    a: str
    b: str
    events: int
    records: int
    first: date | None
    last: date | None
    by_type: dict[str, int] = field(default_factory=dict)


@dataclass
class SeriesPoint:
    """One figure of a series: a period, a status, a flow, and each source's value."""

    event_id: str
    period: Interval
    status: str  # actual or target
    flow: str  # total or export
    actor: str | None  # the exporter, for flow == "export"
    target: str | None
    value: float | None  # the most precise figure (exact over approx over bounds)
    currency: str | None
    qualifier: str | None
    values: list[dict[str, Any]]  # every distinct figure: value, currency, qualifier, sources
    sources: list[str]
    conflict: bool


@dataclass
class Series:
    """Figures over time for one pair."""

    pair: tuple[str, str]
    kind: str
    points: list[SeriesPoint]


@dataclass
class ConflictView:
    """A fact on which sources disagree: the event, the slot, and each value with its sources."""

    id: str
    event_id: str
    type: str
    pair: tuple[str | None, str | None]
    slot: str
    values: list[dict[str, Any]]
    when: Interval | None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: the fact (type, pair, slot), then the values and who gives each."""
        return {"id": self.id, "event": self.event_id,
                "fact": {"type": self.type, "pair": list(self.pair), "slot": self.slot,
                         "when": self.when.to_dict() if self.when else None},
                "values": [{"value": v["value"], "sources": v["sources"]} for v in self.values]}


@dataclass
class SourceView:
    """One record behind an event, with its document and evidence sentence."""

    record_id: int
    doc: str
    title: str | None
    url: str | None
    published: str | None
    outlet: str | None
    record: dict[str, Any]
    evidence: str | None


@dataclass
class EventDetail:
    """An event with every source and conflict."""

    event: StoredEvent
    sources: list[SourceView]
    conflicts: list[ConflictView]


# ---- helpers ----------------------------------------------------------------------------

def parse_date(value: str | date | None, end: bool = False) -> date | None:
    """'2010' / '2010-05' / '2010-05-21' -> the first (or, with end=True, last) day meant."""
    if value is None or isinstance(value, date):
        return value
    m = re.fullmatch(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*", str(value))
    if not m:
        raise QueryError(Errors.E047, value=value)
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if day:
            return date(year, int(month), int(day))
        if month:
            first = date(year, int(month), 1)
            if not end:
                return first
            nxt = date(year + (first.month == 12), first.month % 12 + 1, 1)
            return date.fromordinal(nxt.toordinal() - 1)
        return date(year, 12, 31) if end else date(year, 1, 1)
    except ValueError as err:
        raise QueryError(Errors.E047, value=value) from err


def refresh(store: Store, keys: list[str] | None = None) -> None:
    """Merge the pairs left dirty (all, or those among ``keys``) before a read."""
    # Reads never show stale events: a pair left dirty (say, by a killed ingest) is merged first.
    with store.connect() as conn:
        dirty = pending_pairs(conn)
    if keys is not None:
        dirty = [k for k in dirty if k in keys]
    if dirty:
        merge_pending(store, dirty)


def _event(body: dict[str, Any]) -> StoredEvent:
    w = body["when"]
    when = Interval(date.fromisoformat(w[0]), date.fromisoformat(w[1]), w[3] or "day", bool(w[2])) if w else None
    return StoredEvent(body["id"], body["pair_key"], body["type"], body["actor"], body["target"], when,
                       body["where"], body["persons"], body["topics"], body["attrs"], body["status"],
                       body["sources"], body["n_records"], bool(body["conflict"]))


def _bodies(conn: Any, where: str, params: dict[str, Any], binds: list[Any]) -> list[dict[str, Any]]:
    # Every matching event's JSON body, joined into one array by the database and decoded
    # in one call: at thousands of events per pair, per-row decoding cost more than the query.
    join = "string_agg(body, ',')" if conn.dialect.name == "postgresql" else "group_concat(body, ',')"
    sql = f"SELECT {join} FROM events WHERE {where}"
    joined = conn.execute(text(sql).bindparams(*binds), params).scalar()
    return json.loads(f"[{joined}]") if joined else []


def _order(ev: StoredEvent) -> tuple:
    return (ev.when is None, ev.when.start if ev.when else date.min, ev.when.end if ev.when else date.min,
            ev.type, ev.id)


def _pair(pair: PairSpec) -> tuple[str, str]:
    return resolve_pair(pair)


def _check_type(kind: str | None) -> None:
    if kind is not None and kind not in RECORD_TYPES:
        raise QueryError(Errors.E031, name=kind, choices=", ".join(RECORD_TYPES))


# ---- queries ----------------------------------------------------------------------------

def dyads(store: Store) -> list[Dyad]:
    """Every pair with its number of events and records, and its first and last dates."""
    refresh(store)
    found: dict[str, Dyad] = {}
    with store.connect() as conn:
        e = t.events
        rows = conn.execute(select(e.c.pair_key, e.c.type, func.count(), func.min(e.c.when_start),
                                   func.max(e.c.when_end)).group_by(e.c.pair_key, e.c.type))
        for key, kind, count, first, last in rows:
            a, _, b = key.partition("|")
            d = found.setdefault(key, Dyad(a, b, 0, 0, None, None))
            d.events += count
            d.by_type[kind] = count
            first, last = _day(first), _day(last)
            d.first = min(x for x in (d.first, first) if x) if (d.first or first) else None
            d.last = max(x for x in (d.last, last) if x) if (d.last or last) else None
        for key, count in conn.execute(select(t.records.c.pair_key, func.count()).group_by(t.records.c.pair_key)):
            if key in found:
                found[key].records = count
    return sorted(found.values(), key=lambda d: (-d.events, d.a, d.b))


def _day(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def timeline(store: Store, pair: PairSpec, type: str | None = None, date_from: str | date | None = None,
             date_to: str | date | None = None) -> list[StoredEvent]:
    """A pair's events in date order (undated ones last), optionally of one type and period."""
    _check_type(type)
    a, b = _pair(pair)
    key = pair_key(a, b)
    refresh(store, [key])
    start, end = parse_date(date_from), parse_date(date_to, end=True)
    where, params = "pair_key = :key", {"key": key}
    binds = [bindparam("key")]
    for clause, name, value, kind in ((" AND type = :type", "type", type, None),
                                      (" AND when_end >= :start", "start", start, Date()),
                                      (" AND when_start <= :end", "end", end, Date())):
        if value:
            where += clause
            params[name] = value
            binds.append(bindparam(name, type_=kind))
    with store.connect() as conn:
        return sorted((_event(b) for b in _bodies(conn, where, params, binds)), key=_order)


def series(store: Store, pair: PairSpec, kind: str = "trade") -> Series:
    """A pair's trade figures over time: actuals and targets, each with qualifiers and sources."""
    words = pair.split() if isinstance(pair, str) else [str(w) for w in pair]
    if len(words) > 2 and words[-1].lower() in SERIES_KINDS:  # "dyad series KAZ VNM trade"
        kind, pair = words[-1].lower(), words[:-1]
    if kind not in SERIES_KINDS:
        raise QueryError(Errors.E052, kind=kind, choices=", ".join(SERIES_KINDS))
    a, b = _pair(pair)
    points = []
    for ev in timeline(store, (a, b), type="trade"):
        if ev.when is None:
            continue
        at = ev.attrs
        flow = at.get("flow") or "total"
        points.append(SeriesPoint(ev.id, ev.when, at.get("status") or ev.status, flow,
                                  ev.actor if flow == "export" else None,
                                  ev.target if flow == "export" else None,
                                  at.get("value"), at.get("currency"), at.get("qualifier"),
                                  list(at.get("values") or []), ev.sources, ev.conflict))
    return Series((a, b), kind, points)


def conflicts(store: Store, pair: PairSpec | None = None) -> list[ConflictView]:
    """Facts on which merged sources disagree, with every value and its sources."""
    key = None
    if pair is not None:
        key = pair_key(*_pair(pair))
    refresh(store, None if key is None else [key])
    return _conflicts(store, None if key is None else t.conflicts.c.pair_key == key)


def _conflicts(store: Store, where: Any = None) -> list[ConflictView]:
    c, e = t.conflicts, t.events
    query = (select(c.c.id, c.c.event_id, c.c.type, c.c.slot, c.c["values"], e.c.actor, e.c.target,
                    e.c.when_start, e.c.when_end, e.c.when_inferred, e.c.when_granularity)
             .join(e, e.c.id == c.c.event_id))
    if where is not None:
        query = query.where(where)
    with store.connect() as conn:
        rows = conn.execute(query).mappings().all()
    out = [ConflictView(r["id"], r["event_id"], r["type"], (r["actor"], r["target"]), r["slot"],
                        list(r["values"]), row_interval(r)) for r in rows]
    return sorted(out, key=lambda v: (pair_key(*v.pair), v.when.start if v.when else date.max, v.id))


def show(store: Store, event_id: str) -> EventDetail:
    """One event with every source record, its document and its evidence sentence."""
    event_id = event_id.strip()
    with store.connect() as conn:
        found = _bodies(conn, "id = :id", {"id": event_id}, [bindparam("id")])
        if not found:
            raise NotFound(Errors.E032, id=event_id, db=store.display)
        event = _event(found[0])
        r, d = t.records, t.documents
        query = (select(r, d.c.title, d.c.url, d.c.published_start, d.c.published_end, d.c.source)
                 .join(t.event_sources, t.event_sources.c.record_id == r.c.id)
                 .join(d, d.c.id == r.c.doc_id)
                 .where(t.event_sources.c.event_id == event_id).order_by(r.c.doc_id, r.c.seq))
        sources = []
        for m in conn.execute(query).mappings():
            published = None
            if m["published_start"] is not None:
                published = _day(m["published_start"]).isoformat()  # type: ignore[union-attr]
            sources.append(SourceView(m["id"], m["doc_id"], m["title"], m["url"], published, m["source"],
                                      row_record(m).to_dict(), m["evidence_text"]))
    found = _conflicts(store, t.conflicts.c.event_id == event_id) if event.conflict else []
    return EventDetail(event, sources, found)


def stats(store: Store) -> dict[str, Any]:
    """Counts of everything in the store."""
    refresh(store)
    with store.connect() as conn:
        def count(table: Any, *where: Any) -> int:
            q = select(func.count()).select_from(table)
            return conn.execute(q.where(*where) if where else q).scalar_one()

        by_type = dict(conn.execute(select(t.records.c.type, func.count()).group_by(t.records.c.type)).all())
        events_by_type = dict(conn.execute(select(t.events.c.type, func.count()).group_by(t.events.c.type)).all())
        out = {
            "documents": count(t.documents), "records": count(t.records), "events": count(t.events),
            "conflicts": count(t.conflicts), "events_with_conflicts": count(t.events, t.events.c.conflict.is_(True)),
            "multi_source_events": count(t.events, t.events.c.n_records > 1),
            "mentions": count(t.mentions), "persons": count(t.persons),
            "person_spellings": count(t.person_variants),
            "pairs": conn.execute(select(func.count(func.distinct(t.events.c.pair_key)))).scalar_one(),
            "records_by_type": {k: by_type.get(k, 0) for k in RECORD_TYPES},
            "events_by_type": {k: events_by_type.get(k, 0) for k in RECORD_TYPES},
            "pending_pairs": count(t.dirty_pairs),
            "schema_version": t.current_version(conn), "backend": store.dialect,
        }
    return out


def person_list(store: Store, country: str | None = None) -> list[dict[str, Any]]:
    """Persons with their canonical name, spellings, roles and country."""
    with store.connect() as conn:
        variants: dict[int, list[str]] = {}
        for name, pid in conn.execute(select(t.person_variants.c.name, t.person_variants.c.person_id)
                                      .order_by(t.person_variants.c.name)):
            variants.setdefault(pid, []).append(name)
        query = select(t.persons).order_by(t.persons.c.canonical)
        if country:
            query = query.where(or_(t.persons.c.country == country, t.persons.c.country.is_(None)))
        return [{"id": p.id, "name": p.canonical, "country": p.country, "roles": list(p.roles or []),
                 "variants": variants.get(p.id, [])} for p in conn.execute(query)]
