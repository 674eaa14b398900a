"""`Reminder` and `PlanChanges` are public values: checked when made, exact in JSON.

Both were plain records: `Reminder("soon", "tomorrow", "not an interview")`
was taken and failed later, and a reminder read back from JSON held its
time as text, without its zone.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup import (
    Interview,
    InvalidTypeError,
    InvalidValueError,
    PlanChanges,
    Reminder,
    ReminderStatus,
    plan_changes,
    plan_followups,
    reminders_on,
)
from followup.json import InvalidDocumentError, from_json, to_json

PARIS = Interview("Ada", "Acme", "2026-11-23T10:00:00+01:00[Europe/Paris]")


@given(st.dates(dt.date(2026, 11, 20), dt.date(2027, 6, 1)), st.integers(0, 30))
def test_every_reminder_reads_back_from_json_equal_and_in_its_zone(day, within):
    for reminder in reminders_on(PARIS, on=day, within_days=within):
        back = from_json(to_json(reminder), Reminder)
        assert back == reminder
        assert back.at.timezone_name == reminder.at.timezone_name == "Europe/Paris"
        assert back.at.isoformat() == reminder.at.isoformat()


@pytest.mark.parametrize(
    ("fields", "error", "message"),
    [
        (
            {"status": "soon"},
            InvalidValueError,
            "Reminder.status: 'soon' is not a ReminderStatus",
        ),
        ({"at": "tomorrow"}, InvalidValueError, "Reminder.at: 'tomorrow' is not"),
        (
            {"interview": "not an interview"},
            InvalidTypeError,
            "Reminder.interview: expected an Interview",
        ),
        ({"step": 42}, InvalidTypeError, "Reminder.step: expected a Step or None"),
        ({"last": "x"}, InvalidTypeError, "Reminder.last: expected an Event or None"),
        ({"silent_days": -1}, InvalidValueError, "Reminder.silent_days: -1 is below 0"),
        ({"silent_days": True}, InvalidTypeError, "Reminder.silent_days: expected"),
    ],
)
def test_a_reminder_made_by_hand_is_checked_field_by_field(fields, error, message):
    good = {
        "status": ReminderStatus.QUIET,
        "at": "2026-11-30T09:00:00+01:00[Europe/Paris]",
        "interview": PARIS,
        "silent_days": 7,
    }
    assert Reminder(**good).status is ReminderStatus.QUIET
    with pytest.raises(error) as raised:
        Reminder(**{**good, **fields})
    assert str(raised.value).startswith(message)


def test_a_reminder_document_with_a_bad_time_is_refused():
    document = (
        '{"status": "due", "at": "garbage", "interview": {"candidate": "A", '
        '"company": "B", "at": "2026-11-23T10:00:00Z"}}'
    )
    with pytest.raises(InvalidDocumentError, match=r"\$\.at: 'garbage' is not"):
        from_json(document, Reminder)


def test_plan_changes_are_checked_and_read_back_exactly():
    before = plan_followups(PARIS, now="2026-11-23T10:30:00+01:00")
    after = plan_followups(PARIS, now="2026-11-26T10:30:00+01:00")
    changes = plan_changes(before, after)
    assert changes.moved
    assert from_json(to_json(changes), PlanChanges) == changes
    step = after.steps[0]
    assert PlanChanges(added=[step], moved=[[step, step]]).moved == ((step, step),)
    with pytest.raises(InvalidTypeError, match=r"^PlanChanges\.added: expected"):
        PlanChanges(added="x")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match=r"^PlanChanges\.done\[1\]: expected"):
        PlanChanges(done=(step, "x"))  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match=r"^PlanChanges\.moved\[0\]: expected"):
        PlanChanges(moved=[(step,)])  # type: ignore[list-item]
