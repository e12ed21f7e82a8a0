"""Extraction, one fact at a time: a sentence of our own in, the record that states it out
(type, who to whom, the date and the attributes that matter). The corpus-level quality gate is
tests/test_quality.py; these pin each pattern so a regression names the pattern it breaks."""
from __future__ import annotations

import pytest

from dyad.extraction import extract_records


@pytest.fixture(scope="module")
def records(analyse_text, options):
    def run(text: str, published: str = "2024-03-15"):
        document, doc = analyse_text(text, published)
        return [r.to_dict() for r in extract_records(document, doc, options)]
    return run


def one(found: list[dict], rtype: str) -> dict:
    hits = [r for r in found if r["type"] == rtype]
    assert len(hits) == 1, found
    return hits[0]


@pytest.mark.parametrize("text, actor, target, start, attrs", [
    # announced: future tense, the visit's days from a range
    ("Le président ghanéen Nana Akufo-Addo effectuera une visite d'État au Sénégal du 20 au 22 mars.",
     "GHA", "SEN", "2024-03-20", {"level": "state", "status": "planned"}),
    # only a city names the host
    ("Le Premier ministre norvégien Jonas Gahr Støre est arrivé lundi à Varsovie pour une visite officielle.",
     "NOR", "POL", "2024-03-11", {"level": "official"}),
    # received by the host: the visitor is the one received
    ("Le ministre chilien des Affaires étrangères a été reçu le 4 mars à Lima par la présidente péruvienne.",
     "CHL", "PER", "2024-03-04", {}),
])
def test_visits(records, text, actor, target, start, attrs):
    r = one(records(text), "visit")
    assert (r["actor"], r["target"]) == (actor, target)
    assert r["when"]["start"] == start
    assert attrs.items() <= r["attrs"].items()


def test_a_call_is_a_meeting_by_telephone(records):
    r = one(records("Le chancelier allemand s'est entretenu mardi par téléphone avec le président brésilien."),
            "meeting")
    assert {r["actor"], r["target"]} == {"DEU", "BRA"}
    assert r["attrs"]["format"] == "call" and r["when"]["start"] == "2024-03-12"


def test_agreements_are_signed_by_both_sides(records):
    r = one(records("Le Kenya et l'Éthiopie ont signé jeudi à Nairobi un mémorandum d'entente sur l'énergie."),
            "agreement")
    assert {r["actor"], r["target"]} == {"KEN", "ETH"}
    assert r["attrs"]["kind"] == "memorandum" and "energy" in r["topics"]
    assert r["when"]["start"] == "2024-03-14"


def test_invitation_with_its_purpose(records):
    r = one(records("Le président indonésien a invité son homologue égyptien à effectuer une visite d'État "
                    "en Indonésie."), "invitation")
    assert (r["actor"], r["target"]) == ("IDN", "EGY")
    assert r["attrs"]["for"] == "state_visit"


def test_diplomatic_relations_and_their_date(records):
    r = one(records("L'Arabie saoudite et la Chine ont établi des relations diplomatiques le 21 juillet 1990."),
            "relations")
    assert {r["actor"], r["target"]} == {"SAU", "CHN"}
    assert r["attrs"]["kind"] == "diplomatic" and r["when"]["start"] == "1990-07-21"


@pytest.mark.parametrize("text, actor, target", [
    ("Le Brésil a réaffirmé son soutien à la candidature de l'Inde à un siège permanent au Conseil de sécurité.",
     "BRA", "IND"),
    # "le premier ... au second": the two countries of the sentence before
    ("Le Ghana et le Togo sont voisins. Le premier a réaffirmé son soutien au second pour la présidence "
     "de la CEDEAO en 2025.", "GHA", "TGO"),
])
def test_support(records, text, actor, target):
    r = one(records(text), "support")
    assert (r["actor"], r["target"]) == (actor, target)
    assert r["attrs"]["mutual"] is False


