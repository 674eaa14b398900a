"""Plugin rules: which object is the rule, load order, and their reference."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from distributions import rule_source, write_distribution
from followup import DEFAULT_RULES
from followup._reference import rule_reference, rule_table
from followup.plugins import PluginError

if TYPE_CHECKING:
    import pathlib
    from collections.abc import Callable


def test_a_rule_that_is_callable_is_taken_as_it_is(
    install: Callable[..., None],
) -> None:
    source = rule_source("CAL001", "callable-rule")
    source += "\nRule.__call__ = lambda self: 'not a rule'\nINSTANCE = Rule()\n"
    install("callable-plugin", "callable_plugin", source, {"callable": "INSTANCE"})
    assert DEFAULT_RULES.with_plugins("callable").codes[-1] == "CAL001"


def test_entry_points_of_one_name_load_in_the_order_python_finds_them(
    tmp_path: pathlib.Path,
    install: Callable[..., None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    install("ant-plugin", "ant_plugin", rule_source("ANT001", "ant"), {"dup": "Rule"})
    first = tmp_path / "first"
    first.mkdir()
    source = rule_source("ZED001", "zed")
    write_distribution(first, "zed-plugin", "zed_plugin", source, {"dup": "Rule"})
    monkeypatch.syspath_prepend(str(first))
    assert DEFAULT_RULES.with_plugins("dup").codes[-2:] == ("ZED001", "ANT001")


def test_the_rule_table_marks_a_rule_without_advice_with_a_dash(
    install_rule: Callable[..., None],
) -> None:
    install_rule("one-plugin", "ONE001", {"one": "Rule"})
    rules = DEFAULT_RULES.with_plugins("one").select("ONE001")
    assert rule_table(rules).splitlines() == [
        "code    name             advice  phases   summary",
        "ONE001  one-plugin-rule  -       propose  A test rule.",
    ]


def test_the_rule_reference_says_which_advice_no_rule_encodes(
    install_rule: Callable[..., None],
) -> None:
    install_rule("one-plugin", "ONE001", {"one": "Rule"})
    text = rule_reference(DEFAULT_RULES.with_plugins("one").select("ONE001"))
    assert "\n| A14 | Do not call frequently. | (none) |\n" in text


def test_the_rule_reference_writes_a_set_of_plain_values_sorted(
    install: Callable[..., None],
) -> None:
    days = "days: frozenset = frozenset({'sun', 'sat'})"
    source = rule_source("SET001", "set-rule").replace("level: int = 1", days)
    install("set-plugin", "set_plugin", source, {"sets": "Rule"})
    text = rule_reference(DEFAULT_RULES.with_plugins("sets").select("SET001"))
    assert text.endswith("| `days` | `['sat', 'sun']` |\n")


def test_a_plugin_rule_with_a_bad_phase_is_refused_in_the_plugin_s_name(
    install: Callable[..., None],
) -> None:
    # Checked when the plugin loads, so that the message names the
    # distribution to fix, not only the rule.
    source = rule_source("PHA001", "phased") + "\nRule.phase = 'place'\n"
    install("phased-plugin", "phased_plugin", source, {"phased": "Rule"})
    with pytest.raises(PluginError) as raised:
        DEFAULT_RULES.with_plugins("phased")
    assert str(raised.value) == (
        "plugin 'phased' (phased_plugin:Rule) from phased-plugin 1.0: rule PHA001 "
        "declares phase 'place'; a phase is one of Phase.PROPOSE, Phase.DROP, "
        "Phase.ADJUST, Phase.PLACE, or a tuple of them"
    )
