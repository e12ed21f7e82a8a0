"""Visits: who travelled, from which country, to which country or city, which days, at
which level, at whose invitation, done or planned."""
from __future__ import annotations

from datetime import timedelta

from spacy.tokens import Span, Token

from ..lang.text import fold
from ..model import Interval, Record
from .common import (anaphoric, children_with_case, date_for, negated, person_names, sentence_evidence,
                     short_interval, status_of, subject_party, tense_of)
from .view import Actor, DocView


def _destinations(view: DocView) -> tuple[str, ...]:
    """Prepositions that introduce where someone goes ("à", "au", "en" ...)."""
    return tuple(view.lex.words["destination"])


def _level(view: DocView, tok: Token) -> str:
    window = tok.doc[tok.i:min(len(tok.doc), tok.i + 6)]
    hit = next((lvl for phrase, lvl in view.lex.triggers["visit"]["levels"]
                if view.fold_has(window.start_char, window.end_char, [phrase])), None)
    return hit or "unspecified"


def _destination(view: DocView, tok: Token, visitor: str | None) -> Actor | None:
    """The country, city or organisation visited: a phrase introduced by à/au/en under the
    trigger or its verb, else the nearest such phrase in the sentence (the parser often
    hangs "à Tunis" on a neighbouring word)."""
    heads = [tok] + ([tok.head] if tok.head.i != tok.i else [])
    for h in heads:
        for c in children_with_case(h, _destinations(view)):
            a = view.party_below(c, depth=2)
            if a is not None and a.code != visitor and a.kind != "person":
                return _seat(view, tok.sent, a)
    sent = tok.sent
    found = []
    for a in view.actors_in(sent.start_char, sent.end_char):
        if a.code == visitor or a.kind == "person":
            continue
        prev = fold(view.raw[max(0, a.start - 5):a.start]).split()
        if prev and prev[-1] in _destinations(view):
            found.append(a)
    if not found:
        return None
    after = [a for a in found if a.start > tok.idx]
    return _seat(view, sent, (after or found)[0])


def _seat(view: DocView, sent, place: Actor) -> Actor:
    """"au siège de l'Union africaine à Addis-Abeba": the organisation is the host."""
    seats = view.lex.triggers["visit"]["seat_words"]
    for a in view.actors_in(sent.start_char, sent.end_char):
        if a.kind == "igo" and any(w in view.folded[max(sent.start_char, a.start - 20):a.start] for w in seats):
            return Actor(a.code, a.start, a.end, "igo", city=place.city)
    return place


def _visitor(view: DocView, tok: Token) -> Actor | None:
    visit, possessives = view.lex.triggers["visit"], view.words("possessives")
    for c in children_with_case(tok, view.words("partitive")):
        before = view.folded[max(0, c.left_edge.idx - 16):c.left_edge.idx]
        if any(w in before for w in view.lex.triggers["invitation"]["nouns"]):
            continue  # "à l'invitation du président X": the host, not the visitor
        # "la visite du président kazakh": one level down, not through a destination
        # ("une visite d'une journée aux Émirats" is no visit of the Emirates)
        away = {x.i for x in c.children if any(fold(k.text) in _destinations(view) for k in x.children if k.dep_ == "case")}
        a = view.party_below(c, depth=1, skip=away)
        if a is not None:
            return a
    carried = tok.dep_ in ("obj", "nsubj:pass") and tok.head.lemma_.lower() in visit["carrier_verbs"]
    if carried or any(d.dep_ == "det:poss" or fold(d.text) in possessives for d in tok.children):
        # "X a effectué une visite", "sa visite": the subject travelled ("a dénoncé une visite": no)
        verb = tok.head if tok.dep_ != "ROOT" else tok
        a = subject_party(view, verb)
        if a is not None:
            return a
    if tok.dep_ in ("nmod", "obl", "obl:mod") and \
            any(fold(c.text) in visit["ongoing_prepositions"] for c in tok.children if c.dep_ == "case"):
        return view.party_below(tok.head, depth=1)  # "le président X, en visite au Vietnam"
    if tok.head.pos_ == "VERB" and tok.head.i != tok.i:
        return subject_party(view, tok.head)  # "X est arrivé à Tunis pour une visite d'État"
    return None


