"""Support given: one party backing another's candidacy, admission, position or status,
or both backing each other."""
from __future__ import annotations

from spacy.tokens import Token

from ..lang.text import fold
from ..model import Record
from .common import date_for, fill_pair, sentence_evidence, status_of, subject_party
from .view import Actor, DocView


def _object_text(view: DocView, tok: Token) -> str | None:
    """What is supported, as written: the complement after the verb or noun."""
    cues = view.lex.triggers["support"]["object_cues"]
    leading = set(view.lex.triggers["support"]["object_prepositions"]) | view.words("possessives") | \
        view.words("definite_articles")
    for c in sorted(tok.children, key=lambda c: c.i):
        if c.i < tok.i or c.dep_ in ("punct", "cc", "conj", "advmod", "nsubj", "aux", "aux:tense"):
            continue
        sub = list(c.subtree)
        text = view.text(sub[0].idx, sub[-1].idx + len(sub[-1]))
        if any(w in fold(text) for w in cues) or c.dep_ in ("obj", "obl", "obl:arg", "obl:mod", "nmod"):
            parts = text.split()
            while parts and fold(parts[0]) in leading:  # "pour son adhésion" -> "adhésion"
                parts.pop(0)
            return " ".join(parts) or None
    return None


def _unreflexive(view: DocView, lemma: str) -> str:
    """A folded lemma without its elided reflexive pronoun ("s'engager" -> "engager")."""
    folded = fold(lemma)
    elided = next((p for p in view.words("reflexive_pronouns") if p.endswith("'") and folded.startswith(p)), "")
    return folded[len(elided):]


def _dative_party(view: DocView, tok: Token) -> Actor | None:
    """A country or organisation introduced by "à" in the noun's phrase, or beside it under its verb."""
    dative = view.words("dative")
    tokens = list(tok.subtree)
    if tok.dep_ == "obj" and tok.head.pos_ == "VERB":
        tokens += [t for c in tok.head.children if c.dep_ in ("obl", "obl:arg", "iobj") for t in c.subtree]
    for t in tokens:
        a = view.actor_of(t)
        if a is not None and a.code and a.kind in ("country", "igo") and \
                any(c.dep_ == "case" and fold(c.text) in dative for c in t.children):
            return a
    return None


def _adjective_party(view: DocView, tok: Token) -> Actor | None:
    """The party an adjective of the noun names ("l'aide japonaise")."""
    for c in tok.children:
        if c.dep_ == "amod":
            a = view.actor_of(c)
            if a is not None and a.code:
                return a
    return None


def _backing(view: DocView, tok: Token) -> bool:
    """Is the noun backing told as the means of an act ("grâce à l'aide de", "avec l'appui de"),
    or received ("a reçu le soutien militaire de")?"""
    words = view.lex.triggers["support"]
    cases = {fold(w) for w in words.get("backing_cases", [])}
    if any(c.dep_ == "case" and fold(c.text) in cases for c in tok.children):
        return True
    receive = {fold(w) for w in words.get("receive_verbs", [])}
    return tok.dep_ == "obj" and tok.head.pos_ == "VERB" and fold(tok.head.lemma_) in receive


def _noun_parties(view: DocView, tok: Token, needs_target: bool) -> tuple[Actor | None, Actor | None]:
    """(supporter, supported) of a noun of support. The supporter is its "de" complement ("le
    soutien du Japon", not "à l'adhésion de ..."), else the subject of its verb; the supported
    its "à" complement. A noun that needs a target ("une aide de 5 millions d'euros au Yémen",
    "une aide européenne à la Tunisie") takes the party named with "à" itself, in its phrase or
    its verb's, the giver named in it ("l'aide japonaise"), else the subject of a verb of giving.
    Backing told as the means of an act supports the one who acts."""
    words = view.lex.triggers["support"]
    owner = next((c for c in tok.children if c.dep_ == "det:poss" or c.dep_ == "nmod" and
                  any(fold(x.text) in view.words("partitive") for x in c.children if x.dep_ == "case")), None)
    supporter = view.party_below(owner, depth=2) if owner is not None else None
    verb = tok.head if tok.head.pos_ == "VERB" else None
    if needs_target:
        supported = _dative_party(view, tok)
        if supporter is not None and supported is not None and supporter.code == supported.code:
            supporter = None  # "une aide de 5 millions d'euros au Yémen": the figure's "de"
        supporter = supporter or _adjective_party(view, tok)
        if verb is not None and fold(verb.lemma_) not in {fold(w) for w in words.get("give_verbs", [])}:
            verb = None  # pleading for aid is no giving
    else:
        target = next((c for c in tok.children if c.dep_ == "nmod" and
                       any(fold(x.text) in view.words("dative") for x in c.children if x.dep_ == "case")), None)
        supported = view.party_below(target, depth=2) if target is not None else None
    if supporter is None and verb is not None:
        supporter = subject_party(view, verb)
    if supported is None and _backing(view, tok):
        # "l'armée syrienne avance grâce à l'aide de l'aviation russe": the one who acts,
        # when the text says whose side it is (not "Duque est élu avec le soutien de ...")
        acting = subject_party(view, tok.head)
        supported = acting if acting is not None and acting.code else None
    return supporter, supported


