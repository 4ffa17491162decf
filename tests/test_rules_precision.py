"""Honest wordings of the precision part of the claim corpus that the rules mistook, each with a failing twin."""

from __future__ import annotations

import pytest

from tests.rules_support import pointers

SHARE_METRIC = """
metrics:
  - id: share
    name: Kinderen met zwemdiploma A
    unit: "%"
    kind: percentage
    value: 84
claims:
  - id: c
    text: "TEXT"
    domain: social
    basis:
      metrics: [share]
"""


def share_claim(text: str) -> str:
    return SHARE_METRIC.replace("TEXT", text)


# -- IC114: a percentage the basis contradicts ---------------------------------------------------

@pytest.mark.parametrize(("text", "flagged"), [
    # a dated figure of an outside source about others, beside the enterprise's own
    ("84% haalde diploma A. In de wijk had volgens de Haagse Jeugdmonitor 2024 31% van de tienjarigen geen "
     "zwemdiploma.", False),
    ("84% passed. In the CBS cohort study of 2024, 58% of status holders were in work or education.", False),
    ("84% haalde diploma A. In de gemeente had 22% van de mensen die in 2023 begonnen werk (Monitor "
     "Re-integratie 2024).", False),
    # ... but the enterprise's own result stays its own, whoever measured it
    ("Volgens ons onderzoek van 2024 haalde 61% diploma A.", True),
    ("84% haalde diploma A; in 2024 was dat 61%.", True),
    # a bound or a range holds when the basis falls in it
    ("Minstens 80% van de kinderen haalde diploma A.", False),
    ("Minstens 90% van de kinderen haalde diploma A.", True),
    ("Hooguit 90% haalde diploma A.", False),
    ("84% haalde diploma A; voor het keurmerk is 50 tot 95% nodig.", False),
    ("Tussen 60 en 70% haalde diploma A.", True),
    # the rest of a share, a ratio to an amount and a difference from a reference are no share
    ("De overige 16% zwemt nog.", False),
    ("De overige 26% zwemt nog.", True),
    ("84% haalde diploma A; hun ouders verdienen tot 130% van het sociaal minimum.", False),
    ("Ons laagste uurloon ligt 17% boven het wettelijk minimumloon; 84% haalde diploma A.", False),
])
def test_a_stated_percentage_is_checked_for_what_it_asserts(text: str, flagged: bool) -> None:
    assert pointers(share_claim(text), "IC114") == (["/claims/0/text"] if flagged else [])


# -- IC105: a claim about future performance without a plan -------------------------------------

@pytest.mark.parametrize(("text", "flagged"), [
    ("6 van de 8 deelnemers haalden B1. Dat is te weinig om conclusies te trekken: Hogeschool Friesland-Zuid "
     "evalueert de pilot in 2026.", False),
    ("6 van de 8 deelnemers haalden B1; in 2026 breiden we de proef uit naar 30 deelnemers.", False),
    ("3 of 5 had a paid contract. We repeat the pilot with 8 participants in 2026 and will report both groups.",
     False),
    ("Bij vloerisolatie gaan we verder dan de ondergrens: 12 deelnemers kregen werk.", False),
    # a promise of performance stays one, also beside a measurement
    ("In 2027 meten we opnieuw en halveren we het aantal uitvallers.", True),
    ("In 2026 breiden we de proef uit en helpen we 30 mensen aan werk.", True),
    ("We will help 30 people into work in 2026.", True),
])
def test_a_plan_for_the_evidence_is_no_claim_about_future_performance(text: str, flagged: bool) -> None:
    fragment = share_claim(text)
    assert pointers(fragment, "IC105") == (["/claims/0/text"] if flagged else [])


# -- IC128: a percentage the counts in its sentence contradict -----------------------------------

@pytest.mark.parametrize(("text", "flagged"), [
    ("In onze eigen nameting (137 van de 264 huishoudens vulden hem in) meldde 25% nog klachten.", False),
    ("In onze nameting meldden 137 van de 264 huishoudens (25%) nog klachten.", True),
    ("In onze eigen enquête, die 71 van de 120 leerlingen aan het begin en het einde van het jaar invulden, "
     "maakte 68% een planning.", False),
    ("In onze eigen enquête maakten 71 van de 120 leerlingen (68%) een planning.", True),
    ("11 of the 15 completers had paid work: that is 50% of all 22.", False),
    ("11 of the 15 completers had paid work: that is 60% of all 22.", True),
    ("87% went by cargo bike; the rest went by one of our four electric vans.", False),
    ("87% went by cargo bike, ridden by 1 of the 4 riders.", True),
])
def test_counts_that_are_no_share_of_the_stated_percentage(text: str, flagged: bool) -> None:
    assert pointers(share_claim(text), "IC128") == (["/claims/0/text"] if flagged else [])


