"""Every finding code that is not a claim-quality rule: loading (IC00x), schema (IC02x), silences, rendering (IC2xx).

Claim-quality rules (IC1xx) are classes in ``impactclaim.rules``; ``impactclaim.catalogue``
joins both into the one catalogue that ``impactclaim explain``, ``impactclaim rules``,
``--select``/``--ignore``, silences, SARIF and the README table come from.
"""

from __future__ import annotations

import inspect
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


# A code's documentation is what ``impactclaim explain`` prints: what triggers it, why it matters and
# what to do, with a ``Failing example::`` and a ``Passing example::`` (indented four spaces) where
# one helps. For the codes of loading the examples are whole files; for the others they are
# fragments added to the smallest valid statement, as in the rules. tests/test_catalogue.py runs them.
def _code(code: str, slug: str, summary: str, documentation: str, severity: Severity = Severity.ERROR,
          stage: str = "load") -> Code:
    return Code(code, slug, summary, inspect.cleandoc(documentation), severity, ignorable=True, stage=stage)


def _fatal(code: str, slug: str, summary: str, documentation: str, stage: str = "load") -> Code:
    return Code(code, slug, summary, inspect.cleandoc(documentation), Severity.ERROR, ignorable=False, stage=stage)


UNREADABLE = _fatal("IC001", "unreadable-file", "The path cannot be read as a file.", """
    The path cannot be read as a file: it does not exist, it is a folder or a socket, this user
    may not read it, or it is a symbolic link that leads nowhere or in a loop. Nothing in it can
    be checked.

    Check the spelling of the path and its permissions. A folder named on the command line is
    searched for *.yaml and *.yml files instead, and a glob pattern that matches no file at all
    is refused before anything is checked ("no file matches the pattern").
    """)
TOO_LARGE = _fatal("IC002", "file-too-large", "The file is larger than the size limit.", """
    The file is larger than --max-bytes (default 5 MiB) and is refused unread.

    A statement is a few kilobytes; one with every optional section filled in stays far below
    the limit. Statements come from strangers, so the limit keeps a single file from exhausting
    the memory of a batch. Check that the file is the statement you meant (not a PDF, an export
    or a log), and raise --max-bytes only for a file you trust.
    """)
ENCODING = _fatal("IC003", "bad-encoding", "The file is not UTF-8 text.", """
    The file is not UTF-8 text: it holds a byte that is not valid UTF-8, NUL bytes or other
    binary content, or it is UTF-16 or UTF-32 (the message says which). The position shown is the
    first byte that cannot be read; often a character pasted in from a document in another
    encoding (an "é" from a Windows-1252 file, say).

    Why: YAML 1.2 (section 5.2) allows UTF-8, UTF-16 and UTF-32, but every tool a statement
    passes through (editors, Git diffs, pre-commit, the renderer) treats UTF-8 alike, so the
    standard asks for UTF-8 only. A UTF-8 byte order mark at the start is fine. In most editors:
    "Save with encoding" > UTF-8.
    """)
SYNTAX = _fatal("IC004", "yaml-syntax", "The file is not valid YAML.", """
    The YAML parser stopped at the line and column shown, so nothing in the file can be checked.
    The message names what the parser expected and the hint how to fix it.

    The usual causes: a tab used for indentation (YAML 1.2, section 6.1, allows only spaces), the
    keys of one mapping not indented alike, a missing space after a colon, a text with ": " or
    " #" in it that needs quotes, or a quote that is never closed.

    Failing example::

        organisation:
          name: Buurtbakkerij Het Zuurdesem
           kvk_number: "90215378"

    Passing example::

        organisation:
          name: Buurtbakkerij Het Zuurdesem
          kvk_number: "90215378"
    """)
