"""The rule engine: registry, documented examples, configuration, command-line selection and silences."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from impactclaim.catalogue import catalogue
from impactclaim.checker import CheckOptions
from impactclaim.config import config_for_directory
from impactclaim.findings import Severity
from impactclaim.rules import REGISTRY, RULE_CLASSES, CodeSelection, UnknownCodeError, resolve
from impactclaim.rules.base import Rule
from tests.rules_support import check_fragment, check_text, codes_of, rule_findings, statement_text

RULE_IDS = [rule.code for rule in RULE_CLASSES]


@pytest.fixture(autouse=True)
def fresh_config_cache() -> None:
    config_for_directory.cache_clear()


def test_registry_is_keyed_by_unique_codes_and_slugs() -> None:
    assert len(REGISTRY) == len(RULE_CLASSES) >= 15
    assert len({rule.slug for rule in RULE_CLASSES}) == len(RULE_CLASSES)
    for rule in RULE_CLASSES:
        assert re.fullmatch(r"IC1\d\d", rule.code)
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.slug)
        assert rule.summary.endswith(".")
        assert rule.severity in (Severity.ERROR, Severity.WARNING)


def test_resolve_takes_codes_and_slugs_and_refuses_unknown_names() -> None:
    assert resolve("IC101") is resolve("ic101") is resolve("unsubstantiated-claim")
    with pytest.raises(UnknownCodeError, match="unknown code 'IC999'"):
        resolve("IC999")


@pytest.mark.parametrize("rule", RULE_CLASSES, ids=RULE_IDS)
def test_rule_documentation_has_a_failing_and_a_passing_example(rule: type[Rule]) -> None:
    documentation = rule.documentation()
    assert documentation.splitlines()[0].strip()
    assert set(rule.examples()) == {"failing", "passing"}, documentation


@pytest.mark.parametrize("rule", RULE_CLASSES, ids=RULE_IDS)
def test_failing_example_triggers_its_rule(rule: type[Rule]) -> None:
    findings = check_fragment(rule.examples()["failing"])
    schema_problems = [f for f in findings if not f.code.startswith("IC1")]
    assert schema_problems == [], "the example must be a schema-valid statement"
    assert rule.code in codes_of(findings)


@pytest.mark.parametrize("rule", RULE_CLASSES, ids=RULE_IDS)
def test_passing_example_does_not_trigger_its_rule(rule: type[Rule]) -> None:
    findings = check_fragment(rule.examples()["passing"])
    assert [f for f in findings if not f.code.startswith("IC1")] == []
    assert rule.code not in codes_of(findings)


DANGLING = """\
schema_version: "1.0"
language: en
organisation:
  name: Test BV
  kvk_number: "12345678"
reporting_period:
  start: "2025-01-01"
  end: "2025-12-31"
mission:
  statement: Jobs for people distant from the labour market.
metrics:
  - id: jobs
    name: People in paid work
    unit: people
    value: 12
    part_of: staf
outcomes:
  - id: work
    what:
      description: People find paid work.
      polarity: positive
    sdg_targets: ["8.5", "8.11"]
    metrics: [jobs, job]
claims:
  - id: work
    text: Twelve people found paid work.
    domain: social
    basis:
      metrics: [jobs]
      outcomes: [werk]