# -- IC102: a generic environmental term -------------------------------------------------------

@pytest.mark.parametrize(("text", "flagged"), [
    ("Our footprint was below the average in the Monitor Duurzame Melkveehouderij 2024.", False),
    ("Our footprint was below the 1.24 kg of the Sustainable Dairy Monitor.", False),
    ("This sustainable outflow (duurzame uitstroom) means 51 of 68 still had paid work after a year.", False),
    # a name of two words without a year, and a text in title case, are no title
    ("Our Green Bakery bakes bread.", True),
    ("We Bake Green And Sustainable Bread.", True),
    ("Our milk is sustainable.", True),
])
def test_titles_and_english_labour_market_terms_are_no_generic_claims(text: str, flagged: bool) -> None:
    assert pointers(share_claim(text), "IC102") == (["/claims/0/text"] if flagged else [])


def test_sustainable_outflow_is_still_generic_in_an_environmental_claim() -> None:
    fragment = share_claim("This sustainable outflow of materials saves 40 tonnes.").replace(
        "domain: social", "domain: environmental")
    assert pointers(fragment, "IC102") == ["/claims/0/text"]


# -- IC129: a figure of another year than the reporting period (2025) ----------------------------

@pytest.mark.parametrize(("text", "flagged"), [
    # after the period's figure, an earlier year that refers back to it or is others' figure
    ("In 2025 haalden we 38.400 kg brood op. In 2022, ons eerste volle jaar, was het 21.700 kg.", False),
    ("Van de 4.820 ton ging in 2025 11% naar de verbranding. In 2022 ging nog 16% naar de verbranding.", False),
    ("Ons verzuim was 5,9%. Het CBS meldde over 2024 een verzuim van 6,9% in de zorg.", False),
    ("58% van de kinderen beweegt genoeg. Landelijk was dat in 2024 47%.", False),
    # ... but not an earlier year's result of the enterprise itself
    ("In 2025 haalden we 38.400 kg brood op. In 2022 haalden we 21.700 kg op bij 9 winkels.", True),
    ("In 2024 hielpen we 40 mensen aan werk.", True),
    # the headline must be of the period, and the enterprise's own records are no outside source
    ("Onze bakkerij heeft 14 medewerkers. In 2024 hielpen we nog 40 mensen aan werk.", True),
    ("Volgens onze administratie hielpen we in 2024 40 mensen aan werk.", True),
])
def test_an_earlier_year_set_beside_the_periods_figure_is_a_comparison(text: str, flagged: bool) -> None:
    assert pointers(share_claim(text), "IC129") == (["/claims/0/text"] if flagged else [])


@pytest.mark.parametrize(("name", "method", "flagged"), [
    ("Startcohort 2024: cliënten thuis na 12 maanden", "Geteld in het cliëntsysteem.", False),
    ("Devices sold in 2024 returned under warranty within 12 months", "Counted in the repair log.", False),
    ("Sickness absence in social work companies (Verzuimmonitor 2024)", "Mean absence in 2024.", False),
    ("Cliënten thuis in 2024", "Geteld in het cliëntsysteem.", True),
    ("Sickness absence of our employees", "Mean absence in 2024.", True),
])
def test_a_cohort_or_a_benchmark_named_by_its_year_is_no_figure_of_another_year(name: str, method: str,
                                                                               flagged: bool) -> None:
    fragment = SHARE_METRIC.replace("TEXT", "84% haalde diploma A.").replace(
        "    value: 84\n", f"    value: 84\n    method: \"{method}\"\n").replace(
        "name: Kinderen met zwemdiploma A", f"name: \"{name}\"")
    assert bool(pointers(fragment, "IC129")) is flagged


# -- IC121: a legal requirement presented as a feature ------------------------------------------

