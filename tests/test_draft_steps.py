"""Draft steps: UTC inside the engine, public steps on the recipient's calendar."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

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
    StepKind,
    Window,
    moved_step,
    new_step,
    plan_followups,
)
from followup._draft import draft_step, public_step

AT = "2026-11-23T10:00:00-05:00[America/New_York]"


def test_the_plan_shows_draft_steps_on_the_recipients_calendar():
    plan = plan_followups(Interview("Ada", "Acme", "2026-11-23T15:00:00+00:00"))
    ny = plan_followups(Interview("Ada", "Acme", AT))
    for step in (*plan.steps, *ny.steps):
        assert type(step) is Step
        for moment in (step.due, step.window.start, step.window.end):
            assert type(moment) is pendulum.DateTime
    assert {s.due.timezone_name for s in ny.steps} == {"America/New_York"}
    assert {s.due.utcoffset() for s in plan.steps} == {dt.timedelta(0)}
    assert [s.due for s in ny.steps] == sorted(s.due for s in ny.steps)


# Instants around the repeated hour of New York's autumn change, both folds.
_REPEATED = dt.datetime(2026, 11, 1, 5, 0, tzinfo=dt.timezone.utc)
instants = st.integers(-3 * 3600, 3 * 3600).map(
    lambda seconds: _REPEATED + dt.timedelta(seconds=seconds)
)


@given(instants, instants, instants, st.sampled_from(list(StepKind)))
def test_a_draft_step_and_its_public_step_are_the_same_instants(a, b, c, kind):
    start, due, end = sorted((a, b, c))
    tz = pendulum.timezone("America/New_York")
    facts = Facts.gather(Interview("Ada", "Acme", start.astimezone(tz)))
    name = "mine" if kind is StepKind.OTHER else None
    step = new_step(
        facts,
        kind,
        "email",
        (start, end),
        due=due,
        rule="ME1",
        reason="r",
        kind_name=name,
    )
    public = public_step(step, tz)
    assert public.due.timezone_name == "America/New_York"
    # The same instants (the fold of the repeated hour kept), and back again.
    # A time in the repeated hour equals no time of another zone (PEP 495):
    # compare in UTC.
    shown = (public.window.start, public.due, public.window.end)
    assert [m.astimezone(dt.timezone.utc) for m in shown] == [start, due, end]
    assert draft_step(public) == step


@attrs.frozen
class Notes:
    """Proposes a step and notes a finding about it, in one go."""

    code: ClassVar[str] = "NOT001"
    name: ClassVar[str] = "notes"
    summary: ClassVar[str] = "Proposes a step with a finding."
    advice: ClassVar[tuple[str, ...]] = ()
    params: NoParams = attrs.field(factory=NoParams)
    public: bool = False

    def plan(self, draft):
        facts = draft.facts
        at = "2026-11-24T08:00:00-05:00"
        if self.public:
            # The protocol before draft steps: a public Step, proposed as is.
            step = Step(
                "other",
                "email",
                Window(at, at),
                at,
                rule=self.code,
                reason="Mine.",
                kind_name="postcard",
            )
            # As such a rule was written: the finding names the Step proposed.
            draft = draft.proposing(step)
        else:
            step = new_step(
                facts,
                "other",
                "email",
                (at, at),
                rule=self.code,
                reason="Mine.",
                kind_name="postcard",
            )
            draft = draft.proposing(step)
        return draft.noting(Finding(self.code, Severity.INFO, "noted", step=step))

    def check(self, facts, steps):
        return ()


@pytest.mark.parametrize("public", [False, True])
def test_a_finding_about_a_moved_step_names_the_plans_step(public):
    plan = plan_followups(
        Interview("Ada", "Acme", AT), rules=DEFAULT_RULES.extend(Notes(public=public))
    )
    (mine,) = [s for s in plan.steps if s.rule == "NOT001"]
    (noted,) = [f for f in plan.findings if f.code == "NOT001"]
    # Working time moved it from 08:00 on Tuesday: still the plan's own step.
    assert mine.adjusted_by == ("FU011",)
    assert noted.step is mine
    assert mine.due.format("ddd HH:mm") == "Tue 09:00"


def test_a_finding_about_a_step_that_was_never_proposed_is_frozen_too():
    @attrs.frozen
    class Ghost(Notes):
        def plan(self, draft):
            at = "2026-11-24T10:00:00-05:00"
            step = new_step(
                draft.facts,
                "call",
                "phone",
                (at, at),
                rule=self.code,
                reason="Never proposed.",
            )
            return draft.noting(Finding(self.code, Severity.INFO, "x", step=step))

    plan = plan_followups(
        Interview("Ada", "Acme", AT), rules=DEFAULT_RULES.extend(Ghost())
    )
    (noted,) = [f for f in plan.findings if f.code == "NOT001"]
    assert type(noted.step) is Step
    assert noted.step.due.format("ddd HH:mm zz") == "Tue 10:00 EST"
    assert noted.step not in plan.steps


def test_dropping_a_step_drops_the_findings_about_it():
    @attrs.frozen
    class Drops(Notes):
        code: ClassVar[str] = "DRP001"
        name: ClassVar[str] = "drops"
        phase: ClassVar[Phase] = Phase.DROP

        def plan(self, draft):
            return draft.dropping(*[s for s in draft.steps if s.rule == "NOT001"])

    rules = DEFAULT_RULES.extend(Notes()).extend(Drops())
    plan = plan_followups(Interview("Ada", "Acme", AT), rules=rules)
    assert not [s for s in plan.steps if s.rule == "NOT001"]
    assert not [f for f in plan.findings if f.code == "NOT001"]


def test_a_draft_refuses_what_is_not_one_of_its_steps():
    facts = Facts.gather(Interview("Ada", "Acme", AT))
    at = "2026-11-24T10:00:00-05:00"
    public = Step("call", "phone", Window(at, at), at, rule="ME1", reason="r")
    draft = Draft(facts, steps=(public,))
    (held,) = draft.steps
    assert type(held) is DraftStep
    with pytest.raises(InvalidTypeError, match=r"^dropping\[0\]: expected a step of"):
        draft.dropping(public)
    with pytest.raises(InvalidTypeError, match=r"^replacing\[0\]: expected a step of"):
        draft.replacing(public, held)
    with pytest.raises(InvalidTypeError, match=r"^Draft.steps\[0\]: expected a Draft"):
        Draft(facts, steps=("a call",))


def _call(facts, window=("2026-11-30T09:00:00-05:00", "2026-11-30T17:00:00-05:00")):
    return new_step(facts, "call", "phone", window, rule="QF001", reason="A call.")


def test_of_kind_takes_a_kind_by_its_value_as_new_step_does():
    facts = Facts.gather(Interview("Ada", "Acme", AT))
    draft = Draft(facts).proposing(_call(facts))
    assert draft.of_kind("call") == draft.of_kind(StepKind.CALL) == draft.steps
    assert draft.of_kind("thank-you", StepKind.CALL) == draft.steps
    assert draft.of_kind("thank-you") == ()
    with pytest.raises(InvalidValueError, match=r"^of_kind\[1\]: 'cal' is not a"):
        draft.of_kind("call", "cal")


@pytest.mark.parametrize(
    "window",
    [
        None,
        (moment for moment in ("2026-11-30T09:00:00Z", "2026-11-30T17:00:00Z")),
        {"start": "2026-11-30T09:00:00Z", "end": "2026-11-30T17:00:00Z"},
        "ab",
        ("2026-11-30T09:00:00Z",),
    ],
    ids=["none", "generator", "mapping", "text", "one"],
)
def test_a_window_that_is_no_pair_of_times_is_named(window):
    facts = Facts.gather(Interview("Ada", "Acme", AT))
    with pytest.raises(InvalidTypeError, match=r"^window: expected a \(start, end\)"):
        _call(facts, window)
    # A window of a step is no pair either: its start and end are.
    step = _call(facts)
    with pytest.raises(InvalidTypeError, match=r"^window: expected"):
        _call(facts, step.window)
    assert _call(facts, [step.window.start, step.window.end]) == step


def test_a_window_in_2200_is_taken_as_text_as_it_is_as_a_datetime():
    # A plan made late in 2199 runs into 2200: the text of an instant there
    # was refused with a range that ended in 2199.
    facts = Facts.gather(Interview("Ada", "Acme", "2199-12-20T10:00:00+00:00"))
    utc = dt.timezone.utc
    as_datetimes = _call(
        facts,
        (
            dt.datetime(2200, 1, 5, 9, tzinfo=utc),
            dt.datetime(2200, 1, 5, 17, tzinfo=utc),
        ),
    )
    assert _call(facts, ("2200-01-05T09:00:00Z", "2200-01-05T17:00:00Z")) == (
        as_datetimes
    )
    moved = moved_step(as_datetimes, facts, by="QF001", at="2200-01-06T09:00:00Z")
    assert moved.due == dt.datetime(2200, 1, 6, 9, tzinfo=utc)
    with pytest.raises(InvalidValueError, match="1900-01-01 to 2204-12-31"):
        _call(facts, ("2205-01-05T09:00:00Z", "2205-01-05T17:00:00Z"))
