"""`dyad annotate` run as a user runs it (the installed command, in a subprocess) on the two
sample articles: the JSON contract (ids, publication date, sentences, offsets), the countries,
heads of state, every date and every amount the articles state; the readable listing; and bad
inputs reported on stderr while the good files are still shown."""
from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DYAD = ROOT / ".venv" / "bin" / "dyad"
KAZ_VNM = "000_07fcb7674cc6088f"  # Tokaïev's visit to Hanoi, 2023
NAZ_VNM = "004_7c7995f4460f7cfc"  # Nazarbaïev's visit to Vietnam, announced in 2011

HEADS = {  # full name -> (role, country), as the articles give them
    "Kassym-Jomart Tokaïev": ("president", "KAZ"),
    "Vo Van Thuong": ("president", "VNM"),
    "Noursoultan Nazarbaïev": ("president", "KAZ"),
    "Truong Tan Sang": ("president", "VNM"),
}

# Every date expression the articles state: (document, phrase, start, end, inferred or None = not checked).
DATES = [
    (KAZ_VNM, "Le 21 août 2023", "2023-08-21", "2023-08-21", False),
    (KAZ_VNM, "l’année précédente", "2022-01-01", "2022-12-31", True),
    (KAZ_VNM, "six premiers mois de 2023", "2023-01-01", "2023-06-30", False),
    (KAZ_VNM, "d’ici la fin de l’année", "2023-01-01", "2023-12-31", True),
    (KAZ_VNM, "2023-2025", "2023-01-01", "2025-12-31", False),
    (NAZ_VNM, "du 31 octobre au 1er novembre", "2011-10-31", "2011-11-01", True),
    (NAZ_VNM, "Le 26 septembre 1992", "1992-09-26", "1992-09-26", False),
    (NAZ_VNM, "en 2010", "2010-01-01", "2010-12-31", False),  # twice in the article
    (NAZ_VNM, "2011-2013", "2011-01-01", "2013-12-31", False),
]
# Vague time words that may, or may not, become date mentions.
VAGUE = ["ces dernières années", "dans les prochaines années", "à ce jour"]

AMOUNTS = {
    KAZ_VNM: [(5e8, "USD", "more_than"), (6e8, "USD", "exact"), (1e9, "USD", "exact")],
    NAZ_VNM: [(3.8e7, "USD", "more_than")],
}


def run_dyad(*args: str) -> subprocess.CompletedProcess:
    if not DYAD.exists():
        pytest.skip(f"{DYAD} is not installed")
    env = {**os.environ, "NO_COLOR": "1", "DYAD_CONFIG": "/nonexistent/dyad-config.json"}
    return subprocess.run([str(DYAD), "annotate", *args], capture_output=True, text=True, encoding="utf-8",
                          env=env, timeout=600, cwd=ROOT)


@pytest.fixture(scope="module")
def seeds(shared) -> dict[str, Path]:
    return {p.stem: p for p in sorted((shared / "seeds").glob("*.txt"))}


@pytest.fixture(scope="module")
def json_run(seeds, tmp_path_factory):
    """Both articles, then an empty file (one run of the command: the model loads in seconds)."""
    empty = tmp_path_factory.mktemp("json") / "empty_input.txt"
    empty.write_text("", encoding="utf-8")
    return run_dyad("--format", "json", "--no-progress", str(seeds[KAZ_VNM]), str(seeds[NAZ_VNM]), str(empty))


@pytest.fixture(scope="module")
def docs(json_run) -> dict[str, dict]:
    assert "Traceback" not in json_run.stderr, json_run.stderr
    out = [json.loads(line) for line in json_run.stdout.splitlines() if line.strip()]
    return {d["id"]: d for d in out}


def of_kind(doc: dict, kind: str) -> list[dict]:
    return [m for m in doc["mentions"] if m["kind"] == kind]


def occurrences(text: str, phrase: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(re.escape(phrase), text)]


# -- the JSON contract ---------------------------------------------------------------------------

def test_one_json_object_per_document_in_order(json_run, docs):
    lines = [line for line in json_run.stdout.splitlines() if line.strip()]
    assert [json.loads(line)["id"] for line in lines] == [KAZ_VNM, NAZ_VNM]
    for d in docs.values():
        assert set(d) >= {"id", "title", "published", "text", "sentences", "mentions"}
        assert set(d["published"]) >= {"start", "end", "source"}
        assert d["title"] is None or isinstance(d["title"], str)


