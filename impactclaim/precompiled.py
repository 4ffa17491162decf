"""Regular expressions compiled ahead of time, so a start does not parse the rules' patterns again.

Python's ``re`` parses and compiles every pattern in pure Python at each start: for the rules'
phrase lists that was about 60 ms of a 250 ms ``validate one.yaml``. ``precompiled.marshal``
holds, for the Python build that wrote it, each pattern's compiled program (what ``re._compiler``
hands to the C engine ``_sre``) and each phrase list's gate. A pattern the table lacks, a
damaged entry, or a table written by another Python build is compiled as usual, and a test
compares every entry with a fresh compile. The gates are worked out by the rules' own code
(``impactclaim.rules.text``): after changing that code or a pattern, ``tools/precompile.py``
rewrites the table (``make precompile``), and a test fails while it is out of date.
"""

from __future__ import annotations

import re
import sys
from array import array
from pathlib import Path
from typing import Any

try:
    import _sre  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - every CPython has it; another Python compiles as usual
    _sre = None

TABLE = Path(__file__).with_name("precompiled.marshal")

#: (source, flags) -> (program as array("I") bytes, flags, groups, group index, index group).
Program = tuple[bytes, int, int, dict[str, int], tuple[str | None, ...]]
#: a phrase list's body -> (words, beginnings, digits, always, checks_start) of its gate.
GateEntry = tuple[tuple[str, ...], tuple[str, ...], bool, bool, bool]

_programs: dict[tuple[str, int], Program] | None = None
_gates: dict[str, GateEntry] | None = None

#: While ``tools/precompile.py`` runs: the patterns and phrase lists asked for, to put in the table.
recording: dict[str, Any] | None = None


def build() -> tuple[Any, ...]:
    """What a table must have been written by to be used here: Python version, engine, word size, byte order."""
    # The whole version: a patch release may compile a pattern differently under the same engine.
    magic = _sre.MAGIC if _sre is not None else None
    return tuple(sys.version_info[:3]), magic, array("I").itemsize, sys.byteorder


def read_table(path: Path = TABLE) -> dict[str, Any] | None:
    """The table in ``path``, or None when it is missing or another build wrote it."""
    import marshal

    try:
        table = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if not isinstance(table, dict) or table.get("build") != build() or _sre is None:
        return None
    if not isinstance(table.get("programs"), dict) or not isinstance(table.get("gates"), dict):
        return None
    return table


def _load() -> None:
    global _programs, _gates
    table = read_table()
    _programs, _gates = (table["programs"], table["gates"]) if table is not None else ({}, {})


def regex(source: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(source, flags)``, from the table when it holds the pattern."""
    flags = int(flags)
    if recording is not None:
        recording["patterns"].add((source, flags))
    if _programs is None:
        _load()
    assert _programs is not None
    program = _programs.get((source, flags))
    if program is None or _sre is None:
        return re.compile(source, flags)
    try:
        code, final_flags, groups, group_index, index_group = program
        compiled: re.Pattern[str] = _sre.compile(source, final_flags, array("I", code).tolist(), groups,
                                                 dict(group_index), tuple(index_group))
    except (RuntimeError, TypeError, ValueError):  # a damaged entry ("invalid SRE code"): compile as usual
        return re.compile(source, flags)
    return compiled


def gate(body: str) -> GateEntry | None:
    """The gate of the phrase list ``body`` from the table, or None when it must be worked out."""
    if recording is not None:
        recording["gates"].add(body)
    if _gates is None:
        _load()
    assert _gates is not None
    return _gates.get(body)


def program(source: str, flags: int = 0) -> Program:
    """What ``re`` compiles ``source`` to: the entry the table holds for it (for the tool and the tests)."""
    import re._compiler as compiler  # type: ignore[import-not-found]
    import re._parser as parser  # type: ignore[import-not-found]

    flags = int(flags)
    tree = parser.parse(source, flags)
    code = array("I", compiler._code(tree, flags)).tobytes()
    group_index = dict(tree.state.groupdict)
    index_group: list[str | None] = [None] * tree.state.groups
    for name, index in group_index.items():
        index_group[index] = name
    return code, flags | tree.state.flags, tree.state.groups - 1, group_index, tuple(index_group)
