"""Referential integrity: every id a claim or outcome refers to exists, and ids are unique."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from impactclaim.findings import Severity
from impactclaim.i18n import N_, _, number
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
                            _("metric '{metric}' is part_of '{parent}', but there is no metric with that id").format(
                                metric=metric.id, parent=parent),
                            metric_hints(parent))
            elif parent == metric.id:
                yield Issue(metric.part_of.path, _("metric '{metric}' is part_of itself").format(metric=metric.id),
                            _("part_of names the total this metric is a subgroup of"))


# The message for a reference to an id that does not exist, by what refers and what it refers to.
_MISSING = {
    ("claim", "metric"): N_("claim '{owner}' refers to metric '{ref}', which does not exist"),
    ("claim", "outcome"): N_("claim '{owner}' refers to outcome '{ref}', which does not exist"),
    ("outcome", "metric"): N_("outcome '{owner}' refers to metric '{ref}', which does not exist"),
}


def _missing(owner: str, owner_id: str | None, refs: Iterable[Ref], known: set[str],
             hints: _Suggestions) -> Iterator[Issue]:
    for ref in refs:
        if ref.value not in known:
            yield Issue(ref.path, _(_MISSING[owner, hints.kind]).format(owner=owner_id, ref=ref.value),
                        hints(ref.value))


# A "did you mean" compares the reference with every id, so a statement with thousands of ids
# and thousands of dangling references would take hours. The comparisons of one check are
# bounded; past the bound a reference gets the list of ids instead, itself cut short.
_MAX_COMPARISONS = 20_000
_MAX_LISTED = 20

# The hints of a reference to nothing, by the kind of id it refers to.
_KNOWN = {"metric": N_("known metric ids: {ids}"), "outcome": N_("known outcome ids: {ids}")}
_KNOWN_AND_MORE = {"metric": N_("known metric ids: {ids} and {more} more"),
                   "outcome": N_("known outcome ids: {ids} and {more} more")}
_ADD = {"metric": N_("add the metric under metrics:, or remove the reference"),
        "outcome": N_("add the outcome under outcomes:, or remove the reference")}


class _Suggestions:
    """The hint for a reference to an id that does not exist, in bounded time and length."""

    def __init__(self, known: set[str], kind: str) -> None:
        self.kind = kind
        self.names = sorted(known)
        self.budget = _MAX_COMPARISONS
        shown = ", ".join(self.names[:_MAX_LISTED])
        more = len(self.names) - _MAX_LISTED
        self.listing = (_(_KNOWN_AND_MORE[kind]).format(ids=shown, more=number(more)) if more > 0
                        else _(_KNOWN[kind]).format(ids=shown))

    def __call__(self, ref: str) -> str:
        import difflib

        if self.names and len(self.names) <= self.budget:
            self.budget -= len(self.names)
            close = difflib.get_close_matches(ref, self.names, n=1)
            if close:
                return _("did you mean '{id}'?").format(id=close[0])
        if self.names:
            return self.listing
        return _(_ADD[self.kind])


# The message for an id used twice, by the kind of entry that uses it.
_USED_TWICE = {
    "metric": N_("metric id '{id}' is used twice (also by metric #{first})"),
    "outcome": N_("outcome id '{id}' is used twice (also by outcome #{first})"),
    "claim": N_("claim id '{id}' is used twice (also by claim #{first})"),
}


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
                    yield Issue((*item.path, "id"), _(_USED_TWICE[kind]).format(id=item.id, first=first),
                                _("give every entry its own id; references must point at exactly one"))
                else:
                    first_seen[item.id] = item
