"""Merging records of the same real-world fact, from many articles, into events.

Pure functions over ``Source`` rows: the store feeds one pair's records in and writes
the events out (see ``dyad.kb.ingest``). Rules:

- Records merge only within a *group*: same type and same parties (ordered for visit,
  invitation and one-way support or trade; unordered otherwise). Trade groups are one per
  (pair, period, status, flow), relations groups one per (pair, kind, change): each such
  group is one event whatever its sources say, and disagreements become conflicts.
- In other groups, a record joins an event when it is compatible with every source
  already in it: dates overlap (or one is missing), people do not contradict (the sets
  share someone, or one is empty), the places agree (or one is missing), the type's own
  fields agree (level, format, kind, title...), and it comes from another document (one
  document's records are distinct facts by the record format's contract). Specific and
  explicit dates are placed first; an undated record that fits several events stays apart.
- The event's date is the most specific interval its sources support: the narrowest
  explicit one lying within the other explicit ones; inferred dates count only when no
  source gives an explicit one. A planned fact reported later as done is done.
- Conflicts: dates neither equal nor nested, trade values that no reading of their
  qualifiers reconciles, a fact reported both done and called off, differing counts.
  Every value is kept with its sources; the event is flagged, nothing is silently chosen.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable, Hashable, Iterable

from dyad.model import Interval

from .countries import fold_name, pair_key

DIRECTED = {"visit", "invitation", "support"}
QUALIFIER_RANGE = {  # the values a stated figure allows, as factors of the figure
    "exact": (0.995, 1.005), "approx": (0.9, 1.1), "more_than": (1.0, 2.0),
    "less_than": (0.5, 1.0), None: (0.995, 1.005)}
QUALIFIER_RANK = {"exact": 0, None: 1, "approx": 2, "more_than": 3, "less_than": 3}
GENERIC = {None, "", "unspecified", "other", "visit"}  # values that agree with any specific one


@dataclass
class Source:
    """One stored record, as merging sees it."""

    id: int
    doc: str
    seq: int
    type: str
    actor: str | None
    target: str | None
    when: Interval | None = None
    where: str | None = None
    persons: list[str] = field(default_factory=list)
    topics: list[str] | None = None
    attrs: dict[str, Any] = field(default_factory=dict)
    person_ids: frozenset[Hashable] = frozenset()

    @property
    def status(self) -> str:
        if self.type == "trade":
            return self.attrs.get("status") or "actual"
        return self.attrs.get("status") or "actual"


@dataclass
class Conflict:
    """A slot on which an event's sources disagree, with every value and who gives it."""

    slot: str
    values: list[dict[str, Any]]  # {"value": ..., "sources": [doc ids], "records": [record ids]}


@dataclass
class Event:
    """One real-world fact and every record that reports it."""

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
    sources: list[Source]
    conflicts: list[Conflict] = field(default_factory=list)

    @property
    def docs(self) -> list[str]:
        """The ids of the documents that report it, each once, in order."""
        return list(dict.fromkeys(s.doc for s in self.sources))


# ---- grouping ---------------------------------------------------------------------------

def _parties(source: Source, ordered: bool) -> tuple[str | None, str | None]:
    if ordered:
        return source.actor, source.target
    return tuple(sorted((source.actor, source.target), key=lambda c: c or "?"))  # type: ignore[return-value]


def group_key(source: Source) -> tuple:
    """Records that may be one fact share a group key."""
    a = source.attrs
    if source.type == "trade":
        flow = a.get("flow") or "total"
        parties = _parties(source, flow == "export")
        if source.when is None:  # a figure for an unknown period cannot be compared
            return ("trade", parties, "undated", source.id)
        return ("trade", parties, source.when.start, source.when.end, source.status, flow)
    if source.type == "relations":
        return ("relations", _parties(source, False), a.get("kind") or "other",
                a.get("change") or "established")
    if source.type == "support":
        mutual = bool(a.get("mutual"))
        return ("support", _parties(source, not mutual), mutual)
    return (source.type, _parties(source, source.type in DIRECTED))


