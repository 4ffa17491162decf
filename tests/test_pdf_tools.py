"""Every PDF the samples produce, checked with the tools others will open it with.

Each valid sample is rendered in its own language and in the other one, and the impact-washing
sample as a draft: nine profiles, each rendered once per module (``Renders``). Then, per profile:

* qpdf: ``qpdf --check`` finds no error and no warning;
* poppler: ``pdffonts`` shows every font embedded (and only the bundled Inter), ``pdftotext``
  (its default mode, without ``-layout``) reads the profile in order and without mojibake;
* pikepdf (libqpdf underneath): the PDF/A-3b identification and the document information in
  XMP, the tags, the output intent, the attached statement and the absence of active content.

What this cannot prove: full PDF/A-3b conformance. That takes a validator that checks every
clause of ISO 19005-3 (veraPDF, a Java program in neither Debian nor PyPI); the checks here are
the clauses a reader or an archive looks at first. The Debian tools are required: a missing one
fails the test (``require_tool``), it never skips.

``tests/test_render_pdf.py`` covers the content of the profile, the extract round trip and
byte-identical renders in two processes; nothing here repeats it.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from pikepdf.models.metadata import decode_pdf_date

from impactclaim.loader import load_path
from impactclaim.profile.command import RenderOptions, render_statement
from impactclaim.profile.labels import LANGUAGES, Labels
from impactclaim.profile.pdf import ATTACHMENT_NAME
from impactclaim.statement import Statement, Text, read_statement
from tests.conftest import SAMPLES
from tests.test_render_support import VALID_SAMPLES, require_tool, words

IMPACT_WASHING = SAMPLES / "invalid" / "impact-washing" / "statement.yaml"
# The only font the profile uses; a glyph missing from it would pull in a system font, which
# makes the PDF depend on the machine that rendered it.
BUNDLED_FONT_FAMILY = "Inter"
FONT_TAG = re.compile(r"^[A-Z]{6}\+")


@dataclass(frozen=True)
class Case:
    """One PDF the samples produce: a statement, the profile's language, draft or not."""

    path: Path
    language: str
    draft: bool = False

    @property
    def id(self) -> str:
        if self.draft:
            return f"{self.path.parent.name}-{self.language}-draft"
        return f"{self.path.stem}-{self.language}"


def _own_language(path: Path) -> str:
    document = load_path(path)
    assert document.data is not None, path
    return str(document.data["language"])


def _cases() -> list[Case]:
    cases = []
    for path in VALID_SAMPLES:
        own = _own_language(path)
        cases += [Case(path, own), *(Case(path, other) for other in LANGUAGES if other != own)]
    return [*cases, Case(IMPACT_WASHING, _own_language(IMPACT_WASHING), draft=True)]


CASES = _cases()


@dataclass
class Rendered:
    """One rendered profile and what the tools said about it, each asked once."""

    case: Case
    pdf: bytes
    html: str
    file: Path
    data: dict[str, Any]
    source: bytes

    @cached_property
    def text(self) -> str:
        """pdftotext in its default mode (no -layout): the reading order poppler infers."""
        return run("pdftotext", "-enc", "UTF-8", str(self.file), "-").stdout

    @cached_property
    def document(self) -> pikepdf.Pdf:
        return pikepdf.open(self.file)

    @property
    def labels(self) -> Labels:
        return Labels(self.case.language)

    @property
    def organisation(self) -> str:
        return str(self.data["organisation"]["name"])

    @cached_property
    def statement(self) -> Statement:
        return read_statement(self.data)

    def text_of(self, text: Text) -> str:
        """A free-text field as the profile shows it: in the profile's language, else the statement's."""
        return text.get(self.case.language, fallback=self.statement.language)

    @property
    def date(self) -> str:
        """The one date of the profile: published, else the end of the reporting period."""
        return str(self.data.get("published") or self.data["reporting_period"]["end"])


