"""The claim-rule corpus of bench/claims: sound annotations, the size issue 10 asks, and the tuned parts judged right.

The held-out part is only checked for soundness here: its results are measured by the benchmark,
never asserted, so that no test tunes the rules on it. The earlier held-out parts (held-out-1 to
held-out-7) were each measured once untuned and have been used for tuning since, so they are
asserted like the tuning part; what the rules still miss in the sixth and seventh is listed exactly.
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
    held_out_planted = [file for (name, file) in planted if name == "held-out"]
    # A third of the problems (620 of 1,761), and nearly so of the statements that carry them (120 of
    # 366); the held-out honest statements are fewer (48 of 216): the earlier rounds left theirs in the
    # tuned parts.
    assert len(held_out_planted) * 10 >= 3 * len(planted), "30% of the planted statements is held out"
    assert PARTS["held-out"].honest, "the held-out part has honest statements"
    for name, part in PARTS.items():
        if not part.planted:
            continue  # the precision part holds honest statements only
        patterns = {problem.pattern for found in part.planted.values() for problem in found}
        assert patterns == set(BENCH.PATTERN_CODES), f"{name} lacks {set(BENCH.PATTERN_CODES) - patterns}"


def test_the_pattern_codes_are_rules() -> None:
    from impactclaim.rules import REGISTRY

    for codes in BENCH.PATTERN_CODES.values():
        assert codes <= set(REGISTRY)


TUNED = ("tuning", "held-out-1", "held-out-2", "held-out-3", "held-out-4", "held-out-5", "held-out-6",
         "held-out-7", "precision", "precision-2", "precision-3")

#: The planted problems of the sixth and seventh parts that the rules, tuned on them, still miss
#: (20 of 264 and 22 of 408): overlapping groups told only in another metric's prose, pass rates of
#: those who sat an exam, improvements whose missing start the claim hides, comparisons with others
#: in words the rules do not read, and the like. Listed so that the test fails when one more is
#: missed, and is shortened when one is found.
STILL_MISSED = {
    "held-out-6": [
        "h-language-school-amersfoort.yaml: no-baseline at ('/claims/1', '/metrics/3')",
        "h-textielatelier-enschede.yaml: double-counting at ('/claims/1', '/metrics/6')",
        "i-deelfietsen-tilburg.yaml: period-mismatch at ('/claims/2', '/metrics/5')",
        "i-energiecoaches-vlissingen.yaml: double-counting at ('/claims/1', '/metrics/2')",
        "i-taalschool-almere.yaml: cherry-picked-indicator at ('/claims/0',)",
        "j-broodbakkerij-deventer.yaml: tiny-sample at ('/claims/2', '/outcomes/1')",
        "j-restoverkeuken-groningen.yaml: double-counting at ('/claims/3', '/metrics/7')",
        "j-restoverkeuken-groningen.yaml: percentage-vs-method at ('/claims/2', '/metrics/6')",
        "j-woningisolatie-tilburg.yaml: no-baseline at ('/claims/1',)",
        "k-jongerenwerkplaats-dordrecht.yaml: whole-vs-aspect at ('/claims/3',)",
        "k-kringloop-helmond.yaml: double-counting at ('/claims/1', '/metrics/5')",
        "k-schuldhulp-schiedam.yaml: contribution-overclaimed at ('/claims/4', '/outcomes/1')",
        "l-huiswerkbegeleiding-tilburg.yaml: no-baseline at ('/claims/1',)",
        "l-poppodium-deventer.yaml: double-counting at ('/metrics/6', '/claims/1')",
        "m-bouwbedrijf-zwolle.yaml: double-counting at ('/claims/4', '/metrics/8')",
        "m-bouwbedrijf-zwolle.yaml: whole-vs-aspect at ('/claims/0',)",
        "m-codeschool-den-bosch.yaml: cherry-picked-indicator at ('/claims/1',)",
        "m-codeschool-den-bosch.yaml: output-as-outcome at ('/claims/0', '/outcomes/0')",
        "m-distributiecentrum-venlo.yaml: double-counting at ('/claims/2', '/metrics/3')",
        "m-fietskoerier-groningen.yaml: cherry-picked-indicator at ('/claims/3',)",
    ],
    "held-out-7": [
        "n-sociale-firma-leeuwarden.yaml: whole-vs-aspect at ('/claims/2',)",
        "n-werkbedrijf-zwolle.yaml: double-counting at ('/claims/3', '/metrics/7')",
        "o-bike-refurbishment-groningen.yaml: percentage-vs-method at ('/claims/2', '/metrics/2')",
        "o-energiecooperatie-zwolle.yaml: double-counting at ('/claims/2', '/metrics/4')",
        "o-plastic-recycling-zaandam.yaml: contribution-overclaimed at ('/claims/4', '/outcomes/0')",
        "o-plastic-recycling-zaandam.yaml: percentage-vs-method at ('/claims/3', '/metrics/2')",
        "p-bakkerij-zwolle.yaml: unfair-comparison at ('/claims/1',)",
        "q-bibliotheek-leeuwarden.yaml: double-counting at ('/claims/0', '/metrics/3')",
        "q-huiswerkbegeleiding-almere.yaml: unfair-comparison at ('/claims/3',)",
        "q-makerspace-eindhoven.yaml: unfair-comparison at ('/claims/2',)",
        "q-muziekschool-deventer.yaml: double-counting at ('/claims/0', '/metrics/3')",
        "q-muziekschool-deventer.yaml: whole-vs-aspect at ('/claims/1',)",
        "q-zwemschool-almelo.yaml: whole-vs-aspect at ('/claims/3',)",
        "r-bouwbedrijf-almere.yaml: double-counting at ('/claims/0', '/metrics/3')",
        "r-isolatiebedrijf-arnhem.yaml: no-baseline at ('/claims/2',)",
        "r-pakketsorteercentrum-venlo.yaml: output-as-outcome at ('/claims/0',)",
        "s-software-testing-heerlen.yaml: double-counting at ('/claims/4', '/metrics/3')",
        "s-software-testing-heerlen.yaml: no-baseline at ('/claims/1', '/metrics/4')",
        "u-fietsenmaker-leeuwarden.yaml: legal-requirement-as-feature at ('/claims/1',)",
        "u-fietskoeriers-haarlem.yaml: no-baseline at ('/claims/2',)",
        "u-leerwerkstichting-middelburg.yaml: percentage-vs-method at ('/claims/1', '/metrics/1')",
        "u-zorgcooperatie-veendam.yaml: double-counting at ('/claims/0', '/metrics/0')",
    ],
}


@pytest.mark.parametrize("name", TUNED)
def test_the_rules_find_every_planted_problem_of_a_tuned_part_where_it_lives(name: str) -> None:
    part = PARTS[name]
    missed = []
    for file, problems in part.planted.items():
        findings = impactclaim.validate(CORPUS / name / file, use_config=False)
        missed += [f"{file}: {problem.pattern} at {tuple(problem.at)}" for problem in problems
                   if not BENCH.found(problem, findings)]
    assert sorted(missed) == sorted(STILL_MISSED.get(name, []))


#: Honest statements of the fourth part that leave the risks of some outcomes unassessed: IC112
#: rightly warns on each such outcome (Impact Frontiers asks for the risk of every outcome), so
#: there those warnings are the statement's gaps, not the rules' noise. bench/RESULTS.md lists them.
RISKS_LEFT_OUT = {("held-out-4", "b-koffiebar-nijmegen.yaml"), ("held-out-4", "b-naaiatelier-schiedam.yaml"),
                  ("held-out-4", "c-boekbinderij-leiden.yaml"), ("held-out-6", "i-laptoprefurbish-eindhoven.yaml"),
                  ("held-out-7", "n-zorgboerderij-ommen.yaml"), ("held-out-7", "q-jeugdcircus-enschede.yaml"),
                  ("held-out-7", "t-kringloopwarenhuis-apeldoorn.yaml"),
                  ("held-out-7", "u-kringloopbedrijf-apeldoorn.yaml"), ("held-out-7", "u-taalcoaching-delft.yaml")}
#: Honest statements of the fifth part that the rules still judge too harshly, with what they say (so
#: that the test fails when the noise changes). The control class of 29 children is a sample under 30
#: (IC124), and "avoided about 4 tonnes of waste" estimated per repaired item has no starting point in
#: the basis (IC126): both warnings are arguable, not wrong.
STILL_NOISY = {
    ("held-out-5", "f-makerspace-delft.yaml"): ["IC124 /claims/0/text", "IC126 /claims/2/text"],
    # The sixth part: outcomes without assessed risks (IC112) or without a baseline (IC108) beside one
    # more warning; a guarantee of the enterprise's own with no metric behind it (IC101) and a heat
    # pump announced for 2027 without a commitment (IC105).
    ("held-out-6", "i-bakfietskoeriers-haarlem.yaml"): ["IC112 /outcomes/0", "IC112 /outcomes/1",
                                                        "IC119 /claims/0/text"],
    ("held-out-6", "k-schoonmaakbedrijf-maastricht.yaml"): ["IC108 /outcomes/1", "IC112 /outcomes/1"],
    ("held-out-6", "k-wijkverpleging-zutphen.yaml"): ["IC108 /outcomes/2", "IC112 /outcomes/2"],
    ("held-out-6", "l-fietswerkplaats-amersfoort.yaml"): ["IC112 /outcomes/1", "IC101 /claims/3",
                                                          "IC105 /claims/4/text"],
    ("held-out-6", "l-schoolsport-arnhem.yaml"): ["IC108 /outcomes/1", "IC112 /outcomes/1"],
    # The seventh part: claims about the enterprise's own practice with no metric or outcome behind them
    # ("every employee had a career conversation", "you may return any order within 30 days"), which
    # IC101 holds to a basis like any claim; aims for 2027 without a commitment (IC105), one of them
    # environmental; an FSC label with neither a verifier nor an authority (IC101).
    ("held-out-7", "o-zonnecooperatie-dordrecht.yaml"): ["IC112 /outcomes/1", "IC101 /claims/3"],
    ("held-out-7", "o-furniture-upcycling-nijmegen.yaml"): ["IC112 /outcomes/1", "IC108 /outcomes/2",
                                                           "IC112 /outcomes/2", "IC101 /claims/4"],
    ("held-out-7", "o-kringloopbedrijf-emmen.yaml"): ["IC112 /outcomes/1", "IC108 /outcomes/2", "IC112 /outcomes/2",
                                                     "IC101 /claims/4"],
    ("held-out-7", "r-stadslogistiek-amersfoort.yaml"): ["IC112 /outcomes/1", "IC105 /claims/0/text"],
    ("held-out-7", "s-debt-counselling-nijmegen.yaml"): ["IC105 /claims/2/text"],
    ("held-out-7", "t-textielwebshop-breda.yaml"): ["IC101 /claims/2"],
    ("held-out-7", "t-meubelstoffeerderij-groningen.yaml"): ["IC112 /outcomes/1", "IC112 /outcomes/2",
                                                            "IC101 /claims/4"],
    ("held-out-7", "u-bakkerij-roermond.yaml"): ["IC108 /outcomes/1", "IC112 /outcomes/1", "IC130 /claims/1/text"],
    # The precision part (77 findings on 30 honest statements before tuning, 3 errors after): a generic
    # term said of what someone else did ("the municipality made the park more nature-friendly"), a
    # subgroup counted in its own unit ("vloeren" within "maatregelen") and the yearly yield that
    # installed panels "will generate", an estimate the rule reads as a promise. All three arguable.
    ("precision", "w3-stadsboerderij-wilgenhof-rotterdam.yaml"): ["IC102 /claims/4/text"],
    ("precision", "w4-warmthuis-heerlen.yaml"): ["IC114 /metrics/3/unit"],
    ("precision", "w4-zonvak-almere.yaml"): ["IC105 /claims/6/text"],
    # The second precision part (59 findings, 17 errors, with the rules tuned on the first; 18 and 3
    # after): a measured biobased share (IC102), an MSC pre-assessment whose outcome is "expected in
    # 2026" with no metric behind it (IC101, IC105), a 100% claim about sweaters and scarves resting
    # on a metric of all knitwear beside an outcome asked of all 23 shepherds (IC119, IC124), a pilot
    # measured by its participants and an independent study announced for 2026 (IC109, IC120), an
    # old literature review beside current sources and sample weeks extrapolated (IC125, IC116). (A
    # lectorate whose name shares a word with the enterprise's is no longer read as the enterprise.)
    ("precision-2", "x1-wolwerk-leeuwarden.yaml"): ["IC119 /claims/1/text", "IC124 /claims/1/text"],
    ("precision-2", "x2-houtkern-deventer.yaml"): ["IC102 /claims/1/text"],
    ("precision-2", "x4-klimfabriek-tilburg.yaml"): ["IC109 /outcomes/2/metrics", "IC120 /claims/2/text"],
    ("precision-2", "x4-museumcafe-de-kade-nijmegen.yaml"): ["IC125 /outcomes/1/evidence/sources/2/year",
                                                             "IC116 /claims/6/basis/metrics"],
    ("precision-2", "x5-kustvissers-texel.yaml"): ["IC101 /claims/5", "IC105 /claims/5/text"],
    # The third precision part (51 findings, 18 errors, with the rules tuned on the first two; 6 and 1
    # after): "a sign that most green stays", where "green" is the plants that replaced the paving.
    ("precision-3", "y2-sponswerk-regenwater-tilburg.yaml"): ["IC102 /claims/3/text"],
}


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
