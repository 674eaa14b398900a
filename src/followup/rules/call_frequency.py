"""FU008: do not call frequently: calls a week apart, three at most (A14)."""

from __future__ import annotations

import datetime as dt
import itertools
import operator
from typing import TYPE_CHECKING, ClassVar, final

import attrs

from followup._plan import Finding, Step, step_order
from followup._rule import Phase
from followup._sheet import worked, works_on_sheet
from followup._time import instant_key, utc
from followup._vocabulary import Severity, StepKind
from followup.rules._params import whole
from followup.rules._shared import (
    agreed_by_its_rule,
    counted,
    honours_agreement,
    made_already,
    when,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from followup._draft import Draft
    from followup._facts import Facts
    from followup._sheet import Entry, Sheet

__all__ = ["CallSpacingParams", "CallSparingly"]

_CALLS = (StepKind.CALL, StepKind.CALL_BACK)
_due = operator.attrgetter("due")


@final
@attrs.frozen
class CallSpacingParams:
    """How many calls, and how far apart.

    `max_calls`: calls in all, made and planned (3); `min_days_between`:
    calendar days from one call to the next (7).  A call-back at a time the
    company agreed to is exempt from both.
    """

    max_calls: int = attrs.field(default=3, validator=whole(1, 20))
    min_days_between: int = attrs.field(default=7, validator=whole(0, 60))


@final
@works_on_sheet
@attrs.frozen
class CallSparingly:
    """Keep calls apart and few.

    The advice warns against calling frequently (A14).  This rule drops the
    calls planned beyond `max_calls` (counting the calls already made) and
    moves a call planned sooner than `min_days_between` days after the last
    one.  A call-back at a time the company agreed to is kept (A11).  It
    acts in the place phase, on every call whoever proposed it, and moves
    calls only later, so that it agrees with working time.
    """

    code: ClassVar[str] = "FU008"
    name: ClassVar[str] = "do-not-call-frequently"
    summary: ClassVar[str] = (
        "Keep calls at least a week apart and at most three in all, unless a "
        "time to call back was agreed."
    )
    advice: ClassVar[tuple[str, ...]] = ("A14",)
    phase: ClassVar[Phase] = Phase.PLACE
    params: CallSpacingParams = attrs.field(factory=CallSpacingParams)

    def plan(self, draft: Draft) -> Draft:
        """Drop the calls beyond the limit and space the rest out."""
        return worked(self._work, draft)

    def _work(self, sheet: Sheet) -> None:
        facts = sheet.facts
        # Entries' times are in UTC: they sort as instants as they are.
        planned = sorted(sheet.of_kind(*_CALLS), key=_due)
        allowed = max(self.params.max_calls - len(facts.calls), 0)
        # A call-back at a time the company agreed to is kept, and counts
        # toward no limit: the company asked for it (A11).
        counting = [entry for entry in planned if not self._exempt(facts, entry)]
        if len(counting) > allowed:
            sheet.drop(*counting[allowed:])
            sheet.note(
                Finding(
                    self.code,
                    Severity.INFO,
                    f"{counted(len(facts.calls), 'call')} made: no more calls are "
                    "planned, since calling often does not help (A14)",
                    expected=f"at most {counted(self.params.max_calls, 'call')}",
                    # Those made and those the rules proposed, which the
                    # plan does not hold: "3 calls made" beside "got 4
                    # calls" read as a miscount, and "1 more planned" as a
                    # call the plan holds.
                    actual=(
                        f"{counted(len(facts.calls), 'call')} made and "
                        f"{len(counting)} more proposed"
                    ),
                )
            )
            dropped = set(map(id, counting[allowed:]))
            planned = [entry for entry in planned if id(entry) not in dropped]
        previous: dt.datetime | None = facts.last_call.at if facts.last_call else None
        for entry in planned:
            if previous is not None and not self._exempt(facts, entry):
                earliest = self._earliest_after(facts, previous)
                opens = utc(earliest)
                if entry.start < opens <= entry.due:
                    # Due late enough already (a rule of someone else's may
                    # make such a call): only its window opens too soon, and
                    # the call moves only later, never earlier.
                    sheet.move(
                        entry,
                        start=opens,
                        by=self.code,
                        why=f"Its window opens {when(earliest)} so that calls "
                        f"stay {self._apart()} apart (A14).",
                    )
                elif entry.start < opens:
                    sheet.move(
                        entry,
                        at=opens,
                        by=self.code,
                        why=f"Moved to {when(earliest)} so that calls stay "
                        f"{self._apart()} apart (A14).",
                    )
            # The next call counts from this one, where it is now.
            previous = entry.due

    def _apart(self) -> str:
        return counted(self.params.min_days_between, "day")

    def _earliest_after(self, facts: Facts, call: dt.datetime) -> dt.datetime:
        day = facts.local(call).date() + dt.timedelta(days=self.params.min_days_between)
        return facts.start_of(day)

    @staticmethod
    def _exempt(facts: Facts, step: Entry) -> bool:
        # The call-back after a call that agreed a time honours the
        # agreement, even one planned late because the agreed time has
        # passed; another call-back beside it (a plugin's second) is spaced
        # as any call, as the check holds it (`_exempt_in_check`).
        return step.agreed or (
            step.kind is StepKind.CALL_BACK
            and step.number == len(facts.calls)
            and facts.agreed_call_back is not None
        )

    @staticmethod
    def _exempt_in_check(facts: Facts, step: Step) -> bool:
        # Of a plan's steps, only the call-back the history agreed is exempt
        # (not one an edit marked `agreed`, nor a second call-back beside
        # it), and a step another rule proposed as agreed, as in planning.
        return honours_agreement(facts, step) or agreed_by_its_rule(facts, step)

    def check(self, facts: Facts, steps: tuple[Step, ...]) -> Iterator[Finding]:
        """Flag too many calls, and calls closer than the minimum."""
        # Calls at one instant in one order, however they were given: the
        # exempt first, so that any other is checked against them.
        # A call the history says was made is the made one, not another:
        # FU006 and FU007 ask for its removal.
        planned = sorted(
            (s for s in steps if s.kind in _CALLS and made_already(facts, s) is None),
            key=lambda s: (
                instant_key(s.due),
                not self._exempt_in_check(facts, s),
                step_order(s),
            ),
        )
        # A call-back at the time the company agreed to counts toward no limit.
        counting = [s for s in planned if not self._exempt_in_check(facts, s)]
        total = len(facts.calls) + len(counting)
        if total > self.params.max_calls:
            yield Finding(
                self.code,
                # Calls already made cannot be unmade: only planned ones err.
                Severity.ERROR if counting else Severity.WARNING,
                "too many calls: calling often does not help (A14)",
                expected=f"at most {counted(self.params.max_calls, 'call')}",
                actual=f"{total} calls ({len(facts.calls)} made)",
            )
        yield from self._spacing(facts, planned)

    def _spacing(self, facts: Facts, planned: list[Step]) -> Iterator[Finding]:
        moments: list[tuple[dt.datetime, bool, Step | None]] = []
        agreed_before = False
        for event in facts.calls:
            moments.append((event.at, agreed_before, None))
            agreed_before = event.call_back_at is not None
        moments.extend(
            (step.due, self._exempt_in_check(facts, step), step) for step in planned
        )
        for (before, _, _), (after, exempt, step) in itertools.pairwise(moments):
            if exempt:
                continue
            earliest = self._earliest_after(facts, before)
            if instant_key(after) < instant_key(earliest):
                yield Finding(
                    self.code,
                    Severity.ERROR if step else Severity.WARNING,
                    f"two calls less than {self._apart()} apart: do not call "
                    "frequently (A14)",
                    step=step,
                    expected=f"on or after {when(earliest)}",
                    actual=when(facts.local(after)),
                )
