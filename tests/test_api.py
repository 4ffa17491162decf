"""The public Python API: load a statement, validate it, get findings."""

from __future__ import annotations

from pathlib import Path

import pytest

import impactclaim
from impactclaim.checker import schema_findings
from tests.conftest import SAMPLES


def test_load_and_validate_a_valid_statement() -> None:
    document = impactclaim.load(SAMPLES / "valid" / "fietsfabriek-utrecht.yaml")
    assert document.loaded and document.findings == []
    assert document.data is not None
    assert document.data["organisation"]["kvk_number"] == "81946203"
    assert impactclaim.validate(document) == []
    assert impactclaim.validate(SAMPLES / "valid" / "fietsfabriek-utrecht.yaml") == []


def test_validate_returns_findings_sorted_by_position() -> None:
    findings = impactclaim.validate(SAMPLES / "invalid" / "several-problems" / "statement.yaml")
    assert [(f.line, f.code) for f in findings] == [(10, "IC021"), (16, "IC021"), (32, "IC021"), (39, "IC021")]
    assert all(isinstance(f, impactclaim.Finding) and f.is_error for f in findings)


def test_load_never_raises_for_bad_input(tmp_path: Path) -> None:
    document = impactclaim.load(tmp_path / "missing.yaml")
    assert not document.loaded
    assert [f.code for f in document.findings] == ["IC001"]


def test_limits_are_part_of_the_api() -> None:
    findings = impactclaim.validate(SAMPLES / "valid" / "minimal.yaml", limits=impactclaim.LoadLimits(max_bytes=10))
    assert [f.code for f in findings] == ["IC002"]


def statement(extra: str = "") -> bytes:
    return (SAMPLES / "valid" / "minimal.yaml").read_bytes() + extra.encode()


def test_unknown_property_points_at_the_key_with_a_suggestion() -> None:
    document = impactclaim.load_bytes(statement("assurence:\n  level: none\n"), "s.yaml")
    (finding,) = impactclaim.validate(document)
    assert (finding.line, finding.column, finding.pointer) == (13, 1, "/assurence")
    assert finding.message == "unknown property 'assurence'"
    assert finding.hint == "did you mean 'assurance'?"


def test_extensions_starting_with_x_are_allowed() -> None:
    assert impactclaim.validate(impactclaim.load_bytes(statement("x-internal-note: hello\n"))) == []


def test_date_format_is_checked() -> None:
    document = impactclaim.load_bytes(statement('published: "2026-3-1"\n'), "s.yaml")
    assert [(f.line, f.message) for f in impactclaim.validate(document)] == [
        (13, "published: '2026-3-1' is not a valid date")]


def test_unquoted_dates_stay_strings_and_validate() -> None:
    document = impactclaim.load_bytes(statement("published: 2026-03-01\n"), "s.yaml")
    assert impactclaim.validate(document) == []
    assert document.data is not None and document.data["published"] == "2026-03-01"


def test_missing_schema_version_lists_the_supported_ones() -> None:
    raw = statement().replace(b'schema_version: "1.0"\n', b"")
    (finding,) = impactclaim.validate(impactclaim.load_bytes(raw, "s.yaml"))
    assert (finding.code, finding.message) == (
        "IC020", 'the statement has no schema_version; supported versions: "1.0", "1.1"')


def test_type_errors_suggest_quoting_numbers_that_should_be_text() -> None:
    raw = statement().replace(b'kvk_number: "90215378"', b"kvk_number: 90215378")
    (finding,) = impactclaim.validate(impactclaim.load_bytes(raw, "s.yaml"))
    assert finding.message == "organisation.kvk_number must be text, not the number 90215378"
    assert finding.hint == 'write "90215378" in quotes, so that it stays text exactly as written'


def test_a_hint_quotes_the_value_as_written_not_as_parsed() -> None:
    # Parsed, 02845190 is the number 2845190 and 8.10 is 8.1: a hint built from those would lose
    # the leading zero, or name another SDG target, and following it would change the data.
    raw = statement().replace(b'kvk_number: "90215378"', b"kvk_number: 02845190")
    (finding,) = impactclaim.validate(impactclaim.load_bytes(raw, "s.yaml"))
    assert finding.message == "organisation.kvk_number must be text, not the number 02845190"
    assert finding.hint == 'write "02845190" in quotes, so that it stays text exactly as written'


