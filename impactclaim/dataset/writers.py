"""Writing the tables as rows arrive: Parquet partitioned by reporting year, CSV for Excel, XLSX, JSON Lines.

Each table is a folder under the output folder, and each run writes its own files into it,
named after its shard (``part-1-of-4``): several ``--shard`` runs into one folder make one
dataset, and a run again replaces only its own files. A large Parquet export adds a segment
number (``part-1-of-4.0002``): see ``impactclaim.dataset.export``. Rows are written as they come, so
memory stays flat however many statements there are; each file is written under a temporary
name and renamed into place when the table is complete.
"""

from __future__ import annotations

import contextlib
import csv
import io
import itertools
import json
import operator
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, Any

from impactclaim.dataset.tables import Table

Values = tuple[Any, ...]  # a row as its values, in the order of the table's columns

FORMATS = ("parquet", "csv", "xlsx", "json")
SUFFIXES = {"parquet": ".parquet", "csv": ".csv", "xlsx": ".xlsx", "json": ".jsonl"}
# A text cell that a spreadsheet would run as a formula (OWASP: CSV injection), also after a tab or return.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__"  # Hive's name for an empty partition value; DuckDB and Spark read it
# Rows are held per file until they make a row group of about this many bytes (measured on the rows
# written so far; the first group is small): large enough for fast writes and reads, small enough to
# keep memory flat over any batch.
ROW_GROUP_BYTES = 1 << 18
FIRST_ROW_GROUP = 256
MAX_ROW_GROUP = 65536


def defused(value: str) -> str:
    """``value`` with a leading apostrophe when a spreadsheet would read it as a formula."""
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def part_name(shard: tuple[int, int]) -> str:
    return f"part-{shard[0]}-of-{shard[1]}"


def remove_own_files(folder: Path, shard: tuple[int, int], *, temporaries: bool = False) -> None:
    """Delete the files an earlier run of this shard wrote (and nothing else), before writing anew.

    With ``temporaries`` also the shard's files still under a temporary name: after a failure,
    when no run of this shard is writing any more.
    """
    own = part_name(shard)
    if not folder.is_dir():
        return
    # Folders are left, even empty: shards may run at once into one folder, and readers skip an empty one.
    found = [path for path in folder.rglob(f"{own}.*") if path.is_file() and path.suffix in SUFFIXES.values()]
    if temporaries:
        found += [path for path in folder.rglob(f".{own}.*.tmp") if path.is_file()]
    for path in found:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


class _PendingFile:
    """A file written under a temporary name beside its target, renamed into place on commit."""

    def __init__(self, target: Path, mode: str = "wb", **options: Any) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        self.target = target
        descriptor, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        self.temporary = Path(name)
        self.stream: IO[Any] = os.fdopen(descriptor, mode, **options)

    def commit(self) -> Path:
        self.stream.flush()
        os.fsync(self.stream.fileno())
        self.stream.close()
        os.chmod(self.temporary, 0o666 & ~_umask())
        os.replace(self.temporary, self.target)
        return self.target

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self.stream.close()
        with contextlib.suppress(OSError):
            self.temporary.unlink()


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


class TableWriter:
    """Writes one table's rows (tuples in column order) in one format; ``close`` puts the files in place."""

    def __init__(self, table: Table, folder: Path, shard: tuple[int, int], segment: int | None = None) -> None:
        # A large Parquet export is written in segments, each by a process of its own, one file per
        # segment ("part-1-of-1.0002.parquet"); the first segment clears the files of an earlier run.
        self.table, self.folder, self.segment = table, folder, segment
        self.name = part_name(shard) if segment is None else f"{part_name(shard)}.{segment:04d}"
        folder.mkdir(parents=True, exist_ok=True)
        if not segment:
            remove_own_files(folder, shard)

    def add(self, rows: Sequence[Values]) -> None:
        raise NotImplementedError

    def close(self) -> list[Path]:
        raise NotImplementedError

    def discard(self) -> None:
        raise NotImplementedError


