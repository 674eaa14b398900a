"""What `Facts.gather` refuses and what it derives, pinned.

Every rule reads the facts, so a wrong one shows up everywhere at once;
these tests say exactly which input is refused, with which words, and what
the derived values are for an interview in New York.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from followup import (
    Contact,
    Event,
    EventKind,
    Facts,
    Interview,
    InvalidTypeError,
    InvalidValueError,
    StepKind,
)

INTERVIEW = Interview(
    "Ada Lovelace", "Acme", "2026-11-23T10:00:00-05:00[America/New_York]"
)
NOW = "2026-11-24T10:00:00-05:00"


@pytest.mark.parametrize(
    ("arguments", "field", "value", "message"),
    [
        (
            {"interview": "Ada"},
            "interview",
            "Ada",
            "expected an Interview, got str 'Ada'",
        ),
        (
            {"calendar": "US"},
            "calendar",
            "US",
            "expected a WorkingCalendar, got str 'US'",
        ),
        (
            {"history": 5},
            "history",
            5,
            "expected a sequence of Event, got int 5",
        ),
        (
            {"history": {"kind": "called"}},
            "history",
            {"kind": "called"},
            "expected a sequence of Event, got dict {'kind': 'called'}",
        ),
        (
            {"history": [Event("called", "2026-11-23T09:59:00-05:00")], "now": NOW},
            "history[0].at",
            "2026-11-23T09:59:00-05:00",
            (
                "'2026-11-23T09:59:00-05:00' is before the interview "
                "(2026-11-23T10:00:00-05:00)"
            ),
        ),
        (
            {"history": [Event("called", "2026-11-25T10:00:00-05:00")], "now": NOW},
            "history[0].at",
            "2026-11-25T10:00:00-05:00",
            "'2026-11-25T10:00:00-05:00' is after now (2026-11-24T10:00:00-05:00)",
        ),
    ],
)
def test_what_cannot_be_planned_from_is_refused_by_name(
    arguments: dict[str, object], field: str, value: object, message: str
) -> None:
    arguments = {"interview": INTERVIEW, **arguments}
    with pytest.raises((InvalidTypeError, InvalidValueError)) as caught:
        Facts.gather(**arguments)  # type: ignore[arg-type]
    error = caught.value
    assert isinstance(error, (InvalidTypeError, InvalidValueError))
    assert (error.field, error.value, str(error)) == (
        field,
        value,
        f"{field}: {message}",
    )


def test_an_event_at_the_very_start_of_the_interview_is_taken() -> None:
    call = Event("called", "2026-11-23T10:00:00-05:00")
    assert Facts.gather(INTERVIEW, [call], now=NOW).history == (call,)


@pytest.mark.parametrize(
    ("history", "covered", "moot"),
    [
        ((), -1, set()),
        ((Event("away", "2026-11-23T12:00:00-05:00", until="2026-11-25"),), -1, set()),
        ((Event("thank-you-sent", "2026-11-23T11:00:00-05:00"),), 1, set()),
        # A reply makes the follow-up letter moot and covers no stage: a
        # thank-you not yet sent still answers it.
        ((Event("replied", "2026-11-23T12:00:00-05:00"),), -1, {StepKind.FOLLOW_UP}),
        ((Event("called", "2026-11-23T12:00:00-05:00"),), 3, set()),
    ],
)
def test_the_history_covers_the_stage_of_its_furthest_step(
    history: tuple[Event, ...], covered: int, moot: set[StepKind]
) -> None:
    facts = Facts.gather(INTERVIEW, history, now=NOW)
    assert (facts.covered, facts.moot) == (covered, moot)
    assert facts.needs(StepKind.THANK_YOU) is (covered < 1)
    assert facts.needs(StepKind.FOLLOW_UP) is (covered < 2 and not moot)


def test_the_call_ends_on_the_recipient_s_clock() -> None:
    facts = Facts.gather(INTERVIEW)
    assert facts.call_ends.isoformat() == "2026-11-23T10:30:00-05:00"
    # Written in UTC, with an interviewer in New York, it ends at 10:30 there.
    interview = Interview(
        "Ada Lovelace",
        "Acme",
        "2026-11-23T15:00:00+00:00",
        interviewer=Contact("Grace Hopper", timezone="America/New_York"),
    )
    ends = Facts.gather(interview).call_ends
    assert (ends.isoformat(), ends.utcoffset()) == (
        "2026-11-23T10:30:00-05:00",
        dt.timedelta(hours=-5),
    )


@pytest.mark.parametrize(
    "history",
    [(), [], (Event("thank-you-sent", "2026-11-23T11:00:00-05:00"),)],
)
def test_gathered_facts_are_those_the_constructor_makes(history: object) -> None:
    # `gather` fills every slot itself; the constructor's own work (the
    # instants in UTC, a fresh store of derived values) must come out alike.
    facts = Facts.gather(INTERVIEW, history, now=NOW)
    made = Facts(
        **{
            field.name: getattr(facts, field.name)
            for field in attrs.fields(Facts)
            if field.init
        }
    )
    assert facts == made
    utc = dt.timezone.utc
    assert (facts.now_utc, facts.call_ends_utc) == (made.now_utc, made.call_ends_utc)
    assert (facts.now_utc.tzinfo, facts.call_ends_utc.tzinfo) == (utc, utc)
    assert facts.now_utc.isoformat() == "2026-11-24T15:00:00+00:00"
    assert facts.call_ends_utc.isoformat() == "2026-11-23T15:30:00+00:00"
    assert facts.history == tuple(history)
    # Each plan keeps its own derived values.
    facts.derived("key", lambda: 1)
    assert Facts.gather(INTERVIEW, history, now=NOW).derived("key", lambda: 2) == 2


def test_the_day_helpers_for_rules_of_ones_own_count_on_the_recipients_days() -> None:
    # The built-in rules ask the shared days directly; a rule of one's own
    # asks the facts (docs/writing-rules.md), and gets the same answers.
    # Monday 23 November 2026 in New York, with Thanksgiving on Thursday.
    interview = Interview(
        "Ada Lovelace",
        "Acme",
        "2026-11-23T10:00:00-05:00[America/New_York]",
        interviewer=Contact("Grace Hopper", country="US"),
    )
    facts = Facts.gather(interview)
    monday = facts.interview_day
    assert facts.days_after(monday, 3, business=False) == dt.date(2026, 11, 26)
    assert facts.days_after(monday, 3, business=True) == dt.date(2026, 11, 27)
    assert facts.start_of(monday).isoformat() == "2026-11-23T00:00:00-05:00"
    assert facts.end_of(monday).isoformat() == "2026-11-23T23:59:59.999999-05:00"
    thanksgiving = dt.date(2026, 11, 26)
    assert facts.is_public_holiday(thanksgiving)
    assert not facts.is_business_day(thanksgiving)
    assert facts.holiday(thanksgiving) == facts.day_off(thanksgiving)
    assert facts.day_off(thanksgiving) == "Thanksgiving Day"


AWAY = Facts.gather(
    INTERVIEW,
    [Event("away", "2026-11-24T09:00:00-05:00", until="2026-11-30")],
    now=NOW,
)


def test_a_kind_may_be_named_by_its_value_as_for_of_kind() -> None:
    # "away" found no event of kind "away", and answered None, silently;
    # needs("call") raised AttributeError.
    assert AWAY.until("away") == AWAY.until(EventKind.AWAY) == dt.date(2026, 11, 30)
    assert AWAY.until("paused") is None
    assert AWAY.needs("call") is AWAY.needs(StepKind.CALL) is True
    called = Facts.gather(
        INTERVIEW, [Event("called", "2026-11-24T09:00:00-05:00")], now=NOW
    )
    assert called.needs("follow-up") is called.needs(StepKind.FOLLOW_UP) is False


@pytest.mark.parametrize(
    ("ask", "message"),
    [
        (
            lambda: AWAY.until("gone"),
            (
                "kind: 'gone' is not an EventKind (one of 'thank-you-sent', "
                "'follow-up-sent', 'called', 'decision-received', 'replied', 'away', "
                "'paused')"
            ),
        ),
        (
            lambda: AWAY.needs("cal"),
            (
                "kind: 'cal' is not a StepKind (one of 'close-call', 'thank-you', "
                "'follow-up', 'call', 'call-back', 'other')"
            ),
        ),
    ],
    ids=["until", "needs"],
)
def test_a_name_that_is_no_kind_is_refused_by_name(ask, message) -> None:
    with pytest.raises(InvalidValueError) as caught:
        ask()
    assert str(caught.value) == message
