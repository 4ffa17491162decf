"""``impactclaim schema``: the statement schema as published or in Dutch, and a field reference generated from it."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from impactclaim import i18n
from impactclaim.i18n import _
from impactclaim.resources import resource_dir
from impactclaim.schema import SCHEMA_FILE, load_schema, merged_annotations, supported_versions

FORMATS = ("json", "markdown", "html")


def newest_version() -> str:
    return supported_versions()[-1]


def schema_path(version: str) -> Path:
    return resource_dir("schemas") / version / SCHEMA_FILE


def schema_json(version: str, language: str | None = None) -> str:
    """The schema of ``version`` byte for byte as published, or with its titles and descriptions in ``language``.

    The published schema is in English; a Dutch copy lets an editor show the descriptions in
    Dutch as you type, and checks exactly the same.
    """
    published = schema_path(version).read_text(encoding="utf-8")
    if language in (None, "en"):
        return published
    with i18n.using(language):
        translated = _translated(json.loads(published))
    return json.dumps(translated, indent=2, ensure_ascii=False) + "\n"


def _translated(node: Any) -> Any:
    # As tools/catalog.py extracts them: a "title" or "description" whose value is text (a
    # property named "description" holds a schema, which is walked instead).
    if isinstance(node, dict):
        return {key: _(value) if key in ("title", "description") and isinstance(value, str) else _translated(value)
                for key, value in node.items()}
    if isinstance(node, list):
        return [_translated(value) for value in node]
    return node


# --- the fields -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Field:
    """One field of the schema as the reference shows it; texts are in the reference's language.

    ``kind`` may hold code between backticks (a pattern), which each format shows as code.
    """

    path: str  # organisation.kvk_number, outcomes[].what.description
    title: str
    description: str
    kind: str
    required: str
    allowed: tuple[str, ...]
    example: str | None  # as written in YAML; None for a group of fields
    deprecated: bool


@dataclass(frozen=True)
class Section:
    key: str  # the top-level field, or "" for the top-level fields that hold one value
    title: str
    fields: tuple[Field, ...]


@dataclass(frozen=True)
class _Context:
    """Where a group of fields sits: always there, an item of a list, or there when given."""

    kind: str  # "always", "item", "given"
    path: str


def _merged(root: dict[str, Any], node: Any) -> dict[str, Any]:
    """``node`` with the keywords of its ``$ref`` chain added (the node's own win, as for annotations)."""
    merged = merged_annotations(root, node)
    merged.pop("$ref", None)
    return merged


class _NoExamples:
    """For a caller that needs the fields' words only: finding examples is most of the work."""

    def of(self, path: str, node: dict[str, Any]) -> str | None:
        return None


def field_texts(version: str, language: str) -> dict[str, tuple[str, str]]:
    """Each field's title and description in ``language``, by its path (``claims[].label.scheme``)."""
    root = load_schema(version)
    with i18n.using(language):
        return {field.path: (field.title, field.description)
                for field in _fields(root, root, "", _Context("always", ""), _NoExamples())}  # type: ignore[arg-type]


def sections(version: str, language: str) -> list[Section]:
    """Every field of ``version``'s schema, grouped by top-level field, described in ``language``."""
    root = load_schema(version)
    examples = _Examples(version, language, root)
    with i18n.using(language):
        found = list(_fields(root, root, "", _Context("always", ""), examples))
        general = [f for f in found if "." not in f.path and "[" not in f.path and not _has_children(f, found)]
        result = [Section("", _(root.get("title", "")), tuple(general))] if general else []
        for name in root.get("properties", {}):
            own = [f for f in found if f.path == name or f.path.startswith((f"{name}.", f"{name}[]"))]
            if own and own[0] not in general:
                result.append(Section(name, own[0].title, tuple(own)))
    return result


def _has_children(field: Field, found: list[Field]) -> bool:
    return any(f.path.startswith((f"{field.path}.", f"{field.path}[]")) for f in found)


def _fields(root: dict[str, Any], node: dict[str, Any], prefix: str, context: _Context,
            examples: _Examples) -> Iterator[Field]:
    required = set(node.get("required", ()))
    conditional = _conditions(node)
    for name, raw in node.get("properties", {}).items():
        sub = _merged(root, raw)
        path = f"{prefix}.{name}" if prefix else name
        if name in required:
            needed = {"always": _("yes"),
                      "item": _("yes, in each item of {list}").format(list=f"`{context.path}`"),
                      "given": _("yes, when {group} is given").format(group=f"`{context.path}`")}[context.kind]
        else:
            needed = conditional.get(name, _("no"))
        items = _merged(root, sub["items"]) if sub.get("type") == "array" and isinstance(sub.get("items"), dict) \
            else None
        allowed = _allowed(sub) or (_allowed(items) if items is not None else ())
        group = "properties" in sub
        yield Field(path=path, title=_(sub.get("title", name)), description=_(sub.get("description", "")),
                    kind=_kind(root, sub), required=needed, allowed=allowed,
                    example=None if group or (items is not None and "properties" in items)
                    else examples.of(path, sub),
                    deprecated=sub.get("deprecated") is True)
        if group:
            # A required group is there whenever its parent is, so its fields are needed under the same condition.
            inner = context if name in required and context.kind != "always" else \
                _Context("always" if name in required else "given", path)
            yield from _fields(root, sub, path, inner, examples)
        elif items is not None and "properties" in items:
            yield from _fields(root, items, f"{path}[]", _Context("item", path), examples)


def _conditions(node: dict[str, Any]) -> dict[str, str]:
    """Fields a group requires only sometimes: under an if/then, or one of several (anyOf of required lists)."""
    found: dict[str, str] = {}
    condition, then = node.get("if"), node.get("then")
    if isinstance(condition, dict) and isinstance(then, dict):
        constants = [(name, sub["const"]) for name, sub in condition.get("properties", {}).items()
                     if isinstance(sub, dict) and "const" in sub]
        if len(constants) == 1:
            field, value = constants[0]
            for name in then.get("required", ()):
                found[name] = _("when {field} is {value}").format(field=f"`{field}`", value=f"`{value}`")
    branches = node.get("anyOf")
    if isinstance(branches, list) and branches and all(isinstance(b, dict) and b.get("required") for b in branches):
        names = [name for branch in branches for name in branch["required"]]
        for name in names:
            found[name] = _("at least one of {fields}").format(fields=", ".join(f"`{n}`" for n in names))
    return found


def _allowed(node: dict[str, Any] | None) -> tuple[str, ...]:
    if not node:
        return ()
    if "const" in node:
        return (str(node["const"]),)
    return tuple(str(value) for value in node.get("enum", ()))


def _kind(root: dict[str, Any], node: dict[str, Any]) -> str:
    """The type of a field in words, with its limits: "whole number, from 1 to 5"."""
    branches = node.get("anyOf")
    if "type" not in node and isinstance(branches, list) and branches:
        kinds = [_kind(root, _merged(root, branch)) for branch in branches]
        shown = kinds[0]
        for other in kinds[1:]:
            shown = _("{one}, or {other}").format(one=shown, other=other)
        return shown
    kind = node.get("type")
    parts: list[str] = []
    if kind == "string":
        form = node.get("format")
        parts.append(_("date (YYYY-MM-DD)") if form == "date" else _("email address") if form == "email"
                     else _("text"))
        pattern = node.get("pattern")
        if pattern and form != "date":
            parts.append(_("of the form {pattern}").format(pattern=f"`{pattern}`"))
        if "maxLength" in node:
            parts.append(_("at most {count} characters").format(count=node["maxLength"]))
    elif kind in ("integer", "number"):
        parts.append(_("whole number") if kind == "integer" else _("number"))
        low, high = node.get("minimum"), node.get("maximum")
        if low is not None and high is not None:
            parts.append(_("from {minimum} to {maximum}").format(minimum=low, maximum=high))
        elif low is not None:
            parts.append(_("{minimum} or more").format(minimum=low))
        elif high is not None:
            parts.append(_("at most {maximum}").format(maximum=high))
    elif kind == "boolean":
        parts.append(_("true or false"))
    elif kind == "object" and "properties" not in node and isinstance(node.get("additionalProperties"), dict):
        parts.append(_("the text per language (nl: …, en: …)"))
    elif kind == "object":
        parts.append(_("group of fields"))
        if node.get("minProperties") == 1:
            parts.append(_("give at least one of its fields"))
    elif kind == "array":
        items = _merged(root, node.get("items", {}))
        if "properties" in items:
            return _("list of groups of fields")
        shown = _("list, no item twice") if node.get("uniqueItems") else _("list")
        return _("{list}; each item: {kind}").format(list=shown, kind=_kind(root, items))
    else:
        parts.append(str(kind or _("any value")))
    return ", ".join(parts)


# --- examples ---------------------------------------------------------------------------------------

_QUOTED_EXAMPLE = re.compile(r"(?:e\.g\.|for example|bijvoorbeeld|bijv\.)\s+\"([^\"]+)\"")
_FALLBACK_TEXTS = ("90215378", "GM0344", "+31 10 123 4567", "NL", "PI4060", "8.5", "95.29", "https://www.example.nl",
                   "example-2025")


class _Examples:
    """Example values of fields: from the schema, from its descriptions, from the bundled statements, else by type."""

    def __init__(self, version: str, language: str, root: dict[str, Any]) -> None:
        self.language = language
        self.root = root
        self.statements = _bundled_statements(version, language)

    def of(self, path: str, node: dict[str, Any]) -> str | None:
        for candidate in self._candidates(path, node):
            if self._fits(candidate, node):
                return self._shown(candidate)
        return None

    def _candidates(self, path: str, node: dict[str, Any]) -> Iterator[Any]:
        yield from node.get("examples", ())
        if "const" in node:
            yield node["const"]
        if node.get("enum"):
            yield node["enum"][0]
        with i18n.using(self.language):
            description = _(node.get("description", ""))
        yield from _QUOTED_EXAMPLE.findall(description)
        for data in self.statements:
            yield from _values_at(data, path.replace("[]", ".[]").split("."))
        yield from _by_type(self.root, node)

    def _fits(self, value: Any, node: dict[str, Any]) -> bool:
        return not any(_validator(json.dumps(node, sort_keys=True), json.dumps(self.root.get("$defs", {}),
                                                                                 sort_keys=True)).iter_errors(value))

    def _shown(self, value: Any) -> str:
        from impactclaim.starter import yaml_scalar

        if isinstance(value, dict):  # a text per language: the reference's own language
            value = value.get(self.language, next(iter(value.values())))
        if isinstance(value, list):
            return "[" + ", ".join(self._shown_item(item) for item in value) + "]"
        return yaml_scalar(value)

    def _shown_item(self, value: Any) -> str:
        from impactclaim.starter import yaml_scalar

        if isinstance(value, dict):
            value = value.get(self.language, next(iter(value.values())))
        return yaml_scalar(value, in_flow=True)


@cache
def _validator(node_json: str, defs_json: str) -> Any:
    from jsonschema import Draft202012Validator, FormatChecker

    schema = {**json.loads(node_json), "$defs": json.loads(defs_json)}
    return Draft202012Validator(schema, format_checker=FormatChecker())


def _values_at(data: Any, steps: list[str]) -> Iterator[Any]:
    """Every value at a path of keys, where ``[]`` steps into each item of a list."""
    if not steps:
        yield data
        return
    step, rest = steps[0], steps[1:]
    if step == "[]":
        for item in data if isinstance(data, list) else ():
            yield from _values_at(item, rest)
    elif isinstance(data, dict) and step in data:
        yield from _values_at(data[step], rest)


def _by_type(root: dict[str, Any], node: dict[str, Any]) -> Iterator[Any]:
    """Sensible values for a type, when neither the schema nor the bundled statements give one."""
    kind = node.get("type")
    if kind == "array":
        items = _merged(root, node.get("items", {}))
        yield [next(iter(_by_type(root, items)), "…")]
    elif kind == "string":
        if node.get("format") == "date":
            yield "2025-01-01"
        if node.get("format") == "email":
            yield "info@example.nl"
        yield from _FALLBACK_TEXTS
        yield "…"
    elif kind == "integer":
        low, high = node.get("minimum", 0), node.get("maximum", 10**9)
        yield 2025 if low >= 1800 else max(low, min(12, high))
    elif kind == "number":
        yield 40 if node.get("maximum") == 100 else 12.5
    elif kind == "boolean":
        yield True
    elif isinstance(node.get("anyOf"), list):
        for branch in node["anyOf"]:
            yield from _by_type(root, _merged(root, branch))


def _bundled_statements(version: str, language: str) -> list[Any]:
    """The statements shipped with impactclaim in ``version``: the example in ``language`` first, then the samples."""
    import impactclaim
    from impactclaim.starter import STARTER_VERSION

    paths: list[Path] = []
    if version == STARTER_VERSION:
        paths.append(resource_dir("starter") / f"example.{language}.yaml")
    try:
        samples = sorted((resource_dir("samples") / "valid").glob("*.yaml"))
    except FileNotFoundError:
        samples = []
    found = []
    for path in paths + samples:
        document = impactclaim.load(path)
        if isinstance(document.data, dict) and document.data.get("schema_version") == version:
            found.append(document.data)
    return sorted(found, key=lambda data: data.get("language") != language)  # stable: the example stays first


# --- Markdown and HTML ------------------------------------------------------------------------------


def _heading(version: str) -> str:
    return _("Field reference of the impact statement, schema {version}").format(version=version)


def _command(version: str, language: str, output_format: str) -> str:
    return f"impactclaim schema --format {output_format} --version {version} --lang {language}"


def _markdown_text(text: str) -> str:
    """Prose for Markdown: characters that would start markup are escaped; an underscore inside a word is not."""
    text = re.sub(r"([\\`*\[\]<>])", r"\\\1", text)
    return re.sub(r"(?<!\w)_|_(?!\w)", r"\\_", text)


def markdown(version: str, language: str) -> str:
    """The field reference of ``version`` as Markdown, in ``language``."""
    found = sections(version, language)
    root = load_schema(version)
    with i18n.using(language):
        lines = [f"# {_heading(version)}", "", _markdown_text(_(root.get("description", ""))), "",
                 _("Generated from the schema by {command}.").format(
                     command=f"`{_command(version, language, 'markdown')}`"),
                 _("Every group of fields also takes fields of your own whose names start with {prefix}; impactclaim "
                   "ignores them.").format(prefix="`x-`"), ""]
        for section in found:
            lines += [f"## {_markdown_text(section.title)}" + (f" (`{section.key}`)" if section.key else ""), ""]
            for field in section.fields:
                lines += [f"### `{field.path}`", ""]
                title = f"**{_markdown_text(field.title)}.**"
                if field.deprecated:
                    title = f"**{_('Deprecated')}.** " + title
                lines += [f"{title} {_markdown_text(field.description)}".rstrip(), ""]
                lines.append(f"- {_('Type')}: {field.kind}")
                lines.append(f"- {_('Required')}: {field.required}")
                if field.allowed:
                    lines.append(f"- {_('Allowed values')}: " + ", ".join(f"`{value}`" for value in field.allowed))
                if field.example is not None:
                    lines.append(f"- {_('Example')}: `{field.example}`")
                lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


_HTML_TEMPLATE = """<!DOCTYPE html>
<html lang="{{ language }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ heading }}</title>
<style>
  :root { color-scheme: light dark; --muted: #5b6470; --line: #d8dde3; --code: #f2f4f6; }
  @media (prefers-color-scheme: dark) { :root { --muted: #a4adb8; --line: #3a4048; --code: #22272e; } }
  body { font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0 auto;
         max-width: 52rem; padding: 1.5rem 1.25rem 4rem; }
  h1 { font-size: 1.7rem; line-height: 1.25; }
  h2 { font-size: 1.35rem; margin-top: 2.5rem; padding-top: 1rem; border-top: 2px solid var(--line); }
  h3 { font-size: 1.05rem; margin: 1.75rem 0 0.4rem; }
  code { font: 0.92em/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; background: var(--code);
         padding: 0.05em 0.3em; border-radius: 3px; overflow-wrap: anywhere; }
  nav ol { columns: 2 16rem; padding-left: 1.25rem; }
  dl { display: grid; grid-template-columns: 11rem 1fr; gap: 0.2rem 1rem; margin: 0.5rem 0 0; }
  dt { color: var(--muted); }
  dd { margin: 0; }
  .note { color: var(--muted); }
  .deprecated { color: #b3261e; font-weight: 600; }
  a { color: inherit; }
</style>
</head>
<body>
<h1>{{ heading }}</h1>
<p>{{ description }}</p>
<p class="note">{{ generated | code }}</p>
<p class="note">{{ extension_note | code }}</p>
<nav aria-label="{{ labels.contents }}">
<h2>{{ labels.contents }}</h2>
<ol>
{%- for section in sections %}
  <li><a href="#{{ section.anchor }}">{{ section.title }}</a></li>
{%- endfor %}
</ol>
</nav>
<main>
{%- for section in sections %}
<section aria-labelledby="{{ section.anchor }}">
<h2 id="{{ section.anchor }}">{{ section.title }}{% if section.key %} (<code>{{ section.key }}</code>){% endif %}</h2>
{%- for field in section.fields %}
<article>
<h3 id="field-{{ field.path }}"><code>{{ field.path }}</code></h3>
<p>
  {%- if field.deprecated %}<span class="deprecated">{{ labels.deprecated }}.</span> {% endif -%}
  <strong>{{ field.title }}.</strong> {{ field.description }}</p>
<dl>
  <dt>{{ labels.type }}</dt><dd>{{ field.kind | code }}</dd>
  <dt>{{ labels.required }}</dt><dd>{{ field.required }}</dd>
  {%- if field.allowed %}
  <dt>{{ labels.allowed }}</dt><dd>
    {%- for value in field.allowed %}<code>{{ value }}</code>{% if not loop.last %}, {% endif %}{% endfor -%}
  </dd>
  {%- endif %}
  {%- if field.example is not none %}
  <dt>{{ labels.example }}</dt><dd><code>{{ field.example }}</code></dd>
  {%- endif %}
</dl>
</article>
{%- endfor %}
</section>
{%- endfor %}
</main>
</body>
</html>
"""


def _code_filter(text: str) -> Any:
    """Text with `backticked` parts as <code>, everything escaped first."""
    from markupsafe import Markup

    return Markup(re.sub(r"`([^`]+)`", r"<code>\1</code>", html.escape(text, quote=True)))


def html_page(version: str, language: str) -> str:
    """The field reference of ``version`` as one self-contained HTML page, in ``language``."""
    import jinja2

    found = sections(version, language)
    root = load_schema(version)
    environment = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    environment.filters["code"] = _code_filter
    with i18n.using(language):
        labels = {"contents": _("Contents"), "type": _("Type"), "required": _("Required"),
                  "allowed": _("Allowed values"), "example": _("Example"), "deprecated": _("Deprecated")}
        page = environment.from_string(_HTML_TEMPLATE).render(
            language=language, heading=_heading(version), description=_(root.get("description", "")),
            generated=_("Generated from the schema by {command}.").format(
                command=f"`{_command(version, language, 'html')}`"),
            extension_note=_("Every group of fields also takes fields of your own whose names start with {prefix}; "
                             "impactclaim ignores them.").format(prefix="`x-`"),
            labels=labels,
            sections=[{"anchor": f"section-{section.key or 'statement'}", "key": section.key,
                       "title": section.title, "fields": section.fields} for section in found])
    return page


def reference(version: str, output_format: str, language: str | None) -> str:
    """The schema of ``version`` (json; as published when ``language`` is None) or its field reference."""
    if output_format == "json":
        return schema_json(version, language)
    if output_format == "markdown":
        return markdown(version, language or "nl")
    return html_page(version, language or "nl")
