"""FU013: wait while the interviewer is away, you pause, or a decision is due."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, ClassVar, NamedTuple, final

import attrs

from followup._plan import Finding, Step
from followup._rule import Phase
from followup._sheet import worked, works_on_sheet
from followup._time import describe_day, utc
from followup._vocabulary import EventKind, Severity, StepKind
from followup.rules._shared import (
    HELD,
    NoParams,
    hold_ends,
    keeps_agreed_time,
    skipped_days,
    when,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from followup._draft import Draft
    from followup._facts import Facts
    from followup._sheet import Sheet

__all__ = ["WaitForThem"]

# The steps that reach the interviewer: the close of the call and the
# thank-you belong to the interview itself and go out whatever comes later.


class _Hold(NamedTuple):
    """Steps of `kinds` wait until `moment`: `why` for a reason, `what` a finding."""

    kinds: frozenset[StepKind]
    moment: dt.datetime
    why: str
    what: str


def _day(day: dt.date) -> str:
    # Not "%a" and "%b": they follow the process's locale, set by any thread.
    return describe_day(day, year=True)


@final
@works_on_sheet
@attrs.frozen
class WaitForThem:
    """Hold the plan while the interviewer is away, you pause, or they decide.

    What the history says shifts the plan without ending it:

    * the interviewer is **away** until a day (an out-of-office): no
      follow-up or call is planned before that day starts;
    * you **pause** until a day: nothing at all is planned before it (the
      close of the call excepted);
    * the interviewer **replied** without a decision and named the day they
      will decide by: the call waits until the next business day after it,
      and is made once (A10) — the letter is moot after a reply.

    Days are the recipient's.  A time agreed with the company keeps it.
    This rule acts in the place phase and moves steps only later.
    """

    code: ClassVar[str] = "FU013"
    name: ClassVar[str] = "wait-while-away-paused-or-deciding"
    summary: ClassVar[str] = (
        "Plan no follow-up or call while the interviewer is away, while you "
        "pause, or before the day they said they would decide by."
    )
    advice: ClassVar[tuple[str, ...]] = ("A10",)
    phase: ClassVar[Phase] = Phase.PLACE
    params: NoParams = attrs.field(factory=NoParams)

    def plan(self, draft: Draft) -> Draft:
        """Move every held step to the end of its hold."""
        return worked(self._work, draft)

    def _work(self, sheet: Sheet) -> None:
        for hold in self.holds(sheet.facts):
            moment = utc(hold.moment)
            for kind in hold.kinds:
                sheet.none_before(kind, moment, by=self.code, why=hold.why)

    def check(self, facts: Facts, steps: tuple[Step, ...]) -> Iterator[Finding]:
        """Flag a step planned inside a hold."""
        for hold in self.holds(facts):
            for step in steps:
                if (
                    step.kind in hold.kinds
                    and not keeps_agreed_time(facts, step)
                    and utc(step.due) < hold.moment
                ):
                    yield Finding(
                        self.code,
                        Severity.WARNING,
                        f"the {step.label} is planned {hold.what}",
                        step=step,
                        expected=f"on or after {when(facts.local(hold.moment))}",
                        actual=when(facts.local(step.due)),
                    )

    def holds(self, facts: Facts) -> list[_Hold]:
        """What waits, until when and why, from the history."""
        if not facts.history:
            return []
        return facts.derived(id(self), lambda: self._holds(facts))

    @staticmethod
    def _holds(facts: Facts) -> list[_Hold]:
        return holds_of(facts)


def hold_reason(facts: Facts, kind: StepKind, moment: dt.datetime) -> str | None:
    """What FU013 says of a step of `kind` held until `moment` (UTC), if it holds one.

    FU010 says it of a step the hold excused once the hold is over, when
    FU013, which moves only what is planned before the hold ends, does not.
    """
    for hold in holds_of(facts):
        if kind in hold.kinds and hold.moment == moment:
            return hold.why
    return None


def holds_of(facts: Facts) -> list[_Hold]:
    """What waits, until when and why, from the history (see `WaitForThem`)."""
    holds: list[_Hold] = []
    back = facts.until(EventKind.AWAY)
    if back is not None:
        holds.append(
            _Hold(
                HELD[EventKind.AWAY],
                utc(facts.start_of(back)),
                f"Held until {_day(back)}: the interviewer is away until then.",
                "while the interviewer is away",
            )
        )
    resume = facts.until(EventKind.PAUSED)
    if resume is not None:
        holds.append(
            _Hold(
                HELD[EventKind.PAUSED],
                utc(facts.start_of(resume)),
                f"Held until {_day(resume)}: you paused the follow-up until then.",
                "while you pause",
            )
        )
    decide_by = facts.until(EventKind.REPLIED)
    after = hold_ends(facts, EventKind.REPLIED)
    if decide_by is not None and after is not None:
        skipped = skipped_days(facts, decide_by + dt.timedelta(days=1), after)
        holds.append(
            _Hold(
                HELD[EventKind.REPLIED],
                utc(facts.start_of(after)),
                f"Held until {_day(after)}{skipped}: they said they would "
                "decide by "
                f"{_day(decide_by)}; with no word by then, call once (A10).",
                f"before the decision they promised by {_day(decide_by)}",
            )
        )
    return holds
