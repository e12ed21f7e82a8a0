"""Writing documents and their records into the store, safely, then merging the pairs touched.

- Idempotent: a document whose text (content hash) and extraction are unchanged is left
  alone; a changed one has its mentions and records replaced.
- Transactional per batch: a batch of documents commits together or not at all.
- Resumable: the pairs a batch touched are marked dirty in the same transaction; merging
  clears the mark pair by pair. A process killed at any point leaves committed batches
  and a to-do list; the rerun skips what is stored and merges what is marked.
- One bad document never sinks a batch: it is reported with its reason and skipped.
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable, Iterable, Iterator

from sqlalchemy import Connection, bindparam, delete, func, select, text
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError, SQLAlchemyError

from dyad.errors import DyadError, Errors, Failure, InvalidDocument, StoreError
from dyad.model import RECORD_TYPES, Document, Interval, Mention, Record
from dyad.pipeline import Processed

from . import schema as t
from .countries import is_party_code
from .merge import Source, merge
from .persons import Person, PersonIndex, canonical_name, name_key, record_people
from .rows import document_row, extraction_hash, mention_rows, record_row
from .store import Store

DEFAULT_BATCH = 200


@dataclass
class IngestSummary:
    """What an ingest did: documents new, unchanged, replaced and failed; records written."""

    new: int = 0
    unchanged: int = 0
    replaced: int = 0
    failed: list[Failure] = field(default_factory=list)
    records: int = 0
    mentions: int = 0
    batches: int = 0
    pairs_merged: int = 0
    events: int = 0
    seconds: float = 0.0

    @property
    def documents(self) -> int:
        """Documents seen, stored or not."""
        return self.new + self.unchanged + self.replaced + len(self.failed)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready summary."""
        return {"documents": self.documents, "new": self.new, "unchanged": self.unchanged,
                "replaced": self.replaced, "failed": len(self.failed), "records": self.records,
                "mentions": self.mentions, "batches": self.batches,
                "pairs_merged": self.pairs_merged, "events": self.events,
                "seconds": round(self.seconds, 3),
                "failures": [{"id": f.doc, "path": f.path, "code": f.code, "message": f.message}
                             for f in self.failed]}


Item = tuple[Document, list[Mention], list[Record]]


# ---- validation -------------------------------------------------------------------------

def validate(doc: Document, records: list[Record]) -> None:
    """Raise InvalidDocument when a record breaks the record format."""
    if not doc.id:
        raise InvalidDocument(Errors.E055, path=doc.path or "?")
    for i, r in enumerate(records):
        if r.type not in RECORD_TYPES:
            raise InvalidDocument(Errors.E042, doc=doc.id, index=i, type=r.type, choices=", ".join(RECORD_TYPES))
        if r.doc and r.doc != doc.id:
            raise InvalidDocument(Errors.E043, doc=doc.id, index=i, other=r.doc)
        for party in (r.actor, r.target):
            if party is not None and not is_party_code(party):
                raise InvalidDocument(Errors.E044, doc=doc.id, index=i, value=party)
        if r.when and r.when.end < r.when.start:
            raise InvalidDocument(Errors.E054, doc=doc.id, index=i, start=r.when.start, end=r.when.end)
        for start, end in r.evidence:
            if not (0 <= start <= end <= len(doc.text)):
                raise InvalidDocument(Errors.E045, doc=doc.id, index=i, start=start, end=end,
                                      length=len(doc.text))


def _items(items: Iterable[Item | Processed | Failure]) -> Iterator[Item | Failure]:
    """(Document, mentions, records) tuples, from tuples, pipeline results and failures."""
    for item in items:
        if isinstance(item, tuple) and len(item) == 3:
            yield item
        elif isinstance(item, Processed):
            yield item.document, list(item.mentions), list(item.records)
        elif isinstance(item, Failure):
            yield item
        else:
            raise DyadError(Errors.E053, kind=type(item).__name__)


# ---- persons ----------------------------------------------------------------------------

def load_persons(conn: Connection) -> PersonIndex:
    """Every person and spelling in the store, as an index."""
    people = {r.id: Person(r.id, r.canonical, r.country, set(r.roles or []))
              for r in conn.execute(select(t.persons))}
    for r in conn.execute(select(t.person_variants.c.name, t.person_variants.c.person_id,
                                 t.person_variants.c.count)):
        if r.person_id in people:
            people[r.person_id].variants[r.name] = r.count
    return PersonIndex(list(people.values()))


