"""impactclaim portfolio: like-with-like totals, flags, maps and the three outputs, from a small portfolio.

tests/corpus/portfolio holds five sample enterprises, the Fietsfabriek also for 2024 and once more
for 2025 (a resubmission: a duplicate), and one statement with an error.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from impactclaim.portfolio.compute import Portfolio, PortfolioError, compute, parse_filters
from tests.conftest import ROOT, Cli, assert_matches_golden

CORPUS = ROOT / "tests" / "corpus" / "portfolio"
GOLDEN = ROOT / "tests" / "golden" / "portfolio"


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from typer.testing import CliRunner

    from impactclaim.cli import app

    output = tmp_path_factory.mktemp("portfolio") / "dataset"
    result = CliRunner().invoke(app, ["export", str(CORPUS), "-o", str(output), "--jobs", "1"], catch_exceptions=False)
    assert result.exit_code == 0, result.stdout
    return output


@pytest.fixture(scope="module")
def portfolio(dataset: Path) -> Portfolio:
    return compute(dataset, figure="OI8869")


def test_statements_with_errors_are_listed_and_counted_nowhere(portfolio: Portfolio) -> None:
    assert portfolio.statements == 7
    assert [(Path(item.source_path).name, item.status) for item in portfolio.rejected] == [
        ("kapotte-bakkerij.yaml", "invalid")]
    assert "Kapotte Bakkerij" not in {enterprise.name for enterprise in portfolio.enterprises}
    # Five statements count: the Fietsfabriek's 2024 and (once) 2025, and the three other enterprises.
    assert len(portfolio.enterprises) == 5 and len({enterprise.kvk for enterprise in portfolio.enterprises}) == 4


def test_regions_count_distinct_enterprises(portfolio: Portfolio) -> None:
    # The Fietsfabriek is one enterprise in Utrecht, whatever its three statements.
    assert portfolio.provinces["PV26"][0] == 1
    assert portfolio.municipalities["GM0344"][0] == 1  # Utrecht, found by its name
    assert portfolio.municipalities["GM0599"][0] == 1  # Rotterdam, by the code the statement gives
    assert sum(count for count, _ in portfolio.provinces.values()) == 4


def test_totals_add_only_like_with_like(portfolio: Portfolio) -> None:
    by_key = {(total.identifier, total.unit, total.year, total.population): total for total in portfolio.metrics}
    employees = [total for key, total in by_key.items() if key[0] == "IRIS+ OI8869" and key[2] == 2025]
    # Every total is over one unit; 2024 is never added to 2025.
    assert all(total.year in (2024, 2025) for total in portfolio.metrics)
    assert len({(total.identifier, total.unit, total.year, total.population) for total in portfolio.metrics}) == \
        len(portfolio.metrics)
    assert employees and all(total.additive for total in employees)
    yearly = {total.year: total for total in portfolio.metrics if total.identifier == "IRIS+ OI8869"
              and total.unit == "personen" and total.population == ""}
    assert yearly[2024].total == 30 and yearly[2024].enterprises == 1
    # A percentage is never summed: it shows its median and range.
    percentages = [total for total in portfolio.metrics if total.unit == "%"]
    assert percentages and not any(total.additive for total in percentages)
    assert all(total.low <= total.total <= total.high for total in percentages)
    # Which enterprises do not report a total is said, by name.
    assert all(set(total.missing) <= {enterprise.name for enterprise in portfolio.enterprises}
               for total in portfolio.metrics)


def test_duplicates_other_periods_and_year_on_year(portfolio: Portfolio) -> None:
    duplicates = [flag for flag in portfolio.flags if flag.kind == "duplicate"]
    assert [(flag.enterprise, flag.kvk) for flag in duplicates] == [("De Fietsfabriek Utrecht B.V.", "81946203")]
    # The same period twice is counted once: by the statement published last (the resubmission).
    assert "fietsfabriek-utrecht-herzien.yaml is counted" in duplicates[0].detail
    assert [enterprise.name for enterprise in portfolio.enterprises].count("De Fietsfabriek Utrecht B.V.") == 2
    assert portfolio.provinces["PV26"][0] == 1
    periods = {(flag.enterprise, flag.detail) for flag in portfolio.flags if flag.kind == "period"}
    assert ("De Fietsfabriek Utrecht B.V.", "2024-01-01 – 2024-12-31") in periods
    assert ("Oogst Meubelmakers B.V.", "2024-07-01 – 2025-06-30") in periods
    changes = {(change.metric, change.earlier_year, change.later_year): (change.earlier, change.later)
               for change in portfolio.changes}
    assert changes[("Medewerkers in loondienst op 31 december", 2024, 2025)] == (30.0, 35.0)


def test_negative_effects_are_shown_beside_positive_ones(portfolio: Portfolio) -> None:
    assert portfolio.negative == len(portfolio.negative_outcomes) > 0
    assert portfolio.positive > portfolio.negative


def test_filters_and_groupings(dataset: Path) -> None:
    utrecht = compute(dataset, filters=parse_filters(["province=utrecht"]))
    assert {enterprise.name for enterprise in utrecht.enterprises} == {"De Fietsfabriek Utrecht B.V."}
    either = compute(dataset, filters=parse_filters(["province=utrecht", "province=PV28"]))
    assert len({enterprise.kvk for enterprise in either.enterprises}) == 2
    assert compute(dataset, filters=parse_filters(["year=2024"])).enterprises[0].year == 2024
    goal = compute(dataset, filters=parse_filters(["sdg=12"]))
    assert goal.enterprises and len(goal.enterprises) < 6
    for grouping in ("province", "municipality", "impact-area", "sdg", "legal-form"):
        groups = compute(dataset, group_by=grouping).groups
        assert groups and all(group.enterprises >= 1 for group in groups), grouping
    with pytest.raises(PortfolioError):
        parse_filters(["colour=red"])
    with pytest.raises(PortfolioError):
        compute(dataset, group_by="colour")


def _visible_text(html: str) -> str:
    body = re.sub(r"(?s)<style>.*?</style>|<svg.*?</svg>", "", html)
    return "\n".join(line.strip() for line in re.sub(r"<[^>]+>", " ", body).splitlines() if line.strip())


def test_large_counts_are_grouped_as_each_language_writes_them(portfolio: Portfolio) -> None:
    import dataclasses

    from impactclaim import i18n
    from impactclaim.portfolio.render import render_html

    large = dataclasses.replace(portfolio, statements=12500, claims=25500, verified_claims=9500, positive=16000,
                                negative=5000, unplaced=2000)
    with i18n.using("nl"):  # as the command renders it: the page's language for its messages too
        dutch = render_html(large, "nl", "Portefeuille")
    with i18n.using("en"):
        english = render_html(large, "en", "Portfolio")
    for page, figures in ((dutch, ("12.500 verklaringen", "9.500 van 25.500", "16.000 / 5.000", "2.000 ondernemingen")),
                          (english, ("12,500 statements", "9,500 of 25,500", "16,000 / 5,000", "2,000 enterprises"))):
        text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))
        for figure in figures:
            assert figure in text, figure
        assert "16000" not in text and "12500" not in text


def test_the_page_in_both_languages(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CORPUS.parent)  # file names in the page as the golden file has them
    for language in ("nl", "en"):
        output = tmp_path / f"portfolio-{language}.html"
        result = cli("portfolio", "portfolio", "-o", str(output), "--lang", language, "--jobs", "1",
                     "--title", "Proef", "--figure", "OI8869")
        assert result.exit_code == 0, result.stdout
        html = output.read_text(encoding="utf-8")
        assert html.count("<svg") == 2 and html.count("<path") > 342  # every municipality, every province
        assert "CBS / Kadaster via PDOK" in html
        # The chosen figure per region, on the map's regions and in a table that print shows too.
        assert html.count("Medewerkers in loondienst op 31 december") >= 3
        assert not re.search(r"""(?:src|href)\s*=\s*["'](?!data:|#)""", html)  # nothing to fetch
        assert_matches_golden(_visible_text(html), GOLDEN / f"portfolio-{language}.txt")


