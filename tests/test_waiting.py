"""A reply without a decision, an absence and a pause shift the plan (FU013)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given

from followup import (
    DEFAULT_RULES,
    Event,
    EventKind,
    Facts,
    FollowUpError,
    StepKind,
    check_plan,
    plan_followups,
)
from followup._inputs import read_history
from followup.example import example_interview
from strategies import situations

THANKED = Event(EventKind.THANK_YOU_SENT, "2026-11-23T11:00:00-05:00")
NOW = "2026-11-25T10:00:00-05:00"


def _plan(*events, now=NOW):
    return plan_followups(example_interview(), [THANKED, *events], now=now)


def _dues(plan):
    return [(s.kind.value, s.due.format("ddd D MMM HH:mm")) for s in plan.steps]


def test_an_out_of_office_holds_the_follow_up_and_the_call():
    away = Event(EventKind.AWAY, "2026-11-24T09:00:00-05:00", until="2026-12-07")
    plan = _plan(away)
    follow_up, call = plan.steps
    assert follow_up.due.format("ddd D MMM HH:mm") == "Mon 7 Dec 09:00"
    assert "Held until Mon 7 Dec 2026: the interviewer is away until then." in (
        follow_up.reason
    )
    assert "FU013" in follow_up.adjusted_by
    # And the call two business days after the follow-up (FU012), its week
    # whole: the hold moved the follow-up whole, and FU012 the call after it
    # (the call was cut at the hold's end first, and kept a day of it).
    assert call.due.format("ddd D MMM HH:mm") == "Wed 9 Dec 09:00"
    assert call.window.end.format("ddd D MMM HH:mm") == "Wed 16 Dec 17:00"
    assert call.reason.endswith(
        "Moved to 2 business days after the follow-up, so that the letter can be "
        "answered before the phone rings (A10)."
    )
    assert not [
        f for f in check_plan(plan, history=[THANKED, away]) if f.code == "FU013"
    ]


def test_an_absence_does_not_hold_the_thank_you():
    away = Event(EventKind.AWAY, "2026-11-23T10:40:00-05:00", until="2026-12-07")
    plan = plan_followups(example_interview(), [away], now="2026-11-23T10:45:00-05:00")
    assert _dues(plan)[0] == ("thank-you", "Mon 23 Nov 10:45")


def test_a_pause_holds_everything_even_the_thank_you():
    paused = Event(EventKind.PAUSED, "2026-11-23T12:00:00-05:00", until="2026-12-01")
    plan = plan_followups(example_interview(), [paused], now=NOW)
    assert _dues(plan) == [
        ("thank-you", "Tue 1 Dec 00:00"),
        ("follow-up", "Wed 2 Dec 09:00"),
        ("call", "Fri 4 Dec 09:00"),
    ]
    assert "you paused the follow-up until then" in plan.steps[0].reason


def test_a_reply_with_a_decision_date_waits_for_it_then_calls_once():
    replied = Event(
        EventKind.REPLIED,
        "2026-11-24T16:00:00-05:00",
        until="2026-12-04",
        channel="email",
    )
    plan = _plan(replied)
    # No follow-up letter after a reply; one call, the business day after
    # Friday 4 December.
    assert _dues(plan) == [("call", "Mon 7 Dec 09:00")]
    (call,) = plan.steps
    assert (
        "they said they would decide by Fri 4 Dec 2026; with no word by then, "
        "call once (A10)"
    ) in call.reason


def test_the_day_after_the_decision_date_is_a_business_day():
    # Deciding by the day before Thanksgiving: the call waits for Friday.
    replied = Event(EventKind.REPLIED, "2026-11-24T16:00:00-05:00", until="2026-11-25")
    plan = _plan(replied, now="2026-11-24T16:30:00-05:00")
    assert _dues(plan) == [("call", "Mon 30 Nov 09:00")]
    late = Event(EventKind.REPLIED, "2026-11-24T16:00:00-05:00", until="2026-12-09")
    assert _dues(_plan(late, now="2026-11-24T16:30:00-05:00")) == [
        ("call", "Thu 10 Dec 09:00")
    ]
    # By Christmas Eve: Christmas Day is a holiday in New York, then the
    # weekend; the call waits for Monday.
    eve = Event(EventKind.REPLIED, "2026-11-24T16:00:00-05:00", until="2026-12-24")
    plan = _plan(eve, now="2026-11-24T16:30:00-05:00")
    assert _dues(plan) == [("call", "Mon 28 Dec 09:00")]
    assert "Held until Mon 28 Dec 2026" in plan.steps[0].reason


def test_a_reply_without_a_date_drops_the_letter_and_keeps_the_call():
    replied = Event(EventKind.REPLIED, "2026-11-24T16:00:00-05:00")
    assert _dues(_plan(replied)) == [("call", "Mon 30 Nov 09:00")]


def test_a_later_reply_without_a_date_ends_the_wait():
    first = Event(EventKind.REPLIED, "2026-11-24T16:00:00-05:00", until="2026-12-18")
    second = Event(EventKind.REPLIED, "2026-11-25T09:00:00-05:00")
    assert _dues(_plan(first, second)) == [("call", "Mon 30 Nov 09:00")]
    assert _dues(_plan(first)) == [("call", "Mon 21 Dec 09:00")]


def test_an_agreed_call_back_keeps_its_time_while_the_interviewer_is_away():
    called = Event(
        EventKind.CALLED,
        "2026-11-30T11:00:00-05:00",
        outcome="undecided",
        call_back_at="2026-12-03T16:00:00-05:00",
    )
    away = Event(EventKind.AWAY, "2026-11-30T12:00:00-05:00", until="2026-12-07")
    plan = _plan(called, away, now="2026-11-30T12:30:00-05:00")
    assert _dues(plan) == [("call-back", "Thu 3 Dec 16:00")]


def test_check_plan_flags_a_schedule_that_ignores_an_absence():
    plan = _plan()
    away = Event(EventKind.AWAY, "2026-11-24T09:00:00-05:00", until="2026-12-07")
    findings = [
        f
        for f in check_plan(plan.steps, example_interview(), [THANKED, away], now=NOW)
        if f.code == "FU013"
    ]
    assert [(f.message, f.expected) for f in findings] == [
        (
            "the follow-up is planned while the interviewer is away",
            "on or after Mon 7 Dec 2026 00:00 EST",
        ),
        (
            "the call is planned while the interviewer is away",
            "on or after Mon 7 Dec 2026 00:00 EST",
        ),
    ]


def test_events_at_one_instant_plan_the_same_in_any_order():
    one = Event(EventKind.AWAY, "2026-11-24T09:00:00-05:00", until="2026-12-07")
    two = Event(EventKind.AWAY, "2026-11-24T09:00:00-05:00", until="2026-12-14")
    assert _plan(one, two) == _plan(two, one)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"kind": "away"},
            "Event.until: None given, but an event of kind away needs the day it ends",
        ),
        (
            {"kind": "paused"},
            "Event.until: None given, but an event of kind paused needs the day it ends",
        ),
        (
            {"kind": "called", "until": "2026-12-07"},
            "Event.until: '2026-12-07' belongs to a reply, an absence or a pause",
        ),
        (
            {"kind": "away", "until": "2026-11-23"},
            "Event.until: '2026-11-23' is before the day of the event (2026-11-24)",
        ),
        (
            {"kind": "away", "until": "7 Dec"},
            "Event.until: '7 Dec' is not a date (YYYY-MM-DD)",
        ),
        (
            {"kind": "away", "until": dt.datetime(2026, 12, 7, tzinfo=dt.timezone.utc)},
            "Event.until: expected a date (YYYY-MM-DD), not a datetime",
        ),
        ({"kind": "away", "until": 7}, "Event.until: expected a date"),
        ({"kind": "paused", "until": "2200-01-01"}, "is outside 1900-2199"),
        (
            {"kind": "replied", "outcome": "undecided"},
            "Event.outcome: 'undecided' belongs to a call or a decision",
        ),
        (
            {"kind": "away", "until": "2026-12-07", "channel": "email"},
            "Event.channel: 'email' does not fit an away event",
        ),
    ],
)
def test_bad_waits_are_refused_naming_the_field(kwargs, message):
    kwargs = dict(kwargs)  # the parameters are shared by every run of the test
    kind = kwargs.pop("kind")
    with pytest.raises(FollowUpError) as raised:
        Event(kind, "2026-11-24T09:00:00-05:00", **kwargs)
    assert message in str(raised.value)


def test_a_reply_may_come_by_phone():
    replied = Event(EventKind.REPLIED, "2026-11-24T16:00:00-05:00", channel="phone")
    assert replied.channel.value == "phone"


def test_a_history_file_writes_until_as_a_date(tmp_path):
    path = tmp_path / "history.toml"
    path.write_text(
        '[[events]]\nkind = "away"\nat = "2026-11-24T09:00:00-05:00"\n'
        "until = 2026-12-07\n\n"
        '[[events]]\nkind = "replied"\nat = "2026-11-25T09:00:00-05:00"\n'
        'until = "2026-12-04"\n'
    )
    away, replied = read_history(str(path))
    assert away.until == dt.date(2026, 12, 7)
    assert replied.until == dt.date(2026, 12, 4)


@given(situations())
def test_nothing_held_is_due_before_its_hold_ends(situation):
    interview, history, now = situation
    plan = plan_followups(interview, history, now=now)
    facts = Facts.gather(interview, history, now, DEFAULT_RULES.calendar)
    latest = {}
    for event in facts.history:
        latest[event.kind] = event.until
    holds = []
    if latest.get(EventKind.AWAY):
        holds.append(
            (
                set(StepKind) - {StepKind.CLOSE_CALL, StepKind.THANK_YOU},
                facts.start_of(latest[EventKind.AWAY]),
            )
        )
    if latest.get(EventKind.PAUSED):
        holds.append(
            (
                set(StepKind) - {StepKind.CLOSE_CALL},
                facts.start_of(latest[EventKind.PAUSED]),
            )
        )
    if latest.get(EventKind.REPLIED):
        after = facts.days_after(latest[EventKind.REPLIED], 1, business=True)
        holds.append(({StepKind.CALL, StepKind.CALL_BACK}, facts.start_of(after)))
    for kinds, moment in holds:
        for step in plan.steps:
            if step.kind in kinds and not step.agreed:
                assert step.due >= moment, (step, moment)
    if EventKind.REPLIED in latest and facts.decision is None:
        assert StepKind.FOLLOW_UP not in {step.kind for step in plan.steps}
