"""impactclaim compare: suppliers side by side, as a municipal buyer weighs them in a tender.

Each row is one fact read from the typed statements: the social-enterprise facts, the PSO level,
labels with their schemes, social return, evidence, assurance and the checks' findings. A metric
is set beside another only when it is the same metric: the same IRIS+ id (else the same VSME
reference) and the same unit; every other metric is listed under its own supplier.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from impactclaim.i18n import N_, _
from impactclaim.statement.model import Metric, Statement, Text


@dataclass(frozen=True)
class Supplier:
    """One compared statement: who, and whether it can be weighed at all."""

    name: str
    file: str
    period: str
    valid: bool
    errors: int
    warnings: int
    codes: tuple[str, ...]


@dataclass
class Comparison:
    suppliers: list[Supplier] = field(default_factory=list)
    sections: list[tuple[str, list[tuple[str, list[str]]]]] = field(default_factory=list)  # (title, rows)
    metrics: list[tuple[str, str, list[str]]] = field(default_factory=list)  # (identifier, name, cells)
    others: list[list[str]] = field(default_factory=list)  # per supplier: metrics compared with nothing


def _identifier(metric: Metric) -> str | None:
    if metric.iris_id:
        return f"IRIS+ {metric.iris_id}"
    if metric.vsme_ref:
        return f"VSME {metric.vsme_ref}"
    return None


Checked = tuple[str, Statement | None, Statement | None, Sequence[Any]]

# The schema's words for the social-enterprise facts, as a buyer reads them.
_MISSION_LOCKS = {"articles": N_("in the articles of association"), "golden-share": N_("a golden share"),
                  "foundation-shares": N_("shares held by a foundation"),
                  "shareholder-agreement": N_("a shareholder agreement"), "none": N_("none"), "other": N_("other")}
_POLICIES = {"none": N_("no profit is distributed"), "capped": N_("capped"), "case-by-case": N_("case by case"),
             "other": N_("other")}
_TARGET_GROUPS = {
    "participatiewet": N_("Participatiewet"), "banenafspraak": N_("banenafspraak"), "wajong": N_("Wajong"),
    "wsw": N_("WSW"), "wia": N_("WIA"), "ww": N_("WW"), "nuggers": N_("job seekers without a benefit"),
    "status-holders": N_("status holders"), "youth-without-startqualification": N_("young people without a basic "
                                                                                    "qualification"),
    "vocational-students": N_("vocational students"), "vso-pro-pupils": N_("VSO and PrO pupils"), "other": N_("other"),
}
_PSO_LEVELS = {"aspirant": N_("aspirant"), "basistrede": N_("basic step"), "trede-1": N_("step 1"),
               "trede-2": N_("step 2"), "trede-3": N_("step 3")}


def _word(table: dict[str, str], value: str | None) -> str:
    return _(table[value]) if value in table else (value or "–")


def build(checked: Sequence[Checked], language: str) -> Comparison:
    """The comparison of ``checked`` statements: (file, valid statement or None, what could be read, findings)."""
    from impactclaim.profile.formatting import Formatter
    from impactclaim.profile.labels import Labels

    labels = Labels(language)
    number = Formatter(labels)
    result = Comparison()
    readable: list[Statement | None] = []
    for file, statement, read, findings in checked:
        shown = statement or read
        period = shown.reporting_period if shown else None
        errors = sum(1 for finding in findings if finding.is_error)
        result.suppliers.append(Supplier(
            (shown.organisation.name if shown else None) or file, file,
            f"{period.start} – {period.end}" if period and period.start and period.end else "–",
            statement is not None and errors == 0, errors, len(findings) - errors,
            tuple(sorted({finding.code for finding in findings}))))
        readable.append(statement if statement is not None and errors == 0 else None)

    def text(value: Text | str | None, statement: Statement) -> str:
        if value is None:
            return "–"
        if isinstance(value, Text):
            return value.get(statement.language, statement.language) or "–"
        return value

    def row(label: str, make: Any) -> tuple[str, list[str]]:
        cells = []
        for statement in readable:
            if statement is None:
                cells.append(_("not compared: the statement has errors"))
                continue
            value = make(statement)
            cells.append(value if isinstance(value, str) and value else "–")
        return label, cells

    def yes_no(value: bool | None) -> str:
        return "–" if value is None else (_("yes") if value else _("no"))

    def share(value: float | None) -> str:
        return "–" if value is None else number.percent(value * 100 if value <= 1 else value)

    def enterprise(s: Statement) -> Any:
        return s.social_enterprise

    # Words are looked up outside f-strings, where the catalog's extraction can see them.
    valid_until, fte_years, people, no_scheme = _("valid until"), _("fte-years"), _("people"), _("no scheme")

    def pso(s: Statement) -> str:
        found = s.procurement.pso if s.procurement else None
        if found is None:
            return "–"
        shown = _word(_PSO_LEVELS, found.level) + (" · PSO 30+" if found.thirty_plus else "")
        return shown + (f" ({valid_until} {found.valid_until})" if found.valid_until else "")

    def social_return(s: Statement) -> str:
        items = []
        for item in s.procurement.social_return if s.procurement else ():
            parts = [_word(_TARGET_GROUPS, item.target_group)]
            if item.fte_years is not None:
                parts.append(f"{number.number(item.fte_years)} {fte_years}")
            if item.persons is not None:
                parts.append(f"{number.number(item.persons)} {people}")
            items.append(": ".join([parts[0], ", ".join(parts[1:])]) if len(parts) > 1 else parts[0])
        return "; ".join(items)

    def labels_of(s: Statement) -> str:
        shown = []
        for claim in s.claims:
            label = claim.label
            if label is None or not label.name:
                continue
            scheme = ", ".join(part for part in (label.scheme or no_scheme, label.authority or "") if part)
            shown.append(f"{label.name} ({scheme})")
        return "; ".join(shown)

    result.sections.append((_("The enterprise"), [
        row(_("KvK number"), lambda s: s.organisation.kvk_number or "–"),
        row(_("Legal form"), lambda s: labels.enum("legal_form", s.organisation.legal_form)
            if s.organisation.legal_form else "–"),
        row(_("Place"), lambda s: s.organisation.municipality or "–"),
        row(_("Employees"), lambda s: (number.number(s.organisation.headcount) if s.organisation.headcount is not None
                                       else "–") + (f" ({number.number(s.organisation.fte)} fte)"
                                                    if s.organisation.fte is not None else "")),
        row(_("Mission in the articles of association"), lambda s: yes_no(s.organisation.mission_in_articles)),
    ]))
    result.sections.append((_("Social enterprise (Code Sociale Ondernemingen)"), [
        row(_("Revenue from the market"), lambda s: share(enterprise(s).market_revenue_share)
            if enterprise(s) else "–"),
        row(_("Stakeholders in governance"), lambda s: text(enterprise(s).stakeholder_governance, s)
            if enterprise(s) else "–"),
        row(_("Mission lock"), lambda s: _word(_MISSION_LOCKS, enterprise(s).mission_lock) if enterprise(s) else "–"),
        row(_("Profit distribution"), lambda s: (
            _word(_POLICIES, enterprise(s).profit_distribution.policy)
            + (", " + _("at most {share}").format(share=share(enterprise(s).profit_distribution.max_share))
               if enterprise(s).profit_distribution.max_share is not None else ""))
            if enterprise(s) and enterprise(s).profit_distribution else "–"),
    ]))
    result.sections.append((_("Social return and labels"), [
        row(_("PSO level"), pso),
        row(_("Social return delivered"), social_return),
        row(_("People from target groups on the customers' contracts"), lambda s: number.number(
            sum(item.persons for item in s.procurement.social_return if item.persons is not None))
            if s.procurement and any(item.persons is not None for item in s.procurement.social_return) else "–"),
        row(_("Memberships and registers"), lambda s: "; ".join(
            " ".join(part for part in (membership.name or (labels.enum("membership", membership.scheme)
                                                           if membership.scheme else ""), membership.level or "")
                     if part) for membership in s.organisation.memberships)),
        row(_("Labels on claims, with their schemes"), labels_of),
    ]))
    result.sections.append((_("Evidence and assurance"), [
        row(_("Claims verified by a third party"), lambda s: _("{verified} of {claims}").format(
            verified=sum(1 for claim in s.claims if str(s.claim_status(claim)) == "verified"), claims=len(s.claims))),
        row(_("Evidence levels of the outcomes"), lambda s: ", ".join(
            f"{labels.enum('evidence_level', str(outcome.evidence.level))}" for outcome in s.outcomes
            if outcome.evidence.level is not None)),
        row(_("Negative outcomes reported"), lambda s: str(sum(1 for outcome in s.outcomes
                                                                if outcome.what.polarity == "negative"))),
        row(_("Assurance"), lambda s: (labels.enum("assurance", s.assurance.level) if s.assurance.level else "–")
            + (f", {s.assurance.provider}" if s.assurance.provider else "") if s.assurance else
            labels.enum("assurance", "none")),
    ]))

    # Metrics: the same identifier and unit side by side; the rest under their own supplier.
    keyed: dict[tuple[str, str], dict[int, list[Metric]]] = {}
    names: dict[tuple[str, str], str] = {}
    for index, statement in enumerate(readable):
        for metric in statement.metrics if statement else ():
            identifier = _identifier(metric)
            if identifier is None or metric.value is None or statement is None:
                continue
            key = (identifier, metric.unit or "")
            keyed.setdefault(key, {}).setdefault(index, []).append(metric)
            names.setdefault(key, text(metric.name, statement))
    shared = {key: values for key, values in keyed.items() if len(values) >= 2}
    for key in sorted(shared, key=lambda key: (-len(shared[key]), key)):
        cells = []
        for index in range(len(readable)):
            metrics = shared[key].get(index, [])
            cells.append(" + ".join(number.quantity(metric.value, metric.unit or "") for metric in metrics
                                    if metric.value is not None) if metrics else "–")
        result.metrics.append((f"{key[0]} ({key[1]})" if key[1] else key[0], names[key], cells))
    for statement in readable:
        own = []
        for metric in statement.metrics if statement else ():
            identifier = _identifier(metric)
            if statement is None or metric.value is None or \
                    (identifier is not None and (identifier, metric.unit or "") in shared):
                continue
            own.append(f"{text(metric.name, statement)}: {number.quantity(metric.value, metric.unit or '')}")
        result.others.append(own)
    return result


def render_html(comparison: Comparison, language: str, title: str) -> str:
    from impactclaim.portfolio.render import render_page

    return render_page("compare.html.j2", c=comparison, title=title, language=language)
