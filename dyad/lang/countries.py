"""The one resolver of country and organisation names, for text and for queries alike.

Its names are the rows of the lexicon: the generated ISO 3166 / CLDR table
(``data/countries.tsv``), the curated names (``countries_extra.tsv``: the language's own, then
the shared one) and
demonyms (``<lang>/demonyms.tsv``, and those of the other languages present), the
organisations (``data/igos.tsv``) and other names users type (``data/country_aliases.tsv``).
The gazetteer builds its phrase matcher from the same forms (``country_forms``, ``demonym_forms``, ``igo_forms``), so a
name the text layer reads is a name a query can use.

    names = country_names(lexicon("fr"))
    names.code("Viêt Nam")          # 'VNM' (None when unknown)
    names.readings("AU")            # ['AUS', 'IGO:AU']: a query name with two readings
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from . import Lexicon, lexicon, split_cell
from .text import compact_key, lookup_key

CODE = re.compile(r"^(?:[A-Z]{3}|IGO:[A-Z0-9]{2,12})$")


def is_party_code(value: str) -> bool:
    """True for an alpha-3 code or an IGO:<acronym>, as records carry them."""
    return bool(CODE.match(value))


def _languages(lex: Lexicon, columns: list[str], prefix: str = "") -> list[str]:
    """The languages of a table's columns (``name_fr`` -> ``fr``), this lexicon's first."""
    langs = sorted({c[len(prefix):] for c in columns if c.startswith(prefix) and len(c) == len(prefix) + 2})
    return sorted(langs, key=lambda lang: (lang != lex.lang, lang != "fr", lang))


class CountryNames:
    """Names and codes of countries and international organisations."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.names: dict[str, str] = {}          # lookup key of any name -> iso3
        self.codes: dict[str, str] = {}          # alpha-3 and alpha-2 codes -> iso3
        self.display: dict[tuple[str, str], str] = {}   # (iso3, lang) -> the usual name
        self.generated: dict[tuple[str, str], str] = {}  # (iso3, lang) -> the CLDR name
        self.igos: dict[str, str] = {}           # lookup key of an acronym or name -> IGO:XX
        self.aliases: dict[str, str] = {}        # compact key of a name users type -> code
        self.country_forms = list(self._country_forms())
        self.demonym_forms = list(self._demonym_forms())
        self.igo_forms = list(self._igo_forms())
        for iso3, _lang, form, _display in self.country_forms:
            self.names.setdefault(lookup_key(form), iso3)
        for iso3, _lang, form, _prefix in self.demonym_forms:
            self.names.setdefault(lookup_key(form), iso3)
        for code, _lang, form in self.igo_forms:
            self.igos.setdefault(lookup_key(form), code)
        for cells in lex.lines("country_aliases.tsv"):
            if len(cells) >= 2:
                for name in split_cell(cells[1], "|"):
                    self.aliases[compact_key(name)] = cells[0].strip()
        self.compact = {}
        for key, code in self.names.items():
            self.compact.setdefault(key.replace(" ", ""), code)

    # -- the forms, in the order that decides who keeps a shared phrase -------------------
    def _country_forms(self) -> Iterator[tuple[str, str, str, bool]]:
        """(iso3, lang, name, is_display) for every country name: curated rows first."""
        extras = self.lex.all_rows("countries_extra.tsv")
        for row in extras:
            iso3 = row["iso3"]
            self.codes.setdefault(iso3, iso3)
            for lang in _languages(self.lex, [c for c in row if c != "iso3" and not c.startswith("display_")]):
                names = split_cell(row.get(lang, ""))
                if row.get(f"display_{lang}"):
                    self.display[(iso3, lang)] = row[f"display_{lang}"]
                    yield iso3, lang, row[f"display_{lang}"], True
                for name in names:
                    yield iso3, lang, name, False
        for row in self.lex.rows("countries.tsv"):
            iso3 = row["iso3"]
            for lang in _languages(self.lex, list(row), "name_"):
                self.generated[(iso3, lang)] = row[f"name_{lang}"]
                self.display.setdefault((iso3, lang), row[f"name_{lang}"])
                for name in [row[f"name_{lang}"], *split_cell(row.get(f"variants_{lang}", ""))]:
                    yield iso3, lang, name, False
            for code in (iso3, row.get("iso2", "")):
                if code:
                    self.codes.setdefault(code, iso3)

    def _demonym_forms(self) -> Iterator[tuple[str, str, str, bool]]:
        """(iso3, lang, form, is_prefix) for the demonyms of this language."""
        for row in self.lex.rows("demonyms.tsv"):
            iso3 = row["iso3"]
            forms = [v for c, v in row.items() if c not in ("iso3", "alt", "prefix")]
            for form in [f for f in forms if f] + split_cell(row.get("alt", "")):
                yield iso3, self.lex.lang, form, False
            for form in split_cell(row.get("prefix", "")):
                yield iso3, self.lex.lang, form, True

    def _igo_forms(self) -> Iterator[tuple[str, str, str]]:
        """(IGO:XX, lang, form) for every organisation's code, acronyms and names."""
        for row in self.lex.rows("igos.tsv"):
            code = row["code"]
            yield code, "", code
            yield code, "", code.split(":", 1)[-1]
            for lang in _languages(self.lex, list(row), "names_"):
                for form in split_cell(row.get(f"acronyms_{lang}", "")) + split_cell(row.get(f"names_{lang}", "")):
                    yield code, lang, form

    # -- lookups -----------------------------------------------------------------------
    def code(self, name: str) -> str | None:
        """ISO alpha-3 code for a country name (any language of the tables, case or accents) or code."""
        name = name.strip()
        if name.isupper() and name in self.codes:
            return self.codes[name]
        return self.names.get(lookup_key(name))

    def igo(self, name_or_code: str) -> str | None:
        """'IGO:XX' for an organisation's code, acronym or name."""
        return self.igos.get(lookup_key(name_or_code))

    def name(self, code: str, lang: str = "fr") -> str | None:
        """The usual name of a country, or None for an unknown code."""
        return self.display.get((code.upper(), lang))

    def readings(self, name: str) -> list[str]:
        """Every code a name a user typed can stand for: a code, a country's or an
        organisation's name. An alpha-3 code in capitals is always its country."""
        text = name.strip()
        if not text:
            return []
        if text.upper().startswith("IGO:"):
            return [text.upper()] if is_party_code(text.upper()) else []
        if len(text) == 3 and text.isupper() and text in self.codes:
            return [self.codes[text]]
        found: list[str] = []
        key, compact = lookup_key(text), compact_key(text)
        upper = text.upper()  # codes are two or three letters, in any case ("kaz", "kz")
        for code in (self.codes.get(upper),
                     self.names.get(key), self.compact.get(compact), self.aliases.get(compact),
                     self.igos.get(key)):
            if code and code not in found:
                found.append(code)
        return found


@lru_cache(maxsize=None)
def country_names(lex: Lexicon) -> CountryNames:
    """The resolver of a lexicon, built once per process."""
    return CountryNames(lex)


def names_for(lang: str = "fr") -> CountryNames:
    """The resolver of a packaged language."""
    return country_names(lexicon(lang))
