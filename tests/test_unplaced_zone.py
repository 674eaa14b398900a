"""FU011 warns when an interviewer with a country has working time counted at no place's zone.

A job tracker's timestamp ("…Z", "+00:00") with an interviewer whose country
is known but not their zone made every follow-up and call land at 09:00
UTC, 04:00 in New York, without a word: the interview's zone is the
recipient's when the interviewer has none (docs/time.md).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup import Contact, Interview, check_plan, plan_followups
from followup._engine import fold, work
from followup._facts import Facts
from followup._ruleset import DEFAULT_RULES

DETAILS = {"email": "grace@example.com", "phone": "+1 212 555 0123"}


def interview(at, **contact):
    return Interview(
        "Ada", "Acme", at, interviewer=Contact("Grace Hopper", **DETAILS, **contact)
    )


def unplaced(plan_or_findings):
    findings = getattr(plan_or_findings, "findings", plan_or_findings)
    return [
        finding
        for finding in findings
        if finding.code == "FU011" and "has no time zone" in finding.message
    ]


@pytest.mark.parametrize(
    ("at", "shown"),
    [
        ("2026-11-23T15:00:00Z", "UTC"),
        ("2026-11-23T15:00:00+00:00", "+00:00"),
        ("2026-11-23T10:00:00-05:00", "-05:00"),
        ("2026-11-23T10:00:00-05:00[EST]", "EST"),
        ("2026-11-23T10:00:00-05:00[Etc/GMT+5]", "Etc/GMT+5"),
    ],
)
def test_a_country_without_a_zone_at_a_fixed_offset_is_warned_of(at, shown):
    plan = plan_followups(interview(at, country="US"))
    (finding,) = unplaced(plan)
    assert str(finding) == (
        "FU011 warning: the interviewer (in US) has no time zone: working time is "
        f"counted in the interview's, {shown}, a fixed offset that follows no "
        "daylight-saving change (expected the interviewer's IANA time zone, "
        f"America/New_York say, got {shown})"
    )
    assert finding.step is None
    # check_plan says the same of the plan, once.
    assert unplaced(check_plan(plan)) == [finding]


@pytest.mark.parametrize(
    ("at", "contact"),
    [
        # A place's zone: the interview's is taken as the recipient's.
        ("2026-11-23T10:00:00-05:00[America/New_York]", {"country": "US"}),
        # The interviewer's own zone, whatever the interview's.
        ("2026-11-23T15:00:00Z", {"country": "US", "timezone": "America/New_York"}),
        # UTC chosen for the interviewer is theirs.
        ("2026-11-23T15:00:00Z", {"country": "GB", "timezone": "UTC"}),
        # No country: an offset is taken as the user gave it.
        ("2026-11-23T15:00:00Z", {}),
        ("2026-11-23T10:00:00-05:00", {}),
    ],
)
def test_a_zone_that_is_a_place_or_no_country_is_not_warned_of(at, contact):
    plan = plan_followups(interview(at, **contact))
    assert unplaced(plan) == []
    assert unplaced(check_plan(plan)) == []


def test_without_an_interviewer_nothing_is_warned_of():
    plan = plan_followups(Interview("Ada", "Acme", "2026-11-23T15:00:00Z"))
    assert unplaced(plan) == []


def test_the_warning_is_given_once_though_working_time_runs_more_than_once():
    plan = plan_followups(interview("2026-11-23T15:00:00Z", country="US"))
    assert [finding.code for finding in plan.findings].count("FU011") == 1


_FIXED = st.sampled_from(
    [
        "Z",
        "+00:00",
        "-05:00",
        "+05:30",
        "+00:00[UTC]",
        "-05:00[EST]",
        "+03:00[Etc/GMT-3]",
    ]
)


@given(_FIXED, st.sampled_from(["US", "DE", "IN"]), st.integers(1, 28))
def test_the_sheet_and_the_fold_give_the_warning_alike(suffix, country, day):
    given_at = f"2026-11-{day:02d}T10:00:00{suffix}"
    facts = Facts.gather(
        interview(given_at, country=country), (), None, DEFAULT_RULES.calendar
    )
    sheet = work(DEFAULT_RULES, facts)
    draft = fold(DEFAULT_RULES, facts)
    on_sheet = [finding for finding, _ in sheet.findings]
    assert unplaced(on_sheet) == unplaced(draft.findings)
    assert len(unplaced(on_sheet)) == 1


def test_after_a_decision_nothing_is_warned_of():
    from followup import Event  # noqa: PLC0415

    decided = [Event("called", "2026-11-30T15:00:00Z", outcome="offer")]
    plan = plan_followups(
        interview("2026-11-23T15:00:00Z", country="US"),
        decided,
        now="2026-11-30T16:00:00Z",
    )
    assert plan.steps == ()
    assert unplaced(plan) == []
    # Checked with the history that decided it, as the plan was made.
    assert unplaced(check_plan(plan, history=decided)) == []
