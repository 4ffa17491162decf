"""GitHub Actions workflow commands: one ``::error file=,line=,col=,title=::`` annotation per finding."""

from __future__ import annotations

from impactclaim.checker import FileResult
from impactclaim.findings import printable
from impactclaim.reporters.base import Reporter, plural
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
        for finding in result.findings:
            message = finding.message + (f" (hint: {finding.hint})" if finding.hint else "")
            properties = ",".join((
                f"file={_escape_property(finding.path)}", f"line={finding.line}", f"col={finding.column}",
                f"title={_escape_property(finding.code)}",
            ))
            self.stream.write(f"::{finding.severity.value} {properties}::{_escape_data(message)}\n")

    def finish(self, summary: Summary) -> None:
        self.stream.write(f"{plural(summary.files, 'file')} checked: {summary.passed} valid, {summary.failed} "
                          f"invalid ({plural(summary.errors, 'error')}, {plural(summary.warnings, 'warning')}).\n")
