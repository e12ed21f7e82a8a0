"""Money amounts: a figure with its currency, qualifier and threshold, in the shape
``[qualifier] [threshold] [determiner] [currency] NUMBER [scale [et demi]]* [de] [currency|unit]``;
ranges ("entre 500 et 600 millions de dollars"), and a currency carried to the figures
that follow in the sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...lang import Lexicon
from .grammar import PREFIX_REACH, Grammar, grammar, norm
from .numbers import Core, core_at, figure_value, scaled_core, tidy

QUALIFIERS = ("exact", "approx", "more_than", "less_than")

# A sentence ends between two amounts: stops a currency from being carried over.
_SENTENCE_END = re.compile(r"[.!?…](?:\s|$)|\n")


@dataclass
class AmountMatch:
    """A money amount (or a measured quantity) found in text, normalised."""

    start: int
    end: int
    text: str
    value: float
    currency: str | None
    qualifier: str
    unit: str | None = None


@dataclass
class _Hit:
    """An amount being built, with what the currency carry needs to know."""

    match: AmountMatch
    scale: float
    carry: bool  # may take the currency of an earlier amount in the sentence
    money_word: bool  # names money, even when its currency is unknown


def _currency_after(text: str, pos: int, g: Grammar) -> tuple[int, str | None] | None:
    """A currency named right after pos, as (end, ISO code or None when ambiguous)."""
    m = g.currency_after_re.match(text, pos)
    if not m:
        return None
    return m.end(), g.currencies.get(m.group("item"))


def _unit_after(text: str, pos: int, g: Grammar) -> tuple[int, str] | None:
    """A measurement unit right after pos ('de tonnes', 'm3'), as (end, unit)."""
    m = g.unit_after_re.match(text, pos)
    if not m:
        return None
    return m.end(), g.units.get(m.group("item"))


def _is_count(text: str, pos: int, g: Grammar) -> bool:
    """'1,5 milliard d'habitants': a noun after 'de' makes the figure a count of things."""
    m = g.count_re.match(text, pos)
    return bool(m) and m.group("w").lower() not in g.non_count


def _bare_allowed(text: str, pos: int, g: Grammar) -> bool:
    """A scale word alone is a figure only after 'le', 'du', 'au' ('atteindre le milliard')."""
    return bool(g.bare_det_re.search(text, max(0, pos - 8), pos))


@dataclass
class _Texts:
    """The text and its reverse, for reading the words before a figure backwards."""

    text: str
    rev: str

    def before(self, pattern: re.Pattern[str], lo: int, start: int) -> re.Match[str] | None:
        """Match a reversed pattern on the words that end at start (not before lo)."""
        n = len(self.text)
        m = pattern.match(self.rev, n - start, n - lo)
        return m if m and m.end() > m.start() else None

    def start_of(self, m: re.Match[str] | None, group: str) -> int | None:
        """Where a group of a reversed match begins in the text."""
        if m is None or m.group(group) is None:
            return None
        return len(self.text) - m.end(group)


def _hit_from(texts: _Texts, core: Core, lo: int, g: Grammar) -> _Hit | None:
    """Build the amount around a figure, or None when it is no amount (a year, a count)."""
    text = texts.text
    if core.bare and not _bare_allowed(text, core.start, g):
        return None
    symbol = texts.before(g.currency_before_re, lo, core.start)
    code = g.currencies.get(symbol.group("cur")[::-1]) if symbol else None
    money_word = code is not None
    end, value, scale = core.end, core.value, core.scale
    after = None if money_word else _currency_after(text, end, g)
    if after:
        end, code, money_word = after[0], after[1], True
    if core.short_scale and not money_word:
        end, value, scale = core.plain_end, core.plain_value, 1.0
    unit = None
    if not money_word:
        found = _unit_after(text, end, g)
        if found:
            end, unit = found
    min_scale = g.data["emit_min_scale"]
    carry = not money_word and unit is None and scale >= min_scale and not _is_count(text, end, g)
    if code is None and unit is None and not (money_word and scale >= min_scale) and not carry:
        return None
    pre = texts.before(g.prefix_re, max(lo, core.start - PREFIX_REACH), core.start)
    start = _span_start(texts, pre, core)
    q = pre.group("q") if pre else None
    qualifier = g.qualifiers.get(q[::-1]) if q else None
    if qualifier is None:
        post = g.post_qual_re.match(text, end)
        if post:
            qualifier, end = g.post_qualifiers.get(post.group("item")), post.end()
    match = AmountMatch(start, end, text[start:end], tidy(value), code, qualifier or "exact", unit)
    return _Hit(match, scale, carry, money_word)


