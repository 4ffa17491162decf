"""The claim-quality rules: an explicit registry keyed by stable code, and the engine that runs them.

Rules run only on statements that passed loading and the schema, so every rule may rely on the
shape the schema guarantees and never crashes on a malformed document.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from impactclaim.findings import Finding, Severity, json_pointer
from impactclaim.loader import SourceMap
from impactclaim.rules import claims_wording, numbers, outcomes, references, sdg, substantiation
from impactclaim.rules.base import Issue, Rule, RuleContext

RULE_CLASSES: tuple[type[Rule], ...] = (
    substantiation.UnsubstantiatedClaim,
    claims_wording.GenericTerm,
    claims_wording.OffsetNeutrality,
    claims_wording.ScopeOverreach,
    claims_wording.FutureClaimWithoutPlan,
    claims_wording.LabelWithoutScheme,
    references.DanglingReference,
    outcomes.OutcomeWithoutBaseline,
    outcomes.OutputAsOutcome,
    sdg.UnknownSdgTarget,
    outcomes.AbcInconsistency,
    outcomes.RiskUnassessed,
    outcomes.SelfDeclaredEvidence,
    numbers.RangeConsistency,
    numbers.PeriodConsistency,
    substantiation.ClaimOnEstimatesOnly,
    references.DuplicateId,
    numbers.FteAboveHeadcount,
)

REGISTRY: dict[str, type[Rule]] = {rule.code: rule for rule in RULE_CLASSES}
_BY_SLUG: dict[str, type[Rule]] = {rule.slug: rule for rule in RULE_CLASSES}


class UnknownRuleError(ValueError):
    """A code or slug in configuration or on the command line names no rule."""


def resolve(name: str) -> type[Rule]:
    """The rule named by ``name``: a code (``IC101``, any case) or a slug (``unsubstantiated-claim``)."""
    rule = REGISTRY.get(name.strip().upper()) or _BY_SLUG.get(name.strip().lower())
    if rule is None:
        raise UnknownRuleError(f"unknown rule {name!r}; 'impactclaim rules' lists them")
    return rule


@dataclass(frozen=True, slots=True)
class RuleSelection:
    """Which rules run and at which severity."""

    select: frozenset[str] | None = None  # None: every rule
    ignore: frozenset[str] = frozenset()
    severities: Mapping[str, Severity] = field(default_factory=dict)

    @classmethod
    def build(cls, select: Iterable[str] | None = None, ignore: Iterable[str] = (),
              severities: Mapping[str, str] | None = None) -> RuleSelection:
        """Resolve codes or slugs; raises UnknownRuleError for a name that is no rule."""
        chosen = None if select is None else frozenset(resolve(name).code for name in select)
        ignored = frozenset(resolve(name).code for name in ignore)
        levels: dict[str, Severity] = {}
        for name, level in (severities or {}).items():
            try:
                levels[resolve(name).code] = Severity(str(level).lower())
            except ValueError:
                raise UnknownRuleError(f"unknown severity {level!r} for {name}; use 'error' or 'warning'") from None
        return cls(chosen, ignored, levels)

    def rules(self) -> list[type[Rule]]:
        return [rule for rule in RULE_CLASSES
                if (self.select is None or rule.code in self.select) and rule.code not in self.ignore]

    def severity_of(self, rule: type[Rule]) -> Severity:
        return self.severities.get(rule.code, rule.severity)


def run_rules(data: dict[str, Any], source_map: SourceMap, path: str,
              selection: RuleSelection = RuleSelection()) -> list[Finding]:
    """Every finding of the selected rules on a schema-valid statement."""
    context = RuleContext.of(data)
    findings = []
    for rule in selection.rules():
        severity = selection.severity_of(rule)
        for issue in rule().check(context):
            findings.append(_to_finding(issue, rule, severity, source_map, path))
    return findings


def _to_finding(issue: Issue, rule: type[Rule], severity: Severity, source_map: SourceMap, path: str) -> Finding:
    locate = source_map.key_position if issue.at_key else source_map.value_position
    line, column = locate(issue.path)
    return Finding(path, line, column, json_pointer(issue.path), rule.code, severity, issue.message, issue.hint)


__all__ = ["REGISTRY", "RULE_CLASSES", "Issue", "Rule", "RuleContext", "RuleSelection", "UnknownRuleError",
           "resolve", "run_rules"]
