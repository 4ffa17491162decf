"""The claim rules of issue 10: each pattern caught where it lives, and the honest wordings left alone."""

from __future__ import annotations

import pytest

from impactclaim.findings import Severity
from impactclaim.rules.text import OwnName, counts, fractions, is_self, number, percentages
from impactclaim.statement.model import Organisation
from tests.rules_support import check_fragment, pointers

WORK_METRICS = """
metrics:
  - id: started
    name: Deelnemers die in 2025 een traject startten
    unit: personen
    kind: count
    value: 40
  - id: in-work
    name: Deelnemers met betaald werk na een jaar
    unit: personen
    kind: count
    value: 12
    baseline:
      value: 8
      year: 2024
"""


def claim(text: str, *, metrics: str = "[in-work]", extra: str = "", domain: str = "social") -> str:
    return WORK_METRICS + f"""
claims:
  - id: c
    text: "{text}"
    domain: {domain}
    basis:
      metrics: {metrics}
{extra}"""


# -- honest wordings that earlier rules mistook for problems -----------------------------------

@pytest.mark.parametrize("text", [
    "Ons werk draagt bij aan de Duurzame Ontwikkelingsdoelen van de VN, doel 8.5.",
    "We contribute to the UN Sustainable Development Goals, target 8.5.",
    "Our cafeteria holds the Green Key certificate.",
    "12 deelnemers vonden duurzaam werk: een contract van minstens een jaar.",
    "Wij werken aan duurzame inzetbaarheid en duurzame uitstroom van 12 deelnemers.",
    "Our garden supports the UN Sustainable Development Goals 2 (zero hunger) and 11 (sustainable cities and "
    "communities).",
    "Wij dragen bij aan de SDG's, vooral subdoel 12.7 (duurzaam inkopen).",
    "Wij betaalden 4,10 dollar per pond groene koffie.",
    "In de 34 km berm die wij ecologisch maaien, groeiden 19 plantensoorten per proefvlak.",
])
def test_names_and_labour_market_terms_are_no_generic_claims(text: str) -> None:
    assert pointers(claim(text), "IC102") == []


def test_a_bracketed_generic_term_outside_an_sdg_reference_still_counts() -> None:
    assert pointers(claim("Wij werken met 12 mensen (duurzaam en groen)."), "IC102") == ["/claims/0/text"]


LABEL_CLAIM = """
claims:
  - id: green-key
    text: "{text}"
    domain: environmental
    label:
      name: Green Key Goud
      scheme: Green Key, international label of the Foundation for Environmental Education, audited yearly
    verification:
      by: Green Key Nederland
      status: third-party
"""


@pytest.mark.parametrize(("text", "flagged"), [
    ("Zorghotel De Kommel draagt sinds 2023 het Green Key-keurmerk, niveau Goud.", False),
    ("The last audit was on 18 September 2025.", False),
    ("Thanks to Green Key we use 30% less energy.", True),  # a figure needs a metric behind it
    # The label's own grade is the certifier's verdict, not a figure of the enterprise's.
    ("Certified since March 2025, with a score of 94.2.", False),
    ("We zijn gecertificeerd op niveau 3 van de CO2-Prestatieladder.", False),
    ("Sinds de certificering stoten we 12 ton minder CO2 uit.", True),
])
def test_a_certified_label_claim_may_give_dates_but_a_figure_needs_a_basis(text: str, flagged: bool) -> None:
    assert pointers(LABEL_CLAIM.format(text=text), "IC101") == (["/claims/0"] if flagged else [])


def test_a_label_granted_by_an_outside_authority_rests_on_its_decision() -> None:
    granted = """
organisation:
  name: Trapkracht B.V.
claims:
  - id: leerbedrijf
    text: Trapkracht is door SBB erkend als leerbedrijf voor fietstechniek.
    domain: social
    label:
      name: Erkend leerbedrijf
      scheme: Erkenning leerbedrijven beroepsonderwijs
      authority: AUTHORITY
"""
    assert pointers(granted.replace("AUTHORITY", "Samenwerkingsorganisatie Beroepsonderwijs Bedrijfsleven (SBB)"),
                    "IC101") == []
    assert pointers(granted.replace("AUTHORITY", "Trapkracht B.V."), "IC101") == ["/claims/0"]


def test_duurzaam_werk_is_still_generic_in_an_environmental_claim() -> None:
    fragment = claim("Wij doen duurzaam werk voor de planeet.", domain="environmental")
    assert pointers(fragment, "IC102") == ["/claims/0/text"]


def test_the_enterprises_own_name_is_no_generic_claim() -> None:
    fragment = claim("De Groene Bakker bakte 12 ton brood.") + """
organisation:
  name: De Groene Bakker B.V.
"""
    assert pointers(fragment, "IC102") == []


def test_a_comparison_group_figure_beside_the_headline_figure_is_no_contradiction() -> None:
    fragment = """
metrics:
  - id: work
    name: Deelnemers met werk na een jaar
    unit: "%"
    kind: percentage
    value: 72
claims:
  - id: c
    text: 72% had na een jaar betaald werk, tegen 41% in de vergelijkingsgroep.
    domain: social
    basis:
      metrics: [work]
"""
    assert pointers(fragment, "IC114") == []
    assert pointers(fragment.replace("tegen 41% in de vergelijkingsgroep", "en 41% een opleiding"), "IC114") \
        == ["/claims/0/text"]


OWN_COUNT_CLAIM = """
metrics:
  - id: started
    name: Trainees who started
    unit: people
    kind: count
    value: 14
  - id: finished
    name: Trainees who finished
    unit: people
    kind: count
    value: 11
    part_of: started
  - id: working
    name: Trainees in paid work
    unit: people
    kind: count
    value: 9
    part_of: finished
claims:
  - id: c
    text: "Of the 14 who started, 11 finished; 9 of those 11 have paid work. That is 9 of all 14 starters ({share})."
    domain: social
    basis:
      metrics: [started, finished, working]
"""


def test_a_share_the_claim_works_out_from_its_own_basis_values_is_no_contradiction() -> None:
    # 9 of 14 is 64%: neither 11 of 14 nor 9 of 11 (the part_of pairs), but both counts are basis values.
    assert pointers(OWN_COUNT_CLAIM.format(share="64%"), "IC114") == []
    assert pointers(OWN_COUNT_CLAIM.format(share="72%"), "IC114") == ["/claims/0/text"]


def test_a_target_declared_on_the_basis_metric_is_no_future_claim_without_plan() -> None:
    fragment = """
metrics:
  - id: places
    name: Leerwerkplaatsen
    unit: plaatsen
    kind: count
    value: 40
    target:
      value: 60
      year: 2027
claims:
  - id: c
    text: Ons doel is 60 leerwerkplaatsen in 2027.
    domain: social
    basis:
      metrics: [places]
"""
    assert pointers(fragment, "IC105") == []
    # Another year than the declared target is a commitment the statement does not hold.
    assert pointers(fragment.replace("plaatsen in 2027", "plaatsen in 2030"), "IC105") == ["/claims/0/text"]


@pytest.mark.parametrize(("published", "text", "flagged"), [
    # Written in June 2026: an audit in March 2026 is past, though after the 2025 period.
    ('published: "2026-06-16"', "De laatste externe audit was in maart 2026.", False),
    ('published: "2026-06-16"', "De volgende externe audit is in september 2026.", True),
    ('published: "2026-06-16"', "In 2030 zijn wij volledig circulair.", True),  # no month: the year alone is future
    ("", "De laatste externe audit was in maart 2026.", True),  # no date of writing: after the period is future
])
def test_a_month_after_the_period_but_before_publication_is_past(published: str, text: str, flagged: bool) -> None:
    assert pointers(claim(text, extra=published), "IC105") == (["/claims/0/text"] if flagged else [])


def test_a_count_of_people_in_a_changed_situation_is_an_outcome() -> None:
    outcome = """
outcomes:
  - id: o
    what:
      description: Deelnemers vinden betaald werk.
      polarity: positive
    who:
      stakeholder: Bijstandsgerechtigden
      baseline: Gemiddeld drie jaar zonder werk.
    risks:
      - type: drop-off
        level: medium
    metrics: [METRIC]
"""
    assert pointers(WORK_METRICS + outcome.replace("METRIC", "in-work"), "IC109") == []
    assert pointers(WORK_METRICS + outcome.replace("METRIC", "started"), "IC109") == ["/outcomes/0/metrics"]


# -- the patterns --------------------------------------------------------------------------------

def test_output_presented_as_outcome_in_a_claim() -> None:
    assert pointers(claim("We hielpen 40 mensen uit de bijstand.", metrics="[started]"), "IC109") \
        == ["/claims/0/text"]
    assert pointers(claim("We hielpen 12 mensen uit de bijstand.", metrics="[in-work]"), "IC109") == []


OUTPUT_METRIC = """
metrics:
  - id: met
    name: NAME
    unit: personen
    kind: count
    value: 58
"""


@pytest.mark.parametrize(("name", "text"), [
    ("Jongeren met een intakegesprek", "In 2025 hebben we 58 jongeren geholpen aan een baan of een opleiding."),
    ("Huishoudens met een eerste huisbezoek", "In 2025 haalden we 58 huishoudens uit de energiearmoede."),
    ("Jongeren gesproken door het jongerenwerk", "Onze jongerenwerkers hielden 58 jongeren uit de overlast."),
    ("Deelnemers gestart in een leerwerktraject", "In 2025 hielpen we 58 Tilburgers aan duurzaam werk."),
    ("Intake interviews held", "In 2025 we gave 58 young people a future without homelessness."),
    ("Households registered for a weekly meal box", "58 households no longer went hungry thanks to us."),
])
def test_a_count_of_whom_the_enterprise_met_or_listed_is_no_change(name: str, text: str) -> None:
    fragment = OUTPUT_METRIC.replace("NAME", name) + f"""
claims:
  - id: c
    text: "{text}"
    domain: social
    basis:
      metrics: [met]
"""
    assert pointers(fragment, "IC109") == ["/claims/0/text"]


