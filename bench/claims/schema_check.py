"""Checks corpus statements against their schema only (no claim rules), for writing the corpus."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import jsonschema
import yaml

ROOT = Path(__file__).resolve().parents[2]


def main(paths: list[str]) -> int:
    failed = 0
    for name in paths:
        if Path(name).name.startswith("expected"):
            continue  # the annotations, not a statement
        data = yaml.safe_load(Path(name).read_text(encoding="utf-8"))
        version = str(data.get("schema_version"))
        schema = json.loads((ROOT / "schemas" / version / "statement.schema.json").read_text(encoding="utf-8"))
        validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
        errors = sorted(validator.iter_errors(data), key=lambda error: list(error.absolute_path))
        for error in errors:
            print(f"{name}: /{'/'.join(map(str, error.absolute_path))}: {error.message}")
        failed += bool(errors)
        if not errors:
            print(f"{name}: schema-valid")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
