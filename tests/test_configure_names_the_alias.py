"""`RuleSet.configure` names a parameter as it is given: ``limit``, not ``_limit``.

A private field (``_limit``) is given as ``limit``, a field with an alias by
its alias; a rules file named them so, and `configure` named the field.
"""

from __future__ import annotations

from typing import ClassVar

import attrs
import pytest

from followup import DEFAULT_RULES, Phase, RuleConfigurationError
from followup.errors import InvalidTypeError, InvalidValueError


def _one_to_nine(_instance, attribute, value):
    field = f"PrivParams.{attribute.name}"
    if not isinstance(value, int):
        raise InvalidTypeError(field, value, "a whole number")
    if not 1 <= value <= 9:
        raise InvalidValueError(field, value, "is outside 1..9")


@attrs.frozen
class PrivParams:
    _limit: int = attrs.field(default=3, validator=_one_to_nine)
    alias_x: int = attrs.field(default=1, alias="x", validator=_one_to_nine)


@attrs.frozen
class Private:
    code: ClassVar[str] = "MY004"
    name: ClassVar[str] = "private"
    summary: ClassVar[str] = "Has private parameters."
    advice: ClassVar[tuple[str, ...]] = ()
    phase: ClassVar[Phase] = Phase.PLACE
    params: PrivParams = attrs.field(factory=PrivParams)

    def plan(self, draft):
        return draft

    def check(self, facts, steps):
        return ()


RULES = DEFAULT_RULES.extend(Private())


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"limit": 10}, "rule MY004: PrivParams.limit: 10 is outside 1..9"),
        ({"x": "2"}, "rule MY004: PrivParams.x: expected a whole number, got str '2'"),
    ],
)
def test_configure_names_the_parameter_as_it_is_given(given, message):
    with pytest.raises(RuleConfigurationError) as raised:
        RULES.configure("MY004", **given)
    assert str(raised.value) == message


def test_a_built_in_parameter_is_named_as_before():
    with pytest.raises(RuleConfigurationError) as raised:
        DEFAULT_RULES.configure("FU003", within_hours=0)
    assert str(raised.value).startswith("rule FU003: ThankYouParams.within_hours: 0")
