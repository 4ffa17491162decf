"""Writing rendered files safely: atomically, never over the input, never half-written."""

from __future__ import annotations

import os
from pathlib import Path

from impactclaim.atomic import atomic_write

__all__ = ["OutputError", "atomic_write", "default_output", "is_same_file", "resolve_output"]


class OutputError(Exception):
    """The output path cannot be used (it is the input, a folder that does not exist, ...)."""


def default_output(source: str | os.PathLike[str], suffix: str) -> Path:
    """The source's path with ``suffix``: ``statement.yaml`` becomes ``statement.pdf``."""
    return Path(source).with_suffix(suffix)


def resolve_output(source: str | os.PathLike[str], output: str | os.PathLike[str] | None, suffix: str) -> Path:
    """Where to write: ``output``, a file named after the source inside ``output`` when it is
    a folder, or the default beside the source. Refuses the source itself."""
    if output is None:
        target = default_output(source, suffix)
    else:
        target = Path(output)
        if target.is_dir():
            target = target / default_output(Path(source).name, suffix)
    if is_same_file(source, target):
        raise OutputError(f"the output {str(target)!r} is the input file; choose another name with -o")
    if not target.parent.is_dir():
        raise OutputError(f"the folder {str(target.parent)!r} of the output does not exist")
    return target


def is_same_file(first: str | os.PathLike[str], second: str | os.PathLike[str]) -> bool:
    """True when both paths name one file (also through symbolic or hard links)."""
    try:
        return os.path.samefile(first, second)
    except OSError:
        return os.path.realpath(first) == os.path.realpath(second)
