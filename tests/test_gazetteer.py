"""The actor gazetteer: country names, demonyms, cities, organisations and titles found in raw
French text with exact offsets, lookups by name, and the integrity of its tables."""
from __future__ import annotations

import importlib.util
import unicodedata
from collections import defaultdict
from pathlib import Path

import pycountry
import pytest

from dyad.lang import ROOT, read_tsv
from dyad.lang.text import fold as fold_text, lookup_key as name_key
from dyad.language.gazetteer import GazMatch, load_gazetteer

DATA = ROOT / "data"

# The 193 member states of the United Nations (ISO 3166-1 alpha-3), written out independently of the tables.
UN_MEMBERS = """AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA
BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD CRI CIV HRV CUB CYP CZE PRK DNK DJI DMA DOM ECU
EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN
IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL
MRT MUS MEX FSM MDA MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER
PHL POL PRT QAT KOR ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA
SDN SUR SWE CHE SYR TJK TZA THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR USA URY UZB VUT VEN VNM YEM ZMB
ZWE""".split()


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer("fr")


def hits(gaz, text: str, kind: str | None = None) -> list[tuple[str, str, str]]:
    return [(m.text, m.kind, m.value) for m in gaz.find(text) if kind is None or m.kind == kind]


def only(gaz, text: str) -> GazMatch:
    found = gaz.find(text)
    assert len(found) == 1, found
    return found[0]


# -- countries ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, name, iso3", [
    ("Il s'est rendu au Vietnam en 2023.", "Vietnam", "VNM"),
    ("Il s'est rendu au Viêt Nam en 2023.", "Viêt Nam", "VNM"),
    ("les relations avec le Viet Nam", "Viet Nam", "VNM"),
    ("LE VIETNAM ET SES VOISINS", "VIETNAM", "VNM"),
    ("la visite du Kazakhstan", "Kazakhstan", "KAZ"),
    ("les États-Unis", "États-Unis", "USA"),
    ("les Etats-Unis", "Etats-Unis", "USA"),
    ("les États-Unis d'Amérique", "États-Unis d'Amérique", "USA"),
    ("en Côte d'Ivoire", "Côte d'Ivoire", "CIV"),
    ("en Côte d’Ivoire", "Côte d’Ivoire", "CIV"),
    ("aux Émirats arabes unis", "Émirats arabes unis", "ARE"),
    ("aux Emirats arabes unis", "Emirats arabes unis", "ARE"),
    ("la RDC et ses voisins", "RDC", "COD"),
    ("la République démocratique du Congo", "République démocratique du Congo", "COD"),
    ("le Congo-Brazzaville", "Congo-Brazzaville", "COG"),
    ("le Congo", "Congo", "COG"),
    ("la Corée du Sud", "Corée du Sud", "KOR"),
    ("la Corée du Nord", "Corée du Nord", "PRK"),
    ("la RPDC", "RPDC", "PRK"),
    ("la République de Corée", "République de Corée", "KOR"),
    ("la Guinée-Bissau", "Guinée-Bissau", "GNB"),
    ("la Guinée équatoriale", "Guinée équatoriale", "GNQ"),
    ("la Guinée", "Guinée", "GIN"),
    ("la Papouasie-Nouvelle-Guinée", "Papouasie-Nouvelle-Guinée", "PNG"),
    ("le Soudan du Sud", "Soudan du Sud", "SSD"),
    ("le Soudan", "Soudan", "SDN"),
    ("l'Afrique du Sud", "Afrique du Sud", "ZAF"),
    ("le Royaume-Uni", "Royaume-Uni", "GBR"),
    ("la Grande-Bretagne", "Grande-Bretagne", "GBR"),
    ("la Russie", "Russie", "RUS"),
    ("la Fédération de Russie", "Fédération de Russie", "RUS"),
    ("le Kirghizistan", "Kirghizistan", "KGZ"),
    ("le Kirghizstan", "Kirghizstan", "KGZ"),
    ("la Biélorussie", "Biélorussie", "BLR"),
    ("le Bélarus", "Bélarus", "BLR"),
    ("la Birmanie", "Birmanie", "MMR"),
    ("le Myanmar", "Myanmar", "MMR"),
    ("la Türkiye", "Türkiye", "TUR"),
    ("la Turquie", "Turquie", "TUR"),
    ("les EAU", "EAU", "ARE"),
    ("la Tchéquie", "Tchéquie", "CZE"),
    ("la République tchèque", "République tchèque", "CZE"),
    ("l'Eswatini", "Eswatini", "SWZ"),
    ("le Swaziland", "Swaziland", "SWZ"),
    ("le Cap-Vert", "Cap-Vert", "CPV"),
    ("le Cabo Verde", "Cabo Verde", "CPV"),
    ("la Macédoine du Nord", "Macédoine du Nord", "MKD"),
    ("la Palestine", "Palestine", "PSE"),
    ("le Kosovo", "Kosovo", "XKX"),
    ("la Géorgie", "Géorgie", "GEO"),
    ("la Jordanie", "Jordanie", "JOR"),
    ("l'Inde", "Inde", "IND"),
    ("l'Iran", "Iran", "IRN"),
    ("l'Irak", "Irak", "IRQ"),
    ("à Oman", "Oman", "OMN"),
    ("le Tchad", "Tchad", "TCD"),
    ("le Niger", "Niger", "NER"),
    ("le Nigeria", "Nigeria", "NGA"),
    ("le Nigéria", "Nigéria", "NGA"),
    ("le Togo", "Togo", "TGO"),
    ("le Liban", "Liban", "LBN"),
    ("Maurice", "Maurice", "MUS"),
    ("le Timor oriental", "Timor oriental", "TLS"),
    ("la Nouvelle-Zélande", "Nouvelle-Zélande", "NZL"),
    ("les Pays-Bas", "Pays-Bas", "NLD"),
    ("Taïwan", "Taïwan", "TWN"),
    ("Hong Kong", "Hong Kong", "HKG"),
    ("le Saint-Siège", "Saint-Siège", "VAT"),
    ("la Dominique", "la Dominique", "DMA"),
    ("la République dominicaine", "République dominicaine", "DOM"),
    ("l'Arabie saoudite", "Arabie saoudite", "SAU"),
    ("Sao Tomé-et-Principe", "Sao Tomé-et-Principe", "STP"),
    ("Saint-Vincent-et-les-Grenadines", "Saint-Vincent-et-les-Grenadines", "VCT"),
    ("Trinité-et-Tobago", "Trinité-et-Tobago", "TTO"),
    ("la Bosnie-Herzégovine", "Bosnie-Herzégovine", "BIH"),
    ("l'Ouzbékistan", "Ouzbékistan", "UZB"),
    ("le Turkménistan", "Turkménistan", "TKM"),
    ("le Tadjikistan", "Tadjikistan", "TJK"),
    ("l'Azerbaïdjan", "Azerbaïdjan", "AZE"),
])
def test_country_names_are_found(gaz, text, name, iso3):
    m = only(gaz, text)
    assert (m.text, m.kind, m.value) == (name, "country", iso3)
    assert text[m.start:m.end] == name


