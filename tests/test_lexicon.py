"""The lexicon: every table of a language through one loader, and a new language as rows."""
from __future__ import annotations

import json

import pytest

from dyad.errors import DyadError
from dyad.lang import Lexicon, lexicon
from dyad.lang.countries import CountryNames
from dyad.lang.text import compact_key, fold, lookup_key, person_key
from dyad.language.focus import sentence_in_focus
from dyad.language.gazetteer import Gazetteer


def _toy_language(root):
    """A language 'xx' of two country names and one trigger word, in a folder of its own."""
    folder = root / "xx"
    folder.mkdir()
    (folder / "countries_extra.tsv").write_text(
        "# two country names of the toy language\niso3\tdisplay_xx\txx\nFRA\tFrankolia\tFranko\nVNM\tVietlandia\t\n",
        encoding="utf-8")
    (folder / "triggers.json").write_text(json.dumps({"visit": {"nouns": ["zuvisit"]}}), encoding="utf-8")
    return Lexicon("xx", root)


def test_a_new_language_is_rows(tmp_path):
    lex = _toy_language(tmp_path)
    assert lex.triggers == {"visit": {"nouns": ["zuvisit"]}}
    assert lex.trigger_stems["visit"] == {"zuvisit"}
    gaz = Gazetteer(lex)
    text = "Le zuvisit de Frankolia a Vietlandia, puis Franko."
    hits = [(m.text, m.kind, m.value) for m in gaz.find(text)]
    assert hits == [("Frankolia", "country", "FRA"), ("Vietlandia", "country", "VNM"), ("Franko", "country", "FRA")]
    assert gaz.country_code("vietlandia") == "VNM" and gaz.country_name("FRA", "xx") == "Frankolia"
    focus = sentence_in_focus(lex)
    assert focus("Un zuvisit.") and not focus("Rien ici.")


def test_an_unknown_language_is_a_clear_error(tmp_path):
    with pytest.raises(DyadError) as err:
        Lexicon("zz", tmp_path)
    assert err.value.code == "E022" and "'zz'" in str(err.value)


def test_absent_tables_read_as_empty(tmp_path):
    lex = _toy_language(tmp_path)
    assert lex.dates == {} and lex.amounts == {} and lex.rows("titles.tsv") == [] and lex.topics == []


def test_french_tables_load():
    lex = lexicon("fr")
    assert lex is lexicon("fr")
    assert {"visit", "meeting", "agreement", "trade"} <= set(lex.triggers)
    assert lex.words["partitive"] == ["de", "du", "des", "d'"]
    assert lex.dates["months"] and lex.amounts["currencies"] and lex.references and lex.titles


@pytest.mark.parametrize("text", ["Côte-d’Ivoire", "Viêt Nam", "Đà Nẵng", "É.-U."])
def test_the_fold_keeps_offsets(text):
    assert len(fold(text)) == len(text)


def test_one_lookup_key_and_one_person_key():
    assert lookup_key("Côte-d’Ivoire") == "cote d ivoire"
    assert compact_key("Viêt Nam") == compact_key("Vietnam") == "vietnam"
    assert person_key("Kassym-Jomart Tokaïev") == person_key("Kassym-Jomart Tokayev")
    assert person_key("al-Sissi") == person_key("Sissi")


@pytest.mark.parametrize("name, readings", [
    ("KAZ", ["KAZ"]), ("Viêt Nam", ["VNM"]), ("kazakhstan", ["KAZ"]), ("CAN", ["CAN"]),
    ("AU", ["AUS", "IGO:AU"]), ("UA", ["UKR", "IGO:AU"]), ("Union africaine", ["IGO:AU"]), ("IGO:UN", ["IGO:UN"]),
])
def test_one_resolver_for_text_and_queries(name, readings):
    names = CountryNames(lexicon("fr"))
    assert names.readings(name) == readings


def test_an_ambiguous_query_name_lists_its_readings():
    from dyad.errors import QueryError
    from dyad.kb.countries import resolve_pair

    with pytest.raises(QueryError) as err:
        resolve_pair("AU CHN")
    assert err.value.code == "E033" and "AUS" in str(err.value) and "IGO:AU" in str(err.value)
    assert resolve_pair("AUS CHN") == ("AUS", "CHN") and resolve_pair("Union africaine Chine") == ("IGO:AU", "CHN")
