"""Percentages, with the direction of change the words around them state
("en hausse de 3 %", "+12 %", "a reculé de 10 à 15 %").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...lang import Lexicon
from .grammar import PREFIX_REACH, Grammar, grammar, norm
from .numbers import figure_value


@dataclass
class PercentMatch:
    """A percentage found in text, with the direction of change it states, if any."""

    start: int
    end: int
    text: str
    value: float
    direction: str | None


# Where a phrase written before a figure may begin: any non-space not inside a word.
_CANDIDATE = re.compile(r"(?<!\w)\S")


def _ending_at(pattern: re.Pattern[str], text: str, lo: int, end: int) -> re.Match[str] | None:
    """The leftmost match of pattern that ends exactly at end, tried only at word starts.

    Anchoring at a few word starts is far cheaper than pattern.search over the window,
    which would try every alternative of the big phrase lists at every character.
    """
    for cand in _CANDIDATE.finditer(text, lo, end):
        m = pattern.fullmatch(text, cand.start(), end)
        if m and m.end() > m.start():
            return m
    return None


def _direction_before(text: str, lo: int, start: int, g: Grammar) -> str | None:
    """Change words right before a figure: 'en hausse de', 'a reculé de', 'a gagné'."""
    m = _ending_at(g.dir_before_re, text, lo, start)
    if m:
        return g.directions.get(m.group("t"))
    m = _ending_at(g.dir_direct_re, text, lo, start)
    return g.direct_directions.get(m.group("t")) if m else None


def _percent_range_first(text: str, lo: int, start: int, second: float,
                         g: Grammar) -> re.Match[str] | None:
    """The first bound of '10 à 15 %' or 'entre 10 et 15 %', when there is one."""
    m = _ending_at(g.percent_range_re, text, lo, start)
    if not m:
        return None
    needed = g.data["range_joiners"].get(m.group("j").lower(), "")
    opener = g.opener_re.search(text, max(lo, m.start() - 8), m.start())
    opener_word = norm(opener.group("o")).lower() if opener else ""
    if needed and not g.opener_fits(needed, opener_word):
        return None
    if not needed and figure_value(m.group("num"), g) > second:
        return None
    return m


def find_percents(text: str, lex: Lexicon) -> list[PercentMatch]:
    """All percentages in text, in order, with 'up'/'down' when a change word states it."""
    g = grammar(lex)
    found: list[PercentMatch] = []
    last_end = 0
    for sign in g.percent_re.finditer(text):
        lo = max(last_end, sign.start() - PREFIX_REACH)
        m = _ending_at(g.percent_num_re, text, lo, sign.start())
        if not m:
            continue
        value = figure_value(m.group("num"), g)
        first = _percent_range_first(text, lo, m.start(), value, g)
        head = first.start() if first else m.start()
        direction = _sign_direction(m, g) or _direction_before(text, max(last_end, head - PREFIX_REACH), head, g)
        after = g.dir_after_re.match(text, sign.end())
        if direction is None and after:
            direction = g.after_directions.get(after.group("t"))
        if direction is None and found:
            direction = _listed_direction(text, found[-1], head, g)
        if first:
            f_end = first.end("num")
            found.append(PercentMatch(first.start(), f_end, text[first.start():f_end],
                                      figure_value(first.group("num"), g), direction))
        found.append(PercentMatch(m.start(), sign.end(), text[m.start():sign.end()], value, direction))
        last_end = sign.end()
    return found


def _listed_direction(text: str, prev: PercentMatch, head: int, g: Grammar) -> str | None:
    """'en hausse de 0,6 % en un mois et de 1,3 % en un an': the second is up too."""
    if prev.direction is None or head - prev.end > g.data["direction_list_reach"]:
        return None
    return prev.direction if g.dir_list_re.fullmatch(text, prev.end, head) else None


def _sign_direction(m: re.Match[str], g: Grammar) -> str | None:
    """'+12 %' is up, '-3 %' down."""
    return g.data["signs"].get(m.group("sign")) if m.group("sign") else None