def _person_row(p: Person) -> dict[str, Any]:
    p.canonical = canonical_name(p.variants)  # counts moved since the last new spelling
    return {"b_id": p.id, "b_canonical": p.canonical, "b_key": name_key(p.canonical),
            "b_country": p.country, "b_roles": sorted(p.roles)}


def write_persons(conn: Connection, index: PersonIndex) -> None:
    """Write the persons and spellings that changed since the index was loaded or written."""
    new = [_person_row(index.persons[i]) for i in sorted(index.new)]
    changed = [_person_row(index.persons[i]) for i in sorted(index.changed - index.new)]
    if new:
        conn.execute(t.persons.insert(), [{k[2:]: v for k, v in row.items()} for row in new])
    if changed:
        conn.execute(t.persons.update().where(t.persons.c.id == bindparam("b_id")).values(
            canonical=bindparam("b_canonical"), key=bindparam("b_key"),
            country=bindparam("b_country"), roles=bindparam("b_roles")), changed)
    owner = {name: pid for pid in index.changed for name in index.persons[pid].variants}
    fresh = [{"name": n, "person_id": owner[n], "key": name_key(n),
              "count": index.persons[owner[n]].variants[n]} for n in sorted(index.new_variants)]
    counted = [{"b_name": n, "b_count": index.persons[owner[n]].variants[n]}
               for n in sorted(index.changed_variants - index.new_variants) if n in owner]
    if fresh:
        conn.execute(t.person_variants.insert(), fresh)
    if counted:
        conn.execute(t.person_variants.update().where(t.person_variants.c.name == bindparam("b_name"))
                     .values(count=bindparam("b_count")), counted)
    index.clear_changes()


# ---- writing a batch --------------------------------------------------------------------

def _existing(conn: Connection, ids: list[str]) -> dict[str, tuple[str, str]]:
    rows = conn.execute(select(t.documents.c.id, t.documents.c.content_hash, t.documents.c.records_hash)
                        .where(t.documents.c.id.in_(ids)))
    return {r.id: (r.content_hash, r.records_hash) for r in rows}


def _mark_dirty(conn: Connection, keys: set[str]) -> None:
    if not keys:
        return
    have = set(conn.execute(select(t.dirty_pairs.c.pair_key).where(t.dirty_pairs.c.pair_key.in_(sorted(keys))))
               .scalars())
    rows = [{"pair_key": k, "marked_at": t.now()} for k in sorted(keys - have)]
    if rows:
        conn.execute(t.dirty_pairs.insert(), rows)


def _write_batch(conn: Connection, batch: list[Item], index: PersonIndex) -> IngestSummary:
    """Write one batch inside the caller's transaction; what it did, as counts."""
    summary = IngestSummary()
    hashes = {doc.id: extraction_hash(records, mentions) for doc, mentions, records in batch}
    existing = _existing(conn, [doc.id for doc, _, _ in batch])
    to_write, replaced = [], []
    for item in batch:
        doc = item[0]
        old = existing.get(doc.id)
        if old == (doc.content_hash, hashes[doc.id]):
            summary.unchanged += 1
            continue
        to_write.append(item)
        if old is not None:
            replaced.append(doc.id)
    touched: set[str] = set()
    if replaced:
        touched |= set(conn.execute(select(t.records.c.pair_key).where(t.records.c.doc_id.in_(replaced))
                                    .distinct()).scalars())
        for table in (t.records, t.mentions, t.documents):
            column = table.c.id if table is t.documents else table.c.doc_id
            conn.execute(delete(table).where(column.in_(replaced)))
    if not to_write:
        return summary
    doc_rows, record_rows, mention_rows_ = [], [], []
    for doc, mentions, records in to_write:
        doc_rows.append(document_row(doc, hashes[doc.id]))
        mention_rows_ += mention_rows(doc.id, mentions)
        for seq, record in enumerate(records):
            row = record_row(doc, seq, record)
            record_rows.append(row)
            touched.add(row["pair_key"])
            for name, country, role in record_people(record.type, record.actor, record.target,
                                                     record.persons, record.attrs):
                index.resolve(name, country, role)
    conn.execute(t.documents.insert(), doc_rows)
    if mention_rows_:
        conn.execute(t.mentions.insert(), mention_rows_)
    if record_rows:
        conn.execute(t.records.insert(), record_rows)
    write_persons(conn, index)
    _mark_dirty(conn, touched)
    summary.new += len(to_write) - len(replaced)
    summary.replaced += len(replaced)
    summary.records += len(record_rows)
    summary.mentions += len(mention_rows_)
    return summary


