"""The wheel carries its schemas, templates, samples and catalogs: installed elsewhere, it starts and validates."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLES


@pytest.mark.slow
def test_wheel_installs_and_validates_outside_the_checkout(tmp_path: Path) -> None:
    source = tmp_path / "source"
    # Build from a copy so that nothing of the checkout's own build state leaks into the wheel.
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(".venv", ".git", "*_cache", "dist", "build",
                                                                 "__pycache__", "out"))
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(dist),
                    str(source)], check=True, capture_output=True)
    (wheel,) = dist.glob("impactclaim-*.whl")
    inside = set(zipfile.ZipFile(wheel).namelist())
    for sample in (SAMPLES / "valid").glob("*.yaml"):
        assert f"impactclaim/samples/valid/{sample.name}" in inside
    assert "impactclaim/samples/invalid/kvk-number-too-short/expected.txt" in inside
    assert "impactclaim/locale/nl/LC_MESSAGES/impactclaim.mo" in inside
    assert "impactclaim/precompiled.marshal" in inside  # the rules' patterns, compiled ahead of time
    assert {"impactclaim/starter/example.en.yaml", "impactclaim/starter/example.nl.yaml"} <= inside
    assert {"impactclaim/portfolio/portfolio.html.j2", "impactclaim/portfolio/compare.html.j2",
            "impactclaim/portfolio/feedback.html.j2", "impactclaim/data/nl-regions/gemeente_2025.topojson",
            "impactclaim/data/nl-regions/provincie_2025.topojson",
            "impactclaim/data/vsme/VSME-Digital-Template-1.3.0.xlsx", "impactclaim/data/vsme/LICENSE"} <= inside

    environment = tmp_path / "venv"
    venv.create(environment, with_pip=True)
    python = environment / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", str(wheel)], check=True,
                   capture_output=True)

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.copy(SAMPLES / "valid" / "circulair-meubel.yaml", elsewhere / "statement.yaml")
    shutil.copy(SAMPLES / "invalid" / "kvk-number-too-short" / "statement.yaml", elsewhere / "broken.yaml")
    shutil.rmtree(source)  # the installed package must not need the sources

    where = subprocess.run(
        [str(python), "-c", "import impactclaim, impactclaim.resources as r; print(impactclaim.__file__); "
                            "print(r.resource_dir('schemas')); print(r.resource_dir('samples'))"],
        cwd=elsewhere, check=True, capture_output=True, text=True).stdout.splitlines()
    assert where[0].startswith(str(environment)), "the wheel, not the checkout, must be imported"
    assert where[1].startswith(str(environment))
    assert where[2].startswith(str(environment))
    installed_table = subprocess.run(
        [str(python), "-c", "from impactclaim import precompiled; print(precompiled.read_table() is not None)"],
        cwd=elsewhere, check=True, capture_output=True, text=True).stdout.strip()
    assert installed_table == "True", "the installed package must use its precompiled patterns"

    command = environment / "bin" / "impactclaim"
    good = subprocess.run([str(command), "validate", "statement.yaml"], cwd=elsewhere, capture_output=True,
                          text=True, check=False)
    assert (good.returncode, good.stdout) == (0, "1 file checked: all valid (0 errors, 0 warnings).\n")
    bad = subprocess.run([str(command), "validate", "broken.yaml"], cwd=elsewhere, capture_output=True,
                         text=True, check=False)
    assert bad.returncode == 1
    assert bad.stdout.startswith("broken.yaml:6:15: error[IC021]")

    # A new user's first steps, with nothing but the installed wheel: an example to edit, in Dutch, checked in
    # Dutch (the compiled catalog is inside), and the field reference.
    dutch = {**os.environ, "IMPACTCLAIM_LANG": "nl"}
    started = subprocess.run([str(command), "init", "--example", "start/"], cwd=elsewhere, capture_output=True,
                             text=True, check=False, env=dutch)
    assert started.returncode == 0, started.stderr
    assert sorted(p.name for p in (elsewhere / "start").iterdir()) == ["statement.schema.json", "statement.yaml"]
    checked = subprocess.run([str(command), "validate", "start/statement.yaml"], cwd=elsewhere, capture_output=True,
                             text=True, check=False, env=dutch)
    assert (checked.returncode, checked.stdout) == (0, "1 bestand gecontroleerd: alles in orde (0 fouten, "
                                                       "0 waarschuwingen).\n")
    # The commands for many statements come with the same install (pyarrow, DuckDB, openpyxl are dependencies).
    for arguments, written in ((["export", "statement.yaml", "-o", "dataset"], "dataset/statements"),
                               (["portfolio", "statement.yaml", "-o", "portfolio.html"], "portfolio.html"),
                               (["compare", "statement.yaml", "start/statement.yaml", "-o", "compare.html"],
                                "compare.html"),
                               (["export", "statement.yaml", "-f", "vsme", "-o", "vsme.xlsx"], "vsme.xlsx"),
                               (["site", "statement.yaml", "--out", "site"], "site/en/catalogue.js")):
        run = subprocess.run([str(command), *arguments], cwd=elsewhere, capture_output=True, text=True, check=False)
        assert run.returncode == 0, (arguments, run.stderr)
        assert (elsewhere / written).exists(), arguments
    reference = subprocess.run([str(command), "schema", "--format", "markdown", "--lang", "en"], cwd=elsewhere,
                               capture_output=True, text=True, check=False)
    assert reference.returncode == 0
    assert "### `organisation.kvk_number`" in reference.stdout
