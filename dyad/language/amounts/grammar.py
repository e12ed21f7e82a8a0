"""The amount vocabulary compiled: lookup tables and regexes, once per lexicon.

Every word comes from the lexicon's ``amounts.json``; this module only knows how to turn
phrases into fast regexes (tries, loose spaces and apostrophes, case rules).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ...lang import Lexicon
from ...lang.text import phrase_key

# Thousands separators inside a figure: space, no-break space, narrow no-break space.
GAP = "[ \u00a0\u202f]"
# Not a letter (digits allowed): lets "2Mds" or "5M$" glue a scale or currency to a figure.
_NOT_LETTER_AFTER = r"(?![^\W\d_])"
# A figure in French notation: "38 000", "1.200.000", "146,3", "1.5".
_DIGITS = (
    r"(?<![\w.,])(?:\d{1,3}(?:" + GAP + r"\d{3})+(?!\d)|\d{1,3}(?:\.\d{3})+(?![\d])|\d+)"
    r"(?:,\d+|\.\d+)?"
)
# How far back the words before a figure are looked for.
PREFIX_REACH = 64

def norm(phrase: str) -> str:
    """A matched phrase's key in the vocabulary: the phrase key, a hyphen as a space."""
    return phrase_key(phrase, hyphens=True)


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


def alternation(phrases: list[str], letter_bounds: bool = False, reverse: bool = False) -> str:
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


class Table:
    """Phrase to value lookup that honours the case rule of the data file."""

    def __init__(self, mapping: dict[str, Any]):
        self.exact: dict[str, Any] = {}
        self.folded: dict[str, Any] = {}
        for phrase, value in mapping.items():
            self.exact[norm(phrase)] = value
            if any(c.islower() for c in phrase):
                self.folded.setdefault(norm(phrase).lower(), value)

    def get(self, matched: str) -> Any:
        """The value of a matched phrase, or None."""
        if matched in self.exact:  # the common case: written as in the data file
            return self.exact[matched]
        key = norm(matched)
        if key in self.exact:
            return self.exact[key]
        return self.folded.get(key.lower())


@dataclass
class Grammar:
    """The data file, compiled into lookup tables and regexes once."""

    data: dict[str, Any]
    elisions: dict[str, str]
    number_words: Table
    scales: Table
    currencies: Table
    units: Table
    qualifiers: Table
    post_qualifiers: Table
    directions: Table
    direct_directions: Table
    after_directions: Table
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

    def opener_fits(self, needed: str, opener: str) -> bool:
        """Whether the word that opens a range is the one its joiner needs ("de" for "à"),
        or that word elided ("d'")."""
        return opener in (needed, self.elisions.get(needed, needed))


def _number_regex(data: dict[str, Any]) -> tuple[str, str]:
    """Regexes for one number word and for a run of them ('quatre-vingt-dix', 'vingt et un')."""
    word = alternation(list(data["number_words"]))
    ands = alternation(data["and_words"])
    followers = alternation(data["and_followers"])
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
    link = alternation(linkers)
    return rf"{GAP}*(?:{link}\s*)?(?P<item>{target})"


def _prefix_regex(data: dict[str, Any], forms: dict[str, str | None]) -> str:
    """Everything that may stand right before a figure: qualifier, threshold, article, symbol.

    It reads backwards from the figure on the reversed text: one anchored match instead of
    a search for a match that ends at the figure.
    """
    quals = [v for p in data["qualifiers"] for v in _expand(p, data["contractions"])]
    thresholds = [v for p in data["thresholds"] for v in _expand(p, data["contractions"])]
    return (
        rf"(?:{GAP}?(?P<cur>{alternation(_prefix_currencies(forms), True, True)}))?"
        rf"(?:\s*(?P<det>{alternation(data['determiners'], reverse=True)}))?"
        rf"(?:\s*(?P<th>{alternation(thresholds, reverse=True)}))?"
        rf"(?:\s*(?P<q>{alternation(quals, reverse=True)}))?"
    )


def _direction_table(groups: dict[str, list[str]]) -> dict[str, str]:
    """Phrase to direction, from {"up": [...], "down": [...]}."""
    return {phrase: direction for direction, phrases in groups.items() for phrase in phrases}


