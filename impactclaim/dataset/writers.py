"""Writing the tables: Parquet partitioned by reporting year, CSV for Excel, XLSX, JSON Lines.

Each table is a folder under the output folder, and each run writes its own files into it,
named after its shard (``part-1-of-4``): several ``--shard`` runs into one folder make one
dataset, and a run again replaces only its own files. Every file is written atomically.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from impactclaim.atomic import atomic_write
from impactclaim.dataset.tables import Row, Table

FORMATS = ("parquet", "csv", "xlsx", "json")
SUFFIXES = {"parquet": ".parquet", "csv": ".csv", "xlsx": ".xlsx", "json": ".jsonl"}
# A text cell that a spreadsheet would run as a formula (OWASP: CSV injection), also after a tab or return.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__"  # Hive's name for an empty partition value; DuckDB and Spark read it


def defused(value: str) -> str:
    """``value`` with a leading apostrophe when a spreadsheet would read it as a formula."""
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def part_name(shard: tuple[int, int]) -> str:
    return f"part-{shard[0]}-of-{shard[1]}"


def remove_own_files(folder: Path, shard: tuple[int, int]) -> None:
    """Delete the files an earlier run of this shard wrote (and nothing else), before writing anew."""
    own = part_name(shard)
    if not folder.is_dir():
        return
    # Folders are left, even empty: shards may run at once into one folder, and readers skip an empty one.
    for path in [path for path in folder.rglob(f"{own}.*") if path.is_file() and path.suffix in SUFFIXES.values()]:
        path.unlink()


def write_table(table: Table, rows: Sequence[Row], folder: Path, output_format: str, shard: tuple[int, int],
                *, separator: str = ",") -> list[Path]:
    """Write ``rows`` of ``table`` into ``folder`` (the table's own) in ``output_format``; the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    remove_own_files(folder, shard)
    name = part_name(shard)
    if output_format == "parquet":
        return _write_parquet(table, rows, folder, name)
    target = folder / (name + SUFFIXES[output_format])
    if output_format == "csv":
        atomic_write(target, _csv_bytes(table, rows, separator))
    elif output_format == "xlsx":
        atomic_write(target, _xlsx_bytes(table, rows))
    else:
        atomic_write(target, _jsonl_bytes(table, rows))
    return [target]


def arrow_schema(table: Table, *, without: Iterable[str] = ()) -> Any:
    import pyarrow as pa

    types = {"string": pa.string(), "integer": pa.int64(), "number": pa.float64(), "boolean": pa.bool_(),
             "list": pa.list_(pa.string())}
    skipped = set(without)
    return pa.schema([pa.field(column.name, types[column.type]) for column in table.columns
                      if column.name not in skipped])


def _write_parquet(table: Table, rows: Sequence[Row], folder: Path, name: str) -> list[Path]:
    """One file per reporting year, under ``reporting_year=YYYY/`` (Hive partitioning), the year not in the file."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = arrow_schema(table, without=["reporting_year"])
    by_year: dict[str, list[Row]] = {} if rows else {_NULL_PARTITION: []}  # an empty table still has its columns
    for row in rows:
        year = row.get("reporting_year")
        by_year.setdefault(_NULL_PARTITION if year is None else str(year), []).append(row)
    written = []
    for year, year_rows in sorted(by_year.items()):
        columns = {column: [row.get(column) for row in year_rows] for column in schema.names}
        data = pa.Table.from_pydict(columns, schema=schema)
        buffer = io.BytesIO()
        # No creation time or random ids in the file: the same statements give the same bytes.
        pq.write_table(data, buffer, compression="zstd", write_statistics=True)
        target = folder / f"reporting_year={year}" / f"{name}.parquet"
        target.parent.mkdir(exist_ok=True)
        atomic_write(target, buffer.getvalue())
        written.append(target)
    return written


def _cell(value: Any) -> Any:
    """A value as a spreadsheet cell: a list as its JSON array, a boolean as true or false."""
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _csv_bytes(table: Table, rows: Sequence[Row], separator: str) -> bytes:
    """UTF-8 with a byte-order mark, so that Excel reads the accents; ``;`` for a Dutch-locale Excel."""
    stream = io.StringIO(newline="")
    writer = csv.writer(stream, delimiter=separator, lineterminator="\r\n")
    writer.writerow(table.column_names)
    for row in rows:
        cells = []
        for column in table.columns:
            value = _cell(row.get(column.name))
            if value is None:
                cells.append("")
            elif isinstance(value, str):
                cells.append(defused(value))
            elif isinstance(value, float) and separator == ";":
                cells.append(repr(value).replace(".", ","))  # a Dutch Excel reads 27,5 as a number
            else:
                cells.append(str(value))
        writer.writerow(cells)
    return ("\ufeff" + stream.getvalue()).encode("utf-8")


def _xlsx_bytes(table: Table, rows: Sequence[Row]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell.cell import TYPE_STRING

    workbook = Workbook()
    sheet = workbook.create_sheet(table.name[:31])
    workbook.remove(workbook.worksheets[0])  # the empty sheet a new workbook starts with
    sheet.append(table.column_names)
    for row in rows:
        values = [_cell(row.get(column.name)) for column in table.columns]
        sheet.append([defused(value) if isinstance(value, str) else value for value in values])
    # Text is text: openpyxl would otherwise store a value that starts with "=" as a formula.
    for line in sheet.iter_rows(min_row=2):
        for cell in line:
            if isinstance(cell.value, str):
                cell.data_type = TYPE_STRING
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _fixed_zip_times(buffer.getvalue())


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


def _jsonl_bytes(table: Table, rows: Sequence[Row]) -> bytes:
    """One JSON object per line (JSON Lines), every column present: DuckDB, pandas and jq read it as it is."""
    lines = [json.dumps({column: row.get(column) for column in table.column_names}, ensure_ascii=False,
                        allow_nan=False) for row in rows]
    return ("\n".join(lines) + ("\n" if lines else "")).encode("utf-8")


def relative(paths: Iterable[Path], root: Path) -> list[str]:
    return sorted(os.path.relpath(path, root) for path in paths)
