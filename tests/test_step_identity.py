"""No two steps of a plan share an identity: a kind, a kind name and a number.

Calendars build a step's UID on it (`step_key`), and `plan_changes` matches
steps by it: two steps of one identity would be one calendar item, and one
of them lost.  A plan made by hand or read from JSON refuses them, and the
engine names the rule whose work made the second.
"""

from __future__ import annotations

import json
from typing import ClassVar

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup import (
    DEFAULT_RULES,
    Channel,
    FollowUpPlan,
    Interview,
    InvalidValueError,
    NoParams,
    Phase,
    RuleError,
    Step,
    StepKind,
    Window,
    plan_followups,
    plan_many,
)
from followup._engine import fold, plan_parts_of
from followup._facts import Facts
from followup.ics import step_uid
from followup.json import InvalidDocumentError, from_json, to_json
from own_steps import AT, Proposer, ny

INTERVIEW = Interview("Ada", "Acme", AT)
PLAN = plan_followups(INTERVIEW)
WINDOW = Window("2026-12-01T09:00:00-05:00", "2026-12-01T17:00:00-05:00")
IDENTITY = (
    "a step's kind, kind name and number are its identity, which calendar UIDs "
    "and plan_changes go by, so no two steps of a plan share them"
)
TWICE = (
    "a step's kind, kind name and number are its identity, which calendar UIDs "
    "go by, so no two steps of a plan share them"
)


def step(kind: StepKind, number: int = 1, kind_name: str | None = None) -> Step:
    other = kind is StepKind.OTHER
    return Step(
        kind,
        Channel.OTHER if other else Channel.PHONE,
        WINDOW,
        WINDOW.start,
        "OWN001",
        "Mine.",
        number=number,
        kind_name=kind_name,
        channel_name="my-channel" if other else None,
    )


@pytest.mark.parametrize(
    ("steps", "shown", "where"),
    [
        ((*PLAN.steps, PLAN.steps[1]), "'thank-you'", "[1] and [4]"),
        (
            (step(StepKind.CALL_BACK, 2), step(StepKind.CALL_BACK, 2)),
            "'call-back #2'",
            "[0] and [1]",
        ),
        (
            (
                step(StepKind.OTHER, kind_name="linkedin-note"),
                step(StepKind.CALL),
                step(StepKind.OTHER, kind_name="linkedin-note"),
            ),
            "'linkedin-note'",
            "[0] and [2]",
        ),
    ],
)
def test_a_plan_made_by_hand_refuses_two_steps_of_one_identity(steps, shown, where):
    with pytest.raises(InvalidValueError) as caught:
        FollowUpPlan(INTERVIEW, steps, (), (), PLAN.as_of)
    assert caught.value.field == "FollowUpPlan.steps"
    assert str(caught.value) == (
        f"FollowUpPlan.steps: {shown} is twice among the steps, {where}: {IDENTITY}"
    )
    with pytest.raises(InvalidValueError):
        attrs.evolve(PLAN, steps=steps)


def test_steps_of_one_kind_with_other_numbers_or_kind_names_are_all_held():
    steps = (
        step(StepKind.CALL_BACK, 1),
        step(StepKind.CALL_BACK, 2),
        step(StepKind.OTHER, kind_name="linkedin-note"),
        step(StepKind.OTHER, kind_name="thank-you-card"),
        step(StepKind.OTHER, 2, kind_name="thank-you-card"),
    )
    plan = FollowUpPlan(INTERVIEW, steps, (), (), PLAN.as_of)
    assert len({step_uid(INTERVIEW, step) for step in plan.steps}) == 5


def test_a_plan_read_from_json_refuses_two_steps_of_one_identity():
    data = json.loads(to_json(PLAN))
    data["steps"].append(data["steps"][1])
    with pytest.raises(InvalidDocumentError) as caught:
        from_json(json.dumps(data), FollowUpPlan)
    assert caught.value.problems == [
        f"$.steps: 'thank-you' is twice among the steps, [1] and [4]: {IDENTITY}"
    ]


#: Two steps of the rule's own kind, both number 1, on two days.
TWO_OF_ONE = Proposer(
    steps=(
        ((ny("2026-11-30T09:00:00"), ny("2026-11-30T17:00:00")), None, 1, False),
        ((ny("2026-12-01T09:00:00"), ny("2026-12-01T17:00:00")), None, 1, False),
    )
)


def _refused(plan, rules):
    with pytest.raises(RuleError) as caught:
        plan(rules)
    return caught.value


@pytest.mark.parametrize(
    "plan",
    [
        lambda rules: plan_followups(INTERVIEW, rules=rules),
        lambda rules: plan_parts_of(INTERVIEW, rules=rules),
        lambda rules: list(plan_many([INTERVIEW], rules=rules)),
        lambda rules: list(
            plan_many([INTERVIEW] * 3, rules=rules, workers=2, chunk_size=1)
        ),
        lambda rules: fold(rules, Facts.gather(INTERVIEW)),
    ],
    ids=["plan_followups", "plan_parts_of", "plan_many", "workers", "fold"],
)
def test_a_rule_that_proposes_one_step_twice_is_named(plan):
    error = _refused(plan, DEFAULT_RULES.extend(TWO_OF_ONE))
    assert error.code == "OWN001"
    assert str(error) == (
        "rule OWN001 proposer (own_steps.Proposer) failed in plan(): two steps of "
        f"the plan are 'my-step' (both from OWN001): {TWICE}"
    )


