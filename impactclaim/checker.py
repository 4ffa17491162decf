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

from impactclaim import codes, i18n
from impactclaim.catalogue import UnknownCodeError, catalogue, lookup
from impactclaim.config import Config, config_for
from impactclaim.findings import Finding, Severity, field_label, json_pointer
from impactclaim.i18n import N_, _
from impactclaim.loader import Document, LoadLimits, load_path, scalar_source
from impactclaim.rules import CodeSelection, run_rules
from impactclaim.schema import deprecated_findings, fast_validator_for, load_schema, supported_versions, validator_for
from impactclaim.statement import Statement, read_statement
from impactclaim.statement.read import declared_version
from impactclaim.suppressions import SilenceError, apply_silences


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
    language: str = field(default_factory=i18n.current)  # of its messages, so a report writes its labels alike

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
                _("{field} is given in {given} but not in the statement's language {language}").format(
                    field=field_label(text.path), given=given, language=language),
                _("add '{language}:' with the text in {language}, or change the statement's language").format(
                    language=language)))
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
        raise SilenceError(_("the silence names {code}, which cannot be silenced: fix the problem instead").format(
            code=info.code))
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
    """Load and check one file, its messages in the chosen language or else the statement's own."""
    return check_path_and_read(path, options).result


@dataclass(frozen=True)
class CheckedFile:
    """A checked file with what was read of it: for the exports, which need more than the findings."""

    result: FileResult
    statement: Statement | None  # when the file matches its schema
    read: Statement | None  # what could be read, also of a file with schema errors
    raw: bytes
    readable: bool  # parsed as YAML (a mapping or not)


def check_path_and_read(path: str | os.PathLike[str], options: CheckOptions = CheckOptions(), *,
                        render_safety: bool = False, language: str | None = None) -> CheckedFile:
    """:func:`check_path`, with the typed statement and the file's bytes.

    With ``render_safety`` the renderer's checks (IC2xx: the logo, addresses) run too, as for
    ``render``, for callers that publish the profile (the site). ``language`` writes the messages
    in that language, whatever the configuration says (the site, for each of its languages).
    """
    chosen = language or i18n.configured()
    with i18n.using(chosen):
        document = load_path(path, options.limits)
    language = chosen or i18n.statement_language(document.raw)
    if language != i18n.current() and document.findings:
        with i18n.using(language):  # the loader's findings, again in the statement's own language (rare)
            document = load_path(path, options.limits)
    with i18n.using(language):
        if render_safety and document.data is not None:
            from impactclaim.profile.safety import check_render_safety

            read = read_statement(document.data)
            extra = check_render_safety(document, read).findings
            findings, statement = _check(document, options, extra, "render", read)
        else:
            findings, statement = _check(document, options)
    matching = statement
    if statement is None and document.data is not None:
        statement = read_statement(document.data)  # a statement with schema errors still has facts to report
    result = FileResult(document.path, tuple(findings),
                        StatementFacts.of(statement) if statement else StatementFacts(), language or i18n.current())
    return CheckedFile(result, matching, statement, document.raw, document.data is not None)


MIN_FILES_PER_WORKER = 8


def warm_up() -> None:
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
                            min_per_worker=MIN_FILES_PER_WORKER, warm_up=warm_up)


