"""Rules on numbers and dates: ranges, subgroups, claimed percentages, FTE and periods."""

from __future__ import annotations

import bisect
import datetime
import math
import re
from collections.abc import Iterator
from typing import ClassVar

from impactclaim.findings import Severity
from impactclaim.rules.base import Issue, Rule, label_of
from impactclaim.statement.model import Claim, Metric, Path, Statement, parse_date

# A percentage stated in a claim: "60%", "60 %", "7,2%", "60 procent", "60 percent", "60 per cent".
# Not inside a longer number ("2024/825"), and not "procentpunten" (percentage points are a
# difference, not a share that a metric could confirm).
_STATED_PERCENTAGE = re.compile(
    r"(?<![\w.,])(\d+(?:[.,]\d+)?)\s*(?:%|(?:procent|percent|per\s+cent)\b)", re.IGNORECASE)
# Half a percentage point either way: "60%" is confirmed by 59.5 up to 60.5.
_TOLERANCE = 0.5 + 1e-9
# How many basis percentages a message names; a claim may rest on thousands of metrics.
_MAX_LISTED = 10


def _show(value: float) -> str:
    """A number as people write it: 60 rather than 60.0, at most two decimals; 1e+20 when huge."""
    if not math.isfinite(value) or abs(value) >= 1e15:
        return f"{value:.6g}"
    return f"{value:.2f}".rstrip("0").rstrip(".")


_label = label_of


