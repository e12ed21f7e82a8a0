"""Meetings: talks, telephone or video calls, and sessions of intergovernmental committees."""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Token

from ..lang import Lexicon
from ..lang.text import fold
from ..language.gazetteer import gazetteer_for
from ..model import Record
from .common import (anaphoric, date_for, fill_pair, person_names, sentence_evidence, short_interval, status_of,
                     subject_party, topics_in, where_for)
from .view import DocView

SPACES = r"\s*"  # any run of white space


@lru_cache(maxsize=None)
def _ordinals(lex: Lexicon) -> tuple[re.Pattern[str], dict[str, int]]:
    words = lex.words
    suffixes = "|".join(map(re.escape, sorted(words["ordinal_suffixes"], key=len, reverse=True)))
    names = {w: n for n, w in enumerate(words["ordinal_words"], start=1)}
    alt = "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
    return re.compile(rf"\b(\d{{1,3}}){SPACES}(?:{suffixes})\b|\b({alt})\b"), names


def _ordinal(text: str, lex: Lexicon) -> int | None:
    """"La 5e réunion", "la septième session": the session's number."""
    pattern, names = _ordinals(lex)
    m = pattern.search(text)
    if not m:
        return None
    return int(m.group(1)) if m.group(1) else names.get(m.group(2))


def _format(view: DocView, tok: Token) -> str | None:
    words = view.lex.triggers["meeting"]
    sent = tok.sent
    lo, hi = max(sent.start, tok.i - 6), min(sent.end, tok.i + 8)
    window = view.doc[lo:hi]
    if view.fold_has(window.start_char, window.end_char, words["call_phrases"]):
        return "call"
    lemma = tok.lemma_.lower()
    if lemma in words["committee_nouns"]:
        if view.fold_has(sent.start_char, sent.end_char, words["committee_phrases"]):
            return "committee"
        # "La 5e réunion a eu lieu à Astana", the committee named just before
        prev = [s for s in view.doc.sents if s.end_char <= sent.start_char][-2:]
        if prev and _ordinal(view.folded[sent.start_char:tok.idx + len(tok.text)], view.lex) and \
                view.fold_has(prev[0].start_char, sent.start_char, words["committee_phrases"]):
            return "committee"
        return None
    return "talks"


def _is_trigger(view: DocView, tok: Token) -> bool:
    words = view.lex.triggers["meeting"]
    lemma = tok.lemma_.lower()
    if tok.pos_ == "NOUN" and lemma in words["summit_words"]:
        # a summit of two ("un sommet virtuel entre M. Modi et ...") is talks; of many, not bilateral
        window = view.folded[tok.idx:min(tok.sent.end_char, tok.idx + 30)]
        igo = any(view.actor_of(t) is not None and view.actor_of(t).kind == "igo" for t in tok.subtree)
        habitual = any(fold(c.text) in words["habitual_words"] for c in tok.children)
        return not igo and not habitual and any(c in window for c in words["bilateral_summit_cues"])
    if tok.pos_ == "NOUN" and (lemma in words["nouns"] or lemma in words["committee_nouns"]):
        return True
    if tok.pos_ == "VERB" and lemma in words["verbs"]:
        if lemma in words["call_only_verbs"]:
            return _format(view, tok) == "call"  # "ils se sont parlé au téléphone"
        if lemma in words["reflexive_only"]:
            return any(fold(c.text) in view.words("reflexive_pronouns") for c in tok.children)
        return True
    return False