def schema_findings(document: Document) -> list[Finding]:
    """Findings for the schema version and every JSON Schema violation of the document."""
    data = document.data
    assert data is not None
    smap = document.source_map
    declared, version = declared_version(data)
    supported = ", ".join(f'"{v}"' for v in supported_versions())
    if not declared:
        return [Finding(document.path, 1, 1, "", codes.SCHEMA_VERSION.code, Severity.ERROR,
                        _("the statement has no schema_version; supported versions: {versions}").format(
                            versions=supported),
                        _("add {line} as the first line").format(
                            line=f'"schema_version: {supported.split(", ")[-1]}"'))]
    if not isinstance(version, str) or version not in supported_versions():
        line, column = smap.value_position(["schema_version"])
        if isinstance(version, str):
            message = _("unknown schema_version {version}; supported versions: {versions}").format(
                version=f'"{version}"', versions=supported)
            hint = _("use a supported version, or upgrade impactclaim if the version is newer")
        else:
            message = _("schema_version must be quoted text, not {kind}").format(kind=_kind_of(version))
            hint = _("write it with quotes: {line}").format(line=f'schema_version: "{_yaml_text(version)}"')
        return [Finding(document.path, line, column, "/schema_version", codes.SCHEMA_VERSION.code,
                        Severity.ERROR, message, hint)]
    fast = fast_validator_for(version)
    if fast is not None and fast.is_valid(data):
        return deprecated_findings(data, smap, document.path, version)
    validator = validator_for(version)
    findings: list[Finding] = []
    seen: set[tuple[str, str]] = set()
    errors = [_most_relevant(error) for error in validator.iter_errors(data)]
    misspelt = _misspelt_required(errors)
    for error in errors:
        if error.validator == "required" and _required_name(error) in misspelt.get(tuple(error.absolute_path), ()):
            continue  # the unknown key beside it says "did you mean" at the typo itself: one mistake, one finding
        for finding in _describe(error, document, load_schema(version)):
            key = (finding.pointer, finding.message)
            if key not in seen:
                seen.add(key)
                findings.append(finding)
    return findings or deprecated_findings(data, smap, document.path, version)


def _required_name(error: Any) -> str:
    """The key a "required" error from the validator says is missing."""
    match = _REQUIRED.match(error.message)
    return match.group(1) if match else str(error.message)


def _misspelt_required(errors: list[Any]) -> dict[tuple[str | int, ...], set[str]]:
    """Per object, the required keys that one of its unknown keys most likely misspells.

    'kvk_nummer:' makes two errors, "organisation is missing kvk_number" (first by line, pointing
    away from the typo) and "unknown property kvk_nummer, did you mean kvk_number?" at the typo;
    the second says all there is to fix.
    """
    meant: dict[tuple[str | int, ...], set[str]] = {}
    for error in errors:
        if error.validator in ("additionalProperties", "unevaluatedProperties") and isinstance(error.instance, dict):
            for _key, closest in _unknown_keys(error.schema, error.instance):
                if closest:
                    meant.setdefault(tuple(error.absolute_path), set()).add(closest)
    return meant


def _unknown_keys(schema: dict[str, Any], instance: dict[str, Any]) -> Iterator[tuple[str, str | None]]:
    """The keys of ``instance`` that ``schema`` does not know, each with the known key it most resembles."""
    known = list(schema.get("properties", {}))
    patterns = [re.compile(p) for p in schema.get("patternProperties", {})]
    for key in instance:
        if key not in known and not any(p.search(key) for p in patterns):
            close = difflib.get_close_matches(key, known, n=1)
            yield key, close[0] if close else None


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
    "string": N_("text"), "integer": N_("a whole number"), "number": N_("a number"), "boolean": N_("true or false"),
    "object": N_("a mapping (key: value pairs)"), "array": N_("a list"), "null": N_("empty"),
}


def _kind_of(value: Any) -> str:
    if value is None:
        return _("empty")
    if isinstance(value, bool):
        return _("the boolean {value}").format(value=str(value).lower())
    if isinstance(value, float) and not math.isfinite(value):
        return _("the value {value} (YAML's .inf or .nan, which is no number here)").format(value=value)
    if isinstance(value, (int, float)):
        return _("the number {value}").format(value=value)
    if isinstance(value, str):
        return _("the text {value}").format(value=_shown(value))
    if isinstance(value, list):
        return _("a list")
    return _("a mapping")


SHOWN_LENGTH = 80


def _shown(value: Any) -> str:
    """A value as the message quotes it, cut short: a megabyte of text makes no message."""
    text = repr(value)
    return text if len(text) <= SHOWN_LENGTH else text[:SHOWN_LENGTH - 5] + "…" + text[-4:]




def _schema_hint(schema: Any) -> str:
    """The schema's description of a field, in the reader's language (the catalog holds the schemas' texts)."""
    if isinstance(schema, dict) and isinstance(schema.get("description"), str):
        return _(schema["description"])
    return ""


