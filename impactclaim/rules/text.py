"""Reading prose for the rules: phrase patterns, numbers, fractions, years and the enterprise's own name."""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Callable, Iterable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import cache
from typing import Any, TypeVar, cast

from impactclaim import precompiled
from impactclaim.precompiled import regex
from impactclaim.statement.model import Metric, Organisation, Path, Statement, Text

T = TypeVar("T")


def longest_first(alternatives: Iterable[str]) -> list[str]:
    """Distinct alternatives, longest first so a longer one wins, ties in a fixed order.

    A fixed order keeps the joined pattern the same from run to run (a set's order changes with
    the hash seed), so the precompiled table finds it.
    """
    return sorted(set(alternatives), key=lambda alternative: (-len(alternative), alternative))


def phrases(*patterns: str) -> Phrases:
    """Whole-word, case-insensitive alternatives; a space stands for any white space, " ?" for optional white space."""
    return Phrases("|".join(p.replace(" ?", r"\s*").replace(" ", r"\s+") for p in patterns))


class _Match:
    """Where a phrase was found, read from the text as written (its lower case has the same length).

    ``offset`` is where ``text`` starts in the string that was searched, when several texts were
    searched together.
    """

    __slots__ = ("_match", "_offset", "_text")

    def __init__(self, text: str, match: re.Match[str], offset: int = 0) -> None:
        self._text, self._match, self._offset = text, match, offset

    def group(self, index: int = 0) -> str:
        start, end = self._match.span(index)
        return self._text[start - self._offset:end - self._offset]

    def start(self) -> int:
        return self._match.start() - self._offset

    def end(self) -> int:
        return self._match.end() - self._offset

    def span(self) -> tuple[int, int]:
        return self.start(), self.end()


class Phrases:
    """Case-insensitive whole-word alternatives, searched fast.

    Python's ``re`` scans about ten times slower with IGNORECASE, and a look-behind in front of
    the alternatives stops it from skipping ahead to the characters they can start with. So the
    pattern is compiled in lower case, without the look-behind when every alternative starts
    with a letter it can skip to, and run on the lower-cased text; a hit inside a word is
    dropped afterwards. Text whose lower case has another length (a rare Unicode letter) is
    searched with the plain case-insensitive pattern.
    """

    __slots__ = ("_body", "_checks_start", "_fast", "_gate", "_pattern")

    def __init__(self, body: str) -> None:
        # Parsed for the gate on first use and compiled only when a text passes the gate: the
        # rules define many phrase lists, most texts open few of them, and start-up matters.
        self._body = body
        self._pattern: re.Pattern[str] | None = None
        self._fast: re.Pattern[str] | None = None
        self._gate: Gate | None = None
        self._checks_start = False

    @property
    def gate(self) -> Gate:
        if self._gate is None:
            self._prepare()
            assert self._gate is not None
        return self._gate

    def _prepare(self) -> None:
        """Lower-case the pattern and find its gate: from the precompiled table, else from its parse tree."""
        ahead = precompiled.gate(self._body)
        self._body = _lower_literals(self._body)
        if ahead is not None:
            words, beginnings, digits, always, self._checks_start = ahead
            self._gate = Gate(frozenset(words), beginnings, always=always, digits=digits)
            return
        self._gate, self._checks_start = work_out_gate(self._body)

    @property
    def body(self) -> str:
        """The alternatives as written, to combine phrase lists."""
        return self._body

    @property
    def pattern(self) -> re.Pattern[str]:
        """The case-insensitive pattern with word boundaries, as written: for gates and odd text."""
        if self._pattern is None:
            self._pattern = regex(rf"(?<!\w)(?:{self._body})(?!\w)", re.IGNORECASE)
        return self._pattern

    def _compiled(self) -> re.Pattern[str]:
        if self._fast is None:
            self.gate  # noqa: B018 - finds the gate and decides on the look-behind
            lowered = self._body
            source = rf"(?:{lowered})(?!\w)" if self._checks_start else rf"(?<!\w)(?:{lowered})(?!\w)"
            self._fast = regex(source)
        return self._fast

    def finditer(self, text: str) -> Iterator[_Match]:
        fast = self._compiled()
        low = text.lower()
        if len(low) != len(text):
            for odd in self.pattern.finditer(text):
                yield _Match(text, odd)
            return
        position = 0
        while True:
            match = fast.search(low, position)
            if match is None:
                return
            start, end = match.span()
            if self._checks_start and start and (low[start - 1].isalnum() or low[start - 1] == "_"):
                position = start + 1  # inside a word: no whole-word match starts here
                continue
            yield _Match(text, match)
            position = end if end > start else start + 1

    def search(self, text: str) -> _Match | None:
        return next(self.finditer(text), None)


def work_out_gate(lowered: str) -> tuple[Gate, bool]:
    """The gate of a lower-case phrase body, from its parse tree, and whether the search drops the look-behind."""
    import re._parser as parser  # type: ignore[import-not-found]

    try:
        gate = Gate.from_items(list(parser.parse(rf"(?<!\w)(?:{lowered})(?!\w)", 0).data))
    except re.error:
        return Gate(frozenset(), (), always=True), False
    return gate, gate.starts_with_letters  # with a letter to skip to, the look-behind is checked after the search


def _lower_literals(body: str) -> str:
    """``body`` with its literal characters in lower case; escapes (``\\S``, ``\\W``) keep their case."""
    parts = _ESCAPE.split(body)
    return "".join(part if index % 2 else part.lower() for index, part in enumerate(parts))


_ESCAPE = regex(r"(\\.)", re.DOTALL)


def show_number(value: float) -> str:
    """A number as people write it: 60 rather than 60.0, at most two decimals; 1e+20 when huge."""
    if not math.isfinite(value) or abs(value) >= 1e15:
        return f"{value:.6g}"
    return f"{value:.2f}".rstrip("0").rstrip(".")


