"""Countries and pairs as the store keys them, and query names resolved to codes.

Names are resolved by the one resolver of ``dyad.lang.countries``, the same that the text
layer reads with: an ISO code (KAZ, KZ) or a name in French or English, any case or accents.
A name with two readings ("AU": Australia or the African Union) is an error that lists them.
"""
from __future__ import annotations

from typing import Sequence

from dyad.errors import Errors, QueryError
from dyad.lang.countries import is_party_code, names_for

__all__ = ["country_name", "is_party_code", "lookup_country", "pair_key", "resolve_country", "resolve_pair"]


def lookup_country(name: str) -> str | None:
    """The alpha-3 code (or IGO:X) for a code or a name: its first reading, or None when unknown."""
    readings = names_for().readings(name)
    return readings[0] if readings else None


def _describe(readings: list[str]) -> str:
    return ", ".join(f"{country_name(code)} ({code})" for code in readings)


def resolve_country(name: str) -> str:
    """The alpha-3 code (or IGO:X) for a code or a name; E030 when unknown, E033 when ambiguous."""
    readings = names_for().readings(name)
    if not readings:
        raise QueryError(Errors.E030, name=name)
    if len(readings) > 1:
        raise QueryError(Errors.E033, name=name, readings=_describe(readings))
    return readings[0]


def resolve_pair(spec: str | Sequence[str]) -> tuple[str, str]:
    """Two countries from 'KAZ VNM', ['Kazakhstan', 'Viêt', 'Nam'] or ('KAZ', 'VNM')."""
    names = names_for()
    if isinstance(spec, str):
        words = spec.split()
    elif len(spec) == 2 and all(names.readings(s) for s in spec):
        return resolve_country(spec[0]), resolve_country(spec[1])
    else:
        words = [w for part in spec for w in str(part).split()]
    # Multi-word names ("Corée du Sud Viêt Nam"): try every split into two known names.
    ambiguous = None
    for cut in range(1, len(words)):
        a, b = names.readings(" ".join(words[:cut])), names.readings(" ".join(words[cut:]))
        if len(a) == 1 and len(b) == 1:
            return a[0], b[0]
        if a and b and ambiguous is None:
            ambiguous = " ".join(words[:cut]) if len(a) > 1 else " ".join(words[cut:])
    if ambiguous is not None:
        resolve_country(ambiguous)  # raises E033 with the readings
    raise QueryError(Errors.E051, text=" ".join(words))


def country_name(code: str | None, lang: str = "en") -> str:
    """A display name for a code (the code itself when unknown)."""
    if not code or code == "?":
        return "?"
    if code.startswith("IGO:"):
        return code[4:]
    return names_for().generated.get((code, lang)) or code


def pair_key(a: str | None, b: str | None) -> str:
    """The canonical key of an unordered pair: sorted codes joined by '|' ('?' for unknown)."""
    x, y = a or "?", b or "?"
    return f"{x}|{y}" if x <= y else f"{y}|{x}"
