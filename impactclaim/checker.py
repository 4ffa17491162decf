"""Check a loaded statement: schema version, JSON Schema, claim-quality rules, selection and silences.

The checker returns findings and never prints or exits; the CLI and the reporters decide what
to do with them.
"""

from __future__ import annotations

import difflib
import math
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from impactclaim import codes
from impactclaim.catalogue import UnknownCodeError, catalogue, lookup
from impactclaim.config import Config, config_for
from impactclaim.findings import Finding, Severity, field_label, json_pointer
from impactclaim.loader import Document, LoadLimits, SourceMap, load_path
from impactclaim.rules import CodeSelection, run_rules
from impactclaim.schema import deprecated_findings, fast_validator_for, load_schema, supported_versions, validator_for
from impactclaim.statement import Statement, read_statement
from impactclaim.statement.read import declared_version
from impactclaim.suppressions import apply_silences


@dataclass(frozen=True, slots=True)
class CheckOptions:
    """Everything that changes the outcome of a check; shared by the API and the CLI."""

    limits: LoadLimits = field(default_factory=LoadLimits)
    strict: bool = False
    select: tuple[str, ...] | None = None  # the rules to run, codes or slugs; None: as configured (default all)
    ignore: tuple[str, ...] = ()
    use_config: bool = True  # read [tool.impactclaim] / impactclaim.toml upward from each file


@dataclass(frozen=True, slots=True)
class StatementFacts:
    """Who a statement is from and which period it covers, as text (empty where not given)."""

    organisation: str = ""
    kvk_number: str = ""
    period_start: str = ""
    period_end: str = ""

    @classmethod
    def of(cls, statement: Statement) -> StatementFacts:
        period = statement.reporting_period
        return cls(statement.organisation.name or "", statement.organisation.kvk_number or "",
                   (period.start if period else None) or "", (period.end if period else None) or "")


@dataclass(frozen=True, slots=True)
class FileResult:
    """The findings of one file, sorted by position, and the few facts a batch report shows.

    The statement itself is not kept: a batch of thousands of files streams through with flat
    memory, and results crossing process boundaries stay small.
    """

    path: str
    findings: tuple[Finding, ...]
    facts: StatementFacts = StatementFacts()

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.WARNING)

    def passes(self, strict: bool = False) -> bool:
        return self.errors == 0 and not (strict and self.warnings)


def check_document(document: Document, options: CheckOptions = CheckOptions(), *,
                   extra: Sequence[Finding] = (), extra_stage: str | None = None,
                   statement: Statement | None = None) -> list[Finding]:
    """All findings of a loaded document: loading, schema, then claim-quality rules.

    The rules run only on a statement that loaded and matches the schema: until then the schema
    errors are what the author needs to fix first. ``extra`` are findings of another stage (the
    renderer's, ``extra_stage`` "render"), which the selection, configuration and silences
    treat like every other code. Raises ConfigError or UnknownCodeError for a bad setting.
    """
    return _check(document, options, extra, extra_stage, statement)[0]


def _check(document: Document, options: CheckOptions, extra: Sequence[Finding] = (),
           extra_stage: str | None = None, read: Statement | None = None) -> tuple[list[Finding], Statement | None]:
    """The findings, and the typed statement when the document matches its schema (read once).

    ``read`` is the document's statement when the caller has read it already.
    """
    findings = list(document.findings)
    if document.data is None:
        return sorted([*findings, *extra], key=Finding.sort_key), None
    selection = rule_selection(document.path, options)
    findings.extend(schema_findings(document))
    stages = {"schema"}
    statement = None
    if not any(finding.is_error for finding in findings):
        statement = read or read_statement(document.data)
        findings.extend(own_language_findings(statement, document))
        findings.extend(run_rules(statement, document.source_map, document.path, selection))
        stages.add("rule")
    if extra_stage is not None:
        stages.add(extra_stage)
    findings = selection.apply([*findings, *extra])
    # A silence of a code that could not fire here (a rule that did not run) is neither used nor stale.
    active = {info.code for info in catalogue() if info.stage in stages and selection.enabled(info.code)}
    findings = apply_silences(findings, document.raw, document.path, _silenceable, active,
                              lambda finding: _enclosing_key_line(document, finding))
    # The silences' own findings (IC030) follow the selection and severities too.
    findings = selection.apply(findings)
    findings.sort(key=Finding.sort_key)
    return findings, statement