def test_a_rule_that_proposes_a_step_a_built_in_rule_proposed_is_named():
    # FU003 proposed the thank-you; the rule added after it proposes another.
    window = (ny("2026-11-23T11:00:00"), ny("2026-11-23T12:00:00"))
    mine = Proposer(steps=((StepKind.THANK_YOU, window, None, 1, False),))
    error = _refused(
        lambda rules: plan_followups(INTERVIEW, rules=rules),
        DEFAULT_RULES.extend(mine),
    )
    assert error.code == "OWN001"
    assert "two steps of the plan are 'thank-you' (from FU003 and OWN001)" in str(error)


def test_a_built_in_rule_that_proposes_a_step_another_rule_proposed_is_named():
    # The rule of one's own comes first: FU003 makes the second thank-you,
    # on the sheet, where the built-in rules work unchecked.
    window = (ny("2026-11-23T11:00:00"), ny("2026-11-23T12:00:00"))
    mine = Proposer(steps=((StepKind.THANK_YOU, window, None, 1, False),))
    rules = DEFAULT_RULES.extend(mine).reordered("OWN001")
    for plan in (
        lambda rules: plan_followups(INTERVIEW, rules=rules),
        lambda rules: plan_parts_of(INTERVIEW, rules=rules),
        lambda rules: fold(rules, Facts.gather(INTERVIEW)),
    ):
        error = _refused(plan, rules)
        assert error.code == "FU003"
        assert str(error) == (
            "rule FU003 thank-you-immediately "
            "(followup.rules.thank_you.ThankYouImmediately) failed in plan(): two "
            f"steps of the plan are 'thank-you' (from OWN001 and FU003): {TWICE}"
        )


@attrs.frozen
class Renumbering:
    """Someone else's rule: makes the call a second follow-up, number 1."""

    code: ClassVar[str] = "OWN002"
    name: ClassVar[str] = "renumbering"
    summary: ClassVar[str] = "Turns the call into a follow-up."
    advice: ClassVar[tuple[str, ...]] = ("OWN:anything",)
    phase: ClassVar[Phase] = Phase.ADJUST
    params: NoParams = attrs.field(factory=NoParams)

    def plan(self, draft):
        (call,) = draft.of_kind(StepKind.CALL)
        return draft.replacing(
            call, attrs.evolve(call, kind=StepKind.FOLLOW_UP, rule=self.code)
        )

    def check(self, facts, steps):
        return ()


def test_a_rule_that_makes_a_step_into_another_of_the_plan_is_named():
    error = _refused(
        lambda rules: plan_followups(INTERVIEW, rules=rules),
        DEFAULT_RULES.extend(Renumbering()),
    )
    assert error.code == "OWN002"
    assert "two steps of the plan are 'follow-up' (from FU004 and OWN002)" in str(error)


identities = st.tuples(
    st.sampled_from([StepKind.CALL, StepKind.CALL_BACK, StepKind.OTHER]),
    st.integers(1, 2),
    st.sampled_from(["linkedin-note", "thank-you-card"]),
)


@given(st.lists(identities, max_size=5))
def test_a_plan_holds_steps_exactly_when_no_two_share_a_calendar_uid(drawn):
    steps = [
        step(kind, number, name if kind is StepKind.OTHER else None)
        for kind, number, name in drawn
    ]
    keys = [step_uid(INTERVIEW, made) for made in steps]
    try:
        plan = FollowUpPlan(INTERVIEW, steps, (), (), PLAN.as_of)
    except InvalidValueError:
        assert len(set(keys)) < len(keys)
    else:
        assert len(set(keys)) == len(keys) == len(plan.steps)


@given(
    st.lists(
        st.tuples(
            st.sampled_from([StepKind.THANK_YOU, StepKind.CALL, StepKind.OTHER]),
            st.integers(1, 2),
        ),
        max_size=3,
    ),
    st.booleans(),
)
def test_a_plan_the_engine_makes_holds_no_two_steps_of_one_identity(drawn, first):
    # Proposed before the built-in rules or after them, by number 1 or 2.
    window = (ny("2026-11-30T09:00:00"), ny("2026-11-30T17:00:00"))
    mine = Proposer(
        steps=tuple((kind, window, None, number, False) for kind, number in drawn)
    )
    rules = DEFAULT_RULES.extend(mine)
    if first:
        rules = rules.reordered("OWN001")
    try:
        plan = plan_followups(INTERVIEW, rules=rules)
    except RuleError as error:
        refused = str(error)
    else:
        keys = [step_uid(INTERVIEW, made) for made in plan.steps]
        assert len(set(keys)) == len(keys)
        assert from_json(to_json(plan), FollowUpPlan) == plan
        return
    assert "two steps of the plan are" in refused
