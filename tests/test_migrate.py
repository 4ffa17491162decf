"""``impactclaim migrate``: statements rewritten to a newer schema version, byte for byte elsewhere.

The golden files under tests/golden/migrate/ hold every migratable sample as migrated to 1.1.
Regenerate them after an intended change with ``UPDATE_GOLDEN=1 pytest tests/test_migrate.py``
and review the diff.
"""

from __future__ import annotations

import codecs
import copy
import difflib
import itertools
import json
import os
import re
import stat
from pathlib import Path
from typing import Any

import pytest
import typer
from hypothesis import Phase, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema
from typer.testing import CliRunner

from impactclaim.checker import schema_findings
from impactclaim.loader import load_bytes
from impactclaim.migrate import (
    DEPRECATION_FIXERS,
    STEPS,
    MigrationOutcome,
    SourceText,
    UnknownVersionError,
    chain,
    migrate_bytes,
    migrate_path,
    resolve_target,
    unified_diff,
)
from impactclaim.migrate_command import migrate
from impactclaim.profile.command import render_document
from impactclaim.schema import deprecated_fields, supported_versions
from tests.conftest import ROOT, SAMPLES
from tests.test_properties import DETERMINISTIC, DUMP_STYLES, dump, printable

GOLDEN = ROOT / "tests" / "golden" / "migrate"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
VALID = sorted((SAMPLES / "valid").glob("*.yaml"))
VALID_1_0 = [p for p in VALID if re.search(rb'^schema_version: "1.0"', p.read_bytes(), re.MULTILINE)]
VALID_CURRENT = [p for p in VALID if p not in VALID_1_0]
MINIMAL = SAMPLES / "valid" / "minimal.yaml"
CIRCULAIR = SAMPLES / "valid" / "circulair-meubel.yaml"
INVALID = sorted(p / "statement.yaml" for p in (SAMPLES / "invalid").iterdir() if p.is_dir())
# Samples that match their schema migrate (claim-rule findings do not block); the others are refused.
SCHEMA_VALID_INVALID = [p for p in INVALID if p.parent.name == "impact-washing"]
REFUSED = [p for p in INVALID if p not in SCHEMA_VALID_INVALID]


def golden_name(path: Path) -> str:
    return f"{path.parent.name if path.name == 'statement.yaml' else path.stem}.yaml"


# --- running the command -----------------------------------------------------------------------

def command_app() -> typer.Typer:
    """The real app once ``migrate`` is registered in impactclaim.cli; until then, one around it."""
    from impactclaim.cli import app

    if any(info.callback is migrate for info in app.registered_commands):
        return app
    local = typer.Typer()
    local.callback()(lambda: None)  # a group, so the command is called by its name as in the real app
    local.command()(migrate)
    return local


def run(*args: str, cwd: Path | None = None) -> Any:
    previous = Path.cwd()
    os.chdir(cwd or ROOT)
    try:
        return CliRunner().invoke(command_app(), ["migrate", *args], catch_exceptions=False,
                                  env={"NO_COLOR": "1"})
    finally:
        os.chdir(previous)


def copy_to(tmp_path: Path, source: Path, name: str | None = None) -> Path:
    target = tmp_path / (name or golden_name(source))
    target.write_bytes(source.read_bytes())
    return target


# --- the version chain -------------------------------------------------------------------------

def test_the_steps_chain_every_shipped_version_to_the_newest() -> None:
    versions = supported_versions()
    assert versions[:2] == ("1.0", "1.1")
    assert [(step.source, step.target) for step in STEPS] == list(itertools.pairwise(versions))
    for version in versions:
        steps = chain(version, versions[-1])
        assert steps is not None and len(steps) == len(versions) - 1 - versions.index(version)
    assert resolve_target(None) == versions[-1]
    with pytest.raises(UnknownVersionError, match=r"known versions: 1\.0, 1\.1"):
        resolve_target("0.9")


# --- golden files ------------------------------------------------------------------------------

def changed_lines(before: bytes, after: bytes) -> list[int]:
    """0-based indexes of the lines that differ; the edits never add or remove a line."""
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    assert len(old) == len(new)
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    changed: list[int] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            assert tag == "replace" and (i1, i2) == (j1, j2), (tag, i1, i2, j1, j2)
            changed += range(i1, i2)
    return changed


def intended_lines(raw: bytes) -> list[int]:
    """The lines the 1.0 -> 1.1 migration should touch: the version and every ``independent``."""
    return [index for index, line in enumerate(raw.splitlines())
            if re.match(rb"\s*(schema_version|(- )?independent):", line)]


