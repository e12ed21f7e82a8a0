"""Bilateral trade figures and targets: value, currency, period, qualifier, status, flow
and change. Not a country's total trade, not investment or aid."""
from __future__ import annotations

import re
from functools import lru_cache

from ..lang import Lexicon
from ..model import Record
from .common import fill_pair, sentence_evidence
from .view import DocView


def _nearest_cue(view: DocView, start: int, amount_start: int, words: dict) -> tuple[str, int] | None:
    """The trade word or excluded word closest before the amount (else just after it)."""
    text = view.folded[start:amount_start]
    best = None
    for kind in ("cues", "exclusions", "anaphors"):
        for w in words[kind]:
            i = text.rfind(w)
            while i >= 0 and ((i > 0 and text[i - 1].isalnum()) or
                              (i + len(w) < len(text) and text[i + len(w)].isalnum() and w[-1].isalnum())
                              or kind == "cues" and _in_a_name(view, start, start + i)):
                i = text.rfind(w, 0, i)
            if i >= 0 and (best is None or i + len(w) > best[1]):
                best = (kind, i + len(w))
    return best


def _in_a_name(view: DocView, sent_start: int, at: int) -> bool:
    """A capitalised word inside a sentence belongs to a name ("Magento Commerce", "ministère
    du Commerce"), not to a statement about trade."""
    if not view.raw[at:at + 1].isupper():
        return False
    before = view.raw[sent_start:at].rstrip()
    return bool(before) and before[-1] not in ".!?:;«\"“(–—-"


def extract_trade(view: DocView) -> list[Record]:
    """One record per bilateral trade figure."""
    words = view.lex.triggers["trade"]
    out: list[Record] = []
    last_pair: list[str] | None = None
    last_end = -1
    for sent in view.doc.sents:
        amounts = [a for a in view.amounts_in(sent.start_char, sent.end_char) if a.currency]
        if not amounts:
            continue
        if view.fold_has(sent.start_char, sent.end_char, words["total_of_one"]) and \
                len({a.code for a in view.actors_in(sent.start_char, sent.end_char)}) < 2:
            continue
        dates = view.dates_in(sent.start_char, sent.end_char)
        if _with_a_non_party(view, sent):
            continue  # "les échanges entre la Chine et l'Afrique": a continent is no party
        for n, amt in enumerate(amounts):
            cue = _nearest_cue(view, sent.start_char, amt.start, words)
            after = view.folded[amt.end:min(sent.end_char, amt.end + 30)].lstrip()
            if cue is None and after.startswith(tuple(words["figure_cues"])):
                cue = ("cues", amt.end)  # "100 milliards de dollars d'échanges"
            inherited = False
            if cue is None or cue[0] == "exclusions":
                # "avec l'ambition d'atteindre le milliard": a later figure of the same series
                if n > 0 and out and out[-1].evidence[-1][0] == sent.start_char and cue is None:
                    inherited = True
                else:
                    continue
            if cue is not None and cue[0] == "anaphors":
                if last_pair is None or sent.start_char - last_end > 400:
                    continue
                inherited = True
            flow, actor, target = _flow(view, sent, amt, after)
            if flow == "export" and actor and target:
                parties = [actor, target]
            elif inherited and last_pair:
                parties = last_pair
            else:
                found = [a.code for a in view.actors_in(sent.start_char, sent.end_char) if a.kind in ("country", "igo", "person")]
                pair = view.pair_in(sent.start_char, sent.end_char)
                if len(set(found)) == 1 and not pair and not view.fold_has(
                        sent.start_char, sent.end_char, words["bilateral_cues"] + sorted(view.words("comitative"))):
                    continue  # one country's trade with the world
                parties = fill_pair(view, sent, pair or found, near=amt.start)
            if not parties:
                continue
            d = _date_for_amount(dates, amt, amounts)
            status = "target" if _is_target(view, sent, amt, d, words) else "actual"
            attrs: dict = {"value": float(amt.value), "currency": amt.currency, "qualifier": amt.qualifier,
                           "status": status}
            if flow == "export":
                attrs["flow"] = "export"
            pct = _change(view, sent, amt)
            if pct is not None:
                attrs["change_pct"] = pct
            out.append(Record(view.document.id, "trade", parties[0], parties[1], [],
                              d.interval if d else None, None, None, attrs, [sentence_evidence(sent)]))
            last_pair, last_end = parties, sent.end_char
    return out


