"""The command line: parses arguments, calls the core, maps the outcome to an exit code.

Exit codes are the same in every output format: 0 all files valid (warnings allowed),
1 at least one error (or a warning under --strict), 2 usage or internal error.
"""

from __future__ import annotations

import contextlib
import enum
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Annotated, NoReturn, TextIO

import typer

from impactclaim import __version__
from impactclaim.loader import DEFAULT_MAX_BYTES, LoadLimits
from impactclaim.migrate_command import migrate
from impactclaim.run import ExitCode, default_jobs

if TYPE_CHECKING:
    from impactclaim.findings import Finding
    from impactclaim.profile.command import RenderOptions

EXIT_OK = ExitCode.OK
EXIT_FINDINGS = ExitCode.FINDINGS
EXIT_USAGE = ExitCode.USAGE

app = typer.Typer(
    name="impactclaim",
    help="Check impact statements (YAML) against the shared schema and render impact profiles.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
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


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", "-V", callback=_version_callback, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """Check impact statements (YAML) against the shared schema and render impact profiles."""


@app.command()
def validate(
    paths: Annotated[list[str], typer.Argument(
        help="Statement files, folders (searched for *.yaml and *.yml) or globs; a PDF profile is "
             "checked through the statement inside it.", show_default=False)],
    output_format: Annotated[OutputFormat, typer.Option(
        "--format", "-f", help="Output format; auto is github under GitHub Actions, text elsewhere.")
    ] = OutputFormat.auto,
    strict: Annotated[bool, typer.Option("--strict", help="Count warnings as errors.")] = False,
    select: Annotated[list[str] | None, typer.Option(
        "--select", metavar="RULES", help="Run only these rules (codes or slugs, comma-separated).")] = None,
    ignore: Annotated[list[str] | None, typer.Option(
        "--ignore", metavar="CODES",
        help="Leave out these codes: rules, deprecations, silences (codes or slugs, comma-separated).")] = None,
    no_config: Annotated[bool, typer.Option(
        "--no-config", help="Ignore impactclaim.toml and [tool.impactclaim] in pyproject.toml.")] = False,
    exclude: Annotated[list[str] | None, typer.Option(
        "--exclude", metavar="PATTERN",
        help="Skip what folders and globs find that matches this .gitignore-style pattern (drafts, "
             "submissions/drafts, drafts/, *.draft.yaml, !keep.yaml); repeatable, added to the default "
             "excludes.")] = None,
    jobs: Annotated[int | None, typer.Option(
        "--jobs", "-j", min=1, help="Worker processes [default: the number of cores].", show_default=False)] = None,
    shard: Annotated[str | None, typer.Option(
        "--shard", metavar="I/N", help="Check only the deterministic slice I of N of the files.")] = None,
    report: Annotated[str | None, typer.Option(
        "--report", metavar="FILE", help="Also write a batch report: .csv, .json or .html.")] = None,
    max_bytes: Annotated[int, typer.Option("--max-bytes", min=1, metavar="BYTES",
                                           help="Refuse files larger than this.")] = DEFAULT_MAX_BYTES,
) -> None:
    """Check statement files and report every problem with its line and column."""
    from impactclaim.catalogue import UnknownCodeError
    from impactclaim.checker import CheckOptions
    from impactclaim.config import ConfigError
    from impactclaim.discover import Shard, discover
    from impactclaim.reporters import reporter_class
    from impactclaim.reporters.base import REPORT_SUFFIXES
    from impactclaim.rules import CodeSelection
    from impactclaim.run import validate_batch

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
    batch = None
    if report:
        from impactclaim.reporters.batch import BatchReport

        batch = BatchReport(strict=strict)
    files = discover(paths, exclude=exclude or (), shard=chosen_shard)
    if not files and not chosen_shard:
        typer.echo(f"impactclaim: warning: no *.yaml or *.yml files found in {' '.join(paths)}", err=True)
    stream = sys.stdout
    reporter = reporter_class(resolve_format(output_format))(stream, color=use_color(stream), strict=strict)
    try:
        with _progress(len(files)) as advance:
            consumers = [reporter.file_result, *([batch.add] if batch is not None else []), advance]
            summary = validate_batch(files, options, jobs or default_jobs(), consumers)
    except (ConfigError, UnknownCodeError) as error:
        _usage_error(str(error))
    reporter.finish(summary)
    if batch is not None and report:
        batch.write(report)
    raise typer.Exit(summary.exit_code)


PROGRESS_THRESHOLD = 50  # below this many files a bar is noise


@contextlib.contextmanager
def _progress(total: int) -> Iterator[Callable[[object], None]]:
    """A progress bar on stderr, only on a terminal, outside CI and for batches worth it."""
    if total < PROGRESS_THRESHOLD or os.environ.get("CI") or not sys.stderr.isatty():
        yield lambda _: None
        return
    import click

    with click.progressbar(length=total, label="Checking", file=sys.stderr) as bar:
        yield lambda _: bar.update(1)


def _split(values: list[str]) -> tuple[str, ...]:
    return tuple(name.strip() for value in values for name in value.split(",") if name.strip())


def _usage_error(message: str) -> NoReturn:
    typer.echo(f"impactclaim: error: {message}", err=True)
    raise typer.Exit(EXIT_USAGE)


@app.command("rules")
def rules_command(
    rule: Annotated[str | None, typer.Argument(help="A code (IC021) or slug (schema): show its documentation.",
                                               show_default=False)] = None,
) -> None:
    """List every code the tool reports (loading, schema, rules, rendering), or show the documentation of one."""
    from impactclaim.catalogue import UnknownCodeError, catalogue, lookup

    if rule is None:
        for entry in catalogue():
            typer.echo(f"{entry.code}  {entry.slug:<28} {entry.severity.value:<8} {entry.summary}")
        return
    try:
        chosen = lookup(rule)
    except UnknownCodeError as error:
        _usage_error(str(error))
    always = "" if chosen.ignorable else "; always reported, cannot be ignored"
    typer.echo(f"{chosen.code} {chosen.slug} (default severity: {chosen.severity.value}{always})\n")
    typer.echo(chosen.documentation)


@app.command()
def render(
    statements: Annotated[list[str], typer.Argument(
        help="The statement to render; or several, folders and globs for a batch (with --out).",
        show_default=False)],
    output: Annotated[str | None, typer.Option(
        "--output", "--out", "-o", metavar="OUT",
        help="Output file, or folder (default: beside the statement, with .html or .pdf). A batch needs a "
             "folder; it is created and mirrors the statements' folders.")] = None,
    output_format: Annotated[str | None, typer.Option(
        "--format", "-f", metavar="html|pdf|html,pdf",
        help="Output format(s) (default: from OUT, else html).")] = None,
    language: Annotated[str | None, typer.Option("--lang", metavar="nl|en",
                                                 help="Profile language (default: the statement's).")] = None,
    draft: Annotated[bool, typer.Option("--draft", help="Render even when the statement has errors, "
                                                        "marked as a draft on every page.")] = False,
    template_dir: Annotated[str | None, typer.Option("--template-dir", metavar="DIR",
                                                     help="A theme folder whose templates and profile.css "
                                                          "override the built-in ones.")] = None,
    jobs: Annotated[int | None, typer.Option(
        "--jobs", "-j", min=1, help="Worker processes for a batch [default: the number of cores].",
        show_default=False)] = None,
) -> None:
    """Render statements as impact profiles: one self-contained HTML file or a PDF/A-3b each."""
    from impactclaim.profile.command import RenderOptions

    formats = tuple(f.strip() for f in (output_format or "").split(",") if f.strip())
    single = len(statements) == 1 and len(formats) <= 1 and os.path.isfile(statements[0])
    options = RenderOptions(statement=statements[0], output=output, format=formats[0] if formats else None,
                            language=language, draft=draft, template_dir=template_dir,
                            source_date_epoch=os.environ.get("SOURCE_DATE_EPOCH"))
    if single:
        _render_one(options)
    _render_batch(statements, formats or ("html",), options, jobs or default_jobs())


def _show_findings(path: str, findings: Sequence[Finding]) -> None:
    from impactclaim.checker import FileResult
    from impactclaim.reporters.text import TextReporter

    TextReporter(sys.stderr, color=use_color(sys.stderr)).file_result(FileResult(path, tuple(findings)))


def _render_one(options: RenderOptions) -> NoReturn:
    from impactclaim.profile.command import render_statement

    outcome = render_statement(options)
    if outcome.findings:
        _show_findings(options.statement, outcome.findings)
    if outcome.error:
        sys.stderr.write(f"impactclaim: {outcome.error}\n")
    elif outcome.exit_code == EXIT_FINDINGS:
        sys.stderr.write("impactclaim: not rendered: the statement has errors; fix them, or render a draft "
                         "with --draft\n")
    if outcome.output is not None:
        typer.echo(f"{'Draft profile' if options.draft else 'Profile'} written to {outcome.output}")
    raise typer.Exit(outcome.exit_code)


def _render_batch(arguments: list[str], formats: tuple[str, ...], options: RenderOptions, jobs: int) -> NoReturn:
    """Render every statement of a batch; an invalid or broken one is skipped with its reasons."""
    from pathlib import Path

    from impactclaim.discover import discover
    from impactclaim.profile.command import UsageError, render_batch

    if not options.output:
        _usage_error("rendering several statements needs an output folder: --out OUTDIR")
    out_dir = Path(options.output)
    statements = discover(arguments)
    try:
        outcome = render_batch(statements, out_dir, formats, options, jobs)
    except UsageError as error:
        _usage_error(str(error))
    for statement, findings in outcome.skipped.items():
        _show_findings(statement, findings)
    for statement, reason in outcome.failed.items():
        sys.stderr.write(f"impactclaim: {statement}: not rendered: {reason}\n")
    kind = "as drafts " if options.draft else ""
    typer.echo(f"Rendered {outcome.done} of {outcome.statements} statements {kind}into {out_dir} "
               f"({len(outcome.rendered)} files)"
               + (f"; skipped {len(outcome.skipped)} with errors" if outcome.skipped else "")
               + (f"; {len(outcome.failed)} failed" if outcome.failed else "") + ".")
    raise typer.Exit(outcome.exit_code)


@app.command()
def extract(
    profile: Annotated[str, typer.Argument(help="A profile PDF made by 'impactclaim render'.", show_default=False)],
    output: Annotated[str | None, typer.Option("--output", "-o", metavar="OUT",
                                               help="Where to write the statement (default: the PDF's name "
                                                    "with .yaml).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite OUT when it exists.")] = False,
) -> None:
    """Write the statement embedded in a profile PDF back out, byte for byte."""
    from impactclaim.checker import FileResult
    from impactclaim.profile.command import extract_statement
    from impactclaim.reporters import TextReporter

    outcome = extract_statement(profile, output, force)
    if outcome.findings:
        TextReporter(sys.stderr, color=use_color(sys.stderr)).file_result(FileResult(profile, tuple(outcome.findings)))
    if outcome.error:
        sys.stderr.write(f"impactclaim: {outcome.error}\n")
    if outcome.output is not None:
        typer.echo(f"Statement written to {outcome.output}")
    raise typer.Exit(outcome.exit_code)


app.command()(migrate)


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
