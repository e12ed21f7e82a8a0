#!/usr/bin/env python3
"""The quality gate: extract the gold corpora, score them with shared/eval/score.py, and
compare with the floors pinned in eval/baseline.json. A drop below a floor fails.

The sets: the user's seeds; the own corpus (examples/articles) as files, and as feeds give it
(JSON Lines with a month for a date, and with no date: eval/feeds.py); the Kazakhstan-Vietnam
set, per document and as one merged timeline; and the real development set, French Wikinews
(eval/wikinews.py), in its dev split (tuned on) and its test split (only reported).

    python eval/gate.py            # print the scores and the floors; exit 1 on a drop
    python eval/gate.py --only seeds wikinews_dev   # some sets only, against their floors
    python eval/gate.py --update   # pin the current scores as the new floors (after a real gain)
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
BASELINE = ROOT / "eval" / "baseline.json"
DYAD = ROOT / ".venv" / "bin" / "dyad"
sys.path.insert(0, str(ROOT / "eval"))
import feeds  # noqa: E402
import wikinews  # noqa: E402


def _feed(variant: str):
    def make(tmp: Path) -> tuple[list[Path], Path]:
        return [feeds.write(variant, tmp / f"own_{variant}.jsonl")], ROOT / "examples" / "gold"
    return make


def _wikinews(split: str):
    def make(tmp: Path) -> tuple[list[Path], Path]:
        texts, gold = wikinews.write(tmp / "wikinews")[split]
        return [texts], gold
    return make


# name -> (inputs, gold), or a function of a scratch folder that makes them;
# "timeline" sets are ingested and scored as one merged timeline
SETS = {
    "seeds": ([SHARED / "seeds"], SHARED / "gold" / "seeds"),
    "dev": ([ROOT / "examples" / "articles"], ROOT / "examples" / "gold"),
    "dev_month": _feed("month"),
    "dev_undated": _feed("undated"),
    "kazvnm": ([ROOT / "examples" / "kazvnm" / "articles"], ROOT / "examples" / "kazvnm" / "gold"),
    "kazvnm_timeline": ([SHARED / "seeds", ROOT / "examples" / "kazvnm" / "articles"],
                        ROOT / "examples" / "kazvnm" / "gold_timeline" / "timeline.json"),
    "wikinews_dev": _wikinews("dev"),
    "wikinews_test": _wikinews("test"),
}
TOLERANCE = 0.005  # rounding only: any real drop fails


def run(cmd: list[str], **kw) -> str:
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw).stdout


def score(gold: Path, pred: Path) -> dict:
    return json.loads(run([sys.executable, str(SHARED / "eval" / "score.py"), str(gold), "--pred", str(pred), "--json"]))


def measure(name: str, tmp: Path) -> dict:
    """Scores of one set: overall lenient and strict F1, and lenient F1 per type."""
    inputs, gold = SETS[name](tmp) if callable(SETS[name]) else SETS[name]
    pred = tmp / f"{name}.jsonl"
    if name.endswith("_timeline"):
        db = tmp / f"{name}.db"
        run([str(DYAD), "ingest", *map(str, inputs), "--db", str(db), "--no-progress"])
        pred.write_text(run([str(DYAD), "timeline", "KAZ", "VNM", "--db", str(db), "--format", "json"]))
    else:
        pred.write_text(run([str(DYAD), "extract", *map(str, inputs), "--format", "jsonl", "--no-progress"]))
    s = score(gold, pred)
    return {"f1_lenient": s["f1_lenient"], "f1_strict": s["f1_strict"],
            "precision_lenient": s["by_type"]["ALL"]["lenient"]["p"],
            "by_type": {t: v["lenient"]["f1"] for t, v in s["by_type"].items() if t != "ALL"}}


def measure_all(names: list[str] | None = None) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        return {name: measure(name, Path(tmp)) for name in (names or SETS)}


def drops(current: dict, floors: dict) -> list[str]:
    """Every score that fell below its floor."""
    out = []
    for name, floor in floors.items():
        now = current.get(name, {})
        for key in ("f1_lenient", "f1_strict"):
            if now.get(key, 0.0) < floor[key] - TOLERANCE:
                out.append(f"{name} {key}: {now.get(key)} < floor {floor[key]}")
        for t, f in floor.get("by_type", {}).items():
            if now.get("by_type", {}).get(t, 0.0) < f - TOLERANCE:
                out.append(f"{name} {t} lenient F1: {now['by_type'].get(t)} < floor {f}")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--update", action="store_true", help="pin the current scores as floors")
    ap.add_argument("--only", nargs="+", choices=sorted(SETS), metavar="SET",
                    help=f"score these sets only (of: {', '.join(SETS)}); compared with their floors")
    args = ap.parse_args()
    if args.update and args.only:
        ap.error("--update pins every set: run it without --only")
    current = measure_all(args.only)
    for name, s in current.items():
        print(f"{name:<16} lenient {s['f1_lenient']:.3f}  strict {s['f1_strict']:.3f}  "
              + " ".join(f"{t}={v:.2f}" for t, v in sorted(s["by_type"].items())))
    if args.update:
        BASELINE.write_text(json.dumps(current, indent=1, sort_keys=True) + "\n")
        print(f"floors pinned in {BASELINE}")
        return 0
    floors = {k: v for k, v in json.loads(BASELINE.read_text()).items() if k in current}
    problems = drops(current, floors)
    for p in problems:
        print("DROP:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
