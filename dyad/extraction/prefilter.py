"""Setting aside, before the costly parse, text that cannot hold a record.

A record needs two different parties named in the document (countries, organisations,
demonyms, cities of two countries) and a word that can trigger a fact. The gazetteer
and one regular expression decide this at a small fraction of the parser's cost, and
nothing that could yield a record is dropped: every party the extractors use comes
from the gazetteer, and every trigger starts with one of the stems tested here.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..language.folding import fold
from ..language.gazetteer import load_gazetteer
from ..model import Document
from ..options import Options
from .view import triggers


@lru_cache(maxsize=None)
def _stems(lang: str) -> re.Pattern[str]:
    t = triggers(lang)
    words: set[str] = set()

    def add(xs):
        for x in xs:
            x = fold(x).split()[0] if x.strip() else ""
            if len(x) >= 4:
                words.add(x[:5] if len(x) > 5 else x)

    v, m, a, i, r, s, tr = (t[k] for k in ("visit", "meeting", "agreement", "invitation", "relations", "support", "trade"))
    add(v["nouns"] + v["travel_verbs"] + v["passive_host_verbs"] + v["host_subject_verbs"] + v["carrier_verbs"])
    add(m["verbs"] + m["nouns"] + m["committee_nouns"] + m["call_phrases"] + m["committee_phrases"])
    add(a["signing_lemmas"] + list(a["nouns"]))
    add(i["verbs"] + i["nouns"])
    add([k for k, _ in r["kinds"]] + list(r["changes"]))
    add(s["verbs"] + s["nouns"])
    add(tr["cues"])
    # irregular forms whose stem differs from the lemma's: "reçu", "rendu", "vu", "mis"
    words |= {"recu", "recoi", "rendu", "rend", "signe", "ete", "soutin", "souti"}
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")")


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
    return _stems(options.lang).search(fold(document.text)) is not None