def _describe(error: Any, document: Document, root_schema: dict[str, Any]) -> Iterator[Finding]:
    """Turn one jsonschema error into findings with plain-language messages and hints that fix the value."""
    path, smap = document.path, document.source_map
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
        yield make([*location, instance], _("{field}: the key {key} is not allowed here").format(
            field=label, key=_shown(instance)),
                   _schema_hint(schema), at_key=True)
        return
    if keyword in ("additionalProperties", "unevaluatedProperties") and isinstance(instance, dict):
        known = list(schema.get("properties", {}))
        for key, closest in _unknown_keys(schema, instance):
            hint = _("did you mean '{name}'?").format(name=closest) if closest else (
                _("allowed here: {names}; extensions start with 'x-'") if schema.get("patternProperties")
                else _("allowed here: {names}")
            ).format(names=", ".join(known))
            message = _("unknown property '{key}' in {field}") if location else _("unknown property '{key}'")
            yield make([*location, key], message.format(key=key, field=label), hint, at_key=True)
        return
    if keyword == "required":
        name = _required_name(error)
        description = _schema_hint(schema.get("properties", {}).get(name))
        message = (_("{field} is missing the required property '{name}'") if location
                   else _("the statement is missing the required property '{name}'"))
        yield make(location, message.format(field=label, name=name), description,
                   at_key=bool(location))
        return
    if keyword == "type":
        expected = error.validator_value
        names = [expected] if isinstance(expected, str) else list(expected)
        wanted = _(" or ").join(_(_TYPE_NAMES[n]) if n in _TYPE_NAMES else n for n in names)
        written = scalar_source(document, location)
        hint = _type_hint(names, instance, written, location, _metric_unit(document.data, location)) or \
            _description(root_schema, error)
        # The number as typed: "8.10" is what the author sees, the 8.1 it parsed to is not.
        kind = _("the number {value}").format(value=written) if written and isinstance(instance, (int, float)) \
            and not isinstance(instance, bool) and math.isfinite(instance) else _kind_of(instance)
        yield make(location, _("{field} must be {wanted}, not {kind}").format(field=label, wanted=wanted, kind=kind),
                   hint)
        return
    if keyword == "enum":
        allowed = [str(v) for v in error.validator_value]
        close = difflib.get_close_matches(str(instance), allowed, n=1)
        hint = (_("did you mean '{name}'? allowed: {names}") if close else _("allowed: {names}")).format(
            name=close[0] if close else "", names=", ".join(allowed))
        yield make(location, _("{field} has the value {value}, which is not one of the allowed values").format(
            field=label, value=_shown(instance)), hint)
        return
    if keyword == "const":
        yield make(location, _("{field} must be {value}, not {kind}").format(
            field=label, value=repr(error.validator_value), kind=_kind_of(instance)))
        return
    if keyword == "format":
        fmt = error.validator_value
        hint = _date_hint(instance) if fmt == "date" else _schema_hint(schema)
        message = _("{field}: {value} is not a valid date") if fmt == "date" else \
            _("{field}: {value} is not a valid {format}")
        yield make(location, message.format(field=label, value=_shown(instance), format=fmt), hint)
        return
    if keyword == "pattern" and "sdg_targets" in location and isinstance(instance, str):
        goal = _SDG_GOAL.match(instance)
        if goal and not 1 <= int(goal.group(1)) <= 17:
            yield make(location, _("{field}: SDG goal {goal} does not exist ({value})").format(
                field=label, goal=int(goal.group(1)), value=_shown(instance)),
                       _("the 17 Sustainable Development Goals are numbered 1 to 17; write a target as "
                         '"goal.target", for example "8.5" or "12.3"'))
            return
    if keyword == "pattern":
        yield make(location, _("{field}: {value} does not have the expected form").format(
            field=label, value=_shown(instance)),
                   _description(root_schema, error) or _("expected pattern {pattern}").format(
                       pattern=error.validator_value))
        return
    if keyword == "minLength" and error.validator_value == 1:
        yield make(location, _("{field} must not be empty").format(field=label), _description(root_schema, error))
        return
    if keyword in _LIMIT_MESSAGES:
        written = scalar_source(document, location) if isinstance(instance, (int, float)) else None
        yield make(location, _(_LIMIT_MESSAGES[keyword]).format(
            field=label, value=written or _shown(instance), limit=error.validator_value),
                   _description(root_schema, error))
        return
    if keyword == "uniqueItems":
        yield make(location, _("{field} lists the same item more than once").format(field=label),
                   _("remove the repeated item"))
        return
    yield make(location, f"{label}: {error.message}", _description(root_schema, error))


