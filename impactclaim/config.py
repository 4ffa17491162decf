"""Project configuration: ``[tool.impactclaim]`` in pyproject.toml or an impactclaim.toml, found upward.

Like ruff, the nearest file wins: starting from a statement's folder, the first
``impactclaim.toml`` (top-level keys) or ``pyproject.toml`` with a ``[tool.impactclaim]`` table
is used. Keys::

    select = ["IC101", "generic-term"]   # only these rules (default: all)
    ignore = ["IC104"]                   # never these rules
    [tool.impactclaim.severity]          # in impactclaim.toml: [severity]
    IC108 = "error"
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from impactclaim.i18n import _


class ConfigError(ValueError):
    """A configuration file that cannot be read or names something unknown."""


@dataclass(frozen=True, slots=True)
class Config:
    """The rule settings of one configuration file (or none)."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    source: Path | None = None


_KNOWN_KEYS = {"select", "ignore", "severity"}


def _names(value: Any, key: str, source: Path) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(_("{source}: '{key}' must be a list of rule codes or slugs, like {example}").format(
            source=source, key=key, example='["IC101"]'))
    return tuple(value)


def parse_config(table: dict[str, Any], source: Path) -> Config:
    """Check a configuration table and turn it into a Config; rule names are checked by the caller."""
    unknown = sorted(set(table) - _KNOWN_KEYS)
    if unknown:
        raise ConfigError(_("{source}: unknown setting {setting}; known: {known}").format(
            source=source, setting=repr(unknown[0]), known=", ".join(sorted(_KNOWN_KEYS))))
    select = _names(table["select"], "select", source) if "select" in table else None
    ignore = _names(table.get("ignore", []), "ignore", source)
    severity = table.get("severity", {})
    if not isinstance(severity, dict) or not all(isinstance(v, str) for v in severity.values()):
        raise ConfigError(_("{source}: 'severity' must be a table like {example}").format(
            source=source, example='{IC108 = "error"}'))
    return Config(select, ignore, dict(severity), source)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as stream:
            return tomllib.load(stream)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(_("{path}: invalid TOML: {problem}").format(path=path, problem=error)) from None
    except OSError as error:
        raise ConfigError(_("{path}: cannot be read: {reason}").format(path=path, reason=error.strerror)) from None


@cache
def config_for_directory(directory: Path) -> Config:
    """The configuration that applies to statements in ``directory`` (searched upward)."""
    for folder in (directory, *directory.parents):
        own = folder / "impactclaim.toml"
        if own.is_file():
            return parse_config(_read_toml(own), own)
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            table = _read_toml(pyproject).get("tool", {}).get("impactclaim")
            if isinstance(table, dict):
                return parse_config(table, pyproject)
    return Config()


def config_for(statement: str | Path) -> Config:
    """The configuration for one statement file."""
    return config_for_directory(Path(statement).resolve().parent)