def _invited_by(view: DocView, sent: Span) -> str | None:
    phrases = view.lex.triggers["invitation"]["invited_by_phrases"]
    text = view.folded[sent.start_char:sent.end_char]
    for p in phrases:
        i = text.find(p)
        if i >= 0:
            after = sent.start_char + i + len(p)
            people = [a for a in view.persons_in(after, min(sent.end_char, after + 120))]
            if people and people[0].person.get("name"):
                return people[0].person["name"]
    return None


def _with_duration(view: DocView, tok: Token, when: Interval) -> Interval:
    """"une visite de trois jours" dated by one day: the days it covers, counted forward
    from an arrival, back from its last day, or around "au deuxième jour"."""
    words = view.lex.triggers["visit"]
    if when.start != when.end:
        return when
    window = view.folded[tok.idx:min(tok.sent.end_char, tok.idx + 40)]
    days = next((n for w, n in words["duration_words"].items() if w in window), None)
    if not days or days == 1:
        return when
    sent = view.folded[tok.sent.start_char:tok.sent.end_char]
    offset = next((n for w, n in words["second_day_words"].items() if w in sent), None)
    starting = any(w in sent.split() for w in words["starting_words"])
    if starting:
        start = when.start  # "entamée lundi": the day it began
    elif offset is not None:
        start = when.start - timedelta(days=offset)
    elif any(fold(w) in sent for w in words["ending_words"]):
        start = when.start - timedelta(days=days - 1)
    else:
        start = when.start
    return Interval(start, start + timedelta(days=days - 1), "range", when.inferred)


def words_in_visit(view: DocView) -> list[str]:
    return view.lex.triggers["visit"]["in_visit"]


def _bare_definite(view: DocView, tok: Token) -> bool:
    """"La visite avait été annoncée ...": a visit already told, with no one and nowhere of its own."""
    dets = {fold(c.text) for c in tok.children if c.dep_ == "det"}
    own = [c for c in tok.children if c.dep_ in ("nmod", "amod", "acl")]
    return bool(dets & view.words("singular_definite_articles")) and not own


def _named_subject(view: DocView, tok: Token, host: str) -> Actor | None:
    """"Kassym-Jomart Tokaïev a effectué une visite au Vietnam", the name unknown to the NER:
    the subject's name, from the other side of the pair."""
    verb = tok if tok.pos_ == "VERB" else tok.head
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    if subj is None or subj.pos_ != "PROPN":
        return None
    code = view.other_party(host)
    if not code or code == host:
        return None
    name = " ".join(t.text for t in subj.subtree if t.pos_ == "PROPN" or t.text in ("-", "‑")).replace(" - ", "-")
    return Actor(code, subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge), "person",
                 person={"name": name, "role": None, "country": code})


def _invited_to(view: DocView, tok: Token) -> bool:
    """A visit someone is invited to make is part of the invitation, not a visit yet."""
    words = view.lex.triggers["invitation"]
    return any(a.lemma_.lower() in words["verbs"] or a.lemma_.lower() in words["nouns"] for a in tok.ancestors)


