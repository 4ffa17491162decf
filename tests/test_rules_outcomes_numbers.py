"""The outcome rules (IC108, IC109, IC111-IC113) and the number and date rules (IC114, IC115, IC117).

Every case is a whole statement. The lines a rule must point at carry a ``# <- ICxxx`` comment,
so the expected line numbers are read from the statement itself and stay right when a case is
edited; each failing case also names the JSON pointers it expects, in line order.
"""

from __future__ import annotations

import pytest

from impactclaim.findings import Finding
from tests.rules_support import check_text

# The part every statement shares: the required core, 2025 as the reporting period.
HEAD = """\
schema_version: "1.0"
language: en
organisation:
  name: Buurtbakkerij Het Zuurdesem
  kvk_number: "90215378"
reporting_period:
  start: "2025-01-01"
  end: "2025-12-31"
mission:
  statement: We bake bread with people who are looking for their way back to work.
"""

# An outcome that no outcome rule objects to, to build cases from.
GOOD_OUTCOME = """\
outcomes:
  - id: back-to-work
    what:
      description: Trainees find paid work after their traineeship.
      polarity: positive
    who:
      stakeholder: People on social assistance in our neighbourhood
      baseline: Trainees had been out of work for three years on average.
    risks:
      - type: drop-off
        level: medium
"""


def checked(text: str) -> list[Finding]:
    """The findings of a statement that must be schema-valid (otherwise no rule would run)."""
    findings = check_text(text)
    assert [f for f in findings if not f.code.startswith("IC1")] == [], "the case must be schema-valid"
    return findings


def marked_lines(text: str, code: str) -> list[int]:
    lines = [number for number, line in enumerate(text.splitlines(), start=1) if line.endswith(f"# <- {code}")]
    assert lines, f"the case marks no line with '# <- {code}'"
    return lines


def assert_fires(text: str, code: str, pointers: list[str]) -> list[Finding]:
    """``code`` fires exactly at the marked lines, with these pointers; returns its findings."""
    found = [f for f in checked(text) if f.code == code]
    assert [(f.line, f.pointer) for f in found] == list(zip(marked_lines(text, code), pointers, strict=True))
    return found


def assert_quiet(text: str, code: str) -> None:
    assert "# <- " not in text, "a passing case marks no lines"
    assert [f for f in checked(text) if f.code == code] == []


# --- IC108 outcome-without-baseline ------------------------------------------------------------

def test_ic108_outcome_without_baseline_or_counterfactual() -> None:
    text = HEAD + """\
outcomes:
  - id: back-to-work  # <- IC108
    what:
      description: Trainees find paid work after their traineeship.
      polarity: positive
    who:
      stakeholder: People on social assistance in our neighbourhood
    contribution:
      deadweight: 20
    risks:
      - type: drop-off
        level: medium
"""
    [finding] = assert_fires(text, "IC108", ["/outcomes/0"])
    assert "'back-to-work'" in finding.message
    assert finding.severity == "warning"


def test_ic108_quiet_with_a_baseline() -> None:
    assert_quiet(HEAD + GOOD_OUTCOME, "IC108")


def test_ic108_quiet_with_only_a_counterfactual() -> None:
    assert_quiet(HEAD + """\
outcomes:
  - id: back-to-work
    what:
      description: Trainees find paid work after their traineeship.
      polarity: positive
    contribution:
      counterfactual: Without a traineeship, one in five finds work within a year.
    risks:
      - type: drop-off
        level: medium
""", "IC108")


# --- IC109 output-as-outcome --------------------------------------------------------------------

def test_ic109_outcome_measured_only_by_counts() -> None:
    text = HEAD + GOOD_OUTCOME + """\
    metrics:  # <- IC109
      - trainees
      - loaves
      - not-a-metric
metrics:
  - id: trainees
    name: Trainees who started
    unit: people
    kind: count
    value: 12
  - id: loaves
    name: Loaves baked by trainees
    unit: loaves
    kind: count
    value: 9000
"""
    [finding] = assert_fires(text, "IC109", ["/outcomes/0/metrics"])
    assert "'trainees', 'loaves'" in finding.message  # the unknown id is another rule's business
    assert "not-a-metric" not in finding.message


