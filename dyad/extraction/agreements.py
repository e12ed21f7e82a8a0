"""Agreements signed or adopted: kind, title as written, the period covered, the fields,
and how many documents when the text gives a number."""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..lang.text import fold
from ..model import Record
from .common import anaphoric, date_for, fill_pair, person_names, sentence_evidence, status_of, topics_in, where_for
from .view import DocView

CUT_DEPS = {"conj", "acl:relcl", "acl", "appos", "punct", "cc", "parataxis", "advcl"}


def _count(view: DocView, tok: Token) -> int | None:
    words = view.lex.triggers["agreement"]["count_words"]
    for c in tok.children:
        if c.dep_ in ("nummod", "det", "amod") and (c.like_num or fold(c.text) in words):
            if c.text.isdigit():
                return int(c.text)
            if fold(c.text) in words:
                return words[fold(c.text)]
    return None


def _title_span(view: DocView, tok: Token) -> tuple[int, int]:
    """The agreement's name as written: the noun and its modifiers, without the period
    it covers, coordinated items, relative clauses or what follows a comma."""
    words = view.lex.triggers["agreement"]
    periods = [d for d in view.dates_in(tok.sent.start_char, tok.sent.end_char) if d.kind == "span"]
    keep = [tok]
    for c in tok.children:
        if c.i < tok.i or c.dep_ in CUT_DEPS or c.dep_ in ("det", "nummod", "case"):
            continue
        sub = list(c.subtree)
        first = sub[0]
        if any(first.idx <= d.start < sub[-1].idx + len(sub[-1]) for d in periods):
            # "pour la période 2023-2025" is the period, not the name
            if fold(first.text) in words["period_leads"] or any(fold(t.text) in words["period_nouns"] for t in sub[:4]):
                continue
        keep += sub
    # "libre-échange": a hyphen inside a word is no punctuation to cut at
    keep += [t for t in tok.subtree if t.text in ("-", "‑") and not t.whitespace_
             and t.i > 0 and not tok.doc[t.i - 1].whitespace_]
    keep = sorted(set(keep), key=lambda t: t.i)
    end_tok = tok
    for t in keep:
        if t.i != end_tok.i + 1 and t.i > tok.i:
            break
        if t.text in (",", ";", "(") and t.i > tok.i or t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod",):
            break  # "l'accord ... devra être ratifié": the name stops before the verb
        end_tok = t if t.i > end_tok.i else end_tok
    while end_tok.i > tok.i and (end_tok.is_punct or fold(end_tok.text) in words["title_trailing_words"]):
        end_tok = view.doc[end_tok.i - 1]
    return tok.idx, end_tok.idx + len(end_tok)


def _period(view: DocView, tok: Token, title_end: int) -> dict | None:
    sent = tok.sent
    for d in view.dates_in(tok.idx, sent.end_char):
        if d.kind == "span" and d.start - title_end < 40:
            return {"start": d.interval.start.isoformat(), "end": d.interval.end.isoformat()}
    return None


def _field_topics(view: DocView, tok: Token, title_end: int) -> list[str]:
    """"des accords dans les domaines du tourisme et du commerce": the fields listed after the
    noun, read linearly (the parser often hangs them on the verb), up to the next agreement."""
    sent = tok.sent
    after = view.folded[title_end:sent.end_char]
    cue = min((after.find(c) for c in view.lex.words["field_cues"] if 0 <= after.find(c) < 3), default=-1)
    if cue < 0:
        return []
    stop = sent.end_char
    for t in sent:
        if t.idx > title_end and _is_agreement_noun(view, t):
            stop = t.idx
            break
    return topics_in(view, title_end, stop)


def _is_agreement_noun(view: DocView, tok: Token) -> str | None:
    words = view.lex.triggers["agreement"]
    lemma = tok.lemma_.lower()
    if lemma not in words["nouns"]:
        singular = view.lex.stem(tok.text, verb=False)  # "accords" -> "accord"
        lemma = next((k for k in words["nouns"] if fold(k) == singular), lemma)
    kind = words["nouns"].get(lemma)
    if kind is None or tok.pos_ not in ("NOUN", "PROPN"):
        return None
    if lemma in words["idiom_nouns"]:
        around = view.folded[max(0, tok.idx - 14):tok.idx + len(tok.text) + 6]
        if any(i in around for i in words["idioms"]):
            return None  # "se mettre d'accord", "en accord avec": agreeing, not an agreement
    needs = words["needs_complement"].get(lemma)
    if needs is not None:
        after = view.folded[tok.idx + len(tok.text):tok.idx + len(tok.text) + 30].strip()
        if needs and not any(after.startswith(n) for n in needs):
            return None
        if not needs and _count(view, tok) is None:
            return None  # "plusieurs documents": only counted documents make a record
    return kind


