"""impactclaim init: the questions in a real pseudo-terminal, the example, and what it never does (overwrite, crash)."""

from __future__ import annotations

import datetime
import os
import sys
from pathlib import Path

import pexpect
import pytest

import impactclaim
from impactclaim import i18n, starter
from impactclaim.findings import Severity
from impactclaim.schema_reference import schema_json
from tests.conftest import ROOT

IMPACTCLAIM = Path(sys.executable).parent / "impactclaim"
MODELINE = "# yaml-language-server: $schema=./statement.schema.json"


@pytest.fixture(autouse=True)
def _language_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    # init chooses the language for the whole process (i18n.choose); the next test must not inherit it.
    monkeypatch.setattr(i18n, "_chosen", None)


def findings_of(path: Path) -> list[impactclaim.Finding]:
    return impactclaim.validate(path, use_config=False)


def errors_of(path: Path) -> list[impactclaim.Finding]:
    return [f for f in findings_of(path) if f.severity is Severity.ERROR]


def spawn(*args: str, cwd: Path, language: str = "en") -> pexpect.spawn:
    environment = {**os.environ, "IMPACTCLAIM_LANG": language, "NO_COLOR": "1", "TERM": "dumb"}
    return pexpect.spawn(str(IMPACTCLAIM), ["init", *args], cwd=str(cwd), env=environment, encoding="utf-8",
                         timeout=30, dimensions=(50, 200))


def answer(child: pexpect.spawn, conversation: list[tuple[str, str | None]]) -> None:
    """Wait for each question (a regular expression) and type its answer, as a person at a terminal does.

    A reply of None only waits for the text: a message saying why the answer before was refused.
    """
    for question, reply in conversation:
        child.expect(question)
        if reply is not None:
            child.sendline(reply)


ENGLISH_CONVERSATION: list[tuple[str, str | None]] = [
    ("Name of the organisation", 'Bakkerij "De Korst": brood & meer #1'),
    (r"KvK number \(8 digits\): ", "1234567"),  # seven digits: re-asked
    ("A KvK number has 8 digits; you typed 7", None),
    (r"KvK number \(8 digits\): ", "0123 4567"),
    ("Legal form", "B.V."),
    ("Municipality", "'s-Hertogenbosch"),
    (r"First day \(YYYY-MM-DD\) \[\d{4}-01-01\]: ", "1-1-2025"),
    (r"Last day \(YYYY-MM-DD\) \[2025-12-31\]: ", "2024-12-31"),  # before the first day: re-asked
    (r"The last day must come after the first day \(2025-01-01\)", None),
    (r"Last day \(YYYY-MM-DD\) \[2025-12-31\]: ", ""),  # Enter takes the default
    ("Your mission in one or two sentences", "We bake bread with people who have been out of work for a long time, "
                                             "so that they gain experience, confidence and a paid job."),
    ("What changes", "Trainees find paid work"),
    ("For whom", "People on social assistance"),
    ("How was their situation before", "On average four years without paid work"),
    ("Name of the metric", "Trainees with paid work after a year"),
    ("Unit", "%"),
    (r"Kind of figure .*\[percentage\]: ", ""),
    (r"Value in the reporting period \(a number\): ", "120"),  # no percentage: re-asked
    ("A percentage lies between 0 and 100", None),
    (r"Value in the reporting period \(a number\): ", "45,5"),
]


def test_the_questions_in_a_terminal_write_a_valid_commented_statement(tmp_path: Path) -> None:
    child = spawn("statement.yaml", cwd=tmp_path)
    answer(child, ENGLISH_CONVERSATION)
    child.expect(pexpect.EOF)
    child.close()
    transcript = child.before or ""
    assert child.exitstatus == 0, transcript
    assert "Statement written to statement.yaml" in transcript

    statement = tmp_path / "statement.yaml"
    text = statement.read_text(encoding="utf-8")
    assert text.splitlines()[0] == MODELINE
    assert errors_of(statement) == []
    # Only the two things the questions leave for later are warned about: no risks yet; the baseline was given.
    assert [f.code for f in findings_of(statement)] == ["IC112"]
    data = impactclaim.load(statement).data
    assert data["schema_version"] == "1.1" and data["language"] == "en"
    assert data["organisation"] == {"name": 'Bakkerij "De Korst": brood & meer #1', "kvk_number": "01234567",
                                    "legal_form": "bv", "municipality": "'s-Hertogenbosch"}
    assert data["reporting_period"] == {"start": "2025-01-01", "end": "2025-12-31"}
    assert data["metrics"][0] | {"id": "x"} == {"id": "x", "name": "Trainees with paid work after a year",
                                                "unit": "%", "kind": "percentage", "value": 45.5}
    assert data["outcomes"][0]["metrics"] == [data["metrics"][0]["id"]]
    assert data["outcomes"][0]["who"]["baseline"] == "On average four years without paid work"
    assert "# The mission: the change you put before profit, and for whom." in text
    # The schema beside it is the published one, byte for byte: editors check against the same rules.
    assert (tmp_path / "statement.schema.json").read_text(encoding="utf-8") == schema_json("1.1")


