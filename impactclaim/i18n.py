"""The language of messages, hints and summaries (Dutch or English), and their translation through gettext catalogs.

The language is, in this order: the one chosen on the command line (``--lang``, through
:func:`choose`), else ``IMPACTCLAIM_LANG``, else the user's locale (``LC_ALL``,
``LC_MESSAGES``, ``LANG``), else the language of the statement being checked, else English.
Codes, JSON keys and the structure of JSON, SARIF and JUnit reports are never translated; only
the words people read are.

Messages are written in English in the code, marked with ``_()`` (or ``ngettext()`` where a
count decides the form), with named placeholders filled in after translation:
``_("claim '{claim}' has no basis").format(claim=claim.id)``. The Dutch catalog is
``impactclaim/locale/nl/LC_MESSAGES/impactclaim.po``; ``make catalog`` extracts new messages into
it and compiles it, and ``tests/test_i18n.py`` fails on a message that is missing, fuzzy or
untranslated there.
"""

from __future__ import annotations

import contextlib
import gettext as _gettext
import os
import re
from collections.abc import Iterator
from contextvars import ContextVar
from functools import cache
from pathlib import Path

LANGUAGES = ("en", "nl")
DOMAIN = "impactclaim"
LOCALE_DIR = Path(__file__).parent / "locale"

_chosen: str | None = None  # from the command line
_active: ContextVar[str | None] = ContextVar("impactclaim_language", default=None)


def normalise(language: str | None) -> str | None:
    """``nl``, ``nl_NL.UTF-8``, ``Dutch`` or ``EN`` as one of LANGUAGES, or None."""
    if not language:
        return None
    code = language.strip().lower().replace("-", "_")
    if code.startswith(("nl", "dutch", "nederlands")):
        return "nl"
    if code.startswith(("en", "english", "engels")):
        return "en"
    return None


def choose(language: str | None) -> None:
    """The language the command line chose for this process (None: decide by environment and statement)."""
    global _chosen
    _chosen = normalise(language)


def configured() -> str | None:
    """The language chosen on the command line, by IMPACTCLAIM_LANG or by the locale; None when none says."""
    if _chosen is not None:
        return _chosen
    explicit = normalise(os.environ.get("IMPACTCLAIM_LANG"))
    if explicit is not None:
        return explicit
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:  # the first one set decides, as in the C library; "C" and "POSIX" name no language
            return normalise(value)
    return None


def current() -> str:
    """The language messages are written in now."""
    return _active.get() or configured() or "en"


@contextlib.contextmanager
def using(language: str | None) -> Iterator[None]:
    """Messages in ``language`` (when it is one of LANGUAGES) within the block; otherwise as before."""
    token = _active.set(normalise(language) or _active.get())
    try:
        yield
    finally:
        _active.reset(token)


@contextlib.contextmanager
def for_statement(raw: bytes) -> Iterator[None]:
    """Messages about one statement file: the configured language, else the statement's own."""
    with using(configured() or statement_language(raw)):
        yield


_LANGUAGE_LINE = re.compile(rb"^language:[ \t]*[\"']?([A-Za-z]{2})\b", re.MULTILINE)


def statement_language(raw: bytes) -> str | None:
    """The ``language:`` of a statement, read from its text: also when the YAML is broken further on."""
    found = _LANGUAGE_LINE.search(raw[:65536])
    return normalise(found.group(1).decode("ascii")) if found else None


@cache
def _catalog(language: str) -> _gettext.NullTranslations:
    return _gettext.translation(DOMAIN, LOCALE_DIR, languages=[language], fallback=True)


def _(message: str) -> str:
    """``message`` in the current language."""
    language = current()
    return message if language == "en" else _catalog(language).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of ``singular``/``plural`` for ``count``, in the current language."""
    language = current()
    if language == "en":
        return singular if count == 1 else plural
    return _catalog(language).ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Marks ``message`` for the catalog without translating it now (it is translated where it is shown)."""
    return message


def number(value: int) -> str:
    """A whole number with the current language's thousands separator: 1,048,576 or 1.048.576."""
    shown = f"{value:,}"
    return shown.replace(",", ".") if current() == "nl" else shown
