"""Public entries do work linear in the size of what they are given.

No test here times anything (the machines are shared and noisy): each counts
the work an entry does on real values, through a wrapper around the inner
function that a quadratic path would call once per pair, and holds the
count to a multiple of the input's size.
"""

from __future__ import annotations

import attrs
import pendulum
import pytest

from followup import Finding, FollowUpPlan, Interview, Step, Window
from followup.ics import calendar_objects, to_ics

INTERVIEW = Interview("Ada Lovelace", "Acme", "2026-11-23T10:00:00-05:00")
START = pendulum.parse("2026-11-24T10:00:00-05:00")


def _steps(count: int) -> list[Step]:
    return [
        Step(
            "other",
            "email",
            Window(START.add(minutes=i), START.add(minutes=i, hours=1)),
            START.add(minutes=i),
            rule="FU001",
            reason="a step of a hand-made plan (A1)",
            kind_name=f"step-{i}",
        )
        for i in range(count)
    ]


def _plan(count: int, *, copies: bool) -> FollowUpPlan:
    """`count` steps, a finding about each, and as many about no step.

    With `copies`, each finding holds a step equal to one of the plan's but
    not the same object, as a plan read back from JSON has.
    """
    steps = _steps(count)
    about = [attrs.evolve(step) if copies else step for step in steps]
    findings = [
        Finding("FU002", "warning", f"about step {i}", step=step)
        for i, step in enumerate(about)
    ]
    findings += [Finding("FU002", "warning", f"plan {i}") for i in range(count)]
    return FollowUpPlan(INTERVIEW, steps, findings, ("FU001",), START)


@pytest.fixture
def step_comparisons(monkeypatch):
    """How many times two steps are compared for equality."""
    counted = [0]
    compare = Step.__eq__

    def counting(self: Step, other: object) -> bool:
        counted[0] += 1
        return compare(self, other)

    monkeypatch.setattr(Step, "__eq__", counting)
    return counted


@pytest.mark.parametrize("copies", [False, True], ids=["same", "equal"])
@pytest.mark.parametrize("write", [to_ics, calendar_objects])
def test_a_calendar_finds_each_steps_findings_without_comparing_every_pair(
    step_comparisons, write, copies
):
    # Once every step was compared with every finding: 300 steps and 600
    # findings made 180,000 comparisons, and a few thousand took minutes.
    plan = _plan(300, copies=copies)
    step_comparisons[0] = 0
    write(plan)
    assert step_comparisons[0] <= 2 * (len(plan.steps) + len(plan.findings))


def test_each_calendar_item_still_carries_the_findings_about_its_step():
    text = to_ics(_plan(5, copies=True)).decode()
    unfolded = text.replace("\r\n ", "")
    for i in range(5):
        assert unfolded.count(f"Warning (FU002): about step {i}") == 1
    # What concerns the whole plan goes with the first item only.
    assert unfolded.count("Warning (FU002): plan 4") == 1
