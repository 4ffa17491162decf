"""The typed statement: frozen classes for a statement and its parts, and the facts derived from them.

The readers (``impactclaim.statement.read``) are the only code that looks at the raw YAML
data; rules, renderers, reporters and exports read these attributes. Every part knows its
``path`` in the document (keys and list indexes), so a finding about it points at its line.
Derived facts (metrics by id, whether a metric is a percentage, claim status, evidence level)
are defined here once.
"""

from __future__ import annotations

import datetime
import enum
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields
from typing import Any, Generic, TypeVar

from impactclaim.findings import json_pointer

_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")

Path = tuple[str | int, ...]

_Value = TypeVar("_Value")


class cached_property(Generic[_Value]):
    """``functools.cached_property`` without its lock.

    Python 3.11's version takes a lock on every first access; the rules touch thousands of
    these per batch, and the lock was a tenth of their time. The parts are never shared between
    threads while they are read, so computing a value twice in a race would be harmless anyway.
    """

    def __init__(self, compute: Callable[[Any], _Value]) -> None:
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, instance: Any, owner: type | None = None) -> _Value:
        if instance is None:
            return self  # type: ignore[return-value]
        value = instance.__dict__[self.name] = self.compute(instance)
        return value

# Units that mean "a share of 100", whatever the statement's language; compared case-insensitively.
PERCENT_UNITS = frozenset({"%", "percent", "procent", "pct", "per cent", "percentage"})


def parse_date(value: str | None) -> datetime.date | None:
    """An ISO date (``2025-12-31``), or None for anything else: a draft may hold any text."""
    if not isinstance(value, str):
        return None
    try:
        return datetime.date.fromisoformat(value.strip())
    except ValueError:
        return None


@dataclass(frozen=True, repr=False, eq=False)
class Part:
    """Something at a place in the statement.

    The parts share one ``__repr__``, ``__eq__`` and ``__hash__`` over their fields instead of a
    generated copy each: generating them for every class cost a third of ``validate``'s start-up
    more than a statement needs (pre-commit runs it on every commit).
    """

    path: Path

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, item.name) for item in fields(self))

    def __repr__(self) -> str:
        shown = ", ".join(f"{item.name}={getattr(self, item.name)!r}" for item in fields(self))
        return f"{type(self).__name__}({shown})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Part) and type(other) is type(self) and self._values() == other._values()

    def __hash__(self) -> int:
        return hash((type(self), self._values()))

    @property
    def pointer(self) -> str:
        """The RFC 6901 JSON pointer of this part (``/claims/2/text``)."""
        return json_pointer(self.path)


@dataclass(frozen=True, repr=False, eq=False)
class Text(Part):
    """Free text: one string in the statement's language, or (schema 1.1) one per language.

    ``variants`` holds (language, text) pairs; the language is empty for a plain string, which
    is written in the statement's language.
    """

    variants: tuple[tuple[str, str], ...] = ()

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(language for language, _ in self.variants if language)

    def __bool__(self) -> bool:
        return any(text.strip() for _, text in self.variants)

    def __str__(self) -> str:
        return self.variants[0][1] if self.variants else ""

    def get(self, language: str | None, fallback: str | None = None) -> str:
        """The text in ``language``; else in ``fallback`` (the statement's language); else any.

        A plain string answers every language: it is all the author wrote.
        """
        found = dict(self.variants)
        for wanted in (language, "", fallback):
            if wanted is not None and wanted in found:
                return found[wanted]
        return str(self)

    @cached_property
    def lowered(self) -> str:
        """Every variant in lower case, one per line, for the rules' gates and searches."""
        variants = self.variants
        if len(variants) == 1:
            return variants[0][1].lower()
        return "\n".join(text for _, text in variants).lower()

    @cached_property
    def words(self) -> frozenset[str]:
        """The distinct words of every variant, in lower case: what a rule's gate looks up."""
        return frozenset(_WORD.findall(self.lowered))

    @cached_property
    def has_digits(self) -> bool:
        return _DIGIT.search(self.lowered) is not None

    def has(self, language: str) -> bool:
        """Whether the text is given in ``language`` (a plain string counts for the statement's language)."""
        return any(variant == language for variant, _ in self.variants)

    def located(self) -> Iterator[tuple[Path, str]]:
        """Every variant with its own path, so a finding about one language points at its line."""
        for language, text in self.variants:
            yield ((*self.path, language) if language else self.path), text


