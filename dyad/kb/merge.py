"""Merging records of the same real-world fact, from many articles, into events.

Pure functions over ``Source`` rows: the store feeds one pair's records in and writes
the events out (see ``dyad.kb.ingest``). The rules:

- Records merge only within a *group*: same type and same parties (ordered for visit,
  invitation and one-way support or trade; unordered otherwise). A trade group is one
  (pair, period, status, flow) and a relations group one (pair, kind, change): each is a
  single event whatever its sources say, and disagreements become conflicts.
- In other groups a record joins an event when it is compatible with every source already
  in it: dates overlap (or one is missing); people do not contradict (one set holds the
  other, or they share two people, or one is empty); places agree (or one is missing); the
  type's own fields agree (level, format, kind, title, object...); and it comes from another
  document (one document's records are distinct facts by the record format's contract).
  Explicit and precise dates are placed first; an undated record that fits several events
  stays apart, since it could be any of them.
- A date's *precision* is a day, a range of days, a month, a quarter, a half, a year or a
  longer span. The event's date is the most specific one its sources give: a single day for
  most facts, but for a visit a range of days (a day inside a visit's range is one day of
  it, not a better date for the whole visit). Among different dates of that precision the
  one given explicitly, then by most sources, wins. The date is inferred only when no source
  gives it explicitly. A planned fact reported later as done is done.
- Conflicts: dates that do not overlap, or two different dates of the same precision
  (20-22 Aug vs 21-22 Aug); a less precise date that fits (August 2023, or 21 Aug within
  20-22 Aug) is not one. Trade figures no reading of their qualifiers reconciles (exact
  +/-0.5 %, approx +/-10 %, more than: up to 30 % above, less than: up to 30 % below); a fact
  reported both done and called off; differing counts of documents signed. Every value is
  kept with its sources and the event is flagged; nothing is silently chosen.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, Callable, Hashable, Iterable

from dyad.lang import lexicon
from dyad.lang.text import compact_key, lookup_key
from dyad.model import Interval

from .countries import pair_key

LANG = "fr"  # the language whose word tables compare free-text descriptions
DIRECTED = {"visit", "invitation", "support"}
QUALIFIER_RANGE = {  # the true values a stated figure allows, as factors of the figure
    "exact": (0.995, 1.005), "approx": (0.9, 1.1), "more_than": (1.0, 1.3),
    "less_than": (1 / 1.3, 1.0), None: (0.995, 1.005)}
QUALIFIER_RANK = {"exact": 0, None: 1, "approx": 2, "more_than": 3, "less_than": 3}
GENERIC = {None, "", "unspecified", "other", "visit"}  # values that agree with any specific one
PRECISION = ("day", "range", "month", "quarter", "half", "year", "span")
VISIT_PRECISION = ("range", "day", "month", "quarter", "half", "year", "span")


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
        """planned, cancelled or actual (trade: actual or target)."""
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
    a, b = sorted((source.actor or "?", source.target or "?"))
    return a, b


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


# ---- comparing free text ----------------------------------------------------------------

def _trim(word: str) -> str:
    """A word without its inflection, by the language's rules (``word_trims``): in French,
    "multilatérales" and "multilatéral" compare equal. Each group of rules cuts at most one
    ending: [ending, replacement, the length the word must exceed]."""
    for group in lexicon(LANG).words.get("word_trims", []):
        for ending, replacement, longer in group:
            if word.endswith(ending) and len(word) > longer:
                word = word[: len(word) - len(ending)] + replacement
                break
    return word


@lru_cache(maxsize=1)
def _word_table() -> tuple[frozenset[str], dict[str, str], tuple[tuple[str, str], ...], frozenset[str]]:
    stops: set[str] = set()
    same: dict[str, str] = {}
    phrases: list[tuple[str, str]] = []
    for cells in lexicon(LANG).object_words:
        kind, form, canonical = (cells + ["", ""])[:3]
        form, canonical = lookup_key(form), _trim(lookup_key(canonical))
        if kind == "stop":
            stops.add(_trim(form))
        elif " " in form:
            phrases.append((form, canonical))
        else:
            same[_trim(form)] = canonical
    phrases.sort(key=lambda p: -len(p[0]))
    canonical = frozenset(same.values()) | {c for _, c in phrases}
    return frozenset(stops), same, tuple(phrases), canonical


@lru_cache(maxsize=65536)
def content_words(text: str) -> frozenset[str]:
    """The words that carry a description's meaning, folded, trimmed and mapped to synonyms."""
    stops, same, phrases, canonical = _word_table()
    plain = " " + lookup_key(text) + " "
    for form, canonical in phrases:
        plain = plain.replace(f" {form} ", f" {canonical} ")
    out = set()
    for token in plain.split():
        word = _trim(token)
        if word in stops or token in stops:
            continue
        word = same.get(word, word)
        if len(word) >= 4 or word in canonical or (token.isdigit() and len(token) == 4):
            out.add(word)
    return frozenset(out)


