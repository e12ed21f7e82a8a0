"""Publication dates: metadata first, then a dateline or top line, else inferred from the text."""
from __future__ import annotations

import pytest

from dyad.language.pubdate import parse_iso


@pytest.mark.parametrize("raw,start,end,granularity", [
    ("2023", "2023-01-01", "2023-12-31", "year"),
    ("2023-08", "2023-08-01", "2023-08-31", "month"),
    ("2024-02", "2024-02-01", "2024-02-29", "month"),
    ("2023-08-21", "2023-08-21", "2023-08-21", "day"),
    ("2023-08-21T09:30:00+02:00", "2023-08-21", "2023-08-21", "day"),
    ("2023-08-21 09:30:00Z", "2023-08-21", "2023-08-21", "day"),
])
def test_iso_metadata_at_any_precision(raw, start, end, granularity):
    i = parse_iso(raw)
    assert (i.start.isoformat(), i.end.isoformat(), i.granularity) == (start, end, granularity)


@pytest.mark.parametrize("raw", ["hier", "21/08/2023", "2023-13-01", "", None])
def test_bad_metadata_is_ignored(raw):
    assert parse_iso(raw) is None


def test_metadata_wins(analyse_text):
    document, _ = analyse_text("Le 3 mai, le ministre s'est rendu à Paris.", published="2022-05-10")
    assert document.published.source == "metadata"
    assert document.published.interval.start.isoformat() == "2022-05-10"


def test_dateline_gives_the_date(analyse_text):
    document, doc = analyse_text("Rabat, 14 mars 2023 (MAP) – Le roi a reçu le ministre sénégalais des Affaires étrangères.")
    assert document.published.source == "dateline"
    assert document.published.interval.start.isoformat() == "2023-03-14"


def test_short_top_line_gives_the_date(analyse_text):
    document, _ = analyse_text("Publié le 3 mai 2022\nLe président a reçu son homologue.")
    assert document.published.source in ("text", "dateline")
    assert document.published.interval.start.isoformat() == "2022-05-03"


def test_inferred_from_past_dates_and_a_future_visit(shared, analyse_text):
    text = (shared / "seeds" / "004_7c7995f4460f7cfc.txt").read_text(encoding="utf-8")
    document, doc = analyse_text(text)
    pub = document.published
    assert pub.source == "inferred" and pub.interval.inferred
    # the text reports 2010 in the past and announces the 31 October visit: published in 2010-2011
    assert pub.interval.start.year == 2010 and pub.interval.end.year in (2010, 2011)
    visit = next(m for m in doc._.mentions if m.kind == "date" and "31 octobre" in m.text)
    assert (visit.value["start"], visit.value["end"], visit.value["inferred"]) == ("2011-10-31", "2011-11-01", True)


def test_unknown_without_any_date(analyse_text):
    document, _ = analyse_text("Le ministre a reçu l'ambassadeur du Japon.")
    assert document.published.source == "unknown" and document.published.interval is None


@pytest.mark.parametrize("text, day", [
    ("La Bolivie rappelle son ambassadeur\n\n6 juin 2017 . – Le ministre bolivien a annoncé mardi qu'il "
     "reviendrait en 1973 sur cette affaire.", "2017-06-06"),
    ("Séisme au Chili\n\n26 juillet 2016, Santiago . – Le Japon a promis une aide au Chili.", "2016-07-26"),
    ("Élections\n\nPage actualisée : 13 octobre 2016 — « Le Burundi quittera la CPI », a dit le ministre.",
     "2016-10-13"),
    ("Sommet\n\n1er décembre 2018 . – Le président a quitté Buenos Aires.", "2018-12-01"),
])
def test_a_date_first_dateline_gives_the_date(analyse_text, text, day):
    document, _ = analyse_text(text)
    assert document.published.source == "dateline"
    assert document.published.interval.start.isoformat() == day
