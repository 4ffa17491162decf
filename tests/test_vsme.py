"""export --format vsme: EFRAG's VSME Digital Template filled from a statement, read back by its named ranges.

tests/corpus/vsme holds the VSME taxonomy (EFRAG, MIT licence, LICENSE beside it), against which every
datapoint the template is filled with is checked.
"""

from __future__ import annotations

import json
import warnings
import zipfile
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from impactclaim.dataset.vsme import template_path
from tests.conftest import ROOT, SAMPLES, Cli

BUURTWERK = SAMPLES / "valid" / "buurtwerk-rotterdam-1.1.yaml"
TAXONOMY = ROOT / "tests" / "corpus" / "vsme" / "vsme-2026-05-01.json"


@cache
def concepts() -> set[str]:
    return set(json.loads(TAXONOMY.read_text(encoding="utf-8"))["concepts"])


def read_back(path: Path) -> dict[str, Any]:
    """Each named range's first cell, as openpyxl reads the workbook."""
    from openpyxl import load_workbook

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # openpyxl cannot read the template's extensions; it only reads
        workbook = load_workbook(path)
    values = {}
    for name, defined in workbook.defined_names.items():
        for sheet, reference in defined.destinations:
            first = reference.replace("$", "").split(":")[0]
            if sheet in workbook.sheetnames and first and first[0].isalpha():  # a few names point at #REF!
                values[name] = workbook[sheet][first].value
    values["__sheet__"] = workbook["General Information"]
    return values


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from typer.testing import CliRunner

    from impactclaim.cli import app

    output = tmp_path_factory.mktemp("vsme") / "vsme.xlsx"
    result = CliRunner().invoke(app, ["export", str(BUURTWERK), "--format", "vsme", "-o", str(output)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.stdout
    assert "Not in the statement, left for the enterprise to fill in:" in result.stdout
    assert "  Turnover" in result.stdout
    # Metrics that only name a disclosure are listed for the enterprise to place by hand, not guessed.
    assert "Metrics that name a VSME disclosure, to enter by hand" in result.stdout
    assert "  B8: Medewerkers in loondienst op 31 december = 42 personen" in result.stdout
    return output


def test_the_datapoints_are_filled_and_read_back(filled: Path) -> None:
    values = read_back(filled)
    assert values["template_reporting_entity_name"] == "Buurtwerk Rotterdam B.V."
    assert values["template_reporting_entity_identifier_scheme"] == "EU ID"
    assert values["template_reporting_entity_identifier"] == "NLNHR.87412365"
    assert values["template_currency"] == "EUR"
    sheet = values["__sheet__"]
    assert [sheet[cell].value for cell in ("D6", "D7", "D8", "D10", "D11", "D12")] == [2025, 1, 1, 2025, 12, 31]
    assert values["UndertakingsLegalForm"] == "private limited liability undertaking"
    assert values["NaceSectorClassificationCodes"].startswith("NACE I - 56.2 ")
    assert sheet["E183"].value == "NACE O - 81.2 Cleaning activities"
    assert values["NumberOfEmployees"] == 42
    assert (values["NumberOfMaleEmployees"], values["NumberOfFemaleEmployees"]) == (22, 19)
    assert values["NumberOfPermanentContractEmployees"] == 30
    assert values["NumberOfRecordableWorkRelatedAccidentsInTheReportingPeriod"] == 1
    assert values["EmployeesReceivePayEqualOrAboveMinimumWageDeterminedByNationalLawOrCollectiveAgreement"] == "YES"
    assert "Register Sociale Ondernemingen" in values["DescriptionOfSustainabilityRelatedCertificationsOrLabels"]


def test_every_filled_datapoint_is_a_concept_of_the_taxonomy(filled: Path) -> None:
    from impactclaim.dataset.vsme import datapoints
    from impactclaim.loader import load_path
    from impactclaim.statement import read_statement

    document = load_path(BUURTWERK)
    assert document.data is not None
    names = {point.name for point in datapoints(read_statement(document.data))}
    # The template's own cells (entity, identifier, currency, period) are the report's context, not concepts.
    reported = {name for name in names if not name.startswith(("template_", "reporting_period_"))}
    assert len(reported) >= 12
    assert {f"vsme:{name}" for name in reported} <= concepts()
    values = read_back(filled)
    assert all(values[name] not in (None, "") for name in reported)


def test_only_the_filled_cells_change(filled: Path) -> None:
    original, written = zipfile.ZipFile(template_path()), zipfile.ZipFile(filled)
    assert original.namelist() == written.namelist()
    changed = [name for name in original.namelist() if original.read(name) != written.read(name)]
    # The sheets with datapoints, and the workbook (so that Excel recalculates the template's checks).
    assert sorted(changed) == ["xl/workbook.xml", "xl/worksheets/sheet4.xml", "xl/worksheets/sheet6.xml"]
    sheet = written.read("xl/worksheets/sheet4.xml").decode("utf-8")
    assert sheet.count("x14:dataValidation ") == original.read("xl/worksheets/sheet4.xml").decode("utf-8").count(
        "x14:dataValidation ")  # the template's drop-down lists are kept
    assert 'fullCalcOnLoad="1"' in written.read("xl/workbook.xml").decode("utf-8")


def test_refusals(cli: Cli, tmp_path: Path) -> None:
    broken = ROOT / "tests" / "corpus" / "portfolio" / "kapotte-bakkerij.yaml"
    assert cli("export", str(broken), "-f", "vsme", "-o", str(tmp_path / "v.xlsx")).exit_code == 1
    assert not (tmp_path / "v.xlsx").exists()
    assert cli("export", str(BUURTWERK), "-f", "vsme", "-o", str(tmp_path / "v.csv")).exit_code == 2
    assert cli("export", str(SAMPLES / "valid"), "-f", "vsme", "-o", str(tmp_path / "v.xlsx")).exit_code == 2
