"""The profile as one self-contained HTML file: Jinja2 templates, inline CSS, fonts as data URIs.

Templates come from the built-in ``templates/`` folder; a theme folder (``--template-dir``) is
looked up first, so a theme's ``profile.html`` can ``{% extends "builtin/profile.html" %}`` and
override named blocks, and a theme's ``profile.css`` is appended after the built-in CSS.
Autoescaping is on for every template and the environment is sandboxed; statement text is only
ever data, never template code.
"""

from __future__ import annotations

import base64
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

from impactclaim.profile.labels import Labels
from impactclaim.profile.model import Profile
from impactclaim.resources import resource_dir

TEMPLATE_NAME = "profile.html"
STYLESHEET_NAME = "profile.css"
BUILTIN_PREFIX = "builtin"
DRAFT_MARK_CLASS = 'class="draft-watermark"'

# The weights shipped in impactclaim/data/fonts, as (file, CSS weight, CSS style).
_FONT_FACES = (
    ("Inter-Regular.subset.woff2", 400, "normal"),
    ("Inter-Italic.subset.woff2", 400, "italic"),
    ("Inter-SemiBold.subset.woff2", 600, "normal"),
    ("Inter-Bold.subset.woff2", 700, "normal"),
)
_CSS_SAFE = re.compile(r"[\w .,:;!?'()%/+-]", re.UNICODE)
_CSS_URL = re.compile(r"(?i)url\(\s*(['\"]?)(.*?)\1\s*\)")
_CSS_IMPORT = re.compile(r"(?i)@import")
# Attributes that make a browser load something; a link (<a href>) is followed only by a reader.
_LOADING_ATTRIBUTES = frozenset({"src", "srcset", "href", "poster", "data", "background", "action",
                                 "formaction", "manifest", "xlink:href", "ping", "longdesc", "codebase"})
_LINK_SCHEMES = ("https://", "http://", "mailto:", "#")
_NOT_IN_CLASS_NAME = re.compile(r"[^A-Za-z0-9_-]+")


class RenderError(Exception):
    """A profile cannot be rendered for a reason that is not in the statement (theme, output)."""


@dataclass(frozen=True, slots=True)
class Theme:
    """A folder of template overrides and an optional ``profile.css``."""

    directory: Path

    @classmethod
    def from_path(cls, path: str | Path) -> Theme:
        directory = Path(path)
        if not directory.is_dir():
            raise RenderError(f"the template folder {str(path)!r} does not exist or is not a folder")
        return cls(directory)

    @property
    def stylesheet(self) -> str:
        css_path = self.directory / STYLESHEET_NAME
        if not css_path.is_file():
            return ""
        return css_path.read_text(encoding="utf-8")


def css_string(value: object) -> Markup:
    """``value`` as a quoted CSS string, safe inside a ``<style>`` element.

    Inside ``<style>`` HTML entities are not decoded, so HTML escaping would be wrong; every
    character that could end the string or the element is written as a CSS hex escape instead.
    """
    text = str(value)
    escaped = "".join(ch if _CSS_SAFE.fullmatch(ch) else f"\\{ord(ch):06x}" for ch in text)
    return Markup(f'"{escaped}"')


def class_name(value: object) -> str:
    """``value`` as one CSS class name; a value from the statement cannot add other classes."""
    return _NOT_IN_CLASS_NAME.sub("", str(value))


@cache
def font_face_css() -> str:
    """``@font-face`` rules that embed the shipped fonts as data URIs."""
    folder = resource_dir("data") / "fonts"
    return font_faces(lambda filename: "data:font/woff2;base64,"
                      + base64.b64encode((folder / filename).read_bytes()).decode("ascii"))


def font_faces(source: Callable[[str], str]) -> str:
    """``@font-face`` rules of the shipped fonts, each loaded from ``source(file name)``."""
    return "\n".join(
        '@font-face { font-family: "Inter"; '
        f"font-style: {style}; font-weight: {weight}; font-display: swap; "
        f'src: url({source(filename)}) format("woff2"); }}'
        for filename, weight, style in _FONT_FACES) + "\n"


@cache
def builtin_stylesheet() -> str:
    return (resource_dir("templates") / STYLESHEET_NAME).read_text(encoding="utf-8")


