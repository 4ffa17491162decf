"""What the site knows of one statement file: status, findings, facets, search words and dataset rows.

A record is made once per file content (in a worker with ``--jobs``) and kept in the build cache,
so a rebuild reads only the files that changed. Everything in it is plain data that pickles.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from impactclaim.findings import Finding
from impactclaim.reporters.batch import ReportFinding
from impactclaim.statement.model import Statement

KVK = re.compile(r"^[0-9]{8}$")
_NOT_WORD = re.compile(r"[^a-z0-9]+")
_COMBINING = re.compile(r"[\u0300-\u036f]")
MIN_WORD = 2
# The statuses a statement can have on the site, in the order the index lists them.
STATUSES = ("valid", "draft", "invalid", "unreadable")


def words_of(texts: Iterable[str]) -> set[str]:
    """The search words of ``texts``: lower case, accents removed, split at anything else than a-z and 0-9.

    The site's search.js folds a query the same way (NFD, drop combining marks, lower case).
    """
    found: set[str] = set()
    for text in texts:
        folded = _COMBINING.sub("", unicodedata.normalize("NFD", text)).lower()
        found.update(word for word in _NOT_WORD.split(folded) if len(word) >= MIN_WORD)
    return found


@dataclass(frozen=True, slots=True)
class ShownFinding(ReportFinding):
    """A finding as the enterprise page lists it: the batch report's, and where in the statement it stands."""

    pointer: str


@dataclass(frozen=True, slots=True)
class Record:
    """One statement file as the site shows and indexes it."""

    path: str
    digest: str  # sha256 of the file's bytes: the cache key of everything made from it
    statement_key: str
    status: str  # one of STATUSES
    errors: int
    warnings: int
    findings: tuple[ShownFinding, ...]  # in the site's first language
    name: str
    kvk: str | None  # only a well-formed KvK number groups periods into one enterprise
    period_start: str | None = None
    period_end: str | None = None
    published: str | None = None
    language: str | None = None
    website: str | None = None
    mission: str = ""
    municipality: str | None = None
    municipality_code: str | None = None  # CBS code, GM0344
    province_code: str | None = None  # CBS code, PV26
    legal_form: str | None = None
    impact_areas: tuple[str, ...] = ()
    sdg_goals: tuple[int, ...] = ()
    labels: tuple[str, ...] = ()
    pso_level: str | None = None
    assurance: str | None = None
    evidence_level: int | None = None  # the highest Nesta level of its outcomes
    words: frozenset[str] = frozenset()
    rows: dict[str, list[tuple[Any, ...]]] = field(default_factory=dict)
    translated_findings: dict[str, tuple[ShownFinding, ...]] = field(default_factory=dict)  # the other languages

    def findings_in(self, language: str) -> tuple[ShownFinding, ...]:
        """The findings with their messages and hints in ``language`` (the same findings in every language)."""
        return self.translated_findings.get(language, self.findings)

    @property
    def indexable(self) -> bool:
        """Whether search engines may index its page: only a valid, published statement."""
        return self.status == "valid"

    @property
    def enterprise_slug(self) -> str:
        """The folder of its enterprise: the KvK number, else one made from the file's path."""
        if self.kvk:
            return self.kvk
        return "x" + hashlib.sha256(self.path.encode("utf-8")).hexdigest()[:12]

    @property
    def period_label(self) -> str:
        if self.period_start and self.period_end:
            return f"{self.period_start} – {self.period_end}"
        return self.period_end or self.period_start or ""

    @property
    def year(self) -> str:
        return (self.period_end or "")[:4] if (self.period_end or "")[:4].isdigit() else ""


def _status(findings: Sequence[Finding], readable: bool, statement: Statement | None) -> str:
    """The export's status, with a valid statement that has no publication date yet a draft."""
    from impactclaim.dataset.tables import status_of

    status = status_of(findings, readable)
    return "draft" if status == "valid" and (statement is None or not statement.published) else status


