"""Honest wordings of the precision part of the claim corpus that the rules mistook, each with a failing twin."""

from __future__ import annotations

import pytest

from tests.rules_support import check_fragment

SHARE_METRIC = """
metrics:
  - id: share
    name: Kinderen met zwemdiploma A
    unit: "%"
    kind: percentage
    value: 84
claims:
  - id: c
    text: "TEXT"
    domain: social
    basis:
      metrics: [share]
"""


def pointers(fragment: str, code: str) -> list[str]:
    return [finding.pointer for finding in check_fragment(fragment) if finding.code == code]


def share_claim(text: str) -> str:
    return SHARE_METRIC.replace("TEXT", text)


# -- IC114: a percentage the basis contradicts ---------------------------------------------------

@pytest.mark.parametrize(("text", "flagged"), [
    # a dated figure of an outside source about others, beside the enterprise's own
    ("84% haalde diploma A. In de wijk had volgens de Haagse Jeugdmonitor 2024 31% van de tienjarigen geen "
     "zwemdiploma.", False),
    ("84% passed. In the CBS cohort study of 2024, 58% of status holders were in work or education.", False),
    ("84% haalde diploma A. In de gemeente had 22% van de mensen die in 2023 begonnen werk (Monitor "
     "Re-integratie 2024).", False),
    # ... but the enterprise's own result stays its own, whoever measured it
    ("Volgens ons onderzoek van 2024 haalde 61% diploma A.", True),
    ("84% haalde diploma A; in 2024 was dat 61%.", True),
    # a bound or a range holds when the basis falls in it
    ("Minstens 80% van de kinderen haalde diploma A.", False),
    ("Minstens 90% van de kinderen haalde diploma A.", True),
    ("Hooguit 90% haalde diploma A.", False),
    ("84% haalde diploma A; voor het keurmerk is 50 tot 95% nodig.", False),
    ("Tussen 60 en 70% haalde diploma A.", True),
    # the rest of a share, a ratio to an amount and a difference from a reference are no share
    ("De overige 16% zwemt nog.", False),
    ("De overige 26% zwemt nog.", True),
    ("84% haalde diploma A; hun ouders verdienen tot 130% van het sociaal minimum.", False),
    ("Ons laagste uurloon ligt 17% boven het wettelijk minimumloon; 84% haalde diploma A.", False),
])
def test_a_stated_percentage_is_checked_for_what_it_asserts(text: str, flagged: bool) -> None:
    assert pointers(share_claim(text), "IC114") == (["/claims/0/text"] if flagged else [])
