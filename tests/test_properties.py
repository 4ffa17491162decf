"""Property-based tests: statements generated from the schema load, validate, render and round-trip.

Statements come from ``schemas/1.0/statement.schema.json`` through hypothesis-jsonschema's
``from_schema``, half of them from the schema as it is and half from a denser copy:

- as it is: hypothesis-jsonschema documents drafts 4 to 7, but every keyword our 2020-12 schema
  uses (``$defs`` references, ``const``, ``enum``, ``pattern``, ``patternProperties``,
  ``uniqueItems``, ``format: date``) means the same there; a property below proves that every
  generated statement passes our own validators. Such statements are mostly the required core,
  with few claims, metrics or outcomes;
- the dense copy (``dense_schema``) asks every object for at least half of its optional
  properties (``minProperties``), allows ``x-`` extensions only at the top level (below it they
  would take the place of real properties), and asks for one to three claims, metrics and
  outcomes. Everything it generates is valid under the real schema too.

Every generated string is made printable (a control character becomes "?") so that the YAML
written is what a person could type. The runs are deterministic (``derandomize``, no example
database), so CI sees the same examples on every machine.

Schema 1.1 statements (``STATEMENTS_1_1``) come the same way from ``schemas/1.1``, as it is and
dense, except for its free text: hypothesis-jsonschema takes twice as long for a schema whose
every text is "a string or a map of language codes to strings" (``anyOf``), so the statements
are generated with plain text (``plain_text_schema``) and ``multilingual`` then turns some of
the texts the 1.1 schema lets be multilingual into maps (``{nl: ..., en: ..., de: ...}``), found by
walking the real schema (``text_paths``), so a text that a later change makes multilingual is
covered without a change here. The properties check every such statement against the real 1.1
schema, so the composition is proved valid.
"""

from __future__ import annotations

import copy
import json
import math
import re
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema
from markupsafe import escape

import impactclaim
from impactclaim.catalogue import catalogue
from impactclaim.findings import json_pointer
from impactclaim.loader import load_bytes
from impactclaim.profile.command import render_document
from impactclaim.profile.html import external_references
from tests.conftest import ROOT

SCHEMA = json.loads((ROOT / "schemas" / "1.0" / "statement.schema.json").read_text(encoding="utf-8"))
SCHEMA_1_1 = json.loads((ROOT / "schemas" / "1.1" / "statement.schema.json").read_text(encoding="utf-8"))
KNOWN_CODES = {info.code for info in catalogue()}  # every documented code

DETERMINISTIC = settings(
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=False,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
)


# --- generating statements ------------------------------------------------------------------

def printable(value: Any, *, key: bool = False) -> Any:
    """``value`` with every string made printable; text may keep its line breaks, keys may not."""
    if isinstance(value, str):
        return "".join(c if c.isprintable() or (c == "\n" and not key) else "?" for c in value)
    if isinstance(value, list):
        return [printable(item) for item in value]
    if isinstance(value, dict):
        return {printable(k, key=True): printable(v) for k, v in value.items()}
    return value


def dense_schema(node: Any, root: bool = True) -> Any:
    """A copy of the schema whose objects carry at least half of their optional properties."""
    if isinstance(node, list):
        return [dense_schema(item, False) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: dense_schema(value, False) for key, value in node.items()}
    properties = node.get("properties")
    if node.get("type") == "object" and isinstance(properties, dict):
        if not root:
            node.pop("patternProperties", None)
        required = len(node.get("required", []))
        node["minProperties"] = required + (len(properties) - required + 1) // 2
    if root:
        for name in ("claims", "metrics", "outcomes"):
            node["properties"][name] = {**node["properties"][name], "minItems": 1, "maxItems": 3}
    return node


STATEMENTS = st.one_of(from_schema(SCHEMA, allow_x00=False),
                       from_schema(dense_schema(SCHEMA), allow_x00=False)).map(printable)


# --- schema 1.1: multilingual text on top of plain-text statements ---------------------------

TEXT_REF = "#/$defs/text"
DataPath = tuple[str | int, ...]


