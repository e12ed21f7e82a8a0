"""The date vocabulary compiled: word lookups, the atom regexes and the context tests.

Every word comes from the lexicon's ``dates.json``; the templates here only know the shape
of each kind of atom. ``grammar(lex)`` compiles them once per lexicon.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ...lang import Lexicon
from ...lang.text import phrase_key


def norm(s: str) -> str:
    """The form used as a data key: the phrase key, lower-cased."""
    return phrase_key(s.lower())


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


def alt(words: Any) -> str:
    """One group matching any of the phrases, the longest first."""
    return "(?:" + "|".join(_phrase(w) for w in sorted(set(words), key=len, reverse=True)) + ")"


B = r"(?<![\w])"  # left word boundary that also works before accented letters
E = r"(?![\w])"
# a year is not part of a larger number (60.082.000, 2 000 000) nor of a code (SN 2016gkg)
Y4 = r"(?<![\d.,])(?:1\d|20|21)\d\d(?![\w]|[.,]\d|\s\d{3}(?!\d))"
Y2 = r"['’]?\d\d(?=\s*(?:[,.;:](?!\d)|[)»!?]|$))"

# Atom kinds, tried in this order at each position (the first that matches and validates wins).
# {NAME} is a word list of dates.json ({W:name} one of its "words"); a list whose phrases may
# end in an apostrophe (d') is followed by \s* rather than \s+.
TEMPLATES: list[tuple[str, str]] = [
    ("dmy", r"(?<![\d/.])(?P<d>0?[1-9]|[12]\d|3[01])[/.](?P<m>0?[1-9]|1[0-2])[/.](?P<y>\d{4})(?![\d/.]\d|\d)"),
    ("ymd", r"(?<![\d/.-])(?P<y>\d{4})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?!\d)"),
    ("dayspan_between",
     B + r"{W:between}\s+(?P<p1>(?:{W:day_determiners}\s+)?(?:(?P<wd1>{WD})\s+)?(?P<d1>{DAY})"
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
class Grammar:
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


def _day(data: dict[str, Any]) -> str:
    """A day of the month in figures: 1 to 31, the first also with its suffix ("1er", "1 er" when tokenised)."""
    return r"(?:1\s?" + alt(data["first_day_suffixes"]) + r"|[12]\d|3[01]|0?[1-9])(?![\d\w])"


def _fragments(data: dict[str, Any], months: dict[str, int], weekdays: dict[str, int]) -> dict[str, str]:
    frag = {
        "MON": alt(months), "WD": alt(weekdays), "POD": alt(data["parts_of_day"]),
        "DAY": "(?:" + _day(data) + "|" + alt(data["day_words"]) + E + ")", "Y4": Y4, "Y2": Y2,
        "DIR": alt(data["directions"]), "SPANOPEN": alt(data["span_openers"]),
        "SPANCONN": alt(data["span_connectors"]), "LISTOPEN": alt(data["list_openers"]),
        "CARD": alt(data["cardinals"]), "FL": alt(data["first_last"]), "ORD": alt(data["ordinals"]),
        "PERIOD": alt(data["periods"]), "DECADE": alt(data["decade_words"]),
        "CENTURY": alt(data["century_words"]), "AGO": alt(data["ago"]), "IN": alt(data["in"]),
        "ANAPH": alt(data["anaphoric"]), "REL": alt(data["relative"]), "UNIT": alt(data["relative_units"]),
        "UNITS": alt(data["units"]), "UNITSUFFIX": alt(data["unit_suffixes"]), "SEASON": alt(data["seasons"]),
        "PODLINK": "(?:" + alt(data["words"]["part_of_day_links"]) + r"\s*)?",
        "HOURS": alt(data["after"]["hours_after_day"]) + E,
        "HOLIDAY": alt(list(data["holidays"]) + list(data["easter_holidays"])),
        "DETS": alt(data["this_determiners"] + data["the_determiners"]),
    }
    frag.update({f"W:{k}": alt(v) for k, v in data["words"].items()})
    return frag


def _expand(template: str, frag: dict[str, str]) -> str:
    """A template with its {NAME} placeholders replaced (regex quantifiers like {4} are kept)."""
    return re.sub(r"\{([A-Z][A-Z0-9]*|W:\w+)\}", lambda m: frag[m.group(1)], template)


@lru_cache(maxsize=None)
def grammar(lex: Lexicon) -> Grammar:
    """The date grammar of a lexicon, compiled once per process."""
    data = lex.dates
    months = {norm(k): v for k, v in data["months"].items()}
    weekdays = {norm(k): v for k, v in data["weekdays"].items()}
    frag = _fragments(data, months, weekdays)
    kinds = [(name, re.compile(_expand(tpl, frag), re.I)) for name, tpl in TEMPLATES]
    master = re.compile("|".join(f"(?P<{n}>{_master_free(p.pattern)})" for n, p in kinds), re.I)

    def ending(words: Any) -> re.Pattern[str]:
        return re.compile(B + r"(?P<w>" + alt(words) + r")\s*$", re.I)

    edge = re.compile(r"(?:(?P<det>" + alt(data["edge_determiners"]) + r")\s+)?(?P<edge>" + alt(data["edges"])
                      + r")\s*(?:" + alt(data["words"]["edge_links"]) + r"\s*)?$", re.I)
    return Grammar(
        data, months, weekdays, kinds, master, edge,
        deadline=ending(data["deadlines"]),
        signal=ending(data["signals"]),
        shared_dir=re.compile(r"\s*" + frag["W:coordinators"] + r"\s*" + frag["MON"] + r"\s+(" + frag["DIR"] + ")", re.I),
        list_item=re.compile(r"(?P<d>" + frag["DAY"] + r")(?:\s+(?P<m>" + frag["MON"] + "))?", re.I),
        year_next=frozenset(norm(w) for w in data["year_next_words"]),
        befores={k: ending(v) for k, v in data["before"].items()},
        afters={k: re.compile(r"\s*" + alt(v) + r"(?![\w])", re.I) for k, v in data["after"].items()},
    )


