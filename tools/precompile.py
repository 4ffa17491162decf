"""Writes ``impactclaim/precompiled.marshal``: the rules' patterns compiled ahead of time (``make precompile``).

Run after changing a rule's pattern or phrase list, with the Python the project targets (3.11);
``tests/test_precompiled.py`` fails while the table is out of date. It imports the rules, checks
the bundled samples and the claim corpus so that patterns built on first use are built, then
finds every phrase list and asks for its gate and search pattern. What was asked for is written
with what this Python compiles it to. Run it again after changing how gates are worked out.
"""

from __future__ import annotations

import gc
import marshal
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from impactclaim import precompiled  # noqa: E402 - the recording must start before the rules import

STATEMENTS = [*sorted((ROOT / "samples").rglob("*.yaml")),
              *sorted((ROOT / "bench" / "claims" / "corpus").rglob("*.yaml"))]


def recorded() -> tuple[set[tuple[str, int]], set[str]]:
    """The patterns and phrase bodies the rules ask for, from import through checking every statement."""
    precompiled.recording = {"patterns": set(), "gates": set()}
    import impactclaim.rules as rules_package
    from impactclaim.checker import check_path
    from impactclaim.rules.text import Phrases

    assert rules_package
    for path in STATEMENTS:
        check_path(path)
    for phrase_list in [thing for thing in gc.get_objects() if isinstance(thing, Phrases)]:
        next(phrase_list.finditer(""), None)  # finds its gate and compiles its search pattern
    patterns, gates = precompiled.recording["patterns"], precompiled.recording["gates"]
    precompiled.recording = None
    return patterns, gates


def table(patterns: set[tuple[str, int]], gates: set[str]) -> dict[str, Any]:
    """The table: what this Python build compiles each pattern to, and each phrase list's gate."""
    from impactclaim.rules.text import _lower_literals, work_out_gate

    gate_entries = {}
    for body in sorted(gates):
        gate, checks_start = work_out_gate(_lower_literals(body))
        gate_entries[body] = (tuple(sorted(gate.words)), gate.beginnings, gate.digits, gate.always, checks_start)
    programs = {key: precompiled.program(*key) for key in sorted(patterns)}
    return {"build": precompiled.build(), "gates": gate_entries, "programs": programs}


def main() -> int:
    expected = table(*recorded())
    where = precompiled.TABLE.relative_to(ROOT)
    if "--check" in sys.argv:
        if precompiled.read_table() != expected:
            sys.stderr.write(f"{where} is out of date: run tools/precompile.py (make precompile)\n")
            return 1
        return 0
    if precompiled.read_table() != expected:
        temporary = precompiled.TABLE.with_suffix(".tmp")
        temporary.write_bytes(marshal.dumps(expected))
        temporary.replace(precompiled.TABLE)
    sys.stdout.write(f"{len(expected['gates'])} phrase lists, {len(expected['programs'])} patterns -> {where}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
