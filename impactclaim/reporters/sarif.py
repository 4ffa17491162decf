"""SARIF 2.1.0 for code scanning, with every rule described in the tool section."""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from impactclaim import __version__
from impactclaim.catalogue import catalogue
from impactclaim.checker import FileResult
from impactclaim.reporters.base import Reporter
from impactclaim.run import Summary

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/impactclaim/impactclaim"


def _uri(path: str) -> str:
    return quote(PurePath(path).as_posix())


class SarifReporter(Reporter):
    """One run with the tool's rules and one result per finding."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._results: list[dict[str, Any]] = []
        self._rules = catalogue()
        self._rule_index = {info.code: index for index, info in enumerate(self._rules)}

    def file_result(self, result: FileResult) -> None:
        for finding in result.findings:
            text = finding.message + (f"\nHint: {finding.hint}" if finding.hint else "")
            entry: dict[str, Any] = {
                "ruleId": finding.code,
                "level": finding.severity.value,
                "message": {"text": text},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": _uri(finding.path)},
                    "region": {"startLine": finding.line, "startColumn": finding.column},
                }}],
            }
            if finding.code in self._rule_index:
                entry["ruleIndex"] = self._rule_index[finding.code]
            if finding.pointer:
                entry["properties"] = {"jsonPointer": finding.pointer}
            self._results.append(entry)

    def finish(self, summary: Summary) -> None:
        rules = [{
            "id": info.code,
            "name": info.slug,
            "shortDescription": {"text": info.summary},
            "fullDescription": {"text": info.documentation},
            "help": {"text": info.documentation},
            "defaultConfiguration": {"level": info.severity.value},
        } for info in self._rules]
        log = {
            "$schema": SARIF_SCHEMA,
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {"name": "impactclaim", "version": __version__,
                                    "informationUri": INFORMATION_URI, "rules": rules}},
                "results": self._results,
            }],
        }
        json.dump(log, self.stream, indent=2, ensure_ascii=False)
        self.stream.write("\n")
