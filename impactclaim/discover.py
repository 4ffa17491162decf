"""Turn command-line arguments (files, directories, globs) into a sorted list of statement files."""

from __future__ import annotations

import glob
import os
import posixpath
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec

STATEMENT_SUFFIXES = (".yaml", ".yml")

# Folders and files that hold YAML which is not an impact statement; searched directories and
# glob results skip them (a file named explicitly is always checked). Plain names only: they
# match a file or folder of that name at any depth, with or without pathspec.
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


def _posix(path: str) -> str:
    return path.replace(os.sep, "/") if os.sep != "/" else path


class Excludes:
    """Gitignore-style exclude patterns, applied below a searched folder (or the fixed start of a glob).

    Each found path is matched twice: relative to the folder searched, and as the command line
    spells it (relative to the current directory), so ``drafts``, ``submissions/drafts``,
    ``drafts/``, ``*.draft.yaml``, ``**/old/**`` and ``!keep.yaml`` all mean what they would
    in a ``.gitignore`` at either place; where both match, the later pattern wins. The default
    excludes count only relative to the searched folder (``impactclaim validate .github/`` does
    search it), and come before the user's patterns (so ``!.github`` brings that folder back).
    As in git, nothing below an excluded folder can be brought back.
    """

    def __init__(self, patterns: Sequence[str], defaults: Sequence[str] = DEFAULT_EXCLUDES) -> None:
        # A leading "./" is how a shell user writes "relative to here"; in .gitignore terms that
        # is a pattern anchored with "/".
        self.patterns = tuple("/" + p[2:] if p.startswith("./") else p for p in patterns)
        self.defaults = tuple(defaults)
        self._names = frozenset(self.defaults)
        self._specs: tuple[GitIgnoreSpec, GitIgnoreSpec, int] | None = None

    def _compiled(self) -> tuple[GitIgnoreSpec, GitIgnoreSpec, int]:
        if self._specs is None:
            # Imported only when the user gave --exclude and there is a folder or glob to filter:
            # most runs (pre-commit, a named file) never pay for it.
            from pathspec import GitIgnoreSpec

            below = GitIgnoreSpec.from_lines([*self.defaults, *self.patterns])
            given = GitIgnoreSpec.from_lines(self.patterns)
            self._specs = (below, given, len(below.patterns) - len(given.patterns))
        return self._specs

    def excluded(self, relative: str, given: str | None, is_dir: bool) -> bool:
        """Whether ``relative`` (below the searched folder; ``given``: as typed, or None) is excluded.

        Both are "/"-separated; the caller has already checked the folders above.
        """
        if not self.patterns:  # the default excludes alone are plain names
            return posixpath.basename(relative) in self._names
        below, as_given, offset = self._compiled()
        suffix = "/" if is_dir else ""
        result = below.check_file(relative + suffix)
        index, excluded = (-1, False) if result.index is None else (result.index, bool(result.include))
        if given is not None:
            result = as_given.check_file(given + suffix)
            if result.index is not None and result.index + offset > index:
                excluded = bool(result.include)
        return excluded

    def excludes_root(self, given_root: str | None) -> bool:
        """Whether the searched folder itself, as typed (see :func:`_as_given`), or a folder above it is excluded."""
        if not self.patterns or not given_root:
            return False
        _, as_given, _ = self._compiled()
        parts = given_root.split("/")
        return any(as_given.match_file("/".join(parts[:end]) + "/") for end in range(1, len(parts) + 1))


def _as_given(path: str) -> str | None:
    """``path`` relative to the current directory, "/"-separated; None if it lies outside it."""
    relative = os.path.relpath(path)
    if relative == os.curdir:
        return ""
    return None if relative == os.pardir or relative.startswith(os.pardir + os.sep) else _posix(relative)


def _join(given_root: str | None, relative: str) -> str | None:
    return None if given_root is None else posixpath.join(given_root, relative)


def _walk(root: str, excludes: Excludes) -> Iterable[str]:
    # Searching the current directory, the path as typed is the relative one: one view is enough.
    given_root = (_as_given(root) or None) if excludes.patterns else None
    if excludes.excludes_root(given_root):
        return
    # os.walk does not follow symlinked folders, so a symlink loop cannot make it run forever;
    # a symlinked *file* is listed and its loader reports it if it cannot be read.
    for folder, subfolders, files in os.walk(root):
        relative_folder = _posix(os.path.relpath(folder, root))
        relative_folder = "" if relative_folder == "." else relative_folder
        kept = []
        for name in subfolders:
            relative = posixpath.join(relative_folder, name)
            if not excludes.excluded(relative, _join(given_root, relative), is_dir=True):
                kept.append(name)
        subfolders[:] = sorted(kept)
        for name in files:
            relative = posixpath.join(relative_folder, name)
            if name.endswith(STATEMENT_SUFFIXES) and not excludes.excluded(
                    relative, _join(given_root, relative), is_dir=False):
                yield os.path.join(folder, name)


