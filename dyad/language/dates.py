"""French date expressions: find them in text and resolve each to an inclusive interval.

Resolution uses a reference (the publication date, a day or a whole year) and the tense of
the verb governing each expression: "effectuera une visite le 31 octobre" is the next
31 October, "a signé le 31 octobre" the last one. All words live in data/fr/dates.json.

Matching works in two levels. One regex finds *atoms* (a day and month, a year, a weekday,
"hier", "l'an dernier", "premier semestre 2024", a range "du 20 au 22 août"...); words in
front of an atom then widen it: an edge ("fin mars", "la fin de l'année"), a deadline
("d'ici 2030"), or a past signal ("depuis 1992", not part of the extent).
"""
from __future__ import annotations

import calendar
import json
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

from ..model import Interval
from ..lang import lexicon

Tense = Callable[[int], "str | None"]


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


# --------------------------------------------------------------------------- vocabulary

def _norm(s: str) -> str:
    """Lower case, straight apostrophes, single spaces: the form used as a data key."""
    s = s.lower().replace("’", "'")
    s = re.sub(r"\s+", " ", s)
    return re.sub(r"'\s+", "'", s).strip()


def _phrase(p: str) -> str:
    """A data phrase as a regex: a space is any run of spaces, an apostrophe ' or ’."""
    out = []
    for ch in p:
        if ch == "'":
            out.append(r"['’]\s*")
        elif ch == " ":
            out.append(r"\s+")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def _alt(words: Any) -> str:
    return "(?:" + "|".join(_phrase(w) for w in sorted(set(words), key=len, reverse=True)) + ")"


B = r"(?<![\w])"  # left word boundary that also works before accented letters
E = r"(?![\w])"
# a year is not part of a larger number (60.082.000, 2 000 000) nor of a code (SN 2016gkg)
Y4 = r"(?<![\d.,])(?:1\d|20|21)\d\d(?![\w]|[.,]\d|\s\d{3}(?!\d))"
Y2 = r"['’]?\d\d(?=\s*(?:[,.;:](?!\d)|[)»!?]|$))"
DAY = r"(?:1\s?er|1\s?re|[12]\d|3[01]|0?[1-9])(?![\d\w])"  # "1 er": tokenised text

# Atom kinds, tried in this order at each position (the first that matches and validates wins).
# {NAME} is a word list of dates.json ({W:name} one of its "words"); a list whose phrases may
# end in an apostrophe (d') is followed by \s* rather than \s+.
TEMPLATES: list[tuple[str, str]] = [
    ("dmy", r"(?<![\d/.])(?P<d>0?[1-9]|[12]\d|3[01])[/.](?P<m>0?[1-9]|1[0-2])[/.](?P<y>\d{4})(?![\d/.]\d|\d)"),
    ("ymd", r"(?<![\d/.-])(?P<y>\d{4})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?!\d)"),
    ("dayspan_et", B + r"{W:between}\s+(?P<p1>(?:{W:day_determiners}\s+)?(?:(?P<wd1>{WD})\s+)?(?P<d1>{DAY})"
                   r"(?:\s+(?P<m1>{MON}))?(?:\s+(?P<y1>{Y4}))?)\s+{W:and}\s+(?P<p2>(?:{W:day_determiners}\s+)?"
                   r"(?:(?P<wd2>{WD})\s+)?(?P<d2>{DAY})\s+(?P<m2>{MON})(?:\s+(?P<y2>{Y4}))?(?:\s+(?P<dir>{DIR}))?)" + E),
    ("dayspan", B + r"(?:{SPANOPEN}\s*)?(?P<p1>(?:(?P<wd1>{WD})\s+)?(?P<d1>{DAY})(?:\s+(?P<m1>{MON}))?"
                r"(?:\s+(?P<y1>{Y4}))?)\s*{SPANCONN}\s*(?P<p2>(?:(?P<wd2>{WD})\s+)?(?P<d2>{DAY})\s+"
                r"(?P<m2>{MON})(?:\s+(?P<y2>{Y4}))?(?:\s+(?P<dir>{DIR}))?)" + E),
    ("list", B + r"(?P<p1>{LISTOPEN}\s+(?P<items>{DAY}(?:\s+{MON})?(?:\s*,\s*{DAY}(?:\s+{MON})?)*))\s*"
             r"{W:list_separators}\s*(?P<p2>(?P<d2>{DAY})\s+(?P<m2>{MON})(?:\s+(?P<y2>{Y4}))?(?:\s+(?P<dir>{DIR}))?)" + E),
    ("monthspan_open", B + r"{W:month_span_openers}\s*(?P<p1>(?P<m1>{MON})(?:\s+(?P<y1>{Y4}))?)\s*"
                       r"{W:month_span_connectors}\s*(?P<p2>(?P<m2>{MON})(?:\s+(?P<y2>{Y4}))?)" + E),
    ("monthspan_dash", B + r"(?P<p1>(?P<m1>{MON})(?:\s+(?P<y1>{Y4}))?)\s*[-–/]\s*(?P<p2>(?P<m2>{MON})"
                       r"(?:\s+(?P<y2>{Y4}))?)" + E),
    ("yearspan_open", B + r"{W:year_span_openers}\s*(?P<p1>(?:{W:the_year}\s+)?(?P<y1>{Y4}))\s+"
                      r"{W:year_span_connectors}\s+(?P<p2>(?P<y2>{Y4}))"),
    ("yearspan_dash", r"(?P<p1>(?P<y1>{Y4}))\s*[-–/]\s*(?P<p2>(?P<y2>{Y4}|\d\d(?![\d.,])))"),
    ("part", B + r"(?:{W:period_determiners}\s*)?(?:(?P<card>{CARD}|\d{1,2})\s+(?P<fl>{FL})\s+{W:month_unit}"
             r"|(?P<ord>{ORD})\s+(?P<period>{PERIOD}))(?:\s+(?:{W:of}\s*)?(?:(?P<thisy>{W:this_year})"
             r"|(?P<rely>{W:the_year})\s+(?P<dir>{DIR})|(?:{W:the_year}\s+)?(?P<y>{Y4})|(?P<they>{W:the_year})))?" + E),
    ("decade", B + r"(?:{W:decade_determiners}\s+)?{DECADE}\s+(?P<dec>(?:19|20)?\d0)(?!\d)"),
    ("century", B + r"(?:{W:century_determiners}\s+)?(?P<c>[IVXL]+|\d{1,2})\s?{W:century_suffixes}\s+{CENTURY}" + E),
    ("date", B + r"(?:{W:day_determiners}\s+)?(?:(?P<wd>{WD})\s+(?:(?P<pod>{POD})\s+)?)?(?P<d>{DAY})(?:\s+|-)"
             r"(?P<m>{MON})(?:\s+(?P<y>{Y4}|{Y2}))?(?:\s+(?P<dir>{DIR}))?" + E),
    ("wdday", B + r"(?:{W:day_determiners}\s+)?(?P<wd>{WD})\s+(?P<d>{DAY})(?!\s*{HOURS}|\s*[,.:h]\s*\d)"),
    ("holiday", B + r"(?:(?P<det>{W:holiday_determiners})\s+)?(?:{W:feast_of}\s*)?(?P<h>{HOLIDAY})"
                r"(?:\s+(?P<y>{Y4}))?" + E),
    ("monthyear", B + r"(?:{W:month_of}\s*)?(?P<m>{MON})\s+(?P<y>{Y4}|{Y2})"),
    ("ago", B + r"(?P<ago>{AGO}|{IN})\s+(?P<n>{CARD}|\d{1,3})\s+(?P<unit>{UNITS})" + E),
    ("anaph", B + r"(?P<w>{ANAPH})(?:\s+{PODLINK}(?P<pod>{POD}))?" + E),
    ("night", B + r"{W:night_of}\s+(?P<wd1>{WD})\s+{W:night_to}\s+(?P<wd2>{WD})" + E),
    ("rel", B + r"(?P<w>{REL})(?:\s+(?P<wd>{WD}))?(?:\s+{PODLINK}(?P<pod>{POD}))?" + E),
    ("unitrel", B + r"(?P<det>{DETS})\s*(?P<unit>{UNIT})(?:(?P<ci>{UNITSUFFIX})|\s+(?P<dir>{DIR}))?" + E),
    ("weekday", B + r"(?:(?P<this>{W:weekday_this})\s+)?(?:{W:same}\s+)?(?P<wd>{WD})(?:\s+{PODLINK}(?P<pod>{POD}))?"
                r"(?:\s+(?P<dir>{DIR}))?" + E),
    ("month", B + r"(?:(?P<of>{W:month_of})\s*)?(?P<m>{MON})(?:\s+(?P<dir>{DIR}))?" + E),
    ("season", B + r"(?:(?P<det>{W:season_determiners})\s*)?(?P<s>{SEASON})(?:\s+(?P<y>{Y4})|\s+(?P<dir>{DIR}))?" + E),
    ("theyear", B + r"{W:the_year}" + E + r"(?!\s*\d)"),
    ("year", B + r"(?:(?P<pre>{W:the_year})\s+)?(?P<y>{Y4})"),
    ("year2", B + r"(?P<y>['’]?\d\d)(?=\s*(?:[,.;:](?!\d)|[()»!?]|$))"),
]


