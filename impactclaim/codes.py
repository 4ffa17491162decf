"""Every finding code that is not a claim-quality rule: loading (IC00x), schema (IC02x), silences, rendering (IC2xx).

Claim-quality rules (IC1xx) are classes in ``impactclaim.rules``; ``impactclaim.catalogue``
joins both into the one catalogue that ``impactclaim rules``, ``--select``/``--ignore``,
silences, SARIF and the README table come from.
"""

from __future__ import annotations

from dataclasses import dataclass

from impactclaim.findings import Severity


@dataclass(frozen=True, slots=True)
class Code:
    """A stable finding code with a slug, a one-line summary and what to do about it.

    ``ignorable`` is False for the codes that stop a statement from being checked at all (it
    cannot be read, is no YAML, does not match its schema): ignoring those would pass a file
    nobody has checked.
    """

    code: str
    slug: str
    summary: str
    documentation: str = ""
    severity: Severity = Severity.ERROR
    ignorable: bool = True
    stage: str = "load"  # load, schema, silence or render: what emits it


def _fatal(code: str, slug: str, summary: str, documentation: str, stage: str = "load") -> Code:
    return Code(code, slug, summary, documentation, Severity.ERROR, ignorable=False, stage=stage)


UNREADABLE = _fatal("IC001", "unreadable-file", "The path cannot be read as a file.",
                    "The path is missing, a folder, unreadable for this user, or a link that leads nowhere. "
                    "Check the file name and its permissions.")
TOO_LARGE = _fatal("IC002", "file-too-large", "The file is larger than the size limit.",
                   "A statement is a few kilobytes; files above --max-bytes (default 5 MiB) are refused unread, "
                   "so a stranger's file cannot exhaust memory. Raise --max-bytes only for a file you trust.")
ENCODING = _fatal("IC003", "bad-encoding", "The file is not UTF-8 text.",
                  "Statements are UTF-8 text. Save the file as UTF-8 in your editor (a UTF-8 byte order mark "
                  "is fine); UTF-16, UTF-32, NUL bytes and binary content are refused.")
SYNTAX = _fatal("IC004", "yaml-syntax", "The file is not valid YAML.",
                "The YAML cannot be parsed at the line shown: look for wrong indentation, a tab, a missing "
                "space after a colon or an unclosed quote.")
EMPTY = _fatal("IC005", "empty-document", "The file holds no statement.",
               "The file is empty or holds only comments. Start from the minimal statement in the README.")
MULTIPLE_DOCUMENTS = _fatal("IC006", "multiple-documents", "The file holds more than one YAML document.",
                            "One file holds one statement: remove the '---' lines that start further documents, "
                            "or split them into files of their own.")
ROOT_NOT_MAPPING = _fatal("IC007", "root-not-mapping", "The statement is not a mapping of keys to values.",
                          "A statement starts with keys such as 'schema_version:' at the left margin, not with a "
                          "list item or a single value.")
DUPLICATE_KEY = _fatal("IC008", "duplicate-key", "A key appears twice in the same mapping.",
                       "YAML would silently keep one of the two values. Remove or rename one of them.")
UNSUPPORTED_TAG = _fatal("IC009", "unsupported-tag", "A YAML tag other than the core ones is used.",
                         "Tags such as !!binary, !!python/object or !custom are refused: a statement holds only "
                         "text, numbers, true/false, lists and mappings.")
ALIAS_LIMIT = _fatal("IC010", "alias-limit", "Aliases expand beyond the limit, recurse or are undefined.",
                     "Anchors and aliases (&name, *name) may repeat a value, but not expand past 10,000 values, "
                     "refer to themselves, or name an anchor that does not exist.")
TOO_DEEP = _fatal("IC011", "nesting-too-deep", "Mappings and sequences are nested deeper than the limit.",
                  "No statement needs more than 64 levels of nesting; deeper files are refused.")
COMPLEX_KEY = _fatal("IC012", "complex-key", "A mapping key is not a plain scalar.",
                     "Keys are plain words such as 'name:'; a list or mapping as a key ('? [a, b]') is refused.")
