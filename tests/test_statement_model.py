"""The typed statement model: readers per schema version, tolerance, derived facts, and the rule of one reader.

Rules, renderers, reporters and the batch code read statements through the model only; the
last test fails when a string-keyed read of statement data creeps back in outside the readers.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import impactclaim
from impactclaim.statement import ClaimStatus, read_statement
from impactclaim.statement.read import READERS, Reader10, Reader11
from tests.rules_support import check_text

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples" / "valid").glob("*.yaml"))

HEAD = """\
schema_version: "{version}"
language: nl
organisation:
  name: Buurtbakkerij Het Zuurdesem
  kvk_number: "90215378"
reporting_period:
  start: "2025-01-01"
  end: "2025-12-31"
mission:
  statement: Wij bakken brood met mensen die hun weg terug naar werk zoeken.
"""


def test_every_shipped_schema_version_has_a_reader() -> None:
    from impactclaim.schema import supported_versions

    assert set(READERS) == set(supported_versions())
    assert READERS["1.0"] is Reader10 and not issubclass(Reader10, Reader11)
    assert READERS["1.1"] is Reader11


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_samples_read_into_parts_that_know_their_place(sample: Path) -> None:
    document = impactclaim.load(sample)
    statement = read_statement(document.data)
    assert statement.schema_version == document.data["schema_version"]
    assert statement.organisation.name == document.data["organisation"]["name"]
    for index, claim in enumerate(statement.claims):
        assert claim.path == ("claims", index)
        assert claim.pointer == f"/claims/{index}"
        raw = document.data["claims"][index]["text"]
        assert claim.text.get(statement.language) == (raw if isinstance(raw, str) else raw[statement.language])
        # the pointer of a part leads to the line the source map knows for it
        assert document.source_map.value_position(claim.text.path)[0] > 1
    for metric in statement.metrics:
        assert statement.metrics_by_id[metric.id] is metric if metric.id else True


def test_derived_facts_of_a_sample() -> None:
    statement = read_statement(impactclaim.load(ROOT / "samples/valid/fietsfabriek-utrecht.yaml").data)
    statuses = [statement.claim_status(claim) for claim in statement.claims]
    assert statuses == [ClaimStatus.VERIFIED, ClaimStatus.SELF_DECLARED, ClaimStatus.VERIFIED,
                        ClaimStatus.SELF_DECLARED]
    assert all(status.substantiated for status in statuses)
    assert statement.evidence_level == 3
    assert statement.title_period() == "2025"


def test_claim_status_is_decided_by_the_basis_and_its_verification() -> None:
    statement = read_statement({
        "metrics": [{"id": "jobs", "value": 3}],
        "claims": [
            {"id": "none", "text": "x"},
            {"id": "empty", "text": "x", "basis": {"metrics": []}},
            {"id": "dangling", "text": "x", "basis": {"metrics": ["jobs", "gone"]}},
            {"id": "own", "text": "x", "basis": {"metrics": ["jobs"]}},
            {"id": "peer", "text": "x", "basis": {"metrics": ["jobs"]}, "verification": {"status": "second-party"}},
            {"id": "audit", "text": "x", "basis": {"metrics": ["jobs"]}, "verification": {"status": "third-party"}},
        ],
    })
    assert [statement.claim_status(claim).value for claim in statement.claims] == [
        "unsubstantiated", "unsubstantiated", "incomplete", "self_declared", "second_party", "verified"]


@pytest.mark.parametrize("unit", ["%", "procent", "Percent", " pct "])
def test_percent_units_make_a_percentage(unit: str) -> None:
    statement = read_statement({"metrics": [{"id": "share", "unit": unit, "value": 40}]})
    assert statement.metrics[0].is_percentage


def test_ic114_flags_a_percentage_in_procent_above_100() -> None:
    """Fixed by the port: IC114 knew only "%", the profile also "procent" and "percent"."""
    text = HEAD.format(version="1.0") + """\
