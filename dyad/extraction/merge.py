"""Within one document: statements of the same fact become one record, and facts that
happened during a dated visit take its days (marked inferred) when they give none."""
from __future__ import annotations

from ..lang.text import fold
from ..model import Interval, Record

SYMMETRIC = {"meeting", "agreement", "relations", "trade"}


def _same_parties(a: Record, b: Record) -> bool:
    if a.type in SYMMETRIC or a.attrs.get("mutual") or b.attrs.get("mutual"):
        return {a.actor, a.target} == {b.actor, b.target}
    return (a.actor, a.target) == (b.actor, b.target)


def _dates_fit(a: Interval | None, b: Interval | None) -> bool:
    return a is None or b is None or a.overlaps(b)


def _more_specific(a: Interval | None, b: Interval | None) -> Interval | None:
    if a is None or b is None:
        return a or b
    if a.inferred != b.inferred:
        return b if a.inferred else a
    return a if a.days <= b.days else b


def _near(a: Interval | None, b: Interval | None, days: int = 3) -> bool:
    """Days of one stay: overlapping or a few days apart (arrived Sunday, received Tuesday)."""
    if a is None or b is None:
        return True
    gap = max((b.start - a.end).days, (a.start - b.end).days)
    return gap <= days


def _same_fact(a: Record, b: Record) -> bool:
    if a.type != b.type or not _same_parties(a, b):
        return False
    if b.notes.get("anaphoric") and a.type in ("visit", "meeting"):
        return a.attrs.get("format") == b.attrs.get("format")  # "cette visite", "ces entretiens"
    sa, sb = a.attrs.get("status", "actual"), b.attrs.get("status", "actual")
    if a.type == "visit":
        if a.evidence == b.evidence:
            return True  # one sentence, one visit ("s'est rendu à Choucha, où il a été accueilli")
        return _near(a.when, b.when) and (sa == sb or "cancelled" not in (sa, sb))
    if not _dates_fit(a.when, b.when):
        return False
    if a.type == "meeting":
        return a.attrs.get("format") == b.attrs.get("format") and sa == sb
    if a.type == "agreement":
        if a.attrs.get("kind") != b.attrs.get("kind") or a.attrs.get("count") != b.attrs.get("count"):
            return False
        ta, tb = fold(a.attrs.get("title") or ""), fold(b.attrs.get("title") or "")
        if ta == tb and (a.topics or []) == (b.topics or []) or (not ta and not a.topics) or (not tb and not b.topics):
            return True
        # a headline and the body naming one document differently ("la Déclaration de Melbourne")
        names = lambda r: {w for w in (r.attrs.get("title") or "").split() if w[:1].isupper() and len(w) > 3}
        return (a.when is None or b.when is None) and a.evidence != b.evidence and bool(names(a) & names(b))
    if a.type == "trade":
        return a.when == b.when and sa == sb and a.attrs.get("flow") == b.attrs.get("flow") and \
            abs(a.attrs["value"] - b.attrs["value"]) <= 0.005 * max(a.attrs["value"], b.attrs["value"])
    if a.type == "relations":
        same_kind = a.attrs.get("kind") == b.attrs.get("kind")
        if a.when is None and b.when is None:
            return same_kind
        # a country leaves or joins an organisation once: a dated and an undated mention are one fact
        membership = a.attrs.get("kind") == "other" and (a.target or "").startswith("IGO:")
        return same_kind and a.attrs.get("change") == b.attrs.get("change") and (
            a.when is not None and b.when is not None or membership)
    if a.type == "support":
        return a.evidence == b.evidence
    return sa == sb


def _span(a: Interval | None, b: Interval | None) -> Interval | None:
    """The days of a stay told in pieces: from the first to the last."""
    if a is None or b is None:
        return a or b
    if a.inferred != b.inferred:
        return b if a.inferred else a
    return Interval(min(a.start, b.start), max(a.end, b.end), "range", a.inferred)