def own_language_findings(statement: Statement, document: Document) -> list[Finding]:
    """A text given in several languages but not in the statement's own (schema 1.1 cannot say so itself).

    The profile in the statement's language would otherwise show another language without a word.
    """
    language = statement.language
    if language is None:
        return []
    found = []
    for text in statement.texts():
        if text.languages and not text.has(language):
            line, column = document.source_map.key_position(list(text.path))
            given = ", ".join(text.languages)
            found.append(Finding(
                document.path, line, column, json_pointer(text.path), codes.OWN_LANGUAGE.code, Severity.ERROR,
                f"{field_label(text.path)} is given in {given} but not in the statement's language {language}",
                f"add '{language}:' with the text in {language}, or change the statement's language"))
    return found


_LANGUAGE = re.compile(r"[a-z]{2}")


def _enclosing_key_line(document: Document, finding: Finding) -> int | None:
    """The line of the key whose value holds what a finding is about, for silences written on that key.

    A finding about one language of a text (``/claims/0/text/en``) stands on that language's
    line; a silence on the line of ``text:`` itself covers it too.
    """
    parts: list[str | int] = [int(part) if part.isdigit() else part.replace("~1", "/").replace("~0", "~")
                              for part in finding.pointer.split("/")[1:]]
    if len(parts) < 2 or not _LANGUAGE.fullmatch(str(parts[-1])):
        return None
    line, _ = document.source_map.key_position(parts[:-1])
    return line


def _silenceable(name: str) -> str:
    """The code a silence comment names; raises UnknownCodeError for one that names nothing or cannot be silenced."""
    info = lookup(name)
    if not info.ignorable:
        raise UnknownCodeError(f"the silence names {info.code}, which cannot be silenced: fix the problem instead")
    return info.code


def rule_selection(path: str, options: CheckOptions) -> CodeSelection:
    """The rules for one file: its configuration file, overridden by the command line.

    Raises ConfigError or UnknownCodeError for settings that name nothing.
    """
    config = config_for(path) if options.use_config and os.path.exists(path) else Config()
    select = options.select if options.select is not None else config.select
    source = f"{config.source}: " if config.source else ""
    try:
        return CodeSelection.build(select, (*config.ignore, *options.ignore), config.severity)
    except UnknownCodeError as error:
        raise UnknownCodeError(f"{source}{error}") from None


def check_path(path: str | os.PathLike[str], options: CheckOptions = CheckOptions()) -> FileResult:
    """Load and check one file."""
    document = load_path(path, options.limits)
    findings, statement = _check(document, options)
    if statement is None and document.data is not None:
        statement = read_statement(document.data)  # a statement with schema errors still has facts to report
    return FileResult(document.path, tuple(findings), StatementFacts.of(statement) if statement else StatementFacts())


MIN_FILES_PER_WORKER = 8


def _warm_up() -> None:
    """Build the compiled validators once, before the workers are forked from this process."""
    for version in supported_versions():
        fast_validator_for(version)


def check_paths(paths: Sequence[str], options: CheckOptions = CheckOptions(), jobs: int = 1) -> Iterator[FileResult]:
    """Check files, yielding results in the order of ``paths`` as soon as each is ready.

    With ``jobs`` above 1 the files are checked in that many worker processes; the order of
    the results stays the order of ``paths`` whatever the number of workers.
    """
    from functools import partial

    from impactclaim.run import parallel_map

    yield from parallel_map(partial(check_path, options=options), paths, jobs,
                            min_per_worker=MIN_FILES_PER_WORKER, warm_up=_warm_up)


