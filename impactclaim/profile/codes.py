"""The finding codes of rendering (IC2xx); they are defined with every other code in ``impactclaim.codes``."""

from __future__ import annotations

from impactclaim.codes import (
    LOCAL_FILE_URL,
    LOGO_OUTSIDE,
    LOGO_REMOTE,
    LOGO_UNUSABLE,
    NO_EMBEDDED_STATEMENT,
    RENDER_CODES,
    UNREADABLE_PDF,
    URL_IN_TEXT,
)

__all__ = ["LOCAL_FILE_URL", "LOGO_OUTSIDE", "LOGO_REMOTE", "LOGO_UNUSABLE", "NO_EMBEDDED_STATEMENT", "RENDER_CODES",
           "UNREADABLE_PDF", "URL_IN_TEXT"]
