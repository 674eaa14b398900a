"""Example tests that kill hand-made mutants of the proposing rules (FU001-FU009).

Each test names what it pins.  Expected values are worked out from the advice
and docs/rules.md: an interview on Monday 23 November 2026 at 10:00 in New York
(EST, UTC-5), 30 minutes long unless said otherwise.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

import attrs
import pytest

from followup import (
    DEFAULT_RULES,
    Channel,
    Contact,
    Event,
    EventKind,
    Finding,
    Interview,
    NoParams,
    Outcome,
    Requirements,
    RuleConfigurationError,
    Severity,
    Step,
    StepKind,
    Window,
    check_plan,
    new_step,
    plan_followups,
)

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO
NY = "America/New_York"
GRACE = Contact(
    "Grace Hopper", email="grace@example.com", phone="+1 212 555 0123", timezone=NY
)
AT = "2026-11-23T10:00:00-05:00[America/New_York]"
MONDAY = Interview("Ada Lovelace", "Acme", AT, interviewer=GRACE)


def mine(kind: StepKind, at: str, channel: Channel | None = None, **kwargs) -> Step:
    """A step of the user's own schedule, due at `at`."""
    if channel is None:
        phoned = {StepKind.CALL, StepKind.CALL_BACK, StepKind.CLOSE_CALL}
        channel = Channel.PHONE if kind in phoned else Channel.EMAIL
    return Step(
        kind, channel, Window(at, at), at, rule="mine", reason="my plan", **kwargs
    )


def checked(code: str, steps, interview=MONDAY, history=(), now=None):
    return check_plan(
        steps, interview, list(history), now=now, rules=DEFAULT_RULES.select(code)
    )


@attrs.frozen
class Proposer:
    """Someone else's rule: proposes steps of a kind at given offsets."""

    code: ClassVar[str] = "GEN101"
    name: ClassVar[str] = "proposer"
    summary: ClassVar[str] = "Proposes steps of a kind."
    advice: ClassVar[tuple[str, ...]] = ("GEN:steps",)
    params: NoParams = attrs.field(factory=NoParams)
    offsets: tuple[dt.timedelta, ...] = (dt.timedelta(minutes=10),)
    agreed: bool = False
    kind: StepKind = StepKind.CLOSE_CALL
    channel: Channel = Channel.PHONE
    # The number of its first step; by default, after those of its kind the
    # draft holds.  A call numbered 1 is the call the history may say was
    # made, which FU009 drops: a call of one's own after it is number 2.
    first: int | None = None

    def plan(self, draft):
        facts = draft.facts
        numbers = [step.number for step in draft.of_kind(self.kind)]
        first = max(numbers, default=0) + 1 if self.first is None else self.first
        for n, offset in enumerate(self.offsets):
            at = facts.start + offset
            draft = draft.proposing(
                new_step(
                    facts,
                    self.kind,
                    self.channel,
                    (at, at),
                    number=first + n,
                    rule=self.code,
                    reason="Someone else's step.",
                    agreed=self.agreed,
                )
            )
        return draft

    def check(self, facts, steps):
        return ()


def closes(plan) -> list[tuple[str, str, tuple[str, ...]]]:
    return [
        (s.rule, s.due.format("HH:mm"), s.adjusted_by)
        for s in plan.steps
        if s.kind is StepKind.CLOSE_CALL
    ]


# --- FU001: the close of the call ------------------------------------------


@pytest.mark.parametrize("minutes", [1, 60])
def test_the_close_may_start_one_to_sixty_minutes_before_the_end(minutes):
    # Pins CloseCallParams.minutes_before_end's bounds 1..60, both ends allowed.
    rules = DEFAULT_RULES.configure("FU001", minutes_before_end=minutes)
    assert rules["FU001"].params.minutes_before_end == minutes


