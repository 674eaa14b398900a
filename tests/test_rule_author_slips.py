"""A rule author's slips get messages that say what was done.

A check() that returned text was read letter by letter ("it gave str 'a'");
one that returned nothing said "'NoneType' object is not iterable";
`assert_rule_keeps_the_contract` let Hypothesis's own error through for a
bad `max_examples`; a `why` joined to a reason without its stop was joined
again at the next move.
"""

from __future__ import annotations

from typing import ClassVar

import attrs
import pytest

from followup import (
    DEFAULT_RULES,
    Channel,
    InvalidTypeError,
    InvalidValueError,
    Phase,
    RuleError,
    StepKind,
    check_letter,
    check_plan,
    moved_step,
    new_step,
    plan_followups,
)
from followup.example import example_interview
from followup.rules import NoParams
from followup.testing import assert_rule_keeps_the_contract


@attrs.frozen
class Quiet:
    code: ClassVar[str] = "QS001"
    name: ClassVar[str] = "quiet"
    summary: ClassVar[str] = "Says nothing."
    advice: ClassVar[tuple[str, ...]] = ()
    phase: ClassVar[Phase] = Phase.PLACE
    params: NoParams = attrs.field(factory=NoParams)
    gives: object = None

    def plan(self, draft):
        return draft

    def check(self, facts, steps):
        return self.gives

    def check_letter(self, letter):
        return self.gives


@pytest.mark.parametrize(
    ("gives", "shown"),
    [
        ("a call on a Monday morning", "str 'a call on a Monday morning'"),
        (None, "NoneType None"),
        (b"x", "bytes b'x'"),
    ],
)
def test_a_check_that_returns_no_findings_is_told_what_it_returned(gives, shown):
    rules = DEFAULT_RULES.extend(Quiet(gives=gives))
    plan = plan_followups(example_interview(), rules=rules)
    expected = (
        f"rule QS001 quiet ({__name__}.Quiet) failed in {{}}: it returned {shown}, "
        "not findings (an iterable of Finding, such as a list, or a generator)"
    )
    with pytest.raises(RuleError) as raised:
        check_plan(plan, rules=rules)
    assert str(raised.value) == expected.format("check()")
    with pytest.raises(RuleError) as raised:
        check_letter("Thank you.", example_interview(), "thank-you", rules=rules)
    assert str(raised.value) == expected.format("check_letter()")


def test_a_check_that_returns_a_list_or_nothing_found_is_fine():
    for gives in ([], ()):
        rules = DEFAULT_RULES.extend(Quiet(gives=gives))
        plan = plan_followups(example_interview(), rules=rules)
        assert not [f for f in check_plan(plan, rules=rules) if f.code == "QS001"]
        assert check_plan(plan, rules=rules) == check_plan(plan)


@pytest.mark.parametrize(
    ("arguments", "error", "message"),
    [
        ({"max_examples": 0}, InvalidValueError, "max_examples: 0 is not 1 or more"),
        ({"max_examples": "20"}, InvalidTypeError, "max_examples: expected a whole"),
        ({"max_examples": 2.5}, InvalidTypeError, "max_examples: expected a whole"),
        ({"max_examples": True}, InvalidTypeError, "max_examples: expected a whole"),
        ({"among": [1, 2]}, InvalidTypeError, "among: expected a Hypothesis strategy"),
    ],
)
def test_the_contract_s_own_arguments_are_checked(arguments, error, message):
    with pytest.raises(error) as raised:
        assert_rule_keeps_the_contract(Quiet(gives=()), **arguments)
    assert str(raised.value).startswith(message)


def test_a_why_is_told_once_though_the_reason_lacks_its_stop():
    from followup._facts import Facts  # noqa: PLC0415

    facts = Facts.gather(example_interview(), (), None, DEFAULT_RULES.calendar)
    call = new_step(
        facts,
        StepKind.CALL,
        Channel.PHONE,
        ("2026-11-30T09:00:00-05:00", "2026-11-30T17:00:00-05:00"),
        rule="MY002",
        reason="Call about the decision",
    )
    why = "Moved off Monday morning (MY002)."
    once = moved_step(call, facts, at="2026-12-01T09:00:00-05:00", by="MY002", why=why)
    twice = moved_step(once, facts, at="2026-12-02T09:00:00-05:00", by="MY002", why=why)
    assert (
        once.reason
        == twice.reason
        == ("Call about the decision. Moved off Monday morning (MY002).")
    )
