"""A working calendar's week and closures: what is accepted, what each refusal says.

A working calendar comes from a user's configuration, so every refusal is
compared whole: the field, the value named, and the words.
"""

from __future__ import annotations

import pytest

from followup import InvalidTypeError, InvalidValueError, WorkingCalendar

WEEK = "WorkingCalendar.weekdays"
CLOSED = "WorkingCalendar.closed"


def refusal(kind, **fields):
    with pytest.raises(kind) as caught:
        WorkingCalendar(**fields)
    return caught.value.field, caught.value.value, str(caught.value)


def test_one_day_alone_is_a_week_of_that_day():
    assert WorkingCalendar(weekdays="sun").weekdays == (6,)


def test_day_names_are_read_by_their_first_three_letters():
    assert WorkingCalendar(weekdays=["monday", "Tuesday", "WED"]).weekdays == (
        0,
        1,
        2,
    )


def test_a_week_that_is_not_a_list_is_refused_naming_it():
    assert refusal(InvalidTypeError, weekdays=5.5) == (
        WEEK,
        5.5,
        f"{WEEK}: expected a list of weekdays, got float 5.5",
    )


def test_a_number_past_sunday_is_not_a_weekday():
    assert refusal(InvalidValueError, weekdays=[0, 7]) == (
        WEEK,
        7,
        f"{WEEK}: 7 is not a weekday (0 = Monday .. 6 = Sunday, or 'mon' .. 'sun')",
    )


def test_an_empty_week_is_refused_as_planning_nothing():
    assert refusal(InvalidValueError, weekdays=[]) == (
        WEEK,
        (),
        f"{WEEK}: () holds no day: nothing could be planned",
    )


def test_a_span_is_split_at_its_first_slash():
    assert refusal(InvalidValueError, closed=["2026-12-24/2026-12-26/2026-12-28"]) == (
        CLOSED,
        "2026-12-26/2026-12-28",
        f"{CLOSED}: '2026-12-26/2026-12-28' is not a date (YYYY-MM-DD)",
    )


def test_a_bad_last_day_of_a_span_names_the_field():
    assert refusal(InvalidValueError, closed=["2026-12-24/nope"]) == (
        CLOSED,
        "nope",
        f"{CLOSED}: 'nope' is not a date (YYYY-MM-DD)",
    )


def test_a_span_ending_before_it_begins_is_refused_whole():
    assert refusal(InvalidValueError, closed=[("2026-12-26", "2026-12-24")]) == (
        CLOSED,
        "('2026-12-26', '2026-12-24')",
        f"{CLOSED}: \"('2026-12-26', '2026-12-24')\" ends before it begins",
    )


def test_a_span_longer_than_a_year_is_refused_whole():
    assert refusal(InvalidValueError, closed=["2026-01-01/2027-06-01"]) == (
        CLOSED,
        "2026-01-01/2027-06-01",
        f"{CLOSED}: '2026-01-01/2027-06-01' is longer than a year",
    )


def test_a_blank_closure_name_is_refused_naming_it():
    assert refusal(InvalidValueError, closed={"2026-12-24": " "}) == (
        CLOSED,
        " ",
        f"{CLOSED}: ' ' is not a one-line name for a closure",
    )
