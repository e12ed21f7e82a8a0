"""Merging records of one fact from several articles into events, and finding conflicts."""
from __future__ import annotations

import random
from datetime import date
from itertools import count

import pytest

from dyad.kb.merge import Source, content_words, merge, precision, similar_text
from dyad.kb.persons import PersonIndex
from dyad.model import Interval

_ids = count(1)
PEOPLE = PersonIndex()  # resolves spellings and short forms to one id, as the store does


def day(text: str, end: str | None = None, inferred: bool = False) -> Interval:
    return Interval(date.fromisoformat(text), date.fromisoformat(end or text), inferred=inferred)


def src(doc: str, rtype: str, actor: str = "KAZ", target: str = "VNM", when: Interval | None = None,
        persons: tuple[str, ...] = (), where: str | None = None, **attrs) -> Source:
    return Source(next(_ids), doc, 0, rtype, actor, target, when, where, list(persons), None, dict(attrs),
                  frozenset(PEOPLE.resolve(p) for p in persons))


def one(events):
    assert len(events) == 1, [(e.type, e.when, [s.doc for s in e.sources]) for e in events]
    return events[0]


# ---- what merges and what does not ------------------------------------------------------

@pytest.mark.parametrize("a, b, merged", [
    # a day inside a visit's days is the same visit
    (src("d1", "visit", when=day("2023-08-21")), src("d2", "visit", when=day("2023-08-20", "2023-08-22")), True),
    # days that do not overlap are two visits
    (src("d1", "visit", when=day("2023-08-20", "2023-08-22")), src("d2", "visit", when=day("2023-08-23", "2023-08-24")), False),
    # a visit and the reverse visit are two facts
    (src("d1", "visit", when=day("2023-08-21")), src("d2", "visit", "VNM", "KAZ", when=day("2023-08-21")), False),
    # a meeting's parties are unordered
    (src("d1", "meeting", when=day("2023-08-21")), src("d2", "meeting", "VNM", "KAZ", when=day("2023-08-21")), True),
    # one of the dates missing
    (src("d1", "meeting", when=day("2023-08-21")), src("d2", "meeting", when=None), True),
    # contradicting people: another visitor
    (src("d1", "visit", when=day("2023-08-21"), persons=("Kassym-Jomart Tokayev",)),
     src("d2", "visit", when=day("2023-08-21"), persons=("Alikhan Smailov",)), False),
    # spellings of one person do not contradict
    (src("d1", "visit", when=day("2023-08-21"), persons=("Kassym-Jomart Tokaïev",)),
     src("d2", "visit", when=day("2023-08-21"), persons=("Kassym-Jomart Tokayev", "Murat Nurtleu")), True),
    # talks with another counterpart are another meeting
    (src("d1", "meeting", when=day("2023-08-21"), persons=("Tokayev", "Vo Van Thuong")),
     src("d2", "meeting", when=day("2023-08-21"), persons=("Tokayev", "Pham Minh Chinh")), False),
    # another city
    (src("d1", "visit", when=day("2023-08-21"), where="Hanoi"), src("d2", "visit", when=day("2023-08-21"), where="Da Nang"), False),
    (src("d1", "visit", when=day("2023-08-21"), where="Hanoï"), src("d2", "visit", when=day("2023-08-21"), where="Hanoi"), True),
    # a state visit is not a working visit; an unspecified level fits either
    (src("d1", "visit", when=day("2023-08-21"), level="state"), src("d2", "visit", when=day("2023-08-21"), level="working"), False),
    (src("d1", "visit", when=day("2023-08-21"), level="state"), src("d2", "visit", when=day("2023-08-21"), level="unspecified"), True),
    # a telephone call is not talks
    (src("d1", "meeting", when=day("2023-08-21"), format="call"), src("d2", "meeting", when=day("2023-08-21"), format="talks"), False),
    # two records of one document are two facts
    (src("d1", "agreement", when=day("2023-08-21")), src("d1", "agreement", when=day("2023-08-21")), False),
    # agreements: kind, title, period
    (src("d1", "agreement", when=day("2023-08-21"), kind="action_plan"), src("d2", "agreement", when=day("2023-08-21"), kind="memorandum"), False),
    (src("d1", "agreement", when=day("2015-05-29"), kind="agreement", title="accord de libre-échange"),
     src("d2", "agreement", when=day("2015-05-29"), kind="agreement",
         title="accord de libre-échange entre le Vietnam et l'Union économique eurasiatique"), True),
    (src("d1", "agreement", when=day("2023-08-21"), kind="agreement", title="accord de coopération sécuritaire"),
     src("d2", "agreement", when=day("2023-08-21"), kind="agreement", title="accord sur la protection des investissements"), False),
    (src("d1", "agreement", kind="action_plan", title="Plan d'action Vietnam-Kazakhstan", period={"start": "2011-01-01", "end": "2013-12-31"}),
     src("d2", "agreement", kind="action_plan", title="plan d'action bilatéral", period={"start": "2011-01-01", "end": "2013-12-31"}), True),
    # support: ordered unless mutual; objects compared by their content words
    (src("d1", "support", "VNM", "KAZ", mutual=True, object="reconnaissance du statut d'économie de marché"),
     src("d2", "support", "KAZ", "VNM", mutual=True, object="reconnaissance mutuelle du statut d'économie de marché"), True),
    (src("d1", "support", object="candidature au Conseil de sécurité"), src("d2", "support", "VNM", "KAZ", object="candidature au Conseil de sécurité"), False),
    (src("d1", "support", mutual=True, object="candidatures au Conseil des droits de l'homme"),
     src("d2", "support", mutual=True, object="reconnaissance du statut d'économie de marché"), False),
    # invitation: a plain "visit" invitation fits a state-visit one
    (src("d1", "invitation", when=day("2023-08-21"), **{"for": "state_visit"}), src("d2", "invitation", when=day("2023-08-21"), **{"for": "visit"}), True),
])
def test_two_reports_merge_or_not(a: Source, b: Source, merged: bool) -> None:
    events = merge([a, b])
    assert (len(events) == 1) is merged
    assert sorted(s.id for e in events for s in e.sources) == sorted([a.id, b.id])


