"""Calendar objects, calendars of many plans and cancelled items, exactly.

A calendar shows what these write and nothing else: each CalDAV object must
hold the very item `to_ics` writes, a calendar of many plans carries its own
name and the options it was given, and a cancelled item must outrank the one
it replaces, stamped when the new plan was made, without its alarm or the
old plan's warnings.
"""

from __future__ import annotations

from pathlib import Path

import icalendar

from followup import Event, FollowUpPlan, Interview, plan_followups
from followup._inputs import read_interview
from followup.example import example_interview
from followup.ics import (
    CalendarOfPlans,
    calendar_objects,
    sequence_of,
    step_uid,
    to_ics,
    to_ics_many,
)

NEW_YORK = "2026-11-23T10:00:00-05:00[America/New_York]"
NOW = "2026-11-24T10:00:00-05:00"
ADA = Interview("Ada", "Acme", NEW_YORK)


def items_of(text):
    calendar = icalendar.Calendar.from_ical(text)
    return [c for c in calendar.walk() if c.name in {"VEVENT", "VTODO"}]


DOCUMENTED = Path(__file__).resolve().parent.parent / "examples" / "interview.toml"


def test_each_calendar_object_holds_the_item_to_ics_writes_and_its_zone():
    plan = plan_followups(ADA, now=NOW)
    objects = calendar_objects(plan)
    written = items_of(to_ics(plan))
    assert [uid for uid, _ in objects] == [
        step_uid(plan.interview, step) for step in plan.steps
    ]
    for (uid, text), item in zip(objects, written, strict=True):
        calendar = icalendar.Calendar.from_ical(text)
        assert [c.name for c in calendar.subcomponents] == ["VTIMEZONE", item.name]
        assert str(calendar.subcomponents[0]["tzid"]) == "America/New_York"
        assert calendar.subcomponents[1].to_ical() == item.to_ical()
        assert str(item["uid"]) == uid
        # A CalDAV resource is not a file to import: no METHOD, no name.
        assert "method" not in calendar
        assert "x-wr-calname" not in calendar


def test_calendar_objects_take_the_options_of_to_ics():
    plan = plan_followups(ADA, now=NOW)
    objects = calendar_objects(plan, todos=False, alarm_minutes=40)
    written = items_of(to_ics(plan, todos=False, alarm_minutes=40))
    assert [
        icalendar.Calendar.from_ical(text).subcomponents[-1].to_ical()
        for _, text in objects
    ] == [item.to_ical() for item in written]
    assert {item.name for item in written} == {"VEVENT"}


def test_calendar_objects_default_to_to_dos_and_a_quarter_hour_alarm():
    plan = plan_followups(ADA, now=NOW)
    items = [
        icalendar.Calendar.from_ical(text).subcomponents[-1]
        for _, text in calendar_objects(plan)
    ]
    assert [item.name for item in items] == ["VTODO", "VTODO", "VEVENT"]
    assert {b"TRIGGER:-PT15M" in item.to_ical() for item in items} == {True}


def test_a_calendar_of_many_plans_is_named_follow_ups_and_takes_the_options():
    plans = [
        plan_followups(Interview(name, "Acme", NEW_YORK), now=NOW) for name in "AB"
    ]
    text = to_ics_many(plans, todos=False, alarm_minutes=40)
    calendar = icalendar.Calendar.from_ical(text)
    assert str(calendar["x-wr-calname"]) == "Follow-ups"
    assert str(calendar["method"]) == "PUBLISH"
    assert [item.to_ical() for item in items_of(text)] == [
        item.to_ical()
        for plan in plans
        for item in items_of(to_ics(plan, todos=False, alarm_minutes=40))
    ]


def test_items_cancelled_by_a_plan_made_at_the_same_moment_outrank_the_old_ones():
    before = plan_followups(ADA, now=NOW)
    assert [f.code for f in before.findings if f.step is None] == ["FU002"]
    rejected = Event(
        "decision-received", "2026-11-24T09:00:00-05:00", outcome="rejected"
    )
    after = plan_followups(ADA, [rejected], now=NOW)
    old = items_of(to_ics(before))
    cancelled = items_of(to_ics(after, previous=before))
    assert [item.name for item in cancelled] == ["VTODO", "VTODO", "VEVENT"]
    assert sequence_of(after) == sequence_of(before)
    for was, item in zip(old, cancelled, strict=True):
        assert str(item["uid"]) == str(was["uid"])
        assert int(item["sequence"]) == sequence_of(before) + 1
        assert str(item["status"]) == "CANCELLED"
        assert item.subcomponents == []
        lines = item.to_ical().decode().replace("\r\n ", "").splitlines()
        assert [line for line in lines if line.startswith("DTSTAMP")] == [
            "DTSTAMP:20261124T150000Z"
        ]
        assert sorted(item.keys()) == sorted([*was.keys(), "STATUS"])
    # The old plan's warning went with its first item; gone, it is not repeated.
    assert "FU002" in str(old[0]["description"])
    assert "FU002" not in str(cancelled[0]["description"])