@pytest.mark.parametrize("minutes", [0, 61])
def test_a_close_lead_outside_one_to_sixty_is_refused_by_name(minutes):
    # Pins the bounds and the field name in the error.
    with pytest.raises(RuleConfigurationError) as caught:
        DEFAULT_RULES.configure("FU001", minutes_before_end=minutes)
    assert str(caught.value) == (
        f"rule FU001: CloseCallParams.minutes_before_end: {minutes} is outside 1..60"
    )


def test_a_three_minute_call_planned_the_day_before_closes_from_its_start():
    # Pins the start of the call as the earliest the close may begin: five
    # minutes before the end of a three-minute call is before it began.
    short = Interview("Ada Lovelace", "Acme", AT, interviewer=GRACE, duration=3)
    plan = plan_followups(short, now="2026-11-22T18:00:00-05:00")
    (close,) = (s for s in plan.steps if s.kind is StepKind.CLOSE_CALL)
    assert (close.window.start.format("HH:mm"), close.window.end.format("HH:mm")) == (
        "10:00",
        "10:03",
    )


def test_every_close_proposed_after_the_call_has_ended_is_dropped():
    # Pins the place phase dropping all closes once the call is over, not one.
    two = Proposer(offsets=(dt.timedelta(hours=2), dt.timedelta(hours=3)))
    plan = plan_followups(
        MONDAY, now="2026-11-23T11:00:00-05:00", rules=DEFAULT_RULES.extend(two)
    )
    assert closes(plan) == []


def test_an_agreed_close_early_in_the_call_stays_where_it_was_agreed():
    # Pins FU001's place phase leaving an agreed close alone.
    agreed = Proposer(agreed=True)
    plan = plan_followups(MONDAY, rules=DEFAULT_RULES.extend(agreed))
    assert ("GEN101", "10:10", ()) in closes(plan)


def test_a_close_due_right_at_the_end_of_the_call_is_not_moved():
    # Pins the end of the call as inside the window the place phase keeps.
    at_end = Proposer(offsets=(dt.timedelta(minutes=30),))
    plan = plan_followups(MONDAY, rules=DEFAULT_RULES.extend(at_end))
    assert closes(plan) == [("FU001", "10:25", ()), ("GEN101", "10:30", ())]


def test_a_close_due_right_at_the_end_of_the_call_is_within_it():
    # Pins the check's closed interval at the end of the call.
    assert (
        checked("FU001", [mine(StepKind.CLOSE_CALL, "2026-11-23T10:30:00-05:00")]) == ()
    )


def test_a_close_earlier_in_a_call_under_way_is_within_the_call():
    # Pins the check measuring from the start of the call, not from now.
    close = mine(StepKind.CLOSE_CALL, "2026-11-23T10:05:00-05:00")
    assert checked("FU001", [close], now="2026-11-23T10:10:00-05:00") == ()


def test_a_close_after_the_call_names_the_call_and_the_moment_on_its_clock():
    # Pins expected (from the start of the call, not now) and actual (on the
    # recipient's clock, though the step was written in UTC).
    close = mine(StepKind.CLOSE_CALL, "2026-11-23T16:00:00+00:00")
    assert checked("FU001", [close], now="2026-11-23T10:10:00-05:00") == (
        Finding(
            "FU001",
            ERROR,
            "the close of the call is planned outside the call (A1)",
            step=close,
            expected="between Mon 23 Nov 2026 10:00 EST and Mon 23 Nov 2026 10:30 EST",
            actual="Mon 23 Nov 2026 11:00 EST",
        ),
    )


# --- FU003: the thank-you ---------------------------------------------------


def test_a_thank_you_by_printed_letter_draws_no_warning_when_configured_so():
    # A letter by post arrives days after the call: a warning by default
    # (A3: an email), none when FU003 was configured to plan a letter.
    letter = mine(
        StepKind.THANK_YOU, "2026-11-23T11:00:00-05:00", Channel.PRINTED_LETTER
    )
    assert [f.expected for f in checked("FU003", [letter])] == ["email"]
    configured = DEFAULT_RULES.configure("FU003", channel="printed-letter")
    assert check_plan([letter], MONDAY, rules=configured.select("FU003")) == ()