def test_ic109_quiet_when_one_metric_measures_a_change() -> None:
    assert_quiet(HEAD + GOOD_OUTCOME + """\
    metrics:
      - trainees
      - trainees-employed
metrics:
  - id: trainees
    name: Trainees who started
    unit: people
    kind: count
    value: 12
  - id: trainees-employed
    name: Trainees in paid work after six months
    unit: "%"
    kind: percentage
    value: 42
""", "IC109")


def test_ic109_quiet_when_no_referenced_metric_exists() -> None:
    assert_quiet(HEAD + GOOD_OUTCOME + """\
    metrics:
      - not-a-metric
""", "IC109")


# --- IC111 abc-inconsistency --------------------------------------------------------------------

NEGATIVE_OUTCOME = """\
  - id: night-shifts
    what:
      description: Bakers work night shifts, which disturbs their sleep.
      polarity: negative
    who:
      stakeholder: Our bakers
      baseline: Most of our bakers worked day shifts before.
    risks:
      - type: endurance
        level: medium
"""


def with_mission_abc(abc: str, body: str) -> str:
    return HEAD + f"  abc: {abc}\n" + body


@pytest.mark.parametrize("abc", ["B", "C"])
def test_ic111_negative_outcome_classified_b_or_c(abc: str) -> None:
    text = HEAD + "outcomes:\n" + NEGATIVE_OUTCOME + f"    abc: {abc}  # <- IC111\n"
    [finding] = assert_fires(text, "IC111", ["/outcomes/0/abc"])
    assert f"'night-shifts' is classified {abc}" in finding.message
    assert finding.severity == "error"


def test_ic111_enterprise_c_with_an_unclassified_negative_outcome() -> None:
    text = with_mission_abc("C", "outcomes:\n" + NEGATIVE_OUTCOME.replace(
        "  - id: night-shifts\n", "  - id: night-shifts  # <- IC111\n"))
    [finding] = assert_fires(text, "IC111", ["/outcomes/0"])
    assert "mission.abc C" in finding.message


def test_ic111_enterprise_c_with_a_negative_outcome_classified_b_is_reported_once() -> None:
    text = with_mission_abc("C", "outcomes:\n" + NEGATIVE_OUTCOME + "    abc: B  # <- IC111\n")
    [finding] = assert_fires(text, "IC111", ["/outcomes/0/abc"])
    assert "mission.abc C" in finding.message


def test_ic111_quiet_when_the_negative_outcome_is_a_under_an_enterprise_c() -> None:
    assert_quiet(with_mission_abc("C", GOOD_OUTCOME + "    abc: C\n" + NEGATIVE_OUTCOME + "    abc: A\n"), "IC111")


def test_ic111_quiet_for_an_unclassified_negative_outcome_when_the_enterprise_is_not_c() -> None:
    assert_quiet(with_mission_abc("B", "outcomes:\n" + NEGATIVE_OUTCOME), "IC111")


# --- IC112 risk-unassessed ----------------------------------------------------------------------

def test_ic112_outcome_without_risks() -> None:
    text = HEAD + """\
outcomes:
  - id: back-to-work  # <- IC112
    what:
      description: Trainees find paid work after their traineeship.
      polarity: positive
    who:
      stakeholder: People on social assistance in our neighbourhood
      baseline: Trainees had been out of work for three years on average.
"""
    [finding] = assert_fires(text, "IC112", ["/outcomes/0"])
    assert finding.severity == "warning"


def test_ic112_outcome_with_an_empty_risk_list_points_at_the_list() -> None:
    text = HEAD + """\
outcomes:
  - id: back-to-work
    what:
      description: Trainees find paid work after their traineeship.
      polarity: positive
    who:
      stakeholder: People on social assistance in our neighbourhood
      baseline: Trainees had been out of work for three years on average.
    risks: []  # <- IC112
"""
    assert_fires(text, "IC112", ["/outcomes/0/risks"])


def test_ic112_quiet_with_a_risk() -> None:
    assert_quiet(HEAD + GOOD_OUTCOME, "IC112")


# --- IC113 self-declared-evidence ---------------------------------------------------------------

