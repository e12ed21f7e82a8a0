"""The analysis commands of `dyad` (annotate, extract): documents in, listings or records out."""
from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING, Iterator

from ..errors import Failure
from .common import add_paths, add_run_options, options_from, report

if TYPE_CHECKING:
    from ..pipeline import Processed


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Register the analysis sub-commands on the `dyad` parser."""
    p = sub.add_parser("annotate", help="show sentences and mentions (countries, people, dates, amounts...)",
                       description="Analyse documents and show, for each: id, title, publication date "
                                   "and how it was found, its sentences, and every mention with its "
                                   "normalised value.")
    add_paths(p)
    p.add_argument("--format", choices=("text", "json"), default="text",
                   help="text: a readable listing (default); json: one JSON object per document")
    add_run_options(p)
    p.set_defaults(func=cmd_annotate)

    p = sub.add_parser("extract", help="extract records (visits, meetings, agreements, trade...)",
                       description="Extract the bilateral facts of each document, each tied to the "
                                   "sentences that state it.")
    add_paths(p)
    p.add_argument("--format", choices=("table", "jsonl", "csv"),
                   help="table (default on a terminal), jsonl (the spec's export format, default "
                        "when piped), csv")
    p.add_argument("--no-prefilter", action="store_true",
                   help="parse every document, and every sentence of it, even those with no sign of a "
                        "bilateral fact (slower; the records are the same)")
    add_run_options(p)
    p.set_defaults(func=cmd_extract)


class _Run:
    """Documents processed for a command, with failures reported on stderr as they come."""

    def __init__(self, args: argparse.Namespace, extract: bool) -> None:
        self.args, self.extract, self.failed = args, extract, 0

    def __iter__(self) -> Iterator[Processed]:
        from ..pipeline import process

        for item in process(self.args.paths, options_from(self.args), extract=self.extract):
            if isinstance(item, Failure):
                report(item)
                self.failed += item.fatal
            else:
                yield item

    @property
    def status(self) -> int:
        return 1 if self.failed else 0


def cmd_annotate(args: argparse.Namespace) -> int:
    from ..reports.annotations import document_json, document_listing, dumps

    colour = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    run = _Run(args, extract=False)
    for item in run:
        if args.format == "json":
            print(dumps(document_json(item.document, item.sentences, item.mentions)), flush=True)
        else:
            print(document_listing(item.document, item.sentences, item.mentions, colour) + "\n", flush=True)
    return run.status


def cmd_extract(args: argparse.Namespace) -> int:
    from ..reports.records import RecordWriter

    fmt = args.format or ("table" if sys.stdout.isatty() else "jsonl")
    writer = RecordWriter(fmt, sys.stdout)
    run = _Run(args, extract=True)
    for item in run:
        writer.write(item.document, item.records)
    writer.close()
    return run.status
