"""``impactclaim init``: a first statement from a few plain questions, or an example, and the schema beside it."""

from __future__ import annotations

import contextlib
import datetime
import json
import os
import re
import tempfile
import textwrap
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from impactclaim import i18n
from impactclaim.i18n import _
from impactclaim.resources import resource_dir

STARTER_VERSION = "1.1"
DEFAULT_FILE_NAME = "statement.yaml"
SCHEMA_FILE_NAME = "statement.schema.json"
STATEMENT_SUFFIXES = (".yaml", ".yml")
# VS Code's YAML extension (yaml-language-server) reads the first line, JetBrains IDEs the second.
# A relative path resolves against the statement's own folder in both, so the pair works offline
# and survives a moved or upgraded Python environment, unlike a path into site-packages or a URL.
MODELINES = (f"# yaml-language-server: $schema=./{SCHEMA_FILE_NAME}", f"# $schema: ./{SCHEMA_FILE_NAME}")
COMMENT_WIDTH = 96


class StarterError(Exception):
    """A statement that cannot be started here: the file exists, or its name or folder is unusable."""


@dataclass(frozen=True)
class Answers:
    """What the questionnaire asked, checked and normalised; ``baseline`` is empty when left for later."""

    name: str
    kvk_number: str
    legal_form: str
    municipality: str
    start: datetime.date
    end: datetime.date
    mission: str
    outcome: str
    stakeholder: str
    baseline: str
    metric_name: str
    unit: str
    kind: str
    value: int | float


@dataclass(frozen=True)
class Written:
    """What ``write_starter`` did with the statement and the schema beside it."""

    statement: Path
    schema: Path
    schema_written: bool  # False: a schema file was there already and was kept
    schema_matches: bool  # whether the schema kept there is of the same version


def target_path(argument: str | None) -> Path:
    """The statement file: the argument, the default name in a folder argument (``drafts/``), or the default."""
    if argument is None:
        return Path(DEFAULT_FILE_NAME)
    path = Path(argument)
    if path.is_dir() or argument.endswith(("/", os.sep)):  # a folder, existing or to be made
        return path / DEFAULT_FILE_NAME
    if path.suffix.lower() not in STATEMENT_SUFFIXES:
        raise StarterError(_("the statement file must end in .yaml or .yml: {path}").format(path=argument))
    return path


def refuse_existing(path: Path) -> None:
    """Stop before any question when the statement file exists: init never overwrites."""
    if path.exists() or path.is_symlink():
        raise StarterError(_("{path} already exists; init never overwrites a file. Choose another name, or move "
                             "the file first.").format(path=path))


# --- the example -----------------------------------------------------------------------------------


def example_text(language: str, path: Path) -> str:
    """The complete commented example statement in ``language``, with the check command naming ``path``."""
    text = (resource_dir("starter") / f"example.{language}.yaml").read_text(encoding="utf-8")
    return text.replace("impactclaim validate statement.yaml", f"impactclaim validate {shell_word(path)}", 1)


def shell_word(path: Path) -> str:
    """``path`` as one word on a shell's command line, quoted only when it needs to be."""
    shown = str(path)
    return shown if re.fullmatch(r"[\w./+-]+", shown) else "'" + shown.replace("'", "'\\''") + "'"


# --- the questionnaire ------------------------------------------------------------------------------


class InvalidAnswer(ValueError):
    """An answer that cannot be used; its message says why and what to type instead."""


LEGAL_FORMS = ("bv", "stichting", "cooperatie", "vereniging", "eenmanszaak", "vof", "maatschap", "cv", "nv", "other")
METRIC_KINDS = ("count", "percentage", "amount", "ratio", "mass", "energy", "emissions", "area", "time", "score",
                "other")


