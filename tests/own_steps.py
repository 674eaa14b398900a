"""A rule of one's own that proposes the steps it is given, and New York times.

For the tests that pin the sheet's and the built-in rules' edges with steps
a plugin would propose.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

import attrs

from followup import (
    Channel,
    Draft,
    DraftStep,
    DraftWindow,
    Finding,
    NoParams,
    Phase,
    Requirements,
    Severity,
    Step,
    StepKind,
    new_step,
)

__all__ = ["AT", "DEC_1", "HOUR", "NEW_YORK", "ByHand", "Proposer", "ny"]

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


DEC_1 = dt.datetime(2026, 12, 1, 14, tzinfo=dt.timezone.utc)
HOUR = dt.timedelta(hours=1)


@attrs.frozen
class ByHand:
    """Someone else's rule: proposes one step it builds itself, without new_step."""

    code: ClassVar[str] = "OWN009"
    name: ClassVar[str] = "by-hand"
    summary: ClassVar[str] = "Builds a step without new_step."
    advice: ClassVar[tuple[str, ...]] = ()
    phase: ClassVar[Phase] = Phase.PROPOSE
    params: NoParams = attrs.field(factory=NoParams)
    start: Any = DEC_1
    end: Any = DEC_1 + HOUR
    due: Any = DEC_1
    kind: StepKind = StepKind.CALL
    #: The rule the step says proposed it: this one unless told otherwise.
    claimed: str | None = None

    def plan(self, draft: Draft) -> Draft:
        step = DraftStep(
            kind=self.kind,
            channel=Channel.PHONE,
            window=DraftWindow(self.start, self.end),
            due=self.due,
            rule=self.claimed or self.code,
            reason="Built by hand.",
            requirements=Requirements(),
            # The plan's second step of its kind: FU006 proposes the first call.
            number=2,
        )
        return draft.proposing(step)

    def check(self, facts: object, steps: tuple[Step, ...]) -> tuple[()]:
        return ()