def schema_findings(document: Document) -> list[Finding]:
    """Findings for the schema version and every JSON Schema violation of the document."""
    data = document.data
    assert data is not None
    smap = document.source_map
    declared, version = declared_version(data)
    supported = ", ".join(f'"{v}"' for v in supported_versions())
    if not declared:
        return [Finding(document.path, 1, 1, "", codes.SCHEMA_VERSION.code, Severity.ERROR,
                        f"the statement has no schema_version; supported versions: {supported}",
                        f'add "schema_version: {supported.split(", ")[-1]}" as the first line')]
    if not isinstance(version, str) or version not in supported_versions():
        line, column = smap.value_position(["schema_version"])
        if isinstance(version, str):
            message = f'unknown schema_version "{version}"; supported versions: {supported}'
            hint = "use a supported version, or upgrade impactclaim if the version is newer"
        else:
            message = f"schema_version must be quoted text, not {_kind_of(version)}"
            hint = f'write it with quotes: schema_version: "{_yaml_text(version)}"'
        return [Finding(document.path, line, column, "/schema_version", codes.SCHEMA_VERSION.code,
                        Severity.ERROR, message, hint)]
    fast = fast_validator_for(version)
    if fast is not None and fast.is_valid(data):
        return deprecated_findings(data, smap, document.path, version)
    validator = validator_for(version)
    findings: list[Finding] = []
    seen: set[tuple[str, str]] = set()
    for error in validator.iter_errors(data):
        for finding in _describe(_most_relevant(error), document.path, smap, load_schema(version)):
            key = (finding.pointer, finding.message)
            if key not in seen:
                seen.add(key)
                findings.append(finding)
    return findings or deprecated_findings(data, smap, document.path, version)


def _most_relevant(error: Any) -> Any:
    """For anyOf/oneOf failures, the sub-error that best explains the problem.

    A branch that failed because the value has another type entirely (a text where the
    branch wants a mapping) explains little; prefer the branches whose type matched.
    """
    if not error.context:
        return error
    from jsonschema.exceptions import best_match

    wrong_type = {e.relative_schema_path[0] for e in error.context
                  if e.validator == "type" and not e.relative_path}
    matching = [e for e in error.context if e.relative_schema_path[0] not in wrong_type]
    return _most_relevant(best_match(matching or error.context))


_REQUIRED = re.compile(r"^'(.+)' is a required property$")
_TYPE_NAMES = {
    "string": "text", "integer": "a whole number", "number": "a number", "boolean": "true or false",
    "object": "a mapping (key: value pairs)", "array": "a list", "null": "empty",
}


def _kind_of(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, float) and not math.isfinite(value):
        return f"the value {value} (YAML's .inf or .nan, which is no number here)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {_shown(value)}"
    if isinstance(value, list):
        return "a list"
    return "a mapping"


SHOWN_LENGTH = 80


def _shown(value: Any) -> str:
    """A value as the message quotes it, cut short: a megabyte of text makes no message."""
    text = repr(value)
    return text if len(text) <= SHOWN_LENGTH else text[:SHOWN_LENGTH - 5] + "…" + text[-4:]




def _schema_hint(schema: Any) -> str:
    if isinstance(schema, dict):
        return str(schema.get("description", ""))
    return ""


