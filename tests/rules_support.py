"""Helpers for rule tests: build a statement from a YAML fragment and run the checks on it."""

from __future__ import annotations

from pathlib import Path

import yaml

import impactclaim
from impactclaim.findings import Finding

MINIMAL = (Path(__file__).resolve().parent.parent / "samples" / "valid" / "minimal.yaml").read_text()


def statement_text(fragment: str) -> str:
    """The minimal valid statement with the fragment's top-level keys added or replaced.

    Keys of the fragment that the minimal statement also has (organisation, mission, ...) are
    merged one level deep, so a fragment may add ``organisation.memberships`` alone.
    """
    base = yaml.safe_load(MINIMAL)
    extra = yaml.load(fragment, Loader=yaml.SafeLoader) or {}  # plain YAML 1.1 is fine for test fixtures
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            base[key] = {**base[key], **value}
        else:
            base[key] = value
    return yaml.safe_dump(base, sort_keys=False, allow_unicode=True)


def check_text(text: str, path: str = "statement.yaml") -> list[Finding]:
    """Every finding of a statement given as YAML text."""
    return impactclaim.validate(impactclaim.load_bytes(text.encode(), path))


def check_fragment(fragment: str) -> list[Finding]:
    return check_text(statement_text(fragment))


def pointers(fragment: str, code: str) -> list[str]:
    """Where the checks of ``fragment`` report ``code``: one JSON pointer per finding."""
    return [finding.pointer for finding in check_fragment(fragment) if finding.code == code]


def codes_of(findings: list[Finding]) -> list[str]:
    return [finding.code for finding in findings]


def rule_findings(text: str, code: str) -> list[tuple[int, str]]:
    """(line, pointer) of each finding of rule ``code`` on a full statement text."""
    return [(f.line, f.pointer) for f in check_text(text) if f.code == code]
