"""The finding codes of rendering and extraction (IC2xx), stable like the loader's and the rules'."""

from __future__ import annotations

from impactclaim.codes import NO_EMBEDDED_STATEMENT, UNREADABLE_PDF, Code

LOGO_REMOTE = Code("IC201", "logo-remote",
                   "The logo is a URL; only a file in the statement's folder or a data: URI is used.")
LOGO_OUTSIDE = Code("IC202", "logo-outside-folder", "The logo path leads outside the statement's folder.")
LOGO_UNUSABLE = Code("IC203", "logo-unusable", "The logo cannot be read or is not a PNG, JPEG or SVG image.")
LOCAL_FILE_URL = Code("IC204", "local-file-url", "A value refers to a local file through a file: URL.")
URL_IN_TEXT = Code("IC205", "url-in-text", "A URL in a text field is shown as text and never fetched.")
# IC206 and IC207 are raised by the loader too (validate reads PDFs), so they live with its codes.

RENDER_CODES: dict[str, Code] = {
    code.code: code
    for code in (LOGO_REMOTE, LOGO_OUTSIDE, LOGO_UNUSABLE, LOCAL_FILE_URL, URL_IN_TEXT,
                 NO_EMBEDDED_STATEMENT, UNREADABLE_PDF)
}
