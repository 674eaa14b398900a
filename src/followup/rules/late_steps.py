"""FU010: a step whose window has passed is still planned: late beats never."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, final

import attrs

from followup.datetimes import instant_key, to_pendulum
from followup.plan import Finding, Severity, Step, Window
from followup.rules.decision import NoParams
from followup.rules.windows import when
from followup.trusted import assemble, replaced

if TYPE_CHECKING:
    from collections.abc import Iterator

    from followup.draft import Draft
    from followup.facts import Facts

__all__ = ["LateStepsStillPlanned"]


@final
@attrs.frozen
class LateStepsStillPlanned:
    """Move past steps to ``now`` and say they are late.

    A step whose window closed before ``now`` is still planned (a late
    thank-you beats none): its window moves to start at ``now`` with its
    original length, and a WARNING says it is late.  A step whose window is
    open at ``now`` keeps its end and starts at ``now``, so nothing is ever
    due in the past; that trim is not recorded in ``adjusted_by``, which
    lists the rules that moved a step.  Steps at an agreed time are left to
    the rule that agreed them.
    """

    code: ClassVar[str] = "FU010"
    name: ClassVar[str] = "late-steps-still-planned"
    summary: ClassVar[str] = (
        "Plan a step whose window has passed from now on, with a warning that "
        "it is late."
    )
    advice: ClassVar[tuple[str, ...]] = ()
    params: NoParams = attrs.field(factory=NoParams)

    def plan(self, draft: Draft) -> Draft:
        """Move every step that starts before now to start at now."""
        now = draft.facts.now
        now_key = instant_key(now)
        for step in draft.steps:
            if step.agreed or instant_key(step.window.start) >= now_key:
                continue
            if instant_key(step.window.end) < now_key:
                moved = replaced(
                    step,
                    window=step.window.moved_to(now),
                    due=to_pendulum(now),
                    reason=f"{step.reason} Late: its window closed at "
                    f"{when(step.window.end)}, so it is planned from now on.",
                    adjusted_by=(*step.adjusted_by, self.code),
                )
                draft = draft.replacing(step, moved).noting(
                    Finding(
                        self.code,
                        Severity.WARNING,
                        f"the {step.label} is late: better late than never",
                        step=moved,
                        expected=f"by {when(step.window.end)}",
                        actual=f"from {when(now)}",
                    )
                )
            else:
                # Cutting off the part of a window that has passed is not a
                # move: the step keeps its reason and its provenance, so a
                # replan later on tells the same story as the first plan.
                start = to_pendulum(now)
                due = step.due if instant_key(step.due) >= now_key else start
                draft = draft.replacing(
                    step,
                    replaced(
                        step,
                        window=assemble(Window, start=start, end=step.window.end),
                        due=due,
                    ),
                )
        return draft

    def check(self, facts: Facts, steps: tuple[Step, ...]) -> Iterator[Finding]:
        """Flag steps whose window closed before now."""
        now_key = instant_key(facts.now)
        for step in steps:
            if instant_key(step.window.end) < now_key:
                yield Finding(
                    self.code,
                    Severity.WARNING,
                    f"the {step.label}'s window closed before now: move it",
                    step=step,
                    expected=f"a window still open at {when(facts.now)}",
                    actual=f"closed at {when(step.window.end)}",
                )
