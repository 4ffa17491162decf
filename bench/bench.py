"""The benchmark suite: impactclaim against its peers, as ratios measured side by side in one run.

Run ``make bench`` (or ``.venv/bin/python bench/bench.py [--sizes 100,1000,10000] [--write]``).
It prints one markdown table per question and, with ``--write``, records them in
bench/RESULTS.md with the machine and the date:

1. validation of N generated statements: impactclaim (source maps and rules on) against
   check-jsonschema on the same files with the same schema, and against the floor, libyaml's C
   loader only parsing the same files; every contender is a fresh process, as a user runs it;
2. start-up of ``impactclaim validate one.yaml`` and ``impactclaim --version`` against
   check-jsonschema and yamllint on the same file;
3. render time per profile against WeasyPrint alone rendering the very same HTML, and a batch of
   profiles rendered with ``--jobs 2`` against ``--jobs 1``;
4. batch scaling with ``--jobs 1`` and ``--jobs 2`` and peak memory as N grows;
5. what Dutch messages cost: a batch checked with ``--lang nl`` against ``--lang en``;
6. render speed against the code as issue 11 found it (commit 6fc14fe, taken from git into a
   scratch folder and run with the same interpreter and libraries): one CLI render as a fresh
   process, a warm render (the second and later renders in one process, as the preview and a
   batch worker do them), and start-up;
7. ``export`` (issue 12) against ``validate`` on the same files, both ``--jobs 2``, and its peak
   memory as the batch grows;
8. ``portfolio`` over an exported dataset of 10,000 statements (a whole CLI run, HTML), and the
   portfolio's computation over 1,000,000 metric rows (the dataset's metrics repeated).

``--only`` runs some of them (``--only startup,language``); ``--write`` replaces this suite's
section of bench/RESULTS.md and keeps the others (the claim rules' section, earlier runs).
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SCHEMA = ROOT / "schemas" / "1.0" / "statement.schema.json"
# The 1.0 samples: check-jsonschema is given one schema, and they keep the runs comparable over time.
VALID = sorted(path for path in (ROOT / "samples" / "valid").glob("*.yaml")
               if 'schema_version: "1.0"' in path.read_text(encoding="utf-8"))
TIME = "/usr/bin/time"

Row = Sequence[object]


def table(headers: Sequence[str], rows: Sequence[Row]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def generate(folder: Path, count: int) -> list[Path]:
    """``count`` statements made from the valid samples; every tenth has a broken KvK number."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = [path.read_text(encoding="utf-8") for path in VALID]
    files = []
    for number in range(count):
        text = texts[number % len(texts)]
        kvk = f"{10_000_000 + number:08d}"
        text = text.replace('kvk_number: "', f'kvk_number: "{kvk}" # was "', 1)
        if number % 10 == 0:
            text = text.replace(f'kvk_number: "{kvk}"', f'kvk_number: "{kvk[:7]}"', 1)
        path = folder / f"region-{number % 12:02d}" / f"statement-{number:05d}.yaml"
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        files.append(path)
    return files


def run(command: Sequence[str], **kwargs: object) -> tuple[float, int, int]:
    """Wall seconds, peak resident memory in KiB (largest process of the tree) and exit code."""
    with tempfile.NamedTemporaryFile("r") as report:
        started = time.perf_counter()
        done = subprocess.run([TIME, "-q", "-o", report.name, "-f", "%M", *command], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, check=False, **kwargs)  # type: ignore[call-overload]
        elapsed = time.perf_counter() - started
        peak = int(report.read().strip().splitlines()[-1] or 0)
    return elapsed, peak, done.returncode


def best(command: Sequence[str], repeat: int, **kwargs: object) -> tuple[float, int]:
    results = [run(command, **kwargs) for _ in range(repeat)]
    return min(r[0] for r in results), max(r[1] for r in results)


def floor_command(list_file: Path) -> list[str]:
    code = ("import sys, yaml\n"
            "for name in open(sys.argv[1]).read().split():\n"
            "    with open(name, 'rb') as stream:\n"
            "        yaml.load(stream, Loader=yaml.CSafeLoader)\n")
    return [sys.executable, "-c", code, str(list_file)]


