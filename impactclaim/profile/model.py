"""The view model of a profile: plain data, every label resolved, every number formatted.

The templates only lay out what this module computes, so everything a reader is told (progress
towards a target, whether a claim is substantiated, which SDGs are served) is decided here, in
Python that tests can reach. The builder reads the typed ``Statement`` only (never the raw data):
the readers have already turned whatever a draft holds into attributes, absent where the data
had the wrong shape, and the facts derived from them (claim status, evidence levels, whether a
metric is a percentage) come from the statement model. Free text is shown in the profile's
language, else in the statement's; the profile says so when a text is shown in another language.

How complete a statement is, is decided here too: which of the five dimensions of impact
(Impact Frontiers: what, who, how much, contribution, risk) each outcome describes
(:func:`outcome_dimensions`), and whether most of the profile would read "not reported"
(:func:`sparse_profile`, the render warning IC208).
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields

from impactclaim.codes import SPARSE_PROFILE
from impactclaim.findings import Finding, Severity, json_pointer
from impactclaim.i18n import _
from impactclaim.loader import Document
from impactclaim.profile.formatting import Formatter, parse_iso_date
from impactclaim.profile.labels import Labels
from impactclaim.profile.safety import Logo, web_link
from impactclaim.profile.sdg import Goal, goal, goal_of_target, target_sort_key
from impactclaim.statement.model import ClaimStatus, Metric, Outcome, Part, Statement, Text
from impactclaim.statement.model import Evidence as StatementEvidence

_RISK_ORDER = {"high": 0, "medium": 1, "low": 2}
_ASSURANCE_STRENGTH = {"none": 0, "self_assessed": 1, "peer_review": 2, "limited": 3, "reasonable": 4}


# --------------------------------------------------------------------------------------------
# Text as shown: stripped, with its bidi controls closed.

def _plain(value: str | None) -> str:
    """A value as the profile shows it; empty when the statement does not give it."""
    return closed_bidi(value.strip()) if value is not None else ""


def _plains(values: Iterable[str]) -> list[str]:
    return [text for text in (_plain(value) for value in values) if text]


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
    memberships_label: str = ""


@dataclass(frozen=True, slots=True)
class AbcClass:
    code: str
    name: str


@dataclass(frozen=True, slots=True)
class Mission:
    statement: str
    impact_areas: list[str]
    abc: AbcClass | None
    impact_areas_label: str = ""


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
    assumptions_label: str = ""

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
class DimensionMark:
    """One of the five dimensions of impact, and whether an outcome describes it."""

    key: str
    name: str
    described: bool
    label: str  # what a screen reader says: "Contribution: not described"


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
    dimensions: list[DimensionMark] = field(default_factory=list)
    dimensions_text: str = ""
    sdgs_label: str = ""


@dataclass(frozen=True, slots=True)
class GoalView:
    goal: Goal
    targets: list[str]
    targets_label: str = ""


@dataclass(frozen=True, slots=True)
class Completeness:
    """How much of the five dimensions of impact the outcomes describe, for the overview."""

    described: int
    possible: int
    text: str  # "13 of 15 dimensions described"
    detail: str
    sparse: bool  # most of the profile reads "not reported" (IC208)
    sparse_note: str


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
    completeness: Completeness | None = None
    language_note: str = ""  # set when some texts are shown in another language than the profile's


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


def build_profile(statement: Statement, inputs: ProfileInputs) -> Profile:
    """The view model of ``statement`` in ``inputs.language``."""
    return _Builder(statement, inputs).build()


def statement_id(statement: Statement) -> str:
    """The ``id`` of the statement, or its KvK number and reporting period when it has none."""
    given = _plain(statement.id)
    if given:
        return given
    kvk = _plain(statement.organisation.kvk_number) or "?"
    period = statement.reporting_period
    start, end = (_plain(period.start), _plain(period.end)) if period else ("", "")
    return f"KvK {kvk}, {start}/{end}"


def document_date(statement: Statement, source_date_epoch: str | None) -> datetime.date:
    """The one date of a rendered profile: SOURCE_DATE_EPOCH, else published, else the period end.

    Rendering reads no clock, so the same statement always gives the same bytes.
    """
    if source_date_epoch is not None and source_date_epoch.strip().isdigit():
        return datetime.datetime.fromtimestamp(int(source_date_epoch), datetime.UTC).date()
    period = statement.reporting_period
    for candidate in (statement.published, period.end if period else None):
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


def _blank(part: Part) -> bool:
    """Whether nothing of a part could be read (``{}``, or only keys of the wrong type): not shown."""
    for item in fields(part):
        if item.name == "path":
            continue
        value = getattr(part, item.name)
        if isinstance(value, Text):
            if value.variants:
                return False
        elif value is not None and value != ():
            return False
    return True


# --------------------------------------------------------------------------------------------
# Completeness: the five dimensions of impact.

# Impact Frontiers (formerly the Impact Management Project): what outcome, for whom, how much,
# the enterprise's contribution, and the risk that the impact is not what was expected.
DIMENSIONS: tuple[str, ...] = ("what", "who", "how_much", "contribution", "risk")


def outcome_dimensions(outcome: Outcome) -> dict[str, bool]:
    """Which of the five dimensions ``outcome`` describes: what the profile shows for it, not "–".

    What: a description. Who: a stakeholder, the size of the group, whether it is underserved, or
    its starting situation. How much: scale, depth or duration, or a metric that measures it.
    Contribution: a counterfactual, a share (deadweight, attribution, displacement, drop-off) or
    a description. Risk: at least one risk with a type or a level.
    """
    what, who, how_much, contribution = outcome.what, outcome.who, outcome.how_much, outcome.contribution
    return {
        "what": bool(what.description),
        "who": bool(who.stakeholder) or who.size is not None or who.underserved is not None or bool(who.baseline),
        "how_much": bool(how_much.scale) or bool(how_much.depth) or bool(how_much.duration)
                    or any(_plain(ref.value) for ref in outcome.metrics or ()),
        "contribution": bool(contribution.counterfactual) or bool(contribution.description)
                        or any(share is not None for _, share in contribution.shares()),
        "risk": any(_plain(risk.type) or _plain(risk.level) for risk in outcome.risks or ()),
    }


@dataclass(frozen=True, slots=True)
class Sparseness:
    """How few of the five dimensions of impact a statement describes (render warning IC208)."""

    outcomes: int
    described: int  # dimensions described, over all outcomes
    possible: int  # five per outcome, and five for a statement without outcomes


def sparse_profile(statement: Statement) -> Sparseness | None:
    """Why most of the profile of ``statement`` would read "not reported" (IC208), or None.

    "Most" is: the outcomes describe fewer than half of the five dimensions of impact on
    average, that is fewer than 2.5 of what, who, how much, contribution and risk per outcome
    (see :func:`outcome_dimensions`). A statement without outcomes describes none of the five.
    This is the overview's completeness line ("2 of 5 dimensions described") below one half.
    """
    outcomes = list(statement.outcomes)
    described = sum(sum(outcome_dimensions(outcome).values()) for outcome in outcomes)
    possible = len(DIMENSIONS) * max(1, len(outcomes))
    return Sparseness(len(outcomes), described, possible) if described * 2 < possible else None


def sparse_profile_findings(document: Document, statement: Statement) -> list[Finding]:
    """The render warning IC208 when most of the profile of the statement would read "not reported"."""
    sparseness = sparse_profile(statement)
    if sparseness is None:
        return []
    hint = _("describe each outcome along the five dimensions (what, who, how much, contribution, risk); "
             "'impactclaim explain IC208' says what counts")
    if sparseness.outcomes == 0:
        line, column = document.source_map.value_position([])
        message = _("the statement describes no outcomes, so the profile shows none of the five dimensions of "
                    "impact")
        return [Finding(document.path, line, column, "", SPARSE_PROFILE.code, Severity.WARNING, message, hint)]
    line, column = document.source_map.key_position(["outcomes"])
    if sparseness.outcomes == 1:
        message = _("the outcome describes {described} of its 5 dimensions of impact, fewer than half")
    else:
        message = _("the {count} outcomes describe {described} of their {possible} dimensions of impact, fewer "
                    "than half")
    message = message.format(count=sparseness.outcomes, described=sparseness.described, possible=sparseness.possible)
    return [Finding(document.path, line, column, json_pointer(["outcomes"]), SPARSE_PROFILE.code, Severity.WARNING,
                    message, hint)]


_CLAIM_TONES = {ClaimStatus.UNSUBSTANTIATED: "bad", ClaimStatus.INCOMPLETE: "bad", ClaimStatus.SELF_DECLARED: "neutral",
                ClaimStatus.SECOND_PARTY: "fair", ClaimStatus.VERIFIED: "good"}


class _Builder:
    def __init__(self, statement: Statement, inputs: ProfileInputs) -> None:
        self.statement = statement
        self.inputs = inputs
        self.t = Labels(inputs.language)
        self.fmt = Formatter(self.t)
        self.other_languages: set[str] = set()  # languages of texts shown because the profile's was missing

    def text(self, text: Text) -> str:
        """Free text in the profile's language, else in the statement's; notes any other language shown."""
        shown = _plain(text.get(self.inputs.language, fallback=self.statement.language))
        if shown:
            language = self.language_of(text)
            if language is not None and language != self.inputs.language:
                self.other_languages.add(language)
        return shown

    def language_of(self, text: Text) -> str | None:
        """The language of what ``Text.get`` picks for the profile: as it picks, in the same order.

        A plain string is in the statement's language; None when that language is not known.
        """
        given = dict(text.variants)
        for wanted in (self.inputs.language, "", self.statement.language):
            if wanted is not None and wanted in given:
                return wanted or self.statement.language
        return (text.variants[0][0] or self.statement.language) if text.variants else None

    def language_note(self) -> str:
        """The note that some texts are shown in another language, or "" when every text is in the profile's."""
        names = [self.t.enum("language", language) for language in sorted(self.other_languages)]
        if not names:
            return ""
        shown = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {self.t('word.and')} {names[-1]}"
        return self.t("document.language_note", languages=shown)

    def texts(self, texts: Iterable[Text]) -> list[str]:
        return [text for text in (self.text(item) for item in texts) if text]

    # -- whole profile ---------------------------------------------------------------------

    def build(self) -> Profile:
        t, statement = self.t, self.statement
        name = _plain(statement.organisation.name) or "?"
        header = self.header(name)
        outcomes = self.outcomes()
        metrics = self.metrics()
        claims = self.claims()
        goals = self.goals(outcomes)
        risks = sorted((risk for outcome in outcomes for risk in outcome.risks),
                       key=lambda r: (_RISK_ORDER.get(r.level_key, 3), r.outcome_number))
        period = statement.title_period()
        mission = self.mission()
        theory_of_change = self.theory_of_change()
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
            summary=self.summary(claims, outcomes, metrics, goals),
            mission=mission,
            theory_of_change=theory_of_change,
            claims=claims,
            outcomes=outcomes,
            metrics=metrics,
            goals=goals,
            risks=risks,
            footer=Footer(statement_id(statement), _plain(statement.schema_version) or "?",
                          self.inputs.tool_version),
            findings=[FindingView(f.severity.value, f.code, f.line, f.column, closed_bidi(f.message), f.pointer)
                      for f in self.inputs.findings] if self.inputs.draft else [],
            completeness=self.completeness(outcomes),
            language_note=self.language_note(),  # last: every text has been chosen by now
        )

    # -- header ----------------------------------------------------------------------------

    def header(self, name: str) -> Header:
        t, fmt = self.t, self.fmt
        organisation = self.statement.organisation
        period = self.statement.reporting_period
        legal_form = _plain(organisation.legal_form)
        province = _plain(organisation.province)
        location = ", ".join(part for part in (
            _plain(organisation.municipality), t.enum("province", province) if province else "") if part)
        facts: list[Fact] = []
        headcount, fte = organisation.headcount, organisation.fte
        if headcount is not None or fte is not None:
            people = fmt.number(headcount) if headcount is not None else ""
            if fte is not None:
                fte_text = fmt.quantity(fte, t("header.fte"))  # "27,5 fte", kept together as "48.000 kg" is
                people = f"{people} ({fte_text})" if people else fte_text
            facts.append(Fact(t.count("header.headcount", headcount if headcount is not None else 0), people))
        if organisation.founded is not None:
            facts.append(Fact(t("header.founded"), str(organisation.founded)))
        nace = _plains(organisation.nace_codes)
        if nace:
            facts.append(Fact(t.count("header.nace", len(nace)), ", ".join(nace)))
        in_articles = organisation.mission_in_articles
        if in_articles is not None:
            facts.append(Fact(t("header.mission_in_articles"), t("word.yes") if in_articles else t("word.no")))
        website = _plain(organisation.website)
        if website:
            facts.append(Fact(t("header.website"), website, Link(website, web_link(website))))
        memberships = []
        for membership in organisation.memberships:
            scheme = _plain(membership.scheme)
            label = _plain(membership.name) or (t.enum("membership", scheme) if scheme else "")
            if not label:
                continue
            level = _plain(membership.level)
            since = _plain(membership.since)
            parts = [label]
            if level:
                parts.append(f"{t('header.level')} {level}")
            if since:
                parts.append(f"{t('header.since')} {fmt.date(since)}")
            memberships.append(", ".join(parts))
        given = self.statement.assurance
        assurance = None
        if given is not None:
            assurance_level = _plain(given.level) or "none"
            assurance = Assurance(assurance_level, t.enum("assurance", assurance_level),
                                  _ASSURANCE_STRENGTH.get(assurance_level, 0), _plain(given.provider),
                                  fmt.date(_plain(given.date)), self.text(given.statement))
        return Header(
            name=name,
            trade_name=_plain(organisation.trade_name),
            kvk=_plain(organisation.kvk_number),
            legal_form=t.enum("legal_form", legal_form) if legal_form else "",
            location=location,
            period=fmt.period(_plain(period.start), _plain(period.end)) if period else "",
            published=fmt.date(_plain(self.statement.published)),
            assurance=assurance,
            facts=facts,
            memberships=memberships,
            logo=self.inputs.logo,
            logo_alt=t("header.logo_alt", organisation=name),
            memberships_label=t.count("header.memberships", len(memberships)),
        )

    # -- mission and theory of change ------------------------------------------------------

    def abc(self, value: str | None) -> AbcClass | None:
        code = _plain(value)
        return AbcClass(code, self.t.enum("abc", code)) if code else None

    def mission(self) -> Mission:
        mission = self.statement.mission
        areas = [self.t.enum("impact_area", area) for area in _plains(mission.impact_areas)]
        return Mission(self.text(mission.statement), areas, self.abc(mission.abc),
                       self.t.count("mission.impact_areas", len(areas)))

    def theory_of_change(self) -> TheoryOfChange:
        toc = self.statement.theory_of_change
        steps = [ChainStep(key, self.t(f"toc.{key}"), self.texts(items)) for key, items in toc.chain()]
        steps = [step for step in steps if step.items]
        assumptions = self.texts(toc.assumptions)
        return TheoryOfChange(self.text(toc.problem), steps, self.text(toc.impact), assumptions,
                              self.t.count("toc.assumptions", len(assumptions)))

    # -- metrics ---------------------------------------------------------------------------

    def metric_value(self, metric: Metric) -> str:
        return self.fmt.quantity(metric.value, _plain(metric.unit)) if metric.value is not None else "?"

    def metrics(self) -> list[MetricView]:
        t, fmt = self.t, self.fmt
        views = []
        for metric in self.statement.metrics:
            if _blank(metric):
                continue
            unit = _plain(metric.unit)
            value = metric.value
            baseline = metric.baseline.value if metric.baseline else None
            target = metric.target.value if metric.target else None
            baseline_year = metric.baseline.year if metric.baseline else None
            target_year = metric.target.year if metric.target else None
            period = metric.period
            iris_id, vsme_ref = _plain(metric.iris_id), _plain(metric.vsme_ref)
            references = [text for text in (iris_id and f"IRIS+ {iris_id}", vsme_ref and f"VSME {vsme_ref}") if text]
            part_of = _plain(metric.part_of.value) if metric.part_of else ""
            total = self.statement.total_of(metric)
            part_of_name = (self.text(total.name) if total else "") or part_of
            progress, chart = self.progress(value, baseline, target, unit, metric.is_percentage)
            views.append(MetricView(
                id=_plain(metric.id),
                name=self.text(metric.name) or _plain(metric.id) or "?",
                value=self.metric_value(metric),
                baseline=fmt.quantity(baseline, unit) if baseline is not None else "",
                baseline_year=str(baseline_year) if baseline_year is not None else "",
                target=fmt.quantity(target, unit) if target is not None else "",
                target_year=str(target_year) if target_year is not None else "",
                period=fmt.period(_plain(period.start), _plain(period.end)) if period else "",
                estimated=metric.estimated is True,
                method=self.text(metric.method),
                data_source=self.text(metric.data_source),
                references=references,
                part_of=f"{t('metric.part_of')} {part_of_name}" if part_of else "",
                progress=progress,
                chart=chart,
            ))
        return views

    def progress(self, value: float | None, baseline: float | None, target: float | None,
                 unit: str, percentage: bool) -> tuple[Progress, Chart | None]:
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
        position, base, goal_position, start = chart_positions(value, baseline, target, percentage)
        tone = {"reached": "good", "progressing": "good", "moving_away": "bad"}.get(status, "neutral")
        label = t("metric.chart_label",
                  baseline=fmt.quantity(baseline, unit) if baseline is not None else t("word.none"),
                  value=fmt.quantity(value, unit),
                  target=fmt.quantity(target, unit) if target is not None else t("word.none"))
        return progress, Chart(position, base, goal_position, start, tone, label)

    # -- outcomes --------------------------------------------------------------------------

    def outcome_title(self, outcome: Outcome) -> str:
        return (self.text(outcome.what.description) or _plain(outcome.id)
                or self.t("outcome.number", number=outcome.number))

    def evidence(self, evidence: StatementEvidence) -> Evidence:
        t = self.t
        level = evidence.known_level
        sources = []
        for source in evidence.sources:
            title = _plain(source.title)
            if not title:
                continue
            url = _plain(source.url)
            sources.append(SourceView(title, _plain(source.publisher),
                                      str(source.year) if source.year is not None else "",
                                      source.independence, Link(url, web_link(url)) if url else None))
        return Evidence(level,
                        t("evidence.level", level=level) if level is not None else "",
                        t(f"evidence_level.{level}") if level is not None else "",
                        sources)

    def outcomes(self) -> list[OutcomeView]:
        t, fmt = self.t, self.fmt
        views = []
        for outcome in self.statement.outcomes:
            what, who, how_much = outcome.what, outcome.who, outcome.how_much
            polarity = _plain(what.polarity)
            description = self.text(what.description)
            who_facts = []
            if who.size is not None:
                who_facts.append(Fact(t("outcome.group_size"), fmt.number(who.size)))
            if who.underserved is not None:
                who_facts.append(Fact(t("outcome.underserved"), t("word.yes") if who.underserved else t("word.no")))
            who_baseline = self.text(who.baseline)
            if who_baseline:
                who_facts.append(Fact(t("outcome.baseline"), who_baseline))
            how_much_facts = [Fact(t(f"outcome.{key}"), text) for key, text in (
                ("scale", self.text(how_much.scale)), ("depth", self.text(how_much.depth)),
                ("duration", self.text(how_much.duration))) if text]
            contribution_facts = [Fact(t(f"outcome.{key}"), fmt.percent(share, _decimals(share)))
                                  for key, share in outcome.contribution.shares() if share is not None]
            title = self.outcome_title(outcome)
            risks = []
            for risk in outcome.risks or ():
                risk_type, level = _plain(risk.type), _plain(risk.level)
                if not risk_type and not level:
                    continue
                risks.append(RiskView(outcome.number, title, t.enum("risk_type", risk_type), level,
                                      t.enum("risk_level", level), self.text(risk.mitigation)))
            targets = sorted({target for target in _plains(ref.value for ref in outcome.sdg_targets)
                              if goal_of_target(target) is not None}, key=target_sort_key)
            goal_numbers = sorted({number for number in (goal_of_target(target) for target in targets)
                                   if number is not None})
            metric_names = []
            for ref in outcome.metrics or ():
                name = _plain(ref.value)
                if not name:
                    continue
                metric = self.statement.metrics_by_id.get(ref.value)
                metric_names.append((self.text(metric.name) if metric else "") or name)
            dimensions = [DimensionMark(key, t(f"outcome.{key}"), described,
                                        t("completeness.mark_on" if described else "completeness.mark_off",
                                          dimension=t(f"outcome.{key}")))
                          for key, described in outcome_dimensions(outcome).items()]
            views.append(OutcomeView(
                id=_plain(outcome.id),
                number=outcome.number,
                title=title,
                description=description,
                polarity_key=polarity,
                polarity=t.enum("polarity", polarity) if polarity else "",
                important=what.important_to_stakeholders is True,
                stakeholder=self.text(who.stakeholder),
                who=who_facts,
                how_much=how_much_facts,
                counterfactual=self.text(outcome.contribution.counterfactual),
                contribution=contribution_facts,
                contribution_note=self.text(outcome.contribution.description),
                risks=risks,
                abc=self.abc(outcome.abc),
                goals=[goal(n, self.inputs.language) for n in goal_numbers],
                targets=targets,
                brede_welvaart=[t.enum("brede_welvaart", theme) for theme in _plains(outcome.brede_welvaart)],
                evidence=self.evidence(outcome.evidence),
                metrics=metric_names,
                dimensions=dimensions,
                dimensions_text=t("completeness.described", described=sum(m.described for m in dimensions),
                                  possible=len(dimensions)),
                sdgs_label=t.count("outcome.sdgs", len(targets)),
            ))
        return views

    def goals(self, outcomes: list[OutcomeView]) -> list[GoalView]:
        targets_by_goal: dict[int, set[str]] = {}
        for outcome in outcomes:
            for target in outcome.targets:
                number = goal_of_target(target)
                if number is not None:
                    targets_by_goal.setdefault(number, set()).add(target)
        return [GoalView(goal(number, self.inputs.language), sorted(targets, key=target_sort_key),
                         self.t.count("sdg.targets", len(targets)))
                for number, targets in sorted(targets_by_goal.items())]

    # -- claims ----------------------------------------------------------------------------

    def claims(self) -> list[ClaimView]:
        t, fmt, statement = self.t, self.fmt, self.statement
        views = []
        for claim in statement.claims:
            if _blank(claim):
                continue
            basis_metrics = []
            for ref in claim.basis.metrics if claim.basis else ():
                metric = statement.metrics_by_id.get(ref.value)
                shown = _plain(ref.value)
                if metric is None:
                    basis_metrics.append(BasisItem(shown, False, f"{shown}: {t('claim.missing_reference')}"))
                else:
                    name = self.text(metric.name) or shown
                    basis_metrics.append(BasisItem(shown, True, f"{name}: {self.metric_value(metric)}"))
            basis_outcomes = []
            for ref in claim.basis.outcomes if claim.basis else ():
                outcome = statement.outcomes_by_id.get(ref.value)
                shown = _plain(ref.value)
                if outcome is None:
                    basis_outcomes.append(BasisItem(shown, False, f"{shown}: {t('claim.missing_reference')}"))
                else:
                    basis_outcomes.append(BasisItem(shown, True, self.outcome_title(outcome)))
            status = statement.claim_status(claim)
            verification_status = claim.verification_status
            verification_parts = [t.enum("verification", verification_status)]
            verification = claim.verification
            verified_by = _plain(verification.by) if verification else ""
            verified_on = _plain(verification.date) if verification else ""
            if verified_by:
                verification_parts.append(f"{t('claim.by')} {verified_by}")
            if verified_on:
                verification_parts.append(f"{t('claim.on')} {fmt.date(verified_on)}")
            label = ""
            if claim.label is not None:
                label = _plain(claim.label.name)
                scheme, authority = _plain(claim.label.scheme), _plain(claim.label.authority)
                if label and scheme:
                    label += f"; {t('claim.label_scheme')}: {scheme}"
                if label and authority:
                    label += f"; {t('claim.label_authority')} {authority}"
            future = claim.future_commitment
            commitment = None
            if future is not None and not _blank(future):
                target_value, target_year = future.target_value, future.target_year
                target_text = ""
                if target_value is not None and target_year is not None:
                    target_text = t("claim.future_target", value=fmt.number(target_value), year=target_year)
                elif target_value is not None:
                    target_text = fmt.number(target_value)
                elif target_year is not None:
                    target_text = str(target_year)
                commitment = Commitment(target_text, self.text(future.plan), _plain(future.verifier))
            domain, scope = _plain(claim.domain), _plain(claim.scope)
            scope_text = t.enum("scope", scope) if scope else ""
            scope_detail = self.text(claim.scope_detail)
            if scope_detail:
                scope_text = f"{scope_text}: {scope_detail}" if scope_text else scope_detail
            level = statement.claim_evidence_level(claim)
            views.append(ClaimView(
                id=_plain(claim.id),
                text=self.text(claim.text),
                domain=t.enum("domain", domain) if domain else "",
                scope=scope_text,
                status_key=status.value,
                status=t(f"claim_status.{status.value}"),
                tone=_CLAIM_TONES[status],
                basis_metrics=basis_metrics,
                basis_outcomes=basis_outcomes,
                evidence_level=level,
                evidence=f"{t('evidence.level', level=level)}: {t(f'evidence_level.{level}')}" if level else "",
                verification=" ".join(verification_parts),
                label=label,
                commitment=commitment,
                offsets=claim.offsets is True,
            ))
        return views

    # -- summary ---------------------------------------------------------------------------

    def summary(self, claims: list[ClaimView], outcomes: list[OutcomeView], metrics: list[MetricView],
                goals: list[GoalView]) -> list[SummaryItem]:
        t = self.t
        substantiated = sum(1 for claim in claims if ClaimStatus(claim.status_key).substantiated)
        verified = sum(1 for claim in claims if claim.status_key == ClaimStatus.VERIFIED)
        positive = sum(1 for outcome in outcomes if outcome.polarity_key == "positive")
        negative = sum(1 for outcome in outcomes if outcome.polarity_key == "negative")
        with_target = sum(1 for metric in metrics if metric.target)
        reached = sum(1 for metric in metrics if metric.progress.status == "reached")
        targets = sum(len(view.targets) for view in goals)
        level = self.statement.evidence_level
        items = [
            SummaryItem(t.count("summary.claims", len(claims)), str(len(claims)),
                        t("summary.claims_detail", substantiated=substantiated, verified=verified)),
            SummaryItem(t.count("summary.outcomes", len(outcomes)), str(len(outcomes)),
                        t("summary.outcomes_detail", positive=positive, negative=negative)),
            SummaryItem(t.count("summary.metrics", len(metrics)), str(len(metrics)),
                        f"{t.count('summary.metrics_with_target', with_target, number=with_target)}, "
                        f"{t.count('summary.metrics_reached', reached, number=reached)}"),
            SummaryItem(t.count("summary.sdgs", len(goals)), str(len(goals)),
                        t.count("summary.sdgs_detail", targets, targets=targets)),
            SummaryItem(t("summary.evidence"), f"{level}/5" if level is not None else "\u2013",
                        t("summary.evidence_detail")),
        ]
        return items

    def completeness(self, outcomes: list[OutcomeView]) -> Completeness:
        t = self.t
        described = sum(mark.described for outcome in outcomes for mark in outcome.dimensions)
        possible = len(DIMENSIONS) * max(1, len(outcomes))  # no outcome: none of the five is described
        sparse = described * 2 < possible  # as sparse_profile decides for IC208
        return Completeness(described, possible, t("completeness.described", described=described, possible=possible),
                            t("completeness.detail"), sparse, t("completeness.sparse") if sparse else "")


def _decimals(value: float | int) -> int:
    return 0 if float(value).is_integer() else 1
