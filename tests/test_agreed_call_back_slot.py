"""A call-back a few minutes after the agreed time is still the call agreed.

FU007 gives the time agreed with the company a slot (15 minutes by
default).  A replan one minute into it called the time "passed" and moved
the call to the next working day, while the plan made a minute earlier
still said to call now.  In the slot, the step opens at now, as any step
whose window is open does (nothing is due in the past), and the checks
still take it for the call agreed.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, ClassVar

import attrs
import pendulum
import pytest

from followup import (
    DEFAULT_RULES,
    Contact,
    Draft,
    Event,
    EventKind,
    Interview,
    NoParams,
    Outcome,
    Phase,
    Step,
    StepKind,
    Window,
    check_plan,
    new_step,
    plan_followups,
)

if TYPE_CHECKING:
    from followup._facts import Facts

INTERVIEW = Interview(
    "Ada Lovelace",
    "Acme",
    "2026-10-28T16:00:00-04:00[America/New_York]",
    interviewer=Contact(
        "Bob",
        email="bob@acme.com",
        phone="+12125550123",
        timezone="America/New_York",
        country="US",
    ),
)


def history(agreed: str) -> list[Event]:
    return [
        Event(EventKind.THANK_YOU_SENT, "2026-10-28T17:00:00-04:00"),
        Event(EventKind.FOLLOW_UP_SENT, "2026-10-30T10:00:00-04:00"),
        Event(
            EventKind.CALLED,
            "2026-11-05T11:00:00-05:00",
            outcome=Outcome.UNDECIDED,
            call_back_at=agreed,
        ),
    ]


def call_back(agreed: str, now: str) -> tuple[str, str, str, bool, list[str]]:
    plan = plan_followups(INTERVIEW, history(agreed), now=now)
    (step,) = [s for s in plan.steps if s.kind is StepKind.CALL_BACK]
    assert check_plan(plan, INTERVIEW, history(agreed), now=now) == ()
    return (
        step.window.start.format("ddd HH:mm"),
        step.window.end.format("ddd HH:mm"),
        step.due.format("ddd HH:mm"),
        step.agreed,
        [f.code for f in plan.findings],
    )


@pytest.mark.parametrize(
    ("agreed", "now", "slot"),
    [
        # After hours, as the company asked: the slot runs to 17:45.
        ("2026-11-06T17:30:00-05:00", "2026-11-06T17:29:00-05:00", "Fri 17:30"),
        ("2026-11-06T17:30:00-05:00", "2026-11-06T17:31:00-05:00", "Fri 17:30"),
        ("2026-11-06T17:30:00-05:00", "2026-11-06T17:45:00-05:00", "Fri 17:30"),
        # In working hours: the slot is not cut at the close of the day.
        ("2026-11-06T16:50:00-05:00", "2026-11-06T16:52:00-05:00", "Fri 16:50"),
    ],
)
def test_the_agreed_slot_is_kept_until_it_closes(agreed: str, now: str, slot: str):
    start = max(slot, f"Fri {now[11:16]}")
    end = {"Fri 17:30": "Fri 17:45", "Fri 16:50": "Fri 17:05"}[slot]
    assert call_back(agreed, now) == (start, end, start, True, [])


def test_a_minute_after_the_slot_the_call_back_is_late():
    assert call_back("2026-11-06T17:30:00-05:00", "2026-11-06T17:46:00-05:00") == (
        "Mon 09:00",
        "Tue 09:00",
        "Mon 09:00",
        False,
        ["FU007"],
    )


def test_a_replan_inside_the_slot_agrees_with_the_plan_made_before_it():
    agreed = "2026-11-06T17:30:00-05:00"
    before = plan_followups(INTERVIEW, history(agreed), now="2026-11-06T17:29:00-05:00")
    during = plan_followups(INTERVIEW, history(agreed), now="2026-11-06T17:31:00-05:00")
    then, now = before.next_step("2026-11-06T17:31:00-05:00"), during.steps[0]
    assert (now.kind, now.number, now.agreed, now.window.end, now.reason) == (
        then.kind,
        then.number,
        then.agreed,
        then.window.end,
        then.reason,
    )
    assert now.window.start == now.due == pendulum.parse("2026-11-06T17:31:00-05:00")


def test_a_call_back_marked_agreed_after_its_slot_is_checked_as_any_other():
    # An edit that marks a step agreed exempts nothing: one opening after
    # the slot agreed (Fri 17:30 to 17:45) is outside working time.
    agreed = "2026-11-06T17:30:00-05:00"
    now = "2026-11-06T19:10:00-05:00"
    planned = plan_followups(INTERVIEW, history(agreed), now=now)
    (step,) = planned.steps
    edited = attrs.evolve(
        step,
        window=Window("2026-11-06T19:00:00-05:00", "2026-11-06T19:30:00-05:00"),
        due="2026-11-06T19:00:00-05:00",
        agreed=True,
    )
    found = check_plan([edited], INTERVIEW, history(agreed), now=now)
    assert [(f.code, f.severity.value) for f in found] == [("FU011", "warning")]


def test_the_checks_take_the_slot_of_the_rule_set_checked():
    # A slot of two hours: the plan made a half hour in passes the check
    # with its own rules, and not with a slot of 15 minutes.
    agreed = "2026-11-06T17:30:00-05:00"
    now = "2026-11-06T18:00:00-05:00"
    rules = DEFAULT_RULES.configure("FU007", agreed_minutes=120)
    plan = plan_followups(INTERVIEW, history(agreed), now=now, rules=rules)
    (step,) = plan.steps
    assert (step.window.start, step.window.end, step.agreed) == (
        pendulum.parse(now),
        pendulum.parse("2026-11-06T19:30:00-05:00"),
        True,
    )
    assert check_plan(plan, INTERVIEW, history(agreed), now=now, rules=rules) == ()
    by_default = check_plan(plan, INTERVIEW, history(agreed), now=now)
    assert [f.code for f in by_default] == ["FU011"]


@pytest.mark.parametrize(
    "start", ["2026-11-06T17:30:00-05:00", "2026-11-07T03:00:00-05:00"]
)
def test_a_window_run_on_past_the_slot_keeps_no_agreement(start: str):
    # Holding the agreed time (Fri 17:30) is not enough: a call-back due
    # Saturday 03:00, its window run on to 23:00, is checked as any other.
    step = Step(
        StepKind.CALL_BACK,
        "phone",
        Window(start, "2026-11-07T23:00:00-05:00"),
        "2026-11-07T03:00:00-05:00",
        rule="FU007",
        reason="Call back.",
        agreed=True,
    )
    now = "2026-11-07T03:30:00-05:00"
    found = check_plan([step], INTERVIEW, history("2026-11-06T17:30:00-05:00"), now=now)
    assert [(f.code, f.severity.value) for f in found] == [("FU011", "warning")]


@attrs.frozen
class HourSlot:
    """FU007 of one's own (put in with `replace`): an hour from the agreed time."""

    code: ClassVar[str] = "FU007"
    name: ClassVar[str] = "call-back-as-agreed"
    summary: ClassVar[str] = "Call back as agreed, within the hour."
    advice: ClassVar[tuple[str, ...]] = ("A11",)
    phase: ClassVar[Phase] = Phase.PROPOSE
    params: NoParams = attrs.field(factory=NoParams)

    def plan(self, draft: Draft) -> Draft:
        facts = draft.facts
        agreed = facts.agreed_call_back
        if agreed is None or not facts.waiting_on_company:
            return draft
        end = facts.local(agreed + dt.timedelta(hours=1))
        step = new_step(
            facts,
            StepKind.CALL_BACK,
            "phone",
            (agreed, end),
            rule=self.code,
            reason="Call back as agreed (A11).",
            advice=self.advice,
            number=len(facts.calls),
            agreed=True,
        )
        return draft.proposing(step)

    def check(self, facts: Facts, steps: tuple[Step, ...]) -> tuple[()]:
        return ()


def test_a_rule_of_another_class_under_fu007_answers_for_its_agreed_steps():
    # `check_plan` took any rule under a built-in code for followup's own,
    # and held its agreed call-back to FU007's slot of 15 minutes.
    agreed = "2026-11-06T17:30:00-05:00"
    now = "2026-11-06T18:00:00-05:00"
    rules = DEFAULT_RULES.replace(HourSlot())
    plan = plan_followups(INTERVIEW, history(agreed), now=now, rules=rules)
    (step,) = plan.steps
    assert (step.rule, step.agreed, step.window.end) == (
        "FU007",
        True,
        pendulum.parse("2026-11-06T18:30:00-05:00"),
    )
    assert check_plan(plan, INTERVIEW, history(agreed), now=now, rules=rules) == ()