@pytest.mark.parametrize(("text", "flagged"), [
    ("De Wet gemeentelijke schuldhulpverlening schrijft binnen drie werkdagen een gesprek voor bij een dreigende "
     "afsluiting. Bij ons hadden alle 47 spoedaanmeldingen binnen drie werkdagen een gesprek.", False),
    ("Iedereen verdient 15,60 euro per uur. Het wettelijk minimumloon was 14,40 euro; dat betalen is een plicht "
     "voor elke werkgever.", False),
    ("Wij delen signalen alleen volgens de AVG, zoals van iedere uitvoerder wordt gevraagd.", False),
    ("Al onze begeleiders kregen 15,50 euro per uur. Het wettelijk minimumloon liep op van 13,68 naar 14,40 euro.",
     False),
    # the law presented as a merit still is one
    ("Dreigt afsluiting, dan hadden alle 47 aanmeldingen binnen drie werkdagen een gesprek.", True),
    ("Wij betalen al onze medewerkers minstens het wettelijk minimumloon.", True),
    ("Wij delen signalen alleen volgens de AVG.", True),
])
def test_a_claim_that_says_the_law_asks_it_presents_a_duty(text: str, flagged: bool) -> None:
    assert pointers(share_claim(text), "IC121") == (["/claims/0/text"] if flagged else [])


# -- IC124: a claim generalised from fewer than 30 respondents -----------------------------------

def sampled(source: str, *, size: str = "", told: str = "") -> str:
    """A 1.1 statement with one outcome (its sources, group size and how-much texts) and a claim resting on it."""
    who_size = f"\n      size: {size}" if size else ""
    how_much = f"\n    how_much:\n      depth: \"{told}\"" if told else ""
    return f"""
schema_version: "1.1"
outcomes:
  - id: o
    what:
      description: Ouderen voelen zich minder eenzaam.
      polarity: positive
    who:
      stakeholder: Ouderen{who_size}
      baseline: Bij de start was 46% eenzaam.{how_much}
    risks:
      - type: evidence
        level: high
    evidence:
      level: 2
      sources:
{source}
claims:
  - id: c
    text: Onze inloop maakt 80% van de ouderen minder eenzaam.
    domain: social
    basis:
      outcomes: [o]
"""


SMALL_SOURCE = ("        - title: Eigen enquête\n          year: 2025\n          relation: own\n"
                "          sample_size: 12")
LARGE_SOURCE = ("        - title: Evaluatie met vergelijkingsgroep\n          year: 2025\n"
                "          method: comparison-group\n          sample_size: 182")
STATISTIC = ("        - title: CBS Statline, eenzaamheid naar leeftijd\n          year: 2025\n"
             "          relation: independent\n          method: administrative-data\n          sample_size: 8000")
UNNUMBERED = "        - title: Eigen enquête\n          year: 2025"


@pytest.mark.parametrize(("fragment", "flagged"), [
    # the outcome rests on its largest sample
    (sampled(SMALL_SOURCE + "\n" + LARGE_SOURCE), False),
    (sampled(SMALL_SOURCE), True),
    (sampled(SMALL_SOURCE + "\n" + STATISTIC), True),  # a national statistic is no evaluation of these people
    # nearly all of a small group asked is a count of (nearly) everyone
    (sampled(SMALL_SOURCE.replace("12", "24"), size="26"), False),
    (sampled(SMALL_SOURCE.replace("12", "14"), size="26"), True),
    # who answered, told in words
    (sampled(UNNUMBERED, told="24 of the 39 respondents had dinner with a neighbour."), False),
    (sampled(UNNUMBERED, told="Het aandeel daalde van 44% (18 van 41) naar 29% (12 van 41)."), False),
    (sampled(UNNUMBERED, told="27 of the 33 members who answered said so; 5 of the 38 members did not respond."),
     False),
    (sampled(UNNUMBERED, told="39 of 48 residents answered the survey (81%); 20 of 24 status holders and 19 of 24 "
                              "others."), False),
    (sampled(UNNUMBERED, told="Van gesprekken alleen met een tolk naar zelf het woord voeren, zeiden 116 "
                              "respondenten in de enquête."), False),
    (sampled(UNNUMBERED, told="7 van de 212 deelnemers vulden de vragenlijst in."), True),
    (sampled(UNNUMBERED, told="Gesprekken met 4 ouders."), True),
    (sampled(UNNUMBERED, told="We sent the survey to 212 parents; 12 parents answered."), True),
    (sampled(UNNUMBERED, told="In de enquête waren 12 van de 20 ouderen niet meer eenzaam."), True),
])
def test_who_a_result_rests_on(fragment: str, flagged: bool) -> None:
    assert pointers(fragment, "IC124") == (["/claims/0/text"] if flagged else [])


