"""``impactclaim migrate``: rewrite statements to a newer schema version, keeping their layout.

Registered in ``impactclaim.cli`` with ``app.command()(migrate)``. A file already at the target
version that uses a field the version deprecates needs migrating too: its deprecated fields are
rewritten. Exit codes (``impactclaim.run.ExitCode``, through ``exit_code_for``): 0 every file
migrated or already current; 1 a file needs migrating (``--check``) or could not be migrated;
2 a usage error (an unknown ``--to``, or one older than a file), or a migrated file that could
not be written.
"""

# No "from __future__ import annotations" here: typer reads the commands' annotations at every
# start, and as strings it would evaluate each of them (about 20 ms of start-up).
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, NoReturn, TextIO

import typer

from impactclaim.i18n import _, ngettext

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
    """Rewrite statements to a newer schema version, keeping comments and layout as they are.

    A statement already at that version has its deprecated fields rewritten, where that can be done.
    """
    from impactclaim.discover import discover
    from impactclaim.findings import printable
    from impactclaim.migrate import (
        MigrationOutcome,
        UnknownVersionError,
        migrate_path,
        resolve_target,
        unified_diff,
        write_result,
    )
    from impactclaim.run import ExitCode, exit_code_for

    def usage_error(message: str) -> NoReturn:
        typer.echo(f"impactclaim: error: {message}", err=True)
        raise typer.Exit(ExitCode.USAGE)

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
    too_new = [r for r in results if r.outcome is MigrationOutcome.TOO_NEW]
    if too_new:
        from impactclaim.schema import supported_versions

        for result in too_new:
            typer.echo("impactclaim: error: " + _(
                "{path}: the statement is at schema {version}, newer than {target}; migrate only moves to a "
                "newer version").format(path=printable(result.path), version=result.source_version,
                                        target=result.target), err=True)
        usage_error(ngettext(
            "--to {target} is older than {count} of the files; nothing was written; known versions: {versions}",
            "--to {target} is older than {count} of the files; nothing was written; known versions: {versions}",
            len(too_new)).format(target=target, count=len(too_new), versions=", ".join(supported_versions())))

    out = sys.stderr if diff else sys.stdout  # with --diff, stdout holds only the patch
    err = sys.stderr
    paint_out, paint_err = _painter(_use_color(out)), _painter(_use_color(err))
    counts = _Counts()
    for result in results:
        shown = printable(result.path)
        if result.outcome is MigrationOutcome.REFUSED:
            counts.refused += 1
            err.write(f"{paint_err(f'{shown}:{result.line}:{result.column}:', 'bold')} "
                      f"{paint_err('error:', 'error')} "
                      + _("not migrated: {reason}").format(reason=printable(result.reason)) + "\n")
            _show_findings(result, err)
            continue
        for notice in () if check else result.notices:  # --check only lists the files
            out.write(f"{paint_out(f'{shown}:{notice.line}:{notice.column}:', 'bold')} "
                      f"{paint_out('notice:', 'notice')} {printable(notice.message)}\n")
        if result.outcome is MigrationOutcome.CURRENT:
            counts.current += 1
            if not (check or diff):
                out.write(_("{path}: already at {version}").format(path=shown, version=target) + "\n")
            continue
        if diff:
            sys.stdout.write(unified_diff(result))
        if check:
            needs = (_("{path}: needs rewriting of deprecated fields in {target}") if result.deprecations_only
                     else _("{path}: needs migrating from {source} to {target}"))
            out.write(needs.format(path=shown, source=result.source_version, target=target) + "\n")
        elif not diff:
            problem = write_result(result)
            if problem is not None:
                counts.unwritten += 1
                err.write(f"{paint_err(f'{shown}:', 'bold')} {paint_err('error:', 'error')} "
                          + _("not migrated: {reason}").format(reason=problem) + "\n")
                continue
            done = (_("{path}: rewrote deprecated fields in {target}") if result.deprecations_only
                    else _("{path}: migrated from {source} to {target}"))
            out.write(done.format(path=shown, source=result.source_version, target=target) + "\n")
        if result.deprecations_only:
            counts.rewritten += 1
        else:
            counts.migrated += 1
    out.write(counts.summary(target, check=check, diff=diff) + "\n")
    if not files:
        typer.echo("impactclaim: warning: " + _("no *.yaml or *.yml files found in {paths}").format(
            paths=" ".join(paths)), err=True)
    # A file that needs migrating fails --check like one that cannot be migrated; a result that
    # could not be written is a file that could not be processed at all.
    needs_migrating = counts.migrated + counts.rewritten if check else 0
    raise typer.Exit(exit_code_for(counts.refused + needs_migrating, broken=counts.unwritten))


@dataclass(slots=True)
class _Counts:
    """The files of a run by what happened to them (with --check or --diff: what would happen)."""

    migrated: int = 0   # moved to the target version
    rewritten: int = 0  # at the target version already, their deprecated fields rewritten
    current: int = 0
    refused: int = 0
    unwritten: int = 0  # migrated, but the result could not be written

    def summary(self, target: str, *, check: bool, diff: bool) -> str:
        """One line: a clause per kind of outcome, each with its own count (so each its own plural)."""
        if check:
            migrated = ngettext("{count} file needs migrating to {target}",
                                "{count} files need migrating to {target}", self.migrated)
            rewritten = ngettext("{count} file needs rewriting of deprecated fields in {target}",
                                 "{count} files need rewriting of deprecated fields in {target}", self.rewritten)
        elif diff:
            migrated = ngettext("{count} file would be migrated to {target}",
                                "{count} files would be migrated to {target}", self.migrated)
            rewritten = ngettext("{count} file would have deprecated fields in {target} rewritten",
                                 "{count} files would have deprecated fields in {target} rewritten", self.rewritten)
        else:
            migrated = ngettext("{count} file migrated to {target}",
                                "{count} files migrated to {target}", self.migrated)
            rewritten = ngettext("{count} file with deprecated fields in {target} rewritten",
                                 "{count} files with deprecated fields in {target} rewritten", self.rewritten)
        parts = [migrated.format(count=self.migrated, target=target)]
        if self.rewritten:
            parts.append(rewritten.format(count=self.rewritten, target=target))
        parts.append(ngettext("{count} already current", "{count} already current", self.current).format(
            count=self.current))
        failed = self.refused + self.unwritten
        if failed:
            parts.append(ngettext("{count} not migrated", "{count} not migrated", failed).format(count=failed))
        return ", ".join(parts) + "."


def _use_color(stream: TextIO) -> bool:
    from impactclaim.cli import use_color  # the one colour policy; cli imports this module, so late

    return use_color(stream)


_STYLES = {"error": "\033[1;31m", "notice": "\033[1;33m", "bold": "\033[1m"}


def _painter(color: bool) -> Callable[[str, str], str]:
    def paint(text: str, style: str) -> str:
        return f"{_STYLES[style]}{text}\033[0m" if color else text

    return paint


def _show_findings(result: "MigrationResult", stream: TextIO) -> None:
    if not result.findings:
        return
    from impactclaim.checker import FileResult
    from impactclaim.reporters.text import TextReporter

    reporter = TextReporter(stream, color=_use_color(stream))
    reporter.file_result(FileResult(result.path, result.findings))
