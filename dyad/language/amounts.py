"""Find French money amounts and percentages in raw text and normalise them.

All vocabulary (number words, scales, currencies, qualifiers, change words) lives in
``data/fr/amounts.json``; this module only knows the shape of an amount:
``[qualifier] [threshold] [determiner] [currency] NUMBER [scale [et demi]]* [de] [currency|unit]``.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from ..lang import lexicon


QUALIFIERS = ("exact", "approx", "more_than", "less_than")

# Thousands separators inside a figure: space, no-break space, narrow no-break space.
_GAP = "[ \u00a0\u202f]"
# Not a letter (digits allowed): lets "2Mds" or "5M$" glue a scale or currency to a figure.
_NOT_LETTER_AFTER = r"(?![^\W\d_])"
# A figure in French notation: "38 000", "1.200.000", "146,3", "1.5".
_DIGITS = (
    r"(?<![\w.,])(?:\d{1,3}(?:" + _GAP + r"\d{3})+(?!\d)|\d{1,3}(?:\.\d{3})+(?![\d])|\d+)"
    r"(?:,\d+|\.\d+)?"
)
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
class PercentMatch:
    """A percentage found in text, with the direction of change it states, if any."""

    start: int
    end: int
    text: str
    value: float
    direction: str | None


@dataclass
class _Core:
    """A figure with its scales: "1,5 milliard", "six cents millions", "le demi-milliard"."""

    start: int
    end: int
    value: float
    scale: float  # the largest scale word applied, 1.0 when none
    plain_end: int  # where the figure ends without a scale that needs a currency
    plain_value: float
    short_scale: bool  # the scale is "M" or "k", valid only next to a currency
    bare: bool  # no figure, only a scale word ("le milliard")


@dataclass
class _Hit:
    """An amount being built, with what the currency carry needs to know."""

    match: AmountMatch
    scale: float
    carry: bool  # may take the currency of an earlier amount in the sentence
    money_word: bool  # names money, even when its currency is unknown


_SPACE_RUN = re.compile(r"\s+")
_APOSTROPHE_GAP = re.compile(r"' ")


def _norm(phrase: str) -> str:
    """Fold a matched phrase to a lookup key: one space, straight apostrophe, no hyphen."""
    phrase = phrase.replace("\u2019", "'").replace("-", " ")
    phrase = _SPACE_RUN.sub(" ", phrase).strip()
    return _APOSTROPHE_GAP.sub("'", phrase)


def _char_regex(ch: str, phrase: str, reverse: bool) -> str:
    """The regex for one character of a phrase: spaces, hyphens and apostrophes are loose."""
    if ch == " ":
        return r"\s+"
    if ch == "-" and len(phrase) > 1:
        return r"[-\s]"
    if ch == "'":
        # "d' un": the optional space follows the apostrophe, so it comes first when reversed.
        return r"\s*['’]" if reverse else r"['’]\s*"
    return re.escape(ch)


def _trie_regex(phrases: list[str], head: str, tail: str, reverse: bool = False) -> str:
    """A regex for a set of phrases, factored as a trie so that each position costs one
    character test per branch; longer phrases are tried before their prefixes.

    head is a character class that may not stand before a phrase that begins with a letter
    or digit; tail is the assertion after a phrase that ends with one.

    With reverse, the regex matches the phrases written backwards, for reading the words
    before a figure on the reversed text.
    """
    root: dict[Any, Any] = {}
    for phrase in phrases:
        node = root
        for ch in (phrase[::-1] if reverse else phrase):
            node = node.setdefault((_char_regex(ch, phrase, reverse), ch.isalnum()), {})
        node[None] = None

    def emit(node: dict[Any, Any], last_alnum: bool) -> str:
        alts = [tok + emit(child, alnum) for (tok, alnum), child in
                sorted((k, v) for k, v in node.items() if k is not None)]
        if None in node:
            alts.append(tail if last_alnum else "")
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    # The word-start test goes after the first character ("d(?<!\wd)"), not before it:
    # the engine then rejects most positions on one character comparison.
    branches = [tok + (f"(?<!{head}{tok})" if alnum and head else "") + emit(child, alnum)
                for (tok, alnum), child in sorted(root.items())]
    return "(?:" + "|".join(branches) + ")"


def _alternation(phrases: list[str], letter_bounds: bool = False, reverse: bool = False) -> str:
    """One group matching any of the phrases, the longest first, with word bounds.

    Phrases with a lower-case letter match in any case; the others (symbols, ISO codes,
    abbreviations such as "M") match only as written.
    """
    head = r"[^\W\d_]" if letter_bounds else r"\w"
    tail = _NOT_LETTER_AFTER if letter_bounds else r"(?!\w)"
    unique = set(phrases)
    exact = [p for p in unique if not any(c.islower() for c in p)]
    folded = {p.lower() for p in unique if any(c.islower() for c in p)}
    parts = [_trie_regex(exact, head, tail, reverse)] if exact else []
    if folded:
        parts.append("(?i:" + _trie_regex(sorted(folded), head, tail, reverse) + ")")
    return "(?:" + "|".join(parts) + ")"


def _expand(phrase: str, contractions: dict[str, list[str]]) -> list[str]:
    """Spell a phrase ending in 'de' or 'à' with its fused forms: 'plus d'', 'près du'."""
    head, _, last = phrase.rpartition(" ")
    if last not in contractions:
        return [phrase]
    return [f"{head} {form}".strip() for form in contractions[last]]


