"""A rule that builds its `DraftStep` itself is held to what `new_step` checks.

`new_step` and `moved_step` refuse a window that ends before it starts, a
due time outside its window and a window outside the instants a plan may
hold.  A rule of one's own may skip them and build a `DraftStep` by hand:
the engine checks each new step a rule returns, and names that rule, not
the built-in rule that would have tripped over the step later (or the JSON
reader that would have refused the plan).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest

from followup import (
    DEFAULT_RULES,
    Channel,
    Draft,
    Interview,
    InvalidTypeError,
    InvalidValueError,
    RuleError,
    StepKind,
    new_step,
    plan_followups,
)
from followup._engine import fold
from followup._facts import Facts
from own_steps import AT, DEC_1, HOUR, ByHand

UTC = dt.timezone.utc


def planned(rule: ByHand):
    return plan_followups(
        Interview("Ada", "Acme", AT), rules=DEFAULT_RULES.extend(rule)
    )


def test_a_step_built_by_hand_as_new_step_would_build_it_is_planned():
    plan = planned(ByHand())
    (step,) = [step for step in plan.steps if step.rule == "OWN009"]
    # A second call, which call spacing (FU008) moves a week after the first.
    assert step.reason.startswith("Built by hand.")
    assert step.adjusted_by == ("FU008", "FU011")


@pytest.mark.parametrize(
    ("rule", "problem"),
    [
        (
            ByHand(end=DEC_1 - HOUR),
            (
                "InvalidValueError: window: ('2026-12-01T14:00:00+00:00', "
                "'2026-12-01T13:00:00+00:00') ends before it starts (OWN009)"
            ),
        ),
        (
            # The step may name another rule; the one that returned it is blamed.
            ByHand(end=DEC_1 - HOUR, claimed="FU008"),
            (
                "InvalidValueError: window: ('2026-12-01T14:00:00+00:00', "
                "'2026-12-01T13:00:00+00:00') ends before it starts (OWN009)"
            ),
        ),
        (
            ByHand(due=DEC_1 + 2 * HOUR),
            (
                "InvalidValueError: due: '2026-12-01T16:00:00+00:00' is outside its "
                "window (2026-12-01T14:00:00+00:00 to 2026-12-01T15:00:00+00:00)"
            ),
        ),
        (
            ByHand(
                start=dt.datetime(2300, 1, 1, tzinfo=UTC),
                end=dt.datetime(2300, 1, 2, tzinfo=UTC),
                due=dt.datetime(2300, 1, 1, tzinfo=UTC),
                kind=StepKind.THANK_YOU,
            ),
            (
                "InvalidValueError: window.start: '2300-01-01T00:00:00+00:00' is "
                "outside the supported range (1900-01-01 to 2204-12-31, UTC)"
            ),
        ),
        (
            ByHand(
                start=dt.datetime(2026, 12, 1, 14),
                end=dt.datetime(2026, 12, 1, 15),
                due=dt.datetime(2026, 12, 1, 14),
            ),
            (
                "NaiveDatetimeError: window.start: '2026-12-01T14:00:00' has no time "
                "zone; give an offset (+01:00) or a zone ([Europe/Paris]), or pass "
                "an aware datetime"
            ),
        ),
        (
            ByHand(start="2026-12-01T14:00Z", end="2026-12-01T15:00Z", due=DEC_1),
            (
                "InvalidTypeError: window.start: expected an aware datetime "
                "(new_step and moved_step read text), got str '2026-12-01T14:00Z'"
            ),
        ),
    ],
)
def test_a_bad_step_built_by_hand_is_blamed_on_the_rule_that_built_it(rule, problem):
    facts = Facts.gather(Interview("Ada", "Acme", AT))
    rules = DEFAULT_RULES.extend(rule)
    for plan in (planned, lambda rule: fold(rules, facts)):
        with pytest.raises(RuleError) as caught:
            plan(rule)
        assert caught.value.code == "OWN009"
        assert str(caught.value) == (
            f"rule OWN009 by-hand (own_steps.ByHand) failed in plan(): {problem}"
        )


@attrs.frozen
class Evolved(ByHand):
    """A step from `new_step`, then changed by hand (`attrs.evolve`)."""

    changes: Any = attrs.field(factory=dict)

    def plan(self, draft):
        made = new_step(
            draft.facts,
            StepKind.CALL,
            Channel.PHONE,
            (DEC_1, DEC_1 + HOUR),
            rule=self.code,
            reason="A call.",
        )
        return draft.proposing(attrs.evolve(made, **self.changes))


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        (
            {"window": (DEC_1, DEC_1 + HOUR)},
            (
                "InvalidTypeError: window: expected a DraftWindow, got tuple "
                "(datetime.datetime(2026, 12, 1, 14, 0, tzinfo=datetime.timezone.utc), "
                "datetime.datetime(2026, 12, 1, 15, 0, tzinfo=datetime.timezone.utc))"
            ),
        ),
        # Text for a member: the engine's rules compare members by identity.
        ({"kind": "call"}, "InvalidTypeError: kind: expected a StepKind"),
        ({"channel": "phone"}, "InvalidTypeError: channel: expected a Channel"),
        # What the public step refuses, and the plan could not be read back.
        (
            {"reason": "Call\x1b[2J now."},
            (
                "InvalidValueError: Step.reason: 'Call\\x1b[2J now.' holds a control "
                "character (U+001B)"
            ),
        ),
        ({"number": 0}, "InvalidValueError: Step.number: 0 is not 1 or more"),
        (
            {"kind_name": "linkedin-note"},
            (
                "InvalidValueError: Step.kind_name: 'linkedin-note' names a kind of "
                "one's own; set Step.kind to other for it"
            ),
        ),
        (
            {"adjusted_by": ("FU0\n11",)},
            (
                "InvalidValueError: Step.adjusted_by[0]: 'FU0\\n11' holds a control "
                "character (U+000A)"
            ),
        ),
        (
            {"requirements": None},
            (
                "InvalidTypeError: Step.requirements: expected a Requirements, got "
                "NoneType None"
            ),
        ),
    ],
    ids=lambda value: next(iter(value)) if isinstance(value, dict) else "",
)
def test_a_step_changed_by_hand_is_held_to_the_checks_of_a_step(changes, problem):
    with pytest.raises(RuleError) as caught:
        planned(Evolved(changes=changes))
    assert caught.value.code == "OWN009"
    assert problem in str(caught.value)


def test_a_draft_built_by_hand_holds_findings_only():
    @attrs.frozen
    class Noted(ByHand):
        def plan(self, draft):
            return Draft(draft.facts, draft.steps, ("a note",), draft.phase)

    with pytest.raises(RuleError) as caught:
        planned(Noted())
    assert str(caught.value).endswith(
        "InvalidTypeError: Draft.findings[0]: expected a Finding, got str 'a note'"
    )
    facts = Facts.gather(Interview("Ada", "Acme", AT))
    with pytest.raises(InvalidTypeError, match=r"^Draft\.facts: expected Facts"):
        Draft("facts")
    with pytest.raises(InvalidTypeError, match=r"^Draft\.phase: expected a Phase"):
        Draft(facts, phase="place")
    assert Draft(facts, findings=[]).findings == ()


class DayAhead(dt.tzinfo):
    """A zone of one's own with an offset that datetime refuses."""

    def utcoffset(self, moment):
        return dt.timedelta(hours=25)

    def dst(self, moment):
        return dt.timedelta(0)

    def tzname(self, moment):
        return "ODD"