@pytest.mark.parametrize("text", [
    "Le sommet de l'État hôte",            # État alone is no country
    "la réunion a eu lieu hier",           # la Réunion (the island) needs its capital
    "un vin du chili",                     # Chili needs its capital
    "une grenade lacrymogène",
    "dans le golfe de Guinée",             # a sea
    "en Amérique latine",                  # a continent, not the United States
    "la mer de Chine méridionale",
    "l'Indo-Pacifique",
    "Dominique de Villepin",               # a first name, not the island state
    "le jardin est à l'est",
    "de l'eau potable",                    # EAU needs capitals
    "une rdc",                             # RDC needs capitals
])
def test_words_that_only_look_like_countries_are_not_matched(gaz, text):
    assert [m for m in gaz.find(text) if m.kind in ("country", "city")] == []


@pytest.mark.parametrize("text, expected", [
    ("le chef d'État du Kazakhstan", [("chef d'État", "title", "head_of_state"), ("Kazakhstan", "country", "KAZ")]),
    ("chef d’Etat", [("chef d’Etat", "title", "head_of_state")]),
    ("le Niger et le Nigeria", [("Niger", "country", "NER"), ("Nigeria", "country", "NGA")]),
    ("le Mali et un soldat malien", [("Mali", "country", "MLI"), ("malien", "demonym", "MLI")]),
    ("la Chine et une entreprise chinoise", [("Chine", "country", "CHN"), ("chinoise", "demonym", "CHN")]),
    ("l'Inde et les Indes", [("Inde", "country", "IND")]),
    ("Vietnam-Kazakhstan", [("Vietnam", "country", "VNM"), ("Kazakhstan", "country", "KAZ")]),
    ("la Suisse et une banque suisse", [("Suisse", "country", "CHE"), ("suisse", "demonym", "CHE")]),
    ("l'Argentine et une joueuse argentine", [("Argentine", "country", "ARG"), ("argentine", "demonym", "ARG")]),
    ("Guinée, Guinée-Bissau, Guinée Bissau", [("Guinée", "country", "GIN"), ("Guinée-Bissau", "country", "GNB"),
                                             ("Guinée Bissau", "country", "GNB")]),
    ("au Congo. Brazzaville", [("Congo", "country", "COG"), ("Brazzaville", "city", "Brazzaville")]),
    ("l'Irlande du Nord", [("Irlande du Nord", "country", "GBR")]),
    ("la Nouvelle-Guinée", []),
    ("l'Amérique", [("Amérique", "country", "USA")]),
])
def test_neighbouring_names_and_longest_match(gaz, text, expected):
    assert hits(gaz, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("France Gall a chanté", []),
    ("la compagnie Vietnam Airlines", []),
    ("selon l'Agence France-Presse et Air France", []),
    ("le Washington Post", []),
    ("Maurice Lévy, ex-PDG", []),
    ("face à Kofi Kingston et Denzel Washington", []),
    ("le président du Vietnam Truong Tan Sang", [("Vietnam", "VNM")]),
    ("le président de la France Emmanuel Macron", [("France", "FRA")]),
    ("à Paris Emmanuel Macron a reçu", [("Paris", "Paris")]),
    ("Visite. La France a signé", [("France", "FRA")]),
    ("le sommet Chine-Asie centrale", [("Chine", "CHN")]),
    ("Kingston accueille le sommet", [("Kingston", "Kingston")]),
    ("LA FRANCE ET L'ALLEMAGNE", [("FRANCE", "FRA"), ("ALLEMAGNE", "DEU")]),
])
def test_place_names_inside_names_of_people_and_companies(gaz, text, expected):
    assert [(m.text, m.value) for m in gaz.find(text) if m.kind in ("country", "city")] == expected


