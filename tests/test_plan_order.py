"""Steps due at one instant are in the advice's order, then by number."""

from __future__ import annotations

from followup import Interview, RuleSet, StepKind, plan_followups
from own_steps import AT, Proposer, ny

WINDOW = (ny("2026-11-24T10:00"), ny("2026-11-24T11:00"))
INTERVIEW = Interview("Ada Lovelace", "Acme", AT)


def test_at_one_instant_the_advices_order_comes_before_the_number() -> None:
    # A second call and a step of one's own (numbered 1) due together: the
    # call comes first, as `StepKind` orders them.  (Mutant: the sheet's
    # `_order` compares numbers before stages.)
    mine = Proposer(
        steps=(
            (StepKind.OTHER, WINDOW, None, 1, False),
            (StepKind.CALL, WINDOW, None, 2, False),
        )
    )
    plan = plan_followups(INTERVIEW, rules=RuleSet((mine,)))
    assert [(s.kind, s.number) for s in plan.steps] == [
        (StepKind.CALL, 2),
        (StepKind.OTHER, 1),
    ]


def test_at_one_instant_steps_of_one_kind_come_by_number() -> None:
    # Proposed as 2 then 1, planned as 1 then 2.  (Mutant: `_order` leaves
    # the number out, and the sort keeps the order they were proposed in.)
    mine = Proposer(steps=((WINDOW, None, 2, False), (WINDOW, None, 1, False)))
    plan = plan_followups(INTERVIEW, rules=RuleSet((mine,)))
    assert [s.number for s in plan.steps] == [1, 2]
