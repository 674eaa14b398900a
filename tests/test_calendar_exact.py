"""A working calendar's week and closures: what is accepted, what each refusal says.

A working calendar comes from a user's configuration, so every refusal is
compared whole: the field, the value named, and the words.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup import InvalidTypeError, InvalidValueError, RuleSet, WorkingCalendar
from followup._calendar import day_names, weekday_keys, weekdays

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


@pytest.mark.parametrize(
    ("days", "keys", "words"),
    [
        ({0, 1, 2, 3, 4}, ["mon", "tue", "wed", "thu", "fri"], "Mon-Fri"),
        ({6, 0, 1, 2, 3}, ["sun", "mon", "tue", "wed", "thu"], "Sun-Thu"),
        ({4, 5}, ["fri", "sat"], "Fri-Sat"),
        ({5, 6, 0}, ["sat", "sun", "mon"], "Sat-Mon"),
        ({0, 6}, ["sun", "mon"], "Sun-Mon"),
        ({0, 2, 4}, ["mon", "wed", "fri"], "Mon,Wed,Fri"),
        ({6, 1, 2}, ["tue", "wed", "sun"], "Tue,Wed,Sun"),
        ({3}, ["thu"], "Thu"),
        (set(range(7)), ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], "Mon-Sun"),
    ],
)
def test_a_week_is_written_from_its_first_day_after_a_day_off(days, keys, words):
    assert weekday_keys(days) == keys
    assert day_names(days) == words


def test_no_week_is_written_as_none():
    # The default: the country's week.
    assert weekday_keys(None) is None


@given(st.sets(st.integers(0, 6), min_size=1))
def test_a_week_written_by_name_reads_back_as_the_same_days(days):
    keys = weekday_keys(days)
    assert weekdays(keys, "weekdays") == tuple(sorted(days))
    # The words name the same days in the same order, a run shortened.
    if "-" not in day_names(days):
        assert day_names(days) == ",".join(key.title() for key in keys)
    else:
        first, last = day_names(days).split("-")
        assert (first, last) == (keys[0].title(), keys[-1].title())


def test_one_span_under_two_names_is_refused_naming_both():
    closed = {"2026-12-24": "Christmas Eve", "2026-12-24/2026-12-24": "the shutdown"}
    assert refusal(InvalidValueError, closed=closed) == (
        CLOSED,
        "2026-12-24",
        (
            f"{CLOSED}: '2026-12-24' is closed twice, as 'Christmas Eve' and as "
            "'the shutdown': give it one name"
        ),
    )


@pytest.mark.parametrize(
    "closed",
    [
        ["2026-12-24", "2026-12-24/2026-12-24", "2026-12-24"],
        {"2026-12-24": "a closure", "2026-12-24/2026-12-24": "a closure"},
    ],
)
def test_the_same_closure_given_twice_is_one_closure(closed):
    calendar = WorkingCalendar(closed=closed)
    assert [str(closure) for closure in calendar.closed] == ["2026-12-24"]


def test_closures_given_twice_are_written_once_and_read_back():
    rules = RuleSet.from_mapping(
        {
            "rules": {
                "FU011": {
                    "closed": {
                        "2026-12-24": "Christmas Eve",
                        "2026-12-24/2026-12-24": "Christmas Eve",
                        "2026-12-31": "New Year's Eve",
                    }
                }
            }
        }
    )
    mapping = rules.to_mapping()
    assert mapping["rules"] == {
        "FU011": {
            "closed": {"2026-12-24": "Christmas Eve", "2026-12-31": "New Year's Eve"}
        }
    }
    assert RuleSet.from_mapping(mapping) == rules
