"""The machine-readable report: one JSON object with every file, its findings and a summary."""

from __future__ import annotations

import json
from typing import Any

from impactclaim import __version__
from impactclaim.checker import FileResult
from impactclaim.reporters.base import Reporter
from impactclaim.run import Summary

FORMAT_VERSION = 1


class JsonReporter(Reporter):
    """A stable document: ``{"format_version", "tool", "files": [...], "summary": {...}}``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._files: list[dict[str, Any]] = []

    def file_result(self, result: FileResult) -> None:
        self._files.append({
            "path": result.path,
            "valid": result.passes(self.strict),
            "errors": result.errors,
            "warnings": result.warnings,
            "findings": [finding.as_dict() for finding in result.findings],
        })

    def finish(self, summary: Summary) -> None:
        document = {
            "format_version": FORMAT_VERSION,
            "tool": {"name": "impactclaim", "version": __version__},
            "files": self._files,
            "summary": {
                "files": summary.files,
                "valid": summary.passed,
                "invalid": summary.failed,
                "errors": summary.errors,
                "warnings": summary.warnings,
            },
        }
        json.dump(document, self.stream, indent=2, ensure_ascii=False)
        self.stream.write("\n")
