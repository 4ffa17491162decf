"""Every document of the official YAML test suite gets a finding and exit 0 or 1, never a crash.

The suite lives in ``tests/corpus/`` (copied in with its licence), so a clone of this repository
alone passes; the last tests make sure no test reaches outside the repository for data again.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import tests.conftest
from tests.conftest import ROOT, YAML_TEST_SUITE

CORPUS = sorted(YAML_TEST_SUITE.glob("*.yaml"))


def test_the_corpus_is_there() -> None:
    # Without this, a missing corpus would make the parametrised test below vanish silently.
    assert len(CORPUS) == 402
    assert "MIT License" in (YAML_TEST_SUITE / "LICENSE").read_text(encoding="utf-8")


@pytest.mark.parametrize("path", CORPUS, ids=[p.name for p in CORPUS])
def test_every_corpus_file_gets_a_finding_and_exit_1(cli, path: Path) -> None:  # type: ignore[no-untyped-def]
    exit_code, report = cli.json("validate", str(path))
    assert exit_code == 1  # none of them is an impact statement
    findings = report["files"][0]["findings"]
    assert findings, "a rejected file must say why"
    for finding in findings:
        assert finding["line"] >= 1 and finding["column"] >= 1
        assert finding["message"]
    if path.name.endswith(".error.yaml"):
        assert report["summary"]["invalid"] == 1


# The ways a test could reach the shared folder next to the checkout: a relative path up and into
# it, the parent of the repository root, or joining a path with the name of that folder.
OUTSIDE = re.compile(r"\.\.[/\\]shared\b|ROOT\.parent\b|/\s*[\"']shared[\"']")


def test_no_test_file_refers_to_the_shared_folder_outside_the_repository() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in sorted((ROOT / "tests").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if OUTSIDE.search(line)
    ]
    assert offenders == [], "tests must use data inside the repository (tests/corpus/):\n" + "\n".join(offenders)


def test_every_location_the_fixtures_offer_is_inside_the_repository() -> None:
    locations = {name: value for name, value in vars(tests.conftest).items() if isinstance(value, Path)}
    assert {"ROOT", "SAMPLES", "YAML_TEST_SUITE"} <= set(locations)
    assert {name: str(value) for name, value in locations.items() if not value.resolve().is_relative_to(ROOT)} == {}
