"""Texts in the profile's language, and a note at the top when some are shown in another language."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from impactclaim.loader import load_path
from impactclaim.profile.html import render_html
from impactclaim.profile.model import Profile, ProfileInputs, build_profile
from impactclaim.statement import read_statement
from tests.test_render_support import pdf_text, render_sample, sample, words

BUURTWERK = sample("buurtwerk-rotterdam-1.1")  # schema 1.1, Dutch, nearly every text also in English
FIETSFABRIEK = sample("fietsfabriek-utrecht")  # schema 1.0, Dutch only
MEUBEL = sample("circulair-meubel")  # schema 1.0, English only

ENGLISH_NOTE = "Some texts are only available in Dutch and are shown in Dutch."
DUTCH_NOTE = "Sommige teksten zijn alleen in het Engels beschikbaar en staan daarom in het Engels."


def profile_of(data: dict[str, Any], language: str) -> Profile:
    inputs = ProfileInputs(language=language, tool_version="0.0.0", date=datetime.date(2026, 1, 1))
    return build_profile(read_statement(data), inputs)


def sample_profile(path: Any, language: str) -> Profile:
    document = load_path(path)
    assert document.data is not None
    return profile_of(document.data, language)


def bilingual(**extra: Any) -> dict[str, Any]:
    """A Dutch 1.1 statement whose texts are all given in Dutch and English."""
    data: dict[str, Any] = {
        "schema_version": "1.1", "language": "nl",
        "organisation": {"name": "Bakkerij", "kvk_number": "12345678"},
        "reporting_period": {"start": "2025-01-01", "end": "2025-12-31"},
        "mission": {"statement": {"nl": "Brood en werk.", "en": "Bread and work."}},
        "claims": [{"id": "c", "domain": "social", "text": {"nl": "Wij bakken brood.", "en": "We bake bread."}}],
    }
    data.update(extra)
    return data


# --- schema 1.1: a text per language -------------------------------------------------------------

def test_lang_en_shows_the_english_texts_of_a_bilingual_statement() -> None:
    profile = sample_profile(BUURTWERK, "en")
    assert profile.mission.statement.startswith("We give people in Rotterdam-Zuid")
    assert profile.outcomes[0].title.startswith("A year after their traineeship")
    assert profile.metrics[0].name == "Employees on the payroll on 31 December"
    assert profile.claims[0].text == "62% of our employees had a distance to the labour market when they joined us."


def test_the_note_appears_when_a_text_is_shown_in_another_language() -> None:
    # One claim of the sample is a plain string: Dutch, the statement's language, and shown in Dutch.
    profile = sample_profile(BUURTWERK, "en")
    assert profile.claims[3].text.startswith("In 2025 serveerde ons buurtrestaurant")
    assert profile.language_note == ENGLISH_NOTE
    html = render_html(profile)
    assert f'<p class="language-note" role="note">{ENGLISH_NOTE}</p>' in html
    assert html.index('class="language-note"') < html.index('id="h-mission"')  # near the top


def test_no_note_when_every_text_is_in_the_profile_language() -> None:
    for data, language in [(bilingual(), "en"), (bilingual(), "nl")]:
        profile = profile_of(data, language)
        assert profile.language_note == ""
        assert 'class="language-note"' not in render_html(profile)
    assert sample_profile(BUURTWERK, "nl").language_note == ""
    assert sample_profile(FIETSFABRIEK, "nl").language_note == ""
    assert sample_profile(MEUBEL, "en").language_note == ""


def test_one_text_missing_in_english_is_enough_for_the_note() -> None:
    data = bilingual(theory_of_change={"assumptions": [{"nl": "Buren kopen brood.", "en": "Neighbours buy bread."},
                                                       {"nl": "Er blijft vraag naar bakkers."}]})
    english = profile_of(data, "en")
    assert english.theory_of_change.assumptions == ["Neighbours buy bread.", "Er blijft vraag naar bakkers."]
    assert english.language_note == ENGLISH_NOTE
    assert profile_of(data, "nl").language_note == ""


def test_a_text_that_is_not_shown_does_not_count() -> None:
    # An empty Dutch-only text shows nothing, so nothing is shown in Dutch.
    data = bilingual(theory_of_change={"problem": {"nl": "   "}})
    assert profile_of(data, "en").language_note == ""


# --- statements in one language, rendered in the other ----------------------------------------------

def test_a_dutch_statement_in_english_says_its_texts_are_dutch() -> None:
    profile = sample_profile(FIETSFABRIEK, "en")
    assert profile.mission.statement.startswith("Wij bieden Utrechters")
    assert profile.language_note == ENGLISH_NOTE


def test_an_english_statement_in_dutch_says_so_in_dutch() -> None:
    profile = sample_profile(MEUBEL, "nl")
    assert profile.language_note == DUTCH_NOTE
    assert f'<p class="language-note" role="note">{DUTCH_NOTE}</p>' in render_html(profile)


@pytest.mark.parametrize(("language", "note"), [("en", ENGLISH_NOTE), ("nl", None)])
def test_the_pdf_carries_the_note_on_its_first_page_only_when_needed(language: str, note: str | None,
                                                                     tmp_path: Any) -> None:
    first_page = words(pdf_text(render_sample(BUURTWERK, "pdf", language), tmp_path, first=1, last=1))
    if note is None:
        assert "Some texts" not in first_page and "Sommige teksten" not in first_page
    else:
        assert note in first_page