metrics:
  - id: uitstroom
    name: Deelnemers die uitstromen naar werk
    unit: procent
    value: 140
"""
    findings = [f for f in check_text(text) if f.code == "IC114"]
    assert [(f.line, f.pointer) for f in findings] == [(15, "/metrics/0/value")]


@pytest.mark.parametrize("junk", [None, 7, "text", [], {"organisation": [1]}, {"outcomes": "many"},
                                  {"claims": [None, {"text": {"nl": 3}, "basis": "all"}]},
                                  {"metrics": [{"value": True, "baseline": [], "period": "2025"}]},
                                  {"schema_version": 1.1, "mission": {"statement": {"en": ["x"]}}}])
def test_the_reader_is_tolerant_of_any_shape(junk: object) -> None:
    statement = read_statement(junk)
    assert statement.organisation.name is None
    assert all(metric.value is None for metric in statement.metrics)


def test_multilingual_text_is_read_whatever_the_version() -> None:
    data = {"schema_version": "1.1", "language": "nl",
            "mission": {"statement": {"nl": "Wij bakken brood.", "en": "We bake bread."}}}
    text = read_statement(data).mission.statement
    assert text.get("en") == "We bake bread." and text.get("nl") == "Wij bakken brood."
    assert text.get("de", fallback="nl") == "Wij bakken brood."
    assert list(text.located()) == [(("mission", "statement", "nl"), "Wij bakken brood."),
                                    (("mission", "statement", "en"), "We bake bread.")]
    # 1.0 has no multilingual text and its schema reports a map, but a draft still shows it
    assert read_statement({**data, "schema_version": "1.0"}).mission.statement.get("en") == "We bake bread."


def test_1_0_independent_and_1_1_relation_mean_the_same() -> None:
    old = read_statement({"schema_version": "1.0", "outcomes": [
        {"evidence": {"sources": [{"title": "a", "independent": True}, {"title": "b", "independent": False}]}}]})
    new = read_statement({"schema_version": "1.1", "outcomes": [
        {"evidence": {"sources": [{"title": "a", "relation": "independent"}, {"title": "b", "relation": "own"}]}}]})
    assert [s.is_independent for s in old.outcomes[0].evidence.sources] == [True, False]
    assert [s.is_independent for s in new.outcomes[0].evidence.sources] == [True, False]


def test_wording_rules_read_every_language_and_point_at_it() -> None:
    text = HEAD.format(version="1.1") + """\
metrics:
  - id: brood
    name: Verkochte broden
    unit: broden
    kind: count
    value: 41000
claims:
  - id: groen
    text:
      nl: Wij bakken ons brood met 41.000 broden per jaar.
      en: We are a green bakery.
    domain: environmental
    basis:
      metrics: [brood]