def joined(*texts: Text) -> str:
    """Every language of the texts as one folded string, for evidence that may sit in any of them."""
    return " ".join(" ".join(value.split()) for text in texts for _, value in text.located())


# A number as written in prose: "1.250" and "1,250" are thousands, "27,5" and "27.5" decimals.
_NUMBER = r"\d{1,3}(?:[.,]\d{3})+(?![.,]?\d)|\d+(?:[.,]\d+)?"


_THOUSANDS = regex(r"\d{1,3}(?:[.,]\d{3})+")
_PLAIN_NUMBER = regex(rf"(?<![\w.,/-])({_NUMBER})(?![\w/-]|\s*%|[.,]\d)")


def number(written: str) -> float:
    """The value of a number as matched by the patterns here, Dutch or English notation."""
    if _THOUSANDS.fullmatch(written):
        return float(written.replace(".", "").replace(",", ""))
    return float(written.replace(",", "."))


#: Numbers written as words, up to twenty, the ones claims use ("acht van de tien").
_WORDS = {
    "een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8,
    "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "one": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "twenty": 20, "twintig": 20,
}
_COUNT = rf"(?:{_NUMBER}|{'|'.join(_WORDS)})"
# A fraction written in words: a number word before "van"/"of"/"uit"/"out".
_WORD_FRACTION = regex(rf"\b(?:{'|'.join(_WORDS)})\s+(?:van|of|uit|out)\b", re.IGNORECASE)
_NUMBER_WORD = regex(rf"\b(?:{'|'.join(_WORDS)})\b", re.IGNORECASE)

# "9 van de 30", "9 van 30", "9 uit 30", "9 of the 30", "9 out of 30", "9 of 30", "9/30 participants".
_FRACTION = regex(
    rf"(?<![\w.,/-])({_COUNT})\s+(?:van\s+(?:de\s+|het\s+|onze\s+|deze\s+|alle\s+)?|uit\s+(?:de\s+)?"
    rf"|out\s+of\s+(?:the\s+|our\s+|all\s+)?|of\s+(?:the\s+|our\s+|these\s+|all\s+|this\s+year['’]s\s+)?)"
    rf"({_COUNT})(?![\w/%-]|[.,]\d)(?:\s+(\w+))?"
    rf"|(?<![\w.,/-])({_NUMBER})\s*/\s*({_NUMBER})(?![\w/%-]|[.,]\d)(?:\s+(\w+))?",
    )
