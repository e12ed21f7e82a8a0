"""Queries over the Kazakhstan-Vietnam dev set: timeline (scored against the gold timeline),
conflicts (against the planted ones), dyads, series, show, stats, formats, country names."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from conftest_kb import KAZVNM, SHARED, first_spelling, kazvnm_items
from conftest_kb import store, store_url  # noqa: F401  (fixtures, used by name)

from dyad.errors import DyadError
from dyad.kb import conflicts, dyads, ingest, open_store, parse_date, resolve_pair, series, show, stats, timeline
from dyad.kb.countries import lookup_country
from dyad.kb.merge import similar_text
from dyad.kb.persons import name_key
from dyad.reports.tables import (format_conflicts, format_dyads, format_event, format_series, format_stats,
                                 format_timeline)


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory):
    """The 15 KAZ-VNM documents (13 dev articles + 2 seeds), their gold records ingested."""
    st = open_store(tmp_path_factory.mktemp("kb") / "kazvnm.db")
    summary = ingest(st, kazvnm_items())
    assert summary.new == 15 and not summary.failed
    yield st
    st.close()


def gold_timeline() -> list[dict]:
    return json.loads((KAZVNM / "gold_timeline" / "timeline.json").read_text(encoding="utf-8"))["records"]


def full_timeline(st) -> list:
    return timeline(st, "KAZ VNM") + timeline(st, "IGO:EAEU VNM")


# ---- timeline ---------------------------------------------------------------------------

def test_timeline_scores_perfectly_against_the_gold_timeline(kb, tmp_path: Path) -> None:
    pred = tmp_path / "timeline.jsonl"
    pred.write_text(format_timeline(full_timeline(kb), "json") + "\n", encoding="utf-8")
    out = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"),
                          str(KAZVNM / "gold_timeline" / "timeline.json"), "--pred", str(pred), "--json"],
                         capture_output=True, text=True, check=True)
    result = json.loads(out.stdout)
    # 63 per-document records merged into the 22 events of the gold timeline (no merging: F1 0.518)
    assert result["by_type"]["ALL"]["lenient"]["pred"] == 22
    assert result["f1_lenient"] == 1.0 and result["f1_strict"] == 1.0
    assert all(v == 1.0 for v in result["slots"].values()), result["slots"]


def _same_fact(gold: dict, ev) -> bool:
    g_when = gold.get("when")
    when = ev.when and {"start": ev.when.start.isoformat(), "end": ev.when.end.isoformat()}
    parties = {gold["actor"], gold["target"]} == {ev.actor, ev.target}
    people = {name_key(first_spelling(p)) for p in gold.get("persons", [])} <= {name_key(p) for p in ev.persons}
    attrs = all(ev.attrs.get(k) == v for k, v in (gold.get("attrs") or {}).items()
                if k in ("kind", "format", "for", "value", "status", "mutual"))
    attrs = attrs and similar_text((gold.get("attrs") or {}).get("object"), ev.attrs.get("object"))
    return gold["type"] == ev.type and parties and people and attrs and (g_when or None) == (when or None)


def test_each_event_keeps_exactly_the_sources_of_the_gold_event(kb) -> None:
    events = full_timeline(kb)
    for gold in gold_timeline():
        matches = [ev for ev in events if _same_fact(gold, ev)]
        assert len(matches) == 1, gold
        assert sorted(matches[0].sources) == sorted(gold["sources"]), gold


@pytest.mark.parametrize("pair", ["KAZ VNM", "Kazakhstan Vietnam", "kazakhstan viêt nam", "VNM KAZ",
                                  ("KAZ", "VNM"), ["Kazakhstan", "Viêt", "Nam"], "KZ vn"])
def test_countries_by_code_or_name_in_any_case_or_accents(kb, pair) -> None:
    assert [e.id for e in timeline(kb, pair)] == [e.id for e in timeline(kb, "KAZ VNM")]


def test_timeline_filters_by_type_and_period(kb) -> None:
    visits = timeline(kb, "KAZ VNM", type="visit", date_from="2010")
    assert [(e.actor, e.when.start.year) for e in visits] == [("KAZ", 2011), ("KAZ", 2023)]
    assert [e.type for e in timeline(kb, "KAZ VNM", date_from="1992-06", date_to="1992-06-30")] == ["relations"]
    everything = timeline(kb, "KAZ VNM")
    dated = [e.when.start for e in everything if e.when]
    assert dated == sorted(dated) and everything[-1].when is None  # undated facts last


def test_timeline_json_lines_are_records_with_sources(kb) -> None:
    lines = format_timeline(timeline(kb, "KAZ VNM"), "json").splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 21
    assert all("doc" not in r and r["sources"] and r["type"] and "when" in r for r in records)
    visit = next(r for r in records if r["type"] == "visit" and r["when"] and r["when"]["start"].startswith("2023"))
    assert visit["when"] == {"start": "2023-08-20", "end": "2023-08-22"}
    assert visit["persons"] == ["Kassym-Jomart Tokayev"] and visit["conflict"] is True


# ---- conflicts --------------------------------------------------------------------------

def test_conflicts_are_exactly_the_planted_ones(kb) -> None:
    planted = json.loads((KAZVNM / "gold_timeline" / "conflicts.json").read_text(encoding="utf-8"))
    found = conflicts(kb)
    assert len(found) == len(planted)
    for gold in planted:
        match = [c for c in found if c.type == gold["type"] and c.slot == gold["slot"]]
        assert len(match) == 1, gold
        got = {json.dumps(_plain(v["value"]), sort_keys=True): sorted(v["sources"]) for v in match[0].values}
        want = {json.dumps(v["value"], sort_keys=True): sorted(v["sources"]) for v in gold["values"]}
        assert got == want


def _plain(value):
    # a trade figure is kept with its currency and qualifier; the gold lists the number
    return value["value"] if isinstance(value, dict) and "qualifier" in value else value


def test_conflicts_json_gives_the_fact_the_values_and_their_sources(kb) -> None:
    rows = [json.loads(line) for line in format_conflicts(conflicts(kb, "KAZ VNM"), "json").splitlines()]
    assert {(r["fact"]["type"], r["fact"]["slot"]) for r in rows} == {("relations", "when"), ("visit", "when"),
                                                                      ("trade", "value")}
    trade = next(r for r in rows if r["fact"]["type"] == "trade")
    assert sorted(trade["fact"]["pair"]) == ["KAZ", "VNM"]
    assert {v["value"]["value"]: len(v["sources"]) for v in trade["values"]} == {5e8: 4, 8e8: 2}
    assert conflicts(kb, "IGO:EAEU VNM") == []


# ---- dyads, series, show, stats ---------------------------------------------------------

def test_dyads_count_events_and_span_their_dates(kb) -> None:
    found = {(d.a, d.b): d for d in dyads(kb)}
    assert set(found) == {("KAZ", "VNM"), ("IGO:EAEU", "VNM"), ("IGO:CICA", "VNM")}  # CICA: Viet Nam joined it in 2010
    kv = found[("KAZ", "VNM")]
    assert (kv.events, kv.records) == (21, 57)
    assert (kv.first, kv.last) == (date(1992, 6, 29), date(2023, 12, 31))
    assert kv.by_type["visit"] == 3 and sum(kv.by_type.values()) == 21
    eaeu = found[("IGO:EAEU", "VNM")]
    assert (eaeu.events, eaeu.records, eaeu.first) == (1, 6, date(2015, 5, 29))


def test_series_holds_actuals_and_targets_with_every_source_value(kb) -> None:
    s = series(kb, "Kazakhstan Vietnam", "trade")
    got = [(p.period.start.isoformat(), p.period.end.isoformat(), p.status, p.value, p.qualifier, p.conflict)
           for p in s.points]
    assert got == [("2010-01-01", "2010-12-31", "actual", 3.8e7, "more_than", False),
                   ("2022-01-01", "2022-12-31", "actual", 5e8, "more_than", True),
                   ("2023-01-01", "2023-06-30", "actual", 6e8, "exact", False),
                   ("2023-01-01", "2023-12-31", "target", 1e9, "exact", False)]
    y2010 = s.points[0]
    assert {(v["value"]["qualifier"], tuple(sorted(v["sources"]))) for v in y2010.values} == {
        ("more_than", ("004_7c7995f4460f7cfc", "k10_commerce_statistiques_kazakhstan")),
        ("approx", ("k02_nazarbayev_acheve_visite",))}
    with pytest.raises(DyadError) as err:
        series(kb, "KAZ VNM", "tourism")
    assert err.value.code == "E052"
    # the command line gives the kind after the countries: dyad series KAZ VNM trade
    assert series(kb, ["Kazakhstan", "Vietnam", "trade"]).points == s.points


def test_show_lists_every_source_with_its_evidence_sentence(kb) -> None:
    visit = next(e for e in timeline(kb, "KAZ VNM", type="visit") if e.when and e.when.start.year == 2023)
    detail = show(kb, visit.id)
    assert sorted({s.doc for s in detail.sources}) == sorted(visit.sources) and len(visit.sources) == 7
    texts = {p.stem: p.read_text(encoding="utf-8") for p in (KAZVNM / "articles").glob("*.txt")}
    texts.update({p.stem: p.read_text(encoding="utf-8") for p in (SHARED / "seeds").glob("*.txt")})
    for s in detail.sources:
        start, end = s.record["evidence"][0]
        assert s.evidence == " ".join(texts[s.doc][start:end].split())
        assert s.evidence and s.record["type"] == "visit"
    assert [c.slot for c in detail.conflicts] == ["when"]
    table = format_event(detail, "table")
    assert visit.id in table and "CONFLICT on when" in table and "k09_tokaiev_vietnam_retour" in table
    assert json.loads(format_event(detail, "json"))["event"]["event"] == visit.id


def test_show_unknown_event_says_so(kb) -> None:
    with pytest.raises(DyadError) as err:
        show(kb, "0000000000000000")
    assert err.value.code == "E032"


def test_stats_counts_the_store(kb) -> None:
    data = json.loads(format_stats(stats(kb), "json"))
    assert (data["documents"], data["records"], data["events"], data["conflicts"]) == (15, 64, 23, 3)
    assert data["events_with_conflicts"] == 3 and data["pairs"] == 3 and data["pending_pairs"] == 0
    assert data["records_by_type"]["visit"] == sum(1 for _, _, rs in kazvnm_items() for r in rs if r.type == "visit")
    assert data["persons"] == 6  # Tokayev, Nazarbayev, Vo Van Thuong, Truong Tan Sang, Nguyen Phu Trong, Pham Minh Chinh


# ---- formats ----------------------------------------------------------------------------

@pytest.mark.parametrize("formatter, data", [
    (format_timeline, lambda st: timeline(st, "KAZ VNM")),
    (format_dyads, dyads),
    (format_series, lambda st: series(st, "KAZ VNM")),
    (format_conflicts, conflicts),
])
def test_csv_has_a_header_and_one_row_per_item(kb, formatter, data) -> None:
    items = data(kb)
    rows = list(csv.reader(io.StringIO(formatter(items, "csv"))))
    n = len(items.points) if hasattr(items, "points") else (
        sum(len(c.values) for c in items) if formatter is format_conflicts else len(items))
    assert len(rows) == n + 1 and len({len(r) for r in rows}) == 1


def test_table_shows_each_event_and_unknown_formats_are_refused(kb) -> None:
    events = timeline(kb, "KAZ VNM")
    table = format_timeline(events, "table")
    assert all(e.id in table for e in events)
    assert "Kassym-Jomart Tokayev" in table and ">500 M USD" in table
    with pytest.raises(DyadError) as err:
        format_timeline(events, "xml")
    assert err.value.code == "E049"


# ---- arguments --------------------------------------------------------------------------

@pytest.mark.parametrize("text, end, expected", [
    ("2010", False, date(2010, 1, 1)), ("2010", True, date(2010, 12, 31)), ("2011-02", True, date(2011, 2, 28)),
    ("2012-02", True, date(2012, 2, 29)), ("2023-08-21", False, date(2023, 8, 21)), (None, False, None),
])
def test_dates_given_at_any_precision(text, end: bool, expected) -> None:
    assert parse_date(text, end=end) == expected


@pytest.mark.parametrize("bad", ["21/08/2023", "2023-13", "last year"])
def test_bad_dates_are_refused(bad: str) -> None:
    with pytest.raises(DyadError) as err:
        parse_date(bad)
    assert err.value.code == "E047"


@pytest.mark.parametrize("name, code", [
    ("KAZ", "KAZ"), ("kz", "KAZ"), ("Kazakhstan", "KAZ"), ("Viêt Nam", "VNM"), ("viet nam", "VNM"),
    ("Vietnam", "VNM"), ("Corée du Sud", "KOR"), ("South Korea", "KOR"), ("Allemagne", "DEU"), ("Germany", "DEU"),
    ("États-Unis", "USA"), ("etats-unis", "USA"), ("Côte d'Ivoire", "CIV"), ("Turquie", "TUR"), ("Türkiye", "TUR"),
    ("Russie", "RUS"), ("Birmanie", "MMR"), ("ONU", "IGO:UN"), ("Union économique eurasiatique", "IGO:EAEU"),
    ("igo:eaeu", "IGO:EAEU"),
])
def test_country_names_in_french_or_english(name: str, code: str) -> None:
    assert lookup_country(name) == code


@pytest.mark.parametrize("spec, pair", [
    ("Corée du Sud Viêt Nam", ("KOR", "VNM")), ("Côte d'Ivoire Ghana", ("CIV", "GHA")),
    ("union européenne vietnam", ("IGO:EU", "VNM")),
])
def test_pairs_of_multi_word_names(spec: str, pair) -> None:
    assert resolve_pair(spec) == pair


@pytest.mark.parametrize("spec, code", [("Kazakhstan Atlantis", "E051"), ("Atlantis", "E051"), (("KAZ", "Atlantis"), "E051")])
def test_unknown_countries_are_refused(spec, code: str) -> None:
    with pytest.raises(DyadError) as err:
        resolve_pair(spec)
    assert err.value.code == code


def test_unknown_type_is_refused(kb) -> None:
    with pytest.raises(DyadError) as err:
        timeline(kb, "KAZ VNM", type="treaty")
    assert err.value.code == "E031"


def test_same_answers_on_every_backend(store) -> None:
    ingest(store, kazvnm_items())
    assert format_timeline(full_timeline(store), "json").count("\n") == 21
    assert [(c.type, c.slot) for c in conflicts(store)] == [("relations", "when"), ("trade", "value"), ("visit", "when")]
    assert stats(store)["events"] == 23
