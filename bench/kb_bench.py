#!/usr/bin/env python3
"""Benchmark of the knowledge base: ingest rate and query times at scale.

Fills a fresh store with generated documents (``bench/synthetic.py``: deterministic, seeded;
by default 1,000,000 records over 200 pairs), then measures, per backend:

- ingest rate in records per second (writing, then merging the pairs into events);
- ``timeline`` and ``series`` for the busiest pair: median and p95 over repeated queries
  (the aim is under 50 ms), next to a plain full-table scan of the records table for the
  same pair in the same run, with the ratio between them.

    python bench/kb_bench.py                       # SQLite, 1M records
    python bench/kb_bench.py --records 20000       # a quick run
    python bench/kb_bench.py --pg postgresql://postgres@127.0.0.1:54329/dyad   # also PostgreSQL
    (or set DYAD_TEST_PG, as scripts/postgres.sh prints)

PostgreSQL runs in a schema of its own (``dyad_bench``), dropped and recreated each run.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable, Iterator

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import create_engine, func, select, text  # noqa: E402

from dyad.kb import ingest, open_store, series, timeline  # noqa: E402
from dyad.kb import schema as t  # noqa: E402
from dyad.kb.store import Store, normalise_url  # noqa: E402
from bench.synthetic import Corpus  # noqa: E402

PG_SCHEMA = "dyad_bench"


class Timed:
    """Wraps a generator and adds up the time spent producing its items (to leave it out)."""

    def __init__(self, items: Iterator[Any]) -> None:
        self.items = items
        self.seconds = 0.0

    def __iter__(self) -> Iterator[Any]:
        while True:
            start = time.perf_counter()
            try:
                item = next(self.items)
            except StopIteration:
                self.seconds += time.perf_counter() - start
                return
            self.seconds += time.perf_counter() - start
            yield item


def timings(function: Callable[[], Any], repeat: int) -> dict[str, float]:
    """Median and p95 in milliseconds (after one warm-up call)."""
    function()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    p95 = samples[min(len(samples) - 1, int(round(0.95 * (len(samples) - 1))))]
    return {"median_ms": round(statistics.median(samples), 2), "p95_ms": round(p95, 2)}


def pg_store(url: str) -> Store:
    """A fresh schema in the given PostgreSQL database, and a store in it."""
    admin = create_engine(normalise_url(url))
    with admin.begin() as conn:
        conn.execute(text(f"DROP SCHEMA IF EXISTS {PG_SCHEMA} CASCADE"))
        conn.execute(text(f"CREATE SCHEMA {PG_SCHEMA}"))
    admin.dispose()
    sep = "&" if "?" in url else "?"
    return open_store(f"{url}{sep}options=-csearch_path%3D{PG_SCHEMA}")


def busiest_pair(store: Store) -> tuple[str, str]:
    """The pair with the most records."""
    with store.connect() as conn:
        key = conn.execute(select(t.records.c.pair_key).group_by(t.records.c.pair_key)
                           .order_by(func.count().desc()).limit(1)).scalar_one()
    a, _, b = key.partition("|")
    return a, b


def scan(store: Store, pair: tuple[str, str]) -> Callable[[], int]:
    """A full-table scan: the pair's records found without the pair index (lower() defeats it)."""
    key = "|".join(sorted(pair))
    query = text("SELECT id, type, when_start, when_end, attrs FROM records WHERE lower(pair_key) = lower(:k)")

    def run() -> int:
        with store.connect() as conn:
            return len(conn.execute(query, {"k": key}).all())
    return run


