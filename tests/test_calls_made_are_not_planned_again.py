"""A stored plan checked after its call was made: the call is to be removed.

A tracker keeps the plan and checks it again as events come in.  For a
thank-you sent, FU003 says "planned again ... remove it"; for a call or
call-back made, FU008 said to move it a week later and counted the call
made twice ("4 calls (3 made)"), advice that means phoning again (A14),
while `plan_changes` called the same step done.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

import attrs
import pytest

from followup import (
    DEFAULT_RULES,
    Draft,
    Event,
    EventKind,
    Finding,
    FollowUpPlan,
    Outcome,
    Step,
    StepKind,
    Window,
    check_plan,
    new_step,
    plan_changes,
    plan_followups,
)
from new_york import INTERVIEW

if TYPE_CHECKING:
    from followup._facts import Facts

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


@pytest.mark.parametrize(
    ("planned_at", "made_at", "now"),
    [
        # Made at 10:00 on Thursday 3 December, recorded after a replan at
        # 18:00 that still held the call.
        (
            "2026-12-03T18:00:00-05:00",
            "2026-12-03T10:00:00-05:00",
            "2026-12-04T08:00:00-05:00",
        ),
        # Made on Friday 27 November, a business day before its window opened.
        (
            "2026-11-25T10:05:00-05:00",
            "2026-11-27T10:00:00-05:00",
            "2026-11-27T10:05:00-05:00",
        ),
    ],
)
def test_the_call_made_is_the_call_whenever_it_was_made_or_recorded(
    planned_at: str, made_at: str, now: str
) -> None:
    stored = plan_followups(INTERVIEW, SENT, now=planned_at)
    made = [*SENT, Event(EventKind.CALLED, made_at, outcome=Outcome.UNDECIDED)]
    assert [(f.code, f.severity.value) for f in _only_calls(stored, made, now)] == [
        ("FU006", "error")
    ]
    changes = plan_changes(stored, plan_followups(INTERVIEW, made, now=now), made)
    assert [s.kind for s in changes.done] == [StepKind.CALL]


def test_an_agreed_call_back_made_a_little_early_is_the_call_back() -> None:
    agreeing = Event(
        EventKind.CALLED,
        "2026-11-30T10:00:00-05:00",
        outcome=Outcome.UNDECIDED,
        call_back_at="2026-12-08T14:00:00-05:00",
    )
    stored = plan_followups(
        INTERVIEW, [*SENT, agreeing], now="2026-11-30T10:05:00-05:00"
    )
    early = Event(
        EventKind.CALLED, "2026-12-08T13:55:00-05:00", outcome=Outcome.UNDECIDED
    )
    made = [*SENT, agreeing, early]
    now = "2026-12-08T16:00:00-05:00"
    assert [(f.code, f.severity.value) for f in _only_calls(stored, made, now)] == [
        ("FU007", "error")
    ]


def _only_calls(
    stored: FollowUpPlan, made: list[Event], now: str
) -> tuple[Finding, ...]:
    return tuple(
        f
        for f in check_plan(stored, history=made, now=now)
        if f.code in {"FU006", "FU007", "FU008", "FU010"}
    )


def test_a_second_call_of_one_s_own_is_not_the_call_made() -> None:
    # A plugin's call #2 is its rule's: spaced from the call made (FU008),
    # never taken for it.
    made = [*SENT, Event(EventKind.CALLED, "2026-12-03T10:00:00-05:00")]
    second = Step(
        StepKind.CALL,
        "phone",
        Window("2026-12-04T10:00:00-05:00", "2026-12-04T11:00:00-05:00"),
        "2026-12-04T10:00:00-05:00",
        rule="mine",
        reason="my plan",
        number=2,
    )
    found = check_plan([second], INTERVIEW, made, now="2026-12-03T10:05:00-05:00")
    assert [(f.code, f.severity.value, f.expected) for f in found] == [
        ("FU008", "error", "on or after Thu 10 Dec 2026 00:00 EST")
    ]


def test_plan_changes_counts_no_call_toward_a_plugin_s_second_call() -> None:
    # As the checks do: a plugin's call #2 is not done by the first call made.
    made = [*SENT, Event(EventKind.CALLED, "2026-11-30T10:00:00-05:00")]
    now = "2026-11-30T10:05:00-05:00"
    second = Step(
        StepKind.CALL,
        "phone",
        Window("2026-12-10T10:00:00-05:00", "2026-12-10T11:00:00-05:00"),
        "2026-12-10T10:00:00-05:00",
        rule="mine",
        reason="my plan",
        number=2,
    )
    new = plan_followups(INTERVIEW, made, now=now)
    kept = attrs.evolve(new, steps=(second,))
    changes = plan_changes(kept, new, made)
    assert (
        [s.number for s in changes.done],
        [s.number for s in changes.cancelled],
    ) == (
        [],
        [2],
    )


@attrs.frozen
class CallsToo:
    """A rule of one's own that proposes a call of a given number on Monday 7th."""

    code: ClassVar[str] = "OWN001"
    name: ClassVar[str] = "calls-too"
    summary: ClassVar[str] = "Proposes a call."
    advice: ClassVar[tuple[str, ...]] = ("A10",)
    params: ClassVar[None] = None
    kind: StepKind = StepKind.CALL
    number: int = 1

    def plan(self, draft: Draft) -> Draft:
        monday = ("2026-12-07T10:00:00-05:00", "2026-12-07T11:00:00-05:00")
        step = new_step(
            draft.facts,
            self.kind,
            "phone",
            monday,
            rule=self.code,
            reason="My call.",
            number=self.number,
        )
        return draft.proposing(step)

    def check(self, facts: Facts, steps: tuple[Step, ...]) -> tuple[Finding, ...]:
        return ()