# -- IC119: a claim about the whole resting on a part -----------------------------------------------

TEXTILE = """
metrics:
  - id: sorted
    name: Gesorteerd textiel
    unit: ton
    value: 4820
  - id: recycled
    name: Textiel naar recycling
    unit: ton
    value: 410
    part_of: sorted
claims:
  - id: c
    text: "TEXT"
    domain: environmental
    basis:
      metrics: [sorted, recycled]
"""


@pytest.mark.parametrize(("text", "flagged"), [
    ("410 ton ging naar recycling: 8,5% van al het textiel dat wij sorteerden.", False),
    ("Van alles wat we sorteerden (4.820 ton) ging 8,5% naar recycling.", False),
    ("We deliver inside Utrecht's zero-emission zone by cargo bike: 410 tonnes.", False),
    ("Al het textiel dat wij sorteerden ging naar recycling.", True),
    ("Our deliveries are zero-emission: 410 tonnes by cargo bike.", True),
])
def test_the_whole_as_the_total_of_a_share_or_a_zones_name_is_no_whole_claim(text: str, flagged: bool) -> None:
    assert pointers(TEXTILE.replace("TEXT", text), "IC119") == (["/claims/0/text"] if flagged else [])


# -- IC122: contribution set to 0 against the statement's own words ---------------------------------

def attributed(description: str, inputs: str = "Onze eigen medewerkers") -> str:
    return f"""
theory_of_change:
  inputs:
    - {inputs}
  activities:
    - Wijkverpleging en persoonlijke verzorging thuis
outcomes:
  - id: o
    what:
      description: Cliënten zien minder wisselende gezichten.
      polarity: positive
    who:
      stakeholder: Cliënten
      baseline: Gemiddeld 5,2 zorgverleners per maand.
    contribution:
      description: {description}
      attribution: 0
    risks:
      - type: drop-off
        level: medium
"""


@pytest.mark.parametrize(("fragment", "flagged"), [
    (attributed("De investeringen zijn door ons zelf betaald, zonder subsidie."), False),
    (attributed("De investeringen zijn betaald met subsidie van de provincie."), True),
    (attributed("Sinds de indeling in kleinere wijkteams zien cliënten minder gezichten.",
                inputs="96 medewerkers in zeven zelfsturende wijkteams"), False),
    (attributed("Samen met de wijkteams van de gemeente zien cliënten minder gezichten."), True),
    (attributed("Onze wijkverpleging plant vaste teams per straat."), False),
])
def test_the_enterprises_own_teams_and_denied_funders_are_no_others(fragment: str, flagged: bool) -> None:
    assert pointers(fragment, "IC122") == (["/outcomes/0/contribution/attribution"] if flagged else [])


# -- IC130: a comparison with others without a basis ---------------------------------------------

@pytest.mark.parametrize(("text", "flagged"), [
    ("We wekten 3.633 MWh op, vier keer zoveel als in 2021, het laatste jaar voor het zonnepark.", False),
    ("We besteedden 118.000 euro bij sociale ondernemingen, bijna vier keer zoveel als verplicht.", False),
    ("We wekten 3.633 MWh op, vier keer zoveel als een gewone coöperatie.", True),
    ("Onze leerlingen lezen twee keer zoveel boeken.", True),
])
def test_a_multiple_of_the_enterprises_own_past_or_duty_is_no_comparison_with_others(text: str,
                                                                                     flagged: bool) -> None:
    assert pointers(share_claim(text), "IC130") == (["/claims/0/text"] if flagged else [])


# -- IC109: outputs presented as outcomes ---------------------------------------------------------

COUNTED = """
metrics:
  - id: started
    name: Huishoudens die in 2022 met een schuldregeling begonnen
    unit: huishoudens
    kind: count
    value: 74
  - id: changed
    name: NAME
    unit: personen
    kind: count
    value: 11
outcomes:
  - id: o
    what:
      description: Mensen komen vaker buiten of vinden werk.
      polarity: positive
    who:
      stakeholder: Deelnemers
      baseline: Bij de start kwam niemand buiten het dorp.
    risks:
      - type: drop-off
        level: medium
    metrics: [started, changed]
"""