@pytest.mark.parametrize("text, value, currency, qualifier, period", [
    ("Les échanges commerciaux entre le Maroc et l'Espagne ont atteint 22 milliards d'euros en 2023.",
     22e9, "EUR", "exact", "2023-01-01"),
    ("Le commerce bilatéral entre la Turquie et l'Irak a dépassé 3 milliards de dollars au premier trimestre 2023.",
     3e9, "USD", "more_than", "2023-01-01"),
])
def test_trade_figures(records, text, value, currency, qualifier, period):
    r = one(records(text), "trade")
    assert r["attrs"]["value"] == value and r["attrs"]["currency"] == currency
    assert r["attrs"]["qualifier"] == qualifier and r["when"]["start"] == period


def test_a_countrys_total_trade_is_not_bilateral(records):
    assert not [r for r in records("Les exportations totales de l'Allemagne ont atteint 1 600 milliards "
                                   "d'euros en 2023, selon Destatis.") if r["type"] == "trade"]


def test_nothing_from_a_text_without_bilateral_facts(records):
    assert records("Le match s'est terminé sur un score nul, sous une pluie battante, à Lyon.") == []


@pytest.mark.parametrize("text", [
    # sport: teams "meet", athletes are "received"
    "En demi-finale, l'équipe du Japon rencontrera l'équipe d'Australie samedi à Doha.",
    "Le champion olympique kényan a été reçu par le président tanzanien après le match.",
    # polls: a people "supports" someone
    "Selon un sondage publié lundi, 61 % des Italiens soutiennent le président ukrainien.",
    # a company's losses or a takeover are not trade between countries
    "Le constructeur allemand a annoncé le rachat de la firme espagnole pour 2 milliards d'euros.",
    # nor a company's turnover, a trade balance, or "Commerce" in a company's name
    "Le groupe japonais a vu son chiffre d'affaires en Chine reculer à 12 milliards de dollars.",
    "La balance commerciale du Vietnam avec la Chine affiche un déficit de 20 milliards de dollars.",
    "Le groupe américain Adobe va acheter la plateforme irlandaise Magento Commerce pour 1,68 milliard de dollars.",
    # a poll without the word "sondage"; "s'appuyer sur" is to rely on
    "D'après l'institut, 54 % des Canadiens soutiennent le Premier ministre britannique.",
    "En s'appuyant sur un rapport de l'ONU, le ministre français a critiqué la politique russe.",
    # "recevoir" and "rencontrer" with a thing for object
    "L'armée syrienne a reçu de la Russie des avions de combat en septembre.",
    "Les sous-marins allemands coulaient tous les navires qu'ils rencontraient au large de la Norvège.",
    # a trip denied
    "Le président brésilien ne se rendra pas en Argentine la semaine prochaine.",
    "Le Premier ministre indien ne comptait pas se rendre au Pakistan cette année.",
])
def test_words_of_diplomacy_outside_diplomacy(records, text):
    assert records(text) == []


def test_a_negotiating_team_is_not_a_sports_team(records):
    found = records("Les équipes de négociation du Vietnam et du Japon se sont rencontrées mardi à Tokyo.")
    assert {r["type"] for r in found} >= {"meeting"}


def test_a_person_of_unstated_country_is_no_side_of_a_pair_the_article_is_not_about(records):
    """In an article about France, a Tunisian named once does not make the French president's
    trip to Avignon a visit from Tunisia; in an article about two countries, the same person
    stands for the side the host is not."""
    local = ("Un camion a foncé sur la foule à Nice jeudi soir. Le conducteur, de nationalité tunisienne, "
             "a été abattu par la police de Nice. Le président François Hollande, en déplacement à Avignon, "
             "est rentré à Paris. Le Premier ministre a réuni une cellule de crise à Paris.")
    assert not [r for r in records(local) if r["type"] in ("visit", "meeting")]
    pair = ("Le Sénégal et la Côte d'Ivoire renforcent leur coopération. Macky Sall est arrivé lundi à Abidjan "
            "pour une visite de travail. Les présidents du Sénégal et de la Côte d'Ivoire ont parlé de sécurité.")
    r = one(records(pair), "visit")
    assert (r["actor"], r["target"]) == ("SEN", "CIV")


