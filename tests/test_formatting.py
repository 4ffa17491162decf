"""Dates and numbers in the profile, written by Babel as Dutch and English readers expect them.

Dutch (nl_NL): ``1 januari 2025``, ``1.250``, ``27,5``, ``60%`` (no space before the percent
sign, as the Taalunie advises). English (en_GB): ``1 January 2025``, ``1,250``, ``27.5``, ``60%``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from babel.numbers import format_decimal

from impactclaim import i18n
from impactclaim.profile.formatting import LOCALES, Formatter
from impactclaim.profile.labels import LANGUAGES, Labels
from tests.conftest import ROOT
from tests.test_render_support import render_sample, sample

NBSP = "\u00a0"


@pytest.fixture(scope="module")
def nl() -> Formatter:
    return Formatter(Labels("nl"))


@pytest.fixture(scope="module")
def en() -> Formatter:
    return Formatter(Labels("en"))


def test_every_profile_language_has_a_locale() -> None:
    assert set(LOCALES) == set(LANGUAGES)
    assert Formatter(Labels("nl")).locale == "nl_NL" and Formatter(Labels("en")).locale == "en_GB"


# --- dates -------------------------------------------------------------------------------------

DUTCH_MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                "oktober", "november", "december"]
ENGLISH_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                  "October", "November", "December"]


def test_dates_are_day_month_year_in_both_languages(nl: Formatter, en: Formatter) -> None:
    assert nl.date("2025-01-01") == "1 januari 2025"
    assert en.date("2025-01-01") == "1 January 2025"  # en_GB; en (US) would write "January 1, 2025"
    assert nl.date("2025-10-15") == "15 oktober 2025" and en.date("2025-10-15") == "15 October 2025"
    assert nl.date("2024-02-29") == "29 februari 2024" and en.date("2024-02-29") == "29 February 2024"


@pytest.mark.parametrize("month", range(1, 13))
def test_every_month_has_its_name(nl: Formatter, en: Formatter, month: int) -> None:
    assert nl.date(f"2025-{month:02}-09") == f"9 {DUTCH_MONTHS[month - 1]} 2025"  # lower case, no leading zero
    assert en.date(f"2025-{month:02}-09") == f"9 {ENGLISH_MONTHS[month - 1]} 2025"


@pytest.mark.parametrize("given", ["", "not a date", "2025-02-30", "2025-13-01", "25-1-1", "2025-1-1",
                                   "2025-01-01T00:00"])
def test_what_is_not_an_iso_date_is_shown_as_given(nl: Formatter, en: Formatter, given: str) -> None:
    assert nl.date(given) == given and en.date(given) == given


def test_periods_run_from_the_first_to_the_last_day(nl: Formatter, en: Formatter) -> None:
    assert nl.period("2024-07-01", "2025-06-30") == "1 juli 2024 \u2013 30 juni 2025"
    assert en.period("2024-07-01", "2025-06-30") == "1 July 2024 \u2013 30 June 2025"
    assert nl.period("", "") == ""
    assert en.period("2025-01-01", "later") == "1 January 2025 \u2013 later"


# --- whole numbers -----------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "dutch", "english"), [
    (0, "0", "0"),
    (7, "7", "7"),
    (999, "999", "999"),
    (1250, "1.250", "1,250"),
    (48000, "48.000", "48,000"),
    (1048576, "1.048.576", "1,048,576"),
    (-1250, "-1.250", "-1,250"),
    (-7, "-7", "-7"),
    (48000.0, "48.000", "48,000"),  # a float with nothing after the point is a whole number
])
def test_whole_numbers_group_their_thousands(nl: Formatter, en: Formatter, value: float, dutch: str,
                                             english: str) -> None:
    assert nl.number(value) == dutch and en.number(value) == english


def test_large_numbers(nl: Formatter, en: Formatter) -> None:
    assert nl.number(123456789012345) == "123.456.789.012.345"
    assert en.number(10**30) == "1" + ",000" * 10  # beyond the 28 digits of Decimal's default context
    assert nl.number(1e16) == "10.000.000.000.000.000"  # not "...,00": 1e16 is a whole number
    assert en.number(-1e16) == "-10,000,000,000,000,000"
    assert nl.number(123456789.25) == "123.456.789,25"
    huge = en.number(1.5e300)  # the largest floats still format, fully grouped
    assert huge.startswith("1,500,000,") and len(huge.replace(",", "")) == 301
    assert len(nl.number(10**400).replace(".", "")) == 401


# --- decimals ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "dutch", "english"), [
    (27.5, "27,5", "27.5"),
    (13.2, "13,2", "13.2"),
    (0.5, "0,5", "0.5"),
    (1250.75, "1.250,75", "1,250.75"),
    (2.675, "2,675", "2.675"),  # as written, not as the nearest binary float rounds
    (-27.5, "-27,5", "-27.5"),
    (-1234567.891, "-1.234.567,891", "-1,234,567.891"),
    (1.2345, "1,2345", "1.2345"),
    (1.23456, "1,2346", "1.2346"),  # at most 4 decimals
    (0.1 + 0.2, "0,3", "0.3"),  # 0.30000000000000004: no float noise, no trailing zeros
    (0.3 - 0.1, "0,2", "0.2"),
    (999999.99995, "1.000.000", "1,000,000"),
])
def test_decimals_as_written(nl: Formatter, en: Formatter, value: float, dutch: str, english: str) -> None:
    assert nl.number(value) == dutch and en.number(value) == english


def test_a_number_of_decimals_can_be_asked_for(nl: Formatter, en: Formatter) -> None:
    assert nl.number(2.675, 2) == "2,68" and en.number(2.675, 2) == "2.68"
    assert nl.number(27.96, 1) == "28,0" and en.number(27.96, 1) == "28.0"  # the decimal stays when asked for
    assert nl.number(62.5, 0) == "63" and en.number(-62.5, 0) == "-63"  # ties round away from zero
    assert nl.number(1250, 2) == "1.250,00"


def test_a_rounded_tiny_negative_is_zero_without_a_sign(nl: Formatter, en: Formatter) -> None:
    assert nl.number(-0.00001) == "0" and en.number(-0.00001) == "0"
    assert nl.number(-0.04, 1) == "0,0" and en.number(-0.4, 0) == "0"
    assert nl.percent(-0.2) == "0%" and en.percent(-0.04, 1) == "0.0%"
    assert nl.number(-0.0) == "0"


def test_what_is_not_a_finite_number_is_shown_as_given(nl: Formatter) -> None:
    assert nl.number(float("nan")) == "nan" and nl.number(float("-inf")) == "-inf"
    assert nl.percent(float("inf")) == "inf%"


# --- percentages ------------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "decimals", "dutch", "english"), [
    (60, 0, "60%", "60%"),
    (0, 0, "0%", "0%"),
    (100, 0, "100%", "100%"),
    (27.5, None, "27,5%", "27.5%"),
    (27.5, 1, "27,5%", "27.5%"),
    (27.96, 1, "28,0%", "28.0%"),
    (33.333333333333336, 0, "33%", "33%"),
    (62.5, 0, "63%", "63%"),
    (12.5, 0, "13%", "13%"),
    (-5, 0, "-5%", "-5%"),
    (-12.5, 0, "-13%", "-13%"),
    (1234.5, 1, "1.234,5%", "1,234.5%"),
    (250000, 0, "250.000%", "250,000%"),
])
def test_percentages_have_no_space_before_the_sign(nl: Formatter, en: Formatter, value: float,
                                                   decimals: int | None, dutch: str, english: str) -> None:
    assert nl.percent(value, decimals) == dutch and en.percent(value, decimals) == english


# --- quantities -------------------------------------------------------------------------------

def test_quantities_keep_number_and_unit_together(nl: Formatter, en: Formatter) -> None:
    assert nl.quantity(48000, "kg") == f"48.000{NBSP}kg" and en.quantity(48000, "kg") == f"48,000{NBSP}kg"
    assert nl.quantity(27.5, "fte") == f"27,5{NBSP}fte"
    assert nl.quantity(-1.5, "tCO2e") == f"-1,5{NBSP}tCO2e"
    assert nl.quantity(3, "") == "3"


def test_a_percentage_quantity_is_written_as_a_percentage(nl: Formatter, en: Formatter) -> None:
    assert nl.quantity(60, "%") == "60%" and en.quantity(60, "%") == "60%"
    assert nl.quantity(55.6, "%") == "55,6%" and en.quantity(55.6, "%") == "55.6%"
    assert nl.quantity(0.1 + 0.2, "%") == "0,3%"
    assert nl.quantity(1.5, "‰") == "1,5‰" and en.quantity(20, "°") == "20°"


# --- the messages of validate -----------------------------------------------------------------

@pytest.mark.parametrize("value", [0, 7, 999, 1000, 1250, 65536, 1048576, 10_000_000, 2**63, -1250])
def test_message_numbers_agree_with_babel(value: int) -> None:
    """``i18n.number`` stays Babel-free, so that validate never loads Babel, and writes what Babel would."""
    for language, locale in LOCALES.items():
        with i18n.using(language):
            assert i18n.number(value) == format_decimal(value, locale=locale), (language, value)


def test_validate_does_not_load_babel(tmp_path: Path) -> None:
    profile = tmp_path / "profile.pdf"
    profile.write_bytes(render_sample(sample("minimal"), "pdf"))
    probe = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from impactclaim.cli import app\n"
        "import impactclaim.profile.model\n"  # the view model itself loads Babel only when it formats
        "runner = CliRunner()\n"
        "for args in (['samples/valid/minimal.yaml'], [sys.argv[1]],\n"
        "             ['--max-bytes', '100', 'samples/valid/minimal.yaml'],  # a message with a number in it\n"
        "             ['--lang', 'nl', 'samples/valid/fietsfabriek-utrecht.yaml']):\n"
        "    result = runner.invoke(app, ['validate', *args])\n"
        "    assert result.exit_code in (0, 1), result.output\n"
        "print(sorted(name for name in sys.modules if name == 'babel' or name.startswith('babel.')))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe, str(profile)], cwd=ROOT, check=True, capture_output=True,
                          text=True)
    assert done.stdout.strip() == "[]"
