"""The reporter interface and the batch summary every reporter ends with."""

from __future__ import annotations

from typing import TextIO

from impactclaim.checker import FileResult
from impactclaim.i18n import ngettext
from impactclaim.run import Summary

REPORT_SUFFIXES = (".csv", ".json", ".html")  # the batch report types (impactclaim.reporters.batch)


def files(count: int) -> str:
    """``1 file``, ``2 files``, in the reader's language."""
    return ngettext("{count} file", "{count} files", count).format(count=count)


def errors(count: int) -> str:
    return ngettext("{count} error", "{count} errors", count).format(count=count)


def warnings(count: int) -> str:
    return ngettext("{count} warning", "{count} warnings", count).format(count=count)


def statements(count: int) -> str:
    return ngettext("{count} statement", "{count} statements", count).format(count=count)


class Reporter:
    """Writes results to ``stream``.

    ``color`` is decided by the caller (a terminal, NO_COLOR); ``strict`` says whether warnings
    make a file fail.
    """

    def __init__(self, stream: TextIO, color: bool = False, strict: bool = False) -> None:
        self.stream = stream
        self.color = color
        self.strict = strict
        self.languages: set[str] = set()  # of the results' messages: the summary speaks theirs when they agree

    def summary_language(self) -> str | None:
        """The language the files' messages were written in, when all of them share one."""
        return next(iter(self.languages)) if len(self.languages) == 1 else None

    def file_result(self, result: FileResult) -> None:
        """Called once per file, in output order."""

    def finish(self, summary: Summary) -> None:
        """Called once after the last file."""
