"""The view model of a profile: plain data, every label resolved, every number formatted.

The templates only lay out what this module computes, so everything a reader is told (progress
towards a target, whether a claim is substantiated, which SDGs are served) is decided here, in
Python that tests can reach. The builder never trusts the shape of the data: a draft may be any
mapping, so every access falls back to "nothing" instead of raising.
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from impactclaim.findings import Finding
from impactclaim.render.formatting import Formatter, parse_iso_date
from impactclaim.render.labels import Labels
from impactclaim.render.safety import Logo, web_link
from impactclaim.render.sdg import Goal, goal, goal_of_target, target_sort_key

_RISK_ORDER = {"high": 0, "medium": 1, "low": 2}
_ASSURANCE_STRENGTH = {"none": 0, "self_assessed": 1, "peer_review": 2, "limited": 3, "reasonable": 4}
_PERCENT_UNITS = frozenset({"%", "percent", "procent"})


# --------------------------------------------------------------------------------------------
# Defensive access: a draft may hold anything anywhere.

def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _items(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _text(value: Any) -> str:
    if isinstance(value, str):
        return closed_bidi(value.strip())
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return ""


_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
_EMBEDDINGS = frozenset("\u202a\u202b\u202d\u202e")  # LRE, RLE, LRO, RLO: closed by PDF (U+202C)
_ISOLATES = frozenset("\u2066\u2067\u2068")  # LRI, RLI, FSI: closed by PDI (U+2069)


def closed_bidi(text: str) -> str:
    """``text`` with every direction embedding, override or isolate it opens closed at its end.

    An unclosed right-to-left override in one field would otherwise reverse whatever the page
    shows after it in the same paragraph (the organisation's KvK number, a status, another
    field): the "Trojan Source" trick. Closing it keeps the text as written and its effect inside
    the field.
    """
    if not _BIDI_CONTROLS.search(text):
        return text
    open_controls: list[str] = []
    for character in text:
        if character in _EMBEDDINGS:
            open_controls.append("\u202c")
        elif character in _ISOLATES:
            open_controls.append("\u2069")
        elif character == "\u202c" and open_controls and open_controls[-1] == "\u202c":
            open_controls.pop()
        elif character == "\u2069" and "\u2069" in open_controls:
            while open_controls.pop() != "\u2069":
                pass
    return text + "".join(reversed(open_controls))


def _number(value: Any) -> float | int | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _integer(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _texts(value: Any) -> list[str]:
    return [text for text in (_text(item) for item in _items(value)) if text]


def _bool(value: Any) -> bool | None:
    return value if isinstance(value, bool) else None


# --------------------------------------------------------------------------------------------
# The view model.

@dataclass(frozen=True, slots=True)
class Link:
    """A web address shown as text; ``href`` is set only when it is a plain http(s) URL."""

    text: str
    href: str | None


@dataclass(frozen=True, slots=True)
class Fact:
    """One labelled fact of the header."""

    label: str
    value: str
    link: Link | None = None


@dataclass(frozen=True, slots=True)
class Assurance:
    level_key: str
    level: str
    strength: int
    provider: str
    date: str
    statement: str


@dataclass(frozen=True, slots=True)
class Header:
    name: str
    trade_name: str
    kvk: str
    legal_form: str
    location: str
    period: str
    published: str
    assurance: Assurance | None
    facts: list[Fact]
    memberships: list[str]
    logo: Logo | None
    logo_alt: str


@dataclass(frozen=True, slots=True)
class AbcClass:
    code: str
    name: str


@dataclass(frozen=True, slots=True)
class Mission:
    statement: str
    impact_areas: list[str]
    abc: AbcClass | None


@dataclass(frozen=True, slots=True)
class ChainStep:
    key: str
    title: str
    items: list[str]


@dataclass(frozen=True, slots=True)
class TheoryOfChange:
    problem: str
    steps: list[ChainStep]
    impact: str
    assumptions: list[str]

    @property
    def present(self) -> bool:
        return bool(self.problem or self.steps or self.impact or self.assumptions)


@dataclass(frozen=True, slots=True)
class Progress:
    """How far a metric has come from its baseline towards its target."""

    status: str
    text: str
    detail: str
    lower_is_better: bool | None
    share: float | None


@dataclass(frozen=True, slots=True)
class Chart:
    """Positions (0 to 1 along the axis) of a bullet chart: baseline, value and target."""

    value: float
    baseline: float | None
    target: float | None
    bar_start: float
    tone: str
    label: str


@dataclass(frozen=True, slots=True)
class MetricView:
    id: str
    name: str
    value: str
    baseline: str
    baseline_year: str
    target: str
    target_year: str
    period: str
    estimated: bool
    method: str
    data_source: str
    references: list[str]
    part_of: str
    progress: Progress
    chart: Chart | None


@dataclass(frozen=True, slots=True)
class BasisItem:
    """One metric or outcome a claim rests on; ``resolved`` is False for a dangling reference."""

    ref: str
    resolved: bool
    text: str


@dataclass(frozen=True, slots=True)
class Commitment:
    target: str
    plan: str
    verifier: str


@dataclass(frozen=True, slots=True)
class ClaimView:
    id: str
    text: str
    domain: str
    scope: str
    status_key: str
    status: str
    tone: str
    basis_metrics: list[BasisItem]
    basis_outcomes: list[BasisItem]
    evidence_level: int | None
    evidence: str
    verification: str
    label: str
    commitment: Commitment | None
    offsets: bool


@dataclass(frozen=True, slots=True)
class RiskView:
    outcome_number: int
    outcome: str
    type: str
    level_key: str
    level: str
    mitigation: str


@dataclass(frozen=True, slots=True)
class SourceView:
    title: str
    publisher: str
    year: str
    independent: bool | None
    link: Link | None


@dataclass(frozen=True, slots=True)
class Evidence:
    level: int | None
    level_text: str
    level_description: str
    sources: list[SourceView]


@dataclass(frozen=True, slots=True)
class OutcomeView:
    id: str
    number: int
    title: str
    description: str
    polarity_key: str
    polarity: str
    important: bool
    stakeholder: str
    who: list[Fact]
    how_much: list[Fact]
    counterfactual: str
    contribution: list[Fact]
    contribution_note: str
    risks: list[RiskView]
    abc: AbcClass | None
    goals: list[Goal]
    targets: list[str]
    brede_welvaart: list[str]
    evidence: Evidence
    metrics: list[str]


@dataclass(frozen=True, slots=True)
class GoalView:
    goal: Goal
    targets: list[str]


@dataclass(frozen=True, slots=True)
class SummaryItem:
    label: str
    figure: str
    detail: str


@dataclass(frozen=True, slots=True)
class FindingView:
    severity: str
    code: str
    line: int
    column: int
    message: str
    pointer: str


@dataclass(frozen=True, slots=True)
class Footer:
    statement_id: str
    schema_version: str
    tool_version: str


@dataclass(frozen=True, slots=True)
class Profile:
    """Everything the template lays out, for one statement in one language."""

    language: str
    title: str
    subject: str
    author: str
    keywords: list[str]
    date: str
    draft: bool
    header: Header
    summary: list[SummaryItem]
    mission: Mission
    theory_of_change: TheoryOfChange
    claims: list[ClaimView]
    outcomes: list[OutcomeView]
    metrics: list[MetricView]
    goals: list[GoalView]
    risks: list[RiskView]
    footer: Footer
    findings: list[FindingView] = field(default_factory=list)


# --------------------------------------------------------------------------------------------
# Building it.

@dataclass(frozen=True, slots=True)
class ProfileInputs:
    """What the builder needs besides the statement data."""

    language: str
    tool_version: str
    date: datetime.date
    draft: bool = False
    findings: Sequence[Finding] = ()
    logo: Logo | None = None


def build_profile(data: dict[str, Any], inputs: ProfileInputs) -> Profile:
    """The view model of statement ``data`` in ``inputs.language``."""
    return _Builder(data, inputs).build()


def statement_id(data: dict[str, Any]) -> str:
    """The ``id`` of the statement, or its KvK number and reporting period when it has none."""
    given = _text(data.get("id"))
    if given:
        return given
    kvk = _text(_mapping(data.get("organisation")).get("kvk_number")) or "?"
    period = _mapping(data.get("reporting_period"))
    return f"KvK {kvk}, {_text(period.get('start'))}/{_text(period.get('end'))}"


def document_date(data: dict[str, Any], source_date_epoch: str | None) -> datetime.date:
    """The one date of a rendered profile: SOURCE_DATE_EPOCH, else published, else the period end.

    Rendering reads no clock, so the same statement always gives the same bytes.
    """
    if source_date_epoch is not None and source_date_epoch.strip().isdigit():
        return datetime.datetime.fromtimestamp(int(source_date_epoch), datetime.UTC).date()
    for candidate in (data.get("published"), _mapping(data.get("reporting_period")).get("end")):
        parsed = parse_iso_date(candidate)
        if parsed is not None:
            return parsed
    return datetime.date(2000, 1, 1)


def progress_of(value: float, baseline: float | None, target: float | None) -> tuple[str, bool | None, float | None]:
    """The progress status, whether lower is better, and the share of the way covered.

    With a baseline and a target the direction is known: a target below the baseline means
    lower is better (waiting times, drop-out, emissions). Without a baseline the direction is
    not known, so only the distance to the target is given.
    """
    if target is None:
        return "no_target", None, None
    if baseline is None:
        return ("reached" if value == target else "toward_target"), None, None
    span = target - baseline
    if span == 0:
        return ("reached" if value == target else "toward_target"), None, None
    share = _fraction(value, baseline, target)
    lower_is_better = span < 0
    if share >= 1:
        return "reached", lower_is_better, share
    if share > 0:
        return "progressing", lower_is_better, share
    if share == 0:
        return "no_change", lower_is_better, share
    return "moving_away", lower_is_better, share


def chart_positions(value: float, baseline: float | None, target: float | None,
                    percentage: bool) -> tuple[float, float | None, float | None, float]:
    """Axis positions (0 to 1) of value, baseline and target, and of the start of the bar.

    The axis starts at zero so that lengths compare honestly; percentages run from 0 to 100.
    """
    points = [v for v in (value, baseline, target) if v is not None]
    low = min(0.0, *points)
    high = max(points)
    if percentage and low >= 0 and high <= 100:
        low, high = 0.0, 100.0
    if high == low:
        high = low + 1

    def position(v: float | None) -> float | None:
        return None if v is None else _fraction(v, low, high)

    start = position(baseline) if baseline is not None else position(0.0)
    assert start is not None
    return (position(value) or 0.0, position(baseline), position(target), start)


def _fraction(value: float, start: float, end: float) -> float:
    """``(value - start) / (end - start)``, also for numbers near the largest float.

    Finite numbers of opposite sign and large size (1e308 and -1e308) have a difference no float
    holds; scaled down first, their fraction is still exact enough for a chart.
    """
    offset, span = value - start, end - start
    if math.isfinite(offset) and math.isfinite(span):
        return offset / span
    scale = max(abs(value), abs(start), abs(end))
    return (value / scale - start / scale) / (end / scale - start / scale)


class _Builder:
    def __init__(self, data: dict[str, Any], inputs: ProfileInputs) -> None:
        self.data = data
        self.inputs = inputs
        self.t = Labels(inputs.language)
        self.fmt = Formatter(self.t)
        self.metrics_by_id: dict[str, dict[str, Any]] = {}
        for metric in _items(data.get("metrics")):
            metric_id = _text(_mapping(metric).get("id"))
            if metric_id and metric_id not in self.metrics_by_id:
                self.metrics_by_id[metric_id] = _mapping(metric)
        self.outcome_numbers: dict[str, int] = {}
        for number, outcome in enumerate(_items(data.get("outcomes")), start=1):
            outcome_id = _text(_mapping(outcome).get("id"))
            if outcome_id and outcome_id not in self.outcome_numbers:
                self.outcome_numbers[outcome_id] = number

    # -- whole profile ---------------------------------------------------------------------

    def build(self) -> Profile:
        t = self.t
        organisation = _mapping(self.data.get("organisation"))
        name = _text(organisation.get("name")) or "?"
        header = self.header(organisation, name)
        outcomes = self.outcomes()
        metrics = self.metrics()
        claims = self.claims(outcomes)
        goals = self.goals(outcomes)
        risks = sorted((risk for outcome in outcomes for risk in outcome.risks),
                       key=lambda r: (_RISK_ORDER.get(r.level_key, 3), r.outcome_number))
        period = self.compact_period()
        mission = self.mission()
        keywords = ["impactclaim", t("document.title").lower(), *mission.impact_areas,
                    *(f"SDG {view.goal.number}" for view in goals)]
        return Profile(
            language=self.inputs.language,
            title=" ".join(part for part in (t("document.title"), name, period) if part),
            subject=t("document.subject", organisation=name, period=header.period or period or "?"),
            author=name,
            keywords=keywords,
            date=self.inputs.date.isoformat(),
            draft=self.inputs.draft,
            header=header,
            summary=self.summary(claims, outcomes, metrics, goals, mission),
            mission=mission,
            theory_of_change=self.theory_of_change(),
            claims=claims,
            outcomes=outcomes,
            metrics=metrics,
            goals=goals,
            risks=risks,
            footer=Footer(statement_id(self.data), _text(self.data.get("schema_version")) or "?",
                          self.inputs.tool_version),
            findings=[FindingView(f.severity.value, f.code, f.line, f.column, closed_bidi(f.message), f.pointer)
                      for f in self.inputs.findings] if self.inputs.draft else [],
        )

    def compact_period(self) -> str:
        """The reporting period in years, for titles: ``2025`` or ``2024–2025``."""
        period = _mapping(self.data.get("reporting_period"))
        start, end = parse_iso_date(period.get("start")), parse_iso_date(period.get("end"))
        if start is None or end is None:
            return ""
        return str(start.year) if start.year == end.year else f"{start.year}\u2013{end.year}"

    # -- header ----------------------------------------------------------------------------

    def header(self, organisation: dict[str, Any], name: str) -> Header:
        t, fmt = self.t, self.fmt
        period = _mapping(self.data.get("reporting_period"))
        legal_form = _text(organisation.get("legal_form"))
        province = _text(organisation.get("province"))
        location = ", ".join(part for part in (
            _text(organisation.get("municipality")), t.enum("province", province) if province else "") if part)
        facts: list[Fact] = []
        headcount, fte = _integer(organisation.get("headcount")), _number(organisation.get("fte"))
        if headcount is not None or fte is not None:
            people = fmt.number(headcount) if headcount is not None else ""
            if fte is not None:
                fte_text = f"{fmt.number(fte)} {t('header.fte')}"
                people = f"{people} ({fte_text})" if people else fte_text
            facts.append(Fact(t("header.headcount"), people))
        founded = _integer(organisation.get("founded"))
        if founded is not None:
            facts.append(Fact(t("header.founded"), str(founded)))
        nace = _texts(organisation.get("nace_codes"))
        if nace:
            facts.append(Fact(t("header.nace"), ", ".join(nace)))
        in_articles = _bool(organisation.get("mission_in_articles"))
        if in_articles is not None:
            facts.append(Fact(t("header.mission_in_articles"), t("word.yes") if in_articles else t("word.no")))
        website = _text(organisation.get("website"))
        if website:
            facts.append(Fact(t("header.website"), website, Link(website, web_link(website))))
        memberships = []
        for membership in _items(organisation.get("memberships")):
            membership = _mapping(membership)
            scheme = _text(membership.get("scheme"))
            label = _text(membership.get("name")) or (t.enum("membership", scheme) if scheme else "")
            if not label:
                continue
            level = _text(membership.get("level"))
            since = _text(membership.get("since"))
            parts = [label]
            if level:
                parts.append(f"{t('header.level')} {level}")
            if since:
                parts.append(f"{t('header.since')} {fmt.date(since)}")
            memberships.append(", ".join(parts))
        assurance_data = self.data.get("assurance")
        assurance = None
        if isinstance(assurance_data, dict):
            level = _text(assurance_data.get("level")) or "none"
            assurance = Assurance(level, t.enum("assurance", level), _ASSURANCE_STRENGTH.get(level, 0),
                                  _text(assurance_data.get("provider")),
                                  fmt.date(_text(assurance_data.get("date"))),
                                  _text(assurance_data.get("statement")))
        return Header(
            name=name,
            trade_name=_text(organisation.get("trade_name")),
            kvk=_text(organisation.get("kvk_number")),
            legal_form=t.enum("legal_form", legal_form) if legal_form else "",
            location=location,
            period=fmt.period(_text(period.get("start")), _text(period.get("end"))),
            published=fmt.date(_text(self.data.get("published"))),
            assurance=assurance,
            facts=facts,
            memberships=memberships,
            logo=self.inputs.logo,
            logo_alt=t("header.logo_alt", organisation=name),
        )

    # -- mission and theory of change ------------------------------------------------------

    def abc(self, value: Any) -> AbcClass | None:
        code = _text(value)
        return AbcClass(code, self.t.enum("abc", code)) if code else None

    def mission(self) -> Mission:
        mission = _mapping(self.data.get("mission"))
        areas = [self.t.enum("impact_area", area) for area in _texts(mission.get("impact_areas"))]
        return Mission(_text(mission.get("statement")), areas, self.abc(mission.get("abc")))

    def theory_of_change(self) -> TheoryOfChange:
        toc = _mapping(self.data.get("theory_of_change"))
        steps = [ChainStep(key, self.t(f"toc.{key}"), _texts(toc.get(key)))
                 for key in ("inputs", "activities", "outputs", "outcomes")]
        steps = [step for step in steps if step.items]
        return TheoryOfChange(_text(toc.get("problem")), steps, _text(toc.get("impact")),
                              _texts(toc.get("assumptions")))

    # -- metrics ---------------------------------------------------------------------------

    def metric_value(self, metric: dict[str, Any]) -> str:
        value = _number(metric.get("value"))
        return self.fmt.quantity(value, _text(metric.get("unit"))) if value is not None else "?"

    def metrics(self) -> list[MetricView]:
        t, fmt = self.t, self.fmt
        views = []
        for item in _items(self.data.get("metrics")):
            metric = _mapping(item)
            if not metric:
                continue
            unit = _text(metric.get("unit"))
            value = _number(metric.get("value"))
            baseline_data, target_data = _mapping(metric.get("baseline")), _mapping(metric.get("target"))
            baseline, target = _number(baseline_data.get("value")), _number(target_data.get("value"))
            period = _mapping(metric.get("period"))
            references = [text for text in (_text(metric.get("iris_id")) and f"IRIS+ {_text(metric.get('iris_id'))}",
                                            _text(metric.get("vsme_ref")) and f"VSME {_text(metric.get('vsme_ref'))}")
                          if text]
            part_of = _text(metric.get("part_of"))
            part_of_name = _text(self.metrics_by_id.get(part_of, {}).get("name")) or part_of
            progress, chart = self.progress(value, baseline, target, unit, _text(metric.get("kind")))
            views.append(MetricView(
                id=_text(metric.get("id")),
                name=_text(metric.get("name")) or _text(metric.get("id")) or "?",
                value=self.metric_value(metric),
                baseline=fmt.quantity(baseline, unit) if baseline is not None else "",
                baseline_year=_text(baseline_data.get("year")),
                target=fmt.quantity(target, unit) if target is not None else "",
                target_year=_text(target_data.get("year")),
                period=fmt.period(_text(period.get("start")), _text(period.get("end"))) if period else "",
                estimated=metric.get("estimated") is True,
                method=_text(metric.get("method")),
                data_source=_text(metric.get("data_source")),
                references=references,
                part_of=f"{t('metric.part_of')} {part_of_name}" if part_of else "",
                progress=progress,
                chart=chart,
            ))
        return views

    def progress(self, value: float | None, baseline: float | None, target: float | None,
                 unit: str, kind: str) -> tuple[Progress, Chart | None]:
        t, fmt = self.t, self.fmt
        if value is None:
            return Progress("no_target", t("progress.no_target"), "", None, None), None
        status, lower_is_better, share = progress_of(value, baseline, target)
        detail = ""
        if status == "progressing" and share is not None:
            detail = t("metric.progress_share", percent=fmt.percent(share * 100))
        elif status == "toward_target" and target is not None:
            detail = t("metric.to_go", amount=fmt.quantity(abs(target - value), unit))
        progress = Progress(status, t(f"progress.{status}"), detail, lower_is_better, share)
        if target is None and baseline is None:
            return progress, None
        percentage = kind == "percentage" or unit.lower() in _PERCENT_UNITS
        position, base, goal_position, start = chart_positions(value, baseline, target, percentage)
        tone = {"reached": "good", "progressing": "good", "moving_away": "bad"}.get(status, "neutral")
        label = t("metric.chart_label",
                  baseline=fmt.quantity(baseline, unit) if baseline is not None else t("word.none"),
                  value=fmt.quantity(value, unit),
                  target=fmt.quantity(target, unit) if target is not None else t("word.none"))
        return progress, Chart(position, base, goal_position, start, tone, label)

    # -- outcomes --------------------------------------------------------------------------

    def evidence(self, value: Any) -> Evidence:
        t = self.t
        evidence = _mapping(value)
        level = _integer(evidence.get("level"))
        known = level is not None and 1 <= level <= 5
        sources = []
        for item in _items(evidence.get("sources")):
            source = _mapping(item)
            title = _text(source.get("title"))
            if not title:
                continue
            url = _text(source.get("url"))
            sources.append(SourceView(title, _text(source.get("publisher")), _text(source.get("year")),
                                      _bool(source.get("independent")),
                                      Link(url, web_link(url)) if url else None))
        return Evidence(level if known else None,
                        t("evidence.level", level=level) if known else "",
                        t(f"evidence_level.{level}") if known else "",
                        sources)

    def outcomes(self) -> list[OutcomeView]:
        t, fmt = self.t, self.fmt
        views = []
        for number, item in enumerate(_items(self.data.get("outcomes")), start=1):
            outcome = _mapping(item)
            what, who = _mapping(outcome.get("what")), _mapping(outcome.get("who"))
            how_much, contribution = _mapping(outcome.get("how_much")), _mapping(outcome.get("contribution"))
            polarity = _text(what.get("polarity"))
            description = _text(what.get("description"))
            who_facts = []
            size = _integer(who.get("size"))
            if size is not None:
                who_facts.append(Fact(t("outcome.group_size"), fmt.number(size)))
            underserved = _bool(who.get("underserved"))
            if underserved is not None:
                who_facts.append(Fact(t("outcome.underserved"), t("word.yes") if underserved else t("word.no")))
            if _text(who.get("baseline")):
                who_facts.append(Fact(t("outcome.baseline"), _text(who.get("baseline"))))
            how_much_facts = [Fact(t(f"outcome.{key}"), _text(how_much.get(key)))
                              for key in ("scale", "depth", "duration") if _text(how_much.get(key))]
            contribution_facts = []
            for key in ("deadweight", "attribution", "displacement", "drop_off"):
                share = _number(contribution.get(key))
                if share is not None:
                    contribution_facts.append(Fact(t(f"outcome.{key}"), fmt.percent(share, _decimals(share))))
            risks = []
            title = description or _text(outcome.get("id")) or t("outcome.number", number=number)
            for risk_item in _items(outcome.get("risks")):
                risk = _mapping(risk_item)
                risk_type, level = _text(risk.get("type")), _text(risk.get("level"))
                if not risk_type and not level:
                    continue
                risks.append(RiskView(number, title, t.enum("risk_type", risk_type), level,
                                      t.enum("risk_level", level), _text(risk.get("mitigation"))))
            targets = sorted({target for target in _texts(outcome.get("sdg_targets"))
                              if goal_of_target(target) is not None}, key=target_sort_key)
            goal_numbers = sorted({number for number in (goal_of_target(target) for target in targets)
                                   if number is not None})
            metric_names = [_text(self.metrics_by_id[ref].get("name")) or ref if ref in self.metrics_by_id else ref
                            for ref in _texts(outcome.get("metrics"))]
            views.append(OutcomeView(
                id=_text(outcome.get("id")),
                number=number,
                title=title,
                description=description,
                polarity_key=polarity,
                polarity=t.enum("polarity", polarity) if polarity else "",
                important=what.get("important_to_stakeholders") is True,
                stakeholder=_text(who.get("stakeholder")),
                who=who_facts,
                how_much=how_much_facts,
                counterfactual=_text(contribution.get("counterfactual")),
                contribution=contribution_facts,
                contribution_note=_text(contribution.get("description")),
                risks=risks,
                abc=self.abc(outcome.get("abc")),
                goals=[goal(n, self.inputs.language) for n in goal_numbers],
                targets=targets,
                brede_welvaart=[t.enum("brede_welvaart", theme) for theme in _texts(outcome.get("brede_welvaart"))],
                evidence=self.evidence(outcome.get("evidence")),
                metrics=metric_names,
            ))
        return views

    def goals(self, outcomes: list[OutcomeView]) -> list[GoalView]:
        targets_by_goal: dict[int, set[str]] = {}
        for outcome in outcomes:
            for target in outcome.targets:
                number = goal_of_target(target)
                if number is not None:
                    targets_by_goal.setdefault(number, set()).add(target)
        return [GoalView(goal(number, self.inputs.language), sorted(targets, key=target_sort_key))
                for number, targets in sorted(targets_by_goal.items())]

    # -- claims ----------------------------------------------------------------------------

    def claims(self, outcomes: list[OutcomeView]) -> list[ClaimView]:
        t, fmt = self.t, self.fmt
        outcome_views = {view.id: view for view in outcomes if view.id}
        views = []
        for item in _items(self.data.get("claims")):
            claim = _mapping(item)
            if not claim:
                continue
            basis = _mapping(claim.get("basis"))
            basis_metrics = []
            for ref in _texts(basis.get("metrics")):
                metric = self.metrics_by_id.get(ref)
                if metric is None:
                    basis_metrics.append(BasisItem(ref, False, f"{ref}: {t('claim.missing_reference')}"))
                else:
                    name = _text(metric.get("name")) or ref
                    basis_metrics.append(BasisItem(ref, True, f"{name}: {self.metric_value(metric)}"))
            basis_outcomes = []
            levels = []
            for ref in _texts(basis.get("outcomes")):
                outcome = outcome_views.get(ref)
                if outcome is None:
                    basis_outcomes.append(BasisItem(ref, False, f"{ref}: {t('claim.missing_reference')}"))
                else:
                    basis_outcomes.append(BasisItem(ref, True, outcome.title))
                    if outcome.evidence.level is not None:
                        levels.append(outcome.evidence.level)
            verification = _mapping(claim.get("verification"))
            verification_status = _text(verification.get("status")) or "none"
            references = basis_metrics + basis_outcomes
            if not references:
                status = "unsubstantiated"
            elif not all(reference.resolved for reference in references):
                status = "incomplete"
            else:
                status = {"third-party": "verified", "second-party": "second_party"}.get(
                    verification_status, "self_declared")
            tone = {"unsubstantiated": "bad", "incomplete": "bad", "self_declared": "neutral",
                    "second_party": "fair", "verified": "good"}[status]
            verification_parts = [t.enum("verification", verification_status)]
            if _text(verification.get("by")):
                verification_parts.append(f"{t('claim.by')} {_text(verification.get('by'))}")
            if _text(verification.get("date")):
                verification_parts.append(f"{t('claim.on')} {fmt.date(_text(verification.get('date')))}")
            label_data = _mapping(claim.get("label"))
            label = _text(label_data.get("name"))
            if label and _text(label_data.get("scheme")):
                label += f"; {t('claim.label_scheme')}: {_text(label_data.get('scheme'))}"
            if label and _text(label_data.get("authority")):
                label += f"; {t('claim.label_authority')} {_text(label_data.get('authority'))}"
            future = _mapping(claim.get("future_commitment"))
            commitment = None
            if future:
                target_value, target_year = _number(future.get("target_value")), _integer(future.get("target_year"))
                target_text = ""
                if target_value is not None and target_year is not None:
                    target_text = t("claim.future_target", value=fmt.number(target_value), year=target_year)
                elif target_value is not None:
                    target_text = fmt.number(target_value)
                elif target_year is not None:
                    target_text = str(target_year)
                commitment = Commitment(target_text, _text(future.get("plan")), _text(future.get("verifier")))
            domain, scope = _text(claim.get("domain")), _text(claim.get("scope"))
            scope_text = t.enum("scope", scope) if scope else ""
            if _text(claim.get("scope_detail")):
                scope_text = f"{scope_text}: {_text(claim.get('scope_detail'))}" if scope_text else \
                    _text(claim.get("scope_detail"))
            level = max(levels) if levels else None
            views.append(ClaimView(
                id=_text(claim.get("id")),
                text=_text(claim.get("text")),
                domain=t.enum("domain", domain) if domain else "",
                scope=scope_text,
                status_key=status,
                status=t(f"claim_status.{status}"),
                tone=tone,
                basis_metrics=basis_metrics,
                basis_outcomes=basis_outcomes,
                evidence_level=level,
                evidence=f"{t('evidence.level', level=level)}: {t(f'evidence_level.{level}')}" if level else "",
                verification=" ".join(verification_parts),
                label=label,
                commitment=commitment,
                offsets=claim.get("offsets") is True,
            ))
        return views

    # -- summary ---------------------------------------------------------------------------

    def summary(self, claims: list[ClaimView], outcomes: list[OutcomeView], metrics: list[MetricView],
                goals: list[GoalView], mission: Mission) -> list[SummaryItem]:
        t = self.t
        substantiated = sum(1 for claim in claims if claim.status_key in ("self_declared", "second_party", "verified"))
        verified = sum(1 for claim in claims if claim.status_key == "verified")
        positive = sum(1 for outcome in outcomes if outcome.polarity_key == "positive")
        negative = sum(1 for outcome in outcomes if outcome.polarity_key == "negative")
        with_target = sum(1 for metric in metrics if metric.target)
        reached = sum(1 for metric in metrics if metric.progress.status == "reached")
        targets = sum(len(view.targets) for view in goals)
        levels = [outcome.evidence.level for outcome in outcomes if outcome.evidence.level is not None]
        items = [
            SummaryItem(t("summary.claims"), str(len(claims)),
                        t("summary.claims_detail", substantiated=substantiated, verified=verified)),
            SummaryItem(t("summary.outcomes"), str(len(outcomes)),
                        t("summary.outcomes_detail", positive=positive, negative=negative)),
            SummaryItem(t("summary.metrics"), str(len(metrics)),
                        t("summary.metrics_detail", with_target=with_target, reached=reached)),
            SummaryItem(t("summary.sdgs"), str(len(goals)), t("summary.sdgs_detail", targets=targets)),
            SummaryItem(t("summary.evidence"), f"{max(levels)}/5" if levels else "\u2013",
                        t("summary.evidence_detail")),
        ]
        return items


def _decimals(value: float | int) -> int:
    return 0 if float(value).is_integer() else 1
