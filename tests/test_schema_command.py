"""impactclaim schema: the schema as published or in Dutch, and the field reference made from it (Markdown, HTML)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, ClassVar

import pytest

from impactclaim import i18n, schema_reference
from impactclaim.loader import load_bytes
from impactclaim.schema import supported_versions
from tests.conftest import ROOT, assert_matches_golden

# The golden reference: after an intended change, UPDATE_GOLDEN=1 pytest tests/test_schema_command.py, then review.
GOLDEN = Path(__file__).resolve().parent / "golden" / "schema"
VERSIONS = supported_versions()


@pytest.fixture(autouse=True)
def _language_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n, "_chosen", None)  # --lang chooses for the whole process


def published(version: str) -> str:
    return (ROOT / "schemas" / version / "statement.schema.json").read_text(encoding="utf-8")


def field_paths(schema: dict[str, Any]) -> Iterator[str]:
    """Every property of the schema as a dotted path (list items as ``[]``), walked independently of the tool."""
    def resolve(node: Any) -> Any:
        while isinstance(node, dict) and "$ref" in node:
            target: Any = schema
            for part in node["$ref"].removeprefix("#/").split("/"):
                target = target[part]
            node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
        return node

    def walk(node: Any, prefix: str) -> Iterator[str]:
        node = resolve(node)
        for name, sub in node.get("properties", {}).items():
            path = f"{prefix}.{name}" if prefix else name
            yield path
            sub = resolve(sub)
            yield from walk(sub, path)
            if isinstance(sub.get("items"), dict):
                yield from walk(sub["items"], f"{path}[]")

    yield from walk(schema, "")


@pytest.mark.parametrize("version", VERSIONS)
def test_json_is_the_published_schema_byte_for_byte(cli, version: str) -> None:  # type: ignore[no-untyped-def]
    result = cli("schema", "--version", version)
    assert result.exit_code == 0
    assert result.stdout == published(version)
    assert cli("schema", "--format", "json", "--version", version, "--lang", "en").stdout == published(version)


def test_json_without_version_is_the_newest(cli) -> None:  # type: ignore[no-untyped-def]
    assert cli("schema").stdout == published(VERSIONS[-1])


def test_json_in_dutch_translates_titles_and_descriptions_only(cli) -> None:  # type: ignore[no-untyped-def]
    dutch = json.loads(cli("schema", "--lang", "nl").stdout)
    english = json.loads(published("1.1"))
    kvk = dutch["properties"]["organisation"]["properties"]["kvk_number"]
    english_kvk = english["properties"]["organisation"]["properties"]["kvk_number"]
    assert kvk["title"] == "KvK-nummer"
    with i18n.using("nl"):
        assert kvk["description"] == i18n._(english_kvk["description"]) != english_kvk["description"]

    def without_texts(node: Any) -> Any:
        if isinstance(node, dict):
            return {k: without_texts(v) for k, v in node.items()
                    if not (k in ("title", "description") and isinstance(v, str))}
        if isinstance(node, list):
            return [without_texts(v) for v in node]
        return node

    assert without_texts(dutch) == without_texts(english)  # it checks exactly what the published one checks


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize("version", VERSIONS)
def test_every_field_of_the_schema_is_in_the_markdown_reference(cli, version: str, language: str) -> None:  # type: ignore[no-untyped-def]
    result = cli("schema", "--format", "markdown", "--version", version, "--lang", language)
    assert result.exit_code == 0
    headings = re.findall(r"^### `([^`]+)`$", result.stdout, flags=re.MULTILINE)
    paths = list(field_paths(json.loads(published(version))))
    assert len(paths) > 100
    assert sorted(headings) == sorted(paths)


def test_a_field_shows_its_type_requirement_values_description_and_example(cli) -> None:  # type: ignore[no-untyped-def]
    text = cli("schema", "--format", "markdown", "--lang", "en").stdout
    assert ("### `organisation.kvk_number`\n\n"
            "**KvK number.** The 8-digit registration number in the Dutch Chamber of Commerce (Kamer van Koophandel)"
            " trade register.\n\n"
            "- Type: text, of the form `^[0-9]{8}$`\n"
            "- Required: yes\n"
            '- Example: `"90215378"`\n') in text
    assert ("- Type: text\n- Required: no\n"
            "- Allowed values: `bv`, `nv`, `stichting`, `cooperatie`, `vereniging`, `cv`, `maatschap`, `vof`, "
            "`eenmanszaak`, `other`\n- Example: `bv`\n") in text
    assert "- Required: when `policy` is `capped`" in text
    assert "- Required: at least one of `fte_years`, `persons`" in text
    assert "- Required: yes, in each item of `outcomes`" in text
    assert "**Deprecated.** **Independent.**" in text


def test_the_dutch_reference_shows_the_dutch_descriptions(cli) -> None:  # type: ignore[no-untyped-def]
    english = "The 8-digit registration number in the Dutch Chamber of Commerce"
    text = cli("schema", "--format", "markdown", "--lang", "nl").stdout
    with i18n.using("nl"):
        dutch = i18n._(english + " (Kamer van Koophandel) trade register.")
    assert dutch != english and dutch in text
    assert english not in text
    assert "- Verplicht: ja\n" in text and "- Type: tekst, van de vorm `^[0-9]{8}$`" in text
    assert text.startswith("# Veldenoverzicht van de impactverklaring, schema 1.1\n")


@pytest.mark.parametrize("language", ["en", "nl"])
def test_every_example_is_valid_yaml_and_an_allowed_value(language: str) -> None:
    for section in schema_reference.sections("1.1", language):
        for field in section.fields:
            if field.example is None:
                assert field.kind.startswith(("group", "list of groups", "groep", "lijst van groepen")), field.path
                continue
            document = load_bytes(f"value: {field.example}\n".encode(), "example.yaml")
            assert document.findings == [], (field.path, field.example)
            value = document.data["value"]
            if field.allowed:
                assert set(value if isinstance(value, list) else [value]) <= set(field.allowed), field.path


def test_the_markdown_reference_matches_its_golden_file(cli) -> None:  # type: ignore[no-untyped-def]
    text = cli("schema", "--format", "markdown", "--version", "1.1", "--lang", "en").stdout
    assert_matches_golden(text, GOLDEN / "reference-1.1.en.md")


class _Page(HTMLParser):
    """What a browser would fetch, and whether every element that is opened is closed."""

    VOID: ClassVar[set[str]] = {"meta", "link", "br", "img", "input", "hr"}

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.fetched: list[str] = []
        self.ids: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag in ("script", "link", "img", "iframe") or (tag != "a" and found.get("src")):
            self.fetched.append(tag)
        if found.get("id"):
            self.ids.append(found["id"] or "")
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1] == tag, (self.open[-5:], tag)
        self.open.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_html_reference_is_one_self_contained_well_formed_page(cli, language: str) -> None:  # type: ignore[no-untyped-def]
    result = cli("schema", "--format", "html", "--lang", language)
    assert result.exit_code == 0
    page = _Page()
    page.feed(result.stdout)
    page.close()
    assert page.open == [] and page.fetched == []
    assert f'<html lang="{language}">' in result.stdout
    assert len(page.ids) == len(set(page.ids))  # every anchor unique
    shown = "".join(page.text)
    for path in field_paths(json.loads(published("1.1"))):
        assert path in shown


def test_the_html_reference_escapes_what_it_shows(monkeypatch: pytest.MonkeyPatch) -> None:
    hostile = schema_reference.Field(path="x.<b>", title="<script>alert(1)</script>", description='a "quote" & <i>',
                                     kind="text, of the form `^<a>$`", required="yes", allowed=("<v>",),
                                     example="<e>", deprecated=False)
    monkeypatch.setattr(schema_reference, "sections",
                        lambda version, language: [schema_reference.Section("x", "<h>", (hostile,))])
    page = schema_reference.html_page("1.1", "en")
    assert "<script>" not in page and "<b>" not in page and "<i>" not in page and "<v>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<code>^&lt;a&gt;$</code>" in page  # the pattern is shown as code, escaped


def test_output_to_a_file(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "reference.md"
    result = cli("schema", "--format", "markdown", "--lang", "en", "-o", str(target))
    assert result.exit_code == 0
    assert result.stdout == f"Field reference written to {target}\n"
    assert target.read_text(encoding="utf-8") == cli("schema", "--format", "markdown", "--lang", "en").stdout
    schema_file = tmp_path / "statement.schema.json"
    assert cli("schema", "-o", str(schema_file)).exit_code == 0
    assert schema_file.read_text(encoding="utf-8") == published(VERSIONS[-1])


@pytest.mark.parametrize(("arguments", "message"), [
    (["--format", "pdf"], "--format must be json, markdown, html, not 'pdf'"),
    (["--version", "9.9"], "unknown schema version '9.9'; known versions: 1.0, 1.1"),
    (["--lang", "de"], "--lang must be en or nl, not 'de'"),
])
def test_usage_errors(cli, arguments: list[str], message: str) -> None:  # type: ignore[no-untyped-def]
    result = cli("schema", *arguments)
    assert result.exit_code == 2
    assert result.stderr == f"impactclaim: error: {message}\n"
    assert result.stdout == ""


def test_a_file_that_cannot_be_written_is_exit_2(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("schema", "-o", str(tmp_path / "missing" / "folder" / "schema.json"))
    assert result.exit_code == 2
    assert "cannot write" in result.stderr
