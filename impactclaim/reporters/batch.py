"""The intermediary's batch report (``--report FILE``): one row per statement, as CSV, JSON or HTML."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from impactclaim import __version__, i18n
from impactclaim.atomic import atomic_write
from impactclaim.checker import FileResult
from impactclaim.i18n import N_, _, ngettext
from impactclaim.reporters.base import REPORT_SUFFIXES


@dataclass(frozen=True, slots=True)
class ReportFinding:
    """One finding as the report lists it: where, which, what and how to fix it."""

    line: int
    column: int
    code: str
    severity: str
    message: str
    hint: str


@dataclass(frozen=True, slots=True)
class BatchRow:
    """One statement of the report; the fields up to ``codes`` are the report's columns, in order."""

    path: str
    organisation: str
    kvk_number: str
    period_start: str
    period_end: str
    status: str
    errors: int
    warnings: int
    codes: str
    flags: str = ""  # duplicate, other-period: set when the report is written, over all rows
    findings: tuple[ReportFinding, ...] = ()

    @property
    def valid(self) -> bool:
        return self.status == "valid"


COLUMNS = ("path", "organisation", "kvk_number", "period_start", "period_end", "status", "errors", "warnings",
           "codes", "flags")
FINDING_COLUMNS = ("line", "column", "code", "severity", "message", "hint")


def flagged(rows: list[BatchRow]) -> list[BatchRow]:
    """``rows`` with their flags: the same KvK number for overlapping periods (duplicate), and a
    reporting period other than the one most statements cover (other-period)."""
    periods = Counter((row.period_start, row.period_end) for row in rows if row.period_start and row.period_end)
    common = periods.most_common(1)[0][0] if periods else None
    by_kvk: dict[str, list[BatchRow]] = {}
    for row in rows:
        if row.kvk_number:
            by_kvk.setdefault(row.kvk_number, []).append(row)
    result = []
    for row in rows:
        flags = []
        others = [other for other in by_kvk.get(row.kvk_number, []) if other is not row]
        if any(_overlap(row, other) for other in others):
            flags.append("duplicate")
        if common is not None and row.period_start and (row.period_start, row.period_end) != common:
            flags.append("other-period")
        result.append(dataclasses.replace(row, flags=" ".join(flags)))
    return result


def _overlap(first: BatchRow, second: BatchRow) -> bool:
    if not (first.period_start and first.period_end and second.period_start and second.period_end):
        return False
    return first.period_start <= second.period_end and second.period_start <= first.period_end


@dataclass(slots=True)
class BatchReport:
    """Rows of a batch, each with its findings' words, and code counts."""

    strict: bool = False
    rows: list[BatchRow] = field(default_factory=list)
    code_files: Counter[str] = field(default_factory=Counter)

    def add(self, result: FileResult) -> None:
        codes = sorted({finding.code for finding in result.findings})
        self.code_files.update(codes)
        facts = result.facts
        findings = tuple(ReportFinding(finding.line, finding.column, finding.code, str(finding.severity),
                                       finding.message, finding.hint) for finding in result.findings)
        self.rows.append(BatchRow(result.path, facts.organisation, facts.kvk_number, facts.period_start,
                                  facts.period_end, "valid" if result.passes(self.strict) else "invalid",
                                  result.errors, result.warnings, " ".join(codes), findings=findings))

    def summary(self) -> dict[str, Any]:
        valid = sum(1 for row in self.rows if row.valid)
        frequent = sorted(self.code_files.items(), key=lambda item: (-item[1], item[0]))[:10]
        summaries = _summaries() if frequent else {}
        return {
            "files": len(self.rows),
            "valid": valid,
            "invalid": len(self.rows) - valid,
            "errors": sum(row.errors for row in self.rows),
            "warnings": sum(row.warnings for row in self.rows),
            "most_frequent": [{"code": code, "files": count, "summary": summaries.get(code, "")}
                              for code, count in frequent],
        }

    def render(self, suffix: str) -> str:
        rows = flagged(self.rows)
        if suffix == ".csv":
            return _csv(rows)
        if suffix == ".json":
            statements = [{**{column: getattr(row, column) for column in COLUMNS},
                           "findings": [dataclasses.asdict(finding) for finding in row.findings]} for row in rows]
            return json.dumps({"tool": {"name": "impactclaim", "version": __version__},
                               "summary": self.summary(), "statements": statements}, indent=2,
                              ensure_ascii=False) + "\n"
        if suffix == ".html":
            return _render_html(rows, self.summary())
        raise ValueError(f"unknown report type {suffix!r}; use one of {', '.join(REPORT_SUFFIXES)}")

    def write(self, path: str | Path) -> None:
        atomic_write(path, self.render(Path(path).suffix.lower()).encode("utf-8"))


def _csv(rows: list[BatchRow]) -> str:
    """One line per finding (a statement without findings gets one line too), for a spreadsheet.

    UTF-8 with a byte-order mark, so that Excel shows the accents; in Dutch the separator is ";",
    which a Dutch Excel splits into columns (it reads "," as a decimal comma).
    """
    separator = ";" if i18n.current() == "nl" else ","
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=separator, lineterminator="\r\n")
    writer.writerow([*COLUMNS, *FINDING_COLUMNS])
    for row in rows:
        statement = [_spreadsheet_safe(getattr(row, column)) for column in COLUMNS]
        for finding in row.findings or (None,):
            details = [_spreadsheet_safe(getattr(finding, column)) if finding else "" for column in FINDING_COLUMNS]
            writer.writerow([*statement, *details])
    return "\ufeff" + buffer.getvalue()


def _spreadsheet_safe(value: Any) -> Any:
    # A cell that starts like a formula is run by spreadsheet programs ("CSV injection"); an
    # organisation name is the submitter's text, so such cells are quoted with a leading '.
    if isinstance(value, str) and value.startswith(("=", "+", "-", "@", "\t", "\r")):
        return "'" + value
    return value


def _summaries() -> dict[str, str]:
    from impactclaim.catalogue import catalogue

    return {info.code: info.summary for info in catalogue()}


# The HTML report's column headings; the CSV and JSON keep the field names, which are structure.
_LABELS = (("path", N_("File")), ("organisation", N_("Organisation")), ("kvk_number", N_("KvK")),
           ("period", N_("Period")), ("status", N_("Status")), ("errors", N_("Errors")), ("warnings", N_("Warnings")),
           ("codes", N_("Codes")), ("flags", N_("Flags")))
_FLAGS = {"duplicate": N_("the same KvK number for an overlapping period"),
          "other-period": N_("another reporting period than most")}


def _render_html(rows: list[BatchRow], summary: dict[str, Any]) -> str:
    from jinja2 import Environment

    source = (Path(__file__).parent / "batch_report.html.j2").read_text(encoding="utf-8")
    template = Environment(autoescape=True).from_string(source)
    codes = sorted({finding.code for row in rows for finding in row.findings})
    return template.render(rows=rows, summary=summary, columns=_LABELS, version=__version__, codes=codes,
                           flag_words=_FLAGS, language=i18n.current(), _=_, ngettext=ngettext)