def test_any_of_failures_report_the_most_relevant_sub_error() -> None:
    # The schema has no anyOf today; prove the mechanism on a small schema of that shape.
    from jsonschema import Draft202012Validator

    from impactclaim.checker import _describe, _most_relevant

    schema = {"type": "object", "properties": {"logo": {"anyOf": [
        {"type": "string", "pattern": "^data:"}, {"type": "object", "required": ["path"]}]}}}
    document = impactclaim.load_bytes(b"logo: http://x\n", "s.yaml")
    (error,) = Draft202012Validator(schema).iter_errors(document.data)
    (finding,) = _describe(_most_relevant(error), document, schema)
    assert finding.message == "logo: 'http://x' does not have the expected form"
    assert (finding.line, finding.column) == (1, 7)


@pytest.mark.parametrize(("schema", "yaml_text", "english", "dutch"), [
    ({"minimum": 0}, "-1", "n is -1, but may not be less than 0", "n is -1, maar mag niet kleiner zijn dan 0"),
    ({"maximum": 100}, "100.50", "n is 100.50, but may not be more than 100",
     "n is 100.50, maar mag niet groter zijn dan 100"),
    ({"exclusiveMinimum": 0}, "0", "n is 0, but must be more than 0", "n is 0, maar moet groter zijn dan 0"),
    ({"maxLength": 3}, "abcd", "n is longer than 3 characters", "n is langer dan 3 tekens"),
    ({"minItems": 2}, "[a]", "n must list at least 2 items", "n moet minstens 2 onderdelen bevatten"),
])
def test_the_schemas_limits_are_told_in_the_users_language(schema: dict[str, object], yaml_text: str, english: str,
                                                           dutch: str) -> None:
    """Not jsonschema's English ("-1 is less than the minimum of 0"), and the number as the author wrote it."""
    from jsonschema import Draft202012Validator

    from impactclaim import i18n
    from impactclaim.checker import _describe

    root = {"type": "object", "properties": {"n": schema}}
    document = impactclaim.load_bytes(f"n: {yaml_text}\n".encode(), "s.yaml")
    (error,) = Draft202012Validator(root).iter_errors(document.data)
    for language, expected in (("en", english), ("nl", dutch)):
        with i18n.using(language):
            (finding,) = _describe(error, document, root)
        assert finding.message == expected


@pytest.mark.parametrize("sample", sorted((SAMPLES / "valid").glob("*.yaml")), ids=lambda p: p.stem)
def test_schema_findings_of_valid_samples_are_empty(sample: Path) -> None:
    assert schema_findings(impactclaim.load(sample)) == []


def test_loading_a_profile_pdf_does_not_import_the_renderer(tmp_path: Path) -> None:
    """The loader reads statements out of PDFs through impactclaim.embedded, not the profile package."""
    import subprocess
    import sys

    pdf = tmp_path / "not-a-profile.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%broken\n")
    code = ("import sys, impactclaim; d = impactclaim.load(sys.argv[1]); "
            "print(sorted(m for m in sys.modules if m.startswith('impactclaim.profile')), d.findings[0].code)")
    result = subprocess.run([sys.executable, "-c", code, str(pdf)], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["[]", "IC207"]


def test_validate_honours_strict_select_and_ignore() -> None:
    text = statement("metrics:\n  - id: jobs\n    name: Jobs\n    unit: people\n    kind: count\n    value: 3\n"
                     "  - id: jobs\n    name: Jobs again\n    unit: people\n    value: 4\n")
    document = impactclaim.load_bytes(text, "statement.yaml")
    assert [f.code for f in impactclaim.validate(document)] == ["IC118"]
    assert impactclaim.validate(document, ignore=["duplicate-id"]) == []
    assert impactclaim.validate(document, select=["IC101"]) == []
    with pytest.raises(ValueError, match="unknown code 'IC999'"):
        impactclaim.validate(document, ignore=["IC999"])
    headcount = impactclaim.load_bytes(statement().replace(b"organisation:\n", b"organisation:\n  headcount: 2\n"
                                                                                  b"  fte: 3\n"))
    (lenient,) = impactclaim.validate(headcount)
    (strict,) = impactclaim.validate(headcount, strict=True)
    assert (lenient.code, lenient.severity, strict.severity) == ("IC117", impactclaim.Severity.WARNING,
                                                                 impactclaim.Severity.ERROR)


def test_read_gives_the_typed_statement() -> None:
    statement_ = impactclaim.read(SAMPLES / "valid" / "fietsfabriek-utrecht.yaml")
    assert statement_.organisation.kvk_number == "81946203"
    total = statement_.total_of(statement_.metrics_by_id["medewerkers-doelgroep"])
    assert total is not None and total.id == "medewerkers"
