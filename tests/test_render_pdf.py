"""The PDF profile: content in both languages, the embedded statement, metadata, reproducibility.

Needs poppler-utils (pdftotext, pdfinfo, pdfdetach) and qpdf: skipped on a laptop without them,
a failure under CI=true.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from impactclaim.embedded import ExtractError, statement_bytes_from_pdf
from impactclaim.profile.pdf import ATTACHMENT_MIME_TYPE, ATTACHMENT_NAME
from tests.conftest import ROOT
from tests.test_render_support import VALID_SAMPLES, pdf_page_count, pdf_text, render_sample, require_tool, words

FIETSFABRIEK = ROOT / "samples" / "valid" / "fietsfabriek-utrecht.yaml"
MEUBEL = ROOT / "samples" / "valid" / "circulair-meubel.yaml"
MINIMAL = ROOT / "samples" / "valid" / "minimal.yaml"


@pytest.fixture(scope="module")
def fietsfabriek_nl() -> bytes:
    return render_sample(FIETSFABRIEK, "pdf")


@pytest.fixture(scope="module")
def fietsfabriek_en() -> bytes:
    return render_sample(FIETSFABRIEK, "pdf", "en")


@pytest.fixture(scope="module")
def minimal_draft() -> bytes:
    return render_sample(MINIMAL, "pdf", draft=True)


def write_pdf(content: bytes, tmp_path: Path, name: str = "profile.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


# --- content ---------------------------------------------------------------------------------

def test_the_dutch_profile_reads_in_dutch(fietsfabriek_nl: bytes, tmp_path: Path) -> None:
    text = words(pdf_text(fietsfabriek_nl, tmp_path)).casefold()  # headings are in capitals
    for expected in [
        "De Fietsfabriek Utrecht B.V.", "KvK 81946203", "1 januari 2025 – 31 december 2025",
        "Collegiale toetsing", "Missie", "Verandertheorie", "Impactclaims en onderbouwing",
        "60% van onze medewerkers had bij indiensttreding een afstand tot de arbeidsmarkt.",
        "Onderbouwd en onafhankelijk geverifieerd", "Effecten langs de vijf dimensies",
        "Indicatoren", "Nulmeting", "6.850 fietsen", "35 (27,5 fte)", "55,6%", "Eerlijk werk en economische groei",
        "Impactrisico's", "Terugval", "Bewijs en bronnen", "Nesta-niveau 3 van 5",
        "Kenmerk fietsfabriek-utrecht-2025", "Schema 1.0", "Pagina 1 van",
    ]:
        assert expected.casefold() in text, expected
    assert "decent work" not in text and "page 1 of" not in text


def test_the_same_statement_reads_in_english_with_lang_en(fietsfabriek_en: bytes, tmp_path: Path) -> None:
    text = words(pdf_text(fietsfabriek_en, tmp_path)).casefold()
    for expected in [
        "Impact profile", "Reporting period", "1 January 2025 – 31 December 2025", "Peer review",
        "Impact claims and their substantiation", "Substantiated and independently verified",
        "Outcomes along the five dimensions", "Baseline", "6,850 fietsen", "35 (27.5 FTE)", "55.6%",
        "Decent work and economic growth",
        "Impact risks", "Drop-off", "Evidence and sources", "Nesta level 3 of 5", "Page 1 of",
        # The statement's own text stays as written:
        "60% van onze medewerkers had bij indiensttreding een afstand tot de arbeidsmarkt.",
    ]:
        assert expected.casefold() in text, expected
    assert "eerlijk werk" not in text and "pagina 1 van" not in text


def test_every_page_carries_the_footer_and_its_number(fietsfabriek_nl: bytes, tmp_path: Path) -> None:
    pages = pdf_page_count(fietsfabriek_nl, tmp_path)
    assert pages >= 3
    for page in range(1, pages + 1):
        text = words(pdf_text(fietsfabriek_nl, tmp_path, first=page, last=page))
        assert f"Pagina {page} van {pages}" in text
        assert "Kenmerk fietsfabriek-utrecht-2025" in text and "impactclaim" in text


def test_a_draft_is_marked_on_every_page(minimal_draft: bytes, tmp_path: Path) -> None:
    pages = pdf_page_count(minimal_draft, tmp_path)
    for page in range(1, pages + 1):
        assert "DRAFT, NOT VALIDATED" in words(pdf_text(minimal_draft, tmp_path, first=page, last=page)).upper()


def test_the_minimal_statement_gives_a_one_page_profile_that_says_it_is_incomplete(tmp_path: Path) -> None:
    pdf = render_sample(MINIMAL, "pdf")
    assert pdf_page_count(pdf, tmp_path) == 1
    text = words(pdf_text(pdf, tmp_path))
    for expected in ["Buurtbakkerij Het Zuurdesem", "We bake bread with people", "At a glance",
                     "Not reported in this statement.", "KvK 90215378, 2025-01-01/2025-12-31", "Page 1 of 1",
                     "Completeness: 0 of 5 dimensions described.",
                     "This statement describes little so far: most parts of this profile are not reported."]:
        assert expected in text, expected


def test_a_full_profile_counts_its_dimensions_in_the_overview_and_on_each_outcome(fietsfabriek_nl: bytes,
                                                                                  tmp_path: Path) -> None:
    text = words(pdf_text(fietsfabriek_nl, tmp_path))
    assert "Volledigheid: 15 van de 15 dimensies beschreven." in text
    assert text.count("5 van de 5 dimensies beschreven") == 3  # one line on each outcome card
    assert "de meeste onderdelen van dit profiel zijn niet gerapporteerd" not in text


@pytest.mark.parametrize("sample", VALID_SAMPLES, ids=lambda path: path.stem)
def test_the_printed_profile_is_laid_out_without_flex_boxes(sample: Path) -> None:
    # WeasyPrint lays out a flex container several times over: flex layout was about half of the
    # layout of a six-page profile. The print style sheet draws the same design with tables and
    # inline blocks; a flex rule that reaches print again would bring that cost back.
    from weasyprint.formatting_structure.boxes import FlexContainerBox

    from impactclaim.profile.pdf import FetchLog, data_only_fetcher, lay_out

    document = lay_out(render_sample(sample, "html").decode("utf-8"), data_only_fetcher(FetchLog()))
    flex = [box.element_tag + "." + ".".join(box.element.get("class", "").split())
            for page in document.pages for box in page._page_box.descendants()
            if isinstance(box, FlexContainerBox)]
    assert len(document.pages) >= 1
    assert flex == []


# --- the embedded statement ------------------------------------------------------------------

def test_the_statement_round_trips_byte_for_byte(fietsfabriek_nl: bytes, tmp_path: Path) -> None:
    assert statement_bytes_from_pdf(write_pdf(fietsfabriek_nl, tmp_path)) == FIETSFABRIEK.read_bytes()


def test_the_attachment_is_a_pdfa3_source_file_others_can_read(fietsfabriek_nl: bytes, tmp_path: Path) -> None:
    path = write_pdf(fietsfabriek_nl, tmp_path)
    pdfdetach = require_tool("pdfdetach")
    listing = subprocess.run([pdfdetach, "-list", str(path)], check=True, capture_output=True, text=True).stdout
    assert listing.split() == ["1", "embedded", "files", "1:", ATTACHMENT_NAME]
    subprocess.run([pdfdetach, "-save", "1", "-o", str(tmp_path / "out.yaml"), str(path)], check=True)
    assert (tmp_path / "out.yaml").read_bytes() == FIETSFABRIEK.read_bytes()

    qpdf = require_tool("qpdf")
    subprocess.run([qpdf, "--check", str(path)], check=True, capture_output=True)
    expanded = tmp_path / "expanded.pdf"
    subprocess.run([qpdf, "--qdf", "--object-streams=disable", str(path), str(expanded)], check=True)
    raw = expanded.read_bytes()
    assert b"/AFRelationship /Source" in raw
    assert b"/Subtype /" + ATTACHMENT_MIME_TYPE.replace("/", "#2f").encode() in raw
    assert re.search(rb"/AF \[\s*\d+ 0 R", raw), "the catalog lists the associated file"
    assert b'pdfaid:part="3"' in raw and b'pdfaid:conformance="B"' in raw


def test_metadata_title_author_subject_keywords_language_and_tags(fietsfabriek_nl: bytes, tmp_path: Path) -> None:
    pdfinfo = require_tool("pdfinfo")
    info = subprocess.run([pdfinfo, str(write_pdf(fietsfabriek_nl, tmp_path))], check=True,
                          capture_output=True, text=True).stdout
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    fields = {key.strip(): value.strip() for key, value in fields.items()}
    assert fields["Title"] == "Impactprofiel De Fietsfabriek Utrecht B.V. 2025"
    assert fields["Author"] == "De Fietsfabriek Utrecht B.V."
    assert fields["Subject"].startswith("Impactprofiel van De Fietsfabriek Utrecht B.V. over 1 januari 2025")
    assert fields["Keywords"].startswith("impactclaim, impactprofiel, Arbeidsparticipatie")
    assert "SDG 8" in fields["Keywords"]
    assert fields["Tagged"] == "yes"
    assert fields["CreationDate"].startswith("Tue Mar 31 00:00:00 2026")  # the published date
    assert fields["PDF version"] == "1.7"
    from pypdf import PdfReader

    assert PdfReader(tmp_path / "profile.pdf").trailer["/Root"]["/Lang"] == "nl"


def test_extract_tells_a_pdf_without_statement_from_a_broken_one(tmp_path: Path) -> None:
    import weasyprint

    plain = tmp_path / "plain.pdf"
    weasyprint.HTML(string="<p>no statement</p>").write_pdf(plain)
    assert statement_bytes_from_pdf(plain) is None
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n garbage")
    with pytest.raises(ExtractError):
        statement_bytes_from_pdf(broken)
    with pytest.raises(ExtractError, match="not a PDF"):
        statement_bytes_from_pdf(MINIMAL)


# --- reproducibility -------------------------------------------------------------------------

def _render_in_a_new_process(output: Path, hash_seed: str, extra_env: dict[str, str] | None = None,
                             statement: Path = MEUBEL) -> bytes:
    env = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
    env.update({"PYTHONHASHSEED": hash_seed, **(extra_env or {})})
    subprocess.run([sys.executable, "-m", "impactclaim", "render", str(statement), "-o", str(output)],
                   check=True, capture_output=True, env=env, cwd=ROOT)
    return output.read_bytes()


def test_two_renders_in_two_processes_are_byte_identical(tmp_path: Path) -> None:
    first = _render_in_a_new_process(tmp_path / "a.pdf", "1")
    second = _render_in_a_new_process(tmp_path / "b.pdf", "2")
    assert first == second


def test_a_profile_rendered_after_others_in_one_process_is_byte_identical_to_a_fresh_one(tmp_path: Path) -> None:
    # One process keeps the parsed style sheet and the decoded fonts for the next profile (a batch
    # worker, the preview): what they leave behind must change nothing in the next document.
    fresh = _render_in_a_new_process(tmp_path / "fresh.pdf", "1", {}, FIETSFABRIEK)
    others = [path for path in VALID_SAMPLES if path != FIETSFABRIEK]
    assert others
    for path in others:
        render_sample(path, "pdf")
    assert render_sample(FIETSFABRIEK, "pdf") == fresh


def test_the_dates_and_numbers_do_not_follow_the_machines_locale_or_time_zone(tmp_path: Path) -> None:
    # Babel is always given the profile's locale (nl_NL, en_GB): the locale of the machine, which it
    # would otherwise take for numbers and dates, and its time zone change nothing.
    first = _render_in_a_new_process(tmp_path / "a.pdf", "1", {"LC_NUMERIC": "C", "TZ": "UTC"}, FIETSFABRIEK)
    second = _render_in_a_new_process(tmp_path / "b.pdf", "2", {
        "LC_NUMERIC": "de_CH.UTF-8", "LC_TIME": "fr_FR.UTF-8", "LC_MONETARY": "en_US.UTF-8",
        "LANGUAGE": "fr", "TZ": "Pacific/Kiritimati"}, FIETSFABRIEK)
    assert first == second
    text = words(pdf_text(first, tmp_path)).casefold()
    assert "1 januari 2025 – 31 december 2025" in text and "35 (27,5 fte)" in text and "55,6%" in text


def test_source_date_epoch_sets_every_date(tmp_path: Path) -> None:
    _render_in_a_new_process(tmp_path / "c.pdf", "3", {"SOURCE_DATE_EPOCH": "1700000000"})
    pdfinfo = require_tool("pdfinfo")
    info = subprocess.run([pdfinfo, str(tmp_path / "c.pdf")], check=True, capture_output=True, text=True).stdout
    assert "CreationDate:    Tue Nov 14 00:00:00 2023" in info
    assert "ModDate:         Tue Nov 14 00:00:00 2023" in info


@pytest.mark.parametrize("path", VALID_SAMPLES, ids=[p.stem for p in VALID_SAMPLES])
def test_every_sample_renders_to_a_valid_pdf(path: Path, tmp_path: Path) -> None:
    pdf = render_sample(path, "pdf")
    qpdf = require_tool("qpdf")
    subprocess.run([qpdf, "--check", str(write_pdf(pdf, tmp_path))], check=True, capture_output=True)
    assert statement_bytes_from_pdf(tmp_path / "profile.pdf") == path.read_bytes()
