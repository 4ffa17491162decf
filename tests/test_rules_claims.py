"""The claim rules: substantiation (IC101, IC116) and wording (IC102-IC106), failing and passing at known lines."""

from __future__ import annotations

import json

import pytest

from impactclaim.findings import Severity
from tests.conftest import SAMPLES
from tests.rules_support import check_text, rule_findings

# A full statement in which the claim text is always on line 13 and whatever a test adds to the
# claim starts on line 17; metrics and outcomes come after the claims so they never shift them.
TEMPLATE = """\
schema_version: "1.0"
language: en
organisation:
  name: Fietsfabriek Test B.V.
  kvk_number: "12345678"
reporting_period:
  start: "2025-01-01"
  end: "2025-12-31"
mission:
  statement: Jobs and repaired bikes in Utrecht.
claims:
  - id: bikes
    text: {text}
    domain: {domain}
{basis}{claim}metrics:
  - id: repaired
    name: Bikes repaired for reuse
    unit: bikes
    value: 6850
{metric}{rest}"""

BASIS = "    basis:\n      metrics: [repaired]\n"
TEXT_LINE, EXTRA_LINE = 13, 17
TEXT = "/claims/0/text"


def statement(text: str, *, claim: str = "", basis: str = BASIS, metric: str = "", rest: str = "",
              domain: str = "environmental") -> str:
    # JSON strings are YAML double-quoted scalars, so any text (with ':' or '#') stays one line.
    return TEMPLATE.format(text=json.dumps(text, ensure_ascii=False), domain=domain, basis=basis, claim=claim,
                           metric=metric, rest=rest)


def messages(text: str, code: str) -> list[str]:
    return [f.message for f in check_text(text) if f.code == code]


def test_the_template_puts_the_text_and_the_extras_on_the_promised_lines() -> None:
    lines = statement("Plain.", claim="    scope: site\n").splitlines()
    assert lines[TEXT_LINE - 1] == '    text: "Plain."'
    assert lines[EXTRA_LINE - 1] == "    scope: site"
    assert [f.code for f in check_text(statement("We repaired 6850 bikes for reuse."))] == []


@pytest.mark.parametrize("path", ["circulair-meubel", "fietsfabriek-utrecht", "zorgcooperatie-de-linde"])
def test_the_rich_valid_samples_trip_none_of_these_rules(path: str) -> None:
    text = (SAMPLES / "valid" / f"{path}.yaml").read_text(encoding="utf-8")
    ours = {"IC101", "IC102", "IC103", "IC104", "IC105", "IC106", "IC116"}
    assert [(f.code, f.line) for f in check_text(text) if f.code in ours] == []


# --- IC101 unsubstantiated-claim -----------------------------------------------------------------

def test_a_claim_without_basis_is_reported_at_the_claim() -> None:
    text = statement("We repaired 6850 bikes for reuse.", basis="")
    assert rule_findings(text, "IC101") == [(12, "/claims/0")]
    assert messages(text, "IC101") == ["claim 'bikes' has no basis: it names no metric and no outcome"]


@pytest.mark.parametrize("basis", ["    basis: {}\n", "    basis:\n      metrics: []\n      outcomes: []\n"])
def test_an_empty_basis_is_reported_at_the_basis_key(basis: str) -> None:
    text = statement("We repaired 6850 bikes for reuse.", basis=basis)
    assert rule_findings(text, "IC101") == [(15, "/claims/0/basis")]


def test_a_basis_with_a_metric_or_an_outcome_substantiates() -> None:
    assert rule_findings(statement("We repaired 6850 bikes for reuse."), "IC101") == []
    outcome = ("outcomes:\n  - id: reuse\n    what:\n      description: Bikes are used again.\n"
               "      polarity: positive\n")
    text = statement("We repaired 6850 bikes for reuse.", basis="    basis:\n      outcomes: [reuse]\n", rest=outcome)
    assert rule_findings(text, "IC101") == []


def test_a_basis_whose_references_all_dangle_is_left_to_ic107() -> None:
    text = statement("We repaired 6850 bikes for reuse.", basis="    basis:\n      metrics: [repairs]\n")
    findings = check_text(text)
    assert "IC107" in [f.code for f in findings]
    assert "IC101" not in [f.code for f in findings]


