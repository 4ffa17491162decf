"""Honest wordings of the third precision part of the claim corpus that the rules mistook, each with a failing twin."""

from __future__ import annotations

import pytest

from tests.rules_support import check_fragment, pointers
from tests.test_rules_precision import SMALL_SOURCE, TEXTILE, UNNUMBERED, sampled, share_claim

# -- IC128: a percentage the counts in its sentence contradict -----------------------------------


@pytest.mark.parametrize(("text", "flagged"), [
    # a total and its count apart, with another count of other things between them
    ("Of the 102 people in the three cohorts that started and ended in 2025, 26 (25%) left the course early; "
     "4 of the 30 starters of the September cohort have left so far.", False),
    ("Of the 102 people in the three cohorts that started and ended in 2025, 26 (45%) left the course early; "
     "4 of the 30 starters of the September cohort have left so far.", True),
    ("Van de 1.840 ton materiaal die we in 2025 uit 23 gebouwen oogstten, ging 61% (1.120 ton) opnieuw de bouw in.",
     False),
    ("Van de 1.840 ton materiaal die we in 2025 uit 23 gebouwen oogstten, ging 81% (1.120 ton) opnieuw de bouw in.",
     True),
    # a count of schools beside a share of pupils
    ("In een pilot op 6 van onze 47 scholen kon 91% van de ondervraagde leerlingen thuis huiswerk maken.", False),
    ("In een pilot op 6 van onze 47 scholen werkte 91% van de scholen met onze laptops.", True),
    ("In een pilot kon 91% van de leerlingen thuis huiswerk maken: 30 van de 47 leerlingen.", True),
    # people go by many names: "jongeren" beside "deelnemers" are the same people
    ("85% van de deelnemers vond werk (17 van de 40 jongeren).", True),
    # the count beside the percentage decides, not any count of the sentence
    ("Of the 40 trainees in 2025, 24 (80%) found a job and 32 completed the course; 2 of the 8 who left early "
     "also found work.", True),
])
def test_counts_of_other_things_in_a_sentence_are_no_share_of_its_percentage(text: str, flagged: bool) -> None:
    assert pointers(share_claim(text), "IC128") == (["/claims/0/text"] if flagged else [])


# -- IC114 and IC119: a percentage the basis contradicts, a whole claim on a part ------------------

YARN = """
metrics:
  - id: yarn-sold
    name: Yarn sold
    unit: t
    value: 412
  - id: line
    name: NAME
    unit: t
    value: 46
    part_of: yarn-sold
claims:
  - id: c
    text: "TEXT"
    domain: environmental
    scope: SCOPE
    basis:
      metrics: [line]
"""


def yarn(text: str, *, name: str = "ReSpun 100 yarn sold", scope: str = "product") -> str:
    return YARN.replace("TEXT", text).replace("NAME", name).replace("SCOPE", scope)


@pytest.mark.parametrize(("fragment", "flagged"), [
    # a claim about one product line by its name is about that line, not its share of all that is sold
    (yarn("ReSpun 100 yarn is made of 100% recycled fibres; we sold 46 tonnes of it."), False),
    (yarn("De stof van onze lijn Spandoek is voor 100% gerecycled.", name="Stof van de lijn Spandoek"), False),
    # ... but not when the claim speaks of the whole, names no line, or is said of the organisation
    (yarn("All our yarn is made of 100% recycled fibres; we sold 46 tonnes of ReSpun 100."), True),
    (yarn("Our yarn is made of 100% recycled fibres."), True),
    (yarn("Recycled fibres make up 100% of it.", name="Recycled yarn sold"), True),
    (yarn("ReSpun 100 yarn is made of 100% recycled fibres.", scope="organisation"), True),
])
def test_a_product_line_named_by_its_name_is_what_the_claim_is_about(fragment: str, flagged: bool) -> None:
    assert pointers(fragment, "IC114") == (["/claims/0/text"] if flagged else [])
    assert pointers(fragment, "IC119") == (["/claims/0/text"] if flagged else [])


