"""A view of an analysed document for the extractors: which party each token stands for,
the dates, amounts and people of each sentence, the pair the document is about, and the
language's tables (``view.lex``, its ``Lexicon``; ``view.words(name)`` for function words).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Token

from ..lang import Lexicon
from ..lang.text import fold
from ..model import Document


@lru_cache(maxsize=None)
def folded_words(lex: Lexicon, name: str) -> frozenset[str]:
    """A named list of function words (``lex.words``) as the folded text writes them ("à" -> "a")."""
    return frozenset(fold(w) for w in lex.words[name])


@dataclass
class Actor:
    """A party (country or organisation) as named at some place in the text."""

    code: str
    start: int
    end: int
    kind: str  # country, igo, person, place, pair
    person: dict | None = None  # for a person: {"name", "role", "country"}
    city: str | None = None  # for a place: the city's English name


@dataclass
class DocView:
    """What the extractors need of one analysed document."""

    document: Document
    doc: Doc
    lex: Lexicon  # the language's tables: triggers (``lex.triggers``), function words (``lex.words``)
    actors: list[Actor] = field(default_factory=list)
    pairs: list[tuple[int, int, list[str]]] = field(default_factory=list)  # "les deux pays"
    token_actor: dict[int, Actor] = field(default_factory=dict)
    folded: str = ""
    raw: str = ""

    @classmethod
    def build(cls, document: Document, doc: Doc, lex: Lexicon) -> "DocView":
        raw = doc.text  # spaCy rebuilds doc.text on every access: read it once
        view = cls(document, doc, lex, folded=fold(raw), raw=raw)
        for m in doc._.mentions:
            v = m.value
            if m.kind == "country" and isinstance(v, list):
                view.pairs.append((m.start, m.end, v))
                continue
            if m.kind in ("country", "igo") and isinstance(v, str):
                a = Actor(v, m.start, m.end, m.kind)
            elif m.kind == "person":
                # a person whose country the text does not give is kept: in a bilateral
                # article, they stand for the side the other party is not
                a = Actor(v.get("country") or "", m.start, m.end, "person", person=v)
            elif m.kind == "place" and v.get("country"):
                a = Actor(v["country"], m.start, m.end, "place", city=v["name"])
            else:
                continue
            view.actors.append(a)
        view.actors.sort(key=lambda a: a.start)
        # "sous l'égide des Nations unies": a mediator or host of talks is no party to them
        bystanders = lex.words["bystanders"]
        view.actors = [a for a in view.actors if not any(
            c in view.folded[max(0, a.start - 22):a.start] for c in bystanders)]
        view._disambiguate()
        view._counterparts()
        for a in view.actors:
            span = doc.char_span(a.start, a.end, alignment_mode="expand")
            if span is not None:
                for t in span:
                    # a person's mention wins over the demonym inside its title
                    if t.i not in view.token_actor or a.kind == "person":
                        view.token_actor[t.i] = a
        return view

    def _disambiguate(self) -> None:
        """"congolais" in an article about the DR Congo means the DR Congo (and so does
        "le chef de l'État congolais")."""
        table = self.lex.ambiguous
        surface = {id(a): fold(self.raw[a.start:a.end]).strip() for a in self.actors}
        clear = {a.code for a in self.actors if a.kind != "person" and surface[id(a)] not in table}
        remap: dict[str, str] = {}
        for a in self.actors:
            cands = table.get(surface[id(a)])
            if cands and a.code == cands[0] and a.code not in clear:
                other = [c for c in cands[1:] if c in clear]
                if len(other) == 1:
                    remap[a.code] = other[0]
        for a in self.actors:
            if a.code in remap:
                a.code = remap[a.code]
                if a.person is not None:
                    a.person = dict(a.person, country=a.code)
        pairs = []
        for s, e, pair in self.pairs:
            codes = list(dict.fromkeys(remap.get(c, c) for c in pair))
            if len(codes) == 2:
                pairs.append((s, e, codes))
            else:  # "les deux pays" read with the wrong Congo: the pair the article is about
                counts = Counter(a.code for a in self.actors if a.kind != "place" and a.code)
                top = [c for c, _ in counts.most_common(2)]
                if len(top) == 2:
                    pairs.append((s, e, top))
        self.pairs = pairs

    def _counterparts(self) -> None:
        """"son homologue Kaïs Saïed": the other side of the person last named, in the
        document's pair; the name then carries that country wherever it recurs."""
        pair = self.main_pair
        resolved: dict[str, tuple[str, str | None]] = {}
        last: Actor | None = None
        for a in list(self.actors):
            p = a.person
            if p is not None and not a.code and p.get("role") == "counterpart":
                if p.get("name") in resolved:
                    code, role = resolved[p["name"]]
                elif last is not None and len(pair) == 2 and last.code in pair:
                    code = pair[0] if last.code == pair[1] else pair[1]
                    role = (last.person or {}).get("role")
                    resolved[p.get("name")] = (code, role)
                else:
                    continue
                a.code = code
                a.person = dict(p, country=code, role=role or p.get("role"))
            if a.kind == "person" and a.code:
                last = a

    # -- the document's pair ---------------------------------------------------------
    def _party_counts(self) -> Counter:
        counts = Counter(a.code for a in self.actors if a.kind != "place" and a.code)
        if len(counts) < 2:  # a dateline city names the host when the text does not
            counts.update(a.code for a in self.actors if a.kind == "place")
        for _, _, pair in self.pairs:
            counts.update(pair)
        return counts

    @property
    def main_pair(self) -> list[str]:
        """The two parties the document is most about (by how often each is named)."""
        return [c for c, _ in self._party_counts().most_common(2)]

    @property
    def pair_settled(self) -> bool:
        """Is the document about its main pair? Both sides are named more than once, or the
        second about as often as the first. A country named once in an article about
        another ("l'assaillant, de nationalité tunisienne") is no side to give a person
        whose country the text leaves unstated."""
        top = [c for c, _ in self._party_counts().most_common(2)]
        if len(top) < 2:
            return False
        # the names of countries, organisations and cities as the text writes them (a city
        # counts for its country: an article set in Paris is about France); not people, who
        # are told by the NER, which the pre-filter's focused analysis runs on part of the text
        named = Counter(a.code for a in self.actors if a.code and a.kind != "person")
        for _, _, pair in self.pairs:
            named.update(pair)
        first, second = sorted((named[c] for c in top), reverse=True)
        return second >= 2 or second * 3 >= first

    def other_party(self, code: str | None) -> str | None:
        """The other side of the document's main pair, when the document is about it."""
        if not self.pair_settled:
            return None
        pair = self.main_pair
        others = [c for c in pair if c != code]
        return others[0] if others and len(pair) == 2 else (others[0] if code is None and others else None)

    def words(self, name: str) -> frozenset[str]:
        """A named list of function words of the language, folded ("à" -> "a"): ``folded_words``."""
        return folded_words(self.lex, name)

    # -- sentences -------------------------------------------------------------------
    def actors_in(self, start: int, end: int, known: bool = True) -> list[Actor]:
        """Parties named in a span; ``known=False`` adds people of unstated country."""
        return [a for a in self.actors if start <= a.start and a.end <= end and (a.code or not known)]

    def actors_from(self, tok: Token) -> list[Actor]:
        """Parties named in a token's phrase (one that starts inside it counts: the parser may
        hang "unis" of "les Émirats arabes unis" elsewhere)."""
        start, end = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)
        return [a for a in self.actors if start <= a.start < end and a.code]

    def resolve(self, actor: Actor | None, other: str | None) -> Actor | None:
        """A person of unstated country facing a known party: the other side of the pair."""
        if actor is None or actor.code:
            return actor
        code = self.other_party(other) if other else None
        if not code or code == other:
            return None
        return Actor(code, actor.start, actor.end, actor.kind, person=dict(actor.person or {}, country=code))

    @property
    def dateline_city(self) -> Actor | None:
        """The city of the dateline ("Abidjan, 26 mars 2018 (AIP) –"), where the report is filed."""
        from ..language.sentences import dateline_cuts

        cuts = dateline_cuts(self.raw, self.lex)
        if not cuts:
            return None
        end = min(cuts)
        return next((a for a in self.actors if a.kind == "place" and a.end <= end), None)

    def pair_in(self, start: int, end: int) -> list[str] | None:
        for s, e, pair in self.pairs:
            if start <= s and e <= end:
                return pair
        return None

    def dates_in(self, start: int, end: int) -> list:
        return [d for d in (self.doc._.dates or []) if start <= d.start and d.end <= end and d.interval is not None]

    def amounts_in(self, start: int, end: int) -> list:
        return [a for a in (self.doc._.amounts or []) if start <= a.start and a.end <= end]

    def percents_in(self, start: int, end: int) -> list:
        return [p for p in (self.doc._.percents or []) if start <= p.start and p.end <= end]

    def persons_in(self, start: int, end: int, known: bool = True) -> list[Actor]:
        return [a for a in self.actors if a.kind == "person" and start <= a.start and a.end <= end
                and (a.code or not known)]

    def text(self, start: int, end: int) -> str:
        return self.raw[start:end]

    def fold_has(self, start: int, end: int, phrases) -> str | None:
        """The first of the phrases found (as whole words) in the folded text span."""
        chunk = " " + self.folded[start:end] + " "
        for p in phrases:
            i = chunk.find(p)
            while i >= 0:
                before, after = chunk[i - 1], chunk[i + len(p):i + len(p) + 1]
                if not before.isalnum() and not (after.isalnum() and p[-1].isalnum()):
                    return p
                i = chunk.find(p, i + 1)
        return None

    # -- tokens ------------------------------------------------------------------------
    def actor_of(self, tok: Token) -> Actor | None:
        return self.token_actor.get(tok.i)

    def party_below(self, tok: Token, depth: int = 3, skip: set[int] | None = None) -> Actor | None:
        """The nearest party named in the token's phrase (breadth-first, a few levels down)."""
        frontier, seen = [tok], set(skip or ())
        unknown = None
        for _ in range(depth + 1):
            nxt = []
            for t in frontier:
                if t.i in seen:
                    continue
                seen.add(t.i)
                a = self.actor_of(t)
                if a is not None and a.code:
                    return a
                if a is not None and unknown is None:
                    unknown = a
                nxt += [c for c in t.children if c.dep_ not in ("acl:relcl", "advcl", "ccomp", "parataxis", "punct")]
            frontier = nxt
        return unknown

    def pair_below(self, tok: Token) -> list[str] | None:
        """"les deux pays" within a token's phrase."""
        for t in tok.subtree:
            for s, e, pair in self.pairs:
                if s <= t.idx < e:
                    return pair
        return None