def legal_form_label(form: str) -> str:
    labels = {
        "bv": _("bv (private limited company)"),
        "stichting": _("stichting (foundation)"),
        "cooperatie": _("coöperatie (cooperative)"),
        "vereniging": _("vereniging (association)"),
        "eenmanszaak": _("eenmanszaak (sole proprietorship)"),
        "vof": _("vof (general partnership)"),
        "maatschap": _("maatschap (professional partnership)"),
        "cv": _("cv (limited partnership)"),
        "nv": _("nv (public limited company)"),
        "other": _("other"),
    }
    return labels[form]


def metric_kind_label(kind: str) -> str:
    labels = {
        "count": _("count: a number of people or things"),
        "percentage": _("percentage: a share from 0 to 100"),
        "amount": _("amount: a sum of money"),
        "ratio": _("ratio: one number divided by another"),
        "mass": _("mass: a weight, such as kg"),
        "energy": _("energy: such as kWh"),
        "emissions": _("emissions: greenhouse gases, such as tCO2e"),
        "area": _("area: such as m2 or hectares"),
        "time": _("time: such as hours"),
        "score": _("score: a mark on a scale, such as 1 to 10"),
        "other": _("other"),
    }
    return labels[kind]


def plain_text(answer: str) -> str:
    """One line of text with its whitespace made single; an empty answer is refused."""
    text = " ".join("".join(c if c.isprintable() else " " for c in answer).split())
    if not text:
        raise InvalidAnswer(_("Please answer this question; the statement needs it."))
    return text


def optional_text(answer: str) -> str:
    return " ".join("".join(c if c.isprintable() else " " for c in answer).split())


def kvk_number(answer: str) -> str:
    """Eight digits, kept as text so a leading zero stays; spaces and dots between them are allowed."""
    digits = re.sub(r"[\s.]", "", answer)
    if not digits.isascii() or not digits.isdigit():
        raise InvalidAnswer(_("A KvK number has only digits, such as 01234567; {answer} has other characters.")
                            .format(answer=repr(answer.strip())))
    if len(digits) != 8:
        raise InvalidAnswer(_("A KvK number has 8 digits; you typed {count}. Type every digit, also a 0 at the "
                              "start.").format(count=len(digits)))
    return digits


def choice(options: tuple[str, ...], aliases: dict[str, str] | None = None) -> Callable[[str], str]:
    """A parser of a number from the list (1, 2, ...) or one of ``options`` by name, in any case."""

    def parse(answer: str) -> str:
        key = unicodedata.normalize("NFKD", re.sub(r"\s+", "-", answer.strip().lower()))
        key = "".join(c for c in key if c.isalnum() or c == "-")  # B.V. is bv, coöperatie is cooperatie
        if key.isdigit() and 1 <= int(key) <= len(options):
            return options[int(key) - 1]
        if key in options:
            return key
        if aliases and key in aliases:
            return aliases[key]
        raise InvalidAnswer(_("Choose a number from 1 to {last}, or a name from the list.").format(last=len(options)))

    return parse


_DAY_FIRST = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")


def date(answer: str) -> datetime.date:
    """An ISO date (2025-01-01), or the Dutch day-first form (1-1-2025, 01/01/2025, 1.1.2025)."""
    text = answer.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return datetime.date.fromisoformat(text)
        day_first = _DAY_FIRST.fullmatch(text)
        if day_first:
            day, month, year = (int(part) for part in day_first.groups())
            return datetime.date(year, month, day)
    except ValueError:
        pass
    raise InvalidAnswer(_("{answer} is not a date; write it as YYYY-MM-DD, for example {example}.").format(
        answer=repr(text), example=f"{datetime.date.today().year - 1}-01-01"))


def number(answer: str) -> int | float:
    """A number as people write it: 12, 12.5 or 12,5, thousands as the language groups them, maybe with a %.

    Either sign may be the decimal one (people type 12.5 and 12,5 in both languages); only
    digits grouped by threes are read as thousands, by the current language's habit: 1.234 is
    1234 in Dutch, 1,234 in English. When both signs appear, the last one is the decimal sign.
    """
    text = answer.strip().removesuffix("%").replace(" ", "")
    grouping = "." if i18n.current() == "nl" else ","
    if re.fullmatch(rf"-?\d{{1,3}}(\{grouping}\d{{3}})+", text):
        text = text.replace(grouping, "")
    elif "," in text and "." in text:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        text = text.replace("." if decimal == "," else ",", "").replace(",", ".")
    else:
        text = text.replace(",", ".")
    if not re.fullmatch(r"-?(\d+\.?\d*|\.\d+)", text):
        raise InvalidAnswer(_("{answer} is not a number; write it with digits, such as 12 or 12.5.").format(
            answer=repr(answer.strip())))
    value = float(text)
    return int(value) if value.is_integer() and abs(value) < 2**53 else value