def _named_by_another(view: DocView, tok: Token) -> bool:
    """"une déclaration commune, baptisée « Déclaration de Melbourne »": one document, not two."""
    t = tok
    for _ in range(4):
        if t.dep_ == "conj" or t.head.i == t.i:
            return False
        t = t.head
        if _is_agreement_noun(view, t):
            return True
    return False


def _signing_of(tok: Token, signing: list[Token]) -> Token:
    """The signing word that goes with this document: above it in the parse, else the nearest."""
    above = {a.i for a in tok.ancestors}
    below = {c.i for c in tok.subtree}
    for s in signing:
        if s.i in above or s.i in below:
            return s
    return min(signing, key=lambda s: abs(s.i - tok.i))


def _signing_parties(view: DocView, signing: list[Token]) -> list[str]:
    """Who signed with whom: the signing verb's subject and its "avec"/"entre" partner
    ("l'Union, avec laquelle le Vietnam a conclu un accord")."""
    partner_cases = view.words("comitative") | view.words("agentive")
    out = []
    for s in signing:
        if s.pos_ != "VERB":
            continue
        for c in s.children:
            if c.dep_ not in ("nsubj", "nsubj:pass", "obl", "obl:arg", "obl:mod", "obl:agent"):
                continue
            cases = {fold(x.text) for x in c.children if x.dep_ == "case"}
            if c.dep_.startswith("obl") and not cases & partner_cases:
                continue
            if c.pos_ == "PRON" and s.dep_ == "acl:relcl":
                a = view.party_below(s.head, depth=1)  # the relative pronoun's antecedent
                if a is not None and a.code and a.kind != "place":
                    out.append(a.code)
                continue
            # "Le Vietnam et l'Union économique eurasiatique ont signé": every party of the phrase
            out += [a.code for a in view.actors_from(c) if a.kind != "place"]
    return out


def extract_agreements(view: DocView) -> list[Record]:
    """Agreements in sentences that speak of signing or adopting them."""
    words = view.lex.triggers["agreement"]
    out = []
    for sent in view.doc.sents:
        signing = [t for t in sent if t.lemma_.lower() in words["signing_lemmas"]]
        if not signing:
            continue
        for tok in sent:
            kind = _is_agreement_noun(view, tok)
            if kind is None or _named_by_another(view, tok):
                continue
            own = _signing_of(tok, signing)
            rec = _record(view, tok, kind, sent, [own] + [s for s in signing if s is not own])
            if rec is not None:
                out.append(rec)
    return out


def _definite(view: DocView, det: str) -> bool:
    """A definite or demonstrative determiner ("l'accord", "cet accord"): a document already known."""
    return det in view.words("definite_articles") or det in view.words("demonstratives")


def _record(view: DocView, tok: Token, kind: str, sent: Span, signing: list[Token]) -> Record | None:
    words = view.lex.triggers["agreement"]
    count = _count(view, tok)
    plural = "Plur" in tok.morph.get("Number")
    det = next((fold(c.text) for c in tok.children if c.dep_ == "det"), "")
    start, end = _title_span(view, tok)
    title_text = view.text(start, end)
    folded_title = fold(title_text)
    generic = count is not None or (plural and (not det or det in words["generic_determiners"]))
    recounted = count is not None and det in words["recounting_determiners"]
    if recounted:
        count = None  # "les deux textes signés à Hanoï": the documents just told, counted again
    attrs: dict = {"kind": kind}
    if not generic:
        attrs["title"] = title_text
    if count is not None:
        attrs["count"] = count
    period = _period(view, tok, end)
    if period:
        attrs["period"] = period
    topics = list(dict.fromkeys(topics_in(view, start, end) + _field_topics(view, tok, end)))
    found = [a.code for a in view.actors_in(start, end) if a.kind != "place"] + _signing_parties(view, signing)
    parties = fill_pair(view, sent, found, near=tok.idx)
    if not parties:
        return None
    d = date_for(view, signing[0], sent, ("absolute", "partial", "relative"), avoid=[(start, end)])
    if d is not None and period and d.interval and \
            fold(view.text(max(sent.start_char, d.start - 12), d.start)).strip().endswith(tuple(words["period_nouns"])):
        d = None
    status = status_of(view, signing[0], sent)
    if status:
        attrs["status"] = status
    signers = []
    for s in signing:
        for c in s.children:
            if c.dep_ in ("nsubj", "obl:agent"):
                signers += [a for a in view.persons_in(c.left_edge.idx, c.right_edge.idx + len(c.right_edge))]
    # "L'accord devra être ratifié", "cet accord": the document already told, not a new one
    told = anaphoric(tok, view.lex) or (not generic and count is None and fold(title_text) == fold(tok.text)
                                        and _definite(view, det)) or \
        recounted or \
        any(w in folded_title for w in words["descriptions"])  # "accord de ce type"
    return Record(view.document.id, "agreement", parties[0], parties[1], person_names(signers),
                  d.interval if d else None, where_for(view, sent, parties), topics, attrs,
                  [sentence_evidence(sent)], notes={"anaphoric": told})