# Units of time or money, or events, after a fraction make it no share of people ("8 van de 12
# maanden", "ten of the twelve sessions").
_NOT_PEOPLE = regex(
    r"(?:maand|week|weken|dag|dagen|jaar|jaren|uur|uren|minuten|month|week|day|year|hour|minute|euro|eur|km|kg"
    r"|sessie|session|bijeenkomst|lessen|lesson|meeting|workshop|dagdel|keer|times)\w*",
    re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Fraction:
    """A count out of a total written in prose, and where it stands in the text.

    ``split`` when the total and the count stand apart ("26 households; 14 of them", "Van de 21
    deelnemers zijn er vier doorgestroomd"): the count is then what happened to the total.
    """

    part: float
    whole: float
    written: str
    start: int
    split: bool = False
    noun: str | None = None  # the word after the total ("47 scholen"): what is counted, when said

    @property
    def share(self) -> float:
        return 100 * self.part / self.whole


# A rate said in words rather than as a percentage: "nine out of ten graduates", "acht op de
# tien", "one in three", "de helft", "two thirds", and everyone of a group: "every single trainee
# who finished", "iedereen die afrondde", "all of our graduates who". Each is searched by the
# words it ends with, which the search skips to, and the words before are read only there: a
# pattern that begins with a count or "every" is tried at every position, five times slower.
_RATIO = regex(rf"\s(?:out\s+of|in|op|van)\s+(?:the\s+|de\s+|every\s+|elke\s+)?"
                    rf"(?:(?!(?:19|20)\d\d\b)\d+|{'|'.join(_WORDS)})\b")
_COUNT_BEFORE = regex(rf"(?<![\w.,])(?:{_COUNT})$")
_PART_OR_ALL = regex(r"(?:helft|half\s+of|derde|thirds|driekwart|quarters|third|kwart|quarter|who|die"
                          r"|uitzondering|exception|uit|from)\b")
_PART_OR_ALL_WHOLE = regex(
    r"\b(?:de\s+helft|half\s+of|twee\s*derde|two[\s-]thirds|driekwart|three[\s-]quarters|een\s+derde|a\s+third"
    r"|een\s+kwart|a\s+quarter|every\s+(?:single\s+)?\w+\s+who|each\s+\w+\s+who|everyone\s+who"
    r"|all\s+(?:of\s+)?(?:the\s+|our\s+)?\w+\s+who|iedereen\s+die|alle\s+\w+\s+die|elke?\s+\w+\s+die"
    # "alle jongeren uit het traject hebben een vervolgplek": everyone of a group, a rate of 100%
    r"|alle\s+\w+\s+uit|all\s+(?:the\s+)?\w+\s+from"
    r"|zonder\s+uitzondering|without\s+exception)$")


def _ratio(match: re.Match[str]) -> bool:
    return _COUNT_BEFORE.search(match.string, max(0, match.start() - 16), match.start()) is not None


def _part_or_all(match: re.Match[str]) -> bool:
    return _PART_OR_ALL_WHOLE.search(match.string, max(0, match.start() - 40), match.end()) is not None


def shares_in_words(index: TextIndex) -> set[int]:
    """The ids of the owners whose (lower-case) texts state a rate in words: "nine out of ten", "every trainee who"."""
    return index.owners_with(_RATIO, _ratio) | index.owners_with(_PART_OR_ALL, _part_or_all)


COUNT = _COUNT  # a count in digits or words, for the rules' own patterns
NOT_PEOPLE = _NOT_PEOPLE


def count_value(written: str) -> float:
    """The value of a count as matched by ``COUNT``: digits or a number word ("vier", "six")."""
    return _count(written)


def _count(written: str) -> float:
    return float(_WORDS[written.lower()]) if written.lower() in _WORDS else number(written)


def has_numbers(text: str, *, words: bool = False) -> bool:
    """Whether ``text`` may give a count: a digit or a fraction in words ("drie van de vier").

    With ``words``, any number in words counts too ("calls with nine customers").
    """
    in_words = _NUMBER_WORD if words else _WORD_FRACTION
    return _DIGIT_CHARACTER.search(text) is not None or in_words.search(text) is not None


def fractions(text: str) -> list[Fraction]:
    """The fractions of people in ``text`` ("9 van de 30", "7 of 212", "9/30"), not of months or euros."""
    found: list[Fraction] = []
    if not has_numbers(text):
        return found
    # Searched in lower case: case-insensitive matching is several times slower in ``re``.
    low = text.lower()
    shown = text if len(low) == len(text) else low
    for match in _FRACTION.finditer(low):
        part, whole, noun = (match.group(1), match.group(2), match.group(3)) if match.group(1) else \
            (match.group(4), match.group(5), match.group(6))
        if noun and _NOT_PEOPLE.fullmatch(noun):
            continue
        part_value, whole_value = _count(part), _count(whole)
        if whole_value <= 0 or part_value > whole_value:
            continue
        found.append(Fraction(part_value, whole_value, shown[match.start():match.end()].strip(), match.start(),
                              noun=noun or None))
    return found + _split_fractions(low, shown)


# A total and a count that stand apart: "for 26 households; 14 of them had", "alle 24
# mantelzorgers; 14 van hen", "Van de 21 deelnemers zijn er in 2024 vier doorgestroomd",
# "Of the 26 households, 14 saw".
_OF_THEM = regex(rf"(?<![\w.,/-])({_COUNT})\s+(?:of\s+them|of\s+whom|van\s+hen|van\s+wie|daarvan|hiervan)\b")
_TOTAL_BEFORE = regex(rf"(?<![\w.,/%-])({_NUMBER})\s+(?!{_NOT_PEOPLE.pattern})[^\W\d]+")
_OF_THE_TOTAL = regex(rf"(?:^|[.;:!?]\s+)(?:van|of)\s+(?:de|the|alle|all|onze|our)\s+({_NUMBER})\s+"
                           rf"(?!{_NOT_PEOPLE.pattern})[^\W\d]+")
_COUNT_AFTER = regex(rf"(?<![\w.,/-])({_NUMBER}|{'|'.join(word for word in _WORDS if word not in ('een', 'one'))})"
                          rf"(?![\w/%]|[.,]\d|\s*(?:%|procent|percent))"
                          # a day of a date ("tussen 1 januari en 30 juni") counts nobody
                          r"(?!\s+(?:jan|feb|febr|maart|mrt|apr|april|mei|may|jun|juni|june|jul|juli|july|aug|sep|sept"
                          r"|okt|oct|oktober|october|nov|dec|januari|january|februari|february|march|augustus|august"
                          r"|september|november|december)\b)")
_SENTENCE_END = regex(r"[.;!?](?:\s|$)")


def _is_year(written: str) -> bool:
    return len(written) == 4 and written.isdigit() and 1950 <= int(written) <= 2099


def _split_fractions(low: str, shown: str) -> list[Fraction]:
    found: list[Fraction] = []
    if " of them" in low or " of whom" in low or " van hen" in low or " van wie" in low or "daarvan" in low \
            or "hiervan" in low:
        for match in _OF_THEM.finditer(low):
            window = low[max(0, match.start() - 160):match.start()]
            totals = [total for total in _TOTAL_BEFORE.finditer(window) if not _is_year(total.group(1))]
            if not totals:
                continue
            part, whole = _count(match.group(1)), number(totals[-1].group(1))
            if whole > 0 and part <= whole:
                total_start = max(0, match.start() - 160) + totals[-1].start()
                found.append(Fraction(part, whole, _quote(shown, total_start, totals[-1].end() - totals[-1].start(),
                                                          match.start(), match.end()), match.start(), True))
    if "van de " in low or "of the " in low or "van alle " in low or "of all " in low or " onze " in low \
            or " our " in low:
        for match in _OF_THE_TOTAL.finditer(low):
            end = _SENTENCE_END.search(low, match.end())
            rest = low[match.end():end.start() if end else len(low)]
            part_match = next((count for count in _COUNT_AFTER.finditer(rest) if not _is_year(count.group(1))), None)
            if part_match is None:
                continue
            part, whole = _count(part_match.group(1)), number(match.group(1))
            if whole > 0 and part <= whole:
                start = low.rfind(" ", 0, low.rfind(" ", 0, match.start(1) - 1)) + 1  # "van de 21", "of the 31"
                found.append(Fraction(part, whole, _quote(shown, start, match.end() - start,
                                                          match.end() + part_match.start(),
                                                          match.end() + part_match.end()), start, True))
    return found


def _quote(text: str, total_start: int, total_length: int, part_start: int, part_end: int) -> str:
    """The words that give a split fraction, shortened in the middle when far apart."""
    if part_end - total_start <= 80:
        return " ".join(text[total_start:part_end].split())
    return " ".join(text[total_start:total_start + total_length].split()) + " … " + text[part_start:part_end]


_PERCENTAGE = regex(r"(?<![\w.,])(\d+(?:[.,]\d+)?)\s*(?:%|(?:procent|percent|per\s+cent)\b)")
_DIGIT_CHARACTER = regex(r"\d")


def percentages(text: str) -> list[tuple[float, int]]:
    """Each percentage written in ``text`` with its position ("60%", "7,2 procent")."""
    return [(float(match.group(1).replace(",", ".")), match.start()) for match in _PERCENTAGE.finditer(text.lower())]


_YEAR = regex(r"(?<![\w.,/-])(19[5-9]\d|20\d\d)(?![\w/%-]|[.,]\d|\s*%)")


YEAR_PATTERN = _YEAR  # for searching all texts of an index at once
FRACTION_PATTERN = _FRACTION


def years(text: str) -> list[tuple[int, int]]:
    """Each year (1950-2099) written in ``text`` with its position; not inside a longer number or code."""
    return [(int(match.group(1)), match.start()) for match in _YEAR.finditer(text)]


def has_year_before(text: Text, first_year: int) -> bool:
    """Whether ``text`` names a year before ``first_year``: a cheap test before reading sentences."""
    return text.has_digits and any(year < first_year for year, _ in years(text.lowered))


_MONTHS = (r"jan(?:uari|uary)?|feb(?:ruari|ruary)?|m(?:aart|arch)|apr(?:il)?|m(?:ei|ay)|jun[ie]?|jul[iy]?"
           r"|aug(?:ustus|ust)?|sep(?:t|tember)?|o[ck]t(?:ober)?|nov(?:ember)?|dec(?:ember)?")
# "31 december 2025", "1 March", "2024", "12-03-2025", "2025-03-12": when, not how many.
_DATE = regex(rf"(?<![\w.,])\d{{1,2}}\s+(?:{_MONTHS})\b(?:\s+(?:19|20)\d\d)?"
                   r"|(?<![\w.,/-])(?:19|20)\d\d(?![\w.,/-]?\d)"
                   r"|(?<![\w.,])\d{1,2}[-/]\d{1,2}[-/](?:19|20)\d\d(?!\d)"
                   r"|(?<![\w.,])(?:19|20)\d\d-\d\d-\d\d(?!\d)",
                   re.IGNORECASE)


def without_dates(text: str) -> str:
    """``text`` with its dates and years blanked out (same length): what is left are amounts."""
    return _DATE.sub(lambda match: " " * len(match.group()), text) if _DIGIT_CHARACTER.search(text) else text


def counts(text: str) -> list[float]:
    """Every plain number in ``text`` (not percentages, years or parts of codes)."""
    values = []
    for match in _PLAIN_NUMBER.finditer(text):
        values.append(number(match.group(1)))
    return values


# -- the enterprise itself ----------------------------------------------------------------------

_LEGAL_FORMS = regex(
    r"\b(?:b\.?\s?v\.?|n\.?\s?v\.?|u\.?\s?a\.?|stichting|co[oö]peratie(?:ve)?|vereniging|v\.?o\.?f\.?|c\.?v\.?"
    r"|ltd|limited|inc|foundation|cooperative)(?=\s|$|[.,])", re.IGNORECASE)

#: Words that make a verifier, publisher or scheme the enterprise itself, its board or its owner.
SELF_WORDS = phrases(
    r"(?:onze|ons) eigen", r"eigen (?:\w+ )?(?:beoordeling|onderzoek|enqu[eê]te|evaluatie|criteria|toetsing|audit"
    r"|meting|monitoring|medewerkers|team|afdeling|keurmerk|normen|score|checklist|lijst|regels|standaard|toets)",
    # checked by someone of the enterprise: "checked by our green-coffee buyer", "van onze werkplaatschef"
    r"(?:by|door|van) (?:onze|ons|our) (?:[\w-]+ ){0,2}(?:buyers?|inkopers?|managers?|chef|\w+chef|medewerkers?"
    r"|employees?|staff|team|coördinator|coordinator|\w*manager|bedrijfsleider|leidinggevende|inspecteur|inspector)",
    r"zelf(?:evaluatie|beoordeling|toetsing|onderzoek|assessment)?", r"intern(?:e)?", r"in-?house",
    r"(?:our|its) own", r"self[- ](?:assessment|assessed|evaluation|declared|check)", r"internal(?:ly)?",
    r"(?:het |ons |onze )?(?:bestuur|directie|raad van bestuur|management ?team|mt)",
    r"(?:the |our )?(?:board|management|management team|owners?|founders?|directors?)",
    r"eigenaars?|eigenaren|oprichters?|directeur(?:-eigenaar)?|aandeelhouders?",
)


def _whole_word_at(text: str, word: str, start: int = 0) -> int | None:
    """Where ``word`` first stands in ``text`` as a whole word, from ``start``; None when nowhere."""
    place = text.find(word, start)
    while place != -1:
        before = text[place - 1] if place else " "
        after = text[place + len(word)] if place + len(word) < len(text) else " "
        if not (before.isalnum() or before == "_") and not (after.isalnum() or after == "_"):
            return place
        place = text.find(word, place + 1)
    return None


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
        # The word the registered and the trade name share is the brand: "Lindenberg" of "Lindenberg
        # Roasting Company B.V." and "Lindenberg Roasters" ("Lindenberg sourcing criteria").
        # Only a first word both start with, and no place: "Warm Huis Zeeland" shares "zeeland" with others.
        places = {(place or "").casefold() for place in (organisation.municipality, organisation.province)}
        if len(names) == 2 and names[0].split()[0] == names[1].split()[0]:
            brand = names[0].split()[0]
            if len(brand) >= 5 and brand not in _GENERIC_NAME_WORDS and brand not in places:
                names.append(brand)
        return cls(tuple(dict.fromkeys(names)))

    def named_in(self, text: str | None) -> bool:
        """Whether ``text`` names the enterprise, or is a shorter form of its name ("De Linde")."""
        if not text:
            return False
        folded = " ".join(_LEGAL_FORMS.sub(" ", text.casefold()).replace(".", " ").split())
        return any(_whole_word_at(folded, name) is not None
                   or (len(folded) >= 6 and _whole_word_at(name, folded) is not None) for name in self.names)

    def masked(self, text: str) -> str:
        """``text`` with the enterprise's names blanked out (same length), so its words are not read as claims."""
        if not self.names:
            return text
        # Compared word by word, folded, so "De Groene Bakker B.V." also hides "de groene  bakker".
        low = text.lower()
        if len(low) != len(text):
            return text
        for name in self.names:
            words = name.split()
            start = _whole_word_at(low, words[0])
            while start is not None:
                end, ok = start, True
                for word in words:
                    while end < len(low) and (low[end].isspace() or low[end] == "."):
                        end += 1
                    if not low.startswith(word, end):
                        ok = False
                        break
                    end += len(word)
                if ok and (end == len(low) or not (low[end].isalnum() or low[end] == "_")):
                    text = text[:start] + " " * (end - start) + text[end:]
                    low = low[:start] + " " * (end - start) + low[end:]
                start = _whole_word_at(low, words[0], start + 1)
        return text


# Words of a name that many enterprises share, so they do not stand for this one.
_GENERIC_NAME_WORDS = frozenset({
    "stichting", "coöperatie", "cooperatie", "vereniging", "groep", "group", "holding", "nederland", "bakkerij",
    "koffiebranderij", "kringloop", "werkbedrijf", "leerwerkbedrijf", "services", "company", "sociale", "social",
    "groene", "green", "energie", "energy", "zorg", "care", "foundation", "cooperative", "house", "huis",
    # words a claim uses, which a brand must not hide: "Duurzaam Wonen" is no reason to read "duurzaam" as a name
    "duurzaam", "duurzame", "groen", "eerlijk", "eerlijke", "circulair", "circulaire", "circular", "sociaal",
    "lokaal", "lokale", "local", "natuurlijk", "natural", "schoon", "schone", "clean", "fairtrade", "biologisch",
    "organic", "sustainable", "ethical", "wonen", "bouwen", "werken", "leren", "samen", "together", "goede", "good"})


def is_self(text: str | None, own: OwnName) -> str | None:
    """What in ``text`` makes it the enterprise itself (its name, "eigen", "board"), or None."""
    if not text:
        return None
    # Whom it was given to is not who made it: "Supermarktketen (regiokantoor), verstrekt aan De Tweede Korst".
    recipient = _GIVEN_TO.search(text)
    if recipient is not None and not _MADE_BY.search(text, recipient.end()):
        text = text[:recipient.start()]
    # "(no other work for Larvion)": the name in a statement of independence is not who checked
    text = _INDEPENDENCE_STATED.sub(lambda match: " " * len(match.group()), text)
    if own.named_in(text) and not _inside_another_name(text, own):
        return "the enterprise's own name"
    institution = _INSTITUTION.search(text) is not None
    if "anagement" in text:
        text = _DISCIPLINE.sub(lambda match: " " * len(match.group()), text)
    for match in SELF_WORDS.finditer(text):
        # A role in a text that names an institution is that institution's, or part of its name
        # ("Instituut voor Management Research"); "our board" stays the enterprise's.
        if institution and _BARE_ROLE.fullmatch(match.group()):
            continue
        return f'"{match.group()}"'
    return None


# Management as a discipline, not as the people who run the enterprise: "ISO 14001
# environmental management systems", "kwaliteitsmanagement", "a management system standard".
_DISCIPLINE = regex(r"\b(?:environmental|quality|energy|safety|risk|asset|facility|waste|information security"
                    r"|milieu|kwaliteits?|energie|veiligheids?|risico|afval)[\s-]*management\w*"
                    r"|\bmanagement[\s-]*(?:systems?|systeem|systemen|standards?|norm\w*)\b", re.IGNORECASE)
# Data handed to the enterprise by someone else; work done "in opdracht van" it stays commissioned by it.
_MADE_BY = regex(r"\b(?:door|by)\b", re.IGNORECASE)  # "sent to the municipality by <the enterprise>"
_GIVEN_TO = regex(r"\b(?:verstrekt|geleverd|gegeven|toegestuurd|aangeleverd) aan\b"
                  r"|\b(?:provided|supplied|given|sent|delivered) to\b", re.IGNORECASE)
_INSTITUTION = regex(r"\b(?:universiteit|university|hogeschool|instituut|institute|academie|academy|rekenkamer"
                          r"|planbureau|kennisinstituut|kenniscentrum"
                          # a public body's department: "Municipality of Eindhoven, contract management"
                          r"|gemeente|municipality|provincie|province|ministerie|ministry|waterschap|uwv)\b",
                          re.IGNORECASE)
_INDEPENDENCE_STATED = regex(
    r"\b(?:no (?:other )?(?:work|ties|links?|relation\w*|connection) (?:for|with|to)|independent (?:of|from)"
    r"|not (?:affiliated|connected) (?:with|to)|onafhankelijk van|geen (?:ander(?:e)? )?(?:werk|opdrachten|banden?"
    r"|band|relatie|binding) (?:voor|met))\b[^()]*", re.IGNORECASE)
_CAPITALISED_WORD = regex(r"[A-Z][\w'’-]*")


def _inside_another_name(text: str, own: OwnName) -> bool:
    """Whether the enterprise's one-word name stands only inside another body's name ("Examencentrum Veilig Vakwerk").

    A capitalised word right before it that is no legal form and no part of the enterprise's
    names makes it part of a name of its own.
    """
    single = [name for name in own.names if " " not in name]
    if not single or any(_whole_word_at(" ".join(text.casefold().split()), name) is not None
                         for name in own.names if " " in name):
        return False
    found = False
    for name in single:
        for match in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text, re.IGNORECASE):
            found = True
            before = text[:match.start()].split()
            word = before[-1] if before else ""
            # the word before must itself stand inside the text ("The Sailbound standard" starts a sentence)
            inside = len(before) >= 2 and not before[-2].endswith((".", "!", "?", ":"))
            if not (inside and _CAPITALISED_WORD.fullmatch(word) and not _LEGAL_FORMS.fullmatch(word)
                    and all(word.casefold() not in own_name.split() for own_name in own.names)):
                return False
    return found