def test_whole_claim_on_an_aspect_metric() -> None:
    fragment = """
metrics:
  - id: electricity
    name: Share of our electricity from renewable sources
    unit: "%"
    kind: percentage
    value: 100
claims:
  - id: c
    text: Our company is completely fossil-free.
    domain: environmental
    basis:
      metrics: [electricity]
"""
    findings = [f for f in check_fragment(fragment) if f.code == "IC119"]
    assert [f.pointer for f in findings] == ["/claims/0/text"]
    assert "electricity" in findings[0].message
    assert pointers(fragment.replace("Our company is completely fossil-free.",
                                     "Our electricity is completely fossil-free."), "IC119") == []


def test_self_verification_called_third_party_is_reported_at_the_verifier() -> None:
    extra = """    verification:
      status: third-party
      by: BY
organisation:
  name: Fietsfabriek Utrecht B.V.
"""
    assert pointers(claim("12 deelnemers hadden werk na een jaar.", extra=extra.replace("BY", "Fietsfabriek Utrecht")),
                    "IC120") == ["/claims/0/verification/by"]
    assert pointers(claim("12 deelnemers hadden werk na een jaar.", extra=extra.replace("BY", "onze raad van bestuur")),
                    "IC120") == ["/claims/0/verification/by"]
    assert pointers(claim("12 deelnemers hadden werk na een jaar.", extra=extra.replace("BY", "Deloitte Accountants")),
                    "IC120") == []


def test_independent_wording_without_anything_independent() -> None:
    assert pointers(claim("Onafhankelijk onderzoek toont aan dat 12 deelnemers werk vonden."), "IC120") \
        == ["/claims/0/text"]


@pytest.mark.parametrize("text", [
    "Het is een eigen peiling, niet door een onafhankelijke partij afgenomen: 12 deelnemers vonden werk.",
    "Our own survey, not independently verified, found that 12 participants found work.",
    "Er is geen onafhankelijk onderzoek gedaan; 12 deelnemers vonden werk.",
])
def test_independence_that_the_claim_denies_is_not_presented_as_independent(text: str) -> None:
    assert pointers(claim(text), "IC120") == []


def test_a_source_published_by_the_enterprise_is_not_independent() -> None:
    fragment = """
schema_version: "1.1"
organisation:
  name: Buurtbakkerij Het Zuurdesem
outcomes:
  - id: o
    what:
      description: Deelnemers vinden betaald werk.
      polarity: positive
    who:
      stakeholder: Bijstandsgerechtigden
      baseline: Gemiddeld drie jaar zonder werk.
    risks:
      - type: evidence
        level: medium
    evidence:
      level: 2
      sources:
        - title: Evaluatie 2025
          publisher: Het Zuurdesem
          year: 2025
          relation: independent
"""
    assert pointers(fragment, "IC120") == ["/outcomes/0/evidence/sources/0/publisher"]


@pytest.mark.parametrize(("text", "flagged"), [
    ("Wij betalen al onze medewerkers het wettelijk minimumloon.", True),
    ("Wij betalen al onze medewerkers minstens 10% boven het wettelijk minimumloon.", False),
    ("All our jackets come with a 14-day return period.", True),
    ("All our jackets come with a 60-day return period.", False),
    ("Our shop is GDPR compliant.", True),
    ("Geen plastic rietjes in ons café.", True),
    ("Zoals wettelijk verplicht betalen wij het minimumloon; daarboven een dertiende maand.", False),
    ("Bij ons krijgt elke leerling kosteloos veiligheidsschoenen, een helm en gehoorbescherming.", True),
    ("Op stoepen en pleinen bestrijden wij onkruid volledig zonder chemische middelen.", True),
    ("Op onze akkers bestrijden wij onkruid zonder chemische middelen.", False),  # allowed in farming
    ("Geen toeslag op iDEAL, creditcard of pinnen bij het afhaalpunt.", True),
    ("In ons proeflokaal schenken we nooit alcohol aan jongeren onder de 18.", True),
    ("Veiligheid boven alles: op elke steiger hoger dan 2,5 meter werken onze monteurs met valbeveiliging.", True),
    ("Elk jaar deponeren wij onze jaarrekening bij de Kamer van Koophandel.", True),
    ("What sets us apart: every load we receive is reported to the national waste registration point (LMA).", True),
    ("When you buy a phone from us, we take your old one back for free.", True),
    ("Every tiny house is delivered with smoke alarms on every floor.", True),
    ("Al het nieuwe hout dat we inkopen is aantoonbaar legaal gekapt.", True),
    ("Bij elk gerecht vermelden we welke van de veertien allergenen erin zitten.", True),
    ("Wij staan met onze eigen registratie op de VIHB-lijst als inzamelaar.", True),
    ("U rijdt alleen met chauffeurs met een geldige chauffeurskaart.", True),
    # The legal minimum set beside what is paid, or what the law asks said plainly, is no merit claimed.
    ("Fair pay is in our DNA: at least the statutory minimum wage, plus holiday pay.", True),
    ("Deelnemers verdienen minstens 110% van het wettelijk minimumloon.", False),
    ("Het laagste uurloon was 15,50 euro, tegen een wettelijk minimum van 14,06 euro per uur (minimumloon).", False),
    ("Every trainee aged 18 to 20 earns the adult minimum wage; the statutory youth minimum wage would be lower.",
     False),
    ("The GDPR requires that personal data on old devices is handled securely.", False),
    ("Werkt een fiets die je bij ons kocht niet goed, dan repareren of vervangen we hem.", True),
    ("If a lamp you bought from us turns out faulty, we repair or replace it.", True),
    ("Wij hebben een onafhankelijke klachtenfunctionaris voor al onze cliënten.", True),
    ("Zoals de Wkkgz van iedere zorgaanbieder vraagt, hebben wij een klachtenfunctionaris voor cliënten.", False),
    ("Elk shirt heeft een ingenaaid etiket met de exacte vezelsamenstelling.", True),
    ("Every year we publish our fuel mix disclosure, unlike many suppliers.", True),
    ("Wij zijn aangesloten bij de UPV Textiel en betalen mee aan inzameling.", True),
    ("Before dismantling, every car is drained of oil, coolant and brake fluid.", True),
    ("Wie ziek wordt, krijgt bij ons tot twee jaar lang het loon doorbetaald.", True),
    ("Wie ziek wordt, krijgt bij ons twee jaar lang 100% van het loon doorbetaald.", False),
    ("Anders dan veel leerwerkplekken hebben wij een actuele RI&E met plan van aanpak.", True),
    ("Dreigt afsluiting van gas of water, dan heeft u binnen drie werkdagen een eerste gesprek.", True),
    ("Over elk concert dragen wij netjes af aan Buma/Stemra.", True),
    ("Achter de bar staat altijd iemand met de Verklaring Sociale Hygiëne.", True),
    ("Wij selecteren nieuwe huurders zonder onderscheid naar afkomst of geloof.", True),
    ("Al onze nieuwbouwwoningen zijn bijna-energieneutraal (BENG).", True),
    ("Op ons terras krijgt u nooit een plastic wegwerpbeker.", True),
    ("We only fit parts with no lead or cadmium above the EU limits (RoHS-compliant).", True),
])
def test_legal_requirements_as_features(text: str, flagged: bool) -> None:
    assert pointers(claim(text), "IC121") == (["/claims/0/text"] if flagged else [])


def _outcome(contribution: str, extra: str = "") -> str:
    return f"""
outcomes:
  - id: o
    what:
      description: Deelnemers vinden betaald werk.
      polarity: positive
    who:
      stakeholder: Bijstandsgerechtigden
      baseline: Gemiddeld drie jaar zonder werk.
    contribution:
{contribution}
    risks:
      - type: drop-off
        level: medium
{extra}"""


def test_contribution_zero_against_the_statements_own_words() -> None:
    deadweight = "      counterfactual: Ongeveer 20% zou ook zonder ons werk vinden.\n      deadweight: 0"
    assert pointers(_outcome(deadweight), "IC122") == ["/outcomes/0/contribution/deadweight"]
    assert pointers(_outcome(deadweight.replace("deadweight: 0", "deadweight: 20")), "IC122") == []
    partners = "      description: Samen met het UWV en de gemeente begeleiden wij de deelnemers.\n      attribution: 0"
    assert pointers(_outcome(partners), "IC122") == ["/outcomes/0/contribution/attribution"]
    short = "      description: De meeste deelnemers krijgen een tijdelijk contract van zes maanden.\n      drop_off: 0"
    assert pointers(_outcome(short), "IC122") == ["/outcomes/0/contribution/drop_off"]


def test_double_counting_of_contacts_and_persons() -> None:
    fragment = """
metrics:
  - id: visits
    name: Bezoeken aan de inloop
    unit: personen
    kind: count
    value: 900
  - id: members
    name: Leden van de inloop
    unit: personen
    kind: count
    value: 340
claims:
  - id: c
    text: De inloop bereikte dit jaar 1.240 mensen.
    domain: social
    basis:
      metrics: [visits, members]
"""
    assert pointers(fragment, "IC123") == ["/claims/0/text"]
    assert pointers(fragment.replace("1.240 mensen", "340 mensen, die samen 900 keer kwamen"), "IC123") == []