# --- IC102 generic-term --------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "word"), [
    ("Our bikes are sustainable.", "sustainable"),
    ("SUSTAINABLY-sourced parts.", "SUSTAINABLY"),
    ("The greener way to ride.", "greener"),
    ("Eco-friendly repairs.", "Eco-friendly"),
    ("Environmentally friendly paint.", "Environmentally friendly"),
    ("A carbon-neutral workshop.", "carbon-neutral"),
    ("Net zero since day one.", "Net zero"),
    ("Biodegradable packaging.", "Biodegradable"),
    ("Onze fietsen zijn duurzaam.", "duurzaam"),
    ("De duurzaamste fietsenmaker van Utrecht.", "duurzaamste"),
    ("Een duurzamer alternatief.", "duurzamer"),
    ("Groene fietsen.", "Groene"),
    ("Steeds groener.", "groener"),
    ("Milieuvriendelijke verf.", "Milieuvriendelijke"),
    ("Een klimaatneutrale werkplaats.", "klimaatneutrale"),
    ("CO₂-neutraal bezorgd.", "CO₂-neutraal"),
    ("Biologisch afbreekbare banden.", "Biologisch afbreekbare"),
    ("Ecologisch verantwoord.", "Ecologisch"),
])
def test_generic_terms_are_found_in_dutch_and_english_in_any_case(text: str, word: str) -> None:
    document = statement(text)
    assert rule_findings(document, "IC102") == [(TEXT_LINE, TEXT)]
    assert f'"{word}"' in messages(document, "IC102")[0]


@pytest.mark.parametrize("text", [
    "We sold 300 kg of groente from our garden.",  # groen inside a word
    "Groenten en fruit voor de kantine.",
    "Our duurzaamheidsverslag lists every repair.",  # a compound names another thing
    "Greenhouse gas emissions fell by 2 tCO2e.",
    "We take part in the European Green Deal.",
    "Fietsen voor het Groene Hart.",
    "Biologisch brood in de kantine.",  # organic is regulated, not generic
    "We repaired 6850 bikes for reuse.",
])
def test_words_that_merely_contain_a_term_are_not_generic(text: str) -> None:
    assert rule_findings(statement(text), "IC102") == []


def test_several_terms_are_named_once_each_in_text_order() -> None:
    document = statement("Groen, duurzaam en nog eens groen.")
    assert messages(document, "IC102") == [
        "claim 'bikes' uses the generic terms \"Groen\", \"duurzaam\" without a recognised label"]


def test_a_label_with_a_scheme_exempts_the_claim_and_a_label_without_one_does_not() -> None:
    certified = "    label:\n      name: EU Ecolabel\n      scheme: EU Ecolabel criteria, third-party verified\n"
    assert rule_findings(statement("Eco-friendly paint.", claim=certified), "IC102") == []
    own_label = "    label:\n      name: Groen Fietsen Keurmerk\n      authority: Gemeente Utrecht\n"
    assert rule_findings(statement("Eco-friendly paint.", claim=own_label), "IC102") == [(TEXT_LINE, TEXT)]


def test_broad_words_count_only_in_environmental_claims() -> None:
    text = "Responsibly sourced parts; we are responsible for 35 jobs."
    assert messages(statement(text), "IC102") == [
        "claim 'bikes' uses the generic term \"Responsibly\" without a recognised label"]
    assert rule_findings(statement(text, domain="social"), "IC102") == []


# --- IC103 offset-neutrality ---------------------------------------------------------------------

def test_neutrality_with_offsets_true_fails_even_with_a_certified_label() -> None:
    claim = ("    offsets: true\n    label:\n      name: Climate Neutral Certified\n"
             "      scheme: Climate Neutral Certified standard\n")
    document = statement("Our workshop is climate neutral.", claim=claim)
    assert rule_findings(document, "IC103") == [(TEXT_LINE, TEXT)]
    assert rule_findings(document, "IC102") == []
    assert messages(document, "IC103") == [
        "claim 'bikes' states \"climate neutral\" and has offsets: true; a neutral, reduced or positive "
        "climate impact may not rest on offsetting"]


