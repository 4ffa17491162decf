"""The claim-quality rules: an explicit registry keyed by stable code, and the engine that runs them.

Rules run only on statements that passed loading and the schema, so every rule may rely on the
shape the schema guarantees and never crashes on a malformed document.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from impactclaim.catalogue import CodeInfo, UnknownCodeError, by_code, lookup
from impactclaim.findings import Finding, Severity, json_pointer
from impactclaim.loader import SourceMap
from impactclaim.rules import (
    claims_content,
    claims_wording,
    evidence,
    numbers,
    outcomes,
    references,
    sdg,
    substantiation,
)
from impactclaim.rules.base import Issue, Rule
from impactclaim.statement.model import Statement

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
    claims_content.WholeVersusAspect,
    evidence.SelfAssessmentAsIndependent,
    claims_content.LegalRequirementAsFeature,
    evidence.ContributionOverclaimed,
    numbers.DoubleCounting,
    evidence.TinySample,
    evidence.OutdatedEvidence,
    claims_content.ImprovementWithoutBaseline,
    claims_content.CherryPickedSubgroup,
    numbers.PercentageContradictsMethod,
    claims_content.YearOutsidePeriod,
    claims_content.ComparisonWithoutBasis,
)

REGISTRY: dict[str, type[Rule]] = {rule.code: rule for rule in RULE_CLASSES}


def resolve(name: str) -> type[Rule]:
    """The rule named by ``name``: a code (``IC101``, any case) or a slug (``unsubstantiated-claim``)."""
    info = lookup(name)
    if not info.is_rule:
        raise UnknownCodeError(f"{info.code} ({info.slug}) is no claim-quality rule")
    return REGISTRY[info.code]


def _ignorable(name: str, what: str) -> CodeInfo:
    info = lookup(name)
    if not info.ignorable:
        raise UnknownCodeError(f"{info.code} ({info.slug}) cannot be {what}: a statement that does not load or "
                               "match its schema cannot be checked at all")
    return info


@dataclass(frozen=True, slots=True)
class CodeSelection:
    """Which codes are reported and at which severity.

    ``select`` chooses the claim-quality rules that run (as ``--select`` does); every other code
    stays on unless ignored, so selecting one rule never hides a deprecation or a renderer's
    warning. Codes that stop a statement from being checked (it does not load or match its
    schema) cannot be ignored or given another severity.
    """

    select: frozenset[str] | None = None  # rule codes; None: every rule
    ignore: frozenset[str] = frozenset()
    severities: Mapping[str, Severity] = field(default_factory=dict)

    @classmethod
    def build(cls, select: Iterable[str] | None = None, ignore: Iterable[str] = (),
              severities: Mapping[str, str] | None = None) -> CodeSelection:
        """Resolve codes or slugs; raises UnknownCodeError for a name that is no code or cannot be left out."""
        chosen = None if select is None else frozenset(resolve(name).code for name in select)
        ignored = frozenset(_ignorable(name, "ignored").code for name in ignore)
        levels: dict[str, Severity] = {}
        for name, level in (severities or {}).items():
            code = _ignorable(name, "given another severity").code
            try:
                levels[code] = Severity(str(level).lower())
            except ValueError:
                raise UnknownCodeError(f"unknown severity {level!r} for {name}; use 'error' or 'warning'") from None
        return cls(chosen, ignored, levels)

    def enabled(self, code: str) -> bool:
        """Whether findings of ``code`` are reported (and, for a rule, whether it runs)."""
        info = by_code()[code]
        if not info.ignorable:
            return True
        if info.is_rule and self.select is not None and code not in self.select:
            return False
        return code not in self.ignore

    def rules(self) -> list[type[Rule]]:
        return [rule for rule in RULE_CLASSES if self.enabled(rule.code)]

    def severity_of(self, code: str, default: Severity) -> Severity:
        return self.severities.get(code, default)

    def apply(self, findings: Iterable[Finding]) -> list[Finding]:
        """``findings`` without those of codes left out, with severities as configured."""
        kept = []
        for finding in findings:
            if not self.enabled(finding.code):
                continue
            severity = self.severities.get(finding.code)
            kept.append(finding if severity is None or severity is finding.severity
                        else dataclasses.replace(finding, severity=severity))
        return kept


def run_rules(statement: Statement, source_map: SourceMap, path: str,
              selection: CodeSelection = CodeSelection()) -> list[Finding]:
    """Every finding of the selected rules on a schema-valid statement."""
    findings = []
    for rule in selection.rules():
        severity = selection.severity_of(rule.code, rule.severity)
        for issue in rule().check(statement):
            findings.append(_to_finding(issue, rule, severity, source_map, path))
    return findings


def _to_finding(issue: Issue, rule: type[Rule], severity: Severity, source_map: SourceMap, path: str) -> Finding:
    locate = source_map.key_position if issue.at_key else source_map.value_position
    line, column = locate(issue.path)
    return Finding(path, line, column, json_pointer(issue.path), rule.code, severity, issue.message, issue.hint)


__all__ = [
    "REGISTRY",
    "RULE_CLASSES",
    "CodeSelection",
    "Issue",
    "Rule",
    "UnknownCodeError",
    "resolve",
    "run_rules",
]
