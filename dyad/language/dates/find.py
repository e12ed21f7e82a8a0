"""The public finders: scan a text for date expressions and give each as a ``DateMatch``.

The scan is cheap where there is no date: one regex finds the words every expression holds
(digits, months, units...), and the atom regexes are tried only at the word starts just
before them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ...lang import Lexicon
from ...model import Interval
from .context import Context, Found, Tense
from .edges import decorate
from .grammar import B, E, Grammar, grammar, norm
from .rules import Resolver


@dataclass
class DateMatch:
    """A date expression found in a text, with its resolved interval."""

    start: int
    end: int
    text: str  # char offsets into the text passed
    interval: Interval | None  # None if it cannot be resolved (relative without reference...)
    kind: str  # absolute, partial, relative, span, part, deadline
    anchor: str | None  # None: the text gives the whole date; "reference"; "text" (an earlier date)
    explicit_year: bool  # a year is written in the expression
    timex: str | None  # TIMEX3-style value: 2023-08-21, 2011-10, 2010, 2023-Q1, 199X, PRESENT_REF...


TRIGGER_WINDOW = 25  # chars before a trigger word where an expression may start ("les trois premiers mois")
DIGIT_WINDOW = 12  # before a number: "entre le 15", "l'année 2001"
WORD_START = re.compile(r"\b\w")


def _triggers(g: Grammar) -> re.Pattern[str]:
    """One cheap regex for the words every expression contains: digits, months, units..."""
    d = g.data
    stop = frozenset(d["trigger_stop_words"])
    words: set[str] = set(g.months) | set(g.weekdays)
    for key in ("relative", "anaphoric", "units", "seasons", "periods", "parts_of_day", "holidays", "easter_holidays"):
        for phrase in d[key]:
            words.update(w for w in re.split(r"[ ']", norm(phrase)) if len(w) > 1 and w not in stop)
    words.update(d["decade_words"] + d["century_words"])
    return re.compile(r"\d+|" + B + _trie(sorted(words)) + E, re.I)


def _trie(words: list[str]) -> str:
    """An alternation of words factored by common prefixes, which the regex engine runs much faster."""
    tree: dict[str, Any] = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        ends = "" in node
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if ends else body

    return "(?:" + emit(tree) + ")"


@lru_cache(maxsize=None)
def _trigger_rx(lex: Lexicon) -> re.Pattern[str]:
    return _triggers(grammar(lex))


def _candidates(text: str, trigger: re.Pattern[str]) -> list[int]:
    """Word starts close enough before a trigger for an expression to begin there, in order."""
    out: list[int] = []
    last = -1
    for t in trigger.finditer(text):
        s = t.start()
        if s <= last:
            continue
        width = DIGIT_WINDOW if text[s].isdigit() else TRIGGER_WINDOW
        for w in WORD_START.finditer(text, max(s - width, last + 1), s + 1):
            out.append(w.start())
        last = out[-1] if out else last
    return out


def scan(text: str, ref: Interval | None, tense: Tense | None, lex: Lexicon) -> list[Found]:
    """The date expressions of a text as found and resolved, in order; a range keeps its two
    ends and a deadline its words, as ``Found.pieces`` and ``Found.deadline``."""
    g = grammar(lex)
    ctx = Context(text, ref, tense, g)
    res = Resolver(ctx)
    out: list[Found] = []
    floor = 0
    names = [n for n, _ in g.kinds]
    for pos in _candidates(text, _trigger_rx(lex)):
        if pos < floor:
            continue
        m = g.master.match(text, pos)
        if m is None:
            continue
        found = None
        for name, rx in g.kinds[names.index(m.lastgroup):]:
            mm = rx.match(text, pos)
            if mm is None or mm.end() == mm.start():
                continue
            found = getattr(res, name)(mm)
            if found is not None:
                break
        if found is None:
            continue
        found = decorate(found, ctx, floor)
        out.append(found)
        if found.interval is not None:
            last_iv = found.pieces[-1].interval or found.interval
            ctx.last = last_iv
            if last_iv.granularity == "day" and last_iv.start == last_iv.end:
                ctx.last_day = last_iv
            # "en 2010", "cette année", "l'an dernier" set the year for the rest of the sentence; a
            # full date does not ("HANOÏ, 3 janvier 2024 - ... a visité le pays le 28 décembre")
            if found.interval.granularity in ("month", "year") and found.kind != "span":
                ctx.last_year = (found.end, found.interval.start.year)
        floor = max(found.end, pos + 1)
    return out


def find_dates(text: str, ref: Interval | None = None, tense: Tense | None = None, *,
               lex: Lexicon) -> list[DateMatch]:
    """Date expressions in text, resolved against ref (the publication date, possibly a whole
    year) and the tense at each expression ("past" | "present" | "future" | None)."""
    out = []
    for f in scan(text, ref, tense, lex):
        if f.kind == "list":
            for p in f.pieces:
                kind = "absolute" if f.explicit_year else "partial"
                out.append(DateMatch(p.start, p.end, text[p.start:p.end], p.interval, kind, f.anchor,
                                     f.explicit_year, p.timex))
            continue
        out.append(DateMatch(f.start, f.end, text[f.start:f.end], f.interval, f.kind, f.anchor,
                             f.explicit_year, f.timex))
    return out
