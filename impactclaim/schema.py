"""Access to the statement schemas, one folder per version, and their validators.

Two validators check a statement. jsonschema-rs (compiled, about a hundred times faster) answers
"is it valid?" for the common case; only when it says no does the pure-Python jsonschema
collect every error, because its errors carry the paths and context the messages need. A test
shows the two agree (tests/test_validators_agree.py).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from impactclaim.resources import resource_dir

SCHEMA_FILE = "statement.schema.json"


@cache
def supported_versions() -> tuple[str, ...]:
    """The schema versions this installation can check, oldest first."""
    folders = [p.name for p in resource_dir("schemas").iterdir() if (p / SCHEMA_FILE).is_file()]
    return tuple(sorted(folders, key=lambda v: tuple(int(x) for x in v.split("."))))


@cache
def load_schema(version: str) -> dict[str, Any]:
    """The JSON Schema of ``version``; raises KeyError for an unsupported version."""
    if version not in supported_versions():
        raise KeyError(version)
    with open(resource_dir("schemas") / version / SCHEMA_FILE, encoding="utf-8") as stream:
        schema: dict[str, Any] = json.load(stream)
    return schema


@cache
def _ecma_end_anchor(pattern: str) -> re.Pattern[str]:
    # JSON Schema patterns are ECMA-262, where a final "$" matches only at the very end; in
    # Python it also matches before a final newline, so "12345678\n" would pass as a KvK number.
    if pattern.endswith("$") and not pattern.endswith("\\$"):
        pattern = pattern[:-1] + r"\Z"
    return re.compile(pattern)


def _pattern(validator: Any, pattern: str, instance: Any, schema: Any) -> Iterator[Any]:
    from jsonschema.exceptions import ValidationError

    if validator.is_type(instance, "string") and not _ecma_end_anchor(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


def _is_finite_number(checker: Any, instance: Any) -> bool:
    # YAML can write .inf and .nan, JSON cannot: a statement's numbers must be finite (and the
    # compiled validator, which sees JSON values, agrees).
    return isinstance(instance, (int, float)) and not isinstance(instance, bool) and math.isfinite(instance)


def _is_finite_integer(checker: Any, instance: Any) -> bool:
    return _is_finite_number(checker, instance) and float(instance).is_integer()


@cache
def validator_for(version: str) -> Any:
    """A draft 2020-12 validator (jsonschema) for ``version``, format checking on, for error details."""
    from jsonschema import Draft202012Validator, validators

    types = Draft202012Validator.TYPE_CHECKER.redefine_many(
        {"number": _is_finite_number, "integer": _is_finite_integer})
    strict = validators.extend(Draft202012Validator, {"pattern": _pattern}, type_checker=types)
    return strict(load_schema(version), format_checker=Draft202012Validator.FORMAT_CHECKER)


@cache
def fast_validator_for(version: str) -> Any | None:
    """A compiled validator (jsonschema-rs) for the yes/no question, or None where it is not installed."""
    try:
        import jsonschema_rs
    except ImportError:  # pragma: no cover - a platform without a jsonschema-rs wheel
        return None
    return jsonschema_rs.validator_for(load_schema(version), validate_formats=True)
