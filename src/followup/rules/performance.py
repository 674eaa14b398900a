"""FU005: whether to follow up depends on how the interview went (A6)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, final

import attrs

from followup._fields import enum_member
from followup._plan import Finding, Step
from followup._rule import Phase
from followup._sheet import worked, works_on_sheet
from followup._vocabulary import Performance, Severity, StepKind
from followup.rules._shared import (
    agreement_open,
    dropped_by_another_rule,
    honours_agreement,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from followup._draft import Draft
    from followup._facts import Facts
    from followup._sheet import Sheet

__all__ = ["FollowUpOnPerformance", "PerformanceParams"]

#: The steps that follow up, as opposed to thanking.
_FOLLOWING_UP = frozenset({StepKind.FOLLOW_UP, StepKind.CALL, StepKind.CALL_BACK})


def _threshold(value: object) -> Performance:
    performance = enum_member(Performance, value, "PerformanceParams.threshold")
    # UNKNOWN ranks with ADEQUATE; as a threshold it would only confuse.
    return Performance.ADEQUATE if performance is Performance.UNKNOWN else performance


@final
@attrs.frozen
class PerformanceParams:
    """`threshold`: the least performance that is followed up.

    `ADEQUATE` by default, so a `WEAK` interview gets the thank-you alone;
    `WEAK` follows up every interview; `STRONG` only the strong ones.
    An `UNKNOWN` performance counts as `ADEQUATE`.
    """

    threshold: Performance = attrs.field(
        default=Performance.ADEQUATE, converter=_threshold
    )


@final
@works_on_sheet
@attrs.frozen
class FollowUpOnPerformance:
    """Drop the follow-up and the calls when the interview went below the threshold.

    The advice makes the decision to follow up depend on how the candidate
    did in the interview (A6).  Below the threshold the plan keeps the
    thank-you (always courteous) and a call-back whose time the company
    agreed to (it asked for the call, A11), and says, as an INFO finding,
    why nothing more is planned.  At or above it, a missing follow-up or
    call is flagged.
    """

    code: ClassVar[str] = "FU005"
    name: ClassVar[str] = "follow-up-on-performance"
    summary: ClassVar[str] = (
        "Follow up only an interview that went at least adequately; a weak one "
        "gets the thank-you alone."
    )
    advice: ClassVar[tuple[str, ...]] = ("A6",)
    phase: ClassVar[Phase] = Phase.DROP
    params: PerformanceParams = attrs.field(factory=PerformanceParams)

    def follows_up(self, facts: Facts) -> bool:
        """Whether the interview's performance reaches the threshold."""
        return facts.interview.performance.rank >= self.params.threshold.rank

    def plan(self, draft: Draft) -> Draft:
        """Drop the follow-up steps of an interview below the threshold."""
        return worked(self._work, draft)

    def _work(self, sheet: Sheet) -> None:
        facts = sheet.facts
        if self.follows_up(facts) or facts.decision is not None:
            return
        agreed = agreement_open(facts)
        sheet.drop(
            *(
                entry
                for entry in sheet.of_kind(*_FOLLOWING_UP)
                if not (agreed and entry.kind is StepKind.CALL_BACK)
            )
        )
        # What is left, as the history has it: a call that agreed a time
        # covers the thank-you, and one may have gone out already.
        kept = [
            part
            for part, left in (
                ("the thank-you", facts.needs(StepKind.THANK_YOU)),
                ("the call-back agreed", agreed),
            )
            if left
        ]
        planned = (
            f"only {' and '.join(kept)} {'are' if len(kept) > 1 else 'is'} planned"
            if kept
            else "no follow-up or call is planned"
        )
        sheet.note(
            Finding(
                self.code,
                Severity.INFO,
                f"the interview went {facts.interview.performance.value}, below "
                f"{self.params.threshold.value}: {planned}, "
                "since following up depends on how the interview went (A6)",
                expected=f"performance {self.params.threshold.value} or better",
                actual=facts.interview.performance.value,
            )
        )

    def check(self, facts: Facts, steps: tuple[Step, ...]) -> Iterator[Finding]:
        """Flag follow-ups after a weak interview, and missing ones after a good one."""
        if facts.decision is not None:
            return
        present = {step.kind for step in steps}
        if not self.follows_up(facts):
            # The call-back the company agreed to is no following up of one's
            # own: it was asked for (A11).
            extra = sorted(
                {
                    step.kind.value
                    for step in steps
                    if step.kind in _FOLLOWING_UP and not honours_agreement(facts, step)
                }
            )
            if extra:
                yield Finding(
                    self.code,
                    Severity.WARNING,
                    f"the interview went {facts.interview.performance.value}: "
                    "following up depends on how it went (A6)",
                    expected="the thank-you alone",
                    actual=", ".join(extra),
                )
            return
        for kind in (StepKind.FOLLOW_UP, StepKind.CALL):
            if (
                facts.needs(kind)
                and kind not in present
                and not dropped_by_another_rule(facts, kind)
            ):
                yield Finding(
                    self.code,
                    Severity.WARNING,
                    f"no {kind.value} is planned, though the interview's "
                    f"performance ({facts.interview.performance.value}) calls for one "
                    "(A6)",
                    expected=f"a {kind.value}",
                    actual="none",
                )
