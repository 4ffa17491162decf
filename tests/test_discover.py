"""Which files a batch checks: folders, globs, gitignore-style --exclude patterns and --shard.

The README's own batch examples are read out of README.md and run literally, through a real
shell, in a scratch tree; the JSON report says which files were checked.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from impactclaim.discover import DEFAULT_EXCLUDES, Excludes, Shard, discover, find_statements, is_pattern
from tests.conftest import ROOT, SAMPLES

# The statements of the scratch tree, as the CLI names them when given "submissions/".
STATEMENTS = (
    "submissions/a.yaml",
    "submissions/b.yml",
    "submissions/drafts/b.yaml",
    "submissions/drafts/keep.yaml",
    "submissions/old/f.yaml",
    "submissions/p/v1.yaml",                # a file named v1.yaml ...
    "submissions/q/v1.yaml/inner.yml",      # ... and a folder of that name
    "submissions/x/d.yaml",
    "submissions/x/drafts/c.yml",
    "submissions/x/drafts/h.yaml",
    "submissions/x/e.draft.yaml",
    "submissions/x/old/deep/g.yaml",
    "submissions/y/keep.draft.yaml",
    *(f"submissions/region-{n}/s.yaml" for n in range(12)),
)
# Files a search never checks: the default excludes, other suffixes, other folders.
NEVER = (
    "submissions/.github/workflows/ci.yml",
    "submissions/.pre-commit-config.yaml",
    "submissions/node_modules/pkg/n.yaml",
    "submissions/venv/v.yaml",
    "submissions/x/notes.txt",
    "other/z.yaml",
)


def without(*gone: str) -> list[str]:
    assert set(gone) <= set(STATEMENTS)
    return sorted(f for f in STATEMENTS if f not in gone)


ALL = sorted(STATEMENTS)
YAML_ONLY = [f for f in ALL if f.endswith(".yaml")]
IN_DRAFTS = [f for f in ALL if "/drafts/" in f]


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    statement = (SAMPLES / "valid" / "minimal.yaml").read_text(encoding="utf-8")
    for relative in (*STATEMENTS, *NEVER):
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text(statement, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --- the README's examples, run literally -------------------------------------------------------

def readme_validate_commands() -> list[str]:
    """The ``impactclaim validate`` lines of README.md's ```sh blocks that name submissions."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```sh\n(.*?)^```", readme, flags=re.MULTILINE | re.DOTALL)
    return [line.strip() for block in blocks for line in block.splitlines()
            if line.strip().startswith("impactclaim validate") and "submissions" in line]


README_COMMANDS = readme_validate_commands()

# What each README command must check in the scratch tree, by its arguments (comment removed).
EXPECTED: dict[tuple[str, ...], list[str]] = {
    ("submissions/", "--jobs", "4", "--report", "report.html"): ALL,
    ("submissions/**/*.yaml", "--exclude", "drafts", "--format", "json"):
        [f for f in YAML_ONLY if f not in IN_DRAFTS],
    ("submissions/", "--shard", "2/8"): [f for f in ALL if Shard(2, 8).holds(f)],
}


def run_in_shell(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``command`` through /bin/sh, with this virtualenv's ``impactclaim`` first on the PATH."""
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "NO_COLOR")}
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    return subprocess.run(["/bin/sh", "-c", command], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=120, check=False)


def test_the_readme_still_has_its_batch_examples() -> None:
    # Without this, a README rewrite would make the parametrised test below vanish silently.
    assert len(README_COMMANDS) >= 3
    assert any("--exclude" in c for c in README_COMMANDS) and any("--shard" in c for c in README_COMMANDS)


