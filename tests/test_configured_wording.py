"""The rules' words follow their parameters, down to a count of one.

Reasons and findings name the days and calls configured: "1 business day",
not "1 business days"; "10 to 20 days", not the advice's "one to two weeks"
when the call is configured otherwise.  The defaults keep the advice's words.
"""

from __future__ import annotations

import pytest

from followup import (
    DEFAULT_RULES,
    Channel,
    Event,
    EventKind,
    Interview,
    Outcome,
    Step,
    StepKind,
    Window,
    check_plan,
    plan_followups,
)

MONDAY = Interview(
    "Ada Lovelace", "Acme", "2026-11-23T10:00:00-05:00[America/New_York]"
)


def reason(plan, kind: StepKind) -> str:
    (step,) = [step for step in plan.steps if step.kind is kind]
    return step.reason


def mine(kind: StepKind, at: str, channel: Channel) -> Step:
    return Step(kind, channel, Window(at, at), at, rule="mine", reason="my plan")


@pytest.mark.parametrize(
    ("params", "words"),
    [
        ({}, "2 to 3 business days"),
        ({"earliest_days": 1, "latest_days": 1}, "1 business day"),
        ({"earliest_days": 2, "latest_days": 2, "days": "calendar"}, "2 days"),
        ({"earliest_days": 1, "latest_days": 4, "days": "calendar"}, "1 to 4 days"),
    ],
)
def test_the_follow_up_reason_names_its_days(params, words):
    plan = plan_followups(MONDAY, rules=DEFAULT_RULES.configure("FU004", **params))
    assert reason(plan, StepKind.FOLLOW_UP).startswith(
        f"The follow-up comes {words} after the interview (A5), "
    )


@pytest.mark.parametrize(
    ("params", "at", "passed"),
    [
        ({}, "2026-11-23T12:00:00-05:00", "2 to 3 business days have passed"),
        (
            {"earliest_days": 1, "latest_days": 1},
            "2026-11-23T12:00:00-05:00",
            "1 business day has passed",
        ),
        # A span that only ends on one is plural; a day before the
        # interview is too early for it.
        (
            {"earliest_days": 0, "latest_days": 1},
            "2026-11-22T12:00:00-05:00",
            "0 to 1 business days have passed",
        ),
    ],
)
def test_a_follow_up_too_early_is_told_the_days_configured(params, at, passed):
    rules = DEFAULT_RULES.configure("FU004", **params).select("FU004")
    early = mine(StepKind.FOLLOW_UP, at, Channel.EMAIL)
    (finding,) = check_plan([early], MONDAY, rules=rules)
    assert finding.message == f"the follow-up goes out before {passed} (A5)"


@pytest.mark.parametrize(
    ("params", "words"),
    [
        ({}, "one to two weeks"),
        ({"earliest_days": 10, "latest_days": 20}, "10 to 20 days"),
        (
            {"earliest_days": 7, "latest_days": 14, "days": "business"},
            "7 to 14 business days",
        ),
        ({"earliest_days": 5, "latest_days": 5, "days": "business"}, "5 business days"),
        ({"earliest_days": 1, "latest_days": 1}, "1 day"),
    ],
)
def test_the_call_reason_names_its_days(params, words):
    plan = plan_followups(MONDAY, rules=DEFAULT_RULES.configure("FU006", **params))
    assert reason(plan, StepKind.CALL).startswith(
        f"With no word {words} after the interview, phone the interviewer "
    )


@pytest.mark.parametrize(
    ("params", "words"),
    [({}, "7 to 14 days"), ({"earliest_days": 1, "latest_days": 1}, "1 day")],
)
def test_the_call_back_reason_names_its_days(params, words):
    called = Event(
        EventKind.CALLED, "2026-12-01T11:00:00-05:00", outcome=Outcome.UNDECIDED
    )
    plan = plan_followups(
        MONDAY,
        [called],
        now=called.at,
        rules=DEFAULT_RULES.configure("FU007", **params),
    )
    assert reason(plan, StepKind.CALL_BACK).startswith(
        "On the last call the company had not decided and no time was agreed: "
        f"call back {words} later (A11); "
    )


def test_one_call_allowed_is_one_call():
    rules = DEFAULT_RULES.configure("FU008", max_calls=1).select("FU008")
    calls = [
        mine(StepKind.CALL, "2026-12-01T11:00:00-05:00", Channel.PHONE),
        mine(StepKind.CALL_BACK, "2026-12-15T11:00:00-05:00", Channel.PHONE),
    ]
    findings = check_plan(calls, MONDAY, rules=rules)
    assert [(f.message, f.expected, f.actual) for f in findings] == [
        (
            "too many calls: calling often does not help (A14)",
            "at most 1 call",
            "2 calls (0 made)",
        )
    ]


@pytest.mark.parametrize(("days", "apart"), [(7, "7 days"), (1, "1 day")])
def test_calls_too_close_are_told_the_days_configured(days, apart):
    rules = DEFAULT_RULES.configure("FU008", min_days_between=days).select("FU008")
    calls = [
        mine(StepKind.CALL, "2026-12-01T11:00:00-05:00", Channel.PHONE),
        mine(StepKind.CALL_BACK, "2026-12-01T15:00:00-05:00", Channel.PHONE),
    ]
    (finding,) = check_plan(calls, MONDAY, rules=rules)
    assert finding.message == (
        f"two calls less than {apart} apart: do not call frequently (A14)"
    )


def test_one_call_made_where_one_is_allowed_is_noted_as_one():
    called = Event(
        EventKind.CALLED, "2026-12-01T11:00:00-05:00", outcome=Outcome.UNDECIDED
    )
    plan = plan_followups(
        MONDAY,
        [called],
        now=called.at,
        rules=DEFAULT_RULES.configure("FU008", max_calls=1),
    )
    (note,) = [f for f in plan.findings if f.code == "FU008"]
    assert note.message == (
        "1 call made: no more calls are planned, since calling often does not "
        "help (A14)"
    )
    assert (note.expected, note.actual) == (
        "at most 1 call",
        "1 call made and 1 more proposed",
    )