@pytest.mark.parametrize(("text", "flagged"), [
    # a dated outside figure in its own clause, though the sentence goes on about the enterprise
    ("84% haalde diploma A. In heel Escamp had 9% van de kinderen een diploma (Jeugdmonitor Den Haag 2024); "
     "omdat onze lessen onder schooltijd vallen, is dat niet zonder meer vergelijkbaar.", False),
    ("84% haalde diploma A. In heel Escamp had 9% van onze kinderen een diploma (Jeugdmonitor Den Haag 2024).",
     True),
    # a monitor of the year a calendar-year period starts in may be of the period itself
    ("84% haalde diploma A. In heel Escamp had 9% van de kinderen een diploma (Jeugdmonitor Den Haag 2025).",
     True),
    # the enterprise's own children, whatever the clause after a semicolon says
    ("84% haalde diploma A. Volgens de GGD Gezondheidsmonitor 2024 haalde 97% van de kinderen diploma A; dat "
     "danken ze aan onze lessen.", True),
    ("84% haalde diploma A. In heel Escamp had 9% van de kinderen een diploma (Jeugdmonitor Den Haag 2026).",
     True),
    # a percentage with its own counts right beside it
    ("84% haalde diploma A. Van de rest ging 70% daarvan (7,9 van 11,3 ton) naar de voedselbank.", False),
    ("84% haalde diploma A. Van de rest ging 70% daarvan naar de voedselbank.", True),
    ("84% haalde diploma A. Van de rest ging 70% daarvan naar de voedselbank, ver van 7,9 van 11,3 ton.", True),
    # a share of the claim's own group with counts beside it is still the basis's to confirm
    ("Van de kinderen haalde 97% (33 van de 34) diploma A.", True),
    # a percentage whose rest a percentage metric confirms is not confirmed by it
    ("84% haalde diploma A en 16% haalde zelfs al diploma C.", True),
])
def test_figures_a_clause_source_or_count_beside_explains_are_no_contradiction(text: str, flagged: bool) -> None:
    assert pointers(share_claim(text), "IC114") == (["/claims/0/text"] if flagged else [])


def test_a_monitor_of_the_year_a_school_year_starts_in_is_before_the_period() -> None:
    text = "84% haalde diploma A. In heel Escamp had 9% van de kinderen een diploma (Jeugdmonitor Den Haag 2024)."
    school_year = 'reporting_period: {start: "2024-08-01", end: "2025-07-31"}\n'
    assert pointers(school_year + share_claim(text), "IC114") == []
    assert pointers(school_year + share_claim(text.replace("2024", "2025")), "IC114") == ["/claims/0/text"]


@pytest.mark.parametrize(("text", "flagged"), [
    ("8,5% van het gesorteerde textiel ging naar recycling en 91,5% naar hergebruik.", False),
    ("8,5% van het gesorteerde textiel ging naar recycling en 81,5% naar hergebruik.", True),
])
def test_the_rest_of_a_parts_share_of_its_total_is_confirmed(text: str, flagged: bool) -> None:
    assert pointers(TEXTILE.replace("TEXT", text), "IC114") == (["/claims/0/text"] if flagged else [])


PER_EURO = """
metrics:
  - id: farmer-share
    name: Aandeel van de verkoopprijs voor de boer
    unit: "%"
    kind: percentage
    value: 54
claims:
  - id: c
    text: "TEXT"
    domain: social
    basis:
      metrics: [farmer-share]
"""


@pytest.mark.parametrize(("text", "flagged"), [
    ("Van elke euro die onze afnemers betaalden, ging gemiddeld 54 cent naar de boer.", False),
    ("Of every euro our customers paid, 54 cents went to the farmer.", False),
    ("Elke euro die onze afnemers betaalden, ging naar de boer.", True),
    ("Every euro invested with us goes to the farmer.", True),
])
def test_a_share_of_each_euro_is_no_claim_about_every_euro(text: str, flagged: bool) -> None:
    assert pointers(PER_EURO.replace("TEXT", text), "IC119") == (["/claims/0/text"] if flagged else [])


# -- IC105: a claim about future performance without a plan -------------------------------------

