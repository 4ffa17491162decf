"""The render and extract commands as plain functions: options in, a file and an outcome out.

The CLI only parses arguments, calls these and prints the outcome; nothing here prints or
exits, so tests and other programs can call them directly.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from impactclaim import __version__
from impactclaim.codes import NO_EMBEDDED_STATEMENT, UNREADABLE_PDF
from impactclaim.findings import Finding, Severity
from impactclaim.loader import Document, LoadLimits, load_path
from impactclaim.profile.labels import LANGUAGES
from impactclaim.profile.safety import Logo, check_render_safety
from impactclaim.run import ExitCode, exit_code_for
from impactclaim.statement import Statement, read_statement

if TYPE_CHECKING:
    from impactclaim.checker import CheckOptions

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = ExitCode.OK, ExitCode.FINDINGS, ExitCode.USAGE

FORMATS = ("html", "pdf")
_SUFFIX_FORMATS = {".html": "html", ".htm": "html", ".pdf": "pdf"}


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """Everything that changes a rendered profile; shared by the API and the CLI."""

    statement: str
    output: str | None = None
    format: str | None = None
    language: str | None = None
    draft: bool = False
    template_dir: str | None = None
    source_date_epoch: str | None = None
    limits: LoadLimits = field(default_factory=LoadLimits)


@dataclass(slots=True)
class CommandOutcome:
    """What a command did: its exit code, the findings to show, the file written or the error."""

    exit_code: int
    findings: list[Finding] = field(default_factory=list)
    output: Path | None = None
    error: str = ""
    unreadable: bool = False  # the statement file could not be loaded at all: not even a draft is possible


class UsageError(ValueError):
    """The options contradict each other or name something that does not exist."""


def choose_format(requested: str | None, output: str | None) -> str:
    """The output format: as requested, else from the output's suffix, else HTML."""
    suffix_format = _SUFFIX_FORMATS.get(Path(output).suffix.lower()) if output else None
    if requested is not None:
        if requested not in FORMATS:
            raise UsageError(f"unknown format {requested!r}; choose one of: {', '.join(FORMATS)}")
        if suffix_format is not None and suffix_format != requested:
            raise UsageError(f"the output {output!r} does not end in .{requested} but --format is {requested}")
        return requested
    return suffix_format or "html"


def check_output_name(target: Path, output: str | None) -> None:
    """Refuse to write a profile under a name that promises another kind of file (``-o profile.docx``)."""
    if target.suffix.lower() in _SUFFIX_FORMATS:
        return
    wrong = f"ends in {target.suffix}" if target.suffix else "has no suffix"
    raise UsageError(f"cannot write the output {output or str(target)!r}: it {wrong}; a profile file must end in "
                     f"{' or '.join('.' + f for f in FORMATS)} (or -o names an existing folder)")


def choose_language(requested: str | None, statement: Statement | None = None) -> str:
    """The profile language: as requested, else the statement's, else English."""
    if requested is not None:
        if requested not in LANGUAGES:
            raise UsageError(f"unknown language {requested!r}; choose one of: {', '.join(LANGUAGES)}")
        return requested
    language = statement.language if statement is not None else None
    return language if language in LANGUAGES else "en"


def render_document(document: Document, *, output_format: str, language: str, draft: bool = False,
                    findings: list[Finding] | None = None, logo: Logo | None = None,
                    template_dir: str | None = None, source_date_epoch: str | None = None,
                    statement: Statement | None = None) -> bytes:
    """The rendered profile of a loaded document, as bytes (UTF-8 HTML or PDF).

    The caller decides whether the document may be rendered; ``findings`` are shown in a
    draft; ``statement`` is the document's typed statement when the caller has read it already.
    Raises :class:`impactclaim.profile.html.RenderError` for a broken theme.
    """
    from impactclaim.profile.html import Theme, render_html
    from impactclaim.profile.model import ProfileInputs, build_profile, document_date

    assert document.data is not None
    if statement is None:
        statement = read_statement(document.data)
    theme = Theme.from_path(template_dir) if template_dir else None
    inputs = ProfileInputs(language=language, tool_version=__version__,
                           date=document_date(statement, source_date_epoch), draft=draft,
                           findings=tuple(findings or ()), logo=logo)
    profile = build_profile(statement, inputs)
    html = render_html(profile, theme)
    if output_format == "html":
        return html.encode("utf-8")
    from impactclaim.profile.pdf import render_pdf

    return render_pdf(html, profile, document.raw)


@dataclass(frozen=True, slots=True)
class Rendered:
    """A profile in memory: its bytes (None when the statement may not be rendered) and the findings."""

    content: bytes | None
    findings: list[Finding]
    language: str
    readable: bool = True  # False when the file could not be loaded at all, so not even a draft is possible