def _glob_root(pattern: str) -> str:
    """The folders at the start of a glob that hold no glob characters (what the user named)."""
    head, parts = pattern, []
    while True:
        head, tail = os.path.split(head)
        if not tail:
            break
        parts.append(tail)
    fixed: list[str] = []
    for part in reversed(parts[1:]):  # the last part names files, not a folder
        if _GLOB_CHARACTERS & set(part):
            break
        fixed.append(part)
    return os.path.join(head, *fixed) if head or fixed else os.curdir


def _expand(pattern: str, excludes: Excludes) -> list[str] | None:
    """The files a glob finds, less the excluded ones; None if it finds no file at all."""
    matches = [m for m in glob.glob(pattern, recursive=True) if not os.path.isdir(m)]
    if not matches:
        return None
    root = _glob_root(pattern)
    # Searching the current directory, the path as typed is the relative one: one view is enough.
    given_root = (_as_given(root) or None) if excludes.patterns else None
    if excludes.excludes_root(given_root):
        return []
    folder_excluded: dict[str, bool] = {}

    def folder_is_excluded(relative: str) -> bool:  # this folder or one above it
        if not relative:
            return False
        if relative not in folder_excluded:
            folder_excluded[relative] = folder_is_excluded(posixpath.dirname(relative)) or excludes.excluded(
                relative, _join(given_root, relative), is_dir=True)
        return folder_excluded[relative]

    kept = []
    for match in matches:
        relative = _posix(os.path.relpath(match, root))
        if not folder_is_excluded(posixpath.dirname(relative)) and not excludes.excluded(
                relative, _join(given_root, relative), is_dir=False):
            kept.append(match)
    return kept


@dataclass(frozen=True, slots=True)
class Found:
    """What the command-line arguments name: the files to check, and the glob patterns that match no file."""

    files: list[str]
    unmatched: list[str]
    before_shard: int  # files found before --shard chose its slice


def is_pattern(argument: str) -> bool:
    """Whether ``argument`` is a glob pattern rather than a path (a file may have ``*`` in its name)."""
    return bool(_GLOB_CHARACTERS & set(argument)) and not os.path.lexists(argument)


def find_statements(arguments: Iterable[str], exclude: Sequence[str] = (), use_default_excludes: bool = True,
                    shard: Shard | None = None) -> Found:
    """Files to check, sorted by path and without duplicates, and the glob patterns that match nothing.

    A directory is searched recursively for ``*.yaml``/``*.yml``; an argument with glob
    characters that names no existing file is expanded (``**`` included); anything else is kept
    as given, so a missing file is reported by the loader rather than silently dropped. What a
    folder or glob finds is filtered by ``exclude`` (gitignore-style patterns, see
    :class:`Excludes`) and the default excludes. A pattern whose every file is excluded adds
    nothing but is not unmatched: it did match.
    """
    excludes = Excludes(exclude, DEFAULT_EXCLUDES if use_default_excludes else ())
    found: set[str] = set()
    unmatched: list[str] = []
    for argument in arguments:
        if os.path.isdir(argument):
            found.update(_walk(argument, excludes))
        elif is_pattern(argument):
            matches = _expand(argument, excludes)
            if matches is None:
                unmatched.append(argument)
            else:
                found.update(matches)
        else:
            found.add(argument)
    files = sorted(found)
    chosen = [path for path in files if shard.holds(path)] if shard else files
    return Found(chosen, unmatched, len(files))


def discover(arguments: Iterable[str], exclude: Sequence[str] = (), use_default_excludes: bool = True,
             shard: Shard | None = None) -> list[str]:
    """The files of :func:`find_statements`, with each pattern that matches nothing kept as a path.

    For callers without their own message for such a pattern: the loader then reports it as a
    file that does not exist.
    """
    found = find_statements(arguments, exclude, use_default_excludes)
    files = sorted({*found.files, *found.unmatched})
    return [path for path in files if shard.holds(path)] if shard else files
