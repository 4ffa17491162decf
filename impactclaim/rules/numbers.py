"""Rules on numbers and dates: ranges, subgroups, claimed percentages, FTE and periods."""

from __future__ import annotations

import bisect
import datetime
import itertools
import math
import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import ClassVar

from impactclaim.findings import Severity
from impactclaim.i18n import N_, _, ngettext, number
from impactclaim.precompiled import regex
from impactclaim.rules.base import Issue, Rule, label_of, located_texts
from impactclaim.rules.text import (
    FRACTION_PATTERN,
    STEM,
    Fraction,
    claim_index,
    counts,
    fractions,
    joined,
    may_match,
    metric_detail_index,
    metric_name_index,
    names_the_part_by_name,
    percentages,
    phrases,
    sentences,
    show_number,
    speaks_of_percentages,
    without_dates,
)
from impactclaim.rules.text import number as written_number
from impactclaim.statement.model import Claim, Metric, Path, Statement, Text, parse_date

# A percentage stated in a claim: "60%", "60 %", "7,2%", "60 procent", "60 percent", "60 per cent".
# Not inside a longer number ("2024/825"), and not "procentpunten" (percentage points are a
# difference, not a share that a metric could confirm).
_STATED_PERCENTAGE = regex(
    r"(?<![\w.,])(\d+(?:[.,]\d+)?)\s*(?:%|(?:procent|percent|per\s+cent)\b)", re.IGNORECASE)
# Half a percentage point either way: "60%" is confirmed by 59.5 up to 60.5.
_TOLERANCE = 0.5 + 1e-9
# How many basis percentages a message names; a claim may rest on thousands of metrics.
_MAX_LISTED = 10
# Where a basis percentage comes from, by the name of the metric's value it is: "60% ('jobs' baseline)".
_SOURCES = {"value": N_("'{metric}'"), "baseline": N_("'{metric}' baseline"), "target": N_("'{metric}' target")}


# A figure of something else beside the headline figure: a comparison group, an average, a
# benchmark ("72% had werk, tegen 41% in de vergelijkingsgroep"); its basis is not the claim's.
_COMPARISON_CONTEXT = regex(
    r"\b(?:tegen(?:over)?|versus|vs\.?|vergeleken met|ten opzichte van|t\.o\.v\.|in vergelijking met|dan"
    r"|vergelijkingsgroep\w*|controlegroep\w*|landelijk\w*|gemiddel\w*|against|compared (?:to|with)|than"
    r"|comparison group|control group|national(?:ly)?|average|benchmark\w*|sector|branche|vergelijkbare?"
    r"|comparable|wachtlijst\w*|waiting list\w*|niet-deelnemers|non-participants"
    r"|zonder (?:ons|onze|traject|begeleiding)"
    r"|without (?:us|our|the programme|support)|regio|region|elders|elsewhere"
    # the figure a change started from: "296 of our 318 pupils, up from 64% in 2022"
    r"|up from|down from"
    # what the law asks, beside what the enterprise does: "9% vakantiegeld in plaats van de wettelijke 8%"
    r"|in plaats van|instead of|rather than|wettelijk\w*|statutory|legal(?:ly)?|cao"
    # what a buyer or the law demands of everyone: "de gemeente vraagt 5% social return, wij haalden 11%"
    r"|vraagt|vragen|eist|eisen|vereist\w*|verplicht\w*|requires?|required|requirement|demands?|asks? for"
    # the response to a survey is no result of the work either: "een respons van 83%"
    r"|respons\w*|response\w*|responded|uitgenodigd\w*|invited|ingevuld|invulden|answered)\b",
    re.IGNORECASE)
_CLAUSE_BREAK = regex(r"[;:()]|,(?!\d)|\s[-–]\s|\b(?:en|and|maar|but|terwijl|while|whereas)\b")


def _clause(text: str, position: int) -> str:
    before = text[max(0, position - 80):position]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    start = breaks[-1].end() if breaks else 0
    following = _CLAUSE_BREAK.search(text, position)
    end = following.start() if following else len(text)
    return before[start:] + text[position:end]


def _comparison_figure(text: str, position: int, first_year: int | None = None, mid_year: bool = False) -> bool:
    """Whether the figure at ``position`` stands in a clause about a comparison rather than the claim itself."""
    return bool(_COMPARISON_CONTEXT.search(_clause(text, position))) or _outside_figure(text, position, first_year,
                                                                                         mid_year)


