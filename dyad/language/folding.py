"""Accent and case folding that keeps character offsets (one character in, one out)."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

APOSTROPHES = "’‘`´ʼ"


@lru_cache(maxsize=4096)
def fold_char(c: str) -> str:
    """One character, lower-cased and without diacritics; still one character."""
    if c in APOSTROPHES:
        return "'"
    if c in "‐‑‒–—":
        return "-"
    base = unicodedata.normalize("NFD", c)[0].lower()
    if base == "đ":
        return "d"
    return base if len(base) == 1 else c.lower()[:1] or c


def fold(text: str) -> str:
    """The text lower-cased and without diacritics, with the same length."""
    return "".join(fold_char(c) for c in text)


def name_key(name: str) -> str:
    """A spelling-tolerant key for a person's name part (Tokaïev / Tokayev, Nazarbaïev / Nazarbayev)."""
    t = fold(name)
    t = re.sub(r"^(?:al|el|ad|ar|as|at|an)[-']", "", t)  # "al-Sissi" and "Sissi" are one name
    for a, b in (("ou", "u"), ("kh", "h"), ("y", "i"), ("ii", "i"), ("sch", "sh"), ("tch", "ch"),
                 ("dj", "j")):
        t = t.replace(a, b)
    return "".join(c for c in t if c.isalnum())