def test_double_counting_of_overlapping_groups() -> None:
    fragment = """
metrics:
  - id: all
    name: Deelnemers
    unit: personen
    kind: count
    value: 100
  - id: women
    name: Vrouwelijke deelnemers
    unit: personen
    kind: count
    value: 60
    part_of: all
  - id: young
    name: Deelnemers jonger dan 27
    unit: personen
    kind: count
    value: 55
    part_of: all
claims:
  - id: c
    text: We bereikten 115 vrouwen en jongeren.
    domain: social
    basis:
      metrics: [women, young]
"""
    assert pointers(fragment, "IC123") == ["/claims/0/text"]


def _sampled(source: str, text: str = "Onze inloop maakt ouderen minder eenzaam.") -> str:
    return f"""
schema_version: "1.1"
outcomes:
  - id: o
    what:
      description: Ouderen voelen zich minder eenzaam.
      polarity: positive
    who:
      stakeholder: Ouderen
      baseline: Bij de start was 46% eenzaam.
    risks:
      - type: evidence
        level: high
    evidence:
      level: 2
      sources:
{source}
claims:
  - id: c
    text: {text}
    domain: social
    basis:
      outcomes: [o]
"""


def test_tiny_samples_from_the_field_and_from_text() -> None:
    structured = ("        - title: Eigen enquête\n          year: 2025\n          relation: own\n"
                  "          sample_size: 7")
    assert pointers(_sampled(structured), "IC124") == ["/claims/0/text"]
    assert pointers(_sampled(structured.replace("sample_size: 7", "sample_size: 70")), "IC124") == []
    written = "        - title: Enquête onder deelnemers (7 van de 212 vulden de vragenlijst in)\n          year: 2025"
    assert pointers(_sampled(written), "IC124") == ["/claims/0/text"]
    # A claim that says how few people it rests on is honest about it.
    assert pointers(_sampled(structured, "Van de 7 ouderen die de enquête invulden, voelen er 5 zich minder eenzaam."),
                    "IC124") == []


def test_outdated_evidence_in_sources_and_metric_methods() -> None:
    old_source = "        - title: Evaluatie\n          publisher: Hogeschool\n          year: 2016"
    assert pointers(_sampled(old_source), "IC125") == ["/outcomes/0/evidence/sources/0/year"]
    assert pointers(_sampled(old_source.replace("2016", "2022")), "IC125") == []
    metric = """
metrics:
  - id: co2
    name: Vermeden uitstoot per fiets
    unit: kg CO2e
    value: 120
    method: Volgens een LCA-studie uit 2014 van TNO.
"""
    assert pointers(metric, "IC125") == ["/metrics/0/method"]


@pytest.mark.parametrize(("text", "flagged"), [
    ("We gooien 40% minder brood weg.", True),
    ("We gooien 40% minder brood weg: van 1.340 naar 800 kg.", False),
    ("Our emissions fell by a third.", True),
])
def test_improvement_without_baseline(text: str, flagged: bool) -> None:
    fragment = f"""
metrics:
  - id: waste
    name: Weggegooid brood
    unit: kg
    value: 800
claims:
  - id: c
    text: "{text}"
    domain: environmental
    basis:
      metrics: [waste]
"""
    assert pointers(fragment, "IC126") == (["/claims/0/text"] if flagged else [])
    baseline = "    value: 800\n    baseline:\n      value: 1340\n      year: 2023\n"
    with_baseline = fragment.replace("    value: 800\n", baseline)
    assert pointers(with_baseline, "IC126") == []


def test_cherry_picked_completers_rate() -> None:
    fragment = """
metrics:
  - id: started
    name: Deelnemers die startten
    unit: personen
    kind: count
    value: 50
  - id: completed
    name: Deelnemers die het traject afrondden
    unit: personen
    kind: count
    value: 20
  - id: rate
    name: Afronders met werk
    unit: "%"
    kind: percentage
    value: 90
claims:
  - id: c
    text: 90% van onze deelnemers vond werk.
    domain: social
    basis:
      metrics: [rate, completed]
"""
    findings = [f for f in check_fragment(fragment) if f.code == "IC127"]
    assert [f.pointer for f in findings] == ["/claims/0/text"]
    assert "20 of the 50" in findings[0].message
    assert pointers(fragment.replace("90% van onze deelnemers vond werk.",
                                     "Van de 50 deelnemers rondden 20 het traject af; 90% van hen vond werk."),
                    "IC127") == []


def test_percentage_against_its_counts() -> None:
    fragment = """
metrics:
  - id: rate
    name: Deelnemers met werk
    unit: "%"
    kind: percentage
    value: 75
    method: Telefonische nabelronde; 9 van de 30 deelnemers hadden werk.
"""
    findings = [f for f in check_fragment(fragment) if f.code == "IC128"]
    assert [(f.pointer, f.severity) for f in findings] == [("/metrics/0/value", Severity.ERROR)]
    assert pointers(fragment.replace("value: 75", "value: 30"), "IC128") == []
    assert pointers(fragment.replace("9 van de 30 deelnemers", "8 van de 12 maanden"), "IC128") == []
    assert pointers(claim("75% (9 van de 30) had na een jaar werk."), "IC128") == ["/claims/0/text"]


def test_a_survey_percentage_is_of_those_who_answered_not_of_all_invited() -> None:
    fragment = """
metrics:
  - id: rating
    name: Gasten die hun verblijf een 8 of hoger gaven
    unit: "%"
    kind: percentage
    value: 91
    method: Eigen gastenenquête; 318 van de 1.020 gasten vulden hem in (31%), van wie 289 een 8 of hoger gaven.
"""
    assert pointers(fragment, "IC128") == []
    # the response alone, without the count the percentage is of, still contradicts it
    assert pointers(fragment.replace(", van wie 289 een 8 of hoger gaven", ""), "IC128") == ["/metrics/0/value"]
    # a thousands separator does not end the clause that says who answered
    assert pointers(claim("In our own user survey (1,130 of 6,000 invited pass holders responded), 94% said "
                          "their bicycle is safe with us."), "IC128") == []


@pytest.mark.parametrize(("text", "flagged"), [
    ("In 2022 hielpen we 40 mensen aan werk.", True),
    ("In 2025 hielpen we 12 mensen aan werk, tegen 8 in 2022.", False),
    ("Sinds 2019 hielpen we 120 mensen aan werk.", False),
])
def test_year_outside_the_period(text: str, flagged: bool) -> None:
    assert pointers(claim(text), "IC129") == (["/claims/0/text"] if flagged else [])


@pytest.mark.parametrize("text", [
    "Wij hadden 3 ongevallen, minder dan de meeste koeriers in de stad.",
    "We had 3 accidents, fewer than most couriers in the city.",
])
def test_a_comparison_with_most_others_needs_a_basis(text: str) -> None:
    assert pointers(claim(text), "IC130") == ["/claims/0/text"]


def test_comparison_without_basis_in_1_0_and_1_1() -> None:
    text = "Wij leiden twee keer zoveel mensen op als de gemiddelde bakkerij."
    assert pointers(claim(text), "IC130") == ["/claims/0/text"]
    sourced = "Wij leiden twee keer zoveel mensen op als de gemiddelde bakkerij (bron: SBB, BPV-monitor 2024)."
    assert pointers(claim(sourced), "IC130") == []
    partial = "    comparison:\n      what: De gemiddelde Nederlandse bakkerij\n      source: SBB BPV-monitor\n"
    findings = [f for f in check_fragment('schema_version: "1.1"\n' + claim(text, extra=partial)) if f.code == "IC130"]
    assert [f.pointer for f in findings] == ["/claims/0/text"] and "comparison.year" in findings[0].message
    complete = partial + "      year: 2024\n"
    assert pointers('schema_version: "1.1"\n' + claim(text, extra=complete), "IC130") == []


def test_a_label_whose_scheme_is_the_enterprises_own_assessment() -> None:
    extra = """    label:
      name: Eerlijk Werk Keurmerk
      scheme: SCHEME
organisation:
  name: Schoonmaakbedrijf Helder B.V.
  trade_name: Helder
"""
    assert pointers(claim("12 deelnemers hadden werk na een jaar.", extra=extra.replace("SCHEME", "Eigen criteria, "
                    "jaarlijks getoetst door onze directie")), "IC106") == ["/claims/0/label"]
    assert pointers(claim("12 deelnemers hadden werk na een jaar.", extra=extra.replace("SCHEME", "Helder-norm")),
                    "IC106") == ["/claims/0/label"]
    assert pointers(claim("12 deelnemers hadden werk na een jaar.", extra=extra.replace("SCHEME", "PSO, getoetst door "
                    "TNO")), "IC106") == []


# -- reading prose -------------------------------------------------------------------------------

def test_numbers_fractions_and_percentages_in_dutch_and_english() -> None:
    assert number("1.250") == number("1,250") == 1250
    assert number("27,5") == number("27.5") == 27.5
    assert [(f.part, f.whole) for f in fractions("9 van de 30 deelnemers, acht van de tien, 7 of 212, 9/30")] \
        == [(9, 30), (8, 10), (7, 212), (9, 30)]
    assert fractions("8 van de 12 maanden") == []
    assert [value for value, _ in percentages("45%, 7,2 procent en 3 percent")] == [45, 7.2, 3]
    assert counts("In 2025 hielpen we 1.240 mensen, 45% van hen") == [2025, 1240]