# ---- the event's date -------------------------------------------------------------------

@pytest.mark.parametrize("kind, whens, expected, inferred", [
    # a visit is dated by its days, not by one day inside them
    ("visit", [day("2023-08-21"), day("2023-08-20", "2023-08-22"), day("2023-08-01", "2023-08-31")],
     ("2023-08-20", "2023-08-22"), False),
    # other facts by the most precise day
    ("meeting", [day("2023-08-21", inferred=True), day("2023-08-01", "2023-08-31")], ("2023-08-21", "2023-08-21"), True),
    ("agreement", [day("2015-01-01", "2015-12-31"), day("2015-05-29")], ("2015-05-29", "2015-05-29"), False),
    # an explicit date beats an inferred one of the same precision
    ("visit", [day("2023-08-20", "2023-08-22", inferred=True), day("2023-08-21", "2023-08-23")],
     ("2023-08-21", "2023-08-23"), False),
    # a precise inferred date beats a vague explicit one that it fits (year written elsewhere)
    ("visit", [day("2011-10-31", "2011-11-01", inferred=True), day("2011-01-01", "2011-12-31"),
               day("2011-11-01", "2011-11-30")], ("2011-10-31", "2011-11-01"), True),
    # the same date given explicitly by one source is not inferred
    ("meeting", [day("2023-08-21", inferred=True), day("2023-08-21")], ("2023-08-21", "2023-08-21"), False),
])
def test_event_date_is_the_most_specific_supported(kind: str, whens: list[Interval], expected, inferred: bool) -> None:
    event = one(merge([src(f"d{i}", kind, when=w) for i, w in enumerate(whens)]))
    assert (event.when.start.isoformat(), event.when.end.isoformat()) == expected
    assert event.when.inferred is inferred


@pytest.mark.parametrize("interval, expected", [
    (day("2023-08-21"), "day"), (day("2023-08-20", "2023-08-22"), "range"), (day("2023-08-01", "2023-08-31"), "month"),
    (day("2023-02-01", "2023-02-28"), "month"), (day("2023-04-01", "2023-06-30"), "quarter"),
    (day("2023-01-01", "2023-06-30"), "half"), (day("2022-01-01", "2022-12-31"), "year"),
    (day("2011-01-01", "2013-12-31"), "span"), (day("2023-05-20", "2023-07-02"), "span"),
])
def test_precision_read_from_the_dates(interval: Interval, expected: str) -> None:
    assert precision(interval) == expected


def test_planned_visit_reported_later_as_done_is_one_done_event() -> None:
    planned = src("a", "visit", when=day("2011-10-31", "2011-11-01", inferred=True), level="official", status="planned")
    done = src("b", "visit", when=day("2011-10-31", "2011-11-01"), level="official")
    event = one(merge([planned, done]))
    assert event.status == "actual"
    assert "status" not in event.attrs
    assert not event.conflicts