class _Table:
    """Phrase to value lookup that honours the case rule of the data file."""

    def __init__(self, mapping: dict[str, Any]):
        self.exact: dict[str, Any] = {}
        self.folded: dict[str, Any] = {}
        for phrase, value in mapping.items():
            self.exact[_norm(phrase)] = value
            if any(c.islower() for c in phrase):
                self.folded.setdefault(_norm(phrase).lower(), value)

    def get(self, matched: str) -> Any:
        """The value of a matched phrase, or None."""
        if matched in self.exact:  # the common case: written as in the data file
            return self.exact[matched]
        key = _norm(matched)
        if key in self.exact:
            return self.exact[key]
        return self.folded.get(key.lower())


@dataclass
class _Lexicon:
    """The data file, compiled into lookup tables and regexes once."""

    data: dict[str, Any]
    number_words: _Table
    scales: _Table
    currencies: _Table
    units: _Table
    qualifiers: _Table
    post_qualifiers: _Table
    directions: _Table
    direct_directions: _Table
    after_directions: _Table
    hundreds: set[str]
    thousands: set[str]
    short_scales: set[str]
    non_count: set[str]
    anchor_re: re.Pattern[str]
    number_re: re.Pattern[str]
    word_re: re.Pattern[str]
    scale_re: re.Pattern[str]
    half_re: re.Pattern[str]
    currency_after_re: re.Pattern[str]
    unit_after_re: re.Pattern[str]
    prefix_re: re.Pattern[str]
    currency_before_re: re.Pattern[str]
    bare_det_re: re.Pattern[str]
    leading_det_re: re.Pattern[str]
    post_qual_re: re.Pattern[str]
    count_re: re.Pattern[str]
    range_re: re.Pattern[str]
    follow_re: re.Pattern[str]
    opener_re: re.Pattern[str]
    percent_re: re.Pattern[str]
    percent_num_re: re.Pattern[str]
    percent_range_re: re.Pattern[str]
    dir_before_re: re.Pattern[str]
    dir_direct_re: re.Pattern[str]
    dir_after_re: re.Pattern[str]
    dir_list_re: re.Pattern[str]


def _number_regex(data: dict[str, Any]) -> tuple[str, str]:
    """Regexes for one number word and for a run of them ('quatre-vingt-dix', 'vingt et un')."""
    word = _alternation(list(data["number_words"]))
    ands = _alternation(data["and_words"])
    followers = _alternation(data["and_followers"])
    joiner = rf"(?:[ \u00a0\u202f-]+{ands}[ \u00a0\u202f-]+(?={followers})|[ \u00a0\u202f-]+)"
    return word, rf"{word}(?:{joiner}{word})*"


def _currency_forms(data: dict[str, Any]) -> dict[str, str | None]:
    """Every currency form with its ISO code; ambiguous money words map to None."""
    forms: dict[str, str | None] = {w: None for w in data["ambiguous_currency_words"]}
    for code, words in data["currencies"].items():
        forms.update({w: code for w in words})
    return forms


def _prefix_currencies(forms: dict[str, str | None]) -> list[str]:
    """Forms that may stand before a figure: symbols ('$5', 'US$ 5') and ISO codes ('USD 38')."""
    return [f for f, code in forms.items() if code and (
        any(not c.isalnum() and not c.isspace() for c in f) or re.fullmatch(r"[A-Z]{3}", f))]


