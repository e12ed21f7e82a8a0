"""The store's tables (SQLAlchemy Core) and its recorded migrations.

A fresh store gets the current tables and every migration marked as applied; an
older store gets the migrations it lacks, in order, each recorded in ``dyad_migrations``
with the time it ran. Migrations after the first must be written as changes (ALTER ...)
and the table definitions below updated to match, so both paths end in the same schema.
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Callable

from sqlalchemy import (JSON, Boolean, Column, Connection, Date, Index, Integer, MetaData, String,
                        Table, Text, UniqueConstraint, inspect, select)

metadata = MetaData()

migrations_table = Table(
    "dyad_migrations", metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("name", String(200), nullable=False),
    Column("applied_at", String(40), nullable=False),
)

documents = Table(
    "documents", metadata,
    Column("id", String(300), primary_key=True),
    Column("content_hash", String(64), nullable=False),
    Column("records_hash", String(64), nullable=False),  # what was extracted from it
    Column("title", Text),
    Column("published_raw", String(100)),
    Column("published_start", Date),
    Column("published_end", Date),
    Column("published_source", String(20)),
    Column("url", Text),
    Column("source", Text),
    Column("path", Text),
    Column("text", Text, nullable=False),
    Column("ingested_at", String(40), nullable=False),
)

mentions = Table(
    "mentions", metadata,
    Column("id", Integer, primary_key=True),
    Column("doc_id", String(300), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("value", JSON),
    UniqueConstraint("doc_id", "seq", name="uq_mentions_doc_seq"),
)

records = Table(
    "records", metadata,
    Column("id", Integer, primary_key=True),
    Column("doc_id", String(300), nullable=False),
    Column("seq", Integer, nullable=False),  # position in the document's list of records
    Column("type", String(20), nullable=False),
    Column("actor", String(20)),
    Column("target", String(20)),
    Column("pair_key", String(45), nullable=False),  # sorted codes: "KAZ|VNM"
    Column("when_start", Date),
    Column("when_end", Date),
    Column("when_inferred", Boolean, nullable=False, default=False),
    Column("when_granularity", String(12)),
    Column("where", Text),
    Column("persons", JSON, nullable=False),
    Column("topics", JSON),
    Column("attrs", JSON, nullable=False),
    Column("evidence", JSON, nullable=False),
    Column("evidence_text", Text),
    UniqueConstraint("doc_id", "seq", name="uq_records_doc_seq"),
)

events = Table(
    "events", metadata,
    Column("id", String(20), primary_key=True),
    Column("pair_key", String(45), nullable=False),
    Column("type", String(20), nullable=False),
    Column("actor", String(20)),
    Column("target", String(20)),
    Column("when_start", Date),
    Column("when_end", Date),
    Column("when_inferred", Boolean, nullable=False, default=False),
    Column("when_granularity", String(12)),
    Column("where", Text),
    Column("status", String(12), nullable=False),
    # persons, topics, attrs and sources (document ids) as one JSON text: a timeline
    # decodes one value per event instead of four.
    Column("body", Text, nullable=False),
    Column("n_records", Integer, nullable=False),
    Column("conflict", Boolean, nullable=False, default=False),
)

event_sources = Table(
    "event_sources", metadata,
    Column("event_id", String(20), primary_key=True),
    Column("record_id", Integer, primary_key=True),
    Column("pair_key", String(45), nullable=False),
)

conflicts = Table(
    "conflicts", metadata,
    Column("id", String(60), primary_key=True),  # event id + ":" + slot
    Column("event_id", String(20), nullable=False),
    Column("pair_key", String(45), nullable=False),
    Column("type", String(20), nullable=False),
    Column("slot", String(20), nullable=False),
    Column("values", JSON, nullable=False),  # [{"value":..., "sources": [doc ids], "records": [ids]}]
)

persons = Table(
    "persons", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("canonical", Text, nullable=False),
    Column("key", Text, nullable=False),
    Column("country", String(20)),
    Column("roles", JSON, nullable=False),
)

person_variants = Table(
    "person_variants", metadata,
    Column("name", String(300), primary_key=True),
    Column("person_id", Integer, nullable=False),
    Column("key", Text, nullable=False),
    Column("count", Integer, nullable=False),
)

# Pairs whose records changed since their events were last merged; written in the same
# transaction as the records, so a killed ingest leaves a to-do list, never stale events.
dirty_pairs = Table(
    "dirty_pairs", metadata,
    Column("pair_key", String(45), primary_key=True),
    Column("marked_at", String(40), nullable=False),
)

Index("ix_documents_hash", documents.c.content_hash)
Index("ix_mentions_doc", mentions.c.doc_id)
Index("ix_records_pair", records.c.pair_key, records.c.type, records.c.when_start)
Index("ix_records_type", records.c.type)
Index("ix_events_pair", events.c.pair_key, events.c.type, events.c.when_start)
Index("ix_events_type", events.c.type)
Index("ix_event_sources_record", event_sources.c.record_id)
Index("ix_event_sources_pair", event_sources.c.pair_key)
Index("ix_conflicts_pair", conflicts.c.pair_key)
Index("ix_conflicts_event", conflicts.c.event_id)
Index("ix_variants_person", person_variants.c.person_id)


def _initial(conn: Connection) -> None:
    metadata.create_all(conn)


def _merge_again(conn: Connection) -> None:
    # Events are derived data: marking every pair dirty rebuilds them (lazily, on the next
    # ingest or read) in the current shape.
    have = set(conn.execute(select(dirty_pairs.c.pair_key)).scalars())
    keys = set(conn.execute(select(records.c.pair_key).distinct()).scalars()) - have
    if keys:
        conn.execute(dirty_pairs.insert(), [{"pair_key": k, "marked_at": now()} for k in sorted(keys)])


# (version, name, function). Append only; never change an applied migration.
MIGRATIONS: list[tuple[int, str, Callable[[Connection], None]]] = [
    (1, "initial tables: documents, mentions, records, events, event_sources, conflicts, "
        "persons, person_variants, dirty_pairs", _initial),
    (2, "events.body holds the whole event; every pair is merged again", _merge_again),
]
SCHEMA_VERSION = MIGRATIONS[-1][0]


def now() -> str:
    """The current UTC time, ISO 8601, as stored in the ``*_at`` columns."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def current_version(conn: Connection) -> int | None:
    """The highest migration applied to a store; None for a store without Dyad's tables."""
    if not inspect(conn).has_table("dyad_migrations"):
        return None
    return conn.execute(select(migrations_table.c.version)
                        .order_by(migrations_table.c.version.desc()).limit(1)).scalar()


def migrate(conn: Connection) -> list[int]:
    """Bring the schema up to date inside the caller's transaction; the versions applied."""
    found = current_version(conn)
    if found is None:
        metadata.create_all(conn)
        pending = MIGRATIONS  # a fresh store already has the current tables
        run = False
    else:
        pending = [m for m in MIGRATIONS if m[0] > found]
        run = True
    for version, name, function in pending:
        if run:
            function(conn)
        conn.execute(migrations_table.insert().values(version=version, name=name, applied_at=now()))
    return [m[0] for m in pending]