def test_a_calendar_of_plans_writes_to_dos_with_a_quarter_hour_alarm_by_default():
    plan = plan_followups(ADA, now=NOW)
    body = CalendarOfPlans().items(plan)
    assert body.count(b"BEGIN:VTODO") == 2
    assert body in to_ics(plan)


def _components(plan: FollowUpPlan) -> list[icalendar.cal.Component]:
    return [
        c
        for c in icalendar.Calendar.from_ical(to_ics(plan)).walk()
        if c.name in {"VTODO", "VEVENT"}
    ]


def test_the_calendar_says_what_it_is_and_who_made_it() -> None:
    plan = plan_followups(example_interview(), now="2026-11-23T10:30:00-05:00")
    calendar = icalendar.Calendar.from_ical(to_ics(plan))
    assert (
        str(calendar["version"]),
        str(calendar["calscale"]),
        str(calendar["method"]),
        str(calendar["x-wr-calname"]),
    ) == ("2.0", "GREGORIAN", "PUBLISH", "Follow-up: Acme Analytics")
    assert str(calendar["prodid"]).startswith("-//followup//followup ")
    assert str(calendar["prodid"]).endswith("//EN")


def test_the_call_alone_carries_the_number_to_dial() -> None:
    documented = read_interview(str(DOCUMENTED))
    plan = plan_followups(documented, now="2026-11-23T10:30:00-05:00")
    where = [(c["categories"].cats[1], c.get("location")) for c in _components(plan)]
    # In E.164, the form a phone dials from a calendar.
    assert where == [
        ("thank-you", None),
        ("follow-up", None),
        ("call", "+12125550123"),
    ]
    # Without a number, no location at all.
    bare = plan_followups(example_interview(), now="2026-11-23T10:30:00-05:00")
    assert [c.get("location") for c in _components(bare)] == [None, None, None]


def test_what_concerns_the_whole_plan_goes_with_its_first_item_only() -> None:
    plan = plan_followups(example_interview(), now="2026-11-23T10:30:00-05:00")
    (warning,) = [f for f in plan.findings if f.step is None]
    descriptions = [str(c["description"]) for c in _components(plan)]
    assert [warning.message in text for text in descriptions] == [True, False, False]


def test_each_item_is_filed_under_the_job_search_and_its_kind() -> None:
    plan = plan_followups(example_interview(), now="2026-11-23T10:30:00-05:00")
    assert [c["categories"].to_ical() for c in _components(plan)] == [
        b"Job search,thank-you",
        b"Job search,follow-up",
        b"Job search,call",
    ]


def test_the_calendar_s_name_is_text_escaped_as_a_summary_is():
    # RFC 5545 TEXT: a backslash, ";" and "," escaped; written raw, a
    # reader took "\\" for one backslash and "\\n" for a line break.
    company = "Smith\\Jones; R&D, Ltd"
    plan = plan_followups(Interview("Ada", company, "2026-11-23T10:00:00-05:00"))
    lines = to_ics(plan).decode().split("\r\n")
    (name,) = [line for line in lines if line.startswith("X-WR-CALNAME:")]
    assert name == "X-WR-CALNAME:Follow-up: Smith\\\\Jones\\; R&D\\, Ltd"
    summary = next(line for line in lines if line.startswith("SUMMARY:Close"))
    assert summary == "SUMMARY:Close the call at Smith\\\\Jones\\; R&D\\, Ltd (phone)"


def test_a_backslash_before_n_is_text_not_a_line_break() -> None:
    # icalendar's own escaping takes "\N" for an escaped line break already:
    # a company "R\N Labs" came back from the calendar on two lines.  The
    # text as RFC 5545 escapes it: the backslash doubled, the N kept.  (Read
    # back, icalendar 7 gives the name again; 6.2's reader splits it itself.)
    company = "R\\N Labs"
    plan = plan_followups(Interview("Ada", company, "2026-11-23T10:00:00-05:00"))
    lines = to_ics(plan).decode().split("\r\n")
    (name,) = [line for line in lines if line.startswith("X-WR-CALNAME:")]
    assert name == "X-WR-CALNAME:Follow-up: R\\\\N Labs"
    summaries = [line for line in lines if line.startswith("SUMMARY:")]
    assert summaries[0] == "SUMMARY:Close the call at R\\\\N Labs (phone)"
    assert all("R\\\\N Labs" in line for line in summaries)
    descriptions = [line for line in lines if line.startswith("DESCRIPTION:")]
    assert not any("R\\n" in line for line in descriptions)
