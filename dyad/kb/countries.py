"""Country resolver: ISO codes or French/English names, any case or accents, to alpha-3 codes.

The language stage's gazetteer (``dyad.language.gazetteer``) is asked first when it loads.
Names here come from pycountry (ISO 3166) and babel (CLDR territory names in French and
English), plus two small tables beside this module: other country names users type, and
international organisations (``IGO:UN``).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from dyad.errors import Errors

from .errors import KBErrors, QueryError

DATA = Path(__file__).parent / "data"
CODE = re.compile(r"^(?:[A-Z]{3}|IGO:[A-Z0-9]{2,12})$")


@lru_cache(maxsize=65536)
def fold_name(text: str) -> str:
    """Accents, case, spaces and punctuation folded away: 'Viêt Nam' -> 'vietnam'."""
    text = unicodedata.normalize("NFKD", text.replace("œ", "oe").replace("Œ", "OE"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return "".join(c for c in text if c.isalnum())


def is_party_code(value: str) -> bool:
    """True for an alpha-3 code or an IGO:<acronym>, as records carry them."""
    return bool(CODE.match(value))


def _read_table(name: str) -> list[tuple[str, list[str]]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, names = line.split("\t")[:2]
            rows.append((code.strip(), [n.strip() for n in names.split("|") if n.strip()]))
    return rows


def _name_variants(name: str) -> list[str]:
    # CLDR writes "Myanmar (Birmanie)" and "Congo - Kinshasa": accept each part too.
    out = [name]
    m = re.match(r"^(.*?)\s*\((.*)\)\s*$", name)
    if m:
        out += [m.group(1), m.group(2)]
    return out


@lru_cache(maxsize=1)
def _index() -> dict[str, str]:
    import pycountry
    from babel import Locale

    index: dict[str, str] = {}
    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    for lang in ("en", "fr"):
        for a2, name in Locale.parse(lang).territories.items():
            if a2 in alpha3:
                for variant in _name_variants(name):
                    index.setdefault(fold_name(variant), alpha3[a2])
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            if getattr(c, attr, None):
                index.setdefault(fold_name(getattr(c, attr)), c.alpha_3)
    for table in ("country_aliases.tsv", "igos.tsv"):
        for code, names in _read_table(table):
            for name in names:
                index[fold_name(name)] = code
    # Codes last, so that a code always means its country ("can" is Canada, not a name).
    for c in pycountry.countries:
        index[c.alpha_3.lower()] = c.alpha_3
        index[c.alpha_2.lower()] = c.alpha_3
    return index


@lru_cache(maxsize=1)
def _gazetteer() -> object | None:
    # The language stage's gazetteer knows more names (adjectives, old names) when present.
    try:
        from dyad.language.gazetteer import load_gazetteer  # type: ignore[import-not-found]

        return load_gazetteer()
    except Exception:  # an absent or unfinished gazetteer must not break queries
        return None


def _gazetteer_code(name: str, method: str = "country_code") -> str | None:
    gazetteer = _gazetteer()
    try:
        code = getattr(gazetteer, method)(name) if gazetteer is not None else None
    except Exception:  # a gazetteer in the middle of changes must not break queries
        return None
    return code if isinstance(code, str) and is_party_code(code) else None


def lookup_country(name: str) -> str | None:
    """The alpha-3 code (or IGO:X) for a code or a name, or None when unknown."""
    text = name.strip()
    if not text:
        return None
    if text.upper().startswith("IGO:") and is_party_code(text.upper()):
        return text.upper()
    # The language stage's gazetteer first (it knows demonyms and old names too), then the
    # names and codes here, then the gazetteer's organisations.
    return _gazetteer_code(text) or _index().get(fold_name(text)) or _gazetteer_code(text, "igo")


def resolve_country(name: str) -> str:
    """The alpha-3 code (or IGO:X) for a code or a name; raises E030 when unknown."""
    code = lookup_country(name)
    if code is None:
        raise QueryError(Errors.E030, name=name)
    return code


def resolve_pair(spec: str | Sequence[str]) -> tuple[str, str]:
    """Two countries from 'KAZ VNM', ['Kazakhstan', 'Viêt', 'Nam'] or ('KAZ', 'VNM')."""
    if isinstance(spec, str):
        words = spec.split()
    elif len(spec) == 2 and all(lookup_country(s) for s in spec):
        return lookup_country(spec[0]), lookup_country(spec[1])  # type: ignore[return-value]
    else:
        words = [w for part in spec for w in str(part).split()]
    # Multi-word names ("Corée du Sud Viêt Nam"): try every split into two known names.
    for cut in range(1, len(words)):
        a, b = lookup_country(" ".join(words[:cut])), lookup_country(" ".join(words[cut:]))
        if a and b:
            return a, b
    raise QueryError(KBErrors.E051, text=" ".join(words))


@lru_cache(maxsize=512)
def country_name(code: str | None, lang: str = "en") -> str:
    """A display name for a code (the code itself when unknown)."""
    if not code or code == "?":
        return "?"
    if code.startswith("IGO:"):
        return code[4:]
    import pycountry
    from babel import Locale

    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return code
    return Locale.parse(lang).territories.get(country.alpha_2, country.name)


def pair_key(a: str | None, b: str | None) -> str:
    """The canonical key of an unordered pair: sorted codes joined by '|' ('?' for unknown)."""
    x, y = a or "?", b or "?"
    return f"{x}|{y}" if x <= y else f"{y}|{x}"
