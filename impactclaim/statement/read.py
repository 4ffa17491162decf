"""The readers: raw statement data of one schema version becomes the typed ``Statement``.

This is the only place that reads statement data by key. A reader is tolerant: a draft may hold
anything anywhere, and whatever does not have the expected type is read as absent, so
``render --draft`` of a broken statement still works. Each schema version has its reader; a
newer one extends the one before.
"""

from __future__ import annotations

import dataclasses
import math
from typing import Any

from impactclaim.statement.model import (
    Address,
    Assurance,
    Basis,
    Claim,
    Comparison,
    Contact,
    Contribution,
    Evidence,
    FutureCommitment,
    HowMuch,
    Label,
    Membership,
    Metric,
    Mission,
    MunicipalityCode,
    Organisation,
    Outcome,
    Path,
    Period,
    Procurement,
    ProfitDistribution,
    Pso,
    Ref,
    Reference,
    Risk,
    SocialEnterprise,
    SocialReturn,
    Source,
    Statement,
    Text,
    TheoryOfChange,
    Verification,
    What,
    Who,
    Workforce,
)

Data = dict[str, Any]


# -- tolerant access to raw values ---------------------------------------------------------------

def _mapping(value: Any) -> Data:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _string(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _number(value: Any) -> float | None:
    """A finite number (YAML's .inf and .nan are no numbers here), never a boolean."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _integer(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _boolean(value: Any) -> bool | None:
    return value if isinstance(value, bool) else None


def _strings(value: Any) -> tuple[str, ...]:
    return tuple(item for item in _list(value) if isinstance(item, str))


def _refs(value: Any, path: Path) -> tuple[Ref, ...]:
    # A draft's reference that is no text (a number, an empty entry) still refers to something
    # that does not exist: kept as text, it makes the claim incomplete instead of disappearing.
    return tuple(Ref((*path, index), item if isinstance(item, str) else _scalar_text(item) or "")
                 for index, item in enumerate(_list(value)))


def _scalar_text(value: Any) -> str | None:
    """Text as a draft may hold it: a string, or a number written where text belongs."""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


class Reader10:
    """Reads statements of schema version 1.0."""

    version = "1.0"

    def __init__(self) -> None:
        self.texts_read: list[Text] = []  # every text field, in the order read: Statement.texts()

    def text(self, value: Any, path: Path) -> Text:
        """Free text: one string, or a map of language to text.

        Schema 1.0 has no maps (its schema reports one), but a draft that uses them before its
        schema_version says 1.1 still shows its text.
        """
        if isinstance(value, dict):
            text = Text(path, tuple((language, text) for language, text in value.items()
                                    if isinstance(language, str) and isinstance(text, str)))
        else:
            scalar = _scalar_text(value)
            text = Text(path, (("", scalar),) if scalar is not None else ())
        self.texts_read.append(text)
        return text

    def texts(self, value: Any, path: Path) -> tuple[Text, ...]:
        texts = (self.text(item, (*path, index)) for index, item in enumerate(_list(value)))
        return tuple(text for text in texts if text.variants)

    def read(self, data: Data) -> Statement:
        """The statement of ``data``; a reader reads one statement."""
        period = data.get("reporting_period")
        statement = Statement(
            path=(),
            schema_version=_string(data.get("schema_version")),
            language=_string(data.get("language")),
            id=_scalar_text(data.get("id")),
            published=_string(data.get("published")),
            organisation=self.organisation(_mapping(data.get("organisation")), ("organisation",)),
            reporting_period=self.period(period, ("reporting_period",)) if isinstance(period, dict) else None,
            mission=self.mission(_mapping(data.get("mission")), ("mission",)),
            theory_of_change=self.theory_of_change(_mapping(data.get("theory_of_change")), ("theory_of_change",)),
            outcomes=tuple(self.outcome(item, ("outcomes", index))
                           for index, item in enumerate(_list(data.get("outcomes"))) if isinstance(item, dict)),
            metrics=tuple(self.metric(item, ("metrics", index))
                          for index, item in enumerate(_list(data.get("metrics"))) if isinstance(item, dict)),
            claims=tuple(self.claim(item, ("claims", index))
                         for index, item in enumerate(_list(data.get("claims"))) if isinstance(item, dict)),
            assurance=self.assurance(data["assurance"], ("assurance",))
            if isinstance(data.get("assurance"), dict) else None,
            **self.additions(data),
        )
        return dataclasses.replace(statement, all_texts=tuple(self.texts_read))

    def additions(self, data: Data) -> dict[str, Any]:
        """Top-level parts that later versions add."""
        return {}

    def period(self, data: Data, path: Path) -> Period:
        return Period(path, _string(data.get("start")), _string(data.get("end")))

    # -- organisation ----------------------------------------------------------------------

    def organisation(self, data: Data, path: Path) -> Organisation:
        return Organisation(
            path=path,
            name=_scalar_text(data.get("name")),
            trade_name=_scalar_text(data.get("trade_name")),
            kvk_number=_scalar_text(data.get("kvk_number")),
            legal_form=_string(data.get("legal_form")),
            municipality=_string(data.get("municipality")),
            province=_string(data.get("province")),
            website=_string(data.get("website")),
            logo=_string(data.get("logo")),
            headcount=_integer(data.get("headcount")),
            fte=_number(data.get("fte")),
            founded=_integer(data.get("founded")),
            nace_codes=_strings(data.get("nace_codes")),
            memberships=tuple(self.membership(item, (*path, "memberships", index))
                              for index, item in enumerate(_list(data.get("memberships"))) if isinstance(item, dict)),
            mission_in_articles=_boolean(data.get("mission_in_articles")),
            **self.organisation_additions(data, path),
        )

    def organisation_additions(self, data: Data, path: Path) -> dict[str, Any]:
        return {}

    def membership(self, data: Data, path: Path) -> Membership:
        return Membership(path, _string(data.get("scheme")), _scalar_text(data.get("name")),
                          _scalar_text(data.get("level")), _string(data.get("since")))

    # -- mission and theory of change ------------------------------------------------------

    def mission(self, data: Data, path: Path) -> Mission:
        return Mission(path, self.text(data.get("statement"), (*path, "statement")),
                       _strings(data.get("impact_areas")), _string(data.get("abc")))

    def theory_of_change(self, data: Data, path: Path) -> TheoryOfChange:
        return TheoryOfChange(
            path=path,
            problem=self.text(data.get("problem"), (*path, "problem")),
            impact=self.text(data.get("impact"), (*path, "impact")),
            **{key: self.texts(data.get(key), (*path, key))
               for key in ("inputs", "activities", "outputs", "outcomes", "assumptions")},
        )

    # -- outcomes --------------------------------------------------------------------------

    def outcome(self, data: Data, path: Path) -> Outcome:
        what, who = _mapping(data.get("what")), _mapping(data.get("who"))
        how_much, contribution = _mapping(data.get("how_much")), _mapping(data.get("contribution"))
        risks = data.get("risks")
        metrics = data.get("metrics")
        return Outcome(
            path=path,
            id=_string(data.get("id")),
            what=What((*path, "what"), self.text(what.get("description"), (*path, "what", "description")),
                      _string(what.get("polarity")), _boolean(what.get("important_to_stakeholders"))),
            who=Who((*path, "who"), self.text(who.get("stakeholder"), (*path, "who", "stakeholder")),
                    self.text(who.get("baseline"), (*path, "who", "baseline")),
                    _integer(who.get("size")), _boolean(who.get("underserved"))),
            how_much=HowMuch((*path, "how_much"),
                             *(self.text(how_much.get(key), (*path, "how_much", key))
                               for key in ("scale", "depth", "duration"))),
            contribution=Contribution(
                (*path, "contribution"),
                self.text(contribution.get("counterfactual"), (*path, "contribution", "counterfactual")),
                self.text(contribution.get("description"), (*path, "contribution", "description")),
                *(_number(contribution.get(key)) for key in ("deadweight", "attribution", "displacement", "drop_off"))),
            evidence=self.evidence(data.get("evidence"), (*path, "evidence")),
            risks=tuple(self.risk(item, (*path, "risks", index)) for index, item in enumerate(risks)
                        if isinstance(item, dict)) if isinstance(risks, list) else None,
            abc=_string(data.get("abc")),
            sdg_targets=_refs(data.get("sdg_targets"), (*path, "sdg_targets")),
            brede_welvaart=_strings(data.get("brede_welvaart")),
            metrics=_refs(metrics, (*path, "metrics")) if isinstance(metrics, list) else None,
        )

    def evidence(self, value: Any, path: Path) -> Evidence:
        data = _mapping(value)
        return Evidence(path, _integer(data.get("level")),
                        tuple(self.source(item, (*path, "sources", index))
                              for index, item in enumerate(_list(data.get("sources"))) if isinstance(item, dict)))

    def source(self, data: Data, path: Path) -> Source:
        return Source(path, title=_scalar_text(data.get("title")), url=_string(data.get("url")),
                      publisher=_scalar_text(data.get("publisher")), year=_integer(data.get("year")),
                      independent=_boolean(data.get("independent")))

    def risk(self, data: Data, path: Path) -> Risk:
        return Risk(path, _string(data.get("type")), _string(data.get("level")),
                    self.text(data.get("mitigation"), (*path, "mitigation")))

    # -- metrics ---------------------------------------------------------------------------

    def metric(self, data: Data, path: Path) -> Metric:
        period, part_of = data.get("period"), data.get("part_of")
        return Metric(
            path=path,
            id=_string(data.get("id")),
            name=self.text(data.get("name"), (*path, "name")),
            method=self.text(data.get("method"), (*path, "method")),
            data_source=self.text(data.get("data_source"), (*path, "data_source")),
            unit=_scalar_text(data.get("unit")),
            kind=_string(data.get("kind")),
            value=_number(data.get("value")),
            period=self.period(period, (*path, "period")) if isinstance(period, dict) else None,
            baseline=self.reference(data.get("baseline"), (*path, "baseline")),
            target=self.reference(data.get("target"), (*path, "target")),
            part_of=Ref((*path, "part_of"), part_of) if isinstance(part_of, str) else None,
            estimated=_boolean(data.get("estimated")),
            iris_id=_string(data.get("iris_id")),
            vsme_ref=_string(data.get("vsme_ref")),
            **self.metric_additions(data),
        )

    def metric_additions(self, data: Data) -> dict[str, Any]:
        return {}

    def reference(self, value: Any, path: Path) -> Reference | None:
        if not isinstance(value, dict):
            return None
        return Reference(path, _number(value.get("value")), _integer(value.get("year")))

    # -- claims ----------------------------------------------------------------------------

    def claim(self, data: Data, path: Path) -> Claim:
        basis, label = data.get("basis"), data.get("label")
        future, verification = data.get("future_commitment"), data.get("verification")
        return Claim(
            path=path,
            id=_string(data.get("id")),
            text=self.text(data.get("text"), (*path, "text")),
            scope_detail=self.text(data.get("scope_detail"), (*path, "scope_detail")),
            domain=_string(data.get("domain")),
            scope=_string(data.get("scope")),
            basis=Basis((*path, "basis"), _refs(basis.get("metrics"), (*path, "basis", "metrics")),
                        _refs(basis.get("outcomes"), (*path, "basis", "outcomes")))
            if isinstance(basis, dict) else None,
            offsets=_boolean(data.get("offsets")),
            label=Label((*path, "label"), _scalar_text(label.get("name")), _scalar_text(label.get("scheme")),
                        _scalar_text(label.get("authority"))) if isinstance(label, dict) else None,
            future_commitment=FutureCommitment(
                (*path, "future_commitment"), self.text(future.get("plan"), (*path, "future_commitment", "plan")),
                _number(future.get("target_value")), _integer(future.get("target_year")),
                _scalar_text(future.get("verifier"))) if isinstance(future, dict) else None,
            verification=Verification((*path, "verification"), _string(verification.get("status")),
                                      _scalar_text(verification.get("by")), _string(verification.get("date")))
            if isinstance(verification, dict) else None,
            **self.claim_additions(data, path),
        )

    def claim_additions(self, data: Data, path: Path) -> dict[str, Any]:
        return {}

    def assurance(self, data: Data, path: Path) -> Assurance:
        return Assurance(path, self.text(data.get("statement"), (*path, "statement")),
                         _string(data.get("level")), _scalar_text(data.get("provider")), _string(data.get("date")))


class Reader11(Reader10):
    """Reads statements of schema version 1.1: the parts 1.1 adds (its text maps are read by 1.0's reader)."""

    version = "1.1"

    def additions(self, data: Data) -> dict[str, Any]:
        parts: dict[str, Any] = {}
        social, procurement, workforce = (data.get(key) for key in ("social_enterprise", "procurement", "workforce"))
        if isinstance(social, dict):
            parts["social_enterprise"] = self.social_enterprise(social, ("social_enterprise",))
        if isinstance(procurement, dict):
            parts["procurement"] = self.procurement(procurement, ("procurement",))
        if isinstance(workforce, dict):
            parts["workforce"] = self.workforce(workforce, ("workforce",))
        return parts

    def organisation_additions(self, data: Data, path: Path) -> dict[str, Any]:
        code, contact, address = data.get("municipality_code"), data.get("contact"), data.get("address")
        parts: dict[str, Any] = {}
        if isinstance(code, dict):
            parts["municipality_code"] = MunicipalityCode((*path, "municipality_code"), _string(code.get("code")),
                                                          _integer(code.get("year")))
        if isinstance(contact, dict):
            parts["contact"] = Contact((*path, "contact"), **{
                key: _scalar_text(contact.get(key)) for key in ("name", "role", "email", "phone")})
        if isinstance(address, dict):
            keys = ("street", "house_number", "postal_code", "city", "country")
            parts["address"] = Address((*path, "address"), **{key: _scalar_text(address.get(key)) for key in keys})
        return parts

    def source(self, data: Data, path: Path) -> Source:
        return dataclasses.replace(super().source(data, path), relation=_string(data.get("relation")),
                                   method=_string(data.get("method")),
                                   sample_size=_integer(data.get("sample_size")))

    def metric_additions(self, data: Data) -> dict[str, Any]:
        return {"population": _string(data.get("population"))}

    def claim_additions(self, data: Data, path: Path) -> dict[str, Any]:
        comparison = data.get("comparison")
        if not isinstance(comparison, dict):
            return {}
        where = (*path, "comparison")
        return {"comparison": Comparison(where, self.text(comparison.get("what"), (*where, "what")),
                                         self.text(comparison.get("source"), (*where, "source")),
                                         _integer(comparison.get("year")))}

    def social_enterprise(self, data: Data, path: Path) -> SocialEnterprise:
        distribution = data.get("profit_distribution")
        where = (*path, "profit_distribution")
        return SocialEnterprise(
            path=path,
            stakeholder_governance=self.text(data.get("stakeholder_governance"), (*path, "stakeholder_governance")),
            mission_lock_description=self.text(data.get("mission_lock_description"),
                                               (*path, "mission_lock_description")),
            market_revenue_share=_number(data.get("market_revenue_share")),
            profit_distribution=ProfitDistribution(
                where, self.text(distribution.get("description"), (*where, "description")),
                _string(distribution.get("policy")), _number(distribution.get("max_share")))
            if isinstance(distribution, dict) else None,
            mission_lock=_string(data.get("mission_lock")),
        )

    def procurement(self, data: Data, path: Path) -> Procurement:
        pso = data.get("pso")
        returns = []
        for index, item in enumerate(_list(data.get("social_return"))):
            if isinstance(item, dict):
                where = (*path, "social_return", index)
                returns.append(SocialReturn(where, self.text(item.get("description"), (*where, "description")),
                                            _string(item.get("target_group")), _number(item.get("fte_years")),
                                            _integer(item.get("persons"))))
        return Procurement(
            path,
            Pso((*path, "pso"), level=_scalar_text(pso.get("level")), thirty_plus=_boolean(pso.get("thirty_plus")),
                date=_string(pso.get("date")), valid_until=_string(pso.get("valid_until")))
            if isinstance(pso, dict) else None,
            tuple(returns))

    def workforce(self, data: Data, path: Path) -> Workforce:
        def counts(key: str) -> tuple[tuple[str, int], ...]:
            return tuple((name, count) for name, count in _mapping(data.get(key)).items()
                         if isinstance(name, str) and _integer(count) is not None)

        return Workforce(
            path,
            headcount_by_contract=counts("headcount_by_contract"),
            headcount_by_gender=counts("headcount_by_gender"),
            training_hours_per_employee=_number(data.get("training_hours_per_employee")),
            collective_agreement_coverage=_number(data.get("collective_agreement_coverage")),
            paid_at_least_minimum_wage=_boolean(data.get("paid_at_least_minimum_wage")),
            work_accidents=_integer(data.get("work_accidents")),
            fatalities=_integer(data.get("fatalities")),
        )


READERS: dict[str, type[Reader10]] = {reader.version: reader for reader in (Reader10, Reader11)}
NEWEST = Reader11


def declared_version(data: Any) -> tuple[bool, Any]:
    """Whether ``data`` has a ``schema_version`` key, and its value as written (any type)."""
    if not isinstance(data, dict) or "schema_version" not in data:
        return False, None
    return True, data["schema_version"]


def read_statement(data: Any) -> Statement:
    """The typed statement of ``data``, read by the reader of its ``schema_version``.

    A statement of an unknown or missing version (a draft) is read by the newest reader, which
    reads every version's parts; anything that is not a mapping is an empty statement.
    """
    data = _mapping(data)
    version = data.get("schema_version")
    reader = READERS.get(version, NEWEST) if isinstance(version, str) else NEWEST
    return reader().read(data)
