"""Shared fixtures: the CLI runner and the locations of the samples and the test corpus."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from impactclaim import i18n
from impactclaim.cli import app

# Messages in English unless a test asks for another language: what the tests expect must not
# depend on the machine's locale or on the language of the statement checked (tests/test_i18n.py
# covers how the language is chosen). Set here, so the tool's subprocesses inherit it too.
os.environ["IMPACTCLAIM_LANG"] = "en"

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
CORPUS = ROOT / "tests" / "corpus"  # third-party test data, copied in with its licence
YAML_TEST_SUITE = CORPUS / "yaml-test-suite"


class Cli:
    """Runs the real typer app in-process with exceptions not caught, from the project root."""

    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, *args: str, env: dict[str, str] | None = None) -> Any:
        return self.runner.invoke(app, list(args), catch_exceptions=False, env=env)

    def json(self, *args: str) -> tuple[int, dict[str, Any]]:
        result = self(*args, "--format", "json")
        return result.exit_code, json.loads(result.stdout)


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch) -> Cli:
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    # --lang sets the language for the rest of a process; restored after each test that runs the CLI.
    monkeypatch.setattr(i18n, "_chosen", None)
    return Cli()
