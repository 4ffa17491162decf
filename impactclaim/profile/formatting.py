"""Numbers, quantities and dates written the way Dutch and English readers expect them.

Babel writes them from the Unicode CLDR data of the profile's locale: ``nl_NL`` gives
``1.250``, ``27,5``, ``60%`` and ``1 januari 2025``; ``en_GB`` gives ``1,250``, ``27.5``,
``60%`` and ``1 January 2025`` (``en_GB`` rather than ``en``, whose long date is
``January 1, 2025``). The percent sign follows the number without a space in both, as the
Taalunie advises for Dutch. Babel is imported on the first number or date a profile formats,
not with this module: ``impactclaim validate`` never loads it.
"""

from __future__ import annotations

import datetime
import math
import re
from decimal import ROUND_HALF_UP, Decimal, localcontext
from functools import cache
from typing import TYPE_CHECKING

from impactclaim.profile.labels import Labels

if TYPE_CHECKING:
    from babel.numbers import NumberPattern

# The locale of each profile language, as Babel (CLDR) names it.
LOCALES: dict[str, str] = {"nl": "nl_NL", "en": "en_GB"}

# Units written straight after the number ("1,5‰"); every other unit follows a no-break space
# ("48.000 kg"). A percentage is written as the locale writes percentages ("60%").
_ATTACHED_UNITS = frozenset({"‰", "°"})
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MAX_DECIMALS = 4
# The digits of a CLDR number pattern ("#,##0.###" in "#,##0.###", "#,##0" in "#,##0%").
_DIGITS = re.compile(r"[#0,]*0(?:\.[#0]*)?")


class Formatter:
    """Formats values for one profile language (``nl``: 48.000,5; ``en``: 48,000.5)."""

    def __init__(self, labels: Labels) -> None:
        self.labels = labels
        self.language = labels.language
        self.locale = LOCALES[self.language]

    def number(self, value: float | int, decimals: int | None = None) -> str:
        """A number with grouped thousands and ``decimals`` decimals (None: as written, at most 4)."""
        if isinstance(value, float) and not math.isfinite(value):
            return str(value)  # only a draft can hold one; shown as given
        return _format(value, decimals, self.locale, "decimal")

    def quantity(self, value: float | int, unit: str) -> str:
        """A number with its unit: ``60%``, ``48.000 kg``."""
        if unit == "%":
            return self.percent(value, None)
        number = self.number(value)
        if not unit:
            return number
        return f"{number}{unit}" if unit in _ATTACHED_UNITS else f"{number}\u00a0{unit}"

    def percent(self, value: float | int, decimals: int | None = 0) -> str:
        """A percentage given as a number from 0 to 100: ``25%``, ``27,5%`` (None: as many decimals as written)."""
        if isinstance(value, float) and not math.isfinite(value):
            return f"{value}%"
        return _format(value, decimals, self.locale, "percent")

    def date(self, value: str) -> str:
        """An ISO date as ``15 oktober 2025`` / ``15 October 2025``; anything else is shown as given."""
        parsed = parse_iso_date(value)
        if parsed is None:
            return value
        from babel.dates import format_date

        return format_date(parsed, "long", locale=self.locale)

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


def _format(value: float | int, decimals: int | None, locale: str, kind: str) -> str:
    """``value`` (a percentage from 0 to 100 for ``kind="percent"``) as the locale writes it.

    The value is taken as written (a float by its shortest repr) and rounded to ``decimals``;
    without ``decimals`` it keeps the decimals it was written with, at most 4, so that
    0.30000000000000004 is 0,3. Ties round away from zero, as readers round by hand (62.5% to
    a whole percent: 63%). A rounded tiny negative is 0, not -0, which reads as a sign error.
    """
    from babel.numbers import format_decimal, format_percent

    exact = Decimal(value) if isinstance(value, int) else Decimal(repr(value))
    # Enough digits for any number the loader lets through (Babel's default context has 28).
    with localcontext(prec=max(28, exact.adjusted() + _MAX_DECIMALS + 8), rounding=ROUND_HALF_UP):
        rounded = exact.quantize(Decimal(1).scaleb(-(_MAX_DECIMALS if decimals is None else decimals)))
        if rounded.is_zero():
            rounded = rounded.copy_abs()
        if decimals is None:
            exponent = rounded.normalize().as_tuple().exponent
            decimals = max(0, -exponent) if isinstance(exponent, int) else 0
        if kind == "percent":
            return format_percent(rounded.scaleb(-2), _pattern(locale, kind, decimals), locale=locale)
        return format_decimal(rounded, _pattern(locale, kind, decimals), locale=locale)


@cache
def _pattern(locale: str, kind: str, decimals: int) -> NumberPattern:
    """The locale's own decimal or percent pattern with exactly ``decimals`` decimals (``#,##0.0%``)."""
    from babel import Locale
    from babel.numbers import parse_pattern

    own = Locale.parse(locale)
    pattern = (own.decimal_formats if kind == "decimal" else own.percent_formats)[None].pattern
    fraction = "." + "0" * decimals if decimals else ""
    changed = ";".join(_DIGITS.sub(lambda found: found.group(0).partition(".")[0] + fraction, part, count=1)
                       for part in pattern.split(";"))
    return parse_pattern(changed)
