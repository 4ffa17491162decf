"""The 17 Sustainable Development Goals: official colours and names in Dutch and English."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import yaml

from impactclaim.resources import resource_dir

# The official colours of the goals, from the UN's SDG communication guidelines (DESIGN 4).
GOAL_COLOURS: dict[int, str] = {
    1: "#E5243B", 2: "#DDA63A", 3: "#4C9F38", 4: "#C5192D", 5: "#FF3A21", 6: "#26BDE2",
    7: "#FCC30B", 8: "#A21942", 9: "#FD6925", 10: "#DD1367", 11: "#FD9D24", 12: "#BF8B2E",
    13: "#3F7E44", 14: "#0A97D9", 15: "#56C02B", 16: "#00689D", 17: "#19486A",
}

_NAME_FILES = {"en": "global_goals.yml", "nl": "goals_nl.yml"}
_TARGET = re.compile(r"^(1[0-7]|[1-9])\.([1-9][0-9]?|[a-d])$")
_DARK_TEXT = "#1B1B1B"
_LIGHT_TEXT = "#FFFFFF"
LARGE_TEXT_CONTRAST = 3.0


@dataclass(frozen=True, slots=True)
class Goal:
    """One goal as shown on a badge."""

    number: int
    name: str
    colour: str
    text_colour: str


@cache
def goal_names(language: str) -> dict[int, str]:
    """The short names of the goals in ``language`` (``nl`` or ``en``), read from the package data."""
    path = resource_dir("data") / "sdg" / _NAME_FILES[language]
    with open(path, encoding="utf-8") as stream:
        table = yaml.safe_load(stream)
    return {number: str(table[f"{number}-short"]) for number in GOAL_COLOURS}


def goal(number: int, language: str) -> Goal:
    """The badge of goal ``number`` with its name in ``language``."""
    colour = GOAL_COLOURS[number]
    return Goal(number, goal_names(language)[number], colour, readable_text_colour(colour))


def goal_of_target(target: str) -> int | None:
    """The goal number of a target such as ``"8.5"`` or ``"12.a"``; None when it is not one."""
    match = _TARGET.match(target)
    return int(match.group(1)) if match else None


def target_sort_key(target: str) -> tuple[int, int, str]:
    """Order targets as the UN lists them: 8.2 before 8.10, numbered before lettered."""
    goal_part, _, sub = target.partition(".")
    number = int(goal_part) if goal_part.isdigit() else 99
    return (number, int(sub) if sub.isdigit() else 100, sub)


def _relative_luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    """The WCAG 2 contrast ratio of two ``#RRGGBB`` colours."""
    lighter, darker = sorted((_relative_luminance(first), _relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def readable_text_colour(background: str) -> str:
    """The colour of the large goal number on a badge: white where it reads, else near-black.

    The official icons print white on every colour, but white on the yellow of goal 7 or the
    orange of goal 11 fails even the WCAG minimum for large text (3:1); there the number turns
    dark. Goal names are printed in body text beside the badge, never on the colour.
    """
    if contrast_ratio(background, _LIGHT_TEXT) >= LARGE_TEXT_CONTRAST:
        return _LIGHT_TEXT
    return _DARK_TEXT
