"""What the public API reveals to a type checker; `mypy --strict` reads this file.

Nothing here runs in the test suite: CI type-checks it (``.ci/run``), so a
change that loosens a public type to ``Any`` or breaks an annotation fails.
"""

from __future__ import annotations

import datetime as dt
from typing import assert_type

import pendulum

import followup
from followup import (
    DEFAULT_RULES,
    Finding,
    FollowUpPlan,
    Interview,
    Rule,
    RuleSet,
    Step,
    check_letter,
    check_plan,
    draft_follow_up,
    plan_followups,
    plan_many,
)
from followup.ics import to_ics
from followup.json import from_json, to_json

interview = Interview("Ada", "Acme", "2026-11-23T10:00:00Z")
plan = plan_followups(interview)
assert_type(plan, FollowUpPlan)
assert_type(plan.steps, tuple[Step, ...])
assert_type(plan.steps[0].due, pendulum.DateTime)
assert_type(plan.steps[0].window.length, dt.timedelta)
assert_type(plan.next_step(interview.at), Step | None)
assert_type(check_plan(plan), tuple[Finding, ...])
assert_type(check_letter("text", interview), tuple[Finding, ...])
assert_type(draft_follow_up(interview, fit="I fit"), str)
assert_type(DEFAULT_RULES, RuleSet)
assert_type(DEFAULT_RULES["FU003"], Rule)
assert_type(DEFAULT_RULES.ignore("FU002"), RuleSet)
assert_type(from_json(to_json(plan), FollowUpPlan), FollowUpPlan)
assert_type(to_ics(plan), bytes)
assert_type(next(iter(plan_many([interview]))), FollowUpPlan)
assert_type(followup.Interview, type[Interview])
