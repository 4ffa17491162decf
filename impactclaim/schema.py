"""Access to the statement schemas, one folder per version, and their validators."""

from __future__ import annotations

import json
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
def validator_for(version: str) -> Any:
    """A draft 2020-12 validator for ``version`` with format checking switched on."""
    from jsonschema import Draft202012Validator  # imported here: only validation needs it

    schema = load_schema(version)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
