"""What resolving a date needs: the context of the scan (text, reference, tense, the dates
seen so far), the resolved atoms, and the placing of a day or weekday without a year.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Callable

from ...model import Interval
from .grammar import Grammar, norm
from .intervals import choose, day_iv, distance, month_iv, replaced

Tense = Callable[[int], "str | None"]


@dataclass
class Piece:
    """One part of a match as TimeML cuts it (each end of a range is its own TIMEX3)."""

    start: int
    end: int
    interval: Interval | None
    timex: str | None


@dataclass
class Found:
    """A resolved atom, before it becomes a DateMatch (``find_dates``) or TimeML pieces."""

    start: int
    end: int
    interval: Interval | None
    kind: str
    anchor: str | None
    explicit_year: bool
    timex: str | None
    pieces: list[Piece] = field(default_factory=list)
    edge: str | None = None
    deadline: tuple[int, int, str] | None = None  # (start, start of the date, words)


SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")


class Context:
    """What resolution needs: the text, reference, tense, and the dates seen so far."""

    def __init__(self, text: str, ref: Interval | None, tense: Tense | None, g: Grammar) -> None:
        self.text, self.ref, self.tense_fn, self.g = text, ref, tense, g
        self.last: Interval | None = None  # the last resolved date, for "la veille", "l'année suivante"
        self.last_day: Interval | None = None
        self.last_year: tuple[int, int] | None = None  # (end offset, year) of the last written year

    def sentence_year(self, offset: int) -> int | None:
        """The year written earlier in the same sentence ("en 97 (en janvier ...)"), if any."""
        if self.last_year is None:
            return None
        end, year = self.last_year
        return None if SENTENCE_END.search(self.text, end, offset) else year

    def tense(self, offset: int) -> str | None:
        """The tense that places the expression: a signal word in front of it, else the verb's."""
        sm = self.g.signal.search(self.before(offset))
        if sm:
            which = self.g.data["signals"][norm(sm["w"])]
            return None if which == "nearest" else which
        return self.tense_fn(offset) if self.tense_fn else None

    def before(self, offset: int, width: int = 40) -> str:
        """The ``width`` characters of text before an offset."""
        return self.text[max(0, offset - width):offset]

    @property
    def day_ref(self) -> Interval | None:
        """The reference when it is one day; day-level relatives need it."""
        return self.ref if self.ref is not None and self.ref.start == self.ref.end else None

    @property
    def month_ref(self) -> Interval | None:
        """The reference when only its month is known (a feed's "2023-08"): a weekday or
        "hier" then takes that month, inferred."""
        return self.ref if self.ref is not None and self.ref.granularity == "month" else None


def cardinal(g: Grammar, s: str) -> int:
    """A count written in figures or in words ("trois")."""
    s = norm(s)
    return int(s) if s.isdigit() else g.data["cardinals"][s]


def day_number(g: Grammar, s: str) -> int:
    """The day of the month, in figures or in words ("1er", "quinze")."""
    s = norm(s).replace(" ", "")
    return g.data["day_words"].get(s) or int(s)


def direction_of(g: Grammar, s: str | None) -> str | None:
    """past, future, before or after, for a direction word ("dernier", "suivant")."""
    return g.data["directions"][norm(s)] if s else None


def partial_day(ctx: Context, month: int, day: int | None, tense: str | None, direction: str | None,
                 weekday: int | None = None) -> Interval | None:
    """A day (or month) without a year, placed by the reference and the tense."""
    ref = ctx.ref
    base = ref
    if direction in ("before", "after"):
        base = ctx.last or ref
        direction = "past" if direction == "before" else "future"
    if base is None:
        return None
    cands = []
    for y in range(base.start.year - 2, base.end.year + 3):
        try:
            cands.append(day_iv(date(y, month, day)) if day else month_iv(y, month))
        except ValueError:
            continue
    pick = choose(cands, base, tense, direction)
    if pick is not None and weekday is not None and day and pick.start.weekday() != weekday:
        # "lundi 21 août": prefer a neighbouring year where the day is a Monday
        # (two years off at most: the same day falls on the same weekday only every five to six years)
        fits = [c for c in cands if c.start.weekday() == weekday and 1 <= abs(c.start.year - pick.start.year) <= 2]
        if fits:
            pick = min(fits, key=lambda c: distance(c, base))
    return replaced(pick, inferred=True) if pick else None


def nearby_weekday(ctx: Context, wd: int, tense: str | None, direction: str | None) -> Interval | None:
    """The weekday within a week of the reference day (or of the last date), by tense or direction."""
    base = ctx.day_ref
    if direction in ("before", "after"):
        base = ctx.last_day or base
        direction = "past" if direction == "before" else "future"
    if base is None:
        return None
    cands = [day_iv(base.start + timedelta(days=k)) for k in range(-7, 8)
             if (base.start + timedelta(days=k)).weekday() == wd]
    pick = choose(cands, base, tense, direction)
    return replaced(pick, inferred=True) if pick else None