# -- demonyms -------------------------------------------------------------------------------

@pytest.mark.parametrize("iso3, forms", [
    ("KAZ", ["kazakhstanais", "kazakhstanaise", "kazakhstanaises", "kazakh", "kazakhe", "kazakhs", "kazakhes"]),
    ("VNM", ["vietnamien", "vietnamienne", "vietnamiens", "vietnamiennes"]),
    ("USA", ["américain", "américaine", "américains", "américaines"]),
    ("ZAF", ["sud-africain", "sud-africaine", "sud-africains", "sud-africaines"]),
    ("KOR", ["sud-coréen", "sud-coréenne", "sud-coréens", "sud-coréennes"]),
    ("PRK", ["nord-coréen", "nord-coréenne", "nord-coréens", "nord-coréennes"]),
    ("CIV", ["ivoirien", "ivoirienne", "ivoiriens", "ivoiriennes"]),
    ("CHN", ["chinois", "chinoise", "chinoises"]),
    ("RUS", ["russe", "russes"]),
    ("FRA", ["français", "française", "françaises"]),
    ("TUR", ["turc", "turque", "turcs", "turques"]),
    ("GRC", ["grec", "grecque", "grecs", "grecques"]),
    ("DEU", ["allemand", "allemande", "allemands", "allemandes"]),
    ("GBR", ["britannique", "britanniques"]),
    ("ARE", ["émirien", "émirati", "émiraties"]),
    ("SAU", ["saoudien", "saoudienne", "saoudiens"]),
    ("NER", ["nigérien", "nigérienne"]),
    ("NGA", ["nigérian", "nigériane", "nigérians"]),
    ("MLI", ["malien", "malienne", "maliens", "maliennes"]),
    ("UZB", ["ouzbek", "ouzbèke", "ouzbeks", "ouzbèkes"]),
    ("KGZ", ["kirghiz", "kirghize", "kirghizes"]),
    ("TJK", ["tadjik", "tadjike", "tadjiks"]),
    ("TKM", ["turkmène", "turkmènes"]),
    ("BFA", ["burkinabè", "burkinabé"]),
    ("GNB", ["bissau-guinéen", "bissau-guinéenne"]),
    ("GNQ", ["équato-guinéen"]),
    ("GIN", ["guinéen", "guinéennes"]),
    ("COD", ["rd-congolais", "rd-congolaise"]),
    ("COG", ["congolais", "congolaise"]),
    ("LAO", ["laotien", "laotienne", "lao"]),
    ("KHM", ["cambodgien", "khmer"]),
    ("THA", ["thaïlandais", "thaïe"]),
    ("NZL", ["néo-zélandais", "néo-zélandaise"]),
    ("PSE", ["palestinien", "palestiniennes"]),
    ("ISR", ["israélien", "israéliennes"]),
    ("BLR", ["biélorusse", "bélarusse"]),
    ("MMR", ["birman", "birmane"]),
    ("SSD", ["sud-soudanais"]),
    ("SDN", ["soudanais"]),
])
def test_demonyms_in_every_gender_and_number(gaz, iso3, forms):
    for form in forms:
        for text in (f"le ministre {form} a dit", f"Les {form.capitalize()} ont voté", form.upper()):
            m = [m for m in gaz.find(text) if m.kind == "demonym"]
            assert [(x.value, x.text.lower()) for x in m] == [(iso3, form.lower())], (text, m)


