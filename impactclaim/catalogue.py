"""The one catalogue of every code the tool emits: loader, schema, silences, rules and rendering.

``impactclaim rules``, ``--select``/``--ignore``, configuration, silence comments, SARIF rule
metadata and the README table all read it, so a code cannot be documented in one place and
unknown in another.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from impactclaim.codes import BUILTIN_CODES
from impactclaim.findings import Severity


class UnknownCodeError(ValueError):
    """A code or slug in configuration, on the command line or in a silence names nothing."""


@dataclass(frozen=True, slots=True)
class CodeInfo:
    """A code as users and reporters see it: id, slug, one line, documentation, default severity."""

    code: str
    slug: str
    summary: str
    documentation: str
    severity: Severity
    stage: str  # load, schema, silence, rule or render
    ignorable: bool  # may be left out with --ignore, configuration or a silence comment

    @property
    def is_rule(self) -> bool:
        return self.stage == "rule"


@cache
def catalogue() -> tuple[CodeInfo, ...]:
    """Every code, sorted by code."""
    from impactclaim.rules import RULE_CLASSES

    entries = [CodeInfo(c.code, c.slug, c.summary, c.documentation or c.summary, c.severity, c.stage, c.ignorable)
               for c in BUILTIN_CODES.values()]
    entries += [CodeInfo(r.code, r.slug, r.summary, r.documentation(), r.severity, "rule", True)
                for r in RULE_CLASSES]
    return tuple(sorted(entries, key=lambda info: info.code))


@cache
def _index() -> dict[str, CodeInfo]:
    index: dict[str, CodeInfo] = {}
    for info in catalogue():
        index[info.code] = info
        index[info.slug] = info
    return index


@cache
def by_code() -> dict[str, CodeInfo]:
    """Every code by its id, for the checks that run on every finding."""
    return {info.code: info for info in catalogue()}


def lookup(name: str) -> CodeInfo:
    """The code named by ``name``: a code (``IC101``, any case) or a slug (``unsubstantiated-claim``)."""
    info = _index().get(name.strip().upper()) or _index().get(name.strip().lower())
    if info is None:
        raise UnknownCodeError(f"unknown code {name!r}; 'impactclaim rules' lists them")
    return info


def markdown_table() -> str:
    """The README's table of codes, generated from the catalogue (a test compares the two)."""
    lines = ["| code | slug | default | what |", "|---|---|---|---|"]
    for info in catalogue():
        default = info.severity.value if info.ignorable else f"{info.severity.value}, always"
        lines.append(f"| {info.code} | {info.slug} | {default} | {info.summary} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # python -m impactclaim.catalogue: print the README table
    import sys

    sys.stdout.write(markdown_table())
