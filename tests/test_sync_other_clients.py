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


def test_a_call_another_program_confirmed_is_cancelled_after_a_rejection(
    calendar_url,
):
    # Many programs save an event with STATUS:CONFIRMED; a push marks a done
    # call so too, but takes its alarm away.  Confirmed with its alarm, the
    # call was taken for done: never cancelled, and it kept ringing.
    _push(
        calendar_url,
        plan_followups(example_interview(), SENT, now="2026-11-25T09:40:00-05:00"),
        SENT,
    )
    _edit(
        calendar_url,
        "call",
        lambda t: t.replace("\nUID:", "\nSTATUS:CONFIRMED\nUID:", 1),
    )
    rejected = [
        *SENT,
        Event("decision-received", "2026-11-27T10:00:00-05:00", outcome="rejected"),
    ]
    after = plan_followups(
        example_interview(), rejected, now="2026-11-27T10:05:00-05:00"
    )
    assert after.steps == ()
    synced = _push(calendar_url, after, rejected)
    assert (len(synced.cancelled), synced.done) == (1, ())
    (call,) = _calendar(calendar_url).objects(load_objects=True)
    component = call.icalendar_component
    assert str(component["status"]) == "CANCELLED"
    assert not [sub for sub in component.subcomponents if sub.name == "VALARM"]


_OWN_ALARM = (
    "BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:my own reminder\r\n"
    "TRIGGER:-P1D\r\nEND:VALARM\r\n"
)


def _own_alarm_and_note(text):
    noted = re.sub(r"(?m)^UID:", "COMMENT:spoke to Grace\r\nUID:", text, count=1)
    return re.sub(r"END:VEVENT", _OWN_ALARM + "END:VEVENT", noted, count=1)


def test_what_another_program_added_stays_when_the_plan_moves_the_item(
    calendar_url,
):
    planned = plan_followups(example_interview(), SENT, now="2026-11-25T09:40:00-05:00")
    _push(calendar_url, planned, SENT)
    _edit(calendar_url, "call", _own_alarm_and_note)
    # The same plan: the reminder of one's own is no change.
    again = _push(calendar_url, planned, SENT)
    assert (again.updated, len(again.unchanged)) == ((), 1)
    # Away until Wednesday 2 December: the call moves, and is rewritten with
    # the note and the reminder of one's own, beside the plan's one alarm.
    away = [*SENT, Event("away", "2026-11-26T09:00:00-05:00", until="2026-12-02")]
    moved = plan_followups(example_interview(), away, now="2026-11-26T09:05:00-05:00")
    synced = _push(calendar_url, moved, away)
    assert len(synced.updated) == 1
    (call,) = _calendar(calendar_url).objects(load_objects=True)
    component = call.icalendar_component
    assert component["dtstart"].dt.date().isoformat() == "2026-12-02"
    assert str(component["comment"]) == "spoke to Grace"
    alarms = [sub for sub in component.subcomponents if sub.name == "VALARM"]
    assert sorted(str(alarm["description"]) for alarm in alarms) == sorted(
        ["my own reminder", str(component["summary"])]
    )
    # And the next push of that plan writes nothing.
    assert _push(calendar_url, moved, away).updated == ()


_OWN_ZONE = (
    "BEGIN:VTIMEZONE\r\nTZID:America/New_York\r\nBEGIN:DAYLIGHT\r\n"
    "TZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\nTZNAME:EDT\r\n"
    "DTSTART:19700308T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r\n"
    "END:DAYLIGHT\r\nBEGIN:STANDARD\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\n"
    "TZNAME:EST\r\nDTSTART:19701101T020000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
)


def test_a_time_zone_a_client_wrote_again_is_no_change(calendar_url):
    plan = plan_followups(example_interview(), now="2026-11-23T10:20:00-05:00")
    _push(calendar_url, plan)

    def rewritten(text):
        own = re.sub(
            r"BEGIN:VTIMEZONE\r?\n.*?END:VTIMEZONE\r?\n",
            _OWN_ZONE,
            text,
            flags=re.DOTALL,
        )
        assert own != text
        acknowledged = re.sub(
            r"BEGIN:VALARM\r?\n",
            "BEGIN:VALARM\r\nACKNOWLEDGED:20261123T152500Z\r\n",
            own,
        )
        assert acknowledged != own
        return acknowledged

    _edit(calendar_url, "thank-you", rewritten)
    synced = _push(calendar_url, plan)
    assert (len(synced.unchanged), synced.updated) == (4, ())
    texts = [r.data for r in _calendar(calendar_url).objects(load_objects=True)]
    assert sum("ACKNOWLEDGED:20261123T152500Z" in text for text in texts) == 1


def test_a_line_folded_with_a_tab_says_what_it_said():
    from followup.ics import calendar_objects  # noqa: PLC0415
    from followup.sync import _says_the_same  # noqa: PLC0415

    plan = plan_followups(example_interview(), now="2026-11-23T10:20:00-05:00")
    _, written = next(iter(calendar_objects(plan, todos=True)))
    text = written.decode()
    folded = re.sub(r"(?m)^(SUMMARY:.{20})(.*)$", "\\1\r\n\t\\2", text, count=1)
    assert folded != text
    assert _says_the_same(folded, text)
    assert not _says_the_same(folded.replace("\r\n\t", "\r\n\tX", 1), text)