def test_the_enterprise_is_recognised_by_name_and_by_its_board() -> None:
    own = OwnName.of(Organisation(("organisation",), name="Zorgcoöperatie De Linde U.A.", trade_name="De Linde"))
    assert is_self("Zorgcoöperatie De Linde", own) and is_self("team van De Linde", own)
    assert is_self("Raad van bestuur", own) and is_self("our own survey team", own)
    assert is_self("Hanzehogeschool Groningen", own) is None
    assert is_self("Lindeboom Accountants", own) is None
    # A role word in an institution's name or of an institution is not the enterprise's board.
    assert is_self("Radboud Universiteit, Instituut voor Management Research", own) is None
    assert is_self("the board of Erasmus University", own) is None
    assert is_self("our board, with help from Erasmus University", own) == '"our board"'
    assert is_self("eigen onderzoek met de Hogeschool Utrecht", own)


@pytest.mark.parametrize(("text", "flagged"), [
    ("In onze eigen enquête gaf 91% van de gasten ons een 8 of hoger.", False),
    ("We pay trainees the adult rate instead of the lower youth minimum wage.", False),
    ("30% or more of our staff cycle to work.", False),
    ("Het ziekteverzuim is lager.", True),
    ("Ons gasverbruik daalde met een derde minder dan gepland.", True),
])
def test_thresholds_and_kinds_are_no_change(text: str, flagged: bool) -> None:
    fragment = claim(text, metrics="[started]")
    assert pointers(fragment, "IC126") == (["/claims/0/text"] if flagged else [])


def test_a_cohort_named_for_its_starting_year_is_no_figure_of_that_year() -> None:
    fragment = """
reporting_period:
  start: "2025-01-01"
  end: "2025-12-31"
metrics:
  - id: stopped
    name: Leerlingen van 2024 die voortijdig stopten
    unit: personen
    kind: count
    value: 5
  - id: work
    name: Starters van 2024 met betaald werk een jaar na afronding
    unit: personen
    kind: count
    value: 8
  - id: old
    name: Deelnemers 2024
    unit: personen
    kind: count
    value: 16
"""
    assert pointers(fragment, "IC129") == ["/metrics/2/name"]


def test_a_success_rate_of_repairs_is_not_weighed_against_trainees_who_dropped_out() -> None:
    fragment = """
metrics:
  - id: starters
    name: Leerlingen die in 2024 startten
    unit: personen
    kind: count
    value: 16
  - id: finished
    name: Leerlingen die het traject afrondden
    unit: personen
    kind: count
    value: 8
    part_of: starters
  - id: repairs
    name: Uitgevoerde reparaties
    unit: reparaties
    kind: count
    value: 3180
  - id: repaired
    name: Geslaagde reparaties
    unit: reparaties
    kind: count
    value: 2510
    part_of: repairs
  - id: rate
    name: Slagingspercentage reparaties
    unit: "%"
    kind: percentage
    value: 79
    method: Geslaagde reparaties gedeeld door alle reparaties.
claims:
  - id: c
    text: "Ons slagingspercentage was 79%."
    domain: environmental
    basis:
      metrics: [{basis}]
"""
    assert pointers(fragment.format(basis="repairs, repaired, rate"), "IC127") == []
    # a completers' rate with no completers in the basis is still weighed against those who started
    assert pointers(fragment.format(basis="rate"), "IC127") == ["/claims/0/text"]


def test_people_who_passed_an_exam_are_an_outcome() -> None:
    fragment = """
outcomes:
  - id: exam
    what:
      description: Deelnemers halen het staatsexamen NT2 B1.
      polarity: positive
    who:
      stakeholder: Nieuwkomers in Schiedam
    metrics: [took, passed]
metrics:
  - id: took
    name: Deelnemers die het staatsexamen NT2 B1 aflegden
    unit: personen
    kind: count
    value: 52
  - id: passed
    name: Deelnemers die voor het staatsexamen NT2 B1 slaagden
    unit: personen
    kind: count
    value: 34
"""
    assert pointers(fragment, "IC109") == []
    assert pointers(fragment.replace("metrics: [took, passed]", "metrics: [took]"), "IC109") == ["/outcomes/0/metrics"]


@pytest.mark.parametrize(("method", "flagged"), [
    ("Own survey: 68 of the 190 regular gardeners responded; 20 of the 68 scored lonely.", False),
    ("Own survey: 12 of the 190 regular gardeners responded; 5 of the 12 scored lonely.", True),
    ("Own questionnaire; 81 children attended at least ten of the twelve sessions.", False),
])
def test_who_answered_a_survey(method: str, flagged: bool) -> None:
    fragment = f"""
metrics:
  - id: lonely
    name: Regular gardeners who feel lonely
    unit: "%"
    kind: percentage
    value: 29
    method: "{method}"
claims:
  - id: c
    text: "Fewer of our gardeners feel lonely: 29%."
    domain: social
    basis:
      metrics: [lonely]
"""
    assert bool(pointers(fragment, "IC124")) is flagged


def test_a_date_in_a_method_is_no_count() -> None:
    fragment = """
metrics:
  - id: permanent
    name: Medewerkers uit de doelgroep met een vast contract
    unit: "%"
    kind: percentage
    value: 75
    method: Op 31 december 2025 hadden 18 van de 41 medewerkers uit de doelgroep een vast contract.
"""
    assert pointers(fragment, "IC128") == ["/metrics/0/value"]  # 31 of 41 is a date and a total, not 75%


def _summed(method: str, members: str) -> str:
    return f"""
schema_version: "1.1"
metrics:
  - id: total
    name: Betrokken huishoudens
    unit: huishoudens
    kind: count
    population: other
    value: 3930
    method: "{method}"
  - id: members
    name: Leden van de coöperatie
    unit: huishoudens
    kind: count
    value: 1620
  - id: subscribers
    name: Huishoudens met een ophaalabonnement
    unit: huishoudens
    kind: count
    value: 2310
    method: "{members}"
"""


def test_a_sum_of_groups_that_a_method_says_overlap() -> None:
    overlapping = _summed("Leden (1.620) plus abonnees (2.310).",
                          "Alle 1.620 leden hebben zo'n abonnement; daarnaast 690 niet-leden.")
    assert pointers(overlapping, "IC123") == ["/metrics/0/value"]
    assert pointers(_summed("Leden (1.620) plus abonnees (2.310).", "Huishoudens met een lopend abonnement."),
                    "IC123") == []
    including = _summed("Leden (1.620) plus abonnees (2.310).", "Alle abonnees, inclusief de 1.620 leden.")
    assert pointers(including, "IC123") == ["/metrics/0/value"]


def test_rides_and_visits_per_class_are_contacts() -> None:
    fragment = """
metrics:
  - id: members
    name: Leden met een kortingstarief
    unit: personen
    kind: count
    value: 380
  - id: rides
    name: Ritten met een deelauto door leden
    unit: ritten
    kind: count
    value: 1080
claims:
  - id: c
    text: "In 2025 hielpen we maar liefst 1.460 Almeerders op weg."
    domain: social
    basis:
      metrics: [members, rides]
"""
    assert pointers(fragment, "IC123") == ["/claims/0/text"]  # no people word, but persons and rides added
    per_visit = """
metrics:
  - id: reached
    name: Children reached by the farm
    unit: children
    kind: count
    value: 1076
    method: Children enrolled in daycare (138) plus pupils of visiting schools (938).
  - id: enrolled
    name: Children enrolled in daycare
    unit: children
    kind: count
    value: 138
  - id: pupils
    name: Pupils on school trips to the farm
    unit: pupils
    kind: count
    value: {pupils}
    method: Pupils counted per class visit; most schools came two or three times.
"""
    assert pointers(per_visit.format(pupils=938), "IC123") == ["/metrics/0/value"]
    assert pointers(per_visit.format(pupils=900), "IC123") == []


def _every_unit(text: str, domain: str) -> str:
    return f"""
metrics:
  - id: total
    name: Green coffee roasted
    unit: t
    kind: mass
    value: 61
  - id: rwanda
    name: Green coffee from the Rwandan cooperatives
    unit: t
    kind: mass
    value: 38
    part_of: total
claims:
  - id: c
    text: "{text}"
    domain: {domain}
    basis:
      metrics: [rwanda, total]
"""


@pytest.mark.parametrize(("text", "domain", "flagged"), [
    ("Every bean we roast is fairly traded.", "social", True),
    ("Elke druppel is gebrouwen op de kracht van de zon.", "environmental", True),
    ("Alles wat wij wassen doen we op stroom uit de zon.", "environmental", True),
    ("ReCircuit is a zero-landfill recycler.", "environmental", True),
    ("38 of the 61 tonnes we roast is fairly traded.", "social", False),
    ("Nine of our fourteen young people go back to school full time, volledig.", "social", False),
])
def test_every_unit_of_what_is_made_is_a_claim_about_the_whole(text: str, domain: str, flagged: bool) -> None:
    assert pointers(_every_unit(text, domain), "IC119") == (["/claims/0/text"] if flagged else [])


@pytest.mark.parametrize(("method", "domain", "flagged"), [
    ("Follow-up calls with nine customers who bought a phone from us.", "environmental", True),
    ("Average of the four ratings clients gave in our online feedback form.", "social", True),
    ("Questionnaire sent to all 112 families; 4 parents returned it, and all 4 would recommend us.", "social", True),
    ("Drie van de vier deelnemers die we hierover spraken, hadden vrienden gemaakt.", "social", True),
    ("Meter readings of 24 of our roofs.", "environmental", False),  # things measured, not people asked
    ("Follow-up calls with ninety customers who bought a phone from us.", "environmental", False),
])
def test_people_asked_in_words_and_under_environmental_claims(method: str, domain: str, flagged: bool) -> None:
    fragment = f"""
metrics:
  - id: m
    name: Average years a phone is kept
    unit: years
    kind: time
    value: 3.4
    method: "{method}"
claims:
  - id: c
    text: "On average, our customers keep their phone for three years or more."
    domain: {domain}
    basis:
      metrics: [m]
"""
    assert pointers(fragment, "IC124") == (["/claims/0/text"] if flagged else [])


