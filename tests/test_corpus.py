"""Every document of the official YAML test suite gets a finding and exit 0 or 1, never a crash."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SHARED

CORPUS = sorted((SHARED / "corpus" / "yaml-test-suite").glob("*.yaml"))


def test_the_corpus_is_there() -> None:
    # Without this, a missing corpus would make the parametrised test below vanish silently.
    assert len(CORPUS) > 400


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