def test_days_within_a_visits_range_are_one_visit() -> None:
    days = [src("a", "visit", when=day("2023-08-21")), src("b", "visit", when=day("2023-08-22", inferred=True))]
    assert len(merge(days)) == 2  # two different days, nothing says they are one visit
    event = one(merge(days + [src("c", "visit", when=day("2023-08-20", "2023-08-22", inferred=True))]))
    assert (event.when.start, event.when.end) == (date(2023, 8, 20), date(2023, 8, 22))
    assert not event.conflicts


def test_a_day_and_a_month_fit_one_visit_through_its_range() -> None:
    parts = [src("k12", "visit", when=day("2011-10-31", inferred=True)),
             src("k01", "visit", when=day("2011-11-01", "2011-11-30"))]
    assert len(merge(parts)) == 2
    event = one(merge(parts + [src("004", "visit", when=day("2011-10-31", "2011-11-01", inferred=True))]))
    assert not event.conflicts


def test_ranges_bridged_by_a_third_stay_apart() -> None:
    ranges = [src("a", "visit", when=day("2023-08-20", "2023-08-22")), src("b", "visit", when=day("2023-08-23", "2023-08-24")),
              src("c", "visit", when=day("2023-08-22", "2023-08-23"))]
    assert len(merge(ranges)) == 2


def test_only_planned_reports_stay_planned() -> None:
    event = one(merge([src("a", "visit", when=day("2024-05-02"), status="planned"),
                       src("b", "visit", when=day("2024-05-02"), status="planned")]))
    assert event.status == "planned" and event.attrs["status"] == "planned"


# ---- conflicts ----------------------------------------------------------------------------

def values(conflict):
    return {str(v["value"]): sorted(v["sources"]) for v in conflict.values}


def test_relations_with_other_dates_are_one_event_and_a_conflict() -> None:
    sources = [src("k01", "relations", "VNM", "KAZ", day("1992-06-29"), kind="diplomatic"),
               src("k03", "relations", "KAZ", "VNM", day("1992-06-29"), kind="diplomatic"),
               src("004", "relations", "VNM", "KAZ", day("1992-09-26"), kind="diplomatic"),
               src("k02", "relations", "KAZ", "VNM", day("1992-01-01", "1992-12-31"), kind="diplomatic")]
    event = one(merge(sources))
    assert event.when.start == date(1992, 6, 29)  # given by more sources
    [conflict] = event.conflicts
    assert conflict.slot == "when"
    # the year (k02) fits both days: it is a source of the event, not a side of the conflict
    assert values(conflict) == {str({"start": "1992-06-29", "end": "1992-06-29"}): ["k01", "k03"],
                                str({"start": "1992-09-26", "end": "1992-09-26"}): ["004"]}


@pytest.mark.parametrize("whens, conflict", [
    ([day("2023-08-21"), day("2023-08-20", "2023-08-22")], False),  # more vs less specific
    ([day("2023-08-20", "2023-08-22"), day("2023-08-01", "2023-08-31")], False),
    ([day("2023-08-20", "2023-08-22"), day("2023-08-21", "2023-08-22")], True),  # two accounts of the days
    ([day("2023-08-20", "2023-08-22"), day("2023-08-20", "2023-08-22", inferred=True)], False),
])
def test_visit_days_conflict_only_between_accounts_of_equal_precision(whens, conflict: bool) -> None:
    event = one(merge([src(f"d{i}", "visit", when=w) for i, w in enumerate(whens)]))
    assert bool(event.conflicts) is conflict


@pytest.mark.parametrize("figures, conflict", [
    ([(5e8, "more_than"), (6e8, "exact")], False),
    ([(8e8, "approx"), (5e8, "exact")], True),
    ([(5e8, "more_than"), (8e8, "approx")], True),
    ([(3.8e7, "approx"), (3.8e7, "more_than")], False),
    ([(1.0e9, "exact"), (1.002e9, "exact")], False),
    ([(1.0e9, "exact"), (1.1e9, "exact")], True),
    ([(6e8, "less_than"), (5e8, "approx")], False),
])
def test_trade_figures_conflict_when_their_qualifiers_cannot_reconcile(figures, conflict: bool) -> None:
    year = day("2022-01-01", "2022-12-31")
    sources = [src(f"d{i}", "trade", when=year, value=v, qualifier=q, currency="USD", status="actual")
               for i, (v, q) in enumerate(figures)]
    event = one(merge(sources))
    assert bool(event.conflicts) is conflict
    kept = sorted((v["value"]["value"], v["value"]["qualifier"]) for v in event.attrs["values"])
    assert kept == sorted(set(figures))
    if conflict:
        assert event.conflicts[0].slot == "value"


