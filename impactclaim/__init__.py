"""impactclaim: check impact statements against a shared schema and render impact profiles.

The public API::

    import impactclaim
    document = impactclaim.load("statement.yaml")      # never raises for bad input
    findings = impactclaim.validate("statement.yaml")   # list of Finding, sorted by position
"""

from __future__ import annotations

import os

__version__ = "0.1.0"

from impactclaim.findings import Finding, Severity
from impactclaim.loader import Document, LoadLimits, SourceMap, load_bytes, load_path


def load(path: str | os.PathLike[str], limits: LoadLimits | None = None) -> Document:
    """Load a statement file; problems are on ``document.findings``, nothing is raised."""
    return load_path(path, limits or LoadLimits())


def validate(source: str | os.PathLike[str] | Document, *, strict: bool = False,
             limits: LoadLimits | None = None) -> list[Finding]:
    """Every finding of a statement file (or an already loaded document), sorted by position."""
    from impactclaim.checker import CheckOptions, check_document

    options = CheckOptions(limits=limits or LoadLimits(), strict=strict)
    document = source if isinstance(source, Document) else load_path(source, options.limits)
    return check_document(document, options)


__all__ = [
    "Document", "Finding", "LoadLimits", "Severity", "SourceMap", "__version__",
    "load", "load_bytes", "validate",
]
