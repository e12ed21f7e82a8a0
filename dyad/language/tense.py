"""The tense of the verb that governs a word: past, present or future.

Used to place dates without a year (a future "effectuera ... le 31 octobre" comes after
the publication date) and to tell planned facts from done ones. The verbs that govern a
future or state a plan are the lexicon's (``Lexicon.tense``); the rest is the morphology
spaCy gives.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from ..lang import Lexicon


@lru_cache(maxsize=None)
def _words(lex: Lexicon) -> dict[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in lex.tense.items() if not k.startswith("_")}


def governing_verb(token: Token, max_steps: int = 8) -> Token | None:
    """The nearest verb above the token in the parse (the token itself if it is one)."""
    t, steps = token, 0
    while steps < max_steps:
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "aux:tense", "aux:pass", "cop"):
            return t
        if any(c.dep_ == "cop" for c in t.children):
            return t  # a nominal predicate: its copula carries the tense
        if t.head.i == t.i:
            break
        t, steps = t.head, steps + 1
    return t if t.pos_ in ("VERB", "AUX") else None


def verb_tense(verb: Token, lex: Lexicon) -> str | None:
    """"past", "present" or "future" for a verb, from its morphology and auxiliaries."""
    words = _words(lex)
    auxes = [c for c in verb.children if c.dep_ in ("aux", "aux:tense", "aux:pass")]
    cop = next((c for c in verb.children if c.dep_ == "cop"), None)
    carrier = cop if cop is not None and verb.pos_ not in ("VERB", "AUX") else verb
    tense = carrier.morph.get("Tense")
    mood = carrier.morph.get("Mood")
    form = carrier.morph.get("VerbForm")
    if "Inf" in form or (auxes and "Inf" in auxes[0].morph.get("VerbForm")):
        # an infinitive, or a compound one ("doit être reçu"): the verb above decides
        head = verb.head
        if head.i != verb.i and head.lemma_ in words["future_governors"]:
            head_tense = verb_tense(head, lex)
            if head.lemma_ in words["future_only_in_conditional"]:
                return "future" if "Cnd" in head.morph.get("Mood") or head_tense == "future" else head_tense
            return "future" if head_tense in ("present", "future") else "past"
        if head.i != verb.i and head.pos_ in ("VERB", "AUX"):
            return verb_tense(head, lex)
        return None
    if auxes:
        aux = auxes[0]
        aux_tense = aux.morph.get("Tense")
        if "Fut" in aux_tense:
            return "future"
        if verb.text.lower() in words["planned_markers"] and aux.lemma_ in words["planned_auxiliaries"] \
                and "Pres" in aux_tense:
            return "future"  # "il est attendu jeudi à Kiev", "la visite est prévue le 3 mai"
        if "Part" in form and ("Pres" in aux_tense or "Imp" in aux_tense or "Past" in aux_tense):
            # passé composé / plus-que-parfait; a passive present ("est attendu") is not past
            if aux.dep_ == "aux:pass" and "Pres" in aux_tense:  # "a été signé" is past
                return "future" if verb.text.lower() in words["planned_markers"] else "present"
            return "past"
        if "Cnd" in aux.morph.get("Mood"):
            return "past"
    if "Fut" in tense:
        return "future"
    if "Cnd" in mood:
        return "future" if verb.lemma_ in words["future_governors"] else None
    if "Past" in tense or "Imp" in tense:
        return "past"
    if "Pres" in tense:
        return "present"
    if "Part" in form:
        # a participle with no auxiliary: "la visite prévue le 15" looks ahead, "l'accord signé en 2015" back
        return "future" if verb.text.lower() in words["planned_markers"] else "past"
    return None


def tense_at(doc: Doc, char: int, lex: Lexicon) -> str | None:
    """Tense of the verb governing the token at a character offset."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or not len(span):
        return None
    verb = governing_verb(span[0])
    return verb_tense(verb, lex) if verb is not None else None
