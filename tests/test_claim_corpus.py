"""The claim-rule corpus of bench/claims: sound annotations, the size issue 10 asks, and the tuned parts judged right.

The held-out part is only checked for soundness here: its results are measured by the benchmark,
never asserted, so that no test tunes the rules on it. The earlier held-out parts (held-out-1 to
held-out-5) were each measured once untuned and have been used for tuning since, so they are
asserted like the tuning part.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
import yaml

import impactclaim
from impactclaim.findings import Severity

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "bench" / "claims" / "corpus"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_claims", ROOT / "bench" / "claims" / "bench_claims.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_claims"] = module
    spec.loader.exec_module(module)
    return module


BENCH = _bench()
PARTS = {name: BENCH.read_part(name) for name in BENCH.PARTS}


def _resolve(data: object, pointer: str) -> object:
    node = data
    for key in pointer.strip("/").split("/"):
        node = node[int(key)] if isinstance(node, list) else node[key]  # type: ignore[index]
    return node


@pytest.mark.parametrize("part", BENCH.PARTS)
def test_every_corpus_statement_matches_its_schema(part: str) -> None:
    for path in sorted((CORPUS / part).glob("*.yaml")):
        if path.name == "expected.yaml":
            continue
        findings = impactclaim.validate(path, use_config=False)
        assert [f for f in findings if not f.code.startswith("IC1")] == [], path.name


@pytest.mark.parametrize("part", BENCH.PARTS)
def test_every_planted_problem_points_at_a_claim_outcome_or_metric_that_exists(part: str) -> None:
    for file, problems in PARTS[part].planted.items():
        data = yaml.safe_load((CORPUS / part / file).read_text(encoding="utf-8"))
        assert problems, f"{file} is marked planted but lists no problem"
        for problem in problems:
            for pointer in problem.at:
                assert pointer.split("/")[1] in ("claims", "outcomes", "metrics"), (file, pointer)
                _resolve(data, pointer)  # raises when the pointer leads nowhere


def test_the_corpus_is_as_large_as_issue_10_asks() -> None:
    planted = {(name, file): problems for name, part in PARTS.items() for file, problems in part.planted.items()}
    honest = [file for part in PARTS.values() for file in part.honest]
    problems = [problem for found in planted.values() for problem in found]
    assert len(planted) >= 20 and len(problems) >= 60 and len(honest) >= 15
    languages = {yaml.safe_load((CORPUS / name / file).read_text(encoding="utf-8"))["language"]
                 for name, file in planted}
    assert languages == {"nl", "en"}
    held_out = [problem for (name, _), found in planted.items() if name == "held-out" for problem in found]
    assert len(held_out) * 3 >= len(problems), "a third of the planted problems is held out"
    held_out_statements = [file for (name, file) in planted if name == "held-out"] + PARTS["held-out"].honest
    # A third of the problems; of the statements nearly so (the held-out honest statements are few
    # of the many that earlier rounds added to the tuned parts).
    assert len(held_out_statements) * 10 >= 3 * (len(planted) + len(honest)), "30% of the statements is held out"
    for name, part in PARTS.items():
        patterns = {problem.pattern for found in part.planted.values() for problem in found}
        assert patterns == set(BENCH.PATTERN_CODES), f"{name} lacks {set(BENCH.PATTERN_CODES) - patterns}"


def test_the_pattern_codes_are_rules() -> None:
    from impactclaim.rules import REGISTRY

    for codes in BENCH.PATTERN_CODES.values():
        assert codes <= set(REGISTRY)


TUNED = ("tuning", "held-out-1", "held-out-2", "held-out-3", "held-out-4", "held-out-5")


@pytest.mark.parametrize("name", TUNED)
def test_the_rules_find_every_planted_problem_of_a_tuned_part_where_it_lives(name: str) -> None:
    part = PARTS[name]
    missed = []
    for file, problems in part.planted.items():
        findings = impactclaim.validate(CORPUS / name / file, use_config=False)
        missed += [f"{file}: {problem.pattern} at {problem.at}" for problem in problems
                   if not BENCH.found(problem, findings)]
    assert missed == []


#: Honest statements of the fourth part that leave the risks of some outcomes unassessed: IC112
#: rightly warns on each such outcome (Impact Frontiers asks for the risk of every outcome), so
#: there those warnings are the statement's gaps, not the rules' noise. bench/RESULTS.md lists them.
RISKS_LEFT_OUT = {("held-out-4", "b-koffiebar-nijmegen.yaml"), ("held-out-4", "b-naaiatelier-schiedam.yaml"),
                  ("held-out-4", "c-boekbinderij-leiden.yaml")}
#: Honest statements of the fifth part that the rules still judge too harshly, with what they say (so
#: that the test fails when the noise changes). A plan announced for the next year ("Vanaf maart 2026
#: komt er een tweede coördinator") is read as a claim about the future without a commitment (IC105,
#: an error): a staffing measure is no performance claim, but the rule cannot tell the two apart from
#: the words. The control class of 29 children is a sample under 30 (IC124), and "avoided about 4
#: tonnes of waste" estimated per repaired item has no starting point in the basis (IC126): both
#: warnings are arguable, not wrong.
STILL_NOISY = {("held-out-5", "e-taalcafe-schiedam.yaml"): ["IC105 /claims/6/text"],
               ("held-out-5", "f-makerspace-delft.yaml"): ["IC124 /claims/0/text", "IC126 /claims/2/text"]}


@pytest.mark.parametrize(("name", "file"), [(name, file) for name in TUNED for file in PARTS[name].honest])
def test_an_honest_statement_of_a_tuned_part_gets_no_error_and_at_most_one_warning(name: str, file: str) -> None:
    findings = impactclaim.validate(CORPUS / name / file, use_config=False)
    if (name, file) in STILL_NOISY:
        assert [f"{f.code} {f.pointer}" for f in findings] == STILL_NOISY[name, file]
        return
    assert [f for f in findings if f.severity is Severity.ERROR] == []
    if (name, file) in RISKS_LEFT_OUT:
        assert {f.code for f in findings} >= {"IC112"}, "the statement has outcomes without risks"
        findings = [f for f in findings if f.code != "IC112"]
    assert len(findings) <= 1, [f"{f.code} {f.pointer}" for f in findings]