@pytest.mark.parametrize("text, expected", [
    ("le sommet sino-américain", [("sino", "CHN"), ("américain", "USA")]),
    ("le couple franco-allemand", [("franco", "FRA"), ("allemand", "DEU")]),
    ("le conflit israélo-palestinien", [("israélo", "ISR"), ("palestinien", "PSE")]),
    ("la frontière indo-pakistanaise", [("indo", "IND"), ("pakistanaise", "PAK")]),
    ("l'art gréco-romain", []),                    # a combining form only before a demonym
    ("le régime de Franco", []),
    ("la musique latino-américaine", []),
    ("la péninsule coréenne", []),
    ("le dialogue inter-coréen", []),
])
def test_combining_forms_and_compound_adjectives(gaz, text, expected):
    assert [(m.text, m.value) for m in gaz.find(text) if m.kind == "demonym"] == expected


# -- cities -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, name_en, iso3, capital", [
    ("à Hanoï", "Hanoi", "VNM", True),
    ("à Hanoi", "Hanoi", "VNM", True),
    ("à HANOÏ", "Hanoi", "VNM", True),
    ("à Nur-Sultan", "Astana", "KAZ", True),
    ("à Nour-Soultan", "Astana", "KAZ", True),
    ("à Astana", "Astana", "KAZ", True),
    ("à Pékin", "Beijing", "CHN", True),
    ("à Alger", "Algiers", "DZA", True),
    ("au Caire", "Cairo", "EGY", True),
    ("à Varsovie", "Warsaw", "POL", True),
    ("à New Delhi", "New Delhi", "IND", True),
    ("à Djakarta", "Jakarta", "IDN", True),
    ("à Tachkent", "Tashkent", "UZB", True),
    ("à Riyad", "Riyadh", "SAU", True),
    ("à Abou Dhabi", "Abu Dhabi", "ARE", True),
    ("à Washington", "Washington", "USA", True),
    ("à Moscou", "Moscow", "RUS", True),
    ("à La Haye", "The Hague", "NLD", False),
    ("à Ho Chi Minh-Ville", "Ho Chi Minh City", "VNM", False),
    ("à Almaty", "Almaty", "KAZ", False),
    ("à Shanghai", "Shanghai", "CHN", False),
    ("à Saint-Pétersbourg", "Saint Petersburg", "RUS", False),
    ("à Genève", "Geneva", "CHE", False),
    ("à New York", "New York", "USA", False),
    ("à Davos", "Davos", "CHE", False),
    ("à Sotchi", "Sochi", "RUS", False),
    ("à Charm el-Cheikh", "Sharm El Sheikh", "EGY", False),
    ("à Bali", "Bali", "IDN", False),
    ("à Samarcande", "Samarkand", "UZB", False),
    ("à Burabay", "Burabay", "KAZ", False),
    ("à Casablanca", "Casablanca", "MAR", False),
    ("à Marrakech", "Marrakesh", "MAR", False),
    ("à Dakar", "Dakar", "SEN", True),
    ("à Abidjan", "Abidjan", "CIV", False),
    ("à Lagos", "Lagos", "NGA", False),
    ("à Dubaï", "Dubai", "ARE", False),
    ("à Istanbul", "Istanbul", "TUR", False),
    ("à Osaka", "Osaka", "JPN", False),
    ("à N’Djamena", "N'Djamena", "TCD", True),
    ("à Addis-Abeba", "Addis Ababa", "ETH", True),
])
def test_cities_and_capitals(gaz, text, name_en, iso3, capital):
    m = only(gaz, text)
    assert (m.kind, m.value, m.country, m.capital) == ("city", name_en, iso3, capital)
    assert text.endswith(m.text)


def test_noursoultan_alone_is_a_first_name_not_the_city(gaz):
    assert hits(gaz, "le président Noursoultan Nazarbaïev", "city") == []


