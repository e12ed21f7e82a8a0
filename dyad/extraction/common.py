"""What every extractor shares: tense and status, the date of a fact, its place, its
parties when the syntax leaves one open, and its topics.
"""
from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Span, Token

from ..lang import Lexicon
from ..lang.text import fold
from ..language.gazetteer import gazetteer_for
from ..language.tense import governing_verb, tense_at, verb_tense
from .view import Actor, DocView


def tense_of(tok: Token, lex: Lexicon) -> str | None:
    verb = governing_verb(tok)
    return verb_tense(verb, lex) if verb is not None else None


def status_of(view: DocView, tok: Token, sent: Span) -> str | None:
    """"planned" for announced or expected facts, "cancelled" for called-off ones, else None."""
    words = view.lex.triggers["status"]
    if view.fold_has(sent.start_char, sent.end_char, words["cancelled_words"]):
        return "cancelled"
    tense = tense_of(tok, view.lex)
    if tense == "future":
        return "planned"
    verb = governing_verb(tok)
    near = tok.sent[max(0, tok.i - sent.start - 4):tok.i - sent.start + 6]
    if tense in (None, "present") and view.fold_has(near.start_char, near.end_char, words["planned_words"]):
        return "planned"
    if verb is not None and tense == "present" and fold(verb.text) in words["planned_words"]:
        return "planned"
    return None


def _distance(tok: Token, start: int) -> int:
    return abs(tok.idx - start)


def date_for(view: DocView, tok: Token, sent: Span, kinds: tuple[str, ...] = ("absolute", "partial", "relative", "part"),
             avoid: list[tuple[int, int]] | None = None):
    """The date mention that dates the fact at ``tok``: in its clause first, else nearest in the sentence."""
    cands = [d for d in view.dates_in(sent.start_char, sent.end_char) if d.kind in kinds
             and not _other_time(view, d, tok)]
    if tense_of(tok, view.lex) == "past":
        # "a soutenu la présidence de la COP28, qui s'ouvrira le 30 novembre": a coming event's date
        cands = [d for d in cands if tense_at(view.doc, d.start, view.lex) != "future" or d.explicit_year]
    if avoid:
        cands = [d for d in cands if not any(a <= d.start < b for a, b in avoid)]
    if not cands:
        return None
    def within(d, idxs: set[int]) -> bool:
        return d.start in idxs or any(t.idx in idxs for t in view.doc.char_span(d.start, d.end, alignment_mode="expand") or [])

    own = {t.idx for t in tok.subtree} if tok.pos_ == "NOUN" else set()
    verb = governing_verb(tok) or tok
    clause = {t.idx for t in verb.subtree}
    # "sa visite, effectuée du 20 au 22 août": the noun's own phrase first, then its clause
    pool = [d for d in cands if within(d, own)] or [d for d in cands if within(d, clause)] or cands
    return min(pool, key=lambda d: _distance(tok, d.start))


def _other_time(view: DocView, d, tok: Token) -> bool:
    """A date in a "depuis ...", "avant ...", "après ..." phrase, or in a relative clause
    the fact is not part of ("la COP28, qui s'ouvrira le 30 novembre"), dates something else."""
    span = view.doc.char_span(d.start, d.end, alignment_mode="expand")
    if span is None:
        return False
    own = {a.i for a in tok.ancestors} | {tok.i}
    for a in [span.root] + list(span.root.ancestors):
        if a.i in own:
            break
        if a.dep_ == "acl:relcl" or (a.dep_ == "acl" and a.head.i not in own):
            return True  # "Choucha, ville reprise en novembre dernier": about the town, not the visit
    last = fold(view.raw[max(0, d.start - 8):d.start]).split()[-1:]
    if last and last[0] in view.words("other_time_leads"):
        return True
    before = fold(view.raw[max(tok.sent.start_char, d.start - 40):d.start])
    near = fold(view.raw[max(0, tok.idx - 10):tok.idx + len(tok.text)])
    if any(w in before and w not in near for w in view.words("since")):
        return True  # "depuis son élection, en décembre 2019"
    t, steps = span.root, 0
    stop = {tok.i, tok.head.i}
    while t.head.i != t.i and t.i not in stop and steps < 4:
        if any(c.dep_ == "case" and fold(c.text) in view.lex.words["other_time"] for c in t.children):
            return True
        t, steps = t.head, steps + 1
    return False


def where_for(view: DocView, sent: Span, parties: list[str | None], host: str | None = None) -> str | None:
    """The city (English name) where the fact took place, or a third country's name."""
    cities = [a for a in view.actors_in(sent.start_char, sent.end_char) if a.kind == "place"]
    if host is not None:
        for a in cities:
            if a.code == host:
                return a.city
    for a in cities:
        prev = fold(view.raw[max(0, a.start - 4):a.start])
        if a.code in parties or _ends_with_word(prev, view.words("city_prepositions")):
            return a.city
    for a in view.actors_in(sent.start_char, sent.end_char):
        if a.kind == "country" and a.code not in parties and len(a.code) == 3:
            prev = fold(view.raw[max(0, a.start - 4):a.start])
            if _ends_with_word(prev, view.words("country_prepositions")):
                return gazetteer_for(view.lex).country_name(a.code, "en")
    return None


