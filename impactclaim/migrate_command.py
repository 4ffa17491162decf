"""``impactclaim migrate``: rewrite statements to a newer schema version, keeping their layout.

Registered in ``impactclaim.cli`` with ``app.command()(migrate)``. Exit codes: 0 every file
migrated or already current; 1 a file needs migrating (``--check``) or could not be migrated;
2 a usage error (an unknown ``--to``, or one older than a file).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, NoReturn, TextIO

import typer

if TYPE_CHECKING:
    from impactclaim.migrate import MigrationResult


def migrate(
    paths: Annotated[list[str], typer.Argument(
        help="Statement files, folders (searched for *.yaml and *.yml) or globs.",
        show_default=False)],
    to: Annotated[str | None, typer.Option(
        "--to", metavar="VERSION", help="The schema version to migrate to (default: the newest).",
        show_default=False)] = None,
    check: Annotated[bool, typer.Option(
        "--check", help="Write nothing; exit 1 when a file needs migrating, and list it (for CI).")] = False,
    diff: Annotated[bool, typer.Option(
        "--diff", help="Write nothing; print what would change as a unified diff.")] = False,
) -> None:
    """Rewrite statements to a newer schema version, keeping comments and layout as they are."""
    from impactclaim.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, use_color
    from impactclaim.discover import discover
    from impactclaim.findings import printable
    from impactclaim.migrate import (
        Outcome,
        UnknownVersionError,
        migrate_path,
        resolve_target,
        unified_diff,
        write_result,
    )

    def usage_error(message: str) -> NoReturn:
        typer.echo(f"impactclaim: error: {message}", err=True)
        raise typer.Exit(EXIT_USAGE)

    try:
        target = resolve_target(to)
    except UnknownVersionError as error:
        usage_error(str(error))
    files, seen = [], set()
    for path in discover(paths):  # a file named twice (through a link, say) is migrated once
        real = os.path.realpath(path)
        if real not in seen:
            seen.add(real)
            files.append(path)
    results = [migrate_path(path, target) for path in files]
    too_new = [r for r in results if r.outcome is Outcome.TOO_NEW]
    if too_new:
        from impactclaim.schema import supported_versions

        for result in too_new:
            typer.echo(f"impactclaim: error: {printable(result.path)}: {result.reason}; migrate only moves "
                       "to a newer version", err=True)
        usage_error(f"--to {target} is older than {len(too_new)} of the files; nothing was written; "
                    f"known versions: {', '.join(supported_versions())}")

    out = sys.stderr if diff else sys.stdout  # with --diff, stdout holds only the patch
    err = sys.stderr
    paint_out, paint_err = _painter(use_color(out)), _painter(use_color(err))
    migrated = current = refused = failed = 0
    for result in results:
        shown = printable(result.path)
        if result.outcome is Outcome.REFUSED:
            refused += 1
            err.write(f"{paint_err(f'{shown}:{result.line}:{result.column}:', 'bold')} "
                      f"{paint_err('error:', 'error')} not migrated: {printable(result.reason)}\n")
            _show_findings(result, err)
            continue
        if result.outcome is Outcome.CURRENT:
            current += 1
            if not (check or diff):
                out.write(f"{shown}: already at {target}\n")
            continue
        migrated += 1
        if diff:
            sys.stdout.write(unified_diff(result))
        for notice in () if check else result.notices:  # --check only lists the files
            out.write(f"{paint_out(f'{shown}:{notice.line}:{notice.column}:', 'bold')} "
                      f"{paint_out('notice:', 'notice')} {printable(notice.message)}\n")
        if check:
            out.write(f"{shown}: needs migrating from {result.source_version} to {target}\n")
        elif not diff:
            problem = write_result(result)
            if problem is None:
                out.write(f"{shown}: migrated from {result.source_version} to {target}\n")
            else:
                failed += 1
                err.write(f"{paint_err(f'{shown}:', 'bold')} {paint_err('error:', 'error')} "
                          f"not migrated: {problem}\n")
    out.write(_summary(migrated - failed, current, refused + failed, target, check=check, diff=diff) + "\n")
    if not files:
        typer.echo(f"impactclaim: warning: no *.yaml or *.yml files found in {' '.join(paths)}", err=True)
    needs_migrating = check and migrated > 0
    raise typer.Exit(EXIT_FINDINGS if refused or failed or needs_migrating else EXIT_OK)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


def _summary(done: int, current: int, not_done: int, target: str, *, check: bool, diff: bool) -> str:
    if check:
        first = f"{_plural(done, 'file')} {'needs' if done == 1 else 'need'} migrating to {target}"
    elif diff:
        first = f"{_plural(done, 'file')} would be migrated to {target}"
    else:
        first = f"{_plural(done, 'file')} migrated to {target}"
    parts = [first, f"{current} already current"]
    if not_done:
        parts.append(f"{not_done} not migrated")
    return ", ".join(parts) + "."


_STYLES = {"error": "\033[1;31m", "notice": "\033[1;33m", "bold": "\033[1m"}


def _painter(color: bool) -> Callable[[str, str], str]:
    def paint(text: str, style: str) -> str:
        return f"{_STYLES[style]}{text}\033[0m" if color else text

    return paint


def _show_findings(result: MigrationResult, stream: TextIO) -> None:
    if not result.findings:
        return
    from impactclaim.checker import FileResult
    from impactclaim.cli import use_color
    from impactclaim.reporters.text import TextReporter

    reporter = TextReporter(stream, color=use_color(stream))
    reporter.file_result(FileResult(result.path, result.findings))
