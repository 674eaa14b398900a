"""The place phase stops once every other rule has agreed with the last move."""

from __future__ import annotations

from typing import ClassVar

import attrs

from followup import Interview, NoParams, Phase, RuleSet, moved_step, plan_followups
from own_steps import AT, Proposer, ny

NOON = ny("2026-11-24T12:00")


@attrs.frozen
class Placer:
    """A placing rule: moves steps of its own to noon (`moves`), or only looks."""

    code: ClassVar[str] = "OWN004"
    name: ClassVar[str] = "placer"
    summary: ClassVar[str] = "Moves its steps to noon."
    advice: ClassVar[tuple[str, ...]] = ("OWN:anything",)
    phase: ClassVar[Phase] = Phase.PLACE
    params: NoParams = attrs.field(factory=NoParams)
    label: str = "mover"
    moves: bool = True
    log: list = attrs.field(factory=list, eq=False)

    def plan(self, draft):
        self.log.append(self.label)
        if not self.moves:
            return draft
        for step in draft.steps:
            if step.window.start != NOON:
                draft = draft.replacing(
                    step, moved_step(step, draft.facts, at=NOON, by=self.code)
                )
        return draft

    def check(self, facts, steps):
        return ()


@attrs.frozen
class Looker:
    code: ClassVar[str] = "OWN005"
    name: ClassVar[str] = "looker"
    summary: ClassVar[str] = "Only looks."
    advice: ClassVar[tuple[str, ...]] = ("OWN:anything",)
    phase: ClassVar[Phase] = Phase.PLACE
    params: NoParams = attrs.field(factory=NoParams)
    log: list = attrs.field(factory=list, eq=False)

    def plan(self, draft):
        self.log.append("looker")
        return draft

    def check(self, facts, steps):
        return ()


def test_after_a_move_the_mover_is_not_asked_again_once_the_others_agree() -> None:
    # A placing rule is idempotent: once every other rule has run without a
    # change since its move, the phase is settled.  (Mutant: `quiet >= count`
    # in `_settle` asks the mover once more, a round of work for nothing.)
    log: list[str] = []
    proposer = Proposer(
        steps=(((ny("2026-11-24T10:00"), ny("2026-11-24T11:00")), None, 1, False),)
    )
    rules = RuleSet((proposer, Placer(log=log), Looker(log=log)))
    plan = plan_followups(Interview("Ada Lovelace", "Acme", AT), rules=rules)
    assert plan.steps[0].due == NOON
    assert log == ["mover", "looker"]