EMPTY = _fatal("IC005", "empty-document", "The file holds no statement.", """
    The file is empty, or holds only comments, blank lines or a lone "---": there is no statement
    in it. Start from the smallest valid statement in the README (samples/valid/minimal.yaml) and
    fill it in.

    Failing example::

        # Buurtbakkerij Het Zuurdesem, 2025: to do

    Passing example::

        # Buurtbakkerij Het Zuurdesem, 2025
        schema_version: "1.1"
    """)
MULTIPLE_DOCUMENTS = _fatal("IC006", "multiple-documents", "The file holds more than one YAML document.", """
    A line "---" after the first document starts a second one. One file holds one statement, of one
    enterprise for one reporting period, so that every finding, profile and PDF belongs to exactly
    one statement. Put each document in a file of its own, or remove the stray "---"; a single
    "---" before the statement, on its first line, is fine.

    Failing example::

        schema_version: "1.1"
        language: en
        ---
        schema_version: "1.1"
        language: nl

    Passing example::

        ---
        schema_version: "1.1"
        language: en
    """)
ROOT_NOT_MAPPING = _fatal("IC007", "root-not-mapping", "The statement is not a mapping of keys to values.", """
    The top level of the file is a list or a single value. A statement is a mapping: it starts
    with keys such as schema_version: and organisation: at the left margin. A leading "- " makes
    the whole file a list; a line of text on its own makes it a single value.

    Failing example::

        - schema_version: "1.1"
          language: en

    Passing example::

        schema_version: "1.1"
        language: en
    """)
DUPLICATE_KEY = _fatal("IC008", "duplicate-key", "A key appears twice in the same mapping.", """
    A key appears twice in one mapping; the finding points at the second one.

    Why: YAML 1.2 (section 3.2.1.1) requires the keys of a mapping to be unique, but most YAML
    libraries silently keep one of the two values, so a person and a program can read different
    statements from the same file. Usually a section was pasted in twice, or an old and a new
    text were both kept: remove one, or merge them.

    Failing example::

        mission:
          statement: We bake bread.
          statement: We bake bread with people who are looking for their way back to work.

    Passing example::

        mission:
          statement: We bake bread with people who are looking for their way back to work.
    """)
UNSUPPORTED_TAG = _fatal("IC009", "unsupported-tag", "A YAML tag other than the core ones is used.", """
    A value carries a YAML tag other than the core ones (!!str, !!int, !!float, !!bool, !!null,
    !!map, !!seq).

    Why: a statement holds only text, numbers, true/false, lists and mappings. Tags such as
    !!binary, !!timestamp, !!python/object or a custom !tag ask the reading program to build
    other objects; some YAML libraries run code or read files to do so (CWE-502), so they are
    refused. Write the plain value, quoted when it is text.

    Failing example::

        reporting_period:
          start: !!timestamp 2025-01-01

    Passing example::

        reporting_period:
          start: "2025-01-01"
    """)
ALIAS_LIMIT = _fatal("IC010", "alias-limit", "Aliases expand beyond the limit, recurse or are undefined.", """
    Anchors and aliases (&name and *name) expand beyond 10,000 values or beyond the size limit of
    a file, an alias refers to a value that contains it, or an alias names an anchor that is not
    defined before it.

    Why: an alias repeats a value without writing it out again. A few lines of nested aliases can
    expand into billions of values (the "billion laughs" attack, CWE-776) and exhaust the memory
    of whoever reads the file. Write repeated values out, or keep aliases few and flat.

    Failing example::

        mission:
          statement: *our-mission

    Passing example::

        mission:
          statement: We bake bread with people who are looking for their way back to work.
    """)
TOO_DEEP = _fatal("IC011", "nesting-too-deep", "Mappings and sequences are nested deeper than the limit.", """
    Mappings and lists are nested more than 64 levels deep; the position shown is where the level
    too many starts.

    No statement needs more than about eight levels. Deeper nesting is a generated file gone
    wrong, or an attempt to exhaust the reader's stack (CWE-674), so it is refused unread.
    """)
