"""A deterministic synthetic corpus for the knowledge base's benchmark and crash tests.

Documents are generated in code from a seed: each reports a handful of facts about one
pair of countries, drawn from a pool of "true" events per pair, the way several outlets
report one visit — with dates more or less precise, names in French or English
transliteration, places sometimes left out, trade figures with qualifiers (and now and
then a figure that disagrees). Nothing here is language knowledge for the real pipeline.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Iterator

from dyad.model import Document, Interval, Mention, PublicationDate, Record

CODES = ("AFG ARG ARM AUS AUT AZE BEL BGD BLR BRA CAN CHE CHL CHN COL CUB CZE DEU DNK DZA EGY ESP EST ETH "
         "FIN FRA GBR GEO GRC HUN IDN IND IRL IRN IRQ ISR ITA JPN KAZ KEN KGZ KHM KOR LAO MAR MEX MNG MYS NGA "
         "NLD NOR NZL PAK PER PHL POL PRT QAT ROU RUS SAU SEN SGP SRB SWE THA TJK TKM TUN TUR UKR USA UZB VNM "
         "ZAF").split()
SYLLABLES = ("ka ra nu sul tan ta bek mu ra to ky ev shu li va no vi an dr yu ri ser gey mi kh ai lo ba "
             "zar nur as yl zha gu le sa").split()
CITIES = ("Capitale", "Port-Royal", "Nova", "Sainte-Marie", "Belmont", "Rivière", "Montclair", "Lacroix")
TYPES = (("visit", 0.22), ("meeting", 0.22), ("agreement", 0.18), ("trade", 0.16), ("invitation", 0.08),
         ("support", 0.09), ("relations", 0.05))


@dataclass
class Person:
    """A generated person: English spelling, French spelling, and a short form."""

    english: str
    french: str
    surname: str


@dataclass
class Truth:
    """A real-world fact that several documents report."""

    type: str
    actor: str
    target: str
    day: date
    days: int
    where: str | None
    persons: list[Person]
    attrs: dict[str, Any] = field(default_factory=dict)


def _french(name: str) -> str:
    # French transliteration habits: u -> ou, y -> ï, sh -> ch, zh -> j.
    return name.replace("sh", "ch").replace("zh", "j").replace("u", "ou").replace("y", "ï")


def _name(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def _people(rng: random.Random, n: int) -> list[Person]:
    out = []
    for _ in range(n):
        given, surname = _name(rng, 2), _name(rng, 2) + rng.choice(["ev", "ov", "yev", "in", "sky"])
        english = f"{given} {surname}"
        out.append(Person(english, _french(english), surname))
    return out


def pairs(n_pairs: int, seed: int = 7) -> list[tuple[str, str]]:
    """The first n pairs of a shuffled list of country pairs."""
    rng = random.Random(seed)
    every = [(a, b) for i, a in enumerate(CODES) for b in CODES[i + 1:]]
    rng.shuffle(every)
    return every[:n_pairs]


class Corpus:
    """Generates documents for a fixed set of pairs, deterministically from a seed."""

    def __init__(self, n_pairs: int = 200, seed: int = 7, pool: int = 400) -> None:
        self.rng = random.Random(seed)
        self.pairs = pairs(n_pairs, seed)
        self.people = {code: _people(random.Random(f"{seed}-{code}"), 6) for code in CODES}
        self.pool: dict[tuple[str, str], list[Truth]] = {p: [] for p in self.pairs}
        self.pool_size = pool
        self.trade: dict[tuple[str, str, int], float] = {}
        self.relations: dict[tuple[str, str], date] = {}

    def _truth(self, pair: tuple[str, str]) -> Truth:
        rng = self.rng
        pool = self.pool[pair]
        if pool and rng.random() < 0.6:
            return rng.choice(pool)
        kind = rng.choices([t for t, _ in TYPES], [w for _, w in TYPES])[0]
        a, b = pair if rng.random() < 0.5 else pair[::-1]
        day = date(1995, 1, 1) + timedelta(days=rng.randrange(30 * 365))
        truth = Truth(kind, a, b, day, rng.choice([1, 1, 2, 3]), rng.choice(CITIES + (None,)),
                      [rng.choice(self.people[a])] + ([rng.choice(self.people[b])] if kind in ("meeting", "invitation") else []))
        if kind == "visit":
            truth.attrs = {"level": rng.choice(["state", "official", "working"])}
        elif kind == "meeting":
            truth.attrs = {"format": rng.choice(["talks", "talks", "call", "committee"])}
        elif kind == "agreement":
            truth.attrs = {"kind": rng.choice(["agreement", "memorandum", "action_plan"]),
                           "title": f"accord de coopération n°{rng.randrange(10**6)}"}
        elif kind == "invitation":
            truth.attrs = {"for": rng.choice(["state_visit", "official_visit"])}
        elif kind == "support":
            truth.attrs = {"object": f"candidature au poste n°{rng.randrange(10**5)}", "mutual": False}
        elif kind == "relations":
            first = self.relations.setdefault(pair, date(1991, 1, 1) + timedelta(days=rng.randrange(1500)))
            truth.day, truth.days, truth.attrs = first, 1, {"kind": "diplomatic"}
        elif kind == "trade":
            truth.day = date(rng.randrange(2000, 2024), 1, 1)
            truth.attrs = {"value": self.trade.setdefault((*pair, truth.day.year), rng.randrange(5, 5000) * 1e6),
                           "status": "actual" if rng.random() < 0.85 else "target"}
        pool.append(truth)
        if len(pool) > self.pool_size:
            pool.pop(0)
        return truth

    def _report(self, truth: Truth) -> tuple[Record, str]:
        """One document's record of a true fact, with the sentence that states it."""
        rng = self.rng
        t = truth
        end = t.day + timedelta(days=t.days - 1)
        when: Interval | None = Interval(t.day, end, "day" if t.days == 1 else "range")
        attrs = dict(t.attrs)
        if t.type == "trade":
            start = date(t.day.year, 1, 1)
            when = Interval(start, date(t.day.year, 12, 31), "year", inferred=rng.random() < 0.3)
            value = attrs["value"]
            r = rng.random()
            if r < 0.05:
                attrs.update(value=round(value * 1.7, -6), qualifier="approx")  # a figure that disagrees
            elif r < 0.35:
                attrs.update(value=round(value * 0.9, -6), qualifier="more_than")
            elif r < 0.55:
                attrs.update(qualifier="approx")
            else:
                attrs.update(qualifier="exact")
            attrs["currency"] = "USD"
        else:
            r = rng.random()
            if r < 0.05 and t.type != "relations":
                when = None
            elif r < 0.20:
                when = Interval(date(t.day.year, t.day.month, 1),
                                date(t.day.year, t.day.month, 28), "month", inferred=rng.random() < 0.5)
            elif r < 0.35 and t.days > 1:
                pick = t.day + timedelta(days=rng.randrange(t.days))
                when = Interval(pick, pick, "day")
            elif r < 0.38 and t.type == "relations":
                when = Interval(t.day.replace(year=t.day.year + 1), t.day.replace(year=t.day.year + 1))
            if when is not None and rng.random() < 0.2:
                when = Interval(when.start, when.end, when.granularity, inferred=True)
            if rng.random() < 0.1 and t.type in ("visit", "meeting", "agreement"):
                attrs["status"] = "planned"
        persons = []
        for p in t.persons:
            persons.append(rng.choice([p.english, p.french, p.english, p.surname]))
        if t.type in ("trade", "relations", "support"):
            persons = []
        where = t.where if rng.random() < 0.7 else None
        sentence = (f"Selon nos informations, {t.type} entre {t.actor} et {t.target} "
                    f"({', '.join(persons) or 'sans nom'}) le {t.day.isoformat()}"
                    f"{' à ' + where if where else ''}.")
        record = Record(doc="", type=t.type, actor=t.actor, target=t.target, persons=persons, when=when,
                        where=where, topics=["trade"] if t.type in ("meeting", "agreement") else None, attrs=attrs)
        return record, sentence

    def documents(self, n_records: int, first: int = 0) -> Iterator[tuple[Document, list[Mention], list[Record]]]:
        """Documents until n_records records are generated."""
        made, n = 0, first
        while made < n_records:
            pair = self.pairs[self.rng.randrange(len(self.pairs))]
            count = min(self.rng.randint(3, 7), n_records - made)
            text_parts: list[str] = []
            records = []
            offset = 0
            doc_id = f"syn-{n:07d}"
            for _ in range(count):
                record, sentence = self._report(self._truth(pair))
                record.doc = doc_id
                record.evidence = [(offset, offset + len(sentence))]
                text_parts.append(sentence)
                offset += len(sentence) + 1
                records.append(record)
            text = "\n".join(text_parts)
            published = self.rng.choice([r.when.end for r in records if r.when] or [date(2020, 1, 1)])
            doc = Document(id=doc_id, text=text, title=f"Dépêche {n}", source="synthetic",
                           published_raw=published.isoformat(),
                           published=PublicationDate(Interval(published, published), "metadata"))
            mentions = [Mention("country", 0, 0, "", records[0].actor)]
            yield doc, mentions, records
            made += count
            n += 1


def corpus(n_records: int, n_pairs: int = 200, seed: int = 7) -> Iterator[tuple[Document, list[Mention], list[Record]]]:
    """A deterministic stream of (Document, mentions, records) with about n_records records."""
    return Corpus(n_pairs, seed).documents(n_records)
