"""The rule interface: a rule reads a schema-valid statement and yields issues at JSON paths."""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar

from impactclaim.findings import Severity

Path = tuple[str | int, ...]


def mapping(value: Any) -> dict[str, Any]:
    """``value`` when it is a mapping, else an empty one, for optional parts of a statement."""
    return value if isinstance(value, dict) else {}


@dataclass(frozen=True, slots=True)
class Issue:
    """What a rule found and where; the engine adds the code, severity, line and column."""

    path: Path
    message: str
    hint: str = ""
    at_key: bool = False


@dataclass(slots=True)
class Item:
    """One entry of a list of the statement (an outcome, metric or claim) with its path."""

    path: Path
    data: dict[str, Any]

    @property
    def id(self) -> str | None:
        value = self.data.get("id")
        return value if isinstance(value, str) else None


@dataclass(slots=True)
class RuleContext:
    """A schema-valid statement with indexes that several rules need."""

    data: dict[str, Any]
    metrics: list[Item] = field(default_factory=list)
    outcomes: list[Item] = field(default_factory=list)
    claims: list[Item] = field(default_factory=list)
    metrics_by_id: dict[str, Item] = field(default_factory=dict)
    outcomes_by_id: dict[str, Item] = field(default_factory=dict)

    @classmethod
    def of(cls, data: dict[str, Any]) -> RuleContext:
        context = cls(data)
        for name, items, index in (("metrics", context.metrics, context.metrics_by_id),
                                   ("outcomes", context.outcomes, context.outcomes_by_id),
                                   ("claims", context.claims, None)):
            for position, entry in enumerate(data.get(name) or []):
                if isinstance(entry, dict):
                    item = Item((name, position), entry)
                    items.append(item)
                    if index is not None and item.id is not None:
                        index.setdefault(item.id, item)  # the first wins; duplicates are a finding
        return context

    @property
    def period(self) -> tuple[str, str] | None:
        """The reporting period as ISO date strings (they compare correctly as text)."""
        period = self.data.get("reporting_period") or {}
        start, end = period.get("start"), period.get("end")
        return (start, end) if isinstance(start, str) and isinstance(end, str) else None

    def basis_metrics(self, claim: Item) -> list[Item]:
        refs = (claim.data.get("basis") or {}).get("metrics") or []
        return [self.metrics_by_id[ref] for ref in refs if ref in self.metrics_by_id]

    def basis_outcomes(self, claim: Item) -> list[Item]:
        refs = (claim.data.get("basis") or {}).get("outcomes") or []
        return [self.outcomes_by_id[ref] for ref in refs if ref in self.outcomes_by_id]


_EXAMPLE = re.compile(r"^(Failing|Passing) example::\n\n((?:[ ]{4}.*\n|\n)+)", re.MULTILINE)


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

    def check(self, context: RuleContext) -> Iterator[Issue]:
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
