"""The blackout plugin's own tests, written as any plugin's would be."""

from __future__ import annotations

import datetime as dt

import pytest
from followup_blackout import BlackoutDays, BlackoutParams
from hypothesis import given, settings

from followup import (
    DEFAULT_RULES,
    Event,
    InvalidTypeError,
    InvalidValueError,
    RuleConfigurationError,
    RuleSet,
    StepKind,
    plan_followups,
)
from followup.example import example_interview
from followup.testing import assert_rule_keeps_the_contract, situations

# Every third day of 2026 and 2027: most plans in those years meet one.
EVERY_THIRD_DAY = tuple(
    dt.date(2026, 1, 1) + dt.timedelta(days=n) for n in range(0, 730, 3)
)


def blackout(*days: str) -> RuleSet:
    return DEFAULT_RULES.with_plugins("blackout").configure("blackout-days", days=days)


def due(plan, kind: StepKind) -> str:
    (step,) = (step for step in plan.steps if step.kind is kind)
    return step.due.format("ddd D MMM HH:mm")


def test_plans_with_blackout_days_keep_the_contract() -> None:
    assert_rule_keeps_the_contract(
        BlackoutDays(BlackoutParams(days=EVERY_THIRD_DAY)),
        among=situations(years=(2026, 2027)),
        max_examples=30,
    )


def test_a_follow_up_on_a_blackout_day_waits_for_working_time() -> None:
    plan = plan_followups(example_interview(), rules=blackout("2026-11-25"))
    (follow_up,) = (s for s in plan.steps if s.kind is StepKind.FOLLOW_UP)
    # Wednesday is blacked out and Thursday is Thanksgiving in New York.
    assert follow_up.due.format("ddd D MMM HH:mm") == "Fri 27 Nov 09:00"
    assert "BLK001" in follow_up.adjusted_by
    assert "Moved off 2026-11-25, a blackout day (BLK001)." in follow_up.reason
    # The call waits two business days after the follow-up (FU012): Monday,
    # then Tuesday, which is not blacked out.
    assert due(plan, StepKind.CALL) == "Tue 1 Dec 09:00"
    assert (
        "BLK001"
        not in next(s for s in plan.steps if s.kind is StepKind.CALL).adjusted_by
    )


def test_a_window_blacked_out_whole_moves_whole() -> None:
    plan = plan_followups(
        example_interview(), rules=blackout("2026-11-25", "2026-11-26", "2026-11-27")
    )
    assert due(plan, StepKind.FOLLOW_UP) == "Mon 30 Nov 09:00"


def landings(plan):
    # When each step is due: the place phase settles on the same times in
    # any order.  Windows may end differently (one moved whole keeps its
    # length, one narrowed keeps its end), so they are not compared.
    return [(step.kind, step.due) for step in plan.steps]


def test_working_time_and_blackout_days_agree_in_any_order() -> None:
    rules = blackout("2026-11-25", "2026-11-27", "2026-11-30")
    first = plan_followups(example_interview(), rules=rules)
    again = plan_followups(example_interview(), rules=rules.reordered("BLK001"))
    assert rules.codes[-1] == "BLK001"
    assert landings(first) == landings(again)
    # Wednesday blacked out, Thursday a holiday, Friday and Monday blacked
    # out; the call two business days after the follow-up (FU012).
    assert due(first, StepKind.FOLLOW_UP) == "Tue 1 Dec 09:00"
    assert due(first, StepKind.CALL) == "Thu 3 Dec 09:00"


# No deadline: the first plan for a country loads its holiday calendar.
@settings(max_examples=20, deadline=None)
@given(situations(years=(2026, 2027)))
def test_the_order_of_the_place_phase_does_not_matter(situation) -> None:
    interview, history, now = situation
    rules = DEFAULT_RULES.extend(BlackoutDays(BlackoutParams(days=EVERY_THIRD_DAY)))
    first = plan_followups(interview, history, now=now, rules=rules)
    again = plan_followups(interview, history, now=now, rules=rules.reordered("BLK001"))
    assert landings(first) == landings(again)


def test_an_agreed_call_back_keeps_its_time() -> None:
    called = Event(
        "called",
        "2026-11-27T11:00:00-05:00",
        outcome="undecided",
        call_back_at="2026-12-02T10:00:00-05:00",
    )
    plan = plan_followups(
        example_interview(),
        [called],
        now="2026-11-27T11:05:00-05:00",
        rules=blackout("2026-12-02"),
    )
    assert due(plan, StepKind.CALL_BACK) == "Wed 2 Dec 10:00"


@pytest.mark.parametrize(
    ("days", "error", "message"),
    [
        (
            ["2026-13-01"],
            InvalidValueError,
            "BlackoutParams.days: '2026-13-01' is not a date",
        ),
        (
            [dt.datetime(2026, 12, 24, tzinfo=dt.timezone.utc)],
            InvalidTypeError,
            "BlackoutParams.days: expected dates, not datetimes",
        ),
        (24, InvalidTypeError, "BlackoutParams.days: expected a list of dates"),
        ([24], InvalidTypeError, "BlackoutParams.days: expected a date (YYYY-MM-DD)"),
    ],
)
def test_days_are_dates(days, error, message) -> None:
    with pytest.raises(error) as raised:
        BlackoutParams(days=days)
    assert message in str(raised.value)


def test_a_bad_day_in_a_configuration_names_the_key() -> None:
    with pytest.raises(
        RuleConfigurationError,
        match=r"rules.blackout-days.days: 'Christmas' is not a date such as 2026-12-24",
    ):
        RuleSet.from_mapping(
            {
                "plugins": ["blackout"],
                "rules": {"blackout-days": {"days": ["Christmas"]}},
            }
        )
    assert BlackoutParams(days="2026-12-24").days == (dt.date(2026, 12, 24),)
