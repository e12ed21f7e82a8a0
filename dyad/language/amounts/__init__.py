"""Money amounts and percentages: find them in raw text and normalise them.

All vocabulary (number words, scales, currencies, qualifiers, change words) is the
lexicon's (``Lexicon.amounts``, ``dyad/lang/<lang>/amounts.json``): ``find_amounts(text, lex)``,
``find_percents(text, lex)``, ``parse_number(words, lex)``.

The parts:

- ``grammar``: the vocabulary compiled, once per lexicon, into tables and regexes;
- ``numbers``: figures in digits or words, with their scales;
- ``money``: amounts, with currency, qualifier, threshold and ranges;
- ``percents``: percentages and the direction of change they state.
"""
from .money import QUALIFIERS, AmountMatch, find_amounts
from .numbers import parse_number
from .percents import PercentMatch, find_percents

__all__ = ["QUALIFIERS", "AmountMatch", "PercentMatch", "find_amounts", "find_percents", "parse_number"]
