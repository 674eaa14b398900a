"""FU009: once the company has decided, the follow-up is over."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, final

import attrs

from followup.plan import Finding, Severity, Step
from followup.rules.windows import when

if TYPE_CHECKING:
    from collections.abc import Iterator

    from followup.draft import Draft
    from followup.facts import Facts

__all__ = ["DecisionEndsFollowUp", "NoParams"]


@final
@attrs.frozen
class NoParams:
    """A rule that has no parameters."""


@final
@attrs.frozen
class DecisionEndsFollowUp:
    """Drop every step once an offer, a rejection or a next round is known.

    The advice follows up until the company decides (A10, A11); this rule
    makes the end explicit, also for steps that third-party rules propose.
    It refines the advice rather than encoding one piece of it.
    """

    code: ClassVar[str] = "FU009"
    name: ClassVar[str] = "decision-ends-follow-up"
    summary: ClassVar[str] = (
        "Once the company has decided (offer, rejection, next round), plan "
        "nothing more."
    )
    advice: ClassVar[tuple[str, ...]] = ()
    params: NoParams = attrs.field(factory=NoParams)

    def plan(self, draft: Draft) -> Draft:
        """Drop every step after a decision, and say so."""
        decision = draft.facts.decision
        if decision is None or decision.outcome is None:
            return draft
        return draft.dropping(*draft.steps).noting(
            Finding(
                self.code,
                Severity.INFO,
                f"the company decided ({decision.outcome.value}) on "
                f"{when(draft.facts.local(decision.at))}: nothing more to follow up",
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
            actual=", ".join(step.label for step in steps),
        )
