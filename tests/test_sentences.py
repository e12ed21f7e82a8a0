"""Sentence boundaries: headlines, datelines and line breaks the stock parser gets wrong."""
from __future__ import annotations

import pytest

from functools import partial

from dyad.lang import lexicon
from dyad.language import sentences

dateline_end = partial(sentences.dateline_end, lex=lexicon("fr"))


def _sentences(nlp, text):
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


@pytest.mark.parametrize("text,expected", [
    ("Le commerce entre le Kazakhstan et le Vietnam en croissance\nLe commerce mutuel entre les deux pays a dépassé le demi-milliard de dollars.",
     ["Le commerce entre le Kazakhstan et le Vietnam en croissance",
      "Le commerce mutuel entre les deux pays a dépassé le demi-milliard de dollars."]),
    ("Rabat (MAP) – Le roi Mohammed VI a reçu mardi le président sénégalais Macky Sall.",
     ["Rabat (MAP) –", "Le roi Mohammed VI a reçu mardi le président sénégalais Macky Sall."]),
    ("Alger, 5 juin (APS) - Le président Tebboune a reçu son homologue tunisien. Ils ont signé des accords.",
     ["Alger, 5 juin (APS) -", "Le président Tebboune a reçu son homologue tunisien.", "Ils ont signé des accords."]),
    ("Visite historique\n\nHanoï, 22 août 2023 (VNA) – Le président kazakh est arrivé à Hanoï.",
     ["Visite historique", "Hanoï, 22 août 2023 (VNA) –", "Le président kazakh est arrivé à Hanoï."]),
    ("M. Sall a rencontré Mme Diallo à Dakar. Ils ont parlé du commerce.",
     ["M. Sall a rencontré Mme Diallo à Dakar.", "Ils ont parlé du commerce."]),
    ("Les deux pays ont signé un accord\nsur la coopération culturelle en 2010.",
     ["Les deux pays ont signé un accord\nsur la coopération culturelle en 2010."]),
    ("Il a déclaré : « Nous signerons. » Puis il est parti.",
     ["Il a déclaré : « Nous signerons. »", "Puis il est parti."]),
])
def test_sentence_boundaries(nlp, text, expected):
    assert _sentences(nlp, text) == expected


@pytest.mark.parametrize("text,is_dateline", [
    ("PARIS - Le président", True),
    ("Rabat (MAP) – Le roi", True),
    ("Hanoï, 22 août 2023 – Le président", True),
    ("Le Vietnam et le Kazakhstan – deux pays amis – ont signé", False),
    ("La visite – la première depuis 2011 – a commencé", False),
])
def test_dateline_detection(text, is_dateline):
    assert (dateline_end(text) is not None) == is_dateline
