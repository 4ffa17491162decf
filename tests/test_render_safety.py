"""Rendering untrusted statements: no request leaves the machine, no file leaks into a profile."""

from __future__ import annotations

import base64
import http.server
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from impactclaim.loader import load_bytes, load_path
from impactclaim.profile.command import RenderOptions, render_document, render_statement
from impactclaim.profile.html import RenderError
from impactclaim.profile.model import ProfileInputs, build_profile
from impactclaim.profile.pdf import FetchLog, data_only_fetcher, render_pdf
from impactclaim.profile.safety import check_render_safety, svg_problem
from impactclaim.statement import read_statement
from tests.test_render_support import require_tool

SECRET = b"root:x:0:0:SECRET-MARKER-7f3a9c:/root:/bin/bash\n"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'


class _Counter(http.server.BaseHTTPRequestHandler):
    hits = 0

    def do_GET(self) -> None:
        type(self).hits += 1
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()
        self.wfile.write(PNG)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[tuple[str, type[_Counter]]]:
    """An HTTP server on 127.0.0.1 that counts every request it gets."""
    handler = type("Counter", (_Counter,), {"hits": 0})
    httpd = http.server.HTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", handler
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def statement(logo: str | None = None, text: str = "We bake bread.", extra: str = "") -> bytes:
    logo_line = f"\n  logo: {logo!r}" if logo is not None else ""
    return f"""schema_version: "1.0"
language: en
organisation:
  name: Bakery
  kvk_number: "12345678"{logo_line}
reporting_period:
  start: "2025-01-01"
  end: "2025-12-31"
mission:
  statement: {text!r}
{extra}""".encode()


def write(folder: Path, content: bytes, name: str = "statement.yaml") -> Path:
    path = folder / name
    path.write_bytes(content)
    return path


def codes_of(path: Path) -> list[str]:
    return [finding.code for finding in check_render_safety(load_path(path)).findings]


def decompressed_pdf(pdf: bytes, tmp_path: Path) -> bytes:
    """The PDF with every stream decompressed (qpdf), so a leaked byte would be visible."""
    qpdf = require_tool("qpdf")
    source, target = tmp_path / "in.pdf", tmp_path / "out.pdf"
    source.write_bytes(pdf)
    subprocess.run([qpdf, "--qdf", "--object-streams=disable", "--decode-level=all", str(source), str(target)],
                   check=True, capture_output=True)
    return target.read_bytes()


# --- the logo --------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("logo", "code"),
    [
        ("../../etc/passwd", "IC202"),
        ("../secret.txt", "IC202"),
        ("/etc/passwd", "IC202"),
        ("sub/../../secret.txt", "IC202"),
        ("file:///etc/passwd", "IC201"),
        ("FILE:///etc/passwd", "IC201"),
        ("http://127.0.0.1:9/logo.png", "IC201"),
        ("https://example.org/logo.png", "IC201"),
        ("//example.org/logo.png", "IC202"),
        ("missing.png", "IC203"),
        ("notes.txt", "IC203"),
        ("data:text/html;base64,PGgxPmhpPC9oMT4=", "IC203"),
        ("data:image/png;base64,!!!", "IC203"),
        (f"data:image/jpeg;base64,{base64.b64encode(PNG).decode()}", "IC203"),
    ],
)
def test_a_logo_the_statement_may_not_reach_is_a_finding(tmp_path: Path, logo: str, code: str) -> None:
    (tmp_path / "secret.txt").write_bytes(SECRET)
    folder = tmp_path / "statements"
    folder.mkdir()
    (folder / "notes.txt").write_bytes(SECRET)
    assert codes_of(write(folder, statement(logo))) == [code]


def test_a_symbolic_link_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "secret.png").write_bytes(PNG)
    folder = tmp_path / "statements"
    folder.mkdir()
    (folder / "logo.png").symlink_to(tmp_path / "secret.png")
    assert codes_of(write(folder, statement("logo.png"))) == ["IC202"]


def test_a_logo_inside_the_folder_is_embedded_as_a_data_uri(tmp_path: Path) -> None:
    (tmp_path / "img").mkdir()
    (tmp_path / "img" / "logo.png").write_bytes(PNG)
    path = write(tmp_path, statement("img/logo.png"))
    result = check_render_safety(load_path(path))
    assert result.findings == [] and result.logo is not None
    assert result.logo.data_uri == "data:image/png;base64," + base64.b64encode(PNG).decode()
    outcome = render_statement(RenderOptions(str(path), str(tmp_path / "p.html")))
    assert outcome.exit_code == 0
    html = (tmp_path / "p.html").read_text(encoding="utf-8")
    assert f'<img src="{result.logo.data_uri}" alt="Logo of Bakery">' in html


@pytest.mark.parametrize("logo", [
    "data:image/svg+xml;base64," + base64.b64encode(SVG).decode(),
    "data:image/png;base64," + base64.b64encode(PNG).decode(),
])
def test_data_uri_logos_of_the_right_type_are_accepted(tmp_path: Path, logo: str) -> None:
    result = check_render_safety(load_path(write(tmp_path, statement(logo))))
    assert result.findings == [] and result.logo is not None


