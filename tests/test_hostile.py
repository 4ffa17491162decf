"""Hostile input through the CLI: a clear finding or error, never a traceback, bounded time and memory.

Every hostile file is checked in a batch folder next to a valid sample: the valid sample must
still pass and the counts must be right, so one poisoned submission cannot spoil the batch of an
intermediary. Most runs use the in-process CLI (exceptions are not caught, so a crash fails the
test); a few run the installed ``impactclaim`` in a subprocess to measure time and peak memory,
and to survive a regression that would hang (a named pipe).

The second half puts markup and script into every text field of a statement and proves that the
HTML profile, the draft profile, the batch report and the PDF show that text as text; for schema
1.1 with every text given per language too, each profile showing the variant of its own language.
A 1.0 statement that uses text per language (its author forgot the version bump) is pointed at
each map and still renders as a draft.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from markupsafe import escape

import impactclaim
from impactclaim.findings import printable
from impactclaim.loader import load_bytes
from impactclaim.profile.command import render_document
from tests.conftest import ROOT, SAMPLES
from tests.test_render_safety import decompressed_pdf
from tests.test_render_support import pdf_text, words

MINIMAL = (SAMPLES / "valid" / "minimal.yaml").read_bytes()
HOSTILE = "hostile.yaml"
EXECUTABLE = Path(sys.executable).with_name("impactclaim")
MB = 1024 * 1024


def statement(extra: str = "", *, name: str = "Buurtbakkerij", kvk: str = "90215378") -> bytes:
    """A valid statement (lines 1-9), with ``extra`` YAML appended from line 10 on."""
    return f"""schema_version: "1.0"
language: en
organisation:
  name: {name}
  kvk_number: "{kvk}"
reporting_period:
  start: "2025-01-01"
  end: "2025-12-31"
