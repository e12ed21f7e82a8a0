"""Text keys, one of each: the offset-keeping fold, the lookup key and the person key.

- ``fold(text)``: lower case, no diacritics, straight apostrophes and plain hyphens, one
  character in and one out, so that offsets into the folded text are offsets into the text.
- ``phrase_key(phrase)``: the key of a phrase of the dates and amounts vocabularies, case and
  symbols kept ("5 M$"), spaces, hyphens and apostrophes made uniform;
- ``lookup_key(name)``: the key a name is looked up by in a table: its folded words joined by
  single spaces (``'Côte-d’Ivoire'`` -> ``'cote d ivoire'``); ``compact_key`` drops the spaces.
- ``person_key(name)``: the spelling-tolerant key of a person's name, which maps French and
  English renderings of one name onto one form (Tokaïev / Tokayev, Poutine / Putin), by the
  rules of ``data/translit_fold.tsv`` (after the prefixes of ``data/name_prefixes.tsv``);
  ``person_tokens`` gives its words, ``surname_key`` the last.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"

APOSTROPHES = "’‘`´ʼ"
DASHES = "‐‑‒–—"

_WORD = re.compile(r"[\w\u0300-\u036f]+")
_MARKS = re.compile(r"[\u0300-\u036f]")
_LETTERS = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=4096)
def fold_char(c: str) -> str:
    """One character, lower-cased and without diacritics; still one character."""
    if c in APOSTROPHES:
        return "'"
    if c in DASHES:
        return "-"
    base = unicodedata.normalize("NFD", c)[0].lower()
    if base == "đ":
        return "d"
    return base if len(base) == 1 else c.lower()[:1] or c


class _FoldTable(dict):
    """A str.translate table that folds each character on first sight."""

    def __missing__(self, code: int) -> str:
        folded = fold_char(chr(code))
        self[code] = folded
        return folded


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """The text lower-cased and without diacritics, character for character (same offsets)."""
    return text.translate(_FOLD)


def words(folded: str):
    """(start, end, word) of each word of a folded text; decomposed accents are dropped."""
    has_marks = _MARKS.search(folded) is not None
    for m in _WORD.finditer(folded):
        word = m.group()
        if has_marks:
            word = _MARKS.sub("", word)
            if not word:
                continue
        yield m.start(), m.end(), word


@lru_cache(maxsize=65536)
def lookup_key(name: str) -> str:
    """The lookup key of a name: folded words joined by single spaces ('Côte-d’Ivoire' -> 'cote d ivoire')."""
    return " ".join(w for _, _, w in words(fold(name)))


def compact_key(name: str) -> str:
    """The lookup key without its spaces: 'Viêt Nam' and 'Vietnam' give 'vietnam'."""
    return lookup_key(name).replace(" ", "")


_SPACE_RUN = re.compile(r"\s+")
_PHRASE = {ord(c): "'" for c in APOSTROPHES}


def phrase_key(phrase: str, hyphens: bool = False) -> str:
    """The key of a phrase as written, case and symbols kept ("5 M$"): straight apostrophes,
    one space between words, none after an apostrophe; with ``hyphens``, a hyphen counts as a
    space ("quatre-vingts"). The dates and amounts grammars key their vocabulary by it."""
    phrase = phrase.translate(_PHRASE)
    phrase = _SPACE_RUN.sub(" ", phrase.replace("-", " ") if hyphens else phrase).strip()
    return phrase.replace("' ", "'")


@lru_cache(maxsize=1)
def _person_rules() -> tuple[tuple[re.Pattern[str], str], ...]:
    rules = []
    for line in (DATA / "translit_fold.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            pattern, replacement = line.split("\t")[:2]
            rules.append((re.compile(pattern), replacement))
    return tuple(rules)


@lru_cache(maxsize=1)
def _name_prefixes() -> re.Pattern[str]:
    forms = [line.strip() for line in (DATA / "name_prefixes.tsv").read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    return re.compile(r"(?<![^\W\d_])(?:" + "|".join(map(re.escape, forms)) + r")[-'](?=[^\W\d_])")


@lru_cache(maxsize=65536)
def person_tokens(name: str) -> tuple[str, ...]:
    """The transliteration-folded words of a name ('Kassym-Jomart Tokaïev' -> kasim jomart tokaev)."""
    out = []
    for word in _LETTERS.findall(_name_prefixes().sub("", fold(name))):
        for pattern, replacement in _person_rules():
            word = pattern.sub(replacement, word)
        if word:
            out.append(word)
    return tuple(out)


def person_key(name: str) -> str:
    """The folded key of a whole name; equal keys mean the same person."""
    return " ".join(person_tokens(name))


def surname_key(name: str) -> str:
    """The key of the last name part (the surname, or a Vietnamese given name)."""
    tokens = person_tokens(name)
    return tokens[-1] if tokens else ""
