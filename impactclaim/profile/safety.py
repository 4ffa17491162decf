"""What a statement may make the renderer read: findings for URLs and paths, and the safe logo.

Rendering untrusted submissions must never touch the network or read a file the statement
should not reach. The rules:

- the logo (``organisation.logo``) is either a ``data:`` URI of a PNG, JPEG or SVG image, or a
  relative path to a regular file inside the statement's folder (symbolic links are resolved and
  must stay inside; ``..`` is refused outright). Its bytes must really be such an image, so no
  other file is ever embedded, and an SVG may not refer to anything outside itself;
- a ``file:`` URL anywhere in the statement is an error; any other URL outside the two web
  address fields is a warning: it is printed as text and never fetched.

Nothing here fetches or follows a URL. Messages name the value the statement gave, never the
content of a file.
"""

from __future__ import annotations

import base64
import binascii
import os
import re
import stat
import urllib.parse
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from impactclaim.codes import LOCAL_FILE_URL, LOGO_OUTSIDE, LOGO_REMOTE, LOGO_UNUSABLE, URL_IN_TEXT, Code
from impactclaim.findings import Finding, Severity, json_pointer
from impactclaim.loader import Document
from impactclaim.statement import Statement, read_statement

MAX_LOGO_BYTES = 1024 * 1024
LOGO_PATH: tuple[str, ...] = ("organisation", "logo")

# Fields whose value is a web address by definition: shown as a link, never fetched.
_LINK_FIELDS: tuple[tuple[str | None, ...], ...] = (
    ("organisation", "website"),
    ("outcomes", None, "evidence", "sources", None, "url"),
)
_FILE_URL = re.compile(r"(?i)\bfile:/")
_ANY_URL = re.compile(r"(?i)\b[a-z][a-z0-9+.-]{1,15}://")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_DATA_URI = re.compile(r"^data:(?P<mime>[^;,]*)(?P<params>(?:;[^;,]*)*),(?P<payload>.*)$", re.DOTALL)
_WEB_LINK = re.compile(r"^https?://[^\s<>\"'`]+$")
_SVG_REFERENCE = re.compile(r"(?i)url\(\s*['\"]?\s*([^'\")\s]*)")
_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
_JPEG_MAGIC = b"\xff\xd8\xff"
_MIME_TYPES = {"image/png": "png", "image/jpeg": "jpeg", "image/jpg": "jpeg", "image/svg+xml": "svg"}
_CANONICAL_MIME = {"png": "image/png", "jpeg": "image/jpeg", "svg": "image/svg+xml"}


@dataclass(frozen=True, slots=True)
class Logo:
    """A logo that passed every check, ready to embed."""

    mime_type: str
    content: bytes

    @property
    def data_uri(self) -> str:
        return f"data:{self.mime_type};base64,{base64.b64encode(self.content).decode('ascii')}"


@dataclass(frozen=True, slots=True)
class SafetyResult:
    """The findings of the safety check and the logo to embed (None when there is none to use)."""

    findings: list[Finding]
    logo: Logo | None


def check_render_safety(document: Document, statement: Statement | None = None) -> SafetyResult:
    """Check every value of a loaded statement that rendering could be tricked into fetching.

    ``statement`` is the document's typed statement when the caller has read it already.
    """
    data = document.data
    if data is None:
        return SafetyResult([], None)
    findings: list[Finding] = []

    def finding(path: Sequence[str | int], code: Code, severity: Severity, message: str,
                hint: str = "") -> Finding:
        line, column = document.source_map.value_position(list(path))
        return Finding(document.path, line, column, json_pointer(path), code.code, severity, message, hint)

    for path, text in _strings(data, ()):
        if path == LOGO_PATH:
            continue
        if _FILE_URL.search(text):
            findings.append(finding(path, LOCAL_FILE_URL, Severity.ERROR,
                                    "a file: URL refers to a local file, which a profile never reads",
                                    "remove the file: URL; describe the source in words or give a web address"))
        elif _ANY_URL.search(text) and not _is_link_field(path):
            findings.append(finding(path, URL_IN_TEXT, Severity.WARNING,
                                    "this text contains a URL; the profile shows it as text and never fetches it",
                                    "put web addresses of sources in evidence.sources[].url"))

    logo: Logo | None = None
    value = (statement or read_statement(data)).organisation.logo
    if value is not None:
        logo, problem = resolve_logo(value, document.path)
        if problem is not None:
            code, message, hint = problem
            findings.append(finding(LOGO_PATH, code, Severity.ERROR, message, hint))
    return SafetyResult(findings, logo)


