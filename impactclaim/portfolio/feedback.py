"""Feedback sheets: for each submitted statement, its findings with lines and hints, to send back.

A sheet is in the statement's own language (the findings were written in it, unless the run chose
one for all), as a self-contained HTML page and a PDF made from it.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from impactclaim import i18n
from impactclaim.reporters.batch import ReportFinding


@dataclass(frozen=True)
class Sheet:
    statement_key: str
    source_path: str
    organisation: str
    kvk: str
    period: str
    status: str
    language: str
    findings: tuple[ReportFinding, ...]

    @property
    def errors(self) -> int:
        return sum(1 for finding in self.findings if finding.severity == "error")

    @property
    def warnings(self) -> int:
        return len(self.findings) - self.errors


def sheets(dataset: Path, language: str) -> list[Sheet]:
    """One sheet per statement file of the dataset, in file order."""
    from impactclaim.portfolio.compute import _connect

    db = _connect(dataset)
    found: dict[str, list[ReportFinding]] = {}
    for key, *values in db.execute("""SELECT statement_key, line, "column", code, severity, message, coalesce(hint, '')
                                      FROM findings ORDER BY statement_key, line, "column", code""").fetchall():
        found.setdefault(key, []).append(ReportFinding(*values))
    result = []
    for key, path, organisation, kvk, start, end, status, own in db.execute("""
            SELECT statement_key, source_path, coalesce(organisation_name, ''), coalesce(kvk_number, ''),
                   period_start, period_end, status, language FROM statements ORDER BY source_path""").fetchall():
        period = f"{start} – {end}" if start and end else ""
        # The findings were written in the configured language, else in the statement's own: the sheet follows.
        sheet_language = i18n.configured() or i18n.normalise(own) or language
        result.append(Sheet(key, path, organisation, kvk, period, status, sheet_language, tuple(found.get(key, ()))))
    db.close()
    return result


def _file_names(items: list[Sheet]) -> dict[str, str]:
    """A file name per sheet, from the statement's file name; the same name twice gets its key added."""
    stems: dict[str, int] = {}
    for sheet in items:
        stem = Path(sheet.source_path).stem
        stems[stem] = stems.get(stem, 0) + 1
    names = {}
    for sheet in items:
        stem = re.sub(r"[^\w.-]+", "-", Path(sheet.source_path).stem).strip("-.") or "statement"
        names[sheet.statement_key] = f"{stem}-{sheet.statement_key[:8]}" if stems[Path(sheet.source_path).stem] > 1 \
            else stem
    return names


def render_sheet(sheet: Sheet) -> str:
    from impactclaim.portfolio.render import render_page

    with i18n.using(sheet.language):
        return render_page("feedback.html.j2", sheet=sheet, name=os.path.basename(sheet.source_path),
                           language=sheet.language)


def write_sheets(dataset: Path, folder: Path, language: str, *, pdf: bool = True) -> list[Path]:
    """Write a sheet per statement into ``folder`` (HTML, and PDF unless ``pdf`` is false); the files written."""
    from impactclaim.atomic import atomic_write
    from impactclaim.portfolio.render import render_pdf

    folder.mkdir(parents=True, exist_ok=True)
    items = sheets(dataset, language)
    names = _file_names(items)
    written = []
    for sheet in items:
        html = render_sheet(sheet)
        target = folder / f"{names[sheet.statement_key]}.html"
        atomic_write(target, html.encode("utf-8"))
        written.append(target)
        if pdf:
            target = target.with_suffix(".pdf")
            atomic_write(target, render_pdf(html))
            written.append(target)
    return written
