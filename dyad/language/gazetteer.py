"""The actor gazetteer: countries, demonyms, cities, international organisations and titles
of office, looked up by name or found in raw text with exact character offsets.

The names are the lexicon's (``dyad.lang``): the country and organisation forms come from
its resolver (``dyad.lang.countries``), so the text layer and queries share one table of
names; cities, titles and stop phrases from its own tables. Matching folds case and
accents one character to one character, so offsets into the folded text are offsets into
the original; it then walks the words once, trying the longest known phrase first.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import accumulate

from ..lang import Lexicon, lexicon, split_cell
from ..lang.countries import CountryNames, country_names
from ..lang.text import fold, lookup_key, words as _words

KINDS = ("stop", "country", "city", "igo", "demonym", "title")
# When one phrase names several things, the first kind here wins ("Singapour": the country).
_PRIORITY = {kind: i for i, kind in enumerate(KINDS)}
# A form written with a capital in the tables needs it in the text ("la réunion" is a meeting,
# "la Réunion" an island; English "Polish", not "polish"), except titles ("premier ministre").
_CAPITALISED_KINDS = {"stop", "country", "city", "igo", "demonym"}
# Place names are not read inside a person's or a company's name ("France Gall", "Vietnam Airlines").
_PLACE_KINDS = {"country", "city"}

_WORD = re.compile(r"[\w\u0300-\u036f]+")
_SPLIT = re.compile(r"([\w\u0300-\u036f]+)")
_MARKS = re.compile(r"[\u0300-\u036f]")
# What may separate two words of one name: spaces, a hyphen, an apostrophe (d'Ivoire, N'Djamena).
_JOIN = re.compile(r"[ \t\u00a0\u202f\u2009]{1,3}|-|' ?")
_NAME_JOIN = {" ", "-", "\u00a0"}
_SPACES = {" ", "\u00a0"}
_SENTENCE_OPEN = re.compile(r"[.!?:;\n«\"(]|\s-\s")


@dataclass(frozen=True)
class GazMatch:
    """One gazetteer hit in a text, or the answer to a lookup."""

    start: int          # char offsets into the text given, end exclusive
    end: int
    text: str
    kind: str           # "country" | "demonym" | "city" | "igo" | "title"
    value: str          # country/demonym: ISO alpha-3; city: English name; igo: "IGO:XX"; title: role id
    country: str | None = None   # city: its country's iso3; country/demonym: the same iso3; else None
    capital: bool = False        # city: True for a capital
    rank: str | None = None      # title: its rank


@dataclass(frozen=True)
class _Entry:
    kind: str
    value: str
    country: str | None = None
    capital: bool = False
    rank: str | None = None
    upper: bool = False        # an acronym: the text must have no lower-case letter (RDC, UE, EAU)
    cap_word: int = -1         # this word of the phrase must start with a capital in the text
    prefix: bool = False       # a combining form (sino-): only before a hyphen and a demonym
    surname: bool = False      # also a surname: not right after a capitalised word (Kofi Kingston)


def _entry(kind: str, form: str, value: str, **extra: object) -> tuple[str, _Entry] | None:
    words = list(_words(fold(form)))
    if not words:
        return None
    letters = [c for c in form if c.isalpha()]
    upper = bool(letters) and not any(c.islower() for c in letters)
    cap_word = -1
    if not upper and kind in _CAPITALISED_KINDS:
        # The last capitalised word is the head of the name: "Caire" in "Le Caire", "Ivoire".
        caps = [i for i, (s, _, _) in enumerate(words) if form[s].isupper()]
        cap_word = caps[-1] if caps else -1
    key = " ".join(w for _, _, w in words)
    return key, _Entry(kind, value, upper=upper, cap_word=cap_word, **extra)  # type: ignore[arg-type]


class Gazetteer:
    """Names of countries, cities, organisations and titles, and a matcher over raw text."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.lang = lex.lang
        self.names: CountryNames = country_names(lex)
        self._index: dict[str, list[_Entry]] = {}
        self._longest: dict[str, int] = {}        # first word -> most words in a phrase it starts
        self._demonym_first: set[str] = set()
        self._pairs: set[str] = set()             # first two words of the longer phrases
        self._place_words: set[str] = set()       # "du", "à": what comes before a place, not a first name
        self._cities: dict[str, GazMatch] = {}
        for iso3, lang, form, _ in self.names.country_forms:
            if lang == self.lang:
                self._add("country", form, iso3, country=iso3)
        for iso3, _, form, prefix in self.names.demonym_forms:
            self._add("demonym", form, iso3, country=iso3, prefix=prefix)
        self._load_cities()
        for code, lang, form in self.names.igo_forms:
            if lang == self.lang:
                self._add("igo", form, code)
        for row in lex.titles:
            self._add("title", row["form"], row["role"], rank=row["rank"], country=row.get("country") or None)
        self._load_stops()
        for entries in self._index.values():
            entries.sort(key=lambda e: _PRIORITY[e.kind])

    # -- loading -----------------------------------------------------------------------

    def _add(self, kind: str, form: str, value: str, **extra: object) -> None:
        made = _entry(kind, form, value, **extra)
        if made is None:
            return
        key, entry = made
        entries = self._index.setdefault(key, [])
        if entry in entries:
            return
        # One phrase, two things of one kind: the first row read keeps the phrase.
        if any(e.kind == kind and e.value != value for e in entries):
            return
        entries.append(entry)
        first, *rest = key.split(" ")
        self._longest[first] = max(self._longest.get(first, 0), len(rest) + 1)
        if rest:
            self._pairs.add(f"{first} {rest[0]}")
        if kind == "demonym":
            self._demonym_first.add(first)

    def _load_cities(self) -> None:
        for row in self.lex.cities:
            name, iso3, capital = row["name_en"], row["iso3"], row["is_capital"] == "1"
            for form in [name, *split_cell(row.get("variants", ""))]:
                self._add("city", form, name, country=iso3, capital=capital)
                self._cities.setdefault(lookup_key(form), GazMatch(0, 0, name, "city", name, iso3, capital))

    def _load_stops(self) -> None:
        for row in self.lex.gazetteer_stops:
            if row.get("rule") == "place_word":
                self._place_words.add(lookup_key(row["form"]))
            elif row.get("rule") == "surname":
                key = lookup_key(row["form"])
                self._index[key] = [replace(e, surname=e.kind in _PLACE_KINDS) for e in self._index.get(key, [])]
            else:
                self._add("stop", row["form"], "")

    # -- lookups -----------------------------------------------------------------------

    def country_code(self, name: str) -> str | None:
        """ISO alpha-3 code for a country name (French or English, any case or accents) or code."""
        return self.names.code(name)

    def country_name(self, iso3: str, lang: str = "fr") -> str | None:
        """The usual name of a country in French or English, or None for an unknown code."""
        return self.names.name(iso3, lang)

    def city(self, name: str) -> GazMatch | None:
        """The city known by this spelling, as a match over the name given."""
        hit = self._cities.get(lookup_key(name))
        if hit is None:
            return None
        return GazMatch(0, len(name), name, "city", hit.value, hit.country, hit.capital)

    def igo(self, name_or_code: str) -> str | None:
        """'IGO:XX' for an organisation's code, acronym or name (French or English)."""
        return self.names.igo(name_or_code)

    # -- matching ----------------------------------------------------------------------

    def find(self, text: str) -> list[GazMatch]:
        """All hits in the text: non-overlapping, longest phrase first, sorted by start."""
        folded = fold(text)
        # One C-level split gives the words and the gaps between them: [gap, word, gap, word, ..., gap].
        parts = _SPLIT.split(folded)
        words = parts[1::2]
        if _MARKS.search(folded):  # decomposed accents (NFD input) stay inside the words: drop them
            words = [_MARKS.sub("", w) for w in words]
        gaps = parts[2::2]          # gaps[k]: between word k and word k + 1
        ends = list(accumulate(map(len, parts)))
        longest, index, pairs = self._longest, self._index, self._pairs
        out: list[GazMatch] = []
        n, after = len(words), 0
        for i in [k for k, w in enumerate(words) if w in longest]:
            # Most starts ("la", "le") begin no phrase that the next word continues: skip them fast.
            if i < after or (words[i] not in index and (i + 1 == n or f"{words[i]} {words[i + 1]}" not in pairs)):
                continue
            hit = self._hit(text, ends, words, gaps, i, n)
            if hit is None:
                continue
            size, entry = hit
            after = i + size
            if entry.kind != "stop":
                start, end = ends[2 * i], ends[2 * (i + size) - 1]
                out.append(GazMatch(start, end, text[start:end], entry.kind, entry.value,
                                    entry.country, entry.capital, entry.rank))
        return out

    def _hit(self, text: str, ends: list[int], words: list[str], gaps: list[str], i: int, n: int,
             limit: int | None = None) -> tuple[int, _Entry] | None:
        """The longest entry at word i (of at most `limit` words), yielding to a phrase that starts
        inside it and reaches further: "le Cap-Vert" is Cap-Vert, not "le Cap" and "Vert"."""
        most = self._longest.get(words[i], 0) if limit is None else limit
        size = 1
        while size < most and i + size < n and _JOIN.fullmatch(gaps[i + size - 1]):
            size += 1
        hit = self._longest_hit(text, ends, words, gaps, i, size) if most else None
        if hit is None or limit is not None:
            return hit
        for j in range(i + 1, i + hit[0]):
            if words[j] in self._longest:
                inner = self._hit(text, ends, words, gaps, j, n, self._longest[words[j]])
                if inner is not None and j + inner[0] > i + hit[0]:
                    return self._hit(text, ends, words, gaps, i, n, j - i)
        return hit

    def _longest_hit(self, text: str, ends: list[int], words: list[str], gaps: list[str],
                     i: int, size: int) -> tuple[int, _Entry] | None:
        for k in range(size, 0, -1):
            entries = self._index.get(" ".join(words[i:i + k]))
            if not entries:
                continue
            for entry in entries:
                if self._fits(entry, text, ends, words, gaps, i, k):
                    return k, entry
        return None

    def _fits(self, entry: _Entry, text: str, ends: list[int], words: list[str], gaps: list[str],
              i: int, k: int) -> bool:
        if entry.upper and any(c.islower() for c in text[ends[2 * i]:ends[2 * (i + k) - 1]]):
            return False
        if entry.cap_word >= 0 and not text[ends[2 * (i + entry.cap_word)]].isupper():
            return False
        if entry.prefix:
            return i + 1 < len(words) and gaps[i] == "-" and words[i + 1] in self._demonym_first
        if entry.kind in _PLACE_KINDS and self._name_follows(text, ends, words, gaps, i, k):
            return False
        if entry.surname and self._name_precedes(text, ends, words, gaps, i):
            return False
        return True

    def _name_follows(self, text: str, ends: list[int], words: list[str], gaps: list[str], i: int, k: int) -> bool:
        """A capitalised word right after a place name makes it part of a name: "Maurice Lévy",
        "Vietnam Airlines", "Washington Post"; not after "du", "à" ("du Vietnam Truong Tan Sang")."""
        after = i + k
        return (after < len(words) and gaps[after - 1] in _SPACES and _titled(text, ends, after)
                and words[after] not in self._longest and (i == 0 or words[i - 1] not in self._place_words))

    def _name_precedes(self, text: str, ends: list[int], words: list[str], gaps: list[str], i: int) -> bool:
        """A capitalised word right before a surname-like place makes it a person: "Kofi Kingston";
        unless that word opens a sentence ("Hier. Kingston a ...")."""
        return (i >= 2 and gaps[i - 1] in _NAME_JOIN and _titled(text, ends, i - 1)
                and not _SENTENCE_OPEN.search(gaps[i - 2]) and words[i - 1] not in self._longest)


def _titled(text: str, ends: list[int], j: int) -> bool:
    word = text[ends[2 * j]:ends[2 * j + 1]]
    return word[0].isupper() and (len(word) == 1 or word[1].islower())


@lru_cache(maxsize=None)
def gazetteer_for(lex: Lexicon) -> Gazetteer:
    """The gazetteer of a lexicon, built once per process."""
    return Gazetteer(lex)


def load_gazetteer(lang: str = "fr") -> Gazetteer:
    """The gazetteer of a packaged language."""
    return gazetteer_for(lexicon(lang))
