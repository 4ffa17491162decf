"""Page breaks of the PDF profile: no card or table split, no heading alone at the foot of a page.

Two kinds of checks, on every valid sample in its own language and on the two Dutch samples in
English:

- the text of each page as ``pdftotext -layout`` reads it (what a reader sees): no page but the
  last ends with a heading, an outcome card's title is on the page of its rows, a claim's text on
  the page of its substantiation, the SDG heading on the page of its tiles, and the last page is
  not a leftover;
- the layout WeasyPrint computes for the same HTML: every block the stylesheet keeps together
  (cards, tables, table rows, the SDG block, evidence items) is on one page unless it is taller
  than a page, and then its section heading is on the page where it starts.
"""

from __future__ import annotations

import datetime
import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import impactclaim
from impactclaim.loader import load_path
from impactclaim.profile.labels import Labels
from impactclaim.profile.model import Profile, ProfileInputs, build_profile
from impactclaim.profile.pdf import FetchLog, data_only_fetcher, import_weasyprint
from impactclaim.statement import read_statement
from tests.conftest import SAMPLES
from tests.test_render_support import VALID_SAMPLES, require_tool, sample, words

# Every sample in its own language, and the two Dutch samples in English too: English labels are
# longer, and in English a statement's Dutch texts come with a note at the top of the first page.
# A draft of a statement with errors adds the findings at the end: "draft" stands for the language.
SEVERAL_PROBLEMS = SAMPLES / "invalid" / "several-problems" / "statement.yaml"
CASES = [(path, None) for path in VALID_SAMPLES] + [
    (sample("fietsfabriek-utrecht"), "en"), (sample("buurtwerk-rotterdam-1.1"), "en"), (SEVERAL_PROBLEMS, "draft")]
IDS = [f"{path.stem}.{language}" if language else path.stem for path, language in CASES[:-1]] + ["draft"]

# The last page must hold at least this share of the text of an average other page. A page with
# less (the colophon alone, or one evidence item and the colophon) looks like something went
# wrong when printed, and leaves a reader to wonder whether a page is missing; a quarter of a page
# is about a short section with its heading, which reads as a deliberate ending. Text is counted
# in characters other than spaces, without the running header and footer.
LAST_PAGE_SHARE = 0.25


@dataclass(frozen=True)
class Rendered:
    profile: Profile
    labels: Labels
    pages: list[list[str]]  # per page, its content lines (without running header and footer)


@cache
def _profile(path: Path, language: str) -> Profile:
    document = load_path(path)
    assert document.data is not None
    inputs = ProfileInputs(language=language, tool_version="0", date=datetime.date(2026, 1, 1))
    return build_profile(read_statement(document.data), inputs)


def _language(path: Path, language: str | None) -> str:
    document = load_path(path)
    assert document.data is not None
    return str(document.data["language"]) if language in (None, "draft") else str(language)


@cache
def _render(path: Path, language: str | None, output_format: str) -> bytes:
    """The profile as the render command makes it; a draft shows the statement's findings at its end."""
    draft = language == "draft"
    result = impactclaim.render(path, format=output_format, language=_language(path, language), draft=draft)
    assert result.content is not None
    assert bool(result.findings) or not draft
    return result.content


@cache
def rendered(path: Path, language: str | None) -> Rendered:
    chosen = _language(path, language)
    pdf = _render(path, language, "pdf")
    tool = require_tool("pdftotext")
    text = subprocess.run([tool, "-layout", "-enc", "UTF-8", "-", "-"], input=pdf, check=True,
                          capture_output=True).stdout.decode("utf-8")
    raw_pages = text.split("\f")
    if raw_pages and not raw_pages[-1].strip():
        raw_pages.pop()
    labels = Labels(chosen)
    profile = _profile(path, chosen)
    pages = []
    for number, raw in enumerate(raw_pages, 1):
        footer = f"{labels('document.page')} {number} {labels('document.page_of')} {len(raw_pages)}"
        lines = [line for line in raw.splitlines() if line.strip() and footer not in words(line)]
        if number > 1 and lines and words(lines[0]).startswith(profile.header.name):
            lines = lines[1:]  # the running header: organisation and period
        pages.append(lines)
    return Rendered(profile, labels, pages)


