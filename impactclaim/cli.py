"""The command line: parses arguments, calls the core, maps the outcome to an exit code.

Exit codes are the same in every output format: 0 all files valid (warnings allowed),
1 at least one error (or a warning under --strict), 2 usage or internal error.
"""

# No "from __future__ import annotations" here: typer reads the commands' annotations at every
# start, and as strings it would evaluate each of them (about 20 ms of start-up).
import contextlib
import enum
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TextIO

import typer
from typer._click import Context as ClickContext
from typer._click import HelpFormatter as ClickHelpFormatter
from typer.core import TyperArgument, TyperCommand, TyperGroup

from impactclaim import __version__, i18n
from impactclaim.i18n import N_, _
from impactclaim.loader import DEFAULT_MAX_BYTES, LoadLimits
from impactclaim.migrate_command import migrate
from impactclaim.run import ExitCode, default_jobs

if TYPE_CHECKING:
    from impactclaim.findings import Finding
    from impactclaim.profile.command import RenderOptions

EXIT_OK = ExitCode.OK
EXIT_FINDINGS = ExitCode.FINDINGS
EXIT_USAGE = ExitCode.USAGE

# The help is in the language i18n chooses without a command line: IMPACTCLAIM_LANG, else the
# locale (LC_ALL, LC_MESSAGES, LANG), else English; a statement's language cannot apply to help.
# Typer takes the help texts below when this module is imported, so they are translated with _()
# then, where they are written; --lang cannot choose their language, because it is parsed only
# after the help has been built.

# Words of the help that typer and click write themselves, and the help texts of the migrate
# command's options (written in impactclaim/migrate_command.py, without _()): translated here,
# at import like the rest of the help, and put in place by HelpFormatter. click's error messages
# ("Missing argument", "No such option", "Try ... for help.") are fixed strings in typer's copy of
# click, without a hook to translate them, and stay English; only the usage line they show is
# translated (HelpFormatter writes it).
_FOREIGN_HELP = (
    N_("Usage"), N_("Arguments"), N_("Options"), N_("Commands"),
    N_("Show this message and exit."),
    N_("Install completion for the current shell."),
    N_("Show completion for the current shell, to copy it or customize the installation."),
    N_("Statement files, folders (searched for *.yaml and *.yml) or globs."),
    N_("The schema version to migrate to (default: the newest)."),
    N_("Write nothing; exit 1 when a file needs migrating, and list it (for CI)."),
    N_("Write nothing; print what would change as a unified diff."),
)
_HELP_WORDS = {text: _(text) for text in _FOREIGN_HELP}
_REQUIRED = _("required")  # as in "[required]" after an argument's help
_DEFAULT = _("default: {default}")  # as in "[default: json]" after an option's help
# What typer adds after a help text: "  [default: json]", "  [required]", or both joined by "; ".
_HELP_EXTRA = re.compile(r"(?P<space>^|  )\[(?P<extra>[^\[\]]+)\]$")


def _translated_help(text: str) -> str:
    """A help text of the help's lists, with typer's, click's and migrate's words translated."""
    found = _HELP_EXTRA.search(text)
    if found is None:
        return _HELP_WORDS.get(text, text)
    parts = []
    for part in found["extra"].split("; "):
        if part == "required":
            part = _REQUIRED
        elif part.startswith("default: "):
            part = _DEFAULT.format(default=part.removeprefix("default: "))
        parts.append(part)
    main = text[:found.start()]
    return f"{_HELP_WORDS.get(main, main)}{found['space']}[{'; '.join(parts)}]"


class HelpFormatter(ClickHelpFormatter):
    """click's help formatter, writing typer's and click's own words in the language of the help."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, f"{_HELP_WORDS['Usage']}: " if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        super().write_heading(_HELP_WORDS.get(heading, heading))

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        super().write_dl([(term, _translated_help(text)) for term, text in rows], col_max, col_spacing)


class Context(ClickContext):
    """click's context, with the help formatter that translates typer's and click's words."""

    formatter_class = HelpFormatter


class Group(TyperGroup):
    """The command group, whose help is written by HelpFormatter."""

    context_class = Context


class Command(TyperCommand):
    """A command whose help shows each argument as it is typed: ``PATHS...``, ``[CODE]``.

    Typer writes a required argument as ``{paths}...`` in the usage line; an argument without a
    metavar is named in capitals, as click names its own. Its help is written by HelpFormatter.
    """

    context_class = Context

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            if isinstance(param, TyperArgument) and param.metavar is None and param.name:
                param.metavar = param.name.upper() + ("..." if param.nargs != 1 else "")

    def collect_usage_pieces(self, ctx: ClickContext) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if isinstance(param, TyperArgument):
                metavar = param.make_metavar(ctx)
                pieces.append(metavar if param.required else f"[{metavar}]")
            else:
                pieces.extend(param.get_usage_pieces(ctx))
        return pieces


# Plain help, not rich: rich reads "[tool.impactclaim]" and "[default: ...]" in a help text as
# markup and drops them, and its boxes depend on the terminal. Plain help reads the same in a
# terminal, a pipe and the snapshot tests (tests/golden/help/).
app = typer.Typer(
    name="impactclaim",
    cls=Group,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class OutputFormat(enum.StrEnum):
    """Output formats of ``validate``; ``auto`` is github under GitHub Actions, text elsewhere."""

    auto = "auto"
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"
    junit = "junit"


def resolve_format(chosen: OutputFormat) -> str:
    if chosen is OutputFormat.auto:
        return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    return chosen.value


def use_color(stream: TextIO) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"impactclaim {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback(help=_(
    "Check impact statements (YAML) against the shared schema and render impact profiles.\n\n"
    "Run 'impactclaim COMMAND --help' for the options of a command, and 'impactclaim explain CODE' for what a "
    "finding means and how to fix it.\n\n"
    "Exit status, the same in every command and output format: 0 all files valid (warnings allowed), 1 at least "
    "one error (or a warning with --strict), 2 a usage error (arguments that name no statement file among them) or "
    "a file that could not be processed at all."))
def _root(
    version: Annotated[bool, typer.Option("--version", "-V", callback=_version_callback, is_eager=True,
                                          help=_("Show the version and exit."))] = False,
) -> None:
    """The options before a command (the help of the whole tool is the help= above)."""


def _at_least_one(value: int | None) -> int | None:
    # A callback rather than min=1: click would add "[x>=1]" to the help text.
    if value is not None and value < 1:
        raise typer.BadParameter("must be 1 or more")
    return value


_MEBIBYTE = 1024 * 1024
_FORMATS_TEXT = ", ".join(f.value for f in OutputFormat)
_ALLOW_EMPTY_HELP = N_("Exit 0 when the arguments name no statement file (an empty folder, everything excluded, "
                        "a pattern that matches nothing); without it that is a usage error.")

