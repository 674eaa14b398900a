"""FU012 and FU013 name the holidays their business days skipped, as FU004 does.

"Moved to 2 business days after the follow-up" read as Tuesday 5 May for a
follow-up on Friday 1 May; the call was on Friday 8 May, three Japanese
holidays later, and no reason said so.  docs/time.md: a reason names every
holiday or closure that moved a step or that the business days skipped.
"""

from __future__ import annotations

from followup import Contact, Event, Interview, StepKind, plan_followups

NEW_YORK = Contact(
    "Grace Hopper",
    email="grace@example.com",
    phone="+1 212 555 0123",
    timezone="America/New_York",
    country="US",
)
TOKYO = Contact(
    "Yuki Tanaka",
    email="yuki@example.com",
    phone="+81 3 1234 5678",
    timezone="Asia/Tokyo",
    country="JP",
)


def _step(plan, kind):
    (step,) = (s for s in plan.steps if s.kind is kind)
    return step


def test_the_call_names_golden_week_between_the_follow_up_and_it():
    interview = Interview(
        "Ada", "Sakura", "2026-04-28T16:00:00+09:00[Asia/Tokyo]", interviewer=TOKYO
    )
    plan = plan_followups(
        interview,
        [Event("thank-you-sent", "2026-04-28T16:40:00+09:00")],
        now="2026-04-28T16:45:00+09:00",
    )
    call = _step(plan, StepKind.CALL)
    assert call.due.format("ddd D MMM") == "Fri 8 May"
    assert (
        "Moved to 2 business days after the follow-up (Greenery Day on Mon 4 May "
        "and Children's Day on Tue 5 May and Substitute Holiday on Wed 6 May are "
        "no business days there), so that the letter can be answered before the "
        "phone rings (A10)." in call.reason
    )


def test_the_follow_up_names_thanksgiving_between_the_thank_you_and_it():
    interview = Interview(
        "Ada",
        "Acme",
        "2026-11-20T10:00:00-05:00[America/New_York]",
        interviewer=NEW_YORK,
    )
    plan = plan_followups(interview, now="2026-11-25T18:00:00-05:00")
    follow_up = _step(plan, StepKind.FOLLOW_UP)
    assert follow_up.due.format("ddd D MMM HH:mm") == "Fri 27 Nov 09:00"
    assert (
        "Moved to a business day after the thank-you (Thanksgiving Day on Thu 26 "
        "Nov is no business day there), so that the two letters do not arrive "
        "together (A5)." in follow_up.reason
    )


def test_a_hold_until_after_a_promised_decision_names_christmas():
    interview = Interview(
        "Ada",
        "Acme",
        "2026-11-16T10:00:00-05:00[America/New_York]",
        interviewer=NEW_YORK,
    )
    history = [
        Event("thank-you-sent", "2026-11-16T10:45:00-05:00"),
        Event("replied", "2026-11-19T10:00:00-05:00", until="2026-12-24"),
    ]
    (call,) = plan_followups(interview, history, now="2026-11-19T10:05:00-05:00").steps
    assert call.due.format("ddd D MMM HH:mm") == "Mon 28 Dec 09:00"
    assert (
        "Held until Mon 28 Dec 2026 (Christmas Day on Fri 25 Dec is no business "
        "day there): they said they would decide by Thu 24 Dec 2026; with no word "
        "by then, call once (A10)." in call.reason
    )


def test_business_days_that_skip_no_holiday_are_told_as_before():
    # The same late plan: from Friday 27 Nov to the call on Tuesday 1 Dec,
    # a weekend and no holiday.
    interview = Interview(
        "Ada",
        "Acme",
        "2026-11-20T10:00:00-05:00[America/New_York]",
        interviewer=NEW_YORK,
    )
    call = _step(
        plan_followups(interview, now="2026-11-25T18:00:00-05:00"), StepKind.CALL
    )
    assert call.due.format("ddd D MMM HH:mm") == "Tue 1 Dec 09:00"
    assert call.reason.endswith(
        "Moved to 2 business days after the follow-up, so that the letter can be "
        "answered before the phone rings (A10)."
    )