def test_text_is_the_file(docs, seeds):
    for doc_id, d in docs.items():
        assert d["text"] == seeds[doc_id].read_text(encoding="utf-8")


def test_mention_offsets_point_into_the_text(docs):
    kinds = {"country", "igo", "person", "place", "date", "amount", "percent"}
    for d in docs.values():
        assert d["mentions"], d["id"]
        for m in d["mentions"]:
            assert m["kind"] in kinds, m
            assert 0 <= m["start"] < m["end"] <= len(d["text"]), m
            assert d["text"][m["start"]:m["end"]] == m["text"], m


def test_sentences_are_ordered_apart_and_cover_the_text(docs):
    for d in docs.values():
        text, spans = d["text"], d["sentences"]
        assert spans and all(len(s) == 2 for s in spans)
        for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
            assert e1 <= s2, (s1, e1, s2, e2)
        covered = set()
        for s, e in spans:
            assert 0 <= s < e <= len(text)
            assert text[s:e] == text[s:e].strip(), text[s:e]
            assert "\n" not in text[s:e], text[s:e]  # a line of these articles is a paragraph or a headline
            covered.update(range(s, e))
        assert all(i in covered for i, c in enumerate(text) if not c.isspace()), d["id"]


def test_every_mention_lies_in_one_sentence(docs):
    for d in docs.values():
        for m in d["mentions"]:
            assert any(s <= m["start"] and m["end"] <= e for s, e in d["sentences"]), m


def test_headline_is_a_sentence_of_its_own(docs):
    d = docs[KAZ_VNM]
    headline = "Le commerce entre le Kazakhstan et le Vietnam en croissance"
    start = d["text"].index(headline)
    assert [start, start + len(headline)] in d["sentences"]


def test_publication_dates_are_inferred_within_what_the_text_allows(docs):
    # Neither article carries a date line: both dates come from what the text says, in which tense.
    # 000 reports 21 August 2023 as past and aims at "la fin de l'année" (2023): published in 2023
    # after the 21st. 004 reports 2010 trade as past and announces the 31 October visit.
    p = docs[KAZ_VNM]["published"]
    assert p["source"] == "inferred"
    assert "2023-08-21" <= p["start"] <= p["end"] <= "2023-12-31"
    p = docs[NAZ_VNM]["published"]
    assert p["source"] == "inferred"
    assert "2010-12-31" <= p["start"] <= p["end"] < "2011-10-31"


# -- countries, places, organisations --------------------------------------------------------------

def test_countries_are_kazakhstan_and_vietnam(docs):
    for d in docs.values():
        values = [m["value"] for m in of_kind(d, "country")]
        single = {v for v in values if isinstance(v, str)}
        pairs = [v for v in values if isinstance(v, list)]
        assert single == {"KAZ", "VNM"}, d["id"]
        assert pairs and all(sorted(v) == ["KAZ", "VNM"] for v in pairs), d["id"]


@pytest.mark.parametrize("doc_id, name", [
    (KAZ_VNM, "Kazakhstan"), (KAZ_VNM, "Vietnam"), (NAZ_VNM, "Kazakhstan"), (NAZ_VNM, "Vietnam"),
])
def test_every_country_name_is_a_mention(docs, doc_id, name):
    d = docs[doc_id]
    spans = {(m["start"], m["end"]) for m in of_kind(d, "country")}
    places = occurrences(d["text"], name)
    assert places and all(p in spans for p in places)


@pytest.mark.parametrize("doc_id, phrase", [
    (KAZ_VNM, "des deux nations"), (KAZ_VNM, "les deux pays"), (NAZ_VNM, "les deux pays"), (NAZ_VNM, "Les deux pays"),
])
def test_les_deux_pays_are_both_countries(docs, doc_id, phrase):
    d = docs[doc_id]
    found = {(m["start"], m["end"]): m["value"] for m in of_kind(d, "country")}
    for s, e in occurrences(d["text"], phrase):
        inner = [v for (ms, me), v in found.items() if s <= ms and me <= e and me - ms >= len("deux pays")]
        assert inner and all(sorted(v) == ["KAZ", "VNM"] for v in inner), (phrase, s)


