"""People on real runs of the French pipeline: names from NER and from titles in apposition
(in both orders), honorifics, role ids and countries, later mentions ("M. Xi", "le Président
Tokaïev", "son homologue vietnamien", "le dirigeant kazakh") linked to the full name."""
from __future__ import annotations

import pytest

ANY = object()  # a field the case does not check

# Words that are never part of a person's name as the value gives it (titles and honorifics).
NOT_NAME_WORDS = {"m.", "mme", "président", "presidente", "présidente", "ministre", "premier", "roi",
                  "chancelier", "homologue", "dirigeant", "chef", "monsieur", "madame"}


def people(analyse_text, text: str) -> list[dict]:
    _, doc = analyse_text(text)
    return [dict(text=m.text, **m.value) for m in doc._.mentions if m.kind == "person"]


def person_at(found: list[dict], text: str, nth: int = 0) -> dict:
    hits = [p for p in found if p["text"] == text]
    assert len(hits) > nth, f"no person mention {text!r} (#{nth}) in {found}"
    return hits[nth]


def check(p: dict, name, role, country) -> None:
    for field, want in (("name", name), ("role", role), ("country", country)):
        if want is not ANY:
            assert p[field] == want, (field, p)


def no_titles_in_names(found: list[dict]) -> None:
    for p in found:
        if p["name"]:
            words = {w.lower() for w in p["name"].split()}
            assert not words & NOT_NAME_WORDS, p


# -- a title and a name together: before, after, with the country as demonym or complement -------