# Arguments and options that several commands share, declared once (typer copies each per command).
StatementPaths = Annotated[list[str] | None, typer.Argument(
    metavar="PATHS...", help=_("Statement files, folders (searched for *.yaml and *.yml) or glob patterns."),
    show_default=False)]
NoConfigOption = Annotated[bool, typer.Option(
    "--no-config", help=_("Ignore impactclaim.toml and the [tool.impactclaim] table of pyproject.toml."))]
ExcludeOption = Annotated[list[str] | None, typer.Option(
    "--exclude", metavar="PATTERN",
    help=_("Skip what folders and globs find that matches this .gitignore-style pattern; repeatable."))]
AllowEmptyOption = Annotated[bool, typer.Option("--allow-empty", help=_(_ALLOW_EMPTY_HELP))]
CheckJobsOption = Annotated[int | None, typer.Option(
    "--jobs", "-j", metavar="N", callback=_at_least_one,
    help=_("Check in N worker processes (default: the number of cores)."), show_default=False)]


@app.command("init", cls=Command, short_help=_("Start a statement: a few questions, or an example."), help=_(
    "Start an impact statement: answer a few questions in plain language, or write an example.\n\n"
    "Writes PATH and, beside it, statement.schema.json, so that editors (VS Code with the YAML extension, "
    "JetBrains IDEs) check and complete the statement as you type, also offline. An existing file is never "
    "overwritten. The questions need a terminal; elsewhere use --example.\n\n"
    "Exit status: 0 written, 1 stopped with Ctrl-C or at the end of input (nothing written), 2 a usage error, a "
    "file that exists or cannot be written, or no terminal to ask on."))
def init(
    path: Annotated[str | None, typer.Argument(
        metavar="PATH",
        help=_("The statement file to write, ending in .yaml or .yml, or a folder to write statement.yaml in "
               "(drafts/ is made when it does not exist; default: statement.yaml here)."), show_default=False)] = None,
    language: Annotated[str | None, typer.Option(
        "--lang", metavar="LANG",
        help=_("The language of the questions and of the statement: nl or en (default: IMPACTCLAIM_LANG, else the "
               "locale, else nl)."))] = None,
    example: Annotated[bool, typer.Option(
        "--example",
        help=_("Ask nothing: write a complete, commented example statement to edit (also for CI)."))] = False,
) -> None:
    """Start an impact statement: a few questions, or an example."""
    import datetime

    from impactclaim import starter
    from impactclaim.schema_reference import schema_json

    _choose_language(language)
    chosen = i18n.normalise(language) or i18n.configured() or "nl"
    i18n.choose(chosen)
    try:
        target = starter.target_path(path)
        starter.refuse_existing(target)
    except starter.StarterError as error:
        _usage_error(str(error))
    expected = None
    if example:
        content = starter.example_text(chosen, target)
    else:
        if not sys.stdin.isatty():
            _usage_error(_("init asks its questions on a terminal, and there is none here; 'impactclaim init "
                           "--example' writes a complete example statement to edit instead"))
        try:
            answers = starter.questionnaire(starter.ask_on_terminal, typer.echo, datetime.date.today(), target)
        except (typer.Abort, KeyboardInterrupt, EOFError):
            typer.echo("\nimpactclaim: " + _("stopped; nothing was written"), err=True)
            raise typer.Exit(EXIT_FINDINGS) from None
        content = starter.statement_text(answers, chosen, target)
        expected = starter.statement_data(answers, chosen)
    starter.check_before_writing(content, target, expected)
    try:
        written = starter.write_starter(target, content, schema_json(starter.STARTER_VERSION, chosen).encode())
    except FileExistsError:
        _usage_error(_("{path} already exists; init never overwrites a file. Choose another name, or move the file "
                       "first.").format(path=target))
    except OSError as error:
        _usage_error(_("cannot write {path}: {reason}").format(path=error.filename or target,
                                                               reason=error.strerror or error))
    if not example:
        typer.echo("")  # after the last answer
    typer.echo(_("Statement written to {path}").format(path=written.statement))
    if written.schema_written:
        typer.echo(_("Schema written to {path}: with it, editors check and complete the statement as you "
                     "type.").format(path=written.schema))
    elif not written.schema_matches:
        typer.echo("impactclaim: warning: " + _(
            "{path} already exists and is not the schema {version}; it was kept, and editors check the statement "
            "against it. If it is outdated, replace it with 'impactclaim schema --lang {language} -o {path}'.").format(
            path=written.schema, version=starter.STARTER_VERSION, language=chosen), err=True)
    typer.echo(_("Next: check it with {validate}, fill it in further (its comments say how), and make the profile "
                 "with {render}.").format(validate=f"impactclaim validate {starter.shell_word(written.statement)}",
                                          render=f"impactclaim render {starter.shell_word(written.statement)}"))


@app.command(cls=Command, short_help=_("Check statements and report every problem."), help=_(
    "Check statement files and report every problem with its line and column.\n\n"
    "Exit status: 0 every file valid (warnings allowed), 1 at least one error (or a warning with --strict), 2 a "
    "usage error, a bad configuration or nothing to check."))