class Renders:
    """Each case rendered at most once per test module, on first use."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._done: dict[Case, Rendered] = {}

    def __getitem__(self, case: Case) -> Rendered:
        if case not in self._done:
            document = load_path(case.path)
            assert document.data is not None
            file = render(case, self.folder / f"{case.id}.pdf")
            html = render(case, file.with_suffix(".html")).read_text(encoding="utf-8")
            self._done[case] = Rendered(case, file.read_bytes(), html, file, document.data, document.raw)
        return self._done[case]

    def close(self) -> None:
        for rendered in self._done.values():
            if "document" in rendered.__dict__:  # opened by cached_property
                rendered.document.close()


@pytest.fixture(scope="module")
def renders(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Renders]:
    renders = Renders(tmp_path_factory.mktemp("profiles"))
    yield renders
    renders.close()


@pytest.fixture(params=CASES, ids=[case.id for case in CASES])
def profile(request: pytest.FixtureRequest, renders: Renders) -> Rendered:
    case: Case = request.param
    return renders[case]


def render(case: Case, output: Path) -> Path:
    """Render as ``impactclaim render`` does: checked first, a draft with its findings."""
    outcome = render_statement(RenderOptions(str(case.path), str(output), language=case.language, draft=case.draft))
    assert outcome.exit_code == 0 and outcome.output == output, outcome
    return output


def run(tool: str, *arguments: str) -> subprocess.CompletedProcess[str]:
    """Run a Debian tool that must be installed; its exit code is the caller's to judge."""
    return subprocess.run([require_tool(tool), *arguments], capture_output=True, text=True, check=False, timeout=60)


def test_cases_cover_every_sample_in_both_languages_and_the_draft() -> None:
    assert len(CASES) == 2 * len(VALID_SAMPLES) + 1 and len(VALID_SAMPLES) >= 4
    assert {case.language for case in CASES} == set(LANGUAGES)
    assert len({case.id for case in CASES}) == len(CASES)


# --- qpdf ------------------------------------------------------------------------------------

def test_qpdf_check_finds_no_error_and_no_warning(profile: Rendered) -> None:
    result = run("qpdf", "--check", str(profile.file))
    report = result.stdout + result.stderr
    assert result.returncode == 0, report  # 2 means errors, 3 means warnings
    assert result.stderr == "", report
    assert "No syntax or stream encoding errors found" in result.stdout, report
    assert "WARNING" not in report.upper() and "ERROR:" not in report.upper(), report
    assert "File is not encrypted" in result.stdout, report


# --- poppler ---------------------------------------------------------------------------------

def pdffonts_rows(output: str) -> list[dict[str, str]]:
    """The table pdffonts prints, cut along the dashes under its header."""
    lines = output.splitlines()
    rule = next(index for index, line in enumerate(lines) if line.startswith("---"))
    spans = [match.span() for match in re.finditer(r"-+", lines[rule])]
    names = [lines[rule - 1][start:end].strip() for start, end in spans[:-1]] + ["object ID"]
    spans[-1] = (spans[-1][0], None)  # type: ignore[assignment]  # the last column runs to the end
    return [{name: line[start:end].strip() for name, (start, end) in zip(names, spans, strict=True)}
            for line in lines[rule + 1:] if line.strip()]


def test_pdffonts_lists_only_embedded_subsets_of_the_bundled_font(profile: Rendered) -> None:
    result = run("pdffonts", str(profile.file))
    assert result.returncode == 0 and result.stderr == "", result.stderr
    rows = pdffonts_rows(result.stdout)
    assert rows, result.stdout
    for row in rows:
        assert row["emb"] == "yes", f"not embedded: {row}"
        assert row["sub"] == "yes" and FONT_TAG.match(row["name"]), f"not a subset: {row}"
        assert row["uni"] == "yes", f"no ToUnicode map, so text cannot be extracted: {row}"
        assert row["type"] != "Type 3", f"a Type 3 font is a bitmap or drawing, not text: {row}"
        assert FONT_TAG.sub("", row["name"]).startswith(BUNDLED_FONT_FAMILY), f"a system font crept in: {row}"
    families = {FONT_TAG.sub("", row["name"]) for row in rows}
    assert {BUNDLED_FONT_FAMILY, f"{BUNDLED_FONT_FAMILY}-Bold"} <= families, families


class Reading:
    """The pdftotext output as one string, each non-empty line with its spaces collapsed.

    ``lines`` keeps the line breaks, to find a heading as a line of its own; ``flat`` has the
    same offsets with the breaks turned into spaces, to find a sentence that wraps.
    """

    def __init__(self, text: str) -> None:
        self.lines = "\n" + "\n".join(words(line) for line in text.splitlines() if line.strip()) + "\n"
        self.flat = self.lines.replace("\n", " ")

    def heading(self, heading: str, after: int, what: str) -> int:
        position = self.lines.find(f"\n{heading}\n", after)
        assert position >= 0, f"{what}: no line {heading!r} after offset {after}\n{self.lines[after:after + 600]}"
        return position + 1

    def sentence(self, sentence: str, after: int, what: str) -> int:
        position = self.flat.find(words(sentence), after)
        assert position >= 0, f"{what}: {sentence!r} not found after offset {after}\n{self.flat[after:after + 600]}"
        return position


