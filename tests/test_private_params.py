"""A rule's parameters go by the names its parameters class takes them by.

attrs gives a private field (``_limit``) to ``__init__`` as ``limit``, and
leaves a field with ``init=False`` out of it.  `RuleSet.configure`, a rules
file, `RuleSet.to_mapping` and the rule reference name parameters the same
way, so that a plugin's private or worked-out fields neither hide a
parameter nor offer one that cannot be given.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

import attrs
import pytest

from followup import DEFAULT_RULES, RuleConfigurationError, RuleSet
from followup._configuration import rule_set_to_mapping
from followup._reference import rule_reference
from followup._rule_metadata import parameters
from followup.rules._params import whole

if TYPE_CHECKING:
    from followup import Draft


@attrs.frozen
class Limits:
    """A plugin's parameters: a private field, and one worked out from it."""

    _limit: int = attrs.field(default=3, validator=whole(1, 9))
    _mode: str = attrs.field(
        default="soft", validator=attrs.validators.in_(["soft", "hard"])
    )
    twice: int = attrs.field(init=False)

    @twice.default
    def _twice(self) -> int:
        return 2 * self._limit

    @property
    def limit(self) -> int:
        return self._limit


@attrs.frozen
class Limited:
    code: ClassVar[str] = "LM001"
    name: ClassVar[str] = "limited"
    summary: ClassVar[str] = "Changes nothing, within limits."
    advice: ClassVar[tuple[str, ...]] = ()
    params: Limits = attrs.field(factory=Limits)

    def plan(self, draft: Draft) -> Draft:
        return draft

    def check(self, facts: object, steps: object) -> tuple[()]:
        return ()


RULES = DEFAULT_RULES.extend(Limited())


def test_the_parameters_are_the_names_init_takes() -> None:
    assert list(parameters(Limits())) == ["limit", "mode"]
    assert parameters(None) == {}
    assert list(parameters(DEFAULT_RULES["FU008"].params)) == [
        field.name for field in attrs.fields(type(DEFAULT_RULES["FU008"].params))
    ]


def test_configure_takes_a_private_field_by_its_given_name() -> None:
    rules = RULES.configure("LM001", limit=5)
    params: Any = rules["LM001"].params
    assert params.limit == 5
    assert params.twice == 10


@pytest.mark.parametrize("name", ["_limit", "twice"])
def test_configure_refuses_a_field_init_does_not_take_by_that_name(
    name: str,
) -> None:
    with pytest.raises(RuleConfigurationError) as raised:
        RULES.configure("LM001", **{name: 4})
    message = str(raised.value)
    assert f"has no parameter {name!r}" in message
    assert message.endswith("it has limit, mode")


def test_a_rules_file_sets_a_private_field_by_its_given_name() -> None:
    rules = RuleSet.from_mapping(
        {"rules": {"LM001": {"limit": 7, "mode": "hard"}}}, base=RULES
    )
    params: Any = rules["LM001"].params
    assert (params.limit, params.twice) == (7, 14)


@pytest.mark.parametrize(
    ("given", "named", "detail"),
    [
        # The parameters' own validator names the field `Limits._limit`.
        ({"limit": 12}, "rules.LM001.limit: ", "is outside 1..9"),
        # attrs' own validator names the attrs.Attribute `_mode`.
        ({"mode": "loud"}, "rules.LM001.mode: ValueError: ", "'loud'"),
    ],
)
def test_a_rules_file_names_a_wrong_private_field_as_given(
    given: dict[str, object], named: str, detail: str
) -> None:
    with pytest.raises(RuleConfigurationError) as raised:
        RuleSet.from_mapping({"rules": {"LM001": given}}, base=RULES, source="r.toml")
    message = str(raised.value)
    assert message.startswith(f"r.toml: {named}")
    assert detail in message
    assert "no parameter" not in message


def test_every_wrong_private_field_of_a_table_is_named() -> None:
    with pytest.raises(RuleConfigurationError) as raised:
        RuleSet.from_mapping(
            {"rules": {"LM001": {"limit": 0, "mode": "loud"}}},
            base=RULES,
            source="r.toml",
        )
    message = str(raised.value)
    assert "rules.LM001.limit: " in message
    assert "is outside 1..9" in message
    assert "rules.LM001.mode: ValueError: " in message


def test_to_mapping_writes_a_private_field_as_given_and_reads_back() -> None:
    rules = RULES.configure("LM001", limit=4)
    written = rule_set_to_mapping(rules, RULES)
    assert written["rules"]["LM001"] == {"limit": 4}
    again = RuleSet.from_mapping(written, base=RULES)
    assert again == rules


def test_the_reference_lists_the_parameters_as_given() -> None:
    text = rule_reference([Limited()])
    assert "| `limit` | `3` |" in text
    assert "| `mode` | `soft` |" in text
    assert "_limit" not in text
    assert "twice" not in text


@attrs.frozen
class Worked:
    """Parameters all worked out: none is given."""

    twice: int = attrs.field(init=False, default=2)


@attrs.frozen
class AllWorked(Limited):
    code: ClassVar[str] = "NP001"
    name: ClassVar[str] = "all-worked-out"
    params: Worked = attrs.field(factory=Worked)  # type: ignore[assignment]


@pytest.mark.parametrize(
    "rule", [AllWorked(), DEFAULT_RULES["FU009"]], ids=["init-false", "NoParams"]
)
def test_a_rule_without_parameters_says_it_has_none(rule: Any) -> None:
    rules = RULES.extend(rule) if rule.code not in RULES.codes else RULES
    with pytest.raises(RuleConfigurationError) as raised:
        rules.configure(rule.code, twice=3)
    assert str(raised.value).endswith("has no parameter 'twice'; it has none")
    with pytest.raises(RuleConfigurationError) as raised:
        RuleSet.from_mapping(
            {"rules": {rule.code: {"twice": 3, "other": 1}}}, base=rules, source="f"
        )
    # Every key is named, each at its own place.
    message = str(raised.value)
    assert f"f: rules.{rule.code}.twice: " in message
    assert f"f: rules.{rule.code}.other: " in message
    assert message.count("it has none") == 2
