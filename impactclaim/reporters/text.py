"""The human-readable report: ``path:line:col: error[CODE] message``, pointer and hint."""

from __future__ import annotations

from impactclaim.checker import FileResult
from impactclaim.findings import Severity, printable
from impactclaim.reporters.base import Reporter, plural
from impactclaim.run import Summary

_STYLES = {"error": "\033[1;31m", "warning": "\033[1;33m", "dim": "\033[2m", "bold": "\033[1m",
           "ok": "\033[1;32m"}
_RESET = "\033[0m"


class TextReporter(Reporter):
    """Every finding of every file, then a one-line summary."""

    def _style(self, text: str, style: str) -> str:
        return f"{_STYLES[style]}{text}{_RESET}" if self.color else text

    def file_result(self, result: FileResult) -> None:
        write = self.stream.write
        for finding in result.findings:
            severity = finding.severity.value
            label = self._style(f"{severity}[{finding.code}]",
                                "error" if finding.severity is Severity.ERROR else "warning")
            where = self._style(f"{printable(finding.path)}:{finding.line}:{finding.column}:", "bold")
            write(f"{where} {label} {printable(finding.message)}\n")
            if finding.pointer:
                write(self._style(f"    at {finding.pointer}", "dim") + "\n")
            if finding.hint:
                write(f"    hint: {printable(finding.hint)}\n")

    def finish(self, summary: Summary) -> None:
        files = plural(summary.files, "file")
        counts = f"{plural(summary.errors, 'error')}, {plural(summary.warnings, 'warning')}"
        if summary.files == 0:
            line = "No statement files checked."
        elif summary.failed == 0:
            line = self._style(f"{files} checked: all valid", "ok") + f" ({counts})."
        else:
            line = f"{files} checked: {summary.passed} valid, {summary.failed} invalid ({counts})."
        self.stream.write(line + "\n")
