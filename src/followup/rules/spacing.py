"""FU012: the steps keep the advice's order and spacing, late or not (A5, A10)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, ClassVar, NamedTuple, final

import attrs

from followup._plan import Finding, Step
from followup._rule import Phase
from followup._sheet import Entry, worked, works_on_sheet
from followup._time import utc
from followup._vocabulary import EventKind, Severity, StepKind
from followup.rules._params import whole
from followup.rules._shared import keeps_agreed_time, skipped_days, when

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from followup._draft import Draft
    from followup._facts import Facts
    from followup._sheet import Sheet

__all__ = ["SpacingParams", "StepsInOrder"]

# The steps spaced, in the order their gaps are counted.
_SPACED = (StepKind.FOLLOW_UP, StepKind.CALL)


class _Gap(NamedTuple):
    """A step waits until `earliest`: `after` (words) the `label` step; `why`."""

    earliest: dt.datetime
    label: str
    after: str
    why: str


_SENT = {
    StepKind.THANK_YOU: EventKind.THANK_YOU_SENT,
    StepKind.FOLLOW_UP: EventKind.FOLLOW_UP_SENT,
}

# Bound once for `_lasts`, which runs over every step several times a plan:
# a member looked up on its enum takes ten times as long on Python 3.10 and
# 3.11 (about 60 ns).
_THANK_YOU, _FOLLOW_UP = StepKind.THANK_YOU, StepKind.FOLLOW_UP


@final
@attrs.frozen
class SpacingParams:
    """How far apart the messages and the first call stay.

    * `follow_up_after`: business days from the thank-you (planned or sent)
      to the follow-up (1): the follow-up starts no earlier than the next
      business day, so the two letters never arrive together;
    * `call_after`: business days from the follow-up (planned or sent; the
      thank-you when no follow-up is) to the first call (2): the recipient
      has time to answer the letter before the phone rings.

    Counted on the recipient's working calendar (see FU011).  In a plan made
    on time these change nothing (the follow-up comes 2 to 3 business days
    after the interview, the call a week after it); they matter when steps
    are late, or when holidays or closures push the follow-up towards the
    call.
    """

    follow_up_after: int = attrs.field(default=1, validator=whole(0, 30))
    call_after: int = attrs.field(default=2, validator=whole(0, 30))


@final
@works_on_sheet
@attrs.frozen
class StepsInOrder:
    """Keep the thank-you, the follow-up and the call in order, and apart.

    The advice orders the steps and spaces them: the thank-you right after
    the call (A3), the follow-up days later (A5), the call after a week or
    two (A10).  A plan made late, or one that holidays squeeze, would
    otherwise put them on one instant: everything overdue is due now.  This
    rule moves the follow-up to no earlier than `follow_up_after` business
    days after the thank-you and the first call to no earlier than
    `call_after` business days after the follow-up, whether those were sent
    already or are still planned, and says why in the step's reason.  It
    acts in the place phase and moves steps only later, so that it agrees
    with the rules that keep steps late, in working time and apart (FU008
    spaces calls from one another).  A call-back at an agreed time keeps it.
    """

    code: ClassVar[str] = "FU012"
    name: ClassVar[str] = "steps-in-order-and-apart"
    summary: ClassVar[str] = (
        "Keep the follow-up a business day after the thank-you and the first "
        "call two business days after the follow-up, however late the plan."
    )
    advice: ClassVar[tuple[str, ...]] = ("A5", "A10")
    phase: ClassVar[Phase] = Phase.PLACE
    params: SpacingParams = attrs.field(factory=SpacingParams)

    def plan(self, draft: Draft) -> Draft:
        """Move the follow-up after the thank-you, and the call after both."""
        return worked(self._work, draft)

    def _work(self, sheet: Sheet) -> None:
        facts = sheet.facts
        kinds = {entry.kind for entry in sheet.steps}
        if StepKind.FOLLOW_UP not in kinds and StepKind.CALL not in kinds:
            return
        thanked, written = _lasts(facts, sheet.steps)
        if StepKind.FOLLOW_UP in kinds:
            follow_up = self._gap(facts, StepKind.FOLLOW_UP, thanked, written)
            if follow_up is not None:
                before = sheet.changes
                sheet.none_before(
                    StepKind.FOLLOW_UP,
                    follow_up.earliest,
                    by=self.code,
                    why=follow_up.why,
                )
                if sheet.changes != before:
                    # The call counts from the follow-up where it is now.
                    thanked, written = _lasts(facts, sheet.steps)
        if StepKind.CALL in kinds:
            call = self._gap(facts, StepKind.CALL, thanked, written)
            if call is not None:
                sheet.none_before(
                    StepKind.CALL, call.earliest, by=self.code, why=call.why
                )

    def check(self, facts: Facts, steps: tuple[Step, ...]) -> Iterator[Finding]:
        """Flag a follow-up or a call planned too soon after what comes before it."""
        thanked, written = _lasts(facts, steps)
        for kind in _SPACED:
            gap = self._gap(facts, kind, thanked, written)
            if gap is None:
                continue
            for step in steps:
                if (
                    step.kind is kind
                    and not keeps_agreed_time(facts, step)
                    and utc(step.due) < gap.earliest
                ):
                    yield Finding(
                        self.code,
                        Severity.WARNING,
                        f"the {step.label} comes sooner than {gap.after} the "
                        f"{gap.label}",
                        step=step,
                        expected=f"on or after {when(facts.local(gap.earliest))}",
                        actual=when(facts.local(step.due)),
                    )

    def _gap(
        self,
        facts: Facts,
        kind: StepKind,
        thanked: dt.datetime | None,
        written: dt.datetime | None,
    ) -> _Gap | None:
        """How soon a step of `kind` may come, and after what; None: any time.

        `thanked` and `written` are when the last thank-you and follow-up go
        out (`_lasts`).
        """
        if kind is StepKind.FOLLOW_UP:
            before, label = thanked, "thank-you"
            days = self.params.follow_up_after
            purpose = "so that the two letters do not arrive together (A5)"
        else:
            before, label = (
                (written, "follow-up")
                if written is not None
                else (thanked, "thank-you")
            )
            days = self.params.call_after
            purpose = "so that the letter can be answered before the phone rings (A10)"
        if before is None:
            return None
        # The place phase asks again after every move of another rule, mostly
        # about steps that stayed where they were, or on the same day (a gap
        # counted in days depends on the day of `before` alone): the answer
        # is kept.
        found: dict[tuple[StepKind, str, object], _Gap] = facts.derived(
            (id(self), "gaps"), dict
        )
        # Asked again about the same instant (a step no rule moved since),
        # the answer is at hand without finding its day.
        asked = (kind, label, before)
        gap = found.get(asked)
        if gap is not None:
            return gap
        calendar = facts.days
        # `before` is in UTC (see `_lasts`).
        since = before.astimezone(calendar.zone).date() if days else before
        key = (kind, label, since)
        gap = found.get(key)
        if gap is None:
            after = _after(days)
            if days:
                # `days` business days after that day, from its start.
                landing = calendar.after(since, days)
                earliest = utc(calendar.start(landing))
                skipped = skipped_days(facts, since + _ONE_DAY, landing)
            else:
                # None at all means "not before `before` itself".
                earliest, skipped = before, ""
            gap = found[key] = _Gap(
                earliest,
                label,
                after,
                f"Moved to {after} the {label}{skipped}, {purpose}.",
            )
        found[asked] = gap
        return gap


_ONE_DAY = dt.timedelta(days=1)


def _after(days: int) -> str:
    if days == 0:
        return "right after"
    return "a business day after" if days == 1 else f"{days} business days after"


def _lasts(
    facts: Facts, steps: Iterable[Step | Entry]
) -> tuple[dt.datetime | None, dt.datetime | None]:
    """When the last thank-you and the last follow-up go out: planned, or sent."""
    thanked, written = (
        facts.derived(
            _last_sent,
            lambda: (
                _last_sent(facts, StepKind.THANK_YOU),
                _last_sent(facts, StepKind.FOLLOW_UP),
            ),
        )
        if facts.history
        else (None, None)
    )
    for step in steps:
        kind = step.kind
        if kind is _THANK_YOU or kind is _FOLLOW_UP:
            # UTC datetimes all (an entry's are already): they compare as
            # instants.
            due = step.due if type(step) is Entry else utc(step.due)
            if kind is _THANK_YOU:
                if thanked is None or due > thanked:
                    thanked = due
            elif written is None or due > written:
                written = due
    return thanked, written


def _last_sent(facts: Facts, kind: StepKind) -> dt.datetime | None:
    sent = _SENT[kind]
    return max(
        (utc(event.at) for event in facts.history if event.kind is sent),
        default=None,
    )