def similar_text(a: str | None, b: str | None) -> bool:
    """Two descriptions of one thing: half the content words of the shorter recur (or one is vague)."""
    if not a or not b:
        return True
    wa, wb = content_words(a), content_words(b)
    if not wa or not wb:  # "accord de coopération": too vague to tell anything apart
        return True
    return len(wa & wb) / min(len(wa), len(wb)) >= 0.5


# ---- compatibility ----------------------------------------------------------------------

def _generic(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value in GENERIC)


def _agree(a: Any, b: Any) -> bool:
    return _generic(a) or _generic(b) or a == b


def _agreement_compatible(a: Source, b: Source) -> bool:
    x, y = a.attrs, b.attrs
    if ("count" in x) != ("count" in y) or not _agree(x.get("kind"), y.get("kind")):
        return False
    if x.get("period") and y.get("period"):
        if x["period"] != y["period"]:
            return False
        return True  # same kind for the same period: titles are two wordings of one document
    if x.get("title") and y.get("title"):
        return similar_text(x["title"], y["title"])
    if a.topics and b.topics and not x.get("title") and not y.get("title"):
        return bool(set(a.topics) & set(b.topics))
    return True


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
        return _agreement_compatible(a, b)
    return True


def persons_compatible(a: frozenset[Hashable], b: frozenset[Hashable]) -> bool:
    """No contradiction: one set is empty or holds the other, or they share two people."""
    return not a or not b or a <= b or b <= a or len(a & b) >= 2


def compatible(record: Source, member: Source, dates: bool = True) -> bool:
    """Could these two records report the same fact (beyond the group key)?"""
    if record.doc == member.doc:
        return False
    if dates and record.when and member.when and not record.when.overlaps(member.when):
        return False
    if not persons_compatible(record.person_ids, member.person_ids):
        return False
    if record.where and member.where and compact_key(record.where) != compact_key(member.where):
        return False
    return attrs_compatible(record.type, record, member)


COARSE = {"month", "quarter", "half", "year", "span"}


def _within_visit(x: Interval, days: Interval) -> bool:
    # A day inside the visit's days, or a vaguer date (a month, a year) that reaches them.
    level = precision(x)
    return (level == "day" and days.contains(x)) or (level in COARSE and days.overlaps(x))


def _parts_of_one_visit(a: Interval, b: Interval, members: Iterable[Source]) -> bool:
    """Two dates that do not overlap yet fit one visit: "on 21 August" and "on 22 August", or
    "on 31 October" and "in November", when a source gives the visit's days (a range) and
    both fit them. Two ranges must overlap themselves: 20-22 and 23-24 August stay apart."""
    return any(m.when is not None and precision(m.when) == "range"
               and _within_visit(a, m.when) and _within_visit(b, m.when) for m in members)


def fits(record: Source, members: list[Source]) -> bool:
    """The record is compatible with every source of an event (dates: see _parts_of_one_visit)."""
    for m in members:
        if not compatible(record, m, dates=False):
            return False
        if record.when and m.when and not record.when.overlaps(m.when) and not (
                record.type == "visit" and _parts_of_one_visit(record.when, m.when, members)):
            return False
    return True


# ---- dates ------------------------------------------------------------------------------

def _month_end(d: date) -> date:
    nxt = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return nxt - timedelta(days=1)