mission: {{statement: We bake bread.}}
{extra}""".encode()


# --- running a batch ------------------------------------------------------------------------

@dataclass
class Batch:
    exit_code: int
    report: dict[str, Any]
    text: str
    seconds: float

    def file(self, name: str) -> dict[str, Any]:
        entries: list[dict[str, Any]] = [entry for entry in self.report["files"] if Path(entry["path"]).name == name]
        assert len(entries) == 1, name
        return entries[0]


def run_batch(cli: Any, folder: Path, *options: str) -> Batch:
    """Validate ``folder`` as JSON and as text; both must agree and neither may show a traceback."""
    start = time.perf_counter()
    as_json = cli("validate", "--format", "json", "--jobs", "1", *options, str(folder))
    seconds = time.perf_counter() - start
    as_text = cli("validate", "--format", "text", "--jobs", "1", *options, str(folder))
    for result in (as_json, as_text):
        assert "Traceback" not in result.output and "internal error" not in result.output
    assert as_json.exit_code == as_text.exit_code
    report = json.loads(as_json.stdout)
    # What a file holds never reaches the terminal as a control character (colours, cursor, title).
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", as_text.stdout), as_text.stdout[:500]
    # Every finding is in the text report as path:line:col: severity[CODE] message.
    located_lines = {line.split("] ", 1)[0] + "]" for line in as_text.stdout.splitlines() if "] " in line}
    for entry in report["files"]:
        for finding in entry["findings"]:
            assert finding["line"] >= 1 and finding["column"] >= 1 and finding["message"]
            path = printable(entry["path"])  # the text report shows control characters in names as U+FFFD
            shown = f"{path}:{finding['line']}:{finding['column']}: {finding['severity']}[{finding['code']}]"
            assert shown in located_lines, shown
    return Batch(as_json.exit_code, report, as_text.stdout, seconds)


def batch_folder(tmp_path: Path, content: bytes | None = None, name: str = HOSTILE) -> Path:
    folder = tmp_path / "batch"
    folder.mkdir(exist_ok=True)
    (folder / "valid.yaml").write_bytes(MINIMAL)
    if content is not None:
        (folder / name).write_bytes(content)
    return folder


def check_hostile(cli: Any, tmp_path: Path, content: bytes, *, valid: bool = False,
                  seconds: float = 5.0) -> list[dict[str, Any]]:
    """The findings of one hostile file checked beside a valid sample; the sample is unaffected."""
    batch = run_batch(cli, batch_folder(tmp_path, content))
    assert batch.seconds < seconds, f"took {batch.seconds:.1f} s"
    assert batch.file("valid.yaml")["valid"] is True
    assert batch.file("valid.yaml")["findings"] == []
    hostile = batch.file(HOSTILE)
    assert hostile["valid"] is valid
    assert batch.report["summary"]["files"] == 2
    assert batch.report["summary"]["valid"] == 1 + valid
    assert batch.exit_code == (0 if valid else 1)
    if not valid:
        assert hostile["errors"] >= 1
    return list(hostile["findings"])


def located(findings: list[dict[str, Any]]) -> list[tuple[str, int, int]]:
    return [(f["code"], f["line"], f["column"]) for f in findings]


def billion_laughs(levels: int = 9) -> bytes:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, levels)]
    return ("\n".join(lines) + "\n").encode()


# --- hostile YAML, one file at a time -------------------------------------------------------

# (id, content, expected (code, line, column) of the first finding, a word of its message); a
# column of None is not checked.
HOSTILE_FILES: list[tuple[str, bytes, tuple[str, int, int | None], str]] = [
    ("billion-laughs", billion_laughs(), ("IC010", 5, 10), "more than 10,000 values"),
    # Few aliases, each of a long text: every claim below would make the rules read 500 kB again.
    ("alias-amplification", statement('x-text: &t "' + "lol " * 125_000 + '"\nclaims:\n'
                                      + "".join(f"  - {{id: c{n}, text: *t, domain: social}}\n" for n in range(9_000))),
     ("IC010", 22, 21), "characters of text"),
    # libyaml 0.2.5 reads flow sequences ahead and stops at its own bound of 1,000 levels (column
    # 1003) before the loader's bound of 64 (column 67); either is the same finding.
    ("flow-sequences-10000-deep", b"a: " + b"[" * 10_000 + b"]" * 10_000 + b"\n", ("IC011", 1, None), "nested deeper"),
    ("flow-mappings-10000-deep", b"a: " + b"{a: " * 10_000 + b"}" * 10_000 + b"\n", ("IC011", 1, 256), "nested deeper"),
    ("block-sequences-10000-deep", b"a:\n" + b"- " * 10_000 + b"x\n", ("IC011", 2, 127), "nested deeper"),
    ("block-mappings-2000-deep", b"".join(b" " * depth + b"k:\n" for depth in range(2_000)), ("IC011", 65, 65),
     "nested deeper"),
    ("nul-byte", statement().replace(b"We bake", b"We\x00bake"), ("IC003", 9, 24), "NUL byte"),
    ("invalid-utf8", statement().replace(b"Buurtbakkerij", b"Buurtbakkerij Caf\xe9"), ("IC003", 4, 26),
     "invalid UTF-8 byte 0xe9"),
    ("invalid-utf8-lone-cr", statement().replace(b"\n", b"\r").replace(b"Buurtbakkerij", b"Caf\xe9"),
     ("IC003", 4, 12), "invalid UTF-8"),
    ("nul-byte-crlf", statement().replace(b"\n", b"\r\n").replace(b"bread", b"br\x00ead"), ("IC003", 9, 32),
     "NUL byte"),
    ("utf16-le-bom", codecs.BOM_UTF16_LE + MINIMAL.decode().encode("utf-16-le"), ("IC003", 1, 1), "UTF-16"),
    ("utf16-be-bom", codecs.BOM_UTF16_BE + MINIMAL.decode().encode("utf-16-be"), ("IC003", 1, 1), "UTF-16"),
    ("utf16-le-no-bom", MINIMAL.decode().encode("utf-16-le"), ("IC003", 1, 1), "UTF-16 (little endian)"),
    ("utf16-be-no-bom", MINIMAL.decode().encode("utf-16-be"), ("IC003", 1, 1), "UTF-16 (big endian)"),
    ("utf32-bom", MINIMAL.decode().encode("utf-32"), ("IC003", 1, 1), "UTF-32"),
    ("schema-error-crlf", statement(kvk="123").replace(b"\n", b"\r\n"), ("IC021", 5, 15), "expected form"),
    ("schema-error-lone-cr", statement(kvk="123").replace(b"\n", b"\r"), ("IC021", 5, 15), "expected form"),
    ("schema-error-mixed-endings", statement(kvk="123").replace(b"\n", b"\r", 2).replace(b"\n", b"\r\n", 1),
     ("IC021", 5, 15), "expected form"),
    ("tab-indentation", statement().replace(b"  name:", b"\tname:"), ("IC004", 4, 1), "tab"),
    ("tab-before-list-item", statement("outcomes:\n\t- id: x\n"), ("IC004", 11, 1), "tab"),
    ("key-of-2000-characters", statement("x-" + "k" * 2_000 + ": 1\n"), ("IC004", 10, 1), "longer than 1,024"),
    ("explicit-key-of-1-mb", statement("? x-" + "k" * MB + "\n: 1\n"), ("IC004", 10, 3), "longer than 1,024"),
    ("raw-bell", statement("x-a: ring \x07\n"), ("IC004", 10, 11), "#x0007"),
    ("raw-escape", statement("x-a: \x1b[2J\n"), ("IC004", 10, 6), "#x001b"),
    ("escaped-terminal-sequence", statement('x-a: "\\e]0;owned\\a\\e[2J"\n'), ("IC003", 10, 6), "U+001B (escape)"),
    ("escaped-nul", statement('x-a: "a\\0b"\n'), ("IC003", 10, 6), "U+0000 (null)"),
    ("escaped-c1-csi", statement('x-a: "\\x9b31m"\n'), ("IC003", 10, 6), "U+009B"),
    ("escape-in-key", statement('"x-\\e[31m": 1\n'), ("IC003", 10, 1), "key contains the control character"),
    ("line-break-in-key", statement("? |\n  x-a\n  fake.yaml:1:1: error[IC000] forged\n: 1\n"), ("IC003", 10, 3),
     "U+000A (line feed)"),
    ("unicode-line-separator", statement().replace(b"We bake", "We\u2028bake".encode()), ("IC003", 9, 24),
     "U+2028"),
    ("next-line-c1", statement().replace(b"We bake", "We\x85bake".encode()), ("IC003", 9, 24), "U+0085"),
    ("integer-of-5000-digits", statement("x-n: 1" + "0" * 5_000 + "\n"), ("IC004", 10, 6), "too large"),
    ("integer-of-400-digits", statement(f"metrics: [{{id: m, name: M, unit: kg, value: 1{'0' * 400}}}]\n"),
     ("IC004", 10, 45), "too large"),
    ("float-overflow", statement("x-n: 1e999\n"), ("IC004", 10, 6), "too large"),
    ("yaml-2-0", b"%YAML 2.0\n---\n" + MINIMAL, ("IC004", 1, 1), "incompatible"),
    ("two-documents", statement("---\n" + MINIMAL.decode()), ("IC006", 10, 1), "more than one YAML document"),
    ("empty", b"", ("IC005", 1, 1), "no statement"),
    ("only-a-list", b"- a\n- b\n", ("IC007", 1, 1), "mapping"),
    ("pdf-junk", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nstartxref\n999\n%%EOF\n", ("IC207", 1, 1),
     "not a readable PDF"),
    ("unclosed-quote", statement('x-a: "never closed\n'), ("IC004", 10, 6), "the quote \" opened here is never closed"),
]


@pytest.mark.parametrize(("content", "first", "fragment"), [case[1:] for case in HOSTILE_FILES],
                         ids=[case[0] for case in HOSTILE_FILES])
def test_a_hostile_file_gets_a_located_finding_and_spoils_nothing(
        cli: Any, tmp_path: Path, content: bytes, first: tuple[str, int, int | None], fragment: str) -> None:
    findings = check_hostile(cli, tmp_path, content)
    code, line, column = located(findings)[0]
    assert (code, line, column if first[2] is not None else None) == first, findings[0]
    assert fragment in findings[0]["message"]


@pytest.mark.parametrize(("name", "content"), [
    ("line-of-1-mb", statement("x-note: " + "bread " * (MB // 6) + "\n")),
    ("text-of-1-mb-in-a-claim", statement(f"claims: [{{id: c, text: {'Bread. ' * (MB // 7)}, domain: social, "
                                          "basis: {metrics: [m]}}]\n"
                                          "metrics: [{id: m, name: M, unit: kg, value: 1}]\n")),
    ("pdf-mentioned-in-a-comment", b"# exported from annual-report.pdf (%PDF-1.7)\n" + MINIMAL),
    ("utf8-bom", codecs.BOM_UTF8 + MINIMAL),
    ("crlf", MINIMAL.replace(b"\n", b"\r\n")),
    ("lone-cr", MINIMAL.replace(b"\n", b"\r")),
    ("bidi-and-zero-width-text", statement("x-a: \"\u202eevil\u202c \u2066\u200bok\u2069\"\n")),
    ("yaml-1-2-directive", b"%YAML 1.2\n---\n" + MINIMAL),
])
def test_large_or_unusual_but_valid_files_pass(cli: Any, tmp_path: Path, name: str, content: bytes) -> None:
    assert check_hostile(cli, tmp_path, content, valid=True) == []


def test_every_yaml_tag_the_safe_loader_knows_is_refused_and_nothing_runs(cli: Any, tmp_path: Path) -> None:
    marker = tmp_path / "code-ran"
    tags = [
        "!!binary aGVsbG8=", "!!timestamp 2025-01-01T10:00:00Z", "!!set {a, b}", "!!omap [a: 1, b: 2]",
        "!!pairs [a: 1, a: 2]", f'!!python/object/apply:os.system ["touch {marker}"]',
        f"!!python/object/new:subprocess.check_output [[touch, {marker}]]", "!!python/object:os.stat_result {}",
        "!!python/name:os.system", "!!python/module:os", "!!python/tuple [1, 2]", "!!python/bytes aGk=",
        "!!python/str x", "!!python/unicode x", "!!python/int 1", "!!value =", "!!yaml '!'", "!!str {a: 1}",
        "!!map x", "!!seq x", "!!int [1]", "!local x", "!<tag:example.com,2000:x> 1", "!e!x 1",
    ]
    extra = "".join(f"x-{number}: {tag}\n" for number, tag in enumerate(tags))
    merge = "x-base: &base {a: 1}\nx-merged:\n  <<: *base\nx-merged-tag:\n  !!merge <<: *base\n"
    content = b"%TAG !e! tag:example.com,2000:\n---\n" + statement(extra + merge)
    findings = check_hostile(cli, tmp_path, content)
    tagged = [f for f in findings if f["code"] == "IC009"]
    assert [f["line"] for f in tagged] == [*range(12, 12 + len(tags)), 12 + len(tags) + 2, 12 + len(tags) + 4]
    assert all(f["column"] == 5 + len(str(n)) for n, f in zip(range(len(tags)), tagged, strict=False))
    assert "merge key << is not supported" in tagged[-2]["message"]
    assert "!!merge" in tagged[-1]["message"]
    assert {f["code"] for f in findings} <= {"IC009", "IC021"}
    assert not marker.exists()


# --- rules that must stay linear on hostile statements --------------------------------------

def test_a_claim_full_of_exempt_and_generic_terms_is_checked_in_linear_time(cli: Any, tmp_path: Path) -> None:
    # Every "green" sits between "Green Deal"s; checking each against every exempt phrase was
    # quadratic (hours for a 5 MB file).
    text = "Green Deal green " * 30_000
    findings = check_hostile(cli, tmp_path, statement(f"claims: [{{id: c, text: {text}, domain: environmental}}]\n"))
    assert {f["code"] for f in findings} == {"IC101", "IC102"}


def test_thousands_of_dangling_references_are_reported_in_bounded_time_and_space(cli: Any, tmp_path: Path) -> None:
    # Each dangling reference was compared with every id, and its hint listed every id.
    count = 3_000
    metrics = "".join(f"  - {{id: m{n}, name: M, unit: kg, value: 1}}\n" for n in range(count))
    refs = ", ".join(f"x{n}" for n in range(count))
    content = statement(f"metrics:\n{metrics}outcomes:\n  - id: o\n    what: {{description: d, polarity: positive}}\n"
                        f"    metrics: [{refs}]\n")
    findings = check_hostile(cli, tmp_path, content)
    dangling = [f for f in findings if f["code"] == "IC107"]
    assert len(dangling) == count
    assert max(len(f["hint"]) for f in dangling) < 300
    assert "and 2,980 more" in dangling[-1]["hint"]


def test_a_claim_with_thousands_of_percentages_is_reported_in_bounded_space(cli: Any, tmp_path: Path) -> None:
    # Each contradicted percentage listed every basis percentage: thousands times thousands.
    count = 2_000
    metrics = "".join(f"  - {{id: p{n}, name: P, unit: '%', value: {n % 50 * 2}}}\n" for n in range(count))
    text = " ".join(f"{n % 50 * 2 + 1}%" for n in range(count))  # 50 odd percentages, the basis has even ones
    refs = ", ".join(f"p{n}" for n in range(count))
    content = statement(f"metrics:\n{metrics}claims:\n  - {{id: c, text: '{text}', domain: social, "
                        f"basis: {{metrics: [{refs}]}}}}\n")
    findings = check_hostile(cli, tmp_path, content)
    contradicted = [f for f in findings if f["pointer"] == "/claims/0/text" and f["code"] == "IC114"]
    assert len(contradicted) == 50
    assert "and 1,990 more" in contradicted[0]["message"]
    assert max(len(f["message"]) for f in contradicted) < 600


def test_numbers_at_the_edge_of_floats_validate_and_render(cli: Any, tmp_path: Path) -> None:
    # 1.7e308 - (-1.7e308) is no float: the chart positions became NaN in the SVG.
    extra = ("metrics: [{id: m, name: M, unit: kg, value: 1.7e308, baseline: {value: -1.7e308},"
             " target: {value: 1.7e308, year: 2030}}]\n"
             "claims: [{id: c, text: 'We reached 99999999999999999999999999999999999999999% of it', domain: social,"
             " basis: {metrics: [m]}}]\n")
    content = statement(extra)
    check_hostile(cli, tmp_path, content, valid=True)
    document = load_bytes(content, "statement.yaml")
    html = render_document(document, output_format="html", language="en").decode("utf-8")
    assert not re.search(r'="(?:-?nan|-?inf)"', html)
    assert_inert(html, "")


# --- the file system: links, pipes, sockets, devices, folders -------------------------------

def test_symlink_loops_and_dangling_links_in_a_batch(cli: Any, tmp_path: Path) -> None:
    folder = batch_folder(tmp_path)
    (folder / "loop").symlink_to(folder)  # a folder that contains itself
    (folder / "a.yaml").symlink_to(folder / "b.yaml")
    (folder / "b.yaml").symlink_to(folder / "a.yaml")
    (folder / "dangling.yaml").symlink_to(folder / "nowhere.yaml")
    (folder / "self.yaml").symlink_to(folder / "self.yaml")
    batch = run_batch(cli, folder)
    assert batch.seconds < 5
    assert batch.report["summary"] == {"files": 5, "valid": 1, "invalid": 4, "errors": 4, "warnings": 0}
    for name in ("a.yaml", "b.yaml", "self.yaml"):
        [finding] = batch.file(name)["findings"]
        assert (finding["code"], finding["line"], finding["column"]) == ("IC001", 1, 1)
        assert "too many levels of symbolic links" in finding["message"]
    [finding] = batch.file("dangling.yaml")["findings"]
    target = str(folder / "nowhere.yaml")
    assert finding["message"] == f"the path is a symbolic link to {target!r}, which does not exist"


def test_a_file_that_cannot_be_read_is_a_finding(cli: Any, tmp_path: Path) -> None:
    # Tests run as root, where file modes stop nothing; /proc/self/mem is a real file whose
    # first page cannot be read by anyone (address 0 is never mapped), so reading fails with EIO.
    folder = batch_folder(tmp_path)
    (folder / "unreadable.yaml").symlink_to("/proc/self/mem")
    batch = run_batch(cli, folder)
    [finding] = batch.file("unreadable.yaml")["findings"]
    assert (finding["code"], finding["message"]) == ("IC001", "the file cannot be read: input/output error")
    assert batch.report["summary"]["valid"] == 1 and batch.exit_code == 1


def test_a_socket_and_a_directory_named_like_statements(cli: Any, tmp_path: Path) -> None:
    folder = batch_folder(tmp_path)
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(folder / "socket.yaml"))
        (folder / "empty.yaml").mkdir()  # a folder named like a statement is searched like a folder
        (folder / "sub.yaml").mkdir()
        (folder / "sub.yaml" / "inner.yaml").write_bytes(MINIMAL)
        batch = run_batch(cli, folder)
    finally:
        server.close()
    assert batch.report["summary"] == {"files": 3, "valid": 2, "invalid": 1, "errors": 1, "warnings": 0}
    assert batch.file("inner.yaml")["valid"] is True
    [finding] = batch.file("socket.yaml")["findings"]
    assert finding["message"] == "the path is a socket, not a statement file"
    # Named on the command line, a folder named x.yaml is searched too; finding nothing is a usage
    # error, and a warning with --allow-empty.
    result = cli("validate", "--format", "json", str(folder / "empty.yaml"))
    assert result.exit_code == 2
    assert "no statement files (*.yaml, *.yml) found" in result.stderr
    result = cli("validate", "--format", "json", "--allow-empty", str(folder / "empty.yaml"))
    assert result.exit_code == 0
    assert "no statement files (*.yaml, *.yml) found" in result.stderr


def run_impactclaim(*args: str, timeout: float = 60) -> tuple[subprocess.CompletedProcess[str], float, int]:
    """Run the installed impactclaim; returns the process, its wall time and its peak memory in KiB.

    The peak is measured by a small Python parent whose only child is impactclaim, so no other
    process of the test run counts.
    """
    measure = ("import resource, subprocess, sys\n"
               "status = subprocess.run(sys.argv[1:]).returncode\n"
               "sys.stderr.write(f'\\nPEAK-RSS-KB {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}\\n')\n"
               "sys.exit(status)\n")
    start = time.perf_counter()
    process = subprocess.run([sys.executable, "-c", measure, str(EXECUTABLE), *args], capture_output=True,
                             text=True, timeout=timeout, cwd=ROOT, env={**os.environ, "NO_COLOR": "1"})
    seconds = time.perf_counter() - start
    match = re.search(r"\nPEAK-RSS-KB (\d+)\n", process.stderr)
    assert match, process.stderr
    process.stderr = process.stderr[:match.start()]
    return process, seconds, int(match.group(1))


def test_a_named_pipe_nobody_writes_to_does_not_hang_the_batch(tmp_path: Path) -> None:
    folder = batch_folder(tmp_path)
    os.mkfifo(folder / "pipe.yaml")
    process, seconds, _ = run_impactclaim("validate", "--format", "json", "--jobs", "2", str(folder), timeout=60)
    assert process.stderr == ""
    report = json.loads(process.stdout)
    assert report["summary"] == {"files": 2, "valid": 1, "invalid": 1, "errors": 1, "warnings": 0}
    [finding] = [f for entry in report["files"] for f in entry["findings"]]
    assert finding["message"] == "the path is a named pipe (FIFO) and nothing was written to it"
    assert process.returncode == 1 and seconds < 15


def test_a_50_mb_file_is_refused_by_its_size_without_being_read(tmp_path: Path) -> None:
    folder = batch_folder(tmp_path)
    with open(folder / HOSTILE, "wb") as stream:
        stream.write(b"x-padding: '")
        chunk = b"impact " * (MB // 7)
        for _ in range(50):
            stream.write(chunk)
        stream.write(b"'\n")
    size = (folder / HOSTILE).stat().st_size
    assert size > 50 * 1_000_000
    _, _, baseline_kib = run_impactclaim("validate", "--jobs", "1", str(folder / "valid.yaml"))
    process, seconds, peak_kib = run_impactclaim("validate", "--format", "json", "--jobs", "1", str(folder))
    assert process.returncode == 1 and process.stderr == ""
    report = json.loads(process.stdout)
    assert report["summary"]["valid"] == 1 and report["summary"]["files"] == 2
    [finding] = [f for entry in report["files"] for f in entry["findings"]]
    assert (finding["code"], finding["line"], finding["column"]) == ("IC002", 1, 1)
    assert finding["message"] == f"the file is {size:,} bytes, over the limit of 5,242,880 bytes"
    assert seconds < 5
    # Reading even a tenth of the file would show; startup and the valid sample are the baseline.
    assert peak_kib < baseline_kib + 5 * 1024, (peak_kib, baseline_kib)


def test_every_hostile_file_in_one_batch_with_two_workers(tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "valid.yaml").write_bytes(MINIMAL)
    for name, content, _, _ in HOSTILE_FILES:
        (folder / f"{name}.yaml").write_bytes(content)
    os.mkfifo(folder / "pipe.yaml")
    (folder / "loop.yaml").symlink_to(folder / "loop.yaml")
    (folder / "dir.yaml").mkdir()
    process, seconds, _ = run_impactclaim("validate", "--format", "json", "--jobs", "2", str(folder), timeout=120)
    assert process.returncode == 1
    assert process.stderr == ""
    report = json.loads(process.stdout)
    invalid = len(HOSTILE_FILES) + 2
    assert report["summary"]["files"] == invalid + 1
    assert report["summary"]["valid"] == 1 and report["summary"]["invalid"] == invalid
    assert [entry["path"] for entry in report["files"] if entry["valid"]] == [str(folder / "valid.yaml")]
    assert seconds < 30


# --- markup and script in every text field --------------------------------------------------

SCHEMA = json.loads((ROOT / "schemas" / "1.0" / "statement.schema.json").read_text(encoding="utf-8"))
SCHEMA_1_1 = json.loads((ROOT / "schemas" / "1.1" / "statement.schema.json").read_text(encoding="utf-8"))
# Schema 1.1 text given per language: both languages of the profile, and one it never shows.
TEXT_LANGUAGES = ("nl", "en", "de")
MARK = "PAYLOAD"
PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    "{{ 7*7 }}",
    "{% raw %}{{ config }}",
    "${7*7} #{7*7}",
    "javascript:alert(1)",
    "</style><style>body{display:none}</style>",
    "]]><![CDATA[",
    "<!-- x --><a href=javascript:alert(1)>click</a>",
    "&lt;b&gt; &amp; &#x3C;script&#x3E;",
    "url(http://127.0.0.1:9/x) @import 'http://127.0.0.1:9/y';",
    "\u202eevil",
    "\u2067isolated",
]
# Values that a valid statement must give these patterns and formats, by pattern.
VALID_BY_PATTERN = {
    "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$": "statement-1",
    "^[0-9]{8}$": "12345678",
    "^[A-U]?[0-9]{2}(\\.[0-9]{1,2}){0,2}$": "95.29",
    "^[a-z0-9][a-z0-9_-]{0,63}$": "ref",
    "^(1[0-7]|[1-9])\\.([1-9][0-9]?|[a-d])$": "8.5",
    "^[A-Z]{2}[0-9]{4}$": "PI4060",
    # schema 1.1
    "^GM[0-9]{4}$": "GM0599",
    "^\\+?[0-9][0-9 ()-]{5,24}$": "+31 10 555 0142",
    "^[A-Z]{2}$": "BE",  # a foreign address: only a Dutch postal code has a pattern, this one carries the payload
}
VALID_BY_FORMAT = {"date": "2025-06-30", "email": "info@example.org"}


def resolved(node: dict[str, Any], schema: dict[str, Any] = SCHEMA) -> dict[str, Any]:
    while "$ref" in node:
        target = schema["$defs"][node["$ref"].rsplit("/", 1)[-1]]
        node = {**target, **{key: value for key, value in node.items() if key != "$ref"}}
    return node


def every_field(payload: str, *, draft: bool, node: dict[str, Any] | None = None,
                schema: dict[str, Any] = SCHEMA) -> Any:
    """A statement with every property of the schema filled in, ``payload`` in every text field.

    For a valid statement, fields with an enum, a pattern or a format get a valid value (web
    addresses get the payload after ``https://``); for a draft every string is the payload. Text
    that may be given per language (schema 1.1) is given in ``TEXT_LANGUAGES``.
    """
    node = resolved(schema if node is None else node, schema)
    kind = node.get("type")
    if kind == "object":
        return {name: every_field(payload, draft=draft, node=child, schema=schema)
                for name, child in node["properties"].items()}
    if kind == "array":
        return [every_field(payload, draft=draft, node=node["items"], schema=schema)]
    if kind is None and "anyOf" in node:  # 1.1's text: plain, or a map of language to text
        [per_language] = [branch for branch in node["anyOf"] if branch.get("type") == "object"]
        return {language: every_field(payload, draft=draft, node=per_language["additionalProperties"], schema=schema)
                for language in TEXT_LANGUAGES}
    if kind == "integer":
        return max(node.get("minimum", 1), min(2025, node.get("maximum", 2025)))
    if kind == "number":
        return 42.5
    if kind == "boolean":
        return True
    if draft:
        return payload
    if "const" in node:
        return node["const"]
    if "enum" in node:
        return node["enum"][0]
    if node.get("format") in VALID_BY_FORMAT:
        return VALID_BY_FORMAT[node["format"]]
    if "maxLength" in node:  # a house number or postal code (16 characters) cannot hold every payload
        return "12-B"
    if node.get("pattern") == "^https?://":
        return f"https://example.org/{payload}"
    if "pattern" in node:
        return VALID_BY_PATTERN[node["pattern"]]
    return payload


# Elements the profile never has: anything of these in a page came from the statement.
FORBIDDEN_TAGS = {"iframe", "object", "embed", "form", "input", "button", "base", "link", "img", "frame", "frameset",
                  "applet", "math", "video", "audio", "template"}


class Page(HTMLParser):
    """Everything of a page that could run, load or restyle something, and its text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str, str]] = []
        self.text: list[str] = []
        self.styles: list[str] = []
        self._in_style = False
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += [(tag, name, value or "") for name, value in attrs]
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        (self.styles if self._in_style else self.text).append(data)