def default_period(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """Last calendar year: the period most statements report on when they are written."""
    return datetime.date(today.year - 1, 1, 1), datetime.date(today.year - 1, 12, 31)


def default_end(start: datetime.date) -> datetime.date:
    """One year from ``start``, ending the day before: 2025-01-01 gives 2025-12-31."""
    try:
        return start.replace(year=start.year + 1) - datetime.timedelta(days=1)
    except ValueError:  # 29 February
        return start.replace(year=start.year + 1, day=28)


Ask = Callable[..., Any]


def ask_on_terminal(question: str, parse: Callable[[str], Any], default: str | None = None) -> Any:
    """Ask until ``parse`` accepts the answer, saying what was wrong each time; Ctrl-C and end of input abort."""
    import typer  # its own copy of click's prompt: click itself is not a dependency of impactclaim

    while True:
        answer = typer.prompt(question, default=default, show_default=bool(default), type=str)
        try:
            return parse(answer)
        except InvalidAnswer as problem:
            typer.echo(f"  {problem}")


def questionnaire(ask: Ask, say: Callable[[str], None], today: datetime.date, path: Path) -> Answers:
    """Ask every question through ``ask(question, parse, default=...)`` (which re-asks until ``parse`` accepts)."""
    say(_("Let's write your first impact statement, in {path}. You can change everything in the file afterwards; "
          "Ctrl-C stops without writing anything.").format(path=path))
    say("")
    say(_("Your organisation"))
    name = ask(_("Name of the organisation, as registered with the KvK"), plain_text)
    kvk = ask(_("KvK number (8 digits)"), kvk_number)
    for index, form in enumerate(LEGAL_FORMS, start=1):
        say(f"  {index:>2}. {legal_form_label(form)}")
    legal_form = ask(_("Legal form (a number or a name from the list)"),
                     choice(LEGAL_FORMS, {"besloten-vennootschap": "bv", "cooperatief": "cooperatie",
                                          "cooperative": "cooperatie", "naamloze-vennootschap": "nv",
                                          "foundation": "stichting", "association": "vereniging"}))
    municipality = ask(_("Municipality where the organisation is established"), plain_text)

    say("")
    say(_("The reporting period"))
    say(_("The period this statement reports on, usually last year."))
    first, last = default_period(today)
    start = ask(_("First day (YYYY-MM-DD)"), date, default=first.isoformat())

    def after_start(answer: str) -> datetime.date:
        end = date(answer)
        if end <= start:
            raise InvalidAnswer(_("The last day must come after the first day ({start}).").format(
                start=start.isoformat()))
        return end

    end = ask(_("Last day (YYYY-MM-DD)"), after_start,
              default=(last if start == first else default_end(start)).isoformat())

    say("")
    say(_("Your mission"))
    mission = ask(_("Your mission in one or two sentences: which change do you aim for, and for whom?"),
                  plain_text)

    say("")
    say(_("Your first outcome"))
    say(_("An outcome is a change for people or the planet that you bring about, such as 'participants find "
          "paid work'. Describe the change in their situation, not your activity."))
    outcome = ask(_("What changes?"), plain_text)
    stakeholder = ask(_("For whom does it change?"), plain_text)
    baseline = ask(_("How was their situation before? (press Enter to fill it in later)"), optional_text,
                   default="")

    say("")
    say(_("Your first metric"))
    say(_("A metric is a figure that shows the change, such as the share of participants with paid work after "
          "a year."))
    metric_name = ask(_("Name of the metric"), plain_text)
    unit = ask(_("Unit, such as people, %, kg or hours"), plain_text)
    for index, kind in enumerate(METRIC_KINDS, start=1):
        say(f"  {index:>2}. {metric_kind_label(kind)}")
    suggested = "percentage" if unit == "%" else "count"
    kind = ask(_("Kind of figure (a number or a name from the list)"), choice(METRIC_KINDS), default=suggested)

    def value_of_kind(answer: str) -> int | float:
        value = number(answer)
        if kind == "percentage" and not 0 <= value <= 100:
            raise InvalidAnswer(_("A percentage lies between 0 and 100."))
        return value

    value = ask(_("Value in the reporting period (a number)"), value_of_kind)
    return Answers(name=name, kvk_number=kvk, legal_form=legal_form, municipality=municipality, start=start,
                   end=end, mission=mission, outcome=outcome, stakeholder=stakeholder, baseline=baseline,
                   metric_name=metric_name, unit=unit, kind=kind, value=value)


# --- writing YAML -----------------------------------------------------------------------------------

# A plain scalar that YAML 1.2 and 1.1 both read back as this very text: it starts with a letter,
# contains no ": " or " #", and is not a word either version reads as a boolean or null.
_PLAIN = re.compile(r"[^\W\d_][^\n]*")
_NOT_TEXT_WORDS = {"true", "false", "yes", "no", "on", "off", "y", "n", "null", "nan", "inf"}


def yaml_scalar(value: Any, *, in_flow: bool = False) -> str:
    """``value`` as a YAML scalar that reads back as itself, plain where that is safe, else double-quoted."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, int | float):
        return repr(value)
    text = str(value)
    plain = (_PLAIN.fullmatch(text) is not None and text.lower() not in _NOT_TEXT_WORDS
             and ": " not in text and " #" not in text and not text.endswith((":", " "))
             and not (in_flow and any(c in text for c in ",[]{}")))
    if plain:
        return text
    quoted = json.dumps(text, ensure_ascii=False)  # JSON strings are YAML double-quoted scalars
    for character in ("\u0085", "\u2028", "\u2029", "\u007f"):  # line breaks in YAML 1.1, unprintable in YAML
        quoted = quoted.replace(character, f"\\u{ord(character):04x}")
    return quoted


def yaml_field(indent: int, key: str, value: Any) -> list[str]:
    """The lines of ``key: value``; a long text folds over several lines (``>-``) to stay readable."""
    prefix = " " * indent + f"{key}: "
    scalar = yaml_scalar(value)
    if isinstance(value, str) and len(prefix) + len(scalar) > COMMENT_WIDTH and scalar == value:
        body = " " * (indent + 2)
        return [prefix + ">-", *textwrap.wrap(value, COMMENT_WIDTH, initial_indent=body, subsequent_indent=body,
                                               break_long_words=False, break_on_hyphens=False)]
    return [prefix + scalar]


def comment(text: str, indent: int = 0) -> list[str]:
    """``text`` as comment lines of at most COMMENT_WIDTH characters."""
    lead = " " * indent + "# "
    # A command ('impactclaim ...') stays on one line: its spaces become no-break spaces while wrapping.
    kept = re.sub(r"'impactclaim [^']*'", lambda quoted: quoted.group().replace(" ", "\u00a0"), text)
    return [line.replace("\u00a0", " ") for line in textwrap.wrap(
        kept, COMMENT_WIDTH, initial_indent=lead, subsequent_indent=lead, break_long_words=False,
        break_on_hyphens=False)]


def identifier(text: str, fallback: str) -> str:
    """A short id from the first words of ``text`` (``Deelnemers vinden werk`` -> ``deelnemers-vinden-werk``)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    words = re.findall(r"[a-z0-9]+", ascii_text)
    slug = ""
    for word in words:
        if len(slug) + len(word) + 1 > 40:
            break
        slug = f"{slug}-{word}" if slug else word
    return slug or fallback


def statement_data(answers: Answers, language: str) -> dict[str, Any]:
    """The statement the answers make, as data: what the written YAML must read back as."""
    outcome_id = identifier(answers.outcome, "outcome-1")
    metric_id = identifier(answers.metric_name, "metric-1")
    who: dict[str, Any] = {"stakeholder": answers.stakeholder}
    if answers.baseline:
        who["baseline"] = answers.baseline
    return {
        "schema_version": STARTER_VERSION,
        "language": language,
        "organisation": {"name": answers.name, "kvk_number": answers.kvk_number, "legal_form": answers.legal_form,
                         "municipality": answers.municipality},
        "reporting_period": {"start": answers.start.isoformat(), "end": answers.end.isoformat()},
        "mission": {"statement": answers.mission},
        "outcomes": [{"id": outcome_id, "what": {"description": answers.outcome, "polarity": "positive"},
                      "who": who, "metrics": [metric_id]}],
        "metrics": [{"id": metric_id, "name": answers.metric_name, "unit": answers.unit, "kind": answers.kind,
                     "value": answers.value}],
    }


def statement_text(answers: Answers, language: str, path: Path) -> str:
    """The commented statement of ``answers``, its comments in the current language of messages."""
    data = statement_data(answers, language)
    organisation, period = data["organisation"], data["reporting_period"]
    outcome, metric = data["outcomes"][0], data["metrics"][0]
    lines = [*MODELINES, "#"]
    lines += comment(_("Impact statement of {name}, started with 'impactclaim init'. Check it with:").format(
        name=answers.name))
    lines += [f"#     impactclaim validate {shell_word(path)}"]
    lines += comment(_("Every field is explained by:"))
    lines += [f"#     impactclaim schema --format markdown --lang {language}", "#"]
    lines += comment(_("The two lines at the top let editors check and complete this file as you type: VS Code "
                       "with Red Hat's YAML extension reads the first, JetBrains IDEs the second. Both point at "
                       "{schema} next to this file, a copy of the schema written by impactclaim: it works "
                       "offline, and keeps working when Python or impactclaim moves. Keep the two files "
                       "together.").format(schema=SCHEMA_FILE_NAME))
    lines.append("")
    lines += comment(_("The version of the standard this statement follows (\"{version}\", in quotes) and its "
                       "main language: en or nl.").format(version=STARTER_VERSION))
    lines += [f'schema_version: "{STARTER_VERSION}"', f"language: {language}", ""]
    lines += comment(_("Who makes the statement, as registered with the Chamber of Commerce (KvK). The KvK "
                       "number stays in quotes, so a leading zero is kept. You can add a trade name, website, "
                       "contact person, address and headcount; your editor suggests the field names."))
    lines.append("organisation:")
    lines += yaml_field(2, "name", organisation["name"])
    lines.append(f'  kvk_number: "{organisation["kvk_number"]}"')
    lines += yaml_field(2, "legal_form", organisation["legal_form"])
    lines += yaml_field(2, "municipality", organisation["municipality"])
    lines.append("")
    lines += comment(_("The period this statement reports on; every figure below is about this period unless it "
                       "says otherwise."))
    lines += ["reporting_period:", f'  start: "{period["start"]}"', f'  end: "{period["end"]}"', ""]
    lines += comment(_("The mission: the change you put before profit, and for whom."))
    lines.append("mission:")
    lines += yaml_field(2, "statement", answers.mission)
    lines.append("")
    lines += comment(_("Outcomes: the changes for people or the planet you bring about, each along the five "
                       "dimensions of impact: what changes, for whom, how much, your contribution, and the risks. "
                       "Describe a change in their situation, not your activity."))
    lines.append("outcomes:")
    lines += yaml_field(2, "- id", outcome["id"])
    lines.append("    what:")
    lines += yaml_field(6, "description", answers.outcome)
    lines.append("      polarity: positive")
    lines.append("    who:")
    lines += yaml_field(6, "stakeholder", answers.stakeholder)
    if answers.baseline:
        lines += yaml_field(6, "baseline", answers.baseline)
    else:
        lines += comment(_("Still to do: their situation before you started, in words, for example:"), 6)
        lines.append("      # baseline: " + _("At the start, participants had been out of work for three years "
                                              "on average."))
    lines += comment(_("Still to do: the risks that the change turns out different from what you expect, and what "
                       "you do about them, for example:"), 4)
    lines += ["    # risks:", "    #   - type: evidence", "    #     level: medium",
              "    #     mitigation: " + _("An independent agency runs the survey next year.")]
    lines += ["    metrics:", f"      - {yaml_scalar(metric['id'])}", ""]
    lines += comment(_("Metrics: the figures that measure your outcomes, each with its unit, kind and value. "
                       "Outcomes and claims refer to them by their id."))
    lines.append("metrics:")
    lines += yaml_field(2, "- id", metric["id"])
    lines += yaml_field(4, "name", metric["name"])
    lines += yaml_field(4, "unit", metric["unit"])
    lines += yaml_field(4, "kind", metric["kind"])
    lines += yaml_field(4, "value", metric["value"])
    lines.append("")
    lines += comment(_("Next steps: add claims (what you say about your impact in public, with the metrics and "
                       "outcomes that support them), a theory of change, and more outcomes and metrics. "
                       "'impactclaim init --example' writes a complete example to copy from."))
    return "\n".join(lines) + "\n"


# --- checking and writing ---------------------------------------------------------------------------


def check_before_writing(content: str, path: Path, expected: dict[str, Any] | None = None) -> None:
    """Raise RuntimeError when ``content`` does not read back as ``expected`` or has errors: a bug, never the user's."""
    import impactclaim
    from impactclaim.findings import Severity

    document = impactclaim.load_bytes(content.encode("utf-8"), str(path))
    if expected is not None and document.data != expected:
        raise RuntimeError(f"the statement written does not read back as answered: {document.data!r}")
    errors = [f for f in impactclaim.validate(document, use_config=False) if f.severity is Severity.ERROR]
    if errors:
        raise RuntimeError("the statement written is not valid: " + "; ".join(
            f"{f.line}:{f.column} {f.code} {f.message}" for f in errors))


def write_starter(path: Path, content: str, schema_content: bytes) -> Written:
    """Write the statement and, when none is there, the schema beside it; nothing is ever overwritten.

    Raises FileExistsError when the statement appeared meanwhile (the schema written for it is
    then removed again), and OSError when a file cannot be written.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    schema = path.parent / SCHEMA_FILE_NAME
    schema_written = False
    with contextlib.suppress(FileExistsError):
        write_new_file(schema, schema_content)
        schema_written = True
    try:
        write_new_file(path, content.encode("utf-8"))
    except BaseException:
        if schema_written:
            with contextlib.suppress(OSError):
                schema.unlink()
        raise
    return Written(statement=path, schema=schema, schema_written=schema_written,
                   schema_matches=schema_written or _same_version(schema, schema_content))


def _same_version(schema: Path, ours: bytes) -> bool:
    """Whether the schema file kept at ``schema`` is of the same version (its $id) as ``ours``."""
    try:
        theirs = json.loads(schema.read_bytes())
    except (OSError, ValueError):
        return False
    return isinstance(theirs, dict) and theirs.get("$id") == json.loads(ours).get("$id")


def write_new_file(path: Path, content: bytes) -> None:
    """Write ``content`` to a new file ``path`` atomically: readers never see a part, and an existing file stays.

    As impactclaim.atomic does, the bytes go to a temporary file in the same folder and are
    flushed first; but the temporary file is then hard-linked to ``path``, which fails if
    ``path`` exists, where a rename would replace it. Raises FileExistsError in that case.
    """
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o666 & ~_umask())
        try:
            os.link(temporary, path)
        except FileExistsError:
            raise
        except OSError:  # a file system without hard links: check, then rename (a narrow race, no torn file)
            if path.exists() or path.is_symlink():
                raise FileExistsError(path) from None
            os.replace(temporary, path)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
