"""check_plan over users' own schedules: each finding, what fires it, what does not."""

from __future__ import annotations

import pytest

from followup import (
    DEFAULT_RULES,
    Channel,
    Contact,
    Event,
    EventKind,
    Interview,
    InvalidTypeError,
    Requirements,
    Severity,
    Step,
    StepKind,
    Window,
    check_plan,
    plan_followups,
)

GRACE = Contact(
    "Grace Hopper",
    email="grace@example.com",
    phone="+1 212 555 0123",
    timezone="America/New_York",
)
INTERVIEW = Interview(
    "Ada Lovelace",
    "Acme",
    "2026-11-23T10:00:00-05:00[America/New_York]",
    interviewer=GRACE,
)
DAY = "2026-11-{:02d}T{}:00-05:00[America/New_York]"


def step(kind, day, time="10:00", channel=None, **kwargs):
    at = DAY.format(day, time) if isinstance(day, int) else day
    if channel is None:
        channel = (
            Channel.PHONE
            if kind in {StepKind.CALL, StepKind.CALL_BACK}
            else Channel.EMAIL
        )
    return Step(
        kind, channel, Window(at, at), at, rule="mine", reason="my plan", **kwargs
    )


def good_schedule():
    return [
        step(StepKind.THANK_YOU, 23, "11:00"),
        step(StepKind.FOLLOW_UP, 25),
        step(StepKind.CALL, 30),
    ]


def found(findings, code):
    return [f for f in findings if f.code == code]


def test_a_sound_schedule_has_no_findings():
    assert check_plan(good_schedule(), INTERVIEW) == ()


def test_a_follow_up_before_two_business_days_is_an_error():
    schedule = [step(StepKind.THANK_YOU, 23, "11:00"), step(StepKind.FOLLOW_UP, 24)]
    (finding,) = found(check_plan(schedule, INTERVIEW), "FU004")
    assert finding.severity is Severity.ERROR
    assert finding.expected == "on or after Wed 25 Nov 2026 00:00 EST"
    assert finding.actual == "Tue 24 Nov 2026 10:00 EST"
    assert finding.step == schedule[1]


def test_a_follow_up_already_sent_too_early_is_only_a_warning():
    sent = [Event(EventKind.FOLLOW_UP_SENT, DAY.format(24, "10:00"))]
    findings = check_plan([step(StepKind.CALL, 30)], INTERVIEW, sent)
    (finding,) = found(findings, "FU004")
    assert finding.severity is Severity.WARNING


def test_a_follow_up_after_three_days_is_a_warning_and_a_phoned_one_an_error():
    late = check_plan(
        [step(StepKind.THANK_YOU, 23, "11:00"), step(StepKind.FOLLOW_UP, 27)], INTERVIEW
    )
    assert [f.severity for f in found(late, "FU004")] == [Severity.WARNING]
    phoned = step(StepKind.FOLLOW_UP, 25, channel=Channel.PHONE)
    findings = found(
        check_plan([step(StepKind.THANK_YOU, 23, "11:00"), phoned], INTERVIEW), "FU004"
    )
    assert [f.actual for f in findings] == ["phone"]


def test_a_letter_allowed_more_lines_than_the_rule_is_flagged():
    long = step(StepKind.FOLLOW_UP, 25, requirements=Requirements(max_lines=15))
    (finding,) = found(
        check_plan([step(StepKind.THANK_YOU, 23, "11:00"), long], INTERVIEW), "FU004"
    )
    assert (finding.expected, finding.actual) == ("at most 9 lines", "up to 15 lines")


def test_no_thank_you_is_an_error_and_a_slow_one_a_warning():
    findings = check_plan([step(StepKind.FOLLOW_UP, 25)], INTERVIEW)
    assert [f.severity for f in found(findings, "FU003")] == [Severity.ERROR]
    slow = check_plan([step(StepKind.THANK_YOU, 24, "11:00")], INTERVIEW)
    assert [f.severity for f in found(slow, "FU003")] == [Severity.WARNING]
    early = check_plan([step(StepKind.THANK_YOU, 23, "10:10")], INTERVIEW)
    assert [f.severity for f in found(early, "FU003")] == [Severity.ERROR]
    phoned = check_plan(
        [step(StepKind.THANK_YOU, 23, "11:00", channel=Channel.PHONE)], INTERVIEW
    )
    assert [f.actual for f in found(phoned, "FU003")] == ["phone"]


def test_more_than_three_calls_is_an_error():
    calls = [Event(EventKind.CALLED, DAY.format(day, "10:00")) for day in (30,)]
    calls += [
        Event(EventKind.CALLED, f"2026-12-{d:02d}T10:00:00-05:00") for d in (7, 14)
    ]
    # The call-back after the third call is the third (call-back #1 is the
    # one the second call made: planned again, which FU007 says).
    findings = check_plan(
        [step(StepKind.CALL_BACK, "2026-12-21T10:00:00-05:00", number=3)],
        INTERVIEW,
        calls,
        now="2026-12-14T11:00:00-05:00",
    )
    (finding,) = found(findings, "FU008")
    assert finding.severity is Severity.ERROR
    assert (finding.expected, finding.actual) == ("at most 3 calls", "4 calls (3 made)")


