"""The dataset's data dictionary, generated from the tables and the statement schema.

A page per table (Markdown) and a machine-readable schema per table in the Frictionless Table
Schema format (https://specs.frictionlessdata.io/table-schema/), which data portals, pandas and
frictionless-py read. A column that holds one statement field is described by that field's
title and description in the schema, so the dictionary and the schema cannot disagree.
"""

from __future__ import annotations

import json
from pathlib import Path

from impactclaim.atomic import atomic_write
from impactclaim.dataset.tables import TABLES, Table

_FRICTIONLESS_TYPES = {"string": "string", "integer": "integer", "number": "number", "boolean": "boolean",
                       "list": "array"}


def field_descriptions(language: str) -> dict[str, tuple[str, str]]:
    """Every schema field's title and description, by its path (``claims[].label.scheme``), newest schema."""
    from impactclaim.schema_reference import field_texts, newest_version

    return field_texts(newest_version(), language)


def describe(table: Table, fields: dict[str, tuple[str, str]]) -> list[tuple[str, str, str, str]]:
    """(name, type, field, description) of each column."""
    described = []
    for column in table.columns:
        title, description = fields.get(column.field, ("", ""))
        text = column.about or " ".join(part for part in (title.rstrip(".") + "." if title else "", description)
                                        if part).strip()
        described.append((column.name, column.type, column.field, text))
    return described


def table_schema(table: Table, fields: dict[str, tuple[str, str]]) -> dict[str, object]:
    columns = []
    for name, kind, field, text in describe(table, fields):
        entry: dict[str, object] = {"name": name, "type": _FRICTIONLESS_TYPES[kind], "description": text}
        if field:
            entry["source"] = field  # the statement field, as `impactclaim schema --format markdown` names it
        columns.append(entry)
    return {"name": table.name, "description": table.about, "fields": columns, "primaryKey": list(table.key)}


def table_page(table: Table, fields: dict[str, tuple[str, str]]) -> str:
    lines = [f"# {table.name}", "", table.about, "", f"Key: {', '.join(table.key)}.", "",
             "| column | type | statement field | description |", "|---|---|---|---|"]
    for name, kind, field, text in describe(table, fields):
        shown_field = f"`{field}`" if field else ""
        lines.append(f"| `{name}` | {kind} | {shown_field} | {text.replace('|', '/').replace(chr(10), ' ')} |")
    return "\n".join(lines) + "\n"


def index_page() -> str:
    lines = ["# The impact statements as tables", "",
             "Made by `impactclaim export`. Each table is a folder; the tables join on `statement_key`. "
             "Parquet files are partitioned by reporting year (`reporting_year=2025/`), as DuckDB, Spark, "
             "Trino and pandas read a folder as it is, for example in DuckDB:", "",
             "```sql",
             "SELECT organisation_name, name, value, unit FROM read_parquet('metrics/**/*.parquet', "
             "hive_partitioning = true) WHERE iris_id = 'OI8869';",
             "```", "",
             "A list column (types `list`) holds a JSON array in CSV and XLSX. Text cells that a spreadsheet would "
             "run as a formula start with an apostrophe there.", "",
             "| table | what it holds | schema |", "|---|---|---|"]
    for table in TABLES:
        lines.append(f"| [{table.name}]({table.name}.md) | {table.about} | [{table.name}.schema.json]"
                     f"({table.name}.schema.json) |")
    return "\n".join(lines) + "\n"


def write_dictionary(folder: Path, language: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    fields = field_descriptions(language)
    atomic_write(folder / "README.md", index_page().encode("utf-8"))
    for table in TABLES:
        atomic_write(folder / f"{table.name}.md", table_page(table, fields).encode("utf-8"))
        schema = json.dumps(table_schema(table, fields), ensure_ascii=False, indent=2) + "\n"
        atomic_write(folder / f"{table.name}.schema.json", schema.encode("utf-8"))
