"""The engine itself: how the place phase settles, and what checks assume.

`tests/test_phases.py` holds what rules in phases do to a plan; these pin
how often the engine asks each placing rule, how it tells a move from none,
how it names rules that never agree, and what `check_plan`, `plan_followups`
and `check_letter` take when the caller leaves something out.
"""

from __future__ import annotations

import re
from typing import ClassVar

import attrs
import pytest

from followup import (
    DEFAULT_RULES,
    FollowUpError,
    Interview,
    NoParams,
    Phase,
    RuleError,
    RuleSet,
    StepKind,
    check_letter,
    check_plan,
    plan_followups,
)
from followup._trusted import replaced
from test_phases import Backwards

AT = "2026-11-23T10:00:00-05:00[America/New_York]"
INTERVIEW = Interview("Ada Lovelace", "Acme", AT, position="data engineer")


@attrs.define(eq=False)
class Counting:
    """A placing rule that records each call and moves nothing."""

    code: ClassVar[str] = "CNT001"
    name: ClassVar[str] = "counting"
    summary: ClassVar[str] = "Counts its calls."
    advice: ClassVar[tuple[str, ...]] = ()
    phase: ClassVar[Phase] = Phase.PLACE
    params: NoParams = attrs.field(factory=NoParams)
    label: str = "A"
    calls: list[str] = attrs.field(factory=list)
    rebuild: bool = False

    def plan(self, draft):
        self.calls.append(self.label)
        # A rule may rebuild a draft it does not change: the engine must
        # take the equal draft for no move at all.
        return replaced(draft, steps=(*draft.steps,)) if self.rebuild else draft

    def check(self, facts, steps):
        return ()


def _counting(*labels, rebuild=False):
    """Placing rules of their own codes, all writing to one log."""
    log: list[str] = []
    rules = []
    for number, label in enumerate(labels, start=1):
        kind = type(
            f"Counting{number}",
            (Counting,),
            {"code": f"CNT{number:03d}", "name": f"counting-{number}"},
        )
        rules.append(kind(label=label, calls=log, rebuild=rebuild))
    return log, rules


def test_a_place_phase_where_nothing_moves_asks_each_rule_once():
    log, rules = _counting("A", "B", "C")
    plan_followups(INTERVIEW, rules=RuleSet(tuple(rules)))
    assert log == ["A", "B", "C"]


def test_a_rule_that_rebuilds_an_equal_draft_moves_nothing():
    log, rules = _counting("A", "B", rebuild=True)
    plan = plan_followups(INTERVIEW, rules=DEFAULT_RULES.extend(*rules))
    assert plan.steps == plan_followups(INTERVIEW).steps
    # Asked after FU011, the last default rule to move anything, and not
    # again: what they return is the draft they were given.
    assert log == ["A", "B"]


def test_rules_that_never_agree_are_named_the_last_mover_first():
    with pytest.raises(RuleError) as raised:
        plan_followups(INTERVIEW, rules=DEFAULT_RULES.extend(Backwards()))
    assert str(raised.value) == (
        "rule BAK001 backwards (test_phases.Backwards) failed in the place phase: "
        "these rules move steps back and forth: FU011 working-time, BAK001 "
        "backwards; one of them moves a step back, or their constraints cannot "
        "all be met"
    )
    assert (raised.value.code, raised.value.origin) == ("BAK001", None)


def test_a_plan_is_made_on_the_working_week_of_its_rule_set():
    # Wednesday in Dubai, where the week ran Sunday to Thursday: two business
    # days on are Thursday and Sunday.
    dubai = Interview("Ada", "Acme", "2026-11-25T10:00:00+04:00[Asia/Dubai]")
    rules = DEFAULT_RULES.configure(
        "working-time", weekdays=["sun", "mon", "tue", "wed", "thu"]
    )
    plan = plan_followups(dubai, rules=rules)
    follow_up = next(s for s in plan.steps if s.kind is StepKind.FOLLOW_UP)
    assert follow_up.due.format("ddd D MMM HH:mm") == "Sun 29 Nov 09:00"
    # Checked on the same week, the plan keeps to working time; on the
    # default week, Sunday is no working day.
    assert [f.code for f in check_plan(plan, rules=rules)] == ["FU002"]
    assert "FU011" in [f.code for f in check_plan(plan)]