def test_the_thank_you_goes_out_by_the_configured_channel():
    # Pins ThankYouParams.channel reaching the planned step.
    rules = DEFAULT_RULES.configure("FU003", channel="handwritten-letter")
    (thanks,) = (
        s
        for s in plan_followups(MONDAY, rules=rules).steps
        if s.kind is StepKind.THANK_YOU
    )
    assert thanks.channel is Channel.HANDWRITTEN_LETTER


def test_a_late_thank_you_names_the_configured_hours():
    # Pins the too-late message quoting within_hours: the call ends Monday
    # 10:30, so 48 hours close the window on Wednesday 10:30.
    rules = DEFAULT_RULES.configure("FU003", within_hours=48).select("FU003")
    late = mine(StepKind.THANK_YOU, "2026-11-25T11:00:00-05:00")
    assert check_plan([late], MONDAY, rules=rules) == (
        Finding(
            "FU003",
            WARNING,
            "the thank-you goes out more than 48 hours after the call: it should "
            "be immediate (A3)",
            step=late,
            expected="by Wed 25 Nov 2026 10:30 EST",
            actual="Wed 25 Nov 2026 11:00 EST",
        ),
    )


def test_the_thank_you_window_counts_elapsed_hours_across_the_clock_change():
    # Pins "24 hours of elapsed time": New York falls back on Sunday 1
    # November 2026, so 24 hours after Saturday 10:30 EDT is Sunday 09:30 EST.
    saturday = Interview(
        "Ada Lovelace",
        "Acme",
        "2026-10-31T10:00:00-04:00[America/New_York]",
        interviewer=GRACE,
    )
    (thanks,) = (
        s for s in plan_followups(saturday).steps if s.kind is StepKind.THANK_YOU
    )
    assert (thanks.window.start.isoformat(), thanks.window.end.isoformat()) == (
        "2026-10-31T10:30:00-04:00",
        "2026-11-01T09:30:00-05:00",
    )


# --- FU004: the follow-up letter --------------------------------------------


@pytest.mark.parametrize(
    ("width", "allowed"), [(20, True), (19, False), (200, True), (201, False)]
)
def test_the_follow_up_line_width_is_twenty_to_two_hundred(width, allowed):
    # Pins FollowUpParams.line_width's bounds 20..200, both ends allowed.
    if allowed:
        rules = DEFAULT_RULES.configure("FU004", line_width=width)
        assert rules["FU004"].params.line_width == width
        return
    with pytest.raises(RuleConfigurationError) as caught:
        DEFAULT_RULES.configure("FU004", line_width=width)
    assert str(caught.value) == (
        f"rule FU004: FollowUpParams.line_width: {width} is outside 20..200"
    )


def test_a_holiday_inside_the_follow_up_window_is_named():
    # Pins the days off counted up to the window's last day: after Monday 23
    # November the 2nd business day is Wednesday 25, the 3rd is Friday 27
    # since Thanksgiving (Thursday 26) is no business day in the US.
    us = attrs.evolve(GRACE, country="US")
    plan = plan_followups(Interview("Ada Lovelace", "Acme", AT, interviewer=us))
    (follow_up,) = (s for s in plan.steps if s.kind is StepKind.FOLLOW_UP)
    window = follow_up.window
    assert (window.start.date().isoformat(), window.end.date().isoformat()) == (
        "2026-11-25",
        "2026-11-27",
    )
    assert follow_up.reason.startswith(
        "The follow-up comes 2 to 3 business days after the interview "
        "(Thanksgiving Day on Thu 26 Nov is no business day there) (A5)"
    )


