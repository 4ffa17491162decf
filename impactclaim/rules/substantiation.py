"""Substantiation rules: a claim needs a basis, and a basis of estimates alone is weak."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from impactclaim.findings import Severity
from impactclaim.i18n import _, ngettext
from impactclaim.precompiled import regex
from impactclaim.rules.base import Issue, Rule
from impactclaim.rules.text import OwnName, is_self, without_dates
from impactclaim.statement.model import Claim, Statement, Text


class UnsubstantiatedClaim(Rule):
    """A claim has no basis: no metric and no outcome substantiates it.

    Fires when a claim has no ``basis``, or a basis whose ``metrics`` and ``outcomes`` are both
    missing or empty. The finding stands at the ``basis`` key when there is one, otherwise at
    the claim. A basis that refers to ids that do not exist is reported by IC107
    (dangling-reference) instead, so the two rules never report the same defect twice.

    A claim that states no figure (years, dates and the label's own grade aside: "a score of
    94.2", "niveau 3") and only that the enterprise holds a label, with the label's ``scheme`` and
    a third-party ``verification`` by a named body or an ``authority`` outside the enterprise that
    grants it, rests on that certification: the certifier's audit or the authority's decision is
    its basis, and it is not reported.

    Why: the ACM Leidraad Duurzaamheidsclaims (2023), rule 2, asks to substantiate
    sustainability claims with facts and keep them up to date; a trader must be able to prove a
    claim when asked. Directive (EU) 2024/825 makes environmental claims that cannot be
    substantiated misleading, and a claim without any metric or outcome behind it gives the
    reader nothing to check.

    Failing example::

        claims:
          - id: jobs
            text: Twelve people found paid work through our bakery.
            domain: social

    Passing example::

        metrics:
          - id: paid-work
            name: Trainees who found paid work
            unit: people
            kind: count
            value: 12
        claims:
          - id: jobs
            text: Twelve people found paid work through our bakery.
            domain: social
            basis:
              metrics: [paid-work]
    """

    code: ClassVar[str] = "IC101"
    slug: ClassVar[str] = "unsubstantiated-claim"
    severity: ClassVar[Severity] = Severity.ERROR
    summary: ClassVar[str] = "A claim has no basis: no metric and no outcome substantiates it."

    def check(self, statement: Statement) -> Iterator[Issue]:
        for claim in statement.claims:
            basis = claim.basis
            if (basis is not None and basis.refs) or _certified(claim, statement):
                continue
            hint = _("add basis.metrics and/or basis.outcomes with the ids of the metrics and outcomes in this "
                     "statement that prove the claim, or drop the claim")
            if basis is not None:
                yield Issue(basis.path,
                            _("claim '{claim}' has an empty basis: it names no metric and no outcome").format(
                                claim=claim.id), hint,
                            at_key=True)
            else:
                yield Issue(claim.path, _("claim '{claim}' has no basis: it names no metric and no outcome").format(
                    claim=claim.id), hint)


def _certified(claim: Claim, statement: Statement) -> bool:
    """Whether the claim only states a label that a named third party grants or verified under a named scheme."""
    label, verification = claim.label, claim.verification
    if label is None or not label.scheme or _states_figure(claim.text, label.name or ""):
        return False
    verified = verification is not None and verification.status == "third-party" and bool(verification.by)
    # A recognition granted by a named body outside the enterprise ("Erkend leerbedrijf", by SBB)
    # rests on that body's decision as a certificate rests on its audit.
    return verified or (bool(label.authority)
                        and is_self(label.authority, OwnName.of(statement.organisation)) is None)


def _states_figure(text: Text, label_name: str = "") -> bool:
    """Whether ``text`` gives a number other than a year, a date or the label's own name."""
    # A date says when the label was granted or last audited ("sinds 2023", "in May 2024"), and a
    # grade is the certification's own verdict ("a score of 94.2", "niveau 3", "two stars"); the
    # 2 of CO2 is a name ("de CO2-Prestatieladder"), and so are the numbers of a standard or a
    # label ("ISO 14001:2015", "R2v3").
    if not text.has_digits:
        return False
    for _where, value in text.located():
        named = value.replace(label_name, " ") if label_name.strip() else value
        if _DIGIT.search(_GRADE.sub("", _STANDARD.sub(" ", without_dates(named)))):
            return True
    return False


_DIGIT = regex(r"\d")
# A standard's designation: "ISO 14001:2015", "NEN-EN 1176", "NTA 8080-1", "IEC 62443-2-1".
_STANDARD = regex(r"\b(?:ISO|NEN|EN|IEC|DIN|NTA|NPR|BS)(?:[ -](?:EN|ISO|IEC))*[ -]?\d+(?:[-:./]\d+)*\b")
_GRADE = regex(
    r"\bCO2\b|\b(?:score|niveau|level|trede|rung|step|stap|klasse|class|categorie|category)\s+(?:of\s+|van\s+)?\d+(?:[.,]\d+)?"
    r"|\b\d+(?:[.,]\d+)?\s+(?:sterren|ster|stars?|punten|points)\b", re.IGNORECASE)


# The text already tells the reader that the figure is an estimate: then it is honest as it is.
_ESTIMATE_WORDING = regex(
    r"\b(?:estimat\w*|approximately|roughly|(?:ge)?schat(?:te|ting|tingen|ten)?|ongeveer|circa)\b|\b(?:approx|ca)\.",
    re.IGNORECASE)


class ClaimOnEstimatesOnly(Rule):
    """A claim rests only on estimated metrics and no outcome with evidence level 2 or higher.

    Fires when every metric in a claim's ``basis.metrics`` that exists has ``estimated: true``,
    none of the claim's basis outcomes has ``evidence.level`` 2 or higher, and the claim text
    does not say that it is an estimate ("estimated", "approximately", "roughly", "geschat",
    "naar schatting", "ongeveer", "circa"). Claims with no existing basis metric are left to
    IC101 and IC107. The finding stands at ``basis.metrics``.

    Why: the public sentence then presents an estimate as a fact. The ACM Leidraad
    Duurzaamheidsclaims (2023), rule 2, asks that claims are substantiated with facts and are
    accurate; rule 1 asks that they are correct and complete, which includes saying that a
    figure is an estimate. Measured values, or an outcome with at least Nesta Standards of
    Evidence level 2 (data that show a change), make the claim verifiable.

    Failing example::

        metrics:
          - id: co2e-avoided
            name: Emissions avoided by delivering by cargo bike
            unit: tCO2e
            kind: emissions
            value: 3.2
            estimated: true
        claims:
          - id: cargo-bike
            text: Delivering by cargo bike avoided 3.2 tCO2e this year.
            domain: environmental
            basis:
              metrics: [co2e-avoided]

    Passing example::

        metrics:
          - id: co2e-avoided
            name: Emissions avoided by delivering by cargo bike
            unit: tCO2e
            kind: emissions
            value: 3.2
            estimated: true
        claims:
          - id: cargo-bike
            text: Delivering by cargo bike avoided an estimated 3.2 tCO2e this year.
            domain: environmental
            basis:
              metrics: [co2e-avoided]
    """

    code: ClassVar[str] = "IC116"
    slug: ClassVar[str] = "claim-on-estimates-only"
    severity: ClassVar[Severity] = Severity.WARNING
    summary: ClassVar[str] = "A claim rests only on estimated metrics and no outcome with evidence level 2 or higher."

    def check(self, statement: Statement) -> Iterator[Issue]:
        for claim in statement.claims:
            metrics = statement.basis_metrics(claim)
            if not metrics or not all(metric.estimated is True for metric in metrics):
                continue
            if any((outcome.evidence.level or 0) >= 2 for outcome in statement.basis_outcomes(claim)):
                continue
            if any(_ESTIMATE_WORDING.search(text) for _, text in claim.text.located()):
                continue
            ids = ", ".join(f"'{metric.id}'" for metric in metrics)
            yield Issue(
                (*claim.path, "basis", "metrics"),
                ngettext("claim '{claim}' rests only on estimated metric {metrics} and no outcome with evidence "
                         "level 2 or higher",
                         "claim '{claim}' rests only on estimated metrics {metrics} and no outcome with evidence "
                         "level 2 or higher", len(metrics)).format(claim=claim.id, metrics=ids),
                _("say in the claim text that the figure is an estimate (e.g. 'an estimated 3.2 tCO2e'), or measure "
                  "it and drop estimated: true"),
                at_key=True)