def assert_inert(html: str, payload: str) -> Page:
    """The page shows ``payload`` as text and nothing in it runs, loads or restyles."""
    page = Page(html)
    assert page.tags.count("script") == 0
    assert set(page.tags) & FORBIDDEN_TAGS == set()
    assert page.tags.count("style") == 1
    assert [(tag, name) for tag, name, _ in page.attributes if name.startswith("on")] == []
    for tag, name, value in page.attributes:
        if name in ("href", "src", "action", "formaction", "xlink:href"):
            assert not value.strip().lower().startswith(("javascript:", "vbscript:", "data:text")), (tag, name, value)
        if name == "class":  # statement text may name no class of the page's style sheet
            assert all(re.fullmatch(r"[A-Za-z0-9_-]+", token) for token in value.split()), (tag, value)
    style = "".join(page.styles)
    assert "display:none}" not in style and "127.0.0.1" not in style and "alert" not in style
    if set(payload) & set("<>&\"'"):
        assert payload not in html  # only escaped
    return page


def page_text(page: Page) -> str:
    return "".join(page.text)


def numbered(payload: str, *, draft: bool, schema: dict[str, Any] = SCHEMA) -> tuple[dict[str, Any], dict[str, str]]:
    """``every_field`` with the payload of each field numbered ("<payload> #7"), and the fields."""
    data = every_field(MARK, draft=draft, schema=schema)
    fields: dict[str, str] = {}

    def fill(value: Any, path: str) -> Any:
        if isinstance(value, dict):
            return {key: fill(item, f"{path}/{key}") for key, item in value.items()}
        if isinstance(value, list):
            return [fill(item, f"{path}/{index}") for index, item in enumerate(value)]
        if isinstance(value, str) and MARK in value:
            fields[path] = f"{payload} #{len(fields)}"
            return value.replace(MARK, fields[path])
        return value

    return fill(data, ""), fields