def test_a_follow_up_proposed_too_early_is_moved_and_told_by_how_much():
    # Pins the words FU004's place phase gives a follow-up it moves (A5).
    early = Proposer(
        offsets=(dt.timedelta(days=1),), kind=StepKind.FOLLOW_UP, channel=Channel.EMAIL
    )
    plan = plan_followups(MONDAY, rules=DEFAULT_RULES.extend(early))
    (theirs,) = (s for s in plan.steps if s.rule == "GEN101")
    assert theirs.adjusted_by[0] == "FU004"
    assert "Moved to 2 to 3 business days after the interview (A5)." in theirs.reason


def test_the_follow_up_goes_out_by_the_configured_channel():
    # Pins FollowUpParams.channel reaching the planned step, not just its words.
    rules = DEFAULT_RULES.configure("FU004", channel="printed-letter")
    (follow_up,) = (
        s
        for s in plan_followups(MONDAY, rules=rules).steps
        if s.kind is StepKind.FOLLOW_UP
    )
    assert follow_up.channel is Channel.PRINTED_LETTER


def test_a_follow_up_on_one_fixed_day_names_that_day_alone():
    # Pins the wording of a window of one day: "2 business days", not "2 to 2".
    rules = DEFAULT_RULES.configure("FU004", earliest_days=2, latest_days=2)
    (follow_up,) = (
        s
        for s in plan_followups(MONDAY, rules=rules).steps
        if s.kind is StepKind.FOLLOW_UP
    )
    assert follow_up.reason.startswith(
        "The follow-up comes 2 business days after the interview (A5)"
    )


# --- FU006: the first call --------------------------------------------------


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"earliest_days": 0}, "CallParams.earliest_days: 0 is outside 1..90"),
        ({"latest_days": 91}, "CallParams.latest_days: 91 is outside 1..90"),
        (
            {"earliest_days": 15},
            (
                "CallParams.earliest_days: 15 is after latest_days (14); "
                "earliest_days <= latest_days is required"
            ),
        ),
    ],
)
def test_call_days_out_of_bounds_or_order_are_refused_by_name(params, message):
    # Pins CallParams' bounds 1..90 and the order of its two days.
    with pytest.raises(RuleConfigurationError) as caught:
        DEFAULT_RULES.configure("FU006", **params)
    assert str(caught.value) == f"rule FU006: {message}"


def test_call_days_may_sit_on_both_bounds():
    # Pins 1 and 90 as allowed.
    params = DEFAULT_RULES.configure("FU006", earliest_days=1, latest_days=90)[
        "FU006"
    ].params
    assert (params.earliest_days, params.latest_days) == (1, 90)


def test_a_call_planned_as_a_letter_is_told_it_should_be_a_phone_call():
    # Pins the channel check to every channel but phone, letters included.
    letter = mine(StepKind.CALL, "2026-11-30T10:00:00-05:00", Channel.PRINTED_LETTER)
    assert checked("FU006", [letter]) == (
        Finding(
            "FU006",
            WARNING,
            "a phone call reaches a busy recruiter better than a message (A12)",
            step=letter,
            expected="phone",
            actual="printed-letter",
        ),
    )


def test_the_first_call_asks_for_the_configured_minutes_and_names_the_candidate():
    # Pins the call's requirements: the candidate's name and CallParams.call_minutes.
    rules = DEFAULT_RULES.configure("FU006", call_minutes=(2, 5))
    (call,) = (
        s for s in plan_followups(MONDAY, rules=rules).steps if s.kind is StepKind.CALL
    )
    assert call.requirements == Requirements(
        must_mention=("Ada Lovelace",),
        call_minutes=(2, 5),
        talking_points=(
            "say you are still interested in Acme (A10)",
            "ask whether they have decided (A10)",
            "if they have not, agree a time to call back (A11)",
        ),
    )
    assert "2 to 5 minutes are enough (A13)" in call.reason


# --- FU002: contact details -------------------------------------------------