def test_the_samples_cover_both_versions() -> None:
    assert MINIMAL in VALID_1_0 and CIRCULAIR in VALID_1_0 and len(VALID_1_0) >= 4
    assert VALID_CURRENT, "a sample already at the newest version"


@pytest.mark.parametrize("path", VALID_CURRENT, ids=golden_name)
def test_samples_at_the_newest_version_need_nothing(path: Path) -> None:
    result = migrate_path(str(path), supported_versions()[-1])
    assert result.outcome is MigrationOutcome.CURRENT and result.migrated is None


@pytest.mark.parametrize("path", VALID_1_0 + SCHEMA_VALID_INVALID, ids=golden_name)
def test_samples_migrate_to_their_golden_files(path: Path) -> None:
    original = path.read_bytes()
    result = migrate_path(str(path), "1.1")
    assert result.outcome is MigrationOutcome.MIGRATED, (result.reason, result.findings)
    assert result.migrated is not None
    golden = GOLDEN / golden_name(path)
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(result.migrated)
    assert golden.is_file(), f"{golden} is missing; create it with UPDATE_GOLDEN=1"
    assert result.migrated == golden.read_bytes()

    # Only the intended lines changed, and within them only the edited tokens.
    changed = changed_lines(original, result.migrated)
    assert changed == intended_lines(original)
    before, after = original.splitlines(), result.migrated.splitlines()
    for index in changed:
        edited = re.sub(rb'"1\.0"|\bindependent: true\b|\bindependent: false\b', b"X", before[index])
        assert edited == re.sub(rb'"1\.1"|\brelation: independent\b|\brelation: own\b', b"X", after[index])
    # Every comment is still there, on its line.
    comments = [line for line in before if line.lstrip().startswith(b"#")]
    assert comments and comments == [line for line in after if line.lstrip().startswith(b"#")]

    # The result is a valid 1.1 statement saying the same, and no longer uses the deprecated flag.
    document = load_bytes(result.migrated, "migrated.yaml")
    assert document.findings == [] and document.data is not None
    assert [f for f in schema_findings(document) if f.code in ("IC020", "IC021", "IC022")] == []
    assert b"independent: " not in result.migrated
    # Every independent: false gets its notice, at the key.
    falses = [i + 1 for i, line in enumerate(before) if line.strip() == b"independent: false"]
    assert [n.line for n in result.notices] == falses
    assert all("relation: commissioned if another party did the research" in n.message for n in result.notices)


def test_every_golden_file_belongs_to_a_sample() -> None:
    expected = {golden_name(p) for p in VALID_1_0 + SCHEMA_VALID_INVALID}
    assert {p.name for p in GOLDEN.glob("*.yaml")} == expected


@pytest.mark.parametrize("path", REFUSED, ids=golden_name)
def test_invalid_samples_are_refused_with_their_first_problem(path: Path) -> None:
    result = migrate_path(str(path), "1.1")
    assert result.outcome is MigrationOutcome.REFUSED
    assert result.migrated is None
    assert "fix these first" in result.reason
    assert result.findings, "the reasons are shown"
    first = result.findings[0]
    assert (result.line, result.column) == (first.line, first.column)
    # The same place validate reports first (its golden report is next to the sample).
    expected = (path.parent / "expected.txt").read_text(encoding="utf-8").splitlines()[0]
    assert expected.startswith(f"{path.relative_to(ROOT)}:{first.line}:{first.column}: error[")


@pytest.mark.parametrize("path", REFUSED, ids=golden_name)
def test_the_command_refuses_invalid_samples_and_writes_nothing(tmp_path: Path, path: Path) -> None:
    target = copy_to(tmp_path, path)
    before = target.read_bytes(), target.stat().st_mtime_ns
    result = run(str(target))
    assert result.exit_code == 1
    first = result.stderr.splitlines()[0]
    assert re.fullmatch(rf"{re.escape(str(target))}:\d+:\d+: error: not migrated: .*", first), first
    assert "fix these first" in first
    assert "Traceback" not in result.output
    assert result.stdout == "0 files migrated to 1.1, 0 already current, 1 not migrated.\n"
    assert (target.read_bytes(), target.stat().st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]


# --- a statement written every which way -------------------------------------------------------