"""


def test_dangling_references_are_errors_at_the_referring_line() -> None:
    assert rule_findings(DANGLING, "IC107") == [
        (16, "/metrics/0/part_of"), (23, "/outcomes/0/metrics/1"), (30, "/claims/0/basis/outcomes/0")]
    messages = [f.message for f in check_text(DANGLING) if f.code == "IC107"]
    assert messages[2] == "claim 'work' refers to outcome 'werk', which does not exist"


def test_unknown_sdg_target_is_located_and_lists_the_real_ones() -> None:
    (finding,) = [f for f in check_text(DANGLING) if f.code == "IC110"]
    assert (finding.line, finding.pointer) == (22, "/outcomes/0/sdg_targets/1")
    assert finding.hint == "goal 8 has the targets 8.1, 8.2, 8.3, 8.4, 8.5, 8.6, 8.7, 8.8, 8.9, 8.10, 8.a, 8.b"


def test_the_sdg_list_has_the_169_targets() -> None:
    from impactclaim.rules.sdg import sdg_targets

    targets = sdg_targets()
    assert len(targets) == 169
    assert {"1.1", "8.10", "17.19", "14.c"} <= set(targets)


def test_duplicate_ids_are_errors_at_the_second_use() -> None:
    text = DANGLING.replace("    part_of: staf\n", "  - id: jobs\n    name: Again\n    unit: people\n    value: 3\n")
    assert rule_findings(text, "IC118") == [(16, "/metrics/1/id")]


# --- selection ---------------------------------------------------------------------------------

def test_selection_by_code_slug_and_severity() -> None:
    selection = CodeSelection.build(select=["IC101", "dangling-reference"], ignore=["IC101"],
                                    severities={"IC107": "warning"})
    assert [rule.code for rule in selection.rules()] == ["IC107"]
    assert selection.severity_of("IC107", Severity.ERROR) is Severity.WARNING
    with pytest.raises(UnknownCodeError):
        CodeSelection.build(severities={"IC107": "fatal"})


def write_statement(folder: Path, text: str = DANGLING) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "statement.yaml"
    path.write_text(text)
    return path


def test_cli_select_and_ignore(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = str(write_statement(tmp_path))
    _, report = cli.json("validate", path, "--select", "IC107,IC110")
    assert {f["code"] for f in report["files"][0]["findings"]} == {"IC107", "IC110"}
    _, report = cli.json("validate", path, "--select", "IC107", "--select", "unknown-sdg-target",
                         "--ignore", "IC107")
    assert {f["code"] for f in report["files"][0]["findings"]} == {"IC110"}


def test_cli_refuses_unknown_rule_names(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("validate", str(write_statement(tmp_path)), "--ignore", "IC999")
    assert result.exit_code == 2
    assert result.stderr == "impactclaim: error: unknown code 'IC999'; 'impactclaim rules' lists them\n"


def test_impactclaim_toml_is_found_upward(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "impactclaim.toml").write_text('ignore = ["IC107"]\n[severity]\nunknown-sdg-target = "warning"\n')
    path = str(write_statement(tmp_path / "submissions" / "2025"))
    _, report = cli.json("validate", path)
    findings = report["files"][0]["findings"]
    found = {(f["code"], f["severity"]) for f in findings}
    assert ("IC110", "warning") in found
    assert "IC107" not in {code for code, _ in found}
    assert ("IC110", "error") not in found
    _, report = cli.json("validate", path, "--no-config")
    assert "IC107" in {f["code"] for f in report["files"][0]["findings"]}


def test_pyproject_tool_table_is_used_and_the_nearest_file_wins(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "impactclaim.toml").write_text('select = ["IC107"]\n')
    (tmp_path / "inner").mkdir()
    (tmp_path / "inner" / "pyproject.toml").write_text(
        '[project]\nname = "x"\n[tool.impactclaim]\nselect = ["IC110"]\n')
    (tmp_path / "inner" / "plain").mkdir()
    (tmp_path / "inner" / "plain" / "pyproject.toml").write_text('[project]\nname = "no-table-here"\n')
    path = str(write_statement(tmp_path / "inner" / "plain" / "deeper"))
    _, report = cli.json("validate", path)
    assert {f["code"] for f in report["files"][0]["findings"]} == {"IC110"}


@pytest.mark.parametrize(("content", "message"), [
    ('select = ["IC999"]\n', "impactclaim.toml: unknown code 'IC999'"),
    ("select = [\n", "impactclaim.toml: invalid TOML"),
    ('selekt = ["IC101"]\n', "impactclaim.toml: unknown setting 'selekt'"),
    ('ignore = "IC101"\n', "impactclaim.toml: 'ignore' must be a list"),
])
def test_bad_configuration_is_a_clear_usage_error(cli, tmp_path: Path, content: str, message: str) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "impactclaim.toml").write_text(content)
    result = cli("validate", str(write_statement(tmp_path)))
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_strict_turns_warnings_into_failure(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = str(write_statement(tmp_path))
    assert cli("validate", path, "--select", "IC110", "--no-config").exit_code == 1
    (tmp_path / "impactclaim.toml").write_text('select = ["IC110"]\n[severity]\nIC110 = "warning"\n')
    assert cli("validate", path).exit_code == 0
    assert cli("validate", path, "--strict").exit_code == 1


# --- silences ----------------------------------------------------------------------------------

def test_a_silence_on_the_line_drops_the_finding(tmp_path: Path) -> None:
    text = DANGLING.replace('"8.11"]', '"8.11"]  # impactclaim: ignore[IC110]')
    assert "IC110" not in codes_of(check_text(text))
    assert "IC107" in codes_of(check_text(text))


def test_a_silence_alone_above_the_line_drops_the_finding_and_takes_slugs() -> None:
    text = DANGLING.replace("    sdg_targets:", "    # impactclaim: ignore[unknown-sdg-target]\n    sdg_targets:")
    assert "IC110" not in codes_of(check_text(text))


def test_a_stale_silence_is_an_error() -> None:
    silenced = '    sdg_targets: ["8.5"]  # impactclaim: ignore[IC110]'
    text = DANGLING.replace('    sdg_targets: ["8.5", "8.11"]', silenced)
    stale = [(f.line, f.column, f.message) for f in check_text(text) if f.code == "IC030"]
    assert stale == [(22, 27, "the silence of IC110 is stale: IC110 no longer fires on line 22")]


def test_a_silence_naming_no_rule_is_an_error() -> None:
    text = DANGLING.replace("    unit: people\n", "    unit: people  # impactclaim: ignore[IC999]\n", 1)
    assert [(f.line, f.message) for f in check_text(text) if f.code == "IC030"] == [
        (14, "the silence names 'IC999', which is no code")]


def test_a_silence_of_a_rule_that_did_not_run_is_not_stale(tmp_path: Path) -> None:
    from impactclaim import load_bytes
    from impactclaim.checker import check_document

    text = DANGLING.replace("    name: People in paid work\n", "    name: Work  # impactclaim: ignore[IC101]\n")
    document = load_bytes(text.encode(), "s.yaml")
    findings = check_document(document, CheckOptions(select=("IC110",), use_config=False))
    assert codes_of(findings) == ["IC110"]


# --- the rules command --------------------------------------------------------------------------

def test_rules_lists_every_code(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("rules")
    assert result.exit_code == 0
    listed = [line.split()[0] for line in result.stdout.splitlines()]
    assert listed == [info.code for info in catalogue()]
    assert {rule.code for rule in RULE_CLASSES} <= set(listed)
    assert {"IC001", "IC021", "IC022", "IC030", "IC201", "IC205", "IC207"} <= set(listed)


def test_rules_shows_the_documentation_of_one(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("rules", "dangling-reference")
    assert result.exit_code == 0
    assert result.stdout.startswith("IC107 dangling-reference (default severity: error)\n")
    assert "Failing example::" in result.stdout and "Passing example::" in result.stdout
    assert cli("rules", "IC999").exit_code == 2


def test_rules_do_not_run_on_a_statement_with_schema_errors() -> None:
    text = statement_text("claims:\n  - id: c\n    text: x\n    domain: social\n    basis: {metrics: [nope]}\n")
    broken = text.replace('kvk_number: \'90215378\'', "kvk_number: '1'")
    assert "IC107" in codes_of(check_text(text))
    assert codes_of(check_text(broken)) == ["IC021"]