@lru_cache(maxsize=65536)
def precision(interval: Interval) -> str:
    """day, range (of days), month, quarter, half, year or span, from the dates themselves."""
    s, e = interval.start, interval.end
    if s == e:
        return "day"
    if s.day == 1 and e == _month_end(e):
        months = (e.year - s.year) * 12 + e.month - s.month + 1
        named = {1: "month", 3: "quarter", 6: "half", 12: "year"}.get(months)
        if named and (months == 1 or (s.month - 1) % months == 0):
            return named
    return "range" if interval.days <= 31 else "span"


def _rank(kind: str) -> tuple[str, ...]:
    return VISIT_PRECISION if kind == "visit" else PRECISION


def best_interval(kind: str, sources: list[Source]) -> Interval | None:
    """The event's date: the most specific precision given; explicit, then most sources, wins."""
    dated = [s for s in sources if s.when]
    if not dated:
        return None
    order = _rank(kind)
    level = min((precision(s.when) for s in dated), key=order.index)  # type: ignore[arg-type]
    candidates: dict[tuple[date, date], list[Source]] = {}
    for s in dated:
        if precision(s.when) == level:  # type: ignore[arg-type]
            candidates.setdefault((s.when.start, s.when.end), []).append(s)  # type: ignore[union-attr]
    (start, end), given = max(candidates.items(), key=lambda kv: (
        any(not s.when.inferred for s in kv[1]), len({s.doc for s in kv[1]}),  # type: ignore[union-attr]
        -(kv[0][1] - kv[0][0]).days, -kv[0][0].toordinal()))
    inferred = all(s.when.inferred for s in given)  # type: ignore[union-attr]
    return Interval(start, end, given[0].when.granularity, inferred)  # type: ignore[union-attr]


def dates_disagree(x: Interval, y: Interval) -> bool:
    """Two dates of one fact that cannot both be right."""
    if (x.start, x.end) == (y.start, y.end):
        return False
    return not x.overlaps(y) or precision(x) == precision(y)


def date_conflict(sources: list[Source]) -> Conflict | None:
    """The dates in disagreement, each with its sources; those that fit every other are left out."""
    dated = [s for s in sources if s.when]
    involved: set[int] = set()
    for i, a in enumerate(dated):
        for b in dated[i + 1:]:
            if dates_disagree(a.when, b.when) and not (  # type: ignore[arg-type]
                    a.type == "visit" and _parts_of_one_visit(a.when, b.when, dated)):  # type: ignore[arg-type]
                involved |= {a.id, b.id}
    if not involved:
        return None
    return Conflict("when", _value_groups([s for s in dated if s.id in involved],
                                          lambda s: {"start": s.when.start.isoformat(),
                                                     "end": s.when.end.isoformat()}))


# ---- clustering -------------------------------------------------------------------------

def _months(interval: Interval) -> range:
    first = interval.start.year * 12 + interval.start.month
    last = interval.end.year * 12 + interval.end.month
    return range(first, min(last, first + 1200) + 1)


def _placement_order(source: Source) -> tuple:
    w = source.when
    if w is None:  # undated reports that name people or a place are placed first
        return (1, -len(source.persons), source.where is None, 0, date.min, source.doc, source.seq)
    return (0, w.inferred, _rank(source.type).index(precision(w)), w.days, w.start, source.doc, source.seq)


def _fit_score(record: Source, cluster: list[Source]) -> tuple:
    people = sum(len(record.person_ids & m.person_ids) for m in cluster)
    place = sum(1 for m in cluster if record.where and m.where
                and compact_key(record.where) == compact_key(m.where))
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
            candidates = list(range(len(clusters)))
        fitting = [i for i in candidates if fits(record, clusters[i])]
        if record.when is None and len(fitting) > 1:
            fitting = []  # an undated report that fits several events could be any of them
        if fitting:
            best = max(fitting, key=lambda i: (_fit_score(record, clusters[i]), -i))
            clusters[best].append(record)
        else:
            best = len(clusters)
            clusters.append([record])
        if record.when is not None:
            for m in _months(record.when):
                bucket = by_month.setdefault(m, [])
                if best not in bucket:
                    bucket.append(best)
    return clusters


# ---- the event's values -----------------------------------------------------------------

def merged_status(statuses: Iterable[str]) -> str:
    """Done beats planned; called off beats planned; trade keeps actual or target."""
    found = set(statuses)
    for status in ("actual", "cancelled", "target", "planned"):
        if status in found:
            return status
    return "actual"


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
    return sorted(groups.values(), key=lambda g: (-len(g["sources"]), repr(g["value"])))


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