def extract_support(view: DocView) -> list[Record]:
    """Every statement of support with a supported party or a mutual pledge."""
    words = view.lex.triggers["support"]
    out = []
    for tok in view.doc:
        lemma = tok.lemma_.lower()
        if not ((tok.pos_ == "VERB" and lemma in words["verbs"]) or (tok.pos_ == "NOUN" and lemma in words["nouns"])):
            continue
        sent = tok.sent
        window = view.doc[max(sent.start, tok.i - 3):min(sent.end, tok.i + 4)]
        holders = [tok] + ([tok.head] if tok.dep_ == "conj" else [])
        reflexive = any(fold(c.text) in view.words("reflexive_pronouns") for h in holders for c in h.children)
        mutual = bool(view.fold_has(window.start_char, window.end_char, words["mutual_words"])) or \
            (reflexive and tok.pos_ == "VERB")
        if reflexive and lemma in words["reflexive_other_sense"] and \
                not view.fold_has(window.start_char, window.end_char, words["mutual_words"]):
            continue  # "en s'appuyant sur un livre": relying on, not backing
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
        if subj is not None and view.percents_in(subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge)):
            continue  # "23 % des Français soutiennent ...": a poll, not a party's support
        obj = _object_text(view, tok)
        if lemma in words["recognition_words"]:
            if not (obj and any(w in fold(obj) for w in words["recognition_objects"])):
                continue
        if tok.pos_ == "VERB":
            supporter = subject_party(view, tok)
            supported = None
            for c in tok.children:
                if c.dep_ in ("obj", "obl", "obl:arg", "iobj"):
                    a = view.party_below(c, depth=1)
                    if a is not None and a.kind != "place":
                        supported = a
                        break
        else:
            supporter, supported = _noun_parties(view, tok, lemma in words.get("needs_target", []))
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
        if tok.dep_ in ("xcomp", "conj") and subj is None:
            subj = next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
        pair = view.pair_below(subj) if subj is not None else None
        if mutual:
            # the parties of a mutual pledge are named before it ("Le Vietnam et le Kazakhstan se sont soutenus")
            before = [a.code for a in view.actors_in(sent.start_char, tok.idx) if a.kind in ("country", "person", "place")]
            if not pair and len(set(before)) >= 2:
                pair = list(dict.fromkeys(before))[:2]
            parties = fill_pair(view, sent, pair or [supporter.code if supporter else None], near=tok.idx)
            if not parties:
                continue
            actor, target = parties
        else:
            if supported is not None and not supported.code and supporter is not None:
                supported = view.resolve(supported, supporter.code)
            supporter = view.resolve(supporter, supported.code if supported else None)
            if supporter is None or supported is None or not supported.code or supporter.code == supported.code:
                continue
            actor, target = supporter.code, supported.code
        d = date_for(view, tok, sent, ("absolute", "partial", "relative"))
        attrs: dict = {"object": obj or "", "mutual": mutual}
        status = status_of(view, tok, sent)
        head = tok.head
        plans = {fold(w) for w in words["plan_verbs"]}
        if status is None and head.i != tok.i and _unreflexive(view, head.lemma_) in plans:
            status = "planned"
        if status is None:
            gov = tok.head.head if tok.head.dep_ == "xcomp" else None
            if gov is not None and fold(gov.lemma_) in plans:
                status = "planned"
        if status:
            attrs["status"] = status
        # "a réaffirmé à cette occasion son soutien": said during the event the article reports
        occasion = d is None and bool(view.fold_has(sent.start_char, sent.end_char, view.lex.words["occasion"]))
        out.append(Record(view.document.id, "support", actor, target, [], d.interval if d else None, None,
                          None, attrs, [sentence_evidence(sent)], notes={"occasion": occasion}))
    return out