def _add(summary: IngestSummary, part: IngestSummary) -> None:
    for name in ("new", "unchanged", "replaced", "records", "mentions"):
        setattr(summary, name, getattr(summary, name) + getattr(part, name))


def _connection_lost(err: SQLAlchemyError) -> bool:
    return isinstance(err, (OperationalError, InterfaceError)) or (
        isinstance(err, DBAPIError) and err.connection_invalidated)


def _commit_batch(store: Store, batch: list[Item], index: PersonIndex, summary: IngestSummary) -> PersonIndex:
    """Write a batch in one transaction; on a database error, retry its documents one by one."""
    try:
        with store.begin() as conn:
            part = _write_batch(conn, batch, index)
        _add(summary, part)
        return index
    except SQLAlchemyError as err:
        if _connection_lost(err) and len(batch) == 1:
            raise StoreError(Errors.E057, db=store.display, reason=_first_line(err)) from err
    for item in batch:  # isolate the document that the database refused
        with store.connect() as conn:
            index = load_persons(conn)
        try:
            with store.begin() as conn:
                part = _write_batch(conn, [item], index)
            _add(summary, part)
        except SQLAlchemyError as err:
            if _connection_lost(err):
                raise StoreError(Errors.E057, db=store.display, reason=_first_line(err)) from err
            doc = item[0]
            summary.failed.append(Failure.of(Errors.E046, path=doc.path, doc=doc.id, reason=_first_line(err)))
    with store.connect() as conn:
        return load_persons(conn)


def _first_line(err: BaseException) -> str:
    lines = str(getattr(err, "orig", None) or err).strip().splitlines()
    return lines[0] if lines else type(err).__name__


def ingest(store: Store, items: Iterable[Item | Processed | Failure], *, batch_size: int = DEFAULT_BATCH,
           merge: bool = True, progress: Callable[[IngestSummary], None] | None = None) -> IngestSummary:
    """Store documents with their mentions and records, batch by batch, then merge touched pairs."""
    started = time.perf_counter()
    summary = IngestSummary()
    with store.connect() as conn:
        index = load_persons(conn)
    batch: list[Item] = []
    ids: set[str] = set()

    def flush() -> None:
        nonlocal index, batch, ids
        if batch:
            index = _commit_batch(store, batch, index, summary)
            summary.batches += 1
            batch, ids = [], set()
            if progress:
                progress(summary)

    for item in _items(items):
        if isinstance(item, Failure):
            summary.failed.append(item)
            continue
        doc, mentions, records = item
        try:
            validate(doc, records)
        except InvalidDocument as err:
            summary.failed.append(Failure(doc.path, err.code, str(err), doc=doc.id or None))
            continue
        if doc.id in ids:  # the same id twice in a batch: the later one is a new version
            flush()
        batch.append((doc, list(mentions), list(records)))
        ids.add(doc.id)
        if len(batch) >= batch_size:
            flush()
    flush()
    if merge:
        merged = merge_pending(store)
        summary.pairs_merged, summary.events = merged
    summary.seconds = time.perf_counter() - started
    return summary


# ---- merging ----------------------------------------------------------------------------

def pending_pairs(conn: Connection) -> list[str]:
    """Pairs whose events are out of date."""
    return list(conn.execute(select(t.dirty_pairs.c.pair_key).order_by(t.dirty_pairs.c.pair_key)).scalars())


# Merging reads records with plain SQL: SQLAlchemy's per-column result processing (JSON,
# dates) cost more than the query. SQLite hands back text, PostgreSQL decoded values.
SOURCE_SQL = text('SELECT id, doc_id, seq, type, actor, target, when_start, when_end, when_inferred, '
                  'when_granularity, "where", persons, topics, attrs FROM records WHERE pair_key = :key')


def _loads(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def _date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value[:10])


def load_sources(conn: Connection, key: str, index: PersonIndex) -> list[Source]:
    """One pair's records, as merging sees them (person names resolved to person ids)."""
    out = []
    for (rid, doc, seq, kind, actor, target, start, end, inferred, granularity, where, persons, topics,
         attrs) in conn.execute(SOURCE_SQL, {"key": key}):
        names = list(_loads(persons) or [])
        when = None
        if start is not None and end is not None:
            when = Interval(_date(start), _date(end), granularity or "day", bool(inferred))
        out.append(Source(rid, doc, seq, kind, actor, target, when, where, names, _loads(topics),
                          dict(_loads(attrs) or {}), frozenset(index.lookup(n) or n for n in names)))
    return out


