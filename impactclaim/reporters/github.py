"""GitHub Actions workflow commands: one ``::error file=,line=,col=,title=::`` annotation per finding."""

from __future__ import annotations

from impactclaim import i18n
from impactclaim.checker import FileResult
from impactclaim.findings import printable
from impactclaim.i18n import _
from impactclaim.reporters.base import Reporter, errors, files, warnings
from impactclaim.run import Summary


def _escape_data(text: str) -> str:
    # https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts; line breaks are
    # escaped first, then any other control character is replaced.
    return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter(Reporter):
    """Annotations that GitHub shows on the exact line of the pull request, then a summary line."""

    def file_result(self, result: FileResult) -> None:
        self.languages.add(result.language)
        with i18n.using(result.language):
            self._write_findings(result)

    def _write_findings(self, result: FileResult) -> None:
        for finding in result.findings:
            hint = " (" + _("hint: {hint}").format(hint=finding.hint) + ")" if finding.hint else ""
            message = finding.message + hint
            properties = ",".join((
                f"file={_escape_property(finding.path)}", f"line={finding.line}", f"col={finding.column}",
                f"title={_escape_property(finding.code)}",
            ))
            self.stream.write(f"::{finding.severity.value} {properties}::{_escape_data(message)}\n")

    def finish(self, summary: Summary) -> None:
        with i18n.using(self.summary_language()):
            self._write_summary(summary)

    def _write_summary(self, summary: Summary) -> None:
        self.stream.write(_("{files} checked: {valid} valid, {invalid} invalid ({errors}, {warnings}).").format(
            files=files(summary.files), valid=summary.passed, invalid=summary.failed, errors=errors(summary.errors),
            warnings=warnings(summary.warnings)) + "\n")