# The schema's limits in the user's language, instead of jsonschema's English ("-1 is less than the minimum of 0").
_LIMIT_MESSAGES = {
    "minimum": N_("{field} is {value}, but may not be less than {limit}"),
    "maximum": N_("{field} is {value}, but may not be more than {limit}"),
    "exclusiveMinimum": N_("{field} is {value}, but must be more than {limit}"),
    "exclusiveMaximum": N_("{field} is {value}, but must be less than {limit}"),
    "minLength": N_("{field} must be at least {limit} characters long"),
    "maxLength": N_("{field} is longer than {limit} characters"),
    "minItems": N_("{field} must list at least {limit} items"),
    "maxItems": N_("{field} may list at most {limit} items"),
}
_SDG_GOAL = re.compile(r"\s*(\d+)\.")
_DECIMAL_COMMA = re.compile(r"[-+]?\d+,\d+")
_PERCENT_TEXT = re.compile(r"([-+]?\d+(?:[.,]\d+)?)\s*(?:%|procent|percent)", re.IGNORECASE)
_THOUSANDS = re.compile(r"\d{1,3}(?:([.,])\d{3})+(?:(?!\1)[.,]\d+)?")
_CURRENCY = re.compile(r"(?:€|eur|euro)\s*(\S+)|(\S+)\s*(?:€|eur|euro)", re.IGNORECASE)
_NUMBER_TEXT = re.compile(r"[-+]?\d+(?:\.\d+)?")
_YES = frozenset({"ja", "j", "yes", "y", "waar", "wel", "on", "true"})
_NO = frozenset({"nee", "n", "no", "onwaar", "niet", "geen", "off", "false"})
_DUTCH_DATE = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")


def _metric_unit(data: Any, location: list[str | int]) -> str | None:
    """The unit of the metric that ``location`` lies in (its value, baseline or target), if any."""
    if len(location) < 2 or location[0] != "metrics" or not isinstance(data, dict):
        return None
    # The typed reader reads a statement with schema errors too, as far as it can.
    return next((metric.unit for metric in read_statement(data).metrics if metric.path == tuple(location[:2])),
                None)


def _type_hint(names: list[str], instance: Any, written: str | None, location: list[str | int],
               unit: str | None = None) -> str:
    """How to write the value so that it has the type the field wants, from what the author typed.

    Built from the text as written, never from the parsed value: ``02845190`` parses to the
    number 2845190 and ``8.10`` to 8.1, so a hint that quoted the parsed value would change the data.
    """
    if "string" in names and isinstance(instance, (int, float, bool)):
        shown = written or _yaml_text(instance)
        return _("write {value} in quotes, so that it stays text exactly as written").format(value=f'"{shown}"')
    if ("number" in names or "integer" in names) and isinstance(instance, str):
        return _number_hint(instance.strip(), whole="number" not in names, unit=unit)
    if "boolean" in names and isinstance(instance, str):
        word = instance.strip().casefold()
        if word in _YES:
            return _("write true (not {value}): yes and no are written true and false").format(
                value=f'"{instance}"')
        if word in _NO:
            return _("write false (not {value}): yes and no are written true and false").format(
                value=f'"{instance}"')
        return _("write true or false")
    if instance is None:
        return _("the value is empty: fill it in or remove the key")
    field = location[-1] if location and isinstance(location[-1], str) else None
    if "array" in names:
        return _("write a list: each item on its own line under the key, starting with '- '")
    if "object" in names and field:
        return _("write the properties of '{field}' on their own lines under it, indented, as 'name: value'").format(
            field=field)
    return ""


