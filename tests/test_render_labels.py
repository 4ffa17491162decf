"""Labels exist in both languages, for every template key and every schema enum value."""

from __future__ import annotations

import re
import string
from typing import Any

import pytest

from impactclaim.profile.labels import ENUM_LABEL_PREFIXES, LABELS, LANGUAGES, Labels
from impactclaim.profile.sdg import GOAL_COLOURS, goal_names
from impactclaim.resources import resource_dir
from impactclaim.schema import load_schema, supported_versions

_TEMPLATE_KEY = re.compile(r"""\bt\(\s*["']([a-z_.0-9-]+)["']""")


def _placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


def _schema_node(schema: dict[str, Any], pointer: str) -> Any:
    node: Any = schema
    for part in pointer.strip("/").split("/"):
        node = node[part]
    return node


def test_both_languages_have_the_same_keys() -> None:
    nl, en = set(LABELS["nl"]), set(LABELS["en"])
    assert not nl - en, f"keys only in Dutch: {sorted(nl - en)}"
    assert not en - nl, f"keys only in English: {sorted(en - nl)}"


@pytest.mark.parametrize("key", sorted(LABELS["en"]))
def test_placeholders_match_and_no_label_is_empty(key: str) -> None:
    assert LABELS["nl"][key].strip() and LABELS["en"][key].strip()
    assert _placeholders(LABELS["nl"][key]) == _placeholders(LABELS["en"][key])


def test_every_key_a_template_uses_exists_in_both_languages() -> None:
    templates = list(resource_dir("templates").glob("*.html"))
    assert templates
    used = {key for path in templates for key in _TEMPLATE_KEY.findall(path.read_text(encoding="utf-8"))}
    assert len(used) > 40, "the key pattern no longer matches how templates call t()"
    for language in LANGUAGES:
        missing = sorted(key for key in used if key not in LABELS[language])
        assert not missing, f"templates use keys missing in {language}: {missing}"


@pytest.mark.parametrize("version", supported_versions())
def test_every_schema_enum_value_shown_in_the_profile_has_labels(version: str) -> None:
    schema = load_schema(version)
    for pointer, prefix in ENUM_LABEL_PREFIXES.items():
        values = _schema_node(schema, pointer)["enum"]
        for language in LANGUAGES:
            missing = [value for value in values if f"{prefix}.{value}" not in LABELS[language]]
            assert not missing, f"{pointer}: no {language} label for {missing}"


def test_a_missing_key_raises_instead_of_printing_nothing() -> None:
    with pytest.raises(KeyError, match=re.escape("missing 'nl' label 'no.such.key'")):
        Labels("nl")("no.such.key")


def test_placeholders_are_filled_in() -> None:
    assert Labels("nl")("outcome.number", number=3) == "Effect 3"
    assert Labels("en")("outcome.number", number=3) == "Outcome 3"


def test_an_unknown_enum_value_of_a_draft_is_shown_as_is() -> None:
    assert Labels("en").enum("legal_form", "bv") == "B.V. (private limited company)"
    assert Labels("en").enum("legal_form", "gmbh") == "gmbh"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_goal_has_a_name_and_an_official_colour(language: str) -> None:
    names = goal_names(language)
    assert sorted(names) == list(range(1, 18)) == sorted(GOAL_COLOURS)
    assert all(name.strip() for name in names.values())


def test_goal_names_are_in_the_profile_language() -> None:
    assert goal_names("en")[8] == "Decent work and economic growth"
    assert goal_names("nl")[8] == "Eerlijk werk en economische groei"
    assert goal_names("nl")[13] == "Klimaatactie"
