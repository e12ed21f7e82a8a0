"""People across spellings: folding keys, linking short forms, canonical names, the persons table."""
from __future__ import annotations

import pytest
from conftest_kb import store, store_url  # noqa: F401  (fixtures, used by name)

from dyad.kb import ingest, person_list
from dyad.kb.persons import PersonIndex, canonical_name, name_key, surname_key
from dyad.model import Document, Record


@pytest.mark.parametrize("a, b", [
    ("Tokaïev", "Tokayev"),
    ("Kassym-Jomart Tokaïev", "Kassym-Jomart Tokayev"),
    ("Noursoultan Nazarbaïev", "Nursultan Nazarbayev"),
    ("Võ Văn Thưởng", "Vo Van Thuong"),
    ("Trương Tấn Sang", "Truong Tan Sang"),
    ("Nguyễn Phú Trọng", "Nguyen Phu Trong"),
    ("Chavkat Mirzioïev", "Shavkat Mirziyoyev"),
    ("Vladimir Poutine", "Vladimir Putin"),
    ("Evgueni Primakov", "Yevgeny Primakov"),
    ("Konstantin Tchernenko", "Konstantin Chernenko"),
    ("Mikhaïl Gorbatchev", "Mikhail Gorbachev"),
    ("Kassym  Jomart   Tokayev", "Kasym-Jomart Tokayev"),
])
def test_spellings_of_one_name_share_a_key(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize("a, b", [
    ("Nursultan Nazarbayev", "Dariga Nazarbayeva"),
    ("Vo Van Thuong", "Nguyen Van Thuong"),
    ("Kassym-Jomart Tokayev", "Askar Mamin"),
    ("Tokayev", "Tokarev"),
])
def test_different_people_keep_different_keys(a: str, b: str) -> None:
    assert name_key(a) != name_key(b)


def test_surname_key_is_the_last_folded_part() -> None:
    assert surname_key("Kassym-Jomart Tokaïev") == surname_key("Tokayev") == "tokaev"


LINKED = [
    # (name, country) in arrival order, and the group each should land in
    ("Tokaïev", "KAZ", "tokayev"),
    ("Kassym-Jomart Tokayev", None, "tokayev"),
    ("Tokayev", "KAZ", "tokayev"),
    ("K. Tokayev", "KAZ", "tokayev"),
    ("Noursoultan Nazarbaïev", "KAZ", "nazarbayev"),
    ("Nursultan Nazarbayev", "KAZ", "nazarbayev"),
    ("Nazarbaïev", None, "nazarbayev"),
    ("Võ Văn Thưởng", "VNM", "thuong"),
    ("Vo Van Thuong", None, "thuong"),
    ("Thuong", "VNM", "thuong"),
    ("Dariga Nazarbayeva", "KAZ", "dariga"),
    ("Nguyen Van Thuong", "VNM", "other_thuong"),
]


def test_index_links_spellings_and_short_forms_to_one_person() -> None:
    index = PersonIndex()
    groups: dict[str, set[int]] = {}
    for name, country, group in LINKED:
        groups.setdefault(group, set()).add(index.resolve(name, country))
    assert all(len(ids) == 1 for ids in groups.values()), groups
    assert len({next(iter(ids)) for ids in groups.values()}) == len(groups)


def test_short_form_matching_two_people_stays_apart() -> None:
    index = PersonIndex()
    a = index.resolve("Vo Van Thuong", "VNM")
    b = index.resolve("Nguyen Van Thuong", "VNM")
    short = index.resolve("Thuong", "VNM")
    assert short not in (a, b)


def test_short_form_from_another_country_is_not_linked() -> None:
    index = PersonIndex()
    kaz = index.resolve("Kassym-Jomart Tokayev", "KAZ")
    assert index.resolve("Tokayev", "RUS") != kaz


@pytest.mark.parametrize("variants, expected", [
    ({"Tokaïev": 3, "Kassym-Jomart Tokaïev": 2, "Kassym-Jomart Tokayev": 1}, "Kassym-Jomart Tokayev"),
    ({"Noursoultan Nazarbaïev": 5, "Nursultan Nazarbayev": 1}, "Nursultan Nazarbayev"),
    ({"Vo Van Thuong": 4, "Võ Văn Thưởng": 1, "Thuong": 9}, "Võ Văn Thưởng"),
    ({"Poutine": 2, "Vladimir Poutine": 1}, "Vladimir Poutine"),
])
def test_canonical_name_is_fullest_then_english_then_diacritics(variants: dict[str, int], expected: str) -> None:
    assert canonical_name(variants) == expected


def _doc(doc_id: str, text: str, records: list[Record]) -> tuple[Document, list, list[Record]]:
    return Document(id=doc_id, text=text), [], records


def test_store_keeps_one_person_with_every_spelling_and_role(store) -> None:
    items = [
        _doc("a1", "Visite de Tokaïev.", [Record("a1", "visit", "KAZ", "VNM", ["Kassym-Jomart Tokaïev"])]),
        _doc("a2", "Tokayev invite Thuong.", [Record("a2", "invitation", "KAZ", "VNM", ["Tokayev", "Vo Van Thuong"])]),
        _doc("a3", "Võ Văn Thưởng reçoit.", [Record("a3", "meeting", "KAZ", "VNM",
                                                 ["Kassym-Jomart Tokayev", "Võ Văn Thưởng"])]),
    ]
    ingest(store, items)
    people = {p["name"]: p for p in person_list(store)}
    assert set(people) == {"Kassym-Jomart Tokayev", "Võ Văn Thưởng"}
    tokayev = people["Kassym-Jomart Tokayev"]
    assert set(tokayev["variants"]) == {"Kassym-Jomart Tokaïev", "Tokayev", "Kassym-Jomart Tokayev"}
    assert tokayev["country"] == "KAZ"
    assert {"visitor", "inviter", "participant"} <= set(tokayev["roles"])
    assert people["Võ Văn Thưởng"]["country"] == "VNM"


def test_persons_survive_reopening_and_keep_linking(store_url) -> None:
    from dyad.kb import open_store

    with open_store(store_url) as st:
        ingest(st, [_doc("b1", "x", [Record("b1", "visit", "KAZ", "VNM", ["Noursoultan Nazarbaïev"])])])
    with open_store(store_url) as st:
        ingest(st, [_doc("b2", "y", [Record("b2", "visit", "KAZ", "CHN", ["Nazarbayev"])])])
        people = person_list(st)
    assert len(people) == 1
    assert set(people[0]["variants"]) == {"Noursoultan Nazarbaïev", "Nazarbayev"}
