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


# -- a window whose working time ran out before now -----------------------------

MUMBAI = Interview(
    "Ada Lovelace",
    "Nimbus",
    "2026-11-16T15:00:00+05:30[Asia/Kolkata]",
    interviewer=Contact(
        "Priya Nair",
        email="priya.nair@example.com",
        phone="+91 22 2345 6789",
        timezone="Asia/Kolkata",
        country="IN",
    ),
)
THANKED = [Event("thank-you-sent", "2026-11-16T16:00:00+05:30")]


def _late_findings(now):
    plan = plan_followups(MUMBAI, THANKED, now=now)
    return [str(f) for f in plan.findings if "late" in f.message]


def test_a_window_left_with_no_working_time_is_late():
    # The follow-up's window closes at midnight on Thursday 19 November;
    # after 17:00 none of it is working time, and it goes out on Friday.
    assert _late_findings("2026-11-19T16:59:00+05:30") == []
    assert _late_findings("2026-11-19T17:30:00+05:30") == [
        (
            "FU011 warning: the follow-up is late: no working time was left in its "
            "window; better late than never (expected by the end of Thu 19 Nov "
            "2026, got from Fri 20 Nov 2026 09:00 IST)"
        )
    ]
    # Once the window has closed, FU010 says so, and FU011 no more.
    assert _late_findings("2026-11-20T00:01:00+05:30") == [
        (
            "FU010 warning: the follow-up is late: better late than never (expected "
            "by the end of Thu 19 Nov 2026, got still to do at Fri 20 Nov 2026 "
            "00:01 IST)"
        )
    ]


def test_a_window_of_no_working_time_not_cut_at_now_is_not_late():
    # Planned before the call: the thank-you's window may hold no working
    # time and move (a call at night), but nothing has run out.
    night = Interview(
        "Ada Lovelace",
        "Nimbus",
        "2026-11-16T22:00:00+05:30[Asia/Kolkata]",
        interviewer=MUMBAI.interviewer,
    )
    plan = plan_followups(night)
    assert [f for f in plan.findings if "late" in f.message] == []
