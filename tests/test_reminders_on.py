"""`reminders_on`: what `followup due` lists, for one interview, from Python.

A tracker's developer had the command alone, or the private `followup._due`.
The function plans as the command does and lists the same reminders; bad
arguments are `FollowUpError`s naming the argument.
"""

from __future__ import annotations

import datetime as dt
import json
import pathlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup import (
    Event,
    FollowUpError,
    Interview,
    InvalidTypeError,
    InvalidValueError,
    NaiveDatetimeError,
    Reminder,
    ReminderStatus,
    reminders_on,
)
from followup.json import from_json, structure, to_json
from shell import run

EXAMPLES = pathlib.Path(__file__).parent.parent / "examples"
BATCH = EXAMPLES / "interviews.jsonl"
ADA = Interview("Ada Lovelace", "Acme", "2026-11-23T10:00:00-05:00[America/New_York]")
SENT = Event("thank-you-sent", "2026-11-23T11:00:00-05:00")


def entries():
    # Each line read with the public reader of plain data.
    for line in BATCH.read_text().splitlines():
        data = json.loads(line)
        history = structure(data.get("history") or [], list[Event])
        yield data["id"], structure(data["interview"], Interview), history


@pytest.mark.parametrize("within", [0, 3, 10])
@pytest.mark.parametrize("day", ["2026-11-25", "2026-12-01", "2026-12-20"])
def test_it_lists_what_the_command_lists(day, within):
    result = run(
        "due", BATCH, "--on", day, "--within", f"{within}d", "--format", "jsonl"
    )
    assert result.returncode == 0, result.stderr
    listed = sorted(
        (record["id"], record["status"], record["at"], record["step"])
        for record in map(json.loads, result.stdout.splitlines())
    )
    ours = sorted(
        (tracker_id, reminder.status.value, reminder.record()["at"],
         reminder.record()["step"])
        for tracker_id, interview, history in entries()
        for reminder in reminders_on(
            interview, history, on=dt.date.fromisoformat(day), within_days=within
        )
    )  # fmt: skip
    assert ours == listed
    assert ours, "the example batch lists something on each of these days"


def test_an_instant_asks_about_the_recipient_s_day():
    # 03:00 UTC on the 25th is still the 24th in New York.
    late = dt.datetime(2026, 11, 25, 3, tzinfo=dt.timezone.utc)
    assert reminders_on(ADA, [SENT], on=late) == reminders_on(
        ADA, [SENT], on=dt.date(2026, 11, 24)
    )


def test_reminders_come_soonest_first():
    listed = reminders_on(ADA, on=dt.date(2026, 11, 30), within_days=14)
    moments = [reminder.at for reminder in listed]
    assert moments == sorted(moments)
    assert [r.status for r in listed][:2] == [ReminderStatus.OVERDUE] * 2


def test_a_quiet_interview_is_listed_after_quiet_days():
    decided = [
        SENT,
        Event("follow-up-sent", "2026-11-25T09:00:00-05:00"),
        *(
            Event("called", f"2026-12-{day:02d}T10:00:00-05:00", outcome="no-answer")
            for day in (1, 8, 15)
        ),
    ]
    assert reminders_on(ADA, decided, on=dt.date(2027, 1, 4), quiet_days=21) == ()
    (quiet,) = reminders_on(ADA, decided, on=dt.date(2027, 1, 5), quiet_days=21)
    assert (quiet.status, quiet.silent_days) == (ReminderStatus.QUIET, 21)


@pytest.mark.parametrize(
    ("options", "error", "message"),
    [
        ({"on": "2026-11-24"}, InvalidTypeError, "on: expected a date or an aware datetime, got str '2026-11-24'"),
        ({"on": dt.datetime(2026, 11, 24)}, NaiveDatetimeError, "on: "),
        ({"on": dt.date(1900, 1, 1)}, InvalidValueError, "on: '1900-01-01' is not between 1900-01-02 and 2199-12-31"),
        ({"on": dt.date(2026, 11, 24), "within_days": -1}, InvalidValueError, "within_days: -1 is not between 0 and 3660 days (ten years)"),
        ({"on": dt.date(2026, 11, 24), "quiet_days": 3661}, InvalidValueError, "quiet_days: 3661 is not between 0 and 3660 days (ten years)"),
        ({"on": dt.date(2026, 11, 24), "within_days": 1.5}, InvalidTypeError, "within_days: expected a whole number of days, got float 1.5"),
        ({"on": dt.date(2026, 11, 24), "quiet_days": True}, InvalidTypeError, "quiet_days: expected a whole number of days, got bool True"),
    ],
)  # fmt: skip
def test_bad_arguments_name_the_argument(options, error, message):
    with pytest.raises(error) as raised:
        reminders_on(ADA, **options)
    assert str(raised.value).startswith(message)


def test_an_interview_that_is_none_is_refused():
    with pytest.raises(InvalidTypeError, match=r"^interview: "):
        reminders_on(None, on=dt.date(2026, 11, 24))  # type: ignore[arg-type]


@given(
    on=st.one_of(
        st.dates(),
        st.datetimes(timezones=st.just(dt.timezone.utc)),
        st.datetimes(),
        st.none(),
        st.text(max_size=12),
        st.integers(),
    ),
    within=st.one_of(st.integers(min_value=-5, max_value=4000), st.floats(), st.none()),
    quiet=st.one_of(st.integers(min_value=-5, max_value=4000), st.booleans()),
)
def test_any_arguments_give_reminders_or_a_followup_error(on, within, quiet):
    try:
        listed = reminders_on(ADA, [SENT], on=on, within_days=within, quiet_days=quiet)
    except FollowUpError:
        return
    assert isinstance(listed, tuple)
    assert all(reminder.interview is ADA for reminder in listed)


def test_a_reminder_due_after_2199_reads_back_as_a_plan_s_step_does():
    # A plan made at the end of 2199 runs into 2200 (docs/time.md); so do
    # the reminders of its steps, and they are read back as written.
    interview = Interview("Ada", "Acme", "2199-12-30T10:00:00+00:00[UTC]")
    reminders = reminders_on(interview, on=dt.date(2199, 12, 31), within_days=7)
    assert [r.at.year for r in reminders] == [2199, 2200, 2200]
    for reminder in reminders:
        assert from_json(to_json(reminder), Reminder) == reminder