def _number_hint(text: str, whole: bool, unit: str | None) -> str:
    """How to write ``text`` (a number as Dutch or other habits write it) as a YAML number."""
    percent = _PERCENT_TEXT.fullmatch(text)
    if percent:
        number = percent.group(1).replace(",", ".")
        if unit is None:
            return _("write {number} without the % sign").format(number=number)
        if unit.strip() == "%":
            return _("write {number} without the % sign: the metric's unit \"%\" says it is a percentage").format(
                number=number)
        return _("write {number} without the % sign, and give the metric the unit \"%\"").format(number=number)
    thousands = _THOUSANDS.fullmatch(text)
    if _DECIMAL_COMMA.fullmatch(text):
        decimal = text.replace(",", ".")
        if thousands:  # "1,250": a Dutch 1.25 or an English 1250; only the author knows
            return _("write {decimal} or {whole}: numbers take a decimal point and no separators between the "
                     "thousands").format(decimal=decimal, whole=text.replace(",", ""))
        return _("write {number}: numbers take a decimal point, not a comma").format(number=decimal)
    if thousands:
        separator = thousands.group(1)
        digits = text.replace(separator, "")
        return _("write {number} without separators between the thousands").format(number=digits.replace(",", "."))
    money = _CURRENCY.fullmatch(text)
    if money:
        amount = (money.group(1) or money.group(2) or "").replace(",", ".")
        return _("write the amount as a number without the currency sign, for example {amount}").format(amount=amount)
    if _NUMBER_TEXT.fullmatch(text):
        return _("write {number} without quotes: in quotes it is text").format(number=text)
    spelled = number_in_words(text)
    if spelled is not None:
        return _("write {number} in digits").format(number=spelled)
    return _("write a whole number, for example 12") if whole else _("write a number, for example 27.5")


_UNITS_NL = {"een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8,
             "negen": 9}
_TEENS_NL = {"tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15, "zestien": 16,
             "zeventien": 17, "achttien": 18, "negentien": 19}
_TENS_NL = {"twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70,
            "tachtig": 80, "negentig": 90}
_UNITS_EN = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_TEENS_EN = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
             "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS_EN = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
            "ninety": 90}


def number_in_words(text: str) -> int | None:
    """A whole number below 1,000 written in Dutch or English words ("vijfendertig", "thirty-five"), or None."""
    word = text.strip().casefold().replace("ë", "e").replace("-", "").replace(" ", "")
    hundreds = 0
    for language_hundred in ("honderd", "hundred"):
        if language_hundred in word:
            before, _hundred, word = word.partition(language_hundred)
            before = before.removesuffix("and") if language_hundred == "hundred" else before
            hundreds = 100 * (_UNITS_NL.get(before) or _UNITS_EN.get(before) or (1 if not before else 0))
            if not hundreds:
                return None
            word = word.removeprefix("and")
    if not word:
        return hundreds or None
    for table in (_UNITS_NL, _TEENS_NL, _TENS_NL, _UNITS_EN, _TEENS_EN, _TENS_EN):
        if word in table:
            return hundreds + table[word]
    for unit, value in _UNITS_NL.items():  # "vijfendertig": five and thirty
        rest = word.removeprefix(unit + "en").removeprefix(unit + "ën")
        if rest != word and rest in _TENS_NL:
            return hundreds + _TENS_NL[rest] + value
    for tens, value in _TENS_EN.items():  # "thirtyfive"
        rest = word.removeprefix(tens)
        if rest != word and rest in _UNITS_EN:
            return hundreds + value + _UNITS_EN[rest]
    return None


def _date_hint(instance: Any) -> str:
    """How to write a date the way the schema reads it (year-month-day), from a Dutch or other date."""
    dutch = _DUTCH_DATE.fullmatch(str(instance).strip()) if isinstance(instance, str) else None
    if dutch:
        day, month, year = (int(part) for part in dutch.groups())
        if 1 <= month <= 12 and 1 <= day <= 31:
            written = f'"{year:04d}-{month:02d}-{day:02d}"'
            return _("write {date}: dates are written year-month-day").format(date=written)
    return _("write dates as {pattern}, for example {example}").format(pattern='"YYYY-MM-DD"', example='"2025-12-31"')


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
    return _(found) if found else _schema_hint(error.schema)


def _yaml_text(value: Any) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    return str(value)