def test_the_questions_speak_dutch_and_the_statement_is_dutch(tmp_path: Path) -> None:
    child = spawn("--lang", "nl", cwd=tmp_path, language="en")  # --lang wins over IMPACTCLAIM_LANG
    answer(child, [
        ("Naam van de organisatie", "Stichting Buurtkracht"),
        (r"KvK-nummer \(8 cijfers\): ", "0123456A"),
        ("alleen uit cijfers", None),
        (r"KvK-nummer \(8 cijfers\): ", "01234567"),
        ("Rechtsvorm", "2"),
        ("Gemeente", "Utrecht"),
        (r"Eerste dag \(JJJJ-MM-DD\)", "2025-07-01"),
        (r"Laatste dag \(JJJJ-MM-DD\) \[2026-06-30\]: ", ""),
        ("Je missie in een of twee zinnen", "Wij brengen buren met elkaar in contact."),
        ("Wat verandert er", "Bewoners voelen zich minder eenzaam"),
        ("Voor wie", "Alleenwonende ouderen"),
        ("Hoe was hun situatie daarvoor", ""),
        ("Naam van de indicator", "Eenzaamheidsscore"),
        ("Eenheid", "score (0-11)"),
        ("Soort cijfer", "score"),
        ("Waarde in de verslagperiode", "3,1"),
    ])
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    assert "Verklaring opgeslagen als statement.yaml" in (child.before or "")
    statement = tmp_path / "statement.yaml"
    data = impactclaim.load(statement).data
    assert data["language"] == "nl" and data["organisation"]["kvk_number"] == "01234567"
    assert data["organisation"]["legal_form"] == "stichting"
    assert data["reporting_period"] == {"start": "2025-07-01", "end": "2026-06-30"}
    assert "baseline" not in data["outcomes"][0]["who"]
    assert errors_of(statement) == []
    text = statement.read_text(encoding="utf-8")
    assert "# De missie: de verandering die je boven winst stelt, en voor wie." in text
    assert "      # baseline: " in text  # left for later: shown as a comment to fill in
    schema = (tmp_path / "statement.schema.json").read_text(encoding="utf-8")
    assert '"title": "KvK-nummer"' in schema  # editors show the descriptions in Dutch


@pytest.mark.parametrize("stop", ["interrupt", "end of input"])
def test_ctrl_c_or_end_of_input_stops_cleanly_and_writes_nothing(tmp_path: Path, stop: str) -> None:
    child = spawn(cwd=tmp_path)
    answer(child, [("Name of the organisation", "Bakkerij De Korst")])
    child.expect(r"KvK number \(8 digits\): ")
    if stop == "interrupt":
        child.sendintr()
    else:
        child.sendeof()
    child.expect(pexpect.EOF)
    child.close()
    transcript = child.before or ""
    assert child.exitstatus == 1, transcript
    assert "stopped; nothing was written" in transcript
    assert "Traceback" not in transcript
    assert sorted(p.name for p in tmp_path.iterdir()) == []


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_example_is_valid_complete_and_in_its_language(cli, tmp_path: Path, language: str) -> None:  # type: ignore[no-untyped-def]
    statement = tmp_path / "statement.yaml"
    result = cli("init", str(statement), "--example", "--lang", language)
    assert result.exit_code == 0, result.output
    assert findings_of(statement) == []  # no error and no warning
    text = statement.read_text(encoding="utf-8")
    assert text.splitlines()[0] == MODELINE
    data = impactclaim.load(statement).data
    assert data["language"] == language and data["schema_version"] == starter.STARTER_VERSION
    for section in ("organisation", "reporting_period", "mission", "theory_of_change", "outcomes", "metrics",
                    "claims", "social_enterprise", "workforce", "assurance"):
        assert data.get(section), section
    explained = {"en": "# The mission: the change you put before profit", "nl": "# De missie: de verandering"}
    assert explained[language] in text
    assert f"#     impactclaim validate {statement}" in text  # the check command names the file written
    assert (tmp_path / "statement.schema.json").read_text(encoding="utf-8") == schema_json("1.1", language)