# -- organisations ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, name, code", [
    ("au sein de l'ONU", "ONU", "IGO:UN"),
    ("l'Organisation des Nations unies", "Organisation des Nations unies", "IGO:UN"),
    ("les Nations unies", "Nations unies", "IGO:UN"),
    ("l'Union européenne", "Union européenne", "IGO:EU"),
    ("l'UE", "UE", "IGO:EU"),
    ("l'Union africaine", "Union africaine", "IGO:AU"),
    ("l'UNION AFRICAINE", "UNION AFRICAINE", "IGO:AU"),
    ("l'UA", "UA", "IGO:AU"),
    ("l'ASEAN", "ASEAN", "IGO:ASEAN"),
    ("l'ANASE", "ANASE", "IGO:ASEAN"),
    ("l'Union économique eurasiatique", "Union économique eurasiatique", "IGO:EAEU"),
    ("l'UEEA", "UEEA", "IGO:EAEU"),
    ("l'OCS", "OCS", "IGO:SCO"),
    ("la CICA", "CICA", "IGO:CICA"),
    ("la Conférence pour l'interaction et les mesures de confiance en Asie",
     "Conférence pour l'interaction et les mesures de confiance en Asie", "IGO:CICA"),
    ("la Conférence sur la coordination des actions et mesures de renforcement de la confiance en Asie",
     "Conférence sur la coordination des actions et mesures de renforcement de la confiance en Asie", "IGO:CICA"),
    ("le Conseil des droits de l'homme", "Conseil des droits de l'homme", "IGO:UNHRC"),
    ("le Conseil des droits de l’homme de l’ONU", "Conseil des droits de l’homme de l’ONU", "IGO:UNHRC"),
    ("l'OTAN", "OTAN", "IGO:NATO"),
    ("l'Otan", "Otan", "IGO:NATO"),
    ("l'OMC", "OMC", "IGO:WTO"),
    ("les BRICS", "BRICS", "IGO:BRICS"),
    ("l'OCI", "OCI", "IGO:OIC"),
    ("la CEI", "CEI", "IGO:CIS"),
    ("l'OTSC", "OTSC", "IGO:CSTO"),
    ("la CEDEAO", "CEDEAO", "IGO:ECOWAS"),
    ("l'OPEP", "OPEP", "IGO:OPEC"),
    ("l'OSCE", "OSCE", "IGO:OSCE"),
    ("le FMI", "FMI", "IGO:IMF"),
    ("la Banque mondiale", "Banque mondiale", "IGO:WB"),
    ("l'OMS", "OMS", "IGO:WHO"),
    ("l'Unesco", "Unesco", "IGO:UNESCO"),
    ("la Ligue arabe", "Ligue arabe", "IGO:LAS"),
    ("le G20", "G20", "IGO:G20"),
    ("l'Organisation des États turciques", "Organisation des États turciques", "IGO:OTS"),
])
def test_organisations_by_name_and_acronym(gaz, text, name, code):
    m = only(gaz, text)
    assert (m.text, m.kind, m.value) == (name, "igo", code)


@pytest.mark.parametrize("text", ["une ue", "l'ua", "onu", "otan", "UN ACCORD", "AU TOTAL", "le Conseil de sécurité nationale"])
def test_acronyms_need_capitals_and_french_words_are_not_acronyms(gaz, text):
    assert hits(gaz, text, "igo") == []


# -- titles -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, form, role, rank", [
    ("le président Tokaïev", "président", "president", "head_of_state"),
    ("la présidente", "présidente", "president", "head_of_state"),
    ("le Président", "Président", "president", "head_of_state"),
    ("le chef de l'État", "chef de l'État", "head_of_state", "head_of_state"),
    ("le chef de l’Etat", "chef de l’Etat", "head_of_state", "head_of_state"),
    ("le Premier ministre", "Premier ministre", "prime_minister", "head_of_government"),
    ("la Première ministre", "Première ministre", "prime_minister", "head_of_government"),
    ("le premier ministre", "premier ministre", "prime_minister", "head_of_government"),
    ("le vice-Premier ministre", "vice-Premier ministre", "deputy_prime_minister", "minister"),
    ("le vice-président", "vice-président", "vice_president", "official"),
    ("le ministre des Affaires étrangères", "ministre des Affaires étrangères", "foreign_minister", "minister"),
    ("le chef de la diplomatie", "chef de la diplomatie", "foreign_minister", "minister"),
    ("le ministre du Commerce", "ministre du Commerce", "trade_minister", "minister"),
    ("le ministre de l'Économie", "ministre de l'Économie", "economy_minister", "minister"),
    ("la ministre de la Défense", "ministre de la Défense", "defence_minister", "minister"),
    ("le ministre", "ministre", "minister", "minister"),
    ("le secrétaire général du Parti", "secrétaire général du Parti", "party_secretary", "official"),
    ("le secrétaire général", "secrétaire général", "secretary_general", "official"),
    ("le président de l'Assemblée nationale", "président de l'Assemblée nationale", "speaker", "official"),
    ("le président du Sénat", "président du Sénat", "speaker", "official"),
    ("l'ambassadeur", "ambassadeur", "ambassador", "diplomat"),
    ("l'ambassadrice", "ambassadrice", "ambassador", "diplomat"),
    ("le roi", "roi", "king", "head_of_state"),
    ("la reine", "reine", "queen", "head_of_state"),
    ("l'émir", "émir", "emir", "head_of_state"),
    ("le prince héritier", "prince héritier", "crown_prince", "official"),
    ("le sultan", "sultan", "sultan", "head_of_state"),
    ("le chancelier", "chancelier", "chancellor", "head_of_government"),
    ("la chancelière", "chancelière", "chancellor", "head_of_government"),
    ("les dirigeants", "dirigeants", "leader", "generic"),
    ("son homologue", "homologue", "counterpart", "generic"),
    ("le haut représentant", "haut représentant", "high_representative", "official"),
    ("le commissaire européen", "commissaire européen", "commissioner", "official"),
    ("la présidente de la Commission européenne", "présidente de la Commission européenne",
     "commission_president", "official"),
    ("le secrétaire d'État", "secrétaire d'État", "secretary_of_state", "minister"),
    ("le vice-ministre", "vice-ministre", "deputy_minister", "minister"),
])
def test_titles_longest_form_wins(gaz, text, form, role, rank):
    m = only(gaz, text)
    assert (m.text, m.kind, m.value, m.rank, m.country) == (form, "title", role, rank, None)


