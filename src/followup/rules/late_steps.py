"""FU010: a step whose window has passed is still planned: late beats never."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, final

import attrs

from followup._plan import Finding, Step, own_finding
from followup._rule import Phase
from followup._sheet import worked, works_on_sheet
from followup._time import instant_key
from followup._vocabulary import Severity, StepKind
from followup.rules._shared import (
    NoParams,
    held_until,
    made_already,
    moved_as_days,
    when,
    window_closed,
)
from followup.rules.waiting import WaitForThem, hold_reason, holds_of

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterator

    from followup._draft import Draft
    from followup._facts import Facts
    from followup._sheet import Entry, Sheet

__all__ = ["LateStepsStillPlanned"]

#: The letters an event of the history sends (calls are many: FU008's).
_DONE_BY_EVENTS = frozenset({StepKind.THANK_YOU, StepKind.FOLLOW_UP})


@final
@works_on_sheet
@attrs.frozen
class LateStepsStillPlanned:
    """Move past steps to ``now`` and say they are late.

    A step whose window closed before ``now`` is still planned (a late
    thank-you beats none): its window moves to start at ``now`` with its
    original length, and a WARNING says it is late.  A step whose window is
    open at ``now`` keeps its end and starts at ``now``, so nothing is ever
    due in the past; that trim is not recorded in ``adjusted_by``, which
    lists the rules that moved a step.  A step at an agreed time is never in
    the past when the rule that agreed it proposes it; if another rule moved
    it there, it is late like any other.  A step the history holds past its
    window (FU013: the interviewer away, a day they will decide by, a pause)
    is not late: it goes where the hold puts it, moved whole to the hold's
    end as FU013 moves it, with FU013's reason and code (from now on, once
    the hold is over); once that window too has passed, it is late, and its
    reason and warning tell the hold and the held window's close.
    """

    code: ClassVar[str] = "FU010"
    name: ClassVar[str] = "late-steps-still-planned"
    summary: ClassVar[str] = (
        "Plan a step whose window has passed from now on, with a warning that "
        "it is late."
    )
    advice: ClassVar[tuple[str, ...]] = ()
    phase: ClassVar[Phase] = Phase.PLACE
    params: NoParams = attrs.field(factory=NoParams)

    def plan(self, draft: Draft) -> Draft:
        """Move every step that starts before now to start at now."""
        return worked(self._work, draft)

    def _work(self, sheet: Sheet) -> None:
        facts = sheet.facts
        now = facts.now_utc
        for entry in sheet.steps:
            if entry.start >= now:
                continue
            if entry.end < now:
                window = (entry.start, entry.end)
                held = held_until(facts, entry.kind, window, now)
                if held is not None:
                    self._held(sheet, entry, held)
                    continue
                over = held_until(facts, entry.kind, window, entry.end)
                if over is not None:
                    # A hold put the step past its window, and the window it
                    # put it in has passed too: late from there, the hold
                    # told, and the close it missed the held window's (not
                    # the first one's, a day the hold said to wait past).
                    sheet.move(
                        entry,
                        start=over,
                        end=moved_as_days(facts, window, over),
                        due=over,
                        by=WaitForThem.code,
                        why=hold_reason(facts, entry.kind, over),
                    )
                closed = window_closed(facts, entry.start, entry.end)
                sheet.move(
                    entry,
                    start=now,
                    end=moved_as_days(facts, (entry.start, entry.end), now),
                    due=now,
                    by=self.code,
                    why=f"Late: its window closed at {closed}, so "
                    "it is planned from now on.",
                )
                sheet.note(
                    own_finding(
                        self.code,
                        Severity.WARNING,
                        f"the {entry.label} is late: better late than never",
                        expected=f"by {closed}",
                        # What is true at now: where the step goes out is the
                        # placing rules' to say (FU011 may move it on).
                        actual=f"still to do at {facts.days.described(now)}",
                    ),
                    about=entry,
                )
            else:
                held = None if entry.agreed else _held_whole(facts, entry)
                if held is not None:
                    # A hold ends after the window does: FU013 would move it
                    # whole, but the part left after a cut, whose length
                    # follows the day of the plan (Fri 18 planned on the 3rd,
                    # Mon 14 on the 7th).  Moved whole, as FU013 moves it.
                    self._held(sheet, entry, held)
                    continue
                # Cutting off the part of a window that has passed is not a
                # move: the step keeps its reason and its provenance, so a
                # replan later on tells the same story as the first plan.
                sheet.move(entry, start=now, by=None)

    @staticmethod
    def _held(sheet: Sheet, entry: Entry, ends: dt.datetime) -> None:
        # The history held the step past its window (the interviewer away, a
        # day the company named, a pause) until `ends`: no lateness.  The
        # window is where the hold puts it, as FU013 moves a step planned
        # before a hold ends, with FU013's reason and code: moved whole to
        # the hold's end, as days, and from now on once the hold is over.
        # (Moved to now first, FU013 would cut it at the hold's end, and
        # its reach would follow the day the plan was made.)
        facts = sheet.facts
        window = (entry.start, entry.end)
        sheet.move(
            entry,
            start=max(ends, facts.now_utc),
            end=max(moved_as_days(facts, window, ends), facts.now_utc),
            due=max(ends, facts.now_utc),
            by=WaitForThem.code,
            why=hold_reason(facts, entry.kind, ends),
        )

    def check(self, facts: Facts, steps: tuple[Step, ...]) -> Iterator[Finding]:
        """Flag steps whose window closed before now."""
        now_key = instant_key(facts.now)
        for step in steps:
            # A step the history has done (or made moot) is to be removed,
            # as its own rule says, not moved.
            if (
                step.kind in _DONE_BY_EVENTS and facts.covered_by(step.kind)
            ) or made_already(facts, step) is not None:
                continue
            if instant_key(step.window.end) < now_key:
                yield Finding(
                    self.code,
                    Severity.WARNING,
                    f"the {step.label}'s window closed before now: move it",
                    step=step,
                    expected=f"a window still open at {when(facts.now)}",
                    actual=f"closed at {when(facts.local(step.window.end))}",
                )


def _held_whole(facts: Facts, entry: Entry) -> dt.datetime | None:
    """The end (UTC) of a hold that the open window is over by, or None.

    Of such holds of the step's kind (FU013's), the one that ends last; the
    window is open at now, so the hold ends after now too.
    """
    if not facts.history:
        return None
    ends = [
        hold.moment
        for hold in holds_of(facts)
        if entry.kind in hold.kinds and hold.moment >= entry.end
    ]
    return max(ends, default=None)
