"""Export (JSON Lines, CSV, Parquet) with CAMEO/PLOVER codes, the series chart, and the benchmark."""
from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest_kb import ROOT, kazvnm_items

from dyad.errors import DyadError
from dyad.kb import ingest, open_store, series, stats
from dyad.kb.queries import Series
from dyad.reports.charts import plot_series
from dyad.reports.exports import MAPPING, codes_for, export, load_mapping

PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
          "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory):
    st = open_store(tmp_path_factory.mktemp("kb") / "kazvnm.db")
    ingest(st, kazvnm_items())
    yield st
    st.close()


# ---- CAMEO / PLOVER -----------------------------------------------------------------------

@pytest.mark.parametrize("kind, attrs, where, expected", [
    ("visit", {"level": "official"}, "Hanoi", ("042", "043", "CONSULT")),
    ("visit", {"status": "planned"}, None, ("036", "036", "AGREE")),
    ("visit", {"status": "cancelled"}, None, ("", "", "")),
    ("meeting", {"format": "talks"}, "Hanoi", ("040", "040", "CONSULT")),
    ("meeting", {"format": "talks"}, "Chine", ("044", "044", "CONSULT")),  # a third country
    ("meeting", {"format": "call"}, None, ("041", "041", "CONSULT")),
    ("meeting", {"format": "committee"}, "Astana", ("046", "046", "CONSULT")),
    ("agreement", {"kind": "action_plan"}, None, ("057", "057", "AGREE")),
    ("invitation", {"for": "state_visit"}, None, ("036", "", "AGREE")),
    ("relations", {"kind": "diplomatic"}, None, ("054", "054", "COOPERATE")),
    ("relations", {"kind": "diplomatic", "change": "severed"}, None, ("161", "161", "SANCTION")),
    ("relations", {"kind": "strategic_partnership", "change": "upgraded"}, None, ("050", "050", "COOPERATE")),
    ("support", {"object": "candidature", "mutual": False}, None, ("051", "", "SUPPORT")),
    ("support", {"object": "candidature", "mutual": True}, None, ("051", "051", "SUPPORT")),
    ("trade", {"value": 5e8, "status": "actual"}, None, ("061", "061", "COOPERATE")),
    ("trade", {"value": 1e9, "status": "target"}, None, ("0311", "0311", "AGREE")),
])
def test_cameo_and_plover_codes(kind: str, attrs: dict, where, expected) -> None:
    assert codes_for(kind, attrs, "KAZ", "VNM", where) == expected


def test_mapping_table_covers_every_type_with_well_formed_codes() -> None:
    from dyad.model import RECORD_TYPES

    rules = load_mapping()
    assert {r.type for r in rules if not r.condition} == set(RECORD_TYPES)  # a catch-all row per type
    for r in rules:
        assert r.comment, r
        for code in (r.cameo_actor, r.cameo_target):
            assert code == "" or (code.isdigit() and len(code) in (3, 4)), r
        assert r.plover in PLOVER | {""}, r
    assert MAPPING.name == "cameo_plover.tsv" and MAPPING.parent.name == "data"


# ---- export -------------------------------------------------------------------------------

def test_jsonl_export_has_events_records_and_conflicts(kb, tmp_path: Path) -> None:
    files = export(kb, tmp_path, "jsonl")
    rows = {name: [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
            for name, path in files.items()}
    counts = stats(kb)
    assert (len(rows["events"]), len(rows["records"]), len(rows["conflicts"])) == (
        counts["events"], counts["records"], counts["conflicts"])
    events = {e["event"]: e for e in rows["events"]}
    assert all(r["event"] in events for r in rows["records"])  # every record points at its event
    visit = next(e for e in rows["events"] if e["type"] == "visit" and e["persons"] == ["Kassym-Jomart Tokayev"])
    assert (visit["cameo_actor"], visit["cameo_target"], visit["plover"]) == ("042", "043", "CONSULT")
    assert len(visit["sources"]) == 7 and visit["conflict"] is True
    record = next(r for r in rows["records"] if r["doc"] == "k07_tokaiev_arrive_hanoi" and r["type"] == "visit")
    assert record["evidence_text"] and record["evidence"] and record["event"] == visit["event"]


def test_csv_export_reads_back(kb, tmp_path: Path) -> None:
    files = export(kb, tmp_path, "csv")
    with files["events"].open(encoding="utf-8") as f:
        events = list(csv.DictReader(f))
    assert len(events) == stats(kb)["events"]
    trade = next(e for e in events if e["type"] == "trade" and e["when_start"] == "2022-01-01")
    assert float(trade["value"]) == 5e8 and trade["conflict"] == "True" and trade["plover"] == "COOPERATE"
    assert json.loads(trade["attrs"])["qualifier"] == "more_than"


def test_parquet_export_has_typed_columns(kb, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    files = export(kb, tmp_path, "parquet")
    events = pq.read_table(files["events"])
    records = pq.read_table(files["records"])
    assert events.num_rows == stats(kb)["events"] and records.num_rows == stats(kb)["records"]
    assert str(events.schema.field("when_start").type) == "date32[day]"
    assert str(events.schema.field("sources").type).startswith("list")
    assert str(records.schema.field("record").type) == "int64"
    rows = events.to_pylist()
    relations = next(r for r in rows if r["type"] == "relations")
    assert relations["when_start"].isoformat() == "1992-06-29" and relations["cameo_actor"] == "054"


def test_unknown_export_format_is_refused(kb, tmp_path: Path) -> None:
    with pytest.raises(DyadError) as err:
        export(kb, tmp_path, "xlsx")
    assert err.value.code == "E048"


# ---- chart --------------------------------------------------------------------------------

def test_series_chart_is_a_png_of_the_pair(kb, tmp_path: Path) -> None:
    import matplotlib.image as mpimg

    path = plot_series(series(kb, "KAZ VNM"), tmp_path / "trade.png")
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    image = mpimg.imread(path)
    assert image.shape[0] > 300 and image.shape[1] > 600
    assert image[..., :3].std() > 0.05  # something is drawn
    # the conflict (2022) is ringed in red: some pure-red-ish pixels exist
    red = (image[..., 0] > 0.9) & (image[..., 1] < 0.2) & (image[..., 2] < 0.2)
    assert red.sum() > 20


def test_chart_of_an_empty_series_still_draws(tmp_path: Path) -> None:
    path = plot_series(Series(("FRA", "MAR"), "trade", []), tmp_path / "empty.png")
    assert path.stat().st_size > 1000


# ---- benchmark ----------------------------------------------------------------------------

def test_benchmark_runs_small(tmp_path: Path) -> None:
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "kb_bench.py"), "--records", "3000", "--pairs", "20",
                          "--repeat", "3", "--pg", "", "--json"], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])[0]
    assert result["records"] == 3000 and result["ingest_records_per_s"] > 0
    assert result["timeline"]["median_ms"] > 0 and result["scan_over_timeline"] > 0
    assert "records/s" in out.stdout and "scan/timeline" in out.stdout