@lru_cache(maxsize=None)
def _between(lex: Lexicon) -> re.Pattern[str]:
    """"entre X et Y", each name after an optional definite article, as written (not folded)."""
    between, and_ = ("|".join(map(re.escape, lex.words[k])) for k in ("between", "and"))
    article = "|".join(re.escape(a if a.endswith("'") else a + " ") for a in lex.words["definite_articles"])
    name = rf"(?:{article})?(\w[\w-]*)"
    return re.compile(rf"\b(?:{between}) {name} (?:{and_}) {name}")


def _with_a_non_party(view: DocView, sent) -> bool:
    """"entre X et Y" where one of the two is a named place that is no country or organisation."""
    text = view.text(sent.start_char, sent.end_char)
    for m in _between(view.lex).finditer(text):
        names = [m.start(1), m.start(2)]
        named = [any(a.start <= sent.start_char + n < a.end for a in view.actors) for n in names]
        capital = [text[n].isupper() for n in names]
        if any(named) and not all(named) and all(capital):
            return True
    return False


def _flow(view: DocView, sent, amt, after: str = "") -> tuple[str, str | None, str | None]:
    """"les exportations du Maroc vers le Sénégal" -> (export, MAR, SEN); also "31 milliards de
    dollars d'exportations indiennes vers les Émirats"."""
    words = view.lex.triggers["trade"]
    left = view.folded[sent.start_char:amt.start]
    exp = max((left.rfind(w) for w in words["export_cues"]), default=-1)
    imp = max((left.rfind(w) for w in words["import_cues"]), default=-1)
    total = max((left.rfind(w) for w in words["total_words"]), default=-1)
    if after.startswith(tuple(words["export_figure_cues"])):
        exp, total = len(left) + 1, -1
    elif after.startswith(tuple(words["import_figure_cues"])):
        imp, total = len(left) + 1, -1
    if max(exp, imp) < 0 or total > max(exp, imp):
        return "total", None, None
    actors = [a for a in view.actors_in(sent.start_char, sent.end_char) if a.kind in ("country", "igo", "person")]
    words = view.lex.words
    origin = dest = None
    for a in actors:
        before = view.folded[max(sent.start_char, a.start - 18):a.start]
        if any(before.rstrip().endswith(p) for p in words["trade_to"]):
            dest = dest or a.code
        elif any(before.rstrip().endswith(p) for p in words["trade_from"]):
            origin = origin or a.code
    rest = [a.code for a in actors if a.code not in (origin, dest)]
    if exp > imp:
        actor, target = rest[0] if rest and origin is None else origin, dest
        if target is None and len(rest) > 1:
            target = rest[1]
    else:
        # imports of A from B are exports of B to A
        importer = rest[0] if rest else None
        actor, target = origin, importer
    if actor and target and actor != target:
        return "export", actor, target
    return "total", None, None


def _date_for_amount(dates, amt, amounts):
    """The date nearest the figure, not closer to another figure of the sentence."""
    best, best_dist = None, None
    for d in dates:
        if d.kind == "span" and d.interval is not None and d.interval.days > 370 * 2:
            continue
        dist = min(abs(d.start - amt.end), abs(amt.start - d.end))
        closer_to_other = any(o is not amt and min(abs(d.start - o.end), abs(o.start - d.end)) < dist for o in amounts)
        if closer_to_other:
            continue
        if best_dist is None or dist < best_dist:
            best, best_dist = d, dist
    return best


def _is_target(view: DocView, sent, amt, d, words) -> bool:
    if d is not None and d.kind == "deadline":
        return True
    left = view.folded[max(sent.start_char, amt.start - 60):amt.start]
    aims = words["aim_verbs"]
    cues = [c for c in words["target_cues"] if c not in aims]
    if any(c in left for c in cues):
        return True
    # "atteindre X" as an infinitive ("d'atteindre le milliard") states an aim, "a atteint" a fact
    return any(w in left.split()[-4:] for w in aims)


def _change(view: DocView, sent, amt) -> float | None:
    pcts = view.percents_in(sent.start_char, sent.end_char)
    if not pcts:
        return None
    p = min(pcts, key=lambda p: abs(p.start - amt.end))
    others = [a for a in view.amounts_in(sent.start_char, sent.end_char) if a.start != amt.start]
    if p.direction is None or any(abs(p.start - o.end) < abs(p.start - amt.end) for o in others):
        return None  # the change belongs to another figure of the sentence
    return -p.value if p.direction == "down" else p.value
