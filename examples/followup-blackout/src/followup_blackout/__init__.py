"""BLK001: no follow-up on the company's blackout days.

A worked example of a followup plugin: one frozen attrs class with
validated parameters, a `plan` that moves steps in the place phase with the
toolkit the built-in rules use (`followup.moved_step`), and a `check` that
flags a user's own schedule; registered under the entry-point group
``followup.rules``.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, ClassVar, final

import attrs

from followup import (
    Finding,
    InvalidTypeError,
    InvalidValueError,
    Phase,
    Severity,
    StepKind,
    moved_step,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from followup import Draft, DraftStep, Facts, Step

__all__ = ["BlackoutDays", "BlackoutParams"]

# Calls and letters wait out a blackout; the thank-you and the close of the
# call are tied to the interview itself.
MOVABLE = frozenset({StepKind.FOLLOW_UP, StepKind.CALL, StepKind.CALL_BACK})


def _days(values: object) -> tuple[dt.date, ...]:
    if isinstance(values, (str, dt.date)):
        values = (values,)
    if not isinstance(values, (list, tuple, set, frozenset)):
        raise InvalidTypeError("BlackoutParams.days", values, "a list of dates")
    days = set()
    for value in values:
        if isinstance(value, dt.datetime):
            raise InvalidTypeError("BlackoutParams.days", value, "dates, not datetimes")
        if isinstance(value, dt.date):
            days.add(value)
        elif isinstance(value, str):
            try:
                days.add(dt.date.fromisoformat(value))
            except ValueError:
                raise InvalidValueError(
                    "BlackoutParams.days", value, "is not a date such as 2026-12-24"
                ) from None
        else:
            raise InvalidTypeError("BlackoutParams.days", value, "a date (YYYY-MM-DD)")
    return tuple(sorted(days))


@final
@attrs.frozen
class BlackoutParams:
    """`days`: the company's blackout dates (``2026-12-24``), none by default."""

    days: tuple[dt.date, ...] = attrs.field(default=(), converter=_days)


@final
@attrs.frozen
class BlackoutDays:
    """Move follow-ups and calls off the company's blackout days.

    A follow-up, call or call-back due on a blackout day (on the
    recipient's calendar) moves to the start of the next day that is not
    blacked out; working time (FU011) then places it in that day's working
    hours, or later.  Both act in the place phase, which repeats until
    neither moves anything, so steps land at the same times whatever their
    order: a step that working time pushes onto another blackout day moves
    on again.  A step at a time agreed with the company stays where it was
    agreed.
    """

    code: ClassVar[str] = "BLK001"
    name: ClassVar[str] = "blackout-days"
    summary: ClassVar[str] = (
        "Move follow-ups and calls off the company's blackout days."
    )
    advice: ClassVar[tuple[str, ...]] = ("BLK:company-blackout-days",)
    phase: ClassVar[Phase] = Phase.PLACE
    params: BlackoutParams = attrs.field(factory=BlackoutParams)

    def plan(self, draft: Draft) -> Draft:
        """Move every movable step that is due on a blackout day."""
        for step in draft.steps:
            moved = self._moved(draft.facts, step)
            if moved is not step:
                draft = draft.replacing(step, moved)
        return draft

    def check(self, facts: Facts, steps: tuple[Step, ...]) -> Iterator[Finding]:
        """Flag steps due on a blackout day."""
        for step in steps:
            day = facts.local(step.due).date()
            if self._movable(step) and day in self.params.days:
                yield Finding(
                    self.code,
                    Severity.WARNING,
                    f"the {step.label} is due on a blackout day of the company",
                    step=step,
                    expected="a day that is not blacked out",
                    actual=day.isoformat(),
                )

    # `plan` sees the draft's steps and `check` the plan's: a helper of
    # both takes either.
    @staticmethod
    def _movable(step: Step | DraftStep) -> bool:
        return step.kind in MOVABLE and not step.agreed

    def _moved(self, facts: Facts, step: DraftStep) -> DraftStep:
        blacked_out = facts.local(step.due).date()
        if not self._movable(step) or blacked_out not in self.params.days:
            return step
        day = blacked_out + dt.timedelta(days=1)
        while day in self.params.days:
            day += dt.timedelta(days=1)
        free = facts.start_of(day)
        why = f"Moved off {blacked_out.isoformat()}, a blackout day (BLK001)."
        if step.window.contains(free):
            # The rest of the window still holds free days: keep its end.
            return moved_step(step, facts, start=free, by=self.code, why=why)
        return moved_step(step, facts, at=free, by=self.code, why=why)
