"""A plugin written to the protocol documented before rules had phases still works.

`legacy_plugin/followup_legacy_blackout.py.txt` is the blackout plugin as
it was then, word for word but for its code and name (so that it can sit
beside the current one).  It declares no phase, so it proposes; it builds
its steps with `Step(...)` rather than the toolkit.  Installed as a
distribution of its own, it must load, plan and pass its own tests as they
were written then.
"""

from __future__ import annotations

import datetime as dt
import pathlib
import sys

import pytest
from hypothesis import given, settings

from followup import (
    DEFAULT_RULES,
    Channel,
    Phase,
    Severity,
    Step,
    StepKind,
    Window,
    check_plan,
    plan_followups,
)
from followup.example import example_interview
from followup.plugins import load_plugins
from followup.testing import assert_rule_keeps_the_contract, situations

SOURCE = (
    pathlib.Path(__file__).parent / "legacy_plugin" / "followup_legacy_blackout.py.txt"
)
MODULE = "followup_legacy_blackout"


@pytest.fixture
def legacy(install, tmp_path, monkeypatch):
    """The old plugin, installed as `followup-legacy-blackout 1.0.0`."""
    install(
        "followup-legacy-blackout",
        MODULE,
        SOURCE.read_text(encoding="utf-8"),
        {"legacy-blackout": "BlackoutDays"},
        version="1.0.0",
    )
    monkeypatch.delitem(sys.modules, MODULE, raising=False)
    rules = DEFAULT_RULES.with_plugins("legacy-blackout")
    assert pathlib.Path(sys.modules[MODULE].__file__).parent == tmp_path
    yield rules
    sys.modules.pop(MODULE, None)


def by_kind(plan):
    return {step.kind: step for step in plan.steps}


def test_the_legacy_plugin_loads_and_proposes(legacy):
    ((rule, origin),) = load_plugins(["legacy-blackout"])
    assert str(origin) == "followup-legacy-blackout 1.0.0"
    assert legacy.codes[-1] == rule.code == "LEG001"
    assert not hasattr(rule, "phase")
    assert [phase for phase, rules in legacy.phases if rule in rules] == [Phase.PROPOSE]


# The old tests of the plugin, as they were written but for the rule's code,
# the keyword arguments that are keyword-only now, and one line: the old test
# found LEG001 last in `adjusted_by`; working time now places the step after
# the rule proposes, so FU011 comes after it.


def test_the_example_plugin_plans(legacy):
    rules = legacy.configure("legacy-blackout-days", days=["2026-11-25"])
    plan = plan_followups(example_interview(), rules=rules)
    follow_up = by_kind(plan)[StepKind.FOLLOW_UP]
    # Wednesday is blacked out and Thursday is Thanksgiving: Friday it is.
    assert follow_up.due.format("ddd D MMM HH:mm") == "Fri 27 Nov 09:00"
    assert "LEG001" in follow_up.adjusted_by
    assert "blackout day (LEG001)" in follow_up.reason
    assert [f.severity for f in check_plan(plan, rules=rules)] == [Severity.WARNING]
    unmoved = by_kind(plan_followups(example_interview()))[StepKind.FOLLOW_UP]
    assert unmoved.due.format("ddd D") == "Wed 25"


def test_the_example_plugin_checks(legacy):
    rules = legacy.configure("legacy-blackout-days", days=["2026-11-25"])
    at = "2026-11-25T10:00:00-05:00[America/New_York]"
    mine = Step(
        "follow-up", Channel.EMAIL, Window(at, at), at, rule="me", reason="mine"
    )
    findings = [
        f
        for f in check_plan([mine], example_interview(), rules=rules)
        if f.code == "LEG001"
    ]
    assert [(f.severity, f.actual) for f in findings] == [
        (Severity.WARNING, "2026-11-25")
    ]


# Every third day of 2026: most plans that year meet one.
DAYS = [dt.date(2026, 1, 1) + dt.timedelta(days=n) for n in range(0, 365, 3)]


def test_plans_with_the_legacy_plugin_pass_their_check(legacy):
    # The property of the old "Testing it" section.
    rules = legacy.configure("legacy-blackout-days", days=DAYS)

    @settings(max_examples=30)
    @given(situations(years=(2026, 2026)))
    def plans_pass_their_check(situation):
        interview, history, now = situation
        plan = plan_followups(interview, history, now=now, rules=rules)
        assert all(
            f.severity is not Severity.ERROR
            for f in check_plan(plan, interview, history, rules=rules)
        )

    plans_pass_their_check()


def test_the_legacy_plugin_keeps_the_contract_of_today(legacy):
    assert_rule_keeps_the_contract(
        legacy.configure("legacy-blackout-days", days=DAYS),
        among=situations(years=(2026, 2026)),
        max_examples=30,
    )