def _single_event_group(key: tuple) -> bool:
    return key[0] == "relations" or (key[0] == "trade" and key[2] != "undated")


# ---- compatibility ----------------------------------------------------------------------

def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", fold_name_keep_spaces(text)) if len(w) > 3}


def fold_name_keep_spaces(text: str) -> str:
    """Accents and case folded, word boundaries kept."""
    import unicodedata

    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def similar_text(a: str | None, b: str | None) -> bool:
    """Two free-text descriptions of one thing: most content words of the shorter recur."""
    if not a or not b:
        return True
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return fold_name(a) == fold_name(b)
    return len(wa & wb) / min(len(wa), len(wb)) >= 0.5


def _agree(a: Any, b: Any) -> bool:
    return a in GENERIC or b in GENERIC or a == b


def attrs_compatible(kind: str, a: Source, b: Source) -> bool:
    """The type's own fields do not tell the two records apart."""
    x, y = a.attrs, b.attrs
    if kind == "visit":
        return _agree(x.get("level"), y.get("level"))
    if kind == "meeting":
        return _agree(x.get("format"), y.get("format")) and _agree(x.get("ordinal"), y.get("ordinal"))
    if kind == "invitation":
        return _agree(x.get("for"), y.get("for"))
    if kind == "support":
        return similar_text(x.get("object"), y.get("object"))
    if kind == "agreement":
        if ("count" in x) != ("count" in y) or not _agree(x.get("kind"), y.get("kind")):
            return False
        if x.get("period") and y.get("period") and x["period"] != y["period"]:
            return False
        if x.get("title") and y.get("title"):
            return similar_text(x["title"], y["title"])
        if a.topics and b.topics and not x.get("title") and not y.get("title"):
            return bool(set(a.topics) & set(b.topics))
        return True
    return True


def compatible(record: Source, member: Source) -> bool:
    """Could these two records report the same fact (beyond the group key)?"""
    if record.doc == member.doc:
        return False
    if record.when and member.when and not record.when.overlaps(member.when):
        return False
    if record.person_ids and member.person_ids and not (record.person_ids & member.person_ids):
        return False
    if record.where and member.where and fold_name(record.where) != fold_name(member.where):
        return False
    return attrs_compatible(record.type, record, member)


# ---- clustering -------------------------------------------------------------------------

def _months(interval: Interval) -> range:
    first = interval.start.year * 12 + interval.start.month
    last = interval.end.year * 12 + interval.end.month
    return range(first, min(last, first + 1200) + 1)


def _placement_order(source: Source) -> tuple:
    w = source.when
    if w is None:
        return (1, 0, 0, date.min, source.doc, source.seq)
    return (0, w.inferred, w.days, w.start, source.doc, source.seq)


def _fit_score(record: Source, cluster: list[Source]) -> tuple:
    people = sum(len(record.person_ids & m.person_ids) for m in cluster)
    place = sum(1 for m in cluster if record.where and m.where
                and fold_name(record.where) == fold_name(m.where))
    narrow = -min((m.when.days for m in cluster if m.when), default=10**6)
    return (people, place, narrow, len(cluster))


def cluster(sources: list[Source]) -> list[list[Source]]:
    """Split one group's records into events (lists of sources), deterministically."""
    clusters: list[list[Source]] = []
    by_month: dict[int, list[int]] = {}
    for record in sorted(sources, key=_placement_order):
        if record.when is not None:
            candidates = sorted({i for m in _months(record.when) for i in by_month.get(m, ())})
        else:
            candidates = range(len(clusters))
        fits = [i for i in candidates if all(compatible(record, m) for m in clusters[i])]
        if record.when is None and len(fits) > 1:
            fits = []  # an undated report that fits several events could be any of them
        if fits:
            best = max(fits, key=lambda i: (_fit_score(record, clusters[i]), -i))
            clusters[best].append(record)
        else:
            best = len(clusters)
            clusters.append([record])
        if record.when is not None:
            for m in _months(record.when):
                by_month.setdefault(m, [])
                if best not in by_month[m]:
                    by_month[m].append(best)
    return clusters