@pytest.mark.parametrize(("name", "flagged"), [
    ("Leden van 70+ zonder auto die zeggen vaker buiten het dorp te komen", False),
    ("Deelnemers die doorstroomden naar betaald werk", False),
    ("Deelnemers aan het programma Naar Werk", True),
])
def test_people_who_moved_on_or_go_out_more_often_are_an_outcome(name: str, flagged: bool) -> None:
    assert pointers(COUNTED.replace("NAME", name), "IC109") == (["/outcomes/0/metrics"] if flagged else [])


@pytest.mark.parametrize(("text", "flagged"), [
    ("Van de 74 huishoudens die in 2022 begonnen, waren er in 2025 61 schuldenvrij (82%).", False),
    ("In 2025 waren 74 huishoudens schuldenvrij.", True),
])
def test_the_total_of_a_share_is_not_the_people_a_claim_credits_with_a_change(text: str, flagged: bool) -> None:
    fragment = COUNTED.replace("NAME", "Deelnemers") + f"""
claims:
  - id: c
    text: "{text}"
    domain: social
    basis:
      metrics: [started]
"""
    claimed = [pointer for pointer in pointers(fragment, "IC109") if pointer.startswith("/claims")]
    assert claimed == (["/claims/0/text"] if flagged else [])


# -- IC120: the enterprise itself presented as independent ----------------------------------------

PUBLISHED = """
schema_version: "1.1"
organisation:
  name: Buurtbakkerij Het Zuurdesem
outcomes:
  - id: o
    what:
      description: Minder brood wordt weggegooid.
      polarity: positive
    who:
      stakeholder: Supermarkten
      baseline: Onverkocht brood ging naar de vergister.
    risks:
      - type: evidence
        level: medium
    evidence:
      level: 2
      sources:
        - title: Derving per filiaal 2025
          publisher: "PUBLISHER"
          year: 2025
          relation: independent
"""


@pytest.mark.parametrize(("publisher", "flagged"), [
    ("Supermarktketen (regiokantoor Amsterdam), verstrekt aan Buurtbakkerij Het Zuurdesem", False),
    ("Store chain data, provided to Buurtbakkerij Het Zuurdesem", False),
    ("Buurtbakkerij Het Zuurdesem, op basis van gegevens van de supermarkt", True),
    ("Bureau Telwerk in opdracht van Buurtbakkerij Het Zuurdesem", True),
])
def test_whom_data_were_given_to_is_not_who_published_them(publisher: str, flagged: bool) -> None:
    found = pointers(PUBLISHED.replace("PUBLISHER", publisher), "IC120")
    assert found == (["/outcomes/0/evidence/sources/0/publisher"] if flagged else [])


# -- IC123: double counting --------------------------------------------------------------------

RIDES = """
metrics:
  - id: total
    name: Verschillende deelnemers aan dagbesteding in 2024
    unit: personen
    kind: count
    value: 58
  - id: group
    name: Deelnemers met beginnende dementie
    unit: personen
    kind: count
    value: 56
  - id: rides
    name: NAME
    unit: UNIT
    kind: count
    value: 2
"""


@pytest.mark.parametrize(("name", "unit", "flagged"), [
    ("Deelnemers met Wmo-vervoer met ritten langer dan 45 minuten", "personen", False),
    ("Ritten langer dan 45 minuten", "ritten", True),
])
def test_people_who_make_long_rides_are_persons_not_contacts(name: str, unit: str, flagged: bool) -> None:
    found = pointers(RIDES.replace("NAME", name).replace("UNIT", unit), "IC123")
    assert found == (["/metrics/0/value"] if flagged else [])


# -- what a review of the loosened rules found they must still catch --------------------------------

@pytest.mark.parametrize(("code", "text"), [
    ("IC114", "In 2025, 61% of participants reported less loneliness."),
    ("IC114", "Volgens het rapport over 2025 haalde 61% van de kinderen diploma A."),
    ("IC114", "Het aandeel steeg van 20 tot 95%."),
    ("IC114", "Up to 95% of the children passed."),
    ("IC130", "We wekten vier keer zoveel stroom op als onze concurrenten."),
    ("IC130", "We wekten vier keer zoveel stroom op als in andere coöperaties."),
    ("IC121", "Wij zien het als onze morele plicht om al onze medewerkers minstens het wettelijk minimumloon te "
              "betalen."),
    ("IC121", "We take our duty to staff seriously: we pay everyone at least the statutory minimum wage."),
    ("IC105", "By 2030 all our packaging will be plastic-free; we will report progress every year."),
    ("IC105", "In 2027 we will be the greenest bakery in Utrecht, as our study shows."),
    ("IC105", "Volgend jaar gaan we verder dan de wet: al onze busjes rijden elektrisch."),
    ("IC102", "We sell Sustainable Green Coffee to 400 cafés."),
    ("IC102", "Our bakery is Green And Sustainable since 2024."),
    ("IC128", "Only one of the five participants found work (80%)."),
    ("IC128", "Bij de eindmeting hadden 12 van de 20 deelnemers hun doel bereikt (80%)."),
])
def test_misleading_wordings_the_loosened_rules_still_catch(code: str, text: str) -> None:
    assert pointers(share_claim(text), code) == ["/claims/0/text"]