@dataclass
class _Grammar:
    """dates.json compiled: lookups by normalised word, the atom regexes, and context tests."""

    data: dict[str, Any]
    months: dict[str, int]
    weekdays: dict[str, int]
    kinds: list[tuple[str, re.Pattern[str]]]
    master: re.Pattern[str]
    edge: re.Pattern[str]
    deadline: re.Pattern[str]
    signal: re.Pattern[str]
    shared_dir: re.Pattern[str]
    list_item: re.Pattern[str]
    year_next: frozenset[str]
    befores: dict[str, re.Pattern[str]]  # data "before" lists, each matching at the end of a text
    afters: dict[str, re.Pattern[str]]  # data "after" lists, each matching at the start of a text

    def before(self, name: str, text: str) -> bool:
        """Whether the text ends with one of the words of the "before" list ``name``."""
        return bool(self.befores[name].search(text))

    def after(self, name: str, text: str, pos: int = 0) -> bool:
        """Whether one of the words of the "after" list ``name`` comes at ``pos`` (spaces skipped)."""
        return bool(self.afters[name].match(text, pos))


def _master_free(pattern: str) -> str:
    """The same regex with its named groups made anonymous, for the combined alternation."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


def _fragments(data: dict[str, Any], months: dict[str, int], weekdays: dict[str, int]) -> dict[str, str]:
    frag = {
        "MON": _alt(months), "WD": _alt(weekdays), "POD": _alt(data["parts_of_day"]),
        "DAY": "(?:" + DAY + "|" + _alt(data["day_words"]) + E + ")", "Y4": Y4, "Y2": Y2,
        "DIR": _alt(data["directions"]), "SPANOPEN": _alt(data["span_openers"]),
        "SPANCONN": _alt(data["span_connectors"]), "LISTOPEN": _alt(data["list_openers"]),
        "CARD": _alt(data["cardinals"]), "FL": _alt(data["first_last"]), "ORD": _alt(data["ordinals"]),
        "PERIOD": _alt(data["periods"]), "DECADE": _alt(data["decade_words"]),
        "CENTURY": _alt(data["century_words"]), "AGO": _alt(data["ago"]), "IN": _alt(data["in"]),
        "ANAPH": _alt(data["anaphoric"]), "REL": _alt(data["relative"]), "UNIT": _alt(data["relative_units"]),
        "UNITS": _alt(data["units"]), "UNITSUFFIX": _alt(data["unit_suffixes"]), "SEASON": _alt(data["seasons"]),
        "PODLINK": "(?:" + _alt(data["words"]["part_of_day_links"]) + r"\s*)?",
        "HOURS": _alt(data["after"]["hours_after_day"]) + E,
        "HOLIDAY": _alt(list(data["holidays"]) + list(data["easter_holidays"])),
        "DETS": _alt(data["this_determiners"] + data["the_determiners"]),
    }
    frag.update({f"W:{k}": _alt(v) for k, v in data["words"].items()})
    return frag


def _expand(template: str, frag: dict[str, str]) -> str:
    """A template with its {NAME} placeholders replaced (regex quantifiers like {4} are kept)."""
    return re.sub(r"\{([A-Z][A-Z0-9]*|W:\w+)\}", lambda m: frag[m.group(1)], template)


@lru_cache(maxsize=None)
def _grammar(lang: str = "fr") -> _Grammar:
    data = lexicon(lang).dates
    months = {_norm(k): v for k, v in data["months"].items()}
    weekdays = {_norm(k): v for k, v in data["weekdays"].items()}
    frag = _fragments(data, months, weekdays)
    kinds = [(name, re.compile(_expand(tpl, frag), re.I)) for name, tpl in TEMPLATES]
    master = re.compile("|".join(f"(?P<{n}>{_master_free(p.pattern)})" for n, p in kinds), re.I)

    def ending(words: Any) -> re.Pattern[str]:
        return re.compile(B + r"(?P<w>" + _alt(words) + r")\s*$", re.I)

    edge = re.compile(r"(?:(?P<det>" + _alt(data["edge_determiners"]) + r")\s+)?(?P<edge>" + _alt(data["edges"])
                      + r")\s*(?:" + _alt(data["words"]["edge_links"]) + r"\s*)?$", re.I)
    return _Grammar(
        data, months, weekdays, kinds, master, edge,
        deadline=ending(data["deadlines"]),
        signal=ending(data["signals"]),
        shared_dir=re.compile(r"\s*" + frag["W:coordinators"] + r"\s*" + frag["MON"] + r"\s+(" + frag["DIR"] + ")", re.I),
        list_item=re.compile(r"(?P<d>" + frag["DAY"] + r")(?:\s+(?P<m>" + frag["MON"] + "))?", re.I),
        year_next=frozenset(_norm(w) for w in data["year_next_words"]),
        befores={k: ending(v) for k, v in data["before"].items()},
        afters={k: re.compile(r"\s*" + _alt(v) + r"(?![\w])", re.I) for k, v in data["after"].items()},
    )


# --------------------------------------------------------------------------- calendar

def _month_iv(y: int, m: int, gran: str = "month") -> Interval:
    return Interval(date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1]), gran)


def _year_iv(y: int) -> Interval:
    return Interval(date(y, 1, 1), date(y, 12, 31), "year")


def _months_iv(y: int, first: int, last: int, gran: str) -> Interval:
    return Interval(date(y, first, 1), date(y, last, calendar.monthrange(y, last)[1]), gran)


def _day_iv(d: date) -> Interval:
    return Interval(d, d, "day")


def _with(iv: Interval, **kw: Any) -> Interval:
    vals = {"start": iv.start, "end": iv.end, "granularity": iv.granularity, "inferred": iv.inferred}
    vals.update(kw)
    return Interval(**vals)


def _distance(a: Interval, b: Interval) -> int:
    if a.overlaps(b):
        return 0
    return (b.start - a.end).days if a.end < b.start else (a.start - b.end).days


def _choose(cands: list[Interval], ref: Interval, tense: str | None, direction: str | None) -> Interval | None:
    """The candidate the tense or direction points to (see the module docstring)."""
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
    return min(cands, key=lambda c: _distance(c, ref))


def _timex(iv: Interval) -> str:
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


def _two_digit_year(s: str, ref: Interval | None) -> int:
    yy = int(s.lstrip("'’"))
    pivot = (ref.end.year + 10) if ref else 2050
    year = 2000 + yy if 2000 + yy <= pivot else 1900 + yy
    return year


def _year_of(s: str | None, ref: Interval | None) -> int | None:
    if not s:
        return None
    s = s.strip()
    return int(s) if len(s) == 4 and s.isdigit() else _two_digit_year(s, ref)


def _thirds(iv: Interval, edge: str) -> Interval:
    """The first, middle or last third of a period: of a month days 1-10, 11-20, 21-end; of a
    year January-April, May-August, September-December; of whole years (a decade, a century)
    whole years, cut at a third and two thirds."""
    i = ("start", "mid", "end").index(edge)
    if iv.granularity == "month":
        a, b = [(1, 10), (11, 20), (21, iv.end.day)][i]
        return _with(iv, start=iv.start.replace(day=a), end=iv.start.replace(day=b))
    if iv.granularity == "year":
        a, b = [(1, 4), (5, 8), (9, 12)][i]
        y = iv.start.year
        return _with(iv, start=date(y, a, 1), end=date(y, b, calendar.monthrange(y, b)[1]))
    if (iv.start.month, iv.start.day, iv.end.month, iv.end.day) == (1, 1, 12, 31) and iv.end.year > iv.start.year:
        n = iv.end.year - iv.start.year + 1
        cuts = [0, round(n / 3), round(2 * n / 3), n]
        return _with(iv, start=date(iv.start.year + cuts[i], 1, 1), end=date(iv.start.year + cuts[i + 1] - 1, 12, 31))
    a = iv.start + timedelta(days=iv.days * i // 3)
    b = iv.start + timedelta(days=iv.days * (i + 1) // 3 - 1)
    return _with(iv, start=a, end=max(a, b))


# --------------------------------------------------------------------------- resolution

@dataclass
class _Piece:
    """One part of a match as TimeML cuts it (each end of a range is its own TIMEX3)."""

    start: int
    end: int
    interval: Interval | None
    timex: str | None


@dataclass
class _Found:
    """A resolved atom, before it becomes a DateMatch."""

    start: int
    end: int
    interval: Interval | None
    kind: str
    anchor: str | None
    explicit_year: bool
    timex: str | None
    pieces: list[_Piece] = field(default_factory=list)
    edge: str | None = None
    deadline: tuple[int, int, str] | None = None  # (start, start of the date, words)


SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")


class _Context:
    """What resolution needs: the text, reference, tense, and the dates seen so far."""

    def __init__(self, text: str, ref: Interval | None, tense: Tense | None, g: _Grammar) -> None:
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
            which = self.g.data["signals"][_norm(sm["w"])]
            return None if which == "nearest" else which
        return self.tense_fn(offset) if self.tense_fn else None

    def before(self, offset: int, width: int = 40) -> str:
        return self.text[max(0, offset - width):offset]

    @property
    def day_ref(self) -> Interval | None:
        """The reference when it is one day; day-level relatives need it."""
        return self.ref if self.ref is not None and self.ref.start == self.ref.end else None


def _num(g: _Grammar, s: str) -> int:
    s = _norm(s)
    return int(s) if s.isdigit() else g.data["cardinals"][s]


def _day_num(g: _Grammar, s: str) -> int:
    s = _norm(s).replace(" ", "")
    return g.data["day_words"].get(s) or int(s)


def _direction(g: _Grammar, s: str | None) -> str | None:
    return g.data["directions"][_norm(s)] if s else None


def _partial_day(ctx: _Context, month: int, day: int | None, tense: str | None, direction: str | None,
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
            cands.append(_day_iv(date(y, month, day)) if day else _month_iv(y, month))
        except ValueError:
            continue
    pick = _choose(cands, base, tense, direction)
    if pick is not None and weekday is not None and day and pick.start.weekday() != weekday:
        # "lundi 21 août": prefer a neighbouring year where the day is a Monday
        # (two years off at most: the same day falls on the same weekday only every five to six years)
        fits = [c for c in cands if c.start.weekday() == weekday and 1 <= abs(c.start.year - pick.start.year) <= 2]
        if fits:
            pick = min(fits, key=lambda c: _distance(c, base))
    return _with(pick, inferred=True) if pick else None


def _weekday(ctx: _Context, wd: int, tense: str | None, direction: str | None) -> Interval | None:
    base = ctx.day_ref
    if direction in ("before", "after"):
        base = ctx.last_day or base
        direction = "past" if direction == "before" else "future"
    if base is None:
        return None
    cands = [_day_iv(base.start + timedelta(days=k)) for k in range(-7, 8)
             if (base.start + timedelta(days=k)).weekday() == wd]
    pick = _choose(cands, base, tense, direction)
    return _with(pick, inferred=True) if pick else None


def _shift(iv_unit: str, ref: Interval, n: int) -> Interval | None:
    """The calendar unit containing the reference's start, moved n units."""
    s = ref.start
    if iv_unit == "day":
        if ref.start != ref.end:
            return None
        return _day_iv(s + timedelta(days=n))
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
        return _months_iv(y, first + 1, first + size, iv_unit)
    if iv_unit == "year":
        if ref.days > 366:
            return None
        return _year_iv(s.year + n)
    return None


