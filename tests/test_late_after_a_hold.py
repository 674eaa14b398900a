"""A step a hold put past its window, late once the held window has passed too.

The company said it would decide by Friday 4 December: the call waits until
Monday 7th, its window running to Monday 14th.  Planned on the 15th, the
call was "late: its window closed at the end of Fri 4 Dec", a day the plan
itself had said not to call, and the hold was no longer told.  The same with
an away notice: the follow-up held to Monday 30 November - Tuesday 1
December was "expected by the end of Wed 25 Nov", while the interviewer was
still away.
"""

from __future__ import annotations

import pytest

from followup import (
    Event,
    EventKind,
    FollowUpPlan,
    Step,
    StepKind,
    plan_followups,
)
from friday_afternoon import INTERVIEW

THANKED = Event(EventKind.THANK_YOU_SENT, "2026-11-20T17:00:00-05:00")
REPLY = Event(EventKind.REPLIED, "2026-11-23T10:00:00-05:00", until="2026-12-04")
AWAY = Event(EventKind.AWAY, "2026-11-21T10:00:00-05:00", until="2026-11-30")
HELD_BY_REPLY = (
    "Held until Mon 7 Dec 2026: they said they would decide by Fri 4 Dec 2026; "
    "with no word by then, call once (A10)."
)


def _only(plan: FollowUpPlan, kind: StepKind) -> Step:
    (step,) = [s for s in plan.steps if s.kind is kind]
    return step


def _late(plan: FollowUpPlan) -> list[tuple[str, str | None]]:
    return [(f.message, f.expected) for f in plan.findings if f.code == "FU010"]


@pytest.mark.parametrize(
    "now", ["2026-12-05T10:00:00-05:00", "2026-12-14T16:59:59-05:00"]
)
def test_while_the_held_window_is_open_the_call_is_not_late(now: str) -> None:
    plan = plan_followups(INTERVIEW, [THANKED, REPLY], now=now)
    call = _only(plan, StepKind.CALL)
    assert call.window.end.isoformat() == "2026-12-14T17:00:00-05:00"
    assert call.reason.endswith(HELD_BY_REPLY)
    assert _late(plan) == []


def test_once_the_held_window_has_passed_the_call_is_late_from_it() -> None:
    plan = plan_followups(INTERVIEW, [THANKED, REPLY], now="2026-12-15T10:00:00-05:00")
    call = _only(plan, StepKind.CALL)
    assert call.reason.endswith(
        f"{HELD_BY_REPLY} Late: its window closed at the end of Mon 14 Dec 2026, "
        "so it is planned from now on."
    )
    assert call.adjusted_by == ("FU013", "FU010", "FU011")
    # A week of days, as the held window was, from the day of the plan.
    assert (call.window.start.isoformat(), call.window.end.isoformat()) == (
        "2026-12-15T10:00:00-05:00",
        "2026-12-22T17:00:00-05:00",
    )
    assert _late(plan) == [
        (
            "the call is late: better late than never",
            "by the end of Mon 14 Dec 2026",
        )
    ]


def test_a_follow_up_held_while_they_were_away_is_late_from_its_held_window() -> None:
    plan = plan_followups(INTERVIEW, [THANKED, AWAY], now="2026-12-02T20:00:00-05:00")
    follow_up = _only(plan, StepKind.FOLLOW_UP)
    assert follow_up.reason.endswith(
        "Held until Mon 30 Nov 2026: the interviewer is away until then. "
        "Late: its window closed at the end of Tue 1 Dec 2026, so it is "
        "planned from now on."
    )
    assert _late(plan) == [
        (
            "the follow-up is late: better late than never",
            "by the end of Tue 1 Dec 2026",
        )
    ]


def test_a_step_late_before_any_hold_began_is_late_from_its_own_window() -> None:
    # Away from the 30th, after the follow-up's window closed on the 25th:
    # the absence excused nothing, and the first close is the one missed.
    later = Event(EventKind.AWAY, "2026-11-30T10:00:00-05:00", until="2026-12-01")
    plan = plan_followups(INTERVIEW, [THANKED, later], now="2026-12-02T20:00:00-05:00")
    follow_up = _only(plan, StepKind.FOLLOW_UP)
    assert "Held until" not in follow_up.reason
    assert _late(plan) == [
        (
            "the follow-up is late: better late than never",
            "by the end of Wed 25 Nov 2026",
        )
    ]