def plain_text_schema(schema: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``schema`` whose free text (``$defs/text``) is only its plain-text branch."""
    reduced = copy.deepcopy(schema)
    [plain] = [branch for branch in reduced["$defs"]["text"]["anyOf"] if branch.get("type") == "string"]
    reduced["$defs"]["text"] = plain
    return reduced


def resolved(node: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = schema["$defs"][node["$ref"].rsplit("/", 1)[-1]]
    return node


def text_paths(value: Any, schema: dict[str, Any], node: dict[str, Any] | None = None,
               path: DataPath = ()) -> Iterator[DataPath]:
    """The path of every value in ``value`` that ``schema`` declares free text (``$defs/text``)."""
    node = schema if node is None else node
    if node.get("$ref") == TEXT_REF:
        yield path
        return
    node = resolved(node, schema)
    if isinstance(value, dict):
        properties = node.get("properties", {})
        for key, item in value.items():
            if key in properties:
                yield from text_paths(item, schema, properties[key], (*path, key))
    elif isinstance(value, list) and isinstance(node.get("items"), dict):
        for index, item in enumerate(value):
            yield from text_paths(item, schema, node["items"], (*path, index))


def value_at(data: Any, path: DataPath) -> Any:
    for part in path:
        data = data[part]
    return data


def set_at(data: Any, path: DataPath, value: Any) -> None:
    value_at(data, path[:-1])[path[-1]] = value


# Language codes as the 1.1 schema allows them: the profile's two languages most often, and any
# other two lowercase letters (``no`` and ``on`` among them, booleans in YAML 1.1).
LANGUAGE_CODES = st.sampled_from(["nl", "en"]) | st.sampled_from(["de", "no", "on", "ar"]) | st.from_regex(
    r"[a-z]{2}", fullmatch=True)
VARIANTS = st.text(min_size=1, max_size=24).map(printable)


@st.composite
def multilingual(draw: st.DrawFn, statements: st.SearchStrategy[dict[str, Any]]) -> dict[str, Any]:
    """A statement of ``statements`` with some of its texts given per language instead."""
    data: dict[str, Any] = draw(statements)
    for path in list(text_paths(data, SCHEMA_1_1)):
        if draw(st.booleans()):
            languages = draw(st.lists(LANGUAGE_CODES, min_size=1, max_size=3, unique=True))
            texts = [value_at(data, path), *(draw(VARIANTS) for _ in languages[1:])]
            set_at(data, path, dict(zip(languages, texts, strict=True)))
    return data


PLAIN_TEXT_1_1 = plain_text_schema(SCHEMA_1_1)
STATEMENTS_1_1 = multilingual(st.one_of(from_schema(PLAIN_TEXT_1_1, allow_x00=False),
                                        from_schema(dense_schema(PLAIN_TEXT_1_1), allow_x00=False)).map(printable))
DENSE_STATEMENTS_1_1 = multilingual(from_schema(dense_schema(PLAIN_TEXT_1_1), allow_x00=False).map(printable))


class Yaml12Dumper(yaml.SafeDumper):
    """``yaml.safe_dump`` that also quotes text a YAML 1.2 reader takes for a number.

    PyYAML writes YAML 1.1, where ``06039181``, ``1e3`` and ``0o17`` are text, so it leaves them
    unquoted; YAML 1.2 (and impactclaim) reads them as numbers. A tool that writes statements
    with PyYAML must quote them, as this dumper does.
    """


for _tag, _pattern, _first in (
    ("int", r"^[-+]?[0-9]+$", "-+0123456789"),
    ("int", r"^0o[0-7]+$|^0x[0-9a-fA-F]+$", "0"),
    ("float", r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$", "-+.0123456789"),
    ("float", r"^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$", "-+."),
):
    Yaml12Dumper.add_implicit_resolver(f"tag:yaml.org,2002:{_tag}", re.compile(_pattern), list(_first))

DUMP_STYLES = st.fixed_dictionaries({
    "default_flow_style": st.sampled_from([False, True, None]),
    "allow_unicode": st.booleans(),
    "line_break": st.sampled_from(["\n", "\r\n", "\r"]),
    "indent": st.sampled_from([2, 4]),
    "explicit_start": st.booleans(),
})


def dump(data: Any, style: dict[str, Any] | None = None) -> str:
    text: str = yaml.dump(data, Dumper=Yaml12Dumper, sort_keys=False, **(style or {"allow_unicode": True}))
    return text


def lines_of(text: str) -> list[str]:
    return re.split(r"\r\n|\r|\n", text)


def leaves(value: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    """Every scalar (and every empty list or mapping) of ``value`` with its path."""
    if isinstance(value, dict) and value:
        for key, item in value.items():
            yield from leaves(item, (*path, key))
    elif isinstance(value, list) and value:
        for index, item in enumerate(value):
            yield from leaves(item, (*path, index))
    else:
        yield path, value


def plain_start(value: Any) -> str:
    """The first character of ``value`` written as a plain YAML scalar."""
    if isinstance(value, dict):
        return "{"
    if isinstance(value, list):
        return "["
    if isinstance(value, str) and value:
        return value[0]
    return dump(value, {"default_flow_style": True, "allow_unicode": True})[0]


def check_findings(findings: list[Any], text: str) -> None:
    line_count = len(lines_of(text))
    for finding in findings:
        assert 1 <= finding.line <= line_count + 1, finding
        assert finding.column >= 1, finding
        assert finding.code in KNOWN_CODES, finding
        assert finding.pointer == "" or finding.pointer.startswith("/"), finding
        assert finding.message and "Traceback" not in finding.message, finding


class _StrictParser(HTMLParser):
    """Parses the whole page; counts the elements that would run script."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.scripts += tag == "script" or any(name.startswith("on") for name, _ in attrs)


def check_html(html: str) -> None:
    assert html.startswith("<!DOCTYPE html>")
    assert html.rstrip().endswith("</html>")
    parser = _StrictParser()
    parser.feed(html)
    parser.close()
    assert parser.scripts == 0
    assert external_references(html) == []


# --- the properties -------------------------------------------------------------------------

def check_generated(data: dict[str, Any], style: dict[str, Any], language: str) -> tuple[str, Any, list[Any], str]:
    """The guarantees for a statement generated from its schema; its YAML, document, findings and HTML profile."""
    text = dump(data, style)
    raw = text.encode("utf-8")
    document = load_bytes(raw, "statement.yaml")

    # load -> dump -> load gives the same data, whatever the YAML style and line endings.
    assert document.findings == []
    assert document.data == data
    again = load_bytes(dump(document.data).encode("utf-8"), "again.yaml")
    assert again.findings == [] and again.data == data

    # Validating never crashes, and every finding points into the file.
    findings = impactclaim.validate(document)
    assert isinstance(findings, list)
    check_findings(findings, text)
    # A statement made from the schema passes the schema: the generator and our validators agree.
    assert [f for f in findings if f.code in ("IC020", "IC021")] == []

    # The source map points every leaf at the line and column where its value is written.
    lines = lines_of(text)
    for path, value in leaves(data):
        line, column = document.source_map.value_position(list(path))
        assert 1 <= line <= len(lines), (path, line)
        assert 1 <= column <= len(lines[line - 1]) + 1, (path, column)
        written = lines[line - 1][column - 1:column]
        assert written in ("'", '"', "|", ">", plain_start(value)), (path, value, lines[line - 1])

    # Every statement the schema allows renders to a self-contained HTML profile.
    html = render_document(document, output_format="html", language=language).decode("utf-8")
    check_html(html)
    return text, document, findings, html


@settings(DETERMINISTIC, max_examples=60)
@given(STATEMENTS, DUMP_STYLES, st.sampled_from(["nl", "en"]))
def test_generated_statements_load_validate_round_trip_and_render(
        data: dict[str, Any], style: dict[str, Any], language: str) -> None:
    check_generated(data, style, language)


@settings(DETERMINISTIC, max_examples=5)
@given(STATEMENTS)
def test_generated_statements_render_to_pdf(data: dict[str, Any]) -> None:
    document = load_bytes(dump(data).encode("utf-8"), "statement.yaml")
    assert document.data == data
    pdf = render_document(document, output_format="pdf", language=str(data["language"]))
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")


# --- broken statements ----------------------------------------------------------------------

TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=12)
ANY_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True) | TEXT,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(TEXT, children, max_size=3),
    max_leaves=6,
)


