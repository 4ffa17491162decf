"""Build the static directory site: check every statement, render what changed, write the shared pages.

A rebuild is incremental. The cache (``SITE/.impactclaim/cache.pickle``) holds each file's record
by the sha256 of its bytes, and the key of every page written: a page is rendered again only when
something it shows changed (its statement, another period of the same enterprise, the site's
options or the tool itself). Pages of statements that left the batch are removed, so nothing on the
site is stale. Shared pages (index, regions, feeds) are cheap and rewritten only when their bytes
differ, so a static host sees only real changes.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import pickle
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from impactclaim import __version__, i18n
from impactclaim.atomic import atomic_write
from impactclaim.site.records import Record, make_record

CACHE_FOLDER = ".impactclaim"
CACHE_FILE = "cache.pickle"
CACHE_FORMAT = 1


class SiteError(Exception):
    """The site cannot be built for a reason outside the statements (output folder, options)."""


@dataclass(frozen=True)
class SiteOptions:
    """What a build is asked for; everything that changes a page is part of its key."""

    title: str | None  # None: "Impact enterprises" in each language of the site
    languages: tuple[str, ...]
    base_url: str | None = None
    pdf: bool = False
    jobs: int = 1
    check: Any = None  # CheckOptions
    source_date_epoch: str | None = None

    def title_in(self, language: str) -> str:
        """The site's name on a page in ``language``."""
        if self.title:
            return self.title
        with i18n.using(language):
            return i18n._("Impact enterprises")

    @property
    def signature(self) -> str:
        return json.dumps([self.title, self.languages, self.base_url, self.pdf, self.source_date_epoch])


@dataclass
class BuildSummary:
    """What a build did, for the command's report and the tests."""

    statuses: dict[str, int] = field(default_factory=dict)
    enterprises: int = 0
    analysed: int = 0  # files checked anew
    reused: int = 0  # files whose record came from the cache
    unchanged: int = 0  # pages whose key had not changed
    removed: int = 0
    notes: list[str] = field(default_factory=list)
    written_paths: list[str] = field(default_factory=list)  # files written or rewritten

    @property
    def written(self) -> int:
        return len(self.written_paths)


@dataclass(frozen=True)
class Entry:
    """One statement's place on the site: its enterprise's folder and its page there."""

    record: Record
    slug: str
    stem: str  # "index" for the enterprise's current statement, else its period end

    @property
    def folder(self) -> str:
        return f"e/{self.slug}"

    def page(self, language: str) -> str:
        return f"{language}/{self.folder}/{self.stem}.html"


@dataclass(frozen=True)
class Enterprise:
    slug: str
    entries: tuple[Entry, ...]  # the current statement first

    @property
    def current(self) -> Record:
        return self.entries[0].record


@dataclass(frozen=True)
class PageJob:
    """Everything a worker needs to render one statement's pages, and the keys to record for them."""

    entry: Entry
    history: tuple[tuple[str, str, str, bool], ...]  # (stem, period, status, is this one)
    options: SiteOptions
    province_name: str | None
    municipality_href: str | None
    out: str
    outputs: tuple[tuple[str, str], ...]  # (relative path, key)


def fingerprint() -> str:
    """The tool's part of every page key: its version and the bytes of every template, style and script."""
    from impactclaim.resources import resource_dir

    digest = hashlib.sha256(__version__.encode())
    for folder in (resource_dir("templates"), resource_dir("site") / "templates", resource_dir("site") / "assets",
                   Path(i18n.LOCALE_DIR)):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix in (".html", ".j2", ".css", ".js", ".mo"):
                digest.update(path.name.encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def check_key(files: Sequence[str], options: SiteOptions) -> str:
    """What decides a file's findings besides its bytes: the tool, the languages, the options, the configurations.

    When it changes (a rule ignored in impactclaim.toml, another language), every file is checked again.
    """
    from impactclaim.config import config_for_directory

    configurations: set[str] = set()
    if options.check is not None and options.check.use_config:
        for directory in {Path(path).resolve().parent for path in files}:
            configurations.add(repr(config_for_directory(directory)))
    return _key(fingerprint(), options.languages, repr(options.check), sorted(configurations))


def _key(*parts: object) -> str:
    return hashlib.sha256(json.dumps(parts, default=str).encode()).hexdigest()[:32]


# --- the cache ----------------------------------------------------------------------------------

@dataclass
class Cache:
    """What the last build made: each file's record, each output's key, when each file last changed."""

    records: dict[str, Record] = field(default_factory=dict)  # by source path
    outputs: dict[str, str] = field(default_factory=dict)  # relative path -> key
    changed: dict[str, str] = field(default_factory=dict)  # source path -> when its content last changed
    checked_with: str = ""  # the check_key the records were made with
    format: int = CACHE_FORMAT
    version: str = __version__

    @classmethod
    def load(cls, out: Path) -> Cache:
        """The cache in ``out``; an empty one when there is none, or it is of another format or version."""
        path = out / CACHE_FOLDER / CACHE_FILE
        try:
            with open(path, "rb") as stream:
                stored = pickle.load(stream)  # only ever our own cache: the site folder is what this tool writes
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
            return cls()
        if not isinstance(stored, cls) or stored.format != CACHE_FORMAT or stored.version != __version__:
            return cls()
        return stored

    def save(self, out: Path) -> None:
        folder = out / CACHE_FOLDER
        folder.mkdir(parents=True, exist_ok=True)
        atomic_write(folder / CACHE_FILE, pickle.dumps(self, protocol=pickle.HIGHEST_PROTOCOL))


# --- grouping -----------------------------------------------------------------------------------

def _period_order(record: Record) -> tuple[str, str, str]:
    return (record.period_end or "", record.published or "", record.path)


def enterprises_of(records: Iterable[Record]) -> list[Enterprise]:
    """Statements grouped by enterprise (KvK number), newest period first; sorted by name.

    The current statement of an enterprise is its newest valid one, else its newest one.
    """
    groups: dict[str, list[Record]] = defaultdict(list)
    for record in records:
        groups[record.enterprise_slug].append(record)
    enterprises = []
    for slug, members in groups.items():
        members.sort(key=_period_order, reverse=True)
        current = next((record for record in members if record.status == "valid"), members[0])
        ordered = [current] + [record for record in members if record is not current]
        entries, used = [], set()
        for index, record in enumerate(ordered):
            stem = "index" if index == 0 else (record.period_end or "undated")
            stem = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in stem)
            base, number = stem, 2
            while stem in used:
                stem, number = f"{base}-{number}", number + 1
            used.add(stem)
            entries.append(Entry(record, slug, stem))
        enterprises.append(Enterprise(slug, tuple(entries)))
    enterprises.sort(key=lambda enterprise: (_sort_name(enterprise.current), enterprise.slug))
    return enterprises