@pytest.mark.parametrize(("name", "text", "flagged"), [
    ("Applications to our walker programme", "42 autistic adults have found their way into work through us.", True),
    ("Huishoudens die zich in 2025 aanmeldden", "Dankzij ons zijn 42 Almeerse huishoudens uit de vervoersarmoede.",
     True),
    ("App downloads in 2025", "In 2025 we kept 42 households out of problem debt.", True),
    ("Trainees who started a workshop placement", "This year 42 refugees integrated into Dutch society.", True),
    ("Pupils who took part in a school garden lesson", "Our lessons taught 42 children to eat healthily.", True),
    ("Adults in paid work a year after the programme", "42 adults have found their way into work through us.",
     False),
])
def test_outputs_presented_as_a_change(name: str, text: str, flagged: bool) -> None:
    fragment = f"""
metrics:
  - id: m
    name: {name}
    unit: people
    kind: count
    value: 42
claims:
  - id: c
    text: "{text}"
    domain: social
    basis:
      metrics: [m]
"""
    assert pointers(fragment, "IC109") == (["/claims/0/text"] if flagged else [])


@pytest.mark.parametrize(("name", "flagged"), [
    ("Leerlingen die het branchediploma haalden", True),
    ("Deelnemers die in 2025 hun diploma behaalden", True),
    ("Leerlingen die het laatste examenblok bereikten", True),
    ("Leerlingen die in 2025 bij ons werkten", False),  # no completers: no completers' rate to weigh
])
def test_completers_named_by_their_diploma(name: str, flagged: bool) -> None:
    fragment = f"""
metrics:
  - id: started
    name: Leerlingen die begonnen aan de vakopleiding
    unit: personen
    kind: count
    value: 57
  - id: completed
    name: {name}
    unit: personen
    kind: count
    value: 20
    part_of: started
  - id: rate
    name: Gediplomeerden met een baan na drie maanden
    unit: "%"
    kind: percentage
    value: 90
claims:
  - id: c
    text: "Negen op de tien leerlingen vinden binnen drie maanden een baan: 90%."
    domain: social
    basis:
      metrics: [rate]
"""
    assert pointers(fragment, "IC127") == (["/claims/0/text"] if flagged else [])


def test_a_share_that_manages_by_itself_and_a_subsidising_municipality() -> None:
    deadweight = ("      counterfactual: Volgens de gemeentelijke monitor vindt ongeveer een kwart van vergelijkbare "
                  "bijstandsgerechtigden binnen een jaar zonder traject zelf werk.\n      deadweight: 0")
    assert pointers(_outcome(deadweight), "IC122") == ["/outcomes/0/contribution/deadweight"]
    assert pointers(_outcome(deadweight.replace("deadweight: 0", "deadweight: 25")), "IC122") == []
    subsidy = "      description: De gemeente Deventer subsidieert de bakfietsen.\n      attribution: 0"
    assert pointers(_outcome(subsidy), "IC122") == ["/outcomes/0/contribution/attribution"]


def test_a_compound_change_word_and_an_older_count_whose_own_year_is_not_counted_yet() -> None:
    assert pointers(claim("Sinds we met inkt op waterbasis drukken, is ons inktverbruik flink omlaaggegaan.",
                          metrics="[started]"), "IC126") == ["/claims/0/text"]
    fragment = """
reporting_period:
  start: "2025-01-01"
  end: "2025-12-31"
metrics:
  - id: moved-on
    name: Medewerkers die doorstroomden naar een baan bij een reguliere kweker
    unit: personen
    kind: count
    value: 9
    method: "Doorstroom in 2023 (negen personen); {rest}"
"""
    assert pointers(fragment.format(rest="de telling over 2025 is nog niet afgerond."), "IC129") \
        == ["/metrics/0/method"]
    assert pointers(fragment.format(rest="zij werken daar nog steeds."), "IC129") == []  # a cohort, followed up


def test_a_source_published_by_the_enterprises_owner_is_not_independent() -> None:
    fragment = """
schema_version: "1.1"
organisation:
  name: Sociale Supermarkt De Schakel B.V.
social_enterprise:
  mission_lock: foundation-shares
  mission_lock_description: Stichting Schakel Twente holds all shares of De Schakel B.V. and appoints its director.
outcomes:
  - id: o
    what:
      description: Huishoudens met een laag inkomen eten gezonder.
      polarity: positive
    who:
      stakeholder: Huishoudens met een laag inkomen
    risks:
      - type: evidence
        level: medium
    evidence:
      level: 2
      sources:
        - title: Independent evaluation 2025
          publisher: {publisher}
          year: 2025
          relation: independent
"""
    assert pointers(fragment.format(publisher="Stichting Schakel Twente"), "IC120") \
        == ["/outcomes/0/evidence/sources/0/publisher"]
    assert pointers(fragment.format(publisher="Hogeschool Saxion"), "IC120") == []


# -- the seventh held-out part, used for tuning once the eighth was written ----------------------

def test_a_standards_number_in_a_certified_label_claim_is_no_figure() -> None:
    fragment = """
claims:
  - id: iso
    text: TEXT
    domain: environmental
    label:
      name: LABEL
      scheme: ISO 14001 environmental management systems
      authority: Kiwa Nederland (accredited by the Dutch Accreditation Council RvA)
    verification:
      status: third-party
      by: Kiwa Nederland
"""
    certified = fragment.replace("TEXT", "Our environmental management system is certified to ISO 14001:2015.")
    assert pointers(certified.replace("LABEL", "ISO 14001:2015"), "IC101") == []
    assert pointers(certified.replace("LABEL", "R2v3"), "IC101") == []  # the standard's number alone
    named = fragment.replace("TEXT", "Onze werkplaats is gecertificeerd volgens R2v3.").replace("LABEL", "R2v3")
    assert pointers(named, "IC101") == []
    # a figure of the enterprise's own still needs a basis
    assert pointers(named.replace("volgens R2v3.", "volgens R2v3 en recyclet 4.100 laptops per jaar."),
                    "IC101") == ["/claims/0"]
    # management as a discipline is no management team assessing itself
    assert pointers(certified.replace("LABEL", "ISO 14001:2015"), "IC106") == []


def test_a_ratio_in_percent_may_pass_100_but_a_share_may_not() -> None:
    fragment = """
metrics:
  - id: wage
    name: Laagste uurloon als deel van het wettelijk minimumuurloon
    unit: "%"
    kind: KIND
    value: 112
"""
    assert pointers(fragment.replace("KIND", "ratio"), "IC114") == []
    assert pointers(fragment.replace("KIND", "percentage"), "IC114") == ["/metrics/0/value"]
    assert pointers(fragment.replace("KIND", "ratio").replace("112", "-4"), "IC114") == ["/metrics/0/value"]


def test_what_a_buyer_demands_of_everyone_is_no_figure_of_the_claim() -> None:
    fragment = """
metrics:
  - id: share
    name: Aandeel social return in de aanneemsom
    unit: "%"
    kind: percentage
    value: 11
claims:
  - id: c
    text: "De gemeente vraagt 5% social return op de aanneemsom, zoals van elke aannemer; wij kwamen uit op 11%."
    domain: social
    basis:
      metrics: [share]
"""
    assert pointers(fragment, "IC114") == []
    assert pointers(fragment.replace("wij kwamen uit op 11%", "wij kwamen uit op 14%"), "IC114") == ["/claims/0/text"]


@pytest.mark.parametrize(("text", "flagged"), [
    # who replied, who was reached: the percentage is of them
    ("In onze eigen klantenenquête (186 van de 540 klanten reageerden) zei 90% ons aan te bevelen.", False),
    ("In onze eigen nabelronde (150 van de 212 bereikt) fietste 72% zelfstandig naar school.", False),
    ("In onze eigen klantenenquête zei 90% (186 van de 540 klanten) ons aan te bevelen.", True),
])
def test_a_claims_response_count_is_no_share(text: str, flagged: bool) -> None:
    assert pointers(claim(text), "IC128") == (["/claims/0/text"] if flagged else [])


def test_a_metrics_sample_is_who_was_asked_not_the_share() -> None:
    fragment = """
metrics:
  - id: income
    name: Average income of member households as a share of the living income benchmark
    unit: "%"
    kind: percentage
    value: 58
    method: Household survey among a random sample of 412 of the 1,240 member households.
"""
    assert pointers(fragment, "IC128") == []
    # the count the value is of, in the same method, is still checked
    assert pointers(fragment.replace("a random sample of", "the"), "IC128") == ["/metrics/0/value"]


def test_only_an_environmental_future_claim_needs_an_independent_verifier() -> None:
    fragment = """
claims:
  - id: c
    text: We hebben nu 48 werkervaringsplaatsen; ons doel is 60 plaatsen in 2027.
    domain: DOMAIN
    future_commitment:
      target_value: 60
      target_year: 2027
      plan: Een derde winkel met reparatiewerkplaats, gepland voor 2026.
"""
    assert pointers(fragment.replace("DOMAIN", "social"), "IC105") == []
    assert pointers(fragment.replace("DOMAIN", "environmental"), "IC105") == ["/claims/0/future_commitment"]
    # without a plan a social commitment is still incomplete
    assert pointers(fragment.replace("DOMAIN", "social").replace(
        "      plan: Een derde winkel met reparatiewerkplaats, gepland voor 2026.\n", ""), "IC105") \
        == ["/claims/0/future_commitment"]