def validation(sizes: Sequence[int], work: Path) -> str:
    rows = []
    for size in sizes:
        folder = work / f"batch-{size}"
        files = generate(folder, size)
        list_file = work / f"files-{size}.txt"
        list_file.write_text("\n".join(str(f) for f in files))
        repeat = 3 if size <= 1000 else 1
        ours, _ = best([str(BIN / "impactclaim"), "validate", str(folder), "--jobs", "1", "--format", "json"], repeat)
        peer, _ = best([str(BIN / "check-jsonschema"), "--schemafile", str(SCHEMA), *map(str, files)], repeat)
        floor, _ = best(floor_command(list_file), repeat)
        rows.append((f"{size:,}", f"{ours:.2f} s", f"{ours / size * 1000:.2f}", f"{peer:.2f} s", f"{floor:.2f} s",
                     f"**{peer / ours:.1f}x** faster", f"**{ours / floor:.2f}x** the floor"))
    return ("### Validation (one process each, --jobs 1; 10% of the files have an error)\n\n"
            + table(["N", "impactclaim", "ms/file", "check-jsonschema", "libyaml parse only",
                     "impactclaim vs check-jsonschema", "impactclaim vs floor"], rows))


def startup(repeat: int) -> str:
    one = str(VALID[0])
    commands = {
        "impactclaim validate one.yaml": [str(BIN / "impactclaim"), "validate", one],
        "impactclaim --version": [str(BIN / "impactclaim"), "--version"],
        "check-jsonschema one.yaml": [str(BIN / "check-jsonschema"), "--schemafile", str(SCHEMA), one],
        "yamllint one.yaml": [str(BIN / "yamllint"), one],
        # The floors: what importing the libraries each tool is built on costs before it does anything.
        "impactclaim's libraries alone (import typer, yaml, jsonschema_rs)": [
            sys.executable, "-c", "import typer, yaml, jsonschema_rs"],
        "yamllint's libraries alone (import yaml, pathspec)": [sys.executable, "-c", "import yaml, pathspec"],
        "python -c pass (interpreter alone)": [sys.executable, "-c", "pass"],
    }
    # Interleaved (each round runs every command once), so a change in the machine's load hits all alike.
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, command in commands.items():
            samples[name].append(run(command)[0])
    timings = {name: statistics.median(values) for name, values in samples.items()}
    peer, lint = timings["check-jsonschema one.yaml"], timings["yamllint one.yaml"]
    rows = [(name, f"{seconds * 1000:.0f} ms", f"{seconds / peer:.2f}", f"{seconds / lint:.2f}")
            for name, seconds in timings.items()]
    ours = timings["impactclaim validate one.yaml"]
    libraries = timings["impactclaim's libraries alone (import typer, yaml, jsonschema_rs)"]
    return (f"### Start-up (median of {repeat} interleaved runs)\n\n"
            + table(["command", "wall time", "ratio to check-jsonschema", "ratio to yamllint"], rows)
            + f"\n\nTo start no slower than yamllint, impactclaim's own code (its modules, the statement read, "
              f"checked and reported) would have {(lint - libraries) * 1000:.0f} ms after its libraries are "
              f"imported; it takes {(ours - libraries) * 1000:.0f} ms.")


