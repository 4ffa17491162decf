"""Silencing a rule at one place with a YAML comment, and reporting silences that are stale.

Write ``# impactclaim: ignore[IC104]`` (codes or slugs, comma-separated) at the end of the line
the finding points at, or alone on the line just above it. A silence that no longer silences
anything is itself an error, so silences cannot outlive the problem they excused.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass

from impactclaim import codes
from impactclaim.findings import Finding, Severity
from impactclaim.i18n import _

_MARKER = b"impactclaim:"
_COMMENT = re.compile(r"#\s*impactclaim:\s*ignore\[([^\]]*)\]")


class SilenceError(ValueError):
    """A silence names a code that exists but cannot be silenced; its text says why, in the reader's language."""


@dataclass(slots=True)
class Silence:
    """One ``ignore[...]`` comment: where it stands, which line it covers, which codes."""

    line: int
    column: int
    target_line: int
    names: list[str]
    used: set[str]


def find_silences(raw: bytes) -> list[Silence]:
    """Every silence comment of a file; cheap when the file has none."""
    if _MARKER not in raw:
        return []
    lines = raw.decode("utf-8-sig", "replace").splitlines()
    silences = []
    for number, text in enumerate(lines, start=1):
        match = _COMMENT.search(text)
        if not match:
            continue
        names = [name.strip() for name in match.group(1).split(",") if name.strip()]
        alone = text[:match.start()].strip() == ""
        target = number
        if alone:  # a comment on its own line covers the next line that holds content
            target = next((n for n in range(number + 1, len(lines) + 1)
                           if lines[n - 1].strip() and not lines[n - 1].lstrip().startswith("#")), number)
        silences.append(Silence(number, match.start() + 1, target, names, set()))
    return silences


def apply_silences(findings: list[Finding], raw: bytes, path: str, resolve_code: Callable[[str], str],
                   active_codes: Collection[str],
                   enclosing_line: Callable[[Finding], int | None] = lambda finding: None) -> list[Finding]:
    """Drop silenced findings; add an error for each unknown or unused silence.

    ``resolve_code`` turns a code or slug into a code that may be silenced, raising ValueError
    otherwise. A silence of a code that could not fire (a rule that did not run) is neither used
    nor stale. ``enclosing_line`` gives, for a finding, the line of the key that holds it, where a
    silence covers it too (the ``text:`` above its languages).
    """
    silences = find_silences(raw)
    if not silences:
        return findings
    resolved: dict[int, dict[str, str]] = {}
    kept_findings: list[Finding] = []
    problems: list[Finding] = []
    for silence in silences:
        mapping = {}
        for name in silence.names:
            try:
                mapping[resolve_code(name)] = name
            except ValueError as error:
                message = str(error) if isinstance(error, SilenceError) else \
                    _("the silence names {name}, which is no code").format(name=repr(name))
                problems.append(Finding(path, silence.line, silence.column, "", codes.UNUSED_SILENCE.code,
                                        Severity.ERROR, message, _("'impactclaim rules' lists the codes and slugs")))
        resolved[id(silence)] = mapping
    for finding in findings:
        silenced = False
        lines = {finding.line, enclosing_line(finding)}
        for silence in silences:
            mapping = resolved[id(silence)]
            if silence.target_line in lines and finding.code in mapping:
                silence.used.add(finding.code)
                silenced = True
        if not silenced:
            kept_findings.append(finding)
    for silence in silences:
        for code, name in resolved[id(silence)].items():
            if code not in silence.used and code in active_codes:
                problems.append(Finding(
                    path, silence.line, silence.column, "", codes.UNUSED_SILENCE.code, Severity.ERROR,
                    _("the silence of {name} is stale: {code} no longer fires on line {line}").format(
                        name=name, code=code, line=silence.target_line),
                    _("remove the comment")))
    return kept_findings + problems