def _record(view: DocView, tok: Token, visitor: Actor | None, host: Actor | None) -> Record | None:
    sent = tok.sent
    if _invited_to(view, tok):
        return None
    if host is not None and not host.code:
        host = view.resolve(host, visitor.code if visitor else None)
    if visitor is None and host is not None:
        visitor = _named_subject(view, tok, host.code)
    if visitor is None and host is not None:
        # someone in the sentence who is not the host's
        people = [a for a in view.persons_in(sent.start_char, sent.end_char, known=False) if a.code != host.code]
        visitor = people[0] if people else None
    visitor = view.resolve(visitor, host.code if host else None)
    if host is None and visitor is not None:
        others = [a for a in view.actors_in(sent.start_char, sent.end_char)
                  if a.code != visitor.code and a.kind in ("place", "country")]
        host = others[0] if others else None
        if host is None and tok.lemma_.lower() in view.lex.triggers["visit"]["strong_nouns"]:
            # "arrivé pour une visite d'une journée": the other side of the pair, in the dateline's city
            code = view.other_party(visitor.code)
            city = view.dateline_city
            if code and city is not None and city.code == code:
                host = city
            elif code:
                host = Actor(code, tok.idx, tok.idx, "country")
    if visitor is None or host is None or not visitor.code or visitor.code == host.code:
        return None
    told = tok.pos_ == "NOUN" and (anaphoric(tok, view.lex) or _bare_definite(view, tok))
    d = None if told else date_for(view, tok, sent, ("absolute", "partial", "relative", "span"))
    if short_interval(d):
        # "a achevé ce mardi sa visite, effectuée du 20 au 22 août": the stay, not its last day
        d = next((x for x in view.dates_in(sent.start_char, sent.end_char) if x.kind == "span"
                  and short_interval(x) and x.interval.contains(d.interval)), d)
    when = _with_duration(view, tok, d.interval) if short_interval(d) else None
    persons = [a for a in view.persons_in(sent.start_char, sent.end_char) if a.code == visitor.code]
    if visitor.kind == "person" and visitor not in persons:
        persons.insert(0, visitor)
    attrs: dict = {"level": _level(view, tok)}
    inviter = _invited_by(view, sent)
    if inviter:
        attrs["invited_by"] = inviter
        persons = [p for p in persons if p.person.get("name") != inviter]
    status = status_of(view, tok, sent)
    if status:
        attrs["status"] = status
    where = host.city if host.kind in ("place", "igo") else None
    if where is None:
        cities = [a for a in view.actors_in(sent.start_char, sent.end_char) if a.kind == "place" and a.code == host.code]
        where = cities[0].city if cities else None
    return Record(view.document.id, "visit", visitor.code, host.code, person_names(persons), when, where,
                  None, attrs, [sentence_evidence(sent)], notes={"tense": tense_of(tok, view.lex), "anaphoric": told,
                                                        "ongoing": bool(view.fold_has(sent.start_char, sent.end_char, words_in_visit(view)))})


def extract_visits(view: DocView) -> list[Record]:
    """Every visit stated in the document, one record per statement (merged later)."""
    words = view.lex.triggers["visit"]
    reflexives = view.words("reflexive_pronouns") | view.words("first_person_reflexives")  # "je me rends à"
    out = []
    for tok in view.doc:
        lemma = tok.lemma_.lower()
        rec = None
        if tok.pos_ == "NOUN" and lemma in words["nouns"]:
            visitor = _visitor(view, tok)
            host = _destination(view, tok, visitor.code if visitor else None)
            if lemma not in words["strong_nouns"] and host is None:
                continue
            rec = _record(view, tok, visitor, host)
        elif tok.pos_ in ("VERB", "AUX") and lemma in words["travel_verbs"]:
            if lemma in words["reflexive_only"] and not any(fold(c.text) in reflexives for c in tok.children):
                continue
            if negated(view, tok) or (tok.dep_ == "xcomp" and negated(view, tok.head)):
                continue  # "ne se rendra pas à", "ne comptait pas se rendre à": no visit
            visitor = subject_party(view, tok)
            host = None
            if lemma in words["object_host_verbs"]:  # "visiter la Chine": the host is the object
                obj = next((c for c in tok.children if c.dep_ == "obj"), None)
                host = view.party_below(obj, depth=2) if obj is not None else None
            host = host or _destination(view, tok, visitor.code if visitor else None)
            if host is None or (lemma in words["needs_destination_city"] and host.kind != "place"):
                continue
            rec = _record(view, tok, visitor, host)
        elif tok.pos_ == "VERB" and lemma in words["passive_host_verbs"] and any(c.dep_ == "aux:pass" for c in tok.children):
            visitor = subject_party(view, tok)
            agent = next((c for c in tok.children if c.dep_ in ("obl:agent", "obl")
                          and any(fold(x.text) in view.words("agentive") for x in c.children)), None)
            host = view.party_below(agent, depth=2) if agent is not None else None
            if host is None or not host.code:
                host = _destination(view, tok, visitor.code if visitor else None) or host
            if host is None:
                continue
            rec = _record(view, tok, visitor, host)
        elif tok.pos_ == "VERB" and lemma in words["host_subject_verbs"]:
            host = subject_party(view, tok)
            obj = next((c for c in tok.children if c.dep_ == "obj"), None)
            visitor = view.party_below(obj, depth=2) if obj is not None else None
            if host is None or visitor is None:
                continue
            rec = _record(view, tok, visitor, host)
        if rec is not None:
            out.append(rec)
    return out
