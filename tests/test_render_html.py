"""The HTML profile: golden files, self-containment, escaping, themes and accessibility basics.

Regenerate the golden files after an intended change with ``UPDATE_GOLDEN=1 pytest tests/test_render_html.py``
and review the diff.
"""

from __future__ import annotations

import base64
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from impactclaim.loader import load_bytes
from impactclaim.profile.command import render_document
from impactclaim.profile.html import RenderError, css_string, external_references
from impactclaim.resources import resource_dir
from tests.test_render_support import GOLDEN, VALID_SAMPLES, normalise_html, render_sample, sample

# Every sample in its own language, and one in the other language to hold the translation.
DUTCH = sample("fietsfabriek-utrecht")
ENGLISH = sample("minimal")
GOLDEN_CASES = [(path, None) for path in VALID_SAMPLES] + [(DUTCH, "en")]


def golden_name(path: Path, language: str | None) -> str:
    return f"{path.stem}.{language}.html" if language else f"{path.stem}.html"


@pytest.mark.parametrize(("path", "language"), GOLDEN_CASES,
                         ids=[golden_name(p, lang) for p, lang in GOLDEN_CASES])
def test_golden_html(path: Path, language: str | None) -> None:
    html = normalise_html(render_sample(path, "html", language).decode("utf-8"))
    golden = GOLDEN / golden_name(path, language)
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(html, encoding="utf-8")
    assert golden.is_file(), f"no golden file {golden.name}; run with UPDATE_GOLDEN=1 to create it"
    assert html == golden.read_text(encoding="utf-8"), \
        f"{golden.name} differs; if the change is intended, run with UPDATE_GOLDEN=1 and review the diff"


def test_the_golden_cases_cover_a_sample_in_its_other_language() -> None:
    assert "language: nl" in DUTCH.read_text(encoding="utf-8")  # Dutch, so the extra case is English


@pytest.mark.parametrize("path", VALID_SAMPLES, ids=[p.stem for p in VALID_SAMPLES])
def test_the_html_is_self_contained(path: Path) -> None:
    html = render_sample(path, "html").decode("utf-8")
    assert external_references(html) == []
    assert "<link" not in html and "<script" not in html and "@import" not in html
    assert re.findall(r"""(?:src|href)=["'](?!data:|#|https?://)""", html) == []


def test_fonts_are_embedded() -> None:
    html = render_sample(ENGLISH, "html").decode("utf-8")
    embedded = re.findall(r"data:font/woff2;base64,([A-Za-z0-9+/=]+)", html)
    shipped = sorted((resource_dir("data") / "fonts").glob("*.woff2"))
    assert len(embedded) == len(shipped) == 4
    assert {base64.b64decode(data) for data in embedded} == {path.read_bytes() for path in shipped}


def test_statement_text_cannot_inject_markup_or_template_code() -> None:
    raw = b"""schema_version: "1.0"
language: en
organisation: {name: "<script>alert(1)</script>", kvk_number: "12345678"}
reporting_period: {start: "2025-01-01", end: "2025-12-31"}
mission: {statement: "{{ 7 * 7 }} {% if true %}x{% endif %} </style><b>bold</b> \\" onload=x"}
"""
    document = load_bytes(raw, "s.yaml")
    html = render_document(document, output_format="html", language="en").decode("utf-8")
    assert "<script>" not in html and "<b>bold</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "{{ 7 * 7 }} {% if true %}x{% endif %}" in html  # shown, not evaluated
    assert html.count("</style>") == 1


def test_css_strings_cannot_leave_the_style_element() -> None:
    assert css_string('a"b</style>') == '"a\\000022b\\00003c/style\\00003e"'


def test_the_draft_mark_is_in_the_page_css_the_notice_and_the_hatching() -> None:
    html = render_sample(DUTCH, "html", draft=True).decode("utf-8")
    assert html.count("Concept, niet gevalideerd") == 2  # the page header of every PDF page, the notice
    assert '<div class="draft-watermark" aria-hidden="true"></div>' in html
    assert '@top-center { content: "Concept, niet gevalideerd"; }' in html
    clean = render_sample(DUTCH, "html").decode("utf-8")
    assert "Concept, niet gevalideerd" not in clean


# --- themes ----------------------------------------------------------------------------------

