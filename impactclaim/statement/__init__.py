"""The statement as one typed model, read once per schema version (see ``model`` and ``read``)."""

from __future__ import annotations

from impactclaim.statement.model import (
    Claim,
    ClaimStatus,
    Metric,
    Outcome,
    Path,
    Source,
    Statement,
    Text,
)
from impactclaim.statement.read import READERS, read_statement

__all__ = ["READERS", "Claim", "ClaimStatus", "Metric", "Outcome", "Path", "Source", "Statement", "Text",
           "read_statement"]
