"""A call-back whose agreed time has passed is overdue, every day until it is made.

FU007 plans a missed call-back at the next working time itself, so FU010
never marks it late and its window is open again: `followup due` listed it
as merely due on a weekday and not at all over a weekend, though a promise
to the company had been missed.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup import Contact, Event, Interview, plan_followups
from followup._due import ReminderStatus, planning_moment, reminders
from shell import run

NEW_YORK = Contact(
    "Grace Hopper", timezone="America/New_York", country="US", phone="+1 212 555 0123"
)
ADA = Interview(
    "Ada Lovelace", "Acme", "2026-11-16T10:00:00-05:00[America/New_York]",
    interviewer=NEW_YORK,
)  # fmt: skip
LETTERS = [
    Event("thank-you-sent", "2026-11-16T11:00:00-05:00[America/New_York]"),
    Event("follow-up-sent", "2026-11-18T10:00:00-05:00[America/New_York]"),
]
AGREED = "2026-11-27T16:00:00-05:00[America/New_York]"
CALL = Event(
    "called", "2026-11-24T10:00:00-05:00[America/New_York]",
    outcome="undecided", call_back_at=AGREED,
)  # fmt: skip


def listed(history, day):
    plan = plan_followups(ADA, history, now=planning_moment(ADA, history, day))
    return [
        (reminder.status, reminder.step.label, reminder.at.isoformat())
        for reminder in reminders(plan, history, day)
    ]


def test_on_the_agreed_day_the_call_back_is_due_at_its_time():
    assert listed([*LETTERS, CALL], dt.date(2026, 11, 27)) == [
        (ReminderStatus.DUE, "call-back", "2026-11-27T16:00:00-05:00")
    ]


@pytest.mark.parametrize(
    ("day", "at"),
    [
        # Saturday and Sunday: the next working time is Monday's opening.
        (dt.date(2026, 11, 28), "2026-11-30T09:00:00-05:00"),
        (dt.date(2026, 11, 29), "2026-11-30T09:00:00-05:00"),
        (dt.date(2026, 11, 30), "2026-11-30T09:00:00-05:00"),
        (dt.date(2026, 12, 1), "2026-12-01T09:00:00-05:00"),
    ],
)
def test_once_the_agreed_time_has_passed_the_call_back_is_overdue(day, at):
    assert listed([*LETTERS, CALL], day) == [(ReminderStatus.OVERDUE, "call-back", at)]


def test_a_call_back_made_since_is_no_longer_overdue():
    made = Event(
        "called", "2026-11-30T10:00:00-05:00[America/New_York]", outcome="undecided"
    )
    # The call-back without a time agreed: a week or two after this call.
    assert listed([*LETTERS, CALL, made], dt.date(2026, 12, 1)) == []


def test_a_call_without_a_time_agreed_is_not_overdue_for_it():
    call = Event(
        "called", "2026-11-24T10:00:00-05:00[America/New_York]", outcome="undecided"
    )
    assert listed([*LETTERS, call], dt.date(2026, 12, 1)) == [
        (ReminderStatus.DUE, "call-back", "2026-12-01T09:00:00-05:00")
    ]


@given(st.integers(min_value=1, max_value=40))
def test_every_day_after_the_agreed_time_lists_the_call_back_overdue(days):
    day = dt.date(2026, 11, 27) + dt.timedelta(days=days)
    listing = listed([*LETTERS, CALL], day)
    assert [(status, label) for status, label, _ in listing] == [
        (ReminderStatus.OVERDUE, "call-back")
    ]
    # Listed at the time it is planned for: never before the day asked about.
    assert dt.date.fromisoformat(listing[0][2][:10]) >= day


def test_the_command_lists_it_overdue_over_the_weekend(tmp_path):
    from followup.json import to_json  # noqa: PLC0415

    line = (
        '{"id": "acme", "interview": ' + to_json(ADA, indent=None) + ', "history": ['
        + ", ".join(to_json(event, indent=None) for event in [*LETTERS, CALL]) + "]}\n"
    )  # fmt: skip
    batch = tmp_path / "tracker.jsonl"
    batch.write_text(line)
    result = run("due", batch, "--on", "2026-11-28")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        "Mon 30 Nov 2026 09:00 EST  overdue  call-back (phone)  Ada Lovelace, Acme "
        "(acme)\n"
    )
