"""Public entries do work linear in the size of what they are given.

No test here times anything (the machines are shared and noisy): each counts
the work an entry does on real values, through a wrapper around the inner
function that a quadratic path would call once per pair, and holds the
count to a multiple of the input's size.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

import attrs
import pendulum
import pytest

from followup import (
    Finding,
    FollowUpPlan,
    Interview,
    InvalidTypeError,
    RuleConfigurationError,
    RuleSet,
    Step,
    Window,
)
from followup.ics import calendar_objects, to_ics

if TYPE_CHECKING:
    from followup import Draft, Facts

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


# A rule is found in a set by code and by name; `select`, `ignore` and
# `reordered` take any number of them.


@attrs.frozen
class _Quiet:
    """No parameters."""


_code_reads = [0]


@attrs.frozen
class _NumberedRule:
    """A real rule that proposes nothing, and counts the reads of its code."""

    number: int
    summary: ClassVar[str] = "Proposes nothing."
    advice: ClassVar[tuple[str, ...]] = ()
    params: _Quiet = attrs.field(factory=_Quiet)

    @property
    def code(self) -> str:
        _code_reads[0] += 1
        return (
            f"ZZ{self.number:03d}"
            if self.number < 1000
            else f"ZY{self.number - 1000:03d}"
        )

    @property
    def name(self) -> str:
        return f"numbered-{self.number}"

    def plan(self, draft: Draft) -> Draft:
        return draft

    def check(self, facts: Facts, steps: tuple[Step, ...]) -> tuple[Finding, ...]:
        return ()


def _many_rules(count: int) -> RuleSet:
    return RuleSet([_NumberedRule(number) for number in range(count)])


@pytest.mark.parametrize(
    "name_them",
    [
        lambda rules: rules.select(*rules.codes),
        lambda rules: rules.ignore(*[rule.name for rule in rules][1:]),
        lambda rules: rules.reordered(*reversed(rules.codes)),
        lambda rules: [rules[code] for code in rules.codes],
        lambda rules: [name in rules for name in ("ZZ", *rules.codes)],
    ],
    ids=["select", "ignore", "reordered", "getitem", "contains"],
)
def test_naming_every_rule_of_a_large_set_looks_at_each_rule_a_few_times(name_them):
    # Each code or name given was looked for by reading every rule's code:
    # 1,500 rules named one by one made over two million reads.
    rules = _many_rules(1500)
    _code_reads[0] = 0
    name_them(rules)
    assert _code_reads[0] <= 20 * len(rules)


def test_rules_are_found_by_code_name_and_prefix_as_before():
    rules = _many_rules(1500)
    assert rules["ZZ007"].number == 7
    assert rules["numbered-1007"].code == "ZY007"
    assert "numbered-3" in rules
    assert "ZZ" not in rules
    assert "zz007" not in rules
    assert 7 not in rules
    assert len(rules.select("ZZ")) == 1000
    assert len(rules.select("ZY00")) == 10
    assert rules.select("ZY00", "ZY001", "numbered-5").codes == (
        "ZZ005",
        *(f"ZY00{digit}" for digit in range(10)),
    )
    assert len(rules.ignore("Z")) == 0
    assert rules.reordered("ZY499", "numbered-2").codes[:4] == (
        "ZY499",
        "ZZ002",
        "ZZ000",
        "ZZ001",
    )
    with pytest.raises(RuleConfigurationError, match="no rule 'ZX'"):
        rules.select("ZX")
    with pytest.raises(RuleConfigurationError, match="no rule ''"):
        rules.select("")
    with pytest.raises(InvalidTypeError):
        rules[7]  # type: ignore[index]
