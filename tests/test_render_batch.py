"""Batch rendering: every valid statement of a folder, stable collision-free names, the batch never stops."""

from __future__ import annotations

import shutil
from pathlib import Path

from impactclaim.profile.command import plan_batch
from tests.conftest import SAMPLES

MINIMAL = SAMPLES / "valid" / "minimal.yaml"


def make_submissions(root: Path) -> Path:
    folder = root / "submissions"
    (folder / "utrecht").mkdir(parents=True)
    (folder / "tilburg").mkdir()
    shutil.copy(MINIMAL, folder / "utrecht" / "bakkerij.yaml")
    shutil.copy(MINIMAL, folder / "tilburg" / "bakkerij.yaml")   # same name, other folder
    shutil.copy(MINIMAL, folder / "tilburg" / "bakkerij.yml")    # same stem, other suffix
    shutil.copy(SAMPLES / "invalid" / "kvk-number-too-short" / "statement.yaml", folder / "utrecht" / "kapot.yaml")
    (folder / "utrecht" / "leeg.yaml").write_text("")
    return folder


def test_names_mirror_the_folders_and_never_collide(tmp_path: Path) -> None:
    jobs = plan_batch(["s/a/x.yaml", "s/b/x.yaml", "s/b/x.yml", "s/b/y.yaml"], tmp_path, ("pdf", "html"))
    targets = [str(job.target.relative_to(tmp_path)) for job in jobs]
    assert targets == ["a/x.pdf", "a/x.html", "b/x.yaml.pdf", "b/x.yaml.html", "b/x.yml.pdf", "b/x.yml.html",
                       "b/y.pdf", "b/y.html"]
    assert len(set(targets)) == len(targets)


def test_a_batch_renders_the_valid_skips_the_invalid_and_goes_on(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = make_submissions(tmp_path)
    out = tmp_path / "profiles"
    result = cli("render", str(folder), "--out", str(out), "--format", "html,pdf", "--jobs", "2")
    assert result.exit_code == 1  # some statements were skipped
    made = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert made == ["tilburg/bakkerij.yaml.html", "tilburg/bakkerij.yaml.pdf", "tilburg/bakkerij.yml.html",
                    "tilburg/bakkerij.yml.pdf", "utrecht/bakkerij.html", "utrecht/bakkerij.pdf"]
    assert result.stdout == f"Rendered 3 of 5 statements into {out} (6 files); skipped 2 with errors.\n"
    assert f"{folder / 'utrecht' / 'kapot.yaml'}:6:15: error[IC021]" in result.stderr
    assert f"{folder / 'utrecht' / 'leeg.yaml'}:1:1: error[IC005]" in result.stderr
    assert (out / "utrecht" / "bakkerij.pdf").read_bytes().startswith(b"%PDF-")


def test_one_worker_and_two_give_the_same_files(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = make_submissions(tmp_path)
    for jobs in ("1", "2"):
        result = cli("render", str(folder), "--out", str(tmp_path / jobs), "--format", "html", "--jobs", jobs)
        assert result.exit_code == 1
    one = {p.relative_to(tmp_path / "1"): p.read_bytes() for p in (tmp_path / "1").rglob("*.html")}
    two = {p.relative_to(tmp_path / "2"): p.read_bytes() for p in (tmp_path / "2").rglob("*.html")}
    assert one == two and len(one) == 3


def test_a_batch_needs_an_output_folder(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = make_submissions(tmp_path)
    result = cli("render", str(folder))
    assert result.exit_code == 2
    assert "needs an output folder: --out OUTDIR" in result.stderr
    (tmp_path / "file").write_text("x")
    assert cli("render", str(folder), "--out", str(tmp_path / "file")).exit_code == 2
    assert cli("render", str(folder), "--out", str(tmp_path / "o"), "--format", "docx").exit_code == 2


def test_an_all_valid_batch_exits_0(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("render", str(SAMPLES / "valid" / "minimal.yaml"), str(MINIMAL), "--out", str(tmp_path), "-f", "html")
    assert result.exit_code == 0
    assert (tmp_path / "minimal.html").is_file()