# A figure that a named outside source gives for others, dated: "In de Schilderswijk had volgens de
# Haagse Jeugdmonitor 2024 31% van de tienjarigen geen zwemdiploma", "In the CBS cohort study of 2024,
# 58% of status holders ...". A sentence in which the enterprise speaks of itself ("we", "onze") is
# left to the checks above: "volgens ons onderzoek van 2024 haalde 75% ..." is its own result.
_SENTENCE = regex(r"(?:[^.!?]|[.,](?=\d))*(?:[.!?]|$)")  # "1.240 kg" and "3.5%" do not end a sentence
# A clause after a semicolon that only says how far the figures compare: "(Jeugdmonitor Den Haag 2024);
# omdat een van onze lessen onder schooltijd valt, zijn die cijfers niet zonder meer vergelijkbaar".
_CAVEAT_CLAUSE = regex(r";[^;]*\b(?:vergelijkbaar|vergelijken|comparable|compare|comparison)\b[^;]*", re.IGNORECASE)
_YEAR = regex(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_OUTSIDE_SOURCE = regex(
    r"\b(?:volgens|according to|\w*monitor\w*|cbs|rivm|ggd|uwv|nibud|\w*onderzoek van|\w*cohortonderzoek"
    r"|cohort study|statisti\w*|cijfers van|figures (?:of|from)|kerncijfers|factsheet)\b", re.IGNORECASE)
_PUBLIC_MONITOR = regex(r"\b(?:\w*monitor\w*|cbs|rivm|ggd|uwv|nibud|kerncijfers)\b", re.IGNORECASE)
_FIRST_PERSON = regex(r"\b(?:we|wij|our|ours|us|onze?|ons|ik|mijn|my)\b", re.IGNORECASE)


def _outside_figure(text: str, position: int, first_year: int | None = None, mid_year: bool = False) -> bool:
    """Whether the figure at ``position`` stands in a sentence that gives a dated outside source's figure for others.

    With ``first_year`` (the reporting period's), the source must be of an earlier year; a
    monitor's or statistics office's may be of that year when the period starts after January.
    """
    if _OUTSIDE_SOURCE.search(text) is None:
        return False
    starts, ends = _outside_sentences(text, first_year, mid_year)
    place = bisect.bisect_right(starts, position) - 1
    return place >= 0 and position < ends[place]


@lru_cache(maxsize=64)
def _outside_sentences(text: str, first_year: int | None, mid_year: bool = False) -> tuple[list[int], list[int]]:
    """The starts and ends of the sentences of ``text`` that give a dated outside source's figure for others.

    Worked out once per text: a claim may hold thousands of percentages.
    """
    starts: list[int] = []
    ends: list[int] = []
    for sentence in _SENTENCE.finditer(text):
        words = sentence.group()
        dated = [int(year.group()) for year in _YEAR.finditer(words)]
        # A monitor or statistics office of the year the period starts in, for a school year 2024-2025,
        # is the outside world's figure; "volgens het rapport over 2025" may be the enterprise's own.
        latest = first_year if first_year is not None and mid_year and _PUBLIC_MONITOR.search(words) \
            else (first_year or 0) - 1
        earlier = any(year <= latest for year in dated) if first_year is not None else bool(dated)
        speaking = _CAVEAT_CLAUSE.sub("", words)
        if earlier and _OUTSIDE_SOURCE.search(words) is not None and not _FIRST_PERSON.search(speaking):
            starts.append(sentence.start())
            ends.append(max(sentence.end(), sentence.start() + 1))
    return starts, ends


# What a stated percentage asserts: exactly that share, or a bound or a range the basis must fall in.
# "minstens 30%" holds for 33%; "voor zilver is 50 tot 95% nodig" for 63%; "de overige 59%" is the
# rest of 41%.
_AT_LEAST = regex(r"\b(?:minstens|ten minste|tenminste|minimaal|at least|no less than|niet minder dan)\s*$",
                  re.IGNORECASE)
_AT_MOST = regex(r"\b(?:hooguit|hoogstens|maximaal|ten hoogste|at most|no more than|niet meer dan)\s*$",
                 re.IGNORECASE)
# "steeg van 20 tot 95%" is a change, not a range
_CHANGE_FROM = regex(r"\b(?:van|from)\s*$", re.IGNORECASE)
_RANGE_START = regex(r"(?<![\w.,])(\d+(?:[.,]\d+)?)\s*%?\s*(?:tot(?:\s+en\s+met)?|to|à|-|–|and|en)\s*$",
                     re.IGNORECASE)
_ABOVE_REFERENCE = regex(r"\s*(?:boven|above|hoger dan|higher than|meer dan|more than"
                         # a price cut or a rate, not a share of people: "met 25% korting", "4% interest"
                         r"|korting|discount|rente|interest|btw|vat)\b", re.IGNORECASE)
_REST = regex(r"\b(?:overige|resterende|andere|remaining|other|rest)\s*$", re.IGNORECASE)

Interval = tuple[float, float]


_BESIDE = 12  # characters between a percentage and the counts it is worked out from: " daarvan ("


def _counts_beside(text: str, start: int, end: int, figure: float) -> bool:
    """Whether the claim gives the counts of the percentage at ``start`` right beside it.

    "70% daarvan (7,9 van 11,3 ton) ging naar de voedselbank": the share is of the claim's own
    counts, so the basis does not contradict it (IC128 checks the counts against the share).
    """
    if not _OF_A_PART.match(text, end):
        return False  # "97% (33 van de 34)" of the claim's own group is what the basis must confirm
    return any(abs(fraction.share - figure) <= _FRACTION_TOLERANCE
               and (0 <= fraction.start - end <= _BESIDE
                    or 0 <= start - fraction.start - len(fraction.written) <= _BESIDE)
               for fraction in fractions(text))


# A share of a part of what the basis counts: "70% daarvan", "80% of them", "60% hiervan".
_OF_A_PART = regex(r"\s*(?:daarvan|hiervan|van hen|van wie|van die|of them|of these|of those|of which|of whom)\b",
                   re.IGNORECASE)


def _asserted(text: str, start: int, figure: float) -> tuple[Interval, ...]:
    """The intervals the stated ``figure`` at ``start`` is confirmed by a basis value in."""
    before = text[max(0, start - 40):start]
    if _AT_LEAST.search(before):
        return ((figure, float("inf")),)
    if _AT_MOST.search(before):
        return ((float("-inf"), figure),)
    ranged = _RANGE_START.search(before)
    if ranged is not None and not _CHANGE_FROM.search(before, 0, ranged.start()):
        low = float(ranged.group(1).replace(",", "."))
        if low < figure:
            return ((low, figure),)
    if _REST.search(before):
        return ((figure, figure), (100 - figure, 100 - figure))
    return ((figure, figure),)


# Who answered a survey: "(15 van de 17 medewerkers deden mee) zegt 87%" gives the response, and
# the percentage is of those 15, so the count is not the share it states.
_SURVEY = regex(r"enqu[eê]te|survey|vragenlijst|questionnaire|interview|onderzoek|peiling|\bpoll|nabel\w*|belronde"
                # "in onze eigen nameting (137 van de 264 huishoudens vulden hem in)": a measurement filled in
                r"|\w*meting\b(?=[^.]*\b(?:vulden|invulden|ingevuld|invullen)\b)"
                r"|follow-up call|steekproef|sample",
                re.IGNORECASE)  # also inside a compound: "medewerkersenquête", "klanttevredenheidsonderzoek"
_TOOK_PART = regex(r"\b(?:deden|doen|deed) mee|namen deel|took part|participated|took the survey|filled (?:it )?in"
                        r"|vulden|invulden|invulde|ingevuld|responded|answered|beantwoord\w*|respons\w*|response\w*"
                        # who replied or was reached, and who was drawn: "212 van de 480 klanten reageerden",
                        # "(150 van de 212 bereikt)", "a random sample of 412 of the 1,240 households"
                        r"|reageer\w*|gereageerd|bereikt|reached|replied|steekproef|sample", re.IGNORECASE)


# The size of a sample and the population it was drawn from, right before the count.
_SAMPLE_OF = regex(r"\b(?:sample|steekproef)\s+(?:of|van)\s+(?:ongeveer\s+|about\s+)?$", re.IGNORECASE)


_PUNCTUATION_BREAK = regex(r"[;:()]|,(?!\d)")


def _response_count(sentence: str, position: int) -> bool:
    """Whether the count at ``position`` is how many answered a survey the sentence speaks of."""
    if not _SURVEY.search(sentence):
        return False
    if _TOOK_PART.search(_clause(sentence, position)):
        return True
    # A relative clause between commas may hold "en": "die 71 van de 120 leerlingen aan het begin en
    # het einde van het jaar invulden".
    before = list(_PUNCTUATION_BREAK.finditer(sentence, 0, position))
    start = before[-1].end() if before else 0
    after = _PUNCTUATION_BREAK.search(sentence, position)
    return bool(_TOOK_PART.search(sentence[start:after.start() if after else len(sentence)]))


# "One of our four vans" names a member, not a share; "50% of all 22" gives its own total.
_SEMICOLON_PARTS = regex(r"[^;]+;?")
_FALL = regex(r"\b(?:fell|fallen|fall|dropped|down|lower|less|fewer|reduced|reduction|cut|decreased|daalde|gedaald"
              r"|daling|minder|lager|afgenomen|nam af|verminderd|bespaard|saved)\b", re.IGNORECASE)
_RISE = regex(r"\b(?:rose|risen|rise|grew|grown|up|higher|more|increased|increase|steeg|gestegen|stijging|meer"
              r"|hoger|toegenomen|nam toe|gegroeid|groeide)\b", re.IGNORECASE)
# "12 van de 20 ...; dat is 80%": a clause that refers back belongs to the one before it
_REFERS_TO_BEFORE = regex(r"\s*(?:dat|dit|wat|that|this|which|oftewel|i\.e\.)\b", re.IGNORECASE)


def _says_direction(claim: Claim, fell: bool) -> bool:
    """Whether the claim speaks of a fall (``fell``) or of a rise, so a change of that direction can back it."""
    return any((_FALL if fell else _RISE).search(text) for _, text in claim.text.located())


def _clauses(sentence: str) -> list[str]:
    """The parts of ``sentence`` between semicolons, a part that refers back joined to the one before."""
    parts: list[str] = []
    for part in _SEMICOLON_PARTS.findall(sentence):
        if parts and _REFERS_TO_BEFORE.match(part):
            parts[-1] += part
        else:
            parts.append(part)
    return parts
_MEMBERSHIP = regex(r"(?:one|een|één)\s+(?:of|van)\s+(?:our|onze|ons)\b", re.IGNORECASE)
_OWN_TOTAL = regex(r"\s*(?:of|van)\s+(?:all|alle)\s+(?:the\s+|de\s+)?(\d+)\b", re.IGNORECASE)
_WHOLE_NUMBER = regex(r"(?<![\w.,])\d+(?![\w.,]\d)")


def _share_of_own_total(sentence: str, value: float, place: int) -> bool:
    """Whether the percentage at ``place`` names its total ("50% of all 22") and a count of the sentence gives it."""
    written = _STATED_PERCENTAGE.match(sentence, place)
    total = _OWN_TOTAL.match(sentence, written.end()) if written is not None else None
    if total is None or int(total.group(1)) <= 0:
        return False
    whole = int(total.group(1))
    return any(abs(100 * int(count.group()) / whole - value) <= _FRACTION_TOLERANCE
               for count in _WHOLE_NUMBER.finditer(sentence))


# "91% van de ondervraagde leerlingen", "25% of the trainees": whom a percentage is a share of.
_PERCENT_OF = regex(r"\s*(?:van|of)\s+(?:de|het|the|onze|our|alle|all|deze|these)\s+((?:[^\W\d]+\s+){0,2}[^\W\d]+)",
                    re.IGNORECASE)


def _population_of(sentence: str, place: int) -> tuple[str, ...]:
    """The words that say whom the percentage at ``place`` is a share of; empty when it does not say."""
    written = _STATED_PERCENTAGE.match(sentence, place)
    named = _PERCENT_OF.match(sentence, written.end()) if written is not None else None
    return tuple(word.lower()[:STEM] for word in named.group(1).split()) if named else ()


def _counts_another_population(fraction: Fraction, named: Sequence[tuple[str, ...]]) -> bool:
    """Whether ``fraction`` counts something other than what every percentage of the sentence is a share of.

    "In een pilot op 6 van onze 47 scholen kon 91% van de ondervraagde leerlingen ...": the schools
    are the pilot's size, the percentage is of pupils.
    """
    if fraction.noun is None or not named or not all(named) or not _NOT_PERSONS.fullmatch(fraction.noun):
        return False
    return all(fraction.noun.lower()[:STEM] not in words for words in named)


# Units that count no people: a percentage of pupils is no share of schools. People may be called
# many names ("jongeren", "deelnemers"), so only these are read as another population.
_NOT_PERSONS = regex(r"(?:scholen|schools?|locaties|locations?|vestigingen|sites?|gemeenten|municipalities"
                     r"|wijken|neighbourhoods?|bedrijven|companies|organisaties|organi[sz]ations?|gebouwen"
                     r"|buildings?|cohorten|cohorts?|klassen|classes|projecten|projects?|winkels|shops?|stores?"
                     r"|regio'?s|regions?|steden|cities|dorpen|villages)", re.IGNORECASE)


def _another_count_of_the_total(sentence: str, fraction: Fraction, stated: Sequence[tuple[float, int]]) -> bool:
    """Whether another count of the sentence, out of a split fraction's total, gives a stated percentage.

    A total and a count that stand apart are read as the first count after the total; in "Of the 102
    people in the three cohorts that started in 2025, 26 (25%) left", that is "three", while 26 of
    the 102 is the 25% the sentence states.
    """
    if not fraction.split:
        return False
    return any(abs(100 * count / fraction.whole - value) <= _FRACTION_TOLERANCE
               for value, place in stated for count in _counts_at(sentence, place) if 0 < count <= fraction.whole)


_COUNT_BEFORE_SHARE = regex(r"(?<![\w.,])(\d+(?:[.,]\d{3})*(?:,\d+)?)\s*\(\s*$")  # "26 (25%"
_COUNT_AFTER_SHARE = regex(r"\s*\(\s*(\d+(?:[.,]\d{3})*(?:,\d+)?)(?![\d%])")  # "61% (1.120 ton)"


def _counts_at(sentence: str, place: int) -> list[float]:
    """The count written right beside the percentage at ``place``: "26 (25%)", "61% (1.120 ton)"."""
    found = []
    before = _COUNT_BEFORE_SHARE.search(sentence, max(0, place - 16), place)
    if before is not None:
        found.append(written_number(before.group(1)))
    written = _STATED_PERCENTAGE.match(sentence, place)
    after = _COUNT_AFTER_SHARE.match(sentence, written.end()) if written is not None else None
    if after is not None:
        found.append(written_number(after.group(1)))
    return found


def _part_shares(statement: Statement, claim: Claim) -> list[float]:
    """The shares of the claim's basis metrics in the totals they are part of (570 of 1,840 MWh: 31%)."""
    shares = []
    for metric in statement.basis_metrics(claim):
        total = statement.total_of(metric)
        if total is not None and metric.same_unit(total) and metric.value is not None and total.value:
            shares.append(100 * metric.value / total.value)
    return shares


def _same_kind_of_unit(metric: Metric, total: Metric) -> bool:
    """The same unit, or both counting the same persons ("werkplekken" of unique persons, "personen")."""
    if metric.same_unit(total):
        return True
    if metric.population is not None and metric.population == total.population == "unique-persons":
        return True
    units = {(metric.unit or "").strip().casefold(), (total.unit or "").strip().casefold()}
    return units <= _PERSON_UNITS


_show = show_number


_label = label_of


class RangeConsistency(Rule):
    """A percentage lies outside 0-100, a subgroup exceeds its total, or a claimed percentage contradicts its basis.

    Checks three things:

    - a percentage metric (``kind: percentage`` or unit ``%``) has its value, baseline value and
      target value between 0 and 100, unless its name says it is a change or a difference
      ("Daling van het gasverbruik", "Tarief ten opzichte van het ACM-maximum"), which may be
      negative or above 100, and unless its kind is ``ratio``: a ratio to a reference written in
      percent ("starting wage as a share of the statutory minimum wage: 112%") may exceed 100,
      though not fall below 0;
    - a metric with ``part_of`` (a subgroup, e.g. employees from the target group) has the same
      unit as the metric it is part of, and a value not above that total;
    - a claim that states a percentage ("60%", "60 procent") is confirmed by its basis: when the
      basis metrics include percentage metrics or subgroups (with ``part_of``; the total need not
      be in the basis), one of their values (value, baseline or target of a percentage metric, or
      100 × subgroup ÷ total) must match the stated number within half a percentage point.
      Percentage points ("procentpunten") are a difference, not a share, and are not checked.
      Nor is a figure in a clause about something else than the claim itself: a comparison
      group, an average or a benchmark ("72% had werk, tegen 41% in de vergelijkingsgroep",
      "than the national average of 31%"), or a bound ("meer dan 60%"), nor one that a named
      outside source gives for others for a year before the period (a monitor or statistics
      office also for the year a period that starts after January starts in), in a clause where the enterprise does not
      speak of itself ("volgens de Haagse Jeugdmonitor 2024 had 31% van de
      tienjarigen geen zwemdiploma"). A stated bound or range holds when a basis value falls in
      it ("minstens 30%", "voor zilver is 50 tot 95% nodig"; "van 20 tot 95%" is a change, not
      a range), "de overige 59%" is the rest of 41%, and a percentage above 100 (a ratio to an
      amount), a difference from a reference ("17% boven het minimumloon") or a price cut ("met
      25% korting") is no share. A basis count's change from its baseline backs a stated change
      ("fallen by 45%, from 38,900 to 21,400 m3") when the basis has shares at all. A share of a
      part that the claim works out beside its own counts ("70% daarvan (7,9 van 11,3 ton)") is
      IC128's to check, the rest of a basis metric's share of its total in the same text ("31% van
      ons dak en 69% wind") holds,
      and a claim about a product, service, site or activity that calls its part by its own name
      ("ReSpun 100 yarn is made of 100% recycled fibres") is not held to that part's share of all.

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
        stating = claim_index(statement).owners_with(_STATED_PERCENTAGE)
        for claim in statement.claims if stating else ():
            if id(claim) in stating:
                yield from self._claimed_percentages(statement, claim)

    def _percentage_ranges(self, metric: Metric) -> Iterator[Issue]:
        if _names_a_difference(metric):
            return  # a change or a difference in percent may be negative or above 100: "-9% against the maximum"
        places = {"value": ((*metric.path, "value"), N_("percentage {metric} has value {value}, outside 0 to 100")),
                  "baseline": ((*metric.path, "baseline", "value"),
                               N_("percentage {metric} has baseline value {value}, outside 0 to 100")),
                  "target": ((*metric.path, "target", "value"),
                             N_("percentage {metric} has target value {value}, outside 0 to 100"))}
        # A ratio to a reference in percent (a wage to the minimum wage) may pass 100; a share may not.
        highest = float("inf") if metric.kind == "ratio" else 100
        for name, value in metric.values():
            path, message = places[name]
            if value is not None and not 0 <= value <= highest:
                yield Issue(
                    path,
                    _(message).format(metric=_label(metric, "metric"), value=_show(value)),
                    _("write percentages as numbers from 0 to 100 (60, not 0.6 or 600); "
                      "if it is no share, change its kind and unit"),
                )

    def _subgroup(self, metric: Metric, total: Metric) -> Iterator[Issue]:
        if not _same_kind_of_unit(metric, total):
            yield Issue(
                (*metric.path, "unit"),
                _("{metric} is part of '{total}' but its unit {unit} differs from {total_unit}").format(
                    metric=_label(metric, "metric"), total=total.id, unit=repr(metric.unit),
                    total_unit=repr(total.unit)),
                _("a subgroup is counted in the unit of its total; give both the same unit, "
                  "or remove part_of if it is no subgroup"),
            )
            return
        part, whole = metric.value, total.value
        if part is not None and whole is not None and part > whole:
            yield Issue(
                (*metric.path, "value"),
                _("subgroup {metric} has value {value}, more than the {total_value} of '{total}' it is part of").format(
                    metric=_label(metric, "metric"), value=_show(part), total_value=_show(whole), total=total.id),
                _("a part cannot exceed its total: check both values and their periods"),
            )

    def _claimed_percentages(self, statement: Statement, claim: Claim) -> Iterator[Issue]:
        if not speaks_of_percentages(claim.text):
            return
        supported: list[tuple[float, str]] | None = None
        parts: list[float] = []
        start = statement.reporting_period.start_date if statement.reporting_period else None
        first_year = start.year if start is not None else None
        mid_year = start is not None and start.month > 1  # a school year 2024-2025 starts in August 2024
        for where, text in claim.text.located():
            stated: dict[float, tuple[Interval, ...]] = {}
            for match in _STATED_PERCENTAGE.finditer(text):
                figure = float(match.group(1).replace(",", "."))
                # Above 100 it is no share of a part: a ratio to an amount ("een inkomen tot 130% van het
                # sociaal minimum"); nor is a difference from a reference ("17% boven het minimumloon").
                if figure > 100 or _ABOVE_REFERENCE.match(text, match.end()):
                    continue
                if figure not in stated and not _comparison_figure(text, match.start(), first_year, mid_year) \
                        and not _counts_beside(text, match.start(), match.end(), figure):
                    stated[figure] = _asserted(text, match.start(), figure)
            if not stated:
                continue
            if supported is None:
                supported = self._supported_percentages(statement, claim)
                parts = _part_shares(statement, claim)
            yield from self._contradicted(claim, where, stated, supported, parts)

    def _contradicted(self, claim: Claim, where: Path, stated: dict[float, tuple[Interval, ...]],
                      supported: list[tuple[float, str]], parts: Sequence[float] = ()) -> Iterator[Issue]:
        if not supported:
            return  # nothing in the basis speaks about shares, so nothing can contradict the text
        if claim.comparison is not None and len(stated) < 2:
            # A claim that declares what it compares with gives that figure too ("in heel Fryslân
            # geldt dat voor 40%"): one share it does not support may be the comparison's.
            return
        values = sorted(value for value, _ in supported)

        def confirmed(intervals: tuple[Interval, ...]) -> bool:
            # The values are sorted: the first one from an interval's low end on decides.
            for low, high in intervals:
                place = bisect.bisect_left(values, low - _TOLERANCE)
                if place < len(values) and values[place] <= high + _TOLERANCE:
                    return True
            return False

        if claim.comparison is not None and any(confirmed(intervals) for intervals in stated.values()):
            return
        shown = "; ".join(_("{value}% ({source})").format(value=_show(value), source=source)
                          for value, source in supported[:_MAX_LISTED])
        more = len(supported) - _MAX_LISTED
        for figure, intervals in stated.items():  # each stated number once, in order
            if confirmed(intervals):
                continue
            # "31% comes from our own roof and 69% is wind power": the rest of a part's share of its total
            if any(abs(figure + other - 100) <= _TOLERANCE and any(abs(other - share) <= _TOLERANCE for share in parts)
                   for other in stated if other != figure):
                continue
            message = ngettext("{claim} states {value}%, but its basis metrics give {basis} and {more} more",
                               "{claim} states {value}%, but its basis metrics give {basis} and {more} more",
                               more) if more > 0 else _("{claim} states {value}%, but its basis metrics give {basis}")
            yield Issue(
                where,
                message.format(claim=_label(claim, "claim"), value=_show(figure), basis=shown, more=number(more)),
                _("make the claim text and the metrics agree: correct the percentage in the text, or the "
                  "values it is based on"),
            )

    def _supported_percentages(self, statement: Statement, claim: Claim) -> list[tuple[float, str]]:
        """The percentages the claim's basis metrics back, each with where it comes from."""
        found: list[tuple[float, str]] = []
        named_shares: list[tuple[float, str]] = []
        changes: list[tuple[float, str]] = []
        for metric in statement.basis_metrics(claim):
            if metric.is_percentage:
                # The baseline and target count too: "from 46% to 31%" quotes both.
                for name, value in metric.values():
                    if value is not None and math.isfinite(value):
                        found.append((float(value), _(_SOURCES[name]).format(metric=metric.id)))
            # A share its method gives backs the claim too: "142 of the 180 families returned
            # both questionnaires (79%)", "van de 16 die afrondden, is dat 44%".
            if speaks_of_percentages(metric.method):
                source = _("'{metric}' method").format(metric=metric.id)
                found += [(value, source) for _where, text in metric.method.located()
                          for value, _place in percentages(text)]
            # A count's change from its baseline in percent: "fallen by 45%, from 38,900 to 21,400 m3".
            # It confirms a stated change, but alone it makes no claim checkable: a basis without shares
            # cannot contradict a share.
            start = metric.baseline.value if metric.baseline is not None else None
            if not metric.is_percentage and start and metric.value is not None and math.isfinite(start) \
                    and math.isfinite(metric.value) and _says_direction(claim, metric.value < start):
                changes.append((100 * abs(metric.value - start) / abs(start),
                                _("'{metric}' change from its baseline").format(metric=metric.id)))
            total = statement.total_of(metric)
            if total is None or metric.is_percentage or not metric.same_unit(total):
                continue
            part, whole = metric.value, total.value
            if part is not None and whole and math.isfinite(part) and math.isfinite(whole):
                share = (100 * part / whole, _("'{metric}' of '{total}'").format(metric=metric.id, total=total.id))
                # "ReSpun 100 yarn is made of 100% recycled fibres": a claim about one line, by its name,
                # does not give the line's share of all; alone, that share makes nothing checkable.
                named = claim.scope not in (None, "organisation") and names_the_part_by_name(
                    joined(claim.text), metric, total)
                (named_shares if named else found).append(share)
        found += self._own_counts(statement, claim)
        return found + named_shares + changes if found else []

    @staticmethod
    def _own_counts(statement: Statement, claim: Claim) -> list[tuple[float, str]]:
        """Shares the claim works out itself from two values of its basis ("9 of all 14 starters (64%)")."""
        if not claim.text.has_digits:
            return []
        backed = {value for metric in statement.basis_metrics(claim) for _name, value in metric.values()
                  if value is not None}
        return [(fraction.share, _("'{count}' in the claim").format(count=fraction.written))
                for _where, text in claim.text.located() for fraction in fractions(text)
                if fraction.part in backed and fraction.whole in backed]


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
                _("organisation.fte {fte} is more than organisation.headcount {headcount}").format(
                    fte=_show(fte), headcount=_show(headcount)),
                _("check both figures: they should describe the same employees at the same date "
                  "(the end of the reporting period)"),
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
                _("reporting_period ends on {end} before it starts on {start}").format(end=end, start=start),
                _("swap start and end, or correct the year"),
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
                    _("{claim} commits to target year {target_year}, not after the reporting period that ends in "
                      "{end_year}").format(claim=_label(claim, "claim"), target_year=target_year, end_year=end.year),
                    _("a commitment is about the future: use a year after {end_year}, or report the result "
                      "as a present claim").format(end_year=end.year),
                )
        published = parse_date(statement.published)
        if published is not None and published < end:
            yield Issue(
                ("published",),
                _("published {published} is before the end of the reporting period on {end}").format(
                    published=published, end=end),
                _("publish a statement after its reporting period has ended; correct the date or the period"),
            )

    def _metric_period(self, metric: Metric, start: datetime.date | None,
                       end: datetime.date | None) -> Iterator[Issue]:
        first, last = (metric.period.start_date, metric.period.end_date) if metric.period else (None, None)
        label = _label(metric, "metric")
        if first is not None and last is not None and last < first:
            yield Issue(
                (*metric.path, "period", "end"),
                _("the period of {metric} ends on {end} before it starts on {start}").format(
                    metric=label, end=last, start=first),
                _("swap start and end, or correct the year"),
            )
        if first is not None and start is not None and first < start:
            yield Issue(
                (*metric.path, "period", "start"),
                _("the period of {metric} starts on {start}, before the reporting period starts on "
                  "{period_start}").format(metric=label, start=first, period_start=start),
                _("report values for the reporting period only, or leave out period to mean the whole of it"),
            )
        if last is not None and end is not None and last > end:
            yield Issue(
                (*metric.path, "period", "end"),
                _("the period of {metric} ends on {end}, after the reporting period ends on {period_end}").format(
                    metric=label, end=last, period_end=end),
                _("report values for the reporting period only, or leave out period to mean the whole of it"),
            )

    def _metric_years(self, metric: Metric, end_year: int) -> Iterator[Issue]:
        label = _label(metric, "metric")
        target_year = metric.target.year if metric.target else None
        if target_year is not None and target_year <= end_year:
            yield Issue(
                (*metric.path, "target", "year"),
                _("the target of {metric} is for {target_year}, not after the reporting period that ends in "
                  "{end_year}").format(metric=label, target_year=target_year, end_year=end_year),
                _("a target lies in the future: use a year after {end_year}, or report the reached value as "
                  "value").format(end_year=end_year),
            )
        baseline_year = metric.baseline.year if metric.baseline else None
        if baseline_year is not None and baseline_year > end_year:
            yield Issue(
                (*metric.path, "baseline", "year"),
                _("the baseline of {metric} is for {baseline_year}, after the reporting period that ends in "
                  "{end_year}").format(metric=label, baseline_year=baseline_year, end_year=end_year),
                _("a baseline is a starting point: use the year it was measured, at or before the reporting period"),
            )


