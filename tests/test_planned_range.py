"""Every plan the engine makes is one JSON reads back: no step outside 1900-2204.

A rule of one's own may propose a step anywhere; a built-in rule may place
a step after it.  Whichever rule puts a window outside the instants a plan
may hold (`followup._time.LATEST_PLANNED`) fails, by name, instead of
making a plan that `from_json` refuses.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup import (
    DEFAULT_RULES,
    Channel,
    Facts,
    FollowUpPlan,
    Interview,
    InvalidValueError,
    RuleError,
    StepKind,
    moved_step,
    new_step,
    plan_followups,
)
from followup.json import from_json, to_json
from own_steps import AT, Proposer

UTC = dt.timezone.utc
PLUS_5 = dt.timezone(dt.timedelta(hours=5))
MINUS_5 = dt.timezone(-dt.timedelta(hours=5))
FACTS = Facts.gather(Interview("Ada", "Acme", AT))
RANGE = "is outside the supported range (1900-01-01 to 2204-12-31, UTC)"


def utc(*parts: int) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=UTC)


@pytest.mark.parametrize(
    ("window", "field", "shown"),
    [
        (
            (utc(2300, 1, 1), utc(2300, 1, 2)),
            "window.start",
            "2300-01-01T00:00:00+00:00",
        ),
        (
            (utc(2204, 12, 31), utc(2205, 1, 1)),
            "window.end",
            "2205-01-01T00:00:00+00:00",
        ),
        (
            (utc(1899, 12, 31, 23), utc(1900, 1, 2)),
            "window.start",
            "1899-12-31T23:00:00+00:00",
        ),
        (
            (utc(9999, 12, 31), utc(9999, 12, 31, 1)),
            "window.start",
            "9999-12-31T00:00:00+00:00",
        ),
    ],
)
def test_new_step_refuses_a_window_a_plan_may_not_hold(window, field, shown):
    with pytest.raises(InvalidValueError) as caught:
        new_step(
            FACTS, StepKind.CALL, Channel.PHONE, window, rule="OWN001", reason="Far."
        )
    assert str(caught.value) == f"{field}: {shown!r} {RANGE}"


@pytest.mark.parametrize(
    ("start", "shown"),
    [
        (dt.datetime(1, 1, 1, tzinfo=PLUS_5), "0001-01-01T00:00:00+05:00"),
        (dt.datetime(9999, 12, 31, 23, tzinfo=MINUS_5), "9999-12-31T23:00:00-05:00"),
    ],
)
def test_new_step_refuses_an_instant_with_no_utc_time_by_name(start, shown):
    # Year 1 at +05:00 is before year 1 in UTC: read as any instant is, and
    # refused by the field's name, not with an OverflowError.
    with pytest.raises(InvalidValueError) as caught:
        new_step(
            FACTS,
            StepKind.CALL,
            Channel.PHONE,
            (start, utc(2026, 12, 1)),
            rule="OWN001",
            reason="Far.",
        )
    # The range of what a plan holds, as for a datetime in range.
    assert str(caught.value) == f"window[0]: {shown!r} {RANGE}"


def test_new_step_takes_the_ends_of_the_range():
    last = utc(2204, 12, 31, 23, 59, 59, 999999)
    step = new_step(
        FACTS,
        StepKind.CALL,
        Channel.PHONE,
        (utc(1900, 1, 1), last),
        rule="OWN001",
        reason="All.",
    )
    assert (step.window.start, step.window.end) == (utc(1900, 1, 1), last)


def test_moved_step_refuses_to_move_a_window_past_the_range():
    step = new_step(
        FACTS,
        StepKind.CALL,
        Channel.PHONE,
        (utc(2204, 12, 30), utc(2204, 12, 31)),
        rule="OWN001",
        reason="Late.",
    )
    with pytest.raises(InvalidValueError) as caught:
        moved_step(step, FACTS, at=utc(2204, 12, 31, 12), by="OWN002", why="Later.")
    assert str(caught.value) == f"window.end: '2205-01-01T12:00:00+00:00' {RANGE}"


def plan_with(kind: StepKind, window: tuple[dt.datetime, dt.datetime]) -> FollowUpPlan:
    # Number 2: the built-in rules propose the first of their kinds.
    rules = DEFAULT_RULES.extend(Proposer(steps=((kind, window, None, 2, False),)))
    return plan_followups(Interview("Ada", "Acme", AT), rules=rules)


def test_a_follow_up_placed_after_a_thank_you_at_the_end_of_2204_fails_by_name():
    # The thank-you fits; the follow-up FU012 keeps after it would not.
    window = (utc(2204, 12, 31, 22), utc(2204, 12, 31, 23))
    with pytest.raises(RuleError) as caught:
        plan_with(StepKind.THANK_YOU, window)
    assert caught.value.code == "FU012"
    assert RANGE in str(caught.value)


def test_a_plugin_proposing_a_step_in_2300_fails_by_its_own_name():
    with pytest.raises(RuleError) as caught:
        plan_with(StepKind.OTHER, (utc(2300, 1, 1), utc(2300, 1, 2)))
    assert caught.value.code == "OWN001"
    assert "window.start: '2300-01-01T00:00:00+00:00' " + RANGE in str(caught.value)


@given(
    kind=st.sampled_from(
        [StepKind.OTHER, StepKind.THANK_YOU, StepKind.FOLLOW_UP, StepKind.CALL]
    ),
    start=st.datetimes(
        min_value=dt.datetime(1890, 1, 1), max_value=dt.datetime(2320, 1, 1)
    ),
    length=st.timedeltas(min_value=dt.timedelta(0), max_value=dt.timedelta(days=20)),
    near_the_end=st.booleans(),
)
def test_every_plan_made_is_read_back_or_a_rule_is_named(
    kind, start, length, near_the_end
):
    if near_the_end:
        # Where the built-in rules' steps after it may cross the end.
        start = dt.datetime(2204, 12, 1) + (
            start - dt.datetime(1890, 1, 1)
        ) % dt.timedelta(days=45)
    window = (start.replace(tzinfo=UTC), (start + length).replace(tzinfo=UTC))
    try:
        plan = plan_with(kind, window)
    except RuleError as error:
        refused = str(error)
    else:
        assert from_json(to_json(plan), FollowUpPlan) == plan
        return
    assert RANGE in refused