def containers(value: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    """Every mapping and list in ``value`` with its path, the root included."""
    if isinstance(value, (dict, list)):
        yield path, value
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for key, item in items:
            yield from containers(item, (*path, key))


@st.composite
def broken_statements(draw: st.DrawFn) -> dict[str, Any]:
    """A generated statement with a few values replaced, removed or added anywhere."""
    data: dict[str, Any] = draw(STATEMENTS)
    return break_in_place(draw, data)


def break_in_place(draw: Callable[[st.SearchStrategy[Any]], Any], data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with a few values replaced, removed or added anywhere."""
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        path, container = draw(st.sampled_from(list(containers(data))))
        keys = list(container) if isinstance(container, dict) else list(range(len(container)))
        action = draw(st.sampled_from(["replace", "remove", "add"] if keys else ["add"]))
        if action == "add":
            if isinstance(container, dict):
                container[draw(TEXT)] = draw(ANY_VALUE)
            else:
                container.append(draw(ANY_VALUE))
        elif action == "replace":
            container[draw(st.sampled_from(keys))] = draw(ANY_VALUE)
        elif path or len(keys) > 1:  # keep the root a mapping with something in it
            del container[draw(st.sampled_from(keys))]
    return data


@settings(DETERMINISTIC, max_examples=40)
@given(broken_statements())
def test_broken_statements_validate_and_render_as_draft_without_crashing(data: dict[str, Any]) -> None:
    check_broken(data)


def check_broken(data: dict[str, Any]) -> None:
    text = dump(printable(data))
    document = load_bytes(text.encode("utf-8"), "statement.yaml")
    assert document.data is not None, document.findings
    findings = impactclaim.validate(document)
    check_findings(findings, text)
    for finding in findings:
        if finding.code in ("IC020", "IC021"):
            assert finding.line <= len(lines_of(text)), finding
    # A draft renders whatever the statement holds, findings and all.
    html = render_document(document, output_format="html", language="en", draft=True, findings=findings)
    check_html(html.decode("utf-8"))


def test_the_yaml_1_2_dumper_quotes_what_yaml_1_2_reads_as_numbers() -> None:
    # Why the tests above do not use yaml.safe_dump as it is: its YAML 1.1 leaves these bare.
    tricky = {"kvk_number": "06039181", "a": "1e3", "b": "0o17", "c": "0x1F", "d": ".5", "e": "+12"}
    assert load_bytes(yaml.safe_dump(tricky).encode()).data != tricky
    assert load_bytes(dump(tricky).encode()).data == tricky
    assert math.isinf(load_bytes(dump({"x": math.inf}).encode()).data["x"])  # type: ignore[index]


# --- schema 1.1 -----------------------------------------------------------------------------
#
# Generating a 1.1 statement costs about half a second (hypothesis-jsonschema on a 69 kB schema),
# so each one serves every guarantee: as it is, as the 1.0 statement of an author who forgot the
# version bump, and broken.

def shown_in(texts: dict[str, str], language: str, statement_language: str) -> str:
    """The variant of a text per language that a profile in ``language`` shows: its own language,
    else the statement's, else the first written."""
    for wanted in (language, statement_language):
        if wanted in texts:
            return texts[wanted]
    return next(iter(texts.values()))


def maps_at(data: dict[str, Any], schema: dict[str, Any]) -> list[DataPath]:
    """The texts of ``data`` given per language, where ``schema`` declares free text."""
    return [path for path in text_paths(data, schema) if isinstance(value_at(data, path), dict)]


@settings(DETERMINISTIC, max_examples=20)
@given(STATEMENTS_1_1, DUMP_STYLES, st.sampled_from(["nl", "en"]), st.data())
def test_generated_1_1_statements_load_validate_round_trip_render_and_break_as_drafts(
        data: dict[str, Any], style: dict[str, Any], language: str, breaking: st.DataObject) -> None:
    assert data["schema_version"] == "1.1"
    _, document, findings, html = check_generated(data, style, language)

    # A text per language that lacks the statement's own language is an IC023 at its key, and
    # no other text is (the schema cannot say which language a statement is in; the checker can).
    lacking = [path for path in maps_at(data, SCHEMA_1_1) if data["language"] not in value_at(data, path)]
    assert sorted((f.pointer, f.line, f.column) for f in findings if f.code == "IC023") == \
        sorted((json_pointer(path), *document.source_map.key_position(list(path))) for path in lacking)

    # The mission is shown in the profile's language when the statement gives it, else in the
    # statement's own language, else in the first language written.
    mission = data["mission"]["statement"]
    if isinstance(mission, dict):
        mission = shown_in(mission, language, data["language"])
    assert f'<blockquote class="mission-statement">{escape(mission.strip())}</blockquote>' in html

    # The same statement that forgot to say 1.1 (a 1.0 statement using text per language): every
    # map where 1.0 wants text is an IC021 at the line and column where the map starts, and a
    # draft still renders.
    as_1_0 = dump({**data, "schema_version": "1.0"}, style)
    document = load_bytes(as_1_0.encode("utf-8"), "statement.yaml")
    assert document.data == {**data, "schema_version": "1.0"}
    findings = impactclaim.validate(document)
    check_findings(findings, as_1_0)
    located = {(f.pointer, f.line, f.column) for f in findings if f.code == "IC021"}
    for path in maps_at(data, SCHEMA):
        line, column = document.source_map.value_position(list(path))
        assert (json_pointer(path), line, column) in located, (path, sorted(located))
    draft = render_document(document, output_format="html", language=language, draft=True, findings=findings)
    check_html(draft.decode("utf-8"))

    # Broken anywhere (inside the texts per language and the 1.1 sections too), and said to be
    # 1.0 or not, it validates and renders as a draft.
    broken = break_in_place(breaking.draw, copy.deepcopy(data))
    if breaking.draw(st.booleans()) and broken.get("schema_version") == "1.1":
        broken["schema_version"] = "1.0"
    check_broken(broken)


@settings(DETERMINISTIC, max_examples=2)
@given(DENSE_STATEMENTS_1_1, st.sampled_from(["nl", "en"]))
def test_generated_1_1_statements_render_to_pdf(data: dict[str, Any], language: str) -> None:
    document = load_bytes(dump(data).encode("utf-8"), "statement.yaml")
    assert document.data == data
    pdf = render_document(document, output_format="pdf", language=language)
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")


# --- any bytes at all -----------------------------------------------------------------------

YAML_PIECES = [
    "a", "key", "x-y", "schema_version", "\"1.0\"", "1", "-1", "0o17", "0x1F", "1e999", ".inf", ".nan", "null",
    "true", "no", "2025-01-01", ":", ": ", " ", "  ", "\n", "\r\n", "\r", "\t", "- ", "-", "[", "]", "{", "}",
    ", ", "&a ", "*a", "&b ", "*b", "!!str ", "!!binary ", "!!python/object:os.system ", "!x ", "'", "\"",
    "\\e", "\\0", "\\x9b", "\\u2028", "# c", "? ", "| ", "> ", "---", "...", "%YAML 1.2", "%TAG !e! tag:e,1:",
    "<<", "\u2028", "\x85", "\u202e", "é", "\x00", "\x07", "\ufeff", "%PDF-",
]
YAML_LIKE = st.lists(st.sampled_from(YAML_PIECES), max_size=40).map("".join).map(lambda text: text.encode())


@settings(DETERMINISTIC, max_examples=400)
@given(YAML_LIKE | st.binary(max_size=64))
def test_any_bytes_load_and_validate_without_crashing(raw: bytes) -> None:
    document = load_bytes(raw, "statement.yaml")
    findings = impactclaim.validate(document)
    text = raw.decode("utf-8", "replace")
    check_findings(findings, text)
    if document.data is None:
        assert any(f.severity == "error" for f in findings)
