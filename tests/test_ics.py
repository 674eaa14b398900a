"""followup.ics: calendars that readers understand and that update on re-import."""

from __future__ import annotations

import datetime as dt

import icalendar
import vobject

from followup import (
    Contact,
    Event,
    EventKind,
    Interview,
    StepKind,
    plan_followups,
)
from followup.ics import step_uid, to_ics

NY = "America/New_York"
TRICKY = Contact(
    "Renée O'Brien; Søren, Jr.",
    email="renee@example.com",
    phone="+1 212 555 0123",
    timezone=NY,
)
INTERVIEW = Interview(
    "Zoë Nguyễn",
    "Müller, Schmidt & Co; Ltd",
    "2026-11-23T10:00:00-05:00[America/New_York]",
    interviewer=TRICKY,
)


def items(calendar):
    return [c for c in calendar.walk() if c.name in {"VEVENT", "VTODO"}]


def test_one_item_per_step_events_for_calls_and_todos_for_messages():
    plan = plan_followups(INTERVIEW)
    calendar = icalendar.Calendar.from_ical(to_ics(plan))
    found = items(calendar)
    assert [c.name for c in found] == ["VEVENT", "VTODO", "VTODO", "VEVENT"]
    assert [str(c["uid"]) for c in found] == [
        step_uid(INTERVIEW, s) for s in plan.steps
    ]
    for component in found:
        (alarm,) = [c for c in component.walk() if c.name == "VALARM"]
        assert str(alarm["action"]) == "DISPLAY"
        assert alarm.decoded("trigger") == dt.timedelta(minutes=-15)
        assert component.decoded("dtstamp") == plan.as_of
    assert calendar["method"] == "PUBLISH"


def test_times_carry_their_real_zone_with_a_vtimezone():
    plan = plan_followups(INTERVIEW)
    text = to_ics(plan).decode()
    assert "DTSTART;TZID=America/New_York:20261125T090000" in text
    assert "DUE;TZID=America/New_York:20261126T170000" in text
    calendar = icalendar.Calendar.from_ical(text)
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == [NY]
    call = items(calendar)[-1]
    start = call.decoded("dtstart")
    assert start.utcoffset() == dt.timedelta(hours=-5)
    assert call.decoded("dtend") - start == dt.timedelta(minutes=4)
    assert str(call["location"]) == "+12125550123"


def test_an_independent_reader_reads_the_text_and_the_times():
    plan = plan_followups(INTERVIEW)
    calendar = vobject.readOne(to_ics(plan).decode())
    follow_up = calendar.vtodo_list[1]
    description = follow_up.description.value
    assert "Müller, Schmidt & Co; Ltd" in description
    assert "mention: Zoë Nguyễn; 23 November 2026; 10:00" in description
    assert "\n- at most 9 lines\n" in description
    assert follow_up.summary.value == (
        "Send the follow-up to Renée O'Brien; Søren, Jr. at Müller, Schmidt & Co; Ltd (email)"
    )
    start = follow_up.dtstart.value
    assert start.utcoffset() == dt.timedelta(hours=-5)
    assert (start.year, start.month, start.day, start.hour) == (2026, 11, 25, 9)
    (call,) = calendar.vevent_list[1:]
    assert call.summary.value.startswith("Call Renée O'Brien; Søren, Jr. at")


def test_uids_stay_the_same_when_the_plan_is_updated():
    first = plan_followups(INTERVIEW)
    sent = [Event(EventKind.THANK_YOU_SENT, "2026-11-23T10:40:00-05:00")]
    later = plan_followups(INTERVIEW, sent, now="2026-11-23T11:00:00-05:00")
    uids = {s.kind: step_uid(INTERVIEW, s) for s in first.steps}
    for step in later.steps:
        assert step_uid(INTERVIEW, step) == uids[step.kind]
    first_items = {
        str(c["uid"]): c for c in items(icalendar.Calendar.from_ical(to_ics(first)))
    }
    later_items = items(icalendar.Calendar.from_ical(to_ics(later)))
    for item in later_items:
        assert item.decoded("sequence") > first_items[str(item["uid"])].decoded(
            "sequence"
        )
    # The same interview written in another zone has the same UIDs.
    utc = Interview(
        INTERVIEW.candidate,
        INTERVIEW.company,
        "2026-11-23T15:00:00Z",
        interviewer=TRICKY,
    )
    assert step_uid(utc, first.steps[1]) == uids[StepKind.THANK_YOU]


def test_the_second_call_back_is_a_new_item():
    calls = [
        Event(EventKind.CALLED, "2026-12-01T11:00:00-05:00", outcome="no-answer"),
        Event(EventKind.CALLED, "2026-12-08T11:00:00-05:00", outcome="no-answer"),
    ]
    one = plan_followups(INTERVIEW, calls[:1], now="2026-12-01T12:00:00-05:00")
    two = plan_followups(INTERVIEW, calls, now="2026-12-08T12:00:00-05:00")
    assert step_uid(INTERVIEW, one.steps[0]).endswith("-call-back-1@followup")
    assert step_uid(INTERVIEW, two.steps[0]).endswith("-call-back-2@followup")
    assert "Call back (#2)" in to_ics(two).decode()


def test_the_same_plan_gives_the_same_bytes():
    plan = plan_followups(INTERVIEW)
    assert to_ics(plan) == to_ics(plan_followups(INTERVIEW))


def test_fixed_offsets_are_written_in_utc():
    plan = plan_followups(Interview("Ada", "Acme", "2026-11-23T10:00:00-05:00"))
    text = to_ics(plan).decode()
    assert "TZID" not in text
    assert "DTSTART:20261125T140000Z" in text


def test_messages_can_be_events_for_calendars_without_todos():
    text = to_ics(plan_followups(INTERVIEW), todos=False, alarm_minutes=60).decode()
    assert "VTODO" not in text
    assert text.count("BEGIN:VEVENT") == 4
    assert "TRIGGER:-PT1H" in text


def test_an_empty_plan_is_an_empty_calendar():
    decided = [
        Event(EventKind.DECISION_RECEIVED, "2026-11-24T09:00:00-05:00", outcome="offer")
    ]
    plan = plan_followups(INTERVIEW, decided, now="2026-11-24T10:00:00-05:00")
    calendar = icalendar.Calendar.from_ical(to_ics(plan))
    assert items(calendar) == []
    assert vobject.readOne(to_ics(plan).decode()).name == "VCALENDAR"


def test_time_zones_cover_only_the_plans_dates():
    # add_missing_timezones() would otherwise write 1970-2038: ~3 KB a zone.
    text = to_ics(plan_followups(INTERVIEW)).decode()
    start, end = text.index("BEGIN:VTIMEZONE"), text.index("END:VTIMEZONE")
    assert end - start < 600
    assert "2026" in text[start:end]