def test_without_lang_the_language_is_the_environment_s_else_dutch(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    unset = {"IMPACTCLAIM_LANG": None, "LC_ALL": None, "LC_MESSAGES": None, "LANG": None}
    assert cli("init", str(tmp_path / "a.yaml"), "--example", env=unset).exit_code == 0
    assert impactclaim.load(tmp_path / "a.yaml").data["language"] == "nl"
    assert cli("init", str(tmp_path / "b.yaml"), "--example", env={**unset, "LANG": "en_GB.UTF-8"}).exit_code == 0
    assert impactclaim.load(tmp_path / "b.yaml").data["language"] == "en"


def test_an_existing_statement_is_never_overwritten(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    statement = tmp_path / "statement.yaml"
    statement.write_text("mine\n", encoding="utf-8")
    result = cli("init", str(statement), "--example")
    assert result.exit_code == 2
    assert f"{statement} already exists; init never overwrites a file" in result.stderr
    assert statement.read_text(encoding="utf-8") == "mine\n"
    assert not (tmp_path / "statement.schema.json").exists()


def test_an_existing_schema_file_is_kept_and_a_different_one_is_named(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    same = tmp_path / "same"
    same.mkdir()
    (same / "statement.schema.json").write_text(schema_json("1.1", "nl"), encoding="utf-8")
    result = cli("init", str(same), "--example", "--lang", "en")  # same version, other language: fine as it is
    assert result.exit_code == 0 and result.stderr == ""
    assert (same / "statement.schema.json").read_text(encoding="utf-8") == schema_json("1.1", "nl")

    other = tmp_path / "other"
    other.mkdir()
    (other / "statement.schema.json").write_text(schema_json("1.0"), encoding="utf-8")
    result = cli("init", str(other / "next.yml"), "--example", "--lang", "en")
    assert result.exit_code == 0
    assert (other / "statement.schema.json").read_text(encoding="utf-8") == schema_json("1.0")
    assert "already exists and is not the schema 1.1; it was kept" in result.stderr
    assert (other / "next.yml").is_file()


def test_without_a_terminal_the_questions_are_a_usage_error(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("init", str(tmp_path / "statement.yaml"))  # CliRunner's stdin is no terminal
    assert result.exit_code == 2
    assert "there is none here; 'impactclaim init --example' writes a complete example" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_folder_gets_statement_yaml_and_other_names_must_be_yaml(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("init", str(tmp_path), "--example").exit_code == 0
    assert (tmp_path / "statement.yaml").is_file()
    result = cli("init", str(tmp_path / "statement.txt"), "--example")
    assert result.exit_code == 2
    assert "must end in .yaml or .yml" in result.stderr
    created = tmp_path / "new" / "folder" / "s.yaml"
    assert cli("init", str(created), "--example").exit_code == 0
    assert errors_of(created) == []
    assert cli("init", f"{tmp_path}/drafts/", "--example").exit_code == 0  # a folder still to be made
    assert (tmp_path / "drafts" / "statement.yaml").is_file()


def test_the_default_file_is_statement_yaml_in_the_current_folder(cli, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli("init", "--example", "--lang", "en")
    assert result.exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["statement.schema.json", "statement.yaml"]
    assert "impactclaim validate statement.yaml" in result.stdout


def test_a_lang_that_is_no_language_is_a_usage_error(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("init", str(tmp_path / "s.yaml"), "--example", "--lang", "de")
    assert result.exit_code == 2
    assert list(tmp_path.iterdir()) == []


def test_writing_a_new_file_never_replaces_one(tmp_path: Path) -> None:
    target = tmp_path / "taken.yaml"
    target.write_bytes(b"first\n")
    with pytest.raises(FileExistsError):
        starter.write_new_file(target, b"second\n")
    assert target.read_bytes() == b"first\n"
    assert [p.name for p in tmp_path.iterdir()] == ["taken.yaml"]  # no temporary file left behind
    fresh = tmp_path / "fresh.yaml"
    starter.write_new_file(fresh, b"new\n")
    assert fresh.read_bytes() == b"new\n"
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~starter._umask()


ANSWERS = starter.Answers(
    name="Buurtbakkerij", kvk_number="00000001", legal_form="stichting", municipality="Utrecht",
    start=datetime.date(2025, 1, 1), end=datetime.date(2025, 12, 31), mission="We bake bread.",
    outcome="Trainees find work", stakeholder="People out of work", baseline="", metric_name="Trainees",
    unit="people", kind="count", value=12)

AWKWARD_TEXTS = ['He said: "yes"', "no", "Yes", "123", "8.5", "- a list?", "# not a comment", "a #hashtag",
                 "key: value", "ends with a colon:", "'quoted'", "[brackets]", "{braces}", "* star", "& anchor",
                 "! tag", "% percent", "@ at", "`tick`", "café naïve 😀", "null", "~", "2025-01-01", "x" * 300,
                 "Een lange zin die zeker over meerdere regels wordt gevouwen omdat hij veel langer is dan de breedte "
                 "van een regel in het bestand, met een dubbele punt: hier, en een hekje # daar."]


@pytest.mark.parametrize("text", AWKWARD_TEXTS)
def test_any_answer_is_written_so_that_it_reads_back_as_typed(tmp_path: Path, text: str) -> None:
    answers = starter.Answers(**{**ANSWERS.__dict__, "name": text, "mission": text, "outcome": text,
                                 "stakeholder": text, "baseline": text, "metric_name": text, "unit": text})
    path = tmp_path / "s.yaml"
    content = starter.statement_text(answers, "en", path)
    starter.check_before_writing(content, path, starter.statement_data(answers, "en"))  # raises if not
    path.write_text(content, encoding="utf-8")
    assert errors_of(path) == []


@pytest.mark.parametrize(("typed", "kept"), [("01234567", "01234567"), ("0123 4567", "01234567"),
                                             ("01.23.45.67", "01234567")])
def test_a_kvk_number_keeps_its_leading_zero(typed: str, kept: str) -> None:
    assert starter.kvk_number(typed) == kept


@pytest.mark.parametrize("typed", ["1234567", "123456789", "0123456A", "", "١٢٣٤٥٦٧٨"])
def test_a_kvk_number_that_is_not_eight_digits_is_refused(typed: str) -> None:
    with pytest.raises(starter.InvalidAnswer):
        starter.kvk_number(typed)


@pytest.mark.parametrize(("typed", "meant"), [("2025-03-01", datetime.date(2025, 3, 1)),
                                              ("1-3-2025", datetime.date(2025, 3, 1)),
                                              ("01/03/2025", datetime.date(2025, 3, 1)),
                                              ("1.3.2025", datetime.date(2025, 3, 1))])
def test_dates_in_iso_and_dutch_forms(typed: str, meant: datetime.date) -> None:
    assert starter.date(typed) == meant


@pytest.mark.parametrize("typed", ["2025-02-30", "31-31-2025", "march 1", "2025/03/01", ""])
def test_impossible_or_unreadable_dates_are_refused(typed: str) -> None:
    with pytest.raises(starter.InvalidAnswer):
        starter.date(typed)


@pytest.mark.parametrize(("language", "typed", "meant"), [
    ("nl", "12", 12), ("nl", "12.5", 12.5), ("nl", "12,5", 12.5), ("nl", "1.234,5", 1234.5), ("nl", "45%", 45),
    ("nl", " 7 ", 7), ("nl", "1.234", 1234), ("nl", "1.234.567", 1234567), ("nl", "1,234", 1.234),
    ("en", "1,234", 1234), ("en", "1,234.5", 1234.5), ("en", "1.234", 1.234), ("en", "12,5", 12.5)])
def test_numbers_as_people_write_them(language: str, typed: str, meant: float) -> None:
    with i18n.using(language):
        assert starter.number(typed) == meant


@pytest.mark.parametrize("typed", ["twelve", "1e5", "", "nan", "12 kg"])
def test_what_is_no_number_is_refused(typed: str) -> None:
    with pytest.raises(starter.InvalidAnswer):
        starter.number(typed)


def test_a_legal_form_by_number_or_by_name() -> None:
    parse = starter.choice(starter.LEGAL_FORMS, {"besloten-vennootschap": "bv"})
    assert [parse(typed) for typed in ("1", "B.V.", "Coöperatie", "stichting", "Besloten vennootschap")] == \
        ["bv", "bv", "cooperatie", "stichting", "bv"]
    with pytest.raises(starter.InvalidAnswer):
        parse("11")


def test_the_example_files_are_the_same_statement_in_two_languages() -> None:
    def shape(data: object) -> object:  # keys and numbers, not the words
        if isinstance(data, dict):
            return {key: shape(value) for key, value in data.items() if key not in ("id",)}
        if isinstance(data, list):
            return [shape(value) for value in data]
        return data if isinstance(data, int | float) else type(data).__name__

    english, dutch = (impactclaim.load(ROOT / "impactclaim" / "starter" / f"example.{language}.yaml").data
                      for language in ("en", "nl"))
    assert shape(english) == shape(dutch)
