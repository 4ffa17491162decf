"""The rule interface: a rule reads a typed, schema-valid statement and yields issues at its paths."""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from impactclaim.findings import Severity
from impactclaim.i18n import N_, _
from impactclaim.precompiled import regex
from impactclaim.statement.model import Claim, Metric, Outcome, Path, Statement, Text


@dataclass(frozen=True, slots=True)
class Issue:
    """What a rule found and where; the engine adds the code, severity, line and column."""

    path: Path
    message: str
    hint: str = ""
    at_key: bool = False


# How a message names an item, by its id or else its place in the list, in each language.
_LABELS = {
    "metric": (N_("metric '{id}'"), N_("metric {index}")),
    "outcome": (N_("outcome '{id}'"), N_("outcome {index}")),
    "claim": (N_("claim '{id}'"), N_("claim {index}")),
}


def label_of(part: Metric | Outcome | Claim, kind: str) -> str:
    """How a message names an item: ``metric 'jobs'``, or ``metric 3`` (its index) when it has no id."""
    by_id, by_index = _LABELS[kind]
    return _(by_id).format(id=part.id) if part.id else _(by_index).format(index=part.path[-1])


def located_texts(text: Text) -> Iterator[tuple[Path, str]]:
    """Each language of a free-text field with its path, white space folded, for the wording rules."""
    for path, value in text.located():
        yield path, " ".join(value.split())


_EXAMPLE = regex(r"^(Failing|Passing) example::\n\n((?:[ ]{4}.*\n|\n)+)", re.MULTILINE)


class Rule:
    """Base class of every claim-quality rule.

    The subclass docstring is the rule's user documentation: what it checks, why (the framework
    or law it comes from), and a ``Failing example::`` and a ``Passing example::`` block of YAML
    (indented four spaces) that is merged into a minimal valid statement by the tests.
    """

    code: ClassVar[str]
    slug: ClassVar[str]
    severity: ClassVar[Severity]
    summary: ClassVar[str]

    def check(self, statement: Statement) -> Iterator[Issue]:
        raise NotImplementedError

    @classmethod
    def documentation(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or cls.summary)

    @classmethod
    def examples(cls) -> dict[str, str]:
        """The YAML of the ``Failing`` and ``Passing`` examples, dedented."""
        found = {}
        for kind, block in _EXAMPLE.findall(cls.documentation() + "\n"):
            lines = [line[4:] for line in block.splitlines()]
            found[kind.lower()] = "\n".join(lines).strip("\n") + "\n"
        return found
