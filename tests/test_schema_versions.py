"""The shipped schema versions: documented, 1.1 a superset of 1.0, its new fields, and deprecation (IC022).

Every check runs against both validators (jsonschema for the messages, jsonschema-rs for the
fast yes/no) and asserts that they agree, because the checker trusts the fast one.
"""

from __future__ import annotations

import copy
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import impactclaim
from impactclaim import codes, schema
from impactclaim.checker import schema_findings
from impactclaim.findings import Severity
from impactclaim.schema import (
    deprecated_fields,
    deprecated_findings,
    fast_validator_for,
    load_schema,
    supported_versions,
    validator_for,
)
from tests.conftest import ROOT, SAMPLES

VALID = sorted((SAMPLES / "valid").glob("*.yaml"))
SAMPLE_11 = SAMPLES / "valid" / "buurtwerk-rotterdam-1.1.yaml"
INDEPENDENT = "outcomes[].evidence.sources[].independent"


def is_valid(version: str, data: Any) -> bool:
    """Whether ``data`` matches ``version``'s schema; fails the test if the two validators disagree."""
    slow = not any(True for _ in validator_for(version).iter_errors(data))
    fast = fast_validator_for(version)
    assert fast is not None, "jsonschema-rs is a dependency and must be installed"
    assert fast.is_valid(data) is slow, f"jsonschema says {slow}, jsonschema-rs says {not slow} for {data!r}"
    return slow


def minimal(version: str = "1.1", **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "schema_version": version,
        "language": "nl",
        "organisation": {"name": "Buurtbakkerij Het Zuurdesem", "kvk_number": "90215378"},
        "reporting_period": {"start": "2025-01-01", "end": "2025-12-31"},
        "mission": {"statement": "Wij bakken brood met mensen die de weg naar werk zoeken."},
    }
    data.update(extra)
    return data