def test_title_then_demonym_then_name(gaz):
    assert hits(gaz, "le ministre kazakh des Affaires étrangères") == [
        ("ministre", "title", "minister"), ("kazakh", "demonym", "KAZ")]


# -- offsets ----------------------------------------------------------------------------------

def test_offsets_are_exact_in_text_with_accents_and_typographic_apostrophes(gaz):
    text = ("Le 21 août 2023, Hanoï a été le théâtre d’une visite officielle du Président Tokaïev, "
            "chef d’Etat du Kazakhstan, à l’invitation de l’Organisation des Nations unies et de la Côte d’Ivoire.")
    found = gaz.find(text)
    assert [(m.kind, m.value) for m in found] == [
        ("city", "Hanoi"), ("title", "president"), ("title", "head_of_state"), ("country", "KAZ"),
        ("igo", "IGO:UN"), ("country", "CIV")]
    for m in found:
        assert text[m.start:m.end] == m.text
    assert [m.text for m in found] == ["Hanoï", "Président", "chef d’Etat", "Kazakhstan",
                                       "Organisation des Nations unies", "Côte d’Ivoire"]


def test_offsets_hold_on_decomposed_accents(gaz):
    text = unicodedata.normalize("NFD", "Visite à Hanoï du président kazakhstanais, au Viêt Nam.")
    found = gaz.find(text)
    assert [(m.text, m.value) for m in found] == [
        (unicodedata.normalize("NFD", "Hanoï"), "Hanoi"), ("pr\u00e9sident".replace("é", "e\u0301"), "president"),
        ("kazakhstanais", "KAZ"), (unicodedata.normalize("NFD", "Viêt Nam"), "VNM")]
    assert all(text[m.start:m.end] == m.text for m in found)


def test_matches_are_sorted_and_do_not_overlap(gaz):
    text = ("Le président vietnamien Vo Van Thuong a reçu à Hanoï son homologue kazakhstanais, "
            "en présence du ministre des Affaires étrangères de la Corée du Sud et de l'UE.") * 3
    found = gaz.find(text)
    assert found == sorted(found, key=lambda m: m.start)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


def test_fold_keeps_length():
    text = "Hanoï, Đà Nẵng, Viêt Nam, Türkiye, Łódź, chef d’État, İstanbul, Œuvre, ﬁn"
    assert len(fold_text(text)) == len(text)
    assert fold_text("Đà Nẵng") == "da nang"


# -- lookups ----------------------------------------------------------------------------------

@pytest.mark.parametrize("name, iso3", [
    ("Kazakhstan", "KAZ"), ("viêt nam", "VNM"), ("KAZ", "KAZ"), ("Vietnam", "VNM"), ("kazakhstan", "KAZ"),
    ("VNM", "VNM"), ("KZ", "KAZ"), ("Russia", "RUS"), ("Russie", "RUS"), ("South Korea", "KOR"),
    ("Corée du Sud", "KOR"), ("Ivory Coast", "CIV"), ("côte d'ivoire", "CIV"), ("ÉTATS-UNIS", "USA"),
    ("United States of America", "USA"), ("Türkiye", "TUR"), ("Turkey", "TUR"), ("Czech Republic", "CZE"),
    ("Burma", "MMR"), ("DRC", "COD"), ("Republic of the Congo", "COG"), ("Kosovo", "XKX"), ("XKX", "XKX"),
    ("vietnamien", "VNM"), ("Kazakh", "KAZ"),
])
def test_country_code(gaz, name, iso3):
    assert gaz.country_code(name) == iso3


