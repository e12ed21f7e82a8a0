"""Relations established, upgraded, restored, suspended or severed."""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..language.folding import fold
from ..model import Record
from .common import date_for, fill_pair, sentence_evidence, status_of
from .view import DocView, triggers


def _kind_hits(view: DocView, sent: Span) -> list[tuple[int, str, str]]:
    """Each kind of tie named in the sentence: (offset, phrase, kind), longest phrase first."""
    words = triggers(view.lang)["relations"]
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


def _change_for(view: DocView, sent: Span, offset: int, changes: dict[str, str]) -> Token | None:
    """The verb or noun of change that governs a kind of tie, else the nearest one."""
    span = view.doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is not None:
        for t in [span[0]] + list(span[0].ancestors)[:4]:
            if fold(t.lemma_) in changes or fold(t.text) in changes:
                return t
    cands = [t for t in sent if fold(t.lemma_) in changes]
    return min(cands, key=lambda t: abs(t.idx - offset)) if cands else None


def extract_relations(view: DocView) -> list[Record]:
    """A change in the relationship: a kind of tie and a change verb or noun in one sentence."""
    words = triggers(view.lang)["relations"]
    changes = {fold(k): v for k, v in words["changes"].items()}
    out = []
    for sent in view.doc.sents:
        hits = _kind_hits(view, sent)
        used: set[int] = set()
        for offset, phrase, kind in hits:
            change_tok = _change_for(view, sent, offset, changes)
            if change_tok is None or change_tok.i in used and len(hits) > 1 and kind == "other":
                continue
            change = changes.get(fold(change_tok.lemma_)) or changes[fold(change_tok.text)]
            if kind == "diplomatic_if_changed":
                # bare "relations": only breaking or restoring them is a change of diplomatic ties
                if change not in ("restored", "suspended", "severed"):
                    continue
                kind = "diplomatic"
            if kind == "other" and phrase == "partenariat" and \
                    not view.fold_has(sent.start_char, sent.end_char, words["upgrade_cues"]):
                continue  # "lancer un partenariat" on its own is too vague to record
            if change == "upgraded" and fold(change_tok.lemma_) in ("porter", "passer", "transformer") and \
                    not view.fold_has(sent.start_char, sent.end_char, words["upgrade_cues"]):
                continue
            if change == "established" and fold(change_tok.lemma_) in ("signer", "conclure"):
                continue  # signing a partnership document is an agreement
            used.add(change_tok.i)
            # a capital in such a sentence stands for its government ("avec Doha")
            found = [a.code for a in view.actors_in(sent.start_char, sent.end_char) if a.kind in ("country", "igo", "place")]
            parties = fill_pair(view, sent, found, near=change_tok.idx)
            if not parties:
                continue
            d = _date(view, sent, change_tok, offset, hits)
            attrs: dict = {"kind": kind}
            if change != "established":
                attrs["change"] = change
            status = status_of(view, change_tok, sent)
            if status:
                attrs["status"] = status
            out.append(Record(view.document.id, "relations", parties[0], parties[1], [],
                              d.interval if d else None, None, None, attrs, [sentence_evidence(sent)]))
    return out


def _date(view: DocView, sent: Span, change_tok: Token, offset: int, hits):
    """The date of this change: with several ties in one sentence, the date nearest each."""
    if view.fold_has(sent.start_char, sent.end_char, ["anniversaire"]):
        # "le 30e anniversaire de l'établissement ...": the tie dates from the earliest date
        # the date nearest the verb of change, not the anniversary's own
        dated = [x for x in view.dates_in(sent.start_char, sent.end_char) if x.explicit_year]
        return min(dated, key=lambda x: abs(x.start - change_tok.idx)) if dated else None
    if len(hits) > 1:
        dates = [d for d in view.dates_in(sent.start_char, sent.end_char) if d.kind in ("absolute", "partial", "relative")]
        others = [h[0] for h in hits if h[0] != offset]
        own = [d for d in dates if all(abs(d.start - offset) <= abs(d.start - o) for o in others)]
        return min(own, key=lambda d: abs(d.start - offset)) if own else None
    return date_for(view, change_tok, sent, ("absolute", "partial", "relative"))
