"""Export of events, records and conflicts as JSON Lines, CSV or Parquet, with CAMEO and PLOVER codes.

Codes come from ``dyad/lang/data/cameo_plover.tsv`` (type + attrs -> CAMEO code for
the actor's and the target's role, and the PLOVER event type). Rows are streamed from
the store in chunks, so a million records export in bounded memory.
"""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

from sqlalchemy import select

from dyad.errors import Errors, QueryError, StoreError
from dyad.kb import schema as t
from dyad.kb.countries import lookup_country
from dyad.kb.queries import refresh
from dyad.kb.rows import row_interval
from dyad.kb.store import Store
from dyad.lang import lexicon

EXPORT_FORMATS = ("jsonl", "csv", "parquet")
MAPPING = lexicon().event_codes_path
CHUNK = 20_000


@dataclass(frozen=True)
class CodeRule:
    """One row of the mapping table."""

    type: str
    condition: tuple[tuple[str, str], ...]
    cameo_actor: str
    cameo_target: str
    plover: str
    comment: str


@lru_cache(maxsize=1)
def load_mapping() -> tuple[CodeRule, ...]:
    """The CAMEO/PLOVER mapping rules, in file order."""
    rules = []
    for row in lexicon().event_codes:
        cells = (row + [""] * 6)[:6]
        kind, cond = cells[0].strip(), cells[1].strip()
        pairs = tuple(tuple(part.split("=", 1)) for part in cond.split(",") if "=" in part) if cond != "*" else ()
        rules.append(CodeRule(kind, pairs, cells[2].strip(), cells[3].strip(), cells[4].strip(), cells[5].strip()))  # type: ignore[arg-type]
    return tuple(rules)


def _attr_value(kind: str, attrs: dict[str, Any], key: str) -> str:
    value = attrs.get(key)
    if key == "status" and value is None:
        value = "actual"
    if key == "flow" and value is None and kind == "trade":
        value = "total"
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def _third_place(where: str | None, actor: str | None, target: str | None) -> bool:
    code = lookup_country(where) if where else None
    return code is not None and code not in (actor, target)


def codes_for(kind: str, attrs: dict[str, Any], actor: str | None = None, target: str | None = None,
              where: str | None = None) -> tuple[str, str, str]:
    """(CAMEO code for the actor, CAMEO code for the target, PLOVER type) of a fact; '' when none."""
    for rule in load_mapping():
        if rule.type != kind:
            continue
        ok = all(_third_place(where, actor, target) if key == "where" else _attr_value(kind, attrs, key) == value
                 for key, value in rule.condition)
        if ok:
            return rule.cameo_actor, rule.cameo_target, rule.plover
    return "", "", ""


# ---- rows -------------------------------------------------------------------------------

def _iso(value: Any) -> str | None:
    return None if value is None else str(value)[:10]


def _event_rows(store: Store) -> Iterator[dict[str, Any]]:
    with store.connect() as conn:
        result = conn.execution_options(yield_per=CHUNK).execute(select(t.events).order_by(t.events.c.id))
        for row in result.mappings():
            body = json.loads(row["body"])
            attrs = body["attrs"]
            ca, ct, pl = codes_for(row["type"], attrs, row["actor"], row["target"], row["where"])
            yield {"event": row["id"], "type": row["type"], "actor": row["actor"], "target": row["target"],
                   "when_start": _iso(row["when_start"]), "when_end": _iso(row["when_end"]),
                   "when_inferred": bool(row["when_inferred"]), "where": row["where"],
                   "persons": body["persons"], "topics": body["topics"], "status": row["status"],
                   "value": attrs.get("value"), "currency": attrs.get("currency"),
                   "qualifier": attrs.get("qualifier"), "attrs": attrs, "sources": body["sources"],
                   "n_records": row["n_records"], "conflict": bool(row["conflict"]),
                   "cameo_actor": ca, "cameo_target": ct, "plover": pl}


def _record_rows(store: Store) -> Iterator[dict[str, Any]]:
    r, es = t.records, t.event_sources
    query = select(r, es.c.event_id).outerjoin(es, es.c.record_id == r.c.id).order_by(r.c.id)
    with store.connect() as conn:
        for row in conn.execution_options(yield_per=CHUNK).execute(query).mappings():
            attrs = dict(row["attrs"] or {})
            ca, ct, pl = codes_for(row["type"], attrs, row["actor"], row["target"], row["where"])
            yield {"record": row["id"], "doc": row["doc_id"], "seq": row["seq"], "event": row["event_id"],
                   "type": row["type"], "actor": row["actor"], "target": row["target"],
                   "when_start": _iso(row["when_start"]), "when_end": _iso(row["when_end"]),
                   "when_inferred": bool(row["when_inferred"]), "where": row["where"],
                   "persons": list(row["persons"] or []), "topics": row["topics"], "attrs": attrs,
                   "evidence": [list(e) for e in row["evidence"] or []], "evidence_text": row["evidence_text"],
                   "cameo_actor": ca, "cameo_target": ct, "plover": pl}


