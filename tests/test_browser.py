"""The HTML profile and the HTML batch report in a real headless Chromium (DESIGN 7, issue 6).

Every page is opened from a file:// URL with a route that records and aborts every request other
than the page itself, so a single font, stylesheet, image or script fetched from anywhere (even a
local file beside the page) fails the test. The console must stay silent, and an axe-core scan
must find no serious or critical violation.

Chromium is the Debian package (/usr/bin/chromium) because playwright's own browser download is
not available here; axe-core comes from npm (package.json, ``npm ci``) and is injected as inline
script text, never loaded from a URL. A missing browser or axe-core fails, it never skips:
``make test`` installs both.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Error, Page, Route, WebSocket
from typer.testing import CliRunner

from impactclaim.cli import app
from tests.conftest import ROOT, SAMPLES

AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING_IMPACTS = ("serious", "critical")
VALID_SAMPLES = sorted((SAMPLES / "valid").glob("*.yaml"))
DRAFT_SAMPLE = SAMPLES / "invalid" / "impact-washing" / "statement.yaml"


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE_SCRIPT.is_file():
        pytest.fail(f"axe-core is missing at {AXE_SCRIPT}: run npm ci in {ROOT} (make test does)")
    return AXE_SCRIPT.read_text(encoding="utf-8")


def run_cli(*args: str) -> int:
    """The real typer app in-process, from the project root, outside GitHub Actions."""
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        patch.delenv("GITHUB_ACTIONS", raising=False)
        result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return result.exit_code


@pytest.fixture(scope="session")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every page under test, made by the CLI exactly as a user makes it, once for the whole run."""
    folder = tmp_path_factory.mktemp("browser")
    made: dict[str, Path] = {}
    for sample in VALID_SAMPLES:
        made[sample.stem] = folder / f"{sample.stem}.html"
        assert run_cli("render", str(sample.relative_to(ROOT)), "-o", str(made[sample.stem])) == 0
    # A draft shows the findings section and the watermark, which a valid statement never has.
    made["draft-impact-washing"] = folder / "draft-impact-washing.html"
    assert run_cli("render", "--draft", str(DRAFT_SAMPLE.relative_to(ROOT)), "-o",
                   str(made["draft-impact-washing"])) == 0
    made["batch-report"] = folder / "batch-report.html"
    assert run_cli("validate", "samples/", "--report", str(made["batch-report"])) == 1  # the invalid samples
    return made


@dataclass
class Visit:
    """One page opened in the browser, with everything it tried to do besides showing itself."""

    page: Page
    url: str
    requests: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    guarded: bool = False  # the route saw the page itself, so it was in place before anything loaded

    def scan(self, axe_source: str) -> list[dict[str, Any]]:
        """The axe violations of the page as it is now."""
        self.page.add_script_tag(content=axe_source)
        result: dict[str, Any] = self.page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        violations: list[dict[str, Any]] = result["violations"]
        return violations


Opener = Callable[[Path], Visit]


@pytest.fixture
def visit(browser: Browser) -> Iterator[Opener]:
    """Opens a file in a fresh context that lets only the page itself load."""
    context = browser.new_context()
    context.set_default_timeout(5_000)  # everything is local: a wait this long means it will not come

    def open_page(path: Path) -> Visit:
        page = context.new_page()
        seen = Visit(page, path.as_uri())

        def route(route: Route) -> None:
            if route.request.url == seen.url and route.request.resource_type == "document":
                seen.guarded = True
                route.continue_()
            else:
                seen.requests.append(f"{route.request.resource_type} {route.request.url}")
                route.abort()

        def console(message: ConsoleMessage) -> None:
            if message.type in ("error", "warning"):
                seen.console.append(f"console.{message.type}: {message.text} at {message.location}")

        def websocket(socket: WebSocket) -> None:  # page.route does not see WebSockets
            seen.requests.append(f"websocket {socket.url}")

        def page_error(error: Error) -> None:
            seen.console.append(f"uncaught: {error}")

        page.route("**/*", route)
        page.on("console", console)
        page.on("pageerror", page_error)
        page.on("websocket", websocket)
        page.goto(seen.url, wait_until="load")
        assert seen.guarded, "the route never saw the page, so it could not have seen anything else"
        return seen

    yield open_page
    context.close()


def blocking(violations: list[dict[str, Any]]) -> list[str]:
    """Serious and critical violations, one line per element."""
    lines = []
    for violation in violations:
        if violation["impact"] not in BLOCKING_IMPACTS:
            continue
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"{violation['id']} ({violation['impact']}) {target}: {summary} [{violation['helpUrl']}]")
    return lines


