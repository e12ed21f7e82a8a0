"""The quality gate: scores on the gold corpora may not fall below eval/baseline.json."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def gate(shared):
    spec = importlib.util.spec_from_file_location("gate", ROOT / "eval" / "gate.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def scores(gate):
    return gate.measure_all()


def test_no_score_falls_below_its_floor(gate, scores):
    floors = json.loads((ROOT / "eval" / "baseline.json").read_text())
    assert gate.drops(scores, floors) == []


def test_every_set_is_scored(scores):
    assert set(scores) == {"seeds", "dev", "kazvnm", "kazvnm_timeline"}
    assert all(s["f1_lenient"] > 0 for s in scores.values())


def test_seeds_meet_the_issue_bar(scores):
    assert scores["seeds"]["f1_lenient"] >= 0.9
