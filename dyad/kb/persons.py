"""People across spellings: one person for "Tokaïev", "Tokayev" and "Kassym-Jomart Tokayev".

A name is folded by the one person key of ``dyad.lang.text`` (``person_key``), which maps
French and English renderings of Cyrillic names onto one form (rules in
``dyad/lang/data/translit_fold.tsv``), and the surname key (the key's last token).
Two spellings with the same key are the same person; a shorter form ("Tokayev",
"K. Tokayev") links to a fuller one when the surname key matches, the given names that
both give agree (initials match their names), and the countries do not differ, and only
when exactly one person fits (an ambiguous short form becomes a person of its own).

The canonical name of a person is the fullest form seen (most name parts). Among equally
full forms, the English transliteration wins over the French one (fewer French marks:
"ï", "ë", "ou", "tch", "dj" — "Tokayev" over "Tokaïev"), then the form with more
diacritics (the proper Vietnamese spelling "Võ Văn Thưởng" over "Vo Van Thuong"), then
the most frequent, then the first in alphabetical order.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from dyad.lang import lexicon
from dyad.lang.text import person_key as name_key
from dyad.lang.text import person_tokens as name_tokens
from dyad.lang.text import surname_key  # noqa: F401  (part of this module's API)

LANG = "fr"  # the language whose transliteration marks a name's preference weighs

# Which role (and whose country) each position in a record's persons plays.
ROLE_BY_TYPE = {"visit": "visitor", "meeting": "participant", "agreement": "signatory",
                "invitation": "invitee", "relations": "participant", "support": "participant",
                "trade": "participant"}


def given_names_agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """True when the given names (all but the last token) of the shorter fit the longer's."""
    short, long_ = sorted((list(a[:-1]), list(b[:-1])), key=len)
    for token in short:
        match = next((t for t in long_ if t == token or (len(token) == 1 and t[0] == token)
                      or (len(t) == 1 and token[0] == t)), None)
        if match is None:
            return False
        long_.remove(match)
    return True


def _preference(name: str, count: int) -> tuple:
    folded = name.lower()
    french = sum(folded.count(mark) for mark in lexicon(LANG).words.get("transliteration_marks", []))
    diacritics = sum(1 for c in unicodedata.normalize("NFKD", name) if unicodedata.combining(c))
    return (-len(name_tokens(name)), french, -diacritics, -count, name)


def canonical_name(variants: dict[str, int]) -> str:
    """The name a person is shown under, from the spellings seen and their counts."""
    return min(variants.items(), key=lambda item: _preference(*item))[0]


@dataclass
class Person:
    """One real person and every spelling of their name seen in the store."""

    id: int
    canonical: str
    country: str | None = None
    roles: set[str] = field(default_factory=set)
    variants: dict[str, int] = field(default_factory=dict)

    @property
    def tokens(self) -> tuple[str, ...]:
        return name_tokens(self.canonical)


class PersonIndex:
    """All persons of a store in memory, resolving names to person ids as records arrive."""

    def __init__(self, persons: list[Person] | None = None) -> None:
        self.persons: dict[int, Person] = {}
        self.by_variant: dict[str, int] = {}
        self.by_key: dict[str, int] = {}
        self.by_surname: dict[str, set[int]] = {}
        self.changed: set[int] = set()
        self.new: set[int] = set()
        self.new_variants: set[str] = set()
        self.changed_variants: set[str] = set()
        for person in persons or []:
            self._add(person)
        self.next_id = max(self.persons, default=0) + 1

    def _add(self, person: Person) -> None:
        self.persons[person.id] = person
        for name in person.variants:
            self._index_name(name, person.id)

    def _index_name(self, name: str, pid: int) -> None:
        self.by_variant[name] = pid
        key = name_key(name)
        self.by_key.setdefault(key, pid)
        if key:
            self.by_surname.setdefault(key.split()[-1], set()).add(pid)

    def lookup(self, name: str) -> int | None:
        """The id of the person a name was resolved to before, without changing anything."""
        pid = self.by_variant.get(name)
        return pid if pid is not None else self.by_key.get(name_key(name))

    def _candidate(self, name: str, country: str | None) -> int | None:
        key = name_key(name)
        if key in self.by_key:
            return self.by_key[key]
        tokens = name_tokens(name)
        fits = [pid for pid in sorted(self.by_surname.get(tokens[-1], ()))
                if (self.persons[pid].country is None or country is None
                    or self.persons[pid].country == country)
                and given_names_agree(self.persons[pid].tokens, tokens)]
        if len(fits) > 1 and country:
            fits = [pid for pid in fits if self.persons[pid].country == country] or fits
        return fits[0] if len(fits) == 1 else None

    def resolve(self, name: str, country: str | None = None, role: str | None = None) -> int | None:
        """The person id for a name (creating the person if new); None for an empty name."""
        name = " ".join(name.split())
        if not name_tokens(name):
            return None
        pid = self.by_variant.get(name)
        if pid is None:
            pid = self._candidate(name, country)
        if pid is None:
            pid, self.next_id = self.next_id, self.next_id + 1
            self.persons[pid] = Person(pid, name)
            self.new.add(pid)
        person = self.persons[pid]
        if name not in person.variants:
            self.new_variants.add(name)
            person.variants[name] = 1
            self._index_name(name, pid)
            person.canonical = canonical_name(person.variants)
        else:
            self.changed_variants.add(name)
            person.variants[name] += 1
        if country and person.country is None:
            person.country = country
        if role:
            person.roles.add(role)
        self.changed.add(pid)
        return pid

    def clear_changes(self) -> None:
        """Forget what changed, after it was written."""
        self.changed.clear()
        self.new.clear()
        self.new_variants.clear()
        self.changed_variants.clear()


def record_people(rtype: str, actor: str | None, target: str | None, persons: list[str],
                  attrs: dict) -> list[tuple[str, str | None, str]]:
    """(name, country, role) for each person a record names, countries where the type tells."""
    out: list[tuple[str, str | None, str]] = []
    for i, name in enumerate(persons):
        if rtype == "visit":
            out.append((name, actor, "visitor"))
        elif rtype == "invitation":
            out.append((name, actor, "inviter") if i == 0 else (name, target, "invitee"))
        else:
            out.append((name, None, ROLE_BY_TYPE.get(rtype, "participant")))
    inviter = attrs.get("invited_by")
    if isinstance(inviter, str) and inviter.strip():
        out.append((inviter, target if rtype == "visit" else None, "inviter"))
    return out