_BARE_ROLE = regex(r"(?:het |the )?(?:bestuur|directie|raad van bestuur|management ?team|mt|board|management"
                        r"|owners?|founders?|directors?|eigenaars?|eigenaren|oprichters?|directeur|aandeelhouders?)",
                        re.IGNORECASE)


_SENTENCE_BREAK = regex(r"(?<=[.!?;])\s+(?=[A-Z0-9\"'“‘(])")


def sentences(text: str) -> list[str]:
    return _SENTENCE_BREAK.split(text)


#: References to the UN goals name targets that are no commitment of the enterprise and no
#: figure of its own: "target 8.5 of the Sustainable Development Goals", "SDG-doel 8", "subdoel 12.3".
SDG_REFERENCE = Phrases(r"(?:sdg[- ]?)?(?:targets?|doel|doelen|subdoel|subdoelen|goals?|ambitie)\s+\d{1,2}"
                        r"(?:\.\w{1,2})?|sdg[- ]?(?:targets?|doel|doelen|goals?)?\s*\d{1,2}(?:\.\w{1,2})?")


def without_sdg_references(text: str) -> str:
    """``text`` with references to SDG goals and targets blanked out, so "8.5" is no figure."""
    if not _DIGIT_CHARACTER.search(text):
        return text
    for match in list(SDG_REFERENCE.finditer(text))[::-1]:
        start, end = match.span()
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def quoted(words: Iterable[str]) -> str:
    return ", ".join(f'"{word}"' for word in words)


