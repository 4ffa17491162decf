"""The patterns compiled ahead of time: current, equal to what ``re`` compiles, and used at start-up."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from impactclaim import precompiled
from tests.conftest import ROOT, SAMPLES


def test_the_table_is_current() -> None:
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "precompile.py"), "--check"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_the_table_was_written_by_this_python() -> None:
    # The project runs on Python 3.11 (see the Makefile); a table of another build would be ignored,
    # which costs the start-up time it exists to save.
    table = precompiled.read_table()
    assert table is not None, "precompiled.marshal is missing or was written by another Python build"
    assert len(table["programs"]) > 150 and len(table["gates"]) > 100


def test_every_entry_is_what_re_compiles() -> None:
    table = precompiled.read_table()
    assert table is not None
    for (source, flags), entry in table["programs"].items():
        assert precompiled.program(source, flags) == entry, source[:80]
        ahead, fresh = precompiled.regex(source, flags), re.compile(source, flags)
        assert ahead is not fresh
        assert (ahead.pattern, ahead.flags, ahead.groups, dict(ahead.groupindex)) == \
            (fresh.pattern, fresh.flags, fresh.groups, dict(fresh.groupindex))


def test_a_precompiled_pattern_matches_like_a_compiled_one() -> None:
    text = ("Wij zijn een klimaatneutraal bedrijf: 9 van de 30 deelnemers (30%) vonden werk in 2024, "
            "and we are carbon-neutral since 2019. Gecertificeerd door MVO Nederland. 27,5 fte.")
    table = precompiled.read_table()
    assert table is not None
    compared = 0
    for source, flags in table["programs"]:
        ahead, fresh = precompiled.regex(source, flags), re.compile(source, flags)
        found = [match.span() for match in fresh.finditer(text.lower())]
        assert [match.span() for match in ahead.finditer(text.lower())] == found, source[:80]
        compared += bool(found)
    assert compared >= 10  # the text opens enough of the patterns to compare real matches


def test_a_table_of_another_build_is_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(precompiled, "build", lambda: ((3, 99), 0, 4, "little"))
    assert precompiled.read_table() is None
    monkeypatch.setattr(precompiled, "_programs", None)
    monkeypatch.setattr(precompiled, "_gates", None)
    pattern = precompiled.regex(r"(?<!\w)(?:duurzaam|duurzame)(?!\w)")
    assert pattern.search("een duurzame keuze") is not None
    assert precompiled.gate("duurzaam|duurzame") is None


def test_validating_a_statement_parses_none_of_the_rules_patterns() -> None:
    # Records each pattern re parses, with the module that asked for it, while the rules are
    # imported and a statement is checked: the rules' patterns must all come from the table.
    code = (
        "import re._parser as parser, sys\n"
        "parsed = []\n"
        "original = parser.parse\n"
        "def recording(source, *rest):\n"
        "    frame = sys._getframe(1)\n"
        "    while frame.f_code.co_filename.startswith(parser.__file__.rsplit('/', 1)[0]):\n"
        "        frame = frame.f_back\n"
        "    parsed.append(frame.f_code.co_filename)\n"
        "    return original(source, *rest)\n"
        "parser.parse = recording\n"
        "from pathlib import Path\n"
        "from impactclaim.checker import check_path\n"
        f"findings = check_path(Path({str(SAMPLES / 'valid' / 'fietsfabriek-utrecht.yaml')!r}))\n"
        "print(len(parsed), len([name for name in parsed if '/impactclaim/rules/' in name]))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    parsed, by_the_rules = map(int, done.stdout.split())
    assert by_the_rules == 0, "the rules parse patterns at start-up: run make precompile"
    assert parsed > 0  # the recording works: other modules still compile their own patterns


def test_a_damaged_entry_is_compiled_as_usual(monkeypatch: pytest.MonkeyPatch) -> None:
    source = r"(?<!\w)(?:duurzaam|duurzame)(?!\w)"
    code, flags, groups, group_index, index_group = precompiled.program(source)
    monkeypatch.setattr(precompiled, "_programs", {(source, 0): (b"\xff\xff\xff\xff" + code[4:], flags, groups,
                                                                 group_index, index_group)})
    assert precompiled.regex(source).search("een duurzame keuze") is not None
