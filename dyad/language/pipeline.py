"""The French analysis pipeline: spaCy's fr_core_news_md plus Dyad's components.

    tokenizer -> dyad_sentences -> tok2vec ... parser ... ner -> dyad_mentions

The model is loaded once per process. Results live on Doc extensions:
``doc._.published`` (PublicationDate), ``doc._.mentions`` (list of Mention), and the raw
hits (``doc._.gaz``, ``doc._.dates``, ``doc._.amounts``, ``doc._.percents``, ``doc._.persons``)
that the extractors use.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator

import spacy
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


def analyse(documents: Iterable[Document], options: Options) -> Iterator[tuple[Document, Doc]]:
    """Run the pipeline over documents; sets ``document.published``; yields (document, doc)."""
    nlp = load_nlp(options.model, options.lang)
    docs = list(documents) if not isinstance(documents, list) else documents
    for document, doc in zip(docs, nlp.pipe((make_doc(nlp, d) for d in docs), batch_size=options.batch_size)):
        document.published = doc._.published
        yield document, doc