# -- gates: the words without which a pattern cannot match ----------------------------------------
#
# Python's regular expressions scan slowly with IGNORECASE and a look-behind in front: about 5 µs
# per pattern per sentence, which over thirty rules costs more than reading the statement. A
# gate is derived from the pattern itself: the first word each alternative must begin with. A
# text whose words (``Text.words``, computed once per text) share none of them cannot match, so
# the regular expression only runs on the few texts that might.

_MAX_CANDIDATES = 400


@dataclass(frozen=True, slots=True)
class Gate:
    """Whole words and word beginnings of which a match must start with one; ``always`` when unknown."""

    words: frozenset[str]
    beginnings: tuple[str, ...]
    always: bool = False
    digits: bool = False  # an alternative begins with a digit: any number opens the gate

    @classmethod
    def of(cls, pattern: re.Pattern[str]) -> Gate:
        return cls.parse(pattern.pattern, pattern.flags)

    @classmethod
    def parse(cls, source: str, flags: int) -> Gate:
        """The gate of a pattern, from its parse tree (no compiling needed)."""
        import re._parser as parser

        try:
            return cls.from_items(list(parser.parse(source, flags).data))
        except re.error:
            return cls(frozenset(), (), always=True)

    @classmethod
    def from_items(cls, items: list[tuple[Any, Any]]) -> Gate:
        try:
            candidates = _expand(items, "")
        except _Unbounded:
            return cls(frozenset(), (), always=True)
        words, beginnings, digits = set(), set(), False
        for literal, complete in candidates:
            if literal == _DIGIT:
                digits = True
                continue
            match = re.match(r"\w+", literal)
            if match is None:
                if not literal:
                    return cls(frozenset(), (), always=True)
                beginnings.add(literal)  # starts with a sign ("+", "%"): look for it as it is
            elif match.end() < len(literal) or complete:
                words.add(match.group())
            else:
                beginnings.add(match.group())
        return cls(frozenset(words), tuple(sorted(beginnings)), digits=digits)

    @property
    def starts_with_letters(self) -> bool:
        """Whether every alternative starts with a literal word character, so ``re`` can skip to it."""
        return not self.always and not self.digits and \
            all(word[:1].isalnum() for word in (*self.words, *self.beginnings))

    def open(self, *texts: Text) -> bool:
        """Whether the pattern may match in one of ``texts``."""
        return self.always or any(self.admits(text.lowered, text.words) for text in texts)

    def admits(self, lowered: str, words: AbstractSet[str]) -> bool:
        """Whether the pattern may match in a lower-case text whose words are ``words``."""
        if self.always or not self.words.isdisjoint(words) or (self.digits and _DIGIT_CHARACTER.search(lowered)):
            return True
        return bool(self.beginnings) and any(beginning in lowered for beginning in self.beginnings)


