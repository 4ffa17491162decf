"""Rewrite a statement to a newer schema version, changing nothing but the tokens that must change.

A migration is a chain of steps, one per pair of consecutive versions (see ``STEPS``). Each step
looks at a loaded document and returns text edits (character ranges of the decoded file, found
through the loader's source map) and the data it expects once they are applied. A step to a
version also replaces the fields that version deprecates (its ``DEPRECATION_FIXERS``); a file
already at the target version gets only those replacements, so a deprecated field written into a
file of the newest version is rewritten too. The edits are
applied to the text as it is, so comments, key order, quoting, indentation, line endings and a
byte order mark stay as they were, byte for byte, outside the edited tokens.

Every step is checked before anything is written: the edited text is loaded again and must give
exactly the data the step expected (so an unusual way of writing a value, which the edits might
have misread, can never silently change the statement), and the final text must be valid under
the target schema. Only statements valid under their own version are migrated.

This module never prints, exits or raises for bad input: results carry what happened.
"""

from __future__ import annotations

import codecs
import copy
import difflib
import enum
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from impactclaim.atomic import atomic_write
from impactclaim.findings import Finding
from impactclaim.i18n import _
from impactclaim.loader import Document, LoadLimits, load_bytes, looks_like_pdf, read_bounded
from impactclaim.schema import supported_versions
from impactclaim.statement.read import declared_version

PathParts = list[str | int]


# --- results -----------------------------------------------------------------------------------

class MigrationOutcome(enum.StrEnum):
    """What migrating one file came to."""

    MIGRATED = "migrated"  # the file needs (or got) rewriting; ``migrated`` holds the new bytes
    CURRENT = "current"    # at the target version with no deprecated field to rewrite: nothing to do
    REFUSED = "refused"    # not migrated: it does not load, is invalid, or the result would be
    TOO_NEW = "too_new"    # the file is at a newer version than the target (a usage error)


@dataclass(frozen=True, slots=True)
class Notice:
    """Something the user should look at in a migrated file (the migration still happens)."""

    path: str
    line: int
    column: int
    message: str


@dataclass(frozen=True, slots=True)
class MigrationResult:
    """The outcome for one file; ``migrated`` is the new content when there is one."""

    path: str
    outcome: MigrationOutcome
    target: str
    source_version: str | None = None
    original: bytes = b""
    migrated: bytes | None = None
    notices: tuple[Notice, ...] = ()
    findings: tuple[Finding, ...] = ()  # what blocks a refused file, with lines and columns
    reason: str = ""                    # why a file was refused, in a sentence
    line: int = 1                       # where the reason points
    column: int = 1

    @property
    def changed(self) -> bool:
        return self.outcome is MigrationOutcome.MIGRATED

    @property
    def deprecations_only(self) -> bool:
        """Migrated without a version change: only the target's deprecated fields are rewritten."""
        return self.changed and self.source_version == self.target


class UnknownVersionError(ValueError):
    """``--to`` names a version this installation does not know."""


def version_key(version: str) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in version.split("."))
    except ValueError:
        return ()


def resolve_target(to: str | None) -> str:
    """The version to migrate to: ``to`` when it is known, else the newest supported one."""
    known = supported_versions()
    if to is None:
        return known[-1]
    if to not in known:
        raise UnknownVersionError(_("unknown schema version {version}; known versions: {versions}").format(
            version=repr(to), versions=", ".join(known)))
    return to


# --- the text and its edits ----------------------------------------------------------------------

@dataclass(frozen=True, slots=True, order=True)
class Edit:
    """Replace the characters ``start:end`` of the decoded text with ``text``."""

    start: int
    end: int
    text: str