@dataclass(frozen=True, repr=False, eq=False)
class Ref(Part):
    """One entry of a list of ids or codes (a basis reference, an SDG target) at its own place."""

    value: str


@dataclass(frozen=True, repr=False, eq=False)
class Period(Part):
    """A span of dates; ``start`` and ``end`` are the ISO strings as written (or None)."""

    start: str | None = None
    end: str | None = None

    @property
    def start_date(self) -> datetime.date | None:
        return parse_date(self.start)

    @property
    def end_date(self) -> datetime.date | None:
        return parse_date(self.end)


# -- organisation ------------------------------------------------------------------------------

@dataclass(frozen=True, repr=False, eq=False)
class Membership(Part):
    scheme: str | None = None
    name: str | None = None
    level: str | None = None
    since: str | None = None


@dataclass(frozen=True, repr=False, eq=False)
class MunicipalityCode(Part):
    """A CBS municipality code (``GM0344``) and the year of the municipal division it belongs to."""

    code: str | None = None
    year: int | None = None


@dataclass(frozen=True, repr=False, eq=False)
class Contact(Part):
    name: str | None = None
    role: str | None = None
    email: str | None = None
    phone: str | None = None


@dataclass(frozen=True, repr=False, eq=False)
class Address(Part):
    street: str | None = None
    house_number: str | None = None
    postal_code: str | None = None
    city: str | None = None
    country: str | None = None


@dataclass(frozen=True, repr=False, eq=False)
class Organisation(Part):
    name: str | None = None
    trade_name: str | None = None
    kvk_number: str | None = None
    legal_form: str | None = None
    municipality: str | None = None
    province: str | None = None
    website: str | None = None
    logo: str | None = None
    headcount: int | None = None
    fte: float | None = None
    founded: int | None = None
    nace_codes: tuple[str, ...] = ()
    memberships: tuple[Membership, ...] = ()
    mission_in_articles: bool | None = None
    # schema 1.1
    municipality_code: MunicipalityCode | None = None
    contact: Contact | None = None
    address: Address | None = None


# -- mission and theory of change --------------------------------------------------------------

@dataclass(frozen=True, repr=False, eq=False)
class Mission(Part):
    statement: Text
    impact_areas: tuple[str, ...] = ()
    abc: str | None = None


@dataclass(frozen=True, repr=False, eq=False)
class TheoryOfChange(Part):
    problem: Text
    impact: Text
    inputs: tuple[Text, ...] = ()
    activities: tuple[Text, ...] = ()
    outputs: tuple[Text, ...] = ()
    outcomes: tuple[Text, ...] = ()
    assumptions: tuple[Text, ...] = ()

    def chain(self) -> tuple[tuple[str, tuple[Text, ...]], ...]:
        """The steps of the chain from inputs to outcomes, in order, by name."""
        return (("inputs", self.inputs), ("activities", self.activities), ("outputs", self.outputs),
                ("outcomes", self.outcomes))


# -- outcomes ----------------------------------------------------------------------------------

class SourceRelation(enum.StrEnum):
    """Who made a source, seen from the enterprise (schema 1.1 ``relation``)."""

    OWN = "own"
    COMMISSIONED = "commissioned"
    INDEPENDENT = "independent"


@dataclass(frozen=True, repr=False, eq=False)
class Source(Part):
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    year: int | None = None
    independent: bool | None = None  # schema 1.0; deprecated in 1.1 for relation
    relation: str | None = None
    method: str | None = None
    sample_size: int | None = None

    @property
    def independence(self) -> bool | None:
        """Whether the source is independent of the enterprise; None when the statement does not say."""
        if self.relation is None and self.independent is None:
            return None
        return self.is_independent

    @property
    def is_independent(self) -> bool:
        """Made by a party independent of the enterprise: ``relation: independent``, or 1.0's flag."""
        if self.relation is not None:
            return self.relation == SourceRelation.INDEPENDENT
        return self.independent is True


