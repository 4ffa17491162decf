"""The reporter interface and the batch summary every reporter ends with."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TextIO

from impactclaim.checker import FileResult

REPORT_SUFFIXES = (".csv", ".json", ".html")  # the batch report types (impactclaim.reporters.batch)


@dataclass(slots=True)
class Summary:
    """Counts over a whole run."""

    files: int = 0
    passed: int = 0
    errors: int = 0
    warnings: int = 0

    @property
    def failed(self) -> int:
        return self.files - self.passed

    def add(self, result: FileResult, strict: bool) -> None:
        self.files += 1
        self.passed += result.passes(strict)
        self.errors += result.errors
        self.warnings += result.warnings


class Reporter:
    """Writes results to ``stream``.

    ``color`` is decided by the caller (a terminal, NO_COLOR); ``strict`` says whether warnings
    make a file fail.
    """

    def __init__(self, stream: TextIO, color: bool = False, strict: bool = False) -> None:
        self.stream = stream
        self.color = color
        self.strict = strict

    def file_result(self, result: FileResult) -> None:
        """Called once per file, in output order."""

    def finish(self, summary: Summary) -> None:
        """Called once after the last file."""
