"""When was a document published, and how do we know.

In order: metadata (JSON Lines ``published``, HTML meta tags), a dateline or a short
date line at the top of the text, else inferred from the dates the text mentions and
the tenses around them (an article cannot report as past what happened after it
appeared, nor announce as future what came before), else unknown.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Callable

from ..lang import Lexicon
from ..model import Interval, PublicationDate
from .dates import DateMatch, find_dates
from .sentences import dateline_cuts

ISO = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*$")
TOP_LINE_MAX_WORDS = 12


def parse_iso(raw: str | None) -> Interval | None:
    """An ISO 8601 date at any precision (2023, 2023-08, 2023-08-21, a timestamp) as an interval."""
    if not raw:
        return None
    m = ISO.match(raw)
    if not m:
        return None
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    try:
        if d:
            day = date(y, int(mo), int(d))
            return Interval(day, day, "day")
        if mo:
            last = calendar.monthrange(y, int(mo))[1]
            return Interval(date(y, int(mo), 1), date(y, int(mo), last), "month")
        return Interval(date(y, 1, 1), date(y, 12, 31), "year")
    except ValueError:
        return None


def _top_regions(text: str, lex: Lexicon) -> list[tuple[int, int, str]]:
    """Where a date is the publication date: datelines, and short lines at the top."""
    regions = []
    for cut in dateline_cuts(text, lex):
        regions.append((text.rfind("\n", 0, cut) + 1, cut, "dateline"))
    start = 0
    for _ in range(3):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = text[start:end]
        if line.strip() and len(line.split()) <= TOP_LINE_MAX_WORDS:
            regions.append((start, end, "text"))
        if end >= len(text):
            break
        start = end + 1
    return regions


def from_top(text: str, dates: list[DateMatch], lex: Lexicon) -> tuple[DateMatch | None, str]:
    """The first day-precise date in a dateline or a short top line, and which of the two."""
    regions = _top_regions(text, lex)
    for m in dates:
        for a, b, source in regions:
            if a <= m.start and m.end <= b and m.kind in ("absolute", "partial") \
                    and (m.interval is None or m.interval.granularity == "day"):
                return m, source
    return None, "unknown"


def infer_bounds(dates: list[DateMatch], tense: Callable[[int], str | None]) -> Interval | None:
    """The span the publication date must lie in, from the dates the text states with a year."""
    stated = [m for m in dates if m.interval is not None and m.explicit_year and m.kind in ("absolute", "part")]
    past = [m.interval for m in stated if tense(m.start) in ("past", "present")]
    if not past:
        return None
    low = max(i.end for i in past)
    future = [m.interval for m in stated if tense(m.start) == "future" and m.interval.start > low]
    high = min((i.start - timedelta(days=1) for i in future), default=date(low.year, 12, 31))
    return Interval(low, max(low, high), "range", inferred=True)


def publication_date(text: str, published_raw: str | None, tense: Callable[[int], str | None],
                     lex: Lexicon) -> tuple[PublicationDate, list[DateMatch]]:
    """The publication date, and the text's dates resolved against it."""
    meta = parse_iso(published_raw)
    if meta is not None:
        return PublicationDate(meta, "metadata"), find_dates(text, meta, tense, lex=lex)
    raw = find_dates(text, None, tense, lex=lex)
    top, source = from_top(text, raw, lex)
    if top is not None and top.explicit_year and top.interval is not None:
        return PublicationDate(top.interval, source), find_dates(text, top.interval, tense, lex=lex)
    bounds = infer_bounds(raw, tense)
    if bounds is None:
        return PublicationDate(None, "unknown"), raw
    if top is not None:
        # a dateline gives day and month ("BERLIN, 7 décembre (Reuters)"); the text gives the
        # year: the first such day after the latest event it reports as past
        resolved = find_dates(text, bounds, lambda _: "future", lex=lex)
        hit = next((m for m in resolved if m.start == top.start and m.interval is not None), None)
        if hit is not None:
            day = Interval(hit.interval.start, hit.interval.end, "day", inferred=True)
            return PublicationDate(day, source), find_dates(text, day, tense, lex=lex)
    return PublicationDate(bounds, "inferred"), find_dates(text, bounds, tense, lex=lex)