@pytest.mark.parametrize("command", README_COMMANDS)
def test_every_readme_batch_example_checks_exactly_the_right_files(tree: Path, command: str) -> None:
    words = shlex.split(command, comments=True)
    expected = EXPECTED.get(tuple(words[2:]))
    assert expected is not None, f"new README example {command!r}: add what it must check to EXPECTED"
    if "--format" not in words:
        words += ["--format", "json"]  # the only change: a report that lists the files
    result = run_in_shell(shlex.join(words), tree)
    assert result.returncode == 0, result.stderr
    assert [f["path"] for f in json.loads(result.stdout)["files"]] == expected
    if "--report" in words:
        assert (tree / words[words.index("--report") + 1]).stat().st_size > 0


def test_the_readme_exclude_example_skips_every_drafts_folder(tree: Path) -> None:
    # The bug this module's patterns fix: the glob found submissions/drafts/ despite --exclude drafts.
    result = run_in_shell("impactclaim validate 'submissions/**/*.yaml' --exclude 'drafts' --format json", tree)
    checked = [f["path"] for f in json.loads(result.stdout)["files"]]
    assert checked and not [f for f in checked if "drafts" in f.split("/")]


def test_the_shards_of_the_readme_example_partition_the_batch(  # type: ignore[no-untyped-def]
        tree: Path, cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tree)  # the cli fixture went to the project root
    slices = []
    for index in range(1, 9):
        exit_code, report = cli.json("validate", "submissions/", "--shard", f"{index}/8", "--jobs", "1")
        assert exit_code == 0
        slices.append([f["path"] for f in report["files"]])
    assert sorted(f for s in slices for f in s) == ALL  # every file in exactly one shard


# --- what the patterns mean ---------------------------------------------------------------------

EXCLUDE_CASES: list[tuple[list[str], list[str], list[str]]] = [
    # A name without a slash: a file or folder of that name at any depth, in folders and globs.
    (["submissions/"], ["drafts"], without(*IN_DRAFTS)),
    (["submissions"], ["drafts"], without(*IN_DRAFTS)),
    (["submissions/**/*.yaml"], ["drafts"], [f for f in YAML_ONLY if f not in IN_DRAFTS]),
    (["submissions/**/*.y*ml"], ["drafts"], without(*IN_DRAFTS)),
    (["submissions/x/"], ["drafts"], ["submissions/x/d.yaml", "submissions/x/e.draft.yaml",
                                      "submissions/x/old/deep/g.yaml"]),
    # A slash anchors: as typed on the command line (relative to here) ...
    (["submissions/"], ["submissions/drafts"],
     without("submissions/drafts/b.yaml", "submissions/drafts/keep.yaml")),
    (["submissions/**/*.yaml"], ["submissions/drafts"],
     [f for f in YAML_ONLY if not f.startswith("submissions/drafts/")]),
    (["./submissions/"], ["./submissions/drafts"],
     without("submissions/drafts/b.yaml", "submissions/drafts/keep.yaml")),
    (["submissions/"], ["submissions/x/drafts/"], without("submissions/x/drafts/c.yml", "submissions/x/drafts/h.yaml")),
    # ... or relative to the folder searched.
    (["submissions/"], ["/drafts"], without("submissions/drafts/b.yaml", "submissions/drafts/keep.yaml")),
    (["submissions/"], ["x/drafts"], without("submissions/x/drafts/c.yml", "submissions/x/drafts/h.yaml")),
    (["submissions/**/*.yaml"], ["x/drafts"], [f for f in YAML_ONLY if f != "submissions/x/drafts/h.yaml"]),
    # A trailing slash: folders only.
    (["submissions/"], ["v1.yaml/"], without("submissions/q/v1.yaml/inner.yml")),
    (["submissions/"], ["v1.yaml"], without("submissions/q/v1.yaml/inner.yml", "submissions/p/v1.yaml")),
    # Wildcards.
    (["submissions/"], ["*.draft.yaml"], without("submissions/x/e.draft.yaml", "submissions/y/keep.draft.yaml")),
    (["submissions/"], ["**/old/**"], without("submissions/old/f.yaml", "submissions/x/old/deep/g.yaml")),
    (["submissions/"], ["region-1*"], without("submissions/region-1/s.yaml", "submissions/region-10/s.yaml",
                                              "submissions/region-11/s.yaml")),
    (["submissions/"], ["*.yml"], [f for f in ALL if not f.endswith(".yml")]),
    # Negation: the later pattern wins ...
    (["submissions/"], ["*.draft.yaml", "!keep.draft.yaml"], without("submissions/x/e.draft.yaml")),
    (["submissions/"], ["drafts/*", "!keep.yaml"], without("submissions/drafts/b.yaml")),
    (["submissions/"], ["*.yaml", "!submissions/a.yaml"],  # (the folder q/v1.yaml/ is a *.yaml too)
     ["submissions/a.yaml", "submissions/b.yml", "submissions/x/drafts/c.yml"]),
    # ... but, as in git, nothing below an excluded folder comes back.
    (["submissions/"], ["drafts", "!keep.yaml"], without(*IN_DRAFTS)),
    (["submissions/**/*.yaml"], ["drafts", "!keep.yaml"], [f for f in YAML_ONLY if f not in IN_DRAFTS]),
    # The default excludes can be brought back.
    (["submissions/"], ["!venv"], sorted([*ALL, "submissions/venv/v.yaml"])),
    # Patterns about the folder searched itself.
    (["submissions/"], ["submissions"], []),
    (["submissions/x"], ["x", "!d.yaml"], []),
    # A file named on the command line is always checked.
    (["submissions/drafts/b.yaml", "submissions/x/"], ["drafts"],
     ["submissions/drafts/b.yaml", "submissions/x/d.yaml", "submissions/x/e.draft.yaml",
      "submissions/x/old/deep/g.yaml"]),
]