def test_calls_closer_than_a_week_are_an_error_unless_agreed():
    calls = [Event(EventKind.CALLED, DAY.format(30, "10:00"), outcome="undecided")]
    soon = step(StepKind.CALL_BACK, "2026-12-03T10:00:00-05:00")
    findings = check_plan([soon], INTERVIEW, calls, now="2026-11-30T11:00:00-05:00")
    (finding,) = found(findings, "FU008")
    assert finding.severity is Severity.ERROR
    assert finding.expected == "on or after Mon 7 Dec 2026 00:00 EST"
    # Agreed on the call, the history says: the company asked for it.
    agreeing = [
        Event(
            EventKind.CALLED,
            DAY.format(30, "10:00"),
            outcome="undecided",
            call_back_at="2026-12-03T10:00:00-05:00",
        )
    ]
    agreed = step(StepKind.CALL_BACK, "2026-12-03T10:00:00-05:00", agreed=True)
    now = agreeing[0].at
    assert found(check_plan([agreed], INTERVIEW, agreeing, now=now), "FU008") == []
    # Marked agreed, where the history agreed nothing: no exemption.
    (claimed,) = found(check_plan([agreed], INTERVIEW, calls, now=now), "FU008")
    assert claimed.severity is Severity.ERROR


def test_calls_made_too_often_in_the_past_are_a_warning():
    calls = [
        Event(EventKind.CALLED, DAY.format(30, "10:00"), outcome="no-answer"),
        Event(EventKind.CALLED, "2026-12-01T10:00:00-05:00", outcome="no-answer"),
    ]
    findings = found(check_plan([], INTERVIEW, calls), "FU008")
    assert [f.severity for f in findings] == [Severity.WARNING]


def test_a_call_after_an_agreed_call_back_time_is_not_too_frequent():
    calls = [
        Event(
            EventKind.CALLED,
            DAY.format(30, "10:00"),
            call_back_at="2026-12-02T10:00:00-05:00",
        ),
        Event(EventKind.CALLED, "2026-12-02T10:00:00-05:00", outcome="no-answer"),
    ]
    assert found(check_plan([], INTERVIEW, calls), "FU008") == []


def test_steps_outside_working_time_are_a_warning():
    weekend = step(StepKind.FOLLOW_UP, 28)
    evening = step(StepKind.CALL, 30, "19:00")
    findings = found(
        check_plan(
            [step(StepKind.THANK_YOU, 23, "11:00"), weekend, evening], INTERVIEW
        ),
        "FU011",
    )
    assert [(f.severity, f.step) for f in findings] == [
        (Severity.WARNING, weekend),
        (Severity.WARNING, evening),
    ]
    assert findings[0].expected == "Mon-Fri 09:00-17:00"


def test_the_thank_you_may_go_out_in_the_evening():
    evening = step(StepKind.THANK_YOU, 23, "20:00")
    assert found(check_plan([evening], INTERVIEW), "FU011") == []


def test_steps_after_a_decision_are_an_error():
    decided = [
        Event(EventKind.DECISION_RECEIVED, DAY.format(24, "09:00"), outcome="offer")
    ]
    (finding,) = found(check_plan(good_schedule(), INTERVIEW, decided), "FU009")
    assert finding.severity is Severity.ERROR
    assert finding.actual == "thank-you, follow-up, call"


def test_a_weak_interview_followed_up_is_a_warning_and_a_good_one_not_followed_up_too():
    weak = Interview(
        "Ada Lovelace", "Acme", INTERVIEW.at, interviewer=GRACE, performance="weak"
    )
    (finding,) = found(check_plan(good_schedule(), weak), "FU005")
    assert finding.actual == "call, follow-up"
    missing = found(
        check_plan([step(StepKind.THANK_YOU, 23, "11:00")], INTERVIEW), "FU005"
    )
    assert [f.expected for f in missing] == ["a follow-up", "a call"]


def test_an_early_call_and_a_long_call_are_warnings():
    early = step(StepKind.CALL, 26)
    long = step(StepKind.CALL, 30, requirements=Requirements(call_minutes=(10, 20)))
    schedule = [step(StepKind.THANK_YOU, 23, "11:00"), step(StepKind.FOLLOW_UP, 25)]
    assert [
        f.message for f in found(check_plan([*schedule, early], INTERVIEW), "FU006")
    ] == [
        "the call comes before a week has passed: give the company time to decide (A10)"
    ]
    assert [
        f.actual for f in found(check_plan([*schedule, long], INTERVIEW), "FU006")
    ] == ["10-20 minutes"]
    emailed = step(StepKind.CALL, 30, channel=Channel.EMAIL)
    assert [
        f.expected for f in found(check_plan([*schedule, emailed], INTERVIEW), "FU006")
    ] == ["phone"]


def test_a_close_of_call_outside_the_call_is_an_error():
    outside = step(StepKind.CLOSE_CALL, 23, "11:00", channel=Channel.PHONE)
    (finding,) = found(check_plan([outside, *good_schedule()], INTERVIEW), "FU001")
    assert finding.severity is Severity.ERROR


