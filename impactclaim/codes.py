"""The catalogue of finding codes raised by the loader and the schema check.

Claim-quality rules have codes of their own (IC1xx) in ``impactclaim.rules``; the codes here
are stable and documented so that reporters (SARIF, JUnit) can describe them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Code:
    """A stable finding code with a slug and a one-line description."""

    code: str
    slug: str
    summary: str


UNREADABLE = Code("IC001", "unreadable-file", "The path cannot be read as a file.")
TOO_LARGE = Code("IC002", "file-too-large", "The file is larger than the size limit.")
ENCODING = Code("IC003", "bad-encoding", "The file is not UTF-8 text.")
SYNTAX = Code("IC004", "yaml-syntax", "The file is not valid YAML.")
EMPTY = Code("IC005", "empty-document", "The file holds no statement.")
MULTIPLE_DOCUMENTS = Code("IC006", "multiple-documents", "The file holds more than one YAML document.")
ROOT_NOT_MAPPING = Code("IC007", "root-not-mapping", "The statement is not a mapping of keys to values.")
DUPLICATE_KEY = Code("IC008", "duplicate-key", "A key appears twice in the same mapping.")
UNSUPPORTED_TAG = Code("IC009", "unsupported-tag", "A YAML tag other than the core ones is used.")
ALIAS_LIMIT = Code("IC010", "alias-limit", "Aliases expand beyond the limit, recurse or are undefined.")
TOO_DEEP = Code("IC011", "nesting-too-deep", "Mappings and sequences are nested deeper than the limit.")
COMPLEX_KEY = Code("IC012", "complex-key", "A mapping key is not a plain scalar.")
SCHEMA_VERSION = Code("IC020", "schema-version", "The schema_version is missing or not supported.")
SCHEMA = Code("IC021", "schema", "The statement does not match the statement schema.")
NO_EMBEDDED_STATEMENT = Code("IC206", "no-embedded-statement", "The PDF carries no embedded impact statement.")
UNREADABLE_PDF = Code("IC207", "unreadable-pdf", "The file is not a readable PDF.")
UNUSED_SILENCE = Code("IC030", "stale-silence", "An ignore comment names no rule, or silences nothing.")

BUILTIN_CODES: dict[str, Code] = {
    code.code: code
    for code in (
        UNREADABLE,
        TOO_LARGE,
        ENCODING,
        SYNTAX,
        EMPTY,
        MULTIPLE_DOCUMENTS,
        ROOT_NOT_MAPPING,
        DUPLICATE_KEY,
        UNSUPPORTED_TAG,
        ALIAS_LIMIT,
        TOO_DEEP,
        COMPLEX_KEY,
        SCHEMA_VERSION,
        SCHEMA,
        UNUSED_SILENCE,
        NO_EMBEDDED_STATEMENT,
        UNREADABLE_PDF,
    )
}