@pytest.mark.parametrize(("arguments", "exclude", "expected"), EXCLUDE_CASES,
                         ids=[" ".join([*a, *(f"--exclude={p}" for p in e)]) for a, e, _ in EXCLUDE_CASES])
def test_exclude_patterns(tree: Path, arguments: list[str], exclude: list[str], expected: list[str]) -> None:
    found = [os.path.normpath(p) for p in discover(arguments, exclude=exclude)]
    assert found == sorted(expected)


def test_default_excludes_apply_to_folders_and_globs(tree: Path) -> None:
    assert discover(["submissions/"]) == ALL
    assert discover(["submissions/**/*.yaml"]) == YAML_ONLY  # venv/ and node_modules/ too
    assert "submissions/venv/v.yaml" in discover(["submissions/"], use_default_excludes=False)
    # Folders named on the command line are searched even when a default exclude names them.
    assert discover(["submissions/venv/"]) == ["submissions/venv/v.yaml"]
    assert discover(["submissions/.github/"]) == ["submissions/.github/workflows/ci.yml"]
    assert discover(["submissions/.github/**/*.yml"]) == ["submissions/.github/workflows/ci.yml"]


def test_the_defaults_mean_the_same_with_and_without_pathspec(tree: Path) -> None:
    # Without --exclude the defaults are matched by name, without importing pathspec; that is only
    # right while they are plain names.
    assert not [p for p in DEFAULT_EXCLUDES if set(p) & set("/!*?[\\")]
    for arguments in (["submissions/"], ["submissions/**/*.yaml"], ["."], ["**/*.y*ml"]):
        assert discover(arguments) == discover(arguments, exclude=["# no pattern, only pathspec"]), arguments


def test_paths_outside_the_current_folder_are_matched_relative_to_the_searched_folder(
        tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tree / "other")
    found = discover([str(tree / "submissions")], exclude=["drafts", "/x"])
    assert [os.path.relpath(p, tree) for p in found] == [
        f for f in without(*IN_DRAFTS) if not f.startswith("submissions/x/")]
    assert [os.path.relpath(p, tree) for p in discover(["../submissions/**/*.yaml"], exclude=["old"])] == [
        f for f in YAML_ONLY if "/old/" not in f]