TRICKY = (
    "\ufeff# Written every which way: a BOM, CRLF line endings, comments, flow mappings, tabs.\r\n"
    "schema_version: '1.0'   # single-quoted on purpose\r\n"
    "language: en\r\n"
    "organisation: {name: \"Bäckerei\tZürich\", kvk_number: \"90215378\"}  # a tab inside the name\r\n"
    "reporting_period:\r\n"
    "  start: \"2025-01-01\"\r\n"
    "  end: \"2025-12-31\"\r\n"
    "mission:\r\n"
    "  statement: We bake bread.\r\n"
    "outcomes:\r\n"
    "  - id: work\r\n"
    "    what: {description: Trainees find paid work., polarity: positive}\r\n"
    "    evidence:\r\n"
    "      level: 2\r\n"
    "      sources:\r\n"
    "        # the first is a flow mapping with non-ASCII text before the flag\r\n"
    "        - {title: \"Évaluation\t2025 — ünïcode\", independent: true}\r\n"
    "        - title: Own follow-up\r\n"
    "          independent: false   # we did this ourselves\r\n"
    "        - {title: JSON style, \"independent\":false}\r\n"
    "        - title: Tagged\r\n"
    "          'independent': !!bool TRUE\r\n"
    "        - title: No flag at all\r\n"
)
TRICKY_MIGRATED = (
    "\ufeff# Written every which way: a BOM, CRLF line endings, comments, flow mappings, tabs.\r\n"
    "schema_version: '1.1'   # single-quoted on purpose\r\n"
    "language: en\r\n"
    "organisation: {name: \"Bäckerei\tZürich\", kvk_number: \"90215378\"}  # a tab inside the name\r\n"
    "reporting_period:\r\n"
    "  start: \"2025-01-01\"\r\n"
    "  end: \"2025-12-31\"\r\n"
    "mission:\r\n"
    "  statement: We bake bread.\r\n"
    "outcomes:\r\n"
    "  - id: work\r\n"
    "    what: {description: Trainees find paid work., polarity: positive}\r\n"
    "    evidence:\r\n"
    "      level: 2\r\n"
    "      sources:\r\n"
    "        # the first is a flow mapping with non-ASCII text before the flag\r\n"
    "        - {title: \"Évaluation\t2025 — ünïcode\", relation: independent}\r\n"
    "        - title: Own follow-up\r\n"
    "          relation: own   # we did this ourselves\r\n"
    "        - {title: JSON style, \"relation\":own}\r\n"
    "        - title: Tagged\r\n"
    "          'relation': independent\r\n"
    "        - title: No flag at all\r\n"
)


def test_a_statement_written_every_which_way_migrates_exactly() -> None:
    raw = TRICKY.encode("utf-8")
    assert raw.startswith(codecs.BOM_UTF8)
    source = load_bytes(raw, "tricky.yaml")
    assert source.findings == [] and schema_findings(source) == []
    result = migrate_bytes(raw, "tricky.yaml", "1.1")
    assert result.outcome is MigrationOutcome.MIGRATED, (result.reason, result.line, result.column, result.findings)
    assert result.migrated == TRICKY_MIGRATED.encode("utf-8")
    assert [(n.line, n.column) for n in result.notices] == [(19, 11), (20, 31)]
    assert result.notices[0].message == ("independent: false became relation: own; write relation: commissioned "
                                         "if another party did the research for you")


def test_a_lone_cr_and_a_double_quoted_version_keep_their_style() -> None:
    raw = (b'schema_version: "1.0"\rlanguage: en\rorganisation:\r  name: X\r  kvk_number: "90215378"\r'
           b'reporting_period: {start: "2025-01-01", end: "2025-12-31"}\rmission: {statement: Bread.}\r'
           b"outcomes: [{id: o, what: {description: D, polarity: positive},\r"
           b"  evidence: {level: 1, sources: [{title: T, independent:\r      true}]}}]")
    result = migrate_bytes(raw, "cr.yaml", "1.1")
    assert result.outcome is MigrationOutcome.MIGRATED, (result.reason, result.findings)
    assert result.migrated == raw.replace(b'"1.0"', b'"1.1"').replace(b"independent:\r      true",
                                                                      b"relation:\r      independent")


def test_an_aliased_flag_and_an_aliased_source_are_rewritten_once() -> None:
    raw = b"""schema_version: "1.0"
language: en
organisation: {name: X, kvk_number: "90215378"}
reporting_period: {start: "2025-01-01", end: "2025-12-31"}
mission: {statement: Bread.}
x-yes: &yes true
outcomes:
  - id: a
    what: {description: D, polarity: positive}
    evidence:
      level: 1
      sources:
        - &shared {title: Shared, independent: false}
        - {title: Aliased flag, independent: *yes}
  - id: b
    what: {description: D, polarity: positive}
    evidence:
      level: 1
      sources: [*shared]
"""
    result = migrate_bytes(raw, "alias.yaml", "1.1")
    assert result.outcome is MigrationOutcome.MIGRATED, (result.reason, result.findings)
    assert result.migrated == (raw.replace(b'"1.0"', b'"1.1"')
                               .replace(b"independent: false", b"relation: own")
                               .replace(b"independent: *yes", b"relation: independent"))
    assert len(result.notices) == 1  # the shared source is one source