def with_at(data: dict[str, Any], path: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    """A deep copy of ``data`` with ``value`` set at ``path`` (mappings created as needed)."""
    data = copy.deepcopy(data)
    node: Any = data
    for part in path[:-1]:
        if isinstance(node, dict) and part not in node:
            node[part] = {}
        node = node[part]
    node[path[-1]] = value
    return data


def schema_nodes(node: Any, where: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every subschema of a schema with the path of keywords that leads to it."""
    if isinstance(node, dict):
        yield where, node
        for key, value in node.items():
            yield from schema_nodes(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from schema_nodes(value, f"{where}/{index}")


def property_locations(version: str) -> set[str]:
    """Where a property can stand in a statement, e.g. ``claims[].basis.metrics``."""
    root = load_schema(version)
    found: set[str] = set()

    def visit(node: Any, label: str, refs: frozenset[str]) -> None:
        if not isinstance(node, dict):
            return
        ref = node.get("$ref")
        if isinstance(ref, str) and ref not in refs:
            target: Any = root
            for part in ref.split("/")[1:]:
                target = target[part]
            visit(target, label, refs | {ref})
        for keyword in ("allOf", "anyOf", "oneOf"):
            for branch in node.get(keyword, []):
                visit(branch, label, refs)
        for name, sub in node.get("properties", {}).items():
            where = f"{label}.{name}" if label else name
            found.add(where)
            visit(sub, where, refs)
        if isinstance(node.get("items"), dict):
            visit(node["items"], f"{label}[]", refs)

    visit(root, "", frozenset())
    return found


# --- every shipped schema ---------------------------------------------------------------------

def test_both_versions_ship() -> None:
    assert supported_versions() == ("1.0", "1.1")
    assert load_schema("1.1")["$id"] == "https://impactclaim.org/schemas/1.1/statement.schema.json"
    assert load_schema("1.1")["properties"]["schema_version"]["const"] == "1.1"


@pytest.mark.parametrize("version", supported_versions())
def test_every_property_has_a_title_and_a_description(version: str) -> None:
    missing = []
    for where, node in schema_nodes(load_schema(version)):
        if "/if/" in f"{where}/":
            continue  # the condition of an if/then names properties to test, it declares none
        for name, sub in node.get("properties", {}).items() if isinstance(node.get("properties"), dict) else ():
            for field in ("title", "description"):
                if not (isinstance(sub.get(field), str) and sub[field].strip()):
                    missing.append(f"{where}/properties/{name}: {field}")
    assert missing == []


@pytest.mark.parametrize("version", supported_versions())
def test_every_object_refuses_unknown_keys_but_allows_extensions(version: str) -> None:
    loose = [where for where, node in schema_nodes(load_schema(version))
             if node.get("type") == "object" and "properties" in node
             and (node.get("additionalProperties") is not False or "^x-" not in node.get("patternProperties", {}))]
    assert loose == []


@pytest.mark.parametrize("version", supported_versions())
def test_schema_is_valid_draft_2020_12(version: str) -> None:
    from jsonschema import Draft202012Validator

    Draft202012Validator.check_schema(load_schema(version))
    assert load_schema(version)["$schema"] == "https://json-schema.org/draft/2020-12/schema"


# --- 1.1 is a superset of 1.0 -------------------------------------------------------------------

def test_every_10_property_exists_in_11() -> None:
    assert property_locations("1.0") - property_locations("1.1") == set()
    new = property_locations("1.1") - property_locations("1.0")
    assert {"organisation.municipality_code.code", "organisation.contact.email", "organisation.address.postal_code",
            "outcomes[].evidence.sources[].relation", "outcomes[].evidence.sources[].method",
            "outcomes[].evidence.sources[].sample_size", "claims[].comparison.what", "metrics[].population",
            "social_enterprise.mission_lock", "procurement.pso.level", "procurement.social_return[].target_group",
            "workforce.headcount_by_gender.not_disclosed", "workforce.fatalities"} <= new


@pytest.mark.parametrize("sample", [p for p in VALID if p != SAMPLE_11], ids=lambda p: p.stem)
def test_every_10_sample_is_valid_under_11(sample: Path) -> None:
    data = impactclaim.load(sample).data
    assert data is not None and data["schema_version"] == "1.0"
    assert is_valid("1.0", data)
    assert is_valid("1.1", {**data, "schema_version": "1.1"})
    assert not is_valid("1.0", {**data, "schema_version": "1.1"})  # the version is part of the contract


def test_the_11_sample_is_valid_and_uses_what_11_adds() -> None:
    document = impactclaim.load(SAMPLE_11)
    data = document.data
    assert data is not None and is_valid("1.1", data)
    assert not is_valid("1.0", {**data, "schema_version": "1.0"})
    assert impactclaim.validate(SAMPLE_11) == []  # no schema, deprecation or claim-rule finding at all
    assert data["organisation"]["municipality_code"] == {"code": "GM0599", "year": 2025}
    assert isinstance(data["mission"]["statement"], dict) and set(data["mission"]["statement"]) == {"nl", "en"}
    assert {"procurement", "social_enterprise", "workforce"} <= set(data)


# --- 1.1-only fields fail under 1.0 -----------------------------------------------------------------

ADDITIONS: list[tuple[str, tuple[str | int, ...], Any]] = [
    ("municipality_code", ("organisation", "municipality_code"), {"code": "GM0344", "year": 2025}),
    ("contact", ("organisation", "contact"), {"name": "Anna de Vries", "email": "anna@bakkerij.example"}),
    ("address", ("organisation", "address"), {"street": "Oudegracht", "house_number": "12", "postal_code": "3511 AB",
                                              "city": "Utrecht"}),
    ("social_enterprise", ("social_enterprise",), {"market_revenue_share": 80, "mission_lock": "articles"}),
    ("procurement", ("procurement",), {"pso": {"level": "trede-1"},
                                       "social_return": [{"target_group": "wajong", "persons": 2}]}),
    ("workforce", ("workforce",), {"headcount_by_contract": {"permanent": 4, "temporary": 1}, "fatalities": 0}),
    ("source relation", ("outcomes",), [{
        "id": "werk", "what": {"description": "Werk", "polarity": "positive"},
        "evidence": {"level": 2, "sources": [{"title": "Monitor", "relation": "own", "method": "survey",
                                              "sample_size": 40}]}}]),
    ("metric population", ("metrics",), [{"id": "m", "name": "Bezoekers", "unit": "personen", "value": 3,
                                          "population": "unique-persons"}]),
    ("claim comparison", ("claims",), [{"id": "c", "text": "Wij leiden twee keer zoveel mensen op.",
                                        "domain": "social", "comparison": {"what": "de gemiddelde bakkerij",
                                                                           "year": 2024}}]),
]


@pytest.mark.parametrize(("name", "path", "value"), ADDITIONS, ids=[a[0] for a in ADDITIONS])
def test_a_11_field_is_valid_in_11_and_unknown_in_10(name: str, path: tuple[str, ...], value: Any) -> None:
    assert is_valid("1.1", with_at(minimal("1.1"), path, value))
    old = with_at(minimal("1.0"), path, value)
    assert not is_valid("1.0", old)
    text = json.dumps(old)
    findings = schema_findings(impactclaim.load_bytes(text.encode(), "s.yaml"))
    assert findings and all(f.code == "IC021" for f in findings)
    assert any("unknown property" in f.message for f in findings)


# --- multilingual text ---------------------------------------------------------------------------

BILINGUAL = {"nl": "Wij bakken brood.", "en": "We bake bread."}
TEXT_FIELDS = [
    ("mission", "statement"),
    ("theory_of_change", "problem"),
    ("theory_of_change", "impact"),
    ("assurance", "statement"),
]


@pytest.mark.parametrize("path", TEXT_FIELDS, ids=".".join)
def test_multilingual_text_is_accepted_in_11_and_refused_in_10(path: tuple[str, ...]) -> None:
    extra = {"assurance": {"level": "none"}} if path[0] == "assurance" else {}
    assert is_valid("1.1", with_at(minimal("1.1", **extra), path, BILINGUAL))
    assert is_valid("1.1", with_at(minimal("1.1", **extra), path, "Gewoon tekst."))
    assert not is_valid("1.0", with_at(minimal("1.0", **extra), path, BILINGUAL))


def test_multilingual_text_everywhere_in_the_11_sample() -> None:
    data = impactclaim.load(SAMPLE_11).data
    assert data is not None
    claim = data["claims"][1]
    assert set(claim["text"]) == {"nl", "en"} and set(claim["comparison"]["what"]) == {"nl", "en"}
    for path in [("theory_of_change", "inputs", 0), ("outcomes", 0, "who", "stakeholder"),
                 ("outcomes", 0, "risks", 0, "mitigation"), ("metrics", 0, "name"), ("metrics", 0, "method"),
                 ("procurement", "social_return", 0, "description"), ("social_enterprise", "stakeholder_governance")]:
        node: Any = data
        for part in path:
            node = node[part]
        assert isinstance(node, dict) and set(node) == {"nl", "en"}, path
        assert is_valid("1.1", with_at(data, path, "Alleen Nederlands."))


@pytest.mark.parametrize("bad", [{}, {"NL": "Tekst"}, {"nld": "Tekst"}, {"nl": ""}, {"nl": 5}, {"x-nl": "Tekst"},
                                 "", ["Tekst"]], ids=repr)
def test_malformed_multilingual_text_is_refused(bad: Any) -> None:
    assert not is_valid("1.1", with_at(minimal("1.1"), ("mission", "statement"), bad))


@pytest.mark.parametrize("path", [("organisation", "name"), ("organisation", "kvk_number"),
                                  ("organisation", "website"), ("reporting_period", "start")], ids=".".join)
def test_names_codes_urls_and_dates_stay_plain_text(path: tuple[str, ...]) -> None:
    assert not is_valid("1.1", with_at(minimal("1.1"), path, {"nl": "x", "en": "y"}))


def test_changes_lists_the_multilingual_fields() -> None:
    changes = (ROOT / "schemas" / "1.1" / "CHANGES.md").read_text("utf-8")
    listed = set(re.findall(r"^- `([a-z_.\[\]]+)`", changes, re.MULTILINE))
    multilingual = {where for where in property_locations("1.1") if _is_text(where)}
    assert multilingual and multilingual <= listed


def _is_text(where: str) -> bool:
    """Whether the property at ``where`` takes multilingual text (a $ref to $defs/text or text_list)."""
    root = load_schema("1.1")
    node: Any = root
    for part in where.split("."):
        many = part.endswith("[]")
        name = part.removesuffix("[]")
        while "$ref" in node and "properties" not in node:
            node = root["$defs"][node["$ref"].split("/")[-1]]
        node = node["properties"][name]
        if many:
            node = node["items"]
            while "$ref" in node:
                node = root["$defs"][node["$ref"].split("/")[-1]]
    return node.get("$ref") in ("#/$defs/text", "#/$defs/text_list")


# --- bad values of the new fields ---------------------------------------------------------------------

REJECTED: list[tuple[tuple[str | int, ...], Any]] = [
    (("organisation", "municipality_code"), {"code": "GM599", "year": 2025}),
    (("organisation", "municipality_code"), {"code": "gm0599", "year": 2025}),
    (("organisation", "municipality_code"), {"code": "GM05990", "year": 2025}),
    (("organisation", "municipality_code"), {"code": "0599", "year": 2025}),
    (("organisation", "municipality_code"), {"code": "GM0599\n", "year": 2025}),
    (("organisation", "municipality_code"), {"code": "GM0599", "year": 1999}),
    (("organisation", "municipality_code"), {"code": "GM0599"}),
    (("organisation", "address"), {"postal_code": "0123 AB"}),
    (("organisation", "address"), {"postal_code": "3012 ab"}),
    (("organisation", "address"), {"postal_code": "3012 SS"}),
    (("organisation", "address"), {"postal_code": "3012  AB"}),
    (("organisation", "address"), {"postal_code": "301 AB"}),
    (("organisation", "address"), {"postal_code": "3012 AB", "country": "NLD"}),
    (("organisation", "address"), {"postal_code": "3012 AB", "country": "nl"}),
    (("organisation", "address"), {"house_number": 12}),
    (("organisation", "contact"), {}),
    (("organisation", "contact"), {"email": "geen e-mailadres"}),
    (("organisation", "contact"), {"phone": "bel ons"}),
    (("procurement", "pso"), {"level": "trede 2"}),
    (("procurement", "pso"), {"level": "Trede-2"}),
    (("procurement", "pso"), {"level": "30+"}),
    (("procurement", "pso"), {"level": "trede-4"}),
    (("procurement", "pso"), {"level": "trede-3", "valid_until": "2026-13-01"}),
    (("procurement", "social_return"), [{"target_group": "ww"}]),
    (("procurement", "social_return"), [{"target_group": "bijstand", "persons": 1}]),
    (("procurement", "social_return"), [{"target_group": "ww", "fte_years": -1}]),
    (("social_enterprise",), {"market_revenue_share": 120}),
    (("social_enterprise",), {"profit_distribution": {"policy": "capped"}}),
    (("social_enterprise",), {"profit_distribution": {"policy": "unlimited"}}),
    (("social_enterprise",), {"mission_lock": "statuten"}),
    (("social_enterprise",), {}),
    (("workforce",), {"headcount_by_gender": {"female": 3, "unknown": 1}}),
    (("workforce",), {"headcount_by_contract": {"permanent": 2.5}}),
    (("workforce",), {"collective_agreement_coverage": 101}),
    (("workforce",), {"entry_wage_to_minimum_wage": 1.1}),
]


def case_id(value: Any) -> str:
    return ".".join(map(str, value)) if isinstance(value, tuple) else json.dumps(value)


@pytest.mark.parametrize(("path", "value"), REJECTED, ids=case_id)
def test_bad_values_of_new_fields_are_rejected(path: tuple[str, ...], value: Any) -> None:
    assert not is_valid("1.1", with_at(minimal("1.1"), path, value))


ACCEPTED: list[tuple[tuple[str | int, ...], Any]] = [
    (("organisation", "address"), {"postal_code": "3012AB"}),
    (("organisation", "address"), {"postal_code": "3012 AB", "country": "NL"}),
    (("organisation", "address"), {"postal_code": "1000", "city": "Brussel", "country": "BE"}),
    (("organisation", "contact"), {"phone": "+31 (0)10-555 0142"}),
    (("procurement", "pso"), {"level": "basistrede"}),
    (("procurement", "pso"), {"level": "trede-3", "thirty_plus": True, "date": "2024-11-12",
                              "valid_until": "2026-11-11"}),
    (("procurement", "social_return"), [{"target_group": "nuggers", "fte_years": 0.5}]),
    (("social_enterprise",), {"profit_distribution": {"policy": "capped", "max_share": 0}}),
    (("social_enterprise",), {"profit_distribution": {"policy": "none"}}),
]


@pytest.mark.parametrize(("path", "value"), ACCEPTED, ids=case_id)
def test_good_values_of_new_fields_are_accepted(path: tuple[str, ...], value: Any) -> None:
    assert is_valid("1.1", with_at(minimal("1.1"), path, value))


def test_a_bad_postal_code_is_reported_with_the_dutch_form() -> None:
    text = minimal_yaml("1.1").replace(
        '  kvk_number: "90215378"\n', '  kvk_number: "90215378"\n  address:\n    postal_code: "3012 sa"\n')
    (finding,) = schema_findings(impactclaim.load_bytes(text.encode(), "s.yaml"))
    assert (finding.code, finding.line, finding.column) == ("IC021", 7, 18)
    assert finding.pointer == "/organisation/address/postal_code"
    assert "four digits" in finding.hint


# --- deprecation (IC022) -------------------------------------------------------------------------------

def minimal_yaml(version: str) -> str:
    return (f'schema_version: "{version}"\nlanguage: nl\norganisation:\n  name: Bakkerij\n'
            '  kvk_number: "90215378"\nreporting_period:\n  start: "2025-01-01"\n  end: "2025-12-31"\n'
            "mission:\n  statement: Wij bakken brood.\n")


def with_sources(version: str) -> str:
    return minimal_yaml(version) + (
        "outcomes:\n"                                   # line 11
        "  - id: werk\n"
        "    what:\n"
        "      description: Deelnemers vinden werk.\n"
        "      polarity: positive\n"                    # line 15
        "    evidence:\n"
        "      level: 2\n"
        "      sources:\n"
        "        - title: Eigen monitor\n"
        "          independent: false\n"                # line 20
        "        - title: Evaluatie\n"
        "          relation: independent\n"
        "        - title: Universiteit\n"
        "          publisher: Een universiteit\n"
        "          independent: true\n")                # line 25


def test_the_deprecation_is_marked_in_the_11_schema_only() -> None:
    (field,) = deprecated_fields("1.1")
    assert (field.location, field.replaced_by) == (INDEPENDENT, "relation")
    assert "relation" in field.description
    assert deprecated_fields("1.0") == ()
    node = load_schema("1.1")["$defs"]["source"]["properties"]["independent"]
    assert node["deprecated"] is True and node["x-replaced-by"] == "relation"
    assert "deprecated" not in json.dumps(load_schema("1.0"))


def test_independent_gives_a_warning_at_its_key_in_11() -> None:
    document = impactclaim.load_bytes(with_sources("1.1").encode(), "s.yaml")
    findings = schema_findings(document)
    assert [(f.code, f.severity, f.line, f.column, f.pointer) for f in findings] == [
        ("IC022", Severity.WARNING, 20, 11, "/outcomes/0/evidence/sources/0/independent"),
        ("IC022", Severity.WARNING, 25, 11, "/outcomes/0/evidence/sources/2/independent"),
    ]
    false, true = findings
    assert false.message == ("outcomes[0].evidence.sources[0].independent is deprecated in schema 1.1; "
                             "use 'relation' instead")
    assert "'relation: own'" in false.hint and "'relation: commissioned'" in false.hint
    assert "independent: false" in false.hint
    assert true.hint == "write 'relation: independent' instead of 'independent: true'"
    # The API and the CLI path see the same warning; a warning does not make the statement invalid.
    api = [f for f in impactclaim.validate(document) if f.code == "IC022"]
    assert api == findings


def test_independent_gives_no_warning_in_10() -> None:
    document = impactclaim.load_bytes(with_sources("1.0").replace("          relation: independent\n", "")
                                      .encode(), "s.yaml")
    assert schema_findings(document) == []
    assert deprecated_findings(document.data, document.source_map, "s.yaml", "1.0") == []


def test_a_valid_11_statement_without_deprecated_keys_needs_no_pure_python_validator() -> None:
    # The deprecation walk matches schema branches with the pure-Python jsonschema (76 ms to import);
    # a statement with no deprecated key anywhere is answered without it.
    current = with_sources("1.1").replace("  independent: false", "  relation: own") \
        .replace("  independent: true", "  relation: independent")
    code = ("import sys, impactclaim\n"
            "def schema_codes(text):\n"
            "    found = impactclaim.validate(impactclaim.load_bytes(text.encode(), 's.yaml'))\n"
            "    return sorted({f.code for f in found} & {'IC021', 'IC022'}), 'jsonschema' in sys.modules\n"
            f"print(*schema_codes({current!r}))\n"
            f"print(*schema_codes({with_sources('1.1')!r}))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == ["[] False", "['IC022'] True"]


def test_no_deprecation_warning_while_the_schema_fails() -> None:
    text = with_sources("1.1").replace('kvk_number: "90215378"', 'kvk_number: "123"')
    findings = schema_findings(impactclaim.load_bytes(text.encode(), "s.yaml"))
    assert [f.code for f in findings] == ["IC021"]


def test_the_code_is_catalogued() -> None:
    assert codes.BUILTIN_CODES["IC022"] is codes.DEPRECATED
    assert codes.DEPRECATED.slug == "deprecated-field"
    assert list(codes.BUILTIN_CODES) == sorted(codes.BUILTIN_CODES)


SYNTHETIC = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "properties": {
        "old_top": {"type": "integer", "deprecated": True, "x-replaced-by": "new_top"},
        "things": {"type": "array", "items": {"$ref": "#/$defs/thing"}},
        "either": {"anyOf": [
            {"type": "string"},
            {"type": "object", "properties": {"legacy": {"type": "string", "deprecated": True}},
             "additionalProperties": False},
        ]},
        "gone": {"$ref": "#/$defs/gone"},
    },
    "patternProperties": {"^x-": {"type": "object", "properties": {"older": {"deprecated": True}}}},
    "$defs": {
        "thing": {"type": "object", "properties": {"colour": {"type": "string", "deprecated": True,
                                                              "x-replaced-by": "color",
                                                              "x-replacement": {"\"red\"": "'color: red'"}},
                                                   "child": {"$ref": "#/$defs/thing"}}},
        "gone": {"type": "boolean", "deprecated": True, "description": "Remove this key."},
    },
}


def test_deprecation_works_from_the_schema_not_from_a_list_of_names(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(schema, "load_schema", lambda version: SYNTHETIC)
    for cached in (schema.validator_for, schema.deprecated_fields, schema._reaches_deprecated,
                   schema._deprecated_names):
        cached.cache_clear()
    try:
        assert {f.location: f.replaced_by for f in deprecated_fields("9.9")} == {
            "old_top": "new_top", "things[].colour": "color", "either.legacy": None, "gone": None,
            "<^x->.older": None}
        text = ("old_top: 1\n"
                "things:\n"
                "  - colour: red\n"
                "    child:\n"
                "      colour: blue\n"
                "either: just text\n"
                "gone: true\n"
                "x-note:\n"
                "  older: 1\n")
        document = impactclaim.load_bytes(text.encode(), "s.yaml")
        found = deprecated_findings(document.data, document.source_map, "s.yaml", "9.9")
        assert [(f.line, f.column, f.pointer) for f in found] == [
            (1, 1, "/old_top"), (3, 5, "/things/0/colour"), (5, 7, "/things/0/child/colour"), (7, 1, "/gone"),
            (9, 3, "/x-note/older")]
        assert found[1].hint == "write 'color: red' instead of 'colour: \"red\"'"
        assert found[2].hint == "write 'color' instead of 'colour'"
        assert found[3].hint == "Remove this key." and found[3].message == "gone is deprecated in schema 9.9"
        other = impactclaim.load_bytes(b"either:\n  legacy: x\n", "s.yaml")
        (legacy,) = deprecated_findings(other.data, other.source_map, "s.yaml", "9.9")
        assert (legacy.line, legacy.pointer) == (2, "/either/legacy")
    finally:
        for cached in (schema.validator_for, schema.deprecated_fields, schema._reaches_deprecated,
                   schema._deprecated_names):
            cached.cache_clear()
