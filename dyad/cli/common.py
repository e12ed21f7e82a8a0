"""What the command groups share: argument helpers, settings from flags, failure reports."""
from __future__ import annotations

import argparse
import sys

from ..errors import Failure
from ..options import Options, load_options


def add_paths(p: argparse.ArgumentParser) -> None:
    """The documents to read: files or folders."""
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (.txt, .html, .jsonl)")


def add_run_options(p: argparse.ArgumentParser) -> None:
    """The flags of every command that analyses documents."""
    p.add_argument("--workers", type=int, help="processes to analyse with (default 1)")
    p.add_argument("--max-bytes", type=int, dest="max_bytes",
                   help="refuse inputs larger than this (default 5000000)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")


def options_from(args: argparse.Namespace) -> Options:
    """Defaults < user file < flags."""
    return load_options(
        workers=getattr(args, "workers", None), max_bytes=getattr(args, "max_bytes", None),
        progress=False if getattr(args, "no_progress", False) or not sys.stderr.isatty() else None,
        prefilter=False if getattr(args, "no_prefilter", False) else None,
        db=getattr(args, "db", None))


def report(failure: Failure) -> None:
    """A failure on stderr: what, where, what to do."""
    print(f"dyad: {failure.message}", file=sys.stderr)