def _linked(linkers: list[str], target: str) -> str:
    """'[de|d'] target' after a figure, the linker optional."""
    link = _alternation(linkers)
    return rf"{_GAP}*(?:{link}\s*)?(?P<item>{target})"


def _prefix_regex(data: dict[str, Any], forms: dict[str, str | None]) -> str:
    """Everything that may stand right before a figure: qualifier, threshold, article, symbol.

    It reads backwards from the figure on the reversed text: one anchored match instead of
    a search for a match that ends at the figure.
    """
    quals = [v for p in data["qualifiers"] for v in _expand(p, data["contractions"])]
    thresholds = [v for p in data["thresholds"] for v in _expand(p, data["contractions"])]
    return (
        rf"(?:{_GAP}?(?P<cur>{_alternation(_prefix_currencies(forms), True, True)}))?"
        rf"(?:\s*(?P<det>{_alternation(data['determiners'], reverse=True)}))?"
        rf"(?:\s*(?P<th>{_alternation(thresholds, reverse=True)}))?"
        rf"(?:\s*(?P<q>{_alternation(quals, reverse=True)}))?"
    )


def _direction_table(groups: dict[str, list[str]]) -> dict[str, str]:
    """Phrase to direction, from {"up": [...], "down": [...]}."""
    return {phrase: direction for direction, phrases in groups.items() for phrase in phrases}


def _percent_regexes(data: dict[str, Any], number: str) -> dict[str, str]:
    """Regexes for the percent sign, the figure before it, a range, and change words."""
    signs = "".join(re.escape(s) for s in data["signs"])
    quals = [v for p in data["qualifiers"] for v in _expand(p, data["contractions"])]
    qual = _alternation(quals)
    link = _alternation(data["direction_linkers"])
    joiners = _alternation(data["range_joiners_percent"])
    pct = _alternation(data["percent_signs"])
    triggers = _alternation([p for ps in data["direction_triggers"].values() for p in ps])
    direct = _alternation([p for ps in data["direction_direct"].values() for p in ps])
    after = _alternation([p for ps in data["direction_after"].values() for p in ps])
    openers = _alternation(list(data["range_openers"]))  # "en hausse de 10 à 15 %"
    return {
        "percent": pct,
        "num": rf"(?:(?<!\w)(?P<sign>[{signs}]){_GAP}?)?(?P<num>{number}){_GAP}*$",
        "range": rf"(?P<num>{number}){_GAP}*(?:{pct})?\s*(?P<j>{joiners})\s*$",
        "before": rf"(?P<t>{triggers})(?:\s+[^\W\d_]+){{0,2}}?\s+{link}\s*(?:{qual}\s*)?"
                  rf"(?:{openers}\s*)?$",
        "direct": rf"(?P<t>{direct})\s+(?:{qual}\s*)?$",
        "after": rf"{_GAP}*(?P<t>{after})",
        "list": rf"[^.!?;\n]*?\s*{_alternation(data['direction_list_joiners'])}\s*$",
    }


