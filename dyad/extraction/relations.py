"""Relations established, upgraded, restored, suspended or severed."""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from ..lang import Lexicon
from ..lang.text import fold
from ..model import Record
from .common import date_for, fill_pair, negated, sentence_evidence, status_of
from .view import Actor, DocView


def _kind_hits(view: DocView, sent: Span) -> list[tuple[int, str, str]]:
    """Each kind of tie named in the sentence: (offset, phrase, kind), longest phrase first."""
    words = view.lex.triggers["relations"]
    text = view.folded[sent.start_char:sent.end_char]
    taken: list[tuple[int, int]] = []
    hits = []
    for phrase, kind in words["kinds"]:
        i = text.find(phrase)
        while i >= 0:
            a, b = sent.start_char + i, sent.start_char + i + len(phrase)
            if not any(x <= a < y for x, y in taken) and (i == 0 or not text[i - 1].isalnum()):
                taken.append((a, b))
                hits.append((a, phrase, kind))
            i = text.find(phrase, i + 1)
    return sorted(hits)


class Changes:
    """The words of change of a language, by form and by stem (for forms the lemmatiser misses,
    "élevé" for "élever"), built once."""

    def __init__(self, lex: Lexicon) -> None:
        words = lex.triggers["relations"]["changes"]
        self.by_form = {fold(k): v for k, v in words.items()}
        self.by_stem = {}
        for word, change in self.by_form.items():
            stem = lex.stem(word, verb=True)
            if len(stem) >= 4:
                self.by_stem[stem] = change

    def of(self, tok: Token) -> str | None:
        """The change a word states, by lemma, by form, or by stem."""
        for form in (fold(tok.lemma_), fold(tok.text)):
            if form in self.by_form:
                return self.by_form[form]
        text = fold(tok.text)
        return next((c for stem, c in self.by_stem.items() if text.startswith(stem)), None)


@lru_cache(maxsize=None)
def changes_for(lex: Lexicon) -> Changes:
    return Changes(lex)


def _change_for(view: DocView, sent: Span, offset: int, changes: Changes) -> Token | None:
    """The verb or noun of change that governs a kind of tie, else the nearest one."""
    span = view.doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is not None:
        for t in [span[0]] + list(span[0].ancestors)[:4]:
            if changes.of(t):
                return t
    cands = [t for t in sent if changes.of(t) and t.pos_ in ("VERB", "NOUN", "ADJ")]
    return min(cands, key=lambda t: abs(t.idx - offset)) if cands else None


def _parties(view: DocView, change_tok: Token) -> list[str]:
    """Who changed their ties: the subject of the verb ("Le Qatar et les Émirats ont rétabli")
    and the partner introduced by "avec" or "entre"."""
    if change_tok.pos_ != "VERB":
        return []
    partner_cases = view.words("comitative")
    out = []
    for c in change_tok.children:
        cases = {fold(x.text) for x in c.children if x.dep_ == "case"}
        if c.dep_ in ("nsubj", "nsubj:pass") or cases & partner_cases:
            out += [a.code for a in view.actors_from(c) if a.kind in ("country", "igo", "place", "person")]
    codes = list(dict.fromkeys(out))
    return codes if len(codes) >= 2 else []


def _changes_in(view: DocView, sent: Span, changes: Changes) -> list[tuple[int, str, Token, str]]:
    """Each tie the sentence changes: (offset, kind, word of change, change)."""
    words = view.lex.triggers["relations"]
    hits = _kind_hits(view, sent)
    out, used = [], set()
    for offset, phrase, kind in hits:
        change_tok = _change_for(view, sent, offset, changes)
        if change_tok is None or change_tok.i in used and len(hits) > 1 and kind in ("other", "bare"):
            continue
        if negated(view, change_tok):
            continue
        change = changes.of(change_tok)
        if kind == "bare":
            # bare "relations", "liens": broken or restored ties are diplomatic ones; raised
            # "au rang de ..." they are a partnership of some kind
            if change in ("restored", "suspended", "severed"):
                kind = "diplomatic"
            elif change == "upgraded" and view.fold_has(sent.start_char, sent.end_char, words["upgrade_cues"]) \
                    and not any(h[2] != "bare" for h in hits):
                kind = "other"
            else:
                continue
        if kind == "other" and phrase in words["vague_kinds"] and \
                not view.fold_has(sent.start_char, sent.end_char, words["upgrade_cues"]):
            continue  # "lancer un partenariat" on its own is too vague to record
        if change == "upgraded" and fold(change_tok.lemma_) in words["cued_upgrade_verbs"] and \
                not view.fold_has(sent.start_char, sent.end_char, words["upgrade_cues"]):
            continue
        if change == "established" and fold(change_tok.lemma_) in words["agreement_verbs"]:
            continue  # signing a partnership document is an agreement
        used.add(change_tok.i)
        out.append((offset, kind, change_tok, change))
    return out


