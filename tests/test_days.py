"""The recipient's days, shared between plans: right answers, shared, bounded."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pendulum
from hypothesis import given
from hypothesis import strategies as st

import followup._days as days_module
from followup import Contact, Interview, WorkingCalendar, plan_followups
from followup._days import MOST_DAYS, Days, days_of
from followup._facts import Facts
from followup._time import (
    describe_instant,
    end_of_day,
    local,
    start_of_day,
    utc,
    zone,
)
from followup.testing import ZONE_NAMES

if TYPE_CHECKING:
    import pytest

NEW_YORK = zone("America/New_York")
WINTER = WorkingCalendar(closed={"2026-12-24/2027-01-01": "the winter shutdown"})


@given(
    st.sampled_from(ZONE_NAMES),
    st.dates(dt.date(2020, 1, 1), dt.date(2035, 12, 31)),
)
def test_a_day_starts_and_ends_where_the_time_functions_say(
    name: str, day: dt.date
) -> None:
    tz = zone(name)
    days = days_of(tz, WorkingCalendar(), None, None)
    # Asked twice: the second answer is the kept one.
    for _ in range(2):
        assert days.start(day) == start_of_day(day, tz)
        assert days.start(day).tzinfo is tz
        assert days.end(day) == end_of_day(day, tz)
        assert days.end(day).tzinfo is tz


def test_daylight_saving_days_are_23_and_25_hours_long() -> None:
    days = days_of(NEW_YORK, WorkingCalendar(), None, None)
    spring, autumn = dt.date(2026, 3, 8), dt.date(2026, 11, 1)

    def length(day: dt.date) -> dt.timedelta:
        # Elapsed time, in UTC: in one zone, datetimes subtract as wall clocks.
        return utc(days.end(day)) - utc(days.start(day)) + dt.timedelta(microseconds=1)

    assert length(spring) == dt.timedelta(hours=23)
    assert length(autumn) == dt.timedelta(hours=25)
    assert length(dt.date(2026, 11, 2)) == dt.timedelta(hours=24)
    # Working hours on the spring day still open at 09:00 local, 13:00 UTC.
    opens, closes = days.hours(spring, dt.time(9), dt.time(17))
    assert (opens.hour, closes.hour) == (13, 21)
    assert opens.tzinfo is dt.timezone.utc


def test_business_days_skip_the_weekend_holidays_and_closures() -> None:
    days = days_of(NEW_YORK, WINTER, "US", None)
    # Wed 23 Dec 2026: the shutdown runs to Fri 1 Jan, then a weekend.
    assert days.after(dt.date(2026, 12, 23), 1) == dt.date(2027, 1, 4)
    assert days.day_off(dt.date(2026, 12, 25)) == "Christmas Day"
    assert days.day_off(dt.date(2026, 12, 28)) == "the winter shutdown"
    assert days.day_off(dt.date(2026, 12, 19)) is None  # a plain Saturday
    assert not days.is_business(dt.date(2026, 12, 19))
    assert not days.is_business(dt.date(2026, 12, 28))
    assert days.is_business(dt.date(2027, 1, 4))
    # Thanksgiving, Thu 26 Nov: two business days after Wed 25 is Mon 30.
    assert days.after(dt.date(2026, 11, 25), 2) == dt.date(2026, 11, 30)
    plain = days_of(NEW_YORK, WorkingCalendar(), None, None)
    assert plain.after(dt.date(2026, 11, 25), 2) == dt.date(2026, 11, 27)
    assert plain.holiday(dt.date(2026, 11, 26)) is None


def test_plans_on_one_calendar_share_its_days_and_no_other() -> None:
    def facts(name: str, country: str | None, at: str) -> Facts:
        contact = Contact("Grace", timezone=name, country=country)
        return Facts.gather(Interview("Ada", "Acme", at, interviewer=contact))

    first = facts("America/New_York", "US", "2026-11-23T10:00:00-05:00")
    second = facts("America/New_York", "US", "2027-03-01T15:00:00Z")
    assert first.days is second.days
    assert facts("America/New_York", None, "2026-11-23T10:00:00-05:00").days is not (
        first.days
    )
    assert facts("Europe/Paris", "US", "2026-11-23T10:00:00-05:00").days is not (
        first.days
    )
    configured = Facts.gather(first.interview, calendar=WINTER)
    assert configured.days is not first.days
    assert configured.days is days_of(NEW_YORK, WINTER, "US", None)
    # New York keeps holidays of its own: Lincoln's Birthday, Fri 12 Feb 2027.
    new_york = facts("America/New_York", "US", "2026-11-23T10:00:00-05:00")
    state = Facts.gather(
        Interview(
            "Ada",
            "Acme",
            "2026-11-23T10:00:00-05:00",
            interviewer=Contact(
                "Grace", timezone="America/New_York", country="US", subdivision="NY"
            ),
        )
    )
    assert state.days is not new_york.days
    lincoln = dt.date(2027, 2, 12)
    assert (state.days.holiday(lincoln), new_york.days.holiday(lincoln)) == (
        "Lincoln's Birthday",
        None,
    )
    assert not state.is_business_day(lincoln)
    assert new_york.is_business_day(lincoln)
    # Israel works Sunday to Thursday: the week comes from the country.
    israel = facts("Asia/Jerusalem", "IL", "2026-11-23T10:00:00+02:00")
    assert israel.days.weekdays == frozenset({6, 0, 1, 2, 3})
    assert israel.weekdays == israel.days.weekdays


def test_what_a_calendar_keeps_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    days = Days(NEW_YORK, WINTER, "US", None)
    first = dt.date(2026, 1, 1)
    for offset in range(MOST_DAYS + 10):
        day = first + dt.timedelta(days=offset)
        days.start(day)
        days.is_business(day)
    assert len(days._starts) <= MOST_DAYS  # noqa: SLF001 - what is kept
    assert len(days._business) <= MOST_DAYS  # noqa: SLF001
    assert len(days._works) <= MOST_DAYS  # noqa: SLF001
    # Answers after a fresh start are the same answers.
    assert days.start(first) == start_of_day(first, NEW_YORK)

    monkeypatch.setattr(days_module, "MOST_CALENDARS", 3)
    monkeypatch.setattr(days_module, "_CALENDARS", {})
    names = ["Asia/Tokyo", "Europe/Paris", "America/Chicago", "Australia/Sydney"]
    made = [days_of(zone(name), WorkingCalendar(), None, None) for name in names]
    assert len(days_module._CALENDARS) <= 3  # noqa: SLF001
    assert days_of(zone("Australia/Sydney"), WorkingCalendar(), None, None) is made[-1]


def test_a_fixed_offset_keeps_its_own_name_in_the_plan() -> None:
    # Offsets compare equal whatever they are called; the steps of a plan
    # in "CET" must still say CET, whichever plan shared the days first.
    unnamed = pendulum.FixedTimezone(3600)
    named = pendulum.FixedTimezone(3600, name="CET")
    for tz in (unnamed, named, unnamed):
        plan = plan_followups(
            Interview(
                "Ada Lovelace", "Acme", pendulum.DateTime(2026, 11, 23, 10, tzinfo=tz)
            )
        )
        shown = {
            moment.tzinfo.name
            for step in plan.steps
            for moment in (step.due, step.window.start, step.window.end)
        }
        assert shown == {tz.name}
        assert f"{tz.name} with FU001" in plan.explain()


def test_the_public_times_are_made_once_and_shared() -> None:
    days = Days(NEW_YORK, WorkingCalendar(), None, None)
    moment = dt.datetime(2026, 11, 23, 14, tzinfo=dt.timezone.utc)
    shown = days.shown(moment)
    assert (type(shown), shown.isoformat(), shown.tzinfo) == (
        pendulum.DateTime,
        "2026-11-23T09:00:00-05:00",
        NEW_YORK,
    )
    assert days.shown(dt.datetime(2026, 11, 23, 14, tzinfo=dt.timezone.utc)) is shown
    # In a repeated hour, the instant decides: both readings are kept apart.
    first = days.shown(dt.datetime(2026, 11, 1, 5, 30, tzinfo=dt.timezone.utc))
    second = days.shown(dt.datetime(2026, 11, 1, 6, 30, tzinfo=dt.timezone.utc))
    assert (first.isoformat(), second.isoformat()) == (
        "2026-11-01T01:30:00-04:00",
        "2026-11-01T01:30:00-05:00",
    )
    assert (first.fold, second.fold) == (0, 1)


def test_an_instant_in_words_keeps_the_two_readings_of_a_repeated_hour() -> None:
    days = Days(NEW_YORK, WorkingCalendar(), None, None)
    # New York's clocks went back at 06:00 UTC on 1 November 2026.
    first = dt.datetime(2026, 11, 1, 5, 30, tzinfo=dt.timezone.utc)
    second = dt.datetime(2026, 11, 1, 6, 30, tzinfo=dt.timezone.utc)
    assert days.described(first) == "Sun 1 Nov 2026 01:30 EDT"
    assert days.described(second) == "Sun 1 Nov 2026 01:30 EST"
    assert days.described(first) == "Sun 1 Nov 2026 01:30 EDT"


@given(
    st.sampled_from(ZONE_NAMES),
    st.datetimes(
        dt.datetime(2020, 1, 1),
        dt.datetime(2035, 12, 31),
        timezones=st.just(dt.timezone.utc),
    ),
)
def test_an_instant_in_words_is_as_describe_instant_writes_it(
    name: str, moment: dt.datetime
) -> None:
    days = days_of(zone(name), WorkingCalendar(), None, None)
    expected = describe_instant(local(moment, zone(name)))
    assert days.described(moment) == expected
    assert days.described(moment) == expected  # kept, the same


def test_instants_in_words_are_bounded() -> None:
    days = Days(NEW_YORK, WorkingCalendar(), None, None)
    start = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
    for hour in range(MOST_DAYS + 10):
        days.described(start + dt.timedelta(hours=hour))
    assert len(days._described) <= MOST_DAYS  # noqa: SLF001 - what is kept
    assert days.described(start) == "Wed 31 Dec 2025 19:00 EST"