class RewriteError(Exception):
    """The text at a place is not written in a way the migration can rewrite safely."""

    def __init__(self, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.column = column
        self.message = message


_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # as the loader counts lines (NEL, LS and PS it refuses)
_SPACE = " \t"
_ALIAS = re.compile(r"\*[^\s,\[\]{}]+")
# A plain scalar on one line (the keys and values a step rewrites are single words): it ends at
# ": " (or ":" at the end or before a flow indicator), at " #", at a flow indicator or a line end.
_PLAIN = re.compile(r"(?:[^\s:,\[\]{}#]|:(?=[^\s,\[\]{}])|(?<=[^\s])#)+")


class SourceText:
    """The decoded text of a document, and character offsets for the source map's positions.

    Positions are 1-based lines and columns in characters (a tab is one column), counted after
    a UTF-8 byte order mark, which the loader skips; lines end at LF, CRLF or a lone CR.
    """

    def __init__(self, document: Document) -> None:
        raw = document.raw
        self.bom = raw.startswith(codecs.BOM_UTF8)
        self.text = raw[len(codecs.BOM_UTF8):].decode("utf-8") if self.bom else raw.decode("utf-8")
        self.document = document
        self._line_starts = [0, *(match.end() for match in _LINE_BREAK.finditer(self.text))]

    def offset(self, line: int, column: int) -> int:
        return self._line_starts[line - 1] + column - 1

    def position(self, offset: int) -> tuple[int, int]:
        """The line and column of a character offset."""
        low, high = 0, len(self._line_starts) - 1
        while low < high:
            middle = (low + high + 1) // 2
            if self._line_starts[middle] <= offset:
                low = middle
            else:
                high = middle - 1
        return low + 1, offset - self._line_starts[low] + 1

    def encode(self, edits: Sequence[Edit]) -> bytes:
        """The file's bytes with ``edits`` applied (they must not overlap)."""
        pieces, last = [], 0
        for edit in sorted(set(edits)):
            if edit.start < last:
                line, column = self.position(edit.start)
                raise RewriteError(line, column, _("two changes overlap here"))
            pieces += [self.text[last:edit.start], edit.text]
            last = edit.end
        pieces.append(self.text[last:])
        return (codecs.BOM_UTF8 if self.bom else b"") + "".join(pieces).encode("utf-8")

    def _error(self, offset: int, message: str) -> RewriteError:
        line, column = self.position(offset)
        return RewriteError(line, column, message)

    # A node is: properties (an anchor "&a", a tag "!!str"), then an alias, a quoted or a plain scalar.

    def _skip_space(self, offset: int, lines: bool) -> int:
        """Past spaces and tabs; with ``lines``, also past line breaks and comments."""
        text = self.text
        while offset < len(text):
            character = text[offset]
            if character in _SPACE or (lines and character in "\r\n"):
                offset += 1
            elif lines and character == "#" and (offset == 0 or text[offset - 1] in " \t\r\n"):
                while offset < len(text) and text[offset] not in "\r\n":
                    offset += 1
            else:
                break
        return offset

    def _scalar_end(self, offset: int) -> int:
        """The end of the scalar (quoted or plain, no properties) or alias starting at ``offset``."""
        text = self.text
        if offset >= len(text):
            raise self._error(offset, _("a value was expected here"))
        quote = text[offset]
        if quote == '"':
            index = offset + 1
            while index < len(text) and text[index] != '"':
                index += 2 if text[index] == "\\" else 1
            if index >= len(text):
                raise self._error(offset, _("the quoted text does not end"))
            return index + 1
        if quote == "'":
            index = offset + 1
            while index < len(text):
                if text[index] == "'":
                    if text[index + 1:index + 2] != "'":
                        return index + 1
                    index += 1
                index += 1
            raise self._error(offset, _("the quoted text does not end"))
        match = (_ALIAS if quote == "*" else _PLAIN).match(text, offset)
        if match is None:
            raise self._error(offset, _("a value was expected here"))
        return match.end()

    def _node(self, offset: int) -> tuple[int, int, int]:
        """The parts of the node at ``offset``: (tag start, scalar start, scalar end).

        The node's properties (an anchor, a tag) come before its scalar or alias; the first
        value is where its tag begins (the scalar start when it has none), so a rewrite can drop
        the tag and keep the anchor.
        """
        text = self.text
        tag_start = -1
        while offset < len(text) and text[offset] in "&!":
            end = offset
            if text.startswith("!<", offset):
                end = text.find(">", offset)
                if end < 0:
                    raise self._error(offset, _("the tag does not end"))
                end += 1
            else:
                while end < len(text) and text[end] not in " \t\r\n,[]{}":
                    end += 1
            if text[offset] == "!" and tag_start < 0:
                tag_start = offset
            offset = self._skip_space(end, lines=True)
        return (tag_start if tag_start >= 0 else offset), offset, self._scalar_end(offset)

    def _value_after_key(self, key_end: int) -> int:
        """The start of the value that follows a key ending at ``key_end`` (past the ':')."""
        offset = self._skip_space(key_end, lines=True)
        if not self.text.startswith(":", offset):
            raise self._error(offset, _("a ':' was expected after the key"))
        return self._skip_space(offset + 1, lines=True)

    def _check_value(self, path: PathParts, start: int) -> None:
        """The value found after the key must be the one the source map knows (or an alias)."""
        line, column = self.document.source_map.value_position(path)
        if not self.text.startswith("*", start) and self.offset(line, column) != start:
            raise self._error(start, _("the value is not where it was expected"))

    def key_span(self, path: PathParts) -> tuple[int, int]:
        """The start and end of the scalar of the key of ``path`` (without anchor or tag)."""
        line, column = self.document.source_map.key_position(path)
        _tag_start, start, end = self._node(self.offset(line, column))
        return start, end

    def replace_key(self, path: PathParts, name: str) -> Edit:
        """Rename the key of ``path`` to ``name``, in the key's own quoting style."""
        start, end = self.key_span(path)
        return Edit(start=start, end=end, text=_in_style(self.text[start], name))

    def replace_value(self, path: PathParts, value: str, *, keep_tag: bool, alias_quote: str = "") -> Edit:
        """Replace the scalar value of ``path`` (a key in a mapping) with ``value``.

        A quoted value keeps its quotes and a plain one stays plain. An anchor stays; a tag
        stays only with ``keep_tag``. An alias is replaced by the value itself, quoted with
        ``alias_quote`` (plain without).
        """
        _key_start, key_end = self.key_span(path)
        node_start = self._value_after_key(key_end)
        self._check_value(path, node_start)
        tag_start, start, end = self._node(node_start)
        first = self.text[start]
        written = _in_style(alias_quote, value) if first == "*" else _in_style(first, value)
        return Edit(start=start if keep_tag else tag_start, end=end, text=written)

    def where(self, path: PathParts) -> tuple[int, int]:
        """The line and column of the key of ``path``, for notices."""
        return self.document.source_map.key_position(path)


def _in_style(first: str, value: str) -> str:
    """``value`` quoted like a token that starts with ``first`` (plain unless it is a quote)."""
    if first == '"':
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if first == "'":
        return "'" + value.replace("'", "''") + "'"
    return value


# --- the steps ---------------------------------------------------------------------------------

@dataclass(slots=True)
class Plan:
    """What one step does to one document: its edits, notices, and the data it expects after."""

    edits: list[Edit] = field(default_factory=list)
    notices: list[tuple[int, int, str]] = field(default_factory=list)
    expected: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Step:
    """Rewrites a statement of version ``source`` (valid there) into version ``target``."""

    source: str
    target: str
    plan: Callable[[SourceText, dict[str, Any]], Plan]


@dataclass(frozen=True, slots=True)
class DeprecationFixer:
    """Replaces the uses of one property a schema version marks as deprecated.

    ``fix`` adds its edits and notices to the plan and changes ``plan.expected`` to match;
    ``location`` is where the property occurs, as ``schema.deprecated_fields`` names it.
    """

    location: str
    fix: Callable[[SourceText, Plan], None]


def _set_version(text: SourceText, data: dict[str, Any], version: str) -> Edit:
    """schema_version becomes ``version`` in the file's own quotes (an alias becomes "version")."""
    data["schema_version"] = version
    return text.replace_value(["schema_version"], version, keep_tag=True, alias_quote='"')


# These work on the loaded data as it is, before the statement model reads it, so any value can be
# anything; impactclaim.statement.read has the same two (``_mapping``, ``_list``) for building the
# model, private to it.
def _items(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _replace_independent(text: SourceText, plan: Plan) -> None:
    """1.1 replaces the boolean ``independent`` of an evidence source with ``relation``.

    ``independent: true`` becomes ``relation: independent``; ``independent: false`` becomes
    ``relation: own``, with a notice, because the flag cannot say whether another party did the
    research for the enterprise (``relation: commissioned``). A source that already has a
    ``relation`` keeps its ``independent`` as it is, with a notice: nothing is dropped.
    """
    seen: set[int] = set()  # a source written once and aliased elsewhere is rewritten once
    for i, outcome in enumerate(_items(plan.expected.get("outcomes"))):
        evidence = _mapping(_mapping(outcome).get("evidence"))
        for j, source in enumerate(_items(evidence.get("sources"))):
            if not isinstance(source, dict) or "independent" not in source:
                continue
            path: PathParts = ["outcomes", i, "evidence", "sources", j, "independent"]
            line, column = text.where(path)
            if id(source) in seen:
                continue
            seen.add(id(source))
            value = source["independent"]
            if "relation" in source:
                plan.notices.append((line, column, _(
                    "independent: {value} was kept because the source already has relation: {relation}; "
                    "remove independent once relation is right").format(
                        value=str(value).lower(), relation=source["relation"])))
                continue
            relation = "independent" if value is True else "own"
            plan.edits.append(text.replace_key(path, "relation"))
            plan.edits.append(text.replace_value(path, relation, keep_tag=False))
            entries = [("relation", relation) if key == "independent" else (key, item)
                       for key, item in source.items()]
            source.clear()
            source.update(entries)
            if relation == "own":
                plan.notices.append((line, column, _("independent: false became relation: own; write relation: "
                                                     "commissioned if another party did the research for you")))


# What each version deprecates and how to replace it: run by the step to that version, and on a
# file already at it. A version that deprecates a property (schema mark "deprecated": true) adds
# its fixer here; a later version that keeps the mark lists the fixer again.
DEPRECATION_FIXERS: dict[str, tuple[DeprecationFixer, ...]] = {
    "1.1": (DeprecationFixer(location="outcomes[].evidence.sources[].independent", fix=_replace_independent),),
}


def _replace_deprecated(text: SourceText, plan: Plan, version: str) -> None:
    """Add the edits that replace every field ``version`` deprecates to ``plan``."""
    for fixer in DEPRECATION_FIXERS.get(version, ()):
        fixer.fix(text, plan)


def deprecations_plan(text: SourceText, data: dict[str, Any], version: str) -> Plan:
    """The plan for a statement already at ``version``: only its deprecated fields are replaced."""
    plan = Plan(expected=data)
    _replace_deprecated(text, plan, version)
    return plan


def _from_1_0_to_1_1(text: SourceText, data: dict[str, Any]) -> Plan:
    """1.1 has the new version number; ``independent`` becomes ``relation`` (see DEPRECATION_FIXERS)."""
    plan = Plan(expected=data)
    plan.edits.append(_set_version(text, data, "1.1"))
    _replace_deprecated(text, plan, "1.1")
    return plan


STEPS: tuple[Step, ...] = (
    Step(source="1.0", target="1.1", plan=_from_1_0_to_1_1),
)


def chain(source: str, target: str) -> list[Step] | None:
    """The steps from ``source`` to ``target``, in order; None when there is no way."""
    steps: list[Step] = []
    version = source
    while version != target:
        step = next((s for s in STEPS if s.source == version), None)
        if step is None:
            return None
        steps.append(step)
        version = step.target
    return steps


# --- migrating ---------------------------------------------------------------------------------

_DEFAULT_LIMITS = LoadLimits()


def migrate_path(path: str, target: str, limits: LoadLimits = _DEFAULT_LIMITS) -> MigrationResult:
    """Read one statement file and migrate it to ``target`` (nothing is written)."""
    raw, problem = read_bounded(path, limits.max_bytes)
    if problem is not None:
        return _refused(path, target, raw, problem.message, [], line=problem.line, column=problem.column)
    if looks_like_pdf(raw):
        return MigrationResult(path=path, outcome=MigrationOutcome.REFUSED, target=target, original=raw,
                               reason=_("the file is a PDF profile; migrate the statement itself "
                                        "(impactclaim extract writes it out)"))
    return migrate_bytes(raw, path, target, limits)


def migrate_bytes(raw: bytes, path: str, target: str, limits: LoadLimits = _DEFAULT_LIMITS) -> MigrationResult:
    """Migrate a statement's bytes to ``target``; the result holds the new bytes, if any.

    A statement already at ``target`` is migrated too when it uses a field ``target`` deprecates
    and the migration can replace it (see DEPRECATION_FIXERS); otherwise it is current.
    """
    from impactclaim.checker import schema_findings

    document = load_bytes(raw, path, limits)
    blocking = [f for f in document.findings if f.is_error]
    if document.data is None or blocking:
        return _refused(path, target, raw, _("the file does not load; fix these first"), blocking)
    _where, declared = declared_version(document.data)
    version = declared if isinstance(declared, str) else None
    invalid = [f for f in schema_findings(document) if f.is_error]
    if invalid:
        reason = (_("the statement is not valid under schema {version}; fix these first").format(version=version)
                  if version in supported_versions()
                  else _("the statement has no schema_version this installation knows; fix these first"))
        return _refused(path, target, raw, reason, invalid, version)
    assert version is not None  # a valid statement has a supported one
    if version_key(version) > version_key(target):
        reason = _("the statement is at schema {version}, newer than {target}").format(version=version, target=target)
        return MigrationResult(path=path, outcome=MigrationOutcome.TOO_NEW, target=target, source_version=version,
                               original=raw, reason=reason)
    steps = chain(version, target)
    if steps is None:
        return _refused(path, target, raw, _("there is no migration from schema {version} to {target}").format(
            version=version, target=target), [], version)
    if not steps:  # already at the target: only its deprecated fields, if any, are replaced
        def replace_deprecated(text: SourceText, data: dict[str, Any]) -> Plan:
            return deprecations_plan(text, data, target)

        steps = [Step(source=target, target=target, plan=replace_deprecated)]
    notices: list[Notice] = []
    current = document
    for step in steps:
        assert current.data is not None
        text = SourceText(current)
        try:
            plan = step.plan(text, copy.deepcopy(current.data))
            new_raw = text.encode(plan.edits)
        except RewriteError as error:
            reason = _("cannot rewrite this safely for schema {version} ({problem}); change it by hand").format(
                version=step.target, problem=error.message)
            return _refused(path, target, raw, reason, [], version, error.line, error.column)
        notices += [Notice(path=path, line=line, column=column, message=message)
                    for line, column, message in plan.notices]
        if not plan.edits:  # only the pass over a current file can have nothing to change
            return MigrationResult(path=path, outcome=MigrationOutcome.CURRENT, target=target,
                                   source_version=version, original=raw, notices=_in_order(notices))
        current = load_bytes(new_raw, path, limits)
        problem = _unexpected(current, plan.expected)
        if problem is not None:
            line, column = problem
            return _refused(path, target, raw, _("the rewrite for schema {version} would change what the statement "
                                                 "says here; change it by hand").format(version=step.target),
                            list(current.findings), version, line, column)
    invalid = [f for f in schema_findings(current) if f.is_error]
    if invalid:
        return _refused(path, target, raw, _("the migrated statement would not be valid under schema {version}; "
                                             "nothing was written").format(version=target), invalid, version)
    return MigrationResult(path=path, outcome=MigrationOutcome.MIGRATED, target=target, source_version=version,
                           original=raw, migrated=current.raw, notices=_in_order(notices))


def _in_order(notices: Sequence[Notice]) -> tuple[Notice, ...]:
    return tuple(sorted(notices, key=lambda n: (n.line, n.column)))


def _unexpected(document: Document, expected: dict[str, Any]) -> tuple[int, int] | None:
    """Where the reloaded document differs from what the step expected; None when it does not."""
    if document.data is None or any(f.is_error for f in document.findings):
        first = next((f for f in document.findings if f.is_error), None)
        return (first.line, first.column) if first else (1, 1)
    difference = _first_difference(document.data, expected, [])
    if difference is None:
        return None
    return document.source_map.value_position(difference)


def _first_difference(actual: Any, expected: Any, path: PathParts) -> PathParts | None:
    if type(actual) is not type(expected):
        return path
    if isinstance(actual, dict):
        for key in [*actual, *(k for k in expected if k not in actual)]:
            if key not in actual or key not in expected:
                return [*path, key]
            found = _first_difference(actual[key], expected[key], [*path, key])
            if found is not None:
                return found
        return None
    if isinstance(actual, list):
        for index, (left, right) in enumerate(zip(actual, expected, strict=False)):
            found = _first_difference(left, right, [*path, index])
            if found is not None:
                return found
        return None if len(actual) == len(expected) else path
    return None if actual == expected else path


def _refused(path: str, target: str, raw: bytes, reason: str, findings: Sequence[Finding],
             version: str | None = None, line: int | None = None, column: int | None = None) -> MigrationResult:
    ordered = tuple(sorted(findings, key=Finding.sort_key))
    if line is None or column is None:
        line, column = (ordered[0].line, ordered[0].column) if ordered else (1, 1)
    return MigrationResult(path=path, outcome=MigrationOutcome.REFUSED, target=target, source_version=version,
                           original=raw, findings=ordered, reason=reason, line=line, column=column)


# --- output helpers ----------------------------------------------------------------------------

def unified_diff(result: MigrationResult) -> str:
    """A unified diff (``--- a/path``, ``+++ b/path``) of a migrated file; empty when unchanged."""
    if result.migrated is None:
        return ""
    before = result.original.decode("utf-8").splitlines(keepends=True)
    after = result.migrated.decode("utf-8").splitlines(keepends=True)
    name = os.path.normpath(result.path).replace(os.sep, "/").lstrip("/")
    lines = []
    for line in difflib.unified_diff(before, after, f"a/{name}", f"b/{name}"):
        if not line.endswith(("\n", "\r")):
            line += "\n\\ No newline at end of file\n"
        lines.append(line)
    return "".join(lines)


def write_result(result: MigrationResult) -> str | None:
    """Write a migrated file in place, atomically, keeping its mode; an error message or None.

    A symbolic link stays a link: the file it points to is rewritten. A file that changed
    since it was read is left alone.
    """
    if result.migrated is None:
        return None
    target = os.path.realpath(result.path)
    try:
        with open(target, "rb") as stream:
            now = stream.read(len(result.original) + 1)
        if now != result.original:
            return _("the file changed while it was being migrated; nothing was written, run migrate again")
        atomic_write(target, result.migrated)
    except OSError as error:
        reason = (error.strerror or str(error)).lower()
        return _("the file cannot be written: {reason}").format(reason=reason)
    return None


__all__ = [
    "DEPRECATION_FIXERS", "STEPS", "DeprecationFixer", "MigrationOutcome", "MigrationResult", "Notice", "Step",
    "UnknownVersionError", "chain", "deprecations_plan", "migrate_bytes", "migrate_path", "resolve_target",
    "unified_diff", "write_result",
]