def test_a_source_with_both_keeps_independent_and_says_so() -> None:
    # A valid 1.0 statement cannot have both (1.0 has no relation); the step still never drops data.
    raw = b"""schema_version: "1.0"
outcomes:
  - evidence:
      sources:
        - title: Both
          independent: true
          relation: commissioned
"""
    text = SourceText(load_bytes(raw, "both.yaml"))
    data = load_bytes(raw).data
    assert data is not None
    plan = STEPS[0].plan(text, copy.deepcopy(data))
    assert text.encode(plan.edits) == raw.replace(b'"1.0"', b'"1.1"')
    assert plan.expected["outcomes"][0]["evidence"]["sources"][0] == {
        "title": "Both", "independent": True, "relation": "commissioned"}
    assert len(plan.notices) == 1
    line, column, message = plan.notices[0]
    assert (line, column) == (6, 11)
    assert "independent: true was kept" in message and "relation: commissioned" in message


def test_a_rewrite_that_would_change_other_data_is_refused() -> None:
    # The anchored value of the flag is used elsewhere too: rewriting it in place would change x-flag.
    raw = b"""schema_version: "1.0"
language: en
organisation: {name: X, kvk_number: "90215378"}
reporting_period: {start: "2025-01-01", end: "2025-12-31"}
mission: {statement: Bread.}
outcomes:
  - id: a
    what: {description: D, polarity: positive}
    evidence: {level: 1, sources: [{title: T, independent: &flag true}]}
x-flag: *flag
"""
    result = migrate_bytes(raw, "anchor.yaml", "1.1")
    assert result.outcome is MigrationOutcome.REFUSED
    assert "change it by hand" in result.reason
    assert (result.line, result.column) == (9, 57)  # the anchored value x-flag would have changed with


def test_a_result_the_target_schema_refuses_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from impactclaim import migrate as module

    def breaks_the_statement(text: SourceText, data: dict[str, Any]) -> module.Plan:
        plan = module.Plan(expected=data)
        plan.edits.append(module._set_version(text, data, "1.1"))
        start, end = text.key_span(["language"])
        plan.edits.append(module.Edit(start=start, end=end, text="tongue"))
        data["tongue"] = data.pop("language")
        return plan

    monkeypatch.setattr(module, "STEPS", (module.Step(source="1.0", target="1.1", plan=breaks_the_statement),))
    result = migrate_path(str(CIRCULAIR), "1.1")
    assert result.outcome is MigrationOutcome.REFUSED
    assert result.reason == "the migrated statement would not be valid under schema 1.1; nothing was written"
    assert any("tongue" in f.message for f in result.findings)


# --- the command -------------------------------------------------------------------------------

def test_migrate_writes_in_place_atomically_and_keeps_the_mode(tmp_path: Path) -> None:
    target = copy_to(tmp_path, CIRCULAIR)
    target.chmod(0o640)
    link = tmp_path / "link.yaml"
    link.symlink_to(target.name)
    result = run(str(link))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-2:] == [f"{link}: migrated from 1.0 to 1.1",
                                               "1 file migrated to 1.1, 0 already current."]
    assert f"{link}:98:11: notice: independent: false became relation: own" in result.stdout
    assert target.read_bytes() == (GOLDEN / golden_name(CIRCULAIR)).read_bytes()
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert link.is_symlink(), "a link stays a link; the file it points to is migrated"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([target.name, link.name]), "no temporary files"


def test_a_file_named_twice_is_migrated_once(tmp_path: Path) -> None:
    target = copy_to(tmp_path, MINIMAL)
    (tmp_path / "z-link.yaml").symlink_to(target.name)
    result = run(str(tmp_path), str(target))
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{target}: migrated from 1.0 to 1.1\n1 file migrated to 1.1, 0 already current.\n"
    assert target.read_bytes() == (GOLDEN / "minimal.yaml").read_bytes()


def test_a_statement_already_at_the_target_is_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "new.yaml"
    target.write_bytes((GOLDEN / "minimal.yaml").read_bytes())
    mtime = target.stat().st_mtime_ns
    result = run(str(target))
    assert result.exit_code == 0
    assert result.stdout == f"{target}: already at 1.1\n0 files migrated to 1.1, 1 already current.\n"
    assert target.stat().st_mtime_ns == mtime


