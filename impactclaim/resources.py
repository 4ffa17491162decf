"""Locate the data that ships with the package: schemas, templates and reference data.

In a wheel these folders sit inside the package (``impactclaim/schemas``); in a checkout they
sit beside it at the top level. Both layouts are looked up, the installed one first.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def resource_dir(name: str) -> Path:
    """Return the folder ``name`` (``schemas``, ``templates``, ``data``) of this installation."""
    for candidate in (_PACKAGE_DIR / name, _PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"impactclaim is installed without its {name!r} folder")