def test_a_co_funder_without_whom_it_would_not_have_worked_is_named() -> None:
    fragment = attributed("Zonder de subsidie van de provincie was dit niet gelukt.")
    assert pointers(fragment, "IC122") == ["/outcomes/0/contribution/attribution"]


def test_a_report_sent_by_the_enterprise_is_its_own() -> None:
    found = pointers(PUBLISHED.replace("PUBLISHER", "Report sent to the municipality by Buurtbakkerij Het Zuurdesem"),
                     "IC120")
    assert found == ["/outcomes/0/evidence/sources/0/publisher"]


def test_attendance_more_often_is_no_changed_situation() -> None:
    assert pointers(COUNTED.replace("NAME", "Deelnemers die vaker dan eens per week kwamen"), "IC109") == \
        ["/outcomes/0/metrics"]


def test_a_share_of_something_else_beside_a_whole_is_still_a_whole_claim() -> None:
    fragment = TEXTILE.replace("TEXT", "De recycling van al het textiel gebeurt lokaal, 12% goedkoper dan vorig jaar.")
    assert pointers(fragment, "IC119") == ["/claims/0/text"]


def test_attendances_of_sessions_are_still_contacts() -> None:
    assert pointers(RIDES.replace("NAME", "Deelnemers aan sessies").replace("UNIT", "deelnemers"), "IC123") == \
        ["/metrics/0/value"]


@pytest.mark.parametrize(("name", "value", "flagged"), [
    # a count that is no total or reach: the sum of other counts is chance
    ("Deelnemers aan de voorjaarsgroep", "58", False),
    ("Verschillende deelnemers aan dagbesteding in 2024", "58", True),
])
def test_only_a_total_or_a_reach_is_read_as_a_sum_with_contacts(name: str, value: str, flagged: bool) -> None:
    fragment = RIDES.replace("Verschillende deelnemers aan dagbesteding in 2024", name).replace(
        "NAME", "Ritten langer dan 45 minuten").replace("UNIT", "ritten").replace("value: 58", f"value: {value}")
    assert pointers(fragment, "IC123") == (["/metrics/0/value"] if flagged else [])


def test_a_score_is_no_group_of_people_in_a_sum() -> None:
    fragment = RIDES.replace("NAME", "Ritten langer dan 45 minuten").replace("UNIT", "ritten").replace(
        "value: 2\n", "value: 2.0\n").replace("value: 56", "value: 55.5")
    assert pointers(fragment, "IC123") == []


@pytest.mark.parametrize(("method", "flagged"), [
    ("17 Participatiewet plus 12 banenafspraak en 6 WIA; iedereen één keer geteld.", False),
    ("338 single-person households plus 74 couples; each person counts once however many visits.", False),
    ("Bezoeken plus deelnemers bij elkaar opgeteld.", True),
])
def test_a_sum_that_says_each_person_counts_once_adds_no_contacts(method: str, flagged: bool) -> None:
    fragment = RIDES.replace("NAME", "Deelnemers").replace("UNIT", "personen").replace(
        "    value: 58\n", f"    value: 58\n    method: \"{method}\"\n", 1)
    assert pointers(fragment, "IC123") == (["/metrics/0/value"] if flagged else [])


ADDENDS = """
metrics:
  - id: staff
    name: Medewerkers uit de doelgroep
    unit: personen
    kind: count
    value: 41
    method: "METHOD"
  - id: left
    name: Uitgestroomd in 2024
    unit: personen
    kind: count
    value: 23
  - id: working
    name: Nog aan het werk na een jaar
    unit: personen
    kind: count
    value: 18
    part_of: left
"""