def render_scaling(repeat: int, work: Path) -> str:
    """A batch of PDF profiles (the samples, four times over) with --jobs 1 and --jobs 2."""
    folder = work / "render-batch"
    folder.mkdir(exist_ok=True)
    for copy in range(4):
        for path in sorted((ROOT / "samples" / "valid").glob("*.yaml")):
            shutil.copy(path, folder / f"{path.stem}-{copy}.yaml")
    files = sorted(folder.glob("*.yaml"))
    count = len(files)
    # The ceiling of --jobs 2 on this machine: the batch split in two halves of equal work, each rendered
    # by an independent --jobs 1 process, both started at once. Each pays the start-up, WeasyPrint's
    # import and the first render's set-up itself, as a worker does, and both share the machine as two
    # workers do; only the work of dividing the batch is left out.
    halves = [work / "render-half-1", work / "render-half-2"]
    for number, path in enumerate(files):
        halves[number % 2].mkdir(exist_ok=True)
        shutil.copy(path, halves[number % 2] / path.name)

    def render_command(source: Path, out: Path, jobs: int) -> list[str]:
        return [str(BIN / "impactclaim"), "render", str(source), "--out", str(out), "--format", "pdf",
                "--jobs", str(jobs)]

    def side_by_side() -> float:
        started = time.perf_counter()
        processes = [subprocess.Popen(render_command(half, work / f"out-{half.name}", 1), stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL) for half in halves]
        if any(process.wait() != 0 for process in processes):
            sys.exit("a half of the render batch failed")
        return time.perf_counter() - started

    measured: dict[str, float] = {name: float("inf") for name in ("1", "2", "halves")}
    for _ in range(repeat):  # interleaved, so a busy moment of the shared machine hits all three alike
        for jobs in (1, 2):
            measured[str(jobs)] = min(measured[str(jobs)], run(render_command(folder, work / f"out-{jobs}", jobs))[0])
        measured["halves"] = min(measured["halves"], side_by_side())
    one, two, halves_side_by_side = measured["1"], measured["2"], measured["halves"]
    return (f"### Rendering a batch of {count} PDF profiles (best of {repeat}, interleaved)\n\n"
            + table(["--jobs 1", "--jobs 2", "speed-up", "ceiling: two --jobs 1 on the halves, side by side",
                     "ceiling speed-up"],
                    [(f"{one:.2f} s", f"{two:.2f} s", f"**{one / two:.2f}x**", f"{halves_side_by_side:.2f} s",
                      f"**{one / halves_side_by_side:.2f}x**")]))


def language(size: int, work: Path, repeat: int) -> str:
    """Validation of one batch with Dutch messages against English ones, interleaved."""
    folder = work / f"batch-{size}"
    if not folder.exists():
        generate(folder, size)
    timings = {}
    for lang in ("en", "nl"):
        command = [str(BIN / "impactclaim"), "validate", "--no-config", "--jobs", "1", "--lang", lang,
                   "--format", "json", str(folder)]
        timings[lang] = best(command, repeat)[0]
    return (f"### Messages in Dutch ({size:,} statements, --jobs 1, best of {repeat})\n\n"
            + table(["--lang en", "--lang nl", "cost of Dutch"],
                    [(f"{timings['en']:.2f} s", f"{timings['nl']:.2f} s",
                      f"**{(timings['nl'] - timings['en']) / timings['en']:+.1%}**")]))


def rendering(repeat: int) -> str:
    import weasyprint

    from impactclaim.loader import load_path
    from impactclaim.profile.command import render_document
    from impactclaim.profile.pdf import PDF_OPTIONS, FetchLog, data_only_fetcher

    warnings.simplefilter("ignore", ResourceWarning)  # WeasyPrint 70 leaves its sRGB profile open

    def ours(path: Path, output_format: str) -> bytes:
        document = load_path(path)
        assert document.data is not None
        return render_document(document, output_format=output_format, language=str(document.data["language"]))

    def weasyprint_alone(html: str, source: bytes) -> bytes:
        attachment = weasyprint.Attachment(string=source, name="statement.yaml", relationship="Source")
        rendered = weasyprint.HTML(string=html, url_fetcher=data_only_fetcher(FetchLog())).render()
        pdf: bytes = rendered.write_pdf(attachments=[attachment], **PDF_OPTIONS)
        return pdf

    def fastest(action: Callable[[], object]) -> float:
        timings = []
        for _ in range(repeat):
            started = time.perf_counter()
            action()
            timings.append(time.perf_counter() - started)
        return min(timings)

    ours(VALID[0], "pdf")  # warm-up: imports, fonts, template caches
    rows = []
    for path in VALID:
        html = ours(path, "html").decode("utf-8")
        source = path.read_bytes()
        # Interleave the two so that a busy moment of the machine hits both alike.
        total = alone = float("inf")
        for _ in range(repeat):
            total = min(total, fastest(lambda path=path: ours(path, "pdf")))  # type: ignore[misc]
            alone = min(alone, fastest(lambda html=html, source=source: weasyprint_alone(html, source)))  # type: ignore[misc]
        rows.append((path.stem, f"{total:.3f} s", f"{alone:.3f} s", f"**{(total - alone) / alone:+.1%}**"))
    return (f"### Rendering a PDF profile (best of {repeat * repeat}, in one process)\n\n"
            + table(["sample", "impactclaim render", "WeasyPrint alone, same HTML", "overhead"], rows))