def _span_start(texts: _Texts, pre: re.Match[str] | None, core: Core) -> int:
    """Where the amount's span begins: at the qualifier, threshold or symbol when present."""
    groups = ("q", "th", "det", "cur") if core.bare else ("q", "th", "cur")
    for group in groups:
        start = texts.start_of(pre, group)
        if start is not None:
            return start
    return core.start


def _range_pair(texts: _Texts, core: Core, lo: int, g: Grammar) -> tuple[_Hit, _Hit] | None:
    """'entre 500 et 600 millions de dollars': both bounds, the first taking the second's scale."""
    text = texts.text
    j = g.range_re.match(text, core.end)
    if not j:
        return None
    needed = g.data["range_joiners"].get(j.group("j").lower(), "")
    opener = g.opener_re.search(text, max(lo, core.start - 8), core.start)
    opener_word = norm(opener.group("o")).lower() if opener else ""
    if needed and not g.opener_fits(needed, opener_word):
        return None
    second_core = core_at(text, j.end(), g, bare=False)
    if second_core is None or second_core.scale <= 1.0 and core.scale <= 1.0:
        return None
    second = _hit_from(texts, second_core, j.end(), g)
    if second is None:
        return None
    if core.scale <= 1.0:
        if core.value > second_core.plain_value and not needed:
            return None
        factor = second.scale
    else:
        factor = 1.0
    first_q, second_q = g.data["range_openers"].get(opener_word, ["exact", "exact"])
    m = second.match
    # The opener is part of the span when it carries the qualifier ("entre").
    start = opener.start() if opener and first_q != "exact" else core.start
    first = AmountMatch(start, core.end, text[start:core.end], tidy(core.value * factor),
                        m.currency, first_q, m.unit)
    if second_q != "exact" and m.qualifier == "exact":
        m.qualifier = second_q
    return _Hit(first, factor * core.scale, False, second.money_word), second


def _carry_currencies(text: str, hits: list[_Hit]) -> None:
    """A figure without currency takes that of the amount just before it in the sentence."""
    for prev, hit in zip(hits, hits[1:]):
        m = hit.match
        if not hit.carry or m.currency or m.unit or not prev.money_word:
            continue
        if prev.match.currency and not _SENTENCE_END.search(text, prev.match.end, m.start):
            m.currency = prev.match.currency
            hit.money_word = True


def _may_be_money(texts: _Texts, core: Core, lo: int, g: Grammar) -> bool:
    """A cheap test that an unscaled figure has a currency, unit or range bound next to it."""
    return bool(g.follow_re.match(texts.text, core.end)
                or texts.before(g.currency_before_re, lo, core.start))


def find_amounts(text: str, lex: Lexicon) -> list[AmountMatch]:
    """All money amounts (and scaled quantities) in text, in order, normalised."""
    g = grammar(lex)
    texts = _Texts(text, text[::-1])
    hits: list[_Hit] = []
    last_end = skip_to = 0  # end of the last amount; end of the last figure tried
    for anchor in g.anchor_re.finditer(text):
        if anchor.start() < skip_to:
            continue
        if anchor.group("bare"):
            core = core_at(text, anchor.start(), g, bare=True)
        else:
            value = figure_value(anchor.group(), g)
            core = scaled_core(text, anchor.start(), anchor.end(), value, g)
        if core is None:
            continue
        if core.scale == 1.0 and not _may_be_money(texts, core, last_end, g):
            continue  # a year, a day, "les deux pays": most figures stop here
        pair = None if core.bare else _range_pair(texts, core, last_end, g)
        found = list(pair) if pair else [h for h in [_hit_from(texts, core, last_end, g)] if h]
        if found:
            hits.extend(found)
            last_end = skip_to = found[-1].match.end
        else:
            # A failed figure ("un" in "un peu plus de") may still be part of the next prefix.
            skip_to = core.plain_end
    _carry_currencies(text, hits)
    return [h.match for h in hits]