def test_pdf_and_workbook(cli: Cli, dataset: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    pdf = tmp_path / "portfolio.pdf"
    assert cli("portfolio", str(dataset), "-o", str(pdf), "--lang", "nl").exit_code == 0
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for heading in ("Waar de ondernemingen zitten", "Opgetelde cijfers", "Negatieve effecten",
                    "Niet meegeteld: verklaringen met fouten"):
        assert heading in text
    workbook_path = tmp_path / "portfolio.xlsx"
    assert cli("portfolio", str(dataset), "-o", str(workbook_path), "--lang", "en").exit_code == 0
    workbook = load_workbook(workbook_path)
    assert {"Enterprises", "Metrics", "Flags", "Not included"} <= set(workbook.sheetnames)
    names = [row[0].value for row in workbook["Enterprises"].iter_rows(min_row=2)]
    assert "De Fietsfabriek Utrecht B.V." in names


def test_statement_text_cannot_inject_markup(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    source = (CORPUS / "circulair-meubel.yaml").read_text(encoding="utf-8")
    hostile = source.replace("name: Oogst Meubelmakers B.V.", 'name: "</title><script>alert(1)</script>"', 1)
    assert hostile != source
    (folder / "hostile.yaml").write_text(hostile, encoding="utf-8")
    output = tmp_path / "p.html"
    assert cli("portfolio", str(folder), "-o", str(output), "--jobs", "1").exit_code == 0
    html = output.read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;alert(1)" in html


def test_usage_errors(cli: Cli, tmp_path: Path) -> None:
    assert cli("portfolio", str(CORPUS)).exit_code == 2  # no -o
    assert cli("portfolio", str(CORPUS), "-o", str(tmp_path / "p.docx")).exit_code == 2
    assert cli("portfolio", str(CORPUS), "-o", str(tmp_path / "p.html"), "--where", "colour=red").exit_code == 2
    assert cli("portfolio", str(CORPUS), "-o", str(tmp_path / "p.html"), "--group-by", "colour").exit_code == 2
    statement = tmp_path / "s.yaml"
    shutil.copyfile(CORPUS / "circulair-meubel.yaml", statement)
    assert cli("portfolio", str(statement), "-o", str(statement)).exit_code == 2


def test_feedback_sheets_per_statement_in_its_language(cli: Cli, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("IMPACTCLAIM_LANG")  # the statements' own language decides
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    sheets = tmp_path / "sheets"
    result = cli("portfolio", str(CORPUS), "-o", str(tmp_path / "p.html"), "--feedback", str(sheets),
                 "--jobs", "1", "--lang", "en")
    assert result.exit_code == 0, result.stdout
    statements = sorted(path.stem for path in CORPUS.glob("*.yaml"))
    assert sorted(path.stem for path in sheets.glob("*.html")) == statements
    assert sorted(path.stem for path in sheets.glob("*.pdf")) == statements
    broken = (sheets / "kapotte-bakkerij.html").read_text(encoding="utf-8")
    # A Dutch statement gets a Dutch sheet, its finding with line, column, code and hint.
    assert 'lang="nl"' in broken and "Terugkoppeling op je impactverklaring" in broken
    assert "regel 5, kolom 15" in broken and "IC021" in broken and "heeft niet de verwachte vorm" in broken
    assert "telt daarom nog niet mee in de portefeuille" in broken
    english = (sheets / "circulair-meubel.html").read_text(encoding="utf-8")
    assert 'lang="en"' in english and "Feedback on your impact statement" in english
    text = subprocess.run(["pdftotext", str(sheets / "kapotte-bakkerij.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "IC021" in text and "regel 5, kolom 15" in text
