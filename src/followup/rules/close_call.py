"""FU001: end the call on a positive note and ask for contact details (A1, A2)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, ClassVar, final

import attrs

from followup._plan import Finding, Requirements, Step
from followup._rule import Phase
from followup._sheet import worked, works_on_sheet
from followup._time import instant_key
from followup._trusted import assemble
from followup._vocabulary import Channel, Severity, StepKind
from followup.rules._params import whole
from followup.rules._shared import (
    dropped_by_another_rule,
    in_words,
    missing_details,
    when,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from followup._draft import Draft
    from followup._facts import Facts
    from followup._sheet import Entry, Sheet

__all__ = ["CloseCallParams", "CloseOnPositiveNote"]

_UTC = dt.timezone.utc


@final
@attrs.frozen
class CloseCallParams:
    """`minutes_before_end`: how long before the end of the call to start closing."""

    minutes_before_end: int = attrs.field(default=5, validator=whole(1, 60))


@final
@works_on_sheet
@attrs.frozen
class CloseOnPositiveNote:
    """Plan the close of the call while it is still going on.

    The advice is to end the call on a positive note by thanking the
    interviewer for the opportunity (A1), and to ask, before hanging up, for
    the interviewer's name, phone number and email address (A2).  The step
    covers the last minutes of the call and is planned only while the call
    has not ended at ``now``.  In the place phase it keeps every close of
    the call, whoever proposed it, in those last minutes, and drops it once
    the call has ended.
    """

    code: ClassVar[str] = "FU001"
    name: ClassVar[str] = "close-on-a-positive-note"
    summary: ClassVar[str] = (
        "While the call lasts, plan its close: thank the interviewer and ask "
        "for the contact details still missing."
    )
    advice: ClassVar[tuple[str, ...]] = ("A1", "A2")
    phase: ClassVar[tuple[Phase, ...]] = (Phase.PROPOSE, Phase.PLACE)
    params: CloseCallParams = attrs.field(factory=CloseCallParams)

    def window(self, facts: Facts) -> tuple[dt.datetime, dt.datetime]:
        """The last minutes of the call that are still to come."""
        first, _ = self._span(facts)
        return facts.local(first), facts.call_ends

    def _span(self, facts: Facts) -> tuple[dt.datetime, dt.datetime]:
        # The window in UTC, where the sheet keeps times: worked out once a
        # plan, asked again in each round of the place phase.
        return facts.derived(id(self), lambda: self._utc_window(facts))

    def _utc_window(self, facts: Facts) -> tuple[dt.datetime, dt.datetime]:
        lead = dt.timedelta(minutes=self.params.minutes_before_end)
        # The latest of the three, compared as instants.
        start = max(
            facts.call_ends_utc - lead, facts.now_utc, facts.start.astimezone(_UTC)
        )
        return start, facts.call_ends_utc

    def plan(self, draft: Draft) -> Draft:
        """Propose the close of the call; keep every close of the call in it."""
        return worked(self._work, draft)

    def _work(self, sheet: Sheet) -> None:
        facts = sheet.facts
        ended = facts.now_utc >= facts.call_ends_utc
        if sheet.phase is Phase.PLACE:
            closes = sheet.of_kind(StepKind.CLOSE_CALL)
            if ended:
                if closes:
                    sheet.drop(*closes)
                return
            self._keep_in_call(sheet, closes)
            return
        if ended:
            return
        sheet.propose(
            StepKind.CLOSE_CALL,
            Channel.PHONE,
            self._span(facts),
            rule=self.code,
            reason=(
                "End the call on a positive note by thanking the interviewer "
                "for the opportunity (A1), and ask for the contact details a "
                "follow-up needs (A2)."
            ),
            advice=self.advice,
            requirements=assemble(Requirements, talking_points=_talking_points(facts)),
        )

    def _keep_in_call(self, sheet: Sheet, closes: list[Entry]) -> None:
        # Entries' times are in UTC: so are the bounds, to compare as instants.
        first, last = self._span(sheet.facts)
        for entry in closes:
            if entry.agreed or first <= entry.due <= last:
                continue
            sheet.move(
                entry,
                start=first,
                end=last,
                due=first,
                by=self.code,
                why="Moved into the last minutes of the call (A1, A2).",
            )

    def check(self, facts: Facts, steps: tuple[Step, ...]) -> Iterator[Finding]:
        """Flag a close-of-call step that falls outside the call."""
        begins, ends = instant_key(facts.interview.at), instant_key(facts.call_ends)
        for step in steps:
            if step.kind is StepKind.CLOSE_CALL and not (
                begins <= instant_key(step.due) <= ends
            ):
                yield Finding(
                    self.code,
                    Severity.ERROR,
                    "the close of the call is planned outside the call (A1)",
                    step=step,
                    expected=f"between {when(facts.start)} and {when(facts.call_ends)}",
                    actual=when(facts.local(step.due)),
                )
        under_way = (
            facts.start.astimezone(_UTC) < facts.now_utc < facts.call_ends_utc
            and facts.decision is None
        )
        if (
            under_way
            and not any(step.kind is StepKind.CLOSE_CALL for step in steps)
            and not dropped_by_another_rule(facts, StepKind.CLOSE_CALL)
        ):
            # While the call is under way, its close is the one chance to ask
            # for the details every later step needs (A2).  Checked as of its
            # start (a schedule of one's own, by default), a plan may leave
            # the close to the person on the phone.
            first, last = self._span(facts)
            yield Finding(
                self.code,
                Severity.WARNING,
                "the close of the call is not planned: end it on a positive note "
                "and ask for the contact details (A1, A2)",
                expected=(
                    f"a close of the call between {when(facts.local(first))} and "
                    f"{when(facts.local(last))}"
                ),
                actual="none",
            )


def _talking_points(facts: Facts) -> tuple[str, ...]:
    points = ["thank the interviewer for the opportunity (A1)"]
    missing = missing_details(facts)
    if missing:
        points.append(f"ask for the interviewer's {in_words(missing)} (A2)")
    else:
        points.append("confirm the interviewer's name, phone number and email (A2)")
    return tuple(points)