def _fold(text: str) -> str:
    return words(text).casefold()


def headings(profile: Profile, t: Labels) -> list[str]:
    """Every heading line the profile can print: sections, outcome cards, labelled blocks, table headers."""
    sections = ["mission", "summary", "claims", "outcomes", "metrics"]
    if profile.theory_of_change.present:
        sections.append("theory_of_change")
    if profile.goals:
        sections.append("sdgs")
    if profile.risks:
        sections.append("risks")
    if profile.outcomes:
        sections.append("evidence")
    if profile.header.assurance:
        sections.append("assurance")
    found = [t(f"section.{key}") for key in sections] + [t("section.findings")]  # only in a draft
    for outcome in profile.outcomes:
        found += [t("outcome.number", number=outcome.number), outcome.title, f"{outcome.number}. {outcome.title}"]
    found += [t(f"toc.{key}") for key in ("problem", "impact", "assumptions")]
    found += [step.title for step in profile.theory_of_change.steps]
    found.append(" ".join(t(f"metric.{key}") for key in ("name", "baseline", "value", "target", "progress")))
    found.append(" ".join(t(f"risk.{key}") for key in ("level", "type", "outcome", "mitigation")))
    return [_fold(heading) for heading in found]


def ends_with_heading(lines: list[str], heading_lines: list[str]) -> str | None:
    """The heading the last lines of a page make up, or None.

    A heading that wraps ends a page as its last two or three lines, so the last one to four lines
    are compared with every heading as a whole. A part of a heading is not enough: the last line
    of a table cell that repeats an outcome's title (the risk table does) is not a heading. A
    heading cut in two by a page break cannot happen: orphans and widows are at least 2, and no
    heading wraps over more than three lines.
    """
    for count in range(1, 5):
        text = _fold(" ".join(lines[-count:]))
        if text in heading_lines:
            return text
    return None


def page_texts(result: Rendered) -> list[str]:
    return [_fold(" ".join(lines)) for lines in result.pages]


# --- what a reader sees (pdftotext) -------------------------------------------------------------

@pytest.mark.parametrize(("path", "language"), CASES, ids=IDS)
def test_no_page_but_the_last_ends_with_a_heading(path: Path, language: str | None) -> None:
    result = rendered(path, language)
    heading_lines = headings(result.profile, result.labels)
    for number, lines in enumerate(result.pages[:-1], 1):
        assert lines, f"page {number} is empty"
        heading = ends_with_heading(lines, heading_lines)
        assert heading is None, f"page {number} ends with the heading {heading!r}"


def test_the_heading_check_recognises_headings() -> None:
    heading_lines = [_fold("Effecten langs de vijf dimensies"), _fold("Deelnemers vinden na hun traject betaald werk.")]
    assert ends_with_heading(["Tekst", "  Effecten langs de vijf dimensies "], heading_lines)
    assert ends_with_heading(["Tekst", "Deelnemers vinden na hun", "traject betaald werk."], heading_lines)  # wrapped
    assert not ends_with_heading(["Deelnemers vinden na hun        Nazorg door de", "traject betaald werk."],
                                 heading_lines)  # a table cell that repeats a title beside another cell
    assert not ends_with_heading(["Omvang van de groep: 50"], heading_lines)


def _between(text: str, start: str, ends: list[str]) -> str:
    """The part of ``text`` after ``start``, up to the first of ``ends`` that follows it."""
    rest = text[text.index(start) + len(start):]
    cut = min((rest.index(end) for end in ends if end in rest), default=len(rest))
    return rest[:cut]