@pytest.mark.parametrize(
    ("svg", "reason"),
    [
        (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "script"),
        (b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink">'
         b'<image x:href="http://127.0.0.1:9/a.png"/></svg>', "outside"),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><image href="file:///etc/passwd"/></svg>', "outside"),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:url(http://x.example/p)"/></svg>', "outside"),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(a.css);</style></svg>', "outside"),
        (b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "event handler"),
        (b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg>&x;</svg>', "DOCTYPE"),
        (b"<svg><unclosed></svg>", "well-formed"),
    ],
)
def test_an_svg_that_reaches_out_or_runs_code_is_refused(svg: bytes, reason: str) -> None:
    problem = svg_problem(svg)
    assert problem is not None and reason in problem


# --- URLs in the statement -------------------------------------------------------------------

def test_file_urls_anywhere_are_errors_and_other_urls_in_text_are_warnings(tmp_path: Path) -> None:
    extra = """claims:
  - id: c
    text: See file:///etc/passwd for details
    domain: social
outcomes:
  - id: o
    what: {description: "Read https://example.org/report", polarity: positive}
    evidence:
      level: 2
      sources: [{title: Report, url: "https://example.org/report"}]
"""
    path = write(tmp_path, statement(text="Visit http://example.org", extra=extra))
    findings = check_render_safety(load_path(path)).findings
    summary = [(f.code, f.severity.value, f.pointer, f.line) for f in findings]
    assert summary == [
        ("IC205", "warning", "/mission/statement", 10),
        ("IC204", "error", "/claims/0/text", 13),
        ("IC205", "warning", "/outcomes/0/what/description", 17),
    ]  # the source's url field is a link by definition, so it gets no finding


# --- nothing is fetched, nothing leaks -------------------------------------------------------

def test_no_request_reaches_a_server_named_anywhere_in_the_statement(
        tmp_path: Path, server: tuple[str, type[_Counter]]) -> None:
    url, counter = server
    extra = f"""theory_of_change:
  problem: '<img src="{url}/toc.png"> <link rel=stylesheet href="{url}/x.css">'
outcomes:
  - id: o
    what: {{description: "<style>@import '{url}/a.css';</style>", polarity: positive}}
    evidence:
      level: 2
      sources: [{{title: Report, url: "{url}/report"}}]
"""
    path = write(tmp_path, statement(f"{url}/logo.png", text=f"![x]({url}/md.png) {url}/text", extra=extra))
    for output in ("p.html", "p.pdf"):
        outcome = render_statement(RenderOptions(str(path), str(tmp_path / output), draft=True))
        assert outcome.exit_code == 0, outcome.error
    assert counter.hits == 0
    html = (tmp_path / "p.html").read_text(encoding="utf-8")
    assert f'src="{url}' not in html and f'href="{url}/x.css' not in html


def test_the_pdf_fetcher_refuses_everything_but_data_uris(server: tuple[str, type[_Counter]]) -> None:
    url, counter = server
    log = FetchLog()
    fetcher = data_only_fetcher(log)
    for target in (f"{url}/a.png", "file:///etc/passwd", "ftp://127.0.0.1/x"):
        with pytest.raises(ValueError, match="refused"):
            fetcher.fetch(target)
    response = fetcher.fetch("data:text/plain;base64,aGk=")
    assert response.read() == b"hi"
    assert log.refused == [f"{url}/a.png", "file:///etc/passwd", "ftp://127.0.0.1/x"]
    assert counter.hits == 0


def test_html_that_asks_for_a_url_fails_the_pdf_instead_of_fetching(
        tmp_path: Path, server: tuple[str, type[_Counter]]) -> None:
    # Even if a theme or a bug put a URL in the HTML, WeasyPrint would get no byte through.
    url, counter = server
    document = load_bytes(statement(), "s.yaml")
    assert document.data is not None
    profile = build_profile(read_statement(document.data),
                            ProfileInputs("en", "0", __import__("datetime").date(2025, 1, 1)))
    html = f'<html><body><img src="{url}/x.png" alt=""><img src="file:///etc/passwd" alt=""></body></html>'
    with pytest.raises(RenderError, match="only data: URIs"):
        render_pdf(html, profile, document.raw)
    assert counter.hits == 0


@pytest.mark.parametrize("logo", ["../secret.txt", "link.png", "notes.txt", "file:///etc/passwd", "/etc/passwd"])
def test_no_byte_of_a_file_outside_the_statement_ends_up_in_a_draft(tmp_path: Path, logo: str) -> None:
    (tmp_path / "secret.txt").write_bytes(SECRET)
    folder = tmp_path / "statements"
    folder.mkdir()
    (folder / "notes.txt").write_bytes(SECRET)
    (folder / "link.png").symlink_to(tmp_path / "secret.txt")
    path = write(folder, statement(logo))
    document = load_path(path)
    for output_format in ("html", "pdf"):
        content = render_document(document, output_format=output_format, language="en", draft=True,
                                  logo=check_render_safety(document).logo)
        if output_format == "pdf":
            content = decompressed_pdf(content, tmp_path)
        assert b"SECRET-MARKER" not in content
        assert base64.b64encode(SECRET)[:24] not in content
        assert b"root:x:0:0" not in content