def fill_pair(view: DocView, sent: Span, found: list[str | None], near: int | None = None) -> list[str] | None:
    """Two distinct parties: those the syntax found, else "les deux pays", else the parties
    named in the sentence (those of the article's main pair first), else the main pair.
    Cities are places, not parties."""
    main = view.main_pair
    parties = [p for p in dict.fromkeys(found) if p]
    if len(parties) >= 2:
        inside = [p for p in parties if p in main]
        return (inside + [p for p in parties if p not in inside])[:2] if len(parties) > 2 else parties[:2]
    pair = view.pair_in(sent.start_char, sent.end_char)
    if pair and (not parties or parties[0] in pair):
        return pair
    named = [a for a in view.actors_in(sent.start_char, sent.end_char) if a.kind in ("country", "igo", "person")]
    if near is not None:
        named.sort(key=lambda a: abs(a.start - near))
    codes = [c for c in dict.fromkeys(a.code for a in named) if c not in parties]
    codes.sort(key=lambda c: c not in main)  # stable: main-pair parties first, then by distance
    if parties:
        other = next((c for c in codes if c in main), None) or view.other_party(parties[0]) or \
            (codes[0] if codes else None)
        return [parties[0], other] if other and other != parties[0] else None
    if len(codes) >= 2:
        return codes[:2]
    if len(codes) == 1:
        other = view.other_party(codes[0])
        return [codes[0], other] if other else None
    return main if len(main) == 2 and view.pair_settled else None


def _ends_with_word(text: str, words: Collection[str]) -> bool:
    """Does the text end with one of the words and a space ("à " before "Hanoï")?"""
    return any(text.endswith(w + " ") for w in words)


def topics_in(view: DocView, start: int, end: int) -> list[str]:
    """Sectors named in a span of text, mapped through the topic table, in order of mention."""
    text = view.folded[start:end]
    found: dict[str, int] = {}
    for word, topic in view.lex.topics:
        i = text.find(word)
        while i >= 0:
            if i == 0 or not text[i - 1].isalnum():
                found[topic] = min(found.get(topic, i), i)
                break
            i = text.find(word, i + 1)
    return [t for t, _ in sorted(found.items(), key=lambda kv: kv[1])]


def person_names(actors: list[Actor]) -> list[str]:
    """Full names of the people among actors, once each, in order."""
    out = []
    for a in actors:
        if a.kind == "person" and a.person and a.person.get("name") and a.person["name"] not in out:
            out.append(a.person["name"])
    return out


def sentence_evidence(sent: Span) -> tuple[int, int]:
    text = sent.text
    start = sent.start_char + (len(text) - len(text.lstrip()))
    return start, sent.start_char + len(text.rstrip())



def last_person_before(view: DocView, offset: int, window: int = 600) -> Actor | None:
    """The person most recently named before an offset (for "il", "sa visite")."""
    people = [a for a in view.actors if a.kind == "person" and a.end <= offset and offset - a.end < window]
    return people[-1] if people else None


def subject_party(view: DocView, verb: Token, climb: int = 3) -> Actor | None:
    """The party acting as the verb's subject; a pronoun subject is the last person named.
    Infinitives and participles take the subject of the clause above them ("la Turquie a
    été le premier pays à reconnaître ...")."""
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubj:pass"):
            a = view.party_below(c)
            if a is not None:
                return a
            if fold(c.text) in view.lex.words["pronouns"]:
                return last_person_before(view, c.idx)
    if verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i:
        return subject_party(view, verb.head)
    if verb.dep_ in ("acl", "acl:relcl") and verb.head.i != verb.i:
        a = view.party_below(verb.head, depth=1)  # "M. Akufo-Addo, arrivé dans la matinée"
        if a is not None:
            return a
    if climb > 0 and verb.head.i != verb.i and verb.dep_ in ("acl", "xcomp", "advcl", "obl", "obl:arg", "nmod", "ccomp"):
        return subject_party(view, verb.head, climb - 1)
    return None


def children_with_case(tok: Token, cases: Collection[str], deps=("nmod", "obl", "obl:arg", "obl:mod", "obj")) -> list[Token]:
    """Children of a token introduced by one of the prepositions given."""
    out = []
    for c in tok.children:
        if c.dep_ in deps:
            case = [fold(x.text) for x in c.children if x.dep_ == "case"]
            if any(k in cases for k in case):
                out.append(c)
    return out


def negated(view: DocView, tok: Token) -> bool:
    """"sans rompre les liens", "n'a pas signé": the fact is denied."""
    words = set(view.lex.triggers["negation"])
    verb = governing_verb(tok) or tok
    for t in (tok, verb):
        if any(fold(c.text) in words and c.dep_ in ("advmod", "mark", "case", "cc") for c in t.children):
            return True
    return False


def anaphoric(tok: Token, lex: Lexicon) -> bool:
    """"cette visite", "ces entretiens": a fact already told, not a new one."""
    words = lex.words["demonstratives"]
    return any(c.dep_ == "det" and fold(c.text) in words for c in tok.children)


def short_interval(d, max_days: int = 40) -> bool:
    """A date that can be the days of a visit or a meeting: not a plan's period ("2023-2025");
    a year or a month is fine when that is all the text says ("En 2011, X s'est rendu à Hanoï")."""
    if d is None or d.interval is None:
        return False
    return d.kind != "span" or d.interval.days <= max_days