def _anchor_regex(number: str, bare_scales: list[str], words: list[str]) -> re.Pattern[str]:
    """A figure, or a scale word standing alone ('le milliard'): where an amount may be.

    The leading character-class lookahead lets the regex engine skip most positions
    with one test instead of entering the word tries (about twice as fast on news text).
    """
    initials = sorted({w[0] for w in words} | {w[0].upper() for w in words})
    lead = "(?=[\\d" + re.escape("".join(initials)) + "])"
    return re.compile(rf"{lead}(?:(?P<num>{number})|(?P<bare>{_alternation(bare_scales)}))")


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    """Load and compile the French amount vocabulary (once per process)."""
    data = lexicon("fr").amounts
    word, words = _number_regex(data)
    number = rf"(?:{_DIGITS}|{words})"
    forms = _currency_forms(data)
    units = {form: unit for unit, fs in data["units"].items() for form in fs}
    quals = {v: q for p, q in data["qualifiers"].items() for v in _expand(p, data["contractions"])}
    scale_alt = _alternation(list(data["scales"]), True)
    # Words that may begin a figure: number words, and the scale words that stand alone.
    initials = list(data["number_words"]) + data["bare_scales"]
    pct = _percent_regexes(data, number)
    openers = _alternation(list(data["range_openers"]))
    return _Lexicon(
        data=data,
        number_words=_Table(data["number_words"]),
        scales=_Table(data["scales"]),
        currencies=_Table(forms),
        units=_Table(units),
        qualifiers=_Table(quals),
        post_qualifiers=_Table(data["post_qualifiers"]),
        directions=_Table(_direction_table(data["direction_triggers"])),
        direct_directions=_Table(_direction_table(data["direction_direct"])),
        after_directions=_Table(_direction_table(data["direction_after"])),
        hundreds=set(data["hundred_words"]),
        thousands=set(data["thousand_words"]),
        short_scales=set(data["scales_need_currency"]),
        non_count=set(data["non_count_followers"]),
        anchor_re=_anchor_regex(number, data["bare_scales"], initials),
        number_re=re.compile(number),
        word_re=re.compile(word),
        scale_re=re.compile(rf"{_GAP}*(?P<item>{scale_alt})"),
        half_re=re.compile(rf"\s+{_alternation(data['half_words'])}"),
        currency_after_re=re.compile(
            _linked(data["currency_linkers"], _alternation(list(forms), True))),
        unit_after_re=re.compile(_linked(data["currency_linkers"], _alternation(list(units), True))),
        prefix_re=re.compile(_prefix_regex(data, forms)),
        currency_before_re=re.compile(
            rf"{_GAP}?(?P<cur>{_alternation(_prefix_currencies(forms), True, True)})"),
        bare_det_re=re.compile(rf"{_alternation(data['bare_scale_determiners'])}\s+$"),
        leading_det_re=re.compile(rf"{_alternation(data['bare_scale_determiners'])}\s+"),
        post_qual_re=re.compile(rf"{_GAP}*(?P<item>{_alternation(list(data['post_qualifiers']))})"),
        count_re=re.compile(rf"{_GAP}*{_alternation(data['currency_linkers'])}\s*(?P<w>[^\W\d_]+)"),
        follow_re=re.compile(
            _linked(data["currency_linkers"], _alternation(list(forms) + list(units), True))
            + rf"|{_GAP}*{_alternation(list(data['range_joiners']))}"),
        range_re=re.compile(rf"{_GAP}*(?P<j>{_alternation(list(data['range_joiners']))}){_GAP}*"),
        opener_re=re.compile(rf"(?P<o>{openers})\s*$"),
        percent_re=re.compile(pct["percent"]),
        percent_num_re=re.compile(pct["num"]),
        percent_range_re=re.compile(pct["range"]),
        dir_before_re=re.compile(pct["before"]),
        dir_direct_re=re.compile(pct["direct"]),
        dir_after_re=re.compile(pct["after"]),
        dir_list_re=re.compile(pct["list"]),
    )


# --- numbers -------------------------------------------------------------------------


_GAP_RE = re.compile(_GAP)
_DOTTED_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")


def _tidy(value: float) -> float:
    """Drop binary noise from scaling: 66,1 milliards is 66100000000.0, not ...99999.99999."""
    return float(f"{value:.15g}")


def _digits_value(figure: str) -> float:
    """Value of a figure in French notation: spaces and dotted groups separate thousands."""
    if figure.isdigit():
        return float(figure)
    figure = _GAP_RE.sub("", figure)
    if _DOTTED_THOUSANDS.fullmatch(figure):
        figure = figure.replace(".", "")
    return float(figure.replace(",", "."))


def _words_value(phrase: str, lex: _Lexicon) -> float:
    """Value of a run of number words: 'cent' multiplies, 'mille' closes a thousands group."""
    single = lex.number_words.get(phrase)
    if single is not None:  # one word, by far the most common ("un", "deux")
        return float(single)
    total, group = 0.0, 0.0
    for m in lex.word_re.finditer(phrase):
        token = _norm(m.group()).lower()
        if token in lex.hundreds:
            group = max(group, 1.0) * 100
        elif token in lex.thousands:
            total += max(group, 1.0) * 1000
            group = 0.0
        else:
            group += lex.number_words.get(m.group())
    return total + group


def _figure_value(figure: str, lex: _Lexicon) -> float:
    """The value of a matched figure, digits or words."""
    return _digits_value(figure) if figure[0].isdigit() else _words_value(figure, lex)


