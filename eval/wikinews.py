#!/usr/bin/env python3
"""The real development set: French Wikinews articles (WiNER-fr, ../shared/datasets/winer_fr)
with gold in examples/wikinews/gold/, split once by a stable hash of the article id.

About 60 % of the articles are for development (``dev``: look at them, tune on them), 40 % for
testing (``test``: scored to report, never to choose a rule). The texts stay in ../shared; this
module copies the annotated ones out of the archive into a folder per split for a run.

    python eval/wikinews.py                # the split: counts of articles and records per split
    python eval/wikinews.py --write DIR    # DIR/dev/*.txt, DIR/test/*.txt, DIR/gold_dev, DIR/gold_test
"""
from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import tarfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
ARCHIVE = SHARED / "datasets" / "winer_fr" / "winer_fr_brat_2016-2018.tar.gz"
GOLD = ROOT / "examples" / "wikinews" / "gold"
DEV_SHARE = 0.6
SPLITS = ("dev", "test")


def split_of(doc_id: str) -> str:
    """'dev' or 'test', from the first 32 bits of the id's SHA-256: stable across runs and machines."""
    h = int(hashlib.sha256(doc_id.encode("utf-8")).hexdigest()[:8], 16)
    return "dev" if h / 2**32 < DEV_SHARE else "test"


def gold_ids() -> list[str]:
    return sorted(p.stem for p in GOLD.glob("*.json"))


def write(out: Path) -> dict[str, tuple[Path, Path]]:
    """Copy each annotated article's text and gold into ``out``, by split; returns
    split -> (texts folder, gold folder). Raises FileNotFoundError without the archive."""
    wanted = {doc: split_of(doc) for doc in gold_ids()}
    dirs = {s: (out / s, out / f"gold_{s}") for s in SPLITS}
    for texts, gold in dirs.values():
        texts.mkdir(parents=True, exist_ok=True)
        gold.mkdir(parents=True, exist_ok=True)
    found = set()
    with tarfile.open(ARCHIVE) as tar:
        for member in tar:
            stem = Path(member.name).stem
            if member.isfile() and member.name.endswith(".txt") and stem in wanted:
                data = tar.extractfile(member).read()  # type: ignore[union-attr]
                (dirs[wanted[stem]][0] / f"{stem}.txt").write_bytes(data)
                found.add(stem)
    missing = sorted(set(wanted) - found)
    if missing:
        raise FileNotFoundError(f"{ARCHIVE}: no text for {', '.join(missing)}")
    for doc, split in wanted.items():
        shutil.copy(GOLD / f"{doc}.json", dirs[split][1] / f"{doc}.json")
    return dirs


def summary() -> dict[str, dict]:
    out: dict[str, dict] = {s: {"articles": 0, "with_records": 0, "records": Counter()} for s in SPLITS}
    for doc in gold_ids():
        s = out[split_of(doc)]
        records = json.loads((GOLD / f"{doc}.json").read_text(encoding="utf-8"))["records"]
        s["articles"] += 1
        s["with_records"] += bool(records)
        s["records"].update(r["type"] for r in records)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--write", type=Path, metavar="DIR", help="copy texts and gold out, by split")
    args = ap.parse_args()
    if args.write:
        for split, (texts, gold) in write(args.write).items():
            print(f"{split}: {texts} ({len(list(texts.glob('*.txt')))} texts), {gold}")
        return 0
    for split, s in summary().items():
        types = " ".join(f"{t}={n}" for t, n in sorted(s["records"].items()))
        print(f"{split:<5} {s['articles']:>3} articles, {s['with_records']:>3} with records, "
              f"{sum(s['records'].values()):>3} records: {types}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