@pytest.mark.parametrize(("path", "language"), CASES, ids=IDS)
def test_an_outcome_card_is_on_one_page_with_its_title(path: Path, language: str | None) -> None:
    result = rendered(path, language)
    t = result.labels
    texts = [words(" ".join(lines)) for lines in result.pages]  # not folded: labels print in capitals
    # The row labels as printed (in capitals), so a risk of the type "Evidence" is not the row EVIDENCE.
    rows = [t(f"outcome.{key}").upper() for key in ("who", "how_much", "contribution", "risk", "evidence")]
    kickers = [words(f"{t('outcome.number', number=o.number).upper()} {o.title}") for o in result.profile.outcomes]
    for kicker in kickers:
        pages = [number for number, text in enumerate(texts, 1) if kicker in text]
        assert len(pages) == 1, f"{kicker!r} is on pages {pages}"
        card = _between(texts[pages[0] - 1], kicker, [other for other in kickers if other != kicker])
        found = [row for row in rows if re.search(rf"(?<!\w){re.escape(row)}(?!\w)", card)]
        assert found[:1] == rows[:1], f"{kicker!r}: its first row ({rows[0]}) is not on page {pages[0]}"
        assert found == rows, f"{kicker!r}: only the rows {found} are on page {pages[0]}"


@pytest.mark.parametrize(("path", "language"), CASES, ids=IDS)
def test_a_claim_card_is_on_one_page(path: Path, language: str | None) -> None:
    result = rendered(path, language)
    t, texts = result.labels, page_texts(result)
    claims = [_fold(claim.text) for claim in result.profile.claims]
    for claim in claims:
        pages = [number for number, text in enumerate(texts, 1) if claim in text]
        assert len(pages) == 1, f"{claim!r} is on pages {pages}"
        card = _between(texts[pages[0] - 1], claim, [other for other in claims if other != claim])
        for label in ("claim.basis", "claim.verification"):
            assert _fold(t(label)) in card, f"{claim!r}: {t(label)!r} is not on page {pages[0]}"


@pytest.mark.parametrize(("path", "language"), CASES, ids=IDS)
def test_the_sdg_heading_is_on_the_page_of_its_tiles(path: Path, language: str | None) -> None:
    result = rendered(path, language)
    texts = page_texts(result)
    heading = _fold(result.labels("section.sdgs"))
    if not result.profile.goals:  # no SDG targets (minimal): no SDG block at all
        assert not any(heading in text for text in texts)
        return
    pages = [number for number, text in enumerate(texts, 1) if heading in text]
    assert len(pages) == 1
    block = texts[pages[0] - 1].split(heading, 1)[1]
    for view in result.profile.goals:
        assert _fold(view.goal.name) in block, f"SDG {view.goal.number} is not on page {pages[0]} with its heading"


def _characters(lines: list[str]) -> int:
    return sum(len("".join(line.split())) for line in lines)


def last_page_share(pages: list[list[str]]) -> float:
    """The text on the last page as a share of an average other page (1.0 for a one-page profile)."""
    if len(pages) == 1:
        return 1.0
    average = sum(_characters(lines) for lines in pages[:-1]) / (len(pages) - 1)
    return _characters(pages[-1]) / average


def test_the_last_page_measure() -> None:
    full = ["x" * 80] * 50
    assert last_page_share([full]) == 1.0
    assert last_page_share([full, full, ["x" * 80] * 10]) == pytest.approx(0.2)  # a leftover: fails below
    assert last_page_share([full, ["x x" * 40] * 50]) == pytest.approx(1.0)  # spaces do not count


@pytest.mark.parametrize(("path", "language"), CASES, ids=IDS)
def test_the_last_page_is_not_a_leftover(path: Path, language: str | None) -> None:
    share = last_page_share(rendered(path, language).pages)
    assert share >= LAST_PAGE_SHARE, f"the last page holds {share:.0%} of the text of an average page"


# --- the layout (WeasyPrint's boxes) ------------------------------------------------------------