def extract_relations(view: DocView) -> list[Record]:
    """A change in the relationship: a kind of tie and a change verb or noun in one sentence."""
    changes = changes_for(view.lex)
    out = []
    for sent in view.doc.sents:
        found_changes = _changes_in(view, sent, changes)
        offsets = [o for o, _, _, _ in found_changes]
        for offset, kind, change_tok, change in found_changes:
            found = _parties(view, change_tok) or [
                # a capital in such a sentence stands for its government ("avec Doha")
                a.code for a in view.actors_in(sent.start_char, sent.end_char) if a.kind in ("country", "igo", "place")]
            parties = fill_pair(view, sent, found, near=change_tok.idx)
            if not parties:
                continue
            d = _date(view, sent, change_tok, offset, offsets)
            attrs: dict = {"kind": kind}
            if change != "established":
                attrs["change"] = change
            status = status_of(view, change_tok, sent)
            if status:
                attrs["status"] = status
            out.append(Record(view.document.id, "relations", parties[0], parties[1], [],
                              d.interval if d else None, None, None, attrs, [sentence_evidence(sent)]))
    return out


def _date(view: DocView, sent: Span, change_tok: Token, offset: int, offsets: list[int]):
    """The date of this change: with several ties in one sentence, the date nearest each."""
    if view.fold_has(sent.start_char, sent.end_char, view.lex.triggers["relations"]["anniversary_words"]):
        # "le 30e anniversaire de l'établissement ...": the date nearest the verb of change,
        # not the anniversary's own
        dated = [x for x in view.dates_in(sent.start_char, sent.end_char) if x.explicit_year]
        return min(dated, key=lambda x: abs(x.start - change_tok.idx)) if dated else None
    if len(offsets) > 1:
        dates = [d for d in view.dates_in(sent.start_char, sent.end_char) if d.kind in ("absolute", "partial", "relative")]
        others = [o for o in offsets if o != offset]
        own = [d for d in dates if all(abs(d.start - offset) <= abs(d.start - o) for o in others)]
        return min(own, key=lambda d: abs(d.start - offset)) if own else None
    return date_for(view, change_tok, sent, ("absolute", "partial", "relative"))


@lru_cache(maxsize=None)
def _membership_words(lex: Lexicon) -> dict[str, str]:
    """Folded lemma -> change, for the words of joining and leaving an organisation."""
    return {fold(w): change for change, ws in lex.triggers["relations"].get("membership", {}).items() for w in ws}


_NOT_COMPLEMENTS = {"nsubj", "nsubj:pass", "acl:relcl", "advcl", "ccomp", "parataxis", "conj"}


def _complement_actors(view: DocView, tok: Token) -> list[Actor]:
    """The parties named in the word's complements (object, obliques, noun complements), in
    text order; cities are places there, not governments ("le statut de Rome")."""
    found = [a for c in tok.children if c.dep_ not in _NOT_COMPLEMENTS for a in view.actors_from(c)]
    return sorted((a for a in found if a.code and a.kind != "place"), key=lambda a: a.start)


def _membership_parties(view: DocView, tok: Token) -> tuple[str | None, Actor] | None:
    """(member, organisation): the organisation is the last one named in the complements; the
    member the verb's subject ("le Burundi a quitté la CPI"), or for a noun the party named
    before the organisation ("la sortie du Royaume-Uni de l'UE", "l'adhésion de l'UA au G20")."""
    actors = _complement_actors(view, tok)
    orgs = [a for a in actors if a.kind == "igo"]
    if not orgs:
        return None
    org = orgs[-1]
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubj:pass"):
            # a capital may stand for its government as a subject ("Londres quitte l'UE")
            subject = [a for a in view.actors_from(c) if a.code and a.code != org.code]
            if subject:
                return subject[0].code, org
    before = [a for a in actors if a.start < org.start and a.code != org.code]
    return (before[0].code if before else None), org


def extract_memberships(view: DocView) -> list[Record]:
    """A country joins, leaves or rejoins an organisation ("le Burundi a quitté la CPI", "la
    sortie du Royaume-Uni de l'Union européenne"): a tie of kind other with the organisation."""
    words = _membership_words(view.lex)
    out = []
    for tok in view.doc:
        change = words.get(fold(tok.lemma_)) or words.get(fold(tok.text))
        if change is None or tok.pos_ not in ("VERB", "NOUN") or negated(view, tok):
            continue
        found = _membership_parties(view, tok)
        if found is None:
            continue
        member, org = found
        sent = tok.sent
        parties = fill_pair(view, sent, [member, org.code] if member else [org.code], near=tok.idx)
        if not parties or org.code not in parties or all(p.startswith("IGO:") for p in parties):
            continue
        member = next(p for p in parties if p != org.code)
        if not any(a.code == member and a.kind != "place" for a in view.actors):
            continue  # a member only a city stands for ("le statut de Rome") is none
        d = date_for(view, tok, sent, ("absolute", "partial", "relative"))
        attrs: dict = {"kind": "other"}
        if change != "established":
            attrs["change"] = change
        status = status_of(view, tok, sent)
        if status:
            attrs["status"] = status
        out.append(Record(view.document.id, "relations", member, org.code, [],
                          d.interval if d else None, None, None, attrs, [sentence_evidence(sent)]))
    return out
