"""A name in the interview is no negation of the phrase beside it.

A company called "NE" read as French "ne" ("Mon intérêt pour NE reste
entier": no interest), and "No Limit" as English "no"; the drafts for such
companies failed their own check (found by the deep Hypothesis profile).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup import Interview, check_letter, draft_follow_up
from letter_findings import MISSING_INTEREST

AT = "2026-11-23T10:00:00-05:00[America/New_York]"


def interest_missing(text, interview, **options):
    return MISSING_INTEREST in [
        finding.message
        for finding in check_letter(text, interview, "follow-up", **options)
    ]


@pytest.mark.parametrize(
    ("company", "language"),
    [("NE", "fr"), ("No Limit", "en"), ("Nie", "de"), ("Ninguna", "es"), ("Not", "en")],
)
def test_a_draft_for_a_company_named_like_a_negation_passes(company, language):
    interview = Interview("Ada Lovelace", company, AT)
    draft = draft_follow_up(interview, language=language)
    assert check_letter(draft, interview, "follow-up") == ()


def test_a_position_named_like_a_negation_is_no_negation():
    interview = Interview("Ada Lovelace", "Acme", AT, position="Head of No-Code")
    text = (
        "Dear Grace, following up on our call of November 23 at 10:00 about the "
        "Head of No-Code interested role: I remain very interested in Acme. My "
        "experience fits the role. Ada Lovelace"
    )
    assert not interest_missing(text, interview)


def test_an_alias_is_a_name_too():
    interview = Interview("Ada Lovelace", "Acme", AT)
    text = "Mon intérêt pour NE reste entier."
    assert interest_missing(text, interview)
    assert not interest_missing(text, interview, aliases=["NE"])


def test_a_real_negation_beside_a_name_still_counts():
    interview = Interview("Ada Lovelace", "No Limit", AT)
    text = "I am no longer interested in No Limit. Ada Lovelace"
    assert interest_missing(text, interview)


@given(st.sampled_from(["en", "de", "fr", "es"]), st.sampled_from(
    ["no", "not", "ne", "pas", "nicht", "kein", "nie", "no más", "sin", "jamais"]
))  # fmt: skip
def test_any_negation_word_as_a_company_leaves_its_draft_passing(language, word):
    interview = Interview("Ada Lovelace", word.title(), AT)
    draft = draft_follow_up(interview, language=language)
    assert check_letter(draft, interview, "follow-up") == ()
