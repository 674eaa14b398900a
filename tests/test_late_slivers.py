"""A late plan's sliver of a window, moved whole by another rule, gets the day.

Planned late on a Thursday, a follow-up's window was what was left of the
day ([14:05, midnight)); FU012 moved it whole to Friday, 00:00 to 09:54,
and FU011 cut that to 09:00-09:54, where planned at 16:05 the same sliver
held no working time and got Friday 09:00 to 17:00 (docs/time.md).  The
time of day one plans at must not shorten the window.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from followup import Contact, Event, Interview, StepKind, plan_followups

NEW_YORK = Contact(
    "Grace Hopper",
    email="grace@example.com",
    phone="+1 212 555 0123",
    timezone="America/New_York",
    country="US",
)
MONDAY = Interview(
    "Ada Lovelace",
    "Acme",
    "2026-11-16T10:00:00-05:00[America/New_York]",
    interviewer=NEW_YORK,
    performance="strong",
)


def _follow_up(plan):
    (step,) = (s for s in plan.steps if s.kind is StepKind.FOLLOW_UP)
    return step


def _shown(step):
    return (
        step.window.start.format("ddd D MMM HH:mm"),
        step.window.end.format("ddd D MMM HH:mm"),
    )


def test_a_late_plan_gives_the_follow_up_the_working_day_whatever_the_hour():
    early = _follow_up(plan_followups(MONDAY, now="2026-11-19T14:05:00-05:00"))
    late = _follow_up(plan_followups(MONDAY, now="2026-11-19T16:05:00-05:00"))
    assert _shown(early) == _shown(late) == ("Fri 20 Nov 09:00", "Fri 20 Nov 17:00")
    assert early.reason == late.reason
    assert early.reason.endswith(
        "Moved to Fri 20 Nov 2026 09:00 EST, the next working time."
    )


def test_a_follow_up_held_by_an_absence_gets_the_working_day_too():
    shown = []
    for hour in ("14:00", "16:00"):
        history = [
            Event("thank-you-sent", "2026-11-16T10:45:00-05:00"),
            Event("away", f"2026-11-19T{hour}:00-05:00", until="2026-11-20"),
        ]
        plan = plan_followups(MONDAY, history, now=f"2026-11-19T{hour}:05-05:00")
        shown.append(_shown(_follow_up(plan)))
    assert shown == [("Fri 20 Nov 09:00", "Fri 20 Nov 17:00")] * 2


@given(st.integers(0, 14 * 4 - 1))
def test_no_hour_of_a_late_day_leaves_the_follow_up_less_than_a_working_day(quarter):
    # Thursday from 09:00 to 22:45, a quarter of an hour at a time.
    now = dt.datetime(
        2026, 11, 19, 9, tzinfo=dt.timezone(dt.timedelta(hours=-5))
    ) + dt.timedelta(minutes=15 * quarter)
    step = _follow_up(plan_followups(MONDAY, now=now))
    start = step.window.start.in_timezone("America/New_York")
    end = step.window.end.in_timezone("America/New_York")
    # Open for the rest of a working day at least: to 17:00, or past it.
    assert end >= start.replace(hour=17, minute=0, second=0, microsecond=0)
