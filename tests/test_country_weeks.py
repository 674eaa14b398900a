"""A country's week, date by date: a weekend that moved, weekend days worked."""

from __future__ import annotations

import datetime as dt

import attrs
import holidays
import pytest
from hypothesis import given
from hypothesis import strategies as st

import followup._days as days_module
from followup import (
    DEFAULT_RULES,
    Contact,
    Interview,
    StepKind,
    Window,
    WorkingCalendar,
    _country_calendars,
    check_plan,
    plan_followups,
)
from followup._days import country_week, days_of
from followup._facts import Facts
from followup._time import zone

SHANGHAI = zone("Asia/Shanghai")
DUBAI = zone("Asia/Dubai")


def _plan(at: str, country: str, tz: str, **calendar: object) -> dict[str, object]:
    rules = DEFAULT_RULES
    if calendar:
        rules = rules.configure("working-time", **calendar)
    interviewer = Contact("Li Wei", country=country, timezone=tz)
    plan = plan_followups(
        Interview("Ada", "Acme", at, interviewer=interviewer), rules=rules
    )
    return {step.kind.value: step for step in plan.steps}


def test_china_works_the_saturday_after_its_national_day_week() -> None:
    # Tue 29 Sep 2026; 1-7 October are off, and Saturday 10 October is a
    # working day that makes up for them.
    steps = _plan("2026-09-29T10:00:00+08:00[Asia/Shanghai]", "CN", "Asia/Shanghai")
    follow_up, call = steps["follow-up"], steps["call"]
    assert follow_up.window.start.isoformat() == "2026-10-08T09:00:00+08:00"
    assert follow_up.window.end.isoformat() == "2026-10-09T17:00:00+08:00"
    # Two business days after Thursday 8: Friday 9 and Saturday 10.
    assert call.window.start.isoformat() == "2026-10-10T09:00:00+08:00"
    assert call.due.isoformat() == "2026-10-10T09:00:00+08:00"


def test_a_weekend_day_worked_comes_with_the_holidays_it_makes_up_for() -> None:
    # Holidays off: 1-7 October are worked like any weekday, so the weekend
    # day worked instead of them is not.
    steps = _plan(
        "2026-09-29T10:00:00+08:00[Asia/Shanghai]",
        "CN",
        "Asia/Shanghai",
        holidays=False,
    )
    assert steps["follow-up"].window.start.isoformat() == "2026-10-01T09:00:00+08:00"
    saturday = dt.date(2026, 10, 10)
    calendar = WorkingCalendar(holidays=False)
    assert not days_of(SHANGHAI, calendar, "CN", None).is_business(saturday)
    assert days_of(SHANGHAI, WorkingCalendar(), "CN", None).is_business(saturday)


def test_a_week_of_ones_own_keeps_its_days() -> None:
    # Monday to Friday, set by hand: Saturday 10 October is no working day,
    # whatever China makes of it; its holidays are still skipped.
    monday_to_friday = ("mon", "tue", "wed", "thu", "fri")
    steps = _plan(
        "2026-09-29T10:00:00+08:00[Asia/Shanghai]",
        "CN",
        "Asia/Shanghai",
        weekdays=monday_to_friday,
    )
    assert steps["follow-up"].window.start.isoformat() == "2026-10-08T09:00:00+08:00"
    assert steps["call"].window.start.isoformat() == "2026-10-12T09:00:00+08:00"
    days = days_of(SHANGHAI, WorkingCalendar(weekdays=monday_to_friday), "CN", None)
    assert not days.works(dt.date(2026, 10, 10))


def test_the_emirates_planned_on_friday_and_saturday_before_2022() -> None:
    # Wed 2 Jun 2021: the weekend was Friday and Saturday, so Sunday 6 June
    # was the second business day.
    steps = _plan("2021-06-02T10:00:00+04:00[Asia/Dubai]", "AE", "Asia/Dubai")
    assert steps["follow-up"].window.start.isoformat() == "2021-06-06T09:00:00+04:00"
    assert steps["follow-up"].window.end.isoformat() == "2021-06-07T17:00:00+04:00"
    # And on Saturday and Sunday since.
    steps = _plan("2026-06-03T10:00:00+04:00[Asia/Dubai]", "AE", "Asia/Dubai")
    assert steps["follow-up"].window.start.isoformat() == "2026-06-05T09:00:00+04:00"
    assert steps["follow-up"].window.end.isoformat() == "2026-06-08T17:00:00+04:00"