def _check_theme(template_dir: str | None) -> None:
    if template_dir is not None and not Path(template_dir).is_dir():
        raise UsageError(f"the template folder {template_dir!r} does not exist or is not a folder")


def render_bytes(path: str, *, output_format: str = "html", language: str | None = None, draft: bool = False,
                 template_dir: str | None = None, source_date_epoch: str | None = None,
                 limits: LoadLimits | None = None, check: CheckOptions | None = None) -> Rendered:
    """Load, check and render one statement file into memory; nothing is written.

    The statement's findings and the renderer's own (IC2xx) are checked together, so the
    configuration, ``--ignore`` and silence comments apply to both. A statement with errors is
    rendered only as a draft. ``check`` chooses the codes as ``validate`` does (select, ignore,
    configuration); its limits are ``limits``. Raises UsageError for a bad format, language or
    theme, and :class:`impactclaim.profile.html.RenderError` for a broken theme.
    """
    from impactclaim.checker import CheckOptions, check_document
    from impactclaim.profile.model import sparse_profile_findings

    if output_format not in FORMATS:
        raise UsageError(f"unknown format {output_format!r}; choose one of: {', '.join(FORMATS)}")
    if language is not None:
        choose_language(language)
    _check_theme(template_dir)
    limits = limits or LoadLimits()
    document = load_path(path, limits)
    if document.data is None:
        return Rendered(None, sorted(document.findings, key=Finding.sort_key), language or "", readable=False)
    statement = read_statement(document.data)  # once, for the logo, the rules and the profile
    safety = check_render_safety(document, statement)
    options = dataclasses.replace(check or CheckOptions(), limits=limits)
    extra = safety.findings + sparse_profile_findings(document, statement)
    findings = check_document(document, options, extra=extra, extra_stage="render", statement=statement)
    if any(finding.severity is Severity.ERROR for finding in findings) and not draft:
        return Rendered(None, findings, language or "")
    chosen = choose_language(language, statement)
    content = render_document(document, output_format=output_format, language=chosen, draft=draft,
                              findings=findings, logo=safety.logo, template_dir=template_dir,
                              source_date_epoch=source_date_epoch, statement=statement)
    return Rendered(content, findings, chosen)


def render_statement(options: RenderOptions) -> CommandOutcome:
    """Load, check and render one statement file, then write the profile atomically."""
    from impactclaim.catalogue import UnknownCodeError
    from impactclaim.config import ConfigError
    from impactclaim.profile.html import RenderError
    from impactclaim.profile.output import OutputError, atomic_write, resolve_output

    try:
        output_format = choose_format(options.format, options.output)
        if options.language is not None:
            choose_language(options.language)
        _check_theme(options.template_dir)
        target = resolve_output(options.statement, options.output, f".{output_format}")
        check_output_name(target, options.output)
    except (UsageError, OutputError) as error:
        return CommandOutcome(EXIT_USAGE, error=str(error))
    try:
        rendered = render_bytes(options.statement, output_format=output_format, language=options.language,
                                draft=options.draft, template_dir=options.template_dir,
                                source_date_epoch=options.source_date_epoch, limits=options.limits)
    except (ConfigError, UnknownCodeError) as error:
        return CommandOutcome(EXIT_USAGE, error=str(error))
    except RenderError as error:
        return CommandOutcome(EXIT_USAGE, error=str(error))
    if rendered.content is None:
        return CommandOutcome(EXIT_FINDINGS, rendered.findings, unreadable=not rendered.readable)
    try:
        atomic_write(target, rendered.content)
    except OSError as error:
        return CommandOutcome(EXIT_USAGE, rendered.findings, error=str(error))
    return CommandOutcome(EXIT_OK, rendered.findings, target)


def extract_statement(pdf_path: str, output: str | None = None, force: bool = False) -> CommandOutcome:
    """Write the statement embedded in a profile PDF to ``output`` (default: beside it, .yaml)."""
    from impactclaim.embedded import ExtractError, statement_bytes_from_pdf
    from impactclaim.profile.output import OutputError, atomic_write, resolve_output

    try:
        target = resolve_output(pdf_path, output, ".yaml")
    except OutputError as error:
        return CommandOutcome(EXIT_USAGE, error=str(error))
    if target.exists() and not force:
        return CommandOutcome(EXIT_USAGE, error=f"{str(target)!r} already exists; use --force to overwrite it")
    try:
        content = statement_bytes_from_pdf(pdf_path)
    except FileNotFoundError:
        return CommandOutcome(EXIT_USAGE, error=f"{pdf_path!r}: no such file")
    except ExtractError as error:
        return CommandOutcome(EXIT_FINDINGS, [_file_finding(pdf_path, UNREADABLE_PDF.code, str(error))])
    if content is None:
        return CommandOutcome(EXIT_FINDINGS, [_file_finding(
            pdf_path, NO_EMBEDDED_STATEMENT.code, "the PDF carries no embedded impact statement",
            "only profiles rendered by 'impactclaim render --format pdf' carry their statement")])
    try:
        atomic_write(target, content)
    except OSError as error:
        return CommandOutcome(EXIT_USAGE, error=f"cannot write {str(target)!r}: {error.strerror or error}")
    return CommandOutcome(EXIT_OK, output=target)


