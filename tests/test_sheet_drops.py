"""Dropping steps takes only the findings about those steps with them."""

from __future__ import annotations

from followup import DEFAULT_RULES, Interview, StepKind, plan_followups
from own_steps import AT, Proposer, ny


def test_dropping_the_follow_up_keeps_findings_about_steps_that_stay() -> None:
    # FU005 drops the follow-up and the calls of a weak interview (drop
    # phase); a finding someone else's rule noted about its own step, which
    # stays, must stay with it.  (Mutant: `about is None and ...` in
    # Sheet.drop removes every finding about a step on any drop.)
    mine = Proposer(
        steps=(((ny("2026-11-24T10:00"), ny("2026-11-24T11:00")), None, 1, True),)
    )
    interview = Interview("Ada Lovelace", "Acme", AT, performance="weak")
    plan = plan_followups(interview, rules=DEFAULT_RULES.extend(mine))
    assert StepKind.FOLLOW_UP not in {step.kind for step in plan.steps}
    about = [f for f in plan.findings if f.code == "OWN001"]
    assert [f.message for f in about] == ["about step 0"]
    assert about[0].step is not None
    assert about[0].step.kind is StepKind.OTHER