def test_ic113_level_3_with_only_own_sources() -> None:
    text = HEAD + GOOD_OUTCOME + """\
    evidence:
      level: 3  # <- IC113
      sources:
        - title: Our own follow-up of trainees
          independent: false
        - title: Trainee register
"""
    [finding] = assert_fires(text, "IC113", ["/outcomes/0/evidence/level"])
    assert "level 3" in finding.message and "2 sources" in finding.message


def test_ic113_level_4_with_one_unmarked_source() -> None:
    text = HEAD + GOOD_OUTCOME + """\
    evidence:
      level: 4  # <- IC113
      sources:
        - title: Replication study we commissioned
"""
    [finding] = assert_fires(text, "IC113", ["/outcomes/0/evidence/level"])
    assert "level 4" in finding.message and "only source is not independent" in finding.message


def test_ic113_level_5_without_sources() -> None:
    text = HEAD + GOOD_OUTCOME + """\
    evidence:
      level: 5  # <- IC113
"""
    [finding] = assert_fires(text, "IC113", ["/outcomes/0/evidence/level"])
    assert "no sources" in finding.message


def test_ic113_quiet_with_an_independent_source() -> None:
    assert_quiet(HEAD + GOOD_OUTCOME + """\
    evidence:
      level: 3
      sources:
        - title: Our own follow-up of trainees
        - title: Evaluation of the traineeships with a comparison group
          publisher: University of Applied Sciences Utrecht
          independent: true
""", "IC113")


def test_ic113_quiet_for_level_2_without_sources() -> None:
    assert_quiet(HEAD + GOOD_OUTCOME + """\
    evidence:
      level: 2
""", "IC113")


# --- IC114 range-consistency: percentages -------------------------------------------------------

def test_ic114_percentages_outside_0_to_100() -> None:
    text = HEAD + """\
metrics:
  - id: employed
    name: Trainees in paid work
    unit: "%"
    kind: percentage
    value: 120  # <- IC114
    baseline:
      value: 35
    target:
      value: 101  # <- IC114
      year: 2027
  - id: waste
    name: Share of bread wasted
    unit: "%"
    value: 4
    baseline:
      value: -0.5  # <- IC114
  - id: women
    name: Women among the bakers
    unit: share
    kind: percentage
    value: 100.5  # <- IC114
"""
    found = assert_fires(text, "IC114", ["/metrics/0/value", "/metrics/0/target/value",
                                         "/metrics/1/baseline/value", "/metrics/2/value"])
    assert "'employed' has value 120" in found[0].message
    assert all(f.severity == "error" for f in found)


def test_ic114_quiet_for_percentages_at_the_bounds_and_other_kinds() -> None:
    assert_quiet(HEAD + """\
metrics:
  - id: employed
    name: Trainees in paid work
    unit: "%"
    kind: percentage
    value: 100
    baseline:
      value: 0
    target:
      value: 100
      year: 2027
  - id: loaves
    name: Loaves baked
    unit: loaves
    kind: count
    value: 41000
""", "IC114")


def test_ic114_quiet_for_a_percentage_named_as_a_change_or_difference() -> None:
    text = HEAD + """\
metrics:
  - id: tariff
    name: Warmtetarief ten opzichte van het ACM-maximumtarief
    unit: "%"
    kind: percentage
    value: -9
  - id: growth
    name: Growth in repaired appliances
    unit: "%"
    kind: percentage
    value: 140
"""
    assert_quiet(text, "IC114")
    # The same values under names of shares are errors.
    shares = text.replace("ten opzichte van het ACM-maximumtarief", "dat leden betalen").replace(
        "Growth in repaired appliances", "Repaired appliances").replace("value: -9", "value: -9  # <- IC114").replace(
        "value: 140", "value: 140  # <- IC114")
    assert_fires(shares, "IC114", ["/metrics/0/value", "/metrics/1/value"])


# --- IC114 range-consistency: subgroups ---------------------------------------------------------

def test_ic114_subgroup_above_its_total() -> None:
    text = HEAD + """\
metrics:
  - id: staff
    name: Employees
    unit: people
    kind: count
    value: 20
  - id: staff-target-group
    name: Employees from the target group
    unit: People
    kind: count
    value: 24  # <- IC114
    part_of: staff
"""
    [finding] = assert_fires(text, "IC114", ["/metrics/1/value"])
    assert "24" in finding.message and "20" in finding.message and "'staff'" in finding.message


