"""The knowledge-base commands of `dyad` (ingest, dyads, timeline, series, conflicts, show,
export, stats): argument parsing over ``dyad.kb``, printing through ``dyad.reports``."""
from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Iterator

from ..errors import Failure
from .common import add_paths, add_run_options, options_from, report

if TYPE_CHECKING:
    from ..kb import Store
    from ..pipeline import Processed

DB_HELP = "the store: a SQLite file (default ./dyad.db, or $DYAD_DB) or a postgresql://user@host/db URL"
FMT = ("table", "json", "csv")


def _db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", help=DB_HELP)


def _fmt(p: argparse.ArgumentParser, default: str = "table") -> None:
    p.add_argument("--format", choices=FMT, default=default, help=f"output format (default {default})")


def _pair(p: argparse.ArgumentParser) -> None:
    p.add_argument("pair", nargs="+", metavar="COUNTRY",
                   help="two countries: ISO codes (KAZ VNM) or names in French or English "
                        "(Kazakhstan Vietnam, \"viêt nam\"); quote names of several words")


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Register the knowledge-base sub-commands on the `dyad` parser."""
    p = sub.add_parser("ingest", help="analyse documents and add them to the knowledge base",
                       description="Read, analyse and extract documents, and store them with their "
                                   "records; then merge reports of one event across articles. Safe to "
                                   "rerun: unchanged documents are skipped, changed ones replaced, and an "
                                   "interrupted run resumes where it stopped.")
    add_paths(p)
    _db(p)
    p.add_argument("--batch-size", type=int, default=50, help="documents per transaction (default 50)")
    _fmt(p)
    add_run_options(p)
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("dyads", help="pairs of countries, with counts of events and first/last dates")
    _db(p)
    _fmt(p)
    p.set_defaults(func=cmd_dyads)

    p = sub.add_parser("timeline", help="the merged events of one pair, in date order",
                       description="The events of a pair, merged across articles, each with its sources. "
                                   "--format json prints one record per line in the spec's format with "
                                   "\"sources\" in place of \"doc\" (scorable by shared/eval/score.py).")
    _pair(p)
    p.add_argument("--type", help="only this record type (visit, meeting, agreement, invitation, relations, support, trade)")
    p.add_argument("--from", dest="date_from", help="from this date (2010, 2010-05 or 2010-05-01)")
    p.add_argument("--to", dest="date_to", help="up to this date")
    _db(p)
    _fmt(p)
    p.set_defaults(func=cmd_timeline)

    p = sub.add_parser("series", help="an indicator over time for one pair (trade: actuals and targets)")
    _pair(p)
    p.add_argument("--plot", metavar="PNG", help="also draw the series to this image file")
    _db(p)
    _fmt(p)
    p.set_defaults(func=cmd_series)

    p = sub.add_parser("conflicts", help="facts on which sources disagree, with the sources of each value")
    p.add_argument("pair", nargs="*", metavar="COUNTRY", help="two countries (default: every pair)")
    _db(p)
    _fmt(p)
    p.set_defaults(func=cmd_conflicts)

    p = sub.add_parser("show", help="one event with every source and its evidence sentence")
    p.add_argument("event_id")
    _db(p)
    _fmt(p)
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("export", help="write events, records and conflicts with CAMEO and PLOVER codes")
    p.add_argument("folder", help="folder to write into (created if missing)")
    p.add_argument("--format", choices=("jsonl", "csv", "parquet"), default="jsonl")
    _db(p)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("stats", help="counts of documents, records, events, conflicts...")
    _db(p)
    _fmt(p)
    p.set_defaults(func=cmd_stats)


def _store(args: argparse.Namespace) -> Store:
    from ..kb import open_store

    return open_store(options_from(args).db)


def _pair_arg(words: list[str]) -> str | list[str]:
    return words if len(words) == 2 else " ".join(words)


def _print(text: str) -> None:
    if text:
        print(text.rstrip("\n"))


def cmd_ingest(args: argparse.Namespace) -> int:
    from ..kb import ingest
    from ..pipeline import process
    from ..reports.tables import format_summary

    options = options_from(args)
    store = _store(args)

    def items() -> Iterator[Processed | Failure]:
        for item in process(args.paths, options, extract=True):
            if isinstance(item, Failure):
                report(item)
                if not item.fatal:
                    continue
            yield item
    summary = ingest(store, items(), batch_size=args.batch_size)
    print(format_summary(summary, args.format), file=sys.stderr if args.format == "table" else sys.stdout)
    return 1 if summary.failed else 0


def cmd_dyads(args: argparse.Namespace) -> int:
    from ..kb import dyads
    from ..reports.tables import format_dyads

    _print(format_dyads(dyads(_store(args)), args.format))
    return 0


def cmd_timeline(args: argparse.Namespace) -> int:
    from ..kb import timeline
    from ..reports.tables import format_timeline

    events = timeline(_store(args), _pair_arg(args.pair), type=args.type, date_from=args.date_from,
                      date_to=args.date_to)
    _print(format_timeline(events, args.format))
    return 0


def cmd_series(args: argparse.Namespace) -> int:
    from ..kb import series
    from ..reports.tables import format_series

    s = series(_store(args), _pair_arg(args.pair), "trade")
    _print(format_series(s, args.format))
    if args.plot:
        from ..reports.charts import plot_series

        path = plot_series(s, args.plot)
        print(f"dyad: chart written to {path}", file=sys.stderr)
    return 0


def cmd_conflicts(args: argparse.Namespace) -> int:
    from ..kb import conflicts
    from ..reports.tables import format_conflicts

    pair = _pair_arg(args.pair) if args.pair else None
    _print(format_conflicts(conflicts(_store(args), pair), args.format))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from ..kb import show
    from ..reports.tables import format_event

    _print(format_event(show(_store(args), args.event_id), args.format))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from ..reports.exports import export

    written = export(_store(args), args.folder, args.format)
    for name, path in written.items():
        print(f"{name}\t{path}")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from ..kb import stats
    from ..reports.tables import format_stats

    _print(format_stats(stats(_store(args)), args.format))
    return 0