def _absorb(keep: Record, other: Record) -> None:
    if keep.evidence == other.evidence:
        # one sentence: the stay that holds the other day ("arrivé le 20 pour une visite du 20 au
        # 22"), else the first trigger's date, the main clause's
        a, b = keep.when, other.when
        if a is not None and b is not None and keep.type == "visit" and a.days == b.days == 1 \
                and abs((a.start - b.start).days) <= 7:
            keep.when = _span(a, b)  # "arrivé ce dimanche ..., où il effectue jusqu'au 22 août une visite"
        else:
            keep.when = b if (a is None or (b is not None and b.contains(a) and b != a)) else a
    else:
        keep.when = _span(keep.when, other.when) if keep.type == "visit" else _more_specific(keep.when, other.when)
    for p in other.persons:
        if p not in keep.persons:
            keep.persons.append(p)
    keep.where = keep.where or other.where
    if other.topics:
        keep.topics = list(dict.fromkeys((keep.topics or []) + other.topics))
    for k, v in other.attrs.items():
        if k == "status":
            continue  # a fact is as done as its first report says, unless a later one says it happened
        if k not in keep.attrs or keep.attrs[k] in ("unspecified", "", None):
            keep.attrs[k] = v
    if keep.type == "visit" and keep.attrs.get("status") == "planned" and other.attrs.get("status") is None \
            and other.notes.get("tense") == "past":
        del keep.attrs["status"]  # reported as done in the same article
    for e in other.evidence:
        if e not in keep.evidence:
            keep.evidence.append(e)
    keep.evidence.sort()


def merge_records(records: list[Record]) -> list[Record]:
    """One record per fact: later statements fold into the first that matches."""
    out: list[Record] = []
    for r in records:
        twin = next((k for k in out if _same_fact(k, r)), None)
        if twin is None and r.type == "agreement" and r.notes.get("anaphoric"):
            # "L'accord devra être ratifié": the last agreement told before it
            before = [k for k in out if k.type == "agreement" and k.evidence and r.evidence
                      and k.evidence[0] <= r.evidence[0]]
            twin = before[-1] if before else None
        if twin is None:
            out.append(r)
        else:
            _absorb(twin, r)
    return out


def _day_within(v: Interval, published: Interval | None) -> Interval:
    """One day of a visit for a fact told without its own date: the day of publication
    when it falls within the visit, else the first day."""
    if v.start == v.end:
        return Interval(v.start, v.end, "day", inferred=True)
    if published is not None and published.start == published.end and v.start <= published.start <= v.end:
        return Interval(published.start, published.start, "day", inferred=True)
    return Interval(v.start, v.start, "day", inferred=True)


def date_ongoing_visits(records: list[Record]) -> None:
    """"signé par la commissaire, en visite à Hanoï": a visit under way when a dated fact of
    the same pair happened, told without days of its own, takes that day."""
    dated = [r for r in records if r.type in ("agreement", "meeting") and r.when is not None
             and r.when.days == 1]
    for v in records:
        if v.type != "visit" or v.when is not None or not v.notes.get("ongoing"):
            continue
        fact = next((r for r in dated if {r.actor, r.target} == {v.actor, v.target}
                     and r.evidence and v.evidence and r.evidence[0] <= v.evidence[0]), None)
        if fact is not None:
            v.when = Interval(fact.when.start, fact.when.end, "day", inferred=True)


def date_lede(records: list[Record], published: Interval | None, lede_end: int) -> None:
    """The news of the day: a visit or talks told in the lede without a day happened on the
    day of publication (when that day is known), marked inferred."""
    if published is None or published.start != published.end:
        return
    for r in records:
        if r.type in ("visit", "meeting") and r.when is None and not r.attrs.get("status") \
                and not r.notes.get("anaphoric") and r.evidence and r.evidence[0][0] < lede_end \
                and r.notes.get("tense") != "past_perfect":
            r.when = Interval(published.start, published.end, "day", inferred=True)


def inherit_visit_dates(records: list[Record], city_country=lambda name: None,
                        published: Interval | None = None) -> None:
    """Talks, agreements and invitations with no date of their own, in an article about a
    dated visit of the same two parties, took place during it: they take the day of talks
    dated in the article, else a day of the visit, and its place."""
    visits = [r for r in records if r.type == "visit" and r.when is not None]
    if not visits:
        return
    talks = [r for r in records if r.type == "meeting" and r.when is not None and r.when.days == 1]
    for r in records:
        if r.when is not None or not (r.type in ("meeting", "agreement", "invitation") or
                                      r.type == "relations" and r.attrs.get("change") == "upgraded" or
                                      r.type == "support" and r.notes.get("occasion")):
            continue
        for v in visits:
            if {r.actor, r.target} != {v.actor, v.target}:
                continue
            if r.attrs.get("status") != v.attrs.get("status"):
                continue
            if r.where and v.where and fold(r.where) != fold(v.where):
                continue
            if r.where and not v.where and city_country(r.where) not in (None, v.target):
                continue  # held in the visitor's country: another occasion
            day = next((t.when for t in talks if {t.actor, t.target} == {r.actor, r.target}
                        and v.when.start <= t.when.start <= v.when.end), None)
            day = Interval(day.start, day.end, "day", inferred=True) if day else _day_within(v.when, published)
            r.when = day
            if r.type != "invitation":
                r.where = r.where or v.where
            break