def test_missing_details_expect_only_the_details_configured():
    # Pins `expected` listing ContactDetailsParams.required, not all three.
    rules = DEFAULT_RULES.configure("FU002", required=["email"]).select("FU002")
    nameless = Interview(
        "Ada Lovelace", "Acme", AT, interviewer=Contact("Grace Hopper")
    )
    (finding,) = check_plan([], nameless, rules=rules)
    assert (finding.message, finding.expected, finding.actual) == (
        (
            "the interviewer's email address is missing: ask before the call ends, "
            "the follow-up needs it (A2)"
        ),
        "email address",
        "no email address",
    )


# --- FU005: performance -----------------------------------------------------

WEAK = attrs.evolve(MONDAY, performance="weak")
OFFER = Event(EventKind.DECISION_RECEIVED, "2026-11-24T12:00:00-05:00", outcome="offer")


def test_a_weak_interview_with_an_offer_is_told_only_of_the_decision():
    # Pins FU005 staying silent once the company has decided: FU009 says why.
    plan = plan_followups(WEAK, [OFFER], now="2026-11-24T12:00:00-05:00")
    assert plan.steps == ()
    assert [(f.code, f.severity) for f in plan.findings] == [("FU009", INFO)]


CALLED_BACK_LATER = Event(
    EventKind.CALLED,
    "2026-12-01T11:00:00-05:00",
    outcome=Outcome.UNDECIDED,
    call_back_at="2026-12-03T15:00:00-05:00",
)


def test_a_weak_interview_keeps_only_an_agreed_call_back():
    # The company asked for that call (A11); no other is followed up (A6).
    now = "2026-12-01T11:05:00-05:00"
    plan = plan_followups(WEAK, [CALLED_BACK_LATER], now=now)
    assert [s.kind for s in plan.steps] == [StepKind.CALL_BACK]
    (note,) = [f for f in plan.findings if f.code == "FU005"]
    # The call that agreed the time covered the thank-you.
    assert "below adequate: only the call-back agreed is planned," in note.message
    not_agreed = attrs.evolve(CALLED_BACK_LATER, call_back_at=None)
    assert plan_followups(WEAK, [not_agreed], now=now).steps == ()
    back = mine(StepKind.CALL_BACK, "2026-12-03T15:00:00-05:00")
    assert checked("FU005", [back], WEAK, [CALLED_BACK_LATER], now=now) == ()
    assert checked("FU005", [back], WEAK, [not_agreed], now=now) == (
        Finding(
            "FU005",
            WARNING,
            "the interview went weak: following up depends on how it went (A6)",
            expected="the thank-you alone",
            actual="call-back",
        ),
    )


def test_a_weak_interview_already_decided_is_left_to_fu009_in_a_check():
    # Pins FU005's check staying silent after a decision.
    call = mine(StepKind.CALL, "2026-11-30T10:00:00-05:00")
    assert checked("FU005", [call], WEAK, [OFFER], now=OFFER.at) == ()


def test_the_steps_a_weak_interview_should_not_have_are_listed_alphabetically():
    # Pins the order of `actual`, whatever order the steps and the set give.
    steps = [
        mine(StepKind.FOLLOW_UP, "2026-11-25T10:00:00-05:00"),
        mine(StepKind.CALL_BACK, "2026-12-03T15:00:00-05:00"),
        mine(StepKind.CALL, "2026-11-30T10:00:00-05:00"),
    ]
    (finding,) = checked("FU005", steps, WEAK)
    assert finding.actual == "call, call-back, follow-up"


# --- FU009: a decision ------------------------------------------------------


def test_the_decision_is_dated_on_the_recipients_clock():
    # Pins the note's date in the recipient's zone, though the event came in UTC.
    offer = Event(
        EventKind.DECISION_RECEIVED, "2026-11-24T17:00:00+00:00", outcome="offer"
    )
    plan = plan_followups(MONDAY, [offer], now="2026-11-24T17:00:00+00:00")
    assert [f.message for f in plan.findings] == [
        (
            "the company decided (offer) on Tue 24 Nov 2026 12:00 EST: nothing more to "
            "follow up"
        )
    ]


