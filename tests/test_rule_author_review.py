"""What a rule author's review found: clashes reported together, a near-rule named.

A plugin rule whose code and name were both taken was reported for its
code alone, so mending that revealed the other; an object that was almost
a rule was told what a rule has, not what it lacked.
"""

from __future__ import annotations

import pathlib

import pytest

from distributions import rule_source
from followup import DEFAULT_RULES, PluginError, RuleConfigurationError

EXAMPLE = pathlib.Path(__file__).parent.parent / "examples" / "followup-blackout"


def test_a_rule_whose_code_and_name_are_both_taken_is_reported_for_both(install):
    install("h88-dup", "h88_dup", rule_source("HDP001", "h88-dup-name"),
            {"h88-dup": "Rule"})  # fmt: skip
    install("h88-dupname", "h88_dupname", rule_source("HDN001", "h88-linkedin"),
            {"h88-dupname": "Rule"})  # fmt: skip
    # Its code is the first one's, its name the second one's.
    install("h88-linkedin", "h88_linkedin", rule_source("HDP001", "h88-linkedin"),
            {"h88-linkedin": "Rule"})  # fmt: skip
    with pytest.raises(PluginError) as raised:
        DEFAULT_RULES.with_plugins("h88-dup", "h88-dupname", "h88-linkedin")
    assert raised.value.problems == (
        (
            "'HDP001' is taken twice: by HDP001 h88-dup-name (plugin h88-dup 1.0, "
            "h88_dup.Rule) and by the plugin rule HDP001 h88-linkedin (plugin "
            "h88-linkedin 1.0, h88_linkedin.Rule)"
        ),
        (
            "'h88-linkedin' is taken twice: by HDN001 h88-linkedin (plugin "
            "h88-dupname 1.0, h88_dupname.Rule) and by the plugin rule HDP001 "
            "h88-linkedin (plugin h88-linkedin 1.0, h88_linkedin.Rule)"
        ),
    )


@pytest.mark.parametrize(
    ("removed", "lacks"),
    [
        ({"check"}, "check()"),
        ({"check", "params"}, "params or check()"),
        ({"check", "params", "code"}, "code, params or check()"),
    ],
)
def test_an_object_that_is_almost_a_rule_is_told_what_it_lacks(removed, lacks):
    present = {
        "code": "ZZZ001",
        "name": "almost",
        "summary": "Nearly a rule.",
        "advice": (),
        "params": None,
        "plan": lambda self, draft: draft,
        "check": lambda self, facts, steps: (),
        "__repr__": lambda self: "AlmostARule()",
    }
    kind = type(
        "AlmostARule", (), {k: v for k, v in present.items() if k not in removed}
    )
    with pytest.raises(RuleConfigurationError) as raised:
        DEFAULT_RULES.extend(kind())
    assert str(raised.value) == (
        "AlmostARule() is not a rule: a rule has code, name, summary, advice, "
        f"params, plan() and check(); it has no {lacks}"
    )


def test_what_is_nothing_like_a_rule_is_told_what_a_rule_has():
    with pytest.raises(RuleConfigurationError) as raised:
        DEFAULT_RULES.extend(42)
    assert str(raised.value) == (
        "42 is not a rule: a rule has code, name, summary, advice, params, plan() "
        "and check()"
    )


def test_the_example_plugin_ships_its_types():
    # The template a rule author copies: its types reach their checker
    # (.ci/run checks the plugin itself with mypy --strict).
    assert (EXAMPLE / "src" / "followup_blackout" / "py.typed").is_file()
