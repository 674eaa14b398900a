"""A step a plugin's rule proposes as agreed: planning keeps it, and so does the check.

The built-in rules mark agreed only the call-back the history agreed a time
for, and `check_plan` asks the history about those (a user's edit marking a
step agreed exempts nothing: tests/test_checking_edited_plans.py).  A rule
of another's (a scheduling link's booked call, a site visit the company set)
answers for its own agreed steps: planning leaves them where they are, and
the plan it made passes the checks of the same rules.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

import attrs
import pytest

from followup import (
    DEFAULT_RULES,
    Channel,
    Interview,
    NoParams,
    Phase,
    Severity,
    StepKind,
    check_plan,
    new_step,
    plan_followups,
)
from followup.testing import assert_rule_keeps_the_contract

INTERVIEW = Interview(
    "Ada Lovelace", "Acme", "2026-11-23T10:00:00-05:00[America/New_York]"
)
NOW = "2026-11-23T10:30:00-05:00"


@attrs.frozen
class Booked:
    """A step booked with the company at `at`: its time is agreed."""

    code: ClassVar[str] = "BK001"
    name: ClassVar[str] = "booked-with-the-company"
    summary: ClassVar[str] = "A step booked with the company, at the time booked."
    advice: ClassVar[tuple[str, ...]] = ("BK:booked",)
    phase: ClassVar[Phase] = Phase.PROPOSE
    params: NoParams = attrs.field(factory=NoParams)
    at: str = "2026-12-01T10:00:00-05:00"
    kind: StepKind = StepKind.CALL
    agreed: bool = True

    def plan(self, draft):
        other = self.kind is StepKind.OTHER
        step = new_step(
            draft.facts,
            self.kind,
            Channel.OTHER if other else Channel.PHONE,
            (self.at, self.at),
            rule=self.code,
            reason="Booked with the company.",
            agreed=self.agreed,
            number=2 if self.kind is StepKind.CALL else 1,
            kind_name="site-visit" if other else None,
            channel_name="in-person" if other else None,
        )
        return draft.proposing(step)

    def check(self, facts, steps):
        return ()


def _plan_and_check(rule: Booked):
    rules = DEFAULT_RULES.extend(rule)
    plan = plan_followups(INTERVIEW, now=NOW, rules=rules)
    (booked,) = [step for step in plan.steps if step.rule == rule.code]
    return booked, check_plan(plan, rules=rules)


def test_a_call_booked_a_day_after_the_first_is_kept_and_passes_fu008():
    # Tuesday 10:00, a day after the first call (Monday 30 Nov, 09:00): FU008
    # leaves an agreed call where it is, and its check agrees.
    booked, findings = _plan_and_check(Booked())
    assert booked.due.isoformat() == "2026-12-01T10:00:00-05:00"
    # No finding of FU008 (calls apart) or any error; FU002 asks for the
    # interviewer's details, which this interview lacks.
    assert [(f.code, f.severity) for f in findings] == [("FU002", Severity.WARNING)]


@pytest.mark.parametrize("kind", [StepKind.CALL, StepKind.OTHER])
def test_a_step_booked_on_a_saturday_is_kept_and_not_flagged_by_fu011(kind):
    booked, findings = _plan_and_check(
        Booked(at="2026-12-05T10:00:00-05:00", kind=kind)
    )
    assert booked.due.isoformat() == "2026-12-05T10:00:00-05:00"
    assert [f for f in findings if f.code == "FU011"] == []


def test_the_same_step_not_agreed_is_moved_and_then_passes():
    # The rule's word is the flag: without it, FU011 moves the Saturday call
    # to Monday, and FU008 spaces it from the first call.
    booked, findings = _plan_and_check(
        Booked(at="2026-12-05T10:00:00-05:00", agreed=False)
    )
    assert booked.due.isoformat() != "2026-12-05T10:00:00-05:00"
    assert [f for f in findings if f.severity is Severity.ERROR] == []


def test_a_built_in_step_marked_agreed_by_an_edit_is_still_checked():
    # The user's edit: the first call, marked agreed, moved to a Sunday.
    plan = plan_followups(INTERVIEW, now=NOW)
    (call,) = [s for s in plan.steps if s.kind is StepKind.CALL]
    sunday = call.due.add(days=6)
    edited = attrs.evolve(
        call, due=sunday, window=attrs.evolve(call.window, start=sunday, end=sunday),
        agreed=True,
    )  # fmt: skip
    steps = [edited if s is call else s for s in plan.steps]
    findings = check_plan(steps, INTERVIEW, now=NOW)
    assert ("FU011", Severity.WARNING) in [(f.code, f.severity) for f in findings]


@attrs.frozen
class BookedAfterDays:
    """A call booked eight days after the interview, through a scheduling link."""

    code: ClassVar[str] = "BK002"
    name: ClassVar[str] = "booked-call"
    summary: ClassVar[str] = "A call booked with the recruiter, at the time booked."
    advice: ClassVar[tuple[str, ...]] = ("BK:booked",)
    phase: ClassVar[Phase] = Phase.PROPOSE
    params: NoParams = attrs.field(factory=NoParams)

    def plan(self, draft):
        facts = draft.facts
        if facts.decision is not None or facts.calls:
            return draft
        at = facts.start + dt.timedelta(days=8)
        if at < facts.now:
            return draft
        number = len(draft.of_kind(StepKind.CALL)) + 1
        step = new_step(
            facts, StepKind.CALL, Channel.PHONE, (at, at), rule=self.code,
            reason="The call booked with the recruiter.", agreed=True, number=number,
        )  # fmt: skip
        return draft.proposing(step)

    def check(self, facts, steps):
        return ()


def test_a_rule_that_books_agreed_calls_keeps_the_contract():
    assert_rule_keeps_the_contract(BookedAfterDays(), max_examples=25)