# --- FU008: few calls, a week apart -----------------------------------------


@pytest.mark.parametrize(
    ("calls", "allowed"), [(0, False), (1, True), (20, True), (21, False)]
)
def test_the_most_calls_are_one_to_twenty(calls, allowed):
    # Pins CallSpacingParams.max_calls' bounds 1..20.
    if allowed:
        rules = DEFAULT_RULES.configure("FU008", max_calls=calls)
        assert rules["FU008"].params.max_calls == calls
        return
    with pytest.raises(RuleConfigurationError) as caught:
        DEFAULT_RULES.configure("FU008", max_calls=calls)
    assert str(caught.value) == (
        f"rule FU008: CallSpacingParams.max_calls: {calls} is outside 1..20"
    )


def weekly_calls(count: int) -> list[Event]:
    first = dt.datetime(2026, 11, 30, 11, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    return [
        Event(
            EventKind.CALLED, first + dt.timedelta(weeks=n), outcome=Outcome.NO_ANSWER
        )
        for n in range(count)
    ]


def test_more_calls_made_than_allowed_plan_none_and_count_them_all():
    # Pins no call planned once more calls were made than allowed, and the
    # note counting the calls made and planned: three made where two are allowed in all, and
    # a call-back (FU007) and someone else's call planned.
    made = weekly_calls(3)
    rules = DEFAULT_RULES.configure("FU008", max_calls=2).extend(
        Proposer(offsets=(dt.timedelta(days=40),), kind=StepKind.CALL, first=2)
    )
    plan = plan_followups(MONDAY, made, now="2026-12-14T12:00:00-05:00", rules=rules)
    assert [
        s.kind for s in plan.steps if s.kind in {StepKind.CALL, StepKind.CALL_BACK}
    ] == []
    assert [f for f in plan.findings if f.code == "FU008"] == [
        Finding(
            "FU008",
            INFO,
            "3 calls made: no more calls are planned, since calling often does not "
            "help (A14)",
            expected="at most 2 calls",
            actual="3 calls made and 2 more proposed",
        )
    ]


def test_each_planned_call_is_spaced_from_the_planned_call_before_it():
    # Pins the spacing counting from the previous planned call, not only from
    # the last call made: a call on Monday 30 November plans a call-back on
    # Monday 7 December (FU007), so someone else's call on Tuesday 8 December
    # moves to Monday 14 December, into working time.
    rules = DEFAULT_RULES.extend(
        Proposer(offsets=(dt.timedelta(days=15),), kind=StepKind.CALL, first=2)
    )
    plan = plan_followups(
        MONDAY, weekly_calls(1), now="2026-11-30T12:00:00-05:00", rules=rules
    )
    assert [
        (s.kind, s.due.format("ddd D MMM HH:mm"), s.adjusted_by) for s in plan.steps
    ] == [
        (StepKind.CALL_BACK, "Mon 7 Dec 09:00", ("FU011",)),
        (StepKind.CALL, "Mon 14 Dec 09:00", ("FU008", "FU011")),
    ]


def test_a_late_evening_call_given_in_utc_counts_from_its_local_day():
    # Pins the week counted from the call's day on the recipient's clock: a
    # call at 21:00 in New York on Monday 30 November is Tuesday in UTC, and
    # the call-back may still come on Monday 7 December.
    late = Event(
        EventKind.CALLED, "2026-12-01T02:00:00+00:00", outcome=Outcome.NO_ANSWER
    )
    plan = plan_followups(MONDAY, [late], now="2026-12-01T03:00:00+00:00")
    assert [
        (s.kind, s.due.format("ddd D MMM HH:mm"), s.adjusted_by) for s in plan.steps
    ] == [
        (StepKind.CALL_BACK, "Mon 7 Dec 09:00", ("FU011",)),
    ]


def test_a_first_call_right_after_an_agreed_call_back_time_is_still_spaced():
    # Pins the exemption to call-backs: an agreed time to call back does not
    # let a new first call come two days after the last call (A14).
    called = Event(
        EventKind.CALLED,
        "2026-12-01T11:00:00-05:00",
        outcome=Outcome.UNDECIDED,
        call_back_at="2026-12-03T15:00:00-05:00",
    )
    # A second call of one's own (the first is the call made).
    call = mine(StepKind.CALL, "2026-12-03T15:00:00-05:00", number=2)
    assert checked("FU008", [call], history=[called], now=called.at) == (
        Finding(
            "FU008",
            ERROR,
            "two calls less than 7 days apart: do not call frequently (A14)",
            step=call,
            expected="on or after Tue 8 Dec 2026 00:00 EST",
            actual="Thu 3 Dec 2026 15:00 EST",
        ),
    )


def test_too_many_calls_already_made_are_only_a_warning():
    # Pins the severity for calls that cannot be unmade: nothing is planned.
    made = weekly_calls(4)
    assert checked("FU008", [], history=made, now="2026-12-21T12:00:00-05:00") == (
        Finding(
            "FU008",
            WARNING,
            "too many calls: calling often does not help (A14)",
            expected="at most 3 calls",
            actual="4 calls (4 made)",
        ),
    )


def test_a_call_at_midnight_a_week_after_the_last_is_not_too_soon():
    # Pins the spacing check's bound: the start of the 7th day after is allowed.
    made = weekly_calls(1)  # Monday 30 November, 11:00
    call = mine(StepKind.CALL_BACK, "2026-12-07T00:00:00-05:00")
    assert checked("FU008", [call], history=made, now=made[0].at) == ()


# --- FU006: a bug the mutants showed -----------------------------------------


@pytest.mark.parametrize(
    ("params", "due", "wait", "opens"),
    [
        ({}, "Sun 29 Nov 2026 23:00", "a week has", "Mon 30 Nov 2026 00:00"),
        (
            {"earliest_days": 10},
            "Wed 2 Dec 2026 10:00",
            "10 days have",
            "Thu 3 Dec 2026 00:00",
        ),
        (
            {"earliest_days": 1},
            "Mon 23 Nov 2026 23:00",
            "1 day has",
            "Tue 24 Nov 2026 00:00",
        ),
        (
            {"days": "business", "earliest_days": 5},
            "Fri 27 Nov 2026 10:00",
            "5 business days have",
            "Mon 30 Nov 2026 00:00",
        ),
        (
            {"days": "business"},
            "Tue 1 Dec 2026 10:00",
            "7 business days have",
            "Wed 2 Dec 2026 00:00",
        ),
    ],
)
def test_a_call_too_soon_names_the_wait_configured(params, due, wait, opens):
    # Pins the too-soon message following CallParams.earliest_days and days:
    # with ten days configured, a call on day 9 has come after a week, not
    # before it.  No country is given, so business days are Monday to Friday.
    rules = DEFAULT_RULES.configure("FU006", **params).select("FU006")
    at = dt.datetime.strptime(due, "%a %d %b %Y %H:%M").replace(
        tzinfo=dt.timezone(dt.timedelta(hours=-5))
    )
    call = mine(StepKind.CALL, at.isoformat())
    assert check_plan([call], MONDAY, rules=rules) == (
        Finding(
            "FU006",
            WARNING,
            f"the call comes before {wait} passed: give the company time to decide "
            "(A10)",
            step=call,
            expected=f"on or after {opens} EST",
            actual=f"{due} EST",
        ),
    )


@pytest.mark.parametrize(
    ("history", "planned"),
    [
        ([], "only the thank-you is planned"),
        (
            [Event(EventKind.THANK_YOU_SENT, "2026-11-23T10:45:00-05:00")],
            "no follow-up or call is planned",
        ),
        ([CALLED_BACK_LATER], "only the call-back agreed is planned"),
    ],
)
def test_a_weak_interview_s_note_names_what_is_left(history, planned):
    plan = plan_followups(WEAK, history, now="2026-12-01T11:05:00-05:00")
    (note,) = [f for f in plan.findings if f.code == "FU005"]
    assert note.message == (
        f"the interview went weak, below adequate: {planned}, since following "
        "up depends on how the interview went (A6)"
    )
    left = {"the thank-you": StepKind.THANK_YOU, "the call-back": StepKind.CALL_BACK}
    assert [s.kind for s in plan.steps] == [
        kind for words, kind in left.items() if words in planned
    ]


def test_a_weak_interview_is_told_against_the_threshold_configured():
    # Pins FU005's note: the threshold (adequate) expected, the performance
    # (weak) found, and only the thank-you left (A6).
    plan = plan_followups(WEAK)
    assert [s.kind for s in plan.steps] == [StepKind.CLOSE_CALL, StepKind.THANK_YOU]
    assert [f for f in plan.findings if f.code == "FU005"] == [
        Finding(
            "FU005",
            INFO,
            "the interview went weak, below adequate: only the thank-you is "
            "planned, since following up depends on how the interview went (A6)",
            expected="performance adequate or better",
            actual="weak",
        )
    ]


@attrs.frozen
class CallDueLate:
    """Someone else's call, due inside its window, not when it opens."""

    code: ClassVar[str] = "GEN201"
    name: ClassVar[str] = "call-due-late"
    summary: ClassVar[str] = "Proposes a call due late in its window."
    advice: ClassVar[tuple[str, ...]] = ()
    params: NoParams = attrs.field(factory=NoParams)
    due: str = "2026-12-11T10:00:00-05:00"

    def plan(self, draft):
        return draft.proposing(
            new_step(
                draft.facts,
                StepKind.CALL,
                Channel.PHONE,
                ("2026-11-30T09:00:00-05:00", "2026-12-11T17:00:00-05:00"),
                due=self.due,
                number=2,
                rule=self.code,
                reason="Mine.",
            )
        )

    def check(self, facts, steps):
        return ()


@pytest.mark.parametrize(
    ("due", "window", "at", "moved"),
    [
        # Due on Friday, a week and a day after Thursday's call: only its
        # window opened too soon, and the call keeps its time.
        (
            "2026-12-11T10:00:00-05:00",
            ("2026-12-10T09:00:00-05:00", "2026-12-11T17:00:00-05:00"),
            "2026-12-11T10:00:00-05:00",
            "Its window opens",
        ),
        # Due on Wednesday, six days after it: the call moves to Thursday,
        # its window whole (twelve days long), into working time.
        (
            "2026-12-09T10:00:00-05:00",
            ("2026-12-10T09:00:00-05:00", "2026-12-18T17:00:00-05:00"),
            "2026-12-10T09:00:00-05:00",
            "Moved to",
        ),
    ],
)
def test_spacing_calls_never_moves_a_call_earlier(due, window, at, moved):
    # FU008 moved any call whose window opened too soon to the opening,
    # also one due later than that: a call due on Friday came forward to
    # Thursday, although placing rules move steps only later.
    called = Event(
        EventKind.CALLED, "2026-12-03T11:00:00-05:00", outcome=Outcome.UNDECIDED
    )
    rules = DEFAULT_RULES.ignore("FU007").extend(CallDueLate(due=due))
    plan = plan_followups(
        MONDAY, [called], now="2026-12-03T12:00:00-05:00", rules=rules
    )
    (call,) = plan.steps
    assert (call.window.start, call.window.end, call.due) == (
        Window(*window).start,
        Window(*window).end,
        Window(at, at).start,
    )
    assert call.adjusted_by == ("FU008", "FU011")
    assert call.reason == (
        f"Mine. {moved} Thu 10 Dec 2026 00:00 EST so that calls stay 7 days apart "
        "(A14)."
    )
    assert check_plan(plan, history=[called], rules=rules.select("FU008")) == ()