def test_le_second_is_kazakhstan(docs):
    d = docs[NAZ_VNM]
    # "Le Vietnam et le Kazakhstan se sont ... coordonnés ... Et le second a activement soutenu le Vietnam"
    s = d["text"].index("le second")
    assert [(m["text"], m["value"]) for m in of_kind(d, "country") if m["start"] == s] == [("le second", "KAZ")]


def test_places_are_the_two_capitals(docs):
    first_hanoi = docs[KAZ_VNM]["text"].index("Hanoï")
    places = [(m["start"], m["value"]) for m in of_kind(docs[KAZ_VNM], "place")]
    assert (first_hanoi, {"name": "Hanoi", "country": "VNM"}) in places  # "à Hanoï, la capitale vietnamienne"
    astana = [m["value"] for m in of_kind(docs[NAZ_VNM], "place") if m["text"] == "Astana"]
    assert astana == [{"name": "Astana", "country": "KAZ"}]
    for d in docs.values():  # nothing else: no place from "chef d'Etat", "Asie", "Sud-Est"
        assert {m["value"]["name"] for m in of_kind(d, "place")} <= {"Hanoi", "Astana"}, d["id"]


def test_hanoi_is_always_the_place_in_the_2023_article(docs):
    d = docs[KAZ_VNM]
    spots = occurrences(d["text"], "Hanoï")
    places = {(m["start"], m["end"]) for m in of_kind(d, "place") if m["value"] == {"name": "Hanoi", "country": "VNM"}}
    assert len(spots) == 2 and all(sp in places for sp in spots)


def test_organisations(docs):
    d = docs[NAZ_VNM]
    onu = [m for m in of_kind(d, "igo") if m["text"] == "ONU"]
    assert onu and all(m["value"] == "IGO:UN" for m in onu)
    assert all(m["value"].startswith("IGO:") for doc in docs.values() for m in of_kind(doc, "igo"))
    assert of_kind(docs[KAZ_VNM], "igo") == []


# -- people ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("doc_id, name", [
    (KAZ_VNM, "Kassym-Jomart Tokaïev"), (KAZ_VNM, "Vo Van Thuong"),
    (NAZ_VNM, "Noursoultan Nazarbaïev"), (NAZ_VNM, "Truong Tan Sang"),
])
def test_heads_of_state_with_role_and_country(docs, doc_id, name):
    d = docs[doc_id]
    role, country = HEADS[name]
    named = [m for m in of_kind(d, "person") if m["text"] == name]
    assert named, f"{name} not found in {d['id']}"
    for m in named:
        assert m["value"] == {"name": name, "role": role, "country": country}


def test_every_person_mention_carries_a_full_name(docs):
    for d in docs.values():
        for m in of_kind(d, "person"):
            v = m["value"]
            assert v["name"] in HEADS, m
            assert (v["role"], v["country"]) == HEADS[v["name"]], m


@pytest.mark.parametrize("phrase, name", [
    ("du Président Tokaïev, chef d’Etat du Kazakhstan", "Kassym-Jomart Tokaïev"),
    ("le Président Tokaïev a exprimé", "Kassym-Jomart Tokaïev"),
    ("Le Président Tokaïev a invité", "Kassym-Jomart Tokaïev"),
    ("son homologue vietnamien", "Vo Van Thuong"),
])
def test_later_mentions_in_the_2023_article_take_the_full_name(docs, phrase, name):
    d = docs[KAZ_VNM]
    s = d["text"].index(phrase)
    e = s + len(phrase)
    found = [m["value"]["name"] for m in of_kind(d, "person") if s <= m["start"] and m["end"] <= e]
    assert found == [name]


def test_later_mention_in_the_2011_article_takes_the_full_name(docs):
    d = docs[NAZ_VNM]
    s = d["text"].index("La visite du président Noursoultan Nazarbaïev")
    found = [m["value"] for m in of_kind(d, "person") if m["start"] > s]
    assert found and found[0] == {"name": "Noursoultan Nazarbaïev", "role": "president", "country": "KAZ"}


# -- every date, every amount ----------------------------------------------------------------------

