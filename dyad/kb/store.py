"""Opening a store: SQLite (a path or sqlite:/// URL) or PostgreSQL (postgresql:// URL).

The same SQLAlchemy Core code runs on both. SQLite runs in WAL mode with NORMAL
synchronisation: a killed process loses nothing committed, and readers do not block
the writer.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from contextlib import contextmanager
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import StaticPool

from dyad.errors import Errors, StoreError

from . import schema


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def normalise_url(db: str | Path) -> str:
    """A SQLAlchemy URL for a path, a sqlite:/// URL or a postgresql:// URL (driver psycopg 3)."""
    db = str(db)
    if db in (":memory:", "sqlite://", "sqlite:///:memory:"):
        return "sqlite://"
    for prefix in ("postgresql://", "postgres://", "postgresql+psycopg2://"):
        if db.startswith(prefix):
            return "postgresql+psycopg://" + db[len(prefix):]
    if "://" in db:
        return db
    return "sqlite:///" + str(Path(db).expanduser().resolve())


def _sqlite_engine(url: str) -> Engine:
    memory = url == "sqlite://"
    engine = create_engine(url, json_serializer=_dumps,
                           connect_args={"timeout": 30, "check_same_thread": False},
                           **({"poolclass": StaticPool} if memory else {}))

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        if not memory:
            cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA busy_timeout=30000")
        # A 64 MiB page cache: index pages of a million-record store stay in memory.
        cur.execute("PRAGMA cache_size=-65536")
        cur.execute("PRAGMA temp_store=MEMORY")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN")

    return engine


@dataclass
class Store:
    """An open knowledge base: where it is, and the engine that reaches it."""

    url: str
    engine: Engine

    @property
    def dialect(self) -> str:
        """'sqlite' or 'postgresql'."""
        return self.engine.dialect.name

    @property
    def display(self) -> str:
        """The file (SQLite) or the URL with any password hidden (PostgreSQL), for messages."""
        return shown_db(self.url)

    @contextmanager
    def begin(self) -> Iterator[Connection]:
        """A connection inside one transaction: committed on success, rolled back on error."""
        with self.engine.begin() as conn:
            yield conn

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """A connection for reading."""
        with self.engine.connect() as conn:
            yield conn

    def schema_version(self) -> int | None:
        """The migration version the store is at."""
        with self.connect() as conn:
            return schema.current_version(conn)

    def close(self) -> None:
        """Release the connections."""
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(db: str | Path, *, create: bool = True) -> Store:
    """Open (and create or migrate) the store at a path or URL; raises E040 or E041."""
    url = normalise_url(db)
    try:
        engine = _sqlite_engine(url) if url.startswith("sqlite") else create_engine(
            url, json_serializer=_dumps, pool_pre_ping=True)
        store = Store(url, engine)
        with store.begin() as conn:
            found = schema.current_version(conn)
            if found is not None and found > schema.SCHEMA_VERSION:
                raise StoreError(Errors.E041, db=store.display, found=found, known=schema.SCHEMA_VERSION)
            if create or found is not None:
                schema.migrate(conn)
    except StoreError:
        raise
    except (SQLAlchemyError, OSError, ImportError, ValueError) as err:
        raise StoreError(Errors.E040, db=shown_db(url), reason=_reason(err)) from err
    return store


def shown_db(url: str) -> str:
    """How a store is named in messages: its file for SQLite, its URL without password otherwise."""
    if url.startswith("sqlite:///"):
        return url[len("sqlite:///"):]
    if url == "sqlite://":
        return ":memory:"
    try:
        return make_url(url).render_as_string(hide_password=True).replace("postgresql+psycopg://", "postgresql://")
    except Exception:  # an unparsable URL is shown as given
        return url


def _reason(err: BaseException) -> str:
    # The driver's first line says what happened; SQLAlchemy's trailer is noise here.
    message = str(getattr(err, "orig", None) or err).strip().splitlines()
    return message[0] if message else type(err).__name__
