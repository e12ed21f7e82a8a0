"""Which documents and which sentences to parse: setting aside, before the costly parse,
text that cannot hold a record.

A record needs two different parties named in the document (countries, organisations,
demonyms, cities of two countries) and a word that can trigger a fact. The gazetteer
and one regular expression decide this at a small fraction of the parser's cost, and
nothing that could yield a record is dropped: every party the extractors use comes
from the gazetteer, and every trigger starts with one of the lexicon's trigger stems
(``Lexicon.trigger_stems``), or is a figure in a currency (``Lexicon.currency_pattern``).

In a document kept for parsing, the same stems pick the sentences worth tagging and
parsing (``sentence_in_focus``); the analysis parses them with their neighbours and leaves
the rest unparsed (``dyad.language.pipeline.analyse_focused``).
"""
from __future__ import annotations

from typing import Callable

from ..lang import Lexicon
from ..lang.text import fold
from ..model import Document
from .gazetteer import gazetteer_for

PARTY_KINDS = ("country", "demonym", "igo")


def worth_parsing(document: Document, lex: Lexicon) -> bool:
    """False when the document cannot yield a record (fewer than two parties, or no trigger)."""
    parties = set()
    for m in gazetteer_for(lex).find(document.text):
        if m.kind in PARTY_KINDS:
            parties.add(m.value)
        elif m.kind in ("city", "title") and m.country:  # "le pape": an office of one country
            parties.add(m.country)
        if len(parties) >= 2:
            break
    if len(parties) < 2:
        return False
    text = fold(document.text)
    return lex.trigger_pattern.search(text) is not None or lex.currency_pattern.search(
        text + "\n" + document.text) is not None


def sentence_in_focus(lex: Lexicon) -> Callable[[str], bool]:
    """A test on one sentence: can a record's trigger word stand in it? The analysis parses
    such sentences (and their neighbours) and leaves the rest of a kept document unparsed;
    the trigger words are the same as ``worth_parsing``'s, so no record is lost."""
    stems, money = lex.trigger_pattern, lex.currency_pattern

    def test(sentence: str) -> bool:
        folded = fold(sentence)
        return stems.search(folded) is not None or money.search(folded + "\n" + sentence) is not None
    return test