@pytest.mark.parametrize(("text", "domain", "flagged"), [
    ("Onze uitstoot daalde naar 61 ton; die komt van aardgas, dus klimaatneutraal zijn we nog niet.",
     "environmental", False),
    ("We are not yet carbon neutral: 61 tonnes of CO2e came from gas.", "environmental", False),
    ("Wij zijn niet alleen duurzaam maar ook lokaal.", "environmental", True),
    ("Our shop is not only green but fair.", "environmental", True),
    ("De elektriciteit van onze werkplaats is 100% groene stroom van Nederlandse windparken.", "environmental",
     False),
    ("De elektriciteit van onze werkplaats is 100% groene stroom.", "environmental", True),
    ("15 oud-deelnemers stroomden duurzaam uit: zij hadden een contract van minstens twaalf maanden.", "social",
     False),
])
def test_denied_and_specific_terms_are_no_generic_claims(text: str, domain: str, flagged: bool) -> None:
    assert pointers(claim(text, domain=domain), "IC102") == (["/claims/0/text"] if flagged else [])


@pytest.mark.parametrize(("text", "flagged"), [
    ("Al onze begeleiders werken volgens de meldcode huiselijk geweld en kindermishandeling.", True),
    ("Iedere leerling krijgt een schriftelijke praktijkovereenkomst, ondertekend door school en leerbedrijf.", True),
    ("Every bike we sell comes standard with a bell and reflectors on both wheels and pedals.", True),
    ("Al onze hennepblokken zijn gegarandeerd vrij van asbest.", True),
    ("Ieder lid ziet op zijn jaarafrekening uit welke bronnen zijn stroom komt.", True),
    ("All our refurbished laptops comply with RoHS.", True),
    ("Every can of our beer carries a 15 cent deposit, so the cans come back.", True),
    ("Scholieren van 13 en 14 jaar werken bij ons nooit langer dan 7 uur per dag.", True),
    ("In our coffee bar every drink at the table is served in a real cup - no disposable cups for guests who stay.",
     True),
    ("Thanks to our deposit cups we used 14,500 disposable cups for takeaway drinks, against 38,000 in 2023.", False),
    ("Ons frituurvet laten we ophalen door een erkende inzamelaar.", True),
    ("Bij onze bibliotheek zijn kinderen tot 18 jaar gratis lid.", True),
    ("Op al onze bouwplaatsen werken we met een V&G-plan en een veiligheidscoördinator.", True),
    ("Naast het wettelijk verplichte V&G-plan krijgt elke deelnemer 16 uur veiligheidstraining.", False),
    ("Bij ons loopt je loon gewoon door als je ziek bent: tot twee jaar lang krijg je minstens 70% doorbetaald.",
     True),
    ("Every technician holds a personal F-gas certificate.", True),
    ("Onze verhuiswagens rijden met een digitale tachograaf en onze chauffeurs hebben code 95.", True),
    ("Anders dan commerciële bemiddelaars brengen wij nooit kosten in rekening voor het regelen van schulden.", True),
    ("Van elk glazuur voor ons servies laten we de afgifte van lood en cadmium meten.", True),
    ("Every batch of our leather contains no chromium VI above 3 mg/kg.", True),
    ("Voor elke partij hout doen wij een zorgvuldigheidsonderzoek naar legale kap.", True),
    ("Safety shoes and cut-resistant gloves are on us: we never deduct a cent for them.", True),
    ("We take back your old e-bike battery free of charge, wherever you bought it.", True),
    ("Anyone who rides for more than five and a half hours gets a break of at least half an hour.", True),
    ("Anyone who rides for more than five and a half hours gets a break of at least 45 minutes, more than the "
     "law asks.", False),
])
def test_more_legal_requirements_as_features(text: str, flagged: bool) -> None:
    assert pointers(claim(text), "IC121") == (["/claims/0/text"] if flagged else [])


@pytest.mark.parametrize(("text", "name", "value", "flagged"), [
    ("In 2025 vonden 41 Apeldoorners via ons een baan in het groen.", "Gestarte proefplaatsingen bij hoveniers", 41,
     True),
    ("In 2025 begeleidden we 112 Emmenaren van de uitkering naar een nieuwe start.", "Aanmeldingen via het Werkplein",
     112, True),
    ("Through us, 212 young people found their way into technical education.", "Sign-ups for the taster track", 212,
     True),
    ("We helped 2,300 young Frisians become financially independent.", "Pupils who attended a money workshop", 2300,
     True),
    ("In 2025, 64 people swapped their benefit for a pay slip.", "Trial placement agreements signed", 64, True),
    ("In 2025 hielpen we 85 jongeren aan een baan.", "Jongeren die de sollicitatietraining volgden", 85, True),
    ("Thanks to us, 215 more children are now water-safe.", "Children enrolled in diploma lessons", 215, True),
    # a count of people in the changed situation is the outcome itself
    ("In 2025 vonden 41 Apeldoorners via ons een baan in het groen.", "Deelnemers met betaald werk na een jaar", 41,
     False),
    ("Thanks to us, 215 more children are now water-safe.", "Children with an A diploma", 215, False),
])
def test_outputs_counted_as_a_change_in_more_words(text: str, name: str, value: int, flagged: bool) -> None:
    fragment = f"""
metrics:
  - id: m
    name: {name}
    unit: people
    kind: count
    value: {value}
claims:
  - id: c
    text: "{text}"
    domain: social
    basis:
      metrics: [m]
"""
    assert pointers(fragment, "IC109") == (["/claims/0/text"] if flagged else [])


@pytest.mark.parametrize(("text", "domain", "flagged"), [
    ("Onze hele deelvloot rijdt elektrisch.", "environmental", True),
    ("Op De Hooiberg is alles biologisch.", "environmental", True),
    ("Zaanoogst sloopt afvalloos.", "environmental", True),
    ("Al het textiel dat binnenkomt krijgt een nieuw leven.", "environmental", True),
    ("ReBoot is a climate-neutral company.", "environmental", True),
    ("Every euro lent through KapitaalKring goes to an enterprise with impact.", "economic", True),
    ("Every bag of Eemland Koffie is fairly traded.", "economic", True),
    ("34 van onze 41 deelauto's rijden elektrisch.", "environmental", False),
    ("We drive the whole day on electricity in 34 of our 41 cars.", "environmental", False),
])
def test_more_words_for_the_whole(text: str, domain: str, flagged: bool) -> None:
    assert pointers(_every_unit(text, domain), "IC119") == (["/claims/0/text"] if flagged else [])


def test_a_share_of_a_part_given_as_a_share_of_the_whole() -> None:
    fragment = """
metrics:
  - id: material
    name: Bouwmateriaal op alle projecten
    unit: ton
    kind: mass
    value: 3200
  - id: wood
    name: Hout en houten kozijnen
    unit: ton
    kind: mass
    value: 320
    part_of: material
  - id: wood-reused
    name: Hergebruikt hout
    unit: ton
    kind: mass
    value: 288
    part_of: wood
claims:
  - id: c
    text: TEXT
    domain: environmental
    basis:
      metrics: [wood-reused]
"""
    findings = [f for f in check_fragment(fragment.replace("TEXT", "90% van ons bouwmateriaal is hergebruikt."))
                if f.code == "IC119"]
    assert [f.pointer for f in findings] == ["/claims/0/text"]
    assert "288 of 320 ton of 'wood' (90%), which is 320 of 3200 ton of 'material' (10%)" in findings[0].message
    # the claim that names the part says what it covers
    assert pointers(fragment.replace("TEXT", "90% van ons hout is hergebruikt."), "IC119") == []


def test_a_verifier_or_publisher_the_statement_calls_its_own() -> None:
    fragment = """
schema_version: "1.1"
organisation:
  name: De Maasbleek B.V.
  contact:
    name: Marieke Janssen
    role: Founder
metrics:
  - id: m
    name: Deelnemers met betaald werk na een jaar
    unit: personen
    kind: count
    value: 12
outcomes:
  - id: o
    what:
      description: Deelnemers vinden betaald werk.
      polarity: positive
    who:
      stakeholder: Bijstandsgerechtigden
    contribution:
      description: De evaluatie deed Kessels Impact Advies, het adviesbureau van onze bestuursvoorzitter.
    risks:
      - type: evidence
        level: medium
    evidence:
      level: 2
      sources:
        - title: Evaluatie 2025
          publisher: Kessels Impact Advies
          year: 2025
          relation: independent
claims:
  - id: c
    text: 12 deelnemers hadden na een jaar betaald werk.
    domain: social
    basis:
      metrics: [m]
    verification:
      status: third-party
      by: VERIFIER
"""
    both = ["/claims/0/verification/by", "/outcomes/0/evidence/sources/0/publisher"]
    assert sorted(pointers(fragment.replace("VERIFIER", "Marieke Janssen"), "IC120")) == both  # the contact person
    assert sorted(pointers(fragment.replace("VERIFIER", "Kessels Impact Advies"), "IC120")) == both
    outside = fragment.replace("VERIFIER", "Accountantskantoor Van Dijk").replace(
        ", het adviesbureau van onze bestuursvoorzitter", "")
    assert pointers(outside, "IC120") == []


