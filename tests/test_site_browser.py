"""The directory site in headless Chromium, opened from file:// (issue 13).

Every request the pages make is recorded: a file inside the site folder is allowed (the site's own
scripts, styles, fonts and search files), anything else (another folder, any network address)
is aborted and fails the test. Search, filters, the language switch and keyboard-only use are
driven as a visitor would; axe-core must find no serious or critical violation.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Route

from impactclaim.site.build import SiteOptions, build_site
from tests.conftest import SAMPLES
from tests.test_browser import axe_source as axe_source  # the fixture, shared
from tests.test_browser import blocking
from tests.test_site import PAYLOAD, _poisoned


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The valid samples, a broken one and a statement with injected markup in every text field."""
    from impactclaim.checker import CheckOptions

    folder = tmp_path_factory.mktemp("site-in")
    for sample in sorted((SAMPLES / "valid").glob("*.yaml")):
        shutil.copy(sample, folder / sample.name)
    shutil.copy(SAMPLES / "invalid" / "kvk-number-too-short" / "statement.yaml", folder / "broken.yaml")
    text = (SAMPLES / "valid" / "circulair-meubel.yaml").read_text(encoding="utf-8")
    (folder / "poisoned.yaml").write_text(_poisoned(text).replace('kvk_number: \'', "kvk_number: '9", 1),
                                          encoding="utf-8")
    out = folder / "site"
    build_site(sorted(str(path) for path in folder.glob("*.yaml")), out,
               SiteOptions(title="Impactgids Test", languages=("nl", "en"), base_url="https://example.org",
                           check=CheckOptions(use_config=False)))
    return out


@dataclass
class Visit:
    page: Page
    site: Path
    outside: list[str] = field(default_factory=list)
    inside: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def results(self) -> list[str]:
        self.page.wait_for_timeout(300)  # the search waits 120 ms for typing to pause, then loads word files
        return [text.strip() for text in self.page.locator("#results li > a").all_inner_texts()]


@pytest.fixture
def visit(browser: Browser, site: Path) -> Iterator[Callable[[str], Visit]]:
    yield from _visitor(browser, site, bypass_csp=False)


@pytest.fixture
def visit_for_axe(browser: Browser, site: Path) -> Iterator[Callable[[str], Visit]]:
    """As ``visit``, but the page's Content-Security-Policy lets the test add axe-core as inline script."""
    yield from _visitor(browser, site, bypass_csp=True)