def test_check_lists_what_needs_migrating_and_writes_nothing(tmp_path: Path) -> None:
    old = copy_to(tmp_path, MINIMAL)
    new = tmp_path / "new.yaml"
    new.write_bytes((GOLDEN / "minimal.yaml").read_bytes())
    result = run("--check", str(tmp_path))
    assert result.exit_code == 1
    assert result.stdout == (f"{old}: needs migrating from 1.0 to 1.1\n"
                             "1 file needs migrating to 1.1, 1 already current.\n")
    assert old.read_bytes() == MINIMAL.read_bytes()
    result = run("--check", str(new))
    assert (result.exit_code, result.stdout) == (0, "0 files need migrating to 1.1, 1 already current.\n")


def test_diff_prints_a_patch_and_writes_nothing(tmp_path: Path) -> None:
    target = copy_to(tmp_path, MINIMAL)
    result = run("--diff", "minimal.yaml", cwd=tmp_path)
    assert result.exit_code == 0
    assert result.stdout == (
        "--- a/minimal.yaml\n"
        "+++ b/minimal.yaml\n"
        "@@ -1,6 +1,6 @@\n"
        " # The smallest valid impactclaim statement: only the required core.\n"
        " # Fictional organisation; the KvK number is invented.\n"
        '-schema_version: "1.0"\n'
        '+schema_version: "1.1"\n'
        " language: en\n"
        " organisation:\n"
        "   name: Buurtbakkerij Het Zuurdesem\n")
    assert result.stderr == "1 file would be migrated to 1.1, 0 already current.\n"
    assert target.read_bytes() == MINIMAL.read_bytes()
    # The patch applies: the diff of the golden file is the same.
    migrated = migrate_path(str(target), "1.1")
    assert unified_diff(migrated).replace(str(tmp_path).lstrip("/") + "/", "") == result.stdout


def test_diff_and_check_together_print_and_fail(tmp_path: Path) -> None:
    copy_to(tmp_path, CIRCULAIR)
    result = run("--check", "--diff", str(tmp_path))
    assert result.exit_code == 1
    added = [line for line in result.stdout.splitlines() if line.startswith("+") and not line.startswith("+++")]
    assert added == ['+schema_version: "1.1"', "+          relation: own", "+          relation: independent"]


def test_several_files_folders_and_globs_with_a_summary(tmp_path: Path) -> None:
    for path in VALID_1_0:
        copy_to(tmp_path, path)
    (tmp_path / "sub").mkdir()
    copy_to(tmp_path / "sub", REFUSED[0])
    current = tmp_path / "sub" / "current.yml"
    current.write_bytes((GOLDEN / "minimal.yaml").read_bytes())
    result = run(str(tmp_path / "*.yaml"), str(tmp_path / "sub"))
    assert result.exit_code == 1  # one could not be migrated
    summary = f"{len(VALID_1_0)} files migrated to 1.1, 1 already current, 1 not migrated."
    assert result.stdout.splitlines()[-1] == summary
    for path in VALID_1_0:
        assert (tmp_path / path.name).read_bytes() == (GOLDEN / path.name).read_bytes()


def test_unusable_paths_are_messages_not_tracebacks(tmp_path: Path) -> None:
    pdf = tmp_path / "profile.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%%EOF\n")
    result = run(str(tmp_path / "missing.yaml"), str(pdf), str(tmp_path / "empty"))
    assert result.exit_code == 1
    assert f"{tmp_path / 'missing.yaml'}:1:1: error: not migrated: no such file\n" in result.stderr
    assert f"{pdf}:1:1: error: not migrated: the file is a PDF profile" in result.stderr
    assert "Traceback" not in result.output
    assert result.stdout.splitlines()[-1] == "0 files migrated to 1.1, 0 already current, 3 not migrated."
    assert pdf.read_bytes() == b"%PDF-1.7\n%%EOF\n"


def test_an_empty_folder_warns_and_succeeds(tmp_path: Path) -> None:
    result = run(str(tmp_path))
    assert result.exit_code == 0
    assert "no *.yaml or *.yml files found" in result.stderr


@pytest.mark.parametrize("to", ["2.0", "1", "latest"])
def test_an_unknown_target_is_a_usage_error(tmp_path: Path, to: str) -> None:
    target = copy_to(tmp_path, MINIMAL)
    result = run("--to", to, str(target))
    assert result.exit_code == 2
    assert result.stderr == f"impactclaim: error: unknown schema version {to!r}; known versions: 1.0, 1.1\n"
    assert target.read_bytes() == MINIMAL.read_bytes()


