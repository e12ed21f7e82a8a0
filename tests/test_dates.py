"""French date expressions: what is found, and the interval each resolves to."""
from __future__ import annotations

import importlib.util
import json
import sys
from datetime import date
from functools import partial
from pathlib import Path

import pytest

from dyad.lang import lexicon
from dyad.language import dates
from dyad.language.dates import DateMatch
from dyad.model import Interval

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "dyad" / "lang" / "fr" / "dates.json"
find_dates = partial(dates.find_dates, lex=lexicon("fr"))
# the TimeML cut serves the TimeBank benchmark, and lives beside it
_spec = importlib.util.spec_from_file_location("timebank", ROOT / "bench" / "timebank.py")
timebank = sys.modules["timebank"] = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(timebank)
find_timeml_dates = timebank.find_timeml_dates


def ref_of(spec: str | None) -> Interval | None:
    """'2023-08-22' is that day, '2011' the whole year."""
    if spec is None:
        return None
    if len(spec) == 4:
        return Interval(date(int(spec), 1, 1), date(int(spec), 12, 31), "year")
    d = date.fromisoformat(spec)
    return Interval(d, d, "day")


def run(text: str, ref: str | None, tense: str | None) -> list[DateMatch]:
    return find_dates(text, ref_of(ref), (lambda _offset: tense) if tense else None)


def the(matches: list[DateMatch], text: str) -> DateMatch:
    hits = [m for m in matches if m.text == text]
    assert hits, f"no match {text!r} in {[m.text for m in matches]}"
    return hits[0]


