"""Working time's edges: the closing minute is working time, and a window's
own due time, end and start are kept where they are already in it."""

from __future__ import annotations

from followup import (
    DEFAULT_RULES,
    Event,
    EventKind,
    Interview,
    StepKind,
    check_plan,
    plan_followups,
)
from own_steps import AT, Proposer, ny

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
