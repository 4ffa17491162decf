"""The loader: YAML 1.2 core semantics, every rejection with its message and line, the source map."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from impactclaim.loader import LoadLimits, load_bytes, load_path


def only_finding(raw: bytes, limits: LoadLimits | None = None) -> tuple[str, int, int, str]:
    document = load_bytes(raw, "s.yaml", limits or LoadLimits())
    assert document.data is None, "a rejected file must not yield data"
    assert len(document.findings) == 1, document.findings
    finding = document.findings[0]
    assert finding.path == "s.yaml"
    assert finding.severity == "error"
    return finding.code, finding.line, finding.column, finding.message


# --- YAML 1.2 core semantics -------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("no", "no"), ("yes", "yes"), ("on", "on"), ("off", "off"), ("y", "y"), ("N", "N"),
        ("2025-01-31", "2025-01-31"), ("2025-01-31T10:00:00Z", "2025-01-31T10:00:00Z"),
        ("1:30", "1:30"), ("190:20:30", "190:20:30"),
        ("true", True), ("False", False), ("TRUE", True),
        ("null", None), ("~", None), ("", None), ("Null", None),
        ("42", 42), ("-7", -7), ("+3", 3), ("012", 12), ("0o17", 15), ("0x1F", 31),
        ("1.5", 1.5), ("1e3", 1000.0), ("-.5", -0.5), (".inf", float("inf")), ("-.Inf", float("-inf")),
        ("'yes'", "yes"), ('"42"', "42"), ("!!str 42", "42"), ("!!float 1", 1.0), ("!!int 7", 7),
        ("0b101", "0b101"), ("1_000", "1_000"), ("KvK", "KvK"), (".5.", ".5."),
    ],
)
def test_scalars_resolve_the_yaml_1_2_core_way(text: str, expected: object) -> None:
    document = load_bytes(f"value: {text}\n".encode(), "s.yaml")
    assert document.findings == []
    assert document.data == {"value": expected}
    assert type(document.data["value"]) is type(expected)


def test_nan_is_a_float() -> None:
    value = load_bytes(b"value: .nan\n").data["value"]  # type: ignore[index]
    assert isinstance(value, float) and value != value


def test_keys_are_their_source_text() -> None:
    document = load_bytes(b"no: 1\n2025-01-01: 2\n1: 3\nnull: 4\n")
    assert document.data == {"no": 1, "2025-01-01": 2, "1": 3, "null": 4}


def test_anchors_and_aliases_within_bounds_are_expanded() -> None:
    document = load_bytes(b"a: &x {k: [1, 2]}\nb: *x\n")
    assert document.findings == []
    assert document.data == {"a": {"k": [1, 2]}, "b": {"k": [1, 2]}}


# --- rejections ---------------------------------------------------------------------------------

def test_empty_file() -> None:
    assert only_finding(b"")[:3] == ("IC005", 1, 1)


@pytest.mark.parametrize("raw", [b"# just a comment\n", b"---\n", b"~\n", b"\n\n   \n", b"--- # nothing\n..."])
def test_files_without_a_statement_are_empty(raw: bytes) -> None:
    code, _, _, message = only_finding(raw)
    assert code == "IC005"
    assert message == "the file holds no statement"


def test_several_documents_are_rejected_at_the_second() -> None:
    assert only_finding(b"a: 1\n---\nb: 2\n") == (
        "IC006", 2, 1, "the file holds more than one YAML document")


@pytest.mark.parametrize(("raw", "kind"), [(b"- a\n- b\n", "a list"), (b"just text\n", "a single value"),
                                           (b"42\n", "a single value")])
def test_root_must_be_a_mapping(raw: bytes, kind: str) -> None:
    code, line, column, message = only_finding(raw)
    assert (code, line, column) == ("IC007", 1, 1)
    assert message.endswith(f"not {kind}")


def test_invalid_utf8_is_located() -> None:
    assert only_finding(b"a: 1\nname: Caf" + b"\xe9 Noir\n") == (
        "IC003", 2, 10, "invalid UTF-8 byte 0xe9")


def test_invalid_utf8_column_counts_characters_not_bytes() -> None:
    code, line, column, _ = only_finding("naam: Zoë €".encode() + b" \xff\n")
    assert (code, line, column) == ("IC003", 1, 13)


def test_utf8_bom_is_fine() -> None:
    document = load_bytes(codecs.BOM_UTF8 + b"a: 1\n")
    assert document.findings == [] and document.data == {"a": 1}


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_are_detected_and_named(codec: str) -> None:
    raw = "schema_version: '1.0'\n".encode(codec)
    if codec == "utf-16-le":
        expected = "the file looks like UTF-16 (little endian) without a BOM, not UTF-8"
    elif codec == "utf-16-be":
        expected = "the file looks like UTF-16 (big endian) without a BOM, not UTF-8"
    else:
        expected = f"the file is encoded as {codec.upper()}, not UTF-8"
    assert only_finding(raw) == ("IC003", 1, 1, expected)


def test_nul_byte_means_binary() -> None:
    assert only_finding(b"a: 1\nb: x\x00y\n") == (
        "IC003", 2, 5, "the file contains a NUL byte: it is binary, not a YAML text file")


def test_binary_content_is_rejected() -> None:
    code, *_ = only_finding(bytes(range(256)) * 4)
    assert code == "IC003"


def test_size_limit_is_configurable(tmp_path: Path) -> None:
    statement = tmp_path / "big.yaml"
    statement.write_bytes(b"a: " + b"x" * 200 + b"\n")
    document = load_path(statement, LoadLimits(max_bytes=100))
    assert [(f.code, f.message) for f in document.findings] == [
        ("IC002", "the file is 204 bytes, over the limit of 100 bytes")]
    assert load_path(statement, LoadLimits(max_bytes=204)).findings == []


def test_size_limit_applies_to_streams_that_do_not_report_a_size() -> None:
    document = load_path("/dev/zero", LoadLimits(max_bytes=1000))
    assert [f.code for f in document.findings] == ["IC002"]


def test_default_size_limit_is_5_mb() -> None:
    assert LoadLimits().max_bytes == 5 * 1024 * 1024
    code, *_ = only_finding(b"a: '" + b"x" * (5 * 1024 * 1024) + b"'\n")
    assert code == "IC002"


def billion_laughs(levels: int) -> bytes:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, levels):
        refs = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{refs}]")
    return ("\n".join(lines) + "\n").encode()


def test_alias_bomb_is_stopped() -> None:
    code, line, _, message = only_finding(billion_laughs(9))
    assert code == "IC010"
    assert line == 5  # the first alias whose expansion passes 10,000 values
    assert message == "aliases expand to more than 10,000 values"


def test_alias_bound_is_configurable() -> None:
    assert load_bytes(billion_laughs(3)).findings == []
    code, *_ = only_finding(billion_laughs(3), LoadLimits(max_alias_nodes=50))
    assert code == "IC010"


def test_recursive_alias_is_rejected() -> None:
    assert only_finding(b"a: &a [1, *a]\n") == (
        "IC010", 1, 11, "the alias *a refers to a node that contains it")


def test_undefined_alias_is_rejected() -> None:
    assert only_finding(b"a: *nowhere\n")[:3] == ("IC010", 1, 4)


def test_nesting_beyond_the_bound_is_rejected() -> None:
    raw = b"a:\n  b: " + b"[" * 70 + b"]" * 70 + b"\n"
    assert only_finding(raw) == ("IC011", 2, 68, "mappings and lists are nested deeper than 64 levels")


def test_extreme_nesting_is_a_finding_not_a_crash() -> None:
    code, *_ = only_finding(b"a: " + b"[" * 10_000 + b"]" * 10_000 + b"\n")
    assert code in {"IC004", "IC011"}
    code, *_ = only_finding(b"".join(b" " * i + b"k:\n" for i in range(2_000)))
    assert code in {"IC004", "IC011"}


@pytest.mark.parametrize(
    ("value", "shown"),
    [("!!binary aGVsbG8=", "!!binary"), ("!!timestamp 2025-01-01", "!!timestamp"),
     ("!!python/object:os.system ls", "!!python/object:os.system"), ("!local x", "!local"),
     ("!!set {a, b}", "!!set"), ("!!omap [a: 1]", "!!omap")],
)
def test_tags_other_than_the_core_ones_are_rejected(value: str, shown: str) -> None:
    document = load_bytes(f"ok: 1\nvalue: {value}\n".encode(), "s.yaml")
    assert [(f.code, f.line, f.column, f.message) for f in document.findings] == [
        ("IC009", 2, 8, f"the tag {shown} is not supported")]


def test_a_value_that_does_not_fit_its_tag_is_rejected() -> None:
    document = load_bytes(b"value: !!int twelve\n")
    assert [(f.code, f.message) for f in document.findings] == [
        ("IC009", "the value 'twelve' does not fit its tag !!int")]


def test_duplicate_key_is_an_error_at_the_second_occurrence() -> None:
    document = load_bytes(b"organisation:\n  name: A\n  kvk_number: '1'\n  name: B\n", "s.yaml")
    assert [(f.code, f.line, f.column, f.message) for f in document.findings] == [
        ("IC008", 4, 3, "duplicate key 'name' (first defined on line 2)")]


def test_duplicate_keys_in_flow_mappings_and_lists() -> None:
    document = load_bytes(b"items:\n  - {a: 1, b: 2, a: 3}\n  - c: 1\n    c: 2\n")
    assert [(f.line, f.column) for f in document.findings] == [(2, 18), (4, 5)]


def test_complex_keys_are_rejected() -> None:
    assert only_finding(b"? [a, b]\n: 1\n")[:3] == ("IC012", 1, 3)
    assert only_finding(b"a: &k x\n*k : 1\n")[:3] == ("IC012", 2, 1)


def test_syntax_error_is_located() -> None:
    code, line, _column, message = only_finding(b"organisation:\n  name: A\n   kvk: 1\n")
    assert (code, line) == ("IC004", 3)
    assert message.startswith("invalid YAML: ")


def test_control_characters_are_a_located_syntax_error() -> None:
    assert only_finding(b"a: b\nc: \x07\n") == (
        "IC004", 2, 4, "invalid YAML: unacceptable character #x0007: control characters are not allowed")


def test_a_directory_is_rejected(tmp_path: Path) -> None:
    document = load_path(tmp_path)
    assert [(f.code, f.message) for f in document.findings] == [
        ("IC001", "the path is a directory, not a statement file")]


def test_a_directory_named_like_a_statement_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").mkdir()
    assert [f.code for f in load_path(tmp_path / "x.yaml").findings] == ["IC001"]


def test_a_missing_file_is_rejected(tmp_path: Path) -> None:
    document = load_path(tmp_path / "nope.yaml")
    assert [(f.code, f.message, f.path) for f in document.findings] == [
        ("IC001", "no such file", str(tmp_path / "nope.yaml"))]


def test_an_unreadable_file_is_rejected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests run as root in CI, where file modes do not stop reads: simulate the refusal.
    statement = tmp_path / "locked.yaml"
    statement.write_text("a: 1\n")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("builtins.open", refuse)
    assert [(f.code, f.message) for f in load_path(statement).findings] == [
        ("IC001", "permission denied: the file cannot be read")]


def test_a_symlink_loop_is_rejected(tmp_path: Path) -> None:
    os.symlink(tmp_path / "b.yaml", tmp_path / "a.yaml")
    os.symlink(tmp_path / "a.yaml", tmp_path / "b.yaml")
    findings = load_path(tmp_path / "a.yaml").findings
    assert [f.code for f in findings] == ["IC001"]
    assert "symbolic links" in findings[0].message


# --- the source map -----------------------------------------------------------------------------

SAMPLE = b"""\
schema_version: "1.0"
organisation:
  name: De Fietsfabriek
  memberships:
    - scheme: pso
      level: trede 2
    - {scheme: b-corp, since: "2021-03-01"}