# --- IC123 --------------------------------------------------------------------------------------

# Names of counts that count contacts (a person may be counted several times), and of counts of persons.
_CONTACT_NAMES = phrases(
    r"(?:winkel|klant|huis|inloop|café|cafe|spreekuur)?bezoeken", r"contact(?:en|momenten)", r"deelnames",
    r"sessies", r"bijeenkomsten", r"consult(?:en|aties)", r"(?:trainings|cursus|activiteiten|workshop)deelnames",
    r"gesprekken", r"(?:ophaal|huis|intake|op)?afspraken", r"aanmeldingen", r"inloopbezoeken", r"maaltijden",
    r"keer", r"(?:kassa|winkel|webshop|pin|online)?transacties", r"bestellingen", r"transactions", r"orders",
    r"purchases", r"aankopen",
    r"visits", r"contacts", r"attendances?", r"sessions", r"participations", r"appointments", r"check-?ins",
    r"consultations", r"meals", r"times", r"footfall", r"(?:shop |store |repair café |café )?visits",
    r"ritten", r"ritjes", r"rides", r"trips", r"journeys", r"overnachtingen", r"overnight stays", r"nights",
    r"behandelingen", r"treatments", r"lessen", r"lessons", r"uitleningen", r"loans",
)
# A method that counts a person again at each visit: "pupils counted per class visit", "per bezoek geteld".
_PER_CONTACT = phrases(r"(?:geteld |counted )?per (?:\w+ )?(?:bezoek|visit|keer|les|lesson|sessie|session|rit|ride"
                       r"|trip)", r"(?:elke|iedere) keer (?:opnieuw )?geteld",
                       r"counted (?:again )?(?:each|every) time")
