"""Predicted records that match no gold record, with their evidence sentence (dev tool)."""
import importlib.util
import json
import sys
from pathlib import Path

from dyad.errors import Failure
from dyad.ingest.readers import read_documents
from dyad.options import Options

spec = importlib.util.spec_from_file_location("score", Path(__file__).resolve().parents[2] / "shared/eval/score.py")
sc = importlib.util.module_from_spec(spec)
spec.loader.exec_module(sc)
gold_dir, pred_file, *text_dirs = sys.argv[1:]
gold = sc.load_gold([gold_dir])
docs = {d for d, _ in gold}
texts = {d.id: d.text for d in read_documents(text_dirs, Options()) if not isinstance(d, Failure)}
pred = {}
for line in open(pred_file):
    p = json.loads(line)
    pred.setdefault((p["doc"], p["type"]), []).append(p)
for (doc, t), ps in sorted(pred.items()):
    if doc not in docs:
        continue
    matched = {id(p) for _, p in sc.pair(gold.get((doc, t), []), ps, False)}
    for p in ps:
        if id(p) not in matched:
            s, e = p["evidence"][0]
            w = p["when"]
            print(f"{doc[:14]:<14} {t:<10} {p['actor']}->{p['target']} {w['start'] if w else '-'} | {texts[doc][s:e][:230]}")
