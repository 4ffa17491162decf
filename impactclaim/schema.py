"""Access to the statement schemas, one folder per version, and their validators.

Two validators check a statement. jsonschema-rs (compiled, about a hundred times faster) answers
"is it valid?" for the common case; only when it says no does the pure-Python jsonschema
collect every error, because its errors carry the paths and context the messages need. A test
shows the two agree (tests/test_validators_agree.py).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from impactclaim import codes
from impactclaim.findings import Finding, Severity, field_label, json_pointer
from impactclaim.i18n import _
from impactclaim.resources import resource_dir

if TYPE_CHECKING:
    from impactclaim.loader import SourceMap

SCHEMA_FILE = "statement.schema.json"


@cache
def supported_versions() -> tuple[str, ...]:
    """The schema versions this installation can check, oldest first."""
    folders = [p.name for p in resource_dir("schemas").iterdir() if (p / SCHEMA_FILE).is_file()]
    return tuple(sorted(folders, key=lambda v: tuple(int(x) for x in v.split("."))))


@cache
def load_schema(version: str) -> dict[str, Any]:
    """The JSON Schema of ``version``; raises KeyError for an unsupported version."""
    if version not in supported_versions():
        raise KeyError(version)
    with open(resource_dir("schemas") / version / SCHEMA_FILE, encoding="utf-8") as stream:
        schema: dict[str, Any] = json.load(stream)
    return schema


@cache
def _ecma_end_anchor(pattern: str) -> re.Pattern[str]:
    # JSON Schema patterns are ECMA-262, where a final "$" matches only at the very end; in
    # Python it also matches before a final newline, so "12345678\n" would pass as a KvK number.
    if pattern.endswith("$") and not pattern.endswith("\\$"):
        pattern = pattern[:-1] + r"\Z"
    return re.compile(pattern)


def _pattern(validator: Any, pattern: str, instance: Any, schema: Any) -> Iterator[Any]:
    from jsonschema.exceptions import ValidationError

    if validator.is_type(instance, "string") and not _ecma_end_anchor(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


def _is_finite_number(checker: Any, instance: Any) -> bool:
    # YAML can write .inf and .nan, JSON cannot: a statement's numbers must be finite (and the
    # compiled validator, which sees JSON values, agrees).
    return isinstance(instance, (int, float)) and not isinstance(instance, bool) and math.isfinite(instance)


def _is_finite_integer(checker: Any, instance: Any) -> bool:
    return _is_finite_number(checker, instance) and float(instance).is_integer()


@cache
def validator_for(version: str) -> Any:
    """A draft 2020-12 validator (jsonschema) for ``version``, format checking on, for error details."""
    from jsonschema import Draft202012Validator, validators

    types = Draft202012Validator.TYPE_CHECKER.redefine_many(
        {"number": _is_finite_number, "integer": _is_finite_integer})
    strict = validators.extend(Draft202012Validator, {"pattern": _pattern}, type_checker=types)
    return strict(load_schema(version), format_checker=Draft202012Validator.FORMAT_CHECKER)


@cache
def fast_validator_for(version: str) -> Any | None:
    """A compiled validator (jsonschema-rs) for the yes/no question, or None where it is not installed."""
    try:
        import jsonschema_rs
    except ImportError:  # pragma: no cover - a platform without a jsonschema-rs wheel
        return None
    return jsonschema_rs.validator_for(load_schema(version), validate_formats=True)


# -- deprecated properties ------------------------------------------------------------------------
#
# A schema marks a property it keeps only for older statements with ``"deprecated": true`` (JSON
# Schema 2020-12 meta-data), plus two annotations of ours: ``x-replaced-by`` (the property to write
# instead) and ``x-replacement`` (per JSON value of the old property, what to write instead). Both
# functions below read those marks from the schema itself, so deprecating another property needs
# no code.

_COMBINATORS = ("allOf", "anyOf", "oneOf")


@dataclass(frozen=True, slots=True)
class DeprecatedField:
    """A property a schema version marks as deprecated, and where it can occur."""

    location: str  # e.g. "outcomes[].evidence.sources[].independent"
    replaced_by: str | None
    description: str
    key: str  # the property's own name; "<pattern>" or "*" when any key matching it can be the one


def resolve_ref(root: dict[str, Any], ref: str) -> Any:
    """The target of a local ``$ref`` (``#/$defs/source``), or None for any other reference."""
    if not ref.startswith("#"):
        return None
    node: Any = root
    for part in ref[1:].split("/")[1:]:
        part = part.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return None
    return node


def merged_annotations(root: dict[str, Any], node: Any) -> dict[str, Any]:
    """The keywords of ``node`` merged with those of the ``$ref`` chain behind it (node wins)."""
    merged: dict[str, Any] = {}
    seen: set[str] = set()
    while isinstance(node, dict):
        for key, value in node.items():
            merged.setdefault(key, value)
        ref = node.get("$ref")
        if not isinstance(ref, str) or ref in seen:
            break
        seen.add(ref)
        node = resolve_ref(root, ref)
    return merged


@cache
def deprecated_fields(version: str) -> tuple[DeprecatedField, ...]:
    """Every property that ``version``'s schema marks as deprecated, by where it occurs in a statement.

    Raises KeyError for an unsupported version.
    """
    root = load_schema(version)
    found: dict[str, DeprecatedField] = {}

    def visit(node: Any, label: str, refs: frozenset[str]) -> None:
        if not isinstance(node, dict):
            return
        ref = node.get("$ref")
        if isinstance(ref, str) and ref not in refs:
            visit(resolve_ref(root, ref), label, refs | {ref})
        for keyword in _COMBINATORS:
            for branch in node.get(keyword, ()) if isinstance(node.get(keyword), list) else ():
                visit(branch, label, refs)
        for keyword in ("if", "then", "else"):
            visit(node.get(keyword), label, refs)
        children = [(name, sub) for name, sub in (node.get("properties") or {}).items()]
        children += [(f"<{pattern}>", sub) for pattern, sub in (node.get("patternProperties") or {}).items()]
        if isinstance(node.get("additionalProperties"), dict):
            children.append(("*", node["additionalProperties"]))
        for name, sub in children:
            where = f"{label}.{name}" if label else name
            marks = merged_annotations(root, sub)
            if marks.get("deprecated") is True and where not in found:
                found[where] = DeprecatedField(where, _replaced_by(marks), str(marks.get("description", "")),
                                                name)
            visit(sub, where, refs)
        if isinstance(node.get("items"), dict):
            visit(node["items"], f"{label}[]", refs)
        for sub in node.get("prefixItems") or ():
            visit(sub, f"{label}[]", refs)

    visit(root, "", frozenset())
    return tuple(found.values())


@cache
def _reaches_deprecated(version: str) -> Callable[[Any], bool]:
    """A test whether a deprecated property can occur anywhere below a node of ``version``'s schema.

    Lets ``deprecated_findings`` skip the parts of a statement (most of it) where none can occur.
    """
    root = load_schema(version)
    known: dict[int, bool] = {}

    def reaches(node: Any) -> bool:
        if not isinstance(node, dict):
            return False
        if id(node) in known:
            return known[id(node)]
        known[id(node)] = False  # while in progress: a $ref cycle adds nothing new
        below: list[Any] = []
        ref = node.get("$ref")
        if isinstance(ref, str):
            below.append(resolve_ref(root, ref))
        for keyword in _COMBINATORS:
            below += node.get(keyword) or []
        below += [node.get(keyword) for keyword in ("if", "then", "else", "items", "additionalProperties")]
        below += node.get("prefixItems") or []
        children = [*(node.get("properties") or {}).values(), *(node.get("patternProperties") or {}).values()]
        result = any(merged_annotations(root, sub).get("deprecated") is True for sub in children) or \
            any(reaches(sub) for sub in [*below, *children])
        known[id(node)] = result
        return result

    return reaches


def _replaced_by(marks: dict[str, Any]) -> str | None:
    replaced = marks.get("x-replaced-by")
    return replaced if isinstance(replaced, str) else None


_ANY_NAME: frozenset[str] = frozenset({"*"})


@cache
def _deprecated_names(version: str) -> frozenset[str]:
    """The keys under which a deprecated property of ``version`` can stand; ``_ANY_NAME`` when any key can."""
    names = {field.key for field in deprecated_fields(version)}
    if any(name == "*" or name.startswith("<") for name in names):
        return _ANY_NAME
    return frozenset(names)


def _has_key(data: Any, names: frozenset[str]) -> bool:
    """Whether a mapping anywhere in ``data`` has one of ``names`` as a key."""
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if not names.isdisjoint(node):
                return True
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return False


def deprecated_findings(data: Any, source_map: SourceMap, path: str, version: str) -> list[Finding]:
    """One warning (IC022) per use of a property that ``version``'s schema marks as deprecated.

    Meant for a statement that matches the schema: the schema is walked together with the data
    (properties, items, ``$ref``, the ``anyOf``/``oneOf`` branches the value matches, ``if``/``then``/
    ``else``), and each finding stands at the deprecated key.
    """
    names = _deprecated_names(version)
    if not names or (names is not _ANY_NAME and not _has_key(data, names)):
        return []  # nothing to report, and the pure-Python validator need not be imported
    root = load_schema(version)
    validator = validator_for(version)
    reaches = _reaches_deprecated(version)
    found: dict[tuple[str | int, ...], Finding] = {}

    def matches(branch: Any, instance: Any) -> bool:
        return bool(validator.evolve(schema=branch).is_valid(instance))

    def report(where: tuple[str | int, ...], marks: dict[str, Any], value: Any) -> None:
        replaced_by = _replaced_by(marks)
        message = (_("{field} is deprecated in schema {version}; use '{replacement}' instead") if replaced_by
                   else _("{field} is deprecated in schema {version}")).format(
            field=field_label(where), version=version, replacement=replaced_by)
        replacements = marks.get("x-replacement")
        written = json.dumps(value)
        key = where[-1]
        if isinstance(replacements, dict) and isinstance(replacements.get(written), str):
            hint = _("write {replacement} instead of '{key}: {value}'").format(
                replacement=replacements[written], key=key, value=written)
        elif replaced_by:
            hint = _("write '{replacement}' instead of '{key}'").format(replacement=replaced_by, key=key)
        else:
            description = str(marks.get("description", ""))
            hint = _(description) if description else ""  # _("") would be the catalog's header
        line, column = source_map.key_position(where)
        found[where] = Finding(path, line, column, json_pointer(where), codes.DEPRECATED.code, Severity.WARNING,
                               message, hint)

    def walk(node: Any, instance: Any, where: tuple[str | int, ...], refs: frozenset[str]) -> None:
        if not isinstance(node, dict) or not reaches(node):
            return
        ref = node.get("$ref")
        if isinstance(ref, str) and ref not in refs:
            walk(resolve_ref(root, ref), instance, where, refs | {ref})
        for branch in node.get("allOf") or ():
            walk(branch, instance, where, refs)
        for keyword in ("anyOf", "oneOf"):
            for branch in node.get(keyword) or ():
                if matches(branch, instance):
                    walk(branch, instance, where, refs)
        if "if" in node:
            walk(node.get("then") if matches(node["if"], instance) else node.get("else"), instance, where, refs)
        if isinstance(instance, dict):
            properties = node.get("properties") or {}
            patterns = node.get("patternProperties") or {}
            for key, value in instance.items():
                subs = [properties[key]] if key in properties else []
                subs += [sub for pattern, sub in patterns.items() if re.search(pattern, key)]
                if not subs and isinstance(node.get("additionalProperties"), dict):
                    subs.append(node["additionalProperties"])
                for sub in subs:
                    marks = merged_annotations(root, sub)
                    if marks.get("deprecated") is True and (*where, key) not in found:
                        report((*where, key), marks, value)
                    walk(sub, value, (*where, key), frozenset())
        elif isinstance(instance, list):
            prefix = node.get("prefixItems") or []
            items = node.get("items")
            for index, value in enumerate(instance):
                sub = prefix[index] if index < len(prefix) else items
                walk(sub, value, (*where, index), frozenset())

    walk(root, data, (), frozenset())
    return sorted(found.values(), key=lambda finding: finding.sort_key())
