"""Reporters turn file results into text for people or structured output for tools.

Each reporter is a small class picked by name with :func:`reporter_class`. A reporter receives
the results one file at a time (so a large batch is streamed) and a summary at the end. Only the
reporter asked for is imported: pre-commit runs the text one often, and the others pull in XML,
URL and rule-documentation machinery it does not need.
"""

from __future__ import annotations

import importlib
from typing import Any

from impactclaim.reporters.base import Reporter
from impactclaim.run import Summary

REPORTERS: dict[str, tuple[str, str]] = {
    "text": ("impactclaim.reporters.text", "TextReporter"),
    "json": ("impactclaim.reporters.json", "JsonReporter"),
    "github": ("impactclaim.reporters.github", "GithubReporter"),
    "sarif": ("impactclaim.reporters.sarif", "SarifReporter"),
    "junit": ("impactclaim.reporters.junit", "JunitReporter"),
}


def reporter_class(name: str) -> type[Reporter]:
    """The reporter registered as ``name``; raises KeyError for an unknown name."""
    module, attribute = REPORTERS[name]
    found: type[Reporter] = getattr(importlib.import_module(module), attribute)
    return found


def __getattr__(name: str) -> Any:
    # ``from impactclaim.reporters import SarifReporter`` keeps working, imported on first use.
    for module, attribute in REPORTERS.values():
        if attribute == name:
            return getattr(importlib.import_module(module), attribute)
    raise AttributeError(name)


__all__ = ["REPORTERS", "Reporter", "Summary", "reporter_class"]
