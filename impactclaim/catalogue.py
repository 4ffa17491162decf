"""Every finding code the tool can emit, with its documentation, for reporters that describe rules."""

from __future__ import annotations

from dataclasses import dataclass

from impactclaim.codes import BUILTIN_CODES
from impactclaim.findings import Severity


@dataclass(frozen=True, slots=True)
class CodeInfo:
    """A code as reporters describe it: id, slug, one line, full documentation, default severity."""

    code: str
    slug: str
    summary: str
    documentation: str
    severity: Severity


def catalogue() -> list[CodeInfo]:
    """Loader and schema codes first, then the claim-quality rules, each sorted by code."""
    from impactclaim.rules import RULE_CLASSES

    entries = [CodeInfo(c.code, c.slug, c.summary, c.summary, Severity.ERROR) for c in BUILTIN_CODES.values()]
    entries += [CodeInfo(r.code, r.slug, r.summary, r.documentation(), r.severity)
                for r in sorted(RULE_CLASSES, key=lambda rule: rule.code)]
    return entries
