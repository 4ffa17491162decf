"""Safe YAML loading: YAML 1.2 core semantics, hard limits, and a source map of every value.

The loader walks libyaml's event stream itself instead of using PyYAML's constructors. That
gives, in one pass and without recursion:

- YAML 1.2 core scalars: ``no``/``yes``/``on``/``off`` and unquoted dates stay strings, no
  sexagesimal numbers (PyYAML resolves YAML 1.1);
- an error at the second occurrence of a duplicate key (PyYAML silently keeps the last);
- bounds on nesting depth and on alias expansion, in values ("billion laughs") and in text
  (a few aliases of a long text), on key length and on the size of numbers;
- only the core tags (str, int, float, bool, null, map, seq); no merge keys;
- no control characters, not even escaped ones ("\\e[2J"), so no report echoes them to a terminal;
- the line and column of every key and value, for findings that point at the right place (lines
  end at LF, CRLF or CR; NEL, LS and PS, which YAML 1.1 also counts, are refused).

Files are opened without blocking, so a named pipe nobody writes to cannot hang a batch.

Loading never raises for bad input: every problem becomes a :class:`Finding`.
"""

from __future__ import annotations

import codecs
import math
import os
import re
import stat
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

from impactclaim import codes
from impactclaim.findings import Finding, Severity
from impactclaim.i18n import N_, _, ngettext, number

try:  # libyaml's C parser is about ten times faster; the pure-Python one behaves the same.
    from yaml import CSafeLoader as _EventSource
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _EventSource  # type: ignore[assignment]

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
DEFAULT_MAX_DEPTH = 64
DEFAULT_MAX_ALIAS_NODES = 10_000


@dataclass(frozen=True, slots=True)
class LoadLimits:
    """Bounds that keep a hostile file from exhausting time or memory."""

    max_bytes: int = DEFAULT_MAX_BYTES
    max_depth: int = DEFAULT_MAX_DEPTH
    max_alias_nodes: int = DEFAULT_MAX_ALIAS_NODES


# A position entry mirrors one node: (line, column, children, key positions).
# Lines and columns are 1-based. ``children`` is a dict for mappings, a list for sequences and
# None for scalars; ``key positions`` maps each key of a mapping to the (line, column) of the key.
Entry = tuple[int, int, Any, Any]


class SourceMap:
    """Line and column of every key and value, addressed by a path of keys and indexes."""

    __slots__ = ("_root",)

    def __init__(self, root: Entry | None) -> None:
        self._root = root

    def _walk(self, path: Sequence[str | int]) -> tuple[Entry | None, Entry | None, int]:
        """Return the deepest entry along ``path``, its parent and how many steps matched."""
        entry, parent, depth = self._root, None, 0
        for part in path:
            if entry is None:
                break
            children = entry[2]
            child = None
            if isinstance(children, dict) and isinstance(part, str):
                child = children.get(part)
            elif isinstance(children, list) and isinstance(part, int) and 0 <= part < len(children):
                child = children[part]
            if child is None:
                break
            parent, entry, depth = entry, child, depth + 1
        return entry, parent, depth

    def value_position(self, path: Sequence[str | int]) -> tuple[int, int]:
        """Where the value at ``path`` starts, or its nearest ancestor that exists."""
        entry, _, _ = self._walk(path)
        return (entry[0], entry[1]) if entry is not None else (1, 1)

    def key_position(self, path: Sequence[str | int]) -> tuple[int, int]:
        """Where the key of the value at ``path`` stands (the item start for list items)."""
        entry, parent, depth = self._walk(path)
        if depth == len(path) and depth > 0 and parent is not None:
            keys = parent[3]
            last = path[-1]
            if isinstance(keys, dict) and isinstance(last, str) and last in keys:
                line, column = keys[last]
                return line, column
        return (entry[0], entry[1]) if entry is not None else (1, 1)


@dataclass(slots=True)
class Document:
    """A loaded statement file: its data (None when it could not be loaded) and source map."""

    path: str
    raw: bytes = b""
    data: dict[str, Any] | None = None
    source_map: SourceMap = field(default_factory=lambda: SourceMap(None))
    findings: list[Finding] = field(default_factory=list)

    @property
    def loaded(self) -> bool:
        return self.data is not None


_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # YAML's line breaks; not NEL or U+2028, as str.splitlines has it


def scalar_source(document: Document, path: Sequence[str | int]) -> str | None:
    """The value at ``path`` as written in the file, when it is a plain one-line scalar.

    A hint quotes what the author typed ("02845190", "8.10", "27,5"), not the value YAML made of
    it (2845190, 8.1): a hint built from the parsed value would change the data. None for a
    quoted, multi-line or missing value.
    """
    text, problem = _decode(document.raw, document.path)
    if problem is not None:
        return None
    line, column = document.source_map.value_position(path)
    lines = _LINE_BREAK.split(text)
    if not 0 < line <= len(lines):
        return None
    written = lines[line - 1][column - 1:]
    if not written or written[0] in "\"'|>[{&*!":
        return None
    before = lines[line - 1][:column - 1].rstrip()
    in_flow = before.endswith(("[", ",", "{"))
    ends = [found for found in (written.find(" #"), written.find("\t#")) if found >= 0]
    if in_flow:
        ends += [found for found in (written.find(mark) for mark in (",", "]", "}")) if found >= 0]
    return written[:min(ends, default=len(written))].strip() or None


