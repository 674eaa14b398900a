"""followup.ics at the edges: RFC 5545 to-dos, and VTIMEZONEs readers resolve right.

A reader that does not know a TZID, or trusts the calendar over its own zone
data, resolves each wall time through the VTIMEZONE the calendar carries.
`resolve` below does what RFC 5545 says such a reader does: the latest
observance whose DTSTART is at or before the wall time gives the offset.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

import icalendar
import pytest
import vobject
from hypothesis import given, settings
from hypothesis import strategies as st

from followup import (
    Channel,
    FollowUpPlan,
    Interview,
    InvalidTypeError,
    InvalidValueError,
    Step,
    StepKind,
    Window,
    plan_followups,
)
from followup.ics import (
    CalendarOfPlans,
    calendar_objects,
    step_uid,
    to_ics,
    to_ics_many,
)
from strategies import instants, transitions

UTC = dt.timezone.utc
SECOND = dt.timedelta(seconds=1)
NY = "America/New_York"
CASABLANCA = "Africa/Casablanca"
#: Every zone but the names whose meaning depends on the machine.
ZONES = sorted(
    name
    for name in zoneinfo.available_timezones()
    if name not in {"localtime", "Factory", "posixrules"}
    and not name.startswith(("posix/", "right/"))
)
# Morocco's clocks go from +01 to +00 for Ramadan 2026 and back (zoneinfo).
RAMADAN_STARTS = dt.datetime(2026, 2, 15, 2, tzinfo=UTC)
RAMADAN_ENDS = dt.datetime(2026, 3, 22, 2, tzinfo=UTC)
#: Interviews whose follow-ups run into Ramadan, lie in it, and run out of it.
AROUND_RAMADAN = [
    f"2026-02-12T10:00:00+01:00[{CASABLANCA}]",
    f"2026-03-02T10:00:00+00:00[{CASABLANCA}]",
    f"2026-03-18T10:00:00+00:00[{CASABLANCA}]",
]

#: An observance: its onset as a wall time, TZOFFSETFROM and TZOFFSETTO.
Observance = tuple[dt.datetime, dt.timedelta, dt.timedelta]


def items(calendar):
    return [c for c in calendar.walk() if c.name in {"VEVENT", "VTODO"}]


def observances(calendar) -> dict[str, list[Observance]]:
    """Every VTIMEZONE's observances, by TZID, oldest onset first."""
    zones = {}
    for timezone in calendar.walk("VTIMEZONE"):
        found = []
        for observance in timezone.subcomponents:
            # This resolver reads onsets, not recurrence rules.
            assert "RRULE" not in observance
            start = observance.decoded("dtstart")
            # RFC 5545: an onset is a local time, read with TZOFFSETFROM.
            assert start.tzinfo is None
            rdates = observance.get("rdate", [])
            rdates = rdates if isinstance(rdates, list) else [rdates]
            onsets = [start] + [d.dt for rdate in rdates for d in rdate.dts]
            offsets = (
                observance.decoded("tzoffsetfrom"),
                observance.decoded("tzoffsetto"),
            )
            found.extend((onset, *offsets) for onset in onsets)
        found.sort()
        # Two onsets at one wall time would leave the offset to chance.
        assert len({onset for onset, _, _ in found}) == len(found)
        zones[str(timezone["tzid"])] = found
    return zones


def resolve(wall: dt.datetime, found: list[Observance]) -> dt.datetime:
    """The instant of `wall` by the latest observance that began by then."""
    begun = [observance for observance in found if observance[0] <= wall]
    assert begun, f"{wall} is before the first observance"
    _, _, offset = begun[-1]
    return (wall - offset).replace(tzinfo=UTC)


def written_end(step: Step) -> dt.datetime:
    """The end of a step's event: the close of the call, the call, the writing."""
    if step.kind is StepKind.CLOSE_CALL:
        return step.window.end
    if step.requirements.call_minutes is not None:
        return step.due + dt.timedelta(minutes=step.requirements.call_minutes[1])
    return step.due + dt.timedelta(minutes=15)


def assert_times_resolve_to_the_plans(text: bytes, plans) -> list[dt.datetime]:
    """Every time written resolves to the plan's; returns the TZID times' instants."""
    calendar = icalendar.Calendar.from_ical(text)
    zones = observances(calendar)
    steps = {step_uid(p.interview, s): s for p in plans for s in p.steps}
    through_zones = []
    for item in items(calendar):
        step = steps[str(item["uid"])]
        expected = {"dtstart": step.due, "due": step.window.end}
        expected["dtend"] = written_end(step)
        for name in ("dtstart", "dtend", "due"):
            if name not in item:
                continue
            written = item[name]
            tzid = written.params.get("TZID")
            if tzid is None:
                # The one other form written: UTC.
                assert written.dt.utcoffset() == dt.timedelta()
                instant = written.dt.astimezone(UTC)
            else:
                instant = resolve(written.dt.replace(tzinfo=None), zones[tzid])
                through_zones.append(instant)
            assert instant == expected[name].astimezone(UTC), (
                name,
                item.to_ical().decode(),
            )
    return through_zones