def _describe(error: Any, path: str, smap: SourceMap, root_schema: dict[str, Any]) -> Iterator[Finding]:
    """Turn one jsonschema error into findings with plain-language messages."""
    location = list(error.absolute_path)
    keyword = error.validator
    label = field_label(location)
    instance = error.instance
    schema = error.schema

    def make(loc: list[str | int], message: str, hint: str = "", at_key: bool = False) -> Finding:
        line, column = smap.key_position(loc) if at_key else smap.value_position(loc)
        return Finding(path, line, column, json_pointer(loc), codes.SCHEMA.code, Severity.ERROR,
                       message, hint)

    if "propertyNames" in error.absolute_schema_path and isinstance(instance, str):
        # The error is about a key (of a text given per language), so it points at that key.
        yield make([*location, instance], f"{label}: the key {_shown(instance)} is not allowed here",
                   _schema_hint(schema), at_key=True)
        return
    if keyword in ("additionalProperties", "unevaluatedProperties") and isinstance(instance, dict):
        known = list(schema.get("properties", {}))
        patterns = [re.compile(p) for p in schema.get("patternProperties", {})]
        for key in instance:
            if key in known or any(p.search(key) for p in patterns):
                continue
            close = difflib.get_close_matches(key, known, n=1)
            hint = f"did you mean '{close[0]}'?" if close else \
                f"allowed here: {', '.join(known)}" + ("; extensions start with 'x-'" if patterns else "")
            where = f" in {label}" if location else ""
            yield make([*location, key], f"unknown property '{key}'{where}", hint, at_key=True)
        return
    if keyword == "required":
        match = _REQUIRED.match(error.message)
        name = match.group(1) if match else str(error.message)
        where = label if location else "the statement"
        description = _schema_hint(schema.get("properties", {}).get(name))
        yield make(location, f"{where} is missing the required property '{name}'", description,
                   at_key=bool(location))
        return
    if keyword == "type":
        expected = error.validator_value
        names = [expected] if isinstance(expected, str) else list(expected)
        wanted = " or ".join(_TYPE_NAMES.get(n, n) for n in names)
        hint = ""
        if "string" in names and isinstance(instance, (int, float, bool)):
            hint = f'quote the value: "{_yaml_text(instance)}"'
        elif instance is None:
            hint = "the value is empty: fill it in or remove the key"
        else:
            hint = _description(root_schema, error)
        yield make(location, f"{label} must be {wanted}, not {_kind_of(instance)}", hint)
        return
    if keyword == "enum":
        allowed = [str(v) for v in error.validator_value]
        close = difflib.get_close_matches(str(instance), allowed, n=1)
        hint = f"did you mean '{close[0]}'? " if close else ""
        yield make(location, f"{label} has the value {_shown(instance)}, which is not one of the allowed values",
                   hint + f"allowed: {', '.join(allowed)}")
        return
    if keyword == "const":
        yield make(location, f"{label} must be {error.validator_value!r}, not {_kind_of(instance)}")
        return
    if keyword == "format":
        fmt = error.validator_value
        hint = 'write dates as "YYYY-MM-DD", for example "2025-12-31"' if fmt == "date" else _schema_hint(schema)
        yield make(location, f"{label}: {_shown(instance)} is not a valid {fmt}", hint)
        return
    if keyword == "pattern":
        yield make(location, f"{label}: {_shown(instance)} does not have the expected form",
                   _description(root_schema, error) or f"expected pattern {error.validator_value}")
        return
    if keyword == "minLength" and error.validator_value == 1:
        yield make(location, f"{label} must not be empty", _description(root_schema, error))
        return
    if keyword == "uniqueItems":
        yield make(location, f"{label} lists the same item more than once", "remove the repeated item")
        return
    yield make(location, f"{label}: {error.message}", _description(root_schema, error))


def _description(root_schema: dict[str, Any], error: Any) -> str:
    """The description of the property a failing value was checked against.

    Walks the schema path from the root and keeps the last description passed before the
    failing keyword, so a property that refers to a shared definition keeps its own text.
    """
    found = ""
    node: Any = root_schema
    for depth, part in enumerate(error.absolute_schema_path):
        if depth and isinstance(node, dict) and isinstance(node.get("description"), str):
            found = node["description"]
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
    return found or _schema_hint(error.schema)


def _yaml_text(value: Any) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    return str(value)