class _Unbounded(Exception):
    """A pattern with too many alternatives to list: it gets no gate."""


def _expand(items: list[tuple[Any, Any]], literal: str) -> set[tuple[str, bool]]:
    """The literal beginnings of every match of ``items`` after ``literal``, each with whether it is complete.

    Complete means the pattern ends there (phrases add a word boundary after it), so the word
    stands alone; otherwise more word characters may follow.
    """
    from re._constants import (  # type: ignore[import-not-found]
        ASSERT,
        ASSERT_NOT,
        AT,
        BRANCH,
        LITERAL,
        MAX_REPEAT,
        MIN_REPEAT,
        POSSESSIVE_REPEAT,
        SUBPATTERN,
    )

    for index, (op, argument) in enumerate(items):
        rest = items[index + 1:]
        if op is LITERAL:
            literal += chr(argument).lower()
            if len(literal) >= 24:
                return {(literal, False)}
        elif op in (AT, ASSERT, ASSERT_NOT):
            continue
        elif op is SUBPATTERN:
            return _expand(list(argument[3].data) + rest, literal)
        elif op is BRANCH:
            found: set[tuple[str, bool]] = set()
            for branch in argument[1]:
                found |= _expand(list(branch.data) + rest, literal)
                if len(found) > _MAX_CANDIDATES:
                    raise _Unbounded
            return found
        elif op in (MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT):
            least, most, repeated = argument
            if literal and _no_word_characters(list(repeated.data)):
                # White space or hyphens end the word so far ("minimum\s*loon" may also be "minimumloon").
                ended = {(literal + " ", False)}
                return ended | _expand(rest, literal) if least == 0 else ended
            if most == 1:  # "?" or exactly once: both ways are finite
                found = _expand(list(repeated.data) + rest, literal)
                if least == 0:
                    found |= _expand(rest, literal)
                return found
            once = {(text, False) for text, _ in _expand(list(repeated.data), literal)}
            return once | _expand(rest, literal) if least == 0 else once
        elif not literal and _digits_only(op, argument):
            return {(_DIGIT, False)}
        elif literal and _no_word_characters([(op, argument)]):
            return {(literal + " ", False)}
        else:  # a class, a category, any character: the literal ends here
            return {(literal, False)}
    return {(literal, True)}