@dataclass(frozen=True, repr=False, eq=False)
class Evidence(Part):
    level: int | None = None
    sources: tuple[Source, ...] = ()

    @property
    def known_level(self) -> int | None:
        """The Nesta level when it is one of 1 to 5."""
        return self.level if self.level is not None and 1 <= self.level <= 5 else None


@dataclass(frozen=True, repr=False, eq=False)
class Risk(Part):
    type: str | None = None
    level: str | None = None
    mitigation: Text = field(default_factory=lambda: Text(()))


@dataclass(frozen=True, repr=False, eq=False)
class What(Part):
    description: Text
    polarity: str | None = None
    important_to_stakeholders: bool | None = None


@dataclass(frozen=True, repr=False, eq=False)
class Who(Part):
    stakeholder: Text
    baseline: Text
    size: int | None = None
    underserved: bool | None = None


@dataclass(frozen=True, repr=False, eq=False)
class HowMuch(Part):
    scale: Text
    depth: Text
    duration: Text


@dataclass(frozen=True, repr=False, eq=False)
class Contribution(Part):
    counterfactual: Text
    description: Text
    deadweight: float | None = None
    attribution: float | None = None
    displacement: float | None = None
    drop_off: float | None = None

    def shares(self) -> tuple[tuple[str, float | None], ...]:
        """The four contribution percentages by name, in the order the profile shows them."""
        return (("deadweight", self.deadweight), ("attribution", self.attribution),
                ("displacement", self.displacement), ("drop_off", self.drop_off))


@dataclass(frozen=True, repr=False, eq=False)
class Outcome(Part):
    what: What
    who: Who
    how_much: HowMuch
    contribution: Contribution
    evidence: Evidence
    id: str | None = None
    risks: tuple[Risk, ...] | None = None  # None: the statement says nothing about risks
    abc: str | None = None
    sdg_targets: tuple[Ref, ...] = ()
    brede_welvaart: tuple[str, ...] = ()
    metrics: tuple[Ref, ...] | None = None

    @property
    def number(self) -> int:
        """The outcome's place in the statement, counting from 1."""
        index = self.path[-1]
        return index + 1 if isinstance(index, int) else 1


# -- metrics -----------------------------------------------------------------------------------

@dataclass(frozen=True, repr=False, eq=False)
class Reference(Part):
    """A baseline or a target of a metric: a value in a year."""

    value: float | None = None
    year: int | None = None


@dataclass(frozen=True, repr=False, eq=False)
class Metric(Part):
    name: Text
    method: Text
    data_source: Text
    id: str | None = None
    unit: str | None = None
    kind: str | None = None
    value: float | None = None
    period: Period | None = None
    baseline: Reference | None = None
    target: Reference | None = None
    part_of: Ref | None = None
    estimated: bool | None = None
    iris_id: str | None = None
    vsme_ref: str | None = None
    population: str | None = None  # schema 1.1: unique-persons, contacts, ...

    @property
    def is_percentage(self) -> bool:
        """A share of 100: ``kind: percentage`` or a percent unit (``%``, ``procent``, ``percent``)."""
        return self.kind == "percentage" or (self.unit is not None and self.unit.strip().casefold() in PERCENT_UNITS)

    def same_unit(self, other: Metric) -> bool:
        return (self.unit is not None and other.unit is not None
                and self.unit.strip().casefold() == other.unit.strip().casefold())

    def values(self) -> tuple[tuple[str, float | None], ...]:
        """Value, baseline value and target value by name (``value``, ``baseline``, ``target``)."""
        return (("value", self.value), ("baseline", self.baseline.value if self.baseline else None),
                ("target", self.target.value if self.target else None))


# -- claims ------------------------------------------------------------------------------------

@dataclass(frozen=True, repr=False, eq=False)
class Basis(Part):
    metrics: tuple[Ref, ...] = ()
    outcomes: tuple[Ref, ...] = ()

    @property
    def refs(self) -> tuple[Ref, ...]:
        return self.metrics + self.outcomes


