"""`impactclaim render` and `impactclaim extract` on the command line: outputs, refusals, exit codes."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from impactclaim.profile import output as output_module
from impactclaim.profile.output import atomic_write
from tests.conftest import ROOT, SAMPLES

MINIMAL = SAMPLES / "valid" / "minimal.yaml"
INVALID = b"""schema_version: "1.0"
language: nl
organisation:
  name: Kapotte Bakkerij
  kvk_number: "123"
reporting_period:
  start: "2025-01-01"
  end: "2025-12-31"
mission:
  statement: Brood bakken.
"""


@pytest.fixture
def statement(tmp_path: Path) -> Path:
    path = tmp_path / "bakery.yaml"
    shutil.copyfile(MINIMAL, path)
    return path


@pytest.fixture
def invalid(tmp_path: Path) -> Path:
    path = tmp_path / "broken.yaml"
    path.write_bytes(INVALID)
    return path


def folder_listing(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


# --- render ----------------------------------------------------------------------------------

def test_render_writes_html_beside_the_statement_by_default(cli, statement: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("render", str(statement))
    assert result.exit_code == 0, result.output
    assert result.stdout == f"Profile written to {statement.with_suffix('.html')}\n"
    assert statement.with_suffix(".html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert folder_listing(statement.parent) == ["bakery.html", "bakery.yaml"]  # no temporary file left


def test_the_format_follows_the_option_or_the_output_name(cli, statement: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("render", str(statement), "--format", "pdf").exit_code == 0
    assert statement.with_suffix(".pdf").read_bytes().startswith(b"%PDF-1.7")
    assert cli("render", str(statement), "-o", str(tmp_path / "named.pdf")).exit_code == 0
    assert (tmp_path / "named.pdf").read_bytes().startswith(b"%PDF-")
    out = tmp_path / "out"
    out.mkdir()
    assert cli("render", str(statement), "-o", str(out)).exit_code == 0  # a folder: named after the statement
    assert folder_listing(out) == ["bakery.html"]


def test_lang_overrides_the_statement_language(cli, statement: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("render", str(statement), "--lang", "nl", "-o", str(tmp_path / "nl.html")).exit_code == 0
    html = (tmp_path / "nl.html").read_text(encoding="utf-8")
    assert '<html lang="nl">' in html and "In één oogopslag" in html


def test_an_invalid_statement_is_refused_with_its_findings(cli, invalid: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("render", str(invalid))
    assert result.exit_code == 1
    assert f"{invalid}:5:15: error[IC021] organisation.kvk_number: '123' does not have the expected form" \
        in result.stderr
    assert "--draft" in result.stderr
    assert folder_listing(invalid.parent) == ["broken.yaml"]


def test_a_draft_of_an_invalid_statement_is_rendered_and_marked(cli, invalid: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("render", str(invalid), "--draft")
    assert result.exit_code == 0, result.output
    assert "error[IC021]" in result.stderr  # the findings are still shown ...
    html = invalid.with_suffix(".html").read_text(encoding="utf-8")
    assert "Concept, niet gevalideerd" in html and 'class="draft-watermark"' in html
    assert "IC021" in html  # ... and listed in the draft itself


def test_an_unloadable_statement_is_refused_even_as_a_draft(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bad.yaml"
    path.write_bytes(b"key: [unclosed\n")
    result = cli("render", str(path), "--draft")
    assert result.exit_code == 1 and "error[IC004]" in result.stderr
    assert folder_listing(tmp_path) == ["bad.yaml"]


UNREADABLE = [
    ("tab-indented.yaml", b"organisation:\n\tname: Kapotte Bakkerij\n", "IC004", 2, 1),
    ("latin-1.yaml", b"mission:\n  statement: Caf\xe9 voor iedereen\n", "IC003", 2, 17),
    ("missing.yaml", None, "IC001", 1, 1),
]


@pytest.mark.parametrize("draft", [["--draft"], []], ids=["draft", "not-draft"])
@pytest.mark.parametrize(("name", "content", "code", "line", "column"), UNREADABLE,
                         ids=[case[0] for case in UNREADABLE])
def test_a_file_that_cannot_be_read_says_so_and_not_to_use_draft(  # type: ignore[no-untyped-def]
        cli, tmp_path: Path, name: str, content: bytes | None, code: str, line: int, column: int,
        draft: list[str]) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    result = cli("render", str(path), *draft)
    assert (result.exit_code, result.stdout) == (1, "")
    where = f"{path}:{line}:{column}"
    assert result.stderr.startswith(f"{where}: error[{code}] ")  # the loader's finding, as validate shows it
    last = result.stderr.splitlines()[-1]
    assert last.startswith(f"impactclaim: not rendered: the file itself cannot be read ({code} at {where}: ")
    assert last.endswith("); fix it first: a draft, too, needs a file that can be read")
    assert "--draft" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ([] if content is None else [name])


@pytest.mark.parametrize("output", ["profile.docx", "profile.HTML.txt", "profile"])
def test_an_output_name_of_another_kind_is_a_usage_error(cli, statement: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                         output: str) -> None:
    result = cli("render", str(statement), "-o", str(tmp_path / output))
    assert (result.exit_code, result.stdout) == (2, "")
    suffix = Path(output).suffix
    wrong = f"ends in {suffix}" if suffix else "has no suffix"
    assert result.stderr == (f"impactclaim: error: cannot write the output {str(tmp_path / output)!r}: it {wrong}; "
                             "a profile file must end in .html or .pdf (or -o names an existing folder)\n")
    assert folder_listing(tmp_path) == ["bakery.yaml"]  # nothing written, no HTML under another name


def test_an_output_suffix_in_capitals_or_htm_is_fine(cli, statement: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("render", str(statement), "-o", str(tmp_path / "a.HTML")).exit_code == 0
    assert cli("render", str(statement), "-o", str(tmp_path / "b.htm")).exit_code == 0
    assert (tmp_path / "b.htm").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_a_format_that_contradicts_the_output_name_is_a_usage_error(cli, statement: Path,  # type: ignore[no-untyped-def]
                                                                    tmp_path: Path) -> None:
    result = cli("render", str(statement), "-o", str(tmp_path / "x.html"), "--format", "pdf")
    assert result.exit_code == 2
    assert result.stderr == (f"impactclaim: error: the output {str(tmp_path / 'x.html')!r} does not end in .pdf "
                             "but --format is pdf\n")
    assert folder_listing(tmp_path) == ["bakery.yaml"]


def test_a_batch_that_finds_nothing_is_a_usage_error_unless_allowed(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    empty = tmp_path / "empty"
    empty.mkdir()
    out = tmp_path / "out"
    result = cli("render", str(empty), "--out", str(out))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith(f"impactclaim: error: no statement files (*.yaml, *.yml) found in {empty}\n")
    pattern = str(tmp_path / "*.yml")
    result = cli("render", pattern, "--out", str(out))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"impactclaim: error: no file matches the pattern {pattern!r}\n")
    result = cli("render", str(empty), "--out", str(out), "--allow-empty")
    assert (result.exit_code, result.stdout) == (0, f"Rendered 0 of 0 statements into {out} (0 files).\n")


def test_a_batch_of_one_counts_in_the_singular(cli, statement: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out"
    result = cli("render", str(statement.parent / "*.yaml"), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == f"Rendered 1 of 1 statement into {out} (1 file).\n"


@pytest.mark.parametrize("how", ["same-path", "relative", "symlink", "hardlink"])
def test_render_never_overwrites_its_input(cli, statement: Path, tmp_path: Path, how: str) -> None:  # type: ignore[no-untyped-def]
    original = statement.read_bytes()
    target = statement
    if how == "relative":
        target = Path(os.path.relpath(statement, ROOT))
    elif how == "symlink":
        target = tmp_path / "alias.html"
        target.symlink_to(statement)
    elif how == "hardlink":
        target = tmp_path / "hard.html"
        os.link(statement, target)
    result = cli("render", str(statement), "-o", str(target))
    assert result.exit_code == 2
    assert "is the input file" in result.stderr
    assert statement.read_bytes() == original


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--format", "docx"], "unknown format 'docx'"),
        (["--lang", "de"], "unknown language 'de'"),
        (["-o", "x.pdf", "--format", "html"], "does not end in .html"),
        (["-o", "no/such/folder/x.html"], "does not exist"),
        (["--template-dir", "no-such-theme"], "template folder 'no-such-theme' does not exist"),
    ],
)
def test_usage_errors_exit_2(cli, statement: Path, arguments: list[str], message: str) -> None:  # type: ignore[no-untyped-def]
    result = cli("render", str(statement), *arguments)
    assert result.exit_code == 2
    assert message in result.stderr


def test_a_failed_render_leaves_the_previous_output_untouched(cli, statement: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    previous = statement.with_suffix(".html")
    previous.write_text("previous profile", encoding="utf-8")
    theme = tmp_path / "theme"
    theme.mkdir()
    (theme / "profile.css").write_text("body { background: url(https://example.org/x.png); }", encoding="utf-8")
    result = cli("render", str(statement), "--template-dir", str(theme))
    assert result.exit_code == 2 and "data: URIs" in result.stderr
    assert previous.read_text(encoding="utf-8") == "previous profile"
    assert folder_listing(statement.parent) == ["bakery.html", "bakery.yaml", "theme"]


def test_atomic_write_replaces_in_one_step_and_cleans_up_on_failure(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "profile.html"
    target.write_bytes(b"old")
    target.chmod(0o640)
    atomic_write(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # an existing file keeps its permissions

    def broken_replace(source: str, destination: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(output_module.os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        atomic_write(target, b"newer")
    assert target.read_bytes() == b"new"
    assert folder_listing(tmp_path) == ["profile.html"]


# --- extract ---------------------------------------------------------------------------------

@pytest.fixture
def profile_pdf(cli, statement: Path) -> Path:  # type: ignore[no-untyped-def]
    assert cli("render", str(statement), "-f", "pdf").exit_code == 0
    return statement.with_suffix(".pdf")


def test_extract_writes_the_statement_back_byte_for_byte(cli, profile_pdf: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("extract", str(profile_pdf), "-o", str(tmp_path / "back.yaml"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "back.yaml").read_bytes() == MINIMAL.read_bytes()


def test_extract_refuses_to_overwrite_unless_forced(cli, profile_pdf: Path, statement: Path) -> None:  # type: ignore[no-untyped-def]
    statement.write_bytes(b"# edited since\n")
    result = cli("extract", str(profile_pdf))  # the default output is bakery.yaml, which exists
    assert result.exit_code == 2 and "already exists; use --force" in result.stderr
    assert statement.read_bytes() == b"# edited since\n"
    assert cli("extract", str(profile_pdf), "--force").exit_code == 0
    assert statement.read_bytes() == MINIMAL.read_bytes()


def test_extract_never_overwrites_its_input_even_with_force(cli, profile_pdf: Path) -> None:  # type: ignore[no-untyped-def]
    original = profile_pdf.read_bytes()
    result = cli("extract", str(profile_pdf), "-o", str(profile_pdf), "--force")
    assert result.exit_code == 2 and profile_pdf.read_bytes() == original


def test_extract_reports_a_file_without_statement(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import weasyprint

    plain = tmp_path / "plain.pdf"
    weasyprint.HTML(string="<p>hello</p>").write_pdf(plain)
    result = cli("extract", str(plain))
    assert result.exit_code == 1
    assert f"{plain}:1:1: error[IC206] the PDF carries no embedded impact statement" in result.stderr
    result = cli("extract", str(MINIMAL), "-o", str(tmp_path / "x.yaml"))
    assert result.exit_code == 1 and "error[IC207]" in result.stderr


def test_validate_does_not_import_the_renderer() -> None:
    probe = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from impactclaim.cli import app\n"
        "result = CliRunner().invoke(app, ['validate', 'samples/valid/minimal.yaml'])\n"
        "assert result.exit_code == 0, result.output\n"
        "print(sorted(m for m in ('weasyprint', 'jinja2', 'pypdf', 'impactclaim.profile.html') if m in sys.modules))\n"
    )
    output = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, check=True, capture_output=True, text=True)
    assert output.stdout.strip() == "[]"


INVALID_SAMPLES = sorted((SAMPLES / "invalid").glob("*/*.yaml"))


@pytest.mark.parametrize("path", INVALID_SAMPLES, ids=[p.parent.name for p in INVALID_SAMPLES])
def test_every_invalid_sample_is_refused_and_renders_as_a_draft_or_says_why(cli, path: Path,  # type: ignore[no-untyped-def]
                                                                            tmp_path: Path) -> None:
    output = tmp_path / "draft.html"
    refused = cli("render", str(path), "-o", str(output))
    assert refused.exit_code == 1 and "error[" in refused.stderr and not output.exists()
    drafted = cli("render", str(path), "--draft", "-o", str(output))
    assert drafted.exit_code in (0, 1), drafted.output  # 1 only when the file cannot be loaded at all
    if drafted.exit_code == 0:
        assert 'class="draft-watermark"' in output.read_text(encoding="utf-8")
    else:
        assert not output.exists()


def test_compiled_templates_are_kept_between_runs_and_change_nothing(tmp_path: Path) -> None:
    def render(cache_home: Path, name: str) -> bytes:
        output = tmp_path / name
        environment = {**os.environ, "XDG_CACHE_HOME": str(cache_home), "SOURCE_DATE_EPOCH": "1767225600"}
        subprocess.run([sys.executable, "-m", "impactclaim", "render", str(MINIMAL), "-o", str(output)],
                       cwd=ROOT, env=environment, check=True, capture_output=True)
        return output.read_bytes()

    cache_home = tmp_path / "cache"
    first = render(cache_home, "first.html")
    entries = sorted((cache_home / "impactclaim" / "templates").iterdir())
    assert entries and all(entry.name.endswith(".cache") for entry in entries)
    stamps = [entry.stat().st_mtime_ns for entry in entries]
    assert render(cache_home, "second.html") == first  # from the cache, not compiled again
    assert [entry.stat().st_mtime_ns for entry in entries] == stamps
    # A cache folder that cannot be made (a file is in its way) only means compiling every time.
    blocked = tmp_path / "blocked"
    blocked.write_text("not a folder\n", encoding="utf-8")
    assert render(blocked, "uncached.html") == first