def test_ic114_subgroup_in_another_unit_than_its_total() -> None:
    text = HEAD + """\
metrics:
  - id: staff
    name: Employees
    unit: people
    kind: count
    value: 20
  - id: staff-target-group
    name: Employees from the target group
    unit: fte  # <- IC114
    value: 8
    part_of: staff
"""
    [finding] = assert_fires(text, "IC114", ["/metrics/1/unit"])
    assert "'fte'" in finding.message and "'people'" in finding.message


def test_ic114_quiet_for_a_subgroup_equal_to_its_total_or_of_an_unknown_metric() -> None:
    assert_quiet(HEAD + """\
metrics:
  - id: staff
    name: Employees
    unit: people
    kind: count
    value: 20
  - id: staff-target-group
    name: Employees from the target group
    unit: people
    kind: count
    value: 20
    part_of: staff
  - id: orphan
    name: Part of a metric that does not exist
    unit: people
    value: 99
    part_of: no-such-metric
""", "IC114")


# --- IC114 range-consistency: percentages stated in claims --------------------------------------

STAFF = HEAD + """\
metrics:
  - id: staff
    name: Employees
    unit: people
    kind: count
    value: 35
  - id: staff-target-group
    name: Employees from the target group
    unit: people
    kind: count
    value: 21
    part_of: staff
  - id: share-target-group
    name: Share of employees from the target group
    unit: "%"
    kind: percentage
    value: 58
    baseline:
      value: 45
      year: 2022
claims:
"""


def claim(text: str, basis: str = "staff-target-group", marker: str = "") -> str:
    return f"""\
  - id: target-group
    text: {text}{marker}
    domain: social
    basis:
      metrics:
        - {basis}
"""


@pytest.mark.parametrize("text", [
    "30% of our staff comes from the target group.",
    "30 % of our staff comes from the target group.",
    "30 percent of our staff comes from the target group.",
    "30 procent van onze medewerkers komt uit de doelgroep.",
    "Ruim 30,2% van onze medewerkers komt uit de doelgroep.",
])
def test_ic114_claimed_percentage_contradicted_by_a_subgroup_and_its_total(text: str) -> None:
    statement = STAFF + claim(text, marker="  # <- IC114")
    [finding] = assert_fires(statement, "IC114", ["/claims/0/text"])
    assert "'target-group' states 30" in finding.message
    assert "60% ('staff-target-group' of 'staff')" in finding.message


def test_ic114_claimed_percentage_contradicted_by_a_percentage_metric() -> None:
    statement = STAFF + claim("We went from 45% to 60% of staff from the target group.", "share-target-group",
                              "  # <- IC114")
    [finding] = assert_fires(statement, "IC114", ["/claims/0/text"])
    assert "states 60%" in finding.message  # 45% is the metric's baseline, so only 60 is reported
    assert "58% ('share-target-group')" in finding.message


@pytest.mark.parametrize(("text", "basis"), [
    ("60% of our staff comes from the target group.", "staff-target-group"),  # 21 of 35
    ("60,4 procent van onze medewerkers komt uit de doelgroep.", "staff-target-group"),  # within half a point
    ("From 45% to 58% of our staff comes from the target group.", "share-target-group"),  # baseline and value
    ("30% of our staff comes from the target group.", "staff"),  # a count alone backs no share
    ("The share rose by 13 procentpunten.", "share-target-group"),  # percentage points are no share
])
def test_ic114_quiet_when_the_claimed_percentage_matches_or_cannot_be_checked(text: str, basis: str) -> None:
    assert_quiet(STAFF + claim(text, basis), "IC114")


# --- IC117 fte-above-headcount ------------------------------------------------------------------

def test_ic117_more_fte_than_employees() -> None:
    text = """\
schema_version: "1.0"
language: en
organisation:
  name: Buurtbakkerij Het Zuurdesem
  kvk_number: "90215378"
  headcount: 12
  fte: 14.5  # <- IC117
reporting_period:
  start: "2025-01-01"
  end: "2025-12-31"
mission:
  statement: We bake bread with people who are looking for their way back to work.
"""
    [finding] = assert_fires(text, "IC117", ["/organisation/fte"])
    assert "14.5" in finding.message and "12" in finding.message
    assert finding.severity == "warning"


