"""A step a plugin's rule drops on purpose is missing from no plan checked with it.

The built-in rules plan every step the facts need, so `check_plan` calls a
needed step that is missing a mistake (FU003's thank-you, FU005's call and
follow-up, FU001's close while the call is under way, FU007's agreed
call-back).  A plugin's DROP rule may leave one out on purpose: no call to
a company that asked for none.  The plan that rule set makes passes that
set's checks (DESIGN: a plan `plan_followups` made passes `check_plan` with
the same rules); a step the set still plans, left out by hand, is flagged.
"""

from __future__ import annotations

from typing import ClassVar

import attrs
import pytest

from followup import (
    DEFAULT_RULES,
    Event,
    NoParams,
    Phase,
    Severity,
    StepKind,
    check_plan,
    plan_followups,
)
from followup.testing import assert_rule_keeps_the_contract
from new_york import INTERVIEW


@attrs.frozen
class NoneOf:
    """Drop every step of `kind`: the company asked for none."""

    code: ClassVar[str] = "ND001"
    name: ClassVar[str] = "none-of-these"
    summary: ClassVar[str] = "Steps of one kind, dropped: the company asked for none."
    advice: ClassVar[tuple[str, ...]] = ("ND:asked-for-none",)
    phase: ClassVar[Phase] = Phase.DROP
    params: NoParams = attrs.field(factory=NoParams)
    kind: StepKind = StepKind.CALL

    def plan(self, draft):
        return draft.dropping(*draft.of_kind(self.kind))

    def check(self, facts, steps):
        return ()


def _codes(findings, severity=None):
    return sorted(
        f.code for f in findings if severity is None or f.severity is severity
    )


@pytest.mark.parametrize(
    ("kind", "flagged_by"),
    [
        (StepKind.CALL, "FU005"),
        (StepKind.FOLLOW_UP, "FU005"),
        (StepKind.THANK_YOU, "FU003"),
        (StepKind.CLOSE_CALL, "FU001"),
    ],
)
def test_a_plan_without_the_step_a_rule_dropped_passes_that_rule_set(kind, flagged_by):
    rules = DEFAULT_RULES.extend(NoneOf(kind=kind))
    # As of the call's start for the close (checked while the call is under
    # way), else before it.
    now = "2026-11-23T10:05:00-05:00"
    plan = plan_followups(INTERVIEW, now=now, rules=rules)
    assert kind not in {step.kind for step in plan.steps}
    assert check_plan(plan, rules=rules) == ()
    # The same steps checked by the built-in rules alone: the step is missing.
    assert flagged_by in _codes(check_plan(plan.steps, INTERVIEW, now=now))


def test_a_step_the_set_still_plans_left_out_by_hand_is_flagged():
    rules = DEFAULT_RULES.extend(NoneOf(kind=StepKind.CALL))
    plan = plan_followups(INTERVIEW, rules=rules)
    without_thanks = [s for s in plan.steps if s.kind is not StepKind.THANK_YOU]
    found = check_plan(without_thanks, INTERVIEW, rules=rules)
    assert _codes(found, Severity.ERROR) == ["FU003"]
    # No word of the call the rule dropped.
    assert "FU005" not in _codes(found)


def test_an_agreed_call_back_a_rule_dropped_is_missing_from_no_plan():
    history = [
        Event(
            "called",
            "2026-11-30T10:00:00-05:00",
            call_back_at="2026-12-03T14:00:00-05:00",
        ),
    ]
    now = "2026-11-30T11:00:00-05:00"
    rules = DEFAULT_RULES.extend(NoneOf(kind=StepKind.CALL_BACK))
    plan = plan_followups(INTERVIEW, history, now=now, rules=rules)
    assert StepKind.CALL_BACK not in {step.kind for step in plan.steps}
    assert check_plan(plan, history=history, rules=rules) == ()
    assert "FU007" in _codes(check_plan(plan.steps, INTERVIEW, history, now=now))


@pytest.mark.parametrize("kind", [StepKind.CALL, StepKind.THANK_YOU])
def test_a_rule_that_drops_a_step_keeps_the_contract(kind):
    assert_rule_keeps_the_contract(NoneOf(kind=kind), max_examples=25)


def test_a_step_left_out_with_its_built_in_rule_is_missing_with_a_plugin_too():
    # FU006 proposes the call; a set without it plans none, and FU005 says
    # the strong interview calls for one (a warning): the same with an
    # unrelated plugin rule in the set, which drops nothing.
    from test_rule_errors import Tug  # noqa: PLC0415

    without_calls = DEFAULT_RULES.ignore("FU006")
    for rules in (without_calls, without_calls.extend(Tug())):
        plan = plan_followups(INTERVIEW, rules=rules)
        assert StepKind.CALL not in {step.kind for step in plan.steps}
        assert _codes(check_plan(plan, rules=rules)) == ["FU005"]


def test_a_check_with_a_set_that_cannot_plan_still_returns_its_findings():
    from test_rule_errors import Tug, TugOn  # noqa: PLC0415

    # Planning with these fails (they never agree); checking a schedule
    # with them asks what they plan only when a step is missing, and gets
    # no answer: the missing thank-you is flagged, not a RuleError raised.
    rules = DEFAULT_RULES.extend(Tug(), TugOn())
    plan = plan_followups(INTERVIEW)
    steps = [s for s in plan.steps if s.kind is not StepKind.THANK_YOU]
    assert _codes(check_plan(steps, INTERVIEW, rules=rules), Severity.ERROR) == [
        "FU003"
    ]
