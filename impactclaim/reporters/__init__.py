"""Reporters turn file results into text for people or structured output for tools.

Each reporter is a small class picked by name from :data:`REPORTERS`. A reporter receives the
results one file at a time (so a large batch is streamed) and a summary at the end.
"""

from __future__ import annotations

from impactclaim.reporters.base import Reporter, Summary
from impactclaim.reporters.github import GithubReporter
from impactclaim.reporters.json import JsonReporter
from impactclaim.reporters.junit import JunitReporter
from impactclaim.reporters.sarif import SarifReporter
from impactclaim.reporters.text import TextReporter

REPORTERS: dict[str, type[Reporter]] = {
    "text": TextReporter,
    "json": JsonReporter,
    "github": GithubReporter,
    "sarif": SarifReporter,
    "junit": JunitReporter,
}

__all__ = ["REPORTERS", "GithubReporter", "JsonReporter", "JunitReporter", "Reporter", "SarifReporter", "Summary",
           "TextReporter"]