def _figure_at(text: str, pos: int, lex: _Lexicon) -> tuple[int, float] | None:
    """The figure starting exactly at pos, as (end, value)."""
    m = lex.number_re.match(text, pos)
    return (m.end(), _figure_value(m.group(), lex)) if m else None


@dataclass
class _Scale:
    """A scale word after a figure: 'milliards', 'Mds', 'M' (with 'et demi' when written)."""

    end: int
    factor: float
    half: bool  # "deux milliards et demi": add half a scale
    short: bool  # "M", "k": a scale only next to a currency


def _scale_at(text: str, pos: int, lex: _Lexicon) -> _Scale | None:
    """The scale word right after pos, if any."""
    m = lex.scale_re.match(text, pos)
    if not m:
        return None
    factor = float(lex.scales.get(m.group("item")))
    half = lex.half_re.match(text, m.end())
    if half:
        return _Scale(half.end(), factor, True, False)
    return _Scale(m.end(), factor, False, m.group("item") in lex.short_scales)


def _core_at(text: str, pos: int, lex: _Lexicon, bare: bool) -> _Core | None:
    """The figure and scales at pos; a bare scale word counts as one of it."""
    if bare:
        scale = _scale_at(text, pos, lex)
        if not scale:
            return None
        value = scale.factor * (1.5 if scale.half else 1.0)
        return _Core(pos, scale.end, value, scale.factor, scale.end, value, False, True)
    figure = _figure_at(text, pos, lex)
    return _scaled_core(text, pos, figure[0], figure[1], lex) if figure else None


def _scaled_core(text: str, start: int, end: int, value: float, lex: _Lexicon) -> _Core:
    """A figure with the scale words that follow it."""
    core = _Core(start, end, value, 1.0, end, value, False, False)
    scale = _scale_at(text, end, lex)
    if scale:
        core.end, core.scale, core.short_scale = scale.end, scale.factor, scale.short
        core.value = (value + (0.5 if scale.half else 0.0)) * scale.factor
        _add_lower_scales(text, core, lex)
    return core


_SPACES = re.compile(_GAP + "+")


def _add_lower_scales(text: str, core: _Core, lex: _Lexicon) -> None:
    """'1 milliard 200 millions': add figures with smaller scales that follow."""
    while True:
        gap = _SPACES.match(text, core.end)
        figure = _figure_at(text, gap.end(), lex) if gap else None
        if not figure or figure[1] >= 1000:
            return
        scale = _scale_at(text, figure[0], lex)
        if not scale or scale.factor >= core.scale or scale.short or scale.half:
            return
        core.value += figure[1] * scale.factor
        core.end = scale.end


def parse_number(words: str) -> float | None:
    """The value of a French figure with its scales: 'six cents millions' -> 6e8, '1,5' -> 1.5."""
    lex = _lexicon()
    text = words.strip()
    det = lex.leading_det_re.match(text)
    start = det.end() if det else 0
    core = _core_at(text, start, lex, bare=False) or _core_at(text, start, lex, bare=True)
    if core is None or core.end != len(text):
        return None
    return _tidy(core.value)


# --- amounts -------------------------------------------------------------------------


def _currency_after(text: str, pos: int, lex: _Lexicon) -> tuple[int, str | None] | None:
    """A currency named right after pos, as (end, ISO code or None when ambiguous)."""
    m = lex.currency_after_re.match(text, pos)
    if not m:
        return None
    return m.end(), lex.currencies.get(m.group("item"))


def _unit_after(text: str, pos: int, lex: _Lexicon) -> tuple[int, str] | None:
    """A measurement unit right after pos ('de tonnes', 'm3'), as (end, unit)."""
    m = lex.unit_after_re.match(text, pos)
    if not m:
        return None
    return m.end(), lex.units.get(m.group("item"))


def _is_count(text: str, pos: int, lex: _Lexicon) -> bool:
    """'1,5 milliard d'habitants': a noun after 'de' makes the figure a count of things."""
    m = lex.count_re.match(text, pos)
    return bool(m) and m.group("w").lower() not in lex.non_count


def _bare_allowed(text: str, pos: int, lex: _Lexicon) -> bool:
    """A scale word alone is a figure only after 'le', 'du', 'au' ('atteindre le milliard')."""
    return bool(lex.bare_det_re.search(text, max(0, pos - 8), pos))