# What is kept on one page: (tag, class) of each block; a class of None means any.
KEPT_TOGETHER = [
    ("article", "claim"), ("article", "outcome"), ("li", "evidence-item"), ("tr", None), ("li", "sdg-card"),
    ("div", "outcome-head"), ("div", "outcome-foot"), ("ul", "summary-tiles"), ("p", "language-note"),
    # The sections that are one block each, with their heading inside:
    ("section", "mission"), ("section", "summary"), ("section", "toc"), ("section", "metrics"),
    ("section", "sdgs"), ("section", "risks"), ("section", "evidence"), ("section", "assurance-section"),
    ("section", "findings"), ("footer", "colophon"),
]


@dataclass
class Placed:
    element: Any
    pages: dict[int, float]  # page number: the height of the element's box on that page


def placed_elements(document: Any) -> Iterator[Placed]:
    """Every element with a box, and the pages its boxes are on."""
    by_element: dict[int, Placed] = {}
    for number, page in enumerate(document.pages, 1):
        for box in page._page_box.descendants():
            element = getattr(box, "element", None)
            if element is None or box.element_tag != element.tag:
                continue  # no element, or a pseudo-element (::before, ::after)
            placed = by_element.setdefault(id(element), Placed(element, {}))
            placed.pages[number] = max(placed.pages.get(number, 0.0), box.margin_height())
    yield from by_element.values()


def _kept(element: Any) -> bool:
    classes = (element.get("class") or "").split()
    return any(element.tag == tag and (name is None or name in classes) for tag, name in KEPT_TOGETHER)


@cache
def laid_out(path: Path, language: str | None) -> Any:
    html = _render(path, language, "html").decode("utf-8")
    weasyprint = import_weasyprint()
    return weasyprint.HTML(string=html, url_fetcher=data_only_fetcher(FetchLog()), base_url=None).render()


def _parents(document: Any) -> dict[int, Any]:
    root = document.pages[0]._page_box.children[0].element
    return {id(child): parent for parent in root.iter() for child in parent}


def _section_heading(element: Any, parents: dict[int, Any]) -> Any:
    """The h2 of the section ``element`` is in."""
    node = element
    while node is not None and node.tag != "section":
        node = parents.get(id(node))
    return None if node is None else node.find("h2")


def _next_sibling(element: Any, parents: dict[int, Any]) -> Any:
    siblings = list(parents[id(element)])
    position = next(i for i, sibling in enumerate(siblings) if sibling is element)
    return siblings[position + 1] if position + 1 < len(siblings) else None


@pytest.mark.parametrize(("path", "language"), CASES, ids=IDS)
def test_no_block_is_split_unless_it_is_taller_than_a_page(path: Path, language: str | None) -> None:
    document = laid_out(path, language)
    page_height = document.pages[0]._page_box.height
    placed = list(placed_elements(document))
    parents = _parents(document)
    page_of = {id(p.element): min(p.pages) for p in placed}
    kept = [p for p in placed if _kept(p.element)]
    assert kept, "no block of the profile was recognised; KEPT_TOGETHER no longer matches the template"
    for block in kept:
        if len(block.pages) == 1 or (block.element.tag == "tr" and parents[id(block.element)].tag == "thead"):
            continue  # on one page, or a table's header row, which is repeated on every page of the table
        name = f"<{block.element.tag} class={block.element.get('class')!r}>"
        height = sum(block.pages.values())
        assert height > page_height * 0.98, \
            f"{name} is split over pages {sorted(block.pages)} but is {height / page_height:.0%} of a page"
        heading = _section_heading(block.element, parents)
        if heading is not None:
            assert page_of[id(heading)] <= min(block.pages), f"the heading of {name} is not where it starts"


@pytest.mark.parametrize(("path", "language"), CASES, ids=IDS)
def test_a_section_heading_is_on_the_page_of_what_follows_it(path: Path, language: str | None) -> None:
    document = laid_out(path, language)
    placed = {id(p.element): p for p in placed_elements(document)}
    parents = _parents(document)
    for p in placed.values():
        if p.element.tag not in ("h2", "h3"):
            continue
        following = _next_sibling(p.element, parents)
        assert following is not None and id(following) in placed
        assert min(placed[id(following)].pages) == max(p.pages), \
            f"the heading {words(''.join(p.element.itertext()))!r} is not on the page where its content starts"
