"""The rules: one method per kind of atom, from its regex match to a resolved ``Found``.

A rule also rejects what only looks like a date: a capitalised month inside a sentence is a
name ("Mai Fatty"), "le mercredi" alone is every Wednesday, a four-digit number needs the
word of a year around it. The words it looks for are the lists of the lexicon's ``dates.json``.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from ...model import Interval
from .context import Context, Found, Piece, cardinal, day_number, direction_of, nearby_weekday, partial_day
from .grammar import norm
from .intervals import (choose, day_iv, easter, month_iv, months_iv, replaced, roman, season_iv, shift, timex,
                        two_digit_year, year_iv, year_of)


class Resolver:
    """One method per atom kind: regex match in, Found (or None to reject) out."""

    def __init__(self, ctx: Context) -> None:
        self.ctx, self.g = ctx, ctx.g

    # -- helpers
    def _found(self, m: re.Match[str], iv: Interval | None, kind: str, anchor: str | None,
               explicit: bool, timex: str | None) -> Found:
        """The whole regex match as one expression (and one TimeML piece)."""
        return Found(m.start(), m.end(), iv, kind, anchor, explicit, timex, [Piece(m.start(), m.end(), iv, timex)])

    def _month(self, s: str) -> int:
        return self.g.months[norm(s)]

    def _wd(self, s: str | None) -> int | None:
        return self.g.weekdays[norm(s)] if s else None

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
                iv = day_iv(d) if day else month_iv(year, month)
                return replaced(iv, inferred=True), "text"
        return partial_day(self.ctx, month, day, self.ctx.tense(m.start()), direction, weekday), "reference"

    def _name_like(self, at: int) -> bool:
        """A capitalised word that does not open a sentence or a line."""
        text = self.ctx.text
        if not text[at:at + 1].isupper() or text[at:at + 2].isupper():
            return False
        before = text[max(0, at - 4):at]
        return not (not before.strip() or re.search(r"[.!?»:\n(«\"–-]\s*$", before))

    # -- numeric dates
    def dmy(self, m: re.Match[str]) -> Found | None:
        d = self._day_or_none(int(m["y"]), int(m["m"]), int(m["d"]))
        return self._found(m, day_iv(d), "absolute", None, True, d.isoformat()) if d else None

    ymd = dmy

    # -- a day and month, maybe a year
    def date(self, m: re.Match[str]) -> Found | None:
        day, month = day_number(self.g, m["d"]), self._month(m["m"])
        pod = self.g.data["parts_of_day"].get(norm(m["pod"])) if m["pod"] else None
        if m["y"]:
            d = self._day_or_none(year_of(m["y"], self.ctx.ref), month, day)
            if d is None:
                return None
            tx = d.isoformat() + (f"T{pod}" if pod else "")
            return self._found(m, day_iv(d), "absolute", None, True, tx)
        iv, anchor = self._place(m, month, day, direction_of(self.g, m["dir"]), self._wd(m["wd"]))
        if iv is None and self.ctx.ref is not None:
            return None
        tx = (iv.start.isoformat() if iv else f"XXXX-{month:02d}-{day:02d}") + (f"T{pod}" if pod else "")
        kind = "relative" if m["dir"] else "partial"
        return self._found(m, iv, kind, anchor, False, tx)

    def monthyear(self, m: re.Match[str]) -> Found | None:
        y = year_of(m["y"], self.ctx.ref)
        iv = month_iv(y, self._month(m["m"]))
        return self._found(m, iv, "absolute", None, True, timex(iv))

    def month(self, m: re.Match[str]) -> Found | None:
        text, ctx = self.ctx.text, self.ctx
        direction = direction_of(self.g, m["dir"])
        if direction is None:
            # "en mai et juin derniers": the plural direction covers both months
            shared = self.g.shared_dir.match(text, m.end())
            if shared:
                direction = direction_of(self.g, shared.group(1))
        if not (direction or m["of"] or self.g.before("month_alone_after", ctx.before(m.start()))):
            return None
        if self._name_like(m.start("m")):
            return None  # "Mai Fatty": a capitalised month inside a sentence is a name
        month = self._month(m["m"])
        iv, anchor = self._place(m, month, None, direction)
        if iv is None and ctx.ref is not None:
            return None
        tx = timex(iv) if iv else f"XXXX-{month:02d}"
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
        if (word[:1].isupper() and word.isalpha()) or norm(word) in g.year_next \
                or norm(word.split("'")[0].split("’")[0] + "'") in g.year_next:
            return True
        # after a name inside a sentence: "Grand Prix 2018", "la Dublin Pride 2018 attire"
        prev = re.search(r"([\w-]+)[^\S\n]+$", before)
        if weak or not prev or not prev.group(1)[:1].isupper():
            return False
        head = before[:prev.start(1)].rstrip(" \t")
        return bool(head) and head[-1] not in ".!?»:\n"

    def year(self, m: re.Match[str]) -> Found | None:
        y = int(m["y"])
        if not self._year_context_ok(m, y):
            return None
        iv = year_iv(y)
        return self._found(m, iv, "absolute", None, True, timex(iv))

    def year2(self, m: re.Match[str]) -> Found | None:
        if not self.g.before("two_digit_year_after", self.ctx.before(m.start())):
            return None
        iv = year_iv(two_digit_year(m["y"], self.ctx.ref))
        return self._found(m, iv, "absolute", None, True, timex(iv))

    def theyear(self, m: re.Match[str]) -> Found | None:
        """Bare "l'année": the reference year, but only with an edge or deadline in front."""
        before = self.ctx.before(m.start())
        if not (self.g.edge.search(before) or self.g.deadline.search(before)):
            return None
        iv = shift("year", self.ctx.ref, 0) if self.ctx.ref else None
        return self._found(m, replaced(iv, inferred=True) if iv else None, "relative", "reference", False,
                           timex(iv) if iv else None)

    # -- ranges
    def _ends(self, m: re.Match[str]) -> tuple[Found, Found] | None:
        """Both ends of a day or month range; the first borrows month and year from the second."""
        ctx, gd = self.ctx, m.groupdict()
        m2 = self._month(m["m2"])
        m1 = self._month(gd["m1"]) if gd.get("m1") else m2
        y2 = year_of(gd.get("y2"), ctx.ref)
        y1 = year_of(gd.get("y1"), ctx.ref) or y2
        d1 = day_number(self.g, gd["d1"]) if gd.get("d1") else None
        d2 = day_number(self.g, gd["d2"]) if gd.get("d2") else None
        tense, direction = ctx.tense(m.start()), direction_of(self.g, gd.get("dir"))
        if y2 is None:
            iv2 = partial_day(ctx, m2, d2, tense, direction, self._wd(gd.get("wd2")))
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
            b = date(y2, m2, d2) if d2 else month_iv(y2, m2).end
        except ValueError:
            return None
        if a > b:
            return None
        iv1 = replaced(day_iv(a) if d1 else month_iv(a.year, a.month), inferred=inferred)
        iv2 = replaced(day_iv(b) if d2 else month_iv(b.year, b.month), inferred=inferred)
        f1 = Found(m.start("p1"), m.end("p1"), iv1, "partial", None, False, timex(iv1))
        f2 = Found(m.start("p2"), m.end("p2"), iv2, "partial", None, False, timex(iv2))
        return f1, f2

    @staticmethod
    def _span(ends: tuple[Found, Found], explicit: bool, inferred: bool) -> Found:
        """One range from its two ends; the ends stay as TimeML pieces."""
        f1, f2 = ends
        iv = Interval(f1.interval.start, f2.interval.end, "range", inferred)
        f = Found(f1.start, f2.end, iv, "span", "reference" if inferred else None, explicit,
                   f"{f1.timex}/{f2.timex}")
        f.pieces = [Piece(f1.start, f1.end, f1.interval, f1.timex), Piece(f2.start, f2.end, f2.interval, f2.timex)]
        return f

    def dayspan(self, m: re.Match[str]) -> Found | None:
        if self.ctx.ref is None and not m["y2"]:
            return self._unresolved_span(m)
        ends = self._ends(m)
        if ends is None:
            return None
        return self._span(ends, bool(m["y2"]), not m["y2"])

    dayspan_between = dayspan
    monthspan_open = dayspan
    monthspan_dash = dayspan

    def _unresolved_span(self, m: re.Match[str], kind: str = "span") -> Found:
        """A range without a year and no reference to place it: month and days only (XXXX-08-20)."""
        gd = m.groupdict()
        m2 = self._month(m["m2"])
        m1 = self._month(gd["m1"]) if gd.get("m1") else m2
        tx = []
        for mo, d in ((m1, gd.get("d1")), (m2, gd.get("d2"))):
            tx.append(f"XXXX-{mo:02d}" + (f"-{day_number(self.g, d):02d}" if d else ""))
        return Found(m.start("p1"), m.end("p2"), None, kind, "reference", False, "/".join(tx),
                      [Piece(m.start("p1"), m.end("p1"), None, tx[0]), Piece(m.start("p2"), m.end("p2"), None, tx[1])])

    def list(self, m: re.Match[str]) -> Found | None:
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
        days = [day_number(self.g, d) for _, _, d, _ in items]
        year = year_of(m["y2"], ctx.ref)
        if year is None and ctx.ref is not None:
            last = partial_day(ctx, months[-1], days[-1], ctx.tense(m.start()), direction_of(self.g, m["dir"]))
            if last is None:
                return None
            year = last.start.year
        pieces = []
        for (s, e, _, _), mo, d in zip(items, months, days):
            if year is None:
                pieces.append(Piece(s, e, None, f"XXXX-{mo:02d}-{d:02d}"))
                continue
            y = year if (mo, d) <= (months[-1], days[-1]) else year - 1
            day = self._day_or_none(y, mo, d)
            if day is None:
                return None
            pieces.append(Piece(s, e, replaced(day_iv(day), inferred=not m["y2"]), day.isoformat()))
        inferred = not m["y2"]
        iv = None if year is None else Interval(pieces[0].interval.start, pieces[-1].interval.end, "range", inferred)
        f = Found(m.start(), m.end(), iv, "span", "reference" if inferred else None, not inferred,
                   f"{pieces[0].timex}/{pieces[-1].timex}", pieces)
        if len(set(months)) > 1:
            f.kind = "list"  # "les 14 juillet et 19 décembre derniers": separate days, not a range
        return f

    def _yearspan(self, m: re.Match[str]) -> Found | None:
        y1 = int(m["y1"])
        raw2 = m["y2"]
        y2 = int(raw2) if len(raw2) == 4 else (y1 // 100) * 100 + int(raw2)
        if not y1 < y2 <= y1 + 100 or self.g.after("units_after_numbers", self.ctx.text, m.end()):
            return None
        if len(raw2) == 2 and not 1800 <= y1 <= 2100:
            return None
        i1, i2 = year_iv(y1), year_iv(y2)
        return self._span((Found(m.start("p1"), m.end("p1"), i1, "absolute", None, True, str(y1)),
                              Found(m.start("p2"), m.end("p2"), i2, "absolute", None, True, str(y2))), True, False)

    def yearspan_open(self, m: re.Match[str]) -> Found | None:
        return self._yearspan(m)

    def yearspan_dash(self, m: re.Match[str]) -> Found | None:
        before = self.ctx.text[max(0, m.start() - 2):m.start()]
        if re.search(r"[\d/.-]\s*$", before) or re.match(r"[-/]\d", self.ctx.text[m.end():m.end() + 2]):
            return None  # part of a longer number, a phone number or a date
        return self._yearspan(m)

    # -- parts of a year
    def part(self, m: re.Match[str]) -> Found | None:
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
            step = {"past": -1, "before": -1, "future": 1, "after": 1}.get(direction_of(g, m["dir"]) or "", 0)
            y = ctx.ref.start.year + step
        elif m["thisy"] or m["they"]:
            y = ctx.ref.start.year
        else:
            cands = [months_iv(yy, first, last, gran) for yy in range(ctx.ref.start.year - 1, ctx.ref.end.year + 2)]
            pick = choose(cands, ctx.ref, ctx.tense(m.start()), None)
            if pick is None:
                return None
            y = pick.start.year
        iv = replaced(months_iv(y, first, last, gran), inferred=not m["y"])
        tx = timex(iv) if gran != "range" else f"{y:04d}-{first:02d}/{y:04d}-{last:02d}"
        return self._found(m, iv, "part", None if m["y"] else "reference", bool(m["y"]), tx)

    def _part_months(self, m: re.Match[str]) -> tuple[int, int] | None:
        """First and last month of an ordinal part of a year, or of the first/last N months."""
        g = self.g
        if m["period"]:
            size = g.data["periods"][norm(m["period"])]
            n, count = g.data["ordinals"][norm(m["ord"])], 12 // size
            n = count if n == -1 else n  # "le dernier trimestre"
            return ((n - 1) * size + 1, n * size) if 1 <= n <= count else None
        k = cardinal(g, m["card"])
        if not 1 <= k <= 11:
            return None
        return (1, k) if g.data["first_last"][norm(m["fl"])] == "first" else (13 - k, 12)

    def decade(self, m: re.Match[str]) -> Found | None:
        dec = m["dec"]
        y = int(dec) if len(dec) == 4 else 1900 + int(dec)
        iv = Interval(date(y, 1, 1), date(y + 9, 12, 31), "decade")
        return self._found(m, iv, "absolute", None, True, f"{y // 10:03d}X")

    def century(self, m: re.Match[str]) -> Found | None:
        raw = m["c"]
        n = int(raw) if raw.isdigit() else roman(raw.upper(), self.g.data["roman_numerals"])
        if not n or not 1 <= n <= 22:
            return None
        y = (n - 1) * 100
        iv = Interval(date(max(y, 1), 1, 1), date(y + 99, 12, 31), "range")
        return self._found(m, iv, "absolute", None, True, f"{n - 1:02d}XX")

    def season(self, m: re.Match[str]) -> Found | None:
        ctx, g = self.ctx, self.g
        code = g.data["seasons"][norm(m["s"])]
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
            cands = [season_iv(yy, code) for yy in range(ctx.ref.start.year - 1, ctx.ref.end.year + 2)]
            pick = choose(cands, ctx.ref, tense, direction_of(g, m["dir"]))
            if pick is None:
                return None
            y, explicit = pick.start.year, False
        iv = replaced(season_iv(y, code), inferred=not explicit)
        kind = "absolute" if explicit else ("relative" if m["dir"] else "partial")
        return self._found(m, iv, kind, None if explicit else "reference", explicit, f"{y:04d}-{code}")

    # -- relative to the reference
    def rel(self, m: re.Match[str]) -> Found | None:
        ctx, g = self.ctx, self.g
        word = norm(m["w"])
        spec = g.data["relative"][word]
        unit, n = spec[0], spec[1]
        pod = spec[2] if len(spec) > 2 else (g.data["parts_of_day"].get(norm(m["pod"])) if m["pod"] else None)
        if word in g.data["now_words"] and not m["wd"] and not pod and self._set_off(m):
            iv = replaced(ctx.ref, inferred=True) if ctx.ref else None
            return self._found(m, iv, "relative", "reference", False, "PRESENT_REF")
        iv = shift(unit, ctx.ref, n) if ctx.ref else None
        iv = replaced(iv, inferred=True) if iv else None
        tx = (iv.start.isoformat() + (f"T{pod}" if pod else "")) if iv else None
        return self._found(m, iv, "relative", "reference", False, tx)

    def _set_off(self, m: re.Match[str]) -> bool:
        """Opening a sentence or between commas, "aujourd'hui" means nowadays."""
        before = self.ctx.text[max(0, m.start() - 3):m.start()]
        after = self.ctx.text[m.end():m.end() + 2]
        opens = not before.strip() or re.search(r"[.!?»:;]\s*$", before)
        return bool(re.match(r"\s*,", after) and (opens or re.search(r",\s*$", before)))

    def wdday(self, m: re.Match[str]) -> Found | None:
        """"samedi 21": the nearby month where the 21st is a Saturday, by tense."""
        ctx = self.ctx
        wd, d = self._wd(m["wd"]), day_number(self.g, m["d"])
        base = ctx.day_ref
        if base is None:
            return None if ctx.ref is not None else self._found(m, None, "partial", "reference", False, None)
        cands = []
        for k in range(-3, 4):
            y, mo = divmod(base.start.year * 12 + base.start.month - 1 + k, 12)
            day = self._day_or_none(y, mo + 1, d)
            if day is not None and day.weekday() == wd:
                cands.append(day_iv(day))
        pick = choose(cands, base, ctx.tense(m.start()), None)
        if pick is None:
            return None
        iv = replaced(pick, inferred=True)
        return self._found(m, iv, "partial", "reference", False, iv.start.isoformat())

    def holiday(self, m: re.Match[str]) -> Found | None:
        """Noël, la Toussaint, Pâques, la Pentecôte...: a day without a year, or with one."""
        ctx, g = self.ctx, self.g
        before = ctx.before(m.start(), 12)
        if not m["det"] and g.before("holiday_name_after", before):
            return None  # "le marché de Noël", "le Père Noël"
        name = norm(m["h"])

        def day_in(y: int) -> date:
            if name in g.data["holidays"]:
                mo, d = g.data["holidays"][name]
                return date(y, mo, d)
            return easter(y) + timedelta(days=g.data["easter_holidays"][name])

        if m["y"]:
            d = day_in(int(m["y"]))
            return self._found(m, day_iv(d), "absolute", None, True, d.isoformat())
        if ctx.ref is None:
            return self._found(m, None, "partial", "reference", False, None)
        cands = [day_iv(day_in(y)) for y in range(ctx.ref.start.year - 1, ctx.ref.end.year + 2)]
        pick = choose(cands, ctx.ref, ctx.tense(m.start()), None)
        if pick is None:
            return None
        iv = replaced(pick, inferred=True)
        return self._found(m, iv, "partial", "reference", False, iv.start.isoformat())

    def anaph(self, m: re.Match[str]) -> Found | None:
        ctx = self.ctx
        n = self.g.data["anaphoric"][norm(m["w"])]
        if self.g.after("event_after_anaphoric", ctx.text, m.end()):
            # "au lendemain de la démission": counted from an event, not a date
            return self._found(m, None, "relative", "text", False, None)
        base = ctx.last_day
        anchor = "text"
        if base is None:
            base, anchor = ctx.day_ref, "reference"
        if base is None and ctx.month_ref is not None and abs(n) <= 1:
            iv = replaced(ctx.month_ref, inferred=True)  # "hier" in a feed that gives only the month
            return self._found(m, iv, "relative", "reference", False, iv.start.isoformat()[:7])
        if base is None:
            return self._found(m, None, "relative", anchor, False, None)
        iv = replaced(day_iv(base.start + timedelta(days=n)), inferred=True)
        return self._found(m, iv, "relative", anchor, False, iv.start.isoformat() + self._pod(m))

    def _pod(self, m: re.Match[str]) -> str:
        """The TIMEX3 suffix for a part of day ("hier soir": T + EV), or nothing."""
        pod = m.groupdict().get("pod")
        return "T" + self.g.data["parts_of_day"][norm(pod)] if pod else ""

    def night(self, m: re.Match[str]) -> Found | None:
        """"la nuit de lundi à mardi": the two days, stated as a night (TIMEX3 TNI)."""
        first, second = self._wd(m["wd1"]), self._wd(m["wd2"])
        if (first + 1) % 7 != second:
            return None
        iv = nearby_weekday(self.ctx, first, self.ctx.tense(m.start()), None)
        if iv is None:
            return self._found(m, None, "relative", "reference", False, None)
        iv = Interval(iv.start, iv.start + timedelta(days=1), "range", True)
        return self._found(m, iv, "relative", "reference", False, iv.start.isoformat() + "TNI")

    def ago(self, m: re.Match[str]) -> Found | None:
        ctx, g = self.ctx, self.g
        if g.after("event_after_count", ctx.text, m.end()):
            return None  # "dans un jour de grande forme"
        n = cardinal(g, m["n"])
        unit = g.data["units"][norm(m["unit"])]
        sign = -1 if norm(m["ago"]) in [norm(a) for a in g.data["ago"]] else 1
        ref = ctx.ref
        if ref is None:
            return self._found(m, None, "relative", "reference", False, None)
        if unit in ("day", "week"):
            if ctx.day_ref is None:
                return None
            iv = day_iv(ref.start + timedelta(days=sign * n * (7 if unit == "week" else 1)))
        else:
            iv = shift(unit, ref, sign * n)
            if iv is None:
                return None
        iv = replaced(iv, inferred=True)
        return self._found(m, iv, "relative", "reference", False, timex(iv))

    def unitrel(self, m: re.Match[str]) -> Found | None:
        ctx, g = self.ctx, self.g
        det, unit = norm(m["det"]), g.data["units"][norm(m["unit"])]
        this = det in g.data["this_determiners"]
        direction = direction_of(g, m["dir"])
        if m["ci"] and g.data["unit_suffixes"][norm(m["ci"])] == "then":
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
        iv = shift(unit, base, offset)
        if iv is None:
            return None
        iv = replaced(iv, inferred=True)
        return self._found(m, iv, "relative", anchor, False, timex(iv))

    def _weekend(self, m: re.Match[str], base: Interval, tense: str | None, offset: int) -> Found | None:
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

    def weekday(self, m: re.Match[str]) -> Found | None:
        ctx, g = self.ctx, self.g
        after = ctx.text[m.end():m.end() + 15]
        nxt = re.match(r"\s*([\w-]+)", after)
        if nxt and norm(nxt.group(1)) in g.data["weekday_not_before"]:
            return None  # "Vendredi saint"
        direction = direction_of(g, m["dir"])
        if not m["this"] and not direction and g.before("weekday_habit_after", ctx.before(m.start())):
            return None  # "le mercredi": every Wednesday
        wd = self._wd(m["wd"])
        pod = g.data["parts_of_day"].get(norm(m["pod"])) if m["pod"] else None
        iv = nearby_weekday(ctx, wd, ctx.tense(m.start()), direction)
        if iv is None and ctx.ref is not None and ctx.day_ref is not None:
            return None
        if iv is None and ctx.month_ref is not None and not direction:
            iv = replaced(ctx.month_ref, inferred=True)
            return self._found(m, iv, "relative", "reference", False, iv.start.isoformat()[:7])
        tx = (iv.start.isoformat() if iv else f"XXXX-WXX-{wd + 1}") + (f"T{pod}" if pod else "")
        return self._found(m, iv, "relative", "reference", False, tx)