def test_a_calendar_of_events_alone_asks_for_events_only(caldav_server):
    # Radicale takes the to-dos into such a calendar, where no client shows
    # them; others refuse them halfway through.  Said before anything is
    # written.
    from followup.sync import SyncError  # noqa: PLC0415

    client = caldav.DAVClient(f"{caldav_server}/", username=USER, password=PASSWORD)
    events = client.principal().make_calendar(
        name="events-alone",
        cal_id="events-alone",
        supported_calendar_component_set=["VEVENT"],
    )
    url = str(events.url)
    plan = plan_followups(example_interview(), now="2026-11-23T10:20:00-05:00")
    with pytest.raises(SyncError) as raised:
        _push(url, plan)
    assert str(raised.value).endswith(
        "this calendar holds events only, not the to-dos of the letters: push "
        "with --events-only (todos=False)"
    )
    assert list(_calendar(url).objects(load_objects=True)) == []
    synced = sync_plan(plan, url, username=USER, password=PASSWORD, todos=False)
    assert len(synced.created) == len(plan.steps)


def _alarms(url, kind):
    (item,) = (
        resource
        for resource in _calendar(url).objects(load_objects=True)
        if f"-{kind}-" in str(resource.icalendar_component["uid"])
    )
    component = item.icalendar_component
    return [
        (str(sub.get("trigger").to_ical().decode()), str(sub.get("description")))
        for sub in component.subcomponents
        if sub.name == "VALARM"
    ]


def test_an_item_a_client_renamed_keeps_one_alarm_of_the_plan(calendar_url):
    # The plan's alarm is known by when it rings, not by its text: renamed
    # in a client, the item took a second copy of it at each push.
    plan = plan_followups(example_interview(), SENT, now="2026-11-25T09:40:00-05:00")
    _push(calendar_url, plan, SENT)
    for edit in range(3):
        _edit(
            calendar_url,
            "call",
            lambda t, edit=edit: re.sub(
                r"(?m)^SUMMARY:.*$", f"SUMMARY:Call Grace ({edit})", t, count=1
            ),
        )
        _push(calendar_url, plan, SENT)
        assert [trigger for trigger, _ in _alarms(calendar_url, "call")] == ["-PT15M"]


def test_a_reminder_of_one_s_own_named_as_the_item_goes_with_it(calendar_url):
    planned = plan_followups(example_interview(), SENT, now="2026-11-25T09:40:00-05:00")
    _push(calendar_url, planned, SENT)
    (summary,) = {text for _, text in _alarms(calendar_url, "call")}
    own = (
        f"BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:{summary}\r\n"
        "TRIGGER:-P1D\r\nEND:VALARM\r\n"
    )
    _edit(calendar_url, "call", lambda t: re.sub("END:VEVENT", own + "END:VEVENT", t))
    away = [*SENT, Event("away", "2026-11-26T09:00:00-05:00", until="2026-12-02")]
    moved = plan_followups(example_interview(), away, now="2026-11-26T09:05:00-05:00")
    _push(calendar_url, moved, away)
    assert sorted(trigger for trigger, _ in _alarms(calendar_url, "call")) == [
        "-P1D",
        "-PT15M",
    ]


def test_a_to_do_ticked_off_in_a_client_stays_done(calendar_url):
    thanked = [Event("thank-you-sent", "2026-11-23T10:45:00-05:00")]
    planned = plan_followups(
        example_interview(), thanked, now="2026-11-23T11:00:00-05:00"
    )
    _push(calendar_url, planned, thanked)
    _edit(
        calendar_url,
        "follow-up",
        lambda t: re.sub(
            r"(?m)^UID:",
            "STATUS:COMPLETED\r\nCOMPLETED:20261125T150000Z\r\n"
            "PERCENT-COMPLETE:100\r\nUID:",
            t,
            count=1,
        ),
    )
    replied = [*thanked, Event("replied", "2026-11-26T10:00:00-05:00")]
    after = plan_followups(
        example_interview(), replied, now="2026-11-26T10:05:00-05:00"
    )
    synced = _push(calendar_url, after, replied)
    assert synced.cancelled == ()
    assert _statuses(calendar_url)["up"] == "COMPLETED"  # follow-up


def _triggers(url, kind):
    return sorted(trigger for trigger, _ in _alarms(url, kind))


def test_the_plan_s_own_alarm_is_not_kept_when_it_counts_from_elsewhere(calendar_url):
    # Paused until Thursday 26th: the thank-you to-do has a start, then, one
    # day later, none (its alarm then counts from its end).  The plan's old
    # alarm was taken for one of the user's and kept beside the new one.
    paused = [Event("paused", "2026-11-23T12:00:00-05:00", until="2026-11-26")]
    for now in ("2026-11-26T10:00:00-05:00", "2026-11-27T10:05:00-05:00"):
        plan = plan_followups(example_interview(), paused, now=now)
        _push(calendar_url, plan, paused)
        assert _triggers(calendar_url, "thank-you") == ["-PT15M"]
    for todos in (False, True, False):
        sync_plan(plan, calendar_url, username=USER, password=PASSWORD, todos=todos)
        assert _triggers(calendar_url, "thank-you") == ["-PT15M"]


def test_a_to_do_ticked_off_stays_ticked_when_the_plan_moves_it(calendar_url):
    plan = plan_followups(example_interview(), now="2026-11-23T10:20:00-05:00")
    _push(calendar_url, plan)
    _edit(
        calendar_url,
        "follow-up",
        lambda t: re.sub(
            r"(?m)^UID:",
            "STATUS:COMPLETED\r\nCOMPLETED:20261123T170000Z\r\n"
            "PERCENT-COMPLETE:100\r\nUID:",
            t,
            count=1,
        ),
    )
    later = plan_followups(example_interview(), now="2026-11-27T10:20:00-05:00")
    _push(calendar_url, later)
    assert _statuses(calendar_url)["up"] == "COMPLETED"  # follow-up
