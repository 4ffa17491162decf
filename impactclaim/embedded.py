"""Take the embedded impact statement back out of a profile PDF, byte for byte (for validate and extract).

A profile carries its statement as a PDF/A-3 associated file with relationship ``Source``
(see :mod:`impactclaim.profile.pdf`). This module finds it in any PDF, also one that another
tool has re-saved, and returns its bytes untouched. pypdf is imported only when a PDF is read,
so ``impactclaim validate`` on YAML files never pays for it.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from impactclaim.i18n import _, number

PDF_MAGIC = b"%PDF-"
STATEMENT_SUFFIXES = (".yaml", ".yml")
DEFAULT_MAX_BYTES = 5 * 1024 * 1024


class ExtractError(ValueError):
    """The file is not a readable PDF, or its embedded statement is unusable."""


def looks_like_pdf(head: bytes) -> bool:
    """True when ``head`` (the first bytes of a file) starts a PDF; PDFs may have junk before the header."""
    return PDF_MAGIC in head[:1024]


def statement_bytes_from_pdf(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> bytes | None:
    """The statement embedded in the PDF at ``path``, or None when the PDF carries none.

    The attachment marked ``/AFRelationship /Source`` with a YAML name or MIME type wins; a
    PDF that lost the relationship (some tools drop it) is still read by the file name.
    Raises :class:`ExtractError` when the file is not a readable PDF or the statement is larger
    than ``max_bytes``.
    """
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError as error:  # pragma: no cover - pypdf is a dependency
        raise ExtractError(_("reading PDF files needs the pypdf package")) from error
    with open(path, "rb") as stream:
        if not looks_like_pdf(stream.read(1024)):
            raise ExtractError(_("the file is not a PDF (it does not start with %PDF-)"))
    pypdf_logger = logging.getLogger("pypdf")
    level = pypdf_logger.level
    pypdf_logger.setLevel(logging.CRITICAL)  # pypdf logs repairs of damaged files; the finding says enough
    try:
        reader = PdfReader(os.fspath(path), strict=False)
        candidates = list(_embedded_files(reader))
    except (PdfReadError, OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise ExtractError(_("the file is not a readable PDF: {reason}").format(reason=error)) from error
    finally:
        pypdf_logger.setLevel(level)
    if not candidates:
        return None
    candidates.sort(key=lambda candidate: candidate[0], reverse=True)
    _score, stream = candidates[0]
    declared = _declared_size(stream)
    if declared is not None and declared > max_bytes:
        raise ExtractError(_("the embedded statement is {size} bytes, over the limit of {limit}").format(
            size=number(declared), limit=number(max_bytes)))
    try:
        content: bytes = stream.get_data()
    except (PdfReadError, OSError, ValueError) as error:
        raise ExtractError(_("the embedded statement cannot be decoded: {reason}").format(reason=error)) from error
    if len(content) > max_bytes:
        raise ExtractError(_("the embedded statement is {size} bytes, over the limit of {limit}").format(
            size=number(len(content)), limit=number(max_bytes)))
    return content


def _embedded_files(reader: Any) -> Any:
    """Yield (score, stream) for every embedded file that could be a statement."""
    from pypdf.generic import ArrayObject, DictionaryObject

    seen: set[int] = set()
    specs: list[Any] = []
    root = reader.trailer["/Root"]
    associated = root.get("/AF")
    if isinstance(associated, ArrayObject):
        specs.extend(item.get_object() for item in associated)
    names = root.get("/Names")
    if isinstance(names, DictionaryObject) and "/EmbeddedFiles" in names:
        specs.extend(_name_tree_values(names["/EmbeddedFiles"].get_object()))
    for spec in specs:
        if not isinstance(spec, DictionaryObject) or id(spec) in seen:
            continue
        seen.add(id(spec))
        files = spec.get("/EF")
        if not isinstance(files, DictionaryObject):
            continue
        stream_reference = files.get("/UF") or files.get("/F")
        if stream_reference is None:
            continue
        stream = stream_reference.get_object()
        name = str(spec.get("/UF") or spec.get("/F") or "")
        mime = str(stream.get("/Subtype", "")).replace("#2F", "/").replace("#2f", "/").lower()
        yaml_like = name.lower().endswith(STATEMENT_SUFFIXES) or "yaml" in mime
        if not yaml_like:
            continue
        is_source = str(spec.get("/AFRelationship", "")) == "/Source"
        yield (2 if is_source else 1), stream


def _name_tree_values(node: Any, depth: int = 0) -> list[Any]:
    """The values of a PDF name tree (bounded depth: a hostile PDF may loop)."""
    if depth > 16 or node is None:
        return []
    values: list[Any] = []
    pairs = node.get("/Names")
    if pairs is not None:
        values.extend(item.get_object() for item in list(pairs)[1::2])
    for kid in node.get("/Kids", []) or []:
        values.extend(_name_tree_values(kid.get_object(), depth + 1))
    return values


def _declared_size(stream: Any) -> int | None:
    params = stream.get("/Params")
    if params is None:
        return None
    size = params.get_object().get("/Size")
    return int(size) if size is not None else None