def test_a_glob_whose_every_file_is_excluded_adds_nothing(tree: Path) -> None:
    assert discover(["submissions/drafts/*.yaml"], exclude=["drafts"]) == []
    found = find_statements(["submissions/drafts/*.yaml"], exclude=["drafts"])
    assert (found.files, found.unmatched, found.before_shard) == ([], [], 0)  # it matched: not unmatched


def test_a_glob_that_matches_nothing_is_reported_apart_from_the_files(tree: Path) -> None:
    found = find_statements(["submissions/nothing/*.yaml", "submissions/a.yaml", "submissions/*.json"])
    assert found.files == ["submissions/a.yaml"]
    assert found.unmatched == ["submissions/nothing/*.yaml", "submissions/*.json"]
    # discover() keeps such a pattern as a path, for callers that let the loader report it.
    assert discover(["submissions/nothing/*.yaml"], exclude=["drafts"]) == ["submissions/nothing/*.yaml"]
    # A file whose name holds glob characters is a file, not a pattern.
    (tree / "odd[1].yaml").write_text("x: 1\n", encoding="utf-8")
    assert find_statements(["odd[1].yaml"]).files == ["odd[1].yaml"] and not is_pattern("odd[1].yaml")
    assert is_pattern("missing[1].yaml")


def test_a_shard_keeps_the_count_before_it_chose(tree: Path) -> None:
    found = find_statements(["submissions/"], shard=Shard(1, 8))
    assert found.before_shard == len(ALL)
    assert found.files == [f for f in ALL if Shard(1, 8).holds(f)]


def test_the_cli_excludes_and_refuses_when_nothing_is_left(tree: Path) -> None:
    result = run_in_shell("impactclaim validate submissions/ --exclude drafts --exclude '*.yml' --format json", tree)
    assert [f["path"] for f in json.loads(result.stdout)["files"]] == [
        f for f in without(*IN_DRAFTS) if not f.endswith(".yml")]
    result = run_in_shell("impactclaim validate submissions/drafts/ --exclude drafts", tree)
    assert result.returncode == 2
    assert result.stderr == ("impactclaim: error: no statement files (*.yaml, *.yml) found in submissions/drafts/ "
                             "after --exclude drafts\nimpactclaim: pass --allow-empty when that is expected\n")
    result = run_in_shell("impactclaim validate submissions/drafts/ --exclude drafts --allow-empty", tree)
    assert (result.returncode, result.stdout) == (0, "No statement files checked.\n")


def test_a_shell_glob_that_matches_nothing_is_named(tree: Path) -> None:
    # Unquoted, so the shell expands it; with nothing to match, sh passes the pattern on as it is.
    result = run_in_shell("impactclaim validate submissions/*.json", tree)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith("impactclaim: error: no file matches the pattern 'submissions/*.json'\n")


def test_pathspec_is_imported_only_for_exclude_patterns(tree: Path) -> None:
    code = ("import sys; from impactclaim.discover import discover; "
            "discover(['submissions/', 'submissions/**/*.yaml']); assert 'pathspec' not in sys.modules; "
            "discover(['submissions/a.yaml'], exclude=['drafts']); assert 'pathspec' not in sys.modules; "
            "discover(['submissions/'], exclude=['drafts']); assert 'pathspec' in sys.modules")
    subprocess.run([sys.executable, "-c", code], cwd=tree, check=True, timeout=60,
                   env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_excludes_on_their_own() -> None:
    excludes = Excludes(["drafts/", "./top"])
    assert excludes.patterns == ("drafts/", "/top")
    assert excludes.excluded("a/drafts", None, is_dir=True)
    assert not excludes.excluded("a/drafts", None, is_dir=False)
    assert excludes.excluded("top", None, is_dir=False) and not excludes.excluded("a/top", None, is_dir=False)
