"""The engine's two ways through a rule set make the same plans.

A set of built-in rules applies each rule's work straight to the sheet; a
set with a rule of someone else's asks, at every turn, whether the rule
works on the sheet or must be handed a draft, and checks what the others
proposed.  The first is the second without those questions, and must plan
alike: same steps, reasons, findings, and the same error when the rules
cannot agree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar
from unittest import mock

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

import followup._engine as engine
from followup import DEFAULT_RULES, Phase, RuleSet, plan_followups
from followup.errors import FollowUpError
from followup.example import example_interview
from followup.json import to_json
from followup.rules import NoParams
from followup.testing import situations

if TYPE_CHECKING:
    from collections.abc import Iterator

    from followup import Draft, Facts, Finding, Step
    from followup.testing import Situation

SETS = [
    DEFAULT_RULES,
    DEFAULT_RULES.ignore("FU011"),
    DEFAULT_RULES.ignore("FU012", "FU004"),
    DEFAULT_RULES.configure("FU011", weekdays=(1, 3)),
    DEFAULT_RULES.configure("FU012", call_after=0, follow_up_after=1),
]


def _planned(situation: Situation, rules: RuleSet) -> str:
    interview, history, now = situation
    try:
        return to_json(plan_followups(interview, history, now=now, rules=rules))
    except FollowUpError as error:
        return f"{type(error).__name__}: {error}"


@settings(max_examples=60, deadline=None)
@given(situation=situations(), rules=st.sampled_from(SETS))
def test_a_set_of_built_in_rules_plans_as_the_general_path_does(
    situation: Situation, rules: RuleSet
) -> None:
    assert engine._all_built_in(rules)  # noqa: SLF001 - the short way taken
    fast = _planned(situation, rules)
    with mock.patch.object(engine, "_all_built_in", return_value=False):
        general = _planned(situation, rules)
    assert fast == general


@attrs.frozen
class Quiet:
    """A rule of one's own that changes nothing: it has no work on the sheet."""

    code: ClassVar[str] = "QU001"
    name: ClassVar[str] = "quiet"
    summary: ClassVar[str] = "Change nothing."
    advice: ClassVar[tuple[str, ...]] = ()
    phase: ClassVar[Phase] = Phase.PLACE
    params: NoParams = attrs.field(factory=NoParams)

    def plan(self, draft: Draft) -> Draft:
        return draft

    def check(self, facts: Facts, steps: tuple[Step, ...]) -> Iterator[Finding]:
        return iter(())


def test_a_set_with_a_rule_of_someone_else_s_takes_the_general_path() -> None:
    mixed = DEFAULT_RULES.extend(Quiet())
    assert not engine._all_built_in(mixed)  # noqa: SLF001
    assert engine._all_built_in(DEFAULT_RULES)  # noqa: SLF001
    interview = example_interview()
    made, fast = plan_followups(interview, rules=mixed), plan_followups(interview)
    assert (made.steps, made.findings) == (fast.steps, fast.findings)