def test_pdftotext_reads_the_profile_in_order(profile: Rendered) -> None:
    reading, t = Reading(profile.text), profile.labels
    not_reported = t("document.not_reported")
    title = reading.sentence(t("document.title").upper(), 0, "the header's title")
    organisation = reading.heading(profile.organisation, title, "the organisation in the header")
    mission = reading.heading(t("section.mission"), organisation, "the mission heading")
    statement = profile.statement
    reading.sentence(profile.text_of(statement.mission.statement), mission, "the mission statement")
    claims = reading.heading(t("section.claims"), mission, "the claims heading")
    outcomes = reading.heading(t("section.outcomes"), claims, "the outcomes heading")
    # The summary near the top repeats the metrics label; the section heading is the one after
    # the outcomes.
    metrics = reading.heading(t("section.metrics"), outcomes, "the metrics heading")
    first_claim = profile.text_of(statement.claims[0].text) if statement.claims else not_reported
    assert reading.sentence(first_claim, claims, "the first claim") < outcomes, "the first claim is outside its section"
    first_metric = profile.text_of(statement.metrics[0].name) if statement.metrics else not_reported
    reading.sentence(first_metric, metrics, "the first metric")
    assert reading.lines.count(f"\n{profile.organisation}\n", 0, mission) == 1


def test_pdftotext_gives_the_characters_the_html_has_and_no_mojibake(profile: Rendered) -> None:
    text = profile.text
    # Every character poppler reads must be one WeasyPrint was given (text-transform may have
    # upper-cased it). Mojibake (Ã©, â€“), U+FFFD, a private-use glyph or a ligature such as
    # U+FB01 for "fi" (which breaks search) all fail here.
    given = set(profile.html) | set(profile.html.upper()) | css_generated_characters(profile.html) | {"\n", "\f"}
    strange = sorted({char for char in text if char not in given})
    assert not strange, [f"U+{ord(char):04X}" for char in strange]
    assert not re.search("[\x00-\x08\x0b\x0e-\x1f\ufffd\ue000-\uf8ff\ufb00-\ufb4f]|Ã.|â€", text)
    flat = words(text)
    # Characters beyond ASCII, from the statement, the labels and the typography.
    expected = [profile.organisation, "–", "·"]  # the en dash of every period, the separator of the header
    if profile.case.language == "nl":
        expected.append(profile.labels("section.summary"))  # In één oogopslag
    if profile.data.get("claims"):
        expected += ["“", "”"]
    expected += {
        "zorgcooperatie-de-linde": ["Zorgcoöperatie De Linde U.A.", "cliënten", "één dorpsteam"],
        "fietsfabriek-utrecht": ["beëindigen"],
    }.get(profile.case.path.stem, [])
    for snippet in expected:
        assert snippet in flat, snippet
    # No sample has a euro sign today; should one get it, it must come through.
    if "€" in profile.source.decode("utf-8"):
        assert "€" in flat


def css_generated_characters(html: str) -> set[str]:
    """What CSS adds to the text: the ``content`` strings (escapes decoded) and list bullets."""
    characters = {"•"}  # the marker of list-style: disc
    for string in re.findall(r'content:\s*"((?:[^"\\]|\\.)*)"', html):
        characters |= set(re.sub(r"\\([0-9a-fA-F]{1,6}) ?", lambda match: chr(int(match.group(1), 16)), string))
    return characters


def test_pdftotext_reads_no_text_letter_by_letter(profile: Rendered) -> None:
    # Four or more lines in a row of one letter each; digits (the summary tiles) do not count.
    scattered = re.search(r"(?m)(?:^[^\W\d_]\n+){4,}", profile.text)
    assert scattered is None, scattered.group(0) if scattered else ""


# --- pikepdf: PDF/A identification and metadata ---------------------------------------------

def xmp_packet(document: pikepdf.Pdf) -> bytes:
    metadata = document.Root.Metadata
    assert metadata.Type == "/Metadata" and metadata.Subtype == "/XML"
    return bytes(metadata.read_bytes())


def test_file_header_and_end_are_pdfa(profile: Rendered) -> None:
    first_line, second_line, _ = profile.pdf.split(b"\n", 2)
    assert first_line == b"%PDF-1.7"
    # ISO 19005: a comment of at least four bytes above 127 right after the header.
    assert second_line.startswith(b"%") and sum(byte > 127 for byte in second_line[1:5]) == 4
    assert profile.pdf.endswith(b"%%EOF\n")
    assert not profile.document.is_encrypted