SCHEMA_VERSION = _fatal("IC020", "schema-version", "The schema_version is missing or not supported.",
                        "Every statement starts with schema_version: \"1.1\" (quoted). The version decides which "
                        "schema checks the statement; 'impactclaim migrate' moves a statement to a newer one.",
                        stage="schema")
SCHEMA = _fatal("IC021", "schema", "The statement does not match the statement schema.",
                "A property is missing, unknown, or has a value of the wrong kind or form. The message names "
                "the property and the hint says what is expected; the schema of each version describes every "
                "property.", stage="schema")
DEPRECATED = Code("IC022", "deprecated-field", "The statement uses a property its schema version marks as deprecated.",
                  "The property still works in this version but will go in a later one; the message names what "
                  "to write instead. 'impactclaim migrate' rewrites it for you where it can.",
                  Severity.WARNING, stage="schema")
OWN_LANGUAGE = Code("IC023", "own-language-missing",
                    "A text is given in several languages but not in the statement's own language.",
                    "Schema 1.1 lets a text be a map of languages ({nl: ..., en: ...}). It must hold the "
                    "statement's own language (its 'language:'), because that is the language of the profile "
                    "unless another is asked for.", stage="schema")
UNUSED_SILENCE = Code("IC030", "stale-silence", "An ignore comment names no code, or silences nothing.",
                      "A '# impactclaim: ignore[CODE]' comment must name a code that can be silenced and still "
                      "silence a finding on its line; remove it once the problem is fixed.", stage="silence")
LOGO_REMOTE = Code("IC201", "logo-remote",
                   "The logo is a URL; only a file in the statement's folder or a data: URI is used.",
                   "Rendering never fetches anything. Put the logo file next to the statement and write its file "
                   "name, or embed it as a data: URI.", stage="render")
LOGO_OUTSIDE = Code("IC202", "logo-outside-folder", "The logo path leads outside the statement's folder.",
                    "A statement may only use files in its own folder, so a profile cannot leak other files. Move "
                    "the logo next to the statement.", stage="render")
LOGO_UNUSABLE = Code("IC203", "logo-unusable", "The logo cannot be read or is not a PNG, JPEG or SVG image.",
                     "Use a PNG, JPEG or SVG file of at most 1 MiB.", stage="render")
LOCAL_FILE_URL = Code("IC204", "local-file-url", "A value refers to a local file through a file: URL.",
                      "A profile never reads local files. Describe the source in words or give a web address.",
                      stage="render")
URL_IN_TEXT = Code("IC205", "url-in-text", "A URL in a text field is shown as text and never fetched.",
                   "Put web addresses of sources in evidence.sources[].url, where the profile shows them as links.",
                   Severity.WARNING, stage="render")
NO_EMBEDDED_STATEMENT = _fatal("IC206", "no-embedded-statement", "The PDF carries no embedded impact statement.",
                               "Only profiles made by 'impactclaim render' carry their statement; check the file "
                               "the statement itself instead.")
UNREADABLE_PDF = _fatal("IC207", "unreadable-pdf", "The file is not a readable PDF.",
                        "The file starts like a PDF but cannot be read as one: it may be damaged or cut short.")

BUILTIN_CODES: dict[str, Code] = {
    code.code: code
    for code in (
        UNREADABLE, TOO_LARGE, ENCODING, SYNTAX, EMPTY, MULTIPLE_DOCUMENTS, ROOT_NOT_MAPPING, DUPLICATE_KEY,
        UNSUPPORTED_TAG, ALIAS_LIMIT, TOO_DEEP, COMPLEX_KEY, SCHEMA_VERSION, SCHEMA, DEPRECATED, OWN_LANGUAGE,
        UNUSED_SILENCE, LOGO_REMOTE, LOGO_OUTSIDE, LOGO_UNUSABLE, LOCAL_FILE_URL, URL_IN_TEXT,
        NO_EMBEDDED_STATEMENT, UNREADABLE_PDF,
    )
}
