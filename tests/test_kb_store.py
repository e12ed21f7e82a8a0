"""The store: opening, migrations, safe ingest (idempotent, transactional, resumable after SIGKILL)."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path

import pytest
from conftest_kb import ROOT, kazvnm_items, seed_items
from conftest_kb import store, store_url  # noqa: F401  (fixtures, used by name)
from sqlalchemy import func, insert, select, text

from bench.synthetic import corpus
from dyad.errors import Failure, StoreError
from dyad.kb import ingest, open_store, stats, timeline
from dyad.kb import schema as t
from dyad.model import Document, Mention, Record
from dyad.pipeline import Processed


def counts(st) -> dict[str, int]:
    with st.connect() as conn:
        return {name: conn.execute(select(func.count()).select_from(table)).scalar_one()
                for name, table in (("documents", t.documents), ("records", t.records), ("mentions", t.mentions),
                                    ("events", t.events), ("links", t.event_sources), ("dirty", t.dirty_pairs))}


def event_map(st) -> dict[str, list[tuple[str, int]]]:
    """Each event id with its source records as (doc, seq): comparable across stores."""
    q = (select(t.event_sources.c.event_id, t.records.c.doc_id, t.records.c.seq)
         .join(t.records, t.records.c.id == t.event_sources.c.record_id))
    out: dict[str, list[tuple[str, int]]] = {}
    with st.connect() as conn:
        for event_id, doc, seq in conn.execute(q):
            out.setdefault(event_id, []).append((doc, seq))
    return {k: sorted(v) for k, v in out.items()}


# ---- opening and migrations ---------------------------------------------------------------

def test_new_store_records_its_migrations(store) -> None:
    with store.connect() as conn:
        rows = conn.execute(select(t.migrations_table)).all()
    assert [r.version for r in rows] == [m[0] for m in t.MIGRATIONS]
    assert all(r.applied_at for r in rows)
    assert store.schema_version() == t.SCHEMA_VERSION


def test_reopening_applies_nothing_twice(store_url) -> None:
    open_store(store_url).close()
    with open_store(store_url) as st:
        with st.connect() as conn:
            assert conn.execute(select(func.count()).select_from(t.migrations_table)).scalar_one() == len(t.MIGRATIONS)


def test_older_store_is_migrated_and_its_events_rebuilt(store_url) -> None:
    with open_store(store_url) as st:
        ingest(st, seed_items())
        with st.begin() as conn:  # back to version 1: events in an older shape
            conn.execute(t.migrations_table.delete().where(t.migrations_table.c.version == 2))
            conn.execute(t.events.update().values(body="{}"))
    with open_store(store_url) as st:
        assert st.schema_version() == 2
        assert counts(st)["dirty"] == 1
        assert len(timeline(st, "KAZ VNM")) == 18 and counts(st)["dirty"] == 0


def test_store_newer_than_dyad_is_refused(store_url) -> None:
    with open_store(store_url) as st, st.begin() as conn:
        conn.execute(insert(t.migrations_table).values(version=999, name="from the future", applied_at=t.now()))
    with pytest.raises(StoreError) as err:
        open_store(store_url)
    assert err.value.code == "E041" and "999" in str(err.value)


@pytest.mark.parametrize("db", ["/nonexistent-dir/sub/kb.db", "postgresql://nobody@127.0.0.1:1/none"])
def test_unreachable_store_says_where_and_why(db: str) -> None:
    with pytest.raises(StoreError) as err:
        open_store(db)
    assert err.value.code == "E040"
    assert ("nonexistent-dir" in str(err.value)) or ("127.0.0.1" in str(err.value))


def test_sqlite_urls_and_paths_reach_the_same_file(tmp_path: Path) -> None:
    path = tmp_path / "same.db"
    with open_store(path) as st:
        ingest(st, seed_items()[:1])
    with open_store(f"sqlite:///{path}") as st:
        assert stats(st)["documents"] == 1


# ---- idempotent ingest ------------------------------------------------------------------------

def test_ingesting_the_same_articles_twice_changes_nothing(store) -> None:
    items = kazvnm_items()
    first = ingest(store, items)
    assert (first.new, first.unchanged, first.replaced, first.failed) == (15, 0, 0, [])
    before, events = counts(store), event_map(store)
    second = ingest(store, items)
    assert (second.new, second.unchanged, second.replaced, second.records, second.pairs_merged) == (0, 15, 0, 0, 0)
    assert counts(store) == before
    assert event_map(store) == events


def test_changed_article_replaces_its_records_and_mentions(store) -> None:
    doc = Document(id="art", text="Le 21 août 2023, Tokaïev est arrivé à Hanoï. Les échanges ont atteint 600 millions.")
    cut = doc.text.index(" Les")
    visit = Record("art", "visit", "KAZ", "VNM", ["Tokaïev"], where="Hanoi", evidence=[(0, cut)])
    trade = Record("art", "trade", "KAZ", "VNM", attrs={"value": 6e8, "currency": "USD"},
                   evidence=[(cut + 1, len(doc.text))])
    first = ingest(store, [(doc, [Mention("person", 17, 24, "Tokaïev", "Tokaïev")], [visit, trade])])
    assert (first.new, first.records, first.mentions, first.failed) == (1, 2, 1, [])
    edited = replace(doc, text=doc.text.replace("Hanoï", "Hanoi"))
    summary = ingest(store, [(edited, [], [visit])])
    assert (summary.new, summary.replaced) == (0, 1)
    c = counts(store)
    assert (c["documents"], c["records"], c["mentions"], c["events"], c["links"]) == (1, 1, 0, 1, 1)
    assert [e.type for e in timeline(store, "KAZ VNM")] == ["visit"]


def test_same_text_with_a_new_extraction_is_replaced(store) -> None:
    doc = Document(id="x1", text="Visite de Tokaïev.")
    ingest(store, [(doc, [], [Record("x1", "visit", "KAZ", "VNM")])])
    summary = ingest(store, [(doc, [], [Record("x1", "visit", "KAZ", "VNM", attrs={"level": "state"})])])
    assert summary.replaced == 1
    assert timeline(store, "KAZ VNM")[0].attrs["level"] == "state"


def test_same_id_twice_in_one_call_keeps_the_later_version(store) -> None:
    a = Document(id="dup", text="Première version.")
    b = Document(id="dup", text="Seconde version.")
    summary = ingest(store, [(a, [], [Record("dup", "meeting", "FRA", "MAR")]),
                             (b, [], [Record("dup", "meeting", "FRA", "MAR"), Record("dup", "visit", "FRA", "MAR")])])
    assert (summary.new, summary.replaced) == (1, 1)
    assert counts(store)["documents"] == 1 and counts(store)["records"] == 2


# ---- bad input never sinks a batch ------------------------------------------------------------

@pytest.mark.parametrize("record, code", [
    (Record("bad", "treaty", "KAZ", "VNM"), "E042"),
    (Record("other-doc", "visit", "KAZ", "VNM"), "E043"),
    (Record("bad", "visit", "Kazakhstan", "VNM"), "E044"),
    (Record("bad", "visit", "KAZ", "VNM", evidence=[(0, 10_000)]), "E045"),
])
def test_invalid_document_is_reported_and_the_batch_goes_on(store, record: Record, code: str) -> None:
    good = seed_items()
    bad = (Document(id="bad", text="Un texte court."), [], [record])
    summary = ingest(store, [good[0], bad, Processed(*good[1]), Failure("lost.html", "E007", "[E007] lost.html: no text")],
                     batch_size=10)
    assert summary.new == 2
    assert [(f.doc, f.code) for f in summary.failed] == [("bad", code), (None, "E007")]
    assert "bad" in summary.failed[0].message and summary.failed[1].path == "lost.html"
    assert counts(store)["documents"] == 2


def test_a_batch_is_written_whole_or_not_at_all(store) -> None:
    docs = list(corpus(400, n_pairs=5, seed=5))

    def items():
        yield from docs[:7]
        raise RuntimeError("the reader died")

    with pytest.raises(RuntimeError):
        ingest(store, items(), batch_size=3)
    with store.connect() as conn:
        stored = set(conn.execute(select(t.documents.c.id)).scalars())
        per_doc = dict(conn.execute(select(t.records.c.doc_id, func.count()).group_by(t.records.c.doc_id)).all())
    assert stored == {d.id for d, _, _ in docs[:6]}  # two whole batches; the third never committed
    assert per_doc == {d.id: len(r) for d, _, r in docs[:6]}  # no document half-written
    # the rerun finishes the job, and merging catches up on the pairs left dirty
    summary = ingest(store, docs[:7])
    assert (summary.new, summary.unchanged) == (1, 6)
    assert counts(store)["dirty"] == 0


def test_reads_merge_pairs_left_dirty(store) -> None:
    ingest(store, seed_items(), merge=False)
    assert counts(store)["events"] == 0 and counts(store)["dirty"] == 1
    assert len(timeline(store, "KAZ VNM")) == 18
    assert counts(store)["dirty"] == 0


def test_only_touched_pairs_are_merged_again(store) -> None:
    a = Document(id="fm", text="France et Maroc.")
    b = Document(id="kv", text="Kazakhstan et Vietnam.")
    ingest(store, [(a, [], [Record("fm", "meeting", "FRA", "MAR")]), (b, [], [Record("kv", "meeting", "KAZ", "VNM")])])
    summary = ingest(store, [(replace(a, text="France et Maroc, encore."), [], [Record("fm", "meeting", "FRA", "MAR")])])
    assert summary.pairs_merged == 1


# ---- resumable after SIGKILL ------------------------------------------------------------------

WORKER = textwrap.dedent("""
    import sys
    from dyad.kb import ingest, open_store
    from bench.synthetic import corpus
    store = open_store(sys.argv[1])
    def progress(summary):
        print("batch", summary.batches, flush=True)
    ingest(store, corpus(int(sys.argv[2]), n_pairs=20, seed=3), batch_size=int(sys.argv[3]), progress=progress)
    print("done", flush=True)