PAGES = [sample.stem for sample in VALID_SAMPLES] + ["draft-impact-washing", "batch-report"]


@pytest.mark.parametrize("name", PAGES)
def test_page_loads_nothing_logs_nothing_and_passes_axe(name: str, pages: dict[str, Path], visit: Opener,
                                                        axe_source: str) -> None:
    seen = visit(pages[name])
    assert seen.page.locator("h1").count() == 1, "the page did not render"
    violations = seen.scan(axe_source)
    assert seen.requests == [], "the page requested something besides itself:\n" + "\n".join(seen.requests)
    assert seen.console == [], "the console was not silent:\n" + "\n".join(seen.console)
    problems = blocking(violations)
    assert problems == [], f"axe found {len(problems)} serious or critical problems:\n" + "\n".join(problems)


def test_a_draft_is_hatched_without_text_and_says_so_in_a_readable_notice(pages: dict[str, Path],
                                                                          visit: Opener) -> None:
    seen = visit(pages["draft-impact-washing"])
    watermark = seen.page.locator(".draft-watermark")
    assert watermark.get_attribute("aria-hidden") == "true"
    assert watermark.inner_text().strip() == ""  # no pale text to read, so no contrast to fail
    assert "repeating-linear-gradient" in watermark.evaluate("e => getComputedStyle(e).backgroundImage")
    assert seen.page.locator(".draft-notice").is_visible()


# --- the harness itself: each guard must catch what it guards against --------------------------

def test_the_guard_catches_requests_of_every_kind(tmp_path: Path, visit: Opener) -> None:
    page = tmp_path / "leaky.html"
    page.write_text("""<!DOCTYPE html><html lang="en"><head><title>t</title>
<link rel="stylesheet" href="https://example.invalid/x.css"><style>@font-face { font-family: F;
src: url(font.woff2); } body { font-family: F; }</style></head><body><h1>t</h1>
<img src="beside.png" alt="x"><script>fetch("https://example.invalid/api").catch(function () {});</script>
</body></html>""", encoding="utf-8")
    seen = visit(page)
    seen.page.wait_for_timeout(200)  # the fetch and the font are asynchronous
    urls = " ".join(seen.requests)
    assert "https://example.invalid/x.css" in urls and "https://example.invalid/api" in urls
    assert (tmp_path / "beside.png").as_uri() in urls  # a file beside the page counts as well
    assert (tmp_path / "font.woff2").as_uri() in urls


def test_the_guard_catches_console_errors_warnings_and_uncaught_exceptions(tmp_path: Path, visit: Opener) -> None:
    page = tmp_path / "noisy.html"
    page.write_text("""<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><h1>t</h1><script>
console.warn("careful"); console.error("broken"); throw new Error("boom");</script></body></html>""",
                    encoding="utf-8")
    seen = visit(page)
    text = "\n".join(seen.console)
    assert "console.warning: careful" in text and "console.error: broken" in text and "boom" in text


def test_axe_finds_a_serious_problem_when_there_is_one(tmp_path: Path, visit: Opener, axe_source: str) -> None:
    page = tmp_path / "inaccessible.html"
    page.write_text("""<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><main><h1>t</h1>
<p style="color: #bbb; background: #fff">faint</p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
</main></body></html>""", encoding="utf-8")
    problems = blocking(visit(page).scan(axe_source))
    assert any(line.startswith("image-alt (critical)") for line in problems), problems
    assert any(line.startswith("color-contrast (serious)") for line in problems), problems


# --- the batch report's sortable table -----------------------------------------------------------

def test_the_batch_report_sorts_by_errors_when_the_header_is_clicked(pages: dict[str, Path], visit: Opener) -> None:
    seen = visit(pages["batch-report"])
    page = seen.page
    headers = page.locator("#statements thead th").all_inner_texts()
    column = [header.strip() for header in headers].index("Errors")
    button = page.get_by_role("button", name="Errors", exact=True)

    def errors() -> list[int]:
        cells = page.locator(f"#statements tbody tr td:nth-child({column + 1})")
        return [int(text) for text in cells.all_inner_texts()]

    assert min(errors()) != max(errors()), "the samples should give different error counts"
    button.click()
    ascending = errors()
    assert ascending[0] == min(ascending) and ascending == sorted(ascending)
    assert page.locator("#statements thead th").nth(column).get_attribute("aria-sort") == "ascending"
    button.click()
    descending = errors()
    assert descending[0] == max(descending) and descending == sorted(descending, reverse=True)
    assert page.locator("#statements thead th").nth(column).get_attribute("aria-sort") == "descending"
    assert seen.requests == [] and seen.console == []