def assert_observances_follow_the_zones(text: bytes) -> None:
    """Each VTIMEZONE changes offset exactly when its zone does, every time."""
    calendar = icalendar.Calendar.from_ical(text)
    span: dict[str, list[dt.datetime]] = {}
    for item in items(calendar):
        for name in ("dtstart", "dtend", "due"):
            if name in item and "TZID" in item[name].params:
                tzid = str(item[name].params["TZID"])
                span.setdefault(tzid, []).append(item.decoded(name).astimezone(UTC))
    for tzid, found in observances(calendar).items():
        zone = zoneinfo.ZoneInfo(tzid)
        onsets = []
        for index, (wall, before, after) in enumerate(found):
            onset = (wall - before).replace(tzinfo=UTC)
            onsets.append(onset)
            assert onset.astimezone(zone).utcoffset() == after, (tzid, wall)
            if index:
                # A real change, to the second, from the offset before it.
                assert found[index - 1][2] == before, (tzid, wall)
                earlier = (onset - SECOND).astimezone(zone).utcoffset()
                assert earlier == before, (tzid, wall)
        # Every change between the first and the last time written (found to
        # the minute, as the changes of these years are) has its observance.
        first, last = min(span[tzid]), max(span[tzid])
        changes = {
            change
            for year in range(first.year, last.year + 1)
            for change in transitions(tzid, year)
            if first < change <= last
        }
        assert changes <= set(onsets), (tzid, sorted(changes - set(onsets)))


def custom_plan(*steps: Step) -> FollowUpPlan:
    interview = Interview("Ada Lovelace", "Acme", f"2026-11-23T10:00:00-05:00[{NY}]")
    return FollowUpPlan(interview, steps, (), (), interview.at)


def message(number: int, start: str, due: str, end: str) -> Step:
    window = Window(f"{start}-05:00[{NY}]", f"{end}-05:00[{NY}]")
    return Step(
        StepKind.FOLLOW_UP,
        Channel.EMAIL,
        window,
        f"{due}-05:00[{NY}]",
        "FU004",
        "Follow up.",
        number=number,
    )


# Bug A: DUE must be later than DTSTART.

EDGE_PLAN = custom_plan(
    # Due when the window opens: a DTSTART before the DUE, as ever.
    message(1, "2026-11-25T09:00:00", "2026-11-25T09:00:00", "2026-11-26T17:00:00"),
    # Due when the window closes, and due in a window of no length.
    message(2, "2026-11-27T09:00:00", "2026-11-27T17:00:00", "2026-11-27T17:00:00"),
    message(3, "2026-11-30T12:00:00", "2026-11-30T12:00:00", "2026-11-30T12:00:00"),
)


@pytest.mark.parametrize(
    "write", [to_ics, lambda plan: to_ics_many([plan])], ids=["one", "many"]
)
def test_a_todo_due_at_the_end_of_its_window_has_no_dtstart_at_its_due(write):
    calendar = icalendar.Calendar.from_ical(write(EDGE_PLAN))
    todos = calendar.walk("VTODO")
    assert len(todos) == 3
    for todo in todos:
        if "dtstart" in todo:
            assert todo.decoded("due") > todo.decoded("dtstart")
    first, *at_the_end = todos
    assert first.decoded("dtstart") == EDGE_PLAN.steps[0].due
    for todo, step in zip(at_the_end, EDGE_PLAN.steps[1:], strict=True):
        assert "dtstart" not in todo
        # No time moved: the to-do is due when the plan says.
        assert todo.decoded("due") == step.due == step.window.end
        # With no DTSTART, the alarm counts back from the DUE.
        (alarm,) = todo.walk("VALARM")
        assert alarm["trigger"].params["RELATED"] == "END"
        assert alarm.decoded("trigger") == dt.timedelta(minutes=-15)
    assert_times_resolve_to_the_plans(write(EDGE_PLAN), [EDGE_PLAN])