COMPLEX_KEY = _fatal("IC012", "complex-key", "A mapping key is not a plain scalar.", """
    A mapping key is a list, a mapping or an alias. YAML allows such keys ("? [a, b]: value"),
    but JSON, the JSON Schema a statement is checked against and most programs do not: every key
    of a statement is a plain word such as name:.

    Failing example::

        organisation:
          ? [name, trade_name]
          : Buurtbakkerij Het Zuurdesem

    Passing example::

        organisation:
          name: Buurtbakkerij Het Zuurdesem
    """)
SCHEMA_VERSION = _fatal("IC020", "schema-version", "The schema_version is missing or not supported.", """
    The statement has no schema_version, names a version this impactclaim does not know, or gives
    it as a number instead of quoted text.

    Why: the version decides which schema checks the statement (schemas/<version>/), forever: a
    statement valid in "1.0" stays valid, whatever later versions add. Without a known version
    nothing can be checked. A newer version than the ones listed in the message needs a newer
    impactclaim; 'impactclaim migrate' moves a statement to the newest version.

    Failing example::

        schema_version: "2.0"

    Passing example::

        schema_version: "1.1"
    """, stage="schema")
SCHEMA = _fatal("IC021", "schema", "The statement does not match the statement schema.", """
    A property is missing, unknown (often misspelt), or has a value of the wrong kind or form. The
    message names the property, the pointer says where it is, and the hint says what is expected,
    taken from the schema's own description of the property.

    Why: the schema of the statement's version (schemas/<version>/statement.schema.json) is the
    shared standard that buyers, funders and intermediaries rely on; the rules and the renderer
    can only read a statement that matches it. Editors that understand JSON Schema show each
    property's description as you type.

    Failing example::

        organisation:
          kvk_number: "9021537"

    Passing example::

        organisation:
          kvk_number: "90215378"
    """, stage="schema")
DEPRECATED = _code("IC022", "deprecated-field",
                   "The statement uses a property its schema version marks as deprecated.", """
    The statement uses a property that still works in its schema version but is marked deprecated
    there, and will go in a later version. The message says what to write instead;
    'impactclaim migrate' rewrites it for you where that can be done without guessing.

    In 1.1, a source's independent: true or false is deprecated in favour of relation: own,
    commissioned or independent, which also tells commissioned research apart from the
    enterprise's own (schemas/1.1/CHANGES.md).

    Failing example::

        schema_version: "1.1"
        outcomes:
          - id: work
            what: {description: Trainees find paid work., polarity: positive}
            who: {stakeholder: Trainees, baseline: Out of work for three years.}
            risks: [{type: drop-off, level: low}]
            evidence:
              level: 2
              sources:
                - title: Our own follow-up calls
                  independent: false

    Passing example::

        schema_version: "1.1"
        outcomes:
          - id: work
            what: {description: Trainees find paid work., polarity: positive}
            who: {stakeholder: Trainees, baseline: Out of work for three years.}
            risks: [{type: drop-off, level: low}]
            evidence:
              level: 2
              sources:
                - title: Our own follow-up calls
                  relation: own
    """, Severity.WARNING, stage="schema")
OWN_LANGUAGE = _code("IC023", "own-language-missing",
                     "A text is given in several languages but not in the statement's own language.", """
    Schema 1.1 lets a text be a mapping of languages ({nl: ..., en: ...}). Such a text must include
    the statement's own language, the one its language: names, because the profile is in that
    language unless another is asked for with --lang, and a reader would otherwise find a gap.

    Failing example::

        schema_version: "1.1"
        mission:
          statement: {nl: Wij bakken brood met mensen die de weg terug naar werk zoeken.}

    Passing example::

        schema_version: "1.1"
        mission:
          statement:
            en: We bake bread with people who are looking for their way back to work.
            nl: Wij bakken brood met mensen die de weg terug naar werk zoeken.
    """, stage="schema")
