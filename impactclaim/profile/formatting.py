"""Numbers, quantities and dates written the way Dutch and English readers expect them."""

from __future__ import annotations

import datetime
import math
import re

from impactclaim.profile.labels import Labels

# Units written straight after the number ("60%"); every other unit follows a space ("48.000 kg").
_ATTACHED_UNITS = frozenset({"%", "‰", "°"})
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MAX_DECIMALS = 4


class Formatter:
    """Formats values for one profile language (``nl``: 48.000,5; ``en``: 48,000.5)."""

    def __init__(self, labels: Labels) -> None:
        self.labels = labels
        self.language = labels.language
        self._group, self._decimal = (".", ",") if self.language == "nl" else (",", ".")

    def number(self, value: float | int, decimals: int | None = None) -> str:
        """A number with grouped thousands and as many decimals as it was written with (at most 4)."""
        if isinstance(value, float) and not math.isfinite(value):
            return str(value)
        if decimals is None:
            decimals = _decimals_of(value)
        text = f"{value:,.{decimals}f}"
        if text in ("-0", "-0.0"):  # a rounded tiny negative reads as a sign error
            text = text[1:]
        return text.translate({ord(","): self._group, ord("."): self._decimal})

    def quantity(self, value: float | int, unit: str) -> str:
        """A number with its unit: ``60%``, ``48.000 kg``."""
        number = self.number(value)
        if not unit:
            return number
        return f"{number}{unit}" if unit in _ATTACHED_UNITS else f"{number}\u00a0{unit}"

    def percent(self, value: float | int, decimals: int = 0) -> str:
        """A percentage given as a number from 0 to 100: ``25%``."""
        return f"{self.number(value, decimals)}%"

    def date(self, value: str) -> str:
        """An ISO date as ``15 oktober 2025`` / ``15 October 2025``; anything else is shown as given."""
        parsed = parse_iso_date(value)
        if parsed is None:
            return value
        return f"{parsed.day} {self.labels[f'month.{parsed.month}']} {parsed.year}"

    def period(self, start: str, end: str) -> str:
        """A period from its first to its last day: ``1 juli 2024 – 30 juni 2025``."""
        if not start and not end:
            return ""
        return f"{self.date(start)} \u2013 {self.date(end)}"


def parse_iso_date(value: object) -> datetime.date | None:
    """The date of a ``YYYY-MM-DD`` string, or None when it is not a real date."""
    if not isinstance(value, str):
        return None
    match = _ISO_DATE.match(value)
    if not match:
        return None
    try:
        return datetime.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def _decimals_of(value: float | int) -> int:
    if isinstance(value, int):
        return 0
    text = repr(value)
    if "e" in text or "E" in text:
        return 2
    _, _, fraction = text.partition(".")
    fraction = fraction.rstrip("0")
    return min(len(fraction), _MAX_DECIMALS)