def _sort_name(record: Record) -> str:
    return (record.name or Path(record.path).name).casefold()


def display_name(record: Record) -> str:
    return record.name or Path(record.path).name


# --- the build ----------------------------------------------------------------------------------

def _digest(path: str) -> str | None:
    try:
        with open(path, "rb") as stream:
            return hashlib.file_digest(stream, "sha256").hexdigest()
    except OSError:
        return None


def build_site(files: Sequence[str], out: Path, options: SiteOptions,
               advance: Callable[[object], None] = lambda _: None) -> BuildSummary:
    """Build (or bring up to date) the site in ``out`` from ``files``."""
    from impactclaim.checker import warm_up
    from impactclaim.run import parallel_map

    if out.exists() and not out.is_dir():
        raise SiteError(f"{out} exists and is not a folder")
    out.mkdir(parents=True, exist_ok=True)
    summary = BuildSummary()
    cache = Cache.load(out)
    now = _now(options)
    checked_with = check_key(files, options)
    if cache.checked_with != checked_with:
        cache.records = {}  # other settings may give other findings: every file is checked again
    cache.checked_with = checked_with

    # 1. A record per file: from the cache when the bytes are the same, else checked anew.
    records: dict[str, Record] = {}
    stale = []
    for path in files:
        cached = cache.records.get(path)
        if cached is not None and cached.digest == _digest(path):
            records[path] = cached
        else:
            stale.append(path)
    for record in parallel_map(partial(make_record, options=options.check, languages=options.languages), stale,
                               options.jobs, min_per_worker=8,
                               warm_up=warm_up):
        records[record.path] = record
        if cache.records.get(record.path) is None or cache.records[record.path].digest != record.digest:
            cache.changed[record.path] = now
        advance(record)
    summary.analysed, summary.reused = len(stale), len(files) - len(stale)
    ordered = [records[path] for path in files]
    for record in ordered:
        summary.statuses[record.status] = summary.statuses.get(record.status, 0) + 1
    cache.records = records
    cache.changed = {path: cache.changed.get(path, now) for path in files}

    enterprises = enterprises_of(ordered)
    summary.enterprises = len(enterprises)
    site_key = _key(checked_with, options.signature)
    written: dict[str, str] = {}  # every output of this build, with its key

    # 2. The statements' own pages, rendered only where their key changed.
    jobs = []
    from impactclaim.portfolio.regions import region_map

    province_names = {region.code: region.name for region in region_map("province").regions}
    for enterprise in enterprises:
        history = tuple((entry.stem, entry.record.period_label, entry.record.status, False)
                        for entry in enterprise.entries)
        for entry in enterprise.entries:
            record = entry.record
            own = tuple((stem, period, status, stem == entry.stem) for stem, period, status, _ in history)
            key = _key(site_key, record.path, record.digest, own, display_name(record))
            outputs = [entry.page(language) for language in options.languages]
            outputs.append(f"{entry.folder}/{entry.stem}.yaml")
            if options.pdf and record.status != "unreadable":
                outputs.append(f"{entry.folder}/{entry.stem}.pdf")
            if all(cache.outputs.get(output) == key and (out / output).is_file() for output in outputs):
                summary.unchanged += len(outputs)
                written.update({output: key for output in outputs})
                continue
            jobs.append(PageJob(entry, own, options, province_names.get(record.province_code or ""),
                                f"municipality/{record.municipality_code}.html" if record.municipality_code else None,
                                str(out), tuple((output, key) for output in outputs)))
    for done in parallel_map(render_pages, jobs, options.jobs, min_per_worker=4):
        for output, key in done:
            written[output] = key
            summary.written_paths.append(output)

    # 3. The shared pages: index, search, regions, open data, status, feeds.
    from impactclaim.site.shared import write_shared

    shared = write_shared(out, enterprises, ordered, options, cache, now, province_names)
    for output, changed in shared.items():
        written[output] = ""
        if changed:
            summary.written_paths.append(output)
    if not options.base_url:
        summary.notes.append(i18n._("sitemap.xml and the Atom feed need full addresses: give --base-url to write them"))

    # 4. Whatever an earlier build wrote and this one did not: gone, so nothing on the site is stale.
    for output in sorted(set(cache.outputs) - set(written)):
        target = out / output
        if target.is_file():
            target.unlink()
            summary.removed += 1
    _remove_empty_folders(out / "e", *(out / language / "e" for language in options.languages))
    cache.outputs = written
    cache.save(out)
    return summary