@pytest.mark.parametrize(("text", "flagged"), [
    # the next step of the evidence: a larger trial, a check on a sample, publishing what is measured
    ("In a small trial on one farm, piglets had 2.1 days of diarrhoea. A larger trial starts in 2026.", False),
    ("In a small trial on one farm, piglets had 2.1 days of diarrhoea. In 2026 we will halve it.", True),
    ("71% zegt het beter te begrijpen. Het is zelfrapportage; we laten het in 2026 op een steekproef toetsen.",
     False),
    ("71% zegt het beter te begrijpen. Het is zelfrapportage; in 2026 halveren we hun schulden.", True),
    ("Het gebouw gebruikt 21 kWh per m2. Het gemeten verbruik publiceren we in 2027.", False),
    ("Het gebouw gebruikt 21 kWh per m2. Het verbruik halveren we in 2027.", True),
    # a decision about a pilot named in the sentence before
    ("In a small five-month pilot, two cars fed 3.1 MWh back. We will decide in 2026 whether to scale it up.",
     False),
    ("Two of our cars fed 3.1 MWh back. We will decide in 2026 whether to scale it up.", True),
    # the years of a programme's title are its edition's; the enterprise's own programme still promises
    ("For comparison, the Gemeentelijk Rioleringsprogramma Tilburg 2023-2027 puts the cost at EUR 1,100.",
     False),
    ("Ons Programma Schoon Water 2023-2027 brengt de kosten naar EUR 300.", True),
])
def test_the_next_step_of_the_evidence_or_a_titles_years_are_no_future_claim(text: str, flagged: bool) -> None:
    assert pointers(share_claim(text), "IC105") == (["/claims/0/text"] if flagged else [])


# -- IC102: a generic environmental term ---------------------------------------------------------

@pytest.mark.parametrize(("text", "flagged"), [
    ("We rekenen met locatiegebonden stroom, dus zonder aftrek voor onze groene stroomcertificaten.", False),
    ("We rekenen met locatiegebonden stroom; onze bezorging is groen.", True),
    ("In totaal blijft ons bedrijf broeikasgassen uitstoten; we claimen geen klimaatneutrale melk.", False),
    ("In totaal blijft ons bedrijf broeikasgassen uitstoten, maar we claimen klimaatneutrale melk.", True),
    ("Our target is 75% by 2030, in line with the EU Strategy for Sustainable and Circular Textiles (2022).", False),
    ("Our target is 75% by 2030, in line with our sustainable and circular textiles.", True),
    ("Werken in het groen is goed voor onze deelnemers; we haalden 410 ton tegels eruit en zetten groen erin.",
     False),
    ("Werken bij ons is groen: we haalden 410 ton tegels eruit.", True),
])
def test_instruments_denials_strategies_and_plants_are_no_generic_claim(text: str, flagged: bool) -> None:
    assert pointers(TEXTILE.replace("TEXT", text), "IC102") == (["/claims/0/text"] if flagged else [])


# -- IC129: a figure of another year than the reporting period -------------------------------------

DATED = """
metrics:
  - id: m
    name: "NAME"
    unit: people
    kind: count
    value: 12
    method: "METHOD"
"""


def dated(name: str, method: str = "Own records.") -> str:
    return DATED.replace("NAME", name).replace("METHOD", method)


@pytest.mark.parametrize(("fragment", "flagged"), [
    # a group named by what happened to it in a year, followed up now
    (dated("Jongeren die in 2024 bij ons hun diploma haalden", "Nazorg twaalf maanden later, in 2025."), []),
    (dated("Jongeren met een diploma in 2024", "Nazorg twaalf maanden later, in 2025."), ["/metrics/0/name"]),
    (dated("Gardens revisited in 2025", "A random draw of 40 of the 171 gardens depaved in 2023."), []),
    (dated("Gardens revisited", "A random draw of 40 of the 171 gardens depaved in 2023."), ["/metrics/0/method"]),
    (dated("Meals served", "Meals served in 2023; our count for 2025 was not complete yet."), ["/metrics/0/method"]),
    # a figure marked as a comparison, an earlier year set beside the value, a study's year
    (dated("Default rate of crowdfunding loans, end of 2024 (for comparison)"), []),
    (dated("Default rate of crowdfunding loans, end of 2024"), ["/metrics/0/name"]),
    (dated("Yarn with recycled polyester", "94 of 412 tonnes (23%); in 2023 this was 31% of yarn sold."), []),
    (dated("Yarn with recycled polyester", "In 2023 we sold 94 of 412 tonnes."), ["/metrics/0/method"]),
    (dated("Vermeden uitstoot", "4.920 laptops maal 220 kg CO2e per laptop (uit de levenscyclusanalyse van 2024)."),
     []),
    (dated("Vermeden uitstoot", "4.920 laptops uit de verkoop van 2024 maal 220 kg CO2e per laptop."),
     ["/metrics/0/method"]),
])
def test_a_group_of_an_earlier_year_a_comparison_or_a_studys_year_is_no_other_period(
        fragment: str, flagged: list[str]) -> None:
    assert pointers(fragment, "IC129") == flagged