# Where a phrase written before a figure may begin: any non-space not inside a word.
_CANDIDATE = re.compile(r"(?<!\w)\S")
# How far back the words before a figure are looked for.
_PREFIX_REACH = 64


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


def _group(m: re.Match[str] | None, name: str) -> str | None:
    """A named group of an optional match."""
    return m.group(name) if m else None


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


def _hit_from(texts: _Texts, core: _Core, lo: int, lex: _Lexicon) -> _Hit | None:
    """Build the amount around a figure, or None when it is no amount (a year, a count)."""
    text = texts.text
    if core.bare and not _bare_allowed(text, core.start, lex):
        return None
    symbol = texts.before(lex.currency_before_re, lo, core.start)
    code = lex.currencies.get(symbol.group("cur")[::-1]) if symbol else None
    money_word = code is not None
    end, value, scale = core.end, core.value, core.scale
    after = None if money_word else _currency_after(text, end, lex)
    if after:
        end, code, money_word = after[0], after[1], True
    if core.short_scale and not money_word:
        end, value, scale = core.plain_end, core.plain_value, 1.0
    unit = None
    if not money_word:
        found = _unit_after(text, end, lex)
        if found:
            end, unit = found
    min_scale = lex.data["emit_min_scale"]
    carry = not money_word and unit is None and scale >= min_scale and not _is_count(text, end, lex)
    if code is None and unit is None and not (money_word and scale >= min_scale) and not carry:
        return None
    pre = texts.before(lex.prefix_re, max(lo, core.start - _PREFIX_REACH), core.start)
    start = _span_start(texts, pre, core)
    q = pre.group("q") if pre else None
    qualifier = lex.qualifiers.get(q[::-1]) if q else None
    if qualifier is None:
        post = lex.post_qual_re.match(text, end)
        if post:
            qualifier, end = lex.post_qualifiers.get(post.group("item")), post.end()
    match = AmountMatch(start, end, text[start:end], _tidy(value), code, qualifier or "exact", unit)
    return _Hit(match, scale, carry, money_word)


def _span_start(texts: _Texts, pre: re.Match[str] | None, core: _Core) -> int:
    """Where the amount's span begins: at the qualifier, threshold or symbol when present."""
    groups = ("q", "th", "det", "cur") if core.bare else ("q", "th", "cur")
    for group in groups:
        start = texts.start_of(pre, group)
        if start is not None:
            return start
    return core.start


