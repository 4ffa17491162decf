"""The profile as a hybrid PDF/A-3b: the rendered HTML, tagged, with the source YAML attached.

Like Factur-X does for invoices, the machine-readable statement travels inside the
human-readable profile: embedded byte for byte as ``impactclaim-statement.yaml`` with MIME type
``application/yaml`` and the PDF/A-3 relationship ``Source``. The bytes are reproducible: every
date comes from the statement (or SOURCE_DATE_EPOCH), the file identifier is a hash of the
content, and nothing random is written.

WeasyPrint only ever sees ``data:`` URIs: its URL fetcher refuses every other URL, so a profile
can neither reach the network nor read a local file, whatever the HTML says.
"""

from __future__ import annotations

import base64
import datetime
import logging
import re
import sys
import urllib.parse
import warnings
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from impactclaim.profile.html import RenderError
from impactclaim.profile.labels import Labels
from impactclaim.profile.model import Profile

ATTACHMENT_NAME = "impactclaim-statement.yaml"
ATTACHMENT_MIME_TYPE = "application/yaml"
PDF_VARIANT = "pdf/a-3b"

# The options passed to WeasyPrint, shared by the renderer and the benchmark that times
# WeasyPrint alone, so both measure the same work.
PDF_OPTIONS: dict[str, Any] = {
    "pdf_variant": PDF_VARIANT,
    "pdf_tags": True,
    "uncompressed_pdf": False,
    "optimize_images": False,
    "custom_metadata": False,
}


@dataclass(slots=True)
class FetchLog:
    """Every URL WeasyPrint asked for that was refused, to fail loudly instead of silently."""

    refused: list[str] = field(default_factory=list)


def data_uri(content: bytes, mime_type: str) -> str:
    return f"data:{mime_type};base64,{base64.b64encode(content).decode('ascii')}"


def decode_data_uri(url: str) -> tuple[bytes, str]:
    """The bytes and MIME type of a ``data:`` URI (RFC 2397); raises ValueError for anything else."""
    if not url.startswith("data:"):
        raise ValueError("not a data: URI")
    header, comma, payload = url[5:].partition(",")
    if not comma:
        raise ValueError("a data: URI needs a comma")
    parameters = header.split(";")
    mime_type = parameters[0].strip() or "text/plain"
    if "base64" in (parameter.strip().lower() for parameter in parameters[1:]):
        return base64.b64decode("".join(payload.split()), validate=True), mime_type
    return urllib.parse.unquote_to_bytes(payload), mime_type


@cache
def import_weasyprint() -> Any:
    """WeasyPrint, imported without the subprocesses ``ctypes.util.find_library`` starts.

    WeasyPrint tries a list of names for each library it loads (``libgobject-2.0-0``,
    ``gobject-2.0``, ..., ``libgobject-2.0.so.0``); for each name that cffi cannot open
    directly, cffi asks ``find_library``, which runs ``ldconfig`` and ``gcc`` to look (WeasyPrint
    issue #1125): a quarter of a second of every PDF render, for names that do not exist. The
    names that work are opened directly, so the lookup is switched off while WeasyPrint loads;
    on a system where only the lookup finds a library, WeasyPrint is imported again with it.
    """
    import ctypes.util

    lookup = ctypes.util.find_library
    ctypes.util.find_library = lambda name: None
    try:
        import weasyprint
    except OSError:
        ctypes.util.find_library = lookup
        for name in [name for name in sys.modules if name == "weasyprint" or name.startswith("weasyprint.")]:
            del sys.modules[name]
        import weasyprint
    finally:
        ctypes.util.find_library = lookup
    return weasyprint