@dataclass(frozen=True, repr=False, eq=False)
class Label(Part):
    name: str | None = None
    scheme: str | None = None
    authority: str | None = None


@dataclass(frozen=True, repr=False, eq=False)
class FutureCommitment(Part):
    plan: Text
    target_value: float | None = None
    target_year: int | None = None
    verifier: str | None = None


@dataclass(frozen=True, repr=False, eq=False)
class Verification(Part):
    status: str | None = None
    by: str | None = None
    date: str | None = None


@dataclass(frozen=True, repr=False, eq=False)
class Comparison(Part):
    """What a comparing claim compares with (schema 1.1)."""

    what: Text
    source: Text
    year: int | None = None


class ClaimStatus(enum.StrEnum):
    """How well a claim is substantiated, weakest first."""

    UNSUBSTANTIATED = "unsubstantiated"  # no basis
    INCOMPLETE = "incomplete"  # a basis reference points at nothing
    SELF_DECLARED = "self_declared"
    SECOND_PARTY = "second_party"
    VERIFIED = "verified"  # checked by a third party

    @property
    def substantiated(self) -> bool:
        return self in (ClaimStatus.SELF_DECLARED, ClaimStatus.SECOND_PARTY, ClaimStatus.VERIFIED)


@dataclass(frozen=True, repr=False, eq=False)
class Claim(Part):
    text: Text
    scope_detail: Text
    id: str | None = None
    domain: str | None = None
    scope: str | None = None
    basis: Basis | None = None
    offsets: bool | None = None
    label: Label | None = None
    future_commitment: FutureCommitment | None = None
    verification: Verification | None = None
    comparison: Comparison | None = None  # schema 1.1

    @property
    def verification_status(self) -> str:
        return (self.verification.status if self.verification else None) or "none"


# -- the rest of the statement ----------------------------------------------------------------

@dataclass(frozen=True, repr=False, eq=False)
class Assurance(Part):
    statement: Text
    level: str | None = None
    provider: str | None = None
    date: str | None = None


@dataclass(frozen=True, repr=False, eq=False)
class ProfitDistribution(Part):
    description: Text
    policy: str | None = None
    max_share: float | None = None


@dataclass(frozen=True, repr=False, eq=False)
class SocialEnterprise(Part):
    """The facts of the Code Sociale Ondernemingen (schema 1.1)."""

    stakeholder_governance: Text
    mission_lock_description: Text
    market_revenue_share: float | None = None
    profit_distribution: ProfitDistribution | None = None
    mission_lock: str | None = None


@dataclass(frozen=True, repr=False, eq=False)
class Pso(Part):
    level: str | None = None
    thirty_plus: bool | None = None  # the separate PSO 30+ mark
    date: str | None = None
    valid_until: str | None = None


@dataclass(frozen=True, repr=False, eq=False)
class SocialReturn(Part):
    description: Text
    target_group: str | None = None
    fte_years: float | None = None
    persons: int | None = None


@dataclass(frozen=True, repr=False, eq=False)
class Procurement(Part):
    """Facts a municipal buyer weighs (schema 1.1)."""

    pso: Pso | None = None
    social_return: tuple[SocialReturn, ...] = ()


@dataclass(frozen=True, repr=False, eq=False)
class Workforce(Part):
    """Workforce facts of the EU VSME Basic module (schema 1.1); counts by category name."""

    headcount_by_contract: tuple[tuple[str, int], ...] = ()
    headcount_by_gender: tuple[tuple[str, int], ...] = ()
    training_hours_per_employee: float | None = None
    collective_agreement_coverage: float | None = None
    paid_at_least_minimum_wage: bool | None = None
    work_accidents: int | None = None
    fatalities: int | None = None


