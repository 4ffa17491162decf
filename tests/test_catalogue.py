"""One catalogue of every code: listing, documentation, selection, severities, silences, SARIF and the README."""

from __future__ import annotations

import inspect
import json
import re
from pathlib import Path

import pytest
import yaml

from impactclaim import codes
from impactclaim.catalogue import (
    CodeInfo,
    UnknownCodeError,
    catalogue,
    explanation,
    lookup,
    markdown_table,
    suggestions,
)
from impactclaim.rules import RULE_CLASSES, CodeSelection
from tests.rules_support import check_text, statement_text

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


CODES = [info.code for info in catalogue()]


@pytest.mark.parametrize("code", CODES)
def test_explain_shows_every_code_in_full(cli, code: str) -> None:  # type: ignore[no-untyped-def]
    info = lookup(code)
    result = cli("explain", code)
    assert (result.exit_code, result.stderr) == (0, ""), result.output
    assert result.stdout == explanation(info)
    always = "" if info.ignorable else "; always reported, cannot be ignored"
    assert result.stdout.startswith(f"{code} {info.slug} (default severity: {info.severity.value}{always})\n"
                                    f"{info.summary}\n\n")
    body = info.documentation.split("\n\n", 1)[1] if info.is_rule else info.documentation
    assert body in result.stdout  # the whole documentation, not a cut
    assert cli("explain", info.slug).stdout == result.stdout
    assert cli("explain", code.lower()).stdout == result.stdout
    assert cli("rules", code).stdout == result.stdout  # rules CODE is explain CODE


def test_explain_ends_with_how_to_control_the_code(cli) -> None:  # type: ignore[no-untyped-def]
    ignorable = " ".join(cli("explain", "IC104").stdout.split())
    assert ignorable.endswith('Run only chosen rules with --select; leave IC104 out with --ignore IC104 (or ignore = '
                              '["IC104"] in impactclaim.toml), make it an error with scope-overreach = "error" in '
                              'the [severity] table of impactclaim.toml, or silence one finding with "# impactclaim: '
                              'ignore[IC104]" at the end of its line or alone on the line above it.')
    fatal = " ".join(cli("explain", "IC021").stdout.split())
    assert fatal.endswith("Always reported: a statement that does not match its schema cannot be checked at all, "
                          "so IC021 can be neither ignored, silenced nor given another severity. Fix the problem "
                          "instead.")
    assert "a file that cannot be read cannot be checked at all" in " ".join(cli("explain", "IC004").stdout.split())


@pytest.mark.parametrize(("name", "message"), [
    ("IC21", "unknown code 'IC21'; did you mean IC021 (schema)? 'impactclaim rules' lists them"),
    ("IC1O2", "unknown code 'IC1O2'; did you mean IC102 (generic-term)? 'impactclaim rules' lists them"),
    ("generic-terms", "unknown code 'generic-terms'; did you mean generic-term (IC102)? "
                      "'impactclaim rules' lists them"),
    ("baseline", "unknown code 'baseline'; did you mean outcome-without-baseline (IC108) or "
                 "improvement-without-baseline (IC126)? 'impactclaim rules' lists them"),
    ("IC999", "unknown code 'IC999'; 'impactclaim rules' lists them"),
    ("frobnicate", "unknown code 'frobnicate'; 'impactclaim rules' lists them"),
])
@pytest.mark.parametrize("command", ["explain", "rules"])
def test_an_unknown_code_is_a_usage_error_with_a_suggestion(cli, command: str, name: str,  # type: ignore[no-untyped-def]
                                                            message: str) -> None:
    result = cli(command, name)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"impactclaim: error: {message}\n"


def test_suggestions_for_codes_are_one_digit_away() -> None:
    assert [i.code for i in suggestions("IC120")] == ["IC120"]  # a real code is its own suggestion
    assert [i.code for i in suggestions("IC1020")] == ["IC020", "IC102", "IC120"]  # one digit too many
    assert [i.code for i in suggestions("IC201")] == ["IC201"]
    assert [i.code for i in suggestions("IC012")] == ["IC012"]
    assert [i.code for i in suggestions("IC310")] == ["IC010", "IC110", "IC130"]
    assert suggestions("IC999") == []  # nothing is close: no noise


def test_rules_lists_every_code_once(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("rules")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines] == CODES
    assert lines[CODES.index("IC021")].split()[1:3] == ["schema", "error"]


@pytest.mark.parametrize("info", [i for i in catalogue() if not i.is_rule], ids=lambda i: i.code)
def test_every_code_that_is_no_rule_is_explained_beyond_its_summary(info: CodeInfo) -> None:
    assert info.summary not in info.documentation
    # What triggers it and what to do: at least a few sentences, not one line.
    assert len(info.documentation) >= 250, info.documentation
    assert info.documentation == inspect.cleandoc(info.documentation)  # no stray indentation
    assert max(len(line) for line in info.documentation.splitlines()) <= 100


def documentation_examples(info: CodeInfo) -> dict[str, str]:
    found = {}
    for kind, block in re.findall(r"^(Failing|Passing) example::\n\n((?:[ ]{4}.*\n|\n)+)",
                                  info.documentation + "\n", flags=re.MULTILINE):
        found[kind.lower()] = "\n".join(line[4:] for line in block.splitlines()).strip("\n") + "\n"
    return found


PNG = bytes.fromhex(  # a 1x1 transparent PNG
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082")
EXAMPLES = [info for info in catalogue() if not info.is_rule and documentation_examples(info)]


def test_most_codes_that_are_no_rule_have_examples() -> None:
    assert [info.code for info in catalogue() if not info.is_rule and info not in EXAMPLES] == [
        "IC001", "IC002", "IC003", "IC011", "IC203", "IC206", "IC207"]  # files, sizes and bytes: not YAML to show


def example_findings(info: CodeInfo, example: str, tmp_path: Path) -> list[str]:
    """The codes found in an example: a whole file for the codes of loading, else a fragment of a statement."""
    import impactclaim

    if info.stage == "load":
        return [f.code for f in impactclaim.validate(impactclaim.load_bytes(example.encode(), "statement.yaml"))]
    minimal = (ROOT / "samples" / "valid" / "minimal.yaml").read_text(encoding="utf-8")
    added = {key for key in yaml.safe_load(example)}
    # New top-level keys are appended as written, so their comments (silences) stay.
    text = minimal + example if not added & set(yaml.safe_load(minimal)) else statement_text(example)
    statement = tmp_path / "statement.yaml"
    statement.write_text(text, encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(PNG)  # the logo.png the passing logo examples name
    if info.stage == "render":
        return [f.code for f in impactclaim.render(statement).findings]
    return [f.code for f in impactclaim.validate(statement)]


@pytest.mark.parametrize("info", EXAMPLES, ids=lambda i: i.code)
def test_the_examples_of_codes_that_are_no_rule_fail_and_pass(info: CodeInfo, tmp_path: Path) -> None:
    examples = documentation_examples(info)
    assert set(examples) == {"failing", "passing"}
    assert info.code in example_findings(info, examples["failing"], tmp_path)
    found = example_findings(info, examples["passing"], tmp_path)
    assert info.code not in found
    if info.stage != "load":  # a fragment completes the minimal statement: all of it is valid
        # ... but it describes no outcome, so rendering it also warns that the profile shows none of the
        # five dimensions of impact (IC208), except in the examples of IC208 itself.
        sparse = info.stage == "render" and info.code != codes.SPARSE_PROFILE.code
        assert found == ([codes.SPARSE_PROFILE.code] if sparse else []), found


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