def test_an_event_that_would_end_as_it_starts_has_no_dtend():
    window = Window(
        f"2026-11-23T10:25:00-05:00[{NY}]", f"2026-11-23T10:30:00-05:00[{NY}]"
    )
    late = Step(
        StepKind.CLOSE_CALL,
        Channel.PHONE,
        window,
        window.end,
        "FU001",
        "Close the call.",
    )
    (event,) = icalendar.Calendar.from_ical(to_ics(custom_plan(late))).walk("VEVENT")
    assert event.decoded("dtstart") == window.end
    # RFC 5545 reads an event without DTEND as ending when it starts.
    assert "dtend" not in event
    (alarm,) = event.walk("VALARM")
    assert "RELATED" not in alarm["trigger"].params


def test_messages_written_as_events_still_end_after_they_start():
    calendar = icalendar.Calendar.from_ical(to_ics(EDGE_PLAN, todos=False))
    events = calendar.walk("VEVENT")
    assert len(events) == 3
    for event in events:
        assert event.decoded("dtend") - event.decoded("dtstart") == dt.timedelta(
            minutes=15
        )


# Bug B: the VTIMEZONE carries every change of offset around the times.


def ramadan_plans():
    # Interviews of their own (an id each), so their calendar items do too.
    return [
        plan_followups(Interview("Ada Lovelace", "Acme", at, id=f"round-{n}"))
        for n, at in enumerate(AROUND_RAMADAN)
    ]


@pytest.mark.parametrize("at", AROUND_RAMADAN)
def test_casablanca_times_resolve_through_the_vtimezone_around_ramadan(at):
    plan = plan_followups(Interview("Ada Lovelace", "Acme", at))
    text = to_ics(plan)
    resolved = assert_times_resolve_to_the_plans(text, [plan])
    assert len(resolved) >= 2 * len(plan.steps)
    assert_observances_follow_the_zones(text)


def test_the_plans_around_ramadan_cross_its_changes():
    # The calendars above test something only if steps lie on both sides.
    first, _, last = ramadan_plans()
    assert first.steps[0].due < RAMADAN_STARTS < first.steps[-1].due
    assert last.steps[0].due < RAMADAN_ENDS < last.steps[-1].due


def test_one_calendar_of_the_plans_around_ramadan_has_both_changes():
    plans = ramadan_plans()
    text = to_ics_many(plans)
    assert_times_resolve_to_the_plans(text, plans)
    assert_observances_follow_the_zones(text)
    (found,) = observances(icalendar.Calendar.from_ical(text)).values()
    onsets = {(wall - before).replace(tzinfo=UTC) for wall, before, _ in found}
    assert {RAMADAN_STARTS, RAMADAN_ENDS} <= onsets
    # The wall time before each change, as RFC 5545 wants.
    assert "DTSTART:20260215T030000\r\n" in text.decode()
    assert "DTSTART:20260322T020000\r\n" in text.decode()


@pytest.mark.parametrize("many", [False, True])
def test_vobjects_reading_of_the_vtimezone_gives_the_same_instants(many):
    plans = ramadan_plans()
    texts = [to_ics_many(plans)] if many else [to_ics(plan) for plan in plans]
    checked = 0
    for text in texts:
        expected = sorted(assert_times_resolve_to_the_plans(text, plans))
        calendar = vobject.readOne(text.decode())
        # vobject keeps the first zone it meets for a TZID for the whole
        # process, or takes pytz's: the zone is built (by vobject, with
        # dateutil) from this calendar's own VTIMEZONE instead.
        zones = {tz.tzid.value: tz.gettzinfo() for tz in calendar.vtimezone_list}
        found = []
        for item in calendar.contents.get("vevent", []) + calendar.contents.get(
            "vtodo", []
        ):
            for name in ("dtstart", "dtend", "due"):
                line = item.contents.get(name, [None])[0]
                tzid = None if line is None else line.params.get("X-VOBJ-ORIGINAL-TZID")
                if tzid is None:
                    continue
                wall = line.value.replace(tzinfo=zones[tzid[0]])
                found.append(wall.astimezone(UTC))
        assert sorted(found) == expected
        checked += len(found)
    assert checked >= 4 * len(plans)


def test_the_second_reading_of_a_repeated_hour_is_written_in_utc():
    # 01:30 EST on 1 November 2026 is the second 01:30 of the night: a TZID
    # time would be read as the first, an hour earlier.
    plan = plan_followups(Interview("Ada", "Acme", f"2026-11-01T01:30:00-05:00[{NY}]"))
    text = to_ics(plan)
    close = plan.steps[0]
    assert close.due.fold == 1
    assert "DTSTART:20261101T065500Z\r\n" in text.decode()
    assert_times_resolve_to_the_plans(text, [plan])
    assert_observances_follow_the_zones(text)


