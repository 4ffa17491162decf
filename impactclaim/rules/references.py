"""Referential integrity: every id a claim or outcome refers to exists, and ids are unique."""

from __future__ import annotations

from collections.abc import Iterator

from impactclaim.findings import Severity
from impactclaim.rules.base import Issue, Item, Rule, RuleContext


class DanglingReference(Rule):
    """A claim or outcome refers to a metric or outcome id that does not exist.

    Checks ``claims[].basis.metrics``, ``claims[].basis.outcomes``, ``outcomes[].metrics`` and
    ``metrics[].part_of``. A reference to nothing means the substantiation the reader is shown
    is missing, so the claim is in fact unsubstantiated (ACM Leidraad Duurzaamheidsclaims,
    rule 2: substantiate your claim with facts). The finding stands at the referring line.

    Failing example::

        metrics:
          - id: jobs
            name: People in paid work
            unit: people
            value: 12
        claims:
          - id: work
            text: Twelve people found paid work through us.
            domain: social
            basis:
              metrics: [job]

    Passing example::

        metrics:
          - id: jobs
            name: People in paid work
            unit: people
            value: 12
        claims:
          - id: work
            text: Twelve people found paid work through us.
            domain: social
            basis:
              metrics: [jobs]
    """

    code = "IC107"
    slug = "dangling-reference"
    severity = Severity.ERROR
    summary = "A claim or outcome refers to a metric or outcome id that does not exist."

    def check(self, context: RuleContext) -> Iterator[Issue]:
        metric_ids = context.metrics_by_id
        outcome_ids = context.outcomes_by_id
        metric_hints, outcome_hints = _Suggestions(metric_ids, "metric"), _Suggestions(outcome_ids, "outcome")
        for claim in context.claims:
            basis = claim.data.get("basis") or {}
            yield from _missing(claim, ("basis", "metrics"), basis.get("metrics"), metric_ids, metric_hints)
            yield from _missing(claim, ("basis", "outcomes"), basis.get("outcomes"), outcome_ids, outcome_hints)
        for outcome in context.outcomes:
            yield from _missing(outcome, ("metrics",), outcome.data.get("metrics"), metric_ids, metric_hints)
        for metric in context.metrics:
            parent = metric.data.get("part_of")
            if isinstance(parent, str) and parent not in metric_ids:
                yield Issue((*metric.path, "part_of"),
                            f"metric '{metric.id}' is part_of '{parent}', but there is no metric with that id",
                            metric_hints(parent))
            elif parent == metric.id:
                yield Issue((*metric.path, "part_of"), f"metric '{metric.id}' is part_of itself",
                            "part_of names the total this metric is a subgroup of")


def _missing(item: Item, where: tuple[str, ...], refs: object, known: dict[str, Item],
             hints: _Suggestions) -> Iterator[Issue]:
    if not isinstance(refs, list):
        return
    owner = str(item.path[0])[:-1]  # "claims" -> "claim", "outcomes" -> "outcome"
    for index, ref in enumerate(refs):
        if isinstance(ref, str) and ref not in known:
            yield Issue((*item.path, *where, index),
                        f"{owner} '{item.id}' refers to {hints.kind} '{ref}', which does not exist", hints(ref))


# A "did you mean" compares the reference with every id, so a statement with thousands of ids
# and thousands of dangling references would take hours. The comparisons of one check are
# bounded; past the bound a reference gets the list of ids instead, itself cut short.
_MAX_COMPARISONS = 20_000
_MAX_LISTED = 20


class _Suggestions:
    """The hint for a reference to an id that does not exist, in bounded time and length."""

    def __init__(self, known: dict[str, Item], kind: str) -> None:
        self.kind = kind
        self.names = sorted(known)
        self.budget = _MAX_COMPARISONS
        shown = ", ".join(self.names[:_MAX_LISTED])
        more = len(self.names) - _MAX_LISTED
        self.listing = f"known {kind} ids: {shown}" + (f" and {more:,} more" if more > 0 else "")

    def __call__(self, ref: str) -> str:
        import difflib

        if self.names and len(self.names) <= self.budget:
            self.budget -= len(self.names)
            close = difflib.get_close_matches(ref, self.names, n=1)
            if close:
                return f"did you mean '{close[0]}'?"
        if self.names:
            return self.listing
        return f"add the {self.kind} under {self.kind}s:, or remove the reference"


class DuplicateId(Rule):
    """Two metrics, two outcomes or two claims share an id.

    Ids are how claims point at their substantiation; a duplicate makes every reference to it
    ambiguous, so a reader (or this tool) may check the wrong figure. The finding stands at the
    second use of the id.

    Failing example::

        metrics:
          - id: jobs
            name: People in paid work
            unit: people
            value: 12
          - id: jobs
            name: People in training
            unit: people
            value: 30

    Passing example::

        metrics:
          - id: jobs
            name: People in paid work
            unit: people
            value: 12
          - id: trainees
            name: People in training
            unit: people
            value: 30
    """

    code = "IC118"
    slug = "duplicate-id"
    severity = Severity.ERROR
    summary = "Two metrics, two outcomes or two claims share an id."

    def check(self, context: RuleContext) -> Iterator[Issue]:
        for items in (context.metrics, context.outcomes, context.claims):
            first_seen: dict[str, Item] = {}
            for item in items:
                if item.id is None:
                    continue
                if item.id in first_seen:
                    kind = str(item.path[0])[:-1]
                    first = first_seen[item.id].path[1]
                    yield Issue((*item.path, "id"), f"{kind} id '{item.id}' is used twice (also by {kind} #{first})",
                                "give every entry its own id; references must point at exactly one")
                else:
                    first_seen[item.id] = item