class RangeConsistency(Rule):
    """A percentage lies outside 0-100, a subgroup exceeds its total, or a claimed percentage contradicts its basis.

    Checks three things:

    - a percentage metric (``kind: percentage`` or unit ``%``) has its value, baseline value and
      target value between 0 and 100;
    - a metric with ``part_of`` (a subgroup, e.g. employees from the target group) has the same
      unit as the metric it is part of, and a value not above that total;
    - a claim that states a percentage ("60%", "60 procent") is confirmed by its basis: when the
      basis metrics include percentage metrics or subgroups (with ``part_of``; the total need not
      be in the basis), one of their values (value, baseline or target of a percentage metric, or
      100 × subgroup ÷ total) must match the stated number within half a percentage point.
      Percentage points ("procentpunten") are a difference, not a share, and are not checked.

    Why: the qualitative characteristics of information in EFRAG VSME ask for a faithful
    representation (complete, neutral, accurate), which figures that contradict each other are
    not. Schemes built on shares check them against the counts: the PSO-Prestatieladder Socialer
    Ondernemen gives its 30+ mark to employers of which at least 30% of the staff comes from the
    target group, so a claimed share that the headcounts do not support is a misleading claim.
    Contribution percentages (deadweight, attribution, ...) are already bounded by the schema.

    Failing example::

        metrics:
          - id: staff
            name: Employees on 31 December
            unit: people
            kind: count
            value: 20
          - id: staff-target-group
            name: Employees from the target group
            unit: people
            kind: count
            value: 5
            part_of: staff
        claims:
          - id: target-group-share
            text: 40% of our bakers came to us from social assistance.
            domain: social
            basis:
              metrics:
                - staff
                - staff-target-group

    Passing example::

        metrics:
          - id: staff
            name: Employees on 31 December
            unit: people
            kind: count
            value: 20
          - id: staff-target-group
            name: Employees from the target group
            unit: people
            kind: count
            value: 8
            part_of: staff
        claims:
          - id: target-group-share
            text: 40% of our bakers came to us from social assistance.
            domain: social
            basis:
              metrics:
                - staff
                - staff-target-group
    """

    code: ClassVar[str] = "IC114"
    slug: ClassVar[str] = "range-consistency"
    severity: ClassVar[Severity] = Severity.ERROR
    summary: ClassVar[str] = (
        "A percentage lies outside 0-100, a subgroup exceeds its total, or a claimed percentage contradicts its basis."
    )

    def check(self, statement: Statement) -> Iterator[Issue]:
        for metric in statement.metrics:
            if metric.is_percentage:
                yield from self._percentage_ranges(metric)
            total = statement.total_of(metric)
            if total is not None:
                yield from self._subgroup(metric, total)
        for claim in statement.claims:
            yield from self._claimed_percentages(statement, claim)

    def _percentage_ranges(self, metric: Metric) -> Iterator[Issue]:
        places = {"value": ((*metric.path, "value"), "value"),
                  "baseline": ((*metric.path, "baseline", "value"), "baseline value"),
                  "target": ((*metric.path, "target", "value"), "target value")}
        for name, value in metric.values():
            path, what = places[name]
            if value is not None and not 0 <= value <= 100:
                yield Issue(
                    path,
                    f"percentage {_label(metric, 'metric')} has {what} {_show(value)}, outside 0 to 100",
                    "write percentages as numbers from 0 to 100 (60, not 0.6 or 600); "
                    "if it is no share, change its kind and unit",
                )

    def _subgroup(self, metric: Metric, total: Metric) -> Iterator[Issue]:
        if not metric.same_unit(total):
            yield Issue(
                (*metric.path, "unit"),
                f"{_label(metric, 'metric')} is part of '{total.id}' but its unit "
                f"{metric.unit!r} differs from {total.unit!r}",
                "a subgroup is counted in the unit of its total; give both the same unit, "
                "or remove part_of if it is no subgroup",
            )
            return
        part, whole = metric.value, total.value
        if part is not None and whole is not None and part > whole:
            yield Issue(
                (*metric.path, "value"),
                f"subgroup {_label(metric, 'metric')} has value {_show(part)}, more than the "
                f"{_show(whole)} of '{total.id}' it is part of",
                "a part cannot exceed its total: check both values and their periods",
            )

    def _claimed_percentages(self, statement: Statement, claim: Claim) -> Iterator[Issue]:
        supported: list[tuple[float, str]] | None = None
        for where, text in claim.text.located():
            stated = [float(match.group(1).replace(",", ".")) for match in _STATED_PERCENTAGE.finditer(text)]
            if not stated:
                continue
            if supported is None:
                supported = self._supported_percentages(statement, claim)
            yield from self._contradicted(claim, where, stated, supported)

    def _contradicted(self, claim: Claim, where: Path, stated: list[float],
                      supported: list[tuple[float, str]]) -> Iterator[Issue]:
        if not supported:
            return  # nothing in the basis speaks about shares, so nothing can contradict the text
        values = sorted(value for value, _ in supported)
        shown = "; ".join(f"{_show(value)}% ({source})" for value, source in supported[:_MAX_LISTED])
        more = len(supported) - _MAX_LISTED
        basis = shown + (f" and {more:,} more" if more > 0 else "")
        for number in dict.fromkeys(stated):  # each stated number once, in order
            # The nearest supported values are the two around the number's place in sorted order.
            place = bisect.bisect_left(values, number)
            if any(abs(number - value) <= _TOLERANCE for value in values[max(place - 1, 0):place + 1]):
                continue
            yield Issue(
                where,
                f"{_label(claim, 'claim')} states {_show(number)}%, but its basis metrics give {basis}",
                "make the claim text and the metrics agree: correct the percentage in the text, or the "
                "values it is based on",
            )

    def _supported_percentages(self, statement: Statement, claim: Claim) -> list[tuple[float, str]]:
        """The percentages the claim's basis metrics back, each with where it comes from."""
        found: list[tuple[float, str]] = []
        for metric in statement.basis_metrics(claim):
            if metric.is_percentage:
                # The baseline and target count too: "from 46% to 31%" quotes both.
                for name, value in metric.values():
                    if value is not None and math.isfinite(value):
                        where = "" if name == "value" else f" {name}"
                        found.append((float(value), f"'{metric.id}'{where}"))
            total = statement.total_of(metric)
            if total is None or metric.is_percentage or not metric.same_unit(total):
                continue
            part, whole = metric.value, total.value
            if part is not None and whole and math.isfinite(part) and math.isfinite(whole):
                found.append((100 * part / whole, f"'{metric.id}' of '{total.id}'"))
        return found


class FteAboveHeadcount(Rule):
    """The organisation reports more FTE than employees.

    Checks that ``organisation.fte`` (full-time equivalents) is not greater than
    ``organisation.headcount`` (people on the payroll).

    Why: EFRAG VSME disclosure B8 reports the workforce as a headcount or in full-time
    equivalents, and both figures describe the same people at the same date. One employee is at
    most one FTE, so more FTE than employees usually means a typing error, figures of different
    dates, or hired staff counted in the FTE but not in the headcount. It can happen with
    structural overtime, hence a warning.

    Failing example::

        organisation:
          headcount: 12
          fte: 14.5

    Passing example::

        organisation:
          headcount: 12
          fte: 9.5
    """

    code: ClassVar[str] = "IC117"
    slug: ClassVar[str] = "fte-above-headcount"
    severity: ClassVar[Severity] = Severity.WARNING
    summary: ClassVar[str] = "The organisation reports more FTE than employees."

    def check(self, statement: Statement) -> Iterator[Issue]:
        fte, headcount = statement.organisation.fte, statement.organisation.headcount
        if fte is not None and headcount is not None and fte > headcount:
            yield Issue(
                ("organisation", "fte"),
                f"organisation.fte {_show(fte)} is more than organisation.headcount {_show(headcount)}",
                "check both figures: they should describe the same employees at the same date "
                "(the end of the reporting period)",
            )