class _Fatal(Exception):
    """Stops loading at the first problem that leaves no usable data."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.message)
        self.finding = finding


def load_path(path: str | os.PathLike[str], limits: LoadLimits = LoadLimits()) -> Document:
    """Read and load one statement file; problems become findings on the document."""
    display = os.fspath(path)
    raw, problem = read_bounded(display, limits.max_bytes)
    if problem is not None:
        return Document(display, findings=[problem])
    if looks_like_pdf(raw):
        return _load_pdf(display, limits)
    return load_bytes(raw, display, limits)


_PDF_MAGIC = b"%PDF-"


def looks_like_pdf(raw: bytes) -> bool:
    """A PDF starts with ``%PDF-``; readers tolerate junk before it within the first kilobyte.

    Junk before the header is only believed when the file is not UTF-8 text, so a statement
    that mentions "%PDF-1.7" in a comment near its top is still read as YAML.
    """
    if raw.startswith(_PDF_MAGIC):
        return True
    if _PDF_MAGIC not in raw[:1024]:
        return False
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


def _load_pdf(path: str, limits: LoadLimits) -> Document:
    """Load the statement embedded in a profile PDF; its findings name the PDF.

    Lines and columns then refer to the embedded statement, which ``impactclaim extract``
    writes back out byte for byte.
    """
    from impactclaim.embedded import ExtractError, statement_bytes_from_pdf

    try:
        statement = statement_bytes_from_pdf(path, limits.max_bytes)
    except (ExtractError, OSError) as error:
        return Document(path, findings=[_finding(path, 1, 1, codes.UNREADABLE_PDF, str(error))])
    except (RecursionError, MemoryError, ArithmeticError, LookupError, TypeError, ValueError) as error:
        # pypdf is a parser of untrusted bytes too; whatever it trips over is a finding, not a crash.
        return Document(path, findings=[_finding(path, 1, 1, codes.UNREADABLE_PDF,
                                                 f"the file is not a readable PDF: {type(error).__name__}")])
    if statement is None:
        return Document(path, findings=[_finding(
            path, 1, 1, codes.NO_EMBEDDED_STATEMENT, "the PDF carries no embedded impact statement",
            "only profiles made by 'impactclaim render' carry their statement")])
    return load_bytes(statement, path, limits)


def load_bytes(raw: bytes, path: str = "<bytes>", limits: LoadLimits = LoadLimits()) -> Document:
    """Load a statement from bytes; ``path`` names it in findings."""
    if len(raw) > limits.max_bytes:
        return Document(path, raw, findings=[_too_large(path, len(raw), limits.max_bytes)])
    text, problem = _decode(raw, path)
    if problem is not None:
        return Document(path, raw, findings=[problem])
    document = Document(path, raw)
    try:
        data, root = _compose(text, path, limits, document.findings)
    except _Fatal as fatal:
        document.findings.append(fatal.finding)
        return document
    if root is None or data is None:
        document.findings.append(
            _finding(path, 1, 1, codes.EMPTY, _("the file holds no statement"),
                     _("start from a sample statement: schema_version, language, organisation, ..."))
        )
        return document
    if not isinstance(data, dict):
        message = (_("the statement must be a mapping of keys to values, not a list") if isinstance(data, list)
                   else _("the statement must be a mapping of keys to values, not a single value"))
        document.findings.append(
            _finding(path, root[0], root[1], codes.ROOT_NOT_MAPPING, message,
                     _("the file should start with 'schema_version: \"1.0\"'"))
        )
        return document
    document.data = data
    document.source_map = SourceMap(root)
    return document


def _finding(path: str, line: int, column: int, code: codes.Code, message: str,
             hint: str = "", pointer: str = "") -> Finding:
    return Finding(path, line, column, pointer, code.code, Severity.ERROR, message, hint)


def _too_large(path: str, size: int, limit: int) -> Finding:
    return _finding(path, 1, 1, codes.TOO_LARGE,
                    _("the file is {size} bytes, over the limit of {limit} bytes").format(
                        size=number(size), limit=number(limit)),
                    _("a statement is a few kilobytes; raise the limit with --max-bytes if this is intended"))


_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)


def read_bounded(path: str, max_bytes: int) -> tuple[bytes, Finding | None]:
    """Read at most ``max_bytes`` (plus one, to detect excess) from a file, pipe or device.

    The file is opened without blocking, so a named pipe (FIFO) that nobody writes to cannot
    hang a batch: opening it returns at once and reading it gives end of file. What the path is
    comes from the open file itself, so it cannot change between the check and the read.
    """
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            return b"", _finding(path, 1, 1, codes.UNREADABLE, _("the path is a directory, not a statement file"))
        if stat.S_ISSOCK(info.st_mode):
            return b"", _finding(path, 1, 1, codes.UNREADABLE, _("the path is a socket, not a statement file"))
        if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
            return b"", _too_large(path, info.st_size, max_bytes)
        descriptor = os.open(path, _OPEN_FLAGS)
        try:
            stream = open(descriptor, "rb")  # noqa: SIM115 - closed by the with block below
        except BaseException:
            os.close(descriptor)
            raise
        with stream:
            info = os.fstat(descriptor)
            if stat.S_ISDIR(info.st_mode):
                return b"", _finding(path, 1, 1, codes.UNREADABLE,
                                     _("the path is a directory, not a statement file"))
            if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
                return b"", _too_large(path, info.st_size, max_bytes)
            os.set_blocking(descriptor, True)  # a pipe with a writer is read to its end
            raw = stream.read(max_bytes + 1)
        if stat.S_ISFIFO(info.st_mode) and not raw:
            return b"", _finding(path, 1, 1, codes.UNREADABLE,
                                 _("the path is a named pipe (FIFO) and nothing was written to it"))
    except FileNotFoundError:
        target = _link_target(path)
        if target is not None:
            return b"", _finding(path, 1, 1, codes.UNREADABLE,
                                 _("the path is a symbolic link to {target}, which does not exist").format(
                                     target=repr(target)),
                                 _("fix or remove the link"))
        return b"", _finding(path, 1, 1, codes.UNREADABLE, _("no such file"), _("check the path"))
    except PermissionError:
        return b"", _finding(path, 1, 1, codes.UNREADABLE, _("permission denied: the file cannot be read"))
    except OSError as error:
        reason = (error.strerror or str(error)).lower()
        return b"", _finding(path, 1, 1, codes.UNREADABLE, _("the file cannot be read: {reason}").format(reason=reason))
    if len(raw) > max_bytes:
        return b"", _too_large(path, len(raw), max_bytes)
    return raw, None


def _link_target(path: str) -> str | None:
    try:
        return os.readlink(path)
    except (OSError, ValueError):
        return None


_UTF16_BOMS = ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
               (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"))
_SAVE_AS_UTF8 = N_("save the file as UTF-8 (in most editors: 'Save with encoding' > UTF-8)")


_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_LINE_BREAK_BYTES = re.compile(rb"\r\n|\r|\n")


def _byte_position(raw: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of a byte offset in mostly-UTF-8 bytes.

    Lines end at LF, CRLF or a lone CR, as YAML and editors count them.
    """
    head = raw[:offset]
    breaks = _LINE_BREAK_BYTES.findall(head)
    line_start = max(head.rfind(b"\n"), head.rfind(b"\r")) + 1
    column = len(head[line_start:].decode("utf-8", "replace")) + 1
    return len(breaks) + 1, column