@pytest.mark.parametrize("text", [
    "Klimaatneutraal dankzij CO2-compensatie.",
    "Net zero through carbon credits.",
    "Onze uitstoot wordt volledig gecompenseerd.",
    "Our emissions are fully offset.",
    "Klimaatpositief door bomen te planten ter compensatie.",
])
def test_impact_wording_that_the_text_itself_bases_on_offsets_fails(text: str) -> None:
    assert rule_findings(statement(text), "IC103") == [(TEXT_LINE, TEXT)]


@pytest.mark.parametrize(("text", "offsets"), [
    ("Our workshop is climate neutral.", None),  # vague (IC102), but not based on offsets
    ("Our workshop is climate neutral.", "false"),
    ("We financed 40 tCO2e of certified carbon credits.", "true"),  # factual, no impact wording
    ("Loonkosten worden gecompenseerd door de gemeente.", None),  # not about climate
    ("We repaired 6850 bikes for reuse.", "true"),
])
def test_neutrality_without_offsets_or_offsets_without_neutrality_pass(text: str, offsets: str | None) -> None:
    claim = f"    offsets: {offsets}\n" if offsets else ""
    assert rule_findings(statement(text, claim=claim), "IC103") == []


# --- IC104 scope-overreach -----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "phrase"), [
    ("Al onze producten worden hergebruikt.", "Al onze producten"),
    ("Ons hele bedrijf draait op zonne-energie.", "Ons hele bedrijf"),
    ("Wij zijn een circulair bedrijf.", "Wij zijn een circulair bedrijf"),
    ("All our packaging is recycled.", "All our packaging"),
    ("Every product we sell is repaired by hand.", "Every product"),
    ("We're now fully carbon neutral.", "We're now fully carbon neutral"),
])
def test_a_narrow_scope_with_whole_organisation_wording_warns(text: str, phrase: str) -> None:
    document = statement(text, claim="    scope: site\n    scope_detail: Werkplaats Kanaleneiland\n")
    findings = [f for f in check_text(document) if f.code == "IC104"]
    assert [(f.line, f.pointer, f.severity) for f in findings] == [(TEXT_LINE, TEXT, Severity.WARNING)]
    assert findings[0].message == (f"claim 'bikes' has scope 'site' (Werkplaats Kanaleneiland) but its text "
                                   f"speaks about the whole organisation: \"{phrase}\"")


@pytest.mark.parametrize(("text", "scope"), [
    ("Al onze producten worden hergebruikt.", "organisation"),  # the scope matches the words
    ("Al onze producten worden hergebruikt.", None),  # no scope: nothing to compare
    ("In onze werkplaats zijn 6850 fietsen gerepareerd.", "site"),
    ("All our participants received a certificate.", "service"),  # people served are in scope
    ("We are proud of 6850 repaired bikes.", "activity"),
])
def test_wording_that_fits_the_scope_passes(text: str, scope: str | None) -> None:
    claim = f"    scope: {scope}\n" if scope else ""
    assert rule_findings(statement(text, claim=claim), "IC104") == []


# --- IC105 future-claim-without-plan -------------------------------------------------------------

def test_future_wording_without_commitment_fails_at_the_text_and_lists_all_four() -> None:
    document = statement("In 2030 rijden al onze busjes elektrisch.")
    assert rule_findings(document, "IC105") == [(TEXT_LINE, TEXT)]
    assert messages(document, "IC105") == [
        "claim 'bikes' speaks about the future (\"In 2030\"), but has no future_commitment "
        "(missing target_value, target_year, plan and verifier)"]


def test_an_incomplete_commitment_fails_at_its_key_and_lists_what_is_missing() -> None:
    claim = "    future_commitment:\n      target_value: 100\n      target_year: 2028\n"
    document = statement("We will repair every bike within a week by 2028.", claim=claim)
    assert rule_findings(document, "IC105") == [(EXTRA_LINE, "/claims/0/future_commitment")]
    assert messages(document, "IC105") == [
        "claim 'bikes' speaks about the future (\"will\", \"by 2028\"), but its future_commitment lacks plan "
        "and verifier"]


def test_an_incomplete_commitment_fails_even_without_future_wording() -> None:
    claim = "    future_commitment:\n      target_year: 2028\n"
    assert rule_findings(statement("We repaired 6850 bikes for reuse.", claim=claim), "IC105") == [
        (EXTRA_LINE, "/claims/0/future_commitment")]


