"""The view model: progress towards targets, claim substantiation, SDGs, formatting, robustness."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest

from impactclaim.loader import load_path
from impactclaim.profile.formatting import Formatter
from impactclaim.profile.html import render_html
from impactclaim.profile.labels import Labels
from impactclaim.profile.model import (
    ProfileInputs,
    build_profile,
    chart_positions,
    document_date,
    progress_of,
    statement_id,
)
from impactclaim.profile.sdg import contrast_ratio, goal, readable_text_colour
from impactclaim.statement import read_statement
from tests.test_render_support import VALID_SAMPLES


def inputs(language: str = "en", **changes: Any) -> ProfileInputs:
    return ProfileInputs(language=language, tool_version="0.0.0", date=datetime.date(2026, 1, 1), **changes)


def minimal(**extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "schema_version": "1.0", "language": "en",
        "organisation": {"name": "Bakery", "kvk_number": "12345678"},
        "reporting_period": {"start": "2025-01-01", "end": "2025-12-31"},
        "mission": {"statement": "Bread and work."},
    }
    data.update(extra)
    return data


# --- progress --------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("value", "baseline", "target", "status", "lower", "share"),
    [
        (35, 27, 40, "progressing", False, 8 / 13),
        (40, 27, 40, "reached", False, 1.0),
        (45, 27, 40, "reached", False, 18 / 13),
        (27, 27, 40, "no_change", False, 0.0),
        (20, 27, 40, "moving_away", False, -7 / 13),
        # Lower is better when the target lies below the baseline: waiting days, drop-out, CO2.
        (4, 21, 3, "progressing", True, 17 / 18),
        (3, 21, 3, "reached", True, 1.0),
        (12, 8, 5, "moving_away", True, -4 / 3),
        # Without a baseline the direction is unknown: only "reached" or "not yet".
        (15, None, 10, "toward_target", None, None),
        (10, None, 10, "reached", None, None),
        (9, None, None, "no_target", None, None),
    ],
)
def test_progress(value: float, baseline: float | None, target: float | None, status: str,
                  lower: bool | None, share: float | None) -> None:
    got_status, got_lower, got_share = progress_of(value, baseline, target)
    assert (got_status, got_lower) == (status, lower)
    assert got_share == pytest.approx(share) if share is not None else got_share is None


def test_chart_positions_start_at_zero_and_percentages_span_0_to_100() -> None:
    assert chart_positions(35, 27, 40, percentage=False) == pytest.approx((35 / 40, 27 / 40, 1.0, 27 / 40))
    assert chart_positions(60, 55.6, 65, percentage=True) == pytest.approx((0.6, 0.556, 0.65, 0.556))
    # Without a baseline the bar starts at zero.
    value, baseline, target, start = chart_positions(9, None, 12, percentage=False)
    assert baseline is None and start == 0.0
    assert (value, target) == pytest.approx((0.75, 1.0))


def test_lower_is_better_metric_is_reported_as_such() -> None:
    profile = build_profile(read_statement(minimal(metrics=[{
        "id": "wait", "name": "Waiting time", "unit": "days", "value": 4,
        "baseline": {"value": 21, "year": 2017}, "target": {"value": 3, "year": 2027}}])), inputs())
    metric = profile.metrics[0]
    assert metric.progress.status == "progressing"
    assert metric.progress.lower_is_better is True
    assert metric.progress.detail == "94% of the way to the target"
    assert metric.chart is not None and metric.chart.tone == "good"
    assert metric.chart.value < metric.chart.bar_start  # the bar runs leftwards, towards the target


@pytest.mark.parametrize("unit", ["%", "procent", "percent", "Percent", "pct"])
def test_every_percent_unit_draws_the_axis_from_0_to_100(unit: str) -> None:
    metric = {"id": "share", "name": "Share", "unit": unit, "value": 60, "baseline": {"value": 50},
              "target": {"value": 70}}
    chart = build_profile(read_statement(minimal(metrics=[metric])), inputs()).metrics[0].chart
    assert chart is not None
    assert (chart.value, chart.baseline, chart.target) == pytest.approx((0.6, 0.5, 0.7))


def test_a_percentage_above_100_stretches_the_axis_instead_of_overflowing_it() -> None:
    metric = {"id": "growth", "name": "Growth", "unit": "procent", "value": 140, "baseline": {"value": 100},
              "target": {"value": 120}}
    chart = build_profile(read_statement(minimal(metrics=[metric])), inputs()).metrics[0].chart
    assert chart is not None
    assert (chart.value, chart.baseline, chart.target) == pytest.approx((1.0, 100 / 140, 120 / 140))


# --- claims ----------------------------------------------------------------------------------

def claim_status(claim: dict[str, Any], **extra: Any) -> str:
    data = minimal(claims=[{"id": "c", "text": "We did it.", "domain": "social", **claim}], **extra)
    return build_profile(read_statement(data), inputs()).claims[0].status_key


def test_claim_substantiation_status() -> None:
    metrics = [{"id": "m", "name": "Jobs", "unit": "people", "value": 3}]
    outcomes = [{"id": "o", "what": {"description": "Work", "polarity": "positive"}, "evidence": {"level": 3}}]
    assert claim_status({}) == "unsubstantiated"
    assert claim_status({"basis": {"metrics": ["nope"]}}, metrics=metrics) == "incomplete"
    assert claim_status({"basis": {"metrics": ["m"]}}, metrics=metrics) == "self_declared"
    assert claim_status({"basis": {"metrics": ["m"]}, "verification": {"status": "second-party"}},
                        metrics=metrics) == "second_party"
    assert claim_status({"basis": {"outcomes": ["o"]}, "verification": {"status": "third-party"}},
                        outcomes=outcomes) == "verified"


def test_claim_basis_is_resolved_to_names_values_and_evidence() -> None:
    data = minimal(
        metrics=[{"id": "m", "name": "Jobs", "unit": "people", "value": 1200}],
        outcomes=[{"id": "o", "what": {"description": "People find work", "polarity": "positive"},
                   "evidence": {"level": 3}}],
        claims=[{"id": "c", "text": "1,200 jobs.", "domain": "social",
                 "basis": {"metrics": ["m"], "outcomes": ["o", "gone"]}}])
    claim = build_profile(read_statement(data), inputs()).claims[0]
    assert [(item.text, item.resolved) for item in claim.basis_metrics] == [("Jobs: 1,200\u00a0people", True)]
    assert [(item.text, item.resolved) for item in claim.basis_outcomes] == [
        ("People find work", True), ("gone: not found in this statement", False)]
    assert claim.status_key == "incomplete"
    assert claim.evidence_level == 3


# --- languages -------------------------------------------------------------------------------

def test_bilingual_text_is_shown_in_the_profile_language_else_the_statement_language() -> None:
    statement = read_statement(minimal(
        schema_version="1.1", language="nl",
        mission={"statement": {"nl": "Brood en werk.", "en": "Bread and work."}},
        claims=[{"id": "c", "domain": "social",
                 "text": {"nl": "Wij bakten 1.200 broden.", "en": "We baked 1,200 loaves."},
                 "scope_detail": {"nl": "Alleen de bakkerij in Utrecht."}}]))
    english, dutch = build_profile(statement, inputs("en")), build_profile(statement, inputs("nl"))
    assert english.mission.statement == "Bread and work."
    assert english.claims[0].text == "We baked 1,200 loaves."
    assert dutch.mission.statement == "Brood en werk."
    assert dutch.claims[0].text == "Wij bakten 1.200 broden."
    # A field without the profile's language is shown in the statement's language.
    assert english.claims[0].scope == dutch.claims[0].scope == "Alleen de bakkerij in Utrecht."
    html = render_html(english)
    assert "Bread and work." in html and "We baked 1,200 loaves." in html
    assert "Brood en werk." not in html and "Wij bakten" not in html


# --- counts read right for one and for more ----------------------------------------------------

def counted(number: int) -> Any:
    """A statement with ``number`` of every counted thing: claims, outcomes, metrics, goals, codes, ...

    With two, each goal has two targets (four in all), so every label is counted in the plural.
    """
    ids = [f"x{i}" for i in range(number)]
    return read_statement(minimal(
        organisation={"name": "Bakery", "kvk_number": "12345678", "headcount": number,
                      "nace_codes": ["10.71", "47.24"][:number],
                      "memberships": [{"scheme": "b-corp"}, {"scheme": "buy-social"}][:number]},
        mission={"statement": "Bread.", "impact_areas": ["labour-participation", "inclusion"][:number]},
        theory_of_change={"assumptions": ["People want to work.", "Bread sells."][:number]},
        metrics=[{"id": i, "name": "Loaves", "unit": "loaves", "value": 5, "target": {"value": 5}} for i in ids],
        outcomes=[{"id": f"o{i}", "what": {"description": "Work", "polarity": "positive"},
                   "sdg_targets": ["8.5"] if number == 1 else ["8.5", "8.6", "10.2", "10.3"]} for i in ids],
        claims=[{"id": f"c{i}", "text": "We bake.", "domain": "social", "basis": {"metrics": [i]}} for i in ids]))


@pytest.mark.parametrize(("language", "number", "expected"), [
    ("nl", 1, ["Claim", "Effect", "Indicator", "1 met een doel, 1 doel bereikt", "SDG", "1 subdoel", "Subdoel",
               "SDG-subdoel", "Medewerker", "NACE-code", "Lidmaatschap", "Impactgebied", "Aanname"]),
    ("nl", 2, ["Claims", "Effecten", "Indicatoren", "2 met een doel, 2 doelen bereikt", "SDG's", "4 subdoelen",
               "Subdoelen", "SDG-subdoelen", "Medewerkers", "NACE-codes", "Lidmaatschappen", "Impactgebieden",
               "Aannames"]),
    ("en", 1, ["Claim", "Outcome", "Metric", "1 with a target, 1 target reached", "SDG", "1 target", "Target",
               "SDG target", "Employee", "NACE code", "Membership", "Impact area", "Assumption"]),
    ("en", 2, ["Claims", "Outcomes", "Metrics", "2 with a target, 2 targets reached", "SDGs", "4 targets", "Targets",
               "SDG targets", "Employees", "NACE codes", "Memberships", "Impact areas", "Assumptions"]),
])
def test_every_count_reads_right_for_one_and_for_more(language: str, number: int, expected: list[str]) -> None:
    profile = build_profile(counted(number), inputs(language))
    claims, outcomes, metrics, sdgs, _ = profile.summary
    facts = {fact.value: fact.label for fact in profile.header.facts}
    assert [claims.label, outcomes.label, metrics.label, metrics.detail, sdgs.label, sdgs.detail,
            profile.goals[0].targets_label, profile.outcomes[0].sdgs_label, facts[str(number)],
            facts[", ".join(["10.71", "47.24"][:number])], profile.header.memberships_label,
            profile.mission.impact_areas_label, profile.theory_of_change.assumptions_label] == expected
    html = render_html(profile)
    assert f">{profile.goals[0].targets_label}: 8.5" in html
    assert f'<span class="meta-label">{profile.outcomes[0].sdgs_label}</span>' in html
    assert f"<dt>{profile.header.memberships_label}</dt>" in html
    assert f'<span class="meta-label">{profile.mission.impact_areas_label}</span>' in html
    assert f'<span class="meta-label">{profile.theory_of_change.assumptions_label}</span>' in html


def test_no_zero_or_one_in_the_profile_is_followed_by_a_plural_noun() -> None:
    # Every sample, both languages: "1 subdoelen", "1 targets", "0 target" would read wrong.
    wrong = re.compile(r"\b1 (subdoelen|doelen|targets|bronnen|sources|effecten|outcomes|indicatoren|metrics)\b"
                       r"|\b0 (subdoel|doel|target|bron|source)\b")
    for path in VALID_SAMPLES:
        document = load_path(path)
        assert document.data is not None
        for language in ("nl", "en"):
            html = render_html(build_profile(read_statement(document.data), inputs(language)))
            assert not wrong.search(html), (path.stem, language, wrong.search(html))


# --- SDGs ------------------------------------------------------------------------------------

def test_goals_are_collected_from_outcome_targets_in_un_order() -> None:
    data = minimal(outcomes=[
        {"id": "a", "what": {"description": "A", "polarity": "positive"}, "sdg_targets": ["8.10", "8.5", "12.a"]},
        {"id": "b", "what": {"description": "B", "polarity": "positive"}, "sdg_targets": ["3.4", "8.5", "99.1"]},
    ])
    profile = build_profile(read_statement(data), inputs("nl"))
    assert [(view.goal.number, view.targets) for view in profile.goals] == [
        (3, ["3.4"]), (8, ["8.5", "8.10"]), (12, ["12.a"])]
    assert profile.goals[1].goal.name == "Eerlijk werk en economische groei"
    assert profile.goals[1].goal.colour == "#A21942"


def test_goal_numbers_stay_readable_on_every_official_colour() -> None:
    for number in range(1, 18):
        badge = goal(number, "en")
        assert contrast_ratio(badge.colour, badge.text_colour) >= 3.0, number
    assert readable_text_colour("#FCC30B") != "#FFFFFF"  # white on the yellow of goal 7 fails


# --- formatting and identity -------------------------------------------------------------------

def test_numbers_and_dates_follow_the_profile_language() -> None:
    nl, en = Formatter(Labels("nl")), Formatter(Labels("en"))
    assert nl.quantity(48000, "kg") == "48.000\u00a0kg" and en.quantity(48000, "kg") == "48,000\u00a0kg"
    assert nl.number(13.2) == "13,2" and en.number(13.2) == "13.2"
    assert nl.quantity(60, "%") == "60%"
    assert nl.date("2025-10-15") == "15 oktober 2025" and en.date("2025-10-15") == "15 October 2025"
    assert en.date("not a date") == "not a date"


def test_statement_id_is_the_id_or_kvk_and_period() -> None:
    assert statement_id(read_statement(minimal(id="bakery-2025"))) == "bakery-2025"
    assert statement_id(read_statement(minimal())) == "KvK 12345678, 2025-01-01/2025-12-31"


def test_the_document_date_never_comes_from_the_clock() -> None:
    assert document_date(read_statement(minimal(published="2026-03-31")), None) == datetime.date(2026, 3, 31)
    assert document_date(read_statement(minimal()), None) == datetime.date(2025, 12, 31)
    assert document_date(read_statement(minimal(published="2026-03-31")), "1700000000") == datetime.date(2023, 11, 14)
    assert document_date(read_statement({}), None) == datetime.date(2000, 1, 1)


# --- robustness ------------------------------------------------------------------------------

@pytest.mark.parametrize("path", VALID_SAMPLES, ids=[p.stem for p in VALID_SAMPLES])
@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_sample_builds_in_both_languages(path: Any, language: str) -> None:
    document = load_path(path)
    assert document.data is not None
    profile = build_profile(read_statement(document.data), inputs(language))
    assert profile.header.name and profile.mission.statement
    assert profile.language == language


@pytest.mark.parametrize(
    "garbage",
    [[], "text", 3, None, {"x": 1}, [1, "a", None], {"value": "NaN"}],
    ids=["list", "str", "int", "null", "dict", "mixed-list", "odd-dict"],
)
def test_a_draft_of_any_shape_builds_without_raising(garbage: Any) -> None:
    keys = ["organisation", "reporting_period", "mission", "theory_of_change", "outcomes", "metrics",
            "claims", "assurance", "published", "id", "language"]
    data = {key: garbage for key in keys}
    data["outcomes"] = [garbage, {"what": garbage, "who": garbage, "risks": garbage, "evidence": garbage,
                                  "contribution": {"deadweight": garbage}, "sdg_targets": garbage}]
    data["metrics"] = [garbage, {"id": "m", "value": garbage, "baseline": garbage, "target": {"value": 3}}]
    data["claims"] = [garbage, {"basis": garbage, "verification": garbage, "future_commitment": {"plan": garbage}}]
    profile = build_profile(read_statement(data), inputs(draft=True))
    assert profile.draft