@pytest.mark.parametrize("text, mention, name, role, country", [
    ("Le président du Kazakhstan Noursoultan Nazarbaïev est arrivé à Hanoï.",
     "Noursoultan Nazarbaïev", "Noursoultan Nazarbaïev", "president", "KAZ"),
    ("Le Président kazakhstanais, Kassym-Jomart Tokaïev, est arrivé à Hanoï.",
     "Kassym-Jomart Tokaïev", "Kassym-Jomart Tokaïev", "president", "KAZ"),
    ("De son côté, le Président vietnamien, Vo Van Thuong, a exprimé sa volonté de renforcer le partenariat.",
     "Vo Van Thuong", "Vo Van Thuong", "president", "VNM"),
    ("Sur invitation du président du Vietnam Truong Tan Sang, le président kazakh effectuera une visite.",
     "Truong Tan Sang", "Truong Tan Sang", "president", "VNM"),
    ("Le président du Sénégal, Macky Sall, a reçu le roi du Maroc, Mohammed VI.",
     "Macky Sall", "Macky Sall", "president", "SEN"),
    ("Le président du Sénégal, Macky Sall, a reçu le roi du Maroc, Mohammed VI.",
     "Mohammed VI", "Mohammed VI", "king", "MAR"),
    ("Macky Sall, président du Sénégal, a reçu le roi Mohammed VI.",
     "Macky Sall", "Macky Sall", "president", "SEN"),
    ("Le président Vladimir Poutine a reçu Xi Jinping, président de la Chine.",
     "Xi Jinping", "Xi Jinping", "president", "CHN"),
    ("Le président chinois Xi Jinping a reçu le président américain Joe Biden.",
     "Joe Biden", "Joe Biden", "president", "USA"),
    ("Le Premier ministre marocain Aziz Akhannouch est arrivé à Dakar.",
     "Aziz Akhannouch", "Aziz Akhannouch", "prime_minister", "MAR"),
    ("Le chancelier allemand Olaf Scholz a reçu le Premier ministre indien Narendra Modi.",
     "Olaf Scholz", "Olaf Scholz", "chancellor", "DEU"),
    ("Le chancelier allemand Olaf Scholz a reçu le Premier ministre indien Narendra Modi.",
     "Narendra Modi", "Narendra Modi", "prime_minister", "IND"),
    ("Le président égyptien Abdel Fattah al-Sissi a reçu le président des Émirats arabes unis, Mohammed ben Zayed.",
     "Abdel Fattah al-Sissi", "Abdel Fattah al-Sissi", "president", "EGY"),
    ("Le président égyptien Abdel Fattah al-Sissi a reçu le président des Émirats arabes unis, Mohammed ben Zayed.",
     "Mohammed ben Zayed", "Mohammed ben Zayed", "president", "ARE"),
    ("Le président brésilien Luiz Inácio Lula da Silva s'est rendu en Égypte.",
     "Luiz Inácio Lula da Silva", "Luiz Inácio Lula da Silva", "president", "BRA"),
    ("Le président de la RDC Félix Tshisekedi s'est rendu en Angola.",
     "Félix Tshisekedi", "Félix Tshisekedi", "president", "COD"),
    ("Le président sud-africain Cyril Ramaphosa s'est entretenu avec le président nigérian Bola Tinubu.",
     "Bola Tinubu", "Bola Tinubu", "president", "NGA"),
    ("Le ministre des Affaires étrangères Ahmed Attaf est arrivé à Rabat.",
     "Ahmed Attaf", "Ahmed Attaf", "foreign_minister", ANY),
    ("Mme Catherine Colonna, ministre des Affaires étrangères, est arrivée.",
     "Catherine Colonna", "Catherine Colonna", "foreign_minister", ANY),
    ("Le président Emmanuel Macron a reçu la Première ministre italienne Giorgia Meloni.",
     "Giorgia Meloni", "Giorgia Meloni", "prime_minister", "ITA"),
    pytest.param("Kassym-Jomart Tokaïev, président du Kazakhstan, est arrivé à Hanoï.",
                 "Kassym-Jomart Tokaïev", "Kassym-Jomart Tokaïev", "president", "KAZ"),
    pytest.param("Jean-Yves Le Drian, ministre des Affaires étrangères, est arrivé.",
                 "Jean-Yves Le Drian", "Jean-Yves Le Drian", "foreign_minister", ANY),
    pytest.param("Le président sud-coréen Yoon Suk-yeol a rencontré le Premier ministre japonais Fumio Kishida.",
                 "Yoon Suk-yeol", "Yoon Suk-yeol", "president", "KOR"),
    pytest.param("Le président sud-coréen Moon Jae-in est arrivé à Washington.",
                 "Moon Jae-in", "Moon Jae-in", "president", "KOR"),
    pytest.param("La ministre allemande des Affaires étrangères Annalena Baerbock est arrivée à New Delhi.",
                 "Annalena Baerbock", "Annalena Baerbock", "foreign_minister", "DEU"),
    pytest.param("Mme Annalena Baerbock, ministre allemande des Affaires étrangères, est à Tokyo.",
                 "Annalena Baerbock", "Annalena Baerbock", "foreign_minister", "DEU"),
    pytest.param("L'ambassadeur du Japon au Sénégal, Izumi Fukuda, a remis ses lettres de créance.",
                 "Izumi Fukuda", "Izumi Fukuda", "ambassador", "JPN"),
])
def test_titles_and_names(analyse_text, text, mention, name, role, country):
    found = people(analyse_text, text)
    check(person_at(found, mention), name, role, country)
    no_titles_in_names(found)


@pytest.mark.parametrize("text", [
    "La ministre allemande des Affaires étrangères Annalena Baerbock est arrivée à New Delhi.",
    "Mme Catherine Colonna, ministre française des Affaires étrangères, est à Rabat.",
])
def test_no_person_from_words_of_a_title(analyse_text, text):
    assert not [p for p in people(analyse_text, text) if p["name"] and "Affaires" in p["name"]]


# -- later mentions linked to the full name ----------------------------------------------------

