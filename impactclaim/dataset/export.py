"""impactclaim export: check statements and write them as the dataset's tables, with their dictionary."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, cast

from impactclaim.checker import CheckedFile, CheckOptions, check_path_and_read, warm_up
from impactclaim.dataset.tables import TABLES, TABLES_BY_NAME, rows_of, status_of
from impactclaim.dataset.writers import TableWriter, remove_own_files, table_writer


@dataclass
class ExportSummary:
    """What an export wrote: statements by status, rows per table, the files."""

    statuses: dict[str, int] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)

    @property
    def statements(self) -> int:
        return sum(self.statuses.values())

    def add(self, part: ExportSummary) -> None:
        """Count in what ``part`` (one segment of the export) wrote."""
        self.files += part.files
        for name, count in part.rows.items():
            self.rows[name] = self.rows.get(name, 0) + count
        for status, count in part.statuses.items():
            self.statuses[status] = self.statuses.get(status, 0) + count


def exported_rows(path: str, options: CheckOptions) -> tuple[str, dict[str, list[tuple[Any, ...]]]]:
    """One file checked: its status (valid, invalid, unreadable) and its rows (in a worker process with --jobs).

    Rows travel as tuples in column order: from a worker they pickle in a fraction of the time of dicts.
    """
    checked: CheckedFile = check_path_and_read(path, options)
    findings = checked.result.findings
    rows = rows_of(checked.result.path, checked.raw, findings, checked.statement, checked.read, checked.readable)
    return status_of(findings, checked.readable), rows_as_tuples(rows)


def rows_as_tuples(rows: dict[str, list[dict[str, Any]]]) -> dict[str, list[tuple[Any, ...]]]:
    """Each table's rows as tuples in its column order, as the table writers take them."""
    return {name: [tuple(map(row.get, TABLES_BY_NAME[name].column_names)) for row in table_rows]
            for name, table_rows in rows.items()}


#: Statements per segment of a large Parquet export. Each segment is written by a process of its own
#: (forked from this one, which only waits and counts), so the largest process holds one segment's
#: memory however large the batch: a process that writes Parquet keeps a little more memory with
#: every row group, in pyarrow and the allocator, whatever its writer's options (bench/RESULTS.md).
SEGMENT_STATEMENTS = 2000
#: Smaller Parquet exports stay in this process: a segment's process costs a fraction of a second.
SEGMENTS_FROM = 500


def export(files: Sequence[str], output: Path, output_format: str, options: CheckOptions, *, jobs: int = 1,
           shard: tuple[int, int] = (1, 1), separator: str = ",", language: str = "en",
           advance: Callable[[object], None] = lambda _: None,
           segment_statements: int = SEGMENT_STATEMENTS, segments_from: int = SEGMENTS_FROM) -> ExportSummary:
    """Check ``files`` and write every table into ``output`` (a folder per table) and the dictionary.

    Rows go to the table writers as each statement is checked, so memory does not grow with the
    batch; a table's files appear only when it is complete. A Parquet export of ``segments_from``
    files or more is written in segments of ``segment_statements``, a file per segment.
    """
    from impactclaim.dataset.dictionary import write_dictionary

    output.mkdir(parents=True, exist_ok=True)
    if output_format == "parquet" and len(files) >= segments_from and _can_fork():
        summary = _write_segments(files, output, options, jobs=jobs, shard=shard, advance=advance,
                                  size=segment_statements)
    else:
        summary = _write_tables(files, output, output_format, options, jobs=jobs, shard=shard,
                                separator=separator, advance=advance)
    write_dictionary(output / "dictionary", language)
    return summary


