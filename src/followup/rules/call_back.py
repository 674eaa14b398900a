"""FU007: when the company has not decided, call back as agreed (A11)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, ClassVar, final

import attrs

from followup._fields import MOST_STEPS
from followup._plan import Finding, Requirements, Step, own_finding, step_order
from followup._rule import Phase
from followup._sheet import worked, works_on_sheet
from followup._time import describe_day, instant_key, utc
from followup._trusted import assemble
from followup._vocabulary import Channel, EventKind, Outcome, Severity, StepKind
from followup.rules._params import call_minutes, check_order, whole
from followup.rules._shared import (
    AGREED_MINUTES,
    MOST_AGREED,
    called_again,
    day_window,
    days_span,
    dropped_by_another_rule,
    hold_ends,
    keeps_agreed_time,
    when,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from followup._draft import Draft
    from followup._facts import Facts
    from followup._sheet import Sheet

__all__ = ["CallBackAsAgreed", "CallBackParams"]


@final
@attrs.frozen
class CallBackParams:
    """When to call back after a call that brought no decision.

    * `earliest_days`, `latest_days`: with no time agreed, the window in
      calendar days after the last call (7 to 14);
    * `agreed_minutes`: the window around an agreed time (15 minutes from it);
    * `call_minutes`: the length of the call (3 to 4 minutes, A13).
    """

    earliest_days: int = attrs.field(default=7, validator=whole(1, 90))
    latest_days: int = attrs.field(default=14, validator=whole(1, 90))
    agreed_minutes: int = attrs.field(
        default=AGREED_MINUTES,
        validator=whole(1, MOST_AGREED // dt.timedelta(minutes=1)),
    )
    call_minutes: tuple[int, int] = attrs.field(default=(3, 4), converter=call_minutes)

    def __attrs_post_init__(self) -> None:
        check_order(self, "earliest_days", "latest_days")


@final
@works_on_sheet
@attrs.frozen
class CallBackAsAgreed:
    """Plan the next call after a call that left the company undecided.

    When the company has not decided yet, the advice is to agree a time to
    call back (A11).  An agreed time is kept exactly as agreed, outside
    working time if that is what was agreed, for `agreed_minutes` from it;
    an agreed time whose slot has passed is planned at the next working
    time, with a warning.  One that an absence, a pause, or a reply naming
    the day of decision (to the business day after it), recorded after the
    call, covers is kept with a warning to confirm it (the interviewer away
    until Friday, the call-back agreed for Tuesday).  With no time
    agreed (or no answer), the call-back waits `earliest_days` to
    `latest_days`.  How often and how many times to call is rule FU008's
    business (A14).
    """

    code: ClassVar[str] = "FU007"
    name: ClassVar[str] = "call-back-as-agreed"
    summary: ClassVar[str] = (
        "After a call that brought no decision, call back at the agreed time, "
        "or a week or two later."
    )
    advice: ClassVar[tuple[str, ...]] = ("A10", "A11", "A13")
    phase: ClassVar[Phase] = Phase.PROPOSE
    params: CallBackParams = attrs.field(factory=CallBackParams)

    def plan(self, draft: Draft) -> Draft:
        """Propose the next call-back, if the last call left things open."""
        return worked(self._work, draft)

    def _work(self, sheet: Sheet) -> None:
        facts = sheet.facts
        last = facts.last_call
        if last is None or not facts.waiting_on_company:
            return
        if len(facts.calls) > MOST_STEPS:
            # Call-back #1000 could not be written (a step's number is at
            # most 999), and a thousand calls are far past the advice (A14).
            return
        agreed = facts.agreed_call_back
        params = self.params
        low, high = params.call_minutes
        points = [
            f"say you are still interested in {facts.interview.company} (A10)",
            "ask whether they have decided (A10)",
            "if they have not, agree the next time to call (A11)",
        ]
        keep_agreed = agreed is not None and self._open_at(agreed, facts.now)
        if agreed is not None and keep_agreed:
            window = (agreed, facts.local(utc(agreed) + self._slack))
            reason = (
                f"The company had not decided and you agreed to call back at "
                f"{when(agreed)} (A11): keep the time as agreed; {low} to {high} "
                "minutes (A13)."
            )
        elif agreed is not None:
            window = (facts.now, facts.local(utc(facts.now) + dt.timedelta(days=1)))
            reason = (
                f"The call-back agreed for {when(agreed)} has passed (A11): call at "
                f"the next working time; {low} to {high} minutes (A13)."
            )
        else:
            window = day_window(
                facts,
                facts.local(last.at).date(),
                params.earliest_days,
                params.latest_days,
                business=False,
            )
            what = (
                "nobody answered"
                if last.call_outcome is Outcome.NO_ANSWER
                else "the company had not decided and no time was agreed"
            )
            reason = (
                f"On the last call {what}: call back "
                f"{days_span(params.earliest_days, params.latest_days, 'day')} "
                f"later (A11); {low} to {high} minutes (A13)."
            )
        entry = sheet.propose(
            StepKind.CALL_BACK,
            Channel.PHONE,
            window,
            rule=self.code,
            reason=reason,
            advice=self.advice,
            requirements=assemble(
                Requirements,
                must_mention=(facts.interview.candidate,),
                call_minutes=params.call_minutes,
                talking_points=tuple(points),
            ),
            number=len(facts.calls),
            agreed=keep_agreed,
        )
        if agreed is not None and keep_agreed:
            away = _agreed_while_away(facts, agreed)
            if away is not None:
                sheet.note(away, about=entry)
        if agreed is not None and not keep_agreed:
            sheet.note(
                Finding(
                    self.code,
                    Severity.WARNING,
                    "the agreed call-back time has passed: call at the next working "
                    "time (A11)",
                    expected=f"a call at {when(agreed)}",
                    actual="no call yet",
                ),
                about=entry,
            )

    @property
    def _slack(self) -> dt.timedelta:
        return dt.timedelta(minutes=self.params.agreed_minutes)

    def _open_at(self, agreed: dt.datetime, now: dt.datetime) -> bool:
        """Whether the slot agreed for the call-back is still open at `now`.

        A call a few minutes after the agreed time is still the call agreed
        (A11): the step is late, and planned again at the next working
        time, only once its slot has closed, as any step is once its window
        has.
        """
        return instant_key(agreed) + self._slack >= instant_key(now)

    def check(self, facts: Facts, steps: tuple[Step, ...]) -> Iterator[Finding]:
        """Flag a call-back made already, or an agreed one not planned at its time."""
        agreed = facts.agreed_call_back
        # In plan order, however the steps were given: the finding names them.
        backs = sorted(
            (step for step in steps if step.kind is StepKind.CALL_BACK), key=step_order
        )
        for step in backs:
            again = called_again(self.code, facts, step, "A14")
            if again is not None:
                yield again
        if agreed is not None and self._open_at(agreed, facts.now):
            away = _agreed_while_away(facts, agreed)
            kept = [step for step in backs if keeps_agreed_time(facts, step)]
            if away is not None and kept:
                yield attrs.evolve(away, step=kept[0])
        if (
            not facts.waiting_on_company
            or agreed is None
            or not self._open_at(agreed, facts.now)
            # No call-back past #999 is planned (see `_work`).
            or len(facts.calls) > MOST_STEPS
        ):
            return
        end = instant_key(agreed) + self._slack
        on_time = any(
            instant_key(agreed) <= instant_key(step.due) <= end for step in backs
        )
        if not on_time and (
            backs or not dropped_by_another_rule(facts, StepKind.CALL_BACK)
        ):
            yield Finding(
                self.code,
                Severity.WARNING,
                "the call-back is not planned at the time agreed with the company "
                "(A11)",
                expected=f"a call-back at {when(agreed)}",
                actual=", ".join(when(facts.local(s.due)) for s in backs) or "none",
            )


#: What keeps the interviewer, or you, from the call at the agreed time, as
#: the warning says it, with the day the event names (``{day}``).
_AWAY_OR_PAUSED = {
    EventKind.AWAY: "while the interviewer is away, until {day}",
    EventKind.PAUSED: "while you pause, until {day}",
    EventKind.REPLIED: (
        "before they can have told you (they wrote they would decide by {day})"
    ),
}


def _agreed_while_away(facts: Facts, agreed: dt.datetime) -> Finding | None:
    """A warning for a call-back agreed at a time a hold covers.

    The time agreed with the company is kept (A11), but an out-of-office,
    a pause, or a reply naming the day of decision, recorded after the call
    that agreed it, makes it doubtful when it comes before the hold ends
    (for a reply, the business day after that day, as FU013 holds a call):
    the candidate should confirm it.  None when no such hold covers it.
    """
    last = facts.last_call
    if last is None:
        return None
    at = instant_key(agreed)
    for kind, what in _AWAY_OR_PAUSED.items():
        day = facts.until(kind)
        event = next((e for e in reversed(facts.history) if e.kind is kind), None)
        if day is None or event is None or instant_key(event.at) < instant_key(last.at):
            continue
        # Where FU013 holds a call to: for a reply, the business day after.
        back = hold_ends(facts, kind) or day
        if instant_key(event.at) <= at < instant_key(facts.start_of(back)):
            return own_finding(
                CallBackAsAgreed.code,
                Severity.WARNING,
                f"the call-back agreed for {when(agreed)} falls "
                f"{what.format(day=describe_day(day, year=True))}: confirm the "
                "time (A11)",
                expected=f"a call-back on or after {describe_day(back, year=True)}",
                actual=when(agreed),
            )
    return None
