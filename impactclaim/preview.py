"""``impactclaim preview``: a statement's HTML profile in the browser, re-rendered on every save.

A small server from the standard library (``http.server``), bound to 127.0.0.1 only, that serves
exactly two things: the profile page at ``/`` and a stream of Server-Sent Events at
:data:`EVENTS_PATH` that tells the page when a new version is ready, so it reloads itself. Every
other path is 404, every method other than GET and HEAD is refused, and a request that names
another host than 127.0.0.1 or localhost is refused too (a web page cannot reach the preview
through DNS rebinding). Nothing of the disk is served: the page is made in memory from the
statement, as ``impactclaim render --draft`` makes it.

The statement's folder is watched with ``watchfiles`` (imported only here, when the command
runs); a save of the statement re-renders the page. A statement with errors is shown as a draft,
a file that cannot be read at all as its loader's finding, and every finding stands at the top
of the page, with its line, column, code, message and hint, until it is fixed.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
import secrets
import socketserver
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from impactclaim import i18n
from impactclaim.findings import Finding, Severity, printable
from impactclaim.i18n import _, ngettext

HOST = "127.0.0.1"  # loopback only; deliberately not an option
PAGE_PATH = "/"
EVENTS_PATH = "/__impactclaim__/events"
KEEPALIVE_SECONDS = 15.0  # a comment on the event stream this often finds a closed tab and ends its thread
_HEAD_BYTES = 65536  # enough to find the statement's "language:" line

# The page's one script: it knows its version and reloads when the server announces another one.
# It is constant, so the Content-Security-Policy allows exactly it by its hash.
RELOAD_SCRIPT = (
    '(function () {\n'
    '  var known = document.currentScript.getAttribute("data-version");\n'
    f'  var events = new EventSource("{EVENTS_PATH}");\n'
    '  events.onmessage = function (event) {\n'
    '    if (event.data !== known) { events.close(); window.location.reload(); }\n'
    '  };\n'
    '})();'
)
_SCRIPT_HASH = base64.b64encode(hashlib.sha256(RELOAD_SCRIPT.encode("utf-8")).digest()).decode("ascii")
# Nothing may load from anywhere but the page itself: its inline styles (the profile's and the
# preview's), its one script, fonts and images from data: URIs, and the event stream.
CONTENT_SECURITY_POLICY = "; ".join((
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    f"script-src 'sha256-{_SCRIPT_HASH}'",
    "img-src data:",
    "font-src data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
))
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cache-Control": "no-store",
}

_STYLE = """<style>
.ic-preview { position: relative; z-index: 20; margin: 0; padding: 0.9rem 1.25rem; font: 15px/1.45 system-ui,
  sans-serif; color: #1d1d1b; background: #fff8e6; border-bottom: 3px solid #b42318; }
.ic-preview.ic-preview-clean { background: #edf7ee; border-bottom-color: #1f7a35; }
.ic-preview-title { margin: 0; font-weight: 600; }
.ic-preview-summary { margin: 0.2rem 0 0; }
.ic-preview-findings { margin: 0.6rem 0 0; padding: 0; list-style: none; }
.ic-preview-findings li { margin: 0.35rem 0 0; padding: 0.4rem 0.6rem; background: #fff; border-left: 4px solid
  #b42318; }
.ic-preview-findings li.ic-preview-warning { border-left-color: #8a5a00; }
.ic-preview-where { font-weight: 600; }
.ic-preview-code { font-family: ui-monospace, monospace; }
.ic-preview-hint { display: block; color: #464646; }
</style>
"""


@dataclass(frozen=True, slots=True)
class Page:
    """The page as served: its HTML (with the version in it) and the version."""

    content: bytes
    version: str
    summary: str  # for the terminal: "1 error, 0 warnings", or what went wrong


class Preview:
    """The statement's current page, re-made on demand, and the version that changes with it."""

    def __init__(self, statement: str, language: str | None = None) -> None:
        self.statement = statement
        self.language = language  # the profile's and the messages' language; None: configured, else the statement's
        self.closed = threading.Event()
        self._changed = threading.Condition()
        self._token = secrets.token_hex(4)  # a restarted server has new versions, so open tabs reload
        self._count = 0
        self._made: Made | None = None  # the last page without its version
        self._page = Page(b"", "", "")

    @property
    def page(self) -> Page:
        with self._changed:
            return self._page

    def refresh(self) -> bool:
        """Render the statement again; True when the page changed (and its version with it)."""
        made = make_page(self.statement, self.language)
        with self._changed:
            if made == self._made:
                return False
            self._made = made
            self._count += 1
            version = f"{self._token}-{self._count}"
            content = (made.before + _script(version) + made.after).encode("utf-8")
            self._page = Page(content, version, made.summary)
            self._changed.notify_all()
            return True

    def wait_for_change(self, known: str, timeout: float) -> str:
        """The version once it is no longer ``known``, or the current one after ``timeout`` seconds."""
        with self._changed:
            self._changed.wait_for(lambda: self._page.version != known or self.closed.is_set(), timeout)
            return self._page.version

    def close(self) -> None:
        self.closed.set()
        with self._changed:
            self._changed.notify_all()


@dataclass(frozen=True, slots=True)
class Made:
    """A page as made from the statement: the HTML before and after the place of the reload script."""

    before: str
    after: str
    summary: str  # for the terminal


def make_page(statement: str, language: str | None) -> Made:
    """The preview page of ``statement``, without its reload script, and a summary for the terminal."""
    from impactclaim.catalogue import UnknownCodeError
    from impactclaim.config import ConfigError
    from impactclaim.profile.command import UsageError, render_bytes
    from impactclaim.profile.html import RenderError

    name = Path(statement).name
    messages = language or i18n.configured() or i18n.statement_language(_head(statement))
    with i18n.using(messages):
        try:
            rendered = render_bytes(statement, output_format="html", language=language)
            if rendered.content is None and rendered.readable:  # errors: shown as a draft, as render --draft does
                rendered = render_bytes(statement, output_format="html", language=language, draft=True)
        except (ConfigError, UnknownCodeError, UsageError, RenderError) as error:
            reason = str(error)
        except Exception as error:  # a preview keeps running; what went wrong is shown on the page
            reason = f"{type(error).__name__}: {error}"
        else:
            counts = _counts(rendered.findings)
            if rendered.content is not None:
                box = findings_box(name, rendered.findings)
                return _into_profile(rendered.content.decode("utf-8"), box, counts)
            note = (_("The file cannot be read, so there is no profile to show. Fix it and save: this page "
                      "follows by itself.") if not rendered.readable else "")
            return _standalone(name, findings_box(name, rendered.findings, note), counts)
        box = findings_box(name, [], _("The profile could not be made: {reason}").format(reason=reason))
        return _standalone(name, box, _("not rendered: {reason}").format(reason=reason))


def _head(path: str) -> bytes:
    try:
        with open(path, "rb") as file:
            return file.read(_HEAD_BYTES)
    except OSError:
        return b""


def _counts(findings: Sequence[Finding]) -> str:
    from impactclaim.reporters.base import errors, warnings

    found = sum(1 for finding in findings if finding.severity is Severity.ERROR)
    return f"{errors(found)}, {warnings(len(findings) - found)}"


def _text(value: str) -> str:
    """Text from the statement or a message, safe between tags and in attributes."""
    return html.escape(printable(value), quote=True)


def findings_box(name: str, findings: Sequence[Finding], note: str = "") -> str:
    """The box at the top of the page: what is being previewed and every finding, escaped."""
    title = _("Preview of {name}").format(name=name)
    if note:
        summary = note
    elif findings:
        summary = _("{counts}. Fix what is listed here and save: this page follows by itself.").format(
            counts=_counts(findings))
    else:
        summary = _("No problems found. This page follows every save of the statement.")
    items = []
    for finding in findings:
        severity = ngettext("error", "errors", 1) if finding.is_error else ngettext("warning", "warnings", 1)
        where = _("Line {line}, column {column}").format(line=finding.line, column=finding.column)
        hint = _text(_("Hint: {hint}").format(hint=finding.hint)) if finding.hint else ""
        if hint:
            hint = f'<span class="ic-preview-hint">{hint}</span>'
        items.append(f'<li class="ic-preview-{finding.severity.value}"><span class="ic-preview-where">{_text(where)}'
                     f'</span> · <span class="ic-preview-code">{_text(severity)} {_text(finding.code)}</span>: '
                     f'<span class="ic-preview-message">{_text(finding.message)}</span>{hint}</li>')
    listing = f'<ul class="ic-preview-findings">{"".join(items)}</ul>' if items else ""
    state = "" if findings or note else " ic-preview-clean"
    return (f'<section class="ic-preview{state}" lang="{i18n.current()}" aria-labelledby="ic-preview-title">'
            f'<p class="ic-preview-title" id="ic-preview-title">{_text(title)}</p>'
            f'<p class="ic-preview-summary">{_text(summary)}</p>{listing}</section>\n')


def _script(version: str) -> str:
    return f'<script data-version="{html.escape(version)}">{RELOAD_SCRIPT}</script>\n'


_BODY = re.compile(r"<body\b[^>]*>", re.IGNORECASE)


def _into_profile(profile: str, box: str, summary: str) -> Made:
    """The profile with the preview's style in its head, the box at the top of its body and the script at the end."""
    head_end = profile.find("</head>")
    if head_end >= 0:
        profile = profile[:head_end] + _STYLE + profile[head_end:]
    body = _BODY.search(profile)
    at = body.end() if body else 0
    profile = profile[:at] + "\n" + box + profile[at:]
    end = profile.rfind("</body>")
    if end < 0:
        return Made(profile, "", summary)
    return Made(profile[:end], profile[end:], summary)


def _standalone(name: str, box: str, summary: str) -> Made:
    """A page of its own, for a statement that gives no profile."""
    title = _text(_("Preview of {name}").format(name=name))
    before = (f'<!DOCTYPE html>\n<html lang="{i18n.current()}">\n<head>\n<meta charset="utf-8">\n'
              f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{title}</title>\n'
              f'{_STYLE}<style>body {{ margin: 0; }}</style>\n</head>\n<body>\n<main>\n{box}</main>\n')
    return Made(before, "</body>\n</html>\n", summary)


class PreviewHandler(BaseHTTPRequestHandler):
    """Serves the page and its event stream; everything else is 404, every other method 405."""

    server: PreviewServer
    def version_string(self) -> str:
        return "impactclaim-preview"  # no Python version in the Server header

    def do_GET(self) -> None:
        self._answer(body=True)

    def do_HEAD(self) -> None:
        self._answer(body=False)

    def _refuse_method(self) -> None:
        self._plain(HTTPStatus.METHOD_NOT_ALLOWED, "Only GET and HEAD are allowed.\n", {"Allow": "GET, HEAD"})

    do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_TRACE = do_CONNECT = _refuse_method

    def _answer(self, body: bool) -> None:
        if not self._host_allowed():
            self._plain(HTTPStatus.FORBIDDEN, "Unknown host.\n", body=body)
        elif self.path == PAGE_PATH:
            page = self.server.preview.page
            self._send(HTTPStatus.OK, "text/html; charset=utf-8", page.content, body=body)
        elif self.path == EVENTS_PATH:
            self._events(body)
        else:  # exactly two paths exist: no file, folder, favicon or encoded variant of either is served
            self._plain(HTTPStatus.NOT_FOUND, "Not found.\n", body=body)

    def _host_allowed(self) -> bool:
        """The Host header names this server (a page elsewhere that rebinds its own name to 127.0.0.1 does not)."""
        port = self.server.server_address[1]
        return self.headers.get("Host", "") in (f"{HOST}:{port}", f"localhost:{port}")

    def _events(self, body: bool) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.end_headers()
        if not body:
            return
        preview = self.server.preview
        version = preview.page.version
        try:
            self._write(f"retry: 1000\ndata: {version}\n\n")
            while not preview.closed.is_set():
                latest = preview.wait_for_change(version, KEEPALIVE_SECONDS)
                if preview.closed.is_set():
                    break
                self._write(f"data: {latest}\n\n" if latest != version else ": keep-alive\n\n")
                version = latest
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
            pass  # the tab was closed or reloaded

    def _write(self, text: str) -> None:
        self.wfile.write(text.encode("utf-8"))
        self.wfile.flush()

    def _plain(self, status: HTTPStatus, text: str, extra: dict[str, str] | None = None, body: bool = True) -> None:
        self._send(status, "text/plain; charset=utf-8", text.encode("utf-8"), extra, body)

    def _send(self, status: HTTPStatus, content_type: str, content: bytes, extra: dict[str, str] | None = None,
              body: bool = True) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(content)))
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if body:
            self.wfile.write(content)

    def end_headers(self) -> None:
        for name, value in SECURITY_HEADERS.items():  # on every response, errors of the base class too
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass  # no line per request: the terminal shows what changed, not what was fetched


class PreviewServer(ThreadingHTTPServer):
    """The HTTP server of one preview, on 127.0.0.1 only."""

    daemon_threads = True  # an open event stream never keeps the process alive after Ctrl-C

    def __init__(self, preview: Preview, port: int = 0) -> None:
        self.preview = preview
        super().__init__((HOST, port), PreviewHandler)

    def server_bind(self) -> None:
        # HTTPServer.server_bind looks the host's name up (getfqdn); a preview needs no name.
        socketserver.TCPServer.server_bind(self)
        self.server_name = HOST
        self.server_port = self.server_address[1]

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.server_address[1]}/"


def watch(preview: Preview, on_change: Callable[[Page], None], on_error: Callable[[str], None],
          ready: threading.Event) -> None:
    """Re-render on every save of the statement until the preview is closed (run in a thread).

    The statement's folder is watched rather than the file, because editors save by writing a
    new file and renaming it over the old one, and a file that is missing now may be created.
    ``ready`` is set once the watch is in place; a save before that is caught by one more render.
    """
    from watchfiles import watch as watch_changes

    target = Path(preview.statement).absolute()

    def is_statement(_change: object, path: str) -> bool:
        return Path(path).name == target.name

    problem = ""
    for polling in (False, True):  # notify where it works, else polling (network and some container file systems)
        try:
            for changes in watch_changes(target.parent, watch_filter=is_statement, stop_event=preview.closed,
                                         recursive=False, step=50, debounce=400, force_polling=polling,
                                         poll_delay_ms=250, rust_timeout=250, yield_on_timeout=True,
                                         raise_interrupt=False):
                if (changes or not ready.is_set()) and preview.refresh():
                    on_change(preview.page)
                ready.set()
            return
        except (OSError, RuntimeError) as error:  # watchfiles reports a watch it cannot set up as either
            problem = str(error)
            if preview.closed.is_set():
                return
    ready.set()
    on_error(problem)


READY_SECONDS = 5.0  # how long start() waits for the watch to be in place before it goes on without


def start(statement: str, port: int, language: str | None, on_change: Callable[[Page], None],
          on_error: Callable[[str], None]) -> PreviewServer:
    """Bind the server, render the page and watch the statement; the caller serves (serve_forever) and stops.

    Raises OSError when the port cannot be bound (in use, or not allowed), before anything else happens.
    """
    preview = Preview(statement, language)
    server = PreviewServer(preview, port)
    try:
        preview.refresh()
        ready = threading.Event()
        threading.Thread(target=watch, args=(preview, on_change, on_error, ready), name="impactclaim-preview-watch",
                         daemon=True).start()
        ready.wait(READY_SECONDS)
    except BaseException:
        stop(server)
        raise
    return server


def stop(server: PreviewServer) -> None:
    """Close the event streams, the watch and the listening socket."""
    server.preview.close()
    server.server_close()