def test_a_target_older_than_a_file_is_a_usage_error_and_nothing_is_written(tmp_path: Path) -> None:
    old = copy_to(tmp_path, CIRCULAIR)
    new = tmp_path / "new.yaml"
    new.write_bytes((GOLDEN / "minimal.yaml").read_bytes())
    result = run("--to", "1.0", str(old), str(new))
    assert result.exit_code == 2
    assert f"{new}: the statement is at schema 1.1, newer than 1.0" in result.stderr
    assert result.stderr.endswith("known versions: 1.0, 1.1\n")
    assert result.stdout == ""
    assert old.read_bytes() == CIRCULAIR.read_bytes()


def test_to_the_same_version_is_nothing_to_do(tmp_path: Path) -> None:
    target = copy_to(tmp_path, CIRCULAIR)
    result = run("--to", "1.0", str(target))
    assert result.exit_code == 0
    assert result.stdout.endswith("already at 1.0\n0 files migrated to 1.0, 1 already current.\n")


# --- deprecated fields in a statement already at the target version ----------------------------

CORE_1_1 = """\
# A 1.1 statement that still uses the flag 1.1 deprecates.
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
    evidence:
      level: 2
      sources:
"""
DEPRECATED_1_1 = CORE_1_1 + """\
        # our own monitoring
        - title: Our own follow-up
          independent: false   # we asked them ourselves
        - {title: University study, independent: true}
        - title: Agency evaluation
          relation: commissioned
"""
DEPRECATED_1_1_MIGRATED = CORE_1_1 + """\
        # our own monitoring
        - title: Our own follow-up
          relation: own   # we asked them ourselves
        - {title: University study, relation: independent}
        - title: Agency evaluation
          relation: commissioned
"""
# A source with both: 1.1 allows it; the flag is kept, and so the file has nothing to rewrite.
BOTH_1_1 = CORE_1_1 + """\
        - title: Both
          independent: true   # kept
          relation: commissioned
"""
OWN_NOTICE = ("independent: false became relation: own; write relation: commissioned if another party did the "
              "research for you")
BOTH_NOTICE = ("independent: true was kept because the source already has relation: commissioned; remove "
               "independent once relation is right")


def deprecations(raw: bytes) -> list[tuple[int, int]]:
    """Where IC022 warns, after checking the statement is valid."""
    document = load_bytes(raw, "s.yaml")
    findings = schema_findings(document)
    assert document.findings == [] and [f for f in findings if f.is_error] == []
    return [(f.line, f.column) for f in findings if f.code == "IC022"]


def test_every_deprecated_field_has_a_fixer_for_its_version() -> None:
    for version in supported_versions():
        assert ({fixer.location for fixer in DEPRECATION_FIXERS.get(version, ())}
                == {field.location for field in deprecated_fields(version)}), version


def test_the_step_to_a_version_replaces_that_versions_deprecated_fields(monkeypatch: pytest.MonkeyPatch) -> None:
    # The 1.0 -> 1.1 step uses DEPRECATION_FIXERS["1.1"] itself: without them it only sets the version.
    monkeypatch.setitem(DEPRECATION_FIXERS, "1.1", ())
    result = migrate_path(str(MINIMAL), "1.1")
    assert result.outcome is MigrationOutcome.MIGRATED
    result = migrate_bytes(TRICKY.encode("utf-8"), "tricky.yaml", "1.1")
    assert result.migrated == TRICKY.replace("'1.0'", "'1.1'", 1).encode("utf-8")
    assert result.notices == ()


def test_deprecated_fields_of_the_target_version_are_rewritten() -> None:
    raw = DEPRECATED_1_1.encode("utf-8")
    assert deprecations(raw) == [(20, 11), (21, 37)]
    result = migrate_bytes(raw, "s.yaml", "1.1")
    assert result.outcome is MigrationOutcome.MIGRATED, (result.reason, result.findings)
    assert result.deprecations_only and result.source_version == "1.1"
    assert result.migrated == DEPRECATED_1_1_MIGRATED.encode("utf-8")
    assert [(n.line, n.column, n.message) for n in result.notices] == [(20, 11, OWN_NOTICE)]
    assert deprecations(result.migrated) == []
    # Migrated again, it is current.
    again = migrate_bytes(result.migrated, "s.yaml", "1.1")
    assert (again.outcome, again.migrated, again.notices) == (MigrationOutcome.CURRENT, None, ())