def test_xmp_says_pdfa_3b_and_matches_the_document_information(profile: Rendered) -> None:
    document, t = profile.document, profile.labels
    packet = xmp_packet(document)
    header = packet.split(b"?>", 1)[0]
    assert header.startswith(b"<?xpacket begin=") and b"bytes=" not in header and b"encoding=" not in header
    assert packet.rstrip().endswith(b"<?xpacket end=\"r\"?>") or packet.rstrip().endswith(b"<?xpacket end=\"w\"?>")
    ElementTree.fromstring(packet.split(b"?>", 1)[1].rsplit(b"<?xpacket", 1)[0])  # well-formed XML
    info = document.docinfo
    with document.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as xmp:
        assert xmp["pdfaid:part"] == "3" and xmp["pdfaid:conformance"] == "B"
        assert xmp.pdfa_status == "3B"
        assert xmp["dc:creator"] == [profile.organisation]
        title = xmp["dc:title"]
        assert title.startswith(t("document.title") + " ") and profile.organisation in title, title
        # ISO 19005-3 6.6.3: each entry of the document information has its XMP equivalent.
        assert str(info.Title) == title
        assert str(info.Author) == profile.organisation
        assert str(info.Subject) == xmp["dc:description"] and profile.organisation in str(info.Subject)
        assert str(info.Keywords) == xmp["pdf:Keywords"]
        assert str(info.Creator) == xmp["xmp:CreatorTool"]
        assert str(info.Producer) == xmp["pdf:Producer"]
        for key, xmp_key in (("/CreationDate", "xmp:CreateDate"), ("/ModDate", "xmp:ModifyDate")):
            assert xmp[xmp_key] == f"{profile.date}T00:00:00Z"
            assert decode_pdf_date(str(info[key])).isoformat() == f"{profile.date}T00:00:00+00:00"
    assert str(document.Root.Lang) == profile.case.language


def test_the_pdf_is_tagged(profile: Rendered) -> None:
    root = profile.document.Root
    marked: object = root.MarkInfo.Marked
    assert marked is True
    tree = root.StructTreeRoot
    assert tree.Type == "/StructTreeRoot" and "/ParentTree" in tree
    kinds = structure_kinds(tree.K)
    assert kinds.count("/Document") == 1 and kinds.count("/H1") == 1, kinds
    assert kinds.count("/H2") >= 5 and "/P" in kinds, kinds  # mission, summary, claims, outcomes, metrics
    if profile.data.get("metrics"):
        assert "/Table" in kinds and "/TH" in kinds, kinds
    parents = {int(page.StructParents) for page in profile.document.pages}
    assert len(parents) == len(profile.document.pages)
    numbers = tree.ParentTree.Nums
    assert parents <= {int(numbers[index]) for index in range(0, len(numbers), 2)}


def structure_kinds(node: Any, seen: set[tuple[int, int]] | None = None) -> list[str]:
    """The /S of every structure element under ``node``, in document order."""
    seen = set() if seen is None else seen
    kinds: list[str] = []
    if isinstance(node, pikepdf.Array):
        for child in node:
            kinds += structure_kinds(child, seen)
    elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
        if node.is_indirect:
            if node.objgen in seen:
                return kinds
            seen.add(node.objgen)
        kinds.append(str(node.S))
        if "/K" in node:
            kinds += structure_kinds(node.K, seen)
    return kinds


def test_the_output_intent_carries_an_embedded_srgb_profile(profile: Rendered) -> None:
    intents = profile.document.Root.OutputIntents
    assert len(intents) == 1
    intent = intents[0]
    assert intent.S == "/GTS_PDFA1" and str(intent.OutputConditionIdentifier)
    icc_stream = intent.DestOutputProfile
    assert icc_stream.is_indirect and int(icc_stream.N) == 3
    icc = bytes(icc_stream.read_bytes())
    assert icc[36:40] == b"acsp", "not an ICC profile"
    assert int.from_bytes(icc[:4], "big") == len(icc)
    assert icc[12:16] == b"mntr" and icc[16:20] == b"RGB ", icc[12:20]
    assert icc[8] <= 4, f"ICC version {icc[8]}: PDF/A-3 allows up to 4"
    for page in profile.document.pages:
        assert "/OutputIntents" not in page.obj


# --- pikepdf: the attached statement ---------------------------------------------------------