_DIGIT = "\x00digit"  # marks a match that begins with a digit


def _no_word_characters(items: list[tuple[Any, Any]]) -> bool:
    """Whether every item is one character that is no word character: white space, a hyphen."""
    from re._constants import CATEGORY, CATEGORY_SPACE, IN, LITERAL

    for op, argument in items:
        if op is LITERAL:
            if re.match(r"\w", chr(argument)):
                return False
        elif op is IN:
            for inner, value in argument:
                if inner is LITERAL and re.match(r"\w", chr(value)):
                    return False
                if inner is CATEGORY and value is not CATEGORY_SPACE:
                    return False
                if inner not in (LITERAL, CATEGORY):
                    return False
        else:
            return False
    return True


def _digits_only(op: Any, argument: Any) -> bool:
    from re._constants import CATEGORY, CATEGORY_DIGIT, IN, MAX_REPEAT, RANGE

    if op is IN:
        return all((inner is CATEGORY and value is CATEGORY_DIGIT) or (inner is RANGE and value[0] >= ord("0")
                   and value[1] <= ord("9")) for inner, value in argument)
    if op is MAX_REPEAT:
        least, _, repeated = argument
        return bool(least) and len(repeated.data) == 1 and _digits_only(*repeated.data[0])
    return False


@cache
def gate(pattern: re.Pattern[str] | Phrases) -> Gate:
    """The gate of a pattern, derived once."""
    return pattern.gate if isinstance(pattern, Phrases) else Gate.of(pattern)


def speaks_of_percentages(text: Text) -> bool:
    """Whether ``text`` may state a percentage ("%", "procent", "percent"): a cheap test first."""
    low = text.lowered
    return text.has_digits and ("%" in low or "procent" in low or "percent" in low or "per cent" in low)


def may_match(pattern: re.Pattern[str] | Phrases, *texts: Text) -> bool:
    """Whether ``pattern`` may match in one of ``texts``: False is certain, True only possible."""
    return gate(pattern).open(*texts)


# -- searching all texts of one kind at once -------------------------------------------------------
#
# A rule that looks at every claim calls a search per claim and per language: thirty rules and a
# dozen claims make hundreds of calls per statement, and in Python the calls cost more than the
# searching. An index joins the texts of one kind (the claims' texts, the metrics' names, their
# methods and data sources) into one string, so each pattern is searched once per statement, and
# a rule visits only the texts it found something in.

_SEPARATOR = "\x00"  # no pattern matches it: \s, \w and the literals of the phrases all exclude it


@dataclass(frozen=True, slots=True)
class Hit:
    """A phrase found in one language of one text: its owner (a claim, a metric), path and folded text."""

    owner: object
    path: Path
    text: str
    match: _Match


class TextIndex:
    """Texts of one kind, each language folded, searched together; what a pattern finds is kept."""

    __slots__ = ("_found", "_joined", "_lowered", "_owners", "_paths", "_starts", "_texts", "_words")

    def __init__(self, items: Iterable[tuple[object, Text]]) -> None:
        owners, paths, texts, starts = [], [], [], []
        offset = 0
        for owner, text in items:
            for path, value in text.located():
                folded = " ".join(value.split())
                owners.append(owner)
                paths.append(path)
                texts.append(folded)
                starts.append(offset)
                offset += len(folded) + 1
        self._owners, self._paths, self._texts, self._starts = owners, paths, texts, starts
        self._joined = _SEPARATOR.join(texts)
        self._lowered = self._joined.lower()
        self._words: frozenset[str] | None = None
        self._found: dict[int, list[Hit]] = {}

    @property
    def words(self) -> frozenset[str]:
        if self._words is None:
            self._words = frozenset(_WORD_RUN.findall(self._lowered))
        return self._words

    @property
    def lowered(self) -> str:
        return self._lowered

    @property
    def has_digits(self) -> bool:
        return _DIGIT_CHARACTER.search(self._lowered) is not None

    def may_match(self, pattern: Phrases) -> bool:
        found = pattern.gate
        if found.always:
            return True
        if not found.words.isdisjoint(self.words) or (found.digits and _DIGIT_CHARACTER.search(self._lowered)):
            return True
        return any(beginning in self._lowered for beginning in found.beginnings)

    def hits(self, pattern: Phrases) -> list[Hit]:
        """Every match of ``pattern``, in text order, each in the text (and language) it stands in."""
        key = id(pattern)
        if key in self._found:
            return self._found[key]
        hits: list[Hit] = []
        if self.may_match(pattern):
            if len(self._lowered) != len(self._joined):  # a rare letter changes length in lower case
                for index, text in enumerate(self._texts):
                    hits += [Hit(self._owners[index], self._paths[index], text, match)
                             for match in pattern.finditer(text)]
            else:
                alone: set[int] = set()
                for match in pattern.finditer(self._joined):
                    index = bisect.bisect_right(self._starts, match.start()) - 1
                    start, text = self._starts[index], self._texts[index]
                    if index in alone:
                        continue
                    if match.end() <= start + len(text):
                        hits.append(Hit(self._owners[index], self._paths[index], text,
                                        _Match(text, match._match, start)))
                    else:  # a pattern with \S or a negated class ran past the text: search it alone
                        alone.add(index)
                        hits += [Hit(self._owners[index], self._paths[index], text, local)
                                 for local in pattern.finditer(text)]
        self._found[key] = hits
        return hits

    def owners(self, pattern: Phrases) -> set[int]:
        """The ids of the owners in whose texts ``pattern`` is found."""
        return {id(hit.owner) for hit in self.hits(pattern)}

    def owners_with(self, regex: re.Pattern[str], keep: Callable[[re.Match[str]], bool] | None = None,
                    *, lowered: bool = True) -> set[int]:
        """The ids of the owners in whose texts ``regex`` matches (and ``keep`` accepts the match).

        Searched once over all texts; ``regex`` must not match across texts (no ``\\S``, no
        negated class that takes the separator). ``lowered`` searches the lower-case texts.
        """
        found: set[int] = set()
        for match in regex.finditer(self._lowered if lowered else self._joined):
            if keep is None or keep(match):
                found.add(id(self._owners[bisect.bisect_right(self._starts, match.start()) - 1]))
        return found


