"""A step the history says was done is written as done, not as cancelled.

A replan after the thank-you was sent drops the thank-you; `--previous`
and `sync` wrote every dropped step as cancelled, so a calendar showed the
thank-you sent, the follow-up sent and the call made struck out as called
off.  With the history, `plan_changes` tells them apart (`done`), and the
calendar gets a completed to-do, or an event kept without its alarm.
"""

from __future__ import annotations

import datetime as dt
import pathlib

import caldav
import icalendar

from followup import Event, EventKind, StepKind, plan_changes, plan_followups
from followup.example import example_interview
from followup.ics import to_ics
from followup.sync import sync_plan
from radicale_server import PASSWORD, USER
from shell import run

EXAMPLES = pathlib.Path(__file__).parent.parent / "examples"
UTC = dt.timezone.utc
BEFORE = "2026-11-23T10:20:00-05:00"
THANKED = Event(EventKind.THANK_YOU_SENT, "2026-11-23T10:45:00-05:00")
WROTE = Event(EventKind.FOLLOW_UP_SENT, "2026-11-25T09:30:00-05:00")
CALLED = Event(EventKind.CALLED, "2026-11-30T11:00:00-05:00", outcome="no-answer")
REJECTED = Event(
    EventKind.DECISION_RECEIVED, "2026-12-01T09:00:00-05:00", outcome="rejected"
)


def _kinds(steps):
    return [step.kind for step in steps]


def test_the_history_tells_steps_done_from_steps_called_off():
    before = plan_followups(example_interview(), now=BEFORE)
    history = [THANKED, WROTE, CALLED, REJECTED]
    after = plan_followups(
        example_interview(), history, now="2026-12-01T09:05:00-05:00"
    )
    assert after.steps == ()
    changes = plan_changes(before, after, history)
    assert _kinds(changes.done) == [
        StepKind.THANK_YOU,
        StepKind.FOLLOW_UP,
        StepKind.CALL,
    ]
    # The close of the call has no event; nothing says how it went.
    assert _kinds(changes.cancelled) == [StepKind.CLOSE_CALL]
    # Without the history, every dropped step is cancelled, as before.
    alone = plan_changes(before, after)
    assert alone.done == ()
    assert _kinds(alone.cancelled) == _kinds(before.steps)


def test_a_step_skipped_or_ended_by_a_decision_is_cancelled():
    before = plan_followups(example_interview(), now=BEFORE)
    # A call made before any letter was sent: it covers the thank-you and
    # the follow-up, which were never sent; then a rejection ends the rest.
    history = [CALLED, REJECTED]
    after = plan_followups(
        example_interview(), history, now="2026-12-01T09:05:00-05:00"
    )
    changes = plan_changes(before, after, history)
    assert _kinds(changes.done) == [StepKind.CALL]
    assert _kinds(changes.cancelled) == [
        StepKind.CLOSE_CALL,
        StepKind.THANK_YOU,
        StepKind.FOLLOW_UP,
    ]


def test_a_call_made_before_the_previous_plan_did_not_do_its_call():
    # The previous plan knew of the first call and planned a call-back; a
    # rejection drops it, and the call on record is the earlier one.
    first = [THANKED, WROTE, CALLED]
    before = plan_followups(example_interview(), first, now="2026-11-30T11:05:00-05:00")
    assert _kinds(before.steps) == [StepKind.CALL_BACK]
    history = [*first, REJECTED]
    after = plan_followups(
        example_interview(), history, now="2026-12-01T09:05:00-05:00"
    )
    changes = plan_changes(before, after, history)
    assert changes.done == ()
    assert _kinds(changes.cancelled) == _kinds(before.steps)


def test_a_letter_recorded_late_is_done_all_the_same():
    # The thank-you went out at 10:45 but was recorded only after the plan
    # of 11:00 was made, which still held it.
    before = plan_followups(example_interview(), now="2026-11-23T11:00:00-05:00")
    after = plan_followups(
        example_interview(), [THANKED], now="2026-11-23T12:00:00-05:00"
    )
    changes = plan_changes(before, after, [THANKED])
    assert _kinds(changes.done) == [StepKind.THANK_YOU]
    assert changes.cancelled == ()