@pytest.mark.parametrize(("told", "flagged"), [
    ("Meter readings were available for 6 of the 1,150 households visited.", True),
    ("Gemeten bij de 3 van de 27 statushouders die zowel de begin- als de eindtoets maakten.", True),
    ("Based on conversations with 4 of our 340 pupils.", True),
    ("In de gesprekken vertelden vier van de vijf klanten dat ze beter slapen.", True),
    ("4 van de 6 leerlingen die het evaluatieformulier terugstuurden.", True),
    # a result over the whole cohort is no sample
    ("12 van de 18 gestarte leerlingen hadden werk, gemeten in 2025 door het Kenniscentrum.", False),
])
def test_small_samples_in_more_words(told: str, flagged: bool) -> None:
    fragment = f"""
outcomes:
  - id: o
    what:
      description: Deelnemers zijn er beter aan toe.
      polarity: positive
    who:
      stakeholder: Deelnemers
      size: 1150
    how_much:
      scale: "{told}"
    risks:
      - type: evidence
        level: medium
claims:
  - id: c
    text: Onze deelnemers zijn er aantoonbaar beter aan toe.
    domain: social
    basis:
      outcomes: [o]
"""
    assert pointers(fragment, "IC124") == (["/claims/0/text"] if flagged else [])


@pytest.mark.parametrize(("method", "flagged"), [
    ("Opgeteld: 112 deelnemers, 61 vrijwilligers en 217 trainingsdeelnames; wie meerdere trainingen volgde, telt per "
     "training.", True),
    ("Sum of our 48 employees (payroll headcount, which includes the trainees on a contract), 61 trainees and 35 "
     "volunteers.", True),
    ("Sum of our 48 employees (payroll headcount, which includes 5 interns) and 35 volunteers.", False),
])
def test_a_summing_method_that_counts_people_twice(method: str, flagged: bool) -> None:
    fragment = f"""
metrics:
  - id: people
    name: People involved
    unit: persons
    kind: count
    value: 390
    method: "{method}"
"""
    assert pointers(fragment, "IC123") == (["/metrics/0/value"] if flagged else [])


def test_a_label_checked_by_the_enterprises_own_people_or_named_for_its_brand() -> None:
    extra = """    label:
      name: Roasted Right
      scheme: SCHEME
organisation:
  name: Lindenberg Roasting Company B.V.
  trade_name: Lindenberg Roasters
  municipality: Nijmegen
"""
    def label(scheme: str) -> list[str]:
        return pointers(claim("12 deelnemers hadden werk na een jaar.", extra=extra.replace("SCHEME", scheme)),
                        "IC106")
    assert label("Direct contract criteria, checked by our green-coffee buyer on farm visits") == ["/claims/0/label"]
    assert label("Eigen checklist van onze werkplaatschef") == ["/claims/0/label"]
    assert label("Lindenberg sourcing criteria") == ["/claims/0/label"]  # the brand both names share
    assert label("Fairtrade Standard for Small-scale Producer Organizations, audited by FLOCERT") == []
    # a place both names share is no brand
    placed = extra.replace("Lindenberg Roasting Company B.V.", "Koffie Nijmegen B.V.").replace(
        "Lindenberg Roasters", "Koffie Nijmegen")
    assert pointers(claim("12 deelnemers hadden werk na een jaar.", extra=placed.replace(
        "SCHEME", "Keurmerk van de Gemeente Nijmegen")), "IC106") == []


CHERRY = """
metrics:
  - id: started
    name: Cursisten gestart met de opleiding
    unit: personen
    kind: count
    value: 58
  - id: passed
    name: Geslaagde cursisten
    unit: "%"
    kind: percentage
    value: 95
    method: 19 van de 20 cursisten die in 2025 examen deden, slaagden.
claims:
  - id: c
    text: TEXT
    domain: social
    basis:
      metrics: [passed]
"""


@pytest.mark.parametrize(("text", "flagged"), [
    ("95% van onze cursisten haalt het diploma.", True),
    ("Van de 58 cursisten die begonnen, stopten er 31 voortijdig; van wie examen deed, slaagde 95%.", False),
])
def test_a_rate_over_those_who_sat_the_exam_counted_only_in_its_method(text: str, flagged: bool) -> None:
    assert pointers(CHERRY.replace("TEXT", text), "IC127") == (["/claims/0/text"] if flagged else [])


def test_a_rate_in_words_over_completers() -> None:
    fragment = """
metrics:
  - id: all
    name: Deelnemers in een werkfit-traject
    unit: personen
    kind: count
    value: 88
  - id: done
    name: Deelnemers die hun traject volledig afrondden
    unit: personen
    kind: count
    value: 19
    part_of: all
claims:
  - id: c
    text: TEXT
    domain: social
    basis:
      metrics: [done]
"""
    assert pointers(fragment.replace("TEXT", "Wie het traject doorloopt, heeft in 9 van de 10 gevallen een baan."),
                    "IC127") == ["/claims/0/text"]
    assert pointers(fragment.replace("TEXT", "Alle jongeren uit het traject hebben een vervolgplek."),
                    "IC127") == ["/claims/0/text"]
    assert pointers(fragment.replace("TEXT", "19 deelnemers rondden hun traject af."), "IC127") == []


@pytest.mark.parametrize(("method", "flagged"), [
    ("Aantal verschillende scholieren op de roosters van het zomerseizoen 2024.", True),
    ("Totaal van de weeglijsten van vorig jaar (2024); die over dit jaar zijn nog niet verwerkt.", True),
    ("New employment contracts signed, taken from our HR annual report 2023.", True),
    ("Counted from the 2023 till export, because the supplier has not yet delivered the 2025 export.", True),
    ("Telling van de roosters van het zomerseizoen 2025.", False),
])
def test_a_metric_whose_method_dates_its_data_to_an_earlier_year(method: str, flagged: bool) -> None:
    fragment = f"""
metrics:
  - id: m
    name: Scholieren met een bijbaan
    unit: personen
    kind: count
    value: 42
    method: "{method}"
"""
    assert pointers(fragment, "IC129") == (["/metrics/0/method"] if flagged else [])


@pytest.mark.parametrize(("counterfactual", "description", "field"), [
    ("Zonder ons had ongeveer een derde het apparaat door een andere reparateur laten maken.", "", "deadweight"),
    ("Without us, most subscribers would receive meals from another caterer.", "", "deadweight"),
    ("Home care and district nursing visit many of our subscribers every week.", "", "attribution"),
    ("Most of our pupils also attend the homework class of their own school.", "", "attribution"),
    ("", "About 60% of our places are paid for by the municipality.", "attribution"),
])
def test_the_counterfactual_names_others_who_would_or_do_bring_the_change(
        counterfactual: str, description: str, field: str) -> None:
    assert pointers(_outcome(f"""      deadweight: 0
      attribution: 0
      drop_off: 10
      counterfactual: "{counterfactual or 'Zonder ons blijven zij thuis zitten.'}"
      description: "{description or 'Wij begeleiden alle deelnemers zelf.'}"
"""), "IC122") == [f"/outcomes/0/contribution/{field}"]


@pytest.mark.parametrize(("name", "method", "flagged"), [
    ("Households that registered in 2022", "", False),  # a cohort, followed up now
    ("Werkervaringsplekken die in 2024 afliepen", "", False),
    ("Average gain on the motor skills test", "Difference between the tests in September 2024 and June 2025.", False),
    ("Meals served", "Meals served in 2023; our count for 2025 was not complete when we wrote this.", True),
    ("Bills paid on time", "Figure of the 2024 evaluation; the 2025 figure will only be available in 2026.", True),
])
def test_an_earlier_year_that_starts_a_cohort_or_is_followed_up_in_the_period(
        name: str, method: str, flagged: bool) -> None:
    fragment = f"""
metrics:
  - id: m
    name: "{name}"
    unit: personen
    kind: count
    value: 42
    method: "{method or 'Telling uit de eigen administratie.'}"
"""
    assert bool(pointers(fragment, "IC129")) is flagged


@pytest.mark.parametrize(("text", "flagged"), [
    ("88% of our cleaners have a permanent contract; the sector average in 2024 was 58%.", False),
    ("We werken met twee keer zoveel collega's als in 2021: van 7 naar 14.", False),
    ("In 2022 hielpen we 40 mensen aan werk.", True),
])
def test_a_claims_earlier_year_beside_others_figure_or_a_comparison(text: str, flagged: bool) -> None:
    assert pointers(claim(text), "IC129") == (["/claims/0/text"] if flagged else [])


@pytest.mark.parametrize(("text", "flagged"), [
    ("We pay 6% more: EUR 16.02 an hour instead of the CAO scale of EUR 15.11.", False),
    ("In our own survey, 59% said they feel less physical strain than a year ago.", False),
    ("In onze eigen enquête zei 70% dat ze door ons minder nieuwe spullen kopen.", False),
    ("We throw away 40% less bread than before.", True),
])
def test_a_change_set_beside_its_reference_or_reported_by_people_themselves(text: str, flagged: bool) -> None:
    assert pointers(claim(text, metrics="[started]"), "IC126") == (["/claims/0/text"] if flagged else [])


def test_a_rate_over_everyone_who_started_hides_no_drop_out() -> None:
    fragment = """
metrics:
  - id: cohort
    name: Households that registered in 2022
    unit: households
    kind: count
    value: 214
  - id: completed
    name: Households of the 2022 cohort that completed their trajectory
    unit: households
    kind: count
    value: 131
    part_of: cohort
  - id: solved
    name: Debt-free or stable three years after registration (NAME)
    unit: "%"
    kind: percentage
    value: 58
claims:
  - id: c
    text: Three years after registering, 58% of the households that came to us in 2022 were debt-free.
    domain: social
    basis:
      metrics: [solved, cohort, completed]
"""
    assert pointers(fragment.replace("NAME", "drop-outs included"), "IC127") == []
    assert pointers(fragment.replace("NAME", "of those who completed"), "IC127") == ["/claims/0/text"]


