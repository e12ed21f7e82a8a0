"""How `dyad extract` writes records: JSON Lines (the spec's export format), CSV, or a
readable table grouped by document with the evidence sentence."""
from __future__ import annotations

import csv
import json
from typing import TextIO

from ..model import Document, Record

CSV_FIELDS = ("doc", "type", "actor", "target", "persons", "when_start", "when_end", "when_inferred", "where",
              "topics", "status", "level", "format", "kind", "title", "value", "currency", "qualifier", "flow",
              "change_pct", "attrs", "evidence")


class RecordWriter:
    """Streams records out as documents finish."""

    def __init__(self, fmt: str, out: TextIO) -> None:
        self.fmt, self.out = fmt, out
        self.csv = csv.DictWriter(out, CSV_FIELDS) if fmt == "csv" else None
        if self.csv:
            self.csv.writeheader()

    def write(self, document: Document, records: list[Record]) -> None:
        if self.fmt == "jsonl":
            for r in records:
                self.out.write(json.dumps(r.to_dict(), ensure_ascii=False) + "\n")
        elif self.fmt == "csv":
            for r in records:
                self.csv.writerow(csv_row(r))
        else:
            self.out.write(table(document, records) + "\n")
        self.out.flush()

    def close(self) -> None:
        self.out.flush()


def csv_row(r: Record) -> dict:
    """One flat CSV row for a record; the attributes also in full, as JSON."""
    d = r.to_dict()
    a = r.attrs
    return {"doc": r.doc, "type": r.type, "actor": r.actor, "target": r.target, "persons": "; ".join(r.persons),
            "when_start": d["when"]["start"] if d["when"] else "", "when_end": d["when"]["end"] if d["when"] else "",
            "when_inferred": bool(d["when"] and d["when"].get("inferred")), "where": r.where or "",
            "topics": " ".join(r.topics or []), "status": a.get("status", "actual" if r.type != "trade" else a.get("status")),
            "level": a.get("level", ""), "format": a.get("format", ""), "kind": a.get("kind", ""),
            "title": a.get("title", ""), "value": a.get("value", ""), "currency": a.get("currency", ""),
            "qualifier": a.get("qualifier", ""), "flow": a.get("flow", ""), "change_pct": a.get("change_pct", ""),
            "attrs": json.dumps(a, ensure_ascii=False), "evidence": json.dumps(d["evidence"])}


def _when(r: Record) -> str:
    if r.when is None:
        return "-"
    w = r.when.start.isoformat() if r.when.start == r.when.end else f"{r.when.start} .. {r.when.end}"
    return w + ("*" if r.when.inferred else "")


def _details(r: Record) -> str:
    a = dict(r.attrs)
    bits = []
    if r.type == "trade":
        bits.append(f"{a.pop('value'):,.0f} {a.pop('currency')}".replace(",", " "))
    for k, v in a.items():
        if k == "period" and isinstance(v, dict):
            v = f"{v['start']}..{v['end']}"
        bits.append(f"{k}={v}")
    if r.persons:
        bits.append("persons=" + ", ".join(r.persons))
    if r.where:
        bits.append(f"where={r.where}")
    if r.topics:
        bits.append("topics=" + ",".join(r.topics))
    return "; ".join(bits)


def table(document: Document, records: list[Record]) -> str:
    """A readable block for one document: one line per record, then its evidence."""
    lines = [f"== {document.id}  ({len(records)} record{'s' if len(records) != 1 else ''})"]
    for r in records:
        parties = f"{r.actor} -> {r.target}" if r.type in ("visit", "invitation", "support") else f"{r.actor} <> {r.target}"
        lines.append(f"  {r.type:<10} {parties:<22} {_when(r):<26} {_details(r)}")
        for s, e in r.evidence[:2]:
            text = document.text[s:e].replace("\n", " ")
            lines.append(f"      « {text[:220]}{'…' if len(text) > 220 else ''} »")
    return "\n".join(lines)
