"""The docs are part of the product: every command is documented and its help runs."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from dyad.cli import build_parser

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(build_parser()._subparsers._group_actions[0].choices)


def test_there_are_commands():
    assert {"annotate", "extract", "ingest", "timeline", "series", "conflicts", "show", "export",
            "stats", "dyads"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_in_the_readme(command):
    assert re.search(rf"\bdyad {command}\b", README), f"`dyad {command}` is not documented in README.md"


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command):
    out = subprocess.run([str(ROOT / ".venv" / "bin" / "dyad"), command, "--help"], capture_output=True,
                         text=True, check=True).stdout
    assert out.startswith("usage: dyad " + command)


def test_readme_gives_the_two_commands():
    assert "bash scripts/demo.sh" in README and "bash scripts/test.sh" in README
    assert "bash scripts/test.sh" in (ROOT / ".ci" / "run").read_text()
