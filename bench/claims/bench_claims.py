"""How well and how fast the claim-quality rules judge: recall on planted problems, noise on honest statements.

Run ``make bench`` (or ``.venv/bin/python bench/claims/bench_claims.py [--size 1000] [--write]``).
It reads the corpus in ``bench/claims/corpus`` (see ``PATTERNS.md``), with its parts:
``tuning`` (the rules were developed against it), ``held-out-1`` to ``held-out-7`` (earlier
held-out parts: written without the rules, measured once untuned, recorded in bench/RESULTS.md,
then used for tuning) and ``held-out`` (the current held-out part, written without the rules
and never used to tune them; its figures are the ones that count). It prints:

1. recall per pattern for both parts: a planted problem is found when a finding of one of the
   pattern's codes stands at the claim, outcome or metric the problem lives in (or inside it);
2. the errors and warnings on each honest statement (the target: no error, at most one warning);
3. the findings on planted statements that match no planted problem (for reading, not scored);
4. what the rules add to validation time at N statements: ``impactclaim validate`` on the same
   files with every rule on, and with every rule left out (``--ignore``), each a fresh process.

With ``--write`` the tables go into bench/RESULTS.md under their own heading.
"""

from __future__ import annotations

import argparse
import datetime
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

import impactclaim
from impactclaim.findings import Finding, Severity
from impactclaim.rules import RULE_CLASSES

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CORPUS = HERE / "corpus"
PARTS = ("tuning", "held-out-1", "held-out-2", "held-out-3", "held-out-4", "held-out-5", "held-out-6", "held-out-7",
         "precision", "precision-2", "precision-3", "held-out")
RESULTS = ROOT / "bench" / "RESULTS.md"
HEADING = "## Claim rules: recall, honest statements and cost"

#: The codes whose findings count for each pattern. Broader codes are listed where an existing
#: rule already names the same problem (a claimed percentage its basis contradicts is IC114).
PATTERN_CODES: dict[str, frozenset[str]] = {
    "whole-vs-aspect": frozenset({"IC119", "IC104", "IC114"}),
    "self-assessment-as-independent": frozenset({"IC120", "IC113"}),
    "legal-requirement-as-feature": frozenset({"IC121"}),
    "contribution-overclaimed": frozenset({"IC122"}),
    "double-counting": frozenset({"IC123"}),
    "tiny-sample": frozenset({"IC124"}),
    "outdated-evidence": frozenset({"IC125"}),
    "no-baseline": frozenset({"IC126", "IC108"}),
    "cherry-picked-indicator": frozenset({"IC127"}),
    "percentage-vs-method": frozenset({"IC128", "IC114"}),
    "output-as-outcome": frozenset({"IC109"}),
    "period-mismatch": frozenset({"IC115", "IC129"}),
    "unfair-comparison": frozenset({"IC130"}),
    "self-made-label-scheme": frozenset({"IC106"}),
}


@dataclass(frozen=True)
class Problem:
    file: str
    pattern: str
    at: tuple[str, ...]
    why: str


@dataclass
class Part:
    name: str
    planted: dict[str, list[Problem]]
    honest: list[str]


def read_part(name: str) -> Part:
    folder = CORPUS / name
    expected = yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8"))["statements"]
    planted: dict[str, list[Problem]] = {}
    honest: list[str] = []
    for file, entry in expected.items():
        if not (folder / file).is_file():
            sys.exit(f"{folder / file}: listed in expected.yaml but missing")
        if entry["kind"] == "honest":
            honest.append(file)
            continue
        problems = []
        for problem in entry["problems"]:
            at = problem["at"]
            if problem["pattern"] not in PATTERN_CODES:
                sys.exit(f"{folder / file}: unknown pattern {problem['pattern']!r}")
            problems.append(Problem(file, problem["pattern"], tuple(at if isinstance(at, list) else [at]),
                                    problem.get("why", "")))
        planted[file] = problems
    unlisted = {path.name for path in folder.glob("*.yaml")} - set(expected) - {"expected.yaml"}
    if unlisted:
        sys.exit(f"{folder}: statements not in expected.yaml: {', '.join(sorted(unlisted))}")
    return Part(name, planted, honest)


def findings_of(path: Path) -> list[Finding]:
    return impactclaim.validate(path, use_config=False)


