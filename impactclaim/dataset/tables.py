"""The dataset's tables: their columns, and the rows of one statement read from its typed model.

Every table has ``statement_key`` (a hash of the statement file's bytes, the same in every
shard and every run) and ``reporting_year`` (the year the reporting period ends, the Parquet
partition). Texts are given in the statement's own language; every other language of a
multilingual text (schema 1.1) is a row of ``translations``, so nothing a statement says is lost.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from impactclaim.findings import Finding
from impactclaim.portfolio.regions import municipality_code, province_code
from impactclaim.statement.model import (
    Claim,
    Metric,
    Outcome,
    Period,
    Reference,
    Statement,
    Text,
)

Row = dict[str, Any]


@dataclass(frozen=True)
class Column:
    """One column: its name, its type (string, integer, number, boolean, list), and where it comes from.

    ``field`` is the statement field it holds (``claims[].label.scheme``), whose description in the
    schema describes the column; ``about`` describes a column no single field holds.
    """

    name: str
    type: str
    field: str = ""
    about: str = ""


@dataclass(frozen=True)
class Table:
    name: str
    about: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]

    @property
    def column_names(self) -> list[str]:
        return [column.name for column in self.columns]


def _key_columns(*extra: Column) -> tuple[Column, ...]:
    return (Column("statement_key", "string", about="The statement: the first 16 hex digits of the SHA-256 of "
                                                    "its file; joins the tables."),
            Column("reporting_year", "integer", about="The year the reporting period ends (the partition of the "
                                                      "Parquet files); empty when the statement gives no period."),
            *extra)


STATEMENTS = Table("statements", "One row per statement file, valid or not: never one left out.", _key_columns(
    Column("source_path", "string", about="The file as it was found."),
    Column("status", "string", about="valid (no error), invalid (errors: only this row and its findings are "
                                     "exported), or unreadable (not YAML, too large, not found)."),
    Column("errors", "integer", about="How many errors the checks found."),
    Column("warnings", "integer", about="How many warnings the checks found."),
    Column("schema_version", "string", "schema_version"),
    Column("language", "string", "language"),
    Column("statement_id", "string", "id"),
    Column("published", "string", "published"),
    Column("period_start", "string", "reporting_period.start"),
    Column("period_end", "string", "reporting_period.end"),
    Column("organisation_name", "string", "organisation.name"),
    Column("kvk_number", "string", "organisation.kvk_number"),
    Column("mission", "string", "mission.statement"),
    Column("impact_areas", "list", "mission.impact_areas"),
    Column("abc", "string", "mission.abc"),
    Column("problem", "string", "theory_of_change.problem"),
    Column("impact", "string", "theory_of_change.impact"),
    Column("inputs", "list", "theory_of_change.inputs"),
    Column("activities", "list", "theory_of_change.activities"),
    Column("outputs", "list", "theory_of_change.outputs"),
    Column("intended_outcomes", "list", "theory_of_change.outcomes"),
    Column("assumptions", "list", "theory_of_change.assumptions"),
    Column("assurance_level", "string", "assurance.level"),
    Column("assurance_provider", "string", "assurance.provider"),
    Column("assurance_date", "string", "assurance.date"),
    Column("assurance_statement", "string", "assurance.statement"),
    Column("market_revenue_share", "number", "social_enterprise.market_revenue_share"),
    Column("stakeholder_governance", "string", "social_enterprise.stakeholder_governance"),
    Column("mission_lock", "string", "social_enterprise.mission_lock"),
    Column("mission_lock_description", "string", "social_enterprise.mission_lock_description"),
    Column("profit_distribution_policy", "string", "social_enterprise.profit_distribution.policy"),
    Column("profit_distribution_max_share", "number", "social_enterprise.profit_distribution.max_share"),
    Column("profit_distribution_description", "string", "social_enterprise.profit_distribution.description"),
    Column("pso_level", "string", "procurement.pso.level"),
    Column("pso_thirty_plus", "boolean", "procurement.pso.thirty_plus"),
    Column("pso_date", "string", "procurement.pso.date"),
    Column("pso_valid_until", "string", "procurement.pso.valid_until"),
    Column("training_hours_per_employee", "number", "workforce.training_hours_per_employee"),
    Column("collective_agreement_coverage", "number", "workforce.collective_agreement_coverage"),
    Column("paid_at_least_minimum_wage", "boolean", "workforce.paid_at_least_minimum_wage"),
    Column("work_accidents", "integer", "workforce.work_accidents"),
    Column("fatalities", "integer", "workforce.fatalities"),
    Column("dimensions_described", "integer", about="Derived: how many of the five dimensions of impact (what, "
                                                    "who, how much, contribution, risk) the outcomes describe, "
                                                    "over all outcomes, as the profile counts them."),
    Column("dimensions_possible", "integer", about="Derived: five per outcome (five for a statement without "
                                                   "outcomes); dimensions_described / dimensions_possible is the "
                                                   "statement's completeness."),
), ("statement_key",))

ORGANISATIONS = Table("organisations", "The organisation behind each valid statement.", _key_columns(
    Column("name", "string", "organisation.name"),
    Column("trade_name", "string", "organisation.trade_name"),
    Column("kvk_number", "string", "organisation.kvk_number"),
    Column("legal_form", "string", "organisation.legal_form"),
    Column("municipality", "string", "organisation.municipality"),
    Column("municipality_code", "string", "organisation.municipality_code.code"),
    Column("municipality_code_year", "integer", "organisation.municipality_code.year"),
    Column("province", "string", "organisation.province"),
    Column("province_code", "string", about="Derived: the CBS code of the province (PV26 for Utrecht)."),
    Column("municipality_cbs_code", "string", about="Derived: the CBS 2025 code of the municipality, from "
                                                    "municipality_code or else found by the municipality's name; "
                                                    "empty when neither names one."),
    Column("website", "string", "organisation.website"),
    Column("logo", "string", "organisation.logo"),
    Column("headcount", "integer", "organisation.headcount"),
    Column("fte", "number", "organisation.fte"),
    Column("founded", "integer", "organisation.founded"),
    Column("nace_codes", "list", "organisation.nace_codes"),
    Column("mission_in_articles", "boolean", "organisation.mission_in_articles"),
    Column("contact_name", "string", "organisation.contact.name"),
    Column("contact_role", "string", "organisation.contact.role"),
    Column("contact_email", "string", "organisation.contact.email"),
    Column("contact_phone", "string", "organisation.contact.phone"),
    Column("street", "string", "organisation.address.street"),
    Column("house_number", "string", "organisation.address.house_number"),
    Column("postal_code", "string", "organisation.address.postal_code"),
    Column("city", "string", "organisation.address.city"),
    Column("country", "string", "organisation.address.country"),
), ("statement_key",))

MEMBERSHIPS = Table("memberships", "Each membership, label or register the organisation names.", _key_columns(
    Column("membership_index", "integer", about="The membership's place in the list, from 0."),
    Column("scheme", "string", "organisation.memberships[].scheme"),
    Column("name", "string", "organisation.memberships[].name"),
    Column("level", "string", "organisation.memberships[].level"),
    Column("since", "string", "organisation.memberships[].since"),
), ("statement_key", "membership_index"))

CLAIMS = Table("claims", "Each impact claim, with its basis, verification and derived status.", _key_columns(
    Column("claim_index", "integer", about="The claim's place in the list, from 0."),
    Column("claim_id", "string", "claims[].id"),
    Column("text", "string", "claims[].text"),
    Column("domain", "string", "claims[].domain"),
    Column("scope", "string", "claims[].scope"),
    Column("scope_detail", "string", "claims[].scope_detail"),
    Column("basis_metrics", "list", "claims[].basis.metrics"),
    Column("basis_outcomes", "list", "claims[].basis.outcomes"),
    Column("offsets", "boolean", "claims[].offsets"),
    Column("label_name", "string", "claims[].label.name"),
    Column("label_scheme", "string", "claims[].label.scheme"),
    Column("label_authority", "string", "claims[].label.authority"),
    Column("commitment_plan", "string", "claims[].future_commitment.plan"),
    Column("commitment_target_value", "number", "claims[].future_commitment.target_value"),
    Column("commitment_target_year", "integer", "claims[].future_commitment.target_year"),
    Column("commitment_verifier", "string", "claims[].future_commitment.verifier"),
    Column("verification_status", "string", "claims[].verification.status"),
    Column("verified_by", "string", "claims[].verification.by"),
    Column("verification_date", "string", "claims[].verification.date"),
    Column("comparison_what", "string", "claims[].comparison.what"),
    Column("comparison_source", "string", "claims[].comparison.source"),
    Column("comparison_year", "integer", "claims[].comparison.year"),
    Column("substantiation", "string", about="Derived, as the profile shows it: unsubstantiated (no basis), "
                                             "incomplete (a basis that points at nothing), self_declared, "
                                             "second_party or verified (by a third party)."),
    Column("evidence_level", "integer", about="Derived: the highest Nesta level among the outcomes the claim "
                                              "rests on."),
), ("statement_key", "claim_index"))

OUTCOMES = Table("outcomes", "Each outcome along the five dimensions of impact.", _key_columns(
    Column("outcome_index", "integer", about="The outcome's place in the list, from 0."),
    Column("outcome_id", "string", "outcomes[].id"),
    Column("what", "string", "outcomes[].what.description"),
    Column("polarity", "string", "outcomes[].what.polarity"),
    Column("important_to_stakeholders", "boolean", "outcomes[].what.important_to_stakeholders"),
    Column("stakeholder", "string", "outcomes[].who.stakeholder"),
    Column("stakeholder_baseline", "string", "outcomes[].who.baseline"),
    Column("group_size", "integer", "outcomes[].who.size"),
    Column("underserved", "boolean", "outcomes[].who.underserved"),
    Column("scale", "string", "outcomes[].how_much.scale"),
    Column("depth", "string", "outcomes[].how_much.depth"),
    Column("duration", "string", "outcomes[].how_much.duration"),
    Column("counterfactual", "string", "outcomes[].contribution.counterfactual"),
    Column("contribution", "string", "outcomes[].contribution.description"),
    Column("deadweight", "number", "outcomes[].contribution.deadweight"),
    Column("attribution", "number", "outcomes[].contribution.attribution"),
    Column("displacement", "number", "outcomes[].contribution.displacement"),
    Column("drop_off", "number", "outcomes[].contribution.drop_off"),
    Column("evidence_level", "integer", "outcomes[].evidence.level"),
    Column("abc", "string", "outcomes[].abc"),
    Column("brede_welvaart", "list", "outcomes[].brede_welvaart"),
    Column("metrics", "list", "outcomes[].metrics"),
    Column("risks_assessed", "boolean", about="Whether the outcome lists its risks at all (a list, even empty)."),
), ("statement_key", "outcome_index"))

METRICS = Table("metrics", "The metrics in long form: one row per value, baseline and target of each metric. "
                "Sum or compare only rows with the same IRIS+ id or VSME reference, the same unit and "
                "overlapping periods.", _key_columns(
    Column("kvk_number", "string", "organisation.kvk_number"),
    Column("organisation_name", "string", "organisation.name"),
    Column("metric_index", "integer", about="The metric's place in the list, from 0."),
    Column("metric_id", "string", "metrics[].id"),
    Column("name", "string", "metrics[].name"),
    Column("value_kind", "string", about="value (what was measured in the period), baseline or target."),
    Column("value", "number", about="The value, baseline or target value, in the unit."),
    Column("unit", "string", "metrics[].unit"),
    Column("period_start", "string", about="For a value: the metric's period, else the reporting period."),
    Column("period_end", "string", about="For a value: the metric's period, else the reporting period."),
    Column("year", "integer", about="For a baseline or a target: its year."),
    Column("kind", "string", "metrics[].kind"),
    Column("iris_id", "string", "metrics[].iris_id"),
    Column("vsme_ref", "string", "metrics[].vsme_ref"),
    Column("part_of", "string", "metrics[].part_of"),
    Column("estimated", "boolean", "metrics[].estimated"),
    Column("population", "string", "metrics[].population"),
    Column("method", "string", "metrics[].method"),
    Column("data_source", "string", "metrics[].data_source"),
), ("statement_key", "metric_index", "value_kind"))

SDG_TARGETS = Table("sdg_targets", "Each SDG target an outcome contributes to.", _key_columns(
    Column("outcome_index", "integer", about="The outcome's place in the list, from 0."),
    Column("outcome_id", "string", "outcomes[].id"),
    Column("target", "string", "outcomes[].sdg_targets"),
    Column("goal", "integer", about="The goal of the target (8 for 8.5)."),
), ("statement_key", "outcome_index", "target"))

RISKS = Table("risks", "Each impact risk of an outcome.", _key_columns(
    Column("outcome_index", "integer", about="The outcome's place in the list, from 0."),
    Column("outcome_id", "string", "outcomes[].id"),
    Column("risk_index", "integer", about="The risk's place in the outcome's list, from 0."),
    Column("type", "string", "outcomes[].risks[].type"),
    Column("level", "string", "outcomes[].risks[].level"),
    Column("mitigation", "string", "outcomes[].risks[].mitigation"),
), ("statement_key", "outcome_index", "risk_index"))

SOURCES = Table("sources", "Each source of evidence of an outcome.", _key_columns(
    Column("outcome_index", "integer", about="The outcome's place in the list, from 0."),
    Column("outcome_id", "string", "outcomes[].id"),
    Column("source_index", "integer", about="The source's place in the outcome's list, from 0."),
    Column("title", "string", "outcomes[].evidence.sources[].title"),
    Column("url", "string", "outcomes[].evidence.sources[].url"),
    Column("publisher", "string", "outcomes[].evidence.sources[].publisher"),
    Column("year", "integer", "outcomes[].evidence.sources[].year"),
    Column("independent", "boolean", "outcomes[].evidence.sources[].independent"),
    Column("relation", "string", "outcomes[].evidence.sources[].relation"),
    Column("method", "string", "outcomes[].evidence.sources[].method"),
    Column("sample_size", "integer", "outcomes[].evidence.sources[].sample_size"),
), ("statement_key", "outcome_index", "source_index"))

SOCIAL_RETURN = Table("social_return", "Each social return (SROI in tenders) the statement reports.", _key_columns(
    Column("social_return_index", "integer", about="The item's place in the list, from 0."),
    Column("target_group", "string", "procurement.social_return[].target_group"),
    Column("fte_years", "number", "procurement.social_return[].fte_years"),
    Column("persons", "integer", "procurement.social_return[].persons"),
    Column("description", "string", "procurement.social_return[].description"),
), ("statement_key", "social_return_index"))

HEADCOUNT = Table("headcount", "The workforce's headcount by contract and by gender.", _key_columns(
    Column("breakdown", "string", about="by_contract or by_gender."),
    Column("category", "string", about="The contract type or gender, as the statement names it."),
    Column("headcount", "integer", about="How many people."),
), ("statement_key", "breakdown", "category"))

TRANSLATIONS = Table("translations", "Every language of each multilingual text (schema 1.1): the other tables "
                     "hold the text in the statement's own language.", _key_columns(
    Column("pointer", "string", about="The JSON pointer of the text in the statement (/claims/0/text)."),
    Column("language", "string", about="The language of this variant."),
    Column("text", "string", about="The text in that language."),
), ("statement_key", "pointer", "language"))

FINDINGS = Table("findings", "Every finding of the checks, of valid and invalid statements alike.", _key_columns(
    Column("source_path", "string", about="The file the finding is in."),
    Column("line", "integer", about="1-based line."),
    Column("column", "integer", about="1-based column."),
    Column("pointer", "string", about="The JSON pointer of the value the finding is about."),
    Column("code", "string", about="The finding's code (impactclaim explain CODE)."),
    Column("severity", "string", about="error or warning."),
    Column("message", "string", about="What is wrong, in the language of the run."),
    Column("hint", "string", about="How to fix it."),
), ("statement_key", "line", "column", "code"))

TABLES: tuple[Table, ...] = (STATEMENTS, ORGANISATIONS, MEMBERSHIPS, CLAIMS, OUTCOMES, METRICS, SDG_TARGETS, RISKS,
                             SOURCES, SOCIAL_RETURN, HEADCOUNT, TRANSLATIONS, FINDINGS)
TABLES_BY_NAME = {table.name: table for table in TABLES}


def statement_key(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()[:16]


def reporting_year(statement: Statement | None) -> int | None:
    period = statement.reporting_period if statement is not None else None
    end = period.end if period is not None else None
    try:
        return int(end[:4]) if end else None
    except ValueError:
        return None


def status_of(findings: Sequence[Finding], readable: bool) -> str:
    if not readable:
        return "unreadable"
    return "invalid" if any(finding.is_error for finding in findings) else "valid"


class _Reader:
    """Rows of one valid statement, its texts in the statement's own language."""

    def __init__(self, statement: Statement, key: str) -> None:
        self.statement = statement
        self.language = statement.language
        self.base: Row = {"statement_key": key, "reporting_year": reporting_year(statement)}

    def text(self, text: Text | None) -> str | None:
        if text is None or not text.variants:
            return None
        return text.get(self.language, self.language) or None

    def texts(self, texts: Iterable[Text]) -> list[str]:
        return [shown for text in texts if (shown := self.text(text)) is not None]

    def row(self, **values: Any) -> Row:
        return {**self.base, **values}

    def statement_row(self, source_path: str, findings: Sequence[Finding]) -> Row:
        s = self.statement
        period, mission, toc = s.reporting_period, s.mission, s.theory_of_change
        assurance, enterprise = s.assurance, s.social_enterprise
        distribution = enterprise.profit_distribution if enterprise else None
        pso = s.procurement.pso if s.procurement else None
        workforce = s.workforce
        return self.row(
            source_path=source_path, status="valid", **_counts(findings),
            schema_version=s.schema_version, language=s.language, statement_id=s.id, published=s.published,
            period_start=period.start if period else None, period_end=period.end if period else None,
            organisation_name=s.organisation.name, kvk_number=s.organisation.kvk_number,
            mission=self.text(mission.statement), impact_areas=list(mission.impact_areas), abc=mission.abc,
            problem=self.text(toc.problem), impact=self.text(toc.impact), inputs=self.texts(toc.inputs),
            activities=self.texts(toc.activities), outputs=self.texts(toc.outputs),
            intended_outcomes=self.texts(toc.outcomes), assumptions=self.texts(toc.assumptions),
            assurance_level=assurance.level if assurance else None,
            assurance_provider=assurance.provider if assurance else None,
            assurance_date=assurance.date if assurance else None,
            assurance_statement=self.text(assurance.statement) if assurance else None,
            market_revenue_share=enterprise.market_revenue_share if enterprise else None,
            stakeholder_governance=self.text(enterprise.stakeholder_governance) if enterprise else None,
            mission_lock=enterprise.mission_lock if enterprise else None,
            mission_lock_description=self.text(enterprise.mission_lock_description) if enterprise else None,
            profit_distribution_policy=distribution.policy if distribution else None,
            profit_distribution_max_share=distribution.max_share if distribution else None,
            profit_distribution_description=self.text(distribution.description) if distribution else None,
            pso_level=pso.level if pso else None, pso_thirty_plus=pso.thirty_plus if pso else None,
            pso_date=pso.date if pso else None, pso_valid_until=pso.valid_until if pso else None,
            training_hours_per_employee=workforce.training_hours_per_employee if workforce else None,
            collective_agreement_coverage=workforce.collective_agreement_coverage if workforce else None,
            paid_at_least_minimum_wage=workforce.paid_at_least_minimum_wage if workforce else None,
            work_accidents=workforce.work_accidents if workforce else None,
            fatalities=workforce.fatalities if workforce else None,
            **_completeness(s),
        )

    def organisation_row(self) -> Row:
        o = self.statement.organisation
        code, contact, address = o.municipality_code, o.contact, o.address
        return self.row(
            name=o.name, trade_name=o.trade_name, kvk_number=o.kvk_number, legal_form=o.legal_form,
            municipality=o.municipality, municipality_code=code.code if code else None,
            province_code=province_code(o.province),
            municipality_cbs_code=municipality_code(code.code if code else None, o.municipality),
            municipality_code_year=code.year if code else None, province=o.province, website=o.website,
            logo=o.logo, headcount=o.headcount, fte=o.fte, founded=o.founded, nace_codes=list(o.nace_codes),
            mission_in_articles=o.mission_in_articles,
            contact_name=contact.name if contact else None, contact_role=contact.role if contact else None,
            contact_email=contact.email if contact else None, contact_phone=contact.phone if contact else None,
            street=address.street if address else None, house_number=address.house_number if address else None,
            postal_code=address.postal_code if address else None, city=address.city if address else None,
            country=address.country if address else None,
        )

    def membership_rows(self) -> Iterator[Row]:
        for index, membership in enumerate(self.statement.organisation.memberships):
            yield self.row(membership_index=index, scheme=membership.scheme, name=membership.name,
                           level=membership.level, since=membership.since)

    def claim_rows(self) -> Iterator[Row]:
        s = self.statement
        for index, claim in enumerate(s.claims):
            yield self.claim_row(index, claim)

    def claim_row(self, index: int, claim: Claim) -> Row:
        s = self.statement
        basis, label, future = claim.basis, claim.label, claim.future_commitment
        verification, comparison = claim.verification, claim.comparison
        return self.row(
            claim_index=index, claim_id=claim.id, text=self.text(claim.text), domain=claim.domain,
            scope=claim.scope, scope_detail=self.text(claim.scope_detail),
            basis_metrics=[ref.value for ref in basis.metrics] if basis else [],
            basis_outcomes=[ref.value for ref in basis.outcomes] if basis else [],
            offsets=claim.offsets,
            label_name=label.name if label else None, label_scheme=label.scheme if label else None,
            label_authority=label.authority if label else None,
            commitment_plan=self.text(future.plan) if future else None,
            commitment_target_value=future.target_value if future else None,
            commitment_target_year=future.target_year if future else None,
            commitment_verifier=future.verifier if future else None,
            verification_status=verification.status if verification else None,
            verified_by=verification.by if verification else None,
            verification_date=verification.date if verification else None,
            comparison_what=self.text(comparison.what) if comparison else None,
            comparison_source=self.text(comparison.source) if comparison else None,
            comparison_year=comparison.year if comparison else None,
            substantiation=str(s.claim_status(claim)), evidence_level=s.claim_evidence_level(claim),
        )

    def outcome_rows(self) -> Iterator[Row]:
        for index, outcome in enumerate(self.statement.outcomes):
            yield self.outcome_row(index, outcome)

    def outcome_row(self, index: int, outcome: Outcome) -> Row:
        what, who, how_much, contribution = outcome.what, outcome.who, outcome.how_much, outcome.contribution
        return self.row(
            outcome_index=index, outcome_id=outcome.id, what=self.text(what.description), polarity=what.polarity,
            important_to_stakeholders=what.important_to_stakeholders, stakeholder=self.text(who.stakeholder),
            stakeholder_baseline=self.text(who.baseline), group_size=who.size, underserved=who.underserved,
            scale=self.text(how_much.scale), depth=self.text(how_much.depth), duration=self.text(how_much.duration),
            counterfactual=self.text(contribution.counterfactual), contribution=self.text(contribution.description),
            deadweight=contribution.deadweight, attribution=contribution.attribution,
            displacement=contribution.displacement, drop_off=contribution.drop_off,
            evidence_level=outcome.evidence.level, abc=outcome.abc, brede_welvaart=list(outcome.brede_welvaart),
            metrics=[ref.value for ref in outcome.metrics or ()], risks_assessed=outcome.risks is not None,
        )

    def metric_rows(self) -> Iterator[Row]:
        s = self.statement
        for index, metric in enumerate(s.metrics):
            common = self.metric_common(index, metric)
            period = metric.period or s.reporting_period
            if metric.value is not None:
                yield {**common, **_period(period), "value_kind": "value", "value": metric.value, "year": None}
            for kind, reference in (("baseline", metric.baseline), ("target", metric.target)):
                if reference is not None:
                    yield {**common, **_reference(reference), "value_kind": kind}
            if metric.value is None and metric.baseline is None and metric.target is None:
                # A metric without any figure still names what is measured: kept, with an empty value.
                yield {**common, **_period(period), "value_kind": "value", "value": None, "year": None}

    def metric_common(self, index: int, metric: Metric) -> Row:
        organisation = self.statement.organisation
        return self.row(
            kvk_number=organisation.kvk_number, organisation_name=organisation.name, metric_index=index,
            metric_id=metric.id, name=self.text(metric.name), unit=metric.unit, kind=metric.kind,
            iris_id=metric.iris_id, vsme_ref=metric.vsme_ref,
            part_of=metric.part_of.value if metric.part_of else None, estimated=metric.estimated,
            population=metric.population, method=self.text(metric.method), data_source=self.text(metric.data_source),
        )

    def sdg_rows(self) -> Iterator[Row]:
        for index, outcome in enumerate(self.statement.outcomes):
            for target in outcome.sdg_targets:
                goal = target.value.split(".", 1)[0]
                yield self.row(outcome_index=index, outcome_id=outcome.id, target=target.value,
                               goal=int(goal) if goal.isdigit() else None)

    def risk_rows(self) -> Iterator[Row]:
        for index, outcome in enumerate(self.statement.outcomes):
            for number, risk in enumerate(outcome.risks or ()):
                yield self.row(outcome_index=index, outcome_id=outcome.id, risk_index=number, type=risk.type,
                               level=risk.level, mitigation=self.text(risk.mitigation))

    def source_rows(self) -> Iterator[Row]:
        for index, outcome in enumerate(self.statement.outcomes):
            for number, source in enumerate(outcome.evidence.sources):
                yield self.row(outcome_index=index, outcome_id=outcome.id, source_index=number, title=source.title,
                               url=source.url, publisher=source.publisher, year=source.year,
                               independent=source.independent, relation=source.relation, method=source.method,
                               sample_size=source.sample_size)

    def social_return_rows(self) -> Iterator[Row]:
        procurement = self.statement.procurement
        for index, item in enumerate(procurement.social_return if procurement else ()):
            yield self.row(social_return_index=index, target_group=item.target_group, fte_years=item.fte_years,
                           persons=item.persons, description=self.text(item.description))

    def headcount_rows(self) -> Iterator[Row]:
        workforce = self.statement.workforce
        if workforce is None:
            return
        for breakdown, pairs in (("by_contract", workforce.headcount_by_contract),
                                 ("by_gender", workforce.headcount_by_gender)):
            for category, count in pairs:
                yield self.row(breakdown=breakdown, category=category, headcount=count)

    def translation_rows(self) -> Iterator[Row]:
        for text in self.statement.all_texts:
            if all(language == "" for language, _ in text.variants):
                continue  # a plain string is in the statement's language: the other tables hold it
            pointer = "/" + "/".join(str(step) for step in text.path)
            for language, value in text.variants:
                yield self.row(pointer=pointer, language=language or self.language, text=value)