# A method that says the groups it adds share people.
_OVERLAP = phrases(r"ook", r"tevens", r"zowel", r"overlap\w*", r"dubbel\w*", r"also", r"both", r"twice", r"double\w*",
                  # "wie meerdere trainingen volgde, telt per training": one person in several counts
                  r"wie meerdere", r"(?:telt|tellen|geteld|counts?|counted) (?:\w+ )?per (?:training|cursus|keer|bezoek"
                  r"|activiteit|sessie|les|workshop|deelname|session|visit|activity|lesson|course|time)",
                  r"who (?:\w+ ){0,2}(?:several|more than one)")
_PERSON_WORDS = phrases(
    r"mensen", r"personen", r"deelnemers", r"cli[eë]nten", r"bewoners", r"buurtbewoners", r"kinderen", r"jongeren",
    r"ouderen", r"inwoners", r"individuen", r"unieke", r"people", r"persons", r"participants", r"clients",
    r"residents", r"individuals", r"unique", r"children", r"young people", r"neighbours", r"households",
    r"huishoudens", r"nieuwkomers", r"newcomers", r"statushouders", r"vluchtelingen", r"refugees", r"mantelzorgers",
    r"carers", r"caregivers", r"leerlingen", r"learners", r"pupils", r"studenten", r"students", r"gezinnen",
    r"families", r"klanten", r"customers", r"leden", r"members", r"gebruikers", r"users", r"bezoekers",
    r"visitors", r"pashouders", r"cardholders", r"card holders", r"werkzoekenden", r"jobseekers", r"ouders",
    r"parents", r"medewerkers", r"employees", r"vrijwilligers", r"volunteers", r"scholieren", r"trainees",
)
# Wording that a figure adds others up ("samen", "including" say too little to read as a sum).
_SUMMED = phrases(r"opgeteld", r"optelling", r"optelsom", r"bij elkaar", r"plus", r"sum of", r"som van", r"added",
                  r"adding up", r"combined", r"totaal van", r"total of", r"\+")
