"""Working time's edges: the closing minute is working time, and a window's
own due time, end and start are kept where they are already in it."""

from __future__ import annotations

import datetime as dt

from hypothesis import event, given

from followup import (
    DEFAULT_RULES,
    Event,
    EventKind,
    Interview,
    StepKind,
    check_plan,
    plan_followups,
)
from followup._time import at_wall_time, zone
from followup.rules import WorkingHoursParams
from own_steps import AT, Proposer, ny
from strategies import situations

INTERVIEW = Interview("Ada Lovelace", "Acme", AT)
THANKED = [Event(EventKind.THANK_YOU_SENT, "2026-11-23T11:00:00-05:00")]
# Wednesday 25 November at 17:00, when working hours close.
CLOSING = "2026-11-25T17:00:00-05:00[America/New_York]"


def _follow_up(plan):
    return next(step for step in plan.steps if step.kind is StepKind.FOLLOW_UP)


def test_a_follow_up_late_at_closing_time_is_due_then_not_next_morning() -> None:
    # Planned at 17:00 on the first day of its window, the follow-up is due
    # at once: 17:00 is still working time.  (Mutant: `at < closes` in
    # WorkingTime._next rolls it to Thursday 09:00.)
    plan = plan_followups(INTERVIEW, THANKED, now=CLOSING)
    assert _follow_up(plan).due.isoformat() == "2026-11-25T17:00:00-05:00"


def test_a_step_due_at_closing_time_is_in_working_time() -> None:
    # The plan above passes its own check.  (Mutant: `opens <= at < closes`
    # in WorkingTime.is_working flags the follow-up due at 17:00.)
    plan = plan_followups(INTERVIEW, THANKED, now=CLOSING)
    assert "FU011" not in [f.code for f in check_plan(plan, history=THANKED)]


def _own(window, due=None):
    mine = Proposer(steps=((window, due, 1, False),))
    plan = plan_followups(INTERVIEW, rules=DEFAULT_RULES.extend(mine))
    return next(step for step in plan.steps if step.kind is StepKind.OTHER)


def test_a_window_that_ends_as_working_hours_open_is_narrowed_not_rolled() -> None:
    # 08:00-09:00 on Tuesday holds one working instant, 09:00: the window
    # narrows to it.  (Mutant: `start >= last` in `_into_working_time` rolls
    # it forward an hour and says it held no working time.)
    step = _own((ny("2026-11-24T08:00"), ny("2026-11-24T09:00")))
    assert (step.window.start, step.window.end) == (ny("2026-11-24T09:00"),) * 2
    assert "held no working time" not in step.reason


def test_a_step_due_when_its_window_closes_keeps_its_due_time() -> None:
    # Tuesday 10:00-12:00, due at 12:00: all in working time, nothing moves.
    # (Mutant: `due >= end` brings the due time back to the window's start.)
    step = _own(
        (ny("2026-11-24T10:00"), ny("2026-11-24T12:00")), ny("2026-11-24T12:00")
    )
    assert step.due == ny("2026-11-24T12:00")
    assert step.adjusted_by == ()


def test_a_due_time_in_the_night_moves_even_when_the_window_stays() -> None:
    # Tuesday 10:00 to Wednesday 12:00 opens and closes in working time,
    # but is due at 20:00 on Tuesday: it becomes due on Wednesday at 09:00.
    # (Mutant: the early return ignores the due time, and the step stays
    # due at night.)
    step = _own(
        (ny("2026-11-24T10:00"), ny("2026-11-25T12:00")), ny("2026-11-24T20:00")
    )
    assert step.due == ny("2026-11-25T09:00")
    assert (step.window.start, step.window.end) == (
        ny("2026-11-24T10:00"),
        ny("2026-11-25T12:00"),
    )


# Late plans leave slivers: a window still open for the last minutes of a
# day when the plan is made keeps only those minutes (FU010), moves whole
# past the thank-you (FU012), and once rolled into working time as it was
# made a follow-up to send from 09:00 to 09:27:59.999999.
SLIVER_NOW = "2026-11-19T23:32:00-05:00[America/New_York]"


def test_a_late_sliver_of_a_window_rolls_to_a_whole_working_day() -> None:
    # Interview Monday 16 November; planned on Thursday at 23:32, when the
    # follow-up's window (Wednesday and Thursday) has 28 minutes left.
    interview = Interview(
        "Ada Lovelace", "Acme", "2026-11-16T10:00:00-05:00[America/New_York]"
    )
    follow_up = _follow_up(plan_followups(interview, now=SLIVER_NOW))
    assert follow_up.window.start == ny("2026-11-20T09:00")
    assert follow_up.window.end == ny("2026-11-20T17:00")
    assert follow_up.due == ny("2026-11-20T09:00")
    assert follow_up.adjusted_by == ("FU012", "FU011")


def test_a_short_window_of_ones_own_in_the_night_rolls_to_a_working_day() -> None:
    # Tuesday 20:00-20:30 holds no working time: Wednesday 09:00 to 17:00.
    step = _own((ny("2026-11-24T20:00"), ny("2026-11-24T20:30")))
    assert (step.window.start, step.window.end) == (
        ny("2026-11-25T09:00"),
        ny("2026-11-25T17:00"),
    )
    assert "held no working time" in step.reason


def test_a_long_window_without_working_time_rolls_keeping_its_length() -> None:
    # Saturday 00:00 to Monday 08:00 (56 hours): Monday 09:00 plus 56 hours
    # is Wednesday 17:00, the close of working hours that day.
    step = _own((ny("2026-11-28T00:00"), ny("2026-11-30T08:00")))
    assert (step.window.start, step.window.end) == (
        ny("2026-11-30T09:00"),
        ny("2026-12-02T17:00"),
    )


#: What FU011 says of a window it rolled forward, in either of its words.
_ROLLED = ("the next working time.", "held no working time.")


@given(situations())
def test_a_window_rolled_into_working_time_reaches_the_close_of_its_day(
    situation,
) -> None:
    # Whatever left the window short (a late plan, another rule's move),
    # once rolled into working time it is open until that day's close.
    interview, history, now = situation
    plan = plan_followups(interview, history, now=now)
    for step in plan.steps:
        if "FU011" in step.adjusted_by and any(w in step.reason for w in _ROLLED):
            event("a window rolled")
            start = step.window.start
            closes = at_wall_time(start.date(), dt.time(17), zone(start.timezone_name))
            assert step.window.end >= closes, (step.label, step.window)


def test_hours_that_open_on_a_second_are_described_with_it() -> None:
    # A finding's "expected" names the hours: 09:00 would not be when they
    # open.  Whole minutes stay as hours are written.
    params = WorkingHoursParams(
        start="09:00:30", end=dt.time(17, 0, 0, 500000), weekdays=[0]
    )
    assert params.describe() == "Mon 09:00:30-17:00:00.500000"
    assert WorkingHoursParams(start="08:30", weekdays=[0]).describe() == (
        "Mon 08:30-17:00"
    )
