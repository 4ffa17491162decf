"""Running many statements: the one process pool, the batch loop and the one exit-code policy.

Both ``validate`` and ``render`` work through batches of files; the commands only parse their
arguments and call these, so parallelism, result order and exit codes are decided once.
"""

from __future__ import annotations

import collections
import enum
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from impactclaim.checker import CheckOptions, FileResult

Item = TypeVar("Item")
Result = TypeVar("Result")


class ExitCode(enum.IntEnum):
    """The same in every command and output format."""

    OK = 0  # every file valid (warnings allowed)
    FINDINGS = 1  # at least one error, or a warning under --strict
    USAGE = 2  # a usage error, or a file that could not be processed at all


def exit_code_for(failed: int, broken: int = 0) -> ExitCode:
    """The exit code of a run: files that could not be processed at all outrank files with findings."""
    if broken:
        return ExitCode.USAGE
    return ExitCode.FINDINGS if failed else ExitCode.OK


def default_jobs() -> int:
    """The cores this process may use (respects CPU affinity, e.g. in containers)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def parallel_map(function: Callable[[Item], Result], items: Sequence[Item], jobs: int, *,
                 min_per_worker: int = 1, warm_up: Callable[[], None] | None = None) -> Iterator[Result]:
    """``function`` over ``items``, in the order of ``items``, in up to ``jobs`` worker processes.

    Starting a worker costs more than a few small items, so a batch with fewer than
    ``min_per_worker`` items per worker stays in this process. ``warm_up`` runs once before the
    workers are forked, so they inherit what it builds (compiled validators) ready-made.
    """
    workers = min(jobs, len(items) // max(1, min_per_worker))
    if workers <= 1:
        yield from map(function, items)
        return
    from concurrent.futures import ProcessPoolExecutor

    if warm_up is not None:
        warm_up()
    # Chunks amortise the cost of sending work to the workers; small enough to keep both busy. Only a
    # few chunks are in flight at a time (pool.map would hand out the whole batch at once): when the
    # consumer is slower than the workers (an export writing its tables), finished results would
    # otherwise pile up, and memory would grow with the batch.
    chunk = max(1, min(16, len(items) // (workers * 8)))
    ahead = workers * 4
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending: collections.deque[Any] = collections.deque()
        for start in range(0, len(items), chunk):
            pending.append(pool.submit(_apply, function, items[start:start + chunk]))
            if len(pending) >= ahead:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def _apply(function: Callable[[Item], Result], items: Sequence[Item]) -> list[Result]:
    """One chunk, in a worker."""
    return [function(item) for item in items]


@dataclass(slots=True)
class Summary:
    """Counts over a whole run, and the exit code they make."""

    files: int = 0
    passed: int = 0
    errors: int = 0
    warnings: int = 0

    @property
    def failed(self) -> int:
        return self.files - self.passed

    def add(self, result: FileResult, strict: bool) -> None:
        self.files += 1
        self.passed += result.passes(strict)
        self.errors += result.errors
        self.warnings += result.warnings

    @property
    def exit_code(self) -> ExitCode:
        return exit_code_for(self.failed)


def validate_batch(files: Sequence[str], options: CheckOptions, jobs: int,
                   consumers: Iterable[Callable[[FileResult], None]]) -> Summary:
    """Check ``files`` and hand each result, in the order of ``files``, to every consumer.

    Consumers are the reporter, the batch report and the progress bar; results are streamed, so
    memory stays flat however large the batch. Raises ConfigError or UnknownCodeError for a bad
    setting in a file's configuration.
    """
    from impactclaim.checker import check_paths

    summary = Summary()
    sinks = list(consumers)
    for result in check_paths(files, options, jobs=jobs):
        summary.add(result, options.strict)
        for sink in sinks:
            sink(result)
    return summary