def test_ic117_quiet_when_fte_equals_headcount() -> None:
    assert_quiet(HEAD.replace('  kvk_number: "90215378"\n', '  kvk_number: "90215378"\n  headcount: 12\n  fte: 12\n'),
                 "IC117")


# --- IC115 period-consistency -------------------------------------------------------------------

def test_ic115_reporting_period_ending_before_it_starts() -> None:
    text = """\
schema_version: "1.0"
language: en
organisation:
  name: Buurtbakkerij Het Zuurdesem
  kvk_number: "90215378"
reporting_period:
  start: "2025-12-31"
  end: "2025-01-01"  # <- IC115
mission:
  statement: We bake bread with people who are looking for their way back to work.
metrics:
  - id: loaves
    name: Loaves baked
    unit: loaves
    value: 41000
    period:
      start: "2025-01-01"
      end: "2025-12-31"
"""
    # The metric period is not compared with an impossible reporting period as well.
    [finding] = assert_fires(text, "IC115", ["/reporting_period/end"])
    assert finding.severity == "error"


def test_ic115_metric_periods_inverted_or_outside_the_reporting_period() -> None:
    text = HEAD + """\
metrics:
  - id: loaves
    name: Loaves baked
    unit: loaves
    value: 41000
    period:
      start: "2025-09-30"
      end: "2025-03-31"  # <- IC115
  - id: cakes
    name: Cakes baked
    unit: cakes
    value: 1200
    period:
      start: "2024-12-31"  # <- IC115
      end: "2025-12-31"
  - id: rolls
    name: Rolls baked
    unit: rolls
    value: 64000
    period:
      start: "2025-01-01"
      end: "2026-01-01"  # <- IC115
"""
    found = assert_fires(text, "IC115", ["/metrics/0/period/end", "/metrics/1/period/start",
                                         "/metrics/2/period/end"])
    assert "2024-12-31" in found[1].message and "2025-01-01" in found[1].message


def test_ic115_target_and_baseline_years() -> None:
    text = HEAD + """\
metrics:
  - id: loaves
    name: Loaves baked
    unit: loaves
    value: 41000
    baseline:
      value: 30000
      year: 2026  # <- IC115
    target:
      value: 50000
      year: 2025  # <- IC115
claims:
  - id: more-loaves
    text: We will bake 50000 loaves a year.
    domain: economic
    basis:
      metrics:
        - loaves
    future_commitment:
      target_value: 50000
      target_year: 2024  # <- IC115
      plan: A second oven.
      verifier: Our accountant
"""
    found = assert_fires(text, "IC115", ["/metrics/0/baseline/year", "/metrics/0/target/year",
                                         "/claims/0/future_commitment/target_year"])
    assert "2025" in found[1].message and "'more-loaves'" in found[2].message


def test_ic115_published_before_the_end_of_the_reporting_period() -> None:
    text = HEAD.replace('language: en\n', 'language: en\npublished: "2025-12-30"  # <- IC115\n')
    [finding] = assert_fires(text, "IC115", ["/published"])
    assert "2025-12-30" in finding.message


def test_ic115_quiet_for_dates_at_the_edges_of_the_reporting_period() -> None:
    assert_quiet(HEAD.replace('language: en\n', 'language: en\npublished: "2025-12-31"\n') + """\
metrics:
  - id: loaves
    name: Loaves baked
    unit: loaves
    value: 41000
    period:
      start: "2025-01-01"
      end: "2025-12-31"
    baseline:
      value: 30000
      year: 2025
    target:
      value: 50000
      year: 2026
  - id: cakes
    name: Cakes baked in one day
    unit: cakes
    value: 40
    period:
      start: "2025-06-01"
      end: "2025-06-01"
claims:
  - id: more-loaves
    text: We will bake 50000 loaves a year.
    domain: economic
    basis:
      metrics:
        - loaves
    future_commitment:
      target_value: 50000
      target_year: 2026
      plan: A second oven.
      verifier: Our accountant
""", "IC115")