_MAX_SUMMED = 8  # basis metrics tried in sums; a claim rarely adds more
_COUNTED_ONCE = regex(r"\b(?:(?:één|een|1) keer (?:ge)?teld|(?:telt|telde|tellen) (?:\w+ ){0,3}(?:één|een) keer"
                      r"|eenmaal (?:ge)?teld|counts? once|counted once|once each|only once)\b", re.IGNORECASE)
# A count that is a total or a reach, to which contacts could have been added: "Bereikte Almeerders".
_TOTAL_NAMED = regex(r"\b(?:totaal|total|in totaal|bereikt\w*|reached|reach|unieke?|unique|verschillende|different"
                     r"|samen|together|in all|alle|all|mensen|people|personen|persons|inwoners|residents)\b",
                     re.IGNORECASE)


def _counts_contacts(statement: Statement, metric: Metric) -> bool:
    if metric.population is not None:
        return metric.population == "contacts"
    # "Deelnemers met Wmo-vervoer met ritten langer dan 45 minuten", in personen: people who make such rides
    if metric.unit is not None and metric.unit.strip().casefold() in _PERSON_UNITS and \
            _PEOPLE_FIRST.match(metric.name.lowered):
        return False
    return id(metric) in metric_name_index(statement).owners(_CONTACT_NAMES) or (
        may_match(_PER_CONTACT, metric.method) and _PER_CONTACT.search(joined(metric.method)) is not None)