BASELINED = """
metrics:
  - id: rate
    name: Leerlingen met diploma
    unit: "%"
    kind: percentage
    value: 73
    BASELINE
claims:
  - id: c
    text: "Van de 22 leerlingen haalden er 16 hun diploma (73%). In 2022 haalde 61% het diploma."
    domain: social
    basis:
      metrics: [rate]
"""


def test_an_earlier_year_that_is_the_basis_metrics_baseline_is_its_declared_comparison() -> None:
    declared = BASELINED.replace("BASELINE", "baseline: {value: 61, year: 2022}")
    assert pointers(declared, "IC129") == []
    assert pointers(BASELINED.replace("BASELINE", ""), "IC129") == ["/claims/0/text"]


# -- IC127: a completers' rate while many who started dropped out ----------------------------------

COHORTS = """
metrics:
  - id: starters
    name: Participants who started the course in 2025
    unit: people
    value: 132
  - id: starters-ended
    name: Starters of the three cohorts that ended in 2025
    unit: people
    value: 102
    part_of: starters
  - id: graduates
    name: Graduates of the three cohorts that ended in 2025
    unit: people
    value: GRADUATES
    part_of: starters-ended
  - id: work-in-tech
    name: Graduates in work whose job is a tech role
    unit: people
    value: 22
claims:
  - id: c
    text: "22 of the 31 graduates in work (71%) have a job in tech."
    domain: social
    basis:
      metrics: [work-in-tech]
"""


def test_completers_counted_out_of_their_own_starters_decide_the_drop_out() -> None:
    assert pointers(COHORTS.replace("GRADUATES", "76"), "IC127") == []  # 25% of the ended cohorts left
    assert pointers(COHORTS.replace("GRADUATES", "40"), "IC127") == ["/claims/0/text"]  # 61% left


ROUNDED = """
metrics:
  - id: started
    name: Deelnemers die in 2025 een leerwerktraject startten
    unit: people
    value: 11
  - id: completed
    name: Deelnemers die hun traject afrondden
    unit: people
    value: 4
    part_of: started
  - id: share
    name: Aandeel van het ingenomen materiaal dat opnieuw is gebruikt
    unit: "%"
    kind: percentage
    value: 61
    method: "METHOD"
claims:
  - id: c
    text: "61% van het materiaal ging opnieuw de bouw in."
    domain: environmental
    basis:
      metrics: [share]
"""


@pytest.mark.parametrize(("method", "flagged"), [
    ("1.120 van de 1.840 ton (60,9%, afgerond 61%).", False),
    ("1.120 van de 1.840 ton, hergebruikt door deelnemers die hun traject afrondden.", True),
])
def test_a_rounded_percentage_is_no_rate_of_completers(method: str, flagged: bool) -> None:
    fragment = ROUNDED.replace("METHOD", method)
    assert pointers(fragment, "IC127") == (["/claims/0/text"] if flagged else [])


# -- IC124: a claim generalised from fewer than 30 respondents -------------------------------------

REGISTER = ("        - title: Verzuimregistratie\n          year: 2025\n          relation: own\n"
            "          method: METHOD\n          sample_size: 19")
TESTS_AND_SURVEY = ("        - title: Toetsresultaten cohort 2025\n          year: 2025\n"
                    "          relation: independent\n          method: administrative-data\n"
                    "          sample_size: 29\n"
                    "        - title: Eigen vragenlijst\n          year: 2025\n          relation: own\n"
                    "          method: survey\n          sample_size: 27")
CLAIM = "Onze inloop maakt 80% van de ouderen minder eenzaam."


@pytest.mark.parametrize(("fragment", "flagged"), [
    # records of everyone are a count, not a sample; a claim that gives the group of the records rests on them
    (sampled(REGISTER.replace("METHOD", "administrative-data")), False),
    (sampled(REGISTER.replace("METHOD", "survey")), True),
    (sampled(TESTS_AND_SURVEY).replace(CLAIM, "22 van de 29 deelnemers haalden A2 op de spreektoets."), False),
    (sampled(TESTS_AND_SURVEY), True),
    # the response beside the count, and a claim that says it does not generalise
    (sampled(UNNUMBERED, told="52 van de 84 jongeren (respons 62%); van de 19 gestopte jongeren vulden er 3 de "
                              "enquête in."), False),
    (sampled(UNNUMBERED, told="Van de 19 gestopte jongeren vulden er 3 de enquête in."), True),
    (sampled(SMALL_SOURCE).replace(CLAIM, "Bij de meeste ouderen daalde de eenzaamheid; het zijn te weinig mensen "
                                          "om te zeggen of het ook breder werkt."), False),
    (sampled(SMALL_SOURCE).replace(CLAIM, "Bij de meeste ouderen daalde de eenzaamheid; dat werkt ook breder."),
     True),
])
def test_records_responses_and_declined_generalisations(fragment: str, flagged: bool) -> None:
    assert pointers(fragment, "IC124") == (["/claims/0/text"] if flagged else [])