# text, reference, tense, expected match text, start, end, kind, timex, inferred
RESOLVED = [
    # written years
    ("Le 26 septembre 1992, les deux pays ont établi des relations.", "2011", "past",
     "Le 26 septembre 1992", "1992-09-26", "1992-09-26", "absolute", "1992-09-26", False),
    ("Le 21 août 2023, Hanoï a accueilli le président.", "2023-08-21", "past",
     "Le 21 août 2023", "2023-08-21", "2023-08-21", "absolute", "2023-08-21", False),
    ("La visite a eu lieu en octobre 2011.", "2023-08-22", "past",
     "octobre 2011", "2011-10-01", "2011-10-31", "absolute", "2011-10", False),
    ("leurs échanges ont atteint 38 millions de dollars en 2010.", "2011", "past",
     "2010", "2010-01-01", "2010-12-31", "absolute", "2010", False),
    ("Les deux pays coopèrent depuis 1992.", "2023-08-22", "present",
     "1992", "1992-01-01", "1992-12-31", "absolute", "1992", False),
    ("Les relations ont été établies en 1992.", None, None,
     "1992", "1992-01-01", "1992-12-31", "absolute", "1992", False),
    ("Communiqué du 21/08/2023.", None, None,
     "21/08/2023", "2023-08-21", "2023-08-21", "absolute", "2023-08-21", False),
    ("Publié le 2023-08-21 à Hanoï.", None, None,
     "2023-08-21", "2023-08-21", "2023-08-21", "absolute", "2023-08-21", False),
    ("qui, le 10 novembre 93, sur l'A 10", "2002-01-21", "past",
     "le 10 novembre 93", "1993-11-10", "1993-11-10", "absolute", "1993-11-10", False),
    ("aménager ses rythmes dès octobre 98.", "1999-05-23", "past",
     "octobre 98", "1998-10-01", "1998-10-31", "absolute", "1998-10", False),
    ("De plus, dès l'année 2001, la municipalité", "1999-05-23", "future",
     "l'année 2001", "2001-01-01", "2001-12-31", "absolute", "2001", False),
    ("HANOÏ, 1er novembre 2011 (Kazinform) - Le président", None, None,
     "1er novembre 2011", "2011-11-01", "2011-11-01", "absolute", "2011-11-01", False),
    ("En concert le mardi 1er juin 1999 à Besançon.", None, None,
     "le mardi 1er juin 1999", "1999-06-01", "1999-06-01", "absolute", "1999-06-01", False),
    ("la musique des années 1990", None, None,
     "années 1990", "1990-01-01", "1999-12-31", "absolute", "199X", False),
    ("la fonte utilisée depuis les années 60", "1999-07-29", "past",
     "les années 60", "1960-01-01", "1969-12-31", "absolute", "196X", False),
    ("des conduites qui datent de la fin du XIXe siècle", "1999-07-29", "present",
     "la fin du XIXe siècle", "1867-01-01", "1899-12-31", "part", "18XX", False),
    ("Au début des années 60, il atteint sa pleine maturité.", "1999-05-30", "present",
     "début des années 60", "1960-01-01", "1962-12-31", "part", "196X", False),
    ("au printemps 2024", None, None,
     "printemps 2024", "2024-03-20", "2024-06-20", "absolute", "2024-SP", False),
    # day and month without a year: tense and reference choose the year
    ("Le président est arrivé lundi matin 21 août à Hanoï.", "2023-08-22", "past",
     "lundi matin 21 août", "2023-08-21", "2023-08-21", "partial", "2023-08-21TMO", True),
    ("effectuera une visite officielle au Vietnam du 31 octobre au 1er novembre", "2011", "future",
     "31 octobre au 1er novembre", "2011-10-31", "2011-11-01", "span", "2011-10-31/2011-11-01", True),
    ("La visite aura lieu du 20 au 22 août.", "2023-08-18", "future",
     "20 au 22 août", "2023-08-20", "2023-08-22", "span", "2023-08-20/2023-08-22", True),
    ("La visite a eu lieu du 20 au 22 août.", "2024-03-01", "past",
     "20 au 22 août", "2023-08-20", "2023-08-22", "span", "2023-08-20/2023-08-22", True),
    ("Il est arrivé à Hanoï le 1er novembre.", "2011-11-05", "past",
     "le 1er novembre", "2011-11-01", "2011-11-01", "partial", "2011-11-01", True),
    ("1er novembre", "2011-10-15", None,
     "1er novembre", "2011-11-01", "2011-11-01", "partial", "2011-11-01", True),
    ("La visite a commencé le 31 octobre.", "2011-11-01", "past",
     "le 31 octobre", "2011-10-31", "2011-10-31", "partial", "2011-10-31", True),
    ("Il reviendra le 31 octobre.", "2011-11-01", "future",
     "le 31 octobre", "2012-10-31", "2012-10-31", "partial", "2012-10-31", True),
    ("Rendez-vous le 31 octobre.", "2011-11-01", None,
     "le 31 octobre", "2011-10-31", "2011-10-31", "partial", "2011-10-31", True),
    ("Il viendra le 15 janvier.", "2023-12-20", "future",
     "le 15 janvier", "2024-01-15", "2024-01-15", "partial", "2024-01-15", True),
    ("Sommet le 15 janvier.", "2023-12-20", None,
     "le 15 janvier", "2024-01-15", "2024-01-15", "partial", "2024-01-15", True),
    ("Ils ont été mis en examen le 20 décembre.", "2024-01-10", "past",
     "le 20 décembre", "2023-12-20", "2023-12-20", "partial", "2023-12-20", True),
    ("Les exportations ont bondi en mars.", "2024-05-02", "past",
     "mars", "2024-03-01", "2024-03-31", "partial", "2024-03", True),
    ("Le forum se tiendra en mars.", "2024-05-02", "future",
     "mars", "2025-03-01", "2025-03-31", "partial", "2025-03", True),
    ("le Parlement élu le 6 mai dernier", "1999-05-27", "past",
     "le 6 mai dernier", "1999-05-06", "1999-05-06", "relative", "1999-05-06", True),
    ("A compter du 1er septembre prochain, les habitants", "2003-02-07", "future",
     "1er septembre prochain", "2003-09-01", "2003-09-01", "relative", "2003-09-01", True),
    ("contre 72 % en septembre dernier", "2002-02-09", None,
     "septembre dernier", "2001-09-01", "2001-09-30", "relative", "2001-09", True),
    ("qui sera signé en juin prochain", "1999-05-23", "future",
     "juin prochain", "1999-06-01", "1999-06-30", "relative", "1999-06", True),
    ("complet entre le 15 juillet et le 15 août", "1999-07-01", "future",
     "le 15 juillet et le 15 août", "1999-07-15", "1999-08-15", "span", "1999-07-15/1999-08-15", True),
    ("fermé du 28 décembre au 3 janvier", "2023-12-01", "future",
     "28 décembre au 3 janvier", "2023-12-28", "2024-01-03", "span", "2023-12-28/2024-01-03", True),
    ("Les travaux dureront de mars à mai 2024.", None, None,
     "mars à mai 2024", "2024-03-01", "2024-05-31", "span", "2024-03/2024-05", False),
    ("Il s'est rendu au Vietnam les 21 et 22 août.", "2023-08-23", "past",
     "les 21 et 22 août", "2023-08-21", "2023-08-22", "span", "2023-08-21/2023-08-22", True),
    ("Depuis le début de l'Intifada, fin septembre 2000, les violences", "2003-02-24", "past",
     "fin septembre 2000", "2000-09-21", "2000-09-30", "part", "2000-09", False),
    ("Le régiment achèvera début octobre son mandat.", "2002-09-14", "future",
     "début octobre", "2002-10-01", "2002-10-10", "part", "2002-10", True),
    ("La visite est prévue début 2024.", "2023-08-22", "future",
     "début 2024", "2024-01-01", "2024-04-30", "part", "2024", False),
    ("Les ventes ont chuté fin mars.", "2024-05-02", "past",
     "fin mars", "2024-03-21", "2024-03-31", "part", "2024-03", True),
    ("Il viendra à la mi-juillet.", "2023-05-02", "future",
     "la mi-juillet", "2023-07-11", "2023-07-20", "part", "2023-07", True),
    ("deux ruptures en 97 (en janvier rue Saint-Dizier)", "1999-07-29", "past",
     "janvier", "1997-01-01", "1997-01-31", "partial", "1997-01", True),
    ("HANOÏ, 3 janvier 2024 (VNA) - Le président, qui a visité le pays le 28 décembre, est rentré.", "2024-01-03",
     "past", "le 28 décembre", "2023-12-28", "2023-12-28", "partial", "2023-12-28", True),
    ("il a été sanctionné en mai et juin derniers.", "2003-02-23", "past",
     "mai", "2002-05-01", "2002-05-31", "partial", "2002-05", True),
    # prepositions that place a date whatever the tense
    ("M. Blair a donné jusqu'au 30 juin aux responsables", "1999-05-21", "past",
     "30 juin", "1999-06-30", "1999-06-30", "partial", "1999-06-30", True),
    ("Diawara, sans club depuis janvier, n'a pas convaincu", "2002-09-13", "present",
     "janvier", "2002-01-01", "2002-01-31", "partial", "2002-01", True),
    ("Il a promis de régler la question d'ici le 15 janvier.", "2023-12-20", "past",
     "d'ici le 15 janvier", "2024-01-15", "2024-01-15", "deadline", "2024-01-15", True),
    # feasts, tokenised days, a weekday with a day number
    ("Il reviendra à Noël.", "2023-08-22", "future",
     "Noël", "2023-12-25", "2023-12-25", "partial", "2023-12-25", True),
    ("C'est en cette fête de Pentecôte que se déroulera la fête du village.", "1999-05-18", "future",
     "cette fête de Pentecôte", "1999-05-23", "1999-05-23", "partial", "1999-05-23", True),
    ("le lundi de Pâques 2024", None, None,
     "le lundi de Pâques 2024", "2024-04-01", "2024-04-01", "absolute", "2024-04-01", False),
    ("Le référendum du 1 er octobre a eu lieu.", "2017-10-03", "past",
     "1 er octobre", "2017-10-01", "2017-10-01", "partial", "2017-10-01", True),
    ("Barguil gagne à Foix le quatorze juillet", "2017-07-15", "present",
     "le quatorze juillet", "2017-07-14", "2017-07-14", "partial", "2017-07-14", True),
    ("Un train a déraillé samedi 21, dans la soirée.", "2023-10-23", "past",
     "samedi 21", "2023-10-21", "2023-10-21", "partial", "2023-10-21", True),
    ("le symbole de la révolution française de 1789.", None, None,
     "1789", "1789-01-01", "1789-12-31", "absolute", "1789", False),
    ("Irlande : la Dublin Pride 2018 attire des dizaines de milliers de personnes", None, None,
     "2018", "2018-01-01", "2018-12-31", "absolute", "2018", False),
    # relative to the reference
    ("Il est venu hier.", "2023-08-22", "past",
     "hier", "2023-08-21", "2023-08-21", "relative", "2023-08-21", True),
    ("Il est venu avant-hier.", "2023-08-22", "past",
     "avant-hier", "2023-08-20", "2023-08-20", "relative", "2023-08-20", True),
    ("Il viendra demain.", "2023-08-22", "future",
     "demain", "2023-08-23", "2023-08-23", "relative", "2023-08-23", True),
    ("Le ministre se rend aujourd'hui à Hanoï.", "2023-08-22", "present",
     "aujourd'hui", "2023-08-22", "2023-08-22", "relative", "2023-08-22", True),
    ("Aujourd'hui, la ville a changé d'ambiance.", "2023-08-22", "past",
     "Aujourd'hui", "2023-08-22", "2023-08-22", "relative", "PRESENT_REF", True),
    ("Il est venu hier soir.", "2023-08-22", "past",
     "hier soir", "2023-08-21", "2023-08-21", "relative", "2023-08-21TEV", True),
    ("heurté par une voiture hier en début d'après-midi", "2023-08-22", "past",
     "hier en début d'après-midi", "2023-08-21", "2023-08-21", "relative", "2023-08-21TAF", True),
    ("Il viendra la semaine prochaine.", "2023-08-22", "future",
     "la semaine prochaine", "2023-08-28", "2023-09-03", "relative", "2023-W35", True),
    ("Il est venu la semaine dernière.", "2023-08-22", "past",
     "la semaine dernière", "2023-08-14", "2023-08-20", "relative", "2023-W33", True),
    ("Un journal a publié cette semaine la liste.", "2023-08-22", "past",
     "cette semaine", "2023-08-21", "2023-08-27", "relative", "2023-W34", True),
    ("Il est venu mardi dernier.", "2023-08-22", "past",
     "mardi dernier", "2023-08-15", "2023-08-15", "relative", "2023-08-15", True),
    ("Il viendra mardi prochain.", "2023-08-22", "future",
     "mardi prochain", "2023-08-29", "2023-08-29", "relative", "2023-08-29", True),
    ("Il est arrivé lundi.", "2023-08-22", "past",
     "lundi", "2023-08-21", "2023-08-21", "relative", "2023-08-21", True),
    ("Il arrivera vendredi.", "2023-08-22", "future",
     "vendredi", "2023-08-25", "2023-08-25", "relative", "2023-08-25", True),
    ("Vendredi, rendez-vous à la mairie.", "2023-08-22", None,
     "Vendredi", "2023-08-25", "2023-08-25", "relative", "2023-08-25", True),
    ("Le Vietnam et le Kazakhstan marquent ce mercredi l'anniversaire.", "2022-06-29", "present",
     "ce mercredi", "2022-06-29", "2022-06-29", "relative", "2022-06-29", True),
    ("la nuit de lundi à mardi à Rambervillers", "1999-08-27", "past",
     "la nuit de lundi à mardi", "1999-08-23", "1999-08-24", "relative", "1999-08-23TNI", True),
    ("Le commerce a dépassé le demi-milliard de dollars l’année précédente.", "2023-08-21", "past",
     "l’année précédente", "2022-01-01", "2022-12-31", "relative", "2022", True),
    ("Le Paris SG a vécu la même saison l'an dernier.", "2023-08-21", "past",
     "l'an dernier", "2022-01-01", "2022-12-31", "relative", "2022", True),
    ("une hausse par rapport à l'année dernière", "2023-08-22", None,
     "l'année dernière", "2022-01-01", "2022-12-31", "relative", "2022", True),
    ("comme l'an passé", "2023-08-22", None,
     "l'an passé", "2022-01-01", "2022-12-31", "relative", "2022", True),
    ("Il viendra l'année prochaine.", "2023-08-22", "future",
     "l'année prochaine", "2024-01-01", "2024-12-31", "relative", "2024", True),
    ("Les ventes ont reculé cette année.", "2023-08-22", "past",
     "cette année", "2023-01-01", "2023-12-31", "relative", "2023", True),
    ("Il est venu le mois dernier.", "2023-08-22", "past",
     "le mois dernier", "2023-07-01", "2023-07-31", "relative", "2023-07", True),
    ("Il viendra le mois prochain.", "2023-08-22", "future",
     "le mois prochain", "2023-09-01", "2023-09-30", "relative", "2023-09", True),
    ("Les coureurs se sont rendus ce week-end à Saint-Gervais.", "2003-02-04", "past",
     "ce week-end", "2003-02-01", "2003-02-02", "relative", "2003-W05-WE", True),
    ("Il est parti il y a deux ans.", "2023-08-22", "past",
     "il y a deux ans", "2021-01-01", "2021-12-31", "relative", "2021", True),
    ("Il est parti il y a une semaine.", "2023-08-22", "past",
     "il y a une semaine", "2023-08-15", "2023-08-15", "relative", "2023-08-15", True),
    ("Il reviendra dans trois jours.", "2023-08-22", "future",
     "dans trois jours", "2023-08-25", "2023-08-25", "relative", "2023-08-25", True),
    ("Les ventes ont reculé le trimestre dernier.", "2024-05-02", "past",
     "le trimestre dernier", "2024-01-01", "2024-03-31", "relative", "2024-Q1", True),
    ("Il viendra à l'automne prochain.", "2023-08-22", "future",
     "l'automne prochain", "2023-09-23", "2023-12-20", "relative", "2023-FA", True),
    # dates counted from an earlier date of the text
    ("Le 1er novembre 2011, il a achevé la visite entamée la veille.", None, "past",
     "la veille", "2011-10-31", "2011-10-31", "relative", "2011-10-31", True),
    ("Il est arrivé le 20 août 2023 et il est reparti le lendemain.", None, "past",
     "le lendemain", "2023-08-21", "2023-08-21", "relative", "2023-08-21", True),
    ("En 2010, le Vietnam a adhéré; l'année suivante, il a signé.", None, "past",
     "l'année suivante", "2011-01-01", "2011-12-31", "relative", "2011", True),
    # parts of a year
    ("De plus, au cours des six premiers mois de 2023, ce chiffre a atteint 600 millions.", "2023-08-21",
     "past", "six premiers mois de 2023", "2023-01-01", "2023-06-30", "part", "2023-H1", False),
    ("Les ventes ont progressé au premier trimestre.", "2024-05-02", "past",
     "premier trimestre", "2024-01-01", "2024-03-31", "part", "2024-Q1", True),
    ("le premier semestre 2024", "2023-08-22", None,
     "le premier semestre 2024", "2024-01-01", "2024-06-30", "part", "2024-H1", False),
    ("les trois premiers mois de 2025", "2023-08-22", None,
     "les trois premiers mois de 2025", "2025-01-01", "2025-03-31", "part", "2025-Q1", False),
    ("les neuf premiers mois de 2023", None, None,
     "les neuf premiers mois de 2023", "2023-01-01", "2023-09-30", "part", "2023-01/2023-09", False),
    ("au deuxième trimestre de l'année dernière", "2024-05-02", "past",
     "deuxième trimestre de l'année dernière", "2023-04-01", "2023-06-30", "part", "2023-Q2", True),
    ("le dernier trimestre 2022", None, None,
     "le dernier trimestre 2022", "2022-10-01", "2022-12-31", "part", "2022-Q4", False),
    ("Le chantier commencera au second semestre.", "2024-05-02", None,
     "second semestre", "2024-07-01", "2024-12-31", "part", "2024-H2", True),
    ("la toiture a été refaite à la fin de l'année dernière", "2003-02-23", "past",
     "la fin de l'année dernière", "2002-09-01", "2002-12-31", "part", "2002", True),
    # ranges of years
    ("la signature du Plan d'action pour la période 2011-2013.", "2011", "past",
     "2011-2013", "2011-01-01", "2013-12-31", "span", "2011/2013", False),
    ("un plan d'action conjoint pour la période 2023-2025", "2023-08-21", "past",
     "2023-2025", "2023-01-01", "2025-12-31", "span", "2023/2025", False),
    ("la population a augmenté entre 1990 et 1999.", None, None,
     "1990 et 1999", "1990-01-01", "1999-12-31", "span", "1990/1999", False),
    ("directeur général de 1982 à 1987.", None, None,
     "1982 à 1987", "1982-01-01", "1987-12-31", "span", "1982/1987", False),
    ("pour cette saison 2002/2003, aura lieu", None, None,
     "2002/2003", "2002-01-01", "2003-12-31", "span", "2002/2003", False),
    # deadlines
    ("avec l’ambition d’atteindre le milliard d’ici la fin de l’année.", "2023-08-21", "future",
     "d’ici la fin de l’année", "2023-01-01", "2023-12-31", "deadline", "2023", True),
    ("Les échanges devraient atteindre 10 milliards d'ici 2030.", "2023-08-21", "future",
     "d'ici 2030", "2030-01-01", "2030-12-31", "deadline", "2030", False),
    ("un objectif fixé à l'horizon 2030", None, None,
     "à l'horizon 2030", "2030-01-01", "2030-12-31", "deadline", "2030", False),
    ("Le texte sera signé avant la fin de l'année.", "2023-08-21", "future",
     "avant la fin de l'année", "2023-01-01", "2023-12-31", "deadline", "2023", True),
    ("sans transfert des pouvoirs d'ici le 30 juin", "1999-05-21", "future",
     "d'ici le 30 juin", "1999-06-30", "1999-06-30", "deadline", "1999-06-30", True),
]