class Broken(DayAhead):
    """A zone of one's own whose offset cannot be asked for at all."""

    def utcoffset(self, moment):
        raise RuntimeError("no offset today")


@pytest.mark.parametrize(
    ("zone", "problem"),
    [
        (
            DayAhead(),
            (
                "ValueError: offset must be a timedelta strictly between "
                "-timedelta(hours=24) and timedelta(hours=24)."
            ),
        ),
        (Broken(), "RuntimeError: no offset today"),
    ],
)
def test_a_zone_of_ones_own_that_fails_is_blamed_on_the_rule(zone, problem):
    at = dt.datetime(2026, 12, 1, 14, tzinfo=zone)
    with pytest.raises(RuleError) as caught:
        planned(ByHand(start=at, end=at + HOUR, due=at))
    # Named by its field, as new_step names it below; the zone's repr holds
    # its address.
    said = str(caught.value)
    assert said.startswith(
        f"rule OWN009 by-hand (own_steps.ByHand) failed in plan(): "
        "InvalidValueError: window.start: datetime.datetime(2026, 12, 1, 14, 0, "
        f"tzinfo=<{__name__}.{type(zone).__name__} object at "
    )
    assert said.endswith(f"has a time zone whose UTC offset cannot be read ({problem})")
    # new_step refuses the same time by the field's name.
    facts = Facts.gather(Interview("Ada", "Acme", AT))
    with pytest.raises(InvalidValueError) as refused:
        new_step(
            facts,
            StepKind.CALL,
            Channel.PHONE,
            (at, at + HOUR),
            rule="OWN009",
            reason="x",
        )
    assert refused.value.field == "window[0]"
    assert str(refused.value).endswith(
        f"has a time zone whose UTC offset cannot be read ({problem})"
    )