def test_a_theme_overrides_blocks_and_appends_its_css(tmp_path: Path) -> None:
    (tmp_path / "profile.html").write_text(
        '{% extends "builtin/profile.html" %}{% block mission %}<p class="mine">{{ profile.mission.statement }}'
        "</p>{% endblock %}", encoding="utf-8")
    (tmp_path / "profile.css").write_text(":root { --brand: #123456; }", encoding="utf-8")
    document = load_bytes(ENGLISH.read_bytes(), str(ENGLISH))
    html = render_document(document, output_format="html", language="en",
                           template_dir=str(tmp_path)).decode("utf-8")
    assert '<p class="mine">We bake bread' in html
    assert 'id="h-mission"' not in html  # the block was replaced ...
    assert 'id="h-claims"' in html  # ... and the rest comes from the built-in template
    assert html.index(":root { --brand: #123456; }") > html.index("--brand: #0E4A5A")


def test_the_example_theme_renders() -> None:
    theme = Path(__file__).resolve().parent.parent / "samples" / "themes" / "example"
    document = load_bytes(DUTCH.read_bytes(), str(DUTCH))
    html = render_document(document, output_format="html", language="nl",
                           template_dir=str(theme)).decode("utf-8")
    assert "Stadsfonds Utrecht" in html and "--brand: #3B2F63" in html


@pytest.mark.parametrize(
    ("filename", "content"),
    [
        ("profile.css", "body { background: url(https://example.org/bg.png); }"),
        ("profile.css", '@import "https://example.org/theme.css";'),
        ("profile.css", "body { background: url(/etc/passwd); }"),
        ("profile.html", '{% extends "builtin/profile.html" %}{% block head %}'
                         '<link rel="stylesheet" href="https://example.org/x.css">{% endblock %}'),
        ("profile.html", '{% extends "builtin/profile.html" %}{% block head %}'
                         '<img src="file:///etc/passwd" alt="">{% endblock %}'),
    ],
    ids=["css-url", "css-import", "css-local-file", "html-link", "html-img"],
)
def test_a_theme_cannot_make_the_profile_load_anything(tmp_path: Path, filename: str, content: str) -> None:
    (tmp_path / filename).write_text(content, encoding="utf-8")
    document = load_bytes(ENGLISH.read_bytes(), str(ENGLISH))
    with pytest.raises(RenderError):
        render_document(document, output_format="html", language="en", template_dir=str(tmp_path))


def test_a_theme_cannot_reach_python_internals(tmp_path: Path) -> None:
    (tmp_path / "profile.html").write_text("{{ profile.__class__.__init__.__globals__ }}", encoding="utf-8")
    document = load_bytes(ENGLISH.read_bytes(), str(ENGLISH))
    with pytest.raises(RenderError, match="sandbox"):
        render_document(document, output_format="html", language="en", template_dir=str(tmp_path))


def test_a_theme_cannot_drop_the_draft_mark(tmp_path: Path) -> None:
    (tmp_path / "profile.html").write_text("<html><body>{{ profile.header.name }}</body></html>", encoding="utf-8")
    document = load_bytes(ENGLISH.read_bytes(), str(ENGLISH))
    with pytest.raises(RenderError, match="draft mark"):
        render_document(document, output_format="html", language="en", draft=True, template_dir=str(tmp_path))


# --- accessibility basics --------------------------------------------------------------------

class _Structure(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.lang = ""
        self.headings: list[int] = []
        self.images_without_alt = 0
        self.header_cells_without_scope = 0
        self.svgs_without_label = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "html":
            self.lang = attributes.get("lang") or ""
        elif re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        elif tag == "img" and not attributes.get("alt"):
            self.images_without_alt += 1
        elif tag == "th" and attributes.get("scope") not in ("row", "col"):
            self.header_cells_without_scope += 1
        elif tag == "svg" and not (attributes.get("role") == "img" and attributes.get("aria-label")):
            self.svgs_without_label += 1


@pytest.mark.parametrize("path", VALID_SAMPLES, ids=[p.stem for p in VALID_SAMPLES])
def test_accessibility_basics(path: Path) -> None:
    structure = _Structure()
    structure.feed(render_sample(path, "html").decode("utf-8"))
    assert structure.lang in ("nl", "en")
    assert structure.headings[0] == 1 and structure.headings.count(1) == 1
    assert all(later - earlier <= 1 for earlier, later in zip(structure.headings, structure.headings[1:], strict=False))
    assert structure.images_without_alt == 0
    assert structure.header_cells_without_scope == 0
    assert structure.svgs_without_label == 0
