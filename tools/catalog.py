"""Keeps the Dutch message catalog in step with the code: extract, update the .po, compile the .mo (``make catalog``).

Run after adding or changing a message marked with ``_()``, ``ngettext()`` or ``N_()``. New
messages come into ``impactclaim/locale/nl/LC_MESSAGES/impactclaim.po`` untranslated; translate
them there, run this again to compile, and ``tests/test_i18n.py`` passes once none is missing.
Messages that left the code are dropped from the catalog, so it holds what the code says.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "impactclaim"
PO = PACKAGE / "locale" / "nl" / "LC_MESSAGES" / "impactclaim.po"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}


def extracted() -> Catalog:
    """Every marked message of the package's Python code, and every title and description of the schemas.

    The schemas' descriptions are the hints of schema findings ("organisation is missing
    kvk_number: The 8-digit registration number ...") and the field reference, so they are
    translated with the rest.
    """
    catalog = Catalog(project="impactclaim", domain="impactclaim", charset="utf-8")
    for filename, line, message, comments, context in extract_from_dir(
            str(PACKAGE), method_map=[("**.py", "python"), ("**.j2", "jinja2")], keywords=KEYWORDS,
            comment_tags=("Translators:",)):
        catalog.add(message, locations=[(f"impactclaim/{filename}", line)], auto_comments=comments, context=context)
    for schema in sorted((ROOT / "schemas").glob("*/statement.schema.json")):
        where = str(schema.relative_to(ROOT))
        for pointer, text in _schema_texts(json.loads(schema.read_text(encoding="utf-8"))):
            catalog.add(text, locations=[(where, 0)], auto_comments=[pointer] if text not in catalog else [])
    return catalog


def _schema_texts(node: Any, pointer: str = "") -> Iterator[tuple[str, str]]:
    """Every ``title`` and ``description`` of a JSON Schema, with the JSON pointer of where it stands."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("title", "description") and isinstance(value, str):
                yield f"{pointer}/{key}", value
            else:
                yield from _schema_texts(value, f"{pointer}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _schema_texts(value, f"{pointer}/{index}")


def read_catalog(path: Path = PO) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale="nl", domain="impactclaim")


def compiled(catalog: Catalog) -> bytes:
    """The .mo of ``catalog``; fuzzy entries are left out, as gettext does."""
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def update() -> int:
    template = extracted()
    catalog = read_catalog() if PO.exists() else Catalog(locale="nl", domain="impactclaim", project="impactclaim")
    created = catalog.creation_date
    catalog.update(template, no_fuzzy_matching=True)
    catalog.creation_date = created  # a date that changed on every run would change the .mo on every run
    catalog.obsolete.clear()
    catalog.fuzzy = False  # the header: a catalog whose every message is checked is no draft
    catalog.project, catalog.version = "impactclaim", ""
    catalog.msgid_bugs_address = ""
    catalog.last_translator = "impactclaim developers"
    catalog.language_team = "Dutch"
    catalog.copyright_holder = "impactclaim developers"
    PO.parent.mkdir(parents=True, exist_ok=True)
    with PO.open("wb") as handle:
        write_po(handle, catalog, width=100, omit_header=False, sort_output=False, include_previous=False)
    PO.with_suffix(".mo").write_bytes(compiled(read_catalog()))
    missing = [message.id for message in read_catalog() if message.id and (message.fuzzy or not _translated(message))]
    sys.stdout.write(f"{PO.relative_to(ROOT)}: {len(template)} messages, {len(missing)} untranslated or fuzzy\n")
    return 1 if missing else 0


def _translated(message: Message) -> bool:
    """Whether every form of ``message`` has its translation (a plural has one per form)."""
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return all(strings)


if __name__ == "__main__":
    sys.exit(update())