def test_a_meeting_received_on_a_day_the_parser_took_for_the_object(records):
    r = one(records("Le président américain a reçu lundi à la Maison Blanche son homologue indonésien."), "meeting")
    assert {r["actor"], r["target"]} == {"USA", "IDN"}


@pytest.mark.parametrize("text, member, org, change", [
    # a verb of leaving, the member its subject
    ("Le Niger a quitté la Cédéao le 28 janvier 2024, a annoncé la junte.", "NER", "IGO:ECOWAS", "severed"),
    # a noun of leaving, the member its complement before the organisation
    ("Les marchés ont réagi à la sortie de la Grèce de l'Union européenne.", "GRC", "IGO:EU", "severed"),
    # joining, with a date
    ("En 2016, l'Ouzbékistan a adhéré à l'Organisation de coopération de Shanghai.", "UZB", "IGO:SCO", None),
    # rejoining
    ("Le Maroc a réintégré l'Union africaine en janvier 2017.", "MAR", "IGO:AU", "restored"),
])
def test_joining_or_leaving_an_organisation(records, text, member, org, change):
    r = one(records(text), "relations")
    assert (r["actor"], r["target"]) == (member, org)
    assert r["attrs"]["kind"] == "other" and r["attrs"].get("change") == change


@pytest.mark.parametrize("text", [
    # a city in a complement is a place, not a member ("le statut de Rome")
    "Le retrait du statut de Rome et de la Cour pénale internationale inquiète les juristes.",
    # an organisation joining another is no tie between a country and an organisation
    "La Chine a salué l'adhésion de l'Union africaine au G20.",
])
def test_no_membership_without_a_member_country(records, text):
    assert [(r["actor"], r["target"]) for r in records(text) if r["type"] == "relations"
            and r["attrs"].get("kind") == "other"] == []


@pytest.mark.parametrize("text, actor, target", [
    # backing as the means of an act: the one who acts is supported
    ("L'armée irakienne a repris la ville grâce à l'appui de l'aviation américaine.", "USA", "IRQ"),
    # backing received
    ("Le gouvernement malien a reçu le soutien militaire de la Russie.", "RUS", "MLI"),
    # aid given, the receiving party named with "à", here under the figure
    ("L'Union européenne a promis une aide de 5 millions d'euros au Yémen.", "IGO:EU", "YEM"),
    ("Le Japon a accordé une aide d'urgence au Népal après le séisme.", "JPN", "NPL"),
])
def test_support_as_backing_and_aid(records, text, actor, target):
    r = one(records(text), "support")
    assert (r["actor"], r["target"]) == (actor, target)


@pytest.mark.parametrize("text, rtype", [
    # backing in a domestic election: no side of a pair
    ("En 2014, Duque est élu sénateur avec le soutien de l'ancien président colombien Álvaro Uribe.", "support"),
    # pleading for aid is no aid given
    ("Rome plaide pour une aide européenne à la Tunisie.", "support"),
    # backing received: no one was met
    ("Le gouvernement malien a reçu le soutien militaire de la Russie.", "meeting"),
])
def test_no_record_from_backing_words_alone(records, text, rtype):
    assert [r for r in records(text) if r["type"] == rtype] == []


@pytest.mark.parametrize("text, actor, target, rtype", [
    ("Le pape François s'est rendu mardi en Arménie pour une visite de trois jours.", "VAT", "ARM", "visit"),
    ("Le souverain pontife est arrivé dimanche à Tbilissi, en Géorgie.", "VAT", "GEO", "visit"),
])
def test_the_pope_stands_for_the_holy_see(records, text, actor, target, rtype):
    r = one(records(text), rtype)
    assert (r["actor"], r["target"]) == (actor, target)


def test_a_state_and_its_own_territory_are_one_side(records):
    found = records("Le ministre français des Outre-mer s'est rendu lundi en Guyane pour rencontrer les élus.")
    assert [(r["actor"], r["target"]) for r in found if {r["actor"], r["target"]} == {"FRA", "GUF"}] == []
