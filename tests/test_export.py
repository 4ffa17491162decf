"""impactclaim export: the dataset's tables in every format, nothing lost, shards, and safe spreadsheets."""

from __future__ import annotations

import csv
import io
import json
import math
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow.dataset as arrow_dataset
import pytest

from impactclaim.dataset.export import exported_rows
from impactclaim.dataset.tables import TABLES, statement_key
from impactclaim.dataset.writers import defused
from impactclaim.loader import load_path
from impactclaim.statement import read_statement
from tests.conftest import SAMPLES, Cli
from tests.test_render_support import VALID_SAMPLES

ALL_SAMPLES = sorted(SAMPLES.rglob("*.yaml"))
_REAL_EXPORTED_ROWS = exported_rows


def parquet_rows(folder: Path, table: str) -> list[dict[str, Any]]:
    data = arrow_dataset.dataset(folder / table, format="parquet", partitioning="hive").to_table()
    return data.to_pylist()  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def samples_dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every sample, valid or not, exported once as Parquet."""
    from typer.testing import CliRunner

    from impactclaim.cli import app

    output = tmp_path_factory.mktemp("dataset")
    result = CliRunner().invoke(app, ["export", str(SAMPLES), "-o", str(output), "--jobs", "1", "--lang", "en"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.stdout
    return output


def test_every_statement_file_is_listed_never_dropped(samples_dataset: Path) -> None:
    rows = parquet_rows(samples_dataset, "statements")
    assert sorted(row["source_path"] for row in rows) == sorted(str(path) for path in ALL_SAMPLES)
    by_path = {row["source_path"]: row for row in rows}
    for path in VALID_SAMPLES:
        assert by_path[str(path)]["status"] == "valid"
    invalid = by_path[str(SAMPLES / "invalid" / "several-problems" / "statement.yaml")]
    assert invalid["status"] == "invalid" and invalid["errors"] > 0
    # An invalid statement's findings are there, with their lines; its other data is not.
    findings = [row for row in parquet_rows(samples_dataset, "findings")
                if row["statement_key"] == invalid["statement_key"]]
    assert len(findings) == invalid["errors"] + invalid["warnings"]
    assert all(row["line"] >= 1 and row["code"].startswith("IC") for row in findings)
    claims = parquet_rows(samples_dataset, "claims")
    assert not [row for row in claims if row["statement_key"] == invalid["statement_key"]]


def _scalars(value: Any) -> Iterator[Any]:
    if isinstance(value, dict):
        for inner in value.values():
            yield from _scalars(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _scalars(inner)
    elif value is not None:
        yield value


def _comparable(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return float(value)
    return str(value)


@pytest.mark.parametrize("sample", VALID_SAMPLES, ids=lambda path: path.stem)
def test_every_value_of_a_valid_statement_lands_in_some_table(samples_dataset: Path, sample: Path) -> None:
    document = load_path(sample)
    key = statement_key(sample.read_bytes())
    found: set[Any] = set()
    for table in TABLES:
        for row in parquet_rows(samples_dataset, table.name):
            if row["statement_key"] == key:
                found.update(_comparable(value) for value in _scalars(row))
    # Keys are not values; the schema version and language are in statements as they are.
    missing = [value for value in _scalars(document.data) if _comparable(value) not in found]
    assert missing == []


@pytest.mark.parametrize("sample", VALID_SAMPLES, ids=lambda path: path.stem)
def test_claims_and_metrics_rebuild_from_the_tables(samples_dataset: Path, sample: Path) -> None:
    document = load_path(sample)
    assert document.data is not None
    statement = read_statement(document.data)
    key = statement_key(sample.read_bytes())
    language = statement.language

    claims = sorted((row for row in parquet_rows(samples_dataset, "claims") if row["statement_key"] == key),
                    key=lambda row: row["claim_index"])
    assert len(claims) == len(statement.claims)
    for row, claim in zip(claims, statement.claims, strict=True):
        assert row["claim_id"] == claim.id
        assert row["text"] == claim.text.get(language, language)
        assert row["basis_metrics"] == [ref.value for ref in claim.basis.metrics] if claim.basis else []
        assert row["verification_status"] == (claim.verification.status if claim.verification else None)
        assert row["label_scheme"] == (claim.label.scheme if claim.label else None)
        assert row["substantiation"] == str(statement.claim_status(claim))

    metrics = [row for row in parquet_rows(samples_dataset, "metrics") if row["statement_key"] == key]
    for index, metric in enumerate(statement.metrics):
        own = {row["value_kind"]: row for row in metrics if row["metric_index"] == index}
        assert own, metric.id
        assert {row["metric_id"] for row in own.values()} == {metric.id}
        assert {row["unit"] for row in own.values()} == {metric.unit}
        assert {row["iris_id"] for row in own.values()} == {metric.iris_id}
        assert {row["vsme_ref"] for row in own.values()} == {metric.vsme_ref}
        if metric.value is not None:
            assert math.isclose(own["value"]["value"], metric.value)
            period = metric.period or statement.reporting_period
            assert (own["value"]["period_start"], own["value"]["period_end"]) == (period.start, period.end)
        for kind, reference in (("baseline", metric.baseline), ("target", metric.target)):
            if reference is None:
                assert kind not in own
            else:
                assert (own[kind]["value"], own[kind]["year"]) == (reference.value, reference.year)


def test_parquet_is_partitioned_by_reporting_year_and_repeats_exactly(cli: Cli, tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    for output in (first, second):
        assert cli("export", str(SAMPLES / "valid"), "-o", str(output), "--jobs", "1").exit_code == 0
    files = sorted(path.relative_to(first) for path in first.rglob("*.parquet"))
    assert Path("metrics/reporting_year=2025/part-1-of-1.parquet") in files
    assert all(part.startswith("reporting_year=") for path in files for part in path.parts[1:2])
    for path in files:
        assert (first / path).read_bytes() == (second / path).read_bytes()


def test_shards_into_one_folder_make_one_dataset(cli: Cli, tmp_path: Path) -> None:
    whole, sharded = tmp_path / "whole", tmp_path / "sharded"
    assert cli("export", str(SAMPLES), "-o", str(whole), "--jobs", "1").exit_code == 0
    for shard in ("1/3", "2/3", "3/3"):
        assert cli("export", str(SAMPLES), "-o", str(sharded), "--shard", shard, "--allow-empty").exit_code == 0
    for table in ("statements", "metrics", "findings"):
        def keys(folder: Path, name: str = table) -> list[str]:
            return sorted(json.dumps(row, sort_keys=True, default=str) for row in parquet_rows(folder, name))
        assert keys(sharded) == keys(whole)
    # Running a shard again replaces its own files and leaves the other shards' alone.
    before = sorted(path.name for path in sharded.rglob("*.parquet"))
    assert cli("export", str(SAMPLES), "-o", str(sharded), "--shard", "2/3", "--allow-empty").exit_code == 0
    assert sorted(path.name for path in sharded.rglob("*.parquet")) == before
    assert len(parquet_rows(sharded, "statements")) == len(ALL_SAMPLES)


HOSTILE = """schema_version: "1.0"
language: nl
organisation:
  name: "=HYPERLINK(\\"http://evil.example\\",\\"klik\\")"
  kvk_number: "12345678"
  fte: 27.5