def test_the_statement_is_the_one_associated_source_file(profile: Rendered) -> None:
    root = profile.document.Root
    associated = list(root.AF)
    assert len(associated) == 1, f"/AF lists {len(associated)} files: {[item.objgen for item in associated]}"
    spec = associated[0]
    names = list(root.Names.EmbeddedFiles.Names)
    assert len(names) == 2 and str(names[0]) == ATTACHMENT_NAME
    assert names[1].objgen == spec.objgen, "the name tree and /AF point at different file specifications"
    assert spec.Type == "/Filespec" and spec.AFRelationship == "/Source"
    assert str(spec.F) == str(spec.UF) == ATTACHMENT_NAME
    assert str(spec.Desc) == profile.labels("document.attachment_description")

    stream = spec.EF.F
    assert stream.Type == "/EmbeddedFile"
    assert stream.Subtype == pikepdf.Name("/application/yaml")
    # A stream never sits in an object stream, so its dictionary is in the file as written: the
    # slash is escaped as #2F (PDF names take the hex digits in either case; WeasyPrint writes
    # #2f). An unescaped slash would make two names, /application and /yaml.
    assert re.search(rb"/Subtype\s*/application#2[Ff]yaml\b", profile.pdf)
    content = bytes(stream.read_bytes())
    assert content == profile.source == profile.case.path.read_bytes()
    params = stream.Params
    assert int(params.Size) == len(content)
    assert bytes(params.CheckSum) == hashlib.md5(content).digest()
    fixed = f"D:{profile.date.replace('-', '')}000000Z"
    assert str(params.ModDate) == str(params.CreationDate) == fixed


def test_no_javascript_no_launch_and_only_web_links(profile: Rendered) -> None:
    document = profile.document
    root = document.Root
    assert "/JavaScript" not in root.get("/Names", {}) and "/AA" not in root
    if "/OpenAction" in root:
        check_action(root.OpenAction)
    links = 0
    for obj in document.objects:
        for dictionary in dictionaries_in(obj):
            assert not {"/JS", "/JavaScript", "/AA"} & set(dictionary.keys()), dictionary.keys()
            assert dictionary.get("/S") not in ("/JavaScript", "/Launch", "/SubmitForm", "/ImportData", "/GoToR",
                                                "/GoToE", "/Rendition", "/Sound", "/Movie"), dictionary
            if dictionary.get("/Type") == "/Annot":
                # PDF/A: printable, never hidden; and the only annotations are links.
                assert dictionary.Subtype == "/Link" and int(dictionary.F) == 4, dictionary
                if "/A" in dictionary:
                    check_action(dictionary.A)
                    links += 1
    website = profile.data["organisation"].get("website")
    assert links >= (1 if website else 0)


def check_action(action: pikepdf.Object) -> None:
    assert action.S in ("/URI", "/GoTo"), action
    if action.S == "/URI":
        assert re.match(r"https?://", str(action.URI)), action.URI


def dictionaries_in(obj: Any) -> Iterator[pikepdf.Dictionary]:
    """``obj`` (a dictionary, stream or array) and every direct dictionary inside it."""
    if isinstance(obj, pikepdf.Stream):
        yield from dictionaries_in(obj.stream_dict)
    elif isinstance(obj, pikepdf.Dictionary):
        yield obj
        for value in obj.values():
            if isinstance(value, pikepdf.Object) and not value.is_indirect:
                yield from dictionaries_in(value)
    elif isinstance(obj, pikepdf.Array):
        for value in obj:
            if isinstance(value, pikepdf.Object) and not value.is_indirect:
                yield from dictionaries_in(value)


# --- reproducibility -------------------------------------------------------------------------

# Two of the quicker cases; test_render_pdf.py renders a long profile in two processes.
_QUICK = [case for case in CASES if case.path.stem == "minimal" and case.language == "nl"] + [CASES[-1]]


@pytest.mark.parametrize("case", _QUICK, ids=[case.id for case in _QUICK])
def test_the_document_id_is_the_same_in_a_second_render(case: Case, renders: Renders) -> None:
    first = renders[case]
    second = render(case, first.file.with_name(f"{case.id}-again.pdf")).read_bytes()
    identifier = first.document.trailer.ID
    assert len(identifier) == 2 and bytes(identifier[0]) == bytes(identifier[1])
    assert re.fullmatch(rb"[0-9a-f]{32}", bytes(identifier[0])), bytes(identifier[0])
    assert second == first.pdf
    with pikepdf.open(first.file.with_name(f"{case.id}-again.pdf")) as reopened:
        assert [bytes(part) for part in reopened.trailer.ID] == [bytes(part) for part in identifier]