_WORD_RUN = regex(r"\w+")


def memo(owner: object, key: str, make: Callable[[], T]) -> T:
    """``make()`` computed once per ``owner`` (a statement or a text), kept in its ``__dict__``.

    The model's parts are frozen dataclasses with a ``__dict__``, as ``functools.cached_property``
    needs; the rules keep what they derive from a statement there, under a key of their own.
    """
    cache = owner.__dict__
    if key not in cache:
        cache[key] = make()
    return cast(T, cache[key])


def claim_index(statement: Statement) -> TextIndex:
    """The claims' texts of a statement, searched together."""
    return memo(statement, "_rules_claims", lambda: TextIndex((claim, claim.text) for claim in statement.claims))


def metric_name_index(statement: Statement) -> TextIndex:
    """The metrics' names of a statement, searched together."""
    return memo(statement, "_rules_metric_names",
                lambda: TextIndex((metric, metric.name) for metric in statement.metrics))


def metric_detail_index(statement: Statement) -> TextIndex:
    """The metrics' methods and data sources of a statement, searched together."""
    return memo(statement, "_rules_metric_details", lambda: TextIndex(
        (metric, text) for metric in statement.metrics for text in (metric.method, metric.data_source)))


# -- a part named by its own name -------------------------------------------------------------

# A capitalised word inside a sentence, or one with a capital inside it anywhere ("ReSpun").
_CAPITALISED = regex(r"(?<![.!?:]\s)(?<!^)\b[A-Z][\w-]{2,}|\b[A-Z][a-z]+[A-Z][\w-]*")
_NAME_WORDS = regex(r"[^\W\d_][\w-]{3,}")
# How many first letters make two words the same word: "leerling" and "leerlingen", "gebruikt" and
# "gebruikte", "stroom" in "zonnestroom".
STEM = 5
_ALL_OF = regex(r"\b(?:all|alle|al)\s+(?:of\s+)?(?:our|onze|ons|the|de|het)\b")  # "all our yarn": the whole


def _stems(text: Text) -> set[str]:
    return {word.lower()[:STEM] for _, name in text.located() for word in _NAME_WORDS.findall(name)}


def names_the_part_by_name(text: str, part: Metric, total: Metric) -> bool:
    """Whether ``text`` names ``part`` by a proper name and says nothing of its total ("ReSpun 100", "Spandoek").

    A claim about one product line that calls it by its name ("ReSpun 100 yarn is made of 100%
    recycled fibres") is about that line, not about all that the line is part of. Only a name
    written with a capital inside a sentence counts: "recycled" in "our jacket is 100% recycled"
    is what the claim says of the whole, not a name. A claim that also uses a word of the total's
    own name ("Zonnig Zwolle levert zijn leden 100% Zwolse zonnestroom", the total being all
    "stroomlevering aan leden"), or says "all our", speaks of the whole.
    """
    of_part, of_total = _stems(part.name), _stems(total.name)
    lowered = text.lower()
    if _ALL_OF.search(lowered) or any(stem in lowered for stem in of_total - of_part):
        return False
    if _EXAMPLE_OF.search(lowered):
        return False  # "our yarns, such as ReSpun 100": the line is an example of the whole
    # the name itself as written: "Spandoek" names the bag line even when its total lists "spandoeken";
    # a name with a number goes with its number ("ReSpun 100", not "ReSpun yarns")
    named = _words(part.name) - _words(total.name)
    numbered = {match.group(1).lower(): match.group(2) for _, name in part.name.located()
                for match in _NAME_AND_NUMBER.finditer(name)}
    return any(word.group().lower() in named and (
        word.group().lower() not in numbered
        or text[word.end():].lstrip().startswith(numbered[word.group().lower()]))
        for word in _CAPITALISED.finditer(text))


_EXAMPLE_OF = regex(r"\b(?:such as|like|zoals|bijvoorbeeld|for example|e\.g\.|waaronder|including)\b")
_NAME_AND_NUMBER = regex(r"([^\W\d_][\w-]{2,})\s+(\d+)\b")


def _words(text: Text) -> set[str]:
    return {word.lower() for _, name in text.located() for word in _NAME_WORDS.findall(name)}