def test_a_zone_icalendar_holds_for_utc_is_written_in_utc_when_it_was_not():
    # Iceland kept -01 in winter until 1968; icalendar writes its zone as UTC
    # (a Z), so the local wall time would be read an hour off.
    plan = plan_followups(
        Interview("Ada", "Acme", "1960-01-11T10:00:00-01:00[Atlantic/Reykjavik]")
    )
    text = to_ics(plan)
    # icalendar < 6.1.3 does not hold the zone for UTC and writes its TZID,
    # which is right too: the check below reads it through the VTIMEZONE.
    assert (
        b"DTSTART:19600111T112500Z\r\n" in text
        or b"DTSTART;TZID=Atlantic/Reykjavik:19600111T102500\r\n" in text
    )
    assert_times_resolve_to_the_plans(text, [plan])


def test_a_plan_alone_and_in_a_batch_gets_the_same_vtimezone():
    plan = ramadan_plans()[0]

    def vtimezones(text):
        return [
            tz.to_ical() for tz in icalendar.Calendar.from_ical(text).walk("VTIMEZONE")
        ]

    assert vtimezones(to_ics(plan)) == vtimezones(to_ics_many([plan]))
    assert to_ics_many([plan]) == to_ics_many([plan_followups(plan.interview)])


@settings(deadline=None, max_examples=40)
@given(
    st.lists(st.sampled_from(ZONES), min_size=1, max_size=2).flatmap(
        lambda names: st.tuples(*(instants(name, years=(2026, 2027)) for name in names))
    ),
    st.booleans(),
)
def test_vtimezones_resolve_every_time_to_the_plans_instant(moments, todos):
    # One candidate each: one interview at one instant is one set of UIDs.
    plans = [
        plan_followups(Interview(f"Ada {number}", "Acme", at))
        for number, at in enumerate(moments)
    ]
    for text in (to_ics(plans[0], todos=todos), to_ics_many(plans, todos=todos)):
        assert_times_resolve_to_the_plans(text, plans)
        assert_observances_follow_the_zones(text)


def _example_plan():
    return plan_followups(Interview("Ada", "Acme", "2026-11-23T10:00:00Z"))


@pytest.mark.parametrize(
    ("write", "error", "said"),
    [
        (lambda plan: to_ics(None), InvalidTypeError, "plan: expected a FollowUpPlan"),
        (
            lambda plan: to_ics_many([plan, None]),
            InvalidTypeError,
            "plans[1]: expected a FollowUpPlan",
        ),
        (
            lambda plan: calendar_objects("plan"),
            InvalidTypeError,
            "plan: expected a FollowUpPlan",
        ),
        (
            lambda plan: CalendarOfPlans().items(None),
            InvalidTypeError,
            "plan: expected a FollowUpPlan",
        ),
        (
            # It rang fifteen minutes after the item started.
            lambda plan: to_ics(plan, alarm_minutes=-15),
            InvalidValueError,
            "alarm_minutes: -15 is not from 0 to 10080 (a week) minutes before",
        ),
        (
            lambda plan: to_ics(plan, alarm_minutes=10**20),
            InvalidValueError,
            "alarm_minutes: 100000000000000000000 is not from 0 to 10080",
        ),
        (
            lambda plan: calendar_objects(plan, alarm_minutes=1.5),
            InvalidTypeError,
            "alarm_minutes: expected a whole number of minutes (int), got float",
        ),
        (
            lambda plan: CalendarOfPlans(alarm_minutes="15"),
            InvalidTypeError,
            "alarm_minutes: expected a whole number of minutes (int), got str",
        ),
        (
            lambda plan: to_ics(plan, todos="no"),
            InvalidTypeError,
            "todos: expected true or false, got str 'no'",
        ),
    ],
    ids=[
        "no plan",
        "no plan among many",
        "text",
        "no plan for items",
        "alarm after",
        "alarm too early",
        "alarm in fractions",
        "alarm as text",
        "todos as text",
    ],
)
def test_a_bad_argument_to_the_calendar_writers_is_named(write, error, said):
    plan = _example_plan()
    with pytest.raises(error) as caught:
        write(plan)
    assert str(caught.value).startswith(said)


@pytest.mark.parametrize("minutes", [0, 10080])
def test_an_alarm_rings_from_the_item_itself_to_a_week_before(minutes):
    text = to_ics(_example_plan(), alarm_minutes=minutes).decode()
    trigger = "TRIGGER:-P7D" if minutes else "TRIGGER:P0D"
    assert trigger in text.replace("\r\n ", "")