UNUSED_SILENCE = _code("IC030", "stale-silence", "An ignore comment names no code, or silences nothing.", """
    A "# impactclaim: ignore[CODE]" comment names something that is no code, names a code that
    cannot be silenced (a statement that does not load or match its schema cannot be checked at
    all), or no longer silences anything: the finding it excused is gone.

    Why: a silence is an exception granted for one finding at one place. Once the problem is
    fixed, a forgotten silence would hide the next problem on that line, so a silence that
    silences nothing is itself an error. Remove the comment, or correct the code it names.

    Failing example::

        metrics:
          - id: loaves
            name: Loaves baked by trainees
            unit: loaves
            value: 52000
        claims:
          - id: bread
            text: Our trainees baked 52,000 loaves.  # impactclaim: ignore[IC102]
            domain: social
            basis:
              metrics: [loaves]

    Passing example::

        metrics:
          - id: loaves
            name: Loaves baked by trainees
            unit: loaves
            value: 52000
        claims:
          - id: bread
            text: Our trainees baked 52,000 loaves.
            domain: social
            basis:
              metrics: [loaves]
    """, stage="silence")
LOGO_REMOTE = _code("IC201", "logo-remote",
                    "The logo is a URL; only a file in the statement's folder or a data: URI is used.", """
    organisation.logo is a web address. Rendering never fetches anything: a fetched image could
    track who renders or reads the profile, make the server that renders it call other servers
    (server-side request forgery, CWE-918), or change after the profile was checked.

    Put the logo file (PNG, JPEG or SVG) next to the statement and write its file name, or embed
    it as a data: URI.

    Failing example::

        organisation:
          logo: https://zuurdesem.example/logo.png

    Passing example::

        organisation:
          logo: logo.png
    """, stage="render")
LOGO_OUTSIDE = _code("IC202", "logo-outside-folder", "The logo path leads outside the statement's folder.", """
    organisation.logo is an absolute path, or a relative one that leads out of the statement's
    folder (through "..", or a symbolic link that points elsewhere).

    Why: a statement may only use files in its own folder, so a statement from a stranger cannot
    make a profile show other files of the machine that renders it (path traversal, CWE-22).
    Copy the logo next to the statement.

    Failing example::

        organisation:
          logo: ../shared/logo.png

    Passing example::

        organisation:
          logo: logo.png
    """, stage="render")
LOGO_UNUSABLE = _code("IC203", "logo-unusable", "The logo cannot be read or is not a PNG, JPEG or SVG image.", """
    organisation.logo names a file or data: URI that cannot be used: the file is missing or
    unreadable, larger than 1 MiB, not a PNG, JPEG or SVG image (judged by its content, not by its
    name), or a malformed data: URI; or the logo is an SVG with scripts, event handlers or
    references to other files or addresses, which a profile never runs or loads.

    Use a PNG, JPEG or plain, self-contained SVG file of at most 1 MiB, next to the statement.
    """, stage="render")
LOCAL_FILE_URL = _code("IC204", "local-file-url", "A value refers to a local file through a file: URL.", """
    A value of the statement contains a file: URL. A profile never reads local files: the file
    would be whatever happens to be at that path on the machine that renders it, and nobody
    reading the profile could open it. Describe the source in words, or give its web address.

    Failing example::

        mission:
          statement: We bake bread with people looking for work (see file:///srv/reports/2025.pdf).

    Passing example::

        mission:
          statement: We bake bread with people looking for work (see our annual report 2025).
    """, stage="render")
URL_IN_TEXT = _code("IC205", "url-in-text", "A URL in a text field is shown as text and never fetched.", """
    A text field (a mission, a claim, a description) contains a web address. The profile shows it
    as plain text, never as a link and never fetched, because a link in running text cannot be
    checked by the reader before following it.

    Put the addresses of sources in evidence.sources[].url, where the profile shows them as links
    next to the evidence they support, and the organisation's site in organisation.website.

    Failing example::

        mission:
          statement: We bake bread with people looking for work; see https://zuurdesem.example.

    Passing example::

        mission:
          statement: We bake bread with people looking for work.
    """, Severity.WARNING, stage="render")