def event_body(e: Any) -> str:
    """The JSON text kept in events.body: the whole event, so a timeline decodes one value."""
    w = e.when
    return json.dumps({"id": e.id, "pair_key": e.pair_key, "type": e.type, "actor": e.actor, "target": e.target,
                       "when": [w.start.isoformat(), w.end.isoformat(), w.inferred, w.granularity] if w else None,
                       "where": e.where, "status": e.status, "n_records": len(e.sources),
                       "conflict": bool(e.conflicts), "persons": e.persons, "topics": e.topics, "attrs": e.attrs,
                       "sources": e.docs}, ensure_ascii=False, separators=(",", ":"))


def event_rows(events: list[Any]) -> tuple[list[dict], list[dict], list[dict]]:
    """Rows for the events, event_sources and conflicts tables."""
    ev, links, found = [], [], []
    for e in events:
        w = e.when
        ev.append({"id": e.id, "pair_key": e.pair_key, "type": e.type, "actor": e.actor, "target": e.target,
                   "when_start": w.start if w else None, "when_end": w.end if w else None,
                   "when_inferred": bool(w and w.inferred), "when_granularity": w.granularity if w else None,
                   "where": e.where, "status": e.status, "body": event_body(e),
                   "n_records": len(e.sources),
                   "conflict": bool(e.conflicts)})
        links += [{"event_id": e.id, "record_id": s.id, "pair_key": e.pair_key} for s in e.sources]
        found += [{"id": f"{e.id}:{c.slot}", "event_id": e.id, "pair_key": e.pair_key, "type": e.type,
                   "slot": c.slot, "values": c.values} for c in e.conflicts]
    return ev, links, found


def merge_pair(conn: Connection, key: str, index: PersonIndex) -> int:
    """Recompute one pair's events and conflicts from its records; the number of events."""
    display = _display(index)
    events = merge(load_sources(conn, key, index), display)
    for table in (t.event_sources, t.conflicts, t.events):
        conn.execute(delete(table).where(table.c.pair_key == key))
    ev, links, found = event_rows(events)
    for table, rows in ((t.events, ev), (t.event_sources, links), (t.conflicts, found)):
        if rows:
            conn.execute(table.insert(), rows)
    conn.execute(delete(t.dirty_pairs).where(t.dirty_pairs.c.pair_key == key))
    return len(events)


def _display(index: PersonIndex) -> Callable[[str], str]:
    def display(name: str) -> str:
        pid = index.lookup(name)
        return index.persons[pid].canonical if pid is not None else name
    return display


MERGE_CHUNK = 20_000  # records merged per transaction (whole pairs; fewer commits)


def merge_pending(store: Store, pairs: Iterable[str] | None = None) -> tuple[int, int]:
    """Merge the dirty pairs (or the given ones), whole pairs per transaction: (pairs, events)."""
    with store.connect() as conn:
        keys = pending_pairs(conn) if pairs is None else sorted(set(pairs))
        if not keys:
            return 0, 0
        index = load_persons(conn)
        sizes = dict(conn.execute(select(t.records.c.pair_key, func.count()).where(t.records.c.pair_key.in_(keys))
                                  .group_by(t.records.c.pair_key)).all()) if len(keys) <= 1000 else {}
    total, chunk, weight = 0, [], 0
    for i, key in enumerate(keys):
        chunk.append(key)
        weight += sizes.get(key, MERGE_CHUNK // 50)
        if weight >= MERGE_CHUNK or i == len(keys) - 1:
            try:
                with store.begin() as conn:
                    total += sum(merge_pair(conn, k, index) for k in chunk)
            except SQLAlchemyError as err:  # the pairs stay marked: a rerun merges them
                raise StoreError(Errors.E057, db=store.display, reason=_first_line(err)) from err
            chunk, weight = [], 0
    return len(keys), total


def remerge_all(store: Store) -> tuple[int, int]:
    """Recompute every pair's events (after the merging rules changed): (pairs, events)."""
    with store.connect() as conn:
        keys = list(conn.execute(select(t.records.c.pair_key).distinct()).scalars())
    return merge_pending(store, keys)