def _range_pair(texts: _Texts, core: _Core, lo: int, lex: _Lexicon) -> tuple[_Hit, _Hit] | None:
    """'entre 500 et 600 millions de dollars': both bounds, the first taking the second's scale."""
    text = texts.text
    j = lex.range_re.match(text, core.end)
    if not j:
        return None
    needed = lex.data["range_joiners"].get(j.group("j").lower(), "")
    opener = lex.opener_re.search(text, max(lo, core.start - 8), core.start)
    opener_word = _norm(opener.group("o")).lower() if opener else ""
    if needed and opener_word != needed and not (needed == "de" and opener_word == "d'"):
        return None
    second_core = _core_at(text, j.end(), lex, bare=False)
    if second_core is None or second_core.scale <= 1.0 and core.scale <= 1.0:
        return None
    second = _hit_from(texts, second_core, j.end(), lex)
    if second is None:
        return None
    if core.scale <= 1.0:
        if core.value > second_core.plain_value and not needed:
            return None
        factor = second.scale
    else:
        factor = 1.0
    first_q, second_q = lex.data["range_openers"].get(opener_word, ["exact", "exact"])
    m = second.match
    # The opener is part of the span when it carries the qualifier ("entre").
    start = opener.start() if opener and first_q != "exact" else core.start
    first = AmountMatch(start, core.end, text[start:core.end], _tidy(core.value * factor),
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


def _may_be_money(texts: _Texts, core: _Core, lo: int, lex: _Lexicon) -> bool:
    """A cheap test that an unscaled figure has a currency, unit or range bound next to it."""
    return bool(lex.follow_re.match(texts.text, core.end)
                or texts.before(lex.currency_before_re, lo, core.start))


def find_amounts(text: str) -> list[AmountMatch]:
    """All money amounts (and scaled quantities) in text, in order, normalised."""
    lex = _lexicon()
    texts = _Texts(text, text[::-1])
    hits: list[_Hit] = []
    last_end = skip_to = 0  # end of the last amount; end of the last figure tried
    for anchor in lex.anchor_re.finditer(text):
        if anchor.start() < skip_to:
            continue
        if anchor.group("bare"):
            core = _core_at(text, anchor.start(), lex, bare=True)
        else:
            value = _figure_value(anchor.group(), lex)
            core = _scaled_core(text, anchor.start(), anchor.end(), value, lex)
        if core is None:
            continue
        if core.scale == 1.0 and not _may_be_money(texts, core, last_end, lex):
            continue  # a year, a day, "les deux pays": most figures stop here
        pair = None if core.bare else _range_pair(texts, core, last_end, lex)
        found = list(pair) if pair else [h for h in [_hit_from(texts, core, last_end, lex)] if h]
        if found:
            hits.extend(found)
            last_end = skip_to = found[-1].match.end
        else:
            # A failed figure ("un" in "un peu plus de") may still be part of the next prefix.
            skip_to = core.plain_end
    _carry_currencies(text, hits)
    return [h.match for h in hits]


# --- percentages ---------------------------------------------------------------------


def _direction_before(text: str, lo: int, start: int, lex: _Lexicon) -> str | None:
    """Change words right before a figure: 'en hausse de', 'a reculé de', 'a gagné'."""
    m = _ending_at(lex.dir_before_re, text, lo, start)
    if m:
        return lex.directions.get(m.group("t"))
    m = _ending_at(lex.dir_direct_re, text, lo, start)
    return lex.direct_directions.get(m.group("t")) if m else None


def _percent_value(figure: str, lex: _Lexicon) -> float:
    """Value of the figure of a percentage."""
    return _digits_value(figure) if figure[0].isdigit() else _words_value(figure, lex)


def _percent_range_first(text: str, lo: int, start: int, second: float,
                         lex: _Lexicon) -> re.Match[str] | None:
    """The first bound of '10 à 15 %' or 'entre 10 et 15 %', when there is one."""
    m = _ending_at(lex.percent_range_re, text, lo, start)
    if not m:
        return None
    needed = lex.data["range_joiners"].get(m.group("j").lower(), "")
    opener = lex.opener_re.search(text, max(lo, m.start() - 8), m.start())
    opener_word = _norm(opener.group("o")).lower() if opener else ""
    if needed and opener_word not in (needed, "d'" if needed == "de" else needed):
        return None
    if not needed and _percent_value(m.group("num"), lex) > second:
        return None
    return m


def find_percents(text: str) -> list[PercentMatch]:
    """All percentages in text, in order, with 'up'/'down' when a change word states it."""
    lex = _lexicon()
    found: list[PercentMatch] = []
    last_end = 0
    for sign in lex.percent_re.finditer(text):
        lo = max(last_end, sign.start() - _PREFIX_REACH)
        m = _ending_at(lex.percent_num_re, text, lo, sign.start())
        if not m:
            continue
        value = _percent_value(m.group("num"), lex)
        first = _percent_range_first(text, lo, m.start(), value, lex)
        head = first.start() if first else m.start()
        direction = _sign_direction(m, lex) or _direction_before(text, max(last_end, head - _PREFIX_REACH), head, lex)
        after = lex.dir_after_re.match(text, sign.end())
        if direction is None and after:
            direction = lex.after_directions.get(after.group("t"))
        if direction is None and found:
            direction = _listed_direction(text, found[-1], head, lex)
        if first:
            f_end = first.end("num")
            found.append(PercentMatch(first.start(), f_end, text[first.start():f_end],
                                      _percent_value(first.group("num"), lex), direction))
        found.append(PercentMatch(m.start(), sign.end(), text[m.start():sign.end()], value, direction))
        last_end = sign.end()
    return found


def _listed_direction(text: str, prev: PercentMatch, head: int, lex: _Lexicon) -> str | None:
    """'en hausse de 0,6 % en un mois et de 1,3 % en un an': the second is up too."""
    if prev.direction is None or head - prev.end > lex.data["direction_list_reach"]:
        return None
    return prev.direction if lex.dir_list_re.fullmatch(text, prev.end, head) else None


def _sign_direction(m: re.Match[str], lex: _Lexicon) -> str | None:
    """'+12 %' is up, '-3 %' down."""
    return lex.data["signs"].get(m.group("sign")) if m.group("sign") else None
