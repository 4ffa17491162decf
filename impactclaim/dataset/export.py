"""impactclaim export: check statements and write them as the dataset's tables, with their dictionary."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from impactclaim.checker import CheckedFile, CheckOptions, check_path_and_read, warm_up
from impactclaim.dataset.tables import TABLES, TABLES_BY_NAME, rows_of, status_of
from impactclaim.dataset.writers import TableWriter, table_writer


@dataclass
class ExportSummary:
    """What an export wrote: statements by status, rows per table, the files."""

    statuses: dict[str, int] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)

    @property
    def statements(self) -> int:
        return sum(self.statuses.values())


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


def export(files: Sequence[str], output: Path, output_format: str, options: CheckOptions, *, jobs: int = 1,
           shard: tuple[int, int] = (1, 1), separator: str = ",", language: str = "en",
           advance: Callable[[object], None] = lambda _: None) -> ExportSummary:
    """Check ``files`` and write every table into ``output`` (a folder per table) and the dictionary.

    Rows go to the table writers as each statement is checked, so memory does not grow with the
    batch; a table's files appear only when it is complete.
    """
    from impactclaim.dataset.dictionary import write_dictionary
    from impactclaim.run import parallel_map

    output.mkdir(parents=True, exist_ok=True)
    summary = ExportSummary(rows={table.name: 0 for table in TABLES})
    writers: dict[str, TableWriter] = {}
    try:
        for table in TABLES:
            writers[table.name] = table_writer(table, output / table.name, output_format, shard, separator=separator)
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
    write_dictionary(output / "dictionary", language)
    return summary


def refuse_inputs_as_outputs(files: Sequence[str], output: Path) -> str | None:
    """Why ``output`` cannot be written: it is one of the input files; else None."""
    target = os.path.realpath(output)
    for path in files:
        if os.path.realpath(path) == target:
            return f"the output folder {str(output)!r} is one of the input files"
    return None
