"""``impactclaim validate PROFILE.pdf`` checks the statement embedded in a rendered profile."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SAMPLES
from tests.test_render_support import render_sample


@pytest.fixture(scope="module")
def draft_profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A draft profile of a statement with one schema error, rendered once for these tests."""
    broken = SAMPLES / "invalid" / "kvk-number-too-short" / "statement.yaml"
    path = tmp_path_factory.mktemp("pdf") / "draft.pdf"
    path.write_bytes(render_sample(broken, "pdf", draft=True))
    return path


def test_a_valid_profile_validates(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    profile = tmp_path / "profile.pdf"
    profile.write_bytes(render_sample(SAMPLES / "valid" / "minimal.yaml", "pdf"))
    result = cli("validate", str(profile), "--format", "text")
    assert (result.exit_code, result.stdout) == (0, "1 file checked: all valid (0 errors, 0 warnings).\n")


def test_findings_of_an_embedded_statement_name_the_pdf_and_the_statement_line(cli, draft_profile: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("validate", str(draft_profile), "--format", "text")
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{draft_profile}:6:15: error[IC021] organisation.kvk_number: '9021537'")


def test_a_pdf_without_a_statement_and_a_broken_pdf_are_findings(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfWriter

    plain = tmp_path / "plain.pdf"
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    with open(plain, "wb") as stream:
        writer.write(stream)
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n this is not a PDF body")
    _, report = cli.json("validate", str(plain), str(broken))
    codes = {entry["path"]: [f["code"] for f in entry["findings"]] for entry in report["files"]}
    assert codes == {str(plain): ["IC206"], str(broken): ["IC207"]}
