"""Language knowledge, and nothing else: the one loader of every table for one language.

    from dyad.lang import lexicon
    lex = lexicon("fr")
    lex.triggers["visit"]["nouns"]      # the extraction triggers and qualifiers
    lex.words["partitive"]               # ["de", "du", "des", "d'"]: named lists of function words
    lex.rows("titles.tsv")               # any TSV table of the language, as dicts

Layout (``dyad/lang/``):

- ``data/``: language-neutral tables: ``countries.tsv`` (generated from ISO 3166 and CLDR by
  ``data/tools/gen_countries.py``), ``cities.tsv``, ``igos.tsv`` (organisations, French and
  English names), ``countries_extra.tsv`` (curated country names per
  language column), ``country_aliases.tsv`` (other names users type), ``translit_fold.tsv``
  (the person key's rules), ``cameo_plover.tsv`` (export codes);
- ``<lang>/``: one folder per language: ``triggers.json``, ``function_words.json``,
  ``dates.json``, ``amounts.json``, ``references.json``, ``sentences.json``, ``tense.json``,
  ``ambiguous.json``, ``titles.tsv``, ``topics.tsv``, ``demonyms.tsv``,
  ``gazetteer_stop.tsv``, ``object_words.tsv``.

A new language is a new folder of rows: every table is optional, and one that is absent reads
as empty. ``Lexicon(lang, root)`` reads a language from any folder laid out the same way.
No module outside ``dyad/lang`` opens a file here; every stage asks its ``Lexicon``.
"""
from __future__ import annotations

import json
import re
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from ..errors import DyadError, Errors
from .text import fold