def _conflict_rows(store: Store) -> Iterator[dict[str, Any]]:
    c, e = t.conflicts, t.events
    query = (select(c, e.c.actor, e.c.target, e.c.when_start, e.c.when_end, e.c.when_inferred,
                    e.c.when_granularity).join(e, e.c.id == c.c.event_id).order_by(c.c.id))
    with store.connect() as conn:
        for row in conn.execute(query).mappings():
            when = row_interval(row)
            yield {"id": row["id"], "event": row["event_id"], "type": row["type"], "actor": row["actor"],
                   "target": row["target"], "when_start": when.start.isoformat() if when else None,
                   "when_end": when.end.isoformat() if when else None, "slot": row["slot"],
                   "values": [{"value": v["value"], "sources": v["sources"]} for v in row["values"]]}


# ---- writers ----------------------------------------------------------------------------

JSON_COLUMNS = {"attrs", "evidence", "values"}  # written as JSON text in CSV and Parquet
LIST_COLUMNS = {"persons", "topics", "sources"}


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for key, value in row.items():
        if key in JSON_COLUMNS:
            out[key] = json.dumps(value, ensure_ascii=False)
        else:
            out[key] = value
    return out


def _write_jsonl(path: Path, rows: Iterator[dict[str, Any]]) -> int:
    n = 0
    with path.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
    return n


def _write_csv(path: Path, rows: Iterator[dict[str, Any]], columns: list[str]) -> int:
    n = 0
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=columns)
        writer.writeheader()
        for row in rows:
            flat = _flat(row)
            for key in LIST_COLUMNS & flat.keys():
                flat[key] = "" if flat[key] is None else "; ".join(map(str, flat[key]))
            writer.writerow(flat)
            n += 1
    return n


def _arrow_schema(columns: list[str]) -> Any:
    import pyarrow as pa

    types = {"record": pa.int64(), "seq": pa.int64(), "n_records": pa.int64(), "value": pa.float64(),
             "when_inferred": pa.bool_(), "conflict": pa.bool_(), "when_start": pa.date32(),
             "when_end": pa.date32()}
    fields = []
    for name in columns:
        if name in LIST_COLUMNS:
            fields.append(pa.field(name, pa.list_(pa.string())))
        else:
            fields.append(pa.field(name, types.get(name, pa.string())))
    return pa.schema(fields)


def _write_parquet(path: Path, rows: Iterator[dict[str, Any]], columns: list[str]) -> int:
    import datetime as dt

    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _arrow_schema(columns)
    n = 0
    with pq.ParquetWriter(path, schema) as writer:
        chunk: list[dict[str, Any]] = []

        def flush() -> None:
            if chunk:
                writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
                chunk.clear()

        for row in rows:
            flat = _flat(row)
            for key in ("when_start", "when_end"):
                if flat.get(key):
                    flat[key] = dt.date.fromisoformat(flat[key])
            if flat.get("value") is not None:
                flat["value"] = float(flat["value"])
            chunk.append(flat)
            n += 1
            if len(chunk) >= CHUNK:
                flush()
        flush()
    return n


COLUMNS = {
    "events": ["event", "type", "actor", "target", "when_start", "when_end", "when_inferred", "where", "persons",
               "topics", "status", "value", "currency", "qualifier", "attrs", "sources", "n_records", "conflict",
               "cameo_actor", "cameo_target", "plover"],
    "records": ["record", "doc", "seq", "event", "type", "actor", "target", "when_start", "when_end",
                "when_inferred", "where", "persons", "topics", "attrs", "evidence", "evidence_text",
                "cameo_actor", "cameo_target", "plover"],
    "conflicts": ["id", "event", "type", "actor", "target", "when_start", "when_end", "slot", "values"],
}


def export(store: Store, folder: str | Path, fmt: str = "jsonl") -> dict[str, Path]:
    """Write events, records and conflicts to ``folder`` as <table>.<fmt>; the files written."""
    fmt = fmt.lower()
    if fmt not in EXPORT_FORMATS:
        raise QueryError(Errors.E048, fmt=fmt, choices=", ".join(EXPORT_FORMATS))
    out = Path(folder)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise StoreError(Errors.E050, path=out, reason=err.strerror or err) from err
    refresh(store)
    sources = {"events": _event_rows, "records": _record_rows, "conflicts": _conflict_rows}
    written = {}
    for name, rows in sources.items():
        path = out / f"{name}.{fmt}"
        try:
            if fmt == "jsonl":
                _write_jsonl(path, rows(store))
            elif fmt == "csv":
                _write_csv(path, rows(store), COLUMNS[name])
            else:
                _write_parquet(path, rows(store), COLUMNS[name])
        except OSError as err:
            raise StoreError(Errors.E050, path=path, reason=err.strerror or err) from err
        written[name] = path
    return written
