"""One catalogue of every code: listing, documentation, selection, severities, silences, SARIF and the README."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from impactclaim import codes
from impactclaim.catalogue import UnknownCodeError, catalogue, lookup, markdown_table
from impactclaim.rules import RULE_CLASSES, CodeSelection
from tests.rules_support import check_text

ROOT = Path(__file__).resolve().parent.parent

# A valid 1.1 statement with a deprecated property (IC022) on line 13.
DEPRECATED = """\
schema_version: "1.1"
language: en
organisation:
  name: Buurtbakkerij Het Zuurdesem
  kvk_number: "90215378"
reporting_period:
  start: "2025-01-01"
  end: "2025-12-31"
mission:
  statement: We bake bread with people who are looking for their way back to work.
outcomes:
  - id: work
    what: {description: People find work., polarity: positive}
    who: {stakeholder: Trainees, baseline: Out of work for three years.}
    risks: [{type: drop-off, level: low}]
    evidence:
      level: 2
      sources:
        - title: Our own follow-up
          independent: false
"""
DEPRECATED_LINE = 20


def test_every_code_is_in_the_catalogue_once() -> None:
    listed = [info.code for info in catalogue()]
    assert len(listed) == len(set(listed))
    assert set(codes.BUILTIN_CODES) | {rule.code for rule in RULE_CLASSES} == set(listed)
    assert all(re.fullmatch(r"IC\d{3}", code) for code in listed)
    assert all(info.summary and info.documentation for info in catalogue())


def test_the_readme_table_is_the_catalogue() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("<!-- codes:start -->\n", 1)[1].split("<!-- codes:end -->", 1)[0]
    assert table == markdown_table(), "regenerate the README table with: python -m impactclaim.catalogue"


@pytest.mark.parametrize("name", ["IC021", "schema", "ic205", "url-in-text", "IC022", "IC101", "generic-term"])
def test_rules_explains_every_kind_of_code(cli, name: str) -> None:  # type: ignore[no-untyped-def]
    result = cli("rules", name)
    assert result.exit_code == 0, result.output
    info = lookup(name)
    assert result.stdout.startswith(f"{info.code} {info.slug} (default severity: {info.severity.value}")
    assert info.documentation in result.stdout


def test_codes_that_stop_the_check_cannot_be_ignored() -> None:
    with pytest.raises(UnknownCodeError, match=r"IC004 \(yaml-syntax\) cannot be ignored"):
        CodeSelection.build(ignore=["yaml-syntax"])
    with pytest.raises(UnknownCodeError, match="cannot be given another severity"):
        CodeSelection.build(severities={"IC021": "warning"})
    assert CodeSelection.build(ignore=["IC022", "IC205"]).enabled("IC004")


def test_ignore_on_the_command_line_reaches_non_rule_codes(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    statement = tmp_path / "statement.yaml"
    statement.write_text(DEPRECATED, encoding="utf-8")
    code, report = cli.json("validate", str(statement))
    assert [(f["code"], f["line"]) for f in report["files"][0]["findings"]] == [("IC022", DEPRECATED_LINE)]
    code, report = cli.json("validate", "--ignore", "deprecated-field", str(statement))
    assert code == 0 and report["files"][0]["findings"] == []
    # --select chooses rules; it never hides a deprecation, and it takes rules only
    code, report = cli.json("validate", "--select", "IC101", str(statement))
    assert [f["code"] for f in report["files"][0]["findings"]] == ["IC022"]
    result = cli("validate", "--select", "IC022", str(statement))
    assert result.exit_code == 2 and "IC022 (deprecated-field) is no claim-quality rule" in result.stderr
    result = cli("validate", "--ignore", "IC004", str(statement))
    assert result.exit_code == 2 and "cannot be ignored" in result.stderr


def test_configuration_changes_the_severity_of_a_non_rule_code(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "impactclaim.toml").write_text('[severity]\ndeprecated-field = "error"\n', encoding="utf-8")
    statement = tmp_path / "statement.yaml"
    statement.write_text(DEPRECATED, encoding="utf-8")
    code, report = cli.json("validate", str(statement))
    assert code == 1
    assert [(f["code"], f["severity"]) for f in report["files"][0]["findings"]] == [("IC022", "error")]


def test_a_silence_reaches_every_ignorable_code_and_refuses_the_others() -> None:
    silenced = DEPRECATED.replace("independent: false", "independent: false  # impactclaim: ignore[IC022]")
    assert check_text(silenced) == []
    broken = DEPRECATED.replace('kvk_number: "90215378"', 'kvk_number: "9021"  # impactclaim: ignore[IC021]')
    found = [(f.code, f.message) for f in check_text(broken)]
    assert ("IC030", "the silence names IC021, which cannot be silenced: fix the problem instead") in found
    assert ("IC021", "organisation.kvk_number: '9021' does not have the expected form") in found


def test_sarif_describes_every_code(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    statement = tmp_path / "statement.yaml"
    statement.write_text(DEPRECATED, encoding="utf-8")
    result = cli("validate", "--format", "sarif", str(statement))
    rules = json.loads(result.stdout)["runs"][0]["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == [info.code for info in catalogue()]


URL_TEXT = DEPRECATED.replace("relation", "relation").replace(
    "  statement: We bake bread with people who are looking for their way back to work.",
    "  statement: We bake bread, see https://zuurdesem.example for where.")
URL_LINE = 10


def test_render_codes_follow_configuration_and_silences(tmp_path: Path) -> None:
    import impactclaim

    statement = tmp_path / "statement.yaml"
    statement.write_text(URL_TEXT, encoding="utf-8")
    rendered = impactclaim.render(statement)
    assert rendered.content is not None
    assert [(f.code, f.line) for f in rendered.findings] == [("IC205", URL_LINE), ("IC022", DEPRECATED_LINE)]

    statement.write_text(URL_TEXT.replace("for where.", "for where.  # impactclaim: ignore[url-in-text]"), "utf-8")
    assert [f.code for f in impactclaim.render(statement).findings] == ["IC022"]
    # validate emits no render codes, so the same silence is not stale there
    assert [f.code for f in impactclaim.validate(statement)] == ["IC022"]

    configured = tmp_path / "configured"  # configuration is read once per folder and process
    configured.mkdir()
    (configured / "statement.yaml").write_text(URL_TEXT, encoding="utf-8")
    (configured / "impactclaim.toml").write_text('ignore = ["IC205", "IC022"]\n', encoding="utf-8")
    assert impactclaim.render(configured / "statement.yaml").findings == []


def test_a_stale_silence_of_a_render_code_is_reported_when_rendering(tmp_path: Path) -> None:
    import impactclaim

    statement = tmp_path / "statement.yaml"
    silenced = DEPRECATED.replace("  statement: We bake", "  statement: We bake  # impactclaim: ignore[IC205]")
    statement.write_text(silenced.replace("independent: false", "relation: own"), encoding="utf-8")
    found = [(f.code, f.line) for f in impactclaim.render(statement).findings]
    assert found == [("IC030", URL_LINE)]
    assert impactclaim.validate(statement) == []


def test_ic030_follows_ignore_and_severity(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    stale = DEPRECATED.replace("independent: false", "relation: own  # impactclaim: ignore[IC104]")
    statement = tmp_path / "statement.yaml"
    statement.write_text(stale, encoding="utf-8")
    code, report = cli.json("validate", str(statement))
    assert (code, [f["code"] for f in report["files"][0]["findings"]]) == (1, ["IC030"])
    code, report = cli.json("validate", "--ignore", "stale-silence", str(statement))
    assert (code, report["files"][0]["findings"]) == (0, [])
    configured = tmp_path / "configured"
    configured.mkdir()
    (configured / "statement.yaml").write_text(stale, encoding="utf-8")
    (configured / "impactclaim.toml").write_text('[severity]\nIC030 = "warning"\n', encoding="utf-8")
    code, report = cli.json("validate", str(configured / "statement.yaml"))
    assert (code, [f["severity"] for f in report["files"][0]["findings"]]) == (0, ["warning"])