@pytest.mark.parametrize("text, mention, nth, name, role, country", [
    # title + surname
    ("Le Président kazakhstanais, Kassym-Jomart Tokaïev, est arrivé à Hanoï. "
     "Le Président Tokaïev a exprimé son admiration pour le Vietnam.",
     "Tokaïev", 0, "Kassym-Jomart Tokaïev", "president", "KAZ"),
    # spelling variant of the same name in one document
    ("Le président Kassym-Jomart Tokayev est arrivé. Le président Tokaïev a signé un accord.",
     "Tokaïev", 0, "Kassym-Jomart Tokayev", "president", ANY),
    # honorifics
    ("Le président chinois Xi Jinping a reçu le président américain Joe Biden. M. Xi a salué la rencontre.",
     "Xi", 0, "Xi Jinping", "president", "CHN"),
    ("Le président Xi Jinping est arrivé à Moscou. Xi a rencontré Vladimir Poutine.",
     "Xi", 0, "Xi Jinping", "president", ANY),
    ("Le président Vladimir Poutine a reçu Xi Jinping, président de la Chine. M. Xi a remercié M. Poutine.",
     "Poutine", 0, "Vladimir Poutine", "president", ANY),
    ("Le président sénégalais Macky Sall a reçu son homologue ivoirien Alassane Ouattara. M. Ouattara a remercié M. Sall.",
     "Sall", 0, "Macky Sall", "president", "SEN"),
    ("Le ministre des Affaires étrangères Ahmed Attaf est arrivé à Rabat. M. Attaf a rencontré son homologue.",
     "Attaf", 0, "Ahmed Attaf", "foreign_minister", ANY),
    ("Mme Catherine Colonna, ministre des Affaires étrangères, est arrivée. Mme Colonna a rencontré son homologue.",
     "Colonna", 0, "Catherine Colonna", "foreign_minister", ANY),
    ("Le président Emmanuel Macron a reçu la Première ministre italienne Giorgia Meloni. Mme Meloni a salué l'accord.",
     "Meloni", 0, "Giorgia Meloni", "prime_minister", "ITA"),
    ("Le président sud-africain Cyril Ramaphosa s'est entretenu avec le président nigérian Bola Tinubu. "
     "M. Tinubu a salué l'initiative.",
     "Tinubu", 0, "Bola Tinubu", "president", "NGA"),
    ("Le Premier ministre indien Narendra Modi est arrivé. M. Modi a rencontré Olaf Scholz.",
     "Modi", 0, "Narendra Modi", "prime_minister", "IND"),
    # Vietnamese names: the given name (last word) is the short form
    ("Le Premier ministre vietnamien Pham Minh Chinh a rencontré le président Tokaïev. M. Chinh a remercié son hôte.",
     "Chinh", 0, "Pham Minh Chinh", "prime_minister", "VNM"),
    ("Le président Tokaïev a reçu M. Vo Van Thuong. M. Thuong a salué l'accord.",
     "Thuong", 0, "Vo Van Thuong", ANY, ANY),
    # a full name repeated later
    ("Le président chinois Xi Jinping a reçu le président kazakh Kassym-Jomart Tokaïev. Xi Jinping a salué l'amitié.",
     "Xi Jinping", 1, "Xi Jinping", "president", "CHN"),
    pytest.param("Le président ivoirien Alassane Ouattara est arrivé. M. Ouattara a salué l'accord.",
                 "Ouattara", 0, "Alassane Ouattara", "president", "CIV"),
    pytest.param("Le président égyptien Abdel Fattah al-Sissi a reçu le roi du Maroc. M. al-Sissi a salué la coopération.",
                 "Sissi", 0, "Abdel Fattah al-Sissi", "president", "EGY"),
    pytest.param("Le président égyptien Abdel Fattah al-Sissi a reçu le président brésilien. Le président Sissi a "
                 "remercié son hôte.",
                 "Sissi", 0, "Abdel Fattah al-Sissi", "president", "EGY"),
    pytest.param("Le président sud-coréen Yoon Suk-yeol est arrivé. M. Yoon a insisté sur la sécurité.",
                 "Yoon", 0, "Yoon Suk-yeol", "president", "KOR"),
])
def test_later_mentions_take_the_full_name(analyse_text, text, mention, nth, name, role, country):
    found = people(analyse_text, text)
    check(person_at(found, mention, nth), name, role, country)
    no_titles_in_names(found)


# -- titles without a name: "son homologue vietnamien", "le dirigeant kazakh" ---------------------

