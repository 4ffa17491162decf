"""Shared fixtures: the CLI runner and the locations of the samples and the test corpus."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from typer.testing import CliRunner

from impactclaim import i18n

if TYPE_CHECKING:
    from playwright.sync_api import Browser

# Messages in English unless a test asks for another language: what the tests expect must not
# depend on the machine's locale or on the language of the statement checked (tests/test_i18n.py
# covers how the language is chosen). Set here, so the tool's subprocesses inherit it too, and
# before impactclaim.cli is imported anywhere: its help texts are translated when it is imported.
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
        from impactclaim.cli import app

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


def assert_matches_golden(text: str, golden: Path) -> None:
    """``text`` equals the golden file; with UPDATE_GOLDEN=1 the golden file is written from it first."""
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert golden.is_file(), f"{golden} is missing; create it with UPDATE_GOLDEN=1"
    assert text == golden.read_text(encoding="utf-8"), \
        f"{golden.parent.name}/{golden.name} differs; if intended, run with UPDATE_GOLDEN=1 and review the diff"


# -- the browser ---------------------------------------------------------------------------------
# One Chromium for the whole run, shared by tests/test_browser.py and tests/test_preview.py:
# Playwright's sync API cannot start a second time while the first instance still runs.

# The flags keep Chromium from phoning home (updates, sync, field trials) on its own behalf; those
# requests come from the browser process and would never reach the page's route anyway.
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--no-first-run", "--disable-sync"]


def chromium_path() -> str:
    """Debian's Chromium; CHROMIUM overrides it for machines that keep it elsewhere."""
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).is_file():
        pytest.fail(f"Chromium is missing at {path}: apt-get install chromium (make test installs it)")
    return path


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One browser for the whole run: launching costs about a second, a fresh context a few ms."""
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=LAUNCH_ARGS)
        yield launched
        launched.close()
