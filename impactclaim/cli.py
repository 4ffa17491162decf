"""The command line: parses arguments, calls the core, maps the outcome to an exit code.

Exit codes are the same in every output format: 0 all files valid (warnings allowed),
1 at least one error (or a warning under --strict), 2 usage or internal error.
"""

from __future__ import annotations

import enum
import os
import sys
from typing import Annotated, NoReturn, TextIO

import typer

from impactclaim import __version__
from impactclaim.loader import DEFAULT_MAX_BYTES, LoadLimits

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
    """Output formats of ``validate``."""

    text = "text"
    json = "json"


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
    paths: Annotated[list[str], typer.Argument(help="Statement files to check.", show_default=False)],
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f",
                                                        help="Output format.")] = OutputFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help="Count warnings as errors.")] = False,
    max_bytes: Annotated[int, typer.Option("--max-bytes", min=1, metavar="BYTES",
                                           help="Refuse files larger than this.")] = DEFAULT_MAX_BYTES,
) -> None:
    """Check statement files and report every problem with its line and column."""
    from impactclaim.checker import CheckOptions, check_paths
    from impactclaim.reporters import REPORTERS, Summary

    options = CheckOptions(limits=LoadLimits(max_bytes=max_bytes), strict=strict)
    stream = sys.stdout
    reporter = REPORTERS[output_format.value](stream, color=use_color(stream), strict=strict)
    summary = Summary()
    for result in check_paths(paths, options):
        summary.add(result, strict)
        reporter.file_result(result)
    reporter.finish(summary)
    raise typer.Exit(EXIT_OK if summary.failed == 0 else EXIT_FINDINGS)


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