class _Resolver:
    """One method per atom kind: regex match in, _Found (or None to reject) out."""

    def __init__(self, ctx: _Context) -> None:
        self.ctx, self.g = ctx, ctx.g

    # -- helpers
    def _found(self, m: re.Match[str], iv: Interval | None, kind: str, anchor: str | None,
               explicit: bool, timex: str | None) -> _Found:
        """The whole regex match as one expression (and one TimeML piece)."""
        return _Found(m.start(), m.end(), iv, kind, anchor, explicit, timex, [_Piece(m.start(), m.end(), iv, timex)])

    def _month(self, s: str) -> int:
        return self.g.months[_norm(s)]

    def _wd(self, s: str | None) -> int | None:
        return self.g.weekdays[_norm(s)] if s else None

    def _day_or_none(self, y: int, mo: int, d: int) -> date | None:
        try:
            return date(y, mo, d)
        except ValueError:
            return None

    def _place(self, m: re.Match[str], month: int, day: int | None, direction: str | None,
               weekday: int | None = None) -> tuple[Interval | None, str]:
        """A day or month without a year: the year written earlier in the sentence, else by the reference."""
        year = self.ctx.sentence_year(m.start()) if direction is None else None
        if year is not None:
            d = self._day_or_none(year, month, day or 1)
            if d is not None:
                iv = _day_iv(d) if day else _month_iv(year, month)
                return _with(iv, inferred=True), "text"
        return _partial_day(self.ctx, month, day, self.ctx.tense(m.start()), direction, weekday), "reference"

    def _name_like(self, at: int) -> bool:
        """A capitalised word that does not open a sentence or a line."""
        text = self.ctx.text
        if not text[at:at + 1].isupper() or text[at:at + 2].isupper():
            return False
        before = text[max(0, at - 4):at]
        return not (not before.strip() or re.search(r"[.!?»:\n(«\"–-]\s*$", before))

    # -- numeric dates
    def dmy(self, m: re.Match[str]) -> _Found | None:
        d = self._day_or_none(int(m["y"]), int(m["m"]), int(m["d"]))
        return self._found(m, _day_iv(d), "absolute", None, True, d.isoformat()) if d else None

    ymd = dmy

    # -- a day and month, maybe a year
    def date(self, m: re.Match[str]) -> _Found | None:
        day, month = _day_num(self.g, m["d"]), self._month(m["m"])
        pod = self.g.data["parts_of_day"].get(_norm(m["pod"])) if m["pod"] else None
        if m["y"]:
            d = self._day_or_none(_year_of(m["y"], self.ctx.ref), month, day)
            if d is None:
                return None
            tx = d.isoformat() + (f"T{pod}" if pod else "")
            return self._found(m, _day_iv(d), "absolute", None, True, tx)
        iv, anchor = self._place(m, month, day, _direction(self.g, m["dir"]), self._wd(m["wd"]))
        if iv is None and self.ctx.ref is not None:
            return None
        tx = (iv.start.isoformat() if iv else f"XXXX-{month:02d}-{day:02d}") + (f"T{pod}" if pod else "")
        kind = "relative" if m["dir"] else "partial"
        return self._found(m, iv, kind, anchor, False, tx)

    def monthyear(self, m: re.Match[str]) -> _Found | None:
        y = _year_of(m["y"], self.ctx.ref)
        iv = _month_iv(y, self._month(m["m"]))
        return self._found(m, iv, "absolute", None, True, _timex(iv))

    def month(self, m: re.Match[str]) -> _Found | None:
        text, ctx = self.ctx.text, self.ctx
        direction = _direction(self.g, m["dir"])
        if direction is None:
            # "en mai et juin derniers": the plural direction covers both months
            shared = self.g.shared_dir.match(text, m.end())
            if shared:
                direction = _direction(self.g, shared.group(1))
        if not (direction or m["of"] or self.g.before("month_alone_after", ctx.before(m.start()))):
            return None
        if self._name_like(m.start("m")):
            return None  # "Mai Fatty": a capitalised month inside a sentence is a name
        month = self._month(m["m"])
        iv, anchor = self._place(m, month, None, direction)
        if iv is None and ctx.ref is not None:
            return None
        tx = _timex(iv) if iv else f"XXXX-{month:02d}"
        return self._found(m, iv, "relative" if m["dir"] else "partial", anchor, False, tx)

    # -- years
    def _year_context_ok(self, m: re.Match[str], y: int) -> bool:
        """Whether a four-digit number is a year: by the word before (en, depuis) and the word after."""
        text, g = self.ctx.text, self.g
        after = text[m.end():m.end() + 30]
        if g.after("units_after_numbers", after):
            return False
        before = self.ctx.before(m.start())
        if m.groupdict().get("pre") or g.before("year_before", before):
            return True
        weak = g.before("year_before_weak", before)  # "de 2010" but also "de 1900 domiciles"
        nxt = re.match(r"[^\S\n]*([\w'’-]+)", after)
        if not nxt:
            return weak or 1800 <= y <= 2100  # punctuation, end of line or of text: "la révolution de 1789."
        if not 1800 <= y <= 2100:
            return False
        word = nxt.group(1)
        if (word[:1].isupper() and word.isalpha()) or _norm(word) in g.year_next \
                or _norm(word.split("'")[0].split("’")[0] + "'") in g.year_next:
            return True
        # after a name inside a sentence: "Grand Prix 2018", "la Dublin Pride 2018 attire"
        prev = re.search(r"([\w-]+)[^\S\n]+$", before)
        if weak or not prev or not prev.group(1)[:1].isupper():
            return False
        head = before[:prev.start(1)].rstrip(" \t")
        return bool(head) and head[-1] not in ".!?»:\n"

    def year(self, m: re.Match[str]) -> _Found | None:
        y = int(m["y"])
        if not self._year_context_ok(m, y):
            return None
        iv = _year_iv(y)
        return self._found(m, iv, "absolute", None, True, _timex(iv))

    def year2(self, m: re.Match[str]) -> _Found | None:
        if not self.g.before("two_digit_year_after", self.ctx.before(m.start())):
            return None
        iv = _year_iv(_two_digit_year(m["y"], self.ctx.ref))
        return self._found(m, iv, "absolute", None, True, _timex(iv))

    def theyear(self, m: re.Match[str]) -> _Found | None:
        """Bare "l'année": the reference year, but only with an edge or deadline in front."""
        before = self.ctx.before(m.start())
        if not (self.g.edge.search(before) or self.g.deadline.search(before)):
            return None
        iv = _shift("year", self.ctx.ref, 0) if self.ctx.ref else None
        return self._found(m, _with(iv, inferred=True) if iv else None, "relative", "reference", False,
                           _timex(iv) if iv else None)

    # -- ranges
    def _ends(self, m: re.Match[str]) -> tuple[_Found, _Found] | None:
        """Both ends of a day or month range; the first borrows month and year from the second."""
        ctx, gd = self.ctx, m.groupdict()
        m2 = self._month(m["m2"])
        m1 = self._month(gd["m1"]) if gd.get("m1") else m2
        y2 = _year_of(gd.get("y2"), ctx.ref)
        y1 = _year_of(gd.get("y1"), ctx.ref) or y2
        d1 = _day_num(self.g, gd["d1"]) if gd.get("d1") else None
        d2 = _day_num(self.g, gd["d2"]) if gd.get("d2") else None
        tense, direction = ctx.tense(m.start()), _direction(self.g, gd.get("dir"))
        if y2 is None:
            iv2 = _partial_day(ctx, m2, d2, tense, direction, self._wd(gd.get("wd2")))
            if iv2 is None:
                return None
            y2 = iv2.start.year
            y1 = y1 or (y2 - 1 if (m1, d1 or 1) > (m2, d2 or 1) else y2)
            inferred = True
        else:
            inferred = False
            if y1 is None:
                y1 = y2
        try:
            a = date(y1, m1, d1) if d1 else date(y1, m1, 1)
            b = date(y2, m2, d2) if d2 else _month_iv(y2, m2).end
        except ValueError:
            return None
        if a > b:
            return None
        iv1 = _with(_day_iv(a) if d1 else _month_iv(a.year, a.month), inferred=inferred)
        iv2 = _with(_day_iv(b) if d2 else _month_iv(b.year, b.month), inferred=inferred)
        f1 = _Found(m.start("p1"), m.end("p1"), iv1, "partial", None, False, _timex(iv1))
        f2 = _Found(m.start("p2"), m.end("p2"), iv2, "partial", None, False, _timex(iv2))
        return f1, f2

    @staticmethod
    def _span(ends: tuple[_Found, _Found], explicit: bool, inferred: bool) -> _Found:
        """One range from its two ends; the ends stay as TimeML pieces."""
        f1, f2 = ends
        iv = Interval(f1.interval.start, f2.interval.end, "range", inferred)
        f = _Found(f1.start, f2.end, iv, "span", "reference" if inferred else None, explicit,
                   f"{f1.timex}/{f2.timex}")
        f.pieces = [_Piece(f1.start, f1.end, f1.interval, f1.timex), _Piece(f2.start, f2.end, f2.interval, f2.timex)]
        return f

    def dayspan(self, m: re.Match[str]) -> _Found | None:
        if self.ctx.ref is None and not m["y2"]:
            return self._unresolved_span(m)
        ends = self._ends(m)
        if ends is None:
            return None
        return self._span(ends, bool(m["y2"]), not m["y2"])

    dayspan_et = dayspan
    monthspan_open = dayspan
    monthspan_dash = dayspan

    def _unresolved_span(self, m: re.Match[str], kind: str = "span") -> _Found:
        """A range without a year and no reference to place it: month and days only (XXXX-08-20)."""
        gd = m.groupdict()
        m2 = self._month(m["m2"])
        m1 = self._month(gd["m1"]) if gd.get("m1") else m2
        tx = []
        for mo, d in ((m1, gd.get("d1")), (m2, gd.get("d2"))):
            tx.append(f"XXXX-{mo:02d}" + (f"-{_day_num(self.g, d):02d}" if d else ""))
        return _Found(m.start("p1"), m.end("p2"), None, kind, "reference", False, "/".join(tx),
                      [_Piece(m.start("p1"), m.end("p1"), None, tx[0]), _Piece(m.start("p2"), m.end("p2"), None, tx[1])])

    def list(self, m: re.Match[str]) -> _Found | None:
        """"les 21 et 22 août", "les 8, 10 et 12 mai 2018": days that share the last month and year."""
        ctx = self.ctx
        items = [(im.start(), im.end(), im["d"], im["m"])
                 for im in self.g.list_item.finditer(ctx.text, m.start("items"), m.end("items"))]
        items.append((m.start("p2"), m.end("p2"), m["d2"], m["m2"]))
        items[0] = (m.start(), *items[0][1:])  # TimeML keeps the article with the first day: "les 6"
        months, following = [], self._month(m["m2"])
        for _, _, _, mo in reversed(items):  # a day without a month takes the next one's
            following = self._month(mo) if mo else following
            months.append(following)
        months.reverse()
        days = [_day_num(self.g, d) for _, _, d, _ in items]
        year = _year_of(m["y2"], ctx.ref)
        if year is None and ctx.ref is not None:
            last = _partial_day(ctx, months[-1], days[-1], ctx.tense(m.start()), _direction(self.g, m["dir"]))
            if last is None:
                return None
            year = last.start.year
        pieces = []
        for (s, e, _, _), mo, d in zip(items, months, days):
            if year is None:
                pieces.append(_Piece(s, e, None, f"XXXX-{mo:02d}-{d:02d}"))
                continue
            y = year if (mo, d) <= (months[-1], days[-1]) else year - 1
            day = self._day_or_none(y, mo, d)
            if day is None:
                return None
            pieces.append(_Piece(s, e, _with(_day_iv(day), inferred=not m["y2"]), day.isoformat()))
        inferred = not m["y2"]
        iv = None if year is None else Interval(pieces[0].interval.start, pieces[-1].interval.end, "range", inferred)
        f = _Found(m.start(), m.end(), iv, "span", "reference" if inferred else None, not inferred,
                   f"{pieces[0].timex}/{pieces[-1].timex}", pieces)
        if len(set(months)) > 1:
            f.kind = "list"  # "les 14 juillet et 19 décembre derniers": separate days, not a range
        return f

    def _yearspan(self, m: re.Match[str]) -> _Found | None:
        y1 = int(m["y1"])
        raw2 = m["y2"]
        y2 = int(raw2) if len(raw2) == 4 else (y1 // 100) * 100 + int(raw2)
        if not y1 < y2 <= y1 + 100 or self.g.after("units_after_numbers", self.ctx.text, m.end()):
            return None
        if len(raw2) == 2 and not 1800 <= y1 <= 2100:
            return None
        i1, i2 = _year_iv(y1), _year_iv(y2)
        return self._span((_Found(m.start("p1"), m.end("p1"), i1, "absolute", None, True, str(y1)),
                              _Found(m.start("p2"), m.end("p2"), i2, "absolute", None, True, str(y2))), True, False)

    def yearspan_open(self, m: re.Match[str]) -> _Found | None:
        return self._yearspan(m)

    def yearspan_dash(self, m: re.Match[str]) -> _Found | None:
        before = self.ctx.text[max(0, m.start() - 2):m.start()]
        if re.search(r"[\d/.-]\s*$", before) or re.match(r"[-/]\d", self.ctx.text[m.end():m.end() + 2]):
            return None  # part of a longer number, a phone number or a date
        return self._yearspan(m)

    # -- parts of a year
    def part(self, m: re.Match[str]) -> _Found | None:
        """"premier semestre 2024", "au premier trimestre", "les six premiers mois de 2023"."""
        g, ctx = self.g, self.ctx
        months = self._part_months(m)
        if months is None:
            return None
        first, last = months
        size = last - first + 1
        gran = {3: "quarter", 6: "half"}.get(size, "range") if (first - 1) % size == 0 else "range"
        if m["y"]:
            y = int(m["y"])
        elif ctx.ref is None:
            return self._found(m, None, "part", "reference", False, None)
        elif m["rely"]:
            step = {"past": -1, "before": -1, "future": 1, "after": 1}.get(_direction(g, m["dir"]) or "", 0)
            y = ctx.ref.start.year + step
        elif m["thisy"] or m["they"]:
            y = ctx.ref.start.year
        else:
            cands = [_months_iv(yy, first, last, gran) for yy in range(ctx.ref.start.year - 1, ctx.ref.end.year + 2)]
            pick = _choose(cands, ctx.ref, ctx.tense(m.start()), None)
            if pick is None:
                return None
            y = pick.start.year
        iv = _with(_months_iv(y, first, last, gran), inferred=not m["y"])
        tx = _timex(iv) if gran != "range" else f"{y:04d}-{first:02d}/{y:04d}-{last:02d}"
        return self._found(m, iv, "part", None if m["y"] else "reference", bool(m["y"]), tx)

    def _part_months(self, m: re.Match[str]) -> tuple[int, int] | None:
        """First and last month of an ordinal part of a year, or of the first/last N months."""
        g = self.g
        if m["period"]:
            size = g.data["periods"][_norm(m["period"])]
            n, count = g.data["ordinals"][_norm(m["ord"])], 12 // size
            n = count if n == -1 else n  # "le dernier trimestre"
            return ((n - 1) * size + 1, n * size) if 1 <= n <= count else None
        k = _num(g, m["card"])
        if not 1 <= k <= 11:
            return None
        return (1, k) if g.data["first_last"][_norm(m["fl"])] == "first" else (13 - k, 12)

    def decade(self, m: re.Match[str]) -> _Found | None:
        dec = m["dec"]
        y = int(dec) if len(dec) == 4 else 1900 + int(dec)
        iv = Interval(date(y, 1, 1), date(y + 9, 12, 31), "decade")
        return self._found(m, iv, "absolute", None, True, f"{y // 10:03d}X")

    def century(self, m: re.Match[str]) -> _Found | None:
        raw = m["c"]
        n = int(raw) if raw.isdigit() else _roman(raw.upper(), self.g.data["roman_numerals"])
        if not n or not 1 <= n <= 22:
            return None
        y = (n - 1) * 100
        iv = Interval(date(max(y, 1), 1, 1), date(y + 99, 12, 31), "range")
        return self._found(m, iv, "absolute", None, True, f"{n - 1:02d}XX")

    def season(self, m: re.Match[str]) -> _Found | None:
        ctx, g = self.ctx, self.g
        code = g.data["seasons"][_norm(m["s"])]
        if not (m["det"] or m["y"] or m["dir"] or g.before("season_after", ctx.before(m.start()))):
            return None
        if not m["y"] and self._name_like(m.start("s")):
            return None  # "au Printemps": the department store
        if not m["y"] and g.after("name_after_season", ctx.text, m.end()) \
                and not re.match(r"\s*\S+\s+\d", ctx.text[m.end():m.end() + 12]):
            return None  # "le printemps de l'environnement": a name
        tense = ctx.tense(m.start())
        if m["y"]:
            y, explicit = int(m["y"]), True
        elif not (m["det"] or m["dir"]) and tense == "present":
            # "la demande augmente en été": a habit, not one summer
            return self._found(m, None, "partial", None, False, f"XXXX-{code}")
        elif ctx.ref is None:
            return self._found(m, None, "partial", "reference", False, f"XXXX-{code}")
        else:
            cands = [_season_iv(yy, code) for yy in range(ctx.ref.start.year - 1, ctx.ref.end.year + 2)]
            pick = _choose(cands, ctx.ref, tense, _direction(g, m["dir"]))
            if pick is None:
                return None
            y, explicit = pick.start.year, False
        iv = _with(_season_iv(y, code), inferred=not explicit)
        kind = "absolute" if explicit else ("relative" if m["dir"] else "partial")
        return self._found(m, iv, kind, None if explicit else "reference", explicit, f"{y:04d}-{code}")

    # -- relative to the reference
    def rel(self, m: re.Match[str]) -> _Found | None:
        ctx, g = self.ctx, self.g
        word = _norm(m["w"])
        spec = g.data["relative"][word]
        unit, n = spec[0], spec[1]
        pod = spec[2] if len(spec) > 2 else (g.data["parts_of_day"].get(_norm(m["pod"])) if m["pod"] else None)
        if word in g.data["now_words"] and not m["wd"] and not pod and self._set_off(m):
            iv = _with(ctx.ref, inferred=True) if ctx.ref else None
            return self._found(m, iv, "relative", "reference", False, "PRESENT_REF")
        iv = _shift(unit, ctx.ref, n) if ctx.ref else None
        iv = _with(iv, inferred=True) if iv else None
        tx = (iv.start.isoformat() + (f"T{pod}" if pod else "")) if iv else None
        return self._found(m, iv, "relative", "reference", False, tx)

    def _set_off(self, m: re.Match[str]) -> bool:
        """Opening a sentence or between commas, "aujourd'hui" means nowadays."""
        before = self.ctx.text[max(0, m.start() - 3):m.start()]
        after = self.ctx.text[m.end():m.end() + 2]
        opens = not before.strip() or re.search(r"[.!?»:;]\s*$", before)
        return bool(re.match(r"\s*,", after) and (opens or re.search(r",\s*$", before)))

    def wdday(self, m: re.Match[str]) -> _Found | None:
        """"samedi 21": the nearby month where the 21st is a Saturday, by tense."""
        ctx = self.ctx
        wd, d = self._wd(m["wd"]), _day_num(self.g, m["d"])
        base = ctx.day_ref
        if base is None:
            return None if ctx.ref is not None else self._found(m, None, "partial", "reference", False, None)
        cands = []
        for k in range(-3, 4):
            y, mo = divmod(base.start.year * 12 + base.start.month - 1 + k, 12)
            day = self._day_or_none(y, mo + 1, d)
            if day is not None and day.weekday() == wd:
                cands.append(_day_iv(day))
        pick = _choose(cands, base, ctx.tense(m.start()), None)
        if pick is None:
            return None
        iv = _with(pick, inferred=True)
        return self._found(m, iv, "partial", "reference", False, iv.start.isoformat())

    def holiday(self, m: re.Match[str]) -> _Found | None:
        """Noël, la Toussaint, Pâques, la Pentecôte...: a day without a year, or with one."""
        ctx, g = self.ctx, self.g
        before = ctx.before(m.start(), 12)
        if not m["det"] and g.before("holiday_name_after", before):
            return None  # "le marché de Noël", "le Père Noël"
        name = _norm(m["h"])

        def day_in(y: int) -> date:
            if name in g.data["holidays"]:
                mo, d = g.data["holidays"][name]
                return date(y, mo, d)
            return _easter(y) + timedelta(days=g.data["easter_holidays"][name])

        if m["y"]:
            d = day_in(int(m["y"]))
            return self._found(m, _day_iv(d), "absolute", None, True, d.isoformat())
        if ctx.ref is None:
            return self._found(m, None, "partial", "reference", False, None)
        cands = [_day_iv(day_in(y)) for y in range(ctx.ref.start.year - 1, ctx.ref.end.year + 2)]
        pick = _choose(cands, ctx.ref, ctx.tense(m.start()), None)
        if pick is None:
            return None
        iv = _with(pick, inferred=True)
        return self._found(m, iv, "partial", "reference", False, iv.start.isoformat())

    def anaph(self, m: re.Match[str]) -> _Found | None:
        ctx = self.ctx
        n = self.g.data["anaphoric"][_norm(m["w"])]
        if self.g.after("event_after_anaphoric", ctx.text, m.end()):
            # "au lendemain de la démission": counted from an event, not a date
            return self._found(m, None, "relative", "text", False, None)
        base = ctx.last_day
        anchor = "text"
        if base is None:
            base, anchor = ctx.day_ref, "reference"
        if base is None:
            return self._found(m, None, "relative", anchor, False, None)
        iv = _with(_day_iv(base.start + timedelta(days=n)), inferred=True)
        return self._found(m, iv, "relative", anchor, False, iv.start.isoformat() + self._pod(m))

    def _pod(self, m: re.Match[str]) -> str:
        """The TIMEX3 suffix for a part of day ("hier soir": T + EV), or nothing."""
        pod = m.groupdict().get("pod")
        return "T" + self.g.data["parts_of_day"][_norm(pod)] if pod else ""

    def night(self, m: re.Match[str]) -> _Found | None:
        """"la nuit de lundi à mardi": the two days, stated as a night (TIMEX3 TNI)."""
        first, second = self._wd(m["wd1"]), self._wd(m["wd2"])
        if (first + 1) % 7 != second:
            return None
        iv = _weekday(self.ctx, first, self.ctx.tense(m.start()), None)
        if iv is None:
            return self._found(m, None, "relative", "reference", False, None)
        iv = Interval(iv.start, iv.start + timedelta(days=1), "range", True)
        return self._found(m, iv, "relative", "reference", False, iv.start.isoformat() + "TNI")

    def ago(self, m: re.Match[str]) -> _Found | None:
        ctx, g = self.ctx, self.g
        if g.after("event_after_count", ctx.text, m.end()):
            return None  # "dans un jour de grande forme"
        n = _num(g, m["n"])
        unit = g.data["units"][_norm(m["unit"])]
        sign = -1 if _norm(m["ago"]) in [_norm(a) for a in g.data["ago"]] else 1
        ref = ctx.ref
        if ref is None:
            return self._found(m, None, "relative", "reference", False, None)
        if unit in ("day", "week"):
            if ctx.day_ref is None:
                return None
            iv = _day_iv(ref.start + timedelta(days=sign * n * (7 if unit == "week" else 1)))
        else:
            iv = _shift(unit, ref, sign * n)
            if iv is None:
                return None
        iv = _with(iv, inferred=True)
        return self._found(m, iv, "relative", "reference", False, _timex(iv))

    def unitrel(self, m: re.Match[str]) -> _Found | None:
        ctx, g = self.ctx, self.g
        det, unit = _norm(m["det"]), g.data["units"][_norm(m["unit"])]
        this = det in g.data["this_determiners"]
        direction = _direction(g, m["dir"])
        if m["ci"] and g.data["unit_suffixes"][_norm(m["ci"])] == "then":
            return None  # "cette année-là": an earlier date of the story, unknown here
        if not this and not direction:
            return None
        if this and direction in ("past", "future") and unit != "weekend":
            return None  # "cette semaine dernière" is unusual; let other atoms decide
        offset = {"past": -1, "before": -1, "future": 1, "after": 1}.get(direction or "", 0)
        base, anchor = ctx.ref, "reference"
        if direction in ("before", "after") and ctx.last is not None:
            base, anchor = ctx.last, "text"
        if base is None:
            return self._found(m, None, "relative", anchor, False, None)
        if unit == "weekend":
            return self._weekend(m, base, ctx.tense(m.start()) if this else direction, offset if not this else 0)
        iv = _shift(unit, base, offset)
        if iv is None:
            return None
        iv = _with(iv, inferred=True)
        return self._found(m, iv, "relative", anchor, False, _timex(iv))

    def _weekend(self, m: re.Match[str], base: Interval, tense: str | None, offset: int) -> _Found | None:
        if base.start != base.end:
            return None
        d = base.start
        sat = d + timedelta(days=5 - d.weekday())  # Saturday of the reference's week
        if offset:
            sat += timedelta(weeks=offset)
        elif tense == "past" and sat > d:
            sat -= timedelta(weeks=1)
        iv = Interval(sat, sat + timedelta(days=1), "week", True)
        y, w, _ = sat.isocalendar()
        return self._found(m, iv, "relative", "reference", False, f"{y:04d}-W{w:02d}-WE")

    def weekday(self, m: re.Match[str]) -> _Found | None:
        ctx, g = self.ctx, self.g
        after = ctx.text[m.end():m.end() + 15]
        nxt = re.match(r"\s*([\w-]+)", after)
        if nxt and _norm(nxt.group(1)) in g.data["weekday_not_before"]:
            return None  # "Vendredi saint"
        direction = _direction(g, m["dir"])
        if not m["this"] and not direction and g.before("weekday_habit_after", ctx.before(m.start())):
            return None  # "le mercredi": every Wednesday
        wd = self._wd(m["wd"])
        pod = g.data["parts_of_day"].get(_norm(m["pod"])) if m["pod"] else None
        iv = _weekday(ctx, wd, ctx.tense(m.start()), direction)
        if iv is None and ctx.ref is not None and ctx.day_ref is not None:
            return None
        tx = (iv.start.isoformat() if iv else f"XXXX-WXX-{wd + 1}") + (f"T{pod}" if pod else "")
        return self._found(m, iv, "relative", "reference", False, tx)


def _season_iv(y: int, code: str) -> Interval:
    starts = {"SP": ((3, 20), (6, 20)), "SU": ((6, 21), (9, 22)), "FA": ((9, 23), (12, 20)),
              "WI": ((12, 21), (3, 19))}
    (m1, d1), (m2, d2) = starts[code]
    end_year = y + 1 if code == "WI" else y
    return Interval(date(y, m1, d1), date(end_year, m2, d2), "range")


def _easter(y: int) -> date:
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


def _roman(s: str, values: dict[str, int]) -> int | None:
    total, prev = 0, 0
    for ch in reversed(s):
        v = values.get(ch)
        if v is None:
            return None
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total


# --------------------------------------------------------------------------- decorations

EDGEABLE = ("month", "year", "decade", "range", "quarter", "half")


def _decorate(f: _Found, ctx: _Context, floor: int) -> _Found:
    """Widen an atom with the edge ("fin", "début", "mi-") and deadline ("d'ici") words in front."""
    g = ctx.g
    single = len(f.pieces) == 1 and f.kind in ("absolute", "partial", "relative")
    if single and (f.interval is None or f.interval.granularity in EDGEABLE) and f.timex != "PRESENT_REF":
        before = ctx.before(f.start, 30)
        em = g.edge.search(before)
        if em and f.start - len(before) + em.start() >= floor:
            f.edge = g.data["edges"][_norm(em["edge"])]
            f.start = f.pieces[0].start = f.start - len(before) + em.start()
            f.kind = "part"
    before = ctx.before(f.start, 40)
    dm = g.deadline.search(before)
    if dm and f.start - len(before) + dm.start() >= floor:
        f.deadline = (f.start - len(before) + dm.start(), f.start, _norm(dm["w"]))
        f.start = f.deadline[0]
        f.kind = "deadline"
    # a deadline "d'ici la fin de l'année" is the whole year: the period by which to act
    if f.edge and f.interval is not None and not (f.kind == "deadline" and f.edge == "end"):
        f.interval = f.pieces[0].interval = _thirds(f.interval, f.edge)
    return f


# --------------------------------------------------------------------------- driver

TRIGGER_WINDOW = 25  # chars before a trigger word where an expression may start ("les trois premiers mois")
DIGIT_WINDOW = 12  # before a number: "entre le 15", "l'année 2001"
STOP_TRIGGERS = frozenset({"cet", "cette", "les", "des", "il", "une", "un", "même", "ce", "le", "la", "avant", "hui",
                           "de", "du", "lundi", "vendredi"})


def _triggers(g: _Grammar) -> re.Pattern[str]:
    """One cheap regex for the words every expression contains: digits, months, units..."""
    d = g.data
    words: set[str] = set(g.months) | set(g.weekdays)
    for key in ("relative", "anaphoric", "units", "seasons", "periods", "parts_of_day", "holidays", "easter_holidays"):
        for phrase in d[key]:
            words.update(w for w in re.split(r"[ ']", _norm(phrase)) if len(w) > 1 and w not in STOP_TRIGGERS)
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


WORD_START = re.compile(r"\b\w")


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


def _scan(text: str, ref: Interval | None, tense: Tense | None, lang: str = "fr") -> list[_Found]:
    g = _grammar(lang)
    ctx = _Context(text, ref, tense, g)
    res = _Resolver(ctx)
    out: list[_Found] = []
    floor = 0
    names = [n for n, _ in g.kinds]
    for pos in _candidates(text, _trigger_rx(lang)):
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
        found = _decorate(found, ctx, floor)
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


@lru_cache(maxsize=None)
def _trigger_rx(lang: str) -> re.Pattern[str]:
    return _triggers(_grammar(lang))


def find_dates(text: str, ref: Interval | None = None, tense: Tense | None = None) -> list[DateMatch]:
    """Date expressions in text, resolved against ref (the publication date, possibly a whole year) and the tense at each expression ("past" | "present" | "future" | None)."""
    out = []
    for f in _scan(text, ref, tense):
        if f.kind == "list":
            for p in f.pieces:
                kind = "absolute" if f.explicit_year else "partial"
                out.append(DateMatch(p.start, p.end, text[p.start:p.end], p.interval, kind, f.anchor,
                                     f.explicit_year, p.timex))
            continue
        out.append(DateMatch(f.start, f.end, text[f.start:f.end], f.interval, f.kind, f.anchor,
                             f.explicit_year, f.timex))
    return out


def find_timeml_dates(text: str, ref: Interval | None = None, tense: Tense | None = None) -> list[DateMatch]:
    """The same expressions cut as TimeML annotates them: each end of a range on its own, without deadline words; "d'ici" gives "ici" at the reference."""
    out = []
    for f in _scan(text, ref, tense):
        dl = f.deadline
        pieces = list(f.pieces)
        if dl is not None:
            start, core, word = dl
            if word.startswith("d'ici"):
                i = text.lower().find("ici", start)
                iv = ref if ref is not None and ref.start == ref.end else None
                out.append(DateMatch(i, i + 3, text[i:i + 3], iv, "relative", "reference", False,
                                     iv.start.isoformat() if iv else None))
            if len(pieces) == 1:
                pieces[0] = _Piece(core, f.end, pieces[0].interval, pieces[0].timex)
        for p in pieces:
            out.append(DateMatch(p.start, p.end, text[p.start:p.end], p.interval, f.kind if len(pieces) == 1 else "span",
                                 f.anchor, f.explicit_year, p.timex))
    return out