@pytest.mark.parametrize(
    ("kind", "number", "calls", "made_on"),
    [
        (StepKind.CALL, 1, 1, "Mon 30 Nov 2026 10:00 EST"),
        (StepKind.CALL_BACK, 1, 2, "Mon 7 Dec 2026 10:00 EST"),
    ],
)
def test_a_call_of_one_s_own_the_history_made_is_not_planned(
    kind: StepKind, number: int, calls: int, made_on: str
) -> None:
    # As a thank-you a rule of one's own proposes after one was sent: the
    # call it stands for was made, so FU009 drops it and says so, and the
    # plan passes its own check (FU006 and FU007 call it "planned again").
    made = [*SENT]
    made += [
        Event(EventKind.CALLED, at, outcome=Outcome.NO_ANSWER)
        for at in ("2026-11-30T10:00:00-05:00", "2026-12-07T10:00:00-05:00")[:calls]
    ]
    rules = DEFAULT_RULES.extend(CallsToo(kind, number))
    now = "2026-12-07T12:00:00-05:00"
    plan = plan_followups(INTERVIEW, made, now=now, rules=rules)
    assert [s.rule for s in plan.steps] == ["FU007"]
    assert [(f.code, f.severity.value, f.message) for f in plan.findings] == [
        (
            "FU009",
            "info",
            (
                f"the {kind.value} OWN001 proposed is not "
                f"planned: it was made on {made_on}"
            ),
        )
    ]
    assert check_plan(plan, INTERVIEW, made, now=now, rules=rules) == ()


def test_a_second_call_of_one_s_own_is_planned_after_the_call_made() -> None:
    made = [*SENT, Event(EventKind.CALLED, "2026-11-30T10:00:00-05:00")]
    rules = DEFAULT_RULES.extend(CallsToo(StepKind.CALL, 2))
    plan = plan_followups(INTERVIEW, made, now="2026-11-30T12:00:00-05:00", rules=rules)
    assert [(s.rule, s.number) for s in plan.steps if s.kind is StepKind.CALL] == [
        ("OWN001", 2)
    ]
    assert not [f for f in plan.findings if f.code == "FU009"]