class PeriodConsistency(Rule):
    """A period ends before it starts, or a date or year contradicts the reporting period.

    Checks, for the statement's dates:

    - ``reporting_period.end`` is not before its ``start``, and the same for a metric's ``period``;
    - a metric's ``period`` lies inside the reporting period;
    - a metric's ``target.year`` and a claim's ``future_commitment.target_year`` lie after the
      year in which the reporting period ends (a target is about the future);
    - a metric's ``baseline.year`` is not after that year (a baseline is about the past);
    - ``published`` is not before the end of the reporting period.

    Why: EFRAG VSME asks that the sustainability report covers the same reporting period as the
    financial statements, so every figure in it must be about that period; a value measured
    outside it says nothing about it. The ACM Leidraad Duurzaamheidsclaims and Directive (EU)
    2024/825 ask that claims about future performance come with a concrete commitment, which a
    target that already lies in the past is not.

    Failing example::

        metrics:
          - id: loaves
            name: Loaves baked
            unit: loaves
            kind: count
            value: 41000
            period:
              start: "2024-07-01"
              end: "2025-06-30"
            target:
              value: 50000
              year: 2025

    Passing example::

        metrics:
          - id: loaves
            name: Loaves baked
            unit: loaves
            kind: count
            value: 41000
            period:
              start: "2025-01-01"
              end: "2025-12-31"
            target:
              value: 50000
              year: 2027
    """

    code: ClassVar[str] = "IC115"
    slug: ClassVar[str] = "period-consistency"
    severity: ClassVar[Severity] = Severity.ERROR
    summary: ClassVar[str] = "A period ends before it starts, or a date or year contradicts the reporting period."

    def check(self, statement: Statement) -> Iterator[Issue]:
        period = statement.reporting_period
        start, end = (period.start_date, period.end_date) if period else (None, None)
        if start is not None and end is not None and end < start:
            yield Issue(
                ("reporting_period", "end"),
                f"reporting_period ends on {end} before it starts on {start}",
                "swap start and end, or correct the year",
            )
            # Containment in an impossible period would only repeat this problem.
            start = end = None
        for metric in statement.metrics:
            yield from self._metric_period(metric, start, end)
            if end is not None:
                yield from self._metric_years(metric, end.year)
        if end is None:
            return
        for claim in statement.claims:
            target_year = claim.future_commitment.target_year if claim.future_commitment else None
            if target_year is not None and target_year <= end.year:
                yield Issue(
                    (*claim.path, "future_commitment", "target_year"),
                    f"{_label(claim, 'claim')} commits to target year {target_year}, not after the reporting "
                    f"period that ends in {end.year}",
                    f"a commitment is about the future: use a year after {end.year}, or report the result "
                    "as a present claim",
                )
        published = parse_date(statement.published)
        if published is not None and published < end:
            yield Issue(
                ("published",),
                f"published {published} is before the end of the reporting period on {end}",
                "publish a statement after its reporting period has ended; correct the date or the period",
            )

    def _metric_period(self, metric: Metric, start: datetime.date | None,
                       end: datetime.date | None) -> Iterator[Issue]:
        first, last = (metric.period.start_date, metric.period.end_date) if metric.period else (None, None)
        label = _label(metric, "metric")
        if first is not None and last is not None and last < first:
            yield Issue(
                (*metric.path, "period", "end"),
                f"the period of {label} ends on {last} before it starts on {first}",
                "swap start and end, or correct the year",
            )
        if first is not None and start is not None and first < start:
            yield Issue(
                (*metric.path, "period", "start"),
                f"the period of {label} starts on {first}, before the reporting period starts on {start}",
                "report values for the reporting period only, or leave out period to mean the whole of it",
            )
        if last is not None and end is not None and last > end:
            yield Issue(
                (*metric.path, "period", "end"),
                f"the period of {label} ends on {last}, after the reporting period ends on {end}",
                "report values for the reporting period only, or leave out period to mean the whole of it",
            )

    def _metric_years(self, metric: Metric, end_year: int) -> Iterator[Issue]:
        label = _label(metric, "metric")
        target_year = metric.target.year if metric.target else None
        if target_year is not None and target_year <= end_year:
            yield Issue(
                (*metric.path, "target", "year"),
                f"the target of {label} is for {target_year}, not after the reporting period that ends in {end_year}",
                f"a target lies in the future: use a year after {end_year}, or report the reached value as value",
            )
        baseline_year = metric.baseline.year if metric.baseline else None
        if baseline_year is not None and baseline_year > end_year:
            yield Issue(
                (*metric.path, "baseline", "year"),
                f"the baseline of {label} is for {baseline_year}, after the reporting period that ends in {end_year}",
                "a baseline is a starting point: use the year it was measured, at or before the reporting period",
            )
