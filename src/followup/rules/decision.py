"""FU009: once the company has decided, the follow-up is over."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, final

import attrs

from followup._plan import Finding, Step, own_finding, step_order
from followup._rule import Phase
from followup._sheet import worked, works_on_sheet
from followup._vocabulary import Severity, StepKind
from followup.rules._shared import NoParams, drop_covered, drop_made_calls, when

if TYPE_CHECKING:
    from collections.abc import Iterator

    from followup._draft import Draft
    from followup._facts import Facts
    from followup._sheet import Sheet

__all__ = ["DecisionEndsFollowUp"]


@final
@works_on_sheet
@attrs.frozen
class DecisionEndsFollowUp:
    """Drop every step once an offer, a rejection or a next round is known.

    The advice follows up until the company decides (A10, A11); this rule
    makes the end explicit, also for steps that third-party rules propose.
    It refines the advice rather than encoding one piece of it.  In the same
    way, before a decision, it drops a thank-you or a follow-up letter the
    history has done with (sent, or made moot by a later event), whoever
    proposed it: a letter is not sent twice; nor a call the history says
    was made.
    """

    code: ClassVar[str] = "FU009"
    name: ClassVar[str] = "decision-ends-follow-up"
    summary: ClassVar[str] = (
        "Once the company has decided (offer, rejection, next round), plan "
        "nothing more; never plan a letter or call the history has done with."
    )
    advice: ClassVar[tuple[str, ...]] = ()
    phase: ClassVar[Phase] = Phase.DROP
    params: NoParams = attrs.field(factory=NoParams)

    def plan(self, draft: Draft) -> Draft:
        """Drop every step after a decision, and say so."""
        return worked(self._work, draft)

    def _work(self, sheet: Sheet) -> None:
        facts = sheet.facts
        decision = facts.decision
        if decision is None or decision.outcome is None:
            # In this rule, not in each letter's: a phase of its own for
            # each would cost every plan two more rule calls.
            drop_covered(sheet, self.code, StepKind.THANK_YOU)
            drop_covered(sheet, self.code, StepKind.FOLLOW_UP)
            drop_made_calls(sheet, self.code)
            return
        sheet.drop(*sheet.steps)
        sheet.note(
            own_finding(
                self.code,
                Severity.INFO,
                f"the company decided ({decision.outcome.value}) on "
                f"{when(facts.local(decision.at))}: nothing more to follow up",
            )
        )

    def check(self, facts: Facts, steps: tuple[Step, ...]) -> Iterator[Finding]:
        """Flag steps planned after a decision."""
        if facts.decision is None or not steps:
            return
        yield Finding(
            self.code,
            Severity.ERROR,
            "steps are planned although the company has decided",
            expected="no steps",
            # In plan order, however the steps were given.
            actual=", ".join(step.label for step in sorted(steps, key=step_order)),
        )
