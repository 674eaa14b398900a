"""BLK001: no follow-up on the company's blackout days.

A worked example of a followup plugin: one frozen attrs class with
validated parameters, a `plan` that moves steps, and a `check` that flags a
schedule, registered under the entry-point group ``followup.rules``.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, ClassVar, final

import attrs

from followup import (
    Draft,
    Facts,
    Finding,
    InvalidTypeError,
    InvalidValueError,
    Severity,
    Step,
    StepKind,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

__all__ = ["BlackoutDays", "BlackoutParams"]

# Calls and letters wait out a blackout; the thank-you and the close of the
# call are tied to the interview itself.
MOVABLE = frozenset({StepKind.FOLLOW_UP, StepKind.CALL, StepKind.CALL_BACK})
SEARCH_DAYS = 366


def _days(values: Iterable[object]) -> tuple[dt.date, ...]:
    if isinstance(values, (str, dt.date)):
        values = (values,)
    days = []
    for value in values:
        if isinstance(value, dt.datetime):
            raise InvalidTypeError("BlackoutParams.days", value, "dates, not datetimes")
        if isinstance(value, dt.date):
            days.append(value)
        elif isinstance(value, str):
            try:
                days.append(dt.date.fromisoformat(value))
            except ValueError:
                raise InvalidValueError(
                    "BlackoutParams.days", value, "is not a date such as 2026-12-24"
                ) from None
        else:
            raise InvalidTypeError("BlackoutParams.days", value, "a date (YYYY-MM-DD)")
    return tuple(sorted(set(days)))


def _weekdays(values: Iterable[object]) -> tuple[int, ...]:
    days = tuple(sorted(set(values)))  # type: ignore[type-var]
    if not days or not all(isinstance(d, int) and 0 <= d <= 6 for d in days):
        raise InvalidValueError(
            "BlackoutParams.weekdays", values, "needs weekdays 0 (Monday) to 6"
        )
    return days  # type: ignore[return-value]


@final
@attrs.frozen
class BlackoutParams:
    """`days`: the blackout dates; `weekdays`: the days steps may move to."""

    days: tuple[dt.date, ...] = attrs.field(default=(), converter=_days)
    weekdays: tuple[int, ...] = attrs.field(
        default=(0, 1, 2, 3, 4), converter=_weekdays
    )


@final
@attrs.frozen
class BlackoutDays:
    """Move follow-ups and calls off the company's blackout days.

    A follow-up, call or call-back due on a blackout day (on the
    recipient's calendar) moves by whole days to the next allowed weekday
    that is neither blacked out nor a public holiday where the interviewer
    is, keeping its time of day and its window's length.  A step at an
    agreed time stays where it was agreed.
    """

    code: ClassVar[str] = "BLK001"
    name: ClassVar[str] = "blackout-days"
    summary: ClassVar[str] = (
        "Move follow-ups and calls off the company's blackout days."
    )
    advice: ClassVar[tuple[str, ...]] = ()
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
            if step.kind in MOVABLE and not step.agreed and day in self.params.days:
                yield Finding(
                    self.code,
                    Severity.WARNING,
                    f"the {step.label} is due on a blackout day of the company",
                    step=step,
                    expected="a day that is not blacked out",
                    actual=day.isoformat(),
                )

    def _moved(self, facts: Facts, step: Step) -> Step:
        if step.kind not in MOVABLE or step.agreed:
            return step
        due = facts.local(step.due)
        shift = 0
        day = due.date()
        while (
            day in self.params.days
            or day.weekday() not in self.params.weekdays
            or facts.is_public_holiday(day)
        ):
            shift += 1
            day += dt.timedelta(days=1)
            if shift > SEARCH_DAYS:
                return step
        if shift == 0:
            return step
        # Whole days on the wall clock: 10:00 stays 10:00 across a DST change.
        return Step(
            step.kind,
            step.channel,
            _shifted_window(facts, step, shift),
            _wall_shift(facts, step.due, shift),
            rule=step.rule,
            reason=f"{step.reason} Moved {shift} day(s) to {day.isoformat()}: "
            "the company has a blackout day (BLK001).",
            requirements=step.requirements,
            advice=step.advice,
            number=step.number,
            agreed=step.agreed,
            adjusted_by=(*step.adjusted_by, self.code),
        )


def _wall_shift(facts: Facts, moment: Any, days: int) -> dt.datetime:
    here = facts.local(moment)
    return (
        dt.datetime.combine(
            here.date() + dt.timedelta(days=days), here.time(), tzinfo=facts.zone
        )
        .astimezone(dt.timezone.utc)
        .astimezone(facts.zone)
    )


def _shifted_window(facts: Facts, step: Step, days: int) -> Any:
    from followup import Window  # noqa: PLC0415

    start = _wall_shift(facts, step.window.start, days)
    end = _wall_shift(facts, step.window.end, days)
    return Window(start, max(end, start, _wall_shift(facts, step.due, days)))