BEFORE_ISSUE_11 = "6fc14fe"


# Run in a fresh interpreter with PYTHONPATH set to one of the two trees: a CLI render to a PDF,
# then (warm) the same render again and again in that process, printing the fastest.
_RENDER_SCRIPT = """
import os, sys, time
import impactclaim
from impactclaim.cli import main
assert impactclaim.__file__.startswith(os.environ["PYTHONPATH"]), impactclaim.__file__
statement, output, repeat = sys.argv[1], sys.argv[2], int(sys.argv[3])
def render():
    sys.argv = ["impactclaim", "render", statement, "-o", output]
    try:
        main()
    except SystemExit as exit:
        assert exit.code == 0, exit.code
render()
best = float("inf")
for _ in range(repeat):
    started = time.perf_counter()
    render()
    best = min(best, time.perf_counter() - started)
if repeat:
    print(best)
"""
_STARTUP_SCRIPT = """
import os, sys
import impactclaim
from impactclaim.cli import main
assert impactclaim.__file__.startswith(os.environ["PYTHONPATH"]), impactclaim.__file__
sys.argv = ["impactclaim", "validate", sys.argv[1]]
main()
"""


def before_issue_11(repeat: int, work: Path) -> str:
    """One CLI render, a warm render and start-up: this checkout against commit 6fc14fe, interleaved."""
    old = work / "before-issue-11"
    old.mkdir()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", BEFORE_ISSUE_11, "impactclaim", "templates",
                              "schemas"], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(old)], input=archive, check=True)
    trees = {"before": old, "now": ROOT}
    # The six-page samples, as in the issue.
    samples = [ROOT / "samples" / "valid" / f"{name}.yaml" for name in ("fietsfabriek-utrecht",
                                                                        "zorgcooperatie-de-linde")]

    def environment(tree: Path) -> dict[str, str]:
        return {**os.environ, "PYTHONPATH": str(tree), "IMPACTCLAIM_LANG": "nl"}

    # Run from the scratch folder: from the checkout, ``python -c`` would import its impactclaim
    # for both trees (the scripts check which one they import).
    def timed(command: Sequence[str], tree: Path) -> float:
        elapsed, _, code = run(command, env=environment(tree), cwd=work)
        if code != 0:
            sys.exit(f"{' '.join(command[:2])} ... exited with {code} in {tree}")
        return elapsed

    rows = []
    for sample in samples:
        cli = {name: float("inf") for name in trees}
        warmed = {name: float("inf") for name in trees}
        for _ in range(repeat):
            for name, tree in trees.items():  # interleaved: a busy moment hits both alike
                output = work / f"{name}-{sample.stem}.pdf"
                cli[name] = min(cli[name], timed([sys.executable, "-c", _RENDER_SCRIPT, str(sample), str(output), "0"],
                                                 tree))
        for _ in range(2):
            for name, tree in trees.items():
                printed = subprocess.run([sys.executable, "-c", _RENDER_SCRIPT, str(sample),
                                          str(work / f"warm-{name}.pdf"), str(repeat * 2)],
                                         env=environment(tree), cwd=work, check=True, capture_output=True,
                                         text=True).stdout
                warmed[name] = min(warmed[name], float(printed.strip().splitlines()[-1]))
        rows.append((sample.stem, "one CLI render (fresh process)", f"{cli['before']:.2f} s", f"{cli['now']:.2f} s",
                     f"**{cli['now'] / cli['before']:.2f}x**"))
        rows.append((sample.stem, "warm render (same process)", f"{warmed['before']:.2f} s", f"{warmed['now']:.2f} s",
                     f"**{warmed['now'] / warmed['before']:.2f}x**"))
    started = {name: float("inf") for name in trees}
    for _ in range(max(repeat, 10)):
        for name, tree in trees.items():
            started[name] = min(started[name], timed([sys.executable, "-c", _STARTUP_SCRIPT, str(samples[0])], tree))
    rows.append((samples[0].stem, "start-up: validate one.yaml", f"{started['before'] * 1000:.0f} ms",
                 f"{started['now'] * 1000:.0f} ms", f"**{started['now'] / started['before']:.2f}x**"))
    return (f"### Against the code as issue 11 found it (commit {BEFORE_ISSUE_11}; CLI: best of {repeat} fresh "
            f"processes each; warm: best of 2 x {repeat * 2} renders in one process)\n\n"
            + table(["sample", "what", BEFORE_ISSUE_11, "now", "now / before"], rows))