_PEOPLE_FIRST = regex(r"(?:deelnemers|mensen|personen|leden|cliënten|clienten|bewoners|inwoners|jongeren|ouderen"
                      r"|participants|people|persons|members|clients|residents|young people) (?:met|with)\b")
_PERSON_UNITS = frozenset({"people", "persons", "personen", "mensen", "deelnemers", "participants", "individuals",
                           "clients", "cliënten", "bewoners", "residents", "inwoners"})


def _counts_persons(statement: Statement, metric: Metric) -> bool:
    # "other" is what households, families or pupils are counted as: the words say whether they are people
    if metric.population is not None and metric.population != "other":
        return metric.population == "unique-persons"
    if metric.unit is not None and metric.unit.strip().casefold() in _PERSON_UNITS:
        return True
    return id(metric) in metric_name_index(statement).owners(_PERSON_WORDS)


def _sums(metrics: list[Metric], target: float) -> list[tuple[Metric, ...]]:
    """The combinations of two or more metrics whose values add up to ``target``."""
    # Only whole counts add up to people: a score of 3.1 or 0.49 m3 per guest night is no group.
    usable = [metric for metric in metrics if metric.value is not None and not metric.is_percentage
              and float(metric.value).is_integer()][:_MAX_SUMMED]
    found = []
    for size in range(2, len(usable) + 1):
        for group in itertools.combinations(usable, size):
            if abs(sum(metric.value or 0 for metric in group) - target) < 0.5:
                found.append(group)
    return found


class DoubleCounting(Rule):
    """A people total adds contacts to persons, or adds groups that overlap.

    Checks totals of people in claims and metrics:

    - a claim that states a number of people ("1.240 mensen", "reached 1,240 people", "1.460
      Almeerders") equal to the sum of two or more of its basis metrics, of which one counts
      contacts (visits, sessions, rides, meals: ``population: contacts`` in schema 1.1, such
      words in its name, or a method that counts "per visit") rather than persons; a metric in
      a unit of persons whose name starts with them ("Deelnemers met ritten langer dan 45
      minuten") counts persons;
    - the same sum of subgroups of one total (``part_of``) that together exceed that total, so
      the groups overlap and their sum counts people twice;
    - a metric that counts persons and whose value is the sum of two or more other metrics, one
      counting contacts, or whose ``method`` says it adds visits or sessions to people, or adds
      groups that share people ("240 abonnees plus 140 eettafelgasten; ongeveer 100 gasten
      hebben ook een abonnement"), or whose method says it adds and whose value is the sum of a
      subgroup and the total it is ``part_of`` ("186 participants plus 142 mentees", where the
      mentees are participants), or of groups of which one's method says it holds the other
      ("alle 1.620 leden hebben zo'n abonnement", "inclusief de 131 deelnemers", "also counted
      among our employees"), or whose method counts a person once per training or says one group
      it adds includes another it adds ("48 employees, which includes the trainees, 61 trainees").
      Without a summing method, only a total or a reach ("verschillende deelnemers", "bereikte
      Almeerders") is read as a sum with contacts in it; a summing method that gives its
      addends says which counts it adds, and one that counts each person once ("iedereen één
      keer geteld") adds no contacts and no overlap. Only whole counts are added (a score of 3.1
      is no group).

    Why: Social Value International principle 5 (do not overclaim) and the IRIS+ usage guidance
    ask to count each person once (IRIS+ PI4060 "Client Individuals" as opposed to visits); a
    total that adds visits to visitors, or the women and the young people among the same
    participants, reports more people than were reached.

    Failing example::

        metrics:
          - id: visits
            name: Visits to the neighbourhood lounge
            unit: people
            kind: count
            value: 900
          - id: members
            name: Members of the lounge
            unit: people
            kind: count
            value: 340
        claims:
          - id: reach
            text: The lounge reached 1,240 people this year.
            domain: social
            basis:
              metrics: [visits, members]

    Passing example::

        metrics:
          - id: visits
            name: Visits to the neighbourhood lounge
            unit: visits
            kind: count
            value: 900
          - id: members
            name: Members of the lounge
            unit: people
            kind: count
            value: 340
        claims:
          - id: reach
            text: The lounge's 340 members came by 900 times this year.
            domain: social
            basis:
              metrics: [visits, members]
    """

    code: ClassVar[str] = "IC123"
    slug: ClassVar[str] = "double-counting"
    severity: ClassVar[Severity] = Severity.WARNING
    summary: ClassVar[str] = "A people total adds contacts to persons, or adds groups that overlap."

    def check(self, statement: Statement) -> Iterator[Issue]:
        for claim in statement.claims if claim_index(statement).has_digits else ():
            if not claim.text.has_digits:
                continue
            metrics = statement.basis_metrics(claim)
            if len(metrics) < 2:
                continue
            # "1.460 Almeerders" names no people word, but a sum with contacts in it is people counted twice.
            with_contacts = any(_counts_contacts(statement, metric) for metric in metrics)
            if not with_contacts and not may_match(_PERSON_WORDS, claim.text):
                continue
            for where, text in located_texts(claim.text):
                if not with_contacts and not _PERSON_WORDS.search(text):
                    continue
                message = self._claimed_total(statement, claim, metrics, counts(text))
                if message:
                    yield Issue(where, message,
                                _("count each person once: report persons and contacts (visits, sessions) as separate "
                                  "figures, and do not add groups that overlap"))
                    break
        # Contacts are rare and a summing method rarer: look at all names and methods at once first.
        any_contacts = metric_name_index(statement).may_match(_CONTACT_NAMES) or \
            any(metric.population == "contacts" for metric in statement.metrics)
        summed = metric_detail_index(statement).may_match(_SUMMED)
        any_contacts = any_contacts or (summed and metric_detail_index(statement).may_match(_PER_CONTACT))
        if not any_contacts and not summed:
            return
        contacts = [metric for metric in statement.metrics if _counts_contacts(statement, metric)] \
            if any_contacts else []
        contact_ids = {id(metric) for metric in contacts}  # by identity: parts compare by value, slowly
        persons = [metric for metric in statement.metrics
                   if id(metric) not in contact_ids and _counts_persons(statement, metric)]
        for metric in persons:
            yield from self._metric_total(statement, metric, contacts, persons)

    @staticmethod
    def _claimed_total(statement: Statement, claim: Claim, metrics: list[Metric], stated: list[float]) -> str | None:
        """The message about a stated number of people that is a sum counting some twice, if there is one."""
        for figure in stated:
            for group in _sums(metrics, figure):
                contacts = [metric for metric in group if _counts_contacts(statement, metric)]
                shown = " + ".join(f"'{metric.id}' {_show(metric.value or 0)}" for metric in group)
                if contacts and len(contacts) < len(group):
                    return _("claim '{claim}' states {value}, the sum {sum}, which adds contacts ('{contact}') to "
                             "persons").format(claim=claim.id, value=_show(figure), sum=shown, contact=contacts[0].id)
                # the method that says so: of the group inside the other, or of the group that includes it
                within = _within_by_wording(group) or (_included_by_method(group) or (None, None))[1]
                if within is not None:
                    return _("claim '{claim}' states {value}, the sum {sum}, while the method of '{metric}' says its "
                             "people are also in another of these groups").format(
                        claim=claim.id, value=_show(figure), sum=shown, metric=within.id)
                totals = {id(statement.total_of(metric)): statement.total_of(metric) for metric in group}
                total = next(iter(totals.values())) if len(totals) == 1 else None
                if total is not None and total.value is not None and figure > total.value:
                    return _("claim '{claim}' states {value}, the sum {sum} of subgroups of '{total}', more than its "
                             "{total_value}: the groups overlap").format(
                        claim=claim.id, value=_show(figure), sum=shown, total=total.id, total_value=_show(total.value))
        return None

    def _metric_total(self, statement: Statement, metric: Metric, contacts: list[Metric],
                      persons: list[Metric]) -> Iterator[Issue]:
        if metric.value is None or metric.is_percentage:
            return
        method = joined(metric.method)
        summed_method = may_match(_SUMMED, metric.method) and _SUMMED.search(method) is not None
        if summed_method:
            # "iedereen één keer geteld", "each person counts once however many visits": persons, said so
            once = _COUNTED_ONCE.search(method) is not None
            if may_match(_CONTACT_NAMES, metric.method) and _CONTACT_NAMES.search(method) and not once:
                message = _("{metric} counts persons, but its method adds contacts to them: \"{method}\"")
            elif not once and ((may_match(_OVERLAP, metric.method) and _OVERLAP.search(method))
                               or _includes_a_summed_group(method)):
                message = _("{metric} counts persons, but its method adds groups that share people: \"{method}\"")
            else:
                message = ""
            if message:
                yield Issue((*metric.path, "value"),
                            message.format(metric=label_of(metric, "metric"), method=method[:120]),
                            _("count each person once, or report the contacts as a separate metric"))
                return
        total = statement.total_of(metric)
        if summed_method and total is not None and total.value is not None and metric.value > total.value:
            yield Issue((*metric.path, "value"),
                        _("{metric} ({value}) adds groups up to more than the {total_value} of '{total}' it is "
                          "part of: the groups overlap, so people are counted twice").format(
                            metric=label_of(metric, "metric"), value=_show(metric.value),
                            total_value=_show(total.value), total=total.id),
                        _("count each person once: report the groups separately, or count the people in any of them"))
            return
        # Only smaller counts can be parts of this one.
        smaller = [other for other in contacts if other.value is not None and 0 < other.value < metric.value]
        others = smaller + [other for other in persons if other is not metric and other.value is not None
                            and 0 < other.value < metric.value]
        if not summed_method and not (smaller and _TOTAL_NAMED.search(metric.name.lowered)):
            # no method that says it adds, and no total or reach that contacts could be added to: a sum
            # of the statement's other counts would be chance (the injuries and the interns of a gym)
            return
        # A method that gives its addends ("17 Participatiewet, 12 banenafspraak en 6 WIA") says which
        # counts it adds; other counts that happen to add up to the same total are chance.
        addends = {float(figure) for figure in counts(method)} if summed_method else set()
        for group in _sums(others, metric.value):
            if addends and not all(other.value in addends for other in group):
                continue
            added = [other for other in group if any(other is contact for contact in smaller)]
            shown = " + ".join(f"'{other.id}' {_show(other.value or 0)}" for other in group)
            if added and len(added) < len(group):
                yield Issue((*metric.path, "value"),
                            _("{metric} ({value}) is the sum {sum}, which adds contacts ('{contact}') to "
                              "persons").format(metric=label_of(metric, "metric"), value=_show(metric.value),
                                                sum=shown, contact=added[0].id),
                            _("count each person once, or report the contacts as a separate metric"))
                return
            nested = next(((part, statement.total_of(part)) for part in group
                           if any(statement.total_of(part) is other for other in group)), None) \
                or _subgroup_by_method(group) or _included_by_method(group)
            within = _within_by_wording(group) if summed_method and nested is None else None
            if within is not None:
                yield Issue((*metric.path, "value"),
                            _("{metric} ({value}) is the sum {sum}, while the method of '{part}' says its people are "
                              "also in another of these groups").format(
                                metric=label_of(metric, "metric"), value=_show(metric.value), sum=shown,
                                part=within.id),
                            _("count each person once: add only groups that do not overlap"))
                return
            if nested is not None:
                part, whole = nested
                assert whole is not None
                yield Issue((*metric.path, "value"),
                            _("{metric} ({value}) is the sum {sum}, which adds '{part}' to '{whole}', of which it is "
                              "part: those people are counted twice").format(
                                metric=label_of(metric, "metric"), value=_show(metric.value), sum=shown,
                                part=part.id, whole=whole.id),
                            _("count each person once: add only groups that do not overlap"))
                return


