"""impactclaim site (issue 13): what the static directory holds, that nothing is dropped or stale, and that
statement text stays data everywhere (pages, JSON-LD, search files, feeds).

The browser half (search, filters, language switch, keyboard, axe, file://) is tests/test_site_browser.py.
"""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml

from impactclaim.site.build import SiteOptions, build_site, enterprises_of
from impactclaim.site.pages import script_json
from impactclaim.site.records import words_of
from tests.conftest import ROOT, SAMPLES

ALL_SAMPLES = sorted(str(path.relative_to(ROOT)) for path in SAMPLES.rglob("*.yaml"))
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
PAYLOAD = "</script><script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">&amp; &#x27;"


def options(**changes: Any) -> SiteOptions:
    from impactclaim.checker import CheckOptions

    chosen: dict[str, Any] = {"title": "Regio Test", "languages": ("nl", "en"), "base_url": "https://example.org/gids",
                              "jobs": 1, "check": CheckOptions(use_config=False), "source_date_epoch": "1767225600"}
    chosen.update(changes)
    return SiteOptions(**chosen)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of every sample, valid and broken, built by the command as a user builds it."""
    from typer.testing import CliRunner

    from impactclaim.cli import app

    out = tmp_path_factory.mktemp("site") / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        patch.setenv("SOURCE_DATE_EPOCH", "1767225600")
        result = CliRunner().invoke(app, ["site", "samples/", "--out", str(out), "--title", "Regio Test",
                                          "--base-url", "https://example.org/gids/", "--no-config", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert f"{len(ALL_SAMPLES)} statements of" in result.output
    return out


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


class _Attributes(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.loads: list[str] = []
        self.meta: dict[str, str] = {}
        self.json_ld: list[str] = []
        self._in_json_ld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag in ("script", "img", "link", "iframe", "source", "video", "audio", "object", "embed"):
            loading_link = tag == "link" and found.get("rel") in ("stylesheet", "icon", "preload", "modulepreload",
                                                                  "manifest", "prefetch")
            target = found.get("src") or (found.get("href") if loading_link else None)
            if target:
                self.loads.append(target)
        if tag == "meta":
            name = found.get("name") or found.get("http-equiv") or ""
            self.meta[name.lower()] = found.get("content") or ""
        self._in_json_ld = tag == "script" and found.get("type") == "application/ld+json"

    def handle_data(self, data: str) -> None:
        if self._in_json_ld:
            self.json_ld.append(data)

    def handle_endtag(self, tag: str) -> None:
        self._in_json_ld = False


def parsed(path: Path) -> _Attributes:
    collector = _Attributes()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector


# --- what the site holds ------------------------------------------------------------------------

def test_every_statement_file_is_on_the_site_with_its_status(built: Path) -> None:
    status = (built / "nl" / "status.html").read_text(encoding="utf-8")
    rows = re.findall(r'<td class="mono small">([^<]*)</td>', status)
    assert sorted(rows) == ALL_SAMPLES  # none dropped, none twice
    for badge in ("Geldig", "Concept (niet gepubliceerd)", "Bevat fouten", "Onleesbaar"):
        assert badge in status
    catalogue = json.loads((built / "en" / "catalogue.js").read_text(encoding="utf-8")
                           .removeprefix("window.IMPACTCLAIM_CATALOGUE = ").removesuffix(";\n"))
    statuses = dict(catalogue["facets"])["status"]
    assert [value for value, _ in statuses] == ["valid", "draft", "invalid", "unreadable"]
    folders = {row[0] for row in catalogue["rows"]}
    assert folders == {path.name for path in (built / "en" / "e").iterdir()}


def test_each_statement_has_a_page_in_both_languages_with_its_source_and_findings(built: Path) -> None:
    for language in ("nl", "en"):
        pages = list((built / language / "e").rglob("*.html"))
        assert len(pages) == len(ALL_SAMPLES)
    sources = sorted((built / "e").rglob("*.yaml"))
    assert len(sources) == len(ALL_SAMPLES)
    originals = sorted((ROOT / sample).read_bytes() for sample in ALL_SAMPLES)
    assert sorted(path.read_bytes() for path in sources) == originals
    invalid_pages = [page for page in (built / "en" / "e").rglob("*.html")
                     if "Has errors" in page.read_text(encoding="utf-8").split("<main", 1)[1][:3000]]
    assert invalid_pages, "no page shows the status of a statement with errors"
    text = invalid_pages[0].read_text(encoding="utf-8")
    assert re.search(r'<a href="#L(\d+)">line \d+, column \d+</a>', text), "findings must point at their line"
    line = re.search(r'<a href="#L(\d+)">', text).group(1)  # type: ignore[union-attr]
    assert f'id="L{line}"' in text, "the source view has an anchor for every line a finding names"


def test_only_valid_published_statements_are_indexable(built: Path) -> None:
    for page in (built / "en" / "e").rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        meta = parsed(page).meta
        valid = 'status-badge status-valid' in text.split('class="status-line"', 1)[1][:200]
        assert ("robots" in meta) is not valid, page
        if not valid:
            assert meta["robots"] == "noindex"
    sitemap = ElementTree.parse(built / "sitemap.xml").getroot()
    locations = [element.text or "" for element in sitemap.iter(f"{SITEMAP}loc")]
    assert "https://example.org/gids/nl/index.html" in locations
    assert "https://example.org/gids/en/province/PV26.html" in locations
    assert "https://example.org/gids/nl/municipality/GM0344.html" in locations
    assert not any("status.html" in location for location in locations)  # a page for the network, noindex
    for location in locations:
        relative = location.removeprefix("https://example.org/gids/")
        assert "robots" not in parsed(built / relative).meta, f"{location} is in the sitemap but marked noindex"
    statement_pages = [location for location in locations if "/e/" in location]
    assert len(statement_pages) == 2 * 4  # the four valid, published samples, in two languages


def test_the_periods_of_one_kvk_number_make_one_enterprise_with_its_history(tmp_path: Path) -> None:
    source = (SAMPLES / "valid" / "fietsfabriek-utrecht.yaml").read_text(encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "2025.yaml").write_text(source, encoding="utf-8")
    older = source.replace("2025-01-01", "2024-01-01").replace("2025-12-31", "2024-12-31")
    (folder / "2024.yaml").write_text(older, encoding="utf-8")
    summary = build_site([str(folder / "2024.yaml"), str(folder / "2025.yaml")], tmp_path / "site", options())
    assert summary.enterprises == 1
    enterprise = next((tmp_path / "site" / "nl" / "e").iterdir())
    assert sorted(path.name for path in enterprise.iterdir()) == ["2024-12-31.html", "index.html"]
    current = (enterprise / "index.html").read_text(encoding="utf-8")
    assert 'href="2024-12-31.html"' in current and "Verklaringen door de jaren" in current
    history = current.split('id="h-history"', 1)[1]
    assert "2025-01-01 – 2025-12-31" in history.split('aria-current="page"', 1)[1][:60]


def test_the_json_ld_is_a_schema_org_organisation_with_the_kvk_number(built: Path) -> None:
    page = built / "en" / "e" / "69283417" / "index.html"
    blocks = parsed(page).json_ld
    assert len(blocks) == 1
    data = json.loads(blocks[0])
    assert data["@type"] == "Organization" and data["@context"] == "https://schema.org"
    assert data["identifier"] == {"@type": "PropertyValue", "propertyID": "KvK", "value": "69283417"}
    assert data["url"] == "https://example.org/gids/en/e/69283417/index.html"
    assert data["address"]["addressCountry"] == "NL"


def test_the_atom_feed_lists_valid_profiles_and_robots_names_the_sitemap(built: Path) -> None:
    feed = ElementTree.parse(built / "atom.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 4
    for entry in entries:
        link = entry.find(f"{ATOM}link")
        assert link is not None and link.get("href", "").startswith("https://example.org/gids/nl/e/")
        assert (entry.findtext(f"{ATOM}updated") or "").endswith("Z")
    robots = (built / "robots.txt").read_text(encoding="utf-8")
    assert "Sitemap: https://example.org/gids/sitemap.xml" in robots and "Disallow: /.impactclaim/" in robots


def test_without_a_base_url_there_is_no_sitemap_or_feed_and_the_build_says_why(tmp_path: Path) -> None:
    summary = build_site([str(SAMPLES / "valid" / "minimal.yaml")], tmp_path / "site", options(base_url=None))
    assert not (tmp_path / "site" / "sitemap.xml").exists() and not (tmp_path / "site" / "atom.xml").exists()
    assert any("--base-url" in note for note in summary.notes)
    assert "Sitemap:" not in (tmp_path / "site" / "robots.txt").read_text(encoding="utf-8")


def test_open_data_holds_every_statement_in_three_formats_with_dictionary_and_schema(built: Path) -> None:
    import pyarrow.dataset as arrow_dataset

    statements = arrow_dataset.dataset(built / "data" / "parquet" / "statements", format="parquet",
                                       partitioning="hive").to_table()
    assert statements.num_rows == len(ALL_SAMPLES)
    csv_rows = sum(len(path.read_text(encoding="utf-8-sig").splitlines()) - 1
                   for path in (built / "data" / "csv" / "statements").rglob("*.csv"))
    assert csv_rows >= len(ALL_SAMPLES)
    json_rows = sum(len(path.read_text(encoding="utf-8").splitlines())
                    for path in (built / "data" / "json" / "statements").rglob("*.jsonl"))
    assert json_rows == len(ALL_SAMPLES)
    assert (built / "data" / "dictionary" / "statements.md").is_file()
    schema = json.loads((built / "data" / "schema" / "1.1" / "statement.schema.json").read_text(encoding="utf-8"))
    assert schema["$schema"].startswith("https://json-schema.org/")
    data_page = (built / "nl" / "data.html").read_text(encoding="utf-8")
    assert "Gegevenswoordenboek" in data_page
    links = re.findall(r'href="\.\./(data/[^"]+)" download>([^<]+)</a>', data_page)
    assert ("data/parquet/statements/reporting_year=2025/part-1-of-1.parquet", "2025") in links
    assert ("data/csv/statements/part-1-of-1.csv", "csv") in links
    for target, _ in links:
        assert (built / target).is_file(), target


def test_region_pages_have_a_map_and_their_enterprises(built: Path) -> None:
    province = (built / "nl" / "province" / "PV26.html").read_text(encoding="utf-8")
    assert "<svg" in province and "De Fietsfabriek Utrecht B.V." in province
    assert 'href="../municipality/GM0344.html"' in province
    municipality = (built / "en" / "municipality" / "GM0344.html").read_text(encoding="utf-8")
    assert 'class="current"' in municipality and "De Fietsfabriek Utrecht B.V." in municipality
    assert len(list((built / "nl" / "province").glob("*.html"))) == 12


def test_every_page_loads_only_from_the_site_itself_under_a_content_security_policy(built: Path) -> None:
    for page in html_pages(built):
        found = parsed(page)
        policy = found.meta.get("content-security-policy", "")
        assert "default-src 'none'" in policy and "script-src" not in policy.replace("script-src 'self'", ""), page
        for target in found.loads:
            assert not re.match(r"^[a-z][a-z0-9+.-]*:|^//", target) or target.startswith("data:"), (page, target)
            assert (page.parent / target).resolve().is_relative_to(built.resolve()), (page, target)


def test_a_page_links_to_itself_in_the_other_language(built: Path) -> None:
    page = (built / "nl" / "province" / "PV26.html").read_text(encoding="utf-8")
    assert 'href="../../en/province/PV26.html" hreflang="en"' in page
    assert '<link rel="alternate" hreflang="en" href="https://example.org/gids/en/province/PV26.html">' in page


# --- statement text is data ---------------------------------------------------------------------

def _poisoned(text: str) -> str:
    """A valid sample with the payload in every free-text field (every string value with a space in it)."""
    data = yaml.safe_load(text)

    def walk(value: Any) -> Any:
        if isinstance(value, dict):
            return {key: walk(item) for key, item in value.items()}
        if isinstance(value, list):
            return [walk(item) for item in value]
        if isinstance(value, str) and " " in value and not value.startswith("http"):
            return value + " " + PAYLOAD
        return value

    return yaml.safe_dump(walk(data), allow_unicode=True, sort_keys=False)


@pytest.fixture(scope="module")
def poisoned_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("poisoned")
    for sample in ("fietsfabriek-utrecht", "zorgcooperatie-de-linde"):
        text = (SAMPLES / "valid" / f"{sample}.yaml").read_text(encoding="utf-8")
        (folder / f"{sample}.yaml").write_text(_poisoned(text), encoding="utf-8")
    out = folder / "site"
    build_site(sorted(str(path) for path in folder.glob("*.yaml")), out, options())
    return out


def test_injected_markup_never_reaches_a_page_as_markup(poisoned_site: Path) -> None:
    pages = html_pages(poisoned_site)
    shown = 0
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "<script>window.__pwned" not in text and "<img src=x" not in text, page
        assert text.count("</script>") == text.count("<script"), f"a text closed a script element in {page}"
        shown += text.count("&lt;/script&gt;&lt;script&gt;window.__pwned=1")
    assert shown > 20, "the payload should be shown as text on the pages"


def test_injected_text_stays_data_in_the_json_ld(poisoned_site: Path) -> None:
    page = next((poisoned_site / "en" / "e").rglob("index.html"))
    blocks = parsed(page).json_ld
    assert len(blocks) == 1 and "</script" not in blocks[0] and "<" not in blocks[0]
    data = json.loads(blocks[0])
    assert data["name"].endswith(PAYLOAD) and data["description"].endswith(PAYLOAD)


def test_injected_text_stays_data_in_the_search_files_and_the_feed(poisoned_site: Path) -> None:
    for script in [*(poisoned_site / "search").glob("*.js"), *poisoned_site.glob("*/catalogue.js")]:
        text = script.read_text(encoding="utf-8")
        assert "<" not in text and "\u2028" not in text, script
    catalogue = json.loads((poisoned_site / "nl" / "catalogue.js").read_text(encoding="utf-8")
                           .removeprefix("window.IMPACTCLAIM_CATALOGUE = ").removesuffix(";\n"))
    assert any(row[1].endswith(PAYLOAD) for row in catalogue["rows"])
    feed = ElementTree.parse(poisoned_site / "atom.xml").getroot()  # still well-formed XML
    assert any((entry.findtext(f"{ATOM}title") or "").find("</script>") >= 0 for entry in feed.iter(f"{ATOM}entry"))


def test_script_json_cannot_end_a_script_element() -> None:
    text = str(script_json({"a": "</script><!-- & \u2028"}))
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"a": "</script><!-- & \u2028"}


# --- incremental builds -------------------------------------------------------------------------

def _copy_samples(folder: Path) -> list[str]:
    folder.mkdir()
    for sample in ("fietsfabriek-utrecht", "circulair-meubel", "zorgcooperatie-de-linde"):
        shutil.copy(SAMPLES / "valid" / f"{sample}.yaml", folder / f"{sample}.yaml")
    return sorted(str(path) for path in folder.glob("*.yaml"))


def test_a_rebuild_renders_only_what_changed_and_removes_what_left(tmp_path: Path) -> None:
    files = _copy_samples(tmp_path / "in")
    out = tmp_path / "site"
    first = build_site(files, out, options())
    assert first.analysed == 3 and first.reused == 0
    pages = {page: page.stat().st_mtime_ns for page in (out / "nl" / "e").rglob("*.html")}

    again = build_site(files, out, options())
    assert (again.analysed, again.reused, again.written) == (0, 3, 0), again.written_paths

    changed = Path(files[0])
    changed.write_text(changed.read_text(encoding="utf-8").replace("mission:", "# edited\nmission:", 1),
                       encoding="utf-8")
    third = build_site(files, out, options())
    assert third.analysed == 1 and third.reused == 2
    statement_pages = [path for path in third.written_paths if "/e/" in path and path.endswith(".html")]
    assert len(statement_pages) == 2, statement_pages  # the changed statement, in two languages
    untouched = [page for page, mtime in pages.items() if page.stat().st_mtime_ns == mtime]
    assert len(untouched) == 2  # the other two statements' Dutch pages were not written again

    build_site(files[1:], out, options())
    assert len(list((out / "nl" / "e").rglob("*.html"))) == 2, "the page of a statement that left must go"
    status = (out / "nl" / "status.html").read_text(encoding="utf-8")
    assert Path(files[0]).name not in status


def test_changing_the_site_options_renders_every_page_again(tmp_path: Path) -> None:
    files = _copy_samples(tmp_path / "in")
    out = tmp_path / "site"
    build_site(files, out, options())
    retitled = build_site(files, out, options(title="Andere titel"))
    assert retitled.analysed == 0
    assert len([path for path in retitled.written_paths if "/e/" in path and path.endswith(".html")]) == 6
    assert "Andere titel" in (out / "en" / "e").joinpath(
        next(path.name for path in (out / "en" / "e").iterdir()), "index.html").read_text(encoding="utf-8")


def test_parallel_builds_make_the_same_site(tmp_path: Path) -> None:
    files = sorted(str(path) for path in (SAMPLES / "valid").glob("*.yaml")) * 1
    build_site(files, tmp_path / "one", options(jobs=1))
    build_site(files, tmp_path / "two", options(jobs=2))
    one = {str(path.relative_to(tmp_path / "one")): path.read_bytes()
           for path in (tmp_path / "one").rglob("*") if path.is_file() and ".impactclaim" not in path.parts}
    two = {str(path.relative_to(tmp_path / "two")): path.read_bytes()
           for path in (tmp_path / "two").rglob("*") if path.is_file() and ".impactclaim" not in path.parts}
    assert one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []


def test_with_pdf_every_readable_statement_gets_a_pdf(tmp_path: Path) -> None:
    files = [str(SAMPLES / "valid" / "minimal.yaml")]
    build_site(files, tmp_path / "site", options(pdf=True))
    pdfs = list((tmp_path / "site" / "e").rglob("*.pdf"))
    assert len(pdfs) == 1 and pdfs[0].read_bytes().startswith(b"%PDF-")
    page = next((tmp_path / "site" / "en" / "e").rglob("index.html")).read_text(encoding="utf-8")
    assert 'type="application/pdf"' in page


# --- search words and grouping ------------------------------------------------------------------

def test_search_words_fold_case_and_accents_as_the_script_does() -> None:
    assert words_of(["Zorgcoöperatie De Linde U.A.", "Café—ÉÉN"]) == {"zorgcooperatie", "de", "linde", "cafe", "een"}
    assert "a" not in words_of(["a b"])  # one letter is not a word
    script = (ROOT / "impactclaim" / "site" / "assets" / "search.js").read_text(encoding="utf-8")
    assert 'normalize("NFD").replace(/[\\u0300-\\u036f]/g, "").toLowerCase()' in script
    assert "split(/[^a-z0-9]+/)" in script and "word.length >= 2" in script


def test_the_current_statement_of_an_enterprise_is_its_newest_valid_one() -> None:
    from impactclaim.site.records import Record

    def record(path: str, end: str, status: str) -> Record:
        return Record(path=path, digest=path, statement_key=path, status=status, errors=0, warnings=0, findings=(),
                      name="X", kvk="12345678", period_end=end)

    enterprise, = enterprises_of([record("a", "2023-12-31", "valid"), record("b", "2024-12-31", "invalid"),
                                  record("c", "2022-12-31", "valid")])
    assert [(entry.record.path, entry.stem) for entry in enterprise.entries] == [
        ("a", "index"), ("b", "2024-12-31"), ("c", "2022-12-31")]


# --- the command --------------------------------------------------------------------------------

@pytest.mark.parametrize(("arguments", "message"), [
    (["samples/valid/minimal.yaml"], "--out SITE"),
    (["samples/valid/minimal.yaml", "--out", "{tmp}/s", "--lang", "nl,de"], "--lang takes nl, en"),
    (["samples/valid/minimal.yaml", "--out", "{tmp}/s", "--base-url", "example.org"], "--base-url must be"),
    (["{tmp}/s/in.yaml", "--out", "{tmp}/s"], "inside the site folder"),
    (["{tmp}/empty/", "--out", "{tmp}/s"], "empty"),
])
def test_usage_errors_exit_2_with_a_message(cli: Any, tmp_path: Path, arguments: list[str], message: str) -> None:
    (tmp_path / "s").mkdir()
    (tmp_path / "empty").mkdir()
    shutil.copy(SAMPLES / "valid" / "minimal.yaml", tmp_path / "s" / "in.yaml")
    result = cli("site", *[argument.format(tmp=tmp_path) for argument in arguments])
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "Traceback" not in result.output


def test_the_command_reports_what_it_built_and_what_it_reused(cli: Any, tmp_path: Path) -> None:
    first = cli("site", "samples/valid/", "--out", str(tmp_path / "site"), "--no-config")
    assert first.exit_code == 0, first.output
    assert "5 statements of 5 enterprises (4 valid, 1 not published, 0 with errors, 0 unreadable)" in first.output
    assert "sitemap.xml and the Atom feed need full addresses" in first.output
    second = cli("site", "samples/valid/", "--out", str(tmp_path / "site"), "--no-config")
    assert "0 checked, 5 unchanged since the last build; 0 files written, 0 removed." in second.output


def test_a_logo_comes_only_from_the_statements_own_folder(tmp_path: Path) -> None:
    from tests.test_render_safety import PNG

    (tmp_path / "secret.png").write_bytes(PNG)
    folder = tmp_path / "in"
    (folder / "img").mkdir(parents=True)
    (folder / "img" / "logo.png").write_bytes(PNG)
    minimal = (SAMPLES / "valid" / "minimal.yaml").read_text(encoding="utf-8")
    for name, logo, kvk in (("inside", "img/logo.png", "11111111"), ("outside", "../secret.png", "22222222")):
        text = minimal.replace('kvk_number: "90215378"', f'kvk_number: "{kvk}"\n  logo: "{logo}"')
        (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
    build_site(sorted(str(path) for path in folder.glob("*.yaml")), tmp_path / "site", options())
    inside = (tmp_path / "site" / "en" / "e" / "11111111" / "index.html").read_text(encoding="utf-8")
    outside = (tmp_path / "site" / "en" / "e" / "22222222" / "index.html").read_text(encoding="utf-8")
    assert 'src="data:image/png;base64,' in inside
    assert 'src="data:image/png' not in outside
    assert "warning[IC202]" in outside or "error[IC202]" in outside  # the finding says why there is no logo


# --- golden files -------------------------------------------------------------------------------

@pytest.mark.parametrize("relative", ["nl/index.html", "en/catalogue.js", "nl/e/81946203/index.html",
                                      "en/province/PV26.html", "sitemap.xml", "atom.xml", "robots.txt"])
def test_the_samples_site_matches_its_golden_files(built: Path, relative: str) -> None:
    """The site of the samples, page by page; SOURCE_DATE_EPOCH fixes the dates, so every build is the same."""
    from tests.conftest import assert_matches_golden

    text = (built / relative).read_text(encoding="utf-8")
    assert_matches_golden(text, ROOT / "tests" / "golden" / "site" / relative.replace("/", "__"))


def test_without_a_title_each_language_names_the_site_in_its_own_words(tmp_path: Path) -> None:
    build_site([str(SAMPLES / "valid" / "minimal.yaml")], tmp_path / "site", options(title=None))
    assert "<h1>Impactondernemingen</h1>" in (tmp_path / "site" / "nl" / "index.html").read_text(encoding="utf-8")
    assert "<h1>Impact enterprises</h1>" in (tmp_path / "site" / "en" / "index.html").read_text(encoding="utf-8")


def test_each_language_shows_the_findings_in_its_own_words(built: Path) -> None:
    """The same findings on both pages of a statement, the messages in the page's language."""
    for page in (built / "en" / "e").rglob("*.html"):
        english = page.read_text(encoding="utf-8")
        if "line 1, column" in english or 'href="#L' not in english:
            continue
        dutch = (built / "nl" / page.relative_to(built / "en")).read_text(encoding="utf-8")
        codes = re.findall(r"(?:error|warning)\[IC\d+\]", english)
        assert codes and codes == re.findall(r"(?:error|warning)\[IC\d+\]", dutch)
        assert re.search(r">line \d+, column \d+</a>", english) and re.search(r">regel \d+, kolom \d+</a>", dutch)
        english_messages = re.findall(r"</a>:\s*([^<]+)", english.split('class="findings-list"', 1)[1])
        dutch_messages = re.findall(r"</a>:\s*([^<]+)", dutch.split('class="findings-list"', 1)[1])
        assert english_messages != dutch_messages, page
        return
    pytest.fail("no statement page with findings on a line")


def test_a_changed_configuration_checks_and_renders_again(tmp_path: Path) -> None:
    from impactclaim.checker import CheckOptions
    from impactclaim.config import config_for_directory

    files = _copy_samples(tmp_path / "in")
    out = tmp_path / "site"
    configured = options(check=CheckOptions(use_config=True))
    build_site(files, out, configured)
    (tmp_path / "in" / "impactclaim.toml").write_text('ignore = ["IC101", "IC102", "IC103", "IC104", "IC105"]\n',
                                                      encoding="utf-8")
    config_for_directory.cache_clear()
    again = build_site(files, out, configured)
    assert again.analysed == 3, "a new impactclaim.toml can change every file's findings"
    assert len([path for path in again.written_paths if "/e/" in path and path.endswith(".html")]) == 6
    config_for_directory.cache_clear()
