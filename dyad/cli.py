"""The `dyad` command: a thin layer over the library (parse arguments, call, print)."""
from __future__ import annotations

import argparse
import os
import sys


from . import __version__
from .errors import DyadError
from .options import Options, load_options

EPILOG = """examples:
  dyad annotate article.txt                     readable listing of sentences and mentions
  dyad annotate corpus/ --format json > m.jsonl one JSON object per document
  dyad extract corpus/                          records, grouped by document, with evidence
  dyad extract corpus/ --format jsonl > r.jsonl the export format of shared/spec/records.md
  dyad ingest corpus/ && dyad timeline KAZ VNM  build the knowledge base and query a pair

Inputs: .txt (any usual encoding), .html pages, .jsonl (one {"id","text",...} per line)
and folders of them, read recursively. A bad file is reported on stderr and skipped.
Settings: defaults < ~/.config/dyad/config.json (or $DYAD_CONFIG) < flags; DYAD_DB names the store."""


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--workers", type=int, help="processes to analyse with (default 1)")
    p.add_argument("--max-bytes", type=int, dest="max_bytes",
                   help="refuse inputs larger than this (default 5000000)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")


def _paths(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (.txt, .html, .jsonl)")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, with one sub-command per job."""
    parser = argparse.ArgumentParser(
        prog="dyad", formatter_class=argparse.RawDescriptionHelpFormatter, epilog=EPILOG,
        description="Dyad turns news articles about international relations into a "
                    "source-linked knowledge base of bilateral relations.")
    parser.add_argument("--version", action="version", version=f"dyad {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("annotate", help="show sentences and mentions (countries, people, dates, amounts...)",
                       description="Analyse documents and show, for each: id, title, publication date "
                                   "and how it was found, its sentences, and every mention with its "
                                   "normalised value.")
    _paths(p)
    p.add_argument("--format", choices=("text", "json"), default="text",
                   help="text: a readable listing (default); json: one JSON object per document")
    _common(p)
    p.set_defaults(func=cmd_annotate)

    p = sub.add_parser("extract", help="extract records (visits, meetings, agreements, trade...)",
                       description="Extract the bilateral facts of each document, each tied to the "
                                   "sentences that state it.")
    _paths(p)
    p.add_argument("--format", choices=("table", "jsonl", "csv"),
                   help="table (default on a terminal), jsonl (the spec's export format, default "
                        "when piped), csv")
    p.add_argument("--no-prefilter", action="store_true",
                   help="parse every document, and every sentence of it, even those with no sign of a "
                        "bilateral fact (slower; the records are the same)")
    _common(p)
    p.set_defaults(func=cmd_extract)

    from .kbcli import add_kb_commands  # the knowledge-base commands
    add_kb_commands(sub, _paths, _common)
    return parser


def options_from(args: argparse.Namespace) -> Options:
    """Defaults < user file < flags."""
    return load_options(
        workers=getattr(args, "workers", None), max_bytes=getattr(args, "max_bytes", None),
        progress=False if getattr(args, "no_progress", False) or not sys.stderr.isatty() else None,
        prefilter=False if getattr(args, "no_prefilter", False) else None,
        db=getattr(args, "db", None))


def report(failure, err=sys.stderr) -> None:
    """A failure on stderr: what, where, what to do."""
    print(f"dyad: {failure.message}", file=err)


class _Run:
    """Documents processed for a command, with failures reported on stderr as they come."""

    def __init__(self, args: argparse.Namespace, extract: bool) -> None:
        self.args, self.extract, self.failed = args, extract, 0

    def __iter__(self):
        from .pipeline import Failed, process

        for item in process(self.args.paths, options_from(self.args), extract=self.extract):
            if isinstance(item, Failed):
                report(item)
                self.failed += item.fatal
            else:
                yield item

    @property
    def status(self) -> int:
        return 1 if self.failed else 0


def cmd_annotate(args: argparse.Namespace) -> int:
    from .reports.annotations import document_json, document_listing, dumps

    colour = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    run = _Run(args, extract=False)
    for item in run:
        if args.format == "json":
            print(dumps(document_json(item.document, item.sentences, item.mentions)), flush=True)
        else:
            print(document_listing(item.document, item.sentences, item.mentions, colour) + "\n", flush=True)
    return run.status


def cmd_extract(args: argparse.Namespace) -> int:
    from .reports.records import RecordWriter

    fmt = args.format or ("table" if sys.stdout.isatty() else "jsonl")
    writer = RecordWriter(fmt, sys.stdout)
    run = _Run(args, extract=True)
    for item in run:
        writer.write(item.document, item.records)
    writer.close()
    return run.status


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `dyad` command."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return args.func(args) or 0
    except DyadError as err:
        print(f"dyad: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `dyad ... | head`
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        return 130



if __name__ == "__main__":
    sys.exit(main())
