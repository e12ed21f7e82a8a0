"""Sentence boundaries for news text, as a spaCy component that runs before the parser.

The stock French parser glues headlines and datelines to the first sentence and splits
or merges sentences across line breaks. This component decides every boundary itself
(True or False on each token), so the parser works inside the sentences it is given.
The abbreviations and the shape of a dateline are the lexicon's (``Lexicon.sentences``).
"""

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from ..lang import Lexicon, lexicon

_DATE_FIRST = re.compile(r"\s*(?:[^\W\d][^\n:]{0,30}:\s*)?\d{1,2}[^\W\d]{0,2}\s+[^\W\d]+\.?\s+\d{4}")
ENDERS = {".", "!", "?", "…", "...", "?!", "!?"}
CLOSERS = {"»", '"', "”", "’", ")", "]"}


@lru_cache(maxsize=None)
def _knowledge(lex: Lexicon) -> tuple[frozenset[str], re.Pattern[str]]:
    data = lex.sentences
    abbrev = frozenset(a.lower() for a in data["abbreviations"])
    dashes = re.escape(data["dateline_dashes"])
    place, agency = data["dateline_place_max_chars"], data["dateline_agency_max_chars"]
    # "Rabat (MAP) –", "Hanoï, 22 août 2023 (VNA) –", "BERLIN, 7 décembre (Reuters) -", "PARIS -"
    # Date first, as Wikinews writes it: "6 juin 2017 . –", "26 juillet 2016, Normandie . –",
    # "Page actualisée : 13 octobre 2016 —" (a short label before the date).
    date_first = (rf"(?:[^\W\d][^\n:{dashes}]{{0,30}}:\s*)?\d{{1,2}}[^\W\d]{{0,2}}\s+[^\W\d]+\.?\s+\d{{4}}"
                  rf"[^\n(){dashes}]{{0,{agency}}}?")
    dateline = re.compile(
        rf"^\s*(?:{date_first}|[A-ZÀ-Ý][^\n()]{{0,{place}}}?"
        rf"(?:\s*\([^\n()]{{1,{agency}}}\)[^\n()]{{0,{agency}}}?){{0,2}})\s*[{dashes}]+\s+(?=\S)")
    return abbrev, dateline


def dateline_end(text: str, lex: Lexicon, offset: int = 0) -> int | None:
    """Offset where an agency dateline starting at ``offset`` ends, if there is one."""
    _, pattern = _knowledge(lex)
    m = pattern.match(text[offset:offset + 200])
    if not m:
        return None
    head = m.group(0)
    # A dateline names a place (and often an agency or a date), never a whole clause.
    if "(" not in head and not _DATE_FIRST.match(head) and (len(head.split()) > 6 or not (
            re.match(r"\s*[A-ZÀ-Ý]{2,}\b", head) or re.search(r",\s*\d", head))):
        return None
    return offset + m.end()


def dateline_cuts(text: str, lex: Lexicon, lines: int = 3) -> set[int]:
    """Ends of datelines at the start of the first few lines (after a headline, say)."""
    cuts, start = set(), 0
    for _ in range(lines):
        end = dateline_end(text, lex, start)
        if end is not None:
            cuts.add(end)
        nl = text.find("\n", start)
        if nl < 0:
            break
        start = nl + 1
        while start < len(text) and text[start] == "\n":
            start += 1
    return cuts


def _newline_breaks(prev_text: str, next_text: str) -> bool:
    """A line break ends a sentence unless the text is hard-wrapped mid-sentence."""
    if prev_text.count("\n") >= 2:
        return True
    first = next_text[:1]
    return not (first.islower() or first in ",;:)")


def set_boundaries(doc: Doc, lex: Lexicon) -> Doc:
    """Mark every token as starting a sentence or not."""
    if not len(doc):
        return doc
    abbrev, _ = _knowledge(lex)
    cuts = dateline_cuts(doc.text, lex)
    doc[0].is_sent_start = True
    for i in range(1, len(doc)):
        tok, prev = doc[i], doc[i - 1]
        start = False
        if tok.is_space:
            start = False
        elif prev.is_space and "\n" in prev.text:
            start = _newline_breaks(prev.text, tok.text)
        elif tok.idx in cuts:
            start = True
        else:
            j = i - 1
            while j > 0 and (doc[j].text in CLOSERS) and doc[j - 1].text not in ENDERS:
                j -= 1
            ender = doc[j]
            if ender.text in CLOSERS and j > 0:
                ender = doc[j - 1]
            ends = ender.text in ENDERS or (ender.text.endswith(".") and len(ender.text) > 1
                                           and ender.text.lower() not in abbrev
                                           and not re.fullmatch(r"[A-ZÀ-Ý]\.", ender.text))
            if ends and ender.text == "." and ender.i > 0 and doc[ender.i - 1].text.lower() + "." in abbrev \
                    and not doc[ender.i - 1].whitespace_:
                ends = False
            first = tok.text[:1]
            start = ends and (first.isupper() or first.isdigit() or first in "«\"“(-–—")
        tok.is_sent_start = start
    return doc


@Language.factory("dyad_sentences", default_config={"lang": None})
def make_sentences(nlp: Language, name: str, lang: str | None):
    """Factory: the sentence-boundary component (add it before the parser), with the lexicon
    of the pipeline's language (``lang`` names another one)."""
    lex = lexicon(lang or nlp.lang)

    def component(doc: Doc) -> Doc:
        return set_boundaries(doc, lex)
    return component
