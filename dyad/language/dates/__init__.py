"""Date expressions: find them in text and resolve each to an inclusive interval.

Resolution uses a reference (the publication date, a day or a whole year) and the tense of
the verb governing each expression: "effectuera une visite le 31 octobre" is the next
31 October, "a signé le 31 octobre" the last one. Every word is the lexicon's
(``Lexicon.dates``, ``dyad/lang/<lang>/dates.json``): ``find_dates(text, ref, tense, lex=lex)``.

Matching works in two levels. One regex finds *atoms* (a day and month, a year, a weekday,
"hier", "l'an dernier", "premier semestre 2024", a range "du 20 au 22 août"...); words in
front of an atom then widen it: an edge ("fin mars", "la fin de l'année"), a deadline
("d'ici 2030"), or a past signal ("depuis 1992", not part of the extent).

The parts, in the order a match goes through them:

- ``grammar``: the vocabulary compiled, once per lexicon, into the atom regexes;
- ``find``: the scan over a text and the public ``find_dates``;
- ``context``: what resolution needs (reference, tense, the dates seen so far);
- ``rules``: one rule per kind of atom, from regex match to interval;
- ``intervals``: the calendar arithmetic;
- ``edges``: the edge and deadline words that widen an atom.
"""
from .context import Found, Piece, Tense
from .find import DateMatch, find_dates, scan

__all__ = ["DateMatch", "Found", "Piece", "Tense", "find_dates", "scan"]