def _visitor(browser: Browser, site: Path, bypass_csp: bool) -> Iterator[Callable[[str], Visit]]:
    context = browser.new_context(bypass_csp=bypass_csp)
    context.set_default_timeout(5_000)
    root = site.resolve().as_uri() + "/"

    def open_page(relative: str) -> Visit:
        page = context.new_page()
        seen = Visit(page, site)

        def route(route: Route) -> None:
            url = route.request.url
            if url.startswith(root):
                seen.inside.append(url)
                route.continue_()
            else:
                seen.outside.append(url)
                route.abort()

        page.route("**/*", route)
        page.on("console", lambda message: seen.problems.append(f"console.{message.type}: {message.text}")
                if message.type in ("error", "warning") else None)
        page.on("pageerror", lambda error: seen.problems.append(f"uncaught: {error}"))
        page.on("dialog", lambda dialog: (seen.problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
        page.goto(root + relative, wait_until="load")
        return seen

    yield open_page
    context.close()


def _clean(seen: Visit) -> None:
    assert seen.outside == [], f"requests left the site: {seen.outside}"
    assert seen.problems == [], seen.problems
    assert seen.page.evaluate("window.__pwned") is None, "a statement's text ran as script"


def test_search_finds_an_enterprise_by_name_and_by_a_word_of_its_mission(visit: Callable[[str], Visit]) -> None:
    seen = visit("nl/index.html")
    assert seen.page.locator("#search").is_visible(), "the search panel is shown once the script runs"
    seen.page.fill("#query", "zorgcooperatie")  # without the diaeresis of Zorgcoöperatie
    assert seen.results() == ["Zorgcoöperatie De Linde U.A."]
    seen.page.fill("#query", "dorpsbewoners")  # only in its mission
    assert seen.results() == ["Zorgcoöperatie De Linde U.A."]
    seen.page.fill("#query", "fiets utrecht")  # every word must match
    assert seen.results() == ["De Fietsfabriek Utrecht B.V."]
    seen.page.fill("#query", "qqqnothing")
    assert seen.results() == []
    assert "Geen onderneming gevonden" in seen.page.locator("#result-count").inner_text()
    assert any("/search/" in url for url in seen.inside), "word files are loaded from the site folder"
    _clean(seen)


def test_two_filters_combine(visit: Callable[[str], Visit]) -> None:
    seen = visit("en/index.html")
    everyone = seen.results()
    assert len(everyone) == 7  # five valid samples, the broken one, the poisoned one
    seen.page.select_option("#filter-status", "valid")
    valid = seen.results()
    seen.page.select_option("#filter-province", "PV26")
    both = seen.results()
    seen.page.select_option("#filter-status", "")
    utrecht = seen.results()
    assert both == ["De Fietsfabriek Utrecht B.V."]
    assert len(everyone) > len(valid) > len(both) and set(both) <= set(utrecht)
    seen.page.select_option("#filter-status", "valid")
    seen.results()
    assert seen.page.locator("#result-count").inner_text() == "1 enterprise found"
    _clean(seen)


def test_the_language_switch_keeps_the_search(visit: Callable[[str], Visit]) -> None:
    seen = visit("nl/index.html")
    assert seen.page.locator("html").get_attribute("lang") == "nl"
    seen.page.fill("#query", "fiets")
    seen.page.select_option("#filter-status", "valid")
    seen.results()
    with seen.page.expect_navigation():
        seen.page.click("a[hreflang=en]")
    assert seen.page.url.split("#")[0].endswith("/en/index.html")
    assert seen.page.locator("html").get_attribute("lang") == "en"
    assert seen.page.input_value("#query") == "fiets"
    assert seen.page.input_value("#filter-status") == "valid"
    assert seen.results() == ["De Fietsfabriek Utrecht B.V."]
    assert "Search" in seen.page.locator("label[for=query]").inner_text()
    with seen.page.expect_navigation():
        seen.page.click("#results a")
    with seen.page.expect_navigation():
        seen.page.click("a[hreflang=nl]")  # an enterprise page switches to its own Dutch twin
    assert "/nl/e/" in seen.page.url and seen.page.locator("html").get_attribute("lang") == "nl"
    _clean(seen)


def test_keyboard_alone_reaches_search_filters_and_a_result(visit: Callable[[str], Visit]) -> None:
    seen = visit("en/index.html")
    page = seen.page
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    focused = []
    for _ in range(12):
        page.keyboard.press("Tab")
        focused.append(page.evaluate("document.activeElement.id"))
        if focused[-1] == "query":
            break
    assert focused[-1] == "query", f"Tab never reached the search box: {focused}"
    page.keyboard.type("meubel")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"  # the filters can be folded by keyboard
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "filter-province"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    seen.results()
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('#results') !== null"):
            break
    assert page.evaluate("document.activeElement.closest('#results') !== null"), "Tab never reached a result"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/en/e/" in page.url
    visible = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert visible is not None
    _clean(seen)


@pytest.mark.parametrize("relative", ["nl/index.html", "en/index.html", "nl/e/{enterprise}/index.html",
                                      "en/province/PV26.html", "nl/municipality/GM0344.html", "nl/status.html",
                                      "en/data.html", "nl/e/{broken}/index.html", "nl/e/{poisoned}/index.html"])
def test_pages_pass_axe_load_only_the_site_and_run_no_statement_text(
        relative: str, site: Path, visit_for_axe: Callable[[str], Visit], axe_source: str) -> None:
    folders = {path.name: path for path in (site / "nl" / "e").iterdir()}
    poisoned = next(name for name, path in folders.items() if PAYLOAD[:20].replace("<", "&lt;")[:8] in
                    (path / "index.html").read_text(encoding="utf-8") and "window.__pwned" in
                    (path / "index.html").read_text(encoding="utf-8"))
    broken = next(name for name in folders if name.startswith("x"))
    seen = visit_for_axe(relative.format(enterprise="69283417", broken=broken, poisoned=poisoned))
    if "index.html" in relative and "/e/" not in relative:
        seen.page.fill("#query", "de")  # the results list is part of what axe checks
        seen.results()
    seen.page.add_script_tag(content=axe_source)
    violations = seen.page.evaluate("axe.run(document, {resultTypes: ['violations'], preload: false})")["violations"]
    problems = blocking(violations)
    assert problems == [], f"axe found {len(problems)} serious or critical problems:\n" + "\n".join(problems)
    _clean(seen)


def test_the_content_security_policy_blocks_inline_script(visit: Callable[[str], Visit]) -> None:
    seen = visit("en/index.html")
    with pytest.raises(Exception, match="Content Security Policy"):
        seen.page.add_script_tag(content="window.__pwned = 3")
    assert seen.page.evaluate("window.__pwned") is None


def test_the_poisoned_statement_is_found_and_shown_as_text(visit: Callable[[str], Visit]) -> None:
    seen = visit("en/index.html")
    seen.page.fill("#query", "pwned")
    found = seen.results()
    assert len(found) == 1 and found[0].endswith(PAYLOAD.strip())
    with seen.page.expect_navigation():
        seen.page.click("#results a")
    assert PAYLOAD in seen.page.locator("h1").inner_text()
    assert seen.page.locator("img[src=x]").count() == 0
    _clean(seen)


def test_choosing_a_province_offers_only_its_municipalities(visit: Callable[[str], Visit]) -> None:
    seen = visit("en/index.html")
    offered = seen.page.eval_on_selector_all("#filter-municipality option:not([hidden])", "o => o.map(x => x.value)")
    assert "GM0344" in offered and "GM0599" in offered
    seen.page.select_option("#filter-municipality", "GM0599")  # Rotterdam, in Zuid-Holland
    seen.page.select_option("#filter-province", "PV26")
    offered = seen.page.eval_on_selector_all("#filter-municipality option:not([hidden])", "o => o.map(x => x.value)")
    assert offered == ["", "GM0344"]
    assert seen.page.input_value("#filter-municipality") == ""  # Rotterdam is let go, not a filter that finds nothing
    assert seen.results() != []
    _clean(seen)


def test_on_a_small_screen_the_filters_start_folded(browser: Browser, site: Path) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto((site / "nl" / "index.html").as_uri())
    assert page.evaluate("document.getElementById('filters-panel').open") is False
    page.click("#filters-panel > summary")
    assert page.locator("#filter-province").is_visible()
    page.goto((site / "nl" / "index.html").as_uri() + "#status=valid")
    page.reload()
    assert page.evaluate("document.getElementById('filters-panel').open") is True  # a chosen filter stays in view
    context.close()
