"""The two validators agree: jsonschema-rs says "valid" exactly when jsonschema finds no error.

The fast compiled validator decides whether the slow one needs to run at all, so a statement it
calls valid must have no error at all in the reference validator, and the other way round.
The cases: every sample, every YAML test-suite document that loads, and thousands of single
mutations of a rich sample (each value replaced by values of the wrong type, form or range,
each key removed, an unknown key added).
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import impactclaim
from impactclaim.schema import fast_validator_for, validator_for
from tests.conftest import SAMPLES, YAML_TEST_SUITE

Path_ = tuple[str | int, ...]

REPLACEMENTS: tuple[Any, ...] = (
    None, "", " ", "x", "12345678\n", "abc\n", "0000-01-01", "2025-02-29", "2024-02-29", "2025-1-1",
    -1, 0, 1, 1.0, 1.5, 101, 10**12, float("inf"), True, False, [], ["x"], [1, 1], {}, {"x-note": 1},
    "https://example.org", "javascript:alert(1)", "8.5", "8.11", "PI4060", "B1", "C10",
)


def leaves(data: Any, path: Path_ = ()) -> Iterator[Path_]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from leaves(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from leaves(value, (*path, index))
    yield path


def replaced(data: Any, path: Path_, value: Any) -> Any:
    result = copy.deepcopy(data)
    node = result
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    return result


def mutations(data: dict[str, Any], per_leaf: int) -> Iterator[Any]:
    """Single mutations; each leaf gets ``per_leaf`` replacements, rotating through the list."""
    for number, path in enumerate(leaves(data)):
        if not path:
            continue
        for step in range(per_leaf):
            yield replaced(data, path, REPLACEMENTS[(number * 7 + step) % len(REPLACEMENTS)])
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        if isinstance(parent, dict):
            trimmed = copy.deepcopy(data)
            node = trimmed
            for part in path[:-1]:
                node = node[part]
            del node[path[-1]]
            yield trimmed
            yield replaced(data, (*path[:-1], "unknown_key"), 1)


def agree(data: Any) -> tuple[bool, bool]:
    fast = fast_validator_for("1.0")
    assert fast is not None, "jsonschema-rs is a dependency and must be installed"
    return bool(fast.is_valid(data)), bool(validator_for("1.0").is_valid(data))


SAMPLE_FILES = sorted(SAMPLES.glob("**/*.yaml"))


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=[str(p.relative_to(SAMPLES)) for p in SAMPLE_FILES])
def test_they_agree_on_every_sample(path: Path) -> None:
    document = impactclaim.load(path)
    if document.data is not None and document.data.get("schema_version") == "1.0":
        fast, reference = agree(document.data)
        assert fast == reference


def test_they_agree_on_the_yaml_test_suite() -> None:
    checked = 0
    for path in sorted(YAML_TEST_SUITE.glob("*.yaml")):
        document = impactclaim.load(path)
        if document.data is not None:
            fast, reference = agree(document.data)
            assert fast == reference, path
            checked += 1
    assert checked > 100


@pytest.mark.parametrize(("sample", "per_leaf"), [
    ("minimal.yaml", len(REPLACEMENTS)), ("fietsfabriek-utrecht.yaml", 4), ("circulair-meubel.yaml", 2)])
def test_they_agree_on_single_mutations(sample: str, per_leaf: int) -> None:
    data = impactclaim.load(SAMPLES / "valid" / sample).data
    assert data is not None
    disagreements = []
    count = 0
    for mutated in mutations(data, per_leaf):
        count += 1
        fast, reference = agree(mutated)
        if fast != reference:
            disagreements.append((fast, reference, mutated))
    assert count > 200
    assert disagreements == [], f"{len(disagreements)} of {count} disagree; first: {disagreements[0][:2]}"