def export_cost(sizes: Sequence[int], work: Path, repeat: int) -> str:
    """export -f parquet against validate on the same files (both --jobs 2), and peak memory."""
    rows = []
    for size in sizes:
        folder = work / f"batch-{size}"
        if not folder.exists():
            generate(folder, size)
        validate = [str(BIN / "impactclaim"), "validate", "--no-config", "--jobs", "2", "--format", "json", str(folder)]
        export = [str(BIN / "impactclaim"), "export", "--no-config", "--jobs", "2", "-o", str(work / f"dataset-{size}"),
                  str(folder)]
        timings = {"validate": (float("inf"), 0), "export": (float("inf"), 0)}
        for _ in range(repeat if size <= 1000 else 1):
            for name, command in (("validate", validate), ("export", export)):  # interleaved
                elapsed, peak, _ = run(command)
                timings[name] = (min(timings[name][0], elapsed), max(timings[name][1], peak))
        (checked, checked_peak), (exported, exported_peak) = timings["validate"], timings["export"]
        rows.append((f"{size:,}", f"{checked:.2f} s", f"{exported:.2f} s", f"**{exported / checked:.2f}x**",
                     f"{checked_peak / 1024:.0f} MiB", f"{exported_peak / 1024:.0f} MiB"))
    return ("### Export to Parquet against validation (--jobs 2; best of "
            f"{repeat} up to 1,000, one run above)\n\n"
            + table(["N", "validate", "export", "export / validate", "peak validate", "peak export"], rows))


