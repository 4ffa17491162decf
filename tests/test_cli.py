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


def test_a_folder_without_statements_checks_nothing_and_says_so(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "x.yaml").mkdir()  # a folder named like a statement is searched, not read
    result = cli("validate", str(tmp_path))
    assert result.exit_code == 0
    assert result.stdout == "No statement files checked.\n"
    assert result.stderr == f"impactclaim: warning: no *.yaml or *.yml files found in {tmp_path}\n"


@pytest.mark.parametrize("args", [["validate"], ["validate", GOOD, "--format", "xml"], ["frobnicate"],
                                  ["validate", GOOD, "--no-such-option"]])
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
