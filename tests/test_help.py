"""Snapshots of every command's --help (tests/golden/help/), and what a help text must never show.

The help is in English (tests/golden/help/) or Dutch (tests/golden/help/nl/), chosen when the CLI
is imported; the Dutch pages are therefore made in a fresh process with IMPACTCLAIM_LANG=nl.
Regenerate the snapshots after an intended change with ``UPDATE_GOLDEN=1 pytest tests/test_help.py``
and review the diff.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import typer

from impactclaim.cli import app
from tests.conftest import assert_matches_golden

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden" / "help"
COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
HELP_PAGES = [[], *([command] for command in COMMANDS)]


def page_name(command: list[str]) -> str:
    return command[0] if command else "impactclaim"


def help_text(cli, *command: str, columns: str = "100") -> str:  # type: ignore[no-untyped-def]
    result = cli(*command, "--help", env={"COLUMNS": columns, "NO_COLOR": "1", "TERM": "dumb"})
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    text: str = result.stdout
    return text


def test_every_command_has_a_help_page() -> None:
    assert COMMANDS == ["compare", "explain", "export", "extract", "init", "migrate", "portfolio", "preview", "render",
                        "rules", "schema", "site", "validate"]


@pytest.mark.parametrize("command", HELP_PAGES, ids=page_name)
def test_help_matches_its_snapshot(cli, command: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert_matches_golden(help_text(cli, *command), GOLDEN / f"{page_name(command)}.txt")


@pytest.mark.parametrize("command", HELP_PAGES, ids=page_name)
def test_help_is_plain_text_of_a_fixed_width(cli, command: list[str]) -> None:  # type: ignore[no-untyped-def]
    text = help_text(cli, *command)
    assert "\033" not in text  # no colour
    assert not set(text) & set("╭╮╰╯│─")  # no boxes
    assert max(len(line) for line in text.splitlines()) <= 80
    assert help_text(cli, *command, columns="200") == text  # a wide terminal does not change it


@pytest.mark.parametrize("command", HELP_PAGES, ids=page_name)
def test_help_shows_no_broken_markup_or_metavars(cli, command: list[str]) -> None:  # type: ignore[no-untyped-def]
    text = help_text(cli, *command)
    flat = " ".join(text.split())
    assert not re.search(r"\{\w+\}|<str>|<int[^>]*>|\[x>=", text), text  # typer's {paths}, <str>, [x>=1]
    assert not re.search(r" [.,;)](\s|$)", flat), text  # a value vanished before punctuation ("processes .")
    assert "[]" not in text and "()" not in text


def test_usage_lines_name_arguments_as_they_are_typed(cli) -> None:  # type: ignore[no-untyped-def]
    usage = {command: help_text(cli, command).splitlines()[0] for command in COMMANDS}
    assert usage == {
        "compare": "Usage: impactclaim compare [OPTIONS] STATEMENTS...",
        "explain": "Usage: impactclaim explain [OPTIONS] CODE",
        "export": "Usage: impactclaim export [OPTIONS] [PATHS...]",
        "extract": "Usage: impactclaim extract [OPTIONS] PROFILE",
        "init": "Usage: impactclaim init [OPTIONS] [PATH]",
        "migrate": "Usage: impactclaim migrate [OPTIONS] PATHS...",
        "portfolio": "Usage: impactclaim portfolio [OPTIONS] [PATHS...]",
        "preview": "Usage: impactclaim preview [OPTIONS] STATEMENT",
        "render": "Usage: impactclaim render [OPTIONS] STATEMENTS...",
        "site": "Usage: impactclaim site [OPTIONS] [PATHS...]",
        "rules": "Usage: impactclaim rules [OPTIONS] [CODE]",
        "schema": "Usage: impactclaim schema [OPTIONS]",
        "validate": "Usage: impactclaim validate [OPTIONS] [PATHS...]",
    }


def test_the_texts_that_rich_markup_used_to_eat_are_shown(cli) -> None:  # type: ignore[no-untyped-def]
    validate = " ".join(help_text(cli, "validate").split())
    assert "Ignore impactclaim.toml and the [tool.impactclaim] table of pyproject.toml." in validate
    assert "Check in N worker processes (default: the number of cores)." in validate
    assert "--allow-empty" in validate
    render = " ".join(help_text(cli, "render").split())
    assert "Render a batch in N worker processes (default: the number of cores)." in render
    assert "ending in .html or .pdf" in render


def test_a_missing_argument_is_named_as_in_the_help(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("explain")
    assert result.exit_code == 2
    assert "Missing argument 'CODE'." in result.stderr
    result = cli("validate", "samples/valid/minimal.yaml", "--jobs", "0")
    assert result.exit_code == 2
    assert "Invalid value for '--jobs' / '-j': must be 1 or more" in result.stderr


# The CLI as its console script runs it, named impactclaim, in a fresh process. The width of the
# help is set to 80 columns, as typer's CliRunner (which makes the English snapshots) sets it, so
# that the pages of both languages are laid out alike; unset, click takes the terminal's width,
# at most 80 columns minus 2.
RUN_CLI = ("import sys; from typer._click import formatting; formatting.FORCED_WIDTH = {width}; "
           "sys.argv[0] = 'impactclaim'; from impactclaim.cli import main; main()")


def help_in_a_fresh_process(language: str, *command: str, columns: str = "100", width: int | None = 80) -> str:
    """The help built when the CLI is imported, in the language of IMPACTCLAIM_LANG."""
    env = {**os.environ, "IMPACTCLAIM_LANG": language, "COLUMNS": columns, "NO_COLOR": "1", "TERM": "dumb"}
    result = subprocess.run([sys.executable, "-c", RUN_CLI.format(width=width), *command, "--help"], cwd=ROOT, env=env,
                            capture_output=True, text=True, encoding="utf-8", timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


@pytest.mark.parametrize("command", HELP_PAGES, ids=page_name)
def test_the_dutch_help_matches_its_snapshot(command: list[str]) -> None:
    assert_matches_golden(help_in_a_fresh_process("nl", *command), GOLDEN / "nl" / f"{page_name(command)}.txt")


@pytest.mark.parametrize("command", HELP_PAGES, ids=page_name)
def test_the_dutch_help_is_dutch_throughout(command: list[str]) -> None:
    text = help_in_a_fresh_process("nl", *command)
    flat = " ".join(text.split())
    assert text.startswith(" ".join(["Gebruik: impactclaim", *command, "[OPTIONS]"]))
    assert "\nOpties:\n" in text and "Toon deze hulp en stop." in flat
    english_page = (GOLDEN / f"{page_name(command)}.txt").read_text(encoding="utf-8")
    assert ("\nArgumenten:\n" in text) == ("\nArguments:\n" in english_page)
    assert ("\nOpdrachten:\n" in text) == ("\nCommands:\n" in english_page)
    assert ("Afsluitcode" in flat) == ("Exit status" in english_page)
    for english in ("Usage:", "Options:", "Arguments:", "Commands:", "[required]", "[default:",
                    "Show this message", "Exit status", "(default:", " the ", " and "):
        assert english not in flat, english
    assert not re.search(r"\bstatements?\b(?!\.\w)", flat), flat  # statement.yaml is a file name
    # No help text of the command tree is left in English (the texts of migrate and of typer and
    # click are translated apart from the rest, so a change there would otherwise go unnoticed).
    group = typer.main.get_command(app)
    chosen = group.commands[command[0]] if command else group  # type: ignore[attr-defined]
    for param in chosen.params:
        if param.help:
            assert " ".join(param.help.split())[:40] not in flat, param.help


@pytest.mark.parametrize("command", HELP_PAGES, ids=page_name)
def test_the_dutch_help_is_plain_text_of_a_fixed_width(command: list[str]) -> None:
    text = help_in_a_fresh_process("nl", *command)
    assert "\033" not in text
    assert max(len(line) for line in text.splitlines()) <= 80
    assert not re.search(r"\{\w+\}|<str>|<int[^>]*>|\[x>=", text), text
    assert not re.search(r" [.,;)](\s|$)", " ".join(text.split())), text
    unforced = help_in_a_fresh_process("nl", *command, columns="200", width=None)  # as in a wide terminal
    assert max(len(line) for line in unforced.splitlines()) <= 80


def test_the_english_help_in_a_fresh_process_is_the_one_of_the_snapshots() -> None:
    assert help_in_a_fresh_process("en", "validate") == (GOLDEN / "validate.txt").read_text(encoding="utf-8")
    assert help_in_a_fresh_process("en") == (GOLDEN / "impactclaim.txt").read_text(encoding="utf-8")