@pytest.mark.parametrize(("method", "flagged"), [
    ("17 Participatiewet plus 12 banenafspraak plus 6 WIA plus 6 zonder uitkering", False),
    ("23 uitgestroomden plus 18 die nog werken", True),
])
def test_a_summing_method_says_which_counts_it_adds(method: str, flagged: bool) -> None:
    assert pointers(ADDENDS.replace("METHOD", method), "IC123") == (["/metrics/0/value"] if flagged else [])


@pytest.mark.parametrize(("text", "flagged"), [
    ("Iedere werkgever moet ten minste het wettelijk minimumloon betalen. Ons laagste uurloon was 15,10 euro.", False),
    ("Zoals iedere organisatie moeten wij ons aan de AVG houden. Daarnaast volgden alle 41 coaches een training.",
     False),
    ("Volgens de SUP-regels mogen winkels geen plastic wegwerpbekers gebruiken; wij geven alleen statiegeldbekers.",
     False),
    ("Sinds 2024 verbiedt de wet plastic wegwerpbekers; wat wij toevoegen is statiegeld.", False),
    ("9 deelnemers haalden de Verklaring Sociale Hygiëne, die de Alcoholwet alleen van leidinggevenden vraagt.",
     False),
    # the same duties as a merit
    ("Bij ons krijgt u nooit een plastic wegwerpbeker.", True),
    ("Zoals iedere goede werkgever betalen wij minstens het wettelijk minimumloon.", True),
])
def test_a_claim_that_says_everyone_must_or_the_law_forbids_presents_a_duty(text: str, flagged: bool) -> None:
    assert pointers(share_claim(text), "IC121") == (["/claims/0/text"] if flagged else [])


# -- the second precision part ------------------------------------------------------------------

GAS = """
metrics:
  - id: gas
    name: Aardgasverbruik
    unit: m3
    kind: count
    value: 21400
    baseline:
      value: 38900
      year: 2019
  - id: pool
    name: Aardgas voor het buitenbad
    unit: m3
    kind: count
    value: 17900
    part_of: gas
claims:
  - id: c
    text: "TEXT"
    domain: environmental
    basis:
      metrics: [gas, pool]
"""


@pytest.mark.parametrize(("fragment", "code", "flagged"), [
    # a count's change from its baseline backs a stated change, but alone makes nothing checkable
    (GAS.replace("TEXT", "Since 2019 our gas use has fallen by 45%, from 38,900 to 21,400 m3; the pool uses 84%."),
     "IC114", False),
    (GAS.replace("TEXT", "Since 2019 our gas use has fallen by 60%; the pool uses 84%."), "IC114", True),
    (share_claim("84% kocht met 25% korting bij ons."), "IC114", False),
    (share_claim("84% haalde diploma A; in onze wachtlijstgroep leerde 12% het zonder cursus."), "IC114", False),
    # a rate after a semicolon, and the figure a change started from, are no shares of the counts
    (share_claim("12 van de 14 werkten er nog; het verzuim in deze groep daalde van 8,4% naar 6,1%."), "IC128", False),
    (share_claim("296 of our 318 pupils had the same driver all year, up from 64% in 2022."), "IC128", False),
    (share_claim("296 of our 318 pupils (64%) had the same driver all year."), "IC128", True),
    # the ecologist's trade, and a neutrality the claim refuses
    (share_claim("Een ecologisch bureau telde in 2025 23 soorten wilde bijen."), "IC102", False),
    (share_claim("Onze honing is ecologisch."), "IC102", True),
    (share_claim("Our emissions fell 18%. We do not offset and do not call ourselves climate neutral."), "IC102",
     False),
    (share_claim("Our emissions fell 18%. We do not offset and do not call ourselves climate neutral."), "IC103",
     False),
    (share_claim("We are climate neutral: we offset the rest."), "IC103", True),
    # what follows a pilot is a plan for the evidence; "Wij gaan verder:" goes beyond a duty now
    (share_claim("De proef was te klein; we besluiten daarover na een tweede proef in 2026."), "IC105", False),
    (share_claim("This was a small pilot; we will decide in 2026 whether to offer it to all customers."), "IC105",
     False),
    (share_claim("It is a first observation, not proof; the pilot continues with more traps until 2027."), "IC105",
     False),
    (share_claim("Afval scheiden is verplicht. Wij gaan verder: in 2025 ging 93% naar hergebruik."), "IC105", False),
    (share_claim("This was a small pilot; in 2026 we will halve our waste."), "IC105", True),
])
def test_honest_wordings_of_the_second_precision_part(fragment: str, code: str, flagged: bool) -> None:
    assert bool(pointers(fragment, code)) is flagged


