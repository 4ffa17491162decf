"""Turn command-line arguments (files, directories, globs) into a sorted list of statement files."""

from __future__ import annotations

import fnmatch
import glob
import os
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

STATEMENT_SUFFIXES = (".yaml", ".yml")

# Folders and files that hold YAML which is not an impact statement; searched directories skip
# them (a file named explicitly is always checked).
DEFAULT_EXCLUDES: tuple[str, ...] = (
    ".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox", ".nox",
    ".github", ".gitlab", ".pre-commit-config.yaml", ".pre-commit-hooks.yaml", ".gitlab-ci.yml",
    ".yamllint.yaml", ".yamllint.yml",
)

_GLOB_CHARACTERS = frozenset("*?[")


@dataclass(frozen=True, slots=True)
class Shard:
    """The deterministic slice ``index`` of ``count`` (1-based), for splitting a batch across machines."""

    index: int
    count: int

    @classmethod
    def parse(cls, text: str) -> Shard:
        try:
            index_text, count_text = text.split("/")
            index, count = int(index_text), int(count_text)
        except ValueError:
            raise ValueError(f"invalid shard {text!r}: write it as I/N, for example 1/4") from None
        if not 1 <= index <= count:
            raise ValueError(f"invalid shard {text!r}: I must be between 1 and N")
        return cls(index, count)

    def holds(self, path: str) -> bool:
        # A hash of the path, not its position in the list: adding a file elsewhere in the batch
        # does not move the other files to other shards, and every machine computes the same.
        return zlib.crc32(os.path.normpath(path).encode("utf-8", "surrogateescape")) % self.count == self.index - 1


def _excluded(relative: str, name: str, patterns: Sequence[str]) -> bool:
    return any(fnmatch.fnmatch(name, pattern) or fnmatch.fnmatch(relative, pattern) for pattern in patterns)


def _walk(root: str, patterns: Sequence[str]) -> Iterable[str]:
    # os.walk does not follow symlinked folders, so a symlink loop cannot make it run forever;
    # a symlinked *file* is listed and its loader reports it if it cannot be read.
    for folder, subfolders, files in os.walk(root):
        relative_folder = os.path.relpath(folder, root)
        subfolders[:] = sorted(
            d for d in subfolders
            if not _excluded(os.path.normpath(os.path.join(relative_folder, d)), d, patterns))
        for name in files:
            relative = os.path.normpath(os.path.join(relative_folder, name))
            if name.endswith(STATEMENT_SUFFIXES) and not _excluded(relative, name, patterns):
                yield os.path.join(folder, name)


def discover(arguments: Iterable[str], exclude: Sequence[str] = (), use_default_excludes: bool = True,
             shard: Shard | None = None) -> list[str]:
    """Files to check, sorted by path and without duplicates.

    A directory is searched recursively for ``*.yaml``/``*.yml``; an argument with glob
    characters that names no existing file is expanded (``**`` included); anything else is kept
    as given, so a missing file is reported by the loader rather than silently dropped.
    """
    patterns = (*DEFAULT_EXCLUDES, *exclude) if use_default_excludes else tuple(exclude)
    found: set[str] = set()
    for argument in arguments:
        if os.path.isdir(argument):
            found.update(_walk(argument, patterns))
        elif not os.path.lexists(argument) and _GLOB_CHARACTERS & set(argument):
            matches = [m for m in glob.glob(argument, recursive=True)
                       if not os.path.isdir(m) and not _excluded(m, os.path.basename(m), exclude)]
            found.update(matches if matches else [argument])
        else:
            found.add(argument)
    files = sorted(found)
    return [path for path in files if shard.holds(path)] if shard else files
