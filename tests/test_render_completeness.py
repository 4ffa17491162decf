"""How complete a statement is: the five dimensions of impact per outcome, the overview, and IC208."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest

import impactclaim
from impactclaim.catalogue import lookup
from impactclaim.profile.html import render_html
from impactclaim.profile.model import (
    DIMENSIONS,
    ProfileInputs,
    build_profile,
    outcome_dimensions,
    sparse_profile,
)
from impactclaim.statement import read_statement
from tests.conftest import ROOT
from tests.test_render_model import minimal
from tests.test_render_support import VALID_SAMPLES, sample

MINIMAL = sample("minimal")
MINIMAL_TEXT = MINIMAL.read_text(encoding="utf-8")


def inputs(language: str = "en") -> ProfileInputs:
    return ProfileInputs(language=language, tool_version="0.0.0", date=datetime.date(2026, 1, 1))


def statement(**extra: Any) -> Any:
    return read_statement(minimal(**extra))


WHAT = {"description": "Trainees find paid work.", "polarity": "positive"}
FULL_OUTCOME = {
    "id": "work", "what": WHAT,
    "who": {"stakeholder": "People long out of work"},
    "how_much": {"scale": "12 trainees"},
    "contribution": {"counterfactual": "Few would find work without us."},
    "risks": [{"type": "drop-off", "level": "low"}],
}


# --- the five dimensions of one outcome ------------------------------------------------------------

@pytest.mark.parametrize(("outcome", "described"), [
    ({"id": "o"}, set()),
    ({"what": WHAT}, {"what"}),
    ({"who": {"size": 40}}, {"who"}),  # a size alone says who, roughly
    ({"who": {"underserved": False}}, {"who"}),
    ({"who": {"baseline": "Out of work for three years."}}, {"who"}),
    ({"metrics": ["jobs"]}, {"how_much"}),  # a metric measures how much
    ({"how_much": {"duration": "Two years."}}, {"how_much"}),
    ({"contribution": {"deadweight": 0}}, {"contribution"}),  # 0% deadweight is a statement too
    ({"contribution": {"description": "Shared with the municipality."}}, {"contribution"}),
    ({"risks": []}, set()),  # an empty list names no risk
    ({"risks": [{"type": "execution"}]}, {"risk"}),
    (FULL_OUTCOME, set(DIMENSIONS)),
], ids=["nothing", "what", "who-size", "who-underserved", "who-baseline", "how-much-metric", "how-much-text",
        "contribution-zero", "contribution-text", "no-risks", "risk", "all"])
def test_which_dimensions_an_outcome_describes(outcome: dict[str, Any], described: set[str]) -> None:
    found = outcome_dimensions(statement(outcomes=[outcome]).outcomes[0])
    assert list(found) == list(DIMENSIONS)
    assert {key for key, value in found.items() if value} == described


def test_each_outcome_card_shows_its_five_marks_and_the_count() -> None:
    thin = {"id": "thin", "what": WHAT, "risks": [{"type": "execution", "level": "low"}]}
    profile = build_profile(statement(outcomes=[FULL_OUTCOME, thin]), inputs("nl"))
    full_view, thin_view = profile.outcomes
    assert [(mark.name, mark.described) for mark in thin_view.dimensions] == [
        ("Wat", True), ("Wie", False), ("Hoeveel", False), ("Bijdrage", False), ("Risico", True)]
    assert thin_view.dimensions[1].label == "Wie: niet beschreven"
    assert thin_view.dimensions_text == "2 van de 5 dimensies beschreven"
    assert full_view.dimensions_text == "5 van de 5 dimensies beschreven"
    html = render_html(profile)
    assert html.count('class="dimension dimension-on"') == 5 + 2
    assert html.count('class="dimension"') == 3
    assert '<span class="dimension-count">2 van de 5 dimensies beschreven</span>' in html


# --- the overview ------------------------------------------------------------------------------

def test_the_overview_counts_the_dimensions_of_all_outcomes() -> None:
    thin = {"id": "thin", "what": WHAT}
    profile = build_profile(statement(outcomes=[FULL_OUTCOME, thin]), inputs())
    completeness = profile.completeness
    assert completeness is not None
    assert (completeness.described, completeness.possible) == (6, 10)
    assert completeness.text == "6 of 10 dimensions described"
    assert not completeness.sparse and completeness.sparse_note == ""
    html = render_html(profile)
    assert "<strong>6 of 10 dimensions described</strong>" in html
    assert "most parts of this profile are not reported" not in html


def test_a_statement_without_outcomes_does_not_call_itself_complete() -> None:
    profile = build_profile(statement(), inputs("nl"))
    completeness = profile.completeness
    assert completeness is not None
    assert completeness.text == "0 van de 5 dimensies beschreven"
    assert completeness.sparse
    html = render_html(profile)
    assert '<p class="completeness completeness-sparse">' in html
    assert ("Deze verklaring beschrijft nog weinig: de meeste onderdelen van dit profiel zijn niet "
            "gerapporteerd.") in html


@pytest.mark.parametrize("path", VALID_SAMPLES, ids=[p.stem for p in VALID_SAMPLES])
def test_the_overview_of_every_sample(path: Path) -> None:
    document = impactclaim.load(path)
    assert document.data is not None
    profile = build_profile(read_statement(document.data), inputs())
    completeness = profile.completeness
    assert completeness is not None
    expected = {"minimal": (0, 5), "fietsfabriek-utrecht": (15, 15), "buurtwerk-rotterdam-1.1": (14, 15),
                "circulair-meubel": (15, 15), "zorgcooperatie-de-linde": (14, 15)}
    assert (completeness.described, completeness.possible) == expected[path.stem]
    assert completeness.sparse is (path.stem == "minimal")


# --- IC208 ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("outcomes", "sparse"), [
    ([], True),  # no outcome: none of the five
    ([{"id": "a", "what": WHAT, "risks": [{"type": "execution"}]}], True),  # 2 of 5
    ([{"id": "a", "what": WHAT, "who": {"size": 3}, "risks": [{"type": "execution"}]}], False),  # 3 of 5
    ([FULL_OUTCOME, {"id": "b", "what": WHAT, "who": {"size": 3}}, {"id": "c", "what": WHAT}], False),  # 8 of 15
    ([FULL_OUTCOME, {"id": "b", "what": WHAT}, {"id": "c", "what": WHAT}], True),  # 7 of 15: fewer than 7.5
], ids=["none", "two-of-five", "three-of-five", "eight-of-fifteen", "seven-of-fifteen"])
def test_most_is_fewer_than_half_of_the_dimensions(outcomes: list[dict[str, Any]], sparse: bool) -> None:
    assert (sparse_profile(statement(outcomes=outcomes)) is not None) is sparse


def test_ic208_is_a_documented_render_warning() -> None:
    info = lookup("IC208")
    assert (info.slug, info.severity.value, info.stage, info.ignorable) == ("sparse-profile", "warning", "render", True)
    assert lookup("sparse-profile") is info
    assert "fewer than 2.5 of the five per outcome on average" in " ".join(info.documentation.split())
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "| IC208 | sparse-profile | warning |" in readme


def codes(path: Path, **options: Any) -> list[tuple[str, int]]:
    return [(f.code, f.line) for f in impactclaim.render(path, **options).findings]


def test_the_minimal_sample_gets_the_warning_and_is_still_rendered() -> None:
    rendered = impactclaim.render(MINIMAL)
    assert [(f.code, f.severity.value, f.line, f.pointer) for f in rendered.findings] == [
        ("IC208", "warning", 3, "")]  # the first line of the statement: schema_version
    assert "describes no outcomes" in rendered.findings[0].message
    assert rendered.content is not None and b"0 of 5 dimensions described" in rendered.content


@pytest.mark.parametrize("path", [p for p in VALID_SAMPLES if p != MINIMAL], ids=lambda p: p.stem)
def test_the_full_samples_do_not_get_the_warning(path: Path) -> None:
    assert "IC208" not in [code for code, _ in codes(path)]


def test_thin_outcomes_get_the_warning_at_the_outcomes_line(tmp_path: Path) -> None:
    path = tmp_path / "statement.yaml"
    path.write_text(MINIMAL_TEXT + "outcomes:\n  - id: work\n    what:\n      description: Trainees find work.\n"
                    "  - id: bread\n    what:\n      description: Neighbours buy good bread.\n", encoding="utf-8")
    findings = [f for f in impactclaim.render(path).findings if f.code == "IC208"]
    outcomes_line = MINIMAL_TEXT.count("\n") + 1
    assert [(f.line, f.pointer) for f in findings] == [(outcomes_line, "/outcomes")]
    assert findings[0].message == "the 2 outcomes describe 2 of their 10 dimensions of impact, fewer than half"


def test_the_warning_can_be_ignored_silenced_and_made_an_error(tmp_path: Path) -> None:
    assert codes(MINIMAL, ignore=["sparse-profile"]) == []
    silenced = tmp_path / "silenced" / "statement.yaml"
    silenced.parent.mkdir()
    silenced.write_text(MINIMAL_TEXT.replace('schema_version: "1.0"', 'schema_version: "1.0"  # impactclaim: '
                                             "ignore[IC208]"), encoding="utf-8")
    assert codes(silenced) == []
    strict = tmp_path / "strict"
    strict.mkdir()
    (strict / "impactclaim.toml").write_text('[severity]\nsparse-profile = "error"\n', encoding="utf-8")
    (strict / "statement.yaml").write_text(MINIMAL_TEXT, encoding="utf-8")
    rendered = impactclaim.render(strict / "statement.yaml")
    assert [(f.code, f.severity.value) for f in rendered.findings] == [("IC208", "error")]
    assert rendered.content is None  # an error stops the profile, as for any other code


def test_validate_does_not_report_it() -> None:
    assert [f.code for f in impactclaim.validate(MINIMAL)] == []
