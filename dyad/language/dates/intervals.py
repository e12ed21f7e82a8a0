"""Calendar arithmetic on intervals: months, years, seasons, Easter, shifts, choosing among
candidate years, and the TIMEX3 value of an interval. No words here.
"""
from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Any

from ...model import Interval


def month_iv(y: int, m: int, gran: str = "month") -> Interval:
    return Interval(date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1]), gran)


def year_iv(y: int) -> Interval:
    return Interval(date(y, 1, 1), date(y, 12, 31), "year")


def months_iv(y: int, first: int, last: int, gran: str) -> Interval:
    return Interval(date(y, first, 1), date(y, last, calendar.monthrange(y, last)[1]), gran)


def day_iv(d: date) -> Interval:
    return Interval(d, d, "day")


def replaced(iv: Interval, **kw: Any) -> Interval:
    """The interval with some of its fields replaced."""
    vals = {"start": iv.start, "end": iv.end, "granularity": iv.granularity, "inferred": iv.inferred}
    vals.update(kw)
    return Interval(**vals)


def distance(a: Interval, b: Interval) -> int:
    if a.overlaps(b):
        return 0
    return (b.start - a.end).days if a.end < b.start else (a.start - b.end).days


def choose(cands: list[Interval], ref: Interval, tense: str | None, direction: str | None) -> Interval | None:
    """The candidate the tense or direction points to (see the package docstring)."""
    if not cands:
        return None
    if direction == "past":
        before = [c for c in cands if c.end < ref.start]
        return before[-1] if before else None
    if direction == "future":
        after = [c for c in cands if c.start > ref.end]
        return after[0] if after else None
    if tense == "past":
        before = [c for c in cands if c.start <= ref.end]
        return before[-1] if before else None
    if tense == "future":
        after = [c for c in cands if c.end >= ref.start]
        return after[0] if after else None
    return min(cands, key=lambda c: distance(c, ref))


def timex(iv: Interval) -> str:
    g = iv.granularity
    if g == "year":
        return f"{iv.start.year:04d}"
    if g == "month":
        return f"{iv.start.year:04d}-{iv.start.month:02d}"
    if g == "week":
        y, w, _ = iv.start.isocalendar()
        return f"{y:04d}-W{w:02d}"
    if g == "quarter":
        return f"{iv.start.year:04d}-Q{(iv.start.month - 1) // 3 + 1}"
    if g == "half":
        return f"{iv.start.year:04d}-H{(iv.start.month - 1) // 6 + 1}"
    if g == "decade":
        return f"{iv.start.year // 10:03d}X"
    return iv.start.isoformat()


def two_digit_year(s: str, ref: Interval | None) -> int:
    yy = int(s.lstrip("'’"))
    pivot = (ref.end.year + 10) if ref else 2050
    year = 2000 + yy if 2000 + yy <= pivot else 1900 + yy
    return year


def year_of(s: str | None, ref: Interval | None) -> int | None:
    if not s:
        return None
    s = s.strip()
    return int(s) if len(s) == 4 and s.isdigit() else two_digit_year(s, ref)


def thirds(iv: Interval, edge: str) -> Interval:
    """The first, middle or last third of a period: of a month days 1-10, 11-20, 21-end; of a
    year January-April, May-August, September-December; of whole years (a decade, a century)
    whole years, cut at a third and two thirds."""
    i = ("start", "mid", "end").index(edge)
    if iv.granularity == "month":
        a, b = [(1, 10), (11, 20), (21, iv.end.day)][i]
        return replaced(iv, start=iv.start.replace(day=a), end=iv.start.replace(day=b))
    if iv.granularity == "year":
        a, b = [(1, 4), (5, 8), (9, 12)][i]
        y = iv.start.year
        return replaced(iv, start=date(y, a, 1), end=date(y, b, calendar.monthrange(y, b)[1]))
    if (iv.start.month, iv.start.day, iv.end.month, iv.end.day) == (1, 1, 12, 31) and iv.end.year > iv.start.year:
        n = iv.end.year - iv.start.year + 1
        cuts = [0, round(n / 3), round(2 * n / 3), n]
        return replaced(iv, start=date(iv.start.year + cuts[i], 1, 1), end=date(iv.start.year + cuts[i + 1] - 1, 12, 31))
    a = iv.start + timedelta(days=iv.days * i // 3)
    b = iv.start + timedelta(days=iv.days * (i + 1) // 3 - 1)
    return replaced(iv, start=a, end=max(a, b))


def shift(iv_unit: str, ref: Interval, n: int) -> Interval | None:
    """The calendar unit containing the reference's start, moved n units."""
    s = ref.start
    if iv_unit == "day":
        if ref.start != ref.end:
            return None
        return day_iv(s + timedelta(days=n))
    if iv_unit == "week":
        if ref.days > 7:
            return None
        monday = s - timedelta(days=s.weekday()) + timedelta(weeks=n)
        return Interval(monday, monday + timedelta(days=6), "week")
    if iv_unit in ("month", "quarter", "half"):
        size = {"month": 1, "quarter": 3, "half": 6}[iv_unit]
        if ref.days > 31 * size:
            return None
        idx = (s.year * 12 + s.month - 1) // size + n
        y, first = divmod(idx * size, 12)
        return months_iv(y, first + 1, first + size, iv_unit)
    if iv_unit == "year":
        if ref.days > 366:
            return None
        return year_iv(s.year + n)
    return None


def season_iv(y: int, code: str) -> Interval:
    """A season of year y (TIMEX3 codes SP, SU, FA, WI); winter ends in the next year."""
    starts = {"SP": ((3, 20), (6, 20)), "SU": ((6, 21), (9, 22)), "FA": ((9, 23), (12, 20)),
              "WI": ((12, 21), (3, 19))}
    (m1, d1), (m2, d2) = starts[code]
    end_year = y + 1 if code == "WI" else y
    return Interval(date(y, m1, d1), date(end_year, m2, d2), "range")


def easter(y: int) -> date:
    """Easter Sunday (Gregorian calendar, anonymous algorithm)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(y, month, day + 1)


def roman(s: str, values: dict[str, int]) -> int | None:
    """The value of a Roman numeral (None if a letter is not one)."""
    total, prev = 0, 0
    for ch in reversed(s):
        v = values.get(ch)
        if v is None:
            return None
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total