@pytest.mark.parametrize("doc_id, phrase, start, end, inferred", DATES, ids=[p for _, p, *_ in DATES])
def test_every_date_expression(docs, doc_id, phrase, start, end, inferred):
    d = docs[doc_id]
    spots = occurrences(d["text"], phrase)
    assert spots, phrase
    for s, e in spots:
        hits = [m["value"] for m in of_kind(d, "date") if m["start"] < e and s < m["end"]]
        assert len(hits) == 1, (phrase, s, hits)
        v = hits[0]
        assert (v["start"], v["end"]) == (start, end), (phrase, v)
        if inferred is not None:
            assert v["inferred"] is inferred, (phrase, v)


def test_no_other_dates(docs):
    for d in docs.values():
        expected = [sp for doc_id, phrase, *_ in DATES if doc_id == d["id"]
                    for sp in occurrences(d["text"], phrase)]
        expected += [sp for phrase in VAGUE for sp in occurrences(d["text"], phrase)]
        for m in of_kind(d, "date"):
            assert any(m["start"] < e and s < m["end"] for s, e in expected), m


@pytest.mark.parametrize("doc_id", [KAZ_VNM, NAZ_VNM])
def test_every_amount(docs, doc_id):
    found = sorted((m["value"]["value"], m["value"]["currency"], m["value"]["qualifier"])
                   for m in of_kind(docs[doc_id], "amount"))
    assert found == sorted(AMOUNTS[doc_id])


def test_amounts_cover_their_numbers(docs):
    text = docs[KAZ_VNM]["text"]
    for phrase in ("demi-milliard de dollars", "600 millions de dollars", "le milliard"):
        s = text.index(phrase)
        assert any(m["start"] <= s and s + len(phrase) <= m["end"] for m in of_kind(docs[KAZ_VNM], "amount")), phrase
    text = docs[NAZ_VNM]["text"]
    s = text.index("38 millions de dollars")
    assert any(m["start"] <= s < m["end"] for m in of_kind(docs[NAZ_VNM], "amount"))
    assert of_kind(docs[KAZ_VNM], "percent") == [] and of_kind(docs[NAZ_VNM], "percent") == []


# -- the readable listing, and bad inputs ------------------------------------------------------------

@pytest.fixture(scope="module")
def text_run(seeds, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("bad")
    empty = tmp / "empty.txt"
    empty.write_text("", encoding="utf-8")
    missing = tmp / "missing.txt"
    result = run_dyad("--no-progress", str(missing), str(seeds[NAZ_VNM]), str(empty))
    return result, missing, empty


def test_text_view_shows_the_document(text_run):
    result, _, _ = text_run
    out = result.stdout
    assert NAZ_VNM in out.splitlines()[0]
    assert re.search(r"published:.*2010.*inferred", out)
    assert "\x1b[" not in out  # no colour when not on a terminal
    for piece in ("[Noursoultan Nazarbaïev]", "[Truong Tan Sang]", "[Le 26 septembre 1992]", "[ONU]",
                  "[Astana]", "[les deux pays]"):
        assert piece in out, piece
    # each mention listed with its value under its sentence
    assert re.search(r"person\s+'Noursoultan Nazarbaïev'\s+Noursoultan Nazarbaïev · president · KAZ", out)
    assert re.search(r"date\s+'Le 26 septembre 1992'\s+1992-09-26", out)
    assert re.search(r"amount\s+.*38 000 000 USD more_than", out)


def test_bad_inputs_are_reported_and_the_good_file_still_shown(text_run):
    result, missing, empty = text_run
    assert result.returncode != 0
    err = result.stderr.splitlines()
    assert any(missing.name in line and str(missing.parent) in line for line in err), result.stderr
    assert any(empty.name in line for line in err), result.stderr
    assert "Traceback" not in result.stderr
    assert NAZ_VNM in result.stdout
    assert missing.name not in result.stdout and empty.name not in result.stdout


def test_json_output_stays_clean_with_bad_inputs(json_run):
    """Errors go to stderr only, so `dyad annotate ... --format json > m.jsonl` stays valid JSON Lines."""
    assert json_run.returncode != 0
    lines = [line for line in json_run.stdout.splitlines() if line.strip()]
    assert len(lines) == 2 and all(isinstance(json.loads(line), dict) for line in lines)
    assert "empty_input.txt" in json_run.stderr and "empty_input.txt" not in json_run.stdout
