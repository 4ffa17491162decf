"""SDG targets must be among the 169 targets the UN adopted."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache

from impactclaim.findings import Severity
from impactclaim.i18n import _
from impactclaim.resources import resource_dir
from impactclaim.rules.base import Issue, Rule
from impactclaim.statement.model import Statement


@cache
def sdg_targets() -> dict[str, str]:
    """The 169 SDG targets ("8.5" -> English title), shipped with the package."""
    with open(resource_dir("data") / "sdg_targets.json", encoding="utf-8") as stream:
        targets: dict[str, str] = json.load(stream)["targets"]
    return targets


class UnknownSdgTarget(Rule):
    """An outcome names an SDG target that does not exist.

    The schema only checks the form (goal 1-17, a number or letter); this rule checks the
    target against the list of 169 targets of the 2030 Agenda (UN resolution A/RES/70/1, with
    the titles of the global indicator framework). Goal 8 has targets 8.1-8.10 and 8.a-8.b,
    so "8.11" or "8.c" are not targets: a reader looking them up finds nothing.

    Failing example::

        outcomes:
          - id: jobs
            what:
              description: People distant from the labour market find paid work.
              polarity: positive
            sdg_targets: ["8.11"]

    Passing example::

        outcomes:
          - id: jobs
            what:
              description: People distant from the labour market find paid work.
              polarity: positive
            sdg_targets: ["8.5"]
    """

    code = "IC110"
    slug = "unknown-sdg-target"
    severity = Severity.ERROR
    summary = "An outcome names an SDG target that is not one of the 169 UN targets."

    def check(self, statement: Statement) -> Iterator[Issue]:
        targets = sdg_targets()
        for outcome in statement.outcomes:
            for ref in outcome.sdg_targets:
                target = ref.value
                if target not in targets:
                    goal = target.split(".")[0]
                    same_goal = [t for t in targets if t.split(".")[0] == goal]
                    hint = _("goal {goal} has the targets {targets}").format(
                        goal=goal, targets=", ".join(same_goal)) if same_goal else _("SDG goals run from 1 to 17")
                    yield Issue(ref.path,
                                _("outcome '{outcome}' names SDG target {target}, which does not exist").format(
                                    outcome=outcome.id, target=target), hint)
