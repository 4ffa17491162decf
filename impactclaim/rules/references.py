"""Referential integrity: every id a claim or outcome refers to exists, and ids are unique."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from impactclaim.findings import Severity
from impactclaim.rules.base import Issue, Rule
from impactclaim.statement.model import Claim, Metric, Outcome, Ref, Statement


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

    def check(self, statement: Statement) -> Iterator[Issue]:
        metric_ids = set(statement.metrics_by_id)
        outcome_ids = set(statement.outcomes_by_id)
        metric_hints, outcome_hints = _Suggestions(metric_ids, "metric"), _Suggestions(outcome_ids, "outcome")
        for claim in statement.claims:
            if claim.basis is not None:
                yield from _missing("claim", claim.id, claim.basis.metrics, metric_ids, metric_hints)
                yield from _missing("claim", claim.id, claim.basis.outcomes, outcome_ids, outcome_hints)
        for outcome in statement.outcomes:
            yield from _missing("outcome", outcome.id, outcome.metrics or (), metric_ids, metric_hints)
        for metric in statement.metrics:
            if metric.part_of is None:
                continue
            parent = metric.part_of.value
            if parent not in metric_ids:
                yield Issue(metric.part_of.path,
                            f"metric '{metric.id}' is part_of '{parent}', but there is no metric with that id",
                            metric_hints(parent))
            elif parent == metric.id:
                yield Issue(metric.part_of.path, f"metric '{metric.id}' is part_of itself",
                            "part_of names the total this metric is a subgroup of")


def _missing(owner: str, owner_id: str | None, refs: Iterable[Ref], known: set[str],
             hints: _Suggestions) -> Iterator[Issue]:
    for ref in refs:
        if ref.value not in known:
            yield Issue(ref.path, f"{owner} '{owner_id}' refers to {hints.kind} '{ref.value}', which does not exist",
                        hints(ref.value))


# A "did you mean" compares the reference with every id, so a statement with thousands of ids
# and thousands of dangling references would take hours. The comparisons of one check are
# bounded; past the bound a reference gets the list of ids instead, itself cut short.
_MAX_COMPARISONS = 20_000
_MAX_LISTED = 20


class _Suggestions:
    """The hint for a reference to an id that does not exist, in bounded time and length."""

    def __init__(self, known: set[str], kind: str) -> None:
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

    def check(self, statement: Statement) -> Iterator[Issue]:
        items: tuple[Metric | Outcome | Claim, ...]
        for items in (statement.metrics, statement.outcomes, statement.claims):
            first_seen: dict[str, Metric | Outcome | Claim] = {}
            for item in items:
                if item.id is None:
                    continue
                if item.id in first_seen:
                    kind = str(item.path[0])[:-1]  # "metrics" -> "metric"
                    first = first_seen[item.id].path[1]
                    yield Issue((*item.path, "id"), f"{kind} id '{item.id}' is used twice (also by {kind} #{first})",
                                "give every entry its own id; references must point at exactly one")
                else:
                    first_seen[item.id] = item