def test_checking_a_plan_takes_its_as_of_and_its_interview_unless_told():
    plan = plan_followups(INTERVIEW)
    # The same plan, looked at a week on: the windows of all but the call
    # closed before then.
    later = attrs.evolve(plan, as_of="2026-11-30T12:00:00-05:00")
    told = check_plan(later, now=later.as_of)
    assert check_plan(later) == told
    assert [f.step.kind for f in told if f.code == "FU010"] == [
        StepKind.CLOSE_CALL,
        StepKind.THANK_YOU,
        StepKind.FOLLOW_UP,
    ]
    assert [f for f in check_plan(plan) if f.code == "FU010"] == []
    # Another interview, a month earlier: every step is late for it.
    other = Interview("Ada Lovelace", "Acme", "2026-10-26T10:00:00-04:00")
    assert check_plan(plan, other, now=plan.as_of) != check_plan(plan)


def test_checking_steps_needs_the_interview_and_names_what_is_no_step():
    steps = plan_followups(INTERVIEW).steps
    message = "interview: expected an Interview (needed for steps), got NoneType None"
    with pytest.raises(FollowUpError, match=f"^{re.escape(message)}$"):
        check_plan(steps)
    message = "plan_or_steps[1]: expected a Step, got int 5"
    with pytest.raises(FollowUpError, match=f"^{re.escape(message)}$"):
        check_plan([steps[0], 5], INTERVIEW)
    message = "plan_or_steps: expected a FollowUpPlan or steps, got int 5"
    with pytest.raises(FollowUpError, match=f"^{re.escape(message)}$"):
        check_plan(5, INTERVIEW)


@pytest.mark.parametrize("entry", [plan_followups, check_plan, check_letter])
def test_rules_must_be_a_rule_set(entry):
    arguments = {
        plan_followups: (INTERVIEW,),
        check_plan: (plan_followups(INTERVIEW),),
        check_letter: ("Thank you.", INTERVIEW),
    }[entry]
    message = "rules: expected a RuleSet, got list ['FU001']"
    with pytest.raises(FollowUpError, match=f"^{re.escape(message)}$"):
        entry(*arguments, rules=["FU001"])


LETTER = (
    "Dear Grace, thank you for speaking with me yesterday about the data "
    "engineer position at Acme. I am very interested in joining Acme. "
    "Ada Lovelace"
)


def test_check_letter_passes_the_send_time_language_and_aliases_on():
    sent = "2026-11-24T09:00:00-05:00"
    without = {f.message for f in check_letter(LETTER, INTERVIEW, "thank-you")}
    with_sent = {
        f.message for f in check_letter(LETTER, INTERVIEW, "thank-you", sent=sent)
    }
    # "yesterday" names the day of the call only once the send time is known.
    assert "the thank-you does not name the date of the interview (A4)" in without
    assert "the thank-you does not name the date of the interview (A4)" not in (
        with_sent
    )
    aliased = LETTER.replace("Acme", "Roadrunner Supplies")
    named = {f.message for f in check_letter(aliased, INTERVIEW, "thank-you")}
    assert "the thank-you does not name the company (A4)" in named
    named = {
        f.message
        for f in check_letter(
            aliased, INTERVIEW, "thank-you", aliases=["Roadrunner Supplies"]
        )
    }
    assert "the thank-you does not name the company (A4)" not in named
    # Read as German, the English letter thanks nobody.
    german = {
        f.message for f in check_letter(LETTER, INTERVIEW, "thank-you", language="de")
    }
    assert "the letter does not seem to thank the interviewer (A4)" in german
    assert "the letter does not seem to thank the interviewer (A4)" not in without