def portfolio_cost(work: Path, repeat: int) -> str:
    """portfolio over the 10,000-statement dataset as a CLI run, and compute() over 1,000,000 metric rows."""
    import pyarrow as pa
    import pyarrow.dataset as arrow_dataset
    import pyarrow.parquet as pq

    dataset = work / "dataset-10000"
    if not dataset.exists():
        folder = work / "batch-10000"
        if not folder.exists():
            generate(folder, 10_000)
        subprocess.run([str(BIN / "impactclaim"), "export", "--jobs", "2", "-o", str(dataset), str(folder)],
                       check=True, stdout=subprocess.DEVNULL)
    rows = []
    command = [str(BIN / "impactclaim"), "portfolio", str(dataset), "-o", str(work / "portfolio.html")]
    rows.append(("portfolio of 10,000 statements (CLI, HTML)", f"{best(command, repeat)[0]:.2f} s", "3 s"))
    # A million metric rows: the dataset's own metrics, copied until there are that many, as more files.
    big = work / "dataset-million"
    if not big.exists():
        shutil.copytree(dataset, big)
        metrics = arrow_dataset.dataset(big / "metrics", format="parquet", partitioning="hive").to_table()
        copies = -(-1_000_000 // metrics.num_rows) - 1
        for copy in range(copies):
            for year in {row["reporting_year"] for row in metrics.select(["reporting_year"]).to_pylist()}:
                part = metrics.filter(pa.compute.equal(metrics["reporting_year"], year)).drop(["reporting_year"])
                pq.write_table(part, big / "metrics" / f"reporting_year={year}" / f"copy-{copy}.parquet")
        total = arrow_dataset.dataset(big / "metrics", format="parquet", partitioning="hive").count_rows()
    else:
        total = arrow_dataset.dataset(big / "metrics", format="parquet", partitioning="hive").count_rows()
    code = ("import sys, time; from pathlib import Path; from impactclaim.portfolio.compute import compute\n"
            "started = time.perf_counter(); compute(Path(sys.argv[1])); print(time.perf_counter() - started)")
    timings = [float(subprocess.run([sys.executable, "-c", code, str(big)], check=True, capture_output=True,
                                    text=True).stdout.strip()) for _ in range(repeat)]
    rows.append((f"portfolio computation over {total:,} metric rows (in process)", f"{min(timings):.2f} s", "2 s"))
    return (f"### Portfolio (best of {repeat})\n\n" + table(["what", "time", "target"], rows))


def site_run(command: Sequence[str]) -> tuple[float, int, str]:
    """Wall seconds and peak memory of one site build, and what it said it did; a failed build stops the bench."""
    with tempfile.NamedTemporaryFile("r") as report:
        started = time.perf_counter()
        done = subprocess.run([TIME, "-q", "-o", report.name, "-f", "%M", *command], capture_output=True, text=True,
                              check=False)
        elapsed = time.perf_counter() - started
        peak = int(report.read().strip().splitlines()[-1] or 0)
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    lines = done.stdout.splitlines()
    return elapsed, peak, lines[1] if len(lines) > 1 else done.stdout.strip()


def site_cost(sizes: Sequence[int], work: Path) -> str:
    """impactclaim site: a first build, a rebuild after one changed statement, and what a visitor downloads first."""
    rows = []
    said: list[str] = []
    for size in sizes:
        folder = work / f"batch-{size}"
        if not folder.exists():
            generate(folder, size)
        out = work / f"site-{size}"
        shutil.rmtree(out, ignore_errors=True)
        command = [str(BIN / "impactclaim"), "site", "--no-config", "--jobs", "2", "--out", str(out),
                   "--base-url", "https://example.org", str(folder)]
        first, first_peak, first_said = site_run(command)
        unchanged, _, unchanged_said = site_run(command)
        changed_file = sorted(folder.rglob("*.yaml"))[size // 2]
        changed_file.write_text(changed_file.read_text(encoding="utf-8").replace(
            "mission:", "# edited for the benchmark\nmission:", 1), encoding="utf-8")
        rebuilt, rebuilt_peak, rebuilt_said = site_run(command)
        said.append(f"- {size:,}: first build: {first_said}; nothing changed: {unchanged_said}; "
                    f"one changed: {rebuilt_said}")
        catalogue = (out / "nl" / "catalogue.js").stat().st_size
        first_page = sum((out / name).stat().st_size for name in
                         ("nl/index.html", "nl/catalogue.js", "assets/search.js", "assets/site.css"))
        shards = list((out / "search").glob("*.js"))
        largest = max(path.stat().st_size for path in shards)
        rows.append((f"{size:,}", f"{first:.1f} s", f"{unchanged:.2f} s", f"**{rebuilt:.2f} s**",
                     f"{catalogue / 1024:.0f} KiB", f"{first_page / 1024:.0f} KiB",
                     f"{len(shards)}, largest {largest / 1024:.0f} KiB",
                     f"{max(first_peak, rebuilt_peak) / 1024:.0f} MiB"))
    return ("### Static site (site --jobs 2, HTML only; targets: 10,000 under 600 s, rebuild after one change "
            "under 5 s at 1,000, first search download under 1 MB)\n\n"
            + table(["N", "first build", "rebuild, nothing changed", "rebuild, one statement changed",
                     "catalogue.js", "index page + catalogue + script + style", "word files", "peak RSS"], rows)
            + "\n\nWhat each build said it did:\n\n" + "\n".join(said))


def scaling(sizes: Sequence[int], work: Path) -> str:
    rows = []
    for size in sizes:
        folder = work / f"batch-{size}"
        if not folder.exists():
            generate(folder, size)
        measured = {}
        for jobs in (1, 2):
            command = [str(BIN / "impactclaim"), "validate", str(folder), "--jobs", str(jobs), "--format", "json"]
            measured[jobs] = best(command, 3 if size <= 1000 else 1)
        (one, peak_one), (two, peak_two) = measured[1], measured[2]
        rows.append((f"{size:,}", f"{one:.2f} s", f"{two:.2f} s", f"**{one / two:.2f}x**",
                     f"{peak_one / 1024:.0f} MiB", f"{peak_two / 1024:.0f} MiB"))
    return ("### Batch scaling and memory (peak RSS of the largest process)\n\n"
            + table(["N", "--jobs 1", "--jobs 2", "speed-up", "peak --jobs 1", "peak --jobs 2"], rows))


def machine() -> str:
    cpu = "unknown CPU"
    with open("/proc/cpuinfo", encoding="utf-8") as stream:
        for line in stream:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return (f"{datetime.date.today().isoformat()}, {os.cpu_count()} cores ({cpu}), Python "
            f"{platform.python_version()}, {platform.system()} {platform.release()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000", help="batch sizes, comma-separated")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--write", action="store_true", help="record the tables in bench/RESULTS.md")
    parser.add_argument("--only", default="validation,startup,rendering,scaling,language,before,export,portfolio,site",
                        help="the questions to answer, comma-separated")
    options = parser.parse_args()
    only = set(options.only.split(","))
    sizes = [int(size) for size in options.sizes.split(",")]
    if not Path(TIME).exists():
        sys.exit(f"{TIME} is missing: apt-get install time")
    # pip compiles a wheel's modules when it installs them, and check-jsonschema is measured that
    # way; the editable checkout is compiled here alike (PYTHONDONTWRITEBYTECODE would otherwise
    # make every impactclaim process compile all of its modules anew).
    import compileall

    compileall.compile_dir(ROOT / "impactclaim", quiet=1)
    work = Path(tempfile.mkdtemp(prefix="impactclaim-bench-"))
    try:
        questions: dict[str, Callable[[], str]] = {
            "validation": lambda: validation(sizes, work),
            "startup": lambda: startup(max(options.repeat, 10)),
            "rendering": lambda: rendering(options.repeat) + "\n\n" + render_scaling(options.repeat, work),
            "scaling": lambda: scaling([s for s in sizes if s >= 1000] or sizes, work),
            "language": lambda: language(1000, work, options.repeat),
            "before": lambda: before_issue_11(options.repeat, work),
            "export": lambda: export_cost([s for s in sizes if s >= 1000] or sizes, work, options.repeat),
            "portfolio": lambda: portfolio_cost(work, options.repeat),
            "site": lambda: site_cost([s for s in sizes if s >= 1000] or sizes, work),
        }
        sections = [f"Measured {machine()}.", *(answer() for name, answer in questions.items() if name in only)]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report = "\n\n".join(sections) + "\n"
    sys.stdout.write(report)
    if options.write:  # the site's figures have their own section, so a run of one question keeps the others
        record(report, SITE_HEADING if only == {"site"} else HEADING)


HEADING = "## Validation, start-up, rendering and languages (bench/bench.py)"
SITE_HEADING = "## Static site (issue 13; bench/bench.py --only site)"


def record(report: str, heading: str = HEADING) -> None:
    """Put ``report`` under this suite's heading in bench/RESULTS.md, replacing its previous run only."""
    path = ROOT / "bench" / "RESULTS.md"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n"
    section = f"{heading}\n\n{report.replace('### ', '#### ')}"
    if heading in text:
        start = text.index(heading)
        following = text.find("\n## ", start + len(heading))
        text = text[:start] + section + (text[following + 1:] if following >= 0 else "")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
