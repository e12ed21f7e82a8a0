"""Helpers and fixtures for the knowledge-base tests (imported by tests/test_kb_*.py).

Stores are parametrised over SQLite and PostgreSQL: the PostgreSQL variant runs when
DYAD_TEST_PG names a server (scripts/postgres.sh starts one) and is skipped otherwise.
Each PostgreSQL test gets a schema of its own, dropped afterwards.
"""
from __future__ import annotations

import json
import os
import re
import uuid
from datetime import date
from pathlib import Path
from typing import Any, Iterator

import pytest

from dyad.model import Document, Interval, Mention, Record

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
KAZVNM = ROOT / "examples" / "kazvnm"
PG_URL = os.environ.get("DYAD_TEST_PG")
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def interval(w: dict[str, Any] | None) -> Interval | None:
    """An Interval from a record's "when"."""
    if not w:
        return None
    return Interval(date.fromisoformat(w["start"]), date.fromisoformat(w["end"]), inferred=bool(w.get("inferred")))


def first_spelling(value: Any) -> Any:
    """Gold gives a person as a list of accepted spellings; take the first."""
    return value[0] if isinstance(value, list) else value


def sentences(text: str) -> list[tuple[int, int]]:
    """Rough sentence spans (good enough to give test records an evidence sentence)."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^.!?\n]+[.!?]?", text) if m.group().strip()]


def evidence_for(text: str, rec: dict[str, Any]) -> list[tuple[int, int]]:
    """The sentence sharing most words with the record's names, place and year."""
    clues = [first_spelling(p).split()[-1] for p in rec.get("persons") or []]
    clues += [rec.get("where") or ""] + ([rec["when"]["start"][:4]] if rec.get("when") else [])
    best = max(sentences(text), key=lambda s: sum(1 for c in clues if c and c.lower() in text[s[0]:s[1]].lower()))
    return [best]


def record_from_gold(rec: dict[str, Any], doc: str, text: str) -> Record:
    """A Record from a gold record (first spellings, an evidence sentence found in the text)."""
    attrs = dict(rec.get("attrs") or {})
    if "invited_by" in attrs:
        attrs["invited_by"] = first_spelling(attrs["invited_by"])
    return Record(doc=doc, type=rec["type"], actor=rec["actor"], target=rec["target"],
                  persons=[first_spelling(p) for p in rec.get("persons") or []], when=interval(rec.get("when")),
                  where=rec.get("where"), topics=rec.get("topics"), attrs=attrs,
                  evidence=evidence_for(text, rec))


def gold_items(gold_files: list[Path], text_dirs: list[Path]) -> list[tuple[Document, list[Mention], list[Record]]]:
    """(Document, [], records) for gold files, with texts looked up in the given folders."""
    items = []
    for path in gold_files:
        data = json.loads(path.read_text(encoding="utf-8"))
        doc_id = data["doc"]
        text_path = next(d / f"{doc_id}.txt" for d in text_dirs if (d / f"{doc_id}.txt").is_file())
        text = text_path.read_text(encoding="utf-8")
        doc = Document(id=doc_id, text=text, path=str(text_path))
        items.append((doc, [], [record_from_gold(r, doc_id, text) for r in data["records"]]))
    return items


def seed_items() -> list[tuple[Document, list[Mention], list[Record]]]:
    """The user's two sample articles with their gold records."""
    if not (SHARED / "gold" / "seeds").is_dir():
        pytest.skip("../shared (the sample articles and their gold) is not beside the project")
    return gold_items(sorted((SHARED / "gold" / "seeds").glob("*.json")), [SHARED / "seeds"])


def kazvnm_items() -> list[tuple[Document, list[Mention], list[Record]]]:
    """The 13 Kazakhstan-Vietnam dev articles plus the two seeds, with gold records."""
    if not (KAZVNM / "gold").is_dir():
        pytest.skip("examples/kazvnm is not in this checkout")
    return seed_items() + gold_items(sorted((KAZVNM / "gold").glob("*.json")), [KAZVNM / "articles"])


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty store: a SQLite file, or a PostgreSQL schema of its own."""
    if request.param == "sqlite":
        yield str(tmp_path / "kb.db")
        return
    if not PG_URL:
        pytest.skip("PostgreSQL tests need DYAD_TEST_PG (run: eval \"$(scripts/postgres.sh)\")")
    from sqlalchemy import create_engine, text

    from dyad.kb.store import normalise_url

    schema = "t_" + uuid.uuid4().hex[:12]
    admin = create_engine(normalise_url(PG_URL))
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    sep = "&" if "?" in PG_URL else "?"
    try:
        yield f"{PG_URL}{sep}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


@pytest.fixture
def store(store_url: str) -> Iterator[Any]:
    """An open store on each backend."""
    from dyad.kb import open_store

    st = open_store(store_url)
    yield st
    st.close()
