"""Dutch and English messages: the catalog translates every message; the language is chosen as documented."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

import impactclaim
from impactclaim import LoadLimits, i18n
from impactclaim.checker import check_path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from catalog import PO, compiled, extracted, read_catalog  # noqa: E402

PLACEHOLDER = re.compile(r"\{(\w*)[^{}]*\}")


def _ids(catalog: object) -> set[object]:
    return {message.id for message in catalog if message.id}  # type: ignore[attr-defined]


def test_the_dutch_catalog_holds_exactly_the_messages_of_the_code() -> None:
    # A new message in the code and not in the catalog (or one that left the code) fails here:
    # run `make catalog`, translate what it added, and run it again.
    assert _ids(extracted()) == _ids(read_catalog())


def test_every_message_is_translated_and_none_is_fuzzy() -> None:
    catalog = read_catalog()
    untranslated = [message.id for message in catalog if message.id and (
        not all(message.string) if isinstance(message.string, tuple) else not message.string)]
    fuzzy = [message.id for message in catalog if message.id and message.fuzzy]
    assert untranslated == [] and fuzzy == []


def test_a_translation_keeps_the_placeholders_of_its_message() -> None:
    for message in read_catalog():
        if not message.id:
            continue
        sources = message.id if isinstance(message.id, tuple) else (message.id,)
        targets = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(PLACEHOLDER.findall(str(sources[0])))
        for target in targets:
            assert set(PLACEHOLDER.findall(str(target))) == wanted, (message.id, target)


def test_the_compiled_catalog_is_the_one_of_the_po_file() -> None:
    assert PO.with_suffix(".mo").read_bytes() == compiled(read_catalog())


@pytest.fixture
def language_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for variable in ("IMPACTCLAIM_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setattr(i18n, "_chosen", None)
    return monkeypatch


BROKEN_DUTCH = b'schema_version: "1.0"\nlanguage: nl\norganisation:\n  name:Bakkerij\n  kvk_number: "90215378"\n'


def _message(path: Path) -> str:
    return check_path(path).findings[0].message


def test_the_language_is_the_command_line_s_then_the_environment_s_then_the_locale_s_then_the_statement_s(
        language_env: pytest.MonkeyPatch, tmp_path: Path) -> None:
    statement = tmp_path / "s.yaml"
    statement.write_bytes(BROKEN_DUTCH)
    dutch, english = "ongeldige YAML: na de dubbele punt van 'name' staat geen spatie", \
        "invalid YAML: there is no space after the colon of 'name'"
    assert _message(statement) == dutch  # nothing chosen: the statement's language
    language_env.setenv("LANG", "C.UTF-8")  # a locale that names no language
    assert _message(statement) == dutch
    language_env.setenv("LANG", "en_GB.UTF-8")
    assert _message(statement) == english
    language_env.setenv("LC_ALL", "nl_NL.UTF-8")  # LC_ALL before LANG
    assert _message(statement) == dutch
    language_env.setenv("IMPACTCLAIM_LANG", "en")
    assert _message(statement) == english
    i18n.choose("nl")
    assert _message(statement) == dutch
    statement.write_bytes(BROKEN_DUTCH.replace(b"language: nl", b"language: en"))
    i18n.choose(None)
    language_env.delenv("IMPACTCLAIM_LANG")
    language_env.delenv("LC_ALL")
    language_env.delenv("LANG")
    assert _message(statement) == english


def test_codes_and_structure_are_never_translated(language_env: pytest.MonkeyPatch, tmp_path: Path) -> None:
    language_env.setenv("IMPACTCLAIM_LANG", "nl")
    statement = tmp_path / "s.yaml"
    statement.write_bytes(BROKEN_DUTCH)
    (finding,) = check_path(statement).findings
    assert (finding.code, finding.line, finding.column, finding.severity.value) == ("IC004", 4, 7, "error")


def test_numbers_in_messages_follow_the_language(language_env: pytest.MonkeyPatch) -> None:
    big = b"x" * 2_000_000
    language_env.setenv("IMPACTCLAIM_LANG", "nl")
    with i18n.using("nl"):
        (finding,) = impactclaim.load_bytes(big, "big.yaml", LoadLimits(max_bytes=1_048_576)).findings
    assert "2.000.000 bytes" in finding.message and "1.048.576" in finding.message
    with i18n.using("en"):
        (finding,) = impactclaim.load_bytes(big, "big.yaml", LoadLimits(max_bytes=1_048_576)).findings
    assert "2,000,000 bytes" in finding.message


def test_validate_speaks_the_language_of_lang(cli: object, tmp_path: Path) -> None:
    statement = tmp_path / "s.yaml"
    statement.write_bytes(BROKEN_DUTCH.replace(b"language: nl", b"language: en"))
    result = cli("validate", "--no-config", "--lang", "nl", str(statement))  # type: ignore[operator]
    assert result.exit_code == 1
    assert "ongeldige YAML: na de dubbele punt van 'name' staat geen spatie" in result.stdout
    assert "tip: zet een spatie na de dubbele punt: 'name: Bakkerij'" in result.stdout
    assert result.stdout.endswith("1 bestand gecontroleerd: 0 in orde, 1 niet in orde (1 fout, 0 waarschuwingen).\n")
    refused = cli("validate", "--lang", "fr", str(statement))  # type: ignore[operator]
    assert refused.exit_code == 2 and "--lang must be en or nl, not 'fr'" in refused.stderr


def test_the_report_labels_and_summary_speak_the_language_of_the_messages(
        language_env: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # Nothing chosen: a Dutch statement's findings are Dutch, and so are "veld", "tip" and the
    # summary; next to an English statement, each file's labels follow its own messages and the
    # summary falls back to English.
    import io

    from impactclaim.reporters.text import TextReporter
    from impactclaim.run import Summary

    dutch, english = tmp_path / "nl.yaml", tmp_path / "en.yaml"
    dutch.write_bytes(BROKEN_DUTCH)
    english.write_bytes(BROKEN_DUTCH.replace(b"language: nl", b"language: en"))
    for paths, summary_line in (([dutch], "1 bestand gecontroleerd: 0 in orde, 1 niet in orde (1 fout, "
                                           "0 waarschuwingen)."),
                                ([dutch, english], "2 files checked: 0 valid, 2 invalid (2 errors, 0 warnings).")):
        stream, summary = io.StringIO(), Summary()
        reporter = TextReporter(stream)
        for path in paths:
            result = check_path(path)
            summary.add(result, strict=False)
            reporter.file_result(result)
        reporter.finish(summary)
        lines = stream.getvalue().splitlines()
        assert lines[1].strip().startswith("tip: zet een spatie") and lines[-1] == summary_line
    assert "    hint: write a space after the colon: 'name: Bakkerij'" in lines
