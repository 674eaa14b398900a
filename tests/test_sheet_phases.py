"""A rule of one's own reads the phase it is applied in from its draft."""

from __future__ import annotations

from typing import ClassVar

import attrs

from followup import (
    Channel,
    Interview,
    NoParams,
    Phase,
    RuleSet,
    StepKind,
    new_step,
    plan_followups,
)
from own_steps import AT, ny

SEEN: list[Phase] = []


@attrs.frozen
class TwoPhases:
    """Proposes a step in the propose phase; in the place phase only looks."""

    code: ClassVar[str] = "OWN003"
    name: ClassVar[str] = "two-phases"
    summary: ClassVar[str] = "Proposes a step, then leaves it be."
    advice: ClassVar[tuple[str, ...]] = ("OWN:anything",)
    phase: ClassVar[tuple[Phase, ...]] = (Phase.PROPOSE, Phase.PLACE)
    params: NoParams = attrs.field(factory=NoParams)

    def plan(self, draft):
        SEEN.append(draft.phase)
        if draft.phase is not Phase.PROPOSE:
            return draft
        step = new_step(
            draft.facts,
            StepKind.OTHER,
            Channel.OTHER,
            (ny("2026-11-24T10:00"), ny("2026-11-24T11:00")),
            rule=self.code,
            reason="Mine.",
            kind_name="my-step",
            channel_name="my-channel",
        )
        return draft.proposing(step)

    def check(self, facts, steps):
        return ()


def test_a_rule_in_the_place_phase_gets_a_draft_of_the_place_phase() -> None:
    # Nothing changes between the rule's propose and place phases, so the
    # sheet's last draft is still current, but for its phase.  (Mutant:
    # Sheet.draft ignores the phase and hands back the propose-phase draft:
    # the rule proposes its step a second time.)
    SEEN.clear()
    plan = plan_followups(
        Interview("Ada Lovelace", "Acme", AT), rules=RuleSet((TwoPhases(),))
    )
    assert SEEN == [Phase.PROPOSE, Phase.PLACE]
    assert [step.kind for step in plan.steps] == [StepKind.OTHER]
