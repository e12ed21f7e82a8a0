"""The `dyad` command: a thin layer over the library (parse arguments, call, print).

One module per group of commands, each registering its own sub-commands:
``analysis`` (annotate, extract) and ``kb`` (ingest, dyads, timeline, series, conflicts,
show, export, stats); ``common`` holds what they share (argument helpers, settings from
flags, failure reports). ``python -m dyad.cli`` runs the command too.
"""
from __future__ import annotations

import argparse
import sys

from .. import __version__
from ..errors import DyadError
from . import analysis, kb

EPILOG = """examples:
  dyad annotate article.txt                     readable listing of sentences and mentions
  dyad annotate corpus/ --format json > m.jsonl one JSON object per document
  dyad extract corpus/                          records, grouped by document, with evidence
  dyad extract corpus/ --format jsonl > r.jsonl the export format of shared/spec/records.md
  dyad ingest corpus/ && dyad timeline KAZ VNM  build the knowledge base and query a pair

Inputs: .txt (any usual encoding), .html pages, .jsonl (one {"id","text",...} per line)
and folders of them, read recursively. A bad file is reported on stderr and skipped.
Settings: defaults < ~/.config/dyad/config.json (or $DYAD_CONFIG) < flags; DYAD_DB names the store."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, with one sub-command per job."""
    parser = argparse.ArgumentParser(
        prog="dyad", formatter_class=argparse.RawDescriptionHelpFormatter, epilog=EPILOG,
        description="Dyad turns news articles about international relations into a "
                    "source-linked knowledge base of bilateral relations.")
    parser.add_argument("--version", action="version", version=f"dyad {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    analysis.add_commands(sub)
    kb.add_commands(sub)
    return parser


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


__all__ = ["build_parser", "main"]