@pytest.mark.parametrize(("text", "flagged"), [
    ("In onze winkel krijgt u geen gratis plastic tasjes.", True),
    ("Wij hebben alle erkende energiebesparende maatregelen genomen.", True),
    ("Ons kantoor heeft energielabel C.", True),
    ("Ons kantoor ging van energielabel C naar A++.", False),
    ("Every employee has access to an occupational physician.", True),
    ("Nieuwe vaders krijgen bij ons geboorteverlof.", True),
    ("Het geboorteverlof vullen wij aan tot 100% van het loon.", False),
    ("Iedereen krijgt 20 vakantiedagen per jaar.", True),
    ("Wie vertrekt, krijgt de transitievergoeding.", True),
    ("Every home we sell comes with a valid energy label.", True),
    ("Op elke dienst is een getrainde BHV'er aanwezig.", True),
    ("Our website only places cookies with your consent.", True),
])
def test_common_legal_duties_of_employers_shops_and_landlords(text: str, flagged: bool) -> None:
    assert pointers(claim(text), "IC121") == (["/claims/0/text"] if flagged else [])


@pytest.mark.parametrize(("said", "flagged"), [
    ("De evaluatie deed Kessels Impact Advies, het adviesbureau van onze bestuursvoorzitter.", True),
    ("Onze bestuursvoorzitter Kessels Impact Advies liet de evaluatie doen.", True),
    ("Kessels Impact Advies is van onze bestuursvoorzitter.", True),
    # the role is someone else's in the same sentence
    ("Kessels Impact Advies controleerde de cijfers die onze directeur had verzameld.", False),
])
def test_an_insider_is_the_one_the_role_is_said_of(said: str, flagged: bool) -> None:
    fragment = f"""
metrics:
  - id: m
    name: Deelnemers met betaald werk na een jaar
    unit: personen
    kind: count
    value: 12
outcomes:
  - id: o
    what:
      description: Deelnemers vinden betaald werk.
      polarity: positive
    who:
      stakeholder: Bijstandsgerechtigden
    contribution:
      description: "{said}"
    risks:
      - type: evidence
        level: medium
claims:
  - id: c
    text: 12 deelnemers hadden na een jaar betaald werk.
    domain: social
    basis:
      metrics: [m]
    verification:
      status: third-party
      by: Kessels Impact Advies
"""
    assert pointers(fragment, "IC120") == (["/claims/0/verification/by"] if flagged else [])


# -- false findings a review of this session's change found, each kept out ----------------------

@pytest.mark.parametrize("text", [
    "Our bakery bakes cookies only with organic butter.",
    "We give free and accurate energy advice in 300 homes.",
    "All 300 homes we renovated now have an energy label A.",
    "Ons kantoor heeft sinds 2025 energielabel A; in 2023 was dat nog label C.",
    "Al 14 jaar helpen we mensen aan werk; we begeleiden maximaal 20 deelnemers.",
    "We pay parental leave in full.",
    "Our returnable glass milk bottles carry a deposit.",
    "We collected 12,000 litres of used cooking oil from households.",
    "Our tool library gives free membership.",
    "We use no plastic bags at all.",
    "Partners krijgen bij ons meer dan 80 uur doorbetaald geboorteverlof.",
    "Everyone gets 25 vacation days instead of the statutory 20 days of holiday.",
])
def test_wordings_that_name_no_legal_duty_as_a_merit(text: str) -> None:
    assert pointers(claim(text), "IC121") == []


@pytest.mark.parametrize(("method", "flagged"), [
    ("Sum of 120 participants and 30 volunteers, counted once per person.", False),
    ("Sum of our 40 employees, including employees on sick leave, and 20 volunteers.", False),
    ("Opgeteld: 112 deelnemers en 217 trainingsdeelnames; wie meerdere trainingen volgde, telt per training.", True),
])
def test_a_summing_method_that_counts_each_person_once_is_no_double_count(method: str, flagged: bool) -> None:
    fragment = f"""
metrics:
  - id: people
    name: People involved
    unit: persons
    kind: count
    value: 150
    method: "{method}"
"""
    assert bool(pointers(fragment, "IC123")) is flagged


@pytest.mark.parametrize(("counterfactual", "flagged"), [
    ("There is no access to other reading support in the village.", False),
    ("Zonder ons kunnen ze niet bij een andere bijlesaanbieder terecht.", False),
    ("Zonder ons zou een derde bij een andere reparateur terechtkunnen.", True),
])
def test_a_counterfactual_that_denies_others_is_no_deadweight(counterfactual: str, flagged: bool) -> None:
    fragment = _outcome(f"""      deadweight: 0
      counterfactual: "{counterfactual}"
""")
    assert pointers(fragment, "IC122") == (["/outcomes/0/contribution/deadweight"] if flagged else [])


def test_own_tutors_and_own_money_share_no_attribution() -> None:
    own = _outcome("""      attribution: 0
      description: "Our own volunteer tutors teach every pupil, and the places are paid by us."
""")
    assert pointers(own, "IC122") == []


def test_a_role_of_someone_the_verifier_only_checked_is_not_the_verifiers() -> None:
    fragment = """
outcomes:
  - id: o
    what:
      description: Deelnemers vinden betaald werk.
      polarity: positive
    who:
      stakeholder: Bijstandsgerechtigden
    contribution:
      description: "Jansen Accountants checked the pay figures of our director and all 20 staff."
    risks:
      - type: evidence
        level: medium
claims:
  - id: c
    text: 12 deelnemers hadden na een jaar betaald werk.
    domain: social
    verification:
      status: third-party
      by: Jansen Accountants
"""
    assert pointers(fragment, "IC120") == []


@pytest.mark.parametrize(("scale", "flagged"), [
    ("We sorted out the tax forms of 14 of the 20 families.", False),
    ("We held 12 conversations with the municipality about the 340 pupils.", False),
    ("4 van de 6 leerlingen die het evaluatieformulier terugstuurden, kiezen vaker fair trade.", True),
])
def test_forms_and_conversations_that_ask_nobody_give_no_sample(scale: str, flagged: bool) -> None:
    fragment = f"""
outcomes:
  - id: o
    what:
      description: Deelnemers zijn er beter aan toe.
      polarity: positive
    who:
      stakeholder: Deelnemers
      size: 1150
    how_much:
      scale: "{scale}"
    risks:
      - type: evidence
        level: medium
claims:
  - id: c
    text: Onze deelnemers zijn er aantoonbaar beter aan toe.
    domain: social
    basis:
      outcomes: [o]
"""
    assert bool(pointers(fragment, "IC124")) is flagged


@pytest.mark.parametrize(("name", "text", "flagged"), [
    ("Trainees who signed a permanent employment contract", "In 2025 we helped 12 trainees into work.", False),
    ("Leden met een vaste baan", "In 2025 hielpen we 12 leden aan werk.", False),
    ("Trainees who signed up for the course", "In 2025 we helped 12 trainees into work.", True),
])
def test_a_count_of_people_in_a_new_situation_is_no_output(name: str, text: str, flagged: bool) -> None:
    fragment = f"""
metrics:
  - id: m
    name: {name}
    unit: people
    kind: count
    value: 12
claims:
  - id: c
    text: "{text}"
    domain: social
    basis:
      metrics: [m]
"""
    assert pointers(fragment, "IC109") == (["/claims/0/text"] if flagged else [])
    visitors = "Onze 14 bezoekers vinden het werk van de vrijwilligers waardevol."
    assert pointers(fragment.replace(text, visitors), "IC109") == []


def test_a_rate_over_everyone_hires_is_no_completers_rate() -> None:
    fragment = """
metrics:
  - id: hires
    name: Nieuwe medewerkers gestart in 2025
    unit: personen
    kind: count
    value: 40
  - id: diploma
    name: Nieuwe medewerkers met een vakdiploma
    unit: personen
    kind: count
    value: 12
    part_of: hires
claims:
  - id: c
    text: 30% van onze nieuwe medewerkers heeft al een vakdiploma.
    domain: social
    basis:
      metrics: [diploma]
"""
    assert pointers(fragment, "IC127") == []


@pytest.mark.parametrize(("text", "flagged"), [
    ("Onze werkplaats draait op 100% groene stroom zonder gedoe.", True),
    ("Onze werkplaats draait op 100% groene stroom van onze eigen zonnepanelen.", False),
])
def test_green_power_is_specific_only_with_a_real_source(text: str, flagged: bool) -> None:
    assert pointers(claim(text, domain="environmental"), "IC102") == (["/claims/0/text"] if flagged else [])


@pytest.mark.parametrize(("method", "flagged"), [
    ("Counted from our 2025 till data; the 2024 figures are not complete.", False),
    ("Counted as the definitions of our annual report 2023 say, from the 2025 till data.", False),
    ("Counted from the 2023 till export, because the supplier has not yet delivered the 2025 export.", True),
])
def test_only_a_missing_figure_of_the_period_dates_the_data_earlier(method: str, flagged: bool) -> None:
    fragment = f"""
metrics:
  - id: m
    name: Garments repaired
    unit: garments
    kind: count
    value: 9800
    method: "{method}"
"""
    assert bool(pointers(fragment, "IC129")) is flagged


def test_a_generic_word_in_a_brand_name_is_still_a_generic_claim() -> None:
    extra = """organisation:
  name: Duurzaam Wonen Drenthe B.V.
  trade_name: Duurzaam Wonen
"""
    assert pointers(claim("Onze woningen zijn duurzaam.", extra=extra, domain="environmental"), "IC102") \
        == ["/claims/0/text"]