def _completeness(statement: Statement) -> Row:
    from impactclaim.profile.model import DIMENSIONS, outcome_dimensions

    described = sum(sum(outcome_dimensions(outcome).values()) for outcome in statement.outcomes)
    return {"dimensions_described": described, "dimensions_possible": len(DIMENSIONS) * max(1, len(statement.outcomes))}


def _period(period: Period | None) -> Row:
    return {"period_start": period.start if period else None, "period_end": period.end if period else None}


def _reference(reference: Reference) -> Row:
    return {"value": reference.value, "year": reference.year, "period_start": None, "period_end": None}


def _counts(findings: Sequence[Finding]) -> Row:
    errors = sum(1 for finding in findings if finding.is_error)
    return {"errors": errors, "warnings": len(findings) - errors}


def finding_rows(findings: Sequence[Finding], base: Row) -> Iterator[Row]:
    for finding in findings:
        yield {**base, "source_path": finding.path, "line": finding.line, "column": finding.column,
               "pointer": finding.pointer, "code": finding.code, "severity": str(finding.severity),
               "message": finding.message, "hint": finding.hint}


def rows_of(source_path: str, raw: bytes, findings: Sequence[Finding], statement: Statement | None,
            facts_statement: Statement | None, readable: bool) -> dict[str, list[Row]]:
    """Every table's rows for one statement file.

    ``statement`` is the typed statement when the file matches its schema; an invalid or
    unreadable file gets its ``statements`` row (with what could be read of it) and its findings.
    """
    key = statement_key(raw)
    tables: dict[str, list[Row]] = {}
    if statement is not None and not any(finding.is_error for finding in findings):
        reader = _Reader(statement, key)
        tables = {
            "statements": [reader.statement_row(source_path, findings)],
            "organisations": [reader.organisation_row()],
            "memberships": list(reader.membership_rows()),
            "claims": list(reader.claim_rows()),
            "outcomes": list(reader.outcome_rows()),
            "metrics": list(reader.metric_rows()),
            "sdg_targets": list(reader.sdg_rows()),
            "risks": list(reader.risk_rows()),
            "sources": list(reader.source_rows()),
            "social_return": list(reader.social_return_rows()),
            "headcount": list(reader.headcount_rows()),
            "translations": list(reader.translation_rows()),
        }
        base = reader.base
    else:
        base = {"statement_key": key, "reporting_year": reporting_year(facts_statement)}
        facts = facts_statement
        period = facts.reporting_period if facts is not None else None
        tables["statements"] = [{
            **base, "source_path": source_path, "status": status_of(findings, readable), **_counts(findings),
            "schema_version": facts.schema_version if facts else None, "language": facts.language if facts else None,
            "statement_id": facts.id if facts else None,
            "period_start": period.start if period else None, "period_end": period.end if period else None,
            "organisation_name": facts.organisation.name if facts else None,
            "kvk_number": facts.organisation.kvk_number if facts else None,
        }]
    tables["findings"] = list(finding_rows(findings, base))
    return tables
