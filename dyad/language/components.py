"""The spaCy component that turns a parsed Doc into Dyad's mentions.

It runs last, after the parser and NER: it reads the publication date, resolves the
dates against it and the tenses, finds amounts, countries, organisations, places and
people, and resolves the phrases that refer back to countries. Every step is given the
lexicon of the pipeline's language.
"""
from spacy.language import Language
from spacy.tokens import Doc

from ..lang import Lexicon, lexicon
from ..model import Mention
from .actors import gazetteer_mentions, reference_mentions
from .amounts import find_amounts, find_percents
from .gazetteer import gazetteer_for
from .persons import PersonFinder
from .pubdate import publication_date
from .tense import tense_at

EXTENSIONS = ("dyad_published_raw", "published", "gaz", "dates", "amounts", "percents", "persons", "mentions")


def register_extensions() -> None:
    """Declare the Doc extensions Dyad uses (idempotent)."""
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def _tense_function(doc: Doc, lex: Lexicon):
    cache: dict[int, str | None] = {}

    def tense(char: int) -> str | None:
        if char not in cache:
            cache[char] = tense_at(doc, char, lex)
        return cache[char]
    return tense


def date_value(m) -> dict:
    """The JSON value of a date mention."""
    if m.interval is None:
        return {"start": None, "end": None, "granularity": None, "inferred": False, "anchor": m.anchor}
    i = m.interval
    return {"start": i.start.isoformat(), "end": i.end.isoformat(), "granularity": i.granularity,
            "inferred": i.inferred, "anchor": m.anchor}


def annotate(doc: Doc, lex: Lexicon, finder: PersonFinder) -> Doc:
    """Fill the Doc extensions with publication date, raw hits and mentions."""
    gaz = gazetteer_for(lex)
    tense = _tense_function(doc, lex)
    text = doc.text  # rebuilt by spaCy on every access: read once
    published, dates = publication_date(text, doc._.dyad_published_raw, tense, lex)
    doc._.published = published
    doc._.dates = dates
    doc._.amounts = find_amounts(text, lex)
    doc._.percents = find_percents(text, lex)
    matches = gaz.find(text)
    doc._.gaz = matches
    people = finder.find(doc, matches)
    doc._.persons = people
    actors = gazetteer_mentions(doc, matches, lex)
    mentions: list[Mention] = list(actors)
    mentions += reference_mentions(doc, actors, lex)
    for p in people:
        name = p.group.full_name if p.group is not None else p.name
        mentions.append(Mention("person", p.start, p.end, text[p.start:p.end],
                                {"name": name, "role": p.role, "country": p.country}))
    for d in dates:
        mentions.append(Mention("date", d.start, d.end, d.text, date_value(d)))
    for a in doc._.amounts:
        mentions.append(Mention("amount", a.start, a.end, a.text,
                                {"value": a.value, "currency": a.currency, "qualifier": a.qualifier}))
    for p in doc._.percents:
        mentions.append(Mention("percent", p.start, p.end, p.text, {"value": p.value, "direction": p.direction}))
    mentions.sort(key=lambda m: (m.start, -m.end))
    doc._.mentions = mentions
    return doc


@Language.factory("dyad_mentions", default_config={"lang": None})
def make_mentions(nlp: Language, name: str, lang: str | None):
    """Factory: Dyad's mention layer (add it after the parser and NER), with the lexicon of
    the pipeline's language (``lang`` names another one)."""
    register_extensions()
    lex = lexicon(lang or nlp.lang)
    finder = PersonFinder(lex)  # loads the gazetteer now, not on the first document

    def component(doc: Doc) -> Doc:
        return annotate(doc, lex, finder)
    return component