""")


def run_worker(url: str, records: int, batch: int, kill_after: int | None) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", WORKER, url, str(records), str(batch)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)
    if kill_after is None:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        return out
    seen = 0
    while seen < kill_after:
        line = proc.stdout.readline()
        assert line, proc.stderr.read()
        seen += line.startswith("batch")
    os.kill(proc.pid, signal.SIGKILL)  # mid-ingest: later batches are being written
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    return ""


def test_killed_ingest_loses_nothing_committed_and_a_rerun_completes(store_url, tmp_path: Path) -> None:
    records, batch = 6000, 40
    expected = list(corpus(records, n_pairs=20, seed=3))
    run_worker(store_url, records, batch, kill_after=8)
    with open_store(store_url) as st:
        partial = counts(st)
    assert 8 * batch <= partial["documents"] < len(expected) / 2  # committed batches kept, the run cut short
    assert partial["documents"] % batch == 0  # whole batches only
    assert run_worker(store_url, records, batch, kill_after=None).strip().endswith("done")
    with open_store(store_url) as st:
        resumed = counts(st)
        with st.connect() as conn:
            dupes = conn.execute(select(t.records.c.doc_id, t.records.c.seq).group_by(t.records.c.doc_id, t.records.c.seq)
                                 .having(func.count() > 1)).all()
            unlinked = conn.execute(text("SELECT count(*) FROM records r WHERE NOT EXISTS "
                                         "(SELECT 1 FROM event_sources s WHERE s.record_id = r.id)")).scalar_one()
        resumed_events = event_map(st)
    assert resumed["documents"] == len(expected)
    assert resumed["records"] == sum(len(r) for _, _, r in expected) == resumed["links"]
    assert dupes == [] and unlinked == 0 and resumed["dirty"] == 0
    # the same store as one uninterrupted run would have built
    with open_store(tmp_path / "clean.db") as clean:
        ingest(clean, expected, batch_size=batch)
        assert event_map(clean) == resumed_events