@pytest.mark.parametrize("name", ["", "Atlantide", "kaz", "l'Europe", "Paris"])
def test_country_code_unknown(gaz, name):
    assert gaz.country_code(name) is None


@pytest.mark.parametrize("iso3, lang, name", [
    ("KAZ", "fr", "Kazakhstan"), ("VNM", "fr", "Vietnam"), ("VNM", "en", "Vietnam"), ("DEU", "fr", "Allemagne"),
    ("DEU", "en", "Germany"), ("COD", "fr", "République démocratique du Congo"), ("MMR", "en", "Myanmar"),
    ("XKX", "fr", "Kosovo"), ("CIV", "fr", "Côte d’Ivoire"),
])
def test_country_name(gaz, iso3, lang, name):
    assert gaz.country_name(iso3, lang) == name


def test_country_name_unknown(gaz):
    assert gaz.country_name("XYZ") is None


@pytest.mark.parametrize("name, name_en, iso3, capital", [
    ("Hanoï", "Hanoi", "VNM", True), ("HANOI", "Hanoi", "VNM", True), ("Nur-Sultan", "Astana", "KAZ", True),
    ("Koweït", "Kuwait City", "KWT", True), ("Singapour", "Singapore", "SGP", True),
    ("Ho Chi Minh-Ville", "Ho Chi Minh City", "VNM", False), ("Saïgon", "Ho Chi Minh City", "VNM", False),
])
def test_city_lookup(gaz, name, name_en, iso3, capital):
    m = gaz.city(name)
    assert m is not None and (m.value, m.country, m.capital, m.text) == (name_en, iso3, capital, name)


def test_city_lookup_unknown(gaz):
    assert gaz.city("Atlantis") is None


@pytest.mark.parametrize("name, code", [
    ("ONU", "IGO:UN"), ("UN", "IGO:UN"), ("IGO:UN", "IGO:UN"), ("Nations unies", "IGO:UN"),
    ("United Nations", "IGO:UN"), ("ASEAN", "IGO:ASEAN"), ("UEEA", "IGO:EAEU"), ("EAEU", "IGO:EAEU"),
    ("Eurasian Economic Union", "IGO:EAEU"), ("CICA", "IGO:CICA"), ("OTAN", "IGO:NATO"), ("NATO", "IGO:NATO"),
    ("Union africaine", "IGO:AU"), ("Organisation des Etats turciques", "IGO:OTS"),
])
def test_igo_lookup(gaz, name, code):
    assert gaz.igo(name) == code


def test_igo_lookup_unknown(gaz):
    assert gaz.igo("Ligue des gentlemen") is None


# -- the tables -------------------------------------------------------------------------------