_WITHIN = phrases(r"alle (?:\w+ ){0,3}zijn (?:\w+ )?(?:ook )?", r"all (?:\w+ ){0,3}are (?:also )?",
                  r"(?:alleen|uitsluitend) (?:met|voor|open voor)", r"only (?:with|for|open to)", r"open only to",
                  r"zijn (?:allemaal )?ook", r"are (?:all )?also",
                  # "Alle 1.620 leden hebben zo'n abonnement", "is therefore also counted among our employees"
                  r"alle (?:[\w.,]+ ){0,3}hebben (?:ook )?(?:zo'n|zo’n|een|dit|dat|die)",
                  r"all (?:[\w.,]+ ){0,3}(?:have|hold) (?:such|a|an|this|that)",
                  r"(?:also|ook) (?:counted|meegeteld|geteld) (?:among|bij|onder)", r"counted among",
                  r"(?:ook|tevens) (?:in dienst|op de loonlijst|medewerker)", r"also (?:on the payroll|employed)")
# A group whose method counts another group of the sum in: "inclusief de 131 dagbestedingsdeelnemers".
_INCLUDING = regex(r"\b(?:inclusief|including|waaronder|among them|of whom|van wie|met daarin)\s+(?:de\s+|the\s+)?"
                        r"(\d{1,3}(?:[.,]\d{3})+|\d+)\b", re.IGNORECASE)


# "Sum of our 48 employees (..., which includes the trainees on a contract), 61 trainees and 35 volunteers"
_INCLUDES_GROUP = regex(r"\b(?:includes?|including|inclusief|inclusive of)\s+(?:the\s+|de\s+|our\s+|onze\s+|ook\s+)?"
                        r"([^\W\d]{4,})", re.IGNORECASE)


def _includes_a_summed_group(method: str) -> bool:
    """Whether a summing method says one group includes people of another group it adds."""
    for match in _INCLUDES_GROUP.finditer(method):
        rest = method[match.end():]  # the group added after it: "(..., which includes the trainees), 61 trainees"
        noun = re.escape(match.group(1).lower())
        if re.search(rf"\d[\d.,]*\s+(?:[^\W\d]+\s+)?{noun}\b", rest, re.IGNORECASE):  # re caches it
            return True
    return False


def _within_by_wording(part_metrics: Sequence[Metric]) -> Metric | None:
    """A metric of a sum whose method says its people are all in another group ("alle deelnemers zijn pashouders")."""
    return next((metric for metric in part_metrics
                 if may_match(_WITHIN, metric.method) and _WITHIN.search(joined(metric.method))), None)


def _included_by_method(part_metrics: Sequence[Metric]) -> tuple[Metric, Metric] | None:
    """Two metrics of a sum of which one's method says it includes the other ("inclusief de 131 ...")."""
    for whole in part_metrics:
        if not whole.method.has_digits:
            continue
        for match in _INCLUDING.finditer(joined(whole.method)):
            value = written_number(match.group(1))
            part = next((other for other in part_metrics if other is not whole and other.value == value), None)
            if part is not None:
                return part, whole
    return None


def _subgroup_by_method(part_metrics: Sequence[Metric]) -> tuple[Metric, Metric] | None:
    """Two metrics of a sum of which one's method says it is part of the other.

    "151 of this year's 180 bootcamp participants took the course": a count out of a total
    that are both values of the sum says that the one group lies within the other.
    """
    for part in part_metrics:
        if part.value is None or not part.method.has_digits:
            continue
        for fraction in (found for _where, text in located_texts(part.method) for found in fractions(text)):
            if fraction.part != part.value:
                continue
            whole = next((other for other in part_metrics if other is not part and other.value == fraction.whole), None)
            if whole is not None:
                return part, whole
    return None


# --- IC128 -----------------------------------------------------------------------------------

# A metric named for a change: its percentage is the change, not a share of whom it counts.
_CHANGE_NAMED = phrases(
    r"daling", r"stijging", r"afname", r"toename", r"besparing", r"reductie", r"vermindering", r"groei",
    r"verandering", r"decrease", r"increase", r"reduction", r"saving", r"savings", r"growth", r"change", r"drop",
    r"rise", r"fall", r"decline")