def _text_position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset, lines ending at LF, CRLF or a lone CR."""
    head = text[:offset]
    line_start = max(head.rfind("\n"), head.rfind("\r")) + 1
    return len(_LINE_BREAK.findall(head)) + 1, offset - line_start + 1


def _decode(raw: bytes, path: str) -> tuple[str, Finding | None]:
    """Decode UTF-8 (a BOM is fine); name UTF-16/32 and binary content instead of guessing."""
    for bom, name in _UTF16_BOMS:
        if raw.startswith(bom):
            return "", _finding(path, 1, 1, codes.ENCODING,
                                _("the file is encoded as {encoding}, not UTF-8").format(encoding=name),
                                _(_SAVE_AS_UTF8))
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8):]
    head = raw[:8]
    if len(head) >= 2 and len(head) % 2 == 0:
        evens, odds = head[0::2], head[1::2]
        if all(evens) and not any(odds):
            return "", _finding(path, 1, 1, codes.ENCODING,
                                _("the file looks like UTF-16 (little endian) without a BOM, not UTF-8"),
                                _(_SAVE_AS_UTF8))
        if all(odds) and not any(evens):
            return "", _finding(path, 1, 1, codes.ENCODING,
                                _("the file looks like UTF-16 (big endian) without a BOM, not UTF-8"),
                                _(_SAVE_AS_UTF8))
    nul = raw.find(b"\x00")
    if nul >= 0:
        line, column = _byte_position(raw, nul)
        return "", _finding(path, line, column, codes.ENCODING,
                            _("the file contains a NUL byte: it is binary, not a YAML text file"))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _byte_position(raw, error.start)
        bad = raw[error.start:error.start + 1].hex()
        return "", _finding(path, line, column, codes.ENCODING,
                            _("invalid UTF-8 byte 0x{byte}").format(byte=bad), _(_SAVE_AS_UTF8))
    # Three substring tests take a fraction of a microsecond; the regular expression, tens.
    unusual = None
    if not text.isascii() and ("\x85" in text or "\u2028" in text or "\u2029" in text):
        unusual = _UNUSUAL_LINE_BREAK.search(text)
    if unusual is not None:
        # YAML 1.1 parsers (libyaml) end a line at NEL, LS and PS; editors, GitHub and this
        # tool's reports do not. Refuse them rather than report every later line off by one.
        line, column = _text_position(text, unusual.start())
        character = unusual.group()
        return "", _finding(path, line, column, codes.ENCODING,
                            _("the file contains the character {character} ({name}), which YAML reads as a "
                              "line break").format(character=f"U+{ord(character):04X}",
                                                   name=_(_UNUSUAL_LINE_BREAK_NAMES[character])),
                            _("replace it with a space or an ordinary line break"))
    return text, None


_UNUSUAL_LINE_BREAK = re.compile("[\x85\u2028\u2029]")
_UNUSUAL_LINE_BREAK_NAMES = {"\x85": N_("next line"), "\u2028": N_("line separator"),
                             "\u2029": N_("paragraph separator")}


# YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#103-core-schema).
_NULLS = frozenset({"~", "null", "Null", "NULL"})
_TRUES = frozenset({"true", "True", "TRUE"})
_FALSES = frozenset({"false", "False", "FALSE"})
_MAYBE_NOT_STRING = frozenset("0123456789+-.~nNtTfF")
_INT = re.compile(r"[-+]?[0-9]+")
_OCT = re.compile(r"0o[0-7]+")
_HEX = re.compile(r"0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_INF = re.compile(r"[-+]?\.(?:inf|Inf|INF)")
_NAN = re.compile(r"\.(?:nan|NaN|NAN)")

_TAG_PREFIX = "tag:yaml.org,2002:"
_SCALAR_TAGS = frozenset({"str", "int", "float", "bool", "null"})


def _resolve_plain(value: str) -> Any:
    """Resolve an untagged plain scalar the YAML 1.2 core way."""
    if not value:
        return None
    if value[0] not in _MAYBE_NOT_STRING:
        return value
    if value in _NULLS:
        return None
    if value in _TRUES:
        return True
    if value in _FALSES:
        return False
    if _INT.fullmatch(value):
        if len(value) < 300:  # below 1e299, far inside the range of a float
            return int(value)
        return _integer(value.lstrip("+-"), 10, value[0] == "-")
    if _FLOAT.fullmatch(value):
        return float(value)
    if _OCT.fullmatch(value):
        return _integer(value[2:], 8, False)
    if _HEX.fullmatch(value):
        return _integer(value[2:], 16, False)
    if _INF.fullmatch(value):
        return float("-inf") if value[0] == "-" else float("inf")
    if _NAN.fullmatch(value):
        return float("nan")
    return value


# Past this many significant digits (in base 8, 10 or 16) an integer is far beyond the largest
# float; Python also refuses to convert decimal text of more than 4,300 digits to an int.
_MAX_INTEGER_DIGITS = 400


def _integer(digits: str, base: int, negative: bool) -> int | float:
    """The integer written as ``digits``; one beyond the range of a float becomes an infinity.

    Every later step (the schema, the rules, the profile) may compute with a float of any
    number, so an integer no float can hold is an overflow waiting to happen; the loader
    reports it (see ``_overflow_finding``).
    """
    significant = digits.lstrip("0") or "0"
    number = int(significant, base) if len(significant) <= _MAX_INTEGER_DIGITS else _FLOAT_MAX_INTEGER + 1
    if number > _FLOAT_MAX_INTEGER:
        return float("-inf") if negative else float("inf")
    return -number if negative else number


_FLOAT_MAX_INTEGER = int(sys.float_info.max)


def _overflow_finding(path: str, line: int, column: int, text: str) -> Finding:
    shown = text if len(text) <= 24 else _("{start}… ({count} characters)").format(
        start=text[:12], count=number(len(text)))
    return _finding(path, line, column, codes.SYNTAX,
                    _("the number {number} is too large: a statement's numbers must lie within ±1.8e308").format(
                        number=shown),
                    _("check the number; write very large amounts in a larger unit"))


def _resolve_tagged(tag: str, value: str) -> tuple[Any, bool]:
    """Resolve a scalar with an explicit core tag; the flag is False when it does not fit."""
    kind = tag[len(_TAG_PREFIX):]
    if kind == "str":
        return value, True
    resolved = _resolve_plain(value)
    fits = {
        "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
        "float": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
        "bool": lambda v: isinstance(v, bool),
        "null": lambda v: v is None,
    }[kind](resolved)
    if kind == "float" and fits:
        resolved = float(resolved)
    return (resolved, True) if fits else (value, False)


class _Frame:
    """A mapping or sequence being built."""

    __slots__ = ("anchor", "children", "column", "container", "is_mapping", "key", "keys", "line", "nodes")

    def __init__(self, is_mapping: bool, anchor: str | None, line: int, column: int) -> None:
        self.is_mapping = is_mapping
        self.container: Any = {} if is_mapping else []
        self.children: Any = {} if is_mapping else []
        self.keys: dict[str, tuple[int, int]] | None = {} if is_mapping else None
        self.key: str | None = None
        self.anchor = anchor
        self.nodes = 1
        self.line = line
        self.column = column


def _events(text: str) -> Iterator[Any]:
    source = _EventSource(text)
    try:
        while True:
            event = source.get_event()
            yield event
            if isinstance(event, yaml.StreamEndEvent):
                return
    finally:
        source.dispose()


def _syntax_finding(path: str, text: str, error: yaml.YAMLError, max_depth: int = DEFAULT_MAX_DEPTH) -> Finding:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    if mark is not None:
        line, column = mark.line + 1, mark.column + 1
    else:
        position = getattr(error, "position", 0) or 0
        line = text.count("\n", 0, position) + 1
        column = position - (text.rfind("\n", 0, position) + 1) + 1
    if isinstance(error, yaml.reader.ReaderError):
        character = error.character
        code = ord(character) if isinstance(character, str) else int(character)
        problem = f"unacceptable character #x{code:04x}: {error.reason}"
    else:
        problem = getattr(error, "problem", None) or str(error)
    if problem == "exceeded maximum nesting depth":  # libyaml's own bound, met while it reads ahead
        return _finding(path, line, column, codes.TOO_DEEP,
                        _("mappings and lists are nested deeper than {depth} levels").format(depth=max_depth),
                        _("a statement needs only a few levels; flatten the structure"))
    index = getattr(mark, "index", None)
    at_tab = isinstance(index, int) and 0 <= index < len(text) and text[index] == "\t"
    if not isinstance(error, yaml.reader.ReaderError) and (at_tab or "tab character" in str(problem)
                                                           or "'\\t'" in str(problem)):
        return _finding(path, line, column, codes.SYNTAX,
                        _("invalid YAML: a tab character where YAML allows only spaces "
                          "(YAML forbids tabs in indentation)"),
                        _("indent with spaces, not tabs (most editors can convert tabs to spaces)"))
    context = getattr(error, "context", None)
    start = getattr(error, "context_mark", None)
    if (context == "while scanning a simple key" and start is not None and mark is not None
            and start.line == mark.line and mark.column - start.column > _MAX_KEY_LENGTH):
        return _long_key(path, start.line + 1, start.column + 1)
    explained = _explain_syntax(text, str(problem), context, mark, start)
    if explained is not None:
        line, column, message, hint = explained
        return _finding(path, line, column, codes.SYNTAX, _("invalid YAML: {problem}").format(problem=message), hint)
    # libyaml's own words, for a problem not recognised above: they stay English.
    message = f"{problem} ({context})" if context else str(problem)
    return _finding(path, line, column, codes.SYNTAX, _("invalid YAML: {problem}").format(problem=message),
                    _("check the indentation and quoting around this place"))


_KEY_WITHOUT_SPACE = re.compile(r"^(\s*(?:- )?)([^\s:#'\"][^:#]*?):(?=[^\s/])(\S.*)$")
_KEY_LINE = re.compile(r"^(\s*)(?:- +)?([^\s:#'\"][^:#]*?):(?:\s|$)")
_QUOTE_CLOSED_THEN_TEXT = re.compile(r":\s+([\"'])(?:(?!\1).)*\1\s*[^\s#]")


def _spaces(count: int) -> str:
    return ngettext("{count} space", "{count} spaces", count).format(count=count)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _explain_syntax(text: str, problem: str, context: str | None, mark: Any, start: Any,
                    ) -> tuple[int, int, str, str] | None:
    """libyaml's complaint in plain words, at the line of the mistake where it can be inferred.

    libyaml reports where it noticed the problem, which is often the line after the mistake
    ("mapping values are not allowed" on the line after 'name:Bakkerij'). The usual mistakes of
    people who write YAML by hand are recognised from the lines around that place: a missing
    space after a colon, a colon inside a value, a quote that is not closed or is followed by
    more text, a line indented differently from its neighbours, text that continues a value
    without indentation, and characters that cannot start a value.
    """
    if mark is None:
        return None
    lines = _LINE_BREAK.split(text)
    line_number, column = mark.line + 1, mark.column + 1
    here = lines[mark.line] if mark.line < len(lines) else ""
    previous = next(((number, lines[number - 1]) for number in range(line_number - 1, 0, -1)
                     if lines[number - 1].strip() and not lines[number - 1].lstrip().startswith("#")), None)
    if problem.startswith("mapping values are not allowed"):
        if previous is not None and _KEY_WITHOUT_SPACE.match(previous[1]):
            number, written = previous
            key = _KEY_WITHOUT_SPACE.match(written)
            assert key is not None
            return (number, len(key.group(1)) + len(key.group(2)) + 1,
                    _("there is no space after the colon of '{key}'").format(key=key.group(2).strip()),
                    _("write a space after the colon: '{line}'").format(
                        line=f"{key.group(2).strip()}: {key.group(3)}"))
        key = _KEY_LINE.match(here)
        if key is not None and column > len(key.group(0)):
            value_start = len(key.group(0)) + 1
            return (line_number, value_start, _("the value contains a colon followed by a space, which YAML "
                                                "reads as the start of another key"),
                    _("put the whole value in quotes: {line}").format(
                        line=f"{key.group(2)}: \"{here[value_start - 1:].strip()}\""))
        if previous is not None and _indent(here) > _indent(previous[1]) and _KEY_LINE.match(previous[1]):
            return (line_number, _indent(here) + 1,
                    _("this line is indented further ({spaces}) than the key above it ({above}), which has a "
                      "value already").format(spaces=_spaces(_indent(here)), above=_spaces(_indent(previous[1]))),
                    _("keys of the same mapping start in the same column: remove the extra spaces"))
        return None
    if problem == "found unexpected end of stream" and context == "while scanning a quoted scalar" and start:
        quote = lines[start.line][start.column] if start.line < len(lines) else '"'
        return (start.line + 1, start.column + 1, _("the quote {quote} opened here is never closed").format(
            quote=quote), _("end the value with {quote} on the same line").format(quote=quote))
    if problem == "did not find expected key" and context == "while parsing a block mapping":
        opened = next((number for number in range((start.line + 1) if start else 1, line_number + 1)
                       if lines[number - 1].count('"') % 2 == 1), None)
        if opened is not None:
            return (opened, lines[opened - 1].index('"') + 1, _("a quote \" on this line is not closed on it"),
                    _("close the quote at the end of the value; for a quote inside the value, put the whole "
                      "value in single quotes ('De \"Zuurdesem\"')"))
        quoted = _QUOTE_CLOSED_THEN_TEXT.search(here)
        key = _KEY_LINE.match(here)
        if quoted and key:
            value = here[len(key.group(0)):].strip()
            return (line_number, len(key.group(0)) + 1, _("text follows the closing quote of a value"),
                    _("put the whole value in single quotes: {line}").format(
                        line=f"{key.group(2)}: '{value.replace(chr(39), chr(39) * 2)}'"))
        above = _indent(previous[1]) if previous is not None else start.column if start is not None else 0
        if _indent(here) != above:
            return (line_number, _indent(here) + 1,
                    _("this line is indented by {spaces} and the line above it by {above}, so YAML cannot tell "
                      "where it belongs").format(spaces=_spaces(_indent(here)), above=_spaces(above)),
                    _("start the keys (or list items) of one mapping (or list) in the same column, and indent "
                      "what belongs under a key further than that key, with spaces"))
        return None
    if problem == "could not find expected ':'" and context == "while scanning a simple key" and start:
        glued = _KEY_WITHOUT_SPACE.match(lines[start.line]) if start.line < len(lines) else None
        if glued is not None:
            return (start.line + 1, len(glued.group(1)) + len(glued.group(2)) + 1,
                    _("there is no space after the colon of '{key}'").format(key=glued.group(2).strip()),
                    _("write a space after the colon: '{line}'").format(
                        line=f"{glued.group(2).strip()}: {glued.group(3)}"))
        return (start.line + 1, start.column + 1,
                _("this line has no 'key:', and is not indented under the key before it"),
                _("if it continues the text above, indent it further than that key, or put the whole text "
                  "on one line or in quotes; otherwise write it as 'key: value'"))
    if problem == "found character that cannot start any token":
        character = here[column - 1] if column - 1 < len(here) else "?"
        return (line_number, column, _("a value cannot start with {character}").format(character=character),
                _("put the value in quotes: {value}").format(value=f"\"{here[column - 1:].strip()}\""))
    if problem.startswith("did not find expected ',' or") and start is not None:
        bracket = lines[start.line][start.column] if start.line < len(lines) else "["
        closing = {"[": "]", "{": "}"}.get(bracket, "]")
        return (start.line + 1, start.column + 1,
                _("the {bracket} opened here is never closed with {closing}").format(bracket=bracket, closing=closing),
                _("close it with {closing}; if the value is text that starts with {bracket}, put it in quotes").format(
                    bracket=bracket, closing=closing))
    return None


# YAML parsers look at most 1,024 characters ahead for the ':' after a key, so a longer key only
# parses in the explicit '? key' form; the loader refuses it in every form.
_MAX_KEY_LENGTH = 1024


def _long_key(path: str, line: int, column: int) -> Finding:
    return _finding(path, line, column, codes.SYNTAX,
                    _("invalid YAML: a key is longer than {count} characters").format(count=number(_MAX_KEY_LENGTH)),
                    _("keys are short property names such as 'name:'; check for a missing ':' or line break"))


def _compose(text: str, path: str, limits: LoadLimits, findings: list[Finding]) -> tuple[Any, Entry | None]:
    """Build data and position entries from the event stream."""
    try:
        # Control characters in values can only come from escapes in double-quoted text: the YAML
        # reader refuses them written out. Without a backslash in the file, no value needs a look.
        return _build(_events(text), path, limits, findings, escapes="\\" in text)
    except yaml.YAMLError as error:
        raise _Fatal(_syntax_finding(path, text, error, limits.max_depth)) from None


def _build(events: Iterator[Any], path: str, limits: LoadLimits,
           findings: list[Finding], escapes: bool = True) -> tuple[Any, Entry | None]:
    stack: list[_Frame] = []
    anchors: dict[str, tuple[Any, Entry, int, int | None]] = {}  # value, entry, nodes, characters once known
    open_anchors: set[str] = set()
    alias_nodes = 0
    alias_characters = 0
    documents = 0
    root_value: Any = None
    root_entry: Entry | None = None

    def attach(value: Any, entry: Entry, nodes: int) -> None:
        nonlocal root_value, root_entry
        if not stack:
            root_value, root_entry = value, entry
            return
        parent = stack[-1]
        parent.nodes += nodes
        if parent.is_mapping:
            key = parent.key
            parent.container[key] = value
            parent.children[key] = entry
            parent.key = None
        else:
            parent.container.append(value)
            parent.children.append(entry)

    def check_tag(tag: str | None, expected: str, line: int, column: int) -> None:
        if tag is None or tag == "!" or tag == _TAG_PREFIX + expected:
            return
        findings.append(_finding(path, line, column, codes.UNSUPPORTED_TAG,
                                 _("the tag {tag} is not supported").format(tag=_short_tag(tag)),
                                 _("use plain YAML values; only the core tags (!!str, !!int, !!float, "
                                   "!!bool, !!null, !!map, !!seq) are allowed")))

    for event in events:
        kind = type(event)
        mark = event.start_mark
        if kind is yaml.ScalarEvent:
            line, column = mark.line + 1, mark.column + 1
            tag = event.tag
            top = stack[-1] if stack else None
            if top is not None and top.is_mapping and top.key is None:
                key = event.value
                if len(key) > _MAX_KEY_LENGTH:
                    raise _Fatal(_long_key(path, line, column))
                if tag is not None and not (tag.startswith(_TAG_PREFIX)
                                            and tag[len(_TAG_PREFIX):] in _SCALAR_TAGS):
                    check_tag(tag, "str", line, column)
                if not key.isprintable() and _KEY_CONTROL.search(key):
                    findings.append(_control_finding(path, line, column, key, "key"))
                    key = _KEY_CONTROL.sub("\ufffd", key)
                elif key == "<<" and tag is None and event.implicit[0]:
                    findings.append(_finding(path, line, column, codes.UNSUPPORTED_TAG,
                                             _("the merge key << is not supported (YAML 1.2 has no merge keys)"),
                                             _("write the keys out in full instead of merging them in from an "
                                               "anchor")))
                keys = top.keys
                assert keys is not None
                if key in keys:
                    first_line = keys[key][0]
                    findings.append(_finding(
                        path, line, column, codes.DUPLICATE_KEY,
                        _("duplicate key '{key}' (first defined on line {line})").format(key=key, line=first_line),
                        _("remove one of the two: YAML keeps only one value and the other is lost")))
                keys[key] = (line, column)
                top.key = key
                continue
            if tag is None:
                value = _resolve_plain(event.value) if event.implicit[0] else event.value
            elif tag == "!":
                value = event.value
            elif tag.startswith(_TAG_PREFIX) and tag[len(_TAG_PREFIX):] in _SCALAR_TAGS:
                value, fits = _resolve_tagged(tag, event.value)
                if not fits:
                    findings.append(_finding(path, line, column, codes.UNSUPPORTED_TAG,
                                             _("the value {value} does not fit its tag {tag}").format(
                                                 value=repr(event.value), tag=_short_tag(tag)),
                                             _("remove the tag or fix the value")))
            else:
                check_tag(tag, "str", line, column)
                value = event.value
            kind_of_value = type(value)
            if kind_of_value is float and math.isinf(value) and not _INF.fullmatch(event.value):
                findings.append(_overflow_finding(path, line, column, event.value))
            elif escapes and kind_of_value is str and not value.isprintable() and _CONTROL.search(value):
                findings.append(_control_finding(path, line, column, value, "text"))
                value = _CONTROL.sub("\ufffd", value)
            entry: Entry = (line, column, None, None)
            if event.anchor is not None:
                anchors[event.anchor] = (value, entry, 1, None)
            attach(value, entry, 1)
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            line, column = mark.line + 1, mark.column + 1
            is_mapping = kind is yaml.MappingStartEvent
            if stack and stack[-1].is_mapping and stack[-1].key is None:
                raise _Fatal(_finding(path, line, column, codes.COMPLEX_KEY,
                                      _("a mapping key must be plain text, not a mapping") if is_mapping
                                      else _("a mapping key must be plain text, not a list"),
                                      _("write the key as a plain word such as 'name:'")))
            if len(stack) >= limits.max_depth:
                raise _Fatal(_finding(path, line, column, codes.TOO_DEEP,
                                      _("mappings and lists are nested deeper than {depth} levels").format(
                                          depth=limits.max_depth),
                                      _("a statement needs only a few levels; flatten the structure")))
            check_tag(event.tag, "map" if is_mapping else "seq", line, column)
            if event.anchor is not None:
                open_anchors.add(event.anchor)
            stack.append(_Frame(is_mapping, event.anchor, line, column))
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            frame = stack.pop()
            entry = (frame.line, frame.column, frame.children, frame.keys)
            if frame.anchor is not None:
                open_anchors.discard(frame.anchor)
                anchors[frame.anchor] = (frame.container, entry, frame.nodes, None)
            attach(frame.container, entry, frame.nodes)
        elif kind is yaml.AliasEvent:
            line, column = mark.line + 1, mark.column + 1
            name = event.anchor
            if stack and stack[-1].is_mapping and stack[-1].key is None:
                raise _Fatal(_finding(path, line, column, codes.COMPLEX_KEY,
                                      _("a mapping key must be plain text, not an alias"),
                                      _("write the key as a plain word such as 'name:'")))
            if name in open_anchors:
                raise _Fatal(_finding(path, line, column, codes.ALIAS_LIMIT,
                                      _("the alias *{name} refers to a node that contains it").format(name=name),
                                      _("recursive structures cannot be a statement; remove the alias")))
            if name not in anchors:
                raise _Fatal(_finding(path, line, column, codes.ALIAS_LIMIT,
                                      _("the alias *{name} refers to no anchor &{name} defined before it").format(
                                          name=name),
                                      _("define the anchor before using it, or write the value out")))
            value, entry, nodes, characters = anchors[name]
            alias_nodes += nodes
            if alias_nodes > limits.max_alias_nodes:
                raise _Fatal(_finding(path, line, column, codes.ALIAS_LIMIT,
                                      _("aliases expand to more than {count} values").format(
                                          count=number(limits.max_alias_nodes)),
                                      _("this looks like an alias bomb; write the values out instead")))
            if characters is None:  # measured at its first alias; all walks together stay within the bound above
                characters = _characters(value)
                anchors[name] = (value, entry, nodes, characters)
            alias_characters += characters
            if alias_characters > limits.max_bytes:
                # Few aliases of one long text would make the statement far larger than the file,
                # and every later step (schema, rules, rendering) pays for each copy.
                raise _Fatal(_finding(path, line, column, codes.ALIAS_LIMIT,
                                      _("aliases repeat more than {count} characters of text, more than the "
                                        "size limit of a file").format(count=number(limits.max_bytes)),
                                      _("this looks like an alias bomb; write the values out instead")))
            attach(value, entry, nodes)
        elif kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise _Fatal(_finding(path, mark.line + 1, mark.column + 1, codes.MULTIPLE_DOCUMENTS,
                                      _("the file holds more than one YAML document"),
                                      _("keep one statement per file; remove the second '---' and what follows")))
        elif kind is yaml.StreamEndEvent:
            break
    return root_value, root_entry


def _characters(value: Any) -> int:
    """How much text (keys and strings) ``value`` holds: what each alias of it copies."""
    total, pending = 0, [value]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            total += len(item)
        elif isinstance(item, dict):
            total += sum(len(key) for key in item)
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
    return total


# Control characters a statement may not hold, written as escapes in double-quoted YAML ("\e",
# "\x1b", "\0"): C0 but tab and line breaks, DEL, and C1. Echoed in a report they could drive
# a terminal (colours, cursor moves, titles) or break XML. Keys, which reports quote, may not hold
# line breaks either (a block scalar key can): a line break would forge a line of the report.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_KEY_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")
_CONTROL_NAMES = {"\x00": N_("null"), "\x07": N_("bell"), "\x08": N_("backspace"), "\t": N_("tab"),
                  "\n": N_("line feed"), "\r": N_("carriage return"), "\x1b": N_("escape"), "\x7f": N_("delete"),
                  "\x9b": N_("control sequence introducer")}


_CONTROL_CHARACTER = N_("control character")


def _control_finding(path: str, line: int, column: int, text: str, what: str) -> Finding:
    match = (_KEY_CONTROL if what == "key" else _CONTROL).search(text)
    assert match is not None
    character = match.group()
    name = _(_CONTROL_NAMES.get(character, _CONTROL_CHARACTER))
    hint = (_("write the key as a plain word on one line, such as 'name:'") if what == "key" else
            _("remove the escape sequence that produces it; a statement holds printable text only"))
    message = (_("the key contains the control character {character} ({name}), which a statement may not hold")
               if what == "key" else
               _("the text contains the control character {character} ({name}), which a statement may not hold"))
    return _finding(path, line, column, codes.ENCODING,
                    message.format(character=f"U+{ord(character):04X}", name=name), hint)


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_TAG_PREFIX):] if tag.startswith(_TAG_PREFIX) else tag