# ---- the event's values -----------------------------------------------------------------

def best_interval(intervals: list[Interval]) -> Interval | None:
    """The narrowest explicit interval within all other explicit ones (inferred if none)."""
    explicit = [i for i in intervals if not i.inferred] or intervals
    if not explicit:
        return None
    inside = [i for i in explicit if all(o.contains(i) for o in explicit)]
    return min(inside or explicit, key=lambda i: (i.days, i.start, i.end))


def merged_status(statuses: Iterable[str]) -> str:
    """Done beats planned; called off beats planned; done and called off is a conflict."""
    found = set(statuses)
    if "actual" in found:
        return "actual"
    if "cancelled" in found:
        return "cancelled"
    if "target" in found:
        return "target"
    return "planned" if "planned" in found else "actual"


def _value_groups(sources: list[Source], get: Callable[[Source], Any]) -> list[dict[str, Any]]:
    groups: dict[str, dict[str, Any]] = {}
    for s in sources:
        value = get(s)
        if value is None:
            continue
        entry = groups.setdefault(repr(value), {"value": value, "sources": [], "records": []})
        if s.doc not in entry["sources"]:
            entry["sources"].append(s.doc)
        entry["records"].append(s.id)
    return list(groups.values())


def _interval_value(i: Interval) -> dict[str, Any]:
    return i.to_dict()


def date_conflict(sources: list[Source]) -> Conflict | None:
    """Dates that are neither equal nor one within the other."""
    dated = [s for s in sources if s.when]
    for i, a in enumerate(dated):
        for b in dated[i + 1:]:
            x, y = a.when, b.when
            if (x.start, x.end) != (y.start, y.end) and not x.contains(y) and not y.contains(x):  # type: ignore[union-attr]
                return Conflict("when", _value_groups(dated, lambda s: _interval_value(s.when)))  # type: ignore[arg-type]
    return None


def trade_range(value: float, qualifier: str | None) -> tuple[float, float]:
    """The true values a stated figure and its qualifier allow."""
    low, high = QUALIFIER_RANGE.get(qualifier, QUALIFIER_RANGE[None])
    return (value * low, value * high) if value >= 0 else (value * high, value * low)


def trade_figure(s: Source) -> dict[str, Any] | None:
    """A trade record's figure as kept on its event."""
    a = s.attrs
    if a.get("value") is None:
        return None
    out = {"value": float(a["value"]), "currency": a.get("currency"), "qualifier": a.get("qualifier")}
    if a.get("change_pct") is not None:
        out["change_pct"] = a["change_pct"]
    return out


def value_conflict(sources: list[Source]) -> Conflict | None:
    """Figures (in one currency) whose qualifier ranges have no value in common."""
    by_currency: dict[Any, list[Source]] = {}
    for s in sources:
        if trade_figure(s):
            by_currency.setdefault(s.attrs.get("currency"), []).append(s)
    for group in by_currency.values():
        ranges = [trade_range(float(s.attrs["value"]), s.attrs.get("qualifier")) for s in group]
        if max(r[0] for r in ranges) > min(r[1] for r in ranges):
            return Conflict("value", _value_groups(sources, trade_figure))
    return None


def _union(lists: Iterable[list[str] | None]) -> list[str] | None:
    seen: dict[str, None] = {}
    any_list = False
    for items in lists:
        if items is not None:
            any_list = True
            seen.update(dict.fromkeys(items))
    return list(seen) if any_list else None


def _persons(sources: list[Source], display: Callable[[str], str]) -> list[str]:
    # The fullest list first keeps the head of delegation (or the inviter) first.
    ordered = sorted(sources, key=lambda s: -len(s.persons))
    names: dict[str, None] = {}
    for s in ordered:
        names.update(dict.fromkeys(display(n) for n in s.persons))
    return list(names)


