"""The plan while the rules are still at work on it.

Planning is a fold: each rule takes a `Draft` and returns a new one.  A draft
is immutable, so a rule can only propose, adjust or drop through these
methods, each of which returns a new draft and leaves the old one alone.
"""

from __future__ import annotations

from typing import final

import attrs

from followup.facts import Facts
from followup.plan import Finding, Step, StepKind
from followup.trusted import replaced

__all__ = ["Draft"]


@final
@attrs.frozen
class Draft:
    """The steps and findings so far, over the facts they were planned from."""

    facts: Facts
    steps: tuple[Step, ...] = ()
    findings: tuple[Finding, ...] = ()

    def of_kind(self, *kinds: StepKind) -> tuple[Step, ...]:
        """The steps of the given kinds, in the order they were proposed."""
        return tuple(step for step in self.steps if step.kind in kinds)

    def proposing(self, step: Step) -> Draft:
        """Add a step."""
        return Draft(self.facts, (*self.steps, step), self.findings)

    def noting(self, *findings: Finding) -> Draft:
        """Add findings."""
        return Draft(self.facts, self.steps, (*self.findings, *findings))

    def replacing(self, old: Step, new: Step) -> Draft:
        """Put `new` where `old` was; findings about `old` now speak of `new`."""
        return Draft(
            self.facts,
            tuple(new if step is old else step for step in self.steps),
            tuple(replaced(f, step=new) if f.step is old else f for f in self.findings),
        )

    def dropping(self, *steps: Step) -> Draft:
        """Remove steps, and the findings about them."""
        gone = {id(step) for step in steps}
        return Draft(
            self.facts,
            tuple(s for s in self.steps if id(s) not in gone),
            tuple(f for f in self.findings if f.step is None or id(f.step) not in gone),
        )
