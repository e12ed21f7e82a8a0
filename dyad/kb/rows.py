"""Conversions between the data model (Document, Record, Interval) and table rows."""
from __future__ import annotations

import dataclasses
import hashlib
import json
from datetime import date, datetime
from typing import Any, Mapping

from dyad.model import Document, Interval, Mention, Record

from .countries import pair_key
from .schema import now


def jsonable(value: Any) -> Any:
    """A JSON-ready copy of a value: dates as ISO strings, dataclasses as dicts."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if hasattr(value, "to_dict"):
        return jsonable(value.to_dict())
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return jsonable(dataclasses.asdict(value))
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [jsonable(v) for v in value]
    return str(value)


def _default(value: Any) -> Any:
    return jsonable(value)


def extraction_hash(records: list[Record], mentions: list[Mention]) -> str:
    """A fingerprint of what was extracted from a document (records and mentions)."""
    payload = json.dumps([r.to_dict() for r in records] + [m.to_dict() for m in mentions],
                         sort_keys=True, ensure_ascii=False, default=_default)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def evidence_text(text: str, spans: list[tuple[int, int]]) -> str | None:
    """The sentences a record's evidence offsets point at, joined by ' … '."""
    parts = [" ".join(text[s:e].split()) for s, e in spans if 0 <= s < e <= len(text)]
    return " … ".join(p for p in parts if p) or None


def document_row(doc: Document, records_hash: str) -> dict[str, Any]:
    """The documents row for a document."""
    interval = doc.published.interval if doc.published else None
    return {"id": doc.id, "content_hash": doc.content_hash, "records_hash": records_hash,
            "title": doc.title, "published_raw": doc.published_raw,
            "published_start": interval.start if interval else None,
            "published_end": interval.end if interval else None,
            "published_source": doc.published.source if doc.published else None,
            "url": doc.url, "source": doc.source, "path": doc.path, "text": doc.text,
            "ingested_at": now()}


def mention_rows(doc_id: str, mentions: list[Mention]) -> list[dict[str, Any]]:
    """The mentions rows of a document."""
    return [{"doc_id": doc_id, "seq": i, "kind": m.kind, "start": m.start, "end": m.end,
             "text": m.text, "value": jsonable(m.value)} for i, m in enumerate(mentions)]


def record_row(doc: Document, seq: int, record: Record) -> dict[str, Any]:
    """The records row for one record of a document."""
    w = record.when
    return {"doc_id": doc.id, "seq": seq, "type": record.type, "actor": record.actor,
            "target": record.target, "pair_key": pair_key(record.actor, record.target),
            "when_start": w.start if w else None, "when_end": w.end if w else None,
            "when_inferred": bool(w and w.inferred), "when_granularity": w.granularity if w else None,
            "where": record.where, "persons": list(record.persons),
            "topics": list(record.topics) if record.topics is not None else None,
            "attrs": jsonable(record.attrs), "evidence": [list(e) for e in record.evidence],
            "evidence_text": evidence_text(doc.text, record.evidence)}


def row_interval(row: Mapping[str, Any], prefix: str = "when") -> Interval | None:
    """The Interval stored in a row's <prefix>_start/_end/_inferred/_granularity columns."""
    start, end = row[f"{prefix}_start"], row[f"{prefix}_end"]
    if start is None or end is None:
        return None
    return Interval(_as_date(start), _as_date(end), row.get(f"{prefix}_granularity") or "day",
                    bool(row.get(f"{prefix}_inferred")))


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def _loads(value: Any) -> Any:
    # SQLAlchemy's JSON type decodes already; raw SQL on SQLite hands back text.
    return json.loads(value) if isinstance(value, str) else value


def row_record(row: Mapping[str, Any]) -> Record:
    """The Record stored in a records row."""
    return Record(doc=row["doc_id"], type=row["type"], actor=row["actor"], target=row["target"],
                  persons=list(_loads(row["persons"]) or []), when=row_interval(row),
                  where=row["where"], topics=_loads(row["topics"]), attrs=dict(_loads(row["attrs"]) or {}),
                  evidence=[tuple(e) for e in _loads(row["evidence"]) or []])
