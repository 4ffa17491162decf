"""Helpers shared by the render tests (this module holds no tests of its own)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from impactclaim import __version__
from impactclaim.loader import load_path
from impactclaim.profile.command import render_document
from tests.conftest import ROOT, SAMPLES

VALID_SAMPLES = sorted((SAMPLES / "valid").glob("*.yaml"))


def sample(stem: str) -> Path:
    """A valid sample by name; tests name the sample they need, so adding one moves nothing."""
    return SAMPLES / "valid" / f"{stem}.yaml"


GOLDEN = ROOT / "tests" / "golden" / "render"
_FONT_DATA = re.compile(r"data:font/woff2;base64,[A-Za-z0-9+/=]+")


def require_tool(name: str) -> str:
    """The path of a Debian tool the test needs; a missing tool fails loudly, never skips."""
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is missing: apt-get install poppler-utils qpdf (make test installs them)")
    return path


def render_sample(path: Path, output_format: str, language: str | None = None, draft: bool = False) -> bytes:
    """Render a sample in-process through the same core the CLI uses."""
    document = load_path(path)
    assert document.data is not None
    return render_document(document, output_format=output_format,
                           language=language or str(document.data["language"]), draft=draft)


def pdf_text(pdf: bytes, tmp_path: Path, *, first: int | None = None, last: int | None = None) -> str:
    """The text of a PDF as pdftotext (poppler) reads it."""
    tool = require_tool("pdftotext")
    source = tmp_path / "text-source.pdf"
    source.write_bytes(pdf)
    command = [tool, "-enc", "UTF-8"]
    if first is not None:
        command += ["-f", str(first)]
    if last is not None:
        command += ["-l", str(last)]
    return subprocess.run([*command, str(source), "-"], check=True, capture_output=True, text=True).stdout


def pdf_page_count(pdf: bytes, tmp_path: Path) -> int:
    tool = require_tool("pdfinfo")
    source = tmp_path / "info-source.pdf"
    source.write_bytes(pdf)
    info = subprocess.run([tool, str(source)], check=True, capture_output=True, text=True).stdout
    match = re.search(r"^Pages:\s+(\d+)$", info, re.MULTILINE)
    assert match, info
    return int(match.group(1))


_BUILTIN_CSS = (ROOT / "templates" / "profile.css").read_text(encoding="utf-8").strip()


def normalise_html(html: str) -> str:
    """Golden files keep everything but the tool version, the font bytes and the built-in stylesheet.

    The version changes with every release; the fonts are 100 kB of base64 that tests of their
    own cover (``test_fonts_are_embedded``); and the stylesheet is templates/profile.css word for
    word, so each golden names it instead of repeating 540 lines (a profile without it, or with
    an altered copy, still differs from its golden file).
    """
    html = html.replace(f"impactclaim {__version__}", "impactclaim VERSION")
    html = html.replace(_BUILTIN_CSS, "/* templates/profile.css, inlined word for word */")
    return _FONT_DATA.sub("data:font/woff2;base64,FONT", html)


def words(text: str) -> str:
    """Whitespace collapsed, so text that wraps across lines in a PDF still matches."""
    return " ".join(text.split())
