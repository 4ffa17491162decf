"""Honest wordings of the third precision part of the claim corpus that the rules mistook, each with a failing twin."""

from __future__ import annotations

import pytest

from tests.rules_support import pointers
from tests.test_rules_precision import share_claim

# -- IC128: a percentage the counts in its sentence contradict -----------------------------------


@pytest.mark.parametrize(("text", "flagged"), [
    # a total and its count apart, with another count of other things between them
    ("Of the 102 people in the three cohorts that started and ended in 2025, 26 (25%) left the course early; "
     "4 of the 30 starters of the September cohort have left so far.", False),
    ("Of the 102 people in the three cohorts that started and ended in 2025, 26 (45%) left the course early; "
     "4 of the 30 starters of the September cohort have left so far.", True),
    ("Van de 1.840 ton materiaal die we in 2025 uit 23 gebouwen oogstten, ging 61% (1.120 ton) opnieuw de bouw in.",
     False),
    ("Van de 1.840 ton materiaal die we in 2025 uit 23 gebouwen oogstten, ging 81% (1.120 ton) opnieuw de bouw in.",
     True),
    # a count of schools beside a share of pupils
    ("In een pilot op 6 van onze 47 scholen kon 91% van de ondervraagde leerlingen thuis huiswerk maken.", False),
    ("In een pilot op 6 van onze 47 scholen werkte 91% van de scholen met onze laptops.", True),
    ("In een pilot kon 91% van de leerlingen thuis huiswerk maken: 30 van de 47 leerlingen.", True),
])
def test_counts_of_other_things_in_a_sentence_are_no_share_of_its_percentage(text: str, flagged: bool) -> None:
    assert pointers(share_claim(text), "IC128") == (["/claims/0/text"] if flagged else [])
