"""Reading prose for the rules: phrase patterns, numbers, fractions, years and the enterprise's own name."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from impactclaim.statement.model import Organisation, Path, Text


def phrases(*patterns: str) -> re.Pattern[str]:
    """Whole-word, case-insensitive alternatives; a space stands for any white space, " ?" for optional white space."""
    alternatives = (p.replace(" ?", r"\s*").replace(" ", r"\s+") for p in patterns)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])",
                      re.IGNORECASE)


def plain(text: Text) -> Iterator[tuple[Path, str]]:
    """Each language of a text with its path, white space folded."""
    for path, value in text.located():
        yield path, " ".join(value.split())


def joined(*texts: Text) -> str:
    """Every language of the texts as one folded string, for evidence that may sit in any of them."""
    return " ".join(" ".join(value.split()) for text in texts for _, value in text.located())


# A number as written in prose: "1.250" and "1,250" are thousands, "27,5" and "27.5" decimals.
_NUMBER = r"\d{1,3}(?:[.,]\d{3})+(?![.,]?\d)|\d+(?:[.,]\d+)?"


def number(written: str) -> float:
    """The value of a number as matched by the patterns here, Dutch or English notation."""
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", written):
        return float(re.sub(r"[.,]", "", written))
    return float(written.replace(",", "."))


#: Numbers written as words, up to twenty, the ones claims use ("acht van de tien").
_WORDS = {
    "een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8,
    "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "one": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "twenty": 20, "twintig": 20,
}
_COUNT = rf"(?:{_NUMBER}|{'|'.join(_WORDS)})"

# "9 van de 30", "9 van 30", "9 uit 30", "9 of the 30", "9 out of 30", "9 of 30", "9/30 participants".
_FRACTION = re.compile(
    rf"(?<![\w.,/-])({_COUNT})\s+(?:van\s+(?:de\s+|het\s+)?|uit\s+(?:de\s+)?|out\s+of\s+(?:the\s+)?|of\s+(?:the\s+)?)"
    rf"({_NUMBER})(?![\w.,/%-])(?:\s+(\w+))?"
    rf"|(?<![\w.,/-])({_NUMBER})\s*/\s*({_NUMBER})(?![\w.,/%-])(?:\s+(\w+))?",
    re.IGNORECASE)
# Units of time or money after a fraction make it no share of people ("8 van de 12 maanden").
_NOT_PEOPLE = re.compile(
    r"(?:maand|week|weken|dag|dagen|jaar|jaren|uur|uren|minuten|month|week|day|year|hour|minute|euro|eur|km|kg)\w*",
    re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Fraction:
    """A count out of a total written in prose, and where it stands in the text."""

    part: float
    whole: float
    written: str
    start: int

    @property
    def share(self) -> float:
        return 100 * self.part / self.whole


def _count(written: str) -> float:
    return float(_WORDS[written.lower()]) if written.lower() in _WORDS else number(written)


def fractions(text: str) -> list[Fraction]:
    """The fractions of people in ``text`` ("9 van de 30", "7 of 212", "9/30"), not of months or euros."""
    found = []
    for match in _FRACTION.finditer(text):
        part, whole, noun = (match.group(1), match.group(2), match.group(3)) if match.group(1) else \
            (match.group(4), match.group(5), match.group(6))
        if noun and _NOT_PEOPLE.fullmatch(noun):
            continue
        part_value, whole_value = _count(part), number(whole)
        if whole_value <= 0 or part_value > whole_value:
            continue
        found.append(Fraction(part_value, whole_value, match.group().strip(), match.start()))
    return found


_PERCENTAGE = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)?)\s*(?:%|(?:procent|percent|per\s+cent)\b)", re.IGNORECASE)


def percentages(text: str) -> list[tuple[float, int]]:
    """Each percentage written in ``text`` with its position ("60%", "7,2 procent")."""
    return [(float(match.group(1).replace(",", ".")), match.start()) for match in _PERCENTAGE.finditer(text)]


_YEAR = re.compile(r"(?<![\w.,/-])(19[5-9]\d|20\d\d)(?![\w.,/%-]|\s*%)")


def years(text: str) -> list[tuple[int, int]]:
    """Each year (1950-2099) written in ``text`` with its position; not inside a longer number or code."""
    return [(int(match.group(1)), match.start()) for match in _YEAR.finditer(text)]


def counts(text: str) -> list[float]:
    """Every plain number in ``text`` (not percentages, years or parts of codes)."""
    values = []
    for match in re.finditer(rf"(?<![\w.,/-])({_NUMBER})(?![\w/-]|\s*%|[.,]\d)", text):
        values.append(number(match.group(1)))
    return values


# -- the enterprise itself ----------------------------------------------------------------------

_LEGAL_FORMS = re.compile(
    r"\b(?:b\.?\s?v\.?|n\.?\s?v\.?|u\.?\s?a\.?|stichting|co[oö]peratie(?:ve)?|vereniging|v\.?o\.?f\.?|c\.?v\.?"
    r"|ltd|limited|inc|foundation|cooperative)(?=\s|$|[.,])", re.IGNORECASE)

#: Words that make a verifier, publisher or scheme the enterprise itself, its board or its owner.
SELF_WORDS = phrases(
    r"(?:onze|ons) eigen", r"eigen (?:\w+ )?(?:beoordeling|onderzoek|enqu[eê]te|evaluatie|criteria|toetsing|audit"
    r"|meting|monitoring|medewerkers|team|afdeling|keurmerk|normen|score)",
    r"zelf(?:evaluatie|beoordeling|toetsing|onderzoek|assessment)?", r"intern(?:e)?", r"in-?house",
    r"(?:our|its) own", r"self[- ](?:assessment|assessed|evaluation|declared|check)", r"internal(?:ly)?",
    r"(?:het |ons |onze )?(?:bestuur|directie|raad van bestuur|management ?team|mt)",
    r"(?:the |our )?(?:board|management|management team|owners?|founders?|directors?)",
    r"eigenaars?|eigenaren|oprichters?|directeur(?:-eigenaar)?|aandeelhouders?",
)


@dataclass(frozen=True, slots=True)
class OwnName:
    """The enterprise's names, folded, to recognise it as the verifier, publisher or scheme owner."""

    names: tuple[str, ...]

    @classmethod
    def of(cls, organisation: Organisation) -> OwnName:
        names = []
        for name in (organisation.name, organisation.trade_name):
            if not name:
                continue
            core = " ".join(_LEGAL_FORMS.sub(" ", name.casefold()).replace(".", " ").split())
            if len(core) >= 4:
                names.append(core)
        return cls(tuple(dict.fromkeys(names)))

    def named_in(self, text: str | None) -> bool:
        if not text:
            return False
        folded = " ".join(text.casefold().replace(".", " ").split())
        return any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", folded) for name in self.names)


def is_self(text: str | None, own: OwnName) -> str | None:
    """What in ``text`` makes it the enterprise itself (its name, "eigen", "board"), or None."""
    if not text:
        return None
    if own.named_in(text):
        return "the enterprise's own name"
    match = SELF_WORDS.search(text)
    return f'"{match.group()}"' if match else None


@cache
def sentence_split() -> re.Pattern[str]:
    return re.compile(r"(?<=[.!?;])\s+(?=[A-Z0-9\"'“‘(])")


def sentences(text: str) -> list[str]:
    return sentence_split().split(text)


def quoted(words: Iterable[str]) -> str:
    return ", ".join(f'"{word}"' for word in words)
