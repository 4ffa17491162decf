"""``impactclaim preview``: the real command in a subprocess, its page in a real headless Chromium.

The server is the CLI as a user starts it, on a free port; the page is opened in Debian's
Chromium through playwright (as in tests/test_browser.py, never a browser download). Each test
edits the statement file as an editor would and waits, with a timeout of a few seconds, until
the page shows the change by itself. The security tests speak raw HTTP, so that a path reaches
the server exactly as written (no client normalises ``/../`` away), and read the kernel's table
of listening sockets to see that the server listens on 127.0.0.1 only. They never connect to a
non-loopback address of the machine: this test suite sends traffic to loopback only.
"""

from __future__ import annotations

import http.client
import os
import queue
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, expect

from impactclaim import preview
from tests.conftest import ROOT, SAMPLES
from tests.test_browser import AXE_SCRIPT, blocking

KVK_SAMPLE = SAMPLES / "invalid" / "kvk-number-too-short" / "statement.yaml"  # IC021 at line 6, column 15
UNREADABLE_SAMPLE = SAMPLES / "invalid" / "bad-indentation" / "statement.yaml"  # IC004 at line 6, column 4
STARTED = re.compile(r"^Preview of (?P<path>.+) at (?P<url>http://127\.0\.0\.1:(?P<port>\d+)/) — press Ctrl-C to stop$")
WAIT_MS = 5_000  # everything is local: a change that has not shown after this will not show
START_SECONDS = 30.0  # the first start imports and renders; a bound, not a wait
# The CLI as installed, with Python's own Ctrl-C handling restored: a shell that starts a job in
# the background without job control (as CI may start the test run) makes its children ignore SIGINT.
LAUNCHER = ("import signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
            "from impactclaim.cli import main; sys.argv[0] = 'impactclaim'; main()")


@dataclass
class Server:
    """One running ``impactclaim preview``."""

    process: subprocess.Popen[str]
    statement: Path
    url: str
    port: int

    def stop(self) -> tuple[int, str, str]:
        """Ctrl-C, as a user stops it: the exit code, the rest of stdout and stderr."""
        self.process.send_signal(signal.SIGINT)
        out, err = self.process.communicate(timeout=10)
        return self.process.returncode, out, err


Starter = Callable[..., Server]


def _spawn(statement: Path, *options: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", LAUNCHER, "preview", str(statement), *options], cwd=statement.parent,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
                            env={**os.environ, "NO_COLOR": "1"})


@pytest.fixture
def start(tmp_path: Path) -> Iterator[Starter]:
    """Starts previews of statements in tmp_path and ends whatever is still running afterwards."""
    started: list[Server] = []

    def launch(statement: Path, *options: str) -> Server:
        process = _spawn(statement, *options)
        first: queue.Queue[str] = queue.Queue()

        def read_first_line() -> None:  # byte by byte, so that communicate() later gets all the rest
            assert process.stdout is not None
            line = b""
            while not line.endswith(b"\n") and (byte := os.read(process.stdout.fileno(), 1)):
                line += byte
            first.put(line.decode("utf-8").rstrip("\n"))

        threading.Thread(target=read_first_line, daemon=True).start()
        try:
            line = first.get(timeout=START_SECONDS)
        except queue.Empty:
            process.kill()
            pytest.fail(f"the preview did not start: {process.communicate(timeout=10)}")
        found = STARTED.match(line)
        assert found, (line, process.communicate(timeout=10) if not line else "")
        server = Server(process, statement, found["url"], int(found["port"]))
        started.append(server)
        return server

    yield launch
    for server in started:
        if server.process.poll() is None:
            server.process.kill()
            server.process.communicate(timeout=10)


@pytest.fixture
def statement(tmp_path: Path) -> Path:
    target = tmp_path / "statement.yaml"
    shutil.copyfile(KVK_SAMPLE, target)
    return target


def save(path: Path, text: str) -> None:
    """Save as editors do: a new file renamed over the old one."""
    temporary = path.with_name(f".{path.name}.saving")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


@dataclass
class Tab:
    page: Page
    requests: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)


@pytest.fixture
def open_tab(browser: Browser) -> Iterator[Callable[[str], Tab]]:
    context = browser.new_context()
    context.set_default_timeout(WAIT_MS)

    def open_url(url: str) -> Tab:
        tab = Tab(context.new_page())
        tab.page.on("request", lambda request: tab.requests.append(request.url))
        tab.page.on("console", lambda message: _log(tab, message))
        tab.page.on("pageerror", lambda error: tab.console.append(f"uncaught: {error}"))
        tab.page.on("dialog", lambda dialog: tab.console.append(f"dialog: {dialog.message}"))
        tab.page.goto(url, wait_until="load")
        return tab

    yield open_url
    context.close()


def _log(tab: Tab, message: ConsoleMessage) -> None:
    if message.type in ("error", "warning"):
        tab.console.append(f"console.{message.type}: {message.text}")


