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
class BatchRow:
    """One statement of the report; the fields are the report's columns, in order."""

    path: str
    organisation: str
    kvk_number: str
    period_start: str
    period_end: str
    status: str
    errors: int
    warnings: int
    codes: str

    @property
    def valid(self) -> bool:
        return self.status == "valid"


COLUMNS = tuple(column.name for column in dataclasses.fields(BatchRow))


@dataclass(slots=True)
class BatchReport:
    """Rows of a batch (a few short strings each, so ten thousand rows stay small) and code counts."""

    strict: bool = False
    rows: list[BatchRow] = field(default_factory=list)
    code_files: Counter[str] = field(default_factory=Counter)

    def add(self, result: FileResult) -> None:
        codes = sorted({finding.code for finding in result.findings})
        self.code_files.update(codes)
        facts = result.facts
        self.rows.append(BatchRow(result.path, facts.organisation, facts.kvk_number, facts.period_start,
                                  facts.period_end, "valid" if result.passes(self.strict) else "invalid",
                                  result.errors, result.warnings, " ".join(codes)))

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
        rows = [dataclasses.asdict(row) for row in self.rows]
        if suffix == ".csv":
            buffer = io.StringIO()
            writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
            writer.writeheader()
            writer.writerows({key: _spreadsheet_safe(value) for key, value in row.items()} for row in rows)
            return buffer.getvalue()
        if suffix == ".json":
            return json.dumps({"tool": {"name": "impactclaim", "version": __version__},
                               "summary": self.summary(), "statements": rows}, indent=2, ensure_ascii=False) + "\n"
        if suffix == ".html":
            return _render_html(rows, self.summary())
        raise ValueError(f"unknown report type {suffix!r}; use one of {', '.join(REPORT_SUFFIXES)}")

    def write(self, path: str | Path) -> None:
        atomic_write(path, self.render(Path(path).suffix.lower()).encode("utf-8"))


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
           ("codes", N_("Codes")))


def _render_html(rows: list[dict[str, Any]], summary: dict[str, Any]) -> str:
    from jinja2 import Environment

    source = (Path(__file__).parent / "batch_report.html.j2").read_text(encoding="utf-8")
    template = Environment(autoescape=True).from_string(source)
    return template.render(rows=rows, summary=summary, columns=_LABELS, version=__version__,
                           language=i18n.current(), _=_, ngettext=ngettext)