def validate(
    paths: Annotated[list[str] | None, typer.Argument(
        metavar="PATHS...",
        help=_("Statement files, folders (searched for *.yaml and *.yml) or glob patterns; a profile PDF is "
               "checked through the statement embedded in it."), show_default=False)] = None,
    output_format: Annotated[OutputFormat, typer.Option(
        "--format", "-f", metavar="FORMAT",
        help=_("Output format: {formats}; auto is github under GitHub Actions, text elsewhere.").format(
            formats=_FORMATS_TEXT))
    ] = OutputFormat.auto,
    strict: Annotated[bool, typer.Option("--strict", help=_("Count warnings as errors."))] = False,
    select: Annotated[list[str] | None, typer.Option(
        "--select", metavar="RULES",
        help=_("Run only these claim-quality rules (codes or slugs, comma-separated; repeatable)."))] = None,
    ignore: Annotated[list[str] | None, typer.Option(
        "--ignore", metavar="CODES",
        help=_("Leave out these codes: rules, deprecations, silences (codes or slugs, comma-separated; "
               "repeatable)."))] = None,
    no_config: NoConfigOption = False,
    exclude: Annotated[list[str] | None, typer.Option(
        "--exclude", metavar="PATTERN",
        help=_("Skip what folders and globs find that matches this .gitignore-style pattern (drafts, "
               "submissions/drafts, drafts/, *.draft.yaml, !keep.yaml); repeatable, added to the default "
               "excludes. A file named on the command line is always checked."))] = None,
    allow_empty: AllowEmptyOption = False,
    language: Annotated[str | None, typer.Option(
        "--lang", metavar="LANG",
        help=_("The language of messages and hints: nl or en (default: IMPACTCLAIM_LANG, else the locale, else "
               "each statement's own language)."))] = None,
    jobs: CheckJobsOption = None,
    shard: Annotated[str | None, typer.Option(
        "--shard", metavar="I/N", help=_("Check only the deterministic slice I of N of the files."))] = None,
    report: Annotated[str | None, typer.Option(
        "--report", metavar="FILE", help=_("Also write a batch report: FILE ends in .csv, .json or .html."))] = None,
    max_bytes: Annotated[int, typer.Option(
        "--max-bytes", metavar="BYTES", callback=_at_least_one, show_default=False,
        help=_("Refuse files larger than BYTES (default: {bytes}, that is {mebibytes} MiB).").format(
            bytes=DEFAULT_MAX_BYTES, mebibytes=DEFAULT_MAX_BYTES // _MEBIBYTE))] = DEFAULT_MAX_BYTES,
) -> None:
    """Check statement files and report every problem."""
    from impactclaim.catalogue import UnknownCodeError
    from impactclaim.checker import CheckOptions
    from impactclaim.config import ConfigError
    from impactclaim.discover import Shard, find_statements
    from impactclaim.reporters import reporter_class
    from impactclaim.reporters.base import REPORT_SUFFIXES
    from impactclaim.rules import CodeSelection
    from impactclaim.run import validate_batch

    _choose_language(language)
    arguments = paths or []
    options = CheckOptions(limits=LoadLimits(max_bytes=max_bytes), strict=strict,
                           select=_split(select) if select is not None else None,
                           ignore=_split(ignore) if ignore is not None else (), use_config=not no_config)
    try:  # fail on a bad setting before any output
        CodeSelection.build(options.select, options.ignore)
        chosen_shard = Shard.parse(shard) if shard else None
    except (UnknownCodeError, ValueError) as error:
        _usage_error(str(error))
    if report and not report.lower().endswith(REPORT_SUFFIXES):
        _usage_error(f"the report must end in {', '.join(REPORT_SUFFIXES)}: {report}")
    found = find_statements(arguments, exclude=exclude or (), shard=chosen_shard)
    _refuse_empty_inputs(arguments, found.unmatched, found.before_shard, exclude or (), allow_empty)
    batch = None
    if report:
        from impactclaim.reporters.batch import BatchReport

        batch = BatchReport(strict=strict)
    stream = sys.stdout
    reporter = reporter_class(resolve_format(output_format))(stream, color=use_color(stream), strict=strict)
    try:
        with _progress(len(found.files)) as advance:
            consumers = [reporter.file_result, *([batch.add] if batch is not None else []), advance]
            summary = validate_batch(found.files, options, jobs or default_jobs(), consumers)
    except (ConfigError, UnknownCodeError) as error:
        _usage_error(str(error))
    reporter.finish(summary)
    if batch is not None and report:
        batch.write(report)
    raise typer.Exit(summary.exit_code)


def _choose_language(language: str | None) -> None:
    """Messages in ``language`` for the rest of the run; a name that is no language is a usage error."""
    if language is not None and i18n.normalise(language) is None:
        _usage_error(f"--lang must be {' or '.join(i18n.LANGUAGES)}, not {language!r}")
    i18n.choose(language)


def _refuse_empty_inputs(arguments: Sequence[str], unmatched: Sequence[str], found: int,
                         exclude: Sequence[str], allow_empty: bool) -> None:
    """Stop with a usage error when the arguments name no statement file, unless --allow-empty.

    ``found`` counts the files found (before --shard: an empty slice of a batch is fine). A CI
    job whose folder or pattern finds nothing would otherwise pass forever, and a pattern that
    matches nothing is usually a typing error (a shell passes it on unexpanded). With
    --allow-empty each of these is a warning: the pre-commit hook passes it, because pre-commit
    runs it without file names when no statement changed (with always_run or pass_filenames: false).
    """
    problems = [_("no file matches the pattern {pattern}").format(pattern=repr(pattern)) for pattern in unmatched]
    if not found and not problems and not (allow_empty and not arguments):
        if arguments and exclude:
            problems.append(_("no statement files (*.yaml, *.yml) found in {paths} after --exclude {patterns}").format(
                paths=" ".join(arguments), patterns=" ".join(exclude)))
        elif arguments:
            problems.append(_("no statement files (*.yaml, *.yml) found in {paths}").format(paths=" ".join(arguments)))
        else:
            problems.append(_("no statement files given: name files, folders or glob patterns"))
    level = "warning" if allow_empty else "error"
    for problem in problems:
        typer.echo(f"impactclaim: {level}: {problem}", err=True)
    if problems and not allow_empty:
        typer.echo("impactclaim: " + _("pass --allow-empty when that is expected"), err=True)
        raise typer.Exit(EXIT_USAGE)


PROGRESS_THRESHOLD = 50  # below this many files a bar is noise


@contextlib.contextmanager
def _progress(total: int) -> Iterator[Callable[[object], None]]:
    """A progress bar on stderr, only on a terminal, outside CI and for batches worth it."""
    if total < PROGRESS_THRESHOLD or os.environ.get("CI") or not sys.stderr.isatty():
        yield lambda _: None
        return
    # typer's own progress bar: click is not installed with impactclaim (typer carries its own copy).
    with typer.progressbar(length=total, label=_("Checking"), file=sys.stderr) as bar:
        yield lambda _result: bar.update(1)


def _split(values: list[str]) -> tuple[str, ...]:
    return tuple(name.strip() for value in values for name in value.split(",") if name.strip())


def _usage_error(message: str) -> NoReturn:
    typer.echo(f"impactclaim: error: {message}", err=True)
    raise typer.Exit(EXIT_USAGE)


def _export_vsme(files: Sequence[str], target: Any) -> NoReturn:
    """Fill the VSME Digital Template from one statement, and say what was filled and what is missing."""
    from impactclaim.atomic import atomic_write
    from impactclaim.checker import check_path_and_read
    from impactclaim.dataset.vsme import fill

    if len(files) != 1:
        _usage_error(_("--format vsme fills the template from one statement, not {count}").format(count=len(files)))
    if target.suffix.lower() != ".xlsx":
        _usage_error(_("--format vsme writes the template as .xlsx, not {name}").format(name=target))
    if target.resolve() == Path(files[0]).resolve():
        _usage_error(_("{path} is one of the statements; choose another output").format(path=target))
    checked = check_path_and_read(files[0])
    if checked.statement is None or checked.result.errors:
        typer.echo("impactclaim: " + _("{path} has errors; fix them first ('impactclaim validate {path}' lists "
                                       "them)").format(path=files[0]), err=True)
        raise typer.Exit(EXIT_FINDINGS)
    filled = fill(checked.statement)
    try:
        atomic_write(target, filled.content)
    except OSError as error:
        _usage_error(_("cannot write {path}: {reason}").format(path=error.filename or target,
                                                               reason=error.strerror or error))
    typer.echo(_("VSME template written to {path}.").format(path=target))
    typer.echo(_("Filled from the statement:"))
    for name in dict.fromkeys(point.name for point in filled.filled):
        typer.echo(f"  {name}")
    if filled.missing:
        typer.echo(_("Not in the statement, left for the enterprise to fill in:"))
        for name in filled.missing:
            typer.echo(f"  {name}")
    if filled.by_hand:
        typer.echo(_("Metrics that name a VSME disclosure, to enter by hand where the disclosure asks for them:"))
        for line in filled.by_hand:
            typer.echo(f"  {line}")
    raise typer.Exit(EXIT_OK)


class ExportFormat(enum.StrEnum):
    """Formats of ``export``: every table in the same one."""

    parquet = "parquet"
    csv = "csv"
    xlsx = "xlsx"
    json = "json"
    vsme = "vsme"


@app.command(cls=Command, short_help=_("Write statements as a dataset: tables for DuckDB, Excel or Spark."), help=_(
    "Check statements and write what they say as tidy tables, a folder per table under OUT: statements, "
    "organisations, memberships, claims, outcomes, metrics (one row per value, baseline and target), sdg_targets, "
    "risks, sources, social_return, headcount, translations and findings, with a data dictionary in "
    "OUT/dictionary.\n\n"
    "Parquet is partitioned by reporting year, so DuckDB, Spark, Trino and pandas read the folder as it is; "
    "several --shard runs into one OUT make one dataset. CSV is UTF-8 for Excel (use --separator ';' for a "
    "Dutch Excel); in CSV and XLSX a text that a spreadsheet would run as a formula starts with an apostrophe. A "
    "statement with errors is listed in statements with its findings, never left out.\n\n"
    "With --format vsme, one statement fills EFRAG's VSME Digital Template 1.3.0 (-o ending in .xlsx) with the "
    "Basic-module datapoints it holds; the rest is left for the enterprise, and the command says what.\n\n"
    "Exit status: 0 the dataset was written (also when statements have errors: the findings table says which), "
    "1 a statement with errors for --format vsme, 2 a usage error or nothing to export."))
def export(
    paths: StatementPaths = None,
    output: Annotated[str | None, typer.Option(
        "--output", "--out", "-o", metavar="OUT", show_default=False,
        help=_("The folder to write the tables into; created when missing."))] = None,
    output_format: Annotated[ExportFormat, typer.Option(
        "--format", "-f", metavar="FORMAT",
        help=_("parquet, csv, xlsx, json (JSON Lines), or vsme (the EU VSME template, for one statement)."))]
        = ExportFormat.parquet,
    separator: Annotated[str, typer.Option(
        "--separator", metavar="CHAR", help=_("The CSV separator: ',' or ';'."))] = ",",
    jobs: CheckJobsOption = None,
    shard: Annotated[str | None, typer.Option(
        "--shard", metavar="I/N", help=_("Export only the deterministic slice I of N of the files; the runs of "
                                          "all slices into one OUT make one dataset."))] = None,
    exclude: ExcludeOption = None,
    no_config: NoConfigOption = False,
    allow_empty: AllowEmptyOption = False,
    language: Annotated[str | None, typer.Option(
        "--lang", metavar="LANG",
        help=_("The language of the findings' messages and of the data dictionary: nl or en."))] = None,
) -> None:
    """Write statements as a dataset."""
    from impactclaim.checker import CheckOptions
    from impactclaim.config import ConfigError
    from impactclaim.dataset.export import export as export_dataset
    from impactclaim.dataset.export import refuse_inputs_as_outputs
    from impactclaim.discover import Shard, find_statements

    _choose_language(language)
    if output is None:
        _usage_error(_("name the folder to write the tables into with -o OUT"))
    if separator not in (",", ";"):
        _usage_error(_("--separator must be ',' or ';', not {separator}").format(separator=repr(separator)))
    try:
        chosen_shard = Shard.parse(shard) if shard else None
    except ValueError as error:
        _usage_error(str(error))
    arguments = paths or []
    found = find_statements(arguments, exclude=exclude or (), shard=chosen_shard)
    _refuse_empty_inputs(arguments, found.unmatched, found.before_shard, exclude or (), allow_empty)
    target = Path(output)
    if output_format is ExportFormat.vsme:
        _export_vsme(found.files, target)
    problem = refuse_inputs_as_outputs(found.files, target)
    if problem is None and target.exists() and not target.is_dir():
        problem = _("{path} exists and is not a folder").format(path=output)
    if problem is not None:
        _usage_error(problem)
    options = CheckOptions(use_config=not no_config)
    try:
        with _progress(len(found.files)) as advance:
            summary = export_dataset(found.files, target, output_format.value, options, jobs=jobs or default_jobs(),
                                     shard=(chosen_shard.index, chosen_shard.count) if chosen_shard else (1, 1),
                                     separator=separator, language=i18n.current(), advance=advance)
    except ConfigError as error:
        _usage_error(str(error))
    except OSError as error:
        _usage_error(_("cannot write {path}: {reason}").format(path=error.filename or output,
                                                               reason=error.strerror or error))
    typer.echo(i18n.ngettext("{count} statement exported to {path}: {valid} valid, {invalid} with errors, "
                             "{unreadable} unreadable.",
                             "{count} statements exported to {path}: {valid} valid, {invalid} with errors, "
                             "{unreadable} unreadable.", summary.statements).format(
        count=summary.statements, path=output, valid=summary.statuses.get("valid", 0),
        invalid=summary.statuses.get("invalid", 0), unreadable=summary.statuses.get("unreadable", 0)))
    if summary.statuses.get("invalid") or summary.statuses.get("unreadable"):
        typer.echo(_("Statements with errors are listed in statements with their findings; their other data is "
                     "left out until the errors are fixed."))
    raise typer.Exit(EXIT_OK)


@app.command(cls=Command, short_help=_("What many statements say together: maps, totals, flags."), help=_(
    "Show what a portfolio of statements says together, for a financier, a municipality or a regional network: "
    "maps of the Netherlands by province and municipality, totals that add up only the same metric (the same "
    "IRIS+ id or VSME reference, unit and year), negative effects beside positive ones, breakdowns by impact area, "
    "SDG, ABC class, legal form, evidence and assurance, duplicates and other periods, year-on-year changes and "
    "each statement's completeness.\n\n"
    "PATHS are statements (checked and exported first) or a folder written by 'impactclaim export'. Statements "
    "with errors are listed and left out of every figure.\n\n"
    "Exit status: 0 the portfolio was written, 2 a usage error or nothing to show."))
def portfolio(
    paths: Annotated[list[str] | None, typer.Argument(
        metavar="PATHS...", help=_("Statement files, folders or glob patterns, or one exported dataset folder."),
        show_default=False)] = None,
    output: Annotated[str | None, typer.Option(
        "--output", "--out", "-o", metavar="OUT", show_default=False,
        help=_("The file to write: portfolio.html, portfolio.pdf or portfolio.xlsx."))] = None,
    group_by: Annotated[str, typer.Option(
        "--group-by", metavar="FIELD",
        help=_("Group the overview by province, municipality, impact-area, sdg or legal-form."))] = "province",
    where: Annotated[list[str] | None, typer.Option(
        "--where", metavar="FIELD=VALUE",
        help=_("Only statements where FIELD is VALUE: province, municipality, legal-form, impact-area, sdg, abc, "
               "year or kvk; repeatable (the same field twice: either value)."))] = None,
    figure: Annotated[str | None, typer.Option(
        "--figure", metavar="METRIC",
        help=_("Also show this metric per region on the maps: an IRIS+ id (OI8869) or a VSME reference (B8)."))]
        = None,
    title: Annotated[str | None, typer.Option("--title", metavar="TEXT", help=_("The page's title."))] = None,
    language: Annotated[str | None, typer.Option(
        "--lang", metavar="LANG", help=_("The language of the page: nl or en (default: nl)."))] = None,
    jobs: CheckJobsOption = None,
    exclude: ExcludeOption = None,
    no_config: NoConfigOption = False,
    feedback: Annotated[str | None, typer.Option(
        "--feedback", metavar="FOLDER",
        help=_("Also write a feedback sheet per statement into FOLDER (HTML and PDF, in the statement's own "
               "language): its findings with lines and hints, to send back to the enterprise."))] = None,
) -> None:
    """Show what many statements say together."""
    import tempfile

    from impactclaim.atomic import atomic_write
    from impactclaim.checker import CheckOptions
    from impactclaim.config import ConfigError
    from impactclaim.dataset.export import export as export_dataset
    from impactclaim.discover import find_statements
    from impactclaim.portfolio.compute import PortfolioError, compute, is_dataset, parse_filters

    # --lang is the page's language; the findings stay in each statement's own (for the feedback sheets),
    # unless IMPACTCLAIM_LANG or the locale chooses one for all.
    if language is not None and i18n.normalise(language) is None:
        _usage_error(f"--lang must be {' or '.join(i18n.LANGUAGES)}, not {language!r}")
    chosen = i18n.normalise(language) or i18n.configured() or "nl"
    if output is None:
        _usage_error(_("name the file to write with -o, ending in .html, .pdf or .xlsx"))
    suffix = Path(output).suffix.lower()
    if suffix not in (".html", ".pdf", ".xlsx"):
        _usage_error(_("the portfolio is written as .html, .pdf or .xlsx, not {name}").format(name=output))
    arguments = paths or []
    try:
        filters = parse_filters(where or [])
    except PortfolioError as error:
        _usage_error(str(error))
    with tempfile.TemporaryDirectory(prefix="impactclaim-portfolio-") as scratch:
        if len(arguments) == 1 and is_dataset(Path(arguments[0])):
            dataset = Path(arguments[0])
        else:
            found = find_statements(arguments, exclude=exclude or ())
            _refuse_empty_inputs(arguments, found.unmatched, found.before_shard, exclude or (), False)
            if any(Path(path).resolve() == Path(output).resolve() for path in found.files):
                _usage_error(_("{path} is one of the statements; choose another output").format(path=output))
            dataset = Path(scratch) / "dataset"
            try:
                export_dataset(found.files, dataset, "parquet", CheckOptions(use_config=not no_config),
                               jobs=jobs or default_jobs(), language=chosen)
            except ConfigError as error:
                _usage_error(str(error))
        try:
            with i18n.using(chosen):  # the page's words, the flags' included
                result = compute(dataset, group_by=group_by, filters=filters, figure=figure)
        except PortfolioError as error:
            _usage_error(str(error))
        if feedback is not None:
            from impactclaim.portfolio.feedback import write_sheets

            try:
                sheets = write_sheets(dataset, Path(feedback), chosen)
            except OSError as error:
                _usage_error(_("cannot write {path}: {reason}").format(path=error.filename or feedback,
                                                                       reason=error.strerror or error))
            with i18n.using(chosen):
                typer.echo(_("{count} feedback sheets written to {path}.").format(count=len(sheets) // 2,
                                                                                  path=feedback))
    with i18n.using(chosen):
        from impactclaim.portfolio import render as portfolio_render

        heading = title or _("Impact portfolio")
        if suffix == ".xlsx":
            content = portfolio_render.render_xlsx(result, chosen)
        else:
            html = portfolio_render.render_html(result, chosen, heading)
            content = html.encode("utf-8") if suffix == ".html" else portfolio_render.render_pdf(html)
        try:
            atomic_write(output, content)
        except OSError as error:
            _usage_error(_("cannot write {path}: {reason}").format(path=error.filename or output,
                                                                   reason=error.strerror or error))
        enterprises = len({enterprise.kvk or enterprise.statement_key for enterprise in result.enterprises})
        typer.echo(_("Portfolio of {count} enterprises written to {path}.").format(count=enterprises, path=output))
    raise typer.Exit(EXIT_OK)


@app.command(cls=Command, short_help=_("Suppliers side by side, as a buyer weighs them in a tender."), help=_(
    "Set the statements of suppliers side by side, as a municipal buyer weighs them in a tender (social value, "
    "social return): the social-enterprise facts, PSO level, labels with their schemes, social return delivered, "
    "evidence, assurance and the checks' findings. A metric is only set beside the same metric (the same IRIS+ "
    "id or VSME reference and unit).\n\n"
    "Exit status: 0 the comparison was written, 2 a usage error."))
def compare(
    statements: Annotated[list[str], typer.Argument(
        metavar="STATEMENTS...", help=_("Two or more statement files."), show_default=False)],
    output: Annotated[str | None, typer.Option(
        "--output", "--out", "-o", metavar="OUT", show_default=False,
        help=_("The file to write: compare.html or compare.pdf."))] = None,
    title: Annotated[str | None, typer.Option("--title", metavar="TEXT", help=_("The page's title."))] = None,
    language: Annotated[str | None, typer.Option(
        "--lang", metavar="LANG", help=_("The language of the page: nl or en (default: nl)."))] = None,
) -> None:
    """Set suppliers side by side."""

    from impactclaim.atomic import atomic_write
    from impactclaim.checker import check_path_and_read
    from impactclaim.portfolio import compare as comparing

    _choose_language(language)
    chosen = i18n.normalise(language) or i18n.configured() or "nl"
    if output is None or Path(output).suffix.lower() not in (".html", ".pdf"):
        _usage_error(_("name the file to write with -o, ending in .html or .pdf"))
    if len(statements) < 2:
        _usage_error(_("compare needs two or more statements"))
    if any(Path(path).resolve() == Path(output).resolve() for path in statements):
        _usage_error(_("{path} is one of the statements; choose another output").format(path=output))
    checked = []
    for path in statements:
        result = check_path_and_read(path)
        checked.append((path, result.statement, result.read, result.result.findings))
    with i18n.using(chosen):
        comparison = comparing.build(checked, chosen)
        html = comparing.render_html(comparison, chosen, title or _("Suppliers side by side"))
        if Path(output).suffix.lower() == ".pdf":
            from impactclaim.portfolio.render import render_pdf

            content = render_pdf(html)
        else:
            content = html.encode("utf-8")
        try:
            atomic_write(output, content)
        except OSError as error:
            _usage_error(_("cannot write {path}: {reason}").format(path=error.filename or output,
                                                                   reason=error.strerror or error))
        typer.echo(_("Comparison of {count} statements written to {path}.").format(count=len(statements),
                                                                                 path=output))
    raise typer.Exit(EXIT_OK)


@app.command("site", cls=Command, short_help=_("Build a static, searchable directory of impact profiles."), help=_(
    "Check statements and build a static website in SITE: an index with search and filters that work without "
    "a server (also opened from disk), a page per enterprise with its profile, its source and its validation "
    "status, a page per province and municipality with a map, open data (Parquet, CSV, JSON) with the schema, "
    "and robots.txt; with --base-url also sitemap.xml and an Atom feed.\n\n"
    "Statements with errors, drafts (no publication date) and unreadable files are listed with their status "
    "and findings and are marked noindex; none is left out. The periods of one KvK number make one enterprise "
    "page with its history.\n\n"
    "A rebuild into the same SITE renders only what changed: the cache is in SITE/.impactclaim.\n\n"
    "Exit status: 0 the site was built (also when statements have errors: their pages say which), "
    "2 a usage error or nothing to build."))
def site(
    paths: StatementPaths = None,
    output: Annotated[str | None, typer.Option(
        "--out", "--output", "-o", metavar="SITE", show_default=False,
        help=_("The folder to build the site in; created when missing."))] = None,
    title: Annotated[str | None, typer.Option(
        "--title", metavar="TEXT", show_default=False,
        help=_("The site's name, shown on every page."))] = None,
    languages: Annotated[str, typer.Option(
        "--lang", metavar="LANGS", help=_("The site's languages, the first one the default: nl,en or en,nl."))]
        = "nl,en",
    base_url: Annotated[str | None, typer.Option(
        "--base-url", metavar="URL", show_default=False,
        help=_("The address the site will be published at, for the sitemap, the feed and canonical links."))]
        = None,
    pdf: Annotated[bool, typer.Option("--pdf", help=_("Also make a PDF of every profile (slower)."))] = False,
    jobs: Annotated[int | None, typer.Option(
        "--jobs", "-j", metavar="N", callback=_at_least_one,
        help=_("Check and render in N worker processes (default: the number of cores)."), show_default=False)] = None,
    exclude: ExcludeOption = None,
    no_config: NoConfigOption = False,
    allow_empty: AllowEmptyOption = False,
) -> None:
    """Build a static directory site."""
    from impactclaim.checker import CheckOptions
    from impactclaim.config import ConfigError
    from impactclaim.discover import find_statements
    from impactclaim.site.build import SiteError, SiteOptions, build_site

    chosen = tuple(dict.fromkeys(part.strip().lower() for part in languages.split(",") if part.strip()))
    unknown = [language for language in chosen if language not in i18n.LANGUAGES]
    if not chosen or unknown:
        _usage_error(_("--lang takes nl, en or both, separated by a comma, not {value}").format(value=repr(languages)))
    if output is None:
        _usage_error(_("name the folder to build the site in with --out SITE"))
    if base_url is not None and not re.match(r"^https?://[^\s/$.?#][^\s]*$", base_url):
        _usage_error(_("--base-url must be a web address starting with https:// or http://, not {value}").format(
            value=repr(base_url)))
    arguments = paths or []
    found = find_statements(arguments, exclude=[*(exclude or ()), ".impactclaim/"])
    _refuse_empty_inputs(arguments, found.unmatched, found.before_shard, exclude or (), allow_empty)
    target = Path(output).resolve()
    inside = [path for path in found.files if Path(path).resolve().is_relative_to(target)]
    if inside:
        _usage_error(_("{path} is inside the site folder {site}; build the site somewhere else").format(
            path=inside[0], site=output))
    options = SiteOptions(title=title or None, languages=chosen,
                          base_url=base_url.rstrip("/") if base_url else None, pdf=pdf, jobs=jobs or default_jobs(),
                          check=CheckOptions(use_config=not no_config),
                          source_date_epoch=os.environ.get("SOURCE_DATE_EPOCH"))
    try:
        with _progress(len(found.files)) as advance:
            summary = build_site(found.files, Path(output), options, advance=advance)
    except ConfigError as error:
        _usage_error(str(error))
    except SiteError as error:
        _usage_error(str(error))
    except OSError as error:
        _usage_error(_("cannot write {path}: {reason}").format(path=error.filename or output,
                                                               reason=error.strerror or error))
    statuses = summary.statuses
    typer.echo(i18n.ngettext(
        "Site built in {path}: {count} statement of {enterprises} enterprises ({valid} valid, {draft} not "
        "published, {invalid} with errors, {unreadable} unreadable).",
        "Site built in {path}: {count} statements of {enterprises} enterprises ({valid} valid, {draft} not "
        "published, {invalid} with errors, {unreadable} unreadable).", len(found.files)).format(
        path=output, count=len(found.files), enterprises=summary.enterprises, valid=statuses.get("valid", 0),
        draft=statuses.get("draft", 0), invalid=statuses.get("invalid", 0),
        unreadable=statuses.get("unreadable", 0)))
    typer.echo(_("{checked} checked, {reused} unchanged since the last build; {written} files written, "
                 "{removed} removed.").format(checked=summary.analysed, reused=summary.reused,
                                              written=summary.written, removed=summary.removed))
    for note in summary.notes:
        typer.echo(note)
    typer.echo(_("Open {path} in a browser.").format(path=str(Path(output) / "index.html")))


@app.command(cls=Command, short_help=_("Render statements as HTML or PDF impact profiles."), help=_(
    "Render statements as impact profiles: one self-contained HTML file or a PDF/A-3b each.\n\n"
    "A statement with errors is not rendered unless --draft is given. Exit status: 0 every profile written, 1 a "
    "statement with errors (or one that cannot be read), 2 a usage error or a profile that could not be written."))
def render(
    statements: Annotated[list[str], typer.Argument(
        metavar="STATEMENTS...",
        help=_("The statement to render; or several statements, folders and glob patterns for a batch "
               "(with --out)."), show_default=False)],
    output: Annotated[str | None, typer.Option(
        "--output", "--out", "-o", metavar="OUT",
        help=_("The output file, ending in .html or .pdf, or an existing folder (default: beside the "
               "statement, named after it). A batch needs a folder; it is created and mirrors the statements' "
               "folders."))] = None,
    output_format: Annotated[str | None, typer.Option(
        "--format", "-f", metavar="FORMATS",
        help=_("html, pdf, or both for a batch: html,pdf (default: from the suffix of OUT, else html)."))] = None,
    language: Annotated[str | None, typer.Option(
        "--lang", metavar="LANG", help=_("The profile's language, nl or en (default: the statement's)."))] = None,
    draft: Annotated[bool, typer.Option(
        "--draft", help=_("Render even when the statement has errors, marked as a draft on every page. A file "
                          "that cannot be read at all is never rendered."))] = False,
    template_dir: Annotated[str | None, typer.Option(
        "--template-dir", metavar="DIR",
        help=_("A theme folder whose templates and profile.css override the built-in ones."))] = None,
    allow_empty: AllowEmptyOption = False,
    jobs: Annotated[int | None, typer.Option(
        "--jobs", "-j", metavar="N", callback=_at_least_one,
        help=_("Render a batch in N worker processes (default: the number of cores)."), show_default=False)] = None,
) -> None:
    """Render statements as HTML or PDF impact profiles."""
    from impactclaim.profile.command import RenderOptions

    i18n.choose(language)  # the profile's language is the messages' too; render itself refuses an unknown one
    formats = tuple(f.strip() for f in (output_format or "").split(",") if f.strip())
    options = RenderOptions(statement=statements[0], output=output,
                            format=formats[0] if formats else None, language=language, draft=draft,
                            template_dir=template_dir, source_date_epoch=os.environ.get("SOURCE_DATE_EPOCH"))
    if _is_one_statement(statements) and len(formats) <= 1:
        _render_one(options)
    _render_batch(statements, formats or ("html",), options, jobs or default_jobs(), allow_empty)


def _is_one_statement(arguments: Sequence[str]) -> bool:
    """Whether the arguments name one statement file (which may be missing) rather than a batch."""
    from impactclaim.discover import is_pattern

    return len(arguments) == 1 and not os.path.isdir(arguments[0]) and not is_pattern(arguments[0])


def _show_findings(path: str, findings: "Sequence[Finding]") -> None:
    from impactclaim.checker import FileResult
    from impactclaim.reporters.text import TextReporter

    TextReporter(sys.stderr, color=use_color(sys.stderr)).file_result(FileResult(path, tuple(findings)))


def _render_one(options: "RenderOptions") -> NoReturn:
    from impactclaim.findings import Severity, printable
    from impactclaim.profile.command import render_statement

    outcome = render_statement(options)
    if outcome.findings:
        _show_findings(options.statement, outcome.findings)
    if outcome.error:
        sys.stderr.write(f"impactclaim: error: {outcome.error}\n")
    elif outcome.unreadable:
        first = next(f for f in outcome.findings if f.severity is Severity.ERROR)
        sys.stderr.write("impactclaim: " + _(
            "not rendered: the file itself cannot be read ({code} at {place}: {message}); fix it first: a draft, "
            "too, needs a file that can be read").format(
                code=first.code, place=f"{printable(first.path)}:{first.line}:{first.column}",
                message=printable(first.message)) + "\n")
    elif outcome.exit_code == EXIT_FINDINGS:
        sys.stderr.write("impactclaim: " + _("not rendered: the statement has errors; fix them, or render a draft "
                                             "with --draft") + "\n")
    if outcome.output is not None:
        typer.echo((_("Draft profile written to {path}") if options.draft
                    else _("Profile written to {path}")).format(path=outcome.output))
    raise typer.Exit(outcome.exit_code)


def _render_batch(arguments: list[str], formats: tuple[str, ...], options: "RenderOptions", jobs: int,
                  allow_empty: bool) -> NoReturn:
    """Render every statement of a batch; an invalid or broken one is skipped with its reasons."""

    from impactclaim.discover import find_statements
    from impactclaim.profile.command import UsageError, render_batch
    from impactclaim.reporters.base import files, statements

    if not options.output:
        _usage_error("rendering several statements needs an output folder: --out OUTDIR")
    out_dir = Path(options.output)
    found = find_statements(arguments)
    _refuse_empty_inputs(arguments, found.unmatched, found.before_shard, (), allow_empty)
    try:
        outcome = render_batch(found.files, out_dir, formats, options, jobs)
    except UsageError as error:
        _usage_error(str(error))
    for statement, findings in outcome.skipped.items():
        _show_findings(statement, findings)
    for statement, reason in outcome.failed.items():
        sys.stderr.write(f"impactclaim: {statement}: " + _("not rendered: {reason}").format(reason=reason) + "\n")
    done = (_("Rendered {done} of {statements} as drafts into {folder} ({files})") if options.draft
            else _("Rendered {done} of {statements} into {folder} ({files})")).format(
        done=outcome.done, statements=statements(outcome.statements), folder=out_dir,
        files=files(len(outcome.rendered)))
    typer.echo(done + (_("; skipped {count} with errors").format(count=len(outcome.skipped)) if outcome.skipped else "")
               + (_("; {count} failed").format(count=len(outcome.failed)) if outcome.failed else "") + ".")
    raise typer.Exit(outcome.exit_code)


@app.command(cls=Command, short_help=_("Write out the statement embedded in a profile PDF."), help=_(
    "Write the statement embedded in a profile PDF back out, byte for byte.\n\n"
    "Exit status: 0 written, 1 the PDF carries no statement or cannot be read, 2 a usage error or an output that "
    "exists (without --force) or cannot be written."))
def extract(
    profile: Annotated[str, typer.Argument(
        metavar="PROFILE", help=_("A profile PDF made by 'impactclaim render'."), show_default=False)],
    output: Annotated[str | None, typer.Option(
        "--output", "-o", metavar="OUT",
        help=_("Where to write the statement (default: the PDF's name with .yaml)."))] = None,
    force: Annotated[bool, typer.Option("--force", help=_("Overwrite OUT when it exists."))] = False,
) -> None:
    """Write out the statement embedded in a profile PDF."""
    from impactclaim.checker import FileResult
    from impactclaim.profile.command import extract_statement
    from impactclaim.reporters import TextReporter

    outcome = extract_statement(profile, output, force)
    if outcome.findings:
        TextReporter(sys.stderr, color=use_color(sys.stderr)).file_result(FileResult(profile, tuple(outcome.findings)))
    if outcome.error:
        sys.stderr.write(f"impactclaim: error: {outcome.error}\n")
    if outcome.output is not None:
        typer.echo(_("Statement written to {path}").format(path=outcome.output))
    raise typer.Exit(outcome.exit_code)


# migrate's option help is translated by HelpFormatter (see _FOREIGN_HELP), its command help here.
app.command(cls=Command, short_help=_("Rewrite statements to a newer schema version."), help=_(
    "Rewrite statements to a newer schema version, keeping comments and layout as they are.\n\n"
    "A statement already at that version has its deprecated fields rewritten, where that can be done."))(migrate)


def _a_port(value: int) -> int:
    # A callback rather than min/max: click would add "[0<=x<=65535]" to the help text.
    if not 0 <= value <= 65535:
        raise typer.BadParameter("must be a port number from 1 to 65535, or 0 for a free one")
    return value


@app.command("preview", cls=Command, short_help=_("Show a statement's profile in the browser, updated on every save."),
             help=_("Show a statement's HTML profile in the browser, re-rendered on every save.\n\n"
                    "The profile is served on this computer only (127.0.0.1), and the page reloads by itself after "
                    "each save of STATEMENT. The findings stand at the top of the page until they are fixed; a "
                    "statement with errors is shown as a draft, and a file that cannot be read as its finding. "
                    "Nothing else is served. Ctrl-C stops. Exit status: 0 stopped with Ctrl-C, 2 a usage error or a "
                    "port that is in use."))
def preview(
    statement: Annotated[str, typer.Argument(
        metavar="STATEMENT", help=_("The statement file to preview."), show_default=False)],
    port: Annotated[int, typer.Option(
        "--port", metavar="N", callback=_a_port, show_default=False,
        help=_("The port to serve on, on 127.0.0.1 only (default: a free one)."))] = 0,
    language: Annotated[str | None, typer.Option(
        "--lang", metavar="LANG",
        help=_("The language of the profile and of the findings, nl or en (default: the statement's)."))] = None,
) -> None:
    """Show a statement's profile in the browser, updated on every save."""
    import errno
    import time

    from impactclaim import preview as previewing

    _choose_language(language)
    folder = Path(statement).absolute().parent
    if not folder.is_dir():
        _usage_error(_("the folder {folder} does not exist").format(folder=folder))

    def changed(page: previewing.Page) -> None:
        typer.echo(_("{time} {path} changed ({summary}); the page reloads.").format(
            time=time.strftime("%H:%M:%S"), path=statement, summary=page.summary))

    def failed(reason: str) -> None:
        typer.echo("impactclaim: warning: " + _("cannot watch {path} for changes ({reason}); restart the preview "
                                                "to see later saves").format(path=statement, reason=reason), err=True)

    try:
        server = previewing.start(statement, port, language, changed, failed)
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            _usage_error(_("port {port} is in use; choose another with --port, or leave --port out to use a free "
                           "one").format(port=port))
        _usage_error(_("cannot serve on {host}:{port}: {reason}").format(host=previewing.HOST, port=port,
                                                                      reason=error.strerror or error))
    except KeyboardInterrupt:
        raise typer.Exit(EXIT_OK) from None
    typer.echo(_("Preview of {path} at {url} — press Ctrl-C to stop").format(path=statement, url=server.url))
    try:
        server.serve_forever(poll_interval=0.25)
    except KeyboardInterrupt:
        typer.echo(_("Preview stopped."))
    finally:
        previewing.stop(server)


@app.command("schema", cls=Command, short_help=_("Print the schema, or a field reference made from it."), help=_(
    "Print the statement schema, or a field reference made from it (Markdown or HTML).\n\n"
    "The HTML reference is one self-contained page. Exit status: 0 printed or written, 2 a usage error or a file "
    "that could not be written."))
def schema(
    output_format: Annotated[str, typer.Option(
        "--format", "-f", metavar="FORMAT",
        help=_("json: the JSON Schema itself; markdown or html: a field reference made from it, with every field's "
               "path, type, whether it is required, allowed values, description and an example."))] = "json",
    language: Annotated[str | None, typer.Option(
        "--lang", metavar="LANG",
        help=_("The language of the texts, nl or en. The reference defaults to IMPACTCLAIM_LANG, else the locale, "
               "else nl; the json schema is printed as published (English) unless --lang is given."))] = None,
    version: Annotated[str | None, typer.Option(
        "--version", metavar="VERSION", help=_("The schema version, such as 1.1 (default: the newest)."))] = None,
    output: Annotated[str | None, typer.Option(
        "--output", "-o", metavar="FILE",
        help=_("Write to FILE (replacing it atomically) instead of printing."))] = None,
) -> None:
    """Print the statement schema, or a field reference made from it."""
    from impactclaim.schema import supported_versions
    from impactclaim.schema_reference import FORMATS, newest_version, reference

    _choose_language(language)
    if output_format not in FORMATS:
        _usage_error(_("--format must be {formats}, not {value}").format(formats=", ".join(FORMATS),
                                                                         value=repr(output_format)))
    chosen_version = version or newest_version()
    if chosen_version not in supported_versions():
        _usage_error(_("unknown schema version {version}; known versions: {versions}").format(
            version=repr(chosen_version), versions=", ".join(supported_versions())))
    if output_format == "json":
        chosen = i18n.normalise(language)  # without --lang: the schema byte for byte as published
    else:
        chosen = i18n.normalise(language) or i18n.configured() or "nl"
    text = reference(chosen_version, output_format, chosen)
    if output is None:
        typer.echo(text, nl=False)
        return
    from impactclaim.atomic import atomic_write

    try:
        atomic_write(output, text.encode("utf-8"))
    except OSError as error:
        _usage_error(_("cannot write {path}: {reason}").format(path=output, reason=error.strerror or error))
    typer.echo((_("Schema written to {path}") if output_format == "json"
                else _("Field reference written to {path}")).format(path=output))


_CODE_HELP = N_("A code (IC021) or its slug (schema).")


@app.command(cls=Command, short_help=_("Explain a code: what it means, why, how to fix it."), help=_(
    "Explain a finding code: its severity, what it checks and why, and how to fix it.\n\n"
    "Every code the tool reports can be explained: loading and schema (IC0xx), claim-quality rules (IC1xx) and "
    "rendering (IC2xx). Most explanations end with a failing and a passing example. 'impactclaim rules' lists "
    "every code."))
def explain(
    code: Annotated[str, typer.Argument(metavar="CODE", help=_(_CODE_HELP), show_default=False)],
) -> None:
    """Explain a finding code: what it means, why, and how to fix it."""
    _explain(code)


@app.command("rules", cls=Command, short_help=_("List every code, or explain one."), help=_(
    "List every code the tool reports (loading, schema, rules, rendering), or explain one."))
def rules_command(
    code: Annotated[str | None, typer.Argument(
        metavar="CODE", help=_(_CODE_HELP) + " " + _("Show its explanation, as 'impactclaim explain CODE' does."),
        show_default=False)] = None,
) -> None:
    """List every code the tool reports, or explain one."""
    if code is not None:
        _explain(code)
        return
    from impactclaim.catalogue import catalogue

    for entry in catalogue():
        typer.echo(f"{entry.code}  {entry.slug:<30} {entry.severity.value:<8} {entry.summary}")


def _explain(name: str) -> None:
    from impactclaim.catalogue import UnknownCodeError, explanation, lookup

    try:
        chosen = lookup(name)
    except UnknownCodeError as error:
        _usage_error(str(error))
    typer.echo(explanation(chosen), nl=False)


def main() -> NoReturn:
    """Console entry point: never shows a traceback, exits 2 on an internal error."""
    try:
        app()
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.stderr.write("impactclaim: interrupted\n")
        sys.exit(130)
    except Exception as error:  # the last line of defence: a message, never a traceback
        sys.stderr.write(f"impactclaim: internal error: {type(error).__name__}: {error}\n"
                         "Please report this with the file that caused it.\n")
        sys.exit(EXIT_USAGE)
    sys.exit(EXIT_OK)
