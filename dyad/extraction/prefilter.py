"""Setting aside, before the costly parse, text that cannot hold a record.

A record needs two different parties named in the document (countries, organisations,
demonyms, cities of two countries) and a word that can trigger a fact. The gazetteer
and one regular expression decide this at a small fraction of the parser's cost, and
nothing that could yield a record is dropped: every party the extractors use comes
from the gazetteer, and every trigger starts with one of the stems tested here.

In a document kept for parsing, the same stems pick the sentences worth tagging and
parsing (``sentence_in_focus``); the analysis parses them with their neighbours and leaves
the rest unparsed (``dyad.language.pipeline.analyse_focused``).
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Callable

from ..language.folding import fold
from ..language.gazetteer import load_gazetteer
from ..model import Document
from ..options import Options
from .view import DATA, triggers


VERB_ENDINGS = ("oir", "er", "ir", "re")


def _stem(word: str, verb: bool) -> str:
    """The part of a trigger every inflection starts with: "signer" -> "sign", "visite" -> "visite"."""
    w = fold(word).strip()
    if " " in w or not verb:
        return w.rstrip("s") if " " not in w else w
    for ending in VERB_ENDINGS:
        if w.endswith(ending) and len(w) - len(ending) >= 4:
            return w[: -len(ending)]
    return w


@lru_cache(maxsize=None)
def _stems(lang: str) -> re.Pattern[str]:
    """One pattern for every word that can start a record. Each extractor creates a record only
    from these (a meeting "réunion" only with a committee's name, a call only with a telephone,
    an agreement only with a word of signing, trade only with a currency), so nothing is lost."""
    t = triggers(lang)
    v, m, a, i, r, s, tr = (t[k] for k in ("visit", "meeting", "agreement", "invitation", "relations", "support", "trade"))
    verbs = (v["travel_verbs"] + v["passive_host_verbs"] + v["host_subject_verbs"]
             + [x for x in m["verbs"] if x not in m["call_only_verbs"]] + i["verbs"] + s["verbs"])
    nouns = (v["nouns"] + [x for x in m["nouns"]] + m["summit_words"] + m["committee_phrases"] + m["call_phrases"]
             + i["nouns"] + [k for k, _ in r["kinds"]] + s["nouns"])
    signing = [x for x in a["signing_lemmas"]]
    words = {_stem(x, True) for x in verbs} | {_stem(x, False) for x in nouns}
    words |= {_stem(x, True) for x in signing}
    words |= {fold(x) for x in m["nouns"] if " " in x} | {"tete-a-tete"}
    # irregular forms whose beginning differs from the infinitive's: "reçu", "reçoit", "soutint", "rendu"
    words |= {"recu", "recoi", "soutin", "rendu"}
    return re.compile(r"(?<![\w])(?:" + "|".join(sorted(map(re.escape, (w for w in words if w)), key=len, reverse=True)) + r")")


@lru_cache(maxsize=None)
def _currencies(lang: str) -> re.Pattern[str]:
    """Money words, codes and signs, as whole words: a trade record needs a figure in a currency."""
    data = json.loads((DATA / lang / "amounts.json").read_text(encoding="utf-8"))
    # codes in capitals only ("ILS" is a shekel, "ils" a pronoun): matched on the text as written
    forms = {f for fs in data["currencies"].values() for f in fs}
    words = {fold(f) for f in forms if not f.isupper()}
    codes = {f for f in forms if f.isupper()}
    alt = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    caps = "|".join(sorted(map(re.escape, codes), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alt})(?!\w)|(?<!\w)(?-i:{caps})(?!\w)")


def worth_parsing(document: Document, options: Options) -> bool:
    """False when the document cannot yield a record (fewer than two parties, or no trigger)."""
    gaz = load_gazetteer(options.lang)
    parties = set()
    for m in gaz.find(document.text):
        if m.kind in ("country", "demonym", "igo"):
            parties.add(m.value)
        elif m.kind == "city" and m.country:
            parties.add(m.country)
        if len(parties) >= 2:
            break
    if len(parties) < 2:
        return False
    text = fold(document.text)
    return _stems(options.lang).search(text) is not None or _currencies(options.lang).search(
        text + "\n" + document.text) is not None


def sentence_in_focus(lang: str) -> Callable[[str], bool]:
    """A test on one sentence: can a record's trigger word stand in it? The analysis parses
    such sentences (and their neighbours) and leaves the rest of a kept document unparsed;
    the trigger words are the same as ``worth_parsing``'s, so no record is lost."""
    stems, money = _stems(lang), _currencies(lang)

    def test(sentence: str) -> bool:
        folded = fold(sentence)
        return stems.search(folded) is not None or money.search(folded + "\n" + sentence) is not None
    return test
