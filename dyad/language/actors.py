"""Countries, organisations and places from the gazetteer, and the phrases that refer back
to them ("les deux pays", "le second"), as mentions with normalised values. The phrases are
the lexicon's (``Lexicon.references``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from ..lang import Lexicon
from ..lang.text import fold
from ..model import Mention
from .gazetteer import GazMatch, Gazetteer, gazetteer_for

# A capital is its government when it acts: "Hanoï et Astana ont signé".


@dataclass(frozen=True)
class _References:
    """What the actors need of a lexicon: its reference phrases compiled (matched on folded
    text), and its gazetteer."""

    pair: re.Pattern[str]  # "les deux pays"
    ordinal: re.Pattern[str]  # "le second"
    order: dict[str, int]  # which of the two an ordinal names (-1: the last)
    place_verbs: frozenset[str]  # verbs whose subject is a place, not a government ("Hanoï accueille ...")
    group_words: re.Pattern[str]  # words that make "les deux ..." a pair of countries, not of organisations
    coordination: re.Pattern[str]  # what stands between two coordinated names ("X et le Y", "X, Y")
    gazetteer: Gazetteer


def _alternation(phrases: list[str]) -> str:
    """The folded phrases as one regex alternation, the longest first."""
    return "|".join(sorted((re.escape(fold(p)) for p in phrases), key=len, reverse=True))


@lru_cache(maxsize=None)
def _references(lex: Lexicon) -> _References:
    refs = lex.references
    coordinators = "|".join(map(re.escape, refs["coordinators"]))
    # an article after the coordinator: "le", "les" take a space, an elided "l'" none
    articles = "|".join(re.escape(a) + ("" if a.endswith("'") else r"\s+") for a in refs["coordination_articles"])
    return _References(
        pair=re.compile(rf"\b(?:{_alternation(refs['pair_references'])})\b"),
        ordinal=re.compile(rf"\b(?:{_alternation(list(refs['ordinal_references']))})\b"),
        order=refs["ordinal_references"],
        place_verbs=frozenset(refs["place_verbs"]),
        group_words=re.compile("|".join(map(re.escape, refs["country_group_words"]))),
        coordination=re.compile(rf"^\s*(?:{coordinators})\s+(?:{articles})?$"),
        gazetteer=gazetteer_for(lex),
    )


def _capital_acts(doc: Doc, m: GazMatch, refs: _References) -> bool:
    """A capital that is the subject of an act (not of "être le théâtre", "accueillir")."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    if root.dep_ not in ("nsubj", "nsubj:pass"):
        # "Hanoï et Astana ont signé": the parser may hang the pair on the verb's conjunct
        verb = next((c.head for c in root.children if c.dep_ == "conj" and c.pos_ == "VERB"), None)
        if root.dep_ != "ROOT" or verb is None:
            return False
        head = verb
    else:
        head = root.head
    if any(c.dep_ == "cop" for c in head.children):
        return False  # "Hanoï a été le théâtre de ...": a place
    return head.lemma_ not in refs.place_verbs


def gazetteer_mentions(doc: Doc, matches: list[GazMatch], lex: Lexicon) -> list[Mention]:
    """Country, organisation and place mentions from the gazetteer's matches."""
    refs = _references(lex)
    out = []
    people = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("PER", "PERSON")]
    for m in matches:
        if m.kind == "city" and any(s <= m.start and m.end <= e and (s, e) != (m.start, m.end) for s, e in people):
            continue  # "Noursoultan Nazarbaïev": a first name, not the city
        if m.kind in ("country", "demonym"):
            out.append(Mention("country", m.start, m.end, m.text, m.value))
        elif m.kind == "igo":
            out.append(Mention("igo", m.start, m.end, m.text, m.value))
        elif m.kind == "city":
            if m.capital and _capital_acts(doc, m, refs):
                out.append(Mention("country", m.start, m.end, m.text, m.country))
            else:
                out.append(Mention("place", m.start, m.end, m.text, {"name": m.value, "country": m.country}))
    _coordinated_capitals(doc, out, refs)
    return out


def _coordinated_capitals(doc: Doc, mentions: list[Mention], refs: _References) -> None:
    """"Hanoï et Astana ont signé": when one of two coordinated capitals acts, both do."""
    text = doc.text
    for a, b in zip(mentions, mentions[1:]):
        if not refs.coordination.match(fold(text[a.end:b.start])):
            continue
        kinds = (a.kind, b.kind)
        if "country" in kinds and "place" in kinds:
            place = a if a.kind == "place" else b
            if place.value.get("country") and _is_capital(place, refs.gazetteer):
                mentions[mentions.index(place)] = Mention("country", place.start, place.end, place.text,
                                                          place.value["country"])


def _is_capital(m: Mention, gazetteer: Gazetteer) -> bool:
    hit = gazetteer.city(m.value["name"])
    return bool(hit and hit.capital)


def reference_mentions(doc: Doc, actors: list[Mention], lex: Lexicon) -> list[Mention]:
    """"les deux pays" -> the two countries last named; "le second" -> the second of "X et Y"."""
    refs = _references(lex)
    text = doc.text
    folded = fold(text)
    named = sorted((m for m in actors if isinstance(m.value, str)), key=lambda m: m.start)
    out = []
    counts: dict[str, int] = {}
    for m in named:
        counts[m.value] = counts.get(m.value, 0) + 1
    for hit in refs.pair.finditer(folded):
        seen: list[str] = []
        # "les deux pays" are countries; "les deux parties" may be an organisation
        pool = [m for m in named if m.kind == "country" or not refs.group_words.search(hit.group(0))]
        for m in reversed([m for m in pool if m.end <= hit.start()]):
            if m.value not in seen:
                seen.append(m.value)
            if len(seen) == 4:
                break
        # of the parties named last, the two the article is most about ("l'Arménie" in passing is not one)
        seen = sorted(seen, key=lambda c: (-counts[c], seen.index(c)))[:2]
        if len(seen) < 2:
            for m in (m for m in pool if m.start >= hit.end()):
                if m.value not in seen:
                    seen.append(m.value)
                if len(seen) == 2:
                    break
        if len(seen) == 2:
            out.append(Mention("country", hit.start(), hit.end(), text[hit.start():hit.end()],
                               sorted(seen)))
    for hit in refs.ordinal.finditer(folded):
        span = doc.char_span(hit.start(), hit.end(), alignment_mode="expand")
        if span is None or (span.end < len(doc) and doc[span.end].pos_ in ("NOUN", "ADJ", "PROPN")):
            continue  # "le premier ministre", "la première visite": not a reference
        pair = _last_coordination(named, hit.start(), text, refs.coordination)
        if pair is None:
            continue
        idx = refs.order[hit.group(0)]
        value = pair[idx] if idx >= 0 else pair[-1]
        out.append(Mention("country", hit.start(), hit.end(), text[hit.start():hit.end()], value))
    return out


def _last_coordination(named: list[Mention], before: int, text: str,
                       coordination: re.Pattern[str]) -> tuple[str, str] | None:
    """The last "X et Y" of two different countries within 400 characters before an offset."""
    prior = [m for m in named if m.end <= before and before - m.end < 400]
    for a, b in zip(reversed(prior[:-1]), reversed(prior[1:])):
        if a.value != b.value and coordination.match(fold(text[a.end:b.start])):
            return a.value, b.value
    return None