@dataclass(frozen=True, repr=False, eq=False)
class Statement(Part):
    """One impact statement, read from one schema version."""

    organisation: Organisation
    mission: Mission
    theory_of_change: TheoryOfChange
    schema_version: str | None = None
    language: str | None = None
    id: str | None = None
    published: str | None = None
    reporting_period: Period | None = None
    outcomes: tuple[Outcome, ...] = ()
    metrics: tuple[Metric, ...] = ()
    claims: tuple[Claim, ...] = ()
    assurance: Assurance | None = None
    social_enterprise: SocialEnterprise | None = None
    procurement: Procurement | None = None
    workforce: Workforce | None = None
    all_texts: tuple[Text, ...] = ()  # filled by the readers: every Text of the parts above

    # -- indexes -----------------------------------------------------------------------------

    @cached_property
    def metrics_by_id(self) -> dict[str, Metric]:
        """Metrics by id; of two with the same id the first wins (the duplicate is a finding)."""
        found: dict[str, Metric] = {}
        for metric in self.metrics:
            if metric.id is not None:
                found.setdefault(metric.id, metric)
        return found

    @cached_property
    def outcomes_by_id(self) -> dict[str, Outcome]:
        found: dict[str, Outcome] = {}
        for outcome in self.outcomes:
            if outcome.id is not None:
                found.setdefault(outcome.id, outcome)
        return found

    @property
    def period(self) -> tuple[str, str] | None:
        """The reporting period as ISO strings (they compare correctly as text), when both are given."""
        period = self.reporting_period
        if period is None or period.start is None or period.end is None:
            return None
        return period.start, period.end

    # -- derived facts ---------------------------------------------------------------------

    def basis_metrics(self, claim: Claim) -> list[Metric]:
        """The metrics a claim rests on that exist."""
        refs = claim.basis.metrics if claim.basis else ()
        return [self.metrics_by_id[ref.value] for ref in refs if ref.value in self.metrics_by_id]

    def basis_outcomes(self, claim: Claim) -> list[Outcome]:
        refs = claim.basis.outcomes if claim.basis else ()
        return [self.outcomes_by_id[ref.value] for ref in refs if ref.value in self.outcomes_by_id]

    def outcome_metrics(self, outcome: Outcome) -> list[Metric]:
        return [self.metrics_by_id[ref.value] for ref in outcome.metrics or () if ref.value in self.metrics_by_id]

    def total_of(self, metric: Metric) -> Metric | None:
        """The metric that ``metric`` is a subgroup of (``part_of``), when it exists and is another one."""
        if metric.part_of is None:
            return None
        total = self.metrics_by_id.get(metric.part_of.value)
        return total if total is not None and total is not metric else None

    def claim_status(self, claim: Claim) -> ClaimStatus:
        """Unsubstantiated without a basis, incomplete when a reference points at nothing, else by verification."""
        basis = claim.basis
        if basis is None or not basis.refs:
            return ClaimStatus.UNSUBSTANTIATED
        if any(ref.value not in self.metrics_by_id for ref in basis.metrics) or \
                any(ref.value not in self.outcomes_by_id for ref in basis.outcomes):
            return ClaimStatus.INCOMPLETE
        return {"third-party": ClaimStatus.VERIFIED, "second-party": ClaimStatus.SECOND_PARTY}.get(
            claim.verification_status, ClaimStatus.SELF_DECLARED)

    def claim_evidence_level(self, claim: Claim) -> int | None:
        """The highest Nesta level among the outcomes a claim rests on."""
        levels = [outcome.evidence.known_level for outcome in self.basis_outcomes(claim)]
        known = [level for level in levels if level is not None]
        return max(known) if known else None

    @property
    def evidence_level(self) -> int | None:
        """The highest Nesta level of any outcome of the statement."""
        levels = [outcome.evidence.known_level for outcome in self.outcomes]
        known = [level for level in levels if level is not None]
        return max(known) if known else None

    def title_period(self) -> str:
        """The reporting period in years, for titles: ``2025`` or ``2024–2025``; empty when unknown."""
        if self.reporting_period is None:
            return ""
        start, end = self.reporting_period.start_date, self.reporting_period.end_date
        if start is None or end is None:
            return ""
        return str(start.year) if start.year == end.year else f"{start.year}\u2013{end.year}"

    def texts(self) -> Iterator[Text]:
        """Every free-text field of the statement, in the order read, for checks that read all prose."""
        return iter(self.all_texts)
