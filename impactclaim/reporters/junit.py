"""JUnit XML for GitLab, Jenkins and other CI servers: one test case per statement."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from typing import Any

from impactclaim.checker import FileResult
from impactclaim.findings import printable
from impactclaim.reporters.base import Reporter, errors, warnings
from impactclaim.run import Summary


def _line(finding: Any) -> str:
    # XML 1.0 cannot hold most control characters: a file name with one would make the report unreadable.
    text = f"{finding.path}:{finding.line}:{finding.column}: {finding.severity.value}[{finding.code}] {finding.message}"
    return printable(text + (f"\n    hint: {finding.hint}" if finding.hint else ""))


class JunitReporter(Reporter):
    """A test suite in which a statement with errors (or warnings under --strict) is a failed case."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._cases: list[ElementTree.Element] = []

    def file_result(self, result: FileResult) -> None:
        path = printable(result.path)
        case = ElementTree.Element("testcase", {"classname": "impactclaim.validate", "name": path, "file": path,
                                                "time": "0"})
        details = "\n".join(_line(finding) for finding in result.findings)
        if not result.passes(self.strict):
            failure = ElementTree.SubElement(case, "failure", {
                "message": f"{errors(result.errors)}, {warnings(result.warnings)}",
                "type": ",".join(sorted({f.code for f in result.findings})),
            })
            failure.text = details
        elif details:
            ElementTree.SubElement(case, "system-out").text = details
        self._cases.append(case)

    def finish(self, summary: Summary) -> None:
        suites = ElementTree.Element("testsuites", {"name": "impactclaim", "tests": str(summary.files),
                                                    "failures": str(summary.failed), "errors": "0"})
        suite = ElementTree.SubElement(suites, "testsuite", {
            "name": "impactclaim validate", "tests": str(summary.files), "failures": str(summary.failed),
            "errors": "0", "skipped": "0", "time": "0"})
        suite.extend(self._cases)
        ElementTree.indent(suites)
        self.stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.stream.write(ElementTree.tostring(suites, encoding="unicode"))
        self.stream.write("\n")