def _percent_regexes(data: dict[str, Any], number: str) -> dict[str, str]:
    """Regexes for the percent sign, the figure before it, a range, and change words."""
    signs = "".join(re.escape(s) for s in data["signs"])
    quals = [v for p in data["qualifiers"] for v in _expand(p, data["contractions"])]
    qual = alternation(quals)
    link = alternation(data["direction_linkers"])
    joiners = alternation(data["range_joiners_percent"])
    pct = alternation(data["percent_signs"])
    triggers = alternation([p for ps in data["direction_triggers"].values() for p in ps])
    direct = alternation([p for ps in data["direction_direct"].values() for p in ps])
    after = alternation([p for ps in data["direction_after"].values() for p in ps])
    openers = alternation(list(data["range_openers"]))  # "en hausse de 10 à 15 %"
    return {
        "percent": pct,
        "num": rf"(?:(?<!\w)(?P<sign>[{signs}]){GAP}?)?(?P<num>{number}){GAP}*$",
        "range": rf"(?P<num>{number}){GAP}*(?:{pct})?\s*(?P<j>{joiners})\s*$",
        "before": rf"(?P<t>{triggers})(?:\s+[^\W\d_]+){{0,2}}?\s+{link}\s*(?:{qual}\s*)?"
                  rf"(?:{openers}\s*)?$",
        "direct": rf"(?P<t>{direct})\s+(?:{qual}\s*)?$",
        "after": rf"{GAP}*(?P<t>{after})",
        "list": rf"[^.!?;\n]*?\s*{alternation(data['direction_list_joiners'])}\s*$",
    }


def _anchor_regex(number: str, bare_scales: list[str], words: list[str]) -> re.Pattern[str]:
    """A figure, or a scale word standing alone ('le milliard'): where an amount may be.

    The leading character-class lookahead lets the regex engine skip most positions
    with one test instead of entering the word tries (about twice as fast on news text).
    """
    initials = sorted({w[0] for w in words} | {w[0].upper() for w in words})
    lead = "(?=[\\d" + re.escape("".join(initials)) + "])"
    return re.compile(rf"{lead}(?:(?P<num>{number})|(?P<bare>{alternation(bare_scales)}))")


@lru_cache(maxsize=None)
def grammar(lex: Lexicon) -> Grammar:
    """The amount vocabulary of a lexicon, compiled once per process."""
    data = lex.amounts
    word, words = _number_regex(data)
    number = rf"(?:{_DIGITS}|{words})"
    forms = _currency_forms(data)
    units = {form: unit for unit, fs in data["units"].items() for form in fs}
    quals = {v: q for p, q in data["qualifiers"].items() for v in _expand(p, data["contractions"])}
    scale_alt = alternation(list(data["scales"]), True)
    # Words that may begin a figure: number words, and the scale words that stand alone.
    initials = list(data["number_words"]) + data["bare_scales"]
    pct = _percent_regexes(data, number)
    openers = alternation(list(data["range_openers"]))
    return Grammar(
        data=data,
        elisions=data["elisions"],
        number_words=Table(data["number_words"]),
        scales=Table(data["scales"]),
        currencies=Table(forms),
        units=Table(units),
        qualifiers=Table(quals),
        post_qualifiers=Table(data["post_qualifiers"]),
        directions=Table(_direction_table(data["direction_triggers"])),
        direct_directions=Table(_direction_table(data["direction_direct"])),
        after_directions=Table(_direction_table(data["direction_after"])),
        hundreds=set(data["hundred_words"]),
        thousands=set(data["thousand_words"]),
        short_scales=set(data["scales_need_currency"]),
        non_count=set(data["non_count_followers"]),
        anchor_re=_anchor_regex(number, data["bare_scales"], initials),
        number_re=re.compile(number),
        word_re=re.compile(word),
        scale_re=re.compile(rf"{GAP}*(?P<item>{scale_alt})"),
        half_re=re.compile(rf"\s+{alternation(data['half_words'])}"),
        currency_after_re=re.compile(
            _linked(data["currency_linkers"], alternation(list(forms), True))),
        unit_after_re=re.compile(_linked(data["currency_linkers"], alternation(list(units), True))),
        prefix_re=re.compile(_prefix_regex(data, forms)),
        currency_before_re=re.compile(
            rf"{GAP}?(?P<cur>{alternation(_prefix_currencies(forms), True, True)})"),
        bare_det_re=re.compile(rf"{alternation(data['bare_scale_determiners'])}\s+$"),
        leading_det_re=re.compile(rf"{alternation(data['bare_scale_determiners'])}\s+"),
        post_qual_re=re.compile(rf"{GAP}*(?P<item>{alternation(list(data['post_qualifiers']))})"),
        count_re=re.compile(rf"{GAP}*{alternation(data['currency_linkers'])}\s*(?P<w>[^\W\d_]+)"),
        follow_re=re.compile(
            _linked(data["currency_linkers"], alternation(list(forms) + list(units), True))
            + rf"|{GAP}*{alternation(list(data['range_joiners']))}"),
        range_re=re.compile(rf"{GAP}*(?P<j>{alternation(list(data['range_joiners']))}){GAP}*"),
        opener_re=re.compile(rf"(?P<o>{openers})\s*$"),
        percent_re=re.compile(pct["percent"]),
        percent_num_re=re.compile(pct["num"]),
        percent_range_re=re.compile(pct["range"]),
        dir_before_re=re.compile(pct["before"]),
        dir_direct_re=re.compile(pct["direct"]),
        dir_after_re=re.compile(pct["after"]),
        dir_list_re=re.compile(pct["list"]),
    )
