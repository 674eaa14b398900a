"""FU006: no word after 1 to 2 weeks? Phone the interviewer (A10, A12, A13)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, final

import attrs

from followup._fields import enum_member
from followup._plan import Finding, Requirements, Step
from followup._rule import Phase
from followup._sheet import worked, works_on_sheet
from followup._time import instant_key
from followup._trusted import assemble
from followup._vocabulary import Channel, Severity, StepKind
from followup.rules._params import DayCount, call_minutes, check_order, whole
from followup.rules._shared import (
    called_again,
    counted,
    days_span,
    days_window,
    held_past,
    when,
)

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterator

    from followup._draft import Draft
    from followup._facts import Facts
    from followup._sheet import Sheet

__all__ = ["CallAfterWeeks", "CallParams"]


def _call_params_days(value: object) -> DayCount:
    return enum_member(DayCount, value, "CallParams.days")


@final
@attrs.frozen
class CallParams:
    """When the first call is due and how long it lasts.

    `earliest_days` and `latest_days` (7 and 14: one to two weeks, A10) are
    counted as `days`, calendar days by default since weeks are weeks;
    `call_minutes` is the length of the call (3 to 4 minutes, A13).
    """

    earliest_days: int = attrs.field(default=7, validator=whole(1, 90))
    latest_days: int = attrs.field(default=14, validator=whole(1, 90))
    days: DayCount = attrs.field(
        default=DayCount.CALENDAR,
        converter=_call_params_days,
    )
    call_minutes: tuple[int, int] = attrs.field(default=(3, 4), converter=call_minutes)

    def __attrs_post_init__(self) -> None:
        check_order(self, "earliest_days", "latest_days")


@final
@works_on_sheet
@attrs.frozen
class CallAfterWeeks:
    """Plan a short phone call one to two weeks after the interview.

    With still no word after one to two weeks, the advice is to phone the
    interviewer, speak of one's interest and ask about the decision (A10).
    A call reaches a busy recruiter better than one more email (A12), and
    3 to 4 minutes are enough (A13).
    """

    code: ClassVar[str] = "FU006"
    name: ClassVar[str] = "call-after-one-to-two-weeks"
    summary: ClassVar[str] = (
        "With no word after one to two weeks, phone the interviewer for 3 to 4 "
        "minutes: interest, and the decision."
    )
    advice: ClassVar[tuple[str, ...]] = ("A10", "A12", "A13")
    phase: ClassVar[Phase] = Phase.PROPOSE
    params: CallParams = attrs.field(factory=CallParams)

    def window(self, facts: Facts) -> tuple[dt.datetime, dt.datetime]:
        """From the start of the earliest day to the end of the latest."""
        return facts.derived(id(self), lambda: days_window(facts, self.params))

    def plan(self, draft: Draft) -> Draft:
        """Propose the call unless a call has been made or a decision heard."""
        return worked(self._work, draft)

    def _work(self, sheet: Sheet) -> None:
        facts = sheet.facts
        if not facts.needs(StepKind.CALL):
            return
        low, high = self.params.call_minutes
        requirements = assemble(
            Requirements,
            must_mention=(facts.interview.candidate,),
            call_minutes=self.params.call_minutes,
            talking_points=(
                f"say you are still interested in {facts.interview.company} (A10)",
                "ask whether they have decided (A10)",
                "if they have not, agree a time to call back (A11)",
            ),
        )
        sheet.propose(
            StepKind.CALL,
            Channel.PHONE,
            self.window(facts),
            rule=self.code,
            reason=(
                f"With no word {self._span()} after the interview, phone the "
                "interviewer about your interest and their decision (A10); a "
                "call reaches a busy recruiter better than another email (A12); "
                f"{low} to {high} minutes are enough (A13)."
            ),
            advice=self.advice,
            requirements=requirements,
        )

    def check(self, facts: Facts, steps: tuple[Step, ...]) -> Iterator[Finding]:
        """Flag a call made already; a first call too soon or late, or long."""
        start, end = self.window(facts)
        low, high = self.params.call_minutes
        for step in steps:
            if step.kind is not StepKind.CALL:
                continue
            again = called_again(self.code, facts, step, "A14")
            if again is not None:
                # Made: to be removed, not timed.
                yield again
                continue
            # Only the advice's call (this rule's, or the first) is timed
            # here; a second of another rule's (a plugin's) is that rule's
            # to time, and FU008 keeps calls apart.
            if step.number == 1 or step.rule == self.code:
                yield from self._timing(facts, step, (start, end))
            if step.channel is not Channel.PHONE:
                yield Finding(
                    self.code,
                    Severity.WARNING,
                    "a phone call reaches a busy recruiter better than a message (A12)",
                    step=step,
                    expected="phone",
                    actual=step.channel.value,
                )
            minutes = step.requirements.call_minutes
            if minutes is not None and minutes[1] > high:
                yield Finding(
                    self.code,
                    Severity.WARNING,
                    "the call is planned to run long (A13)",
                    step=step,
                    expected=f"{low}-{high} minutes",
                    actual=f"{minutes[0]}-{minutes[1]} minutes",
                )

    def _latest(self) -> str:
        # The latest day of the first call, as the parameters count it.
        params = self.params
        days, calendar = params.latest_days, params.days is DayCount.CALENDAR
        if calendar and days % 7 == 0:
            return counted(days // 7, "week")
        return counted(days, "day" if calendar else "business day")

    def _timing(
        self, facts: Facts, step: Step, window: tuple[dt.datetime, dt.datetime]
    ) -> Iterator[Finding]:
        start, end = window
        if instant_key(step.due) < instant_key(start):
            yield Finding(
                self.code,
                Severity.WARNING,
                f"the call comes before {self._wait()} passed: give the "
                "company time to decide (A10)",
                step=step,
                expected=f"on or after {when(start)}",
                actual=when(facts.local(step.due)),
            )
        elif instant_key(step.due) > instant_key(end) and not held_past(
            facts, step.kind, window, step.due
        ):
            # Late beats never, as for a late follow-up: a warning.
            yield Finding(
                self.code,
                Severity.WARNING,
                f"the call comes later than {self._latest()} after the interview (A10)",
                step=step,
                expected=f"by {when(end)}",
                actual=when(facts.local(step.due)),
            )

    def _wait(self) -> str:
        # The wait before the first call, as the parameters count it.
        params = self.params
        days, calendar = params.earliest_days, params.days is DayCount.CALENDAR
        if calendar and days == 7:
            return "a week has"
        unit = "day" if calendar else "business day"
        return f"{counted(days, unit)} {'has' if days == 1 else 'have'}"

    def _span(self) -> str:
        # When the call is due, in the advice's words for the default.
        params = self.params
        calendar = params.days is DayCount.CALENDAR
        if calendar and (params.earliest_days, params.latest_days) == (7, 14):
            return "one to two weeks"
        unit = "day" if calendar else "business day"
        return days_span(params.earliest_days, params.latest_days, unit)
