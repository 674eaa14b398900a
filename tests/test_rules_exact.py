"""Built-in rules' parameters and facts, at the edges a configuration meets.

The errors a rule file gets name the parameter as ``ParamsClass.field``
with the choices; a threshold of "unknown" means the advice's default; a
public holiday of one region counts only for an interviewer there.
"""

from __future__ import annotations

import datetime as dt

import pytest

from followup import (
    DEFAULT_RULES,
    Contact,
    Facts,
    Interview,
    NaiveDatetimeError,
    Performance,
    RuleConfigurationError,
)
from followup._draft_step import DraftWindow

DAY_COUNTS = "(one of 'calendar', 'business')"


@pytest.mark.parametrize(
    ("code", "params", "message"),
    [
        (
            "FU005",
            {"threshold": "bad"},
            (
                "rule FU005: PerformanceParams.threshold: 'bad' is not a Performance "
                "(one of 'strong', 'adequate', 'weak', 'unknown')"
            ),
        ),
        (
            "FU006",
            {"days": "weekly"},
            f"rule FU006: CallParams.days: 'weekly' is not a DayCount {DAY_COUNTS}",
        ),
        (
            "FU004",
            {"days": "weekly"},
            (
                "rule FU004: FollowUpParams.days: 'weekly' is not a DayCount "
                f"{DAY_COUNTS}"
            ),
        ),
    ],
)
def test_a_choice_that_is_none_of_the_choices_names_them(code, params, message):
    with pytest.raises(RuleConfigurationError) as caught:
        DEFAULT_RULES.configure(code, **params)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("given", "threshold"),
    [
        ("unknown", Performance.ADEQUATE),
        ("weak", Performance.WEAK),
        (Performance.STRONG, Performance.STRONG),
    ],
)
def test_an_unknown_performance_threshold_means_adequate(given, threshold):
    rules = DEFAULT_RULES.configure("FU005", threshold=given)
    assert rules["FU005"].params.threshold is threshold


AT = "2027-01-04T10:00:00+01:00[Europe/Berlin]"


def facts_with(contact):
    return Facts.gather(Interview("Ada", "Acme", AT, interviewer=contact))


def test_a_regional_holiday_counts_for_an_interviewer_in_that_region():
    bavaria = facts_with(Contact("Grace", country="DE", subdivision="BY"))
    assert bavaria.is_public_holiday(dt.date(2027, 1, 6))
    assert bavaria.is_public_holiday(dt.date(2027, 1, 1))
    assert not bavaria.is_public_holiday(dt.date(2027, 1, 7))


def test_a_regional_holiday_does_not_count_elsewhere_in_the_country():
    germany = facts_with(Contact("Grace", country="DE"))
    assert not germany.is_public_holiday(dt.date(2027, 1, 6))
    assert germany.is_public_holiday(dt.date(2027, 1, 1))


@pytest.mark.parametrize("contact", [None, Contact("Grace")])
def test_without_a_country_no_day_is_a_public_holiday(contact):
    assert not facts_with(contact).is_public_holiday(dt.date(2027, 1, 1))


def test_holidays_are_those_of_the_days_own_year():
    us = facts_with(Contact("Grace", country="US"))
    assert us.is_public_holiday(dt.date(2028, 7, 4))
    assert us.is_public_holiday(dt.date(2026, 12, 25))


START = dt.datetime(2026, 11, 25, 14, tzinfo=dt.timezone.utc)
END = dt.datetime(2026, 11, 26, 22, tzinfo=dt.timezone.utc)


@pytest.mark.parametrize(
    ("moment", "inside"),
    [
        (START, True),
        (END, True),
        (END + dt.timedelta(microseconds=1), False),
        (START - dt.timedelta(microseconds=1), False),
        # The same instant as the end, written in New York.
        (END.astimezone(dt.timezone(dt.timedelta(hours=-5))), True),
    ],
)
def test_a_draft_window_holds_both_its_ends(moment, inside):
    assert DraftWindow(START, END).contains(moment) is inside
    # Written as text, as `Window.contains` takes it too.
    assert DraftWindow(START, END).contains(moment.isoformat()) is inside


def test_a_draft_window_refuses_a_naive_moment_rather_than_guess_its_zone():
    # Read as the machine's own time, it would be inside the window on one
    # machine and outside on another.
    with pytest.raises(
        NaiveDatetimeError, match=r"^moment: '2026-11-25T15:00:00' has no time zone"
    ):
        DraftWindow(START, END).contains(dt.datetime(2026, 11, 25, 15))