@pytest.mark.parametrize("text,ref,tense,want,start,end,kind,timex,inferred", RESOLVED)
def test_expression_resolves_to_interval(text, ref, tense, want, start, end, kind, timex, inferred):
    m = the(run(text, ref, tense), want)
    assert text[m.start:m.end] == want
    assert m.interval is not None
    assert (m.interval.start.isoformat(), m.interval.end.isoformat()) == (start, end)
    assert m.kind == kind
    assert m.timex == timex
    assert m.interval.inferred is inferred


# text, reference, expected anchor, expected explicit_year, expected granularity
ANCHORS = [
    ("Le 21 août 2023, Hanoï", "2023-08-22", None, True, "day"),
    ("Il est venu le 31 octobre.", "2023-08-22", "reference", False, "day"),
    ("le premier semestre 2024", "2023-08-22", None, True, "half"),
    ("au premier trimestre", "2024-05-02", "reference", False, "quarter"),
    ("Il est venu hier.", "2023-08-22", "reference", False, "day"),
    ("du 20 au 22 août", "2023-08-22", "reference", False, "range"),
    ("pour la période 2011-2013", "2023-08-22", None, True, "range"),
    ("en octobre 2011", "2023-08-22", None, True, "month"),
    ("la semaine prochaine", "2023-08-22", "reference", False, "week"),
    ("les années 1990", "2023-08-22", None, True, "decade"),
    ("Le 20 août 2023, il est arrivé; le lendemain, il a signé.", "2023-08-25", "text", False, "day"),
]