def _generator():
    path = DATA / "tools" / "gen_countries.py"
    spec = importlib.util.spec_from_file_location("gen_countries", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_countries_table_is_what_the_generator_writes(tmp_path: Path):
    out = tmp_path / "countries.tsv"
    _generator().main(["--out", str(out)])
    assert out.read_text(encoding="utf-8") == (DATA / "countries.tsv").read_text(encoding="utf-8")


def test_countries_table_covers_iso_3166():
    rows = read_tsv(DATA / "countries.tsv")
    assert {r["iso3"] for r in rows} == {c.alpha_3 for c in pycountry.countries}
    assert all(r["name_en"] and r["name_fr"] for r in rows)


def test_un_member_list_is_iso():
    assert len(set(UN_MEMBERS)) == 193
    assert all(pycountry.countries.get(alpha_3=c) for c in UN_MEMBERS)


def test_every_un_member_has_a_demonym_and_a_capital():
    demonyms = {r["iso3"]: r for r in read_tsv(ROOT / "fr" / "demonyms.tsv")}
    capitals = {r["iso3"] for r in read_tsv(DATA / "cities.tsv") if r["is_capital"] == "1"}
    assert [c for c in UN_MEMBERS if c not in demonyms] == []
    assert [c for c in UN_MEMBERS if c not in capitals] == []
    for c in UN_MEMBERS:
        assert all(demonyms[c][col] for col in ("masc_sg", "fem_sg", "masc_pl", "fem_pl")), c


def _known_codes() -> set[str]:
    return ({r["iso3"] for r in read_tsv(DATA / "countries.tsv")}
            | {r["iso3"] for r in read_tsv(DATA / "countries_extra.tsv")})


@pytest.mark.parametrize("table", ["data/countries_extra.tsv", "fr/demonyms.tsv", "data/cities.tsv"])
def test_tables_use_known_country_codes(table):
    known = _known_codes()
    assert [r["iso3"] for r in read_tsv(ROOT / table) if r["iso3"] not in known] == []


def _shared(pairs) -> dict[str, set[str]]:
    owners: dict[str, set[str]] = defaultdict(set)
    for key, value in pairs:
        owners[key].add(value)
    return {k: v for k, v in owners.items() if len(v) > 1}


def _cells(row: dict[str, str], *columns: str) -> list[str]:
    return [p.strip() for c in columns for p in row.get(c, "").split(";") if p.strip()]


def test_no_name_names_two_things_of_one_kind():
    extra = read_tsv(DATA / "countries_extra.tsv")
    generated = read_tsv(DATA / "countries.tsv")
    for lang in ("fr", "en"):
        pairs = [(name_key(n), r["iso3"]) for r in extra for n in _cells(r, lang, f"display_{lang}")]
        pairs += [(name_key(n), r["iso3"]) for r in generated for n in _cells(r, f"name_{lang}", f"variants_{lang}")]
        assert _shared(pairs) == {}, lang
    demonyms = read_tsv(ROOT / "fr" / "demonyms.tsv")
    cols = ("masc_sg", "fem_sg", "masc_pl", "fem_pl", "alt", "prefix")
    assert _shared((name_key(f), r["iso3"]) for r in demonyms for f in _cells(r, *cols)) == {}
    cities = read_tsv(DATA / "cities.tsv")
    assert _shared((name_key(f), r["name_en"]) for r in cities for f in _cells(r, "name_en", "variants")) == {}
    igos = read_tsv(DATA / "igos.tsv")
    cols = ("acronyms_fr", "acronyms_en", "names_fr", "names_en")
    assert _shared((name_key(f), r["code"]) for r in igos for f in _cells(r, *cols)) == {}
    titles = read_tsv(ROOT / "fr" / "titles.tsv")
    assert _shared((name_key(r["form"]), (r["role"], r["rank"])) for r in titles) == {}


def test_table_sizes():
    assert len(read_tsv(DATA / "cities.tsv")) >= 450
    assert len(read_tsv(DATA / "igos.tsv")) >= 60
    assert len(read_tsv(ROOT / "fr" / "demonyms.tsv")) >= 195
    ranks = {"head_of_state", "head_of_government", "minister", "diplomat", "official", "generic"}
    assert {r["rank"] for r in read_tsv(ROOT / "fr" / "titles.tsv")} <= ranks
    assert all(r["code"].startswith("IGO:") for r in read_tsv(DATA / "igos.tsv"))


# -- scale ------------------------------------------------------------------------------------

def test_two_hundred_thousand_words_in_one_call(gaz):
    """Every repetition of a paragraph gets the names the paragraph alone gets, at the right
    offsets (the speed of the scan is measured in bench/, not here)."""
    paragraph = ("Le président kazakhstanais Kassym-Jomart Tokaïev a effectué une visite d’État à Hanoï, où il a "
                 "rencontré son homologue vietnamien ; les deux pays, membres de l'ONU et de la CICA, ont signé "
                 "un plan d'action avec la Russie, la Chine et l’Union économique eurasiatique. ")
    copies = 200_000 // len(paragraph.split()) + 1
    text = paragraph * copies
    one = [(m.start, m.value) for m in gaz.find(paragraph)]
    found = [(m.start, m.value) for m in gaz.find(text)]
    assert len(one) >= 8
    assert found == [(s + k * len(paragraph), v) for k in range(copies) for s, v in one]


# -- English ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("The Polish minister met Kazakh officials in Hanoi",
     [("Polish", "demonym", "POL"), ("Kazakh", "demonym", "KAZ"), ("Hanoi", "city", "Hanoi")]),
    ("polish the shoes", []),
    ("Sino-American talks", [("Sino", "demonym", "CHN"), ("American", "demonym", "USA")]),
    ("the United States and the DRC", [("United States", "country", "USA"), ("DRC", "country", "COD")]),
    ("South Korea and North Korea", [("South Korea", "country", "KOR"), ("North Korea", "country", "PRK")]),
])
def test_english_gazetteer(text, expected):
    assert hits(load_gazetteer("en"), text) == expected


def test_english_demonyms_cover_un_members_but_dominica():
    rows = {r["iso3"] for r in read_tsv(ROOT / "en" / "demonyms.tsv")}
    assert [c for c in UN_MEMBERS if c not in rows] == ["DMA"]