def only_its_own(tab: Tab, server: Server) -> list[str]:
    """Requests of the page for anything but the page and its event stream."""
    allowed = {server.url, server.url.rstrip("/") + preview.EVENTS_PATH}
    return [url for url in tab.requests if url not in allowed]


# --- the page: profile, findings, and following every save ---------------------------------------

def test_the_page_shows_the_profile_and_its_findings_and_follows_every_save(
        start: Starter, statement: Path, open_tab: Callable[[str], Tab]) -> None:
    server = start(statement)
    tab = open_tab(server.url)
    page = tab.page
    expect(page.locator("h1")).to_contain_text("Buurtbakkerij Het Zuurdesem")
    box = page.locator("section.ic-preview")
    expect(box).to_be_visible()
    assert box.evaluate("e => e === document.body.firstElementChild"), "the findings box is not at the top"
    finding = box.locator("li", has_text="IC021")
    expect(finding).to_contain_text("Line 6, column 15")
    expect(finding).to_contain_text("'9021537' does not have the expected form")
    expect(finding).to_contain_text("Hint: The 8-digit registration number")
    expect(page.locator(".draft-notice")).to_be_visible()  # errors: shown as a draft

    page.evaluate("window.notReloaded = true")
    save(statement, statement.read_text(encoding="utf-8").replace('"9021537"', '"90215378"'))
    expect(box.locator("li", has_text="IC021")).to_have_count(0, timeout=WAIT_MS)  # fixed: gone by itself
    expect(page.locator(".draft-notice")).to_have_count(0)
    assert page.evaluate("window.notReloaded") is None, "the page changed without reloading"

    save(statement, statement.read_text(encoding="utf-8").replace("Het Zuurdesem", "De Korenaar"))
    expect(page.locator("h1")).to_contain_text("Buurtbakkerij De Korenaar", timeout=WAIT_MS)

    assert only_its_own(tab, server) == [], "the page asked for something besides itself"
    assert tab.console == [], "the console was not silent (a Content-Security-Policy refusal shows here):\n" + \
        "\n".join(tab.console)
    code, out, err = server.stop()
    assert code == 0 and err == ""
    assert "statement.yaml changed (0 errors, 1 warning); the page reloads." in out


def test_a_file_that_cannot_be_read_shows_its_finding_until_it_can(
        start: Starter, tmp_path: Path, open_tab: Callable[[str], Tab]) -> None:
    statement = tmp_path / "statement.yaml"
    shutil.copyfile(UNREADABLE_SAMPLE, statement)
    server = start(statement)
    page = open_tab(server.url).page
    box = page.locator("section.ic-preview")
    expect(box).to_contain_text("The file cannot be read, so there is no profile to show.")
    expect(box.locator("li", has_text="IC004")).to_contain_text("Line 6, column 4")
    expect(page.locator("main.profile")).to_have_count(0)

    save(statement, KVK_SAMPLE.read_text(encoding="utf-8"))
    expect(page.locator("main.profile h1")).to_contain_text("Buurtbakkerij Het Zuurdesem", timeout=WAIT_MS)
    expect(box.locator("li", has_text="IC021")).to_have_count(1)


def test_the_statement_is_shown_as_text_never_as_markup(
        start: Starter, statement: Path, open_tab: Callable[[str], Tab]) -> None:
    hostile = statement.read_text(encoding="utf-8").replace(
        "name: Buurtbakkerij Het Zuurdesem", "name: '<img src=x onerror=\"alert(1)\">Bakkerij <b>Vet</b>'").replace(
        '"9021537"', '"<script>alert(2)</script>"')
    save(statement, hostile)
    server = start(statement)
    tab = open_tab(server.url)
    page = tab.page
    box = page.locator("section.ic-preview")
    expect(box.locator("li", has_text="IC021")).to_contain_text("'<script>alert(2)</script>'")
    expect(page.locator("h1")).to_contain_text('<img src=x onerror="alert(1)">Bakkerij <b>Vet</b>')
    assert page.locator("img[src=x], h1 b, section.ic-preview script").count() == 0
    page.wait_for_timeout(100)  # an onerror handler would have run by now
    assert tab.console == [] and only_its_own(tab, server) == []


def test_the_findings_are_in_the_chosen_language(statement: Path) -> None:
    made = preview.make_page(str(statement), "nl")
    page, summary = made.before + made.after, made.summary
    assert 'lang="nl"' in page and "Regel 6, kolom 15" in page and "Voorvertoning van statement.yaml" in page
    assert "&#x27;9021537&#x27; heeft niet de verwachte vorm" in page and "Tip: Het inschrijvingsnummer" in page
    assert summary == "1 fout, 1 waarschuwing"
    english = preview.make_page(str(statement), "en").before
    assert "Line 6, column 15" in english and "does not have the expected form" in english
    made = preview.make_page(str(SAMPLES / "valid" / "fietsfabriek-utrecht.yaml"), "en")
    valid, summary = made.before + made.after, made.summary
    assert "No problems found." in valid and 'class="ic-preview ic-preview-clean"' in valid
    assert '<ul class="ic-preview-findings">' not in valid and 'class="draft"' not in valid
    assert summary == "0 errors, 0 warnings"