def test_an_agreed_call_back_missing_from_the_schedule_is_a_warning():
    calls = [
        Event(
            EventKind.CALLED,
            DAY.format(30, "10:00"),
            call_back_at="2026-12-02T16:00:00-05:00",
        )
    ]
    (finding,) = found(check_plan([], INTERVIEW, calls), "FU007")
    assert finding.actual == "none"


def test_a_stale_step_is_a_warning():
    stale = step(StepKind.CALL, 30)
    findings = check_plan([stale], INTERVIEW, now="2026-12-10T10:00:00-05:00")
    (finding,) = found(findings, "FU010")
    assert finding.expected == "a window still open at Thu 10 Dec 2026 10:00 EST"
    assert finding.actual == "closed at Mon 30 Nov 2026 10:00 EST"


def test_check_plan_takes_a_plan_and_its_interview_and_as_of():
    plan = plan_followups(INTERVIEW)
    assert check_plan(plan) == ()
    assert check_plan(plan, INTERVIEW, (), rules=DEFAULT_RULES) == ()


def test_check_plan_refuses_what_is_not_a_schedule():
    with pytest.raises(InvalidTypeError, match="plan_or_steps"):
        check_plan("a plan", INTERVIEW)
    with pytest.raises(InvalidTypeError, match=r"steps\[0\]"):
        check_plan([None], INTERVIEW)
    with pytest.raises(InvalidTypeError, match="interview"):
        check_plan(good_schedule())


# -- the order the user gave the steps in changes no finding --------------------

NY = "2026-12-{:02d}T{}:00-05:00[America/New_York]"


def _mine(kind, day, **kwargs):
    at = NY.format(day, "10:00")
    channel = Channel.EMAIL if kind is StepKind.FOLLOW_UP else Channel.PHONE
    window = Window(at, NY.format(day, "11:00"))
    return Step(kind, channel, window, at, "ME001", "Mine.", **kwargs)


def _findings(code, steps, history, now="2026-12-01T11:00:00-05:00"):
    found = check_plan(steps, INTERVIEW, history, now=now)
    return [(f.severity, f.step, f.actual) for f in found if f.code == code]


SENT = [
    Event(EventKind.THANK_YOU_SENT, "2026-11-23T10:45:00-05:00"),
    Event(EventKind.FOLLOW_UP_SENT, "2026-11-25T10:45:00-05:00"),
]
AGREED = Event(
    EventKind.CALLED,
    "2026-12-01T10:00:00-05:00",
    outcome="undecided",
    call_back_at="2026-12-08T15:00:00-05:00",
)
DECIDED = Event(
    EventKind.DECISION_RECEIVED, "2026-12-01T10:00:00-05:00", outcome="rejected"
)


@pytest.mark.parametrize(
    ("code", "history", "steps", "expected"),
    [
        # An agreed call-back and a call of one's own at one instant: the
        # call is too close to it, whichever was listed first.
        (
            "FU008",
            [*SENT, AGREED],
            # A second call of one's own: the first is the call made.
            (
                _mine(StepKind.CALL_BACK, 8, agreed=True),
                _mine(StepKind.CALL, 8, number=2),
            ),
            [
                (
                    Severity.ERROR,
                    _mine(StepKind.CALL, 8, number=2),
                    "Tue 8 Dec 2026 10:00 EST",
                )
            ],
        ),
        # The steps after a decision, and the call-backs not at the agreed
        # time, are named soonest first.
        (
            "FU009",
            [DECIDED],
            (_mine(StepKind.CALL_BACK, 9), _mine(StepKind.FOLLOW_UP, 2)),
            [(Severity.ERROR, None, "follow-up, call-back")],
        ),
        (
            "FU007",
            [*SENT, AGREED],
            (_mine(StepKind.CALL_BACK, 10), _mine(StepKind.CALL_BACK, 9)),
            [
                (
                    Severity.WARNING,
                    None,
                    "Wed 9 Dec 2026 10:00 EST, Thu 10 Dec 2026 10:00 EST",
                )
            ],
        ),
    ],
)
def test_findings_do_not_depend_on_the_order_of_the_steps(
    code, history, steps, expected
):
    assert _findings(code, list(steps), history) == expected
    assert _findings(code, list(reversed(steps)), history) == expected


def test_a_closed_window_is_named_on_the_recipients_calendar():
    # Written in Tokyo time, the end of the window was named in Tokyo time,
    # and what was expected in New York's.
    tokyo = "2026-11-24T{}:30:00+09:00[Asia/Tokyo]"
    late = Step(
        StepKind.THANK_YOU,
        Channel.EMAIL,
        Window(tokyo.format("00"), tokyo.format("00")),
        tokyo.format("00"),
        "ME001",
        "Mine.",
    )
    (finding,) = [
        f for f in check_plan([late], INTERVIEW, now="2026-12-20T12:00:00Z")
        if f.code == "FU010"
    ]  # fmt: skip
    assert finding.actual == "closed at Mon 23 Nov 2026 10:30 EST"
