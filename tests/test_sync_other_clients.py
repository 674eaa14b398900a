"""`sync` beside other calendar clients, on a real Radicale server.

A phone or a desktop client that shows the items edits them in its own
ways: it sets DTSTAMP again when it saves an item (RFC 5545, 3.8.7.2), adds
a note, marks an alarm dismissed (ACKNOWLEDGED, RFC 9074).  None of that
changes what the plan says, and none of it may change what a push does.
"""

from __future__ import annotations

import re

import caldav
import pytest

from followup import Event, plan_followups
from followup.example import example_interview
from followup.sync import sync_plan
from radicale_server import PASSWORD, USER

SENT = [
    Event("thank-you-sent", "2026-11-23T10:45:00-05:00"),
    Event("follow-up-sent", "2026-11-25T09:30:00-05:00"),
]


def _calendar(url):
    return caldav.DAVClient(url, username=USER, password=PASSWORD).calendar(url=url)


def _push(url, plan, history=()):
    return sync_plan(plan, url, username=USER, password=PASSWORD, history=history)


def _edit(url, kind, change):
    (item,) = (
        resource
        for resource in _calendar(url).objects(load_objects=True)
        if f"-{kind}-" in str(resource.icalendar_component["uid"])
    )
    item.data = change(item.data)
    item.save()


def _statuses(url):
    return {
        str(resource.icalendar_component["uid"]).split("-")[-2]: str(
            resource.icalendar_component.get("status", "")
        )
        for resource in _calendar(url).objects(load_objects=True)
    }


def _a_note_added_later(text):
    # As a client saves it: a note of its own, and DTSTAMP set to the edit.
    stamped = re.sub(r"DTSTAMP:\S+", "DTSTAMP:20261130T163000Z", text)
    assert stamped != text
    noted = re.sub(r"(?m)^UID:", "COMMENT:spoke to Grace\nUID:", stamped, count=1)
    assert noted != stamped
    return noted


@pytest.mark.parametrize("edited", [False, True])
def test_a_call_made_is_done_though_a_client_edited_its_item_since(
    calendar_url, edited
):
    planned = plan_followups(example_interview(), SENT, now="2026-11-25T09:40:00-05:00")
    assert [step.kind.value for step in planned.steps] == ["call"]
    _push(calendar_url, planned, SENT)
    if edited:
        _edit(calendar_url, "call", _a_note_added_later)
    called = [*SENT, Event("called", "2026-11-30T11:00:00-05:00", outcome="rejected")]
    replanned = plan_followups(
        example_interview(), called, now="2026-11-30T12:00:00-05:00"
    )
    synced = _push(calendar_url, replanned, called)
    assert (synced.done, synced.cancelled) == ((synced.done[0],), ())
    assert "-call-" in synced.done[0]
    assert _statuses(calendar_url) == {"call": "CONFIRMED"}


def test_a_dismissed_alarm_is_not_rung_again_by_a_push_of_the_same_plan(
    calendar_url,
):
    plan = plan_followups(example_interview(), now="2026-11-23T10:20:00-05:00")
    _push(calendar_url, plan)

    def dismissed(text):
        return re.sub(
            r"BEGIN:VALARM\r?\n",
            "BEGIN:VALARM\r\nACKNOWLEDGED:20261123T152500Z\r\n"
            "UID:3f6a0c2e-alarm\r\nX-MOZ-LASTACK:20261123T152500Z\r\n",
            text,
        )

    _edit(calendar_url, "thank-you", dismissed)
    _edit(calendar_url, "follow-up", _a_note_added_later)
    again = plan_followups(example_interview(), now="2026-11-23T10:21:00-05:00")
    synced = _push(calendar_url, again)
    assert (len(synced.unchanged), synced.updated) == (4, ())
    texts = [r.data for r in _calendar(calendar_url).objects(load_objects=True)]
    assert sum("ACKNOWLEDGED:20261123T152500Z" in text for text in texts) == 1
    assert sum("COMMENT:spoke to Grace" in text for text in texts) == 1


def test_what_the_plan_says_and_a_client_changed_is_written_back(calendar_url):
    plan = plan_followups(example_interview(), now="2026-11-23T10:20:00-05:00")
    _push(calendar_url, plan)

    def moved(text):
        return re.sub(r"(?m)^SUMMARY:.*$", "SUMMARY:Something else", text, count=1)

    _edit(calendar_url, "follow-up", moved)
    synced = _push(calendar_url, plan)
    assert len(synced.updated) == 1
    assert "-follow-up-" in synced.updated[0]
    texts = [r.data for r in _calendar(calendar_url).objects(load_objects=True)]
    assert not any("Something else" in text for text in texts)


@pytest.mark.parametrize("outcome", ["rejected", "no-answer"])
def test_a_call_recorded_after_the_next_push_is_done(calendar_url, outcome):
    # Made at 10:00 on Monday 30 November; pushed again at 18:00 with the
    # call still planned, for it was not yet recorded; recorded on Tuesday.
    _push(calendar_url, plan_followups(example_interview(), SENT, now=MONDAY_18))
    called = [*SENT, Event("called", "2026-11-30T10:00:00-05:00", outcome=outcome)]
    replanned = plan_followups(example_interview(), called, now=TUESDAY_9)
    synced = _push(calendar_url, replanned, called)
    assert (len(synced.done), synced.cancelled) == (1, ())
    assert "-call-1@" in synced.done[0]
    assert _statuses(calendar_url)["call"] == "CONFIRMED"


MONDAY_18 = "2026-11-30T18:00:00-05:00"
TUESDAY_9 = "2026-12-01T09:00:00-05:00"


def test_a_call_exported_twice_is_one_call_for_what_a_push_marks_done(calendar_url):
    # One call, recorded twice, then an offer: the call-back planned after
    # it was never made, and is cancelled, as plan_changes and to_ics say.
    call = Event("called", "2026-11-30T10:00:00-05:00", outcome="no-answer")
    _push(
        calendar_url, plan_followups(example_interview(), [*SENT, call], now=MONDAY_18)
    )
    offered = [
        *SENT,
        call,
        call,
        Event("decision-received", "2026-12-01T08:00:00-05:00", outcome="offer"),
    ]
    replanned = plan_followups(example_interview(), offered, now=TUESDAY_9)
    synced = _push(calendar_url, replanned, offered)
    assert (len(synced.cancelled), synced.done) == (1, ())
    assert "-call-back-1@" in synced.cancelled[0]
