"""The reporter interface and the batch summary every reporter ends with."""

from __future__ import annotations

from typing import TextIO

from impactclaim.checker import FileResult
from impactclaim.run import Summary

REPORT_SUFFIXES = (".csv", ".json", ".html")  # the batch report types (impactclaim.reporters.batch)


def plural(count: int, word: str) -> str:
    """``1 file``, ``2 files``: a count with its noun (every noun the reports count takes an s)."""
    return f"{count} {word}" + ("" if count == 1 else "s")


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