@pytest.mark.parametrize(("fragment", "code", "flagged"), [
    # a change set beside a named reference
    (share_claim("Pleegouders voelen zich minder alleen dan voor onze steun: 84% zegt dat."), "IC126", False),
    (share_claim("Wij betalen meer: 15,85 euro, 10% boven het wettelijk minimumloon."), "IC126", False),
    (share_claim("We throw away 40% less bread than before."), "IC126", True),
    # a law named by its year, and a cohort followed up after months
    (share_claim("4 of our 14 employees work under the Participation Act of 2015."), "IC129", False),
    (share_claim("In 2015 we employed 4 people under the Participation Act."), "IC129", True),
    # a multiple of the enterprise's own earlier year
    (share_claim("We took back 1,180 garments, almost twice as many as the 610 in 2023."), "IC130", False),
    (share_claim("Ruim 2,5 keer zoveel als de 240 in ons basisjaar 2022."), "IC130", False),
    (share_claim("We took back twice as many garments as other labels."), "IC130", True),
])
def test_more_honest_wordings_of_the_second_precision_part(fragment: str, code: str, flagged: bool) -> None:
    assert bool(pointers(fragment, code)) is flagged


def test_a_whole_claim_that_gives_the_parts_own_numbers_claims_the_part() -> None:
    vehicles = TEXTILE.replace("Gesorteerd textiel", "Voertuigen").replace("Textiel naar recycling",
                                                                           "Elektrische voertuigen")
    fragment = vehicles.replace("value: 4820", "value: 52").replace("value: 410", "value: 17")
    assert pointers(fragment.replace("TEXT", "17 of our 52 vehicles (33%) are fully electric."), "IC119") == []
    assert pointers(fragment.replace("TEXT", "Our vehicles are fully electric."), "IC119") == ["/claims/0/text"]


# -- what a review of the second round found the rules must still catch ---------------------------

RISEN_GAS = GAS.replace("value: 21400", "value: 56400")


@pytest.mark.parametrize(("fragment", "code"), [
    (share_claim("Based on our study we decided that by 2030 all our packaging will be plastic-free."), "IC105"),
    (share_claim("Bij de eindmeting hadden 12 van de 20 deelnemers hun doel bereikt; dat is 80%."), "IC128"),
    (RISEN_GAS.replace("TEXT", "Since 2019 our gas use has fallen by 45%; the pool uses 84%."), "IC114"),
    (GAS.replace("TEXT", "Sinds 2019 realiseerden we 60% reductie op ons gasverbruik; het bad gebruikt 84%."),
     "IC114"),
    (share_claim("61% haalde diploma A zonder hulp van de gemeente."), "IC114"),
    (share_claim("We do not call ourselves climate neutral lightly: we offset all our remaining emissions."),
     "IC103"),
    (share_claim("We never call our bread sustainable without reason."), "IC102"),
    (share_claim("De wet vraagt het niet, maar bij ons krijgt u nooit een plastic wegwerpbeker."), "IC121"),
    (share_claim("Wij hanteren een strikt verbod op plastic: bij ons krijgt u nooit een plastic wegwerpbeker."),
     "IC121"),
    (share_claim("Iedere klant moet zich welkom voelen: bij ons krijgt u nooit een plastic wegwerpbeker."), "IC121"),
    (share_claim("We recycled twice as much textile as the sector in 2025."), "IC130"),
    (share_claim("In 2023 vonden 45 deelnemers betaald werk, na maanden voorbereiding."), "IC129"),
    (share_claim("Our CO2 emissions fell 30% and are now below the standard."), "IC126"),
])
def test_misleading_wordings_the_second_round_still_catches(fragment: str, code: str) -> None:
    assert pointers(fragment, code), code


def test_a_whole_fleet_claim_that_only_mentions_both_numbers_still_claims_the_whole() -> None:
    vehicles = TEXTILE.replace("value: 4820", "value: 52").replace("value: 410", "value: 17")
    fragment = vehicles.replace("TEXT", "All 52 of our vehicles are fully electric; we bought 17 of them in 2025.")
    assert pointers(fragment, "IC119") == ["/claims/0/text"]