def test_a_complete_commitment_passes() -> None:
    claim = ("    future_commitment:\n      target_value: 100\n      target_year: 2028\n"
             "      plan: Two extra mechanics in 2026 and a second workbench in 2027.\n"
             "      verifier: Onderzoeksbureau Stadskracht\n")
    assert rule_findings(statement("We will repair every bike within a week by 2028.", claim=claim), "IC105") == []


@pytest.mark.parametrize("text", [
    "In 2025 repareerden we 6850 fietsen.",  # the reporting year is no future
    "Since 2019 we repaired bikes for the target group.",  # "target group" is no target
    "60% van de doelgroep vond werk.",  # "doelgroep" is no doel
    "We repaired 2030 bikes.",  # an amount, not a year
    "Deelnemers geven een 7,2, tegen een 5,9 bij de start.",  # "tegen" without a year
])
def test_past_years_and_lookalikes_are_not_future_wording(text: str) -> None:
    assert rule_findings(statement(text), "IC105") == []


@pytest.mark.parametrize("text", [
    "Tegen eind 2027 werken we zonder gas.",
    "Wij streven naar nul afval.",
    "Ons doel is 100 fietsen per week.",
    "We aim to halve our waste.",
    "Our target is 7000 repaired bikes.",
    "We are committed to zero waste.",
])
def test_dutch_and_english_future_wording_is_found(text: str) -> None:
    assert rule_findings(statement(text), "IC105") == [(TEXT_LINE, TEXT)]


# --- IC106 label-without-scheme ------------------------------------------------------------------

def test_a_label_without_scheme_or_authority_fails_at_the_label() -> None:
    document = statement("Our bikes carry the Fietsfabriek Goed label.",
                         claim="    label:\n      name: Fietsfabriek Goed\n")
    assert rule_findings(document, "IC106") == [(EXTRA_LINE, "/claims/0/label")]
    assert messages(document, "IC106") == [
        "claim 'bikes' relies on the label \"Fietsfabriek Goed\", which names neither a certification scheme "
        "nor a public authority"]


@pytest.mark.parametrize("field", ["scheme: ISO 14024 type I ecolabel scheme", "authority: European Commission"])
def test_a_label_with_a_scheme_or_an_authority_passes(field: str) -> None:
    claim = f"    label:\n      name: EU Ecolabel\n      {field}\n"
    assert rule_findings(statement("Our paint carries the EU Ecolabel.", claim=claim), "IC106") == []


# --- IC116 claim-on-estimates-only ---------------------------------------------------------------

def test_a_claim_on_estimated_metrics_only_warns_at_basis_metrics() -> None:
    document = statement("We repaired 6850 bikes for reuse.", metric="    estimated: true\n")
    findings = [f for f in check_text(document) if f.code == "IC116"]
    assert [(f.line, f.pointer, f.severity) for f in findings] == [(16, "/claims/0/basis/metrics", Severity.WARNING)]
    assert findings[0].message == (
        "claim 'bikes' rests only on estimated metric 'repaired' and no outcome with evidence level 2 or higher")


@pytest.mark.parametrize("text", ["We repaired an estimated 6850 bikes.",
                                  "We repareerden naar schatting 6850 fietsen."])
def test_a_text_that_says_it_is_an_estimate_passes(text: str) -> None:
    assert rule_findings(statement(text, metric="    estimated: true\n"), "IC116") == []


def test_a_measured_metric_passes() -> None:
    assert rule_findings(statement("We repaired 6850 bikes for reuse.", metric="    estimated: false\n"), "IC116") == []


def test_an_outcome_with_evidence_level_2_passes_and_level_1_does_not() -> None:
    basis = "    basis:\n      metrics: [repaired]\n      outcomes: [reuse]\n"
    outcome = ("outcomes:\n  - id: reuse\n    what:\n      description: Bikes are used again.\n"
               "      polarity: positive\n    evidence:\n      level: {level}\n")
    for level, expected in ((2, []), (1, [(16, "/claims/0/basis/metrics")])):
        text = statement("We repaired 6850 bikes for reuse.", basis=basis, metric="    estimated: true\n",
                         rest=outcome.format(level=level))
        assert rule_findings(text, "IC116") == expected, level