def test_a_reason_names_no_weekend_day_among_the_days_off() -> None:
    # Tue 30 Nov 2021: 1-3 December were holidays, and Friday 3 December was
    # the Emirates' weekend then, which goes without saying.
    steps = _plan("2021-11-30T10:00:00+04:00[Asia/Dubai]", "AE", "Asia/Dubai")
    follow_up = steps["follow-up"]
    assert follow_up.window.start.isoformat() == "2021-12-06T09:00:00+04:00"
    assert (
        "(Commemoration Day on Wed 1 Dec and National Day on Thu 2 Dec are no "
        "business days there)"
    ) in follow_up.reason


@given(
    st.sampled_from(["CN", "AE", "SA", "RU", "HU", "US", "IL"]),
    st.dates(dt.date(2010, 1, 1), dt.date(2030, 12, 31)),
)
def test_a_country_works_the_days_the_holidays_package_says(
    country: str, day: dt.date
) -> None:
    # `is_working_day` is the package's own answer: its weekend on the date,
    # less the weekend days worked, less holidays.
    calendar = holidays.country_holidays(country, years=day.year)
    days = days_of(zone("UTC"), WorkingCalendar(), country, None)
    assert days.is_business(day) == calendar.is_working_day(day)
    weekend, workdays = country_week(country, None, day.year)
    assert (day in weekend) == calendar.is_weekend(day)
    assert (day in workdays) == (day in calendar.weekend_workdays)


def test_the_thank_you_and_the_close_of_the_call_keep_their_times() -> None:
    # Neither waits for a working day: a Friday in the Emirates in 2021.
    steps = _plan("2021-06-04T10:00:00+04:00[Asia/Dubai]", "AE", "Asia/Dubai")
    assert (
        steps[StepKind.THANK_YOU.value].due.isoformat() == "2021-06-04T10:30:00+04:00"
    )


def test_the_emirates_weekend_moved_with_holidays_off_too() -> None:
    # No holidays skipped, no closures: the week is still read date by date.
    steps = _plan(
        "2021-06-02T10:00:00+04:00[Asia/Dubai]", "AE", "Asia/Dubai", holidays=False
    )
    assert steps["follow-up"].window.start.isoformat() == "2021-06-06T09:00:00+04:00"


def test_a_weekend_of_every_day_is_not_believed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # As for the weekend a country keeps now (`country_weekend`): Saturday
    # and Sunday instead of a week with no working day.
    class EveryDayOff(holidays.HolidayBase):  # type: ignore[misc]
        country = "ZZ"
        weekend = frozenset(range(7))

    def country_holidays(_country: str, **options: object) -> holidays.HolidayBase:
        return EveryDayOff(years=options["years"])

    # Years are kept once read: the made-up country's must not outlive it.
    kept = days_module._country_year  # noqa: SLF001 - the cache of years read
    kept.cache_clear()
    monkeypatch.setattr(_country_calendars, "country_holidays", country_holidays)
    try:
        weekend, workdays = country_week("ZZ", None, 2026)
    finally:
        kept.cache_clear()
    assert weekend == {
        day
        for day in (dt.date(2026, 1, 1) + dt.timedelta(days=n) for n in range(365))
        if day.weekday() >= 5
    }
    assert workdays == frozenset()


@pytest.mark.parametrize(
    ("country", "subdivision", "zone_name", "at", "friday"),
    [
        # Kedah rests on Friday and Saturday, Malaysia at large does not.
        ("MY", "02", "Asia/Kuala_Lumpur", "2026-11-23T10:00:00+08:00", "2026-11-27"),
        # The Emirates rested on Friday and Saturday before 2022.
        ("AE", None, "Asia/Dubai", "2021-05-31T10:00:00+04:00", "2021-06-04"),
    ],
)
def test_a_step_outside_working_time_names_the_week_of_its_day(
    country: str, subdivision: str | None, zone_name: str, at: str, friday: str
) -> None:
    interviewer = Contact(
        "Aminah", timezone=zone_name, country=country, subdivision=subdivision
    )
    interview = Interview("Ada", "Acme", at, interviewer=interviewer)
    plan = plan_followups(interview)
    moved = [
        attrs.evolve(step, window=Window(due, due), due=due)
        if step.kind is StepKind.FOLLOW_UP
        else step
        for step in plan.steps
        for due in [f"{friday}T10:00:00[{zone_name}]"]
    ]
    found = [str(f) for f in check_plan(moved, interview, now=at) if f.code == "FU011"]
    assert len(found) == 1
    assert "(expected Sun-Thu 09:00-17:00, got Fri " in found[0]
    assert Facts.gather(interview).weekdays == {6, 0, 1, 2, 3}