def shown(text: str) -> str:
    """How the profile shows ``text``: a direction override or isolate closed at its end."""
    if "\u202e" in text:
        return text + "\u202c"
    if "\u2067" in text:
        return text + "\u2069"
    return text


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markup_in_every_text_field_of_a_valid_statement_is_shown_as_text(payload: str) -> None:
    data, fields = numbered(payload, draft=False)
    document = load_bytes(yaml.safe_dump(data, sort_keys=False, allow_unicode=True).encode(), "statement.yaml")
    assert document.data is not None
    assert [f for f in impactclaim.validate(document) if f.code in ("IC020", "IC021")] == []
    html = render_document(document, output_format="html", language="en").decode("utf-8")
    page = assert_inert(html, payload)
    # Every text field (the logo is an image, never text) is shown exactly as written and never
    # interpreted; a direction override is closed at the end of its own field, so it cannot
    # reorder what the page shows after it.
    text = page_text(page)
    missing = [path for path, value in fields.items() if shown(value) not in text and path != "/organisation/logo"]
    assert missing == []
    mission = escape(shown(fields["/mission/statement"]))
    assert f'<blockquote class="mission-statement">{mission}</blockquote>' in html


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markup_in_every_field_of_a_draft_is_shown_as_text(payload: str) -> None:
    data, _ = numbered(payload, draft=True)  # ids, dates, enums, the schema version: every string
    document = load_bytes(yaml.safe_dump(data, sort_keys=False, allow_unicode=True).encode(), "statement.yaml")
    assert document.data is not None
    findings = impactclaim.validate(document)
    assert findings, "a draft full of payloads is not a valid statement"
    html = render_document(document, output_format="html", language="nl", draft=True,
                           findings=findings).decode("utf-8")
    page = assert_inert(html, payload)
    assert shown(f"{payload} #0") in page_text(page)
    assert 'class="draft-watermark"' in html