"""
    findings = [f for f in check_text(text) if f.code == "IC102"]
    assert [(f.line, f.pointer) for f in findings] == [(21, "/claims/0/text/en")]


# -- no string-keyed reads of statement data outside the readers ---------------------------------

# Modules that read statement data. The readers (impactclaim/statement/read.py) are the one place
# allowed to; the loader, config, schema access and PDF code read other dictionaries.
MODEL_USERS = ["rules", "profile/model.py", "profile/command.py", "profile/html.py", "profile/pdf.py",
               "reporters", "checker.py", "statement/model.py", "dataset", "site"]
# Reads by key that are no statement data, each with why.
ALLOWED = {
    ("claims_wording.py", "nl"), ("claims_wording.py", "en"),  # the rules' word lists, by language
    ("sdg.py", "targets"),  # the SDG data file shipped with the package
    ("pdf.py", "AF"),  # the PDF catalogue's associated files
    ("writers.py", "reporting_year"),  # the dataset's own rows, whose partition column it is
    ("vsme.py", "Enumeration Lists"),  # a sheet of EFRAG's template
    # the JSON Schema's own keywords, which the schema messages read
    ("checker.py", "description"), ("checker.py", "properties"), ("checker.py", "patternProperties"),
}


def _string_keyed_reads(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        key = None
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get" \
                and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
            key = node.args[0].value
        elif isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Load) \
                and isinstance(node.slice, ast.Constant) and isinstance(node.slice.value, str):
            key = node.slice.value
        if key is not None and (path.name, key) not in ALLOWED and not key.startswith("/"):
            found.append(f"{path.name}:{node.lineno}: {key!r}")
    return found


def test_no_string_keyed_reads_of_statement_data_outside_the_readers() -> None:
    package = ROOT / "impactclaim"
    files: list[Path] = []
    for name in MODEL_USERS:
        target = package / name
        files += sorted(target.rglob("*.py")) if target.is_dir() else [target]
    reads = [read for file in files for read in _string_keyed_reads(file)]
    assert reads == [], "read statement data through impactclaim.statement, not by key:\n" + "\n".join(reads)


def test_the_guard_catches_a_string_keyed_read(tmp_path: Path) -> None:
    sample = tmp_path / "probe.py"
    sample.write_text('def f(data):\n    return data.get("organisation")["name"]\n', encoding="utf-8")
    assert sorted(read.split(": ", 1)[1] for read in _string_keyed_reads(sample)) == ["'name'", "'organisation'"]


# -- the model reads every property of the newest schema ----------------------------------------

def _schema_objects() -> dict[str, set[str]]:
    """The property names of every object of schema 1.1, by where it stands."""
    import json

    schema = json.loads((ROOT / "schemas" / "1.1" / "statement.schema.json").read_text(encoding="utf-8"))
    defs = schema["$defs"]

    def properties(node: dict[str, object]) -> set[str]:
        found = node.get("properties")
        return set(found) if isinstance(found, dict) else set()

    def resolve(node: dict[str, object]) -> dict[str, object]:
        ref = node.get("$ref")
        return defs[str(ref).rsplit("/", 1)[1]] if isinstance(ref, str) else node

    top = schema["properties"]
    organisation = top["organisation"]["properties"]
    outcome, metric, claim = defs["outcome"], defs["metric"], defs["claim"]
    return {
        "Statement": properties(schema),
        "Organisation": properties(top["organisation"]),
        "MunicipalityCode": properties(organisation["municipality_code"]),
        "Contact": properties(organisation["contact"]),
        "Address": properties(organisation["address"]),
        "Membership": properties(defs["membership"]),
        "Mission": properties(top["mission"]),
        "TheoryOfChange": properties(top["theory_of_change"]),
        "Outcome": properties(outcome),
        "What": properties(outcome["properties"]["what"]),
        "Who": properties(outcome["properties"]["who"]),
        "HowMuch": properties(outcome["properties"]["how_much"]),
        "Contribution": properties(outcome["properties"]["contribution"]),
        "Evidence": properties(outcome["properties"]["evidence"]),
        "Source": properties(defs["source"]),
        "Risk": properties(defs["risk"]),
        "Metric": properties(metric),
        "Reference": properties(resolve(metric["properties"]["baseline"])),
        "Claim": properties(claim),
        "Basis": properties(claim["properties"]["basis"]),
        "Label": properties(claim["properties"]["label"]),
        "FutureCommitment": properties(claim["properties"]["future_commitment"]),
        "Verification": properties(claim["properties"]["verification"]),
        "Comparison": properties(claim["properties"]["comparison"]),
        "Assurance": properties(top["assurance"]),
        "SocialEnterprise": properties(top["social_enterprise"]),
        "ProfitDistribution": properties(top["social_enterprise"]["properties"]["profit_distribution"]),
        "Procurement": properties(top["procurement"]),
        "Pso": properties(top["procurement"]["properties"]["pso"]),
        "SocialReturn": properties(resolve(top["procurement"]["properties"]["social_return"]["items"])),
        "Workforce": properties(top["workforce"]),
    }


@pytest.mark.parametrize(("name", "keys"), sorted(_schema_objects().items()))
def test_the_model_has_a_field_for_every_schema_property(name: str, keys: set[str]) -> None:
    import dataclasses

    from impactclaim.statement import model

    fields = {field.name for field in dataclasses.fields(getattr(model, name))} - {"path", "all_texts"}
    assert keys, f"{name}: no properties found in the schema"
    assert keys == fields, f"{name}: schema {sorted(keys - fields)} missing in the model, {sorted(fields - keys)} extra"


BILINGUAL_CLAIM = HEAD.format(version="1.1") + """\
metrics:
  - id: brood
    name: Verkochte broden
    unit: broden
    kind: count
    value: 41000