def test_check_fails_on_deprecated_fields_and_names_them(tmp_path: Path) -> None:
    deprecated = tmp_path / "deprecated.yaml"
    deprecated.write_text(DEPRECATED_1_1, encoding="utf-8")
    old = copy_to(tmp_path, MINIMAL)
    clean = tmp_path / "new.yaml"
    clean.write_bytes((GOLDEN / "minimal.yaml").read_bytes())
    result = run("--check", str(tmp_path))
    assert result.exit_code == 1
    assert result.stdout == (
        f"{deprecated}: needs rewriting of deprecated fields in 1.1\n"
        f"{old}: needs migrating from 1.0 to 1.1\n"
        "1 file needs migrating to 1.1, 1 file needs rewriting of deprecated fields in 1.1, 1 already current.\n")
    assert result.stderr == ""
    result = run("--check", str(deprecated))
    assert result.exit_code == 1
    assert result.stdout == (f"{deprecated}: needs rewriting of deprecated fields in 1.1\n"
                             "0 files need migrating to 1.1, 1 file needs rewriting of deprecated fields in 1.1, "
                             "0 already current.\n")
    assert deprecated.read_text(encoding="utf-8") == DEPRECATED_1_1
    assert old.read_bytes() == MINIMAL.read_bytes()


def test_diff_shows_the_rewrite_of_deprecated_fields(tmp_path: Path) -> None:
    target = tmp_path / "deprecated.yaml"
    target.write_text(DEPRECATED_1_1, encoding="utf-8")
    result = run("--diff", "deprecated.yaml", cwd=tmp_path)
    assert result.exit_code == 0
    assert result.stdout == (
        "--- a/deprecated.yaml\n"
        "+++ b/deprecated.yaml\n"
        "@@ -17,7 +17,7 @@\n"
        "       sources:\n"
        "         # our own monitoring\n"
        "         - title: Our own follow-up\n"
        "-          independent: false   # we asked them ourselves\n"
        "-        - {title: University study, independent: true}\n"
        "+          relation: own   # we asked them ourselves\n"
        "+        - {title: University study, relation: independent}\n"
        "         - title: Agency evaluation\n"
        "           relation: commissioned\n")
    assert result.stderr == (f"deprecated.yaml:20:11: notice: {OWN_NOTICE}\n"
                             "0 files would be migrated to 1.1, 1 file would have deprecated fields in 1.1 "
                             "rewritten, 0 already current.\n")
    assert target.read_text(encoding="utf-8") == DEPRECATED_1_1


def test_a_run_rewrites_deprecated_fields_in_place(tmp_path: Path) -> None:
    target = tmp_path / "deprecated.yaml"
    target.write_text(DEPRECATED_1_1, encoding="utf-8")
    target.chmod(0o640)
    result = run(str(target))
    assert result.exit_code == 0, result.output
    assert result.stdout == (f"{target}:20:11: notice: {OWN_NOTICE}\n"
                             f"{target}: rewrote deprecated fields in 1.1\n"
                             "0 files migrated to 1.1, 1 file with deprecated fields in 1.1 rewritten, "
                             "0 already current.\n")
    assert target.read_text(encoding="utf-8") == DEPRECATED_1_1_MIGRATED
    assert deprecations(target.read_bytes()) == []
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == [target.name], "no temporary files"
    again = run(str(target))
    assert (again.exit_code, again.stdout) == (0, f"{target}: already at 1.1\n"
                                                  "0 files migrated to 1.1, 1 already current.\n")


def test_a_source_with_both_in_a_current_file_is_kept_with_a_notice(tmp_path: Path) -> None:
    target = tmp_path / "both.yaml"
    target.write_text(BOTH_1_1, encoding="utf-8")
    assert deprecations(target.read_bytes()) == [(19, 11)]
    mtime = target.stat().st_mtime_ns
    # Nothing migrate can rewrite: the file is current, and a run says what to do by hand.
    result = run(str(target))
    assert result.exit_code == 0
    assert result.stdout == (f"{target}:19:11: notice: {BOTH_NOTICE}\n"
                             f"{target}: already at 1.1\n0 files migrated to 1.1, 1 already current.\n")
    result = run("--check", str(target))
    assert (result.exit_code, result.stdout) == (0, "0 files need migrating to 1.1, 1 already current.\n")
    result = run("--diff", str(target))
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == (f"{target}:19:11: notice: {BOTH_NOTICE}\n"
                             "0 files would be migrated to 1.1, 1 already current.\n")
    assert (target.read_text(encoding="utf-8"), target.stat().st_mtime_ns) == (BOTH_1_1, mtime)


