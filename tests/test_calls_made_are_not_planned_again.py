"""A stored plan checked after its call was made: the call is to be removed.

A tracker keeps the plan and checks it again as events come in.  For a
thank-you sent, FU003 says "planned again ... remove it"; for a call or
call-back made, FU008 said to move it a week later and counted the call
made twice ("4 calls (3 made)"), advice that means phoning again (A14),
while `plan_changes` called the same step done.
"""

from __future__ import annotations

import attrs

from followup import (
    Contact,
    Event,
    EventKind,
    Finding,
    FollowUpPlan,
    Interview,
    Outcome,
    Step,
    StepKind,
    Window,
    check_plan,
    plan_changes,
    plan_followups,
)

INTERVIEW = Interview(
    "Ada Lovelace",
    "Acme",
    "2026-11-23T10:00:00-05:00[America/New_York]",
    interviewer=Contact(
        "Grace Hopper",
        email="grace@example.com",
        phone="+1 212 555 0123",
        timezone="America/New_York",
        country="US",
    ),
)
SENT = [
    Event(EventKind.THANK_YOU_SENT, "2026-11-23T10:45:00-05:00"),
    Event(EventKind.FOLLOW_UP_SENT, "2026-11-25T10:00:00-05:00"),
]


def _calls(found: tuple[Finding, ...]) -> list[tuple[str, str, str]]:
    return [
        (f.code, f.severity.value, f.message)
        for f in found
        if f.code in {"FU006", "FU007", "FU008", "FU010"}
    ]


def _only(plan: FollowUpPlan, kind: StepKind) -> Step:
    (step,) = [s for s in plan.steps if s.kind is kind]
    return step


def test_the_call_made_is_to_be_removed_not_moved_a_week_on() -> None:
    stored = plan_followups(INTERVIEW, SENT, now="2026-11-25T10:05:00-05:00")
    assert [(s.kind, s.due.isoformat()) for s in stored.steps] == [
        (StepKind.CALL, "2026-11-30T09:00:00-05:00")
    ]
    made = [*SENT, Event(EventKind.CALLED, "2026-12-08T10:00:00-05:00")]
    now = "2026-12-08T10:05:00-05:00"
    assert _calls(check_plan(stored, history=made, now=now)) == [
        (
            "FU006",
            "error",
            (
                "the call is planned again, but it was made on Tue 8 Dec 2026 10:00 EST: "
                "remove it (A14)"
            ),
        )
    ]
    changes = plan_changes(stored, plan_followups(INTERVIEW, made, now=now), made)
    assert [s.kind for s in changes.done] == [StepKind.CALL]


def test_the_call_back_made_is_to_be_removed_and_counts_once() -> None:
    first = Event(
        EventKind.CALLED, "2026-11-30T10:00:00-05:00", outcome=Outcome.UNDECIDED
    )
    stored = plan_followups(INTERVIEW, [*SENT, first], now="2026-11-30T10:05:00-05:00")
    back = _only(stored, StepKind.CALL_BACK)
    assert (back.number, back.due.isoformat()) == (1, "2026-12-07T09:00:00-05:00")
    second = Event(
        EventKind.CALLED, "2026-12-07T11:00:00-05:00", outcome=Outcome.UNDECIDED
    )
    made = [*SENT, first, second]
    assert _calls(check_plan(stored, history=made, now=second.at)) == [
        (
            "FU007",
            "error",
            (
                "the call-back is planned again, but it was made on Mon 7 Dec 2026 "
                "11:00 EST: remove it (A14)"
            ),
        )
    ]


def test_the_last_call_back_made_is_no_fourth_call() -> None:
    calls = [
        Event(EventKind.CALLED, f"2026-{day}T10:00:00-05:00", outcome=Outcome.UNDECIDED)
        for day in ("11-30", "12-07")
    ]
    stored = plan_followups(INTERVIEW, [*SENT, *calls], now="2026-12-07T10:05:00-05:00")
    assert _only(stored, StepKind.CALL_BACK).number == 2
    third = Event(
        EventKind.CALLED, "2026-12-14T10:00:00-05:00", outcome=Outcome.UNDECIDED
    )
    made = [*SENT, *calls, third]
    assert _calls(check_plan(stored, history=made, now=third.at)) == [
        (
            "FU007",
            "error",
            (
                "the call-back #2 is planned again, but it was made on Mon 14 Dec 2026 "
                "10:00 EST: remove it (A14)"
            ),
        )
    ]


def _call_opening(start: str) -> Step:
    return Step(
        StepKind.CALL,
        "phone",
        Window(start, "2026-12-07T17:00:00-05:00"),
        start,
        rule="mine",
        reason="my plan",
    )


def test_a_call_whose_window_opens_after_the_call_made_is_another_call() -> None:
    # Made on Thursday 3 December at 10:00: a call whose window opened by
    # then is the one made; one opening after it is a second call, spaced a
    # week from the first (FU008), as before.
    made = [*SENT, Event(EventKind.CALLED, "2026-12-03T10:00:00-05:00")]
    now = "2026-12-03T10:05:00-05:00"
    opened = _call_opening("2026-12-03T10:00:00-05:00")
    later = _call_opening("2026-12-03T10:00:00.000001-05:00")
    assert [f.code for f in check_plan([opened], INTERVIEW, made, now=now)] == ["FU006"]
    spaced = check_plan([later], INTERVIEW, made, now=now)
    assert [(f.code, f.severity.value, f.expected) for f in spaced] == [
        ("FU008", "error", "on or after Thu 10 Dec 2026 00:00 EST")
    ]
    # plan_changes counts the dropped call done all the same: a dropped step
    # is not a planned one.
    new = plan_followups(INTERVIEW, made, now=now)
    previous = attrs.evolve(new, steps=(later,))
    assert [s.kind for s in plan_changes(previous, new, made).done] == [StepKind.CALL]