def _write_tables(files: Sequence[str], output: Path, output_format: str, options: CheckOptions, *, jobs: int,
                  shard: tuple[int, int], separator: str = ",", advance: Callable[[object], None],
                  segment: int | None = None) -> ExportSummary:
    """Check ``files`` and write their rows, in this process (and its workers), as one set of files."""
    from impactclaim.run import parallel_map

    summary = ExportSummary(rows={table.name: 0 for table in TABLES})
    writers: dict[str, TableWriter] = {}
    try:
        for table in TABLES:
            writers[table.name] = table_writer(table, output / table.name, output_format, shard, separator=separator,
                                               segment=segment)
        for status, rows in parallel_map(partial(exported_rows, options=options), files, jobs, min_per_worker=8,
                                         warm_up=warm_up):
            for name, table_rows in rows.items():
                writers[name].add(table_rows)
                summary.rows[name] += len(table_rows)
            summary.statuses[status] = summary.statuses.get(status, 0) + 1
            advance(rows)
        for table in TABLES:
            summary.files += writers.pop(table.name).close()
    finally:
        for writer in writers.values():  # only after a failure: nothing half-written is left behind
            writer.discard()
    return summary


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def _write_segments(files: Sequence[str], output: Path, options: CheckOptions, *, jobs: int,
                    shard: tuple[int, int], advance: Callable[[object], None], size: int) -> ExportSummary:
    """Write a Parquet export segment by segment, each in a fresh process; a failure removes every segment.

    Each segment's process leads a process group of its own, with its workers: the parent stops
    them all together (an interrupt, then a kill), also when the segment's process dies first.
    """
    import multiprocessing

    import pyarrow.parquet  # noqa: F401 - imported once here: every segment's process inherits it

    warm_up()
    context = multiprocessing.get_context("fork")
    summary = ExportSummary(rows={table.name: 0 for table in TABLES})
    try:
        for segment, start in enumerate(range(0, len(files), size)):
            receiving, sending = context.Pipe(duplex=False)
            writer = context.Process(target=_segment_process, name=f"impactclaim-export-segment-{segment}",
                                     args=(sending, files[start:start + size], output, options, jobs, shard, segment))
            writer.start()
            assert writer.pid is not None
            with contextlib.suppress(OSError):  # also done by the process itself: whichever runs first
                os.setpgid(writer.pid, writer.pid)
            sending.close()
            try:
                part = _follow_segment(receiving, writer, advance)
                writer.join(timeout=60)  # it has sent everything and shuts its workers down
            finally:
                receiving.close()
                _stop_group(writer)
            summary.add(part)
    except BaseException:
        for table in TABLES:  # every file of this run, also those of the failing segment and its temporaries
            remove_own_files(output / table.name, shard, temporaries=True)
        raise
    return summary


def _stop_group(writer: Any) -> None:
    """Stop a segment's process and its workers: an interrupt first, so they remove their temporary files."""
    import signal

    for stop, grace in ((signal.SIGINT, 10.0), (signal.SIGKILL, 10.0)):
        if not writer.is_alive() and not _group_alive(writer.pid):
            break
        with contextlib.suppress(OSError):
            os.killpg(writer.pid, stop)
        writer.join(timeout=grace)
    writer.join(timeout=1)


def _group_alive(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except OSError:
        return False
    return True


def _follow_segment(receiving: Any, writer: Any, advance: Callable[[object], None]) -> ExportSummary:
    """The summary a segment's process sends at its end, passing its progress on meanwhile.

    Looks at the process itself between messages: its workers hold the pipe (and the process's
    sentinel) open too, so a process that dies without a word (killed for memory, say) would
    otherwise leave the parent waiting for ever.
    """
    while True:
        if not receiving.poll(0.5):
            if writer.is_alive() or receiving.poll():
                continue
            raise _stopped_unexpectedly(writer)
        try:
            kind, value = receiving.recv()
        except EOFError:
            raise _stopped_unexpectedly(writer) from None
        if kind == "advance":
            for _ in range(value):
                advance(None)
        elif kind == "error":
            raise value
        else:
            return cast(ExportSummary, value)


def _stopped_unexpectedly(writer: Any) -> RuntimeError:
    writer.join()
    return RuntimeError(f"the process writing {writer.name} stopped unexpectedly (exit code {writer.exitcode})")


def _segment_process(sending: Any, files: Sequence[str], output: Path, options: CheckOptions, jobs: int,
                     shard: tuple[int, int], segment: int) -> None:
    """One segment, in its own process: its rows written, its progress and summary sent to the parent."""
    with contextlib.suppress(OSError):
        os.setpgid(0, 0)  # a group of its own, with the workers it forks: stopped together
    done = 0

    def advance(_rows: object) -> None:
        nonlocal done
        done += 1
        if done % 32 == 0:
            sending.send(("advance", 32))

    try:
        part = _write_tables(files, output, "parquet", options, jobs=jobs, shard=shard, advance=advance,
                             segment=segment)
        sending.send(("advance", done % 32))
        sending.send(("done", part))
    except BaseException as error:  # the parent raises it, so the command reports it as it would its own
        import pickle
        import traceback

        error.add_note(f"in the process writing segment {segment} of the export:\n{traceback.format_exc()}")
        try:
            pickle.loads(pickle.dumps(error))  # the parent must be able to read it back
        except Exception:
            error = RuntimeError(f"{type(error).__name__}: {error}")
        with contextlib.suppress(OSError):  # the parent may be gone already
            sending.send(("error", error))
    finally:
        sending.close()


def refuse_inputs_as_outputs(files: Sequence[str], output: Path) -> str | None:
    """Why ``output`` cannot be written: it is one of the input files; else None."""
    target = os.path.realpath(output)
    for path in files:
        if os.path.realpath(path) == target:
            return f"the output folder {str(output)!r} is one of the input files"
    return None
