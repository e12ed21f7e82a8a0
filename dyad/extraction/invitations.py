"""Invitations made as acts of their own: "X a invité Y à effectuer une visite d'État"."""
from __future__ import annotations

from spacy.tokens import Token

from ..lang.text import fold
from ..language.tense import tense_at
from ..model import Record
from .common import date_for, person_names, sentence_evidence, status_of, subject_party, tense_of
from .view import Actor, DocView


def _purpose(view: DocView, tok: Token) -> str:
    sent = tok.sent
    for phrase, purpose in view.lex.triggers["invitation"]["for"]:
        if view.fold_has(tok.idx, sent.end_char, [phrase]):
            return purpose
    return "visit"


def _invitee(view: DocView, tok: Token) -> Actor | None:
    dative = view.words("dative")
    for c in tok.children:
        if c.dep_ in ("obj", "iobj") or (c.dep_ in ("obl", "obl:arg", "nmod") and
                                          any(fold(x.text) in dative for x in c.children if x.dep_ == "case")):
            a = view.party_below(c, depth=2)
            if a is not None and a.kind != "place":
                return a
    return None


def extract_invitations(view: DocView) -> list[Record]:
    """Invitations; "à l'invitation de" belongs to the visit it introduces instead."""
    words = view.lex.triggers["invitation"]
    out = []
    for tok in view.doc:
        lemma = tok.lemma_.lower()
        inviter = invitee = None
        if tok.pos_ == "VERB" and lemma in words["verbs"]:
            if any(c.dep_ == "aux:pass" for c in tok.children):
                continue  # "invité par": the visit's invited_by
            inviter = subject_party(view, tok)
            invitee = _invitee(view, tok)
        elif tok.pos_ == "NOUN" and lemma in words["nouns"]:
            head = tok.head
            prev = fold(view.raw[max(0, tok.idx - 12):tok.idx])
            if prev.rstrip().endswith(tuple(words["visit_leads"])) or tok.dep_ in ("obl", "obl:mod", "nmod") and \
                    any(fold(c.text) in words["visit_cases"] for c in tok.children if c.dep_ == "case"):
                continue
            if head.pos_ != "VERB" or head.lemma_.lower() not in words["act_verbs"]:
                continue
            if head.lemma_.lower() in words["accept_verbs"]:
                invitee = subject_party(view, head)
                owner = next((c for c in tok.children if c.dep_ == "nmod"), None)
                inviter = view.party_below(owner, depth=2) if owner is not None else None
            else:
                inviter = subject_party(view, head)
                invitee = _invitee(view, head) or _invitee(view, tok)
        else:
            continue
        if invitee is None and inviter is not None:
            # the parser may take "M. Xi" for a second subject: the first party after the verb
            after = [a for a in view.actors_in(tok.idx + len(tok.text), tok.sent.end_char, known=False)
                     if a.kind in ("person", "country") and a.start != inviter.start]
            invitee = after[0] if after else None
        if invitee is not None and not invitee.code and inviter is not None:
            invitee = view.resolve(invitee, inviter.code)
        inviter = view.resolve(inviter, invitee.code if invitee else None)
        if inviter is None or invitee is None or not invitee.code or inviter.code == invitee.code:
            continue
        sent = tok.sent
        d = date_for(view, tok, sent, ("absolute", "partial", "relative"))
        if d is not None and tense_at(view.doc, d.start, view.lex) == "future" and \
                tense_of(tok, view.lex) != "future":
            d = None  # "au sommet que Séoul accueillera l'an prochain": the event's date, not the invitation's
        attrs: dict = {"for": _purpose(view, tok)}
        status = status_of(view, tok, sent)
        if status:
            attrs["status"] = status
        persons = person_names([a for a in (inviter, invitee) if a.kind == "person"])
        out.append(Record(view.document.id, "invitation", inviter.code, invitee.code, persons,
                          d.interval if d else None, None, None, attrs, [sentence_evidence(sent)]))
    return out
