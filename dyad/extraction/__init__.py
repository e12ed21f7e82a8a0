"""Extraction: the records of one analysed document (visits, meetings, agreements,
invitations, relations, support, trade), each tied to the sentences that state it.

The extractors hold no word of a language: triggers, cues and function words come from the
document's ``Lexicon`` (``DocView.lex``), built from ``dyad/lang/<lang>/``."""
from __future__ import annotations

from spacy.tokens import Doc

from ..lang import lexicon
from ..language.gazetteer import gazetteer_for
from ..model import Document, Record
from ..options import Options
from .agreements import extract_agreements
from .invitations import extract_invitations
from .meetings import extract_meetings
from .merge import date_lede, date_ongoing_visits, inherit_visit_dates, merge_records
from .relations import extract_memberships, extract_relations
from .support import extract_support
from .trade import extract_trade
from .view import DocView
from .visits import extract_visits

EXTRACTORS = (extract_visits, extract_meetings, extract_agreements, extract_invitations, extract_relations,
              extract_memberships,
              extract_support, extract_trade)

__all__ = ["extract_records", "EXTRACTORS"]


def _out_of_scope(view: DocView, record: Record) -> bool:
    """Sport and opinion polls speak the words of diplomacy ("la Suède rencontrera le Brésil
    en demi-finale", "68 % des Français soutiennent ..."): such sentences state no bilateral fact."""
    if not record.evidence:
        return False
    start, end = record.evidence[0]
    words = view.lex.words
    if record.type in ("visit", "meeting"):
        return view.fold_has(start, end, words["sport_cues"]) is not None
    if record.type == "support":
        return view.fold_has(start, end, words["poll_cues"]) is not None
    return False


def extract_records(document: Document, doc: Doc, options: Options) -> list[Record]:
    """Every record of an analysed document, merged within the document, in text order."""
    view = DocView.build(document, doc, lexicon(options.lang))
    records: list[Record] = []
    for extractor in EXTRACTORS:
        records += extractor(view)
    records = [r for r in records if not _out_of_scope(view, r)]
    records = merge_records(records)
    date_ongoing_visits(records)
    gaz = gazetteer_for(view.lex)
    published = document.published.interval
    if document.published.source not in ("inferred", "unknown"):
        sents = [s for s in doc.sents if s.text.strip()]
        date_lede(records, published, sents[min(3, len(sents) - 1)].end_char if sents else 0)
    inherit_visit_dates(records, lambda name: (gaz.city(name).country if gaz.city(name) else None), published)
    sovereign = view.lex.sovereign_of
    # a state and its own territory ("en Guyane", for France) are one side: nothing bilateral
    records = [r for r in records if r.actor and r.target and r.actor != r.target
               and sovereign.get(r.actor, r.actor) != sovereign.get(r.target, r.target)]
    records.sort(key=lambda r: (r.evidence[0] if r.evidence else (0, 0), r.type))
    return records
