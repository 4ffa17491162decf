"""Locate the data that ships with the package: schemas, templates, samples, starter statements, reference data.

In a wheel the top-level folders of the checkout (schemas, templates, samples) sit inside the
package (``impactclaim/schemas``); in a checkout they sit beside it. Both layouts are looked up,
the installed one first. ``data`` and ``starter`` are inside the package in both.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def resource_dir(name: str) -> Path:
    """The folder ``name`` (``schemas``, ``templates``, ``samples``, ``starter``, ``data``) of this installation."""
    for candidate in (_PACKAGE_DIR / name, _PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"impactclaim is installed without its {name!r} folder")