claims: []
"""


def test_value_and_key_positions() -> None:
    smap = load_bytes(SAMPLE).source_map
    assert smap.value_position(["schema_version"]) == (1, 17)
    assert smap.key_position(["organisation", "name"]) == (3, 3)
    assert smap.value_position(["organisation", "name"]) == (3, 9)
    assert smap.value_position(["organisation", "memberships", 0]) == (5, 7)
    assert smap.value_position(["organisation", "memberships", 0, "level"]) == (6, 14)
    assert smap.key_position(["organisation", "memberships", 1, "since"]) == (7, 24)
    assert smap.value_position(["organisation", "memberships", 1, "since"]) == (7, 31)
    assert smap.value_position(["claims"]) == (8, 9)


def test_missing_paths_fall_back_to_the_nearest_ancestor() -> None:
    smap = load_bytes(SAMPLE).source_map
    assert smap.value_position(["organisation", "kvk_number"]) == (3, 3)
    assert smap.key_position(["organisation", "memberships", 5]) == (5, 5)
    assert smap.value_position([]) == (1, 1)


@pytest.mark.parametrize("newline", [b"\n", b"\r\n", b"\r"])
def test_line_endings_do_not_shift_lines(newline: bytes) -> None:
    document = load_bytes(SAMPLE.replace(b"\n", newline))
    assert document.findings == []
    assert document.source_map.value_position(["organisation", "memberships", 0, "level"]) == (6, 14)