# A metric named for how it compares with something else: "Warmtetarief ten opzichte van het maximumtarief".
_COMPARED_NAMED = phrases(r"ten opzichte van", r"t\.o\.v\.", r"vergeleken met", r"in vergelijking met", r"verschil",
                          r"compared (?:with|to)", r"relative to", r"difference", r"versus", r"vs\.?")


def _names_a_difference(metric: Metric) -> bool:
    """Whether the metric's name says it is a change or a difference, not a share."""
    return any(may_match(named, metric.name) and named.search(joined(metric.name)) is not None
               for named in (_CHANGE_NAMED, _COMPARED_NAMED))


#: How far a percentage may lie from the fraction it is computed from: rounding to whole percents.
_FRACTION_TOLERANCE = 1.0


def _share_of_two_counts(value: float, sources: Sequence[Text]) -> bool:
    """Whether ``value`` percent is one count of ``sources`` out of another.

    A survey's method often gives the response before the result: "318 van de 1.020 gasten
    vulden hem in (31%), van wie 289 een 8 of hoger gaven" makes 91% (289 of 318), not 31%.
    """
    found = sorted({count for source in sources for _, text in located_texts(source)
                    for count in counts(without_dates(text)) if count > 0})[:_MAX_COUNTS]
    return any(abs(100 * part / whole - value) <= _FRACTION_TOLERANCE
               for index, whole in enumerate(found) for part in found[:index + 1])


#: How many counts of a method are paired: a method is a few sentences, a pasted table is not read.
_MAX_COUNTS = 40


class PercentageContradictsMethod(Rule):
    """A percentage differs from the count out of a total that the statement gives for it.

    Checks two places where the statement gives a percentage and the counts it comes from:

    - a percentage metric (``kind: percentage`` or unit ``%``) whose ``method``,
      ``data_source`` or ``name`` gives a count out of a total ("9 van de 30 deelnemers", "9
      of the 30", "9/30"): the value must be that share, within one percentage point;
    - a sentence of a claim that states a percentage and a count out of a total: at least one
      count must match one of the percentages in the sentence (another count may be the
      response to a survey, "31 van de 44 vulden de enquête in", also in a measurement filled
      in, "nameting (137 van de 264 huishoudens vulden hem in)"). A percentage that names its
      own total ("50% of all 22") is confirmed by a count of the sentence out of it, "one
      of our four vans" names a member, not a share, and a count of other things than the
      percentage names ("op 6 van onze 47 scholen kon 91% van de leerlingen ...") is no share
      of it. A semicolon parts the sentence ("12 van de
      14 werkten er nog; het verzuim daalde van 8,4% naar 6,1%"), and the figure a change started
      from ("up from 64% in 2022") is no share of the counts.

    Fractions of months, days, years, hours, euros, km or kg ("8 van de 12 maanden") are not
    shares of people and are not read.

    Why: the ACM Leidraad Duurzaamheidsclaims (2023), rule 1, asks for correct claims, and EFRAG
    VSME for a faithful representation; a percentage that its own counts contradict is neither.
    Both numbers are in the statement, so this is an error, not a suspicion.

    Failing example::

        metrics:
          - id: employed
            name: Trainees with paid work after six months
            unit: "%"
            kind: percentage
            value: 75
            method: Follow-up call six months after the traineeship; 9 of the 30 trainees had paid work.

    Passing example::

        metrics:
          - id: employed
            name: Trainees with paid work after six months
            unit: "%"
            kind: percentage
            value: 30
            method: Follow-up call six months after the traineeship; 9 of the 30 trainees had paid work.
    """

    code: ClassVar[str] = "IC128"
    slug: ClassVar[str] = "percentage-contradicts-method"
    severity: ClassVar[Severity] = Severity.ERROR
    summary: ClassVar[str] = "A percentage differs from the count out of a total that the statement gives for it."

    def check(self, statement: Statement) -> Iterator[Issue]:
        for metric in statement.metrics:
            if not metric.is_percentage or metric.value is None or not (
                    metric.method.has_digits or metric.data_source.has_digits or metric.name.has_digits):
                continue
            if may_match(_CHANGE_NAMED, metric.name) and _CHANGE_NAMED.search(joined(metric.name)):
                continue  # a fall or rise in percent ("daling gasverbruik") is no share of the people counted
            # A sample drawn for a survey ("a random sample of 412 of the 1,240 households") says who
            # was asked, not the share the value gives.
            given = [fraction for source in (metric.method, metric.data_source, metric.name)
                     for _, text in located_texts(source) for fraction in fractions(text)
                     if not _SAMPLE_OF.search(text, max(0, fraction.start - 40), fraction.start)]
            worked_out = [value for source in (metric.method, metric.data_source) if speaks_of_percentages(source)
                      for _, text in located_texts(source) for value, _ in percentages(text)]
            if any(abs(value - metric.value) <= _FRACTION_TOLERANCE for value in worked_out):
                continue  # the method works the value out itself ("(1.180 - 1.050) / 1.180 = 11%")
            if given and not any(abs(fraction.share - metric.value) <= _FRACTION_TOLERANCE for fraction in given) \
                    and not _share_of_two_counts(metric.value, (metric.method, metric.data_source)):
                fraction = given[0]
                yield Issue((*metric.path, "value"),
                            _("{metric} is {value}%, but its method gives \"{counts}\", which is {share}%").format(
                                metric=label_of(metric, "metric"), value=_show(metric.value),
                                counts=fraction.written, share=f"{fraction.share:.0f}"),
                            _("correct the value or the counts so that they agree"))
        index = claim_index(statement)
        stating = index.owners_with(_STATED_PERCENTAGE)
        stating &= index.owners_with(FRACTION_PATTERN) if stating else set()
        for claim in statement.claims if stating else ():
            if id(claim) not in stating:
                continue
            for where, text in located_texts(claim.text):
                found = self._sentence_mismatch(text)
                if found:
                    stated, fraction = found
                    yield Issue(where,
                                _("claim '{claim}' says {value}%, but gives \"{counts}\" in the same sentence, "
                                  "which is {share}%").format(claim=claim.id, value=_show(stated),
                                                              counts=fraction.written, share=f"{fraction.share:.0f}"),
                                _("correct the percentage or the counts so that they agree"))
                    break

    @staticmethod
    def _sentence_mismatch(text: str) -> tuple[float, Fraction] | None:
        # Read clause by clause where a semicolon parts them: "12 van de 14 werkten er nog; het verzuim in
        # deze groep daalde van 8,4% naar 6,1%" gives the rate of something else after the semicolon.
        for sentence in (clause for whole in sentences(text) for clause in _clauses(whole)):
            every = percentages(sentence)
            stated = [(value, place) for value, place in every if not _comparison_figure(sentence, place)]
            if not stated:
                continue
            if any(_share_of_own_total(sentence, value, place) for value, place in stated):
                continue
            named = [_population_of(sentence, place) for _, place in stated]
            given = [fraction for fraction in fractions(sentence) if not _MEMBERSHIP.match(fraction.written)
                     and not _counts_another_population(fraction, named)]
            # "81% (25 van de 31)" next to "31 van de 44 vulden in": one agreeing pair is enough,
            # the other count is a response or a total; a count that agrees with a response or
            # comparison figure ("34 van de 41, een respons van 83%") is explained by it, and so
            # is a count of who answered the survey ("15 van de 17 deden mee").
            unexplained = [fraction for fraction in given
                           if not any(abs(fraction.share - value) <= _FRACTION_TOLERANCE for value, _ in every)
                           and not _response_count(sentence, fraction.start)
                           and not _another_count_of_the_total(sentence, fraction, stated)]
            if unexplained and not any(abs(fraction.share - value) <= _FRACTION_TOLERANCE
                                       for fraction in given for value, _ in stated):
                return stated[0][0], unexplained[0]
        return None