def extract_meetings(view: DocView) -> list[Record]:
    """Every meeting stated in the document, one record per statement (merged later)."""
    out = []
    for tok in view.doc:
        if not _is_trigger(view, tok):
            continue
        fmt = _format(view, tok)
        if fmt is None:
            continue
        sent = tok.sent
        found = []
        if tok.pos_ == "VERB":
            if fmt != "call" and _thing_met(view, tok):
                continue  # "a reçu des véhicules blindés", "les navires qu'ils rencontraient"
            others = []
            for c in tok.children:
                if c.dep_ in ("obj", "obl", "obl:arg", "obl:mod", "obl:agent"):
                    a = view.party_below(c, depth=2)
                    if a is not None and a.kind != "place" and (a.code or (a.person or {}).get("role")):
                        others.append(a.code or view.other_party(None))  # no untitled private person
            subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
            pair = view.pair_below(subj) if subj is not None else None
            if pair is None and subj is not None:
                # "Kishida et Modi se sont parlé": a subject that names both sides
                both = list(dict.fromkeys(a.code for a in view.actors_from(subj) if a.kind != "place"))
                pair = both[:2] if len(both) >= 2 else None
            if not others and not pair:
                continue  # "rencontrer des difficultés", "recevoir un prix": no counterpart
            s = subject_party(view, tok)
            found += (pair or []) + [s.code if s else None] + others
        else:
            pair = view.pair_below(tok.head) or view.pair_below(tok)
            if pair:
                found += pair
            between = [c for c in tok.children if any(fold(x.text) in view.words("comitative") for x in c.children
                                                      if x.dep_ == "case")]
            for c in between:  # "des pourparlers entre les délégations russe et ukrainienne"
                found += [a.code for a in view.actors_in(c.left_edge.idx, c.right_edge.idx + len(c.right_edge))
                          if a.kind != "place"]
            for c in tok.children:
                a = view.party_below(c, depth=2)
                if a is not None and a.kind != "place":
                    found.append(a.code)
            told = _definite_or_owned(view, tok)
            if not any(found) and not told and not view.pair_in(sent.start_char, sent.end_char) \
                    and not view.persons_in(sent.start_char, sent.end_char, known=False):
                continue  # "les discussions porteront sur ...": no one is said to meet
        people = view.persons_in(sent.start_char, sent.end_char)
        found += [p.code for p in people]
        if not any(found) and not view.actors_in(sent.start_char, sent.end_char) \
                and not view.pair_in(sent.start_char, sent.end_char):
            continue  # nothing in the sentence says who met
        if fmt == "committee":
            names = re.findall(r"[A-ZÀ-Ý][\w'’-]+-[A-ZÀ-Ý][\w'’-]+", sent.text)
            for n in names:
                for part in n.split("-"):
                    code = _gaz_code(view, part)
                    if code:
                        found.append(code)
        parties = fill_pair(view, sent, found, near=tok.idx)
        if not parties:
            continue
        told = tok.pos_ == "NOUN" and anaphoric(tok, view.lex)
        d = None if told else date_for(view, tok, sent, ("absolute", "partial", "relative", "span"))
        when = d.interval if short_interval(d) else None
        attrs: dict = {"format": fmt}
        if fmt == "committee":
            n = _ordinal(view.folded[sent.start_char:sent.end_char], view.lex)
            if n:
                attrs["ordinal"] = n
        status = status_of(view, tok, sent)
        if status:
            attrs["status"] = status
        topics = topics_in(view, sent.start_char, sent.end_char)
        where = where_for(view, sent, parties)
        out.append(Record(view.document.id, "meeting", parties[0], parties[1],
                          person_names([p for p in people if p.code in parties]), when, where, topics,
                          attrs, [sentence_evidence(sent)], notes={"anaphoric": told}))
    return out


def _thing_met(view: DocView, tok: Token) -> bool:
    """"recevoir" and "rencontrer" meet someone only when their object is a party or a
    person; an object that names neither is a thing ("recevoir un prix") or a crowd. A
    relative pronoun stands for the noun the clause hangs on."""
    if tok.lemma_.lower() not in view.lex.triggers["meeting"]["needs_party_object"]:
        return False
    obj = next((c for c in tok.children if c.dep_ == "obj"), None)
    if obj is None or any(d.start <= obj.idx < d.end for d in view.dates_in(obj.sent.start_char, obj.sent.end_char)):
        return False  # "a reçu lundi ...": the parser took the day for the object
    if obj.pos_ == "PRON":
        if tok.dep_ != "acl:relcl" or fold(obj.text) not in view.words("object_relatives"):
            return False  # "il l'a reçu": someone already named
        obj = tok.head
    if obj.lemma_.lower() in view.lex.triggers["support"]["nouns"]:
        return True  # "a reçu le soutien militaire de la Russie": backing received, nobody met
    if any(c.dep_ == "case" and fold(c.text) in view.words("partitive") for c in obj.children):
        # "a reçu de la Russie des avions": the parser takes the giver for the object; what
        # is received hangs under it
        things = [c for c in obj.children if c.dep_ == "nmod" and c.pos_ == "NOUN"
                  and view.party_below(c, depth=1) is None]
        return bool(things)
    if view.party_below(obj, depth=2) is not None:
        return False
    return not any(view.persons_in(t.idx, t.idx + len(t.text), known=False) for t in obj.subtree)


def _definite_or_owned(view: DocView, tok: Token) -> bool:
    """"l'entretien", "leurs entretiens": talks told as known, or as someone's."""
    possessives = view.words("possessives")
    dets = view.words("singular_definite_articles") | possessives
    definite = any(c.dep_ in ("det", "det:poss") and fold(c.text) in dets for c in tok.children) \
        and "Sing" in tok.morph.get("Number")
    return definite or any(fold(c.text) in possessives for c in tok.children)


def _gaz_code(view: DocView, word: str) -> str | None:
    return gazetteer_for(view.lex).country_code(word)