def per_language(fields: dict[str, str], path: str) -> dict[str, str]:
    """The variants of the text at ``path`` by language; empty when it is plain text."""
    return {language: fields[f"{path}/{language}"] for language in TEXT_LANGUAGES if f"{path}/{language}" in fields}


def wrong_language(text: str, fields: dict[str, str], language: str) -> list[str]:
    """The fields of schema 1.0 that the profile in ``language`` does not show in that language.

    A field that is plain text must be shown as written; a field given per language must be
    shown in ``language`` and in no other (the numbers make each variant unique: "#3" is not
    "#30").
    """
    _, fields_1_0 = numbered(MARK, draft=False)
    wrong = []
    for path in fields_1_0:
        if path == "/organisation/logo":  # an image, never text
            continue
        variants = per_language(fields, path)
        if not variants:
            if shown(fields[path]) not in text:
                wrong.append(path)
            continue
        if shown(variants[language]) not in text:
            wrong.append(f"{path}/{language} missing")
        wrong += [f"{path}/{other} shown" for other, value in variants.items()
                  if other != language and re.search(re.escape(value) + "(?![0-9])", text)]
    return wrong


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markup_in_every_text_field_of_a_1_1_statement_is_shown_as_text_in_each_language(payload: str) -> None:
    data, fields = numbered(payload, draft=False, schema=SCHEMA_1_1)  # every free text per language
    assert data["schema_version"] == "1.1" and data["mission"]["statement"].keys() == {"nl", "en", "de"}
    document = load_bytes(yaml.safe_dump(data, sort_keys=False, allow_unicode=True).encode(), "statement.yaml")
    assert document.data is not None
    # Valid for the schema, and in the statement's own language (nl) everywhere (IC023).
    assert [f for f in impactclaim.validate(document) if f.code in ("IC020", "IC021", "IC023")] == []
    for language in ("nl", "en"):
        html = render_document(document, output_format="html", language=language).decode("utf-8")
        assert f'<html lang="{language}">' in html
        page = assert_inert(html, payload)  # the 1.1 sections too: whatever they show is escaped
        # Every text field of 1.0 shows its own language's variant exactly as written, never
        # another language's, and the German one in neither profile.
        assert wrong_language(page_text(page), fields, language) == []
        mission = escape(shown(fields[f"/mission/statement/{language}"]))
        assert f'<blockquote class="mission-statement">{mission}</blockquote>' in html


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markup_in_every_field_of_a_1_1_draft_and_in_a_language_key_is_shown_as_text(payload: str) -> None:
    data, fields = numbered(payload, draft=True, schema=SCHEMA_1_1)  # every string, and text per language
    # A key that is no language code, carrying the payload: a draft shows the text all the same.
    data["mission"]["statement"] = {payload: fields["/mission/statement/nl"]}
    document = load_bytes(yaml.safe_dump(data, sort_keys=False, allow_unicode=True).encode(), "statement.yaml")
    assert document.data is not None
    findings = impactclaim.validate(document)
    assert findings, "a draft full of payloads is not a valid statement"
    for language in ("nl", "en"):
        html = render_document(document, output_format="html", language=language, draft=True,
                               findings=findings).decode("utf-8")
        page = assert_inert(html, payload)
        text = page_text(page)
        assert shown(f"{payload} #0") in text  # the schema version
        assert shown(fields["/mission/statement/nl"]) in text
        assert shown(fields[f"/claims/0/text/{language}"]) in text
        assert 'class="draft-watermark"' in html


