"""impactclaim: check impact statements against a shared schema and render impact profiles.

The public API::

    import impactclaim
    document = impactclaim.load("statement.yaml")      # never raises for bad input
    statement = impactclaim.read(document)              # the typed statement (impactclaim.statement)
    findings = impactclaim.validate("statement.yaml", ignore=["IC104"])   # list of Finding
    result = impactclaim.render("statement.yaml", format="pdf")           # result.content: bytes
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable
from typing import TYPE_CHECKING

__version__ = "0.1.0"

from impactclaim.findings import Finding, Severity
from impactclaim.loader import Document, LoadLimits, SourceMap, load_bytes, load_path

if TYPE_CHECKING:
    from impactclaim.profile.command import Rendered
    from impactclaim.statement import Statement

PathOrDocument = str | os.PathLike[str] | Document


def load(path: str | os.PathLike[str], limits: LoadLimits | None = None) -> Document:
    """Load a statement file; problems are on ``document.findings``, nothing is raised."""
    return load_path(path, limits or LoadLimits())


def read(source: PathOrDocument, limits: LoadLimits | None = None) -> Statement:
    """The typed statement of a file or loaded document (empty parts where it could not be read)."""
    from impactclaim.statement import read_statement

    document = source if isinstance(source, Document) else load_path(source, limits or LoadLimits())
    return read_statement(document.data)


def validate(source: PathOrDocument, *, strict: bool = False, select: Iterable[str] | None = None,
             ignore: Iterable[str] = (), use_config: bool = True,
             limits: LoadLimits | None = None) -> list[Finding]:
    """Every finding of a statement file (or an already loaded document), sorted by position.

    ``select`` and ``ignore`` take codes or slugs, as on the command line, on top of the
    nearest ``impactclaim.toml`` unless ``use_config`` is False. With ``strict`` warnings count
    as errors, so they come back with severity error. Raises ValueError (UnknownCodeError) for a
    code that names nothing, or ConfigError for a broken configuration file.
    """
    from impactclaim.checker import CheckOptions, check_document

    options = CheckOptions(limits=limits or LoadLimits(), strict=strict,
                           select=tuple(select) if select is not None else None, ignore=tuple(ignore),
                           use_config=use_config)
    document = source if isinstance(source, Document) else load_path(source, options.limits)
    findings = check_document(document, options)
    if strict:
        findings = [dataclasses.replace(f, severity=Severity.ERROR) if f.severity is Severity.WARNING else f
                    for f in findings]
    return findings


def render(source: str | os.PathLike[str], *, format: str = "html", language: str | None = None,
           draft: bool = False, template_dir: str | None = None, source_date_epoch: str | None = None,
           select: Iterable[str] | None = None, ignore: Iterable[str] = (), use_config: bool = True,
           limits: LoadLimits | None = None) -> Rendered:
    """The impact profile of a statement file as bytes (``format`` "html" or "pdf"), written nowhere.

    ``result.content`` is None when the statement has errors and ``draft`` is False;
    ``result.findings`` are the findings either way, chosen by ``select``, ``ignore`` and the
    configuration as in :func:`validate`. Raises ValueError for a bad format, language, template
    folder or code.
    """
    from impactclaim.checker import CheckOptions
    from impactclaim.profile.command import render_bytes

    check = CheckOptions(select=tuple(select) if select is not None else None, ignore=tuple(ignore),
                         use_config=use_config)
    return render_bytes(os.fspath(source), output_format=format, language=language, draft=draft,
                        template_dir=template_dir, source_date_epoch=source_date_epoch,
                        limits=limits or LoadLimits(), check=check)


__all__ = [
    "Document", "Finding", "LoadLimits", "Severity", "SourceMap", "__version__",
    "load", "load_bytes", "read", "render", "validate",
]
