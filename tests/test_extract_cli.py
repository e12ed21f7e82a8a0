"""`dyad extract` end to end, as a user runs it: export format, evidence, formats, failures,
workers and the pre-filter."""
from __future__ import annotations

import csv
import importlib.util
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DYAD = str(ROOT / ".venv" / "bin" / "dyad")
EXAMPLES = ROOT / "examples" / "articles"


def run(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run([DYAD, *args], capture_output=True, text=True, check=check)


@pytest.fixture(scope="module")
def seed_records(shared):
    out = run("extract", str(shared / "seeds"), "--format", "jsonl", "--no-progress").stdout
    return [json.loads(line) for line in out.splitlines()]


@pytest.fixture(scope="module")
def check_record(shared):
    spec = importlib.util.spec_from_file_location("check_gold", shared / "eval" / "check_gold.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.check_record


def test_every_record_follows_the_spec(seed_records, check_record):
    assert seed_records
    for r in seed_records:
        assert check_record(r) == [], r
        assert set(r) >= {"doc", "type", "actor", "target", "when", "where", "attrs", "evidence"}


def test_evidence_points_at_the_sentences_that_state_the_fact(shared, seed_records):
    texts = {p.stem: p.read_text(encoding="utf-8") for p in (shared / "seeds").glob("*.txt")}
    for r in seed_records:
        assert r["evidence"]
        for start, end in r["evidence"]:
            sentence = texts[r["doc"]][start:end]
            assert 0 <= start < end <= len(texts[r["doc"]]) and sentence.strip() == sentence
    by_type = {}
    for r in seed_records:
        by_type.setdefault((r["doc"][:3], r["type"]), []).append(r)
    relation = by_type[("004", "relations")][0]
    start, end = relation["evidence"][0]
    assert "26 septembre 1992" in texts[relation["doc"]][start:end]


def test_seed_facts_that_matter(seed_records):
    trade = sorted((r["when"]["start"], r["attrs"]["value"], r["attrs"]["qualifier"], r["attrs"]["status"])
                   for r in seed_records if r["type"] == "trade")
    assert trade == [("2010-01-01", 3.8e7, "more_than", "actual"), ("2022-01-01", 5e8, "more_than", "actual"),
                     ("2023-01-01", 6e8, "exact", "actual"), ("2023-01-01", 1e9, "exact", "target")]
    visit = next(r for r in seed_records if r["type"] == "visit" and r["doc"].startswith("004"))
    assert (visit["actor"], visit["target"], visit["attrs"]["status"], visit["when"]["start"]) == \
        ("KAZ", "VNM", "planned", "2011-10-31")
    assert visit["attrs"]["invited_by"] == "Truong Tan Sang"


def test_csv_has_one_row_per_record(shared, seed_records):
    out = run("extract", str(shared / "seeds"), "--format", "csv", "--no-progress").stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == len(seed_records)
    assert {r["type"] for r in rows} == {r["type"] for r in seed_records}


def test_table_shows_documents_and_evidence(shared):
    out = run("extract", str(shared / "seeds"), "--format", "table", "--no-progress").stdout
    assert "== 000_07fcb7674cc6088f" in out and "== 004_7c7995f4460f7cfc" in out
    assert "«" in out and "visit" in out


def test_a_bad_document_is_reported_and_the_rest_goes_on(tmp_path, shared):
    good = (shared / "seeds" / "004_7c7995f4460f7cfc.txt").read_text(encoding="utf-8")
    batch = tmp_path / "batch.jsonl"
    batch.write_text(json.dumps({"id": "ok", "text": good}) + "\n{broken\n" +
                     json.dumps({"id": "empty"}) + "\n", encoding="utf-8")
    res = run("extract", str(batch), str(tmp_path / "missing.txt"), "--format", "jsonl", "--no-progress",
              check=False)
    assert res.returncode == 1
    assert {json.loads(line)["doc"] for line in res.stdout.splitlines()} == {"ok"}
    assert "batch.jsonl: line 2" in res.stderr and "line 3" in res.stderr and "missing.txt" in res.stderr


def test_workers_and_prefilter_do_not_change_the_records():
    base = run("extract", str(EXAMPLES), "--format", "jsonl", "--no-progress").stdout
    two = run("extract", str(EXAMPLES), "--format", "jsonl", "--no-progress", "--workers", "2").stdout
    full = run("extract", str(EXAMPLES), "--format", "jsonl", "--no-progress", "--no-prefilter").stdout
    assert base.splitlines() and sorted(base.splitlines()) == sorted(two.splitlines()) == sorted(full.splitlines())


def test_nothing_to_extract_gives_no_records(tmp_path):
    (tmp_path / "sport.txt").write_text("Le club de Lyon a battu Marseille 2-1 dimanche soir au stade.",
                                        encoding="utf-8")
    assert run("extract", str(tmp_path), "--format", "jsonl", "--no-progress").stdout == ""


def test_piped_output_defaults_to_jsonl(shared):
    out = subprocess.run(f"{DYAD} extract {shared / 'seeds'} --no-progress | head -n 1", shell=True,
                         capture_output=True, text=True, check=True).stdout
    assert json.loads(out)["doc"]