def only_in(value: Any, node: dict[str, Any], schema: dict[str, Any]) -> Any:
    """``value`` without the properties that ``schema`` (at ``node``) does not know."""
    node = resolved(node, schema)
    if node.get("type") == "object" and isinstance(value, dict):
        return {key: only_in(item, node["properties"][key], schema) for key, item in value.items()
                if key in node["properties"]}
    if node.get("type") == "array" and isinstance(value, list):
        return [only_in(item, node["items"], schema) for item in value]
    return value


def maps_in(value: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every mapping of text per language in ``value`` (a mapping whose keys are TEXT_LANGUAGES)."""
    if isinstance(value, dict) and value.keys() == set(TEXT_LANGUAGES):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from maps_in(item, f"{path}/{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from maps_in(item, f"{path}/{index}")


def test_a_1_0_statement_with_text_per_language_gets_ic021_at_every_map_and_renders_as_a_draft(
        cli: Any, tmp_path: Path) -> None:
    # Written for 1.1, every free text per language, but schema_version still says 1.0.
    data, fields = numbered("Bread", draft=False, schema=SCHEMA_1_1)
    data = only_in(data, SCHEMA, SCHEMA)
    data["schema_version"] = "1.0"
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    lines = text.splitlines()
    maps = dict(maps_in(data))
    assert len(maps) == 24  # every text that 1.1 made multilingual and 1.0 already had

    # Each map is an error at the line and column of its first key (found in the text, not
    # through the loader's source map), and nothing else is.
    expected = set()
    for pointer, texts in maps.items():
        first = yaml.safe_dump({"nl": texts["nl"]}, allow_unicode=True).strip()  # as safe_dump writes it
        [(line, column)] = [(number, len(line) - len(first) + 1) for number, line in enumerate(lines, 1)
                            if line.endswith(first) and line[:-len(first)].strip() in ("", "-")]
        expected.add((pointer, line, column))
    path = tmp_path / "statement.yaml"
    path.write_text(text, encoding="utf-8")
    findings = impactclaim.validate(impactclaim.load(path))
    errors = [f for f in findings if f.severity == "error"]
    assert {(f.pointer, f.line, f.column) for f in errors} == expected
    assert all(f.code == "IC021" and f.message.endswith("must be text, not a mapping") for f in errors)

    # A draft renders, shows each text in the profile's language, and lists the errors.
    for language in ("nl", "en"):
        output = tmp_path / f"draft-{language}.html"
        result = cli("render", str(path), "--draft", "--lang", language, "-o", str(output))
        assert result.exit_code == 0, result.output
        assert "Traceback" not in result.output and "error[IC021]" in result.stderr
        html = output.read_text(encoding="utf-8")
        assert 'class="draft-watermark"' in html and html.count("IC021") >= len(maps)
        assert wrong_language(page_text(Page(html)), fields, language) == []


def test_a_1_0_statement_that_forgot_its_version_bump_is_pointed_at_the_maps(cli: Any, tmp_path: Path) -> None:
    content = b"""schema_version: "1.0"
language: en
organisation:
  name: Buurtbakkerij
  kvk_number: "90215378"
reporting_period:
  start: "2025-01-01"
  end: "2025-12-31"
mission:
  statement:
    nl: Wij bakken brood.
    en: We bake bread.
claims:
  - id: bread
    text: {nl: Ons brood is lokaal., en: Our bread is local.}
    domain: social
"""
    findings = check_hostile(cli, tmp_path, content)
    errors = [f for f in findings if f["severity"] == "error"]
    assert located(errors) == [("IC021", 11, 5), ("IC021", 15, 11)]
    assert [f["message"] for f in errors] == ["mission.statement must be text, not a mapping",
                                              "claims[0].text must be text, not a mapping"]
    texts = {"nl": ("Wij bakken brood.", "Ons brood is lokaal."), "en": ("We bake bread.", "Our bread is local.")}
    for language, other in (("nl", "en"), ("en", "nl")):
        output = tmp_path / f"{language}.html"
        result = cli("render", str(tmp_path / "batch" / HOSTILE), "--draft", "--lang", language, "-o", str(output))
        assert result.exit_code == 0, result.output
        assert "error[IC021]" in result.stderr
        html = output.read_text(encoding="utf-8")
        assert 'class="draft-watermark"' in html
        mission, claim = texts[language]
        assert f'<blockquote class="mission-statement">{mission}</blockquote>' in html
        text = page_text(Page(html))
        assert claim in text
        assert [variant for variant in texts[other] if variant in text] == []


def test_a_language_code_that_is_no_language_code_is_pointed_at_its_own_key(cli: Any, tmp_path: Path) -> None:
    # Like an unknown property, a wrong key of a text per language is an error at that key, not
    # at the first language of the text, which may be many lines above it.
    content = b"""schema_version: "1.1"
language: nl
organisation:
  name: Buurtbakkerij
  kvk_number: "90215378"
reporting_period:
  start: "2025-01-01"
  end: "2025-12-31"
mission:
  statement:
    nl: Wij bakken brood.
    en: We bake bread.
    EN: We bake bread.
claims:
  - id: c
    text: {nl: Ons brood is lokaal., eng: Our bread is local.}
    domain: social
    basis: {metrics: [m]}
metrics: [{id: m, name: Broden, unit: stuks, value: 3}]
"""
    lines = content.decode().splitlines()
    assert lines[12].index("EN:") + 1 == 5 and lines[15].index("eng:") + 1 == 38
    findings = check_hostile(cli, tmp_path, content)
    output = tmp_path / "draft.html"
    result = cli("render", str(tmp_path / "batch" / HOSTILE), "--draft", "-o", str(output))
    assert result.exit_code == 0, result.output
    assert '<blockquote class="mission-statement">Wij bakken brood.</blockquote>' in output.read_text(encoding="utf-8")
    errors = [f for f in findings if f["severity"] == "error"]
    assert "'EN'" in errors[0]["message"] and "'eng'" in errors[1]["message"]
    assert [(f["code"], f["line"], f["column"]) for f in errors] == [("IC021", 13, 5), ("IC021", 16, 38)], errors


def test_the_website_field_never_becomes_a_script_link() -> None:
    for website in ("javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "data:text/html,<b>x</b>",
                    "https://example.org/\"onmouseover=alert(1)", "https://example.org/<script>"):
        data = every_field("x", draft=False)
        data["organisation"]["website"] = website
        document = load_bytes(yaml.safe_dump(data).encode(), "statement.yaml")
        html = render_document(document, output_format="html", language="en", draft=True).decode("utf-8")
        page = Page(html)
        hrefs = [value for tag, name, value in page.attributes if tag == "a" and name == "href"]
        assert all(href.startswith("https://example.org/") for href in hrefs), hrefs
        assert website.strip() in page_text(page)


def test_the_pdf_shows_markup_as_text_and_links_nothing_but_the_web(tmp_path: Path) -> None:
    payload = '<script>alert(1)</script> {{ 7*7 }} "><img src=x onerror=alert(1)> ]]> javascript:alert(1)'
    data = every_field(payload, draft=False)
    data["organisation"]["website"] = "javascript:alert(1)"
    document = load_bytes(yaml.safe_dump(data, sort_keys=False, allow_unicode=True).encode(), "statement.yaml")
    pdf = render_document(document, output_format="pdf", language="en", draft=True)
    text = words(pdf_text(pdf, tmp_path))
    assert text.count(payload) >= 10
    assert "javascript:alert(1)" in text
    plain = decompressed_pdf(pdf, tmp_path)
    uris = re.findall(rb"/URI\s*\(([^)]*)\)", plain)
    assert all(uri.startswith(b"https://example.org/") for uri in uris), uris
    assert b"/JavaScript" not in plain and b"/JS " not in plain and b"/Launch" not in plain


def test_the_batch_report_shows_markup_as_text(cli: Any, tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    for number, payload in enumerate(PAYLOADS):
        (folder / f"s{number}.yaml").write_bytes(statement(name=json.dumps(payload)))
    report = tmp_path / "report.html"
    result = cli("validate", "--format", "text", "--jobs", "1", "--report", str(report), str(folder))
    assert result.exit_code == 0, result.stdout
    html = report.read_text(encoding="utf-8")
    for payload in PAYLOADS:
        if set(payload) & set("<>&\"'"):
            assert payload not in html
    page = Page(html)
    assert [(tag, name) for tag, name, _ in page.attributes if name.startswith("on")] == []
    assert page.tags.count("script") == 1  # the report's own sorting script
    text = page_text(page)
    assert all(payload in text for payload in PAYLOADS if not payload.startswith(("\u202e", "\u2067")))


def test_the_csv_batch_report_does_not_hand_formulas_to_a_spreadsheet(cli: Any, tmp_path: Path) -> None:
    folder = batch_folder(tmp_path, statement(name="'=HYPERLINK(\"http://127.0.0.1:9/?\"&A1,\"click\")'"))
    report = tmp_path / "report.csv"
    cli("validate", "--format", "text", "--jobs", "1", "--report", str(report), str(folder))
    rows = list(csv.DictReader(io.StringIO(report.read_text(encoding="utf-8"))))
    assert all(not row["organisation"].startswith(("=", "+", "-", "@")) for row in rows)
    assert any(row["organisation"].startswith("'=HYPERLINK(") for row in rows)  # kept, but inert


def test_a_file_name_cannot_drive_the_terminal(cli: Any, tmp_path: Path) -> None:
    folder = batch_folder(tmp_path, statement(kvk="1"), name="\x1b]0;owned\x07\x1b[2J.yaml")
    run_batch(cli, folder)


def test_the_injection_statements_fill_every_text_field() -> None:
    _, fields = numbered("x", draft=False)
    assert len(fields) == 41  # every free-text string of schema 1.0, and the two web addresses
    for expected in ("/organisation/name", "/mission/statement", "/claims/0/text", "/claims/0/label/scheme",
                     "/outcomes/0/what/description", "/outcomes/0/evidence/sources/0/url", "/metrics/0/unit",
                     "/assurance/statement", "/theory_of_change/assumptions/0", "/organisation/website"):
        assert expected in fields, expected
    _, draft_fields = numbered("x", draft=True)
    assert len(draft_fields) == 79  # and in a draft every string: ids, dates, enums, the version


def test_the_1_1_injection_statements_fill_every_text_field_in_every_language() -> None:
    data, fields = numbered("x", draft=False, schema=SCHEMA_1_1)
    maps = dict(maps_in(data))
    assert len(maps) == 30  # every text schemas/1.1/CHANGES.md lists as multilingual, in nl, en and de
    for expected in ("/mission/statement", "/theory_of_change/inputs/0", "/claims/0/comparison/what",
                     "/social_enterprise/stakeholder_governance", "/procurement/social_return/0/description"):
        assert expected in maps, expected
    for expected in ("/organisation/name", "/organisation/contact/name", "/organisation/address/street",
                     "/organisation/address/city", "/metrics/0/unit", "/organisation/website"):
        assert expected in fields, expected  # plain text in 1.1 too
    assert len(fields) == 111  # 30 texts in three languages, and 21 plain strings that hold the payload
    _, draft_fields = numbered("x", draft=True, schema=SCHEMA_1_1)
    assert len(draft_fields) == 164