def test_a_source_with_both_next_to_one_to_rewrite(tmp_path: Path) -> None:
    target = tmp_path / "mixed.yaml"
    target.write_text(BOTH_1_1 + "        - {title: University study, independent: true}\n", encoding="utf-8")
    result = run("--check", str(target))
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == f"{target}: needs rewriting of deprecated fields in 1.1"
    result = run(str(target))
    assert result.exit_code == 0, result.output
    assert result.stdout == (f"{target}:19:11: notice: {BOTH_NOTICE}\n"
                             f"{target}: rewrote deprecated fields in 1.1\n"
                             "0 files migrated to 1.1, 1 file with deprecated fields in 1.1 rewritten, "
                             "0 already current.\n")
    assert target.read_text(encoding="utf-8") == (BOTH_1_1 + "        - {title: University study, "
                                                              "relation: independent}\n")
    assert deprecations(target.read_bytes()) == [(19, 11)]  # the one kept on purpose


def test_a_result_that_cannot_be_written_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from impactclaim import migrate as module

    def fails(path: str, data: bytes) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(module, "atomic_write", fails)
    target = tmp_path / "deprecated.yaml"
    target.write_text(DEPRECATED_1_1, encoding="utf-8")
    result = run(str(target))
    assert result.exit_code == 2
    assert result.stderr == f"{target}: error: not migrated: the file cannot be written: permission denied\n"
    assert result.stdout.splitlines()[-1] == "0 files migrated to 1.1, 0 already current, 1 not migrated."
    assert target.read_text(encoding="utf-8") == DEPRECATED_1_1


# --- property: a migrated statement is valid and renders the same ------------------------------

# Statements from the 1.0 schema as tests/test_properties.py makes them (the schema as it is,
# from a fresh copy: hypothesis-jsonschema inlines the references of a schema it is given), each
# outcome then given one to three evidence sources generated from the source definition with the
# flag set. Asking the whole schema for that (a dense copy) generates ten times slower.
SCHEMA_1_0 = json.loads((ROOT / "schemas" / "1.0" / "statement.schema.json").read_text(encoding="utf-8"))
SOURCES = st.lists(from_schema({**SCHEMA_1_0["$defs"]["source"], "required": ["title", "independent"],
                                "$defs": SCHEMA_1_0["$defs"]}, allow_x00=False), min_size=1, max_size=3)
BASE = from_schema(SCHEMA_1_0, allow_x00=False)
AN_OUTCOME = {"id": "work", "what": {"description": "Trainees find paid work.", "polarity": "positive"}}


@st.composite
def statements_with_sources(draw: st.DrawFn) -> dict[str, Any]:
    data: dict[str, Any] = draw(BASE)  # type: ignore[arg-type]  # the schema's root is a mapping
    if not data.get("outcomes"):
        data["outcomes"] = [copy.deepcopy(AN_OUTCOME)]
    for outcome in data["outcomes"]:
        evidence = outcome.setdefault("evidence", {"level": draw(st.integers(min_value=1, max_value=5))})
        evidence["sources"] = draw(SOURCES)
    result: dict[str, Any] = printable(data)
    return result


STATEMENTS_WITH_SOURCES = statements_with_sources()
VERSION_SHOWN = re.compile(r"(Schema) 1\.[01]\b")


def html_of(raw: bytes, language: str) -> str:
    document = load_bytes(raw, "statement.yaml")
    html = render_document(document, output_format="html", language=language).decode("utf-8")
    return VERSION_SHOWN.sub(r"\1 X", html)


# No shrinking: shrinking a failing statement this size takes minutes; the failing example is
# reported as generated.
@settings(DETERMINISTIC, max_examples=12, phases=[Phase.explicit, Phase.generate])
@given(STATEMENTS_WITH_SOURCES, DUMP_STYLES, st.sampled_from(["nl", "en"]))
def test_a_migrated_statement_is_valid_under_1_1_and_renders_the_same(
        data: dict[str, Any], style: dict[str, Any], language: str) -> None:
    raw = dump(data, style).encode("utf-8")
    result = migrate_bytes(raw, "statement.yaml", "1.1")
    assert result.outcome is MigrationOutcome.MIGRATED, (result.reason, result.line, result.column, result.findings)
    assert result.migrated is not None
    migrated = load_bytes(result.migrated, "statement.yaml")
    assert migrated.data is not None
    assert [f for f in schema_findings(migrated) if f.code in ("IC020", "IC021", "IC022")] == []
    # The same statement, with the flag renamed: nothing else changed.
    expected = json.loads(json.dumps(data))
    expected["schema_version"] = "1.1"
    for outcome in expected["outcomes"]:
        for source in outcome["evidence"]["sources"]:
            source["relation"] = "independent" if source.pop("independent") else "own"
    assert migrated.data == expected
    assert len(re.split(rb"\r\n|\r|\n", result.migrated)) == len(re.split(rb"\r\n|\r|\n", raw))
    assert html_of(result.migrated, language) == html_of(raw, language)
