"""The command line through typer's CliRunner (exceptions not caught) and as a real process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from impactclaim import __version__
from impactclaim import cli as cli_module
from impactclaim.checker import FileResult
from impactclaim.findings import Finding, Severity
from impactclaim.reporters import Summary, TextReporter
from tests.conftest import ROOT

GOOD = "samples/valid/minimal.yaml"
BAD = "samples/invalid/kvk-number-too-short/statement.yaml"


def test_version(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("--version")
    assert result.exit_code == 0
    assert result.stdout == f"impactclaim {__version__}\n"


@pytest.mark.parametrize("args", [["--help"], ["validate", "--help"], ["-h"]])
def test_help_on_every_command(cli, args: list[str]) -> None:  # type: ignore[no-untyped-def]
    result = cli(*args)
    assert result.exit_code == 0
    assert "Usage:" in result.stdout


def test_shell_completion_is_offered(cli) -> None:  # type: ignore[no-untyped-def]
    assert "--install-completion" in cli("--help").stdout


def test_valid_file_exits_0(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("validate", GOOD)
    assert (result.exit_code, result.stdout) == (0, "1 file checked: all valid (0 errors, 0 warnings).\n")


def test_every_file_is_reported_and_one_failure_fails_the_run(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("validate", GOOD, BAD, "samples/invalid/several-problems/statement.yaml")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{BAD}:6:15: error[IC021] organisation.kvk_number: '9021537'")
    assert sum(": error[" in line for line in lines) == 5
    assert lines[-1] == "3 files checked: 1 valid, 2 invalid (5 errors, 0 warnings)."


def test_text_output_layout(cli) -> None:  # type: ignore[no-untyped-def]
    assert cli("validate", BAD).stdout == (
        f"{BAD}:6:15: error[IC021] organisation.kvk_number: '9021537' does not have the expected form\n"
        "    at /organisation/kvk_number\n"
        "    hint: The 8-digit registration number in the Dutch Chamber of Commerce (Kamer van Koophandel)"
        " trade register.\n"
        "1 file checked: 0 valid, 1 invalid (1 error, 0 warnings).\n"
    )


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_exit_codes_are_the_same_in_every_format(cli, fmt: str) -> None:  # type: ignore[no-untyped-def]
    assert cli("validate", GOOD, "--format", fmt).exit_code == 0
    assert cli("validate", BAD, "--format", fmt).exit_code == 1
    assert cli("validate", BAD, "--format", fmt, "--max-bytes", "0").exit_code == 2


def test_json_output(cli) -> None:  # type: ignore[no-untyped-def]
    exit_code, report = cli.json("validate", GOOD, BAD)
    assert exit_code == 1
    assert [f["path"] for f in report["files"]] == [BAD, GOOD]  # sorted by path, whatever the order given
    assert report["files"][1] == {"path": GOOD, "valid": True, "errors": 0, "warnings": 0, "findings": []}
    assert report["files"][0]["findings"][0] == {
        "path": BAD, "line": 6, "column": 15, "pointer": "/organisation/kvk_number", "code": "IC021",
        "severity": "error", "message": "organisation.kvk_number: '9021537' does not have the expected form",
        "hint": "The 8-digit registration number in the Dutch Chamber of Commerce (Kamer van Koophandel) "
                "trade register.",
    }
    assert report["summary"] == {"files": 2, "valid": 1, "invalid": 1, "errors": 1, "warnings": 0}


def test_missing_paths_are_findings_not_crashes(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("validate", str(tmp_path / "nope.yaml"))
    assert result.exit_code == 1
    assert f"{tmp_path / 'nope.yaml'}:1:1: error[IC001] no such file" in result.stdout


ALLOW_EMPTY_HINT = "impactclaim: pass --allow-empty when that is expected\n"


def test_a_folder_without_statements_is_a_usage_error(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "x.yaml").mkdir()  # a folder named like a statement is searched, not read
    result = cli("validate", str(tmp_path))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (f"impactclaim: error: no statement files (*.yaml, *.yml) found in {tmp_path}\n"
                             + ALLOW_EMPTY_HINT)


def test_allow_empty_accepts_a_folder_without_statements(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("validate", "--allow-empty", str(tmp_path))
    assert (result.exit_code, result.stdout) == (0, "No statement files checked.\n")
    assert result.stderr == f"impactclaim: warning: no statement files (*.yaml, *.yml) found in {tmp_path}\n"
    exit_code, report = cli.json("validate", "--allow-empty", str(tmp_path))
    assert (exit_code, report["files"], report["summary"]["files"]) == (0, [], 0)


def test_everything_excluded_is_a_usage_error_that_names_the_excludes(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.yaml").write_text("x: 1\n", encoding="utf-8")
    result = cli("validate", str(tmp_path), "--exclude", "drafts")
    assert result.exit_code == 2
    assert result.stderr == (f"impactclaim: error: no statement files (*.yaml, *.yml) found in {tmp_path} "
                             "after --exclude drafts\n" + ALLOW_EMPTY_HINT)
    assert cli("validate", str(tmp_path), "--exclude", "drafts", "--allow-empty").exit_code == 0


def test_no_arguments_at_all_pass_only_with_allow_empty(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("validate")
    assert result.exit_code == 2
    assert result.stderr == ("impactclaim: error: no statement files given: name files, folders or glob patterns\n"
                             + ALLOW_EMPTY_HINT)
    result = cli("validate", "--allow-empty")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "No statement files checked.\n", "")


def test_a_pattern_that_matches_nothing_says_so(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # What a shell passes on when the glob it was given matches no file.
    pattern = str(tmp_path / "submissions" / "*.yml")
    result = cli("validate", pattern)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"impactclaim: error: no file matches the pattern {pattern!r}\n" + ALLOW_EMPTY_HINT
    assert "no such file" not in result.output
    # Beside a statement it is still refused, before anything is checked ...
    result = cli("validate", GOOD, pattern)
    assert (result.exit_code, result.stdout) == (2, "")
    # ... unless --allow-empty: then a warning, and the rest is checked.
    result = cli("validate", GOOD, pattern, "--allow-empty")
    assert result.exit_code == 0
    assert result.stdout == "1 file checked: all valid (0 errors, 0 warnings).\n"
    assert result.stderr == f"impactclaim: warning: no file matches the pattern {pattern!r}\n"


def test_a_missing_file_named_as_such_is_still_a_finding(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("validate", str(tmp_path / "nope.yaml"), "--allow-empty")
    assert result.exit_code == 1
    assert "error[IC001] no such file" in result.stdout


def test_an_empty_shard_of_a_non_empty_batch_is_fine(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import shutil

    shutil.copy(ROOT / GOOD, tmp_path / "only.yaml")
    results = [cli("validate", str(tmp_path), "--shard", f"{index}/2") for index in (1, 2)]
    assert sorted(r.exit_code for r in results) == [0, 0]
    assert sorted(r.stdout for r in results) == ["1 file checked: all valid (0 errors, 0 warnings).\n",
                                                 "No statement files checked.\n"]


def test_the_pre_commit_hook_passes_when_it_gets_no_file_names() -> None:
    import shlex

    import yaml

    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["entry"] == "impactclaim validate --jobs 1 --allow-empty"
    command = shlex.split(hook["entry"])
    command[0] = str(Path(sys.executable).parent / command[0])
    # pre-commit runs the entry without file names with always_run: true or pass_filenames: false.
    nothing = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert (nothing.returncode, nothing.stdout, nothing.stderr) == (0, "No statement files checked.\n", "")
    broken = subprocess.run([*command, BAD], cwd=ROOT, capture_output=True, text=True, check=False)
    assert broken.returncode == 1 and "error[IC021]" in broken.stdout
    manifest = subprocess.run([str(Path(sys.executable).parent / "pre-commit"), "validate-manifest",
                               ".pre-commit-hooks.yaml"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert manifest.returncode == 0, manifest.stdout + manifest.stderr


def test_counts_of_one_are_singular_in_every_summary(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("validate", BAD).stdout.endswith("1 file checked: 0 valid, 1 invalid (1 error, 0 warnings).\n")
    github = cli("validate", BAD, "--format", "github").stdout
    assert github.endswith("\n1 file checked: 0 valid, 1 invalid (1 error, 0 warnings).\n")
    assert cli("validate", GOOD, BAD, "--format", "github").stdout.endswith(
        "\n2 files checked: 1 valid, 1 invalid (1 error, 0 warnings).\n")
    junit = cli("validate", BAD, "--format", "junit").stdout
    assert 'message="1 error, 0 warnings"' in junit
    report = tmp_path / "report.html"
    assert cli("validate", BAD, "--report", str(report)).exit_code == 1
    html = report.read_text(encoding="utf-8")
    assert "<p>1 statement checked with impactclaim" in html
    assert "<li><strong>1</strong> error</li>" in html and "<li><strong>0</strong> warnings</li>" in html


@pytest.mark.parametrize("args", [["validate"], ["validate", GOOD, "--format", "xml"], ["frobnicate"],
                                  ["validate", GOOD, "--no-such-option"], ["validate", GOOD, "--jobs", "0"],
                                  ["validate", GOOD, "--max-bytes", "0"]])
def test_usage_errors_exit_2(cli, args: list[str]) -> None:  # type: ignore[no-untyped-def]
    result = cli(*args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_max_bytes_option(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("validate", GOOD, "--max-bytes", "100")
    assert result.exit_code == 1
    assert "error[IC002] the file is" in result.stdout


def result_with(severity: Severity) -> FileResult:
    finding = Finding("s.yaml", 3, 5, "/a", "IC999", severity, "something", "fix it")
    return FileResult("s.yaml", (finding,))


def test_warnings_pass_unless_strict() -> None:
    warning = result_with(Severity.WARNING)
    assert warning.passes() and not warning.passes(strict=True)
    summary = Summary()
    summary.add(warning, strict=True)
    assert (summary.passed, summary.failed, summary.warnings) == (0, 1, 1)


def test_warnings_are_labelled_as_such() -> None:
    import io

    stream = io.StringIO()
    TextReporter(stream).file_result(result_with(Severity.WARNING))
    assert stream.getvalue() == "s.yaml:3:5: warning[IC999] something\n    at /a\n    hint: fix it\n"


def test_colour_only_on_a_terminal_and_never_with_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal:
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert cli_module.use_color(Terminal()) is True  # type: ignore[arg-type]
    assert cli_module.use_color(__import__("io").StringIO()) is False
    monkeypatch.setenv("NO_COLOR", "1")
    assert cli_module.use_color(Terminal()) is False  # type: ignore[arg-type]


def test_coloured_output_keeps_the_same_text() -> None:
    import io

    stream = io.StringIO()
    TextReporter(stream, color=True).file_result(result_with(Severity.ERROR))
    assert "\033[1;31merror[IC999]\033[0m" in stream.getvalue()
    assert __import__("re").sub(r"\033\[[0-9;]*m", "", stream.getvalue()).startswith("s.yaml:3:5: error[IC999]")


def test_internal_errors_exit_2_without_a_traceback(monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("impactclaim.checker.check_path", explode)
    monkeypatch.setattr(sys, "argv", ["impactclaim", "validate", GOOD])
    with pytest.raises(SystemExit) as stopped:
        cli_module.main()
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("impactclaim: internal error: RuntimeError: boom")
    assert "Traceback" not in err


def test_python_dash_m_and_the_console_script_work() -> None:
    for command in ([sys.executable, "-m", "impactclaim"], [str(Path(sys.executable).parent / "impactclaim")]):
        done = subprocess.run([*command, "validate", GOOD, BAD], cwd=ROOT, capture_output=True, text=True,
                              check=False)
        assert done.returncode == 1, done.stderr
        assert done.stderr == ""
        assert "error[IC021]" in done.stdout


def test_a_large_batch_shows_a_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    # On a real (pseudo-)terminal and outside CI; the bar is typer's own, since click itself is
    # not installed with impactclaim.
    import os
    import shutil

    import pexpect

    for number in range(60):
        shutil.copy(ROOT / "samples" / "valid" / "minimal.yaml", tmp_path / f"s{number:02d}.yaml")
    env = {key: value for key, value in os.environ.items() if key not in ("CI", "GITHUB_ACTIONS")}
    child = pexpect.spawn(str(Path(sys.executable).parent / "impactclaim"),
                          ["validate", "--no-config", "--jobs", "1", str(tmp_path)],
                          env=env, encoding="utf-8", timeout=120)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "Checking" in child.before and "100%" in child.before
    assert "60 files checked: all valid" in child.before