def _trade_attrs(sources: list[Source], ordered: list[Source]) -> dict[str, Any]:
    attrs: dict[str, Any] = {}
    groups = _value_groups(sources, trade_figure)  # most sources first
    if groups:
        top = len(groups[0]["sources"])
        best = min((g["value"] for g in groups if len(g["sources"]) == top),
                   key=lambda f: QUALIFIER_RANK.get(f["qualifier"], 4))
        attrs.update({k: best[k] for k in ("value", "currency", "qualifier") if best.get(k) is not None})
        if "change_pct" in best:
            attrs["change_pct"] = best["change_pct"]
    attrs["values"] = [{"value": g["value"], "sources": g["sources"]} for g in groups]
    flow = ordered[0].attrs.get("flow")
    if flow:
        attrs["flow"] = flow
    return attrs


def _merged_attrs(sources: list[Source], ordered: list[Source], status: str,
                  display: Callable[[str], str]) -> dict[str, Any]:
    if sources[0].type == "trade":
        attrs = _trade_attrs(sources, ordered)
        attrs["status"] = status
        return attrs
    attrs: dict[str, Any] = {}
    for s in ordered:  # most specific source first: its values win where others are generic
        for key, value in s.attrs.items():
            if value is None or key == "status":
                continue
            if key not in attrs or _generic(attrs[key]):
                attrs[key] = value
    if isinstance(attrs.get("invited_by"), str):
        attrs["invited_by"] = display(attrs["invited_by"])
    if status != "actual":
        attrs["status"] = status
    return attrs


def event_id(kind: str, key: str, sources: list[Source]) -> str:
    """A stable id: it follows the event's first source (by document id and position)."""
    first = min(sources, key=lambda s: (s.doc, s.seq))
    return hashlib.sha1(f"{kind}|{key}|{first.doc}|{first.seq}".encode("utf-8")).hexdigest()[:16]


def _conflicts(kind: str, sources: list[Source]) -> list[Conflict]:
    found = []
    if (c := date_conflict(sources)) is not None:
        found.append(c)
    if kind == "trade" and (c := value_conflict(sources)) is not None:
        found.append(c)
    statuses = {s.status for s in sources}
    if {"actual", "cancelled"} <= statuses:
        found.append(Conflict("status", _value_groups(sources, lambda s: s.status)))
    if kind == "agreement" and len({s.attrs.get("count") for s in sources if s.attrs.get("count")}) > 1:
        found.append(Conflict("count", _value_groups(sources, lambda s: s.attrs.get("count"))))
    if len({compact_key(s.where) for s in sources if s.where}) > 1:
        found.append(Conflict("where", _value_groups(sources, lambda s: s.where)))
    return found


def _majority_order(sources: list[Source]) -> tuple[str | None, str | None]:
    # Unordered facts: show the parties in the order most sources give them.
    counts: dict[tuple[str | None, str | None], int] = {}
    for s in sources:
        counts[(s.actor, s.target)] = counts.get((s.actor, s.target), 0) + 1
    return max(counts.items(), key=lambda kv: (kv[1], str(kv[0])))[0]


def build_event(sources: list[Source], display: Callable[[str], str] = str) -> Event:
    """One event from the sources that report it: values merged, conflicts found."""
    ordered = sorted(sources, key=_placement_order)
    head = ordered[0]
    kind = head.type
    status = merged_status(s.status for s in sources)
    wheres = {compact_key(s.where): s.where for s in ordered if s.where}
    actor, target = head.actor, head.target
    if kind not in DIRECTED and not (kind == "trade" and head.attrs.get("flow") == "export"):
        actor, target = _majority_order(sources)
    key = pair_key(head.actor, head.target)
    return Event(
        id=event_id(kind, key, sources), pair_key=key, type=kind, actor=actor, target=target,
        when=best_interval(kind, sources), where=next(iter(wheres.values())) if len(wheres) == 1 else None,
        persons=_persons(sources, display), topics=_union(s.topics for s in ordered),
        attrs=_merged_attrs(sources, ordered, status, display), status=status,
        sources=sorted(sources, key=lambda s: (s.doc, s.seq)), conflicts=_conflicts(kind, sources))


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
