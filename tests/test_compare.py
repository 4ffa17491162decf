"""impactclaim compare: suppliers side by side, a metric only beside the same metric."""

from __future__ import annotations

import html as html_module
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLES, Cli, assert_matches_golden

FIETSFABRIEK = SAMPLES / "valid" / "fietsfabriek-utrecht.yaml"
BUURTWERK = SAMPLES / "valid" / "buurtwerk-rotterdam-1.1.yaml"
LINDE = SAMPLES / "valid" / "zorgcooperatie-de-linde.yaml"
BROKEN = ROOT / "tests" / "corpus" / "portfolio" / "kapotte-bakkerij.yaml"
GOLDEN = ROOT / "tests" / "golden" / "compare"


def _visible_text(html: str) -> str:
    body = re.sub(r"(?s)<style>.*?</style>", "", html)
    return "\n".join(line.strip() for line in re.sub(r"<[^>]+>", " ", body).splitlines() if line.strip())


def _rows(html: str) -> dict[str, list[str]]:
    """Each row of the comparison: its heading and its cells, as text."""
    found = {}
    for row in re.findall(r"(?s)<tr><th scope=\"row\">(.*?)</th>(.*?)</tr>", html):
        heading = html_module.unescape(" ".join(re.sub(r"<[^>]+>", " ", row[0]).split()))
        cells = re.findall(r"(?s)<td[^>]*>(.*?)</td>", row[1])
        found[heading] = [html_module.unescape(" ".join(re.sub(r"<[^>]+>", " ", cell).split())) for cell in cells]
    return found


def test_suppliers_side_by_side(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    output = tmp_path / "compare.html"
    result = cli("compare", str(FIETSFABRIEK.relative_to(ROOT)), str(BUURTWERK.relative_to(ROOT)),
                 str(LINDE.relative_to(ROOT)), str(BROKEN.relative_to(ROOT)), "-o", str(output), "--lang", "en",
                 "--title", "Tender 2026")
    assert result.exit_code == 0, result.stdout
    html = output.read_text(encoding="utf-8")
    rows = _rows(html)
    # The same metric (IRIS+ OI8869, persons) side by side; a supplier without it shows a dash.
    employees = next(cells for heading, cells in rows.items() if "IRIS+ OI8869" in heading)
    assert employees[:3] == ["35 personen", "42 personen", "–"]
    assert rows["PSO level"][1] == "step 3 · PSO 30+ (valid until 2026-11-11)"
    assert "Participatiewet: 9.5 fte-years, 14 people" in rows["Social return delivered"][1]
    assert rows["People from target groups on the customers' contracts"][:2] == ["–", "26"]
    # A statement with errors is shown as such and never compared.
    assert all(cells[3] == "not compared: the statement has errors" for heading, cells in rows.items()
               if heading in ("KvK number", "PSO level", "Assurance"))
    assert rows["Codes found"][3] == "IC021"
    assert_matches_golden(_visible_text(html), GOLDEN / "compare-en.txt")


def test_a_metric_in_another_unit_is_not_set_beside_it(cli: Cli, tmp_path: Path) -> None:
    other = tmp_path / "fietsfabriek-mensen.yaml"
    text = FIETSFABRIEK.read_text(encoding="utf-8")
    changed = text.replace("unit: personen", "unit: mensen")  # every count of people, so the statement stays valid
    assert changed != text
    other.write_text(changed, encoding="utf-8")
    output = tmp_path / "compare.html"
    assert cli("compare", str(other), str(BUURTWERK), "-o", str(output), "--lang", "en").exit_code == 0
    rows = _rows(output.read_text(encoding="utf-8"))
    assert not any("IRIS+ OI8869" in heading for heading in rows)
    others = rows["Other metrics (compared with nothing)"]
    assert "Medewerkers in loondienst op 31 december: 35 mensen" in others[0]
    assert "42 personen" in others[1]


def test_the_pdf_in_dutch(cli: Cli, tmp_path: Path) -> None:
    output = tmp_path / "compare.pdf"
    assert cli("compare", str(FIETSFABRIEK), str(BUURTWERK), "-o", str(output), "--lang", "nl").exit_code == 0
    text = " ".join(subprocess.run(["pdftotext", str(output), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    for expected in ("Leveranciers naast elkaar", "Dezelfde indicator, naast elkaar", "PSO-trede",
                     "Geleverde social return", "trede 3"):
        assert expected in text


def test_usage_errors(cli: Cli, tmp_path: Path) -> None:
    assert cli("compare", str(FIETSFABRIEK), "-o", str(tmp_path / "c.html")).exit_code == 2  # one statement
    assert cli("compare", str(FIETSFABRIEK), str(BUURTWERK), "-o", str(tmp_path / "c.docx")).exit_code == 2
    assert cli("compare", str(FIETSFABRIEK), str(BUURTWERK)).exit_code == 2  # no -o
    copy = tmp_path / "s.yaml"
    shutil.copyfile(FIETSFABRIEK, copy)
    assert cli("compare", str(copy), str(BUURTWERK), "-o", str(copy)).exit_code == 2
    assert copy.read_bytes() == FIETSFABRIEK.read_bytes()