SPARSE_PROFILE = _code("IC208", "sparse-profile",
                       "The outcomes describe fewer than half of the five dimensions of impact.", """
    The profile shows every outcome along the five dimensions of impact of Impact Frontiers
    (formerly the Impact Management Project): what changes, who experiences it, how much, the
    enterprise's contribution, and the risk that the impact is not what was expected, and its
    overview counts them ("4 of 5 dimensions described"). This warning comes when most of them
    are missing: when the outcomes describe fewer than half of their dimensions, that is fewer
    than 2.5 of the five per outcome on average (at most 2 of 5 for one outcome, 7 of 15 for
    three). A statement without outcomes describes none of the five, so it gets the warning
    whatever else it reports.

    A dimension counts as described when the profile shows something for it: what, a
    description; who, a stakeholder, the size of the group, whether it is underserved or its
    starting situation; how much, a scale, depth or duration, or a metric; contribution, a
    counterfactual, a deadweight, attribution, displacement or drop-off, or a description; risk,
    at least one risk.

    Why: a profile is read as a complete account of an enterprise's impact. A page of "Not
    reported" under the organisation's name still looks like a finished profile to a buyer or a
    funder; the warning makes sure whoever renders it knows before sending it, and the profile
    itself says that most of it is not reported. Describe each outcome along the five
    dimensions. For a statement that is deliberately a first, partial one, ignore the code (the
    profile still shows how few dimensions are described). The finding stands on the line of
    outcomes, or on the first line of a statement without outcomes.

    Failing example::

        outcomes:
          - id: work
            what:
              description: Trainees find paid work.
              polarity: positive

    Passing example::

        outcomes:
          - id: work
            what:
              description: Trainees find paid work.
              polarity: positive
            who:
              stakeholder: People in our neighbourhood who have long been out of work
              baseline: Out of paid work for three years on average.
            how_much:
              scale: 12 trainees in 2025.
            contribution:
              counterfactual: Without the traineeship few of them find work within a year.
            risks:
              - type: drop-off
                level: low
    """, Severity.WARNING, stage="render")
NO_EMBEDDED_STATEMENT = _fatal("IC206", "no-embedded-statement", "The PDF carries no embedded impact statement.", """
    'impactclaim validate PROFILE.pdf' and 'impactclaim extract' read the statement embedded in a
    profile PDF, but this PDF carries none: it was not made by 'impactclaim render', or it was
    changed afterwards by a program that dropped the attachment (printing to PDF, many
    "optimisers").

    Check the statement file itself, or render the profile again with
    'impactclaim render statement.yaml -o profile.pdf'.
    """)
UNREADABLE_PDF = _fatal("IC207", "unreadable-pdf", "The file is not a readable PDF.", """
    A file given as a profile PDF cannot be read as one: it does not start with %PDF-, it is
    damaged or cut short (an interrupted download), or the statement embedded in it is larger than
    the size limit or cannot be decoded. Get the profile again, or check the statement file
    itself.
    """)

BUILTIN_CODES: dict[str, Code] = {
    code.code: code
    for code in (
        UNREADABLE, TOO_LARGE, ENCODING, SYNTAX, EMPTY, MULTIPLE_DOCUMENTS, ROOT_NOT_MAPPING, DUPLICATE_KEY,
        UNSUPPORTED_TAG, ALIAS_LIMIT, TOO_DEEP, COMPLEX_KEY, SCHEMA_VERSION, SCHEMA, DEPRECATED, OWN_LANGUAGE,
        UNUSED_SILENCE, LOGO_REMOTE, LOGO_OUTSIDE, LOGO_UNUSABLE, LOCAL_FILE_URL, URL_IN_TEXT,
        NO_EMBEDDED_STATEMENT, UNREADABLE_PDF, SPARSE_PROFILE,
    )
}