def inside(pointer: str, at: str) -> bool:
    return pointer == at or pointer.startswith(at.rstrip("/") + "/")


def found(problem: Problem, findings: Sequence[Finding]) -> bool:
    codes = PATTERN_CODES[problem.pattern]
    return any(f.code in codes and any(inside(f.pointer, at) for at in problem.at) for f in findings)


def pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "-"


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def quality(parts: Sequence[Part], verbose: bool) -> tuple[str, dict[str, float]]:
    per_pattern: dict[str, dict[str, list[int]]] = {pattern: {} for pattern in PATTERN_CODES}
    honest_rows: list[list[object]] = []
    unmatched_rows: list[list[object]] = []
    recall: dict[str, float] = {}
    missed_lines: list[str] = []
    for part in parts:
        folder = CORPUS / part.name
        total = hit = 0
        for file, problems in sorted(part.planted.items()):
            findings = findings_of(folder / file)
            schema = [f for f in findings if not f.code.startswith("IC1")]
            if schema:
                sys.exit(f"{folder / file}: not schema-valid: {schema[0].code} {schema[0].message}")
            for problem in problems:
                counts = per_pattern[problem.pattern].setdefault(part.name, [0, 0])
                counts[1] += 1
                total += 1
                if found(problem, findings):
                    counts[0] += 1
                    hit += 1
                else:
                    missed_lines.append(f"- {part.name}/{file} {problem.pattern} at {', '.join(problem.at)}: "
                                        f"{problem.why}")
            claimed = [f for f in findings if not any(
                f.code in PATTERN_CODES[p.pattern] and any(inside(f.pointer, at) for at in p.at) for p in problems)]
            if claimed:
                unmatched_rows.append([part.name, file, ", ".join(f"{f.code} {f.pointer}" for f in claimed)])
        recall[part.name] = hit / total if total else 0.0
        for file in sorted(part.honest):
            findings = findings_of(folder / file)
            errors = [f for f in findings if f.severity is Severity.ERROR]
            warnings = [f for f in findings if f.severity is Severity.WARNING]
            verdict = "ok" if not errors and len(warnings) <= 1 else "**too noisy**"
            honest_rows.append([part.name, file, len(errors), len(warnings),
                                ", ".join(f"{f.code} {f.pointer}" for f in findings) or "-", verdict])
    headers = ["pattern", *(f"{part.name} found" for part in parts)]
    rows: list[list[object]] = []
    for pattern, counts in per_pattern.items():
        cells: list[object] = [pattern]
        for part in parts:
            hit_total = counts.get(part.name, [0, 0])
            cells.append(f"{hit_total[0]}/{hit_total[1]} ({pct(*hit_total)})" if hit_total[1] else "-")
        rows.append(cells)
    totals: list[object] = ["**all**"]
    for part in parts:
        hit = sum(counts.get(part.name, [0, 0])[0] for counts in per_pattern.values())
        total = sum(counts.get(part.name, [0, 0])[1] for counts in per_pattern.values())
        totals.append(f"**{hit}/{total} ({pct(hit, total)})**")
    rows.append(totals)
    statements = {part.name: (len(part.planted), len(part.honest)) for part in parts}
    out = [
        "Corpus: " + "; ".join(f"{name}: {planted} statements with planted problems, {honest} honest"
                               for name, (planted, honest) in statements.items()) + ".",
        "",
        "Recall per pattern (found at the claim, outcome or metric the problem lives in):",
        "",
        table(headers, rows),
        "",
        "Honest statements (target: no error, at most one warning each):",
        "",
        table(["part", "statement", "errors", "warnings", "findings", "verdict"], honest_rows),
    ]
    if missed_lines:
        out += ["", "Missed:", "", *missed_lines]
    if verbose and unmatched_rows:
        out += ["", "Findings on planted statements that match no planted problem:", "",
                table(["part", "statement", "findings"], unmatched_rows)]
    return "\n".join(out), recall


def corpus_files() -> list[Path]:
    files = sorted(path for part in PARTS for path in (CORPUS / part).glob("*.yaml") if path.name != "expected.yaml")
    return files + sorted((ROOT / "samples" / "valid").glob("*.yaml"))