def web_link(value: object) -> str | None:
    """``value`` when it is a plain http(s) address that may become a link, else None."""
    if isinstance(value, str) and _WEB_LINK.match(value):
        return value
    return None


Problem = tuple[Code, str, str]


def resolve_logo(value: str, statement_path: str) -> tuple[Logo | None, Problem | None]:
    """The logo named by ``value``, or the reason it is refused. Never fetches a URL."""
    if value.startswith("data:"):
        return _logo_from_data_uri(value)
    if _SCHEME.match(value) and not re.match(r"^[A-Za-z]:[\\/]", value):
        return None, (LOGO_REMOTE, f"the logo {_shorten(value)!r} is a URL; URLs are never fetched when rendering",
                      "put the logo file next to the statement and write its file name, e.g. 'logo.png'")
    return _logo_from_file(value, statement_path)


def _logo_from_data_uri(value: str) -> tuple[Logo | None, Problem | None]:
    hint = "use data:image/png;base64,..., data:image/jpeg;base64,... or data:image/svg+xml;base64,..."
    match = _DATA_URI.match(value)
    if not match:
        return None, (LOGO_UNUSABLE, "the logo data: URI is malformed", hint)
    kind = _MIME_TYPES.get(match.group("mime").strip().lower())
    if kind is None:
        return None, (LOGO_UNUSABLE, f"the logo data: URI has the type {match.group('mime')!r}, "
                                     "not a PNG, JPEG or SVG image", hint)
    params = [p.strip().lower() for p in match.group("params").split(";") if p.strip()]
    payload = match.group("payload")
    if len(payload) > MAX_LOGO_BYTES * 4 // 3 + 4:
        return None, _too_large()
    try:
        if "base64" in params:
            content = base64.b64decode("".join(payload.split()), validate=True)
        else:
            content = urllib.parse.unquote_to_bytes(payload)
    except (binascii.Error, ValueError):
        return None, (LOGO_UNUSABLE, "the logo data: URI does not hold valid base64", hint)
    return _checked_image(content, expected=kind)


def _logo_from_file(value: str, statement_path: str) -> tuple[Logo | None, Problem | None]:
    hint = "put the logo in the statement's folder (or a folder below it) and give its relative path"
    if not statement_path or statement_path.startswith("<"):
        return None, (LOGO_UNUSABLE, "the logo is a file path, but the statement was not read from a folder",
                      "use a data: URI for the logo")
    parts = re.split(r"[\\/]+", value)
    if os.path.isabs(value) or value.startswith(("\\", "~")) or re.match(r"^[A-Za-z]:", value):
        return None, (LOGO_OUTSIDE, f"the logo path {_shorten(value)!r} is absolute", hint)
    if ".." in parts:
        return None, (LOGO_OUTSIDE, f"the logo path {_shorten(value)!r} leads out of the statement's folder", hint)
    folder = os.path.realpath(os.path.dirname(os.path.abspath(statement_path)))
    target = os.path.realpath(os.path.join(folder, value))
    if os.path.commonpath([folder, target]) != folder:
        return None, (LOGO_OUTSIDE, f"the logo path {_shorten(value)!r} is a link that leads out of "
                                    "the statement's folder", hint)
    try:
        info = os.stat(target)
        if not stat.S_ISREG(info.st_mode):
            return None, (LOGO_UNUSABLE, f"the logo {_shorten(value)!r} is not a regular file", hint)
        if info.st_size > MAX_LOGO_BYTES:
            return None, _too_large()
        with open(target, "rb") as stream:
            content = stream.read(MAX_LOGO_BYTES + 1)
    except FileNotFoundError:
        return None, (LOGO_UNUSABLE, f"the logo file {_shorten(value)!r} does not exist", hint)
    except OSError:
        return None, (LOGO_UNUSABLE, f"the logo file {_shorten(value)!r} cannot be read", hint)
    if len(content) > MAX_LOGO_BYTES:
        return None, _too_large()
    return _checked_image(content, expected=None)


