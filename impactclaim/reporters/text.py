"""The human-readable report: ``path:line:col: error[CODE] message``, pointer and hint."""

from __future__ import annotations

from impactclaim import i18n
from impactclaim.checker import FileResult
from impactclaim.findings import Severity, printable
from impactclaim.i18n import _
from impactclaim.reporters.base import Reporter, errors, files, warnings
from impactclaim.run import Summary

_STYLES = {"error": "\033[1;31m", "warning": "\033[1;33m", "dim": "\033[2m", "bold": "\033[1m",
           "ok": "\033[1;32m"}
_RESET = "\033[0m"


class TextReporter(Reporter):
    """Every finding of every file, then a one-line summary."""

    def _style(self, text: str, style: str) -> str:
        return f"{_STYLES[style]}{text}{_RESET}" if self.color else text

    def file_result(self, result: FileResult) -> None:
        self.languages.add(result.language)
        with i18n.using(result.language):  # "at" and "hint" in the language of the messages they label
            self._write_findings(result)

    def _write_findings(self, result: FileResult) -> None:
        write = self.stream.write
        for finding in result.findings:
            severity = finding.severity.value
            label = self._style(f"{severity}[{finding.code}]",
                                "error" if finding.severity is Severity.ERROR else "warning")
            where = self._style(f"{printable(finding.path)}:{finding.line}:{finding.column}:", "bold")
            write(f"{where} {label} {printable(finding.message)}\n")
            if finding.pointer:
                write(self._style("    " + _("at {pointer}").format(pointer=finding.pointer), "dim") + "\n")
            if finding.hint:
                write("    " + _("hint: {hint}").format(hint=printable(finding.hint)) + "\n")

    def finish(self, summary: Summary) -> None:
        with i18n.using(self.summary_language()):
            self._write_summary(summary)

    def _write_summary(self, summary: Summary) -> None:
        checked, found = files(summary.files), (errors(summary.errors), warnings(summary.warnings))
        if summary.files == 0:
            line = _("No statement files checked.")
        elif summary.failed == 0:
            line = self._style(_("{files} checked: all valid").format(files=checked), "ok") + \
                _(" ({errors}, {warnings}).").format(errors=found[0], warnings=found[1])
        else:
            line = _("{files} checked: {valid} valid, {invalid} invalid ({errors}, {warnings}).").format(
                files=checked, valid=summary.passed, invalid=summary.failed, errors=found[0], warnings=found[1])
        self.stream.write(line + "\n")
