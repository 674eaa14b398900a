"""Reminders on their boundaries, and each reminder as the line a user reads.

`followup due` sorts steps by comparing windows with the planning moment and
a horizon at the recipient's midnight; the steps exactly on those edges, and
the plain-data record of each kind of reminder, are pinned here.
"""

from __future__ import annotations

import datetime as dt

from followup import (
    Channel,
    Event,
    FollowUpPlan,
    Interview,
    Step,
    Window,
    plan_followups,
)
from followup._due import ReminderStatus, day_of, planning_moment, reminders

AT = "2026-11-23T10:00:00-05:00[America/New_York]"
ADA = Interview("Ada", "Acme", AT)
# Three calls a week apart that nobody answered: nothing is left to plan.
UNANSWERED = [
    Event("called", f"2026-12-{day:02d}T10:00:00-05:00", outcome="no-answer")
    for day in (1, 8, 15)
]


def listed(interview, history, day, **options):
    plan = plan_followups(
        interview, history, now=planning_moment(interview, history, day)
    )
    return [
        (reminder.status, reminder.step.label)
        for reminder in reminders(plan, history, day, **options)
    ]


def test_the_day_of_an_instant_is_the_recipients_day():
    late = dt.datetime(2026, 11, 24, 3, tzinfo=dt.timezone.utc)
    assert day_of(ADA, late) == dt.date(2026, 11, 23)
    assert day_of(ADA, dt.date(2026, 11, 24)) == dt.date(2026, 11, 24)


def test_an_event_at_the_very_start_of_the_day_plans_from_the_day_in_its_zone():
    midnight = Event("called", "2026-11-24T05:00:00+00:00")
    moment = planning_moment(ADA, [midnight], dt.date(2026, 11, 24))
    assert moment.isoformat() == "2026-11-24T00:00:00-05:00"
    later = Event("called", "2026-11-24T06:00:00+00:00")
    assert planning_moment(ADA, [later], dt.date(2026, 11, 24)).isoformat() == (
        "2026-11-24T06:00:00+00:00"
    )


def test_by_default_only_the_day_itself_is_looked_at():
    sent = [Event("thank-you-sent", "2026-11-23T11:00:00-05:00")]
    day = dt.date(2026, 11, 24)
    assert listed(ADA, sent, day) == []
    assert listed(ADA, sent, day, within_days=1) == [(ReminderStatus.DUE, "follow-up")]


def test_a_window_opening_at_the_next_midnight_is_not_due_today():
    late = Interview("Ada", "Acme", "2026-11-23T23:30:00-05:00[America/New_York]")
    assert listed(late, [], dt.date(2026, 11, 23)) == [
        (ReminderStatus.DUE, "close-call")
    ]


def test_a_window_closing_at_the_planning_moment_is_due_not_overdue():
    plan = plan_followups(ADA, now="2026-11-24T10:30:00-05:00")
    assert plan.steps[0].window.end == plan.as_of
    found = reminders(plan, [], dt.date(2026, 11, 24))
    assert [(r.status, r.step.label) for r in found] == [
        (ReminderStatus.DUE, "thank-you")
    ]


def test_a_step_reminder_records_the_step_and_no_last_word():
    plan = plan_followups(ADA, now="2026-11-23T00:00:00-05:00")
    first = reminders(plan, [], dt.date(2026, 11, 23))[0]
    assert first.who() == "Ada, Acme"
    assert first.who("t-1") == "Ada, Acme (t-1)"
    assert first.record() == {
        "status": "due",
        "at": "2026-11-23T10:25:00-05:00[America/New_York]",
        "id": None,
        "candidate": "Ada",
        "company": "Acme",
        "step": "close-call",
        "kind": "close-call",
        "how": "phone",
        "last": None,
        "silent_days": None,
    }


def test_a_quiet_interview_without_history_is_quiet_since_the_interview():
    day = dt.date(2027, 1, 20)
    plan = plan_followups(ADA, UNANSWERED, now=planning_moment(ADA, UNANSWERED, day))
    assert plan.steps == ()
    (quiet,) = reminders(plan, [], day)
    assert quiet.record("t-1") == {
        "status": "quiet",
        "at": "2026-11-23T10:30:00-05:00[America/New_York]",
        "id": "t-1",
        "candidate": "Ada",
        "company": "Acme",
        "step": None,
        "kind": None,
        "how": None,
        "last": "interview",
        "silent_days": 58,
    }
    assert quiet.what == "no word for 58 days (last: the interview)"


def test_a_step_open_on_the_day_is_listed_after_one_that_opens_later():
    # The plan's order is by due time, so a step not yet in the horizon can
    # come first; the rest are still looked at.
    later = Step(
        "thank-you",
        Channel.EMAIL,
        Window("2026-11-26T09:00:00-05:00", "2026-11-26T17:00:00-05:00"),
        "2026-11-26T09:00:00-05:00",
        rule="me",
        reason="later",
    )
    open_now = Step(
        "follow-up",
        Channel.EMAIL,
        Window("2026-11-24T09:00:00-05:00", "2026-11-30T17:00:00-05:00"),
        "2026-11-27T09:00:00-05:00",
        rule="me",
        reason="open now",
    )
    plan = FollowUpPlan(
        ADA, [later, open_now], (), ("me",), as_of="2026-11-24T08:00:00-05:00"
    )
    found = reminders(plan, [], dt.date(2026, 11, 24))
    assert [(r.status, r.step and r.step.label) for r in found] == [
        (ReminderStatus.DUE, "follow-up")
    ]


def test_one_day_without_word_is_one_day():
    day = dt.date(2026, 12, 16)
    plan = plan_followups(ADA, UNANSWERED, now=planning_moment(ADA, UNANSWERED, day))
    (quiet,) = reminders(plan, UNANSWERED, day, quiet_days=1)
    assert quiet.what == "no word for 1 day (last: called)"