@pytest.mark.parametrize("text,ref,anchor,explicit,granularity", ANCHORS)
def test_anchor_and_explicit_year(text, ref, anchor, explicit, granularity):
    m = run(text, ref, None)[-1]
    assert m.anchor == anchor
    assert m.explicit_year is explicit
    assert m.interval is not None and m.interval.granularity == granularity


NOT_DATES = [
    "Il a évoqué sa visite au Kazakhstan.",
    "Ce chiffre a atteint 38 000 personnes.",
    "ce chiffre a atteint 600 millions de dollars",
    "Le pays a exporté 2 000 tonnes de riz.",
    "Il a été élu président.",
    "l'accord du Vendredi saint reste fragile",
    "la planète Mars est rouge",
    "La bibliothèque ouvre uniquement le mercredi.",
    "tous les jeudis, le club se réunit",
    "1500 manifestants ont défilé",
    "un budget de 2500 euros",
    "les Jeux olympiques d'hiver",
    "Je me demande ce que ma sœur di ve sa mère.",
    "il ne semblait pas dans un jour de grande forme",
    "La population s'établissait à 60.082.000 habitants.",
    "Il a marqué 2 buts en 10 minutes.",
    "Un plan de 2011 millions de dollars.",
    "au printemps de l'environnement",
    "la supernova SN 2016gkg",
    "Nommée 2014 UZ224, celle-ci orbiterait",
    "Environ 1800 écoles ont fermé.",
    "8000 personnes sont arrivées et 1370 ont perdu la vie",
    "une valeur évaluée en 52,4 milliards d'actions",
    "Les décorations du marché de Noël ont été arrachées.",
    "Il a fait ses courses au Printemps Haussmann.",
    "Mai Fatty a contredit les accusations.",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_a_date(text):
    assert run(text, "2023-08-22", None) == []


# text, expected match text, expected timex: no reference, so nothing relative is placed
NO_REFERENCE = [
    ("Il est venu hier.", "hier", None),
    ("Il viendra le 1er novembre.", "le 1er novembre", "XXXX-11-01"),
    ("Il viendra mardi.", "mardi", "XXXX-WXX-2"),
    ("la visite du 20 au 22 août", "20 au 22 août", "XXXX-08-20/XXXX-08-22"),
    ("l'an dernier", "l'an dernier", None),
]


@pytest.mark.parametrize("text,want,timex", NO_REFERENCE)
def test_relative_without_reference_is_unresolved(text, want, timex):
    m = the(run(text, None, None), want)
    assert m.interval is None
    assert m.anchor == "reference"
    assert m.timex == timex


def test_days_of_different_months_stay_apart():
    ms = run("Les attentats des 14 juillet et 19 décembre derniers ont frappé", "2017-01-10", "past")
    assert [(m.text, m.timex) for m in ms] == [("des 14 juillet", "2016-07-14"), ("19 décembre derniers", "2016-12-19")]


def test_year_without_reference_is_still_resolved():
    m = the(run("Le 21 août 2023, Hanoï a accueilli", None, None), "Le 21 août 2023")
    assert m.interval == Interval(date(2023, 8, 21), date(2023, 8, 21), "day", False)


# text, reference, tense, pieces (text, timex) as TimeML cuts them
TIMEML = [
    ("au centre social du 19 au 23 juillet, pour", "1999-07-16", "future",
     [("19", "1999-07-19"), ("23 juillet", "1999-07-23")]),
    ("qui devraient être affinés d'ici la fin de l'année", "1999-07-07", "future",
     [("ici", "1999-07-07"), ("la fin de l'année", "1999")]),
    ("augmenté de 10% entre 1990 et 1999.", "1999-07-07", "past", [("1990", "1990"), ("1999", "1999")]),
    ("auront lieu les 6 et 13 avril prochains", "2003-02-24", "future",
     [("les 6", "2003-04-06"), ("13 avril prochains", "2003-04-13")]),
    ("sera fermée du mercredi 3 avril au samedi 6 avril inclus", "2002-04-03", "future",
     [("mercredi 3 avril", "2002-04-03"), ("samedi 6 avril", "2002-04-06")]),
    ("Il est venu hier soir.", "2023-08-22", "past", [("hier soir", "2023-08-21TEV")]),
]


@pytest.mark.parametrize("text,ref,tense,pieces", TIMEML)
def test_timeml_cut(text, ref, tense, pieces):
    got = find_timeml_dates(text, ref_of(ref), (lambda _o: tense) if tense else None)
    assert [(m.text, m.timex) for m in got] == pieces
    assert all(text[m.start:m.end] == m.text for m in got)


def test_seed_with_tense_per_expression(shared):
    """The seed article: the visit announced for 31 October - 1 November 2011 (future), 1992 and 2010 (past)."""
    text = (shared / "seeds" / "004_7c7995f4460f7cfc.txt").read_text(encoding="utf-8")
    visit = text.index("du 31 octobre")
    tense = lambda offset: "future" if offset < visit + 40 else "past"  # noqa: E731
    got = {m.text: m.interval.to_dict() for m in find_dates(text, ref_of("2011"), tense) if m.interval}
    assert got["31 octobre au 1er novembre"] == {"start": "2011-10-31", "end": "2011-11-01", "inferred": True}
    assert got["Le 26 septembre 1992"] == {"start": "1992-09-26", "end": "1992-09-26"}
    assert got["2010"] == {"start": "2010-01-01", "end": "2010-12-31"}
    assert got["2011-2013"] == {"start": "2011-01-01", "end": "2013-12-31"}
    assert "38" not in " ".join(got)


def test_matches_are_ordered_and_disjoint():
    text = "Le 21 août 2023, hier, du 20 au 22 août, l'an dernier et d'ici 2030, en mars et en 2010."
    ms = run(text, "2023-08-22", None)
    assert len(ms) == 7
    assert all(a.end <= b.start for a, b in zip(ms, ms[1:]))


def test_a_long_text_gives_every_copy_its_dates(shared):
    """200,000 words in one call: each copy of the seed yields the dates the seed alone yields
    (speed is measured in bench/, not here)."""
    seed = (shared / "seeds" / "000_07fcb7674cc6088f.txt").read_text(encoding="utf-8")
    copies = 200_000 // len(seed.split()) + 1
    text = "\n".join([seed] * copies)
    one = [(m.text, m.timex) for m in find_dates(seed, ref_of("2023-08-22"))]
    many = [(m.text, m.timex) for m in find_dates(text, ref_of("2023-08-22"))]
    assert len(one) >= 5
    assert many == one * copies


def test_vocabulary_has_no_ambiguous_abbreviations():
    data = json.loads(DATA.read_text(encoding="utf-8"))
    assert sorted(set(data["months"].values())) == list(range(1, 13))
    assert sorted(data["weekdays"].values()) == list(range(7))
    short = {"sa", "ma", "me", "je", "ve", "di", "lu"}
    assert not short & set(data["weekdays"]) and not short & set(data["months"])
    assert "sept" not in data["months"], "'sept' is also the number seven"


def test_a_weekday_under_a_month_only_reference_takes_the_month():
    from dyad.language.pubdate import parse_iso

    (m,) = find_dates("Le président est arrivé mardi à Hanoï.", parse_iso("2023-08"), None)
    assert (m.interval.start.isoformat(), m.interval.end.isoformat(), m.interval.inferred) == \
        ("2023-08-01", "2023-08-31", True)
