"""A rule of one's own that proposes the steps it is given, and New York times.

For the tests that pin the sheet's and the built-in rules' edges with steps
a plugin would propose.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

import attrs

from followup import Channel, Finding, NoParams, Phase, Severity, StepKind, new_step

__all__ = ["AT", "NEW_YORK", "Proposer", "ny"]

NEW_YORK = "America/New_York"
# Monday 23 November 2026, 10:00 in New York.
AT = "2026-11-23T10:00:00-05:00[America/New_York]"


def ny(text: str) -> dt.datetime:
    """A wall time in New York in late November 2026 (EST, UTC-5)."""
    return dt.datetime.fromisoformat(text + "-05:00")


@attrs.frozen
class Proposer:
    """Someone else's rule: proposes `steps`, each (window, due, number, note).

    Of `kind`; a step given as (kind, window, due, number, note) is of its own.

    `note`: whether it notes an INFO finding about the step as well.
    """

    code: ClassVar[str] = "OWN001"
    name: ClassVar[str] = "proposer"
    summary: ClassVar[str] = "Proposes steps of its own."
    advice: ClassVar[tuple[str, ...]] = ("OWN:anything",)
    phase: ClassVar[Phase] = Phase.PROPOSE
    params: NoParams = attrs.field(factory=NoParams)
    steps: tuple = ()
    kind: StepKind = StepKind.OTHER

    def plan(self, draft):
        facts = draft.facts
        made, notes = [], []
        for index, given in enumerate(self.steps):
            kind = given[0] if len(given) == 5 else self.kind
            window, due, number, note = given[-4:]
            other = kind is StepKind.OTHER
            step = new_step(
                facts,
                kind,
                Channel.OTHER if other else Channel.PHONE,
                window,
                due=due,
                number=number,
                rule=self.code,
                reason=f"Step {index} of mine.",
                kind_name="my-step" if other else None,
                channel_name="my-channel" if other else None,
            )
            made.append(step)
            if note:
                notes.append(
                    Finding(self.code, Severity.INFO, f"about step {index}", step=step)
                )
        return draft.proposing(*made).noting(*notes)

    def check(self, facts, steps):
        return ()