ROOT = Path(__file__).parent


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a TSV file with a header line; blank lines and lines starting with '#' are skipped."""
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = cells
            continue
        if len(cells) > len(header):
            raise ValueError(f"{path}: line {n} has {len(cells)} columns, the header has {len(header)}; "
                             "fix the tabs in that line.")
        cells += [""] * (len(header) - len(cells))
        rows.append(dict(zip(header, cells)))
    return rows


def split_cell(cell: str, sep: str = ";") -> list[str]:
    """The parts of a table cell that holds several forms."""
    return [p.strip() for p in cell.split(sep) if p.strip()]


class Lexicon:
    """Every table of one language (and the language-neutral ones), loaded on first use."""

    def __init__(self, lang: str = "fr", root: Path = ROOT) -> None:
        self.lang = lang
        self.root = Path(root)
        self.folder = self.root / lang
        if not self.folder.is_dir():
            known = sorted(p.name for p in self.root.iterdir() if p.is_dir() and p.name not in ("data", "__pycache__"))
            raise DyadError(Errors.E022, lang=lang, known=", ".join(known))

    def __repr__(self) -> str:
        return f"Lexicon({self.lang!r}, {str(self.root)!r})"

    # -- files ---------------------------------------------------------------------------
    def path(self, name: str) -> Path:
        """The table ``name``: the language's own, else the language-neutral one in ``data/``."""
        own = self.folder / name
        return own if own.exists() else self.root / "data" / name

    def has(self, name: str) -> bool:
        return self.path(name).exists()

    def json(self, name: str) -> dict[str, Any]:
        """A JSON table of the language ({} when the language has none)."""
        path = self.path(name)
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}

    def rows(self, name: str) -> list[dict[str, str]]:
        """A TSV table with a header line, as dicts ([] when absent)."""
        path = self.path(name)
        return read_tsv(path) if path.exists() else []

    def all_rows(self, name: str) -> list[dict[str, str]]:
        """The language's own rows of a table, then the language-neutral ones."""
        own, neutral = self.folder / name, self.root / "data" / name
        return [row for path in (own, neutral) if path.exists() for row in read_tsv(path)]

    def lines(self, name: str) -> list[list[str]]:
        """A TSV table without a header: the cells of each line that is not blank or a comment."""
        path = self.path(name)
        if not path.exists():
            return []
        return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
                if line.strip() and not line.startswith("#")]

    # -- the tables --------------------------------------------------------------------
    @cached_property
    def triggers(self) -> dict[str, Any]:
        """The extraction triggers and qualifiers, per record type (``triggers.json``)."""
        return self.json("triggers.json")

    @cached_property
    def words(self) -> dict[str, Any]:
        """Named lists of function words and short cues (``function_words.json`` and the
        ``words`` section of ``triggers.json``)."""
        out = dict(self.triggers.get("words", {}))
        out.update({k: v for k, v in self.json("function_words.json").items() if not k.startswith("_")})
        return out

    @cached_property
    def dates(self) -> dict[str, Any]:
        return self.json("dates.json")

    @cached_property
    def amounts(self) -> dict[str, Any]:
        return self.json("amounts.json")

    @cached_property
    def references(self) -> dict[str, Any]:
        return self.json("references.json")

    @cached_property
    def sentences(self) -> dict[str, Any]:
        return self.json("sentences.json")

    @cached_property
    def tense(self) -> dict[str, Any]:
        return self.json("tense.json")

    @cached_property
    def ambiguous(self) -> dict[str, list[str]]:
        """Names that may stand for several countries ("congolais"), with the default first."""
        return {k: v for k, v in self.json("ambiguous.json").items() if not k.startswith("_")}

    @cached_property
    def topics(self) -> list[tuple[str, str]]:
        """(folded word start, topic) pairs of ``topics.tsv``."""
        return [(fold(cells[0].strip()), cells[1].strip()) for cells in self.lines("topics.tsv") if len(cells) >= 2]

    @cached_property
    def titles(self) -> list[dict[str, str]]:
        return self.rows("titles.tsv")

    @cached_property
    def sovereign_of(self) -> dict[str, str]:
        """Territory code -> the code of the state it belongs to (``data/dependencies.tsv``)."""
        return {row["territory"]: row["sovereign"] for row in self.rows("dependencies.tsv")}

    @cached_property
    def cities(self) -> list[dict[str, str]]:
        """Capitals and major cities with their English name and country (``data/cities.tsv``)."""
        return self.rows("cities.tsv")

    @cached_property
    def gazetteer_stops(self) -> list[dict[str, str]]:
        """Phrases the gazetteer reads as no actor, and the words around names (``gazetteer_stop.tsv``)."""
        return self.rows("gazetteer_stop.tsv")

    @cached_property
    def object_words(self) -> list[list[str]]:
        """Rows (kind, form, canonical) for comparing free-text descriptions (``object_words.tsv``)."""
        return self.lines("object_words.tsv")

    @property
    def event_codes_path(self) -> Path:
        """The table of CAMEO and PLOVER codes per record type (``data/cameo_plover.tsv``)."""
        return self.path("cameo_plover.tsv")

    @cached_property
    def event_codes(self) -> list[list[str]]:
        """The rows of the event-code table, without its header."""
        return self.lines("cameo_plover.tsv")[1:]

    # -- derived: what the pre-filter and the focus look for ------------------------------
    def stem(self, word: str, verb: bool) -> str:
        """The part of a trigger every inflection starts with: "signer" -> "sign", "visite" -> "visite"."""
        w = fold(word).strip()
        if " " in w or not verb:
            return w.rstrip("s") if " " not in w else w
        for ending in self.words.get("verb_endings", []):
            if w.endswith(ending) and len(w) - len(ending) >= 4:
                return w[: -len(ending)]
        return w

    @cached_property
    def trigger_stems(self) -> dict[str, set[str]]:
        """Per record type, the folded stems that every trigger of that type starts with.

        Each extractor creates a record only from these (a meeting "réunion" only with a
        committee's name, a call only with a telephone, an agreement only with a word of
        signing, trade only with a currency: see ``currency_pattern``)."""
        t = self.triggers
        get = lambda kind, key: list(t.get(kind, {}).get(key, []))  # noqa: E731
        meeting_verbs = [x for x in get("meeting", "verbs") if x not in get("meeting", "call_only_verbs")]
        verbs = {
            "visit": get("visit", "travel_verbs") + get("visit", "passive_host_verbs") + get("visit", "host_subject_verbs"),
            "meeting": meeting_verbs, "invitation": get("invitation", "verbs"), "support": get("support", "verbs"),
            "agreement": get("agreement", "signing_lemmas"),
            "relations": [w for ws in t.get("relations", {}).get("membership", {}).values() for w in ws],
        }
        nouns = {
            "visit": get("visit", "nouns"),
            "meeting": get("meeting", "nouns") + get("meeting", "summit_words") + get("meeting", "committee_phrases")
            + get("meeting", "call_phrases"),
            "invitation": get("invitation", "nouns"),
            "relations": [k for k, _ in t.get("relations", {}).get("kinds", [])],
            "support": get("support", "nouns"),
        }
        out: dict[str, set[str]] = {}
        for kind in sorted(set(verbs) | set(nouns)):
            stems = {self.stem(x, True) for x in verbs.get(kind, [])} | {self.stem(x, False) for x in nouns.get(kind, [])}
            if kind == "meeting":
                stems |= {fold(x) for x in get("meeting", "nouns") if " " in x}
            out[kind] = stems
        for kind, forms in self.words.get("irregular_stems", {}).items():
            out.setdefault(kind, set()).update(fold(f) for f in forms)
        return out

    @cached_property
    def trigger_pattern(self) -> re.Pattern[str]:
        """One pattern, over folded text, for every word that can start a record."""
        words = set().union(*self.trigger_stems.values()) if self.trigger_stems else set()
        alt = "|".join(sorted(map(re.escape, (w for w in words if w)), key=len, reverse=True))
        return re.compile(r"(?<![\w])(?:" + (alt or r"(?!)") + r")")

    @cached_property
    def currency_pattern(self) -> re.Pattern[str]:
        """Money words, codes and signs, as whole words: a trade record needs a figure in a
        currency. Codes count in capitals only ("ILS" is a shekel, "ils" a pronoun): the pattern
        is run on the folded text, a newline, then the text as written."""
        forms = {f for fs in self.amounts.get("currencies", {}).values() for f in fs}
        words = {fold(f) for f in forms if not f.isupper()}
        codes = {f for f in forms if f.isupper()}
        alt = "|".join(sorted(map(re.escape, words), key=len, reverse=True)) or r"(?!)"
        caps = "|".join(sorted(map(re.escape, codes), key=len, reverse=True)) or r"(?!)"
        return re.compile(rf"(?<!\w)(?:{alt})(?!\w)|(?<!\w)(?-i:{caps})(?!\w)")


@lru_cache(maxsize=None)
def lexicon(lang: str = "fr") -> Lexicon:
    """The packaged lexicon of a language, loaded once per process."""
    return Lexicon(lang)


__all__ = ["Lexicon", "lexicon", "read_tsv", "split_cell"]