def cost(size: int, repeat: int) -> str:
    """Validation time of ``size`` statements with and without the rules, in fresh processes."""
    sources = [path.read_bytes() for path in corpus_files()]
    binary = shutil.which("impactclaim", path=str(Path(sys.executable).parent)) or "impactclaim"
    every_rule = ",".join(rule.code for rule in RULE_CLASSES)
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        for number in range(size):
            (folder / f"statement-{number:05d}.yaml").write_bytes(sources[number % len(sources)])
        commands = {
            "rules on": [binary, "validate", "--no-config", "--jobs", "1", "--format", "json", str(folder)],
            "rules off": [binary, "validate", "--no-config", "--jobs", "1", "--format", "json",
                          "--ignore", every_rule, str(folder)],
        }
        timings: dict[str, float] = defaultdict(lambda: float("inf"))
        for _ in range(repeat):
            for name, command in commands.items():  # interleaved, so load on the machine hits both alike
                started = time.perf_counter()
                subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
                timings[name] = min(timings[name], time.perf_counter() - started)
    on, off = timings["rules on"], timings["rules off"]
    share = (on - off) / off
    rows = [["rules off (`--ignore` every rule)", f"{off:.2f} s", "1.00"],
            ["rules on (default)", f"{on:.2f} s", f"{on / off:.2f}"]]
    return (f"Validation of {size:,} statements (the corpus and the valid samples, repeated), `--jobs 1`, "
            f"best of {repeat}:\n\n" + table(["run", "wall", "ratio"], rows)
            + f"\n\nThe rules add {100 * share:.0f}% to validation time (target: at most 20%).")


def per_rule_time(size: int) -> str:
    """The time of all rules, and of each rule alone, in process, on freshly read statements.

    A rule alone also pays for what rules share (the claims' texts joined and searched once per
    statement), so the rules alone add up to more than all of them together.
    """
    from impactclaim.statement import read_statement

    documents = [impactclaim.load(path).data for path in corpus_files()]
    count = max(1, size // len(documents))

    def timed(rules: Sequence[Any]) -> float:
        best = float("inf")
        for _ in range(3):
            statements = [read_statement(document) for document in documents for _ in range(count)]
            started = time.perf_counter()
            for statement in statements:
                for rule in rules:
                    for _ in rule.check(statement):
                        pass
            best = min(best, time.perf_counter() - started)
        return best / len(statements)

    every = [rule() for rule in RULE_CLASSES]
    timed(every)  # compiles the patterns
    total = timed(every)
    alone: Counter[str] = Counter({rule.code: int(timed([rule]) * 1e6) for rule in every})
    rows = [[code, f"{micro} µs"] for code, micro in alone.most_common()]
    return (f"All rules together: {total * 1e6:.0f} µs per statement in process ({len(documents) * count:,} "
            "statements read fresh, best of 3). Each rule alone, including the shared work it needs:\n\n"
            + table(["rule", "alone, per statement"], rows))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1000, help="statements in the cost measurement")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-cost", action="store_true", help="skip the time measurement")
    parser.add_argument("--verbose", action="store_true", help="also list findings that match no planted problem")
    parser.add_argument("--part", choices=PARTS, action="append",
                        help="only this part of the corpus (while developing the rules: tuning)")
    parser.add_argument("--write", action="store_true", help="record the tables in bench/RESULTS.md")
    arguments = parser.parse_args()
    if arguments.write and arguments.part:
        parser.error("--write records the whole corpus; leave out --part")
    parts = [read_part(name) for name in arguments.part or PARTS]
    sections = [quality(parts, arguments.verbose)[0]]
    if not arguments.no_cost:
        sections += [cost(arguments.size, arguments.repeat), per_rule_time(arguments.size)]
    report = "\n\n".join(sections)
    print(report)
    if arguments.write:
        record(report)


def record(report: str) -> None:
    text = RESULTS.read_text(encoding="utf-8")
    today = datetime.date.today().isoformat()
    section = f"{HEADING}\n\nRun on {today} by `bench/claims/bench_claims.py`.\n\n{report}\n"
    if HEADING in text:
        before, _, after = text.partition(HEADING)
        rest = after.split("\n## ", 1)
        text = before + section + ("\n## " + rest[1] if len(rest) > 1 else "")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    RESULTS.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