def test_the_preview_page_passes_axe(start: Starter, statement: Path, browser: Browser) -> None:
    # axe is injected as an inline script, which the page's own policy rightly refuses: this one
    # context bypasses the policy, and the other tests show that the page runs under it.
    server = start(statement)
    context = browser.new_context(bypass_csp=True)
    try:
        page = context.new_page()
        page.goto(server.url, wait_until="load")
        page.add_script_tag(content=AXE_SCRIPT.read_text(encoding="utf-8"))
        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    finally:
        context.close()
    assert blocking(result["violations"]) == []


# --- what is served, and to whom -----------------------------------------------------------------

def request(server: Server, method: str, target: str, host: str | None = None) -> http.client.HTTPResponse:
    """One request with ``target`` sent exactly as written."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    connection.putrequest(method, target, skip_host=True, skip_accept_encoding=True)
    connection.putheader("Host", host or f"127.0.0.1:{server.port}")
    connection.endheaders()
    response = connection.getresponse()
    response.read()
    connection.close()
    return response


def test_only_the_page_and_its_event_stream_are_served(start: Starter, statement: Path) -> None:
    server = start(statement)
    page = request(server, "GET", "/")
    assert page.status == 200 and page.getheader("Content-Type") == "text/html; charset=utf-8"
    policy = page.getheader("Content-Security-Policy") or ""
    assert "default-src 'none'" in policy and "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    assert page.getheader("X-Content-Type-Options") == "nosniff" and page.getheader("Cache-Control") == "no-store"
    assert request(server, "GET", "/", host=f"localhost:{server.port}").status == 200
    assert request(server, "HEAD", "/").status == 200
    assert request(server, "HEAD", preview.EVENTS_PATH).getheader("Content-Type") == "text/event-stream; charset=utf-8"

    for target in ["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd", "/statement.yaml",
                   "/favicon.ico", "/etc/passwd", str(statement), f"/{statement}", "//etc/passwd", "/?", "/index.html",
                   f"http://127.0.0.1:{server.port}/etc/passwd", preview.EVENTS_PATH + "/..", "/__impactclaim__/"]:
        answer = request(server, "GET", target)
        assert answer.status == 404, target
        assert answer.getheader("Content-Security-Policy"), target  # the headers are on every answer

    for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"]:
        refused = request(server, method, "/")
        assert refused.status == 405 and refused.getheader("Allow") == "GET, HEAD", method
    assert request(server, "BREW", "/").status == 501
    # A page elsewhere whose name was made to point at 127.0.0.1 (DNS rebinding) sends its own name.
    assert request(server, "GET", "/", host=f"attacker.example:{server.port}").status == 403
    assert request(server, "GET", "/", host="127.0.0.1").status == 403  # another port is another origin
    code, _, err = server.stop()
    assert code == 0 and err == ""


def _listening(port: int) -> list[str]:
    """The local addresses of every socket listening on ``port``, from the kernel's own tables."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not Path(table).exists():
            continue
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.rsplit(":", 1)
            if int(hex_port, 16) == port and state == "0A":  # 0A: LISTEN
                found.append(address)
    return found


def test_the_server_listens_on_loopback_only(start: Starter, statement: Path) -> None:
    server = start(statement)
    assert _listening(server.port) == ["0100007F"]  # 127.0.0.1, little-endian; not 0.0.0.0, not ::
    with pytest.raises(OSError), socket.create_connection(("::1", server.port), timeout=2):
        pass
    in_process = preview.PreviewServer(preview.Preview(str(statement)))
    try:
        assert in_process.server_address[0] == "127.0.0.1" and in_process.url.startswith("http://127.0.0.1:")
    finally:
        in_process.server_close()


# --- starting and stopping -------------------------------------------------------------------------

def test_ctrl_c_stops_cleanly(start: Starter, statement: Path) -> None:
    server = start(statement)
    events = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    events.request("GET", preview.EVENTS_PATH)  # an open tab's event stream must not hold the server up
    assert events.getresponse().status == 200
    code, out, err = server.stop()
    events.close()
    assert code == 0
    assert err == "" and "Traceback" not in out
    assert out.strip() == "Preview stopped."


def test_a_port_in_use_is_a_usage_error(statement: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        process = _spawn(statement, "--port", str(port))
        out, err = process.communicate(timeout=START_SECONDS)
    assert process.returncode == 2, (out, err)
    assert err == f"impactclaim: error: port {port} is in use; choose another with --port, or leave --port out to " \
                  "use a free one\n"
    assert out == ""


def test_bad_arguments_are_usage_errors(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("preview", str(tmp_path / "missing" / "statement.yaml"))
    assert result.exit_code == 2 and "does not exist" in result.stderr
    result = cli("preview", str(KVK_SAMPLE.relative_to(ROOT)), "--port", "70000")
    assert result.exit_code == 2 and "must be a port number" in result.stderr
    result = cli("preview", str(KVK_SAMPLE.relative_to(ROOT)), "--lang", "fr")
    assert result.exit_code == 2 and "--lang must be en or nl" in result.stderr