claims:
  - id: groen
    # impactclaim: ignore[IC102]
    text:
      nl: Wij zijn een groene bakkerij.
      en: We are a green bakery.
    domain: environmental
    basis:
      metrics: [brood]
"""


def test_a_silence_on_a_text_key_covers_every_language_below_it() -> None:
    assert check_text(BILINGUAL_CLAIM) == []
    unsilenced = BILINGUAL_CLAIM.replace("    # impactclaim: ignore[IC102]\n", "")
    assert [(f.code, f.pointer) for f in check_text(unsilenced)] == [
        ("IC102", "/claims/0/text/nl"), ("IC102", "/claims/0/text/en")]


def test_a_text_map_must_hold_the_statements_own_language() -> None:
    text = HEAD.format(version="1.1").replace(
        "  statement: Wij bakken brood met mensen die hun weg terug naar werk zoeken.\n",
        "  statement:\n    en: We bake bread.\n    de: Wir backen Brot.\n")
    findings = [(f.code, f.line, f.column, f.pointer, f.message) for f in check_text(text)]
    assert findings == [("IC023", 10, 3, "/mission/statement",
                         "mission.statement is given in en, de but not in the statement's language nl")]
    assert check_text(text.replace("language: nl", "language: en")) == []


def test_the_1_1_parts_are_read_from_the_bilingual_sample() -> None:
    statement = read_statement(impactclaim.load(ROOT / "samples/valid/buurtwerk-rotterdam-1.1.yaml").data)
    organisation = statement.organisation
    assert (organisation.municipality_code.code, organisation.municipality_code.year) == ("GM0599", 2025)
    assert organisation.contact.name == "Samira El Amrani" and organisation.contact.email.endswith(".example")
    assert (organisation.address.postal_code, organisation.address.city) == ("3074 KD", "Rotterdam")
    assert statement.social_enterprise is not None and statement.procurement is not None
    assert statement.procurement.pso is not None and statement.procurement.pso.level
    assert statement.procurement.social_return and all(
        item.target_group and (item.persons is not None or item.fte_years is not None)
        for item in statement.procurement.social_return)
    assert statement.workforce is not None and dict(statement.workforce.headcount_by_gender)
    sources = [source for outcome in statement.outcomes for source in outcome.evidence.sources]
    assert {source.relation for source in sources} >= {"independent"} and any(s.sample_size for s in sources)
    assert any(claim.comparison is not None and claim.comparison.what for claim in statement.claims)
    assert any(metric.population for metric in statement.metrics)
    assert all(text.has("nl") for text in statement.texts() if text.languages)


def test_parts_compare_hash_and_show_by_their_fields() -> None:
    from impactclaim.statement.model import Ref

    first, same, other = Ref(("claims", 0), "jobs"), Ref(("claims", 0), "jobs"), Ref(("claims", 1), "jobs")
    assert first == same and hash(first) == hash(same) and first != other
    assert repr(first) == "Ref(path=('claims', 0), value='jobs')"
    with pytest.raises(AttributeError):
        first.value = "other"  # type: ignore[misc]