class ParquetWriter(TableWriter):
    """One file per reporting year, under ``reporting_year=YYYY/`` (Hive partitioning), the year not in the file."""

    def __init__(self, table: Table, folder: Path, shard: tuple[int, int], segment: int | None = None) -> None:
        super().__init__(table, folder, shard, segment)
        self.schema = arrow_schema(table, without=["reporting_year"])
        names = table.column_names
        self.year_index = names.index("reporting_year")
        self.kept = [names.index(name) for name in self.schema.names]
        self.pending: dict[str, list[Values]] = {}
        self.group_rows = FIRST_ROW_GROUP
        self.files: dict[str, tuple[_PendingFile, Any]] = {}

    def add(self, rows: Sequence[Values]) -> None:
        # The rows of one statement share its year: taken in runs, not one by one (this is the parent's work
        # for every row of a batch, while the workers check).
        for year, run in itertools.groupby(rows, key=operator.itemgetter(self.year_index)):
            key = _NULL_PARTITION if year is None else str(year)
            held = self.pending.setdefault(key, [])
            held.extend(run)
            if len(held) >= self.group_rows:
                self._flush(key)

    def _flush(self, key: str) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        rows = self.pending.pop(key, [])
        if key not in self.files:
            pending = _PendingFile(self.folder / f"reporting_year={key}" / f"{self.name}.parquet")
            # No creation time or random ids in the file: the same statements give the same bytes.
            self.files[key] = (pending, pq.ParquetWriter(pending.stream, self.schema, compression="zstd"))
        columns = list(zip(*rows, strict=True)) if rows else [() for _ in self.table.columns]
        arrays = [pa.array(columns[index], type=column.type)
                  for index, column in zip(self.kept, self.schema, strict=True)]
        group = pa.Table.from_arrays(arrays, schema=self.schema)
        self.files[key][1].write_table(group)
        if rows:
            per_row = max(1, group.nbytes // len(rows))
            self.group_rows = max(FIRST_ROW_GROUP, min(MAX_ROW_GROUP, ROW_GROUP_BYTES // per_row))

    def close(self) -> list[Path]:
        if not self.files and not self.pending and not self.segment:
            # An empty table still has a file with its columns (the first segment's, when segmented).
            self.pending[_NULL_PARTITION] = []
        for key in list(self.pending):
            self._flush(key)
        written = []
        for key in sorted(self.files):
            pending, writer = self.files[key]
            writer.close()
            written.append(pending.commit())
        return written

    def discard(self) -> None:
        for pending, writer in self.files.values():
            with contextlib.suppress(Exception):
                writer.close()
            pending.discard()


class CsvWriter(TableWriter):
    """UTF-8 with a byte-order mark, so that Excel reads the accents; ``;`` and decimal commas for a Dutch Excel."""

    def __init__(self, table: Table, folder: Path, shard: tuple[int, int], separator: str) -> None:
        super().__init__(table, folder, shard)
        self.separator = separator
        self.file = _PendingFile(folder / f"{self.name}.csv", "w", encoding="utf-8", newline="")
        self.file.stream.write("\ufeff")
        self.writer = csv.writer(self.file.stream, delimiter=separator, lineterminator="\r\n")
        self.writer.writerow(table.column_names)

    def add(self, rows: Sequence[Values]) -> None:
        for row in rows:
            self.writer.writerow([self._text(value) for value in row])

    def _text(self, value: Any) -> str:
        value = _cell(value)
        if value is None:
            return ""
        if isinstance(value, str):
            return defused(value)
        if isinstance(value, float) and self.separator == ";":
            return repr(value).replace(".", ",")  # a Dutch Excel reads 27,5 as a number
        return str(value)

    def close(self) -> list[Path]:
        return [self.file.commit()]

    def discard(self) -> None:
        self.file.discard()


class XlsxWriter(TableWriter):
    """A workbook with one sheet, written row by row (openpyxl's write-only mode keeps memory flat)."""

    def __init__(self, table: Table, folder: Path, shard: tuple[int, int]) -> None:
        from openpyxl import Workbook

        super().__init__(table, folder, shard)
        self.workbook = Workbook(write_only=True)
        self.sheet = self.workbook.create_sheet(table.name[:31])
        self.sheet.freeze_panes = "A2"
        self.sheet.append(table.column_names)

    def add(self, rows: Sequence[Values]) -> None:
        for row in rows:
            # Defused text never starts with "=", so openpyxl stores every text as text, never as a formula.
            values = [_cell(value) for value in row]
            self.sheet.append([defused(value) if isinstance(value, str) else value for value in values])

    def close(self) -> list[Path]:
        buffer = io.BytesIO()
        self.workbook.save(buffer)
        pending = _PendingFile(self.folder / f"{self.name}.xlsx")
        pending.stream.write(_fixed_zip_times(buffer.getvalue()))
        return [pending.commit()]

    def discard(self) -> None:
        with contextlib.suppress(Exception):
            self.workbook.close()


class JsonLinesWriter(TableWriter):
    """One JSON object per line (JSON Lines), every column present: DuckDB, pandas and jq read it as it is."""

    def __init__(self, table: Table, folder: Path, shard: tuple[int, int]) -> None:
        super().__init__(table, folder, shard)
        self.file = _PendingFile(folder / f"{self.name}.jsonl", "w", encoding="utf-8", newline="\n")

    def add(self, rows: Sequence[Values]) -> None:
        names = self.table.column_names
        for row in rows:
            self.file.stream.write(json.dumps(dict(zip(names, row, strict=True)), ensure_ascii=False,
                                              allow_nan=False) + "\n")

    def close(self) -> list[Path]:
        return [self.file.commit()]

    def discard(self) -> None:
        self.file.discard()


def table_writer(table: Table, folder: Path, output_format: str, shard: tuple[int, int], *,
                 separator: str = ",", segment: int | None = None) -> TableWriter:
    if output_format == "parquet":
        return ParquetWriter(table, folder, shard, segment)
    if output_format == "csv":
        return CsvWriter(table, folder, shard, separator)
    if output_format == "xlsx":
        return XlsxWriter(table, folder, shard)
    return JsonLinesWriter(table, folder, shard)


def arrow_schema(table: Table, *, without: Iterable[str] = ()) -> Any:
    import pyarrow as pa

    types = {"string": pa.string(), "integer": pa.int64(), "number": pa.float64(), "boolean": pa.bool_(),
             "list": pa.list_(pa.string())}
    skipped = set(without)
    return pa.schema([pa.field(column.name, types[column.type]) for column in table.columns
                      if column.name not in skipped])


def _cell(value: Any) -> Any:
    """A value as a spreadsheet cell: a list as its JSON array, a boolean as true or false."""
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _fixed_zip_times(content: bytes) -> bytes:
    """The XLSX (a zip) with its members' times and the workbook's dates fixed, so that exports repeat exactly."""
    import re
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(content))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"1980-01-01T00:00:00Z", data)
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, data)
    return output.getvalue()
