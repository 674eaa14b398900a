"""`RuleSet.extend` keeps the ``FU`` codes for followup's own rules.

Plugins were refused an ``FU`` code; a rule added by hand was not, so a
tracker's ``FU015`` would have met followup's own ``FU015`` one release
later, and a rules file naming it would have meant either.
"""

from __future__ import annotations

from typing import Any, ClassVar

import attrs
import pytest

from followup import DEFAULT_RULES, RuleConfigurationError
from followup.rules import ThankYouImmediately, WorkingTime


@attrs.frozen
class Mine:
    code: ClassVar[str] = "QF001"
    name: ClassVar[str] = "mine"
    summary: ClassVar[str] = "A rule of my own."
    advice: ClassVar[tuple[str, ...]] = ()
    params: ClassVar[None] = None

    def plan(self, draft: Any) -> Any:
        return draft

    def check(self, facts: Any, steps: Any) -> tuple[()]:
        return ()


def coded(code: str) -> Mine:
    return type("Coded", (Mine,), {"code": code})()  # type: ignore[no-any-return]


@pytest.mark.parametrize("code", ["FU015", "FU099", "FU100", "FUX001", "FU000"])
def test_a_rule_of_ones_own_may_not_take_an_fu_code(code: str) -> None:
    with pytest.raises(
        RuleConfigurationError,
        match=rf"^rule {code} mine \(.*Coded\): the prefix 'FU' belongs to "
        r"followup; give the rule a code of your own, such as 'QF001'$",
    ):
        DEFAULT_RULES.extend(Mine(), coded(code))


@pytest.mark.parametrize("code", ["QF001", "F001", "UFU001", "FXU001"])
def test_a_code_of_ones_own_is_taken(code: str) -> None:
    assert DEFAULT_RULES.extend(coded(code)).codes[-1] == code


def test_followups_own_rules_come_back_under_their_codes() -> None:
    # After `ignore`, a built-in rule (configured or not) goes back in at
    # the end, under its own code.
    configured = DEFAULT_RULES.configure("FU003", within_hours=2)["FU003"]
    for rule in (ThankYouImmediately(), configured, WorkingTime()):
        rules = DEFAULT_RULES.ignore(rule.code).extend(rule)
        assert rules.rules[-1] is rule


def test_a_rule_of_another_class_may_not_take_a_built_in_code() -> None:
    # `check_plan` takes a rule under a built-in code for followup's own;
    # one of another class, even derived from it, would be checked as that.
    class Warmer(ThankYouImmediately):
        __slots__ = ()

    for rule in (Warmer(), coded("FU005")):
        with pytest.raises(RuleConfigurationError, match="belongs to followup"):
            DEFAULT_RULES.ignore(rule.code).extend(rule)


def test_a_code_taken_twice_is_still_refused_naming_both() -> None:
    with pytest.raises(
        RuleConfigurationError, match=r"^two rules share the code 'FU003': FU003 "
    ):
        DEFAULT_RULES.extend(ThankYouImmediately())