@pytest.mark.parametrize("text, mention, name, role, country", [
    ("Le président kazakh Kassym-Jomart Tokaïev a reçu le président vietnamien Vo Van Thuong. "
     "Le président Tokaïev a remercié son homologue.",
     "homologue", "Vo Van Thuong", "president", "VNM"),
    ("Le président chinois Xi Jinping a reçu le président kazakh Kassym-Jomart Tokaïev. M. Xi a invité son "
     "homologue kazakh.",
     "homologue kazakh", "Kassym-Jomart Tokaïev", "president", "KAZ"),
    ("De son côté, le Président vietnamien, Vo Van Thuong, a salué la visite. Le Président kazakhstanais "
     "Kassym-Jomart Tokaïev a invité son homologue vietnamien à effectuer une visite d’État au Kazakhstan.",
     "homologue vietnamien", "Vo Van Thuong", "president", "VNM"),
    ("Le président kazakh Kassym-Jomart Tokaïev a reçu Vo Van Thuong. Le dirigeant kazakh a salué la visite.",
     "dirigeant kazakh", "Kassym-Jomart Tokaïev", "president", "KAZ"),
    ("Le chancelier allemand Olaf Scholz a reçu le Premier ministre indien Narendra Modi. "
     "Le dirigeant indien a salué l'accord.",
     "dirigeant indien", "Narendra Modi", "prime_minister", "IND"),
    ("Le président français Emmanuel Macron a reçu le chancelier allemand Olaf Scholz. "
     "Le dirigeant allemand a salué la visite.",
     "dirigeant allemand", "Olaf Scholz", "chancellor", "DEU"),
    ("Le président Vo Van Thuong a reçu le Premier ministre japonais Fumio Kishida. "
     "Le chef du gouvernement japonais a salué la visite.",
     "chef du gouvernement japonais", "Fumio Kishida", "prime_minister", "JPN"),
    # nobody named: the title still says who, by role and country
    ("Le roi du Maroc s'est rendu au Sénégal.", "roi du Maroc", None, "king", "MAR"),
    ("Le chef d'État sénégalais a reçu le ministre marocain.", "chef d'État sénégalais", None, "head_of_state", "SEN"),
    ("Le ministre marocain a reçu son homologue sénégalais.", "ministre marocain", None, "minister", "MAR"),
    ("Le ministre marocain a reçu son homologue sénégalais.", "homologue sénégalais", None, ANY, "SEN"),
])
def test_titles_without_a_name(analyse_text, text, mention, name, role, country):
    found = people(analyse_text, text)
    check(person_at(found, mention), name, role, country)


@pytest.mark.parametrize("text, mention, name, country", [
    ("Le président sénégalais Macky Sall a reçu son homologue ivoirien Alassane Ouattara.",
     "Alassane Ouattara", "Alassane Ouattara", "CIV"),
    ("Le président ivoirien Alassane Ouattara est arrivé au Sénégal. Il a été reçu par son homologue sénégalais "
     "Macky Sall.", "Macky Sall", "Macky Sall", "SEN"),
    ("Le Président kazakhstanais Kassym-Jomart Tokaïev a rencontré son homologue vietnamien Vo Van Thuong.",
     "Vo Van Thuong", "Vo Van Thuong", "VNM"),
])
def test_named_counterpart_takes_the_role_of_his_host(analyse_text, text, mention, name, country):
    check(person_at(people(analyse_text, text), mention), name, "president", country)


@pytest.mark.parametrize("text", [
    "Les deux présidents ont signé un accord.",
    "Les chefs d'État et de gouvernement se sont réunis à Addis-Abeba.",
])
def test_plural_titles_are_not_one_person(analyse_text, text):
    assert people(analyse_text, text) == []


def test_people_and_countries_do_not_swallow_each_other(analyse_text):
    """A country right before a name is the person's country, and stays a country mention too."""
    text = "Sur invitation du président du Vietnam Truong Tan Sang, le président du Kazakhstan Noursoultan " \
           "Nazarbaïev effectuera une visite officielle au Vietnam."
    _, doc = analyse_text(text)
    kinds = [(m.kind, m.text) for m in doc._.mentions]
    assert ("country", "Vietnam") in kinds and ("country", "Kazakhstan") in kinds
    assert ("person", "Noursoultan Nazarbaïev") in kinds  # not the city Nur-Sultan
    assert not [m for m in doc._.mentions if m.kind == "place" and "Noursoultan" in m.text]


def test_counterpart_is_the_other_side_not_a_bystander(analyse_text):
    """"son homologue" faces the person last named: of the persons before, one of known
    country on the other side (the president), not a spokesman of unstated country."""
    text = ("Le président américain Donald Trump a signé un décret mercredi. Son porte-parole Sean Spicer "
            "l'a défendu devant la presse. Le président mexicain Enrique Peña Nieto a dénoncé jeudi la "
            "décision de son homologue.")
    _, doc = analyse_text(text)
    p = next(p for p in doc._.persons if text[p.start:p.end] == "homologue")
    assert (p.group.full_name, p.country, p.role) == ("Donald Trump", "USA", "president")
