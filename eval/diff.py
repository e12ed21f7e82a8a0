#!/usr/bin/env python3
"""Show, per document, the gold records that were missed and the predicted ones that match
no gold record (lenient rules of shared/eval/score.py), with the predicted evidence.

    python eval/diff.py GOLD_DIR --pred records.jsonl [--text-dir DIR ...] [--type visit]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import defaultdict
from pathlib import Path


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def short(r: dict) -> str:
    w = r.get("when")
    when = f"{w['start']}..{w['end']}{'*' if w.get('inferred') else ''}" if w else "-"
    a = {k: v for k, v in (r.get("attrs") or {}).items() if k not in ("title", "object")}
    return f"{r['type']:<10} {r.get('actor')}->{r.get('target')} {when} where={r.get('where')} {a}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("--pred", required=True)
    ap.add_argument("--type")
    ap.add_argument("--scorer", default=str(Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"))
    args = ap.parse_args()
    score = load_scorer(Path(args.scorer))
    gold = score.load_gold([args.gold])
    docs = {d for d, _ in gold}
    pred, _ = score.load_pred(args.pred, docs)
    for doc in sorted(docs):
        lines = []
        for t in sorted({t for d, t in gold if d == doc and t} | {t for d, t in pred if d == doc and t}):
            if args.type and t != args.type:
                continue
            g, p = gold.get((doc, t), []), pred.get((doc, t), [])
            pairs = score.pair(g, p, strict=False)
            mg = {id(x) for x, _ in pairs}
            mp = {id(y) for _, y in pairs}
            lines += [f"  MISS {short(x)}" for x in g if id(x) not in mg]
            lines += [f"  XTRA {short(y)}  «{y.get('_ev', '')}»" for y in p if id(y) not in mp]
        if lines:
            print(doc)
            print("\n".join(lines))


if __name__ == "__main__":
    sys.exit(main())