def _merged_attrs(sources: list[Source], ordered: list[Source], status: str,
                  display: Callable[[str], str]) -> dict[str, Any]:
    attrs: dict[str, Any] = {}
    for s in ordered:  # most specific source first: its values win where others are generic
        for key, value in s.attrs.items():
            if value is None or key in ("status", "value", "qualifier", "currency", "change_pct"):
                continue
            if key not in attrs or attrs[key] in GENERIC or (
                    isinstance(value, str) and isinstance(attrs[key], str) and key in ("title", "object")
                    and len(value) > len(attrs[key])):
                attrs[key] = value
    if isinstance(attrs.get("invited_by"), str):
        attrs["invited_by"] = display(attrs["invited_by"])
    if sources[0].type == "trade":
        figures = [f for f in (trade_figure(s) for s in ordered) if f]
        if figures:
            best = min(figures, key=lambda f: QUALIFIER_RANK.get(f["qualifier"], 4))
            attrs.update({k: best[k] for k in ("value", "currency", "qualifier") if best[k] is not None})
            if "change_pct" in best:
                attrs["change_pct"] = best["change_pct"]
        attrs["values"] = _value_groups(sources, trade_figure)
        attrs["status"] = status
    elif status != "actual":
        attrs["status"] = status
    return attrs


def event_id(kind: str, key: str, sources: list[Source]) -> str:
    """A stable id: it follows the event's first source (by document id and position)."""
    first = min(sources, key=lambda s: (s.doc, s.seq))
    return hashlib.sha1(f"{kind}|{key}|{first.doc}|{first.seq}".encode("utf-8")).hexdigest()[:16]


def build_event(sources: list[Source], display: Callable[[str], str] = str) -> Event:
    """One event from the sources that report it: values merged, conflicts found."""
    ordered = sorted(sources, key=_placement_order)
    head = ordered[0]
    kind = head.type
    key = pair_key(head.actor, head.target)
    when = best_interval([s.when for s in sources if s.when])
    statuses = [s.status for s in sources]
    status = merged_status(statuses)
    wheres = {fold_name(s.where): s.where for s in ordered if s.where}
    found: list[Conflict] = []
    if (c := date_conflict(sources)) is not None:
        found.append(c)
    if kind == "trade" and (c := value_conflict(sources)) is not None:
        found.append(c)
    if "actual" in statuses and "cancelled" in statuses:
        found.append(Conflict("status", _value_groups(sources, lambda s: s.status)))
    if kind == "agreement" and len({s.attrs.get("count") for s in sources if s.attrs.get("count")}) > 1:
        found.append(Conflict("count", _value_groups(sources, lambda s: s.attrs.get("count"))))
    if len(wheres) > 1:
        found.append(Conflict("where", _value_groups(sources, lambda s: s.where)))
    actor, target = head.actor, head.target
    if kind not in DIRECTED and not (kind == "trade" and head.attrs.get("flow") == "export"):
        actor, target = _majority_order(sources)
    return Event(
        id=event_id(kind, key, sources), pair_key=key, type=kind, actor=actor, target=target,
        when=when, where=next(iter(wheres.values())) if len(wheres) == 1 else None,
        persons=_persons(sources, display), topics=_union(s.topics for s in ordered),
        attrs=_merged_attrs(sources, ordered, status, display), status=status,
        sources=sorted(sources, key=lambda s: (s.doc, s.seq)), conflicts=found)


def _majority_order(sources: list[Source]) -> tuple[str | None, str | None]:
    # Unordered facts: show the parties in the order most sources give them.
    counts: dict[tuple[str | None, str | None], int] = {}
    for s in sources:
        counts[(s.actor, s.target)] = counts.get((s.actor, s.target), 0) + 1
    return max(counts.items(), key=lambda kv: (kv[1], str(kv[0])))[0]


def merge(sources: Iterable[Source], display: Callable[[str], str] = str) -> list[Event]:
    """All events for a set of records (typically one pair's), each record in exactly one."""
    groups: dict[tuple, list[Source]] = {}
    for s in sources:
        groups.setdefault(group_key(s), []).append(s)
    events: list[Event] = []
    for key in sorted(groups, key=repr):
        members = groups[key]
        parts = [members] if _single_event_group(key) else cluster(members)
        events.extend(build_event(part, display) for part in parts)
    return events
