"""The built wheel carries its schemas and templates: installed outside the checkout, it validates."""

from __future__ import annotations

import shutil
import subprocess
import sys
import venv
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
        [str(python), "-c", "import impactclaim, impactclaim.resources as r; "
                            "print(impactclaim.__file__); print(r.resource_dir('schemas'))"],
        cwd=elsewhere, check=True, capture_output=True, text=True).stdout.splitlines()
    assert where[0].startswith(str(environment)), "the wheel, not the checkout, must be imported"
    assert where[1].startswith(str(environment))

    command = environment / "bin" / "impactclaim"
    good = subprocess.run([str(command), "validate", "statement.yaml"], cwd=elsewhere, capture_output=True,
                          text=True, check=False)
    assert (good.returncode, good.stdout) == (0, "1 file checked: all valid (0 errors, 0 warnings).\n")
    bad = subprocess.run([str(command), "validate", "broken.yaml"], cwd=elsewhere, capture_output=True,
                         text=True, check=False)
    assert bad.returncode == 1
    assert bad.stdout.startswith("broken.yaml:6:15: error[IC021]")