reporting_period:
  start: "2025-01-01"
  end: "2025-12-31"
mission:
  statement: "+31 mensen aan het werk; @iedereen welkom"
"""


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "hostile.yaml").write_text(HOSTILE, encoding="utf-8")
    return folder


def test_defused_cells_start_with_an_apostrophe() -> None:
    assert [defused(value) for value in ["=1+1", "+31", "-2", "@SUM(A1)", "\tx", "Coöperatie"]] == [
        "'=1+1", "'+31", "'-2", "'@SUM(A1)", "'\tx", "Coöperatie"]


def test_csv_opens_in_a_dutch_excel_and_runs_no_formula(cli: Cli, hostile: Path, tmp_path: Path) -> None:
    output = tmp_path / "out"
    result = cli("export", str(hostile), "-o", str(output), "-f", "csv", "--separator", ";")
    assert result.exit_code == 0, result.stdout
    raw = (output / "organisations" / "part-1-of-1.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the byte-order mark Excel needs to read UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0]["name"] == "'=HYPERLINK(\"http://evil.example\",\"klik\")"
    assert rows[0]["fte"] == "27,5"
    statements = list(csv.DictReader(io.StringIO((output / "statements" / "part-1-of-1.csv").read_text(
        encoding="utf-8-sig")), delimiter=";"))
    assert statements[0]["mission"] == "'+31 mensen aan het werk; @iedereen welkom"
    for path in output.rglob("*.csv"):
        for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig")), delimiter=";"):
            assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row), (path, row)


def test_xlsx_stores_text_as_text(cli: Cli, hostile: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    output = tmp_path / "out"
    assert cli("export", str(hostile), "-o", str(output), "-f", "xlsx").exit_code == 0
    sheet = load_workbook(output / "organisations" / "part-1-of-1.xlsx").active
    header = [cell.value for cell in sheet[1]]
    cells = dict(zip(header, sheet[2], strict=True))
    assert cells["name"].value.startswith("'=HYPERLINK") and cells["name"].data_type == "s"
    assert cells["fte"].value == 27.5
    for line in sheet.iter_rows():
        for cell in line:
            assert cell.data_type != "f"


def test_json_lines_hold_every_column(cli: Cli, tmp_path: Path) -> None:
    output = tmp_path / "out"
    assert cli("export", str(SAMPLES / "valid"), "-o", str(output), "-f", "json").exit_code == 0
    lines = (output / "claims" / "part-1-of-1.jsonl").read_text(encoding="utf-8").splitlines()
    claims = next(table for table in TABLES if table.name == "claims")
    assert lines and all(list(json.loads(line)) == claims.column_names for line in lines)


def test_the_data_dictionary_describes_every_column(samples_dataset: Path) -> None:
    folder = samples_dataset / "dictionary"
    readme = (folder / "README.md").read_text(encoding="utf-8")
    for table in TABLES:
        assert f"[{table.name}]({table.name}.md)" in readme
        schema = json.loads((folder / f"{table.name}.schema.json").read_text(encoding="utf-8"))
        assert [field["name"] for field in schema["fields"]] == table.column_names
        assert all(field["description"].strip() for field in schema["fields"]), table.name
        assert schema["primaryKey"] == list(table.key)
        page = (folder / f"{table.name}.md").read_text(encoding="utf-8")
        assert all(f"`{name}`" in page for name in table.column_names)
    claims = json.loads((folder / "claims.schema.json").read_text(encoding="utf-8"))
    scheme = next(field for field in claims["fields"] if field["name"] == "label_scheme")
    assert scheme["source"] == "claims[].label.scheme" and "scheme" in scheme["description"].lower()


def test_usage_errors(cli: Cli, tmp_path: Path) -> None:
    assert cli("export", str(SAMPLES / "valid")).exit_code == 2  # no -o
    assert cli("export", str(SAMPLES / "valid"), "-o", str(tmp_path / "x"), "--separator", "|").exit_code == 2
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert cli("export", str(SAMPLES / "valid"), "-o", str(blocker)).exit_code == 2
    empty = tmp_path / "empty"
    empty.mkdir()
    assert cli("export", str(empty), "-o", str(tmp_path / "y")).exit_code == 2
    statement = tmp_path / "statement.yaml"
    shutil.copyfile(VALID_SAMPLES[0], statement)
    assert cli("export", str(statement), "-o", str(statement)).exit_code == 2
    assert statement.read_bytes() == VALID_SAMPLES[0].read_bytes()  # never overwritten


def test_a_failed_export_leaves_no_partial_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from impactclaim.checker import CheckOptions
    from impactclaim.dataset import export as export_module

    calls = []
    real = export_module.exported_rows

    def failing(path: str, options: CheckOptions) -> Any:
        calls.append(path)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        return real(path, options)

    monkeypatch.setattr(export_module, "exported_rows", failing)
    output = tmp_path / "out"
    with pytest.raises(OSError):
        export_module.export([str(path) for path in VALID_SAMPLES], output, "csv", CheckOptions())
    assert [path for path in output.rglob("*") if path.is_file()] == []


def test_duckdb_reads_the_shards_as_one_dataset(cli: Cli, tmp_path: Path) -> None:
    import duckdb

    output = tmp_path / "dataset"
    for shard in ("1/2", "2/2"):
        assert cli("export", str(SAMPLES), "-o", str(output), "--shard", shard, "--allow-empty").exit_code == 0
    assert len(list((output / "statements").rglob("part-1-of-2.parquet"))) >= 1
    assert len(list((output / "statements").rglob("part-2-of-2.parquet"))) >= 1
    connection = duckdb.connect()

    def query(sql: str) -> list[tuple[Any, ...]]:
        return connection.execute(sql.replace("OUT", str(output))).fetchall()

    statements = "read_parquet('OUT/statements/**/*.parquet', hive_partitioning = true)"
    assert query(f"SELECT count(*) FROM {statements}") == [(len(ALL_SAMPLES),)]
    by_status = dict(query(f"SELECT status, count(*) FROM {statements} GROUP BY status"))
    assert by_status["valid"] == len(VALID_SAMPLES)
    years = {year for (year,) in query(f"SELECT DISTINCT reporting_year FROM {statements}")}
    assert 2025 in years and all(year is None or isinstance(year, int) for year in years)
    # A join across tables, as a financier would write it: people employed, by organisation.
    rows = query("""
        SELECT s.organisation_name, m.value
        FROM read_parquet('OUT/metrics/**/*.parquet', hive_partitioning = true) AS m
        JOIN read_parquet('OUT/statements/**/*.parquet', hive_partitioning = true) AS s USING (statement_key)
        WHERE m.iris_id = 'OI8869' AND m.value_kind = 'value' ORDER BY 1""")
    assert rows and all(isinstance(value, float) for _, value in rows)


# --- large Parquet exports: segments, each written by a process of its own ---------------------------

def _recording_rows(path: str, options: Any) -> Any:
    """``exported_rows`` noting the process it runs in, failing on one file (module level: workers unpickle it)."""
    import os

    from impactclaim.dataset.tables import TABLES as _tables  # noqa: F401 - the module is loaded in workers

    with open(os.environ["IMPACTCLAIM_TEST_PIDS"], "a", encoding="utf-8") as stream:
        stream.write(f"{os.getpid()}\n")
    if path == os.environ.get("IMPACTCLAIM_TEST_FAIL_ON"):
        raise OSError(28, "No space left on device")
    return _REAL_EXPORTED_ROWS(path, options)


def _pid_recording(monkeypatch: pytest.MonkeyPatch, record: Path, fail_on: str | None = None) -> None:
    """``exported_rows`` replaced by ``_recording_rows`` (forked processes inherit the patch)."""
    from impactclaim.dataset import export as export_module

    monkeypatch.setenv("IMPACTCLAIM_TEST_PIDS", str(record))
    if fail_on is not None:
        monkeypatch.setenv("IMPACTCLAIM_TEST_FAIL_ON", fail_on)
    monkeypatch.setattr(export_module, "exported_rows", _recording_rows)


def test_a_large_parquet_export_is_written_in_segments_that_read_as_one(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from impactclaim.checker import CheckOptions
    from impactclaim.dataset.export import export

    files = [str(path) for path in ALL_SAMPLES]
    whole, segmented, record = tmp_path / "whole", tmp_path / "segmented", tmp_path / "pids.txt"
    export(files, whole, "parquet", CheckOptions(), segments_from=len(files) + 1)
    _pid_recording(monkeypatch, record)
    advanced: list[object] = []
    summary = export(files, segmented, "parquet", CheckOptions(), segment_statements=3, segments_from=1,
                     advance=advanced.append)
    segments = math.ceil(len(files) / 3)
    # Each segment in a process of its own, never this one; progress and counts as without segments.
    pids = record.read_text().split()
    assert len(pids) == len(files) and len(set(pids)) == segments and str(os.getpid()) not in pids
    assert len(advanced) == len(files) and summary.statements == len(files)
    names = {path.name for path in (segmented / "statements").rglob("*.parquet")}
    assert names == {f"part-1-of-1.{segment:04d}.parquet" for segment in range(segments)}
    assert sorted(summary.files) == sorted(segmented.rglob("*.parquet"))
    for table in TABLES:  # the same rows, in the same order
        assert parquet_rows(segmented, table.name) == parquet_rows(whole, table.name), table.name
        # Only the first segment writes an empty file for a table it has no rows of (for the columns).
        for path in (segmented / table.name).rglob("*.parquet"):
            if not path.name.endswith(".0000.parquet"):
                assert arrow_dataset.dataset(path).count_rows() > 0, path
    # A run without segments into the same folder replaces the segments' files, and the other way round.
    export(files, segmented, "parquet", CheckOptions(), segments_from=len(files) + 1)
    assert {path.name for path in (segmented / "statements").rglob("*.parquet")} == {"part-1-of-1.parquet"}
    export(files, segmented, "parquet", CheckOptions(), segment_statements=3, segments_from=1)
    assert {path.name for path in (segmented / "statements").rglob("*.parquet")} == names


def test_a_failing_segment_leaves_no_files_of_the_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from impactclaim.checker import CheckOptions
    from impactclaim.dataset.export import export

    files = [str(path) for path in ALL_SAMPLES]
    _pid_recording(monkeypatch, tmp_path / "pids.txt", fail_on=files[7])  # in the third segment of three files
    output = tmp_path / "out"
    with pytest.raises(OSError) as raised:
        export(files, output, "parquet", CheckOptions(), segment_statements=3, segments_from=1)
    assert raised.value.errno == 28  # the segment's own error, raised here
    assert [path for path in output.rglob("*") if path.is_file()] == []


def test_a_segment_error_that_does_not_pickle_still_reaches_the_command(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from impactclaim.checker import CheckOptions
    from impactclaim.dataset import export as export_module

    class Odd(Exception):
        def __init__(self, first: str, second: str) -> None:  # unpickles with one argument: fails
            super().__init__(f"{first} {second}")

    def failing(path: str, options: CheckOptions) -> Any:
        raise Odd("cannot", "continue")

    monkeypatch.setattr(export_module, "exported_rows", failing)
    with pytest.raises(RuntimeError, match="Odd: cannot continue"):
        export_module.export([str(path) for path in ALL_SAMPLES], tmp_path / "out", "parquet", CheckOptions(),
                             segment_statements=5, segments_from=1)


def _running(pid: int) -> bool:
    """Whether ``pid`` still runs (a zombie, dead but not yet reaped, does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


def test_a_segment_process_that_dies_ends_the_export_with_its_workers(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import os
    import signal
    import time

    from impactclaim.checker import CheckOptions
    from impactclaim.dataset import writers
    from impactclaim.dataset.export import export

    record = tmp_path / "pids.txt"
    _pid_recording(monkeypatch, record)
    # Killed as the out-of-memory killer would: no exception, no last message. Its two workers still
    # hold the pipe open; the export must notice the death and not wait for ever.
    monkeypatch.setattr(writers.ParquetWriter, "add", lambda self, rows: os.kill(os.getpid(), signal.SIGKILL))

    def too_long(*_: object) -> None:
        raise TimeoutError("the export waited for a dead segment")

    previous = signal.signal(signal.SIGALRM, too_long)
    signal.alarm(120)
    try:
        with pytest.raises(RuntimeError, match="stopped unexpectedly"):
            export([str(path) for path in ALL_SAMPLES], tmp_path / "out", "parquet", CheckOptions(), jobs=2,
                   segment_statements=100, segments_from=1)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    workers = {int(pid) for pid in record.read_text().split()}
    assert len(workers) == 2 and os.getpid() not in workers  # the files were checked by two workers
    deadline = time.monotonic() + 10
    while any(_running(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in workers if _running(pid)], "the dead segment's workers were left running"
    assert [path for path in (tmp_path / "out").rglob("*") if path.is_file()] == []


def test_an_interrupted_segmented_export_leaves_no_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from impactclaim.checker import CheckOptions
    from impactclaim.dataset.export import export

    record = tmp_path / "pids.txt"
    _pid_recording(monkeypatch, record)
    seen: list[object] = []

    def interrupted(rows: object) -> None:  # Ctrl-C in the command, while the progress bar moves
        seen.append(rows)
        if len(seen) == 5:
            raise KeyboardInterrupt

    output = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt):
        export([str(path) for path in ALL_SAMPLES], output, "parquet", CheckOptions(), segment_statements=100,
               segments_from=1, advance=interrupted)
    (segment,) = {int(pid) for pid in record.read_text().split()}
    assert not _running(segment)
    assert [path for path in output.rglob("*") if path.is_file()] == []  # no table, no temporary file
