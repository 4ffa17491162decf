"""The one catalogue of every code the tool emits: loader, schema, silences, rules and rendering.

``impactclaim explain``, ``impactclaim rules``, ``--select``/``--ignore``, configuration, silence
comments, SARIF rule metadata and the README table all read it, so a code cannot be documented in
one place and unknown in another.
"""

from __future__ import annotations

import re
import textwrap
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
    """The code named by ``name``: a code (``IC101``, any case) or a slug (``unsubstantiated-claim``).

    Raises UnknownCodeError, naming the codes that ``name`` most likely meant.
    """
    info = _index().get(name.strip().upper()) or _index().get(name.strip().lower())
    if info is None:
        near = suggestions(name)
        code_like = name.strip()[:2].upper() == "IC" or name.strip().isdigit()
        named = [f"{i.code} ({i.slug})" if code_like else f"{i.slug} ({i.code})" for i in near]
        guess = f"did you mean {_either(named)}? " if named else ""
        raise UnknownCodeError(f"unknown code {name!r}; {guess}'impactclaim rules' lists them")
    return info


_CODE_LIKE = re.compile(r"(?i)(?:ic)?(\d{1,4})")


def suggestions(name: str, limit: int = 3) -> list[CodeInfo]:
    """The codes a mistyped ``name`` most likely meant, best first; none when nothing is close.

    A code is compared digit by digit (one digit wrong, missing, extra or swapped: ``IC21``,
    ``IC1020``, ``IC120`` for IC102), because two codes a digit apart look alike but mean
    unrelated things, so a looser match would suggest noise. A slug is compared by similarity,
    and a word of it is enough (``baseline``).
    """
    text = name.strip()
    if text[:2].upper() == "IC":  # a letter O typed for a zero: IC1O2
        text = text[:2] + text[2:].replace("O", "0").replace("o", "0")
    by_slug = {info.slug: info for info in catalogue()}
    code_like = _CODE_LIKE.fullmatch(text)
    if code_like:
        digits = code_like.group(1).zfill(3)
        exact = [info for info in catalogue() if info.code[2:] == digits]
        if exact:
            return exact
        return [info for info in catalogue() if _one_edit_apart(digits, info.code[2:])][:limit]
    import difflib

    wanted = text.lower().replace("_", "-").replace(" ", "-")
    close = difflib.get_close_matches(wanted, list(by_slug), n=limit, cutoff=0.6)
    containing = [slug for slug in by_slug if len(wanted) >= 4 and wanted in slug]
    chosen = list(dict.fromkeys([*close, *containing]))[:limit]
    return [by_slug[slug] for slug in chosen]


def _one_edit_apart(first: str, second: str) -> bool:
    """Whether one character changed, added, removed or two neighbours swapped turn one into the other."""
    if len(first) == len(second):
        differ = [i for i, (a, b) in enumerate(zip(first, second, strict=True)) if a != b]
        if len(differ) == 1:
            return True
        return (len(differ) == 2 and differ[1] == differ[0] + 1
                and first[differ[0]] == second[differ[1]] and first[differ[1]] == second[differ[0]])
    shorter, longer = sorted((first, second), key=len)
    return len(longer) - len(shorter) == 1 and any(
        longer[:i] + longer[i + 1:] == shorter for i in range(len(longer)))


def _either(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


EXPLANATION_WIDTH = 96  # the width the rule documentation is written to


def explanation(info: CodeInfo) -> str:
    """What ``impactclaim explain CODE`` prints: code, slug, severity, summary, documentation, control."""
    documentation = info.documentation
    first, _, rest = documentation.partition("\n\n")
    if " ".join(first.split()) == info.summary:  # rule docstrings open with their summary
        documentation = rest.strip("\n")
    always = "" if info.ignorable else "; always reported, cannot be ignored"
    parts = [f"{info.code} {info.slug} (default severity: {info.severity.value}{always})\n{info.summary}"]
    if documentation and documentation != info.summary:
        parts.append(documentation)
    parts.append(textwrap.fill(_control(info), EXPLANATION_WIDTH))
    return "\n\n".join(parts) + "\n"


def _control(info: CodeInfo) -> str:
    if not info.ignorable:
        what = "a statement that does not match its schema" if info.stage == "schema" else "a file that cannot be read"
        return (f"Always reported: {what} cannot be checked at all, so {info.code} can be neither ignored, "
                "silenced nor given another severity. Fix the problem instead.")
    other = "a warning" if info.severity.value == "error" else "an error"
    leave = f"leave {info.code} out with --ignore {info.code} (or ignore = [\"{info.code}\"] in impactclaim.toml)"
    return ((f"Run only chosen rules with --select; {leave}" if info.is_rule else leave[0].upper() + leave[1:])
            + f", make it {other} with {info.slug} = \"{other.split()[1]}\" in the [severity] table of "
            f"impactclaim.toml, or silence one finding with \"# impactclaim: ignore[{info.code}]\" at the end of "
            "its line or alone on the line above it.")


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
