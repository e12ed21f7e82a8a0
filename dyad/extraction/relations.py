"""Relations established, upgraded, restored, suspended or severed."""
from __future__ import annotations

from ..language.folding import fold
from ..model import Record
from .common import date_for, fill_pair, sentence_evidence, status_of
from .view import DocView, triggers


def extract_relations(view: DocView) -> list[Record]:
    """A change in the relationship: a kind of tie and a change verb or noun in one sentence."""
    words = triggers(view.lang)["relations"]
    changes = {fold(k): v for k, v in words["changes"].items()}
    out = []
    for sent in view.doc.sents:
        kind_hit = None
        for phrase, kind in words["kinds"]:
            if view.fold_has(sent.start_char, sent.end_char, [phrase]):
                kind_hit = (phrase, kind)
                break
        if kind_hit is None:
            continue
        change_tok = next((t for t in sent if fold(t.lemma_) in changes), None)
        if change_tok is None:
            continue
        change = changes[fold(change_tok.lemma_)]
        phrase, kind = kind_hit
        if kind == "other" and change == "established" and phrase == "partenariat" and \
                not view.fold_has(sent.start_char, sent.end_char, words["upgrade_cues"]):
            continue  # "lancer un partenariat" on its own is too vague to record
        if change == "upgraded" and not view.fold_has(sent.start_char, sent.end_char, words["upgrade_cues"]) \
                and fold(change_tok.lemma_) in ("porter", "passer", "transformer"):
            continue
        if change == "established" and fold(change_tok.lemma_) in ("signer", "conclure") and kind == "diplomatic":
            continue
        found = [a.code for a in view.actors_in(sent.start_char, sent.end_char) if a.kind in ("country", "igo")]
        parties = fill_pair(view, sent, found, near=change_tok.idx)
        if not parties:
            continue
        d = date_for(view, change_tok, sent, ("absolute", "partial", "relative"))
        if view.fold_has(sent.start_char, sent.end_char, ["anniversaire"]):
            # "le 30e anniversaire de l'établissement ...": the tie dates from the earliest date
            dated = [x for x in view.dates_in(sent.start_char, sent.end_char) if x.explicit_year]
            d = min(dated, key=lambda x: x.interval.start) if len(dated) > 1 else None
        attrs: dict = {"kind": kind}
        if change != "established":
            attrs["change"] = change
        status = status_of(view, change_tok, sent)
        if status:
            attrs["status"] = status
        out.append(Record(view.document.id, "relations", parties[0], parties[1], [],
                          d.interval if d else None, None, None, attrs, [sentence_evidence(sent)]))
    return out