def test_who_answered_is_read_from_a_total_and_its_count_apart() -> None:
    told = ("Van de 31 mantelzorgers die tussen 1 januari en 30 juni begonnen, vulden er 24 beide lijsten in. Het "
            "aantal zwaar belaste mantelzorgers daalde naar 6 van de 24.")
    messages = [finding.message for finding in check_fragment(sampled(UNNUMBERED, told=told))
                if finding.code == "IC124"]
    assert len(messages) == 1 and "24 respondents" in messages[0], messages


# -- IC120: the enterprise's own check presented as independent -------------------------------------

VERIFIED = """
organisation:
  name: Vakwerk Leerbedrijf Eindhoven B.V.
  trade_name: Vakwerk
claims:
  - id: c
    text: "Al onze 42 jongeren haalden hun VCA-diploma."
    domain: social
    verification:
      status: STATUS
      by: "BY"
"""


@pytest.mark.parametrize(("by", "status", "flagged"), [
    # another body whose name holds the enterprise's one-word name
    ("Examencentrum Veilig Vakwerk Brabant", "third-party", False),
    ("Vakwerk, afdeling kwaliteit", "third-party", True),
    ("Stichting Vakwerk", "third-party", True),
    # the name in a statement of independence
    ("Zuidlimburgse Milieuadviezen (no other work for Vakwerk)", "third-party", False),
    ("Zuidlimburgse Milieuadviezen for Vakwerk", "third-party", True),
    # a public body's department
    ("Municipality of Eindhoven, contract management", "second-party", False),
    ("Vakwerk contract management", "second-party", True),
])
def test_other_bodies_that_share_a_word_or_a_role_are_no_self_check(by: str, status: str, flagged: bool) -> None:
    fragment = VERIFIED.replace("BY", by).replace("STATUS", status)
    assert pointers(fragment, "IC120") == (["/claims/0/verification/by"] if flagged else [])


# -- IC130: a comparison with others without a named, dated basis ----------------------------------

@pytest.mark.parametrize(("text", "flagged"), [
    # the people's own other channels are no other enterprises
    ("31 van de 43 boeren zeiden in onze enquête meer marge over te houden dan via hun andere kanalen.", False),
    ("31 van de 43 boeren houden bij ons meer marge over dan via andere groothandels.", True),
    # a monitor, a list or a website named with its year in the claim itself
    ("Ons verzuim lag onder het gemiddelde van 6,4% in de kinderopvang in 2024 (FCB, Arbeidsmarktmonitor "
     "kinderopvang 2025).", False),
    ("Ons verzuim lag onder het gemiddelde van 6,4% in de kinderopvang.", True),
    ("A shared car emits a third of an average petrol car, by the CO2emissiefactoren.nl list of January 2025.",
     False),
    ("A shared car emits a third of an average petrol car.", True),
])
def test_own_alternatives_and_sources_named_in_the_text_need_no_comparison_field(text: str, flagged: bool) -> None:
    assert pointers(share_claim(text), "IC130") == (["/claims/0/text"] if flagged else [])


# -- IC121: a legal duty presented as a merit --------------------------------------------------------

@pytest.mark.parametrize(("text", "flagged"), [
    ("Since 2024 Dutch law no longer allows disposable cups for drinks consumed on site; 81% of our deposit "
     "cups came back.", False),
    ("We never serve drinks on site in disposable cups; 81% of our deposit cups came back.", True),
    ("Wij werken met bronafzuiging en P3-maskers, zoals de Arbowet en de Arbocatalogus Bouw & Infra van elke "
     "werkgever vragen; alle metingen van de arbodienst lagen onder de grenswaarde.", False),
    ("Wij zorgen goed voor onze mensen: iedereen heeft toegang tot de arbodienst.", True),
])
def test_a_duty_said_to_be_the_law_in_other_words_is_no_merit(text: str, flagged: bool) -> None:
    assert pointers(share_claim(text), "IC121") == (["/claims/0/text"] if flagged else [])


