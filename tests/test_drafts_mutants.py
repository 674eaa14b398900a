"""A `Draft` as a rule sees it: what each method keeps, replaces and refuses.

`tests/test_draft_steps.py` follows steps through whole plans; here each
method of a draft is held to its result on a small draft, and each refusal
to its whole message, which is what the author of a rule reads.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

import attrs
import pytest

from followup import (
    DEFAULT_RULES,
    Draft,
    DraftStep,
    Facts,
    Finding,
    Interview,
    InvalidTypeError,
    InvalidValueError,
    NoParams,
    Phase,
    Severity,
    Step,
    Window,
    new_step,
    plan_followups,
)
from followup._draft import draft_step

if TYPE_CHECKING:
    from collections.abc import Callable

AT = "2026-11-23T10:00:00-05:00[America/New_York]"
FACTS = Facts.gather(Interview("Ada", "Acme", AT))
# Tuesday and Wednesday in working hours, where no built-in rule moves a step.
TUESDAY = "2026-11-24T10:00:00-05:00"
WEDNESDAY = "2026-11-25T10:00:00-05:00"

# Every field away from its default, so that a field lost on the way shows.
POSTCARD = Step(
    "other",
    "other",
    Window(TUESDAY, "2026-11-24T12:00:00-05:00"),
    "2026-11-24T11:00:00-05:00",
    rule="PST001",
    reason="A card.",
    advice=("PST:card",),
    number=2,
    agreed=True,
    kind_name="postcard",
    channel_name="mail-drop",
)


@attrs.frozen
class Postcard:
    """Proposes `POSTCARD`, a public `Step`, as rules before draft steps do."""

    code: ClassVar[str] = "PST001"
    name: ClassVar[str] = "postcard"
    summary: ClassVar[str] = "Proposes a postcard."
    advice: ClassVar[tuple[str, ...]] = ()
    params: NoParams = attrs.field(factory=NoParams)

    def plan(self, draft: Draft) -> Draft:
        return draft.proposing(POSTCARD)

    def check(self, facts: Facts, steps: tuple[Step, ...]) -> tuple[Finding, ...]:
        return ()


def _call(at: str = TUESDAY, number: int = 1) -> DraftStep:
    return new_step(
        FACTS, "call", "phone", (at, at), rule="ME1", reason="r", number=number
    )


def _public(at: str = WEDNESDAY) -> Step:
    return Step("call", "phone", Window(at, at), at, rule="ME1", reason="r")


def _about(step: DraftStep | Step | None, message: str = "noted") -> Finding:
    return Finding("ME1", Severity.INFO, message, step=step)


def test_a_plan_keeps_every_field_of_a_step_a_rule_proposed() -> None:
    rules = DEFAULT_RULES.extend(Postcard())
    plan = plan_followups(Interview("Ada", "Acme", AT), rules=rules)
    (mine,) = [s for s in plan.steps if s.rule == "PST001"]
    assert mine == POSTCARD
    ends = (mine.window.start, mine.due, mine.window.end)
    assert [t.timezone_name for t in ends] == ["America/New_York"] * 3


def test_proposing_takes_a_public_step_in_as_a_draft_step() -> None:
    first = _call()
    draft = Draft(FACTS).proposing(first, _public())
    assert draft.steps == (first, draft_step(_public()))
    assert all(type(step) is DraftStep for step in draft.steps)


@pytest.mark.parametrize(
    ("act", "message"),
    [
        (
            lambda d: d.proposing(_call(), "a call"),
            "proposing[1]: expected a DraftStep or Step, got str 'a call'",
        ),
        (
            lambda d: d.dropping(_call(), "a call"),
            "dropping[1]: expected a step of the draft, got str 'a call'",
        ),
        (
            lambda d: d.replacing(d.steps[0], "a call"),
            "replacing[0]: expected a DraftStep or Step, got str 'a call'",
        ),
        (
            lambda d: d.noting(_about(None), "late"),
            "noting[1]: expected a Finding, got str 'late'",
        ),
    ],
)
def test_a_draft_refuses_a_value_of_the_wrong_type_by_its_place(
    act: Callable[[Draft], Draft], message: str
) -> None:
    draft = Draft(FACTS, steps=(_call(),))
    with pytest.raises(InvalidTypeError) as caught:
        act(draft)
    assert str(caught.value) == message


def test_proposing_after_the_propose_phase_names_the_steps_and_the_phase() -> None:
    draft = Draft(FACTS, phase=Phase.DROP)
    with pytest.raises(InvalidValueError) as caught:
        draft.proposing(_call(), _call(WEDNESDAY, number=2))
    assert str(caught.value) == (
        "proposing: 'call, call #2' comes in the drop phase; steps are proposed "
        "in the propose phase, so that every later rule governs them"
    )


@pytest.mark.parametrize("phase", list(Phase))
def test_proposing_nothing_is_the_draft_itself_in_any_phase(phase: Phase) -> None:
    # Nothing escapes the later rules; it raised with an empty label ('').
    draft = Draft(FACTS, steps=(_call(),), phase=phase)
    assert draft.proposing() is draft
    assert draft.proposing(*()) is draft


@pytest.mark.parametrize("others", [(), (_about(None, "general"),)])
def test_replacing_moves_the_findings_about_the_old_step_alone(
    others: tuple[Finding, ...],
) -> None:
    old = _call()
    draft = Draft(FACTS, steps=(old,), findings=(_about(old), *others))
    after = draft.replacing(old, _public())
    (new,) = after.steps
    assert type(new) is DraftStep
    assert new == draft_step(_public())
    assert after.findings == (_about(new), *others)


def test_replacing_a_step_the_draft_does_not_hold_is_refused() -> None:
    draft = Draft(FACTS, steps=(_call(),))
    with pytest.raises(InvalidValueError) as caught:
        draft.replacing(_call(WEDNESDAY, number=2), _public())
    assert str(caught.value) == "replacing: 'call #2' is not a step of this draft"


def test_a_finding_about_a_public_step_the_draft_does_not_hold_is_kept() -> None:
    finding = _about(_public())
    assert Draft(FACTS).noting(finding).findings == (finding,)


def test_dropping_keeps_the_findings_about_the_other_steps() -> None:
    gone, kept = _call(), _call(WEDNESDAY)
    general = _about(None, "general")
    draft = Draft(
        FACTS, steps=(gone, kept), findings=(_about(gone), _about(kept), general)
    )
    dropped = draft.dropping(gone)
    assert dropped.steps == (kept,)
    assert dropped.findings == (_about(kept), general)