def _file_finding(path: str, code: str, message: str, hint: str = "") -> Finding:
    return Finding(os.fspath(path), 1, 1, "", code, Severity.ERROR, message, hint)


@dataclass(frozen=True, slots=True)
class BatchJob:
    """One profile of a batch: which statement, in which format, to which file."""

    statement: str
    format: str
    target: Path


def plan_batch(statements: list[str], out_dir: Path, formats: tuple[str, ...]) -> list[BatchJob]:
    """Stable, collision-free output names: the statements' folder tree mirrored under ``out_dir``.

    ``a/b/x.yaml`` becomes ``OUT/a/b/x.pdf`` (relative to the folder all statements share). Two
    statements that differ only in their suffix (``x.yaml`` and ``x.yml``) keep it in the name
    (``x.yaml.pdf``, ``x.yml.pdf``), so no profile overwrites another.
    """
    absolute = [os.path.abspath(path) for path in statements]
    base = os.path.commonpath([os.path.dirname(path) for path in absolute]) if absolute else ""
    stems: dict[str, int] = {}
    for path in absolute:
        stem = os.path.splitext(os.path.relpath(path, base))[0]
        stems[stem] = stems.get(stem, 0) + 1
    jobs = []
    for original, path in zip(statements, absolute, strict=True):
        relative = os.path.relpath(path, base)
        stem = os.path.splitext(relative)[0]
        name = relative if stems[stem] > 1 else stem
        for output_format in formats:
            jobs.append(BatchJob(original, output_format, out_dir / f"{name}.{output_format}"))
    return jobs


@dataclass(slots=True)
class BatchOutcome:
    """What a batch did: the files written, the statements skipped for their errors, those that failed."""

    statements: int
    rendered: list[Path] = field(default_factory=list)
    done: int = 0  # statements with at least one profile written
    skipped: dict[str, list[Finding]] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)

    @property
    def exit_code(self) -> ExitCode:
        return exit_code_for(len(self.skipped), broken=len(self.failed))


def _warm_up(formats: tuple[str, ...]) -> None:
    """Import the renderer before the workers are forked, so that each inherits it.

    WeasyPrint's import takes a fifth of a second; forked before it, every worker paid it again.
    """
    from impactclaim.checker import warm_up as warm_up_checker

    warm_up_checker()
    if "pdf" in formats:
        from impactclaim.profile.pdf import import_weasyprint

        import_weasyprint()


def render_batch(statements: list[str], out_dir: Path, formats: tuple[str, ...], options: RenderOptions,
                 jobs: int) -> BatchOutcome:
    """Render every statement in every format; an invalid or broken one is skipped with its reasons.

    Raises UsageError for an unknown format or an output that is a file.
    """
    from functools import partial

    from impactclaim.run import parallel_map

    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise UsageError(f"unknown format {unknown[0]!r}; choose from: {', '.join(FORMATS)}")
    if out_dir.exists() and not out_dir.is_dir():
        raise UsageError(f"{str(out_dir)!r} is a file; a batch needs an output folder")
    batch = plan_batch(statements, out_dir, formats)
    outcomes = list(parallel_map(partial(render_job, options=options), batch, jobs,
                                 warm_up=partial(_warm_up, formats)))
    result = BatchOutcome(len(statements))
    for job, outcome in zip(batch, outcomes, strict=True):
        if outcome.output is not None:
            result.rendered.append(outcome.output)
        elif outcome.error:
            result.failed.setdefault(job.statement, outcome.error)
        else:
            result.skipped.setdefault(job.statement, outcome.findings)
    result.done = len({job.statement for job, outcome in zip(batch, outcomes, strict=True) if outcome.output})
    return result


def render_job(job: BatchJob, options: RenderOptions) -> CommandOutcome:
    """Render one job of a batch; whatever goes wrong is an outcome, so the batch goes on."""
    try:
        job.target.parent.mkdir(parents=True, exist_ok=True)
        return render_statement(RenderOptions(
            statement=job.statement, output=str(job.target), format=job.format, language=options.language,
            draft=options.draft, template_dir=options.template_dir, source_date_epoch=options.source_date_epoch,
            limits=options.limits))
    except Exception as error:  # one broken file must not stop the other profiles
        return CommandOutcome(EXIT_USAGE, error=f"{job.statement}: {type(error).__name__}: {error}")
