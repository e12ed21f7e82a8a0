"""Figures: their value in digits ("38 000", "1.200.000", "146,3") or in words
("quatre-vingt-dix"), with the scale words after them ("1,5 milliard", "2 Mds").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...lang import Lexicon
from .grammar import GAP, Grammar, grammar, norm


@dataclass
class Core:
    """A figure with its scales: "1,5 milliard", "six cents millions", "le demi-milliard"."""

    start: int
    end: int
    value: float
    scale: float  # the largest scale word applied, 1.0 when none
    plain_end: int  # where the figure ends without a scale that needs a currency
    plain_value: float
    short_scale: bool  # the scale is "M" or "k", valid only next to a currency
    bare: bool  # no figure, only a scale word ("le milliard")


_GAP_RE = re.compile(GAP)
_DOTTED_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")


def tidy(value: float) -> float:
    """Drop binary noise from scaling: 66,1 milliards is 66100000000.0, not ...99999.99999."""
    return float(f"{value:.15g}")


def digits_value(figure: str) -> float:
    """Value of a figure in French notation: spaces and dotted groups separate thousands."""
    if figure.isdigit():
        return float(figure)
    figure = _GAP_RE.sub("", figure)
    if _DOTTED_THOUSANDS.fullmatch(figure):
        figure = figure.replace(".", "")
    return float(figure.replace(",", "."))


def words_value(phrase: str, g: Grammar) -> float:
    """Value of a run of number words: 'cent' multiplies, 'mille' closes a thousands group."""
    single = g.number_words.get(phrase)
    if single is not None:  # one word, by far the most common ("un", "deux")
        return float(single)
    total, group = 0.0, 0.0
    for m in g.word_re.finditer(phrase):
        token = norm(m.group()).lower()
        if token in g.hundreds:
            group = max(group, 1.0) * 100
        elif token in g.thousands:
            total += max(group, 1.0) * 1000
            group = 0.0
        else:
            group += g.number_words.get(m.group())
    return total + group


def figure_value(figure: str, g: Grammar) -> float:
    """The value of a matched figure, digits or words."""
    return digits_value(figure) if figure[0].isdigit() else words_value(figure, g)


def _figure_at(text: str, pos: int, g: Grammar) -> tuple[int, float] | None:
    """The figure starting exactly at pos, as (end, value)."""
    m = g.number_re.match(text, pos)
    return (m.end(), figure_value(m.group(), g)) if m else None


@dataclass
class _Scale:
    """A scale word after a figure: 'milliards', 'Mds', 'M' (with 'et demi' when written)."""

    end: int
    factor: float
    half: bool  # "deux milliards et demi": add half a scale
    short: bool  # "M", "k": a scale only next to a currency


def _scale_at(text: str, pos: int, g: Grammar) -> _Scale | None:
    """The scale word right after pos, if any."""
    m = g.scale_re.match(text, pos)
    if not m:
        return None
    factor = float(g.scales.get(m.group("item")))
    half = g.half_re.match(text, m.end())
    if half:
        return _Scale(half.end(), factor, True, False)
    return _Scale(m.end(), factor, False, m.group("item") in g.short_scales)


def core_at(text: str, pos: int, g: Grammar, bare: bool) -> Core | None:
    """The figure and scales at pos; a bare scale word counts as one of it."""
    if bare:
        scale = _scale_at(text, pos, g)
        if not scale:
            return None
        value = scale.factor * (1.5 if scale.half else 1.0)
        return Core(pos, scale.end, value, scale.factor, scale.end, value, False, True)
    figure = _figure_at(text, pos, g)
    return scaled_core(text, pos, figure[0], figure[1], g) if figure else None


def scaled_core(text: str, start: int, end: int, value: float, g: Grammar) -> Core:
    """A figure with the scale words that follow it."""
    core = Core(start, end, value, 1.0, end, value, False, False)
    scale = _scale_at(text, end, g)
    if scale:
        core.end, core.scale, core.short_scale = scale.end, scale.factor, scale.short
        core.value = (value + (0.5 if scale.half else 0.0)) * scale.factor
        _add_lower_scales(text, core, g)
    return core


_SPACES = re.compile(GAP + "+")


def _add_lower_scales(text: str, core: Core, g: Grammar) -> None:
    """'1 milliard 200 millions': add figures with smaller scales that follow."""
    while True:
        gap = _SPACES.match(text, core.end)
        figure = _figure_at(text, gap.end(), g) if gap else None
        if not figure or figure[1] >= 1000:
            return
        scale = _scale_at(text, figure[0], g)
        if not scale or scale.factor >= core.scale or scale.short or scale.half:
            return
        core.value += figure[1] * scale.factor
        core.end = scale.end


def parse_number(words: str, lex: Lexicon) -> float | None:
    """The value of a figure with its scales: 'six cents millions' -> 6e8, '1,5' -> 1.5."""
    g = grammar(lex)
    text = words.strip()
    det = g.leading_det_re.match(text)
    start = det.end() if det else 0
    core = core_at(text, start, g, bare=False) or core_at(text, start, g, bare=True)
    if core is None or core.end != len(text):
        return None
    return tidy(core.value)
