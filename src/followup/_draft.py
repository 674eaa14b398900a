"""The plan while the rules are still at work on it.

Planning is a fold: each rule takes a `Draft` and returns a new one.  A draft
is immutable, so a rule can only propose, adjust or drop through these
methods, each of which returns a new draft and leaves the old one alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, final

import attrs

from followup._facts import Facts
from followup._plan import Finding, Step
from followup._rule import Phase
from followup._trusted import replaced
from followup.errors import InvalidTypeError, InvalidValueError

if TYPE_CHECKING:
    from followup._vocabulary import StepKind

__all__ = ["Draft"]


def _steps(values: tuple[object, ...], field: str) -> tuple[Step, ...]:
    for index, value in enumerate(values):
        if not isinstance(value, Step):
            raise InvalidTypeError(f"{field}[{index}]", value, "a Step")
    return values  # type: ignore[return-value]


@final
@attrs.frozen
class Draft:
    """The steps and findings so far, over the facts they were planned from.

    `phase` is the phase the rule set is applying (see `Phase`): a rule that
    acts in several phases reads it to know which part of its work is due.
    Every method checks what it is given and returns a new draft.
    """

    facts: Facts
    steps: tuple[Step, ...] = ()
    findings: tuple[Finding, ...] = ()
    phase: Phase = Phase.PROPOSE

    def of_kind(self, *kinds: StepKind) -> tuple[Step, ...]:
        """The steps of the given kinds, in the order they were proposed."""
        return tuple(step for step in self.steps if step.kind in kinds)

    def proposing(self, *steps: Step) -> Draft:
        """Add steps; only in the `PROPOSE` phase.

        Raises:
            InvalidTypeError: something that is not a `Step`.
            InvalidValueError: proposing in a later phase, where the steps
                would escape the rules that drop, space and place them.
        """
        _steps(steps, "proposing")
        if self.phase is not Phase.PROPOSE:
            raise InvalidValueError(
                "proposing",
                ", ".join(step.label for step in steps),
                f"comes in the {self.phase.value} phase; steps are proposed in "
                "the propose phase, so that every later rule governs them",
            )
        return replaced(self, steps=(*self.steps, *steps))

    def noting(self, *findings: Finding) -> Draft:
        """Add findings."""
        for index, finding in enumerate(findings):
            if not isinstance(finding, Finding):
                raise InvalidTypeError(f"noting[{index}]", finding, "a Finding")
        return replaced(self, findings=(*self.findings, *findings))

    def replacing(self, old: Step, new: Step) -> Draft:
        """Put `new` where `old` was; findings about `old` now speak of `new`."""
        _steps((old, new), "replacing")
        if not any(step is old for step in self.steps):
            raise InvalidValueError(
                "replacing", old.label, "is not a step of this draft"
            )
        return replaced(
            self,
            steps=tuple(new if step is old else step for step in self.steps),
            findings=tuple(
                replaced(f, step=new) if f.step is old else f for f in self.findings
            ),
        )

    def dropping(self, *steps: Step) -> Draft:
        """Remove steps, and the findings about them."""
        _steps(steps, "dropping")
        gone = {id(step) for step in steps}
        return replaced(
            self,
            steps=tuple(s for s in self.steps if id(s) not in gone),
            findings=tuple(
                f for f in self.findings if f.step is None or id(f.step) not in gone
            ),
        )
