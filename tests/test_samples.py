"""Acceptance tests over the sample folders: valid samples pass, broken ones match their golden reports.

Each folder under samples/invalid/ holds one statement broken in one deliberate way, with the
text report (expected.txt) and the JSON report (expected.json) next to it. Regenerate them after
an intended change with ``UPDATE_GOLDEN=1 make test`` and review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from impactclaim import __version__
from tests.conftest import SAMPLES

VALID = sorted((SAMPLES / "valid").glob("*.yaml"))
INVALID = sorted(p for p in (SAMPLES / "invalid").iterdir() if p.is_dir())
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def relative(path: Path) -> str:
    return str(path.relative_to(SAMPLES.parent))


def compare_golden(golden: Path, actual: str) -> None:
    if UPDATE:
        golden.write_text(actual, encoding="utf-8")
    assert golden.is_file(), f"{golden} is missing; create it with UPDATE_GOLDEN=1"
    assert actual == golden.read_text(encoding="utf-8")


def test_there_are_enough_samples() -> None:
    assert len(VALID) >= 4
    assert len(INVALID) >= 10


@pytest.mark.parametrize("path", VALID, ids=[p.stem for p in VALID])
def test_valid_samples_have_no_findings(cli, path: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("validate", relative(path))
    assert result.stdout == "1 file checked: all valid (0 errors, 0 warnings).\n"
    assert result.exit_code == 0


@pytest.mark.parametrize("case", INVALID, ids=[p.name for p in INVALID])
def test_invalid_samples_match_their_text_report(cli, case: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("validate", relative(case / "statement.yaml"))
    assert result.exit_code == 1
    compare_golden(case / "expected.txt", result.stdout)


@pytest.mark.parametrize("case", INVALID, ids=[p.name for p in INVALID])
def test_invalid_samples_match_their_json_report(cli, case: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("validate", relative(case / "statement.yaml"), "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["tool"] == {"name": "impactclaim", "version": __version__}
    report["tool"]["version"] = "<version>"
    compare_golden(case / "expected.json", json.dumps(report, indent=2, ensure_ascii=False) + "\n")


@pytest.mark.parametrize("case", INVALID, ids=[p.name for p in INVALID])
def test_each_invalid_sample_says_why_it_is_broken(case: Path) -> None:
    first_line = (case / "statement.yaml").read_bytes().decode("utf-8", "replace").replace("\x00", "")
    assert "Deliberately broken:" in first_line.splitlines()[0]