def _items(ics: bytes):
    calendar = icalendar.Calendar.from_ical(ics)
    return {
        str(item["uid"]).split("-", 1)[1]: item
        for item in calendar.walk()
        if item.name in {"VEVENT", "VTODO"}
    }


def test_the_calendar_file_marks_done_steps_done():
    before = plan_followups(example_interview(), now=BEFORE)
    history = [THANKED, WROTE, CALLED, REJECTED]
    after = plan_followups(
        example_interview(), history, now="2026-12-01T09:05:00-05:00"
    )
    items = _items(to_ics(after, previous=before, history=history))
    thank_you = items["thank-you-1@followup"]
    assert (thank_you.name, str(thank_you["status"])) == ("VTODO", "COMPLETED")
    assert thank_you["completed"].dt == dt.datetime(2026, 11, 23, 15, 45, tzinfo=UTC)
    assert int(thank_you["percent-complete"]) == 100
    follow_up = items["follow-up-1@followup"]
    assert str(follow_up["status"]) == "COMPLETED"
    assert follow_up["completed"].dt == dt.datetime(2026, 11, 25, 14, 30, tzinfo=UTC)
    call = items["call-1@followup"]
    assert (call.name, str(call["status"])) == ("VEVENT", "CONFIRMED")
    # Kept where it was planned, ringing no more.
    (planned,) = (s for s in before.steps if s.kind is StepKind.CALL)
    assert call["dtstart"].dt == planned.due
    assert str(items["close-call-1@followup"]["status"]) == "CANCELLED"
    assert all(not item.subcomponents for item in items.values())
    # As events only, a letter done is an event kept, too.
    events = _items(to_ics(after, previous=before, history=history, todos=False))
    assert str(events["thank-you-1@followup"]["status"]) == "CONFIRMED"
    assert "completed" not in events["thank-you-1@followup"]


def test_the_command_reads_the_history_for_the_previous_plan(tmp_path):
    old = tmp_path / "old.json"
    made = run(
        "plan", EXAMPLES / "interview.toml", "--now", BEFORE, "--format", "json",
        "--output", old,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    result = run(
        "plan", EXAMPLES / "interview.toml", "--history",
        EXAMPLES / "interview.history.toml", "--now", "2026-12-01T09:00:00-05:00",
        "--format", "ics", "--previous", old,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    items = _items(result.stdout.encode())
    statuses = {name: str(item.get("status", "")) for name, item in items.items()}
    assert statuses == {
        "close-call-1@followup": "CANCELLED",
        "thank-you-1@followup": "COMPLETED",
        "follow-up-1@followup": "COMPLETED",
        "call-1@followup": "CONFIRMED",
        "call-back-1@followup": "",
    }


def test_sync_marks_done_steps_done_once(calendar_url):
    before = plan_followups(example_interview(), now=BEFORE)
    assert (
        len(sync_plan(before, calendar_url, username=USER, password=PASSWORD).created)
        == 4
    )
    history = [THANKED, WROTE, CALLED]
    after = plan_followups(
        example_interview(), history, now="2026-11-30T11:05:00-05:00"
    )
    synced = sync_plan(
        after, calendar_url, username=USER, password=PASSWORD, history=history
    )
    assert [uid.split("-", 1)[1] for uid in synced.done] == [
        "call-1@followup",
        "follow-up-1@followup",
        "thank-you-1@followup",
    ]
    assert [uid.split("-", 1)[1] for uid in synced.cancelled] == [
        "close-call-1@followup"
    ]
    assert str(synced).endswith(", 3 done")
    client = caldav.DAVClient(calendar_url, username=USER, password=PASSWORD)
    found = {
        str(item.icalendar_component["uid"]).split("-", 1)[1]: item.icalendar_component
        for item in client.calendar(url=calendar_url).objects(load_objects=True)
    }
    assert str(found["thank-you-1@followup"]["status"]) == "COMPLETED"
    assert found["thank-you-1@followup"]["completed"].dt == dt.datetime(
        2026, 11, 23, 15, 45, tzinfo=UTC
    )
    assert str(found["call-1@followup"]["status"]) == "CONFIRMED"
    assert not found["call-1@followup"].subcomponents
    # Pushed again, nothing is written: each is marked already.
    again = sync_plan(
        after, calendar_url, username=USER, password=PASSWORD, history=history
    )
    assert (again.done, again.cancelled, again.created) == ((), (), ())