def test_trade_events_per_period_status_and_flow() -> None:
    y22, y23 = day("2022-01-01", "2022-12-31"), day("2023-01-01", "2023-12-31")
    sources = [src("a", "trade", when=y22, value=5e8, status="actual"),
               src("b", "trade", "VNM", "KAZ", when=y22, value=5e8, status="actual"),  # either order: a total
               src("c", "trade", when=y23, value=1e9, status="target"),
               src("d", "trade", when=y23, value=6e8, status="actual"),
               src("e", "trade", when=y22, value=2e8, flow="export"),
               src("f", "trade", "VNM", "KAZ", when=y22, value=3e8, flow="export"),
               src("g", "trade", when=None, value=1e8),
               src("h", "trade", when=None, value=1e8)]
    events = merge(sources)
    by_docs = sorted(tuple(e.docs) for e in events)
    assert by_docs == [("a", "b"), ("c",), ("d",), ("e",), ("f",), ("g",), ("h",)]


def test_trade_value_is_the_figure_most_sources_give() -> None:
    year = day("2010-01-01", "2010-12-31")
    event = one(merge([src("004", "trade", when=year, value=3.8e7, qualifier="more_than"),
                       src("k02", "trade", when=year, value=3.8e7, qualifier="approx"),
                       src("k10", "trade", when=year, value=3.8e7, qualifier="more_than")]))
    assert (event.attrs["value"], event.attrs["qualifier"]) == (3.8e7, "more_than")


def test_done_and_called_off_is_a_status_conflict() -> None:
    event = one(merge([src("a", "visit", when=day("2020-03-10")), src("b", "visit", when=day("2020-03-10"), status="cancelled")]))
    assert [c.slot for c in event.conflicts] == ["status"]


# ---- clustering as a whole --------------------------------------------------------------

def test_undated_report_fitting_two_events_stays_apart_and_one_fitting_one_joins() -> None:
    a = src("a", "visit", when=day("2011-10-31"), persons=("Nursultan Nazarbayev",))
    b = src("b", "visit", when=day("2023-08-21"), persons=("Kassym-Jomart Tokayev",))
    vague = src("c", "visit", when=None)
    named = src("d", "visit", when=None, persons=("Tokaïev",))
    events = merge([a, b, vague, named])
    groups = sorted(tuple(sorted(e.docs)) for e in events)
    assert groups == [("a",), ("b", "d"), ("c",)]


def test_merging_does_not_depend_on_input_order() -> None:
    from bench.synthetic import Corpus

    sources = []
    for doc, _, records in Corpus(n_pairs=3, seed=11).documents(600):
        for seq, r in enumerate(records):
            sources.append(Source(len(sources) + 1, doc.id, seq, r.type, r.actor, r.target, r.when, r.where,
                                  r.persons, r.topics, r.attrs, frozenset(PEOPLE.resolve(p) for p in r.persons)))
    first = merge(sources)
    shuffled = sources[:]
    random.Random(3).shuffle(shuffled)
    second = merge(shuffled)
    assert {e.id: sorted(s.id for s in e.sources) for e in first} == {e.id: sorted(s.id for s in e.sources) for e in second}
    # every record in exactly one event, and some events merge several reports
    ids = [s.id for e in first for s in e.sources]
    assert sorted(ids) == sorted(s.id for s in sources)
    assert any(len(e.docs) > 1 for e in first)
    assert len(first) < len(sources)


@pytest.mark.parametrize("a, b, similar", [
    ("coordination et soutien au sein des forums internationaux, dont l'ONU",
     "soutien mutuel aux Nations unies et dans les autres enceintes multilatérales", True),
    ("admission à la Conférence sur la coordination des actions et mesures de renforcement de la confiance en Asie",
     "adhésion du Vietnam à la Conférence pour l'interaction et les mesures de confiance en Asie (CICA)", True),
    ("candidatures à un poste au Conseil des droits de l'homme de l'ONU",
     "soutien mutuel aux Nations unies et dans les autres enceintes multilatérales", False),
    ("accord de coopération", "accord de coopération sécuritaire", True),  # the vaguer fits
])
def test_descriptions_compare_by_content_words(a: str, b: str, similar: bool) -> None:
    assert similar_text(a, b) is similar


def test_content_words_fold_plurals_accents_and_synonyms() -> None:
    assert content_words("enceintes multilatérales") == content_words("forums internationaux")
    assert "onu" in content_words("aux Nations unies")