def _too_large() -> Problem:
    return (LOGO_UNUSABLE, f"the logo is larger than {MAX_LOGO_BYTES // 1024} KiB",
            "a logo of a few kilobytes is plenty for a profile; scale it down")


def _checked_image(content: bytes, expected: str | None) -> tuple[Logo | None, Problem | None]:
    """Accept only bytes that really are a PNG, JPEG or self-contained SVG image."""
    kind = sniff_image(content)
    if kind is None:
        return None, (LOGO_UNUSABLE, "the logo is not a PNG, JPEG or SVG image",
                      "save the logo as PNG, JPEG or SVG")
    if expected is not None and kind != expected:
        return None, (LOGO_UNUSABLE, f"the logo data: URI says {expected.upper()} but holds {kind.upper()}",
                      "correct the type in the data: URI")
    if kind == "svg":
        problem = svg_problem(content)
        if problem is not None:
            return None, (LOGO_UNUSABLE, f"the SVG logo is refused: {problem}",
                          "export the logo as a plain SVG without scripts or links, or as PNG")
    return Logo(_CANONICAL_MIME[kind], content), None


def sniff_image(content: bytes) -> str | None:
    """``png``, ``jpeg`` or ``svg`` from the bytes themselves, never from a name."""
    if content.startswith(_PNG_MAGIC):
        return "png"
    if content.startswith(_JPEG_MAGIC):
        return "jpeg"
    head = content[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith((b"<?xml", b"<svg", b"<!--")) and b"<svg" in content[:4096]:
        return "svg"
    return None


def svg_problem(content: bytes) -> str | None:
    """Why an SVG may not be embedded, or None when it is a self-contained drawing."""
    if b"<!DOCTYPE" in content or b"<!ENTITY" in content:
        return "it declares a DOCTYPE or entities"
    try:
        root = ElementTree.fromstring(content)
    except ElementTree.ParseError:
        return "it is not well-formed XML"
    if _local_name(root.tag) != "svg":
        return "its root element is not <svg>"
    for element in root.iter():
        name = _local_name(element.tag)
        if name in ("script", "foreignObject", "iframe", "object", "embed"):
            return f"it contains a <{name}> element"
        for attribute, attribute_value in element.attrib.items():
            local = _local_name(attribute)
            if local.startswith("on"):
                return f"it contains an event handler ({local})"
            if local in ("href", "src") and not _internal_reference(attribute_value):
                return "it refers to something outside the image"
            if _refers_outside(attribute_value):
                return "it refers to something outside the image"
        if name == "style" and (element.text and (_refers_outside(element.text) or "@import" in element.text)):
            return "its style sheet refers to something outside the image"
    return None


def _refers_outside(text: str) -> bool:
    return any(not _internal_reference(target) for target in _SVG_REFERENCE.findall(text))


def _internal_reference(target: str) -> bool:
    target = target.strip()
    return target.startswith("#") or target.startswith("data:image/")


def _local_name(tag: Any) -> str:
    text = str(tag)
    return text.rsplit("}", 1)[-1]


def _strings(value: Any, path: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every string value of the statement with its path; iterative enough for any sane depth."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, str(key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))


def _is_link_field(path: tuple[str | int, ...]) -> bool:
    for pattern in _LINK_FIELDS:
        if len(pattern) == len(path) and all(
                (expected is None and isinstance(part, int)) or expected == part
                for expected, part in zip(pattern, path, strict=True)):
            return True
    return False


def _shorten(value: str, limit: int = 80) -> str:
    return value if len(value) <= limit else value[:limit - 1] + "…"
