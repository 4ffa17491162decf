"""The one result type of every check: a Finding at a file, line and column."""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass


class Severity(enum.StrEnum):
    """How much a finding matters: errors fail validation, warnings only under --strict."""

    ERROR = "error"
    WARNING = "warning"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in one statement file.

    ``line`` and ``column`` are 1-based; ``pointer`` is the JSON pointer of the value the
    finding is about (empty for the whole document).
    """

    path: str
    line: int
    column: int
    pointer: str
    code: str
    severity: Severity
    message: str
    hint: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.column, self.code, self.message)

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "pointer": self.pointer,
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "hint": self.hint,
        }


def json_pointer(parts: object) -> str:
    """Return the RFC 6901 pointer for a sequence of keys and indexes."""
    pieces = []
    for part in parts:  # type: ignore[attr-defined]
        pieces.append(str(part).replace("~", "~0").replace("/", "~1"))
    return "".join("/" + piece for piece in pieces)


def field_label(path: Iterable[str | int]) -> str:
    """A readable name for a location: ``organisation.kvk_number``, ``outcomes[2].what``."""
    label = ""
    for part in path:
        label += f"[{part}]" if isinstance(part, int) else (f".{part}" if label else str(part))
    return label or "the statement"


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """``text`` with control characters replaced, so a file name cannot drive a terminal or break XML."""
    return _CONTROL.sub("\ufffd", text)