def run(store: Store, name: str, args: argparse.Namespace) -> dict[str, Any]:
    """Fill one store and measure it."""
    corpus = Timed(Corpus(args.pairs, args.seed).documents(args.records))
    started = time.perf_counter()
    summary = ingest(store, corpus, batch_size=args.batch)
    total = time.perf_counter() - started - corpus.seconds
    pair = busiest_pair(store)
    with store.connect() as conn:
        pair_records = conn.execute(select(func.count()).select_from(t.records)
                                    .where(t.records.c.pair_key == "|".join(sorted(pair)))).scalar_one()
    n_events = len(timeline(store, pair))
    scan_fn = scan(store, pair)
    result = {
        "backend": name, "records": summary.records, "documents": summary.new, "pairs": args.pairs,
        "events": summary.events, "ingest_seconds": round(total, 2),
        "ingest_records_per_s": round(summary.records / total) if total else None,
        "generate_seconds": round(corpus.seconds, 2),
        "pair": "-".join(pair), "pair_records": pair_records, "pair_events": n_events,
        "timeline": timings(lambda: timeline(store, pair), args.repeat),
        "timeline_visits_since_2010": timings(lambda: timeline(store, pair, type="visit", date_from="2010"),
                                              args.repeat),
        "series": timings(lambda: series(store, pair), args.repeat),
        "scan": timings(scan_fn, max(3, args.repeat // 5)),
    }
    result["scan_over_timeline"] = round(result["scan"]["median_ms"] / max(result["timeline"]["median_ms"], 1e-6), 1)
    result["scan_over_series"] = round(result["scan"]["median_ms"] / max(result["series"]["median_ms"], 1e-6), 1)
    return result


def report(r: dict[str, Any]) -> str:
    """A few readable lines for one backend."""
    return "\n".join([
        f"[{r['backend']}] {r['records']:,} records in {r['documents']:,} documents over {r['pairs']} pairs "
        f"-> {r['events']:,} events",
        f"  ingest: {r['ingest_seconds']} s, {r['ingest_records_per_s']:,} records/s "
        f"(generation, {r['generate_seconds']} s, left out)",
        f"  busiest pair {r['pair']}: {r['pair_records']:,} records, {r['pair_events']:,} events",
        f"  timeline           median {r['timeline']['median_ms']} ms, p95 {r['timeline']['p95_ms']} ms",
        f"  timeline visit>=2010 median {r['timeline_visits_since_2010']['median_ms']} ms, "
        f"p95 {r['timeline_visits_since_2010']['p95_ms']} ms",
        f"  series trade       median {r['series']['median_ms']} ms, p95 {r['series']['p95_ms']} ms",
        f"  full-table scan    median {r['scan']['median_ms']} ms, p95 {r['scan']['p95_ms']} ms",
        f"  ratios: scan/timeline {r['scan_over_timeline']}x, scan/series {r['scan_over_series']}x",
    ])


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; print a report (and a JSON line with --json)."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--records", type=int, default=1_000_000, help="records to generate (default 1,000,000)")
    ap.add_argument("--pairs", type=int, default=200, help="pairs of countries (default 200)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--batch", type=int, default=1000, help="documents per ingest transaction")
    ap.add_argument("--repeat", type=int, default=30, help="timed repetitions of each query")
    ap.add_argument("--pg", default=os.environ.get("DYAD_TEST_PG"), help="a PostgreSQL URL (default: $DYAD_TEST_PG)")
    ap.add_argument("--no-sqlite", action="store_true", help="PostgreSQL only")
    ap.add_argument("--sqlite", help="the SQLite file to fill (default: a temporary one, removed after)")
    ap.add_argument("--json", action="store_true", help="also print all figures as one JSON line")
    args = ap.parse_args(argv)

    results = []
    if not args.no_sqlite:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(args.sqlite) if args.sqlite else Path(tmp) / "bench.db"
            for suffix in ("", "-wal", "-shm"):
                Path(str(path) + suffix).unlink(missing_ok=True)
            store = open_store(path)
            results.append(run(store, "sqlite", args))
            store.close()
            print(report(results[-1]), flush=True)
    if args.pg:
        store = pg_store(args.pg)
        results.append(run(store, "postgresql", args))
        store.close()
        print(report(results[-1]), flush=True)
    if args.json:
        print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