# -- what a review of the third round found the rules must still catch -------------------------------

START_FINAL = """
metrics:
  - id: starters
    name: Participants who started the course in 2025
    unit: people
    value: 120
  - id: final
    name: Participants who started the final module
    unit: people
    value: 50
    part_of: starters
  - id: graduates
    name: Participants who completed the course
    unit: people
    value: 45
    part_of: final
claims:
  - id: c
    text: "90% of our participants completed the course."
    domain: social
    basis:
      metrics: [graduates]
"""
OWN_PROGRAMME = """
organisation:
  name: Grachtenvracht B.V.
claims:
  - id: c
    text: "TEXT"
    domain: environmental
"""


@pytest.mark.parametrize(("fragment", "code"), [
    (share_claim("Van de kinderen haalde 97% (33 van de 34) diploma A."), "IC114"),
    (share_claim("84% haalde diploma A en 16% haalde zelfs al diploma C."), "IC114"),
    (share_claim("84% haalde diploma A. Volgens de GGD Gezondheidsmonitor 2024 haalde 97% van de deelnemende "
                 "kinderen diploma A; dat danken ze aan onze lessen."), "IC114"),
    (yarn("Our yarns, such as ReSpun 100, are made of 100% recycled fibres."), "IC114"),
    (yarn("ReSpun yarns are made of 100% recycled fibres."), "IC119"),
    (PER_EURO.replace("TEXT", "Van elke euro die onze afnemers betaalden, ging 100 cent naar de boer."), "IC119"),
    (share_claim("In onze pilot raakten 12 van de 20 gezinnen uit de schulden. In 2026 volgt een grotere pilot, "
                 "waarin 200 gezinnen uit de schulden komen."), "IC105"),
    (share_claim("Het gebouw gebruikt 21 kWh per m2 volgens onze meting. In 2027 publiceren we dat het gebouw "
                 "energiepositief is."), "IC105"),
    (share_claim("Met ons eigen Programma Nul Uitstoot 2025-2030 rijdt onze hele vloot emissievrij."), "IC105"),
    (OWN_PROGRAMME.replace("TEXT", "Under the Grachtenvracht Zero Emission Programme 2025-2028, every boat in our "
                                   "fleet runs on electricity."), "IC105"),
    (TEXTILE.replace("TEXT", "Wij claimen geen klimaatneutrale inzameling. Wij leveren haar gewoon."), "IC102"),
    (TEXTILE.replace("TEXT", "All our textile is handled under our Sustainable Textile Strategy."), "IC102"),
    (TEXTILE.replace("TEXT", "Kies voor meer groen: lever uw textiel bij ons in."), "IC102"),
    (dated("Deelnemers met werk", "Telling die we in 2023 uitvoerden."), "IC129"),
    (dated("Participants in work", "Counted in 2023; that was our last full count."), "IC129"),
    (dated("Participant satisfaction 2025", "Interviews conducted in 2023 with 40 participants."), "IC129"),
    (dated("Tevreden deelnemers", "Uit ons eigen tevredenheidsonderzoek van 2023 onder 140 deelnemers."), "IC129"),
    (BASELINED.replace("BASELINE", "baseline: {value: 61, year: 2022}").replace(
        "In 2022 haalde 61% het diploma.", "In 2022 plaatsten we bovendien 140 leerlingen in werk."), "IC129"),
    (START_FINAL, "IC127"),
    (sampled("        - title: Steekproef uit de cliëntdossiers\n          year: 2025\n          relation: own\n"
             "          method: administrative-data\n          sample_size: 12", size="300"), "IC124"),
    (sampled(SMALL_SOURCE).replace(CLAIM, "Onze inloop maakt 80% van de ouderen minder eenzaam; geen zorg is te "
                                          "klein om bij ons te brengen."), "IC124"),
    (share_claim("85% van de deelnemers vond werk (17 van de 40 jongeren)."), "IC128"),
])
def test_misleading_wordings_the_third_round_still_catches(fragment: str, code: str) -> None:
    assert pointers(fragment, code), code


def test_a_year_that_names_completed_trajectories_still_counts_completers() -> None:
    fragment = ROUNDED.replace('name: Deelnemers die hun traject afrondden', 'name: Trajecten afgerond 2025')
    assert pointers(fragment.replace("METHOD", "1.120 van de 1.840 ton, door deelnemers met trajecten afgerond "
                                               "2025."), "IC127") == ["/claims/0/text"]
