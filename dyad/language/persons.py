"""People: names from spaCy's NER and from titles of office in apposition, each with a role
and a country; short and title-only mentions linked to the full name the document gives.
The honorifics, name particles and the small words between a title and a name are the
lexicon's (``Lexicon.references``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..lang import Lexicon
from ..lang.text import fold, person_key as name_key
from .gazetteer import GazMatch, gazetteer_for

# Ranks whose bare title ("le président kazakh") names a person worth recording.
PERSON_RANKS = {"head_of_state", "head_of_government", "minister", "diplomat", "official", "generic"}
LINK_ROLES = {"counterpart", "leader"}


@dataclass
class PersonMention:
    """A mention of a person: the span, the name part of it, and what we know of them."""

    start: int
    end: int
    name: str | None  # the name as written here (no title)
    role: str | None
    country: str | None
    title_start: int | None = None  # the title's span, when a title goes with the mention
    title_end: int | None = None
    group: "PersonGroup | None" = None


@dataclass
class PersonGroup:
    """One person: all the mentions of one name in a document."""

    key: str
    names: list[str] = field(default_factory=list)
    role: str | None = None
    country: str | None = None
    first: int = 0

    @property
    def full_name(self) -> str | None:
        return max(self.names, key=lambda n: (len(n.split()), len(n)), default=None)


def _is_name_token(tok: Token, particles: set[str]) -> bool:
    """A word that can be part of a person's name: capitalised, or a particle (van, al, ben),
    or the hyphen inside a compound first name ("Kassym-Jomart", split by the tokenizer)."""
    if fold(tok.text) in particles:
        return True
    if tok.text in ("-", "‑") and not tok.whitespace_ and tok.i > 0 and not tok.doc[tok.i - 1].whitespace_:
        return True
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    if prev is not None and prev.text in ("-", "‑") and not prev.whitespace_ and tok.text[:1].islower():
        return True  # "Suk-yeol", "Jae-in"
    return tok.text[:1].isupper() and any(c.isalpha() for c in tok.text) \
        and tok.pos_ not in ("DET", "PRON", "ADP", "CCONJ", "SCONJ", "AUX")


class PersonFinder:
    """Finds people in an analysed spaCy Doc, given the gazetteer's matches."""

    def __init__(self, lex: Lexicon) -> None:
        refs = lex.references
        self.gazetteer = gazetteer_for(lex)
        self.honorifics = {fold(h) for h in refs["honorifics"]}
        self.particles = {fold(p) for p in refs["name_particles"]}
        self.links = {fold(x) for x in refs["person_title_links"]}
        self.openers = [fold(x) for x in refs["portfolio_openers"]]
        links = "|".join(map(re.escape, refs["portfolio_links"]))
        self.portfolio_after_title = re.compile(rf"\b(?:{links})\s+[A-ZÀ-Ý].*$")
        self.portfolio_words = frozenset(refs["portfolio_words"])
        self.apposition_articles = frozenset(refs["apposition_articles"])
        self.title_country_links = frozenset(refs["title_country_links"])

    # -- spans --------------------------------------------------------------------------
    def _covered(self, doc: Doc, matches: list[GazMatch]) -> dict[int, GazMatch]:
        """Token index -> the gazetteer match covering it (cities aside: "Noursoultan" is
        also a first name, and a name is read from the NER and the title's position)."""
        out: dict[int, GazMatch] = {}
        for m in matches:
            if m.kind == "city":
                continue
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None:
                for t in span:
                    out.setdefault(t.i, m)
        return out

    def _role(self, doc: Doc, title: GazMatch, upto: int) -> str:
        """The title's role, with a portfolio named after a demonym: "ministre allemande des
        Affaires étrangères" is a foreign minister."""
        between = self._text[title.end:upto].strip(" ,")
        m = self.portfolio_after_title.search(between)
        if not m:
            return title.value
        phrase = self._text[title.start:title.end] + " " + m.group(0).strip(" ,")
        hits = [h for h in self.gazetteer.find(phrase) if h.kind == "title" and h.start == 0]
        best = max(hits, key=lambda h: h.end, default=None)
        return best.value if best is not None and best.end > len(self._text[title.start:title.end]) else title.value

    def _portfolio(self, doc: Doc, i: int) -> int:
        """"(ministre allemande) des Affaires étrangères": the end of a portfolio after a demonym."""
        text = fold(self._text[doc[i].idx:doc[i].idx + 12]) if i < len(doc) else ""
        if not any(text.startswith(o + " ") or text.startswith(o) and o.endswith("'") for o in self.openers):
            return i
        j = i + 1
        while j < len(doc) and doc[j].ent_type_ != "PER" and doc[j].text[:1] not in ",(;." and (
                doc[j].text[:1].isupper() or doc[j].pos_ == "ADJ" or fold(doc[j].text) in self.portfolio_words):
            j += 1
        while j > i + 1 and fold(doc[j - 1].text) in self.portfolio_words:
            j -= 1
        return j if j > i + 1 and doc[i + 1].text[:1].isupper() else i

    def _name_after(self, doc: Doc, i: int, covered: dict[int, GazMatch]) -> tuple[int, int, str | None]:
        """From token i, skip a title's complement and read a name: (name_start, name_end, country)."""
        country = None
        sent_end = doc[i - 1].sent.end if i > 0 else len(doc)
        while i < sent_end:
            tok = doc[i]
            m = covered.get(tok.i)
            if m is not None and m.kind in ("country", "demonym", "igo"):
                # "le secrétaire général de l'ONU": an organisation's official stands for it
                country = country or m.value
                i += 1
                if m.kind == "demonym":
                    i = self._portfolio(doc, i)
                continue
            if fold(tok.text) in self.links and i + 1 < sent_end:
                i += 1
                continue
            break
        j = i
        while j < sent_end and _is_name_token(doc[j], self.particles) and covered.get(j) is None:
            j += 1
        while j > i and fold(doc[j - 1].text) in self.particles:
            j -= 1
        if j > i and any(doc[k].text[:1].isupper() for k in range(i, j)):
            return i, j, country
        return -1, -1, country

    def _trim(self, doc: Doc, start: int, end: int, covered: dict[int, GazMatch]) -> tuple[int, int]:
        """Drop titles, honorifics and lower-case words from the left of an NER span."""
        while start < end and (covered.get(start) is not None or doc[start].text[:1].islower()
                               or fold(doc[start].text) in self.honorifics
                               or not any(c.isalpha() for c in doc[start].text)):
            start += 1
        while end > start and not any(c.isalpha() for c in doc[end - 1].text):
            end -= 1
        return start, end

    def find(self, doc: Doc, matches: list[GazMatch]) -> list[PersonMention]:
        """Every person mention in the document, linked into groups (one per person)."""
        self._text = doc.text  # spaCy rebuilds doc.text on every access: read it once per document
        covered = self._covered(doc, matches)
        titles = [m for m in matches if m.kind == "title"]
        by_start: dict[int, PersonMention] = {}
        used_titles: set[int] = set()
        # Titles followed by a name: "le président du Kazakhstan Noursoultan Nazarbaïev"
        for t in titles:
            span = doc.char_span(t.start, t.end, alignment_mode="expand")
            if span is None:
                continue
            ns, ne, country = self._name_after(doc, span.end, covered)
            if ns < 0:
                continue
            name = doc[ns:ne].text
            pm = PersonMention(doc[ns].idx, doc[ne - 1].idx + len(doc[ne - 1]), name,
                               self._role(doc, t, doc[ns].idx), country or t.country, t.start, t.end)
            by_start[pm.start] = pm
            used_titles.add(t.start)
        places = {(m.start, m.end) for m in matches if m.kind in ("city", "country")}
        # NER names, titles trimmed off; "Washington a condamné": a capital, not a person
        for ent in doc.ents:
            if ent.label_ not in ("PER", "PERSON") or (ent.start_char, ent.end_char) in places:
                continue
            s, e = self._trim(doc, ent.start, ent.end, covered)
            if s >= e:
                continue
            start, end = doc[s].idx, doc[e - 1].idx + len(doc[e - 1])
            if any(p.start <= start < p.end or start <= p.start < end for p in by_start.values()):
                continue
            by_start[start] = PersonMention(start, end, doc.char_span(start, end).text, None, None)
        for tok in doc:  # "M. Ouattara": an honorific and a capitalised word are a name
            if fold(tok.text) in self.honorifics and tok.i + 1 < len(doc):
                j = tok.i + 1
                while j < len(doc) and _is_name_token(doc[j], self.particles) and covered.get(j) is None \
                        and j - tok.i <= 4:
                    j += 1
                if j > tok.i + 1:
                    start, end = doc[tok.i + 1].idx, doc[j - 1].idx + len(doc[j - 1])
                    if not any(p.start <= start < p.end or start <= p.start < end for p in by_start.values()):
                        by_start[start] = PersonMention(start, end, self._text[start:end], None, None)
        self._names_before_titles(doc, titles, covered, used_titles, by_start)
        people = sorted(by_start.values(), key=lambda p: p.start)
        for p in people:  # "ghanéen Nana Akufo-Addo": a demonym right before the name
            if p.country is None:
                span = doc.char_span(p.start, p.end, alignment_mode="expand")
                m = covered.get(span.start - 1) if span is not None and span.start > 0 else None
                if m is not None and m.kind in ("demonym", "country"):
                    p.country = m.value
        self._post_appositions(doc, people, titles, covered, used_titles)
        groups = self._group(people)
        self._counterpart_roles(people)
        people += self._repeats(doc, groups, people)
        bare = self._bare_titles(doc, titles, used_titles, covered, groups, people)
        return sorted(people + bare, key=lambda p: p.start)

    def _names_before_titles(self, doc: Doc, titles: list[GazMatch], covered: dict[int, GazMatch],
                             used: set[int], by_start: dict[int, "PersonMention"]) -> None:
        """"Kassym-Jomart Tokaïev, président du Kazakhstan, est arrivé": a name, a comma, a title."""
        for t in titles:
            span = doc.char_span(t.start, t.end, alignment_mode="expand")
            if span is None or span.start < 2 or doc[span.start - 1].text != ",":
                continue
            j = span.start - 1
            i = j
            while i > 0 and _is_name_token(doc[i - 1], self.particles) and covered.get(i - 1) is None:
                i -= 1
            while i < j and (fold(doc[i].text) in self.particles or doc[i].text in ("-", "‑")):
                i += 1
            if i >= j or not doc[i].text[:1].isupper() or (j - i == 1 and doc[i].is_sent_start):
                continue
            start, end = doc[i].idx, doc[j - 1].idx + len(doc[j - 1])
            if any(p.start <= start < p.end or start <= p.start < end for p in by_start.values()):
                continue
            _, _, country = self._name_after(doc, span.end, covered)
            stop = next((x.idx for x in doc[span.end:] if x.text in (",", ".", ";")), len(self._text))
            by_start[start] = PersonMention(start, end, self._text[start:end], self._role(doc, t, stop),
                                            country or t.country, t.start, t.end)
            used.add(t.start)

    def _repeats(self, doc: Doc, groups: list[PersonGroup], people: list[PersonMention]) -> list[PersonMention]:
        """Names of people already found, where the NER missed them ("Sonexay Siphandone" again)."""
        taken = [(p.start, p.end) for p in people]
        out = []
        for g in groups:
            forms = sorted({n for n in g.names if n} | {n.split()[-1] for n in g.names if n and len(n.split()[-1]) > 3},
                           key=len, reverse=True)
            for form in forms:
                for m in re.finditer(r"(?<![\w-])" + re.escape(form) + r"(?![\w-])", self._text):
                    a, b = m.start(), m.end()
                    if any(x < b and a < y for x, y in taken):
                        continue
                    taken.append((a, b))
                    out.append(PersonMention(a, b, form, g.role, g.country, group=g))
        return out

    @staticmethod
    def _counterpart_roles(people: list["PersonMention"]) -> None:
        """"son homologue ivoirien Alassane Ouattara" holds the office of the person he faces."""
        for n, p in enumerate(people):
            if p.role != "counterpart":
                continue
            other = next((q for q in reversed(people[:n]) if q.group is not p.group and q.role
                          and q.role != "counterpart"), None)
            if other is not None:
                p.role = other.role
                if p.group is not None and p.group.role in (None, "counterpart"):
                    p.group.role = other.role

    def _post_appositions(self, doc: Doc, people: list[PersonMention], titles: list[GazMatch],
                          covered: dict[int, GazMatch], used: set[int]) -> None:
        """"Kassym-Jomart Tokaïev, président du Kazakhstan" and "Tokaïev, chef d'État du Kazakhstan"."""
        by_char = {t.start: t for t in titles}
        for p in people:
            span = doc.char_span(p.start, p.end, alignment_mode="expand")
            if span is None:
                continue
            k = span.end
            while k < len(doc) and (doc[k].text in (",", "(") or fold(doc[k].text) in self.apposition_articles):
                k += 1
            if k >= len(doc) or k == span.end or doc[k].idx not in by_char:
                continue
            t = by_char[doc[k].idx]
            tspan = doc.char_span(t.start, t.end, alignment_mode="expand")
            _, _, country = self._name_after(doc, tspan.end, covered)
            stop = next((x.idx for x in doc[tspan.end:] if x.text in (",", ".", ";")), len(self._text))
            p.role = p.role or self._role(doc, t, stop)
            p.country = p.country or country
            used.add(t.start)

    def _group(self, people: list[PersonMention]) -> list[PersonGroup]:
        groups: dict[str, PersonGroup] = {}
        firsts: dict[str, str] = {}  # first word of a full name -> its group ("M. Yoon", "M. Xi")
        # longer names first, so a short "Tokaïev" joins "Kassym-Jomart Tokaïev"
        for p in sorted(people, key=lambda p: -len((p.name or "").split())):
            words = p.name.split() if p.name else []
            key = name_key(words[-1]) if words else ""
            if not key:
                continue
            if len(words) == 1 and key not in groups and key in firsts:
                key = firsts[key]  # surname first (Korean, Chinese, Vietnamese) or a usual name ("Lula")
            if len(words) > 1:
                for w in words[:-1]:
                    if fold(w) not in self.particles and len(w) >= 2:
                        firsts.setdefault(name_key(w), key)
            g = groups.get(key)
            if g is None:
                g = groups[key] = PersonGroup(key, first=p.start)
            g.names.append(p.name)
            g.first = min(g.first, p.start)
            g.role = g.role or p.role
            g.country = g.country or p.country
            p.group = g
        for p in people:
            if p.group is not None:
                p.role = p.role or p.group.role
                p.country = p.country or p.group.country
        return sorted(groups.values(), key=lambda g: g.first)

    def _bare_titles(self, doc: Doc, titles: list[GazMatch], used: set[int], covered: dict[int, GazMatch],
                     groups: list[PersonGroup], people: list[PersonMention]) -> list[PersonMention]:
        """Titles with no name: "son homologue vietnamien", "le dirigeant kazakh"."""
        out = []
        for t in titles:
            if t.start in used or t.rank not in PERSON_RANKS and t.value not in LINK_ROLES:
                continue
            span = doc.char_span(t.start, t.end, alignment_mode="expand")
            if span is None or "Plur" in span.root.morph.get("Number"):
                continue  # "les deux présidents" speaks of both sides, not of one person
            k, country, end = span.end, None, t.end
            while k < len(doc) and k < span.end + 4:
                m = covered.get(k)
                if m is not None and m.kind in ("country", "demonym"):
                    country, end = m.value, doc[k].idx + len(doc[k])
                    k += 1
                    continue
                if fold(doc[k].text) in self.title_country_links and k + 1 < len(doc) \
                        and covered.get(k + 1) is not None and covered[k + 1].kind in ("country", "demonym"):
                    k += 1
                    continue
                break
            country = country or t.country  # "le pape": an office of one country
            before = sorted((p for p in people if p.end <= t.start and p.group is not None), key=lambda p: p.start)
            group = self._resolve(t, country, groups, before)
            if group is None and country is None and t.value not in LINK_ROLES:
                continue
            role = t.value
            if t.value in LINK_ROLES and group is not None:
                role = group.role or role
            pm = PersonMention(t.start, end, None, role, country or (group.country if group else None),
                               t.start, t.end, group)
            out.append(pm)
        return out

    @staticmethod
    def _resolve(title: GazMatch, country: str | None, groups: list[PersonGroup],
                 before: list[PersonMention]) -> PersonGroup | None:
        candidates = [g for g in groups if country is None or g.country == country]
        if title.value == "counterpart":
            # "son homologue": the person of the other side, most recently named
            last = before[-1].group if before else None
            others = [p.group for p in reversed(before) if last is None or p.group.country != last.country]
            # a person of known country first: one of unstated country may be of either side
            others = [g for g in others if g.country is not None] + [g for g in others if g.country is None]
            if country is not None:
                others = [g for g in others if g.country == country] or candidates
            return others[0] if others else None
        same_role = [g for g in candidates if g.role == title.value]
        if title.value == "leader":
            same_role = candidates
        recent = [p.group for p in reversed(before) if p.group in same_role]
        if recent:
            return recent[0]
        return same_role[0] if len(same_role) == 1 and country is not None else None
