"""Late plans keep the advice's order and spacing (FU012)."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given

from followup import (
    DEFAULT_RULES,
    Contact,
    Event,
    EventKind,
    Facts,
    FollowUpError,
    Interview,
    Step,
    StepKind,
    Window,
    check_plan,
    plan_followups,
)
from followup.example import example_interview
from strategies import situations

NINE_DAYS_LATE = "2026-12-02T12:00:00Z"  # Wednesday 07:00 in New York


def _due(plan, kind):
    (step,) = (step for step in plan.steps if step.kind is kind)
    return step.due.format("ddd D MMM HH:mm")


def _step(plan, kind):
    (step,) = (step for step in plan.steps if step.kind is kind)
    return step


def test_nine_days_late_the_steps_are_spaced_in_the_advices_order():
    plan = plan_followups(example_interview(), now=NINE_DAYS_LATE)
    assert [step.kind for step in plan.steps] == [
        StepKind.THANK_YOU,
        StepKind.FOLLOW_UP,
        StepKind.CALL,
    ]
    # The thank-you now, the follow-up the next business day, the call two
    # business days after that (Friday, then Monday).
    assert _due(plan, StepKind.THANK_YOU) == "Wed 2 Dec 07:00"
    assert _due(plan, StepKind.FOLLOW_UP) == "Thu 3 Dec 09:00"
    assert _due(plan, StepKind.CALL) == "Mon 7 Dec 09:00"
    follow_up = _step(plan, StepKind.FOLLOW_UP)
    assert "FU012" in follow_up.adjusted_by
    assert "Moved to a business day after the thank-you" in follow_up.reason
    call = _step(plan, StepKind.CALL)
    assert "Moved to 2 business days after the follow-up" in call.reason
    assert not [f for f in check_plan(plan) if f.code == "FU012"]


def test_without_the_rule_a_late_plan_piles_up():
    # What FU012 prevents: everything overdue due on one morning.
    plan = plan_followups(
        example_interview(), now=NINE_DAYS_LATE, rules=DEFAULT_RULES.ignore("FU012")
    )
    assert _due(plan, StepKind.FOLLOW_UP) == _due(plan, StepKind.CALL)


def _scottish(day):
    return Interview(
        "Ada",
        "Acme",
        f"{day}T10:00:00+00:00[Europe/London]",
        interviewer=Contact(
            "Morag", timezone="Europe/London", country="GB", subdivision="SCT"
        ),
    )


@pytest.mark.parametrize(
    ("day", "follow_up", "call"),
    [
        # Christmas and Boxing Day push the follow-up to Tuesday 29th; the
        # call, a week after the interview, would follow it the next day.
        ("2026-12-23", "Tue 29 Dec 09:00", "Thu 31 Dec 09:00"),
        # New Year's Day and 2 January are Scottish holidays.
        ("2026-12-24", "Wed 30 Dec 09:00", "Tue 5 Jan 09:00"),
    ],
)
def test_holidays_no_longer_squeeze_the_follow_up_and_the_call(day, follow_up, call):
    squeezed = plan_followups(_scottish(day), rules=DEFAULT_RULES.ignore("FU012"))
    plan = plan_followups(_scottish(day))
    assert _due(plan, StepKind.FOLLOW_UP) == follow_up
    assert _due(plan, StepKind.CALL) == call
    # Without FU012 the call came a business day after the follow-up.
    assert _step(squeezed, StepKind.CALL).due < _step(plan, StepKind.CALL).due


def test_the_follow_up_waits_a_business_day_after_a_late_thank_you():
    # The thank-you went out on Friday, days late: the follow-up, overdue
    # too, goes on Monday, not the same afternoon.
    sent = Event(EventKind.THANK_YOU_SENT, "2026-11-27T15:00:00-05:00")
    plan = plan_followups(example_interview(), [sent], now="2026-11-27T15:30:00-05:00")
    assert _due(plan, StepKind.FOLLOW_UP) == "Mon 30 Nov 09:00"
    assert _due(plan, StepKind.CALL) == "Wed 2 Dec 09:00"


def test_the_call_waits_after_a_follow_up_sent_late():
    history = [
        Event(EventKind.THANK_YOU_SENT, "2026-11-23T11:00:00-05:00"),
        Event(EventKind.FOLLOW_UP_SENT, "2026-11-30T16:00:00-05:00"),
    ]
    plan = plan_followups(example_interview(), history, now="2026-11-30T16:05:00-05:00")
    # Monday's follow-up: Tuesday, then Wednesday.
    assert _due(plan, StepKind.CALL) == "Wed 2 Dec 09:00"


def test_without_a_follow_up_the_call_counts_from_the_thank_you():
    plan = plan_followups(
        example_interview(), now=NINE_DAYS_LATE, rules=DEFAULT_RULES.ignore("FU004")
    )
    assert StepKind.FOLLOW_UP not in {step.kind for step in plan.steps}
    assert _due(plan, StepKind.CALL) == "Fri 4 Dec 09:00"
    assert "after the thank-you" in _step(plan, StepKind.CALL).reason


def test_the_gaps_are_parameters():
    rules = DEFAULT_RULES.configure(
        "steps-in-order-and-apart", follow_up_after=2, call_after=3
    )
    plan = plan_followups(example_interview(), now=NINE_DAYS_LATE, rules=rules)
    # Thursday and Friday; then Monday, Tuesday and Wednesday.
    assert _due(plan, StepKind.FOLLOW_UP) == "Fri 4 Dec 09:00"
    assert _due(plan, StepKind.CALL) == "Wed 9 Dec 09:00"
    together = DEFAULT_RULES.configure("FU012", follow_up_after=0, call_after=0)
    plan = plan_followups(example_interview(), now=NINE_DAYS_LATE, rules=together)
    assert _due(plan, StepKind.FOLLOW_UP) == "Wed 2 Dec 09:00"


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"follow_up_after": -1}, "SpacingParams.follow_up_after: -1 is outside 0..30"),
        ({"call_after": 31}, "SpacingParams.call_after: 31 is outside 0..30"),
        ({"call_after": "2"}, "SpacingParams.call_after: expected a whole number"),
    ],
)
def test_bad_gaps_are_refused(params, message):
    with pytest.raises(FollowUpError) as raised:
        DEFAULT_RULES.configure("FU012", **params)
    assert message in str(raised.value)


def test_a_schedule_of_ones_own_that_crowds_the_steps_is_flagged():
    plan = plan_followups(example_interview(), now="2026-11-23T10:30:00-05:00")
    steps = {step.kind: step for step in plan.steps}
    thank_you = steps[StepKind.THANK_YOU]
    crowded = Step(
        StepKind.FOLLOW_UP,
        "email",
        Window(thank_you.due, thank_you.due.add(hours=2)),
        thank_you.due.add(hours=1),
        rule="me",
        reason="all at once",
    )
    findings = [
        f
        for f in check_plan([thank_you, crowded], example_interview())
        if f.code == "FU012"
    ]
    assert [(f.message, f.expected) for f in findings] == [
        (
            "the follow-up comes sooner than a business day after the thank-you",
            "on or after Tue 24 Nov 2026 00:00 EST",
        )
    ]
    assert findings[0].severity.value == "warning"
    assert not [f for f in check_plan(plan) if f.code == "FU012"]


def test_with_no_days_between_them_a_step_may_follow_the_one_before_at_once():
    # A gap of no days is the step before itself, to the minute: not the day
    # it falls on, however often the same facts are asked about.
    rules = DEFAULT_RULES.configure("FU012", follow_up_after=0, call_after=0)
    spacing = rules["FU012"]
    facts = Facts.gather(example_interview(), (), None, rules.calendar)

    def step(kind, at):
        moment = example_interview().at.set(hour=at[0], minute=at[1])
        return Step(
            kind,
            "email",
            Window(moment, moment.add(hours=1)),
            moment,
            rule="me",
            reason="my own",
        )

    def found(thanked, written):
        steps = (step(StepKind.THANK_YOU, thanked), step(StepKind.FOLLOW_UP, written))
        return [(f.message, f.expected) for f in spacing.check(facts, steps)]

    assert found((10, 30), (11, 0)) == []
    assert found((12, 0), (11, 0)) == [
        (
            "the follow-up comes sooner than right after the thank-you",
            "on or after Mon 23 Nov 2026 12:00 EST",
        )
    ]
    assert found((10, 30), (10, 15)) == [
        (
            "the follow-up comes sooner than right after the thank-you",
            "on or after Mon 23 Nov 2026 10:30 EST",
        )
    ]


def _gap_start(facts, moment, days):
    day = facts.days_after(facts.local(moment).date(), days, business=True)
    return facts.start_of(day)


@given(situations())
def test_late_or_not_the_steps_keep_their_order_and_spacing(situation):
    interview, history, now = situation
    plan = plan_followups(interview, history, now=now)
    facts = Facts.gather(interview, history, now, DEFAULT_RULES.calendar)
    steps = plan.steps
    # No two steps due at one instant, unless a time was agreed.
    for first, second in itertools.combinations(steps, 2):
        if not (first.agreed or second.agreed):
            assert first.due != second.due, (first, second)
    by_kind = {kind: [s for s in steps if s.kind is kind] for kind in StepKind}

    def last(kind, sent):
        moments = [s.due for s in by_kind[kind]]
        moments += [e.at for e in facts.history if e.kind is sent]
        return max(moments, default=None)

    thanked = last(StepKind.THANK_YOU, EventKind.THANK_YOU_SENT)
    written = last(StepKind.FOLLOW_UP, EventKind.FOLLOW_UP_SENT)
    for follow_up in by_kind[StepKind.FOLLOW_UP]:
        assert thanked is not None
        assert follow_up.due >= thanked
        assert follow_up.due >= _gap_start(facts, thanked, 1)
    anchor = written if written is not None else thanked
    for call in by_kind[StepKind.CALL]:
        if anchor is not None:
            assert call.due >= _gap_start(facts, anchor, 2), (call, anchor)
    # Calls as far apart as FU008 says, counted from the calls made.
    previous = facts.calls[-1].at if facts.calls else None
    agreed = facts.agreed_call_back is not None
    calls = sorted(
        by_kind[StepKind.CALL] + by_kind[StepKind.CALL_BACK], key=lambda s: s.due
    )
    for call in calls:
        exempt = call.agreed or (call.kind is StepKind.CALL_BACK and agreed)
        if previous is not None and not exempt:
            earliest = facts.start_of(
                facts.local(previous).date() + dt.timedelta(days=7)
            )
            assert call.due >= earliest
        previous = call.due
