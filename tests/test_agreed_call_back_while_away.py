"""A call-back agreed for a day a hold covers: kept, with a warning.

The call on Friday 27 November agreed a call-back for Tuesday 1 December
at 10:00; an out-of-office came an hour later, away until Friday 4th.  The
agreed time is kept (A11: the company asked for it), but the plan said
nothing of the absence, and neither did `check_plan`; nor, later, of a
reply that named a day of decision after the agreed time.
"""

from __future__ import annotations

import pytest

from followup import (
    Event,
    EventKind,
    Outcome,
    StepKind,
    check_plan,
    plan_followups,
)
from friday_afternoon import INTERVIEW

AGREED = [
    Event(EventKind.THANK_YOU_SENT, "2026-11-20T17:00:00-05:00"),
    Event(EventKind.FOLLOW_UP_SENT, "2026-11-24T10:00:00-05:00"),
    Event(
        EventKind.CALLED,
        "2026-11-27T10:00:00-05:00",
        outcome=Outcome.UNDECIDED,
        call_back_at="2026-12-01T10:00:00-05:00",
    ),
]
NOW = "2026-11-27T12:00:00-05:00"


@pytest.mark.parametrize(
    ("kind", "until", "what", "after"),
    [
        (
            EventKind.AWAY,
            "2026-12-04",
            "while the interviewer is away, until Fri 4 Dec 2026",
            "Fri 4 Dec 2026",
        ),
        (
            EventKind.PAUSED,
            "2026-12-04",
            "while you pause, until Fri 4 Dec 2026",
            "Fri 4 Dec 2026",
        ),
        # A reply naming the day of the decision: calling before it is done
        # (the day itself included) asks what they said they would tell.
        (
            EventKind.REPLIED,
            "2026-12-01",
            (
                "before they can have told you (they wrote they would decide by "
                "Tue 1 Dec 2026)"
            ),
            "Wed 2 Dec 2026",
        ),
    ],
)
def test_the_agreed_time_is_kept_and_the_absence_said(kind, until, what, after):
    history = [*AGREED, Event(kind, "2026-11-27T11:00:00-05:00", until=until)]
    plan = plan_followups(INTERVIEW, history, now=NOW)
    (back,) = plan.steps
    assert (back.kind, back.due.isoformat()) == (
        StepKind.CALL_BACK,
        "2026-12-01T10:00:00-05:00",
    )
    warned = [
        (f.code, f.severity.value, f.message, f.expected, f.step) for f in plan.findings
    ]
    assert warned == [
        (
            "FU007",
            "warning",
            (
                f"the call-back agreed for Tue 1 Dec 2026 10:00 EST falls {what}: "
                "confirm the time (A11)"
            ),
            f"a call-back on or after {after}",
            back,
        )
    ]
    # The check says the same of the plan, and of nothing else.
    assert check_plan(plan, INTERVIEW, history, now=NOW) == plan.findings


@pytest.mark.parametrize(
    "away",
    [
        # Known before the call that agreed the time.
        Event(EventKind.AWAY, "2026-11-26T11:00:00-05:00", until="2026-12-04"),
        # Back by the agreed day.
        Event(EventKind.AWAY, "2026-11-27T11:00:00-05:00", until="2026-12-01"),
        # A decision due the day before the agreed call.
        Event(EventKind.REPLIED, "2026-11-27T11:00:00-05:00", until="2026-11-30"),
        # A reply that names no day.
        Event(EventKind.REPLIED, "2026-11-27T11:00:00-05:00"),
    ],
)
def test_an_absence_that_does_not_cover_the_new_agreement_says_nothing(away) -> None:
    history = [*AGREED, away]
    plan = plan_followups(INTERVIEW, history, now=NOW)
    assert [s.due.isoformat() for s in plan.steps] == ["2026-12-01T10:00:00-05:00"]
    assert plan.findings == ()
    assert check_plan(plan, INTERVIEW, history, now=NOW) == ()