def _texts(statement: Statement) -> list[str]:
    """The texts search looks in: names, place, mission, problem and impact, outcomes and claims."""
    organisation = statement.organisation
    found = [organisation.name or "", organisation.trade_name or "", organisation.municipality or ""]
    for text in (statement.mission.statement, statement.theory_of_change.problem, statement.theory_of_change.impact):
        found += [variant for _, variant in text.variants]
    for outcome in statement.outcomes:
        found += [variant for _, variant in outcome.what.description.variants]
    for claim in statement.claims:
        found += [variant for _, variant in claim.text.variants]
    return found


def _shown(findings: Iterable[Any]) -> tuple[ShownFinding, ...]:
    return tuple(ShownFinding(finding.line or 0, finding.column or 0, finding.code, str(finding.severity),
                              finding.message, finding.hint or "", finding.pointer or "") for finding in findings)


def make_record(path: str, options: Any, languages: tuple[str, ...] = ("en",)) -> Record:
    """Check one file and keep what the site needs of it (run in a worker with --jobs).

    The findings are written in each of the site's ``languages``: a reader of the Dutch page reads
    Dutch. A file without findings is checked once.
    """
    from impactclaim.checker import check_path_and_read
    from impactclaim.dataset.export import rows_as_tuples
    from impactclaim.dataset.tables import rows_of, statement_key
    from impactclaim.portfolio.regions import municipality_code, province_code

    checked = check_path_and_read(path, options, render_safety=True, language=languages[0])
    findings = checked.result.findings
    errors = sum(1 for finding in findings if finding.is_error)
    shown = _shown(findings)
    translated = {language: _shown(check_path_and_read(path, options, render_safety=True,
                                                       language=language).result.findings)
                  for language in languages[1:] if findings}
    rows = rows_as_tuples(rows_of(checked.result.path, checked.raw, findings, checked.statement, checked.read,
                                  checked.readable))
    common: dict[str, Any] = {"path": path, "digest": hashlib.sha256(checked.raw).hexdigest(),
              "statement_key": statement_key(checked.raw), "errors": errors,
              "warnings": len(findings) - errors, "findings": shown, "translated_findings": translated,
                              "rows": rows}
    statement = checked.read
    if statement is None:
        return Record(status=_status(findings, checked.readable, None), name="", kvk=None, **common)
    organisation = statement.organisation
    period = statement.reporting_period
    code = organisation.municipality_code
    language = statement.language or ""
    memberships = organisation.memberships
    pso = statement.procurement.pso if statement.procurement else None
    pso_level = pso.level if pso and pso.level else next(
        (membership.level for membership in memberships if membership.scheme == "pso" and membership.level), None)
    labels = sorted({membership.scheme for membership in memberships if membership.scheme}
                    | {claim.label.name for claim in statement.claims if claim.label and claim.label.name})
    goals = sorted({int(target.value.split(".")[0]) for outcome in statement.outcomes
                    for target in outcome.sdg_targets if target.value.split(".")[0].isdigit()})
    levels = [outcome.evidence.level for outcome in statement.outcomes if outcome.evidence.level]
    kvk = organisation.kvk_number if organisation.kvk_number and KVK.match(organisation.kvk_number) else None
    return Record(
        status=_status(findings, True, checked.statement), name=organisation.name or "", kvk=kvk,
        period_start=period.start if period else None, period_end=period.end if period else None,
        published=statement.published, language=language or None, website=organisation.website,
        mission=statement.mission.statement.get(language, language),
        municipality=organisation.municipality,
        municipality_code=municipality_code(code.code if code else None, organisation.municipality),
        province_code=province_code(organisation.province), legal_form=organisation.legal_form,
        impact_areas=tuple(sorted(set(statement.mission.impact_areas))),
        sdg_goals=tuple(goal for goal in goals if 1 <= goal <= 17), labels=tuple(labels), pso_level=pso_level,
        assurance=statement.assurance.level if statement.assurance else None,
        evidence_level=max(levels) if levels else None, words=frozenset(words_of(_texts(statement))),
        **common)