def data_only_fetcher(log: FetchLog) -> Any:
    """A WeasyPrint URL fetcher that serves ``data:`` URIs and refuses every other URL.

    It never opens a socket or a file: the refusal happens before any handler is chosen.
    """
    import_weasyprint()
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class DataOnlyFetcher(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> Any:
            if not url.startswith("data:"):
                log.refused.append(url)
                raise ValueError(f"impactclaim fetches nothing but data: URIs, refused {url[:80]!r}")
            content, mime_type = decode_data_uri(url)
            return URLFetcherResponse(url, content, {"Content-Type": mime_type})

    return DataOnlyFetcher(allowed_protocols=("data",), allow_redirects=False, timeout=1)


def lay_out(html: str, fetcher: Any) -> Any:
    """The WeasyPrint document of ``html``: its pages laid out with the shared style sheet and fonts."""
    weasyprint = import_weasyprint()
    body, stylesheet = _shared_stylesheet(html)
    return weasyprint.HTML(string=body, url_fetcher=fetcher, base_url=None).render(
        stylesheets=[stylesheet] if stylesheet is not None else None, font_config=_font_configuration())


def _midnight_utc(date: datetime.date) -> datetime.datetime:
    return datetime.datetime(date.year, date.month, date.day, tzinfo=datetime.UTC)


def render_pdf(html: str, profile: Profile, source: bytes, *, statement_name: str = ATTACHMENT_NAME) -> bytes:
    """The PDF/A-3b bytes of ``html`` with ``source`` (the statement file) attached."""
    weasyprint = import_weasyprint()

    log = FetchLog()
    fetcher = data_only_fetcher(log)
    moment = _midnight_utc(datetime.date.fromisoformat(profile.date))
    attachment = weasyprint.Attachment(
        url=data_uri(source, ATTACHMENT_MIME_TYPE), url_fetcher=fetcher, name=statement_name,
        description=Labels(profile.language)("document.attachment_description"), created=moment, modified=moment,
        relationship="Source")
    with _WeasyPrintLog() as messages, warnings.catch_warnings():
        # WeasyPrint 70 opens its sRGB profile for the PDF/A output intent and never closes
        # the read-only handle; the garbage collector does, with a ResourceWarning that is
        # WeasyPrint's to fix, not the user's to see.
        warnings.simplefilter("ignore", ResourceWarning)
        document = lay_out(html, fetcher)
        pdf: bytes = document.write_pdf(attachments=[attachment], finisher=_list_each_associated_file_once,
                                        **PDF_OPTIONS)
    if log.refused:
        raise RenderError(f"the profile asked for {log.refused[0][:80]!r}; only data: URIs are allowed")
    failures = [message for message in messages if "attachment" in message.lower()]
    if failures:
        raise RenderError(f"the statement could not be attached: {failures[0]}")
    return pdf


_STYLE = re.compile(r"<style>(.*?)</style>", re.DOTALL)


@cache
def _font_configuration() -> Any:
    """One FontConfiguration per process: the shipped fonts are decoded and registered once."""
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def _shared_stylesheet(html: str) -> tuple[str, Any]:
    """``html`` without its style sheet, and that style sheet parsed once per process.

    Every profile carries the same 128 KB of CSS (the fonts as data URIs and the layout); parsed
    anew for each document it was a tenth of a render. It is parsed once per distinct text (a
    language, a draft and a theme each make one) and handed to WeasyPrint as the author style
    sheet the ``<style>`` element was, so the cascade and the bytes stay the same.
    """
    found = _STYLE.search(html)
    if found is None:
        return html, None
    return html[:found.start()] + html[found.end():], _parsed_stylesheet(found.group(1))


@lru_cache(maxsize=8)
def _parsed_stylesheet(css: str) -> Any:
    weasyprint = import_weasyprint()
    return weasyprint.CSS(string=css, url_fetcher=data_only_fetcher(FetchLog()), font_config=_font_configuration())


def _list_each_associated_file_once(document: Any, pdf: Any) -> None:
    """Drop the duplicates WeasyPrint 70 writes into the catalog's ``/AF`` array.

    For PDF/A-3 WeasyPrint adds every attachment to ``/AF`` twice: once from the
    ``/EmbeddedFiles`` name tree and once from its scan for ``/Filespec`` objects, so the
    statement was listed as two associated files (``/AF [36 0 R 36 0 R]``), and a reader that
    walks ``/AF`` (an extractor, a validator, an archive's ingest) lists it twice. The finisher
    runs after WeasyPrint's PDF/A step and before the bytes and the file identifier are written,
    so the fix keeps the output reproducible. Reported upstream as Kozea/WeasyPrint#2917; on a
    WeasyPrint without the bug this does nothing. ``tests/test_pdf_tools.py`` checks the result.
    """
    associated = pdf.catalog.get("AF")
    if associated is not None:
        associated[:] = list(dict.fromkeys(associated))


class _WeasyPrintLog:
    """Collect WeasyPrint's log messages instead of letting them reach the user's terminal."""

    def __init__(self) -> None:
        self.messages: list[str] = []
        self._handler = _ListHandler(self.messages)
        self._logger = logging.getLogger("weasyprint")
        self._propagate = True

    def __enter__(self) -> list[str]:
        self._propagate = self._logger.propagate
        self._logger.addHandler(self._handler)
        self._logger.propagate = False
        return self.messages

    def __exit__(self, *exc_info: object) -> None:
        self._logger.removeHandler(self._handler)
        self._logger.propagate = self._propagate


class _ListHandler(logging.Handler):
    def __init__(self, messages: list[str]) -> None:
        super().__init__(logging.WARNING)
        self.messages = messages

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())