def _now(options: SiteOptions) -> str:
    """The build's time (UTC, ISO 8601): SOURCE_DATE_EPOCH when set, so a build can be reproduced."""
    epoch = options.source_date_epoch
    moment = (datetime.datetime.fromtimestamp(int(epoch), datetime.UTC) if epoch and epoch.strip().isdigit()
              else datetime.datetime.now(datetime.UTC))
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _remove_empty_folders(*roots: Path) -> None:
    for root in roots:
        if not root.is_dir():
            continue
        for folder in sorted((path for path in root.rglob("*") if path.is_dir()), reverse=True):
            if not any(folder.iterdir()):
                folder.rmdir()


def write_if_changed(path: Path, content: bytes) -> bool:
    """Write ``content`` atomically unless the file holds it already; whether it wrote."""
    try:
        if path.stat().st_size == len(content) and path.read_bytes() == content:
            return False
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, content)
    return True


# --- a statement's pages, in a worker -----------------------------------------------------------

def render_pages(job: PageJob) -> list[tuple[str, str]]:
    """Render and write one statement's pages in every language, its source and (with --pdf) its PDF."""
    from markupsafe import Markup

    from impactclaim.loader import LoadLimits, load_path
    from impactclaim.profile.labels import Labels
    from impactclaim.profile.model import ProfileInputs, build_profile, document_date
    from impactclaim.profile.safety import check_render_safety
    from impactclaim.site.pages import PageInfo, organisation_json_ld, render
    from impactclaim.statement.read import read_statement

    entry, options, out = job.entry, job.options, Path(job.out)
    record = entry.record
    limits = options.check.limits if options.check is not None else LoadLimits()
    document = load_path(record.path, limits)
    source_lines = document.raw.decode("utf-8", errors="replace").splitlines()
    statement = read_statement(document.data) if document.data is not None else None
    logo = check_render_safety(document, statement).logo if statement is not None else None
    keys = dict(job.outputs)
    done = []
    for language in options.languages:
        relative = entry.page(language)
        with i18n.using(language):
            page = PageInfo(language, relative, display_name(record), options.title_in(language), options.languages,
                            options.base_url, noindex=not record.indexable, description=record.mission[:300])
            profile = None
            if statement is not None:
                inputs = ProfileInputs(language=language, tool_version=__version__,
                                       date=document_date(statement, options.source_date_epoch),
                                       draft=record.status != "valid", findings=(), logo=logo)
                profile = build_profile(statement, inputs)
            context = {
                "record": record, "findings": record.findings_in(language), "entry": entry, "history": job.history,
                "source_lines": source_lines,
                "json_ld": organisation_json_ld(record, job.province_name, page.canonical),
                "province_name": job.province_name, "municipality_href": job.municipality_href,
                "pdf": options.pdf and record.status != "unreadable",
            }
            if profile is not None:
                html = render("enterprise.html.j2", page, profile=profile, t=Labels(language),
                              stylesheet=Markup(""), **context)
            else:
                html = render("unreadable.html.j2", page, **context)
        write_if_changed(out / relative, html.encode("utf-8"))
        done.append((relative, keys[relative]))
    source = f"{entry.folder}/{entry.stem}.yaml"
    write_if_changed(out / source, document.raw)
    done.append((source, keys[source]))
    pdf = f"{entry.folder}/{entry.stem}.pdf"
    if pdf in keys and statement is not None:
        from impactclaim.profile.command import choose_language, render_document

        content = render_document(document, output_format="pdf", language=choose_language(None, statement),
                                  draft=record.status != "valid", logo=logo,
                                  source_date_epoch=options.source_date_epoch, statement=statement)
        write_if_changed(out / pdf, content)
        done.append((pdf, keys[pdf]))
    return done
