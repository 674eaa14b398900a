"""FU001: end the call on a positive note and ask for contact details (A1, A2)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, ClassVar, final

import attrs

from followup.datetimes import instant_key, utc
from followup.plan import Channel, Finding, Requirements, Severity, Step, StepKind
from followup.rules.params import whole
from followup.rules.windows import in_words, later, make_step, when
from followup.trusted import assemble

if TYPE_CHECKING:
    from collections.abc import Iterator

    from followup.draft import Draft
    from followup.facts import Facts

__all__ = ["CloseCallParams", "CloseOnPositiveNote"]


@final
@attrs.frozen
class CloseCallParams:
    """`minutes_before_end`: how long before the end of the call to start closing."""

    minutes_before_end: int = attrs.field(default=5, validator=whole(1, 60))


@final
@attrs.frozen
class CloseOnPositiveNote:
    """Plan the close of the call while it is still going on.

    The advice is to end the call on a positive note by thanking the
    interviewer for the opportunity (A1), and to ask, before hanging up, for
    the interviewer's name, phone number and email address (A2).  The step
    covers the last minutes of the call and is planned only while the call
    has not ended at ``now``.
    """

    code: ClassVar[str] = "FU001"
    name: ClassVar[str] = "close-on-a-positive-note"
    summary: ClassVar[str] = (
        "While the call lasts, plan its close: thank the interviewer and ask "
        "for the contact details still missing."
    )
    advice: ClassVar[tuple[str, ...]] = ("A1", "A2")
    params: CloseCallParams = attrs.field(factory=CloseCallParams)

    def plan(self, draft: Draft) -> Draft:
        """Propose the close-of-call step if the call has not ended."""
        facts = draft.facts
        if utc(facts.now) >= utc(facts.call_ends):
            return draft
        lead = dt.timedelta(minutes=self.params.minutes_before_end)
        start = later(
            later(facts.local(utc(facts.call_ends) - lead), facts.now), facts.start
        )
        return draft.proposing(
            make_step(
                facts,
                StepKind.CLOSE_CALL,
                Channel.PHONE,
                (start, facts.call_ends),
                rule=self.code,
                reason=(
                    "End the call on a positive note by thanking the interviewer "
                    "for the opportunity (A1), and ask for the contact details a "
                    "follow-up needs (A2)."
                ),
                advice=self.advice,
                requirements=assemble(
                    Requirements, talking_points=_talking_points(facts)
                ),
            )
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


def _talking_points(facts: Facts) -> tuple[str, ...]:
    points = ["thank the interviewer for the opportunity (A1)"]
    missing = missing_details(facts)
    if missing:
        points.append(f"ask for the interviewer's {in_words(missing)} (A2)")
    else:
        points.append("confirm the interviewer's name, phone number and email (A2)")
    return tuple(points)


_DETAILS = {"name": "name", "phone": "phone number", "email": "email address"}


def missing_details(
    facts: Facts, wanted: tuple[str, ...] = tuple(_DETAILS)
) -> list[str]:
    """The contact details a follow-up needs that the interview does not hold."""
    contact = facts.interview.interviewer
    if contact is None:
        return [_DETAILS[key] for key in wanted]
    return [_DETAILS[key] for key in wanted if getattr(contact, key) is None]