def stylesheet(theme: Theme | None) -> str:
    """Fonts, the built-in CSS and the theme's CSS, in that order; refuses anything external."""
    css = font_face_css() + builtin_stylesheet()
    if theme is not None and theme.stylesheet:
        extra = theme.stylesheet
        problem = css_reference_problem(extra)
        if problem:
            raise RenderError(f"the theme's {STYLESHEET_NAME} {problem}; embed resources as data: URIs")
        css += "\n/* theme */\n" + extra
    if "</" in css:
        raise RenderError(f"the {STYLESHEET_NAME} contains '</', which would end the <style> element")
    return css


def css_reference_problem(css: str) -> str | None:
    """Why ``css`` would make a reader load something from elsewhere, or None."""
    if _CSS_IMPORT.search(css):
        return "uses @import"
    for _, target in _CSS_URL.findall(css):
        if not target.strip().startswith(("data:", "#")):
            return f"refers to {target.strip()[:60]!r}"
    return None


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Compiled templates kept between runs, in the user's cache folder, or None where it cannot be made.

    Compiling the profile's templates is about a twentieth of a single ``impactclaim render``.
    Jinja2 keys each entry by the template's file name and checks its source and the Jinja2 and
    Python versions on load, so a changed template or theme is compiled anew.
    """
    base = os.getenv("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    directory = Path(base) / "impactclaim" / "templates"
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return None
    if not os.access(directory, os.W_OK | os.X_OK):
        return None
    return jinja2.FileSystemBytecodeCache(str(directory))


@cache
def environment(theme: Theme | None) -> jinja2.Environment:
    """The sandboxed, autoescaping, strict template environment, theme folder first.

    Cached per theme, so a batch compiles each template once (Jinja2 still reloads a template
    whose file changed).
    """
    builtin = jinja2.FileSystemLoader(str(resource_dir("templates")))
    loaders: list[jinja2.BaseLoader] = []
    if theme is not None:
        loaders.append(jinja2.FileSystemLoader(str(theme.directory)))
    loaders += [jinja2.PrefixLoader({BUILTIN_PREFIX: builtin}), builtin]
    env = ImmutableSandboxedEnvironment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=_bytecode_cache(),
    )
    env.filters["css_string"] = css_string
    env.filters["class_name"] = class_name
    return env


def render_html(profile: Profile, theme: Theme | None = None) -> str:
    """The profile as one HTML document with no external references."""
    env = environment(theme)
    try:
        template = env.get_template(TEMPLATE_NAME)
    except jinja2.TemplateError as error:
        raise RenderError(f"the template cannot be loaded: {error}") from error
    context: dict[str, Any] = {
        "profile": profile,
        "t": Labels(profile.language),
        "stylesheet": Markup(stylesheet(theme)),
    }
    try:
        html = template.render(context)
    except jinja2.exceptions.SecurityError as error:
        raise RenderError(f"the template did something the sandbox forbids: {error}") from error
    except (jinja2.UndefinedError, jinja2.TemplateSyntaxError) as error:
        raise RenderError(f"the template failed: {error}") from error
    if profile.draft and DRAFT_MARK_CLASS not in html:
        raise RenderError("the theme drops the draft mark; a draft must carry it on every page")
    references = external_references(html)
    if references:
        shown = ", ".join(repr(reference[:60]) for reference in references[:3])
        raise RenderError(f"the rendered profile would load {shown}; a profile must be self-contained")
    return html


class _ReferenceCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.references: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_style = tag == "style"
        for name, value in attrs:
            if value is None:
                continue
            if name == "style" and css_reference_problem(value):
                self.references.append(value)
            if name not in _LOADING_ATTRIBUTES:
                continue
            target = value.strip()
            if tag == "a" and name == "href" and target.startswith(_LINK_SCHEMES):
                continue
            if not target.startswith(("data:", "#")):
                self.references.append(target)

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style and css_reference_problem(data):
            self.references.append(data.strip()[:60])


def external_references(html: str) -> list[str]:
    """Everything in ``html`` that a browser or WeasyPrint would load from outside the file.

    Links (``<a href>``) to web addresses are allowed: a reader may follow them, nothing loads
    them. Every other ``src``/``href``/``url()`` must be a ``data:`` URI or a fragment.
    """
    collector = _ReferenceCollector()
    collector.feed(html)
    collector.close()
    return collector.references
