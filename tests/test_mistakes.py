"""Typical mistakes in hand-written statements: one finding at the mistake, in plain words, with a fixing hint."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

import impactclaim
from impactclaim import i18n

CORPUS = Path(__file__).parent / "corpus" / "mistakes"
BASE = (CORPUS / "base.yaml").read_text(encoding="utf-8")
MISTAKES: list[dict[str, Any]] = yaml.safe_load((CORPUS / "mistakes.yaml").read_text(encoding="utf-8"))["mistakes"]


def test_the_corpus_holds_at_least_25_mistakes_and_the_base_is_valid() -> None:
    assert len(MISTAKES) >= 25
    assert impactclaim.validate(impactclaim.load_bytes(BASE.encode(), "base.yaml"), use_config=False) == []


@pytest.mark.parametrize("mistake", MISTAKES, ids=[mistake["name"] for mistake in MISTAKES])
def test_a_mistake_is_reported_once_at_its_place_with_a_hint_that_fixes_it(mistake: dict[str, Any]) -> None:
    assert BASE.count(mistake["replace"]) == 1, "the text to replace must occur once in base.yaml"
    text = BASE.replace(mistake["replace"], mistake["with"])
    findings = impactclaim.validate(impactclaim.load_bytes(text.encode(), f"{mistake['name']}.yaml"), use_config=False)
    assert len(findings) == mistake["findings"]
    first = findings[0]
    assert {"code": first.code, "line": first.line, "column": first.column, "message": first.message,
            "hint": first.hint} == mistake["expected"]


@pytest.mark.parametrize("mistake", MISTAKES, ids=[mistake["name"] for mistake in MISTAKES])
def test_a_mistake_is_explained_in_dutch_at_the_same_place(mistake: dict[str, Any]) -> None:
    text = BASE.replace(mistake["replace"], mistake["with"])
    with i18n.using("nl"):
        findings = impactclaim.validate(impactclaim.load_bytes(text.encode(), f"{mistake['name']}.yaml"),
                                        use_config=False)
    first = findings[0]
    expected = mistake["expected"]
    assert (first.code, first.line, first.column) == (expected["code"], expected["line"], expected["column"])
    assert {"message": first.message, "hint": first.hint} == mistake["nl"]
    assert first.message != mistake["expected"]["message"], "the message is translated"


def test_a_hint_that_quotes_a_value_quotes_it_as_written() -> None:
    # Following the hint must give back exactly what the author typed: the leading zero of a KvK
    # number and the 0 of SDG target 8.10 stay.
    for name, written in (("kvk-leading-zero", "01946203"), ("sdg-target-8-10", "8.10")):
        (mistake,) = [mistake for mistake in MISTAKES if mistake["name"] == name]
        assert f'"{written}"' in mistake["expected"]["hint"]
        fixed = BASE.replace(mistake["replace"], mistake["with"].replace(written, f'"{written}"'))
        assert impactclaim.validate(impactclaim.load_bytes(fixed.encode(), "fixed.yaml"), use_config=False) == []
