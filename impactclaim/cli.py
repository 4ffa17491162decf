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

if TYPE_CHECKING:
    from impactclaim.findings import Finding
    from impactclaim.render.command import RenderOptions

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2

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


def default_jobs() -> int:
    """The cores this process may use (respects CPU affinity, e.g. in containers)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


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
        "--ignore", metavar="RULES", help="Skip these rules (codes or slugs, comma-separated).")] = None,
    no_config: Annotated[bool, typer.Option(
        "--no-config", help="Ignore impactclaim.toml and [tool.impactclaim] in pyproject.toml.")] = False,
    exclude: Annotated[list[str] | None, typer.Option(
        "--exclude", metavar="GLOB", help="Skip files and folders matching this pattern in searched folders "
                                          "(repeatable; added to the default excludes).")] = None,
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
    from impactclaim.checker import CheckOptions, check_paths
    from impactclaim.config import ConfigError
    from impactclaim.discover import Shard, discover
    from impactclaim.reporters import Summary, reporter_class
    from impactclaim.reporters.base import REPORT_SUFFIXES
    from impactclaim.rules import RuleSelection, UnknownRuleError

    options = CheckOptions(limits=LoadLimits(max_bytes=max_bytes), strict=strict,
                           select=_split(select) if select is not None else None,
                           ignore=_split(ignore) if ignore is not None else (), use_config=not no_config)
    try:  # fail on a bad setting before any output
        RuleSelection.build(options.select, options.ignore)
        chosen_shard = Shard.parse(shard) if shard else None
    except (UnknownRuleError, ValueError) as error:
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
    summary = Summary()
    try:
        with _progress(len(files)) as advance:
            for result in check_paths(files, options, jobs=jobs or default_jobs()):
                summary.add(result, strict)
                reporter.file_result(result)
                if batch is not None:
                    batch.add(result)
                advance()
    except (ConfigError, UnknownRuleError) as error:
        _usage_error(str(error))
    reporter.finish(summary)
    if batch is not None and report:
        batch.write(report)
    raise typer.Exit(EXIT_OK if summary.failed == 0 else EXIT_FINDINGS)


PROGRESS_THRESHOLD = 50  # below this many files a bar is noise


@contextlib.contextmanager
def _progress(total: int) -> Iterator[Callable[[], None]]:
    """A progress bar on stderr, only on a terminal, outside CI and for batches worth it."""
    if total < PROGRESS_THRESHOLD or os.environ.get("CI") or not sys.stderr.isatty():
        yield lambda: None
        return
    import click

    with click.progressbar(length=total, label="Checking", file=sys.stderr) as bar:
        yield lambda: bar.update(1)


def _split(values: list[str]) -> tuple[str, ...]:
    return tuple(name.strip() for value in values for name in value.split(",") if name.strip())


def _usage_error(message: str) -> NoReturn:
    typer.echo(f"impactclaim: error: {message}", err=True)
    raise typer.Exit(EXIT_USAGE)


@app.command("rules")
def rules_command(
    rule: Annotated[str | None, typer.Argument(help="A rule code or slug: show its documentation.",
                                               show_default=False)] = None,
) -> None:
    """List the claim-quality rules, or show the documentation of one."""
    from impactclaim.rules import RULE_CLASSES, UnknownRuleError, resolve

    if rule is None:
        for entry in sorted(RULE_CLASSES, key=lambda r: r.code):
            typer.echo(f"{entry.code}  {entry.slug:<28} {entry.severity.value:<8} {entry.summary}")
        return
    try:
        chosen = resolve(rule)
    except UnknownRuleError as error:
        _usage_error(str(error))
    typer.echo(f"{chosen.code} {chosen.slug} (default severity: {chosen.severity.value})\n")
    typer.echo(chosen.documentation())


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
    from impactclaim.render.command import RenderOptions

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
    from impactclaim.render.command import render_statement

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
    from impactclaim.render.command import FORMATS, plan_batch, render_job

    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        _usage_error(f"unknown format {unknown[0]!r}; choose from: {', '.join(FORMATS)}")
    if not options.output:
        _usage_error("rendering several statements needs an output folder: --out OUTDIR")
    out_dir = Path(options.output)
    if out_dir.exists() and not out_dir.is_dir():
        _usage_error(f"{options.output!r} is a file; a batch needs an output folder")
    statements = discover(arguments)
    batch = plan_batch(statements, out_dir, formats)
    if len(batch) > 1 and jobs > 1:
        from concurrent.futures import ProcessPoolExecutor
        from functools import partial

        with ProcessPoolExecutor(max_workers=min(jobs, len(batch))) as pool:
            outcomes = list(pool.map(partial(render_job, options=options), batch))
    else:
        outcomes = [render_job(job, options) for job in batch]
    rendered: list[Path] = []
    skipped: dict[str, list[Finding]] = {}
    failed: dict[str, str] = {}
    for job, outcome in zip(batch, outcomes, strict=True):
        if outcome.output is not None:
            rendered.append(outcome.output)
        elif outcome.error:
            failed.setdefault(job.statement, outcome.error)
        elif job.statement not in skipped:
            skipped[job.statement] = outcome.findings
            _show_findings(job.statement, outcome.findings)
    for statement, error in failed.items():
        sys.stderr.write(f"impactclaim: {statement}: not rendered: {error}\n")
    done = len({job.statement for job, outcome in zip(batch, outcomes, strict=True) if outcome.output})
    kind = "as drafts " if options.draft else ""
    typer.echo(f"Rendered {done} of {len(statements)} statements {kind}into {out_dir} ({len(rendered)} files)"
               + (f"; skipped {len(skipped)} with errors" if skipped else "")
               + (f"; {len(failed)} failed" if failed else "") + ".")
    raise typer.Exit(EXIT_USAGE if failed else EXIT_FINDINGS if skipped else EXIT_OK)


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
    from impactclaim.render.command import extract_statement
    from impactclaim.reporters import TextReporter

    outcome = extract_statement(profile, output, force)
    if outcome.findings:
        TextReporter(sys.stderr, color=use_color(sys.stderr)).file_result(FileResult(profile, tuple(outcome.findings)))
    if outcome.error:
        sys.stderr.write(f"impactclaim: {outcome.error}\n")
    if outcome.output is not None:
        typer.echo(f"Statement written to {outcome.output}")
    raise typer.Exit(outcome.exit_code)


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
